"""`scanapp sync [--server URL] [--user NAME]`: one sync round now. Exit status 0 only if every event of
this device was pushed (stored by the server, even if it was sent to review); 1 if some are still unsent.

The server URL is remembered after the first use. Signing in needs the password once per token lifetime:
from $SCANAPP_SYNC_PASSWORD, else asked on the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from scanapp.cli.common import add_subcommand
from scanapp.sync import local
from scanapp.sync.client import SignInNeeded, SyncError

if TYPE_CHECKING:
    from scanapp.bootstrap import App


def register(subparsers: Any) -> None:
    p = add_subcommand(
        subparsers,
        "sync",
        run,
        help="one sync round with the server now",
        description="Push this device's journal and pull changes from the sync server, once. Exit status 0 "
        "only if everything was pushed. The password comes from $SCANAPP_SYNC_PASSWORD or a prompt.",
    )
    p.add_argument("--server", dest="sync_server", metavar="URL", help="sync server (remembered)")
    p.add_argument("--user", metavar="NAME", help="sign in as NAME (remembered)")


def _password(user: str) -> str:
    if os.environ.get("SCANAPP_SYNC_PASSWORD"):
        return os.environ["SCANAPP_SYNC_PASSWORD"]
    if sys.stdin.isatty():
        return getpass.getpass(f"Password for {user}: ")
    raise SignInNeeded(f"Signing in as {user} needs a password: set SCANAPP_SYNC_PASSWORD or run on a terminal.")


def run(args: argparse.Namespace, app: App) -> int:
    with app.uow() as uow:
        remembered_server = _text(uow.settings.get(local.SERVER_URL))
        remembered_user = _text(uow.settings.get(local.USER))
    server = args.sync_server or app.server or remembered_server
    if not server:
        raise SyncError("No sync server given: run `scanapp sync --server URL` once.")
    user: str | None = args.user or remembered_user
    client = app.sync_client(server)
    try:
        if server != remembered_server:
            client.put_setting(**{local.SERVER_URL: server, local.TOKEN: None})
        if args.user and args.user != remembered_user:
            client.put_setting(**{local.TOKEN: None})
        if not client.signed_in():
            if not user:
                raise SignInNeeded("Not signed in: run `scanapp sync --user NAME` once.")
            client.sign_in(user, _password(user))
        try:
            report = client.sync_once()
        except SignInNeeded:
            if not user:
                raise
            client.sign_in(user, _password(user))  # the token was revoked or expired meanwhile
            report = client.sync_once()
    finally:
        client.close()
    print(
        f"pushed {report.pushed} events ({report.duplicates} already there), pulled {report.pulled} changes; "
        f"{report.unsent} events not yet sent"
    )
    for event_id, reason in report.not_applied.items():
        print(f"sent to supervisor review: {event_id}: {reason}")
    return 0 if report.all_pushed else 1


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
