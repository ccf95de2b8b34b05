"""Bargaining solutions as free functions on plain sympy data.

Two kinds of feasible set are handled:

* a **finite set of packages** (utility pairs of exact rationals), either on its
  own or, with lotteries, through its convex hull. The solutions on a hull are
  found in closed form on each edge of the Pareto frontier, so rational input
  gives rational output (and a symbolic bargaining power gives a
  ``Piecewise``);
* a **frontier curve** ``u2 = f(u1)`` on an interval, numeric or symbolic; the
  first-order conditions are solved with sympy, so a symbolic frontier gives a
  closed form in its parameters.

Every function returns a :class:`Solution` (the two utilities, the lottery
over package indices that achieves them, and the condition under which a
symbolic answer is valid). :class:`negotiation.BargainingProblem` checks its
input and calls these; they trust what they get (exact rationals, a
disagreement point with gains from trade).

References
----------
J. F. Nash (1950), "The bargaining problem", *Econometrica* 18(2): 155-162.
E. Kalai and M. Smorodinsky (1975), "Other solutions to Nash's bargaining
problem", *Econometrica* 43(3): 513-518.
A. Muthoo (1999), *Bargaining Theory with Applications*, chapter 2.

Examples
--------
>>> import sympy as sp
>>> from negotiation.bargaining.solutions import nash_points
>>> pts = [(sp.Integer(4), sp.Integer(0)), (sp.Integer(0), sp.Integer(2))]
>>> nash_points(pts, (sp.Integer(0), sp.Integer(0)), sp.Rational(1, 2), lotteries=True)[:2]
(2, 1)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any, NamedTuple

import sympy as sp

from negotiation.bargaining.geometry import convex_hull_indices as convex_hull
from negotiation.bargaining.geometry import cross, distinct
from negotiation.errors import BargainingError
from negotiation.symbolic import bounded_simplify

__all__ = [
    "Solution",
    "convex_hull",
    "egalitarian_curve",
    "egalitarian_points",
    "gains_condition_curve",
    "gains_condition_points",
    "ideal_point_curve",
    "ideal_point_points",
    "joint_surplus_points",
    "kalai_smorodinsky_curve",
    "kalai_smorodinsky_points",
    "nash_curve",
    "nash_points",
    "pareto_indices",
    "require_gains",
    "status_curve",
    "status_points",
    "utilitarian_curve",
    "utilitarian_points",
]

Point = tuple[sp.Expr, sp.Expr]


class Solution(NamedTuple):
    """A solution point, the lottery that achieves it and where it is valid.

    Attributes
    ----------
    u1, u2
        The utilities.
    weights
        ``(index, probability)`` pairs over the input packages (empty for a
        curve, or when the answer is a ``Piecewise`` in a symbolic parameter).
    condition
        A sympy Boolean over the parameters (``sympy.true`` when numeric).
    """

    u1: sp.Expr
    u2: sp.Expr
    weights: tuple[tuple[int, sp.Expr], ...] = ()
    condition: sp.Basic = sp.true


def pareto_indices(points: Sequence[Point], *, lotteries: bool) -> list[int]:
    """Indices of the packages on the (strong) Pareto frontier, by increasing ``u1``.

    With ``lotteries`` these are the vertices of the hull's Pareto frontier (the
    segments between consecutive ones are efficient too); without, the
    undominated packages.

    Examples
    --------
    >>> P = [(sp.Integer(x), sp.Integer(y)) for x, y in [(3, 3), (-2, 4), (4, -2), (1, 1)]]
    >>> pareto_indices(P, lotteries=True)
    [1, 0, 2]
    """
    idx = distinct(points)
    if not lotteries:
        keep = [i for i in idx if not any(_dominates(points[j], points[i]) for j in idx)]
        return sorted(keep, key=lambda i: points[i][0])
    order = sorted(idx, key=lambda i: (points[i][0], points[i][1]))
    hull: list[int] = []
    for i in order:
        while len(hull) >= 2 and cross(points[hull[-2]], points[hull[-1]], points[i]) >= 0:
            hull.pop()
        hull.append(i)
    top = max(points[i][1] for i in hull)
    start = max(k for k, i in enumerate(hull) if points[i][1] == top)
    return hull[start:]


def _dominates(a: Point, b: Point) -> bool:
    return bool(a[0] >= b[0] and a[1] >= b[1] and (a[0] > b[0] or a[1] > b[1]))


def _y_at(chain: Sequence[Point], x: sp.Expr) -> sp.Expr:
    if len(chain) == 1 or x == chain[0][0]:
        return chain[0][1]
    for (xa, ya), (xb, yb) in pairwise(chain):
        if xa <= x <= xb:
            return ya + (yb - ya) * (x - xa) / (xb - xa)
    raise AssertionError("x outside the frontier")  # pragma: no cover


def _x_at_y(chain: Sequence[Point], y: sp.Expr) -> sp.Expr:
    for (xa, ya), (xb, yb) in pairwise(chain):
        if yb <= y <= ya:
            return xa + (xb - xa) * (y - ya) / (yb - ya)
    raise AssertionError("y outside the frontier")  # pragma: no cover


def _slope(a: Point, b: Point) -> sp.Expr:
    return (b[1] - a[1]) / (b[0] - a[0])


def weights_at(points: Sequence[Point], chain: Sequence[int], x: sp.Expr) -> tuple:
    """The lottery over frontier packages ``chain`` that gives first-player utility ``x``."""
    for i in chain:
        if points[i][0] == x:
            return ((i, sp.Integer(1)),)
    for i, j in pairwise(chain):
        (xa, _), (xb, _) = points[i], points[j]
        if xa < x < xb:
            lam = (xb - x) / (xb - xa)
            return ((i, lam), (j, 1 - lam))
    raise AssertionError("x outside the frontier")  # pragma: no cover


# =========================================================================== feasibility
def status_points(points: Sequence[Point], d: Point, *, lotteries: bool) -> str:
    """``"gains"``, ``"boundary"`` (only weak gains) or ``"outside"`` (``d`` beats every package).

    Examples
    --------
    >>> P = [(sp.Integer(2), sp.Integer(0)), (sp.Integer(0), sp.Integer(2))]
    >>> [status_points(P, (sp.Integer(a), sp.Integer(a)), lotteries=True) for a in (0, 1, 2)]
    ['gains', 'boundary', 'outside']
    """
    d1, d2 = d
    if not lotteries:
        if any(x > d1 and y > d2 for x, y in points):
            return "gains"
        if any(x >= d1 and y >= d2 for x, y in points):
            return "boundary"
        return "outside"
    chain = [points[i] for i in pareto_indices(points, lotteries=True)]
    return _status_chain(chain[0][0], chain[-1][0], lambda x: _y_at(chain, x), d)


def _status_chain(x0: Any, xn: Any, y_at: Callable[[Any], Any], d: Point) -> str:
    d1, d2 = d
    if d1 > xn:
        return "outside"
    lo = max(x0, d1)
    ylo = y_at(lo)
    if ylo < d2:
        return "outside"
    if ylo > d2 and (lo > d1 or lo < xn):
        return "gains"
    return "boundary"


def require_gains(status: str, d: Point) -> None:
    """Raise :class:`BargainingError` unless ``status`` is ``"gains"``."""
    where = f"d = ({d[0]}, {d[1]})"
    if status == "outside":
        raise BargainingError(
            f"the disagreement point {where} lies outside the feasible set: no feasible "
            "package gives both players their disagreement payoffs, so there are no gains "
            "from trade; lower the disagreement point or add packages that beat it"
        )
    if status == "boundary":
        raise BargainingError(
            f"no gains from trade: no feasible package gives both players strictly more than "
            f"the disagreement point {where}, which lies on the edge of the feasible set; lower "
            "the disagreement point or add packages that beat it for both players"
        )


def gains_condition_points(points: Sequence[Point], d: Point, *, lotteries: bool) -> sp.Basic:
    """The sympy condition that some package (or lottery) beats ``d`` strictly for both.

    With lotteries, a segment between packages ``p`` and ``q`` enters the open
    quadrant above ``d`` iff one end does or, with ``a = p - d`` and
    ``b = q - d``, ``a1 > 0``, ``b2 > 0`` and ``a1 b2 - a2 b1 > 0``.

    Examples
    --------
    >>> a, c = sp.symbols("a c")
    >>> P = [(a, sp.Integer(-1)), (sp.Integer(-1), c)]
    >>> gains_condition_points(P, (sp.Integer(0), sp.Integer(0)), lotteries=True)
    (a > 0) & (c > 0) & (a*c - 1 > 0)
    """
    d1, d2 = d
    rel = [(x - d1, y - d2) for x, y in points]
    terms: list[sp.Basic] = [sp.And(a1 > 0, a2 > 0) for a1, a2 in rel]
    if lotteries:
        for i, (a1, a2) in enumerate(rel):
            for j, (b1, b2) in enumerate(rel):
                if i != j:
                    terms.append(sp.And(a1 > 0, b2 > 0, sp.expand(a1 * b2 - a2 * b1) > 0))
    return sp.Or(*terms)


def ideal_point_points(points: Sequence[Point], d: Point, *, lotteries: bool) -> Point:
    """Each player's best utility among the feasible outcomes both weakly prefer to ``d``."""
    d1, d2 = d
    if not lotteries:
        ir = [(x, y) for x, y in points if x >= d1 and y >= d2]
        return max(x for x, _ in ir), max(y for _, y in ir)
    chain = [points[i] for i in pareto_indices(points, lotteries=True)]
    nodes = _ir_nodes(chain, d)
    return nodes[-1][0], nodes[0][1]


def _ir_nodes(chain: Sequence[Point], d: Point) -> list[Point]:
    """The individually rational part of a polygonal frontier, as its corner points."""
    d1, d2 = d
    xn, yn = chain[-1]
    lo = max(chain[0][0], d1)
    hi = xn if yn >= d2 else _x_at_y(chain, d2)
    nodes = [(lo, _y_at(chain, lo))]
    nodes += [v for v in chain if lo < v[0] < hi]
    if hi > lo:
        nodes.append((hi, _y_at(chain, hi)))
    return nodes


# =========================================================================== finite sets
def _ir_strict(points: Sequence[Point], d: Point) -> list[int]:
    return [i for i, (x, y) in enumerate(points) if x > d[0] and y > d[1]]


def _ir_weak(points: Sequence[Point], d: Point) -> list[int]:
    return [i for i, (x, y) in enumerate(points) if x >= d[0] and y >= d[1]]


def _argmax(indices: Sequence[int], key: Callable[[int], Any]) -> int:
    """The first index with the greatest key (ties go to the earliest package)."""
    best = indices[0]
    best_key = key(best)
    for i in indices[1:]:
        k = key(i)
        if k > best_key:
            best, best_key = i, k
    return best


def _pure(points: Sequence[Point], i: int, condition: sp.Basic = sp.true) -> Solution:
    return Solution(points[i][0], points[i][1], ((i, sp.Integer(1)),), condition)


class _LogKey:
    """Compares ``beta*log(a) + (1-beta)*log(b)`` exactly where it can."""

    def __init__(self, a: sp.Expr, b: sp.Expr, beta: sp.Rational) -> None:
        self.a, self.b, self.beta = a, b, beta

    def _exact(self) -> tuple[sp.Expr, int] | None:
        q = int(self.beta.q)
        if q > 64:
            return None
        p = int(self.beta.p)
        return self.a**p * self.b ** (q - p), q

    def __gt__(self, other: _LogKey) -> bool:
        mine, theirs = self._exact(), other._exact()
        if mine is not None and theirs is not None:
            return bool(mine[0] > theirs[0])
        f = self.beta * sp.log(self.a) + (1 - self.beta) * sp.log(self.b)
        g = other.beta * sp.log(other.a) + (1 - other.beta) * sp.log(other.b)
        return bool((f - g).evalf(60) > 0)


def _nash_finite(points: Sequence[Point], d: Point, beta: sp.Expr) -> Solution:
    d1, d2 = d
    cand = _ir_strict(points, d)
    if beta.is_Rational:
        best = _argmax(cand, lambda i: _LogKey(points[i][0] - d1, points[i][1] - d2, beta))
        return _pure(points, best)
    # symbolic beta: the upper envelope of the lines log(b_i) + beta*log(a_i/b_i)
    front = [i for i in pareto_indices(points, lotteries=False) if i in cand]
    c = {i: sp.log(points[i][1] - d2) for i in front}
    s = {i: sp.log(points[i][0] - d1) - sp.log(points[i][1] - d2) for i in front}
    cur = front[0]
    pieces: list[tuple[int, sp.Expr]] = []
    while True:
        later = [j for j in front if points[j][0] > points[cur][0]]
        cross = [(bounded_simplify((c[cur] - c[j]) / (s[j] - s[cur])), j) for j in later]
        cross = [(t, j) for t, j in cross if float(t) < 1]
        if not cross:
            pieces.append((cur, sp.Integer(1)))
            break
        t_min = min(float(t) for t, _ in cross)
        t, nxt = max(
            ((t, j) for t, j in cross if math.isclose(float(t), t_min, rel_tol=0, abs_tol=1e-12)),
            key=lambda tj: points[tj[1]][0],
        )
        if float(t) > 0:
            pieces.append((cur, t))
        cur = nxt
    return _piecewise_solution([(t, points[i][0], points[i][1]) for i, t in pieces], beta)


def _piecewise_solution(pieces: Sequence[tuple[Any, Any, Any]], beta: sp.Expr) -> Solution:
    """``pieces`` are ``(upper threshold, u1, u2)`` by increasing threshold."""
    if len(pieces) == 1:
        return Solution(sp.sympify(pieces[0][1]), sp.sympify(pieces[0][2]))
    u1 = sp.Piecewise(*[(x, beta <= t) for t, x, _ in pieces[:-1]], (pieces[-1][1], True))
    u2 = sp.Piecewise(*[(y, beta <= t) for t, _, y in pieces[:-1]], (pieces[-1][2], True))
    return Solution(u1, u2)


# =========================================================================== finite points
def nash_points(points: Sequence[Point], d: Point, beta: sp.Expr, *, lotteries: bool) -> Solution:
    """The (asymmetric) Nash bargaining solution on a finite set or its convex hull.

    Maximises ``(u1 - d1)**beta * (u2 - d2)**(1 - beta)``. On the hull the
    maximiser on each frontier edge is ``u1 = d1 + beta*K/(-m)`` (``m`` the
    edge's slope, ``K`` the second player's gain on the edge's line at
    ``u1 = d1``), clamped to the edge; the edge is chosen by thresholds on
    ``beta``, so a symbolic ``beta`` gives a ``Piecewise``. Without lotteries,
    ties go to the package listed first.

    Examples
    --------
    >>> P = [(sp.Integer(x), sp.Integer(y)) for x, y in [(3, 3), (-2, 4), (4, -2), (-1, -1)]]
    >>> nash_points(P, (sp.Integer(-1), sp.Integer(-1)), sp.Rational(1, 2), lotteries=True)
    Solution(u1=3, u2=3, weights=((0, 1),), condition=True)
    """
    if not lotteries:
        return _nash_finite(points, d, beta)
    d1, d2 = d
    chain_idx = pareto_indices(points, lotteries=True)
    chain = [points[i] for i in chain_idx]
    nodes = _ir_nodes(chain, d)

    def t(v: Point, m: sp.Expr) -> sp.Expr:
        a = -m * (v[0] - d1)
        return a / ((v[1] - d2) + a)

    pieces: list[tuple[Any, Any, Any]] = []
    for k, v in enumerate(nodes):
        if k > 0:
            u = nodes[k - 1]
            m = _slope(u, v)
            K = (u[1] - d2) - m * (u[0] - d1)
            x = d1 + beta * K / (-m)
            pieces.append((t(v, m), x, u[1] + m * (x - u[0])))
        upper = t(v, _slope(v, nodes[k + 1])) if k + 1 < len(nodes) else sp.Integer(1)
        pieces.append((upper, v[0], v[1]))
    # drop pieces of zero width (clipped end points hold only for beta = 0 or 1)
    kept: list[tuple[Any, Any, Any]] = []
    last = sp.Integer(0)
    for piece in pieces:
        if piece[0] > last:
            kept.append(piece)
            last = piece[0]
    if beta.is_number:
        for upper, x, _ in kept:
            if beta <= upper:
                x = sp.nsimplify(x) if x.has(sp.Float) else bounded_simplify(x)
                return Solution(x, _y_at(chain, x), weights_at(points, chain_idx, x))
    return _piecewise_solution([(t, sp.expand(x), sp.expand(y)) for t, x, y in kept], beta)


def kalai_smorodinsky_points(points: Sequence[Point], d: Point, *, lotteries: bool) -> Solution:
    """The Kalai-Smorodinsky solution: equal shares of each player's ideal gain.

    On the hull it is the frontier point on the segment from ``d`` to the ideal
    point; without lotteries, the package that maximises the smaller of the two
    normalised gains (ties: the larger other gain, then the earlier package).

    Examples
    --------
    >>> P = [(sp.Integer(x), sp.Integer(y)) for x, y in [(0, 4), (2, 3), (4, 0)]]
    >>> kalai_smorodinsky_points(P, (sp.Integer(0), sp.Integer(0)), lotteries=True)[:2]
    (12/5, 12/5)
    """
    d1, d2 = d
    U1, U2 = ideal_point_points(points, d, lotteries=lotteries)
    A, B = U2 - d2, U1 - d1
    if not lotteries:

        def key(i: int) -> tuple:
            g = ((points[i][0] - d1) / B, (points[i][1] - d2) / A)
            return (min(g), max(g))

        return _pure(points, _argmax(_ir_strict(points, d), key))
    chain_idx = pareto_indices(points, lotteries=True)
    chain = [points[i] for i in chain_idx]
    nodes = _ir_nodes(chain, d)

    def g(v: Point) -> sp.Expr:
        return (v[0] - d1) * A - (v[1] - d2) * B

    x = nodes[-1][0]
    for u, v in pairwise(nodes):
        if g(v) >= 0:
            m = _slope(u, v)
            x = (d1 * A + (u[1] - m * u[0] - d2) * B) / (A - m * B)
            break
    if len(nodes) == 1:
        x = nodes[0][0]
    return Solution(x, _y_at(chain, x), weights_at(points, chain_idx, x))


def egalitarian_points(points: Sequence[Point], d: Point, *, lotteries: bool) -> Solution:
    """The egalitarian solution: equal gains over ``d``, as large as possible (leximin).

    Examples
    --------
    >>> P = [(sp.Integer(x), sp.Integer(y)) for x, y in [(0, 4), (6, 0)]]
    >>> egalitarian_points(P, (sp.Integer(0), sp.Integer(0)), lotteries=True)[:2]
    (12/5, 12/5)
    """
    d1, d2 = d
    if not lotteries:

        def key(i: int) -> tuple:
            g = (points[i][0] - d1, points[i][1] - d2)
            return (min(g), max(g))

        return _pure(points, _argmax(_ir_strict(points, d), key))
    chain_idx = pareto_indices(points, lotteries=True)
    chain = [points[i] for i in chain_idx]
    nodes = _ir_nodes(chain, d)

    def h(v: Point) -> sp.Expr:
        return (v[0] - d1) - (v[1] - d2)

    if h(nodes[0]) >= 0:
        x = nodes[0][0]
    elif h(nodes[-1]) <= 0:
        x = nodes[-1][0]
    else:
        x = nodes[-1][0]
        for u, v in pairwise(nodes):
            if h(v) >= 0:
                m = _slope(u, v)
                x = (d1 - d2 + u[1] - m * u[0]) / (1 - m)
                break
    return Solution(x, _y_at(chain, x), weights_at(points, chain_idx, x))


def utilitarian_points(points: Sequence[Point], d: Point, *, lotteries: bool) -> Solution:
    """The utilitarian solution: the largest sum of utilities among outcomes both accept.

    Only outcomes that give each player at least the disagreement payoff count.
    Ties (a frontier edge of slope -1, or equal sums without lotteries) are
    broken by the symmetric Nash product.

    Examples
    --------
    >>> P = [(sp.Integer(x), sp.Integer(y)) for x, y in [(0, 4), (1, 3), (3, 1), (4, 0)]]
    >>> utilitarian_points(P, (sp.Integer(0), sp.Integer(0)), lotteries=True)[:2]
    (2, 2)
    """
    d1, d2 = d
    if not lotteries:
        cand = _ir_weak(points, d)
        return _pure(
            points,
            _argmax(
                cand,
                lambda i: (
                    points[i][0] + points[i][1],
                    (points[i][0] - d1) * (points[i][1] - d2),
                ),
            ),
        )
    chain_idx = pareto_indices(points, lotteries=True)
    chain = [points[i] for i in chain_idx]
    nodes = _ir_nodes(chain, d)
    x = nodes[-1][0]
    for u, v in pairwise(nodes):
        m = _slope(u, v)
        if m < -1:
            x = u[0]
            break
        if m == -1:
            K = (u[1] - d2) - m * (u[0] - d1)
            x = min(max(d1 + K / 2, u[0]), v[0])
            break
    return Solution(x, _y_at(chain, x), weights_at(points, chain_idx, x))


def joint_surplus_points(points: Sequence[Point], d: Point, *, lotteries: bool) -> sp.Expr:
    """The largest joint gain ``(u1 - d1) + (u2 - d2)`` over outcomes both accept (0 if none).

    Works with symbolic utilities: the maximum is taken over every package and,
    with lotteries, every point where a segment between two packages crosses
    ``u1 = d1`` or ``u2 = d2`` (the corners of the acceptable part of the hull).

    Examples
    --------
    >>> P = [(sp.Integer(5), sp.Integer(-2)), (sp.Integer(-2), sp.Integer(4))]
    >>> joint_surplus_points(P, (sp.Integer(0), sp.Integer(0)), lotteries=True)
    8/3
    """
    d1, d2 = d
    cands: list[sp.Expr] = [sp.Integer(0)]
    numeric = all(sp.sympify(v).is_number for p in points for v in p) and all(
        sp.sympify(v).is_number for v in d
    )
    if numeric:
        status = status_points(points, d, lotteries=lotteries)
        if status == "outside":
            return sp.Integer(0)
        if lotteries:
            chain = [points[i] for i in pareto_indices(points, lotteries=True)]
            nodes = _ir_nodes(chain, d)
            return max(x + y - d1 - d2 for x, y in nodes)
        return max(points[i][0] + points[i][1] - d1 - d2 for i in _ir_weak(points, d))
    for x, y in points:
        cands.append(sp.Piecewise((x + y - d1 - d2, sp.And(x >= d1, y >= d2)), (0, True)))
    if lotteries:
        for i, (xa, ya) in enumerate(points):
            for xb, yb in points[i + 1 :]:
                for k in (0, 1):
                    ca, cb, dk = (xa, xb, d1) if k == 0 else (ya, yb, d2)
                    # the point where the segment crosses u_k = d_k, at lam = num/den;
                    # conditions multiplied through by den**2 so they never divide by 0
                    den, num = sp.expand(ca - cb), sp.expand(dk - cb)
                    if den.is_zero:
                        continue
                    qx = sp.expand((xb - d1) * den + num * (xa - xb))
                    qy = sp.expand((yb - d2) * den + num * (ya - yb))
                    ok = sp.And(
                        sp.Ne(den, 0),
                        num * den >= 0,
                        (den - num) * den >= 0,
                        qx * den >= 0,
                        qy * den >= 0,
                    )
                    if ok is not sp.false:
                        cands.append(sp.Piecewise(((qx + qy) / den, ok), (0, True)))
    return sp.Max(*cands)


# =========================================================================== curves
def _is_numeric(*exprs: Any) -> bool:
    return all(not sp.sympify(e).free_symbols for e in exprs)


def _numeric_curve(f: sp.Expr, u: sp.Symbol, *rest: Any) -> bool:
    return not (f.free_symbols - {u}) and _is_numeric(*rest)


def _ir_interval_numeric(f: sp.Expr, u: sp.Symbol, low: Any, high: Any, d: Point) -> tuple:
    d1, d2 = d
    lo = max(low, d1)
    hi = high if f.subs(u, high) >= d2 else _root_in(f - d2, u, low, high)
    return lo, hi


def _root_in(g: sp.Expr, u: sp.Symbol, a: Any, b: Any) -> sp.Expr:
    """The root of a decreasing numeric function ``g`` in ``[a, b]`` (exact when sympy can)."""
    try:
        roots = [r for r in sp.solve(g, u) if r.is_real and a <= r <= b]
    except (NotImplementedError, TypeError):
        roots = []
    if roots:
        return roots[0]
    return _bisect(sp.lambdify(u, -g, "math"), float(a), float(b))


def _bisect(fn: Callable[[float], float], a: float, b: float) -> sp.Float:
    """Root of an increasing function on ``[a, b]`` by bisection."""
    for _ in range(200):
        mid = (a + b) / 2
        if fn(mid) < 0:
            a = mid
        else:
            b = mid
    return sp.Float((a + b) / 2)


def _golden(fn: Callable[[float], float], a: float, b: float) -> sp.Float:
    """Maximiser of a single-peaked function on ``[a, b]`` by golden-section search."""
    inv = (math.sqrt(5) - 1) / 2
    c, e = b - inv * (b - a), a + inv * (b - a)
    for _ in range(200):
        if fn(c) >= fn(e):
            b, e = e, c
            c = b - inv * (b - a)
        else:
            a, c = c, e
            e = a + inv * (b - a)
    return sp.Float((a + b) / 2)


def status_curve(f: sp.Expr, u: sp.Symbol, low: Any, high: Any, d: Point) -> str:
    """:func:`status_points` for a numeric frontier ``u2 = f(u1)`` on ``[low, high]``."""
    return _status_chain(low, high, lambda x: f.subs(u, x), d)


def gains_condition_curve(f: sp.Expr, u: sp.Symbol, low: Any, high: Any, d: Point) -> sp.Basic:
    """The condition that some frontier point beats ``d`` strictly for both players.

    Examples
    --------
    >>> u, s = sp.symbols("u1 s")
    >>> gains_condition_curve(s - u, u, sp.Integer(0), s, (sp.Integer(0), sp.Integer(0)))
    s > 0
    """
    d1, d2 = d
    return sp.And(d1 < high, f.subs(u, sp.Max(low, d1)) > d2)


def _clean(expr: Any) -> sp.Expr:
    expr = sp.sympify(expr)
    if isinstance(expr, sp.Piecewise):
        return expr
    return bounded_simplify(expr) if expr.free_symbols or not expr.is_Rational else expr


def _clean_condition(cond: sp.Basic) -> sp.Basic:
    if cond in (sp.true, sp.false):
        return cond
    try:
        return bounded_simplify(cond)
    except (TypeError, NotImplementedError, ValueError):  # pragma: no cover - sympy limits
        return cond


def _roots(equation: sp.Expr, u: sp.Symbol) -> list[sp.Expr] | None:
    try:
        roots = sp.solve(equation, u)
    except (NotImplementedError, TypeError):
        return None
    return [r for r in roots if r.is_real is not False and not r.has(sp.I)]


def _interior(f: sp.Expr, u: sp.Symbol, low: Any, high: Any, d: Point, r: sp.Expr) -> sp.Basic:
    d1, d2 = d
    return sp.And(r >= low, r <= high, r > d1, f.subs(u, r) > d2)


def _symbolic_choice(
    f: sp.Expr, u: sp.Symbol, roots: list[sp.Expr], conds: list[sp.Basic], what: str
) -> Solution:
    kept = [(_clean(r), _clean_condition(c)) for r, c in zip(roots, conds, strict=True)]
    kept = [(r, c) for r, c in kept if c is not sp.false]
    if not kept:
        raise BargainingError(
            f"the {what} has no closed form on this frontier (the first-order condition has no "
            "solution inside it); give numbers with problem.subs(...) to solve it numerically"
        )
    if len(kept) == 1:
        r, c = kept[0]
        return Solution(r, _clean(f.subs(u, r)), (), c)
    u1 = sp.Piecewise(*kept)
    u2 = sp.Piecewise(*[(_clean(f.subs(u, r)), c) for r, c in kept])
    return Solution(u1, u2, (), sp.Or(*[c for _, c in kept]))


def nash_curve(f: sp.Expr, u: sp.Symbol, low: Any, high: Any, d: Point, beta: sp.Expr) -> Solution:
    """The (asymmetric) Nash solution on the frontier ``u2 = f(u1)``, ``low <= u1 <= high``.

    Solves ``beta*(f - d2) + (1 - beta)*f'*(u1 - d1) = 0``. Numeric frontiers
    compare the interior roots with the ends of the acceptable interval;
    symbolic ones return the root with the condition that it lies inside.

    Examples
    --------
    >>> u, S, d1, d2 = sp.symbols("u1 S d1 d2")
    >>> nash_curve(S - u, u, sp.Integer(0), S, (d1, d2), sp.Rational(1, 2)).u1
    S/2 + d1/2 - d2/2
    """
    d1, d2 = d
    foc = beta * (f - d2) + (1 - beta) * sp.diff(f, u) * (u - d1)
    if not _numeric_curve(f, u, low, high, d1, d2, beta):
        roots = _roots(sp.together(foc), u)
        if roots is None:
            roots = []
        return _symbolic_choice(
            f, u, roots, [_interior(f, u, low, high, d, r) for r in roots], "Nash solution"
        )
    lo, hi = _ir_interval_numeric(f, u, low, high, d)

    def value(x: sp.Expr) -> _LogKey:
        return _LogKey(x - d1, f.subs(u, x) - d2, beta)

    # a numeric transcendental condition: go straight to the numeric search
    roots = _roots(foc, u) if foc.is_algebraic_expr(u) else None
    cands = [lo, hi] if roots is not None else []
    if roots is not None:
        cands += [r for r in roots if r.is_real and lo < r < hi]
    cands = [x for x in cands if x > d1 and f.subs(u, x) > d2]
    if not cands:
        b = float(beta)
        fn = sp.lambdify(u, f - d2, "math")

        def obj(x: float) -> float:
            gain = fn(x)
            return (
                -math.inf
                if gain <= 0 or x <= d1
                else b * math.log(x - d1) + (1 - b) * math.log(gain)
            )

        x = _golden(obj, float(lo), float(hi))
        return Solution(x, f.subs(u, x).evalf())
    x = max(cands, key=value)
    return Solution(_clean(x), _clean(f.subs(u, x)))


def ideal_point_curve(f: sp.Expr, u: sp.Symbol, low: Any, high: Any, d: Point) -> Point:
    """Each player's best utility on the frontier among points both weakly prefer to ``d``.

    Examples
    --------
    >>> u = sp.Symbol("u1")
    >>> ideal_point_curve(1 - u**2, u, sp.Integer(0), sp.Integer(1), (sp.Integer(0), sp.Integer(0)))
    (1, 1)
    """
    d1, d2 = d
    if _numeric_curve(f, u, low, high, d1, d2):
        lo, hi = _ir_interval_numeric(f, u, low, high, d)
        return _clean(hi), _clean(f.subs(u, lo))
    roots = _roots(f - d2, u) or []
    conds = [_clean_condition(sp.And(r >= low, r <= high)) for r in roots]
    roots = [r for r, c in zip(roots, conds, strict=True) if c is not sp.false]
    conds = [c for c in conds if c is not sp.false]
    if len(roots) == 1:
        # f decreasing: the acceptable u1 run up to the one root of f = d2, or to high
        at_high = sp.Min(high, _clean(roots[0]))
    else:
        at_high = sp.Piecewise((high, f.subs(u, high) >= d2), *zip(roots, conds, strict=True))
    return at_high, _clean(f.subs(u, sp.Max(low, d1)))


def kalai_smorodinsky_curve(f: sp.Expr, u: sp.Symbol, low: Any, high: Any, d: Point) -> Solution:
    """The Kalai-Smorodinsky solution on the frontier ``u2 = f(u1)``.

    Examples
    --------
    >>> u = sp.Symbol("u1")
    >>> kalai_smorodinsky_curve(1 - u**2, u, 0, 1, (0, 0)).u1
    -1/2 + sqrt(5)/2
    """
    d1, d2 = d
    U1, U2 = ideal_point_curve(f, u, low, high, d)
    A1, A2 = sp.Dummy("A1"), sp.Dummy("A2")
    equation = (u - d1) * (A2 - d2) - (f - d2) * (A1 - d1)
    if not _numeric_curve(f, u, low, high, d1, d2):
        roots = [r.subs({A1: U1, A2: U2}) for r in (_roots(equation, u) or [])]
        return _symbolic_choice(
            f,
            u,
            roots,
            [_interior(f, u, low, high, d, r) for r in roots],
            "Kalai-Smorodinsky solution",
        )
    lo, hi = _ir_interval_numeric(f, u, low, high, d)
    equation = equation.subs({A1: U1, A2: U2})
    roots = _roots(equation, u) or []
    roots = [r for r in roots if r.is_real and lo <= r <= hi]
    if roots:
        x = roots[0]
    else:
        x = _bisect(sp.lambdify(u, equation, "math"), float(lo), float(hi))
    return Solution(_clean(x), _clean(f.subs(u, x)))


def egalitarian_curve(f: sp.Expr, u: sp.Symbol, low: Any, high: Any, d: Point) -> Solution:
    """The egalitarian (leximin) solution on the frontier ``u2 = f(u1)``.

    Examples
    --------
    >>> u = sp.Symbol("u1")
    >>> egalitarian_curve(4 - 2 * u, u, 0, 2, (0, 0))[:2]
    (4/3, 4/3)
    """
    d1, d2 = d
    equation = (u - d1) - (f - d2)
    if not _numeric_curve(f, u, low, high, d1, d2):
        roots = _roots(equation, u) or []
        return _symbolic_choice(
            f, u, roots, [_interior(f, u, low, high, d, r) for r in roots], "egalitarian solution"
        )
    lo, hi = _ir_interval_numeric(f, u, low, high, d)
    if equation.subs(u, lo) >= 0:
        x = lo
    elif equation.subs(u, hi) <= 0:
        x = hi
    else:
        roots = [r for r in (_roots(equation, u) or []) if r.is_real and lo <= r <= hi]
        x = roots[0] if roots else _bisect(sp.lambdify(u, equation, "math"), float(lo), float(hi))
    return Solution(_clean(x), _clean(f.subs(u, x)))


def utilitarian_curve(f: sp.Expr, u: sp.Symbol, low: Any, high: Any, d: Point) -> Solution:
    """The utilitarian solution on the frontier: the largest ``u1 + f(u1)`` both accept.

    A frontier of slope -1 throughout makes every point utilitarian; the tie is
    broken by the symmetric Nash solution.

    Examples
    --------
    >>> u = sp.Symbol("u1")
    >>> utilitarian_curve(1 - u**2, u, 0, 1, (0, 0))[:2]
    (1/2, 3/4)
    """
    d1, d2 = d
    slope = sp.diff(f, u)
    if bounded_simplify(slope + 1) == 0:
        return nash_curve(f, u, low, high, d, sp.Rational(1, 2))
    total = u + f
    if not _numeric_curve(f, u, low, high, d1, d2):
        lo = sp.Max(low, d1)
        hi = ideal_point_curve(f, u, low, high, d)[0]
        roots = _roots(slope + 1, u) or []
        conds = [_clean_condition(sp.And(r >= lo, r <= hi)) for r in roots]
        ends = sp.Piecewise((lo, total.subs(u, lo) >= total.subs(u, hi)), (hi, True))
        kept = [(_clean(r), c) for r, c in zip(roots, conds, strict=True) if c is not sp.false]
        if not kept:
            return Solution(ends, f.subs(u, ends))
        x = sp.Piecewise(*kept, (ends, True))
        return Solution(
            x, sp.Piecewise(*[(_clean(f.subs(u, r)), c) for r, c in kept], (f.subs(u, ends), True))
        )
    lo, hi = _ir_interval_numeric(f, u, low, high, d)
    maybe_roots = _roots(slope + 1, u)
    cands = [lo, hi]
    if maybe_roots is None:
        cands.append(_golden(sp.lambdify(u, total, "math"), float(lo), float(hi)))
    else:
        cands += [r for r in maybe_roots if r.is_real and lo < r < hi]
    x = _argmax(
        list(range(len(cands))),
        lambda i: (total.subs(u, cands[i]), (cands[i] - d1) * (f.subs(u, cands[i]) - d2)),
    )
    x = cands[x]
    return Solution(_clean(x), _clean(f.subs(u, x)))
