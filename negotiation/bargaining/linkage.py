"""Issue linkage: bundles that succeed where single issues fail, and pooled enforcement.

Two lessons of the linkage literature, for two players:

* **Exchange** (Tollison and Willett 1979; Sebenius 1983): when each side
  cares more about a different issue, the zone of possible agreement (ZOPA) of
  each issue alone can be empty while the bundle's is not; the joint gain from
  logrolling is what the bundle adds to the issues settled one by one.
  :func:`link_issues` takes one bargaining problem per issue (or a scenario,
  whose issues' levels become the packages) and compares the zones.
* **Enforcement** (Bernheim and Whinston 1990; Limão 2005): in repeated
  games, linking pools the self-enforcement constraints,
  ``sum_k (T_k - R_k) <= delta/(1 - delta) * sum_k (R_k - P_k)``, so slack on one
  issue can cover another. :func:`pooled_enforcement` compares the separate
  and pooled constraints.

Both work with symbolic payoffs: the zones and constraints are then sympy
conditions in the parameters.

References
----------
R. D. Tollison and T. D. Willett (1979), *International Organization* 33(4): 425-449.
J. K. Sebenius (1983), *International Organization* 37(2): 281-316.
B. D. Bernheim and M. D. Whinston (1990), *RAND Journal of Economics* 21(1): 1-26.
N. Limão (2005), *Journal of International Economics* 67(1): 175-199.

Examples
--------
Rare-earth licences alone (China loses by delivering) and export controls alone
(the US loses by lifting them) have no zone of agreement; the bundle does.

>>> import negotiation as ng
>>> rare_earths = ng.BargainingProblem.from_points(
...     {"up_front": (4, -1), "slow_walk": (-1, 0)}, (-1, 0), lotteries=False)
>>> controls = ng.BargainingProblem.from_points(
...     {"lifted": (-2, 3), "held": (0, 0)}, (0, 0), lotteries=False)
>>> link = ng.link_issues({"rare_earths": rare_earths, "export_controls": controls})
>>> [z.nonempty for z in link.issues], link.bundle.nonempty
([False, False], True)
>>> link.bundle.packages
('up_front & lifted',)
>>> link.joint_gain
5
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sympy as sp

from negotiation import display
from negotiation.bargaining import solutions as _sol
from negotiation.bargaining.feasible import (
    BargainingProblem,
    as_utility,
    check_unit_interval,
    exact,
    exact_points,
)
from negotiation.errors import BargainingError, FreeParameterError
from negotiation.symbolic import bounded_simplify

__all__ = [
    "Linkage",
    "PooledEnforcement",
    "Zopa",
    "issue_problems",
    "link_issues",
    "pooled_enforcement",
]

MAX_BUNDLE = 20_000
JOIN = " & "
NO_DEAL = "no deal"


# =========================================================================== zones
@dataclass(frozen=True)
class Zopa:
    """The zone of possible agreement of one issue, or of a bundle.

    Attributes
    ----------
    name
        The issue's name, or ``"bundle"``.
    condition
        The sympy condition that some package (or lottery, where allowed)
        gives both players strictly more than no deal: ``sympy.true`` or
        ``sympy.false`` for numeric payoffs.
    package_conditions
        ``(label, condition)`` for each package: the condition that it beats no
        deal for both.
    surplus
        The largest joint gain over no deal among the outcomes both accept
        (0 when the zone is empty).

    Examples
    --------
    >>> import negotiation as ng
    >>> p = ng.BargainingProblem.from_points({"a": (2, 1), "b": (3, -1)}, (0, 0),
    ...                                      lotteries=False)
    >>> z = ng.link_issues({"x": p}).issues[0]
    >>> z.nonempty, z.packages, z.surplus
    (True, ('a',), 3)
    """

    name: str
    condition: sp.Basic
    package_conditions: tuple[tuple[str, sp.Basic], ...]
    surplus: sp.Expr

    @property
    def nonempty(self) -> bool:
        """Whether the zone is non-empty (needs the answer to be decided: numeric payoffs).

        Raises
        ------
        FreeParameterError
            When it depends on parameters still free.
        """
        if self.condition in (sp.true, sp.false):
            return bool(self.condition)
        names = sorted(s.name for s in self.condition.free_symbols)
        raise FreeParameterError(
            f"whether the zone of agreement of {self.name} is empty depends on "
            f"{', '.join(names)}; read .condition, or give values (e.g. with problem.subs)"
        )

    @property
    def packages(self) -> tuple[str, ...]:
        """The packages known to beat no deal for both (those whose condition is true)."""
        return tuple(label for label, c in self.package_conditions if c is sp.true)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


def _tidy(cond: sp.Basic) -> sp.Basic:
    """Simplify a symbolic condition when it is small enough to do so quickly."""
    return bounded_simplify(cond)


def _zopa(name: str, problem: BargainingProblem) -> Zopa:
    pts, d = exact_points(problem)
    conds = tuple(
        (label, _tidy(sp.And(x > d[0], y > d[1])))
        for label, (x, y) in zip(problem.labels, pts, strict=True)
    )
    condition = _tidy(_sol.gains_condition_points(pts, d, lotteries=problem.lotteries))
    surplus = _sol.joint_surplus_points(pts, d, lotteries=problem.lotteries)
    # an issue is settled only when both gain: no zone, no surplus
    surplus = sp.Piecewise((surplus, condition), (0, True))
    if not problem.is_exact:
        surplus = surplus.evalf()
    return Zopa(name, condition, conds, surplus)


@dataclass(frozen=True)
class Linkage:
    """Single issues against their bundle: zones of agreement and the gain from logrolling.

    Attributes
    ----------
    issues
        The :class:`Zopa` of each issue alone.
    bundle
        The :class:`Zopa` of the linked bundle.
    problem
        The bundle as a :class:`~negotiation.BargainingProblem` (solve it with
        ``.nash()`` and friends).
    issue_problems
        The single-issue problems, in the order of ``issues``.

    Examples
    --------
    >>> import negotiation as ng
    >>> a = ng.BargainingProblem.from_points({"give": (3, -1), "keep": (0, 0)}, (0, 0))
    >>> b = ng.BargainingProblem.from_points({"give": (-1, 3), "keep": (0, 0)}, (0, 0))
    >>> link = ng.link_issues({"a": a, "b": b})
    >>> link.creates_agreement, link.problem.nash().package
    (True, 'give & give')
    """

    issues: tuple[Zopa, ...]
    bundle: Zopa
    problem: BargainingProblem
    issue_problems: tuple[BargainingProblem, ...]

    @property
    def creates_agreement(self) -> sp.Basic:
        """The condition that the bundle has a zone of agreement while some issue alone has none.

        ``sympy.true``/``sympy.false`` for numeric payoffs.
        """
        return sp.And(self.bundle.condition, sp.Or(*[sp.Not(z.condition) for z in self.issues]))

    @property
    def joint_gain(self) -> sp.Expr:
        """The joint gain from logrolling: the bundle's surplus minus the issues' surpluses.

        Each issue alone is settled only if it has a zone of agreement, at its
        largest joint gain; linking adds what the bundle achieves beyond that.
        """
        gain = self.bundle.surplus - sp.Add(*[z.surplus for z in self.issues])
        return bounded_simplify(gain) if gain.free_symbols else gain

    def zopa(self, name: str) -> Zopa:
        """The zone of the issue called ``name`` (or ``"bundle"``)."""
        for z in (*self.issues, self.bundle):
            if z.name == name:
                return z
        raise BargainingError(
            f"no issue {name!r}; the issues are " + ", ".join(z.name for z in self.issues)
        )

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


# =========================================================================== building
def _is_scenario(source: Any) -> bool:
    return (
        hasattr(source, "issues")
        and hasattr(source, "parties")
        and callable(getattr(source, "game", None))
    )


def issue_problems(
    scenario: Any,
    *,
    issues: Sequence[str] | None = None,
    symbolic: bool = False,
    lotteries: bool = False,
) -> dict[str, BargainingProblem]:
    """One bargaining problem per issue of a scenario: its levels are the packages.

    Each party's utility for a level is its valuation of that level (at the
    parameters' default values unless ``symbolic``); the disagreement point is
    the status-quo level. Interaction terms between issues are left out here;
    :func:`link_issues` adds them to the bundle.

    Parameters
    ----------
    scenario
        A :class:`negotiation.Scenario` (anything with ``issues``, ``parties``,
        ``players`` and ``defaults``).
    issues
        The issue names to take (default: all).
    symbolic
        Keep the parameters as symbols.
    lotteries
        Whether lotteries over levels are feasible (default ``False``).

    Examples
    --------
    >>> import negotiation as ng
    >>> s = ng.Scenario(
    ...     "toy",
    ...     parties=(ng.Party("US", valuations={"visas": {"eased": 1}}),
    ...              ng.Party("China", valuations={"visas": {"eased": 2}})),
    ...     issues=(ng.Issue("visas", ("restricted", "eased"), status_quo="restricted",
    ...                      controlled_by="US"),),
    ...     strategies={"US": (ng.Strategy("Keep"),), "China": (ng.Strategy("Wait"),)})
    >>> issue_problems(s)["visas"].points
    ((0, 0), (1, 2))
    """
    chosen = _issue_objects(scenario, issues)
    values = {} if symbolic else dict(scenario.defaults)
    out = {}
    for issue in chosen:
        pts = {}
        for level in issue.level_names:
            pts[f"{issue.name}={level}"] = tuple(
                sp.sympify(party.value(issue.name, level)).xreplace(values)
                for party in scenario.parties
            )
        d = pts[f"{issue.name}={issue.status_quo}"]
        out[issue.name] = BargainingProblem.from_points(
            pts, d, lotteries=lotteries, players=scenario.players, name=issue.name
        )
    return out


def _issue_objects(scenario: Any, issues: Sequence[str] | None) -> list[Any]:
    if issues is None:
        return list(scenario.issues)
    by_name = {i.name: i for i in scenario.issues}
    unknown = [n for n in issues if n not in by_name]
    if unknown:
        raise BargainingError(
            f"the scenario has no issue {unknown[0]!r}; its issues are " + ", ".join(by_name)
        )
    return [by_name[n] for n in issues]


def _scenario_bundle(
    scenario: Any, names: Sequence[str], symbolic: bool, lotteries: bool
) -> BargainingProblem:
    chosen = _issue_objects(scenario, names)
    values = {} if symbolic else dict(scenario.defaults)
    status = dict(scenario.status_quo)
    _check_size([len(i.level_names) for i in chosen])

    def utilities(outcome: Mapping[str, str]) -> tuple[sp.Expr, sp.Expr]:
        pair = []
        for party in scenario.parties:
            total = sp.Add(*(party.value(i, lv) for i, lv in outcome.items()))
            total += sp.Add(*(x.value for x in party.interactions if x.applies(outcome)))
            pair.append(sp.sympify(total).xreplace(values))
        return pair[0], pair[1]

    pts = {}
    for levels in itertools.product(*(i.level_names for i in chosen)):
        outcome = dict(status)
        outcome.update({i.name: lv for i, lv in zip(chosen, levels, strict=True)})
        label = JOIN.join(f"{i.name}={lv}" for i, lv in zip(chosen, levels, strict=True))
        pts[label] = utilities(outcome)
    return BargainingProblem.from_points(
        pts, utilities(status), lotteries=lotteries, players=scenario.players, name="bundle"
    )


def _check_size(sizes: Sequence[int]) -> None:
    total = math.prod(sizes)
    if total > MAX_BUNDLE:
        raise BargainingError(
            f"the bundle has {total} packages (more than {MAX_BUNDLE}); link fewer issues or "
            "give them fewer packages"
        )


def _with_no_deal(problem: BargainingProblem) -> list[tuple[str, tuple[sp.Expr, sp.Expr]]]:
    """The issue's packages, plus leaving it at the disagreement point when that is not one."""
    options = list(zip(problem.labels, problem.points, strict=True))
    if problem.disagreement not in problem.points:
        options.append((NO_DEAL, problem.disagreement))
    return options


def _minkowski(problems: Sequence[BargainingProblem]) -> BargainingProblem:
    options = [_with_no_deal(p) for p in problems]
    _check_size([len(o) for o in options])
    pts = {}
    for combo in itertools.product(*options):
        label = JOIN.join(name for name, _ in combo)
        pts[label] = (sp.Add(*(u[0] for _, u in combo)), sp.Add(*(u[1] for _, u in combo)))
    d = (
        sp.Add(*(p.disagreement[0] for p in problems)),
        sp.Add(*(p.disagreement[1] for p in problems)),
    )
    return BargainingProblem.from_points(
        pts,
        d,
        lotteries=all(p.lotteries for p in problems),
        players=problems[0].players,
        name="bundle",
    )


def link_issues(
    source: Mapping[str, BargainingProblem] | Sequence[BargainingProblem] | Any,
    *,
    issues: Sequence[str] | None = None,
    symbolic: bool = False,
    lotteries: bool = False,
) -> Linkage:
    """Compare each issue's zone of possible agreement with that of the linked bundle.

    Parameters
    ----------
    source
        One bargaining problem per issue (a mapping ``name -> problem``, or a
        sequence, named ``"issue 1"``, ...), each built from packages; or a
        scenario, whose issues' levels become the packages
        (:func:`issue_problems`) and whose bundle includes its interaction terms.
    issues
        The issue names to link (default: all).
    symbolic, lotteries
        For a scenario only: keep its parameters as symbols; allow lotteries
        over levels.

    Returns
    -------
    Linkage
        The zones, the bundle as a bargaining problem and the joint gain from
        logrolling. The bundle's packages are all combinations of the issues'
        packages (labels joined by ``" & "``), their utilities summed; an issue
        whose disagreement point is not one of its packages can also be left
        at it (``"no deal"``).

    Raises
    ------
    BargainingError
        For no issues, a frontier-curve problem, an unknown issue name or a
        bundle with too many packages.

    Examples
    --------
    >>> import sympy as sp, negotiation as ng
    >>> v, c = sp.symbols("v c", positive=True)
    >>> trade = ng.BargainingProblem.from_points({"deal": (v, -1), "none": (0, 0)}, (0, 0),
    ...                                          lotteries=False)
    >>> visas = ng.BargainingProblem.from_points({"eased": (-c, 2), "none": (0, 0)}, (0, 0),
    ...                                          lotteries=False)
    >>> link_issues({"trade": trade, "visas": visas}).bundle.condition
    c < v
    """
    if _is_scenario(source):
        problems = issue_problems(source, issues=issues, symbolic=symbolic, lotteries=lotteries)
        names = list(problems)
        bundle = _scenario_bundle(source, names, symbolic, lotteries)
    else:
        if isinstance(source, Mapping):
            items = list(source.items())
        elif isinstance(source, Sequence) and not isinstance(source, str):
            items = [(f"issue {k + 1}", p) for k, p in enumerate(source)]
        else:
            raise BargainingError(
                f"link_issues needs one BargainingProblem per issue (a mapping name -> "
                f"problem) or a scenario; got {type(source).__name__}"
            )
        if issues is not None:
            known = dict(items)
            unknown = [n for n in issues if n not in known]
            if unknown:
                raise BargainingError(
                    f"no issue {unknown[0]!r}; the issues are " + ", ".join(known)
                )
            items = [(n, known[n]) for n in issues]
        for name, p in items:
            if not isinstance(p, BargainingProblem):
                raise BargainingError(
                    f"issue {name!r} is a {type(p).__name__}, not a BargainingProblem"
                )
            if p.kind != "points":
                raise BargainingError(
                    f"issue {name!r} is a frontier curve; linkage needs problems built from "
                    "packages (BargainingProblem.from_points)"
                )
        problems = dict(items)
        names = list(problems)
        if not problems:
            raise BargainingError("no issues to link; give at least one per-issue problem")
        bundle = _minkowski(list(problems.values()))
    if not problems:
        raise BargainingError("no issues to link; give at least one issue")
    return Linkage(
        issues=tuple(_zopa(n, problems[n]) for n in names),
        bundle=_zopa("bundle", bundle),
        problem=bundle,
        issue_problems=tuple(problems[n] for n in names),
    )


# =========================================================================== enforcement
@dataclass(frozen=True)
class PooledEnforcement:
    """Separate and pooled self-enforcement constraints for linked repeated games.

    For one player, issue ``k`` is a repeated prisoner's dilemma with
    temptation ``T_k``, reward ``R_k`` and punishment ``P_k``. Alone it is
    self-enforcing under grim trigger iff
    ``T_k - R_k <= delta/(1 - delta) * (R_k - P_k)``, i.e.
    ``delta >= (T_k - R_k)/(T_k - P_k)``; linked, only the sum must hold.

    Attributes
    ----------
    issues
        The issue names.
    delta
        The discount factor (a number or a symbol).
    thresholds
        Each issue's critical discount factor ``(T - R)/(T - P)``.
    pooled_threshold
        ``sum(T - R)/sum(T - P)``: the critical discount factor of the bundle.
    separate
        Each issue's constraint as a sympy Boolean (``sympy.true``/``false``
        when ``delta`` and the payoffs are numbers).
    pooled
        The pooled constraint.
    slack
        ``delta/(1 - delta)*(R - P) - (T - R)`` per issue: positive slack on one
        issue can cover a shortfall on another.

    Examples
    --------
    >>> import sympy as sp, negotiation as ng
    >>> pe = ng.pooled_enforcement({"tariffs": (10, 0, -30), "licences": (4, 0, -1)},
    ...                            delta=sp.Rational(1, 2))
    >>> pe.thresholds, pe.pooled_threshold
    ((1/4, 4/5), 14/45)
    >>> pe.separate, pe.pooled, pe.covers
    ((True, False), True, True)
    """

    issues: tuple[str, ...]
    delta: sp.Expr
    thresholds: tuple[sp.Expr, ...]
    pooled_threshold: sp.Expr
    separate: tuple[sp.Basic, ...]
    pooled: sp.Basic
    slack: tuple[sp.Expr, ...]

    @property
    def covers(self) -> sp.Basic:
        """The condition that the pooled constraint holds although some issue alone fails."""
        return sp.And(self.pooled, sp.Or(*[sp.Not(c) for c in self.separate]))

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


def pooled_enforcement(issues: Mapping[str, Sequence[Any]], delta: Any = None) -> PooledEnforcement:
    """One player's self-enforcement constraints, issue by issue and pooled.

    Parameters
    ----------
    issues
        ``{name: (T, R, P)}``: the player's temptation, reward (cooperation) and
        punishment payoffs on each issue, with ``T >= R > P`` (numbers or sympy
        expressions). An issue with ``T = R`` tempts no one: its threshold is
        0 and all its slack ``delta/(1 - delta) (R - P)`` can cover another
        issue (Bernheim and Whinston's case). Call once per player.
    delta
        The discount factor in (0, 1); default the symbol ``delta``.

    Raises
    ------
    BargainingError
        For no issues, a malformed triple, numeric payoffs that violate
        ``T >= R > P``, or a discount factor outside (0, 1).

    References
    ----------
    Bernheim and Whinston (1990); Bagwell and Staiger (2002), chapter 6.

    Examples
    --------
    >>> import sympy as sp
    >>> pe = pooled_enforcement({"a": (3, 2, 0), "b": (5, 1, 0)})
    >>> pe.separate, pe.pooled
    ((delta >= 1/3, delta >= 4/5), delta >= 5/8)
    >>> pe.covers.subs(pe.delta, sp.Rational(3, 4))
    True

    No temptation on one issue: its slack lets the other hold from 1/3 instead of 1/2.

    >>> calm = pooled_enforcement({"calm": (1, 1, 0), "b": (2, 1, 0)})
    >>> calm.thresholds, calm.pooled
    ((0, 1/2), delta >= 1/3)
    """
    if not isinstance(issues, Mapping) or not issues:
        raise BargainingError(
            "give the issues as a non-empty mapping {name: (T, R, P)}, e.g. "
            "{'tariffs': (10, 0, -30)}"
        )
    d = (
        sp.Symbol("delta", positive=True)
        if delta is None
        else check_unit_interval(delta, "delta", "delta=0.9")
    )
    names, temptation, loss, thresholds, separate, slack = [], [], [], [], [], []
    ratio = d / (1 - d)
    for name, triple in issues.items():
        if isinstance(triple, str) or not isinstance(triple, Sequence) or len(triple) != 3:
            raise BargainingError(
                f"issue {name!r}: give (T, R, P), the temptation, reward and punishment "
                f"payoffs; got {triple!r}"
            )
        T, R, P = (exact(as_utility(v, f"issue {name!r} payoff")) for v in triple)
        if (T - R).is_number and T < R:
            raise BargainingError(
                f"issue {name!r}: (T, R, P) = ({T}, {R}, {P}) has T < R; T is the best payoff "
                "from deviating, which is at least the reward R (give T = R for an issue with "
                "no temptation)"
            )
        if (R - P).is_number and not R > P:
            raise BargainingError(
                f"issue {name!r}: (T, R, P) = ({T}, {R}, {P}) breaks R > P; the punishment "
                "must hurt, or the issue has nothing to enforce with"
            )
        names.append(str(name))
        temptation.append(T - R)
        loss.append(R - P)
        thresholds.append(bounded_simplify((T - R) / (T - P)))
        separate.append(_relation(d, ratio, T - R, R - P))
        slack.append(bounded_simplify(ratio * (R - P) - (T - R)))
    pooled_threshold = bounded_simplify(sp.Add(*temptation) / (sp.Add(*temptation) + sp.Add(*loss)))
    pooled = _relation(d, ratio, sp.Add(*temptation), sp.Add(*loss))
    return PooledEnforcement(
        issues=tuple(names),
        delta=d,
        thresholds=tuple(thresholds),
        pooled_threshold=pooled_threshold,
        separate=tuple(separate),
        pooled=pooled,
        slack=tuple(slack),
    )


def _relation(delta: sp.Expr, ratio: sp.Expr, gain: sp.Expr, loss: sp.Expr) -> sp.Basic:
    """``gain <= delta/(1 - delta)*loss``; as ``delta >= gain/(gain + loss)`` when ``loss > 0``."""
    if loss.is_positive and (gain + loss).is_positive:
        return sp.Ge(delta, bounded_simplify(gain / (gain + loss)))
    return sp.Le(gain, bounded_simplify(ratio * loss))
