"""The compiled twin of the subdivision in :meth:`support_nplayer._Solver.excluded` (numba).

The same breadth-first halving of a support profile's product of simplices,
a level of regions at a time within a budget of regions: a region holds no
equilibrium when, for some player, some strategy earns more than a strategy
of the support (by more than that player's margin) at every product of the
other players' vertices. The numpy version costs about 0.1 ms a level in
array calls on these tiny arrays; here a region costs about a microsecond.
The vertices are dyadic (halvings of the unit vectors), so they are exact
floats, and a vertex value is a convex combination of payoffs with rounding
error far below the margins; only the order of the float additions differs
from the numpy version, so the decisions are the same except within that
rounding of a margin, and both are sound.

numba is imported when this module is; :func:`excluded` returns ``None``
when numba is missing (the caller then runs the numpy version).

Examples
--------
Matching pennies for three players has a full-support equilibrium, so its
full support is never discarded; a dominated-looking strategy is:

>>> import numpy as np
>>> tables = [np.zeros((2, 2, 2)) for _ in range(3)]
>>> tables[0][1] = 1.0  # player 0's second strategy beats the first everywhere
>>> excluded(prepare(tables), ((0, 1), (0, 1), (0, 1)), [1e-9] * 3, 64) in (True, None)
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

try:
    import numba
except ImportError:  # pragma: no cover - depends on the installation
    numba = None  # type: ignore[assignment]

__all__ = ["available", "excluded", "prepare"]

_MAX_DEPTH = 40  # halvings per player: the vertices stay exact dyadic floats


def available() -> bool:
    """Whether numba is installed, so the compiled kernel runs."""
    return numba is not None


def prepare(tables: Sequence[np.ndarray]) -> np.ndarray:
    """The players' float payoff arrays stacked, shape ``(N, n_1, ..., n_N)``, for :func:`excluded`."""
    return np.ascontiguousarray(np.stack([np.asarray(t, dtype=np.float64) for t in tables]))


def excluded(
    stacked: np.ndarray,
    support: tuple[tuple[int, ...], ...],
    margins: Sequence[float],
    budget: int,
) -> bool | None:
    """Whether subdivision shows that no equilibrium has ``support``; ``None`` without numba.

    ``stacked`` holds the players' float payoff arrays (from :func:`prepare`),
    ``margins`` the least excess that counts as strictly better, per player, and
    ``budget`` the number of regions that may be examined in all. False means
    "not shown" (budget or depth exhausted), never "has an equilibrium".
    """
    if numba is None:
        return None
    if all(len(s) == 1 for s in support):
        return False
    strategies = np.array([t for s in support for t in s], dtype=np.int64)
    sizes = np.array([len(s) for s in support], dtype=np.int64)
    return bool(
        _excluded(
            stacked.reshape(-1),
            np.array(stacked.shape[1:], dtype=np.int64),
            strategies,
            sizes,
            np.asarray(margins, dtype=np.float64),
            int(budget),
        )
    )


if numba is not None:
    _jit = numba.njit(cache=True, nogil=True)

    @_jit
    def _region_excluded(  # type: ignore[no-untyped-def]  # pragma: no cover - compiled
        R, r, subs, sub_offsets, own, sizes, used, used_offsets, vert_offsets, margins, work, spare
    ):
        n = len(sizes)
        for i in range(n):
            # contract the others' strategy axes from the last: the tensor has the axes
            # (own strategy and the others' strategies not yet contracted, strategy k,
            # vertices so far), flattened; each step turns axis k into k's vertices
            P = 1
            for j in range(n):
                if j != i:
                    P *= sizes[j]
            base = sub_offsets[i]
            total = own[i] * P
            for c in range(total):
                work[c] = subs[base + c]
            cur = work
            other = spare
            suffix = 1
            prefix = total
            for k in range(n - 1, -1, -1):
                if k == i:
                    continue
                m = sizes[k]
                prefix //= m
                vo = vert_offsets[k]
                for x in range(prefix):
                    for v in range(m):
                        for y in range(suffix):
                            acc = 0.0
                            for s in range(m):
                                w = R[r, vo + v * m + s]
                                if w != 0.0:
                                    acc += w * cur[(x * m + s) * suffix + y]
                            other[(x * m + v) * suffix + y] = acc
                suffix *= m
                cur, other = other, cur
            # cur[a * P + q]: strategy a's payoff at vertex profile q
            for k in range(used_offsets[i], used_offsets[i + 1]):
                u = used[k]
                for a in range(own[i]):
                    if a == u:
                        continue
                    gap = np.inf
                    for q in range(P):
                        d = cur[a * P + q] - cur[u * P + q]
                        if d < gap:
                            gap = d
                    if gap > margins[i]:
                        return True
        return False

    @_jit
    def _gather(full, shape, strategies, sizes):  # type: ignore[no-untyped-def]  # pragma: no cover
        """Each player's payoffs: own strategies (all) x the others' support profiles, flat."""
        n = len(shape)
        used_offsets = np.zeros(n + 1, dtype=np.int64)
        for j in range(n):
            used_offsets[j + 1] = used_offsets[j] + sizes[j]
        strides = np.ones(n, dtype=np.int64)
        for j in range(n - 2, -1, -1):
            strides[j] = strides[j + 1] * shape[j + 1]
        cells = 1
        for j in range(n):
            cells *= shape[j]
        sub_offsets = np.zeros(n + 1, dtype=np.int64)
        for i in range(n):
            P = 1
            for j in range(n):
                if j != i:
                    P *= sizes[j]
            sub_offsets[i + 1] = sub_offsets[i] + shape[i] * P
        subs = np.empty(sub_offsets[n])
        for i in range(n):
            P = (sub_offsets[i + 1] - sub_offsets[i]) // shape[i]
            for a in range(shape[i]):
                for p in range(P):
                    index = i * cells + a * strides[i]
                    pp = p
                    for j in range(n - 1, -1, -1):
                        if j == i:
                            continue
                        s = pp % sizes[j]
                        pp //= sizes[j]
                        index += strategies[used_offsets[j] + s] * strides[j]
                    subs[sub_offsets[i] + a * P + p] = full[index]
        return subs, sub_offsets, used_offsets

    @_jit
    def _excluded(  # type: ignore[no-untyped-def]  # pragma: no cover - compiled
        full, own, strategies, sizes, margins, budget
    ):
        n = len(sizes)
        subs, sub_offsets, used_offsets = _gather(full, own, strategies, sizes)
        used = strategies
        n_edges = 0
        for j in range(n):
            n_edges += sizes[j] * (sizes[j] - 1) // 2
        edges = np.empty((n_edges, 3), dtype=np.int64)  # (player, vertex a, vertex b)
        e = 0
        for j in range(n):
            for a in range(sizes[j]):
                for b in range(a + 1, sizes[j]):
                    edges[e, 0] = j
                    edges[e, 1] = a
                    edges[e, 2] = b
                    e += 1
        vert_offsets = np.zeros(n + 1, dtype=np.int64)
        for j in range(n):
            vert_offsets[j + 1] = vert_offsets[j] + sizes[j] * sizes[j]
        width = vert_offsets[n]
        cap = 2 * budget + 2
        R = np.empty((cap, width))
        depth = np.empty((cap, n), dtype=np.int64)
        for c in range(width):
            R[0, c] = 0.0
        for j in range(n):
            depth[0, j] = 0
        for j in range(n):
            for v in range(sizes[j]):
                R[0, vert_offsets[j] + v * sizes[j] + v] = 1.0
        P_max = 1
        own_max = 1
        for i in range(n):
            P = 1
            for j in range(n):
                if j != i:
                    P *= sizes[j]
            P_max = max(P_max, P)
            own_max = max(own_max, own[i])
        work = np.empty(own_max * P_max)
        spare = np.empty(own_max * P_max)
        nxt = np.empty((cap, width))
        nxt_depth = np.empty((cap, n), dtype=np.int64)
        keep = np.empty(cap, dtype=np.bool_)
        count = 1
        seen = 0
        while True:
            seen += count
            if seen > budget:
                return False
            kept = 0
            for r in range(count):
                keep[r] = not _region_excluded(
                    R,
                    r,
                    subs,
                    sub_offsets,
                    own,
                    sizes,
                    used,
                    used_offsets,
                    vert_offsets,
                    margins,
                    work,
                    spare,
                )
                if keep[r]:
                    kept += 1
            if kept == 0:
                return True
            # halve every kept region along its first longest edge: lows, then highs
            out = 0
            for r in range(count):
                if not keep[r]:
                    continue
                best = -1.0
                choice = 0
                for e in range(n_edges):
                    j = edges[e, 0]
                    m = sizes[j]
                    a0 = vert_offsets[j] + edges[e, 1] * m
                    b0 = vert_offsets[j] + edges[e, 2] * m
                    length = 0.0
                    for s in range(m):
                        length += abs(R[r, a0 + s] - R[r, b0 + s])
                    if length > best:
                        best = length
                        choice = e
                j = edges[choice, 0]
                if depth[r, j] >= _MAX_DEPTH:
                    return False
                m = sizes[j]
                a0 = vert_offsets[j] + edges[choice, 1] * m
                b0 = vert_offsets[j] + edges[choice, 2] * m
                low = out
                high = out + kept
                for c in range(width):
                    nxt[low, c] = R[r, c]
                    nxt[high, c] = R[r, c]
                for s in range(m):
                    mid = (R[r, a0 + s] + R[r, b0 + s]) / 2
                    nxt[low, a0 + s] = mid
                    nxt[high, b0 + s] = mid
                for jj in range(n):
                    nxt_depth[low, jj] = depth[r, jj]
                    nxt_depth[high, jj] = depth[r, jj]
                nxt_depth[low, j] += 1
                nxt_depth[high, j] += 1
                out += 1
            R, nxt = nxt, R
            depth, nxt_depth = nxt_depth, depth
            count = 2 * kept
