"""The ``movebreak`` command: starts the app, or talks to the running one.

Qt and pynput are imported only when the app actually starts, so ``--help``, ``--version``
and the control subcommands work without a display and answer fast. Everything but the
argument parser is imported after :func:`main` has caught SIGTERM and SIGINT, so that a
start signalled in its first milliseconds still ends cleanly (``adapters.stop_signals``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from movebreak import __version__
from movebreak.adapters.stop_signals import StopSignals

if TYPE_CHECKING:
    from movebreak.adapters.paths import AppPaths


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = argparse.ArgumentParser(
        prog="movebreak",
        description=(
            "Sits in the system tray, notices how long you have been sitting from when you "
            "last typed or moved the mouse (never what), and prompts you to move. With no "
            "command it starts the app; the commands talk to the running app."
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    status = commands.add_parser("status", help="how long you have sat, and what comes next")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    commands.add_parser("break-now", help="show a movement prompt now")
    commands.add_parser("done", help="mark the open prompt done")
    commands.add_parser("snooze", help="snooze the open prompt")
    commands.add_parser("skip", help="skip the open prompt")
    pause = commands.add_parser("pause", help="no prompts for a while")
    pause.add_argument("duration", nargs="?", help='how long, like "30m" or "1h30m"')
    pause.add_argument("--until-tomorrow", action="store_true", help="until the next day")
    commands.add_parser("resume", help="end a pause")
    commands.add_parser(
        "show", help="open the window with the tray menu's commands (starts movebreak if needed)"
    )
    opener = commands.add_parser(
        "open", help="open a window of the running app (starts movebreak if needed)"
    )
    opener.add_argument("window", choices=["review", "settings", "library"])
    commands.add_parser("quit", help="stop the running app")
    posture = commands.add_parser("posture", help="tell movebreak you sit or stand")
    posture.add_argument("posture", choices=["sitting", "standing"])
    exercises = commands.add_parser(
        "exercises", help="list the exercise library (works without the app)"
    )
    exercises.add_argument("--position", choices=["seated", "standing", "either", "walking"])
    exercises.add_argument("--focus", metavar="AREA", help="e.g. lower_back, neck, hips")
    exercises.add_argument("--json", action="store_true", help="print a JSON list")
    stats = commands.add_parser("stats", help="movement minutes and sitting, from the journal")
    which = stats.add_mutually_exclusive_group()
    which.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="one day (default today)")
    which.add_argument("--week", action="store_true", help="the last 7 days")
    which.add_argument("--month", action="store_true", help="the last 30 days")
    stats.add_argument("--json", action="store_true", help="print JSON")
    log = commands.add_parser("log", help="record movement you did, e.g. log 15m walk")
    log.add_argument("duration", help='how long, like "15m"')
    log.add_argument("activity", nargs="*", help="what it was (optional)")
    checkin = commands.add_parser(
        "checkin",
        help="how your back feels today, 0 (no pain) to 10 (worst); works without the app",
    )
    checkin.add_argument("score", type=_score, metavar="0-10")
    export = commands.add_parser("export", help="every recorded event as CSV or JSON")
    export.add_argument("--format", choices=["csv", "json"], default="csv")
    export.add_argument("--since", type=_date, metavar="YYYY-MM-DD")
    checks = exercises.add_subparsers(dest="exercises_command", metavar="check")
    check = checks.add_parser("check", help="validate an exercises.toml of your own")
    check.add_argument("file", type=Path)
    return parser


def _score(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 10:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 0 to 10")
    return int(text)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-02") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``movebreak`` console script and of ``python -m movebreak``."""
    stop = StopSignals()  # first: see the module docstring
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit:  # --help, --version, a usage error: nothing to start
        stop.restore()
        raise
    if args.command is not None:
        stop.restore()  # a command the user can Ctrl+C as any other
    from movebreak.adapters.paths import AppPaths
    from movebreak.cli.control_client import NotRunningError, request
    from movebreak.core.durations import DurationError, parse_duration

    if args.data_dir:  # absolute: the control socket and autostart need it from anywhere
        args.data_dir = args.data_dir.resolve()
    paths = AppPaths.under(args.data_dir) if args.data_dir else AppPaths.for_user()
    if args.command is None:
        return _start(args, paths, stop)
    if args.command in ("stats", "log", "export", "checkin"):
        from movebreak.cli import journal_commands as journal_cli

        if args.command == "checkin":
            return journal_cli.checkin(paths, args.score)
        if args.command == "stats":
            span = 7 if args.week else 30 if args.month else 1
            return journal_cli.stats(paths, day=args.date, span_days=span, as_json=args.json)
        if args.command == "export":
            return journal_cli.export(paths, fmt=args.format, since=args.since)
        try:
            length = parse_duration(args.duration)
        except DurationError as error:
            parser.error(f"log: {error}")
        return journal_cli.log_activity(paths, length, " ".join(args.activity))
    if args.command == "exercises":
        from movebreak.cli.library_commands import check, list_exercises

        if args.exercises_command == "check":
            return check(args.file)
        return list_exercises(paths, position=args.position, focus=args.focus, as_json=args.json)
    command, payload = _request_for(args, parser)
    try:
        answer = request(paths.control_socket, command, payload)
    except NotRunningError:
        if command == "open":  # the launcher's actions work whether it runs or not
            return _start(args, paths, StopSignals(), open_window=payload["window"])
        print("movebreak is not running.", file=sys.stderr)
        return 1
    if not answer.get("ok"):
        print(f"movebreak: {answer.get('error', 'refused')}", file=sys.stderr)
        return 1
    status = answer.get("status", {})
    if command == "quit":
        print("movebreak quits.")
    elif command in ("open", "quit"):
        pass
    elif command == "status" and args.json:
        print(json.dumps(status))
    else:
        from movebreak.ui.presenters import status_text

        print(status_text(status))
    return 0


def _request_for(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[str, Any]:
    from movebreak.core.durations import DurationError, parse_duration

    if args.command == "pause":
        if args.until_tomorrow == (args.duration is not None):
            parser.error("pause takes a DURATION or --until-tomorrow")
        if args.until_tomorrow:
            return "pause", {"seconds": -1}
        try:
            seconds = int(parse_duration(args.duration).total_seconds())
        except DurationError as error:
            parser.error(f"pause: {error}")
        return "pause", {"seconds": seconds}
    if args.command == "show":
        return "open", {"window": "controls"}
    if args.command == "open":
        return "open", {"window": args.window}
    if args.command == "posture":
        return "posture", {"posture": "seated" if args.posture == "sitting" else "standing"}
    return args.command, {}


def _start(
    args: argparse.Namespace,
    paths: AppPaths,
    stop: StopSignals,
    open_window: str | None = None,
) -> int:
    """Start the app, unless one runs already on this profile.

    Before anything heavy, and with SIGTERM and SIGINT caught already (from then on either
    ends the start with status 0, whenever it comes): the instance lock, so of any number
    of starts in the same instant exactly one goes on. ``open_window``: a window to open
    once started (``movebreak open``/``show`` with no app running).
    """
    from movebreak.adapters.instance_lock import take_instance_lock

    try:
        lock = take_instance_lock(paths.runtime_dir)
        running = lock is None
    except OSError as error:  # start unguarded, asking the socket as before the lock
        print(f"movebreak: no instance lock in {paths.runtime_dir}: {error}", file=sys.stderr)
        lock, running = None, _answers(paths)
    if running and open_window is not None:
        return _open_in_the_starting_app(paths, open_window)
    if running:
        print(
            "movebreak is already running; look for its icon in the system tray, "
            "or open its window with `movebreak show`."
        )
        return 0
    if stop.requested():
        return 0
    from movebreak.app.launch import Options, run  # Qt loads here, not for --help

    try:
        options = Options(data_dir=args.data_dir, debug=args.debug, open_window=open_window)
        return run(options, paths, stop)
    finally:
        if lock is not None:
            lock.release()


def _open_in_the_starting_app(paths: AppPaths, window: str) -> int:
    """Another start holds the lock but does not answer yet: ask it once it listens.

    A launcher action clicked while the app is still starting (or racing the login
    autostart) must still open its window, not be dropped as "already running".
    """
    import time

    from movebreak.cli.control_client import NotRunningError, request

    deadline = time.monotonic() + 10
    while True:
        try:
            answer = request(paths.control_socket, "open", {"window": window})
        except NotRunningError:
            if time.monotonic() > deadline:
                print("movebreak is starting but does not answer yet.", file=sys.stderr)
                return 1
            time.sleep(0.2)
            continue
        if not answer.get("ok"):
            print(f"movebreak: {answer.get('error', 'refused')}", file=sys.stderr)
            return 1
        return 0


def _answers(paths: AppPaths) -> bool:
    """Whether an instance answers on the control socket (when no lock can be taken)."""
    from movebreak.cli.control_client import NotRunningError, request

    try:
        request(paths.control_socket, "status")
    except NotRunningError:
        return False
    return True
