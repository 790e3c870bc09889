"""The export's counts_as_break follows the one definition, day by day and across computers."""

from datetime import UTC, datetime, timedelta

from movebreak.cli.journal_commands import _counted_exercises, _kept_breaks
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break, SittingRules
from movebreak.core.stats import breaks_taken

RULES = SittingRules(natural_break=timedelta(minutes=5), tz=UTC)  # days start at 04:00


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 3, 2, hour, minute, tzinfo=UTC)


def test_an_exercise_across_the_day_boundary_counts_as_stats_counts_it() -> None:
    done = PromptRecord(at(3, 58), at(4, 6), "walk-lap", Outcome.DONE, timedelta(minutes=5))
    away = Break(at(4, 1), at(4, 30))
    counted = _counted_exercises([done], [away], RULES)
    day_before = breaks_taken([away], [done], at(4, 0) - timedelta(days=1), at(4, 0))
    assert len(day_before) == 1  # stats: the exercise on its own day
    assert id(done) in counted


def test_a_break_another_computer_sat_through_is_no_break() -> None:
    covered, free = Break(at(10, 0), at(10, 30)), Break(at(14, 0), at(14, 30))
    merged = [Break(at(14, 5), at(14, 30))]  # what the merge kept: part of the free one
    assert _kept_breaks([covered, free], merged) == {id(free)}
    assert _kept_breaks([covered, free], None) == {id(covered), id(free)}  # one computer
