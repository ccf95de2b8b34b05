"""The classroom notebooks: they run, their claims hold, and they read as course material.

Each notebook is executed top to bottom with a real Jupyter kernel (nbclient). The
claims its prose makes are checked by the functions of
``tests/notebook_checks/check_<notebook>.py``: ``after_<cell id>`` runs in the
notebook's kernel right after the cell with that id, and its parameters are the
notebook variables it reads. Students never see these checks; the notebooks hold
no ``assert``. The solutions to the exercises are folded ``<details>`` blocks whose
code a student copies to run; the test runs that code where the solution stands,
then its check.

The other tests read the committed notebooks: no outputs, no test code, no
reference to documents students do not have, a header that says what is learnt,
for whom and in how long, references, exercises with folded solutions, and dollar
amounts written so that JupyterLab does not read them as mathematics.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import re
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHECKS = Path(__file__).resolve().parent / "notebook_checks"
IDS = [p.stem for p in NOTEBOOKS]

CODE_BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
# A dollar amount Markdown would hand to MathJax: "$438.9bn", "\$170m", "US$ 12bn".
# JupyterLab typesets "\$" as a maths delimiter too, so amounts are written "$\$$438.9bn".
MONEY = re.compile(r"(?<![$\\])\\?\$\s?\d[\d.,]*\s?(?:bn|tn|m\b|billion|million|trillion)")


def _cells(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict[str, Any]) -> str:
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def _checks(path: Path) -> ModuleType:
    file = CHECKS / f"check_{path.stem}.py"
    spec = importlib.util.spec_from_file_location(f"notebook_check_{path.stem}", file)
    assert spec is not None, f"no checks for {path.name}: {file}"
    assert spec.loader is not None, f"no checks for {path.name}: {file}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _check_cells(module: ModuleType) -> dict[str, str]:
    """The code to run after each cell id: the check function and a call with its inputs."""
    code = {}
    for name, function in vars(module).items():
        if not (name.startswith("after_") and inspect.isfunction(function)):
            continue
        inputs = tuple(inspect.signature(function).parameters)
        source = textwrap.dedent(inspect.getsource(function))
        call = f"{name}(**{{_name: globals()[_name] for _name in {inputs!r}}})"
        code[name.removeprefix("after_")] = f"{source}\n{call}\ndel {name}\n"
    return code


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_and_its_claims_hold(path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(path, as_version=4)
    checks = _check_cells(_checks(path))
    cells = []
    for cell in notebook.cells:
        cells.append(cell)
        if cell.cell_type == "markdown" and cell.source.startswith("<details>"):
            cells.extend(
                nbformat.v4.new_code_cell(code) for code in CODE_BLOCK.findall(cell.source)
            )
        if cell.get("id") in checks:
            cells.append(nbformat.v4.new_code_cell(checks.pop(cell["id"])))
    assert not checks, f"checks for cells {sorted(checks)} that {path.name} does not have"
    notebook.cells = cells
    client = nbclient.NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    for cell in _cells(path):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == []
            assert cell.get("execution_count") is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_test_code_in_front_of_students(path: Path) -> None:
    visible = [
        _source(cell)
        for cell in _cells(path)
        if cell["cell_type"] == "code" and re.search(r"^\s*assert\b", _source(cell), re.M)
    ]
    assert not visible, f"{path.name}: move these asserts to {CHECKS.name}/:\n" + "\n".join(visible)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_reference_to_documents_students_do_not_have(path: Path) -> None:
    text = "\n".join(_source(cell) for cell in _cells(path))
    found = re.findall(r"[^\n]*(?:(?i:domain brief|the brief)|\bGame [A-C]\b)[^\n]*", text)
    assert not found, f"{path.name}: {found}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_header_says_what_is_learnt_for_whom_and_in_how_long(path: Path) -> None:
    header = _source(_cells(path)[0])
    assert header.startswith(f"# {int(path.stem[:2])}. ")
    for part in ("**What you will learn.**", "**Prerequisites.**", "**Time and level.**"):
        assert part in header, f"{path.name}: the first cell has no {part}"
    assert re.search(r"About \d+ minutes", header)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_ends_with_exercises_folded_solutions_and_references(path: Path) -> None:
    cells = _cells(path)
    headings = [
        (i, line)
        for i, cell in enumerate(cells)
        if cell["cell_type"] == "markdown"
        for line in _source(cell).splitlines()
        if line.startswith("## ")
    ]
    names = [line for _, line in headings]
    assert names[-3:] == ["## Exercises", "## Solutions", "## References"], names
    start = next(i for i, line in headings if line == "## Solutions")
    end = next(i for i, line in headings if line == "## References")
    solutions = cells[start + 1 : end]
    assert solutions, f"{path.name} has no solutions"
    # folded in JupyterLab, Notebook 7 and the docs alike, and not run by "Run All":
    # a code cell, even collapsed, would print its answer as soon as it ran
    for cell in solutions:
        text = _source(cell)
        assert cell["cell_type"] == "markdown", f"{path.name}: a solution as a code cell: {text}"
        assert text.startswith("<details><summary><b>Solution"), text
        assert text.endswith("</details>"), text
    assert any(CODE_BLOCK.search(_source(cell)) for cell in solutions)
    references = _source(cells[end])
    assert references.count("\n* ") >= 2, "the references list each paper and data source"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_dollar_amounts_are_not_maths(path: Path) -> None:
    for cell in _cells(path):
        if cell["cell_type"] != "markdown":
            continue
        text = _source(cell).replace("$\\$$", "")
        assert "\\$" not in text, f"{path.name}: JupyterLab reads '\\$' as maths; write '$\\$$'"
        assert not MONEY.findall(text), f"{path.name}: {MONEY.findall(text)}; write '$\\$$'"


def test_every_notebook_has_its_checks() -> None:
    assert {f"check_{p.stem}.py" for p in NOTEBOOKS} == {p.name for p in CHECKS.glob("*.py")}
