"""Solving normal-form games: ours against nashpy (and pygambit), side by side in one run.

For random n x n integer games (payoffs uniform on -10..10, seeded), n = 2..8,
a few games per size, each solver is timed on the same games:

* ours, numeric: ``game.equilibria()`` (the default, vertex enumeration: exact
  pivoting on the decimals the payoffs print as, every extreme equilibrium)
  and ``game.equilibria("support_enumeration")`` (nashpy's support pairs and
  indifference solver, every answer checked);
* nashpy called directly: ``vertex_enumeration()`` and ``support_enumeration()``;
* ours, exact: ``game.equilibria(exact=True)`` (``sympy.Rational`` output);
* pygambit's ``enummixed_solve(rational=True)``, when pygambit is installed
  (it is not a dependency: ``pip install pygambit`` where a wheel exists).

Only the solve is timed (building a ``Game``, a ``nashpy.Game`` or a Gambit
game is not); each time is the best of ``--repeats`` runs over the size's
games, reported per game. The equilibrium counts (distinct profiles) show who
finds what: the exact enumerations (ours and Gambit's) are the reference.

Run: ``python benchmarks/bench_core.py`` (or ``make bench``); prints a Markdown
table. Options: ``--sizes 2 3 4``, ``--games 3``, ``--repeats 3``, ``--seed 2025``.
"""

from __future__ import annotations

import argparse
import platform
import time
import warnings
from collections.abc import Callable
from typing import Any

import nashpy
import numpy as np

import negotiation as ng

try:  # optional: compiled from source on most machines, so not a dependency
    import pygambit
except ImportError:  # pragma: no cover - depends on the machine
    pygambit = None


def random_games(n: int, count: int, rng: np.random.Generator) -> list[tuple[np.ndarray, ...]]:
    return [
        (rng.integers(-10, 11, size=(n, n)), rng.integers(-10, 11, size=(n, n)))
        for _ in range(count)
    ]


def best_time(run: Callable[[], list[int]], repeats: int) -> tuple[float, list[int]]:
    """The best wall time of ``repeats`` runs, and the equilibrium counts of the last."""
    best = float("inf")
    counts: list[int] = []
    for _ in range(repeats):
        start = time.perf_counter()
        counts = run()
        best = min(best, time.perf_counter() - start)
    return best, counts


def nashpy_count(generator: Any) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nashpy warns about degenerate games
        try:
            return len(list(generator))
        except Exception:  # nashpy's vertex enumeration can crash
            return -1


def solvers(games: list[tuple[np.ndarray, ...]]) -> dict[str, Callable[[], list[int]]]:
    ours = [ng.Game(A, B) for A, B in games]
    theirs = [nashpy.Game(A, B) for A, B in games]
    out: dict[str, Callable[[], list[int]]] = {
        "ours: default": lambda: [len(g.equilibria()) for g in ours],
        "nashpy: vertex_enumeration": lambda: [
            nashpy_count(g.vertex_enumeration()) for g in theirs
        ],
        "ours: support_enumeration": lambda: [
            len(g.equilibria("support_enumeration")) for g in ours
        ],
        "nashpy: support_enumeration": lambda: [
            nashpy_count(g.support_enumeration()) for g in theirs
        ],
        "ours: exact=True": lambda: [len(g.equilibria(exact=True)) for g in ours],
    }
    if pygambit is not None:
        # pygambit 16.1 renamed StrategicGame to Game
        make = getattr(pygambit, "StrategicGame", None) or pygambit.Game
        gambit = [make.from_arrays(A, B) for A, B in games]
        # Gambit may list one equilibrium once per basis: count distinct profiles
        out["pygambit: enummixed(rational)"] = lambda: [
            len({str(eq) for eq in pygambit.nash.enummixed_solve(g, rational=True).equilibria})
            for g in gambit
        ]
    return out


def fmt_ms(seconds: float, games: int) -> str:
    ms = 1000 * seconds / games
    return f"{ms:.2f}" if ms < 10 else f"{ms:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(range(2, 9)))
    parser.add_argument("--games", type=int, default=3, help="random games per size")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)

    rng = np.random.default_rng(args.seed)
    names: list[str] = []
    rows = []
    for n in args.sizes:
        games = random_games(n, args.games, rng)
        degenerate = sum(ng.Game(A, B).is_degenerate for A, B in games)
        timed = {}
        for name, run in solvers(games).items():
            repeats = args.repeats if n <= 6 else max(1, args.repeats - 1)
            timed[name] = best_time(run, repeats)
        names = list(timed)
        rows.append((n, degenerate, timed))

    print(
        f"Random n x n integer games (payoffs -10..10, seed {args.seed}), {args.games} per size; "
        f"ms per game, best of {args.repeats} runs; in brackets the equilibria found in all "
        f"{args.games} games (-1: the solver crashed on a game).\n"
    )
    print(
        f"Python {platform.python_version()}, nashpy {nashpy.__version__}, "
        + (
            f"pygambit {pygambit.__version__}"
            if pygambit is not None
            else "pygambit not installed (no comparison with Gambit's enummixed)"
        )
        + f", {platform.machine()}\n"
    )
    header = ["n", "degenerate", *names, "default / nashpy VE", "SE / nashpy SE"]
    if pygambit is not None:
        header.append("exact / Gambit")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---:" for _ in header) + "|")
    for n, degenerate, timed in rows:
        cells = [str(n), f"{degenerate}/{args.games}"]
        for name in names:
            seconds, counts = timed[name]
            total = -1 if -1 in counts else sum(counts)
            cells.append(f"{fmt_ms(seconds, args.games)} ({total})")
        cells.append(f"{timed['ours: default'][0] / timed['nashpy: vertex_enumeration'][0]:.2f}x")
        cells.append(
            f"{timed['ours: support_enumeration'][0] / timed['nashpy: support_enumeration'][0]:.2f}x"
        )
        if pygambit is not None:
            ratio = timed["ours: exact=True"][0] / timed["pygambit: enummixed(rational)"][0]
            cells.append(f"{ratio:.2f}x")
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
