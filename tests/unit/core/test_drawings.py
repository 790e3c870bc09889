"""Every exercise's drawing shows what its text says: geometric rules on its key frames.

The rules run on the pure geometry (``core.poses.draw``): joint positions, the head and
the props. A figure whose hands go through the wall or into the desk, whose feet float,
that sits beside the seat, sits in a chair seen from the other side, is drawn seated for a
standing exercise or keeps its head still in a neck turn fails here, naming the exercise
and the key frame.
"""

from __future__ import annotations

import math
import re

import pytest

from movebreak.core.exercises import Exercise, Position
from movebreak.core.poses import (
    FOOT,
    FOREARM,
    HAND,
    HEAD,
    NECK,
    SEAT_HEIGHT,
    SHIN,
    THIGH,
    TORSO,
    UPPER_ARM,
    VIEW_BOX,
    Drawing,
    Point,
    Pose,
    Segment,
    blend,
    draw,
)
from tests.unit.core.test_library_data import shipped

POSES, EXERCISES, _ = shipped()
TOUCH = 0.3  # a hand within this of a surface touches it (the lines are 0.42 wide)
ON = 0.05  # a foot or a seat this close to its support rests on it

# Key poses where one foot is off the floor by design; every other pose stands (or sits)
# with both feet down.
ONE_FOOT = {
    "march_left_knee",
    "march_right_knee",
    "stairs_up_a",
    "stairs_up_b",
    "step_side_left",
    "step_side_right",
    "side_leg_raise",
    "calf_raise_single",
    "quad_stretch",
    "reach_balance",
    "sit_knee_hug",
    "sit_knee_extend",
    "sit_march_knee",
    "sit_figure_four",
    "sit_figure_four_lean",
    "ankle_up",
    "ankle_down",
}
# Key poses whose hands touch the head as the text says (behind it, over the eyes).
HANDS_ON_HEAD = {"chest_open_in", "chest_open_out", "palms_over_eyes", "sit_back_hands_head",
                 "walk_call_a", "walk_call_b",
                 "sit_back_arch"}  # fmt: skip

BONES = {
    "trunk": TORSO,
    "neck": NECK,
    "upper_arm": UPPER_ARM,
    "forearm": FOREARM,
    "hand": HAND,
    "thigh": THIGH,
    "shin": SHIN,
    "foot": FOOT,
}


def frames(exercise: Exercise) -> list[tuple[str, Drawing]]:
    return [(name, draw(POSES[name])) for name in exercise.animation]


def text(exercise: Exercise) -> str:
    return " ".join((exercise.title, exercise.summary, *exercise.steps)).lower()


def ids(exercise: Exercise) -> str:
    return exercise.id


every_exercise = pytest.mark.parametrize("exercise", EXERCISES, ids=ids)


def distance(a: Point, b: Point) -> float:
    return math.dist(a, b)


def to_segment(point: Point, segment: Segment) -> float:
    (x1, y1), (x2, y2) = segment
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, ((point[0] - x1) * dx + (point[1] - y1) * dy) / length))
    )
    return math.dist(point, (x1 + t * dx, y1 + t * dy))


def crosses(a: Segment, b: Segment, margin: float = 0.05) -> bool:
    """Whether ``a`` passes through ``b``: each has its ends clearly on both sides of the other."""

    def side(p: Point, q: Point, r: Point) -> float:
        # signed distance of r from the line p-q
        length = math.dist(p, q) or 1.0
        return ((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])) / length

    d1, d2 = side(*b, a[0]), side(*b, a[1])
    d3, d4 = side(*a, b[0]), side(*a, b[1])
    return d1 * d2 < 0 and min(abs(d1), abs(d2)) > margin and d3 * d4 < 0


def hand_tips(drawing: Drawing) -> list[Point]:
    return [drawing.bone(f"{side}_hand")[1] for side in ("left", "right")]


def hands(drawing: Drawing) -> list[Segment]:
    return [drawing.bone(f"{side}_hand") for side in ("left", "right")]


def touches(hand: Segment, surface: Segment) -> bool:
    return min(to_segment(point, surface) for point in hand) <= TOUCH


def surfaces(drawing: Drawing) -> tuple[Segment, ...]:
    return drawing.prop.surfaces if drawing.prop is not None else ()


def supports(drawing: Drawing, x: float) -> list[float]:
    """Heights a foot at ``x`` can stand on: the floor and any step top above it."""
    heights = [0.0]
    if drawing.prop is not None and drawing.prop.name == "stairs":
        for (x1, y1), (x2, y2) in drawing.prop.surfaces:
            if y1 == y2 and min(x1, x2) - 0.1 <= x <= max(x1, x2) + 0.1:
                heights.append(y1)
    return heights


def foot_rests(drawing: Drawing, side: str) -> bool:
    ankle, toe = drawing.bone(f"{side}_foot")
    low = min((ankle, toe), key=lambda p: p[1])
    return any(abs(low[1] - height) <= ON for height in supports(drawing, low[0]))


# --- the rules ---------------------------------------------------------------------------


@every_exercise
def test_one_view_and_one_prop_per_exercise(exercise: Exercise) -> None:
    """The figure does not flip between side and front, and the props do not come and go."""
    shown = frames(exercise)
    assert len({d.view for _, d in shown}) == 1, [(n, d.view) for n, d in shown]
    assert len({d.prop.name if d.prop else "" for _, d in shown}) == 1, [
        (n, d.prop.name if d.prop else "") for n, d in shown
    ]


@every_exercise
def test_no_limb_passes_through_a_prop(exercise: Exercise) -> None:
    for name, drawing in frames(exercise):
        for surface in surfaces(drawing):
            for bone, start, end in drawing.bones:
                assert not crosses((start, end), surface), (name, bone, "through", surface)
            gap = to_segment(drawing.head_centre, surface)
            assert gap >= drawing.head_radius - 0.1, (name, "the head goes into", surface)


@every_exercise
def test_feet_rest_on_the_floor_or_a_step(exercise: Exercise) -> None:
    for name, drawing in frames(exercise):
        down = [side for side in ("left", "right") if foot_rests(drawing, side)]
        assert down, (name, "floats: no foot on the floor")
        if name not in ONE_FOOT:
            assert down == ["left", "right"], (name, "one foot off the floor")
        for _, start, end in drawing.bones:
            assert min(start[1], end[1]) >= -ON, (name, "a limb goes under the floor")


@every_exercise
def test_a_seated_figure_sits_on_its_chair_seen_from_the_same_side(exercise: Exercise) -> None:
    for name, drawing in frames(exercise):
        if not drawing.seated:
            continue
        chair = drawing.prop
        assert chair is not None, (name, "seated on nothing")
        assert chair.name == "chair", (name, "seated on a", chair.name)
        assert chair.view == drawing.view, (
            name,
            "a",
            drawing.view,
            "figure in a",
            chair.view,
            "chair",
        )
        seat = next(s for s in chair.lines if s[0][1] == s[1][1] == SEAT_HEIGHT)
        left, right = sorted((seat[0][0], seat[1][0]))
        hips = drawing.bone("hips") if drawing.view == "front" else (drawing.bone("trunk")[0],) * 2
        for x, y in hips:
            assert abs(y - SEAT_HEIGHT) <= ON, (name, "hips above or below the seat")
            assert left <= x <= right, (name, "hips beside the seat")
        posts = [
            s for s in chair.lines if s[0][0] == s[1][0] and max(s[0][1], s[1][1]) > SEAT_HEIGHT
        ]
        backs = sorted(s[0][0] for s in posts)
        if drawing.view == "side":  # the back at the seat's rear, behind the hips
            assert backs == [left], (name, "chair seen from the front")
            assert left < hips[0][0], (name, "sitting behind the chair back")
        else:  # the back's two posts either side of the trunk, the seat centred under it
            assert len(backs) == 2, (name, "chair seen side on")
            assert backs[0] < hips[0][0] < hips[1][0] < backs[1], (name, "chair seen side on")


@every_exercise
def test_drawn_seated_or_standing_as_the_text_says(exercise: Exercise) -> None:
    """Seated exercises sit; standing, walking and 'either' ones stand.

    An 'either' exercise comes with the prompt "Time to stand up and move" for someone
    who has been sitting, so it is drawn standing; a sit-to-stand shows both.
    """
    seated = [d.seated for _, d in frames(exercise)]
    if exercise.position is Position.SEATED:
        assert all(seated), exercise.animation
    elif "stand up" in text(exercise) and "chair" in text(exercise):
        assert seated[0], exercise.animation
        assert not all(seated), exercise.animation
    else:
        assert not any(seated), exercise.animation


@every_exercise
def test_body_segments_keep_their_length(exercise: Exercise) -> None:
    """Segments keep their length from frame to frame.

    Side on, every segment has its length in every frame; from the front none is longer
    (an arm turned towards us, a seated thigh, looks shorter) and the rest keep theirs.
    """
    for name, drawing in frames(exercise):
        pose = POSES[name]
        for bone, start, end in drawing.bones:
            part = bone.split("_", 1)[-1]
            if part not in BONES:
                continue
            length = distance(start, end)
            if drawing.view == "side":
                assert length == pytest.approx(BONES[part], abs=1e-6), (name, bone, length)
            else:
                assert length <= BONES[part] + 1e-6, (name, bone, length)
                side = bone.split("_", 1)[0]
                turned = (
                    getattr(pose, f"{side}_reach", 0.0)
                    if part in ("upper_arm", "forearm", "hand")
                    else 0.0
                )
                if not turned and not (drawing.seated and part == "thigh") and part != "foot":
                    assert length == pytest.approx(BONES[part], abs=1e-6), (name, bone, length)


@every_exercise
def test_the_whole_figure_and_its_props_fit_in_the_picture(exercise: Exercise) -> None:
    left, bottom, width, height = VIEW_BOX
    for name, drawing in frames(exercise):
        points = [p for _, a, b in drawing.bones for p in (a, b)]
        points += [p for line in (drawing.prop.lines if drawing.prop else ()) for p in line]
        x, y = drawing.head_centre
        points += [(x - HEAD, y + HEAD), (x + HEAD, y + HEAD)]
        for px, py in points:
            assert left <= px <= left + width, (name, "cut off at the side", px)
            assert bottom <= py <= bottom + height, (name, "cut off at the top", py)


@every_exercise
def test_arms_do_not_pass_through_the_head(exercise: Exercise) -> None:
    for name, drawing in frames(exercise):
        if name in HANDS_ON_HEAD:
            continue
        for bone, start, end in drawing.bones:
            if bone.endswith(("_upper_arm", "_forearm", "_hand")):
                gap = to_segment(drawing.head_centre, (start, end))
                assert gap >= drawing.head_radius, (name, bone, "across the face")


@every_exercise
def test_between_key_frames_nothing_passes_through_a_prop(exercise: Exercise) -> None:
    """What plays between two key poses keeps the rules too.

    Hands resting on the wall or desk stay on it, planted feet stay planted, no limb
    sweeps through a prop or under the floor.
    """
    poses = [POSES[name] for name in exercise.animation]
    contact = wall_and_desk_contacts(exercise)
    for index, start in enumerate(poses):
        end = poses[(index + 1) % len(poses)]
        for t in (0.2, 0.4, 0.6, 0.8):
            drawing = draw(blend(start, end, t))
            where = (exercise.animation[index], t)
            for surface in surfaces(drawing):
                for bone, a, b in drawing.bones:
                    assert not crosses((a, b), surface), (where, bone, "through", surface)
            for _, a, b in drawing.bones:
                assert min(a[1], b[1]) >= -ON, (where, "a limb goes under the floor")
            if not drawing.seated:
                assert foot_rests(drawing, "left") or foot_rests(drawing, "right"), (
                    where,
                    "floats",
                )
            if contact is not None and drawing.prop is not None:
                face = drawing.prop.surfaces[0]
                assert any(touches(hand, face) for hand in hands(drawing)), (where, "let go")


def test_a_hand_on_the_wall_stays_where_it_rests_through_the_press_up() -> None:
    out, bent = POSES["wall_push_out"], POSES["wall_push_in"]
    rest = draw(out).bone("left_hand")[1]
    assert math.dist(rest, draw(bent).bone("left_hand")[1]) <= 0.05
    for t in (0.1, 0.3, 0.5, 0.7, 0.9):
        between = draw(blend(out, bent, t))
        assert math.dist(rest, between.bone("left_hand")[1]) <= 0.02, t
        assert foot_rests(between, "left"), t  # and the feet stay on the floor
        assert foot_rests(between, "right"), t
        plain = draw(out.between(bent, t)).bone("left_hand")[1]
        assert t in (0.1, 0.9) or math.dist(rest, plain) > 0.05  # angles alone let it drift


# --- what the text asks for --------------------------------------------------------------


def wall_and_desk_contacts(exercise: Exercise) -> str | None:
    words = text(exercise)
    if re.search(r"(palms|hands) on (it|a wall)|press-ups against a wall", words):
        return "wall"
    if re.search(r"(hands|fingertips|forearms)[^.]*\bdesk\b|hold(ing)? the desk", words):
        return "desk"
    return None


@every_exercise
def test_hands_rest_on_the_wall_or_desk_the_text_names(exercise: Exercise) -> None:
    prop = wall_and_desk_contacts(exercise)
    if prop is None:
        return
    for name, drawing in frames(exercise):
        assert drawing.prop is not None, (name, "no", prop)
        assert drawing.prop.name == prop, (name, "no", prop)
        face = drawing.prop.surfaces[0]
        touching = [touches(hand, face) for hand in hands(drawing)]
        both = (
            prop == "wall"
            or "both hands" in text(exercise)
            or "hands on the edge" in text(exercise)
        )
        assert all(touching) if both else any(touching), (name, "hands off the", prop)


def test_the_contact_rule_finds_the_exercises_that_use_a_wall_or_desk() -> None:
    found = {e.id for e in EXERCISES if wall_and_desk_contacts(e)}
    assert {
        "wall-push-up",
        "desk-push-up",
        "desk-plank",
        "calf-raise",
        "calf-stretch-wall",
    } <= found


def test_back_against_the_wall_touches_it() -> None:
    for exercise in EXERCISES:
        if "back against a wall" not in text(exercise) and "back and head against" not in text(
            exercise
        ):
            continue
        for name, drawing in frames(exercise):
            assert drawing.prop is not None, (exercise.id, name)
            if drawing.view == "front":
                continue  # the wall is behind the figure
            wall = drawing.prop.surfaces[0]
            hip, shoulder = drawing.bone("trunk")
            assert to_segment(hip, wall) <= TOUCH + 0.2, (exercise.id, name, "hips off the wall")
            assert to_segment(shoulder, wall) <= TOUCH + 0.2, (
                exercise.id,
                name,
                "back off the wall",
            )


def test_hands_meet_where_the_text_joins_them() -> None:
    checked = 0
    for exercise in EXERCISES:
        words = text(exercise)
        if "interlace your fingers" in words or "palms together" in words:
            checked += 1
            for name, drawing in frames(exercise):
                left, right = hand_tips(drawing)
                assert distance(left, right) <= 0.4, (exercise.id, name, "hands apart")
    assert checked >= 2


def test_crossed_arms_cross_the_chest() -> None:
    checked = 0
    for exercise in EXERCISES:
        if "cross your arms" not in text(exercise) and "arms crossed" not in text(exercise):
            continue
        for name, drawing in frames(exercise):
            hip, shoulder = drawing.bone("trunk")
            for side, tip in zip(("left", "right"), hand_tips(drawing), strict=True):
                checked += 1
                if drawing.view == "front":  # each hand past the middle, over the chest
                    past = tip[0] - hip[0] if side == "left" else hip[0] - tip[0]
                    assert 0 < past <= 1.3, (exercise.id, name, side, "hand not across")
                    assert hip[1] + 1.5 < tip[1] <= shoulder[1] + 0.3, (exercise.id, name, side)
                else:  # side on, the hands lie on the chest
                    assert to_segment(tip, (hip, shoulder)) <= 0.7, (
                        exercise.id,
                        name,
                        "arms off the chest",
                    )
    assert checked


def test_hands_on_hips_or_thighs_where_the_text_puts_them() -> None:
    checked = 0
    for exercise in EXERCISES:
        words = text(exercise)
        where = "hips" if re.search(r"hands on (your )?hips", words) else None
        where = "thighs" if "hands on your thighs" in words else where
        if where is None:
            continue
        for name, drawing in frames(exercise):
            checked += 1
            for side, tip in zip(("left", "right"), hand_tips(drawing), strict=True):
                wrist = drawing.bone(f"{side}_hand")[0]
                if where == "hips":
                    hips = drawing.bone("hips") if drawing.view == "front" else None
                    hip = hips[side == "right"] if hips else drawing.bone("trunk")[0]
                    assert distance(wrist, hip) <= 0.8, (exercise.id, name, "hands off the hips")
                else:
                    thigh = drawing.bone(f"{side}_thigh")
                    assert min(to_segment(wrist, thigh), to_segment(tip, thigh)) <= TOUCH, (
                        exercise.id,
                        name,
                        "hands off the thighs",
                    )
    assert checked >= 3


def test_a_neck_turn_turns_the_head_and_keeps_the_shoulders() -> None:
    checked = 0
    for exercise in EXERCISES:
        words = text(exercise)
        turn, tilt = "turn your head" in words, "tilt your head" in words
        if not (turn or tilt):
            continue
        shown = [d for _, d in frames(exercise)]
        first, *others = shown
        for other in others:
            checked += 1
            if turn:
                assert first.nose is not None, exercise.id
                assert other.nose is not None, exercise.id
                moved = distance(first.nose[1], other.nose[1])
                assert moved >= HEAD, (exercise.id, "the face does not turn", moved)
            else:

                def lean(d: Drawing) -> float:
                    top = d.bone("neck")[1]
                    return math.degrees(
                        math.atan2(d.head_centre[0] - top[0], d.head_centre[1] - top[1])
                    )

                assert abs(lean(first) - lean(other)) >= 20, (exercise.id, "the head does not tilt")
            if "shoulders still" in words:
                assert first.bone("shoulders") == other.bone("shoulders"), exercise.id
    assert checked >= 2


def test_the_rules_catch_the_drawings_that_were_wrong() -> None:
    """The wrong drawings the issue names: each breaks a rule above."""
    # hands through the wall: the old wall press-up, arms straight
    old_push = draw(Pose(torso=22, left_hip=-18, right_hip=-18, left_shoulder=62,
                         right_shoulder=62, left_elbow=10, right_elbow=10,
                         prop="wall"))  # fmt: skip
    assert any(crosses((a, b), s) for _, a, b in old_push.bones for s in surfaces(old_push))
    # hands into the desk: the old desk plank
    old_plank = draw(Pose(torso=55, left_hip=-55, right_hip=-55, left_shoulder=-35,
                          right_shoulder=-35, prop="desk"))  # fmt: skip
    assert any(crosses((a, b), s) for _, a, b in old_plank.bones for s in surfaces(old_plank))
    # interlaced fingers drawn as a V: the old tall reach
    old_reach = draw(Pose(view="front", seated=True, left_hip=10, right_hip=10,
                          left_shoulder=170, right_shoulder=170))  # fmt: skip
    left, right = hand_tips(old_reach)
    assert distance(left, right) > 0.4
    # a floating foot: the old heel raise lifted the whole figure off the floor
    old_raise = draw(Pose(lift=0.35))
    assert not foot_rests(old_raise, "left")
    assert not foot_rests(old_raise, "right")
