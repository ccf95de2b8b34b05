"""Continuous games: the compiled closed-form sweep, and the numeric per-point solve.

Two rows, one run:

* **Closed form, 10^6 points.** The calibrated US-China tariff war
  (``negotiation.trade.TariffWar``) with the two export-supply elasticities
  symbolic (import-demand elasticities at their stylised value 2): the Nash
  tariffs and both welfare levels at every point of a 1000 x 1000 grid over
  ``epsilon_US`` and ``epsilon_China`` in [1.2, 6]. Timed: the sweep only
  (compiling the closed form once is reported separately). Checked against
  the hand-derived Nash tariff ``(eps(1+t0) + eta(1+eps t0)) / (eps^2(1+t0) +
  eps eta(2+t0) - eta)`` at every point. Target: at most 1 s.
* **Numeric, per point.** A two-player logit price competition with no
  closed form (``u_i = p_i exp(-p_i) / (1 + exp(-p_1) + exp(-p_2))``, prices in
  [0, 10]): ``game.equilibria(numeric=True)`` (8 starting points, root-finding
  on the natural residual, every answer passed through the global deviation
  check). Timed per game, the best of several runs, after one warm-up solve
  that compiles the payoffs; and the numeric sweep of the same game with a
  marginal cost ``c`` swept over 200 points (``game.sweep(..., numeric=True)``,
  4 starts per point). Target: at most 5 ms per point.

Run: ``python benchmarks/bench_continuous.py`` (or ``make bench``); prints a
Markdown table. Options: ``--points 1000`` (per axis), ``--repeats 3``.
"""

from __future__ import annotations

import argparse
import platform
import time

import numpy as np
import sympy as sp

import negotiation as ng
from negotiation.solvers import best_response as br


def closed_form_row(points: int, repeats: int) -> dict[str, str]:
    war = ng.trade.TariffWar.symbolic().subs(eta_US=2, eta_China=2)
    game = war.game()
    start = time.perf_counter()
    compiled = game.compiled_equilibrium()
    compile_s = time.perf_counter() - start
    axis = np.linspace(1.2, 6.0, points)
    columns, _ = br.grid_columns(game.parameters, {"epsilon_China": axis, "epsilon_US": axis})
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        out = br.sweep_closed_form(compiled, columns)
        best = min(best, time.perf_counter() - start)
    # the same sweep through the public entry point: ng.sweep hands a continuous game to
    # ContinuousGame.sweep (grid expansion, the compiled closed form, the result object)
    game.compiled_equilibrium()  # cached on the game after the first call
    front = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        swept = ng.sweep(game, grid={"epsilon_China": axis, "epsilon_US": axis})
        front = min(front, time.perf_counter() - start)
    assert swept.method == "closed_form"
    eps_cn, eps_us = columns  # parameters are ordered by name: epsilon_China, epsilon_US
    t0 = np.array([float(v) for v in war.baseline_tariffs])
    eta = 2.0

    def hand(eps: np.ndarray, base: float) -> np.ndarray:
        return (eps * (1 + base) + eta * (1 + eps * base)) / (
            eps**2 * (1 + base) + eps * eta * (2 + base) - eta
        )

    error = max(
        float(np.max(np.abs(out.strategies[:, 0] - hand(eps_cn, t0[0])))),
        float(np.max(np.abs(out.strategies[:, 1] - hand(eps_us, t0[1])))),
    )
    n = len(columns[0])
    return {
        "row": f"closed form, tariff war, {n:,} points",
        "time": f"{best:.3f} s ({best / n * 1e9:.0f} ns/point)",
        "extra": f"compile {compile_s:.1f} s once; ng.sweep(game, grid=...) {front:.3f} s; "
        f"max error vs hand formula {error:.1e}; "
        f"found at {out.found.mean():.0%} of points",
    }


def numeric_row(repeats: int) -> dict[str, str]:
    p1, p2 = sp.symbols("p1 p2")
    share = lambda p: sp.exp(-p) / (1 + sp.exp(-p1) + sp.exp(-p2))  # noqa: E731
    game = ng.ContinuousGame([p1 * share(p1), p2 * share(p2)], [(p1, 0, 10), (p2, 0, 10)])
    eqs = game.equilibria()  # warm-up: compiles once; no closed form, so numeric
    assert eqs
    assert eqs[0].method == "numeric"
    times, cpu = [], []
    for _ in range(10 * repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        game.equilibria(numeric=True)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    best, median, cpu_mean = min(times), float(np.median(times)), float(np.mean(cpu))
    eq = eqs[0]
    price = sp.Symbol("c")  # a marginal cost, swept: the numeric sweep's per-point time
    costly = ng.ContinuousGame(
        [(p1 - price) * share(p1), (p2 - price) * share(p2)], [(p1, 0, 10), (p2, 0, 10)]
    )
    sweep_points = 200
    start, start_cpu = time.perf_counter(), time.process_time()
    result = costly.sweep(grid={"c": np.linspace(0, 2, sweep_points)}, numeric=True)
    per_point = (time.perf_counter() - start) / sweep_points
    per_point_cpu = (time.process_time() - start_cpu) / sweep_points
    assert result.found.all()
    return {
        "row": "numeric, logit price game (2 players, 8 starts)",
        "time": f"{best * 1e3:.2f} ms/point wall (median {median * 1e3:.2f}); "
        f"CPU {cpu_mean * 1e3:.2f} ms",
        "extra": f"p* = {eq.strategies[0]:.6f} (symmetric); max deviation gain {eq.max_gain:.1e}; "
        f"numeric sweep over a cost, 4 starts per point: {per_point * 1e3:.2f} ms/point wall, "
        f"{per_point_cpu * 1e3:.2f} ms CPU (compile included)",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1000, help="grid points per axis")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rows = [closed_form_row(args.points, args.repeats), numeric_row(args.repeats)]
    print(f"Python {platform.python_version()}, numpy {np.__version__}, sympy {sp.__version__}\n")
    print("| solve | time | notes |")
    print("|---|---|---|")
    for r in rows:
        print(f"| {r['row']} | {r['time']} | {r['extra']} |")


if __name__ == "__main__":
    main()
