"""3x3 and 4x4 sweeps against a QuantEcon loop, side by side in one run.

A sweep of a small game over one parameter: ``ng.sweep(game, grid=...)`` (the
batched float kernels: every equilibrium at every point) against what a user
of QuantEcon would write instead, a Python loop that builds a
``NormalFormGame`` at each point and calls ``vertex_enumeration`` (qhull and
numba). The games are seeded random n x n games in which two payoffs depend
on a parameter ``t``, with decimal payoffs (nondegenerate) or integer payoffs
in -10..10 (ties: degenerate, the slower path); the grid spans ``t`` in
[-10, 10], so the equilibria change along it.

Ours is timed over the whole grid; QuantEcon's loop over a sample of the points
(``--qe-points``), extrapolated per point. On a sample of points the number of
equilibria is compared with ``game.subs(t=...).equilibria()`` (the two-player
default), and QuantEcon's count is printed next to ours (it assumes a
nondegenerate game). CPU time; compiled code (ours and QuantEcon's) is warmed
up first.

Run: ``python benchmarks/bench_sweep_peers.py`` (options ``--sizes 3 4``,
``--points 200000``, ``--qe-points 2000``, ``--seed 2025``). QuantEcon is
installed for the measurement only (``pip install quantecon``).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import time
from typing import Any

import numpy as np
import sympy as sp

import negotiation as ng

try:  # measured against, not a dependency
    import quantecon.game_theory as qe_gt
except ImportError:  # pragma: no cover - depends on the machine
    qe_gt = None

T = sp.Symbol("t")


def parametric_game(
    n: int, kind: str, rng: np.random.Generator
) -> tuple[ng.Game, np.ndarray, np.ndarray]:
    """A random n x n game with ``t`` in the row player's (0, 0) and the column player's (n-1, n-1).

    ``kind="integer"``: payoffs in -10..10 (ties, so degenerate at most points);
    ``"decimal"``: uniform on [-10, 10] to three decimals (nondegenerate).
    """
    if kind == "integer":
        A = rng.integers(-10, 11, size=(n, n))
        B = rng.integers(-10, 11, size=(n, n))
    else:
        A = np.round(rng.uniform(-10, 10, size=(n, n)), 3)
        B = np.round(rng.uniform(-10, 10, size=(n, n)), 3)
    a: list[list[Any]] = A.tolist()
    b: list[list[Any]] = B.tolist()
    a[0][0] = T
    b[n - 1][n - 1] = T
    return ng.Game(a, b), A.astype(float), B.astype(float)


def qe_loop(A: np.ndarray, B: np.ndarray, ts: np.ndarray) -> list[int]:
    counts = []
    for t in ts.tolist():
        A[0, 0] = t
        B[-1, -1] = t
        g = qe_gt.NormalFormGame((qe_gt.Player(A.copy()), qe_gt.Player(B.T.copy())))
        counts.append(len(qe_gt.vertex_enumeration(g)))
    return counts


def table(sizes: list[int], points: int, qe_points: int, seed: int) -> None:
    print("### 3x3 and 4x4 sweeps: ours against a QuantEcon loop\n")
    print(
        "| n | payoffs | degenerate points | points | ours (s) | ours per point (µs) | QuantEcon per point (µs) "
        "| QuantEcon / ours | equilibria per point: ours / QuantEcon | same count as equilibria() |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|")
    rng = np.random.default_rng(seed)
    for n, kind in ((n, kind) for n in sizes for kind in ("decimal", "integer")):
        game, A, B = parametric_game(n, kind, rng)
        ts = np.linspace(-10.0, 10.0, points)
        ng.sweep(game, grid={"t": ts[:100]})  # warm up (compiles, caches)
        qe_loop(A.copy(), B.copy(), ts[:5])
        start = time.process_time()
        result = ng.sweep(game, grid={"t": ts})
        t_ours = time.process_time() - start
        sample = ts[:: max(1, points // qe_points)][:qe_points]
        start = time.process_time()
        qe_counts = qe_loop(A.copy(), B.copy(), sample)
        t_qe = (time.process_time() - start) / len(sample)
        per_point = np.asarray(result.n_equilibria)
        check = np.arange(0, points, max(1, points // 50))[:50]
        same = sum(
            int(per_point[i]) == len(game.subs(t=sp.nsimplify(float(ts[i]))).equilibria())
            for i in check
        )
        ours_pp = t_ours / points
        print(
            f"| {n} | {kind} | {result.degenerate.mean():.0%} | {points:,} | {t_ours:.3f} | {ours_pp * 1e6:.2f} | {t_qe * 1e6:.0f} "
            f"| {t_qe / ours_pp:,.0f}x | {per_point.mean():.2f} / {np.mean(qe_counts):.2f} "
            f"| {same}/{len(check)} |",
            flush=True,
        )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 4])
    parser.add_argument("--points", type=int, default=200_000)
    parser.add_argument("--qe-points", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    if qe_gt is None:
        print("QuantEcon not installed (pip install quantecon): comparison skipped")
        return
    print(
        f"numpy {np.__version__}, negotiation {ng.__version__}, "
        f"QuantEcon {importlib.metadata.version('quantecon')} "
        f"(numba {importlib.metadata.version('numba')})\n"
    )
    table(args.sizes, args.points, args.qe_points, args.seed)


if __name__ == "__main__":
    main()
