"""evdev key decoding from synthetic kernel events: shift, Caps Lock, GS as Ctrl+], key repeat, timing."""

from __future__ import annotations

from datetime import UTC, datetime

from evdev import ecodes

from scanapp.domain.barcodes import GS
from scanapp.scanners.evdev_keys import KeyDecoder
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.settings import ScannerSettings
from tests.unit.scanners.evdev_events import Keyboard

AT = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def decode_all(decoder: KeyDecoder, events) -> list:
    return [r for r in (decoder.feed(e, AT) for e in events) if r is not None]


def test_digits_and_enter_give_one_scan_with_gaps_from_kernel_timestamps():
    reads = decode_all(KeyDecoder("evdev:/dev/input/x"), Keyboard().type("4006381333931", gap_ms=3))
    assert [r.text for r in reads] == ["4006381333931"]
    read = reads[0]
    assert read.source == "evdev:/dev/input/x" and not read.manual and read.error is None
    assert len(read.key_gaps_ms) == 12 and all(abs(g - 3) < 0.01 for g in read.key_gaps_ms)


def test_shift_gives_capitals_and_symbols():
    reads = decode_all(KeyDecoder("evdev:k"), Keyboard().type('Lot-A7/b!@#$%^&*()_+{}:"~|<>? x'))
    assert reads[0].text == 'Lot-A7/b!@#$%^&*()_+{}:"~|<>? x'


def test_caps_lock_affects_letters_only():
    kb = Keyboard()
    events = kb.tap(ecodes.KEY_CAPSLOCK, 1) + kb.type("ab1", end="") + kb.tap(ecodes.KEY_A, 1, (ecodes.KEY_LEFTSHIFT,))
    events += kb.tap(ecodes.KEY_CAPSLOCK, 1) + kb.type("c")
    assert decode_all(KeyDecoder("evdev:k"), events)[0].text == "AB1ac"


def test_ctrl_bracket_is_gs_and_the_gs1_code_decodes():
    code = f"]C10100012345678905{GS}10ABC123{GS}17251231"
    reads = decode_all(KeyDecoder("evdev:k"), Keyboard().type(code))
    assert reads[0].text == code
    barcode = ScanPipeline().process(reads[0]).barcode
    assert (barcode.gtin14, barcode.lot) == ("00012345678905", "ABC123")


def test_key_repeat_events_add_nothing():
    kb = Keyboard()
    events = kb.type("96", end="")
    kb.t += 0.3
    events += [
        kb.event(ecodes.KEY_6, 1),
        kb.event(ecodes.KEY_6, 2),
        kb.event(ecodes.KEY_6, 2),
        kb.event(ecodes.KEY_6, 0),
    ]
    events += kb.type("385074")
    assert decode_all(KeyDecoder("evdev:k"), events)[0].text == "966385074"


def test_modifiers_released_between_codes_do_not_leak():
    kb = Keyboard()
    reads = decode_all(KeyDecoder("evdev:k"), kb.type("AB12") + kb.type("ab12"))
    assert [r.text for r in reads] == ["AB12", "ab12"]


def test_tab_ends_a_code_unless_set_otherwise():
    kb = Keyboard()
    assert [r.text for r in decode_all(KeyDecoder("evdev:k"), kb.type("96385074", end="\t"))] == ["96385074"]
    plain = KeyDecoder("evdev:k", ScannerSettings(end_on_tab=False))
    assert decode_all(plain, kb.type("9638", end="\t") + kb.type("5074"))[0].text == "96385074"


def test_slow_keys_are_manual_and_backspace_edits():
    kb = Keyboard()
    slow = decode_all(KeyDecoder("evdev:k"), kb.type("96385074", gap_ms=200))
    assert slow[0].manual
    edited = kb.type("9638507", end="") + kb.tap(ecodes.KEY_9, 2) + kb.tap(ecodes.KEY_BACKSPACE, 2) + kb.type("4")
    reads = decode_all(KeyDecoder("evdev:k"), edited)
    assert reads[0].text == "96385074" and reads[0].manual


def test_non_key_events_and_unknown_keys_are_ignored():
    kb = Keyboard()
    events = [kb.event(ecodes.MSC_SCAN, 458782, ecodes.EV_MSC), *kb.tap(ecodes.KEY_F5, 1), *kb.type("1234")]
    assert decode_all(KeyDecoder("evdev:k"), events)[0].text == "1234"


def test_enter_alone_reads_nothing_and_finish_reports_cut_off_codes():
    decoder = KeyDecoder("evdev:k")
    kb = Keyboard()
    assert decode_all(decoder, kb.type("")) == []
    decode_all(decoder, kb.type("4006", end=""))
    cut = decoder.finish(AT, error="cut off")
    assert cut.text == "4006" and cut.error == "cut off"
    assert decoder.finish(AT) is None
