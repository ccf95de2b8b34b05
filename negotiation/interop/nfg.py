"""Gambit's ``.nfg`` normal-form format, for any number of players: read and write.

Both variants are read: the *payoff list* (every profile's payoffs, the first
player's strategy varying fastest) and the *outcome list* (named outcomes, then
one outcome number per profile, 0 meaning the null outcome). Numbers may be
integers, decimals or rationals such as ``3/2``, and are kept exact. Games
larger than :data:`MAX_PROFILES` profiles are refused before anything is
allocated, and numbers longer than :data:`MAX_DIGITS` characters or with
exponents beyond ``±MAX_EXPONENT`` are refused, so a few hostile bytes cannot
take the machine's memory or time.

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

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation.errors import InvalidGameError

if TYPE_CHECKING:
    from negotiation.games.normal_form import Game

__all__ = ["MAX_DIGITS", "MAX_EXPONENT", "MAX_PROFILES", "read_nfg", "write_nfg"]

#: The largest game read: profiles (products of the strategy counts).
MAX_PROFILES = 1_000_000
#: The longest number read, in characters.
MAX_DIGITS = 100
#: The largest decimal exponent read.
MAX_EXPONENT = 100

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
    if len(word) > MAX_DIGITS:
        raise InvalidGameError(
            f"malformed .nfg: a number of {len(word)} characters ({word[:20]}...); payoffs are "
            f"limited to {MAX_DIGITS} characters"
        )
    if not _NUMBER.match(word):
        raise InvalidGameError(f"malformed .nfg: {word!r} is not a number")
    exponent = re.search(r"[eE]([+-]?\d+)", word)
    if exponent and abs(int(exponent.group(1))) > MAX_EXPONENT:
        raise InvalidGameError(
            f"malformed .nfg: {word!r} has an exponent beyond ±{MAX_EXPONENT}; write the "
            "payoffs in smaller units"
        )
    if "/" in word:
        num, den = word.split("/")
        return sp.Rational(sp.Rational(num), int(den))
    return sp.Rational(word)


def read_nfg(cls: type[Game], source: str | Path) -> Game:
    """Read an ``.nfg`` game (any number of players) from a path or from its text."""
    if isinstance(source, Path) or (isinstance(source, str) and not re.match(r"\s*NFG\s", source)):
        path = Path(source)
        try:
            exists = path.is_file()
        except (OSError, ValueError):
            exists = False
        if not exists:
            raise InvalidGameError(
                f"{str(source)[:60]!r} is neither .nfg text (which starts with 'NFG') nor an existing file"
            )
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as err:
            raise InvalidGameError(f"cannot read {str(path)!r}: {err.strerror or err}") from err
    else:
        text = source
    tokens = _Tokens(text)
    if tokens.take("word") != "NFG":
        raise InvalidGameError("malformed .nfg: the text must start with 'NFG 1 R'")
    tokens.take("word")  # version
    tokens.take("word")  # R or D
    title = tokens.take("str")
    players = tokens.strings_in_braces()
    if len(players) < 2:
        raise InvalidGameError(
            f"this .nfg game has {len(players)} player(s); a game needs at least two"
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
            word = tokens.take("word")
            if not word.isdigit() or len(word) > 9:
                raise InvalidGameError(f"malformed .nfg: {word!r} is not a number of strategies")
            counts.append(int(word))
        tokens.take("}")
        labels = [[str(k + 1) for k in range(c)] for c in counts]
    if len(counts) != len(players):
        raise InvalidGameError(
            f"malformed .nfg: {len(players)} players but the strategy block describes {len(counts)}"
        )
    if any(c == 0 for c in counts):
        raise InvalidGameError("malformed .nfg: every player needs at least one strategy")
    size = math.prod(counts)
    if size > MAX_PROFILES:
        raise InvalidGameError(
            f"this .nfg game has {size:,} profiles ({' x '.join(map(str, counts))}); "
            f"negotiation reads games of up to {MAX_PROFILES:,} profiles"
        )
    n_players = len(players)
    # Profiles are listed with the first player's strategy varying fastest (Fortran order).
    tables = [np.empty(counts, dtype=object) for _ in range(n_players)]
    for table in tables:
        table.fill(sp.Integer(0))
    order = [np.unravel_index(k, counts, order="F") for k in range(size)]
    if tokens.peek() is not None and tokens.peek()[0] == "str":  # type: ignore[index]
        tokens.take("str")  # comment
    if tokens.peek() is not None and tokens.peek()[0] == "{":  # type: ignore[index]
        tokens.take("{")
        outcomes: list[list[sp.Rational]] = []
        while tokens.peek() is not None and tokens.peek()[0] == "{":  # type: ignore[index]
            tokens.take("{")
            if tokens.peek() is not None and tokens.peek()[0] == "str":  # type: ignore[index]
                tokens.take("str")
            values = []
            while tokens.peek() is not None and tokens.peek()[0] == "word":  # type: ignore[index]
                values.append(_number(tokens.take("word")))
            tokens.take("}")
            if len(values) != n_players:
                raise InvalidGameError(
                    f"malformed .nfg: each outcome needs {n_players} payoffs, one per player; "
                    f"outcome {len(outcomes) + 1} has {len(values)}"
                )
            outcomes.append(values)
        tokens.take("}")
        for index_tuple in order:
            word = tokens.take("word")
            if not word.isdigit() or len(word) > 9:
                raise InvalidGameError(f"malformed .nfg: {word!r} is not an outcome number")
            index = int(word)
            if index:
                if index > len(outcomes):
                    raise InvalidGameError(f"malformed .nfg: outcome {index} is not defined")
                for p in range(n_players):
                    tables[p][index_tuple] = outcomes[index - 1][p]
    else:
        for index_tuple in order:
            for p in range(n_players):
                tables[p][index_tuple] = _number(tokens.take("word"))
    strategies: Any = tuple(tuple(x) for x in labels)
    if any(len(set(s)) != len(s) or not all(s) for s in strategies):
        strategies = None
    defaults = (
        ("Row", "Column") if n_players == 2 else tuple(f"Player {k + 1}" for k in range(n_players))
    )
    names = tuple(name or default for name, default in zip(players, defaults, strict=True))
    if len(set(names)) != len(names):
        names = defaults
    return cls(
        *(t.tolist() for t in tables),
        players=names,
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
    labels = " ".join("{ " + " ".join(_quote(s) for s in side) + " }" for side in game.strategies)
    players = " ".join(_quote(p) for p in game.players)
    head = f"NFG 1 R {_quote(game.name or '')} {{ {players} }} {{ {labels} }}\n\n"

    def number(v: sp.Expr) -> str:
        if v.is_Rational:
            return str(v)
        return repr(float(v))

    values: list[str] = []
    for k in range(math.prod(game.shape)):
        profile = np.unravel_index(k, game.shape, order="F")
        values.extend(number(u[tuple(int(i) for i in profile)]) for u in game.payoffs)
    return head + " ".join(values) + "\n"
