"""Protection for sale in a trade war: the Grossman-Helpman tariff.

Organised industries pay governments for protection. A government that
weighs campaign contributions against aggregate welfare (weight ``a`` on
welfare) maximises ``G = (a + alpha_L) W + (I - alpha_L) Pi``, where ``Pi`` is
the import-competing industry's profit, ``I = 1`` when that industry is
organised in a lobby and ``alpha_L`` is the share of the population that is
organised. In a non-cooperative trade war its tariff is a lobbying term plus
Johnson's terms-of-trade term:

``t = (I - alpha_L) / (a + alpha_L) * z / e + 1 / epsilon*``

with ``z = X / M`` the inverse import-penetration ratio (domestic output over
imports), ``e`` the import-demand elasticity and ``epsilon*`` the foreign
export-supply elasticity.

**Which form is implemented.** Deriving the first-order condition of ``G``
with an ad valorem tariff (``p = (1 + t) pi``, ``pi`` the world price) gives
exactly the formula above when ``e`` is the import-demand elasticity measured
at the *world* price, ``e = -pi M'(p) / M``; this is how Grossman and Helpman
(1995) write the lobbying term, as ``X / (-pi M')``. With the elasticity
measured at the domestic price, ``e_d = (1 + t) e``, the same condition reads
``t / (1 + t) = (I - alpha_L)/(a + alpha_L) * z / e_d + 1 / ((1 + t) epsilon*)``,
which for a small country is the "protection for sale" formula of Grossman
and Helpman (1994). The tests derive the condition with sympy and check both.

In trade talks the terms-of-trade terms cancel and only the lobbying terms
remain, so negotiated tariffs stay above zero wherever industries are
organised: one reason the 2025 truces kept 10% and 30% rather than free trade.

References
----------
G. M. Grossman and E. Helpman (1994), "Protection for sale", *American
Economic Review* 84(4): 833-850; G. M. Grossman and E. Helpman (1995), "Trade
wars and trade talks", *Journal of Political Economy* 103(4): 675-708.

Examples
--------
>>> from negotiation.trade import political_economy
>>> political_economy(lobby_weight=50, organised_share=0.1, output_ratio=2,
...                   import_demand_elasticity=2, export_supply_elasticity=3)
0.351297405189621
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from negotiation.errors import InvalidGameError, TradeModelError
from negotiation.symbolic import as_number
from negotiation.trade.optimal import as_elasticity, optimal_tariff

__all__ = ["political_economy", "political_weight"]


def _number(value: Any, what: str, example: str) -> sp.Expr:
    if isinstance(value, str):
        raise TradeModelError(f"{what} is the string {value!r}; give a number such as {example}")
    try:
        return as_number(value, what)
    except InvalidGameError as err:
        raise TradeModelError(f"{err}; give a number such as {example}") from None


def political_weight(lobby_weight: Any, organised_share: Any, *, organised: bool = True) -> sp.Expr:
    """The weight ``(I - alpha_L) / (a + alpha_L)`` of the industry's profit in the government's goal.

    Parameters
    ----------
    lobby_weight
        ``a > 0``: the weight on aggregate welfare relative to contributions
        (large ``a``: a government that cares little for contributions).
    organised_share
        ``alpha_L`` in ``[0, 1]``: the share of the population organised in lobbies.
    organised
        Whether the import-competing industry is organised (``I = 1``).

    Raises
    ------
    TradeModelError
        For ``a <= 0`` or a share outside ``[0, 1]``.

    Examples
    --------
    >>> political_weight(50, 0.1), political_weight(50, 0.1, organised=False)
    (0.0179640718562874, -0.00199600798403194)
    """
    a = _number(lobby_weight, "the lobby weight a", "50")
    alpha = _number(organised_share, "the organised share alpha_L", "0.1")
    if a.is_number and not a.is_positive:
        raise TradeModelError(
            f"the weight on welfare a must be positive; got {a} (a = 50 means a dollar of "
            "welfare counts like 50 dollars of contributions)"
        )
    if alpha.is_number and not (0 <= alpha <= 1):
        raise TradeModelError(
            f"the organised share alpha_L is a share of the population, in [0, 1]; got {alpha}"
        )
    indicator = sp.Integer(1 if organised else 0)
    return (indicator - alpha) / (a + alpha)


def political_economy(
    lobby_weight: Any,
    organised_share: Any,
    output_ratio: Any,
    import_demand_elasticity: Any,
    export_supply_elasticity: Any = sp.oo,
    *,
    organised: bool = True,
) -> sp.Expr:
    """The Grossman-Helpman trade-war tariff: a lobbying term plus Johnson's ``1/epsilon*``.

    Parameters
    ----------
    lobby_weight, organised_share, organised
        ``a``, ``alpha_L`` and ``I``: see :func:`political_weight`.
    output_ratio
        ``z = X / M >= 0``: domestic output over imports (inverse import penetration).
    import_demand_elasticity
        ``e > 0``, measured at the world price (``-pi M' / M``).
    export_supply_elasticity
        ``epsilon* > 0`` of the foreign export supply; ``oo`` (the default)
        for a small country, which leaves the lobbying term alone.

    Returns
    -------
    sympy.Expr
        The ad valorem tariff (``0.35`` is 35%).

    Raises
    ------
    TradeModelError
        For a negative output ratio, an elasticity at or below zero, ``a <= 0``
        or a share outside ``[0, 1]``.

    References
    ----------
    Grossman and Helpman (1995), section III (the trade-war equilibrium).

    Examples
    --------
    >>> import sympy as sp
    >>> a, alpha, z, e, eps = sp.symbols("a alpha_L z e epsilon", positive=True)
    >>> political_economy(a, alpha, z, e, eps)
    1/epsilon + z*(1 - alpha_L)/(e*(a + alpha_L))
    """
    weight = political_weight(lobby_weight, organised_share, organised=organised)
    z = _number(output_ratio, "the output ratio z = X/M", "2")
    if z.is_number and z.is_negative:
        raise TradeModelError(f"the output ratio z = X/M cannot be negative; got {z}")
    e = as_elasticity(import_demand_elasticity, "the import-demand elasticity")
    return weight * z / e + optimal_tariff(export_supply_elasticity)
