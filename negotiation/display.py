"""One formatting path for every result: plain text, HTML and LaTeX.

Models and results call these functions from ``__repr__``, ``__str__``,
``_repr_html_`` and ``_repr_latex_``, so a game or an equilibrium looks the
same in a terminal, a notebook and on a slide.

Examples
--------
>>> import negotiation as ng
>>> print(ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("US", "China")))
US \\ China   c0     c1
r0           3, 3   0, 5
r1           5, 0   1, 1
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

if TYPE_CHECKING:
    from negotiation.games.normal_form import Equilibrium, Game

__all__ = [
    "equilibrium_html",
    "equilibrium_latex",
    "equilibrium_repr",
    "equilibrium_text",
    "fmt",
    "fmt_latex",
    "game_html",
    "game_latex",
    "game_repr",
    "game_text",
    "html_table",
    "text_table",
]


def fmt(value: Any, digits: int = 4) -> str:
    """A short text form of a number or expression (floats to ``digits`` significant digits).

    Examples
    --------
    >>> fmt(sp.Rational(1, 3)), fmt(0.333333333), fmt(sp.Float(0.55))
    ('1/3', '0.3333', '0.55')
    """
    if isinstance(value, float | np.floating):
        return f"{float(value):.{digits}g}"
    if isinstance(value, sp.Float):
        return f"{float(value):.{max(digits, 6)}g}"
    if isinstance(value, sp.Basic):
        if value.is_Number and not value.is_Rational:
            return f"{float(value):.{digits}g}"
        return str(value)
    if isinstance(value, int | np.integer):
        return str(int(value))
    return str(value)


def fmt_latex(value: Any, digits: int = 4) -> str:
    """A LaTeX form of a number or expression.

    Examples
    --------
    >>> fmt_latex(sp.Rational(1, 3))
    '\\\\frac{1}{3}'
    """
    if isinstance(value, float | np.floating | sp.Float):
        return fmt(value, digits)
    if isinstance(value, sp.Basic):
        return sp.latex(value)
    return fmt(value, digits)


def _latex_text(label: str) -> str:
    special = {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "_": r"\_",
        "&": r"\&",
        "%": r"\%",
        "#": r"\#",
        "$": r"\$",
        "^": r"\textasciicircum{}",
        "~": r"\textasciitilde{}",
    }
    return r"\text{" + "".join(special.get(ch, ch) for ch in label) + "}"


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns separated by three spaces.

    Examples
    --------
    >>> print(text_table(["a", "bb"], [["1", "2"]]))
    a   bb
    1   2
    """
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    lines = [
        "   ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
        for line in [header, *rows]
    ]
    return "\n".join(lines)


def html_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], caption: str | None = None
) -> str:
    """An HTML table with escaped cells (cells may carry ``(text, css_style)`` pairs)."""

    def cell(tag: str, c: Any) -> str:
        if isinstance(c, tuple):
            text, style = c
            return f'<{tag} style="{style}">{html.escape(str(text))}</{tag}>'
        return f"<{tag}>{html.escape(str(c))}</{tag}>"

    parts = ['<table class="negotiation">']
    if caption:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(cell("th", h) for h in header) + "</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        parts.append(
            "<tr>" + cell("th", row[0]) + "".join(cell("td", c) for c in row[1:]) + "</tr>"
        )
    parts.append("</tbody></table>")
    return "".join(parts)


# ---------------------------------------------------------------------- games
def _cells(game: Game, formatter: Any) -> list[list[str]]:
    m, n = game.shape
    return [
        [
            f"{formatter(game.row_payoffs[i, j])}, {formatter(game.col_payoffs[i, j])}"
            for j in range(n)
        ]
        for i in range(m)
    ]


def game_repr(game: Game) -> str:
    """A short, constructor-like representation."""

    def matrix(M: sp.Matrix) -> str:
        return (
            "["
            + ", ".join("[" + ", ".join(fmt(v) for v in M.row(i)) + "]" for i in range(M.rows))
            + "]"
        )

    parts = [matrix(game.row_payoffs), matrix(game.col_payoffs), f"players={game.players!r}"]
    parts.append(f"strategies={game.strategies!r}")
    if game.name:
        parts.append(f"name={game.name!r}")
    return "Game(" + ", ".join(parts) + ")"


def game_text(game: Game) -> str:
    """The bimatrix as a text table (row payoff first in each cell)."""
    header = [f"{game.players[0]} \\ {game.players[1]}", *game.strategies[1]]
    rows = [
        [label, *cells] for label, cells in zip(game.strategies[0], _cells(game, fmt), strict=True)
    ]
    table = text_table(header, rows)
    return f"{game.name}\n{table}" if game.name else table


def game_html(game: Game) -> str:
    """The bimatrix as an HTML table, with its parameters listed when it is symbolic."""
    header = [f"{game.players[0]} \\ {game.players[1]}", *game.strategies[1]]
    rows = [
        [label, *cells] for label, cells in zip(game.strategies[0], _cells(game, fmt), strict=True)
    ]
    out = html_table(header, rows, caption=game.name)
    if game.parameters:
        out += "<p>Parameters: " + html.escape(", ".join(p.name for p in game.parameters)) + "</p>"
    return out


def game_latex(game: Game) -> str:
    """The bimatrix as a LaTeX array with player and strategy labels."""
    m, n = game.shape
    head = _latex_text(game.players[0]) + r" \backslash " + _latex_text(game.players[1])
    lines = [r"\begin{array}{r|" + "c" * n + "}"]
    lines.append(
        head + " & " + " & ".join(_latex_text(s) for s in game.strategies[1]) + r" \\ \hline"
    )
    cells = _cells(game, lambda v: fmt_latex(v))
    for i in range(m):
        row = " & ".join(c.replace(", ", r",\ ") for c in cells[i])
        lines.append(_latex_text(game.strategies[0][i]) + " & " + row + r" \\")
    lines.append(r"\end{array}")
    return "\n".join(lines)


# ---------------------------------------------------------------------- equilibria
def _vector(v: Any) -> str:
    return "(" + ", ".join(fmt(x) for x in v) + ")"


def equilibrium_repr(eq: Equilibrium) -> str:
    """A constructor-like one-line representation."""
    return (
        f"Equilibrium(row={_vector(eq.row)}, col={_vector(eq.col)}, "
        f"payoffs=({fmt(eq.payoffs[0])}, {fmt(eq.payoffs[1])}), method={eq.method!r})"
    )


def _strategy_words(labels: Sequence[str], probs: Sequence[Any]) -> str:
    parts = []
    for label, p in zip(labels, probs, strict=True):
        if isinstance(p, sp.Basic) and not p.is_number:
            parts.append(f"{label} with probability {fmt(p)}")
        elif float(p) == 1.0:
            return label
        elif float(p) != 0:
            parts.append(f"{label} with probability {fmt(p)}")
    return ", ".join(parts)


def equilibrium_text(eq: Equilibrium) -> str:
    """A sentence per player and the payoffs."""
    row_labels, col_labels = eq.strategies
    if not row_labels:
        return equilibrium_repr(eq)
    text = (
        f"{eq.players[0]} plays {_strategy_words(row_labels, eq.row)}; "
        f"{eq.players[1]} plays {_strategy_words(col_labels, eq.col)}; "
        f"payoffs ({fmt(eq.payoffs[0])}, {fmt(eq.payoffs[1])})"
    )
    if eq.condition is not sp.true:
        text += f"; valid when {eq.condition}"
    return text


def equilibrium_html(eq: Equilibrium) -> str:
    """A small labelled table: each strategy's probability, then the payoffs."""
    rows = []
    for p in range(2):
        probs = eq.row if p == 0 else eq.col
        labels = eq.strategies[p] or tuple(str(k) for k in range(len(probs)))
        rows.append(
            [
                eq.players[p],
                ", ".join(f"{s}: {fmt(x)}" for s, x in zip(labels, probs, strict=True)),
                fmt(eq.payoffs[p]),
            ]
        )
    caption = f"Nash equilibrium ({'pure' if eq.is_pure else 'mixed'}; {eq.method})"
    out = html_table(["player", "strategy", "payoff"], rows, caption=caption)
    if eq.condition is not sp.true:
        out += "<p>Valid when " + html.escape(str(eq.condition)) + "</p>"
    return out


def equilibrium_latex(eq: Equilibrium) -> str:
    """The equilibrium as ``x = (...), y = (...)`` with payoffs."""

    def vec(v: Any) -> str:
        return r"\left(" + ", ".join(fmt_latex(x) for x in v) + r"\right)"

    return (
        f"x = {vec(eq.row)},\\ y = {vec(eq.col)},\\ "
        f"u = \\left({fmt_latex(eq.payoffs[0])}, {fmt_latex(eq.payoffs[1])}\\right)"
    )
