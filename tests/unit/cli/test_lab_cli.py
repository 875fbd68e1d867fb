"""`scanapp lab sessions`, `scanapp lab view` and `scanapp export LAB_SESSION --format csv|json|pdf` on the demo
store (its past session: Lab B monthly check), the PDF read back with pdftotext."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from scanapp.cli import main

PAST = "Lab B monthly check"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("lab") / "demo"
    assert main(["--data-dir", str(data_dir), "--demo", "lab", "sessions"]) == 0
    return data_dir


def test_sessions_active_past_and_json(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--data-dir", str(demo), "lab", "sessions")
    assert code == 0 and out.strip() == "No active reconciliation session."
    code, out, _ = run(capsys, "--data-dir", str(demo), "lab", "sessions", "--past")
    assert code == 0 and PAST in out and "81/120" in out
    code, out, _ = run(capsys, "--data-dir", str(demo), "lab", "sessions", "--past", "--json")
    (session,) = json.loads(out)
    assert (session["name"], session["lab"], session["started_by"], session["expected"], session["found"]) == (
        PAST,
        "Lab B",
        "lee",
        120,
        81,
    )
    assert session["unknown_codes"] == 1 and session["not_in_scope"] == 1 and session["ended_at"]


def test_the_three_views(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sizes = {}
    for view in ("not-scanned", "not-in-listing", "listing"):
        code, out, _ = run(capsys, "--data-dir", str(demo), "lab", "view", PAST, "--view", view, "--format", "json")
        assert code == 0
        sizes[view] = json.loads(out)
    assert (len(sizes["not-scanned"]), len(sizes["not-in-listing"]), len(sizes["listing"])) == (39, 1, 120)
    assert {r["resolution"] for r in sizes["not-scanned"]} == {"archived", "still missing"}
    assert sizes["not-in-listing"][0]["lab"] == "Lab A" and sizes["not-in-listing"][0]["tag"] == "Not in Scope"
    code, out, _ = run(capsys, "--data-dir", str(demo), "lab", "view", PAST, "--view", "listing", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 120 and sum(1 for r in rows if r["found_at"]) == 81
    code, _, err = run(capsys, "--data-dir", str(demo), "lab", "view", "nope", "--view", "listing")
    assert code == 2 and "No reconciliation session 'nope'" in err


def test_the_report_as_csv_json_and_pdf(demo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(demo), "export", PAST, "--format", "json")
    data = json.loads(out)
    assert data["session"]["started_by"] == "lee" and data["totals"]["found"] == 81
    assert [s["tag"] for s in data["scans"]].count("Wrong location") == 1
    assert [(a["action"], a["detail"]) for a in data["actions"]] == [("move", "moved from Shelf 4 to Cabinet 3")]
    assert len(data["resolutions"]) == 39 and data["unknown_codes"][0]["note"].startswith("Supplier sticker")
    code, out, _ = run(capsys, "--data-dir", str(demo), "export", PAST, "--format", "csv")
    records = [r["record"] for r in csv.DictReader(io.StringIO(out))]
    assert {r: records.count(r) for r in set(records)} == {
        "session": 2,
        "scope": 120,
        "scan": 83,
        "action": 1,
        "resolution": 39,
        "unknown": 1,
    }
    code, _, err = run(capsys, "--data-dir", str(demo), "export", PAST, "--format", "pdf")
    assert code == 2 and "add -o FILE" in err
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: scripts/install-system-deps installs poppler-utils")
    target = tmp_path / "report.pdf"
    code, _, _ = run(capsys, "--data-dir", str(demo), "export", PAST, "--format", "pdf", "-o", str(target))
    assert code == 0
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    for words in (f"Inventory reconciliation: {PAST}", "Lab B – everything", "by lee", "Wrong location", "Resolutions"):
        assert words in text
    assert "SUPPLIER-7731" in text and "Supplier sticker on a new box" in text


def test_retail_exports_as_pdf_too(demo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "count.pdf"
    code, _, _ = run(
        capsys, "--data-dir", str(demo), "export", "Endcap promo check", "--format", "pdf", "-o", str(target)
    )
    assert code == 0
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Count: Endcap promo check" in text and "Variance" in text
