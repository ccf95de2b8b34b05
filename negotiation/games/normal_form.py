"""Games in normal form for any number of players, symbolic or numeric, and their equilibria.

A :class:`Game` holds one payoff array per player as sympy objects, so the
same game can carry numbers (``3``, ``sympy.Rational(1, 3)``, ``0.25``) or
expressions in parameters (a tariff rate ``t``, a rare-earth disruption
multiplier ``m``). Its methods check their input, unpack the arrays and
delegate to the solvers, chosen through the one table in
:mod:`negotiation.solvers`. Two-player games keep their bimatrix names
(``row_payoffs``, ``col_payoffs``, ``Equilibrium.row``); the two-player
algorithms (vertex enumeration, Lemke-Howson, components) refuse other
numbers of players with a message naming the methods that work, as
QuantEcon's N-player core does.

References
----------
M. J. Osborne (2004), *An Introduction to Game Theory*, chapters 2-4.
B. von Stengel (2007), "Equilibrium computation for two-player games", ch. 3 of
*Algorithmic Game Theory*.

Examples
--------
>>> import sympy as sp
>>> import negotiation as ng
>>> t = sp.Symbol("t", positive=True)
>>> g = ng.Game([[0, -40], [10 * t, -30]], [[0, 10], [-90, -70]],
...             players=("US", "China"),
...             strategies=(("Truce", "Escalate"), ("Truce", "Escalate")))
>>> g.parameters
(t,)
>>> g.equilibrium_conditions(("Escalate", "Escalate"))
True
>>> g.subs(t=1).equilibria(exact=True)[0].profile
('Escalate', 'Escalate')

A third player is a third payoff array, with one axis per player:

>>> coordination = ng.Game(*[[[[1, 0], [0, 0]], [[0, 0], [0, 1]]]] * 3,
...                        players=("US", "Japan", "EU"))
>>> [eq.profile for eq in coordination.equilibria(method="pure")]
[('s0', 's0', 's0'), ('s1', 's1', 's1')]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import sympy as sp

from negotiation import display
from negotiation.display.tables import ResultList, Tabular
from negotiation.errors import (
    ExactArithmeticError,
    InvalidGameError,
    UnknownLabelError,
)
from negotiation.solvers import (
    DEFAULT_TOL,
    MAX_VERTICES,
    METHODS,
    SOLVERS,
    PayoffTables,
    Solved,
    methods_for,
    methods_taking,
    solver_for,
)
from negotiation.solvers import components as _components
from negotiation.solvers import exact as _exact
from negotiation.solvers import mixed2x2 as _mixed
from negotiation.solvers import pure as _pure
from negotiation.solvers.tables import flat_entries
from negotiation.symbolic import (
    as_number,
    as_payoff_array,
    as_payoff_matrix,
    bounded_factor,
    free_parameters,
    normalise_substitution,
    require_numeric,
)

if TYPE_CHECKING:
    import nashpy

__all__ = ["DEFAULT_TOL", "METHODS", "Domination", "Equilibrium", "EquilibriumComponent", "Game"]

#: Probability vectors: float arrays (numeric solvers) or tuples of sympy numbers.
Vector = Any


#: The work bounds of ``Game.equilibria``, their defaults and the work each bounds.
_BOUNDS: dict[str, tuple[int | str, str]] = {
    "max_vertices": (MAX_VERTICES, "vertex enumeration"),
    "max_supports": ("auto", "support enumeration"),
}


def _check_bounds(bounds: dict[str, int | str | None]) -> None:
    """Each work bound is a positive whole number, ``None`` or its default."""
    for option, value in bounds.items():
        if value is None or value == _BOUNDS[option][0]:
            continue
        if not (isinstance(value, int) and not isinstance(value, bool) and value > 0):
            raise InvalidGameError(
                f"{option} must be a positive whole number, or None for no bound"
                + (", or 'auto' (the default)" if option == "max_supports" else "")
                + f", not {value!r}"
            )


def _check_bounds_used(
    bounds: dict[str, int | str | None], taken: tuple[str, ...], method: str
) -> None:
    """A bound given to a method that does not take it is refused, naming those that do."""
    for option, value in bounds.items():
        default, what = _BOUNDS[option]
        if option not in taken and value != default:
            raise InvalidGameError(
                f"{option} bounds {what}, which method={method!r} does not use; give it with "
                + " or ".join(f"method={m!r}" for m in methods_taking(option))
                + ", or leave it out"
            )


@dataclass(frozen=True, eq=False)
class Equilibrium(Tabular):
    """A Nash equilibrium: one mixed strategy per player, their payoffs and how it was found.

    Attributes
    ----------
    strategies
        One probability vector per player: numpy float arrays (numeric
        solvers), tuples of ``sympy.Rational`` or algebraic numbers
        (``exact=True``) or of sympy expressions (:meth:`Game.mixed_equilibrium`).
    payoffs
        Each player's expected payoff.
    supports
        For each player, the labels of the strategies played with positive probability.
    method
        The method that produced it.
    condition
        Where the equilibrium is valid, as a sympy Boolean over the parameters
        (``sympy.true`` for a numeric game).
    players, labels
        The game's player names and strategy labels, for display.
    titles
        The strategies' full names, one tuple per player in the order of
        ``labels`` (empty when the game has none beyond its labels): what
        tables and text show, e.g. "Hold countermeasures" for the label ``H``.
    notes
        What the solver said about the search, e.g. that the game has a
        continuum of equilibria or that a logit limit is approximate.

    Examples
    --------
    >>> import negotiation as ng
    >>> eq = ng.Game([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]).equilibria(exact=True)[0]
    >>> eq.row, eq.is_pure
    ((1/2, 1/2), False)
    >>> eq.strategies, eq.supports
    (((1/2, 1/2), (1/2, 1/2)), (('r0', 'r1'), ('c0', 'c1')))
    """

    strategies: tuple[Vector, ...]
    payoffs: tuple[Any, ...]
    supports: tuple[tuple[str, ...], ...]
    method: str
    condition: sp.Basic = sp.true
    players: tuple[str, ...] = ("Row", "Column")
    labels: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = ()
    titles: tuple[tuple[str, ...], ...] = ()

    # ------------------------------------------------------------- two-player names
    def _two(self, name: str) -> None:
        if len(self.strategies) != 2:
            raise InvalidGameError(
                f".{name} is for two-player equilibria; this one has {len(self.strategies)} "
                "players: use .strategies, .supports and .payoffs (one entry per player)"
            )

    @property
    def row(self) -> Vector:
        """The row player's mixed strategy (two players)."""
        self._two("row")
        return self.strategies[0]

    @property
    def col(self) -> Vector:
        """The column player's mixed strategy (two players)."""
        self._two("col")
        return self.strategies[1]

    @property
    def row_support(self) -> tuple[str, ...]:
        """The row player's strategies played with positive probability (two players)."""
        self._two("row_support")
        return self.supports[0]

    @property
    def col_support(self) -> tuple[str, ...]:
        """The column player's strategies played with positive probability (two players)."""
        self._two("col_support")
        return self.supports[1]

    @property
    def n_players(self) -> int:
        """The number of players."""
        return len(self.strategies)

    @property
    def is_pure(self) -> bool:
        """Whether each player plays a single strategy."""
        return all(len(s) == 1 for s in self.supports)

    @property
    def profile(self) -> tuple[str, ...]:
        """The pure profile, one label per player; only for pure equilibria.

        Raises
        ------
        InvalidGameError
            For a mixed equilibrium, which has no single profile: read
            ``.strategies`` (the probabilities) or ``.supports`` instead.

        Examples
        --------
        >>> import negotiation as ng
        >>> bos = ng.Game([[3, 0], [0, 2]], [[2, 0], [0, 3]])
        >>> [eq.profile for eq in bos.equilibria() if eq.is_pure]
        [('r0', 'c0'), ('r1', 'c1')]
        """
        if not self.is_pure:
            raise InvalidGameError(
                "this equilibrium is mixed, so it has no single pure profile; read "
                ".strategies for the probabilities, and use .row_support and .col_support "
                "(.supports for any number of players) for the strategies played; to list only "
                "pure equilibria, filter with eq.is_pure or solve with method='pure'"
            )
        return tuple(s[0] for s in self.supports)

    @property
    def named_profile(self) -> tuple[str, ...]:
        """The pure profile by the strategies' full names; only for pure equilibria.

        The same as :attr:`profile` for a game whose strategies have no
        names beyond their labels.

        Examples
        --------
        >>> import negotiation as ng
        >>> eq = ng.load("london_framework").game().equilibria()[0]
        >>> eq.profile, eq.named_profile
        (('H', 'S'), ('Hold countermeasures', 'Slow-walk licences'))
        """
        profile = self.profile
        if not self.titles:
            return profile
        return tuple(
            names[labels.index(s)]
            for s, labels, names in zip(profile, self.labels, self.titles, strict=True)
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Equilibrium):
            return NotImplemented
        return (
            tuple(_as_tuple(v) for v in self.strategies)
            == tuple(_as_tuple(v) for v in other.strategies)
            and self.method == other.method
        )

    def __hash__(self) -> int:
        return hash((tuple(_as_tuple(v) for v in self.strategies), self.method))

    def __repr__(self) -> str:
        return display.short(self)

    def __str__(self) -> str:
        return display.text(self)

    def _repr_html_(self) -> str:
        return display.html(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"


def _as_tuple(v: Any) -> tuple:
    if isinstance(v, np.ndarray):
        return tuple(float(x) for x in v)
    return tuple(v)


@dataclass(frozen=True)
class EquilibriumComponent:
    """A maximal Nash subset: every mix of its row vertices with its column vertices.

    The equilibria it contains are ``conv(row_vertices) x conv(col_vertices)``;
    a component with more than one vertex on a side is a continuum (a segment
    or polytope) of equilibria.

    Attributes
    ----------
    row_vertices, col_vertices
        Extreme mixed strategies (tuples of ``sympy.Rational``).
    equilibria
        The extreme equilibria in the component (every pairing of the vertices).
    """

    row_vertices: tuple[tuple[sp.Rational, ...], ...]
    col_vertices: tuple[tuple[sp.Rational, ...], ...]
    equilibria: tuple[Equilibrium, ...]

    @property
    def is_continuum(self) -> bool:
        """Whether the component holds infinitely many equilibria."""
        return len(self.row_vertices) > 1 or len(self.col_vertices) > 1

    @property
    def dimension(self) -> int:
        """The dimension of the set ``conv(rows) x conv(cols)`` (0 for a point)."""
        return _affine_dimension(self.row_vertices) + _affine_dimension(self.col_vertices)

    def __repr__(self) -> str:
        kind = "continuum" if self.is_continuum else "isolated"
        return (
            f"EquilibriumComponent({kind}, {len(self.row_vertices)} row x "
            f"{len(self.col_vertices)} column vertices, dimension {self.dimension})"
        )


def _affine_dimension(points: tuple[tuple[sp.Rational, ...], ...]) -> int:
    if len(points) <= 1:
        return 0
    base = points[0]
    return sp.Matrix([[a - b for a, b in zip(p, base, strict=True)] for p in points[1:]]).rank()


@dataclass(frozen=True)
class Domination:
    """One step of dominance analysis: ``dominated`` is dominated by ``by`` for ``player``.

    When the dominating strategy is a mixture, ``mixture`` holds its
    ``(label, probability)`` pairs and ``by`` writes it out, e.g. ``"1/2 T + 1/2 B"``.
    """

    player: str
    dominated: str
    by: str
    strict: bool
    mixture: tuple[tuple[str, sp.Rational], ...] = ()

    @property
    def reason(self) -> str:
        """A sentence a student can read."""
        kind = "strictly" if self.strict else "weakly"
        if self.mixture:
            return (
                f"{self.player}'s {self.dominated!r} is {kind} dominated by the mixture {self.by}"
            )
        return f"{self.player}'s {self.dominated!r} is {kind} dominated by {self.by!r}"

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True, init=False)
class Game:
    """A game in normal form, for any number of players, with numeric or symbolic payoffs.

    Parameters
    ----------
    *payoffs
        One payoff table per player, each with one axis per player (shape
        ``(n_1, ..., n_N)``): nested lists, numpy arrays, sympy matrices or
        N-dim arrays of numbers or sympy expressions. Entry ``[s_1][s_2]...``
        is the player's payoff at the profile ``(s_1, s_2, ...)``. With two
        players these are the row and column player's ``rows x columns`` tables.
    players
        The players' names; defaults to ``("Row", "Column")`` for two players
        and ``("Player 1", "Player 2", ...)`` otherwise.
    strategies
        One tuple of labels per player; defaults to ``("r0", "r1", ...)`` and
        ``("c0", "c1", ...)`` for two players and ``("s0", "s1", ...)`` otherwise.
    name
        An optional title.
    titles
        Optional full names of the strategies, one tuple per player in the
        order of ``strategies`` (e.g. ``("Implement London", "Hold
        countermeasures")`` for the labels ``("L", "H")``): tables and text
        show them; labels stay what indexing and :attr:`Equilibrium.profile` use.
    payoffs
        The tables as one tuple, instead of one argument each (what
        :func:`dataclasses.replace` passes).

    Raises
    ------
    InvalidGameError
        For fewer than two payoff tables, mismatched shapes, a table whose
        number of axes is not the number of players, empty tables, NaN,
        infinite or non-numeric entries, and duplicate or missing labels.

    Examples
    --------
    >>> import negotiation as ng
    >>> g = ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("US", "China"))
    >>> g.shape, g.strategies
    ((2, 2), (('r0', 'r1'), ('c0', 'c1')))
    >>> g3 = ng.Game(np.zeros((2, 3, 2)), np.ones((2, 3, 2)), np.zeros((2, 3, 2)))
    >>> g3.n_players, g3.shape, g3.players
    (3, (2, 3, 2), ('Player 1', 'Player 2', 'Player 3'))
    """

    methods: ClassVar[tuple[str, ...]] = METHODS

    payoffs: tuple[sp.ImmutableDenseNDimArray, ...]
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    name: str | None
    titles: tuple[tuple[str, ...], ...] = field(compare=False)

    def __init__(
        self,
        *tables: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
        name: str | None = None,
        titles: Sequence[Sequence[str]] | None = None,
        payoffs: Sequence[Any] | None = None,
    ) -> None:
        if payoffs is not None:
            if tables:
                raise InvalidGameError(
                    "give the payoff tables either as arguments or as payoffs=(...), not both"
                )
            tables = tuple(payoffs)
        payoffs = tables
        n = len(payoffs)
        if n < 2:
            raise InvalidGameError(
                f"a game needs one payoff table per player and at least two players; got {n} "
                "table(s). Give e.g. Game(row_payoffs, col_payoffs), or Game(u1, u2, u3) for "
                "three players (a one-player choice is an optimisation, not a game)"
            )
        names = _check_players(players, n)
        if n == 2:
            arrays = (
                as_payoff_array(payoffs[0], "row payoffs", 2),
                as_payoff_array(payoffs[1], "column payoffs", 2),
            )
            (r_a, c_a), (r_b, c_b) = (tuple(a.shape) for a in arrays)
            if (r_a, c_a) != (r_b, c_b):
                raise InvalidGameError(
                    f"row payoffs are {r_a}x{c_a} but column payoffs are "
                    f"{r_b}x{c_b}; both must have shape (rows, columns)"
                )
        else:
            arrays = tuple(
                as_payoff_array(u, f"{names[p]}'s payoffs", n) for p, u in enumerate(payoffs)
            )
            shapes = {tuple(a.shape) for a in arrays}
            if len(shapes) > 1:
                listed = ", ".join(f"{names[p]} {tuple(a.shape)}" for p, a in enumerate(arrays))
                raise InvalidGameError(
                    f"the payoff tables have different shapes ({listed}); each must have "
                    "shape (n_1, ..., n_N): one axis per player, of that player's number "
                    "of strategies"
                )
        shape = tuple(int(k) for k in arrays[0].shape)
        labels = _check_strategies(strategies, shape, names)
        if name is not None and not isinstance(name, str):
            raise InvalidGameError(f"name must be a string or None, not {name!r}")
        object.__setattr__(self, "payoffs", arrays)
        object.__setattr__(self, "players", names)
        object.__setattr__(self, "strategies", labels)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "titles", _check_titles(titles, labels, names))

    # ------------------------------------------------------------------ construction
    @classmethod
    def zero_sum(cls, payoffs: Any, **kwargs: Any) -> Game:
        """A two-player zero-sum game: the column player gets minus the row player's payoff.

        Examples
        --------
        >>> Game.zero_sum([[1, -1], [-1, 1]]).col_payoffs
        Matrix([
        [-1,  1],
        [ 1, -1]])
        """
        A = as_payoff_matrix(payoffs, "payoffs")
        return cls(A, -A, **kwargs)

    @classmethod
    def symmetric(cls, payoffs: Any, **kwargs: Any) -> Game:
        """A symmetric two-player game: the column player's payoffs are the transpose.

        ``strategies`` may be one tuple of labels, used for both players.

        Examples
        --------
        >>> g = Game.symmetric([[3, 0], [5, 1]], strategies=("Cooperate", "Defect"))
        >>> g.col_payoffs[0, 1], g.strategies[1]
        (5, ('Cooperate', 'Defect'))
        """
        A = as_payoff_matrix(payoffs, "payoffs")
        if A.rows != A.cols:
            raise InvalidGameError(
                f"a symmetric game needs a square payoff table; this one is {A.rows}x{A.cols}"
            )
        labels = kwargs.pop("strategies", None)
        if labels is not None and labels and all(isinstance(s, str) for s in labels):
            labels = (tuple(labels), tuple(labels))
        titles = kwargs.get("titles")
        if titles is not None and titles and all(isinstance(s, str) for s in titles):
            kwargs["titles"] = (tuple(titles), tuple(titles))
        return cls(A, A.T, strategies=labels, **kwargs)

    @classmethod
    def from_payoff_function(
        cls,
        players: Sequence[str],
        strategies: Sequence[Sequence[str]],
        payoff: Callable[..., Sequence[Any] | Mapping[str, Any]],
        *,
        name: str | None = None,
    ) -> Game:
        """A game whose payoffs are a function of the profile.

        Parameters
        ----------
        players
            The players' names.
        strategies
            One sequence of labels per player.
        payoff
            Called with one label per player (``payoff("Truce", "Escalate", "Stay")``)
            and returning each player's payoff, as a sequence in player order
            or a mapping from player name.
        name
            An optional title.

        Raises
        ------
        InvalidGameError
            When ``payoff`` fails or returns the wrong number of payoffs (the
            message names the profile).

        Examples
        --------
        >>> def volunteer(*choices):  # everyone gets 2 if someone volunteers; volunteering costs 1
        ...     someone = "Volunteer" in choices
        ...     return [2 * someone - (c == "Volunteer") for c in choices]
        >>> g = Game.from_payoff_function(("US", "Japan", "EU"),
        ...                               [("Volunteer", "Wait")] * 3, volunteer)
        >>> g.payoffs[0][0, 1, 1], g.payoffs[1][0, 1, 1]
        (1, 2)
        """
        names = _check_players(players, len(players) if isinstance(players, Sequence) else 0)
        if isinstance(strategies, str) or not isinstance(strategies, Sequence):
            raise InvalidGameError(
                f"strategies must be one sequence of labels per player; got {strategies!r}"
            )
        if len(strategies) != len(names):
            raise InvalidGameError(
                f"there are {len(names)} players but {len(strategies)} strategy lists; "
                "give one sequence of labels per player"
            )
        labels = [tuple(s) for s in strategies]
        shape = tuple(len(s) for s in labels)
        if any(k == 0 for k in shape):
            raise InvalidGameError("each player needs at least one strategy")
        if math.prod(shape) > 10**6:
            raise InvalidGameError(
                f"{math.prod(shape):,} profiles is more than from_payoff_function builds "
                "(1,000,000); use fewer strategies"
            )
        tables: list[list[Any]] = [[] for _ in names]
        for profile in product(*labels):
            try:
                values = payoff(*profile)
            except Exception as err:  # the user's function: report where it failed
                raise InvalidGameError(
                    f"the payoff function failed at the profile {profile!r}: "
                    f"{type(err).__name__}: {err}"
                ) from err
            if isinstance(values, Mapping):
                missing = [p for p in names if p not in values]
                if missing:
                    raise InvalidGameError(
                        f"the payoff function returned no payoff for {', '.join(missing)} "
                        f"at {profile!r}"
                    )
                values = [values[p] for p in names]
            elif isinstance(values, str) or not isinstance(values, Sequence):
                raise InvalidGameError(
                    f"the payoff function must return one payoff per player; at {profile!r} "
                    f"it returned {values!r}"
                )
            if len(values) != len(names):
                raise InvalidGameError(
                    f"the payoff function returned {len(values)} payoffs at {profile!r}, "
                    f"but there are {len(names)} players"
                )
            for p, v in enumerate(values):
                tables[p].append(v)
        arrays = [np.array(t, dtype=object).reshape(shape) for t in tables]
        if len(names) == 2:
            return cls(*(a.tolist() for a in arrays), players=names, strategies=labels, name=name)
        return cls(*arrays, players=names, strategies=labels, name=name)

    @classmethod
    def from_nfg(cls, source: str | Path) -> Game:
        """Read a game in Gambit's ``.nfg`` format (a path or the text).

        Both the payoff-list and the outcome-list variants are read.

        Examples
        --------
        >>> text = 'NFG 1 R "PD" { "A" "B" } { 2 2 }\\n3 3 5 0 0 5 1 1'
        >>> Game.from_nfg(text).row_payoffs
        Matrix([
        [3, 0],
        [5, 1]])
        """
        from negotiation.interop.nfg import read_nfg

        return read_nfg(cls, source)

    # ------------------------------------------------------------------ basics
    @property
    def n_players(self) -> int:
        """The number of players."""
        return len(self.payoffs)

    @property
    def shape(self) -> tuple[int, ...]:
        """``(n_1, ..., n_N)``: the number of strategies of each player."""
        return tuple(int(k) for k in self.payoffs[0].shape)

    def _two_player(self, what: str, alternative: str) -> None:
        if self.n_players != 2:
            raise InvalidGameError(
                f"{what} is for two-player games; this game has {self.n_players} players: "
                f"{alternative}"
            )

    @cached_property
    def row_payoffs(self) -> sp.ImmutableMatrix:
        """The row player's ``rows x columns`` payoffs (two-player games)."""
        self._two_player("row_payoffs", "use game.payoffs[0] (one array per player)")
        return sp.ImmutableMatrix(self.payoffs[0].tolist())

    @cached_property
    def col_payoffs(self) -> sp.ImmutableMatrix:
        """The column player's ``rows x columns`` payoffs (two-player games)."""
        self._two_player("col_payoffs", "use game.payoffs[1] (one array per player)")
        return sp.ImmutableMatrix(self.payoffs[1].tolist())

    @cached_property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free sympy symbols in the payoffs, ordered by name."""
        return free_parameters(*self.payoffs)

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> Game:
        """A new game with some or all parameters replaced by values.

        Examples
        --------
        >>> import sympy as sp
        >>> t = sp.Symbol("t")
        >>> Game([[t, 0]], [[0, t]]).subs(t=2).row_payoffs
        Matrix([[2, 0]])
        """
        mapping = normalise_substitution(self.parameters, values, kwargs)
        return Game(
            *(u.subs(mapping) for u in self.payoffs),
            players=self.players,
            strategies=self.strategies,
            name=self.name,
            titles=self.titles,
        )

    def index(self, player: int | str, strategy: int | str) -> int:
        """The index of ``strategy`` (a label or an index) of ``player``.

        ``player`` is an index (0, 1, ...), a player's name, or for two
        players ``"row"`` or ``"column"``/``"col"``.
        """
        p = self.player_index(player)
        labels = self.strategies[p]
        if isinstance(strategy, int | np.integer) and not isinstance(strategy, bool):
            if 0 <= int(strategy) < len(labels):
                return int(strategy)
            raise UnknownLabelError(
                f"{self.players[p]} has {len(labels)} strategies; index {strategy} is out of range"
            )
        if strategy in labels:
            return labels.index(strategy)
        raise UnknownLabelError(
            f"{self.players[p]} has no strategy {strategy!r}; the strategies are "
            + ", ".join(repr(s) for s in labels)
        )

    def player_index(self, player: int | str) -> int:
        """The index of ``player``: an index, a name, or ``"row"``/``"column"`` for two players.

        Examples
        --------
        >>> Game([[1]], [[1]], players=("US", "China")).player_index("China")
        1
        """
        n = self.n_players
        if (
            isinstance(player, int | np.integer)
            and not isinstance(player, bool)
            and 0 <= int(player) < n
        ):
            return int(player)
        if isinstance(player, str):
            if player in self.players:
                return self.players.index(player)
            lowered = player.lower()
            if n == 2 and lowered == "row":
                return 0
            if n == 2 and lowered in ("col", "column"):
                return 1
        ways = "use 0 or 1, 'row' or 'column', or a name" if n == 2 else f"use 0..{n - 1} or a name"
        raise UnknownLabelError(
            f"no player {player!r}; {ways}: " + ", ".join(repr(p) for p in self.players)
        )

    def _profile_indices(self, profile: Sequence[int | str]) -> tuple[int, ...]:
        if (
            isinstance(profile, str)
            or not isinstance(profile, Sequence)
            or (len(profile) != self.n_players)
        ):
            example = ", ".join(repr(s[0]) for s in self.strategies)
            if self.n_players == 2:
                what = "a pair (row strategy, column strategy)"
            else:
                what = f"one strategy per player ({self.n_players})"
            raise UnknownLabelError(f"a profile is {what}, e.g. {example}; got {profile!r}")
        return tuple(self.index(p, s) for p, s in enumerate(profile))

    @cached_property
    def _tables(self) -> PayoffTables:
        # The payoffs as floats and exact fractions, computed once per (immutable) game.
        return PayoffTables(self.payoffs)

    def payoff_arrays(self) -> tuple[np.ndarray, ...]:
        """The payoff arrays as float arrays, one per player (the game must be numeric)."""
        require_numeric(self, "a numeric payoff array")
        return tuple(a.copy() for a in self._tables.floats)

    def _check_exact(self, task: str) -> None:
        require_numeric(self, task)
        for p, u in enumerate(self.payoffs):
            for flat, value in enumerate(flat_entries(u)):
                if not value.is_Rational:
                    index = np.unravel_index(flat, self.shape)
                    at = ", ".join(repr(self.strategies[q][k]) for q, k in enumerate(index))
                    who = ("row", "column")[p] if self.n_players == 2 else self.players[p] + "'s"
                    raise ExactArithmeticError(
                        f"exact=True needs rational payoffs, but the {who} payoff at "
                        f"({at}) is {value}; write it as sympy.Rational('{float(value)!r}') "
                        "or solve with exact=False"
                    )

    # ------------------------------------------------------------------ equilibria
    def equilibria(
        self,
        method: str = "vertex_enumeration",
        *,
        exact: bool = False,
        tol: float = DEFAULT_TOL,
        max_vertices: int | None = MAX_VERTICES,
        max_supports: int | str | None = "auto",
    ) -> ResultList[Equilibrium]:
        """Nash equilibria of the game.

        Parameters
        ----------
        method
            A method of the solver table (:data:`negotiation.solvers.SOLVERS`):
            ``"vertex_enumeration"`` (default for two players): every extreme
            equilibrium, found by a lexicographic vertex search that breaks ties
            as exact arithmetic does, so degenerate games are handled correctly
            (compiled floats; exact rationals with ``exact=True``, or where a
            float decision is too close to call); ``"support_enumeration"``:
            for two players nashpy's algorithm with every answer checked; for three or more
            players (and with ``exact=True``) every equilibrium of a game with
            finitely many, from the polynomial indifference system of each
            support profile; ``"lemke_howson"`` (one equilibrium, two players;
            where pivoting fails from every starting label, the first extreme
            equilibrium is returned, with ``method="vertex_enumeration"``);
            ``"logit"``: the limit of the logit quantal response equilibria,
            for any number of players; ``"pure"``: the pure equilibria only.
            A game with three or more players and the default method is solved
            by ``"support_enumeration"``.
        exact
            Return exact probabilities and payoffs (rationals, or radicals
            from support enumeration). Needs rational payoffs; available for
            ``"vertex_enumeration"``, ``"support_enumeration"`` and ``"pure"``.
        tol
            Tolerance for float comparisons in the numeric methods.
        max_vertices
            The work bound of ``"vertex_enumeration"`` (numeric and exact) and
            of the enumeration ``"lemke_howson"`` falls back on: a game whose
            best-response polytopes may have more vertices than this
            (:func:`negotiation.solvers.exact.vertex_bound`; 16 x 16 is within
            the default of 1,000,000, 17 x 17 is not) is refused before any
            work, naming the methods that can solve it. Raise it for a larger
            game when you can wait (time and memory grow with the bound), or
            pass ``None`` for no bound.
        max_supports
            The work bound of ``"support_enumeration"``: the most support
            profiles it may examine, checked before any work. ``"auto"``:
            20,000 equal-size support pairs for two players on floats (an 8 x 8
            game has 12,869; vertex enumeration finds the same and more, far
            faster), 1,000 support profiles for the polynomial systems of three
            or more players or ``exact=True`` (3x3x3: 343, 2x2x2x2: 81,
            4x4x4: 3,375); a number, or ``None`` for no bound.

        Returns
        -------
        list of Equilibrium

        Raises
        ------
        FreeParameterError
            If the payoffs still depend on parameters (use :meth:`subs`).
        ExactArithmeticError
            If ``exact=True`` and a payoff is a float.
        InvalidGameError
            For an unknown method, or one that does not handle this number of
            players (the message names those that do); for a game beyond
            ``max_vertices``, or ``max_vertices`` given to a method without a
            vertex bound. A game beyond ``max_vertices`` or ``max_supports``
            raises :class:`~negotiation.WorkLimitError`, an ``InvalidGameError``.

        See Also
        --------
        equilibrium_components : group a continuum of equilibria.
        equilibrium_conditions : where a pure profile is an equilibrium, symbolically.

        Examples
        --------
        >>> import negotiation as ng
        >>> rps = ng.Game.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
        >>> rps.equilibria(exact=True)[0].row
        (1/3, 1/3, 1/3)
        >>> rps.equilibria(max_vertices=5)  # a 3 x 3 game may have 8 vertices
        Traceback (most recent call last):
        ...
        negotiation.errors.WorkLimitError: vertex enumeration of a 3 x 3 game may visit up to 8 vertices, beyond the limit max_vertices=5 (a million vertices take about a minute and well under a gigabyte); for one equilibrium use method='lemke_howson' or method='logit' (numeric), or raise the limit if you can wait: game.equilibria(max_vertices=8), or max_vertices=None for no limit
        >>> len(rps.equilibria(max_vertices=8)), len(rps.equilibria(max_vertices=None))
        (1, 1)
        """
        if method not in SOLVERS:
            raise InvalidGameError(
                f"unknown method {method!r}; choose one of " + ", ".join(repr(m) for m in METHODS)
            )
        if not (isinstance(tol, (float, int)) and not isinstance(tol, bool) and tol >= 0):
            raise InvalidGameError(f"tol must be a non-negative number, not {tol!r}")
        bounds = {"max_vertices": max_vertices, "max_supports": max_supports}
        given = max_vertices != MAX_VERTICES or max_supports != "auto"
        if given:
            _check_bounds(bounds)
        solver = solver_for(method, self.n_players)
        if solver is None:
            raise InvalidGameError(
                f"method={method!r} is for two-player games; this game has "
                f"{self.n_players} players: use one of "
                + ", ".join(repr(m) for m in methods_for(self.n_players))
            )
        if exact:
            if not solver.exact:
                raise InvalidGameError(
                    "exact=True is available for "
                    + ", ".join(f"method={m!r}" for m in methods_for(self.n_players, exact=True))
                    + f", not {method!r}"
                )
            self._check_exact("exact solving")
        else:
            require_numeric(self, "solving")
        options = {o: bounds[o] for o in solver.options}
        if given and solver.name == method:
            _check_bounds_used(bounds, solver.options, method)
        solved = solver(self._tables, exact=exact, tol=tol, **options)
        if solved.payoffs is not None:
            return ResultList(
                [
                    self._equilibrium(profile, solved, tol, payoffs)
                    for profile, payoffs in zip(solved.profiles, solved.payoffs, strict=True)
                ]
            )
        return ResultList([self._equilibrium(profile, solved, tol) for profile in solved.profiles])

    def _equilibrium(
        self,
        profile: tuple[Vector, ...],
        solved: Solved,
        tol: float,
        known_payoffs: tuple[float, ...] | None = None,
    ) -> Equilibrium:
        if solved.exact:
            strategies: tuple[Vector, ...] = tuple(tuple(v) for v in profile)
            payoffs = tuple(_expected(u, strategies, exact=True) for u in self.payoffs)
            supports = tuple(
                tuple(s for s, x in zip(labels, v, strict=True) if x != 0)
                for labels, v in zip(self.strategies, strategies, strict=True)
            )
        else:
            vectors: list[np.ndarray] = []
            played: list[tuple[str, ...]] = []
            for v, labels in zip(profile, self.strategies, strict=True):
                raw = np.asarray(v, dtype=float)
                if solved.clean:  # the solver's own array, zeros already set
                    a = raw
                else:  # np.where makes a new array: the solver's output stays its own
                    a = np.where(np.abs(raw) <= tol, 0.0, raw)
                a.setflags(write=False)
                vectors.append(a)
                played.append(tuple([labels[i] for i, p in enumerate(a.tolist()) if p > tol]))
            strategies = tuple(vectors)
            supports = tuple(played)
            if known_payoffs is not None:
                payoffs = known_payoffs
            elif len(strategies) == 2:  # the same products as _expected, without its loop
                x, y = strategies
                payoffs = tuple(float((u @ y) @ x) for u in self._tables.floats)
            else:
                payoffs = tuple(_expected(u, strategies, exact=False) for u in self._tables.floats)
        return Equilibrium(
            strategies,
            payoffs,
            supports,
            solved.method,
            players=self.players,
            labels=self.strategies,
            notes=solved.notes,
            titles=self._named(),
        )

    # ------------------------------------------------------------------ quantal response
    def quantal_response(self, lam: float) -> tuple[np.ndarray, ...]:
        """The logit quantal response equilibrium at precision ``lam`` (principal branch).

        Each player plays each strategy with probability proportional to
        ``exp(lam * expected payoff)``; ``lam = 0`` is uniform play, and as
        ``lam`` grows the QRE approaches a Nash equilibrium (McKelvey and
        Palfrey 1995). Any number of players.

        Parameters
        ----------
        lam
            The precision, ``>= 0``, in the payoffs' units.

        Returns
        -------
        tuple of numpy.ndarray
            One probability vector per player.

        Examples
        --------
        >>> pd = Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> [v.round(3).tolist() for v in pd.quantal_response(0)]
        [[0.5, 0.5], [0.5, 0.5]]
        >>> float(pd.quantal_response(5)[0][1]) > 0.99
        True
        """
        from negotiation.solvers import logit

        require_numeric(self, "the quantal response equilibrium")
        return logit.quantal_response(self._tables.floats, lam)

    def qre_path(self, lam_max: float | None = None, *, lams: Sequence[float] | None = None) -> Any:
        """The logit QRE correspondence's principal branch, as a table of lambda and probabilities.

        Traced from ``lam = 0`` by path following (Turocy 2005), as Gambit's
        ``logit_solve`` does. ``.to_pandas()`` gives the tidy table (one row
        per lambda, player and strategy).

        Parameters
        ----------
        lam_max
            Trace up to this precision; by default until the branch is close
            to a Nash equilibrium.
        lams
            Instead, the QREs at exactly these precisions.

        Returns
        -------
        negotiation.solvers.logit.QREPath

        Examples
        --------
        >>> pennies = Game.zero_sum([[1, -1], [-1, 1]])
        >>> path = pennies.qre_path(lams=[0, 1, 10])
        >>> path.probabilities[0].round(3).tolist()
        [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]
        """
        from negotiation.solvers import logit

        require_numeric(self, "the quantal response path")
        if lams is not None:
            return logit.quantal_responses(
                self._tables.floats, lams, players=self.players, labels=self.strategies
            )
        return logit.logit_path(
            self._tables.floats, lam_max=lam_max, players=self.players, labels=self.strategies
        )

    def fit_qre(self, observed_frequencies: Sequence[Sequence[float]]) -> Any:
        """The logit QRE that best explains observed play (maximum likelihood over lambda).

        For classroom or experimental data: how often each player chose each
        strategy. The fit follows the principal branch, as Gambit's
        ``logit_estimate`` does.

        Parameters
        ----------
        observed_frequencies
            One sequence of counts (or frequencies) per player, one entry per strategy.

        Returns
        -------
        negotiation.solvers.logit.QREFit
            ``.lam``, ``.strategies`` (the fitted QRE) and ``.log_likelihood``.

        Raises
        ------
        InvalidGameError
            Counts of the wrong shape, negative or all zero.

        Examples
        --------
        >>> pd = Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> fit = pd.fit_qre([[20, 80], [25, 75]])
        >>> 0 < fit.lam < 10
        True
        """
        from negotiation.solvers import logit

        require_numeric(self, "fitting a quantal response equilibrium")
        return logit.fit_qre(
            self._tables.floats,
            observed_frequencies,
            players=self.players,
            labels=self.strategies,
        )

    @property
    def is_degenerate(self) -> bool:
        """Whether some mixed strategy with support size k has more than k pure best responses.

        Degenerate games can have equilibria with supports of unequal size and
        continua of equilibria (see :meth:`equilibrium_components`). Two-player games.

        Examples
        --------
        >>> Game([[1, 1], [0, 0]], [[1, 1], [0, 0]]).is_degenerate
        True
        """
        self._two_player("the degeneracy test", "it is defined for bimatrix games")
        require_numeric(self, "the degeneracy test")
        return _exact.is_degenerate(*self._tables.fraction_lists)

    def equilibrium_components(self) -> list[EquilibriumComponent]:
        """The maximal Nash subsets ("cliques") of the extreme equilibria, exactly.

        Every equilibrium of the game lies in ``conv(row_vertices) x
        conv(col_vertices)`` of some component (as Gambit's ``enummixed -c``
        reports). A non-degenerate game has one single-point component per
        equilibrium; a degenerate game can have a segment or polytope.
        Float payoffs are read as the decimals they print as. Two-player games.

        Examples
        --------
        >>> g = Game([[1, 1], [0, 0]], [[1, 1], [0, 0]])
        >>> [c.is_continuum for c in g.equilibrium_components()]
        [True]
        """
        self._two_player(
            "equilibrium_components()",
            "use equilibria(method='support_enumeration'), which lists the isolated equilibria",
        )
        require_numeric(self, "finding equilibrium components")
        rows, cols, pairs = _exact.equilibrium_vertex_pairs(*self._tables.fraction_lists)
        method = "vertex_enumeration"
        components = []
        for row_ids, col_ids in _components.maximal_cliques(pairs):
            eqs = tuple(
                self._exact_equilibrium(rows[i], cols[j], method) for i in row_ids for j in col_ids
            )
            components.append(
                EquilibriumComponent(
                    tuple(eqs[k * len(col_ids)].row for k in range(len(row_ids))),
                    tuple(eqs[k].col for k in range(len(col_ids))),
                    eqs,
                )
            )
        return components

    def _exact_equilibrium(self, x: Sequence[Any], y: Sequence[Any], method: str) -> Equilibrium:
        solved = Solved([], method, True)
        profile = (
            tuple(sp.Rational(v.numerator, v.denominator) for v in x),
            tuple(sp.Rational(v.numerator, v.denominator) for v in y),
        )
        return self._equilibrium(profile, solved, 0.0)

    # ------------------------------------------------------------------ pure analysis
    def _others_weights(self, player: int, against: Any) -> list[sp.Expr]:
        """The probability of each profile of the other players (row-major), from ``against``.

        With two players ``against`` is the opponent's strategy (a label, an
        index or a mixed strategy); with more, one such strategy per other
        player, in player order.
        """
        others = [q for q in range(self.n_players) if q != player]
        if self.n_players == 2:
            parts = [against]
        else:
            if (
                isinstance(against, str)
                or not isinstance(against, Sequence)
                or (len(against) != len(others))
            ):
                names = ", ".join(self.players[q] for q in others)
                raise InvalidGameError(
                    f"give one strategy for each other player ({names}), as labels, indices "
                    f"or mixed strategies; got {against!r}"
                )
            parts = list(against)
        vectors = [self._mixed_vector(q, s) for q, s in zip(others, parts, strict=True)]
        return [sp.Mul(*combo) for combo in product(*vectors)]

    def best_response_conditions(
        self, player: int | str, against: int | str | Sequence[Any]
    ) -> dict[str, sp.Basic]:
        """For each strategy of ``player``, the condition that it is a best response.

        Works while parameters are free; with numbers every condition is
        ``True`` or ``False``.

        Parameters
        ----------
        player
            An index, a player's name, or ``"row"``/``"column"`` for two players.
        against
            The opponent's strategy (a label, an index or a mixed strategy);
            with three or more players, one such strategy per other player.

        Examples
        --------
        >>> import sympy as sp
        >>> t = sp.Symbol("t")
        >>> g = Game([[1, 0], [t, 0]], [[0, 0], [0, 0]], strategies=(("a", "b"), ("x", "y")))
        >>> g.best_response_conditions("row", "x")
        {'a': 1 >= t, 'b': t >= 1}
        """
        p = self.player_index(player)
        own = self._own_tables[p]
        weights = self._others_weights(p, against)
        conditions = _pure.best_response_conditions(own, weights)
        return dict(zip(self.strategies[p], conditions, strict=True))

    @cached_property
    def _own_tables(self) -> list[sp.Matrix]:
        return _pure.own_tables(self.payoffs)

    def best_responses(
        self,
        player: int | str,
        against: int | str | Sequence[Any],
        *,
        tol: float = DEFAULT_TOL,
    ) -> tuple[str, ...]:
        """The labels of ``player``'s best responses to the others' strategies ``against``.

        Parameters
        ----------
        player
            An index, a player's name, or ``"row"``/``"column"`` for two players.
        against
            The opponent's strategy: a label, an index or a mixed strategy (such
            as the ``.col`` of a numeric :class:`Equilibrium`); with three or
            more players, one such strategy per other player, in player order.
        tol
            Where ``against`` or the payoffs hold floats, every strategy whose
            expected payoff is within ``tol`` of the best, relative to the size
            of the payoffs summed, counts, so rounding (``1.2`` against
            ``1.2000000000000002``) does not break a tie, and a game in units
            of ``1e-10`` has the same best responses as in units of 1.
            Exact input is compared exactly.

        Raises
        ------
        FreeParameterError
            When the answer depends on free parameters; then use
            :meth:`best_response_conditions`.

        Examples
        --------
        >>> pd = Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> pd.best_responses("row", "C")
        ('D',)
        >>> bos = Game([[3, 0], [0, 2]], [[2, 0], [0, 3]])
        >>> bos.best_responses("column", [0.6, 0.4])
        ('c0', 'c1')
        """
        p = self.player_index(player)
        weights = self._others_weights(p, against)
        own = self._own_tables[p]
        if (
            not self.parameters
            and all(v.is_number for v in weights)
            and not all(v.is_Rational for v in [*weights, *own])
        ):
            table = np.array(own.tolist(), dtype=float)
            w = np.array([float(v) for v in weights])
            values = table @ w
            # relative to the size of the terms summed, so a game in units of 1e-10 or 1e10
            # is read as the same game
            slack = tol * float((np.abs(table) @ np.abs(w)).max())
            best = values.max()
            return tuple(
                s for s, v in zip(self.strategies[p], values, strict=True) if v >= best - slack
            )
        conditions = self.best_response_conditions(player, against)
        undecided = [label for label, c in conditions.items() if c not in (sp.true, sp.false)]
        if undecided:
            require_numeric(
                free_parameters(*conditions.values()),
                "best_responses (use best_response_conditions for the conditions)",
            )
        return tuple(label for label, c in conditions.items() if c is sp.true)

    def _mixed_vector(self, player: int, strategy: int | str | Sequence[Any]) -> list[sp.Expr]:
        n = self.shape[player]
        if isinstance(strategy, str | int | np.integer):
            k = self.index(player, strategy)
            return [sp.Integer(int(i == k)) for i in range(n)]
        vector = [as_number(v, "mixed strategy entry") for v in strategy]
        if len(vector) != n:
            raise InvalidGameError(
                f"{self.players[player]} has {n} strategies but the mixed strategy has "
                f"{len(vector)} entries"
            )
        return vector

    def dominated_strategies(self, strict: bool = True) -> tuple[Domination, ...]:
        """Pure strategies dominated by another strategy (where sympy can decide it).

        A strategy dominated by another pure strategy is reported with that
        strategy. In a numeric game, a strategy that no pure strategy dominates
        but a *mixture* of the others strictly dominates is reported too, with
        the mixture (found by linear programming and proved in exact
        arithmetic; Osborne 2004, section 12.2). Any number of players: a
        strategy is dominated when it is beaten against every profile of the
        other players.

        Parameters
        ----------
        strict
            Only strict dominance (``True``) or also weak dominance by pure strategies.

        Examples
        --------
        >>> pd = Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> [d.reason for d in pd.dominated_strategies()]
        ["Row's 'C' is strictly dominated by 'D'", "Column's 'C' is strictly dominated by 'D'"]
        >>> g = Game([[3, 0], [0, 3], [1, 1]], [[0, 0]] * 3, strategies=(("T", "B", "M"), ("L", "R")))
        >>> [d.reason for d in g.dominated_strategies()]
        ["Row's 'M' is strictly dominated by the mixture 1/2 T + 1/2 B"]
        """
        found = [
            Domination(
                self.players[d.player],
                self.strategies[d.player][d.dominated],
                self.strategies[d.player][d.by],
                d.strict,
            )
            for d in _pure.dominances(self._own_tables, strict=strict)
        ]
        if not self.parameters:
            skip = {
                (self.players.index(d.player), self.index(d.player, d.dominated)) for d in found
            }
            for p, k, weights in _pure.mixed_dominances(self._own_tables, skip):
                labels = self.strategies[p]
                mixture = tuple((labels[i], w) for i, w in weights.items())
                found.append(
                    Domination(
                        self.players[p],
                        labels[k],
                        " + ".join(f"{w} {label}" for label, w in mixture),
                        True,
                        mixture,
                    )
                )
        return tuple(found)

    def eliminate_dominated(self, strict: bool = True) -> tuple[Game, tuple[Domination, ...]]:
        """Iterated elimination of dominated strategies.

        Each round removes every strategy that is dominated in the current game
        (with ``strict=False``, one weakly dominated strategy per round, since the
        order matters for weak dominance).

        Returns
        -------
        (Game, tuple of Domination)
            The reduced game and, in order, what was removed and why.

        Examples
        --------
        >>> pd = Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> reduced, record = pd.eliminate_dominated()
        >>> reduced.strategies, len(record)
        ((('D',), ('D',)), 2)
        """
        game = self
        record: list[Domination] = []
        while True:
            found = game.dominated_strategies(strict=strict)
            if not strict and found:
                found = found[:1]
            removable = [d for d in found if game.shape[game.players.index(d.player)] > 1]
            if not removable:
                return game, tuple(record)
            keep = [list(labels) for labels in game.strategies]
            for d in removable:
                p = game.players.index(d.player)
                if d.dominated in keep[p] and len(keep[p]) > 1:
                    keep[p].remove(d.dominated)
                    record.append(d)
            game = game.restrict(*keep)

    def restrict(self, *keep: Sequence[int | str]) -> Game:
        """The game in which each player may use only the given strategies.

        Parameters
        ----------
        *keep
            One sequence of strategies (labels or indices) per player.

        Examples
        --------
        >>> Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D")).restrict(["D"], ["C", "D"]).shape
        (1, 2)
        """
        if len(keep) != self.n_players:
            raise InvalidGameError(
                f"restrict() takes one sequence of strategies per player ({self.n_players}); "
                f"got {len(keep)}"
            )
        indices = [[self.index(p, s) for s in strategies] for p, strategies in enumerate(keep)]
        if any(not ix for ix in indices):
            raise InvalidGameError("restrict() needs at least one strategy for each player")
        selector = np.ix_(*indices)
        tables = []
        for u in self.payoffs:
            full = np.array(u.tolist(), dtype=object).reshape(self.shape)
            tables.append(full[selector].tolist())
        return Game(
            *tables,
            players=self.players,
            strategies=tuple(
                tuple(self.strategies[p][i] for i in ix) for p, ix in enumerate(indices)
            ),
            name=self.name,
            titles=tuple(tuple(self.titles[p][i] for i in ix) for p, ix in enumerate(indices)),
        )

    def equilibrium_conditions(self, profile: Sequence[int | str]) -> sp.Basic:
        """The condition on the parameters under which a pure profile is a Nash equilibrium.

        Parameters
        ----------
        profile
            One strategy per player (for two: ``(row strategy, column strategy)``),
            as labels or indices.

        Returns
        -------
        sympy Boolean
            A conjunction of inequalities; ``True`` or ``False`` when numeric.

        Examples
        --------
        >>> import sympy as sp
        >>> T, R, P, S = sp.symbols("T R P S")
        >>> pd = Game.symmetric([[R, S], [T, P]], strategies=("C", "D"))
        >>> pd.equilibrium_conditions(("C", "C"))
        R >= T
        """
        return _pure.profile_condition(self.payoffs, self._profile_indices(profile))

    def mixed_equilibrium(self) -> Equilibrium:
        """The fully mixed equilibrium of a 2x2 game in closed form.

        Returns
        -------
        Equilibrium
            ``.row`` and ``.col`` hold sympy expressions; ``.condition`` is where
            they are strictly between 0 and 1 (``False`` if there is none).

        Examples
        --------
        >>> import sympy as sp
        >>> W, L, C = sp.symbols("W L C", positive=True)
        >>> chicken = Game.symmetric([[0, -L], [W, -C]], strategies=("Swerve", "Escalate"))
        >>> chicken.mixed_equilibrium().row[1]
        W/(C - L + W)
        """
        if self.shape != (2, 2):
            raise InvalidGameError(
                "mixed_equilibrium() is the closed form for 2x2 games; this game is "
                + "x".join(str(k) for k in self.shape)
                + ": use equilibria() instead"
            )
        row, col, condition = _mixed.mixed_2x2(self.row_payoffs, self.col_payoffs)
        if condition is sp.false:
            payoffs: tuple[Any, Any] = (sp.nan, sp.nan)
        else:
            X, Y = sp.Matrix([row]), sp.Matrix(col)
            payoffs = (
                bounded_factor((X * self.row_payoffs * Y)[0]),
                bounded_factor((X * self.col_payoffs * Y)[0]),
            )
        return Equilibrium(
            (row, col),
            payoffs,
            self.strategies,
            "mixed_2x2",
            condition=condition,
            players=self.players,
            labels=self.strategies,
            titles=self._named(),
        )

    def _named(self) -> tuple[tuple[str, ...], ...]:
        """The full names for an equilibrium's display, or ``()`` when they are the labels."""
        return self.titles if self.titles != self.strategies else ()

    # ------------------------------------------------------------------ display / interop
    def to_latex(self) -> str:
        """The game as LaTeX arrays (``array`` environments) with player and strategy labels.

        With three or more players, one array per profile of the third and
        further players, as Gambit shows them.
        """
        return display.latex(self)

    def _repr_latex_(self) -> str:
        return "$$" + display.latex(self) + "$$"

    def _repr_html_(self) -> str:
        return display.html(self)

    def __repr__(self) -> str:
        return display.short(self)

    def __str__(self) -> str:
        return display.text(self)

    def to_nfg(self) -> str:
        """The game in Gambit's ``.nfg`` payoff-list format."""
        from negotiation.interop.nfg import write_nfg

        return write_nfg(self)

    def to_nashpy(self) -> nashpy.Game:
        """A ``nashpy.Game`` with the same (numeric) payoffs (two-player games)."""
        import nashpy

        self._two_player("to_nashpy()", "nashpy solves bimatrix games only")
        A, B = self.payoff_arrays()
        return nashpy.Game(A, B)


def _expected(u: Any, strategies: Sequence[Any], *, exact: bool) -> Any:
    """A player's expected payoff when each player mixes independently."""
    if exact:
        table = np.array(u.tolist(), dtype=object).reshape(tuple(len(s) for s in strategies))
        for v in reversed(strategies):
            table = table @ np.array(list(v), dtype=object)
        value = sp.sympify(table)
        return value if value.is_Rational else sp.expand(value)
    value = np.asarray(u, dtype=float)
    for v in reversed(strategies):
        value = value @ v
    return float(value)


def _check_players(players: Any, n: int) -> tuple[str, ...]:
    if players is None:
        return ("Row", "Column") if n == 2 else tuple(f"Player {k + 1}" for k in range(n))
    if isinstance(players, str) or not isinstance(players, Sequence) or len(players) != n:
        if n == 2:
            raise InvalidGameError(
                f"players must be two names, e.g. ('US', 'China'); got {players!r}"
            )
        raise InvalidGameError(
            f"players must be {n} names, one per payoff table, e.g. ('US', 'China', 'EU'); "
            f"got {players!r}"
        )
    if not all(isinstance(p, str) and p for p in players):
        raise InvalidGameError(f"player names must be non-empty strings; got {players!r}")
    if len(set(players)) != len(players):
        dup = sorted({p for p in players if list(players).count(p) > 1})
        if n == 2:
            raise InvalidGameError(f"the two players need different names; both are {players[0]!r}")
        raise InvalidGameError(f"the players need different names; repeated: {', '.join(dup)}")
    return tuple(players)


def _check_titles(
    titles: Any, labels: tuple[tuple[str, ...], ...], players: tuple[str, ...]
) -> tuple[tuple[str, ...], ...]:
    if titles is None:
        return labels
    if isinstance(titles, str) or not isinstance(titles, Sequence) or len(titles) != len(labels):
        raise InvalidGameError(
            "titles must be one tuple of full strategy names per player, in the order of "
            f"strategies; got {titles!r}"
        )
    out = []
    for p, (names, own) in enumerate(zip(titles, labels, strict=True)):
        if isinstance(names, str) or not isinstance(names, Sequence) or len(names) != len(own):
            raise InvalidGameError(
                f"{players[p]} has {len(own)} strategies, so titles needs {len(own)} names "
                f"in the order {own}; got {names!r}"
            )
        names = tuple(str(t) if t else label for t, label in zip(names, own, strict=True))
        out.append(names)
    return tuple(out)


def _check_strategies(
    strategies: Any, shape: tuple[int, ...], players: tuple[str, ...]
) -> tuple[tuple[str, ...], ...]:
    n = len(shape)
    if strategies is None:
        if n == 2:
            return (
                tuple(f"r{i}" for i in range(shape[0])),
                tuple(f"c{j}" for j in range(shape[1])),
            )
        return tuple(tuple(f"s{i}" for i in range(k)) for k in shape)
    if isinstance(strategies, str) or not isinstance(strategies, Sequence) or len(strategies) != n:
        raise InvalidGameError(
            "strategies must be one tuple of labels per player, e.g. "
            f"(('Truce', 'Escalate'), ('Truce', 'Escalate')); got {strategies!r}"
        )
    out = []
    for p, (labels, size) in enumerate(zip(strategies, shape, strict=True)):
        if isinstance(labels, str) or not isinstance(labels, Sequence):
            raise InvalidGameError(
                f"{players[p]}'s strategies must be a tuple of labels; got {labels!r}"
            )
        labels = tuple(labels)
        if len(labels) != size:
            what = ("rows", "columns")[p] if n == 2 else f"entries along axis {p}"
            raise InvalidGameError(
                f"{players[p]} has {len(labels)} strategy labels but the payoffs have {size} {what}"
            )
        if not all(isinstance(s, str) and s for s in labels):
            raise InvalidGameError(f"strategy labels must be non-empty strings; got {labels!r}")
        if len(set(labels)) != len(labels):
            dup = sorted({s for s in labels if labels.count(s) > 1})
            raise InvalidGameError(f"{players[p]} has duplicate strategy labels: {', '.join(dup)}")
        out.append(labels)
    return tuple(out)
