"""Writes the scan feedback sounds beside this file: run it to change them (python make_sounds.py).

Three sounds a person tells apart without looking: accepted is one short high beep, unmatched two rising
beeps (look at the screen), rejected a low buzz (scan again). 16-bit mono 22.05 kHz WAV, a few KB each.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
HERE = Path(__file__).resolve().parent


def tone(freq: float, ms: int, volume: float = 0.6, square: bool = False) -> list[float]:
    n = RATE * ms // 1000
    fade = min(n // 8, RATE // 200)  # 5 ms ramps: no clicks at start and end
    samples = []
    for i in range(n):
        s = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            s = 0.6 * (1.0 if s >= 0 else -1.0) + 0.4 * s
        ramp = min(1.0, i / fade, (n - 1 - i) / fade) if fade else 1.0
        samples.append(volume * s * ramp)
    return samples


def silence(ms: int) -> list[float]:
    return [0.0] * (RATE * ms // 1000)


SOUNDS = {
    "accepted": tone(1_800, 80),
    "unmatched": tone(1_000, 90) + silence(50) + tone(1_400, 90),
    "rejected": tone(320, 320, volume=0.5, square=True),
}


def write(name: str, samples: list[float]) -> Path:
    path = HERE / f"{name}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", round(s * 32767)) for s in samples))
    return path


if __name__ == "__main__":
    for name, samples in SOUNDS.items():
        print(write(name, samples))
