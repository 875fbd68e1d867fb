"""Serial scanner source over real ptys (socat): a 1,000-code burst, garbage, invalid UTF-8, a 10,000-byte
line, unplug and replug — through the notifier path and the worker-thread path (the Windows one)."""

from __future__ import annotations

import threading

import pytest
from biip.checksums import gs1_standard_check_digit

from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.serial_source import SerialSource
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.state import CONNECTED, DISCONNECTED, STOPPED
from tests.integration.socat_pair import SOCAT, SocatPair

pytestmark = pytest.mark.skipif(SOCAT is None, reason="socat is not installed")


def ean13(n: int) -> str:
    body = f"400638{n:06d}"
    return body + str(gs1_standard_check_digit(body))


@pytest.fixture
def cable(tmp_path):
    pair = SocatPair(tmp_path)
    pair.plug()
    yield pair
    pair.unplug()


def write_in_background(cable: SocatPair, data: bytes) -> threading.Thread:
    writer = threading.Thread(target=cable.write, args=(data,), daemon=True)
    writer.start()
    return writer


def open_source(qtbot, cable: SocatPair, use_thread: bool = False, **settings):
    source = SerialSource(
        cable.host, ScannerSettings(kind="serial", device=cable.host, baud=115200, **settings), use_thread=use_thread
    )
    reads, states = [], []
    source.scan_read.connect(reads.append)
    source.state_changed.connect(lambda state, message: states.append((state, message)))
    source.start()
    assert source.state == CONNECTED, source.message
    return source, reads, states


@pytest.mark.parametrize("use_thread", [False, True], ids=["notifier", "thread"])
@pytest.mark.parametrize("terminator", ["CR", "LF", "CRLF"])
def test_burst_of_1000_codes_none_lost_merged_or_reordered(qtbot, cable, use_thread, terminator):
    source, reads, _ = open_source(qtbot, cable, use_thread, terminator=terminator)
    codes = [ean13(i) for i in range(1000)]
    end = {"CR": "\r", "LF": "\n", "CRLF": "\r\n"}[terminator]
    writer = write_in_background(cable, "".join(code + end for code in codes).encode())
    qtbot.waitUntil(lambda: len(reads) >= 1000, timeout=60_000)
    writer.join()
    assert [r.text for r in reads] == codes
    pipeline = ScanPipeline()
    assert all(pipeline.process(r).ok for r in reads)
    source.stop()


def test_garbage_never_stops_the_source(qtbot, cable):
    source, reads, _ = open_source(qtbot, cable, terminator="CR")
    stream = b"".join(
        [
            b"\x00\x01\x02\x7f\x1b[2J\r",  # control bytes
            b"4006\xff\xfe381333931\r",  # invalid UTF-8
            b"7" * 10_000 + b"\r",  # a 10,000-byte line
            b"\r\r",  # blank lines: no scans
            b"4006381333932\r",  # bad check digit
            b"4006381333931\r",  # and a good one after all that
        ]
    )
    write_in_background(cable, stream)
    qtbot.waitUntil(lambda: len(reads) >= 5, timeout=30_000)
    results = [ScanPipeline().process(r) for r in reads]
    assert [r.ok for r in results] == [False, False, False, False, True]
    assert "control character 0x01" in results[0].reason
    assert results[1].reason == "unreadable data: byte 0xff at position 5 is not valid utf-8"
    assert results[2].reason == "too long: 10000 bytes without a line end (at most 2048)"
    assert results[3].reason.startswith("bad check digit")
    assert results[4].barcode.gtin14 == "04006381333931"
    assert source.state == CONNECTED
    source.stop()


@pytest.mark.parametrize("use_thread", [False, True], ids=["notifier", "thread"])
def test_unplug_and_replug(qtbot, cable, use_thread):
    source, reads, states = open_source(qtbot, cable, use_thread, terminator="CR")
    write_in_background(cable, b"96385074\r4006").join()
    qtbot.waitUntil(lambda: len(reads) == 1)
    with qtbot.waitSignal(source.state_changed, timeout=10_000) as lost:
        cable.unplug()
    assert lost.args[0] == DISCONNECTED
    assert "disconnected" in lost.args[1]
    qtbot.waitUntil(lambda: len(reads) == 2)
    assert reads[1].text == "4006" and reads[1].error.startswith("cut off")
    # Retries while it is gone say once that the port is not there.
    qtbot.waitUntil(lambda: "not available" in states[-1][1], timeout=10_000)
    with qtbot.waitSignal(source.state_changed, timeout=15_000) as back:
        cable.plug()
    assert back.args[0] == CONNECTED
    write_in_background(cable, b"4006381333931\r").join()
    qtbot.waitUntil(lambda: len(reads) == 3, timeout=10_000)
    assert reads[2].text == "4006381333931" and reads[2].error is None
    source.stop()
    assert source.state == STOPPED


def test_a_port_that_is_not_there_at_start_is_waited_for(qtbot, tmp_path):
    pair = SocatPair(tmp_path)
    source = SerialSource(pair.host, ScannerSettings(kind="serial", device=pair.host))
    source.start()
    assert source.state == DISCONNECTED and "not available" in source.message
    reads = []
    source.scan_read.connect(reads.append)
    try:
        with qtbot.waitSignal(source.state_changed, timeout=15_000):
            pair.plug()
        write_in_background(pair, b"96385074\r").join()
        qtbot.waitUntil(lambda: len(reads) == 1, timeout=10_000)
        assert reads[0].text == "96385074"
    finally:
        source.stop()
        pair.unplug()


def test_new_settings_reopen_the_port_with_the_new_line_end(qtbot, cable):
    source, reads, _ = open_source(qtbot, cable, terminator="CR")
    with qtbot.waitSignal(source.state_changed):
        source.set_settings(ScannerSettings(kind="serial", device=cable.host, baud=9600, terminator="LF"))
    assert source.state == CONNECTED and "9600 baud" in source.message
    write_in_background(cable, b"96385074\n").join()
    qtbot.waitUntil(lambda: len(reads) == 1)
    assert reads[0].text == "96385074"
    source.stop()
