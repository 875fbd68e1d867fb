"""`scanapp-sync`: run the server, and the administration commands that work on its database directly.

    scanapp-sync serve [--db URL] [--host H] [--port P]
    scanapp-sync user add NAME --role ROLE [--role ROLE …] [--display-name TEXT] [--pin]
    scanapp-sync user set-pin NAME
    scanapp-sync user roles NAME --role ROLE [--role ROLE …]
    scanapp-sync device enroll DEVICE_ID [--name TEXT]
    scanapp-sync catalog import FILE.csv
    scanapp-sync count create NAME --kind directed|hard --start TIME [--item SKU=QTY …] [--items FILE]
    scanapp-sync report COUNT --format json

`--db URL` goes before the command or after it. Passwords are read from $SCANAPP_SYNC_PASSWORD, PINs from
$SCANAPP_SYNC_PIN, else either from standard input (asked twice on a terminal).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import or_, select

from scanapp.domain.clock import Clock, SystemClock
from scanapp.domain.errors import NotFound
from scanapp.domain.permissions import ROLES, Actor, permissions_for_roles
from scanapp.errors import KnownError
from scanapp.sync.wire import CountIn, ExpectedItem
from scansync import accounts, audit, catalog, reports, sessions
from scansync import tables as t
from scansync.catalog_csv import read_batches
from scansync.config import ENV_DB, ENV_PASSWORD, ENV_PIN, Settings, default_db_url
from scansync.db import Database

# Changes made from the command line are attributed to this user in the audit log.
CLI_USER = "cli"


DB_HELP = (
    f"database URL or SQLite file (default: ${ENV_DB}, else a file in the user data dir); "
    "PostgreSQL: postgresql+psycopg://user@host/db"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scanapp-sync", description="The ScanApp central sync service.")
    parser.add_argument("--db", metavar="URL", help=DB_HELP)
    parser.add_argument("-v", "--verbose", action="store_true")
    # `--db` after the command too (`scanapp-sync serve --db URL`); SUPPRESS keeps one given before it.
    db_after = argparse.ArgumentParser(add_help=False)
    db_after.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=DB_HELP)
    sub = _WithDb(parser.add_subparsers(dest="command", metavar="COMMAND", required=True), db_after)

    serve = sub.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--lease-ttl", type=float, metavar="SECONDS", help="session lease time to live")
    serve.add_argument(
        "--stale-after",
        type=float,
        metavar="MINUTES",
        help="flag a device stale after this long without a successful sync (default 30)",
    )
    serve.add_argument("--workers", type=int, default=1, help="server processes (all state is in the database)")
    serve.set_defaults(run=run_serve)

    _user_commands(sub.group("user", help="manage users"))

    device = sub.group("device", help="manage devices")
    enroll = device.add_parser(
        "enroll", help="enroll a device: its id as the device shows it (`scanapp sync` names it when refused)"
    )
    enroll.add_argument("device_id", metavar="DEVICE_ID")
    enroll.add_argument("--name", default="")
    enroll.set_defaults(run=run_device_enroll)

    cat = sub.group("catalog", help="the product catalog")
    imp = cat.add_parser("import", help="import products from CSV (sku,name,parent_name,gtin)")
    imp.add_argument("file", type=Path)
    imp.set_defaults(run=run_catalog_import)

    count = sub.group("count", help="counts")
    create = count.add_parser("create", help="create a count with its default session")
    create.add_argument("name")
    create.add_argument("--kind", choices=("directed", "hard"), required=True)
    create.add_argument("--start", required=True, help="planned start, ISO 8601 (UTC unless an offset is given)")
    create.add_argument("--item", action="append", default=[], metavar="SKU=QTY", help="a directed-list item")
    create.add_argument("--items", type=Path, metavar="FILE", help="CSV of the directed list: item_key,expected_qty")
    create.add_argument("--area", default="", help="area of the default session")
    create.set_defaults(run=run_count_create)

    report = sub.add_parser("report", help="a count's report")
    report.add_argument("count", metavar="COUNT", help="count id, unique id prefix, or exact name")
    report.add_argument("--format", choices=("json",), default="json")
    report.set_defaults(run=run_report)
    return parser


def _user_commands(user: _WithDb) -> None:
    add = user.add_parser(
        "add",
        help="add a user: password from $SCANAPP_SYNC_PASSWORD or stdin; with --pin, a device PIN from "
        "$SCANAPP_SYNC_PIN or stdin (and a password only if $SCANAPP_SYNC_PASSWORD is set)",
    )
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True, choices=sorted(ROLES))
    add.add_argument("--display-name", default="")
    add.add_argument("--pin", action="store_true", help="give the user a device PIN (signs in on every device)")
    add.set_defaults(run=run_user_add)
    set_pin = user.add_parser(
        "set-pin", help="set a user's device PIN ($SCANAPP_SYNC_PIN or stdin); every device takes it at its next sync"
    )
    set_pin.add_argument("name")
    set_pin.set_defaults(run=run_user_set_pin)
    roles = user.add_parser("roles", help="change a user's roles (audited)")
    roles.add_argument("name")
    roles.add_argument("--role", action="append", required=True, choices=sorted(ROLES))
    roles.set_defaults(run=run_user_roles)


class _WithDb:
    """Adds the `--db` parent to every command parser made through it, nested groups included."""

    def __init__(self, subparsers: Any, parent: argparse.ArgumentParser) -> None:
        self.subparsers = subparsers
        self.parent = parent

    def add_parser(self, name: str, **kw: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = self.subparsers.add_parser(name, parents=[self.parent], **kw)
        return parser

    def group(self, name: str, **kw: Any) -> _WithDb:
        parser = self.subparsers.add_parser(name, **kw)
        return _WithDb(parser.add_subparsers(dest="action", required=True), self.parent)


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    """`clock`: the time every command records and decides by (tests pass a fixed one)."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        return int(args.run(args, clock or SystemClock()))
    except KnownError as err:
        print(f"scanapp-sync: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _open(args: argparse.Namespace) -> Database:
    return Database.open(args.db or default_db_url())


def _cli_actor() -> Actor:
    return Actor(CLI_USER, "", frozenset(ROLES["admin"]))


def run_serve(args: argparse.Namespace, clock: Clock) -> int:
    from dataclasses import replace
    from datetime import timedelta

    import uvicorn

    from scansync.api.app import create_app

    db = _open(args)
    settings = Settings()
    if args.lease_ttl:
        settings = replace(settings, lease_ttl=timedelta(seconds=args.lease_ttl))
    if args.stale_after:
        settings = replace(settings, stale_after=timedelta(minutes=args.stale_after))
    print(f"scanapp-sync: serving {db.display_url} on http://{args.host}:{args.port}", file=sys.stderr)
    if args.workers > 1:
        os.environ["SCANAPP_SYNC_DB"] = db.url
        if args.lease_ttl:
            os.environ["SCANAPP_SYNC_LEASE_TTL"] = str(args.lease_ttl)
        if args.stale_after:
            os.environ["SCANAPP_SYNC_STALE_AFTER"] = str(args.stale_after)
        db.close()
        uvicorn.run(
            "scansync.api.app:app_from_env",
            factory=True,
            workers=args.workers,
            host=args.host,
            port=args.port,
            log_level="warning",
        )
    else:
        uvicorn.run(create_app(db, settings, clock), host=args.host, port=args.port, log_level="warning")
    return 0


def _secret(env: str, what: str) -> str:
    """A password or PIN: from $`env`, else asked twice on a terminal, else one line of standard input."""
    if os.environ.get(env):
        return os.environ[env]
    if sys.stdin.isatty():
        first = getpass.getpass(f"{what}: ")
        if getpass.getpass("Again: ") != first:
            raise KnownError(f"The two {what}s differ.")
        return first
    line = sys.stdin.readline().rstrip("\n")
    if not line:
        raise KnownError(f"No {what} given: set ${env} or write it to standard input.")
    return line


def run_user_add(args: argparse.Namespace, clock: Clock) -> int:
    db = _open(args)
    if args.pin:
        pin: str | None = _secret(ENV_PIN, "PIN")
        password = os.environ.get(ENV_PASSWORD) or None
    else:
        pin, password = None, _secret(ENV_PASSWORD, "password")
    now = clock.now()
    with db.write() as tx:
        accounts.add_user(tx.conn, now, args.name, args.display_name, password, args.role, pin)
        audit.record(tx.conn, now, CLI_USER, None, "user_added", args.name, roles=args.role)
        accounts.publish_user(tx, args.name)
    perms = ", ".join(sorted(permissions_for_roles(args.role)))
    signs_in = " and ".join(w for w, v in (("a password", password), ("a device PIN", pin)) if v)
    print(f"user {args.name} added ({', '.join(args.role)}: {perms}); signs in with {signs_in}")
    return 0


def run_user_set_pin(args: argparse.Namespace, clock: Clock) -> int:
    db = _open(args)
    pin_hash = accounts.hash_pin(_secret(ENV_PIN, "PIN"))
    with db.write() as tx:
        accounts.store_pin(tx.conn, args.name, pin_hash)
        audit.record(tx.conn, clock.now(), CLI_USER, None, "pin_set", args.name)
        accounts.publish_user(tx, args.name)
    print(f"user {args.name}: new device PIN set; every device takes it at its next sync")
    return 0


def run_user_roles(args: argparse.Namespace, clock: Clock) -> int:
    db = _open(args)
    with db.write() as tx:
        roles = accounts.set_roles(tx.conn, clock.now(), _cli_actor(), args.name, args.role)
        accounts.publish_user(tx, args.name)
    print(f"user {args.name}: {', '.join(roles)}")
    return 0


def run_device_enroll(args: argparse.Namespace, clock: Clock) -> int:
    device_id = accounts.checked_device_id(args.device_id)
    db = _open(args)
    now = clock.now()
    with db.write() as tx:
        outcome = accounts.enroll_device(tx.conn, now, CLI_USER, device_id, args.name)
        if outcome is not accounts.Enrolled.ALREADY:
            audit.record(tx.conn, now, CLI_USER, None, "device_enrolled", device_id, name=args.name)
    name = f" ({args.name})" if args.name else ""
    print(
        {
            accounts.Enrolled.NEW: f"enrolled device {device_id}{name}: its users can sign in and sync now",
            accounts.Enrolled.AGAIN: f"enrolled device {device_id}{name} again (its enrollment had been revoked)",
            accounts.Enrolled.ALREADY: f"device {device_id} is enrolled already; nothing changed",
        }[outcome]
    )
    return 0


def run_catalog_import(args: argparse.Namespace, clock: Clock) -> int:
    db = _open(args)
    rejected = imported = unchanged = 0

    def reject(line: int, reason: str) -> None:
        nonlocal rejected
        rejected += 1
        print(f"{args.file}:{line}: {reason}", file=sys.stderr)

    for lines, products in read_batches(args.file, 5000, reject):
        with db.write() as tx:
            result = catalog.import_products(tx, products)
        imported += result["imported"]
        unchanged += result["unchanged"]
        for row in result["rejected"]:
            reject(lines[row["index"]], f"{row['sku']}: {row['reason']}")
    print(f"imported {imported} products ({unchanged} unchanged), rejected {rejected} rows")
    return 0 if rejected == 0 else 1


def _expected(args: argparse.Namespace) -> list[ExpectedItem]:
    items: list[tuple[str, str]] = []
    for spec in args.item:
        key, _, qty = spec.partition("=")
        items.append((key.strip(), qty.strip() or "0"))
    if args.items:
        try:
            text = args.items.read_text(encoding="utf-8-sig")
        except OSError as err:
            raise KnownError(f"Cannot read {args.items}: {err.strerror}.") from err
        for n, line in enumerate(text.splitlines(), 1):
            key, _, qty = line.partition(",")
            if n == 1 and key.strip().lower() in ("item_key", "sku"):
                continue
            if key.strip():
                items.append((key.strip(), qty.strip() or "0"))
    try:
        return [ExpectedItem(item_key=k, expected_qty=float(q)) for k, q in items]
    except (ValueError, ValidationError) as err:
        raise KnownError(f"Bad directed-list item: {err}") from None


def run_count_create(args: argparse.Namespace, clock: Clock) -> int:
    db = _open(args)
    try:
        body = CountIn(
            name=args.name, kind=args.kind, planned_start=args.start, expected=_expected(args), default_area=args.area
        )
    except ValidationError as err:
        raise KnownError("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())) from None
    with db.write() as tx:
        data = sessions.create_count(tx, _cli_actor(), clock.now(), body)
    print(json.dumps({"id": data["id"], "default_session": data["sessions"][0]["id"]}))
    return 0


def run_report(args: argparse.Namespace, clock: Clock) -> int:
    db = _open(args)
    with db.read() as conn:
        rows = conn.execute(
            select(t.counts.c.id).where(
                or_(
                    t.counts.c.id == args.count,
                    t.counts.c.id.startswith(args.count, autoescape=True),
                    t.counts.c.name == args.count,
                )
            )
        ).all()
        if not rows:
            raise NotFound(f"No count {args.count!r}.")
        if len(rows) > 1:
            raise KnownError(f"{args.count!r} names {len(rows)} counts; use the full id.")
        data = reports.count_report(conn, rows[0].id, clock.now())
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
