"""A contact sheet of every exercise's key poses, for a reviewer to check the drawings.

``python -m movebreak.tools.contact_sheet OUT.png`` draws one cell per exercise of the
built-in library: its title, position and id, then its key poses side by side as the
prompt shows them, each named under it. It runs offscreen, without a display.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

FRAME_WIDTH, FRAME_HEIGHT = 150, 200  # one key pose, as large as the library shows it
FRAMES_PER_CELL = 4  # the longest animation in the library
TITLE_HEIGHT, LABEL_HEIGHT, PADDING = 26, 16, 8
CELL_WIDTH = FRAMES_PER_CELL * FRAME_WIDTH + 2 * PADDING
CELL_HEIGHT = TITLE_HEIGHT + FRAME_HEIGHT + LABEL_HEIGHT + PADDING


def sheet_size(cells: int, columns: int) -> tuple[int, int]:
    """The sheet's width and height in pixels for ``cells`` exercises."""
    return columns * CELL_WIDTH, math.ceil(cells / columns) * CELL_HEIGHT


def main(argv: Sequence[str] | None = None) -> int:
    """Write the sheet; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m movebreak.tools.contact_sheet")
    parser.add_argument("out", type=Path, help="the PNG to write")
    parser.add_argument("--columns", type=int, default=3, help="cells per row (default 3)")
    parser.add_argument("--only", nargs="*", default=None, help="exercise ids to draw")
    args = parser.parse_args(argv)
    if args.columns < 1:
        parser.error("--columns must be at least 1")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt is imported only here: the module's constants need no display.
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPalette

    from movebreak.adapters.library_file import load_library
    from movebreak.core.poses import Pose, draw
    from movebreak.ui.figure import paint_figure

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # held to the end
    library = load_library(None)
    exercises = [e for e in library.exercises if args.only is None or e.id in args.only]
    if not exercises:
        parser.error("no exercise to draw")
    width, height = sheet_size(len(exercises), args.columns)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    palette = QPalette(QColor("#efefef"))  # a fixed light palette: the same sheet anywhere
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    title_font, label_font = QFont(), QFont()
    title_font.setPixelSize(15)
    title_font.setBold(True)
    label_font.setPixelSize(11)
    for index, exercise in enumerate(exercises):
        left = (index % args.columns) * CELL_WIDTH
        top = (index // args.columns) * CELL_HEIGHT
        painter.setPen(QColor("#bbbbbb"))
        painter.drawRect(QRectF(left, top, CELL_WIDTH - 1, CELL_HEIGHT - 1))
        painter.setPen(QColor("black"))
        painter.setFont(title_font)
        heading = f"{exercise.title}  ({exercise.position.value}, {exercise.id})"
        painter.drawText(
            QRectF(left + PADDING, top, CELL_WIDTH - 2 * PADDING, TITLE_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            heading,
        )
        painter.setFont(label_font)
        for frame, name in enumerate(exercise.animation[:FRAMES_PER_CELL]):
            area = QRectF(
                left + PADDING + frame * FRAME_WIDTH, top + TITLE_HEIGHT, FRAME_WIDTH, FRAME_HEIGHT
            )
            paint_figure(painter, area, draw(library.poses.get(name, Pose())), palette)
            painter.setPen(QColor("#444444"))
            painter.drawText(
                QRectF(area.left(), area.bottom(), FRAME_WIDTH, LABEL_HEIGHT),
                Qt.AlignmentFlag.AlignCenter,
                f"{frame + 1}. {name}",
            )
    painter.end()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(args.out), "PNG"):  # type: ignore[call-overload]  # the stub wants bytes, the binding str
        print(f"cannot write {args.out}", file=sys.stderr)
        return 1
    print(f"{args.out}: {len(exercises)} exercises, {width}x{height}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
