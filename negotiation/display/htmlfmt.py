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

from negotiation.display import html
from negotiation.display.formatting import fmt, history_text, html_table
from negotiation.display.textfmt import (
    game_blocks,
    share_header,
    share_rows,
    simulation_cooperation,
    tree_lines,
)
from negotiation.games.extensive import GameTree, SubgamePerfect
from negotiation.games.normal_form import Equilibrium, Game
from negotiation.games.repeated import RepeatedGame
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
        eq.players, eq.labels or [()] * len(eq.strategies), eq.strategies, eq.payoffs, strict=True
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
        + (" → ".join(spe.path) or "chance first")
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
