"""what a 0005 store may have missed: revision 0005 first followed 0002 directly, and was later put after 0004
(edited where it had landed). A store upgraded while 0005 followed 0002 records 0005 but has none of 0003 (refused
scans, item lines) or 0004 (the lab's tables), and Alembic, seeing 0005, never runs them. They run here on such a
store; on every other store this revision does nothing.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 15:30:00
"""

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _revision(file_name: str) -> ModuleType:
    """A sibling revision's module (the revision files are not a package), to run its upgrade as it stands."""
    path = Path(__file__).with_name(file_name)
    spec = importlib.util.spec_from_file_location(f"scanapp_revision_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    tables = set(sa.inspect(op.get_bind()).get_table_names())
    # Each revision made its objects in one transaction: its first table stands for all of them.
    if 'refused_scans' not in tables:
        _revision('0003_refused_scans_and_item_lines.py').upgrade()
    if 'lab_scope' not in tables:
        _revision('0004_lab_reconciliation.py').upgrade()


def downgrade() -> None:
    pass  # nothing of its own: on a store it repaired, 0003's and 0004's objects belong to those revisions
