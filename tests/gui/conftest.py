"""GUI fixtures: the real window over a store of its own, local users with the demo's roles, a directed and
a hard count, and helpers that drive the screens the way a person does (clicks, keys, focus)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from scanapp.bootstrap import GUI_BUSY_TIMEOUT_MS, App
from scanapp.domain.counts import CountKind, Session
from scanapp.domain.permissions import ROLES
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.main_window import MainWindow
from scanapp.services.demo import USERS
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import CHIPS_14, COLA_14, WATER_14, add_products

# The offscreen platform says these whenever a window is shown or raised; they are not about our code.
OFFSCREEN_NOTES = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")
_COLLEAGUES = ("test_scanner_", "test_feedback")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in str(item.path).replace("\\", "/") and not item.path.name.startswith(_COLLEAGUES):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOTES))


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """The screens as people see them: through the package's translation, whose English carries the plural
    forms (the source strings say "%n units" whatever n is)."""
    from scanapp.gui.shell.translations import install_translators

    translators = install_translators(qapp, "en")  # whatever the machine's locale: the tests read English
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


# More products: a soda whose code is a one-digit mis-read away from COLA's, and one not on any list.
SODA_14 = "04006381333948"
JUICE_14 = "00012345000065"


@dataclass
class Retail:
    directed_id: str
    directed_session: Session
    hard_id: str
    hard_session: Session


@pytest.fixture
def store(tmp_path):
    """The store as the GUI opens it (a short wait for another program's lock)."""
    s = Store.open(tmp_path / "store" / "scanapp.db", busy_timeout_ms=GUI_BUSY_TIMEOUT_MS)
    yield s
    s.close()


@pytest.fixture
def device_sources():
    """The App's maker of serial and evdev sources: None, the real one; a test module overrides this fixture
    to pass a fake in."""
    return None


@pytest.fixture
def gui_app(store, clock, device_sources) -> App:
    with SqlUnitOfWork(store) as uow:
        for user_id, name, role in USERS:
            uow.users.upsert(user_id, name, ROLES[role])
        uow.connection.exec_driver_sql(
            "INSERT INTO areas (name) VALUES ('Backstock'), ('Display'), ('Endcap'), ('Sales floor'), ('Stockroom')"
        )
        uow.commit()
    return App(data_dir=store.path.parent, clock=clock, _store=store, device_sources=device_sources)


@pytest.fixture
def engine(qapp, gui_app) -> Engine:
    return Engine(gui_app)


@pytest.fixture
def retail(store, counting, supervisor, clock) -> Retail:
    """A directed count due an hour ago (COLA and CHIPS listed) and a hard count planned for tomorrow;
    neither started."""
    add_products(
        store,
        {
            "SKU-COLA": [COLA_14],
            "SKU-WATER": [WATER_14],
            "SKU-CHIPS": [CHIPS_14],
            "SKU-SODA": [SODA_14],
            "SKU-JUICE": [JUICE_14],
        },
    )
    directed, directed_session = counting.create_count(
        supervisor,
        "Aisle 5",
        CountKind.DIRECTED,
        clock.now() - timedelta(hours=1),
        [("SKU-COLA", 12.0), ("SKU-CHIPS", 3.0), ("SKU-SODA", 4.0)],
        default_area="Display",
    )
    hard, hard_session = counting.create_count(
        supervisor, "Backroom", CountKind.HARD, clock.now() + timedelta(days=1), default_area="Stockroom"
    )
    return Retail(directed.id, directed_session, hard.id, hard_session)


@pytest.fixture
def window(qtbot, engine) -> MainWindow:
    w = MainWindow(engine)
    qtbot.addWidget(w)
    w.resize(800, 480)
    w.show()
    qtbot.waitExposed(w)
    return w


# The PIN every test user chooses at their first sign-in (the users here start without one).
PIN = "1234"


def sign_in(qtbot, window: MainWindow, user_id: str, pin: str = PIN, expect: QWidget | None = None) -> None:
    """Pick the user, then type their PIN (twice when they choose it at this first sign-in); they land on the
    counts list, or on `expect` (a lab tech lands on Barcode Tracking)."""
    qtbot.mouseClick(window.sign_in.buttons[user_id], Qt.MouseButton.LeftButton)
    entry = window.sign_in.entry
    qtbot.keyClicks(entry.pin, pin)
    if entry.choosing:
        qtbot.keyClicks(entry.again, pin)
    qtbot.mouseClick(window.sign_in.submit_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is (expect or window.counts), entry.message.text()


def open_session(qtbot, window: MainWindow, session: Session) -> None:
    """Open a session from its card on the counts page, as a person would."""
    window.counts.select_count(session.count_id)
    card = window.counts.session_cards[session.id]
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.session


@contextmanager
def scan_shown(qtbot, page) -> Iterator:
    """Wait for a scan's durable record (the blocker's args) and then for the page's refresh that shows it: the
    lists catch up at the next turn of the event loop, one refresh for a burst."""
    with (
        qtbot.waitSignals([page.scan_recorded, page.refreshed], order="simple"),
        qtbot.waitSignal(page.scan_recorded) as recorded,
    ):
        yield recorded


def text(widget: QPushButton) -> str:
    """A button's label as shown (without its mnemonic marker)."""
    return widget.text().replace("&", "")


def activate(qtbot, widget: QWidget) -> None:
    widget.window().activateWindow()
    qtbot.waitUntil(lambda: widget.window().isActiveWindow())
