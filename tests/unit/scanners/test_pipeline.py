"""The one decoding pipeline: stripping, AIM ids, length, control characters, encodings, double reads,
and the property that no input, however bad, raises or vanishes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scanapp.domain.barcodes import GS
from scanapp.scanners.pipeline import PipelineResult, ScanPipeline, read_from_bytes
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
COLA = "4006381333931"
COLA_14 = "04006381333931"


def read(text: str, source: str = "serial:/dev/ttyS0", at: datetime = T0, **kw) -> ScanRead:
    return ScanRead(text=text, source=source, at=at, data=text.encode(), **kw)


def run(text: str, **settings) -> PipelineResult:
    return ScanPipeline(ScannerSettings(**settings)).process(read(text))


def test_plain_ean_is_accepted_with_its_gtin14():
    result = run(COLA)
    assert result.ok and result.raw == COLA and result.barcode.gtin14 == COLA_14


def test_prefix_and_suffix_are_stripped_only_where_present():
    assert run(f"#S{COLA}!", strip_prefix="#S", strip_suffix="!").raw == COLA
    assert run(COLA, strip_prefix="#S", strip_suffix="!").raw == COLA


def test_terminator_leftovers_at_the_edges_are_not_data():
    assert run(f"\n{COLA}\r").raw == COLA


def test_aim_id_is_read_when_present():
    result = run(f"]E0{COLA}")
    assert result.barcode.symbology == "]E0" and result.barcode.gtin14 == COLA_14


def test_aim_required_rejects_codes_without_one():
    result = run(COLA, aim="require")
    assert not result.ok and "AIM" in result.reason
    assert run(f"]E0{COLA}", aim="require").ok


def test_aim_strip_removes_it_before_decoding():
    result = run(f"]E0{COLA}", aim="strip")
    assert result.raw == COLA and result.barcode.symbology is None


def test_gs_substitute_becomes_gs():
    result = run("]C1010001234567890510ABC~17251231", gs_substitute="~")
    assert result.raw == f"]C1010001234567890510ABC{GS}17251231"
    assert result.barcode.lot == "ABC"


def test_control_characters_rejected_or_stripped_by_policy():
    rejected = run("40063\x0781333931")
    assert not rejected.ok and "control character 0x07 at position 6" in rejected.reason
    stripped = run("40063\x0781333931", control_chars="strip")
    assert stripped.ok and stripped.raw == COLA
    # GS is data, never a stray control character.
    assert run(f"]C10100012345678905{GS}10ABC", control_chars="strip").barcode.lot == "ABC"


def test_maximum_length():
    result = run("A" * 41, max_length=40)
    assert not result.ok and result.reason == "too long: 41 characters (at most 40)"
    assert len(result.raw) < 70  # the scan log keeps a recognisable start, not the whole line
    assert run("A" * 40, max_length=40).ok


def test_bad_check_digit_is_the_engines_reason():
    result = run("4006381333932")
    assert not result.ok and result.reason.startswith("bad check digit")
    assert result.raw == "4006381333932"


def test_empty_after_cleaning_is_rejected():
    assert run("\r\n").reason == "empty scan"
    assert run("PFX", strip_prefix="PFX").reason == "empty scan"


def test_source_error_is_the_reason():
    result = ScanPipeline().process(read("abc", error="cut off: lost focus"))
    assert not result.ok and result.reason == "cut off: lost focus"


def test_double_read_window_off_by_default_two_scans_two_units():
    pipeline = ScanPipeline()
    assert pipeline.process(read(COLA)).ok
    assert pipeline.process(read(COLA, at=T0 + timedelta(milliseconds=5))).ok


def test_double_read_window_rejects_a_repeat_within_it_per_source():
    pipeline = ScanPipeline(ScannerSettings(double_read_ms=300))
    assert pipeline.process(read(COLA)).ok
    again = pipeline.process(read(COLA, at=T0 + timedelta(milliseconds=200)))
    assert not again.ok and again.reason.startswith("double read")
    # Another source, another code, or later than the window: counted.
    assert pipeline.process(read(COLA, source="wedge", at=T0 + timedelta(milliseconds=250))).ok
    assert pipeline.process(read("96385074", at=T0 + timedelta(milliseconds=260))).ok
    assert pipeline.process(read("96385074", at=T0 + timedelta(milliseconds=900))).ok


def test_read_from_bytes_invalid_utf8_becomes_a_reasoned_rejection():
    r = read_from_bytes(b"4006\xff381333931", "stdin", T0)
    assert r.error == "unreadable data: byte 0xff at position 5 is not valid utf-8"
    assert r.data == b"4006\xff381333931"
    result = ScanPipeline().process(r)
    assert not result.ok and result.reason == r.error


def test_read_from_bytes_other_encoding():
    r = read_from_bytes("CAFÉ-1".encode("latin-1"), "stdin", T0, encoding="latin-1")
    assert r.error is None and r.text == "CAFÉ-1"


def test_read_from_bytes_caps_huge_lines():
    r = read_from_bytes(b"7" * 10_000, "stdin", T0, max_bytes=4096)
    assert r.error == "too long: 10000 bytes without a line end (at most 4096)"
    assert len(r.data) == 4096 and len(r.text) < 70


def test_result_as_json_has_decode_fields_source_and_time():
    data = ScanPipeline().process(read(COLA)).to_dict()
    assert data["ok"] and data["gtin14"] == COLA_14 and data["source"] == "serial:/dev/ttyS0"
    assert data["at"] == T0.isoformat() and data["hex"].startswith("34 30 30 36")
    bad = ScanPipeline().process(read("4006381333932")).to_dict()
    assert not bad["ok"] and bad["error"].startswith("bad check digit")


@pytest.mark.parametrize("terminator_junk", ["\r", "\n", "\r\n", "\t"])
def test_terminator_junk_alone_never_passes_as_a_code(terminator_junk):
    assert not run(terminator_junk).ok


@settings(max_examples=400, deadline=None)
@given(
    data=st.binary(max_size=700),
    encoding=st.sampled_from(["utf-8", "latin-1", "cp1252", "ascii"]),
    config=st.builds(
        ScannerSettings,
        strip_prefix=st.sampled_from(["", "]", "#", "\x1d"]),
        strip_suffix=st.sampled_from(["", "\r", "!"]),
        gs_substitute=st.sampled_from(["", "~", "<GS>"]),
        aim=st.sampled_from(["auto", "require", "strip"]),
        control_chars=st.sampled_from(["reject", "strip"]),
        max_length=st.integers(1, 600),
        double_read_ms=st.sampled_from([0, 50]),
    ),
)
def test_random_bytes_never_raise_and_always_end_as_scan_or_rejection(data, encoding, config):
    r = read_from_bytes(data, "serial:/dev/fuzz", T0, encoding=encoding, max_bytes=512)
    result = ScanPipeline(config).process(r)
    if result.ok:
        assert result.barcode is not None and result.reason is None
    else:
        assert result.barcode is None and isinstance(result.reason, str) and result.reason
    assert isinstance(result.to_dict(), dict)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_random_text_never_raises(text):
    result = ScanPipeline(ScannerSettings(control_chars="strip")).process(read(text))
    assert (result.barcode is not None) == result.ok


class Recorder:
    """Anything with the counting service's two record methods (scanners do not import services)."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def record_scan(self, actor, session_id, raw, source, manual=False):
        self.calls.append(("scan", actor, session_id, raw, source, manual))
        return "recorded"

    def record_rejected(self, actor, session_id, raw, reason, source, manual=False):
        self.calls.append(("rejected", actor, session_id, raw, reason, source, manual))
        return "rejected"


def test_a_result_is_recorded_as_a_scan_or_a_rejection_with_its_source_and_manual_flag():
    recorder = Recorder()
    pipeline = ScanPipeline()
    accepted = pipeline.process(read(f"  {COLA}\r", source="wedge", manual=True))
    assert accepted.record(recorder, "alex", "S1") == "recorded"
    rejected = pipeline.process(read("4006381333932", source="serial:/dev/ttyS0"))
    assert rejected.record(recorder, "alex", "S1") == "rejected"
    assert recorder.calls == [
        ("scan", "alex", "S1", COLA, "wedge", True),
        ("rejected", "alex", "S1", "4006381333932", rejected.reason, "serial:/dev/ttyS0", False),
    ]
