"""Continuous games: first-order conditions, best responses, equilibria and their checks.

The free functions here take plain sympy expressions (one payoff per player,
one strategy symbol per player, its bounds) or a :class:`CompiledGame` (the
same payoffs compiled once with :func:`sympy.lambdify`) and know nothing of the
model classes built on them.

* **Closed form.** :func:`best_response` solves a player's first-order
  condition and clamps the root to the strategy set, giving a ``Piecewise``
  that includes the corners; :func:`kkt_points` enumerates, for every player,
  whether it sits inside its interval or at a bound, solves the remaining
  first-order conditions jointly and keeps each solution with the condition
  (bounds, complementary slackness, second-order condition) under which it is
  an equilibrium. With concave payoffs these Karush-Kuhn-Tucker points are
  exactly the Nash equilibria. Sympy is asked only for what it can do in
  bounded time: polynomial first-order conditions of low degree.
* **Numeric.** :func:`numeric_equilibria` starts root-finding of the
  "natural residual" ``s - clip(s + grad, low, high)`` (zero exactly at a KKT
  point) from several points, falls back to best-response iteration, and keeps
  only points that pass :func:`deviation_gains`: a *global* check in which each
  player's payoff is maximised over its whole strategy set (a dense grid, then
  bounded one-dimensional refinement), not only the first-order condition.
* **Beyond Nash.** Stackelberg (the followers' reaction substituted into the
  leader's payoff), the cooperative optimum of a weighted sum of payoffs, and
  comparative statics by the implicit function theorem.
* **Sweeps.** :class:`CompiledEquilibrium` compiles every closed-form regime
  and its condition once and evaluates them on whole arrays of parameters;
  :func:`sweep_closed_form` and :func:`sweep_numeric` run a grid in chunks.

References
----------
D. Fudenberg and J. Tirole (1991), *Game Theory*, section 1.2.4 (existence with
concave payoffs on compact intervals); J. B. Rosen (1965), "Existence and
uniqueness of equilibrium points for concave n-person games", *Econometrica*
33(3): 520-534; F. Facchinei and J.-S. Pang (2003), *Finite-Dimensional
Variational Inequalities and Complementarity Problems*, section 1.5 (the
natural map).

Examples
--------
Cournot duopoly with inverse demand ``a - q1 - q2`` and zero costs:

>>> import sympy as sp
>>> from negotiation.solvers.best_response import best_response, kkt_points
>>> q1, q2, a = sp.symbols("q1 q2 a", positive=True)
>>> best_response(q1 * (a - q1 - q2), q1, 0, sp.oo).expression
Piecewise((0, a <= q2), (a/2 - q2/2, True))
>>> [r.point for r in kkt_points((q1 * (a - q1 - q2), q2 * (a - q1 - q2)), (q1, q2),
...                              ((0, sp.oo), (0, sp.oo))) if r.status == ("interior",) * 2]
[(a/3, a/3)]
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple, TypeAlias

import numpy as np
import sympy as sp

from negotiation.errors import ContinuousGameError, SweepError
from negotiation.symbolic import tidy_condition

__all__ = [
    "DEFAULT_TOL",
    "BestResponseParts",
    "CompiledEquilibrium",
    "CompiledGame",
    "NoClosedForm",
    "NotUnique",
    "NumericPoint",
    "Regime",
    "SweepArrays",
    "best_response",
    "comparative_statics",
    "cooperative_numeric",
    "cooperative_points",
    "deviation_gains",
    "grid_columns",
    "kkt_points",
    "maximise_own",
    "nice_condition",
    "numeric_equilibria",
    "prune_pieces",
    "stackelberg_closed_form",
    "stackelberg_numeric",
    "sweep_closed_form",
    "sweep_numeric",
]

#: Floats are compared with this tolerance (scaled by the magnitude compared, when above 1).
DEFAULT_TOL = 1e-9
#: Highest degree of a first-order condition solved in closed form (symbolic: 2).
MAX_DEGREE = 4
#: Corner regimes enumerated at most (3 per player with two finite bounds).
MAX_REGIMES = 243
#: Expressions larger than this (sympy operation count) are not expanded or solved.
MAX_OPS = 4000
#: Grid points of the global deviation check, before bounded refinement.
CHECK_GRID = 129

# a strategy vector, one float per player: a sequence or a 1-d array
_Floats: TypeAlias = Sequence[float] | np.ndarray

STATUS_WORDS = {"interior": "interior", "low": "lower bound", "high": "upper bound"}


class NoClosedForm(Exception):
    """Sympy cannot solve the first-order conditions in closed form within the time bound.

    Internal to the continuous-game machinery: the model façade turns it into
    a numeric solve or a :class:`~negotiation.errors.ContinuousGameError`.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotUnique(NoClosedForm):
    """The first-order conditions hold on a continuum of points (a singular system)."""

    def __init__(self) -> None:
        super().__init__("the first-order conditions do not pin down a unique solution")


# ============================================================================ helpers
def is_finite_bound(bound: sp.Expr) -> bool:
    """Whether a bound is not ``oo`` or ``-oo`` (a symbolic bound counts as finite).

    Examples
    --------
    >>> is_finite_bound(sp.oo), is_finite_bound(sp.Symbol("h"))
    (False, True)
    """
    return bound not in (sp.oo, -sp.oo)


def _sign(expr: Any) -> int | None:
    """-1, 0 or 1 when the sign of ``expr`` is known for every value of its symbols, else None."""
    expr = sp.sympify(expr)
    if expr.is_number:
        value = complex(expr.evalf())
        if abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
            return None
        return int(np.sign(value.real))
    if expr.is_zero:
        return 0
    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    return None


def _scale(*values: Any) -> float:
    out = 1.0
    for v in values:
        try:
            out = max(out, abs(float(v)))
        except (TypeError, ValueError):
            continue
    return out


def _ge(a: Any, b: Any, tol: float = DEFAULT_TOL) -> sp.Basic:
    """``a >= b`` as a sympy Boolean, decided with a tolerance when both are numbers."""
    a, b = sp.sympify(a), sp.sympify(b)
    if b in (-sp.oo,) or a == sp.oo:
        return sp.true
    diff = a - b
    if diff.is_number:
        value = complex(diff.evalf())
        if abs(value.imag) > 1e-12 * _scale(a, b):
            return sp.false
        return sp.true if value.real >= -tol * _scale(a, b) else sp.false
    return sp.Ge(a, b)


def _le(a: Any, b: Any, tol: float = DEFAULT_TOL) -> sp.Basic:
    return _ge(b, a, tol)


def nice_condition(condition: sp.Basic) -> sp.Basic:
    """Each inequality divided by its positive numeric content, then tidied.

    Examples
    --------
    >>> a, c = sp.symbols("a c")
    >>> nice_condition(sp.Ge(a / 3, c / 3))
    a >= c
    """
    if condition in (sp.true, sp.false):
        return condition
    if isinstance(condition, sp.And | sp.Or):
        return condition.func(*(nice_condition(arg) for arg in condition.args))
    if (
        isinstance(condition, sp.core.relational.Relational)
        and not isinstance(condition, sp.Eq | sp.Ne)
        and not condition.has(sp.Piecewise, sp.Min, sp.Max)
        and sp.count_ops(condition) < 200
        and not (condition.rhs == 0 and isinstance(condition.lhs, sp.Mul | sp.Pow))
    ):
        difference = sp.together(condition.lhs - condition.rhs)
        num, den = sp.fraction(difference)
        sign = _sign(den)
        if sign == 1:
            difference = num
        elif sign == -1:
            difference = -num
        difference = sp.expand(difference)
        content, primitive = difference.as_content_primitive()
        if content.is_positive:
            difference = primitive
        return tidy_condition(condition.func(difference, 0))
    return condition


def _numerator(expr: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """The expanded numerator and the denominator of ``expr`` over a common denominator."""
    if sp.count_ops(expr) > MAX_OPS:
        raise NoClosedForm("the first-order condition is too large to solve symbolically")
    num, den = sp.fraction(sp.together(expr))
    if sp.count_ops(num) > MAX_OPS:
        raise NoClosedForm("the first-order condition is too large to solve symbolically")
    return sp.expand(num), den


def _is_real_root(r: sp.Expr) -> bool:
    if r.is_real is False:
        return False
    if r.is_number:
        value = complex(r.evalf())
        return abs(value.imag) <= 1e-10 * _scale(value.real)
    return True


def _real_part(r: sp.Expr) -> sp.Expr:
    if r.is_number and not r.is_real:
        value = complex(r.evalf())
        return sp.Float(value.real)
    return r


def roots(expr: sp.Expr, s: sp.Symbol) -> list[sp.Expr]:
    """The real roots in ``s`` of ``expr = 0``, for a rational function with a polynomial numerator.

    Raises
    ------
    NoClosedForm
        When the numerator is not a polynomial in ``s``, its degree is above
        :data:`MAX_DEGREE` (above 2 with symbolic coefficients), or it is too large.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> roots(x**2 - 4, x)
    [-2, 2]
    """
    num, den = _numerator(expr)
    if not num.has(s):
        return []
    if not num.is_polynomial(s):
        raise NoClosedForm(f"the first-order condition is not a polynomial equation in {s}")
    poly = sp.Poly(num, s)
    degree = poly.degree()
    symbolic = bool(poly.free_symbols - {s})
    if degree > MAX_DEGREE or (symbolic and degree > 2):
        raise NoClosedForm(
            f"the first-order condition is a polynomial of degree {degree} in {s}"
            + (" with symbolic coefficients" if symbolic else "")
        )
    coeffs = poly.all_coeffs()
    if not symbolic and any(c.atoms(sp.Float) for c in coeffs):
        values = np.roots(np.array([float(c) for c in coeffs], dtype=float))
        scale = max(1.0, float(np.max(np.abs(values)))) if len(values) else 1.0
        found = [sp.Float(v.real) for v in values if abs(v.imag) <= 1e-9 * scale]
    else:
        found = [r for r in sp.roots(poly, multiple=True) if _is_real_root(r)]
        found = [_real_part(r) for r in found]
    out = []
    for r in dict.fromkeys(found):
        d = den.subs(s, r)
        if d.is_number and abs(complex(d.evalf())) <= 1e-14:
            continue
        out.append(r)
    return sorted(out, key=sp.default_sort_key) if symbolic else sorted(out, key=lambda r: float(r))


def solve_system(
    equations: Sequence[sp.Expr], unknowns: Sequence[sp.Symbol]
) -> list[dict[sp.Symbol, sp.Expr]]:
    """Every solution of ``equations = 0`` for ``unknowns``, when sympy can find it in bounded time.

    Linear systems are solved by LU decomposition; one unknown by :func:`roots`;
    small polynomial systems (Bezout number at most :data:`MAX_DEGREE`, at most
    three unknowns) by :func:`sympy.solve`.

    Raises
    ------
    NoClosedForm
        Otherwise, or when a linear system is singular (a continuum of solutions).

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> solve_system([x + y - 3, x - y - 1], [x, y])
    [{x: 2, y: 1}]
    """
    unknowns = list(unknowns)
    if not unknowns:
        return [{}]
    if len(unknowns) == 1:
        return [{unknowns[0]: r} for r in roots(equations[0], unknowns[0])]
    nums, dens = [], []
    for eq in equations:
        num, den = _numerator(eq)
        if not num.is_polynomial(*unknowns):
            raise NoClosedForm("the first-order conditions are not polynomial equations")
        nums.append(num)
        dens.append(den)
    degrees = [sp.Poly(n, *unknowns).total_degree() if n.has(*unknowns) else 0 for n in nums]
    if max(degrees) <= 1:
        A, b = sp.linear_eq_to_matrix(nums, unknowns)
        det = A.det()
        if det.is_number and abs(complex(det.evalf())) <= 1e-14 * _scale(*A):
            raise NotUnique()
        if det == 0:
            raise NotUnique()
        solution = A.LUsolve(b)
        return [{u: sp.cancel(v) for u, v in zip(unknowns, solution, strict=True)}]
    if math.prod(max(d, 1) for d in degrees) > MAX_DEGREE or len(unknowns) > 3:
        raise NoClosedForm("the first-order conditions form a polynomial system too large to solve")
    solutions = sp.solve(nums, unknowns, dict=True)
    out = []
    for sol in solutions:
        if set(sol) != set(unknowns):
            raise NotUnique()
        if not all(_is_real_root(v) for v in sol.values()):
            continue
        sol = {k: _real_part(v) for k, v in sol.items()}
        if any(
            d.xreplace(sol).is_number and abs(complex(d.xreplace(sol).evalf())) <= 1e-14
            for d in dens
        ):
            continue
        out.append(sol)
    return out


def clamp(value: sp.Expr, low: sp.Expr, high: sp.Expr) -> sp.Expr:
    """``value`` clamped to ``[low, high]`` as a ``Piecewise`` (infinite bounds are left out).

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> clamp(x, 0, 1)
    Piecewise((0, x <= 0), (1, x >= 1), (x, True))
    """
    pieces = []
    if is_finite_bound(low):
        pieces.append((low, nice_condition(_le(value, low))))
    if is_finite_bound(high):
        pieces.append((high, nice_condition(_ge(value, high))))
    pieces.append((value, sp.true))
    return sp.Piecewise(*pieces)


def prune_pieces(expr: sp.Expr, domains: Mapping[sp.Symbol, tuple[sp.Expr, sp.Expr]]) -> sp.Expr:
    """Drop the pieces of a ``Piecewise`` whose condition cannot hold on the others' intervals.

    Only conditions that are a single inequality, polynomial of degree at
    most 2 in one symbol with numeric bounds, are decided; others are kept.

    Examples
    --------
    >>> y = sp.Symbol("y")
    >>> prune_pieces(sp.Piecewise((0, y >= 1), (1, y <= -1), (1 - y, True)), {y: (0, 1)})
    Piecewise((0, y >= 1), (1 - y, True))
    """
    if not isinstance(expr, sp.Piecewise):
        return expr
    kept = []
    for value, cond in expr.args:
        if cond is not sp.true and _impossible(cond, domains):
            continue
        kept.append((value, cond))
    if len(kept) == 1:
        return kept[0][0]
    return sp.Piecewise(*kept)


def _impossible(cond: sp.Basic, domains: Mapping[sp.Symbol, tuple[sp.Expr, sp.Expr]]) -> bool:
    if not isinstance(cond, sp.core.relational.Relational):
        return False
    free = cond.free_symbols
    if len(free) != 1:
        return False
    (y,) = free
    if y not in domains:
        return False
    low, high = (sp.sympify(b) for b in domains[y])
    if not (low.is_number and high.is_number):
        return False
    diff = sp.expand(cond.lhs - cond.rhs)
    if not diff.is_polynomial(y) or sp.Poly(diff, y).degree() > 2:
        return False
    try:
        feasible = sp.solve_univariate_inequality(cond, y, relational=False)
    except (NotImplementedError, TypeError, ValueError):  # pragma: no cover - sympy limits
        return False
    return feasible.intersect(sp.Interval(low, high)) is sp.S.EmptySet


# ============================================================================ best responses
class BestResponseParts(NamedTuple):
    """A best-response function and what it rests on (see :func:`best_response`)."""

    expression: sp.Expr
    interior: sp.Expr | None
    first_order: sp.Expr
    second_order: sp.Expr
    condition: sp.Basic
    kind: str
    note: str


def _unbounded(s: sp.Symbol, direction: str) -> ContinuousGameError:
    side = "upper" if direction == "+" else "lower"
    limit = "oo" if direction == "+" else "-oo"
    return ContinuousGameError(
        f"the payoff grows without bound as {s} -> {limit}, so no best response exists; "
        f"give {s} a finite {side} bound in the strategy set, e.g. ({s}, 0, 10)"
    )


def best_response(payoff: sp.Expr, s: sp.Symbol, low: sp.Expr, high: sp.Expr) -> BestResponseParts:
    """A player's best response to the others, from the first-order condition, with the corners.

    Parameters
    ----------
    payoff
        The player's payoff, in its own strategy ``s``, the others' strategies
        and parameters.
    s
        The player's strategy symbol.
    low, high
        The bounds of the strategy set (``-oo``/``oo`` for none).

    Returns
    -------
    BestResponseParts
        ``expression``: a ``Piecewise`` in the others' strategies and the
        parameters; ``interior``: the root of the first-order condition (or
        ``None``); ``first_order`` and ``second_order``: the derivatives;
        ``condition``: where the expression is the best response (``True`` for
        strictly concave payoffs, else the second-order condition at the root);
        ``kind``: ``"interior"`` (a clamped root), ``"corner"`` (convex payoff)
        or ``"linear"``.

    Raises
    ------
    ContinuousGameError
        When the payoff does not depend on ``s`` or grows without bound.
    NoClosedForm
        When the first-order condition cannot be solved in closed form.

    Examples
    --------
    A convex payoff: the first-order condition gives a minimum, so the best
    response is a corner.

    >>> x, y = sp.symbols("x y")
    >>> best_response((x - y)**2, x, 0, 1).expression
    Piecewise((0, y**2 >= (1 - y)**2), (1, True))
    """
    g = sp.diff(payoff, s)
    if g == 0:
        raise ContinuousGameError(
            f"the payoff {payoff} does not depend on the player's strategy {s}, so every "
            f"strategy is a best response; write the payoff in terms of {s}"
        )
    h = sp.diff(g, s)
    finite_low, finite_high = is_finite_bound(low), is_finite_bound(high)
    if h == 0:
        sign = _sign(g)
        if not finite_high and sign == 1:
            raise _unbounded(s, "+")
        if not finite_low and sign == -1:
            raise _unbounded(s, "-")
        if finite_low and finite_high:
            expression = sp.Piecewise((high, g > 0), (low, True))
            condition: sp.Basic = sp.true
        elif finite_low:
            expression, condition = low, sp.Le(g, 0) if sign is None else sp.true
        elif finite_high:
            expression, condition = high, sp.Ge(g, 0) if sign is None else sp.true
        else:
            raise _unbounded(s, "+" if sign != -1 else "-")
        note = (
            f"the payoff is linear in {s}: the best response is the upper bound when "
            f"{g} > 0 and the lower bound when it is negative (any strategy when it is 0)"
        )
        return BestResponseParts(expression, None, g, h, condition, "linear", note)
    h_sign = _sign(h)
    if h_sign == 1:
        if not (finite_low and finite_high):
            raise _unbounded(s, "+" if not finite_high else "-")
        u_low, u_high = payoff.subs(s, low), payoff.subs(s, high)
        expression = sp.Piecewise((low, _ge(u_low, u_high)), (high, sp.true))
        note = (
            f"the payoff is convex in {s}, so the first-order condition gives a minimum and "
            "the best response is at a corner of the strategy set"
        )
        return BestResponseParts(expression, None, g, h, sp.true, "corner", note)
    candidates = roots(g, s)
    if h_sign != -1:
        candidates = [r for r in candidates if _sign(h.subs(s, r)) != 1]
    if not candidates:
        if h_sign == -1 or not candidates:
            return _monotone_response(payoff, g, h, s, low, high)
    if len(candidates) > 1:
        if all(r.is_number for r in candidates) and finite_low and finite_high:
            values = [(payoff.subs(s, r), r) for r in candidates]
            if all(v.is_number for v, _ in values):
                best = max(values, key=lambda vr: float(vr[0]))[1]
                candidates = [best]
        if len(candidates) > 1:
            raise NoClosedForm(
                f"the first-order condition has {len(candidates)} roots in {s} that may be "
                "maxima, so the best response has no single closed form"
            )
    root = sp.cancel(candidates[0]) if not candidates[0].is_number else candidates[0]
    if h_sign == -1:
        condition = sp.true
        note = (
            f"the payoff is strictly concave in {s}: the clamped root of the first-order condition"
        )
    else:
        soc = h.subs(s, root)
        condition = sp.true if _sign(soc) == -1 else nice_condition(sp.Lt(soc, 0))
        note = (
            f"the root of the first-order condition is a local maximum where the second-order "
            f"condition holds; it is the best response where the payoff is quasi-concave in {s} "
            "(equilibria() checks every deviation numerically)"
        )
    return BestResponseParts(clamp(root, low, high), root, g, h, condition, "interior", note)


def _monotone_response(
    payoff: sp.Expr, g: sp.Expr, h: sp.Expr, s: sp.Symbol, low: sp.Expr, high: sp.Expr
) -> BestResponseParts:
    """No stationary point: the payoff is monotone in ``s``, so the best response is a bound."""
    probe = sp.Integer(0)
    if is_finite_bound(low) and is_finite_bound(high):
        probe = (low + high) / 2
    elif is_finite_bound(low):
        probe = low + 1
    elif is_finite_bound(high):
        probe = high - 1
    slope = g.subs(s, probe)
    sign = _sign(slope)
    if sign is None:
        raise NoClosedForm(
            f"the first-order condition has no root in {s} and the sign of the slope "
            "depends on the parameters"
        )
    if sign > 0:
        if not is_finite_bound(high):
            raise _unbounded(s, "+")
        target = high
    else:
        if not is_finite_bound(low):
            raise _unbounded(s, "-")
        target = low
    note = f"the payoff is monotone in {s} (no stationary point), so the best response is a bound"
    return BestResponseParts(target, None, g, h, sp.true, "corner", note)


# ============================================================================ KKT regimes
class Regime(NamedTuple):
    """A candidate equilibrium: each player inside its interval or at a bound.

    ``point`` holds one strategy per player, ``condition`` where it is an
    equilibrium (bounds, complementary slackness, second-order conditions) and
    ``status`` each player's position: ``"interior"``, ``"low"`` or ``"high"``.
    """

    point: tuple[sp.Expr, ...]
    condition: sp.Basic
    status: tuple[str, ...]


def _statuses(bounds: Sequence[tuple[sp.Expr, sp.Expr]], limit: int) -> list[tuple[str, ...]]:
    options = []
    for low, high in bounds:
        opts = ["interior"]
        if is_finite_bound(low):
            opts.append("low")
        if is_finite_bound(high):
            opts.append("high")
        options.append(opts)
    if math.prod(len(o) for o in options) > limit:
        return [("interior",) * len(bounds)]
    return list(itertools.product(*options))


def kkt_points(
    payoffs: Sequence[sp.Expr],
    symbols: Sequence[sp.Symbol],
    bounds: Sequence[tuple[sp.Expr, sp.Expr]],
    *,
    tol: float = DEFAULT_TOL,
    max_regimes: int = MAX_REGIMES,
) -> list[Regime]:
    """Every closed-form Karush-Kuhn-Tucker point of the players' own-strategy problems.

    For each assignment of players to "interior", "lower bound" or "upper
    bound" (at most ``max_regimes`` assignments; beyond that, only the
    interior one), the first-order conditions of the interior players are
    solved jointly with the others fixed at their bounds. Each solution is
    kept with its condition; solutions whose condition is false are dropped.
    With payoffs concave in own strategies these are exactly the Nash
    equilibria; otherwise they are candidates that need the global check.

    Raises
    ------
    NoClosedForm
        When some regime's first-order conditions cannot be solved in closed form.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> [r.point for r in kkt_points((-(x - 2)**2, -(y - x)**2), (x, y), ((0, 1), (0, 1)))]
    [(1, 1)]
    """
    symbols = tuple(symbols)
    grads = [sp.diff(u, s) for u, s in zip(payoffs, symbols, strict=True)]
    hessians = [sp.diff(g, s) for g, s in zip(grads, symbols, strict=True)]
    out: list[Regime] = []
    for status in _statuses(bounds, max_regimes):
        fixed = {
            s: (low if st == "low" else high)
            for s, st, (low, high) in zip(symbols, status, bounds, strict=True)
            if st != "interior"
        }
        unknowns = [s for s, st in zip(symbols, status, strict=True) if st == "interior"]
        equations = [grads[i].xreplace(fixed) for i, st in enumerate(status) if st == "interior"]
        if any(eq == 0 for eq in equations):
            raise NoClosedForm("a player's payoff does not depend on its own strategy here")
        for solution in solve_system(equations, unknowns):
            point = tuple(fixed[s] if s in fixed else solution[s] for s in symbols)
            values = dict(zip(symbols, point, strict=True))
            conditions = []
            for i, (st, (low, high)) in enumerate(zip(status, bounds, strict=True)):
                gi = grads[i].xreplace(values)
                if st == "interior":
                    conditions.append(_ge(point[i], low, tol))
                    conditions.append(_le(point[i], high, tol))
                    hi = hessians[i].xreplace(values)
                    sign = _sign(hi)
                    if sign is None:
                        hi = _short_form(hi)
                        sign = _sign(hi)
                    if sign is None:
                        conditions.append(sp.Lt(hi, 0))
                    elif sign >= 0:
                        conditions.append(sp.false)
                elif st == "low":
                    conditions.append(_le(gi, 0, tol))
                else:
                    conditions.append(_ge(gi, 0, tol))
            condition = sp.And(*conditions)
            if condition is sp.false:
                continue
            if condition is sp.true and any(r.point == point for r in out):
                continue
            out.append(Regime(point, nice_condition(condition), status))
    return out


@functools.lru_cache(maxsize=256)
def _short_form(expr: sp.Expr) -> sp.Expr:
    """A factored form of a small rational expression in few symbols (cached: regimes repeat it)."""
    if expr.is_number or sp.count_ops(expr) > 600 or len(expr.free_symbols) > 3:
        return expr
    if expr.has(sp.Piecewise, sp.Min, sp.Max):
        return expr
    return sp.factor(sp.cancel(expr))


def dedupe_numeric(regimes: Sequence[Regime], tol: float = 1e-7) -> list[Regime]:
    """Drop numeric regimes whose point repeats an earlier one (e.g. a root exactly at a bound).

    Examples
    --------
    >>> r = Regime((sp.Integer(0),), sp.true, ("interior",))
    >>> len(dedupe_numeric([r, r._replace(status=("low",))]))
    1
    """
    kept: list[Regime] = []
    for regime in regimes:
        if not all(v.is_number for v in regime.point):
            kept.append(regime)
            continue
        x = np.array([float(v) for v in regime.point])
        if any(
            all(v.is_number for v in k.point)
            and np.allclose(x, [float(v) for v in k.point], rtol=tol, atol=tol)
            for k in kept
        ):
            continue
        kept.append(regime)
    return kept


# ============================================================================ compiled numeric game
class CompiledGame:
    """A continuous game's payoffs and own-strategy gradients, compiled once with lambdify.

    Every function takes the strategy vector ``s`` (one float per player) and
    the parameter values ``theta`` (in the order of ``parameters``).

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> cg = CompiledGame((-(x - y)**2, -(y - 1)**2), (x, y), ((0, 2), (0, 2)))
    >>> cg.payoffs(np.array([0.0, 2.0])).tolist(), cg.gradient(np.array([0.0, 2.0])).tolist()
    ([-4.0, -1.0], [4.0, -2.0])
    """

    def __init__(
        self,
        payoffs: Sequence[sp.Expr],
        symbols: Sequence[sp.Symbol],
        bounds: Sequence[tuple[sp.Expr, sp.Expr]],
        parameters: Sequence[sp.Symbol] = (),
    ) -> None:
        self.payoff_exprs = tuple(payoffs)
        self.symbols = tuple(symbols)
        self.bound_exprs = tuple((sp.sympify(lo), sp.sympify(hi)) for lo, hi in bounds)
        self.parameters = tuple(parameters)
        self.n = len(self.symbols)
        args = (*self.symbols, *self.parameters)
        self._u = [sp.lambdify(args, u, "numpy") for u in self.payoff_exprs]
        grads = [sp.diff(u, s) for u, s in zip(self.payoff_exprs, self.symbols, strict=True)]
        self._g = [sp.lambdify(args, g, "numpy") for g in grads]
        # scalar fast path (one point, floats): the math module, common subexpressions once
        self._grad: Callable[..., Any] | None
        try:
            self._grad = sp.lambdify(args, grads, "math", cse=True)
        except Exception:  # a function the math printer lacks: the numpy path only
            self._grad = None
        self._grad_np = sp.lambdify(args, grads, "numpy")
        flat = [b for pair in self.bound_exprs for b in pair]
        self._numeric_bounds: tuple[np.ndarray, np.ndarray] | None = None
        if not any(b.free_symbols for b in flat):
            values = np.array([_bound_float(b) for b in flat], dtype=float).reshape(-1, 2)
            self._numeric_bounds = (values[:, 0].copy(), values[:, 1].copy())
            self._bounds_fn: Callable[..., Any] | None = None
        else:
            self._bounds_fn = sp.lambdify(self.parameters, flat, "numpy")

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            CompiledGame,
            (self.payoff_exprs, self.symbols, self.bound_exprs, self.parameters),
        )

    def bounds(self, theta: Sequence[float] = ()) -> tuple[np.ndarray, np.ndarray]:
        """Lower and upper bounds (floats, ``inf`` for none) at the parameter values."""
        if self._numeric_bounds is not None:
            return self._numeric_bounds
        assert self._bounds_fn is not None
        values = np.array(self._bounds_fn(*theta), dtype=float).reshape(-1, 2)
        return values[:, 0].copy(), values[:, 1].copy()

    def payoff(self, i: int, s: _Floats, theta: Sequence[float] = ()) -> float:
        """Player ``i``'s payoff at ``s``."""
        return float(self._u[i](*s, *theta))

    def payoffs(self, s: _Floats, theta: Sequence[float] = ()) -> np.ndarray:
        """Every player's payoff at ``s``."""
        return np.array([float(u(*s, *theta)) for u in self._u])

    def gradient(self, s: _Floats, theta: Sequence[float] = ()) -> np.ndarray:
        """Each player's derivative of its payoff in its own strategy at ``s``."""
        if self._grad is not None:
            try:  # Python floats: numpy scalars would warn where math raises
                args = s.tolist() if isinstance(s, np.ndarray) else [float(v) for v in s]
                return np.array(self._grad(*args, *map(float, theta)), dtype=float)
            except (OverflowError, ValueError, ZeroDivisionError, TypeError, NameError):
                pass
        with np.errstate(all="ignore"):
            return np.array([float(v) for v in self._grad_np(*s, *theta)], dtype=float)

    def own_curve(
        self, i: int, values: np.ndarray, s: _Floats, theta: Sequence[float] = ()
    ) -> np.ndarray:
        """Player ``i``'s payoff at each of ``values`` of its strategy, the others fixed at ``s``."""
        args: list[Any] = list(s)
        args[i] = values
        with np.errstate(all="ignore"):
            out = np.asarray(self._u[i](*args, *theta), dtype=float)
        return np.broadcast_to(out, np.shape(values)).astype(float)


def _bound_float(b: sp.Expr) -> float:
    if b == sp.oo:
        return math.inf
    if b == -sp.oo:
        return -math.inf
    return float(b)


def _box(
    lo: np.ndarray, hi: np.ndarray, centre: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """A finite box inside the strategy set to search in (infinite sides cut at a wide width)."""
    a, b = lo.astype(float).copy(), hi.astype(float).copy()
    for k in range(len(a)):
        c = 0.0 if centre is None else float(centre[k])
        width = 10.0 * max(1.0, abs(c), *(abs(v) for v in (a[k], b[k]) if math.isfinite(v)))
        if not math.isfinite(a[k]) and not math.isfinite(b[k]):
            a[k], b[k] = c - width, c + width
        elif not math.isfinite(a[k]):
            a[k] = min(c, b[k]) - width
        elif not math.isfinite(b[k]):
            b[k] = max(c, a[k]) + width
    return a, b


def refine_on_grid(
    f: Callable[[float], float],
    xs: np.ndarray,
    values: Any,
    *,
    xatol: float = 1e-12,
    margin: float = 0.0,
    ties: bool = False,
) -> tuple[float, float]:
    """The best point of a grid, refined by bounded scalar maximisation between its neighbours.

    ``values`` are ``f`` on ``xs`` (non-finite counts as minus infinity). The
    refined point replaces the grid's best when its value is above the grid's
    by more than ``margin * max(1, |grid value|)`` (or equal to it, with
    ``ties``). ``xatol`` is relative to the size of the interval's ends.

    Examples
    --------
    >>> x, u = refine_on_grid(lambda v: -(v - 0.3) ** 2, np.linspace(0, 1, 11),
    ...                       [-(v - 0.3) ** 2 for v in np.linspace(0, 1, 11)])
    >>> round(x, 6), round(u, 12)
    (0.3, -0.0)
    """
    from scipy.optimize import minimize_scalar

    vals = np.asarray(values, dtype=float)
    vals = np.where(np.isfinite(vals), vals, -np.inf)
    k = int(np.argmax(vals))
    best_x, best_u = float(xs[k]), float(vals[k])
    left, right = float(xs[max(k - 1, 0)]), float(xs[min(k + 1, len(xs) - 1)])
    if right <= left:
        return best_x, best_u

    def negative(v: float) -> float:
        with np.errstate(all="ignore"):
            value = float(f(float(v)))
        return -value if math.isfinite(value) else math.inf

    res = minimize_scalar(
        negative,
        bounds=(left, right),
        method="bounded",
        options={"xatol": xatol * max(1.0, abs(left), abs(right))},
    )
    if math.isfinite(res.fun):
        threshold = best_u + margin * max(1.0, abs(best_u))
        if -res.fun > threshold or (ties and -res.fun == threshold):
            return float(res.x), float(-res.fun)
    return best_x, best_u


def maximise_own(
    cg: CompiledGame,
    i: int,
    s: _Floats,
    theta: Sequence[float] = (),
    *,
    grid: int = CHECK_GRID,
    bounds: tuple[np.ndarray, np.ndarray] | None = None,
    refine: bool = True,
) -> tuple[float, float]:
    """Player ``i``'s best strategy against ``s`` and its payoff: a grid, then bounded refinement.

    An infinite side of the strategy set is searched up to ten times the
    larger of 1 and the current strategy's size beyond it.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> cg = CompiledGame((-(x - y)**2, -y**2), (x, y), ((0, 1), (0, 1)))
    >>> [round(v, 6) for v in maximise_own(cg, 0, [0.9, 0.3])]
    [0.3, -0.0]
    """
    lo, hi = bounds if bounds is not None else cg.bounds(theta)
    a_box, b_box = _box(lo, hi, np.asarray(s, dtype=float))
    a, b = float(a_box[i]), float(b_box[i])
    xs = np.linspace(a, b, grid)
    vals = cg.own_curve(i, xs, s, theta)
    if not refine:
        vals = np.where(np.isfinite(vals), vals, -np.inf)
        k = int(np.argmax(vals))
        return float(xs[k]), float(vals[k])
    args = list(s)

    def own(x: float) -> float:
        args[i] = x
        return float(cg._u[i](*args, *theta))

    return refine_on_grid(own, xs, vals)


def deviation_gains(
    cg: CompiledGame, s: _Floats, theta: Sequence[float] = (), **kwargs: Any
) -> np.ndarray:
    """Each player's largest gain from deviating alone from ``s`` (global, over its strategy set).

    A value at most ``tol`` (scaled by the payoff when above 1) for every
    player means ``s`` is a Nash equilibrium.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> cg = CompiledGame((-(x - y)**2, -(y - 0.5)**2), (x, y), ((0, 1), (0, 1)))
    >>> deviation_gains(cg, [0.5, 0.5]).round(9).tolist(), bool(deviation_gains(cg, [0, 0.5])[0] > 0.2)
    ([0.0, 0.0], True)
    """
    u = cg.payoffs(s, theta)
    return np.array(
        [maximise_own(cg, i, s, theta, **kwargs)[1] - u[i] for i in range(cg.n)], dtype=float
    )


def passes(gains: np.ndarray, payoffs: np.ndarray, tol: float) -> bool:
    """Whether every gain is at most ``tol``, scaled by the payoff's size when above 1."""
    return bool(np.all(gains <= tol * np.maximum(1.0, np.abs(payoffs))))


class NumericPoint(NamedTuple):
    """A numeric equilibrium: strategies, payoffs and each player's largest deviation gain."""

    point: np.ndarray
    payoffs: np.ndarray
    gains: np.ndarray


def _residual(cg: CompiledGame, theta: Sequence[float], lo: np.ndarray, hi: np.ndarray) -> Callable:
    def natural(x: np.ndarray) -> np.ndarray:
        out = x - np.minimum(np.maximum(x + cg.gradient(x, theta), lo), hi)
        if np.isfinite(out).all():
            return out
        return np.where(np.isfinite(out), out, 1e6)

    return natural


class _RunAway(Exception):
    """A root search left the search box (a flat tail): stop that start at once."""


def _solve_from(
    cg: CompiledGame,
    theta: Sequence[float],
    x0: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    *,
    iterate: bool = True,
) -> np.ndarray | None:
    """A KKT point reached from ``x0``: interior root, then the natural residual, then iteration."""
    from scipy.optimize import root

    F = _residual(cg, theta, lo, hi)

    def ok(x: np.ndarray) -> bool:
        if not np.all(np.isfinite(x)):
            return False
        return bool(np.max(np.abs(F(x))) <= 1e-8 * (1 + np.max(np.abs(x))))

    box_lo, box_hi = _box(lo, hi, x0)
    margin = 0.25 * (box_hi - box_lo)
    outer = list(zip((box_lo - margin).tolist(), (box_hi + margin).tolist(), strict=True))
    last = [x0]

    def gradient(x: np.ndarray) -> np.ndarray:
        for v, (a, b) in zip(x.tolist(), outer, strict=True):
            if not a <= v <= b:
                raise _RunAway  # running away (a flat tail): stop this start at once
        last[0] = x.copy()
        g = cg.gradient(x, theta)
        if np.isfinite(g).all():
            return g
        return np.where(np.isfinite(g), g, 1e6)

    cap = 20 * (cg.n + 1)
    try:
        reached = root(gradient, x0, method="hybr", options={"xtol": 1e-13, "maxfev": cap}).x
    except _RunAway:
        reached = last[0]  # the last point inside the box
    else:
        if np.all(reached >= lo) and np.all(reached <= hi) and ok(reached):
            return reached
    # the root may sit outside the set (a corner equilibrium): solve the natural residual,
    # from the point the interior search reached when it is nearer the set
    start = reached if np.all(np.isfinite(reached)) else x0
    start = np.clip(start, box_lo - margin, box_hi + margin)
    res = root(F, start, method="hybr", options={"xtol": 1e-12, "maxfev": cap})
    x = np.clip(res.x, lo, hi)
    if ok(x):
        return x
    if not iterate:
        return None
    # best-response iteration on a grid (cheap, and it crosses flat regions), then polish
    x = np.clip(x0.astype(float).copy(), lo, hi)
    for _ in range(30):
        old = x.copy()
        for i in range(cg.n):
            x[i] = maximise_own(cg, i, x, theta, bounds=(lo, hi), grid=65, refine=False)[0]
        if np.array_equal(x, old):
            break
    for method in (gradient, F):
        try:
            polished = root(method, x, method="hybr", options={"xtol": 1e-12, "maxfev": 4 * cap})
        except _RunAway:
            continue
        px = np.clip(polished.x, lo, hi)
        if ok(px):
            return px
    return None


def numeric_equilibria(
    cg: CompiledGame,
    theta: Sequence[float] = (),
    *,
    starts: int | np.ndarray = 8,
    seed: int = 0,
    tol: float = DEFAULT_TOL,
) -> list[NumericPoint]:
    """Nash equilibria found from several starting points, each passing the global deviation check.

    Parameters
    ----------
    cg
        The compiled game.
    theta
        Parameter values, in the order of ``cg.parameters``.
    starts
        The number of starting points (the centre of the search box, then
        uniform draws in it), or an ``(k, n)`` array of them.
    seed
        Seed of the draws.
    tol
        A point is kept when no player gains more than ``tol`` (scaled by the
        payoff when above 1) by any deviation.

    Returns
    -------
    list of NumericPoint
        Deduplicated. The search is not exhaustive: an equilibrium no start
        leads to is missed.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> cg = CompiledGame((x * (1 - x - y), y * (1 - x - y)), (x, y), ((0, 1), (0, 1)))
    >>> [p.point.round(6).tolist() for p in numeric_equilibria(cg)]
    [[0.333333, 0.333333]]
    """
    lo, hi = cg.bounds(theta)
    if isinstance(starts, np.ndarray):
        x0s = np.atleast_2d(np.asarray(starts, dtype=float))
    else:
        a, b = _box(lo, hi)
        rng = np.random.default_rng(seed)
        draws = rng.uniform(a, b, size=(max(int(starts) - 1, 0), cg.n))
        x0s = np.vstack([(a + b) / 2, draws]) if int(starts) >= 1 else draws
    found: list[NumericPoint] = []
    seen: list[np.ndarray] = []

    def consider(x: np.ndarray | None) -> None:
        if x is None or any(np.allclose(x, y, rtol=1e-6, atol=1e-8) for y in seen):
            return
        seen.append(x)
        u = cg.payoffs(x, theta)
        gains = deviation_gains(cg, x, theta, bounds=(lo, hi))
        if passes(gains, u, tol):
            found.append(NumericPoint(x, u, gains))

    # root-finding from every start first; best-response iteration (slower, but it also
    # crosses flat regions) from the first starts only when nothing was found
    for x0 in x0s:
        consider(_solve_from(cg, theta, x0, lo, hi, iterate=False))
    if not found:
        for x0 in x0s[:2]:
            consider(_solve_from(cg, theta, x0, lo, hi, iterate=True))
    return found


# ============================================================================ Stackelberg
def stackelberg_closed_form(
    payoffs: Sequence[sp.Expr],
    symbols: Sequence[sp.Symbol],
    bounds: Sequence[tuple[sp.Expr, sp.Expr]],
    leader: int,
    *,
    tol: float = DEFAULT_TOL,
) -> Regime:
    """The subgame-perfect leader-follower outcome in closed form.

    The followers' first-order conditions are solved for their strategies as
    functions of the leader's (they play a Nash equilibrium among themselves
    after seeing it); the leader maximises its payoff with that reaction
    substituted, over its own interval (:func:`best_response` of the reduced
    payoff, corners included). The condition holds where the followers'
    reaction is interior and their second-order conditions hold.

    Raises
    ------
    NoClosedForm
        When the reaction or the leader's problem has no closed form.

    Examples
    --------
    Stackelberg quantities with inverse demand ``1 - q1 - q2``: the leader
    produces 1/2, the follower 1/4.

    >>> q1, q2 = sp.symbols("q1 q2")
    >>> d = 1 - q1 - q2
    >>> stackelberg_closed_form((q1 * d, q2 * d), (q1, q2), ((0, sp.oo), (0, sp.oo)), 0).point
    (1/2, 1/4)
    """
    symbols = tuple(symbols)
    followers = [j for j in range(len(symbols)) if j != leader]
    equations = [sp.diff(payoffs[j], symbols[j]) for j in followers]
    solutions = solve_system(equations, [symbols[j] for j in followers])
    if len(solutions) != 1:
        raise NoClosedForm("the followers' first-order conditions do not have a single solution")
    reaction = solutions[0]
    reduced = payoffs[leader].xreplace(reaction)
    if sp.count_ops(reduced) < MAX_OPS // 4:
        reduced = sp.cancel(reduced)
    low, high = bounds[leader]
    parts = best_response(reduced, symbols[leader], low, high)
    s_leader = parts.expression
    conditions = [parts.condition]
    if parts.kind == "interior" and parts.interior is not None and parts.interior.free_symbols:
        s_leader = parts.interior  # symbolic: the interior root, valid where it lies in the set
        conditions += [_ge(s_leader, low, tol), _le(s_leader, high, tol)]
    values = {symbols[leader]: s_leader}
    point = tuple(
        s_leader if j == leader else reaction[symbols[j]].xreplace(values)
        for j in range(len(symbols))
    )
    full = dict(zip(symbols, point, strict=True))
    for j in followers:
        lo_j, hi_j = bounds[j]
        conditions.append(_ge(point[j], lo_j, tol))
        conditions.append(_le(point[j], hi_j, tol))
        soc = sp.diff(payoffs[j], symbols[j], 2).xreplace(full)
        sign = _sign(soc)
        if sign is None:
            conditions.append(sp.Lt(soc, 0))
        elif sign >= 0:
            conditions.append(sp.false)
    condition = sp.And(*conditions)
    status = tuple("interior" for _ in symbols)
    return Regime(tuple(_tidy(v) for v in point), nice_condition(condition), status)


def _tidy(value: sp.Expr) -> sp.Expr:
    """A short form of a small closed-form value (cancelled and factored); large ones as they are."""
    value = sp.sympify(value)
    if isinstance(value, sp.Piecewise) and len(value.args) == 1:
        return value.args[0][0]
    if value.is_number or value.has(sp.Piecewise, sp.Min, sp.Max):
        return value
    if sp.count_ops(value) < 60 and len(value.free_symbols) <= 4:
        return sp.factor(sp.cancel(value))
    return value


def _followers_response(
    cg: CompiledGame,
    leader: int,
    s_leader: float,
    start: np.ndarray,
    theta: Sequence[float],
    bounds: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    x = start.copy()
    x[leader] = s_leader
    followers = [j for j in range(cg.n) if j != leader]
    for _ in range(100 if len(followers) > 1 else 1):
        old = x.copy()
        for j in followers:
            x[j] = maximise_own(cg, j, x, theta, bounds=bounds)[0]
        if np.max(np.abs(x - old)) <= 1e-11 * (1 + np.max(np.abs(x))):
            break
    return x


def stackelberg_numeric(
    cg: CompiledGame, leader: int, theta: Sequence[float] = (), *, grid: int = 201
) -> np.ndarray:
    """The leader-follower outcome numerically: the leader's reduced payoff on a grid, refined.

    The followers' reaction to each leader strategy is found by bounded
    maximisation (best-response iteration among several followers).

    Examples
    --------
    >>> q1, q2 = sp.symbols("q1 q2")
    >>> d = 1 - q1 - q2
    >>> cg = CompiledGame((q1 * d, q2 * d), (q1, q2), ((0, 1), (0, 1)))
    >>> stackelberg_numeric(cg, 0).round(6).tolist()
    [0.5, 0.25]
    """
    lo, hi = cg.bounds(theta)
    a, b = _box(lo, hi)
    start = (a + b) / 2

    def value(s_leader: float) -> tuple[float, np.ndarray]:
        x = _followers_response(cg, leader, s_leader, start, theta, (lo, hi))
        with np.errstate(all="ignore"):
            u = cg.payoff(leader, x, theta)
        return (u if math.isfinite(u) else -math.inf), x

    xs = np.linspace(a[leader], b[leader], grid)
    values = [value(float(v))[0] for v in xs]
    best, _ = refine_on_grid(lambda v: value(v)[0], xs, values, xatol=1e-11, ties=True)
    return value(best)[1]


# ============================================================================ cooperative
def cooperative_points(
    payoffs: Sequence[sp.Expr],
    symbols: Sequence[sp.Symbol],
    bounds: Sequence[tuple[sp.Expr, sp.Expr]],
    weights: Sequence[sp.Expr],
    *,
    tol: float = DEFAULT_TOL,
    max_regimes: int = MAX_REGIMES,
) -> list[Regime]:
    """The KKT points of maximising ``sum(w_i * u_i)`` over the product of the strategy sets.

    Each coordinate is interior or at a bound; an interior point needs the
    Hessian of the interior block negative definite (checked on its leading
    principal minors, as a condition when symbolic).

    Raises
    ------
    NoClosedForm
        When a regime's first-order conditions cannot be solved in closed form.

    Examples
    --------
    Joint profit of a Cournot duopoly with costs ``q**2 / 2``:

    >>> q1, q2 = sp.symbols("q1 q2")
    >>> d = 1 - q1 - q2
    >>> u = (q1 * d - q1**2 / 2, q2 * d - q2**2 / 2)
    >>> [r.point for r in cooperative_points(u, (q1, q2), ((0, 1), (0, 1)), (1, 1))]
    [(1/5, 1/5)]
    """
    symbols = tuple(symbols)
    total = sum((sp.sympify(w) * u for w, u in zip(weights, payoffs, strict=True)), sp.Integer(0))
    grads = [sp.diff(total, s) for s in symbols]
    out: list[Regime] = []
    for status in _statuses(bounds, max_regimes):
        fixed = {
            s: (low if st == "low" else high)
            for s, st, (low, high) in zip(symbols, status, bounds, strict=True)
            if st != "interior"
        }
        inner = [i for i, st in enumerate(status) if st == "interior"]
        equations = [grads[i].xreplace(fixed) for i in inner]
        if any(eq == 0 for eq in equations):
            raise NoClosedForm("the weighted payoff does not depend on some strategy")
        for solution in solve_system(equations, [symbols[i] for i in inner]):
            point = tuple(fixed[s] if s in fixed else solution[s] for s in symbols)
            values = dict(zip(symbols, point, strict=True))
            conditions = []
            for i, (st, (low, high)) in enumerate(zip(status, bounds, strict=True)):
                if st == "interior":
                    conditions += [_ge(point[i], low, tol), _le(point[i], high, tol)]
                elif st == "low":
                    conditions.append(_le(grads[i].xreplace(values), 0, tol))
                else:
                    conditions.append(_ge(grads[i].xreplace(values), 0, tol))
            if inner:
                H = sp.Matrix(
                    [[sp.diff(total, symbols[i], symbols[j]) for j in inner] for i in inner]
                ).xreplace(values)
                for k in range(1, len(inner) + 1):
                    minor = H[:k, :k].det()
                    sign = _sign(minor * (-1) ** k)
                    if sign is None:
                        conditions.append(sp.Gt(minor * (-1) ** k, 0))
                    elif sign <= 0:
                        conditions.append(sp.false)
            condition = sp.And(*conditions)
            if condition is sp.false:
                continue
            out.append(Regime(point, nice_condition(condition), status))
    return out


def cooperative_numeric(
    cg: CompiledGame,
    weights: Sequence[float],
    theta: Sequence[float] = (),
    *,
    starts: int = 8,
    seed: int = 0,
) -> np.ndarray:
    """The maximiser of ``sum(w_i * u_i)`` by L-BFGS-B from several starts (the best found).

    Examples
    --------
    >>> q1, q2 = sp.symbols("q1 q2")
    >>> d = 1 - q1 - q2
    >>> cg = CompiledGame((q1 * d - q1**2, q2 * d - q2**2), (q1, q2), ((0, 1), (0, 1)))
    >>> cooperative_numeric(cg, (1, 1)).round(6).tolist()
    [0.166667, 0.166667]
    """
    from scipy.optimize import minimize

    lo, hi = cg.bounds(theta)
    w = np.asarray(weights, dtype=float)
    a, b = _box(lo, hi)
    rng = np.random.default_rng(seed)
    x0s = np.vstack([(a + b) / 2, rng.uniform(a, b, size=(max(starts - 1, 0), cg.n))])
    box = [
        (float(lo_k) if math.isfinite(lo_k) else None, float(hi_k) if math.isfinite(hi_k) else None)
        for lo_k, hi_k in zip(lo, hi, strict=True)
    ]

    def objective(x: np.ndarray) -> float:
        with np.errstate(all="ignore"):
            value = float(w @ cg.payoffs(x, theta))
        return -value if math.isfinite(value) else 1e300

    best_x, best_v = None, math.inf
    for x0 in x0s:
        res = minimize(
            objective, x0, method="L-BFGS-B", bounds=box, options={"ftol": 1e-15, "gtol": 1e-10}
        )
        if res.fun < best_v:
            best_x, best_v = np.clip(res.x, lo, hi), float(res.fun)
    assert best_x is not None
    return best_x


# ============================================================================ comparative statics
def comparative_statics(
    payoffs: Sequence[sp.Expr],
    symbols: Sequence[sp.Symbol],
    parameter: sp.Symbol,
    status: Sequence[str],
    point: Mapping[sp.Symbol, sp.Expr] | None = None,
) -> tuple[sp.Expr, ...]:
    """d(strategy)/d(parameter) at an equilibrium, by the implicit function theorem.

    The interior players' first-order conditions ``F(s, theta) = 0`` define
    their strategies implicitly: ``ds/dtheta = -J^{-1} dF/dtheta`` with ``J``
    the Jacobian of ``F`` in their strategies. A player at a bound does not
    move (its derivative is 0). With ``point`` the result is evaluated there.

    Raises
    ------
    NoClosedForm
        When the Jacobian is singular.

    Examples
    --------
    >>> q1, q2, a = sp.symbols("q1 q2 a")
    >>> d = a - q1 - q2
    >>> comparative_statics((q1 * d, q2 * d), (q1, q2), a, ("interior", "interior"))
    (1/3, 1/3)
    """
    symbols = tuple(symbols)
    inner = [i for i, st in enumerate(status) if st == "interior"]
    result = [sp.Integer(0)] * len(symbols)
    if not inner:
        return tuple(result)
    F = [sp.diff(payoffs[i], symbols[i]) for i in inner]
    J = sp.Matrix([[sp.diff(f, symbols[j]) for j in inner] for f in F])
    Ft = sp.Matrix([sp.diff(f, parameter) for f in F])
    if point is not None:
        J, Ft = J.xreplace(dict(point)), Ft.xreplace(dict(point))
    det = J.det()
    if det == 0 or (det.is_number and abs(complex(det.evalf())) <= 1e-14):
        raise NoClosedForm("the Jacobian of the first-order conditions is singular there")
    ds = -J.LUsolve(Ft)
    for k, i in enumerate(inner):
        value = ds[k]
        result[i] = sp.factor(sp.cancel(value)) if sp.count_ops(value) < 400 else value
    return tuple(result)


# ============================================================================ compiled closed form
class CompiledEquilibrium:
    """Closed-form equilibrium regimes compiled once, evaluated on arrays of parameter values.

    Call it with one array (or number) per parameter, in the order of
    :attr:`parameters` (or by name as keywords); the arrays broadcast. At
    each point the first regime whose condition holds is reported. Regimes
    are tried in order on the points still open, so a regime that holds
    everywhere (the interior one, typically) costs one evaluation; with
    ``all_regimes=True`` every regime's condition is evaluated everywhere and
    ``count`` says how many hold (several closed-form equilibria).

    Returns, from a call, a :class:`SweepArrays` of shape ``(points, players)``
    (a scalar call gives one point).

    Examples
    --------
    >>> q1, q2, a = sp.symbols("q1 q2 a")
    >>> d = a - q1 - q2
    >>> regimes = kkt_points((q1 * d, q2 * d), (q1, q2), ((0, sp.oo), (0, sp.oo)))
    >>> f = CompiledEquilibrium(regimes, (q1 * d, q2 * d), (q1, q2), (a,))
    >>> f.parameters
    (a,)
    >>> out = f(np.array([3.0, -1.0]))
    >>> out.strategies.tolist(), out.found.tolist()
    ([[1.0, 1.0], [0.0, 0.0]], [True, True])
    """

    def __init__(
        self,
        regimes: Sequence[Regime],
        payoffs: Sequence[sp.Expr],
        symbols: Sequence[sp.Symbol],
        parameters: Sequence[sp.Symbol],
    ) -> None:
        self.regimes = tuple(regimes)
        self.payoff_exprs = tuple(payoffs)
        self.symbols = tuple(symbols)
        self.parameters = tuple(parameters)
        self.n = len(self.symbols)
        self._conditions = []
        self._values = []
        for regime in self.regimes:
            values = dict(zip(self.symbols, regime.point, strict=True))
            row = [*regime.point, *(u.xreplace(values) for u in self.payoff_exprs)]
            self._conditions.append(
                sp.lambdify(self.parameters, regime.condition, modules="numpy", cse=True)
            )
            self._values.append(sp.lambdify(self.parameters, row, modules="numpy", cse=True))

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            CompiledEquilibrium,
            (self.regimes, self.payoff_exprs, self.symbols, self.parameters),
        )

    def _arguments(self, values: tuple[Any, ...], named: Mapping[str, Any]) -> tuple[Any, ...]:
        if named:
            by_name = {p.name: k for k, p in enumerate(self.parameters)}
            args: list[Any] = list(values) + [None] * (len(self.parameters) - len(values))
            for name, v in named.items():
                if name not in by_name:
                    known = ", ".join(by_name) or "none"
                    raise SweepError(f"no parameter named {name!r}; the parameters are: {known}")
                args[by_name[name]] = v
            values = tuple(args)
        if len(values) != len(self.parameters) or any(v is None for v in values):
            names = ", ".join(p.name for p in self.parameters) or "none"
            raise SweepError(
                f"give one value or array per parameter, in the order ({names}); got {len(values)}"
            )
        return values

    def __call__(self, *values: Any, all_regimes: bool = False, **named: Any) -> SweepArrays:
        values = self._arguments(values, named)
        arrays = [np.asarray(v, dtype=float) for v in values]
        shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
        size = int(np.prod(shape)) if shape else 1
        flat = [np.broadcast_to(a, shape).reshape(-1) for a in arrays]
        strategies = np.full((size, self.n), np.nan)
        payoffs = np.full((size, self.n), np.nan)
        found = np.zeros(size, dtype=bool)
        count = np.zeros(size, dtype=np.int64)
        for condition, row in zip(self._conditions, self._values, strict=True):
            where = np.arange(size) if all_regimes else np.flatnonzero(~found)
            if where.size == 0:
                break
            args = [f[where] for f in flat]
            with np.errstate(all="ignore"):
                ok = np.broadcast_to(np.asarray(condition(*args), dtype=bool), where.shape).copy()
            if not ok.any():
                continue
            sub = where[ok]
            with np.errstate(all="ignore"):
                vals = [
                    np.broadcast_to(np.asarray(v, dtype=float), sub.shape)
                    for v in row(*(f[sub] for f in flat))
                ]
            finite = np.logical_and.reduce([np.isfinite(v) for v in vals])
            sub, vals = sub[finite], [v[finite] for v in vals]
            take = ~found[sub]
            for k in range(self.n):
                strategies[sub[take], k] = vals[k][take]
                payoffs[sub[take], k] = vals[self.n + k][take]
            found[sub] = True
            count[sub] += 1
        return SweepArrays(strategies, payoffs, found, count)


class SweepArrays(NamedTuple):
    """Equilibrium strategies and payoffs ``(points, players)``, whether one was found, how many."""

    strategies: np.ndarray
    payoffs: np.ndarray
    found: np.ndarray
    count: np.ndarray  # type: ignore[assignment]  # the field shadows tuple.count


def grid_columns(
    parameters: Sequence[sp.Symbol], grid: Mapping[Any, Any]
) -> tuple[list[np.ndarray], tuple[int, ...]]:
    """The full factorial grid as one flat column per parameter (in ``parameters`` order).

    Raises
    ------
    SweepError
        For a name that is not a parameter, a parameter left out, or an empty axis.

    Examples
    --------
    >>> a, b = sp.symbols("a b")
    >>> cols, shape = grid_columns((a, b), {"b": [1, 2, 3], "a": [0, 1]})
    >>> shape, cols[1].tolist()
    ((2, 3), [1.0, 2.0, 3.0, 1.0, 2.0, 3.0])
    """
    names = [p.name for p in parameters]
    given: dict[str, np.ndarray] = {}
    for key, axis in grid.items():
        name = key.name if isinstance(key, sp.Symbol) else key
        if name not in names:
            known = ", ".join(names) or "none (the game is numeric)"
            raise SweepError(f"no parameter named {key!r} in the game; the parameters are: {known}")
        values = np.asarray(axis, dtype=float).reshape(-1)
        if values.size == 0:
            raise SweepError(f"the grid axis {name!r} is empty; give at least one value")
        if not np.all(np.isfinite(values)):
            raise SweepError(
                f"the grid axis {name!r} has NaN or infinite values; give finite numbers"
            )
        given[name] = values
    missing = [n for n in names if n not in given]
    if missing:
        hint = ", ".join(f"{n}=..." for n in missing)
        raise SweepError(
            f"the grid does not give {', '.join(missing)}; add them to grid= or fix them "
            f"first with game.subs({hint})"
        )
    axes = [given[n] for n in names]
    shape = tuple(a.size for a in axes)
    if not axes:
        return [], ()
    mesh = np.meshgrid(*axes, indexing="ij")
    return [m.reshape(-1) for m in mesh], shape


def sweep_closed_form(
    compiled: CompiledEquilibrium, columns: Sequence[np.ndarray], *, chunk_size: int = 65_536
) -> SweepArrays:
    """Evaluate a compiled closed form over flat parameter columns, ``chunk_size`` points at a time.

    Examples
    --------
    >>> q1, q2, a = sp.symbols("q1 q2 a")
    >>> d = a - q1 - q2
    >>> f = CompiledEquilibrium(kkt_points((q1 * d, q2 * d), (q1, q2), ((0, sp.oo),) * 2),
    ...                         (q1 * d, q2 * d), (q1, q2), (a,))
    >>> sweep_closed_form(f, [np.linspace(0, 3, 4)]).strategies[:, 0].tolist()
    [0.0, 0.3333333333333333, 0.6666666666666666, 1.0]
    """
    size = len(columns[0]) if columns else 1
    parts = []
    for start in range(0, size, max(int(chunk_size), 1)):
        stop = min(size, start + int(chunk_size))
        parts.append(compiled(*(c[start:stop] for c in columns)))
    return SweepArrays(
        *(np.concatenate([getattr(p, f) for p in parts]) for f in SweepArrays._fields)
    )


def sweep_numeric(
    cg: CompiledGame,
    columns: Sequence[np.ndarray],
    *,
    starts: int = 4,
    seed: int = 0,
    tol: float = DEFAULT_TOL,
) -> SweepArrays:
    """The numeric solve at every point (first equilibrium found, and how many were found).

    Examples
    --------
    >>> x, y, a = sp.symbols("x y a")
    >>> cg = CompiledGame((x * (a - x - y), y * (a - x - y)), (x, y), ((0, 5), (0, 5)), (a,))
    >>> sweep_numeric(cg, [np.array([3.0, 6.0])]).strategies.round(6).tolist()
    [[1.0, 1.0], [2.0, 2.0]]
    """
    size = len(columns[0]) if columns else 1
    strategies = np.full((size, cg.n), np.nan)
    payoffs = np.full((size, cg.n), np.nan)
    count = np.zeros(size, dtype=np.int64)
    for k in range(size):
        theta = [float(c[k]) for c in columns]
        points = numeric_equilibria(cg, theta, starts=starts, seed=seed, tol=tol)
        count[k] = len(points)
        if points:
            strategies[k] = points[0].point
            payoffs[k] = points[0].payoffs
    return SweepArrays(strategies, payoffs, count > 0, count)
