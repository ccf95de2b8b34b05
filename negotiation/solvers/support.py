"""Support enumeration for any number of players: the solver-table entry.

Two players, floats: nashpy's support pairs, each solved on its own
submatrix and checked (:mod:`negotiation.solvers.numeric`). Exact arithmetic,
or three and more players: the polynomial indifference system of every
support profile (:mod:`negotiation.solvers.support_nplayer`).
"""

from __future__ import annotations

from negotiation.solvers import Solved
from negotiation.solvers.tables import PayoffTables

__all__ = ["solve"]


def solve(tables: PayoffTables, *, exact: bool, tol: float) -> Solved:
    """Every equilibrium found by enumerating supports (see the module docstring)."""
    if tables.n_players == 2 and not exact:
        from negotiation.solvers.numeric import solve_support_enumeration

        return solve_support_enumeration(tables, exact=exact, tol=tol)
    from negotiation.solvers.support_nplayer import solve as solve_nplayer

    return solve_nplayer(tables, exact=exact, tol=tol)
