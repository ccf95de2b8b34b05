"""Bargaining: how a deal splits the gains.

* :mod:`~negotiation.bargaining.feasible`: :class:`BargainingProblem` (packages,
  lotteries or a frontier curve, and a disagreement point) and its solutions;
* :mod:`~negotiation.bargaining.outcome`: :class:`BargainingOutcome`, :class:`Lottery`;
* :mod:`~negotiation.bargaining.geometry`: convex hulls and polygon clipping;
* :mod:`~negotiation.bargaining.solutions`: the solution concepts as free functions;
* :mod:`~negotiation.bargaining.rubinstein`: alternating offers;
* :mod:`~negotiation.bargaining.linkage`: issue linkage and pooled enforcement;
* :mod:`~negotiation.bargaining.ratification`: Putnam's two-level games.
"""

from negotiation.bargaining.feasible import BargainingProblem, ParetoFrontier
from negotiation.bargaining.linkage import (
    Linkage,
    PooledEnforcement,
    Zopa,
    issue_problems,
    link_issues,
    pooled_enforcement,
)
from negotiation.bargaining.outcome import BargainingOutcome, Lottery, ParetoCheck
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
