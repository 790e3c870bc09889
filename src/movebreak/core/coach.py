"""The Coach: the one stateful object of the core.

It holds the sitting Desk and the prompt state, reads the injected clock once per call,
and carries out what the pure functions in ``sitting``, ``reminder``, ``selection`` and
``desk_journal`` decide: it shows and hides prompts, records outcomes and stretches, and
asks the scheduler for its next wake-up. Its public methods are intents and observations;
it must never grow a registry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from movebreak.core import desk_journal, progression, selection, sitting, stats, sync
from movebreak.core.exercises import Exercise
from movebreak.core.ports import Cancel, Clock, Journal, PromptDisplay, Scheduler
from movebreak.core.progression import STOP_GUIDANCE, Level, Rating
from movebreak.core.reminder import (
    Hold,
    Outcome,
    Paused,
    Prompting,
    PromptRecord,
    ReminderRules,
    ReminderState,
    Snoozed,
    Watching,
    moved_for,
    next_wakeup,
    reminder_due,
    waiting,
)
from movebreak.core.selection import Preferences
from movebreak.core.sitting import Break, DeskView, Posture, Presence, SittingRules
from movebreak.core.stats import PauseUnderWay
from movebreak.core.status import Status, shown_prompt, status_of
from movebreak.core.sync import DevicePresence

log = logging.getLogger(__name__)

# Input reported less than this after the last one carries no news at minute-scale
# resolution, and skipping it keeps clock jitter from creeping the last input forward.
_NEWS = timedelta(seconds=1)


class Coach:
    """Keeps sitting and prompts current. GUI thread only."""

    def __init__(
        self,
        *,
        clock: Clock,
        scheduler: Scheduler,
        journal: Journal,
        display: PromptDisplay,
        sitting_rules: SittingRules,
        rules: ReminderRules,
        exercises: Sequence[Exercise],
        preferences: Preferences = Preferences(),  # noqa: B008 (immutable)
        idle: Callable[[], timedelta | None] = lambda: None,
        busy: Callable[[], Hold | None] = lambda: None,
    ):
        """Start as if the user arrived now: launching the app is itself input.

        If the journal's last stretch ended less than ``natural_break`` ago (a crash or a
        quick restart), that stretch goes on instead of a new one (``sitting.resume``).
        """
        self._clock = clock
        self._scheduler = scheduler
        self._journal = journal
        self._display = display
        self._sitting_rules = sitting_rules
        self._rules = rules
        self._exercises = tuple(exercises)
        self._chosen_preferences = preferences
        self._rating_for: Prompting | None = None
        self._idle = idle
        self._busy = busy
        last, history = journal.last_stretch(), journal.history()
        self._desk, self._kept = desk_journal.restore(last, history, clock.now(), sitting_rules)
        if last is not None and self._desk.stretch_start == last.start:
            log.info(
                "stretch.resumed started=%s downtime=%ds",
                last.start.isoformat(timespec="seconds"),
                (clock.now() - last.end).total_seconds(),
            )
        self._level = self._compute_level()
        # The last Done: shared with the other computers, so the stretch ends everywhere.
        self.moved_at: datetime | None = max(
            (r.resolved_at for r in history if r.outcome is Outcome.DONE), default=None
        )
        # What today's break count needs beyond the Desk: the natural breaks kept before
        # this start (the Desk begins empty) and the recent completed exercises.
        today = sitting_rules.day_start(sitting_rules.day_of(clock.now()))
        self._earlier_breaks = tuple(journal.breaks_since(today))
        self._recent_done = tuple(
            r for r in history if r.outcome is Outcome.DONE and r.shown_at >= today
        )
        self._state: ReminderState = Watching()
        self._pause_kept = clock.now()  # how far the journal has the pause under way
        self._resume_pause(journal.pause_under_way())
        self._recent: tuple[str, ...] = ()
        self._cancel: Cancel | None = None
        self._wakeup_at: datetime | None = None
        self.tick()

    # --- observations from adapters ------------------------------------------------

    def observe_input(self, idle: timedelta | None) -> None:
        """Report the activity source's idle time; ``None`` means it cannot see input.

        With no source the user is taken to be present all along (wall-clock mode), so
        reminders keep working even where input cannot be seen.
        """
        now = self._clock.now()
        if idle is None:
            self._set_desk(sitting.stayed(self._desk, now, self._sitting_rules))
        elif now - idle - self._desk.last_activity >= _NEWS:
            self._set_desk(sitting.activity(self._desk, now - idle, self._sitting_rules))
        self.tick()

    def observe_away(self, since: datetime, until: datetime) -> None:
        """Report that the machine knew the user was away (suspend; later, screen lock)."""
        self._set_desk(sitting.away(self._desk, since, until, self._sitting_rules))
        self.tick()

    def observe_lock(self, locked: bool) -> None:
        """The screen locked (the user is away from now) or unlocked."""
        now = self._clock.now()
        if locked:
            self._set_desk(sitting.away_started(self._desk, now))
        else:
            self._set_desk(sitting.away_ended(self._desk, now, self._sitting_rules))
        self.tick()

    def tick(self) -> None:
        """Re-evaluate at the current time: show, hold, remind or close prompts as due."""
        now = self._clock.now()
        if self._level_day != now.astimezone(self._sitting_rules.tz).date():
            self._level = self._compute_level()
        desk = self.view()
        state = self._state
        if isinstance(state, Prompting | Snoozed) and desk.presence is Presence.AWAY:
            if isinstance(state, Prompting):  # they left the desk: the prompt is moot
                self._resolve(state, Outcome.AWAY, now)
            state = Watching()
        if isinstance(state, Paused) and state.until is not None and now >= state.until:
            log.info("prompts.resumed reason=pause-ended")
            self._journal.record_pause(state.since, state.until)
            state = Watching(counted_from=now)
        elif isinstance(state, Paused) and desk_journal.pause_due(state, self._pause_kept, now):
            self._keep_pause(state, now)
        if isinstance(state, Watching | Snoozed):
            state = self._maybe_prompt(state, desk, now)
        if isinstance(state, Prompting) and reminder_due(state, now, self._rules):
            self._display.notify("Time to move", "Your movement prompt is still waiting.")
            state = replace(state, reminded_at=now)
        self._state = state
        self._reschedule(now)

    def follow(self, others: Sequence[DevicePresence], slack: timedelta) -> DevicePresence | None:
        """Continue the stretch the person began at another computer, if they did.

        Or end this one, if the person finished an exercise at another computer since it
        began (they moved, wherever they pressed Done).

        ``others``: the other devices' presence (``core.sync.carried_start`` says when a
        stretch carries over, and why clock skew cannot make time negative). The stretch
        under way, as far as the journal has it, moves its start back; nothing else
        changes. Returns the device it came from, or ``None``.
        """
        desk, now = self._desk, self._clock.now()
        elsewhere = sync.moved_elsewhere(desk.stretch_start, now, others)
        if elsewhere is not None and elsewhere.moved_at is not None:
            self.moved_at = elsewhere.moved_at
            log.info("stretch.restarted moved_on_device=%s", elsewhere.device)
            self._set_desk(sitting.restart(desk, elsewhere.moved_at, self._sitting_rules))
            self.tick()
            return elsewhere
        if desk.away_since is not None or now - desk.last_activity >= self.natural_break:
            return None  # nobody here now: nothing to continue
        found = sync.carried_start(
            desk.stretch_start,
            desk.posture.value,
            now,
            others,
            natural_break=self._sitting_rules.natural_break,
            slack=slack,
            moved_at=self.moved_at,
        )
        if found is None:
            return None
        start, other = found
        if self._kept[0] == desk.stretch_start and self._kept[1] > self._kept[0]:
            self._journal.move_stretch(desk.stretch_start, start)
            self._kept = (start, self._kept[1])
        else:
            self._kept = (start, start)
        log.info(
            "stretch.carried from_device=%s started=%s was=%s",
            other.device,
            start.isoformat(timespec="seconds"),
            desk.stretch_start.isoformat(timespec="seconds"),
        )
        self._desk = replace(desk, stretch_start=start)  # not a new stretch: the same, longer
        kept = desk_journal.open_stretch(self._desk, self._kept)
        if kept is not None:
            self._journal.record_stretch(kept.start, kept.end, kept.posture)
            self._kept = (kept.start, kept.end)
        self.tick()
        return other

    # --- intents from the user -------------------------------------------------------

    def done(self) -> bool:
        """The user did the exercise: record it and end the seated stretch."""
        state, now = self._state, self._clock.now()
        if not isinstance(state, Prompting):
            return False
        exercise = self._exercise(state.exercise_id)
        moved = moved_for(state, now, exercise.duration if exercise else timedelta(minutes=2))
        self._resolve(state, Outcome.DONE, now, moved, hide=False)
        self.moved_at = now
        self._set_desk(sitting.restart(self._desk, now, self._sitting_rules))
        self._state = Watching()
        self._rating_for = state
        self._display.ask_rating(exercise.title if exercise else "the exercise")
        self._reschedule(now)
        return True

    def rate(self, rating: Rating) -> bool:
        """The one-tap effort check after Done; "hurt" steps back and shows guidance."""
        prompt = self._rating_for
        if prompt is None:
            return False
        self._rating_for = None
        self._journal.rate_prompt(prompt.shown_at, rating.value)
        self._level = self._compute_level()
        log.info("prompt.rated %s level=%d", rating.value, self._level.value)
        if rating is Rating.HURT:
            self._display.show_guidance(STOP_GUIDANCE)
        else:
            self._display.hide_prompt()
        return True

    def snooze(self) -> bool:
        """Hide the prompt for the snooze time, if snoozes are left."""
        state, now = self._state, self._clock.now()
        if not isinstance(state, Prompting) or state.snoozes >= self._rules.max_snoozes:
            return False
        self._resolve(state, Outcome.SNOOZED, now)
        self._state = Snoozed(now + self._rules.snooze, state.snoozes + 1, state.exercise_id)
        self._reschedule(now)
        return True

    def skip(self) -> bool:
        """Dismiss the prompt; sitting goes on and the next comes one limit later."""
        state, now = self._state, self._clock.now()
        if not isinstance(state, Prompting):
            return False
        self._resolve(state, Outcome.SKIPPED, now)
        self._state = Watching(counted_from=now)
        self._reschedule(now)
        return True

    def another(self) -> bool:
        """Offer a different fitting exercise in the open prompt."""
        state = self._state
        if not isinstance(state, Prompting):
            return False
        exercise = self._pick(self._clock.now(), avoid=state.exercise_id)
        if exercise is None or exercise.id == state.exercise_id:
            return False
        self._state = replace(state, exercise_id=exercise.id, started_at=None)
        self._show(self._state)
        return True

    def start(self) -> bool:
        """The user started the exercise: the countdown and the moved time run from now."""
        state = self._state
        if not isinstance(state, Prompting) or state.started_at is not None:
            return False
        self._state = replace(state, started_at=self._clock.now())
        self._show(self._state)
        return True

    def break_now(self, exercise_id: str | None = None) -> bool:
        """Show a prompt now, whatever the timers say (also ends a pause).

        ``exercise_id`` picks the exercise ("Try it now" in the library).
        """
        now = self._clock.now()
        if isinstance(self._state, Prompting):
            return False
        if exercise_id is not None and self._exercise(exercise_id) is None:
            return False
        if isinstance(self._state, Paused):  # the pause ends here: keep it, as resume() does
            self._journal.record_pause(self._state.since, now)
        self._state = self._open_prompt(now, snoozes=0, exercise_id=exercise_id)
        self._reschedule(now)
        return True

    def pause(self, until: datetime | None) -> None:
        """No prompts until ``until`` (or until :meth:`resume`); an open prompt is skipped."""
        now = self._clock.now()
        if isinstance(self._state, Prompting):
            self._resolve(self._state, Outcome.SKIPPED, now)
        # At once, so a restart finds it; a pause under way ends here in the same write.
        self._state = Paused(now, until)
        self._keep_pause(self._state, now)
        log.info("prompts.paused until=%s", until.isoformat() if until else "resume")
        self._reschedule(now)

    def resume(self) -> bool:
        """End a pause; the limit counts afresh from now."""
        now = self._clock.now()
        if not isinstance(self._state, Paused):
            return False
        self._journal.record_pause(self._state.since, now)
        self._state = Watching(counted_from=now)
        log.info("prompts.resumed reason=user")
        self.tick()
        return True

    def set_posture(self, posture: Posture) -> None:
        """The user says they now sit or stand."""
        self._set_desk(
            sitting.change_posture(self._desk, posture, self._clock.now(), self._sitting_rules)
        )
        self.tick()

    def set_preferences(self, preferences: Preferences) -> None:
        """New favourites, hidden exercises or limits take effect from the next prompt."""
        self._chosen_preferences = preferences

    def set_rules(self, sitting_rules: SittingRules, rules: ReminderRules) -> None:
        """New settings take effect at once."""
        self._sitting_rules, self._rules = sitting_rules, rules
        self.tick()

    # --- reads -----------------------------------------------------------------------

    @property
    def natural_break(self) -> timedelta:
        """Idle this long is a break (the rule a stretch carried from elsewhere meets too)."""
        return self._sitting_rules.natural_break

    @property
    def sitting_rules(self) -> SittingRules:
        """The thresholds and calendar in force (day boundaries for the review)."""
        return self._sitting_rules

    def close(self) -> None:
        """The app is stopping: keep the open stretch and pause, which nothing else would.

        The stretch ends at the last input (what follows may be the user walking away); a
        pause is kept up to now, or up to when it was due to end, and stays under way
        if it was not over, so the next start carries it on. Safe to call twice.
        """
        now = self._clock.now()
        desk = self._desk
        if desk.last_activity > desk.stretch_start:
            self._journal.record_stretch(desk.stretch_start, desk.last_activity, desk.posture.value)
            self._desk = replace(desk, stretch_start=desk.last_activity)
        state = self._state
        if isinstance(state, Paused):
            over = state.until is not None and state.until <= now
            ended = state.until if over and state.until is not None else now
            self._journal.record_pause(state.since, ended, until=state.until, under_way=not over)
            self._pause_kept = ended
        if self._cancel is not None:
            self._cancel()
            self._cancel = None
            self._wakeup_at = None

    def view(self) -> DeskView:
        """The sitting figures right now."""
        return sitting.view(self._desk, self._clock.now(), self._sitting_rules)

    def status(self) -> Status:
        """Everything the tray and ``status --json`` show."""
        now, state = self._clock.now(), self._state
        exercise = self._exercise(state.exercise_id) if isinstance(state, Prompting) else None
        desk = self.view()
        return status_of(
            state, desk, self._rules, now, exercise, self._level, self._breaks_today(desk)
        )

    def _breaks_today(self, desk: DeskView) -> tuple[Break, ...]:
        """The day's breaks by the one definition (``stats.breaks_taken``)."""
        start = self._sitting_rules.day_start(desk.day)
        end = self._sitting_rules.day_start(desk.day + timedelta(days=1))
        self._recent_done = tuple(r for r in self._recent_done if r.shown_at >= start)
        natural = dict.fromkeys((*self._earlier_breaks, *desk.breaks_today))  # once each
        return tuple(stats.breaks_taken(natural, self._recent_done, start, end))

    # --- inside ----------------------------------------------------------------------

    def _resume_pause(self, left: PauseUnderWay | None) -> None:
        """Carry on the pause the app left under way when it stopped, or close it."""
        if left is None:
            return
        now = self._clock.now()
        resumed = desk_journal.resume_pause(left, now)
        if resumed is None:  # it ended while the app was not running
            ended = min(left.kept_until, left.until) if left.until else left.kept_until
            self._journal.record_pause(left.start, max(ended, left.start))
            return
        self._journal.carry_pause(left, now)
        self._state, self._pause_kept = resumed, now
        until = left.until.isoformat() if left.until else "resume"
        log.info("prompts.paused until=%s (carried on after a restart)", until)

    def _keep_pause(self, state: Paused, now: datetime) -> None:
        self._journal.record_pause(state.since, now, until=state.until, under_way=True)
        self._pause_kept = now

    def _maybe_prompt(
        self, state: Watching | Snoozed, desk: DeskView, now: datetime
    ) -> ReminderState:
        held = waiting(state, desk, now, self._rules, self._idle, self._busy)
        if held is not None:
            if held.held_by is not None and held.held_by is not state.held_by:
                log.info("prompt.held by=%s", held.held_by.value)
            return held
        if isinstance(state, Snoozed):
            return self._open_prompt(now, state.snoozes, state.exercise_id)
        return self._open_prompt(now, 0, None)

    def _open_prompt(self, now: datetime, snoozes: int, exercise_id: str | None) -> ReminderState:
        exercise = self._exercise(exercise_id) if exercise_id else self._pick(now)
        if exercise is None:
            log.warning("prompt.none no exercise fits; check the exercise library")
            return Watching(counted_from=now)
        prompt = Prompting(shown_at=now, exercise_id=exercise.id, snoozes=snoozes)
        self._rating_for = None  # a new prompt replaces an unanswered rating
        self._recent = selection.remember(self._recent, exercise.id)
        log.info("prompt.shown exercise=%s snoozes=%d", exercise.id, snoozes)
        self._show(prompt)
        return prompt

    def _show(self, prompt: Prompting) -> None:
        exercise = self._exercise(prompt.exercise_id)
        if exercise is not None:
            shown = shown_prompt(prompt, exercise, self._desk.posture, self._rules)
            self._display.show_prompt(shown)

    def _resolve(
        self,
        prompt: Prompting,
        outcome: Outcome,
        now: datetime,
        moved: timedelta | None = None,
        *,
        hide: bool = True,
    ) -> None:
        record = PromptRecord(
            prompt.shown_at, now, prompt.exercise_id, outcome, moved or timedelta(0)
        )
        self._journal.record_prompt(record)
        if outcome is Outcome.DONE:
            self._recent_done = (*self._recent_done, record)
        if hide:
            self._display.hide_prompt()
        log.info(
            "prompt.%s exercise=%s moved=%ds",
            outcome.value,
            prompt.exercise_id,
            record.moved.total_seconds(),
        )

    def _pick(self, now: datetime, avoid: str | None = None) -> Exercise | None:
        return selection.offer(
            self._exercises,
            self._desk.posture,
            now,
            self._recent,
            self._chosen_preferences,
            self._level.value,
            avoid,
        )

    def _compute_level(self) -> Level:
        today = self._clock.now().astimezone(self._sitting_rules.tz).date()
        self._level_day = today
        return progression.level(self._journal.history(), today, self._sitting_rules.tz)

    def _exercise(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self._exercises if e.id == exercise_id), None)

    def _set_desk(self, desk: sitting.Desk) -> None:
        """Take the new Desk, recording what it finished and keeping the stretch under way."""
        stretch, taken = desk_journal.finished(self._desk, desk)
        if stretch is not None:
            self._journal.record_stretch(stretch.start, stretch.end, stretch.posture)
        if taken is not None:
            self._journal.record_break(taken)
        self._desk = desk
        kept = desk_journal.open_stretch(desk, self._kept)
        if kept is not None:
            self._journal.record_stretch(kept.start, kept.end, kept.posture)
            self._kept = (kept.start, kept.end)

    def _reschedule(self, now: datetime) -> None:
        """Keep exactly one pending wake-up, at the next moment anything can change."""
        wake = next_wakeup(self._state, self.view(), now, self._rules)
        if wake == self._wakeup_at:
            return
        if self._cancel is not None:
            self._cancel()
            self._cancel = None
        self._wakeup_at = wake
        if wake is not None:
            self._cancel = self._scheduler.call_at(wake, self._on_wakeup)

    def _on_wakeup(self) -> None:
        self._cancel = None
        self._wakeup_at = None
        self.tick()
