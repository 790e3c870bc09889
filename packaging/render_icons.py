"""Render the app icon's PNG sizes for the freedesktop hicolor theme from the SVG master.

Desktops look up ``Icon=io.github.movebreak.Movebreak`` in
``share/icons/hicolor/<N>x<N>/apps/``. Some (older panels, some docks, X11 window lists)
only use PNGs, so every common size is pre-rendered rather than left to each desktop's SVG
renderer. The PNGs are committed; this script makes them reproducible from
``assets/icons/movebreak.svg`` with the Qt the app already depends on, so no extra tool
(rsvg-convert, Inkscape) is needed::

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py [OUTPUT_DIR]

Run it again whenever the SVG changes. ``tests/test_packaging.py`` renders into a temporary
folder and fails when the committed PNGs no longer match the SVG.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.movebreak.Movebreak"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "assets" / "icons" / "movebreak.svg"
HICOLOR = ROOT / "assets" / "icons" / "hicolor"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """Draw the SVG into a transparent ``size`` x ``size`` image, antialiased.

    Rendered straight at the target size (not scaled down from a big bitmap), so thin
    strokes stay crisp at 16 px.
    """
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    """Write every PNG size and the scalable SVG copy; 0 on success.

    Args:
        argv: optionally one folder to write the ``hicolor`` tree into instead of
            ``assets/icons/hicolor`` (the tests compare a fresh rendering with the committed one).
    """
    args = sys.argv[1:] if argv is None else argv
    hicolor = Path(args[0]) if args else HICOLOR
    # QSvgRenderer draws text and may consult fonts, which need a QGuiApplication.
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render_icons: cannot read {SOURCE}", file=sys.stderr)
        return 1
    for size in SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target)):
            print(f"render_icons: cannot write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(scalable.relative_to(ROOT) if scalable.is_relative_to(ROOT) else scalable)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
