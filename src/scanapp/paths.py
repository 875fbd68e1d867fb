"""Where ScanApp keeps its files: --data-dir, else SCANAPP_DATA_DIR, else the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ScanApp"
ENV_DATA_DIR = "SCANAPP_DATA_DIR"
STORE_FILE = "scanapp.db"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def store_path(directory: Path) -> Path:
    return directory / STORE_FILE


def log_dir(directory: Path) -> Path:
    return directory / "logs"
