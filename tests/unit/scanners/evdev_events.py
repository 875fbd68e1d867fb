"""Synthetic evdev InputEvents, as a USB scanner in US keyboard mode sends them (there is no /dev/uinput here)."""

from __future__ import annotations

from evdev import InputEvent, ecodes

from scanapp.domain.barcodes import GS

_SHIFTED = {
    "!": "1",
    "@": "2",
    "#": "3",
    "$": "4",
    "%": "5",
    "^": "6",
    "&": "7",
    "*": "8",
    "(": "9",
    ")": "0",
    "_": "MINUS",
    "+": "EQUAL",
    "{": "LEFTBRACE",
    "}": "RIGHTBRACE",
    ":": "SEMICOLON",
    '"': "APOSTROPHE",
    "~": "GRAVE",
    "|": "BACKSLASH",
    "<": "COMMA",
    ">": "DOT",
    "?": "SLASH",
}
_PLAIN = {
    "-": "MINUS",
    "=": "EQUAL",
    "[": "LEFTBRACE",
    "]": "RIGHTBRACE",
    ";": "SEMICOLON",
    "'": "APOSTROPHE",
    "`": "GRAVE",
    "\\": "BACKSLASH",
    ",": "COMMA",
    ".": "DOT",
    "/": "SLASH",
    " ": "SPACE",
}


class Keyboard:
    """Makes key events with kernel timestamps `gap_ms` apart."""

    def __init__(self, start_s: float = 1_000.0) -> None:
        self.t = start_s

    def event(self, code: int, value: int, type_: int = ecodes.EV_KEY) -> InputEvent:
        sec = int(self.t)
        return InputEvent(sec, round((self.t - sec) * 1_000_000), type_, code, value)

    def tap(self, code: int, gap_ms: float, mods: tuple[int, ...] = ()) -> list[InputEvent]:
        self.t += gap_ms / 1000
        events = [self.event(m, 1) for m in mods] + [self.event(code, 1), self.event(ecodes.EV_SYN, 0, ecodes.EV_SYN)]
        events += [self.event(code, 0)] + [self.event(m, 0) for m in mods]
        return events

    def type(self, text: str, gap_ms: float = 2.0, end: str = "\n") -> list[InputEvent]:
        events: list[InputEvent] = []
        for ch in text + end:
            if ch == "\n":
                events += self.tap(ecodes.KEY_ENTER, gap_ms)
            elif ch == "\t":
                events += self.tap(ecodes.KEY_TAB, gap_ms)
            elif ch == GS:
                events += self.tap(ecodes.KEY_RIGHTBRACE, gap_ms, (ecodes.KEY_LEFTCTRL,))
            elif ch.isupper():
                events += self.tap(ecodes.ecodes[f"KEY_{ch}"], gap_ms, (ecodes.KEY_LEFTSHIFT,))
            elif ch in _SHIFTED:
                events += self.tap(ecodes.ecodes[f"KEY_{_SHIFTED[ch]}"], gap_ms, (ecodes.KEY_RIGHTSHIFT,))
            elif ch in _PLAIN:
                events += self.tap(ecodes.ecodes[f"KEY_{_PLAIN[ch]}"], gap_ms)
            else:
                events += self.tap(ecodes.ecodes[f"KEY_{ch.upper()}"], gap_ms)
        return events
