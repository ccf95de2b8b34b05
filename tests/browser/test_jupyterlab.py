"""Every classroom notebook as a student sees it: run in JupyterLab, read in Notebook 7.

In JupyterLab each notebook is run with "Run All" and must show no error and no
stderr output, no dollar amount typeset as maths, every dashboard as sliders
(not as text), no text wider than its cell, and — where the notebook has one —
a dashboard whose equilibria change when a slider moves.
"""

from __future__ import annotations

import json

import pytest

from browser.browser_helpers import (
    MATH_AS_TEXT,
    NOTEBOOK_ERRORS,
    OVERFLOW,
    RUN_FINISHED,
    WIDGETS_AS_TEXT,
    move_slider,
    problems,
    settle,
    tables_with,
)
from browser.conftest import NOTEBOOKS

#: A slider to move in a notebook's dashboard: (its label, the value to type, what a
#: table of equilibria shows only after the move).
MOVES = {
    "06_up_front": ("h", "2", "Honour/Renege\tDeliver\t"),  # a pure equilibrium row
    "08_brinkmanship_to_busan": ("C: cost of the collision", "20", "2/19"),
}


def dashboards(path) -> int:
    cells = json.loads(path.read_text())["cells"]
    return sum("ng.explore(" in "".join(c["source"]) for c in cells if c["cell_type"] == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_in_jupyterlab(lab, page, path):
    page.goto(lab.address(f"lab/tree/{path.name}"))
    page.wait_for_function(
        "() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
        " return w && w.content && w.content.model && w.sessionContext.session &&"
        " w.sessionContext.session.kernel && w.sessionContext.session.kernel.status === 'idle' }"
    )
    # the settings of the suite put every cell in the page, so every cell is checked
    assert (
        page.evaluate("window.jupyterapp.shell.currentWidget.content.notebookConfig.windowingMode")
        == "none"
    )
    try:
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_timeout(1000)
        page.wait_for_function(RUN_FINISHED, timeout=300_000, polling=500)
        settle(page)
        notebook = ".jp-NotebookPanel"
        assert problems(page, NOTEBOOK_ERRORS) == [], "error output in the notebook"
        assert problems(page, MATH_AS_TEXT, f"{notebook} .jp-Notebook") == [], "text as maths"
        assert problems(page, WIDGETS_AS_TEXT, notebook) == [], "a widget shown as text"
        assert page.locator(f"{notebook} .jp-OutputArea .widget-slider").count() >= dashboards(
            path
        ), "every dashboard shows its sliders"
        assert problems(page, OVERFLOW, notebook) == [], "text wider than its cell"
        if path.stem in MOVES:
            label, value, shown = MOVES[path.stem]
            assert tables_with(page, shown) == 0
            move_slider(page, label, value, notebook)
            page.wait_for_function(
                "(text) => [...document.querySelectorAll('table.negotiation')]"
                ".some(t => t.innerText.includes(text))",
                arg=shown,
                timeout=60_000,
            )
            assert tables_with(page, shown) >= 1
            assert problems(page, NOTEBOOK_ERRORS) == []
    finally:
        lab.shut_down_kernels()


def test_notebooks_read_the_same_in_notebook_7(lab, page):
    """The markdown of every notebook, as Jupyter Notebook 7 renders it, before running."""
    found = {}
    try:
        for path in NOTEBOOKS:
            page.goto(lab.address(f"notebooks/{path.name}"))
            page.wait_for_selector(".jp-MarkdownOutput")
            settle(page)
            cells = json.loads(path.read_text())["cells"]
            markdown = sum(c["cell_type"] == "markdown" for c in cells)
            assert page.locator(".jp-MarkdownOutput").count() == markdown  # every cell drawn
            found[path.stem] = problems(page, MATH_AS_TEXT, ".jp-Notebook")
            assert page.locator(".jp-MarkdownOutput details").count() >= 1  # folded solutions
    finally:
        lab.shut_down_kernels()
    assert found == {p.stem: [] for p in NOTEBOOKS}
