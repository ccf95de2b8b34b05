"""The ``negotiation`` command: list, show, solve and sweep scenarios, and run the London demo.

Subcommands
-----------
``negotiation scenarios``
    The built-in scenarios with one-line descriptions.
``negotiation show NAME_OR_FILE [--set name=value ...] [--strict]``
    Parties, issues, parameters with values and sources, bundles, payoff table.
``negotiation solve NAME_OR_FILE [--set name=value ...] [--exact] [--method M] [--json]``
    The equilibria as a labelled table (or JSON), and for each pure equilibrium
    the condition on the parameters under which it stays an equilibrium.
    When the payoffs are rational the table shows fractions (``1/3``, not
    ``0.3333``), each checked exactly to be an equilibrium.
``negotiation sweep NAME_OR_FILE --grid m=50 --grid delta=0.5:0.99:40 -o out.csv [--plot map.png]``
    The equilibria at every point of a grid (or ``--samples N`` Monte Carlo
    draws over the declared ranges), written as a tidy table (``.csv`` or
    ``.parquet``), with the regime map of a two-parameter grid; see
    :mod:`negotiation.cli_sweep`.
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
    Copy the classroom notebooks into DIR.

``--set name=value`` changes a parameter's value (``0.55`` and ``11/20`` are
read exactly); the parameter stays a parameter, so conditions are still shown
in terms of it. Each parameter may be set once. A value outside the
parameter's declared range prints a warning naming the range; with
``--strict`` it is an error.

Exit status: 0 success; 1 the environment failed (a file that cannot be
written, a full disk, standard output closed early); 2 bad input; 130
interrupted (Ctrl-C). Every failure is one line on stderr, never a traceback.
Files are written whole or not at all (a temporary file in the same folder,
then renamed), and no folder is created that the command line did not name.

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
and sets ``handler``, and append it to :data:`COMMANDS`. Keep heavy imports
(sympy, numpy, the models) inside the handlers, so that ``negotiation --help``
stays fast.

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
import difflib
import json
import os
import re
import sys
import tempfile
import warnings
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import sympy as sp

    from negotiation.games.normal_form import Equilibrium, Game
    from negotiation.scenarios import Scenario
    from negotiation.symbolic import tidy_condition

__all__ = [
    "COMMANDS",
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "add_set_option",
    "build_parser",
    "check_new_folder",
    "check_number_text",
    "check_output",
    "closest",
    "main",
    "parse_settings",
    "save_axes",
    "scenario_with_values",
    "tidy_condition",
    "write_atomically",
]

EXIT_OK = 0
#: The environment failed: a file or stream that cannot be written.
EXIT_FAILURE = 1
EXIT_USAGE = 2
#: Ctrl-C (128 + SIGINT, as a shell reports it).
EXIT_INTERRUPTED = 130


def __getattr__(name: str) -> Any:
    # tidy_condition is re-exported for the docs; importing it needs sympy, so on demand.
    if name == "tidy_condition":
        from negotiation.symbolic import tidy_condition

        return tidy_condition
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (and exit status 2) via :func:`main`.

    A subcommand whose help needs heavy imports sets ``describe`` (a function
    returning the description), which is called only when the help is shown.
    """

    describe: Callable[[], str] | None = None

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def print_help(self, file: Any = None) -> None:
        # argparse drops an OSError here (help lost, exit 0); let main() report it
        (file or sys.stdout).write(self.format_help())

    def format_help(self) -> str:
        if self.describe is not None:
            self.description = self.describe()
        return super().format_help()


# ---------------------------------------------------------------------- helpers
def _condition_text(condition: sp.Basic) -> str:
    import sympy as sp

    from negotiation.symbolic import tidy_condition

    if condition is sp.true:
        return "always (no parameter can break it)"
    if condition is sp.false:
        return "never"
    tidy = tidy_condition(condition)
    parts = tidy.args if isinstance(tidy, sp.And) else (tidy,)
    return " and ".join(str(p) for p in parts)


def closest(name: str, known: Sequence[str]) -> str:
    """`` (did you mean a or b?)`` for the known names closest to ``name``, or ``""``."""
    near = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    if not near:
        return ""
    return " (did you mean " + " or ".join(near) + "?)"


#: Longest number text and largest decimal exponent read from the command line.
MAX_NUMBER_TEXT = 80
MAX_EXPONENT = 400


def check_number_text(text: str, where: str) -> str:
    """Refuse number text whose exact value would take unbounded work (``1e-999999999``).

    At most :data:`MAX_NUMBER_TEXT` characters and a decimal exponent of at
    most :data:`MAX_EXPONENT` in size; checked before the text is converted.
    """
    if len(text) > MAX_NUMBER_TEXT:
        raise UsageError(
            f"{where}: the number has {len(text)} characters; give at most {MAX_NUMBER_TEXT}"
        )
    exponent = re.search(r"[eE]\s*([+-]?\d+)", text)
    if exponent and abs(int(exponent.group(1))) > MAX_EXPONENT:
        raise UsageError(
            f"{where}: {text!r} is not a number this command reads (exponents up to "
            f"{MAX_EXPONENT} in size); write e.g. 0.5 or 1/3"
        )
    return text


def parse_settings(settings: Sequence[str] | None, option: str = "--set") -> dict[str, str]:
    """``["m=2", "t = 1/3"]`` as ``{"m": "2", "t": "1/3"}``; a :class:`UsageError` for bad items.

    Each name may appear once: a repeated name is an error (which of two
    values was meant cannot be guessed).
    """
    texts: dict[str, str] = {}
    for item in settings or ():
        if "=" not in item:
            raise UsageError(f"{option} needs name=value (e.g. {option} m=2), got {item!r}")
        key, _, text = item.partition("=")
        key, text = key.strip(), text.strip()
        if not key:
            raise UsageError(f"{option} {item!r} has no name before '='; write e.g. m=2")
        if key in texts:
            raise UsageError(
                f"{option} {key} is given twice ({key}={texts[key]}, then {key}={text}); "
                f"give each parameter once"
            )
        texts[key] = text
    return texts


def scenario_with_values(
    name: str, settings: Sequence[str] | None, strict: bool = False
) -> tuple[Scenario, set[str]]:
    """The scenario ``name`` with the ``--set`` values, and the names that were set."""
    from negotiation.errors import ParameterRangeWarning, ScenarioError
    from negotiation.scenarios import load
    from negotiation.scenarios.values import check_ranges, exact_number

    texts = parse_settings(settings)
    scenario = load(name)
    values: dict[str, Any] = {}
    known = sorted(p.name for p in scenario.parameter_info)
    for key, text in texts.items():
        if key not in known:
            listed = ", ".join(known) or "none"
            raise UsageError(
                f"--set {key}: {scenario.name} has no parameter {key!r}; its parameters are: "
                f"{listed}{closest(key, known)}"
            )
        check_number_text(text, f"--set {key}={text}")
        try:
            values[key] = exact_number(text, f"the value of {key}")
        except ScenarioError:
            raise UsageError(
                f"--set {key}={text}: {text!r} is not a number (write e.g. {key}=0.5 or {key}=1/3)"
            ) from None
    if values:
        # one warning (or error, --strict) per value outside its range, worded for --set
        check_ranges(scenario, values, strict=strict, source="--set")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ParameterRangeWarning)
            scenario = scenario.with_defaults(values)
    return scenario, set(values)


def _float(value: Any) -> float:
    return float(value)


# ---------------------------------------------------------------------- files
def check_output(path: Path, suffixes: Sequence[str], what: str) -> Path:
    """Check, before any work, a file the command will write; a :class:`UsageError` if not.

    The suffix must be one of ``suffixes`` (e.g. ``(".csv", ".parquet")``),
    the folder must exist (the command line never creates one the user did
    not ask for) and be writable, and the path must not be a folder.
    """
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        shown = repr(path.suffix) if path.suffix else "no suffix"
        raise UsageError(
            f"{what} {path}: cannot write a file with {shown}; use one of the suffixes "
            + ", ".join(suffixes)
        )
    folder = path.parent
    if not folder.is_dir():
        why = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(
            f"{what} {path}: the folder {folder} {why}; create it first, or write elsewhere"
        )
    if path.is_dir():
        raise UsageError(f"{what} {path} is a folder; give a file name, e.g. {path / 'out'}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{what} {path}: the folder {folder} is not writable")
    return path


def check_new_folder(path: Path, what: str) -> Path:
    """A folder the command may create: its parent must exist (no parents are created)."""
    parent = path.parent
    if not path.is_dir() and not parent.is_dir():
        raise UsageError(
            f"{what} {path}: the folder {parent} does not exist; create it first, or give a "
            "folder inside an existing one"
        )
    return path


def _new_file_mode(path: Path) -> int:
    if path.exists():
        return path.stat().st_mode & 0o7777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Write ``path`` whole or not at all: ``write(temporary)`` in the same folder, then rename.

    The temporary file has the same suffix (writers that read the format
    from it still work). On any failure, Ctrl-C included, it is removed and
    an existing ``path`` is left untouched.
    """
    mode = _new_file_mode(path)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent
        )
    except OSError as error:  # name the file asked for, not the temporary one
        raise OSError(error.errno, error.strerror, str(path)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OSError(error.errno, error.strerror, str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return path


# ---------------------------------------------------------------------- scenarios
def _add_scenarios(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "scenarios",
        help="list the built-in scenarios",
        description="List the built-in scenarios with their dates and one-line descriptions.",
    )
    p.set_defaults(handler=_run_scenarios)


def _run_scenarios(args: argparse.Namespace, out: TextIO) -> int:
    from negotiation.display import text_table
    from negotiation.scenarios import load, scenarios

    rows = []
    for name in scenarios():
        s = load(name)
        rows.append([name, s.date.isoformat() if s.date else "-", s.title])
    print(text_table(["name", "date", "title"], rows), file=out)
    print("\nShow one with: negotiation show NAME; solve it with: negotiation solve NAME", file=out)
    return EXIT_OK


# ---------------------------------------------------------------------- show
def add_set_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        default=[],
        help="change a parameter's value (repeatable, once per parameter); decimals and "
        "fractions are exact",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="a value outside a parameter's declared range is an error, not a warning",
    )


def _add_show(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "show",
        help="describe a scenario: parties, issues, parameters, payoffs",
        description="Describe a scenario: parties, issues and levels with sources, "
        "parameters with values and sources, bundles and the payoff table.",
    )
    p.add_argument("scenario", metavar="NAME_OR_FILE", help="a built-in name or a .toml file")
    add_set_option(p)
    p.set_defaults(handler=_run_show)


def _run_show(args: argparse.Namespace, out: TextIO) -> int:
    scenario, changed = scenario_with_values(args.scenario, args.set, args.strict)
    print(scenario.summary(), file=out)
    if changed:
        print("\nSet on the command line: " + ", ".join(sorted(changed)), file=out)
    return EXIT_OK


# ---------------------------------------------------------------------- solve
def _describe_solve() -> str:
    from negotiation.games.normal_form import Game

    return (
        "Find the Nash equilibria of a scenario's game at its parameter values, with the "
        "parameter conditions for each pure equilibrium. Methods: " + ", ".join(Game.methods) + "."
    )


def _add_solve(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "solve",
        help="find a scenario's Nash equilibria",
        description="Find the Nash equilibria of a scenario's game at its parameter values, "
        "with the parameter conditions for each pure equilibrium.",
    )
    p.describe = _describe_solve
    p.add_argument("scenario", metavar="NAME_OR_FILE", help="a built-in name or a .toml file")
    add_set_option(p)
    p.add_argument("--exact", action="store_true", help="exact rational probabilities")
    p.add_argument(
        "--method",
        metavar="METHOD",
        default=None,
        help="equilibrium algorithm, one of the methods above (default: vertex_enumeration, "
        "every extreme equilibrium, for two parties; support_enumeration for three or more)",
    )
    p.add_argument(
        "--max-vertices",
        metavar="N",
        type=_work_bound("--max-vertices"),
        default=_DEFAULT_BOUND,
        help="the work bound of vertex enumeration: the most polytope vertices it may visit "
        "(default 1000000, about a minute; 'none' for no bound)",
    )
    p.add_argument(
        "--max-supports",
        metavar="N",
        type=_work_bound("--max-supports"),
        default=_DEFAULT_BOUND,
        help="the work bound of support enumeration: the most support profiles it may "
        "examine (default 20000 support pairs for two parties, 1000 support profiles for "
        "three or more or with --exact; 'none' for no bound)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.set_defaults(handler=_run_solve)


_DEFAULT_BOUND = object()  # --max-vertices / --max-supports not given: the solver's default


def _work_bound(flag: str) -> Callable[[str], int | None]:
    """The parser of ``flag``: a positive whole number, or ``none`` for no bound."""

    def parse(text: str) -> int | None:
        if text.strip().lower() == "none":
            return None
        try:
            value = int(text.replace("_", "").replace(",", ""))
        except ValueError:
            value = 0
        if value <= 0 or len(text) > 20:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a positive whole number: give e.g. {flag} 3000000, or "
                f"{flag} none for no bound"
            )
        return value

    return parse


#: Each work-bound flag: the keyword of ``Game.equilibria`` and the work it bounds.
_BOUNDS = {"max_vertices": "vertex enumeration", "max_supports": "support enumeration"}


def _bound_options(game: Any, method: str, bounds: Mapping[str, object]) -> dict[str, Any]:
    """The work-bound keywords for ``game.equilibria`` from the command line, checked."""
    from negotiation.solvers import SOLVERS, methods_taking, solver_for

    solver = solver_for(method, game.n_players)
    options: dict[str, Any] = {}
    for option, value in bounds.items():
        if value is _DEFAULT_BOUND or solver is None:  # no solver: Game.equilibria says why
            continue
        flag = "--" + option.replace("_", "-")
        if option not in solver.options:
            usable = [m for m in methods_taking(option) if SOLVERS[m].accepts(game.n_players)]
            raise UsageError(
                f"{flag} bounds {_BOUNDS[option]}, which --method {method} on this "
                f"{game.n_players}-party game does not use: drop it"
                + (", or use --method " + " or --method ".join(usable) if usable else "")
            )
        options[option] = value
    return options


def _equilibria(game: Any, method: str, exact: bool, bounds: Mapping[str, object]) -> Any:
    """``game.equilibria`` with the command line's work bounds, a refusal in the CLI's terms."""
    from negotiation.errors import WorkLimitError

    try:
        return game.equilibria(method, exact=exact, **_bound_options(game, method, bounds))
    except WorkLimitError as err:
        shape = " x ".join(str(n) for n in game.shape)
        flag = "--" + err.option.replace("_", "-")
        if err.suggested is None:  # no limit admits it in reasonable time
            raise UsageError(
                f"support enumeration of this {shape} game needs a system of polynomial "
                f"equations with up to {err.bound:,} solutions (Bezout's bound), beyond what "
                "exact solving does in reasonable time; for one equilibrium use --method logit, "
                f"or {flag} none to try anyway (it may run for hours)"
            ) from None
        if err.option == "max_vertices":
            what = f"vertex enumeration of this {shape} game may visit up to {err.bound:,} vertices"
            faster = "for one equilibrium use --method lemke_howson or --method logit"
        else:
            what = (
                f"support enumeration of this {shape} game would examine {err.bound:,} "
                "support profiles"
            )
            faster = (
                "every extreme equilibrium comes faster from --method vertex_enumeration"
                if game.n_players == 2
                else "for one equilibrium use --method logit"
            )
        raise UsageError(
            f"{what}, beyond its work bound; {faster}, or raise the bound if you can wait: "
            f"{flag} {err.suggested} (or {flag} none)"
        ) from None


def _check_method(method: str | None) -> None:
    from negotiation.games.normal_form import Game

    if method is not None and method not in Game.methods:
        choices = ", ".join(repr(m) for m in Game.methods)
        raise UsageError(
            f"argument --method: invalid choice: {method!r} (choose from {choices})"
            f"{closest(method, Game.methods)}"
        )


def _rational_tables(game: Game) -> list[Any] | None:
    """The payoff arrays as arrays of :class:`fractions.Fraction`, or None if one is not rational."""
    import numpy as np

    from negotiation.solvers.tables import flat_entries

    tables = []
    for u in game.payoffs:
        entries = flat_entries(u)
        if not all(getattr(e, "is_Rational", False) for e in entries):
            return None
        flat = np.array([Fraction(int(e.p), int(e.q)) for e in entries], dtype=object)
        tables.append(flat.reshape(game.shape))
    return tables


def _as_fractions(eq: Equilibrium, tables: list[Any]) -> tuple[list[str], ...] | None:
    """A float equilibrium of a rational game as fractions, if they are exactly an equilibrium.

    Each probability is rounded to the nearest fraction with a denominator up
    to 10**6; the rounded profile is accepted only if every strategy played
    is an exact best response to the others. Returns the probabilities (one
    list per player) and the payoffs as text, or None.
    """
    import numpy as np

    mixes = []
    for vector in eq.strategies:
        mix = [Fraction(float(p)).limit_denominator(10**6) for p in vector]
        if sum(mix) != 1 or min(mix) < 0:
            return None
        mixes.append(mix)
    payoffs = []
    for p, u in enumerate(tables):
        values = u
        for q in reversed(range(len(tables))):
            if q != p:
                values = np.tensordot(values, np.array(mixes[q], dtype=object), axes=([q], [0]))
        best = max(values)
        if any(w > 0 and v != best for w, v in zip(mixes[p], values, strict=True)):
            return None
        payoffs.append(best)
    return *([str(w) for w in mix] for mix in mixes), [str(v) for v in payoffs]


def _solution(
    scenario: Scenario,
    method: str | None,
    exact: bool,
    fractions: bool = False,
    bounds: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """The equilibria as plain data; with ``fractions``, each float one also as ``shown`` text.

    ``bounds`` holds ``--max-vertices`` and ``--max-supports`` (the solvers'
    defaults when not given).
    """
    bounds = bounds or {}
    game = scenario.game()
    if game.n_players != 2:
        return _solution_nplayer(
            scenario, method or "support_enumeration", exact, fractions, bounds
        )
    method = method or "vertex_enumeration"
    symbolic = scenario.game(symbolic=True)
    equilibria = _equilibria(game, method, exact, bounds)
    tables = _rational_tables(game) if fractions and not exact else None
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
        shown = _as_fractions(eq, tables) if tables is not None else None
        if shown is not None:
            item["shown"] = shown
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


def _solution_nplayer(
    scenario: Scenario,
    method: str,
    exact: bool,
    fractions: bool = False,
    bounds: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """:func:`_solution` for three or more players: one entry per player, not row and col."""
    import numpy as np

    game = scenario.game()
    symbolic = scenario.game(symbolic=True)
    tables = _rational_tables(game) if fractions and not exact else None
    found = []
    for eq in _equilibria(game, method, exact, bounds or {}):
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
        shown = _as_fractions(eq, tables) if tables is not None else None
        if shown is not None:
            item["shown"] = shown
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
    from negotiation.display import fmt

    played = {s: p for s, p in probabilities.items() if p not in (0, 0.0, "0")}
    if len(played) == 1:
        return next(iter(played))
    return ", ".join(f"{s}: {fmt(p)}" for s, p in played.items())


def _equilibria_lines(solution: dict[str, Any]) -> list[str]:
    from negotiation.display import fmt, text_table

    players = solution["players"]
    strategies = solution["strategies"]
    exact = solution["exact"]
    rows = []
    as_fractions = False
    for k, eq in enumerate(solution["equilibria"], start=1):
        if exact:
            mixes = (
                eq["strategies_exact"] if "strategies" in eq else [eq["row_exact"], eq["col_exact"]]
            )
            pay = eq["payoffs_exact"]
        elif "shown" in eq:
            *probabilities, pay = eq["shown"]
            mixes = [
                dict(zip(labels, mix, strict=True))
                for labels, mix in zip(strategies, probabilities, strict=True)
            ]
            as_fractions = as_fractions or any(
                "/" in v for texts in (pay, *probabilities) for v in texts
            )
        else:
            mixes = eq["strategies"] if "strategies" in eq else [eq["row"], eq["col"]]
            pay = [fmt(v) for v in eq["payoffs"]]
        rows.append([str(k), *(_strategy_text(mix) for mix in mixes), ", ".join(pay)])
    kind = "exact" if exact else "floating point"
    lines = [f"Nash equilibria ({solution['method']}, {kind}):"]
    if not rows:
        lines.append("  none found by this method")
    else:
        table = text_table(["#", *players, "payoffs"], rows)
        lines += ["  " + line for line in table.splitlines()]
    if as_fractions:
        lines.append(
            "  (the payoffs are rational: fractions shown, each checked exactly to be an "
            "equilibrium)"
        )
    pure = [eq for eq in solution["equilibria"] if eq["pure"]]
    if pure:
        lines += ["", "Conditions on the parameters for each pure equilibrium:"]
        for eq in pure:
            lines.append(f"  ({', '.join(eq['profile'])}): {eq['condition']}")
    return lines


def _run_solve(args: argparse.Namespace, out: TextIO) -> int:
    _check_method(args.method)
    scenario, changed = scenario_with_values(args.scenario, args.set, args.strict)
    from negotiation.scenarios.continuous_file import ContinuousScenario

    if isinstance(scenario, ContinuousScenario):
        return _run_solve_continuous(scenario, args, changed, out)
    solution = _solution(
        scenario,
        args.method,
        args.exact,
        fractions=not args.json,
        bounds={"max_vertices": args.max_vertices, "max_supports": args.max_supports},
    )
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
    from negotiation.display.formatting import strategy_key

    key = strategy_key(scenario)
    if key:
        lines += ["", "Strategies:", *("  " + line for line in key.splitlines())]
    lines += ["", *_equilibria_lines(solution)]
    print("\n".join(lines), file=out)
    return EXIT_OK


def _run_solve_continuous(
    scenario: Any, args: argparse.Namespace, changed: Any, out: TextIO
) -> int:
    """``solve`` for a scenario whose strategies are intervals (tariff rates)."""
    bounded = args.max_vertices is not _DEFAULT_BOUND or args.max_supports is not _DEFAULT_BOUND
    if args.method is not None or args.exact or bounded:
        raise UsageError(
            f"{scenario.name} has continuous strategies (rates), solved from the first-order "
            "conditions: drop --method, --exact and --max-vertices / --max-supports (they "
            "choose and bound a solver for finite games)"
        )
    game = scenario.game()
    equilibria = game.equilibria()
    if args.json:
        data = {
            "scenario": scenario.name,
            "title": scenario.title,
            "players": list(game.players),
            "equilibria": [
                {
                    "strategies": {
                        p: _float(v) for p, v in zip(game.players, eq.strategies, strict=True)
                    },
                    "payoffs": [_float(v) for v in eq.payoffs],
                    "method": eq.method,
                }
                for eq in equilibria
            ],
        }
        print(json.dumps(data, indent=2), file=out)
        return EXIT_OK
    lines = [scenario.title or scenario.name]
    if changed:
        lines.append(
            "Set: " + ", ".join(f"{n} = {scenario.parameters[n].default}" for n in sorted(changed))
        )
    if scenario.payoff_unit:
        lines.append(f"Payoffs in {scenario.payoff_unit}")
    lines.append("")
    lines += [str(eq) for eq in equilibria] or ["No equilibrium found."]
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
        "--figures",
        metavar="DIR",
        type=Path,
        default=None,
        help="a folder for the figures (created if its parent exists)",
    )
    p.set_defaults(handler=_run_demo)


def _run_demo(args: argparse.Namespace, out: TextIO) -> int:
    from negotiation.scenarios import diff, load

    if args.figures is not None:
        check_new_folder(args.figures, "--figures")
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
        "so it has to be enforced by repetition: the 90-day tariff clocks and the six-month "
        "licence renewals, each a lever for punishing a deviation at the next deadline.",
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
#: The file types ``plot -o`` and ``sweep --plot`` write.
FIGURE_SUFFIXES = (".png", ".pdf", ".svg")


def _describe_plot() -> str:
    from negotiation.plotting.figures import KINDS

    return (
        "Draw one picture of a scenario at its parameter values and write it to a file (png, "
        "pdf or svg). Pictures: " + "; ".join(f"{kind}: {text}" for kind, text in KINDS.items())
    ) + "."


def _add_plot(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "plot",
        help="draw a picture of a scenario into a file",
        description="Draw one picture of a scenario at its parameter values and write it to "
        "a file (png, pdf or svg).",
    )
    p.describe = _describe_plot
    p.add_argument("scenario", metavar="NAME_OR_FILE", help="a built-in name or a .toml file")
    p.add_argument("kind", metavar="KIND", help="the picture, one of those listed above")
    p.add_argument(
        "-o", "--output", metavar="FILE", type=Path, required=True, help="png, pdf or svg file"
    )
    add_set_option(p)
    p.add_argument("--first", metavar="PLAYER", help="tree: who moves first (default: row)")
    p.add_argument("--x", metavar="NAME", help="regions: the parameter across")
    p.add_argument("--y", metavar="NAME", help="regions: the parameter up")
    p.set_defaults(handler=_run_plot)


def save_axes(ax: Any, path: Path) -> Path:
    """Write the figure of ``ax`` to ``path`` atomically (the folder was checked to exist)."""
    from negotiation.plotting.figures import save_figure

    def write(temporary: Path) -> None:
        save_figure(ax, temporary)

    return write_atomically(path, write)


def _run_plot(args: argparse.Namespace, out: TextIO) -> int:
    from negotiation.plotting.figures import KINDS, draw

    if args.kind not in KINDS:
        choices = ", ".join(repr(k) for k in KINDS)
        raise UsageError(
            f"argument KIND: invalid choice: {args.kind!r} (choose from {choices})"
            f"{closest(args.kind, list(KINDS))}"
        )
    check_output(args.output, FIGURE_SUFFIXES, "-o")
    scenario, _ = scenario_with_values(args.scenario, args.set, args.strict)
    ax = draw(scenario, args.kind, first=args.first, x=args.x, y=args.y)
    print(f"Wrote {save_axes(ax, args.output)}", file=out)
    return EXIT_OK


# ---------------------------------------------------------------------- sweep
def _add_sweep(subparsers: Any) -> None:
    from negotiation.cli_sweep import add_sweep

    add_sweep(subparsers)


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
        choices=("auto", "game", "best_responses", "regions", "reaction_curves", "none"),
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
        description="Copy the classroom notebooks into DIR (created if needed, inside an "
        "existing folder).",
    )
    p.add_argument("folder", metavar="DIR", type=Path)
    p.add_argument("--force", action="store_true", help="overwrite notebooks already in DIR")
    p.set_defaults(handler=_run_notebooks)


def _run_notebooks(args: argparse.Namespace, out: TextIO) -> int:
    from negotiation.classroom import copy_notebooks

    check_new_folder(args.folder, "notebooks")
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
    _add_sweep,
    _add_app,
    _add_notebooks,
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand in :data:`COMMANDS`."""
    parser = _Parser(
        prog="negotiation",
        description="Game-theoretic models of international negotiations: scenarios, "
        "equilibria, sweeps and the 2025 US-China London framework.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(subparsers)
    return parser


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning as one line on stderr (no file name, no source line)."""
    with contextlib.suppress(OSError, ValueError):
        print("negotiation: warning: " + " ".join(str(message).split()), file=sys.stderr)


def _silence(stream: TextIO) -> None:
    """Point a stream that failed at /dev/null, so the interpreter's last flush is quiet."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def _os_message(error: OSError) -> str:
    why = error.strerror or type(error).__name__
    if error.filename is not None:
        return f"cannot write {error.filename}: {why}"
    return f"cannot write the output: {why}"


def _run(argv: Sequence[str] | None, out: TextIO) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help
        out.flush()
        return int(exit_.code or 0)
    status = int(args.handler(args, out))
    out.flush()  # a closed pipe or a full disk shows here, not at the interpreter's exit
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 success, 1 environment, 2 bad input).

    Parameters
    ----------
    argv
        The arguments after the program name; ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        0 on success; 1 when a file or standard output cannot be written (a
        full disk, a closed pipe); 2 for bad input; 130 after Ctrl-C. Every
        failure is one line on stderr starting ``negotiation: error:``.
    """
    from negotiation.errors import NegotiationError

    out = sys.stdout
    status = EXIT_USAGE
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = _show_warning
            return _run(argv, out)
    except (UsageError, NegotiationError) as error:
        message = str(error)
    except BrokenPipeError:
        # The reader went away (e.g. `negotiation show london_framework | head -1`).
        _silence(out)
        message = "standard output was closed before all of it was written (broken pipe)"
        status = EXIT_FAILURE
    except OSError as error:
        try:
            out.flush()
        except (OSError, ValueError):
            _silence(out)
        message = _os_message(error)
        status = EXIT_FAILURE
    except MemoryError:
        message = "out of memory; try fewer points, or a smaller game"
        status = EXIT_FAILURE
    except KeyboardInterrupt:
        message = "interrupted"
        status = EXIT_INTERRUPTED
    with contextlib.suppress(OSError, ValueError):
        print("negotiation: error: " + " ".join(message.split()), file=sys.stderr)
    return status
