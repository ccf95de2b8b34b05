"""Pictures of every model in the package, each with a data twin that returns the numbers drawn.

Every ``plot_*`` function takes ``ax=None`` (draws on a new, pyplot-free figure
when none is given) and returns the matplotlib ``Axes``; its twin, named
without ``plot_`` and with ``_data`` (e.g. :func:`best_responses_data`),
returns the numbers it draws. matplotlib is imported only when a picture is
drawn, so ``import negotiation`` stays light.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.plotting import plot_game
>>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("Cooperate", "Defect"))
>>> plot_game(pd).get_title()
'Row vs Column'
"""

from negotiation.plotting.bargaining import bargaining_data, plot_bargaining
from negotiation.plotting.continuous import (
    payoff_curve_data,
    plot_payoff_curve,
    plot_reaction_curves,
    reaction_curves_data,
)
from negotiation.plotting.games import (
    best_responses_data,
    game_data,
    plot_best_responses,
    plot_game,
)
from negotiation.plotting.regions import plot_regions, regions_data
from negotiation.plotting.repeated import plot_repeated, repeated_data
from negotiation.plotting.sweeps import plot_sweep, sweep_data
from negotiation.plotting.timeline import plot_timeline, timeline_data
from negotiation.plotting.trees import plot_tree, tree_data

__all__ = [
    "bargaining_data",
    "best_responses_data",
    "game_data",
    "payoff_curve_data",
    "plot_bargaining",
    "plot_best_responses",
    "plot_game",
    "plot_payoff_curve",
    "plot_reaction_curves",
    "plot_regions",
    "plot_repeated",
    "plot_sweep",
    "plot_timeline",
    "plot_tree",
    "reaction_curves_data",
    "regions_data",
    "repeated_data",
    "sweep_data",
    "timeline_data",
    "tree_data",
]
