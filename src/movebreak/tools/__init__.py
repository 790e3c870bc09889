"""Developer tools run by hand (``python -m movebreak.tools.NAME``), not by the app."""
