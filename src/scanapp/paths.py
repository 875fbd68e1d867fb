"""Where ScanApp keeps its files: --data-dir, else SCANAPP_DATA_DIR, else the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from scanapp.errors import KnownError

APP_NAME = "ScanApp"
ENV_DATA_DIR = "SCANAPP_DATA_DIR"
STORE_FILE = "scanapp.db"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class DataDirError(KnownError):
    """The data folder cannot hold ScanApp's files; the message says why in one line."""


def usable_data_dir(directory: Path) -> Path:
    """`directory`, created if missing; DataDirError when it is a file, cannot be made or is not writable."""
    hint = f"choose another with --data-dir DIR or ${ENV_DATA_DIR}"
    if directory.exists() and not directory.is_dir():
        raise DataDirError(f"the data folder {directory} is a file, not a folder: {hint}.")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DataDirError(f"cannot create the data folder {directory} ({err.strerror}): {hint}.") from None
    if not os.access(directory, os.W_OK | os.X_OK):
        raise DataDirError(f"cannot write in the data folder {directory} (permission denied): {hint}.")
    return directory


def store_path(directory: Path) -> Path:
    return directory / STORE_FILE


def log_dir(directory: Path) -> Path:
    return directory / "logs"
