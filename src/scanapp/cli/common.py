"""What every subcommand module shares: adding its parser with the function that runs it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scanapp.bootstrap import App

Run = Callable[[argparse.Namespace, "App"], int]
"""`run(args, app)` does a subcommand's work and returns the exit status."""


def add_subcommand(subparsers: Any, name: str, run: Run, *, help: str, description: str) -> argparse.ArgumentParser:
    """The parser of subcommand `name` (its arguments are the caller's to add); `main` calls `run`."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=help, description=description)
    parser.set_defaults(run=run)
    return parser
