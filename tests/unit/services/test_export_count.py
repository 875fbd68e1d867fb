"""A count's variance report in CSV, JSON and PDF (S11, C10): counted 0 apart from not counted, the status and
the supervisor's decisions with who made them, the totals; the PDF read back with pdftotext. The same through
`scanapp export COUNT --format … -o FILE`."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from scanapp.bootstrap import App
from scanapp.cli import main
from scanapp.domain.counts import Count, Session
from scanapp.domain.permissions import Actor
from scanapp.domain.variance import Decision
from scanapp.services.supervision import Supervision
from tests.helpers import FixedClock


@pytest.fixture
def decided(
    supervision: Supervision, supervisor: Actor, clock: FixedClock, counted: tuple[Count, Session, Session]
) -> Count:
    clock.advance(timedelta(minutes=1))
    supervision.decide(supervisor, counted[0].id, "SKU-COLA", Decision.APPROVED, "")
    supervision.decide(supervisor, counted[0].id, "SKU-CHIPS", Decision.FORCED, "shelf empty, checked twice")
    return counted[0]


def test_csv_tells_counted_zero_from_not_counted_with_status_and_decisions(
    supervision: Supervision, decided: Count, tmp_path: Path
) -> None:
    out = tmp_path / "count.csv"
    supervision.export(decided.id, "csv", out)
    *rows, total = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == [
        "item_key", "name", "expected", "counted", "status", "variance", "percent", "decision", "decided_by", "reason"
    ]  # fmt: skip
    by_key = {r["item_key"]: r for r in rows}
    assert {k: (r["counted"], r["status"]) for k, r in by_key.items()} == {
        "SKU-CHIPS": ("0", "forced"),  # counted, as 0
        "SKU-COLA": ("7", "approved"),
        "SKU-JUICE": ("", "not counted"),  # not counted: no number at all
        "SKU-WATER": ("1", "no stock record"),
    }
    assert by_key["SKU-CHIPS"]["reason"] == "shelf empty, checked twice" and by_key["SKU-CHIPS"]["decided_by"] == "sam"
    assert (by_key["SKU-COLA"]["variance"], by_key["SKU-COLA"]["percent"]) == ("-5.0", "-41.67")
    assert (by_key["SKU-JUICE"]["variance"], by_key["SKU-JUICE"]["decision"]) == ("", "")
    assert (total["item_key"], total["status"], total["counted"], total["expected"]) == ("TOTAL", "total", "8", "19.0")
    assert "1 not counted" in total["name"] and "(1 as 0)" in total["name"]


def test_json_keeps_none_for_not_counted_and_lists_the_approvals(
    supervision: Supervision, decided: Count, tmp_path: Path
) -> None:
    out = tmp_path / "count.json"
    supervision.export(decided.id, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    lines = {ln["item_key"]: ln for ln in data["lines"]}
    assert lines["SKU-JUICE"]["counted"] is None and lines["SKU-CHIPS"]["counted"] == 0
    assert [(a["item_key"], a["decision"], a["decided_by"]) for a in data["approvals"]] == [
        ("SKU-CHIPS", "forced", "sam"),
        ("SKU-COLA", "approved", "sam"),
    ]
    t = data["totals"]
    assert (t["listed"], t["counted"], t["counted_zero"], t["not_counted"], t["units"]) == (3, 3, 1, 1, 8)
    assert (t["approved"], t["forced"], t["pending_approval"], t["no_stock_record"]) == (1, 1, 0, 1)
    assert data["threshold"] == {"kind": "percent", "value": 5.0}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_has_the_count_the_date_who_approved_the_table_and_the_totals(
    supervision: Supervision, decided: Count, tmp_path: Path
) -> None:
    out = tmp_path / "count.pdf"
    supervision.export(decided.id, "pdf", out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True, text=True).stdout
    assert "Count: Aisle 5" in text
    assert "2026-11-22" in text  # the date it was made
    assert "Decided by" in text and "sam (2)" in text
    assert "shelf empty, checked twice" in text
    rows: dict[str, list[str]] = {}
    for line in text.splitlines():  # each item's first line of the variance table (a long name wraps)
        if line.strip().startswith("SKU-"):
            rows.setdefault(line.split()[0], line.split())
    assert "not" in rows["SKU-JUICE"] and "counted" in rows["SKU-JUICE"]  # status "not counted", no number
    assert "forced" in rows["SKU-CHIPS"] and "0" in rows["SKU-CHIPS"]
    assert "Not counted" in text and "Counted zero" in text  # the totals


def test_the_cli_writes_the_same_report_and_session_export_still_works(
    store_dir_app: tuple[App, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app, count_id, session_id = store_dir_app
    out = tmp_path / "c.csv"
    assert main(["--data-dir", str(app.data_dir), "export", count_id, "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["item_key"]: (r["counted"], r["status"]) for r in rows}["SKU-JUICE"] == ("", "not counted")
    pdf = tmp_path / "c.pdf"
    assert main(["--data-dir", str(app.data_dir), "export", count_id, "--format", "pdf", "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["--data-dir", str(app.data_dir), "export", session_id, "--format", "json"]) == 0
    session = json.loads(capsys.readouterr().out)
    assert session["session"]["id"] == session_id and session["items"]


@pytest.fixture
def store_dir_app(tmp_path: Path, clock: FixedClock) -> tuple[App, str, str]:
    """The `counted` case in an app's data directory (closed again, so the command opens it afresh)."""
    from scanapp.domain.counts import CountKind
    from scanapp.domain.permissions import ROLES
    from tests.helpers import add_products

    app = App(data_dir=tmp_path / "data", clock=clock)
    supervisor = Actor("sam", app.device_id, ROLES["supervisor"])
    add_products(app.store, {"SKU-COLA": [], "SKU-JUICE": []})
    count, session = app.counting.create_count(
        supervisor, "Aisle 9", CountKind.DIRECTED, clock.now(), [("SKU-COLA", 2.0), ("SKU-JUICE", 1.0)]
    )
    app.counting.start(supervisor, session.id)
    app.counting.add_hand_counted(supervisor, session.id, [("SKU-COLA", 0)])
    app.supervision.decide(supervisor, count.id, "SKU-COLA", Decision.REJECTED, "recount the top shelf")
    app.close()
    return app, count.id, session.id
