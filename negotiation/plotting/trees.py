"""Game trees, drawn top down, with the subgame-perfect play highlighted.

Leaves are spaced evenly from left to right in the order the tree lists them;
each decision or chance node sits above the middle of its children. The
action taken at every node in the chosen subgame-perfect equilibrium is drawn
in a heavy line (the equilibrium path, from the root) or a dashed heavy line
(choices off the path, which make the threats credible); decision nodes of
one information set are joined by a dotted line.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.plotting import tree_data
>>> entry = ng.GameTree(ng.Decision("Entrant", {
...     "Out": ng.Terminal((0, 2)),
...     "In": ng.Decision("Incumbent", {"Fight": ng.Terminal((-1, -1)),
...                                     "Accommodate": ng.Terminal((1, 1))})}),
...     players=("Entrant", "Incumbent"))
>>> data = tree_data(entry)
>>> data.path, data.histories[1], data.positions[1].tolist()
(('In', 'Accommodate'), ('Out',), [0.0, -1.0])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from negotiation.display import fmt
from negotiation.errors import GameTreeError, InvalidGameError
from negotiation.games.extensive import Chance, Decision, GameTree, SubgamePerfect, Terminal
from negotiation.plotting.style import (
    OKABE_ITO,
    PLAYER_COLOURS,
    category_colour,
    new_axes,
    wrap_title,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["TreeData", "plot_tree", "tree_data"]

History = tuple[str, ...]


@dataclass(frozen=True)
class TreeData:
    """What :func:`plot_tree` draws.

    Attributes
    ----------
    title
        The figure title.
    players
        The tree's players.
    histories
        Every node's history (labels from the root), depth first; ``()`` is the root.
    kinds
        ``"decision"``, ``"chance"`` or ``"terminal"`` for each node.
    labels
        The text at each node: the mover's name, ``"Chance"``, or the payoffs.
    positions
        Array of shape ``(nodes, 2)``: ``(x, y)`` of each node; ``y`` is minus
        the depth.
    edges
        ``(parent index, child index, label)`` for each branch; a chance
        branch's label carries its probability.
    on_path
        Boolean array, one per edge: whether the edge is played in the
        highlighted subgame-perfect equilibrium.
    chosen
        Boolean array, one per edge: whether the equilibrium chooses the edge
        at its node (on or off the path).
    infosets
        Node indices of each information set with more than one node.
    spe
        The highlighted subgame-perfect equilibrium, or ``None`` when the tree
        is symbolic or has no pure subgame-perfect equilibrium.
    spe_count
        How many pure subgame-perfect equilibria the tree has (0 when symbolic).
    path
        The highlighted equilibrium's path (``()`` if none).
    """

    title: str
    players: tuple[str, ...]
    histories: tuple[History, ...]
    kinds: tuple[str, ...]
    labels: tuple[str, ...]
    positions: np.ndarray
    edges: tuple[tuple[int, int, str], ...]
    on_path: np.ndarray
    chosen: np.ndarray
    infosets: tuple[tuple[int, ...], ...]
    spe: SubgamePerfect | None
    spe_count: int
    path: History


def _layout(tree: GameTree) -> tuple[list[History], list[Any], np.ndarray]:
    histories: list[History] = []
    nodes: list[Any] = []
    x: dict[History, float] = {}
    depth: dict[History, int] = {}
    next_leaf = [0.0]

    def visit(node: Any, history: History) -> None:
        histories.append(history)
        nodes.append(node)
        depth[history] = len(history)
        if isinstance(node, Terminal):
            x[history] = next_leaf[0]
            next_leaf[0] += 1.0
            return
        branches = (
            node.moves if isinstance(node, Decision) else [(o, c) for o, _, c in node.outcomes]
        )
        for label, child in branches:
            visit(child, (*history, label))
        children = [x[(*history, label)] for label, _ in branches]
        x[history] = (min(children) + max(children)) / 2

    visit(tree.root, ())
    positions = np.array([[x[h], -depth[h]] for h in histories], dtype=float)
    return histories, nodes, positions


def tree_data(tree: GameTree, *, spe: int = 0) -> TreeData:
    """The numbers :func:`plot_tree` draws: node positions, edges, and the highlighted play.

    Parameters
    ----------
    tree
        A :class:`negotiation.GameTree`. With free parameters the tree is
        drawn without a highlighted equilibrium (use ``tree.subs(...)``).
    spe
        Which subgame-perfect equilibrium to highlight when there are several
        (ties), by position in ``tree.subgame_perfect()``.

    Returns
    -------
    TreeData

    Raises
    ------
    GameTreeError
        If ``spe`` is not the index of one of the tree's equilibria.

    Examples
    --------
    The "up front" trust game with a sanction ``h = 2`` on reneging: China delivers and the
    US honours (stylised payoffs).

    >>> import negotiation as ng
    >>> trust = ng.GameTree(ng.Decision("China", {
    ...     "Deliver": ng.Decision("US", {"Honour": ng.Terminal((3, 3)),
    ...                                   "Renege": ng.Terminal((2, -2))}),
    ...     "Slow-walk": ng.Decision("US", {"Honour": ng.Terminal((-2, 4)),
    ...                                     "Renege": ng.Terminal((-1, -1))})}),
    ...     players=("US", "China"), name="Up front")
    >>> data = tree_data(trust)
    >>> data.title, data.path
    ('Up front', ('Deliver', 'Honour'))
    >>> [data.edges[k][2] for k in range(len(data.edges)) if data.chosen[k]]
    ['Deliver', 'Honour', 'Renege']
    """
    if not isinstance(tree, GameTree):
        raise InvalidGameError(
            f"tree_data draws a negotiation.GameTree, not a {type(tree).__name__}"
        )
    histories, nodes, positions = _layout(tree)
    index = {h: k for k, h in enumerate(histories)}
    kinds, labels = [], []
    for node in nodes:
        kinds.append(node.kind)
        if isinstance(node, Terminal):
            labels.append("(" + ", ".join(fmt(v) for v in node.payoffs) + ")")
        elif isinstance(node, Chance):
            labels.append("Chance")
        else:
            labels.append(str(node.player))
    edges = []
    for k, (history, node) in enumerate(zip(histories, nodes, strict=True)):
        if isinstance(node, Decision):
            for action in node.actions:
                edges.append((k, index[(*history, action)], action))
        elif isinstance(node, Chance):
            for outcome, probability, _ in node.outcomes:
                edges.append((k, index[(*history, outcome)], f"{outcome} ({fmt(probability)})"))

    equilibria: list[SubgamePerfect] = [] if tree.parameters else tree.subgame_perfect()
    if equilibria and not (isinstance(spe, int) and 0 <= spe < len(equilibria)):
        raise GameTreeError(
            f"spe={spe!r} but the tree has {len(equilibria)} subgame-perfect equilibria; "
            f"choose an index from 0 to {len(equilibria) - 1}"
        )
    chosen_eq = equilibria[spe] if equilibria else None
    on_path = np.zeros(len(edges), dtype=bool)
    chosen = np.zeros(len(edges), dtype=bool)
    if chosen_eq is not None:
        played: set[History] = set()
        for _, outcome_history in chosen_eq.outcomes:
            played.update(outcome_history[:n] for n in range(1, len(outcome_history) + 1))
        for e, (_, child, _) in enumerate(edges):
            child_history = histories[child]
            on_path[e] = child_history in played
            parent_history = child_history[:-1]
            chosen[e] = chosen_eq.choices.get(parent_history) == child_history[-1]
    infosets = tuple(
        tuple(index[h] for h in s.histories) for s in tree.information_sets if len(s.histories) > 1
    )
    title = tree.name or "Game tree"
    return TreeData(
        title=title,
        players=tree.players,
        histories=tuple(histories),
        kinds=tuple(kinds),
        labels=tuple(labels),
        positions=positions,
        edges=tuple(edges),
        on_path=on_path,
        chosen=chosen,
        infosets=infosets,
        spe=chosen_eq,
        spe_count=len(equilibria),
        path=chosen_eq.path if chosen_eq is not None else (),
    )


def _player_colour(players: tuple[str, ...], player: str) -> str:
    k = players.index(player)
    return PLAYER_COLOURS[k] if len(players) <= 2 else category_colour(k)


def plot_tree(tree: GameTree, *, spe: int = 0, ax: Axes | None = None) -> Axes:
    """Draw a game tree with its subgame-perfect play highlighted.

    Decision nodes are coloured by the player who moves (named next to the
    node), chance nodes are white squares, and each leaf shows the payoffs in
    the order of ``tree.players``. The title gives the subgame-perfect path.

    Parameters
    ----------
    tree
        A :class:`negotiation.GameTree`.
    spe
        Which subgame-perfect equilibrium to highlight when there are several.
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    tree_data : the numbers drawn.

    Examples
    --------
    >>> import negotiation as ng
    >>> entry = ng.GameTree(ng.Decision("Entrant", {
    ...     "Out": ng.Terminal((0, 2)),
    ...     "In": ng.Decision("Incumbent", {"Fight": ng.Terminal((-1, -1)),
    ...                                     "Accommodate": ng.Terminal((1, 1))})}),
    ...     players=("Entrant", "Incumbent"))
    >>> plot_tree(entry).get_title()
    'Game tree\\nsubgame-perfect path: In → Accommodate'
    """
    from matplotlib.lines import Line2D

    data = tree_data(tree, spe=spe)
    leaves = sum(1 for k in data.kinds if k == "terminal")
    depth = int(-data.positions[:, 1].min()) if len(data.positions) else 0
    ax = new_axes(ax, figsize=(min(max(5.0, 1.0 * leaves + 2), 14.0), max(3.5, 1.4 * depth + 2)))
    black = OKABE_ITO["black"]
    for e, (parent, child, label) in enumerate(data.edges):
        (x0, y0), (x1, y1) = data.positions[parent], data.positions[child]
        if data.on_path[e]:
            style = {"color": black, "lw": 3.5, "ls": "-"}
        elif data.chosen[e]:
            style = {"color": black, "lw": 2.5, "ls": "--"}
        else:
            style = {"color": "0.6", "lw": 1.2, "ls": "-"}
        ax.plot([x0, x1], [y0, y1], zorder=1, **style)  # type: ignore[arg-type]
        ax.text(
            (x0 + x1) / 2,
            (y0 + y1) / 2,
            label,
            ha="right" if x1 < x0 else ("left" if x1 > x0 else "center"),
            va="bottom",
            fontsize="small",
            fontweight="bold" if data.on_path[e] else "normal",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    for members in data.infosets:
        points = data.positions[list(members)]
        order = np.argsort(points[:, 0])
        ax.plot(points[order, 0], points[order, 1], color=black, ls=":", lw=1.5, zorder=0)
    for (x, y), kind, label in zip(data.positions, data.kinds, data.labels, strict=True):
        if kind == "decision":
            colour = _player_colour(data.players, label)
            ax.scatter([x], [y], s=140, color=colour, edgecolors=black, zorder=3)
            ax.annotate(
                label,
                (x, y),
                xytext=(0, 10),
                textcoords="offset points",
                ha="center",
                va="bottom",
                color=colour,
                fontweight="bold",
            )
        elif kind == "chance":
            ax.scatter([x], [y], s=140, marker="s", color="white", edgecolors=black, zorder=3)
            ax.annotate(
                "Chance",
                (x, y),
                xytext=(0, 10),
                textcoords="offset points",
                ha="center",
                va="bottom",
            )
        else:
            ax.scatter([x], [y], s=30, color=black, zorder=3)
            ax.annotate(
                label,
                (x, y),
                xytext=(0, -8),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize="small",
            )
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            markersize=10,
            color=_player_colour(data.players, p),
            markeredgecolor=black,
            label=p,
        )
        for p in data.players
        if p in data.labels
    ]
    if "chance" in data.kinds:
        handles.append(
            Line2D(
                [],
                [],
                marker="s",
                ls="none",
                markersize=10,
                color="white",
                markeredgecolor=black,
                label="chance",
            )
        )
    if data.spe is not None:
        handles.append(Line2D([], [], color=black, lw=3.5, label="subgame-perfect path"))
        if (data.chosen & ~data.on_path).any():
            handles.append(
                Line2D(
                    [],
                    [],
                    color=black,
                    lw=2.5,
                    ls="--",
                    label="subgame-perfect choice off the path",
                )
            )
    if data.infosets:
        handles.append(Line2D([], [], color=black, ls=":", label="information set"))
    ax.legend(
        handles=handles,
        loc="center left",
        bbox_to_anchor=(1.0, 0.5),
        frameon=False,
        fontsize="small",
    )
    payoff_order = "payoffs: (" + ", ".join(data.players) + ")"
    if data.spe is not None:
        title = f"{data.title}\nsubgame-perfect path: " + (
            " → ".join(data.path) if data.path else "chance moves first"
        )
        if data.spe_count > 1:
            title += f" (equilibrium {spe + 1} of {data.spe_count})"
    elif tree.parameters:
        title = f"{data.title}\n(symbolic: give values with tree.subs(...) to see the SPE)"
    else:
        title = f"{data.title}\n(no pure subgame-perfect equilibrium)"
    ax.set_title(wrap_title(title))
    ax.set_xlabel(payoff_order)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    x = data.positions[:, 0]
    ax.set_xlim(x.min() - 0.7, x.max() + 0.7)
    ax.set_ylim(-depth - 0.6, 0.5)
    return ax
