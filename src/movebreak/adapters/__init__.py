"""Thin wrappers around one foreign thing each: pynput, APScheduler, files, clocks."""
