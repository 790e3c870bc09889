"""The ``movebreak`` command: starts the app, and answers ``--help``/``--version`` headless.

Qt and pynput are imported only when the app actually starts, so the informational
options work without a display and answer fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from movebreak import __version__


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = argparse.ArgumentParser(
        prog="movebreak",
        description=(
            "Sits in the system tray, notices how long you have been sitting from when you "
            "last typed or moved the mouse (never what), and prompts you to move."
        ),
    )
    parser.add_argument("--version", action="version", version=f"movebreak {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="keep config, data and logs under DIR instead of the standard per-user folders",
    )
    parser.add_argument("--debug", action="store_true", help="write more detail to the log")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``movebreak`` console script and of ``python -m movebreak``."""
    args = build_parser().parse_args(argv)
    from movebreak.app import Options, run  # Qt loads here, not for --help

    return run(Options(data_dir=args.data_dir, debug=args.debug))
