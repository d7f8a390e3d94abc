"""The local store: SQLAlchemy models, repositories, migrations, outbox."""
