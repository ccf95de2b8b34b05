"""Game-theoretic models of international negotiations, symbolic and numeric.

The public API is re-exported here; nothing else is public. Each name is
imported from its module on first use (PEP 562), so ``import negotiation``
imports neither sympy nor numpy and a command such as ``negotiation --help``
starts at once; ``from negotiation import Game`` and ``ng.Game`` work as
usual.

Examples
--------
>>> import negotiation as ng
>>> pd = ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...              strategies=(("Cooperate", "Defect"), ("Cooperate", "Defect")))
>>> [eq.row_support + eq.col_support for eq in pd.equilibria(exact=True)]
[('Defect', 'Defect')]
"""

# ruff: noqa: I001  (imports are grouped by capability, one section each)

from __future__ import annotations

import importlib as _importlib
import sys as _sys
import types as _types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and editors see; at run time, _PUBLIC below
    __version__: str

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
        load,
        scenarios,
    )

    # (each from its module: the package has a submodule of the same name)
    from negotiation.scenarios.diff import diff
    from negotiation.scenarios.timeline import timeline

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
        rubinstein_breakdown,
        rubinstein_convergence,
        rubinstein_finite,
        rubinstein_outside_options,
    )
    from negotiation.bargaining.rubinstein import rubinstein

    # --- sweeps -------------------------------------------------------------
    from negotiation.sweeps import SweepResult, sweep

    # --- live exploration ---------------------------------------------------
    from negotiation.explore import explore

    # --- logit quantal response equilibrium -----------------------------------
    from negotiation.solvers.logit import (
        QREFit,
        QRELimit,
        QREPath,
    )

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
    from negotiation.errors import ContinuousGameError, TradeModelError, WorkLimitError
    from negotiation.games.continuous import (
        ContinuousEquilibrium,
        ContinuousGame,
        ContinuousOutcome,
    )

#: Where each public name lives, grouped by capability as above: imported from
#: there on first access. To add a public name, import it under TYPE_CHECKING
#: above, list it here and in ``__all__`` (tests/test_namespace.py checks that
#: the three agree).
_PUBLIC: tuple[tuple[str, str], ...] = (
    # --- errors -------------------------------------------------------------
    (
        "negotiation.errors",
        "BargainingError ExactArithmeticError FreeParameterError GameTreeError "
        "InvalidGameError NegotiationError PathFollowingError RepeatedGameError "
        "ScenarioError ScenarioFileError SweepError UnknownLabelError "
        "UnsafeExpressionError",
    ),
    ("negotiation.errors", "ParameterRangeError ParameterRangeWarning"),
    # --- core game model ----------------------------------------------------
    ("negotiation.games.normal_form", "Domination Equilibrium EquilibriumComponent Game"),
    # --- sequential and repeated games --------------------------------------
    ("negotiation.games.extensive", "Chance Decision GameTree SubgamePerfect Terminal"),
    ("negotiation.games.repeated", "RepeatedGame"),
    ("negotiation.games.simulation", "Simulation simulate"),
    # --- scenarios, expressions, timeline, command line ---------------------
    ("negotiation.expressions", "parse_expression"),
    (
        "negotiation.scenarios",
        "AverageTariff Interaction Issue KeyFigure Level MagnetExports Parameter Party "
        "Scenario Strategy StudentCount TariffComponent TariffRate Timeline TimelineEvent "
        "diff load scenarios timeline",
    ),
    # --- bargaining ---------------------------------------------------------
    (
        "negotiation.bargaining",
        "BargainingOutcome BargainingProblem Linkage Lottery ParetoCheck ParetoFrontier "
        "PooledEnforcement RubinsteinConvergence TwoLevelGame WinSetShift Zopa "
        "issue_problems link_issues pooled_enforcement rubinstein rubinstein_breakdown "
        "rubinstein_convergence rubinstein_finite rubinstein_outside_options",
    ),
    # --- sweeps -------------------------------------------------------------
    ("negotiation.sweeps", "SweepResult sweep"),
    # --- live exploration ---------------------------------------------------
    ("negotiation.explore", "explore"),
    # --- logit quantal response equilibrium -----------------------------------
    ("negotiation.solvers.logit", "QREFit QRELimit QREPath"),
    # --- private information: Bayesian and signalling games -----------------
    ("negotiation.games.bayesian", "BayesNashEquilibrium BayesianGame"),
    (
        "negotiation.games.crisis",
        "CrisisBargaining october_2025 up_front_screening war_of_attrition",
    ),
    ("negotiation.interop.efg", "EfgSyntaxError"),
    (
        "negotiation.games.signalling",
        "IntuitiveCriterion OffPathBeliefs PerfectBayesianEquilibrium SignallingGame",
    ),
    # --- the classroom: a page without code, the notebooks --------------------
    ("negotiation.errors", "AppError MissingExtraError"),
    ("negotiation.classroom", "copy_notebooks"),
    ("negotiation.app", "App app"),
    # --- continuous games and trade models ---------------------------------
    ("negotiation.errors", "ContinuousGameError TradeModelError WorkLimitError"),
    ("negotiation.games.continuous", "ContinuousEquilibrium ContinuousGame ContinuousOutcome"),
)
_SOURCES: dict[str, str] = {name: module for module, names in _PUBLIC for name in names.split()}

#: Submodules reachable as attributes (``ng.plotting``, ``ng.games``), imported
#: on first use, so ``import negotiation`` imports neither matplotlib nor sympy.
#: ``app``, ``explore`` and ``scenarios`` are modules too, but ``ng.app``,
#: ``ng.explore`` and ``ng.scenarios`` are the public functions of those names.
_SUBMODULES = (
    "app",
    "bargaining",
    "classroom",
    "cli",
    "display",
    "errors",
    "explore",
    "expressions",
    "games",
    "interop",
    "plotting",
    "scenarios",
    "solvers",
    "sweeps",
    "symbolic",
    "trade",
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("negotiation")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


def __getattr__(name: str) -> Any:
    module = _SOURCES.get(name)
    if module is not None:
        value = getattr(_importlib.import_module(module), name)
    elif name == "__version__":
        value = _version()
    elif name in _SUBMODULES:
        value = _importlib.import_module(f"negotiation.{name}")
    else:
        raise AttributeError(f"module 'negotiation' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, *_SUBMODULES})


class _Package(_types.ModuleType):
    """The package's module type: importing ``negotiation.app`` keeps ``ng.app`` the function.

    The import system binds each submodule as an attribute of its package;
    for a submodule that shares its name with a public function (``app``,
    ``explore``, ``scenarios``) the public function wins, as it did when the
    package imported every name eagerly.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SOURCES and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package


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
    "WorkLimitError",
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
