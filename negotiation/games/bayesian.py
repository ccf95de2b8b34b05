"""Bayesian games: players with private types, a common prior, Bayes–Nash equilibria.

Each player has a finite set of *types* (what only that player knows: its
resolve, its costs, whether it will keep renewing licences) and a finite set of
actions. A common prior gives the probability of every type profile, either
player by player (independent types) or as one joint distribution. Payoffs
depend on the type profile and the action profile, and may be numbers or
sympy expressions, as may the prior.

:meth:`BayesianGame.to_game` is the Harsanyi (ex-ante) strategic form: a
strategy is a plan saying what each of one's types does, and payoffs are
expected over the prior. Its Nash equilibria are the Bayes–Nash equilibria,
which :meth:`BayesianGame.equilibria` reports type by type, with each type's
interim expected payoff. :meth:`BayesianGame.equilibrium_conditions` gives the
conditions on the prior and the payoffs under which a pure plan profile is a
Bayes–Nash equilibrium, while parameters are still free.

References
----------
J. C. Harsanyi (1967-68), "Games with incomplete information played by
'Bayesian' players", *Management Science* 14: 159-182, 320-334, 486-502.
M. J. Osborne (2004), *An Introduction to Game Theory*, chapter 9.

Examples
--------
Entry against an incumbent who may be *tough* (fighting is its best reply)
with probability ``p``:

>>> import sympy as sp
>>> import negotiation as ng
>>> p = sp.Symbol("p")
>>> entry = ng.BayesianGame(
...     [{"normal": 1}, {"tough": p, "weak": 1 - p}],
...     [("In", "Out"), ("Fight", "Accommodate")],
...     {("normal", "tough"): ([[-1, 1], [0, 0]], [[1, 0], [2, 2]]),
...      ("normal", "weak"): ([[-1, 1], [0, 0]], [[-1, 1], [2, 2]])},
...     players=("Entrant", "Incumbent"))
>>> entry.equilibrium_conditions(["In", {"tough": "Fight", "weak": "Accommodate"}])
p <= 1/2
>>> pure = entry.subs(p=sp.Rational(1, 4)).equilibria(method="pure", exact=True)
>>> [eq.play[1] for eq in pure if eq.action("Entrant", "normal") == "In"]
[{'tough': 'Fight', 'weak': 'Accommodate'}]

(Where the entrant stays out, every plan of the incumbent is a best reply,
so the normal form has more equilibria; the tree's perfect Bayesian
equilibria rule the incredible ones out.)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation import display
from negotiation.display.formatting import fmt
from negotiation.display.tables import ResultList, Tabular
from negotiation.errors import InvalidGameError, UnknownLabelError
from negotiation.solvers import bayes_nash as _bn
from negotiation.symbolic import as_number, free_parameters, normalise_substitution

if TYPE_CHECKING:
    from negotiation.games.normal_form import Equilibrium, Game

__all__ = ["BayesNashEquilibrium", "BayesianGame", "check_prior"]

#: How many plans (type-to-action maps) :meth:`BayesianGame.to_game` builds at most per player.
MAX_PLANS = 4096
#: How many cells the Harsanyi form may have at most (profiles of plans).
MAX_PROFILES = 1_000_000
DEFAULT_TOL = 1e-9

TypeLabels = tuple[str, ...]


# ---------------------------------------------------------------------- priors
def check_prior(probabilities: Sequence[Any], what: str) -> tuple[sp.Expr, ...]:
    """Check that probabilities are non-negative and sum to one; return them as sympy numbers.

    Numbers must be non-negative and sum to 1 (exactly for rationals, within
    ``1e-9`` for floats); symbolic ones must sum to 1 identically (write the
    last as one minus the others) and must not be known to be negative.

    Raises
    ------
    InvalidGameError
        Naming the bad value and the fix.

    Examples
    --------
    >>> import sympy as sp
    >>> p = sp.Symbol("p")
    >>> check_prior([p, 1 - p], "the prior")
    (p, 1 - p)
    >>> check_prior([0.5, 0.4], "the prior")
    Traceback (most recent call last):
    ...
    negotiation.errors.InvalidGameError: the prior sums to 0.9, not 1; make the probabilities sum to 1 (e.g. write the last one as 1 minus the others)
    """
    values = tuple(as_number(v, f"a probability in {what}") for v in probabilities)
    if not values:
        raise InvalidGameError(f"{what} is empty; give at least one type with its probability")
    for v in values:
        if v.is_negative or (v.is_number and v < 0):
            raise InvalidGameError(
                f"{what} has the negative probability {fmt(v)}; probabilities lie between 0 and 1"
            )
        if v.is_number and v > 1:
            raise InvalidGameError(
                f"{what} has the probability {fmt(v)}, above 1; probabilities lie between 0 and 1"
            )
    total = sp.Add(*values)
    gap = sp.expand(total - 1)
    if gap.free_symbols:
        gap = sp.cancel(gap)
    if gap.is_number:
        exact = all(v.is_Rational for v in values)
        ok = gap == 0 if exact else abs(float(gap)) <= 1e-9
    else:
        ok = False
    if not ok:
        shown = total if total.free_symbols or exact else sp.Float(float(total), 6)
        raise InvalidGameError(
            f"{what} sums to {_short(shown)}, not 1; make the probabilities sum to 1 "
            "(e.g. write the last one as 1 minus the others)"
        )
    return values


def _short(value: sp.Expr) -> str:
    if isinstance(value, sp.Float):
        return f"{float(value):.6g}"
    return str(value)


def _labels(values: Any, what: str) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, Sequence) or not values:
        raise InvalidGameError(f"{what} must be a non-empty tuple of labels; got {values!r}")
    labels = tuple(values)
    if not all(isinstance(s, str) and s for s in labels):
        raise InvalidGameError(f"{what} must be non-empty strings; got {labels!r}")
    if len(set(labels)) != len(labels):
        dup = sorted({s for s in labels if labels.count(s) > 1})
        raise InvalidGameError(f"{what} has duplicate labels: {', '.join(dup)}")
    return labels


# ---------------------------------------------------------------------- results
@dataclass(frozen=True, eq=False)
class BayesNashEquilibrium(Tabular):
    """A Bayes–Nash equilibrium, reported type by type.

    Attributes
    ----------
    behaviour
        ``behaviour[i][t]``: the probabilities with which player ``i`` of type
        ``t`` (an index into ``types[i]``) plays each of its actions.
    interim_payoffs
        ``interim_payoffs[i][t]``: the expected payoff of player ``i`` given its
        own type ``t``, over the other players' types (``nan`` for a type of
        prior probability 0).
    payoffs
        The ex-ante expected payoff of each player.
    equilibrium
        The Nash equilibrium of the Harsanyi form (:meth:`BayesianGame.to_game`)
        it comes from.
    method
        The method that found it.
    players, types, actions
        Labels, for display.

    Examples
    --------
    >>> import negotiation as ng
    >>> g = ng.BayesianGame([{"a": 1}, {"x": 0.5, "y": 0.5}], [("U", "D"), ("L", "R")],
    ...                     lambda t, s: (1, 1) if (s[1] == "L") == (t[1] == "x") else (0, 0))
    >>> eq = g.equilibria(method="pure")[0]
    >>> eq.action(1, "x"), eq.action("Player 2", "y"), eq.interim_payoff(1, "x")
    ('L', 'R', 1.0)
    """

    behaviour: tuple[tuple[tuple[Any, ...], ...], ...]
    interim_payoffs: tuple[tuple[Any, ...], ...]
    payoffs: tuple[Any, ...]
    equilibrium: Equilibrium
    method: str
    players: tuple[str, ...]
    types: tuple[TypeLabels, ...]
    actions: tuple[TypeLabels, ...]

    def _player(self, player: int | str) -> int:
        return _player_index(self.players, player)

    def _type(self, p: int, type_: str) -> int:
        if type_ not in self.types[p]:
            raise UnknownLabelError(
                f"{self.players[p]} has no type {type_!r}; the types are "
                + ", ".join(repr(t) for t in self.types[p])
            )
        return self.types[p].index(type_)

    @property
    def is_pure(self) -> bool:
        """Whether every type plays one action for sure."""
        return all(
            sum(1 for q in dist if positive(q)) == 1 for player in self.behaviour for dist in player
        )

    def strategy(self, player: int | str, type_: str) -> dict[str, Any]:
        """The action probabilities of ``player`` when its type is ``type_``."""
        p = self._player(player)
        dist = self.behaviour[p][self._type(p, type_)]
        return dict(zip(self.actions[p], dist, strict=True))

    def action(self, player: int | str, type_: str) -> str:
        """The action of ``player`` of type ``type_``; only where it is pure."""
        p = self._player(player)
        dist = self.behaviour[p][self._type(p, type_)]
        support = [a for a, q in zip(self.actions[p], dist, strict=True) if positive(q)]
        if len(support) != 1:
            raise InvalidGameError(
                f"{self.players[p]} of type {type_!r} mixes over {', '.join(support)}; "
                "use .strategy(player, type) for the probabilities"
            )
        return support[0]

    @property
    def play(self) -> tuple[dict[str, str], ...]:
        """For a pure equilibrium: each player's ``{type: action}``."""
        if not self.is_pure:
            raise InvalidGameError(
                "this Bayes–Nash equilibrium is mixed; use .strategy(player, type) or .behaviour"
            )
        return tuple(
            {t: self.action(p, t) for t in self.types[p]} for p in range(len(self.players))
        )

    def interim_payoff(self, player: int | str, type_: str) -> Any:
        """The expected payoff of ``player`` given its own type ``type_``."""
        p = self._player(player)
        return self.interim_payoffs[p][self._type(p, type_)]

    def __str__(self) -> str:
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


def positive(q: Any) -> bool:
    """Whether a probability is (or may be, symbolically) above zero."""
    if isinstance(q, float | np.floating):
        return float(q) > 0
    q = sp.sympify(q)
    return bool(q != 0) if q.is_number else True


def is_one(q: Any) -> bool:
    """Whether a probability is one (within the tolerance for floats)."""
    if isinstance(q, float | np.floating):
        return abs(float(q) - 1) <= DEFAULT_TOL
    return sp.sympify(q) == 1


def _player_index(players: tuple[str, ...], player: int | str) -> int:
    if isinstance(player, int | np.integer) and not isinstance(player, bool):
        if 0 <= int(player) < len(players):
            return int(player)
    elif isinstance(player, str) and player in players:
        return players.index(player)
    raise UnknownLabelError(
        f"no player {player!r}; use an index below {len(players)} or a name: "
        + ", ".join(repr(p) for p in players)
    )


# ---------------------------------------------------------------------- the game
PayoffSpec = (
    Mapping[Sequence[str], Sequence[Any]]
    | Callable[[tuple[str, ...], tuple[str, ...]], Sequence[Any]]
)


@dataclass(frozen=True, eq=False, init=False)
class BayesianGame:
    """A finite game of incomplete information with a common prior.

    Parameters
    ----------
    types
        Either one mapping ``{type label: probability}`` per player (types
        drawn independently; a player without private information has one
        type of probability 1, e.g. ``{"US": 1}``), or one mapping
        ``{(type of player 1, type of player 2, ...): probability}`` over type
        profiles (a joint, possibly correlated, prior; profiles left out have
        probability 0). Probabilities are numbers or sympy expressions.
    strategies
        One tuple of action labels per player (the same for all its types).
    payoffs
        Either a mapping ``{type profile: (payoffs of player 1, payoffs of
        player 2, ...)}``, each an array of shape ``(n_1, ..., n_N)`` (for two
        players, a ``rows x columns`` table like :class:`~negotiation.Game`'s),
        for every type profile of positive probability; or a function
        ``payoff(type_profile, action_profile) -> (u_1, ..., u_N)`` of label tuples.
    players
        The players' names; defaults to ``("Player 1", "Player 2", ...)``.
    name
        An optional title.

    Raises
    ------
    InvalidGameError
        For priors that are negative or do not sum to one, a type profile
        without payoffs, payoff arrays of the wrong shape, and bad labels.

    Examples
    --------
    A coordination game in which player 2 wants to meet player 1 with
    probability 1/2 and to avoid it otherwise (Osborne 2004, section 9.2):

    >>> import sympy as sp
    >>> import negotiation as ng
    >>> half = sp.Rational(1, 2)
    >>> bos = ng.BayesianGame(
    ...     [{"-": 1}, {"meet": half, "avoid": half}],
    ...     [("B", "S"), ("B", "S")],
    ...     {("-", "meet"): ([[2, 0], [0, 1]], [[1, 0], [0, 2]]),
    ...      ("-", "avoid"): ([[2, 0], [0, 1]], [[0, 2], [1, 0]])})
    >>> bos.to_game().strategies[1]
    ('B if meet, B if avoid', 'B if meet, S if avoid', 'S if meet, B if avoid', 'S if meet, S if avoid')
    >>> [eq.play for eq in bos.equilibria(method="pure", exact=True)]
    [({'-': 'B'}, {'meet': 'B', 'avoid': 'S'})]
    """

    types: tuple[TypeLabels, ...]
    strategies: tuple[TypeLabels, ...]
    players: tuple[str, ...]
    name: str | None
    prior: tuple[tuple[TypeLabels, sp.Expr], ...] = field(repr=False)
    marginals: tuple[tuple[sp.Expr, ...], ...] | None = field(repr=False)
    payoff_tables: tuple[tuple[TypeLabels, tuple[sp.ImmutableDenseNDimArray, ...]], ...] = field(
        repr=False
    )

    def __init__(
        self,
        types: Sequence[Mapping[str, Any] | str] | Mapping[Sequence[str], Any],
        strategies: Sequence[Sequence[str]],
        payoffs: PayoffSpec,
        *,
        players: Sequence[str] | None = None,
        name: str | None = None,
    ) -> None:
        type_labels, prior, marginals = _read_types(types)
        n = len(type_labels)
        if (
            isinstance(strategies, str)
            or not isinstance(strategies, Sequence)
            or len(strategies) != n
        ):
            raise InvalidGameError(
                f"strategies must give one tuple of action labels per player ({n} players), "
                f"e.g. (('In', 'Out'), ('Fight', 'Accommodate')); got {strategies!r}"
            )
        actions = tuple(
            _labels(s, f"the actions of player {k + 1}") for k, s in enumerate(strategies)
        )
        names = _read_players(players, n)
        if name is not None and not isinstance(name, str):
            raise InvalidGameError(f"name must be a string or None, not {name!r}")
        tables = _read_payoffs(payoffs, type_labels, actions, prior, names)
        object.__setattr__(self, "types", type_labels)
        object.__setattr__(self, "strategies", actions)
        object.__setattr__(self, "players", names)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "prior", prior)
        object.__setattr__(self, "marginals", marginals)
        object.__setattr__(self, "payoff_tables", tables)

    # ------------------------------------------------------------------ basics
    @property
    def n_players(self) -> int:
        """The number of players."""
        return len(self.players)

    @property
    def is_independent(self) -> bool:
        """Whether the types were given player by player (drawn independently)."""
        return self.marginals is not None

    @cached_property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free sympy symbols in the prior and the payoffs, ordered by name."""
        exprs: list[sp.Basic] = [p for _, p in self.prior]
        for _, arrays in self.payoff_tables:
            exprs.extend(arrays)
        return free_parameters(*exprs)

    def probability(self, type_profile: Sequence[str]) -> sp.Expr:
        """The prior probability of a type profile (one type label per player)."""
        key = self._type_key(type_profile)
        return dict(self.prior).get(key, sp.Integer(0))

    def payoffs(self, type_profile: Sequence[str]) -> tuple[sp.ImmutableDenseNDimArray, ...]:
        """The payoff arrays (one per player) of a type profile."""
        key = self._type_key(type_profile)
        tables = dict(self.payoff_tables)
        if key not in tables:
            raise UnknownLabelError(
                f"the type profile {key} has prior probability 0 and no payoffs were given for it"
            )
        return tables[key]

    def _type_key(self, type_profile: Sequence[str]) -> TypeLabels:
        if isinstance(type_profile, str) or not isinstance(type_profile, Sequence):
            raise UnknownLabelError(
                f"a type profile is one type per player, e.g. {tuple(t[0] for t in self.types)}; "
                f"got {type_profile!r}"
            )
        key = tuple(type_profile)
        if len(key) != self.n_players or any(
            k not in labels for k, labels in zip(key, self.types, strict=True)
        ):
            raise UnknownLabelError(
                f"{key!r} is not a type profile; the types are "
                + "; ".join(
                    f"{p}: {', '.join(t)}" for p, t in zip(self.players, self.types, strict=True)
                )
            )
        return key

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> BayesianGame:
        """A new game with some or all parameters replaced by values (the prior too).

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> p = sp.Symbol("p")
        >>> g = ng.BayesianGame([{"x": p, "y": 1 - p}, {"-": 1}], [("a",), ("b",)],
        ...                     lambda t, s: (p, 0))
        >>> g.subs(p=sp.Rational(1, 3)).probability(("y", "-"))
        2/3
        """
        mapping = normalise_substitution(self.parameters, values, kwargs)
        if self.marginals is not None:
            types: Any = [
                {t: p.subs(mapping) for t, p in zip(labels, probs, strict=True)}
                for labels, probs in zip(self.types, self.marginals, strict=True)
            ]
        else:
            types = {k: p.subs(mapping) for k, p in self.prior}
        payoffs: PayoffSpec = {
            k: tuple(a.subs(mapping) for a in arrays) for k, arrays in self.payoff_tables
        }
        return BayesianGame(types, self.strategies, payoffs, players=self.players, name=self.name)

    # ------------------------------------------------------------------ plain data for the solvers
    @cached_property
    def _plain(
        self,
    ) -> tuple[
        list[tuple[tuple[int, ...], sp.Expr]], dict[tuple[int, ...], tuple[np.ndarray, ...]]
    ]:
        index = [{t: k for k, t in enumerate(labels)} for labels in self.types]
        prior = [(tuple(index[j][t] for j, t in enumerate(key)), p) for key, p in self.prior]
        tables = {
            tuple(index[j][t] for j, t in enumerate(key)): tuple(
                np.array(a.tolist(), dtype=object).reshape(a.shape) for a in arrays
            )
            for key, arrays in self.payoff_tables
        }
        return prior, tables

    def plan_labels(self, player: int | str) -> tuple[str, ...]:
        """The labels of ``player``'s plans in :meth:`to_game`: ``"Fight if tough, Yield if weak"``.

        A player with one type has its action labels themselves.
        """
        p = _player_index(self.players, player)
        return tuple(
            _plan_label(self.types[p], [self.strategies[p][a] for a in plan])
            for plan in _bn.strategy_maps(len(self.types[p]), len(self.strategies[p]))
        )

    # ------------------------------------------------------------------ Harsanyi form
    def to_game(self) -> Game:
        """The Harsanyi (ex-ante) strategic form.

        A strategy is a plan: one action for each of the player's types, in
        the order of ``types``, labelled ``"Fight if tough, Accommodate if
        weak"`` (a player with one type keeps its action labels). Payoffs are
        expected over the prior.

        Raises
        ------
        InvalidGameError
            If a player would have more than ``MAX_PLANS`` plans, or the form
            more than ``MAX_PROFILES`` cells, or the game has more than two
            players and the installed :class:`~negotiation.Game` is two-player only.

        Examples
        --------
        >>> import negotiation as ng
        >>> g = ng.BayesianGame([{"a": 0.5, "b": 0.5}, {"-": 1}], [("U", "D"), ("L",)],
        ...                     lambda t, s: (1 if (s[0] == "U") == (t[0] == "a") else 0, 0))
        >>> g.to_game().row_payoffs.T
        Matrix([[0.5, 1.0, 0, 0.5]])
        """
        from negotiation.games.normal_form import Game

        n_types = [len(t) for t in self.types]
        n_actions = [len(a) for a in self.strategies]
        sizes = [a**t for a, t in zip(n_actions, n_types, strict=True)]
        for p, size in enumerate(sizes):
            if size > MAX_PLANS:
                raise InvalidGameError(
                    f"{self.players[p]} has {size} plans ({n_actions[p]} actions for each of "
                    f"{n_types[p]} types), more than {MAX_PLANS}; use fewer types or actions, "
                    "or check a profile with equilibrium_conditions()"
                )
        if int(np.prod(sizes)) > MAX_PROFILES:
            raise InvalidGameError(
                f"the Harsanyi form would have {int(np.prod(sizes))} cells, more than "
                f"{MAX_PROFILES}; use fewer types or actions"
            )
        prior, tables = self._plain
        arrays = _bn.harsanyi_payoffs(prior, tables, n_types, n_actions)
        labels = tuple(self.plan_labels(p) for p in range(self.n_players))
        if self.n_players == 2:
            return Game(
                arrays[0].tolist(),
                arrays[1].tolist(),
                players=(self.players[0], self.players[1]),
                strategies=(labels[0], labels[1]),
                name=self.name,
            )
        if not hasattr(Game, "n_players"):
            raise InvalidGameError(
                f"this game has {self.n_players} players, but negotiation.Game here is "
                "two-player only; update negotiation for the N-player Game, or check "
                "profiles with equilibrium_conditions()"
            )
        return Game(  # type: ignore[call-arg]
            *(a.tolist() for a in arrays),
            players=self.players,
            strategies=labels,
            name=self.name,
        )

    def equilibria(
        self,
        method: str = "vertex_enumeration",
        *,
        exact: bool = False,
        tol: float = DEFAULT_TOL,
    ) -> ResultList[BayesNashEquilibrium]:
        """The Bayes–Nash equilibria: the Nash equilibria of :meth:`to_game`, type by type.

        Parameters
        ----------
        method, exact, tol
            Passed to :meth:`negotiation.Game.equilibria` on the Harsanyi form
            (``"vertex_enumeration"`` by default: every extreme equilibrium).

        Returns
        -------
        ResultList of BayesNashEquilibrium
            In the order the strategic-form solver returns them; each gives
            what every type of every player does, with interim expected payoffs.

        Raises
        ------
        FreeParameterError
            If the prior or payoffs still depend on parameters.

        Examples
        --------
        >>> import negotiation as ng
        >>> g = ng.BayesianGame([{"a": 0.5, "b": 0.5}, {"-": 1}], [("U", "D"), ("L",)],
        ...                     lambda t, s: (1 if (s[0] == "U") == (t[0] == "a") else 0, 0))
        >>> g.equilibria()[0].play
        ({'a': 'U', 'b': 'D'}, {'-': 'L'})
        """
        game = self.to_game()
        found = game.equilibria(method, exact=exact, tol=tol)
        prior, tables = self._plain
        n_types = [len(t) for t in self.types]
        out = []
        for eq in found:
            vectors = _equilibrium_vectors(eq)
            behaviour = [
                _bn.type_behaviour(list(v), n_types[p], len(self.strategies[p]))
                for p, v in enumerate(vectors)
            ]
            if not exact:
                behaviour = [
                    [[_clean_float(q, tol) for q in dist] for dist in player]
                    for player in behaviour
                ]
            interim = _bn.interim_payoffs(prior, tables, n_types, behaviour)
            if not exact:
                interim = [[_as_float(v) for v in row] for row in interim]
            out.append(
                BayesNashEquilibrium(
                    behaviour=tuple(tuple(tuple(d) for d in player) for player in behaviour),
                    interim_payoffs=tuple(tuple(row) for row in interim),
                    payoffs=tuple(eq.payoffs),
                    equilibrium=eq,
                    method=eq.method,
                    players=self.players,
                    types=self.types,
                    actions=self.strategies,
                )
            )
        return ResultList(out)

    def equilibrium_conditions(self, profile: Sequence[Any]) -> sp.Basic:
        """The conditions on the prior and payoffs under which a pure plan profile is Bayes–Nash.

        Parameters
        ----------
        profile
            One entry per player: a mapping ``{type: action}``, a sequence of
            actions in the order of the player's types, a plan label of
            :meth:`to_game`, or a single action label (played by every type).

        Returns
        -------
        sympy Boolean
            Every type's action is a best reply given its beliefs;
            ``True`` or ``False`` for a numeric game. A type whose
            probability is a symbol is treated as possible (probability
            above 0); in a numeric game a type of probability 0 is
            unconstrained, as in the Harsanyi form.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> v = sp.Symbol("v")
        >>> g = ng.BayesianGame([{"high": sp.Rational(1, 2), "low": sp.Rational(1, 2)}, {"-": 1}],
        ...                     [("Bid", "Pass"), ("Sell",)],
        ...                     lambda t, s: ((v if t[0] == "high" else 1) - 2 if s[0] == "Bid" else 0, 0))
        >>> g.equilibrium_conditions([{"high": "Bid", "low": "Pass"}, "Sell"])
        v >= 2
        """
        plans = self._read_profile(profile)
        prior, tables = self._plain
        return _bn.interim_condition(
            prior,
            tables,
            [len(t) for t in self.types],
            [len(a) for a in self.strategies],
            plans,
        )

    def _read_profile(self, profile: Sequence[Any]) -> list[list[int]]:
        if (
            isinstance(profile, str)
            or not isinstance(profile, Sequence)
            or len(profile) != self.n_players
        ):
            raise UnknownLabelError(
                f"a profile gives one plan per player ({self.n_players} players), e.g. "
                f"[{{{self.types[0][0]!r}: {self.strategies[0][0]!r}}}, ...]; got {profile!r}"
            )
        plans = []
        for p, entry in enumerate(profile):
            types, actions = self.types[p], self.strategies[p]

            def action(
                label: Any, type_: str, p: int = p, actions: tuple[str, ...] = actions
            ) -> int:
                if label not in actions:
                    raise UnknownLabelError(
                        f"{self.players[p]} has no action {label!r} (for type {type_!r}); the "
                        "actions are " + ", ".join(repr(a) for a in actions)
                    )
                return actions.index(label)

            if isinstance(entry, Mapping):
                missing = [t for t in types if t not in entry]
                extra = [t for t in entry if t not in types]
                if missing or extra:
                    raise UnknownLabelError(
                        f"the plan of {self.players[p]} must give an action for each type "
                        f"{', '.join(types)}"
                        + (f"; missing {', '.join(missing)}" if missing else "")
                        + (f"; unknown {', '.join(map(str, extra))}" if extra else "")
                    )
                plans.append([action(entry[t], t) for t in types])
            elif isinstance(entry, str):
                labels = self.plan_labels(p)
                if entry in labels:
                    plan = _bn.strategy_maps(len(types), len(actions))[labels.index(entry)]
                    plans.append(list(plan))
                else:
                    plans.append([action(entry, t) for t in types])
            elif isinstance(entry, Sequence) and len(entry) == len(types):
                plans.append([action(a, t) for a, t in zip(entry, types, strict=True)])
            else:
                raise UnknownLabelError(
                    f"the plan of {self.players[p]} must be a mapping {{type: action}}, a tuple "
                    f"of {len(types)} actions or an action label; got {entry!r}"
                )
        return plans

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        return display.short(self)

    def __str__(self) -> str:
        return display.text(self)

    def _repr_html_(self) -> str:
        return display.html(self)


def _plan_label(types: TypeLabels, actions: list[str]) -> str:
    if len(types) == 1:
        return actions[0]
    return ", ".join(f"{a} if {t}" for a, t in zip(actions, types, strict=True))


def _equilibrium_vectors(eq: Any) -> list[Any]:
    """The players' mixed strategies, on the two-player and on the N-player Equilibrium."""
    if hasattr(eq, "labels"):
        return list(eq.strategies)
    return [eq.row, eq.col]


def _clean_float(q: Any, tol: float) -> float:
    value = float(q)
    return 0.0 if abs(value) <= tol else value


def _as_float(v: Any) -> Any:
    v = sp.sympify(v)
    if v is sp.nan:
        return float("nan")
    return float(v) if v.is_number else v


# ---------------------------------------------------------------------- input readers
def _read_types(
    types: Any,
) -> tuple[
    tuple[TypeLabels, ...],
    tuple[tuple[TypeLabels, sp.Expr], ...],
    tuple[tuple[sp.Expr, ...], ...] | None,
]:
    if isinstance(types, Mapping):
        if not types:
            raise InvalidGameError(
                "the joint prior is empty; give {(type, type, ...): probability}"
            )
        keys = list(types)
        if not all(
            isinstance(k, tuple) and k and all(isinstance(x, str) and x for x in k) for k in keys
        ):
            raise InvalidGameError(
                "a joint prior maps type profiles (tuples of type labels, one per player) to "
                "probabilities, e.g. {('tough', 'tough'): 1/4, ...}; for independent types give "
                "one mapping {type: probability} per player"
            )
        n = len(keys[0])
        if any(len(k) != n for k in keys):
            raise InvalidGameError(
                f"every type profile of the joint prior needs one type per player; "
                f"{keys[0]!r} has {n} but others differ"
            )
        probs = check_prior([types[k] for k in keys], "the joint prior")
        labels = tuple(tuple(dict.fromkeys(k[j] for k in keys)) for j in range(n))
        return labels, tuple(zip((tuple(k) for k in keys), probs, strict=True)), None
    if isinstance(types, str) or not isinstance(types, Sequence) or not types:
        raise InvalidGameError(
            "types must be one mapping {type: probability} per player, e.g. "
            "[{'US': 1}, {'tough': p, 'weak': 1 - p}], or a joint prior {(type, type): probability}"
        )
    labels_list, marginals = [], []
    for k, spec in enumerate(types):
        if isinstance(spec, str) and spec:
            spec = {spec: 1}
        if not isinstance(spec, Mapping) or not spec:
            raise InvalidGameError(
                f"the types of player {k + 1} must be a mapping {{type: probability}}, e.g. "
                f"{{'tough': p, 'weak': 1 - p}}; got {spec!r}"
            )
        player_labels = _labels(list(spec), f"the type labels of player {k + 1}")
        probs = check_prior(
            [spec[t] for t in player_labels], f"the prior of player {k + 1}'s types"
        )
        labels_list.append(player_labels)
        marginals.append(probs)
    prior = []
    for combo in itertools.product(*(range(len(t)) for t in labels_list)):
        prob = sp.Integer(1)
        for j, t in enumerate(combo):
            prob *= marginals[j][t]
        prior.append((tuple(labels_list[j][t] for j, t in enumerate(combo)), prob))
    return tuple(labels_list), tuple(prior), tuple(marginals)


def _read_players(players: Any, n: int) -> tuple[str, ...]:
    if players is None:
        return tuple(f"Player {k + 1}" for k in range(n))
    if isinstance(players, str) or not isinstance(players, Sequence) or len(players) != n:
        raise InvalidGameError(f"players must be {n} names, one per player; got {players!r}")
    names = tuple(players)
    if not all(isinstance(p, str) and p for p in names):
        raise InvalidGameError(f"player names must be non-empty strings; got {names!r}")
    if len(set(names)) != n:
        raise InvalidGameError(f"player names must differ; got {names!r}")
    return names


def _read_payoffs(
    payoffs: Any,
    types: tuple[TypeLabels, ...],
    actions: tuple[TypeLabels, ...],
    prior: tuple[tuple[TypeLabels, sp.Expr], ...],
    players: tuple[str, ...],
) -> tuple[tuple[TypeLabels, tuple[sp.ImmutableDenseNDimArray, ...]], ...]:
    n = len(types)
    shape = tuple(len(a) for a in actions)
    needed = [k for k, p in prior if p != 0]
    out = []
    if callable(payoffs) and not isinstance(payoffs, Mapping):
        for key in needed:
            arrays = [np.empty(shape, dtype=object) for _ in range(n)]
            for index in itertools.product(*(range(s) for s in shape)):
                labels = tuple(actions[j][index[j]] for j in range(n))
                values = payoffs(key, labels)
                if isinstance(values, str) or not isinstance(values, Sequence) or len(values) != n:
                    raise InvalidGameError(
                        f"the payoff function must return {n} payoffs (one per player) for "
                        f"types {key} and actions {labels}; it returned {values!r}"
                    )
                for i in range(n):
                    arrays[i][index] = as_number(
                        values[i], f"{players[i]}'s payoff at types {key}, actions {labels}"
                    )
            out.append(
                (
                    key,
                    tuple(sp.ImmutableDenseNDimArray(a.flatten().tolist(), shape) for a in arrays),
                )
            )
        return tuple(out)
    if not isinstance(payoffs, Mapping):
        raise InvalidGameError(
            "payoffs must be a mapping {type profile: (payoffs of each player)} or a function "
            f"payoff(types, actions); got {type(payoffs).__name__}"
        )
    given: dict[TypeLabels, Any] = {}
    for key, value in payoffs.items():
        tkey = tuple(key) if isinstance(key, Sequence) and not isinstance(key, str) else (key,)
        if len(tkey) != n or any(t not in labels for t, labels in zip(tkey, types, strict=True)):
            raise InvalidGameError(
                f"payoffs are given for {key!r}, which is not a type profile; a key is one type "
                "per player: "
                + "; ".join(f"{p}: {', '.join(t)}" for p, t in zip(players, types, strict=True))
            )
        given[tkey] = value
    missing = [k for k in needed if k not in given]
    if missing:
        raise InvalidGameError(
            f"the type profile {missing[0]} has prior probability {fmt(dict(prior)[missing[0]])} but no "
            "payoffs; give payoffs for every type profile of positive probability"
            + (f" (also missing: {', '.join(map(str, missing[1:4]))})" if len(missing) > 1 else "")
        )
    for key in [k for k, _ in prior if k in given]:
        value = given[key]
        if (
            isinstance(value, str)
            or not isinstance(value, Sequence | np.ndarray)
            or len(value) != n
        ):
            raise InvalidGameError(
                f"the payoffs of type profile {key} must be {n} arrays (one per player) of shape "
                f"{shape}; got {value!r}"
            )
        arrays = []
        for i in range(n):
            table = np.asarray(
                value[i].tolist()
                if isinstance(value[i], sp.MatrixBase | sp.NDimArray)
                else value[i],
                dtype=object,
            )
            if table.shape != shape:
                raise InvalidGameError(
                    f"{players[i]}'s payoffs at type profile {key} have shape {table.shape}, but "
                    f"the actions give {shape} (one axis per player, in player order)"
                )
            entries = [
                as_number(v, f"{players[i]}'s payoff at types {key}, entry {idx}")
                for idx, v in np.ndenumerate(table)
            ]
            arrays.append(sp.ImmutableDenseNDimArray(entries, shape))
        out.append((key, tuple(arrays)))
    return tuple(out)
