"""Every extreme Nash equilibrium of a bimatrix game, in exact rational arithmetic.

The method is vertex enumeration of the two best-response polytopes
(von Stengel 2007, section 3.5; the method of Gambit's ``enummixed`` and of
``lrsnash``)::

    P = {x >= 0 : B^T x <= 1}      Q = {y >= 0 : A y <= 1}

with the payoffs shifted to be positive. A vertex pair ``(x, y)`` (both non-zero)
whose labels cover every pure strategy is an equilibrium after normalising.

Each polytope's vertices are found once, by a lexicographic search over its
bases (:mod:`negotiation.solvers.lexsearch`: exact integer or multi-modular
arithmetic, compiled when numba is installed), each with its labels as a bit
mask. Degenerate games, where a vertex has several bases and equilibria may
have supports of unequal size, are handled exactly: nothing is rounded. The
vertices are then paired by their masks: a vertex of ``P`` with exactly ``m``
labels needs the vertex of ``Q`` whose labels are the other ``n`` (a hash
look-up); only vertices with extra labels, which exist in degenerate games
alone, are compared with every candidate. Exact coordinates are computed for
the paired vertices only.

The public entry point :func:`extreme_equilibria` takes exact payoffs
(:class:`fractions.Fraction` or ``int``); :func:`equilibrium_vertex_pairs`
serves the component (clique) search and :func:`is_degenerate` the degeneracy
test.

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
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import sympy as sp

from negotiation.errors import WorkLimitError
from negotiation.solvers import MAX_VERTICES, Solved, suggested_limit

if TYPE_CHECKING:
    from negotiation.solvers.tables import PayoffTables


from negotiation.solvers import lexsearch

__all__ = [
    "MAX_VERTICES",
    "Vertex",
    "best_response_vertices",
    "check_work",
    "equilibrium_vertex_pairs",
    "extreme_equilibria",
    "is_degenerate",
    "vertex_bound",
]


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


@dataclass(frozen=True)
class _Polytopes:
    """Both best-response polytopes' vertices, with masks over the game's labels."""

    m: int
    n: int
    row_masks: tuple[int, ...]  # vertices of P
    col_masks: tuple[int, ...]  # vertices of Q
    row_vertices: lexsearch.PolytopeVertices
    col_vertices: lexsearch.PolytopeVertices
    row_matrix: tuple[tuple[int, ...], ...]  # B^T, shifted: P = {x >= 0 : B^T x <= 1}
    col_matrix: tuple[tuple[int, ...], ...]  # A, shifted: Q = {y >= 0 : A y <= 1}


def _polytopes(A: Sequence[Sequence[Number]], B: Sequence[Sequence[Number]]) -> _Polytopes:
    m, n = len(A), len(A[0])
    Ai = _to_positive_integers(A)
    Bi = _to_positive_integers(B)
    Bt = [[Bi[i][j] for i in range(m)] for j in range(n)]
    P = lexsearch.vertices(Bt)  # variables x_i (labels i), then slacks of columns (m + j)
    Q = lexsearch.vertices(Ai)  # variables y_j (labels m + j), then slacks of rows (i)
    low = (1 << n) - 1
    col_masks = tuple(((v & low) << m) | (v >> n) for v in Q.masks)
    return _Polytopes(
        m,
        n,
        tuple(P.masks),
        col_masks,
        P,
        Q,
        tuple(map(tuple, Bt)),
        tuple(map(tuple, Ai)),
    )


def _point(
    vertices: lexsearch.PolytopeVertices, index: int, C: tuple[tuple[int, ...], ...], tight: int
) -> tuple[Fraction, ...]:
    """The coordinates of a non-zero vertex: its numerators scaled so a tight row is 1."""
    u = vertices.numerators(index)
    scale = sum(c * v for c, v in zip(C[tight], u, strict=True))
    return tuple(Fraction(v, scale) for v in u)


def best_response_vertices(
    A: Sequence[Sequence[Number]], B: Sequence[Sequence[Number]]
) -> tuple[list[Vertex], list[Vertex]]:
    """The vertices of the row player's polytope P and the column player's polytope Q.

    Labels ``0..m-1`` are the row strategies and ``m..m+n-1`` the column
    strategies. A vertex ``x`` of P carries label ``i`` when ``x_i = 0`` and label
    ``m + j`` when column ``j`` is a best response to ``x``; a vertex ``y`` of Q
    carries ``i`` when row ``i`` is a best response to ``y`` and ``m + j`` when
    ``y_j = 0``. The origin is included.

    Examples
    --------
    >>> P, Q = best_response_vertices([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    >>> sorted((tuple(map(str, v.point)), v.labels) for v in P)[:2]
    [(('0', '0'), 3), (('0', '1/2'), 9)]
    """
    poly = _polytopes(A, B)
    m, n = poly.m, poly.n
    P = [
        Vertex(_vertex_point(poly.row_vertices, i, poly.row_matrix, mask, m), mask)
        for i, mask in enumerate(poly.row_masks)
    ]
    Q = [
        Vertex(_vertex_point(poly.col_vertices, i, poly.col_matrix, kmask, n), mask)
        for i, (mask, kmask) in enumerate(zip(poly.col_masks, poly.col_vertices.masks, strict=True))
    ]
    return P, Q


def _vertex_point(
    vertices: lexsearch.PolytopeVertices,
    index: int,
    C: tuple[tuple[int, ...], ...],
    kernel_mask: int,
    d: int,
) -> tuple[Fraction, ...]:
    tight = kernel_mask >> d
    if tight == 0:
        return tuple(Fraction(0) for _ in range(d))
    return _point(vertices, index, C, (tight & -tight).bit_length() - 1)


def _normalise(point: Sequence[int | Fraction]) -> tuple[Fraction, ...]:
    total = sum(point)
    return tuple(Fraction(v) / total for v in point)


def _complete_pairs(poly: _Polytopes) -> list[tuple[int, int]]:
    """Index pairs (vertex of P, vertex of Q), both non-zero, whose labels cover all."""
    m, n = poly.m, poly.n
    from negotiation.solvers import lexsearch_numba

    if m + n < 63:  # the compiled pairing, when numba is installed
        found = lexsearch_numba.label_pairs(
            np.array(poly.row_masks, dtype=np.int64), np.array(poly.col_masks, dtype=np.int64), m, n
        )
        if found is not None:
            return [(int(i), int(j)) for i, j in found.tolist()]
    full = (1 << (m + n)) - 1
    rows_zero = (1 << m) - 1  # x = 0 exactly when it carries every row label
    cols_zero = full ^ rows_zero
    P = [(i, mask) for i, mask in enumerate(poly.row_masks) if mask & rows_zero != rows_zero]
    Q = [(j, mask) for j, mask in enumerate(poly.col_masks) if mask & cols_zero != cols_zero]
    by_mask = {mask: j for j, mask in Q}
    extra = [(j, mask) for j, mask in Q if mask.bit_count() > n]
    q_index = np.array([j for j, _ in Q], dtype=np.int64)
    q_masks = np.array([mask for _, mask in Q], dtype=np.int64) if m + n < 63 else None
    pairs = []
    for i, mask in P:
        need = full & ~mask
        if mask.bit_count() == m:
            # the partner has exactly the other n labels, or more (a degenerate vertex)
            j = by_mask.get(need)
            if j is not None:
                pairs.append((i, j))
            pairs.extend((i, j) for j, q in extra if q & need == need)
        elif q_masks is not None:
            hits = np.flatnonzero((q_masks & need) == need)
            pairs.extend((i, int(j)) for j in q_index[hits])
        else:
            pairs.extend((i, j) for j, q in Q if q & need == need)
    return pairs


def equilibrium_vertex_pairs(
    A: Sequence[Sequence[Number]], B: Sequence[Sequence[Number]]
) -> tuple[list[tuple[Fraction, ...]], list[tuple[Fraction, ...]], list[tuple[int, int]]]:
    """Row vertices, column vertices (normalised mixed strategies) and equilibrium pairs.

    Returns ``(rows, cols, pairs)`` where ``pairs`` holds index pairs into
    ``rows`` and ``cols``: every extreme equilibrium once, in a deterministic
    order (by row vertex, then column vertex, each sorted lexicographically
    in descending order so pure strategies on early labels come first).

    Examples
    --------
    >>> rows, cols, pairs = equilibrium_vertex_pairs([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    >>> [tuple(map(str, r)) for r in rows], pairs
    ([('1', '0'), ('1/2', '1/2'), ('0', '1')], [(0, 0), (1, 1), (2, 2)])
    """
    poly = _polytopes(A, B)
    raw = _complete_pairs(poly)
    row_point = {i: _normalise(poly.row_vertices.numerators(i)) for i in {i for i, _ in raw}}
    col_point = {j: _normalise(poly.col_vertices.numerators(j)) for j in {j for _, j in raw}}
    row_pts = sorted(set(row_point.values()), reverse=True)
    col_pts = sorted(set(col_point.values()), reverse=True)
    row_index = {pt: i for i, pt in enumerate(row_pts)}
    col_index = {pt: i for i, pt in enumerate(col_pts)}
    pairs = sorted({(row_index[row_point[i]], col_index[col_point[j]]) for i, j in raw})
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
    poly = _polytopes(A, B)
    return any(v.bit_count() > poly.m for v in poly.row_masks) or any(
        v.bit_count() > poly.n for v in poly.col_masks
    )


def vertex_bound(m: int, n: int) -> int:
    """An upper bound on the vertices of the larger best-response polytope of an ``m x n`` game.

    ``P`` has dimension ``m`` and ``m + n`` facets, ``Q`` dimension ``n`` and
    ``m + n`` facets; by McMullen's upper bound theorem a ``d``-polytope with
    ``k`` facets has at most ``C(k - ceil(d/2), floor(d/2)) + C(k - floor(d/2) - 1,
    ceil(d/2) - 1)`` vertices, and never more than ``C(k, d)`` (its bases). The
    work and memory of the enumeration grow with this number.

    Examples
    --------
    >>> vertex_bound(2, 2), vertex_bound(10, 10), vertex_bound(30, 30) > 10**11
    (4, 4004, True)
    """

    def bound(d: int, k: int) -> int:
        if d <= 0:
            return 1
        half, up = d // 2, (d + 1) // 2
        upper = math.comb(k - up, half) + math.comb(k - half - 1, up - 1)
        return min(upper, math.comb(k, d))

    return max(bound(m, m + n), bound(n, m + n))


def check_work(m: int, n: int, max_vertices: int | None = MAX_VERTICES) -> None:
    """Refuse, before any work, an enumeration of an ``m x n`` game beyond ``max_vertices``.

    Both the exact and the compiled float enumeration visit the vertices of the
    two best-response polytopes, so both check this bound (:func:`vertex_bound`).

    Raises
    ------
    WorkLimitError
        Naming the methods that can solve the game, and how to raise the bound.

    Examples
    --------
    >>> check_work(16, 16)  # 8e5 vertices at most: within the default bound
    >>> check_work(17, 17)
    Traceback (most recent call last):
    ...
    negotiation.errors.WorkLimitError: vertex enumeration of a 17 x 17 game may visit up to 2,163,150 vertices, beyond the limit max_vertices=1,000,000 (a million vertices take about a minute and well under a gigabyte); for one equilibrium use method='lemke_howson' or method='logit' (numeric), or raise the limit if you can wait: game.equilibria(max_vertices=2_200_000), or max_vertices=None for no limit
    >>> check_work(17, 17, max_vertices=3_000_000)
    """
    if max_vertices is None:
        return
    bound = vertex_bound(m, n)
    if bound > max_vertices:
        suggested = suggested_limit(bound)
        raise WorkLimitError(
            f"vertex enumeration of a {m} x {n} game may visit up to {bound:,} vertices, "
            f"beyond the limit max_vertices={max_vertices:,} (a million vertices take about a "
            "minute and well under a gigabyte); for one equilibrium use method='lemke_howson' "
            "or method='logit' (numeric), or raise the limit if you can wait: "
            f"game.equilibria(max_vertices={suggested:_}), or max_vertices=None for no limit",
            bound=bound,
            suggested=suggested,
        )


def solve(
    tables: PayoffTables, *, exact: bool, tol: float, max_vertices: int | None = MAX_VERTICES
) -> Solved:
    """The solver-table entry ``"vertex_enumeration"``: every extreme equilibrium.

    The search runs in exact arithmetic either way (floats read as the
    decimals they print as); ``exact=False`` returns float vectors.

    Parameters
    ----------
    max_vertices
        Refuse a game whose polytopes may have more vertices than this
        (:func:`vertex_bound`), before any work; ``None`` for no bound.

    Raises
    ------
    WorkLimitError
        For a game beyond ``max_vertices``, naming the methods that can solve it.
    """
    m, n = tables.shape
    check_work(m, n, max_vertices)
    pairs = extreme_equilibria(*tables.fraction_lists)
    profiles: list[tuple[tuple[sp.Rational, ...], ...] | tuple[np.ndarray, ...]]
    if exact:
        profiles = [(_rationals(x), _rationals(y)) for x, y in pairs]
    else:
        profiles = [(_floats(x), _floats(y)) for x, y in pairs]
    return Solved(profiles, "vertex_enumeration", exact)


def _rationals(v: Sequence[Fraction]) -> tuple[sp.Rational, ...]:
    return tuple(sp.Rational(f.numerator, f.denominator) for f in v)


def _floats(v: Sequence[Fraction]) -> np.ndarray:
    return np.array([float(f) for f in v])
