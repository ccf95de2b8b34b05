"""Two-player solvers against the fastest peers, side by side in one run.

Three comparisons, each on the same seeded random games for both sides:

* **exact, every extreme equilibrium**: our
  :func:`negotiation.solvers.exact.extreme_equilibria` against ``lrsnash``
  (lrslib, Avis's lexicographic reverse search in C with GMP), on n x n games
  for n = 8, 10, 12, 14, nondegenerate (payoffs uniform on -1000..1000) and
  degenerate (payoffs in {0, 1, 2}). lrsnash's time is the wall time of its
  process (start-up, reading the game file, solving, printing), as a user
  calling it from Python would pay. Both answers are parsed to sets of exact
  ``(x, y)`` pairs and compared: the column "same sets" counts the games on
  which they are identical.
* **numeric default, every extreme equilibrium**: ``game.equilibria()``
  against QuantEcon's ``vertex_enumeration`` (qhull and numba). QuantEcon
  assumes a nondegenerate game; on degenerate ones it returns only some of the
  equilibria, so the counts are printed next to the times.
* **Lemke-Howson, one equilibrium**: ``game.equilibria("lemke_howson")``
  against QuantEcon's ``lemke_howson`` (numba), n = 10, 30, 50, nondegenerate
  payoffs; every answer is checked to be an equilibrium.
* **many small games** (what a sweep of 5x5 to 8x8 games solves point by
  point): the compiled float search on each game's payoff arrays against a
  loop of QuantEcon's ``vertex_enumeration`` (a ``NormalFormGame`` per point),
  CPU time per point; a sample of the points is checked against the exact
  enumeration.

Each time is the best of ``--repeats`` runs, per game, averaged over the
size's games (Lemke-Howson: best of at least five runs of 50 passes over the
games, as one solve takes microseconds); compiled code (numba, ours and
QuantEcon's) is warmed up first.
A solve of ours that takes longer than ``--timeout`` seconds is stopped and
shown as such. lrslib (Debian package ``lrslib``) and QuantEcon
(``pip install quantecon``) are installed for the measurement only; neither is
a dependency, and a comparison whose peer is missing is skipped.

Run: ``python benchmarks/bench_peers.py`` (or ``make bench``); prints
Markdown tables. Options: ``--sizes 8 10``, ``--lh-sizes 10 30``,
``--point-sizes 5 6``, ``--points 400``, ``--games 3``, ``--repeats 3``,
``--seed 2025``, ``--timeout 60``, ``--tables exact numeric lemke_howson points``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import platform
import re
import shutil
import signal
import subprocess
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

import negotiation as ng
from negotiation.solvers import exact

try:  # measured against, not a dependency
    import quantecon.game_theory as qe_gt
except ImportError:  # pragma: no cover - depends on the machine
    qe_gt = None

Pair = tuple[tuple[Fraction, ...], tuple[Fraction, ...]]
KINDS = {
    "nondegenerate": (-1000, 1000),
    "degenerate": (0, 2),
}


class Timeout(Exception):
    """A solve ran past ``--timeout``."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    def stop(signum: int, frame: Any) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def random_games(
    n: int, kind: str, count: int, rng: np.random.Generator
) -> list[tuple[np.ndarray, np.ndarray]]:
    low, high = KINDS[kind]
    return [
        (rng.integers(low, high + 1, size=(n, n)), rng.integers(low, high + 1, size=(n, n)))
        for _ in range(count)
    ]


def best_of(run: Callable[[], Any], repeats: int, timeout: float) -> tuple[float, Any]:
    """The best wall time of ``repeats`` runs and the last result; ``inf`` on a timeout."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        try:
            with deadline(timeout):
                result = run()
        except Timeout:
            return float("inf"), None
        best = min(best, time.perf_counter() - start)
        if best > timeout / 2:  # a slow solve is not repeated
            break
    return best, result


# ---------------------------------------------------------------------- lrsnash
def lrs_version() -> str | None:
    if shutil.which("lrsnash") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.txt"
        path.write_text("1 1\n\n0\n\n0\n")
        out = subprocess.run(["lrsnash", str(path)], capture_output=True, text=True).stdout
    found = re.search(r"lrslib v\.(\S+) (\d+\.\d+\.\d+)", out)
    return f"{found.group(1)} ({found.group(2)})" if found else "unknown version"


def lrs_solve(path: Path, m: int, n: int) -> set[Pair]:
    """Run lrsnash on a game file and parse its answer into exact (x, y) pairs."""
    out = subprocess.run(["lrsnash", str(path)], capture_output=True, text=True, check=True)
    pairs: set[Pair] = set()
    cols: list[tuple[Fraction, ...]] = []
    for line in out.stdout.splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("*"):
            continue
        if fields[0] == "2":  # a column strategy, then the row player's payoff
            cols.append(tuple(Fraction(v) for v in fields[1 : 1 + n]))
        elif fields[0] == "1":  # the row strategy that pairs with the columns above
            x = tuple(Fraction(v) for v in fields[1 : 1 + m])
            pairs.update((x, y) for y in cols)
            cols = []
    return pairs


def write_game(path: Path, A: np.ndarray, B: np.ndarray) -> None:
    m, n = A.shape
    rows = [f"{m} {n}", ""]
    rows += [" ".join(map(str, r)) for r in A.tolist()] + [""]
    rows += [" ".join(map(str, r)) for r in B.tolist()]
    path.write_text("\n".join(rows) + "\n")


def exact_table(sizes: list[int], count: int, repeats: int, seed: int, timeout: float) -> None:
    print("### Exact: every extreme equilibrium, ours against lrsnash\n")
    print(
        "| n | payoffs | extreme equilibria | lrsnash (ms) | ours (ms) | ours / lrsnash "
        "| same sets |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|")
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for kind in KINDS:
                games = random_games(n, kind, count, rng)
                t_lrs = t_ours = 0.0
                same = found = 0
                for g, (A, B) in enumerate(games):
                    path = Path(tmp) / f"game{n}_{kind}_{g}.txt"
                    write_game(path, A, B)
                    t, theirs = best_of(
                        lambda p=path, n=n: lrs_solve(p, n, n), repeats, 10 * timeout
                    )
                    t_lrs += t
                    a, b = A.tolist(), B.tolist()
                    t, ours = best_of(
                        lambda a=a, b=b: exact.extreme_equilibria(a, b), repeats, timeout
                    )
                    t_ours += t
                    if ours is not None:
                        same += set(ours) == theirs and len(ours) == len(theirs)
                    found += len(theirs)
                ours_ms = t_ours / count * 1e3
                lrs_ms = t_lrs / count * 1e3
                ours_text = f"{ours_ms:.0f}" if np.isfinite(ours_ms) else f"> {timeout:.0f} s"
                ratio = f"{ours_ms / lrs_ms:.2f}x" if np.isfinite(ours_ms) else "-"
                print(
                    f"| {n} | {kind} | {found} | {lrs_ms:.0f} | {ours_text} | {ratio} "
                    f"| {same}/{count} |",
                    flush=True,
                )
    print()


# ---------------------------------------------------------------------- QuantEcon
def qe_game(A: np.ndarray, B: np.ndarray) -> Any:
    return qe_gt.NormalFormGame((qe_gt.Player(A), qe_gt.Player(B.T)))


def is_equilibrium(A: np.ndarray, B: np.ndarray, x: np.ndarray, y: np.ndarray) -> bool:
    tol = 1e-6 * max(1.0, float(np.abs(A).max()), float(np.abs(B).max()))
    return bool(x @ A @ y >= (A @ y).max() - tol and x @ B @ y >= (x @ B).max() - tol)


def qe_vertex_count(g: Any) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return len(qe_gt.vertex_enumeration(g))
        except Exception:  # QuantEcon may fail on degenerate games
            return -1


def numeric_table(sizes: list[int], count: int, repeats: int, seed: int, timeout: float) -> None:
    print("### Numeric default: every extreme equilibrium, ours against QuantEcon\n")
    print(
        "| n | payoffs | ours: `equilibria()` (ms) | QuantEcon `vertex_enumeration` (ms) "
        "| ours / QuantEcon | equilibria: ours | equilibria: QuantEcon | same as exact |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    rng = np.random.default_rng(seed + 1)
    warm = random_games(3, "nondegenerate", 1, rng)[0]
    qe_vertex_count(qe_game(*warm))
    ng.Game(warm[0].tolist(), warm[1].tolist()).equilibria()
    for n in sizes:
        for kind in KINDS:
            games = random_games(n, kind, count, rng)
            ours = [ng.Game(A.tolist(), B.tolist()) for A, B in games]
            theirs = [qe_game(A.astype(float), B.astype(float)) for A, B in games]
            t_ours, ours_counts = best_of(
                lambda ours=ours: [len(g.equilibria()) for g in ours], repeats, timeout * count
            )
            t_qe, qe_counts = best_of(
                lambda theirs=theirs: [qe_vertex_count(g) for g in theirs], repeats, 1e9
            )
            ours_ms = t_ours / count * 1e3
            qe_ms = t_qe / count * 1e3
            ours_text = f"{ours_ms:.1f}" if np.isfinite(ours_ms) else f"> {timeout:.0f} s"
            ratio = f"{ours_ms / qe_ms:.2f}x" if np.isfinite(ours_ms) else "-"
            ours_found = sum(ours_counts) if ours_counts is not None else "-"
            same = sum(
                same_as_exact(g.equilibria(), A, B) for g, (A, B) in zip(ours, games, strict=True)
            )
            print(
                f"| {n} | {kind} | {ours_text} | {qe_ms:.1f} | {ratio} | {ours_found} "
                f"| {sum(qe_counts)} | {same}/{count} |",
                flush=True,
            )
    print()


def same_pairs(found: list[Any], A: np.ndarray, B: np.ndarray) -> bool:
    """Whether float ``(x, y)`` pairs are the exact enumeration's, equilibrium by equilibrium."""
    want = exact.extreme_equilibria(A.astype(int).tolist(), B.astype(int).tolist())
    return len(found) == len(want) and all(
        np.allclose(x, [float(v) for v in u], atol=1e-9)
        and np.allclose(y, [float(v) for v in w], atol=1e-9)
        for (x, y), (u, w) in zip(found, want, strict=True)
    )


def same_as_exact(found: list[Any], A: np.ndarray, B: np.ndarray) -> bool:
    """:func:`same_pairs` for a list of :class:`negotiation.Equilibrium`."""
    return same_pairs([(e.row, e.col) for e in found], A, B)


def per_point_table(sizes: list[int], points: int, seed: int) -> None:
    """Many small games in a loop, as a sweep of 5x5 to 8x8 games would solve them."""
    from negotiation.solvers import numeric

    print("### Every extreme equilibrium of many small games: ours against a QuantEcon loop\n")
    print(
        "| n | payoffs | points | ours per point (µs) | QuantEcon per point (µs) "
        "| ours / QuantEcon | equilibria: ours | equilibria: QuantEcon | same as exact |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    rng = np.random.default_rng(seed + 3)
    warm = [M.astype(float) for M in random_games(4, "degenerate", 1, rng)[0]]
    numeric.float_extreme_equilibria(*warm, 1e-9)
    qe_vertex_count(qe_game(*warm))
    for n in sizes:
        for kind in KINDS:
            games = [
                (A.astype(float), B.astype(float)) for A, B in random_games(n, kind, points, rng)
            ]
            start = time.process_time()
            ours = [numeric.float_extreme_equilibria(A, B, 1e-9) for A, B in games]
            t_ours = time.process_time() - start
            start = time.process_time()
            qe = [qe_vertex_count(qe_game(A, B)) for A, B in games]
            t_qe = time.process_time() - start
            declined = sum(found is None for found in ours)
            sample = range(0, points, max(1, points // 20))
            same = sum(ours[i] is not None and same_pairs(ours[i], *games[i]) for i in sample)
            found = sum(len(f) for f in ours if f is not None)
            note = f" ({declined} solved exactly)" if declined else ""
            print(
                f"| {n} | {kind} | {points} | {t_ours / points * 1e6:.0f}{note} "
                f"| {t_qe / points * 1e6:.0f} | {t_ours / t_qe:.2f}x | {found} | {sum(qe)} "
                f"| {same}/{len(sample)} |",
                flush=True,
            )
    print()


def lemke_howson_table(sizes: list[int], count: int, repeats: int, seed: int) -> None:
    print("### Lemke-Howson: one equilibrium, ours against QuantEcon\n")
    print(
        "| n | ours: `equilibria('lemke_howson')` (ms) | QuantEcon `lemke_howson` (ms) "
        "| ours / QuantEcon | checked: ours | checked: QuantEcon |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    rng = np.random.default_rng(seed + 2)
    warm = random_games(3, "nondegenerate", 1, rng)[0]
    qe_gt.lemke_howson(qe_game(*warm))
    ng.Game(warm[0].tolist(), warm[1].tolist()).equilibria("lemke_howson")
    for n in sizes:
        games = random_games(n, "nondegenerate", count, rng)
        floats = [(A.astype(float), B.astype(float)) for A, B in games]
        ours = [ng.Game(A.tolist(), B.tolist()) for A, B in games]
        for g in ours:  # payoffs to floats once per game, as a user's second call
            g.payoff_arrays()
        theirs = [qe_game(A, B) for A, B in floats]
        # a solve takes microseconds: each timing runs the games `inner` times over
        inner = 50

        def run_ours(ours: list[ng.Game] = ours, inner: int = inner) -> list[Any]:
            for _ in range(inner - 1):
                [g.equilibria("lemke_howson") for g in ours]
            return [g.equilibria("lemke_howson")[0] for g in ours]

        def run_qe(theirs: list[Any] = theirs, inner: int = inner) -> list[Any]:
            for _ in range(inner - 1):
                [qe_gt.lemke_howson(g) for g in theirs]
            return [qe_gt.lemke_howson(g) for g in theirs]

        t_ours, ours_eqs = best_of(run_ours, max(repeats, 5), 1e9)
        t_qe, qe_eqs = best_of(run_qe, max(repeats, 5), 1e9)
        t_ours, t_qe = t_ours / inner, t_qe / inner
        ok_ours = sum(
            is_equilibrium(A, B, np.asarray(e.row, float), np.asarray(e.col, float))
            for (A, B), e in zip(floats, ours_eqs, strict=True)
        )
        ok_qe = sum(
            is_equilibrium(A, B, x, y) for (A, B), (x, y) in zip(floats, qe_eqs, strict=True)
        )
        ours_ms, qe_ms = t_ours / count * 1e3, t_qe / count * 1e3
        print(
            f"| {n} | {ours_ms:.3f} | {qe_ms:.3f} | {ours_ms / qe_ms:.2f}x "
            f"| {ok_ours}/{count} | {ok_qe}/{count} |",
            flush=True,
        )
    print()


def package_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 10, 12, 14])
    parser.add_argument("--numeric-sizes", type=int, nargs="+", default=[8, 10, 12])
    parser.add_argument("--lh-sizes", type=int, nargs="+", default=[10, 30, 50])
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--point-sizes", type=int, nargs="+", default=[5, 6, 7, 8])
    parser.add_argument("--points", type=int, default=400)
    parser.add_argument(
        "--tables",
        nargs="+",
        default=["exact", "numeric", "lemke_howson", "points"],
        help="which comparisons to run",
    )
    args = parser.parse_args()

    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, "
        f"negotiation {ng.__version__}; lrslib {lrs_version()}; "
        f"QuantEcon {package_version('quantecon')} (numba {package_version('numba')}); "
        f"{args.games} games per row, best of {args.repeats}\n"
    )
    if "exact" in args.tables:
        if shutil.which("lrsnash"):
            exact_table(args.sizes, args.games, args.repeats, args.seed, args.timeout)
        else:
            print("lrsnash not found (Debian package lrslib): exact comparison skipped\n")
    if qe_gt is not None:
        if "numeric" in args.tables:
            numeric_table(args.numeric_sizes, args.games, args.repeats, args.seed, args.timeout)
        if "lemke_howson" in args.tables:
            lemke_howson_table(args.lh_sizes, args.games, args.repeats, args.seed)
        if "points" in args.tables:
            per_point_table(args.point_sizes, args.points, args.seed)
    else:
        print("QuantEcon not installed (pip install quantecon): numeric comparisons skipped\n")


if __name__ == "__main__":
    main()
