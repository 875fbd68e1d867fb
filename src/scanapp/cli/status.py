"""`scanapp status [--json]`: this device's sync state (SPEC Fixed interfaces, S5): the server, the last
successful sync, the last attempt and its error, the events not yet pushed, the events waiting in supervisor
review, the sessions this device holds. Read from the store only: it works offline and never waits for the
network. Exit status 0."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from scanapp.cli.common import add_subcommand
from scanapp.services.sync_state import Phase, SyncState

if TYPE_CHECKING:
    from scanapp.bootstrap import App


def register(subparsers: Any) -> None:
    p = add_subcommand(
        subparsers,
        "status",
        run,
        help="this device's sync state",
        description="The sync server, the last successful sync, the last attempt and its error, the events not "
        "yet pushed and the sessions this device holds. Reads the local store only.",
    )
    p.add_argument("--json", action="store_true", help="one JSON object")


def run(args: argparse.Namespace, app: App) -> int:
    state = app.sync.state(held=True)
    if args.json:
        print(json.dumps(state.as_json(), ensure_ascii=False))
    else:
        print("\n".join(lines(state)))
    return 0


def lines(state: SyncState) -> list[str]:
    server = state.server or "none (sync is off)"
    if state.from_command_line:
        server += " (from --server)"
    out = [
        f"server: {server}",
        f"state: {_phase(state.phase)}",
        f"last successful sync: {_when(state.last_success)}",
        f"last attempt: {_when(state.last_attempt)}" + (f" (failed: {state.error})" if state.error else ""),
        f"events not yet pushed: {state.unsent}",
        f"events in supervisor review: {state.in_review}",
        f"sessions held: {len(state.held)}",
    ]
    for held in state.held:
        lease = f"lease epoch {held.epoch} until {_when(held.expires_at)}" if held.confirmed else "claimed here"
        out.append(f"  {held.count} / {held.session} ({held.session_id}): {held.user_id}, {lease}")
    return out


def _phase(phase: Phase) -> str:
    return {
        Phase.OFF: "off (no server set)",
        Phase.NEVER: "not synced yet",
        Phase.SYNCING: "syncing",
        Phase.SYNCED: "synced",
        Phase.OFFLINE: "offline (the server could not be reached)",
        Phase.ERROR: "error",
    }[phase]


def _when(value: datetime | None) -> str:
    return value.isoformat() if value is not None else "never"
