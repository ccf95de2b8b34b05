"""The built documentation (``docs/_build/html``) in a browser, offline.

The notebook pages must show no error output, no dollar amount as maths, every
dashboard as a widget (its saved view, not a text repr), the solutions folded,
and dollar amounts as text.
"""

from __future__ import annotations

import json

import pytest

from browser.browser_helpers import MATH_AS_TEXT, WIDGETS_AS_TEXT, problems
from browser.conftest import NOTEBOOKS

TEACHING = ["index", "course-map", "instructor-guide", "problem-sets", "answer-keys"]
PAGES = [
    "index",
    "how-to/use-the-sliders-in-class",
    *(f"notebooks/{p.stem}" for p in NOTEBOOKS),
    *(f"teaching/{name}" for name in TEACHING),
]


def has_dashboard(name: str) -> bool:
    stem = name.removeprefix("notebooks/")
    notebook = next((p for p in NOTEBOOKS if p.stem == stem), None)
    if notebook is None:
        return name == "how-to/use-the-sliders-in-class"
    cells = json.loads(notebook.read_text())["cells"]
    return any("ng.explore(" in "".join(c["source"]) for c in cells if c["cell_type"] == "code")


@pytest.mark.parametrize("name", PAGES)
def test_docs_page(docs_site, page, name):
    page.goto(f"{docs_site}{name}.html")
    page.wait_for_load_state("load")
    main = "article"
    outputs = page.locator(f"{main} .cell_output")
    errors = page.locator(
        f"{main} .cell_output .output.error, {main} .cell_output .output.traceback"
    )
    stderr = page.locator(f"{main} .cell_output .output.stderr")
    assert errors.count() == 0
    assert stderr.count() == 0
    assert problems(page, MATH_AS_TEXT, main) == []
    assert problems(page, WIDGETS_AS_TEXT, main) == []
    if has_dashboard(name):
        views = page.locator(f"{main} script[type='application/vnd.jupyter.widget-view+json']")
        assert views.count() >= 1, "a dashboard is saved as a widget view"
    if name.startswith("notebooks/"):
        assert outputs.count() > 0
        details = page.locator(f"{main} details")
        assert details.count() >= 2
        assert page.locator(f"{main} details[open]").count() == 0  # folded until opened
        assert "Solution 1" in details.first.locator("summary").inner_text()
    if name == "notebooks/01_timeline_and_numbers":
        assert "$438.9bn" in page.locator(main).inner_text()  # a dollar, as text
