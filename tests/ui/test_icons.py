"""The tray icon's figure, drawn in code, against the SVG master it copies."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from movebreak.adapters.paths import assets_dir
from movebreak.core.sitting import Presence
from movebreak.ui.icons import TrayIcons, draw_figure

SIZE = 128


def canvas() -> tuple[QImage, QPainter]:
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return image, painter


def differing(one: QImage, other: QImage) -> int:
    """How many pixels' coverage differs by more than an eighth (antialiasing aside)."""
    return sum(
        abs(one.pixelColor(x, y).alpha() - other.pixelColor(x, y).alpha()) > 32
        for x in range(SIZE)
        for y in range(SIZE)
    )


def test_the_drawn_figure_matches_the_svg_master(qtbot: QtBot) -> None:
    master, painter = canvas()
    renderer = QSvgRenderer(str(assets_dir() / "icons" / "movebreak.svg"))
    assert renderer.isValid()
    renderer.render(painter, QRectF(0, 0, SIZE, SIZE))
    painter.end()
    drawn, painter = canvas()
    draw_figure(painter, QRectF(0, 0, SIZE, SIZE))
    painter.end()
    covered = sum(master.pixelColor(x, y).alpha() > 0 for x in range(SIZE) for y in range(SIZE))
    assert covered > SIZE**2 // 10  # the master drew something
    assert drawn.pixelColor(72, 22) == master.pixelColor(72, 22)  # the head, same colour
    assert differing(master, drawn) <= 8  # the same shape (identical with Qt 6.11)


def test_a_figure_one_unit_off_would_be_seen(qtbot: QtBot) -> None:
    """The comparison above can fail: shifted by one unit of the 64-unit grid, it does."""
    master, painter = canvas()
    draw_figure(painter, QRectF(0, 0, SIZE, SIZE))
    painter.end()
    shifted, painter = canvas()
    draw_figure(painter, QRectF(SIZE / 64, 0, SIZE, SIZE))
    painter.end()
    assert differing(master, shifted) > 100


def test_the_ring_fills_and_changes_colour_toward_the_limit(qtbot: QtBot) -> None:
    icons = TrayIcons()
    fresh = icons.for_state(Presence.SEATED, 0.1).pixmap(64, 64).toImage()
    due = icons.for_state(Presence.SEATED, 1.0).pixmap(64, 64).toImage()
    top = (32, 5)  # the ring at 12 o'clock: filled in both
    left = (5, 32)  # at 9 o'clock: filled only when the limit is reached
    assert fresh.pixelColor(*top).alpha() > 0
    assert due.pixelColor(*left).red() > due.pixelColor(*left).green()  # red when due
    assert fresh.pixelColor(*left) != due.pixelColor(*left)
