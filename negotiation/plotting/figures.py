"""Every picture of a scenario by name, for the command line and the demo.

:func:`draw` turns a scenario and a kind of picture (``"game"``,
``"regions"``, ``"tree"``, ...) into an ``Axes``; :func:`save_figure` writes
it to a file; :func:`demo_figures` writes the London framework's set of
figures into a folder. ``negotiation plot <scenario> <kind> -o file.png`` and
``negotiation demo --figures DIR`` call these.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.plotting.figures import KINDS, draw
>>> "tree" in KINDS
True
>>> draw(ng.load("tariff_dilemma"), "best_responses").get_xlabel()
'P(US plays Truce)'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiation.errors import InvalidGameError, UnknownLabelError
from negotiation.games.extensive import Decision, GameTree, Terminal
from negotiation.games.normal_form import Game

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "DEMO_FIGURES",
    "KINDS",
    "NPARTY_KINDS",
    "demo_figures",
    "draw",
    "save_figure",
    "sequential_tree",
]

#: The pictures :func:`draw` makes, with a one-line description each.
KINDS: dict[str, str] = {
    "game": "the payoff table, with pure equilibria and dominated strategies marked",
    "best_responses": "best-response correspondences of a 2x2 game",
    "regions": "which pure equilibria hold where, over two parameters",
    "bargaining": "feasible set, Pareto frontier and the Nash, KS and egalitarian points",
    "rubinstein": "Rubinstein shares against the discount factor",
    "tree": "the game played in sequence, with the subgame-perfect path",
    "repeated": "the discount factor that sustains the cooperative outcome",
    "folk": "feasible and individually rational payoffs of the repeated game",
    "sweep": "share of parameter draws at which each outcome is an equilibrium",
    "timeline": "headline tariff rates, April to November 2025",
}

#: The pictures :func:`draw` makes of a scenario with three or more parties.
NPARTY_KINDS = ("sweep", "timeline")

#: The London framework's figures written by ``negotiation demo --figures DIR``.
DEMO_FIGURES = ("game", "regions", "bargaining", "tree", "repeated", "timeline")
#: Who moves first in the demo's tree: China delivers rare earths "up front".
DEMO_FIRST_MOVER = "China"
DEFAULT_DELTAS = (0.90, 0.95)
SWEEP_SAMPLES = 20_000


def sequential_tree(game: Game, first: str | int | None = None) -> GameTree:
    """The game played in sequence: ``first`` moves, the other sees the move and replies.

    Parameters
    ----------
    game
        A two-player :class:`negotiation.Game`.
    first
        The first mover (name, index, ``"row"`` or ``"column"``); the row
        player by default.

    Examples
    --------
    >>> import negotiation as ng
    >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"), players=("US", "China"))
    >>> tree = sequential_tree(pd, "China")
    >>> tree.root.player, [spe.path for spe in tree.subgame_perfect()]
    ('China', [('D', 'D')])
    """
    p = 0 if first is None else game.player_index(first)
    q = 1 - p
    A, B = game.row_payoffs, game.col_payoffs

    def leaf(own: int, other: int) -> Terminal:
        i, j = (own, other) if p == 0 else (other, own)
        return Terminal((A[i, j], B[i, j]))

    root = Decision(
        game.players[p],
        {
            a: Decision(game.players[q], {b: leaf(k, m) for m, b in enumerate(game.strategies[q])})
            for k, a in enumerate(game.strategies[p])
        },
    )
    name = f"{game.name or ' vs '.join(game.players)}: {game.players[p]} moves first"
    return GameTree(root, players=game.players, name=name)


def _short_title(scenario: Any) -> str:
    return (scenario.title or scenario.name).split(":")[0]


def draw(
    scenario: Any,
    kind: str,
    *,
    ax: Axes | None = None,
    first: str | None = None,
    x: str | None = None,
    y: str | None = None,
    deltas: Sequence[float] = DEFAULT_DELTAS,
    samples: int = SWEEP_SAMPLES,
    seed: int = 0,
) -> Axes:
    """Draw one picture of a scenario.

    Parameters
    ----------
    scenario
        A scenario (e.g. ``ng.load("london_framework")``), at its parameters'
        default values.
    kind
        One of :data:`KINDS`.
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.
    first
        ``"tree"``: the first mover (default: the row player).
    x, y
        ``"regions"``: the parameters on the axes (default: two that decide
        the equilibria at the defaults).
    deltas
        ``"rubinstein"``: the first proposer's and the responder's discount factors.
    samples, seed
        ``"sweep"``: Monte Carlo draws, uniform over each parameter's declared
        range (parameters without one stay at their defaults); with three or
        more parties, of the pure equilibria.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    UnknownLabelError
        For an unknown kind (the message lists them).
    InvalidGameError
        For a two-party picture of a scenario with three or more parties (the
        message names the pictures and solvers that work).
    """
    from negotiation import plotting

    if kind not in KINDS:
        raise UnknownLabelError(f"no picture {kind!r}; the pictures are: " + ", ".join(KINDS))
    players = tuple(getattr(scenario, "players", ()))
    if len(players) > 2 and kind not in NPARTY_KINDS:
        from negotiation.solvers import methods_for

        name = scenario.name
        tables = (
            f"one table per strategy of {players[2]}"
            if len(players) == 3
            else "one table per profile of the others"
        )
        raise InvalidGameError(
            f"the picture {kind!r} is for two-party scenarios, and {name} has {len(players)} "
            f"parties ({', '.join(players)}): draw "
            + " or ".join(repr(k) for k in NPARTY_KINDS)
            + f" instead; 'negotiation show {name}' prints its game ({tables}) and "
            f"'negotiation solve {name}' its equilibria (methods: "
            + ", ".join(repr(m) for m in methods_for(len(players)))
            + ")"
        )
    if kind == "timeline":
        return plotting.plot_timeline(ax=ax)
    if kind == "regions":
        return plotting.plot_regions(scenario, x, y, ax=ax)
    if kind == "sweep":
        return plotting.plot_sweep(_sweep(scenario, samples, seed), ax=ax)
    game = scenario.game()
    if kind == "game":
        return plotting.plot_game(game, ax=ax)
    if kind == "best_responses":
        return plotting.plot_best_responses(game, ax=ax)
    if kind == "bargaining":
        from negotiation.bargaining import BargainingProblem

        return plotting.plot_bargaining(BargainingProblem.from_scenario(scenario), ax=ax)
    if kind == "rubinstein":
        return plotting.plot_bargaining(tuple(deltas), players=game.players, ax=ax)
    if kind == "tree":
        return plotting.plot_tree(sequential_tree(game, first), ax=ax)
    from negotiation.games.repeated import RepeatedGame

    view = "threshold" if kind == "repeated" else "set"
    return plotting.plot_repeated(RepeatedGame(game), view=view, ax=ax)


def _sweep(scenario: Any, samples: int, seed: int) -> Any:
    from negotiation.sweeps import sweep

    ranged = {
        p.name: ("uniform", float(p.low), float(p.high))
        for p in scenario.parameter_info
        if p.low is not None and p.high is not None
    }
    if not ranged:
        raise InvalidGameError(
            f"{scenario.name} declares no parameter ranges (low and high) to sample from"
        )
    method = "pure" if len(scenario.players) > 2 else "vertex_enumeration"
    return sweep(
        scenario,
        samples=samples,
        distributions=ranged,
        seed=seed,
        method=method,
        progress=False,
    )


def save_figure(ax: Axes, path: str | Path, *, dpi: int = 150) -> Path:
    """Write the figure holding ``ax`` to ``path`` (format from the suffix: png, pdf, svg).

    Raises
    ------
    InvalidGameError
        For a file suffix matplotlib cannot write.
    """
    path = Path(path)
    formats = ax.figure.canvas.get_supported_filetypes()
    suffix = path.suffix.lstrip(".").lower()
    if suffix not in formats:
        raise InvalidGameError(
            f"cannot write a figure as {path.name!r}; use one of the suffixes "
            + ", ".join("." + f for f in sorted(formats))
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    from matplotlib.figure import Figure

    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    figure.savefig(path, dpi=dpi)
    return path


def demo_figures(scenario: Any, folder: str | Path) -> list[Path]:
    """Write a scenario's figures (:data:`DEMO_FIGURES`) into ``folder`` as PNG files.

    The best-response diagram replaces the region map for a 2x2 game; in the
    tree, China moves first when it is a player (the London framework's
    "up front" delivery), else the row player.

    Returns
    -------
    list of pathlib.Path
        The files written, in :data:`DEMO_FIGURES` order.
    """
    folder = Path(folder)
    game = scenario.game()
    first = DEMO_FIRST_MOVER if DEMO_FIRST_MOVER in game.players else None
    written = []
    for kind in DEMO_FIGURES:
        if kind == "regions" and game.shape == (2, 2):
            kind = "best_responses"
        ax = draw(scenario, kind, first=first)
        stem = "timeline" if kind == "timeline" else f"{scenario.name}_{kind}"
        written.append(save_figure(ax, folder / f"{stem}.png"))
    return written
