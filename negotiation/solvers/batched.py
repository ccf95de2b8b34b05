"""Batched equilibrium kernels: many games of one shape solved at once in numpy.

A *batch* is a pair of float arrays ``A, B`` of shape ``(N, m, n)``: game ``k``
has row payoffs ``A[k]`` and column payoffs ``B[k]``. Nothing here loops over
the games in Python; every step is an array operation over the whole batch, so
a million 2x2 games take a fraction of a second.

Three kernels, from the cheapest to the most general:

* :func:`pure_equilibria`: the pure equilibria of any ``m x n`` batch (a
  profile is an equilibrium when each payoff is a column or row maximum).
* :func:`mixed_equilibria_2x2`: the fully mixed equilibrium of 2x2 games in
  closed form (each player mixes to make the other indifferent).
* :func:`equilibria`: every extreme equilibrium of games up to
  :data:`MAX_SIZE` x :data:`MAX_SIZE`, by batched vertex enumeration of the two
  best-response polytopes (von Stengel 2007). Every candidate vertex is indexed
  by a support ``I`` and a set ``J`` of best responses of equal size, and solved
  as one small linear system per game. At a *nondegenerate* game the
  equilibria are exactly the candidates that are vertices of both polytopes
  (support enumeration); a game with a vertex that carries too many labels is
  *degenerate*, is flagged, and its extreme equilibria are found by pairing
  every vertex of one polytope with every vertex of the other, so degenerate
  games are answered in full, not approximated.

All floats are compared with one tolerance ``tol`` (default ``1e-9``): payoff
differences within ``tol`` count as ties and probabilities within ``tol`` of
zero as zero. A tie makes a game degenerate, so games that sit exactly on a
boundary between regimes (grids often hit these) are flagged.

References
----------
B. von Stengel (2007), "Equilibrium computation for two-player games in strategic
and extensive form", in Nisan et al., *Algorithmic Game Theory*, ch. 3.
M. J. Osborne (2004), *An Introduction to Game Theory*, section 4.3 (2x2 mixing).

Examples
--------
>>> import numpy as np
>>> A = np.array([[[3.0, 0.0], [5.0, 1.0]],      # prisoner's dilemma
...               [[0.0, -3.0], [2.0, -10.0]]])  # chicken
>>> B = A.transpose(0, 2, 1)
>>> found = equilibria(A, B)
>>> found.counts.tolist(), found.degenerate.tolist()
([1, 3], [False, False])
>>> found.row[found.point == 1].round(3).tolist()
[[1.0, 0.0], [0.0, 1.0], [0.778, 0.222]]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from negotiation.errors import InvalidGameError
from negotiation.solvers import DEFAULT_TOL
from negotiation.solvers.pure import pure_equilibrium_mask

__all__ = [
    "DEFAULT_TOL",
    "KEYS_2X2",
    "MAX_LOOP_SIZE",
    "MAX_SIZE",
    "BatchEquilibria",
    "CodedEquilibria",
    "CompactEquilibria",
    "equilibria",
    "is_degenerate",
    "mixed_equilibria_2x2",
    "pure_equilibria",
    "pure_nplayer",
    "solve_2x2_coded",
    "solve_2x2_compiled",
    "solve_batch",
]

#: The largest number of strategies per player that :func:`equilibria` accepts
#: with ``method="vertex_enumeration"`` (candidate vertices grow as C(m+n, m)).
MAX_SIZE = 4


#: Pivots smaller than this times the largest payoff make a system singular.
_PIVOT_EPS = 1e-12

#: Degenerate games are paired vertex by vertex in blocks of this many games.
_DEGENERATE_BLOCK = 512


@dataclass(frozen=True, eq=False)
class BatchEquilibria:
    """The equilibria of a batch of games, as flat arrays.

    Equilibria are listed game by game (``point`` is sorted), in a fixed order
    within each game, so ``counts`` gives the offsets.

    Attributes
    ----------
    counts
        ``(N,)`` number of equilibria of each game.
    degenerate
        ``(N,)`` whether each game is degenerate (within ``tol``). For
        ``method="pure"`` only ties among pure best responses are detected.
    point
        ``(E,)`` the game each equilibrium belongs to.
    row, col
        ``(E, m)`` and ``(E, n)`` mixed strategies.
    payoffs
        ``(E, 2)`` expected payoffs of the row and column player.
    row_support, col_support
        ``(E,)`` supports as bit masks (bit ``i`` set when strategy ``i`` is played).
    """

    counts: np.ndarray
    degenerate: np.ndarray
    point: np.ndarray
    row: np.ndarray
    col: np.ndarray
    payoffs: np.ndarray
    row_support: np.ndarray
    col_support: np.ndarray

    def __len__(self) -> int:
        return len(self.counts)


# ---------------------------------------------------------------------- checks
def _as_batch(A: np.ndarray, B: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Validate and convert payoff arrays; a single ``m x n`` game is a batch of one."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim == 2:
        A = A[None]
    if B.ndim == 2:
        B = B[None]
    if A.ndim != 3 or B.ndim != 3:
        raise InvalidGameError(
            f"payoff batches must have shape (N, m, n); got {A.shape} and {B.shape}"
        )
    if A.shape != B.shape:
        raise InvalidGameError(
            f"row and column payoffs must have the same shape; got {A.shape} and {B.shape}"
        )
    if 0 in A.shape[1:]:
        raise InvalidGameError(f"each player needs at least one strategy; got shape {A.shape}")
    if not (np.isfinite(A).all() and np.isfinite(B).all()):
        raise InvalidGameError("payoffs must be finite numbers; the batch holds nan or inf")
    return A, B


def _check_tol(tol: float) -> float:
    if not (isinstance(tol, float | int) and tol >= 0):
        raise InvalidGameError(f"tol must be a non-negative number, not {tol!r}")
    return float(tol)


def _popcount(x: np.ndarray) -> np.ndarray:
    if hasattr(np, "bitwise_count"):
        return np.bitwise_count(x)
    x = x.astype(np.uint64)  # pragma: no cover - numpy < 2.0
    out = np.zeros(x.shape, dtype=np.uint8)  # pragma: no cover
    while np.any(x):  # pragma: no cover
        out += (x & 1).astype(np.uint8)
        x >>= 1
    return out  # pragma: no cover


def support_dtype(size: int) -> type[np.unsignedinteger]:
    """The smallest unsigned integer type that holds a bit mask over ``size`` strategies.

    Examples
    --------
    >>> support_dtype(4), support_dtype(12)
    (<class 'numpy.uint8'>, <class 'numpy.uint16'>)
    """
    for dtype in (np.uint8, np.uint16, np.uint32, np.uint64):
        if size <= np.iinfo(dtype).bits:
            return dtype
    raise InvalidGameError(
        f"a player has {size} strategies; sweeps handle at most 64 strategies per player"
    )


def _bitmask(probs: np.ndarray) -> np.ndarray:
    """Bit masks of the positive entries of ``(E, k)`` probabilities."""
    k = probs.shape[1]
    dtype = support_dtype(k)
    weights = (np.ones(1, dtype=dtype) << np.arange(k, dtype=dtype)).astype(dtype)
    return ((probs > 0).astype(dtype) * weights).sum(axis=1, dtype=dtype)


# ---------------------------------------------------------------------- pure
def pure_equilibria(A: np.ndarray, B: np.ndarray, tol: float = DEFAULT_TOL) -> np.ndarray:
    """Which pure profiles are equilibria, for every game of a batch.

    Parameters
    ----------
    A, B
        Row and column payoffs, shape ``(N, m, n)`` (or one ``(m, n)`` game).
    tol
        Payoffs within ``tol`` of the best count as best responses.

    Returns
    -------
    numpy.ndarray of bool, shape ``(N, m, n)``
        ``out[k, i, j]`` is true when ``(i, j)`` is a pure equilibrium of game ``k``.

    Examples
    --------
    >>> pd = np.array([[3.0, 0.0], [5.0, 1.0]])
    >>> pure_equilibria(pd, pd.T)[0].astype(int).tolist()
    [[0, 0], [0, 1]]
    """
    A, B = _as_batch(A, B)
    return _pure_mask(A, B, _check_tol(tol))


def _pure_mask(A: np.ndarray, B: np.ndarray, tol: float) -> np.ndarray:
    return pure_equilibrium_mask((A, B), tol, batch=True)


def _pure_ties(A: np.ndarray, B: np.ndarray, tol: float) -> np.ndarray:
    """Games in which some pure strategy has several pure best responses."""
    row_best = A >= A.max(axis=1, keepdims=True) - tol  # rows best against each column
    col_best = B >= B.max(axis=2, keepdims=True) - tol  # columns best against each row
    return (row_best.sum(axis=1) > 1).any(axis=1) | (col_best.sum(axis=2) > 1).any(axis=1)


def pure_nplayer(
    payoffs: tuple[np.ndarray, ...], tol: float = DEFAULT_TOL
) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, ...]]:
    """The pure equilibria of a batch of N-player games, each payoff ``(K, n_1, ..., n_N)``.

    The sweeps' kernel for games of any number of players (``method="pure"``),
    on :func:`negotiation.solvers.pure.pure_equilibrium_mask`.

    Parameters
    ----------
    payoffs
        One array per player, the games on the first axis.
    tol
        Payoffs within ``tol`` of the best count as best responses.

    Returns
    -------
    counts : numpy.ndarray, shape ``(K,)``
        The number of pure equilibria of each game.
    degenerate : numpy.ndarray of bool, shape ``(K,)``
        Whether a player has several pure best responses (within ``tol``) to
        some profile of the others.
    supports : tuple of numpy.ndarray
        For every equilibrium in game order, each player's support as a bit mask.

    Examples
    --------
    Three players coordinate (each gains 1 when all three choose alike); a
    player whose two partners disagree is indifferent, a tie:

    >>> u = np.zeros((1, 2, 2, 2))
    >>> u[0, 0, 0, 0] = u[0, 1, 1, 1] = 1.0
    >>> counts, degenerate, supports = pure_nplayer((u, u, u))
    >>> counts.tolist(), degenerate.tolist(), [s.tolist() for s in supports]
    ([2], [True], [[1, 2], [1, 2], [1, 2]])
    """
    mask = pure_equilibrium_mask(payoffs, tol, batch=True)
    found = np.nonzero(mask)
    point, index = found[0], found[1:]
    K = mask.shape[0]
    degenerate = np.zeros(K, dtype=bool)
    for p, u in enumerate(payoffs):
        best = u >= u.max(axis=p + 1, keepdims=True) - tol
        degenerate |= (best.sum(axis=p + 1) > 1).reshape(K, -1).any(axis=1)
    supports = tuple(
        np.left_shift(np.uint64(1), i.astype(np.uint64)).astype(support_dtype(n))
        for i, n in zip(index, mask.shape[1:], strict=True)
    )
    return np.bincount(point, minlength=K), degenerate, supports


# ---------------------------------------------------------------------- 2x2 closed form
def mixed_equilibria_2x2(
    A: np.ndarray, B: np.ndarray, tol: float = DEFAULT_TOL
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The fully mixed equilibrium of each 2x2 game, in closed form.

    The row player plays its first strategy with probability
    ``p = (b11 - b10) / (b00 - b01 - b10 + b11)``, which makes the column
    player indifferent, and the column player plays its first with
    ``q = (a11 - a01) / (a00 - a01 - a10 + a11)`` (Osborne 2004, section 4.3).

    Parameters
    ----------
    A, B
        Row and column payoffs, shape ``(N, 2, 2)``.
    tol
        ``p`` and ``q`` must lie in ``(tol, 1 - tol)``.

    Returns
    -------
    row, col : numpy.ndarray, shape ``(N, 2)``
        The mixed strategies (``nan`` where there is none).
    exists : numpy.ndarray of bool, shape ``(N,)``
        Where a fully mixed equilibrium exists.

    Examples
    --------
    >>> mp = np.array([[1.0, -1.0], [-1.0, 1.0]])
    >>> row, col, exists = mixed_equilibria_2x2(mp, -mp)
    >>> row.tolist(), exists.tolist()
    ([[0.5, 0.5]], [True])
    """
    A, B = _as_batch(A, B)
    if A.shape[1:] != (2, 2):
        raise InvalidGameError(f"mixed_equilibria_2x2 needs 2x2 games; got {A.shape[1:]}")
    tol = _check_tol(tol)
    p, q = _pq(A.reshape(-1, 4).T, B.reshape(-1, 4).T)
    exists = (p > tol) & (p < 1 - tol) & (q > tol) & (q < 1 - tol)
    p = np.where(exists, p, np.nan)
    q = np.where(exists, q, np.nan)
    return np.stack([p, 1 - p], axis=1), np.stack([q, 1 - q], axis=1), exists


def _pq(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``p`` (row's first strategy) and ``q`` (column's first) from ``(4, N)`` entry rows."""
    with np.errstate(divide="ignore", invalid="ignore"):
        q = (a[3] - a[1]) / (a[0] - a[1] - a[2] + a[3])
        p = (b[3] - b[2]) / (b[0] - b[1] - b[2] + b[3])
    return p, q


# candidates: pure profiles (0,0), (0,1), (1,0), (1,1), then the fully mixed equilibrium
_ROW_SUPPORT_2X2 = np.array([1, 1, 2, 2, 3], dtype=np.uint8)
_COL_SUPPORT_2X2 = np.array([1, 2, 1, 2, 3], dtype=np.uint8)


def _solve_2x2(A: np.ndarray, B: np.ndarray, tol: float) -> CompactEquilibria:
    """Every equilibrium of 2x2 games: closed forms, with vertex pairing for degenerate games.

    A 2x2 game is degenerate exactly when a pure strategy has two best
    responses (a tie), which also puts the mixing probability at 0 or 1.
    """
    N = A.shape[0]
    a = A.reshape(N, 4).T  # a[0] = a00, a[1] = a01, a[2] = a10, a[3] = a11 (a view)
    b = B.reshape(N, 4).T
    d_row0 = a[0] - a[2]  # the row player's gain from its first strategy against column 0
    d_row1 = a[1] - a[3]
    d_col0 = b[0] - b[1]  # the column player's gain from its first strategy against row 0
    d_col1 = b[2] - b[3]
    with np.errstate(divide="ignore", invalid="ignore"):
        q = d_row1 / (d_row1 - d_row0)  # column's first strategy: makes the row player indifferent
        p = d_col1 / (d_col1 - d_col0)  # row's first strategy: makes the column player indifferent
        degenerate = (
            np.minimum(
                np.minimum(np.abs(d_row0), np.abs(d_row1)),
                np.minimum(np.abs(d_col0), np.abs(d_col1)),
            )
            <= tol
        )
        # the mixed candidate is a vertex with a zero probability (within tol): a tie in effect
        degenerate |= (np.minimum(np.abs(p), np.abs(1 - p)) <= tol) | (
            np.minimum(np.abs(q), np.abs(1 - q)) <= tol
        )
        cand = np.empty((N, 5), dtype=bool)
        row0 = d_row0 > 0
        row1 = d_row1 > 0
        col0 = d_col0 > 0
        col1 = d_col1 > 0
        cand[:, 0] = row0 & col0
        cand[:, 1] = row1 & ~col0
        cand[:, 2] = ~row0 & col1
        cand[:, 3] = ~row1 & ~col1
        cand[:, 4] = (p > 0) & (p < 1) & (q > 0) & (q < 1)
    cand &= ~degenerate[:, None]
    flat = np.flatnonzero(cand)
    point = flat // 5
    which = flat - 5 * point
    mixed_points = np.flatnonzero(cand[:, 4])
    pm, qm = p[mixed_points], q[mixed_points]
    fast = CompactEquilibria(
        counts=np.bincount(point, minlength=N),
        degenerate=degenerate,
        point=point,
        row_support=_ROW_SUPPORT_2X2[which],
        col_support=_COL_SUPPORT_2X2[which],
        is_mixed=which == 4,
        mixed_row=np.stack([pm, 1 - pm], axis=1),
        mixed_col=np.stack([qm, 1 - qm], axis=1),
    )
    if not degenerate.any():
        return fast
    slow_points = np.flatnonzero(degenerate)
    return _merge(fast, _solve_vertex(A[slow_points], B[slow_points], tol), slow_points)


# ---------------------------------------------------------------------- 2x2, compiled, for sweeps
#: The outcomes of a nondegenerate 2x2 game, as (row mask, column mask), in the
#: order the closed forms list them: the four pure profiles, then the mixed one.
KEYS_2X2 = ((1, 1), (1, 2), (2, 1), (2, 2), (3, 3))


@dataclass(frozen=True, eq=False)
class CodedEquilibria:
    """A batch's equilibria as the sweeps store them: an outcome code per equilibrium.

    ``codes`` index ``keys`` (one support mask per player), game by game;
    ``mixed_row`` and ``mixed_col`` hold the probabilities of the equilibria
    that are not pure, without each player's last one (it is 1 minus the
    others). Only outcomes that occur are in ``keys``.
    """

    counts: np.ndarray
    degenerate: np.ndarray
    keys: tuple[tuple[int, ...], ...]
    codes: np.ndarray
    mixed_row: np.ndarray
    mixed_col: np.ndarray


def solve_2x2_coded(A: np.ndarray, B: np.ndarray, tol: float) -> CodedEquilibria | None:
    """Every equilibrium of 2x2 games in one compiled pass, or ``None`` without numba.

    The closed forms of :func:`_solve_2x2` (the same arithmetic, the same
    degenerate test, the same order of equilibria), computed point by point
    in a loop that numba compiles: no temporaries the size of the batch, and
    the outcome codes are written directly. Degenerate games (a tie) are
    solved by vertex enumeration, as in :func:`solve_batch`, and their
    equilibria inserted in place.

    Parameters
    ----------
    A, B
        Payoffs stored batch-last, shape ``(2, 2, N)``: ``A[i, j, k]`` is the
        row player's payoff at ``(i, j)`` in game ``k``.
    tol
        Payoff differences within ``tol`` are ties; probabilities within ``tol``
        of 0 or 1 make the game degenerate.

    Examples
    --------
    >>> chicken = np.array([[0.0, -3.0], [2.0, -10.0]])
    >>> solved = solve_2x2_coded(chicken[..., None], chicken.T[..., None], 1e-9)
    >>> [solved.keys[c] for c in solved.codes], solved.mixed_row.round(3).tolist()
    ([(1, 2), (2, 1), (3, 3)], [[0.778]])
    """
    kernel = _coded_2x2_kernel()
    if kernel is None:
        return None
    N = A.shape[2]
    a = A.reshape(4, N)  # a00, a01, a10, a11 (views when A is contiguous)
    b = B.reshape(4, N)
    counts = np.empty(N, dtype=np.uint16)
    degenerate = np.empty(N, dtype=bool)
    codes = np.empty(3 * N, dtype=np.uint8)  # a nondegenerate 2x2 game has 1 or 3 equilibria
    p = np.empty(N)
    q = np.empty(N)
    slow = np.empty((3, N), dtype=np.int64)  # degenerate games: index, entry, mixed entry
    seen = np.zeros(5, dtype=np.bool_)
    E, M, S = kernel(a, b, float(tol), counts, degenerate, codes, p, q, slow, seen)
    codes, p, q = codes[:E], p[:M], q[:M]
    keys = list(KEYS_2X2)
    used = [bool(v) for v in seen]
    if S:
        games = slow[0, :S]
        found = _solve_vertex(
            np.ascontiguousarray(a[:, games].T).reshape(S, 2, 2),
            np.ascontiguousarray(b[:, games].T).reshape(S, 2, 2),
            tol,
        )
        combined = found.row_support.astype(np.intp) * 4 + found.col_support
        table = np.full(16, -1, dtype=np.intp)
        for k, (r, c) in enumerate(KEYS_2X2):
            table[r * 4 + c] = k
        for value in np.unique(combined).tolist():
            if table[value] < 0:
                table[value] = len(keys)
                keys.append((value // 4, value % 4))
                used.append(False)
            used[table[value]] = True
        counts[games] = found.counts
        codes = np.insert(
            codes, np.repeat(slow[1, :S], found.counts), table[combined].astype(np.uint8)
        )
        mixed_counts = np.bincount(found.point[found.is_mixed], minlength=S)
        at = np.repeat(slow[2, :S], mixed_counts)
        p = np.insert(p, at, found.mixed_row[:, 0])
        q = np.insert(q, at, found.mixed_col[:, 0])
    if not all(used):
        renumber = (np.cumsum(used) - 1).astype(np.uint8)
        codes = renumber[codes]
        keys = [k for k, u in zip(keys, used, strict=True) if u]
    return CodedEquilibria(  # copies of the used parts, so the buffers are freed now
        counts=counts,
        degenerate=degenerate,
        keys=tuple(keys),
        codes=codes.copy(),
        mixed_row=p.reshape(-1, 1).copy(),
        mixed_col=q.reshape(-1, 1).copy(),
    )


def solve_2x2_compiled() -> bool:
    """Whether :func:`solve_2x2_coded` runs (numba is installed)."""
    return _coded_2x2_kernel() is not None


def _coded_2x2_loop(
    a: np.ndarray,
    b: np.ndarray,
    tol: float,
    counts: np.ndarray,
    degenerate: np.ndarray,
    codes: np.ndarray,
    p_out: np.ndarray,
    q_out: np.ndarray,
    slow: np.ndarray,
    seen: np.ndarray,
) -> tuple[int, int, int]:
    """:func:`solve_2x2_coded`'s pass over the games (compiled); returns (entries, mixed, slow)."""
    N = a.shape[1]
    e = 0
    m = 0
    s = 0
    for k in range(N):
        d_row0 = a[0, k] - a[2, k]
        d_row1 = a[1, k] - a[3, k]
        d_col0 = b[0, k] - b[1, k]
        d_col1 = b[2, k] - b[3, k]
        q = d_row1 / (d_row1 - d_row0)
        p = d_col1 / (d_col1 - d_col0)
        tie = min(min(abs(d_row0), abs(d_row1)), min(abs(d_col0), abs(d_col1))) <= tol
        if tie or min(abs(p), abs(1 - p)) <= tol or min(abs(q), abs(1 - q)) <= tol:
            degenerate[k] = True
            counts[k] = 0
            slow[0, s] = k
            slow[1, s] = e
            slow[2, s] = m
            s += 1
            continue
        degenerate[k] = False
        start = e
        if d_row0 > 0 and d_col0 > 0:
            codes[e] = 0
            e += 1
        if d_row1 > 0 and not d_col0 > 0:
            codes[e] = 1
            e += 1
        if not d_row0 > 0 and d_col1 > 0:
            codes[e] = 2
            e += 1
        if not d_row1 > 0 and not d_col1 > 0:
            codes[e] = 3
            e += 1
        if p > 0 and p < 1 and q > 0 and q < 1:
            codes[e] = 4
            e += 1
            p_out[m] = p
            q_out[m] = q
            m += 1
        for j in range(start, e):
            seen[codes[j]] = True
        counts[k] = e - start
    return e, m, s


@functools.cache
def _coded_2x2_kernel() -> Any:
    """The compiled :func:`_coded_2x2_loop`, or ``None`` when numba is not installed."""
    try:
        import numba
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    # error_model="numpy": a division by zero gives inf or nan, as in the numpy kernel
    return numba.njit(cache=True, nogil=True, error_model="numpy")(_coded_2x2_loop)


# ---------------------------------------------------------------------- vertex enumeration
def _solve_systems(S: np.ndarray, threshold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Solve ``S z = 1`` for systems stored batch-last: ``S`` has shape ``(C, k, k, D)``.

    Returns ``z`` of shape ``(C, k, D)`` and ``ok`` of shape ``(C, D)``; ``ok`` is
    false where a pivot (or, for ``k = 2``, the determinant) is not above
    ``threshold`` (per game, shape ``(D,)``), i.e. the system is singular. Each
    system is solved on its own (Gaussian elimination with partial pivoting;
    Cramer's rule for ``k <= 2``), so no game's answer depends on the others.
    """
    C, k, _, D = S.shape
    with np.errstate(all="ignore"):
        if k == 1:
            pivot = S[:, 0, 0]
            ok = np.abs(pivot) > threshold
            return (1.0 / pivot)[:, None, :], ok
        if k == 2:
            det = S[:, 0, 0] * S[:, 1, 1] - S[:, 0, 1] * S[:, 1, 0]
            ok = np.abs(det) > threshold * threshold
            z = np.stack([S[:, 1, 1] - S[:, 0, 1], S[:, 0, 0] - S[:, 1, 0]], axis=1) / det[:, None]
            return z, ok
        S = S.copy()
        z = np.ones((C, k, D))
        ok = np.ones((C, D), dtype=bool)
        for c in range(k):
            # partial pivoting: bring the largest remaining entry of column c to row c
            best = np.abs(S[:, c, c])
            for r in range(c + 1, k):
                bigger = np.abs(S[:, r, c]) > best
                if bigger.any():
                    best = np.where(bigger, np.abs(S[:, r, c]), best)
                    row_c, row_r = S[:, c].copy(), S[:, r].copy()
                    S[:, c] = np.where(bigger[:, None], row_r, row_c)
                    S[:, r] = np.where(bigger[:, None], row_c, row_r)
                    z_c, z_r = z[:, c].copy(), z[:, r].copy()
                    z[:, c] = np.where(bigger, z_r, z_c)
                    z[:, r] = np.where(bigger, z_c, z_r)
            pivot = S[:, c, c]
            good = np.abs(pivot) > threshold
            ok &= good
            pivot = np.where(good, pivot, 1.0)
            S[:, c, c] = pivot
            for r in range(c + 1, k):
                f = S[:, r, c] / pivot
                S[:, r, c:] -= f[:, None] * S[:, c, c:]
                z[:, r] -= f * z[:, c]
        for c in range(k - 1, -1, -1):
            rest = (S[:, c, c + 1 :] * z[:, c + 1 :]).sum(axis=1)
            z[:, c] = (z[:, c] - rest) / S[:, c, c]
    return z, ok


@functools.cache
def _candidate_groups(m: int, n: int) -> tuple[tuple[int, np.ndarray, np.ndarray], ...]:
    """Candidate vertices ``(I, J)``, ``|I| = |J| = k``, grouped by ``k``.

    ``I`` is a set of row strategies and ``J`` of column strategies; the order
    (by ``k``, then ``I``, then ``J``, lexicographically) fixes the order in
    which equilibria are reported.
    """
    groups = []
    for k in range(1, min(m, n) + 1):
        pairs = [(i, j) for i in combinations(range(m), k) for j in combinations(range(n), k)]
        sup = np.array([p[0] for p in pairs], dtype=np.intp)
        tight = np.array([p[1] for p in pairs], dtype=np.intp)
        sup.setflags(write=False)
        tight.setflags(write=False)
        groups.append((k, sup, tight))
    return tuple(groups)


def _polytope_vertices(
    M: np.ndarray, groups: tuple[tuple[int, np.ndarray, np.ndarray], ...], tol: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Candidate vertices of one player's best-response polytope, for a batch.

    ``M`` has shape ``(a, b, D)`` (batch last): the *other* player's payoffs,
    with the mixing player's ``a`` strategies first. For each candidate
    ``(I, J)`` (support ``I`` of the mixer, tight set ``J`` of the other
    player) the vertex solves ``M'[I, J]^T z = 1``, with ``M'`` shifted to be
    positive (von Stengel's polytope ``{z >= 0 : M'^T z <= 1}``); it is a
    vertex when that system is nonsingular and ``z`` is feasible.

    Returns
    -------
    sigma : ``(C, a, D)`` normalised mixed strategies (entries ``<= tol`` set to 0)
    ok : ``(C, D)`` whether the candidate is a vertex
    zeros : ``(C, D)`` bit mask of the mixer's strategies played with probability 0
    best : ``(C, D)`` bit mask of the other player's best responses
    """
    from negotiation.solvers.lexsearch_numba import polytope_vertices

    compiled = polytope_vertices(M, *_padded(groups), tol, _PIVOT_EPS)
    if compiled is not None:
        return compiled
    a, b, D = M.shape
    low = M.min(axis=(0, 1))
    shift = 1.0 - low  # M' = M + shift >= 1
    threshold = _PIVOT_EPS * (np.maximum(1.0, np.abs(M).max(axis=(0, 1))) + shift)
    shifted = M + shift
    weights_a = (1 << np.arange(a)).astype(np.uint8)
    weights_b = (1 << np.arange(b)).astype(np.uint8)
    sigmas, oks, zeros_, bests = [], [], [], []
    for _, sup, tight in groups:
        C = len(sup)
        # system[c, s, r] = M'[I_r, J_s]: one equation per tight strategy s
        system = shifted[sup[:, None, :], tight[:, :, None]]  # (C, k, k, D)
        z, ok = _solve_systems(system, threshold)
        with np.errstate(all="ignore"):
            total = z.sum(axis=1)
            sigma_I = z / total[:, None, :]
            value = 1.0 / total - shift  # the other player's payoff on J
            ok &= (total > 0) & np.all(sigma_I >= -tol, axis=1)
            u = np.einsum("crd,crbd->cbd", sigma_I, M[sup])  # payoff of every b against sigma
            ok &= np.all(u <= value[:, None, :] + tol, axis=1)
        small = sigma_I <= tol
        sigma_I = np.where(small | ~ok[:, None, :], 0.0, sigma_I)
        with np.errstate(all="ignore"):
            sigma_I /= sigma_I.sum(axis=1, keepdims=True)
        sigma = np.zeros((C, a, D))
        sigma[np.arange(C)[:, None], sup] = np.where(ok[:, None, :], sigma_I, 0.0)
        outside = (weights_a.sum() - weights_a[sup].sum(axis=1)).astype(np.uint8)  # (C,)
        zero_bits = outside[:, None] | (small.astype(np.uint8) * weights_a[sup][:, :, None]).sum(
            axis=1, dtype=np.uint8
        )
        best_bits = ((u >= value[:, None, :] - tol).astype(np.uint8) * weights_b[:, None]).sum(
            axis=1, dtype=np.uint8
        )
        sigmas.append(sigma)
        oks.append(ok)
        zeros_.append(zero_bits)
        bests.append(best_bits)
    return (
        np.concatenate(sigmas),
        np.concatenate(oks),
        np.concatenate(zeros_),
        np.concatenate(bests),
    )


@functools.cache
def _padded_table(m: int, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_padded` of the candidates of an ``m x n`` game, computed once."""
    table = _padded(_candidate_groups(m, n))
    for a in table:
        a.setflags(write=False)
    return table


def _padded(
    groups: tuple[tuple[int, np.ndarray, np.ndarray], ...],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidates of all groups in one padded table: supports, tight sets, sizes."""
    K = max(k for k, _, _ in groups)
    sup = np.concatenate([np.pad(g, ((0, 0), (0, K - k))) for k, g, _ in groups])
    tight = np.concatenate([np.pad(t, ((0, 0), (0, K - k))) for k, _, t in groups])
    sizes = np.concatenate([np.full(len(g), k) for k, g, _ in groups])
    return sup, tight, sizes


def _vertex_labels(
    A: np.ndarray, B: np.ndarray, tol: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Candidate vertices of P (row player) and Q (column player) with their labels.

    ``A`` and ``B`` are batch-last, ``(m, n, D)``. Candidate ``c`` of P has
    support ``I_c`` and tight set ``J_c``; candidate ``c`` of Q has support
    ``J_c`` and tight set ``I_c``, so a matching pair ``(c, c)`` is a
    support-enumeration candidate. Labels follow von Stengel: ``0..m-1`` row
    strategies, ``m..m+n-1`` column strategies.
    """
    m, n, _ = A.shape
    groups = _candidate_groups(m, n)
    swapped = tuple((k, tight, sup) for k, sup, tight in groups)
    x, ok_x, zero_x, best_x = _polytope_vertices(B, groups, tol)
    y, ok_y, zero_y, best_y = _polytope_vertices(A.transpose(1, 0, 2), swapped, tol)
    labels_x = zero_x | (best_x << np.uint8(m))
    labels_y = best_y | (zero_y << np.uint8(m))
    return x, ok_x, labels_x, y, ok_y, labels_y


def _degenerate_from_labels(
    ok_x: np.ndarray, labels_x: np.ndarray, ok_y: np.ndarray, labels_y: np.ndarray, m: int, n: int
) -> np.ndarray:
    """Von Stengel (2007), section 3.3: a vertex of P with more than m labels, or of Q with
    more than n, makes the game degenerate."""
    return np.any(ok_x & (_popcount(labels_x) > m), axis=0) | np.any(
        ok_y & (_popcount(labels_y) > n), axis=0
    )


def _batch_last(A: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(A.transpose(1, 2, 0))


def is_degenerate(A: np.ndarray, B: np.ndarray, tol: float = DEFAULT_TOL) -> np.ndarray:
    """Whether each game of a batch is degenerate (within ``tol``).

    A game is degenerate when some mixed strategy with support size ``k`` has
    more than ``k`` pure best responses (von Stengel 2007, section 3.3).

    Parameters
    ----------
    A, B
        Row and column payoffs, shape ``(N, m, n)`` with ``m, n <= MAX_SIZE``.
    tol
        Payoffs within ``tol`` tie; probabilities within ``tol`` of zero are zero.

    Returns
    -------
    numpy.ndarray of bool, shape ``(N,)``

    Examples
    --------
    >>> A = np.array([[[1.0, 1.0], [0.0, 0.0]], [[3.0, 0.0], [5.0, 1.0]]])
    >>> is_degenerate(A, A).tolist()
    [True, False]
    """
    A, B = _as_batch(A, B)
    tol = _check_tol(tol)
    _check_size(A.shape[1:])
    _, ok_x, labels_x, _, ok_y, labels_y = _vertex_labels(_batch_last(A), _batch_last(B), tol)
    return _degenerate_from_labels(ok_x, labels_x, ok_y, labels_y, *A.shape[1:])


def _check_size(shape: tuple[int, ...]) -> None:
    m, n = shape
    if m > MAX_SIZE or n > MAX_SIZE:
        raise InvalidGameError(
            f"batched vertex enumeration handles games up to {MAX_SIZE}x{MAX_SIZE}; this game is "
            f"{m}x{n}: use method='pure', or remove dominated strategies first "
            "(Game.eliminate_dominated)"
        )


def _solve_vertex(A: np.ndarray, B: np.ndarray, tol: float) -> CompactEquilibria:
    """Every extreme equilibrium by batched vertex enumeration (any small shape).

    With numba, one compiled pass over the games does every stage below
    (:func:`negotiation.solvers.lexsearch_numba.vertex_equilibria`); the numpy
    stages are the fallback, with the same answers.
    """
    N, m, n = A.shape
    from negotiation.solvers.lexsearch_numba import vertex_equilibria

    fused = vertex_equilibria(_batch_last(A), _batch_last(B), *_padded_table(m, n), tol, _PIVOT_EPS)
    if fused is not None:
        counts, degenerate, point, row, col, row_support, col_support = fused
        return _compact(N, degenerate, point, row, col, counts, row_support, col_support)
    x, ok_x, labels_x, y, ok_y, labels_y = _vertex_labels(_batch_last(A), _batch_last(B), tol)
    degenerate = _degenerate_from_labels(ok_x, labels_x, ok_y, labels_y, m, n)
    # nondegenerate games: the matching candidates (support enumeration)
    both = ok_x & ok_y & ~degenerate
    point, c = np.nonzero(both.T)
    fast = _compact(N, degenerate, point, x[c, :, point], y[c, :, point])
    if not degenerate.any():
        return fast
    slow_points = np.flatnonzero(degenerate)
    parts = []
    for start in range(0, len(slow_points), _DEGENERATE_BLOCK):
        sel = slow_points[start : start + _DEGENERATE_BLOCK]
        parts.append(
            _pair_vertices(
                x[:, :, sel].transpose(2, 0, 1),
                ok_x[:, sel].T,
                labels_x[:, sel].T,
                y[:, :, sel].transpose(2, 0, 1),
                ok_y[:, sel].T,
                labels_y[:, sel].T,
                tol,
            )
        )
    return _merge(fast, _concatenate(parts), slow_points)


def _unique_vertices(v: np.ndarray, ok: np.ndarray, tol: float) -> np.ndarray:
    """Drop repeated vertices (a degenerate vertex is found from several candidates)."""
    from negotiation.solvers.lexsearch_numba import first_of_close

    compiled = first_of_close(v, ok, 1e3 * tol)
    if compiled is not None:
        return compiled
    close = np.all(np.abs(v[:, :, None, :] - v[:, None, :, :]) <= 1e3 * tol, axis=3)
    close &= ok[:, :, None] & ok[:, None, :]
    earlier = np.tril(close, k=-1).any(axis=2)  # equal to a valid earlier candidate
    return ok & ~earlier


def _pair_vertices(
    x: np.ndarray,
    ok_x: np.ndarray,
    labels_x: np.ndarray,
    y: np.ndarray,
    ok_y: np.ndarray,
    labels_y: np.ndarray,
    tol: float,
) -> CompactEquilibria:
    """All completely labelled vertex pairs: the extreme equilibria of degenerate games."""
    N, _, m = x.shape
    n = y.shape[2]
    full = np.uint8((1 << (m + n)) - 1)
    ok_x = _unique_vertices(x, ok_x, tol)
    ok_y = _unique_vertices(y, ok_y, tol)
    from negotiation.solvers.lexsearch_numba import complete_pairs

    compiled = complete_pairs(labels_x, ok_x, labels_y, ok_y, int(full))
    if compiled is not None:
        point, i, j = compiled
    else:
        pairs = (labels_x[:, :, None] | labels_y[:, None, :]) == full
        pairs &= ok_x[:, :, None] & ok_y[:, None, :]
        point, i, j = np.nonzero(pairs)
    return _compact(N, np.ones(N, dtype=bool), point, x[point, i], y[point, j])


# ---------------------------------------------------------------------- assembly
@dataclass(frozen=True, eq=False)
class CompactEquilibria:
    """The compact form of a batch's equilibria, which the sweeps store.

    ``point``, ``row_support``, ``col_support`` and ``is_mixed`` have one entry
    per equilibrium (sorted by ``point``); ``mixed_row`` and ``mixed_col`` hold
    the probabilities of the equilibria that are not pure, in the same order.
    """

    counts: np.ndarray
    degenerate: np.ndarray
    point: np.ndarray
    row_support: np.ndarray
    col_support: np.ndarray
    is_mixed: np.ndarray
    mixed_row: np.ndarray
    mixed_col: np.ndarray


def _compact(
    N: int,
    degenerate: np.ndarray,
    point: np.ndarray,
    row: np.ndarray,
    col: np.ndarray,
    counts: np.ndarray | None = None,
    row_support: np.ndarray | None = None,
    col_support: np.ndarray | None = None,
) -> CompactEquilibria:
    """The equilibria of a batch in compact form (the counts and supports computed if not given)."""
    if row_support is None:
        row_support = _bitmask(row)
    if col_support is None:
        col_support = _bitmask(col)
    is_mixed = (_popcount(row_support) > 1) | (_popcount(col_support) > 1)
    return CompactEquilibria(
        counts=np.bincount(point, minlength=N) if counts is None else counts,
        degenerate=degenerate,
        point=point,
        row_support=row_support,
        col_support=col_support,
        is_mixed=is_mixed,
        mixed_row=row[is_mixed],
        mixed_col=col[is_mixed],
    )


def _concatenate(parts: list[CompactEquilibria]) -> CompactEquilibria:
    offsets = np.cumsum([0] + [len(p.counts) for p in parts[:-1]])
    return CompactEquilibria(
        counts=np.concatenate([p.counts for p in parts]),
        degenerate=np.concatenate([p.degenerate for p in parts]),
        point=np.concatenate([p.point + o for p, o in zip(parts, offsets, strict=True)]),
        row_support=np.concatenate([p.row_support for p in parts]),
        col_support=np.concatenate([p.col_support for p in parts]),
        is_mixed=np.concatenate([p.is_mixed for p in parts]),
        mixed_row=np.concatenate([p.mixed_row for p in parts]),
        mixed_col=np.concatenate([p.mixed_col for p in parts]),
    )


def _merge(
    fast: CompactEquilibria, slow: CompactEquilibria, slow_points: np.ndarray
) -> CompactEquilibria:
    """Put the equilibria ``slow`` of the games ``slow_points`` (where ``fast`` has none) in place.

    Linear time: each entry moves by the number of entries of the other kind
    at earlier games, and so does each mixed entry among the mixed ones.
    """
    N = len(fast.counts)
    slow_point = slow_points[slow.point]

    def before(points: np.ndarray) -> np.ndarray:
        """For each game, the number of ``points`` entries at earlier games."""
        counts = np.bincount(points, minlength=N)
        return np.cumsum(counts) - counts

    pos_fast = np.arange(len(fast.point)) + before(slow_point)[fast.point]
    pos_slow = np.arange(len(slow.point)) + before(fast.point)[slow_point]
    E = len(pos_fast) + len(pos_slow)

    def place(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = np.empty((E, *a.shape[1:]), dtype=np.result_type(a, b))
        out[pos_fast] = a
        out[pos_slow] = b
        return out

    fast_mixed_point = fast.point[fast.is_mixed]
    slow_mixed_point = slow_point[slow.is_mixed]
    mpos_fast = np.arange(len(fast_mixed_point)) + before(slow_mixed_point)[fast_mixed_point]
    mpos_slow = np.arange(len(slow_mixed_point)) + before(fast_mixed_point)[slow_mixed_point]

    def place_mixed(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = np.empty((len(a) + len(b), a.shape[1]))
        out[mpos_fast] = a
        out[mpos_slow] = b
        return out

    return CompactEquilibria(
        counts=fast.counts + np.bincount(slow_point, minlength=N),
        degenerate=fast.degenerate,
        point=place(fast.point, slow_point),
        row_support=place(fast.row_support, slow.row_support),
        col_support=place(fast.col_support, slow.col_support),
        is_mixed=place(fast.is_mixed, slow.is_mixed),
        mixed_row=place_mixed(fast.mixed_row, slow.mixed_row),
        mixed_col=place_mixed(fast.mixed_col, slow.mixed_col),
    )


def _solve_pure(A: np.ndarray, B: np.ndarray, tol: float) -> CompactEquilibria:
    N, m, n = A.shape
    mask = _pure_mask(A, B, tol)
    point, i, j = np.nonzero(mask)
    row_dtype, col_dtype = support_dtype(m), support_dtype(n)
    return CompactEquilibria(
        counts=np.bincount(point, minlength=N),
        degenerate=_pure_ties(A, B, tol),
        point=point,
        row_support=np.left_shift(1, i).astype(row_dtype),
        col_support=np.left_shift(1, j).astype(col_dtype),
        is_mixed=np.zeros(len(point), dtype=bool),
        mixed_row=np.empty((0, m)),
        mixed_col=np.empty((0, n)),
    )


#: Games larger than :data:`MAX_SIZE` and up to this size are solved point by
#: point by the compiled float search (every extreme equilibrium, degenerate
#: games in full) that :meth:`negotiation.Game.equilibria` uses.
MAX_LOOP_SIZE = 16


def _solve_loop(A: np.ndarray, B: np.ndarray, tol: float) -> CompactEquilibria:
    """Every extreme equilibrium, one game at a time, by the compiled float search.

    A point where the float search declines (a decision too close to call in
    floats, or numba missing) is solved by :meth:`negotiation.Game.equilibria`.
    A point is flagged degenerate when its equilibria show it (an even number
    of them, or supports of unequal sizes): nondegenerate games have an odd
    number of equilibria with equal support sizes.
    """
    from negotiation.solvers.numeric import float_extreme_equilibria

    N, m, n = A.shape
    points: list[int] = []
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    degenerate = np.zeros(N, dtype=bool)
    for k in range(N):
        found = float_extreme_equilibria(A[k], B[k], tol)
        if found is None:
            from negotiation.games.normal_form import Game

            solved = Game(A[k].tolist(), B[k].tolist()).equilibria()
            found = [
                (np.array(eq.strategies[0], dtype=float), np.array(eq.strategies[1], dtype=float))
                for eq in solved
            ]
        sizes = [(int(np.sum(x > tol)), int(np.sum(y > tol))) for x, y in found]
        degenerate[k] = len(found) % 2 == 0 or any(a != b for a, b in sizes)
        for x, y in found:
            points.append(k)
            rows.append(x)
            cols.append(y)
    point = np.asarray(points, dtype=np.intp)
    row = np.asarray(rows, dtype=float).reshape(len(points), m)
    col = np.asarray(cols, dtype=float).reshape(len(points), n)
    return _compact(N, degenerate, point, row, col)


def solve_batch(A: np.ndarray, B: np.ndarray, method: str, tol: float) -> CompactEquilibria:
    """Dispatch on method and shape; inputs are trusted (checked by the caller)."""
    if method == "pure":
        return _solve_pure(A, B, tol)
    if A.shape[1:] == (2, 2):
        return _solve_2x2(A, B, tol)
    if max(A.shape[1:]) > MAX_SIZE:
        return _solve_loop(A, B, tol)
    return _solve_vertex(A, B, tol)


def _unpack(mask: np.ndarray, size: int) -> np.ndarray:
    """``(E, size)`` 0/1 floats from bit masks."""
    bits = np.arange(size, dtype=np.uint64)
    return ((mask.astype(np.uint64)[:, None] >> bits) & np.uint64(1)).astype(float)


def _expand(solved: CompactEquilibria, A: np.ndarray, B: np.ndarray) -> BatchEquilibria:
    """The full arrays of :class:`BatchEquilibria` from the compact form."""
    m, n = A.shape[1:]
    row = _unpack(solved.row_support, m)
    col = _unpack(solved.col_support, n)
    row[solved.is_mixed] = solved.mixed_row
    col[solved.is_mixed] = solved.mixed_col
    Ap, Bp = A[solved.point], B[solved.point]
    payoffs = np.stack(
        [np.einsum("em,emn,en->e", row, Ap, col), np.einsum("em,emn,en->e", row, Bp, col)], axis=1
    )
    return BatchEquilibria(
        counts=solved.counts,
        degenerate=solved.degenerate,
        point=solved.point,
        row=row,
        col=col,
        payoffs=payoffs,
        row_support=solved.row_support,
        col_support=solved.col_support,
    )


METHODS = ("vertex_enumeration", "pure")


def equilibria(
    A: np.ndarray,
    B: np.ndarray,
    *,
    method: str = "vertex_enumeration",
    tol: float = DEFAULT_TOL,
) -> BatchEquilibria:
    """The equilibria of every game in a batch.

    Parameters
    ----------
    A, B
        Row and column payoffs, shape ``(N, m, n)`` (or one ``(m, n)`` game).
    method
        ``"vertex_enumeration"`` (default): every extreme equilibrium, as
        :meth:`negotiation.Game.equilibria` returns, for ``m, n <= MAX_SIZE``;
        2x2 games use closed forms. ``"pure"``: the pure equilibria only, for
        any size.
    tol
        Payoffs within ``tol`` tie; probabilities within ``tol`` of zero are zero.

    Returns
    -------
    BatchEquilibria

    Raises
    ------
    InvalidGameError
        For malformed arrays, an unknown method, or a game too large for
        ``"vertex_enumeration"``.

    Examples
    --------
    >>> bos = np.array([[2.0, 0.0], [0.0, 1.0]])       # battle of the sexes
    >>> found = equilibria(bos, np.array([[1.0, 0.0], [0.0, 2.0]]))
    >>> found.row.round(4).tolist()
    [[1.0, 0.0], [0.0, 1.0], [0.6667, 0.3333]]
    >>> found.payoffs.round(4).tolist()
    [[2.0, 1.0], [1.0, 2.0], [0.6667, 0.6667]]
    """
    if method not in METHODS:
        raise InvalidGameError(
            f"unknown method {method!r}; choose one of " + ", ".join(repr(m) for m in METHODS)
        )
    A, B = _as_batch(A, B)
    tol = _check_tol(tol)
    if method == "pure":
        support_dtype(max(A.shape[1:]))
    else:
        _check_size(A.shape[1:])
    return _expand(solve_batch(A, B, method, tol), A, B)
