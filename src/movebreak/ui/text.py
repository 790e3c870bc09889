"""Qt's translation machinery, for every fixed string the windows, the tray and the app show.

``pyside6-lupdate`` finds translatable strings by pattern, not by import: it collects the
literal in each bare ``tr("...")`` call and each ``QT_TR_NOOP("...")`` marker, and files them
all under the empty context (a second literal argument becomes the disambiguation). So
``tr`` looks its text up in that same empty context, and a string kept in a table is marked
with ``QT_TR_NOOP`` where it is written and passed through ``tr`` where it is shown. Only
literals are found: ``tr(f"...")`` or ``tr(variable)`` are translated at run time only if a
translator adds the text by hand, so placeholders use ``tr("{name} ...").format(name=...)``.

Strings are translated when a widget is built; the app installs its translator before it
builds any (see :func:`install_translations`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CONTEXT = ""  # where pyside6-lupdate files a bare tr("...") call
CATALOGUE = "movebreak"  # movebreak_<locale>.qm, e.g. movebreak_de.qm or movebreak_pt_BR.qm


def tr(text: str, disambiguation: str | None = None) -> str:
    """The current translation of ``text`` (``text`` itself when there is none).

    Args:
        text: the English source, a literal so that lupdate finds it.
        disambiguation: tells two identical English texts apart for translators.
    """
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def QT_TR_NOOP(text: str) -> str:
    """Mark ``text`` for lupdate where it is written; translate it later with ``tr``."""
    return text


def install_translations(
    app: QCoreApplication, folder: Path, locale: QLocale | None = None
) -> list[QTranslator]:
    """Install movebreak's catalogue for ``locale`` (the system's) and Qt's own, if present.

    Looks for ``movebreak_<locale>.qm`` in ``folder`` (``de_DE`` falls back to ``de``);
    nothing is installed when there is none. Qt's ``qtbase`` catalogue translates the
    standard buttons and menus (OK, Cancel, Copy). The caller keeps the returned
    translators alive for as long as the app runs.
    """
    locale = locale if locale is not None else QLocale.system()
    installed: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in ((CATALOGUE, str(folder)), ("qtbase", qt_folder)):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory, ".qm"):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
