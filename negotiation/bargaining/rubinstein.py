"""Rubinstein's alternating-offers bargaining over a pie of size 1.

Player 1 proposes a split; player 2 accepts or rejects and, after a rejection,
makes the next offer; each round of delay shrinks player ``i``'s payoff by the
discount factor ``delta_i``. Every function here returns the **first
proposer's share** in the subgame-perfect equilibrium (agreement is immediate),
as an exact number, a float (for float input) or a sympy expression in
symbolic discount factors.

* :func:`rubinstein`: the infinite-horizon closed form ``(1 - d2)/(1 - d1*d2)``;
* :func:`rubinstein_finite`: the same game cut off after ``rounds`` offers,
  solved by backward induction (it converges to the closed form);
* :func:`rubinstein_outside_options`: the responder may quit for an outside
  option (the outside-option principle);
* :func:`rubinstein_breakdown`: after each rejection talks break down with
  probability ``p``;
* :func:`rubinstein_convergence`: as the time between offers shrinks the
  share tends to the asymmetric Nash solution with ``beta = r2/(r1 + r2)``.

References
----------
A. Rubinstein (1982), "Perfect equilibrium in a bargaining model",
*Econometrica* 50(1): 97-109.
K. Binmore, A. Rubinstein and A. Wolinsky (1986), "The Nash bargaining solution
in economic modelling", *RAND Journal of Economics* 17(2): 176-188.
K. Binmore, A. Shaked and J. Sutton (1989), "An outside option experiment",
*Quarterly Journal of Economics* 104(4): 753-770.
A. Muthoo (1999), *Bargaining Theory with Applications*, chapters 3-5.

Examples
--------
Impatience matters: with ``delta_US = 0.90`` and
``delta_CN = 0.95`` the US, proposing first, gets about 0.345.

>>> import negotiation as ng
>>> round(float(ng.rubinstein(0.90, 0.95)), 3)
0.345
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

from negotiation import display
from negotiation.bargaining.feasible import BargainingProblem, as_utility, check_unit_interval
from negotiation.bargaining.outcome import BargainingOutcome
from negotiation.errors import BargainingError, FreeParameterError
from negotiation.symbolic import bounded_simplify, free_parameters

__all__ = [
    "RubinsteinConvergence",
    "rubinstein",
    "rubinstein_breakdown",
    "rubinstein_convergence",
    "rubinstein_finite",
    "rubinstein_outside_options",
]


def _deltas(delta1: Any, delta2: Any, *, closed_right: bool = False) -> tuple[sp.Expr, sp.Expr]:
    return (
        check_unit_interval(delta1, "delta1", "delta1=0.9", closed_right=closed_right),
        check_unit_interval(delta2, "delta2", "delta2=0.95", closed_right=closed_right),
    )


def rubinstein(delta1: Any, delta2: Any) -> sp.Expr:
    """The first proposer's share in Rubinstein's infinite-horizon game: ``(1-d2)/(1-d1*d2)``.

    Parameters
    ----------
    delta1, delta2
        The proposer's and the responder's discount factors, in (0, 1):
        numbers or sympy expressions.

    Returns
    -------
    sympy.Expr
        Exact for exact input, a float for float input, a closed form for symbols.

    Raises
    ------
    BargainingError
        For a numeric discount factor outside (0, 1).

    References
    ----------
    Rubinstein (1982); Osborne and Rubinstein (1994), proposition 122.1.

    Examples
    --------
    >>> import sympy as sp
    >>> rubinstein(sp.Rational(1, 2), sp.Rational(1, 2))
    2/3
    >>> d1, d2 = sp.symbols("delta1 delta2")
    >>> rubinstein(d1, d2)
    (1 - delta2)/(-delta1*delta2 + 1)
    """
    d1, d2 = _deltas(delta1, delta2)
    return (1 - d2) / (1 - d1 * d2)


def rubinstein_finite(delta1: Any, delta2: Any, rounds: int) -> sp.Expr:
    """The first proposer's share when bargaining stops (both get 0) after ``rounds`` offers.

    Backward induction: the last proposer takes everything, and in every
    earlier round the proposer offers the responder exactly what the
    responder would get, discounted, as the next proposer. Player 1 proposes in
    rounds 1, 3, 5, ...

    Parameters
    ----------
    delta1, delta2
        Discount factors in (0, 1), numbers or sympy expressions.
    rounds
        The number of offers allowed (at least 1).

    Raises
    ------
    BargainingError
        For ``rounds < 1`` or a discount factor outside (0, 1).

    Examples
    --------
    >>> import sympy as sp
    >>> d1, d2 = sp.symbols("delta1 delta2")
    >>> rubinstein_finite(d1, d2, 3)
    delta1*delta2 - delta2 + 1
    >>> rubinstein_finite(sp.Rational(1, 2), sp.Rational(1, 2), 40)
    366503875925/549755813888
    """
    if isinstance(rounds, bool) or not isinstance(rounds, int | np.integer) or rounds < 1:
        raise BargainingError(f"rounds = {rounds!r}; give a whole number of offers, at least 1")
    d1, d2 = _deltas(delta1, delta2)
    share: sp.Expr = sp.Integer(1)
    for t in range(int(rounds) - 1, 0, -1):
        next_proposer_delta = d1 if (t + 1) % 2 == 1 else d2
        share = 1 - next_proposer_delta * share
    return sp.expand(share)


def rubinstein_outside_options(delta1: Any, delta2: Any, outside1: Any, outside2: Any) -> sp.Expr:
    """The first proposer's share when the responder may quit for an outside option.

    After rejecting an offer, player ``i`` may opt out and take ``outside_i``.
    An outside option matters only if it beats what the player gets by
    continuing (the outside-option principle): the proposer offers the
    responder ``max(outside, discounted continuation)``.

    Parameters
    ----------
    delta1, delta2
        Discount factors in (0, 1).
    outside1, outside2
        The outside options, with ``outside1 + outside2 < 1``.

    Returns
    -------
    sympy.Expr
        A number, or a ``Piecewise`` over which options bind.

    Raises
    ------
    BargainingError
        For discount factors outside (0, 1), or outside options that sum to at
        least the pie (no gains from trade).

    References
    ----------
    Binmore, Shaked and Sutton (1989); Muthoo (1999), section 5.2.

    Examples
    --------
    >>> import sympy as sp
    >>> half = sp.Rational(1, 2)
    >>> rubinstein_outside_options(half, half, 0, 0) == rubinstein(half, half)
    True
    >>> rubinstein_outside_options(half, half, 0, sp.Rational(2, 5))
    3/5
    """
    d1, d2 = _deltas(delta1, delta2)
    w1, w2 = as_utility(outside1, "outside1"), as_utility(outside2, "outside2")
    total = w1 + w2
    if total.is_number and total >= 1:
        raise BargainingError(
            f"no gains from trade: the outside options sum to {total}, at least the whole pie "
            "(1); lower them so that outside1 + outside2 < 1"
        )
    x_star = (1 - d2) / (1 - d1 * d2)
    y_star = (1 - d1) / (1 - d1 * d2)
    return sp.Piecewise(
        (x_star, sp.And(w2 <= d2 * y_star, w1 <= d1 * x_star)),
        (1 - w2, sp.And(w2 >= d2 * y_star, w1 <= d1 * (1 - w2))),
        (1 - d2 * (1 - w1), sp.And(w1 >= d1 * x_star, w2 <= d2 * (1 - w1))),
        (1 - w2, True),
    )


def rubinstein_breakdown(
    p: Any,
    *,
    delta1: Any = 1,
    delta2: Any = 1,
    disagreement: Sequence[Any] = (0, 0),
) -> sp.Expr:
    """The first proposer's share when each rejection ends the talks with probability ``p``.

    After a rejection, with probability ``p`` the talks break down and the
    players get ``disagreement``; otherwise the responder proposes next
    (payoffs also discounted by ``delta_i``, by default not at all). The
    share is ``[1 - p*b2 - (1-p)*d2*(1 - p*b1)] / [1 - (1-p)**2*d1*d2]``; as
    ``p -> 0`` it tends to the Nash solution ``(1 + b1 - b2)/2``.

    Parameters
    ----------
    p
        The breakdown probability per rejection, in (0, 1).
    delta1, delta2
        Discount factors in (0, 1] (1: no discounting).
    disagreement
        ``(b1, b2)``, the payoffs after a breakdown, with ``b1 + b2 < 1``.

    Raises
    ------
    BargainingError
        For ``p`` outside (0, 1), discount factors outside (0, 1], or
        breakdown payoffs that leave no gains from trade.

    References
    ----------
    Binmore, Rubinstein and Wolinsky (1986), section 4; Muthoo (1999), section 4.2.

    Examples
    --------
    >>> import sympy as sp
    >>> rubinstein_breakdown(sp.Rational(1, 2))
    2/3
    >>> p = sp.Symbol("p", positive=True)
    >>> rubinstein_breakdown(p)
    -1/(p - 2)
    """
    q = check_unit_interval(p, "p", "p=0.1")
    d1, d2 = _deltas(delta1, delta2, closed_right=True)
    if (
        not isinstance(disagreement, Sequence)
        or isinstance(disagreement, str)
        or len(disagreement) != 2
    ):
        raise BargainingError(
            f"disagreement must be a pair (b1, b2), e.g. (0, 0); got {disagreement!r}"
        )
    b1 = as_utility(disagreement[0], "disagreement[0]")
    b2 = as_utility(disagreement[1], "disagreement[1]")
    if (b1 + b2).is_number and b1 + b2 >= 1:
        raise BargainingError(
            f"no gains from trade: the breakdown payoffs sum to {b1 + b2}, at least the whole "
            "pie (1); lower them so that b1 + b2 < 1"
        )
    share = (1 - q * b2 - (1 - q) * d2 * (1 - q * b1)) / (1 - (1 - q) ** 2 * d1 * d2)
    return bounded_simplify(share) if share.free_symbols else share


@dataclass(frozen=True)
class RubinsteinConvergence:
    """Rubinstein shares as the time between offers shrinks, and their Nash limit.

    With discount rates ``r1, r2`` and ``interval`` time units between offers,
    ``delta_i = exp(-r_i*interval)``. As the interval tends to 0 the first
    proposer's share tends to ``r2/(r1 + r2)``: the asymmetric Nash solution of
    the unit pie with bargaining power ``beta = r2/(r1 + r2)``.

    Attributes
    ----------
    r1, r2
        The discount rates.
    intervals
        The times between offers.
    shares
        The first proposer's share at each interval.
    expression
        The share as a function of ``interval_symbol``.
    interval_symbol
        The symbol for the time between offers in ``expression``.
    limit
        ``r2/(r1 + r2)``, the share as the interval tends to 0.
    nash
        The Nash solution of the unit pie (``u1 + u2 = 1``, ``d = (0, 0)``)
        with ``beta = limit``; its first utility equals ``limit``.

    Examples
    --------
    >>> conv = rubinstein_convergence(1, 3, intervals=(1, 0.01))
    >>> conv.limit, conv.nash.utilities
    (3/4, (3/4, 1/4))
    >>> [round(float(s), 3) for s in conv.shares]
    [0.968, 0.754]
    """

    r1: sp.Expr
    r2: sp.Expr
    intervals: tuple[sp.Expr, ...]
    shares: tuple[sp.Expr, ...]
    expression: sp.Expr
    interval_symbol: sp.Symbol
    limit: sp.Expr
    nash: BargainingOutcome

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """``(intervals, shares)`` as float arrays, for plotting."""
        params = free_parameters(*self.shares)
        if params:
            raise FreeParameterError(
                "the shares still depend on "
                + ", ".join(s.name for s in params)
                + "; give numeric discount rates to rubinstein_convergence"
            )
        return (
            np.array([float(x) for x in self.intervals], dtype=float),
            np.array([float(x) for x in self.shares], dtype=float),
        )

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"


def _positive(value: Any, name: str, example: str) -> sp.Expr:
    expr = as_utility(value, name)
    if expr.is_number and not expr > 0:
        raise BargainingError(f"{name} = {value} must be positive, e.g. {example}")
    return expr


def rubinstein_convergence(
    r1: Any, r2: Any, intervals: Sequence[Any] = (1, 0.5, 0.1, 0.01, 0.001)
) -> RubinsteinConvergence:
    """How Rubinstein's share approaches the asymmetric Nash solution as offers speed up.

    Parameters
    ----------
    r1, r2
        The players' discount rates (positive numbers or symbols): the more
        impatient player has the larger rate.
    intervals
        Times between offers at which to report the share.

    Raises
    ------
    BargainingError
        For non-positive rates or intervals.

    References
    ----------
    Binmore, Rubinstein and Wolinsky (1986); Osborne and Rubinstein (1990),
    *Bargaining and Markets*, section 4.2.

    Examples
    --------
    >>> import sympy as sp
    >>> r1, r2 = sp.symbols("r1 r2", positive=True)
    >>> conv = rubinstein_convergence(r1, r2, intervals=())
    >>> conv.limit
    r2/(r1 + r2)
    >>> sp.limit(conv.expression, conv.interval_symbol, 0)
    r2/(r1 + r2)
    """
    a = _positive(r1, "r1", "r1=0.1")
    b = _positive(r2, "r2", "r2=0.05")
    dts = tuple(_positive(x, "each interval", "intervals=(1, 0.1)") for x in intervals)
    dt = sp.Symbol("Delta", positive=True)
    expression = (1 - sp.exp(-b * dt)) / (1 - sp.exp(-(a + b) * dt))
    shares = []
    for x in dts:
        s = expression.subs(dt, x)
        shares.append(s.evalf() if s.is_number else s)
    limit = b / (a + b)
    u = sp.Symbol("u1")
    pie = BargainingProblem.from_frontier(1 - u, u, (0, 1), (0, 0))
    return RubinsteinConvergence(
        r1=a,
        r2=b,
        intervals=dts,
        shares=tuple(shares),
        expression=expression,
        interval_symbol=dt,
        limit=limit,
        nash=pie.nash(limit),
    )
