# ruff: noqa: I001  (imports are grouped by capability, one section per issue)
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

from importlib.metadata import PackageNotFoundError, version

# --- errors -------------------------------------------------------------
from negotiation.errors import (
    BargainingError,
    ExactArithmeticError,
    FreeParameterError,
    GameTreeError,
    InvalidGameError,
    NegotiationError,
    RepeatedGameError,
    ScenarioError,
    ScenarioFileError,
    SweepError,
    UnknownLabelError,
    UnsafeExpressionError,
)

# --- core game model (issue 2) ------------------------------------------
from negotiation.games.normal_form import (
    Domination,
    Equilibrium,
    EquilibriumComponent,
    Game,
)

# --- sequential and repeated games (issue 5) ----------------------------
from negotiation.games.extensive import (
    Chance,
    Decision,
    GameTree,
    SubgamePerfect,
    Terminal,
)
from negotiation.games.repeated import RepeatedGame
from negotiation.games.simulation import Simulation, simulate

# --- scenarios, expressions, timeline, command line (issue 3) -----------
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
# --- bargaining (issue 4) -----------------------------------------------
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
# --- sweeps (issue 7) ---------------------------------------------------
from negotiation.sweeps import SweepResult, sweep
# --- live exploration (issue 6) -----------------------------------------
from negotiation.explore import explore
# --- logit quantal response equilibrium (logit branch) ------------------
from negotiation.errors import PathFollowingError
from negotiation.solvers.logit import QREFit, QRELimit, QREPath

try:
    __version__ = version("negotiation")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "AverageTariff",
    "BargainingError",
    "BargainingOutcome",
    "BargainingProblem",
    "Chance",
    "Decision",
    "Domination",
    "Equilibrium",
    "EquilibriumComponent",
    "ExactArithmeticError",
    "FreeParameterError",
    "Game",
    "GameTree",
    "GameTreeError",
    "Interaction",
    "InvalidGameError",
    "Issue",
    "KeyFigure",
    "Level",
    "Linkage",
    "Lottery",
    "MagnetExports",
    "NegotiationError",
    "Parameter",
    "ParetoCheck",
    "ParetoFrontier",
    "Party",
    "PathFollowingError",
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
    "TwoLevelGame",
    "UnknownLabelError",
    "UnsafeExpressionError",
    "WinSetShift",
    "Zopa",
    "__version__",
    "diff",
    "explore",
    "issue_problems",
    "link_issues",
    "load",
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
]
