"""Parameter sweeps against the naive loop, side by side in one run.

For each row: ``negotiation.sweep`` finds every equilibrium at every point of a
grid or Monte Carlo sample, and the naive loop (build a ``nashpy.Game`` per
point, run ``support_enumeration``; the payoff arrays are precomputed and not
timed) is timed on a small random sample of the same points and extrapolated
per point. The sweep's answer on
that sample is checked against nashpy's.

Games (stylised payoffs, see the domain brief):

* 2x2: Game C, the October game of chicken, with W = 2 and the loss from
  swerving L and the collision cost C swept (two pure equilibria and a mixed
  one wherever C > L, one where C < L, degenerate on the line C = L).
* 3x3: the London framework scenario, Monte Carlo over the rare-earth
  disruption multiplier m and the US value of students, other parameters at
  their defaults.
* 3x3: a coordination game with two parameters, up to seven equilibria per
  point (three pure, four mixed): the heaviest output per point.

Run: ``python benchmarks/bench_sweeps.py`` (or ``make bench``). Prints a
Markdown table; takes about a minute on a 2-core machine.
"""

from __future__ import annotations

import platform
import resource
import time
import warnings

import nashpy
import numpy as np
import sympy as sp

import negotiation as ng

SAMPLE = {2: 400, 3: 150}  # points timed in the naive loop, by game size
REPEATS = 3  # both sides are timed as the best of this many runs (the sweep once at 10^7)


def chicken() -> ng.Game:
    W, L, C = sp.symbols("W L C")
    game = ng.Game.symmetric([[0, -L], [W, -C]], strategies=("Swerve", "Escalate"))
    return game.subs(W=2)


def coordination() -> ng.Game:
    t, h = sp.symbols("t h")
    return ng.Game([[t, 0, 0], [0, h, 0], [0, 0, 1]], [[1, 0, 0], [0, h, 0], [0, 0, t]])


def grid_2x2(points: int) -> dict[str, np.ndarray]:
    rows = 10 ** (len(str(points)) // 2)  # 10^4 -> 100 x 100, 10^7 -> 1000 x 10000
    return {"L": np.linspace(0, 10, rows), "C": np.linspace(0, 20, points // rows)}


def time_sweep(run, repeats: int) -> tuple[float, ng.SweepResult]:
    best = float("inf")
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def naive_loop(result: ng.SweepResult, sample: np.ndarray) -> tuple[float, int]:
    """Seconds per point of the naive loop on ``sample``, and how many points agree.

    Only ``nashpy.Game(A, B)`` and ``support_enumeration()`` are timed (best
    of ``REPEATS`` passes over the sample): the payoff arrays are computed
    beforehand, so the naive loop is not charged for evaluating the payoffs
    (a conservative comparison).
    """
    values = result._values_at(sample)
    payoffs = result.compiled_payoffs([values[name] for name in result.parameters], len(sample))
    tables = [
        (np.ascontiguousarray(payoffs[0, :, :, k]), np.ascontiguousarray(payoffs[1, :, :, k]))
        for k in range(len(sample))
    ]
    best = float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nashpy warns on degenerate games
        for _ in range(REPEATS):
            start = time.perf_counter()
            found = [list(nashpy.Game(A, B).support_enumeration()) for A, B in tables]
            best = min(best, time.perf_counter() - start)
    agree = sum(_same(f, result.equilibria_at(int(i))) for f, i in zip(found, sample, strict=True))
    return best / len(sample), agree


def _same(found, ours) -> bool:
    def key(x, y):
        return (tuple(np.round(x, 6)), tuple(np.round(y, 6)))

    return sorted(key(x, y) for x, y in found) == sorted(key(e.row, e.col) for e in ours)


def fmt_time(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 60:
        return f"{seconds / 60:.1f} min"
    return f"{seconds:.2f} s"


def main() -> None:
    rng = np.random.default_rng(0)
    game_c, game_coordination = chicken(), coordination()
    ng.sweep(game_c, grid=grid_2x2(10_000))  # warm-up: sympy's lambdify imports numpy parts
    cases = []
    for exponent in (4, 5, 6, 7):
        points = 10**exponent
        grid = grid_2x2(points)
        cases.append(
            (
                "2x2 chicken, grid",
                points,
                lambda g=grid: ng.sweep(game_c, grid=g),
                1 if exponent == 7 else REPEATS,
            )
        )
    london = ng.load("london_framework")
    cases.append(
        (
            "3x3 London framework, Monte Carlo",
            10**5,
            lambda: ng.sweep(
                london,
                samples=10**5,
                seed=1,
                distributions={"m": ("uniform", 0, 4), "students_us": ("uniform", 0, 6)},
            ),
            REPEATS,
        )
    )
    cases.append(
        (
            "3x3 coordination, Monte Carlo",
            10**5,
            lambda: ng.sweep(
                game_coordination,
                samples=10**5,
                seed=2,
                distributions={"t": ("uniform", 0.1, 3), "h": ("uniform", 0.1, 3)},
            ),
            REPEATS,
        )
    )
    rows = []
    for name, points, run, repeats in cases:
        seconds, result = time_sweep(run, repeats)
        size = result.game.shape[0]
        sample = np.sort(rng.choice(points, size=SAMPLE[size], replace=False))
        naive, agree = naive_loop(result, sample)
        per_point = seconds / points
        rows.append(
            [
                name,
                f"{points:,}",
                f"{seconds:.3f}",
                f"{per_point * 1e6:.3f}",
                f"{naive * 1e6:.0f}",
                fmt_time(naive * points),
                f"{naive / per_point:,.0f}x",
                f"{result.n_equilibria.sum():,}",
                f"{int(result.degenerate.sum()):,}",
                f"{agree}/{len(sample)}",
            ]
        )
        print(f"  done: {name}, {points:,} points in {seconds:.3f} s", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    header = [
        "game",
        "points",
        "sweep (s)",
        "sweep per point (us)",
        "naive per point (us)",
        "naive, extrapolated",
        "speed-up",
        "equilibria",
        "degenerate points",
        "agrees with nashpy on sample",
    ]
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if k == 0 else "---:" for k in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(
        f"Every equilibrium at every point (method='vertex_enumeration'), in process, default "
        f"chunks. Naive loop: nashpy.Game(A, B) and support_enumeration() (payoffs precomputed), "
        f"timed on "
        f"{SAMPLE[2]} (2x2) or {SAMPLE[3]} (3x3) random points of the same sweep. "
        f"Peak resident memory of the whole run: {peak:,.0f} MiB. "
        f"{platform.python_implementation()} {platform.python_version()}, numpy {np.__version__}, "
        f"nashpy {nashpy.__version__}, {platform.machine()}."
    )


if __name__ == "__main__":
    main()
