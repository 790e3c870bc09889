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
UPPER_ARM, FOREARM, HAND, FOOT = 1.55, 1.45, 0.45, 0.7
SEAT_HEIGHT = SHIN  # a chair seat at knee height
PROPS = ("chair", "wall", "desk", "stairs", "bottle", "far")  # bottle: drawn in the hands


@dataclass(frozen=True, slots=True)
class Pose:
    """Joint angles of one key pose. Missing angles are 0 (standing tall, arms down)."""

    view: str = "side"  # side | front
    torso: float = 0.0
    head: float = 0.0
    head_turn: float = 0.0  # front view: -1 (looks left) .. 1 (looks right)
    twist: float = 0.0  # front view: shoulders turned, degrees
    shoulder_lift: float = 0.0  # figure units: a shrug
    left_shoulder: float = 0.0
    left_elbow: float = 0.0
    left_wrist: float = 0.0
    right_shoulder: float = 0.0
    right_elbow: float = 0.0
    right_wrist: float = 0.0
    left_hip: float = 0.0
    left_knee: float = 0.0
    right_hip: float = 0.0
    right_knee: float = 0.0
    lift: float = 0.0  # added after the feet are put on the floor: up on the toes
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
class Drawing:
    """What to draw: segments ((x1, y1), (x2, y2)) by body part, a head, and a prop."""

    segments: tuple[tuple[tuple[float, float], tuple[float, float]], ...]
    head_centre: tuple[float, float]
    head_radius: float
    nose: tuple[float, float] | None
    prop: str
    seated: bool
    eyes_closed: bool


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
    return frames[index].between(frames[(index + 1) % count], eased)


def _ease(t: float) -> float:
    return t * t * (3 - 2 * t)


def draw(pose: Pose) -> Drawing:
    """The figure in ``pose``, grounded on the floor (or on the chair when seated)."""
    return _front(pose) if pose.view == "front" else _side(pose)


def _point(origin: tuple[float, float], length: float, degrees: float) -> tuple[float, float]:
    """The point ``length`` from ``origin`` at ``degrees`` from straight down (+ is +x)."""
    radians = math.radians(degrees)
    return (origin[0] + length * math.sin(radians), origin[1] - length * math.cos(radians))


def _side(pose: Pose) -> Drawing:
    hip = (0.0, 0.0)
    # the trunk points up: "down" rotated by 180, leaning forward with +torso
    shoulder = _point(hip, -TORSO, -pose.torso)
    shoulder = (shoulder[0], shoulder[1] + pose.shoulder_lift)
    neck_top = _point(shoulder, -NECK, -(pose.torso + pose.head * 0.5))
    head = _point(neck_top, -HEAD, -(pose.torso + pose.head))
    segments = [(hip, shoulder), (shoulder, neck_top)]
    for side in ("left", "right"):
        upper = getattr(pose, f"{side}_shoulder") + pose.torso
        elbow = _point(shoulder, UPPER_ARM, upper)
        lower = upper + getattr(pose, f"{side}_elbow")
        wrist = _point(elbow, FOREARM, lower)
        hand = _point(wrist, HAND, lower + getattr(pose, f"{side}_wrist"))
        segments += [(shoulder, elbow), (elbow, wrist), (wrist, hand)]
    feet = []
    for side in ("left", "right"):
        thigh = getattr(pose, f"{side}_hip")
        knee = _point(hip, THIGH, thigh)
        shin = thigh - getattr(pose, f"{side}_knee")
        ankle = _point(knee, SHIN, shin)
        toe = _point(ankle, FOOT, shin + 90)
        segments += [(hip, knee), (knee, ankle), (ankle, toe)]
        feet += [ankle[1], toe[1]]
    floor = SEAT_HEIGHT if pose.seated else -min(feet)
    shift = floor + pose.lift
    moved = tuple(((a[0], a[1] + shift), (b[0], b[1] + shift)) for a, b in segments)
    nose = _point(head, HEAD, -(pose.torso + pose.head) - 90)
    return Drawing(
        segments=moved,
        head_centre=(head[0], head[1] + shift),
        head_radius=HEAD,
        nose=(nose[0], nose[1] + shift),
        prop=pose.prop or ("chair" if pose.seated else ""),
        seated=pose.seated,
        eyes_closed=pose.eyes_closed,
    )


def _front(pose: Pose) -> Drawing:
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
    segments = [
        (shoulders["left"], shoulders["right"]),
        (centre_hip, centre_shoulder),
        (centre_shoulder, neck_top),
        ((-half_hips, 0.0), (half_hips, 0.0)),
    ]
    for side, sign in (("left", -1), ("right", 1)):
        raise_ = getattr(pose, f"{side}_shoulder")
        elbow = _point(shoulders[side], UPPER_ARM, sign * raise_ + pose.torso)
        wrist = _point(elbow, FOREARM, sign * (raise_ + getattr(pose, f"{side}_elbow")))
        hand = _point(wrist, HAND, sign * (raise_ + getattr(pose, f"{side}_elbow")))
        segments += [(shoulders[side], elbow), (elbow, wrist), (wrist, hand)]
        if pose.prop == "bottle":  # a bottle in each hand, as a short upright bar
            segments.append(((hand[0], hand[1] - 0.35), (hand[0], hand[1] + 0.45)))
    lows = []
    for side, sign in (("left", -1), ("right", 1)):
        hip = (sign * half_hips, 0.0)
        knee = _point(
            hip, THIGH * (0.55 if pose.seated else 1.0), sign * getattr(pose, f"{side}_hip")
        )
        ankle = _point(knee, SHIN, sign * getattr(pose, f"{side}_hip") * 0.3)
        toe = (ankle[0] + sign * FOOT * 0.5, ankle[1])
        segments += [(hip, knee), (knee, ankle), (ankle, toe)]
        lows += [ankle[1]]
    floor = SEAT_HEIGHT if pose.seated else -min(lows)
    shift = floor + pose.lift
    moved = tuple(((a[0], a[1] + shift), (b[0], b[1] + shift)) for a, b in segments)
    nose = (head[0] + pose.head_turn * HEAD * 0.7, head[1] + shift - HEAD * 0.1)
    return Drawing(
        segments=moved,
        head_centre=(head[0], head[1] + shift),
        head_radius=HEAD,
        nose=nose,
        prop=pose.prop or ("chair" if pose.seated else ""),
        seated=pose.seated,
        eyes_closed=pose.eyes_closed,
    )
