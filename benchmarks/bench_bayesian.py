"""Private information: Bayes–Nash, symbolic PBE, and Gambit's .efg collection against pygambit.

Three measurements, each the best of ``--repeats`` runs:

1. **Harsanyi form and all Bayes–Nash equilibria** of games with 2 players x 2
   types x 3 actions (a Bayesian Cournot duopoly on a quantity grid, and
   seeded random integer games): ``game.to_game()`` plus ``game.equilibria()``
   (vertex enumeration of the 9 x 9 strategic form, every extreme
   equilibrium, reported type by type). Target: under 100 ms.
2. **Symbolic PBE enumeration** of 2-type, 2-message, 2-action signalling
   games: beer–quiche with a free prior, and Spence's education game with a
   free prior, wages, costs and education level. Target: under 2 s.
3. **Gambit's .efg collection** (``../shared/reference/efg/gambit_efg``, when
   present): parse every file, then find equilibria, ours against pygambit
   (``pip install pygambit``; it is not a dependency). Parse: ``GameTree.from_efg``
   against ``pygambit.read_efg``. Equilibria, two-player files: our strategic form's
   pure equilibria and every extreme equilibrium (exact vertex enumeration
   of the full normal form) against Gambit's ``enumpure_solve`` and
   ``enummixed_solve(rational=True)`` (on its reduced normal form); and our
   ``subgame_perfect()`` (exact, mixed subgames included) against
   ``lcp_solve(rational=True)`` on the tree (one equilibrium).

Run: ``python benchmarks/bench_bayesian.py`` (or ``make bench``); prints Markdown tables.
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp

import negotiation as ng

try:  # optional: not a dependency
    import pygambit
except ImportError:  # pragma: no cover - depends on the machine
    pygambit = None

EFG = Path(__file__).resolve().parents[2] / "shared" / "reference" / "efg" / "gambit_efg"


def best(
    run: Callable[[], Any], repeats: int, clock: Callable[[], float] = time.perf_counter
) -> tuple[float, Any]:
    fastest, result = float("inf"), None
    for _ in range(repeats):
        start = clock()
        result = run()
        fastest = min(fastest, clock() - start)
    return fastest, result


# ---------------------------------------------------------------------- 1. Bayes–Nash
def cournot() -> ng.BayesianGame:
    grid = ("2", "3", "4")

    def payoff(types: tuple[str, ...], q: tuple[str, ...]) -> tuple[int, int]:
        a, b = (int(x) for x in q)
        cost2 = 1 if types[1] == "low" else 5
        return (a * (12 - a - b - 3), b * (12 - a - b - cost2))

    half = sp.Rational(1, 2)
    return ng.BayesianGame([{"firm 1": 1}, {"low": half, "high": half}], [grid, grid], payoff)


def random_bayesian(rng: np.random.Generator) -> ng.BayesianGame:
    types = [("a", "b"), ("x", "y")]
    actions = [("0", "1", "2"), ("0", "1", "2")]
    tables = {
        (s, t): (
            rng.integers(-5, 6, size=(3, 3)).tolist(),
            rng.integers(-5, 6, size=(3, 3)).tolist(),
        )
        for s in types[0]
        for t in types[1]
    }
    w = rng.integers(1, 4, size=2)
    v = rng.integers(1, 4, size=2)
    return ng.BayesianGame(
        [
            {"a": sp.Rational(int(w[0]), int(w.sum())), "b": sp.Rational(int(w[1]), int(w.sum()))},
            {"x": sp.Rational(int(v[0]), int(v.sum())), "y": sp.Rational(int(v[1]), int(v.sum()))},
        ],
        actions,
        tables,
    )


def bench_bayes_nash(repeats: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    games = [("Bayesian Cournot", cournot())] + [
        (f"random #{k + 1}", random_bayesian(rng)) for k in range(4)
    ]
    print("### 1. Harsanyi form + all Bayes–Nash equilibria, 2 players x 2 types x 3 actions\n")
    print("| game | to_game() ms | + equilibria() ms | + equilibria(exact=True) ms | equilibria |")
    print("|---|---:|---:|---:|---:|")
    for name, game in games:
        t_form, _ = best(game.to_game, repeats)
        t_all, found = best(lambda g=game: g.equilibria(), repeats)
        t_exact, _ = best(lambda g=game: g.equilibria(exact=True), repeats)
        print(
            f"| {name} | {1000 * t_form:.1f} | {1000 * t_all:.1f} | {1000 * t_exact:.1f} "
            f"| {len(found)} |"
        )
    print("\n(equilibria() and equilibria(exact=True) include building the Harsanyi form.)\n")


# ---------------------------------------------------------------------- 2. symbolic PBE
def beer_quiche() -> ng.SignallingGame:
    p = sp.Symbol("p", positive=True)

    def payoff(t: str, m: str, a: str) -> tuple[int, int]:
        taste = 1 if (m == "beer") == (t == "strong") else 0
        duel = a == "duel"
        return (taste + (0 if duel else 2), (1 if t == "weak" else -1) if duel else 0)

    return ng.SignallingGame(
        ("strong", "weak"), (p, 1 - p), ("beer", "quiche"), ("duel", "not"), payoff
    )


def spence() -> ng.SignallingGame:
    e, cH, cL, tH, tL, q = sp.symbols("e c_H c_L theta_H theta_L q", positive=True)

    def payoff(t: str, m: str, a: str) -> tuple[sp.Expr, int]:
        wage = tH if a == "high wage" else tL
        cost = (cH if t == "able" else cL) * e if m == "educate" else 0
        return (wage - cost, 0 if (a == "high wage") == (t == "able") else -1)

    return ng.SignallingGame(
        ("able", "other"), (q, 1 - q), ("educate", "none"), ("high wage", "low wage"), payoff
    )


def bench_pbe(repeats: int) -> None:
    print("### 2. Symbolic PBE enumeration, 2 types x 2 messages x 2 actions\n")
    print(
        "| game | free symbols | pure only s | pure + semi-separating s (CPU s) "
        "| + intuitive criterion s | equilibria |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, make in (("beer–quiche", beer_quiche), ("Spence", spence)):
        game = make()
        t_pure, _ = best(lambda g=game: g.perfect_bayesian_equilibria(mixed=False), repeats)
        t_all, found = best(lambda g=game: g.perfect_bayesian_equilibria(), repeats)
        t_cpu, _ = best(lambda g=game: g.perfect_bayesian_equilibria(), repeats, time.process_time)
        t_ic, _ = best(lambda g=game: g.intuitive_criterion(), repeats)
        print(
            f"| {name} | {len(game.parameters)} | {t_pure:.2f} | {t_all:.2f} ({t_cpu:.2f}) "
            f"| {t_ic:.2f} "
            f"| {len(found)} |"
        )
    print()


# ---------------------------------------------------------------------- 3. Gambit's collection
def bench_efg(repeats: int) -> None:
    files = sorted(EFG.glob("*.efg")) if EFG.is_dir() else []
    print("### 3. Gambit's .efg collection: ours against pygambit\n")
    if not files:
        print(f"(skipped: the collection is not at {EFG})\n")
        return
    if pygambit is None:
        print("(pygambit is not installed: timing ours only)\n")
    rows = []
    totals: dict[str, float] = {}
    for path in files:
        name = path.stem.split("__", 1)[-1]
        text = path.read_text(encoding="utf-8")
        t_parse, tree = best(lambda t=text: ng.GameTree.from_efg(t), repeats)
        row: dict[str, Any] = {"file": name, "players": len(tree.players), "ours parse": t_parse}
        try:
            row["ours spe"], spes = best(tree.subgame_perfect, repeats)
            row["spe"] = len(spes)
        except ng.GameTreeError:
            row["ours spe"], row["spe"] = float("nan"), "error"
        if len(tree.players) == 2:
            game = tree.to_game()
            row["ours pure"], pure = best(
                lambda g=game: g.equilibria(method="pure", exact=True), repeats
            )
            row["ours mixed"], mixed = best(lambda g=game: g.equilibria(exact=True), repeats)
            row["pure"], row["mixed"] = len(pure), len(mixed)
        if pygambit is not None:
            t_read, gtree = best(lambda p=str(path): pygambit.read_efg(p), repeats)
            row["gambit parse"] = t_read
            if len(tree.players) == 2:
                row["gambit pure"], _ = best(
                    lambda g=gtree: pygambit.nash.enumpure_solve(g), repeats
                )
                row["gambit mixed"], _ = best(
                    lambda g=gtree: pygambit.nash.enummixed_solve(g, rational=True), repeats
                )
                row["gambit lcp"], _ = best(
                    lambda g=gtree: pygambit.nash.lcp_solve(g, rational=True), repeats
                )
        for key, value in row.items():
            if isinstance(value, float) and np.isfinite(value):
                totals[key] = totals.get(key, 0.0) + value
        rows.append(row)

    def ms(row: dict[str, Any], key: str) -> str:
        value = row.get(key)
        return "" if value is None or not np.isfinite(value) else f"{1000 * value:.2f}"

    keys = [
        "ours parse",
        "gambit parse",
        "ours pure",
        "gambit pure",
        "ours mixed",
        "gambit mixed",
        "ours spe",
        "gambit lcp",
    ]
    print(
        "ms per file, best of", repeats, "runs; counts: pure NE / extreme NE / SPE found by us.\n"
    )
    print("| file | players | " + " | ".join(keys) + " | ours: pure/mixed/spe |")
    print("|---|---:|" + "---:|" * len(keys) + "---|")
    for row in rows:
        counts = f"{row.get('pure', '')}/{row.get('mixed', '')}/{row['spe']}"
        print(
            f"| {row['file']} | {row['players']} | "
            + " | ".join(ms(row, k) for k in keys)
            + f" | {counts} |"
        )
    print()
    if pygambit is not None:
        two = [r for r in rows if r["players"] == 2]

        def total(key: str, subset: list[dict[str, Any]]) -> float:
            return sum(r[key] for r in subset if key in r and np.isfinite(r[key]))

        print("| total over the collection | ours s | pygambit s | ours / pygambit |")
        print("|---|---:|---:|---:|")
        for label, ours, theirs, subset in (
            ("parse (all files)", "ours parse", "gambit parse", rows),
            ("pure equilibria (2 players)", "ours pure", "gambit pure", two),
            ("extreme equilibria (2 players)", "ours mixed", "gambit mixed", two),
            ("parse + pure + extreme (2 players)", None, None, two),
        ):
            if ours is None:
                a = sum(total(k, subset) for k in ("ours parse", "ours pure", "ours mixed"))
                b = sum(total(k, subset) for k in ("gambit parse", "gambit pure", "gambit mixed"))
            else:
                a, b = total(ours, subset), total(theirs, subset)
            print(f"| {label} | {a:.3f} | {b:.3f} | {a / b:.1f}x |")
        print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    print(
        f"Python {platform.python_version()}, sympy {sp.__version__}, "
        + (f"pygambit {pygambit.__version__}" if pygambit is not None else "pygambit not installed")
        + f", {platform.machine()}\n"
    )
    bench_bayes_nash(args.repeats, args.seed)
    bench_pbe(args.repeats)
    bench_efg(args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
