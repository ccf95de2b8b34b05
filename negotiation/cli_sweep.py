"""``negotiation sweep``: the equilibria over a grid or a sample, as a table and a regime map.

::

    negotiation sweep SCENARIO --grid m=50 --grid delta=0.5:0.99:40 -o out.csv --plot map.png
    negotiation sweep SCENARIO --samples 10000 --seed 1 -o draws.parquet
    negotiation sweep SCENARIO --plot map.png

``--grid NAME=SPEC`` sweeps one parameter (repeat it for more); SPEC is

``N``
    N evenly spaced points over the parameter's declared range (its ``low``
    and ``high`` in the scenario file);
``LOW:HIGH:N``
    N evenly spaced points from LOW to HIGH (``numpy.linspace``);
``V1,V2,...``
    exactly these values.

``--samples N`` draws N Monte Carlo points instead, each free parameter
uniform over its declared range (or the distribution the file declares).
The parameters not swept keep their values (``--set`` changes them).

``-o FILE`` writes the tidy table (:meth:`negotiation.SweepResult.to_pandas`:
one row per point and equilibrium, with the ``regime`` at the point) as
``.csv`` or ``.parquet`` (which needs pyarrow); ``--plot FILE`` draws the
regime map of a two-parameter grid (:func:`negotiation.plotting.plot_regions`).
With ``--plot`` and no ``--grid``, the two parameters that change the
equilibrium most are chosen (:func:`negotiation.plotting.regions.choose_axes`)
and the command says which and why. Everything is checked before the sweep
starts; files are written whole or not at all.

Examples
--------
>>> from negotiation.cli import main
>>> main(["sweep", "busan_truce", "--grid", "crash=0:20:5"])  # doctest: +ELLIPSIS
Swept 5 points of busan_truce: crash (5 points from 0 to 20)
...
0
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from negotiation.cli import (
    EXIT_OK,
    FIGURE_SUFFIXES,
    UsageError,
    add_set_option,
    check_number_text,
    check_output,
    closest,
    parse_settings,
    save_axes,
    scenario_with_values,
    write_atomically,
)

if TYPE_CHECKING:
    from negotiation.scenarios import Scenario

__all__ = ["TABLE_SUFFIXES", "add_sweep", "grid_spec", "run_sweep"]

#: The table formats ``sweep -o`` writes.
TABLE_SUFFIXES = (".csv", ".parquet")
#: Points per axis when ``--plot`` chooses the two parameters itself.
AUTO_POINTS = 60
#: The most points a command-line sweep runs (about a minute on one core).
MAX_POINTS = 10_000_000


def add_sweep(subparsers: Any) -> None:
    """Register ``negotiation sweep``."""
    p = subparsers.add_parser(
        "sweep",
        help="the equilibria over a grid or a sample: a table and a regime map",
        description="Find the equilibria at every point of a grid (--grid) or a Monte Carlo "
        "sample over the declared ranges (--samples), and write the tidy table (-o, .csv or "
        ".parquet) and the regime map of a two-parameter grid (--plot).",
        epilog="--grid SPEC: N (N points over the declared range), LOW:HIGH:N (N points "
        "from LOW to HIGH) or V1,V2,... (these values). Example: negotiation sweep "
        "london_framework --grid m=50 --grid re_loss_us=0:8:40 -o out.csv --plot map.png",
    )
    p.add_argument("scenario", metavar="NAME_OR_FILE", help="a built-in name or a .toml file")
    p.add_argument(
        "--grid",
        action="append",
        metavar="NAME=SPEC",
        default=[],
        help="sweep a parameter: NAME=N, NAME=LOW:HIGH:N or NAME=V1,V2,... (repeatable)",
    )
    p.add_argument(
        "--samples",
        metavar="N",
        default=None,
        help="N Monte Carlo draws over the declared ranges instead of a grid",
    )
    p.add_argument("--seed", metavar="S", default=None, help="seed of the draws (an integer)")
    p.add_argument(
        "--method",
        metavar="METHOD",
        default="vertex_enumeration",
        help="vertex_enumeration (every equilibrium, default) or pure (pure equilibria only)",
    )
    add_set_option(p)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        default=None,
        help="the table: .csv or .parquet",
    )
    p.add_argument(
        "--plot", metavar="FILE", type=Path, default=None, help="the regime map: png, pdf or svg"
    )
    p.set_defaults(handler=run_sweep)


# ---------------------------------------------------------------------- parsing
def _number(text: str, where: str) -> float:
    from negotiation.errors import ScenarioError
    from negotiation.scenarios.values import exact_number

    check_number_text(text.strip(), where)
    try:
        return float(exact_number(text.strip(), where))
    except (ScenarioError, OverflowError):
        raise UsageError(
            f"{where}: {text.strip()!r} is not a number (write e.g. 0.5 or 1/3)"
        ) from None


def _count(text: str, where: str) -> int:
    text = text.strip()
    if not text.lstrip("+-").isdigit() or len(text) > 12:
        raise UsageError(f"{where}: the number of points {text!r} is not a whole number")
    n = int(text)
    if n < 1:
        raise UsageError(f"{where}: {n} points; give at least one point (e.g. 50)")
    return n


def grid_spec(item: str) -> tuple[str, Any]:
    """One ``--grid NAME=SPEC`` as ``(name, n | (low, high, n) | [values])``.

    Examples
    --------
    >>> grid_spec("m=50"), grid_spec("delta=0.5:0.99:40"), grid_spec("t=1,2,5/2")
    (('m', 50), ('delta', (0.5, 0.99, 40)), ('t', [1.0, 2.0, 2.5]))
    """
    ((name, text),) = parse_settings([item], "--grid").items()
    where = f"--grid {name}={text}"
    if not text:
        raise UsageError(f"{where}: give N, LOW:HIGH:N or V1,V2,... after '='")
    if ":" in text:
        parts = text.split(":")
        if len(parts) != 3:
            raise UsageError(f"{where}: a range is LOW:HIGH:N (e.g. {name}=0.5:0.99:40)")
        low, high = _number(parts[0], where), _number(parts[1], where)
        n = _count(parts[2], where)
        if low > high:
            raise UsageError(
                f"{where}: the low end {parts[0]} is above the high end {parts[1]}; "
                f"write {name}={parts[1]}:{parts[0]}:{parts[2]}"
            )
        if low == high and n > 1:
            raise UsageError(f"{where}: the range is a single value; give LOW < HIGH, or N = 1")
        return name, (low, high, n)
    if "," in text:
        values = [_number(v, where) for v in text.split(",") if v.strip()]
        if not values:
            raise UsageError(f"{where}: no values; give e.g. {name}=1,2,3")
        return name, values
    return name, _count(text, where)


def _points(spec: Any) -> int:
    if isinstance(spec, int):
        return spec
    if isinstance(spec, tuple):
        return int(spec[2])
    return len(spec)


def _grid(scenario: Scenario, specs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """The ``grid=`` of the sweep, each name checked against the scenario's parameters."""
    by_name = {p.name: p for p in scenario.parameter_info}
    known = sorted(by_name)
    grid: dict[str, Any] = {}
    for name, spec in specs:
        if name not in by_name:
            raise UsageError(
                f"--grid {name}: {scenario.name} has no parameter {name!r}{closest(name, known)}; "
                f"its parameters are: {', '.join(known) or 'none'}"
            )
        if name in grid:
            raise UsageError(f"--grid {name} is given twice; give each parameter once")
        p = by_name[name]
        if isinstance(spec, int) and (p.low is None or p.high is None):
            raise UsageError(
                f"--grid {name}={spec}: {scenario.name} declares no range for {name}, so "
                f"{spec} points over it are undefined; give the range, e.g. "
                f"--grid {name}=LOW:HIGH:{spec}"
            )
        grid[name] = spec
    return grid


def _whole(text: str | None, option: str, minimum: int) -> int | None:
    if text is None:
        return None
    text = text.strip()
    if not text.lstrip("+-").isdigit() or len(text) > 12:
        raise UsageError(f"{option} {text!r}: give a whole number")
    value = int(text)
    if value < minimum:
        raise UsageError(f"{option} {value}: give a whole number of at least {minimum}")
    return value


def _check_table_engine(path: Path) -> None:
    if path.suffix.lower() == ".parquet" and not (find_spec("pyarrow") or find_spec("fastparquet")):
        raise UsageError(
            f"-o {path}: writing .parquet needs pyarrow (pip install pyarrow) or fastparquet; "
            "or write .csv"
        )


# ---------------------------------------------------------------------- output
def _axis_text(name: str, spec: Any, scenario: Scenario) -> str:
    from negotiation.display import fmt

    if isinstance(spec, int):
        p = scenario.parameter(name)
        return f"{name} ({spec} points from {fmt(p.low)} to {fmt(p.high)})"
    if isinstance(spec, tuple):
        return f"{name} ({spec[2]} points from {fmt(spec[0])} to {fmt(spec[1])})"
    return f"{name} ({len(spec)} values)"


def _regimes_lines(result: Any) -> list[str]:
    from negotiation.display import text_table

    table = result.regimes()
    rows = [
        [str(r.regime), f"{100 * float(r.share):.1f}%", str(int(r.points))]
        for r in table.itertuples(index=False)
    ]
    lines = ["Regimes (the set of equilibria at a point):"]
    lines += ["  " + line for line in text_table(["regime", "share", "points"], rows).splitlines()]
    return lines


def _write_table(frame: Any, path: Path) -> None:
    def write(temporary: Path) -> None:
        if path.suffix.lower() == ".csv":
            frame.to_csv(temporary, index=False)
        else:
            frame.to_parquet(temporary, index=False)

    write_atomically(path, write)


def _chunk_size(total: int) -> int | None:
    """Smaller chunks on a terminal, so the progress bar moves; results do not depend on it."""
    try:
        interactive = sys.stderr.isatty()
    except (AttributeError, ValueError):
        interactive = False
    return max(4096, total // 50) if interactive and total > 8192 else None


# ---------------------------------------------------------------------- the command
def run_sweep(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``negotiation sweep`` (see the module docstring)."""
    specs = [grid_spec(item) for item in args.grid]
    samples = _whole(args.samples, "--samples", 1)
    seed = _whole(args.seed, "--seed", 0)
    if specs and samples is not None:
        raise UsageError("give --grid (a grid) or --samples (Monte Carlo draws), not both")
    if seed is not None and samples is None:
        raise UsageError("--seed is for --samples (a grid has no random draws)")
    if args.plot is not None:
        if samples is not None:
            raise UsageError(
                "--plot draws the regime map of a grid over two parameters; it cannot draw "
                "--samples: give two --grid parameters (or none, to let negotiation choose)"
            )
        if specs and len(specs) != 2:
            names = ", ".join(name for name, _ in specs)
            raise UsageError(
                f"--plot draws the regime map over two parameters; this grid has {len(specs)} "
                f"({names}): give exactly two --grid parameters, or none to let negotiation "
                "choose"
            )
    if not specs and samples is None and args.plot is None:
        raise UsageError(
            "nothing to sweep: give --grid NAME=N (repeatable) or --samples N, or --plot FILE "
            "alone to map the two parameters that change the equilibrium most"
        )
    if args.output is not None:
        check_output(args.output, TABLE_SUFFIXES, "-o")
        _check_table_engine(args.output)
    if args.plot is not None:
        check_output(args.plot, FIGURE_SUFFIXES, "--plot")
        if args.output is not None and args.output.resolve() == args.plot.resolve():
            raise UsageError("-o and --plot name the same file; give two files")
    swept = {name for name, _ in specs}
    both = sorted(swept & set(parse_settings(args.set)))
    if both:
        raise UsageError(f"{both[0]} is both swept (--grid) and set (--set); drop one of the two")
    from negotiation.sweeps.execute import METHODS

    if args.method not in METHODS:
        raise UsageError(
            f"argument --method: invalid choice: {args.method!r} (choose from "
            + ", ".join(repr(m) for m in METHODS)
            + ")"
        )

    scenario, _ = scenario_with_values(args.scenario, args.set, args.strict)
    grid = _grid(scenario, specs) if specs else None
    if grid is None and samples is None:  # --plot alone: choose the axes
        from negotiation.plotting.regions import choose_axes

        chosen, reason = choose_axes(scenario, k=2)
        print(reason, file=out)
        grid = {name: AUTO_POINTS for name in chosen}
    total = math.prod(_points(s) for s in grid.values()) if grid else int(samples or 0)
    if total > MAX_POINTS:
        raise UsageError(
            f"the sweep has {total:,} points, more than the {MAX_POINTS:,} the command line "
            "runs; use fewer points, or call negotiation.sweep from Python (with an executor)"
        )

    import negotiation as ng

    result = ng.sweep(
        scenario,
        grid=grid,
        samples=samples,
        seed=seed,
        method=args.method,
        strict=args.strict,
        chunk_size=_chunk_size(total),
        progress=None,
    )
    if grid is not None:
        axes = " x ".join(_axis_text(name, spec, scenario) for name, spec in grid.items())
        print(f"Swept {len(result)} points of {scenario.name}: {axes}", file=out)
    else:
        print(
            f"Swept {len(result)} Monte Carlo draws of {scenario.name} (seed {result.seed}): "
            + ", ".join(result.parameters),
            file=out,
        )
    print("\n".join(_regimes_lines(result)), file=out)
    if args.output is not None:
        frame = result.to_pandas()
        _write_table(frame, args.output)
        print(f"Wrote {args.output} ({len(frame)} rows)", file=out)
    if args.plot is not None:
        from negotiation.plotting import plot_regions

        ax = plot_regions(result)
        save_axes(ax, args.plot)
        import matplotlib.pyplot as plt

        plt.close(ax.get_figure(root=True))
        print(f"Wrote {args.plot}", file=out)
    return EXIT_OK
