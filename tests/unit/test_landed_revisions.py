"""A landed Alembic revision is never edited (DESIGN rule 14): installed devices and servers already ran it,
so a change there would never reach them. landed_revisions.sha256 (sha256sum format, paths from the
repository root) lists every revision of both stores with the digest it landed with."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANDED = Path(__file__).with_name("landed_revisions.sha256")
VERSIONS = ("src/scanapp/store/migrations/versions", "sync/scansync/migrations/versions")


def landed() -> dict[str, str]:
    pairs = (line.split(maxsplit=1) for line in LANDED.read_text(encoding="utf-8").splitlines() if line.strip())
    return {path.strip(): digest for digest, path in pairs}


def test_no_landed_revision_was_edited() -> None:
    edited = [
        path for path, digest in landed().items() if hashlib.sha256((ROOT / path).read_bytes()).hexdigest() != digest
    ]
    assert not edited, (
        f"{', '.join(edited)}: a landed revision was edited. Installed stores already ran it and will not run "
        "it again: put it back as it was and add a new revision instead."
    )


def test_every_revision_is_listed_once_it_lands() -> None:
    present = {str(p.relative_to(ROOT)) for folder in VERSIONS for p in (ROOT / folder).glob("*.py")}
    listed = set(landed())
    assert listed <= present, (
        f"landed revisions missing (never delete one; add a new revision instead): {listed - present}"
    )
    assert present <= listed, (
        f"revisions not in {LANDED.name}: {sorted(present - listed)}. When a new revision lands, add its "
        "`sha256sum` line there; from then on it is never edited."
    )
