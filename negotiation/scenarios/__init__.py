"""Scenarios: negotiations described by issues, parties and bundles, and their files.

The built-in scenarios follow the 2025 US-China trade negotiations (April
escalation, Geneva, London, Busan), one with Japan as a third buyer of the
same rare-earth magnets, plus the textbook tariff dilemma; see
:func:`scenarios` and :func:`load`. Scenario files are TOML
(:mod:`negotiation.scenarios.files`); the dated record of tariffs, magnet
exports and students is :func:`timeline`.
"""

from negotiation.scenarios.diff import IssueChange, ScenarioDiff, diff
from negotiation.scenarios.issues import Issue, Level
from negotiation.scenarios.parties import Concession, Interaction, Party, Strategy
from negotiation.scenarios.registry import load, scenarios
from negotiation.scenarios.scenario import Parameter, Scenario
from negotiation.scenarios.timeline import (
    AverageTariff,
    KeyFigure,
    MagnetExports,
    StudentCount,
    TariffComponent,
    TariffRate,
    Timeline,
    TimelineEvent,
    timeline,
)

__all__ = [
    "AverageTariff",
    "Concession",
    "Interaction",
    "Issue",
    "IssueChange",
    "KeyFigure",
    "Level",
    "MagnetExports",
    "Parameter",
    "Party",
    "Scenario",
    "ScenarioDiff",
    "Strategy",
    "StudentCount",
    "TariffComponent",
    "TariffRate",
    "Timeline",
    "TimelineEvent",
    "diff",
    "load",
    "scenarios",
    "timeline",
]
