r"""Results as tables: one set of rows per result, then pandas, LaTeX or HTML from them.

Every result (a Nash equilibrium, a bargaining outcome, a repeated game's
critical discount factor, a Bayes–Nash or perfect Bayesian equilibrium, a
tree's equilibrium) has one row formatter, registered on :func:`records` in
:mod:`negotiation.display.tablefmt`. Everything else is shared:

* :func:`to_pandas` builds a ``pandas.DataFrame`` (exact numbers become
  floats, so the columns can be computed with; expressions stay sympy objects);
* :func:`latex_table` writes a booktabs ``tabular`` with exact numbers
  (``\frac{1}{3}``), ready for a paper, without pandas;
* :func:`table_html` draws the same rows in a notebook.

A list of results has the rows of each, numbered in a first column
(``"equilibrium"`` by default). Result classes get ``.to_pandas()`` and
``.to_latex()`` by inheriting :class:`Tabular`; lists of results come back as
:class:`ResultList`, a ``list`` with the same two methods.

Examples
--------
>>> import negotiation as ng
>>> from negotiation import display
>>> pd_game = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("Truce", "Escalate"),
...                             players=("US", "China"))
>>> table = display.records(pd_game.equilibria(exact=True))
>>> table.columns
('equilibrium', 'US', 'China', 'US payoff', 'China payoff', 'kind', 'method')
>>> table.rows
[(1, 'Escalate', 'Escalate', 1, 1, 'pure', 'vertex_enumeration')]
>>> print(display.latex_table(pd_game.equilibria(exact=True)))
\begin{tabular}{rllrrll}
\toprule
equilibrium & US & China & US payoff & China payoff & kind & method \\
\midrule
1 & Escalate & Escalate & 1 & 1 & pure & vertex\_enumeration \\
\bottomrule
\end{tabular}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import singledispatch
from typing import Any, Generic, TypeVar

import numpy as np
import sympy as sp

from negotiation.display.formatting import fmt, fmt_latex, html_table, latex_escape

__all__ = [
    "ResultList",
    "Table",
    "Tabular",
    "latex_table",
    "records",
    "table_html",
    "to_pandas",
]


@dataclass(frozen=True)
class Table:
    """Column names and rows of raw values (strings, sympy numbers or expressions, floats).

    Attributes
    ----------
    columns
        The column names.
    rows
        One tuple per row, in column order.
    caption
        What the table shows (the HTML caption).
    item
        What one result is called: the head of the numbering column of a list.
    """

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    caption: str = ""
    item: str = "result"


@singledispatch
def records(obj: Any) -> Table:
    """The rows of a result, or of a list of results, as a :class:`Table`.

    Raises
    ------
    TypeError
        For an object that is not a result (the message names its type).
    """
    from negotiation import display

    if display._load_formatters():
        return records(obj)
    raise TypeError(
        f"no table for {type(obj).__name__}; tables are for results such as equilibria, "
        "bargaining outcomes and critical discount factors"
    )


def _sequence_records(results: Sequence[Any]) -> Table:
    if not results:
        return Table(("result",), [], "no results")
    tables = [records(r) for r in results]
    index = tables[0].item
    columns: list[str] = []
    for t in tables:
        columns.extend(c for c in t.columns if c not in columns)
    rows = []
    for k, t in enumerate(tables, start=1):
        for row in t.rows:
            values = dict(zip(t.columns, row, strict=True))
            rows.append((k, *(values.get(c, "") for c in columns)))
    count = len(results)
    caption = tables[0].caption
    return Table((index, *columns), rows, f"{caption} ({count})" if count > 1 else caption, index)


@records.register(list)
@records.register(tuple)
def _list_records(results: Sequence[Any]) -> Table:
    return _sequence_records(results)


# ---------------------------------------------------------------------- outputs
def _cell_number(value: Any) -> Any:
    """A cell for pandas: numbers as floats (exact or not), the rest as they are."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value) if not isinstance(value, int | np.integer) else int(value)
    if isinstance(value, sp.Integer):
        return int(value)
    if isinstance(value, sp.Basic) and value.is_number:
        try:
            return float(value)
        except TypeError:  # a complex number: keep it as it is
            return value
    return value


def to_pandas(obj: Any) -> Any:
    """A ``pandas.DataFrame`` of a result or a list of results (pandas must be installed).

    Exact numbers become floats (``1/3`` is ``0.3333...``) so the columns can
    be computed with; symbolic payoffs stay sympy expressions. For the exact
    form in a paper use :func:`latex_table`.

    Raises
    ------
    MissingExtraError
        Without pandas (it is in the ``notebooks`` and ``sweeps`` extras).
    """
    table = records(obj)
    try:
        import pandas as pd
    except ModuleNotFoundError as err:
        from negotiation.errors import MissingExtraError

        raise MissingExtraError(
            'to_pandas() needs pandas, which is not installed; pip install "negotiation[notebooks]"'
        ) from err
    frame = pd.DataFrame(
        [[_cell_number(v) for v in row] for row in table.rows], columns=list(table.columns)
    )
    frame.attrs["caption"] = table.caption
    return frame


def _latex_cell(value: Any) -> str:
    if isinstance(value, str):
        return latex_escape(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | np.integer | sp.Integer):
        return str(int(value))
    if isinstance(value, float | np.floating | sp.Float):
        return fmt(value)
    if isinstance(value, sp.Basic):
        return "$" + fmt_latex(value) + "$"
    return latex_escape(str(value))


def _is_numeric_column(values: Iterable[Any]) -> bool:
    values = list(values)
    return bool(values) and all(
        not isinstance(v, str | bool)
        and (isinstance(v, int | float | np.number) or (isinstance(v, sp.Basic) and v.is_number))
        for v in values
    )


def latex_table(obj: Any) -> str:
    r"""A booktabs LaTeX ``tabular`` of a result or a list of results, numbers exact.

    Needs ``\usepackage{booktabs}``; text is escaped, numbers and expressions
    are typeset in math mode (``$\frac{1}{3}$``).
    """
    table = records(obj)
    align = "".join(
        "r" if _is_numeric_column(row[k] for row in table.rows) else "l"
        for k in range(len(table.columns))
    )
    lines = [rf"\begin{{tabular}}{{{align}}}", r"\toprule"]
    lines.append(" & ".join(_latex_cell(c) for c in table.columns) + r" \\")
    lines.append(r"\midrule")
    for row in table.rows:
        lines.append(" & ".join(_latex_cell(v) for v in row) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines)


def table_html(obj: Any) -> str:
    """The rows of a result or a list of results as an HTML table (what a notebook shows)."""
    table = records(obj)

    def cell(v: Any) -> str:
        return v if isinstance(v, str) else fmt(v)

    return html_table(
        [str(c) for c in table.columns],
        [[cell(v) for v in row] for row in table.rows],
        caption=table.caption or None,
    )


# ---------------------------------------------------------------------- mixins
class Tabular:
    """Gives a result ``.to_pandas()`` and ``.to_latex()``, both from :func:`records`."""

    __slots__ = ()

    def to_pandas(self) -> Any:
        """The result as a one-table ``pandas.DataFrame`` (see :func:`to_pandas`)."""
        return to_pandas(self)

    def to_latex(self) -> str:
        """The result as a booktabs LaTeX ``tabular`` (see :func:`latex_table`)."""
        return latex_table(self)


T = TypeVar("T")


class ResultList(list[T], Generic[T]):
    """A list of results that also reads as a table.

    It is an ordinary ``list`` (indexing, ``len``, equality with lists), plus
    ``.to_pandas()``, ``.to_latex()`` and an HTML table in a notebook.

    Examples
    --------
    >>> import negotiation as ng
    >>> eqs = ng.Game([[1, 0], [0, 1]], [[1, 0], [0, 1]]).equilibria(exact=True)
    >>> len(eqs), eqs.to_pandas()["kind"].tolist()
    (3, ['pure', 'mixed', 'pure'])
    """

    def to_pandas(self) -> Any:
        """Every result's rows in one ``pandas.DataFrame``, numbered by result."""
        return to_pandas(self)

    def to_latex(self) -> str:
        """Every result's rows in one booktabs LaTeX ``tabular``."""
        return latex_table(self)

    def _repr_html_(self) -> str | None:
        if not self:
            return None
        try:
            return table_html(self)
        except TypeError:  # a list of something without a table: the plain repr
            return None
