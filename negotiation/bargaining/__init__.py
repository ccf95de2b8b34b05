"""Bargaining: how a deal splits the gains.

* :mod:`~negotiation.bargaining.problem`: :class:`BargainingProblem` (packages,
  lotteries or a frontier curve, and a disagreement point) and its solutions;
* :mod:`~negotiation.bargaining.solutions`: the solution concepts as free functions;
* :mod:`~negotiation.bargaining.rubinstein`: alternating offers;
* :mod:`~negotiation.bargaining.linkage`: issue linkage and pooled enforcement;
* :mod:`~negotiation.bargaining.ratification`: Putnam's two-level games.
"""

from negotiation.bargaining.linkage import (
    Linkage,
    PooledEnforcement,
    Zopa,
    issue_problems,
    link_issues,
    pooled_enforcement,
)
from negotiation.bargaining.problem import (
    BargainingOutcome,
    BargainingProblem,
    Lottery,
    ParetoCheck,
    ParetoFrontier,
)
from negotiation.bargaining.ratification import TwoLevelGame, WinSetShift
from negotiation.bargaining.rubinstein import (
    RubinsteinConvergence,
    rubinstein,
    rubinstein_breakdown,
    rubinstein_convergence,
    rubinstein_finite,
    rubinstein_outside_options,
)

__all__ = [
    "BargainingOutcome",
    "BargainingProblem",
    "Linkage",
    "Lottery",
    "ParetoCheck",
    "ParetoFrontier",
    "PooledEnforcement",
    "RubinsteinConvergence",
    "TwoLevelGame",
    "WinSetShift",
    "Zopa",
    "issue_problems",
    "link_issues",
    "pooled_enforcement",
    "rubinstein",
    "rubinstein_breakdown",
    "rubinstein_convergence",
    "rubinstein_finite",
    "rubinstein_outside_options",
]
