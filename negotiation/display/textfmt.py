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

from collections.abc import Callable, Iterator, Sequence
from itertools import product
from typing import Any

import sympy as sp

from negotiation.display import short, text
from negotiation.display.formatting import fmt, text_table
from negotiation.games.normal_form import Equilibrium, Game

__all__ = ["game_blocks", "strategy_words"]


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
        others = tuple(
            (game.players[2 + q], game.strategies[2 + q][k]) for q, k in enumerate(rest)
        )
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
        for player, labels, probs in zip(eq.players, eq.labels, eq.strategies, strict=True)
    )
    text_ = f"{plays}; payoffs (" + ", ".join(fmt(u) for u in eq.payoffs) + ")"
    if eq.condition is not sp.true:
        text_ += f"; valid when {eq.condition}"
    return text_
