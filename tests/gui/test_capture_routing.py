"""H6: no scan lost, none misrouted. Each misroute found on the floor, reproduced with key events as a
keyboard-wedge scanner delivers them (stamped, 2 ms apart, into whatever has the focus) and fixed: what was
recorded is read back from the journal, what the person was told from the screen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from scanapp.domain.classification import Category
from scanapp.domain.counts import SessionState
from scanapp.domain.journal import EventKind
from scanapp.domain.permissions import ROLES, Actor
from scanapp.gui.capture.notice import NOTICE_NAME, ScanNotice
from scanapp.gui.models.scan_lines import STATUS_ROLE
from scanapp.gui.retail.session_form import SessionFormDialog
from scanapp.gui.shell.style import REJECTED_COLOUR
from scanapp.scanners.read import ScanRead
from scanapp.store import queries
from scanapp.store.uow import SqlUnitOfWork
from tests.gui.conftest import PIN, activate, open_session, scan_shown, sign_in
from tests.gui.test_session_device_scanners import FakeSerial, serial_scanner, with_fake_serial  # noqa: F401
from tests.gui.wedge_keys import Keyboard
from tests.helpers import CHIPS, COLA

UNKNOWN = "0099999123456"  # a valid EAN-13 that no product has


def journal(store, session_id: str) -> list[tuple[EventKind, dict]]:
    with SqlUnitOfWork(store) as uow:
        return [(e.kind, e.payload) for e in uow.journal.for_session(session_id)]


def scans(store, session_id: str) -> list[tuple[str, str]]:
    """(kind, raw) of every scan and rejected scan in the session's journal."""
    kinds = {EventKind.SCAN_RECORDED: "scan", EventKind.SCAN_REJECTED: "rejected"}
    return [(kinds[k], str(p["raw"])) for k, p in journal(store, session_id) if k in kinds]


def refused(store, session_id: str | None) -> list[tuple[str, str]]:
    """(reason, raw) of every scan refused in the session (None: refused with no session), in order."""
    with store.read() as conn:
        return [(r.reason.value, r.raw) for r in queries.refused_scans(conn, session_id)]


def log_rows(qtbot, page, n: int) -> list[tuple[str, str, str]]:
    """The newest `n` rows of the session's scan log once it shows them: (status, first line, the second line's
    last part: why, for a refused scan)."""
    model = page.lists.scan_model
    qtbot.waitUntil(lambda: model.rowCount() >= n)
    texts = [(model.data(model.index(i, 0), STATUS_ROLE), model.data(model.index(i, 0))) for i in range(n)]
    return [(status, text.split("\n")[0], text.split("\n")[1].split(" · ")[-1]) for status, text in texts]


def sounds(window) -> list[str]:
    """Every error sound of a refusal, and every scan outcome's sound, in order."""
    heard: list[str] = []
    window.capture.router.feedback.given.connect(lambda status, _played: heard.append(status))
    window.session.scanning.feedback.given.connect(lambda status, _played: heard.append(status))
    return heard


@pytest.fixture
def keys() -> Keyboard:
    return Keyboard()


@pytest.fixture
def page(qtbot, window, retail):
    """Alex counting the directed count's default session, the window active."""
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    p = window.session
    qtbot.mouseClick(p.action_row.scan_button, Qt.MouseButton.LeftButton)
    assert p.session.state is SessionState.IN_PROGRESS
    activate(qtbot, window)
    return p


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_a_scan_with_the_focus_in_the_counted_table_is_recorded(qtbot, window, page, keys, store, retail):
    counted = page.lists.views[Category.COUNTED]
    focus(qtbot, counted)
    with scan_shown(qtbot, page) as recorded:
        keys.scan(COLA)
    assert recorded.args[0].status == "accepted"
    assert scans(store, retail.directed_session.id) == [("scan", COLA)]
    assert page.tab_titles()[0] == "Counted (1)"
    assert counted.hasFocus()  # nothing moved: the table never saw the keys
    assert page.last_scan.text() == "Counted: Product SKU-COLA"


def test_a_blocked_submit_then_three_scans_records_them_and_opens_nothing(qtbot, window, page, keys, store, retail):
    with scan_shown(qtbot, page):
        keys.scan(UNKNOWN)
    qtbot.mouseClick(page.action_row.submit_button, Qt.MouseButton.LeftButton)
    unmatched = page.lists.views[Category.UNMATCHED]
    qtbot.waitUntil(unmatched.hasFocus)  # what the blocked submit does: shows the unmatched scans
    for code in (COLA, CHIPS, COLA):
        with scan_shown(qtbot, page):
            keys.scan(code)
    assert page.dialog is None  # no Match Product opened by the scans' Enter
    assert scans(store, retail.directed_session.id) == [
        ("scan", UNKNOWN),
        ("scan", COLA),
        ("scan", CHIPS),
        ("scan", COLA),
    ]
    assert not any(kind is EventKind.LINE_MATCHED for kind, _ in journal(store, retail.directed_session.id))
    assert page.lists.unmatched_model.rowCount() == 1
    assert window.engine.reads.session(retail.directed_session.id).state is SessionState.IN_PROGRESS


def test_a_scan_while_edit_is_open_is_refused_there_and_never_renames(qtbot, window, page, keys, store, retail):
    heard = sounds(window)
    qtbot.mouseClick(page.action_row.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SessionFormDialog)
    qtbot.waitUntil(dialog.name_edit.hasFocus)
    keys.scan(COLA)
    assert dialog.isVisible() and dialog.name_edit.text() == "Default session"  # nothing typed, not saved
    notice = dialog.findChild(ScanNotice, NOTICE_NAME)
    assert notice.isVisible()
    assert notice.text() == (
        f"Scan {COLA} was not recorded. Scans are not taken while “Edit session” is open: close it, then scan again."
    )
    assert heard == ["rejected"]
    assert scans(store, retail.directed_session.id) == []  # nothing for sync to push: it was never counted
    assert refused(store, retail.directed_session.id) == [("dialog open", COLA)]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.engine.reads.session(retail.directed_session.id).name == "Default session"
    assert page.message_bar.text == notice.text()
    assert page.last_scan.text() == f"Refused: {COLA}"
    assert log_rows(qtbot, page, 1) == [("Refused", f"Refused: {COLA}", "“Edit session” was open")]
    assert page.totals.units == 0 and page.totals.lines == 0


def test_a_scan_under_the_discard_confirmation_discards_nothing(qtbot, window, page, keys, store, retail):
    qtbot.mouseClick(page.action_row.discard_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    keys.scan(CHIPS)
    assert dialog.isVisible()  # its default button was not pressed by the scan's Enter
    assert window.engine.reads.session(retail.directed_session.id).state is SessionState.IN_PROGRESS
    assert scans(store, retail.directed_session.id) == []
    assert refused(store, retail.directed_session.id) == [("dialog open", CHIPS)]
    dialog.reject()


def test_three_scans_on_the_counts_list_are_refused_and_open_nothing(qtbot, window, retail, store):
    sign_in(qtbot, window, "alex")
    activate(qtbot, window)
    heard = sounds(window)
    window.counts.focus_session(retail.directed_session.id)
    card = window.counts.session_cards[retail.directed_session.id]
    qtbot.waitUntil(card.hasFocus)
    keys = Keyboard()
    for code in (COLA, CHIPS, COLA):
        keys.scan(code)
    assert window.stack.currentWidget() is window.counts  # no Enter reached the card: nothing opened
    assert heard == ["rejected"] * 3
    banner = window.capture.banner
    assert banner.text == f"Scan {COLA} was not recorded. No session is open here: open a session to scan."
    assert banner.property("kind") == "error"
    for session in (retail.directed_session, retail.hard_session):
        assert journal(store, session.id) == journal(store, session.id)[:1]  # only its creation
        assert window.engine.reads.session(session.id).lock is None
        assert refused(store, session.id) == []
    assert refused(store, None) == [("no session", COLA), ("no session", CHIPS), ("no session", COLA)]
    with store.read() as conn:
        assert {r.user_id for r in queries.refused_scans(conn, None)} == {"alex"}


def test_a_scan_in_a_submitted_session_is_refused_with_what_to_do(qtbot, window, page, keys, store, retail):
    qtbot.mouseClick(page.action_row.submit_button, Qt.MouseButton.LeftButton)
    assert window.engine.reads.session(retail.directed_session.id).state is SessionState.SUBMITTED
    before = journal(store, retail.directed_session.id)
    heard = sounds(window)
    keys.scan(COLA)
    assert heard == ["rejected"]
    assert page.message_bar.text == (
        f"Scan {COLA} was not recorded. This session is submitted: Re-open session to scan more."
    )
    assert page.message_bar.kind == "error"
    assert page.last_scan.text() == f"Refused: {COLA}" and page.last_scan.property("status") == "rejected"
    # A submitted session takes no journal line, not even a rejected one: the server would refuse it as well.
    assert journal(store, retail.directed_session.id) == before
    # The device keeps it, and the session's scan log shows it in red with why, in no total.
    assert refused(store, retail.directed_session.id) == [("submitted", COLA)]
    assert log_rows(qtbot, page, 1) == [("Refused", f"Refused: {COLA}", "session submitted")]
    model = page.lists.scan_model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == REJECTED_COLOUR
    assert model.data(model.index(0, model.REMOVE)) is None  # nothing to remove
    assert page.lists.scans_label.text() == "Sca&ns (1), 1 not counted"
    assert page.lists.scans_label.toolTip() == "0 rejected (unreadable or invalid), 1 refused (nothing could take them)"
    assert page.totals.units == 0


def test_a_scan_in_a_session_held_elsewhere_is_refused_with_who_to_ask(qtbot, window, retail, store, counting):
    bo = Actor("bo", "other-device", ROLES["associate"])
    counting.claim(bo, retail.directed_session.id)
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    activate(qtbot, window)
    before = journal(store, retail.directed_session.id)
    heard = sounds(window)
    Keyboard().scan(COLA)
    page = window.session
    assert heard == ["rejected"]
    assert page.message_bar.text == (
        f"Scan {COLA} was not recorded. Another user or device holds this session: scan in a session of your "
        "own, or ask a supervisor to release this one."
    )
    assert journal(store, retail.directed_session.id) == before
    assert refused(store, retail.directed_session.id) == [("held elsewhere", COLA)]
    assert log_rows(qtbot, page, 1)[0][0] == "Refused"


def test_a_scan_in_a_session_not_started_says_start_counting(qtbot, window, retail, store):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    activate(qtbot, window)
    Keyboard().scan(COLA)
    page = window.session
    assert page.message_bar.text.endswith("This session is not started: press Start counting, then scan.")
    assert window.engine.reads.session(retail.directed_session.id).state is SessionState.NOT_STARTED
    assert scans(store, retail.directed_session.id) == []
    assert refused(store, retail.directed_session.id) == [("not started", COLA)]
    assert log_rows(qtbot, page, 1) == [("Refused", f"Refused: {COLA}", "session not started")]


def test_a_scan_arriving_mid_typing_leaves_the_typed_text_and_is_recorded(qtbot, window, page, store, retail):
    field = page.action_row.scanner_input
    focus(qtbot, field)
    keys = Keyboard()
    keys.type("40", gap_ms=180)  # a person starts typing a code by hand
    with scan_shown(qtbot, page):
        keys.now += 200
        keys.scan(CHIPS)
    assert scans(store, retail.directed_session.id) == [("scan", CHIPS)]
    qtbot.waitUntil(lambda: field.text() == "40")  # the person's text is intact, the scan's is not in it
    keys.type("06381333931", gap_ms=150)
    qtbot.waitUntil(lambda: field.text() == COLA)
    with scan_shown(qtbot, page) as typed:
        keys.press(Qt.Key.Key_Return, "\r", gap_ms=300)
    assert typed.args[0].status == "accepted"
    assert scans(store, retail.directed_session.id) == [("scan", CHIPS), ("scan", COLA)]
    manual = [p["manual"] for k, p in journal(store, retail.directed_session.id) if k is EventKind.SCAN_RECORDED]
    assert manual == [False, True]  # the typed one is recorded as typed


def test_a_gs1_scan_keeps_its_gs_typed_as_ctrl_bracket(qtbot, window, page, keys, store, retail):
    focus(qtbot, page.lists.scan_view)
    with scan_shown(qtbot, page):
        keys.scan("]C10104006381333931\x1d10LOT7")
    [(_kind, payload)] = [e for e in journal(store, retail.directed_session.id) if e[0] is EventKind.SCAN_RECORDED]
    assert payload["raw"] == "]C10104006381333931\x1d10LOT7" and payload["lot"] == "LOT7"


def test_leaving_the_window_says_so_and_coming_back_plays_a_sound(qtbot, window, page, qapp, monkeypatch):
    played: list[str] = []
    monkeypatch.setattr(window.capture.router.feedback, "play", lambda status: played.append(status) or True)
    banner = window.capture.banner
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert banner.text.startswith("ScanApp is not the active window: the scanner now types into the other program.")
    assert banner.kind == "warning" and played == []
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert banner.text == "" and played == ["accepted"]


@with_fake_serial
@pytest.mark.usefixtures("serial_scanner")
def test_a_serial_scanner_goes_through_the_same_router(qtbot, window, retail, store):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    page = window.session
    qtbot.mouseClick(page.action_row.scan_button, Qt.MouseButton.LeftButton)
    source = FakeSerial.made[-1]
    focus(qtbot, page.lists.scan_view)
    with scan_shown(qtbot, page):
        source.scan_read.emit(ScanRead(text=COLA, source=source.source, at=datetime.now(UTC)))
    qtbot.mouseClick(page.action_row.edit_button, Qt.MouseButton.LeftButton)
    source.scan_read.emit(ScanRead(text=CHIPS, source=source.source, at=datetime.now(UTC)))
    assert page.dialog.name_edit.text() == "Default session"
    assert scans(store, retail.directed_session.id) == [("scan", COLA)]
    assert refused(store, retail.directed_session.id) == [("dialog open", CHIPS)]
    with store.read() as conn:
        [kept] = queries.refused_scans(conn, retail.directed_session.id)
    # Kept where it came (after the one line), with how it decodes: the code is the GTIN-14 it reads as.
    assert (kept.source, kept.after_ordinal, kept.raw, kept.code) == (source.source, 1, CHIPS, CHIPS.zfill(14))
    assert kept.reading["ok"] is True and kept.user_id == "alex"
    page.dialog.reject()


def test_while_the_app_is_locked_a_scan_is_refused_and_the_pin_field_stays_empty(qtbot, window, page, keys, store):
    window.idle_lock.lock()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_page)
    keys.scan(COLA)
    assert window.capture.banner.text == f"Scan {COLA} was not recorded. ScanApp is locked: enter your PIN, then scan."
    assert scans(store, page.session.id) == []
    assert refused(store, page.session.id) == [("app locked", COLA)]  # in the session left open under the lock


def test_unlocking_takes_the_locked_refusal_off_the_banner(qtbot, window, page, keys, store):
    window.idle_lock.lock()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_page)
    keys.scan(COLA)
    banner = window.capture.banner
    assert banner.text == f"Scan {COLA} was not recorded. ScanApp is locked: enter your PIN, then scan."
    qtbot.keyClicks(window.lock_page.entry.pin, PIN)
    qtbot.mouseClick(window.lock_page.unlock_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is page
    assert banner.text == "" and banner.isHidden()  # no stale "ScanApp is locked" over the unlocked page
    assert log_rows(qtbot, page, 1) == [("Refused", f"Refused: {COLA}", "ScanApp was locked")]
    with scan_shown(qtbot, page) as recorded:
        keys.scan(COLA)
    assert recorded.args[0].status == "accepted"
    assert scans(store, page.session.id) == [("scan", COLA)]
    assert banner.isHidden()
