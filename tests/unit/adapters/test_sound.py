"""The optional chime: a quiet, short sound handed to whichever player the system has."""

import struct
import wave
from collections.abc import Sequence
from pathlib import Path

from movebreak.adapters.sound import Chime, chime_file, player_command


def test_the_shipped_chime_is_short_and_quiet() -> None:
    with wave.open(str(chime_file()), "rb") as sound:
        frames = sound.readframes(sound.getnframes())
        seconds = sound.getnframes() / sound.getframerate()
        assert sound.getsampwidth() == 2
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    assert 0.5 <= seconds <= 2
    assert 0.1 * 32767 < max(abs(s) for s in samples) <= 0.3 * 32767  # audible, never loud


def test_the_first_player_found_is_used() -> None:
    sound = Path("/x/chime.wav")
    have = {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay"}
    assert player_command(sound, platform="linux", which=have.get) == [
        "/usr/bin/paplay",
        "/x/chime.wav",
    ]
    only_alsa = {"aplay": "/usr/bin/aplay"}
    assert player_command(sound, platform="linux", which=only_alsa.get) == [
        "/usr/bin/aplay",
        "-q",
        "/x/chime.wav",
    ]
    mac = {"afplay": "/usr/bin/afplay"}
    assert player_command(sound, platform="darwin", which=mac.get) == [
        "/usr/bin/afplay",
        "/x/chime.wav",
    ]


def test_without_a_player_it_says_so_once_and_goes_on(caplog: object) -> None:
    started: list[Sequence[str]] = []
    chime = Chime(
        Path("/x/chime.wav"), spawn=started.append, platform="linux", which=lambda _: None
    )
    assert not chime.play()
    assert not chime.play()
    assert started == []
    found = Chime(
        Path("/x/chime.wav"), spawn=started.append, platform="linux", which=lambda n: f"/bin/{n}"
    )
    assert found.play()
    assert started == [["/bin/pw-play", "/x/chime.wav"]]
