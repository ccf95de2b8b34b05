"""Two-level games: an international deal must be ratified at home by both sides.

Putnam's two-level game: negotiators bargain at Level I, and any deal must then
be ratified by each side's domestic constituency at Level II. Each side's
*win-set* is the set of Level-I outcomes it would ratify; a deal exists only
if the win-sets intersect, and a side whose win-set is narrow (a domestic
political cost of easing student visas, a Congress that will not accept less)
pulls the bargain its way, until there is no deal at all.

A :class:`TwoLevelGame` holds a :class:`~negotiation.BargainingProblem` and
one win-set per side, written as a sympy condition over the outcome's
utilities ``(u1, u2)`` (or, for a problem built from packages, as a set of
package labels). It gives the set both can ratify, the bargaining problem
restricted to it, the Nash solution there, and how narrowing one win-set
shifts that solution.

References
----------
R. D. Putnam (1988), "Diplomacy and domestic politics: the logic of two-level
games", *International Organization* 42(3): 427-460.
T. C. Schelling (1960), *The Strategy of Conflict*, chapter 2.

Examples
--------
The US needs at least ``c`` from a deal of size 1 to pay the domestic cost of
easing visas; China ratifies anything that gives it something.

>>> import sympy as sp, negotiation as ng
>>> u1, u2, c = sp.symbols("u1 u2 c")
>>> pie = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (0, 0),
...                                          players=("US", "China"))
>>> game = ng.TwoLevelGame(pie, (u1 >= c, u2 > 0))
>>> game.ratifiable_interval()
(Max(0, c), 1)
>>> game.nash().utilities
(Min(1, Max(1/2, c)), 1 - Min(1, Max(1/2, c)))
>>> game.nash().condition  # for c >= 1 the US asks for everything: no deal
c < 1
>>> game.subs(c=sp.Rational(3, 5)).nash().utilities
(3/5, 2/5)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeAlias

import sympy as sp

from negotiation import display
from negotiation.bargaining.feasible import BargainingProblem, exact, exact_points, require_points
from negotiation.bargaining.geometry import clip_polygon, convex_hull_indices
from negotiation.bargaining.outcome import HALF, BargainingOutcome, Lottery
from negotiation.errors import BargainingError, FreeParameterError
from negotiation.symbolic import bounded_simplify, free_parameters, normalise_substitution

__all__ = ["TwoLevelGame", "WinSetShift"]

U1, U2 = sp.symbols("u1 u2")

WinSet: TypeAlias = sp.Basic | frozenset[str]


def _as_win_set(value: Any, problem: BargainingProblem, who: str) -> WinSet:
    if value is None or value is True:
        return sp.true
    if value is False:
        return sp.false
    if isinstance(value, sp.Basic):
        if not isinstance(value, sp.logic.boolalg.Boolean):
            raise BargainingError(
                f"{who}'s win-set {value} is not a condition; write one such as u1 >= c"
            )
        return value
    if isinstance(value, set | frozenset | list | tuple) and all(isinstance(v, str) for v in value):
        if problem.kind != "points":
            raise BargainingError(
                f"{who}'s win-set is a set of package labels, but the problem is a frontier "
                "curve; write the win-set as a condition on u1 and u2"
            )
        unknown = [v for v in value if v not in problem.labels]
        if unknown:
            raise BargainingError(
                f"{who}'s win-set names {unknown[0]!r}, which is not a package; the packages "
                "are " + ", ".join(problem.labels)
            )
        return frozenset(value)
    raise BargainingError(
        f"{who}'s win-set must be a sympy condition over (u1, u2), a set of package labels or "
        f"None (ratifies anything); got {value!r}"
    )


@dataclass(frozen=True)
class WinSetShift:
    """How narrowing one side's win-set moves the Nash bargaining outcome.

    Attributes
    ----------
    party
        The side whose win-set was narrowed.
    narrowing
        The condition (or package set) added to its win-set.
    before, after
        The Nash outcomes on the set both can ratify, before and after.

    Examples
    --------
    >>> import sympy as sp, negotiation as ng
    >>> u1 = sp.Symbol("u1")
    >>> pie = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (0, 0))
    >>> ng.TwoLevelGame(pie).shift(0, u1 >= sp.Rational(7, 10)).change
    (1/5, -1/5)
    """

    party: str
    narrowing: WinSet
    before: BargainingOutcome
    after: BargainingOutcome

    @property
    def change(self) -> tuple[sp.Expr, sp.Expr]:
        """Each player's utility after minus before."""
        return (
            bounded_simplify(self.after.utilities[0] - self.before.utilities[0]),
            bounded_simplify(self.after.utilities[1] - self.before.utilities[1]),
        )

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


@dataclass(frozen=True)
class TwoLevelGame:
    """A bargaining problem whose agreements each side must ratify at home.

    Parameters
    ----------
    problem
        The Level-I bargaining problem.
    win_sets
        One win-set per side: a sympy condition over the outcome's utilities
        (written in ``variables``), a set of package labels (for a problem
        built from packages), or ``None`` for a side that ratifies anything.
    variables
        The symbols for the two utilities in the win-set conditions; default
        the frontier's variable (or ``u1``) and ``u2``.

    Raises
    ------
    BargainingError
        For win-sets that are neither conditions nor package sets, or unknown labels.

    Examples
    --------
    >>> import negotiation as ng
    >>> p = ng.BargainingProblem.from_points({"big": (4, 1), "mid": (2, 2), "small": (1, 4)},
    ...                                      (0, 0), players=("US", "China"))
    >>> u1, u2 = sp.symbols("u1 u2")
    >>> game = ng.TwoLevelGame(p, (u1 >= 2, u2 >= 2))
    >>> game.ratifiable_packages()
    ('mid',)
    >>> out = game.nash()  # a lottery of the extremes clears both win-sets
    >>> out.utilities, out.package
    ((5/2, 5/2), Lottery(big (1/2), small (1/2)))
    """

    problem: BargainingProblem
    win_sets: tuple[Any, Any] = (None, None)
    variables: tuple[sp.Symbol, sp.Symbol] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.problem, BargainingProblem):
            raise BargainingError(
                f"a two-level game needs a BargainingProblem, not {type(self.problem).__name__}"
            )
        if isinstance(self.win_sets, str) or len(self.win_sets) != 2:
            raise BargainingError(
                "give one win-set per side, e.g. (u1 >= c, u2 > 0); use None for a side that "
                "ratifies anything"
            )
        players = self.problem.players
        win_sets = tuple(
            _as_win_set(w, self.problem, players[k]) for k, w in enumerate(self.win_sets)
        )
        variables = self.variables
        if variables is None:
            variables = (self.problem.variable or U1, U2)
        if len(variables) != 2 or not all(isinstance(v, sp.Symbol) for v in variables):
            raise BargainingError(
                f"variables must be two sympy Symbols for (u1, u2); got {variables!r}"
            )
        object.__setattr__(self, "win_sets", win_sets)
        object.__setattr__(self, "variables", tuple(variables))

    # ------------------------------------------------------------------ basics
    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free symbols of the problem and the win-sets (not the utility variables)."""
        assert self.variables is not None
        conds = [w for w in self.win_sets if isinstance(w, sp.Basic)]
        own = {s for s in free_parameters(*conds) if s not in self.variables}
        return tuple(sorted(own | set(self.problem.parameters), key=lambda s: s.name))

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> TwoLevelGame:
        """A new game with parameters replaced by values (in the problem and the win-sets)."""
        m = normalise_substitution(self.parameters, values, kwargs)
        mine = {s: v for s, v in m.items() if s in self.problem.parameters}
        problem = self.problem.subs(mine) if mine else self.problem
        win_sets = tuple(w.subs(m) if isinstance(w, sp.Basic) else w for w in self.win_sets)
        return replace(self, problem=problem, win_sets=win_sets)

    def _party(self, party: int | str) -> int:
        players = self.problem.players
        if isinstance(party, int) and not isinstance(party, bool) and party in (0, 1):
            return party
        if party in players:
            return players.index(party)  # type: ignore[arg-type]
        raise BargainingError(
            f"no side {party!r}; use 0, 1 or a name: " + ", ".join(repr(p) for p in players)
        )

    # ------------------------------------------------------------------ the ratifiable set
    def ratifies(self, party: int | str, outcome: str | Sequence[Any]) -> sp.Basic:
        """Whether ``party`` would ratify ``outcome`` (a package label or a utility pair).

        Returns a sympy Boolean (``sympy.true``/``false`` when decided).

        Examples
        --------
        >>> import negotiation as ng
        >>> u1 = sp.Symbol("u1")
        >>> pie = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (0, 0))
        >>> ng.TwoLevelGame(pie, (u1 >= sp.Rational(1, 3), None)).ratifies(0, (0.25, 0.75))
        False
        """
        k = self._party(party)
        w = self.win_sets[k]
        if isinstance(outcome, str):
            if isinstance(w, frozenset):
                return sp.true if outcome in w else sp.false
            point = self.problem.utilities_of(outcome)
        else:
            if isinstance(w, frozenset):
                raise BargainingError("a win-set given as package labels needs a package label")
            point = tuple(sp.sympify(v) for v in outcome)
        assert self.variables is not None
        return w.subs(dict(zip(self.variables, point, strict=True)))

    @property
    def ratifiable(self) -> sp.Basic:
        """The set both sides can ratify, as a condition over ``variables``.

        Raises
        ------
        BargainingError
            When a win-set is a set of package labels (use :meth:`ratifiable_packages`).
        """
        if any(isinstance(w, frozenset) for w in self.win_sets):
            raise BargainingError(
                "a win-set is a set of package labels; use ratifiable_packages() instead"
            )
        return sp.And(*self.win_sets)

    def ratifiable_packages(self) -> tuple[str, ...]:
        """The packages both sides would ratify (a problem built from packages).

        Raises
        ------
        FreeParameterError
            When the answer for some package depends on free parameters.
        """
        require_points(self.problem, "list the ratifiable packages")
        out = []
        for label in self.problem.labels:
            verdict = sp.And(self.ratifies(0, label), self.ratifies(1, label))
            if verdict not in (sp.true, sp.false):
                names = sorted(s.name for s in verdict.free_symbols)
                raise FreeParameterError(
                    f"whether {label!r} is ratified depends on {', '.join(names)}; give values "
                    "with game.subs(...)"
                )
            if verdict is sp.true:
                out.append(label)
        return tuple(out)

    def ratifiable_interval(self) -> tuple[sp.Expr, sp.Expr]:
        """The bounds ``(a, b)`` on ``u1`` of the frontier points both sides ratify.

        Win-sets must be conjunctions of inequalities that are linear in the
        utilities along the frontier (with coefficients of known sign), or the
        problem numeric. Strict inequalities give the closure of the set.

        Raises
        ------
        BargainingError
            For a problem built from packages, or a win-set this cannot turn
            into an interval.
        """
        if self.problem.kind != "frontier":
            raise BargainingError(
                "ratifiable_interval is for frontier problems; use ratifiable_packages()"
            )
        a, b, _ = self._interval()
        return a, b

    def _interval(self) -> tuple[sp.Expr, sp.Expr, sp.Basic]:
        problem = self.problem
        assert problem.frontier is not None
        assert problem.domain is not None
        assert problem.variable is not None
        assert self.variables is not None
        u = problem.variable
        f = problem.frontier
        low, high = problem.domain
        cond = self.ratifiable.xreplace({self.variables[0]: u, self.variables[1]: f})
        lows, highs, rest = [low], [high], []
        atoms = cond.args if isinstance(cond, sp.And) else (cond,)
        linear = True
        for rel in atoms:
            if rel is sp.true:
                continue
            if rel is sp.false:
                return low, high, sp.false
            if not isinstance(rel, sp.core.relational.Relational) or isinstance(rel, sp.Eq | sp.Ne):
                linear = False
                break
            g = rel.lhs - rel.rhs if isinstance(rel, sp.Gt | sp.Ge) else rel.rhs - rel.lhs
            if not g.has(u):
                rest.append(rel)
                continue
            poly = sp.Poly(sp.expand(g), u) if g.is_polynomial(u) else None
            if poly is None or poly.degree() != 1:
                linear = False
                break
            coeff, const = poly.coeff_monomial(u), poly.coeff_monomial(1)
            if coeff.is_positive:
                lows.append(-const / coeff)
            elif coeff.is_negative:
                highs.append(-const / coeff)
            else:
                linear = False
                break
        if linear:
            return sp.Max(*lows), sp.Min(*highs), sp.And(*rest)
        if problem.parameters or (free_parameters(cond) != (u,) and free_parameters(cond)):
            raise BargainingError(
                f"cannot turn the win-sets {self.ratifiable} into an interval of {u} with free "
                "parameters; write them as inequalities linear in u1 and u2 with coefficients "
                "of known sign, or give values with game.subs(...)"
            )
        found = _to_set(cond, u).intersect(sp.Interval(low, high))
        if found is sp.S.EmptySet:
            return high, low, sp.false
        if isinstance(found, sp.FiniteSet) and len(found) == 1:
            (x,) = found
            return x, x, sp.true
        if not isinstance(found, sp.Interval):
            raise BargainingError(
                f"the frontier points both sides ratify form {found}, not an interval; give "
                "win-sets whose intersection along the frontier is one interval"
            )
        return found.inf, found.sup, sp.true

    @property
    def agreement_possible(self) -> sp.Basic:
        """The condition that some agreement both ratify beats no deal for both (Putnam).

        ``sympy.true``/``sympy.false`` when decided.
        """
        if self.problem.kind == "points":
            try:
                restricted = self.restricted()
            except BargainingError:
                return sp.false
            return restricted.gains_condition
        a, b, rest = self._interval()
        if rest is sp.false:
            return sp.false
        d1, d2 = self.problem.disagreement
        assert self.problem.frontier is not None
        assert self.problem.variable is not None
        f = self.problem.frontier
        u = self.problem.variable
        gains = sp.And(d1 < b, f.subs(u, sp.Max(a, d1)) > d2)
        return sp.And(a <= b, gains, rest)

    def restricted(self) -> BargainingProblem:
        """The bargaining problem on the agreements both sides ratify.

        For a frontier, the frontier over the ratifiable interval. For packages
        with lotteries and win-sets that are linear inequalities in the
        utilities, the convex hull cut by those half-planes: its new corners are
        lotteries, labelled as such (e.g. ``"L/D (1/2), H/D (1/2)"``).
        Otherwise, the packages both ratify.

        Raises
        ------
        BargainingError
            When no agreement is ratifiable by both.
        """
        if self.problem.kind == "points":
            return self._restricted_points()[0]
        a, b, rest = self._interval()
        if rest is sp.false or (sp.sympify(b - a).is_negative):
            raise BargainingError(
                "no point of the frontier is ratifiable by both sides: the win-sets do not "
                "intersect, so there is no deal (Putnam); widen a win-set"
            )
        return replace(self.problem, domain=(a, b))

    # ------------------------------------------------------------------ bargaining
    def nash(self, beta: Any = HALF) -> BargainingOutcome:
        """The Nash bargaining solution on the agreements both sides ratify.

        On a symbolic frontier this is the unconstrained Nash point clamped to
        the ratifiable interval, ``Min(b, Max(a, u1_nash))`` (the Nash product
        is single-peaked along a concave frontier), and its ``condition`` says
        where it holds: where some agreement both sides ratify beats no deal
        for both (:attr:`agreement_possible`); outside it there is no deal.

        Raises
        ------
        BargainingError
            When no agreement is ratifiable, or there are no gains from trade.
        """
        problem = self.problem
        if problem.kind == "points":
            restricted, corners = self._restricted_points()
            out = restricted.nash(beta)
            return replace(out, package=_flatten(out.package, corners, restricted))
        if not self.parameters:
            return self.restricted().nash(beta)
        a, b, rest = self._interval()
        if rest is sp.false:
            raise BargainingError(
                "no point of the frontier is ratifiable by both sides; widen a win-set"
            )
        free = problem.nash(beta)
        assert problem.frontier is not None
        assert problem.variable is not None
        condition = _readable(sp.And(free.condition, rest, self.agreement_possible))
        if condition is sp.false:
            raise BargainingError(
                "no point of the frontier both sides ratify gives both more than no deal, "
                "whatever the parameters; widen a win-set"
            )
        x = sp.Min(b, sp.Max(a, free.utilities[0]))
        return replace(
            free,
            utilities=(x, problem.frontier.subs(problem.variable, x)),
            condition=condition,
        )

    def _restricted_points(self) -> tuple[BargainingProblem, dict[str, dict[str, sp.Expr]]]:
        """The restricted problem from packages, and each corner's lottery over packages."""
        problem = self.problem
        planes = None
        if problem.lotteries and not any(isinstance(w, frozenset) for w in self.win_sets):
            assert self.variables is not None
            planes = _halfplanes(self.ratifiable, *self.variables)
        if planes is None or problem.parameters:
            labels = self.ratifiable_packages()
            if not labels:
                raise BargainingError(
                    "no package is ratifiable by both sides: the win-sets do not intersect, "
                    "so there is no deal (Putnam); widen a win-set"
                )
            return problem.restrict(labels), {s: {s: sp.Integer(1)} for s in labels}
        pts, _ = exact_points(problem)
        hull = convex_hull_indices(pts)
        polygon = [(pts[i], {problem.labels[i]: sp.Integer(1)}) for i in hull]
        for plane in planes:
            polygon = clip_polygon(polygon, _signed(*plane), _between)
        corners: dict[str, dict[str, sp.Expr]] = {}
        points = {}
        for point, weights in polygon:
            label = _lottery_label(weights)
            if label not in corners:
                corners[label] = weights
                points[label] = point
        if not points:
            raise BargainingError(
                "no package or lottery is ratifiable by both sides: the win-sets do not "
                "intersect, so there is no deal (Putnam); widen a win-set"
            )
        restricted = BargainingProblem.from_points(
            points,
            problem.disagreement,
            lotteries=True,
            players=problem.players,
            name=problem.name,
        )
        return restricted, corners

    def narrow(self, party: int | str, condition: Any) -> TwoLevelGame:
        """The game with ``party``'s win-set narrowed by ``condition`` (intersected with it).

        Examples
        --------
        >>> import negotiation as ng
        >>> u1 = sp.Symbol("u1")
        >>> pie = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (0, 0))
        >>> ng.TwoLevelGame(pie).narrow(0, u1 >= sp.Rational(2, 3)).win_sets[0]
        u1 >= 2/3
        """
        k = self._party(party)
        new = _as_win_set(condition, self.problem, self.problem.players[k])
        old = self.win_sets[k]
        if isinstance(old, frozenset) or isinstance(new, frozenset):
            combined: Any = frozenset(self._accepted(old)) & frozenset(self._accepted(new))
        else:
            combined = sp.And(old, new)
        sets = list(self.win_sets)
        sets[k] = combined
        return replace(self, win_sets=tuple(sets))

    def _accepted(self, w: WinSet) -> tuple[str, ...]:
        """The packages a win-set accepts (conditions must be decided at every package)."""
        if isinstance(w, frozenset):
            return tuple(s for s in self.problem.labels if s in w)
        assert self.variables is not None
        out = []
        for label in self.problem.labels:
            verdict = w.subs(
                dict(zip(self.variables, self.problem.utilities_of(label), strict=True))
            )
            if verdict not in (sp.true, sp.false):
                raise FreeParameterError(
                    f"whether {label!r} is ratified depends on parameters; give values with "
                    "game.subs(...)"
                )
            if verdict is sp.true:
                out.append(label)
        return tuple(out)

    def shift(self, party: int | str, condition: Any, beta: Any = HALF) -> WinSetShift:
        """How narrowing ``party``'s win-set by ``condition`` moves the Nash outcome.

        Raises
        ------
        BargainingError
            When the narrowed win-sets leave no agreement (the deal breaks down).

        Examples
        --------
        >>> import negotiation as ng
        >>> u1, w = sp.symbols("u1 w")
        >>> pie = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (0, 0))
        >>> ng.TwoLevelGame(pie).shift("Player 1", u1 >= w).after.utilities[0]
        Min(1, Max(1/2, w))
        """
        k = self._party(party)
        narrowed = self.narrow(k, condition)
        return WinSetShift(
            party=self.problem.players[k],
            narrowing=_as_win_set(condition, self.problem, self.problem.players[k]),
            before=self.nash(beta),
            after=narrowed.nash(beta),
        )

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"


# The largest condition in one parameter rewritten as intervals of it.
_MAX_READABLE_OPS = 60


def _readable(condition: sp.Basic) -> sp.Basic:
    """A condition in one parameter as the intervals where it holds (``c < 1``), if small.

    ``Max(0, c) <= 1 & 1 - Max(0, c) > 0`` becomes ``c < 1``. Anything with more
    parameters, or larger, is returned as it is.
    """
    if condition in (sp.true, sp.false) or len(condition.free_symbols) != 1:
        return condition
    if sp.count_ops(condition) > _MAX_READABLE_OPS:
        return condition
    (x,) = condition.free_symbols
    try:
        found = condition.as_set()
    except (NotImplementedError, TypeError, ValueError):  # sympy cannot solve it
        return condition
    rewritten = _as_relational(found, x)
    return condition if rewritten is None else rewritten


def _as_relational(found: sp.Set, x: sp.Symbol) -> sp.Basic | None:
    if found is sp.S.EmptySet:
        return sp.false
    if found == sp.S.Reals:
        return sp.true
    if isinstance(found, sp.Union):
        parts = [_as_relational(s, x) for s in found.args]
        return None if any(p is None for p in parts) else sp.Or(*parts)
    if not isinstance(found, sp.Interval):
        return None
    sides = []
    if found.inf != -sp.oo:
        sides.append(x > found.inf if found.left_open else x >= found.inf)
    if found.sup != sp.oo:
        sides.append(x < found.sup if found.right_open else x <= found.sup)
    return sp.And(*sides)


def _halfplanes(
    cond: sp.Basic, v1: sp.Symbol, v2: sp.Symbol
) -> list[tuple[sp.Expr, sp.Expr, sp.Expr]] | None:
    """``cond`` as half-planes ``a1*v1 + a2*v2 + c >= 0`` (closures), or ``None`` if it is not."""
    atoms = cond.args if isinstance(cond, sp.And) else (cond,)
    planes = []
    for rel in atoms:
        if rel is sp.true:
            continue
        if rel is sp.false:
            return [(sp.Integer(0), sp.Integer(0), sp.Integer(-1))]
        if not isinstance(rel, sp.Gt | sp.Ge | sp.Lt | sp.Le):
            return None
        g = rel.lhs - rel.rhs if isinstance(rel, sp.Gt | sp.Ge) else rel.rhs - rel.lhs
        g = exact(sp.expand(g))
        if g.free_symbols - {v1, v2} or not g.is_polynomial(v1, v2):
            return None
        poly = sp.Poly(g, v1, v2)
        if poly.total_degree() > 1:
            return None
        planes.append((poly.coeff_monomial(v1), poly.coeff_monomial(v2), poly.coeff_monomial(1)))
    return planes


def _signed(
    a1: sp.Expr, a2: sp.Expr, c: sp.Expr
) -> Callable[[tuple[tuple[sp.Expr, sp.Expr], dict[str, sp.Expr]]], sp.Expr]:
    """The half-plane ``a1*x + a2*y + c >= 0`` as a function of a corner with its lottery."""
    return lambda corner: a1 * corner[0][0] + a2 * corner[0][1] + c


def _between(
    a: tuple[tuple[sp.Expr, sp.Expr], dict[str, sp.Expr]],
    b: tuple[tuple[sp.Expr, sp.Expr], dict[str, sp.Expr]],
    t: sp.Expr,
) -> tuple[tuple[sp.Expr, sp.Expr], dict[str, sp.Expr]]:
    """The corner a fraction ``t`` of the way from ``a`` to ``b``, with its lottery."""
    (p, wp), (q, wq) = a, b
    point = (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
    weights = {s: (1 - t) * wp.get(s, 0) + t * wq.get(s, 0) for s in {*wp, *wq}}
    return point, {s: v for s, v in weights.items() if v != 0}


def _lottery_label(weights: dict[str, sp.Expr]) -> str:
    if len(weights) == 1:
        return next(iter(weights))
    return str(Lottery(tuple(sorted(weights.items()))))


def _flatten(
    package: str | Lottery | None,
    corners: dict[str, dict[str, sp.Expr]],
    problem: BargainingProblem,
) -> str | Lottery | None:
    """Express a package of the restricted problem as a lottery over the original packages."""
    if package is None:
        return None
    mix = {package: sp.Integer(1)} if isinstance(package, str) else dict(package)
    total: dict[str, sp.Expr] = {}
    for corner, p in mix.items():
        for label, q in corners[corner].items():
            total[label] = total.get(label, 0) + p * q
    total = {s: v for s, v in total.items() if v != 0}
    if len(total) == 1:
        return next(iter(total))
    inexact = not problem.is_exact
    return Lottery(tuple((s, v.evalf() if inexact else v) for s, v in sorted(total.items())))


def _to_set(cond: sp.Basic, u: sp.Symbol) -> sp.Set:
    """The set of real ``u`` satisfying a numeric condition (And/Or of inequalities)."""
    if cond is sp.true:
        return sp.S.Reals
    if cond is sp.false:
        return sp.S.EmptySet
    if isinstance(cond, sp.And):
        return sp.Intersection(*[_to_set(c, u) for c in cond.args])
    if isinstance(cond, sp.Or):
        return sp.Union(*[_to_set(c, u) for c in cond.args])
    return sp.solveset(exact(cond), u, sp.S.Reals)
