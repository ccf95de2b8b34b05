"""Fuzz the scenario-file reader, the expression parser and the ``.nfg``/``.efg`` readers.

Runs random mutations of the built-in scenario files and random hostile
expressions and ``.nfg`` texts for as long as asked, each under a time bound,
and reports the outcomes as counts:

* clean error: a :class:`negotiation.NegotiationError` (for a file, with a line);
* crash: any other exception (a raw traceback for a user's mistake);
* hang: a case still running after ``--case-seconds``;
* silent change: a file that loads without error although a line was deleted
  or duplicated, giving a different game, or a scenario that does not reload
  equal after ``save``.

Usage (from the repository root)::

    python tests/fuzz/run_fuzz.py --seconds 180 [--seed 1] [--cases N] [--case-seconds 5] [--show 5]

The exit status is 1 when there was any crash, hang or silent change.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import negotiation as ng
from negotiation.expressions import parse_expression
from negotiation.scenarios.files import dumps, loads

HOSTILE_VALUES = [
    "0",
    "-1",
    "1e-999999999",
    "1e999999999",
    '"1e-999999999"',
    '"x**1000"',
    '"1/0"',
    "[]",
    '"exp(800)"',
    '"exp(10**100)"',
    '"((m+1)**100)**100"',
    '"(10**100)**10"',
    "1" + "0" * 5000,
    "[" * 1000 + "]" * 1000,
    '"\\ud800"',
    "true",
    "{}",
    "\"__import__('os')\"",
    "nan",
    "inf",
    '"sqrt(-1)"',
    '"log(0)"',
    "1." + "1" * 3000,
    '""',
    '"' + "(" * 200 + "1" + ")" * 200 + '"',
]
JUNK = ["[", "]", '"', "'", "=", "\\", "\ufeff", " " * 5000, "#", "{", "}", "\n", "\x00", "."]
ATOMS = ["x", "y", "1", "2", "0.5", "1e-300", "10**100", "1/3", "-x"]
FUNCS = ["exp", "log", "sqrt", "abs", "max", "min"]


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang


def timed(seconds: float, run: Callable[[], object]) -> tuple[str, object]:
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return "ok", run()
    except Hang:
        return "hang", None
    except ng.NegotiationError as err:
        return "error", err
    except Exception as err:
        return "crash", err
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def mutate_file(rng: random.Random, text: str) -> tuple[str, str, int]:
    lines = text.splitlines()
    k = rng.randrange(len(lines))
    kind = rng.choice(["delete", "duplicate", "value", "junk", "swap"])
    if kind == "delete":
        lines = lines[:k] + lines[k + 1 :]
    elif kind == "duplicate":
        lines = [*lines[: k + 1], lines[k], *lines[k + 1 :]]
    elif kind == "value" and " = " in lines[k]:
        lines[k] = lines[k].split(" = ")[0] + " = " + rng.choice(HOSTILE_VALUES)
    elif kind == "swap" and k + 1 < len(lines):
        lines[k], lines[k + 1] = lines[k + 1], lines[k]
    else:
        kind = "junk"
        pos = rng.randrange(len(lines[k]) + 1)
        lines[k] = lines[k][:pos] + rng.choice(JUNK) + lines[k][pos:]
    return "\n".join(lines) + "\n", kind, k


def random_expression(rng: random.Random, depth: int = 0) -> str:
    if depth > 4 or rng.random() < 0.3:
        return rng.choice(ATOMS)
    choice = rng.random()
    a = random_expression(rng, depth + 1)
    if choice < 0.4:
        return f"({a}) {rng.choice(['+', '-', '*', '/'])} ({random_expression(rng, depth + 1)})"
    if choice < 0.7:
        return f"({a})**{rng.choice([2, 3, 10, 60, 100, -1, -50])}"
    name = rng.choice(FUNCS)
    if name in ("max", "min"):
        return f"{name}({a}, {random_expression(rng, depth + 1)})"
    return f"{name}({a})"


def toy_file(payoff: str) -> str:
    """A two-party scenario file whose one payoff is ``payoff`` (parameters x = 2, y = 3)."""
    quoted = payoff.replace("\\", "\\\\").replace('"', '\\"')
    return f"""[scenario]
name = "e"
[parameters.x]
default = 2
[parameters.y]
default = 3
[issues.i]
controlled_by = "A"
status_quo = "a"
[issues.i.levels.a]
[issues.i.levels.b]
[parties.A.valuations.i]
b = "{quoted}"
[parties.A.strategies.K]
moves = {{}}
[parties.A.strategies.M]
moves = {{ i = "b" }}
[parties.B.strategies.W]
moves = {{}}
"""


_EFG = 'EFG 2 R "t" { "A" "B" }\np "" 1 1 "" { "L" "R" } 0\nt "" 1 "o1" { N1 N2 }\nt "" 2 "o2" { 0 1 }\n'


def random_efg(rng: random.Random) -> str:
    words = [
        "1",
        "-2",
        "3/4",
        "1e-999999999",
        "1e5",
        "x",
        "0.5",
        "9" * 5000,
        "1/0",
        "2/" + "3" * 500,
    ]
    text = _EFG.replace("N1", rng.choice(words)).replace("N2", rng.choice(words))
    if rng.random() < 0.3:
        pos = rng.randrange(len(text))
        text = text[:pos] + rng.choice([*JUNK, "999999999999999"]) + text[pos:]
    return text


def random_nfg(rng: random.Random) -> str:
    counts = [rng.choice([1, 2, 3, 100000, 10**9]) for _ in range(rng.choice([2, 3]))]
    words = [
        rng.choice(["1", "-2", "3/4", "1e-999999999", "1e5", "x", "0.5", "9" * 200])
        for _ in range(min(60, 2 * 3 * 3 * 3))
    ]
    players = " ".join(f'"P{k}"' for k in range(len(counts)))
    return f'NFG 1 R "t" {{ {players} }} {{ {" ".join(map(str, counts))} }}\n' + " ".join(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=None, help="stop after this many cases")
    parser.add_argument("--case-seconds", type=float, default=5)
    parser.add_argument("--show", type=int, default=5, help="examples shown per bad outcome")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    names = [n for n in ng.scenarios() if n != "timeline"]
    texts = {n: ng.load(n).to_toml() for n in names}
    games = {n: ng.load(n).game() for n in names}
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[str]] = {}

    def note(family: str, outcome: str, detail: str) -> None:
        counts[(family, outcome)] += 1
        if outcome not in ("ok", "clean error", "equal or changed value"):
            examples.setdefault(outcome, [])
            if len(examples[outcome]) < args.show:
                examples[outcome].append(f"[{family}] {detail}")

    deadline = time.monotonic() + args.seconds
    done = 0
    while time.monotonic() < deadline and (args.cases is None or done < args.cases):
        done += 1
        family = rng.choice(["file", "file", "file", "expression", "nfg", "efg"])
        if family == "file":
            name = rng.choice(names)
            mutated, kind, k = mutate_file(rng, texts[name])
            outcome, value = timed(
                args.case_seconds, lambda mutated=mutated: loads(mutated, path="m.toml")
            )
            line = texts[name].splitlines()[k][:60]
            if outcome == "error":
                if getattr(value, "line", None) is None:
                    note(family, "error without a line", f"{kind} {line!r}: {value}")
                else:
                    note(family, "clean error", "")
            elif outcome == "ok":
                scenario = value

                def check(scenario=scenario, name=name) -> str:
                    back = loads(dumps(scenario))
                    if back != scenario:
                        return "no round trip"
                    str(scenario)
                    game = scenario.game()
                    str(game)
                    return "equal" if game.payoffs == games[name].payoffs else "changed"

                status, verdict = timed(args.case_seconds, check)
                if status != "ok":
                    note(
                        family,
                        {"error": "crash", "hang": "hang"}.get(status, status),
                        f"after load, {kind} {line!r}: {type(verdict).__name__} {verdict}",
                    )
                elif verdict == "no round trip":
                    note(family, "silent change", f"save/load differs after {kind} {line!r}")
                elif verdict == "changed" and kind in ("delete", "duplicate", "swap"):
                    note(family, "silent change", f"{kind} {line!r} changed the game")
                else:
                    note(family, "equal or changed value", "")
            else:
                detail = "".join(traceback.format_exception_only(value)).strip() if value else ""
                note(family, outcome, f"{kind} {line!r}: {detail[:200]}")
        elif family == "expression":
            text = random_expression(rng)

            def solve(text=text) -> object:
                parse_expression(text, ["x", "y"])
                scenario = loads(toy_file(text), path="e.toml")  # payoffs checked at defaults
                game = scenario.game()
                str(game)
                return game.equilibria(method="pure")

            outcome, value = timed(args.case_seconds, solve)
            label = {"ok": "ok", "error": "clean error"}.get(outcome, outcome)
            note(family, label, f"{text[:100]}: {type(value).__name__} {str(value)[:150]}")
        elif family == "efg":
            text = random_efg(rng)
            outcome, value = timed(args.case_seconds, lambda text=text: ng.GameTree.from_efg(text))
            label = {"ok": "ok", "error": "clean error"}.get(outcome, outcome)
            note(family, label, f"{text[:80]!r}: {type(value).__name__} {str(value)[:150]}")
        else:
            text = random_nfg(rng)
            outcome, value = timed(args.case_seconds, lambda text=text: ng.Game.from_nfg(text))
            label = {"ok": "ok", "error": "clean error"}.get(outcome, outcome)
            note(family, label, f"{text[:80]!r}: {type(value).__name__} {str(value)[:150]}")

    total = Counter()
    for (family, outcome), n in sorted(counts.items()):
        print(f"{family:10s} {outcome:24s} {n:6d}")
        total[outcome] += n
    print("total     ", ", ".join(f"{o}: {n}" for o, n in sorted(total.items())))
    for outcome, shown in examples.items():
        print(f"\n{outcome}:")
        for line in shown:
            print("  ", line)
    bad = sum(
        n
        for o, n in total.items()
        if o in ("crash", "hang", "silent change", "error without a line")
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
