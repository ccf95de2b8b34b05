"""Every vertex of ``{z >= 0 : C z <= 1}``, by lexicographic search over its bases, exactly.

For a positive integer ``k x d`` matrix ``C`` the polytope is bounded and the
origin is a vertex. Its vertices are found by a breadth-first search over the
*lexicographically feasible* bases: the feasible bases of the polytope whose
right-hand side ``1`` is perturbed to ``1 + (e, e^2, ..., e^k)`` for a
vanishing ``e``. The perturbed polytope is simple, so each of its bases has
exactly one neighbour per entering column (the lexicographic minimum ratio
test breaks every tie), the search visits each basis once, and every vertex of
the unperturbed polytope is the limit of at least one of them (the rule of
Avis's ``lrs``). On a degenerate polytope this visits far fewer bases than a
search over all feasible bases.

A vertex is reported with its *labels*: bit ``v`` of the mask is set when
``z_v = 0`` and bit ``d + r`` when constraint ``r`` is tight. A vertex is the
only point of the polytope where its tight constraints are all tight, so the
mask identifies it. Its point is kept as integer numerators over a common
denominator (``z = numerators / D``), enough to normalise it exactly.

Two implementations return the same vertices: :func:`vertices_python`, a
Bareiss (fraction-free) integer tableau in plain Python, and a compiled kernel
(:mod:`negotiation.solvers.lexsearch_numba`, when numba is installed) that
keeps every tableau entry modulo a few word-size primes and decides signs
exactly from the residues. :func:`vertices` picks the compiled one where it
applies.

References
----------
D. Avis (2000), "lrs: A revised implementation of the reverse search vertex
enumeration algorithm", in *Polytopes - Combinatorics and Computation*,
Birkhauser, 177-198.
B. von Stengel (2007), "Equilibrium computation for two-player games in
strategic and extensive form", in Nisan et al., *Algorithmic Game Theory*, ch. 3.

Examples
--------
>>> found = vertices_python([[2, 1], [1, 2]])
>>> sorted(found.masks)
[3, 6, 9, 12]
>>> found.numerators(found.masks.index(12))  # the vertex (1/3, 1/3), both rows tight
(1, 1)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["PolytopeVertices", "vertices", "vertices_python"]


@dataclass(frozen=True)
class PolytopeVertices:
    """The vertices of ``{z >= 0 : C z <= 1}``: label masks, and points on demand.

    Attributes
    ----------
    masks
        One label mask per vertex (bit ``v``: ``z_v = 0``; bit ``d + r``:
        constraint ``r`` tight), in the order the search found them.
    numerators
        ``numerators(i)`` gives integers proportional to vertex ``i``'s
        coordinates (its point times a positive common denominator).
    """

    masks: Sequence[int]
    numerators: Callable[[int], tuple[int, ...]]


def vertices(C: Sequence[Sequence[int]]) -> PolytopeVertices:
    """The vertices of ``{z >= 0 : C z <= 1}`` for a positive integer matrix ``C``.

    Uses the compiled kernel when numba is installed and the polytope fits it
    (at most 63 variables and constraints together), else
    :func:`vertices_python`. Both give the same vertices.

    Examples
    --------
    >>> sorted(vertices([[1]]).masks)  # z = 0 (z is zero) and z = 1 (the row is tight)
    [1, 2]
    """
    from negotiation.solvers import lexsearch_numba

    found = lexsearch_numba.vertices_compiled(C)
    return found if found is not None else vertices_python(C)


def vertices_python(C: Sequence[Sequence[int]]) -> PolytopeVertices:
    """The vertices of ``{z >= 0 : C z <= 1}`` by lexicographic search, in plain Python.

    A Bareiss dictionary: row ``i`` says ``D z_{basis[i]} = T[i][d] - sum_j
    T[i][j] z_{cobasis[j]}``, with ``D`` the determinant of the basis, so every
    entry stays an integer and the search is exact.
    """
    k, d = len(C), len(C[0])
    rhs = d
    start_T = [[int(v) for v in row] + [1] for row in C]
    start_basis = list(range(d, d + k))
    start_cobasis = list(range(d))
    seen = {_basis_key(start_basis)}
    queue: deque[tuple[list[int], list[int], list[list[int]], int]] = deque(
        [(start_basis, start_cobasis, start_T, 1)]
    )
    found: dict[int, tuple[int, ...]] = {}
    all_bits = (1 << (d + k)) - 1
    while queue:
        basis, cobasis, T, D = queue.popleft()
        nonzero = 0
        for i, var in enumerate(basis):
            if T[i][rhs] != 0:
                nonzero |= 1 << var
        mask = all_bits & ~nonzero
        if mask not in found:
            point = [0] * d
            for i, var in enumerate(basis):
                if var < d:
                    point[var] = T[i][rhs]
            found[mask] = tuple(point)
        for c in range(d):
            r = _lex_min_row(T, D, c, basis, cobasis, d, k)
            new_basis = basis.copy()
            new_basis[r] = cobasis[c]
            key = _basis_key(new_basis)
            if key in seen:
                continue
            seen.add(key)
            new_cobasis = cobasis.copy()
            new_cobasis[c] = basis[r]
            queue.append((new_basis, new_cobasis, _pivot(T, D, r, c), T[r][c]))
    masks = list(found)
    points = list(found.values())
    return PolytopeVertices(masks, points.__getitem__)


def _basis_key(basis: list[int]) -> int:
    key = 0
    for var in basis:
        key |= 1 << var
    return key


def _lex_min_row(
    T: list[list[int]], D: int, c: int, basis: list[int], cobasis: list[int], d: int, k: int
) -> int:
    """The leaving row for entering column ``c``: the lexicographic minimum ratio test.

    Rows are compared by ``(rhs, column of slack 0, ..., slack k-1) / T[i][c]``;
    the slack columns are those of the inverse basis, linearly independent, so
    two rows never tie and the perturbed polytope stays simple.
    """
    best = -1
    for i in range(k):
        a = T[i][c]
        if a <= 0:
            continue
        if best < 0:
            best = i
            continue
        b = T[best][c]
        diff = T[i][d] * b - T[best][d] * a
        if diff == 0:
            diff = _slack_tiebreak(T, D, c, i, best, basis, cobasis, d, k)
        if diff < 0:
            best = i
    if best < 0:  # pragma: no cover - impossible for a bounded polytope
        raise ArithmeticError("unbounded direction in a bounded polytope")
    return best


def _slack_tiebreak(
    T: list[list[int]],
    D: int,
    c: int,
    i: int,
    j: int,
    basis: list[int],
    cobasis: list[int],
    d: int,
    k: int,
) -> int:
    """The sign of ``row_i / T[i][c] - row_j / T[j][c]`` on the first slack column that differs."""
    a, b = T[i][c], T[j][c]
    for slack in range(d, d + k):
        if slack in cobasis:
            col = cobasis.index(slack)
            diff = T[i][col] * b - T[j][col] * a
        else:  # a basic slack's column is D times a unit vector
            h = basis.index(slack)
            diff = (D * b if h == i else 0) - (D * a if h == j else 0)
        if diff != 0:
            return diff
    raise ArithmeticError("two rows of an inverse basis are equal")  # pragma: no cover


def _pivot(T: list[list[int]], D: int, r: int, c: int) -> list[list[int]]:
    """The dictionary after column ``c`` enters and row ``r`` leaves (Bareiss update)."""
    p = T[r][c]
    pivot_row = T[r]
    out = []
    for i, row in enumerate(T):
        if i == r:
            new = list(pivot_row)
            new[c] = D
        else:
            f = row[c]
            if f == 0:
                new = [(v * p) // D for v in row]
            else:
                new = [(v * p - w * f) // D for v, w in zip(row, pivot_row, strict=True)]
            new[c] = -f
        out.append(new)
    return out
