"""Sweep results: the share of parameter points at which each outcome is an equilibrium.

One horizontal bar per outcome found in a :class:`~negotiation.sweeps.SweepResult`
(pure profiles first, then mixed ones, hatched). For a Monte Carlo sweep the
share is an estimate and the bar carries its Wilson confidence interval; for a
grid it is the exact fraction of grid points. A point with several equilibria
counts for each, so the shares need not add up to one.

Examples
--------
>>> import sympy as sp
>>> import negotiation as ng
>>> from negotiation.plotting import sweep_data
>>> C = sp.Symbol("C")
>>> chicken = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("Swerve", "Escalate"))
>>> data = sweep_data(ng.sweep(chicken, grid={"C": range(0, 11)}))
>>> data.outcomes[2], round(float(data.share[2]), 4)
('(Escalate, Escalate)', 0.3636)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from negotiation.display import fmt
from negotiation.errors import SweepError
from negotiation.plotting.style import OKABE_ITO, PLAYER_COLOURS, fit_title, new_axes
from negotiation.sweeps import SweepResult

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

__all__ = ["SweepData", "plot_sweep", "sweep_data"]


@dataclass(frozen=True)
class SweepData:
    """What :func:`plot_sweep` draws.

    Attributes
    ----------
    title, xlabel, ylabel
        The figure's title and axis labels.
    outcomes
        The outcome labels, pure profiles first.
    pure
        Whether each outcome is a pure profile.
    counts, share, low, high
        Points at which each outcome is an equilibrium, their share, and the
        confidence interval (equal to the share for a grid).
    n_points
        How many parameter points were swept.
    kind, interval, confidence
        ``"grid"`` or ``"monte_carlo"``; ``"exact"`` or ``"wilson"``; the level.
    parameters
        The swept parameters' names.
    """

    title: str
    xlabel: str
    ylabel: str
    outcomes: tuple[str, ...]
    pure: np.ndarray
    counts: np.ndarray
    share: np.ndarray
    low: np.ndarray
    high: np.ndarray
    n_points: int
    kind: str
    interval: str
    confidence: float
    parameters: tuple[str, ...]


def sweep_data(result: SweepResult, *, confidence: float = 0.95) -> SweepData:
    """The numbers :func:`plot_sweep` draws, from ``result.share(confidence)``.

    Parameters
    ----------
    result
        A :class:`negotiation.sweeps.SweepResult` from :func:`negotiation.sweep`.
    confidence
        The level of the Monte Carlo confidence interval.

    Returns
    -------
    SweepData

    Raises
    ------
    SweepError
        If ``result`` is not a sweep result, or for a bad ``confidence``.

    Examples
    --------
    >>> import sympy as sp
    >>> import negotiation as ng
    >>> t = sp.Symbol("t")
    >>> pd = ng.Game([[3, 0], [t, 1]], [[3, t], [0, 1]], strategies=(("C", "D"), ("C", "D")),
    ...              players=("US", "China"))
    >>> data = sweep_data(ng.sweep(pd, samples=1000, distributions={"t": ("uniform", 2, 4)},
    ...                            seed=1))
    >>> data.kind, data.interval, data.outcomes
    ('monte_carlo', 'wilson', ('(C, C)', '(D, D)', '(C+D, C+D)'))
    >>> bool(data.low[0] < data.share[0] < data.high[0])
    True
    """
    if not isinstance(result, SweepResult):
        raise SweepError(
            f"sweep_data draws a SweepResult from negotiation.sweep(...), not a "
            f"{type(result).__name__}"
        )
    shares = result.share(confidence)
    game = result.game
    pure = np.array(
        [all(bin(mask).count("1") == 1 for mask in key) for key in result.outcome_keys],
        dtype=bool,
    )
    kind = "grid points" if result.kind == "grid" else "Monte Carlo draws"
    name = game.name or " vs ".join(game.players)
    return SweepData(
        title=f"{name}\nequilibria at {shares.n_points:,} {kind}",
        xlabel="share of points at which the outcome is an equilibrium",
        ylabel=f"outcome ({', '.join(game.players)})",
        outcomes=shares.outcomes,
        pure=pure,
        counts=shares.counts,
        share=shares.share,
        low=shares.low,
        high=shares.high,
        n_points=shares.n_points,
        kind=result.kind,
        interval=shares.interval,
        confidence=shares.confidence,
        parameters=result.parameters,
    )


def plot_sweep(result: SweepResult, *, confidence: float = 0.95, ax: Axes | None = None) -> Axes:
    """Draw the share of swept parameter points at which each outcome is an equilibrium.

    Parameters
    ----------
    result
        A :class:`negotiation.sweeps.SweepResult`.
    confidence
        The level of the confidence interval drawn for a Monte Carlo sweep.
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    sweep_data : the numbers drawn.

    Examples
    --------
    >>> import sympy as sp
    >>> import negotiation as ng
    >>> C = sp.Symbol("C")
    >>> chicken = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("Swerve", "Escalate"))
    >>> plot_sweep(ng.sweep(chicken, grid={"C": range(0, 11)})).get_ylabel()
    'outcome (Row, Column)'
    """
    data = sweep_data(result, confidence=confidence)
    ax = new_axes(ax, figsize=(7.0, max(2.5, 0.55 * len(data.outcomes) + 1.8)))
    y = np.arange(len(data.outcomes))
    colours = [PLAYER_COLOURS[0] if p else OKABE_ITO["orange"] for p in data.pure]
    bars = ax.barh(y, data.share, color=colours, edgecolor=OKABE_ITO["black"], height=0.6)
    for bar, pure in zip(bars, data.pure, strict=True):
        if not pure:
            bar.set_hatch("//")
    if data.interval == "wilson":
        ax.errorbar(
            data.share,
            y,
            xerr=np.clip(np.vstack([data.share - data.low, data.high - data.share]), 0, None),
            fmt="none",
            ecolor=OKABE_ITO["black"],
            capsize=4,
            label=f"{data.confidence:.0%} confidence interval (Wilson)",
        )
    for k, share in enumerate(data.share):
        ax.text(
            min(float(data.high[k]), 1.0) + 0.01,
            k,
            f"{fmt(float(share), 3)} ({int(data.counts[k]):,})",
            va="center",
            fontsize="small",
        )
    ax.set_yticks(y, data.outcomes)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.18)
    ax.set_xticks(np.linspace(0, 1, 6))
    fit_title(ax, data.title)
    ax.set_xlabel(data.xlabel)
    ax.set_ylabel(data.ylabel)
    from matplotlib.patches import Patch

    handles: list[Artist] = [
        Patch(facecolor=PLAYER_COLOURS[0], edgecolor="black", label="pure equilibrium")
    ]
    if not data.pure.all():
        handles.append(
            Patch(
                facecolor=OKABE_ITO["orange"],
                edgecolor="black",
                hatch="//",
                label="mixed equilibrium",
            )
        )
    if data.interval == "wilson":
        handles.extend(ax.get_legend_handles_labels()[0])
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.18),
        ncol=2,
        frameon=False,
        fontsize="small",
    )
    return ax
