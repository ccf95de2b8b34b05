"""Table rows for each result: what ``.to_pandas()`` and ``.to_latex()`` show.

One formatter per result type, registered on :func:`negotiation.display.records`.
A result is one row (a list of results is one row per result, numbered), with
the players' full strategy labels, payoffs as exact numbers, and the method
that found it. A condition column appears where a symbolic result holds only
for some parameter values.

Examples
--------
>>> import negotiation as ng
>>> out = ng.BargainingProblem.from_points({"a": (4, 0), "b": (0, 2)}, (0, 0)).nash()
>>> ng.display.records(out).rows
[('Nash bargaining solution', 2, 1, 'a (1/2), b (1/2)', 'nash')]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sympy as sp

from negotiation.bargaining.outcome import HALF, METHOD_TITLES, BargainingOutcome
from negotiation.display import records, text
from negotiation.display.formatting import fmt
from negotiation.display.tables import Table
from negotiation.display.textfmt import distribution_words, type_name
from negotiation.games.bayesian import BayesNashEquilibrium
from negotiation.games.continuous import (
    ComparativeStatics,
    ContinuousEquilibrium,
    ContinuousOutcome,
)
from negotiation.games.extensive import BehaviourEquilibrium, SubgamePerfect
from negotiation.games.normal_form import Equilibrium
from negotiation.games.repeated import CredibleDiscount
from negotiation.games.signalling import IntuitiveCriterion, PerfectBayesianEquilibrium
from negotiation.solvers.logit import QREFit, QRELimit, QREPath
from negotiation.trade.tariff_war import WelfareTable

__all__: list[str] = []


def _with_condition(
    columns: list[str], row: list[Any], condition: sp.Basic
) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    if condition is not sp.true:
        columns.append("condition")
        row.append(str(condition))
    return tuple(columns), [tuple(row)]


def _words(d: Mapping[str, Any]) -> str:
    return distribution_words(tuple(d), tuple(d.values()))


@records.register
def _equilibrium_records(eq: Equilibrium) -> Table:
    labels = (
        eq.titles or eq.labels or tuple(tuple(str(k) for k in range(len(s))) for s in eq.strategies)
    )
    columns = [*eq.players, *(f"{p} payoff" for p in eq.players), "kind", "method"]
    row: list[Any] = [
        *(distribution_words(ls, probs) for ls, probs in zip(labels, eq.strategies, strict=True)),
        *eq.payoffs,
        "pure" if eq.is_pure else "mixed",
        eq.method,
    ]
    cols, rows = _with_condition(columns, row, eq.condition)
    return Table(cols, rows, "Nash equilibrium", "equilibrium")


@records.register
def _outcome_records(o: BargainingOutcome) -> Table:
    columns = ["solution", *o.players, "package", "method"]
    package = (
        "" if o.package is None else (o.package if isinstance(o.package, str) else text(o.package))
    )
    row: list[Any] = [METHOD_TITLES.get(o.method, o.method), *o.utilities, package, o.method]
    if o.beta is not None and o.beta != HALF:
        columns.insert(3, "beta")
        row.insert(3, o.beta)
    cols, rows = _with_condition(columns, row, o.condition)
    return Table(cols, rows, "Bargaining outcome", "solution")


@records.register
def _credible_records(c: CredibleDiscount) -> Table:
    columns = ["target", "critical discount factor", "credible", "kind", "punishments"]
    row: list[Any] = [
        "(" + ", ".join(c.target) + ")",
        c.delta,
        c.credible,
        c.kind,
        "; ".join(text(p) for p in c.punishments),
    ]
    if c.threat is not None:
        columns.append("threshold as a bare threat")
        row.append(c.threat)
    return Table(tuple(columns), [tuple(row)], "Critical discount factor", "target")


@records.register
def _bayes_nash_records(eq: BayesNashEquilibrium) -> Table:
    columns: list[str] = []
    row: list[Any] = []
    for p, name in enumerate(eq.players):
        for t, type_ in enumerate(eq.types[p]):
            columns.append(type_name(name, type_, len(eq.types[p])))
            row.append(distribution_words(eq.actions[p], eq.behaviour[p][t]))
    for p, name in enumerate(eq.players):
        for t, type_ in enumerate(eq.types[p]):
            columns.append(f"{type_name(name, type_, len(eq.types[p]))} payoff")
            row.append(eq.interim_payoffs[p][t])
    columns += ["kind", "method"]
    row += ["pure" if eq.is_pure else "mixed", eq.method]
    return Table(tuple(columns), [tuple(row)], "Bayes–Nash equilibrium", "equilibrium")


@records.register
def _pbe_records(eq: PerfectBayesianEquilibrium) -> Table:
    sender, receiver = eq.players
    columns: list[str] = ["kind"]
    row: list[Any] = [eq.kind]
    for t, d in eq.sender.items():
        columns.append(f"{sender} ({t})")
        row.append(_words(d))
    for m, d in eq.receiver.items():
        columns.append(f"{receiver} after {m}")
        row.append(_words(d))
    for m in eq.receiver:
        columns.append(f"belief after {m}")
        if m in eq.beliefs:
            row.append(", ".join(f"{t} {fmt(q)}" for t, q in eq.beliefs[m].items()))
        else:
            b = eq.off_path[m]
            if b.interval is not None:
                row.append(f"off path: {b.about} in [{b.interval[0]}, {b.interval[1]}]")
            else:
                row.append(f"off path: {b.condition}")
    for t, v in eq.sender_payoffs.items():
        columns.append(f"{sender} ({t}) payoff")
        row.append(v)
    columns.append(f"{receiver} payoff")
    row.append(eq.receiver_payoff)
    cols, rows = _with_condition(columns, row, eq.condition)
    return Table(cols, rows, "Perfect Bayesian equilibrium", "equilibrium")


@records.register
def _intuitive_records(test: IntuitiveCriterion) -> Table:
    inner = _pbe_records(test.equilibrium)
    survives: Any = {sp.true: True, sp.false: False}.get(test.survives, str(test.survives))
    return Table(
        (*inner.columns, "intuitive criterion", "reason"),
        [(*inner.rows[0], survives, test.reason)],
        "Intuitive criterion",
        "equilibrium",
    )


@records.register
def _spe_records(spe: SubgamePerfect) -> Table:
    columns = ["path"]
    row: list[Any] = [" -> ".join(spe.path) if spe.path else "(random from the first move)"]
    for p, plan in zip(spe.players, spe.profile, strict=True):
        columns.append(p)
        row.append(plan)
    for p, v in zip(spe.players, spe.payoffs, strict=True):
        columns.append(f"{p} payoff")
        row.append(v)
    columns.append("method")
    row.append(spe.method.replace("_", " "))
    return Table(tuple(columns), [tuple(row)], "Subgame-perfect equilibrium", "equilibrium")


@records.register
def _behaviour_records(eq: BehaviourEquilibrium) -> Table:
    columns: list[str] = []
    row: list[Any] = []
    for name, dist in eq.behaviour.items():
        owner = eq.owners[name]
        columns.append(name if name.startswith(owner) else f"{owner} at {name}")
        row.append(_words(dist) + (" (not reached)" if name in eq.unreached else ""))
    for p, v in zip(eq.players, eq.payoffs, strict=True):
        columns.append(f"{p} payoff")
        row.append(v)
    columns += ["method", "solver"]
    row += [eq.method, eq.solver]
    return Table(
        tuple(columns), [tuple(row)], "Nash equilibrium in behaviour strategies", "equilibrium"
    )


# ---------------------------------------------------------------------- continuous games
def _strategy_columns(players: tuple[str, ...], symbols: tuple[sp.Symbol, ...]) -> list[str]:
    return [f"{p} ({s})" for p, s in zip(players, symbols, strict=True)]


@records.register
def _continuous_records(eq: ContinuousEquilibrium) -> Table:
    columns = [
        *_strategy_columns(eq.players, eq.symbols),
        *(f"{p} payoff" for p in eq.players),
        "position",
        "method",
    ]
    row: list[Any] = [
        *eq.strategies,
        *eq.payoffs,
        ", ".join(eq.status) if eq.status else "",
        eq.method.replace("_", " "),
    ]
    cols, rows = _with_condition(columns, row, eq.condition)
    return Table(cols, rows, "Nash equilibrium", "equilibrium")


@records.register
def _continuous_outcome_records(o: ContinuousOutcome) -> Table:
    concept = f"Stackelberg ({o.leader} leads)" if o.concept == "stackelberg" else "cooperative"
    columns = [
        "outcome",
        *_strategy_columns(o.players, o.symbols),
        *(f"{p} payoff" for p in o.players),
        "method",
    ]
    row: list[Any] = [concept, *o.strategies, *o.payoffs, o.method.replace("_", " ")]
    cols, rows = _with_condition(columns, row, o.condition)
    return Table(cols, rows, "Outcome", "outcome")


@records.register
def _statics_records(c: ComparativeStatics) -> Table:
    columns = ("player", "strategy", f"d strategy / d {c.parameter}")
    rows = [(p, str(s), d) for p, s, d in zip(c.players, c.symbols, c.derivatives, strict=True)]
    return Table(columns, rows, f"Comparative statics in {c.parameter}", "player")


@records.register
def _welfare_records(w: WelfareTable) -> Table:
    a, b = w.players
    columns = ("tariffs", f"t {a}", f"t {b}", f"W {a} ($bn)", f"W {b} ($bn)")
    return Table(columns, [tuple(r) for r in w.rows], "Welfare relative to free trade", "tariffs")


# ---------------------------------------------------------------------- quantal response
@records.register
def _qre_path_records(path: QREPath) -> Table:
    columns = ("lambda", "player", "strategy", "probability")
    rows = [tuple(r[c] for c in columns) for r in path.to_records()]
    return Table(columns, rows, "Logit QRE path", "point")


@records.register
def _qre_fit_records(fit: QREFit) -> Table:
    columns = ("player", "strategy", "count", "observed", "probability")
    rows = []
    for player, names, probs, counts in zip(
        fit.players, fit.labels, fit.strategies, fit.counts, strict=True
    ):
        total = float(counts.sum())
        for name, prob, count in zip(names, probs.tolist(), counts.tolist(), strict=True):
            rows.append((player, name, count, count / total if total > 0 else float("nan"), prob))
    return Table(columns, rows, f"Logit QRE fit (lambda = {fit.lam:.6g})", "row")


@records.register
def _qre_limit_records(limit: QRELimit) -> Table:
    columns = ["lambda", *(f"player {k + 1}" for k in range(len(limit.strategies)))]
    columns += ["max regret", "refined"]
    row: list[Any] = [
        limit.lam,
        *(", ".join(f"{x:.6g}" for x in p.tolist()) for p in limit.strategies),
        limit.max_regret,
        limit.refined,
    ]
    return Table(tuple(columns), [tuple(row)], "Logit QRE limit", "limit")
