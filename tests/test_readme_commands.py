"""The README's command table tells the truth (issue 14): every command and option it shows
exists. Each backticked command of the table runs with ``--help``; every ``--option`` written
beside it must appear in that help. A command or option renamed in the code and not in the
README fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"


def _table_commands() -> list[tuple[list[str], list[str]]]:
    """(command path, options) for each command shown in the README's command table."""
    out = []
    for line in README.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `aigov"):
            continue
        cell = line.split(" | ")[0]
        spans = re.findall(r"`([^`]+)`", cell)
        head = spans[0].split()[1:]  # drop "aigov"
        group = head[0] if head and not head[0].startswith("-") else None
        for i, span in enumerate(spans):
            words = span.replace("\\|", "|").split()
            if i == 0:
                words = words[1:]
            elif group and words and words[0] != group:
                words = [group] + words  # "`show NAME`" after "`aigov query list`"
            path = []
            for w in words:
                if w.startswith(("-", "[", '"')) or not re.fullmatch(r"[a-z][a-z0-9-]*(\|[a-z0-9-]+)*", w):
                    break
                path.append(w)
            options = re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", span)
            for alt in path[-1].split("|") if path and "|" in path[-1] else [None]:
                p = path[:-1] + [alt] if alt else path
                out.append((p, options))
    return out


CASES = _table_commands()


def test_the_table_was_read():
    assert len(CASES) >= 15
    assert (["query", "show"], []) in CASES and (["neo4j", "browser"], []) in CASES


@pytest.mark.parametrize("path,options", CASES, ids=[" ".join(p) or "aigov" for p, _ in CASES])
def test_every_command_and_option_the_readme_shows_exists(path, options):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, f"aigov {' '.join(path)} --help: {result.output}"
    for opt in options:
        assert opt in result.output, f"README shows aigov {' '.join(path)} {opt}, which --help does not list"
