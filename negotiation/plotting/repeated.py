"""Repeated-game pictures: folk-theorem payoff sets, sustainability thresholds, payoff streams.

* For a :class:`~negotiation.RepeatedGame`, :func:`plot_repeated` draws either
  the feasible and individually rational payoff set (``view="set"``: every
  point strictly inside the darker region is an average payoff of some
  subgame-perfect equilibrium when players are patient enough), or the
  sustainability threshold (``view="threshold"``): each player's one-shot gain
  from deviating against the discounted loss from the punishment that follows,
  as the discount factor grows; cooperation holds from the discount factor at
  which the loss overtakes the gain for both.
* For a :class:`~negotiation.Simulation`, it draws the payoff streams: each
  player's payoff round by round, with trembles and deadline renewals marked.

References
----------
K. Bagwell and R. W. Staiger (1990), *AER* 80(4): 779-795; D. Fudenberg and
E. Maskin (1986), "The folk theorem in repeated games with discounting",
*Econometrica* 54(3): 533-554.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.plotting import repeated_data
>>> game_a = ng.Game([[0, -40], [10, -30]], [[0, 10], [-90, -70]], players=("US", "China"),
...                  strategies=(("Truce", "Escalate"), ("Truce", "Escalate")))
>>> data = repeated_data(ng.RepeatedGame(game_a))
>>> data.profile, data.critical_discounts, data.threshold
(('Truce', 'Truce'), (0.25, 0.125), 0.25)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation.display import fmt
from negotiation.errors import RepeatedGameError
from negotiation.games.repeated import RepeatedGame
from negotiation.games.simulation import Simulation
from negotiation.plotting.style import (
    OKABE_ITO,
    PLAYER_COLOURS,
    fit_title,
    new_axes,
    wrap_title,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["RepeatedData", "SimulationData", "plot_repeated", "repeated_data"]

VIEWS = ("set", "threshold")
STRATEGIES = ("grim_trigger", "punish")
GRID = 400
#: A one-shot gain from deviating at most this large counts as none.
ONE_SHOT_TOL = 1e-9


@dataclass(frozen=True)
class RepeatedData:
    """What :func:`plot_repeated` draws for a repeated game (both views).

    Attributes
    ----------
    name, players
        The stage game's name (or ``"Repeated game"``) and its players.
    profile, strategy, periods, punishment
        The target profile, the enforcing strategy (``"grim_trigger"`` or
        ``"punish"`` for ``periods`` rounds) and the punishment profile given
        (``None``: the stage equilibrium worst for the deviator).
    stage_payoffs, stage_labels
        ``(n, 2)`` payoffs of every pure profile, labelled ``"row/col"``.
    feasible, individually_rational
        ``(k, 2)`` vertices of the feasible set and of its individually
        rational part.
    minmax
        Each player's (mixed) minmax value.
    target
        The payoffs of the target profile.
    gains, losses
        Each player's one-shot gain from deviating (``T - R``) and per-round
        loss while punished (``R - P``).
    critical_discounts, threshold
        Each player's critical discount factor and the larger of the two.
    deltas, future_losses
        The discount factors along the threshold view's axis, and for each
        player (shape ``(2, len(deltas))``) the discounted loss from the
        punishment at each of them.
    discount
        The game's discount factor when numeric, else ``None``.
    sustainable
        Whether the target is sustained at :attr:`discount` (``None`` if symbolic).
    """

    name: str
    players: tuple[str, ...]
    profile: tuple[str, str]
    strategy: str
    periods: int | None
    punishment: tuple[str, str] | None
    stage_payoffs: np.ndarray
    stage_labels: tuple[str, ...]
    feasible: np.ndarray
    individually_rational: np.ndarray
    minmax: tuple[float, float]
    target: tuple[float, float]
    gains: tuple[float, float]
    losses: tuple[float, float]
    critical_discounts: tuple[float, float]
    threshold: float
    deltas: np.ndarray
    future_losses: np.ndarray
    discount: float | None
    sustainable: bool | None

    @property
    def one_shot_equilibrium(self) -> bool:
        """Whether the target is already an equilibrium of the stage game (nobody gains by deviating).

        Then no punishment is needed: it is sustained at every discount factor,
        and the threshold view says so instead of drawing an axis of zero gains.
        """
        return max(self.gains) <= ONE_SHOT_TOL

    @property
    def strategy_text(self) -> str:
        """The enforcing strategy in words, e.g. ``"grim trigger"``."""
        if self.strategy == "punish":
            return f"{self.periods}-round punishment"
        return self.strategy.replace("_", " ")


@dataclass(frozen=True)
class SimulationData:
    """What :func:`plot_repeated` draws for a simulation: the payoff streams.

    Attributes
    ----------
    title, xlabel, ylabel
        The figure's title and axis labels.
    players, strategies
        The players and their strategies' names.
    rounds
        Round numbers ``1 .. n``.
    payoffs
        ``(n, 2)`` per-round payoffs.
    trembles
        ``(n, 2)``: where a tremble replaced the intended action.
    renewals
        The rounds after which the deadline clock was renewed.
    average, discounted
        Each player's mean payoff per round and discounted total.
    """

    title: str
    xlabel: str
    ylabel: str
    players: tuple[str, ...]
    strategies: tuple[str, str]
    rounds: np.ndarray
    payoffs: np.ndarray
    trembles: np.ndarray
    renewals: tuple[int, ...]
    average: tuple[float, float]
    discounted: tuple[float, float]


def _floats(points: Sequence[Sequence[Any]]) -> np.ndarray:
    return np.array([[float(a), float(b)] for a, b in points], dtype=float).reshape(-1, 2)


def _default_profile(rg: RepeatedGame) -> tuple[str, str]:
    A, B = rg.stage_game.payoff_arrays()
    i, j = np.unravel_index(int(np.argmax(A + B)), A.shape)
    return (rg.stage_game.strategies[0][int(i)], rg.stage_game.strategies[1][int(j)])


def _simulation_data(sim: Simulation) -> SimulationData:
    n = sim.rounds
    return SimulationData(
        title=(
            f"{sim.players[0]} ({sim.strategies[0].replace('_', ' ')}) vs "
            f"{sim.players[1]} ({sim.strategies[1].replace('_', ' ')})"
        ),
        xlabel="round",
        ylabel="payoff per round",
        players=sim.players,
        strategies=sim.strategies,
        rounds=np.arange(1, n + 1),
        payoffs=np.asarray(sim.payoffs, dtype=float).reshape(n, 2),
        trembles=np.asarray(sim.trembles, dtype=bool).reshape(n, 2),
        renewals=tuple(sim.renewals),
        average=sim.average_payoffs,
        discounted=sim.discounted_payoffs,
    )


def repeated_data(
    model: RepeatedGame | Simulation,
    *,
    profile: Sequence[int | str] | None = None,
    strategy: str = "grim_trigger",
    periods: int | None = None,
    punishment: Sequence[int | str] | None = None,
) -> RepeatedData | SimulationData:
    """The numbers :func:`plot_repeated` draws.

    Parameters
    ----------
    model
        A :class:`negotiation.RepeatedGame` with numeric stage payoffs (the
        discount factor may be a symbol), giving :class:`RepeatedData`; or a
        :class:`negotiation.Simulation`, giving :class:`SimulationData`.
    profile
        The target profile; by default the pure profile with the largest sum
        of payoffs (the cooperative outcome).
    strategy, periods
        ``"grim_trigger"`` (default) or ``"punish"`` for ``periods`` rounds.
    punishment
        The punishment profile; by default the stage equilibrium worst for
        the deviator.

    Returns
    -------
    RepeatedData or SimulationData

    Raises
    ------
    FreeParameterError
        If the stage payoffs still depend on parameters.
    RepeatedGameError
        For another strategy, a target no better than the punishment, or
        options given with a simulation.

    Examples
    --------
    The stylised "Implementing Geneva" game: grim trigger sustains (L, D) from 1/5, the harsher
    W/E punishment from 1/8.

    >>> import negotiation as ng
    >>> game_b = ng.Game([[3, -2, -6], [4, -1, -4], [1, -3, -7]],
    ...                  [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]], players=("US", "China"),
    ...                  strategies=(("L", "H", "E"), ("D", "S", "W")))
    >>> rg = ng.RepeatedGame(game_b, 0.9)
    >>> repeated_data(rg).threshold, repeated_data(rg, punishment=("E", "W")).threshold
    (0.2, 0.125)
    """
    if isinstance(model, Simulation):
        if (profile, periods, punishment) != (None, None, None) or strategy != "grim_trigger":
            raise RepeatedGameError(
                "a simulation already fixes its strategies and target; profile, strategy, "
                "periods and punishment are for a RepeatedGame"
            )
        return _simulation_data(model)
    if not isinstance(model, RepeatedGame):
        raise RepeatedGameError(
            f"repeated_data draws a negotiation.RepeatedGame or a Simulation, not a "
            f"{type(model).__name__}; e.g. ng.RepeatedGame(game, 0.9)"
        )
    if strategy not in STRATEGIES:
        raise RepeatedGameError(
            f"the threshold picture is drawn for strategy='grim_trigger' or 'punish' "
            f"(with periods=k), not {strategy!r}; use rg.critical_discount(profile, "
            f"{strategy!r}) for its threshold"
        )
    rg = model
    stage = rg.stage_game
    feasible = _floats(rg.feasible_set())  # raises FreeParameterError for symbolic payoffs
    target = tuple(profile) if profile is not None else _default_profile(rg)
    i, j = stage.index(0, target[0]), stage.index(1, target[1])
    target_labels = (stage.strategies[0][i], stage.strategies[1][j])
    incentives = rg.incentives(target_labels, strategy, punishment=punishment)
    critical = rg.critical_discounts(
        target_labels, strategy, punishment=punishment, periods=periods
    )
    gains = tuple(max(float(inc.gain), 0.0) for inc in incentives)
    losses = tuple(float(inc.loss) for inc in incentives)
    deltas = np.linspace(0.0, 0.995, GRID)
    if strategy == "grim_trigger":
        weight = deltas / (1 - deltas)
    else:
        assert periods is not None  # checked by critical_discounts
        weight = np.sum([deltas**k for k in range(1, periods + 1)], axis=0)
    future = np.stack([weight * loss for loss in losses])
    discount = sp.sympify(rg.discount)
    numeric = discount.is_number
    sustainable = None
    if numeric:
        sustainable = bool(
            rg.is_sustainable(target_labels, strategy, punishment=punishment, periods=periods)
        )
    m, n = stage.shape
    A, B = stage.payoff_arrays()
    named_punishment = None
    if punishment is not None:
        named_punishment = (
            stage.strategies[0][stage.index(0, punishment[0])],
            stage.strategies[1][stage.index(1, punishment[1])],
        )
    return RepeatedData(
        name=stage.name or "Repeated game",
        players=stage.players,
        profile=target_labels,
        strategy=strategy,
        periods=periods,
        punishment=named_punishment,
        stage_payoffs=np.array([[A[r, c], B[r, c]] for r in range(m) for c in range(n)]),
        stage_labels=tuple(
            f"{stage.strategies[0][r]}/{stage.strategies[1][c]}" for r in range(m) for c in range(n)
        ),
        feasible=feasible,
        individually_rational=_floats(rg.individually_rational_set()),
        minmax=tuple(float(v) for v in rg.minmax_values()),  # type: ignore[arg-type]
        target=(float(A[i, j]), float(B[i, j])),
        gains=gains,  # type: ignore[arg-type]
        losses=losses,  # type: ignore[arg-type]
        critical_discounts=(float(critical[0]), float(critical[1])),
        threshold=float(max(critical)),
        deltas=deltas,
        future_losses=future,
        discount=float(discount) if numeric else None,
        sustainable=sustainable,
    )


def _plot_set(data: RepeatedData, ax: Axes) -> None:
    from matplotlib.patches import Polygon

    black = OKABE_ITO["black"]
    ax.add_patch(
        Polygon(
            data.feasible,
            closed=True,
            facecolor=OKABE_ITO["sky_blue"],
            alpha=0.25,
            edgecolor=OKABE_ITO["blue"],
            label="feasible payoffs",
        )
    )
    if len(data.individually_rational) >= 3:
        ax.add_patch(
            Polygon(
                data.individually_rational,
                closed=True,
                facecolor=OKABE_ITO["bluish_green"],
                alpha=0.45,
                edgecolor="none",
                label="feasible and individually rational",
            )
        )
    ax.scatter(
        data.stage_payoffs[:, 0],
        data.stage_payoffs[:, 1],
        s=18,
        color=black,
        zorder=3,
        label="stage-game outcomes",
    )
    for (x, y), label in zip(data.stage_payoffs, data.stage_labels, strict=True):
        ax.annotate(
            label,
            (x, y),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize="x-small",
            color="0.3",
        )
    mx, my = data.minmax
    ax.axvline(
        mx,
        color=PLAYER_COLOURS[0],
        ls=":",
        lw=1.2,
        label=f"{data.players[0]}'s minmax value {fmt(mx, 3)}",
    )
    ax.axhline(
        my,
        color=PLAYER_COLOURS[1],
        ls=":",
        lw=1.2,
        label=f"{data.players[1]}'s minmax value {fmt(my, 3)}",
    )
    ax.scatter(
        [data.target[0]],
        [data.target[1]],
        marker="*",
        s=260,
        color=OKABE_ITO["yellow"],
        edgecolors=black,
        zorder=5,
        label=f"target ({', '.join(data.profile)}): sustained for δ ≥ {fmt(data.threshold, 3)}",
    )
    xs, ys = data.feasible[:, 0], data.feasible[:, 1]
    pad_x, pad_y = 0.08 * max(np.ptp(xs), 1e-9), 0.08 * max(np.ptp(ys), 1e-9)
    ax.set_xlim(xs.min() - pad_x, xs.max() + pad_x)
    ax.set_ylim(ys.min() - pad_y, ys.max() + pad_y)
    fit_title(ax, f"{data.name}\nfeasible and individually rational payoffs")
    ax.set_xlabel(f"{data.players[0]}'s average payoff")
    ax.set_ylabel(f"{data.players[1]}'s average payoff")


def _plot_one_shot(data: RepeatedData, ax: Axes) -> None:
    """The threshold view when the target is already a one-shot equilibrium: say so."""
    ax.axvspan(0, 1, color=OKABE_ITO["bluish_green"], alpha=0.15, label="sustainable at every δ")
    ax.text(
        0.5,
        0.5,
        wrap_title(
            f"({', '.join(data.profile)}) is already an equilibrium of the one-shot game: "
            "no player gains by deviating, so it needs no punishment and holds at every "
            "discount factor δ",
            44,
        ),
        ha="center",
        va="center",
        transform=ax.transAxes,
        zorder=5,
        bbox={"facecolor": "white", "edgecolor": "0.6", "boxstyle": "round,pad=0.6"},
    )
    if data.discount is not None:
        ax.axvline(
            data.discount,
            color=OKABE_ITO["black"],
            lw=1.5,
            label=f"this game's δ = {fmt(data.discount, 3)} (sustained)",
        )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    fit_title(ax, f"{data.name}\n({', '.join(data.profile)}) needs no enforcement")
    ax.set_xlabel("discount factor δ")
    ax.set_ylabel("gain from deviating: none")


def _plot_threshold(data: RepeatedData, ax: Axes) -> None:
    if data.one_shot_equilibrium:
        _plot_one_shot(data, ax)
        return
    top = 3 * max(data.gains)
    widths = (4.0, 2.0)  # the first player's lines are wider, so equal curves both show
    for k in (0, 1):
        colour, player = PLAYER_COLOURS[k], data.players[k]
        ax.axhline(
            data.gains[k],
            color=colour,
            ls="--",
            lw=widths[k] - 0.5,
            label=f"{player}: one-shot gain from deviating ({fmt(data.gains[k], 3)})",
        )
        ax.plot(
            data.deltas,
            np.minimum(data.future_losses[k], 2 * top),
            color=colour,
            lw=widths[k],
            label=f"{player}: discounted loss from punishment",
        )
        if 0 < data.critical_discounts[k] < 1:
            ax.axvline(data.critical_discounts[k], color=colour, ls=":", lw=1)
    if data.threshold < 1:
        ax.axvspan(
            data.threshold,
            1,
            color=OKABE_ITO["bluish_green"],
            alpha=0.15,
            label=f"sustainable: δ ≥ {fmt(data.threshold, 3)}",
        )
    if data.discount is not None:
        verdict = "sustained" if data.sustainable else "not sustained"
        ax.axvline(
            data.discount,
            color=OKABE_ITO["black"],
            lw=1.5,
            label=f"this game's δ = {fmt(data.discount, 3)} ({verdict})",
        )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, top)
    fit_title(ax, f"{data.name}\nsustaining ({', '.join(data.profile)}) by {data.strategy_text}")
    ax.set_xlabel("discount factor δ")
    ax.set_ylabel("payoff")


def _plot_simulation(data: SimulationData, ax: Axes) -> None:
    styles = ({"lw": 2.2, "ls": "-"}, {"lw": 1.6, "ls": "--"})
    for k in (0, 1):
        ax.step(
            data.rounds,
            data.payoffs[:, k],
            where="mid",
            color=PLAYER_COLOURS[k],
            label=f"{data.players[k]} ({data.strategies[k].replace('_', ' ')}): "
            f"average {fmt(data.average[k], 3)}",
            **styles[k],  # type: ignore[arg-type]
        )
        trembled = data.trembles[:, k]
        if trembled.any():
            ax.scatter(
                data.rounds[trembled],
                data.payoffs[trembled, k],
                marker="x",
                s=60,
                color=PLAYER_COLOURS[k],
                zorder=4,
                label=f"{data.players[k]} trembles",
            )
    for k, r in enumerate(data.renewals):
        ax.axvline(r + 0.5, color="0.5", ls=":", lw=1, label="deadline renewed" if k == 0 else None)
    ax.set_xlim(0.5, max(len(data.rounds), 1) + 0.5)
    fit_title(ax, data.title)
    ax.set_xlabel(data.xlabel)
    ax.set_ylabel(data.ylabel)


def plot_repeated(
    model: RepeatedGame | Simulation,
    *,
    view: str = "set",
    profile: Sequence[int | str] | None = None,
    strategy: str = "grim_trigger",
    periods: int | None = None,
    punishment: Sequence[int | str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw a repeated game's payoff set or threshold, or a simulation's payoff streams.

    Parameters
    ----------
    model
        A :class:`negotiation.RepeatedGame` or a :class:`negotiation.Simulation`.
    view
        For a repeated game: ``"set"`` (the feasible and individually rational
        payoffs, the minmax values and the target, with its threshold in the
        legend) or ``"threshold"`` (gain from deviating against discounted loss,
        over the discount factor). Ignored for a simulation.
    profile, strategy, periods, punishment
        As for :func:`repeated_data`.
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    repeated_data : the numbers drawn, and the errors raised.

    Examples
    --------
    >>> import negotiation as ng
    >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"), players=("US", "China"))
    >>> plot_repeated(ng.RepeatedGame(pd, 0.9), view="threshold").get_xlabel()
    'discount factor δ'
    >>> sim = ng.simulate(ng.RepeatedGame(pd, 0.9), ("tit_for_tat", "grim_trigger"), rounds=20,
    ...                   noise=0.1, seed=1)
    >>> plot_repeated(sim).get_title()
    'US (tit for tat) vs China (grim trigger)'
    """
    if view not in VIEWS:
        raise RepeatedGameError(
            f"unknown view {view!r}; choose 'set' (feasible and individually rational payoffs) "
            "or 'threshold' (the critical discount factor)"
        )
    data = repeated_data(
        model, profile=profile, strategy=strategy, periods=periods, punishment=punishment
    )
    ax = new_axes(ax)
    if isinstance(data, SimulationData):
        _plot_simulation(data, ax)
    elif view == "set":
        _plot_set(data, ax)
    else:
        _plot_threshold(data, ax)
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=1, frameon=False, fontsize="small"
    )
    return ax
