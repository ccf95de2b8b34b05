"""Games with continuous strategies: tariff rates, quantities, prices.

A tariff is a rate, not a row label. A :class:`ContinuousGame` gives each
player a strategy symbol with an interval (``t_us`` in ``[0, 3]``) and a
payoff that is a sympy expression in every player's strategy and in
parameters. Its methods check their input and delegate to the free functions
in :mod:`negotiation.solvers.best_response`:

* :meth:`ContinuousGame.best_response`: the reaction function from the
  first-order condition, a ``Piecewise`` with the corners;
* :meth:`ContinuousGame.equilibria`: the Nash equilibria, in closed form where
  sympy can solve the first-order conditions jointly (each with the
  ``.condition`` on the parameters under which it holds), otherwise by a
  multi-start numeric search; every numeric answer passes a global deviation
  check;
* :meth:`~ContinuousGame.stackelberg`, :meth:`~ContinuousGame.cooperative`,
  :meth:`~ContinuousGame.bargaining_problem`,
  :meth:`~ContinuousGame.comparative_statics`;
* :meth:`~ContinuousGame.discretize`: the finite :class:`~negotiation.Game` on
  chosen strategy values, so the repeated-game and bargaining tools apply;
* :meth:`~ContinuousGame.compiled_equilibrium` and
  :meth:`~ContinuousGame.sweep`: the closed form compiled once and evaluated
  on whole arrays of parameter values.

References
----------
M. J. Osborne (2004), *An Introduction to Game Theory*, sections 3.1 (Cournot),
3.2 (Bertrand) and 7.6 (Stackelberg); D. Fudenberg and J. Tirole (1991),
*Game Theory*, section 1.2.

Examples
--------
>>> import sympy as sp
>>> import negotiation as ng
>>> q1, q2, a, c = sp.symbols("q1 q2 a c", positive=True)
>>> price = a - q1 - q2
>>> cournot = ng.ContinuousGame({"Firm 1": (price - c) * q1, "Firm 2": (price - c) * q2},
...                             {"Firm 1": (q1, 0, sp.oo), "Firm 2": (q2, 0, sp.oo)})
>>> cournot.best_response("Firm 1").expression
Piecewise((0, a <= c + q2), (a/2 - c/2 - q2/2, True))
>>> eq = cournot.equilibria()[0]
>>> eq.strategies, eq.condition
(((a - c)/3, (a - c)/3), a >= c)
>>> cournot.subs(a=10, c=1).equilibria()[0].strategies
(3, 3)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation import display
from negotiation.display.formatting import fmt
from negotiation.display.tables import ResultList, Tabular
from negotiation.errors import ContinuousGameError, InvalidGameError, UnknownLabelError
from negotiation.solvers import best_response as _br
from negotiation.symbolic import (
    as_number,
    free_parameters,
    normalise_substitution,
    require_numeric,
)

if TYPE_CHECKING:
    from negotiation.bargaining.feasible import BargainingProblem
    from negotiation.games.normal_form import Game

__all__ = [
    "BestResponse",
    "ComparativeStatics",
    "ContinuousEquilibrium",
    "ContinuousGame",
    "ContinuousOutcome",
    "ContinuousSweepResult",
    "StrategySet",
]

DEFAULT_TOL = _br.DEFAULT_TOL
LABEL_STYLES = ("value", "percent")


# =========================================================================== strategy sets
@dataclass(frozen=True)
class StrategySet:
    """A player's strategy: a symbol and the interval ``[low, high]`` it ranges over.

    Bounds are numbers, sympy expressions in parameters, or ``-oo``/``oo``.

    Examples
    --------
    >>> t = sp.Symbol("t")
    >>> StrategySet(t, 0, 2)
    StrategySet(t in [0, 2])
    """

    symbol: sp.Symbol
    low: Any = 0
    high: Any = sp.oo

    def __post_init__(self) -> None:
        if isinstance(self.symbol, str):
            raise ContinuousGameError(
                f"the strategy {self.symbol!r} is a string; give a sympy Symbol, e.g. "
                f"sympy.Symbol({self.symbol!r})"
            )
        if not isinstance(self.symbol, sp.Symbol):
            raise ContinuousGameError(
                f"a strategy must be a sympy Symbol, e.g. sympy.Symbol('t_us'); got {self.symbol!r}"
            )
        low = _bound(self.low, f"the lower bound of {self.symbol}")
        high = _bound(self.high, f"the upper bound of {self.symbol}")
        if self.symbol in low.free_symbols | high.free_symbols:
            raise ContinuousGameError(
                f"the bounds of {self.symbol} depend on {self.symbol} itself; bounds are numbers "
                "or expressions in parameters"
            )
        if (high - low).is_number and not (high - low).is_extended_positive and low != high:
            raise ContinuousGameError(
                f"the strategy set [{low}, {high}] of {self.symbol} is empty; give low < high"
            )
        if low == high:
            raise ContinuousGameError(
                f"the strategy set [{low}, {high}] of {self.symbol} is a single point; give "
                "low < high (or fix the value with subs)"
            )
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    def __repr__(self) -> str:
        return display.short(self)


def _bound(value: Any, what: str) -> sp.Expr:
    if isinstance(value, float) and np.isinf(value):
        return sp.oo if value > 0 else -sp.oo
    if isinstance(value, sp.Basic) and value in (sp.oo, -sp.oo):
        return value
    if isinstance(value, sp.Expr) and value.free_symbols and not value.has(sp.nan, sp.zoo):
        return value  # a bound in parameters (it may hold oo inside a Piecewise or Min)
    try:
        return as_number(value, what)
    except InvalidGameError as err:
        raise ContinuousGameError(
            str(err).replace("payoffs must be", "bounds must be")
            + "; use sympy.oo or float('inf') for no bound"
        ) from None


def _strategy_set(value: Any, player: str) -> StrategySet:
    if isinstance(value, StrategySet):
        return value
    if isinstance(value, sp.Symbol):
        raise ContinuousGameError(
            f"{player}'s strategy {value} needs bounds: give (symbol, low, high), e.g. "
            f"({value}, 0, sympy.oo) for a non-negative quantity"
        )
    if isinstance(value, str) or not isinstance(value, Sequence) or len(value) != 3:
        raise ContinuousGameError(
            f"{player}'s strategy must be (symbol, low, high), e.g. (sympy.Symbol('t'), 0, 2); "
            f"got {value!r}"
        )
    return StrategySet(*value)


def _check_players(players: Any, n: int) -> tuple[str, ...]:
    if isinstance(players, str) or not isinstance(players, Sequence):
        raise ContinuousGameError(f"players must be a sequence of names; got {players!r}")
    names = tuple(players)
    if len(names) != n:
        raise ContinuousGameError(f"{len(names)} player names for {n} strategies; give one each")
    if not all(isinstance(p, str) and p for p in names):
        raise ContinuousGameError(f"player names must be non-empty strings; got {names!r}")
    if len(set(names)) != len(names):
        raise ContinuousGameError(f"player names must be distinct; got {names!r}")
    return names


def _as_payoff(value: Any, player: str) -> sp.Expr:
    if isinstance(value, str):
        raise ContinuousGameError(
            f"{player}'s payoff is the string {value!r}; give a sympy expression (for text from "
            "a file use negotiation.parse_expression)"
        )
    try:
        return as_number(value, f"{player}'s payoff")
    except InvalidGameError as err:
        raise ContinuousGameError(str(err)) from None


# =========================================================================== results
@dataclass(frozen=True)
class BestResponse:
    """A player's best-response (reaction) function.

    Attributes
    ----------
    player, symbol
        Whose response, and its strategy symbol.
    expression
        The best response as a ``Piecewise`` in the other players' strategies
        and the parameters, including the corners at the bounds.
    interior
        The root of the first-order condition (``None`` for a corner or linear payoff).
    first_order_condition
        ``Eq(du/ds, 0)``.
    second_order
        ``d2u/ds2``; the root is a maximum where it is negative.
    condition
        Where :attr:`expression` is the best response: ``True`` for payoffs
        strictly concave in the own strategy, else the second-order condition.
    kind
        ``"interior"`` (the clamped root), ``"corner"`` (a convex or monotone
        payoff) or ``"linear"``.
    note
        What the expression rests on, in words.
    """

    player: str
    symbol: sp.Symbol
    expression: sp.Expr
    interior: sp.Expr | None
    first_order_condition: sp.Basic
    second_order: sp.Expr
    condition: sp.Basic
    kind: str
    note: str

    def at(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> sp.Expr:
        """The best response at given values of the others' strategies (and parameters).

        Examples
        --------
        >>> x, y = sp.symbols("x y")
        >>> g = ContinuousGame({"A": -(x - y / 2)**2, "B": -(y - 1)**2},
        ...                    {"A": (x, 0, 1), "B": (y, 0, 1)})
        >>> g.best_response("A").at(y=1)
        1/2
        """
        merged: dict[Any, Any] = dict(values or {})
        merged.update(kwargs)
        symbols = {s.name: s for s in self.expression.free_symbols if isinstance(s, sp.Symbol)}
        mapping = {}
        for key, value in merged.items():
            name = key.name if isinstance(key, sp.Symbol) else key
            if name in symbols:
                mapping[symbols[name]] = as_number(value, f"the value of {name}")
        return sp.piecewise_fold(self.expression.xreplace(mapping))

    def __str__(self) -> str:
        return display.text(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"


@dataclass(frozen=True)
class ContinuousEquilibrium(Tabular):
    """A Nash equilibrium of a continuous game: one strategy value per player.

    Attributes
    ----------
    strategies
        One value per player: sympy numbers or expressions (closed form) or
        floats (numeric).
    payoffs
        Each player's payoff there.
    players, symbols
        The game's players and strategy symbols.
    method
        ``"closed_form"`` or ``"numeric"``.
    condition
        Where the equilibrium holds, over the parameters (``True`` for a
        numeric game).
    status
        Each player's position: ``"interior"``, ``"low"`` or ``"high"`` (a bound).
    max_gain
        The largest gain any player finds by deviating alone, from the global
        check (``None`` for a symbolic equilibrium).
    note
        How it was found and verified, in words.
    """

    strategies: tuple[Any, ...]
    payoffs: tuple[Any, ...]
    players: tuple[str, ...]
    symbols: tuple[sp.Symbol, ...]
    method: str
    condition: sp.Basic = sp.true
    status: tuple[str, ...] = ()
    max_gain: float | None = None
    note: str = ""

    @property
    def verified(self) -> bool | None:
        """Whether the global deviation check ran and passed (``None`` when symbolic)."""
        return None if self.max_gain is None else True

    @property
    def profile(self) -> dict[str, Any]:
        """``{player: strategy}``."""
        return dict(zip(self.players, self.strategies, strict=True))

    def __getitem__(self, player: str | int) -> Any:
        return self.strategies[_index(self.players, player)]

    def values(self) -> np.ndarray:
        """The strategies as floats (numeric equilibria only)."""
        return np.array([float(v) for v in self.strategies], dtype=float)

    def __repr__(self) -> str:
        return display.short(self)

    def __str__(self) -> str:
        return display.text(self)

    def _repr_html_(self) -> str:
        return display.html(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"


@dataclass(frozen=True)
class ContinuousOutcome(Tabular):
    """A Stackelberg or cooperative outcome of a continuous game.

    Attributes
    ----------
    concept
        ``"stackelberg"`` or ``"cooperative"``.
    strategies, payoffs, players, symbols, method, condition, note
        As for :class:`ContinuousEquilibrium`.
    leader
        The Stackelberg leader (``None`` for a cooperative outcome).
    weights
        The weights of the cooperative objective (``None`` for Stackelberg).
    """

    concept: str
    strategies: tuple[Any, ...]
    payoffs: tuple[Any, ...]
    players: tuple[str, ...]
    symbols: tuple[sp.Symbol, ...]
    method: str
    condition: sp.Basic = sp.true
    leader: str | None = None
    weights: tuple[Any, ...] | None = None
    note: str = ""

    @property
    def profile(self) -> dict[str, Any]:
        """``{player: strategy}``."""
        return dict(zip(self.players, self.strategies, strict=True))

    def __getitem__(self, player: str | int) -> Any:
        return self.strategies[_index(self.players, player)]

    def values(self) -> np.ndarray:
        """The strategies as floats."""
        return np.array([float(v) for v in self.strategies], dtype=float)

    def __repr__(self) -> str:
        return display.short(self)

    def __str__(self) -> str:
        return display.text(self)

    def _repr_html_(self) -> str:
        return display.html(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"


@dataclass(frozen=True)
class ComparativeStatics(Tabular):
    """d(equilibrium strategy)/d(parameter) for each player, by the implicit function theorem.

    Attributes
    ----------
    parameter
        The parameter moved.
    derivatives
        One expression per player (0 for a player at a bound).
    players, symbols
        The game's players and strategy symbols.
    at_equilibrium
        Whether the derivatives are evaluated at a closed-form equilibrium (else
        they are written in the strategy symbols: substitute the equilibrium).
    """

    parameter: sp.Symbol
    derivatives: tuple[sp.Expr, ...]
    players: tuple[str, ...]
    symbols: tuple[sp.Symbol, ...]
    at_equilibrium: bool

    def __getitem__(self, player: str | int) -> sp.Expr:
        return self.derivatives[_index(self.players, player)]

    def __str__(self) -> str:
        return display.text(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"


@dataclass(frozen=True)
class ContinuousSweepResult:
    """A continuous game's equilibrium at every point of a parameter grid.

    Attributes
    ----------
    points
        One flat array per parameter (the grid, in C order).
    shape
        The grid's shape (one axis per parameter, in the order of ``points``).
    players
        The game's players.
    strategies, payoffs
        ``(points, players)`` arrays (NaN where none was found).
    found, count
        Whether an equilibrium was found at each point, and how many.
    method
        ``"closed_form"`` or ``"numeric"``.
    """

    points: dict[str, np.ndarray]
    shape: tuple[int, ...]
    players: tuple[str, ...]
    strategies: np.ndarray
    payoffs: np.ndarray
    found: np.ndarray
    count: np.ndarray
    method: str

    def __len__(self) -> int:
        return int(self.found.shape[0])

    def strategy(self, player: str | int) -> np.ndarray:
        """A player's equilibrium strategy on the grid, shaped like the grid."""
        return self.strategies[:, _index(self.players, player)].reshape(self.shape)

    def payoff(self, player: str | int) -> np.ndarray:
        """A player's equilibrium payoff on the grid, shaped like the grid."""
        return self.payoffs[:, _index(self.players, player)].reshape(self.shape)

    def __repr__(self) -> str:
        return display.short(self)


# =========================================================================== the game
@dataclass(frozen=True)
class ContinuousGame:
    """A game in which each player picks a number from an interval.

    Parameters
    ----------
    payoffs
        ``{player: expression}``: each payoff a sympy expression in every
        player's strategy symbol and any parameters (or a sequence, in player order).
    strategies
        ``{player: (symbol, low, high)}``: bounds are numbers, expressions in
        parameters or ``sympy.oo``/``-sympy.oo`` (or a sequence, in player order).
    players
        The player names, in order; by default the keys of ``strategies``
        (``"Player 1"``, ``"Player 2"``, ... for sequences).
    name
        An optional title.

    Raises
    ------
    ContinuousGameError
        For a strategy that is not a symbol with bounds, an empty interval, a
        payoff that is not an expression or does not depend on its player's
        own strategy, and mismatched players.

    Examples
    --------
    Bertrand competition with differentiated products (demand ``a - p_i + b p_j``):

    >>> p1, p2 = sp.symbols("p1 p2")
    >>> a, b, c = 10, sp.Rational(1, 2), 1
    >>> g = ContinuousGame([(p1 - c) * (a - p1 + b * p2), (p2 - c) * (a - p2 + b * p1)],
    ...                    [(p1, 0, sp.oo), (p2, 0, sp.oo)], players=("Firm 1", "Firm 2"))
    >>> g.equilibria()[0].strategies
    (22/3, 22/3)
    """

    payoffs: Any
    strategies: Any
    players: Any = field(default=None, kw_only=True)
    name: str | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        strategies, payoffs = self.strategies, self.payoffs
        if isinstance(strategies, Mapping):
            keys = tuple(strategies)
            players = keys if self.players is None else _check_players(self.players, len(keys))
            if set(players) != set(keys):
                raise ContinuousGameError(
                    f"players {players!r} do not match the strategies' keys {keys!r}"
                )
            sets = tuple(_strategy_set(strategies[p], p) for p in players)
        elif isinstance(strategies, Sequence) and not isinstance(strategies, str):
            n = len(strategies)
            default = tuple(f"Player {k + 1}" for k in range(n))
            players = default if self.players is None else _check_players(self.players, n)
            sets = tuple(_strategy_set(s, p) for s, p in zip(strategies, players, strict=True))
        else:
            raise ContinuousGameError(
                "strategies must map each player to (symbol, low, high), e.g. "
                "{'US': (t_us, 0, 2), 'China': (t_cn, 0, 2)}"
            )
        players = _check_players(players, len(sets))
        if not sets:
            raise ContinuousGameError("a game needs at least one player")
        if isinstance(payoffs, Mapping):
            if set(payoffs) != set(players):
                missing = [p for p in players if p not in payoffs]
                extra = [p for p in payoffs if p not in players]
                raise ContinuousGameError(
                    f"payoffs must give one expression per player {players!r}"
                    + (f"; missing {missing!r}" if missing else "")
                    + (f"; unknown {extra!r}" if extra else "")
                )
            exprs = tuple(_as_payoff(payoffs[p], p) for p in players)
        elif isinstance(payoffs, Sequence) and not isinstance(payoffs, str):
            if len(payoffs) != len(players):
                raise ContinuousGameError(
                    f"{len(payoffs)} payoffs for {len(players)} players; give one expression each"
                )
            exprs = tuple(_as_payoff(u, p) for u, p in zip(payoffs, players, strict=True))
        else:
            raise ContinuousGameError(
                "payoffs must map each player to a sympy expression, e.g. {'US': w_us, 'China': w_cn}"
            )
        symbols = tuple(s.symbol for s in sets)
        if len(set(symbols)) != len(symbols):
            raise ContinuousGameError(f"each player needs its own strategy symbol; got {symbols!r}")
        for p, u, s in zip(players, exprs, symbols, strict=True):
            if not u.has(s):
                depends = ", ".join(sorted(x.name for x in u.free_symbols)) or "no symbol"
                raise ContinuousGameError(
                    f"{p}'s payoff {u} does not depend on {p}'s strategy {s} (it depends on "
                    f"{depends}); write each payoff in terms of the declared strategy symbols"
                )
        if self.name is not None and not isinstance(self.name, str):
            raise ContinuousGameError(f"name must be a string or None, not {self.name!r}")
        object.__setattr__(self, "players", players)
        object.__setattr__(self, "strategies", sets)
        object.__setattr__(self, "payoffs", exprs)

    # ------------------------------------------------------------------ basics
    @property
    def n_players(self) -> int:
        """The number of players."""
        return len(self.players)

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        """The strategy symbols, in player order."""
        return tuple(s.symbol for s in self.strategies)

    @property
    def bounds(self) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
        """``(low, high)`` for each player."""
        return tuple((s.low, s.high) for s in self.strategies)

    @cached_property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free symbols other than the strategies (payoffs and bounds), ordered by name."""
        found = free_parameters(*self.payoffs, *(b for pair in self.bounds for b in pair))
        return tuple(p for p in found if p not in self.symbols)

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> ContinuousGame:
        """A new game with some or all parameters replaced by values.

        Examples
        --------
        >>> x, y, a = sp.symbols("x y a")
        >>> g = ContinuousGame([x * (a - x - y), y * (a - x - y)], [(x, 0, a), (y, 0, a)])
        >>> g.subs(a=3).bounds
        ((0, 3), (0, 3))
        """
        mapping = normalise_substitution(self.parameters, values, kwargs)
        return ContinuousGame(
            tuple(u.xreplace(mapping) for u in self.payoffs),
            tuple(
                (
                    s.symbol,
                    sp.sympify(s.low).xreplace(mapping),
                    sp.sympify(s.high).xreplace(mapping),
                )
                for s in self.strategies
            ),
            players=self.players,
            name=self.name,
        )

    def index(self, player: str | int) -> int:
        """The position of ``player`` (a name or an index)."""
        return _index(self.players, player)

    def payoffs_at(self, profile: Mapping[Any, Any] | Sequence[Any]) -> tuple[sp.Expr, ...]:
        """Every player's payoff at a strategy profile (``{player or symbol: value}`` or a sequence).

        Examples
        --------
        >>> x, y = sp.symbols("x y")
        >>> g = ContinuousGame([x * (1 - x - y), y * (1 - x - y)], [(x, 0, 1), (y, 0, 1)])
        >>> g.payoffs_at((sp.Rational(1, 3), sp.Rational(1, 3)))
        (1/9, 1/9)
        """
        values = self._profile(profile)
        return tuple(u.xreplace(values) for u in self.payoffs)

    def _profile(self, profile: Mapping[Any, Any] | Sequence[Any]) -> dict[sp.Symbol, sp.Expr]:
        values = self._read_profile(profile)
        for player, symbol, (low, high) in zip(
            self.players, self.symbols, self.bounds, strict=True
        ):
            v = values[symbol]
            if v.is_number and (
                (low.is_number and bool(v < low)) or (high.is_number and bool(v > high))
            ):
                raise ContinuousGameError(
                    f"{player}'s strategy {fmt(v)} is outside its strategy set [{low}, {high}]; "
                    "give a value within it"
                )
        return values

    def _read_profile(self, profile: Mapping[Any, Any] | Sequence[Any]) -> dict[sp.Symbol, sp.Expr]:
        if isinstance(profile, Mapping):
            out: dict[sp.Symbol, sp.Expr] = {}
            for key, value in profile.items():
                if isinstance(key, sp.Symbol) and key in self.symbols:
                    k = self.symbols.index(key)
                else:
                    k = self.index(key)
                out[self.symbols[k]] = _level(value, f"{self.players[k]}'s strategy")
            missing = [p for p, s in zip(self.players, self.symbols, strict=True) if s not in out]
            if missing:
                raise ContinuousGameError(f"the profile gives no strategy for {', '.join(missing)}")
            return out
        if isinstance(profile, str) or len(profile) != self.n_players:
            raise ContinuousGameError(
                f"a profile gives one strategy value per player ({', '.join(self.players)}); "
                f"got {profile!r}"
            )
        return {
            s: _level(v, f"{p}'s strategy")
            for s, v, p in zip(self.symbols, profile, self.players, strict=True)
        }

    # ------------------------------------------------------------------ best responses
    def best_response(self, player: str | int) -> BestResponse:
        """A player's best-response function from the first-order condition, with the corners.

        Raises
        ------
        ContinuousGameError
            When the payoff grows without bound on an unbounded strategy set,
            does not depend on the player's strategy, or the first-order
            condition has no closed form (use :meth:`equilibria` with
            ``numeric=True``, which maximises numerically).

        Examples
        --------
        >>> x, y = sp.symbols("x y")
        >>> g = ContinuousGame([x * (1 - x - y), y * (1 - x - y)], [(x, 0, 1), (y, 0, 1)])
        >>> g.best_response(0).expression
        Piecewise((0, y >= 1), (1/2 - y/2, True))
        """
        i = self.index(player)
        s = self.strategies[i]
        try:
            parts = _br.best_response(self.payoffs[i], s.symbol, s.low, s.high)
        except _br.NoClosedForm as err:
            raise ContinuousGameError(
                f"{self.players[i]}'s best response has no closed form: {err.reason}; "
                "game.equilibria(numeric=True) maximises numerically instead"
            ) from None
        domains = {o.symbol: (o.low, o.high) for k, o in enumerate(self.strategies) if k != i}
        if (
            parts.kind == "linear"
            and _br.prune_pieces(sp.Piecewise((0, parts.condition), (1, True)), domains) == 1
        ):
            direction = "oo" if not _br.is_finite_bound(s.high) else "-oo"
            raise ContinuousGameError(
                f"{self.players[i]}'s payoff grows without bound as {s.symbol} -> {direction} "
                f"whatever the others play, so no best response exists; give {s.symbol} a finite "
                f"{'upper' if direction == 'oo' else 'lower'} bound in the strategy set"
            )
        return BestResponse(
            player=self.players[i],
            symbol=s.symbol,
            expression=_br.prune_pieces(parts.expression, domains),
            interior=parts.interior,
            first_order_condition=sp.Eq(parts.first_order, 0),
            second_order=parts.second_order,
            condition=parts.condition,
            kind=parts.kind,
            note=parts.note,
        )

    def best_responses(self) -> tuple[BestResponse, ...]:
        """Every player's best-response function, in player order."""
        return tuple(self.best_response(i) for i in range(self.n_players))

    # ------------------------------------------------------------------ equilibria
    def _compiled(self) -> _br.CompiledGame:
        return self._compiled_game

    @cached_property
    def _compiled_game(self) -> _br.CompiledGame:
        return _br.CompiledGame(self.payoffs, self.symbols, self.bounds, ())

    def _concave(self) -> bool:
        return all(
            _br._sign(sp.diff(u, s, 2)) == -1
            for u, s in zip(self.payoffs, self.symbols, strict=True)
        )

    def equilibria(
        self,
        *,
        numeric: bool = False,
        starts: int = 8,
        seed: int = 0,
        tol: float = DEFAULT_TOL,
    ) -> ResultList[ContinuousEquilibrium]:
        """The Nash equilibria, in closed form where sympy can solve the first-order conditions.

        Parameters
        ----------
        numeric
            Skip the closed form and search numerically (needs numbers).
        starts, seed
            The numeric search's number of starting points and their seed.
        tol
            A numeric equilibrium is kept when no player gains more than
            ``tol`` (scaled by the payoff when above 1) by any deviation.

        Returns
        -------
        list of ContinuousEquilibrium
            A list with ``.to_pandas()`` and ``.to_latex()``. Closed form: every Karush-Kuhn-Tucker point (interior or at a
            bound), each with its condition; in a numeric game each also
            passes the global deviation check. When the payoffs are not proven
            concave in own strategies, a numeric search also runs and its
            finds are added; a numeric search is not exhaustive.

        Raises
        ------
        FreeParameterError
            When there is no closed form and parameters are still free.
        ContinuousGameError
            When a payoff grows without bound.

        Examples
        --------
        Strategic complements with three equilibria (a numeric search finds them):

        >>> x, y = sp.symbols("x y")
        >>> br = lambda z: 1 / (1 + sp.exp(-12 * (z - sp.Rational(1, 2))))
        >>> g = ContinuousGame([-(x - br(y))**2, -(y - br(x))**2], [(x, 0, 1), (y, 0, 1)])
        >>> sorted(round(float(e.strategies[0]), 4) for e in g.equilibria(starts=12))
        [0.0025, 0.5, 0.9975]
        """
        self._check_bounded()
        if not numeric:
            try:
                regimes = _br.kkt_points(self.payoffs, self.symbols, self.bounds, tol=tol)
            except _br.NoClosedForm as err:
                reason = err.reason
            else:
                return ResultList(self._closed_form_equilibria(regimes, starts, seed, tol))
            require_numeric(
                self.parameters, f"a numeric equilibrium search (no closed form: {reason})"
            )
        else:
            require_numeric(self.parameters, "a numeric equilibrium search")
        return ResultList(self._numeric_equilibria(starts, seed, tol, ""))

    def _check_bounded(self) -> None:
        """Raise for a player on an unbounded set whose payoff grows without bound."""
        for i, s in enumerate(self.strategies):
            if _br.is_finite_bound(s.low) and _br.is_finite_bound(s.high):
                continue
            try:
                self.best_response(i)
            except ContinuousGameError as err:
                if "without bound" in str(err):
                    raise
                continue

    def _numeric_equilibria(
        self, starts: int, seed: int, tol: float, prefix: str
    ) -> list[ContinuousEquilibrium]:
        cg = self._compiled()
        points = _br.numeric_equilibria(cg, starts=starts, seed=seed, tol=tol)
        lo, hi = cg.bounds()
        note = (
            prefix
            + f"numeric search from {starts} starting points (not exhaustive); every deviation "
            "checked globally"
        )
        return [
            ContinuousEquilibrium(
                strategies=tuple(float(v) for v in p.point),
                payoffs=tuple(float(v) for v in p.payoffs),
                players=self.players,
                symbols=self.symbols,
                method="numeric",
                status=_status(p.point, lo, hi),
                max_gain=float(max(np.max(p.gains), 0.0)),
                note=note,
            )
            for p in points
        ]

    def _closed_form_equilibria(
        self, regimes: list[_br.Regime], starts: int, seed: int, tol: float
    ) -> list[ContinuousEquilibrium]:
        if self.parameters:
            return [
                ContinuousEquilibrium(
                    strategies=tuple(_br._tidy(v) for v in r.point),
                    payoffs=tuple(
                        _br._tidy(u.xreplace(dict(zip(self.symbols, r.point, strict=True))))
                        for u in self.payoffs
                    ),
                    players=self.players,
                    symbols=self.symbols,
                    method="closed_form",
                    condition=r.condition,
                    status=r.status,
                    note="closed form from the first-order conditions; valid where .condition holds"
                    + ("" if self._concave() else " (and the payoffs are quasi-concave)"),
                )
                for r in regimes
            ]
        cg = self._compiled()
        out: list[ContinuousEquilibrium] = []
        for r in _br.dedupe_numeric(regimes):
            x = np.array([float(v) for v in r.point])
            values = dict(zip(self.symbols, r.point, strict=True))
            u = tuple(p.xreplace(values) for p in self.payoffs)
            gains = _br.deviation_gains(cg, x)
            if not _br.passes(gains, np.array([float(v) for v in u]), tol):
                continue
            out.append(
                ContinuousEquilibrium(
                    strategies=r.point,
                    payoffs=u,
                    players=self.players,
                    symbols=self.symbols,
                    method="closed_form",
                    status=r.status,
                    max_gain=float(max(np.max(gains), 0.0)),
                    note="closed form from the first-order conditions; every deviation checked "
                    "globally",
                )
            )
        if self._concave():
            return out
        extra = self._numeric_equilibria(
            starts, seed, tol, "payoffs not proven concave, so also a "
        )
        for eq in extra:
            x = eq.values()
            if not any(np.allclose(x, e.values(), rtol=1e-6, atol=1e-8) for e in out):
                out.append(eq)
        return out

    # ------------------------------------------------------------------ beyond Nash
    def stackelberg(self, leader: str | int, *, numeric: bool = False) -> ContinuousOutcome:
        """The subgame-perfect outcome when ``leader`` moves first and the others react.

        Closed form where the followers' first-order conditions and the
        leader's reduced problem can be solved (with the condition under which
        the followers' reaction is interior); otherwise numeric.

        Raises
        ------
        FreeParameterError
            When there is no closed form and parameters are still free.

        Examples
        --------
        >>> q1, q2 = sp.symbols("q1 q2")
        >>> d = 12 - q1 - q2
        >>> g = ContinuousGame([q1 * d, q2 * d], [(q1, 0, sp.oo), (q2, 0, sp.oo)])
        >>> g.stackelberg(0).strategies
        (6, 3)
        """
        i = self.index(leader)
        if self.n_players < 2:
            raise ContinuousGameError(
                "a Stackelberg outcome needs a leader and at least one follower"
            )
        note = ""
        if not numeric:
            try:
                regime = _br.stackelberg_closed_form(self.payoffs, self.symbols, self.bounds, i)
            except _br.NoClosedForm as err:
                note = f"no closed form ({err.reason}); "
            else:
                if self.parameters or regime.condition is not sp.false:
                    values = dict(zip(self.symbols, regime.point, strict=True))
                    return ContinuousOutcome(
                        concept="stackelberg",
                        strategies=regime.point,
                        payoffs=tuple(_br._tidy(u.xreplace(values)) for u in self.payoffs),
                        players=self.players,
                        symbols=self.symbols,
                        method="closed_form",
                        condition=regime.condition,
                        leader=self.players[i],
                        note="the followers' reaction substituted into the leader's payoff",
                    )
                note = "the followers' interior reaction does not apply here; "
        require_numeric(self.parameters, "a numeric Stackelberg solve")
        cg = self._compiled()
        x = _br.stackelberg_numeric(cg, i)
        return ContinuousOutcome(
            concept="stackelberg",
            strategies=tuple(float(v) for v in x),
            payoffs=tuple(float(v) for v in cg.payoffs(x)),
            players=self.players,
            symbols=self.symbols,
            method="numeric",
            leader=self.players[i],
            note=note + "the leader's payoff against the followers' numeric reaction, maximised",
        )

    def _weights(self, weights: Any) -> tuple[sp.Expr, ...]:
        if weights is None:
            return tuple(sp.Integer(1) for _ in self.players)
        if isinstance(weights, Mapping):
            unknown = [k for k in weights if k not in self.players]
            if unknown:
                raise UnknownLabelError(
                    f"no player {unknown[0]!r}; the players are "
                    + ", ".join(map(repr, self.players))
                )
            weights = [weights.get(p, 0) for p in self.players]
        if isinstance(weights, str) or len(weights) != self.n_players:
            raise ContinuousGameError(
                f"give one weight per player ({', '.join(self.players)}); got {weights!r}"
            )
        out = tuple(_level(w, "a weight") for w in weights)
        for w in out:
            if w.is_number and w < 0:
                raise ContinuousGameError(f"weights must be non-negative; got {w}")
        if all(w.is_number for w in out) and all(w == 0 for w in out):
            raise ContinuousGameError("at least one weight must be positive")
        return out

    def cooperative(self, weights: Any = None, *, numeric: bool = False) -> ContinuousOutcome:
        """The strategies that maximise the weighted sum of payoffs (equal weights by default).

        Parameters
        ----------
        weights
            One non-negative weight per player (a sequence or ``{player: weight}``).
        numeric
            Skip the closed form.

        Examples
        --------
        >>> x, y = sp.symbols("x y")
        >>> g = ContinuousGame([x * (1 - x - y) - x**2 / 2, y * (1 - x - y) - y**2 / 2],
        ...                    [(x, 0, 1), (y, 0, 1)])
        >>> g.cooperative().strategies
        (1/5, 1/5)
        """
        w = self._weights(weights)
        note = ""
        if not numeric:
            try:
                regimes = _br.cooperative_points(self.payoffs, self.symbols, self.bounds, w)
            except _br.NoClosedForm as err:
                if isinstance(err, _br.NotUnique):  # e.g. joint profit depends on total output
                    note = (
                        "the maximisers form a continuum, as the first-order conditions do not "
                        "pin down a unique point: this is one of them, with the same weighted "
                        "sum; "
                    )
                else:
                    note = f"no closed form ({err.reason}); "
            else:
                chosen = self._best_regime(regimes, w)
                if chosen is not None:
                    values = dict(zip(self.symbols, chosen.point, strict=True))
                    return ContinuousOutcome(
                        concept="cooperative",
                        strategies=tuple(_br._tidy(v) for v in chosen.point),
                        payoffs=tuple(_br._tidy(u.xreplace(values)) for u in self.payoffs),
                        players=self.players,
                        symbols=self.symbols,
                        method="closed_form",
                        condition=chosen.condition,
                        weights=w,
                        note="maximises the weighted sum of payoffs (first-order conditions)",
                    )
                note = "no closed-form maximiser applies; "
        require_numeric(self.parameters, "a numeric cooperative solve")
        if not all(v.is_number for v in w):
            require_numeric(free_parameters(*w), "a numeric cooperative solve")
        cg = self._compiled()
        x = _br.cooperative_numeric(cg, [float(v) for v in w])
        return ContinuousOutcome(
            concept="cooperative",
            strategies=tuple(float(v) for v in x),
            payoffs=tuple(float(v) for v in cg.payoffs(x)),
            players=self.players,
            symbols=self.symbols,
            method="numeric",
            weights=w,
            note=note + "maximises the weighted sum of payoffs numerically (L-BFGS-B, 8 starts)",
        )

    def _best_regime(self, regimes: list[_br.Regime], w: tuple[sp.Expr, ...]) -> _br.Regime | None:
        if not regimes:
            return None
        numeric = not self.parameters and all(v.is_number for v in w)
        if not numeric:
            return regimes[0]
        valid = [r for r in regimes if r.condition is sp.true]
        if not valid:
            return None

        def total(r: _br.Regime) -> float:
            values = dict(zip(self.symbols, r.point, strict=True))
            return float(
                sum(wi * u.xreplace(values) for wi, u in zip(w, self.payoffs, strict=True))
            )

        return max(valid, key=total)

    def bargaining_problem(
        self, disagreement: Any = "nash", *, num: int = 51, name: str | None = None
    ) -> BargainingProblem:
        """The bargaining problem on the payoff frontier of a two-player continuous game.

        The frontier is traced by the cooperative outcomes for weights
        ``(w, 1 - w)``, ``w`` from 0.02 to 0.98; lotteries over them make the
        feasible set their convex hull, so Nash and Kalai-Smorodinsky apply.

        Parameters
        ----------
        disagreement
            ``"nash"`` (the payoffs at the first Nash equilibrium), a profile
            ``{player: strategy}``, or the two payoffs ``(d1, d2)``.
        num
            The number of frontier points.
        name
            The problem's title.

        Examples
        --------
        >>> x, y = sp.symbols("x y")
        >>> g = ContinuousGame([x * (1 - x - y) - x**2 / 2, y * (1 - x - y) - y**2 / 2],
        ...                    [(x, 0, 1), (y, 0, 1)])
        >>> p = g.bargaining_problem()
        >>> [round(float(u), 4) for u in p.nash().utilities]
        [0.1, 0.1]
        """
        from negotiation.bargaining.feasible import BargainingProblem

        if self.n_players != 2:
            raise ContinuousGameError(
                f"a bargaining problem has two players; this game has {self.n_players}"
            )
        require_numeric(self.parameters, "a bargaining problem")
        if isinstance(num, bool) or not isinstance(num, int) or num < 3:
            raise ContinuousGameError(f"num must be an integer of at least 3; got {num!r}")
        d = self._disagreement(disagreement)
        weights = np.linspace(0.02, 0.98, num)
        frontier = self._frontier(weights)
        points: dict[str, tuple[float, float]] = {}
        for x, u in frontier:
            label = ", ".join(f"{s}={v:.4g}" for s, v in zip(self.symbols, x, strict=True))
            if label not in points:
                points[label] = (float(u[0]), float(u[1]))
        return BargainingProblem.from_points(
            points, d, players=self.players, name=name or self.name
        )

    def _disagreement(self, disagreement: Any) -> tuple[float, float]:
        if isinstance(disagreement, str):
            if disagreement != "nash":
                raise ContinuousGameError(
                    f"disagreement must be 'nash', a profile {{player: strategy}} or two payoffs; "
                    f"got {disagreement!r}"
                )
            eqs = self.equilibria()
            if not eqs:
                raise ContinuousGameError(
                    "no Nash equilibrium was found to serve as the disagreement point; give "
                    "disagreement=(d1, d2)"
                )
            return (float(eqs[0].payoffs[0]), float(eqs[0].payoffs[1]))
        if isinstance(disagreement, Mapping):
            u = self.payoffs_at(disagreement)
            return (float(u[0]), float(u[1]))
        if isinstance(disagreement, Sequence) and len(disagreement) == 2:
            return (
                float(_level(disagreement[0], "d1")),
                float(_level(disagreement[1], "d2")),
            )
        raise ContinuousGameError(
            f"disagreement must be 'nash', a profile {{player: strategy}} or two payoffs; "
            f"got {disagreement!r}"
        )

    def _frontier(self, weights: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        w = sp.Dummy("w")
        cg = self._compiled()
        try:
            regimes = _br.cooperative_points(self.payoffs, self.symbols, self.bounds, (w, 1 - w))
            compiled = _br.CompiledEquilibrium(regimes, self.payoffs, self.symbols, (w,))
            arrays = compiled(weights)
        except _br.NoClosedForm:
            arrays = None
        out = []
        for k, wk in enumerate(weights):
            if arrays is not None and arrays.found[k]:
                x = arrays.strategies[k]
            else:
                x = _br.cooperative_numeric(cg, (float(wk), float(1 - wk)))
            out.append((x, cg.payoffs(x)))
        return out

    def comparative_statics(self, parameter: Any) -> ComparativeStatics:
        """How each equilibrium strategy moves with a parameter (implicit function theorem).

        Evaluated at the closed-form equilibrium (the first, interior where
        there is one); without a closed form, written in the strategy symbols.

        Raises
        ------
        UnknownLabelError
            For a name that is not a parameter.

        Examples
        --------
        >>> q1, q2, a, c = sp.symbols("q1 q2 a c", positive=True)
        >>> d = a - q1 - q2
        >>> g = ContinuousGame([(d - c) * q1, (d - 2 * c) * q2], [(q1, 0, sp.oo), (q2, 0, sp.oo)])
        >>> g.comparative_statics("c").derivatives
        (0, -1)
        """
        by_name = {p.name: p for p in self.parameters}
        name = parameter.name if isinstance(parameter, sp.Symbol) else parameter
        if name not in by_name:
            known = ", ".join(by_name) or "none (the game is numeric)"
            raise UnknownLabelError(
                f"no parameter named {parameter!r}; the parameters are: {known}"
            )
        theta = by_name[name]
        point = None
        status: tuple[str, ...] = ("interior",) * self.n_players
        try:
            regimes = _br.kkt_points(self.payoffs, self.symbols, self.bounds)
        except _br.NoClosedForm:
            regimes = []
        if regimes:
            interior = [r for r in regimes if all(st == "interior" for st in r.status)]
            chosen = interior[0] if interior else regimes[0]
            point = dict(zip(self.symbols, chosen.point, strict=True))
            status = chosen.status
        try:
            derivatives = _br.comparative_statics(self.payoffs, self.symbols, theta, status, point)
        except _br.NoClosedForm as err:
            raise ContinuousGameError(
                f"the implicit function theorem does not apply: {err.reason}"
            ) from None
        return ComparativeStatics(theta, derivatives, self.players, self.symbols, point is not None)

    # ------------------------------------------------------------------ finite games
    def discretize(
        self,
        values: Mapping[Any, Sequence[Any]],
        *,
        labels: str | Callable[[Any], str] = "value",
    ) -> Game:
        """The finite normal-form :class:`~negotiation.Game` on chosen strategy values.

        Parameters
        ----------
        values
            ``{player: [values]}`` for every player; each value a number in
            the player's strategy set.
        labels
            ``"value"`` (``"0.1"``), ``"percent"`` (``"10%"``) or a function
            from a value to its label.

        Raises
        ------
        ContinuousGameError
            For a missing player, a value that is not a number or lies outside
            the strategy set, and duplicate labels.

        Examples
        --------
        >>> x, y = sp.symbols("x y")
        >>> g = ContinuousGame([x * (1 - x - y), y * (1 - x - y)], [(x, 0, 1), (y, 0, 1)])
        >>> finite = g.discretize({"Player 1": [0, sp.Rational(1, 3)],
        ...                        "Player 2": [0, sp.Rational(1, 3)]})
        >>> finite.strategies
        (('0', '1/3'), ('0', '1/3'))
        >>> [e.profile for e in finite.equilibria(exact=True)]
        [('1/3', '1/3')]
        """
        from negotiation.games.normal_form import Game

        if not isinstance(values, Mapping):
            raise ContinuousGameError(
                "values must map each player to a list of strategy values, e.g. "
                "{'US': [0.1, 0.3], 'China': [0.1, 0.3]}"
            )
        levels: list[list[sp.Expr]] = [[] for _ in self.players]
        for key, seq in values.items():
            if isinstance(key, sp.Symbol) and key in self.symbols:
                k = self.symbols.index(key)
            else:
                k = self.index(key)
            if isinstance(seq, str) or not isinstance(seq, Sequence | np.ndarray) or len(seq) == 0:
                raise ContinuousGameError(
                    f"{self.players[k]}'s values must be a non-empty list of numbers; got {seq!r}"
                )
            levels[k] = [_level(v, f"{self.players[k]}'s strategy value") for v in seq]
            low, high = self.bounds[k]
            for v in levels[k]:
                if v.is_number and (
                    (_br.is_finite_bound(low) and sp.sympify(low).is_number and v < low)
                    or (_br.is_finite_bound(high) and sp.sympify(high).is_number and v > high)
                ):
                    raise ContinuousGameError(
                        f"{self.players[k]}'s value {v} lies outside its strategy set "
                        f"[{low}, {high}]; choose values inside it"
                    )
        missing = [p for p, lv in zip(self.players, levels, strict=True) if not lv]
        if missing:
            raise ContinuousGameError(f"give strategy values for {', '.join(missing)} too")
        names = tuple(tuple(_label(v, labels) for v in lv) for lv in levels)
        for p, lab in zip(self.players, names, strict=True):
            if len(set(lab)) != len(lab):
                raise ContinuousGameError(
                    f"{p}'s values give duplicate labels {lab!r}; drop repeated values or pass "
                    "labels= a function that tells them apart"
                )
        arrays = self._tables(levels)
        return Game(*arrays, players=self.players, strategies=names, name=self.name)

    def _tables(self, levels: list[list[sp.Expr]]) -> list[Any]:
        shape = tuple(len(lv) for lv in levels)
        numeric = not self.parameters and all(v.is_number for lv in levels for v in lv)
        inexact = any(v.atoms(sp.Float) for lv in levels for v in lv) or any(
            u.atoms(sp.Float) for u in self.payoffs
        )
        if numeric and inexact:
            grids = np.meshgrid(*[np.array([float(v) for v in lv]) for lv in levels], indexing="ij")
            out = []
            for u in self.payoffs:
                f = sp.lambdify(self.symbols, u, "numpy")
                with np.errstate(all="ignore"):
                    table = np.broadcast_to(np.asarray(f(*grids), dtype=float), shape).copy()
                if not np.all(np.isfinite(table)):
                    raise ContinuousGameError(
                        "a payoff is not finite at some of the chosen strategy values; choose "
                        "values where every payoff is defined"
                    )
                out.append(table)
            return out
        tables = []
        for u in self.payoffs:
            table = np.empty(shape, dtype=object)
            for idx in np.ndindex(*shape):
                values = {s: levels[k][idx[k]] for k, s in enumerate(self.symbols)}
                table[idx] = u.xreplace(values)
            tables.append(table.tolist())
        return tables

    # ------------------------------------------------------------------ sweeps
    def compiled_equilibrium(self) -> _br.CompiledEquilibrium:
        """The closed-form equilibria compiled once: a function of :attr:`parameters` on arrays.

        Calling the result with one array per parameter (in the order of its
        ``parameters`` tuple, or by name) returns a
        :class:`~negotiation.solvers.best_response.SweepArrays`: at each point
        the first closed-form equilibrium whose condition holds, and how many do.

        Raises
        ------
        ContinuousGameError
            When there is no closed form (use :meth:`sweep`, which falls back
            to a numeric solve).

        Examples
        --------
        >>> q1, q2, a = sp.symbols("q1 q2 a")
        >>> d = a - q1 - q2
        >>> f = ContinuousGame([q1 * d, q2 * d], [(q1, 0, sp.oo), (q2, 0, sp.oo)]).compiled_equilibrium()
        >>> f.parameters, f(np.array([3.0, 6.0])).strategies[:, 0].tolist()
        ((a,), [1.0, 2.0])
        """
        return self._compiled_equilibrium  # compiled once per game (the game is immutable)

    @cached_property
    def _compiled_equilibrium(self) -> _br.CompiledEquilibrium:
        try:
            regimes = _br.kkt_points(self.payoffs, self.symbols, self.bounds)
        except _br.NoClosedForm as err:
            raise ContinuousGameError(
                f"the equilibrium has no closed form ({err.reason}); use "
                "game.sweep(grid=..., numeric=True) for a numeric sweep"
            ) from None
        return _br.CompiledEquilibrium(regimes, self.payoffs, self.symbols, self.parameters)

    def sweep(
        self,
        grid: Mapping[Any, Any],
        *,
        numeric: bool = False,
        chunk_size: int = 65_536,
        starts: int = 4,
        seed: int = 0,
        tol: float = DEFAULT_TOL,
    ) -> ContinuousSweepResult:
        """The equilibrium at every point of a full-factorial parameter grid.

        Uses the compiled closed form (vectorised, ``chunk_size`` points at a
        time) when there is one; otherwise, or with ``numeric=True``, the
        numeric solve at each point (``starts`` starting points each; the
        first equilibrium found is reported and ``count`` says how many).

        Parameters
        ----------
        grid
            ``{parameter name: values}`` for every free parameter.

        Raises
        ------
        SweepError
            For a name that is not a parameter or a parameter left out.

        Examples
        --------
        >>> q1, q2, a = sp.symbols("q1 q2 a")
        >>> d = a - q1 - q2
        >>> g = ContinuousGame([q1 * d, q2 * d], [(q1, 0, sp.oo), (q2, 0, sp.oo)])
        >>> result = g.sweep(grid={"a": np.linspace(0, 9, 4)})
        >>> result.method, result.strategy(0).tolist()
        ('closed_form', [0.0, 1.0, 2.0, 3.0])
        """
        columns, shape = _br.grid_columns(self.parameters, grid)
        points = {p.name: c for p, c in zip(self.parameters, columns, strict=True)}
        if not numeric:
            try:
                compiled = self.compiled_equilibrium()
            except ContinuousGameError:
                compiled = None
            if compiled is not None:
                arrays = _br.sweep_closed_form(compiled, columns, chunk_size=chunk_size)
                return ContinuousSweepResult(
                    points, shape, self.players, *arrays, method="closed_form"
                )
        cg = _br.CompiledGame(self.payoffs, self.symbols, self.bounds, self.parameters)
        arrays = _br.sweep_numeric(cg, columns, starts=starts, seed=seed, tol=tol)
        return ContinuousSweepResult(points, shape, self.players, *arrays, method="numeric")

    # ------------------------------------------------------------------ display
    def __str__(self) -> str:
        return display.text(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"

    def _repr_html_(self) -> str:
        return display.html(self)


# =========================================================================== small helpers
def _index(players: tuple[str, ...], player: str | int) -> int:
    if isinstance(player, int | np.integer) and not isinstance(player, bool):
        if 0 <= int(player) < len(players):
            return int(player)
        raise UnknownLabelError(f"there are {len(players)} players; index {player} is out of range")
    if isinstance(player, str) and player in players:
        return players.index(player)
    raise UnknownLabelError(
        f"no player {player!r}; use an index or a name: " + ", ".join(repr(p) for p in players)
    )


def _level(value: Any, what: str) -> sp.Expr:
    if isinstance(value, str):
        raise ContinuousGameError(
            f"{what} is the string {value!r}; give a number such as 0.55 (or a sympy expression)"
        )
    try:
        return as_number(value, what)
    except InvalidGameError as err:
        raise ContinuousGameError(str(err) + "; give a number such as 0.55") from None


def _label(value: sp.Expr, style: str | Callable[[Any], str]) -> str:
    if callable(style):
        text = style(value)
        if not isinstance(text, str) or not text:
            raise ContinuousGameError(f"labels= must return a non-empty string; got {text!r}")
        return text
    if style not in LABEL_STYLES:
        raise ContinuousGameError(f"labels must be 'value', 'percent' or a function; got {style!r}")
    if style == "percent":
        return f"{float(value) * 100:.4g}%"
    if value.is_Rational:
        return str(value)
    return f"{float(value):.4g}" if value.is_number else str(value)


def _status(x: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[str, ...]:
    out = []
    for v, a, b in zip(x, lo, hi, strict=True):
        scale = max(1.0, abs(float(v)))
        if np.isfinite(a) and abs(v - a) <= 1e-9 * scale:
            out.append("low")
        elif np.isfinite(b) and abs(v - b) <= 1e-9 * scale:
            out.append("high")
        else:
            out.append("interior")
    return tuple(out)
