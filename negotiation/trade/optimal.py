"""Johnson's optimal tariff: the inverse of the foreign export-supply elasticity.

A country large enough to move world prices gains from a small tariff: part
of it is paid by foreign exporters through a lower world price (a
terms-of-trade gain). The welfare-maximising tariff, given the other
country's, is ``t* = 1 / epsilon*``, where ``epsilon*`` is the elasticity of
the foreign export supply it faces, evaluated at the optimum. With infinitely
elastic foreign supply (a small country) it is zero.

References
----------
H. G. Johnson (1953-54), "Optimum tariffs and retaliation", *Review of
Economic Studies* 21(2): 142-153; K. Bagwell and R. W. Staiger (2002), *The
Economics of the World Trading System*, chapter 2.

Examples
--------
>>> import sympy as sp
>>> from negotiation.trade import optimal_tariff
>>> optimal_tariff(2), optimal_tariff(sp.Symbol("epsilon", positive=True))
(1/2, 1/epsilon)
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from negotiation.errors import InvalidGameError, TradeModelError
from negotiation.symbolic import as_number

__all__ = ["as_elasticity", "optimal_tariff"]


def as_elasticity(value: Any, what: str, *, allow_infinite: bool = False) -> sp.Expr:
    """An elasticity as a sympy expression, checked positive when it is a number.

    Raises
    ------
    TradeModelError
        For a non-number or a number at or below zero.

    Examples
    --------
    >>> as_elasticity(1.5, "the export-supply elasticity")
    1.50000000000000
    """
    if allow_infinite and value in (sp.oo, float("inf")):
        return sp.oo
    if isinstance(value, str):
        raise TradeModelError(f"{what} is the string {value!r}; give a positive number such as 2.0")
    try:
        expr = as_number(value, what)
    except InvalidGameError as err:
        raise TradeModelError(f"{err}; give a positive number such as 2.0") from None
    if expr.is_number and not expr.is_positive:
        raise TradeModelError(
            f"{what} must be positive; got {expr}. Elasticities are written as positive numbers "
            "(an import demand that falls by 2% when its price rises 1% has elasticity 2.0)"
        )
    if expr.is_nonpositive:
        raise TradeModelError(f"{what} ({expr}) is not positive; declare its symbol positive=True")
    return expr


def optimal_tariff(export_supply_elasticity: Any) -> sp.Expr:
    """Johnson's optimal ad valorem tariff ``1 / epsilon*``.

    Parameters
    ----------
    export_supply_elasticity
        The elasticity ``epsilon* > 0`` of the foreign export supply facing
        the importer: a number, a sympy expression, or ``oo`` (a small
        country, whose optimal tariff is 0).

    Returns
    -------
    sympy.Expr
        The tariff as a fraction (``1/2`` is 50%).

    Raises
    ------
    TradeModelError
        For an elasticity at or below zero, or one that is not a number.

    References
    ----------
    Johnson (1953-54); Bagwell and Staiger (2002), section 2.1.

    Examples
    --------
    >>> optimal_tariff(1 / 0.62)   # Ossa's (2014) 62% optimal tariff, read back as an elasticity
    0.620000000000000
    >>> optimal_tariff(float("inf"))
    0
    >>> optimal_tariff(-1)
    Traceback (most recent call last):
    ...
    negotiation.errors.TradeModelError: the export-supply elasticity must be positive; got -1. Elasticities are written as positive numbers (an import demand that falls by 2% when its price rises 1% has elasticity 2.0)
    """
    epsilon = as_elasticity(
        export_supply_elasticity, "the export-supply elasticity", allow_infinite=True
    )
    if epsilon == sp.oo:
        return sp.Integer(0)
    return 1 / epsilon
