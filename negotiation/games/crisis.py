"""Crisis bargaining under private information: audience costs, attrition, screening.

Three small models of what each side of a negotiation does not know, each
symbolic in its prior and its costs:

* :class:`CrisisBargaining`: a leader threatens in public; backing down
  afterwards costs it an *audience cost*; the target does not know whether the
  leader is resolved (after Fearon 1994, 1997). :func:`october_2025` sets it up
  for the 10 October 2025 tariff threat.
* :func:`war_of_attrition`: two sides with private costs of holding out, two
  types each, a few discrete rounds: who concedes when (Maynard Smith 1974;
  Fudenberg and Tirole 1991, section 4.5.2).
* :func:`up_front_screening`: the US chooses the terms of its relief without
  knowing whether China will keep renewing licences.

All payoff numbers are stylised (illustrative, not estimated) and exposed as
parameters.

References
----------
J. D. Fearon (1994), "Domestic political audiences and the escalation of
international disputes", *American Political Science Review* 88(3): 577-592.
J. D. Fearon (1997), "Signaling foreign policy interests: tying hands versus
sinking costs", *Journal of Conflict Resolution* 41(1): 68-90.
J. Maynard Smith (1974), "The theory of games and the evolution of animal
conflicts", *Journal of Theoretical Biology* 47(1): 209-221.
D. Fudenberg and J. Tirole (1991), *Game Theory*, sections 4.5 and 8.2.

Examples
--------
>>> import sympy as sp
>>> from negotiation.games.crisis import CrisisBargaining
>>> crisis = CrisisBargaining()
>>> crisis.resolve_condition()
a >= c
>>> crisis.deterrence_condition()
(a >= c) | (k*p >= 1)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from negotiation.display.tables import ResultList
from negotiation.errors import InvalidGameError
from negotiation.games.bayesian import BayesianGame
from negotiation.games.extensive import Chance, Decision, GameTree, Terminal
from negotiation.games.signalling import PerfectBayesianEquilibrium, SignallingGame
from negotiation.solvers.bayes_nash import tidy_bounds
from negotiation.symbolic import as_number, free_parameters, normalise_substitution

__all__ = [
    "CrisisBargaining",
    "october_2025",
    "up_front_screening",
    "war_of_attrition",
]

_POSITIVE = {"positive": True}


def _symbol(name: str) -> sp.Symbol:
    return sp.Symbol(name, **_POSITIVE)


# ---------------------------------------------------------------------- crisis bargaining
@dataclass(frozen=True)
class CrisisBargaining:
    """A public threat, a cost of backing down, a target uncertain about resolve.

    The challenger is *resolved* with probability ``prior`` (it would rather
    fight than lose the stake) or *irresolute* (fighting costs it
    ``war_cost``). It threatens or stays quiet. After a threat the target
    concedes the stake or resists; after resistance the challenger fights or
    backs down, and backing down from a public threat costs it
    ``audience_cost``. The stake is worth 1 to each side.

    Payoffs (challenger, target):

    * no threat (status quo): ``(0, 0)``;
    * threat, target concedes: ``(1, -1)``;
    * threat, target resists, challenger fights: ``(war_value, -target_war_cost)``
      if resolved, ``(-war_cost, -target_war_cost)`` if irresolute;
    * threat, target resists, challenger backs down: ``(-audience_cost, 0)``.

    A threatening leader fights rather than backs down when the audience cost
    exceeds its cost of war (:meth:`resolve_condition`, Fearon's point: going
    public ties its hands); the resolved type always fights.

    Parameters
    ----------
    prior
        The probability that the challenger is resolved (``p``).
    audience_cost
        The domestic cost of backing down from a public threat (``a``).
    war_cost
        The irresolute challenger's cost of fighting (``c``).
    war_value
        The resolved challenger's payoff from fighting (``w``, at least 0).
    target_war_cost
        The target's cost of fighting (``k``); above 1, a target sure of a
        fight concedes.
    players
        The challenger's and the target's names.

    References
    ----------
    Fearon (1994, 1997); Schultz (2001), *Democracy and Coercive Diplomacy*, ch. 2.

    Examples
    --------
    >>> import sympy as sp
    >>> c = CrisisBargaining(prior=sp.Rational(1, 5), audience_cost=1, war_cost=2,
    ...                      war_value=1, target_war_cost=2)
    >>> (eq,) = c.perfect_bayesian_equilibria()
    >>> eq.kind, eq.sender["irresolute"]["Threaten"], eq.receiver["Threaten"]["Resist"]
    ('semi-separating', 1/4, 1/2)
    """

    prior: Any = field(default_factory=lambda: _symbol("p"))
    audience_cost: Any = field(default_factory=lambda: _symbol("a"))
    war_cost: Any = field(default_factory=lambda: _symbol("c"))
    war_value: Any = field(default_factory=lambda: sp.Integer(1))
    target_war_cost: Any = field(default_factory=lambda: _symbol("k"))
    players: tuple[str, str] = ("Challenger", "Target")

    def __post_init__(self) -> None:
        for name in ("prior", "audience_cost", "war_cost", "war_value", "target_war_cost"):
            value = as_number(getattr(self, name), name)
            if value.is_number and value < 0:
                raise InvalidGameError(f"{name} is {value}; it must not be negative")
            object.__setattr__(self, name, value)
        p = self.prior
        if p.is_number and not 0 < p < 1:
            raise InvalidGameError(
                f"prior is {p}; the probability that the challenger is resolved lies strictly "
                "between 0 and 1"
            )
        k = self.target_war_cost
        if k.is_number and k <= 1:
            raise InvalidGameError(
                f"target_war_cost is {k}; the model needs it above 1 (a target sure of a fight "
                "concedes the stake), e.g. 2"
            )
        if (
            not isinstance(self.players, Sequence)
            or isinstance(self.players, str)
            or len(self.players) != 2
        ):
            raise InvalidGameError(f"players must be two names; got {self.players!r}")
        object.__setattr__(self, "players", tuple(self.players))

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free symbols, ordered by name."""
        return free_parameters(
            self.prior, self.audience_cost, self.war_cost, self.war_value, self.target_war_cost
        )

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> CrisisBargaining:
        """The same crisis with some parameters given values.

        Examples
        --------
        >>> CrisisBargaining().subs(p=sp.Rational(1, 2)).prior
        1/2
        """
        mapping = normalise_substitution(self.parameters, values, kwargs)
        return dataclasses.replace(
            self,
            **{
                name: getattr(self, name).subs(mapping)
                for name in ("prior", "audience_cost", "war_cost", "war_value", "target_war_cost")
            },
        )

    def resolve_condition(self) -> sp.Basic:
        """Fearon's audience-cost condition: the irresolute leader fights once it has gone public.

        Backing down costs ``audience_cost``, fighting costs ``war_cost``, so it
        fights iff ``audience_cost >= war_cost``.
        """
        return tidy_bounds(sp.Ge(self.audience_cost, self.war_cost))

    def tree(self) -> GameTree:
        """The whole game as a tree (nature, threat, response, fight or back down).

        Examples
        --------
        >>> t = CrisisBargaining().tree()
        >>> [s.name for s in t.information_sets][:3]
        ['Challenger (resolved)', 'Target after Threaten', 'Challenger (resolved) resisted']
        """
        ch, tg = self.players
        k = self.target_war_cost
        branches = {}
        for t, prob, fight in (
            ("resolved", self.prior, self.war_value),
            ("irresolute", 1 - self.prior, -self.war_cost),
        ):
            last = Decision(
                ch,
                {
                    "Fight": Terminal((fight, -k)),
                    "Back down": Terminal((-self.audience_cost, 0)),
                },
                infoset=f"{ch} ({t}) resisted",
            )
            threat = Decision(
                tg,
                {"Concede": Terminal((1, -1)), "Resist": last},
                infoset=f"{tg} after Threaten",
            )
            branches[t] = (
                prob,
                Decision(
                    ch,
                    {"Threaten": threat, "Stay quiet": Terminal((0, 0))},
                    infoset=f"{ch} ({t})",
                ),
            )
        return GameTree(Chance(branches), players=self.players, name="Crisis bargaining")

    def signalling_game(self, *, irresolute_fights: bool) -> SignallingGame:
        """The signalling game once the challenger's last move is settled.

        Parameters
        ----------
        irresolute_fights
            Whether the irresolute type fights after resistance (the case
            :meth:`resolve_condition` holds) or backs down.
        """
        ch, tg = self.players
        k = self.target_war_cost
        fights = {"resolved": True, "irresolute": irresolute_fights}
        value = {"resolved": self.war_value, "irresolute": -self.war_cost}

        def payoff(t: str, m: str, a: str) -> tuple[sp.Expr, sp.Expr]:
            if m == "Stay quiet":
                return (sp.Integer(0), sp.Integer(0))
            if a == "Concede":
                return (sp.Integer(1), sp.Integer(-1))
            if fights[t]:
                return (value[t], -k)
            return (-self.audience_cost, sp.Integer(0))

        return SignallingGame(
            ("resolved", "irresolute"),
            (self.prior, 1 - self.prior),
            ("Threaten", "Stay quiet"),
            {"Threaten": ("Concede", "Resist"), "Stay quiet": ("Status quo",)},
            payoff,
            players=(ch, tg),
            name="Crisis bargaining",
        )

    def perfect_bayesian_equilibria(self) -> ResultList[PerfectBayesianEquilibrium]:
        """The perfect Bayesian equilibria, each with the audience-cost regime in its condition.

        Where ``audience_cost >= war_cost`` the irresolute type fights after a
        threat (its hands are tied); otherwise it backs down. The equilibria of
        both regimes are listed, each condition joined with its regime's.
        """
        out = []
        regimes = (
            (True, sp.Ge(self.audience_cost, self.war_cost)),
            (False, sp.Lt(self.audience_cost, self.war_cost)),
        )
        for fights, regime in regimes:
            if regime is sp.false:
                continue
            for eq in self.signalling_game(irresolute_fights=fights).perfect_bayesian_equilibria():
                condition = tidy_bounds(sp.And(regime, eq.condition, *self._assumptions()))
                if condition is sp.false:
                    continue
                condition = _strip_assumptions(condition, self)
                out.append(dataclasses.replace(eq, condition=condition))
        return ResultList(out)

    def _assumptions(self) -> list[sp.Basic]:
        out = [sp.Gt(self.target_war_cost, 1)]
        if not self.prior.is_number:
            out += [sp.Gt(self.prior, 0), sp.Lt(self.prior, 1)]
        return [c for c in out if c is not sp.true]

    def deterrence_condition(self) -> sp.Basic:
        """Where a threat deters for sure: every type threatens and the target concedes.

        Examples
        --------
        >>> CrisisBargaining(target_war_cost=2).deterrence_condition()
        (a >= c) | (p >= 1/2)
        """
        parts = []
        for eq in self.perfect_bayesian_equilibria():
            if (
                eq.is_pure
                and eq.kind == "pooling"
                and eq.message("resolved") == "Threaten"
                and eq.response("Threaten") == "Concede"
            ):
                parts.append(eq.condition)
        return _simplify_deterrence(sp.Or(*parts), self)

    def bluffing(self) -> dict[str, sp.Expr]:
        """The semi-separating equilibrium where the prior is too low to deter for sure.

        Returns
        -------
        dict
            ``"bluff"``: the probability that the irresolute type threatens;
            ``"resist"``: the probability that the target resists a threat;
            ``"deters"``: the probability that a threat makes the target
            concede; ``"war"``: the probability of a fight. Valid where the
            irresolute type backs down (``audience_cost < war_cost``) and
            ``prior < 1 / target_war_cost``.

        Examples
        --------
        >>> CrisisBargaining().bluffing()["resist"]
        1/(a + 1)
        """
        game = self.signalling_game(irresolute_fights=False)
        for eq in game.perfect_bayesian_equilibria():
            if eq.kind == "semi-separating" and eq.sender["resolved"]["Threaten"] == 1:
                resist = eq.receiver["Threaten"]["Resist"]
                return {
                    "bluff": _readable_ratio(eq.sender["irresolute"]["Threaten"]),
                    "resist": resist,
                    "deters": sp.factor(1 - resist),
                    "war": sp.factor(self.prior * resist),
                }
        raise InvalidGameError(
            "this crisis has no semi-separating equilibrium (the prior is high enough to deter "
            "for sure, or the audience cost locks the irresolute leader in); see "
            "deterrence_condition()"
        )


def _readable_ratio(x: sp.Expr) -> sp.Expr:
    """``-4*p/(p - 1)`` as ``4*p/(1 - p)``."""
    num, den = sp.fraction(sp.factor(x))
    if num.could_extract_minus_sign():
        num, den = -num, sp.expand(-den)
    return num / den


def _strip_assumptions(condition: sp.Basic, crisis: CrisisBargaining) -> sp.Basic:
    """Drop the model's standing assumptions (k > 1, 0 < p < 1) from a condition."""
    assumed = set(crisis._assumptions())

    def strip(c: sp.Basic) -> sp.Basic:
        if c in assumed:
            return sp.true
        if isinstance(c, sp.And):
            return sp.And(*(strip(x) for x in c.args if x not in assumed))
        if isinstance(c, sp.Or):
            return sp.Or(*(strip(x) for x in c.args))
        return c

    return strip(condition)


def _simplify_deterrence(condition: sp.Basic, crisis: CrisisBargaining) -> sp.Basic:
    """The deterrence condition without standing assumptions or the redundant regime."""
    stripped = _strip_assumptions(condition, crisis)
    if isinstance(stripped, sp.Or):
        args = list(stripped.args)
        # (a >= c) | ((a < c) & X) is (a >= c) | X
        regime = sp.Ge(crisis.audience_cost, crisis.war_cost)
        if regime in args:
            args = [
                sp.And(*(x for x in sp.And.make_args(arg) if x != regime.negated)) for arg in args
            ]
        return sp.Or(*args)
    return stripped


# ---------------------------------------------------------------------- war of attrition
def war_of_attrition(
    rounds: int = 2,
    prize: Any = 4,
    costs: Mapping[str, Any] | None = None,
    priors: Sequence[Any] | None = None,
    *,
    players: tuple[str, str] = ("US", "China"),
) -> BayesianGame:
    """A war of attrition: each side holds out for some rounds; the first to quit loses the prize.

    Each side is *tough* (low cost per round of holding out) or *soft* (high
    cost), privately. A side's action is how many rounds it will hold out,
    ``0`` to ``rounds`` (``rounds`` meaning it never quits within the
    horizon). The side that quits first after ``s`` rounds gets ``-cost * s``
    and the other ``prize - its cost * s``; if both quit at once (or both hold
    out to the end) they split the prize, each paying its cost for ``s``
    rounds.

    Parameters
    ----------
    rounds
        The number of rounds (at least 1).
    prize
        The value of winning (numbers or sympy expressions).
    costs
        ``{"tough": cost per round, "soft": cost per round}``; defaults 1 and 3.
    priors
        The probability that each side is tough; default 1/2 each.
    players
        The two sides' names.

    Returns
    -------
    BayesianGame
        Actions labelled ``"quit at 0"``, ``"quit at 1"``, ..., ``"hold out"``.

    References
    ----------
    Maynard Smith (1974); Fudenberg and Tirole (1991), section 4.5.2; Fearon
    (1994) models crises as wars of attrition with rising audience costs.

    Examples
    --------
    >>> import negotiation as ng
    >>> g = war_of_attrition()
    >>> g.equilibrium_conditions([{"tough": "hold out", "soft": "quit at 0"}] * 2)
    True
    """
    if isinstance(rounds, bool) or not isinstance(rounds, int) or not 1 <= rounds <= 6:
        raise InvalidGameError(f"rounds must be a whole number from 1 to 6, not {rounds!r}")
    costs = dict(costs) if costs is not None else {"tough": 1, "soft": 3}
    if set(costs) != {"tough", "soft"}:
        raise InvalidGameError(
            f"costs must give a cost per round for 'tough' and 'soft'; got {sorted(costs)}"
        )
    cost = {t: as_number(v, f"the cost of a {t} side") for t, v in costs.items()}
    priors = list(priors) if priors is not None else [sp.Rational(1, 2)] * 2
    if len(priors) != 2:
        raise InvalidGameError(f"priors must give one probability per side; got {priors!r}")
    V = as_number(prize, "prize")
    labels = (*(f"quit at {s}" for s in range(rounds)), "hold out")

    def payoff(types: tuple[str, ...], actions: tuple[str, ...]) -> tuple[sp.Expr, sp.Expr]:
        s = [labels.index(a) for a in actions]
        c = [cost[t] for t in types]
        stop = min(s)
        if s[0] == s[1]:
            return (V / 2 - c[0] * stop, V / 2 - c[1] * stop)
        if s[0] < s[1]:
            return (-c[0] * stop, V - c[1] * stop)
        return (V - c[0] * stop, -c[1] * stop)

    return BayesianGame(
        [{"tough": q, "soft": 1 - q} for q in priors],
        [labels, labels],
        payoff,
        players=players,
        name="War of attrition",
    )


# ---------------------------------------------------------------------- screening
def up_front_screening(
    prior: Any = None,
    *,
    reward: Any = 3,
    loss: Any = -2,
    temptation: Any = 4,
    staging_cost: Any = 1,
) -> GameTree:
    """The US sets the terms of its relief without knowing if China will keep renewing licences.

    Nature makes China *committed* with probability ``prior``, or
    *opportunist*. The US, not knowing which, grants **full relief** up front
    (its export controls and visa limits lifted at once) or **staged
    relief** (a tranche at each six-month licence renewal). China then renews
    its rare-earth licences or lets them lapse (payoffs: US, China):

    * full relief, China renews: ``(reward, reward)``;
    * full relief, a committed China lets them lapse: ``(loss, 0)``;
    * full relief, an opportunist lets them lapse: ``(loss, temptation)``;
    * staged relief, China renews: ``(reward - staging_cost, reward - staging_cost)``;
    * staged relief, China lets them lapse: ``(0, 0)``.

    An opportunist who gets full relief keeps it and its lever, so it lets
    the licences lapse when ``temptation > reward``. Staged relief makes
    lapsing cost China the next tranche, so both types renew, but staging
    costs each side ``staging_cost``: the terms screen out the opportunist's
    temptation, at a price. The US grants full relief when the chance that
    China is committed is high enough.

    Parameters
    ----------
    prior
        The probability that China is committed; a symbol ``q`` by default.
    reward, loss, temptation, staging_cost
        Stylised payoffs (defaults 3, -2, 4, 1, as in the "up front" trust game).

    Returns
    -------
    GameTree
        Chance, then the US's information set ``"US terms"``, then China.

    Examples
    --------
    With the defaults the US grants full relief iff ``3q - 2(1 - q) >= 2``:

    >>> tree = up_front_screening()
    >>> tree.spe_conditions(["committed", "Full relief"])
    q >= 4/5
    """
    q = _symbol("q") if prior is None else as_number(prior, "prior")
    R, L, T, s = (
        as_number(v, n)
        for v, n in (
            (reward, "reward"),
            (loss, "loss"),
            (temptation, "temptation"),
            (staging_cost, "staging_cost"),
        )
    )
    branches = {}
    for t, prob in (("committed", q), ("opportunist", 1 - q)):
        full = Decision(
            "China",
            {
                "Renew": Terminal((R, R)),
                "Lapse": Terminal((L, 0 if t == "committed" else T)),
            },
        )
        staged = Decision("China", {"Renew": Terminal((R - s, R - s)), "Lapse": Terminal((0, 0))})
        branches[t] = (
            prob,
            Decision("US", {"Full relief": full, "Staged relief": staged}, infoset="US terms"),
        )
    return GameTree(Chance(branches), players=("US", "China"), name="Up-front screening")


# ---------------------------------------------------------------------- October 2025
def october_2025(
    prior: Any = None,
    audience_cost: Any = None,
    *,
    war_cost: Any = 3,
    war_value: Any = 0.5,
    target_war_cost: Any = 5,
) -> CrisisBargaining:
    """The 10 October 2025 threat of 100% more tariffs from 1 November as crisis bargaining.

    On 9 October 2025 China's MOFCOM (announcements 61 and 62) added five rare
    earths to its controls and, from 1 December, required licences for
    foreign goods with at least 0.1% Chinese rare-earth content. On 10 October
    the US President threatened an extra 100% tariff, and controls on
    critical software, from 1 November. At Busan on 30 October China paused
    the October controls for a year and the threat was dropped.

    The US is the challenger; China the target, which *concedes* by pausing
    its controls. The US is resolved (it would impose the tariff if resisted)
    with probability ``prior``; backing down from a public, dated threat
    costs it ``audience_cost``. A start date three weeks away lets a leader
    back down before the threat bites, which lowers the audience cost: the
    model shows what that does to deterrence and bluffing.

    Parameters
    ----------
    prior, audience_cost
        Symbols ``p`` and ``a`` by default.
    war_cost, war_value, target_war_cost
        Stylised, in units of the stake: the irresolute US's cost of imposing
        100% (3), the resolved US's value of it (1/2), China's cost (5, from
        the collision cost C = 10 against a gain W = 2 of the chicken game). Floats
        are read as the decimals they print as (0.5 is 1/2).

    Examples
    --------
    >>> oct = october_2025()
    >>> oct.deterrence_condition()
    (a >= 3) | (p >= 1/5)
    """
    return CrisisBargaining(
        prior=_symbol("p") if prior is None else prior,
        war_value=sp.Rational(str(war_value)) if isinstance(war_value, float) else war_value,
        audience_cost=_symbol("a") if audience_cost is None else audience_cost,
        war_cost=war_cost,
        target_war_cost=target_war_cost,
        players=("US", "China"),
    )
