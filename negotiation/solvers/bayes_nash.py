"""Bayes–Nash equilibrium: the Harsanyi strategic form, interim conditions, per-type play.

A Bayesian game is given here as plain data: a prior over *type profiles*
(one type index per player, with its probability) and, for each type profile,
one payoff array per player of shape ``(n_1, ..., n_N)`` (one axis per
player's actions). Nothing here knows about labels or :mod:`negotiation.games`.

* :func:`harsanyi_payoffs`: the ex-ante strategic form, in which a strategy is
  a map from one's own types to actions (Harsanyi 1967-68).
* :func:`interim_condition`: where a pure profile of such maps is a
  Bayes–Nash equilibrium, type by type (each type's action is a best reply
  given its beliefs about the others' types), as a sympy Boolean.
* :func:`type_behaviour`: a mixed strategy of the strategic form as the
  action distribution of each type (the marginals are enough, since a type's
  payoff depends on the others only through these).

References
----------
J. C. Harsanyi (1967-68), "Games with incomplete information played by
'Bayesian' players", *Management Science* 14: 159-182, 320-334, 486-502.
M. J. Osborne (2004), *An Introduction to Game Theory*, chapter 9.

Examples
--------
One player with two equally likely types, one action each, and a player
without private information:

>>> import sympy as sp
>>> prior = [((0, 0), sp.Rational(1, 2)), ((0, 1), sp.Rational(1, 2))]
>>> tables = {(0, 0): ([[1, 0]], [[2, 0]]), (0, 1): ([[0, 1]], [[0, 2]])}
>>> H = harsanyi_payoffs(prior, tables, (1, 2), (1, 2))
>>> [[str(v) for v in row] for row in H[0].tolist()]
[['1/2', '1', '0', '1/2']]
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from negotiation.solvers.pure import at_least
from negotiation.symbolic import EXPANSION_LIMIT, expansion_size

__all__ = [
    "TypeProfile",
    "harsanyi_payoffs",
    "interim_condition",
    "interim_payoffs",
    "strategy_maps",
    "tidy_bounds",
    "type_behaviour",
]

TypeProfile = tuple[int, ...]


def strategy_maps(n_types: int, n_actions: int) -> list[tuple[int, ...]]:
    """Every map from ``n_types`` types to ``n_actions`` actions, the first type slowest.

    Examples
    --------
    >>> strategy_maps(2, 2)
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    """
    return list(itertools.product(range(n_actions), repeat=n_types))


def _object_array(table: Any) -> np.ndarray:
    out = np.empty(np.shape(np.asarray(table, dtype=object)), dtype=object)
    for index, value in np.ndenumerate(np.asarray(table, dtype=object)):
        out[index] = sp.sympify(value)
    return out


def harsanyi_payoffs(
    prior: Sequence[tuple[TypeProfile, sp.Expr]],
    tables: Mapping[TypeProfile, Sequence[Any]],
    n_types: Sequence[int],
    n_actions: Sequence[int],
) -> list[np.ndarray]:
    """The ex-ante expected payoff of every player at every profile of type-to-action maps.

    Parameters
    ----------
    prior
        ``(type profile, probability)`` pairs; profiles left out have probability 0.
    tables
        For each type profile with positive probability, one payoff array per
        player, of shape ``n_actions``.
    n_types, n_actions
        How many types and actions each player has.

    Returns
    -------
    list of numpy object arrays
        One per player, of shape ``(len(strategy_maps(n_types[i], n_actions[i])), ...)``,
        holding sympy expressions.
    """
    maps = [
        np.array(strategy_maps(t, a), dtype=int) for t, a in zip(n_types, n_actions, strict=True)
    ]
    n = len(n_types)
    shape = tuple(len(m) for m in maps)
    exact = _all_rational(prior, tables)
    zero: Any = Fraction(0) if exact else sp.Integer(0)
    out = [np.full(shape, zero, dtype=object) for _ in range(n)]
    for profile, prob in prior:
        if prob == 0:
            continue
        if exact:
            arrays = [_fraction_array(t) for t in tables[profile]]
            weight: Any = _fraction(prob)
        else:
            arrays = [_object_array(t) for t in tables[profile]]
            weight = prob
        index = np.ix_(*(maps[j][:, profile[j]] for j in range(n)))
        for i in range(n):
            out[i] = out[i] + weight * arrays[i][index]
    if exact:
        return [np.vectorize(_rational, otypes=[object])(a) if a.size else a for a in out]
    return [np.vectorize(sp.expand, otypes=[object])(a) if a.size else a for a in out]


def _fraction(value: Any) -> Fraction:
    value = sp.sympify(value)
    return Fraction(int(value.p), int(value.q))


def _rational(value: Fraction) -> sp.Rational:
    return sp.Rational(value.numerator, value.denominator)


def _fraction_array(table: Any) -> np.ndarray:
    source = np.asarray(table, dtype=object)
    out = np.empty(source.shape, dtype=object)
    for index, value in np.ndenumerate(source):
        out[index] = _fraction(value)
    return out


def _all_rational(
    prior: Sequence[tuple[TypeProfile, Any]], tables: Mapping[TypeProfile, Sequence[Any]]
) -> bool:
    """Whether the prior and every payoff are exact rationals (the fast Fraction path)."""
    if not all(sp.sympify(p).is_Rational for _, p in prior):
        return False
    return all(
        sp.sympify(v).is_Rational
        for arrays in tables.values()
        for table in arrays
        for v in np.asarray(table, dtype=object).flat
    )


def _conditional_weights(
    prior: Sequence[tuple[TypeProfile, sp.Expr]], player: int, own_type: int
) -> list[tuple[TypeProfile, sp.Expr]]:
    return [(p, w) for p, w in prior if p[player] == own_type and w != 0]


def _expected(
    weights: Sequence[tuple[TypeProfile, sp.Expr]],
    tables: Mapping[TypeProfile, Sequence[Any]],
    player: int,
    own_action: int,
    behaviour: Sequence[Sequence[Sequence[sp.Expr]]],
) -> sp.Expr:
    """The weighted payoff of ``player`` playing ``own_action`` while the others follow ``behaviour``.

    ``behaviour[j][t]`` is player ``j``'s action distribution as type ``t``.
    """
    n = len(behaviour)
    total = sp.Integer(0)
    for profile, w in weights:
        table = np.asarray(tables[profile][player], dtype=object)
        others = [
            [(a, q) for a, q in enumerate(behaviour[j][profile[j]]) if q != 0]
            if j != player
            else [(own_action, 1)]
            for j in range(n)
        ]
        for combo in itertools.product(*others):
            prob = sp.Integer(1)
            for _, q in combo:
                prob *= q
            total += w * prob * sp.sympify(table[tuple(a for a, _ in combo)])
    return sp.expand(total)


def interim_condition(
    prior: Sequence[tuple[TypeProfile, sp.Expr]],
    tables: Mapping[TypeProfile, Sequence[Any]],
    n_types: Sequence[int],
    n_actions: Sequence[int],
    profile: Sequence[Sequence[int]],
) -> sp.Basic:
    """Where the pure profile of maps ``profile[i][t]`` (an action per type) is a Bayes–Nash equilibrium.

    For every player and every type, the type's action must do at least as
    well as every other action, in expectation over the other players' types
    given its own. Expected payoffs are conditional on the type; where a
    correlated symbolic prior would leave a symbolic denominator, both sides
    are kept multiplied by the type's probability instead (the same
    comparison for a type of positive probability).

    Examples
    --------
    >>> import sympy as sp
    >>> p = sp.Symbol("p")
    >>> prior = [((0, 0), p), ((0, 1), 1 - p)]
    >>> tables = {(0, 0): ([[-1], [0]], [[1], [0]]), (0, 1): ([[1], [0]], [[-1], [0]])}
    >>> interim_condition(prior, tables, (1, 2), (2, 1), [[0], [0, 0]])
    p <= 1/2
    """
    behaviour = [
        [
            [sp.Integer(int(a == profile[j][t])) for a in range(n_actions[j])]
            for t in range(n_types[j])
        ]
        for j in range(len(n_types))
    ]
    conditions = []
    for i in range(len(n_types)):
        for t in range(n_types[i]):
            weights = _conditional_weights(prior, i, t)
            if not weights:
                continue
            mass = sp.Add(*(w for _, w in weights))
            values = [_expected(weights, tables, i, a, behaviour) for a in range(n_actions[i])]
            values = _conditional(values, mass)
            chosen = values[profile[i][t]]
            for a in range(n_actions[i]):
                if a != profile[i][t]:
                    conditions.append(at_least(chosen, values[a]))
    return tidy_bounds(sp.And(*conditions))


def _conditional(values: list[sp.Expr], mass: sp.Expr) -> list[sp.Expr]:
    """Divide weighted payoffs by the type's probability where that leaves no symbolic denominator.

    With independent types the type's own probability is a common factor and
    cancels; with a correlated symbolic prior the products are kept (the
    comparison is the same for a positive probability).
    """
    if mass.is_number:
        return [v / mass for v in values] if mass != 0 else values
    divided = [sp.cancel(v / mass) for v in values]
    if any(sp.denom(sp.together(v)).free_symbols for v in divided):
        return values
    return [sp.expand(v) for v in divided]


def tidy_bounds(condition: sp.Basic) -> sp.Basic:
    """Solve each inequality in one free symbol for it, and join the bounds on each symbol.

    ``2*p <= 1`` reads ``p <= 1/2`` and ``4 >= 7 - k`` reads ``k >= 3``; an
    inequality between ratios of polynomials of degree at most two in one
    symbol (with numeric coefficients) is solved as well. Within a
    conjunction the sets allowed for each symbol are intersected, so
    contradictory bounds give ``False``. Other conditions are kept as they
    are. Works through ``And``, ``Or`` and ``Not``.

    Examples
    --------
    >>> import sympy as sp
    >>> p, k = sp.symbols("p k")
    >>> tidy_bounds(sp.And(2 * p <= 1, sp.Ge(4, 7 - k, evaluate=False)))
    (k >= 3) & (p <= 1/2)
    >>> tidy_bounds(sp.And(p / (p - 1) < 0, p >= sp.Rational(1, 2)))
    (p >= 1/2) & (p < 1)
    >>> tidy_bounds(sp.And(p / (1 - p) < 1, p <= 1, p >= sp.Rational(1, 2)))
    False
    """
    if condition in (sp.true, sp.false):
        return condition
    if isinstance(condition, sp.And):
        return _join_bounds([tidy_bounds(arg) for arg in condition.args])
    if isinstance(condition, sp.Or | sp.Not):
        return condition.func(*(tidy_bounds(arg) for arg in condition.args))
    allowed = _univariate_set(condition)
    if allowed is None:
        return condition
    (s,) = condition.free_symbols
    return _as_relational(allowed, s)


def _univariate_set(condition: sp.Basic) -> sp.Set | None:
    """The set of values of the one free symbol at which ``condition`` holds, or ``None``."""
    if not isinstance(condition, sp.core.relational.Relational) or len(condition.free_symbols) != 1:
        return None
    (s,) = condition.free_symbols
    num, den = sp.fraction(sp.together(condition.lhs - condition.rhs))
    num, den = sp.expand(num), sp.expand(den)
    if not (num.is_polynomial(s) and den.is_polynomial(s)):
        return None
    polys = [sp.Poly(num, s), sp.Poly(den, s)]
    if any(p.degree() > 2 for p in polys) or not all(
        c.is_number and c.is_real for p in polys for c in p.all_coeffs()
    ):
        return None
    roots = sorted(
        {r for p in polys if p.degree() > 0 for r in sp.roots(p) if r.is_real}, key=float
    )
    expr = num / den
    op = type(condition)

    def holds(x: sp.Expr) -> bool:
        if den.subs(s, x) == 0:
            return False
        value = sp.nsimplify(expr.subs(s, x)) if not x.is_Rational else expr.subs(s, x)
        return bool(op(value, 0))

    pieces: list[sp.Set] = []
    edges = [-sp.oo, *roots, sp.oo]
    for lo, hi in itertools.pairwise(edges):
        if lo == -sp.oo:
            probe = hi - 1 if hi != sp.oo else sp.Integer(0)
        elif hi == sp.oo:
            probe = lo + 1
        else:
            probe = (lo + hi) / 2
        if holds(probe):
            pieces.append(sp.Interval.open(lo, hi))
    for r in roots:
        if holds(r):
            pieces.append(sp.FiniteSet(r))
    return sp.Union(*pieces) if pieces else sp.EmptySet


def _as_relational(allowed: sp.Set, s: sp.Symbol) -> sp.Basic:
    """A set of reals as conditions on ``s``, the symbol on the left (``p >= 1/2``)."""
    if allowed is sp.EmptySet:
        return sp.false
    if allowed == sp.Reals:
        return sp.true
    if isinstance(allowed, sp.Interval):
        parts = []
        if allowed.start != -sp.oo:
            parts.append(sp.Gt(s, allowed.start) if allowed.left_open else sp.Ge(s, allowed.start))
        if allowed.end != sp.oo:
            parts.append(sp.Lt(s, allowed.end) if allowed.right_open else sp.Le(s, allowed.end))
        return sp.And(*parts)
    if isinstance(allowed, sp.Union):
        return sp.Or(*(_as_relational(part, s) for part in allowed.args))
    if isinstance(allowed, sp.FiniteSet):
        return sp.Or(*(sp.Eq(s, x) for x in allowed))
    if isinstance(allowed, sp.Complement) and allowed.args[0] == sp.Reals:
        return (
            sp.And(*(sp.Ne(s, x) for x in allowed.args[1]))
            if isinstance(allowed.args[1], sp.FiniteSet)
            else allowed.as_relational(s)
        )
    return allowed.as_relational(s)


def _join_bounds(parts: list[sp.Basic]) -> sp.Basic:
    """A conjunction in which the sets allowed for each single symbol are intersected."""
    sets: dict[sp.Symbol, sp.Set] = {}
    rest: list[sp.Basic] = []
    flat: list[sp.Basic] = []
    for part in parts:
        flat.extend(sp.And.make_args(part) if isinstance(part, sp.And) else [part])
    for part in flat:
        allowed = _set_of(part)
        if allowed is None:
            rest.append(part)
            continue
        (s,) = part.free_symbols
        sets[s] = sets[s].intersect(allowed) if s in sets else allowed
        if sets[s] is sp.EmptySet:
            return sp.false
    bounds = [_as_relational(sets[s], s) for s in sorted(sets, key=lambda x: x.name)]
    return sp.And(*bounds, *rest)


def _set_of(condition: sp.Basic) -> sp.Set | None:
    """The set for a single-symbol condition built from inequalities, ``And`` and ``Or``."""
    if len(condition.free_symbols) != 1:
        return None
    if isinstance(condition, sp.And | sp.Or):
        parts = [_set_of(arg) for arg in condition.args]
        if any(p is None for p in parts):
            return None
        return sp.Intersection(*parts) if isinstance(condition, sp.And) else sp.Union(*parts)
    if isinstance(condition, sp.Ne):
        zeros = _univariate_set(sp.Eq(condition.lhs - condition.rhs, 0, evaluate=False))
        return None if zeros is None else sp.Complement(sp.Reals, zeros)
    return _univariate_set(condition)


def interim_payoffs(
    prior: Sequence[tuple[TypeProfile, sp.Expr]],
    tables: Mapping[TypeProfile, Sequence[Any]],
    n_types: Sequence[int],
    behaviour: Sequence[Sequence[Sequence[Any]]],
) -> list[list[Any]]:
    """Each type's expected payoff given its own type, when everyone follows ``behaviour``.

    A type with prior probability 0 gets ``sympy.nan`` (its beliefs are undefined).
    """
    n = len(n_types)
    flat = [q for player in behaviour for dist in player for q in dist]
    if all(isinstance(q, float | np.floating) for q in flat) or (
        all(sp.sympify(q).is_Rational for q in flat) and _all_rational(prior, tables)
    ):
        return _numeric_interim(prior, tables, n_types, behaviour)
    sym = [[[sp.sympify(q) for q in dist] for dist in player] for player in behaviour]
    out: list[list[Any]] = []
    for i in range(n):
        row: list[Any] = []
        for t in range(n_types[i]):
            weights = _conditional_weights(prior, i, t)
            mass = sp.Add(*(w for _, w in weights))
            if not weights or mass == 0:
                row.append(sp.nan)
                continue
            value = sp.Integer(0)
            for a, q in enumerate(sym[i][t]):
                if q != 0:
                    value += q * _expected(weights, tables, i, a, sym)
            small = value.free_symbols and expansion_size(value / mass) <= EXPANSION_LIMIT
            row.append(sp.factor(sp.cancel(value / mass)) if small else value / mass)
        out.append(row)
    return out


def _numeric_interim(
    prior: Sequence[tuple[TypeProfile, sp.Expr]],
    tables: Mapping[TypeProfile, Sequence[Any]],
    n_types: Sequence[int],
    behaviour: Sequence[Sequence[Sequence[Any]]],
) -> list[list[Any]]:
    """:func:`interim_payoffs` with numbers: exact Fractions, or floats if the play is floats."""
    floats = any(isinstance(q, float | np.floating) for p in behaviour for d in p for q in d)

    def num(x: Any) -> Any:
        return float(x) if floats else _fraction(x)

    n = len(n_types)
    dists = [[np.array([num(q) for q in d], dtype=object) for d in player] for player in behaviour]
    total = [[num(0) for _ in range(n_types[i])] for i in range(n)]
    mass = [[num(0) for _ in range(n_types[i])] for i in range(n)]
    for profile, prob in prior:
        if prob == 0:
            continue
        weight = num(prob)
        play = dists[0][profile[0]]
        for j in range(1, n):
            play = np.multiply.outer(play, dists[j][profile[j]])
        for i in range(n):
            table = np.asarray(tables[profile][i], dtype=object)
            values = np.vectorize(num, otypes=[object])(table) if table.size else table
            total[i][profile[i]] += weight * (play * values).sum()
            mass[i][profile[i]] += weight
    out: list[list[Any]] = []
    for i in range(n):
        row: list[Any] = []
        for t in range(n_types[i]):
            if mass[i][t] == 0:
                row.append(sp.nan)
            elif floats:
                row.append(total[i][t] / mass[i][t])
            else:
                row.append(_rational(total[i][t] / mass[i][t]))
        out.append(row)
    return out


def type_behaviour(mixed: Sequence[Any], n_types: int, n_actions: int) -> list[list[Any]]:
    """The action distribution of each type implied by a mixture over type-to-action maps.

    Examples
    --------
    >>> import sympy as sp
    >>> half = sp.Rational(1, 2)
    >>> type_behaviour([half, 0, 0, half], 2, 2)
    [[1/2, 1/2], [1/2, 1/2]]
    """
    maps = strategy_maps(n_types, n_actions)
    out: list[list[Any]] = [[0 * mixed[0] for _ in range(n_actions)] for _ in range(n_types)]
    for prob, plan in zip(mixed, maps, strict=True):
        for t, a in enumerate(plan):
            out[t][a] = out[t][a] + prob
    return out
