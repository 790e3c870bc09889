"""movebreak: notices how long you have been sitting and prompts you to move."""

__version__ = "0.1.0"
