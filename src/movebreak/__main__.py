"""Let ``python -m movebreak`` behave exactly like the ``movebreak`` command."""

from movebreak.cli.main import main

raise SystemExit(main())
