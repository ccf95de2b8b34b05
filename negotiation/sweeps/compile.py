"""A game's payoffs compiled once with :func:`sympy.lambdify`, evaluated on arrays of points.

Any number of players: the entries are every player's payoff array in
row-major order, player by player, and a call returns one array per player
with the points on the last axis.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy as sp

from negotiation.errors import SweepError

__all__ = ["CompiledPayoffs"]


@functools.lru_cache(maxsize=16)
def _lambdify(exprs: tuple[sp.Expr, ...], symbols: tuple[sp.Symbol, ...]) -> Callable[..., Any]:
    return sp.lambdify(symbols, list(exprs), modules="numpy")


class CompiledPayoffs:
    """A game's payoff entries compiled once, evaluated on arrays of parameter values.

    Pickles as its expressions (a compiled function does not pickle), so a
    worker process or a Dask worker compiles it again, once per process.
    """

    def __init__(
        self, exprs: tuple[sp.Expr, ...], symbols: tuple[sp.Symbol, ...], shape: tuple[int, ...]
    ) -> None:
        self.exprs = exprs
        self.symbols = symbols
        self.shape = shape
        self.function = _lambdify(exprs, symbols)

    def __reduce__(self) -> tuple[Any, ...]:
        return (CompiledPayoffs, (self.exprs, self.symbols, self.shape))

    def __call__(self, columns: Sequence[np.ndarray], size: int) -> np.ndarray:
        """Payoffs at ``size`` points: shape ``(N, n_1, ..., n_N, size)`` (row player first).

        With two players that is ``(2, m, n, size)``.

        Raises
        ------
        SweepError
            Where a payoff is not a finite real number (the message names the point).
        """
        players = len(self.shape)
        out = np.empty((players, *self.shape, size))
        rows = out.reshape(players * math.prod(self.shape), size)
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
            bad = np.flatnonzero(~np.isfinite(rows).all(axis=0))[0]
            where = ", ".join(
                f"{s.name}={float(c[bad]):g}" for s, c in zip(self.symbols, columns, strict=True)
            )
            raise SweepError(
                f"the payoffs are not finite numbers at {where}; restrict the parameter "
                "ranges (e.g. away from a division by zero)"
            )
        return out

    def _entry(self, k: int) -> str:
        player, *index = np.unravel_index(k, (len(self.shape), *self.shape))
        at = ", ".join(str(int(i)) for i in index)
        if len(self.shape) == 2:
            return f"{('row', 'column')[int(player)]} payoffs[{at}]"
        return f"player {int(player) + 1}'s payoffs[{at}]"
