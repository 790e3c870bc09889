"""Writes assets/sounds/chime.wav: the soft sound a prompt may play (``[notifications] sound``).

Two sine tones a fifth apart, each with a slow attack and a long fade, at about a quarter of
full scale: noticeable in a quiet office, never a jolt. Reproducible: the same bytes each run.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050
PEAK = 0.25  # of full scale
NOTES = ((659.25, 0.0), (987.77, 0.18))  # E5, then B5 a little later (hertz, start in s)
LENGTH = 1.1  # seconds


def samples() -> list[int]:
    """The chime as 16-bit samples."""
    out = []
    for n in range(int(RATE * LENGTH)):
        t = n / RATE
        value = 0.0
        for frequency, start in NOTES:
            if t < start:
                continue
            local = t - start
            envelope = min(local / 0.03, 1.0) * math.exp(-local * 4.0)
            value += 0.5 * envelope * math.sin(2 * math.pi * frequency * local)
        out.append(round(value * PEAK * 32767))
    return out


def write(path: Path) -> None:
    """Write the chime to ``path`` as mono 16-bit PCM."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(struct.pack(f"<{len(samples())}h", *samples()))


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else root / "assets" / "sounds" / "chime.wav")
