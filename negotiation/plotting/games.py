"""Pictures of a normal-form game: the payoff bimatrix and the best-response diagram.

Each picture has a data twin that returns the numbers it draws, so the numbers
can be tested (and reused) without looking at a figure:

* :func:`game_data` / :func:`plot_game`: the bimatrix as a split-cell heatmap
  (row player's payoff lower left, column player's upper right) with the pure
  equilibria framed and the dominated strategies hatched;
* :func:`best_responses_data` / :func:`plot_best_responses`: both best-response
  correspondences of a 2x2 game in the unit square of mixed strategies, with
  every equilibrium (pure and mixed) at their intersections.

References
----------
M. J. Osborne (2004), *An Introduction to Game Theory*, sections 2.8 and 4.3
(best-response functions and their intersections).

Examples
--------
>>> import negotiation as ng
>>> from negotiation.plotting import best_responses_data, game_data
>>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("Cooperate", "Defect"))
>>> game_data(pd).equilibria
(('Defect', 'Defect'),)
>>> best_responses_data(pd).equilibria.tolist()
[[0.0, 0.0]]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import sympy as sp

from negotiation.display import fmt
from negotiation.errors import InvalidGameError
from negotiation.games.normal_form import Domination, Game
from negotiation.plotting.style import (
    OKABE_ITO,
    PLAYER_COLOURS,
    new_axes,
    text_colour_on,
    wrap_title,
)

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

__all__ = [
    "BestResponseData",
    "GameData",
    "best_responses_data",
    "game_data",
    "plot_best_responses",
    "plot_game",
]

DEFAULT_TOL = 1e-9
_PLAYER_CMAPS = ("Blues", "Oranges")


def _title(game: Game, what: str | None = None) -> str:
    base = game.name or f"{game.players[0]} vs {game.players[1]}"
    return f"{what}: {base}" if what else base


def _check_game(game: object, function: str) -> Game:
    if not isinstance(game, Game):
        raise InvalidGameError(
            f"{function} draws a negotiation.Game, not a {type(game).__name__}; "
            "for a scenario pass scenario.game()"
        )
    return game


# ---------------------------------------------------------------------- payoff table
@dataclass(frozen=True)
class GameData:
    """What :func:`plot_game` draws.

    Attributes
    ----------
    title
        The figure title (the game's name, or "Row vs Column").
    players, strategies
        The game's player names and strategy labels.
    row_payoffs, col_payoffs
        ``rows x columns`` float arrays; ``nan`` where a payoff still depends on
        parameters.
    cell_text
        For each cell, the two payoffs as printed (``(row text, column text)``).
    equilibria
        The pure profiles ``(row label, column label)`` that are Nash equilibria
        whatever the parameters.
    conditional_equilibria
        ``((profile, condition), ...)`` for the pure profiles that are equilibria
        only under a condition on the parameters.
    dominated
        The strictly dominated strategies (one round of dominance).
    """

    title: str
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    row_payoffs: np.ndarray
    col_payoffs: np.ndarray
    cell_text: tuple[tuple[tuple[str, str], ...], ...]
    equilibria: tuple[tuple[str, str], ...]
    conditional_equilibria: tuple[tuple[tuple[str, str], sp.Basic], ...]
    dominated: tuple[Domination, ...]


def _float_or_nan(value: sp.Expr) -> float:
    return float(value) if value.is_number else float("nan")


def game_data(game: Game) -> GameData:
    """The numbers :func:`plot_game` draws: payoffs, pure equilibria, dominated strategies.

    Works on symbolic games too: a payoff that depends on parameters is ``nan``
    in the arrays (and printed as its expression), and a profile that is an
    equilibrium only for some parameter values is listed with its condition.

    Parameters
    ----------
    game
        A :class:`negotiation.Game`.

    Returns
    -------
    GameData

    Examples
    --------
    >>> import sympy as sp
    >>> import negotiation as ng
    >>> t = sp.Symbol("t", positive=True)
    >>> g = ng.Game([[0, -40], [10 * t, -30]], [[0, 10], [-90, -70]], players=("US", "China"),
    ...             strategies=(("Truce", "Escalate"), ("Truce", "Escalate")))
    >>> data = game_data(g)
    >>> data.equilibria, data.cell_text[1][0]
    ((('Escalate', 'Escalate'),), ('10*t', '-90'))
    >>> [d.reason for d in data.dominated]
    ["US's 'Truce' is strictly dominated by 'Escalate'", "China's 'Truce' is strictly dominated by 'Escalate'"]
    """
    game = _check_game(game, "game_data")
    m, n = game.shape
    A, B = game.row_payoffs, game.col_payoffs
    row = np.array([[_float_or_nan(A[i, j]) for j in range(n)] for i in range(m)])
    col = np.array([[_float_or_nan(B[i, j]) for j in range(n)] for i in range(m)])
    text = tuple(tuple((fmt(A[i, j]), fmt(B[i, j])) for j in range(n)) for i in range(m))
    sure: list[tuple[str, str]] = []
    conditional: list[tuple[tuple[str, str], sp.Basic]] = []
    for i in range(m):
        for j in range(n):
            profile = (game.strategies[0][i], game.strategies[1][j])
            condition = game.equilibrium_conditions((i, j))
            if condition is sp.true:
                sure.append(profile)
            elif condition is not sp.false:
                conditional.append((profile, condition))
    return GameData(
        title=_title(game),
        players=game.players,
        strategies=game.strategies,
        row_payoffs=row,
        col_payoffs=col,
        cell_text=text,
        equilibria=tuple(sure),
        conditional_equilibria=tuple(conditional),
        dominated=game.dominated_strategies(strict=True),
    )


def plot_game(game: Game, *, ax: Axes | None = None) -> Axes:
    """Draw the payoff bimatrix, with pure equilibria framed and dominated strategies hatched.

    Each cell is split along its diagonal: the lower-left triangle holds the
    row player's payoff, the upper-right the column player's, each shaded on
    its own player's scale (darker is better for that player). A solid black
    frame marks a pure Nash equilibrium; a dashed frame one that holds only
    under a condition on the parameters. Dominated strategies are hatched and
    their labels say so.

    Parameters
    ----------
    game
        A :class:`negotiation.Game` (numeric or symbolic).
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    game_data : the numbers drawn.

    Examples
    --------
    >>> import negotiation as ng
    >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("Cooperate", "Defect"),
    ...                        players=("US", "China"))
    >>> ax = plot_game(pd)
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('China', 'US')
    """
    from matplotlib import colormaps
    from matplotlib.colors import Normalize
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Polygon, Rectangle

    data = game_data(game)
    ax = new_axes(ax)
    m, n = data.row_payoffs.shape

    for p, values in enumerate((data.row_payoffs, data.col_payoffs)):
        finite = values[np.isfinite(values)]
        low, high = (finite.min(), finite.max()) if finite.size else (0.0, 1.0)
        if high - low <= DEFAULT_TOL:
            low, high = low - 1.0, high + 1.0
        cmap, norm = colormaps[_PLAYER_CMAPS[p]], Normalize(low - 0.15 * (high - low), high)
        for i in range(m):
            for j in range(n):
                if p == 0:
                    corners = [(j, i), (j, i + 1), (j + 1, i + 1)]
                    where = (j + 0.3, i + 0.72)
                else:
                    corners = [(j, i), (j + 1, i), (j + 1, i + 1)]
                    where = (j + 0.7, i + 0.32)
                value = values[i, j]
                face = cmap(norm(value)) if np.isfinite(value) else (1.0, 1.0, 1.0, 1.0)
                ax.add_patch(Polygon(corners, closed=True, facecolor=face, edgecolor="white"))
                ax.text(
                    *where,
                    data.cell_text[i][j][p],
                    ha="center",
                    va="center",
                    color=text_colour_on(face),
                    fontsize="medium" if max(m, n) <= 4 else "small",
                )

    handles: list[Artist] = [
        Patch(facecolor=colormaps[_PLAYER_CMAPS[0]](0.7), label=f"{data.players[0]}'s payoff"),
        Patch(facecolor=colormaps[_PLAYER_CMAPS[1]](0.7), label=f"{data.players[1]}'s payoff"),
    ]
    for d in data.dominated:
        p = data.players.index(d.player)
        k = data.strategies[p].index(d.dominated)
        xy, w, h = ((0, k), n, 1) if p == 0 else ((k, 0), 1, m)
        ax.add_patch(Rectangle(xy, w, h, fill=False, hatch="//", edgecolor="0.25", lw=0, alpha=0.3))
    if data.dominated:
        handles.append(
            Patch(facecolor="none", hatch="//", edgecolor="0.55", label="dominated strategy")
        )
    for profiles, style, label in (
        (data.equilibria, "-", "pure Nash equilibrium"),
        ([pc[0] for pc in data.conditional_equilibria], "--", "equilibrium under conditions"),
    ):
        for r_label, c_label in profiles:
            i, j = data.strategies[0].index(r_label), data.strategies[1].index(c_label)
            ax.add_patch(
                Rectangle(
                    (j + 0.04, i + 0.04),
                    0.92,
                    0.92,
                    fill=False,
                    lw=3,
                    ls=style,
                    edgecolor=OKABE_ITO["black"],
                )
            )
        if profiles:
            handles.append(Line2D([], [], color=OKABE_ITO["black"], lw=3, ls=style, label=label))

    dominated = {(d.player, d.dominated) for d in data.dominated}

    def tick(p: int, label: str) -> str:
        return f"{label}\n(dominated)" if (data.players[p], label) in dominated else label

    ax.set_xlim(0, n)
    ax.set_ylim(m, 0)
    ax.set_xticks(np.arange(n) + 0.5, [tick(1, s) for s in data.strategies[1]])
    ax.set_yticks(np.arange(m) + 0.5, [tick(0, s) for s in data.strategies[0]])
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel(data.players[1])
    ax.set_ylabel(data.players[0])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(wrap_title(data.title))
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.02),
        ncol=2,
        frameon=False,
        fontsize="small",
    )
    return ax


# ---------------------------------------------------------------------- best responses
@dataclass(frozen=True)
class BestResponseData:
    """What :func:`plot_best_responses` draws, in the unit square of mixed strategies.

    The horizontal axis is the probability ``x`` that the row player plays its
    first strategy, the vertical axis the probability ``y`` that the column
    player plays its first strategy.

    Attributes
    ----------
    title, xlabel, ylabel
        The figure's title and axis labels.
    players, strategies
        The game's player names and strategy labels.
    row_segments, col_segments
        Arrays of shape ``(k, 2, 2)``: line segments ``[(x0, y0), (x1, y1)]``
        making up each player's best-response correspondence.
    row_threshold, col_threshold
        The opponent's probability at which the player is indifferent
        (``y`` for the row player, ``x`` for the column player), or ``None``
        when the player has a (weakly) dominant strategy.
    row_indifferent, col_indifferent
        Whether the player is indifferent whatever the opponent does (the
        correspondence is then the whole square).
    equilibria
        Array of shape ``(k, 2)``: ``(x, y)`` of each extreme equilibrium.
    pure
        Boolean array: which of the ``equilibria`` are pure.
    """

    title: str
    xlabel: str
    ylabel: str
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    row_segments: np.ndarray
    col_segments: np.ndarray
    row_threshold: float | None
    col_threshold: float | None
    row_indifferent: bool
    col_indifferent: bool
    equilibria: np.ndarray
    pure: np.ndarray


def _correspondence(
    d0: float, d1: float, tol: float
) -> tuple[list[tuple[tuple[float, float], tuple[float, float]]], float | None, bool]:
    """Segments ``((own0, other0), (own1, other1))`` of a 2x2 best-response correspondence.

    ``d(t) = d0 + (d1 - d0) t`` is the gain from the first own strategy over the
    second when the opponent plays its first strategy with probability ``t``.
    """
    d0, d1 = float(d0), float(d1)
    if abs(d0) <= tol and abs(d1) <= tol:
        box = [
            ((0.0, 0.0), (1.0, 0.0)),
            ((1.0, 0.0), (1.0, 1.0)),
            ((1.0, 1.0), (0.0, 1.0)),
            ((0.0, 1.0), (0.0, 0.0)),
        ]
        return box, None, True
    threshold: float | None = None
    if abs(d1 - d0) > tol:
        t_star = d0 / (d0 - d1)
        if -tol <= t_star <= 1 + tol:
            threshold = min(max(t_star, 0.0), 1.0)
    breaks = sorted({0.0, 1.0, *(() if threshold is None else (threshold,))})
    segments = []
    for a, b in itertools.pairwise(breaks):
        gain = d0 + (d1 - d0) * (a + b) / 2
        own = 1.0 if gain > 0 else 0.0
        segments.append(((own, a), (own, b)))
    if threshold is not None:
        segments.append(((0.0, threshold), (1.0, threshold)))
    return segments, threshold, False


def best_responses_data(game: Game, *, tol: float = DEFAULT_TOL) -> BestResponseData:
    """The numbers :func:`plot_best_responses` draws for a numeric 2x2 game.

    Parameters
    ----------
    game
        A numeric 2x2 :class:`negotiation.Game`.
    tol
        Payoff differences within ``tol`` of zero count as indifference.

    Returns
    -------
    BestResponseData

    Raises
    ------
    InvalidGameError
        If the game is not 2x2.
    FreeParameterError
        If the payoffs still depend on parameters.

    Examples
    --------
    Chicken with W = 2, L = 3, C = 10 (the stylised October game): each side
    escalates with probability W / (W + C - L) = 2/9.

    >>> import negotiation as ng
    >>> chicken = ng.Game.symmetric([[0, -3], [2, -10]], strategies=("Swerve", "Escalate"))
    >>> data = best_responses_data(chicken)
    >>> round(1 - data.row_threshold, 4), int(data.pure.sum()), len(data.pure)
    (0.2222, 2, 3)
    """
    game = _check_game(game, "best_responses_data")
    if game.shape != (2, 2):
        raise InvalidGameError(
            f"the best-response diagram is drawn for 2x2 games; this game is "
            f"{game.shape[0]}x{game.shape[1]}: use plot_game, or game.restrict(...) to two "
            "strategies each"
        )
    A, B = game.payoff_arrays()
    # Row: first strategy minus second, against the column player's first strategy with prob y.
    row_segments, row_threshold, row_flat = _correspondence(
        A[0, 1] - A[1, 1], A[0, 0] - A[1, 0], tol
    )
    col_segments, col_threshold, col_flat = _correspondence(
        B[1, 0] - B[1, 1], B[0, 0] - B[0, 1], tol
    )
    equilibria = game.equilibria(tol=tol)
    points = np.array([[float(eq.row[0]), float(eq.col[0])] for eq in equilibria]).reshape(-1, 2)
    players, strategies = game.players, game.strategies
    return BestResponseData(
        title=_title(game, "Best responses"),
        xlabel=f"P({players[0]} plays {strategies[0][0]})",
        ylabel=f"P({players[1]} plays {strategies[1][0]})",
        players=players,
        strategies=strategies,
        row_segments=np.array(row_segments, dtype=float).reshape(-1, 2, 2),
        # the column player's own probability is x, the opponent's y: swap coordinates
        col_segments=np.array(col_segments, dtype=float).reshape(-1, 2, 2)[:, :, ::-1],
        row_threshold=row_threshold,
        col_threshold=col_threshold,
        row_indifferent=row_flat,
        col_indifferent=col_flat,
        equilibria=points,
        pure=np.array([eq.is_pure for eq in equilibria], dtype=bool),
    )


def plot_best_responses(game: Game, *, ax: Axes | None = None, tol: float = DEFAULT_TOL) -> Axes:
    """Draw both players' best-response correspondences of a 2x2 game and their intersections.

    The row player's best response (solid, blue) and the column player's
    (dashed, vermillion) are drawn in the unit square of mixed strategies;
    the equilibria sit where they cross: filled dots for pure equilibria,
    open dots for mixed ones.

    Parameters
    ----------
    game
        A numeric 2x2 :class:`negotiation.Game`.
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.
    tol
        Passed to :func:`best_responses_data`.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    best_responses_data : the numbers drawn.

    Examples
    --------
    >>> import negotiation as ng
    >>> chicken = ng.Game.symmetric([[0, -3], [2, -10]], strategies=("Swerve", "Escalate"),
    ...                             players=("US", "China"))
    >>> plot_best_responses(chicken).get_xlabel()
    'P(US plays Swerve)'
    """
    from matplotlib.collections import LineCollection

    data = best_responses_data(game, tol=tol)
    ax = new_axes(ax, figsize=(5.6, 5.2))
    styles = ({"lw": 4, "ls": "-"}, {"lw": 2.5, "ls": "--"})
    for p, (segments, flat) in enumerate(
        ((data.row_segments, data.row_indifferent), (data.col_segments, data.col_indifferent))
    ):
        label = f"{data.players[p]}'s best response"
        colour = PLAYER_COLOURS[p]
        ax.add_collection(
            LineCollection(
                list(segments),
                colors=colour,
                label=label,
                capstyle="round",
                **styles[p],  # type: ignore[arg-type]
            )
        )
        if flat:
            ax.fill_between([0, 1], 0, 1, color=colour, alpha=0.15)
    for pure, marker_face, label in (
        (True, OKABE_ITO["black"], "pure equilibrium"),
        (False, "white", "mixed equilibrium"),
    ):
        points = data.equilibria[data.pure == pure]
        if len(points):
            ax.scatter(
                points[:, 0],
                points[:, 1],
                s=90,
                zorder=3,
                facecolors=marker_face,
                edgecolors=OKABE_ITO["black"],
                linewidths=2,
                label=label,
            )
        for x, y in points:
            ax.annotate(
                f"({fmt(x, 3)}, {fmt(y, 3)})",
                (x, y),
                xytext=(-10 if x > 0.5 else 10, -12 if y > 0.5 else 10),
                textcoords="offset points",
                ha="right" if x > 0.5 else "left",
                fontsize="small",
            )
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(-0.05, 1.05)
    ax.set_aspect("equal")
    ax.set_xlabel(data.xlabel)
    ax.set_ylabel(data.ylabel)
    ax.set_title(wrap_title(data.title))
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False, fontsize="small"
    )
    return ax
