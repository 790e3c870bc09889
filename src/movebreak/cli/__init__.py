"""The command line: argument parsing, the commands that read files, and the control client."""
