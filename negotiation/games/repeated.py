"""Infinitely repeated games: when does a truce enforce itself?

A :class:`RepeatedGame` plays a two-player stage :class:`~negotiation.Game`
forever, with payoffs discounted by ``delta`` per round (a number in (0, 1) or
a sympy symbol). Cooperation on a target profile (the Geneva truce, the London
framework) is self-enforcing when the one-shot gain from deviating is worth
less than the discounted loss from the punishment that follows (Bagwell and
Staiger 1990):

    one-shot gain  <=  [delta / (1 - delta)] x (per-round loss from punishment)

For a prisoner's dilemma with ``T > R > P > S`` and grim trigger this gives the
critical discount factor ``(T - R) / (T - P)``; harsher punishments lower it
(Abreu 1988).

For each player ``i`` (with ``j`` the other) and target profile ``a``:

* ``R_i = u_i(a)``, the cooperative payoff;
* ``T_i = max_{x != a_i} u_i(x, a_j)``, the best one-shot deviation;
* ``P_i = max_x u_i(x, p_j)``, the payoff per round while ``j`` punishes with
  ``p_j``: the deviator best-responds to the punishment. When the punishment
  is a stage Nash equilibrium this is its payoff; when it is a harsher threat
  that is not an equilibrium (Game B's W/E), it is what the threat really costs.

Everything is computed with sympy, so symbolic payoffs give closed forms. Where
a comparison of symbolic payoffs decides the answer (which stage equilibrium is
worst, whether a deviation pays), pass the ordering with ``assuming=``, e.g.
``assuming=[T > R, R > P, P > S]``; linear consequences are derived exactly.

References
----------
K. Bagwell and R. W. Staiger (1990), "A Theory of Managed Trade", *AER* 80(4): 779-795.
D. Abreu (1988), "On the Theory of Infinitely Repeated Games with Discounting",
*Econometrica* 56(2): 383-396.
M. J. Osborne (2004), *An Introduction to Game Theory*, chapters 14-15.

Examples
--------
The stylised "Implementing Geneva" game: grim trigger sustains (L, D) from delta = 1/5,
and the harsher W/E punishment from 1/8.

>>> import negotiation as ng
>>> game_b = ng.Game([[3, -2, -6], [4, -1, -4], [1, -3, -7]],
...                  [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
...                  players=("US", "China"),
...                  strategies=(("L", "H", "E"), ("D", "S", "W")))
>>> rg = ng.RepeatedGame(game_b, 0.9)
>>> rg.critical_discount(("L", "D"))
1/5
>>> rg.critical_discount(("L", "D"), punishment=("E", "W"))
1/8
>>> rg.is_sustainable(("L", "D"))
True
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import sympy as sp

from negotiation import display
from negotiation.bargaining.geometry import clip_polygon, convex_hull
from negotiation.display.tables import Tabular
from negotiation.errors import (
    FreeParameterError,
    InvalidGameError,
    RepeatedGameError,
    UnknownLabelError,
)
from negotiation.games import penal_codes as _codes
from negotiation.games.normal_form import Game
from negotiation.solvers.tables import PayoffTables
from negotiation.symbolic import (
    as_number,
    bounded_simplify,
    free_parameters,
    normalise_substitution,
    require_numeric,
    to_fraction,
)

if TYPE_CHECKING:
    from negotiation.games.simulation import Simulation

__all__ = [
    "CREDIBLE_KINDS",
    "STRATEGIES",
    "CredibleDiscount",
    "Incentives",
    "Punishment",
    "RepeatedGame",
    "check_discount",
    "convex_hull",
    "default_punishment",
    "grim_trigger_threshold",
    "profile_indices",
    "punishment_threshold",
    "tit_for_tat_threshold",
]

#: The strategies whose critical discount factor has a closed form here.
STRATEGIES = ("grim_trigger", "tit_for_tat", "punish")
#: What a :class:`CredibleDiscount` can report (its ``kind``).
CREDIBLE_KINDS = ("stage_nash", "stick_and_carrot", "not_credible")
#: The longest punishment phase :meth:`RepeatedGame.credible_discount` considers.
MAX_PERIODS = 12
# The most (profile, length) punishments the search compares for each deviator.
_MAX_CANDIDATES = 2000
DEFAULT_TOL = 1e-9
DELTA = sp.Symbol("delta")


# ---------------------------------------------------------------------- deciding inequalities
class _Decider:
    """Decide ``a >= b`` from numbers, sympy assumptions and linear ``assuming`` facts."""

    def __init__(self, assuming: Any = None, tol: float = DEFAULT_TOL) -> None:
        self.tol = tol
        self.strict: list[sp.Expr] = []
        self.weak: list[sp.Expr] = []
        for fact in _facts(assuming):
            if isinstance(fact, sp.StrictGreaterThan | sp.StrictLessThan):
                self.strict.append(fact.gts - fact.lts)
            elif isinstance(fact, sp.GreaterThan | sp.LessThan):
                self.weak.append(fact.gts - fact.lts)
            elif isinstance(fact, sp.Equality):
                self.weak.extend([fact.lhs - fact.rhs, fact.rhs - fact.lhs])
            else:
                raise RepeatedGameError(
                    f"assuming= takes inequalities between payoffs such as T > R; got {fact}"
                )
        self.linear = all(_is_linear(e) for e in [*self.strict, *self.weak])
        self._memo: dict[tuple[sp.Expr, bool], bool | None] = {}

    def ge(self, a: Any, b: Any) -> bool | None:
        """``True`` if ``a >= b`` surely, ``False`` if ``a < b`` surely, else ``None``."""
        return self._sign(sp.sympify(a) - sp.sympify(b), strict=False)

    def gt(self, a: Any, b: Any) -> bool | None:
        """``True`` if ``a > b`` surely, ``False`` if ``a <= b`` surely, else ``None``."""
        return self._sign(sp.sympify(a) - sp.sympify(b), strict=True)

    def _sign(self, d: sp.Expr, strict: bool) -> bool | None:
        if not d.free_symbols:
            if d.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
                return None
            if d.has(sp.Float):
                value = float(d)
                return value > self.tol if strict else value >= -self.tol
            return bool(d > 0) if strict else bool(d >= 0)
        key = (d, strict)
        if key not in self._memo:
            self._memo[key] = self._decide(d, strict)
        return self._memo[key]

    def _decide(self, d: sp.Expr, strict: bool) -> bool | None:
        d = sp.expand(d)
        if strict:
            if d.is_positive:
                return True
            if d.is_nonpositive:
                return False
        else:
            if d.is_nonnegative:
                return True
            if d.is_negative:
                return False
        if (self.strict or self.weak) and self.linear and _is_linear(d):
            # "d >= 0" holds surely iff {facts, d < 0} is empty, and fails surely iff
            # {facts, d >= 0} is empty ("d > 0": swap strict and weak).
            if strict:
                holds = not _feasible(self.strict, [*self.weak, -d])
                fails = not _feasible([*self.strict, d], self.weak)
            else:
                holds = not _feasible([*self.strict, -d], self.weak)
                fails = not _feasible(self.strict, [*self.weak, d])
            if holds:
                return True
            if fails:
                return False
        return None

    def max(self, values: Sequence[sp.Expr]) -> sp.Expr:
        """The largest value, dropping those surely below another; ``Max`` of what is left."""
        keep: list[sp.Expr] = []
        for v in values:
            if any(self.ge(k, v) for k in keep):
                continue
            keep = [k for k in keep if not self.ge(v, k)]
            keep.append(v)
        return keep[0] if len(keep) == 1 else sp.Max(*keep)

    def condition(self, a: sp.Expr, b: sp.Expr) -> sp.Basic:
        """``a >= b`` as a sympy Boolean, decided where possible."""
        verdict = self.ge(a, b)
        if verdict is None:
            return sp.Ge(a, b)
        return sp.true if verdict else sp.false


def _facts(assuming: Any) -> list[sp.Basic]:
    if assuming is None or assuming is True or assuming is sp.true:
        return []
    if isinstance(assuming, sp.And):
        return [f for arg in assuming.args for f in _facts(arg)]
    if isinstance(assuming, sp.Basic):
        return [assuming]
    if isinstance(assuming, Iterable) and not isinstance(assuming, str):
        return [f for item in assuming for f in _facts(sp.sympify(item))]
    raise RepeatedGameError(
        f"assuming= takes a sympy condition or a list of them, e.g. [T > R, R > P]; got {assuming!r}"
    )


def _linear_form(expr: sp.Expr) -> tuple[dict[sp.Symbol, Fraction], Fraction] | None:
    """``expr`` as (rational coefficients, constant) if it is linear with rational coefficients."""
    expr = sp.expand(expr)
    symbols = sorted(expr.free_symbols, key=str)
    if not symbols:
        return ({}, to_fraction(expr)) if expr.is_Rational else None
    try:
        poly = sp.Poly(expr, *symbols)
    except sp.PolynomialError:
        return None
    if poly.total_degree() > 1 or not all(c.is_Rational for c in poly.coeffs()):
        return None
    coeffs: dict[sp.Symbol, Fraction] = {}
    constant = Fraction(0)
    for monom, c in poly.terms():
        if sum(monom) == 0:
            constant = to_fraction(c)
        else:
            coeffs[symbols[monom.index(1)]] = to_fraction(c)
    return coeffs, constant


def _is_linear(expr: sp.Expr) -> bool:
    return _linear_form(expr) is not None


def _feasible(strict: list[sp.Expr], weak: list[sp.Expr]) -> bool:
    """Whether ``{e > 0 for e in strict} and {e >= 0 for e in weak}`` has a real solution.

    Exact Fourier-Motzkin elimination over the rationals: eliminating a variable
    combines each constraint where it has a positive coefficient with each where
    it has a negative one (strict if either is). The systems here are a handful
    of payoff orderings, so the elimination stays small.
    """
    rows: list[tuple[dict[sp.Symbol, Fraction], Fraction, bool]] = []
    for exprs, is_strict in ((strict, True), (weak, False)):
        for e in exprs:
            form = _linear_form(e)
            if form is None:  # pragma: no cover - callers check linearity first
                raise ValueError(f"{e} is not linear")
            rows.append((form[0], form[1], is_strict))
    variables = sorted({v for coeffs, _, _ in rows for v in coeffs}, key=str)
    for v in variables:
        pos = [r for r in rows if r[0].get(v, 0) > 0]
        neg = [r for r in rows if r[0].get(v, 0) < 0]
        rows = [r for r in rows if r[0].get(v, 0) == 0]
        for cp, kp, sp_ in pos:
            for cn, kn, sn in neg:
                a, b = cp[v], -cn[v]
                coeffs = {
                    w: cp.get(w, 0) / a + cn.get(w, 0) / b for w in set(cp) | set(cn) if w != v
                }
                coeffs = {w: c for w, c in coeffs.items() if c != 0}
                rows.append((coeffs, kp / a + kn / b, sp_ or sn))
    return all((k > 0) if is_strict else (k >= 0) for _, k, is_strict in rows)


# ---------------------------------------------------------------------- kernels
def grim_trigger_threshold(T: Any, R: Any, P: Any) -> sp.Expr:
    """The smallest delta with ``R/(1-delta) >= T + delta P/(1-delta)``: ``(T - R)/(T - P)``.

    Examples
    --------
    >>> import sympy as sp
    >>> T, R, P = sp.symbols("T R P")
    >>> grim_trigger_threshold(T, R, P)
    (-R + T)/(-P + T)
    >>> grim_trigger_threshold(10, 0, -30)
    1/4
    """
    return sp.sympify(T - R) / sp.sympify(T - P)


def tit_for_tat_threshold(T: Any, R: Any, P: Any, S: Any) -> sp.Expr:
    """The smallest delta at which tit-for-tat against tit-for-tat is a Nash equilibrium.

    Against tit-for-tat a player's best deviations are to defect forever,
    which needs ``delta >= (T - R)/(T - P)``, or to alternate defecting and
    cooperating, which needs ``delta >= (T - R)/(R - S)``. Here ``P`` is the
    best payoff against the punisher's action other than cooperating and ``S``
    the payoff of cooperating against it.

    References
    ----------
    Osborne (2004), section 14.7.3.

    Examples
    --------
    >>> tit_for_tat_threshold(5, 3, 1, 0)
    2/3
    """
    return sp.Max(grim_trigger_threshold(T, R, P), sp.sympify(T - R) / sp.sympify(R - S))


def punishment_threshold(T: Any, R: Any, P: Any, periods: int) -> sp.Expr:
    """The smallest delta with ``T - R <= (R - P)(delta + ... + delta**periods)``.

    A deviation gains ``T - R`` once and then loses ``R - P`` in each of the
    ``periods`` rounds of punishment. Closed forms for one or two periods;
    for more, numeric payoffs give the exact root.

    Raises
    ------
    FreeParameterError
        For ``periods > 2`` with symbolic payoffs (use ``is_sustainable`` for
        the condition instead).

    Examples
    --------
    >>> punishment_threshold(4, 3, -1, 1)
    1/4
    >>> punishment_threshold(4, 3, -1, 2)
    -1/2 + sqrt(2)/2
    """
    gain, loss = sp.sympify(T - R), sp.sympify(R - P)
    if periods == 1:
        return gain / loss
    if periods == 2:
        return (sp.sqrt(1 + 4 * gain / loss) - 1) / 2
    d = sp.Dummy("delta")
    poly = loss * sum(d**k for k in range(1, periods + 1)) - gain
    if poly.free_symbols - {d}:
        names = ", ".join(sorted(str(s) for s in poly.free_symbols - {d}))
        raise FreeParameterError(
            f"the critical discount for a {periods}-period punishment is a root of a degree-"
            f"{periods} polynomial with no closed form; give numbers for {names} with "
            "subs(...), or use is_sustainable(...) for the condition"
        )
    roots = [r for r in sp.Poly(poly, d).real_roots() if r > 0]
    return roots[0] if roots else sp.Integer(0)


# ---------------------------------------------------------------------- results
@dataclass(frozen=True)
class Incentives:
    """What one player weighs when tempted to leave the target profile.

    Attributes
    ----------
    player
        The player's name.
    cooperate
        ``R``: the stage payoff at the target profile.
    deviate
        ``T``: the best one-shot payoff from deviating.
    deviation
        The strategy that achieves ``deviate`` (the first, if several).
    punish
        ``P``: the payoff per round while the other player punishes (the
        deviator best-responds to the punishment).
    punisher
        The other player's punishment: a strategy label, or a mixed strategy
        (a tuple of probabilities) from a mixed stage equilibrium.
    """

    player: str
    cooperate: sp.Expr
    deviate: sp.Expr
    deviation: str
    punish: sp.Expr
    punisher: str | tuple[sp.Expr, ...]

    @property
    def gain(self) -> sp.Expr:
        """The one-shot gain from deviating, ``T - R``."""
        return self.deviate - self.cooperate

    @property
    def loss(self) -> sp.Expr:
        """The per-round loss while punished, ``R - P``."""
        return self.cooperate - self.punish


@dataclass(frozen=True)
class Punishment:
    """What follows a deviation by ``deviator`` in a credible code: a profile, then the target.

    Attributes
    ----------
    deviator
        The player whose deviation starts it.
    profile
        The punishment profile as labels, or (a mixed stage equilibrium) the
        two mixed strategies as tuples of probabilities.
    periods
        How many rounds it is played before play returns to the target;
        ``None`` for ever (Nash reversion). A deviation from it starts the
        deviator's punishment again.
    stage_nash
        Whether the profile is a Nash equilibrium of the stage game (then no
        one ever gains by leaving it within a round).
    """

    deviator: str
    profile: tuple[Any, Any]
    periods: int | None
    stage_nash: bool

    def __str__(self) -> str:
        return display.text(self)


@dataclass(frozen=True)
class CredibleDiscount(Tabular):
    """The lowest discount factor at which a *credible* punishment sustains a target.

    A punishment is credible when carrying it out is itself an equilibrium of
    the continuation game: a stage Nash equilibrium played for ever (or for
    some rounds), or a stick and carrot, a harsher profile played for a few
    rounds and restarted after any deviation, whose return to the target
    makes everyone play along (Abreu's simple penal codes).

    Attributes
    ----------
    delta
        The smallest ``delta*`` such that the code is a subgame-perfect
        equilibrium for every discount factor in ``[delta*, 1)``; ``oo`` when
        no credible punishment considered works.
    kind
        ``"stage_nash"`` (every punishment is a stage Nash equilibrium),
        ``"stick_and_carrot"`` (some punishment is not, and is enforced by its
        own restart) or ``"not_credible"`` (nothing considered works).
    punishments
        What follows a deviation by each player, in player order (for
        ``"not_credible"``: the named punishment carried out for ever, as
        :meth:`RepeatedGame.critical_discount` assumes).
    target
        The target profile, as labels.
    threat
        For a named punishment, the threshold when it is taken as a bare
        threat, carried out whatever it costs the punishers
        (:meth:`RepeatedGame.critical_discount`); ``None`` otherwise.

    Examples
    --------
    >>> import negotiation as ng
    >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
    >>> result = ng.RepeatedGame(pd).credible_discount(("C", "C"))
    >>> result.delta, result.kind, result.credible
    (1/2, 'stage_nash', True)
    >>> float(result)
    0.5
    """

    delta: sp.Expr
    kind: str
    punishments: tuple[Punishment, ...]
    target: tuple[str, str]
    threat: sp.Expr | None = None

    @property
    def credible(self) -> bool:
        """Whether a credible punishment sustains the target at some discount factor."""
        return self.kind != "not_credible"

    @property
    def reason(self) -> str:
        """A sentence a student can read."""
        target = f"({self.target[0]}, {self.target[1]})"
        if not self.credible:
            p = self.punishments[0].profile if self.punishments else None
            named = f" ({p[0]}, {p[1]})" if p else ""
            return (
                f"the punishment{named} is not a stage Nash equilibrium, and no stick and "
                f"carrot built on it sustains {target}: the threat is not credible"
            )
        how = "; ".join(str(p) for p in self.punishments)
        kind = "Nash reversion" if self.kind == "stage_nash" else "a stick and carrot"
        return f"{target} is sustained from delta = {self.delta} by {kind} ({how})"

    def __float__(self) -> float:
        return float(self.delta)

    def __str__(self) -> str:
        return display.text(self)


@dataclass(frozen=True)
class RepeatedGame:
    """A two-player stage game repeated forever with discount factor ``discount``.

    Parameters
    ----------
    stage_game
        The :class:`~negotiation.Game` played every round.
    discount
        The discount factor ``delta`` in (0, 1): a number or a sympy
        expression. Defaults to the symbol ``delta``.

    Raises
    ------
    RepeatedGameError
        If the stage game is not a ``Game`` or the discount lies outside (0, 1).

    Examples
    --------
    >>> import sympy as sp, negotiation as ng
    >>> game_a = ng.Game([[0, -40], [10, -30]], [[0, 10], [-90, -70]],
    ...                  players=("US", "China"),
    ...                  strategies=(("Truce", "Escalate"), ("Truce", "Escalate")))
    >>> rg = ng.RepeatedGame(game_a)
    >>> rg.discount
    delta
    >>> rg.critical_discounts(("Truce", "Truce"))
    (1/4, 1/8)
    >>> rg.is_sustainable(("Truce", "Truce"))
    delta >= 1/4
    """

    stage_game: Game
    discount: Any = field(default=DELTA)

    def __post_init__(self) -> None:
        if not isinstance(self.stage_game, Game):
            raise RepeatedGameError(
                f"the stage game must be a negotiation.Game; got {type(self.stage_game).__name__}"
            )
        object.__setattr__(self, "discount", check_discount(self.discount))

    # ------------------------------------------------------------------ basics
    @property
    def players(self) -> tuple[str, ...]:
        """The stage game's players."""
        return self.stage_game.players

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free symbols of the stage payoffs and the discount factor, ordered by name."""
        return free_parameters(
            self.stage_game.row_payoffs, self.stage_game.col_payoffs, self.discount
        )

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> RepeatedGame:
        """A new repeated game with parameters (payoffs or the discount) replaced by values.

        Examples
        --------
        >>> import negotiation as ng
        >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> ng.RepeatedGame(pd).subs(delta=0.9).discount
        0.900000000000000
        """
        mapping = normalise_substitution(self.parameters, values, kwargs)
        stage_mapping = {k: v for k, v in mapping.items() if k in self.stage_game.parameters}
        stage = self.stage_game.subs(stage_mapping) if stage_mapping else self.stage_game
        return RepeatedGame(stage, sp.sympify(self.discount).subs(mapping))

    def _u(self, player: int, row: int, col: int) -> sp.Expr:
        table = self.stage_game.row_payoffs if player == 0 else self.stage_game.col_payoffs
        return table[row, col]

    def _u_own(self, player: int, own: int, other: int) -> sp.Expr:
        return self._u(player, own, other) if player == 0 else self._u(player, other, own)

    def _profile(self, profile: Any, what: str = "profile") -> tuple[int, int]:
        if isinstance(profile, str) or not isinstance(profile, Sequence) or len(profile) != 2:
            s = self.stage_game.strategies
            raise UnknownLabelError(
                f"a {what} is a pair (row strategy, column strategy), e.g. "
                f"({s[0][0]!r}, {s[1][0]!r}); got {profile!r}"
            )
        return self.stage_game.index(0, profile[0]), self.stage_game.index(1, profile[1])

    # ------------------------------------------------------------------ incentives
    def incentives(
        self,
        profile: Sequence[int | str],
        strategy: str = "grim_trigger",
        *,
        punishment: Sequence[int | str] | None = None,
        assuming: Any = None,
    ) -> tuple[Incentives, Incentives]:
        """Each player's cooperative, deviation and punishment payoffs for ``profile``.

        Parameters
        ----------
        profile
            The target profile, ``(row strategy, column strategy)`` as labels or indices.
        strategy
            ``"grim_trigger"`` may punish with a mixed stage equilibrium;
            ``"tit_for_tat"`` and ``"punish"`` need a pure punishment.
        punishment
            The profile played to punish; by default the stage Nash equilibrium
            worst for the deviator.
        assuming
            Inequalities between parameters used to compare symbolic payoffs.

        Raises
        ------
        RepeatedGameError
            If the target is not better than the punishment for both players.

        Examples
        --------
        >>> import negotiation as ng
        >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> us, _ = ng.RepeatedGame(pd).incentives(("C", "C"))
        >>> us.cooperate, us.deviate, us.punish, us.gain, us.loss
        (3, 5, 1, 2, 2)
        """
        return self._incentives(profile, strategy, punishment, _Decider(assuming))

    def _incentives(
        self, profile: Any, strategy: str, punishment: Any, decider: _Decider
    ) -> tuple[Incentives, Incentives]:
        _check_strategy(strategy)
        target = self._profile(profile)
        pure_only = strategy != "grim_trigger"
        if punishment is not None:
            named = self._profile(punishment, "punishment")
            punishers: list[Any] = [named[1], named[0]]
        else:
            punishers = self._default_punishers(pure_only, decider)
        out = []
        labels = self.stage_game.strategies
        for i in (0, 1):
            j = 1 - i
            own_n = self.stage_game.shape[i]
            R = self._u(i, *target)
            others = [x for x in range(own_n) if x != target[i]]
            if others:
                devs = [self._u_own(i, x, target[j]) for x in others]
                T = decider.max(devs)
                dev_label = labels[i][others[_argmax(devs, T, decider)]]
            else:
                T, dev_label = R, labels[i][target[i]]
            pj = punishers[i]
            if isinstance(pj, int):
                P = decider.max([self._u_own(i, x, pj) for x in range(own_n)])
                punisher: str | tuple[sp.Expr, ...] = labels[j][pj]
            else:
                P, punisher = pj
            if decider.gt(R, P) is False:
                raise RepeatedGameError(
                    f"the target {tuple(labels[k][target[k]] for k in (0, 1))} gives "
                    f"{self.players[i]} {R}, not more than the {P} it gets while punished "
                    f"({self.players[j]} playing {punisher}); no discount factor makes cooperation "
                    "worth more than punishment. Choose a target both players prefer to the "
                    "punishment, or a harsher punishment=(...)"
                )
            out.append(Incentives(self.players[i], R, T, dev_label, P, punisher))
        return out[0], out[1]

    def _default_punishers(self, pure_only: bool, decider: _Decider) -> list[Any]:
        """For each deviator, the other's play in the stage equilibrium worst for the deviator."""
        game = self.stage_game
        if not game.parameters:
            exact = all(v.is_Rational for v in [*game.row_payoffs, *game.col_payoffs])
            if pure_only:
                eqs = game.equilibria(method="pure", exact=exact)
            else:
                eqs = game.equilibria(exact=exact)
            if not eqs:
                raise RepeatedGameError(
                    "the stage game has no pure Nash equilibrium to punish with; name the "
                    "punishment profile with punishment=(row strategy, column strategy)"
                )
            result: list[Any] = []
            for i in (0, 1):
                worst = min(eqs, key=lambda e: (e.payoffs[i], not e.is_pure))
                if worst.is_pure:
                    label = worst.profile[1 - i]
                    result.append(game.index(1 - i, label))
                else:
                    mix = worst.col if i == 0 else worst.row
                    result.append((sp.sympify(worst.payoffs[i]), tuple(sp.sympify(v) for v in mix)))
            return result
        m, n = game.shape
        verdicts = {}
        for r, c in itertools.product(range(m), range(n)):
            checks = [decider.ge(self._u(0, r, c), self._u(0, x, c)) for x in range(m)]
            checks += [decider.ge(self._u(1, r, c), self._u(1, r, y)) for y in range(n)]
            verdicts[r, c] = False if False in checks else (None if None in checks else True)
        undecided = [k for k, v in verdicts.items() if v is None]
        equilibria = [k for k, v in verdicts.items() if v]
        if undecided or not equilibria:
            s = game.strategies
            raise RepeatedGameError(
                "the stage game is symbolic, so which profile is its Nash equilibrium depends on "
                f"{', '.join(p.name for p in game.parameters)}; name the punishment with "
                f"punishment=({s[0][-1]!r}, {s[1][-1]!r}) or give the ordering of the payoffs "
                "with assuming=[...], e.g. assuming=[T > R, R > P, P > S]"
            )
        result = []
        for i in (0, 1):
            payoffs = [self._u(i, r, c) for r, c in equilibria]
            worst_index = _argmin(payoffs, decider)
            if worst_index is None:
                raise RepeatedGameError(
                    "the stage game has several Nash equilibria and which is worst for "
                    f"{self.players[i]} depends on the parameters; name one with punishment=(...)"
                )
            result.append(equilibria[worst_index][1 - i])
        return result

    # ------------------------------------------------------------------ thresholds
    def critical_discounts(
        self,
        profile: Sequence[int | str],
        strategy: str = "grim_trigger",
        *,
        punishment: Sequence[int | str] | None = None,
        periods: int | None = None,
        assuming: Any = None,
    ) -> tuple[sp.Expr, sp.Expr]:
        """Each player's critical discount factor for sustaining ``profile``.

        Parameters
        ----------
        profile
            The target profile as labels or indices.
        strategy
            ``"grim_trigger"`` (punish forever), ``"tit_for_tat"`` (copy the
            other's last move; the Nash condition against tit-for-tat) or
            ``"punish"`` (punish for ``periods`` rounds, then return to the target).
        punishment
            The punishment profile (labels or indices); by default the stage
            Nash equilibrium worst for the deviator.
        periods
            The length of the punishment for ``strategy="punish"``.
        assuming
            Inequalities between parameters, e.g. ``[T > R, R > P, P > S]``.

        Returns
        -------
        tuple of two sympy expressions
            ``0`` for a player who gains nothing by deviating; a value of 1 or
            more (``oo`` for tit-for-tat) means no discount factor works.

        Raises
        ------
        RepeatedGameError
            For an unknown strategy, bad ``periods``, or a target that is not
            better than the punishment for both players.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> T, R, P, S = sp.symbols("T R P S")
        >>> pd = ng.Game.symmetric([[R, S], [T, P]], strategies=("C", "D"))
        >>> ng.RepeatedGame(pd).critical_discounts(("C", "C"), assuming=[T > R, R > P, P > S])
        ((R - T)/(P - T), (R - T)/(P - T))
        """
        periods = _check_periods(strategy, periods)
        decider = _Decider(assuming)
        incentives = self._incentives(profile, strategy, punishment, decider)
        return (
            self._threshold(incentives[0], 0, strategy, periods, punishment, profile, decider),
            self._threshold(incentives[1], 1, strategy, periods, punishment, profile, decider),
        )

    def _threshold(
        self,
        inc: Incentives,
        i: int,
        strategy: str,
        periods: int | None,
        punishment: Any,
        profile: Any,
        decider: _Decider,
    ) -> sp.Expr:
        T, R, P = inc.deviate, inc.cooperate, inc.punish
        if decider.gt(T, R) is False:
            return sp.Integer(0)
        if strategy == "grim_trigger":
            return _simplify(grim_trigger_threshold(T, R, P))
        if strategy == "punish":
            assert periods is not None
            return _simplify(punishment_threshold(T, R, P, periods))
        P_alt, S_alt = self._tft_payoffs(inc, i, profile, decider)
        parts = []
        if decider.gt(T, P_alt) is not False:
            parts.append(_simplify(grim_trigger_threshold(T, R, P_alt)))
        if decider.gt(R, S_alt) is False:
            return sp.oo
        parts.append(_simplify(sp.sympify(T - R) / sp.sympify(R - S_alt)))
        return decider.max(parts)

    def _tft_payoffs(
        self, inc: Incentives, i: int, profile: Any, decider: _Decider
    ) -> tuple[sp.Expr, sp.Expr]:
        """The best payoff against the punisher other than cooperating, and cooperating's."""
        target = self._profile(profile)
        pj = self.stage_game.index(1 - i, inc.punisher)  # type: ignore[arg-type]
        others = [x for x in range(self.stage_game.shape[i]) if x != target[i]]
        P_alt = decider.max([self._u_own(i, x, pj) for x in others])
        return P_alt, self._u_own(i, target[i], pj)

    def critical_discount(
        self,
        profile: Sequence[int | str],
        strategy: str = "grim_trigger",
        *,
        punishment: Sequence[int | str] | None = None,
        periods: int | None = None,
        assuming: Any = None,
        credible: bool = False,
    ) -> sp.Expr:
        """The smallest discount factor at which ``strategy`` sustains ``profile`` for both.

        The larger of :meth:`critical_discounts` (a ``Max`` when that depends on
        the parameters). See :meth:`critical_discounts` for the parameters.
        A named ``punishment`` is taken as a threat the punishers carry out
        whatever it costs them, which is a Nash, not a subgame-perfect,
        threshold unless the punishment is a stage Nash equilibrium.

        Parameters
        ----------
        credible
            Count only credible punishments: the value is
            :meth:`credible_discount` ``(profile, punishment=..., periods=...).delta``
            (numeric stage games; ``strategy`` ``"grim_trigger"`` or
            ``"punish"``, whose ``periods`` then fixes the punishment's length).
            Call :meth:`credible_discount` to learn which punishment achieves it.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> T, R, P, S = sp.symbols("T R P S")
        >>> pd = ng.Game.symmetric([[R, S], [T, P]], strategies=("C", "D"))
        >>> ng.RepeatedGame(pd).critical_discount(("C", "C"), assuming=[T > R, R > P, P > S])
        (R - T)/(P - T)
        >>> pd5 = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> ng.RepeatedGame(pd5).critical_discount(("C", "C"), "tit_for_tat")
        2/3
        >>> ng.RepeatedGame(pd5).critical_discount(("C", "C"), "punish", periods=1)
        1

        Game B's (E, W) threat gives 1/8, but China would not carry it out;
        the lowest credible threshold is Nash reversion's 1/5:

        >>> game_b = ng.Game([[3, -2, -6], [4, -1, -4], [1, -3, -7]],
        ...                  [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
        ...                  strategies=(("L", "H", "E"), ("D", "S", "W")))
        >>> rg = ng.RepeatedGame(game_b)
        >>> rg.critical_discount(("L", "D"), punishment=("E", "W"))
        1/8
        >>> rg.critical_discount(("L", "D"), credible=True)
        1/5
        """
        if credible:
            if strategy not in ("grim_trigger", "punish"):
                raise RepeatedGameError(
                    f"credible=True applies to strategy='grim_trigger' or 'punish', not "
                    f"{strategy!r}: tit-for-tat is not a subgame-perfect equilibrium in general"
                )
            periods = _check_periods(strategy, periods)
            return self.credible_discount(profile, punishment=punishment, periods=periods).delta
        values = self.critical_discounts(
            profile, strategy, punishment=punishment, periods=periods, assuming=assuming
        )
        return _Decider(assuming).max(list(dict.fromkeys(values)))

    def credible_discount(
        self,
        profile: Sequence[int | str],
        *,
        punishment: Sequence[int | str] | None = None,
        periods: int | None = None,
        max_periods: int = 3,
    ) -> CredibleDiscount:
        """The lowest discount factor at which a credible punishment sustains ``profile``.

        A punishment is credible when no one, punisher or punished, gains by
        leaving it (the strategies form a subgame-perfect equilibrium). Two
        kinds are considered, as simple penal codes (Abreu 1988): reverting for
        ever to a stage Nash equilibrium, and a *stick and carrot*: a pure
        profile played for ``1 .. max_periods`` rounds, restarted after any
        deviation from it, then back to the target. Each deviator's punishment
        is chosen separately. Every condition is a polynomial in ``delta``, so
        the threshold is exact.

        Parameters
        ----------
        profile
            The target profile as labels or indices.
        punishment
            Judge this punishment profile (the same for both deviators): a
            stage Nash equilibrium is reverted to for ever; any other profile
            is tried as a stick and carrot of ``1 .. max_periods`` rounds. By
            default, search every stage equilibrium and every pure profile.
        periods
            Only punishments of exactly this many rounds (Nash reversion for
            ever is still considered when ``punishment`` is not given).
        max_periods
            The longest punishment phase tried (1 to 12).

        Returns
        -------
        CredibleDiscount
            ``.delta``, ``.kind`` (``"stage_nash"``, ``"stick_and_carrot"`` or
            ``"not_credible"``), ``.punishments`` and, for a named punishment,
            ``.threat`` (its bare-threat threshold, :meth:`critical_discount`).

        Raises
        ------
        FreeParameterError
            If the stage payoffs depend on parameters.
        RepeatedGameError
            For bad ``periods``/``max_periods``, or a stage game too large to search
            (name a ``punishment`` or lower ``max_periods``).

        References
        ----------
        D. Abreu (1986), "Extremal equilibria of oligopolistic supergames", *JET* 39: 191-225.
        D. Abreu (1988), "On the Theory of Infinitely Repeated Games with Discounting",
        *Econometrica* 56(2): 383-396.

        Examples
        --------
        >>> import negotiation as ng
        >>> game_b = ng.Game([[3, -2, -6], [4, -1, -4], [1, -3, -7]],
        ...                  [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
        ...                  players=("US", "China"),
        ...                  strategies=(("L", "H", "E"), ("D", "S", "W")))
        >>> rg = ng.RepeatedGame(game_b)
        >>> harsh = rg.credible_discount(("L", "D"), punishment=("E", "W"))
        >>> harsh.threat, harsh.kind, harsh.delta, harsh.punishments[0].periods
        (1/8, 'stick_and_carrot', 3/10, 1)
        >>> best = rg.credible_discount(("L", "D"))
        >>> best.delta, best.kind
        (1/5, 'stage_nash')
        >>> print(best.punishments[0])
        after US deviates: (H, S) for ever
        """
        game = self.stage_game
        require_numeric(
            game,
            "the credible discount factor",
            name="stage_game",
            alternative="use critical_discount(...) for the bare-threat threshold",
        )
        max_periods = _check_length(max_periods, "max_periods")
        if periods is not None:
            periods = _check_length(periods, "periods")
        target = self._profile(profile)
        labels = game.strategies
        target_labels = (labels[0][target[0]], labels[1][target[1]])
        A, B = PayoffTables(game.payoffs).fraction_lists
        lengths = [periods] if periods is not None else list(range(1, max_periods + 1))
        if punishment is not None:
            named = self._profile(punishment, "punishment")
            try:
                threat: sp.Expr | None = self.critical_discount(profile, punishment=punishment)
            except RepeatedGameError:
                threat = sp.oo
            forever = _codes.pure_path(A, B, named, None)
            if forever.stage_nash:
                options = [_codes.pure_path(A, B, named, periods)]
            else:
                options = [_codes.pure_path(A, B, named, k) for k in lengths]
            found = None
            for path in options:
                value = _codes.code_threshold(A, B, target, (path, path))
                if value is not None and (found is None or bool(value < found[0])):
                    found = (value, (path, path))
            if found is None:
                return CredibleDiscount(
                    sp.oo,
                    "not_credible",
                    tuple(self._punishment(i, forever) for i in (0, 1)),
                    target_labels,
                    threat,
                )
            return self._credible(found, target_labels, threat)
        m, n = game.shape
        if m * n * len(lengths) > _MAX_CANDIDATES:
            raise RepeatedGameError(
                f"searching {m * n * len(lengths):,} punishments ({m}x{n} profiles x "
                f"{len(lengths)} lengths) for each deviator is more than credible_discount "
                f"compares ({_MAX_CANDIDATES:,}); give a smaller max_periods or name one "
                "punishment=(row strategy, column strategy)"
            )
        candidates = [
            _codes.pure_path(A, B, (r, c), k)
            for k in lengths
            for r, c in itertools.product(range(m), range(n))
        ]
        exact_stage = Game(
            [[sp.Rational(v.numerator, v.denominator) for v in row] for row in A],
            [[sp.Rational(v.numerator, v.denominator) for v in row] for row in B],
        )
        for eq in exact_stage.equilibria(exact=True):
            if eq.is_pure:
                pure = (_pure_index(eq.row), _pure_index(eq.col))
                candidates.append(_codes.pure_path(A, B, pure, None))
            else:
                candidates.append(_codes.mixed_path(A, B, eq.row, eq.col))
        best = _codes.search(A, B, target, candidates)
        if best is None:
            return CredibleDiscount(sp.oo, "not_credible", (), target_labels, None)
        return self._credible(best, target_labels, None)

    def _credible(
        self,
        found: tuple[sp.Expr, tuple[_codes.Path, _codes.Path]],
        target: tuple[str, str],
        threat: sp.Expr | None,
    ) -> CredibleDiscount:
        value, paths = found
        kind = "stage_nash" if all(p.stage_nash for p in paths) else "stick_and_carrot"
        return CredibleDiscount(
            value,
            kind,
            tuple(self._punishment(i, path) for i, path in enumerate(paths)),
            target,
            threat,
        )

    def _punishment(self, deviator: int, path: _codes.Path) -> Punishment:
        labels = self.stage_game.strategies
        if path.is_pure:
            r, c = path.profile
            profile: tuple[Any, Any] = (labels[0][r], labels[1][c])
        else:
            x, y = path.profile
            profile = (tuple(sp.sympify(v) for v in x), tuple(sp.sympify(v) for v in y))
        return Punishment(self.players[deviator], profile, path.periods, path.stage_nash)

    def is_sustainable(
        self,
        profile: Sequence[int | str],
        strategy: str = "grim_trigger",
        *,
        discount: Any = None,
        punishment: Sequence[int | str] | None = None,
        periods: int | None = None,
        assuming: Any = None,
        tol: float = DEFAULT_TOL,
    ) -> sp.Basic:
        """Whether ``strategy`` sustains ``profile`` at the discount factor, as a sympy Boolean.

        Parameters
        ----------
        discount
            The discount factor to test; defaults to the game's own ``discount``.
        tol
            Float comparisons within ``tol`` count as equal.
        profile, strategy, punishment, periods, assuming
            As for :meth:`critical_discounts`.

        Returns
        -------
        sympy Boolean
            ``True``/``False`` when everything is numeric, otherwise the
            condition (per player: one-shot gain <= discounted future loss).

        Examples
        --------
        >>> import negotiation as ng
        >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> rg = ng.RepeatedGame(pd, 0.6)
        >>> rg.is_sustainable(("C", "C")), rg.is_sustainable(("C", "C"), "tit_for_tat")
        (True, False)
        >>> ng.RepeatedGame(pd).is_sustainable(("C", "C"), "punish", periods=2)
        delta**2 + delta >= 1
        """
        periods = _check_periods(strategy, periods)
        delta = self.discount if discount is None else check_discount(discount)
        decider = _Decider(assuming, tol)
        incentives = self._incentives(profile, strategy, punishment, decider)
        conditions = []
        for i, inc in enumerate(incentives):
            T, R, P = inc.deviate, inc.cooperate, inc.punish
            if decider.gt(T, R) is False:
                continue
            gain = T - R
            if strategy == "grim_trigger":
                conditions.append(decider.condition(delta * (T - P), gain))
            elif strategy == "punish":
                weight = sum(delta**k for k in range(1, periods + 1))  # type: ignore[operator]
                conditions.append(decider.condition(weight * (R - P), gain))
            else:
                P_alt, S_alt = self._tft_payoffs(inc, i, profile, decider)
                conditions.append(decider.condition(delta * (T - P_alt), gain))
                conditions.append(decider.condition(delta * (R - S_alt), gain))
        return _combine([_tidy_condition(c) for c in conditions])

    # ------------------------------------------------------------------ folk theorem
    def minmax_values(self, *, mixed: bool = True) -> tuple[sp.Expr, sp.Expr]:
        """Each player's minmax value: the least the other can hold them to.

        Parameters
        ----------
        mixed
            Let the punisher mix (the folk-theorem benchmark; needs numeric
            payoffs) or use pure strategies only (works symbolically).

        Examples
        --------
        >>> import negotiation as ng
        >>> mp = ng.Game.zero_sum([[1, -1], [-1, 1]])
        >>> ng.RepeatedGame(mp, 0.9).minmax_values(), ng.RepeatedGame(mp, 0.9).minmax_values(mixed=False)
        ((0, 0), (1, 1))
        """
        game = self.stage_game
        out = []
        for i in (0, 1):
            U = game.row_payoffs if i == 0 else game.col_payoffs.T
            if mixed:
                if game.parameters:
                    names = ", ".join(p.name for p in game.parameters)
                    raise FreeParameterError(
                        f"mixed minmax values need numbers but the payoffs depend on {names}; "
                        "use subs(...) or minmax_values(mixed=False)"
                    )
                exact = all(v.is_Rational for v in U)
                eq = Game.zero_sum(U).equilibria(exact=exact)[0]
                out.append(sp.sympify(eq.payoffs[0]))
            else:
                decider = _Decider()
                best = [decider.max(list(U[:, c])) for c in range(U.cols)]
                out.append(_min(best, decider))
        return out[0], out[1]

    def feasible_set(self) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
        """The vertices of the feasible payoff set (convex hull of the stage payoffs).

        Counter-clockwise from the lowest vertex (the leftmost of the lowest);
        exact for rational payoffs.

        Examples
        --------
        >>> import negotiation as ng
        >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> ng.RepeatedGame(pd, 0.9).feasible_set()
        ((5, 0), (3, 3), (0, 5), (1, 1))
        """
        game = self.stage_game
        if game.parameters:
            names = ", ".join(p.name for p in game.parameters)
            raise FreeParameterError(
                f"the feasible set needs numbers but the payoffs depend on {names}; use subs(...)"
            )
        m, n = game.shape
        points = [
            (game.row_payoffs[r, c], game.col_payoffs[r, c]) for r in range(m) for c in range(n)
        ]
        return convex_hull(points)

    def individually_rational_set(
        self, *, mixed: bool = True
    ) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
        """The vertices of the feasible payoffs that give each player at least their minmax value.

        By the folk theorem, every point strictly inside this set is an
        average payoff of some subgame-perfect equilibrium for discount
        factors close enough to 1.

        Examples
        --------
        >>> import negotiation as ng
        >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> ng.RepeatedGame(pd, 0.9).individually_rational_set()
        ((1, 1), (13/3, 1), (3, 3), (1, 13/3))
        """
        hull = self.feasible_set()
        m0, m1 = self.minmax_values(mixed=mixed)
        clipped = clip_polygon(list(hull), lambda u: u[0] - m0)
        clipped = clip_polygon(clipped, lambda u: u[1] - m1)
        return convex_hull(clipped)

    # ------------------------------------------------------------------ simulation
    def simulate(
        self,
        strategies: Sequence[Any] = ("tit_for_tat", "tit_for_tat"),
        rounds: int = 100,
        *,
        target: Sequence[int | str] | None = None,
        punishment: Sequence[int | str] | None = None,
        noise: float = 0.0,
        generosity: float = 0.1,
        deadline: int | None = None,
        renewal: float = 1.0,
        discount: Any = None,
        seed: Any = None,
    ) -> Simulation:
        """Play the repeated game with the given strategies; see :func:`negotiation.simulate`.

        Examples
        --------
        >>> import negotiation as ng
        >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> sim = ng.RepeatedGame(pd, 0.9).simulate(("tit_for_tat", "always_defect"), rounds=3)
        >>> sim.actions
        (('C', 'D'), ('D', 'D'), ('D', 'D'))
        """
        from negotiation.games.simulation import simulate

        return simulate(
            self,
            strategies,
            rounds,
            target=target,
            punishment=punishment,
            noise=noise,
            generosity=generosity,
            deadline=deadline,
            renewal=renewal,
            discount=discount,
            seed=seed,
        )

    # ------------------------------------------------------------------ display
    def __str__(self) -> str:
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


def profile_indices(
    game: RepeatedGame, profile: Sequence[int | str], what: str = "profile"
) -> tuple[int, int]:
    """A profile of the stage game (labels or indices) as a pair of indices.

    Raises
    ------
    UnknownLabelError
        For anything but a pair of strategies of the stage game; ``what`` names it.
    """
    return game._profile(profile, what)


def default_punishment(game: RepeatedGame) -> tuple[int, int]:
    """The punishment profile of trigger strategies, as indices.

    Each player punishes with its action in the pure stage equilibrium worst
    for the other player.
    """
    punishers = game._default_punishers(True, _Decider())
    return (punishers[1], punishers[0])  # player k punishes the other, who is deviator 1 - k


# ---------------------------------------------------------------------- helpers
def check_discount(value: Any) -> sp.Expr:
    """A discount factor as a sympy number or expression, checked to lie in (0, 1)."""
    try:
        delta = as_number(value, "the discount factor")
    except InvalidGameError as err:
        raise RepeatedGameError(str(err)) from None
    if delta.is_number:
        if not (0 < delta < 1):
            raise RepeatedGameError(
                f"the discount factor is {delta}; it must lie strictly between 0 and 1 "
                "(e.g. 0.9: a round's payoff is worth 90% of the one before)"
            )
    elif delta.is_nonpositive or (delta - 1).is_nonnegative:
        raise RepeatedGameError(
            f"the discount factor {delta} cannot lie strictly between 0 and 1; use e.g. "
            "sympy.Symbol('delta') or a number in (0, 1)"
        )
    return delta


def _check_length(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PERIODS:
        raise RepeatedGameError(
            f"{name} must be a whole number of rounds from 1 to {MAX_PERIODS}; got {value!r}"
        )
    return value


def _pure_index(vector: Sequence[Any]) -> int:
    return next(k for k, v in enumerate(vector) if v != 0)


def _check_strategy(strategy: Any) -> None:
    if strategy not in STRATEGIES:
        raise RepeatedGameError(
            f"unknown strategy {strategy!r}; choose one of "
            + ", ".join(repr(s) for s in STRATEGIES)
        )


def _check_periods(strategy: str, periods: Any) -> int | None:
    _check_strategy(strategy)
    if strategy == "punish":
        if isinstance(periods, bool) or not isinstance(periods, int) or periods < 1:
            raise RepeatedGameError(
                f"strategy='punish' needs periods=k, a whole number of punishment rounds >= 1; "
                f"got {periods!r}"
            )
        return periods
    if periods is not None:
        raise RepeatedGameError(f"periods= only applies to strategy='punish', not {strategy!r}")
    return None


def _simplify(expr: sp.Expr) -> sp.Expr:
    expr = sp.sympify(expr)
    return expr if expr.is_number else bounded_simplify(expr)


def _tidy_condition(cond: sp.Basic) -> sp.Basic:
    """Write a condition in one symbol as ``symbol >= bound`` (linear) or ``poly >= constant``."""
    if not isinstance(cond, sp.Ge) or len(cond.free_symbols) != 1:
        return cond
    (s,) = cond.free_symbols
    diff = sp.expand(cond.lhs - cond.rhs)
    if not diff.is_polynomial(s):
        return cond
    poly = sp.Poly(diff, s)
    if poly.degree() != 1:
        content, primitive = poly.primitive()
        if content.is_number and content > 0:
            poly = primitive
        constant = poly.TC()
        return sp.Ge(sp.expand(poly.as_expr() - constant), -constant)
    slope, intercept = poly.all_coeffs()
    if not slope.is_number or slope == 0:
        return cond
    return sp.Ge(s, -intercept / slope) if slope > 0 else sp.Le(s, -intercept / slope)


def _combine(conditions: list[sp.Basic]) -> sp.Basic:
    """Join conditions, keeping only the tightest numeric bound ``s >= c`` per symbol."""
    lower: dict[sp.Symbol, sp.Expr] = {}
    rest = []
    for c in conditions:
        if isinstance(c, sp.Ge) and isinstance(c.lhs, sp.Symbol) and c.rhs.is_number:
            if c.lhs not in lower or c.rhs > lower[c.lhs]:
                lower[c.lhs] = c.rhs
        else:
            rest.append(c)
    return sp.And(*(sp.Ge(k, v) for k, v in lower.items()), *rest)


def _argmax(values: list[sp.Expr], best: sp.Expr, decider: _Decider) -> int:
    for k, v in enumerate(values):
        if decider.ge(v, best):
            return k
    return 0


def _argmin(values: list[sp.Expr], decider: _Decider) -> int | None:
    for k, v in enumerate(values):
        if all(decider.ge(w, v) for w in values):
            return k
    return None


def _min(values: list[sp.Expr], decider: _Decider) -> sp.Expr:
    k = _argmin(values, decider)
    return values[k] if k is not None else sp.Min(*values)
