"""Alembic revisions of the local store; Alembic loads them by path, never by import."""
