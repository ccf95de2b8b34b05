"""Perfect Bayesian equilibria of finite signalling games, symbolically.

A signalling game is given as plain data: the prior over the sender's ``k``
types, and for every type ``t``, message ``m`` and receiver action ``a`` the
sender's payoff ``us[t][m][a]`` and the receiver's ``ur[t][m][a]`` (numbers or
sympy expressions). The receiver's actions may depend on the message.

* :func:`pure_equilibria`: every profile in which each type sends one message
  and the receiver answers each message with one action; on the path beliefs
  follow Bayes' rule, off the path some belief must make the receiver's
  answer a best reply (the set of such beliefs is reported).
* :func:`semi_separating_equilibria`: for two types, the isolated equilibria
  in which a type mixes over two messages and the receiver may mix over two
  actions at a message, found from the indifference conditions (linear in the
  other side's probabilities).
* :func:`intuitive_criterion`: the Cho–Kreps test as a sympy Boolean.

Every equilibrium carries the condition on the parameters under which it is
one; with numbers the condition is ``True``, and candidates whose condition is
``False`` are dropped. Types are taken to have positive prior probability.

References
----------
D. Fudenberg and J. Tirole (1991), *Game Theory*, sections 8.2 (perfect
Bayesian equilibrium) and 11.2 (signalling games, the intuitive criterion).
I.-K. Cho and D. M. Kreps (1987), "Signaling games and stable equilibria",
*Quarterly Journal of Economics* 102(2): 179-221.
R. Gibbons (1992), *A Primer in Game Theory*, section 4.2.

Examples
--------
Two types with prior ``1/2`` each, two messages, two actions; the receiver
wants to match the type and the sender always wants action 0, but type 1
finds message 1 costly. Both types sending message 0, answered by action 0,
is an equilibrium if the receiver would also answer message 1 with action 0,
which a belief of at least 1/2 in type 0 supports:

>>> import sympy as sp
>>> h = sp.Rational(1, 2)
>>> us = [[[1, 0], [1, 0]], [[1, 0], [-1, -2]]]
>>> ur = [[[1, 0], [1, 0]], [[0, 1], [0, 1]]]
>>> first = pure_equilibria([h, h], us, ur)[0]
>>> first.sender, first.receiver, first.off_path[1].interval
(((1, 0), (1, 0)), ((1, 0), (1, 0)), (1/2, 1))
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy as sp
from sympy.matrices.utilities import dotprodsimp

from negotiation.solvers.bayes_nash import tidy_bounds
from negotiation.symbolic import EXPANSION_LIMIT, bounded_expand, expansion_size, tidy_condition

__all__ = [
    "BeliefRegion",
    "Candidate",
    "belief_region",
    "intuitive_criterion",
    "pure_equilibria",
    "semi_separating_equilibria",
    "weakly_greater",
]

DEFAULT_TOL = 1e-9
Table = Sequence[Sequence[Sequence[Any]]]


# ---------------------------------------------------------------------- comparisons
def weakly_greater(a: Any, b: Any, tol: float = DEFAULT_TOL) -> sp.Basic:
    """``a >= b``: exact for rationals, within ``tol`` for floats, a condition otherwise.

    A symbolic condition is written with the positive terms of ``a - b`` on the
    left and the negative ones on the right; a ratio whose denominator has a
    known sign is multiplied out.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> weakly_greater(1, 1 + 1e-12), weakly_greater(x, 1), weakly_greater(x - y, 2 * x)
    (True, x >= 1, x + y <= 0)
    """
    diff = bounded_expand(sp.sympify(a) - sp.sympify(b))
    if not diff.free_symbols:
        if diff.is_Rational:
            return sp.true if diff >= 0 else sp.false
        return sp.true if float(diff) >= -tol else sp.false
    if diff.is_nonnegative:
        return sp.true
    if diff.is_negative:
        return sp.false
    num, den = sp.fraction(sp.together(diff))
    if den.is_number or den.is_positive:
        return tidy_condition(sp.Ge(bounded_expand(num), 0))
    if den.is_negative:
        return tidy_condition(sp.Ge(0, bounded_expand(num)))
    return sp.Ge(_quick(diff), 0)


def _gt(a: Any, b: Any, tol: float) -> sp.Basic:
    """``a > b``: exact for rationals, by more than ``tol`` for floats, a condition otherwise."""
    diff = bounded_expand(sp.sympify(a) - sp.sympify(b))
    if not diff.free_symbols:
        if diff.is_Rational:
            return sp.true if diff > 0 else sp.false
        return sp.true if float(diff) > tol else sp.false
    if diff.is_positive:
        return sp.true
    if diff.is_nonpositive:
        return sp.false
    return tidy_condition(sp.Gt(diff, 0))


def _eq(a: Any, b: Any, tol: float) -> sp.Basic:
    diff = bounded_expand(sp.sympify(a) - sp.sympify(b))
    if not diff.free_symbols:
        if diff.is_Rational:
            return sp.true if diff == 0 else sp.false
        return sp.true if abs(float(diff)) <= tol else sp.false
    return sp.Eq(diff, 0)


def _nonzero(x: sp.Expr, tol: float) -> sp.Basic:
    x = bounded_expand(x)
    if not x.free_symbols:
        return sp.true if (x != 0 if x.is_Rational else abs(float(x)) > tol) else sp.false
    if x.is_nonzero:
        return sp.true
    return sp.Ne(x, 0)


def _posterior_values(weighted: list[sp.Expr], mass: sp.Expr) -> list[sp.Expr]:
    """Prior-weighted payoffs of a message's actions, divided by the senders' probability.

    The receiver compares them, and dividing all by the same positive mass
    changes no comparison, so they are divided only where every quotient stays
    polynomial (and is small enough to cancel quickly); otherwise all are kept
    undivided. Dividing some and not others would compare unlike quantities.
    """
    if mass.is_number:
        return [w / mass for w in weighted]
    divided = []
    for w in weighted:
        if not _small(w / mass):
            return weighted
        quotient = sp.cancel(w / mass)
        if sp.denom(sp.together(quotient)).free_symbols:
            return weighted
        divided.append(bounded_expand(quotient))
    return divided


def _small(x: sp.Expr) -> bool:
    """Whether ``x`` multiplies out into few enough terms to cancel and factor it quickly."""
    return expansion_size(x) <= EXPANSION_LIMIT


def _quick(x: sp.Expr) -> sp.Expr:
    """One rational function in lowest terms (cheaper than :func:`_simplify`), if small."""
    x = sp.sympify(x)
    return sp.cancel(x) if x.free_symbols and _small(x) else x


def _simplify(x: sp.Expr) -> sp.Expr:
    """Lowest terms, factored, where ``x`` is small; otherwise ``x`` as it is."""
    x = sp.sympify(x)
    return sp.factor(sp.cancel(x)) if x.free_symbols and _small(x) else x


# ---------------------------------------------------------------------- belief regions
@dataclass(frozen=True)
class BeliefRegion:
    """The beliefs (over a set of types) at which one receiver action is a best reply.

    Attributes
    ----------
    types
        The indices of the types the belief may put weight on.
    constraints
        ``(coefficients, label)`` pairs: the action is a best reply at belief
        ``mu`` iff ``sum(c[t] * mu[t]) >= 0`` for every pair (one per other action).
    exists
        Where some such belief exists, as a sympy Boolean over the parameters.
    interval
        For two types: ``(lower, upper)``, the bounds on the probability of the
        first of ``types``; ``None`` when a sign cannot be decided symbolically.
    """

    types: tuple[int, ...]
    constraints: tuple[tuple[tuple[sp.Expr, ...], int], ...]
    exists: sp.Basic
    interval: tuple[sp.Expr, sp.Expr] | None = None


def belief_region(
    ur_m: Sequence[Sequence[Any]], action: int, types: Sequence[int], tol: float = DEFAULT_TOL
) -> BeliefRegion:
    """Where ``action`` is a best reply of the receiver to some belief over ``types``.

    Parameters
    ----------
    ur_m
        ``ur_m[t][a]``: the receiver's payoff at this message.
    action
        The receiver's action.
    types
        The type indices the belief is restricted to (all types for a
        perfect Bayesian equilibrium; fewer for the intuitive criterion).

    Examples
    --------
    >>> r = belief_region([[1, 0], [-1, 0]], 0, [0, 1])
    >>> r.exists, r.interval
    (True, (1/2, 1))
    """
    types = tuple(types)
    n_actions = len(ur_m[types[0]])
    constraints = tuple(
        (tuple(sp.sympify(ur_m[t][action]) - sp.sympify(ur_m[t][b]) for t in types), b)
        for b in range(n_actions)
        if b != action
    )
    if len(types) == 1:
        exists = sp.And(*(weakly_greater(c[0], 0, tol) for c, _ in constraints))
        return BeliefRegion(types, constraints, exists, None)
    if len(types) == 2:
        region = _interval(constraints, tol)
        if region is not None:
            lower, upper, side = region
            exists = sp.And(side, *(weakly_greater(u, lo, tol) for lo in lower for u in upper))
            lo_bound = sp.Max(*lower) if len(lower) > 1 else lower[0]
            hi_bound = sp.Min(*upper) if len(upper) > 1 else upper[0]
            return BeliefRegion(types, constraints, exists, (lo_bound, hi_bound))
    return BeliefRegion(types, constraints, _vertex_existence(constraints, len(types), tol), None)


def _interval(
    constraints: Sequence[tuple[tuple[sp.Expr, ...], int]], tol: float
) -> tuple[list[sp.Expr], list[sp.Expr], sp.Basic] | None:
    """Bounds on ``mu`` (weight on the first type) from ``mu*c0 + (1-mu)*c1 >= 0``."""
    lower: list[sp.Expr] = [sp.Integer(0)]
    upper: list[sp.Expr] = [sp.Integer(1)]
    side: list[sp.Basic] = []
    for (c0, c1), _ in constraints:
        slope = sp.expand(c0 - c1)
        if slope.is_zero or (not slope.free_symbols and _eq(slope, 0, tol) is sp.true):
            side.append(weakly_greater(c1, 0, tol))
            continue
        bound = _simplify(-c1 / slope)
        if slope.is_positive:
            lower.append(bound)
        elif slope.is_negative:
            upper.append(bound)
        else:
            return None
    return lower, upper, sp.And(*side)


def _vertex_existence(
    constraints: Sequence[tuple[tuple[sp.Expr, ...], int]], k: int, tol: float
) -> sp.Basic:
    """Some belief in the simplex satisfies every constraint iff some vertex of the region does.

    The region is a polytope in the ``k - 1`` free coordinates (the last
    type's weight is one minus the others); each vertex solves ``k - 1`` of
    the bounding equalities (weights at zero, or indifference between actions).
    """
    x = sp.symbols(f"x0:{k - 1}")
    last = 1 - sp.Add(*x)
    affine = [x[i] for i in range(k - 1)] + [last]
    for coeffs, _ in constraints:
        affine.append(sp.Add(*(c * w for c, w in zip(coeffs, [*x, last], strict=True))))
    options = []
    for subset in itertools.combinations(range(len(affine)), k - 1):
        rows = [affine[j] for j in subset]
        A, b = sp.linear_eq_to_matrix(rows, list(x))
        det = sp.expand(A.det())
        nonzero = _nonzero(det, tol)
        if nonzero is sp.false:
            continue
        point = A.LUsolve(b)
        at = dict(zip(x, point, strict=True))
        feasible = [
            weakly_greater(_simplify(g.subs(at)), 0, tol)
            for j, g in enumerate(affine)
            if j not in subset
        ]
        option = sp.And(nonzero, *feasible)
        if option is sp.true:
            return sp.true
        options.append(option)
    return sp.Or(*options)


# ---------------------------------------------------------------------- candidates
@dataclass(frozen=True)
class Candidate:
    """One perfect Bayesian equilibrium in index form.

    Attributes
    ----------
    sender
        ``sender[t][m]``: the probability that type ``t`` sends message ``m``.
    receiver
        ``receiver[m][a]``: the probability of action ``a`` after message ``m``.
    beliefs
        ``beliefs[m][t]`` on the path (Bayes' rule); ``None`` off the path.
    off_path
        ``{m: BeliefRegion}`` for each message no type sends: the beliefs that
        make the receiver's (pure) answer a best reply.
    condition
        Where this is a perfect Bayesian equilibrium (``True`` with numbers).
    sender_payoffs, receiver_payoff
        Each type's expected payoff and the receiver's ex-ante expected payoff.
    """

    sender: tuple[tuple[Any, ...], ...]
    receiver: tuple[tuple[Any, ...], ...]
    beliefs: tuple[tuple[Any, ...] | None, ...]
    off_path: dict[int, BeliefRegion]
    condition: sp.Basic
    sender_payoffs: tuple[Any, ...]
    receiver_payoff: Any
    mixed: bool = field(default=False)


def _payoffs(
    prior: Sequence[Any],
    us: Table,
    ur: Table,
    sender: Sequence[Sequence[Any]],
    receiver: Sequence[Sequence[Any]],
) -> tuple[tuple[Any, ...], Any]:
    k, n_m = len(prior), len(receiver)
    types = []
    total_r = sp.Integer(0)
    for t in range(k):
        value = sp.Integer(0)
        for m in range(n_m):
            if sender[t][m] == 0:
                continue
            for a, q in enumerate(receiver[m]):
                if q != 0:
                    value += sender[t][m] * q * us[t][m][a]
                    total_r += prior[t] * sender[t][m] * q * ur[t][m][a]
        types.append(_quick(value))
    return tuple(types), _quick(total_r)


def pure_equilibria(
    prior: Sequence[Any], us: Table, ur: Table, *, tol: float = DEFAULT_TOL
) -> list[Candidate]:
    """Every pure perfect Bayesian equilibrium (separating, pooling and in between).

    For each map from types to messages and each map from messages to
    actions, the conditions are: every type's message is a best one given the
    receiver's answers; at a message on the path, the answer is a best reply
    to the Bayes posterior; at a message off the path, it is a best reply to
    some belief. Candidates whose condition is ``False`` are dropped.

    Parameters
    ----------
    prior
        The probability of each type (positive numbers or expressions).
    us, ur
        ``us[t][m][a]`` and ``ur[t][m][a]``: sender's and receiver's payoffs.
    tol
        Float payoffs within ``tol`` tie.

    Returns
    -------
    list of Candidate
        In the order of the sender's maps (type 0's message slowest), then the
        receiver's.
    """
    k = len(prior)
    n_messages = len(us[0])
    n_actions = [len(us[0][m]) for m in range(n_messages)]
    out = []
    for plan in itertools.product(range(n_messages), repeat=k):
        on_path = sorted(set(plan))
        off_path = [m for m in range(n_messages) if m not in on_path]
        # The receiver's best replies on the path, and the belief regions off it.
        on_options: dict[int, list[tuple[int, sp.Basic]]] = {}
        for m in on_path:
            senders = [t for t in range(k) if plan[t] == m]
            mass = sp.Add(*(prior[t] for t in senders))
            weighted = _posterior_values(
                [
                    sp.Add(*(prior[t] * sp.sympify(ur[t][m][a]) for t in senders))
                    for a in range(n_actions[m])
                ],
                mass,
            )
            on_options[m] = [
                (
                    a,
                    sp.And(
                        *(
                            weakly_greater(weighted[a], weighted[b], tol)
                            for b in range(n_actions[m])
                            if b != a
                        )
                    ),
                )
                for a in range(n_actions[m])
            ]
        off_options: dict[int, list[tuple[int, BeliefRegion]]] = {
            m: [
                (a, belief_region([ur[t][m] for t in range(k)], a, range(k), tol))
                for a in range(n_actions[m])
            ]
            for m in off_path
        }
        choice_lists = [
            [(a, c, None) for a, c in on_options[m]]
            if m in on_options
            else [(a, r.exists, r) for a, r in off_options[m]]
            for m in range(n_messages)
        ]
        for combo in itertools.product(*choice_lists):
            conds = [c for _, c, _ in combo]
            if any(c is sp.false for c in conds):
                continue
            answer = [a for a, _, _ in combo]
            for t in range(k):
                mine = us[t][plan[t]][answer[plan[t]]]
                for m in range(n_messages):
                    if m != plan[t]:
                        conds.append(weakly_greater(mine, us[t][m][answer[m]], tol))
            condition = tidy_bounds(sp.And(*conds))
            if condition is sp.false:
                continue
            sender = tuple(
                tuple(sp.Integer(int(plan[t] == m)) for m in range(n_messages)) for t in range(k)
            )
            receiver = tuple(
                tuple(sp.Integer(int(answer[m] == a)) for a in range(n_actions[m]))
                for m in range(n_messages)
            )
            beliefs: list[tuple[Any, ...] | None] = []
            for m in range(n_messages):
                if m in off_path:
                    beliefs.append(None)
                    continue
                mass = sp.Add(*(prior[t] for t in range(k) if plan[t] == m))
                beliefs.append(
                    tuple(
                        _simplify(prior[t] / mass) if plan[t] == m else sp.Integer(0)
                        for t in range(k)
                    )
                )
            regions = {m: r for m, (_, _, r) in enumerate(combo) if r is not None}
            s_pay, r_pay = _payoffs(prior, us, ur, sender, receiver)
            out.append(
                Candidate(sender, receiver, tuple(beliefs), regions, condition, s_pay, r_pay)
            )
    return out


def _mix(support: tuple[int, ...], unknown: sp.Expr | None, n: int) -> list[sp.Expr]:
    """A distribution over ``n`` items with the given support (two items share ``unknown``)."""
    dist = [sp.Integer(0)] * n
    if len(support) == 1:
        dist[support[0]] = sp.Integer(1)
    else:
        assert unknown is not None, "a two-item support needs the unknown weight"
        dist[support[0]] = unknown
        dist[support[1]] = 1 - unknown
    return dist


def _supports(n: int) -> list[tuple[int, ...]]:
    return [(i,) for i in range(n)] + list(itertools.combinations(range(n), 2))


def semi_separating_equilibria(
    prior: Sequence[Any], us: Table, ur: Table, *, tol: float = DEFAULT_TOL
) -> list[Candidate]:
    """The isolated semi-separating equilibria of a two-type signalling game.

    At least one type mixes over two messages; at each message on the path
    the receiver plays one action or mixes over two; off the path it plays one
    action supported by some belief. The mixing probabilities solve the
    indifference conditions: a mixing type must be indifferent between its
    two messages (linear in the receiver's probabilities), and a mixing
    receiver between its two actions at the posterior (linear in the sender's
    probabilities). Configurations where these do not pin the probabilities
    down (a continuum of equilibria) are not listed.

    Parameters
    ----------
    prior, us, ur, tol
        As for :func:`pure_equilibria`; ``prior`` has two entries.

    Returns
    -------
    list of Candidate
        With ``mixed=True``.
    """
    if len(prior) != 2:
        return []
    n_messages = len(us[0])
    n_actions = [len(us[0][m]) for m in range(n_messages)]
    sigma = sp.symbols("sigma0:2", cls=sp.Dummy)
    out = []
    for s0, s1 in itertools.product(_supports(n_messages), repeat=2):
        if len(s0) == 1 and len(s1) == 1:
            continue
        sender_sym = [
            _mix(s, sigma[t] if len(s) == 2 else None, n_messages) for t, s in enumerate((s0, s1))
        ]
        on_path = sorted(set(s0) | set(s1))
        off_path = [m for m in range(n_messages) if m not in on_path]
        mixing_types = [t for t, s in enumerate((s0, s1)) if len(s) == 2]
        for receiver_supports in itertools.product(*(_supports(n_actions[m]) for m in on_path)):
            support_of = dict(zip(on_path, receiver_supports, strict=True))
            mixing_messages = [m for m in on_path if len(support_of[m]) == 2]
            if len(mixing_messages) != len(mixing_types):
                continue
            rho = {m: sp.Dummy(f"rho{m}") for m in mixing_messages}
            # Receiver indifference pins the sender's probabilities.
            r_eqs = [
                sp.Add(
                    *(
                        prior[t]
                        * sender_sym[t][m]
                        * (sp.sympify(ur[t][m][support_of[m][0]]) - ur[t][m][support_of[m][1]])
                        for t in range(2)
                    )
                )
                for m in mixing_messages
            ]
            sigma_values = _solve_linear(r_eqs, [sigma[t] for t in mixing_types], tol)
            if sigma_values is None:
                continue
            sig_sol, sig_cond = sigma_values
            sender = [[_quick(sp.sympify(q).subs(sig_sol)) for q in row] for row in sender_sym]
            for off_answer in itertools.product(*(range(n_actions[m]) for m in off_path)):
                receiver_sym: list[list[sp.Expr]] = []
                answer_of = dict(zip(off_path, off_answer, strict=True))
                for m in range(n_messages):
                    if m in support_of:
                        receiver_sym.append(_mix(support_of[m], rho.get(m), n_actions[m]))
                    else:
                        receiver_sym.append(
                            [sp.Integer(int(a == answer_of[m])) for a in range(n_actions[m])]
                        )

                def value(t: int, m: int, receiver: list[list[sp.Expr]] = receiver_sym) -> sp.Expr:
                    return sp.Add(*(q * us[t][m][a] for a, q in enumerate(receiver[m])))

                s_eqs = [
                    value(t, s[0]) - value(t, s[1]) for t, s in enumerate((s0, s1)) if len(s) == 2
                ]
                rho_values = _solve_linear(s_eqs, [rho[m] for m in mixing_messages], tol)
                if rho_values is None:
                    continue
                rho_sol, rho_cond = rho_values
                receiver = [
                    [_quick(sp.sympify(q).subs(rho_sol)) for q in row] for row in receiver_sym
                ]
                conds = [sig_cond, rho_cond]
                for t in mixing_types:
                    q = sender[t][(s0, s1)[t][0]]
                    conds += [_gt(q, 0, tol), _gt(1, q, tol)]
                for m in mixing_messages:
                    q = receiver[m][support_of[m][0]]
                    conds += [_gt(q, 0, tol), _gt(1, q, tol)]
                if any(c is sp.false for c in conds):
                    continue
                # Sender: messages in the support are at least as good as the others.
                for t, s in enumerate((s0, s1)):
                    best = sp.Add(*(q * us[t][s[0]][a] for a, q in enumerate(receiver[s[0]])))
                    for m in range(n_messages):
                        if m not in s:
                            other = sp.Add(*(q * us[t][m][a] for a, q in enumerate(receiver[m])))
                            conds.append(weakly_greater(best, other, tol))
                # Receiver on the path: the support is optimal at the posterior.
                for m in on_path:
                    weighted = [
                        _quick(sp.Add(*(prior[t] * sender[t][m] * ur[t][m][a] for t in range(2))))
                        for a in range(n_actions[m])
                    ]
                    for a in support_of[m]:
                        for b in range(n_actions[m]):
                            if b not in support_of[m]:
                                conds.append(weakly_greater(weighted[a], weighted[b], tol))
                regions = {}
                for m in off_path:
                    region = belief_region([ur[t][m] for t in range(2)], answer_of[m], (0, 1), tol)
                    regions[m] = region
                    conds.append(region.exists)
                condition = tidy_bounds(sp.And(*conds))
                if condition is sp.false:
                    continue
                beliefs: list[tuple[Any, ...] | None] = []
                for m in range(n_messages):
                    if m in off_path:
                        beliefs.append(None)
                        continue
                    mass = sp.Add(*(prior[t] * sender[t][m] for t in range(2)))
                    beliefs.append(tuple(_quick(prior[t] * sender[t][m] / mass) for t in range(2)))
                s_pay, r_pay = _payoffs(prior, us, ur, sender, receiver)
                out.append(
                    Candidate(
                        tuple(tuple(r) for r in sender),
                        tuple(tuple(r) for r in receiver),
                        tuple(beliefs),
                        regions,
                        condition,
                        s_pay,
                        r_pay,
                        mixed=True,
                    )
                )
    return out


def _solve_linear(
    equations: Sequence[sp.Expr], unknowns: Sequence[sp.Symbol], tol: float
) -> tuple[dict[sp.Symbol, sp.Expr], sp.Basic] | None:
    """The unique solution of a square linear system, with the condition that it is unique."""
    if len(equations) != len(unknowns):
        return None
    if not unknowns:
        return {}, sp.true
    A, b = _linear_system(equations, unknowns)
    with dotprodsimp(False):  # sympy's default multiplies out every entry, unbounded
        det = bounded_expand(A.det())
        nonzero = _nonzero(det, tol)
        if nonzero is sp.false:
            return None
        solution = A.LUsolve(b)
    return {u: _simplify(v) for u, v in zip(unknowns, solution, strict=True)}, nonzero


def _linear_system(
    equations: Sequence[sp.Expr], unknowns: Sequence[sp.Symbol]
) -> tuple[sp.Matrix, sp.Matrix]:
    """``A, b`` with ``A @ unknowns = b``, read off by differentiating, without expanding.

    The equations are linear in the unknowns (mixing probabilities) but their
    coefficients may be large polynomials in the parameters; multiplying those
    out to collect terms (``sp.linear_eq_to_matrix``) is needless work, which
    is done only if an equation is not linear as written.
    """
    zero = dict.fromkeys(unknowns, sp.Integer(0))
    rows, rhs = [], []
    for e in equations:
        row = [sp.diff(e, u) for u in unknowns]
        if any(c.has(*unknowns) for c in row):
            return sp.linear_eq_to_matrix([sp.expand(q) for q in equations], list(unknowns))
        rows.append(row)
        rhs.append(-sp.sympify(e).xreplace(zero))
    return sp.Matrix(rows), sp.Matrix(rhs)


# ---------------------------------------------------------------------- the intuitive criterion
@dataclass(frozen=True)
class IntuitiveTest:
    """The Cho–Kreps test of one equilibrium.

    Attributes
    ----------
    survives
        Where the equilibrium passes, as a sympy Boolean (``True``/``False`` with numbers).
    eliminated
        ``{m: types}``: for each message off the path, the types for which it is
        equilibrium-dominated (numeric games only; empty otherwise).
    deviators
        ``{m: types}``: the types that would surely gain from sending ``m`` once
        the receiver rules the eliminated types out (numeric games only).
    """

    survives: sp.Basic
    eliminated: dict[int, tuple[int, ...]]
    deviators: dict[int, tuple[int, ...]]


def intuitive_criterion(
    prior: Sequence[Any],
    us: Table,
    ur: Table,
    sender_payoffs: Sequence[Any],
    off_path: Sequence[int],
    *,
    tol: float = DEFAULT_TOL,
) -> IntuitiveTest:
    """Whether an equilibrium survives the intuitive criterion (Cho and Kreps 1987).

    For each message ``m`` off the path: a type for which even the best reply
    it likes most (among the receiver's best replies to *some* belief) pays
    less than its equilibrium payoff is eliminated; the equilibrium fails if a
    remaining type would gain from ``m`` whatever best reply to a belief on
    the remaining types the receiver chose. If every type is eliminated, ``m``
    imposes no restriction.

    Parameters
    ----------
    prior, us, ur, tol
        As for :func:`pure_equilibria`.
    sender_payoffs
        Each type's payoff in the equilibrium.
    off_path
        The messages no type sends in it.
    """
    k = len(prior)
    star = sender_payoffs
    fails: list[sp.Basic] = []
    eliminated: dict[int, tuple[int, ...]] = {}
    deviators: dict[int, tuple[int, ...]] = {}
    for m in off_path:
        n_actions = len(ur[0][m])
        ur_m = [ur[t][m] for t in range(k)]
        br_all = [belief_region(ur_m, a, range(k), tol).exists for a in range(n_actions)]
        dominated = [
            sp.And(
                *(
                    sp.Or(sp.Not(br_all[a]), _gt(star[t], us[t][m][a], tol))
                    for a in range(n_actions)
                )
            )
            for t in range(k)
        ]
        numeric_sets = []
        for size in range(1, k + 1):
            for J in itertools.combinations(range(k), size):
                pattern = sp.And(
                    *(sp.Not(dominated[t]) for t in J),
                    *(dominated[t] for t in range(k) if t not in J),
                )
                if pattern is sp.false:
                    continue
                br_J = [belief_region(ur_m, a, J, tol).exists for a in range(n_actions)]
                gains = {
                    t: sp.And(
                        *(
                            sp.Or(sp.Not(br_J[a]), _gt(us[t][m][a], star[t], tol))
                            for a in range(n_actions)
                        )
                    )
                    for t in J
                }
                fails.append(sp.And(pattern, sp.Or(*gains.values())))
                if pattern is sp.true:
                    numeric_sets.append(
                        (
                            tuple(t for t in range(k) if t not in J),
                            tuple(t for t in J if gains[t] is sp.true),
                        )
                    )
        if all(d in (sp.true, sp.false) for d in dominated) and all(
            d is sp.true for d in dominated
        ):
            numeric_sets.append((tuple(range(k)), ()))
        if numeric_sets:
            eliminated[m], deviators[m] = numeric_sets[0]
    survives = sp.Not(sp.Or(*fails)) if fails else sp.true
    return IntuitiveTest(survives, eliminated, deviators)
