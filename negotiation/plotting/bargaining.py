"""Bargaining pictures: the feasible set and its solutions, and Rubinstein's shares.

* Given a :class:`~negotiation.BargainingProblem`, :func:`plot_bargaining`
  draws the feasible set, its Pareto frontier, the packages, the disagreement
  point ``d`` and the Nash, Kalai–Smorodinsky and egalitarian points (with the
  line from ``d`` to the ideal point on which Kalai–Smorodinsky lies).
* Given a pair of discount factors ``(delta1, delta2)``, it draws
  Rubinstein's first-proposer share ``(1 - delta2)/(1 - delta1*delta2)``
  against the proposer's discount factor, one curve per responder discount
  factor, with the given pair marked.

References
----------
J. F. Nash (1950), *Econometrica* 18(2): 155-162; E. Kalai and M. Smorodinsky
(1975), *Econometrica* 43(3): 513-518; A. Rubinstein (1982), *Econometrica*
50(1): 97-109.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.plotting import bargaining_data
>>> problem = ng.BargainingProblem.from_points({"deal": (3, 3), "tilt": (4, 1)}, (-1, -1))
>>> data = bargaining_data(problem)
>>> data.solutions["nash"], data.disagreement.tolist()
((3.0, 3.0), [-1.0, -1.0])
>>> round(bargaining_data((0.90, 0.95)).share, 3)
0.345
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation.bargaining import BargainingOutcome, BargainingProblem
from negotiation.display import fmt
from negotiation.errors import BargainingError
from negotiation.plotting.style import (
    OKABE_ITO,
    PLAYER_COLOURS,
    category_colour,
    new_axes,
    wrap_title,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["BargainingData", "RubinsteinData", "bargaining_data", "plot_bargaining"]

SOLUTIONS = ("nash", "kalai_smorodinsky", "egalitarian")
SOLUTION_NAMES = {
    "nash": "Nash",
    "kalai_smorodinsky": "Kalai–Smorodinsky",
    "egalitarian": "egalitarian",
}
RESPONDER_DELTAS = (0.5, 0.8, 0.95)
HALF = sp.Rational(1, 2)
GRID = 199


@dataclass(frozen=True)
class BargainingData:
    """What :func:`plot_bargaining` draws for a bargaining problem.

    Attributes
    ----------
    title, xlabel, ylabel
        The figure's title and axis labels (the players' utilities).
    players
        The two players.
    feasible
        ``(k, 2)`` outline of the feasible set (for packages without lotteries,
        the packages themselves).
    lotteries
        Whether lotteries make the feasible set the packages' convex hull.
    packages, package_labels
        ``(n, 2)`` utilities of the packages and their labels (empty for a
        frontier curve).
    frontier
        ``(k, 2)`` points of the Pareto frontier, by increasing first utility.
    disagreement
        The disagreement point ``d``.
    ideal
        The ideal point (each player's best utility above ``d``), or ``None``
        without gains from trade.
    outcomes
        The Nash (with ``beta``), Kalai–Smorodinsky and egalitarian outcomes
        (empty without gains from trade).
    solutions
        ``{method: (u1, u2)}`` of :attr:`outcomes` as floats.
    gains_from_trade
        Whether some feasible outcome beats ``d`` for both players.
    """

    title: str
    xlabel: str
    ylabel: str
    players: tuple[str, str]
    feasible: np.ndarray
    lotteries: bool
    packages: np.ndarray
    package_labels: tuple[str, ...]
    frontier: np.ndarray
    disagreement: np.ndarray
    ideal: tuple[float, float] | None
    outcomes: tuple[BargainingOutcome, ...]
    solutions: dict[str, tuple[float, float]] = field(default_factory=dict)
    gains_from_trade: bool = True


@dataclass(frozen=True)
class RubinsteinData:
    """What :func:`plot_bargaining` draws for a pair of discount factors.

    Attributes
    ----------
    title, xlabel, ylabel
        The figure's title and axis labels.
    players
        The first proposer and the responder.
    delta1, delta2
        The given discount factors of the proposer and the responder.
    share
        The proposer's share at ``(delta1, delta2)``: ``(1 - delta2)/(1 - delta1*delta2)``.
    proposer_deltas
        The proposer's discount factors along the horizontal axis.
    responder_deltas
        One responder discount factor per curve (``delta2`` among them).
    shares
        Array of shape ``(len(responder_deltas), len(proposer_deltas))``.
    """

    title: str
    xlabel: str
    ylabel: str
    players: tuple[str, str]
    delta1: float
    delta2: float
    share: float
    proposer_deltas: np.ndarray
    responder_deltas: np.ndarray
    shares: np.ndarray


def _pair_of_floats(value: Any, what: str) -> tuple[float, float]:
    return (float(value[0]), float(value[1]))


def _problem_data(problem: BargainingProblem, beta: Any) -> BargainingData:
    players = problem.players
    feasible = problem.feasible_vertices()
    packages = (
        np.array([[float(x), float(y)] for x, y in problem.points], dtype=float).reshape(-1, 2)
        if problem.kind == "points"
        else np.empty((0, 2))
    )
    gains = problem.has_gains_from_trade
    outcomes: tuple[BargainingOutcome, ...] = ()
    ideal = None
    if gains:
        outcomes = (problem.nash(beta), problem.kalai_smorodinsky(), problem.egalitarian())
        ideal = _pair_of_floats(problem.ideal_point(), "ideal point")
    title = problem.name or "Bargaining"
    if not gains:
        title += "\n(no gains from trade: no outcome beats d for both)"
    return BargainingData(
        title=title,
        xlabel=f"{players[0]}'s utility",
        ylabel=f"{players[1]}'s utility",
        players=players,
        feasible=feasible,
        lotteries=problem.lotteries,
        packages=packages,
        package_labels=problem.labels if problem.kind == "points" else (),
        frontier=problem.frontier_points(),
        disagreement=problem.disagreement_point(),
        ideal=ideal,
        outcomes=outcomes,
        solutions={o.method: _pair_of_floats(o.utilities, o.method) for o in outcomes},
        gains_from_trade=gains,
    )


def _check_delta(value: Any, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError) as err:
        raise BargainingError(
            f"{name} must be a number in (0, 1), e.g. 0.9; got {value!r}"
        ) from err
    if not 0 < number < 1:
        raise BargainingError(f"{name} = {value} must lie strictly between 0 and 1, e.g. 0.9")
    return number


def _rubinstein_data(deltas: Sequence[Any], players: tuple[str, str]) -> RubinsteinData:
    from negotiation.bargaining.rubinstein import rubinstein

    d1 = _check_delta(deltas[0], "delta1 (the proposer's discount factor)")
    d2 = _check_delta(deltas[1], "delta2 (the responder's discount factor)")
    proposer = np.linspace(0.0, 0.995, GRID)
    responders = np.array(sorted({*RESPONDER_DELTAS, d2}))
    shares = (1 - responders[:, None]) / (1 - proposer[None, :] * responders[:, None])
    return RubinsteinData(
        title=f"Rubinstein bargaining: {players[0]} proposes first",
        xlabel=f"{players[0]}'s discount factor",
        ylabel=f"{players[0]}'s share of the gains",
        players=players,
        delta1=d1,
        delta2=d2,
        share=float(rubinstein(sp.Float(d1), sp.Float(d2))),
        proposer_deltas=proposer,
        responder_deltas=responders,
        shares=shares,
    )


def bargaining_data(
    problem: BargainingProblem | Sequence[Any],
    *,
    beta: Any = HALF,
    players: Sequence[str] | None = None,
) -> BargainingData | RubinsteinData:
    """The numbers :func:`plot_bargaining` draws.

    Parameters
    ----------
    problem
        A numeric :class:`negotiation.BargainingProblem` (giving
        :class:`BargainingData`), or a pair of discount factors
        ``(delta1, delta2)`` of the first proposer and the responder (giving
        :class:`RubinsteinData`).
    beta
        The first player's bargaining power in the Nash solution.
    players
        Names of the proposer and the responder, for a pair of discount
        factors (a problem carries its own).

    Returns
    -------
    BargainingData or RubinsteinData

    Raises
    ------
    FreeParameterError
        If the problem still depends on parameters.
    BargainingError
        For discount factors outside (0, 1), or ``players`` given with a problem.

    Examples
    --------
    The stylised "Implementing Geneva" game: from the May standoff ``d = (-1, -1)`` every
    solution picks the London deal (3, 3).

    >>> import negotiation as ng
    >>> game_b = ng.Game([[3, -2, -6], [4, -1, -4], [1, -3, -7]],
    ...                  [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]], players=("US", "China"),
    ...                  strategies=(("L", "H", "E"), ("D", "S", "W")))
    >>> data = bargaining_data(ng.BargainingProblem.from_game(game_b, ("H", "S")))
    >>> data.solutions
    {'nash': (3.0, 3.0), 'kalai_smorodinsky': (3.0, 3.0), 'egalitarian': (3.0, 3.0)}
    >>> data.xlabel, data.package_labels[:2]
    ("US's utility", ('L/D', 'L/S'))
    """
    if isinstance(problem, BargainingProblem):
        if players is not None:
            raise BargainingError(
                "players= is for a pair of discount factors; a bargaining problem carries its "
                "own players (set them with BargainingProblem.from_points(..., players=...))"
            )
        return _problem_data(problem, beta)
    if isinstance(problem, str) or not isinstance(problem, Sequence) or len(problem) != 2:
        raise BargainingError(
            "bargaining_data draws a BargainingProblem or a pair of discount factors "
            f"(delta1, delta2), e.g. (0.90, 0.95); got {problem!r}"
        )
    names = ("Player 1", "Player 2") if players is None else tuple(players)
    if len(names) != 2 or not all(isinstance(p, str) and p for p in names):
        raise BargainingError(f"players must be two names, e.g. ('US', 'China'); got {players!r}")
    return _rubinstein_data(problem, (names[0], names[1]))


def _plot_problem(data: BargainingData, ax: Axes) -> None:
    from matplotlib.patches import Polygon

    black = OKABE_ITO["black"]
    if data.lotteries or len(data.packages) == 0:
        ax.add_patch(
            Polygon(
                data.feasible,
                closed=True,
                facecolor=OKABE_ITO["sky_blue"],
                alpha=0.3,
                edgecolor="none",
                label="feasible set",
            )
        )
    ax.plot(
        data.frontier[:, 0],
        data.frontier[:, 1],
        color=PLAYER_COLOURS[0],
        lw=3,
        marker="o" if len(data.packages) and not data.lotteries else None,
        label="Pareto frontier",
    )
    if len(data.packages):
        ax.scatter(
            data.packages[:, 0], data.packages[:, 1], s=20, color=black, zorder=3, label="packages"
        )
        for (x, y), label in zip(data.packages, data.package_labels, strict=True):
            ax.annotate(
                label,
                (x, y),
                xytext=(4, 4),
                textcoords="offset points",
                fontsize="x-small",
                color="0.3",
            )
    d = data.disagreement
    ax.scatter(
        [d[0]],
        [d[1]],
        marker="s",
        s=70,
        color=black,
        zorder=4,
        label=f"disagreement point d = ({fmt(d[0])}, {fmt(d[1])})",
    )
    if data.ideal is not None:
        ax.plot(
            [d[0], data.ideal[0]],
            [d[1], data.ideal[1]],
            color="0.5",
            ls="--",
            lw=1,
            label="d to the ideal point",
        )
    markers = {"nash": ("o", 200), "kalai_smorodinsky": ("^", 130), "egalitarian": ("D", 60)}
    for k, outcome in enumerate(data.outcomes):
        x, y = data.solutions[outcome.method]
        marker, size = markers[outcome.method]
        ax.scatter(
            [x],
            [y],
            marker=marker,
            s=size,
            color=category_colour(k + 1),
            edgecolors=black,
            zorder=5 + k,
            label=f"{SOLUTION_NAMES[outcome.method]} ({fmt(x, 3)}, {fmt(y, 3)})",
        )
    xs = np.concatenate([data.feasible[:, 0], [d[0]]])
    ys = np.concatenate([data.feasible[:, 1], [d[1]]])
    pad_x = 0.08 * max(np.ptp(xs), 1e-9)
    pad_y = 0.08 * max(np.ptp(ys), 1e-9)
    ax.set_xlim(xs.min() - pad_x, xs.max() + pad_x)
    ax.set_ylim(ys.min() - pad_y, ys.max() + pad_y)
    ax.axhline(d[1], color="0.8", lw=0.8, zorder=0)
    ax.axvline(d[0], color="0.8", lw=0.8, zorder=0)


def _plot_rubinstein(data: RubinsteinData, ax: Axes) -> None:
    black = OKABE_ITO["black"]
    for k, (d2, row) in enumerate(zip(data.responder_deltas, data.shares, strict=True)):
        given = abs(d2 - data.delta2) <= 1e-12
        ax.plot(
            data.proposer_deltas,
            row,
            color=category_colour(k),
            lw=3 if given else 1.5,
            ls="-" if given else "--",
            label=f"{data.players[1]}'s discount factor {fmt(d2, 3)}",
        )
    ax.scatter(
        [data.delta1],
        [data.share],
        marker="*",
        s=220,
        color=OKABE_ITO["yellow"],
        edgecolors=black,
        zorder=5,
        label=f"({fmt(data.delta1, 3)}, {fmt(data.delta2, 3)}): share {fmt(data.share, 3)}",
    )
    ax.axhline(0.5, color="0.6", lw=0.8, ls=":", zorder=0)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)


def plot_bargaining(
    problem: BargainingProblem | Sequence[Any],
    *,
    beta: Any = HALF,
    players: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw a bargaining problem and its solutions, or Rubinstein's shares.

    Parameters
    ----------
    problem
        A numeric :class:`negotiation.BargainingProblem`: the feasible set
        (shaded), the Pareto frontier, the packages, ``d`` and the Nash,
        Kalai–Smorodinsky and egalitarian points. Or a pair of discount
        factors ``(delta1, delta2)``: the first proposer's Rubinstein share
        against its own discount factor, one curve per responder discount
        factor, the given pair starred.
    beta
        The first player's bargaining power in the Nash solution.
    players
        Names of the proposer and the responder, for a pair of discount factors.
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    bargaining_data : the numbers drawn, and the errors raised.

    Examples
    --------
    >>> import negotiation as ng
    >>> problem = ng.BargainingProblem.from_points({"deal": (3, 3), "tilt": (4, 1)}, (-1, -1),
    ...                                            players=("US", "China"))
    >>> plot_bargaining(problem).get_xlabel()
    "US's utility"
    >>> plot_bargaining((0.90, 0.95), players=("US", "China")).get_ylabel()
    "US's share of the gains"
    """
    data = bargaining_data(problem, beta=beta, players=players)
    ax = new_axes(ax, figsize=(6.4, 6.4))
    if isinstance(data, BargainingData):
        _plot_problem(data, ax)
    else:
        _plot_rubinstein(data, ax)
    ax.set_title(wrap_title(data.title))
    ax.set_xlabel(data.xlabel)
    ax.set_ylabel(data.ylabel)
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False, fontsize="small"
    )
    return ax
