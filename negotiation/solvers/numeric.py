"""Numeric equilibria by delegation to nashpy, each result checked before it is returned.

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

import numpy as np

__all__ = ["is_equilibrium", "nashpy_equilibria", "pure_equilibria"]


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


def pure_equilibria(A: np.ndarray, B: np.ndarray, tol: float) -> list[tuple[int, int]]:
    """Index pairs of the pure equilibria, row-major order.

    Examples
    --------
    >>> pure_equilibria(np.array([[3, 0], [5, 1]]), np.array([[3, 5], [0, 1]]), 1e-9)
    [(1, 1)]
    """
    row_best = A >= A.max(axis=0, keepdims=True) - tol
    col_best = B >= B.max(axis=1, keepdims=True) - tol
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(row_best & col_best), strict=True)]


def nashpy_equilibria(
    A: np.ndarray, B: np.ndarray, method: str, tol: float
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Equilibria from nashpy's ``method``, checked, deduplicated within ``tol``."""
    import nashpy

    game = nashpy.Game(A, B)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            if method == "support_enumeration":
                found = list(game.support_enumeration(tol=tol))
            elif method == "lemke_howson":
                found = [game.lemke_howson(initial_dropped_label=0)]
            else:  # pragma: no cover - guarded by the caller
                raise ValueError(method)
        except (ValueError, IndexError, np.linalg.LinAlgError):
            found = []
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
