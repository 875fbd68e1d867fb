"""How one scanner is set up: its source, its timing and line rules, and the decoding policy.

One flat, frozen record so it can be stored as JSON per device (settings key `scanner.<device>`, saved by
`scanapp.services.scanner_settings`), shown in one settings form, and passed to a source and to the
pipeline alike.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal

from scanapp.domain.barcodes import MAX_LENGTH

SourceKind = Literal["wedge", "evdev", "serial"]
Terminator = Literal["CR", "LF", "CRLF"]
AimPolicy = Literal["auto", "require", "strip"]
ControlPolicy = Literal["reject", "strip"]

TERMINATOR_BYTES: dict[str, bytes] = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n"}
ENCODINGS = ("utf-8", "latin-1", "cp1252", "ascii")
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)

ACTIVE_KEY = "scanner.active"
"""The settings key naming the device the app reads (its `device_key`)."""
KEY_PREFIX = "scanner."
"""Each device's settings are saved under this prefix plus its `device_key`."""


@dataclass(frozen=True)
class ScannerSettings:
    """Everything a user can set for one scanner. Defaults suit a factory-reset USB scanner."""

    kind: SourceKind = "wedge"
    device: str = ""
    """evdev: the /dev/input path; serial: the port; wedge: empty."""

    # Keyboard wedge and evdev: telling a scanner from a person by key timing.
    key_gap_ms: int = 40
    """A read whose median gap between keys is above this was typed by hand (manual)."""
    min_length: int = 4
    """A read shorter than this is treated as typed by hand, however fast."""
    end_on_tab: bool = True
    """Tab ends a code like Enter does (many scanners are set to a Tab suffix)."""

    # Serial.
    baud: int = 9600
    terminator: Terminator = "CR"

    # The decoding pipeline, the same for every source.
    encoding: str = "utf-8"
    """How bytes from serial/stdin become text; bytes invalid in it reject the scan."""
    strip_prefix: str = ""
    strip_suffix: str = ""
    gs_substitute: str = ""
    """What the scanner sends instead of GS when it cannot send 0x1d (e.g. "~" or "<GS>"); empty: none."""
    aim: AimPolicy = "auto"
    """auto: read an AIM symbology id when present; require: reject codes without one; strip: drop it."""
    max_length: int = MAX_LENGTH
    control_chars: ControlPolicy = "reject"
    """Control characters other than GS inside a code: reject the scan, or strip them and read the rest."""
    double_read_ms: int = 0
    """Same code again from the same source within this many ms is rejected as a double read; 0: off
    (scanning one product twice means two units)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScannerSettings:
        """Known keys only, each checked against its default's type; anything else keeps its default,
        so settings saved by an older or newer version still load."""
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(defaults, f.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            else:
                ok = isinstance(value, str)
            if ok:
                values[f.name] = value
        settings = replace(defaults, **values)
        return settings.checked()

    def checked(self) -> ScannerSettings:
        """The same settings with out-of-range choices put back to their defaults."""
        defaults = ScannerSettings()
        fixes: dict[str, Any] = {}
        if self.kind not in ("wedge", "evdev", "serial"):
            fixes["kind"] = defaults.kind
        if self.terminator not in TERMINATOR_BYTES:
            fixes["terminator"] = defaults.terminator
        if self.aim not in ("auto", "require", "strip"):
            fixes["aim"] = defaults.aim
        if self.control_chars not in ("reject", "strip"):
            fixes["control_chars"] = defaults.control_chars
        if self.encoding not in ENCODINGS:
            fixes["encoding"] = defaults.encoding
        if self.baud <= 0:
            fixes["baud"] = defaults.baud
        if self.max_length <= 0:
            fixes["max_length"] = defaults.max_length
        return replace(self, **fixes) if fixes else self

    @property
    def device_key(self) -> str:
        """The name settings are saved under: one set per device (`wedge`, `serial:/dev/ttyUSB0`, …)."""
        return self.kind if self.kind == "wedge" or not self.device else f"{self.kind}:{self.device}"
