"""Plain-text formatters: what ``print`` and ``repr`` show for each model and result.

Examples
--------
>>> import negotiation as ng
>>> def magnets(us, japan, eu):  # each buyer gets 1 if it stockpiles alone, else 0
...     choices = (us, japan, eu)
...     return [int(c == "Stockpile" and choices.count("Stockpile") == 1) for c in choices]
>>> g = ng.Game.from_payoff_function(("US", "Japan", "EU"), [("Wait", "Stockpile")] * 3, magnets)
>>> print(g)
EU plays Wait
US \\ Japan   Wait      Stockpile
Wait          0, 0, 0   0, 1, 0
Stockpile     1, 0, 0   0, 0, 0
<BLANKLINE>
EU plays Stockpile
US \\ Japan   Wait      Stockpile
Wait          0, 0, 1   0, 0, 0
Stockpile     0, 0, 0   0, 0, 0
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import product
from typing import Any

import numpy as np
import sympy as sp

from negotiation.bargaining.feasible import BargainingProblem, ParetoFrontier
from negotiation.bargaining.linkage import Linkage, PooledEnforcement, Zopa
from negotiation.bargaining.outcome import (
    HALF,
    METHOD_TITLES,
    BargainingOutcome,
    Lottery,
    ParetoCheck,
)
from negotiation.bargaining.ratification import TwoLevelGame, WinSet, WinSetShift
from negotiation.bargaining.rubinstein import RubinsteinConvergence
from negotiation.display import short, text
from negotiation.display.formatting import fmt, history_text, quantity, text_table
from negotiation.games.bayesian import BayesianGame, BayesNashEquilibrium, is_one, positive
from negotiation.games.continuous import (
    BestResponse,
    ComparativeStatics,
    ContinuousEquilibrium,
    ContinuousGame,
    ContinuousOutcome,
    ContinuousSweepResult,
    StrategySet,
)
from negotiation.games.extensive import (
    BehaviourEquilibrium,
    Chance,
    Decision,
    GameTree,
    Node,
    SubgamePerfect,
    Terminal,
)
from negotiation.games.normal_form import Equilibrium, Game
from negotiation.games.repeated import CredibleDiscount, Punishment, RepeatedGame
from negotiation.games.signalling import (
    IntuitiveCriterion,
    OffPathBeliefs,
    PerfectBayesianEquilibrium,
    SignallingGame,
)
from negotiation.games.simulation import Simulation
from negotiation.scenarios.private_file import PrivateScenario
from negotiation.scenarios.scenario import Scenario
from negotiation.sweeps.result import OutcomeShares, SweepResult

__all__ = [
    "continuous_title",
    "continuous_value",
    "distribution_words",
    "game_blocks",
    "pbe_lines",
    "simulation_cooperation",
    "strategy_words",
    "tree_lines",
    "type_name",
    "win_set_text",
]


def game_blocks(
    game: Game, formatter: Callable[[Any], str]
) -> Iterator[tuple[tuple[tuple[str, str], ...], list[list[str]]]]:
    """The game as bimatrix blocks, one per profile of the third and further players.

    Yields ``(others, cells)``: ``others`` holds ``(player, strategy)`` pairs
    of the players after the first two (empty for two players), ``cells`` the
    ``rows x columns`` table of payoff cells, every player's payoff in order.
    """
    m, n = game.shape[0], game.shape[1]
    for rest in product(*(range(k) for k in game.shape[2:])):
        others = tuple((game.players[2 + q], game.strategies[2 + q][k]) for q, k in enumerate(rest))
        cells = [
            [", ".join(formatter(u[(i, j, *rest)]) for u in game.payoffs) for j in range(n)]
            for i in range(m)
        ]
        yield others, cells


def _block_heading(others: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{player} plays {label}" for player, label in others)


@text.register
def _game_text(game: Game) -> str:
    blocks = []
    header = [f"{game.players[0]} \\ {game.players[1]}", *game.strategies[1]]
    for others, cells in game_blocks(game, fmt):
        rows = [[label, *row] for label, row in zip(game.strategies[0], cells, strict=True)]
        table = text_table(header, rows)
        blocks.append(f"{_block_heading(others)}\n{table}" if others else table)
    body = "\n\n".join(blocks)
    return f"{game.name}\n{body}" if game.name else body


def _nested(array: sp.NDimArray) -> str:
    if array.rank() == 1:
        return "[" + ", ".join(fmt(v) for v in array) + "]"
    return "[" + ", ".join(_nested(array[i]) for i in range(array.shape[0])) + "]"


@short.register
def _game_short(game: Game) -> str:
    parts = [_nested(u) for u in game.payoffs]
    parts.append(f"players={game.players!r}")
    parts.append(f"strategies={game.strategies!r}")
    if game.name:
        parts.append(f"name={game.name!r}")
    return "Game(" + ", ".join(parts) + ")"


def _vector(v: Any) -> str:
    return "(" + ", ".join(fmt(x) for x in v) + ")"


@short.register
def _equilibrium_short(eq: Equilibrium) -> str:
    payoffs = "(" + ", ".join(fmt(u) for u in eq.payoffs) + ")"
    if len(eq.strategies) == 2:
        mixes = f"row={_vector(eq.strategies[0])}, col={_vector(eq.strategies[1])}"
    else:
        mixes = "strategies=(" + ", ".join(_vector(s) for s in eq.strategies) + ")"
    return f"Equilibrium({mixes}, payoffs={payoffs}, method={eq.method!r})"


def strategy_words(labels: Sequence[str], probs: Sequence[Any]) -> str:
    """A mixed strategy in words: ``"Truce"``, or ``"Truce with probability 1/3, ..."``."""
    parts = []
    for label, p in zip(labels, probs, strict=True):
        if isinstance(p, sp.Basic) and not p.is_number:
            parts.append(f"{label} with probability {fmt(p)}")
        elif float(p) == 1.0:
            return label
        elif float(p) != 0:
            parts.append(f"{label} with probability {fmt(p)}")
    return ", ".join(parts)


@text.register
def _equilibrium_text(eq: Equilibrium) -> str:
    if not eq.labels:
        return short(eq)
    plays = "; ".join(
        f"{player} plays {strategy_words(labels, probs)}"
        for player, labels, probs in zip(
            eq.players, eq.titles or eq.labels, eq.strategies, strict=True
        )
    )
    text_ = f"{plays}; payoffs (" + ", ".join(fmt(u) for u in eq.payoffs) + ")"
    if eq.condition is not sp.true:
        text_ += f"; valid when {eq.condition}"
    return text_


# ---------------------------------------------------------------------- game trees
def _branches(node: Node) -> tuple[tuple[str, Node], ...]:
    if isinstance(node, Decision):
        return node.moves
    if isinstance(node, Chance):
        return tuple((o, c) for o, _, c in node.outcomes)
    return ()


def tree_lines(node: Node, prefix: str = "") -> list[str]:
    """The tree below ``node`` drawn with box characters, one line per node."""

    def describe(n: Node) -> str:
        if isinstance(n, Terminal):
            return "(" + ", ".join(fmt(v) for v in n.payoffs) + ")"
        if isinstance(n, Chance):
            return "Chance"
        return str(n.player) + (f" [infoset {n.infoset}]" if n.infoset else "")

    lines = [describe(node)] if not prefix else []
    branches = _branches(node)
    for k, (label, child) in enumerate(branches):
        last = k == len(branches) - 1
        tag = label
        if isinstance(node, Chance):
            tag = f"{label} [p = {fmt(node.outcomes[k][1])}]"
        lines.append(f"{prefix}{'└─ ' if last else '├─ '}{tag}: {describe(child)}")
        deeper = prefix + ("   " if last else "│  ")
        lines.extend(tree_lines(child, deeper))
    return lines


@short.register
def _terminal_short(node: Terminal) -> str:
    return f"Terminal(({', '.join(str(v) for v in node.payoffs)}{',' * (len(node.payoffs) == 1)}))"


@short.register
def _decision_short(node: Decision) -> str:
    moves = ", ".join(f"{a!r}: {short(c)}" for a, c in node.moves)
    extra = f", infoset={node.infoset!r}" if node.infoset is not None else ""
    return f"Decision({node.player!r}, {{{moves}}}{extra})"


@short.register
def _chance_short(node: Chance) -> str:
    body = ", ".join(f"{o!r}: ({p}, {short(c)})" for o, p, c in node.outcomes)
    return f"Chance({{{body}}})"


@text.register
def _tree_text(tree: GameTree) -> str:
    head = f"GameTree{f' {tree.name!r}' if tree.name else ''} (players: {', '.join(tree.players)})"
    return head + "\n" + "\n".join(tree_lines(tree.root, ""))


@short.register
def _tree_short(tree: GameTree) -> str:
    n = sum(1 for _ in tree.nodes())
    params = ", ".join(p.name for p in tree.parameters)
    return (
        f"GameTree(players={tree.players}, nodes={n}"
        + (f", parameters=({params})" if params else "")
        + (f", name={tree.name!r}" if tree.name else "")
        + ")"
    )


@text.register
def _spe_text(spe: SubgamePerfect) -> str:
    lines = [
        "Subgame-perfect equilibrium: path "
        + (
            " -> ".join(spe.path)
            if spe.path
            else "(random from the first move: a chance move or a mixed strategy)"
        )
        + "; payoffs "
        + ", ".join(f"{p} {fmt(v)}" for p, v in zip(spe.players, spe.payoffs, strict=True))
    ]
    if len(spe.outcomes) > 1:
        for prob, hist in spe.outcomes:
            lines.append(f"  with probability {fmt(prob)}: {' -> '.join(hist)}")
    for hist, action in spe.choices.items():
        lines.append(f"  at {history_text(hist)}: {action}")
    return "\n".join(lines)


# ---------------------------------------------------------------------- repeated games
@text.register
def _repeated_text(game: RepeatedGame) -> str:
    return (
        f"RepeatedGame: the stage game below, repeated forever with discount factor "
        f"{game.discount}\n{text(game.stage_game)}"
    )


@short.register
def _repeated_short(game: RepeatedGame) -> str:
    return f"RepeatedGame({short(game.stage_game)}, discount={game.discount})"


@text.register
def _punishment_text(p: Punishment) -> str:
    if isinstance(p.profile[0], str):
        what = f"({p.profile[0]}, {p.profile[1]})"
    else:
        what = "the mixed stage equilibrium " + str(
            tuple(tuple(str(v) for v in s) for s in p.profile)
        )
    if p.periods is None:
        length = "for ever"
    else:
        length = "for 1 round" if p.periods == 1 else f"for {p.periods} rounds"
    return f"after {p.deviator} deviates: {what} {length}"


@text.register
def _credible_text(result: CredibleDiscount) -> str:
    return result.reason


def simulation_cooperation(sim: Simulation) -> np.ndarray:
    """The share of rounds in which each player played its target action."""
    return sim.cooperation.mean(axis=0) if sim.rounds else np.zeros(2)


@text.register
def _simulation_text(sim: Simulation) -> str:
    coop = simulation_cooperation(sim)
    lines = [
        f"Simulation: {sim.players[0]} ({sim.strategies[0]}) vs "
        f"{sim.players[1]} ({sim.strategies[1]}), {sim.rounds} rounds "
        f"(ended by {sim.ended_by}), discount {fmt(sim.discount)}",
        f"  discounted payoffs: {fmt(sim.discounted_payoffs[0])}, "
        f"{fmt(sim.discounted_payoffs[1])}; average per round: "
        f"{fmt(sim.average_payoffs[0])}, {fmt(sim.average_payoffs[1])}",
        f"  target played: {fmt(float(coop[0]))}, {fmt(float(coop[1]))} of rounds; "
        f"trembles: {int(sim.trembles.sum())}",
    ]
    shown = sim.actions[:10]
    lines.append(
        "  first rounds: "
        + " ".join(f"({a},{b})" for a, b in shown)
        + (" ..." if sim.rounds > len(shown) else "")
    )
    return "\n".join(lines)


@short.register
def _simulation_short(sim: Simulation) -> str:
    return (
        f"Simulation(strategies={sim.strategies}, rounds={sim.rounds}, "
        f"ended_by={sim.ended_by!r}, seed={sim.seed!r})"
    )


# ---------------------------------------------------------------------- sweeps
def share_header(shares: OutcomeShares) -> list[str]:
    """The column heads of an outcome-share table."""
    header = ["outcome", "points", "share"]
    if shares.interval == "wilson":
        header.append(f"{shares.confidence:.0%} interval")
    return header


def share_rows(shares: OutcomeShares) -> list[list[str]]:
    """The rows of an outcome-share table: outcome, points, share (and interval)."""
    rows = []
    for k, outcome in enumerate(shares.outcomes):
        row = [outcome, str(int(shares.counts[k])), f"{shares.share[k]:.4f}"]
        if shares.interval == "wilson":
            row.append(f"[{shares.low[k]:.4f}, {shares.high[k]:.4f}]")
        rows.append(row)
    return rows


@text.register
def _shares_text(shares: OutcomeShares) -> str:
    return text_table(share_header(shares), share_rows(shares)) + f"\n({shares.n_points} points)"


@short.register
def _sweep_short(result: SweepResult) -> str:
    if result.kind == "grid" and result.axes is not None:
        where = " x ".join(str(len(a)) for a in result.axes.values()) + " grid"
    else:
        where = "Monte Carlo"
    return (
        f"SweepResult({where} over {', '.join(result.parameters)}: {len(result)} points, "
        f"{len(result.codes)} equilibria, {len(result.outcomes)} outcomes, "
        f"{int(result.degenerate.sum())} degenerate points)"
    )


# ---------------------------------------------------------------------- scenarios
def scenario_lines(s: Scenario) -> list[str]:
    """A scenario's description up to its status quo profile (the payoff table comes next)."""
    lines = [s.title or s.name]
    if s.date:
        lines.append(f"Date: {s.date.isoformat()}")
    if s.description:
        lines += ["", s.description.strip()]
    parties = ", ".join(f"{p.name} ({p.title})" if p.title else p.name for p in s.parties)
    if len(s.parties) == 2:
        order = "row, column"
    elif len(s.parties) == 3:
        order = f"row, column, then one table per strategy of {s.players[2]}"
    else:
        order = "row, column, then one table per profile of the others"
    lines += ["", f"Parties ({order}): {parties}", "", "Issues (* marks the status quo):"]
    for issue in s.issues:
        lines.append(f"  {issue.name}: {issue.title or issue.name} [set by {issue.controlled_by}]")
        for level in issue.levels:
            mark = "*" if level.name == issue.status_quo else " "
            figure = f" = {quantity(level.value, level.unit)}" if level.value is not None else ""
            label = f": {level.label}" if level.label else ""
            lines.append(f"    {mark} {level.name}{figure}{label}")
            if level.source:
                lines.append(f"        source: {level.source}")
    if s.parameter_info:
        lines += ["", "Parameters:"]
        for p in sorted(s.parameter_info, key=lambda p: p.name):
            kind = " (stylised)" if p.stylised else ""
            lines.append(f"  {p.name} = {quantity(p.default, p.unit)}{kind}: {p.description}")
            if p.source:
                lines.append(f"      source: {p.source}")
    lines += ["", "Valuations (levels not listed are worth 0):"]
    for party in s.parties:
        for issue_name, values in party.valuations.items():
            terms = "; ".join(f"{level} = {value}" for level, value in values.items())
            lines.append(f"  {party.name} on {issue_name}: {terms}")
        for item in party.interactions:
            when = " & ".join(f"{i} = {lv}" for i, lv in item.when.items())
            lines.append(f"  {party.name} when {when}: {item.value}")
    lines += ["", "Strategies (bundles of moves from the status quo):"]
    for player in s.players:
        for bundle in s.strategies[player]:
            moves = ", ".join(f"{i} -> {lv}" for i, lv in bundle.moves.items()) or "no moves"
            title = f" ({bundle.title})" if bundle.title else ""
            lines.append(f"  {player} {bundle.name}{title}: {moves}")
    lines += ["", f"Status quo profile: ({', '.join(s.status_quo_profile or ())})"]
    return lines


def _indented_game(game: Game) -> list[str]:
    game_lines = text(game).splitlines()[1:]  # drop the title line
    return ["  " + line if line else "" for line in game_lines]


@text.register
def _scenario_text(s: Scenario) -> str:
    lines = scenario_lines(s)
    lines += ["", f"Payoffs at the default values in {s.payoff_unit or 'payoff units'}:"]
    lines += _indented_game(s.game())
    return "\n".join(lines)


@short.register
def _private_scenario_short(s: PrivateScenario) -> str:
    types = "; ".join(
        f"{party}: {'/'.join(t.name for t in s.types_of(party))}" for party in s.informed
    )
    return _scenario_short(s).replace("Scenario(", "PrivateScenario(", 1)[:-1] + f", types {types})"


@text.register
def _private_scenario_text(s: PrivateScenario) -> str:
    lines = scenario_lines(s)
    lines += ["", "Private information (types drawn independently; * at the defaults):"]
    defaults = s.defaults
    for party in s.informed:
        for t in s.types_of(party):
            p = sp.sympify(t.probability)
            at = p.xreplace(defaults)
            shown = fmt(p) if p == at else f"{fmt(p)} = {fmt(at)}*"
            title = f": {t.title}" if t.title else ""
            lines.append(f"  {party} is {t.name} with probability {shown}{title}")
            for item in t.terms.interactions:
                when = " & ".join(f"{i} = {lv}" for i, lv in item.when.items())
                lines.append(f"    {party} ({t.name}) when {when}: {item.value}")
            for issue_name, values in t.terms.valuations.items():
                terms = "; ".join(f"{level} = {value}" for level, value in values.items())
                lines.append(f"    {party} ({t.name}) on {issue_name}: {terms}")
    unit = s.payoff_unit or "payoff units"
    for combo in product(*(s.types_of(p) for p in s.informed)):
        profile = {t.party: t.name for t in combo}
        who = ", ".join(f"{p} is {k}" for p, k in profile.items())
        lines += ["", f"Payoffs when {who}, at the default values in {unit}:"]
        lines += _indented_game(s.type_scenario(profile).game())
    lines += [
        "",
        "Solve it as a Bayesian game: ng.load("
        + repr(s.name)
        + ").bayesian_game().equilibria(exact=True) (what each type does); "
        "game() is its strategic form, one plan per type.",
    ]
    return "\n".join(lines)


@short.register
def _scenario_short(s: Scenario) -> str:
    shape = "x".join(str(len(s.strategies[p])) for p in s.players)
    return (
        f"Scenario({s.name!r}, {' vs '.join(repr(p) for p in s.players)}, {shape}, "
        f"{len(s.issues)} issues, {len(s.parameter_info)} parameters)"
    )


# ---------------------------------------------------------------------- bargaining
def _pair(values: Sequence[Any]) -> str:
    return f"({fmt(values[0])}, {fmt(values[1])})"


@short.register
def _frontier_short(f: ParetoFrontier) -> str:
    if f.curve is not None:
        assert f.domain is not None
        return f"ParetoFrontier(u2 = {f.curve} for {f.variable} in [{f.domain[0]}, {f.domain[1]}])"
    sep = " -- " if f.lotteries else ", "
    body = sep.join(
        f"{label} ({fmt(x)}, {fmt(y)})" for label, (x, y) in zip(f.labels, f.points, strict=True)
    )
    return f"ParetoFrontier({body})"


@short.register
def _problem_short(p: BargainingProblem) -> str:
    d = _pair(p.disagreement)
    if p.frontier is not None:
        assert p.domain is not None
        body = f"frontier u2 = {p.frontier} for {p.variable} in [{p.domain[0]}, {p.domain[1]}]"
    else:
        body = f"{len(p.points)} packages" + ("" if p.lotteries else ", no lotteries")
    name = f"{p.name!r}, " if p.name else ""
    return f"BargainingProblem({name}{body}, disagreement={d})"


@text.register
def _problem_text(p: BargainingProblem) -> str:
    d = _pair(p.disagreement)
    head = (p.name + "\n") if p.name else ""
    if p.frontier is not None:
        return head + short(p)
    rows = [[label, fmt(x), fmt(y)] for label, (x, y) in zip(p.labels, p.points, strict=True)]
    table = text_table(["package", p.players[0], p.players[1]], rows)
    return f"{head}{table}\ndisagreement point {d}" + ("" if p.lotteries else " (no lotteries)")


@text.register
def _lottery_text(lottery: Lottery) -> str:
    return ", ".join(f"{name} ({fmt(p)})" for name, p in lottery.weights)


@short.register
def _lottery_short(lottery: Lottery) -> str:
    return f"Lottery({text(lottery)})"


@short.register
def _outcome_short(o: BargainingOutcome) -> str:
    u = ", ".join(fmt(x) for x in o.utilities)
    out = f"BargainingOutcome(method={o.method!r}, utilities=({u})"
    if o.package is not None:
        pkg = repr(o.package) if isinstance(o.package, str) else f"'{o.package}'"
        out += f", package={pkg}"
    if o.beta is not None and o.beta != HALF:
        out += f", beta={fmt(o.beta)}"
    if o.condition is not sp.true:
        out += f", condition={o.condition}"
    return out + ")"


@text.register
def _outcome_text(o: BargainingOutcome) -> str:
    title = METHOD_TITLES.get(o.method, o.method)
    if o.beta is not None and o.beta != HALF:
        title += f" (beta = {fmt(o.beta)})"
    out = (
        f"{title}: {o.players[0]} gets {fmt(o.utilities[0])}, "
        f"{o.players[1]} gets {fmt(o.utilities[1])}"
    )
    if o.package is not None:
        out += f" (package {o.package})"
    if o.condition is not sp.true:
        out += f"; valid when {o.condition}"
    return out


@short.register
def _pareto_check_short(c: ParetoCheck) -> str:
    what = repr(c.package) if c.package is not None else "the point"
    u = _pair(c.utilities)
    if c.efficient:
        return f"ParetoCheck({what} {u} is Pareto-efficient)"
    out = f"ParetoCheck({what} {u} is dominated"
    if c.dominated_by:
        out += " by " + ", ".join(c.dominated_by)
    elif c.improvement is not None:
        out += f" by the lottery {c.improvement_package} giving {_pair(c.improvement)}"
    return out + ")"


@short.register
def _zopa_short(z: Zopa) -> str:
    if z.condition in (sp.true, sp.false):
        state = "non-empty" if z.condition is sp.true else "empty"
    else:
        state = f"non-empty when {z.condition}"
    out = f"Zopa({z.name!r}: {state}"
    if z.packages:
        out += ", packages " + ", ".join(z.packages)
    return out + f", surplus {fmt(z.surplus)})"


@short.register
def _linkage_short(link: Linkage) -> str:
    issues = ", ".join(short(z) for z in link.issues)
    return f"Linkage(issues=[{issues}], bundle={short(link.bundle)})"


@short.register
def _pooled_short(p: PooledEnforcement) -> str:
    rows = ", ".join(f"{n}: delta* = {fmt(t)}" for n, t in zip(p.issues, p.thresholds, strict=True))
    return (
        f"PooledEnforcement({rows}; pooled delta* = {fmt(p.pooled_threshold)}, "
        f"delta = {fmt(p.delta)})"
    )


@short.register
def _win_set_shift_short(w: WinSetShift) -> str:
    b = ", ".join(fmt(x) for x in w.before.utilities)
    a = ", ".join(fmt(x) for x in w.after.utilities)
    return f"WinSetShift({w.party} narrows by {w.narrowing}: ({b}) -> ({a}))"


def win_set_text(w: WinSet) -> str:
    """A win-set as text: ``{a, b}`` for packages, ``anything``, or its condition."""
    if isinstance(w, frozenset):
        return "{" + ", ".join(sorted(w)) + "}"
    return "anything" if w is sp.true else str(w)


@short.register
def _two_level_short(g: TwoLevelGame) -> str:
    sets = ", ".join(
        f"{name}: {win_set_text(w)}" for name, w in zip(g.problem.players, g.win_sets, strict=True)
    )
    return f"TwoLevelGame({short(g.problem)}; win-sets {sets})"


@short.register
def _convergence_short(c: RubinsteinConvergence) -> str:
    pairs = ", ".join(f"{fmt(dt)}: {fmt(s)}" for dt, s in zip(c.intervals, c.shares, strict=True))
    return (
        f"RubinsteinConvergence(r1={fmt(c.r1)}, r2={fmt(c.r2)}, "
        f"shares by interval {{{pairs}}}, limit={fmt(c.limit)})"
    )


# ---------------------------------------------------------------------- continuous games
def continuous_value(value: Any) -> str:
    """A continuous game's strategy or payoff: floats (and huge fractions) to 6 digits."""
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    if isinstance(value, sp.Float):
        return f"{float(value):.6g}"
    if isinstance(value, sp.Rational) and value.q > 1000:
        return f"{float(value):.6g}"
    return str(value)


def continuous_title(result: ContinuousEquilibrium | ContinuousOutcome) -> str:
    """The heading of a continuous game's result."""
    if isinstance(result, ContinuousEquilibrium):
        return "Nash equilibrium"
    if result.concept == "stackelberg":
        return f"Stackelberg outcome ({result.leader} leads)"
    return "cooperative outcome"


@short.register
def _strategy_set_short(s: StrategySet) -> str:
    return f"StrategySet({s.symbol} in [{s.low}, {s.high}])"


@text.register
def _best_response_text(br: BestResponse) -> str:
    return f"{br.player}'s best response: {br.symbol} = {br.expression}"


@short.register
def _continuous_equilibrium_short(eq: ContinuousEquilibrium) -> str:
    inner = ", ".join(
        f"{s}={continuous_value(v)}" for s, v in zip(eq.symbols, eq.strategies, strict=True)
    )
    return f"ContinuousEquilibrium({inner}, method={eq.method!r})"


@short.register
def _continuous_outcome_short(out: ContinuousOutcome) -> str:
    inner = ", ".join(
        f"{s}={continuous_value(v)}" for s, v in zip(out.symbols, out.strategies, strict=True)
    )
    return f"ContinuousOutcome({out.concept}, {inner}, method={out.method!r})"


@text.register(ContinuousEquilibrium)
@text.register(ContinuousOutcome)
def _continuous_result_text(result: ContinuousEquilibrium | ContinuousOutcome) -> str:
    lines = [f"{continuous_title(result)} ({result.method.replace('_', ' ')})"]
    for p, s, v, u in zip(
        result.players, result.symbols, result.strategies, result.payoffs, strict=True
    ):
        lines.append(f"  {p}: {s} = {continuous_value(v)}, payoff {continuous_value(u)}")
    if result.condition is not sp.true:
        lines.append(f"  where {result.condition}")
    if result.note:
        lines.append(f"  ({result.note})")
    return "\n".join(lines)


@text.register
def _statics_text(cs: ComparativeStatics) -> str:
    return "\n".join(
        f"d{s}/d{cs.parameter} = {d}" for s, d in zip(cs.symbols, cs.derivatives, strict=True)
    )


@short.register
def _continuous_sweep_short(result: ContinuousSweepResult) -> str:
    names = ", ".join(result.points)
    return (
        f"ContinuousSweepResult({len(result)} points over {names}, method={result.method!r}, "
        f"equilibrium found at {int(result.found.sum())})"
    )


@text.register
def _continuous_game_text(game: ContinuousGame) -> str:
    """A plain-text summary: each player's strategy set and payoff.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> print(ContinuousGame([x * (1 - x - y), y * (1 - x - y)], [(x, 0, 1), (y, 0, 1)]))
    Continuous game: Player 1, Player 2
      Player 1 chooses x in [0, 1]; payoff x*(-x - y + 1)
      Player 2 chooses y in [0, 1]; payoff y*(-x - y + 1)
    """
    title = f"Continuous game {game.name!r}" if game.name else "Continuous game"
    lines = [f"{title}: {', '.join(game.players)}"]
    for p, s, u in zip(game.players, game.strategies, game.payoffs, strict=True):
        lines.append(f"  {p} chooses {s.symbol} in [{s.low}, {s.high}]; payoff {u}")
    return "\n".join(lines)


# ---------------------------------------------------------------------- private information
def distribution_words(labels: Sequence[str], probs: Sequence[Any]) -> str:
    """A distribution in short words: ``"Threaten"`` or ``"1/4 Threaten, 3/4 Stay quiet"``."""
    return ", ".join(
        a if is_one(q) else f"{fmt(q)} {a}"
        for a, q in zip(labels, probs, strict=True)
        if positive(q)
    )


def type_name(player: str, type_: str, n_types: int) -> str:
    """``"US (resolved)"``, or just ``"US"`` for a player with one type."""
    return f"{player} ({type_})" if n_types > 1 else player


@text.register
def _bayes_nash_text(eq: BayesNashEquilibrium) -> str:
    lines = [f"Bayes–Nash equilibrium ({eq.method})"]
    for p, name in enumerate(eq.players):
        for t, type_ in enumerate(eq.types[p]):
            words = distribution_words(eq.actions[p], eq.behaviour[p][t])
            lines.append(
                f"  {type_name(name, type_, len(eq.types[p]))}: {words}; "
                f"interim payoff {fmt(eq.interim_payoffs[p][t])}"
            )
    return "\n".join(lines)


@short.register
def _bayes_nash_short(eq: BayesNashEquilibrium) -> str:
    kind = "pure" if eq.is_pure else "mixed"
    payoffs = "(" + ", ".join(fmt(u) for u in eq.payoffs) + ")"
    return f"BayesNashEquilibrium({kind}, method={eq.method!r}, payoffs={payoffs})"


@text.register
def _bayesian_game_text(game: BayesianGame) -> str:
    lines = [f"Bayesian game{f' {game.name!r}' if game.name else ''}"]
    for p, name in enumerate(game.players):
        lines.append(
            f"  {name}: types {', '.join(game.types[p])}; actions {', '.join(game.strategies[p])}"
        )
    lines.append("  prior: " + ", ".join(f"P({', '.join(k)}) = {fmt(v)}" for k, v in game.prior))
    return "\n".join(lines)


@short.register
def _bayesian_game_short(game: BayesianGame) -> str:
    params = ", ".join(p.name for p in game.parameters)
    sizes = " x ".join(f"{len(t)} types" for t in game.types)
    return (
        f"BayesianGame(players={game.players}, {sizes}"
        + (f", parameters=({params})" if params else "")
        + (f", name={game.name!r}" if game.name else "")
        + ")"
    )


@text.register
def _off_path_text(b: OffPathBeliefs) -> str:
    if b.interval is not None:
        lo, hi = b.interval
        return (
            f"after {b.message!r}: {b.action!r} if the belief in {b.about!r} lies in [{lo}, {hi}]"
        )
    return f"after {b.message!r}: {b.action!r} where {b.condition}"


def _mapping_words(d: Mapping[str, Any]) -> str:
    return distribution_words(tuple(d), tuple(d.values()))


def pbe_lines(eq: PerfectBayesianEquilibrium) -> list[str]:
    """The lines of a perfect Bayesian equilibrium after its heading."""
    sender, receiver = eq.players
    lines = []
    for t, d in eq.sender.items():
        lines.append(f"{sender} ({t}): {_mapping_words(d)}; payoff {fmt(eq.sender_payoffs[t])}")
    for m, d in eq.receiver.items():
        if m in eq.beliefs:
            belief = ", ".join(f"{t} {fmt(q)}" for t, q in eq.beliefs[m].items())
            lines.append(f"{receiver} after {m}: {_mapping_words(d)} (belief {belief})")
        else:
            lines.append(
                f"{receiver} after {m}: {_mapping_words(d)} (off path; {text(eq.off_path[m])})"
            )
    if eq.condition is not sp.true:
        lines.append(f"holds where: {eq.condition}")
    return lines


@text.register
def _pbe_text(eq: PerfectBayesianEquilibrium) -> str:
    return "\n".join(
        [f"Perfect Bayesian equilibrium ({eq.kind})", *("  " + x for x in pbe_lines(eq))]
    )


@short.register
def _pbe_short(eq: PerfectBayesianEquilibrium) -> str:
    sends = ", ".join(f"{t}: {_mapping_words(d)}" for t, d in eq.sender.items())
    cond = "" if eq.condition is sp.true else f", condition={eq.condition}"
    return f"PerfectBayesianEquilibrium({eq.kind}; {sends}{cond})"


@text.register
def _intuitive_text(test: IntuitiveCriterion) -> str:
    verdict = {sp.true: "survives", sp.false: "fails"}.get(test.survives, "survives where")
    return f"{verdict} the intuitive criterion: {test.reason}"


@short.register
def _intuitive_short(test: IntuitiveCriterion) -> str:
    return f"IntuitiveCriterion({test.equilibrium.kind}, survives={test.survives})"


@text.register
def _signalling_text(game: SignallingGame) -> str:
    sender, receiver = game.players
    head = (
        f"Signalling game{f' {game.name!r}' if game.name else ''}: {sender} (types "
        + ", ".join(f"{t} {fmt(p)}" for t, p in zip(game.sender_types, game.prior, strict=True))
        + f") sends a message, {receiver} answers"
    )
    rows = []
    for i, t in enumerate(game.sender_types):
        for j, m in enumerate(game.messages):
            for k, a in enumerate(game.actions[j]):
                us, ur = game.payoff_table[i][j][k]
                rows.append([t, m, a, f"{fmt(us)}, {fmt(ur)}"])
    return head + "\n" + text_table(["type", "message", "action", "payoffs"], rows)


@short.register
def _signalling_short(game: SignallingGame) -> str:
    params = ", ".join(p.name for p in game.parameters)
    return (
        f"SignallingGame(types={game.sender_types}, messages={game.messages}"
        + (f", parameters=({params})" if params else "")
        + (f", name={game.name!r}" if game.name else "")
        + ")"
    )


# ---------------------------------------------------------------------- tree equilibria
@short.register
def _spe_short(spe: SubgamePerfect) -> str:
    payoffs = "(" + ", ".join(fmt(v) for v in spe.payoffs) + ")"
    return f"SubgamePerfect(profile={spe.profile}, payoffs={payoffs}, method={spe.method!r})"


@text.register
def _behaviour_text(eq: BehaviourEquilibrium) -> str:
    lines = [
        f"Nash equilibrium in behaviour strategies (through the {eq.method}, {eq.solver}); "
        "payoffs " + ", ".join(f"{p} {fmt(v)}" for p, v in zip(eq.players, eq.payoffs, strict=True))
    ]
    for name, dist in eq.behaviour.items():
        note = " (never reached by its own play)" if name in eq.unreached else ""
        owner = eq.owners[name]
        where = name if name.startswith(owner) else f"{owner} at {name}"
        lines.append(f"  {where}: {_mapping_words(dist)}{note}")
    return "\n".join(lines)


@short.register
def _behaviour_short(eq: BehaviourEquilibrium) -> str:
    kind = "pure" if eq.is_pure else "mixed"
    payoffs = "(" + ", ".join(fmt(v) for v in eq.payoffs) + ")"
    return (
        f"BehaviourEquilibrium({kind}, payoffs={payoffs}, method={eq.method!r}, "
        f"solver={eq.solver!r})"
    )
