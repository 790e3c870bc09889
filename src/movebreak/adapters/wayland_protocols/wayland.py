"""The core protocol's classes the generated modules here import, taken from pywayland."""

from pywayland.protocol.wayland import WlSeat, WlSeatProxy

__all__ = ["WlSeat", "WlSeatProxy"]
