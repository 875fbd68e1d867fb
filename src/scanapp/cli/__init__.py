"""Command line: global options, then either the GUI (no subcommand) or one headless subcommand.

Each subcommand lives in its own module with `register(subparsers)`; the module's `run(args, app)`
does the work and returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import sys
from collections.abc import Sequence

from scanapp import __version__, paths
from scanapp.domain.clock import Clock
from scanapp.errors import KnownError

# Modules under scanapp.cli, each adding one subcommand.
SUBCOMMANDS = ("decode", "catalog", "export", "lab", "listen", "sync", "status")

# The device's app and scanners need Qt, an extra: a server install (`scanapp[server]`) has none.
NO_QT = "scanapp: the app needs Qt, which is not installed here: pip install 'scanapp[gui]'"

log = logging.getLogger(__name__)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only`, just that subcommand's module is imported ("" none: the GUI), as
    the others would cost their imports for nothing (`scanapp decode` must not load the store, Qt or HTTP)."""
    parser = argparse.ArgumentParser(
        prog="scanapp",
        description="Offline-first barcode counting. Without a subcommand, starts the app.",
    )
    _global_options(parser)
    parser.add_argument("--version", action="version", version=f"scanapp {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        if only is None or name == only:
            importlib.import_module(f"scanapp.cli.{name}").register(subparsers)
    return parser


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the local store lives (default: $SCANAPP_DATA_DIR, else the user data dir)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="create demo data (store catalog, counts, lab inventory) on first run"
    )
    parser.add_argument("--server", metavar="URL", help="sync server URL")
    parser.add_argument(
        "--language", metavar="CODE", help="the language of the screens: en or de (default: the system's)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start the app, open the main window, close it and exit: 0 if it started (packaged builds)",
    )


def _chosen_subcommand(argv: Sequence[str] | None) -> str | None:
    """The subcommand named on the command line, found without importing any: "" for none (the GUI), None
    when every subcommand is needed (help, or a name that is no subcommand: the parser says what there is)."""
    pre = argparse.ArgumentParser(add_help=False)
    _global_options(pre)
    try:
        _, rest = pre.parse_known_args(argv)
    except SystemExit:
        return None
    if not rest:
        return ""
    return rest[0] if rest[0] in SUBCOMMANDS else None


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    """`clock`: the time every subcommand decides by (tests pass a fixed one; default the system's)."""
    if importlib.util.find_spec("PySide6") is None:
        print(NO_QT, file=sys.stderr)
        return 2
    from scanapp import bootstrap

    args = build_parser(only=_chosen_subcommand(argv)).parse_args(argv)
    if getattr(args, "uses_data_dir", True):  # the GUI and every subcommand but decode
        try:
            paths.usable_data_dir(paths.data_dir(args.data_dir))
        except KnownError as err:
            print(f"scanapp: {err}", file=sys.stderr)
            return 2
    bootstrap.configure_logging(args)
    if args.command is None:
        return bootstrap.run_gui(args)
    app = bootstrap.App.from_args(args, clock=clock)
    try:
        return int(args.run(args, app))
    except KnownError as err:
        print(f"scanapp: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`scanapp export … | head`): not an error worth a traceback.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    finally:
        app.close()
