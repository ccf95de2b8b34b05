"""A game's payoffs compiled once with :func:`sympy.lambdify`, evaluated on arrays of points."""

from __future__ import annotations

import functools
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
        self, exprs: tuple[sp.Expr, ...], symbols: tuple[sp.Symbol, ...], shape: tuple[int, int]
    ) -> None:
        self.exprs = exprs
        self.symbols = symbols
        self.shape = shape
        self.function = _lambdify(exprs, symbols)

    def __reduce__(self) -> tuple[Any, ...]:
        return (CompiledPayoffs, (self.exprs, self.symbols, self.shape))

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
