"""A plain window to type into during end-to-end tests; it mirrors its text to a file."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QPlainTextEdit


def main() -> int:
    out = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    editor = QPlainTextEdit()
    editor.setWindowTitle("typing-target")
    editor.resize(500, 300)
    editor.move(40, 80)
    editor.textChanged.connect(lambda: out.write_text(editor.toPlainText(), encoding="utf-8"))
    if "--fullscreen" in sys.argv:
        editor.showFullScreen()  # a presentation or a video call
    else:
        editor.show()
    editor.activateWindow()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
