"""A game's payoffs in the forms the solvers read: floats and exact fractions.

A :class:`PayoffTables` is made once per (immutable) game from its sympy
payoff arrays; each form is computed on first use and then kept, so solving
the same game twice does not convert its payoffs twice.

Examples
--------
>>> import sympy as sp
>>> t = PayoffTables((sp.ImmutableDenseNDimArray([[1, 0.5]]),))
>>> t.floats[0].tolist(), t.fractions[0].tolist()
([[1.0, 0.5]], [[Fraction(1, 1), Fraction(1, 2)]])
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import sympy as sp

from negotiation.symbolic import to_fraction

__all__ = ["PayoffTables", "flat_entries"]


def flat_entries(array: sp.NDimArray) -> list[sp.Expr]:
    """The entries of a sympy N-dim array in row-major (C) order."""
    return list(sp.flatten(array.tolist())) if array.rank() > 1 else list(array)


class PayoffTables:
    """One game's numeric payoff arrays, one per player, indexed by profile.

    Parameters
    ----------
    payoffs
        One sympy N-dim array of numbers per player.
    """

    def __init__(self, payoffs: tuple[sp.NDimArray, ...]) -> None:
        self.payoffs = payoffs

    @property
    def n_players(self) -> int:
        """The number of players."""
        return len(self.payoffs)

    @property
    def shape(self) -> tuple[int, ...]:
        """The number of strategies of each player."""
        return tuple(self.payoffs[0].shape)

    @cached_property
    def floats(self) -> tuple[np.ndarray, ...]:
        """Read-only float arrays."""
        out = []
        for u in self.payoffs:
            a = np.array([float(v) for v in flat_entries(u)], dtype=float).reshape(self.shape)
            a.setflags(write=False)
            out.append(a)
        return tuple(out)

    @cached_property
    def fractions(self) -> tuple[np.ndarray, ...]:
        """Object arrays of :class:`~fractions.Fraction` (floats read as the decimals they print as)."""
        out = []
        for u in self.payoffs:
            a = np.empty(self.shape, dtype=object)
            a.reshape(-1)[:] = [to_fraction(v) for v in flat_entries(u)]
            a.setflags(write=False)
            out.append(a)
        return tuple(out)

    @cached_property
    def fraction_lists(self) -> tuple[list, ...]:
        """The fractions as nested lists (what the two-player exact kernels take)."""
        return tuple(a.tolist() for a in self.fractions)
