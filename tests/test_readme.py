"""The README's settings table is generated from the schema; it must not drift."""

from pathlib import Path

from movebreak.core.settings_text import settings_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_settings_table_matches_the_schema() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n", text.index("<!-- settings-table")) + 1
    end = text.index("<!-- /settings-table -->")
    assert text[start:end] == settings_table(), "regenerate: print(settings_table())"


def test_ci_runs_the_readmes_test_command_verbatim() -> None:
    text = README.read_text(encoding="utf-8")
    command = text.split("## Run the tests", 1)[1].split("```sh\n", 1)[1].split("\n", 1)[0]
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()
