"""Numeric equilibria: nashpy's support enumeration and our Lemke-Howson, each result checked.

nashpy warns (and may return ``nan``) on degenerate games; here its warnings
are caught, and every profile it returns is checked to be an equilibrium
within ``tol``, so a user never receives a non-equilibrium.

References
----------
V. Knight and J. Campbell (2018), "Nashpy: A Python library for the computation
of Nash equilibria", *Journal of Open Source Software* 3(30), 904.

Examples
--------
>>> import numpy as np
>>> A = np.array([[1.0, -1.0], [-1.0, 1.0]])
>>> [x.tolist() for x, _ in nashpy_equilibria(A, -A, "support_enumeration", tol=1e-9)]
[[0.5, 0.5]]
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import numpy as np

from negotiation.solvers import MAX_VERTICES, Solved

if TYPE_CHECKING:
    from negotiation.solvers.tables import PayoffTables

__all__ = [
    "float_extreme_equilibria",
    "is_equilibrium",
    "nashpy_equilibria",
    "solve_lemke_howson",
    "solve_support_enumeration",
    "solve_vertex_enumeration",
]


def is_equilibrium(A: np.ndarray, B: np.ndarray, x: np.ndarray, y: np.ndarray, tol: float) -> bool:
    """Whether ``(x, y)`` are probability vectors and mutual best responses within ``tol``."""
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        return False
    if np.any(x < -tol) or np.any(y < -tol):
        return False
    if abs(x.sum() - 1) > tol or abs(y.sum() - 1) > tol:
        return False
    row_values = A @ y
    col_values = x @ B
    return bool(
        x @ row_values >= row_values.max() - tol and col_values @ y >= col_values.max() - tol
    )


def nashpy_equilibria(
    A: np.ndarray, B: np.ndarray, method: str, tol: float
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Equilibria from nashpy's ``method``, checked, deduplicated within ``tol``."""
    if method != "support_enumeration":  # pragma: no cover - guarded by the caller
        raise ValueError(method)
    return _checked(A, B, _support_candidates(A, B, tol), tol)


def _support_candidates(A: np.ndarray, B: np.ndarray, tol: float) -> list[tuple[Any, Any]]:
    """nashpy's support enumeration, solved on each support's own submatrix.

    nashpy solves the indifference equations on the full matrices, so the
    probabilities off the support come out as rounding noise (``-5.6e-17``)
    that its exact ``>= 0`` test rejects; its final best-response test is an
    exact ``==`` between float payoffs. Either loses true equilibria of
    non-degenerate games. Here nashpy's support pairs and indifference solver
    run on the submatrix of the support, the zeros are exact, and the caller
    checks every candidate within ``tol``.
    """
    from nashpy.algorithms.support_enumeration import (
        potential_support_pairs,
        solve_indifference,
    )

    m, n = A.shape
    found: list[tuple[Any, Any]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for row_support, col_support in potential_support_pairs(A, B):
            rows, cols = list(row_support), list(col_support)
            try:
                y_on = solve_indifference(A[:, cols], rows, range(len(cols)))
                x_on = solve_indifference(B.T[:, rows], cols, range(len(rows)))
            except _NASHPY_FAILURES:
                continue
            if y_on is False or x_on is False or min(x_on) <= tol or min(y_on) <= tol:
                continue
            x, y = np.zeros(m), np.zeros(n)
            x[rows], y[cols] = x_on, y_on
            found.append((x, y))
    return found


# What nashpy's algorithms raise from inside on degenerate or awkward games.
_NASHPY_FAILURES = (
    ValueError,
    IndexError,
    KeyError,
    ZeroDivisionError,
    FloatingPointError,
    np.linalg.LinAlgError,
)


def _checked(
    A: np.ndarray, B: np.ndarray, found: list[tuple[Any, Any]], tol: float
) -> list[tuple[np.ndarray, np.ndarray]]:
    """The profiles in ``found`` that are equilibria, without near-duplicates."""
    out: list[tuple[np.ndarray, np.ndarray]] = []
    for x, y in found:
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        if not is_equilibrium(A, B, x, y, max(tol, 1e-9)):
            continue
        if any(np.allclose(x, u, atol=tol) and np.allclose(y, v, atol=tol) for u, v in out):
            continue
        out.append((x, y))
    return out


def solve_support_enumeration(tables: PayoffTables, *, exact: bool, tol: float) -> Solved:
    """Two-player support enumeration on floats (nashpy's supports, each answer checked)."""
    A, B = tables.floats
    return Solved(nashpy_equilibria(A, B, "support_enumeration", tol), "support_enumeration", False)


def solve_lemke_howson(
    tables: PayoffTables, *, exact: bool, tol: float, max_vertices: int | None = MAX_VERTICES
) -> Solved:
    """The solver-table entry ``"lemke_howson"``: one equilibrium by pivoting.

    Where pivoting fails from every starting label (nashpy's does on some
    degenerate games and on every game with a single row or column), the
    first extreme equilibrium is returned instead, labelled with the method
    that found it: every game has an equilibrium. That enumeration is bounded
    by ``max_vertices`` as :func:`solve_vertex_enumeration` is.
    """
    A, B = tables.floats
    if min(A.shape) >= 2:
        import negotiation.solvers.lemke_howson as lemke_howson

        found = lemke_howson.first_equilibrium(A, B, tol)
        if found is not None:
            x, y, payoffs = found
            return Solved([(x, y)], "lemke_howson", False, payoffs=(payoffs,), clean=True)
    from negotiation.solvers import exact as _exact

    first = _exact.solve(tables, exact=False, tol=tol, max_vertices=max_vertices)
    return Solved(first.profiles[:1], first.method, False)


def _positive(M: np.ndarray) -> np.ndarray:
    """``M`` shifted and scaled to entries in ``[1, 2]`` (the same best responses)."""
    low, high = float(M.min()), float(M.max())
    spread = high - low if high > low else 1.0
    return (M - low) / spread + 1.0


def float_extreme_equilibria(
    A: np.ndarray, B: np.ndarray, tol: float
) -> list[tuple[np.ndarray, np.ndarray]] | None:
    """Every extreme equilibrium of ``(A, B)`` by the compiled float lexicographic search.

    Both best-response polytopes are searched over their lexicographically
    feasible bases (:func:`negotiation.solvers.lexsearch_numba.vertices_float`,
    ties within ``FLOAT_ZERO`` broken by the lexicographic rule, so degenerate
    games are enumerated in full), the vertices are paired by their label
    masks, normalised, and snapped to nearby small fractions. The order is
    that of :func:`negotiation.solvers.exact.extreme_equilibria` (row
    strategies in descending lexicographic order, then columns).

    Returns ``None`` (solve exactly instead) when numba is not installed, the
    game is too large for the kernel's masks, a decision of the search was
    too close to call in floats, or an answer fails the equilibrium check.

    Examples
    --------
    >>> A = np.array([[3.0, 0.0], [0.0, 2.0]])
    >>> found = float_extreme_equilibria(A, A.T.copy(), 1e-9)
    >>> found is None or [(x.tolist(), y.tolist()) for x, y in found][1]
    ([0.4, 0.6], [0.4, 0.6])
    """
    from negotiation.solvers import lexsearch_numba as kernel

    m, n = A.shape
    if not kernel.available() or not (np.all(np.isfinite(A)) and np.all(np.isfinite(B))):
        return None
    P = kernel.vertices_float(_positive(B).T)
    Q = kernel.vertices_float(_positive(A))
    if P is None or Q is None:
        return None
    row_masks, row_points = P
    low = (1 << n) - 1
    col_masks = ((Q[0] & low) << m) | (Q[0] >> n)
    pairs = kernel.label_pairs(row_masks, col_masks, m, n)
    if pairs is None:
        return None
    if len(pairs) == 0:
        return []
    scale = max(1.0, float(np.abs(A).max()), float(np.abs(B).max()))
    found = kernel.assemble(row_points, Q[1], pairs, A, B, max(tol, 1e-9) * scale)
    if found is None:
        return None
    return list(zip(*found, strict=True))


def solve_vertex_enumeration(
    tables: PayoffTables, *, exact: bool, tol: float, max_vertices: int | None = MAX_VERTICES
) -> Solved:
    """The solver-table entry ``"vertex_enumeration"``: every extreme equilibrium.

    With ``exact=True``, or where the float search declines (see
    :func:`float_extreme_equilibria`), the exact enumeration of
    :func:`negotiation.solvers.exact.solve`; otherwise the compiled float
    search, which finds the same extreme equilibria. Either refuses, before
    any work, a game whose polytopes may have more than ``max_vertices``
    vertices (:func:`negotiation.solvers.exact.check_work`; ``None`` for no
    bound).
    """
    from negotiation.solvers import exact as _exact

    if not exact:
        m, n = tables.shape
        _exact.check_work(m, n, max_vertices)
        A, B = tables.floats
        found = float_extreme_equilibria(A, B, tol)
        if found is not None:
            return Solved(found, "vertex_enumeration", False)
    return _exact.solve(tables, exact=exact, tol=tol, max_vertices=max_vertices)
