"""Let ``python -m movebreak`` behave exactly like the ``movebreak`` command."""

from movebreak.cli import main

raise SystemExit(main())
