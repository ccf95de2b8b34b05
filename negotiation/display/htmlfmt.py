"""HTML formatters: what a notebook shows for each model and result.

Examples
--------
>>> import negotiation as ng
>>> ng.Game([[1]], [[2]], players=("US", "China"))._repr_html_()[:27]
'<table class="negotiation">'
"""

from __future__ import annotations

import html as _html

import sympy as sp

from negotiation.bargaining.feasible import BargainingProblem, ParetoFrontier
from negotiation.bargaining.linkage import Linkage, PooledEnforcement, Zopa
from negotiation.bargaining.outcome import HALF, METHOD_TITLES, BargainingOutcome, ParetoCheck
from negotiation.bargaining.ratification import TwoLevelGame, WinSetShift
from negotiation.bargaining.rubinstein import RubinsteinConvergence
from negotiation.display import html, short, text
from negotiation.display.formatting import fmt, history_text, html_table
from negotiation.display.textfmt import (
    continuous_title,
    continuous_value,
    distribution_words,
    game_blocks,
    pbe_lines,
    share_header,
    share_rows,
    simulation_cooperation,
    tree_lines,
    type_name,
    win_set_text,
)
from negotiation.games.bayesian import BayesianGame, BayesNashEquilibrium
from negotiation.games.continuous import (
    ContinuousEquilibrium,
    ContinuousGame,
    ContinuousOutcome,
)
from negotiation.games.extensive import BehaviourEquilibrium, GameTree, SubgamePerfect
from negotiation.games.normal_form import Equilibrium, Game
from negotiation.games.repeated import RepeatedGame
from negotiation.games.signalling import PerfectBayesianEquilibrium, SignallingGame
from negotiation.games.simulation import Simulation
from negotiation.sweeps.result import OutcomeShares

__all__: list[str] = []


@html.register
def _game_html(game: Game) -> str:
    header = [f"{game.players[0]} \\ {game.players[1]}", *game.strategies[1]]
    parts = []
    for others, cells in game_blocks(game, fmt):
        rows = [[label, *row] for label, row in zip(game.strategies[0], cells, strict=True)]
        caption = ", ".join(f"{p} plays {s}" for p, s in others)
        if game.name:
            caption = f"{game.name}: {caption}" if caption else game.name
        parts.append(html_table(header, rows, caption=caption or None))
    out = "".join(parts)
    if game.parameters:
        out += "<p>Parameters: " + _html.escape(", ".join(p.name for p in game.parameters)) + "</p>"
    return out


@html.register
def _equilibrium_html(eq: Equilibrium) -> str:
    rows = []
    for player, labels, probs, payoff in zip(
        eq.players,
        eq.titles or eq.labels or [()] * len(eq.strategies),
        eq.strategies,
        eq.payoffs,
        strict=True,
    ):
        names = labels or tuple(str(k) for k in range(len(probs)))
        rows.append(
            [
                player,
                ", ".join(f"{s}: {fmt(x)}" for s, x in zip(names, probs, strict=True)),
                fmt(payoff),
            ]
        )
    caption = f"Nash equilibrium ({'pure' if eq.is_pure else 'mixed'}; {eq.method})"
    out = html_table(["player", "strategy", "payoff"], rows, caption=caption)
    if eq.condition is not sp.true:
        out += "<p>Valid when " + _html.escape(str(eq.condition)) + "</p>"
    return out


# ---------------------------------------------------------------------- game trees
@html.register
def _tree_html(tree: GameTree) -> str:
    body = _html.escape("\n".join(tree_lines(tree.root, "")))
    title = _html.escape(tree.name or "Game tree")
    players = _html.escape(", ".join(tree.players))
    return (
        f'<div class="negotiation-tree"><strong>{title}</strong> '
        f"(players: {players}; payoffs in that order)"
        f'<pre style="line-height:1.3">{body}</pre></div>'
    )


@html.register
def _spe_html(spe: SubgamePerfect) -> str:
    rows = [[history_text(h), a] for h, a in spe.choices.items()]
    caption = (
        "Subgame-perfect equilibrium: "
        + (" → ".join(spe.path) or "random from the first move")
        + "; payoffs ("
        + ", ".join(fmt(v) for v in spe.payoffs)
        + ")"
    )
    return html_table(["node", "action"], rows, caption=caption)


# ---------------------------------------------------------------------- repeated games
@html.register
def _repeated_html(game: RepeatedGame) -> str:
    return (
        "<div><p>Repeated forever with discount factor "
        f"<code>{_html.escape(str(game.discount))}</code>:</p>"
        f"{html(game.stage_game)}</div>"
    )


@html.register
def _simulation_html(sim: Simulation) -> str:
    coop = simulation_cooperation(sim)
    rows = [
        [
            sim.players[k],
            sim.strategies[k],
            fmt(sim.discounted_payoffs[k]),
            fmt(sim.average_payoffs[k]),
            fmt(float(coop[k])),
        ]
        for k in (0, 1)
    ]
    caption = f"{sim.rounds} rounds (ended by {sim.ended_by}), discount {fmt(sim.discount)}"
    first = " ".join(f"({a},{b})" for a, b in sim.actions[:10])
    return (
        html_table(
            ["player", "strategy", "discounted payoff", "average payoff", "target played"],
            rows,
            caption=caption,
        )
        + f"<p>First rounds: {_html.escape(first)}</p>"
    )


# ---------------------------------------------------------------------- sweeps
@html.register
def _shares_html(shares: OutcomeShares) -> str:
    return html_table(share_header(shares), share_rows(shares), caption=f"{shares.n_points} points")


# ---------------------------------------------------------------------- bargaining
def _paragraph(obj: object) -> str:
    return "<p>" + _html.escape(short(obj)) + "</p>"


@html.register
def _frontier_html(f: ParetoFrontier) -> str:
    if f.curve is not None:
        return _paragraph(f)
    rows = [[label, fmt(x), fmt(y)] for label, (x, y) in zip(f.labels, f.points, strict=True)]
    caption = "Pareto frontier" + (" (and the lotteries between neighbours)" if f.lotteries else "")
    return html_table(["package", "u1", "u2"], rows, caption=caption)


@html.register
def _problem_html(p: BargainingProblem) -> str:
    d = f"({fmt(p.disagreement[0])}, {fmt(p.disagreement[1])})"
    if p.frontier is not None:
        return _paragraph(p)
    rows = [[label, fmt(x), fmt(y)] for label, (x, y) in zip(p.labels, p.points, strict=True)]
    out = html_table(["package", p.players[0], p.players[1]], rows, caption=p.name)
    return out + "<p>Disagreement point " + _html.escape(d) + "</p>"


@html.register
def _outcome_html(o: BargainingOutcome) -> str:
    title = METHOD_TITLES.get(o.method, o.method)
    if o.beta is not None and o.beta != HALF:
        title += f" (β = {fmt(o.beta)})"
    rows = [[o.players[k], fmt(o.utilities[k]), fmt(o.disagreement[k])] for k in range(2)]
    out = html_table(["player", "utility", "disagreement"], rows, caption=title)
    if o.package is not None:
        out += "<p>Package: " + _html.escape(str(o.package)) + "</p>"
    if o.condition is not sp.true:
        out += "<p>Valid when " + _html.escape(str(o.condition)) + "</p>"
    return out


@html.register
def _pareto_check_html(c: ParetoCheck) -> str:
    return _paragraph(c)


@html.register
def _zopa_html(z: Zopa) -> str:
    return _paragraph(z)


@html.register
def _linkage_html(link: Linkage) -> str:
    def state(c: sp.Basic) -> str:
        return {sp.true: "non-empty", sp.false: "empty"}.get(c, str(c))

    rows = [
        [z.name, state(z.condition), ", ".join(z.packages) or "-", fmt(z.surplus)]
        for z in (*link.issues, link.bundle)
    ]
    out = html_table(
        ["issue", "zone of agreement", "packages both prefer", "joint surplus"],
        rows,
        caption="Issue linkage",
    )
    return out + "<p>Joint gain from logrolling: " + _html.escape(fmt(link.joint_gain)) + "</p>"


@html.register
def _pooled_html(p: PooledEnforcement) -> str:
    def state(c: sp.Basic) -> str:
        return {sp.true: "holds", sp.false: "fails"}.get(c, str(c))

    rows = [
        [n, fmt(t), fmt(s), state(c)]
        for n, t, s, c in zip(p.issues, p.thresholds, p.slack, p.separate, strict=True)
    ]
    rows.append(["pooled", fmt(p.pooled_threshold), fmt(sum(p.slack)), state(p.pooled)])
    return html_table(
        ["issue", "critical δ", "slack", "self-enforcing"],
        rows,
        caption=f"Self-enforcement at δ = {fmt(p.delta)}",
    )


@html.register
def _win_set_shift_html(w: WinSetShift) -> str:
    rows = [
        [name, fmt(b), fmt(a), fmt(c)]
        for name, b, a, c in zip(
            w.before.players, w.before.utilities, w.after.utilities, w.change, strict=True
        )
    ]
    return html_table(
        ["player", "before", "after", "change"],
        rows,
        caption=f"{w.party} narrows its win-set by {w.narrowing}",
    )


@html.register
def _two_level_html(g: TwoLevelGame) -> str:
    rows = [[name, win_set_text(w)] for name, w in zip(g.problem.players, g.win_sets, strict=True)]
    out = html_table(["side", "win-set (ratifies)"], rows, caption="Two-level game")
    return out + "<p>" + _html.escape(short(g.problem)) + "</p>"


@html.register
def _convergence_html(c: RubinsteinConvergence) -> str:
    rows = [[fmt(dt), fmt(s)] for dt, s in zip(c.intervals, c.shares, strict=True)]
    rows.append(["→ 0 (Nash, β = r2/(r1+r2))", fmt(c.limit)])
    caption = f"Rubinstein share, r1 = {fmt(c.r1)}, r2 = {fmt(c.r2)}"
    return html_table(
        ["time between offers", "first proposer's share"], rows, caption=_html.unescape(caption)
    )


# ---------------------------------------------------------------------- continuous games
@html.register(ContinuousEquilibrium)
@html.register(ContinuousOutcome)
def _continuous_result_html(result: ContinuousEquilibrium | ContinuousOutcome) -> str:
    esc = _html.escape
    rows = "".join(
        f"<tr><td>{esc(p)}</td><td>{esc(str(s))} = {esc(continuous_value(v))}</td>"
        f"<td>{esc(continuous_value(u))}</td></tr>"
        for p, s, v, u in zip(
            result.players, result.symbols, result.strategies, result.payoffs, strict=True
        )
    )
    where = (
        f"<p>where <code>{esc(str(result.condition))}</code></p>"
        if result.condition is not sp.true
        else ""
    )
    return (
        f"<table><caption>{esc(continuous_title(result))} ({esc(result.method.replace('_', ' '))})</caption>"
        f"<tr><th>player</th><th>strategy</th><th>payoff</th></tr>{rows}</table>{where}"
        + (f'<p style="color:#555;font-size:smaller">{esc(result.note)}</p>' if result.note else "")
    )


@html.register
def _continuous_game_html(game: ContinuousGame) -> str:
    esc = _html.escape
    title = esc(game.name or "Continuous game")
    rows = "".join(
        f"<tr><td>{esc(p)}</td><td>{esc(str(s.symbol))} &isin; "
        f"[{esc(str(s.low))}, {esc(str(s.high))}]</td>"
        f"<td><code>{esc(str(u))}</code></td></tr>"
        for p, s, u in zip(game.players, game.strategies, game.payoffs, strict=True)
    )
    return (
        f"<table><caption>{title}</caption><tr><th>player</th><th>strategy</th>"
        f"<th>payoff</th></tr>{rows}</table>"
    )


# ---------------------------------------------------------------------- private information
@html.register
def _bayes_nash_html(eq: BayesNashEquilibrium) -> str:
    rows = [
        [
            type_name(name, type_, len(eq.types[p])),
            distribution_words(eq.actions[p], eq.behaviour[p][t]),
            fmt(eq.interim_payoffs[p][t]),
        ]
        for p, name in enumerate(eq.players)
        for t, type_ in enumerate(eq.types[p])
    ]
    return html_table(
        ["player (type)", "plays", "interim payoff"],
        rows,
        caption=f"Bayes–Nash equilibrium ({'pure' if eq.is_pure else 'mixed'}; {eq.method})",
    )


@html.register
def _bayesian_game_html(game: BayesianGame) -> str:
    return f'<pre class="negotiation">{_html.escape(text(game))}</pre>'


@html.register
def _pbe_html(eq: PerfectBayesianEquilibrium) -> str:
    rows = []
    for line in pbe_lines(eq):
        who, _, what = line.partition(": ")
        rows.append([who, what])
    return html_table(["", "plays"], rows, caption=f"Perfect Bayesian equilibrium ({eq.kind})")


@html.register
def _signalling_html(game: SignallingGame) -> str:
    rows = []
    for i, t in enumerate(game.sender_types):
        for j, m in enumerate(game.messages):
            for k, a in enumerate(game.actions[j]):
                us, ur = game.payoff_table[i][j][k]
                rows.append([t, m, a, fmt(us), fmt(ur)])
    sender, receiver = game.players
    prior = ", ".join(f"{t} {fmt(p)}" for t, p in zip(game.sender_types, game.prior, strict=True))
    return html_table(
        ["type", "message", "action", f"{sender}'s payoff", f"{receiver}'s payoff"],
        rows,
        caption=f"{game.name or 'Signalling game'} (prior: {prior})",
    )


@html.register
def _behaviour_html(eq: BehaviourEquilibrium) -> str:
    rows = [
        [
            name,
            eq.owners[name],
            ", ".join(f"{a}: {fmt(q)}" for a, q in dist.items())
            + (" (not reached)" if name in eq.unreached else ""),
        ]
        for name, dist in eq.behaviour.items()
    ]
    caption = (
        f"Nash equilibrium in behaviour strategies ({eq.method}, {eq.solver}); payoffs ("
        + ", ".join(fmt(v) for v in eq.payoffs)
        + ")"
    )
    return html_table(["information set", "player", "behaviour"], rows, caption=caption)
