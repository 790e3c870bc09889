"""The file rules of several computers, without a sync engine.

What a file-sync program can do to the shared files (copy them twice, make conflict
copies, cut a transfer short, run clocks minutes apart) must never count a minute twice,
lose one, or crash.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from movebreak.core import sync
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break, SittingRules, Stretch
from movebreak.core.stats import Activity, CheckIn, Pause, summarise
from movebreak.core.sync import DevicePresence, Entry

RULES = SittingRules(natural_break=timedelta(minutes=5), tz=UTC)
DAY = date(2026, 12, 3)
T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
MIN_BREAK = timedelta(minutes=5)  # natural_break


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def done(uid: str, device: str, minute: float, moved: float = 2) -> Entry:
    record = PromptRecord(
        at(minute), at(minute + moved), "walk-lap", Outcome.DONE, timedelta(minutes=moved)
    )
    return sync.entry(uid, device, record)


def stretch(uid: str, device: str, start: float, end: float, posture: str = "seated") -> Entry:
    return sync.entry(uid, device, Stretch(at(start), at(end), posture))


def day_of(items: list[Entry]) -> dict[str, object]:
    merged = sync.merge(items, min_break=MIN_BREAK)
    summary = summarise(
        DAY,
        RULES,
        prompts=merged.prompts,
        breaks=merged.breaks,
        stretches=merged.stretches,
        activities=merged.activities,
        movement_ids=None,
        goal=timedelta(minutes=10),
        pauses=merged.pauses,
        checkins=merged.checkins,
    )
    return {
        "movement": summary.movement,
        "seated": summary.seated,
        "standing": summary.standing,
        "breaks": summary.breaks,
        "away": summary.away,
        "paused": summary.paused,
        "prompts": summary.prompts,
        "back": summary.back,
    }


def test_every_kind_of_event_survives_the_round_trip_through_a_file() -> None:
    records: list[sync.Record] = [
        PromptRecord(at(0), at(2), "walk-lap", Outcome.DONE, timedelta(minutes=2), "ok"),
        PromptRecord(at(30), at(31), "neck", Outcome.SKIPPED, timedelta(0), None),
        Break(at(40), at(50)),
        Stretch(at(50), at(80), "standing"),
        Activity(at(90), timedelta(minutes=15), "walk to the shop · ünïcode"),
        Pause(at(100), at(160)),
        CheckIn(DAY, 3, at(170)),
    ]
    items = [sync.entry(f"u{n}", "dev-a", r) for n, r in enumerate(records)]
    parsed = sync.parse(sync.render(items), "dev-a")
    assert parsed.problems == ()
    assert sorted(parsed.entries, key=lambda e: e.key) == sorted(items, key=lambda e: e.key)


def test_a_file_cut_short_keeps_its_complete_lines_and_says_so() -> None:
    items = [done(f"p{n}", "a", n * 30) for n in range(4)]
    text = sync.render(items)
    cut = text[: text.index('"id":"p2"') + 12]  # in the middle of the third event
    parsed = sync.parse(cut, "a")
    assert [e.key for e in parsed.entries] == ["prompt:p0", "prompt:p1"]
    assert any("cut short" in p for p in parsed.problems)
    at_line_end = "\n".join(text.split("\n")[:3]) + "\n"  # header and two events, no end
    parsed = sync.parse(at_line_end, "a")
    assert len(parsed.entries) == 2
    assert any("incomplete" in p for p in parsed.problems)


def test_damaged_lines_are_skipped_and_named_the_others_count() -> None:
    items = [done("p0", "a", 0), done("p1", "a", 30)]
    lines = sync.render(items).split("\n")
    lines.insert(2, '{"id":"x","kind":"prompt","start":"soon"}')
    lines.insert(3, "\x00\x00garbage")
    lines.insert(4, '{"id":"y","kind":"teleport","start":1}')
    parsed = sync.parse("\n".join(lines), "a")
    assert {e.key for e in parsed.entries} == {"prompt:p0", "prompt:p1"}
    assert len(parsed.problems) == 3
    assert all(p.startswith("line ") for p in parsed.problems)


def test_a_file_from_a_newer_movebreak_is_left_out_whole() -> None:
    text = '{"format": 99, "kind": "header"}\n' + sync.encode(done("p0", "a", 0)) + "\n"
    parsed = sync.parse(text, "a")
    assert parsed.entries == ()
    assert "newer" in parsed.problems[0]


def test_conflict_and_duplicate_copies_are_recognised_by_name() -> None:
    names = {
        "events-2026-12.jsonl": sync.FileName("2026-12", False),
        "events-2026-12.sync-conflict-20261204-101500-ABCDEFG.jsonl": sync.FileName(
            "2026-12", True
        ),
        "events-2026-12 (Ana's conflicted copy 2026-12-04).jsonl": sync.FileName("2026-12", True),
        "events-2026-12 (conflicted copy 2026-12-04 101500).jsonl": sync.FileName("2026-12", True),
        "events-2026-12 (1).jsonl": sync.FileName("2026-12", True),
        ".syncthing.events-2026-12.jsonl.tmp": None,
        ".events-2026-12.jsonl.123.tmp": None,
        "~events-2026-12.jsonl": None,
        "presence.json": None,
        "notes.txt": None,
    }
    for name, expected in names.items():
        assert sync.read_name(name) == expected, name


def test_the_same_file_twice_and_its_conflict_copy_count_each_minute_once() -> None:
    original = [done("p0", "a", 0, moved=3), stretch("s0", "a", 0, 60)]
    older_copy = [done("p0", "a", 0, moved=3), stretch("s0", "a", 0, 20)]  # before it grew
    once = day_of(original)
    assert once["movement"] == timedelta(minutes=3)
    assert once["seated"] == timedelta(minutes=60)
    assert day_of(original + original + older_copy) == once
    assert day_of(older_copy + original) == once


def test_a_rating_given_later_wins_over_the_copy_without_it() -> None:
    plain = done("p0", "a", 0)
    record = plain.record
    assert isinstance(record, PromptRecord)
    rated = sync.entry("p0", "a", replace(record, rating="easy"))
    (kept,) = sync.distinct([rated, plain, plain])
    assert isinstance(kept.record, PromptRecord)
    assert kept.record.rating == "easy"


def test_two_computers_each_count_their_own_movement_once() -> None:
    items = [done("a1", "laptop", 0), done("b1", "desktop", 60, moved=5)]
    merged = sync.merge(items, min_break=MIN_BREAK)
    assert day_of(items)["movement"] == timedelta(minutes=7)
    shares = sync.breakdown(
        merged, [DAY], RULES, movement_ids=None, names={"laptop": "Laptop"}, this_device="desktop"
    )
    assert [(s.name, s.movement, s.this_device) for s in shares] == [
        ("desktop", timedelta(minutes=5), True),
        ("Laptop", timedelta(minutes=2), False),
    ]


def test_sitting_at_two_computers_at_once_is_counted_once() -> None:
    items = [stretch("a", "laptop", 0, 40), stretch("b", "desktop", 30, 70)]
    figures = day_of(items)
    assert figures["seated"] == timedelta(minutes=70)


def test_clock_skew_of_minutes_never_doubles_or_makes_negative_time() -> None:
    # The person sits at the laptop 0-30, then at the desktop 30-60; the desktop's clock
    # runs 4 minutes fast, so its stretch seems to begin at 34 ... or 26 if it runs slow.
    for skew in (-4, 4):
        items = [stretch("a", "laptop", 0, 30), stretch("b", "desktop", 30 + skew, 60 + skew)]
        seated = day_of(items)["seated"]
        assert isinstance(seated, timedelta)
        assert timedelta(minutes=56) <= seated <= timedelta(minutes=64)
    backwards = [stretch("a", "laptop", 10, 5), done("p", "laptop", 0)]  # clock set back
    figures = day_of(backwards)
    assert figures["seated"] == timedelta(0)
    assert figures["movement"] == timedelta(minutes=2)


def test_a_break_on_one_computer_while_the_person_sat_at_another_is_no_break() -> None:
    items = [
        stretch("a1", "laptop", 0, 20),
        sync.entry("b1", "laptop", Break(at(20), at(60))),  # the laptop saw nobody
        stretch("d1", "desktop", 21, 58),  # ...because the person was at the desktop
        stretch("a2", "laptop", 60, 70),
        sync.entry("b2", "desktop", Break(at(58), at(100))),
    ]
    figures = day_of(items)
    assert figures["breaks"] == 1  # only the real one, after the laptop at 70
    assert figures["away"] == timedelta(minutes=30)
    assert figures["seated"] == timedelta(minutes=67)  # 20 + 37 + 10


def test_the_check_in_answered_last_that_day_is_the_day_s() -> None:
    items = [
        sync.entry("2026-12-03", "laptop", CheckIn(DAY, 6, at(0))),
        sync.entry("2026-12-03", "desktop", CheckIn(DAY, 2, at(90))),
    ]
    assert day_of(items)["back"] == 2
    assert day_of(list(reversed(items)))["back"] == 2


# --- the stretch follows the person ---------------------------------------------------


def presence(
    device: str, stretch_start: float, last_input: float, posture: str = "seated"
) -> DevicePresence:
    return DevicePresence(
        device, device, at(last_input), at(last_input), at(stretch_start), posture
    )


def carried(local_start: float, now: float, *others: DevicePresence) -> datetime | None:
    found = sync.carried_start(
        at(local_start),
        "seated",
        at(now),
        others,
        natural_break=timedelta(minutes=5),
        slack=timedelta(minutes=1),
    )
    return found[0] if found else None


def test_a_stretch_begun_elsewhere_minutes_ago_continues_here() -> None:
    assert carried(42, 43, presence("laptop", 0, 40)) == at(0)


def test_after_a_real_break_the_stretch_starts_afresh() -> None:
    assert carried(50, 51, presence("laptop", 0, 40)) is None
    assert carried(42, 43, presence("laptop", 0, 40, posture="standing")) is None


def test_with_both_in_use_the_longer_stretch_counts() -> None:
    assert carried(20, 43, presence("laptop", 0, 43), presence("tablet", 10, 43)) == at(0)
    assert carried(0, 43, presence("laptop", 20, 43)) is None  # ours is the longer


def test_a_clock_ahead_cannot_push_the_stretch_into_the_future_or_make_it_negative() -> None:
    ahead = presence("laptop", 44, 50)  # its clock runs 10 minutes fast
    start = carried(42, 43, ahead)
    assert start is None  # nothing earlier to carry
    far_ahead = DevicePresence("laptop", "laptop", at(60), at(60), at(-30), "seated")
    start = carried(42, 43, far_ahead)
    assert start is not None
    assert start <= at(42)


# --- any interleaving of copies and merges gives the same totals -----------------------


@st.composite
def histories(draw: st.DrawFn) -> list[Entry]:
    items: list[Entry] = []
    for device in ("laptop", "desktop", "tablet"):
        cursor = draw(st.integers(0, 60))
        for n in range(draw(st.integers(0, 6))):
            length = draw(st.integers(1, 90))
            kind = draw(st.sampled_from(["stretch", "done", "break", "activity", "pause"]))
            uid = f"{device}-{n}"
            if kind == "stretch":
                posture = draw(st.sampled_from(["seated", "standing"]))
                items.append(stretch(uid, device, cursor, cursor + length, posture))
            elif kind == "done":
                items.append(done(uid, device, cursor, moved=min(length, 5)))
            elif kind == "break":
                items.append(sync.entry(uid, device, Break(at(cursor), at(cursor + length))))
            elif kind == "activity":
                record = Activity(at(cursor), timedelta(minutes=length), "walk")
                items.append(sync.entry(uid, device, record))
            else:
                items.append(sync.entry(uid, device, Pause(at(cursor), at(cursor + length))))
            cursor += length + draw(st.integers(0, 20))
    return items


def _older(item: Entry) -> Entry:
    """The same event as an earlier copy had it: a stretch or pause that had not grown yet."""
    record = item.record
    if isinstance(record, Stretch) and record.end - record.start > timedelta(minutes=1):
        shorter = Stretch(record.start, record.end - timedelta(minutes=1), record.posture)
        return sync.entry(item.key.split(":", 1)[1], item.device, shorter)
    return item


@settings(max_examples=150, deadline=None)
@given(histories(), st.data())
def test_any_interleaving_of_copies_gives_the_same_totals(
    history: list[Entry], data: st.DataObject
) -> None:
    expected = day_of(history)
    # Files as a sync engine may deliver them: each device's file, again, as an older
    # conflict copy, or cut short; in any order, read in any number of passes.
    files = [[e for e in history if e.device == d] for d in ("laptop", "desktop", "tablet")]
    copies: list[list[Entry]] = [list(f) for f in files]
    for source in files:
        extra = data.draw(st.sampled_from(["none", "twice", "older", "cut"]))
        if extra == "twice":
            copies.append(list(source))
        elif extra == "older":
            copies.append([_older(e) for e in source])
        elif extra == "cut" and source:
            text = sync.render(source)
            cut = text[: data.draw(st.integers(0, len(text)))]
            copies.append(list(sync.parse(cut, source[0].device).entries))
    order = data.draw(st.permutations(range(len(copies))))
    seen = [e for index in order for e in copies[index]]
    assert day_of(seen) == expected
    # Merging in two passes (what was read first, then the rest) changes nothing either.
    half = data.draw(st.integers(0, len(seen)))
    assert day_of([*sync.distinct(seen[:half]), *seen[half:]]) == expected
