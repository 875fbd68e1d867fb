"""`scanapp sync [--server URL] [--user NAME] [--request-deadline S] [--round-deadline S]`: one sync round now.

Exit status 0 only if every event of this device was pushed (stored by the server, even if it was sent to
review); 1 if some are still unsent; 3 if a deadline ended the round (the server or the link is too slow:
what was confirmed is kept and the next `scanapp sync` continues); 2 for any other problem.

The server URL, the user and the deadlines are remembered after the first use. Signing in needs the user's
password or device PIN once per token lifetime: from $SCANAPP_SYNC_PASSWORD, else asked on the terminal.
Events recorded by other users of the device go up under their own sign-ins when the device holds them, else
under this one's, and then wait for a supervisor's review.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from scanapp.cli.common import add_subcommand
from scanapp.sync import local
from scanapp.sync.client import RoundReport, ServerTooSlow, SignInNeeded, SyncClient, SyncError
from scanapp.sync.exchange import REQUEST_KEY, ROUND_KEY, Deadlines

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
    default = Deadlines()
    p.add_argument(
        "--request-deadline",
        type=_positive,
        metavar="S",
        help=f"seconds one request may take, reply and all (remembered; default {default.request_s:g})",
    )
    p.add_argument(
        "--round-deadline",
        type=_positive,
        metavar="S",
        help=f"seconds the whole round may take (remembered; default {default.round_s:g})",
    )


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not 0 < value < 86_400:
        raise argparse.ArgumentTypeError(f"not a number of seconds between 0 and 86400: {text!r}")
    return value


def _password(user: str) -> str:
    if os.environ.get("SCANAPP_SYNC_PASSWORD"):
        return os.environ["SCANAPP_SYNC_PASSWORD"]
    if sys.stdin.isatty():
        return getpass.getpass(f"Password or PIN for {user}: ")
    raise SignInNeeded(
        f"Signing in as {user} needs their password or PIN: set SCANAPP_SYNC_PASSWORD or run on a terminal."
    )


def run(args: argparse.Namespace, app: App) -> int:
    with app.uow() as uow:
        remembered_server = _text(uow.settings.get(local.SERVER_URL))
        remembered_user = _text(uow.settings.get(local.USER))
    server = args.sync_server or app.server or remembered_server
    if not server:
        raise SyncError("No sync server given: run `scanapp sync --server URL` once.")
    user: str | None = args.user or remembered_user
    _remember_deadlines(args, app)
    client = app.sync_client(server)
    try:
        if server != remembered_server:
            client.tokens.forget()  # tokens of another server mean nothing here
            client.put_setting(**{local.SERVER_URL: server})
        report = _round(client, user)
    except ServerTooSlow as err:
        if err.report is not None:
            _print(err.report)  # what the round did before the deadline: it stays done
        print(f"scanapp: {err}", file=sys.stderr)
        return 3
    finally:
        client.close()
    _print(report)
    return 0 if report.all_pushed else 1


def _round(client: SyncClient, user: str | None) -> RoundReport:
    if not client.signed_in(user):
        if not user:
            raise SignInNeeded("Not signed in: run `scanapp sync --user NAME` once.")
        client.sign_in(user, _password(user))
    try:
        return client.sync_once()
    except SignInNeeded:
        if not user:
            raise
        client.sign_in(user, _password(user))  # the token was revoked or expired meanwhile
        return client.sync_once()


def _remember_deadlines(args: argparse.Namespace, app: App) -> None:
    given = {REQUEST_KEY: args.request_deadline, ROUND_KEY: args.round_deadline}
    if all(seconds is None for seconds in given.values()):
        return
    with app.uow() as uow:
        for key, seconds in given.items():
            if seconds is not None:
                uow.settings.put(key, seconds)
        uow.commit()


def _print(report: RoundReport) -> None:
    print(
        f"pushed {report.pushed} events ({report.duplicates} already there), pulled {report.pulled} changes; "
        f"{report.unsent} events not yet sent"
    )
    for event_id, reason in report.not_applied.items():
        print(f"sent to supervisor review: {event_id}: {reason}")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
