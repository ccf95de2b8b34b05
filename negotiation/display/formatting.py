"""Number, label and table formatting shared by the text, HTML and LaTeX formatters.

Examples
--------
>>> print(text_table(["a", "bb"], [["1", "2"]]))
a   bb
1   2
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import sympy as sp
from sympy.printing.str import StrPrinter

__all__ = [
    "big_int_text",
    "fmt",
    "fmt_latex",
    "history_text",
    "html_table",
    "key_text",
    "latex_escape",
    "latex_text",
    "quantity",
    "safe_str",
    "strategy_key",
    "text_table",
]

#: Integers with more digits than this are shown rounded, as ``1.234e+5000``
#: (Python refuses to print integers beyond 4,300 digits).
_MAX_SHOWN_DIGITS = 1000


def big_int_text(n: int) -> str:
    """An integer as text, rounded to ``1.234e+5000`` when it has over 1,000 digits.

    Examples
    --------
    >>> big_int_text(12), big_int_text(-(10**5000) * 3)
    ('12', '-3.000e+5000')
    """
    n = int(n)
    if n.bit_length() < 3300:  # under 1,000 digits: exact
        return str(n)
    sign = "-" if n < 0 else ""
    n = abs(n)
    exponent = int(math.log10(n))
    shift = exponent - 20
    lead = n // 10**shift  # 20 or 21 digits, exact
    mantissa = lead / 10**20
    while mantissa >= 10:
        mantissa /= 10
        exponent += 1
    return f"{sign}{mantissa:.3f}e+{exponent}"


class _RoundedPrinter(StrPrinter):
    """sympy's ``str`` printer, with integers of over 1,000 digits rounded."""

    def _print_Integer(self, expr: sp.Integer) -> str:
        return big_int_text(int(expr))

    def _print_Rational(self, expr: sp.Rational) -> str:
        if max(abs(int(expr.p)).bit_length(), int(expr.q).bit_length()) < 3300:
            return super()._print_Rational(expr)
        return "~" + str(sp.Float(expr, 4))  # a rounded value, marked as such


def safe_str(value: Any) -> str:
    """``str(value)``, except that integers too long to print are rounded (``1.000e+5000``).

    Examples
    --------
    >>> safe_str(sp.Integer(10) ** 5000 + sp.Symbol("x"))
    'x + 1.000e+5000'
    """
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return big_int_text(int(value))
    try:
        return str(value)
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        if isinstance(value, sp.Basic):
            return _RoundedPrinter().doprint(value)
        raise


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
        return safe_str(value)
    if isinstance(value, int | np.integer):
        return big_int_text(int(value))
    return safe_str(value)


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
        try:
            return sp.latex(value)
        except ValueError:  # an integer too long to print
            return safe_str(value)
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


#: LaTeX's special characters in text mode, and how to write each literally.
_LATEX_SPECIAL = {
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


def latex_escape(text: str) -> str:
    r"""Text with LaTeX's special characters escaped (``50% & $550bn`` -> ``50\% \& \$550bn``).

    Examples
    --------
    >>> print(latex_escape("50% & $550bn"))
    50\% \& \$550bn
    """
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in str(text))


def latex_text(label: str) -> str:
    r"""A label as LaTeX ``\text{...}`` with the special characters escaped."""
    return r"\text{" + latex_escape(label) + "}"


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


def strategy_key(scenario: Any) -> str:
    """The full name of each strategy code, one line per party (``"US: L = Implement London, ..."``).

    Strategies without a title, or whose title is the code itself, are left out.

    Examples
    --------
    >>> import negotiation as ng
    >>> print(strategy_key(ng.load("busan_truce")).splitlines()[0][:40])
    US: Swerve = Back down: drop the 100% th
    """
    titles = {
        party: {s.name: s.title for s in strategies if getattr(s, "title", "")}
        for party, strategies in getattr(scenario, "strategies", {}).items()
    }
    return key_text(titles)


def key_text(titles: Any) -> str:
    """``{party: {code: title}}`` as one line per party, ``"US: L = Implement London, ..."``."""
    lines = []
    for party, named in titles.items():
        shown = [f"{k} = {t}" for k, t in named.items() if t.lower() != k.lower()]
        if shown:
            lines.append(f"{party}: " + ", ".join(shown))
    return "\n".join(lines)
