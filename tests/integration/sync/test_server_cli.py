"""`scanapp-sync` administration commands against the server database (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scansync import tables as t
from scansync.cli import build_parser, main
from scansync.db import Database
from sqlalchemy import select

DEVICE = "0190b8c2-5c1e-7b3a-9d2e-4f6a8b0c1d2e"


def test_user_device_catalog_count_and_report(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = db.url
    monkeypatch.setenv("SCANAPP_SYNC_PASSWORD", "a long password")
    assert main(["--db", url, "user", "add", "casey", "--role", "associate", "--role", "lab_tech"]) == 0
    assert "FULFILL_INVCUNT_ADMIN, LAB_ACCESS" in capsys.readouterr().out
    assert main(["--db", url, "user", "add", "casey", "--role", "associate"]) == 2
    assert "exists already" in capsys.readouterr().err
    assert main(["--db", url, "user", "roles", "casey", "--role", "supervisor"]) == 0
    assert main(["--db", url, "device", "enroll", DEVICE, "--name", "Handheld 7"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"enrolled device {DEVICE} (Handheld 7): " + (
        "its users can sign in and sync now"
    )
    assert main(["device", "enroll", DEVICE.upper(), "--db", url]) == 0  # --db after the command too
    assert capsys.readouterr().out.strip() == f"device {DEVICE} is enrolled already; nothing changed"
    csv = tmp_path / "catalog.csv"
    csv.write_text(
        "sku,name,parent_name,gtin\n"
        "SKU-1,Cola,Drinks,4006381333931\n"
        "SKU-1,Cola,Drinks,14006381333938\n"
        "SKU-2,Water,Drinks,036000291452\n"
        "SKU-3,Bad check digit,X,4006381333932\n"
        "SKU-4,Taken GTIN,X,4006381333931\n"
        ",no sku,X,96385074\n",
        encoding="utf-8",
    )
    assert main(["--db", url, "catalog", "import", str(csv)]) == 1
    out, err = capsys.readouterr()
    assert "imported 2 products" in out and "rejected 3 rows" in out
    assert "catalog.csv:5: gtin '4006381333932': bad check digit: expected 1, got 2" in err  # as on the device
    assert "catalog.csv:6: SKU-4: GTIN 04006381333931 already belongs to SKU SKU-1" in err
    assert main(["--db", url, "catalog", "import", str(csv)]) == 1
    assert "imported 2 products (2 unchanged)" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                url,
                "count",
                "create",
                "Aisle 9",
                "--kind",
                "directed",
                "--start",
                "2026-11-22T08:00:00Z",
                "--item",
                "SKU-1=12",
                "--item",
                "SKU-2=4",
            ]
        )
        == 0
    )
    created = json.loads(capsys.readouterr().out)
    assert main(["--db", url, "count", "create", "Wall", "--kind", "hard", "--start", "tomorrow"]) == 2
    assert "planned_start" in capsys.readouterr().err
    assert main(["--db", url, "report", "Aisle 9", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["count"]["id"] == created["id"]
    assert [(ln["item_key"], ln["expected"], ln["counted"], ln["variance"]) for ln in report["lines"]] == [
        ("SKU-1", 12.0, 0, -12.0),
        ("SKU-2", 4.0, 0, -4.0),
    ]
    assert main(["--db", url, "report", "no such count"]) == 2
    with db.read() as conn:
        actions = [r.action for r in conn.execute(select(t.audit_log).order_by(t.audit_log.c.id))]
        codes = conn.execute(select(t.product_codes.c.code).where(t.product_codes.c.sku == "SKU-1")).scalars().all()
    assert actions == ["user_added", "roles_changed", "device_enrolled"]
    assert sorted(codes) == ["04006381333931", "14006381333938"]


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("01a2…", "is a shortened device id"),
        ("01a2...", "is a shortened device id"),
        ("", "No device id given"),
        ("   ", "No device id given"),
        ("garbage", "'garbage' is not a device id"),
        ("0190b8c2-5c1e-7b3a-9d2e-4f6a8b0c1d2", "is not a device id"),  # one digit short
    ],
)
def test_device_enroll_refuses_what_is_not_a_device_id(
    db: Database, given: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.read() as conn:
        before = conn.execute(select(t.devices.c.id)).scalars().all()
    assert main(["--db", db.url, "device", "enroll", given]) == 2
    out, err = capsys.readouterr()
    assert said in err and out == ""
    with db.read() as conn:
        assert conn.execute(select(t.devices.c.id)).scalars().all() == before, "nothing was enrolled"


def test_device_enroll_needs_the_id(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["device", "enroll"])
    assert exited.value.code == 2 and "DEVICE_ID" in capsys.readouterr().err


def test_db_goes_before_or_after_the_command() -> None:
    parser = build_parser()
    assert parser.parse_args(["serve", "--db", "sqlite:///a.db"]).db == "sqlite:///a.db"
    assert parser.parse_args(["--db", "sqlite:///b.db", "serve"]).db == "sqlite:///b.db"
    assert parser.parse_args(["--db", "sqlite:///b.db", "serve", "--db", "sqlite:///c.db"]).db == "sqlite:///c.db"
    assert parser.parse_args(["serve"]).db is None
    assert parser.parse_args(["user", "set-pin", "alex", "--db", "x.db"]).db == "x.db"


def test_an_unreachable_database_is_a_plain_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "postgresql+psycopg://nobody@127.0.0.1:9/none", "report", "x"]) == 2
    assert "Cannot open the database" in capsys.readouterr().err
