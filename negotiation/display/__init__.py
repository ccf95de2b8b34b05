"""One formatting path for every model and result: plain text, HTML and LaTeX.

Three generic functions, :func:`text`, :func:`html` and :func:`latex`, dispatch
on the type of what they format (:func:`functools.singledispatch`, as SymPy's
printers do); :func:`short` gives the one-line, constructor-like form used by
``repr``. Each output has its own module (:mod:`~negotiation.display.textfmt`,
:mod:`~negotiation.display.htmlfmt`, :mod:`~negotiation.display.latexfmt`) in which
every model registers one formatter, so a game or an equilibrium looks the
same in a terminal, a notebook and on a slide. Models call these functions
from ``__str__``, ``__repr__``, ``_repr_html_`` and ``_repr_latex_``.

Results also read as tables (:mod:`~negotiation.display.tables`): :func:`records`
gives a result's (or a list of results') rows, one formatter per result in
:mod:`~negotiation.display.tablefmt`; :func:`to_pandas` and :func:`latex_table`
turn them into a DataFrame and a LaTeX ``tabular`` for papers. Result classes
inherit :class:`Tabular` for ``.to_pandas()`` and ``.to_latex()``, and solvers
return lists of results as :class:`ResultList`, which has the same methods.

Examples
--------
>>> import negotiation as ng
>>> from negotiation import display
>>> g = ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("US", "China"))
>>> print(display.text(g))
US \\ China   c0     c1
r0           3, 3   0, 5
r1           5, 0   1, 1
>>> display.latex(g).splitlines()[0]
'\\\\begin{array}{r|cc}'
"""

from __future__ import annotations

import importlib
from functools import singledispatch
from typing import Any

from negotiation.display.formatting import (
    fmt,
    fmt_latex,
    html_table,
    latex_text,
    quantity,
    text_table,
)
from negotiation.display.tables import (
    ResultList,
    Table,
    Tabular,
    latex_table,
    records,
    table_html,
    to_pandas,
)

__all__ = [
    "ResultList",
    "Table",
    "Tabular",
    "fmt",
    "fmt_latex",
    "html",
    "html_table",
    "latex",
    "latex_table",
    "latex_text",
    "quantity",
    "records",
    "short",
    "table_html",
    "text",
    "text_table",
    "to_pandas",
]

_FORMATTERS = (
    "negotiation.display.textfmt",
    "negotiation.display.htmlfmt",
    "negotiation.display.latexfmt",
    "negotiation.display.tablefmt",
)
_loaded = False


def _load_formatters() -> bool:  # also used by negotiation.display.tables
    """Import the formatter modules once (they import the models, so not at import time)."""
    global _loaded
    if _loaded:
        return False
    _loaded = True
    for name in _FORMATTERS:
        importlib.import_module(name)
    return True


@singledispatch
def text(obj: Any) -> str:
    """The plain-text form of a model or result (what ``print`` shows)."""
    if _load_formatters():
        return text(obj)
    raise TypeError(f"no text formatter for {type(obj).__name__}")


@singledispatch
def short(obj: Any) -> str:
    """The one-line, constructor-like form of a model or result (what ``repr`` shows)."""
    if _load_formatters():
        return short(obj)
    raise TypeError(f"no short formatter for {type(obj).__name__}")


@singledispatch
def html(obj: Any) -> str:
    """The HTML form of a model or result (what a notebook shows)."""
    if _load_formatters():
        return html(obj)
    raise TypeError(f"no HTML formatter for {type(obj).__name__}")


@singledispatch
def latex(obj: Any) -> str:
    """The LaTeX form of a model or result, without surrounding dollar signs."""
    if _load_formatters():
        return latex(obj)
    raise TypeError(f"no LaTeX formatter for {type(obj).__name__}")
