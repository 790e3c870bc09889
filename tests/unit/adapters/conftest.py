import os

# Qt widget tests run without a screen; the e2e tests use a real X server instead.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
