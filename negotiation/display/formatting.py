"""Number, label and table formatting shared by the text, HTML and LaTeX formatters.

Examples
--------
>>> print(text_table(["a", "bb"], [["1", "2"]]))
a   bb
1   2
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import sympy as sp

__all__ = [
    "fmt",
    "fmt_latex",
    "history_text",
    "html_table",
    "latex_text",
    "quantity",
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


_MONEY = re.compile(r"^(?:US)?\$\s*(tn|bn|m|k)?\s*(/.*|\s+per\s+.*)?$")


def quantity(value: Any, unit: str = "", digits: int = 4) -> str:
    """A number with its unit, as people write it: ``$550bn``, ``$14bn/yr``, ``57%``, ``3 t``.

    A money unit (``$``, ``$bn``, ``$m``, ``$tn``, optionally followed by
    ``/yr`` or ``per year``) goes around the number, with the minus sign in
    front (``-$40bn``); ``%`` follows it directly; any other unit follows
    after a space.

    Examples
    --------
    >>> quantity(550, "$bn"), quantity(-40, "$bn/yr"), quantity(sp.Rational(57), "%")
    ('$550bn', '-$40bn/yr', '57%')
    >>> quantity(sp.Rational(286, 100), "$bn"), quantity(1, "multiplier"), quantity(3, "")
    ('$2.86bn', '1 multiplier', '3')
    >>> quantity(2.86, "$bn")
    '$2.86bn'
    """
    unit = (unit or "").strip()
    if not unit:
        return fmt(value, digits)
    text = _decimal(value) or fmt(value, digits)
    match = _MONEY.match(unit)
    if match:
        scale, per = match.group(1) or "", match.group(2) or ""
        sign = ""
        if text.startswith("-"):
            sign, text = "-", text[1:]
        if isinstance(value, sp.Basic) and not value.is_number:
            text = f"({text})"
        return f"{sign}${text}{scale}{per.strip() if per.startswith('/') else per}"
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}"


def _decimal(value: Any) -> str | None:
    """A rational with a finite decimal expansion as that decimal (``143/50`` is ``2.86``)."""
    if not isinstance(value, sp.Rational) or value.q == 1:
        return None
    q = int(value.q)
    twos = fives = 0
    while q % 2 == 0:
        q, twos = q // 2, twos + 1
    while q % 5 == 0:
        q, fives = q // 5, fives + 1
    places = max(twos, fives)
    if q != 1 or places > 6:
        return None
    return f"{float(value):.{places}f}"


def history_text(history: Sequence[str]) -> str:
    """A node of a game tree by the labels played to reach it: ``"In/Fight"``, or ``"root"``.

    Examples
    --------
    >>> history_text(("In", "Fight")), history_text(())
    ('In/Fight', 'root')
    """
    return "/".join(history) if history else "root"


def latex_text(label: str) -> str:
    r"""A label as LaTeX ``\text{...}`` with the special characters escaped."""
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
