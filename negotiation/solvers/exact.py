"""Every extreme Nash equilibrium of a bimatrix game, in exact rational arithmetic.

The method is vertex enumeration of the two best-response polytopes
(von Stengel 2007, section 3.5; the method of Gambit's ``enummixed``)::

    P = {x >= 0 : B^T x <= 1}      Q = {y >= 0 : A y <= 1}

with the payoffs shifted to be positive. A vertex pair ``(x, y)`` (both non-zero)
whose labels cover every pure strategy is an equilibrium after normalising.
Vertices are found by a breadth-first search over *all* feasible bases, with
integer (fraction-free, Bareiss) pivoting, so degenerate games, where a vertex
has several bases and equilibria may have supports of unequal size, are
handled exactly: nothing is perturbed and nothing is rounded.

The public entry point :func:`extreme_equilibria` takes exact payoffs
(:class:`fractions.Fraction` or ``int``); :func:`best_response_vertices` is the
kernel, shared by the degeneracy test and the component (clique) search.

References
----------
B. von Stengel (2007), "Equilibrium computation for two-player games in strategic
and extensive form", in Nisan et al., *Algorithmic Game Theory*, ch. 3.
D. Avis, G. Rosenberg, R. Savani, B. von Stengel (2010), "Enumeration of Nash
equilibria for two-player games", *Economic Theory* 42: 9-37.

Examples
--------
>>> from fractions import Fraction
>>> A = [[1, -1], [-1, 1]]
>>> B = [[-1, 1], [1, -1]]
>>> eqs = extreme_equilibria(A, B)
>>> [(tuple(map(str, x)), tuple(map(str, y))) for x, y in eqs]
[(('1/2', '1/2'), ('1/2', '1/2'))]
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import sympy as sp

from negotiation.solvers import Solved

if TYPE_CHECKING:
    from negotiation.solvers.tables import PayoffTables

__all__ = ["Vertex", "best_response_vertices", "extreme_equilibria", "is_degenerate"]

Number = int | Fraction


@dataclass(frozen=True)
class Vertex:
    """A vertex of a best-response polytope: its point and the labels it carries."""

    point: tuple[Fraction, ...]
    labels: int  # bitmask over the m + n pure strategies

    @property
    def label_count(self) -> int:
        return self.labels.bit_count()


def _to_positive_integers(M: Sequence[Sequence[Number]]) -> list[list[int]]:
    """Scale by the common denominator and shift so every entry is a positive integer."""
    fr = [[Fraction(v) for v in row] for row in M]
    denom = 1
    for row in fr:
        for v in row:
            denom = math.lcm(denom, v.denominator)
    ints = [[int(v * denom) for v in row] for row in fr]
    low = min(min(row) for row in ints)
    shift = 1 - low
    return [[v + shift for v in row] for row in ints]


def _polytope_vertices(
    C: list[list[int]],
) -> list[tuple[tuple[Fraction, ...], frozenset, frozenset]]:
    """Vertices of ``{z >= 0 : C z <= 1}`` for a positive integer ``k x d`` matrix ``C``.

    Returns, per vertex, the point, the set of ``z`` coordinates equal to zero and
    the set of constraints that are tight. Searches every feasible basis.
    """
    k = len(C)
    d = len(C[0])
    width = d + k + 1
    rhs = d + k
    tableau = []
    for i in range(k):
        row = [*C[i], *([0] * k), 1]
        row[d + i] = 1
        tableau.append(row)
    start = tuple(d + i for i in range(k))
    seen = {frozenset(start)}
    queue: deque[tuple[tuple[int, ...], list[list[int]], int]] = deque([(start, tableau, 1)])
    vertices: dict[tuple[Fraction, ...], tuple[frozenset, frozenset]] = {}
    while queue:
        basis, T, D = queue.popleft()
        z = [Fraction(0)] * d
        zero_z = set(range(d))
        tight = set(range(k))  # constraint r is tight iff its slack d + r is zero
        for i, var in enumerate(basis):
            value = T[i][rhs]
            if var < d:
                if value != 0:
                    z[var] = Fraction(value, D)
                    zero_z.discard(var)
            elif value != 0:
                tight.discard(var - d)
        point = tuple(z)
        if point not in vertices:
            vertices[point] = (frozenset(zero_z), frozenset(tight))
        basic = set(basis)
        for c in range(d + k):
            if c in basic:
                continue
            best: list[int] = []
            best_num, best_den = 0, 1
            for i in range(k):
                a = T[i][c]
                if a > 0:
                    num = T[i][rhs]
                    if not best or num * best_den < best_num * a:
                        best, best_num, best_den = [i], num, a
                    elif num * best_den == best_num * a:
                        best.append(i)
            for r in best:
                new_basis = (*basis[:r], c, *basis[r + 1 :])
                key = frozenset(new_basis)
                if key in seen:
                    continue
                seen.add(key)
                p = T[r][c]
                pivot_row = T[r]
                new_T = []
                for i in range(k):
                    if i == r:
                        new_T.append(list(pivot_row))
                        continue
                    row = T[i]
                    f = row[c]
                    if f == 0:
                        new_T.append([(v * p) // D for v in row])
                    else:
                        new_T.append([(row[j] * p - pivot_row[j] * f) // D for j in range(width)])
                queue.append((new_basis, new_T, p))
    return [(point, zz, tt) for point, (zz, tt) in vertices.items()]


def best_response_vertices(
    A: Sequence[Sequence[Number]], B: Sequence[Sequence[Number]]
) -> tuple[list[Vertex], list[Vertex]]:
    """The vertices of the row player's polytope P and the column player's polytope Q.

    Labels ``0..m-1`` are the row strategies and ``m..m+n-1`` the column
    strategies. A vertex ``x`` of P carries label ``i`` when ``x_i = 0`` and label
    ``m + j`` when column ``j`` is a best response to ``x``; a vertex ``y`` of Q
    carries ``i`` when row ``i`` is a best response to ``y`` and ``m + j`` when
    ``y_j = 0``. The origin is included.
    """
    m, n = len(A), len(A[0])
    Ai = _to_positive_integers(A)
    Bi = _to_positive_integers(B)
    Bt = [[Bi[i][j] for i in range(m)] for j in range(n)]
    P = []
    for point, zero, tight in _polytope_vertices(Bt):
        labels = sum(1 << i for i in zero) | sum(1 << (m + j) for j in tight)
        P.append(Vertex(point, labels))
    Q = []
    for point, zero, tight in _polytope_vertices(Ai):
        labels = sum(1 << (m + j) for j in zero) | sum(1 << i for i in tight)
        Q.append(Vertex(point, labels))
    return P, Q


def _normalise(point: tuple[Fraction, ...]) -> tuple[Fraction, ...]:
    total = sum(point)
    return tuple(v / total for v in point)


def equilibrium_vertex_pairs(
    A: Sequence[Sequence[Number]], B: Sequence[Sequence[Number]]
) -> tuple[list[tuple[Fraction, ...]], list[tuple[Fraction, ...]], list[tuple[int, int]]]:
    """Row vertices, column vertices (normalised mixed strategies) and equilibrium pairs.

    Returns ``(rows, cols, pairs)`` where ``pairs`` holds index pairs into
    ``rows`` and ``cols``: every extreme equilibrium once, in a deterministic
    order (by row vertex, then column vertex, each sorted lexicographically
    in descending order so pure strategies on early labels come first).
    """
    m, n = len(A), len(A[0])
    full = (1 << (m + n)) - 1
    P, Q = best_response_vertices(A, B)
    P = [v for v in P if any(v.point)]
    Q = [v for v in Q if any(v.point)]
    pairs_raw = [(p, q) for p in P for q in Q if (p.labels | q.labels) == full]
    row_pts = sorted({_normalise(p.point) for p, _ in pairs_raw}, reverse=True)
    col_pts = sorted({_normalise(q.point) for _, q in pairs_raw}, reverse=True)
    row_index = {pt: i for i, pt in enumerate(row_pts)}
    col_index = {pt: i for i, pt in enumerate(col_pts)}
    pairs = sorted(
        {(row_index[_normalise(p.point)], col_index[_normalise(q.point)]) for p, q in pairs_raw}
    )
    return row_pts, col_pts, pairs


def extreme_equilibria(
    A: Sequence[Sequence[Number]], B: Sequence[Sequence[Number]]
) -> list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]:
    """Every extreme Nash equilibrium ``(x, y)`` of the bimatrix game ``(A, B)``, exactly.

    Parameters
    ----------
    A, B
        The row and column player's payoffs (``m x n``), as ``int`` or ``Fraction``.

    Returns
    -------
    list of (x, y)
        Mixed strategies as tuples of :class:`~fractions.Fraction`.

    Examples
    --------
    >>> eqs = extreme_equilibria([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> [(tuple(map(int, x)), tuple(map(int, y))) for x, y in eqs]
    [((0, 1), (0, 1))]
    """
    rows, cols, pairs = equilibrium_vertex_pairs(A, B)
    return [(rows[i], cols[j]) for i, j in pairs]


def is_degenerate(A: Sequence[Sequence[Number]], B: Sequence[Sequence[Number]]) -> bool:
    """Whether some mixed strategy with support size k has more than k pure best responses.

    Equivalently (von Stengel 2007, section 3.3), some vertex of P carries more
    than m labels or some vertex of Q more than n.

    Examples
    --------
    >>> is_degenerate([[1, 1], [0, 0]], [[1, 1], [0, 0]])
    True
    >>> is_degenerate([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    False
    """
    m, n = len(A), len(A[0])
    P, Q = best_response_vertices(A, B)
    return any(v.label_count > m for v in P) or any(v.label_count > n for v in Q)


def solve(tables: PayoffTables, *, exact: bool, tol: float) -> Solved:
    """The solver-table entry ``"vertex_enumeration"``: every extreme equilibrium.

    The search runs in exact arithmetic either way (floats read as the
    decimals they print as); ``exact=False`` returns float vectors.
    """
    pairs = extreme_equilibria(*tables.fraction_lists)
    if exact:
        profiles = [(_rationals(x), _rationals(y)) for x, y in pairs]
    else:
        profiles = [(_floats(x), _floats(y)) for x, y in pairs]
    return Solved(profiles, "vertex_enumeration", exact)


def _rationals(v: Sequence[Fraction]) -> tuple[sp.Rational, ...]:
    return tuple(sp.Rational(f.numerator, f.denominator) for f in v)


def _floats(v: Sequence[Fraction]) -> np.ndarray:
    return np.array([float(f) for f in v])
