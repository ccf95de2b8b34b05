"""Logit QRE: ours against pygambit's ``logit_solve`` family, side by side in one run.

For seeded random games (integer payoffs uniform on -10..10) of five shapes,
2x2x2, 3x3x3 and 2x2x2x2 games and 10x10 and 3x3 two-player games, a few
games per shape, each task is timed for both on the same games:

* the limit of the principal branch (a Nash equilibrium):
  ``negotiation.solvers.logit.logit_limit`` against ``pygambit.nash.logit_solve``;
* the QRE at fixed precisions (lambda = 0.5, 1, 2, 5 in the payoffs' units):
  ``quantal_responses`` (one trace) against ``pygambit.qre.logit_solve_lambda``;
* maximum-likelihood estimation from counts simulated at lambda = 1:
  ``fit_qre`` against ``pygambit.qre.logit_estimate``.

Only the solve is timed (building a Gambit game or a profile of counts is
not); each time is the best CPU time of ``--repeats`` runs over the shape's
games, reported per game. Gambit runs in a child process per game, stopped
after ``--timeout`` seconds (its tracer has no step limit; one of these
estimations runs for minutes). The agreement columns give the largest difference between
the two answers (probabilities, or lambda for the estimates) over the games;
``regret`` is the largest gain from a deviation at the limits returned (ours,
Gambit's), relative to the payoff range.

pygambit is not a dependency (``pip install pygambit`` to compare); without it
only our times are printed.

Run: ``python benchmarks/bench_qre.py`` (or ``make bench``); prints a Markdown
table. Options: ``--games 5``, ``--repeats 3``, ``--seed 2025``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np

from negotiation.solvers.logit import fit_qre, logit_limit, quantal_response, quantal_responses

try:  # optional: not a dependency
    import pygambit
except ImportError:  # pragma: no cover - depends on the machine
    pygambit = None

SHAPES = [(2, 2, 2), (3, 3, 3), (2, 2, 2, 2), (10, 10), (3, 3)]
LAMBDAS = [0.5, 1.0, 2.0, 5.0]
FIT_LAMBDA = 1.0
FIT_SAMPLE = 2000


def random_games(shape: tuple[int, ...], count: int, rng: np.random.Generator) -> list[list[Any]]:
    return [[rng.integers(-10, 11, size=shape).astype(float) for _ in shape] for _ in range(count)]


def best_time(run: Callable[[], list[Any]], repeats: int) -> tuple[float, list[Any]]:
    """The best CPU time of ``repeats`` runs, and the answers of the last.

    CPU time, not wall time: both solvers are single-threaded here, and CPU
    time is not inflated when other work shares the machine.
    """
    best = float("inf")
    answers: list[Any] = []
    for _ in range(repeats):
        start = time.process_time()
        answers = run()
        best = min(best, time.process_time() - start)
    return best, answers


def simulated_counts(payoffs: list[Any], rng: np.random.Generator) -> list[np.ndarray]:
    profile = quantal_response(payoffs, FIT_LAMBDA)
    return [rng.multinomial(FIT_SAMPLE, p / p.sum()).astype(float) for p in profile]


def regret(payoffs: list[Any], profile: list[np.ndarray]) -> float:
    """The largest gain from a deviation, relative to the payoff range."""
    n = len(payoffs)
    worst = 0.0
    for i, a in enumerate(payoffs):
        values = np.moveaxis(a, i, 0)
        for m in reversed([m for m in range(n) if m != i]):
            values = values @ profile[m]
        worst = max(worst, float(values.max() - profile[i] @ values))
    span = max(float(a.max()) for a in payoffs) - min(float(a.min()) for a in payoffs)
    return worst / span if span > 0 else worst


def gambit_profile(profile: Any, game: Any) -> list[np.ndarray]:
    return [np.array([float(profile[s]) for s in player.strategies]) for player in game.players]


def diff(ours: list[np.ndarray], theirs: list[np.ndarray]) -> float:
    return max(float(np.abs(a - b).max()) for a, b in zip(ours, theirs, strict=True))


def fmt_ms(seconds: float, games: int) -> str:
    ms = 1000 * seconds / games
    return f"{ms:.2f}" if ms < 10 else f"{ms:.0f}"


def in_child(run: Callable[[], Any], timeout: float) -> Any | None:
    """``run()`` in a forked process; ``None`` if it takes longer than ``timeout`` seconds.

    Gambit's path tracer can run for minutes on some games (it has no step
    limit); a child process can be stopped, a call into its C++ code cannot.
    """
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=lambda: sender.send(run()), daemon=True)
    child.start()
    result = receiver.recv() if receiver.poll(timeout) else None
    if child.is_alive():
        child.terminate()
    child.join()
    return result


def one(solve: Callable[[Any], Any], item: Any) -> list[Any]:
    return [solve(item)]


def gambit_task(
    solve: Callable[[Any], Any], inputs: list[Any], repeats: int, timeout: float
) -> tuple[float, list[Any], int]:
    """Gambit's total best time over the games that finish, their answers, and how many timed out."""
    total, timed_out = 0.0, 0
    answers: list[Any] = []
    for item in inputs:
        result = in_child(partial(best_time, partial(one, solve, item), repeats), timeout)
        if result is None:
            timed_out += 1
            answers.append(None)
            continue
        seconds, (answer,) = result
        total += seconds
        answers.append(answer)
    return total, answers, timed_out


def run_shape(
    games: list[list[Any]], counts: list[list[np.ndarray]], repeats: int, timeout: float
) -> dict[str, Any]:
    row: dict[str, Any] = {}
    row["ours: limit"] = best_time(
        lambda: [[np.asarray(p) for p in logit_limit(g).strategies] for g in games], repeats
    )
    row["ours: lambdas"] = best_time(
        lambda: [
            [list(q) for q in zip(*quantal_responses(g, LAMBDAS).probabilities, strict=True)]
            for g in games
        ],
        repeats,
    )
    row["ours: fit"] = best_time(
        lambda: [fit_qre(g, c).lam for g, c in zip(games, counts, strict=True)], repeats
    )
    if pygambit is None:
        return row
    gambit = [pygambit.Game.from_arrays(*g) for g in games]
    row["gambit: limit"] = gambit_task(
        lambda g: gambit_profile(pygambit.nash.logit_solve(g).equilibria[0], g),
        gambit,
        repeats,
        timeout,
    )
    row["gambit: lambdas"] = gambit_task(
        lambda g: [
            gambit_profile(q.profile, g) for q in pygambit.qre.logit_solve_lambda(g, LAMBDAS)
        ],
        gambit,
        repeats,
        timeout,
    )
    data = []
    for g, c in zip(gambit, counts, strict=True):
        profile = g.mixed_strategy_profile()
        for player, vec in zip(g.players, c, strict=True):
            for strategy, value in zip(player.strategies, vec, strict=True):
                profile[strategy] = float(value)
        data.append(profile)
    row["gambit: fit"] = gambit_task(
        lambda d: pygambit.qre.logit_estimate(d).lam, data, repeats, timeout
    )
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=5, help="random games per shape")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument(
        "--timeout", type=float, default=20.0, help="seconds allowed to one Gambit call"
    )
    args = parser.parse_args(argv)

    rng = np.random.default_rng(args.seed)
    results = []
    for shape in SHAPES:
        games = random_games(shape, args.games, rng)
        counts = [simulated_counts(g, rng) for g in games]
        results.append((shape, games, run_shape(games, counts, args.repeats, args.timeout)))

    print(
        f"Random games (integer payoffs -10..10, seed {args.seed}), {args.games} per shape; "
        f"CPU ms per game, best of {args.repeats} runs. lambdas: the QRE at lambda = "
        f"{', '.join(f'{lam:g}' for lam in LAMBDAS)}; fit: maximum likelihood from "
        f"{FIT_SAMPLE} draws per player simulated at lambda = {FIT_LAMBDA:g}.\n"
    )
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, "
        + (
            f"pygambit {pygambit.__version__}"
            if pygambit is not None
            else "pygambit not installed (no comparison with Gambit)"
        )
        + f", {platform.machine()}\n"
    )
    tasks = ["limit", "lambdas", "fit"]
    header = ["shape"]
    for task in tasks:
        header.append(f"ours: {task}")
        if pygambit is not None:
            header += [f"gambit: {task}", "ours / gambit", "max diff"]
    if pygambit is not None:
        header.append("regret at limit (ours, gambit)")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---:" for _ in header) + "|")
    for shape, games, row in results:
        cells = ["x".join(map(str, shape))]
        for task in tasks:
            seconds, ours = row[f"ours: {task}"]
            cells.append(fmt_ms(seconds, len(games)))
            if pygambit is None:
                continue
            their_seconds, theirs, timed_out = row[f"gambit: {task}"]
            done = len(games) - timed_out
            if timed_out:
                cells.append(
                    f"{fmt_ms(their_seconds, done) if done else '-'} "
                    f"(+{timed_out} over {args.timeout:g} s)"
                )
                cells.append(f"< {seconds / (their_seconds + timed_out * args.timeout):.2g}x")
            else:
                cells.append(fmt_ms(their_seconds, len(games)))
                cells.append(f"{seconds / their_seconds:.2f}x")
            pairs = [(a, b) for a, b in zip(ours, theirs, strict=True) if b is not None]
            if task == "limit":
                gap = max(diff(a, b) for a, b in pairs)
            elif task == "lambdas":
                gap = max(diff(a, b) for xs, ys in pairs for a, b in zip(xs, ys, strict=True))
            else:
                gap = max(abs(a - b) for a, b in pairs)
            cells.append(f"{gap:.1e}")
        if pygambit is not None:
            ours_regret = max(
                regret(g, p) for g, p in zip(games, row["ours: limit"][1], strict=True)
            )
            their_regret = max(
                regret(g, p)
                for g, p in zip(games, row["gambit: limit"][1], strict=True)
                if p is not None
            )
            cells.append(f"{ours_regret:.0e}, {their_regret:.0e}")
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
