"""2x2 sweeps against a hand-written numpy kernel for the same closed form, in one run.

The game is the October game of chicken of ``bench_sweeps.py`` (``W = 2``, the
loss from swerving ``L`` and the collision cost ``C`` on a grid). Ours is
``ng.sweep(game, grid=...)``: every equilibrium at every point, degenerate
points (the line ``C = L``) solved in full, the result stored compactly.

The numpy kernel is what a user who knows the closed form would write: the
grid's points, the eight payoffs, the four payoff differences, the pure
equilibria (strict best responses), the mixing probabilities
``p = d_c1 / (d_c1 - d_c0)`` and ``q = d_r1 / (d_r1 - d_r0)``, the count of
equilibria and a flag for ties (which it does not solve). It runs once on the
whole arrays and once in chunks of 2^16 points (fewer cache misses); the
faster of the two is the reference. The benchmark checks that it and the
sweep agree on the counts at every nondegenerate point and on which points
are degenerate.

Memory: each side runs in a fresh interpreter on 10^7 points and reports its
peak resident memory above the baseline after the imports and the game's
construction.

Run: ``python benchmarks/bench_sweeps_2x2.py`` (``--exponents 4 5 6 7``,
``--repeats 3``; ``--memory`` only the memory rows). CPU time of the best run.
"""

from __future__ import annotations

import argparse
import platform
import resource
import subprocess
import sys
import time
from typing import Any

import numpy as np
import sympy as sp

TOL = 1e-9
CHUNK = 1 << 16


def chicken() -> Any:
    import negotiation as ng

    W, L, C = sp.symbols("W L C")
    game = ng.Game.symmetric([[0, -L], [W, -C]], strategies=("Swerve", "Escalate"))
    return game.subs(W=2)


def grid(points: int) -> dict[str, np.ndarray]:
    rows = 10 ** (len(str(points)) // 2)  # 10^4 -> 100 x 100, 10^7 -> 1000 x 10000
    return {"L": np.linspace(0, 10, rows), "C": np.linspace(0, 20, points // rows)}


def numpy_kernel(loss: np.ndarray, c: np.ndarray, tol: float = TOL) -> tuple[np.ndarray, ...]:
    """The closed form on flat arrays of the points' ``L`` and ``C``."""
    N = len(loss)
    a = np.empty((4, N))  # a00, a01, a10, a11 of the row player; the column's are a.T's
    a[0] = 0.0
    a[1] = -loss
    a[2] = 2.0
    a[3] = -c
    b = a[[0, 2, 1, 3]]
    dr0, dr1 = a[0] - a[2], a[1] - a[3]
    dc0, dc1 = b[0] - b[1], b[2] - b[3]
    pure = np.empty((4, N), dtype=bool)
    pure[0] = (dr0 > tol) & (dc0 > tol)
    pure[1] = (dr1 > tol) & (dc0 < -tol)
    pure[2] = (dr0 < -tol) & (dc1 > tol)
    pure[3] = (dr1 < -tol) & (dc1 < -tol)
    with np.errstate(divide="ignore", invalid="ignore"):
        q = dr1 / (dr1 - dr0)
        p = dc1 / (dc1 - dc0)
    mixed = (p > tol) & (p < 1 - tol) & (q > tol) & (q < 1 - tol)
    degenerate = (
        np.minimum(np.minimum(np.abs(dr0), np.abs(dr1)), np.minimum(np.abs(dc0), np.abs(dc1)))
        <= tol
    )
    counts = pure.sum(axis=0, dtype=np.uint8) + mixed
    return counts, degenerate, pure, p[mixed], q[mixed]


def numpy_whole(g: dict[str, np.ndarray]) -> tuple[np.ndarray, ...]:
    L, C = g["L"], g["C"]
    return numpy_kernel(np.repeat(L, len(C)), np.tile(C, len(L)))


def numpy_chunked(g: dict[str, np.ndarray]) -> tuple[np.ndarray, ...]:
    L, C = g["L"], g["C"]
    N = len(L) * len(C)
    parts = []
    for start in range(0, N, CHUNK):
        index = np.arange(start, min(start + CHUNK, N))
        parts.append(numpy_kernel(L[index // len(C)], C[index % len(C)]))
    return tuple(np.concatenate(k, axis=-1) for k in zip(*parts, strict=True))


def best_of(run: Any, repeats: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeats):
        start = time.process_time()
        out = run()
        best = min(best, time.process_time() - start)
    return best, out


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def peak_mib() -> float:
    """The peak resident memory since the last :func:`reset_peak` (Linux ``VmHWM``)."""
    with open("/proc/self/status") as f:
        line = next(line for line in f if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def memory_child(side: str, points: int) -> None:
    """Run one side on ``points`` points and print the peak memory above the baseline."""
    import negotiation as ng

    game = chicken()
    g = grid(points)
    ng.sweep(game, grid=grid(10_000))  # imports and compiles what a sweep needs
    numpy_whole(grid(10_000))
    base = rss_mib()
    reset_peak()
    if side == "ours":
        kept = ng.sweep(game, grid=g)
    else:
        kept = numpy_chunked(g) if side == "numpy-chunked" else numpy_whole(g)
    peak = peak_mib()
    print(f"{peak - base:.0f} {rss_mib() - base:.0f}", type(kept).__name__)


def memory_rows(points: int) -> list[str]:
    rows = []
    for side in ("ours", "numpy-whole", "numpy-chunked"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", side, str(points)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        rows.append(f"| {side} | {points:,} | {out[0]} | {out[1]} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exponents", type=int, nargs="+", default=[4, 5, 6, 7])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="only the memory rows")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        memory_child(args.child[0], int(args.child[1]))
        return

    import negotiation as ng

    print(
        f"{platform.python_implementation()} {platform.python_version()}, numpy "
        f"{np.__version__}, negotiation {ng.__version__}, {platform.machine()}; CPU time, "
        f"best of {args.repeats}\n"
    )
    if not args.memory:
        game = chicken()
        ng.sweep(game, grid=grid(10_000))  # warm-up
        print(
            "| points | ours (s) | ours per point (ns) | numpy, whole arrays (ns) "
            "| numpy, chunks of 2^16 (ns) | ours / best numpy | degenerate points "
            "| counts agree (nondegenerate) |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for e in args.exponents:
            points = 10**e
            g = grid(points)
            repeats = args.repeats
            t_ours, result = best_of(lambda g=g: ng.sweep(game, grid=g), repeats)
            t_whole, whole = best_of(lambda g=g: numpy_whole(g), repeats)
            t_chunk, _ = best_of(lambda g=g: numpy_chunked(g), repeats)
            counts, degenerate = whole[0], whole[1]
            same = bool((degenerate == np.asarray(result.degenerate)).all())
            nondeg = ~degenerate
            agree = bool(same and (counts[nondeg] == result.n_equilibria[nondeg]).all())
            del result, whole
            ns = 1e9 / points
            print(
                f"| {points:,} | {t_ours:.3f} | {t_ours * ns:.0f} | {t_whole * ns:.0f} "
                f"| {t_chunk * ns:.0f} | {t_ours / min(t_whole, t_chunk):.2f}x "
                f"| {int(degenerate.sum()):,} | {'yes' if agree else 'NO'} |",
                flush=True,
            )
        print()
    points = 10 ** max(args.exponents)
    print("| side | points | peak above baseline (MiB) | kept after (MiB) |")
    print("|---|---:|---:|---:|")
    for row in memory_rows(points):
        print(row, flush=True)


if __name__ == "__main__":
    main()
