"""Pure logic: no Qt, no threads, no I/O, no clock reads."""
