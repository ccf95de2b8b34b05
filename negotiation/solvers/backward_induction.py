"""Backward induction and subgame-perfect conditions on finite game trees.

The functions take a tree's root node and its players and work on any nodes
shaped like those of :mod:`negotiation.games.extensive` (they dispatch on the
node's ``kind``: ``"decision"`` with ``player``, ``moves`` and ``infoset``;
``"chance"`` with ``outcomes``; ``"terminal"`` with ``payoffs``), so this module
imports nothing from :mod:`negotiation.games`.

The algorithm is backward induction generalised to subgames (Osborne 2004,
section 10.4; Selten 1975). The tree is cut at every node that starts a
subgame (no information set straddles its boundary). Each cut leaves a
*stage*: a single decision node when information is perfect, or several
nodes joined by information sets (a simultaneous-move stage). A profile is
subgame perfect when, with the subgames below replaced by their equilibrium
values, every stage is played as a pure Nash equilibrium. With perfect
information this is the textbook rule: at every node the mover picks a best
action given what follows.

Every comparison produces a sympy Boolean, so the same pass gives the
subgame-perfect equilibria of a numeric tree (the comparisons are ``True`` or
``False``) and the conditions on the parameters of a symbolic one.

References
----------
M. J. Osborne (2004), *An Introduction to Game Theory*, sections 5.5, 7.1 and 10.4.
R. Selten (1975), "Reexamination of the perfectness concept", *IJGT* 4(1): 25-55.

Examples
--------
>>> import sympy as sp
>>> import negotiation as ng
>>> h = sp.Symbol("h")
>>> root = ng.Decision("China", {
...     "Deliver": ng.Decision("US", {"Honour": ng.Terminal((3, 3)),
...                                   "Renege": ng.Terminal((4 - h, -2))}),
...     "Slow-walk": ng.Terminal((-1, -1))})
>>> spe_conditions(root, ("US", "China"), ("Deliver", "Honour"))
h >= 1
>>> numeric = ng.GameTree(root, players=("US", "China")).subs(h=0).root
>>> [dict(s.choices) for s in subgame_perfect(numeric, ("US", "China"))]
[{(): 'Slow-walk', ('Deliver',): 'Renege'}]
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy as sp

from negotiation.errors import GameTreeError, NegotiationError
from negotiation.solvers.exact import extreme_equilibria
from negotiation.solvers.pure import at_least
from negotiation.symbolic import to_fraction

__all__ = ["Solution", "play_path", "spe_conditions", "subgame_perfect"]

History = tuple[str, ...]
DEFAULT_TOL = 1e-9


@dataclass(frozen=True)
class Solution:
    """A subgame-perfect profile (or, in condition mode, a piece of one).

    Attributes
    ----------
    condition
        Where it is subgame perfect (``sympy.true`` for numeric trees).
    values
        The expected payoff of each player.
    choices
        The action at each decision node, keyed by history (depth-first order).
    outcomes
        ``(probability, terminal history)`` for every terminal that is reached.
    mixed
        The action probabilities at the decision nodes where play mixes (in a
        subgame without a pure equilibrium); those nodes are not in ``choices``.
    """

    condition: sp.Basic
    values: tuple[sp.Expr, ...]
    choices: Mapping[History, str] = field(default_factory=dict)
    outcomes: tuple[tuple[sp.Expr, History], ...] = ()
    mixed: Mapping[History, Mapping[str, sp.Expr]] = field(default_factory=dict)


def _ge(a: sp.Expr, b: sp.Expr, tol: float) -> sp.Basic:
    """``a >= b`` as a sympy Boolean; floats within ``tol`` tie, exact numbers compare exactly."""
    diff = sp.sympify(a - b)
    if not diff.free_symbols:
        if diff.is_Rational:
            return sp.true if diff >= 0 else sp.false
        return sp.true if float(diff) >= -tol else sp.false
    return _tidy(at_least(a, b))


def _tidy(condition: sp.Basic) -> sp.Basic:
    """Write ``a >= b`` with one free symbol ``s``, linear in it, as ``s >= c`` or ``s <= c``.

    With several symbols, ``-a >= -b`` becomes ``a <= b``.
    """
    if not isinstance(condition, sp.Ge):
        return condition
    if len(condition.free_symbols) != 1:
        lhs, rhs = condition.lhs, condition.rhs
        if lhs.could_extract_minus_sign() and rhs.could_extract_minus_sign():
            return sp.Le(-lhs, -rhs)
        return condition
    (s,) = condition.free_symbols
    diff = sp.expand(condition.lhs - condition.rhs)
    poly = sp.Poly(diff, s) if diff.is_polynomial(s) else None
    if poly is None or poly.degree() != 1:
        return condition
    slope, intercept = poly.all_coeffs()
    if not slope.is_number or slope == 0:
        return condition
    bound = -intercept / slope
    return sp.Ge(s, bound) if slope > 0 else sp.Le(s, bound)


class _Analysis:
    """The tree's nodes by history, information sets, and which nodes start subgames."""

    def __init__(self, root: Any, players: Sequence[str], tol: float) -> None:
        self.tol = tol
        self.index = {p: k for k, p in enumerate(players)}
        self.nodes: dict[History, Any] = {}
        self.order: dict[History, int] = {}
        self.infoset: dict[History, Any] = {}
        self.actions: dict[Any, tuple[str, ...]] = {}
        self.owner: dict[Any, int] = {}
        stack: list[tuple[History, Any]] = [((), root)]
        while stack:
            h, node = stack.pop()
            self.order[h] = len(self.order)
            self.nodes[h] = node
            if node.kind == "decision":
                key = ("set", node.infoset) if node.infoset is not None else ("node", h)
                self.infoset[h] = key
                self.actions.setdefault(key, node.actions)
                self.owner[key] = self.index[node.player]
            stack.extend(reversed([((*h, label), c) for label, c in _branches(node)]))
        total = Counter(self.infoset.values())
        below: dict[History, Counter] = {}
        for h in sorted(self.nodes, key=len, reverse=True):
            counts: Counter = Counter()
            if h in self.infoset:
                counts[self.infoset[h]] += 1
            for label, _ in _branches(self.nodes[h]):
                counts.update(below[(*h, label)])
            below[h] = counts
        self.is_root = {
            h: (h not in self.infoset or total[self.infoset[h]] == 1)
            and all(total[k] == n for k, n in below[h].items())
            for h in self.nodes
        }
        self.perfect = all(n == 1 for n in total.values())
        self._cache: dict[tuple[History, bool], list[Solution]] = {}

    # ------------------------------------------------------------------ structure
    def stage(self, h: History) -> tuple[list[History], list[History]]:
        """The nodes of the stage starting at subgame root ``h`` and the subgame roots below."""
        stage, frontier, todo = [h], [], [h]
        while todo:
            g = todo.pop(0)
            for label, _ in _branches(self.nodes[g]):
                c = (*g, label)
                if self.is_root[c]:
                    frontier.append(c)
                else:
                    stage.append(c)
                    todo.append(c)
        return stage, frontier

    # ------------------------------------------------------------------ solving
    def solve(self, h: History, path: History | None, full: bool) -> list[Solution]:
        """Subgame-perfect solutions of the subgame at ``h`` whose play follows ``path``."""
        if not path:
            path = None
            cached = self._cache.get((h, full))
            if cached is not None:
                return cached
        node = self.nodes[h]
        if node.kind == "terminal":
            out = [Solution(sp.true, node.payoffs, {}, ((sp.Integer(1), h),))]
        else:
            stage, frontier = self.stage(h)
            if node.kind == "decision" and len(stage) == 1:
                out = self._decision(h, node, path, full)
            else:
                out = self._stage(h, stage, frontier, path, full)
            if not full:
                out = _merge(out)
        if path is None:
            self._cache[(h, full)] = out
        return out

    def _decision(self, h: History, node: Any, path: History | None, full: bool) -> list[Solution]:
        """One mover with perfect information: the chosen action must be a best one."""
        i = self.index[node.player]
        actions = node.actions if path is None else (path[0],)
        rest = None if path is None else path[1:]
        out = []
        for a in actions:
            others = [b for b in node.actions if b != a]
            for sol in self.solve((*h, a), rest, full):
                if full:
                    alternatives = [self.solve((*h, b), None, True) for b in others]
                    for combo in itertools.product(*alternatives):
                        cond = sp.And(
                            sol.condition,
                            *(s.condition for s in combo),
                            *(_ge(sol.values[i], s.values[i], self.tol) for s in combo),
                        )
                        if cond is sp.false:
                            continue
                        choices = {h: a, **sol.choices}
                        mixed = dict(sol.mixed)
                        for s in combo:
                            choices.update(s.choices)
                            mixed.update(s.mixed)
                        out.append(Solution(cond, sol.values, choices, sol.outcomes, mixed))
                else:
                    # Some equilibrium continuation after each alternative must leave
                    # the mover no better off than ``a``.
                    cond = sp.And(
                        sol.condition,
                        *(
                            sp.Or(
                                *(
                                    sp.And(s.condition, _ge(sol.values[i], s.values[i], self.tol))
                                    for s in self.solve((*h, b), None, False)
                                )
                            )
                            for b in others
                        ),
                    )
                    if cond is not sp.false:
                        out.append(Solution(cond, sol.values))
        return out

    def _stage(
        self,
        h: History,
        stage: list[History],
        frontier: list[History],
        path: History | None,
        full: bool,
    ) -> list[Solution]:
        """A stage with chance moves or information sets: a pure Nash equilibrium of it."""
        stage_set = set(stage)
        keys = list(dict.fromkeys(self.infoset[g] for g in stage if g in self.infoset))
        fixed: dict[Any, str] = {}
        entered: tuple[History, History | None] | None = None
        if path is not None:
            pos, rem = h, path
            while rem and pos in stage_set:
                if pos in self.infoset:
                    fixed[self.infoset[pos]] = rem[0]
                pos, rem = (*pos, rem[0]), rem[1:]
            if pos not in stage_set:
                entered = (pos, rem or None)
        pieces = [
            self.solve(f, entered[1] if entered and entered[0] == f else None, full)
            for f in frontier
        ]
        movers: dict[int, list[Any]] = {}
        for k in keys:
            movers.setdefault(self.owner[k], []).append(k)
        out = []
        choice_sets = [(fixed[k],) if k in fixed else self.actions[k] for k in keys]
        combos = list(itertools.product(*pieces))
        pure_found = [False] * len(combos)
        for plan in itertools.product(*choice_sets):
            plan_map = dict(zip(keys, plan, strict=True))
            for index, combo in enumerate(combos):
                below = dict(zip(frontier, combo, strict=True))
                values, outcomes = self._value(h, plan_map, below, full)
                conds = [s.condition for s in combo]
                for i, own in movers.items():
                    current = tuple(plan_map[k] for k in own)
                    for alt in itertools.product(*(self.actions[k] for k in own)):
                        if alt == current:
                            continue
                        alt_values, _ = self._value(
                            h, {**plan_map, **dict(zip(own, alt, strict=True))}, below, False
                        )
                        conds.append(_ge(values[i], alt_values[i], self.tol))
                cond = sp.And(*conds)
                if cond is sp.false:
                    continue
                pure_found[index] = True
                if full:
                    choices = {g: plan_map[self.infoset[g]] for g in stage if g in self.infoset}
                    mixed: dict[History, Mapping[str, sp.Expr]] = {}
                    for s in combo:
                        choices.update(s.choices)
                        mixed.update(s.mixed)
                    out.append(Solution(cond, values, choices, outcomes, mixed))
                else:
                    out.append(Solution(cond, values))
        if full and path is None and keys:
            for index, combo in enumerate(combos):
                if not pure_found[index] and all(s.condition is sp.true for s in combo):
                    below = dict(zip(frontier, combo, strict=True))
                    out.extend(self._mixed_stage(h, stage, keys, movers, below))
        return out

    def _mixed_stage(
        self,
        h: History,
        stage: list[History],
        keys: list[Any],
        movers: Mapping[int, list[Any]],
        below: Mapping[History, Solution],
    ) -> list[Solution]:
        """The mixed equilibria of a stage that has no pure one (numeric trees).

        The stage's normal form (each mover's plans at its information sets in
        the stage, the subgames below replaced by their values) is solved
        exactly: by vertex enumeration (every extreme equilibrium) for two
        movers, by N-player support enumeration for three or more (every
        equilibrium of a stage with finitely many; probabilities may be
        radicals). Each equilibrium is turned into behaviour at the information
        sets (Kuhn's theorem).
        """
        movers_list = sorted(movers)
        own = [movers[i] for i in movers_list]
        plans = [list(itertools.product(*(self.actions[k] for k in ks))) for ks in own]
        cells: dict[
            tuple[int, ...], tuple[tuple[sp.Expr, ...], tuple[tuple[sp.Expr, History], ...]]
        ] = {}
        for index in itertools.product(*(range(len(p)) for p in plans)):
            plan_map: dict[Any, str] = {}
            for side, i in enumerate(index):
                plan_map.update(zip(own[side], plans[side][i], strict=True))
            cells[index] = self._value(h, plan_map, below, True)
        out = []
        for profile in self._stage_equilibria(movers_list, plans, cells, h):
            n = len(next(iter(cells.values()))[0])
            values = [sp.Integer(0)] * n
            reached: dict[History, sp.Expr] = {}
            for index, (vals, outs) in cells.items():
                weight = sp.Mul(*(profile[side][i] for side, i in enumerate(index)))
                if weight == 0:
                    continue
                values = [v + weight * w for v, w in zip(values, vals, strict=True)]
                for q, t in outs:
                    reached[t] = reached.get(t, sp.Integer(0)) + weight * q
            choices: dict[History, str] = {}
            mixed: dict[History, Mapping[str, sp.Expr]] = {}
            for side, weights in enumerate(profile):
                for key in own[side]:
                    dist = self._behaviour(h, key, own[side], plans[side], weights)
                    for g in stage:
                        if self.infoset.get(g) != key:
                            continue
                        support = [a for a, q in dist.items() if q != 0]
                        if len(support) == 1:
                            choices[g] = support[0]
                        else:
                            mixed[g] = dist
            for s in below.values():
                choices.update(s.choices)
                mixed.update(s.mixed)
            outcomes = tuple((q, t) for t, q in reached.items() if q != 0)
            out.append(Solution(sp.true, tuple(values), choices, outcomes, mixed))
        return out

    def _stage_equilibria(
        self,
        movers_list: list[int],
        plans: list[list[tuple[str, ...]]],
        cells: Mapping[tuple[int, ...], tuple[tuple[sp.Expr, ...], Any]],
        h: History,
    ) -> list[list[list[sp.Expr]]]:
        """The equilibria of a stage's normal form, one probability list per mover."""
        shape = tuple(len(p) for p in plans)
        tables = []
        for mover in movers_list:
            table = np.empty(shape, dtype=object)
            for index, (vals, _) in cells.items():
                table[index] = to_fraction(sp.sympify(vals[mover]))
            tables.append(table)
        if len(movers_list) == 2:
            A = [list(row) for row in tables[0].tolist()]
            B = [list(row) for row in tables[1].tolist()]
            return [
                [[sp.Rational(v.numerator, v.denominator) for v in side] for side in (x, y)]
                for x, y in extreme_equilibria(A, B)
            ]
        from negotiation.solvers.support_nplayer import support_enumeration_nplayer

        rational = [
            np.vectorize(lambda f: sp.Rational(f.numerator, f.denominator), otypes=[object])(t)
            for t in tables
        ]
        try:
            found = support_enumeration_nplayer(rational, exact=True)
        except NegotiationError as err:
            raise GameTreeError(
                f"the subgame at {_where(h)} has no pure equilibrium, and its mixed equilibria "
                f"({len(movers_list)} players move in it) could not be computed: {err}"
            ) from None
        return [[list(v) for v in profile] for profile in found.profiles]

    def _behaviour(
        self,
        h: History,
        key: Any,
        keys: list[Any],
        plans: list[tuple[str, ...]],
        weights: Sequence[sp.Expr],
    ) -> dict[str, sp.Expr]:
        """The behaviour at information set ``key`` implied by a mixture over plans.

        ``P(plan reaches key and plays a) / P(plan reaches key)``, where a plan
        reaches ``key`` when its own earlier choices in the stage lead there
        (with perfect recall they are the same for every node of the set). If
        no plan in the support reaches it, the marginal is used.
        """
        g = next(
            x
            for x in sorted(self.infoset, key=self.order.__getitem__)
            if self.infoset[x] == key and x[: len(h)] == h
        )
        needed = {}
        for cut in range(len(h), len(g)):
            prefix = g[:cut]
            k = self.infoset.get(prefix)
            if k in keys and k != key:
                needed[keys.index(k)] = g[cut]
        position = keys.index(key)
        reach = sp.Integer(0)
        dist = {a: sp.Integer(0) for a in self.actions[key]}
        marginal = {a: sp.Integer(0) for a in self.actions[key]}
        for plan, w in zip(plans, weights, strict=True):
            marginal[plan[position]] += w
            if all(plan[i] == a for i, a in needed.items()):
                reach += w
                dist[plan[position]] += w
        if reach == 0:
            return marginal
        return {a: q / reach for a, q in dist.items()}

    def _value(
        self, h: History, plan: Mapping[Any, str], below: Mapping[History, Solution], full: bool
    ) -> tuple[tuple[sp.Expr, ...], tuple[tuple[sp.Expr, History], ...]]:
        if h in below:
            return below[h].values, below[h].outcomes
        node = self.nodes[h]
        if node.kind == "decision":
            a = plan[self.infoset[h]]
            return self._value((*h, a), plan, below, full)
        parts = []
        outcomes: list[tuple[sp.Expr, History]] = []
        for label, p, _ in node.outcomes:
            vals, outs = self._value((*h, label), plan, below, full)
            parts.append(tuple(p * v for v in vals))
            if full:
                outcomes.extend((p * q, t) for q, t in outs if p * q != 0)
        values = tuple(sp.Add(*vs) for vs in zip(*parts, strict=True))
        return values, tuple(outcomes)


def _where(h: History) -> str:
    return repr("/".join(h)) if h else "the root"


def _branches(node: Any) -> list[tuple[str, Any]]:
    if node.kind == "decision":
        return list(node.moves)
    if node.kind == "chance":
        return [(label, child) for label, _, child in node.outcomes]
    return []


def _merge(solutions: list[Solution]) -> list[Solution]:
    """Join pieces with the same values (condition mode), or-ing their conditions."""
    merged: dict[tuple[sp.Expr, ...], list[sp.Basic]] = {}
    for s in solutions:
        merged.setdefault(s.values, []).append(s.condition)
    return [Solution(sp.Or(*conds), values) for values, conds in merged.items()]


# ---------------------------------------------------------------------- public functions
def subgame_perfect(
    root: Any, players: Sequence[str], *, tol: float = DEFAULT_TOL
) -> list[Solution]:
    """Every pure subgame-perfect equilibrium of a numeric tree, and mixed ones where needed.

    A subgame that has no pure equilibrium (given the subgames below it) is
    solved in mixed strategies: its extreme equilibria, found exactly by
    vertex enumeration of its normal form, with the mixing recorded in
    :attr:`Solution.mixed`. That needs two players moving in the subgame;
    with more, :class:`~negotiation.errors.GameTreeError` says so.

    Parameters
    ----------
    root
        The root node (a :class:`~negotiation.games.extensive.Decision`,
        ``Chance`` or ``Terminal``) of a checked tree with numeric payoffs.
    players
        The players' names, in payoff order.
    tol
        Float payoffs within ``tol`` of each other tie.

    Returns
    -------
    list of Solution
        Each with ``condition`` true, the choice at every decision node (or
        the action probabilities where play mixes), the reached terminals with
        their probabilities and the expected payoffs, ordered by the
        depth-first order of the nodes.

    Raises
    ------
    GameTreeError
        If a subgame has no pure equilibrium and more than two players move in it.

    Examples
    --------
    >>> import negotiation as ng
    >>> root = ng.Decision("A", {"x": ng.Terminal((1, 0)), "y": ng.Terminal((1, 2))})
    >>> [dict(s.choices) for s in subgame_perfect(root, ("A", "B"))]
    [{(): 'x'}, {(): 'y'}]

    Matching pennies after an outside option: the subgame has only a mixed
    equilibrium, worth 0 to the first player, who therefore takes the option.

    >>> pennies = ng.Decision("A", {
    ...     a: ng.Decision("B", {b: ng.Terminal((1, -1) if a == b else (-1, 1))
    ...                          for b in ("H", "T")}, infoset="b")
    ...     for a in ("H", "T")})
    >>> root = ng.Decision("A", {"Out": ng.Terminal((sp.Rational(1, 2), 0)), "In": pennies})
    >>> (sol,) = subgame_perfect(root, ("A", "B"))
    >>> sol.choices[()], sol.mixed[("In",)], sol.values
    ('Out', {'H': 1/2, 'T': 1/2}, (1/2, 0))
    """
    analysis = _Analysis(root, players, tol)
    found = analysis.solve((), None, True)
    out = []
    for s in found:
        choices = dict(sorted(s.choices.items(), key=lambda kv: analysis.order[kv[0]]))
        mixed = dict(sorted(s.mixed.items(), key=lambda kv: analysis.order[kv[0]]))
        out.append(Solution(s.condition, s.values, choices, s.outcomes, mixed))
    return out


def spe_conditions(
    root: Any, players: Sequence[str], path: Sequence[str], *, tol: float = DEFAULT_TOL
) -> sp.Basic:
    """The condition on the parameters under which ``path`` is a subgame-perfect play.

    ``path`` lists labels from the root (actions, and outcomes at chance nodes,
    where the path follows that branch); it may stop before a terminal. The
    condition holds exactly where some subgame-perfect equilibrium plays this
    way.

    Parameters
    ----------
    root, players
        As for :func:`subgame_perfect`; payoffs and probabilities may hold symbols.
    path
        A valid sequence of labels from the root (the caller checks the labels).
    tol
        Float payoffs within ``tol`` of each other tie.

    Returns
    -------
    sympy Boolean

    Examples
    --------
    >>> import sympy as sp, negotiation as ng
    >>> x = sp.Symbol("x")
    >>> root = ng.Decision("A", {"safe": ng.Terminal((1, 0)), "risky": ng.Terminal((x, 0))})
    >>> spe_conditions(root, ("A", "B"), ["risky"])
    x >= 1
    """
    analysis = _Analysis(root, players, tol)
    found = analysis.solve((), tuple(path) or None, False)
    return _tighten(sp.Or(*(s.condition for s in found))) if found else sp.false


def _tighten(condition: sp.Basic) -> sp.Basic:
    """Keep only the tightest numeric bounds ``s >= c`` and ``s <= c`` per symbol in each ``And``.

    Examples
    --------
    >>> h = sp.Symbol("h")
    >>> _tighten(sp.And(h >= 1, h >= -2, h <= 5))
    (h >= 1) & (h <= 5)
    >>> _tighten(sp.And(h >= 2, h <= 1))
    False
    """
    if isinstance(condition, sp.Or):
        return sp.Or(*(_tighten(arg) for arg in condition.args))
    if not isinstance(condition, sp.And):
        return condition
    lower: dict[sp.Symbol, sp.Expr] = {}
    upper: dict[sp.Symbol, sp.Expr] = {}
    rest = []
    for arg in condition.args:
        arg = _tighten(arg)
        if isinstance(arg, sp.Ge | sp.Le) and isinstance(arg.lhs, sp.Symbol) and arg.rhs.is_number:
            bounds, better = (lower, max) if isinstance(arg, sp.Ge) else (upper, min)
            bounds[arg.lhs] = better(bounds[arg.lhs], arg.rhs) if arg.lhs in bounds else arg.rhs
        else:
            rest.append(arg)
    if any(s in upper and lower[s] > upper[s] for s in lower):
        return sp.false
    return sp.And(
        *(sp.Ge(s, c) for s, c in lower.items()), *(sp.Le(s, c) for s, c in upper.items()), *rest
    )


def play_path(root: Any, choices: Mapping[History, str]) -> History:
    """The labels played from the root under ``choices``, stopping at chance or where play mixes.

    Examples
    --------
    >>> import negotiation as ng
    >>> root = ng.Decision("A", {"x": ng.Terminal((1,)), "y": ng.Terminal((0,))})
    >>> play_path(root, {(): "x"})
    ('x',)
    """
    h: History = ()
    node = root
    while node.kind == "decision" and h in choices:
        a = choices[h]
        h = (*h, a)
        node = dict(node.moves)[a]
    return h
