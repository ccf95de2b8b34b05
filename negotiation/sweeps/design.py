"""The points of a sweep: a grid of parameter values or a Monte Carlo sample.

:func:`grid_design` and :func:`monte_carlo_design` check ``grid=`` or
``samples=`` and ``distributions=`` against the game's parameters, fill in the
parameters held fixed, draw the sample, and return a :class:`Design`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np
import sympy as sp

from negotiation.errors import SweepError
from negotiation.games.normal_form import Game

__all__ = ["DISTRIBUTIONS", "Design", "grid_design", "monte_carlo_design", "resolve_model"]

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
    return SweepError(
        f"{what} gives {name!r}, which is not a parameter of this game; "
        f"its parameters are: {', '.join(sorted(known))}"
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


def grid_design(game: Game, defaults: Mapping[str, sp.Expr], grid: Any) -> Design:
    """The grid design of ``grid=``; a SweepError names any bad key or value."""
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
    names: list[str] = []
    axes: list[np.ndarray] = []
    for key, values in grid.items():
        name = _key_name(key, "grid")
        if name not in known:
            raise _unknown(name, known, "grid")
        if name in names:
            raise SweepError(f"grid gives {name!r} twice (as a name and as a symbol)")
        names.append(name)
        axes.append(_as_axis(values, f"grid[{name!r}]"))
    fixed, exact = _fill_fixed(game, defaults, names, "grid=", "grid={{'{name}': 0.5, ...}}")
    size = math.prod(len(a) for a in axes)
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


def monte_carlo_design(
    game: Game,
    defaults: Mapping[str, sp.Expr],
    samples: Any,
    distributions: Any,
    seed: Any,
) -> Design:
    """The Monte Carlo design of ``samples=``, ``distributions=`` and ``seed=`` (draws made)."""
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
