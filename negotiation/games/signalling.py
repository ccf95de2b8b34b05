"""Signalling games: an informed sender, a message, an uninformed receiver.

Nature draws the sender's type from a common prior; the sender sees its type
and sends a message; the receiver sees the message only, updates its belief
about the type, and acts. Payoffs depend on the type, the message and the
action, and may be numbers or sympy expressions, as may the prior.

:meth:`SignallingGame.perfect_bayesian_equilibria` lists the pure separating
and pooling perfect Bayesian equilibria (and, with three or more types, the
partially pooling ones) and, for two types, the semi-separating ones in which a
type mixes. Each comes with the beliefs that support it: Bayes' rule on the
path and, off the path, the interval (two types) or region of beliefs under
which the receiver's answer is a best reply, and the condition on the prior
and the payoffs under which it is an equilibrium.
:meth:`SignallingGame.intuitive_criterion` applies the Cho–Kreps test.

References
----------
M. Spence (1973), "Job market signaling", *QJE* 87(3): 355-374.
I.-K. Cho and D. M. Kreps (1987), "Signaling games and stable equilibria",
*QJE* 102(2): 179-221.
D. Fudenberg and J. Tirole (1991), *Game Theory*, sections 8.2 and 11.2.
R. Gibbons (1992), *A Primer in Game Theory*, section 4.2.

Examples
--------
Cho and Kreps' beer–quiche game: the sender is strong with probability 9/10,
prefers beer if strong and quiche if weak, and gains 2 if not challenged; the
receiver wants to duel only a weak sender.

>>> import sympy as sp
>>> import negotiation as ng
>>> def payoff(t, m, a):
...     taste = 1 if (m == "beer") == (t == "strong") else 0
...     duel = a == "duel"
...     return (taste + (0 if duel else 2), (1 if t == "weak" else -1) if duel else 0)
>>> bq = ng.SignallingGame(("strong", "weak"), (sp.Rational(9, 10), sp.Rational(1, 10)),
...                        ("beer", "quiche"), ("duel", "not"), payoff)
>>> [(e.kind, e.message("strong")) for e in bq.perfect_bayesian_equilibria()]
[('pooling', 'beer'), ('pooling', 'quiche')]
>>> [t.survives for t in bq.intuitive_criterion()]
[True, False]
>>> bq.perfect_bayesian_equilibria()[0].off_path["quiche"].interval
(0, 1/2)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import sympy as sp

from negotiation import display
from negotiation.display.tables import ResultList, Tabular
from negotiation.errors import InvalidGameError, UnknownLabelError
from negotiation.games.bayesian import check_prior
from negotiation.solvers import pbe as _pbe
from negotiation.symbolic import as_number, free_parameters, normalise_substitution

if TYPE_CHECKING:
    from negotiation.games.extensive import GameTree
    from negotiation.games.normal_form import Game

__all__ = [
    "IntuitiveCriterion",
    "OffPathBeliefs",
    "PerfectBayesianEquilibrium",
    "SignallingGame",
]

DEFAULT_TOL = 1e-9


# ---------------------------------------------------------------------- results
@dataclass(frozen=True)
class OffPathBeliefs:
    """The beliefs after an unsent message that support the receiver's answer.

    Attributes
    ----------
    message
        The message no type sends.
    action
        The receiver's answer to it.
    symbols
        ``{type: symbol}``: the receiver's belief that the sender has that type.
    condition
        The beliefs (in ``symbols``, summing to 1) at which ``action`` is a best
        reply, as a sympy Boolean.
    interval
        With two types: ``(lower, upper)``, the bounds on the belief in
        :attr:`about` (the first type); ``None`` otherwise, or where a sign is
        undecided symbolically.
    about
        The type the interval is about.

    Examples
    --------
    >>> import negotiation as ng
    >>> import sympy as sp, negotiation as ng
    >>> g = ng.SignallingGame(("a", "b"), (sp.Rational(1, 4), sp.Rational(3, 4)), ("x", "y"),
    ...     ("L", "R"), lambda t, m, a: (int(a == "L") - 2 * (m == "y"),
    ...                                  int((a == "L") == (t == "a"))))
    >>> [str(e.off_path["y"].condition) for e in g.perfect_bayesian_equilibria()]
    ['mu[a|y] >= 1/2', 'mu[a|y] <= 1/2']
    >>> print(g.perfect_bayesian_equilibria()[0].off_path["y"])
    after 'y': 'L' if the belief in 'a' lies in [1/2, 1]
    """

    message: str
    action: str
    symbols: Mapping[str, sp.Symbol]
    condition: sp.Basic
    interval: tuple[sp.Expr, sp.Expr] | None
    about: str | None

    def __str__(self) -> str:
        return display.text(self)


@dataclass(frozen=True, eq=False)
class PerfectBayesianEquilibrium(Tabular):
    """A perfect Bayesian equilibrium of a signalling game.

    Attributes
    ----------
    kind
        ``"separating"`` (each type its own message), ``"pooling"`` (one message
        for all), ``"partially pooling"`` (pure, three or more types) or
        ``"semi-separating"`` (some type mixes).
    sender
        ``{type: {message: probability}}``.
    receiver
        ``{message: {action: probability}}``.
    beliefs
        ``{message: {type: probability}}`` for the messages on the path (Bayes' rule).
    off_path
        ``{message: OffPathBeliefs}`` for the messages no type sends.
    condition
        Where it is an equilibrium, as a sympy Boolean over the parameters
        (``True`` in a numeric game).
    sender_payoffs
        ``{type: expected payoff}``.
    receiver_payoff
        The receiver's ex-ante expected payoff.
    players
        ``(sender, receiver)`` names.
    """

    kind: str
    sender: Mapping[str, Mapping[str, Any]]
    receiver: Mapping[str, Mapping[str, Any]]
    beliefs: Mapping[str, Mapping[str, Any]]
    off_path: Mapping[str, OffPathBeliefs]
    condition: sp.Basic
    sender_payoffs: Mapping[str, Any]
    receiver_payoff: Any
    players: tuple[str, str]
    index: int = field(default=0, repr=False)

    @property
    def is_pure(self) -> bool:
        """Whether every type sends one message and every message gets one answer."""
        return all(
            sum(1 for q in d.values() if q != 0) == 1
            for d in (*self.sender.values(), *self.receiver.values())
        )

    @property
    def on_path(self) -> tuple[str, ...]:
        """The messages some type sends."""
        return tuple(self.beliefs)

    def message(self, type_: str) -> str:
        """The message type ``type_`` sends (pure sender strategies only)."""
        dist = _get(self.sender, type_, "type")
        support = [m for m, q in dist.items() if q != 0]
        if len(support) != 1:
            raise InvalidGameError(
                f"type {type_!r} mixes over {', '.join(support)}; read .sender[{type_!r}]"
            )
        return support[0]

    def response(self, message: str) -> str:
        """The receiver's action after ``message`` (where it does not mix)."""
        dist = _get(self.receiver, message, "message")
        support = [a for a, q in dist.items() if q != 0]
        if len(support) != 1:
            raise InvalidGameError(
                f"the receiver mixes over {', '.join(support)} after {message!r}; "
                f"read .receiver[{message!r}]"
            )
        return support[0]

    def __str__(self) -> str:
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


def _get(mapping: Mapping[str, Any], key: str, what: str) -> Any:
    if key not in mapping:
        raise UnknownLabelError(
            f"no {what} {key!r}; the {what}s are " + ", ".join(repr(k) for k in mapping)
        )
    return mapping[key]


@dataclass(frozen=True, repr=False)
class IntuitiveCriterion(Tabular):
    """The Cho–Kreps intuitive criterion applied to one perfect Bayesian equilibrium.

    Attributes
    ----------
    equilibrium
        The equilibrium tested.
    survives
        ``True`` or ``False`` in a numeric game; a sympy condition otherwise.
    eliminated
        ``{message: types}``: for each unsent message, the types for which it is
        equilibrium-dominated (numeric games).
    deviators
        ``{message: types}``: the types that would then surely gain by sending
        it, which breaks the equilibrium (numeric games).
    """

    equilibrium: PerfectBayesianEquilibrium
    survives: sp.Basic
    eliminated: Mapping[str, tuple[str, ...]]
    deviators: Mapping[str, tuple[str, ...]]

    @property
    def reason(self) -> str:
        """A sentence a student can read."""
        if self.survives is sp.true:
            if not self.equilibrium.off_path:
                return "every message is sent, so there is nothing to test"
            return "no type would surely gain from an unsent message it could plausibly send"
        if self.survives is sp.false:
            parts = []
            for m, types in self.deviators.items():
                if types:
                    ruled = ", ".join(self.eliminated.get(m, ())) or "no type"
                    parts.append(
                        f"after {m!r} the receiver should rule out {ruled} (sending it could "
                        f"only hurt them), and then {', '.join(types)} would gain by sending it"
                    )
            return "; ".join(parts)
        return f"it survives where {self.survives}"

    def __str__(self) -> str:
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)


# ---------------------------------------------------------------------- the game
PayoffSpec = Mapping[tuple[str, str, str], Sequence[Any]] | Callable[[str, str, str], Sequence[Any]]


@dataclass(frozen=True, eq=False, init=False)
class SignallingGame:
    """A two-player signalling game with a privately informed sender.

    Parameters
    ----------
    sender_types
        The sender's type labels.
    prior
        The probability of each type: a sequence in the order of
        ``sender_types`` or a mapping ``{type: probability}`` (numbers or
        sympy expressions; they must sum to one).
    messages
        The message labels, the same for every type (a mapping
        ``{type: messages}`` is accepted when the sets agree).
    actions
        The receiver's action labels, the same after every message, or a
        mapping ``{message: actions}``.
    payoffs
        A mapping ``{(type, message, action): (sender payoff, receiver payoff)}``
        covering every combination, or a function ``payoff(type, message, action)``
        returning the pair.
    players
        The sender's and the receiver's names.
    name
        An optional title.

    Raises
    ------
    InvalidGameError
        For priors that are negative or do not sum to one, a message space
        that differs between types, missing payoffs and bad labels.

    Examples
    --------
    >>> import negotiation as ng
    >>> g = ng.SignallingGame(("high", "low"), {"high": 0.4, "low": 0.6}, ("educate", "not"),
    ...     ("high wage", "low wage"),
    ...     lambda t, m, a: ((2 if a == "high wage" else 1) - (m == "educate") * (0.5 if t == "high" else 2),
    ...                      int((a == "high wage") == (t == "high"))))
    >>> [(e.kind, e.message("high"), e.message("low")) for e in g.perfect_bayesian_equilibria()]
    [('separating', 'educate', 'not'), ('pooling', 'not', 'not')]
    """

    sender_types: tuple[str, ...]
    prior: tuple[sp.Expr, ...]
    messages: tuple[str, ...]
    actions: tuple[tuple[str, ...], ...]
    payoff_table: tuple[tuple[tuple[tuple[sp.Expr, sp.Expr], ...], ...], ...] = field(repr=False)
    players: tuple[str, str]
    name: str | None

    def __init__(
        self,
        sender_types: Sequence[str],
        prior: Sequence[Any] | Mapping[str, Any],
        messages: Sequence[str] | Mapping[str, Sequence[str]],
        actions: Sequence[str] | Mapping[str, Sequence[str]],
        payoffs: PayoffSpec,
        *,
        players: Sequence[str] = ("Sender", "Receiver"),
        name: str | None = None,
    ) -> None:
        types = _labels(sender_types, "sender_types")
        probs = _read_prior(prior, types)
        message_labels = _read_messages(messages, types)
        action_labels = _read_actions(actions, message_labels)
        if isinstance(players, str) or not isinstance(players, Sequence) or len(players) != 2:
            raise InvalidGameError(
                f"players must be two names (sender, receiver), e.g. ('US', 'China'); got {players!r}"
            )
        names = _labels(players, "players")
        if name is not None and not isinstance(name, str):
            raise InvalidGameError(f"name must be a string or None, not {name!r}")
        table = _read_payoffs(payoffs, types, message_labels, action_labels)
        object.__setattr__(self, "sender_types", types)
        object.__setattr__(self, "prior", probs)
        object.__setattr__(self, "messages", message_labels)
        object.__setattr__(self, "actions", action_labels)
        object.__setattr__(self, "payoff_table", table)
        object.__setattr__(self, "players", (names[0], names[1]))
        object.__setattr__(self, "name", name)

    # ------------------------------------------------------------------ basics
    @cached_property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free sympy symbols in the prior and the payoffs, ordered by name."""
        exprs: list[sp.Basic] = list(self.prior)
        for per_type in self.payoff_table:
            for per_message in per_type:
                for pair in per_message:
                    exprs.extend(pair)
        return free_parameters(*exprs)

    def payoff(self, type_: str, message: str, action: str) -> tuple[sp.Expr, sp.Expr]:
        """The (sender, receiver) payoffs of one type, message and action."""
        t = self._index(self.sender_types, type_, "type")
        m = self._index(self.messages, message, "message")
        a = self._index(self.actions[m], action, f"action after {message!r}")
        return self.payoff_table[t][m][a]

    @staticmethod
    def _index(labels: tuple[str, ...], label: str, what: str) -> int:
        if label not in labels:
            raise UnknownLabelError(
                f"no {what} {label!r}; the choices are " + ", ".join(repr(x) for x in labels)
            )
        return labels.index(label)

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> SignallingGame:
        """A new game with some or all parameters replaced by values.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> p = sp.Symbol("p")
        >>> g = ng.SignallingGame(("a", "b"), (p, 1 - p), ("x",), ("L",), lambda t, m, a: (0, 0))
        >>> g.subs(p=sp.Rational(1, 4)).prior
        (1/4, 3/4)
        """
        mapping = normalise_substitution(self.parameters, values, kwargs)
        table = {
            (t, m, a): tuple(v.subs(mapping) for v in self.payoff_table[i][j][k])
            for i, t in enumerate(self.sender_types)
            for j, m in enumerate(self.messages)
            for k, a in enumerate(self.actions[j])
        }
        return SignallingGame(
            self.sender_types,
            tuple(p.subs(mapping) for p in self.prior),
            self.messages,
            dict(zip(self.messages, self.actions, strict=True)),
            table,
            players=self.players,
            name=self.name,
        )

    def _tables(self) -> tuple[list[list[list[sp.Expr]]], list[list[list[sp.Expr]]]]:
        us = [[[pair[0] for pair in per_m] for per_m in per_t] for per_t in self.payoff_table]
        ur = [[[pair[1] for pair in per_m] for per_m in per_t] for per_t in self.payoff_table]
        return us, ur

    # ------------------------------------------------------------------ extensive and normal form
    def to_tree(self) -> GameTree:
        """The game as a tree: chance picks the type, the sender moves, the receiver sees the message.

        The receiver's nodes after the same message form one information set,
        named ``"<receiver> after <message>"``; the sender's node for a type is
        the information set ``"<sender> (<type>)"``.

        Examples
        --------
        >>> import negotiation as ng
        >>> g = ng.SignallingGame(("a", "b"), (0.5, 0.5), ("x", "y"), ("L", "R"),
        ...                       lambda t, m, a: (0, 0))
        >>> [s.name for s in g.to_tree().information_sets]
        ['Sender (a)', 'Receiver after x', 'Receiver after y', 'Sender (b)']
        """
        from negotiation.games.extensive import Chance, Decision, GameTree, Terminal

        sender, receiver = self.players
        branches = {}
        for i, t in enumerate(self.sender_types):
            moves = {
                m: Decision(
                    receiver,
                    {
                        a: Terminal(self.payoff_table[i][j][k])
                        for k, a in enumerate(self.actions[j])
                    },
                    infoset=f"{receiver} after {m}",
                )
                for j, m in enumerate(self.messages)
            }
            branches[t] = (self.prior[i], Decision(sender, moves, infoset=f"{sender} ({t})"))
        return GameTree(Chance(branches), players=self.players, name=self.name)

    def to_game(self) -> Game:
        """The strategic form (the sender's plan per type against the receiver's per message)."""
        return self.to_tree().to_game()

    # ------------------------------------------------------------------ equilibria
    def perfect_bayesian_equilibria(
        self, *, mixed: bool = True, tol: float = DEFAULT_TOL
    ) -> ResultList[PerfectBayesianEquilibrium]:
        """The perfect Bayesian equilibria: pure ones, and semi-separating ones for two types.

        Parameters
        ----------
        mixed
            Also look for the semi-separating equilibria (two types only): a
            type mixes over two messages and the receiver may mix over two
            actions where the posterior leaves it indifferent. Equilibria that
            come in a continuum (where the indifference conditions do not pin
            the probabilities down) and pure-sender equilibria in which the
            receiver mixes off the path are not listed.
        tol
            Float payoffs within ``tol`` tie.

        Returns
        -------
        ResultList of PerfectBayesianEquilibrium
            Pure ones first, in the order of the sender's plans. In a game with
            free parameters every candidate whose condition is not ``False``
            is listed with that condition; in a numeric game only true ones.

        Examples
        --------
        With a weak sender more likely than a strong one, beer–quiche has a
        semi-separating equilibrium: the weak type drinks beer with
        probability p/(1-p), and the receiver duels a beer drinker half the time.

        >>> import sympy as sp, negotiation as ng
        >>> def payoff(t, m, a):
        ...     taste = 1 if (m == "beer") == (t == "strong") else 0
        ...     return (taste + (0 if a == "duel" else 2),
        ...             ((1 if t == "weak" else -1) if a == "duel" else 0))
        >>> bq = ng.SignallingGame(("strong", "weak"), (sp.Rational(1, 4), sp.Rational(3, 4)),
        ...                        ("beer", "quiche"), ("duel", "not"), payoff)
        >>> (eq,) = bq.perfect_bayesian_equilibria()
        >>> eq.kind, eq.sender["weak"]["beer"], eq.receiver["beer"]["duel"]
        ('semi-separating', 1/3, 1/2)
        """
        if not isinstance(tol, float | int) or isinstance(tol, bool) or tol < 0:
            raise InvalidGameError(f"tol must be a non-negative number, not {tol!r}")
        us, ur = self._tables()
        found = _pbe.pure_equilibria(self.prior, us, ur, tol=tol)
        if mixed and len(self.sender_types) == 2:
            found += _pbe.semi_separating_equilibria(self.prior, us, ur, tol=tol)
        return ResultList(self._wrap(c, k) for k, c in enumerate(found))

    def _wrap(self, c: _pbe.Candidate, index: int) -> PerfectBayesianEquilibrium:
        types, messages = self.sender_types, self.messages
        sender = {t: dict(zip(messages, c.sender[i], strict=True)) for i, t in enumerate(types)}
        receiver = {
            m: dict(zip(self.actions[j], c.receiver[j], strict=True))
            for j, m in enumerate(messages)
        }
        beliefs = {
            m: dict(zip(types, belief, strict=True))
            for m, belief in zip(messages, c.beliefs, strict=True)
            if belief is not None
        }
        off_path = {}
        for j, region in c.off_path.items():
            m = messages[j]
            symbols = {t: sp.Symbol(f"mu[{t}|{m}]") for t in types}
            weights = [symbols[t] for t in types]
            if region.interval is not None:
                lo, hi = region.interval
                condition: sp.Basic = sp.And(
                    *([] if lo == 0 else [weights[0] >= lo]),
                    *([] if hi == 1 else [weights[0] <= hi]),
                )
            else:
                condition = sp.And(
                    *(
                        _pbe.weakly_greater(
                            sp.Add(*(w * x for w, x in zip(weights, coeffs, strict=True))), 0
                        )
                        for coeffs, _ in region.constraints
                    )
                )
            action = self.actions[j][next(k for k, q in enumerate(c.receiver[j]) if q != 0)]
            off_path[m] = OffPathBeliefs(
                message=m,
                action=action,
                symbols=symbols,
                condition=condition,
                interval=region.interval,
                about=types[0] if len(types) == 2 else None,
            )
        if c.mixed:
            kind = "semi-separating"
        else:
            sent = [self.messages[c.sender[i].index(1)] for i in range(len(types))]
            if len(set(sent)) == len(sent):
                kind = "separating"
            elif len(set(sent)) == 1:
                kind = "pooling"
            else:
                kind = "partially pooling"
        return PerfectBayesianEquilibrium(
            kind=kind,
            sender=sender,
            receiver=receiver,
            beliefs=beliefs,
            off_path=off_path,
            condition=c.condition,
            sender_payoffs=dict(zip(types, c.sender_payoffs, strict=True)),
            receiver_payoff=c.receiver_payoff,
            players=self.players,
            index=index,
        )

    def intuitive_criterion(
        self,
        equilibria: Sequence[PerfectBayesianEquilibrium] | None = None,
        *,
        tol: float = DEFAULT_TOL,
    ) -> ResultList[IntuitiveCriterion]:
        """The Cho–Kreps intuitive criterion for each perfect Bayesian equilibrium.

        For an unsent message, a type is ruled out when even its favourite
        best reply (to any belief) would pay it less than its equilibrium
        payoff; the equilibrium fails when some type not ruled out would gain
        from the message whatever best reply to beliefs on the remaining types
        followed. Equilibria in which every message is sent pass.

        Parameters
        ----------
        equilibria
            The equilibria to test; by default all of :meth:`perfect_bayesian_equilibria`.

        Returns
        -------
        ResultList of IntuitiveCriterion
            One per equilibrium, in order; ``.survives`` is ``True``/``False``
            in a numeric game and a sympy condition otherwise.

        References
        ----------
        Cho and Kreps (1987); Fudenberg and Tirole (1991), section 11.2.
        """
        if equilibria is None:
            equilibria = self.perfect_bayesian_equilibria(tol=tol)
        us, ur = self._tables()
        out = []
        for eq in equilibria:
            if not isinstance(eq, PerfectBayesianEquilibrium):
                raise InvalidGameError(
                    "intuitive_criterion() takes equilibria from perfect_bayesian_equilibria(); "
                    f"got {type(eq).__name__}"
                )
            payoffs, off_path = self._own(eq)
            test = _pbe.intuitive_criterion(self.prior, us, ur, payoffs, off_path, tol=tol)
            out.append(
                IntuitiveCriterion(
                    equilibrium=eq,
                    survives=test.survives,
                    eliminated={
                        self.messages[m]: tuple(self.sender_types[t] for t in ts)
                        for m, ts in test.eliminated.items()
                    },
                    deviators={
                        self.messages[m]: tuple(self.sender_types[t] for t in ts)
                        for m, ts in test.deviators.items()
                    },
                )
            )
        return ResultList(out)

    def _own(self, eq: PerfectBayesianEquilibrium) -> tuple[tuple[Any, ...], list[int]]:
        """The type payoffs and off-path message indices of one of this game's equilibria."""
        if set(eq.sender_payoffs) != set(self.sender_types) or not set(eq.off_path) <= set(
            self.messages
        ):
            raise InvalidGameError(
                "this equilibrium does not belong to this game (its types or messages differ); "
                "pass equilibria from this game's perfect_bayesian_equilibria()"
            )
        payoffs = tuple(eq.sender_payoffs[t] for t in self.sender_types)
        return payoffs, [self.messages.index(m) for m in eq.off_path]

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        return display.short(self)

    def __str__(self) -> str:
        return display.text(self)

    def _repr_html_(self) -> str:
        return display.html(self)


# ---------------------------------------------------------------------- input readers
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


def _read_prior(prior: Any, types: tuple[str, ...]) -> tuple[sp.Expr, ...]:
    if isinstance(prior, Mapping):
        missing = [t for t in types if t not in prior]
        extra = [k for k in prior if k not in types]
        if missing or extra:
            raise InvalidGameError(
                "the prior must give one probability per type "
                + ", ".join(types)
                + (f"; missing {', '.join(missing)}" if missing else "")
                + (f"; unknown {', '.join(map(str, extra))}" if extra else "")
            )
        values = [prior[t] for t in types]
    elif isinstance(prior, str) or not isinstance(prior, Sequence):
        raise InvalidGameError(
            f"the prior must be a sequence or a mapping {{type: probability}}; got {prior!r}"
        )
    else:
        values = list(prior)
        if len(values) != len(types):
            raise InvalidGameError(
                f"the prior has {len(values)} probabilities but there are {len(types)} types "
                f"({', '.join(types)}); give one per type"
            )
    probs = check_prior(values, "the prior")
    for t, p in zip(types, probs, strict=True):
        if p.is_number and p == 0:
            raise InvalidGameError(f"type {t!r} has prior probability 0; drop it from sender_types")
    return probs


def _read_messages(messages: Any, types: tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(messages, Mapping):
        missing = [t for t in types if t not in messages]
        if missing:
            raise InvalidGameError(
                f"the messages of type(s) {', '.join(missing)} are missing; give every type the "
                "same messages"
            )
        sets = {t: _labels(messages[t], f"the messages of {t!r}") for t in types}
        first = sets[types[0]]
        for t in types[1:]:
            if set(sets[t]) != set(first):
                raise InvalidGameError(
                    f"the message space differs between types: {types[0]!r} can send "
                    f"{', '.join(first)} but {t!r} can send {', '.join(sets[t])}. The receiver "
                    "would learn the type from what can be sent; give every type the same "
                    "messages and make a message unattractive to a type through its payoffs"
                )
        return first
    return _labels(messages, "messages")


def _read_actions(actions: Any, messages: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    if isinstance(actions, Mapping):
        missing = [m for m in messages if m not in actions]
        extra = [k for k in actions if k not in messages]
        if missing or extra:
            raise InvalidGameError(
                "actions must give the receiver's actions after every message "
                + ", ".join(messages)
                + (f"; missing {', '.join(missing)}" if missing else "")
                + (f"; unknown {', '.join(map(str, extra))}" if extra else "")
            )
        return tuple(_labels(actions[m], f"the actions after {m!r}") for m in messages)
    labels = _labels(actions, "actions")
    return tuple(labels for _ in messages)


def _read_payoffs(
    payoffs: Any,
    types: tuple[str, ...],
    messages: tuple[str, ...],
    actions: tuple[tuple[str, ...], ...],
) -> tuple[tuple[tuple[tuple[sp.Expr, sp.Expr], ...], ...], ...]:
    if isinstance(payoffs, Mapping):
        known = {(t, m, a) for t in types for j, m in enumerate(messages) for a in actions[j]}
        extra = [k for k in payoffs if k not in known]
        if extra:
            raise InvalidGameError(
                f"payoffs are given for {extra[0]!r}, which is not a (type, message, action) of "
                "this game"
            )

        def get(t: str, m: str, a: str) -> Any:
            if (t, m, a) not in payoffs:
                raise InvalidGameError(
                    f"no payoffs for type {t!r}, message {m!r}, action {a!r}; give "
                    "(sender payoff, receiver payoff) for every combination"
                )
            return payoffs[(t, m, a)]

    elif callable(payoffs):
        get = payoffs
    else:
        raise InvalidGameError(
            "payoffs must be a mapping {(type, message, action): (sender, receiver)} or a "
            f"function payoff(type, message, action); got {type(payoffs).__name__}"
        )
    table = []
    for t in types:
        per_type = []
        for j, m in enumerate(messages):
            per_message = []
            for a in actions[j]:
                pair = get(t, m, a)
                if isinstance(pair, str) or not isinstance(pair, Sequence) or len(pair) != 2:
                    raise InvalidGameError(
                        f"the payoffs of type {t!r}, message {m!r}, action {a!r} must be a pair "
                        f"(sender, receiver); got {pair!r}"
                    )
                per_message.append(
                    (
                        as_number(pair[0], f"the sender's payoff at ({t}, {m}, {a})"),
                        as_number(pair[1], f"the receiver's payoff at ({t}, {m}, {a})"),
                    )
                )
            per_type.append(tuple(per_message))
        table.append(tuple(per_type))
    return tuple(table)
