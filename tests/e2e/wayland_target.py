"""A window to type into on a Wayland desktop; it mirrors its text and its focus to files.

Usage: ``wayland_target.py TEXT_FILE FOCUS_FILE``. ``TEXT_FILE`` holds what was typed;
``FOCUS_FILE`` gains a line ``in`` or ``out`` each time the compositor gives this window
the keyboard or takes it away (Qt's window activation follows the Wayland keyboard
focus: ``wl_keyboard.enter`` / ``leave`` on our surface). So a test can tell, from the
target's own side, whether another window took the keyboard.
"""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QPlainTextEdit


def main() -> int:
    text_file, focus_file = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    editor = QPlainTextEdit()
    editor.setWindowTitle("typing-target")
    editor.resize(500, 300)
    editor.textChanged.connect(lambda: text_file.write_text(editor.toPlainText(), encoding="utf-8"))

    def focus_changed() -> None:
        with focus_file.open("a", encoding="utf-8") as out:
            out.write("in\n" if editor.isActiveWindow() else "out\n")

    app.focusWindowChanged.connect(lambda _window: focus_changed())
    editor.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
