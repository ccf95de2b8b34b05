"""Trade models built on continuous games.

* :func:`optimal_tariff`: Johnson's ``t* = 1/epsilon*``;
* :class:`TariffWar`: a two-country tariff war with linear import demand and
  export supply, calibrated to the 2024 US-China flows
  (:data:`US_CHINA_2024`), with the Nash, cooperative and Stackelberg tariffs
  and welfare at the 2025 rates (:data:`TARIFF_RATES_2025`);
* :func:`political_economy`: the Grossman-Helpman trade-war tariff, a
  lobbying term added to the terms-of-trade motive.

Examples
--------
>>> import negotiation as ng
>>> war = ng.trade.TariffWar()
>>> [f"{float(t):.0%}" for t in war.nash().strategies]
['31%', '60%']
"""

from negotiation.trade.calibration import TARIFF_RATES_2025, US_CHINA_2024, CalibratedValue
from negotiation.trade.optimal import optimal_tariff
from negotiation.trade.political_economy import political_economy, political_weight
from negotiation.trade.tariff_war import Market, TariffWar, WelfareTable, market

__all__ = [
    "TARIFF_RATES_2025",
    "US_CHINA_2024",
    "CalibratedValue",
    "Market",
    "TariffWar",
    "WelfareTable",
    "market",
    "optimal_tariff",
    "political_economy",
    "political_weight",
]
