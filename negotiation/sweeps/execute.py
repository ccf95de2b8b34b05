"""Running a sweep: the points in chunks, in this process, on an executor or on Dask.

An economist rarely solves one game. She asks over which ranges of tariff,
leverage and patience a deal holds, and how likely each outcome is when those
numbers are uncertain. :func:`sweep` answers both questions in one call. It
compiles the game's payoffs once with :func:`sympy.lambdify`, evaluates them on
whole arrays of parameter values, and finds every equilibrium at every point
with the batched kernels of :mod:`negotiation.solvers.batched` (for three or
more players, the pure equilibria, by
:func:`negotiation.solvers.batched.pure_nplayer`). Points are
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

import math
import sys
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np
import sympy as sp

from negotiation.errors import SweepError
from negotiation.solvers import batched as kernels
from negotiation.solvers.tables import flat_entries
from negotiation.sweeps.compile import CompiledPayoffs
from negotiation.sweeps.design import Design, grid_design, monte_carlo_design, resolve_model
from negotiation.sweeps.result import SweepResult, bits

__all__ = ["sweep"]

METHODS = kernels.METHODS

#: Working memory aimed at per chunk (bytes); the chunk size is derived from it.
_CHUNK_BUDGET = 96 * 2**20
#: At most this many chunks are submitted to an executor and not yet collected.
_MAX_IN_FLIGHT = 32


@dataclass(frozen=True)
class _Chunk:
    """One chunk of points, self-contained so an executor can run it anywhere."""

    payoffs: CompiledPayoffs
    method: str
    tol: float
    start: int
    stop: int
    axes: tuple[np.ndarray, ...] | None  # grid: the axes; the points are start..stop-1
    values: np.ndarray | None  # Monte Carlo: (p, stop - start) sampled values

    def columns(self) -> list[np.ndarray]:
        if self.axes is not None:
            return [self._grid_column(j) for j in range(len(self.axes))]
        assert self.values is not None
        return list(self.values)

    def _grid_column(self, j: int) -> np.ndarray:
        """Axis ``j``'s value at the chunk's points, by tiling and repeating (no index arrays).

        In C order, point ``k`` takes ``axis[(k // inner) % n]`` (``inner``: the
        number of points per value of this axis), a periodic sequence of runs.
        """
        assert self.axes is not None
        axis = self.axes[j]
        n = len(axis)
        inner = math.prod(len(a) for a in self.axes[j + 1 :])
        first, last = self.start // inner, (self.stop - 1) // inner
        offset = first % n
        runs = np.tile(axis, -(-(offset + last - first + 1) // n))[
            offset : offset + last - first + 1
        ]
        if inner == 1:
            return runs
        skip = self.start - first * inner
        return np.repeat(runs, inner)[skip : skip + self.stop - self.start]


@dataclass(frozen=True)
class _ChunkResult:
    counts: np.ndarray  # (c,) equilibria per point
    degenerate: np.ndarray  # (c,)
    keys: tuple[tuple[int, ...], ...]  # the chunk's outcomes: one support mask per player
    codes: np.ndarray  # (E,) index into keys
    mixed_row: np.ndarray
    mixed_col: np.ndarray


def _run_chunk(chunk: _Chunk) -> _ChunkResult:
    """Evaluate the payoffs of one chunk and find its equilibria (runs in a worker)."""
    size = chunk.stop - chunk.start
    payoffs = chunk.payoffs(chunk.columns(), size)
    shape = chunk.payoffs.shape
    if shape == (2, 2) and chunk.method != "pure":
        coded = kernels.solve_2x2_coded(payoffs[0], payoffs[1], chunk.tol)
        if coded is not None:  # the compiled pass (numba installed)
            return _ChunkResult(
                counts=coded.counts,
                degenerate=coded.degenerate,
                keys=coded.keys,
                codes=coded.codes,
                mixed_row=coded.mixed_row,
                mixed_col=coded.mixed_col,
            )
    if len(shape) == 2:
        A = payoffs[0].transpose(2, 0, 1)  # (size, m, n) views of batch-last arrays
        B = payoffs[1].transpose(2, 0, 1)
        solved = kernels.solve_batch(A, B, chunk.method, chunk.tol)
        counts, degenerate = solved.counts, solved.degenerate
        supports: tuple[np.ndarray, ...] = (solved.row_support, solved.col_support)
        mixed_row, mixed_col = solved.mixed_row, solved.mixed_col
    else:  # three or more players: pure equilibria only
        arrays = tuple(np.moveaxis(u, -1, 0) for u in payoffs)  # (size, n_1, ..., n_N) views
        counts, degenerate, supports = kernels.pure_nplayer(arrays, chunk.tol)
        mixed_row, mixed_col = np.empty((0, shape[0])), np.empty((0, shape[1]))
    keys, codes = _encode(supports, shape)
    return _ChunkResult(
        counts=counts.astype(np.uint16 if counts.max(initial=0) < 2**16 else np.int64),
        degenerate=np.asarray(degenerate, dtype=bool),
        keys=keys,
        codes=codes,
        # the last probability is 1 minus the others: store the others only
        mixed_row=np.ascontiguousarray(mixed_row[:, :-1]),
        mixed_col=np.ascontiguousarray(mixed_col[:, :-1]),
    )


def _encode(
    supports: tuple[np.ndarray, ...], shape: tuple[int, ...]
) -> tuple[tuple[tuple[int, ...], ...], np.ndarray]:
    """Number the distinct outcomes (one support mask per player) of a chunk."""
    if sum(shape) <= 16:
        # pack the masks into one integer, the last player in the lowest bits
        offsets = [sum(shape[p + 1 :]) for p in range(len(shape))]
        combined = np.zeros(len(supports[0]), dtype=np.int64)
        for mask, offset in zip(supports, offsets, strict=True):
            combined |= mask.astype(np.int64) << offset
        present = np.bincount(combined, minlength=1 << sum(shape)) > 0
        found = np.flatnonzero(present)
        lookup = np.cumsum(present) - 1
        keys = tuple(
            tuple(int(c >> o) & ((1 << n) - 1) for o, n in zip(offsets, shape, strict=True))
            for c in found
        )
        return keys, lookup.astype(_code_dtype(len(keys)))[combined]
    stacked = np.stack([mask.astype(np.uint64) for mask in supports], axis=1)
    distinct, codes = np.unique(stacked, axis=0, return_inverse=True)
    keys = tuple(tuple(int(k) for k in row) for row in distinct)
    return keys, codes.reshape(-1).astype(_code_dtype(len(keys)))


def _code_dtype(count: int) -> type[np.unsignedinteger]:
    """The smallest unsigned type that numbers ``count`` outcomes."""
    return np.uint8 if count <= 2**8 else np.uint16 if count <= 2**16 else np.uint32


def _outcome_order(key: tuple[int, ...]) -> tuple[int, tuple[tuple[int, ...], ...]]:
    """Pure profiles first in row-major order, then mixed outcomes by support size."""
    supports = tuple(bits(mask) for mask in key)
    return (sum(len(s) for s in supports), supports)


def _default_chunk_size(shape: tuple[int, ...], method: str) -> int:
    if method == "pure":
        per_point = 40 * len(shape) * math.prod(shape)
    elif shape == (2, 2):
        # the compiled pass keeps about 130 bytes a point; the numpy closed forms about 400
        per_point = 200 if kernels.solve_2x2_compiled() else 400
    else:
        m, n = shape
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
    design: Design, payoffs: CompiledPayoffs, method: str, tol: float, size: int
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
) -> tuple[tuple[tuple[int, ...], ...], dict[str, np.ndarray]]:
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
        if (lookup == np.arange(len(lookup))).all():  # the chunk numbers outcomes as the result
            out["codes"][at["entries"] : at["entries"] + e] = r.codes
        else:
            out["codes"][at["entries"] : at["entries"] + e] = lookup[r.codes] if e else 0
        out["mixed_row"][at["mixed"] : at["mixed"] + m] = r.mixed_row
        out["mixed_col"][at["mixed"] : at["mixed"] + m] = r.mixed_col
        at["points"] += p
        at["entries"] += e
        at["mixed"] += m
    for a in out.values():
        a.setflags(write=False)
    return tuple(keys), out


def _continuous_sweep(model: Any, grid: Any, *, samples: Any, distributions: Any) -> Any:
    """Hand a continuous game's sweep to :meth:`ContinuousGame.sweep`."""
    if grid is None or samples is not None or distributions is not None:
        raise SweepError(
            "a continuous game sweeps over a grid only: give grid={'parameter': values, ...} "
            "for every free parameter"
        )
    return model.sweep(grid=grid)


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
    strict: bool = False,
) -> SweepResult:
    """The equilibria of a game at every point of a parameter grid or Monte Carlo sample.

    Parameters
    ----------
    model
        A :class:`negotiation.Game` with free parameters, or a scenario (any
        object with ``.game(symbolic=True)``; its ``.defaults`` fill in the
        parameters that are not swept), or a :class:`negotiation.ContinuousGame`
        (a grid over all its parameters, through :meth:`ContinuousGame.sweep`:
        the compiled closed form where there is one). Any number of players; with three or
        more, sweeps find the pure equilibria (``method="pure"``).
    grid
        ``{parameter: values}``, the values of each swept parameter: a
        whole number ``n`` for ``n`` evenly spaced points over the range the
        scenario declares (``grid={"m": 50}``); ``(low, high, n)`` for
        ``numpy.linspace(low, high, n)``; a one-dimensional array of values;
        or a single number, which holds the parameter fixed (for a
        parameter without a declared range, such as a bare Game's, a whole
        number too). The sweep covers their Cartesian product, the first
        parameter varying slowest. Keys are names or sympy symbols.
    samples
        The number of Monte Carlo draws (instead of ``grid``). Without
        ``distributions``, every parameter of a scenario is drawn uniformly
        over its declared range.
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
        :meth:`negotiation.Game.equilibria` returns, for two-player games up
        to 4x4 in batches, and up to 16x16 one game at a time by the compiled
        search that :meth:`negotiation.Game.equilibria` uses. ``"pure"``:
        pure equilibria only, for any size and any number of players (the
        only method for three or more players).
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
    strict
        Raise :class:`~negotiation.ParameterRangeError` for grid values or
        distributions outside a parameter's declared range, instead of
        warning (:class:`~negotiation.ParameterRangeWarning`).

    Returns
    -------
    SweepResult

    Warns
    -----
    ParameterRangeWarning
        For grid values or distribution bounds outside the range the scenario
        declares for a parameter (values on the boundary are inside).

    Raises
    ------
    SweepError
        For a parameter the game does not have (with the closest names), a
        parameter with no value, an empty grid, a range with low > high, zero
        points, invalid distribution arguments, payoffs that are not finite
        at some point, a mixed method asked of a game with three or more
        players, or a sweep whose results would not fit in memory (the
        message gives a size that fits).
    ParameterRangeError
        Under ``strict=True``, for values outside a declared range.

    See Also
    --------
    negotiation.Game.equilibria : the same answer at one point.
    negotiation.solvers.batched : the batched solvers.

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

    Three players, pure equilibria: Japan joins the US and China as a third
    buyer of the same magnets (stylised payoffs). The tariff spiral needs the
    US to value retaliation at least as much as escalation costs it (3):

    >>> third = ng.load("rare_earth_third_party")
    >>> r = ng.sweep(third, grid={"retaliation_us": [2, 3, 4]}, method="pure")
    >>> [[str(eq) for eq in r.equilibria_at(i)] for i in (0, 2)]  # doctest: +NORMALIZE_WHITESPACE
    [['US plays Hold; China plays Deliver; Japan plays Hedge; payoffs (0, 0, 0)'],
     ['US plays Hold; China plays Deliver; Japan plays Hedge; payoffs (0, 0, 0)',
      'US plays Escalate; China plays Target; Japan plays Hedge; payoffs (-3, -4, -1)']]
    >>> int(r.degenerate[1])  # at 3 the US is indifferent: a tie
    1
    """
    from negotiation.games.continuous import ContinuousGame

    if isinstance(model, ContinuousGame):
        # A continuous game sweeps through its own compiled closed form.
        return _continuous_sweep(model, grid, samples=samples, distributions=distributions)
    if grid is not None and (samples is not None or distributions is not None):
        raise SweepError(
            "give either grid= (a grid sweep) or samples= and distributions= (Monte Carlo), "
            "not both"
        )
    if grid is None and distributions is None and samples is None:
        raise SweepError(
            "give grid={'t': values, ...} for a grid sweep, or samples=N (and "
            "distributions={'t': ('uniform', low, high), ...}, unless a scenario declares the "
            "ranges) for Monte Carlo"
        )
    if not isinstance(strict, bool):
        raise SweepError(f"strict must be True or False; got {strict!r}")
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
    game, defaults = resolve_model(model)
    shape = game.shape
    size_text = "x".join(str(k) for k in shape)
    if game.n_players > 2 and method != "pure":
        raise SweepError(
            f"sweeps of games with three or more players find pure equilibria only; this game "
            f"has {game.n_players} players ({', '.join(game.players)}): use method='pure', or "
            "solve single points with game.subs(...).equilibria(method='support_enumeration') "
            "for the mixed equilibria"
        )
    if method == "vertex_enumeration" and max(shape) > kernels.MAX_LOOP_SIZE:
        raise SweepError(
            f"sweeps find every equilibrium of games up to "
            f"{kernels.MAX_LOOP_SIZE}x{kernels.MAX_LOOP_SIZE}; "
            f"this game is {size_text}: use method='pure', or remove dominated strategies first "
            "(Game.eliminate_dominated)"
        )
    if method == "pure" and max(shape) > 64:
        raise SweepError(
            f"sweeps handle at most 64 strategies per player; this game is {size_text}"
        )
    if grid is not None:
        design = grid_design(game, defaults, grid, model=model, strict=strict)
    else:
        design = monte_carlo_design(
            game, defaults, samples, distributions, seed, model=model, strict=strict
        )
    exprs = tuple(
        sp.sympify(e).xreplace(design.fixed_exact) for u in game.payoffs for e in flat_entries(u)
    )
    payoffs = CompiledPayoffs(exprs, design.symbols, shape)
    size = int(chunk_size) if chunk_size is not None else _default_chunk_size(shape, method)
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
        defaults={name: float(v) for name, v in defaults.items()},
        units={
            p.name: p.unit
            for p in getattr(model, "parameter_info", ()) or ()
            if getattr(p, "unit", "")
        },
        strategy_titles=_strategy_titles(model),
    )


def _strategy_titles(model: Any) -> dict[str, dict[str, str]]:
    """``{party: {strategy: title}}`` of a scenario's strategies that have titles."""
    out: dict[str, dict[str, str]] = {}
    strategies = getattr(model, "strategies", None)
    if not isinstance(strategies, Mapping):
        return out
    for party, listed in strategies.items():
        titles = {s.name: s.title for s in listed if getattr(s, "title", "") and hasattr(s, "name")}
        if titles:
            out[str(party)] = titles
    return out
