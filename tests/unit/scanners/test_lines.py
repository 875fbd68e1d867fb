"""Line splitting for byte streams: whatever the chunking, lines come out whole, in order, bounded."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scanapp.scanners.lines import Line, LineSplitter


def test_lines_split_across_chunks_and_crlf_split_in_the_middle():
    splitter = LineSplitter(b"\r\n", 100)
    assert splitter.feed(b"4006381333931\r") == []
    assert splitter.feed(b"\n9638") == [Line(b"4006381333931", 13)]
    assert splitter.feed(b"5074\r\n\r\n") == [Line(b"96385074", 8), Line(b"", 0)]
    assert splitter.pending() is None


def test_a_huge_line_is_kept_short_and_counted_whole():
    splitter = LineSplitter(b"\r", 16)
    out = []
    for _ in range(100):
        out += splitter.feed(b"7" * 100)
    out += splitter.feed(b"\r96385074\r")
    assert out == [Line(b"7" * 16, 10_000), Line(b"96385074", 8)]


def test_pending_returns_a_cut_off_line_once():
    splitter = LineSplitter(b"\n", 8)
    splitter.feed(b"123456789012")
    assert splitter.pending() == Line(b"12345678", 12)
    assert splitter.pending() is None


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.binary(max_size=60).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")), max_size=20),
    terminator=st.sampled_from([b"\r", b"\n", b"\r\n"]),
    cuts=st.lists(st.integers(0, 2000), max_size=30),
    max_bytes=st.integers(1, 40),
)
def test_any_chunking_gives_the_same_lines(lines, terminator, cuts, max_bytes):
    stream = b"".join(line + terminator for line in lines)
    splitter = LineSplitter(terminator, max_bytes)
    out: list[Line] = []
    start = 0
    for cut in [*sorted(c % (len(stream) + 1) for c in cuts), len(stream)]:
        out += splitter.feed(stream[start:cut])
        start = max(start, cut)
    assert out == [Line(line[:max_bytes], len(line)) for line in lines]
    assert splitter.pending() is None
