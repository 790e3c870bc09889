"""A stick figure whose key poses are data: joint angles per pose, drawn by the UI.

Pure geometry: a Pose (angles, in degrees) becomes line segments and a head circle in
figure units (about 10 tall, y up, the floor at 0). Between key poses the angles are
interpolated, so every exercise's demonstration is a handful of numbers in
``assets/poses.toml`` rather than drawings.

Side view: the figure faces +x; positive angles move a limb forward (arms, thighs), bend a
joint (elbows, knees) or lean the trunk forward. Front view: arms and legs open sideways
(0 down, 90 out, 180 up; mirrored left and right), the trunk bends towards +x, ``twist``
turns the shoulders.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

SHIN, THIGH, TORSO, NECK, HEAD = 2.4, 2.4, 3.0, 0.45, 0.65
UPPER_ARM, FOREARM, HAND, FOOT = 1.8, 1.6, 0.55, 0.7  # fingertips at desk height
SEAT_HEIGHT = SHIN  # a chair seat at knee height
DESK_HEIGHT = 4.3
WALL_X = 3.3  # a wall the figure faces; "wall_behind" stands at its back instead
WALL_BEHIND_X = -0.45
# What a demonstration shows, in figure units: left, bottom, width, height (y up).
VIEW_BOX = (-4.8, -0.4, 9.6, 13.0)
STEP_RISE, STEP_RUN = 0.8, 1.2  # about 15 cm and 22 cm at the figure's scale
# bottle: drawn in the right hand; far: hills on the horizon
PROPS = ("chair", "wall", "wall_behind", "desk", "stairs", "bottle", "far")

Point = tuple[float, float]
Segment = tuple[Point, Point]


@dataclass(frozen=True, slots=True)
class Pose:
    """Joint angles of one key pose. Missing angles are 0 (standing tall, arms down)."""

    view: str = "side"  # side | front
    torso: float = 0.0
    head: float = 0.0
    head_turn: float = 0.0  # front view: -1 (looks left) .. 1 (looks right)
    neck: float = 0.0  # side view: the neck alone leans (- glides the chin back)
    twist: float = 0.0  # front view: shoulders turned, degrees
    shoulder_lift: float = 0.0  # figure units: a shrug
    left_shoulder: float = 0.0
    left_elbow: float = 0.0
    left_wrist: float = 0.0
    right_shoulder: float = 0.0
    right_elbow: float = 0.0
    right_wrist: float = 0.0
    left_reach: float = 0.0  # front view: the arm turned towards the viewer, degrees
    right_reach: float = 0.0
    left_hip: float = 0.0
    left_knee: float = 0.0
    right_hip: float = 0.0
    right_knee: float = 0.0
    left_ankle: float = 0.0  # side view: + points the toes down (up on the toes)
    right_ankle: float = 0.0
    lift: float = 0.0  # added after the feet are put on the floor: a foot on a step
    x: float = 0.0  # the figure moved forward (side) or right (front) from its place
    seated: bool = False
    eyes_closed: bool = False
    prop: str = ""  # something drawn with the figure, from PROPS

    def between(self, other: Pose, t: float) -> Pose:
        """The pose a fraction ``t`` (0..1) of the way to ``other``."""
        changes: dict[str, Any] = {}
        for f in fields(Pose):
            a, b = getattr(self, f.name), getattr(other, f.name)
            if isinstance(a, float):
                changes[f.name] = a + (b - a) * t
            else:
                changes[f.name] = a if t < 0.5 else b
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Prop:
    """Furniture drawn with the figure, in figure units, seen from the figure's view.

    ``surfaces`` are the solid edges no limb may pass through (a wall's face, a desk top,
    a seat): the side view only, since in the front view the prop stands behind the figure.
    """

    name: str
    view: str
    lines: tuple[Segment, ...]
    surfaces: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class Drawing:
    """What to draw: named body segments, a head with its face, and a prop."""

    view: str
    bones: tuple[tuple[str, Point, Point], ...]
    head_centre: Point
    head_radius: float
    nose: Segment | None  # from inside the head outwards, the way the face points
    eyes: tuple[Point, ...]
    prop: Prop | None
    seated: bool
    eyes_closed: bool

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The body's line segments, in drawing order."""
        return tuple((start, end) for _, start, end in self.bones)

    def bone(self, name: str) -> Segment:
        """The segment of body part ``name`` (``left_forearm``, ``trunk``, ...)."""
        for bone, start, end in self.bones:
            if bone == name:
                return start, end
        raise KeyError(name)


def parse_poses(raw: Mapping[str, Any]) -> tuple[dict[str, Pose], list[str]]:
    """Poses from ``[pose.NAME]`` tables; returns the poses and a message per bad one."""
    poses: dict[str, Pose] = {}
    errors: list[str] = []
    table = raw.get("pose", {})
    if not isinstance(table, Mapping):
        return {}, ["[pose] must hold [pose.NAME] tables"]
    names = {f.name: f for f in fields(Pose)}
    for name, values in table.items():
        if not isinstance(values, Mapping):
            errors.append(f"pose {name}: must be a table")
            continue
        changes: dict[str, Any] = {}
        for key, value in values.items():
            default = names[key].default if key in names else None
            if key not in names:
                errors.append(f"pose {name}: unknown field {key!r}")
            elif (
                isinstance(default, float)
                and isinstance(value, int | float)
                and not isinstance(value, bool)
            ):
                changes[key] = float(value)
            elif (isinstance(default, bool) and isinstance(value, bool)) or (
                isinstance(default, str) and isinstance(value, str)
            ):
                changes[key] = value
            else:
                errors.append(f"pose {name}: {key} has the wrong type")
        pose = Pose(**changes)
        if pose.view not in ("side", "front"):
            errors.append(f"pose {name}: view must be side or front")
        elif pose.prop and pose.prop not in PROPS:
            errors.append(f"pose {name}: prop must be one of {', '.join(PROPS)}")
        else:
            poses[name] = pose
    return poses, errors


def at_time(frames: list[Pose], phase: float) -> Pose:
    """The pose at ``phase`` through a looping animation (0..1 runs all frames once).

    Each key pose is held for a moment, then eased into the next, as a coach would show it.
    """
    count = len(frames)
    position = (phase % 1.0) * count
    index = int(position)
    t = position - index
    hold = 0.35
    eased = 0.0 if t < hold else _ease((t - hold) / (1 - hold))
    return blend(frames[index], frames[(index + 1) % count], eased)


def blend(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` of the way from ``start`` to ``end``, hands kept in place.

    Angles are interpolated; a hand that rests on the same spot in both key poses (on the
    wall, the desk, the seat) then has its arm bent so that it stays there, instead of
    drifting through the wall or into the desk between the two.
    """
    pose = start.between(end, t)
    if t <= 0.0 or t >= 1.0 or start.view != end.view:
        return pose
    first, last = draw(start), draw(end)
    for side in ("left", "right"):
        a_wrist, a_tip = first.bone(f"{side}_hand")
        b_wrist, b_tip = last.bone(f"{side}_hand")
        # the elbow bends the way the more bent of the two key poses bends it
        bend = max((_bend(first, side), _bend(last, side)), key=abs)
        if math.dist(a_tip, b_tip) <= _PINNED:
            pose = _hold_hand(pose, side, a_tip, tip=True, bend=bend)
        elif math.dist(a_wrist, b_wrist) <= _PINNED:
            pose = _hold_hand(pose, side, a_wrist, tip=False, bend=bend)
    if pose.view == "side":
        for side in ("left", "right"):
            ankle = first.bone(f"{side}_shin")[1]
            if math.dist(ankle, last.bone(f"{side}_shin")[1]) <= _PINNED:
                pose = _hold_foot(pose, side, ankle)
    return pose


def _hold_foot(pose: Pose, side: str, target: Point) -> Pose:
    """``pose`` with the ``side`` leg bent so its ankle stays at ``target`` (a planted foot).

    The hips stay where the interpolation put them: the figure is lifted back by however
    much the new leg angles moved it on the floor.
    """
    drawing = draw(pose)
    hip = drawing.bone(f"{side}_thigh")[0]
    reach = max(1e-9, min(THIGH + SHIN - 1e-9, math.dist(hip, target)))
    cosine = (THIGH**2 + reach**2 - SHIN**2) / (2 * THIGH * reach)
    opening = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    # a knee bends forward: the shin turns back from the thigh's line
    thigh = _angle(hip, target) + opening
    new_knee = (hip[0] + THIGH * math.sin(math.radians(thigh)),
                hip[1] - THIGH * math.cos(math.radians(thigh)))  # fmt: skip
    shin = _angle(new_knee, target)
    bent: dict[str, Any] = {
        f"{side}_hip": _near(getattr(pose, f"{side}_hip"), thigh),
        f"{side}_knee": _near(getattr(pose, f"{side}_knee"), thigh - shin),
    }
    moved = replace(pose, **bent)
    sunk = hip[1] - draw(moved).bone("trunk")[0][1]
    return replace(moved, lift=moved.lift + sunk)


def _bend(drawing: Drawing, side: str) -> float:
    """How far the elbow turns the forearm from the upper arm's line, in degrees."""
    shoulder, elbow = drawing.bone(f"{side}_upper_arm")
    return _turn(_angle(shoulder, elbow), _angle(*drawing.bone(f"{side}_forearm")))


_PINNED = 0.05  # a hand this close to where it was is resting on something


def _hold_hand(pose: Pose, side: str, target: Point, *, tip: bool, bend: float) -> Pose:
    """``pose`` with the ``side`` arm bent so its fingertips (or wrist) reach ``target``.

    The hand keeps its direction; the shoulder and elbow angles are solved (two segments,
    law of cosines), the elbow bending the way ``bend`` (its sign) says.
    """
    drawing = draw(pose)
    shoulder, elbow = drawing.bone(f"{side}_upper_arm")
    wrist, hand_tip = drawing.bone(f"{side}_hand")
    upper_len, fore_len = math.dist(shoulder, elbow), math.dist(elbow, wrist)
    hand_len = math.dist(wrist, hand_tip)
    hand_angle = _angle(wrist, hand_tip) if hand_len > 0 else 0.0
    if tip:
        radians = math.radians(hand_angle)
        target = (
            target[0] - hand_len * math.sin(radians),
            target[1] + hand_len * math.cos(radians),
        )
    reach = math.dist(shoulder, target)
    if upper_len == 0 or fore_len == 0 or reach == 0:
        return pose
    reach = max(abs(upper_len - fore_len) + 1e-9, min(upper_len + fore_len - 1e-9, reach))
    towards = _angle(shoulder, target)
    cosine = (upper_len**2 + reach**2 - fore_len**2) / (2 * upper_len * reach)
    opening = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    upper = towards - (1.0 if bend >= 0 else -1.0) * opening
    new_elbow = (
        shoulder[0] + upper_len * math.sin(math.radians(upper)),
        shoulder[1] - upper_len * math.cos(math.radians(upper)),
    )
    lower = _angle(new_elbow, target)
    if pose.view == "front":
        sign = -1.0 if side == "left" else 1.0
        raise_ = (upper - pose.torso) * sign
        bent = (lower - pose.torso) * sign
        wrist_angle = (hand_angle - pose.torso) * sign - bent
        changes = {"shoulder": raise_, "elbow": bent - raise_, "wrist": wrist_angle}
    else:
        raise_ = upper - pose.torso
        changes = {"shoulder": raise_, "elbow": lower - upper, "wrist": hand_angle - lower}
    solved: dict[str, Any] = {
        f"{side}_{joint}": _near(getattr(pose, f"{side}_{joint}"), value)
        for joint, value in changes.items()
    }
    return replace(pose, **solved)


def _angle(origin: Point, point: Point) -> float:
    """The direction from ``origin`` to ``point``, in degrees from straight down (+ is +x)."""
    return math.degrees(math.atan2(point[0] - origin[0], origin[1] - point[1]))


def _turn(start: float, end: float) -> float:
    """The signed turn from direction ``start`` to ``end``, in -180..180 degrees."""
    return (end - start + 180.0) % 360.0 - 180.0


def _near(old: float, new: float) -> float:
    """``new`` plus or minus whole turns, as close to ``old`` as can be (no spin between)."""
    return old + _turn(old, new)


def _ease(t: float) -> float:
    return t * t * (3 - 2 * t)


def draw(pose: Pose) -> Drawing:
    """The figure in ``pose``, grounded on the floor (or on the chair when seated).

    The hips are put at ``pose.x`` across; the lowest foot on the floor (raised by
    ``lift``), or the hips on the seat when seated. Props stand at fixed places, so key
    poses must put hands and feet where the prop is (tests check they do).
    """
    bones, head, nose, eyes = _front(pose) if pose.view == "front" else _side(pose)
    grounded = -min(point[1] for name, a, b in bones if _is_leg(name) for point in (a, b))
    # seated, the hips are on the seat, unless the feet push them up (rising to stand)
    rise = max(SEAT_HEIGHT, grounded) if pose.seated else grounded
    rise += pose.lift

    def moved(point: Point) -> Point:
        return (point[0] + pose.x, point[1] + rise)

    placed = tuple((name, moved(a), moved(b)) for name, a, b in bones)
    name = pose.prop or ("chair" if pose.seated else "")
    return Drawing(
        view=pose.view,
        bones=placed,
        head_centre=moved(head),
        head_radius=HEAD,
        nose=(moved(nose[0]), moved(nose[1])) if nose is not None else None,
        eyes=tuple(moved(eye) for eye in eyes),
        prop=_prop(name, pose.view, placed) if name else None,
        seated=pose.seated,
        eyes_closed=pose.eyes_closed,
    )


_Bones = list[tuple[str, Point, Point]]
_Body = tuple[_Bones, Point, Segment | None, tuple[Point, ...]]


def _is_leg(name: str) -> bool:
    return name.endswith(("_thigh", "_shin", "_foot"))


def _point(origin: Point, length: float, degrees: float) -> Point:
    """The point ``length`` from ``origin`` at ``degrees`` from straight down (+ is +x)."""
    radians = math.radians(degrees)
    return (origin[0] + length * math.sin(radians), origin[1] - length * math.cos(radians))


def _side(pose: Pose) -> _Body:
    hip = (0.0, 0.0)
    # the trunk points up: "down" rotated by 180, leaning forward with +torso
    spine = _point(hip, -TORSO, -pose.torso)
    shoulder = (spine[0], spine[1] + pose.shoulder_lift)  # a shrug lifts the shoulders only
    neck_top = _point(spine, -NECK, -(pose.torso + pose.head * 0.5 + pose.neck))
    facing = pose.torso + pose.head
    head = _point(neck_top, -HEAD, -facing)
    bones: _Bones = [("trunk", hip, spine), ("neck", spine, neck_top)]
    if pose.shoulder_lift:
        bones.append(("shrug", spine, shoulder))
    for side in ("left", "right"):
        upper = getattr(pose, f"{side}_shoulder") + pose.torso
        elbow = _point(shoulder, UPPER_ARM, upper)
        lower = upper + getattr(pose, f"{side}_elbow")
        wrist = _point(elbow, FOREARM, lower)
        hand = _point(wrist, HAND, lower + getattr(pose, f"{side}_wrist"))
        bones += [
            (f"{side}_upper_arm", shoulder, elbow),
            (f"{side}_forearm", elbow, wrist),
            (f"{side}_hand", wrist, hand),
        ]
    for side in ("left", "right"):
        thigh = getattr(pose, f"{side}_hip")
        knee = _point(hip, THIGH, thigh)
        shin = thigh - getattr(pose, f"{side}_knee")
        ankle = _point(knee, SHIN, shin)
        toe = _point(ankle, FOOT, shin + 90 - getattr(pose, f"{side}_ankle"))
        bones += [(f"{side}_thigh", hip, knee), (f"{side}_shin", knee, ankle),
                  (f"{side}_foot", ankle, toe)]  # fmt: skip
    # the face looks along +x, turned by the head's nod
    nose = (_point(head, HEAD * 0.7, 90 - facing), _point(head, HEAD * 1.25, 95 - facing))
    eye = _point(head, HEAD * 0.55, 125 - facing)
    return bones, head, nose, (eye,)


def _front(pose: Pose) -> _Body:
    half_hips, half_shoulders = 0.45, 0.8 * math.cos(math.radians(pose.twist))
    centre_hip = (0.0, 0.0)
    centre_shoulder = _point(centre_hip, -TORSO, -pose.torso)
    lift = pose.shoulder_lift
    tilt = math.radians(pose.torso)
    across = (math.cos(tilt), math.sin(tilt))  # the shoulder line follows the trunk's bend
    shoulders = {
        "left": (centre_shoulder[0] - half_shoulders * across[0],
                 centre_shoulder[1] - half_shoulders * across[1] + lift),
        "right": (centre_shoulder[0] + half_shoulders * across[0],
                  centre_shoulder[1] + half_shoulders * across[1] + lift),
    }  # fmt: skip
    neck_top = _point(centre_shoulder, -NECK, -pose.torso)
    head = _point(neck_top, -HEAD, -(pose.torso + pose.head))
    bones: _Bones = [
        ("shoulders", shoulders["left"], shoulders["right"]),
        ("trunk", centre_hip, centre_shoulder),
        ("neck", centre_shoulder, neck_top),
        ("hips", (-half_hips, 0.0), (half_hips, 0.0)),
    ]
    for side, sign in (("left", -1), ("right", 1)):
        raise_ = getattr(pose, f"{side}_shoulder")
        bent = raise_ + getattr(pose, f"{side}_elbow")
        seen = math.cos(math.radians(getattr(pose, f"{side}_reach")))  # turned to the viewer
        elbow = _point(shoulders[side], UPPER_ARM * seen, sign * raise_ + pose.torso)
        wrist = _point(elbow, FOREARM * seen, sign * bent + pose.torso)
        hand = _point(
            wrist, HAND * seen, sign * (bent + getattr(pose, f"{side}_wrist")) + pose.torso
        )
        bones += [
            (f"{side}_upper_arm", shoulders[side], elbow),
            (f"{side}_forearm", elbow, wrist),
            (f"{side}_hand", wrist, hand),
        ]
    for side, sign in (("left", -1), ("right", 1)):
        hip = (sign * half_hips, 0.0)
        opened = sign * getattr(pose, f"{side}_hip")
        if pose.seated:  # the thigh points at us: the knee just beside the hip, seat high
            knee = (hip[0] + sign * 0.2 + 0.55 * THIGH * math.sin(math.radians(opened)), 0.0)
        else:
            knee = _point(hip, THIGH, opened)
        # seated, the shin points at us; a bent knee crosses it over (a figure four)
        shin = (0.0 if pose.seated else opened) - sign * getattr(pose, f"{side}_knee")
        ankle = _point(knee, SHIN, shin)
        toe = (ankle[0] + sign * FOOT * 0.5, ankle[1])
        bones += [(f"{side}_thigh", hip, knee), (f"{side}_shin", knee, ankle),
                  (f"{side}_foot", ankle, toe)]  # fmt: skip
    # turning the head moves the face round: the eyes slide, the nose comes out in profile
    turn = max(-1.0, min(1.0, pose.head_turn))
    level = _point(head, HEAD * 0.15, 180 - pose.torso - pose.head)
    eyes = tuple(
        (level[0] + HEAD * (offset + turn * 0.45), level[1])
        for offset in (-0.35, 0.35)
        if abs(offset + turn * 0.45) < 0.7
    )
    nose = None
    if abs(turn) > 0.3:
        nose = (
            (head[0] + turn * HEAD * 0.6, head[1] - HEAD * 0.2),
            (head[0] + turn * HEAD * 1.6, head[1] - HEAD * 0.3),
        )
    return bones, head, nose, eyes


def _prop(name: str, view: str, bones: tuple[tuple[str, Point, Point], ...]) -> Prop:
    """The prop ``name`` as seen in ``view``; the bottle goes in the figure's hands."""
    s, d = SEAT_HEIGHT, DESK_HEIGHT
    if name == "bottle":
        x, y = next(end for bone, _, end in bones if bone == "right_hand")  # in one hand
        return Prop(name, view, (((x, y - 0.35), (x, y + 0.45)),))
    if name == "chair" and view == "side":
        seat, back = ((-1.4, s), (0.9, s)), ((-1.4, s), (-1.4, s + 2.0))
        legs = (((-1.2, s), (-1.2, 0.0)), ((0.7, s), (0.7, 0.0)))
        return Prop(name, view, (seat, back, *legs), (seat, back))
    if name == "chair":  # from the front: the seat under the hips, the back behind
        seat = ((-1.1, s), (1.1, s))
        posts = (((-0.9, s), (-0.9, s + 2.6)), ((0.9, s), (0.9, s + 2.6)))
        top = ((-0.9, s + 2.6), (0.9, s + 2.6))
        legs = (((-1.0, s), (-1.0, 0.0)), ((1.0, s), (1.0, 0.0)))
        return Prop(name, view, (seat, *posts, top, *legs))  # the arms hang in front of it
    if name == "wall" and view == "front":  # the wall behind the figure, as a panel
        edges = (((-3.2, 0.0), (-3.2, 9.8)), ((3.2, 0.0), (3.2, 9.8)), ((-3.2, 9.8), (3.2, 9.8)))
        return Prop(name, view, edges)
    if name in ("wall", "wall_behind"):
        x = WALL_X if name == "wall" else WALL_BEHIND_X
        face = ((x, 0.0), (x, 9.8))
        return Prop(name, view, (face,), (face,))
    if name == "desk" and view == "side":
        top = ((1.0, d), (4.4, d))
        legs = (((1.6, d), (1.6, 0.0)), ((4.2, d), (4.2, 0.0)))
        return Prop(name, view, (top, *legs), (top,))
    if name == "desk":  # side-on, at the figure's left: its end, seen from the front
        top = ((-4.4, d), (-1.7, d))
        legs = (((-4.2, d), (-4.2, 0.0)), ((-1.9, d), (-1.9, 0.0)))
        return Prop(name, view, (top, *legs), (top,))
    if name == "stairs":
        lines: list[Segment] = []
        for step in range(3):
            x, y = 0.6 + step * STEP_RUN, step * STEP_RISE
            lines += [
                ((x, y), (x, y + STEP_RISE)),
                ((x, y + STEP_RISE), (x + STEP_RUN, y + STEP_RISE)),
            ]
        return Prop(name, view, tuple(lines), tuple(lines))
    # far: hills on the horizon, something far away to rest the eyes on
    hills = (((2.4, 8.2), (3.1, 9.0)), ((3.1, 9.0), (3.6, 8.5)), ((3.6, 8.5), (4.1, 9.2)))
    return Prop(name, view, hills)
