"""The numbers the US-China tariff war is calibrated to: sourced where a source exists, else stylised.

Each value is a :class:`CalibratedValue` that names its unit and source, and
says whether it is *stylised* (chosen for illustration, with the reason).
Trade flows and the US baseline tariff are sourced; no estimate of the four
elasticities for bilateral US-China trade is used here, so they are stylised
and exposed as parameters for the user to vary.

Examples
--------
>>> from negotiation.trade import US_CHINA_2024
>>> v = US_CHINA_2024["us_imports_from_china"]
>>> v.value, v.unit, v.stylised
(438.9, '$bn, 2024', False)
>>> [k for k, v in US_CHINA_2024.items() if v.stylised]  # doctest: +NORMALIZE_WHITESPACE
['china_baseline_tariff', 'us_import_demand_elasticity', 'china_import_demand_elasticity',
 'us_export_supply_elasticity', 'china_export_supply_elasticity']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TARIFF_RATES_2025", "US_CHINA_2024", "CalibratedValue"]


@dataclass(frozen=True)
class CalibratedValue:
    """One calibration input: its value, unit and source, and whether it is stylised.

    Attributes
    ----------
    value
        The number.
    unit
        Its unit and date.
    source
        Where it comes from, or, for a stylised value, why it was chosen.
    stylised
        ``True`` for an illustrative value that is not an estimate.
    """

    value: float
    unit: str
    source: str
    stylised: bool

    def __str__(self) -> str:
        tag = " (stylised)" if self.stylised else ""
        return f"{self.value:g} {self.unit}{tag}: {self.source}"


US_CHINA_2024: dict[str, CalibratedValue] = {
    "us_imports_from_china": CalibratedValue(
        438.9,
        "$bn, 2024",
        "US Department of Commerce / Census Bureau: US goods imports from China",
        False,
    ),
    "us_exports_to_china": CalibratedValue(
        143.5,
        "$bn, 2024",
        "US Census Bureau: US goods exports to China (the US-China Business Council, with a "
        "different definition, gives 140.7)",
        False,
    ),
    "us_baseline_tariff": CalibratedValue(
        0.208,
        "ad valorem, 20 January 2025",
        "PIIE (C. P. Bown), average US tariff on imports from China before the 2025 increases",
        False,
    ),
    "china_baseline_tariff": CalibratedValue(
        0.20,
        "ad valorem",
        "stylised: China's average tariff on US goods before the 2025 increases, set close to "
        "the US average",
        True,
    ),
    "us_import_demand_elasticity": CalibratedValue(
        2.0, "at baseline", "stylised: a moderately elastic import demand", True
    ),
    "china_import_demand_elasticity": CalibratedValue(
        2.0, "at baseline", "stylised: the same as the US value", True
    ),
    "us_export_supply_elasticity": CalibratedValue(
        1.5,
        "at baseline",
        "stylised: US exports to China (soybeans, aircraft, chips) are supplied less elastically "
        "in the short run",
        True,
    ),
    "china_export_supply_elasticity": CalibratedValue(
        3.0,
        "at baseline",
        "stylised: elastic, in the direction of the near-complete pass-through of the 2018-19 US "
        "tariffs to US import prices found by Fajgelbaum et al. (2020)",
        True,
    ),
}
"""The 2024 calibration of :class:`~negotiation.trade.TariffWar` (see each value's source)."""

TARIFF_RATES_2025: dict[str, tuple[float, float]] = {
    "free trade": (0.0, 0.0),
    "2024 baseline": (0.208, 0.20),
    "Geneva (14 May)": (0.30, 0.10),
    "London (11 June)": (0.55, 0.10),
    "April peak": (1.45, 1.25),
}
"""Headline (US, China) tariff pairs of 2025.

Geneva: the US kept 10% reciprocal plus the 20% "fentanyl" tariff (30%), China
10%, both on top of the older layers. London's "55%" is the same 30% with the
2018-19 Section 301 layer (25% on Lists 1-3) added, not a rise. April: US 125%
reciprocal + 20% = 145% (from 10 April), China 125% (from 11 April). The model
reads each as one ad valorem rate on all bilateral trade; average rates
(PIIE: 51.1% on Chinese goods after Geneva) are lower than headline rates.
"""
