"""The running app: the composition root, its start-up, and the flows that tie windows to files."""
