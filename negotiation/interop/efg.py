"""Gambit's ``.efg`` extensive-form format: read and write game trees.

A file lists the nodes of the tree in depth-first order, one per line:

* ``p "name" player infoset ["infoset name" {"action" ...}] outcome ["name" {payoffs}]``
  a decision node (players and information sets numbered from 1; the name
  and actions of an information set are given where it first appears);
* ``c "name" infoset ["infoset name" {"action" probability ...}] outcome [...]``
  a chance node;
* ``t "name" outcome ["outcome name" {payoffs}]`` a terminal node.

An outcome (numbered from 1; 0 is none) gives one payoff per player and may
sit at any node: a player's payoff at a terminal is the sum of the outcomes
on the path to it, which is how :class:`~negotiation.GameTree` stores it.
Numbers may be integers, decimals or rationals such as ``1/3``, and are kept
exact. Any number of players, chance nodes and information sets are read.

Writing gives each terminal its own outcome, names every information set of
the tree and numbers them per player in the order they first appear.

What a :class:`~negotiation.GameTree` cannot hold is made to fit, and the
reader says so in :attr:`EfgDetails.notes`: empty labels become ``"1"``,
``"2"``, ... (players ``"Player 1"``, ...); repeated labels get a suffix;
chance nodes that share a Gambit information set each keep their own copy of
the probabilities; node and outcome names are dropped.

References
----------
The Gambit Project, "Game representation formats",
https://gambitproject.readthedocs.io/en/latest/formats.html

Examples
--------
>>> import negotiation as ng
>>> text = '''EFG 2 R "Entry" { "Entrant" "Incumbent" }
... p "" 1 1 "" { "Out" "In" } 0
... t "" 1 "" { 0, 2 }
... p "" 2 1 "" { "Fight" "Accommodate" } 0
... t "" 2 "" { -1, -1 }
... t "" 3 "" { 1, 1 }
... '''
>>> tree = ng.GameTree.from_efg(text)
>>> [spe.path for spe in tree.subgame_perfect()]
[('In', 'Accommodate')]
>>> ng.GameTree.from_efg(tree.to_efg()).strategies == tree.strategies
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sympy as sp

from negotiation.errors import GameTreeError, UnsafeExpressionError
from negotiation.expressions import decimal_number

if TYPE_CHECKING:
    from negotiation.games.extensive import GameTree, Node

__all__ = ["EfgDetails", "EfgSyntaxError", "parse_efg", "read_efg", "write_efg"]

#: The most nodes a file may describe (a bound on time and memory).
MAX_NODES = 200_000

_TOKEN = re.compile(
    r'(?P<string>"(?:[^"\\]|\\.)*")|(?P<brace>[{}])|(?P<comma>,)|(?P<word>[^\s{},"]+)|(?P<space>\s+)'
)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(/\d+)?$")
_INTEGER = re.compile(r"^\d+$")


class EfgSyntaxError(GameTreeError):
    """A ``.efg`` text cannot be read; carries the line and column of the problem.

    Examples
    --------
    >>> import negotiation as ng
    >>> try:
    ...     ng.GameTree.from_efg('EFG 2 R "x" { "A" }\\np "" 1 1 "" { "a" } zero')
    ... except ng.EfgSyntaxError as err:
    ...     print(err.line, err.column)
    2 21
    """

    def __init__(self, message: str, *, line: int, column: int, path: str | None = None) -> None:
        self.line = line
        self.column = column
        self.path = path
        where = f"{path}:" if path else ""
        super().__init__(f"{where}line {line}, column {column}: {message}")


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    line: int
    column: int


class _Reader:
    def __init__(self, text: str, path: str | None) -> None:
        self.path = path
        self.tokens: list[_Tok] = []
        line, col = 1, 1
        pos = 0
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if match is None:  # an unterminated string
                raise EfgSyntaxError(
                    "a string is not closed; end it with a double quote",
                    line=line,
                    column=col,
                    path=path,
                )
            kind = match.lastgroup or "space"
            chunk = match.group()
            if kind != "space":
                self.tokens.append(_Tok(kind, chunk, line, col))
            newlines = chunk.count("\n")
            if newlines:
                line += newlines
                col = len(chunk) - chunk.rfind("\n")
            else:
                col += len(chunk)
            pos = match.end()
        self.pos = 0
        self.end = (line, col)

    def error(self, message: str, tok: _Tok | None = None) -> EfgSyntaxError:
        if tok is None:
            tok = self.peek()
        line, column = (tok.line, tok.column) if tok is not None else self.end
        return EfgSyntaxError(message, line=line, column=column, path=self.path)

    def peek(self) -> _Tok | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def next(self, what: str) -> _Tok:
        tok = self.peek()
        if tok is None:
            raise self.error(f"the file ends where {what} was expected; is it complete?")
        self.pos += 1
        return tok

    def string(self, what: str) -> str:
        tok = self.next(what)
        if tok.kind != "string":
            raise self.error(f"expected {what} (a quoted string) but found {tok.text!r}", tok)
        return re.sub(r"\\(.)", r"\1", tok.text[1:-1])

    def integer(self, what: str) -> int:
        tok = self.next(what)
        if tok.kind != "word" or not _INTEGER.match(tok.text) or len(tok.text) > 12:
            raise self.error(f"expected {what} (a whole number) but found {tok.text!r}", tok)
        return int(tok.text)

    def number(self, what: str) -> sp.Rational:
        tok = self.next(what)
        if tok.kind != "word" or not _NUMBER.match(tok.text):
            raise self.error(
                f"expected {what} (a number such as 3, -1.5 or 1/3) but found {tok.text!r}", tok
            )
        # digits and exponents are bounded before anything is computed (1e-999999999)
        shown = tok.text if len(tok.text) <= 40 else tok.text[:37] + "..."
        try:
            if "/" in tok.text:
                num, den = tok.text.split("/")
                denominator = decimal_number(den)
                if denominator == 0:
                    raise self.error(f"{tok.text!r} divides by zero", tok)
                return decimal_number(num) / denominator
            return decimal_number(tok.text)
        except UnsafeExpressionError as err:
            raise self.error(f"the number {shown!r} is beyond the bounds ({err})", tok) from None

    def brace(self, which: str, what: str) -> _Tok:
        tok = self.next(what)
        if tok.kind != "brace" or tok.text != which:
            raise self.error(f"expected {which!r} {what} but found {tok.text!r}", tok)
        return tok

    def at(self, kind: str, text: str | None = None) -> bool:
        tok = self.peek()
        return tok is not None and tok.kind == kind and (text is None or tok.text == text)

    def skip_commas(self) -> None:
        while self.at("comma"):
            self.pos += 1


# ---------------------------------------------------------------------- reading
@dataclass(frozen=True)
class EfgDetails:
    """What a ``.efg`` file held besides the tree, for checks and round trips.

    Attributes
    ----------
    tree
        The :class:`~negotiation.GameTree`.
    title, comment
        The file's title and comment.
    infosets
        ``{tree infoset name: (player index, Gambit infoset number)}`` for
        every decision information set.
    chance_infosets
        How many chance information sets the file declared.
    notes
        What had to change for the tree (empty labels, repeated labels, ...).
    """

    tree: GameTree
    title: str
    comment: str
    infosets: dict[str, tuple[int, int]] = field(default_factory=dict)
    chance_infosets: int = 0
    notes: tuple[str, ...] = ()


def _unique(labels: list[str], fallback: str, notes: list[str], where: str) -> list[str]:
    out: list[str] = []
    for k, label in enumerate(labels):
        name = label if label else f"{fallback}{k + 1}"
        if not label:
            notes.append(f"{where}: empty label {k + 1} named {name!r}")
        base, n = name, 2
        while name in out:
            name = f"{base} ({n})"
            n += 1
        if name != (label or f"{fallback}{k + 1}"):
            notes.append(f"{where}: repeated label {base!r} renamed {name!r}")
        out.append(name)
    return out


def parse_efg(source: str | Path) -> EfgDetails:
    """Read a ``.efg`` game (a path or the text) with its numbering and notes.

    Raises
    ------
    EfgSyntaxError
        With the line and column, for text that does not follow the format.
    GameTreeError
        For a file that cannot be found, or a tree that is not a valid game
        (e.g. an information set whose nodes have different actions).
    """
    from negotiation.games.extensive import Chance, Decision, GameTree, Terminal

    text, path = _text_of(source)
    r = _Reader(text, path)
    first = r.next("'EFG'")
    if first.kind != "word" or first.text != "EFG":
        raise r.error("a .efg file starts with 'EFG 2 R'", first)
    version = r.next("the format version")
    if version.text != "2":
        raise r.error(f"only version 2 of the .efg format is read, not {version.text!r}", version)
    kind = r.next("'R' or 'D'")
    if kind.text not in ("R", "D"):
        raise r.error(f"expected 'R' (rational) or 'D' (decimal) but found {kind.text!r}", kind)
    title = r.string("the game's title")
    r.brace("{", "before the players' names")
    raw_players: list[str] = []
    while r.at("string"):
        raw_players.append(r.string("a player's name"))
    r.brace("}", "after the players' names")
    if not raw_players:
        raise r.error('the game has no players; list their names in braces, e.g. { "US" "China" }')
    notes: list[str] = []
    players = _unique(raw_players, "Player ", notes, "players")
    n = len(players)
    comment = r.string("the comment") if r.at("string") else ""

    infoset_actions: dict[tuple[int, int], list[str]] = {}
    infoset_labels: dict[tuple[int, int], str] = {}
    chance_sets: dict[int, tuple[list[str], list[sp.Rational]]] = {}
    outcomes: dict[int, tuple[sp.Rational, ...]] = {}
    count = [0]

    def read_outcome() -> tuple[sp.Rational, ...]:
        number_tok = r.peek()
        number = r.integer("the outcome number (0 for none)")
        if r.at("string"):
            r.string("the outcome's name")
            r.brace("{", "before the outcome's payoffs")
            values = []
            while not r.at("brace", "}"):
                r.skip_commas()
                if r.at("brace", "}"):
                    break
                values.append(r.number("a payoff"))
                r.skip_commas()
            close = r.brace("}", "after the outcome's payoffs")
            if len(values) != n:
                raise r.error(
                    f"outcome {number} has {len(values)} payoffs but the game has {n} players; "
                    "give one payoff per player",
                    close,
                )
            if number == 0:
                raise r.error("outcome 0 means 'no outcome' and cannot have payoffs", close)
            outcomes[number] = tuple(values)
        if number == 0:
            return tuple(sp.Integer(0) for _ in range(n))
        if number not in outcomes:
            raise r.error(
                f"outcome {number} is used before its payoffs are given; give its name and "
                "payoffs where it first appears",
                number_tok,
            )
        return outcomes[number]

    def node(path_payoffs: tuple[sp.Rational, ...], depth: int) -> Node:
        count[0] += 1
        if count[0] > MAX_NODES:
            raise r.error(f"the file has more than {MAX_NODES} nodes")
        tok = r.next("a node ('p', 'c' or 't')")
        if tok.kind != "word" or tok.text not in ("p", "c", "t"):
            raise r.error(
                f"expected a node type 'p' (player), 'c' (chance) or 't' (terminal) but found "
                f"{tok.text!r}",
                tok,
            )
        r.string("the node's name")
        if tok.text == "t":
            own = read_outcome()
            return Terminal(tuple(a + b for a, b in zip(path_payoffs, own, strict=True)))
        if tok.text == "p":
            player_tok = r.peek()
            player = r.integer("the player's number")
            if not 1 <= player <= n:
                raise r.error(
                    f"player {player} does not exist; the players are numbered 1 to {n}",
                    player_tok,
                )
            number = r.integer("the information set's number")
            key = (player, number)
            if r.at("string"):
                label = r.string("the information set's name")
                r.brace("{", "before the actions")
                actions = []
                while r.at("string"):
                    actions.append(r.string("an action's name"))
                close = r.brace("}", "after the actions")
                if not actions:
                    raise r.error("an information set needs at least one action", close)
                if key in infoset_actions and infoset_actions[key] != actions:
                    raise r.error(
                        f"information set {number} of player {player} was given the actions "
                        f"{infoset_actions[key]} before but {actions} here; the nodes of an "
                        "information set have the same actions",
                        close,
                    )
                infoset_actions.setdefault(key, actions)
                infoset_labels.setdefault(key, label)
            elif key not in infoset_actions:
                raise r.error(
                    f"information set {number} of player {player} is used before its actions are "
                    "given; give its name and actions where it first appears"
                )
            own = read_outcome()
            here = tuple(a + b for a, b in zip(path_payoffs, own, strict=True))
            labels = _unique(
                infoset_actions[key], "", notes, f"player {player}, information set {number}"
            )
            children = [(a, node(here, depth + 1)) for a in labels]
            return Decision(players[player - 1], children, infoset=_infoset_name(key))
        number = r.integer("the chance information set's number")
        if r.at("string"):
            r.string("the chance information set's name")
            r.brace("{", "before the chance outcomes")
            actions, probs = [], []
            while r.at("string"):
                actions.append(r.string("a chance outcome's name"))
                r.skip_commas()
                probs.append(r.number("a probability"))
                r.skip_commas()
            close = r.brace("}", "after the chance outcomes")
            if not actions:
                raise r.error("a chance node needs at least one outcome", close)
            if sum(probs) != 1 or any(p < 0 for p in probs):
                raise r.error(
                    f"the chance probabilities {', '.join(map(str, probs))} must be non-negative "
                    "and sum to 1",
                    close,
                )
            chance_sets.setdefault(number, (actions, probs))
        elif number not in chance_sets:
            raise r.error(f"chance information set {number} is used before its outcomes are given")
        actions, probs = chance_sets[number]
        own = read_outcome()
        here = tuple(a + b for a, b in zip(path_payoffs, own, strict=True))
        labels = _unique(actions, "", notes, f"chance information set {number}")
        return Chance([(a, (p, node(here, depth + 1))) for a, p in zip(labels, probs, strict=True)])

    zero = tuple(sp.Integer(0) for _ in range(n))
    root = node(zero, 0)
    extra = r.peek()
    if extra is not None:
        raise r.error(
            f"the tree is complete but the file goes on with {extra.text!r}; every node's "
            "children follow it in depth-first order",
            extra,
        )
    names = _final_names(infoset_labels, players)
    root = _rename(root, {_infoset_name(k): v for k, v in names.items()})
    tree = GameTree(root, players=tuple(players), name=title or None)
    infosets = {names[k]: (k[0] - 1, k[1]) for k in infoset_actions}
    return EfgDetails(
        tree=tree,
        title=title,
        comment=comment,
        infosets=infosets,
        chance_infosets=len(chance_sets),
        notes=tuple(dict.fromkeys(notes)),
    )


def _infoset_name(key: tuple[int, int]) -> str:
    return f"@{key[0]}:{key[1]}"


def _final_names(
    labels: dict[tuple[int, int], str], players: list[str]
) -> dict[tuple[int, int], str]:
    """Each information set's name: its Gambit label where that is usable and unique."""
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    out = {}
    for key, label in labels.items():
        usable = label and "@" not in label and counts[label] == 1
        out[key] = label if usable else f"{players[key[0] - 1]}:{key[1]}"
    taken = [v for v in out.values()]
    for key, name in out.items():  # a generated name that clashes with a label
        if taken.count(name) > 1 and name != labels[key]:
            out[key] = f"{name} ({key[0]}:{key[1]})"
    return out


def _rename(node: Any, names: dict[str, str]) -> Any:
    from negotiation.games.extensive import Chance, Decision

    if isinstance(node, Decision):
        return Decision(
            node.player,
            [(a, _rename(c, names)) for a, c in node.moves],
            infoset=names.get(node.infoset, node.infoset) if node.infoset else None,
        )
    if isinstance(node, Chance):
        return Chance([(o, (p, _rename(c, names))) for o, p, c in node.outcomes])
    return node


def _text_of(source: Any) -> tuple[str, str | None]:
    if isinstance(source, str) and re.match(r"\s*EFG\s", source):
        return source, None
    if not isinstance(source, str | Path):
        raise GameTreeError(
            f"from_efg() takes the text of a .efg file or its path, not {type(source).__name__}"
        )
    path = Path(source)
    try:
        is_file = path.is_file()
    except (OSError, ValueError):  # a name too long for the system, a NUL byte
        is_file = False
    if not is_file:
        raise GameTreeError(
            f"{str(source)[:60]!r} is neither .efg text (which starts with 'EFG 2 R') nor an "
            "existing file"
        )
    try:
        return path.read_text(encoding="utf-8", errors="replace"), str(path)
    except OSError as err:
        raise GameTreeError(f"cannot read {path}: {err.strerror or err}") from None


def read_efg(source: str | Path) -> GameTree:
    """Read a ``.efg`` game tree from a path or from its text (see :func:`parse_efg`)."""
    return parse_efg(source).tree


# ---------------------------------------------------------------------- writing
def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _number(value: sp.Expr) -> str:
    if value.is_Integer:
        return str(int(value))
    if value.is_Rational:
        return f"{value.p}/{value.q}"
    return repr(float(value))


def write_efg(tree: GameTree) -> str:
    """The tree in Gambit's ``.efg`` format (numeric payoffs and probabilities only).

    Raises
    ------
    FreeParameterError
        If payoffs or probabilities still depend on parameters.
    """
    from negotiation.games.extensive import Chance, Decision, Terminal
    from negotiation.symbolic import require_numeric

    require_numeric(tree.parameters, "writing a .efg file", method="subs")
    players = tree.players
    numbers: dict[str, tuple[int, int]] = {}
    per_player = [0] * len(players)
    order: dict[str, tuple[str, ...]] = {}
    for s in tree.information_sets:
        p = players.index(s.player)
        per_player[p] += 1
        numbers[s.name] = (p + 1, per_player[p])
        order[s.name] = s.actions
    lines = [
        f"EFG 2 R {_quote(tree.name or '')} {{ " + " ".join(_quote(p) for p in players) + " }",
        '""',
        "",
    ]
    outcome = [0]
    chance = [0]

    def write(node: Node, history: tuple[str, ...]) -> None:
        if isinstance(node, Terminal):
            outcome[0] += 1
            payoffs = ", ".join(_number(v) for v in node.payoffs)
            lines.append(f't "" {outcome[0]} "" {{ {payoffs} }}')
            return
        if isinstance(node, Chance):
            chance[0] += 1
            body = " ".join(f"{_quote(o)} {_number(p)}" for o, p, _ in node.outcomes)
            lines.append(f'c "" {chance[0]} "" {{ {body} }} 0')
            for o, _, child in node.outcomes:
                write(child, (*history, o))
            return
        assert isinstance(node, Decision)
        name = node.infoset or f"{node.player}@{'/'.join(history) if history else 'root'}"
        player, number = numbers[name]
        actions = order[name]
        label = node.infoset or ""
        body = " ".join(_quote(a) for a in actions)
        lines.append(f'p "" {player} {number} {_quote(label)} {{ {body} }} 0')
        for a in actions:
            write(node[a], (*history, a))

    write(tree.root, ())
    return "\n".join(lines) + "\n"
