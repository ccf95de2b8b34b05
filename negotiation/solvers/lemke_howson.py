"""One Nash equilibrium of a bimatrix game by Lemke-Howson pivoting with lexicographic ties.

Complementary pivoting on the two best-response polytopes (von Stengel 2007,
section 3.4)::

    P = {x >= 0 : B^T x <= 1}      Q = {y >= 0 : A y <= 1}

(payoffs shifted to be positive). From the origin, the variable carrying the
dropped label enters one tableau; the variable that leaves carries a label
that the other tableau's variable of the same label then enters with, and so
on until the dropped label leaves. The minimum ratio test breaks ties
lexicographically by the columns of the initial (slack) basis, so the path
never cycles on degenerate games (where nashpy's loop can run forever); an
iteration cap and a failed pivot end a path as failed, and the next initial
label is tried.

The kernel is written in the subset of Python that numba compiles; without
numba the same functions run as plain Python on numpy arrays.

References
----------
C. E. Lemke and J. T. Howson (1964), "Equilibrium points of bimatrix games",
*Journal of the SIAM* 12: 413-423.
B. von Stengel (2007), "Equilibrium computation for two-player games in strategic
and extensive form", in Nisan et al., *Algorithmic Game Theory*, ch. 3.

Examples
--------
>>> import numpy as np
>>> A = np.array([[3.0, 0.0], [0.0, 2.0]])
>>> B = np.array([[2.0, 0.0], [0.0, 3.0]])
>>> x, y = lemke_howson_path(A, B, 0)
>>> x.tolist(), y.tolist()
([1.0, 0.0], [1.0, 0.0])
"""

from __future__ import annotations

from typing import Any

import numpy as np

try:
    import numba
except ImportError:  # pragma: no cover - depends on the installation
    numba = None  # type: ignore[assignment]

__all__ = [
    "MAX_ITERATIONS",
    "checked_payoffs",
    "first_equilibrium",
    "is_equilibrium",
    "lemke_howson_path",
]

MAX_ITERATIONS = 10**6
_PIVOT_TOL = 1e-10  # a tableau entry at most this is not a usable pivot
_RATIO_TOL = 1e-12  # ratios this close (relative) are tied and go to the lexicographic rule


def lemke_howson_path(
    A: np.ndarray,
    B: np.ndarray,
    label: int,
    max_iterations: int = MAX_ITERATIONS,
    *,
    compiled: bool = True,
) -> tuple[np.ndarray, np.ndarray] | None:
    """The end of the Lemke-Howson path that drops ``label``, or ``None`` if it failed.

    Parameters
    ----------
    A, B
        Float payoff arrays of shape ``(m, n)``.
    label
        The dropped label: ``0..m-1`` a row strategy, ``m..m+n-1`` a column strategy.
    max_iterations
        Pivots allowed before the path counts as failed.
    compiled
        Run the numba kernel when numba is installed (``False``: plain Python,
        the same code).

    Returns
    -------
    (x, y) or None
        Mixed strategies (not yet checked to be an equilibrium: the caller does).
    """
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    x = np.zeros(A.shape[0])
    y = np.zeros(A.shape[1])
    if compiled and _shifted_path_jit is not None:
        ok = _shifted_path_jit(A, B, label, max_iterations, x, y)
    else:
        ok = _path_python(A, B, 1.0 - A.min(), 1.0 - B.min(), label, max_iterations, x, y)
    return (x, y) if ok else None


def first_equilibrium(
    A: np.ndarray,
    B: np.ndarray,
    tol: float,
    max_iterations: int = MAX_ITERATIONS,
    *,
    compiled: bool = True,
) -> tuple[np.ndarray, np.ndarray, tuple[float, float]] | None:
    """The first checked equilibrium over the dropped labels ``0, 1, ...``, with its payoffs.

    Each label's path is followed in turn (:func:`lemke_howson_path`); the
    first end that passes :func:`checked_payoffs` (within ``max(tol, 1e-9)``,
    entries within ``tol`` of 0 set to 0) is the answer. A path that fails (the
    iteration cap, no usable pivot) or ends off equilibrium passes to the next
    label. The whole loop is one call into the compiled kernel, so a small game
    pays the crossing from Python once.

    Parameters
    ----------
    A, B
        Float payoff arrays of shape ``(m, n)``, ``m, n >= 2``.
    tol
        Tolerance of the equilibrium check and of the zero entries.
    max_iterations
        Pivots allowed on each path.
    compiled
        Run the numba kernel when numba is installed (``False``: plain Python,
        the same code).

    Returns
    -------
    (x, y, (u, v)) or None
        The strategies and the payoffs ``x A y`` and ``x B y``; ``None`` if every
        path failed.

    Examples
    --------
    >>> A = np.array([[3.0, 0.0], [0.0, 2.0]])
    >>> B = np.array([[2.0, 0.0], [0.0, 3.0]])
    >>> x, y, payoffs = first_equilibrium(A, B, 1e-9)
    >>> x.tolist(), y.tolist(), payoffs
    ([1.0, 0.0], [1.0, 0.0], (3.0, 2.0))
    """
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    m, n = A.shape
    found = np.empty(m + n + 2)  # x, y, then the two payoffs
    kernel = _first_jit if compiled and _first_jit is not None else _first_python
    if kernel(A, B, max_iterations, max(tol, 1e-9), tol, found) < 0:
        return None
    u, v = found[m + n :].tolist()
    return found[:m], found[m : m + n], (u, v)


def is_equilibrium(A: np.ndarray, B: np.ndarray, x: np.ndarray, y: np.ndarray, tol: float) -> bool:
    """Whether ``(x, y)`` are probability vectors and mutual best responses within ``tol``.

    The test of :func:`negotiation.solvers.numeric.is_equilibrium`, compiled
    with the kernel (a few microseconds less per call on small games).

    Examples
    --------
    >>> A = np.array([[3.0, 0.0], [0.0, 2.0]])
    >>> is_equilibrium(A, A.T.copy(), np.array([1.0, 0.0]), np.array([1.0, 0.0]), 1e-9)
    True
    """
    kernel = _is_equilibrium_jit if _is_equilibrium_jit is not None else _is_equilibrium
    return bool(kernel(A, B, x, y, tol))


def checked_payoffs(
    A: np.ndarray, B: np.ndarray, x: np.ndarray, y: np.ndarray, tol: float, zero: float
) -> tuple[float, float] | None:
    """The payoffs ``(x A y, x B y)`` if ``(x, y)`` passes :func:`is_equilibrium`, else ``None``.

    On success, entries of ``x`` and ``y`` within ``zero`` of 0 are set to 0
    first (in place), and the payoffs are those of the cleaned vectors: what
    :class:`negotiation.Equilibrium` reports.

    Examples
    --------
    >>> A = np.array([[3.0, 0.0], [0.0, 2.0]])
    >>> B = np.array([[2.0, 0.0], [0.0, 3.0]])
    >>> checked_payoffs(A, B, np.array([1.0, 0.0]), np.array([1.0, 0.0]), 1e-9, 1e-9)
    (3.0, 2.0)
    """
    out = np.empty(2)
    kernel = _checked_payoffs_jit if _checked_payoffs_jit is not None else _checked_payoffs
    return (float(out[0]), float(out[1])) if kernel(A, B, x, y, tol, zero, out) else None


def _checked_payoffs(
    A: np.ndarray,
    B: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    tol: float,
    zero: float,
    out: np.ndarray,
) -> bool:
    if not _is_equilibrium(A, B, x, y, tol):
        return False
    m, n = A.shape
    for i in range(m):
        if abs(x[i]) <= zero:
            x[i] = 0.0
    for j in range(n):
        if abs(y[j]) <= zero:
            y[j] = 0.0
    u = 0.0
    v = 0.0
    for i in range(m):
        a = 0.0
        b = 0.0
        for j in range(n):
            a += A[i, j] * y[j]
            b += B[i, j] * y[j]
        u += a * x[i]
        v += b * x[i]
    out[0] = u
    out[1] = v
    return True


def _is_equilibrium(A: np.ndarray, B: np.ndarray, x: np.ndarray, y: np.ndarray, tol: float) -> bool:
    """Probability vectors and mutual best responses within ``tol`` (compiled with the kernel)."""
    m, n = A.shape
    sx = 0.0
    for i in range(m):
        if not np.isfinite(x[i]) or x[i] < -tol:
            return False
        sx += x[i]
    sy = 0.0
    for j in range(n):
        if not np.isfinite(y[j]) or y[j] < -tol:
            return False
        sy += y[j]
    if abs(sx - 1.0) > tol or abs(sy - 1.0) > tol:
        return False
    best = -np.inf
    value = 0.0
    for i in range(m):
        r = 0.0
        for j in range(n):
            r += A[i, j] * y[j]
        value += x[i] * r
        best = max(best, r)
    if value < best - tol:
        return False
    best = -np.inf
    value = 0.0
    for j in range(n):
        c = 0.0
        for i in range(m):
            c += x[i] * B[i, j]
        value += c * y[j]
        best = max(best, c)
    return bool(value >= best - tol)


def _shifted_path(
    A: np.ndarray, B: np.ndarray, label: int, max_iterations: int, x: np.ndarray, y: np.ndarray
) -> bool:
    """:func:`_path` on the payoffs shifted to be at least 1 (one crossing into the kernel)."""
    return _path(A, B, 1.0 - A.min(), 1.0 - B.min(), label, max_iterations, x, y)


def _first(
    A: np.ndarray,
    B: np.ndarray,
    max_iterations: int,
    tol: float,
    zero: float,
    found: np.ndarray,
) -> int:
    """:func:`first_equilibrium`'s loop over the labels: the label that answered, or -1.

    ``found`` receives ``x``, ``y`` and the two payoffs, one after the other.
    """
    m, n = A.shape
    x = found[:m]
    y = found[m : m + n]
    out = found[m + n :]
    shift_a = 1.0 - A.min()
    shift_b = 1.0 - B.min()
    for label in range(m + n):
        x[:] = 0.0
        y[:] = 0.0
        if _path(A, B, shift_a, shift_b, label, max_iterations, x, y) and _checked_payoffs(
            A, B, x, y, tol, zero, out
        ):
            return label
    return -1


def _lex_min_ratio(T: np.ndarray, c: int, slack_start: int, n_slacks: int) -> int:
    """The leaving row for entering column ``c``, or -1 when no entry is a usable pivot.

    The minimum of ``rhs / T[i, c]`` over rows with ``T[i, c] > 0``; ties go to the
    smallest ratio on the initial basis's columns in turn (the lexicographic rule).
    """
    k = T.shape[0]
    rhs = T.shape[1] - 1
    best = -1
    for i in range(k):
        a = T[i, c]
        if a <= _PIVOT_TOL:
            continue
        if best < 0:
            best = i
            continue
        b = T[best, c]
        mine = T[i, rhs] / a
        theirs = T[best, rhs] / b
        scale = max(1.0, abs(mine), abs(theirs))
        if mine < theirs - _RATIO_TOL * scale:
            best = i
            continue
        if mine > theirs + _RATIO_TOL * scale:
            continue
        for s in range(slack_start, slack_start + n_slacks):
            mine = T[i, s] / a
            theirs = T[best, s] / b
            scale = max(1.0, abs(mine), abs(theirs))
            if mine < theirs - _RATIO_TOL * scale:
                best = i
                break
            if mine > theirs + _RATIO_TOL * scale:
                break
    return best


def _pivot(T: np.ndarray, r: int, c: int, row: np.ndarray) -> None:
    """Gauss-Jordan pivot on ``T[r, c]``, in place (``row``: scratch of ``T``'s width).

    The scaled pivot row is copied to ``row`` first: an update loop that read it
    from ``T`` while writing other rows of ``T`` could not be vectorised.
    """
    k, width = T.shape
    p = T[r, c]
    for j in range(width):
        v = T[r, j] / p
        row[j] = v
        T[r, j] = v
    for i in range(k):
        if i == r:
            continue
        f = T[i, c]
        if f != 0.0:
            for j in range(width):
                T[i, j] -= f * row[j]


def _path(
    A: np.ndarray,
    B: np.ndarray,
    shift_a: float,
    shift_b: float,
    label: int,
    max_iterations: int,
    x: np.ndarray,
    y: np.ndarray,
) -> bool:
    """Follow the path dropping ``label``; write the strategies to ``x``, ``y``; True if it ended.

    The payoffs are read as ``A + shift_a`` and ``B + shift_b`` (shifts that make
    every entry positive), without copying them.

    Both tableaux have one column per label: in P's (rows: the column player's
    constraints) column ``i < m`` is ``x_i`` and column ``m + j`` the slack of
    constraint ``j``; in Q's (rows: the row player's constraints) column ``i`` is
    the slack of row ``i`` and column ``m + j`` is ``y_j``.
    """
    m, n = A.shape
    labels = m + n
    TP = np.zeros((n, labels + 1))
    TQ = np.zeros((m, labels + 1))
    basis_p = np.empty(n, dtype=np.int64)
    basis_q = np.empty(m, dtype=np.int64)
    row = np.empty(labels + 1)
    for j in range(n):
        for i in range(m):
            TP[j, i] = B[i, j] + shift_b
        TP[j, m + j] = 1.0
        TP[j, labels] = 1.0
        basis_p[j] = m + j
    for i in range(m):
        for j in range(n):
            TQ[i, m + j] = A[i, j] + shift_a
        TQ[i, i] = 1.0
        TQ[i, labels] = 1.0
        basis_q[i] = i
    in_p = label < m  # x_label lives in P; y_(label - m) in Q
    entering = label
    for _ in range(max_iterations):
        if in_p:
            r = _lex_min_ratio(TP, entering, m, n)
            if r < 0:
                return False
            _pivot(TP, r, entering, row)
            leaving = basis_p[r]
            basis_p[r] = entering
        else:
            r = _lex_min_ratio(TQ, entering, 0, m)
            if r < 0:
                return False
            _pivot(TQ, r, entering, row)
            leaving = basis_q[r]
            basis_q[r] = entering
        if leaving == label:
            break
        entering = leaving
        in_p = not in_p
    else:
        return False
    for r in range(n):
        if basis_p[r] < m:
            x[basis_p[r]] = TP[r, labels]
    for r in range(m):
        if basis_q[r] >= m:
            y[basis_q[r] - m] = TQ[r, labels]
    sx = x.sum()
    sy = y.sum()
    if not (sx > 0.0 and sy > 0.0):
        return False
    for i in range(m):
        x[i] /= sx
    for j in range(n):
        y[j] /= sy
    return True


_path_python = _path
_first_python = _first
_first_jit: Any = None
_shifted_path_jit: Any = None
_is_equilibrium_jit: Any = None
_checked_payoffs_jit: Any = None
if numba is not None:
    _jit = numba.njit(cache=True, nogil=True)
    _lex_min_ratio = _jit(_lex_min_ratio)
    _pivot = _jit(_pivot)
    _path = _jit(_path)
    _path_python = _path.py_func
    _shifted_path_jit = _jit(_shifted_path)
    _is_equilibrium = _is_equilibrium_jit = _jit(_is_equilibrium)
    _checked_payoffs = _checked_payoffs_jit = _jit(_checked_payoffs)
    _first_jit = _jit(_first)
