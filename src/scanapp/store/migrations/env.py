"""Alembic environment for the local store. The connection is always handed in by Store._migrate
(or by a test); there is no URL in configuration."""

from alembic import context

from scanapp.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through scanapp.store.database.Store.open()")

# render_as_batch: SQLite cannot ALTER most things in place; batch mode copies the table instead.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
