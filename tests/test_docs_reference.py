"""The API reference in docs/reference/ documents every public name, so it cannot fall behind.

A name counts as documented when an autodoc directive of some
``docs/reference/*.md`` page names it in full: ``.. autoclass::
negotiation.Game``, ``.. autofunction:: negotiation.plotting.plot_game``, ...
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import negotiation
import negotiation.plotting

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference"
DIRECTIVE = re.compile(
    r"^\.\.\s+auto(?:class|function|exception|data|module|method|attribute)::\s+(\S+)\s*$",
    re.MULTILINE,
)


def documented() -> set[str]:
    """Every dotted name given to an autodoc directive in the reference pages."""
    names: set[str] = set()
    for page in sorted(REFERENCE.glob("*.md")):
        names.update(DIRECTIVE.findall(page.read_text(encoding="utf-8")))
    return names


def test_reference_pages_exist() -> None:
    assert (REFERENCE / "index.md").is_file()
    assert len(list(REFERENCE.glob("*.md"))) >= 2


def test_directive_pattern_reads_a_page() -> None:
    text = "```{eval-rst}\n.. autoclass:: negotiation.Game\n   :members:\n```\n"
    assert DIRECTIVE.findall(text) == ["negotiation.Game"]


@pytest.mark.parametrize("name", sorted(set(negotiation.__all__) - {"__version__"}))
def test_public_name_is_in_the_reference(name: str) -> None:
    assert f"negotiation.{name}" in documented(), (
        f"negotiation.{name} is in negotiation.__all__ but no docs/reference/*.md page has "
        f"an autodoc directive for it; add e.g. '.. autoclass:: negotiation.{name}' (or "
        f"autofunction / autoexception) to the page of its topic"
    )


@pytest.mark.parametrize("name", sorted(negotiation.plotting.__all__))
def test_plotting_function_is_in_the_reference(name: str) -> None:
    assert f"negotiation.plotting.{name}" in documented(), (
        f"negotiation.plotting.{name} is public but docs/reference/plotting.md has no "
        f"'.. autofunction:: negotiation.plotting.{name}'"
    )


def indexed(text: str) -> list[str]:
    """The names of the directives in ``text`` that are not marked ``:no-index:``."""
    names = []
    for match in DIRECTIVE.finditer(text):
        options = re.match(r"(?:[ \t]+:[\w-]+:.*\n?)*", text[match.end() + 1 :])
        if ":no-index:" not in (options.group(0) if options else ""):
            names.append(match.group(1))
    return names


def test_no_index_option_is_recognised() -> None:
    text = ".. autoclass:: negotiation.Game\n   :no-index:\n\n.. autoclass:: negotiation.Game\n"
    assert indexed(text) == ["negotiation.Game"]


def test_no_name_is_documented_twice() -> None:
    """Sphinx fails on duplicate object descriptions; catch them before the docs build."""
    seen: dict[str, str] = {}
    twice = []
    for page in sorted(REFERENCE.glob("*.md")):
        for name in indexed(page.read_text(encoding="utf-8")):
            if name in seen:
                twice.append(f"{name} ({seen[name]} and {page.name})")
            seen.setdefault(name, page.name)
    assert not twice, "documented twice: " + ", ".join(twice)
