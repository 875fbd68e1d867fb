"""How the command line starts: a subcommand loads only what it uses, and a data folder that cannot be used
is said in one line (exit 2), never with a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scanapp import paths
from scanapp.cli import main

HEAVY = ("sqlalchemy", "alembic", "httpx", "PySide6", "scanapp.store", "scanapp.sync", "scanapp.services")


def loaded_after(argv: list[str], env: dict[str, str] | None = None) -> list[str]:
    """The heavy modules a fresh interpreter has loaded after running `scanapp ARGV`."""
    script = (
        "import json, sys\n"
        "from scanapp.cli import main\n"
        f"status = main({argv!r})\n"
        f"heavy = sorted({{m.split('.')[0] if not m.startswith('scanapp') else '.'.join(m.split('.')[:2])"
        f" for m in sys.modules if m.startswith({HEAVY!r})}})\n"
        "print(json.dumps({'status': status, 'heavy': heavy}), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env or dict(os.environ)
    )
    result = json.loads(done.stderr.strip().splitlines()[-1])
    assert result["status"] == 0, done.stderr
    return list(result["heavy"])


def test_decode_loads_no_store_no_http_no_qt() -> None:
    assert loaded_after(["decode", "4006381333931"]) == []
    assert loaded_after(["decode", "--json", "]C10100012345678905\x1d10ABC"]) == []


def test_decode_needs_no_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert main(["--data-dir", str(not_a_folder), "decode", "4006381333931"]) == 0
    assert "GTIN" in capsys.readouterr().out


def test_a_file_as_data_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "scans.db"
    a_file.write_text("not a folder")
    assert main(["--data-dir", str(a_file), "export", "x", "--format", "csv"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"scanapp: the data folder {a_file} is a file, not a folder: choose another with --data-dir DIR or "
        "$SCANAPP_DATA_DIR.\n"
    )
    assert a_file.read_text() == "not a folder"


def test_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert main(["--data-dir", str(a_file / "below"), "export", "x", "--format", "csv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"scanapp: cannot create the data folder {a_file / 'below'} (Not a directory)")
    assert err.count("\n") == 1


def test_an_unwritable_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root may write anywhere, so the permission is taken away in os.access itself.
    denied = tmp_path / "ro"
    denied.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == denied else real_access(p, mode))
    with pytest.raises(paths.DataDirError, match=r"cannot write in the data folder .*permission denied"):
        paths.usable_data_dir(denied)


def test_the_gui_with_a_file_as_data_folder_says_so_and_exits(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    done = subprocess.run(
        [sys.executable, "-m", "scanapp", "--data-dir", str(a_file), "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"scanapp: the data folder {a_file} is a file, not a folder: choose another with --data-dir DIR or "
        "$SCANAPP_DATA_DIR.\n"
    )


def test_help_still_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    from scanapp.cli import SUBCOMMANDS

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert name in out


def test_an_unknown_subcommand_is_refused_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["decod", "123"])
    assert exit_.value.code == 2
    assert "invalid choice: 'decod'" in capsys.readouterr().err
