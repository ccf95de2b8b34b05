"""Finite games in extensive form: trees of decisions, chance moves and payoffs.

A tree is written as nested values, the way it is drawn on a board:

* :class:`Decision` ``(player, {action: subtree, ...}, infoset=None)``: a player moves.
  Decision nodes that share an ``infoset`` name form one information set (the
  player cannot tell them apart), so a simultaneous-move stage can sit inside
  a tree.
* :class:`Chance` ``({outcome: (probability, subtree), ...})``: nature moves.
  Probabilities may be numbers or sympy expressions and must sum to 1.
* :class:`Terminal` ``(payoffs)``: the game ends; one payoff per player,
  numbers or sympy expressions.

:class:`GameTree` ``(root, players=(...))`` checks the whole tree once and is
then trusted by the solvers. Its methods delegate to
:mod:`negotiation.solvers.backward_induction`: :meth:`GameTree.subgame_perfect`
(every pure subgame-perfect equilibrium, ties included),
:meth:`GameTree.spe_conditions` (where a path is the subgame-perfect outcome,
as sympy conditions on the parameters) and :meth:`GameTree.to_game` (the
normal form, to see Nash equilibria that rest on non-credible threats).

References
----------
M. J. Osborne (2004), *An Introduction to Game Theory*, chapters 5-7 and 10.
T. C. Schelling (1960), *The Strategy of Conflict*, on commitment and hostages.
W. Raub (2009), "Commitments by Hostage Posting", *RMM* 0: 207-225.

Examples
--------
The "up front" trust game: China delivers rare earths (D) or slow-walks them
(S); then the US honours the deal or reneges. ``h`` is the loss China can
impose on a reneging US at the next licence renewal (stylised payoffs of
the "Implementing Geneva" game).

>>> import sympy as sp
>>> import negotiation as ng
>>> h = sp.Symbol("h")
>>> trust = ng.GameTree(
...     ng.Decision("China", {
...         "Deliver": ng.Decision("US", {"Honour": ng.Terminal((3, 3)),
...                                       "Renege": ng.Terminal((4 - h, -2))}),
...         "Slow-walk": ng.Decision("US", {"Honour": ng.Terminal((-2, 4)),
...                                         "Renege": ng.Terminal((-1, -1))}),
...     }),
...     players=("US", "China"),
... )
>>> trust.spe_conditions(["Deliver", "Honour"])
h >= 1
>>> [spe.path for spe in trust.subs(h=0).subgame_perfect()]
[('Slow-walk', 'Renege')]
>>> [spe.path for spe in trust.subs(h=2).subgame_perfect()]
[('Deliver', 'Honour')]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Union

import numpy as np
import sympy as sp

from negotiation import display
from negotiation.display.formatting import history_text
from negotiation.display.tables import ResultList, Tabular
from negotiation.errors import (
    GameTreeError,
    InvalidGameError,
    UnknownLabelError,
)
from negotiation.solvers import backward_induction as _bi
from negotiation.symbolic import (
    as_number,
    bounded_simplify,
    free_parameters,
    normalise_substitution,
    require_numeric,
)

if TYPE_CHECKING:
    from negotiation.games.normal_form import Equilibrium, Game

__all__ = [
    "BehaviourEquilibrium",
    "Chance",
    "Decision",
    "GameTree",
    "InformationSet",
    "Node",
    "SubgamePerfect",
    "Terminal",
]

#: How many pure strategies :meth:`GameTree.to_game` builds at most per player.
MAX_STRATEGIES = 4096

#: The most profiles (products of the players' numbers of strategies) ``to_game`` builds.
MAX_PROFILES = 1_000_000
DEFAULT_TOL = 1e-9

Node = Union["Decision", "Chance", "Terminal"]
History = tuple[str, ...]


# ---------------------------------------------------------------------- nodes
def _tree_number(value: Any, what: str) -> sp.Expr:
    try:
        return as_number(value, what)
    except InvalidGameError as err:
        raise GameTreeError(str(err)) from None


def _check_label(label: Any, what: str) -> str:
    if not isinstance(label, str) or not label:
        raise GameTreeError(f"{what} {label!r} must be a non-empty string, e.g. 'Deliver'")
    return label


def _check_subtree(node: Any, where: str) -> Node:
    if isinstance(node, Decision | Chance | Terminal):
        return node
    if node is None:
        raise GameTreeError(
            f"{where} leads to None: a leaf needs its payoffs, e.g. Terminal((3, 3))"
        )
    if isinstance(node, tuple | list) and all(not isinstance(x, Decision | Chance) for x in node):
        raise GameTreeError(
            f"{where} leads to the bare value {node!r}; wrap payoffs in Terminal({node!r})"
        )
    raise GameTreeError(
        f"{where} leads to a {type(node).__name__} ({node!r}); a subtree must be a "
        "Decision, Chance or Terminal"
    )


def _pairs(items: Any, what: str) -> list[tuple[Any, Any]]:
    """Read ``{label: value}`` or ``[(label, value), ...]`` keeping duplicates visible."""
    if isinstance(items, Mapping):
        return list(items.items())
    if isinstance(items, str) or not isinstance(items, Sequence):
        raise GameTreeError(
            f"{what} must be a dict {{label: subtree}} or a list of (label, subtree) pairs; "
            f"got {type(items).__name__}"
        )
    out = []
    for item in items:
        if not (isinstance(item, tuple | list) and len(item) == 2):
            raise GameTreeError(f"{what} must hold (label, subtree) pairs; got {item!r}")
        out.append((item[0], item[1]))
    return out


def _no_duplicates(labels: list[str], what: str) -> None:
    seen: set[str] = set()
    for label in labels:
        if label in seen:
            raise GameTreeError(
                f"duplicate {what} label {label!r}; give every branch of a node its own label"
            )
        seen.add(label)


@dataclass(frozen=True, init=False, repr=False)
class Terminal:
    """A leaf: the game ends with one payoff per player.

    Parameters
    ----------
    payoffs
        One number or sympy expression per player, in the tree's player order.

    Raises
    ------
    GameTreeError
        If the payoffs are missing, empty or not numbers/expressions.

    Examples
    --------
    >>> import sympy as sp
    >>> Terminal((3, sp.Rational(1, 2))).payoffs
    (3, 1/2)
    """

    payoffs: tuple[sp.Expr, ...]
    kind: ClassVar[str] = "terminal"

    def __init__(self, payoffs: Sequence[Any] | None = None) -> None:
        if payoffs is None:
            raise GameTreeError(
                "a Terminal needs its payoffs, one per player, e.g. Terminal((3, 3))"
            )
        if isinstance(payoffs, str) or not isinstance(payoffs, Sequence | sp.MatrixBase):
            raise GameTreeError(
                f"Terminal payoffs must be a sequence with one payoff per player, e.g. "
                f"Terminal((3, 3)); got {payoffs!r}"
            )
        values = tuple(_tree_number(v, f"terminal payoff {k}") for k, v in enumerate(payoffs))
        if not values:
            raise GameTreeError(
                "a Terminal has no payoffs; give one per player, e.g. Terminal((3, 3))"
            )
        object.__setattr__(self, "payoffs", values)

    def __repr__(self) -> str:
        return display.short(self)


@dataclass(frozen=True, init=False, repr=False)
class Decision:
    """A decision node: ``player`` chooses one of the labelled actions.

    Parameters
    ----------
    player
        The mover: a player's name or an index into the tree's ``players``.
    moves
        ``{action label: subtree}`` (or a list of ``(label, subtree)`` pairs).
    infoset
        A name shared by the decision nodes the player cannot tell apart; they
        must have the same player and the same action labels. ``None`` (the
        default) makes the node its own information set.

    Raises
    ------
    GameTreeError
        For no actions, duplicate or empty labels, and subtrees that are not nodes.

    Examples
    --------
    >>> node = Decision("US", {"Honour": Terminal((3, 3)), "Renege": Terminal((4, -2))})
    >>> node.actions
    ('Honour', 'Renege')
    >>> node["Renege"].payoffs
    (4, -2)
    """

    player: str | int
    moves: tuple[tuple[str, Node], ...]
    infoset: str | None = None
    kind: ClassVar[str] = "decision"

    def __init__(
        self,
        player: str | int,
        moves: Mapping[str, Node] | Sequence[tuple[str, Node]],
        infoset: str | None = None,
    ) -> None:
        if isinstance(player, bool) or not (
            (isinstance(player, str) and player) or (isinstance(player, int) and player >= 0)
        ):
            raise GameTreeError(
                f"a Decision's player must be a player's name or index; got {player!r}"
            )
        pairs = _pairs(moves, f"the moves of {player!r}")
        if not pairs:
            raise GameTreeError(
                f"the decision node of {player!r} has no actions; give at least one, "
                "e.g. {'Deliver': Terminal((3, 3))}"
            )
        labels = [_check_label(a, f"action label of {player!r}") for a, _ in pairs]
        _no_duplicates(labels, "action")
        children = [
            _check_subtree(sub, f"action {a!r} of {player!r}")
            for a, (_, sub) in zip(labels, pairs, strict=True)
        ]
        if infoset is not None and (not isinstance(infoset, str) or not infoset):
            raise GameTreeError(f"infoset must be a non-empty string or None; got {infoset!r}")
        object.__setattr__(self, "player", player)
        object.__setattr__(self, "moves", tuple(zip(labels, children, strict=True)))
        object.__setattr__(self, "infoset", infoset)

    @property
    def actions(self) -> tuple[str, ...]:
        """The action labels, in order."""
        return tuple(a for a, _ in self.moves)

    @property
    def children(self) -> tuple[Node, ...]:
        """The subtrees, in the order of :attr:`actions`."""
        return tuple(c for _, c in self.moves)

    def __getitem__(self, action: str) -> Node:
        for a, child in self.moves:
            if a == action:
                return child
        raise UnknownLabelError(
            f"{self.player!r} has no action {action!r} here; the actions are "
            + ", ".join(repr(a) for a in self.actions)
        )

    def __repr__(self) -> str:
        return display.short(self)


@dataclass(frozen=True, init=False, repr=False)
class Chance:
    """A chance node: nature picks an outcome with the given probabilities.

    Parameters
    ----------
    outcomes
        ``{outcome label: (probability, subtree)}`` (or a list of
        ``(label, (probability, subtree))`` pairs). Probabilities are numbers or
        sympy expressions (e.g. ``p`` and ``1 - p``) and must sum to 1.

    Raises
    ------
    GameTreeError
        For probabilities that are negative, above 1 or do not sum to 1,
        duplicate labels, and subtrees that are not nodes.

    Examples
    --------
    >>> import sympy as sp
    >>> p = sp.Symbol("p")
    >>> renewal = Chance({"renewed": (p, Terminal((1, 1))), "lapsed": (1 - p, Terminal((0, 0)))})
    >>> renewal.probabilities
    (p, 1 - p)
    """

    outcomes: tuple[tuple[str, sp.Expr, Node], ...]
    kind: ClassVar[str] = "chance"

    def __init__(
        self, outcomes: Mapping[str, tuple[Any, Node]] | Sequence[tuple[str, tuple[Any, Node]]]
    ) -> None:
        pairs = _pairs(outcomes, "a Chance node's outcomes")
        if not pairs:
            raise GameTreeError(
                "a Chance node has no outcomes; give e.g. {'renewed': (p, subtree), "
                "'lapsed': (1 - p, subtree)}"
            )
        labels = [_check_label(o, "chance outcome label") for o, _ in pairs]
        _no_duplicates(labels, "chance outcome")
        rows = []
        for label, (_, value) in zip(labels, pairs, strict=True):
            if not (isinstance(value, tuple | list) and len(value) == 2):
                raise GameTreeError(
                    f"chance outcome {label!r} must map to (probability, subtree); got {value!r}"
                )
            prob = _tree_number(value[0], f"the probability of {label!r}")
            if (prob.is_number and (prob < 0 or prob > 1)) or prob.is_negative:
                raise GameTreeError(
                    f"the probability of {label!r} is {prob}; probabilities lie in [0, 1]"
                )
            rows.append((label, prob, _check_subtree(value[1], f"chance outcome {label!r}")))
        total = sp.Add(*(p for _, p, _ in rows))
        gap = bounded_simplify(total - 1)
        if gap.is_number:
            ok = gap == 0 if all(p.is_Rational for _, p, _ in rows) else abs(float(gap)) <= 1e-9
        else:
            ok = False
        if not ok:
            raise GameTreeError(
                f"the chance probabilities sum to {total}, not 1; make them sum to 1 "
                f"(e.g. write the last one as 1 minus the others)"
            )
        object.__setattr__(self, "outcomes", tuple(rows))

    @property
    def labels(self) -> tuple[str, ...]:
        """The outcome labels, in order."""
        return tuple(o for o, _, _ in self.outcomes)

    @property
    def probabilities(self) -> tuple[sp.Expr, ...]:
        """The probabilities, in the order of :attr:`labels`."""
        return tuple(p for _, p, _ in self.outcomes)

    @property
    def children(self) -> tuple[Node, ...]:
        """The subtrees, in the order of :attr:`labels`."""
        return tuple(c for _, _, c in self.outcomes)

    def __getitem__(self, outcome: str) -> Node:
        for o, _, child in self.outcomes:
            if o == outcome:
                return child
        raise UnknownLabelError(
            f"this chance node has no outcome {outcome!r}; the outcomes are "
            + ", ".join(repr(o) for o in self.labels)
        )

    def __repr__(self) -> str:
        return display.short(self)


def _branches(node: Node) -> tuple[tuple[str, Node], ...]:
    if isinstance(node, Decision):
        return node.moves
    if isinstance(node, Chance):
        return tuple((o, c) for o, _, c in node.outcomes)
    return ()


def _map_tree(node: Node, leaf: Any, prob: Any, player: Any) -> Node:
    """Rebuild a tree, transforming payoffs, probabilities and players."""
    if isinstance(node, Terminal):
        return Terminal(tuple(leaf(v) for v in node.payoffs))
    if isinstance(node, Chance):
        return Chance(
            [(o, (prob(p), _map_tree(c, leaf, prob, player))) for o, p, c in node.outcomes]
        )
    return Decision(
        player(node.player),
        [(a, _map_tree(c, leaf, prob, player)) for a, c in node.moves],
        infoset=node.infoset,
    )


# ---------------------------------------------------------------------- information sets
@dataclass(frozen=True)
class InformationSet:
    """Decision nodes of one player that the player cannot tell apart.

    Attributes
    ----------
    name
        The ``infoset`` name given in the tree, or ``"<player>@<history>"`` for
        a node that is its own information set (``"root"`` for the empty history).
    player
        The player who moves.
    actions
        The action labels (the same at every node of the set).
    histories
        The paths from the root to the set's nodes.
    """

    name: str
    player: str
    actions: tuple[str, ...]
    histories: tuple[History, ...]


_history_text = history_text


# ---------------------------------------------------------------------- results
@dataclass(frozen=True)
class SubgamePerfect(Tabular):
    """One pure subgame-perfect equilibrium of a game tree.

    Attributes
    ----------
    choices
        The action chosen at every decision node, keyed by the node's history
        (the tuple of labels from the root; ``()`` is the root), except where
        play mixes (see :attr:`behaviour`).
    path
        The labels played from the root. At a chance node, or where play
        mixes, the play splits, so the path stops there; :attr:`outcomes` then
        lists every branch.
    outcomes
        Every terminal history reached, with its probability: ``((1, path),)``
        without chance moves.
    payoffs
        The (expected) payoff of each player.
    profile
        Each player's plan as a strategy label of :meth:`GameTree.to_game`
        (actions at the player's information sets joined by ``"/"``).
    players
        The players' names.
    method
        How it was found (``"backward_induction"`` on perfect-information trees,
        ``"subgame_decomposition"`` when some stage has imperfect information).
    behaviour
        The action probabilities at every decision node: 1 on the chosen action,
        or a mixture in a subgame that has no pure equilibrium (then
        :attr:`profile` writes the mixture, e.g. ``"1/2 H + 1/2 T"``).

    Examples
    --------
    >>> import negotiation as ng
    >>> entry = ng.GameTree(ng.Decision("Entrant", {
    ...     "Out": ng.Terminal((0, 2)),
    ...     "In": ng.Decision("Incumbent", {"Fight": ng.Terminal((-1, -1)),
    ...                                     "Accommodate": ng.Terminal((1, 1))})}),
    ...     players=("Entrant", "Incumbent"))
    >>> spe, = entry.subgame_perfect()
    >>> spe.path, spe.payoffs, spe.profile
    (('In', 'Accommodate'), (1, 1), ('In', 'Accommodate'))
    >>> spe.choices[("In",)]
    'Accommodate'
    """

    choices: Mapping[History, str]
    path: History
    outcomes: tuple[tuple[sp.Expr, History], ...]
    payoffs: tuple[sp.Expr, ...]
    profile: tuple[str, ...]
    players: tuple[str, ...]
    method: str = "backward_induction"
    behaviour: Mapping[History, Mapping[str, sp.Expr]] = field(default_factory=dict)

    @property
    def is_pure(self) -> bool:
        """Whether every decision node has one action (no subgame needed mixing)."""
        return all(sum(1 for q in dist.values() if q != 0) == 1 for dist in self.behaviour.values())

    def action_at(self, history: Sequence[str]) -> str:
        """The action chosen at the decision node reached by ``history``."""
        key = tuple(history)
        if key in self.behaviour and key not in self.choices:
            raise GameTreeError(
                f"play mixes at {_history_text(key)!r}; read .behaviour[{key!r}] for the "
                "probabilities"
            )
        if key not in self.choices:
            raise UnknownLabelError(
                f"no decision node at {_history_text(key)!r}; the decision nodes are at "
                + ", ".join(repr(_history_text(h)) for h in self.choices)
            )
        return self.choices[key]

    def __str__(self) -> str:
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


@dataclass(frozen=True, eq=False)
class BehaviourEquilibrium(Tabular):
    """A Nash equilibrium of a two-player game tree in behaviour strategies.

    Found through the (reduced) strategic form: its Nash equilibria are mixed
    strategies over plans, which Kuhn's theorem turns into behaviour strategies
    (at each information set, the probability of each action given that the
    player's own earlier moves lead there).

    Attributes
    ----------
    behaviour
        ``{information set name: {action: probability}}`` for every information set.
    payoffs
        Each player's expected payoff.
    players
        The players' names.
    owners
        ``{information set name: player}``.
    unreached
        The information sets that the player's own strategy never reaches; the
        behaviour there is undetermined by the mixed strategy and is filled
        uniformly (as Gambit does); it changes no payoff.
    method
        ``"strategic form"``: how the tree was solved (rather than the sequence form).
    solver
        The method used on the reduced strategic form, e.g. ``"vertex_enumeration"``.
    equilibrium
        The Nash equilibrium of :meth:`GameTree.to_game` ``(reduced=True)`` it comes from.

    Examples
    --------
    >>> import negotiation as ng
    >>> pennies = ng.GameTree(ng.Decision("US", {
    ...     m: ng.Decision("China", {a: ng.Terminal((1, -1) if a == m else (-1, 1))
    ...                              for a in ("Hold", "Ease")}, infoset="China guesses")
    ...     for m in ("Hold", "Ease")}), players=("US", "China"))
    >>> (eq,) = pennies.equilibria()
    >>> eq.method, eq.behaviour["China guesses"], eq.payoffs
    ('strategic form', {'Hold': 1/2, 'Ease': 1/2}, (0, 0))
    """

    behaviour: Mapping[str, Mapping[str, Any]]
    payoffs: tuple[Any, ...]
    players: tuple[str, ...]
    owners: Mapping[str, str]
    unreached: tuple[str, ...]
    method: str
    solver: str
    equilibrium: Equilibrium = field(repr=False)

    @property
    def is_pure(self) -> bool:
        """Whether one action has probability 1 at every reached information set."""
        return all(
            sum(1 for q in dist.values() if q != 0) == 1
            for name, dist in self.behaviour.items()
            if name not in self.unreached
        )

    def action_at(self, infoset: str) -> str:
        """The action played for sure at ``infoset`` (where it does not mix)."""
        if infoset not in self.behaviour:
            raise UnknownLabelError(
                f"no information set {infoset!r}; the information sets are "
                + ", ".join(repr(k) for k in self.behaviour)
            )
        support = [a for a, q in self.behaviour[infoset].items() if q != 0]
        if len(support) != 1:
            raise GameTreeError(
                f"play mixes at {infoset!r}; read .behaviour[{infoset!r}] for the probabilities"
            )
        return support[0]

    def __str__(self) -> str:
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


# ---------------------------------------------------------------------- the tree
@dataclass(frozen=True)
class GameTree:
    """A finite game in extensive form.

    Parameters
    ----------
    root
        The first node: a :class:`Decision`, :class:`Chance` or :class:`Terminal`.
    players
        The players' names, in payoff order: every :class:`Terminal` lists one
        payoff per player in this order. ``None`` takes the movers in the order
        they first appear (depth first).
    name
        An optional title.

    Raises
    ------
    GameTreeError
        For a terminal with the wrong number of payoffs, a mover that is not a
        player, information sets whose nodes differ in player or actions, or a
        path that crosses one information set twice.

    Examples
    --------
    >>> import negotiation as ng
    >>> ultimatum = ng.GameTree(ng.Decision("Proposer", {
    ...     f"offer {k}": ng.Decision("Responder", {"Accept": ng.Terminal((2 - k, k)),
    ...                                             "Reject": ng.Terminal((0, 0))})
    ...     for k in range(3)}), players=("Proposer", "Responder"))
    >>> sorted(spe.path for spe in ultimatum.subgame_perfect())
    [('offer 0', 'Accept'), ('offer 1', 'Accept')]
    """

    root: Node
    players: tuple[str, ...] = field(default=None, kw_only=True)  # type: ignore[arg-type]
    name: str | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        if not isinstance(self.root, Decision | Chance | Terminal):
            raise GameTreeError(
                f"the root must be a Decision, Chance or Terminal node; got "
                f"{type(self.root).__name__}"
            )
        players = self._check_players(self.players)
        if self.name is not None and not isinstance(self.name, str):
            raise GameTreeError(f"name must be a string or None, not {self.name!r}")

        def player(p: str | int) -> str:
            if isinstance(p, int):
                if p >= len(players):
                    raise GameTreeError(
                        f"a Decision names player index {p} but there are only "
                        f"{len(players)} players {players}; use an index below {len(players)}"
                    )
                return players[p]
            if p not in players:
                raise GameTreeError(
                    f"a Decision names player {p!r}, who is not among the players "
                    f"{players}; add them to players=(...) or fix the name"
                )
            return p

        root = _map_tree(self.root, lambda v: v, lambda p: p, player)
        object.__setattr__(self, "root", root)
        object.__setattr__(self, "players", players)
        self._check_terminals()
        self._check_infosets()

    def _check_players(self, players: Any) -> tuple[str, ...]:
        if players is None:
            found: list[str] = []
            for _, node in _walk(self.root):
                if isinstance(node, Decision):
                    if isinstance(node.player, int):
                        raise GameTreeError(
                            f"a Decision names player index {node.player}; give "
                            "players=(...) so indices can be resolved"
                        )
                    if node.player not in found:
                        found.append(node.player)
            if not found:
                raise GameTreeError(
                    "the tree has no decision nodes, so give the players' names: "
                    "GameTree(root, players=('US', 'China'))"
                )
            return tuple(found)
        if isinstance(players, str) or not isinstance(players, Sequence) or not players:
            raise GameTreeError(
                f"players must be a tuple of names, e.g. ('US', 'China'); got {players!r}"
            )
        if not all(isinstance(p, str) and p for p in players):
            raise GameTreeError(f"player names must be non-empty strings; got {players!r}")
        if len(set(players)) != len(players):
            raise GameTreeError(f"player names must differ; got {tuple(players)}")
        return tuple(players)

    def _check_terminals(self) -> None:
        n = len(self.players)
        for history, node in self.nodes():
            if isinstance(node, Terminal) and len(node.payoffs) != n:
                raise GameTreeError(
                    f"the terminal at {_history_text(history)!r} has {len(node.payoffs)} "
                    f"payoffs but the tree has {n} players {self.players}; give one payoff "
                    "per player, in that order"
                )

    def _check_infosets(self) -> None:
        groups: dict[str, list[tuple[History, Decision]]] = {}
        for history, node in self.nodes():
            if isinstance(node, Decision) and node.infoset is not None:
                groups.setdefault(node.infoset, []).append((history, node))
        for name, members in groups.items():
            if "@" in name:
                raise GameTreeError(
                    f"infoset name {name!r} contains '@', which is reserved for the names of "
                    "single-node information sets; choose another name"
                )
            (h0, first), *rest = members
            for h, node in rest:
                if node.player != first.player:
                    raise GameTreeError(
                        f"information set {name!r} mixes players {first.player!r} (at "
                        f"{_history_text(h0)!r}) and {node.player!r} (at {_history_text(h)!r}); "
                        "one player moves at all nodes of an information set"
                    )
                if set(node.actions) != set(first.actions):
                    raise GameTreeError(
                        f"information set {name!r} has actions {first.actions} at "
                        f"{_history_text(h0)!r} but {node.actions} at {_history_text(h)!r}; "
                        "the player cannot tell the nodes apart, so give them the same actions"
                    )
            histories = [h for h, _ in members]
            for a, b in itertools.permutations(histories, 2):
                if b[: len(a)] == a:
                    raise GameTreeError(
                        f"information set {name!r} appears twice on one path ({_history_text(a)!r} "
                        f"and {_history_text(b)!r}); use different infoset names"
                    )

    # ------------------------------------------------------------------ Gambit files
    @classmethod
    def from_efg(cls, source: str | Path) -> GameTree:
        """Read a tree in Gambit's ``.efg`` format (a path or the text).

        Any number of players, chance nodes, information sets and outcomes
        are read; outcomes along a path add up at its terminal. See
        :mod:`negotiation.interop.efg` for what is adapted to fit a tree.

        Raises
        ------
        EfgSyntaxError
            For text that does not follow the format, with its line and column.

        Examples
        --------
        >>> import negotiation as ng
        >>> tree = ng.GameTree.from_efg(
        ...     'EFG 2 R "" { "A" "B" }\\np "" 1 1 "" { "x" "y" } 0\\n'
        ...     't "" 1 "" { 1, 0 }\\nt "" 2 "" { 0, 1 }')
        >>> tree.strategies
        (('x', 'y'), ('(no move)',))
        """
        from negotiation.interop.efg import read_efg

        return read_efg(source)

    def to_efg(self) -> str:
        """The tree in Gambit's ``.efg`` format (payoffs and probabilities must be numbers).

        Examples
        --------
        >>> import negotiation as ng
        >>> t = ng.GameTree(ng.Decision("A", {"x": ng.Terminal((1,)), "y": ng.Terminal((0,))}))
        >>> print(t.to_efg())
        EFG 2 R "" { "A" }
        ""
        <BLANKLINE>
        p "" 1 1 "" { "x" "y" } 0
        t "" 1 "" { 1 }
        t "" 2 "" { 0 }
        <BLANKLINE>
        """
        from negotiation.interop.efg import write_efg

        return write_efg(self)

    # ------------------------------------------------------------------ walking
    def nodes(self) -> Iterator[tuple[History, Node]]:
        """Every node with its history (labels from the root), depth first.

        Examples
        --------
        >>> import negotiation as ng
        >>> t = ng.GameTree(ng.Decision("A", {"x": ng.Terminal((1,)), "y": ng.Terminal((0,))}))
        >>> [(h, type(n).__name__) for h, n in t.nodes()]
        [((), 'Decision'), (('x',), 'Terminal'), (('y',), 'Terminal')]
        """
        return _walk(self.root)

    def node(self, history: Sequence[str]) -> Node:
        """The node reached from the root by the labels in ``history``.

        Raises
        ------
        UnknownLabelError
            If a label is not an action or outcome of the node it is applied to.
        """
        node: Node = self.root
        for k, label in enumerate(history):
            if isinstance(node, Terminal):
                raise UnknownLabelError(
                    f"the path {list(history)!r} continues past the terminal at "
                    f"{_history_text(tuple(history[:k]))!r}"
                )
            node = node[label]
        return node

    @property
    def information_sets(self) -> tuple[InformationSet, ...]:
        """Every information set, in the order of first appearance (depth first)."""
        order: list[str] = []
        members: dict[str, list[History]] = {}
        info: dict[str, Decision] = {}
        for history, node in self.nodes():
            if isinstance(node, Decision):
                key = node.infoset or f"{node.player}@{_history_text(history)}"
                if key not in members:
                    order.append(key)
                    members[key] = []
                    info[key] = node
                members[key].append(history)
        return tuple(
            InformationSet(k, str(info[k].player), info[k].actions, tuple(members[k]))
            for k in order
        )

    @property
    def is_perfect_information(self) -> bool:
        """Whether every information set is a single node."""
        return all(len(s.histories) == 1 for s in self.information_sets)

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free sympy symbols in payoffs and probabilities, ordered by name."""
        exprs: list[sp.Expr] = []
        for _, node in self.nodes():
            if isinstance(node, Terminal):
                exprs.extend(node.payoffs)
            elif isinstance(node, Chance):
                exprs.extend(node.probabilities)
        return free_parameters(*exprs)

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> GameTree:
        """A new tree with some or all parameters replaced by values.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> h = sp.Symbol("h")
        >>> t = ng.GameTree(ng.Decision("US", {"Renege": ng.Terminal((4 - h,))}))
        >>> t.subs(h=1).root["Renege"].payoffs
        (3,)
        """
        mapping = normalise_substitution(self.parameters, values, kwargs)

        def sub(v: sp.Expr) -> sp.Expr:
            return v.subs(mapping)

        return GameTree(
            _map_tree(self.root, sub, sub, lambda p: p), players=self.players, name=self.name
        )

    # ------------------------------------------------------------------ solving
    def subgame_perfect(self, *, tol: float = DEFAULT_TOL) -> ResultList[SubgamePerfect]:
        """Every pure subgame-perfect equilibrium, by backward induction, and mixed ones where needed.

        With ties every optimal choice is kept, so several equilibria come back.
        When a stage has imperfect information (decision nodes sharing an
        ``infoset``), the tree is cut into its subgames and each stage is solved
        for its pure Nash equilibria given the values of the subgames below it.
        A stage that has no pure equilibrium (a simultaneous-move subgame such
        as matching pennies) is solved in mixed strategies instead, exactly:
        its extreme equilibria when two players move in it, and for three or
        more every equilibrium (N-player support enumeration; probabilities
        may be radicals), reported in :attr:`SubgamePerfect.behaviour` with
        ``is_pure`` false. Mixed equilibria of stages that also have pure ones
        are not listed (use :meth:`to_game`).

        Parameters
        ----------
        tol
            Float payoffs within ``tol`` of each other count as ties (exact
            numbers are compared exactly).

        Returns
        -------
        list of SubgamePerfect
            In depth-first order of the choices.

        Raises
        ------
        FreeParameterError
            If payoffs or probabilities still depend on parameters; use
            :meth:`subs`, or :meth:`spe_conditions` for the symbolic answer.
        GameTreeError
            If a subgame with no pure equilibrium and three or more movers is
            beyond the N-player support enumeration (too many support profiles).

        References
        ----------
        Osborne (2004), sections 5.5 (backward induction), 7.1 (ties) and 10.4.

        Examples
        --------
        >>> import negotiation as ng
        >>> chicken = ng.GameTree(ng.Decision("US", {
        ...     a: ng.Decision("China", {
        ...         b: ng.Terminal(p) for b, p in zip(("Swerve", "Escalate"), row)})
        ...     for a, row in zip(("Swerve", "Escalate"),
        ...                       [[(0, 0), (-3, 2)], [(2, -3), (-10, -10)]])}),
        ...     players=("US", "China"))
        >>> [spe.path for spe in chicken.subgame_perfect()]
        [('Escalate', 'Swerve')]
        """
        _check_tol(tol)
        require_numeric(
            self,
            "subgame_perfect()",
            name="tree",
            subject="the tree still depends",
            alternative="use tree.spe_conditions(path) for the conditions on the parameters",
        )
        method = "backward_induction" if self.is_perfect_information else "subgame_decomposition"
        labels = self._plan_labels()
        space = self._plan_space()
        results = []
        for sol in _bi.subgame_perfect(self.root, self.players, tol=tol):
            behaviour: dict[History, Mapping[str, sp.Expr]] = {}
            for history, node in self.nodes():
                if isinstance(node, Decision):
                    if history in sol.choices:
                        chosen = sol.choices[history]
                        behaviour[history] = {a: sp.Integer(int(a == chosen)) for a in node.actions}
                    else:
                        behaviour[history] = dict(sol.mixed[history])
            if sol.mixed:
                profile = tuple(_mixed_plan(sets, behaviour) for sets in space)
            else:
                profile = tuple(labels[p](sol.choices) for p in range(len(self.players)))
            results.append(
                SubgamePerfect(
                    choices=dict(sol.choices),
                    path=_bi.play_path(self.root, sol.choices),
                    outcomes=sol.outcomes,
                    payoffs=sol.values,
                    profile=profile,
                    players=self.players,
                    method=method,
                    behaviour=behaviour,
                )
            )
        return ResultList(results)

    def spe_conditions(self, path: Sequence[str], *, tol: float = DEFAULT_TOL) -> sp.Basic:
        """Where ``path`` is played in a subgame-perfect equilibrium, as sympy conditions.

        Parameters
        ----------
        path
            Labels from the root: actions at decision nodes and outcomes at
            chance nodes (the path then follows that branch). It may stop
            before a terminal; the condition is then that play *starts* this way.
        tol
            Tolerance for float payoffs.

        Returns
        -------
        sympy Boolean
            Inequalities over the parameters; ``True`` or ``False`` for a numeric
            tree. Off the path, the condition asks that *some* subgame-perfect
            continuation makes the path's choices optimal, so ties count.

        Raises
        ------
        UnknownLabelError
            If a label is not available at the node it is applied to.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> T, R, h = sp.symbols("T_US R_US h")
        >>> trust = ng.GameTree(ng.Decision("China", {
        ...     "Deliver": ng.Decision("US", {"Honour": ng.Terminal((R, 3)),
        ...                                   "Renege": ng.Terminal((T - h, -2))}),
        ...     "Slow-walk": ng.Terminal((-1, -1))}), players=("US", "China"))
        >>> cond = trust.spe_conditions(["Deliver", "Honour"])
        >>> cond
        R_US >= T_US - h
        >>> sp.solve(cond, h)
        (h < oo) & (h >= -R_US + T_US)
        """
        _check_tol(tol)
        if isinstance(path, str) or not isinstance(path, Sequence):
            raise GameTreeError(
                f"path must be a list of labels from the root, e.g. ['Deliver', 'Honour']; "
                f"got {path!r}"
            )
        self.node(path)  # validates every label
        return _bi.spe_conditions(self.root, self.players, tuple(path), tol=tol)

    # ------------------------------------------------------------------ normal form
    def _plan_space(self) -> list[list[InformationSet]]:
        sets: list[list[InformationSet]] = [[] for _ in self.players]
        for s in self.information_sets:
            sets[self.players.index(s.player)].append(s)
        return sets

    def _plan_labels(self) -> list[Any]:
        """For each player, a function from a choices mapping to the strategy label."""
        space = self._plan_space()

        def make(sets: list[InformationSet]) -> Any:
            def label(choices: Mapping[History, str]) -> str:
                return _join_plan([choices[s.histories[0]] for s in sets], sets)

            return label

        return [make(sets) for sets in space]

    @property
    def strategies(self) -> tuple[tuple[str, ...], ...]:
        """Each player's pure strategies as labels (a plan at every own information set).

        A player with one information set has the action labels themselves
        (``"Deliver"``); with several, the actions are joined by ``"/"`` in the
        order the sets first appear (``"Honour/Renege"``: honour at the first,
        renege at the second). A player who never moves has one strategy,
        ``"(no move)"``.

        Examples
        --------
        >>> import negotiation as ng
        >>> t = ng.GameTree(ng.Decision("China", {
        ...     "Deliver": ng.Decision("US", {"Honour": ng.Terminal((3, 3)),
        ...                                   "Renege": ng.Terminal((4, -2))}),
        ...     "Slow-walk": ng.Decision("US", {"Honour": ng.Terminal((-2, 4)),
        ...                                     "Renege": ng.Terminal((-1, -1))})}),
        ...     players=("US", "China"))
        >>> t.strategies
        (('Honour/Honour', 'Honour/Renege', 'Renege/Honour', 'Renege/Renege'), ('Deliver', 'Slow-walk'))
        """
        return tuple(
            tuple(_join_plan(list(plan), sets) for plan in _plans(sets))
            for sets in self._plan_space()
        )

    def to_game(self, *, reduced: bool = False) -> Game:
        """The normal form of the tree (a strategy is a plan at every own infoset).

        Any number of players, in the order of ``players``. Chance moves are
        averaged out, so the payoffs are expected payoffs. The Nash equilibria
        of this game include the subgame-perfect ones and also those that rest
        on threats the player would not carry out (entry deterrence's "Fight").

        With ``reduced=True`` it is the *reduced* normal form: plans that
        differ only at information sets their own earlier moves rule out are
        one strategy, labelled with ``*`` at those sets (``"Out/*"``), as in
        Gambit. The trees must then have perfect recall.

        Raises
        ------
        GameTreeError
            If a player would have more than ``MAX_STRATEGIES`` pure strategies,
            or the normal form more than ``MAX_PROFILES`` profiles.

        Examples
        --------
        >>> import negotiation as ng
        >>> entry = ng.GameTree(ng.Decision("Entrant", {
        ...     "Out": ng.Terminal((0, 2)),
        ...     "In": ng.Decision("Incumbent", {"Fight": ng.Terminal((-1, -1)),
        ...                                     "Accommodate": ng.Terminal((1, 1))})}),
        ...     players=("Entrant", "Incumbent"))
        >>> sorted(eq.profile for eq in entry.to_game().equilibria(method="pure"))
        [('In', 'Accommodate'), ('Out', 'Fight')]
        """
        from negotiation.games.normal_form import Game

        if reduced:
            return _reduced_form(self)[0]
        space = self._plan_space()
        sizes = []
        for p, sets in enumerate(space):
            size = 1
            for s in sets:
                size *= len(s.actions)
            if size > MAX_STRATEGIES:
                raise GameTreeError(
                    f"{self.players[p]} has {size} pure strategies (a plan at each of "
                    f"{len(sets)} information sets), more than {MAX_STRATEGIES}; "
                    "solve the tree with subgame_perfect() instead"
                )
            sizes.append(size)
        if math.prod(sizes) > MAX_PROFILES:
            raise GameTreeError(
                f"the normal form would have {math.prod(sizes):,} profiles "
                f"({' x '.join(map(str, sizes))}), more than {MAX_PROFILES:,}; "
                "solve the tree with subgame_perfect() instead"
            )
        plans = [list(_plans(sets)) for sets in space]
        key = [[s.name for s in sets] for sets in space]
        n = len(self.players)
        tables: list[np.ndarray] = [np.empty(sizes, dtype=object) for _ in range(n)]
        for index in itertools.product(*(range(k) for k in sizes)):
            action: dict[Any, Any] = {}
            for p, k in enumerate(index):
                action.update(zip(key[p], plans[p][k], strict=True))
            values = _expected(self.root, (), action)
            for p in range(n):
                tables[p][index] = values[p]
        return Game(
            *(t.tolist() for t in tables),
            players=tuple(self.players),
            strategies=tuple(self.strategies),
            name=self.name,
        )

    # ------------------------------------------------------------------ Nash equilibria
    def equilibria(
        self, method: str | None = None, *, exact: bool = True, tol: float = DEFAULT_TOL
    ) -> ResultList[BehaviourEquilibrium]:
        """The Nash equilibria of a two-player tree, in behaviour strategies.

        Solved through the strategic form (not the sequence form): the reduced
        normal form (:meth:`to_game` with ``reduced=True``) is solved by a
        two-player method, and each mixed equilibrium becomes a behaviour
        strategy by Kuhn's theorem. Equilibria that differ only as mixtures of
        plans but agree as behaviour strategies are listed once. Each result
        says ``method="strategic form"`` and names the ``solver``. For the
        refinement that rules out incredible threats see :meth:`subgame_perfect`.

        Parameters
        ----------
        method
            A method of :meth:`negotiation.Game.equilibria` for the reduced
            normal form; default ``"vertex_enumeration"`` (every extreme
            equilibrium).
        exact
            Exact rational probabilities (default ``True``).
        tol
            Tolerance for float comparisons.

        Returns
        -------
        ResultList of BehaviourEquilibrium

        Raises
        ------
        GameTreeError
            For a tree with other than two players, imperfect recall (where
            behaviour and mixed strategies part ways), or too many plans.

        References
        ----------
        H. W. Kuhn (1953), "Extensive games and the problem of information",
        *Contributions to the Theory of Games* II: 193-216. B. von Stengel
        (1996), "Efficient computation of behavior strategies", *GEB* 14(2):
        220-246 (the sequence form, not used here).

        Examples
        --------
        >>> import negotiation as ng
        >>> entry = ng.GameTree(ng.Decision("Entrant", {
        ...     "Out": ng.Terminal((0, 2)),
        ...     "In": ng.Decision("Incumbent", {"Fight": ng.Terminal((-1, -1)),
        ...                                     "Accommodate": ng.Terminal((1, 1))})}),
        ...     players=("Entrant", "Incumbent"))
        >>> [(e.action_at("Entrant@root"), e.behaviour["Incumbent@In"]["Fight"])
        ...  for e in entry.equilibria()]
        [('Out', 1), ('Out', 1/2), ('In', 0)]
        """
        _check_tol(tol)
        if len(self.players) != 2:
            raise GameTreeError(
                f"behaviour-strategy Nash equilibria are for two-player trees; this one has "
                f"{len(self.players)} players ({', '.join(self.players)}): use subgame_perfect(), "
                "or to_game().equilibria(method='support_enumeration') for the normal form"
            )
        require_numeric(
            self,
            "equilibria()",
            name="tree",
            subject="the tree still depends",
            alternative="use tree.spe_conditions(path) for the conditions on the parameters",
        )
        game, plans = _reduced_form(self)
        solver = method or "vertex_enumeration"
        sets = self.information_sets
        owners = {s.name: s.player for s in sets}
        sequences = _own_sequences(self)
        out: list[BehaviourEquilibrium] = []
        seen: set[tuple[Any, ...]] = set()
        for eq in game.equilibria(solver, exact=exact, tol=tol):
            behaviour: dict[str, dict[str, Any]] = {}
            unreached: list[str] = []
            for s in sets:
                p = self.players.index(s.player)
                dist, reached = _kuhn(s, sequences[s.name], plans[p], eq.strategies[p], tol)
                behaviour[s.name] = dist
                if not reached:
                    unreached.append(s.name)
            key = tuple(
                (name, tuple(_rounded(q, tol) for q in dist.values()))
                for name, dist in behaviour.items()
            )
            if key in seen:
                continue
            seen.add(key)
            out.append(
                BehaviourEquilibrium(
                    behaviour=behaviour,
                    payoffs=tuple(eq.payoffs),
                    players=self.players,
                    owners=owners,
                    unreached=tuple(unreached),
                    method="strategic form",
                    solver=eq.method,
                    equilibrium=eq,
                )
            )
        return ResultList(out)

    # ------------------------------------------------------------------ display
    def __str__(self) -> str:
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


def _rounded(q: Any, tol: float) -> Any:
    if isinstance(q, float | np.floating):
        return round(float(q) / max(tol, 1e-15)) * max(tol, 1e-15)
    return q


def _own_sequences(tree: GameTree) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each information set, its player's own earlier ``(infoset, action)`` moves.

    Raises
    ------
    GameTreeError
        If the nodes of a set are reached by different own moves (imperfect recall).
    """
    found: dict[str, tuple[tuple[str, str], ...]] = {}

    def walk(node: Node, history: History, own: dict[str, tuple[tuple[str, str], ...]]) -> None:
        if isinstance(node, Terminal):
            return
        if isinstance(node, Chance):
            for label, child in _branches(node):
                walk(child, (*history, label), own)
            return
        key = node.infoset or f"{node.player}@{_history_text(history)}"
        mine = own.get(str(node.player), ())
        if key in found and found[key] != mine:
            raise GameTreeError(
                f"information set {key!r} is reached by different earlier moves of "
                f"{node.player} ({found[key]} and {mine}): the tree has imperfect recall, "
                "where behaviour strategies cannot stand for mixed ones; solve "
                "to_game().equilibria() instead"
            )
        found[key] = mine
        for label, child in node.moves:
            walk(child, (*history, label), {**own, str(node.player): (*mine, (key, label))})

    walk(tree.root, (), {})
    return found


def _reduced_form(tree: GameTree) -> tuple[Game, list[list[dict[str, str]]]]:
    """The reduced normal form and, per player, each strategy's plan at the sets it reaches."""
    from negotiation.games.normal_form import Game

    full = tree.to_game()
    sequences = _own_sequences(tree)
    space = tree._plan_space()
    keep: list[list[int]] = []
    plans: list[list[dict[str, str]]] = []
    labels: list[list[str]] = []
    for sets in space:
        chosen: dict[tuple[str, ...], int] = {}
        mine: list[dict[str, str]] = []
        names: list[str] = []
        for k, plan in enumerate(_plans(sets)):
            choice = dict(zip((s.name for s in sets), plan, strict=True))
            reached = {
                s.name: choice[s.name]
                for s in sets
                if all(choice[j] == a for j, a in sequences[s.name])
            }
            key = tuple(reached.get(s.name, "*") for s in sets)
            if key in chosen:
                continue
            chosen[key] = k
            mine.append(reached)
            names.append(_join_plan(list(key), sets))
        keep.append(list(chosen.values()))
        plans.append(mine)
        labels.append(names)
    index = np.ix_(*(np.array(k, dtype=int) for k in keep))
    tables = [np.array(u.tolist(), dtype=object)[index] for u in full.payoffs]
    game = Game(
        *(t.tolist() for t in tables),
        players=tuple(tree.players),
        strategies=tuple(tuple(n) for n in labels),
        name=tree.name,
    )
    return game, plans


def _kuhn(
    infoset: InformationSet,
    sequence: tuple[tuple[str, str], ...],
    plans: list[dict[str, str]],
    mix: Any,
    tol: float,
) -> tuple[dict[str, Any], bool]:
    """The behaviour at one information set from a mixed strategy over reduced plans."""
    exact = not isinstance(mix, np.ndarray)
    zero: Any = sp.Integer(0) if exact else 0.0
    weights = dict.fromkeys(infoset.actions, zero)
    for plan, q in zip(plans, mix, strict=True):
        if all(plan.get(j) == a for j, a in sequence):
            weights[plan[infoset.name]] = weights[plan[infoset.name]] + q
    reach = sum(weights.values(), zero)
    reached = (reach != 0) if exact else float(reach) > tol
    if not reached:
        n = len(infoset.actions)
        share: Any = sp.Rational(1, n) if exact else 1.0 / n
        return dict.fromkeys(infoset.actions, share), False
    if exact:
        return {a: w / reach for a, w in weights.items()}, True
    return {a: float(w) / float(reach) for a, w in weights.items()}, True


def _check_tol(tol: Any) -> None:
    if isinstance(tol, bool) or not isinstance(tol, float | int) or tol < 0:
        raise GameTreeError(f"tol must be a non-negative number, not {tol!r}")


def _walk(node: Node, history: History = ()) -> Iterator[tuple[History, Node]]:
    yield history, node
    for label, child in _branches(node):
        yield from _walk(child, (*history, label))


def _plans(sets: list[InformationSet]) -> Iterator[tuple[str, ...]]:
    return itertools.product(*(s.actions for s in sets))


def _mixed_plan(
    sets: list[InformationSet], behaviour: Mapping[History, Mapping[str, sp.Expr]]
) -> str:
    """A plan label in which a mixed information set reads ``"1/2 H + 1/2 T"``."""
    from negotiation.display import fmt

    actions = []
    for s in sets:
        dist = behaviour[s.histories[0]]
        support = [(a, q) for a, q in dist.items() if q != 0]
        if len(support) == 1:
            actions.append(support[0][0])
        else:
            actions.append(" + ".join(f"{fmt(q)} {a}" for a, q in support))
    if len(sets) > 1 and any("/" in a for a in actions):
        return ", ".join(f"{s.name}: {a}" for s, a in zip(sets, actions, strict=True))
    return _join_plan(actions, sets)


def _join_plan(actions: list[str], sets: list[InformationSet]) -> str:
    if not sets:
        return "(no move)"
    if len(sets) == 1:
        return actions[0]
    if any("/" in a for a in actions):
        return ", ".join(f"{s.name}: {a}" for s, a in zip(sets, actions, strict=True))
    return "/".join(actions)


def _expected(node: Node, history: History, action: Mapping[str, str]) -> tuple[sp.Expr, ...]:
    if isinstance(node, Terminal):
        return node.payoffs
    if isinstance(node, Chance):
        parts = [
            tuple(p * v for v in _expected(c, (*history, o), action)) for o, p, c in node.outcomes
        ]
        return tuple(sp.Add(*vs) for vs in zip(*parts, strict=True))
    key = node.infoset or f"{node.player}@{_history_text(history)}"
    chosen = action[key]
    return _expected(node[chosen], (*history, chosen), action)
