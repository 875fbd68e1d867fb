"""`scanapp decode` and `scanapp listen` lines for the H4 additions: dates as ISO dates, Digital Link,
UPC-E and AIM claims, through the fixed CLI interface."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scanapp.cli import main
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead

DL = "https://id.gs1.org/01/09506000134352/10/ABC123?17=251231&11=250100"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_decode_json_gives_date_ais_as_iso_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "decode", "--json", r"]C10109506000134352\x1d7003251231123017260228")
    assert code == 0
    data = json.loads(out)
    assert [(g["ai"], g["value"], g["date"], g["datetime"]) for g in data["gs1"]] == [
        ("01", "09506000134352", None, None),
        ("7003", "2512311230", "2025-12-31", "2025-12-31T12:30:00"),
        ("17", "260228", "2026-02-28", None),
    ]
    assert data["expiry"] == "2026-02-28"
    code, out = run(capsys, "decode", "--json", r"]C10109506000134352\x1d17260230")
    assert code == 1 and "date/time from '260230'" in json.loads(out)["error"]


def test_decode_json_digital_link(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "decode", "--json", DL)
    data = json.loads(out)
    assert code == 0
    assert (data["kind"], data["gtin14"], data["lot"], data["expiry"]) == (
        "digital_link",
        "09506000134352",
        "ABC123",
        "2025-12-31",
    )
    assert {g["ai"]: g["date"] for g in data["gs1"]} == {
        "01": None,
        "10": None,
        "17": "2025-12-31",
        "11": "2025-01-31",  # day 00: the month's last day
    }


def test_decode_human_shows_dates_next_to_their_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "decode", DL)
    assert code == 0
    assert "kind:      digital_link" in out
    assert "GS1:       (01) 09506000134352 (10) ABC123 (17) 251231 = 2025-12-31 (11) 250100 = 2025-01-31" in out


def test_decode_upce_and_a_broken_claim(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "decode", "04252614")
    assert code == 0 and "GTIN-14:   00042100005264 (UPC-E)" in out
    code, out = run(capsys, "decode", "--json", "]E41234567")
    assert code == 1
    assert json.loads(out) == {
        "ok": False,
        "raw": "]E41234567",
        "error": "]E4 says EAN-8: 8 digits, but the data has 7",
    }


def test_listen_line_has_the_decode_fields_with_dates() -> None:
    read = ScanRead(text=DL, source="stdin", at=datetime(2026, 1, 2, 3, 4, tzinfo=UTC), data=DL.encode())
    line = ScanPipeline().process(read).to_dict()
    assert line["kind"] == "digital_link" and line["expiry"] == "2025-12-31"
    assert [g["date"] for g in line["gs1"]] == [None, None, "2025-12-31", "2025-01-31"]
    assert line["source"] == "stdin" and line["at"] == "2026-01-02T03:04:00+00:00"


def test_listen_stdin_prints_dates_and_claims(tmp_path: Path) -> None:
    lines = f"{DL}\n]E41234567\n04252614\n".encode()
    done = subprocess.run(
        [sys.executable, "-m", "scanapp", "--data-dir", str(tmp_path), "listen", "--stdin"],
        input=lines,
        capture_output=True,
        timeout=60,
        check=True,
    )
    out = [json.loads(line) for line in done.stdout.splitlines()]
    scans = [o for o in out if o.get("event") == "scan"]
    assert [s["ok"] for s in scans] == [True, False, True]
    assert scans[0]["gs1"][2]["date"] == "2025-12-31"
    assert scans[1]["error"] == "]E4 says EAN-8: 8 digits, but the data has 7"
    assert (scans[2]["gtin14"], scans[2]["gtin_format"]) == ("00042100005264", "UPC-E")
