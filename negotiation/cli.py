"""The ``negotiation`` command: list, show and solve scenarios, and run the London demo.

Subcommands
-----------
``negotiation scenarios``
    The built-in scenarios with one-line descriptions.
``negotiation show NAME_OR_FILE [--set name=value ...]``
    Parties, issues, parameters with values and sources, bundles, payoff table.
``negotiation solve NAME_OR_FILE [--set name=value ...] [--exact] [--method M] [--json]``
    The equilibria as a labelled table (or JSON), and for each pure equilibrium
    the condition on the parameters under which it stays an equilibrium.
``negotiation demo [--figures DIR]``
    The London framework analysis: parameters and sources, payoffs,
    dominance, equilibria, conditions, and what changed since Geneva; with
    ``--figures`` also its figures, written into DIR.
``negotiation plot NAME_OR_FILE KIND -o FILE [--set name=value ...]``
    One picture of a scenario (``game``, ``regions``, ``tree``, ``timeline``,
    ...; see ``negotiation plot --help``) written to FILE (png, pdf or svg).
``negotiation app NAME_OR_FILE [--port N] [--plot KIND] [--param NAME ...] [--open]``
    The scenario's sliders, equilibria and picture as a web page on
    ``http://127.0.0.1:N/``, with no code (needs the ``app`` extra); Ctrl-C stops it.
``negotiation notebooks DIR [--force]``
    Copy the eight classroom notebooks into DIR.

``--set name=value`` changes a parameter's value (``0.55`` and ``11/20`` are
read exactly); the parameter stays a parameter, so conditions are still shown
in terms of it. Bad input exits with status 2 and one line on stderr.

JSON schema of ``solve --json``: an object with ``scenario``, ``title``,
``players`` (two names), ``strategies`` (two lists of labels),
``status_quo_profile``, ``parameters`` (name -> ``{"value": "11/20", "set":
bool, "unit", "source", "stylised"}``), ``payoffs`` (``{"row": [[float]],
"col": [[float]]}``), ``method``, ``exact`` and ``equilibria``: a list of
objects with ``row`` and ``col`` (label -> probability, floats), ``payoffs``
(two floats), ``pure`` (bool), ``profile`` (two labels or null) and
``condition`` (text, or null for a mixed equilibrium); with ``--exact`` also
``row_exact``, ``col_exact`` and ``payoffs_exact`` as exact strings such as
``"1/3"``. A scenario with three or more parties has one name and one list of
labels per party in ``players`` and ``strategies``; ``payoffs`` maps each
player's name to a nested list with one axis per player; each equilibrium has
``strategies`` (one label -> probability object per player, and with
``--exact`` ``strategies_exact``) in place of ``row`` and ``col``, and one
payoff and one profile label per player. Its default method is
``support_enumeration``; ``vertex_enumeration`` and ``lemke_howson`` are
two-player methods.

To add a subcommand, write ``_add_NAME(subparsers)`` that registers its parser
and sets ``handler``, and append it to :data:`COMMANDS`.

Examples
--------
>>> from negotiation.cli import main
>>> main(["solve", "tariff_dilemma"])  # doctest: +ELLIPSIS
The tariff dilemma (textbook prisoner's dilemma)
...
1   Escalate   Escalate   -30, -70
...
0
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import sympy as sp

from negotiation.display import fmt, text_table
from negotiation.errors import NegotiationError, ScenarioError, UnknownLabelError
from negotiation.scenarios import Scenario, diff, load, scenarios
from negotiation.scenarios.values import exact_number
from negotiation.symbolic import tidy_condition

__all__ = ["COMMANDS", "build_parser", "main", "tidy_condition"]

EXIT_OK = 0
EXIT_USAGE = 2


class _UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (and exit status 2) via :func:`main`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{message} (see '{self.prog} --help')")


# ---------------------------------------------------------------------- helpers
def _condition_text(condition: sp.Basic) -> str:
    if condition is sp.true:
        return "always (no parameter can break it)"
    if condition is sp.false:
        return "never"
    tidy = tidy_condition(condition)
    parts = tidy.args if isinstance(tidy, sp.And) else (tidy,)
    return " and ".join(str(p) for p in parts)


def _scenario_with_values(name: str, settings: Sequence[str] | None) -> tuple[Scenario, set[str]]:
    scenario = load(name)
    values: dict[str, Any] = {}
    known = [s.name for s in scenario.parameters]
    for item in settings or ():
        if "=" not in item:
            raise _UsageError(f"--set needs name=value (e.g. --set m=2), got {item!r}")
        key, _, text = item.partition("=")
        key, text = key.strip(), text.strip()
        if key not in known:
            listed = ", ".join(known) or "none"
            raise _UsageError(
                f"--set {key}: {scenario.name} has no parameter {key!r}; its parameters are: "
                f"{listed}"
            )
        try:
            values[key] = exact_number(text, f"the value of {key}")
        except ScenarioError:
            raise _UsageError(
                f"--set {key}={text}: {text!r} is not a number (write e.g. {key}=0.5 or {key}=1/3)"
            ) from None
    return (scenario.with_defaults(values) if values else scenario), set(values)


def _float(value: Any) -> float:
    return float(value)


# ---------------------------------------------------------------------- scenarios
def _add_scenarios(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "scenarios",
        help="list the built-in scenarios",
        description="List the built-in scenarios with their dates and one-line descriptions.",
    )
    p.set_defaults(handler=_run_scenarios)


def _run_scenarios(args: argparse.Namespace, out: TextIO) -> int:
    rows = []
    for name in scenarios():
        s = load(name)
        rows.append([name, s.date.isoformat() if s.date else "-", s.title])
    print(text_table(["name", "date", "title"], rows), file=out)
    print("\nShow one with: negotiation show NAME; solve it with: negotiation solve NAME", file=out)
    return EXIT_OK


# ---------------------------------------------------------------------- show
def _add_set_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        default=[],
        help="change a parameter's value (repeatable); decimals and fractions are exact",
    )


def _add_show(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "show",
        help="describe a scenario: parties, issues, parameters, payoffs",
        description="Describe a scenario: parties, issues and levels with sources, "
        "parameters with values and sources, bundles and the payoff table.",
    )
    p.add_argument("scenario", metavar="NAME_OR_FILE", help="a built-in name or a .toml file")
    _add_set_option(p)
    p.set_defaults(handler=_run_show)


def _run_show(args: argparse.Namespace, out: TextIO) -> int:
    scenario, changed = _scenario_with_values(args.scenario, args.set)
    print(scenario.summary(), file=out)
    if changed:
        print("\nSet on the command line: " + ", ".join(sorted(changed)), file=out)
    return EXIT_OK


# ---------------------------------------------------------------------- solve
def _add_solve(subparsers: Any) -> None:
    from negotiation.games.normal_form import Game

    p = subparsers.add_parser(
        "solve",
        help="find a scenario's Nash equilibria",
        description="Find the Nash equilibria of a scenario's game at its parameter values, "
        "with the parameter conditions for each pure equilibrium.",
    )
    p.add_argument("scenario", metavar="NAME_OR_FILE", help="a built-in name or a .toml file")
    _add_set_option(p)
    p.add_argument("--exact", action="store_true", help="exact rational probabilities")
    p.add_argument(
        "--method",
        choices=Game.methods,
        default=None,
        help="equilibrium algorithm (default: vertex_enumeration, every extreme equilibrium, "
        "for two parties; support_enumeration for three or more)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.set_defaults(handler=_run_solve)


def _solution(scenario: Scenario, method: str | None, exact: bool) -> dict[str, Any]:
    game = scenario.game()
    if game.n_players != 2:
        return _solution_nplayer(scenario, method or "support_enumeration", exact)
    method = method or "vertex_enumeration"
    symbolic = scenario.game(symbolic=True)
    equilibria = game.equilibria(method, exact=exact)
    rows, cols = game.strategies
    found = []
    for eq in equilibria:
        item: dict[str, Any] = {
            "row": {s: _float(p) for s, p in zip(rows, eq.row, strict=True)},
            "col": {s: _float(p) for s, p in zip(cols, eq.col, strict=True)},
            "payoffs": [_float(eq.payoffs[0]), _float(eq.payoffs[1])],
            "pure": eq.is_pure,
            "profile": list(eq.profile) if eq.is_pure else None,
            "condition": (
                _condition_text(symbolic.equilibrium_conditions(eq.profile)) if eq.is_pure else None
            ),
        }
        if exact:
            item["row_exact"] = {s: str(p) for s, p in zip(rows, eq.row, strict=True)}
            item["col_exact"] = {s: str(p) for s, p in zip(cols, eq.col, strict=True)}
            item["payoffs_exact"] = [str(eq.payoffs[0]), str(eq.payoffs[1])]
        found.append(item)
    return {
        "scenario": scenario.name,
        "title": scenario.title,
        "players": list(game.players),
        "strategies": [list(rows), list(cols)],
        "status_quo_profile": list(scenario.status_quo_profile or ()),
        "method": method,
        "exact": exact,
        "payoffs": {
            "row": [[_float(v) for v in game.row_payoffs.row(i)] for i in range(game.shape[0])],
            "col": [[_float(v) for v in game.col_payoffs.row(i)] for i in range(game.shape[0])],
        },
        "equilibria": found,
    }


def _solution_nplayer(scenario: Scenario, method: str, exact: bool) -> dict[str, Any]:
    """:func:`_solution` for three or more players: one entry per player, not row and col."""
    game = scenario.game()
    symbolic = scenario.game(symbolic=True)
    found = []
    for eq in game.equilibria(method, exact=exact):
        item: dict[str, Any] = {
            "strategies": [
                {s: _float(p) for s, p in zip(labels, v, strict=True)}
                for labels, v in zip(game.strategies, eq.strategies, strict=True)
            ],
            "payoffs": [_float(v) for v in eq.payoffs],
            "pure": eq.is_pure,
            "profile": list(eq.profile) if eq.is_pure else None,
            "condition": (
                _condition_text(symbolic.equilibrium_conditions(eq.profile)) if eq.is_pure else None
            ),
        }
        if exact:
            item["strategies_exact"] = [
                {s: str(p) for s, p in zip(labels, v, strict=True)}
                for labels, v in zip(game.strategies, eq.strategies, strict=True)
            ]
            item["payoffs_exact"] = [str(v) for v in eq.payoffs]
        found.append(item)
    return {
        "scenario": scenario.name,
        "title": scenario.title,
        "players": list(game.players),
        "strategies": [list(labels) for labels in game.strategies],
        "status_quo_profile": list(scenario.status_quo_profile or ()),
        "method": method,
        "exact": exact,
        "payoffs": {
            player: np.array(u.tolist(), dtype=object).astype(float).tolist()
            for player, u in zip(game.players, game.payoffs, strict=True)
        },
        "equilibria": found,
    }


def _strategy_text(probabilities: dict[str, Any]) -> str:
    played = {s: p for s, p in probabilities.items() if p not in (0, 0.0, "0")}
    if len(played) == 1:
        return next(iter(played))
    return ", ".join(f"{s}: {fmt(p)}" for s, p in played.items())


def _equilibria_lines(solution: dict[str, Any]) -> list[str]:
    players = solution["players"]
    exact = solution["exact"]
    rows = []
    for k, eq in enumerate(solution["equilibria"], start=1):
        if "strategies" in eq:
            mixes = eq["strategies_exact"] if exact else eq["strategies"]
        else:
            mixes = [eq["row_exact"], eq["col_exact"]] if exact else [eq["row"], eq["col"]]
        pay = eq["payoffs_exact"] if exact else [fmt(v) for v in eq["payoffs"]]
        rows.append([str(k), *(_strategy_text(mix) for mix in mixes), ", ".join(pay)])
    kind = "exact" if exact else "floating point"
    lines = [f"Nash equilibria ({solution['method']}, {kind}):"]
    if not rows:
        lines.append("  none found by this method")
    else:
        table = text_table(["#", *players, "payoffs"], rows)
        lines += ["  " + line for line in table.splitlines()]
    pure = [eq for eq in solution["equilibria"] if eq["pure"]]
    if pure:
        lines += ["", "Conditions on the parameters for each pure equilibrium:"]
        for eq in pure:
            lines.append(f"  ({', '.join(eq['profile'])}): {eq['condition']}")
    return lines


def _run_solve(args: argparse.Namespace, out: TextIO) -> int:
    scenario, changed = _scenario_with_values(args.scenario, args.set)
    solution = _solution(scenario, args.method, args.exact)
    if args.json:
        solution["parameters"] = {
            p.name: {
                "value": str(p.default),
                "set": p.name in changed,
                "unit": p.unit,
                "source": p.source,
                "stylised": p.stylised,
            }
            for p in sorted(scenario.parameter_info, key=lambda p: p.name)
        }
        print(json.dumps(solution, indent=2), file=out)
        return EXIT_OK
    game = scenario.game()
    lines = [scenario.title or scenario.name]
    if changed:
        lines.append(
            "Set: " + ", ".join(f"{n} = {scenario.parameter(n).default}" for n in sorted(changed))
        )
    lines += ["", f"Payoffs in {scenario.payoff_unit or 'payoff units'}:"]
    lines += ["  " + line if line else "" for line in str(game).splitlines()[1:]]
    lines += ["", *_equilibria_lines(solution)]
    print("\n".join(lines), file=out)
    return EXIT_OK


# ---------------------------------------------------------------------- demo
def _add_demo(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "demo",
        help="the London framework analysis, start to finish",
        description="Run the London framework analysis: parameters with sources, payoff "
        "table, dominance, equilibria, pure-equilibrium conditions, and the changes since "
        "Geneva.",
    )
    p.add_argument(
        "--figures", metavar="DIR", type=Path, default=None, help="a folder for the figures"
    )
    p.set_defaults(handler=_run_demo)


def _run_demo(args: argparse.Namespace, out: TextIO) -> int:
    london = load("london_framework")
    game = london.game()
    symbolic = london.game(symbolic=True)

    def say(*lines: str) -> None:
        print("\n".join(lines), file=out)

    rule = "=" * 78
    say(rule, london.title, rule, london.description.strip(), "")
    say("Parameters (every payoff number is stylised; its rationale and sources):")
    for p in london.parameter_info:
        say(f"  {p.name} = {p.default}: {p.description}", f"      source: {p.source}")
    say("", f"Payoffs at the default values in {london.payoff_unit}, US first:")
    say(*("  " + line for line in str(game).splitlines()[1:]))
    say("", "Payoff formulas (US; China) for each profile:")
    for r in game.strategies[0]:
        for c in game.strategies[1]:
            say(f"  ({r}, {c}): {london.payoff((r, c), 0)};  {london.payoff((r, c), 1)}")
    say("", "Dominance:")
    say(*(f"  {d}" for d in game.dominated_strategies()))
    say("")
    solution = _solution(london, "vertex_enumeration", True)
    say(*_equilibria_lines(solution))
    deal = ("L", "D")
    sq = london.status_quo_profile
    assert sq is not None  # a Scenario always settles its status quo profile
    i, j = game.index(0, deal[0]), game.index(1, deal[1])
    k, m = game.index(0, sq[0]), game.index(1, sq[1])
    say(
        "",
        f"The status quo ({sq[0]}, {sq[1]}) pays ({game.row_payoffs[k, m]}, "
        f"{game.col_payoffs[k, m]}); the London deal ({deal[0]}, {deal[1]}) pays "
        f"({game.row_payoffs[i, j]}, {game.col_payoffs[i, j]}), better for both.",
        f"The deal would be a one-shot equilibrium only if: "
        f"{_condition_text(symbolic.equilibrium_conditions(deal))}",
        "so it has to be enforced by repetition (90-day clocks) or hostages (six-month licences).",
    )
    change = diff(load("geneva_consensus"), london)
    say(
        "",
        "From Geneva to London:",
        "  issues added: " + ", ".join(change.issues_added),
        *(f"  issue changed: {c}" for c in change.issues_changed),
        "  issues unchanged: " + ", ".join(change.issues_unchanged),
    )
    if args.figures is not None:
        from negotiation.plotting.figures import demo_figures

        written = demo_figures(london, args.figures)
        say("", f"Figures written to {args.figures.resolve()}:", *(f"  {p.name}" for p in written))
    return EXIT_OK


# ---------------------------------------------------------------------- plot
def _add_plot(subparsers: Any) -> None:
    from negotiation.plotting.figures import KINDS

    p = subparsers.add_parser(
        "plot",
        help="draw a picture of a scenario into a file",
        description="Draw one picture of a scenario at its parameter values and write it to "
        "a file (png, pdf or svg). Pictures: "
        + "; ".join(f"{kind}: {text}" for kind, text in KINDS.items())
        + ".",
    )
    p.add_argument("scenario", metavar="NAME_OR_FILE", help="a built-in name or a .toml file")
    p.add_argument("kind", metavar="KIND", choices=list(KINDS), help=", ".join(KINDS))
    p.add_argument(
        "-o", "--output", metavar="FILE", type=Path, required=True, help="png, pdf or svg file"
    )
    _add_set_option(p)
    p.add_argument("--first", metavar="PLAYER", help="tree: who moves first (default: row)")
    p.add_argument("--x", metavar="NAME", help="regions: the parameter across")
    p.add_argument("--y", metavar="NAME", help="regions: the parameter up")
    p.set_defaults(handler=_run_plot)


def _run_plot(args: argparse.Namespace, out: TextIO) -> int:
    from negotiation.plotting.figures import draw, save_figure

    scenario, _ = _scenario_with_values(args.scenario, args.set)
    ax = draw(scenario, args.kind, first=args.first, x=args.x, y=args.y)
    print(f"Wrote {save_figure(ax, args.output)}", file=out)
    return EXIT_OK


# ---------------------------------------------------------------------- classroom: app, notebooks
def _add_app(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "app",
        help="serve a scenario's sliders and equilibria as a web page (no code)",
        description="Serve a scenario's dashboard (sliders, equilibria, picture) as a web page "
        "on http://127.0.0.1:PORT/ for students who do not write code. Needs the app extra: "
        'pip install "negotiation[app]". Ctrl-C stops it.',
    )
    p.add_argument("scenario", metavar="NAME_OR_FILE", help="a built-in scenario or a .toml file")
    p.add_argument("--port", type=int, default=8866, help="the local port (default 8866)")
    p.add_argument(
        "--plot",
        default="auto",
        choices=("auto", "game", "best_responses", "regions", "none"),
        help="the starting picture (default: auto)",
    )
    p.add_argument(
        "--param", action="append", metavar="NAME", help="show a slider only for NAME (repeat)"
    )
    p.add_argument("--open", action="store_true", help="open the page in the web browser")
    p.set_defaults(handler=_run_app)


def _run_app(args: argparse.Namespace, out: TextIO) -> int:
    from negotiation.app import serve

    return serve(
        args.scenario,
        port=args.port,
        plot=args.plot,
        params=args.param,
        open_browser=args.open,
        out=out,
    )


def _add_notebooks(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "notebooks",
        help="copy the classroom notebooks into a folder",
        description="Copy the eight classroom notebooks into DIR (created if needed).",
    )
    p.add_argument("folder", metavar="DIR", type=Path)
    p.add_argument("--force", action="store_true", help="overwrite notebooks already in DIR")
    p.set_defaults(handler=_run_notebooks)


def _run_notebooks(args: argparse.Namespace, out: TextIO) -> int:
    from negotiation.classroom import copy_notebooks

    copies = copy_notebooks(args.folder, overwrite=args.force)
    for path in copies:
        print(path, file=out)
    print(f"\nOpen them with: jupyter lab {args.folder}", file=out)
    return EXIT_OK


# ---------------------------------------------------------------------- entry point
#: The subcommands, in the order shown by ``negotiation --help``.
COMMANDS: list[Callable[[Any], None]] = [
    _add_scenarios,
    _add_show,
    _add_solve,
    _add_demo,
    _add_plot,
    _add_app,
    _add_notebooks,
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand in :data:`COMMANDS`."""
    parser = _Parser(
        prog="negotiation",
        description="Game-theoretic models of international negotiations: scenarios, "
        "equilibria and the 2025 US-China London framework.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 success, 2 bad input).

    Parameters
    ----------
    argv
        The arguments after the program name; ``sys.argv[1:]`` by default.
    """
    out, err = sys.stdout, sys.stderr
    try:
        args = build_parser().parse_args(argv)
        return int(args.handler(args, out))
    except _UsageError as error:
        message = str(error)
    except SystemExit as exit_:  # --help and --version
        return int(exit_.code or 0)
    except UnknownLabelError as error:
        message = str(error)
    except NegotiationError as error:
        message = str(error)
    except BrokenPipeError:
        # The reader went away (e.g. `negotiation solve ... --json | head`): stop quietly.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return 0
    print("negotiation: error: " + " ".join(message.split()), file=err)
    return EXIT_USAGE
