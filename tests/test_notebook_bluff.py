"""Notebook 10 ("Bluff or resolve?") states results in prose; check them in its own kernel.

The notebook has no visible checks: this test executes it with nbclient, then runs
one more cell in the same kernel that asserts what the prose and the solutions say.
"""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).parent.parent / "notebooks" / "10_bluff_or_resolve.ipynb"

CHECKS = r"""
p_, a_ = sp.Symbol("p", positive=True), sp.Symbol("a", positive=True)
assert resolve == (a_ >= 3)
assert deter == sp.Or(a_ >= 3, p_ >= sp.Rational(1, 5))
assert [eq.kind for eq in equilibria] == ["pooling", "pooling", "semi-separating"]
assert sp.simplify(mix["bluff"] - 4 * p_ / (1 - p_)) == 0
assert sp.simplify(mix["resist"] - 1 / (1 + a_)) == 0
assert sp.simplify(mix["war"] - p_ / (1 + a_)) == 0
assert works.min() >= 0 and works.max() == 1
assert exercise_1 == {"bluff": sp.Rational(4, 9), "resist": sp.Rational(1, 3),
                      "deters": sp.Rational(2, 3), "war": sp.Rational(1, 30)}
assert exercise_2 == (a_ >= 3, sp.true)
assert exercise_3 == sp.Or(a_ >= 2, p_ >= sp.Rational(1, 4))
delayed = model.subs(p=sp.Rational(1, 10), a=1).perfect_bayesian_equilibria()
assert [e.kind for e in delayed] == ["semi-separating"]
assert delayed[0].beliefs["Threaten"]["resolved"] == sp.Rational(1, 5)
assert delayed[0].receiver["Threaten"]["Resist"] == sp.Rational(1, 2)
immediate = model.subs(p=sp.Rational(1, 10), a=4).perfect_bayesian_equilibria()
assert [(e.kind, e.response("Threaten")) for e in immediate] == [("pooling", "Concede")]
print("checked")
"""


@pytest.mark.notebooks
def test_bluff_or_resolve_states_what_the_model_gives():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        check = nbformat.v4.new_code_cell(CHECKS)
        notebook.cells.append(check)
        client.execute_cell(check, len(notebook.cells) - 1)
    assert any("checked" in out.get("text", "") for out in check.outputs)


def test_bluff_or_resolve_follows_the_classroom_conventions():
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    first = notebook.cells[0].source
    for heading in ("Learning objectives", "Prerequisites", "Time", "Level"):
        assert heading in first
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert not any("assert" in c.source for c in code)
    solutions = notebook.cells[[c.source for c in notebook.cells].index("## Solutions") + 1 :]
    assert solutions
    for cell in solutions:
        assert cell.metadata["jupyter"]["source_hidden"] is True
        assert "hide-input" in cell.metadata["tags"]
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert "References" in text
    # Dollar signs in prose open maths in Markdown; amounts are written as US\$ or dollars.
    assert "$bn" not in text
