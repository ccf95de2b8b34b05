"""Support enumeration for any number of players: the solver-table entry.

Two players, floats: nashpy's support pairs, each solved on its own
submatrix and checked (:mod:`negotiation.solvers.numeric`). Exact arithmetic,
or three and more players: the polynomial indifference system of every
support profile (:mod:`negotiation.solvers.support_nplayer`).
"""

from __future__ import annotations

import math
import sys

from negotiation.errors import WorkLimitError
from negotiation.solvers import MAX_SUPPORTS, MAX_SUPPORTS_TWO, Solved, suggested_limit
from negotiation.solvers.tables import PayoffTables

__all__ = ["solve", "support_pairs"]


def support_pairs(m: int, n: int) -> int:
    """The equal-size support pairs of an ``m x n`` game: ``sum_k C(m, k) C(n, k) = C(m + n, m) - 1``.

    Examples
    --------
    >>> support_pairs(2, 2), support_pairs(8, 8)
    (5, 12869)
    """
    return math.comb(m + n, m) - 1


def solve(
    tables: PayoffTables, *, exact: bool, tol: float, max_supports: int | str | None = "auto"
) -> Solved:
    """Every equilibrium found by enumerating supports (see the module docstring).

    ``max_supports`` bounds the support profiles examined, before any work:
    ``"auto"`` is :data:`~negotiation.solvers.MAX_SUPPORTS_TWO` for two
    players on floats and :data:`~negotiation.solvers.MAX_SUPPORTS` for the
    polynomial systems; ``None`` is no bound.

    Raises
    ------
    WorkLimitError
        For a game beyond the bound, naming the methods that solve it faster.
    """
    if tables.n_players == 2 and not exact:
        m, n = tables.shape
        cap = MAX_SUPPORTS_TWO if max_supports == "auto" else max_supports
        count = support_pairs(m, n)
        if isinstance(cap, int) and count > cap:
            suggested = suggested_limit(count)
            raise WorkLimitError(
                f"support enumeration of a {m} x {n} game would examine {count:,} support "
                f"pairs, more than max_supports={cap:,}; every extreme equilibrium comes much "
                "faster from method='vertex_enumeration' (the default), one from "
                "method='lemke_howson'; or raise the limit if you can wait: "
                f"game.equilibria('support_enumeration', max_supports={suggested:_}), or "
                "max_supports=None for no limit",
                option="max_supports",
                bound=count,
                suggested=suggested,
            )
        from negotiation.solvers.numeric import solve_support_enumeration

        return solve_support_enumeration(tables, exact=exact, tol=tol)
    from negotiation.solvers.support_nplayer import solve as solve_nplayer

    cap = MAX_SUPPORTS if max_supports == "auto" else max_supports
    return solve_nplayer(
        tables, exact=exact, tol=tol, max_supports=sys.maxsize if cap is None else int(cap)
    )
