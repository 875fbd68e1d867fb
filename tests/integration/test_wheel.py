"""A wheel that starts (DESIGN rule 15, SPEC P1): the wheel built from this tree, installed without `-e`
into fresh venvs, starts the app offscreen with everything it reads from inside the package, and the
server installs and serves without Qt.

The fresh venvs get their third-party packages from this test run's own venv through a folder of links
added by a .pth file, not from the network: installing PySide6 (650 MB) per run would take minutes, and
the links hold exactly the versions the suite tests. The link folder leaves out the editable scanapp (so
only the wheel's copy can be imported), and for the server venv Qt, pyserial and evdev too. The wheel is
installed with its dependencies resolved by pip with `--no-index`: a dependency the wheel declares that is
not in the links fails the install, so a server extra that needed Qt fails here.
"""

from __future__ import annotations

import os
import shutil
import site
import socket
import subprocess
import sys
import venv
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parents[2]
# What the build reads: the packages and the project's metadata (not .venv, .git, tests or docs).
SOURCES = ("pyproject.toml", "README.md", "src", "sync")
NOT_LINKED = ("__editable__", "scanapp-", "scanapp.", "_distutils_hack", "distutils-precedence")
NOT_LINKED_FOR_SERVER = ("PySide6", "pyside6", "shiboken6", "pytestqt", "pytest_qt", "serial", "pyserial", "evdev")


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120):
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built by pip from a copy of the tree (the build writes build/ and egg-info beside the
    sources: not in the shared working tree)."""
    tree = tmp_path_factory.mktemp("tree")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, tree / name)
    out = tree / "dist"
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, ".", cwd=tree, timeout=300)
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("scanapp-*.whl")
    return found


def _fresh_venv(where: Path, leave_out: tuple[str, ...]) -> Path:
    """A venv whose site-packages sees this venv's third-party packages, less `leave_out`, through links."""
    venv.EnvBuilder(with_pip=False).create(where)
    (purelib,) = where.glob("lib/python*/site-packages")
    links = where / "linked-site-packages"
    links.mkdir()
    skip = NOT_LINKED + leave_out
    for source_dir in {Path(p) for p in site.getsitepackages()}:
        for entry in source_dir.iterdir():
            if entry.name.startswith(skip) or entry.suffix == ".pth" or (links / entry.name).exists():
                continue
            (links / entry.name).symlink_to(entry)
    (purelib / "linked.pth").write_text(f"{links}\n", encoding="utf-8")
    return where / "bin"


def _install(bin_dir: Path, requirement: str, cwd: Path) -> None:
    # pip of this venv installs into the fresh one (--python); --no-index: every dependency must be there.
    done = _run(
        sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--no-index", "--quiet", requirement,
        cwd=cwd, env=_clean_env(), timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def app_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    bin_dir = _fresh_venv(tmp_path_factory.mktemp("app") / "venv", ())
    _install(bin_dir, f"{wheel}[gui]", wheel.parent)
    return bin_dir


@pytest.fixture(scope="module")
def server_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    bin_dir = _fresh_venv(tmp_path_factory.mktemp("server") / "venv", NOT_LINKED_FOR_SERVER)
    _install(bin_dir, f"{wheel}[server]", wheel.parent)
    return bin_dir


def test_the_installed_package_carries_its_resources(app_venv: Path, tmp_path: Path):
    listing = _run(
        app_venv / "python", "-c",
        "import importlib.resources as r, scanapp; print(scanapp.__file__);"
        "d = r.files('scanapp.resources'); print(*sorted(str(p.relative_to(d)) for p in d.rglob('*.*')), sep='\\n')",
        cwd=tmp_path, env=_clean_env(),
    )  # fmt: skip
    assert listing.returncode == 0, listing.stderr
    package, *files = listing.stdout.splitlines()
    assert Path(package).is_relative_to(app_venv.parent), "scanapp was imported from outside the fresh venv"
    assert {"style.qss", "sounds/accepted.wav", "sounds/unmatched.wav", "sounds/rejected.wav"} <= set(files)
    assert "translations/scanapp_en.qm" in files


def test_the_installed_app_starts_offscreen(app_venv: Path, tmp_path: Path):
    version = _run(app_venv / "scanapp", "--version", cwd=tmp_path, env=_clean_env())
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("scanapp ")
    data = tmp_path / "data"
    smoke = _run(app_venv / "scanapp", "--smoke-test", "--data-dir", data, "--demo", cwd=tmp_path, env=_clean_env())
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert (data / "scanapp.db").is_file()
    assert "Traceback" not in smoke.stderr and "no translations" not in smoke.stderr


def test_the_installed_smoke_test_fails_with_the_reason_on_a_damaged_store(app_venv: Path, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "scanapp.db").write_bytes(b"not a database")
    smoke = _run(app_venv / "scanapp", "--smoke-test", "--data-dir", data, cwd=tmp_path, env=_clean_env())
    assert smoke.returncode == 2
    assert "is not an SQLite database" in smoke.stderr


@pytest.fixture
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_server_installs_and_serves_without_qt(server_venv: Path, tmp_path: Path, free_port: int):
    no_qt = _run(server_venv / "python", "-c", "import PySide6", cwd=tmp_path, env=_clean_env())
    assert no_qt.returncode != 0 and "No module named 'PySide6'" in no_qt.stderr
    helped = _run(server_venv / "scanapp-sync", "--help", cwd=tmp_path, env=_clean_env())
    assert helped.returncode == 0 and "serve" in helped.stdout, helped.stderr
    db = f"sqlite:///{tmp_path / 'server.db'}"
    command = [server_venv / "scanapp-sync", "--db", db, "serve", "--host", "127.0.0.1", "--port", str(free_port)]
    # It says where it serves just before uvicorn binds: connection attempts retry (with backoff) until then.
    client = httpx.Client(transport=httpx.HTTPTransport(retries=8), timeout=10)
    with _started(command, tmp_path) as base, client:
        health = client.get(f"{base}/healthz")
    assert health.status_code == 200, health.text
    assert health.json()["status"] == "ok"


def test_the_app_without_qt_says_what_to_install_in_one_line(server_venv: Path, tmp_path: Path):
    started = _run(server_venv / "scanapp", cwd=tmp_path, env=_clean_env())
    assert started.returncode == 2
    assert started.stderr.strip().splitlines() == [
        "scanapp: the app needs Qt, which is not installed here: pip install 'scanapp[gui]'"
    ]


class _started:
    """The server as a child process, from the line where it says where it serves (read from its stderr)."""

    def __init__(self, command: list[str | Path], cwd: Path) -> None:
        self.command, self.cwd = [str(c) for c in command], cwd

    def __enter__(self) -> str:
        self.process = subprocess.Popen(
            self.command, cwd=self.cwd, env=_clean_env(), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        assert self.process.stderr is not None
        seen = []
        for line in self.process.stderr:  # ends when the server exits
            seen.append(line)
            if line.startswith("scanapp-sync: serving "):
                return line.split(" on ")[-1].strip()
        self.process.wait(timeout=30)
        raise AssertionError("the server did not start:\n" + "".join(seen))

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
