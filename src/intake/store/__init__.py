"""The store: SQLModel tables over SQLite (default) or PostgreSQL, upgraded by Alembic."""

from intake.store.db import Database, default_database_url, open_database

__all__ = ["Database", "default_database_url", "open_database"]
