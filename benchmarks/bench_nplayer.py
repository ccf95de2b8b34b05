"""N-player support enumeration: ours against pygambit's ``enumpoly_solve``, side by side.

Games: the 3x3x3 and 2x2x2x2 games of the shared N-player reference set
(Gambit's own ``contrib/games`` examples and seeded random games) when that
folder is present, plus seeded random games with payoffs on a 0.001 grid in
[0, 10) (generic: no ties, finitely many equilibria) of both shapes.

Timed per game: ``support_enumeration_nplayer(..., exact=True)`` (sympy
numbers out), the same with ``exact=False`` (floats out, same exact kernel),
and ``pygambit.nash.enumpoly_solve`` (Gambit's numerical polynomial solver,
defaults). Only the solve is timed; each time is the best of ``--repeats``.
In brackets the equilibria found (Gambit's count is of distinct profiles);
Gambit is not a dependency (``pip install pygambit`` for the comparison).

Run: ``python benchmarks/bench_nplayer.py``; prints a Markdown table.
Options: ``--games 3`` (random games per shape), ``--repeats 3``, ``--seed 2025``,
``--gambit-timeout 20`` (seconds; Gambit runs in a child process, stopped after it),
``--before FILE`` (another version of ``negotiation/solvers/support_nplayer.py``, e.g.
``git show main:negotiation/solvers/support_nplayer.py > before.py``, timed exactly in
the same loop, so a change is measured side by side under the same load).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import flint
import numpy as np
import sympy as sp

from negotiation.solvers.support_nplayer import support_enumeration_nplayer

try:  # optional: not a dependency
    import pygambit
except ImportError:  # pragma: no cover - depends on the machine
    pygambit = None

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "nplayer" / "games"
SHAPES = ((3, 3, 3), (2, 2, 2, 2))


def reference_games() -> list[tuple[str, list[list]]]:
    out = []
    if REFERENCE.is_dir():
        for path in sorted(REFERENCE.glob("*.json")):
            game = json.loads(path.read_text())
            if tuple(game["shape"]) in SHAPES and "ties" not in path.stem:
                out.append((path.stem, game["payoffs"]))
    return out


def random_games(count: int, rng: np.random.Generator) -> list[tuple[str, list[list]]]:
    out = []
    for shape in SHAPES:
        for k in range(count):
            payoffs = [(rng.integers(0, 10000, size=shape) / 1000).tolist() for _ in shape]
            out.append((f"random {'x'.join(map(str, shape))} #{k}", payoffs))
    return out


def load_before(path: str) -> Callable[..., object]:
    """``support_enumeration_nplayer`` from another copy of the module's source file."""
    spec = importlib.util.spec_from_file_location("support_nplayer_before", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.support_enumeration_nplayer


def best_time(run: Callable[[], int], repeats: int) -> tuple[float, int]:
    best, count = float("inf"), -1
    for _ in range(repeats):
        start = time.perf_counter()
        count = run()
        best = min(best, time.perf_counter() - start)
    return best, count


def gambit_count(game: pygambit.Game) -> int:
    """The number of distinct profiles (to 1e-8) Gambit's enumpoly returns."""
    result = pygambit.nash.enumpoly_solve(game)
    distinct = {tuple(round(float(eq[s]), 8) for s in game.strategies) for eq in result.equilibria}
    return len(distinct)


def gambit_game(payoffs: list[list]) -> pygambit.Game:
    arrays = [np.array(p, dtype=float) for p in payoffs]
    # decimals as exact rationals, as our exact path reads them
    g = pygambit.Game.new_table(list(arrays[0].shape))
    for profile in np.ndindex(arrays[0].shape):
        for i, player in enumerate(g.players):
            g[profile][player] = pygambit.Rational(str(sp.Rational(str(arrays[i][profile]))))
    return g


def _gambit_worker(payoffs: list[list], repeats: int, queue: multiprocessing.Queue) -> None:
    g = gambit_game(payoffs)
    queue.put(best_time(lambda: gambit_count(g), repeats))


def gambit_time(payoffs: list[list], repeats: int, timeout: float) -> tuple[float, int] | None:
    """Gambit's best time and count, or None when it did not finish within ``timeout`` s."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_gambit_worker, args=(payoffs, repeats, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return queue.get()


def fmt(seconds: float) -> str:
    ms = 1000 * seconds
    return f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=2, help="random games per shape")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--gambit-timeout", type=float, default=20.0, help="seconds per game")
    parser.add_argument("--before", help="another support_nplayer.py to time alongside")
    args = parser.parse_args(argv)
    before = load_before(args.before) if args.before else None

    games = reference_games() + random_games(args.games, np.random.default_rng(args.seed))
    print(
        f"N-player games ({len(games)}: reference 3x3x3 and 2x2x2x2 games without ties, "
        f"{args.games} seeded random per shape, seed {args.seed}); ms per game, best of "
        f"{args.repeats}; in brackets the equilibria found.\n"
    )
    print(
        f"Python {platform.python_version()}, sympy {sp.__version__}, "
        f"python-flint {flint.__version__}, "
        + (f"pygambit {pygambit.__version__}" if pygambit is not None else "pygambit not installed")
        + f", {platform.machine()}\n"
    )
    header = ["game", "shape", *(["before: ours exact"] if before else []), "ours exact"]
    header += ["ours float"]
    if pygambit is not None:
        header += ["Gambit enumpoly", "exact / Gambit"]
    print("| " + " | ".join(header) + " |")
    print("|---|---|" + "|".join("---:" for _ in header[2:]) + "|")
    kinds = ["before", "exact", "float", "gambit"]
    totals = dict.fromkeys([*kinds, *(f"{k}, Gambit finished" for k in kinds[:3])], 0.0)
    for name, payoffs in games:
        exact_tables = [
            np.vectorize(lambda v: sp.Rational(str(v)), otypes=[object])(np.array(p, dtype=object))
            for p in payoffs
        ]
        float_tables = [np.array(p, dtype=float) for p in payoffs]
        t_exact, n_exact = best_time(
            lambda t=exact_tables: len(support_enumeration_nplayer(t, exact=True).profiles),
            args.repeats,
        )
        t_float, n_float = best_time(
            lambda t=float_tables: len(support_enumeration_nplayer(t, exact=False).profiles),
            args.repeats,
        )
        t_before = 0.0
        shape = "x".join(map(str, np.shape(payoffs[0])))
        cells = [name, shape]
        if before is not None:
            t_before, n_before = best_time(
                lambda t=exact_tables: len(before(t, exact=True).profiles),  # type: ignore[attr-defined]
                args.repeats,
            )
            cells.append(f"{fmt(t_before)} ({n_before})")
            totals["before"] += t_before
        cells += [f"{fmt(t_exact)} ({n_exact})", f"{fmt(t_float)} ({n_float})"]
        totals["exact"] += t_exact
        totals["float"] += t_float
        if pygambit is not None:
            timed = gambit_time(payoffs, args.repeats, args.gambit_timeout)
            if timed is None:
                cells += [f"stopped after {args.gambit_timeout:g} s", "–"]
            else:
                t_gambit, n_gambit = timed
                totals["gambit"] += t_gambit
                totals["before, Gambit finished"] += t_before
                totals["exact, Gambit finished"] += t_exact
                totals["float, Gambit finished"] += t_float
                cells += [f"{fmt(t_gambit)} ({n_gambit})", f"{t_exact / t_gambit:.1f}x"]
        print("| " + " | ".join(cells) + " |")
    cells = ["**total**", "", *([fmt(totals["before"])] if before else [])]
    cells += [fmt(totals["exact"]), fmt(totals["float"])]
    if pygambit is not None:
        cells += ["", ""]
        print("| " + " | ".join(cells) + " |")
        cells = ["**total where Gambit finished**", ""]
        cells += [fmt(totals["before, Gambit finished"])] if before else []
        cells += [fmt(totals["exact, Gambit finished"]), fmt(totals["float, Gambit finished"])]
        cells += [
            fmt(totals["gambit"]),
            f"{totals['exact, Gambit finished'] / max(totals['gambit'], 1e-9):.1f}x",
        ]
    print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
