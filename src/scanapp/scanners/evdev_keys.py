"""Kernel key events to scanned codes: key codes to characters with Shift, Caps Lock and Ctrl (Ctrl+] is
GS), Enter/Tab ending a code. No Qt, no device: fed `evdev.InputEvent`s, it returns finished reads.

The table is the US layout because that is what USB scanners emulate out of the box (their "keyboard
country" setting); python-evdev names key codes but has no layout, and libxkbcommon would bring a C
build and the XKB data files for this one table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from evdev import InputEvent, ecodes

from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.timing import gaps_between, is_manual

KEY_UP, KEY_DOWN, KEY_REPEAT = 0, 1, 2
MAX_CODE = 8192

_PAIRS = {
    "1": "1!",
    "2": "2@",
    "3": "3#",
    "4": "4$",
    "5": "5%",
    "6": "6^",
    "7": "7&",
    "8": "8*",
    "9": "9(",
    "0": "0)",
    "MINUS": "-_",
    "EQUAL": "=+",
    "LEFTBRACE": "[{",
    "RIGHTBRACE": "]}",
    "SEMICOLON": ";:",
    "APOSTROPHE": "'\"",
    "GRAVE": "`~",
    "BACKSLASH": "\\|",
    "COMMA": ",<",
    "DOT": ".>",
    "SLASH": "/?",
    "SPACE": "  ",
    "KPASTERISK": "**",
    "KPMINUS": "--",
    "KPPLUS": "++",
    "KPDOT": "..",
    "KPSLASH": "//",
    **{f"KP{d}": d * 2 for d in "0123456789"},
}
# key code → (plain, shifted)
KEYMAP: dict[int, tuple[str, str]] = {
    **{ecodes.ecodes[f"KEY_{c}"]: (c.lower(), c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    **{ecodes.ecodes[f"KEY_{name}"]: (pair[0], pair[1]) for name, pair in _PAIRS.items()},
}
LETTERS = frozenset(ecodes.ecodes[f"KEY_{c}"] for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
SHIFT = frozenset({ecodes.KEY_LEFTSHIFT, ecodes.KEY_RIGHTSHIFT})
CTRL = frozenset({ecodes.KEY_LEFTCTRL, ecodes.KEY_RIGHTCTRL})
ENTER = frozenset({ecodes.KEY_ENTER, ecodes.KEY_KPENTER})
# Ctrl with these gives the ASCII control character 64 below them: Ctrl+] = GS (0x1d), Ctrl+^ = RS, …
_CTRL_CHARS = frozenset("@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_")


@dataclass
class KeyDecoder:
    """Turns one device's key events into ScanReads, one per code ended by Enter (or Tab)."""

    source: str
    settings: ScannerSettings = field(default_factory=ScannerSettings)
    _chars: list[str] = field(default_factory=list)
    _times: list[float] = field(default_factory=list)
    _shift: set[int] = field(default_factory=set)
    _ctrl: set[int] = field(default_factory=set)
    _caps: bool = False
    _overflow: bool = False
    _edited: bool = False

    def feed(self, event: InputEvent, at: datetime) -> ScanRead | None:
        """One kernel event; returns a read when it ended a code. `at` stamps that read.

        Key repeats are ignored: a scanner never holds a key, and the kernel's autorepeat after a stalled
        key release would invent characters."""
        if event.type != ecodes.EV_KEY or event.value == KEY_REPEAT:
            return None
        code, down = event.code, event.value == KEY_DOWN
        if code in SHIFT:
            (self._shift.add if down else self._shift.discard)(code)
            return None
        if code in CTRL:
            (self._ctrl.add if down else self._ctrl.discard)(code)
            return None
        if not down:
            return None
        if code == ecodes.KEY_CAPSLOCK:
            self._caps = not self._caps
            return None
        if code in ENTER or (code == ecodes.KEY_TAB and self.settings.end_on_tab):
            return self.finish(at)
        if code == ecodes.KEY_BACKSPACE and self._chars:
            self._chars.pop()
            self._times.pop()
            self._edited = True
            return None
        char = self.character(code)
        if char is None:
            return None
        if len(self._chars) >= MAX_CODE:
            self._overflow = True
            return None
        self._chars.append(char)
        self._times.append(event.timestamp() * 1000)
        return None

    def character(self, code: int) -> str | None:
        """The character a key gives under the current Shift, Caps Lock and Ctrl state."""
        pair = KEYMAP.get(code)
        if pair is None:
            return None
        shifted = bool(self._shift) != (self._caps and code in LETTERS)
        char = pair[1] if shifted else pair[0]
        if self._ctrl:
            upper = char.upper()
            return chr(ord(upper) - 64) if upper in _CTRL_CHARS else None
        return char

    def finish(self, at: datetime, error: str | None = None) -> ScanRead | None:
        """End the current code (Enter, or the device went away: then with `error`); None if empty."""
        if not self._chars:
            return None
        text = "".join(self._chars)
        gaps = gaps_between(self._times)
        if self._overflow and error is None:
            error = f"too long: more than {MAX_CODE} characters before Enter"
        read = ScanRead(
            text=text,
            source=self.source,
            at=at,
            data=text.encode("utf-8"),
            manual=is_manual(len(text), gaps, self.settings, self._edited),
            key_gaps_ms=gaps,
            error=error,
        )
        self.reset()
        return read

    def reset(self) -> None:
        """Forget the code in progress and held modifiers (after an unplug nothing is held any more)."""
        self._chars.clear()
        self._times.clear()
        self._shift.clear()
        self._ctrl.clear()
        self._overflow = False
        self._edited = False
