"""Qt widgets that render views and emit intents; presenters hold the wording."""
