"""Entry point of the PyInstaller build: the same as the `scanapp` console script."""

from scanapp.__main__ import main

if __name__ == "__main__":
    main()
