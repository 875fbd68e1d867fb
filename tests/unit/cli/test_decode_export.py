"""`scanapp decode`, `scanapp export` and where the data lives."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from scanapp import paths
from scanapp.cli import main
from scanapp.domain.refusals import RefusalReason
from tests.helpers import COLA


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_decode_human_readable_with_gs_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "decode", r"]C10100012345678905\x1d10ABC123<GS>17251231")
    assert code == 0
    assert "GTIN-14:   00012345678905 (GTIN-14)" in out
    assert "lot:       ABC123" in out and "expiry:    2025-12-31" in out
    assert "raw:       ]C10100012345678905<GS>10ABC123<GS>17251231" in out


def test_decode_json_and_rejection(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "decode", "--json", "]E0" + COLA)
    assert code == 0
    data = json.loads(out)
    assert data["ok"] and data["gtin14"] == COLA.zfill(14) and data["symbology"] == "]E0"
    code, out, _ = run(capsys, "decode", "--json", COLA[:-1] + "2")
    assert code == 1
    assert json.loads(out) == {"ok": False, "raw": COLA[:-1] + "2", "error": "bad check digit: expected 1, got 2"}
    code, out, _ = run(capsys, "decode", "x" * 10_000)
    assert code == 1 and "too long: 10000 characters" in out


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    data_dir = tmp_path / "demo"
    # --demo creates the data set on first use of the store; export of an unknown name then fails cleanly.
    code, _, err = run(capsys, "--data-dir", str(data_dir), "--demo", "export", "no such count")
    assert code == 2 and "No session or count 'no such count'" in err
    return data_dir


def test_export_count_csv_and_json(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--data-dir", str(demo), "export", "Endcap promo check", "--format", "csv")
    assert code == 0
    *rows, total = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 27  # 25 listed products, 1 scanned but not listed, 1 unmatched scan
    assert sum(int(r["counted"] or 0) for r in rows) == 17 == int(total["counted"])
    assert total["item_key"] == "TOTAL" and total["status"] == "total"
    # C10: an item not counted has no count (blank), and says so; a counted one has its units and status.
    assert {r["status"] for r in rows if not r["counted"]} == {"not counted"}
    listed = [r for r in rows if r["expected"] and r["counted"]]
    assert all(float(r["variance"]) == int(r["counted"]) - float(r["expected"]) for r in listed)
    code, out, _ = run(capsys, "--data-dir", str(demo), "export", "Endcap promo check", "--format", "json")
    data = json.loads(out)
    assert {k: data["totals"][k] for k in ("units", "unique_products", "unmatched_scans")} == {
        "units": 17,
        "unique_products": 16,
        "unmatched_scans": 1,
    }
    assert data["count"]["state"] == "In progress"


def test_export_session_by_id_prefix(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--data-dir", str(demo), "export", "Endcap promo check", "--format", "json")
    count_id = json.loads(out)["count"]["id"]
    from scanapp.bootstrap import App
    from scanapp.store import queries

    app = App(data_dir=demo)
    with app.store.read() as conn:
        session_id = queries.sessions_of(conn, count_id)[0].session.id
    # A scan refused in it (a dialog was open): in the export, apart from the scans, in no total.
    reading = {"ok": True, "code": COLA.zfill(14)}
    app.counting.refusals.keep(session_id, "alex", COLA, reading, RefusalReason.DIALOG_OPEN, "wedge", detail="Edit")
    app.close()
    code, out, _ = run(capsys, "--data-dir", str(demo), "export", session_id[:20], "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["totals"]["units"] == 17 and data["totals"]["unmatched"] == 1
    assert [ln["ordinal"] for ln in data["lines"]] == list(range(17, 0, -1))
    assert data["totals"]["refused_scans"] == 1
    assert [(r["raw"], r["reason"]) for r in data["refused"]] == [
        (COLA, "Scans are not taken while “Edit” is open: close it, then scan again.")
    ]
    code, out, _ = run(capsys, "--data-dir", str(demo), "export", session_id, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["category"] for r in rows} == {"Counted", "Undirected", "Uncounted", "Unmatched", "Refused"}
    assert [(r["status"], r["units"]) for r in rows if r["category"] == "Refused"] == [("refused", "0")]


def test_ambiguous_reference(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--data-dir", str(demo), "export", "Default session")
    assert code == 2 and "names 3 sessions; use the full id" in err


def test_data_dir_option_then_env_then_platform_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SCANAPP_DATA_DIR", str(tmp_path / "env"))
    assert paths.data_dir(str(tmp_path / "opt")) == tmp_path / "opt"
    assert paths.data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("SCANAPP_DATA_DIR")
    import platformdirs

    assert paths.data_dir(None) == Path(platformdirs.user_data_dir("ScanApp", appauthor=False))


def test_the_demo_opens_signed_in_as_the_associate(demo: Path) -> None:
    from scanapp.bootstrap import App

    app = App(data_dir=demo)
    user = app.users.remembered()
    app.close()
    assert user is not None and user.user_id == "alex"
