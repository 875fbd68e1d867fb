"""`scanapp` and `python -m scanapp`: parse the command line and hand off."""

from __future__ import annotations

import sys

from scanapp.cli import main as cli_main


def main() -> None:
    sys.exit(cli_main())


if __name__ == "__main__":
    main()
