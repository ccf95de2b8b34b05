"""Gambit's ``.nfg`` normal-form format for two-player games: read and write.

Both variants are read: the *payoff list* (every profile's payoffs, the first
player's strategy varying fastest) and the *outcome list* (named outcomes, then
one outcome number per profile, 0 meaning the null outcome). Numbers may be
integers, decimals or rationals such as ``3/2``, and are kept exact.

References
----------
The Gambit Project, "Game representation formats",
https://gambitproject.readthedocs.io/en/latest/formats.html

Examples
--------
>>> import negotiation as ng
>>> pd = ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("US", "China"), name="PD")
>>> ng.Game.from_nfg(pd.to_nfg()) == pd
True
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sympy as sp

from negotiation.errors import InvalidGameError

if TYPE_CHECKING:
    from negotiation.games.normal_form import Game

__all__ = ["read_nfg", "write_nfg"]

_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|([{}])|([^\s{},"]+)')
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(/\d+)?$")


class _Tokens:
    def __init__(self, text: str) -> None:
        self.items: list[tuple[str, str]] = []
        for match in _TOKEN.finditer(text):
            string, brace, word = match.groups()
            if string is not None:
                self.items.append(("str", string.replace('\\"', '"')))
            elif brace is not None:
                self.items.append((brace, brace))
            else:
                self.items.append(("word", word))
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.items[self.pos] if self.pos < len(self.items) else None

    def take(self, kind: str | None = None) -> str:
        item = self.peek()
        if item is None:
            raise InvalidGameError("the .nfg text ends too early; is the file complete?")
        if kind is not None and item[0] != kind:
            raise InvalidGameError(f"malformed .nfg: expected {kind!r} but found {item[1]!r}")
        self.pos += 1
        return item[1]

    def strings_in_braces(self) -> list[str]:
        self.take("{")
        out = []
        while self.peek() is not None and self.peek()[0] == "str":  # type: ignore[index]
            out.append(self.take("str"))
        self.take("}")
        return out


def _number(word: str) -> sp.Rational:
    if not _NUMBER.match(word):
        raise InvalidGameError(f"malformed .nfg: {word!r} is not a number")
    if "/" in word:
        num, den = word.split("/")
        return sp.Rational(sp.Rational(num), int(den))
    return sp.Rational(word)


def read_nfg(cls: type[Game], source: str | Path) -> Game:
    """Read a two-player ``.nfg`` game from a path or from its text."""
    if isinstance(source, Path) or (isinstance(source, str) and not re.match(r"\s*NFG\s", source)):
        path = Path(source)
        if not path.exists():
            raise InvalidGameError(
                f"{str(source)[:60]!r} is neither .nfg text (which starts with 'NFG') nor an existing file"
            )
        text = path.read_text(encoding="utf-8", errors="replace")
    else:
        text = source
    tokens = _Tokens(text)
    if tokens.take("word") != "NFG":
        raise InvalidGameError("malformed .nfg: the text must start with 'NFG 1 R'")
    tokens.take("word")  # version
    tokens.take("word")  # R or D
    title = tokens.take("str")
    players = tokens.strings_in_braces()
    if len(players) != 2:
        raise InvalidGameError(
            f"this .nfg game has {len(players)} players; negotiation.Game reads two-player games"
        )
    tokens.take("{")
    labels: list[list[str]] = []
    if tokens.peek() is not None and tokens.peek()[0] == "{":  # type: ignore[index]
        while tokens.peek() is not None and tokens.peek()[0] == "{":  # type: ignore[index]
            labels.append(tokens.strings_in_braces())
        tokens.take("}")
        counts = [len(x) for x in labels]
    else:
        counts = []
        while tokens.peek() is not None and tokens.peek()[0] == "word":  # type: ignore[index]
            counts.append(int(tokens.take("word")))
        tokens.take("}")
        labels = [[str(k + 1) for k in range(c)] for c in counts]
    if len(counts) != 2:
        raise InvalidGameError("malformed .nfg: the strategy block must describe two players")
    m, n = counts
    if tokens.peek() is not None and tokens.peek()[0] == "str":  # type: ignore[index]
        tokens.take("str")  # comment
    A: list[list[Any]] = [[0] * n for _ in range(m)]
    B: list[list[Any]] = [[0] * n for _ in range(m)]
    if tokens.peek() is not None and tokens.peek()[0] == "{":  # type: ignore[index]
        tokens.take("{")
        outcomes: list[tuple[sp.Rational, sp.Rational]] = []
        while tokens.peek() is not None and tokens.peek()[0] == "{":  # type: ignore[index]
            tokens.take("{")
            if tokens.peek() is not None and tokens.peek()[0] == "str":  # type: ignore[index]
                tokens.take("str")
            values = []
            while tokens.peek() is not None and tokens.peek()[0] == "word":  # type: ignore[index]
                values.append(_number(tokens.take("word")))
            tokens.take("}")
            if len(values) != 2:
                raise InvalidGameError("malformed .nfg: each outcome needs two payoffs")
            outcomes.append((values[0], values[1]))
        tokens.take("}")
        for k in range(m * n):
            index = int(tokens.take("word"))
            i, j = k % m, k // m
            if index:
                if index > len(outcomes):
                    raise InvalidGameError(f"malformed .nfg: outcome {index} is not defined")
                A[i][j], B[i][j] = outcomes[index - 1]
    else:
        for k in range(m * n):
            i, j = k % m, k // m
            A[i][j] = _number(tokens.take("word"))
            B[i][j] = _number(tokens.take("word"))
    strategies = tuple(tuple(x) for x in labels)
    if any(len(set(s)) != len(s) or not all(s) for s in strategies):
        strategies = None  # type: ignore[assignment]
    return cls(
        A,
        B,
        players=(players[0] or "Row", players[1] or "Column"),
        strategies=strategies,
        name=title or None,
    )


def _quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def write_nfg(game: Game) -> str:
    """The game in the ``.nfg`` payoff-list format (exact numbers, rationals as ``p/q``)."""
    if game.parameters:
        names = ", ".join(p.name for p in game.parameters)
        raise InvalidGameError(
            f"the .nfg format needs numbers but the payoffs depend on {names}; "
            "substitute values first with game.subs(...)"
        )
    m, n = game.shape
    labels = " ".join("{ " + " ".join(_quote(s) for s in side) + " }" for side in game.strategies)
    head = (
        f"NFG 1 R {_quote(game.name or '')} {{ {_quote(game.players[0])} {_quote(game.players[1])} }}"
        f" {{ {labels} }}\n\n"
    )

    def number(v: sp.Expr) -> str:
        if v.is_Rational:
            return str(v)
        return repr(float(v))

    values = []
    for j in range(n):
        for i in range(m):
            values.append(number(game.row_payoffs[i, j]))
            values.append(number(game.col_payoffs[i, j]))
    return head + " ".join(values) + "\n"
