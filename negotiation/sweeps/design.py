"""The points of a sweep: a grid of parameter values or a Monte Carlo sample.

:func:`grid_design` and :func:`monte_carlo_design` check ``grid=`` or
``samples=`` and ``distributions=`` against the game's parameters, fill in the
parameters held fixed, draw the sample, and return a :class:`Design`. A
scenario's declared ranges are the default design: ``grid={"m": 50}`` is 50
evenly spaced points over ``m``'s range, ``samples=N`` alone draws every
parameter uniformly over its range; values outside a declared range warn
(:class:`~negotiation.ParameterRangeWarning`) or, with ``strict=True``, raise.
Before anything is allocated the sweep's memory is estimated, so a sweep too
large for the machine is refused with a size that fits.
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Any

import numpy as np
import sympy as sp

from negotiation.errors import SweepError
from negotiation.games.normal_form import Game
from negotiation.scenarios.values import check_ranges, range_text

__all__ = [
    "DISTRIBUTIONS",
    "Design",
    "declared_ranges",
    "default_distributions",
    "estimate_bytes",
    "grid_design",
    "memory_limit",
    "monte_carlo_design",
    "resolve_model",
]

#: Monte Carlo distributions and their arguments, as written in ``distributions=``.
DISTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "uniform": ("low", "high"),
    "normal": ("mean", "sd"),
    "triangular": ("low", "mode", "high"),
    "empirical": ("values",),
}


@dataclass(frozen=True)
class Design:
    """The swept points (grid axes or Monte Carlo draws) and the parameters held fixed."""

    kind: str  # "grid" or "monte_carlo"
    names: tuple[str, ...]
    symbols: tuple[sp.Symbol, ...]
    fixed: dict[str, float]
    fixed_exact: dict[sp.Symbol, sp.Expr]
    axes: tuple[np.ndarray, ...] | None
    values: np.ndarray | None  # (p, N)
    size: int
    seed: Any = None
    distributions: dict[str, tuple[Any, ...]] | None = None


def resolve_model(model: Any) -> tuple[Game, dict[str, sp.Expr]]:
    """The symbolic game and the default values (by name) of a Game or a scenario."""
    if isinstance(model, Game):
        return model, {}
    make = getattr(model, "game", None)
    if not callable(make):
        raise SweepError(
            f"sweep needs a negotiation.Game or a scenario (an object with "
            f".game(symbolic=True)); got {type(model).__name__}"
        )
    game = make(symbolic=True)
    if not isinstance(game, Game):
        raise SweepError(
            f"{type(model).__name__}.game(symbolic=True) returned {type(game).__name__}, "
            "not a negotiation.Game"
        )
    raw = getattr(model, "defaults", None) or {}
    defaults = {}
    for key, value in dict(raw).items():
        name = key.name if isinstance(key, sp.Symbol) else str(key)
        defaults[name] = sp.sympify(value)
    return game, defaults


def _known_names(game: Game, defaults: Mapping[str, Any]) -> dict[str, sp.Symbol]:
    known = {s.name: s for s in game.parameters}
    for name in defaults:
        known.setdefault(name, sp.Symbol(name))
    return known


def _key_name(key: Any, what: str) -> str:
    if isinstance(key, sp.Symbol):
        return key.name
    if isinstance(key, str):
        return key
    raise SweepError(f"{what} keys must be parameter names or sympy symbols; got {key!r}")


def _unknown(name: str, known: Mapping[str, Any], what: str) -> SweepError:
    if not known:
        return SweepError(
            f"{what} gives {name!r}, but this game has no free parameters, so there is "
            "nothing to sweep; build the payoffs with sympy symbols"
        )
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    return SweepError(
        f"{what} gives {name!r}, which is not a parameter of this game; "
        f"{hint}its parameters are: {', '.join(sorted(known))}"
    )


def _fill_fixed(
    game: Game, defaults: Mapping[str, sp.Expr], swept: Sequence[str], what: str, example: str
) -> tuple[dict[str, float], dict[sp.Symbol, sp.Expr]]:
    """Defaults for the parameters that are not swept; an error naming any without one."""
    fixed: dict[str, float] = {}
    exact: dict[sp.Symbol, sp.Expr] = {}
    missing = []
    for symbol in game.parameters:
        if symbol.name in swept:
            continue
        if symbol.name in defaults:
            exact[symbol] = defaults[symbol.name]
            fixed[symbol.name] = float(defaults[symbol.name])
        else:
            missing.append(symbol.name)
    if missing:
        names = ", ".join(missing)
        raise SweepError(
            f"the payoffs depend on {names}, which {what} does not give; add "
            f"{'it' if len(missing) == 1 else 'them'} to {what} (a single value holds a "
            f"parameter fixed, e.g. {example.format(name=missing[0])})"
        )
    return fixed, exact


def _as_axis(values: Any, what: str) -> np.ndarray:
    """A read-only 1-D float array of finite values; ``what`` names it in errors."""
    if isinstance(values, str | bytes):
        raise SweepError(f"{what} is the string {values!r}; give numbers")
    try:
        axis = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as err:
        raise SweepError(f"{what} must be numbers; got {values!r}") from err
    if axis.ndim == 0:
        axis = axis.reshape(1)
    if axis.ndim != 1:
        raise SweepError(f"{what} has shape {axis.shape}; give a one-dimensional array of values")
    if axis.size == 0:
        raise SweepError(f"{what} is empty; give at least one value, e.g. numpy.linspace(0, 1, 11)")
    if not np.isfinite(axis).all():
        raise SweepError(f"{what} holds nan or infinite values; give finite numbers")
    axis = axis.copy()
    axis.setflags(write=False)
    return axis


def declared_ranges(model: Any) -> dict[str, tuple[float | None, float | None]]:
    """``{name: (low, high)}`` as a scenario declares them (either end may be ``None``).

    A :class:`negotiation.Game` declares none; a scenario's come from its
    ``parameter_info``.

    Examples
    --------
    >>> import negotiation as ng
    >>> declared_ranges(ng.load("london_framework"))["m"]
    (0.0, 5.0)
    """
    out: dict[str, tuple[float | None, float | None]] = {}
    for info in getattr(model, "parameter_info", ()) or ():
        low, high = getattr(info, "low", None), getattr(info, "high", None)
        out[info.name] = (
            None if low is None else float(low),
            None if high is None else float(high),
        )
    return out


def _is_count(value: Any) -> bool:
    return isinstance(value, Integral | np.integer) and not isinstance(value, bool)


def _count(value: Any, what: str) -> int:
    if not _is_count(value):
        raise SweepError(f"{what} must be a whole number of points; got {value!r}")
    if value < 1:
        raise SweepError(
            f"{what} asks for {value} points; give at least one (e.g. 50 points over the range)"
        )
    return int(value)


def _linspace(name: str, low: Any, high: Any, count: Any, what: str) -> np.ndarray:
    lo, hi = _number(low, f"the low end of {what}"), _number(high, f"the high end of {what}")
    n = _count(count, what)
    if lo > hi:
        raise SweepError(
            f"{what} runs from {lo:g} down to {hi:g}; give the low end first, e.g. "
            f"({hi:g}, {lo:g}, {n})"
        )
    if lo == hi and n > 1:
        raise SweepError(
            f"{what} has low = high = {lo:g}, so its {n} points would all be the same; "
            f"to hold {name} fixed give the number itself ({lo:g})"
        )
    return np.linspace(lo, hi, n)


def _grid_axis(
    name: str, spec: Any, ranges: Mapping[str, tuple[float | None, float | None]]
) -> np.ndarray:
    """One axis of ``grid=``: a count over the declared range, ``(low, high, n)`` or values."""
    what = f"grid[{name!r}]"
    low, high = ranges.get(name, (None, None))
    if _is_count(spec) and (low is not None or high is not None):
        if low is None or high is None:
            end = "low" if low is None else "high"
            raise SweepError(
                f"{what} = {spec} asks for {spec} points over the declared range of {name}, but "
                f"the scenario declares no {end} end for it ({range_text(low, high)}); give the "
                f"range, e.g. grid={{{name!r}: (low, high, {spec})}}"
            )
        return _as_axis(_linspace(name, low, high, spec, what), what)
    if isinstance(spec, tuple) and len(spec) == 3 and _is_count(spec[2]):
        return _as_axis(_linspace(name, spec[0], spec[1], spec[2], what), what)
    return _as_axis(spec, what)


def grid_design(
    game: Game,
    defaults: Mapping[str, sp.Expr],
    grid: Any,
    *,
    model: Any = None,
    strict: bool = False,
) -> Design:
    """The grid design of ``grid=``; a SweepError names any bad key or value.

    Each value of ``grid`` is one of: a whole number ``n``, that many evenly
    spaced points over the parameter's declared range (for a parameter with
    no declared range, such as a bare Game's, a number holds it fixed);
    ``(low, high, n)``, ``numpy.linspace(low, high, n)``; a one-dimensional
    array of values; or a float, the parameter held fixed. ``model`` (the
    scenario) supplies the declared ranges, against which the values are
    checked (:func:`negotiation.scenarios.values.check_ranges`).

    Examples
    --------
    >>> import negotiation as ng
    >>> london = ng.load("london_framework")
    >>> game, defaults = resolve_model(london)
    >>> design = grid_design(game, defaults, {"m": 6, "re_loss_us": (2, 4, 3)}, model=london)
    >>> design.axes[0].tolist(), design.axes[1].tolist(), design.size
    ([0.0, 1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 3.0, 4.0], 18)
    """
    if not isinstance(grid, Mapping):
        raise SweepError(
            f"grid must be a mapping from parameter to values, e.g. "
            f"{{'t': numpy.linspace(0, 1, 101)}}; got {type(grid).__name__}"
        )
    if not grid:
        raise SweepError(
            "the grid is empty; give at least one parameter and its values, e.g. "
            "grid={'t': numpy.linspace(0, 1, 101)}"
        )
    known = _known_names(game, defaults)
    ranges = declared_ranges(model)
    names: list[str] = []
    axes: list[np.ndarray] = []
    for key, values in grid.items():
        name = _key_name(key, "grid")
        if name not in known:
            raise _unknown(name, known, "grid")
        if name in names:
            raise SweepError(f"grid gives {name!r} twice (as a name and as a symbol)")
        names.append(name)
        axes.append(_grid_axis(name, values, ranges))
    if model is not None:
        check_ranges(
            model, dict(zip(names, axes, strict=True)), strict=strict, source="grid", stacklevel=3
        )
    fixed, exact = _fill_fixed(game, defaults, names, "grid=", "grid={{'{name}': 0.5, ...}}")
    size = math.prod(len(a) for a in axes)
    check_memory(
        game, size, 0, what="grid", axes={n: len(a) for n, a in zip(names, axes, strict=True)}
    )
    return Design(
        kind="grid",
        names=tuple(names),
        symbols=tuple(known[n] for n in names),
        fixed=fixed,
        fixed_exact=exact,
        axes=tuple(axes),
        values=None,
        size=size,
    )


#: Bytes a sweep keeps per point besides its samples: counts, flags, outcome codes, headroom.
_BYTES_PER_POINT = 16


def estimate_bytes(game: Game, points: int, sampled: int) -> int:
    """An estimate of the memory a sweep of ``points`` points holds at once (bytes).

    The stored results (equilibrium counts, degeneracy flags, outcome codes
    and one mixed equilibrium's probabilities per point), twice over while
    the chunks are joined, plus ``sampled`` float columns of Monte Carlo draws.

    Examples
    --------
    >>> import negotiation as ng
    >>> estimate_bytes(ng.load("london_framework").game(symbolic=True), 10**6, 0)
    96000000
    """
    mixed = 8 * (sum(game.shape) - game.n_players) if game.n_players == 2 else 0
    return int(points) * (2 * (_BYTES_PER_POINT + mixed) + 8 * int(sampled))


def memory_limit() -> int:
    """The memory a sweep may use: half of this machine's physical memory (bytes).

    Falls back to 4 GB where the operating system does not say.
    """
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        total = 8 * 2**30
    return int(total) // 2


def _gb(n: float) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 else f"{n / 2**20:.0f} MB"


def check_memory(
    game: Game, points: int, sampled: int, *, what: str, axes: Mapping[str, int] | None = None
) -> None:
    """Refuse, before allocating anything, a sweep whose results would not fit in memory."""
    need = estimate_bytes(game, points, sampled)
    limit = memory_limit()
    if need <= limit:
        return
    fits = max(1, int(points * limit / need))
    if axes:
        side = max(1, int(fits ** (1 / len(axes))))
        example = "grid={" + ", ".join(f"{n!r}: {min(side, k)}" for n, k in axes.items()) + "}"
        chunks = "sweep one slice of an axis at a time"
    else:
        example = f"samples={fits:_}"
        chunks = "draw several smaller samples with different seeds"
    raise SweepError(
        f"this {what} has {points:,} points, whose results would take about {_gb(need)} of "
        f"memory, more than the {_gb(limit)} a sweep may use here (half the machine's memory); "
        f"sweep at most about {fits:,} points at once (e.g. {example}), or run it in chunks: "
        f"{chunks} and join the tables (pandas.concat of each result's to_pandas())"
    )


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real | sp.Number):
        raise SweepError(f"{what} must be a number; got {value!r}")
    out = float(value)
    if not math.isfinite(out):
        raise SweepError(f"{what} must be finite; got {out}")
    return out


def _draw(
    name: str, spec: Any, samples: int, rng: np.random.Generator
) -> tuple[np.ndarray | float, tuple[Any, ...]]:
    """Validate one ``distributions=`` entry and draw from it (or return a constant)."""
    if isinstance(spec, Real | sp.Number) and not isinstance(spec, bool):
        return _number(spec, f"distributions[{name!r}]"), ("constant", float(spec))
    if isinstance(spec, tuple | list) and spec and isinstance(spec[0], str):
        kind, args = spec[0], tuple(spec[1:])
        if kind not in DISTRIBUTIONS:
            raise SweepError(
                f"distributions[{name!r}] names an unknown distribution {kind!r}; choose one of "
                + ", ".join(repr(k) for k in DISTRIBUTIONS)
                + " or give an array of sampled values"
            )
        expected = DISTRIBUTIONS[kind]
        if len(args) != len(expected):
            raise SweepError(
                f"distributions[{name!r}]: {kind!r} takes {len(expected)} argument"
                f"{'s' if len(expected) > 1 else ''} ({', '.join(expected)}), e.g. "
                f"({kind!r}, {', '.join(_EXAMPLES[kind])}); got {len(args)}"
            )
        if kind == "empirical":
            pool = _as_axis(args[0], f"the values of distributions[{name!r}]")
            return rng.choice(pool, size=samples, replace=True), (kind, pool)
        nums = [
            _number(a, f"distributions[{name!r}] {e}") for a, e in zip(args, expected, strict=True)
        ]
        if kind == "uniform":
            low, high = nums
            if not low < high:
                raise SweepError(
                    f"distributions[{name!r}]: 'uniform' needs low < high; got low={low:g}, "
                    f"high={high:g} (for a constant give the number itself)"
                )
            return rng.uniform(low, high, samples), (kind, low, high)
        if kind == "normal":
            mean, sd = nums
            if not sd > 0:
                raise SweepError(
                    f"distributions[{name!r}]: 'normal' needs a positive standard deviation; "
                    f"got sd={sd:g}"
                )
            return rng.normal(mean, sd, samples), (kind, mean, sd)
        low, mode, high = nums
        if not (low <= mode <= high and low < high):
            raise SweepError(
                f"distributions[{name!r}]: 'triangular' needs low <= mode <= high and "
                f"low < high; got ({low:g}, {mode:g}, {high:g})"
            )
        return rng.triangular(low, mode, high, samples), (kind, low, mode, high)
    if isinstance(spec, str | bytes | Mapping) or not hasattr(spec, "__len__"):
        raise SweepError(
            f"distributions[{name!r}] must be ('uniform', low, high), ('normal', mean, sd), "
            f"('triangular', low, mode, high), ('empirical', values), an array of "
            f"{samples} sampled values or a number; got {spec!r}"
        )
    values = _as_axis(spec, f"distributions[{name!r}]")
    if len(values) != samples:
        raise SweepError(
            f"distributions[{name!r}] is an array of {len(values)} values but samples={samples}; "
            "give one value per sample, or ('empirical', values) to resample from it"
        )
    return values, ("array",)


_EXAMPLES = {
    "uniform": ("0.0", "1.0"),
    "normal": ("0.5", "0.1"),
    "triangular": ("0.0", "0.3", "1.0"),
    "empirical": ("numpy.array([...])",),
}


def default_distributions(game: Game, model: Any) -> dict[str, Any]:
    """Each free parameter's distribution when ``samples=`` comes without ``distributions=``.

    A parameter's own distribution where the scenario declares one (an
    attribute ``distribution`` of its :class:`~negotiation.Parameter`, in the
    form of ``distributions=``), else uniform over its declared range.

    Raises
    ------
    SweepError
        For a Game (it declares no ranges), or a parameter without a full range.

    Examples
    --------
    >>> import negotiation as ng
    >>> busan = ng.load("busan_truce")
    >>> default_distributions(busan.game(symbolic=True), busan)["crash"]
    ('uniform', 0.0, 30.0)
    """
    info = {p.name: p for p in getattr(model, "parameter_info", ()) or ()}
    if not info:
        raise SweepError(
            "samples= needs distributions= here, e.g. distributions={'t': ('uniform', 0.0, 1.0)} "
            "(a Game declares no parameter ranges to sample from; a scenario's declared "
            "ranges are used when distributions= is left out)"
        )
    out: dict[str, Any] = {}
    open_ended = []
    for symbol in game.parameters:
        p = info.get(symbol.name)
        declared = getattr(p, "distribution", None)
        if declared is not None:
            out[symbol.name] = declared
        elif p is not None and p.low is not None and p.high is not None:
            out[symbol.name] = ("uniform", float(p.low), float(p.high))
        else:
            open_ended.append(symbol.name)
    if open_ended:
        names = ", ".join(open_ended)
        raise SweepError(
            f"samples= draws each parameter over its declared range, but {names} "
            f"{'has' if len(open_ended) == 1 else 'have'} no full range (low and high); declare "
            f"one in the scenario, or give distributions=, e.g. "
            f"distributions={{{open_ended[0]!r}: ('uniform', 0.0, 1.0)}}"
        )
    return out


def _distribution_values(spec: Any) -> Any:
    """The values a distribution can take, for the range check (``None`` if unbounded)."""
    if isinstance(spec, Real | sp.Number) and not isinstance(spec, bool):
        return float(spec)
    if isinstance(spec, tuple | list) and spec and isinstance(spec[0], str):
        kind, args = spec[0], spec[1:]
        if kind in ("uniform", "triangular"):
            return np.array([args[0], args[-1]], dtype=float)
        if kind == "empirical":
            return np.asarray(args[0], dtype=float)
        return None
    return np.asarray(spec, dtype=float)


def monte_carlo_design(
    game: Game,
    defaults: Mapping[str, sp.Expr],
    samples: Any,
    distributions: Any,
    seed: Any,
    *,
    model: Any = None,
    strict: bool = False,
) -> Design:
    """The Monte Carlo design of ``samples=``, ``distributions=`` and ``seed=`` (draws made).

    With ``distributions=None`` every free parameter is drawn as the scenario
    ``model`` declares (:func:`default_distributions`).
    """
    if distributions is None and samples is not None:
        distributions = default_distributions(game, model)
    if not isinstance(distributions, Mapping):
        raise SweepError(
            "Monte Carlo sweeps need distributions=, a mapping from parameter to distribution, "
            "e.g. distributions={'t': ('uniform', 0.0, 1.0)}"
        )
    if not distributions:
        raise SweepError(
            "distributions is empty; give at least one parameter, e.g. "
            "distributions={'t': ('uniform', 0.0, 1.0)}"
        )
    known = _known_names(game, defaults)
    by_name: dict[str, Any] = {}
    for key, spec in distributions.items():
        name = _key_name(key, "distributions")
        if name not in known:
            raise _unknown(name, known, "distributions")
        if name in by_name:
            raise SweepError(f"distributions gives {name!r} twice (as a name and as a symbol)")
        by_name[name] = spec
    if samples is None:
        lengths = {
            len(s)
            for s in by_name.values()
            if hasattr(s, "__len__")
            and not isinstance(s, str | bytes | Mapping)
            and not (isinstance(s, tuple | list) and s and isinstance(s[0], str))
        }
        if len(lengths) != 1:
            raise SweepError("give the number of Monte Carlo draws, e.g. samples=100_000")
        samples = lengths.pop()
    if isinstance(samples, bool) or not isinstance(samples, int | np.integer) or samples < 1:
        raise SweepError(f"samples must be a positive whole number of draws; got {samples!r}")
    samples = int(samples)
    check_memory(game, samples, len(by_name), what="Monte Carlo sample")
    if model is not None:
        bounded = {}
        for name, spec in by_name.items():
            try:
                values = _distribution_values(spec)
            except (TypeError, ValueError, IndexError):
                continue  # malformed: _draw names the problem
            if values is not None:
                bounded[name] = values
        check_ranges(model, bounded, strict=strict, source="distributions", stacklevel=3)
    if isinstance(seed, np.random.Generator):
        rng = seed
    else:
        if seed is None:
            seed = int(np.random.SeedSequence().entropy)  # type: ignore[arg-type]  # an int here
        if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
            raise SweepError(
                f"seed must be a non-negative integer or a numpy Generator; got {seed!r}"
            )
        seed = int(seed)
        rng = np.random.default_rng(seed)
    names: list[str] = []
    columns: list[np.ndarray] = []
    record: dict[str, tuple[Any, ...]] = {}
    constants: dict[str, float] = {}
    for name in sorted(by_name):  # a fixed order, so a seed reproduces the draws
        drawn, how = _draw(name, by_name[name], samples, rng)
        record[name] = how
        if isinstance(drawn, float):
            constants[name] = drawn
            continue
        names.append(name)
        columns.append(drawn)
    fixed, exact = _fill_fixed(
        game,
        {**defaults, **{k: sp.Float(v) for k, v in constants.items()}},
        names,
        "distributions=",
        "distributions={{'{name}': ('uniform', 0.0, 1.0), ...}}",
    )
    if not names:
        raise SweepError(
            "every parameter in distributions= is a constant, so there is nothing to draw; "
            "give at least one distribution, e.g. ('uniform', 0.0, 1.0)"
        )
    values = np.stack(columns) if columns else np.empty((0, samples))
    values.setflags(write=False)
    return Design(
        kind="monte_carlo",
        names=tuple(names),
        symbols=tuple(known[n] for n in names),
        fixed=fixed,
        fixed_exact=exact,
        axes=None,
        values=values,
        size=samples,
        seed=seed if not isinstance(seed, np.random.Generator) else None,
        distributions=record,
    )
