"""Symbolic equilibrium conditions against ``sp.simplify`` on the same comparisons, in one run.

``Game.equilibrium_conditions`` states, for a pure profile, the inequalities
on the parameters under which no player gains by deviating: one comparison
of two payoffs per deviation (200 for the 25 profiles of a 5x5 game). Each
comparison is decided (``True``/``False``) where the payoffs allow it and
otherwise kept as an inequality. The reference column times what the
package used to do for the decision step alone, ``sp.simplify`` of each
payoff difference; the benchmark also checks that both decide the same
comparisons the same way.

Games (stylised, seeded; no real-world figures):

* 5x5 with 8 parameters ``a..h``: each payoff an integer plus two integer
  multiples of parameters, and in three payoffs out of ten a product of two
  parameters; once with plain symbols (as scenario files make them), once
  with ``positive=True`` symbols (the assumptions are then consulted).
* 2x2 with payoffs such as ``(x + y + 1)**60`` (1,891 terms if multiplied
  out): the conditions must be stated without expanding them.

Each timing is the best of ``REPEATS`` runs with sympy's cache cleared
before each, so no run reuses another's expansions.

Run: ``python benchmarks/bench_symbolic.py`` (or ``make bench``). Prints a
Markdown table; takes well under a minute with the current package. To time
an older checkout, run the same file with that checkout first on
``PYTHONPATH``.
"""

from __future__ import annotations

import platform
import random
import sys
import time
from itertools import product

import sympy as sp
from sympy.core.cache import clear_cache

import negotiation as ng
from negotiation.solvers.pure import at_least

REPEATS = 3
SEED = 17


def game_5x5(*, positive: bool) -> ng.Game:
    """A 5x5 game whose payoffs are linear in 8 parameters, with some products of two."""
    names = "a b c d e f g h"
    symbols = sp.symbols(names, positive=True) if positive else sp.symbols(names)
    rng = random.Random(SEED)

    def entry() -> sp.Expr:
        value = sp.Integer(rng.randint(-5, 5))
        for _ in range(2):
            value += rng.randint(-3, 3) * rng.choice(symbols)
        if rng.random() < 0.3:
            value += rng.choice(symbols) * rng.choice(symbols)
        return value

    row = [[entry() for _ in range(5)] for _ in range(5)]
    col = [[entry() for _ in range(5)] for _ in range(5)]
    return ng.Game(row, col)


def game_power() -> ng.Game:
    """A 2x2 game with payoffs (x + y + 1)**60 and (x + y + 1)**59."""
    x, y = sp.symbols("x y")
    big = (x + y + 1) ** 60
    return ng.Game([[big, 0], [big + 1, x]], [[big, big - y], [1, (x + y + 1) ** 59]])


def comparisons(game: ng.Game) -> list[tuple[sp.Expr, sp.Expr]]:
    """Every (payoff at the profile, payoff after one player's deviation) pair."""
    pairs = []
    tables = game.payoffs
    for profile in product(*(range(n) for n in game.shape)):
        for p, u in enumerate(tables):
            for k in range(game.shape[p]):
                if k != profile[p]:
                    other = (*profile[:p], k, *profile[p + 1 :])
                    pairs.append((u[profile], u[other]))
    return pairs


def best_of(run, repeats: int = REPEATS) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        clear_cache()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def all_conditions(game: ng.Game) -> list[sp.Basic]:
    return [
        game.equilibrium_conditions(profile) for profile in product(*(range(n) for n in game.shape))
    ]


def simplify_decisions(pairs: list[tuple[sp.Expr, sp.Expr]]) -> list[bool | None]:
    """The decision step of the former implementation: the sign of sp.simplify(a - b)."""
    decided: list[bool | None] = []
    for a, b in pairs:
        diff = sp.simplify(a - b)
        decided.append(True if diff.is_nonnegative else False if diff.is_negative else None)
    return decided


def our_decisions(pairs: list[tuple[sp.Expr, sp.Expr]]) -> list[bool | None]:
    out: list[bool | None] = []
    for a, b in pairs:
        condition = at_least(a, b)
        out.append(True if condition is sp.true else False if condition is sp.false else None)
    return out


def main() -> int:
    print(
        f"Python {platform.python_version()}, sympy {sp.__version__}, "
        f"negotiation from {ng.__file__.rsplit('/negotiation/', 1)[0]}\n"
    )
    print(
        "| game | profiles | comparisons | decided | equilibrium_conditions, all profiles (s) "
        "| sp.simplify on the same differences (s) | simplify / ours | same decisions | longest condition (characters) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    cases = [
        ("5x5, 8 plain parameters", game_5x5(positive=False), True),
        ("5x5, 8 positive parameters", game_5x5(positive=True), True),
        ("2x2, payoffs (x + y + 1)**60", game_power(), False),
    ]
    failed = False
    for label, game, with_reference in cases:
        pairs = comparisons(game)
        ours, conditions = best_of(
            lambda game=game: all_conditions(game), REPEATS if with_reference else 1
        )
        assert isinstance(conditions, list)
        clear_cache()
        mine = our_decisions(pairs)
        decided = sum(d is not None for d in mine)
        if with_reference:
            reference, theirs = best_of(lambda pairs=pairs: simplify_decisions(pairs), 1)
            same = sum(m == t for m, t in zip(mine, theirs, strict=True))
            failed |= same != len(pairs)
            ref_text, ratio, agree = (
                f"{reference:.3f}",
                f"{reference / ours:.1f}x",
                f"{same}/{len(pairs)}",
            )
        else:
            ref_text, ratio, agree = "not run", "-", "-"
        longest = max(len(str(c)) for c in conditions)
        print(
            f"| {label} | {len(conditions)} | {len(pairs)} | {decided} | {ours:.3f} "
            f"| {ref_text} | {ratio} | {agree} | {longest:,} |"
        )
    regions_table()
    return 1 if failed else 0


REGIONS_SCRIPT = """
import time
t0 = time.perf_counter()
import negotiation as ng
from negotiation.plotting.regions import regions_data
scenario = ng.load("london_framework")
t1 = time.perf_counter()
first = regions_data(scenario, "students_us", "ec_value_us", resolution=200)
t2 = time.perf_counter()
runs = []
for x, y in [("m", "re_loss_us"), ("students_us", "ec_value_us"), ("m", "tariff_cost_us")]:
    t = time.perf_counter()
    data = regions_data(scenario, x, y, resolution=200)
    runs.append(time.perf_counter() - t)
print(t2 - t1, min(runs), len(first.labels))
"""


def regions_table() -> None:
    """``regions_data`` of the 3x3 London framework game on a 200 x 200 grid, in a fresh process.

    The first call in a process also imports numba and loads the compiled
    kernels from numba's cache; the later calls (other axes of the same
    scenario) are what a user who redraws a map pays.
    """
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", REGIONS_SCRIPT], capture_output=True, text=True, check=True
    ).stdout.split()
    first, later, regimes = float(out[0]), float(out[1]), int(out[2])
    print(
        "\n| work | regimes | first call in a fresh process (s) "
        "| later calls, best of three axes (s) |"
    )
    print("|---|---:|---:|---:|")
    print(
        f"| `regions_data`, 3x3 London framework, 200 x 200 (every equilibrium, mixed "
        f"included) | {regimes} | {first:.3f} | {later:.3f} |"
    )


if __name__ == "__main__":
    sys.exit(main())
