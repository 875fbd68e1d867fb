"""Alembic environment for the server database. The connection is handed in by Database.migrate()."""

from alembic import context
from scansync.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run server migrations through scansync.db.Database.migrate()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
