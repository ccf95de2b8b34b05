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

import sys
from functools import cached_property

import numpy as np
import sympy as sp

from negotiation.errors import InvalidGameError
from negotiation.symbolic import to_fraction

__all__ = ["PayoffTables", "flat_entries"]


def flat_entries(array: sp.NDimArray) -> list[sp.Expr]:
    """The entries of a sympy N-dim array in row-major (C) order.

    A dense array keeps them as one flat list in that order; reading it is
    about a thousand times faster than indexing the array entry by entry
    (each index is parsed and each entry sympified again).

    Examples
    --------
    >>> flat_entries(sp.ImmutableDenseNDimArray([[1, 2], [3, 4]]))
    [1, 2, 3, 4]
    """
    stored = getattr(array, "_array", None)
    if isinstance(array, sp.DenseNDimArray) and isinstance(stored, list):
        return list(stored)
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
        return tuple(int(n) for n in self.payoffs[0].shape)

    @cached_property
    def floats(self) -> tuple[np.ndarray, ...]:
        """Read-only float arrays.

        Raises
        ------
        InvalidGameError
            For a payoff beyond the range of floats (above about ``1.8e308`` in
            magnitude, or a non-zero number below ``2.2e-308``, which a float
            rounds to ``inf`` or to 0 or loses digits of), naming the player,
            the profile and the exact methods, which solve such a game.
        """
        out = []
        for player, u in enumerate(self.payoffs):
            entries = flat_entries(u)
            values = [_float(v) for v in entries]
            a = np.array(values, dtype=float).reshape(self.shape)
            lost = ~np.isfinite(a) | ((np.abs(a) < _SMALLEST) & (a != 0))
            for k in np.flatnonzero(a == 0):  # a 0 that was not 0
                lost.reshape(-1)[k] = not entries[k].is_zero
            if lost.any():
                raise _beyond_floats(player, np.argwhere(lost)[0], entries, self.shape)
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


#: The smallest positive normal float: below it a float keeps fewer digits, then none.
_SMALLEST = sys.float_info.min


def _float(value: sp.Expr) -> float:
    try:
        return float(value)
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")


def _beyond_floats(
    player: int, index: np.ndarray, entries: list[sp.Expr], shape: tuple[int, ...]
) -> InvalidGameError:
    """The error for the payoff at ``index`` (of player ``player``), which floats cannot hold."""
    value = entries[int(np.ravel_multi_index(tuple(index), shape))]
    profile = ", ".join(str(int(k) + 1) for k in index)
    from negotiation.solvers import methods_for

    if abs(value) > 1:
        where = "larger in magnitude than any float (1.8e+308): a numeric method would read inf"
    else:
        where = (
            "smaller in magnitude than a full-precision float (2.2e-308): a numeric method "
            "would read 0 or lose digits"
        )
    names = [repr(m) for m in methods_for(len(shape), exact=True)]
    exact = "method=" + (", ".join(names[:-1]) + " or " if len(names) > 1 else "") + names[-1]
    return InvalidGameError(
        f"player {player + 1}'s payoff in profile ({profile}) (strategies counted from 1) is "
        f"about {sp.N(value, 3)!s}, {where}; solve exactly with exact=True ({exact}), "
        "or express the payoffs in other units (multiplying a player's payoffs by a "
        "positive number changes no best response)"
    )
