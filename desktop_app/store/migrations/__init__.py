"""Alembic migration scripts of the local store, shipped as package data (see env.py)."""
