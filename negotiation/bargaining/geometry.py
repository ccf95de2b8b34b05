"""Plane geometry on exact utility pairs: convex hulls and cutting convex polygons.

The feasible set of a bargaining problem with lotteries is the convex hull of
its packages; a repeated game's feasible payoffs are the hull of its stage
payoffs; win-sets and minmax values cut those hulls by half-planes. Every
comparison is exact for rational input (sympy numbers), so a vertex is never
lost to rounding.

Examples
--------
>>> convex_hull([(0, 0), (2, 0), (1, 1), (2, 2), (0, 2), (1, 0)])
((0, 0), (2, 0), (2, 2), (0, 2))
>>> square = convex_hull([(0, 0), (2, 0), (2, 2), (0, 2)])
>>> clip_polygon(square, lambda u: 1 - u[0])        # keep u1 <= 1
[(0, 0), (1, 0), (1, 2), (0, 2)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import sympy as sp

__all__ = ["clip_polygon", "convex_hull", "convex_hull_indices", "cross", "distinct"]

Point = tuple[sp.Expr, sp.Expr]
V = TypeVar("V")


def cross(o: Any, a: Any, b: Any) -> Any:
    """The cross product of ``a - o`` and ``b - o`` (positive for a left turn)."""
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def distinct(points: Sequence[Point]) -> list[int]:
    """Indices of the points, the first of equal points only."""
    seen: set[Point] = set()
    out = []
    for i, p in enumerate(points):
        if p not in seen:
            seen.add(p)
            out.append(i)
    return out


def convex_hull_indices(points: Sequence[Point]) -> list[int]:
    """Indices of the convex hull's vertices, counter-clockwise (Andrew's monotone chain).

    Starts at the leftmost point (the lowest of the leftmost). Collinear points
    are dropped; of equal points the first is kept.

    Examples
    --------
    >>> P = [(0, 0), (2, 0), (1, 1), (0, 2), (2, 2)]
    >>> convex_hull_indices([(sp.Integer(x), sp.Integer(y)) for x, y in P])
    [0, 1, 4, 3]
    """
    idx = sorted(distinct(points), key=lambda i: (points[i][0], points[i][1]))
    if len(idx) <= 2:
        return idx

    def chain(order: list[int]) -> list[int]:
        out: list[int] = []
        for i in order:
            while len(out) >= 2 and cross(points[out[-2]], points[out[-1]], points[i]) <= 0:
                out.pop()
            out.append(i)
        return out

    lower, upper = chain(idx), chain(idx[::-1])
    return lower[:-1] + upper[:-1]


def convex_hull(points: Iterable[tuple[Any, Any]]) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
    """The vertices of the convex hull of 2-D points, counter-clockwise, exactly.

    Starts at the lowest point (the leftmost of the lowest); collinear points
    are dropped. A single point or a segment gives one or two vertices.

    Examples
    --------
    >>> convex_hull([(0, 0), (2, 0), (1, 1), (2, 2), (0, 2), (1, 0)])
    ((0, 0), (2, 0), (2, 2), (0, 2))
    """
    pts = sorted({(sp.sympify(x), sp.sympify(y)) for x, y in points}, key=lambda p: (p[0], p[1]))
    if len(pts) <= 1:
        return tuple(pts)
    hull = [pts[i] for i in convex_hull_indices(pts)]
    start = min(range(len(hull)), key=lambda k: (hull[k][1], hull[k][0]))
    return tuple(hull[start:] + hull[:start])


def _between(a: Any, b: Any, t: Any) -> Any:
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def clip_polygon(
    polygon: Sequence[V],
    signed: Callable[[V], Any],
    between: Callable[[V, V, Any], V] = _between,
) -> list[V]:
    """Sutherland-Hodgman: the part of a convex polygon where ``signed(vertex) >= 0``.

    Parameters
    ----------
    polygon
        The vertices in order (points, or anything ``signed`` and ``between`` read).
    signed
        A function of a vertex, e.g. ``lambda u: a1*u[0] + a2*u[1] + c`` for a half-plane.
    between
        ``between(a, b, t)`` is the vertex a fraction ``t`` of the way from ``a``
        to ``b`` (default: the point ``a + t*(b - a)``); a vertex that carries
        more (e.g. the lottery behind a point) interpolates that too.

    Examples
    --------
    >>> triangle = convex_hull([(0, 0), (2, 0), (0, 2)])
    >>> clip_polygon(triangle, lambda u: u[1] - 1)     # keep u2 >= 1
    [(1, 1), (0, 2), (0, 1)]
    """
    out = []
    n = len(polygon)
    for k in range(n):
        a, b = polygon[k], polygon[(k + 1) % n]
        sa, sb = signed(a), signed(b)
        if sa >= 0:
            out.append(a)
        if (sa > 0 and sb < 0) or (sa < 0 and sb > 0):
            out.append(between(a, b, sa / (sa - sb)))
    return out
