# ruff: noqa: I001  (imports are grouped by capability, one section each)
"""Game-theoretic models of international negotiations, symbolic and numeric.

The public API is re-exported here; nothing else is public.

Examples
--------
>>> import negotiation as ng
>>> pd = ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...              strategies=(("Cooperate", "Defect"), ("Cooperate", "Defect")))
>>> [eq.row_support + eq.col_support for eq in pd.equilibria(exact=True)]
[('Defect', 'Defect')]
"""

import types as _types

# --- errors -------------------------------------------------------------
from negotiation.errors import (
    BargainingError,
    ExactArithmeticError,
    FreeParameterError,
    GameTreeError,
    InvalidGameError,
    NegotiationError,
    PathFollowingError,
    RepeatedGameError,
    ScenarioError,
    ScenarioFileError,
    SweepError,
    UnknownLabelError,
    UnsafeExpressionError,
)
from negotiation.errors import ParameterRangeError, ParameterRangeWarning

# --- core game model ----------------------------------------------------
from negotiation.games.normal_form import (
    Domination,
    Equilibrium,
    EquilibriumComponent,
    Game,
)

# --- sequential and repeated games --------------------------------------
from negotiation.games.extensive import (
    Chance,
    Decision,
    GameTree,
    SubgamePerfect,
    Terminal,
)
from negotiation.games.repeated import RepeatedGame
from negotiation.games.simulation import Simulation, simulate

# --- scenarios, expressions, timeline, command line ---------------------
from negotiation.expressions import parse_expression
from negotiation.scenarios import (
    AverageTariff,
    Interaction,
    Issue,
    KeyFigure,
    Level,
    MagnetExports,
    Parameter,
    Party,
    Scenario,
    Strategy,
    StudentCount,
    TariffComponent,
    TariffRate,
    Timeline,
    TimelineEvent,
    diff,
    load,
    scenarios,
    timeline,
)

# --- bargaining ---------------------------------------------------------
from negotiation.bargaining import (
    BargainingOutcome,
    BargainingProblem,
    Linkage,
    Lottery,
    ParetoCheck,
    ParetoFrontier,
    PooledEnforcement,
    RubinsteinConvergence,
    TwoLevelGame,
    WinSetShift,
    Zopa,
    issue_problems,
    link_issues,
    pooled_enforcement,
    rubinstein,
    rubinstein_breakdown,
    rubinstein_convergence,
    rubinstein_finite,
    rubinstein_outside_options,
)

# --- sweeps -------------------------------------------------------------
from negotiation.sweeps import SweepResult, sweep

# --- live exploration ---------------------------------------------------
from negotiation.explore import explore

# --- logit quantal response equilibrium -----------------------------------
from negotiation.solvers.logit import QREFit, QRELimit, QREPath

# --- private information: Bayesian and signalling games -----------------
from negotiation.games.bayesian import BayesNashEquilibrium, BayesianGame
from negotiation.games.crisis import (
    CrisisBargaining,
    october_2025,
    up_front_screening,
    war_of_attrition,
)
from negotiation.interop.efg import EfgSyntaxError
from negotiation.games.signalling import (
    IntuitiveCriterion,
    OffPathBeliefs,
    PerfectBayesianEquilibrium,
    SignallingGame,
)


# --- the classroom: a page without code, the notebooks --------------------
from negotiation.errors import AppError, MissingExtraError
from negotiation.classroom import copy_notebooks
from negotiation.app import App, app


# --- continuous games and trade models ---------------------------------
from negotiation.errors import ContinuousGameError, TradeModelError
from negotiation.games.continuous import (
    ContinuousEquilibrium,
    ContinuousGame,
    ContinuousOutcome,
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("negotiation")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


__version__ = _version()
del _version

#: Subpackages imported on first use (``ng.plotting``, ``ng.trade``), so
#: ``import negotiation`` does not import matplotlib.
_LAZY_SUBPACKAGES = ("plotting", "trade")


def __getattr__(name: str) -> _types.ModuleType:
    if name in _LAZY_SUBPACKAGES:
        import importlib

        return importlib.import_module(f"negotiation.{name}")
    raise AttributeError(f"module 'negotiation' has no attribute {name!r}")


def __dir__() -> list[str]:
    subpackages = {
        name
        for name, value in globals().items()
        if isinstance(value, _types.ModuleType) and value.__name__ == f"negotiation.{name}"
    }
    return sorted({*__all__, *subpackages, *_LAZY_SUBPACKAGES})


__all__ = [
    "App",
    "AppError",
    "AverageTariff",
    "BargainingError",
    "BargainingOutcome",
    "BargainingProblem",
    "BayesNashEquilibrium",
    "BayesianGame",
    "Chance",
    "ContinuousEquilibrium",
    "ContinuousGame",
    "ContinuousGameError",
    "ContinuousOutcome",
    "CrisisBargaining",
    "Decision",
    "Domination",
    "EfgSyntaxError",
    "Equilibrium",
    "EquilibriumComponent",
    "ExactArithmeticError",
    "FreeParameterError",
    "Game",
    "GameTree",
    "GameTreeError",
    "Interaction",
    "IntuitiveCriterion",
    "InvalidGameError",
    "Issue",
    "KeyFigure",
    "Level",
    "Linkage",
    "Lottery",
    "MagnetExports",
    "MissingExtraError",
    "NegotiationError",
    "OffPathBeliefs",
    "Parameter",
    "ParameterRangeError",
    "ParameterRangeWarning",
    "ParetoCheck",
    "ParetoFrontier",
    "Party",
    "PathFollowingError",
    "PerfectBayesianEquilibrium",
    "PooledEnforcement",
    "QREFit",
    "QRELimit",
    "QREPath",
    "RepeatedGame",
    "RepeatedGameError",
    "RubinsteinConvergence",
    "Scenario",
    "ScenarioError",
    "ScenarioFileError",
    "SignallingGame",
    "Simulation",
    "Strategy",
    "StudentCount",
    "SubgamePerfect",
    "SweepError",
    "SweepResult",
    "TariffComponent",
    "TariffRate",
    "Terminal",
    "Timeline",
    "TimelineEvent",
    "TradeModelError",
    "TwoLevelGame",
    "UnknownLabelError",
    "UnsafeExpressionError",
    "WinSetShift",
    "Zopa",
    "__version__",
    "app",
    "copy_notebooks",
    "diff",
    "explore",
    "issue_problems",
    "link_issues",
    "load",
    "october_2025",
    "parse_expression",
    "pooled_enforcement",
    "rubinstein",
    "rubinstein_breakdown",
    "rubinstein_convergence",
    "rubinstein_finite",
    "rubinstein_outside_options",
    "scenarios",
    "simulate",
    "sweep",
    "timeline",
    "up_front_screening",
    "war_of_attrition",
]
