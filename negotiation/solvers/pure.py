"""Pure-strategy analysis for any number of players, symbolic or numeric.

The symbolic functions take sympy payoff arrays and return sympy Booleans:
conjunctions of inequalities over the parameters, which collapse to ``true`` or
``false`` when the payoffs are numbers. Dominance works on each player's *own
table*: the player's strategies as rows, the profiles of the others as columns
(:func:`own_tables`). :func:`pure_equilibrium_mask` is the one kernel that
finds pure equilibria in numbers: for one game or a batch of games, in floats
(with a tolerance) or exact fractions.

References
----------
M. J. Osborne (2004), *An Introduction to Game Theory*, sections 2.6-2.9 and 12.2.

Examples
--------
>>> import sympy as sp
>>> T, R, P, S = sp.symbols("T R P S")
>>> A = sp.Matrix([[R, S], [T, P]])
>>> pure_equilibrium_condition(A, A.T, 1, 1)
P >= S
>>> profile_condition([A, A.T], (0, 0))
R >= T
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation.solvers import Solved
from negotiation.symbolic import (
    EXPANSION_LIMIT,
    bounded_expand,
    expansion_size,
    tidy_condition,
)

if TYPE_CHECKING:
    from negotiation.solvers.tables import PayoffTables

__all__ = [
    "Dominance",
    "at_least",
    "best_response_conditions",
    "dominances",
    "mixed_dominances",
    "own_tables",
    "profile_condition",
    "pure_equilibrium_condition",
    "pure_equilibrium_mask",
]


def at_least(a: sp.Expr, b: sp.Expr) -> sp.Boolean:
    """The condition ``a >= b``, decided when sympy can decide it (also from assumptions).

    The difference ``a - b`` is expanded (and put over one denominator when it
    has one) rather than simplified: that decides every comparison of
    payoffs that are rational functions of the parameters, in a fraction of
    the time. An undecided condition is stated with the terms common to both
    sides cancelled (``x - c >= y - c`` reads ``x >= y``).

    Examples
    --------
    >>> x = sp.Symbol("x", positive=True)
    >>> at_least(x + 1, x), at_least(x, 1)
    (True, x >= 1)
    >>> y = sp.Symbol("y")
    >>> at_least((y + 1) ** 2, y**2 + 2 * y), at_least(y / (y + 1), 1 - 1 / (y + 1))
    (True, True)
    """
    decided = _decide(a, b, strict=False)
    if decided is not None:
        return sp.true if decided else sp.false
    left, right = _cancel_common_terms(a, b)
    condition = sp.Ge(left, right, evaluate=False)
    # "x - y >= 0" reads better as "x >= y"; a stated threshold (R >= T - h) is kept as written.
    all_negative = all(t.could_extract_minus_sign() for t in sp.Add.make_args(left))
    return tidy_condition(condition) if left == 0 or right == 0 or all_negative else condition


def _decide(a: sp.Expr, b: sp.Expr, *, strict: bool) -> bool | None:
    """Whether ``a >= b`` (``a > b`` if ``strict``) holds for every value of the parameters.

    True or False where that is decided, None where it depends on the
    parameters. Without ``sp.simplify`` (unbounded on user input): the
    difference is expanded when that is cheap
    (:func:`~negotiation.symbolic.bounded_expand`) and cancelled over a common
    denominator when a parameter divides; a number is decided by its value,
    an expression by the assumptions on its symbols (``positive=True`` and the
    like), asked of the expanded difference and of the difference as written
    (``(x - 1)**2`` is nonnegative for real ``x``; its expansion is not known to be).
    """
    raw = sp.sympify(a - b)
    candidates = [raw]
    if not raw.is_number and expansion_size(raw) <= EXPANSION_LIMIT:
        expanded = sp.expand(raw)
        if _has_symbolic_denominator(expanded):
            expanded = sp.cancel(expanded)
        if expanded != raw:
            candidates.insert(0, expanded)
    for diff in candidates:
        if _unsigned(diff) or _mixed_signs(diff):
            continue
        if strict:
            if diff.is_positive:
                return True
            if diff.is_nonpositive:
                return False
        else:
            if diff.is_nonnegative:
                return True
            if diff.is_negative:
                return False
    return None


def _unsigned(expr: sp.Expr) -> bool:
    """Whether ``expr`` is built of numbers and symbols without assumptions by ``+ * /`` and powers.

    Such an expression, unless it is a constant, takes values of every sign
    (its symbols range over the complex numbers), so no assumption query can
    decide it. The expanded difference in :func:`_decide` is canonical (a
    constant shows as a number), and skipping the queries is most of the speed
    of :func:`at_least` on plain parameters.
    """
    if expr.is_number:
        return False
    stack = [expr]
    while stack:
        node = stack.pop()
        if node.is_Symbol:
            if node.assumptions0 != _NO_ASSUMPTIONS:
                return False
        elif node.is_Add or node.is_Mul:
            stack.extend(node.args)
        elif node.is_Pow:
            if not node.exp.is_Integer:
                return False
            stack.append(node.base)
        elif not (node.is_Rational or node.is_Float):
            return False
    return True


_NO_ASSUMPTIONS = sp.Symbol("x").assumptions0


def _mixed_signs(expr: sp.Expr) -> bool:
    """Whether ``expr`` is a sum in two or more symbols with a positive and a negative term.

    The sign of each term is read off its coefficient and the assumptions on
    its symbols (``3*a*b`` with ``a, b`` positive is positive). Sympy decides
    the sign of a sum in several symbols only when its terms agree in sign,
    so a sum with terms of both signs stays undecided, and its assumption
    queries (the slow part of :func:`at_least` on signed parameters) can be
    skipped.
    """
    if not expr.is_Add or len(expr.free_symbols) < 2:
        return False
    signs = {_term_sign(term) for term in expr.args if not term.is_number}
    return 1 in signs and -1 in signs


def _term_sign(term: sp.Expr) -> int:
    """1 or -1 if a product of a number and symbol powers is positive or negative, else 0."""
    sign = 1
    for factor in sp.Mul.make_args(term):
        if factor.is_Number:
            if factor.is_zero:
                return 0
            sign *= 1 if factor.is_positive else -1
            continue
        base, exponent = factor.as_base_exp()
        if not (base.is_Symbol and exponent.is_Integer):
            return 0
        if base.is_positive:
            continue
        if base.is_negative:
            sign *= -1 if int(exponent) % 2 else 1
            continue
        return 0
    return sign


def _has_symbolic_denominator(expr: sp.Expr) -> bool:
    """Whether a parameter appears in a denominator of ``expr`` (``x / (x + y)``, ``1 / x``)."""
    return any(p.exp.is_negative and p.base.free_symbols for p in expr.atoms(sp.Pow))


def _cancel_common_terms(a: sp.Expr, b: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """Drop the terms that appear on both sides: ``x - c >= y - c`` becomes ``x >= y``.

    Each side is expanded first when that is cheap, so common terms inside
    products are found too.
    """
    left = sp.Add.make_args(bounded_expand(sp.sympify(a)))
    right = list(sp.Add.make_args(bounded_expand(sp.sympify(b))))
    kept = []
    for term in left:
        if term != 0 and term in right:
            right.remove(term)
        else:
            kept.append(term)
    return sp.Add(*kept), sp.Add(*right)


def _strictly_greater(a: sp.Expr, b: sp.Expr) -> sp.Boolean:
    decided = _decide(a, b, strict=True)
    if decided is not None:
        return sp.true if decided else sp.false
    return sp.Gt(a, b)


def best_response_conditions(payoffs: sp.Matrix, against: Sequence[sp.Expr]) -> list[sp.Boolean]:
    """For each own strategy (row of ``payoffs``), the condition that it is a best response.

    Parameters
    ----------
    payoffs
        The player's payoffs with the player's own strategies as rows.
    against
        The opponent's mixed strategy (a pure strategy is a unit vector).

    Examples
    --------
    >>> best_response_conditions(sp.Matrix([[3, 0], [5, 1]]), [1, 0])
    [False, True]
    """
    expected = [
        sum(payoffs[i, j] * against[j] for j in range(payoffs.cols)) for i in range(payoffs.rows)
    ]
    return [
        sp.And(*[at_least(expected[i], expected[k]) for k in range(len(expected)) if k != i])
        for i in range(len(expected))
    ]


def profile_condition(payoffs: Sequence[Any], profile: Sequence[int]) -> sp.Boolean:
    """The condition under which a pure profile is a Nash equilibrium, for any number of players.

    Each player's strategy in ``profile`` must be a best response to the others'.

    Parameters
    ----------
    payoffs
        One payoff table per player (sympy matrices or N-dim arrays indexed by profile).
    profile
        One strategy index per player.

    Examples
    --------
    >>> A = sp.Matrix([[3, 0], [5, 1]])
    >>> profile_condition([A, A.T], (1, 1))
    True
    """
    profile = tuple(profile)
    conditions = []
    for p, u in enumerate(payoffs):
        size = u.shape[p]
        here = u[profile]
        for k in range(size):
            if k != profile[p]:
                other = (*profile[:p], k, *profile[p + 1 :])
                conditions.append(at_least(here, u[other]))
    return sp.And(*conditions)


def pure_equilibrium_condition(A: sp.Matrix, B: sp.Matrix, i: int, j: int) -> sp.Boolean:
    """The condition under which ``(i, j)`` is a Nash equilibrium of the bimatrix game ``(A, B)``.

    Examples
    --------
    >>> pure_equilibrium_condition(sp.Matrix([[3, 0], [5, 1]]), sp.Matrix([[3, 5], [0, 1]]), 0, 0)
    False
    """
    return profile_condition([A, B], (i, j))


def own_tables(payoffs: Sequence[Any]) -> list[sp.Matrix]:
    """Each player's payoffs with the player's own strategies as rows.

    The columns are the profiles of the other players, in row-major order of
    their strategy indices (for two players: the opponent's strategies).

    Examples
    --------
    >>> A, B = sp.Matrix([[3, 0], [5, 1]]), sp.Matrix([[3, 5], [0, 1]])
    >>> own_tables([A, B])[1]
    Matrix([
    [3, 0],
    [5, 1]])
    """
    shape = tuple(payoffs[0].shape)
    tables = []
    for p, u in enumerate(payoffs):
        others = [range(k) for q, k in enumerate(shape) if q != p]
        rows = []
        for own in range(shape[p]):
            rows.append([u[(*rest[:p], own, *rest[p:])] for rest in product(*others)])
        tables.append(sp.Matrix(rows))
    return tables


def pure_equilibrium_mask(
    payoffs: Sequence[np.ndarray], tol: float = 0.0, *, batch: bool = False
) -> np.ndarray:
    """Which pure profiles are Nash equilibria: the one pure-equilibrium kernel.

    A profile is an equilibrium when each player's payoff there is the maximum
    over the player's own strategies. Works for any number of players, for
    float arrays (payoffs within ``tol`` of the best count as best) and for
    object arrays of exact fractions (``tol=0``), for one game or a batch.

    Parameters
    ----------
    payoffs
        One array per player of shape ``(n_1, ..., n_N)``, or ``(K, n_1, ..., n_N)``
        for a batch of ``K`` games when ``batch=True``.
    tol
        Payoffs within ``tol`` of the best response count as best responses.
    batch
        Whether the first axis indexes games.

    Returns
    -------
    numpy.ndarray of bool
        The shape of one payoff array: true at the equilibrium profiles.

    Examples
    --------
    >>> pd = np.array([[3.0, 0.0], [5.0, 1.0]])
    >>> pure_equilibrium_mask([pd, pd.T]).astype(int).tolist()
    [[0, 0], [0, 1]]
    """
    offset = 1 if batch else 0
    mask: np.ndarray | None = None
    for p, u in enumerate(payoffs):
        best = u.max(axis=p + offset, keepdims=True)
        here = u >= (best - tol if tol else best)
        mask = here if mask is None else mask & here
    assert mask is not None
    return np.asarray(mask, dtype=bool)


@dataclass(frozen=True)
class Dominance:
    """Strategy ``dominated`` of player ``player`` (0 or 1) is dominated by strategy ``by``."""

    player: int
    dominated: int
    by: int
    strict: bool


def dominances(tables: Sequence[sp.Matrix], *, strict: bool = True) -> list[Dominance]:
    """Every pure strategy dominated by another pure strategy, where sympy can decide it.

    ``tables`` holds each player's own table (see :func:`own_tables`).

    With ``strict=False`` weak dominance is reported too (at least as good
    against everything and better against something); strict dominances are
    always marked ``strict=True``.

    Examples
    --------
    >>> A = sp.Matrix([[3, 0], [5, 1]])
    >>> dominances(own_tables([A, A.T]))
    [Dominance(player=0, dominated=0, by=1, strict=True), Dominance(player=1, dominated=0, by=1, strict=True)]
    """
    found: list[Dominance] = []
    for player, M in enumerate(tables):
        n_own, n_other = M.shape
        for k in range(n_own):
            for i in range(n_own):
                if i == k:
                    continue
                gt = [_strictly_greater(M[i, j], M[k, j]) for j in range(n_other)]
                if all(g is sp.true for g in gt):
                    found.append(Dominance(player, k, i, True))
                    break
                if strict:
                    continue
                ge = [at_least(M[i, j], M[k, j]) for j in range(n_other)]
                if all(g is sp.true for g in ge) and any(g is sp.true for g in gt):
                    found.append(Dominance(player, k, i, False))
                    break
    return found


def mixed_dominances(
    tables: Sequence[sp.Matrix],
    skip: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
) -> list[tuple[int, int, dict[int, sp.Rational]]]:
    """Pure strategies strictly dominated by a *mixture* of the player's other strategies.

    For numeric games only. A linear programme (maximise the margin ``e`` such
    that the mixture beats strategy ``k`` by ``e`` against every opposing
    strategy) finds a candidate mixture; it is then rounded to a rational
    mixture and checked in exact arithmetic, so only proven dominances are
    reported (Osborne 2004, section 12.2).

    Returns
    -------
    list of (player, dominated, {strategy index: weight})

    Examples
    --------
    >>> A = sp.Matrix([[3, 0], [0, 3], [1, 1]])   # the middle-ground row is beaten by (1/2, 1/2)
    >>> mixed_dominances(own_tables([A, sp.zeros(3, 2)]))
    [(0, 2, {0: 1/2, 1: 1/2})]
    """
    from scipy.optimize import linprog

    from negotiation.symbolic import to_fraction

    found: list[tuple[int, int, dict[int, sp.Rational]]] = []
    for player, M in enumerate(tables):
        n_own, n_other = M.shape
        if n_own < 3:  # with two strategies a mixture of "the others" is a pure strategy
            continue
        exact = [[to_fraction(M[i, j]) for j in range(n_other)] for i in range(n_own)]
        values = np.array([[float(v) for v in row] for row in exact])
        scale = max(1.0, float(np.abs(values).max()))
        for k in range(n_own):
            if (player, k) in skip:
                continue
            others = [i for i in range(n_own) if i != k]
            # variables: the weights of the other strategies, then the margin e
            cost = np.zeros(len(others) + 1)
            cost[-1] = -1.0
            upper = np.hstack([-values[others].T, np.ones((n_other, 1))])
            result = linprog(
                cost,
                A_ub=upper,
                b_ub=-values[k],
                A_eq=[[1.0] * len(others) + [0.0]],
                b_eq=[1.0],
                bounds=[(0, None)] * len(others) + [(None, None)],
                method="highs",
            )
            if result.status != 0 or -result.fun <= 1e-9 * scale:
                continue
            weights = [Fraction(max(w, 0.0)).limit_denominator(10**6) for w in result.x[:-1]]
            total = sum(weights)
            weights = [w / total for w in weights]
            beats = all(
                sum(w * exact[i][j] for w, i in zip(weights, others, strict=True)) > exact[k][j]
                for j in range(n_other)
            )
            if beats:
                mixture = {
                    i: sp.Rational(w.numerator, w.denominator)
                    for w, i in zip(weights, others, strict=True)
                    if w
                }
                found.append((player, k, mixture))
    return found


def solve(tables: PayoffTables, *, exact: bool, tol: float) -> Solved:
    """The solver-table entry ``"pure"``: every pure equilibrium, in row-major order."""
    arrays = tables.fractions if exact else tables.floats
    mask = pure_equilibrium_mask(arrays, 0.0 if exact else tol)
    profiles = []
    for profile in zip(*np.nonzero(mask), strict=True):
        vectors: list[object] = []
        for k, size in zip(profile, tables.shape, strict=True):
            if exact:
                vectors.append(tuple(sp.Integer(int(i == k)) for i in range(size)))
            else:
                v = np.zeros(size)
                v[k] = 1.0
                vectors.append(v)
        profiles.append(tuple(vectors))
    return Solved(profiles, "pure", exact)
