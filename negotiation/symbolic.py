"""Sympy helpers shared by every model: payoff matrices, free symbols, substitution.

These functions check a user's input once, at the boundary, and turn it into
sympy objects (exact where the input is exact) that the rest of the package
trusts.

Examples
--------
>>> import sympy as sp
>>> from negotiation.symbolic import as_payoff_matrix, free_parameters
>>> t = sp.Symbol("t")
>>> M = as_payoff_matrix([[1, t], [0.5, 2]], "row payoffs")
>>> M[1, 1]
2
>>> free_parameters(M)
(t,)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from numbers import Number
from typing import Any

import numpy as np
import sympy as sp

from negotiation.errors import FreeParameterError, InvalidGameError, UnknownLabelError

__all__ = [
    "EXPANSION_LIMIT",
    "SIMPLIFY_OPS_LIMIT",
    "as_number",
    "as_payoff_array",
    "as_payoff_matrix",
    "bounded_expand",
    "bounded_factor",
    "bounded_simplify",
    "expansion_size",
    "free_parameters",
    "is_exact",
    "normalise_substitution",
    "require_numeric",
    "tidy_condition",
    "to_fraction",
]


def as_number(value: Any, what: str) -> sp.Expr:
    """Turn one payoff (number, fraction or sympy expression) into a sympy expression.

    Python and numpy integers become ``Integer``; ``Fraction`` becomes ``Rational``;
    a float stays inexact (``Float``): write ``sympy.Rational("0.55")`` for an
    exact decimal.

    Parameters
    ----------
    value
        The entry.
    what
        Where the value came from, used in error messages (e.g. ``"row payoffs[0, 1]"``).

    Raises
    ------
    InvalidGameError
        For strings, NaN, infinities and anything that is not a number or expression.

    Examples
    --------
    >>> as_number(0.25, "payoff")
    0.250000000000000
    >>> as_number(3, "payoff")
    3
    """
    # the common cases first, without the checks below that they pass by construction
    kind = type(value)
    if kind is int or kind is np.int64:
        return sp.Integer(int(value))
    if kind is float or kind is np.float64:
        f = float(value)
        if math.isfinite(f):
            return sp.Float(f)
    if isinstance(value, bool | np.bool_):
        raise InvalidGameError(f"{what} is a boolean ({value!r}); give a number instead")
    if isinstance(value, str):
        raise InvalidGameError(
            f"{what} is the string {value!r}; payoffs must be numbers or sympy expressions "
            f"(for a parameter write sympy.Symbol({value!r}))"
        )
    if isinstance(value, sp.Basic):
        expr = value
    elif isinstance(value, int | np.integer):
        expr = sp.Integer(int(value))
    elif isinstance(value, Fraction):
        expr = sp.Rational(value.numerator, value.denominator)
    elif isinstance(value, float | np.floating):
        f = float(value)
        if not math.isfinite(f):
            raise InvalidGameError(f"{what} is {f}; payoffs must be finite numbers")
        expr = sp.Float(f)
    elif isinstance(value, Number):
        if isinstance(value, complex | np.complexfloating) and complex(value).imag != 0:
            raise InvalidGameError(f"{what} is {value!r}, which is not a real number")
        try:
            expr = sp.sympify(complex(value).real if isinstance(value, complex) else value)
        except (TypeError, ValueError, sp.SympifyError) as err:
            raise InvalidGameError(f"{what} ({value!r}) is not a usable number") from err
    else:
        raise InvalidGameError(
            f"{what} ({value!r}, of type {type(value).__name__}) is not a number; give a number or a sympy expression"
        )
    if not isinstance(expr, sp.Expr):
        raise InvalidGameError(f"{what} ({value!r}) is not an algebraic expression")
    if expr.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise InvalidGameError(f"{what} is {expr}; payoffs must be finite numbers")
    if expr.is_real is False:
        raise InvalidGameError(f"{what} is {expr}, which is not a real number")
    return expr


def as_payoff_matrix(data: Any, what: str) -> sp.ImmutableMatrix:
    """Convert nested lists, a numpy array or a sympy matrix to an immutable sympy matrix.

    Parameters
    ----------
    data
        A two-dimensional table of payoffs.
    what
        A name for the table in error messages, e.g. ``"row payoffs"``.

    Raises
    ------
    InvalidGameError
        If the table is empty, ragged, not two-dimensional or has a bad entry.

    Examples
    --------
    >>> as_payoff_matrix([[1, 2], [3, 4]], "row payoffs").shape
    (2, 2)
    """
    rows = _table_rows(data, what)
    return sp.ImmutableMatrix(_entries(rows, what))


def _entries(rows: list[list[Any]], what: str) -> list[list[sp.Expr]]:
    """Each entry of a checked rectangular table as a sympy number or expression."""
    return [
        [as_number(value, f"{what}[{i}, {j}]") for j, value in enumerate(row)]
        for i, row in enumerate(rows)
    ]


def _table_rows(data: Any, what: str) -> list[list[Any]]:
    """A two-dimensional table as a list of equally long rows (the entries unconverted)."""
    if isinstance(data, sp.MatrixBase):
        rows = [[data[i, j] for j in range(data.cols)] for i in range(data.rows)]
    elif isinstance(data, np.ndarray):
        if data.ndim == 1:
            raise InvalidGameError(
                f"{what} is one-dimensional (shape {data.shape}); give a table with one row "
                "per row strategy, e.g. [[1, 2]] for a single row"
            )
        if data.ndim != 2:
            raise InvalidGameError(f"{what} has {data.ndim} dimensions; it must be a 2-D table")
        rows = data.tolist()
    elif isinstance(data, str | bytes) or not isinstance(data, Iterable):
        raise InvalidGameError(
            f"{what} must be a table of payoffs such as [[3, 0], [5, 1]], not {type(data).__name__}"
        )
    else:
        rows = list(data)
        if rows and not all(isinstance(r, Iterable) and not isinstance(r, str) for r in rows):
            raise InvalidGameError(
                f"{what} must be a table (a list of rows), e.g. [[3, 0], [5, 1]]; got {data!r}"
            )
        rows = [list(r) for r in rows]
    if not rows or not rows[0]:
        raise InvalidGameError(
            f"{what} is empty; each player needs at least one strategy, e.g. [[3, 0], [5, 1]]"
        )
    width = len(rows[0])
    for i, row in enumerate(rows):
        if len(row) != width:
            raise InvalidGameError(
                f"{what} is ragged: row 0 has {width} entries but row {i} has {len(row)}; "
                "every row needs one entry per column strategy"
            )
    return rows


def as_payoff_array(data: Any, what: str, ndim: int) -> sp.ImmutableDenseNDimArray:
    """Convert an ``ndim``-dimensional table of payoffs to an immutable sympy N-dim array.

    Two-dimensional tables go through :func:`as_payoff_matrix` (and its
    messages); higher ranks accept nested lists, numpy arrays and sympy arrays.

    Parameters
    ----------
    data
        Nested lists, a numpy array or a sympy array, entry ``[s1][s2]...`` the
        payoff at the profile ``(s1, s2, ...)``.
    what
        A name for the table in error messages, e.g. ``"EU's payoffs"``.
    ndim
        The number of players (one axis per player).

    Raises
    ------
    InvalidGameError
        If the table is empty, ragged, of the wrong rank or has a bad entry.

    Examples
    --------
    >>> as_payoff_array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], "payoffs", 3).shape
    (2, 2, 2)
    """
    if ndim == 2:  # the checks and messages of as_payoff_matrix, without building a matrix
        rows = _entries(_table_rows(data, what), what)
        return sp.ImmutableDenseNDimArray(
            [x for row in rows for x in row], (len(rows), len(rows[0]))
        )
    if isinstance(data, sp.NDimArray):
        data = data.tolist()
    if isinstance(data, np.ndarray):
        data = data.tolist()
    if isinstance(data, str | bytes) or not isinstance(data, Iterable):
        raise InvalidGameError(
            f"{what} must be a {ndim}-dimensional table (one axis per player), "
            f"not {type(data).__name__}"
        )
    shape: list[int] = []
    level: Any = data
    while isinstance(level, Iterable) and not isinstance(level, str | bytes | sp.Basic):
        level = list(level)
        if not level:
            raise InvalidGameError(
                f"{what} has an empty axis; each player needs at least one strategy"
            )
        shape.append(len(level))
        level = level[0]
    if len(shape) != ndim:
        raise InvalidGameError(
            f"{what} has {len(shape)} dimensions but the game has {ndim} players; give one "
            f"axis per player, entry [s1][s2]...[s{ndim}] the payoff at that profile"
        )
    if math.prod(shape) > 10**7:
        raise InvalidGameError(
            f"{what} has {math.prod(shape):,} entries; games are limited to 10,000,000 profiles"
        )
    flat: list[sp.Expr] = []

    def walk(node: Any, depth: int, index: tuple[int, ...]) -> None:
        if depth == ndim:
            if isinstance(node, Iterable) and not isinstance(node, str | bytes | sp.Basic):
                raise InvalidGameError(
                    f"{what}{list(index)} is a list, but the table should have {ndim} dimensions"
                )
            flat.append(as_number(node, f"{what}{list(index)}"))
            return
        if not isinstance(node, Iterable) or isinstance(node, str | bytes | sp.Basic):
            raise InvalidGameError(
                f"{what} is ragged at {list(index)}: expected {shape[depth]} entries, got a number"
            )
        items = list(node)
        if len(items) != shape[depth]:
            raise InvalidGameError(
                f"{what} is ragged: axis {depth} has {shape[depth]} entries at the start but "
                f"{len(items)} at {list(index)}; every player needs the same strategies throughout"
            )
        for k, item in enumerate(items):
            walk(item, depth + 1, (*index, k))

    walk(data, 0, ())
    return sp.ImmutableDenseNDimArray(flat, tuple(shape))


def free_parameters(*objects: sp.Basic) -> tuple[sp.Symbol, ...]:
    """The free symbols of sympy objects, as a tuple ordered by name.

    Examples
    --------
    >>> a, b = sp.symbols("b a")
    >>> free_parameters(a + b)
    (a, b)
    """
    symbols: set[sp.Symbol] = set()
    for obj in objects:
        symbols |= {s for s in sp.sympify(obj).free_symbols if isinstance(s, sp.Symbol)}
    return tuple(sorted(symbols, key=lambda s: s.name))


def normalise_substitution(
    parameters: tuple[sp.Symbol, ...],
    values: Mapping[Any, Any] | None,
    kwargs: Mapping[str, Any],
) -> dict[sp.Symbol, sp.Expr]:
    """Merge ``subs({t: 0.3})``, ``subs({"t": 0.3})`` and ``subs(t=0.3)`` into one mapping.

    Keys may be symbols or their names; every key must be a parameter of the
    model. Values are converted with :func:`as_number`.

    Raises
    ------
    UnknownLabelError
        For a key that is not one of ``parameters`` (the message lists them).

    Examples
    --------
    >>> t = sp.Symbol("t")
    >>> normalise_substitution((t,), {"t": sp.Rational(1, 2)}, {})
    {t: 1/2}
    """
    by_name = {p.name: p for p in parameters}
    merged: dict[Any, Any] = dict(values or {})
    merged.update(kwargs)
    out: dict[sp.Symbol, sp.Expr] = {}
    for key, value in merged.items():
        name = key.name if isinstance(key, sp.Symbol) else key
        if not isinstance(name, str) or name not in by_name:
            known = ", ".join(by_name) or "none (the model is already numeric)"
            raise UnknownLabelError(f"no parameter named {key!r}; the parameters are: {known}")
        out[by_name[name]] = as_number(value, f"the value of {name}")
    return out


def require_numeric(
    model: Any,
    task: str,
    method: str = "subs",
    *,
    name: str = "game",
    subject: str = "the payoffs still depend",
    alternative: str | None = None,
) -> None:
    """Raise the one :class:`FreeParameterError` when a model still has free parameters.

    Every model calls this before a numeric step, so the message is the same
    everywhere: what is still free, and how to give it values.

    Parameters
    ----------
    model
        A model (anything with ``.parameters``) or a tuple of sympy symbols.
    task
        What needs numbers, e.g. ``"solving"``.
    method
        The method that substitutes values (``"subs"``, or e.g. ``"with_defaults"``).
    name
        What the user calls the model in the hint (``game``, ``tree``, ``problem``).
    subject
        What still depends on the parameters, with its verb.
    alternative
        Another way forward that works with free parameters, e.g. ``"use
        tree.spe_conditions(path) for the conditions"``.

    Examples
    --------
    >>> require_numeric((), "solving")
    >>> require_numeric((sp.Symbol("t"),), "solving")
    Traceback (most recent call last):
    ...
    negotiation.errors.FreeParameterError: solving needs numbers but the payoffs still depend on t; give values with game.subs(t=...)
    """
    parameters = getattr(model, "parameters", model)
    if parameters:
        names = ", ".join(p.name for p in parameters)
        hint = ", ".join(f"{p.name}=..." for p in parameters)
        message = (
            f"{task} needs numbers but {subject} on {names}; "
            f"give values with {name}.{method}({hint})"
        )
        if alternative:
            message += f", or {alternative}"
        raise FreeParameterError(message)


def is_exact(expr: sp.Expr) -> bool:
    """Whether a numeric sympy expression is an exact rational number.

    Examples
    --------
    >>> is_exact(sp.Rational(1, 3)), is_exact(sp.Float(0.1))
    (True, False)
    """
    return bool(expr.is_Rational)


def to_fraction(expr: sp.Expr) -> Fraction:
    """The exact :class:`~fractions.Fraction` of a sympy number.

    A ``Float`` is read as the shortest decimal that prints as it (``0.1`` is
    ``1/10``, not the binary ``3602879701896397/36028797018963968``), which is
    what a user who typed the number meant.

    Examples
    --------
    >>> to_fraction(sp.Rational(2, 3))
    Fraction(2, 3)
    """
    if expr.is_Rational:
        return Fraction(int(expr.p), int(expr.q))
    return Fraction(repr(float(expr)))


def tidy_condition(condition: sp.Basic) -> sp.Basic:
    """Rewrite each inequality with positive terms on the left, negative ones on the right.

    ``-a >= -a - b + c`` becomes ``b >= c``, which is how an economist would
    state the condition. The difference of the two sides is expanded only when
    that is cheap (:func:`bounded_expand`); otherwise its terms are sorted as written.

    Examples
    --------
    >>> import sympy as sp
    >>> a, b, c = sp.symbols("a b c")
    >>> tidy_condition(sp.Ge(-a, -a - b + c) & sp.Ge(2 * a, 1) & sp.Ge(-a, 0))
    (b >= c) & (a <= 0) & (2*a >= 1)
    """
    if condition in (sp.true, sp.false):
        return condition
    if isinstance(condition, sp.And | sp.Or):
        return condition.func(*(tidy_condition(arg) for arg in condition.args), evaluate=False)
    if isinstance(condition, sp.core.relational.Relational):
        difference = bounded_expand(condition.lhs - condition.rhs)
        left: list[sp.Expr] = []
        right: list[sp.Expr] = []
        for term in sp.Add.make_args(difference):
            (right if term.could_extract_minus_sign() else left).append(term)
        lhs = sp.Add(*left)
        rhs = -sp.Add(*right)
        tidy = condition.func(lhs, rhs, evaluate=False)
        return tidy.reversed if lhs == 0 and rhs != 0 else tidy
    return condition


#: The most terms :func:`bounded_expand` lets an expansion produce. Linear and
#: quadratic payoffs stay far below it; ``(x + y + 1)**60`` (1,891 terms) is
#: left as written.
EXPANSION_LIMIT = 300


def expansion_size(expr: sp.Basic) -> int:
    """An upper bound on the number of terms of ``sp.expand(expr)``, found without expanding.

    Sums add their terms' sizes, products multiply them, and an integer power
    ``(t_1 + ... + t_n)**k`` has at most ``comb(n + k - 1, k)`` terms (the
    monomials of degree ``k`` in ``n`` variables). A function counts as one
    term, or as the largest expansion among its arguments (``sp.expand`` works
    inside them too).

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> expansion_size((x + y + 1) ** 60), expansion_size((x + 1) * (y + 1) + x)
    (1891, 5)
    """
    if not expr.args:
        return 1
    if expr.is_Add:
        return sum(expansion_size(term) for term in expr.args)
    if expr.is_Mul:
        return math.prod(expansion_size(factor) for factor in expr.args)
    if expr.is_Pow:
        base = expansion_size(expr.base)
        exponent = expr.exp
        if exponent.is_Integer and base > 1:
            return math.comb(base + abs(int(exponent)) - 1, base - 1)
        return max(base, expansion_size(exponent))
    return max(expansion_size(arg) for arg in expr.args)


def bounded_expand(expr: sp.Expr, limit: int = EXPANSION_LIMIT) -> sp.Expr:
    """``sp.expand(expr)`` when the expansion has at most ``limit`` terms, else ``expr`` as it is.

    Expanding decides the comparisons of payoffs that are polynomials in the
    parameters (a difference that expands to a number is decided) at a
    fraction of the cost of ``sp.simplify``; the bound keeps a payoff such as
    ``(x + y + 1)**60`` from being multiplied out into thousands of terms.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> bounded_expand((x + 1) ** 2 - x**2)
    2*x + 1
    >>> bounded_expand((x + y + 1) ** 60 - 1)
    (x + y + 1)**60 - 1
    """
    if expansion_size(expr) > limit:
        return expr
    return sp.expand(expr)


#: The most operations (``sp.count_ops``) :func:`bounded_simplify` hands to ``sp.simplify``.
SIMPLIFY_OPS_LIMIT = 150


def bounded_simplify(expr: Any, limit: int = EXPANSION_LIMIT) -> Any:
    """``sp.simplify(expr)`` when ``expr`` is small, else ``expr`` as it is.

    Small means that multiplying it out would give at most ``limit`` terms
    (:func:`expansion_size`) and that it has at most
    :data:`SIMPLIFY_OPS_LIMIT` operations; then ``sp.simplify`` takes well
    under a second. A larger expression from a user's input (``(x + y +
    1)**60``, a condition over hundreds of symbols) is returned unsimplified,
    still correct, instead of running for minutes. Conditions (``And``,
    inequalities) are bounded the same way.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> bounded_simplify((x**2 - 1) / (x - 1))
    x + 1
    >>> bounded_simplify((x + y + 1) ** 60 - 1)  # 1,891 terms multiplied out: left as is
    (x + y + 1)**60 - 1
    >>> bounded_simplify(sp.And(x > 1, x > 2))
    x > 2
    """
    expr = sp.sympify(expr)
    if expr.is_Atom or expr in (sp.true, sp.false):
        return expr
    if expansion_size(expr) > limit or sp.count_ops(expr) > SIMPLIFY_OPS_LIMIT:
        return expr
    return sp.simplify(expr)


def bounded_factor(expr: Any, limit: int = EXPANSION_LIMIT) -> Any:
    """:func:`bounded_simplify`, then ``sp.factor`` under the same size bound.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> bounded_factor(x**2 + 2 * x + 1)
    (x + 1)**2
    """
    expr = bounded_simplify(expr, limit)
    if expr.is_Atom or not isinstance(expr, sp.Expr) or expansion_size(expr) > limit:
        return expr
    return sp.factor(expr)
