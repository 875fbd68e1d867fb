"""Scan feedback: three distinct sounds and colours; no audio device or files means colour only and a log
line, never an exception or a Qt warning."""

from __future__ import annotations

import logging
import wave

import pytest
from PySide6.QtWidgets import QLineEdit

from scanapp.gui.capture.feedback import COLOURS, STATUSES, ScanFeedback, colour, sound_dir


def test_the_three_sounds_are_shipped_distinct_and_short():
    directory = sound_dir()
    assert directory is not None
    seen = set()
    for status in STATUSES:
        with wave.open(str(directory / f"{status}.wav")) as w:
            assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
            seconds = w.getnframes() / w.getframerate()
            assert 0.03 < seconds < 0.5
            seen.add(w.readframes(w.getnframes()))
    assert len(seen) == 3


def test_the_three_colours_are_distinct():
    assert len({colour(s).name() for s in STATUSES}) == 3
    assert colour("accepted") == COLOURS["accepted"]


def test_without_an_audio_device_feedback_is_colour_only_and_logged(qtbot, caplog):
    feedback = ScanFeedback()
    field = QLineEdit()
    qtbot.addWidget(field)
    with caplog.at_level(logging.WARNING, logger="scanapp.gui.capture.feedback"):
        with qtbot.waitSignal(feedback.given) as given:
            feedback.give("rejected", field)
        feedback.give("accepted", field)
    # This machine has no sound card; where one exists the first give plays.
    if feedback.audio_problem is None:
        pytest.skip("an audio device is present here")
    assert given.args == ["rejected", False]
    assert [r.getMessage() for r in caplog.records] == [f"scan feedback without sound: {feedback.audio_problem}"]
    assert "no audio output device" in feedback.audio_problem or "QtMultimedia" in feedback.audio_problem


def test_missing_sound_files_are_reported_not_raised(qtbot, tmp_path, caplog):
    (tmp_path / "accepted.wav").write_bytes(b"")
    feedback = ScanFeedback(sounds=tmp_path)
    with caplog.at_level(logging.WARNING, logger="scanapp.gui.capture.feedback"):
        assert feedback.play("unmatched") is False
    assert feedback.audio_problem
    assert caplog.records


def test_muted_plays_nothing(qtbot):
    feedback = ScanFeedback(muted=True)
    assert feedback.play("accepted") is False
    assert feedback.audio_problem is None


def test_flash_tints_then_restores_the_widgets_own_style(qtbot):
    feedback = ScanFeedback()
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setStyleSheet("border: 1px solid black;")
    feedback.flash(field, "unmatched", ms=50)
    assert COLOURS["unmatched"].name() in field.styleSheet()
    assert field.property("scanFeedback") == "unmatched"
    # A second outcome while flashing recolours; the original style is still what comes back.
    feedback.flash(field, "rejected", ms=50)
    assert COLOURS["rejected"].name() in field.styleSheet()
    qtbot.waitUntil(lambda: not feedback.is_flashing(field))
    assert field.styleSheet() == "border: 1px solid black;"
    assert field.property("scanFeedback") is None


def test_a_widget_destroyed_while_flashing_is_forgotten(qtbot):
    feedback = ScanFeedback()
    field = QLineEdit()
    feedback.flash(field, "accepted", ms=10_000)
    field.deleteLater()
    qtbot.waitUntil(lambda: not feedback.is_flashing(field))
    feedback.flash(QLineEdit(), "rejected", ms=1)  # and flashing goes on for other widgets
