"""The reviewer's contact sheet: the command writes one drawn cell per built-in exercise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from movebreak.adapters.library_file import load_library
from movebreak.tools.contact_sheet import (
    CELL_HEIGHT,
    CELL_WIDTH,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    PADDING,
    TITLE_HEIGHT,
    sheet_size,
)

FIGURE = QColor("#1f8a7a").rgb()


def figure_pixels(image: QImage, left: int, top: int) -> int:
    """Figure-coloured pixels in the first key frame of the cell at (left, top)."""
    x0, y0 = left + PADDING, top + TITLE_HEIGHT
    return sum(
        image.pixel(x, y) == FIGURE
        for x in range(x0, x0 + FRAME_WIDTH, 2)
        for y in range(y0, y0 + FRAME_HEIGHT, 2)
    )


def test_the_command_draws_every_exercise_in_its_own_cell(tmp_path: Path, qtbot: QtBot) -> None:
    out = tmp_path / "sheet.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "movebreak.tools.contact_sheet", str(out), "--columns", "4"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    exercises = load_library(None).exercises
    assert f"{len(exercises)} exercises" in done.stdout
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == sheet_size(len(exercises), 4)
    assert image.width() == 4 * CELL_WIDTH
    for index in range(len(exercises)):  # a figure in each exercise's cell
        left, top = (index % 4) * CELL_WIDTH, (index // 4) * CELL_HEIGHT
        assert figure_pixels(image, left, top) > 50, exercises[index].id
    for index in range(len(exercises), 4 * (image.height() // CELL_HEIGHT)):  # nothing more
        left, top = (index % 4) * CELL_WIDTH, (index // 4) * CELL_HEIGHT
        assert figure_pixels(image, left, top) == 0, index


def test_the_command_refuses_an_unknown_exercise(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "movebreak.tools.contact_sheet", str(tmp_path / "x.png"),
         "--only", "no-such-exercise"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "no exercise to draw" in done.stderr
    assert not (tmp_path / "x.png").exists()
