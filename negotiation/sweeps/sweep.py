"""Parameter sweeps: the equilibria of a game at every point of a grid or a Monte Carlo sample.

An economist rarely solves one game. She asks over which ranges of tariff,
leverage and patience a deal holds, and how likely each outcome is when those
numbers are uncertain. :func:`sweep` answers both questions in one call. It
compiles the game's payoffs once with :func:`sympy.lambdify`, evaluates them on
whole arrays of parameter values, and finds every equilibrium at every point
with the batched kernels of :mod:`negotiation.sweeps.kernels`. Points are
processed in chunks, so memory stays bounded, and the chunks can be run by any
:class:`concurrent.futures.Executor`: a process pool, or a Dask cluster
(``distributed.Client(...).get_executor()``).

Examples
--------
>>> import numpy as np, sympy as sp
>>> import negotiation as ng
>>> C = sp.Symbol("C")  # the cost of a collision in the October game of chicken
>>> chicken = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("Swerve", "Escalate"))
>>> result = ng.sweep(chicken, grid={"C": np.linspace(0, 20, 201)})
>>> len(result), result.outcomes
(201, ('(Swerve, Escalate)', '(Escalate, Swerve)', '(Escalate, Escalate)', '(Swerve+Escalate, Swerve+Escalate)'))
>>> result.where("(Escalate, Escalate)")["C"].max()   # escalation is dominant while C <= 3
np.float64(3.0)
>>> int(result.degenerate.sum())                      # C = 3 exactly is a tie
1
"""

from __future__ import annotations

import functools
import math
import sys
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field
from numbers import Real
from statistics import NormalDist
from typing import Any

import numpy as np
import sympy as sp

from negotiation.errors import SweepError, UnknownLabelError
from negotiation.games.normal_form import Equilibrium, Game
from negotiation.sweeps import kernels

__all__ = ["DISTRIBUTIONS", "OutcomeShares", "SweepResult", "sweep"]

#: Monte Carlo distributions and their arguments, as written in ``distributions=``.
DISTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "uniform": ("low", "high"),
    "normal": ("mean", "sd"),
    "triangular": ("low", "mode", "high"),
    "empirical": ("values",),
}

METHODS = kernels.METHODS

#: Working memory aimed at per chunk (bytes); the chunk size is derived from it.
_CHUNK_BUDGET = 96 * 2**20
#: At most this many chunks are submitted to an executor and not yet collected.
_MAX_IN_FLIGHT = 32


# ---------------------------------------------------------------------- compiled payoffs
@functools.lru_cache(maxsize=16)
def _lambdify(exprs: tuple[sp.Expr, ...], symbols: tuple[sp.Symbol, ...]) -> Callable[..., Any]:
    return sp.lambdify(symbols, list(exprs), modules="numpy")


class _Payoffs:
    """A game's payoff entries compiled once, evaluated on arrays of parameter values.

    Pickles as its expressions (a compiled function does not pickle), so a
    worker process or a Dask worker compiles it again, once per process.
    """

    def __init__(
        self, exprs: tuple[sp.Expr, ...], symbols: tuple[sp.Symbol, ...], shape: tuple[int, int]
    ) -> None:
        self.exprs = exprs
        self.symbols = symbols
        self.shape = shape
        self.function = _lambdify(exprs, symbols)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Payoffs, (self.exprs, self.symbols, self.shape))

    def __call__(self, columns: Sequence[np.ndarray], size: int) -> np.ndarray:
        """Payoffs at ``size`` points: shape ``(2, m, n, size)`` (row player first).

        Raises
        ------
        SweepError
            Where a payoff is not a finite real number (the message names the point).
        """
        m, n = self.shape
        out = np.empty((2, m, n, size))
        rows = out.reshape(2 * m * n, size)
        with np.errstate(all="ignore"):
            values = self.function(*columns)
        for k, v in enumerate(values):
            if np.iscomplexobj(v):
                raise SweepError(
                    f"payoff {self._entry(k)} is complex at some points ({self.exprs[k]}); "
                    "restrict the parameter ranges so the payoffs stay real"
                )
            rows[k] = v
        if not np.isfinite(out).all():
            bad = np.flatnonzero(~np.isfinite(out).all(axis=(0, 1, 2)))[0]
            where = ", ".join(
                f"{s.name}={float(c[bad]):g}" for s, c in zip(self.symbols, columns, strict=True)
            )
            raise SweepError(
                f"the payoffs are not finite numbers at {where}; restrict the parameter "
                "ranges (e.g. away from a division by zero)"
            )
        return out

    def _entry(self, k: int) -> str:
        m, n = self.shape
        player, rest = divmod(k, m * n)
        i, j = divmod(rest, n)
        return f"{('row', 'column')[player]} payoffs[{i}, {j}]"


# ---------------------------------------------------------------------- chunks
@dataclass(frozen=True)
class _Chunk:
    """One chunk of points, self-contained so an executor can run it anywhere."""

    payoffs: _Payoffs
    method: str
    tol: float
    start: int
    stop: int
    axes: tuple[np.ndarray, ...] | None  # grid: the axes; the points are start..stop-1
    values: np.ndarray | None  # Monte Carlo: (p, stop - start) sampled values

    def columns(self) -> list[np.ndarray]:
        if self.axes is not None:
            shape = tuple(len(a) for a in self.axes)
            index = np.unravel_index(np.arange(self.start, self.stop), shape)
            return [axis[i] for axis, i in zip(self.axes, index, strict=True)]
        assert self.values is not None
        return list(self.values)


@dataclass(frozen=True)
class _ChunkResult:
    counts: np.ndarray  # (c,) equilibria per point
    degenerate: np.ndarray  # (c,)
    keys: tuple[tuple[int, int], ...]  # the chunk's outcomes as (row, col) support masks
    codes: np.ndarray  # (E,) index into keys
    mixed_row: np.ndarray
    mixed_col: np.ndarray


def _run_chunk(chunk: _Chunk) -> _ChunkResult:
    """Evaluate the payoffs of one chunk and find its equilibria (runs in a worker)."""
    size = chunk.stop - chunk.start
    payoffs = chunk.payoffs(chunk.columns(), size)
    A = payoffs[0].transpose(2, 0, 1)  # (size, m, n) views of batch-last arrays
    B = payoffs[1].transpose(2, 0, 1)
    solved = kernels._solve(A, B, chunk.method, chunk.tol)
    keys, codes = _encode(solved.row_support, solved.col_support, *chunk.payoffs.shape)
    return _ChunkResult(
        counts=solved.counts.astype(
            np.uint16 if solved.counts.max(initial=0) < 2**16 else np.int64
        ),
        degenerate=np.asarray(solved.degenerate, dtype=bool),
        keys=keys,
        codes=codes,
        # the last probability is 1 minus the others: store the others only
        mixed_row=np.ascontiguousarray(solved.mixed_row[:, :-1]),
        mixed_col=np.ascontiguousarray(solved.mixed_col[:, :-1]),
    )


def _encode(
    row_support: np.ndarray, col_support: np.ndarray, m: int, n: int
) -> tuple[tuple[tuple[int, int], ...], np.ndarray]:
    """Number the distinct (row support, column support) pairs of a chunk."""
    if m + n <= 16:
        combined = (row_support.astype(np.int64) << n) | col_support.astype(np.int64)
        present = np.bincount(combined, minlength=1 << (m + n)) > 0
        found = np.flatnonzero(present)
        lookup = np.cumsum(present) - 1
        keys = tuple((int(c >> n), int(c & ((1 << n) - 1))) for c in found)
        return keys, lookup.astype(_code_dtype(len(keys)))[combined]
    pairs = np.stack([row_support.astype(np.uint64), col_support.astype(np.uint64)], axis=1)
    found, codes = np.unique(pairs, axis=0, return_inverse=True)
    keys = tuple((int(r), int(c)) for r, c in found)
    return keys, codes.reshape(-1).astype(_code_dtype(len(keys)))


def _code_dtype(count: int) -> type[np.unsignedinteger]:
    """The smallest unsigned type that numbers ``count`` outcomes."""
    return np.uint8 if count <= 2**8 else np.uint16 if count <= 2**16 else np.uint32


def _bits(mask: int) -> tuple[int, ...]:
    return tuple(i for i in range(mask.bit_length()) if mask >> i & 1)


def _outcome_order(key: tuple[int, int]) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
    """Pure profiles first in row-major order, then mixed outcomes by support size."""
    rows, cols = _bits(key[0]), _bits(key[1])
    return (len(rows) + len(cols), rows, cols)


# ---------------------------------------------------------------------- the design
@dataclass(frozen=True)
class _Design:
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


def _resolve_model(model: Any) -> tuple[Game, dict[str, sp.Expr]]:
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


def _grid_design(game: Game, defaults: Mapping[str, sp.Expr], grid: Any) -> _Design:
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
    return _Design(
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


def _monte_carlo_design(
    game: Game,
    defaults: Mapping[str, sp.Expr],
    samples: Any,
    distributions: Any,
    seed: Any,
) -> _Design:
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
            seed = int(np.random.SeedSequence().entropy)
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
    return _Design(
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


# ---------------------------------------------------------------------- running
def _default_chunk_size(shape: tuple[int, int], method: str) -> int:
    m, n = shape
    if method == "pure":
        per_point = 80 * m * n
    elif shape == (2, 2):
        per_point = 400
    else:
        candidates = math.comb(m + n, m) - 1
        per_point = 160 * candidates * (m + n)
    size = max(1024, _CHUNK_BUDGET // per_point)
    return 1 << (size.bit_length() - 1)  # a power of two


def _interactive() -> bool:
    if "ipykernel" in sys.modules:
        return True
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_bar(progress: bool | None, total: int, chunks: int) -> Any:
    """A tqdm bar, or None: on when asked, or (by default) when interactive and long."""
    if progress is False or (progress is None and (chunks < 2 or not _interactive())):
        return None
    try:
        if "ipykernel" in sys.modules:
            from tqdm.auto import tqdm
        else:
            from tqdm import tqdm
    except ImportError as err:
        if progress is None:
            return None
        raise ImportError("progress=True needs tqdm: pip install 'negotiation[sweeps]'") from err
    # delay: the bar appears only for sweeps that take more than a couple of seconds
    return tqdm(total=total, unit="pt", unit_scale=True, delay=0 if progress else 2, leave=False)


def _chunks(
    design: _Design, payoffs: _Payoffs, method: str, tol: float, size: int
) -> Iterator[_Chunk]:
    for start in range(0, design.size, size):
        stop = min(start + size, design.size)
        values = design.values[:, start:stop] if design.values is not None else None
        yield _Chunk(payoffs, method, tol, start, stop, design.axes, values)


def _execute(
    chunks: Iterator[_Chunk], executor: Executor | None, bar: Any
) -> list[_ChunkResult | None]:
    results: list[_ChunkResult | None] = []
    if executor is None:
        for chunk in chunks:
            results.append(_run_chunk(chunk))
            if bar is not None:
                bar.update(chunk.stop - chunk.start)
        return results
    slots: dict[Future[_ChunkResult], int] = {}
    done_results: dict[int, _ChunkResult] = {}
    pending = deque(enumerate(chunks))
    sizes: dict[int, int] = {}
    try:
        while pending or slots:
            while pending and len(slots) < _MAX_IN_FLIGHT:
                k, chunk = pending.popleft()
                sizes[k] = chunk.stop - chunk.start
                slots[executor.submit(_run_chunk, chunk)] = k
            finished, _ = wait(list(slots), return_when=FIRST_COMPLETED)
            for future in finished:
                k = slots.pop(future)
                done_results[k] = future.result()
                if bar is not None:
                    bar.update(sizes[k])
    except BaseException:
        for future in slots:
            future.cancel()
        raise
    return [done_results[k] for k in range(len(done_results))]


def _assemble(
    results: list[_ChunkResult | None],
) -> tuple[tuple[tuple[int, int], ...], dict[str, np.ndarray]]:
    """Join the chunks' results in order, releasing each chunk once it is copied."""
    chunks = [r for r in results if r is not None]
    keys = sorted({key for r in chunks for key in r.keys}, key=_outcome_order)
    index = {key: k for k, key in enumerate(keys)}
    code_dtype = _code_dtype(len(keys))
    points = sum(len(r.counts) for r in chunks)
    entries = sum(len(r.codes) for r in chunks)
    mixed = sum(len(r.mixed_row) for r in chunks)
    count_dtype = np.result_type(*(r.counts.dtype for r in chunks))
    out = {
        "counts": np.empty(points, dtype=count_dtype),
        "degenerate": np.empty(points, dtype=bool),
        "codes": np.empty(entries, dtype=code_dtype),
        "mixed_row": np.empty((mixed, chunks[0].mixed_row.shape[1])),
        "mixed_col": np.empty((mixed, chunks[0].mixed_col.shape[1])),
    }
    del chunks
    at = {"points": 0, "entries": 0, "mixed": 0}
    for k, r in enumerate(results):
        assert r is not None
        results[k] = None  # the chunk's memory is freed as soon as it is copied
        p, e, m = len(r.counts), len(r.codes), len(r.mixed_row)
        lookup = np.array([index[key] for key in r.keys], dtype=code_dtype)
        out["counts"][at["points"] : at["points"] + p] = r.counts
        out["degenerate"][at["points"] : at["points"] + p] = r.degenerate
        out["codes"][at["entries"] : at["entries"] + e] = lookup[r.codes] if e else 0
        out["mixed_row"][at["mixed"] : at["mixed"] + m] = r.mixed_row
        out["mixed_col"][at["mixed"] : at["mixed"] + m] = r.mixed_col
        at["points"] += p
        at["entries"] += e
        at["mixed"] += m
    for a in out.values():
        a.setflags(write=False)
    return tuple(keys), out


def sweep(
    model: Any,
    grid: Mapping[Any, Any] | None = None,
    *,
    samples: int | None = None,
    distributions: Mapping[Any, Any] | None = None,
    seed: int | np.random.Generator | None = None,
    method: str = "vertex_enumeration",
    tol: float = kernels.DEFAULT_TOL,
    chunk_size: int | None = None,
    executor: Executor | None = None,
    progress: bool | None = None,
) -> SweepResult:
    """The equilibria of a game at every point of a parameter grid or Monte Carlo sample.

    Parameters
    ----------
    model
        A :class:`negotiation.Game` with free parameters, or a scenario (any
        object with ``.game(symbolic=True)``; its ``.defaults`` fill in the
        parameters that are not swept).
    grid
        ``{parameter: values}``: one-dimensional arrays of values (a single
        number holds a parameter fixed). The sweep covers their Cartesian
        product, the first parameter varying slowest. Keys are names or
        sympy symbols.
    samples
        The number of Monte Carlo draws (instead of ``grid``).
    distributions
        ``{parameter: distribution}`` for Monte Carlo, each one of
        ``("uniform", low, high)``, ``("normal", mean, sd)``,
        ``("triangular", low, mode, high)``, ``("empirical", values)``
        (resampled with replacement), an array of exactly ``samples`` values
        (used in order, so correlated draws can be passed in), or a number (a
        constant). Parameters are drawn in order of name.
    seed
        Seed for the draws (an integer or a :class:`numpy.random.Generator`);
        with ``None`` a fresh seed is drawn and recorded in
        :attr:`SweepResult.seed`, so any run can be repeated.
    method
        ``"vertex_enumeration"`` (default): every extreme equilibrium, as
        :meth:`negotiation.Game.equilibria` returns, for games up to 4x4.
        ``"pure"``: pure equilibria only, for any size.
    tol
        Payoffs within ``tol`` tie and make a point degenerate; probabilities
        within ``tol`` of zero are zero.
    chunk_size
        Points per chunk (default: chosen from the game's size, about 100 MB of
        working memory). Results do not depend on it.
    executor
        Any :class:`concurrent.futures.Executor` to run the chunks, e.g. a
        ``ProcessPoolExecutor`` or ``distributed.Client(...).get_executor()``.
        Default: in this process.
    progress
        Show a tqdm progress bar: ``True``, ``False``, or ``None`` (default) for
        one that appears when the session is interactive and the sweep takes
        more than two seconds.

    Returns
    -------
    SweepResult

    Raises
    ------
    SweepError
        For a parameter the game does not have, a parameter with no value, an
        empty grid, invalid distribution arguments, or payoffs that are not
        finite at some point.

    See Also
    --------
    negotiation.Game.equilibria : the same answer at one point.
    negotiation.sweeps.kernels : the batched solvers.

    Examples
    --------
    A game of chicken (stylised payoffs) whose collision cost ``C`` is uncertain:

    >>> import sympy as sp, negotiation as ng
    >>> C = sp.Symbol("C")
    >>> chicken = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("Swerve", "Escalate"))
    >>> mc = ng.sweep(chicken, samples=10_000, distributions={C: ("uniform", 0, 10)}, seed=1)
    >>> shares = mc.share()
    >>> shares.outcomes
    ('(Swerve, Escalate)', '(Escalate, Swerve)', '(Escalate, Escalate)', '(Swerve+Escalate, Swerve+Escalate)')
    >>> round(shares["(Escalate, Escalate)"], 1)   # C < 3: escalating is dominant
    0.3
    >>> mc.seed
    1
    """
    if grid is not None and (samples is not None or distributions is not None):
        raise SweepError(
            "give either grid= (a grid sweep) or samples= and distributions= (Monte Carlo), "
            "not both"
        )
    if grid is None and distributions is None:
        if samples is not None:
            raise SweepError(
                "samples= needs distributions=, e.g. distributions={'t': ('uniform', 0.0, 1.0)}"
            )
        raise SweepError(
            "give grid={'t': values, ...} for a grid sweep, or samples=N and "
            "distributions={'t': ('uniform', low, high), ...} for Monte Carlo"
        )
    if method not in METHODS:
        raise SweepError(
            f"unknown method {method!r}; choose one of " + ", ".join(repr(m) for m in METHODS)
        )
    if isinstance(tol, bool) or not isinstance(tol, Real) or not tol >= 0:
        raise SweepError(f"tol must be a non-negative number; got {tol!r}")
    if chunk_size is not None and (
        isinstance(chunk_size, bool)
        or not isinstance(chunk_size, int | np.integer)
        or chunk_size < 1
    ):
        raise SweepError(f"chunk_size must be a positive whole number; got {chunk_size!r}")
    if executor is not None and not callable(getattr(executor, "submit", None)):
        raise SweepError(
            f"executor must be a concurrent.futures.Executor (with .submit); got "
            f"{type(executor).__name__}"
        )
    if progress not in (None, True, False):
        raise SweepError(f"progress must be True, False or None; got {progress!r}")
    game, defaults = _resolve_model(model)
    m, n = game.shape
    if method == "vertex_enumeration" and max(m, n) > kernels.MAX_SIZE:
        raise SweepError(
            f"sweeps find every equilibrium of games up to {kernels.MAX_SIZE}x{kernels.MAX_SIZE}; "
            f"this game is {m}x{n}: use method='pure', or remove dominated strategies first "
            "(Game.eliminate_dominated)"
        )
    if method == "pure" and max(m, n) > 64:
        raise SweepError(f"sweeps handle at most 64 strategies per player; this game is {m}x{n}")
    if grid is not None:
        design = _grid_design(game, defaults, grid)
    else:
        design = _monte_carlo_design(game, defaults, samples, distributions, seed)
    exprs = tuple(
        sp.sympify(e).xreplace(design.fixed_exact)
        for M in (game.row_payoffs, game.col_payoffs)
        for e in M
    )
    payoffs = _Payoffs(exprs, design.symbols, (m, n))
    size = int(chunk_size) if chunk_size is not None else _default_chunk_size((m, n), method)
    n_chunks = -(-design.size // size)
    bar = _progress_bar(progress, design.size, n_chunks)
    try:
        results = _execute(_chunks(design, payoffs, method, float(tol), size), executor, bar)
    finally:
        if bar is not None:
            bar.close()
    keys, arrays = _assemble(results)  # empties `results` as it goes
    return SweepResult(
        game=game,
        kind=design.kind,
        parameters=design.names,
        fixed=design.fixed,
        axes=dict(zip(design.names, design.axes, strict=True)) if design.axes else None,
        samples=design.values,
        seed=design.seed,
        distributions=design.distributions,
        method=method,
        tol=float(tol),
        n_equilibria=arrays["counts"],
        degenerate=arrays["degenerate"],
        outcome_keys=keys,
        codes=arrays["codes"],
        mixed_row=arrays["mixed_row"],
        mixed_col=arrays["mixed_col"],
        compiled_payoffs=payoffs,
    )


# ---------------------------------------------------------------------- results
@dataclass(frozen=True, eq=False)
class OutcomeShares:
    """How often each outcome is an equilibrium across a sweep's points.

    A point with several equilibria counts for each, so shares need not sum
    to one.

    Attributes
    ----------
    outcomes
        Outcome labels, pure profiles first (see :attr:`SweepResult.outcomes`).
    counts
        The number of points at which each outcome is an equilibrium.
    n_points
        The number of points swept.
    share
        ``counts / n_points``.
    low, high
        The confidence interval: Wilson's score interval for a Monte Carlo
        sweep (the share is an estimate); for a grid the share is the exact
        fraction of grid points, so ``low == high == share``.
    confidence
        The confidence level of ``low`` and ``high``.
    interval
        ``"wilson"`` or ``"exact"``.
    """

    outcomes: tuple[str, ...]
    counts: np.ndarray
    n_points: int
    share: np.ndarray
    low: np.ndarray
    high: np.ndarray
    confidence: float
    interval: str

    def __len__(self) -> int:
        return len(self.outcomes)

    def __getitem__(self, outcome: str) -> float:
        """The share of one outcome, by label."""
        try:
            return float(self.share[self.outcomes.index(outcome)])
        except ValueError:
            raise UnknownLabelError(
                f"no outcome {outcome!r} in this sweep; the outcomes are: "
                + ", ".join(self.outcomes)
            ) from None

    def as_dict(self) -> dict[str, float]:
        """``{outcome: share}``."""
        return {o: float(s) for o, s in zip(self.outcomes, self.share, strict=True)}

    def to_pandas(self) -> Any:
        """A DataFrame with one row per outcome (needs pandas)."""
        pd = _pandas()
        return pd.DataFrame(
            {
                "outcome": list(self.outcomes),
                "points": self.counts,
                "share": self.share,
                "low": self.low,
                "high": self.high,
            }
        )

    def _rows(self) -> list[list[str]]:
        rows = []
        for k, outcome in enumerate(self.outcomes):
            row = [outcome, str(int(self.counts[k])), f"{self.share[k]:.4f}"]
            if self.interval == "wilson":
                row.append(f"[{self.low[k]:.4f}, {self.high[k]:.4f}]")
            rows.append(row)
        return rows

    def _header(self) -> list[str]:
        header = ["outcome", "points", "share"]
        if self.interval == "wilson":
            header.append(f"{self.confidence:.0%} interval")
        return header

    def __str__(self) -> str:
        from negotiation.display import text_table

        return text_table(self._header(), self._rows()) + f"\n({self.n_points} points)"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        from negotiation.display import html_table

        return html_table(self._header(), self._rows(), caption=f"{self.n_points} points")


def _complete(probs: np.ndarray) -> np.ndarray:
    """Mixed strategies from all but their last probability."""
    return np.concatenate([probs, 1.0 - probs.sum(axis=1, keepdims=True)], axis=1)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError("this needs pandas: pip install 'negotiation[sweeps]'") from err
    return pd


def _wilson(counts: np.ndarray, n: int, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    """Wilson's score interval for binomial proportions (Wilson 1927)."""
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    p = counts / n
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


@dataclass(frozen=True, eq=False)
class SweepResult:
    """The equilibria of a game at every point of a parameter sweep.

    Built by :func:`negotiation.sweep`. Points are numbered ``0 .. len - 1``
    (for a grid in C order: the first parameter varies slowest). Each point
    has zero or more equilibria; an *outcome* is the pair of supports of an
    equilibrium, labelled ``"(Truce, Escalate)"`` for a pure profile and
    ``"(Truce+Escalate, Truce+Escalate)"`` for a mixed one.

    Attributes
    ----------
    game
        The symbolic game that was swept.
    kind
        ``"grid"`` or ``"monte_carlo"``.
    parameters
        The names of the swept parameters, in order.
    fixed
        Values of the parameters held fixed (scenario defaults, constants).
    axes
        For a grid, ``{name: values}``; otherwise ``None``.
    samples
        For Monte Carlo, the draws, shape ``(len(parameters), len(self))``.
    seed, distributions
        For Monte Carlo, how the draws were made (repeat with the same seed).
    method, tol
        How the equilibria were found.
    n_equilibria
        ``(N,)`` the number of equilibria at each point.
    degenerate
        ``(N,)`` whether each point is a degenerate game (within ``tol``): a
        tie between best responses, typically on a boundary between regimes.
        Its extreme equilibria are still reported in full.
    outcome_keys
        Each outcome's supports as ``(row bit mask, column bit mask)``.
    codes, mixed_row, mixed_col, compiled_payoffs
        The compact storage behind the accessors: each equilibrium's outcome
        (an index into ``outcome_keys``, point by point), the mixed strategies
        of the equilibria that are not pure, without their last probability
        (one minus the others), and the compiled payoffs, which recompute
        payoffs on demand rather than storing them.
    """

    game: Game
    kind: str
    parameters: tuple[str, ...]
    fixed: dict[str, float]
    axes: dict[str, np.ndarray] | None
    samples: np.ndarray | None
    seed: Any
    distributions: dict[str, tuple[Any, ...]] | None
    method: str
    tol: float
    n_equilibria: np.ndarray
    degenerate: np.ndarray
    outcome_keys: tuple[tuple[int, int], ...]
    codes: np.ndarray = field(repr=False)
    mixed_row: np.ndarray = field(repr=False)
    mixed_col: np.ndarray = field(repr=False)
    compiled_payoffs: _Payoffs = field(repr=False)

    # ------------------------------------------------------------------ basics
    def __len__(self) -> int:
        return len(self.n_equilibria)

    def __repr__(self) -> str:
        if self.kind == "grid" and self.axes is not None:
            where = " x ".join(str(len(a)) for a in self.axes.values()) + " grid"
        else:
            where = "Monte Carlo"
        return (
            f"SweepResult({where} over {', '.join(self.parameters)}: {len(self)} points, "
            f"{len(self.codes)} equilibria, {len(self.outcomes)} outcomes, "
            f"{int(self.degenerate.sum())} degenerate points)"
        )

    @property
    def shape(self) -> tuple[int, ...] | None:
        """The grid's shape (one length per parameter), or ``None`` for Monte Carlo."""
        if self.axes is None:
            return None
        return tuple(len(a) for a in self.axes.values())

    @property
    def outcomes(self) -> tuple[str, ...]:
        """Labels of the outcomes found anywhere, pure profiles first (row-major)."""
        return tuple(self._label(key) for key in self.outcome_keys)

    def _label(self, key: tuple[int, int]) -> str:
        rows, cols = self.game.strategies
        row = "+".join(rows[i] for i in _bits(key[0]))
        col = "+".join(cols[j] for j in _bits(key[1]))
        return f"({row}, {col})"

    @property
    def points(self) -> dict[str, np.ndarray]:
        """``{name: values}``: each swept parameter's value at every point."""
        return self._values_at(np.arange(len(self)))

    def _values_at(self, index: np.ndarray) -> dict[str, np.ndarray]:
        if self.axes is not None:
            axes = list(self.axes.values())
            unravelled = np.unravel_index(index, tuple(len(a) for a in axes))
            return {
                name: axis[i]
                for name, axis, i in zip(self.parameters, axes, unravelled, strict=True)
            }
        assert self.samples is not None
        return {name: self.samples[k][index] for k, name in enumerate(self.parameters)}

    def _index(self, i: int) -> int:
        if isinstance(i, bool) or not isinstance(i, int | np.integer):
            raise TypeError(f"a point index must be an integer; got {i!r}")
        if not -len(self) <= i < len(self):
            raise IndexError(f"point {i} is out of range; the sweep has {len(self)} points")
        return int(i) % len(self)

    def point(self, i: int) -> dict[str, float]:
        """Every parameter's value at point ``i`` (swept and fixed), for ``game.subs``.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> t = sp.Symbol("t")
        >>> r = ng.sweep(ng.Game([[t, 0], [0, 1]], [[1, 0], [0, t]]), grid={"t": [1.0, 2.0]})
        >>> r.point(1)
        {'t': 2.0}
        """
        i = self._index(i)
        values = {name: float(v[0]) for name, v in self._values_at(np.array([i])).items()}
        return {**values, **self.fixed}

    # ------------------------------------------------------------------ per-equilibrium data
    def _offsets(self) -> np.ndarray:
        offsets = np.zeros(len(self) + 1, dtype=np.int64)
        np.cumsum(self.n_equilibria, out=offsets[1:])
        return offsets

    def _key_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        m, n = self.game.shape
        rows = np.zeros((len(self.outcome_keys), m))
        cols = np.zeros((len(self.outcome_keys), n))
        for k, (r, c) in enumerate(self.outcome_keys):
            rows[k, list(_bits(r))] = 1.0
            cols[k, list(_bits(c))] = 1.0
        mixed = (rows.sum(axis=1) > 1) | (cols.sum(axis=1) > 1)
        return rows, cols, mixed

    def _strategies(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """Mixed strategies of the equilibria ``start .. stop - 1`` (in the flat order)."""
        rows, cols, mixed = self._key_arrays()
        codes = self.codes[start:stop]
        row = rows[codes]
        col = cols[codes]
        is_mixed = mixed[codes]
        first = int(np.count_nonzero(mixed[self.codes[:start]]))
        last = first + int(np.count_nonzero(is_mixed))
        # outside the support a probability is exactly zero (the stored form drops the last one)
        row[is_mixed] = _complete(self.mixed_row[first:last]) * (rows[codes[is_mixed]] > 0)
        col[is_mixed] = _complete(self.mixed_col[first:last]) * (cols[codes[is_mixed]] > 0)
        return row, col

    def _payoff_arrays(self, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        values = self._values_at(index)
        out = self.compiled_payoffs([values[name] for name in self.parameters], len(index))
        return out[0].transpose(2, 0, 1), out[1].transpose(2, 0, 1)

    def equilibria_at(self, i: int) -> list[Equilibrium]:
        """The equilibria at point ``i``, as :class:`negotiation.Equilibrium` objects.

        They match ``game.subs(result.point(i)).equilibria(method=result.method)``
        up to ``tol`` and order.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> t = sp.Symbol("t")
        >>> r = ng.sweep(ng.Game([[t, 0], [0, 1]], [[1, 0], [0, t]]), grid={"t": [2.0]})
        >>> [eq.row.round(4).tolist() for eq in r.equilibria_at(0)]
        [[1.0, 0.0], [0.0, 1.0], [0.6667, 0.3333]]
        """
        i = self._index(i)
        offsets = self._offsets()
        start, stop = int(offsets[i]), int(offsets[i + 1])
        row, col = self._strategies(start, stop)
        A, B = self._payoff_arrays(np.array([i]))
        labels = self.game.strategies
        out = []
        for x, y, code in zip(row, col, self.codes[start:stop], strict=True):
            x.setflags(write=False)
            y.setflags(write=False)
            row_mask, col_mask = self.outcome_keys[code]
            out.append(
                Equilibrium(
                    (x, y),
                    (float(x @ A[0] @ y), float(x @ B[0] @ y)),
                    (
                        tuple(labels[0][k] for k in _bits(row_mask)),
                        tuple(labels[1][k] for k in _bits(col_mask)),
                    ),
                    self.method,
                    players=self.game.players,
                    labels=labels,
                )
            )
        return out

    # ------------------------------------------------------------------ outcomes
    def _outcome_code(self, outcome: Any) -> int | None:
        """The code of an outcome (label, pure profile or pair of supports); None if absent."""
        rows, cols = self.game.strategies
        if isinstance(outcome, str):
            labels = self.outcomes
            if outcome in labels:
                return labels.index(outcome)
            for i in range(len(rows)):
                for j in range(len(cols)):
                    if self._label((1 << i, 1 << j)) == outcome:
                        return None
            raise UnknownLabelError(
                f"no outcome {outcome!r} in this sweep; the outcomes found are: "
                + ", ".join(labels)
                + " (or give a profile as a pair of labels, e.g. "
                f"({rows[0]!r}, {cols[0]!r}))"
            )
        if not (isinstance(outcome, Sequence) and len(outcome) == 2):
            raise UnknownLabelError(
                f"an outcome is a label such as {self._label((1, 1))!r}, a pure profile "
                f"({rows[0]!r}, {cols[0]!r}) or a pair of supports; got {outcome!r}"
            )
        masks = []
        for p, part in enumerate(outcome):
            parts = (part,) if isinstance(part, str | int | np.integer) else tuple(part)
            if not parts:
                raise UnknownLabelError("a support needs at least one strategy")
            mask = 0
            for s in parts:
                mask |= 1 << self.game.index(p, s)
            masks.append(mask)
        key = (masks[0], masks[1])
        return self.outcome_keys.index(key) if key in self.outcome_keys else None

    def _any_per_point(self, hits: np.ndarray) -> np.ndarray:
        """For each point, whether any of its equilibria is a hit (a segmented any)."""
        counts = self.n_equilibria
        if len(hits) == 0:
            return np.zeros(len(self), dtype=bool)
        offsets = self._offsets()[:-1]
        padded = np.append(hits, False)
        out = np.logical_or.reduceat(padded, np.minimum(offsets, len(hits)))
        return out & (counts > 0)

    def outcome_mask(self, outcome: Any) -> np.ndarray:
        """``(N,)`` bool: where ``outcome`` is an equilibrium.

        Parameters
        ----------
        outcome
            A label from :attr:`outcomes`, a pure profile ``(row_label,
            col_label)``, or a pair of supports ``(("a", "b"), ("x", "y"))``.
        """
        code = self._outcome_code(outcome)
        if code is None:
            return np.zeros(len(self), dtype=bool)
        return self._any_per_point(self.codes == code)

    def where(self, outcome: Any) -> dict[str, np.ndarray]:
        """The parameter values of the points where ``outcome`` is an equilibrium.

        Returns
        -------
        dict
            ``{name: values}`` for each swept parameter (arrays of equal length).

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> t = sp.Symbol("t")
        >>> pd = ng.Game([[3, 0], [t, 1]], [[3, t], [0, 1]], strategies=(("C", "D"), ("C", "D")))
        >>> ng.sweep(pd, grid={"t": [2.0, 4.0]}).where(("C", "C"))
        {'t': array([2.])}
        """
        mask = self.outcome_mask(outcome)
        return self._values_at(np.flatnonzero(mask))

    def share(self, confidence: float = 0.95) -> OutcomeShares:
        """The share of points at which each outcome is an equilibrium.

        Parameters
        ----------
        confidence
            The level of the Wilson score interval reported for Monte Carlo
            sweeps (for a grid the share is exact).

        Returns
        -------
        OutcomeShares

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> print(ng.sweep(g, grid={"C": range(0, 11)}).share())
        outcome    points   share
        (S, E)     8        0.7273
        (E, S)     8        0.7273
        (E, E)     4        0.3636
        (S+E, S+E) 7        0.6364
        (11 points)
        """
        if not (isinstance(confidence, float | int) and 0 < confidence < 1):
            raise SweepError(f"confidence must lie strictly between 0 and 1; got {confidence!r}")
        K = len(self.outcome_keys)
        counts = np.bincount(self.codes, minlength=K).astype(np.int64)
        if self.degenerate.any():
            # an outcome can occur twice at a degenerate point; count points, not equilibria
            at_degenerate = np.repeat(self.degenerate, self.n_equilibria)
            points = np.repeat(np.flatnonzero(self.degenerate), self.n_equilibria[self.degenerate])
            codes = self.codes[at_degenerate].astype(np.int64)
            distinct = np.unique(points * K + codes)
            counts -= np.bincount(codes, minlength=K) - np.bincount(distinct % K, minlength=K)
        n = len(self)
        share = counts / n
        if self.kind == "monte_carlo":
            low, high = _wilson(counts, n, float(confidence))
            interval = "wilson"
        else:
            low, high = share.copy(), share.copy()
            interval = "exact"
        return OutcomeShares(
            outcomes=self.outcomes,
            counts=counts,
            n_points=n,
            share=share,
            low=low,
            high=high,
            confidence=float(confidence),
            interval=interval,
        )

    def outcome_sets(self) -> tuple[np.ndarray, tuple[str, ...]]:
        """Which set of outcomes holds at each point, for maps of regimes.

        Returns
        -------
        codes : numpy.ndarray of int, shape ``(N,)``
            An index into ``labels`` for each point.
        labels : tuple of str
            Each distinct set of outcomes, joined by ``" & "`` (``"none"`` for
            a point without equilibria).

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> codes, labels = ng.sweep(g, grid={"C": [1.0, 5.0]}).outcome_sets()
        >>> [labels[c] for c in codes]
        ['(E, E)', '(S, E) & (E, S) & (S+E, S+E)']
        """
        K = len(self.outcome_keys)
        words = max(1, -(-K // 64))
        bits = np.zeros((len(self), words), dtype=np.uint64)
        codes = self.codes.astype(np.int64)
        for w in range(words):
            in_word = (codes // 64) == w
            flags = np.where(in_word, np.uint64(1) << (codes % 64).astype(np.uint64), np.uint64(0))
            if len(flags):
                offsets = np.minimum(self._offsets()[:-1], len(flags))
                padded = np.append(flags, np.uint64(0))
                bits[:, w] = np.bitwise_or.reduceat(padded, offsets) * (self.n_equilibria > 0)
        distinct, inverse = np.unique(bits, axis=0, return_inverse=True)
        names = self.outcomes
        labels = []
        for row in distinct:
            members = [k for k in range(K) if int(row[k // 64]) >> (k % 64) & 1]
            labels.append(" & ".join(names[k] for k in members) or "none")
        return inverse.reshape(-1), tuple(labels)

    # ------------------------------------------------------------------ tables
    def to_arrays(self) -> dict[str, np.ndarray]:
        """The tidy table as ``{column: array}``, one entry per point and equilibrium.

        Columns: ``point``; each swept parameter; ``outcome``; ``row`` and
        ``col`` (the support labels, ``"a+b"`` when mixed); ``row[<label>]``
        and ``col[<label>]`` (each strategy's probability); ``row_payoff`` and
        ``col_payoff``; ``degenerate``.
        """
        point = np.repeat(np.arange(len(self)), self.n_equilibria)
        out: dict[str, np.ndarray] = {"point": point}
        out.update(self._values_at(point))
        names = np.array(self.outcomes, dtype=object)
        out["outcome"] = names[self.codes] if len(names) else np.empty(0, dtype=object)
        rows_l, cols_l = self.game.strategies
        col_names = np.array(
            ["+".join(cols_l[j] for j in _bits(c)) for _, c in self.outcome_keys], dtype=object
        )
        row_names = np.array(
            ["+".join(rows_l[i] for i in _bits(r)) for r, _ in self.outcome_keys], dtype=object
        )
        out["row"] = row_names[self.codes] if len(row_names) else np.empty(0, dtype=object)
        out["col"] = col_names[self.codes] if len(col_names) else np.empty(0, dtype=object)
        row, col = self._strategies(0, len(self.codes))
        for k, label in enumerate(rows_l):
            out[f"row[{label}]"] = row[:, k]
        for k, label in enumerate(cols_l):
            out[f"col[{label}]"] = col[:, k]
        payoffs = np.empty((len(point), 2))
        step = 1 << 18
        for s in range(0, len(point), step):
            A, B = self._payoff_arrays(point[s : s + step])
            x, y = row[s : s + step], col[s : s + step]
            payoffs[s : s + step, 0] = np.einsum("em,emn,en->e", x, A, y)
            payoffs[s : s + step, 1] = np.einsum("em,emn,en->e", x, B, y)
        out["row_payoff"] = payoffs[:, 0]
        out["col_payoff"] = payoffs[:, 1]
        out["degenerate"] = self.degenerate[point]
        return out

    def to_pandas(self) -> Any:
        """The tidy table as a :class:`pandas.DataFrame` (needs pandas).

        One row per point and equilibrium: see :meth:`to_arrays` for the
        columns; ``outcome``, ``row`` and ``col`` are categorical.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> t = sp.Symbol("t")
        >>> pd_game = ng.Game([[3, 0], [t, 1]], [[3, t], [0, 1]],
        ...                   strategies=(("C", "D"), ("C", "D")))
        >>> df = ng.sweep(pd_game, grid={"t": [2.0, 4.0]}).to_pandas()
        >>> df[["t", "outcome", "row[C]", "row_payoff"]]
             t     outcome  row[C]  row_payoff
        0  2.0      (C, C)     1.0         3.0
        1  2.0      (D, D)     0.0         1.0
        2  2.0  (C+D, C+D)     0.5         1.5
        3  4.0      (D, D)     0.0         1.0
        """
        pd = _pandas()
        data = self.to_arrays()
        data["outcome"] = pd.Categorical(data["outcome"], categories=list(self.outcomes))
        for column in ("row", "col"):
            data[column] = pd.Categorical(data[column])
        return pd.DataFrame(data)
