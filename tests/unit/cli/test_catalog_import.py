"""`scanapp catalog import`: good rows in, every bad row refused with its line number and reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scanapp.cli import main
from tests.helpers import CHIPS, COLA, WATER

HEADER = "sku,name,parent_name,gtin\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def write(tmp_path: Path, body: bytes | str, name: str = "c.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return path


def lookup(capsys: pytest.CaptureFixture[str], code: str) -> str | None:
    from scanapp.bootstrap import App

    app = App(data_dir=Path(__import__("os").environ["SCANAPP_DATA_DIR"]))
    with app.uow() as uow:
        sku = uow.catalog.sku_for_code(code)
    app.close()
    return sku


def test_import_with_extra_gtin_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path,
        HEADER + f"A1,Cola 330 ml,Cola,{COLA}\nA1,Cola 330 ml,Cola,1{COLA[:-1]}\n"
        f"B2,Water,Water,{WATER}\n\nC3,Chips,,{CHIPS}\n",
    )
    # The case GTIN-14 needs its own check digit.
    from biip.checksums import gs1_standard_check_digit

    case = "1" + COLA[:-1]
    case += str(gs1_standard_check_digit(case))
    path.write_text(path.read_text().replace(f"1{COLA[:-1]}\n", case + "\n"))
    code, out, err = run(capsys, "catalog", "import", str(path))
    assert (code, err) == (0, "")
    assert out.startswith("imported 4 rows, rejected 0 rows; the catalog has 3 products")
    assert lookup(capsys, COLA.zfill(14)) == lookup(capsys, case) == "A1"
    assert lookup(capsys, WATER.zfill(14)) == "B2"


def test_bad_rows_are_refused_with_line_and_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (
        HEADER
        + f"A1,Cola,Cola,{COLA}\n"  # 2 ok
        + "A2,Bad digit,Cola,4006381333932\n"  # 3 check digit
        + f"A3,,Cola,{WATER}\n"  # 4 missing name
        + "A4,Short row\n"  # 5 too few fields
        + f"A5,Dup,Cola,{COLA}\n"  # 6 GTIN of another SKU
        + "A6,Letters,Cola,40063813339X1\n"  # 7 not digits
        + f"A1,Cola again,Cola,{COLA}\n"  # 8 same GTIN, same SKU: fine
        + f"{'S' * 70},Long sku,Cola,{CHIPS}\n"  # 9 sku too long
    )
    code, out, err = run(capsys, "catalog", "import", str(write(tmp_path, body)))
    assert code == 1
    assert "imported 2 rows, rejected 6 rows" in out
    lines = err.strip().splitlines()
    assert lines == [
        "line 3: gtin '4006381333932': bad check digit: expected 1, got 2",
        "line 4: missing name",
        "line 5: expected at least 4 fields, found 2",
        "line 7: gtin '40063813339X1': GTIN must be digits only",
        "line 9: sku is 70 characters long (at most 64)",
        "line 6: GTIN 04006381333931 already belongs to SKU A1",
    ]


def test_missing_columns_import_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "catalog", "import", str(write(tmp_path, f"sku,title,ean\nA1,Cola,{COLA}\n")))
    assert code == 2
    assert "missing columns name, parent_name, gtin" in err
    assert "found: sku, title, ean" in err
    assert out == ""


def test_wrong_encoding_rows_are_refused_the_rest_imported(tmp_path: Path, capsys) -> None:
    body = (HEADER + f"A1,Caf\u00e9 cr\u00e8me,Coffee,{COLA}\n").encode("latin-1") + f"B2,Water,W,{WATER}\n".encode()
    code, out, err = run(capsys, "catalog", "import", str(write(tmp_path, body)))
    assert code == 1
    assert "line 2: name is not valid UTF-8 (byte 0xE9); save the file as UTF-8" in err
    assert "imported 1 rows, rejected 1 rows" in out


def test_utf16_file_is_refused_as_a_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "catalog", "import", str(write(tmp_path, (HEADER + f"A1,Cola,C,{COLA}\n").encode("utf-16")))
    )
    assert code == 2 and "UTF-16" in err


def test_utf8_bom_and_quoted_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "\ufeff" + HEADER + f'A1,"Cola, classic ""red""",Cola,{COLA}\n'
    code, out, _ = run(capsys, "catalog", "import", str(write(tmp_path, body)))
    assert code == 0 and "imported 1 rows" in out


def test_broken_quotes_are_refused_and_reading_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = HEADER + f'A1,"Cola" extra,Cola,{COLA}\nB2,Water,W,{WATER}\n'
    code, out, err = run(capsys, "catalog", "import", str(write(tmp_path, body)))
    assert code == 1
    assert err.startswith("line 2: broken quoting")
    assert "imported 1 rows, rejected 1 rows" in out


def test_unterminated_quote_at_the_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = HEADER + f"B2,Water,W,{WATER}\n" + f'A1,"Cola,Cola,{COLA}\nC3,Chips,C,{CHIPS}\n'
    code, out, err = run(capsys, "catalog", "import", str(write(tmp_path, body)))
    assert code == 1
    assert "line 3: broken quoting" in err and "lines 3-4 skipped" in err
    assert "imported 1 rows, rejected 1 rows" in out


def test_empty_and_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "catalog", "import", str(write(tmp_path, "")))
    assert code == 2 and "is empty" in err
    code, _, err = run(capsys, "catalog", "import", str(tmp_path / "nope.csv"))
    assert code == 2 and "Cannot read" in err


def test_reimporting_the_same_file_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, HEADER + f"A1,Cola,Cola,{COLA}\nB2,Water,W,{WATER}\n")
    assert run(capsys, "catalog", "import", str(path))[0] == 0
    code, out, _ = run(capsys, "catalog", "import", str(path))
    assert code == 0 and "the catalog has 2 products" in out


def test_entry_point_runs_as_a_program(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + f"A1,Cola,Cola,{COLA}\n")
    proc = subprocess.run(
        [sys.executable, "-m", "scanapp", "--data-dir", str(tmp_path / "d"), "catalog", "import", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "d" / "scanapp.db").exists()
    proc = subprocess.run(
        [sys.executable, "-m", "scanapp", "decode", "--json", COLA], capture_output=True, text=True, timeout=60
    )
    assert json.loads(proc.stdout)["gtin14"] == COLA.zfill(14)
