"""Two-player games in normal form, symbolic or numeric, and their equilibria.

A :class:`Game` holds two payoff matrices as sympy objects, so the same game can
carry numbers (``3``, ``sympy.Rational(1, 3)``, ``0.25``) or expressions in
parameters (a tariff rate ``t``, a rare-earth disruption multiplier ``m``). Its
methods check their input, unpack the matrices and delegate to the free
functions in :mod:`negotiation.solvers`.

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
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import sympy as sp

from negotiation import display
from negotiation.errors import (
    ExactArithmeticError,
    InvalidGameError,
    UnknownLabelError,
)
from negotiation.solvers import components as _components
from negotiation.solvers import exact as _exact
from negotiation.solvers import mixed2x2 as _mixed
from negotiation.solvers import numeric as _numeric
from negotiation.solvers import pure as _pure
from negotiation.symbolic import (
    as_number,
    as_payoff_matrix,
    free_parameters,
    normalise_substitution,
    require_numeric,
    to_fraction,
)

if TYPE_CHECKING:
    import nashpy

__all__ = ["Domination", "Equilibrium", "EquilibriumComponent", "Game"]

METHODS = ("vertex_enumeration", "support_enumeration", "lemke_howson", "pure")
DEFAULT_TOL = 1e-9


@dataclass(frozen=True, eq=False)
class Equilibrium:
    """A Nash equilibrium: one mixed strategy per player, their payoffs and how it was found.

    Attributes
    ----------
    row, col
        Probability vectors: numpy float arrays (numeric solvers), tuples of
        ``sympy.Rational`` (``exact=True``) or of sympy expressions
        (:meth:`Game.mixed_equilibrium`).
    payoffs
        The row and column player's expected payoffs.
    row_support, col_support
        The labels of the strategies played with positive probability.
    method
        The method that produced it.
    condition
        Where the equilibrium is valid, as a sympy Boolean over the parameters
        (``sympy.true`` for a numeric game).
    players, strategies
        The game's player names and strategy labels, for display.

    Examples
    --------
    >>> import negotiation as ng
    >>> eq = ng.Game([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]).equilibria(exact=True)[0]
    >>> eq.row, eq.is_pure
    ((1/2, 1/2), False)
    """

    row: Any
    col: Any
    payoffs: tuple[Any, Any]
    row_support: tuple[str, ...]
    col_support: tuple[str, ...]
    method: str
    condition: sp.Basic = sp.true
    players: tuple[str, str] = ("Row", "Column")
    strategies: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())

    @property
    def is_pure(self) -> bool:
        """Whether each player plays a single strategy."""
        return len(self.row_support) == 1 and len(self.col_support) == 1

    @property
    def profile(self) -> tuple[str, str]:
        """The pure profile ``(row_label, col_label)``; only for pure equilibria."""
        if not self.is_pure:
            raise InvalidGameError(
                "this equilibrium is mixed, so it has no single pure profile; "
                "use .row_support and .col_support"
            )
        return (self.row_support[0], self.col_support[0])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Equilibrium):
            return NotImplemented
        return (
            _as_tuple(self.row) == _as_tuple(other.row)
            and _as_tuple(self.col) == _as_tuple(other.col)
            and self.method == other.method
        )

    def __hash__(self) -> int:
        return hash((_as_tuple(self.row), _as_tuple(self.col), self.method))

    def __repr__(self) -> str:
        return display.equilibrium_repr(self)

    def __str__(self) -> str:
        return display.equilibrium_text(self)

    def _repr_html_(self) -> str:
        return display.equilibrium_html(self)

    def _repr_latex_(self) -> str:
        return "$" + display.equilibrium_latex(self) + "$"


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


@dataclass(frozen=True)
class Game:
    """A two-player game in normal form with numeric or symbolic payoffs.

    Parameters
    ----------
    row_payoffs, col_payoffs
        ``rows x columns`` tables (nested lists, numpy arrays or sympy matrices)
        of numbers or sympy expressions: entry ``[i][j]`` is the payoff when the
        row player plays ``i`` and the column player plays ``j``.
    players
        The two players' names.
    strategies
        One tuple of labels per player; defaults to ``("r0", "r1", ...)`` and
        ``("c0", "c1", ...)``.
    name
        An optional title.

    Raises
    ------
    InvalidGameError
        For mismatched shapes, empty tables, NaN, infinite or non-numeric entries,
        and duplicate or missing labels.

    Examples
    --------
    >>> import negotiation as ng
    >>> g = ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("US", "China"))
    >>> g.shape, g.strategies
    ((2, 2), (('r0', 'r1'), ('c0', 'c1')))
    """

    row_payoffs: sp.ImmutableMatrix
    col_payoffs: sp.ImmutableMatrix
    players: tuple[str, str] = field(default=("Row", "Column"), kw_only=True)
    strategies: tuple[tuple[str, ...], tuple[str, ...]] = field(default=None, kw_only=True)  # type: ignore[assignment]
    name: str | None = field(default=None, kw_only=True)

    methods: ClassVar[tuple[str, ...]] = METHODS

    def __post_init__(self) -> None:
        A = as_payoff_matrix(self.row_payoffs, "row payoffs")
        B = as_payoff_matrix(self.col_payoffs, "column payoffs")
        if A.shape != B.shape:
            raise InvalidGameError(
                f"row payoffs are {A.rows}x{A.cols} but column payoffs are {B.rows}x{B.cols}; "
                "both must have shape (rows, columns)"
            )
        players = _check_players(self.players)
        strategies = _check_strategies(self.strategies, A.shape, players)
        if self.name is not None and not isinstance(self.name, str):
            raise InvalidGameError(f"name must be a string or None, not {self.name!r}")
        object.__setattr__(self, "row_payoffs", A)
        object.__setattr__(self, "col_payoffs", B)
        object.__setattr__(self, "players", players)
        object.__setattr__(self, "strategies", strategies)

    # ------------------------------------------------------------------ construction
    @classmethod
    def zero_sum(cls, payoffs: Any, **kwargs: Any) -> Game:
        """A zero-sum game: the column player gets minus the row player's payoff.

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
        """A symmetric game: the column player's payoffs are the transpose.

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
        return cls(A, A.T, strategies=labels, **kwargs)

    @classmethod
    def from_nfg(cls, source: str | Path) -> Game:
        """Read a two-player game in Gambit's ``.nfg`` format (a path or the text).

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
    def shape(self) -> tuple[int, int]:
        """``(rows, columns)``: the number of strategies of each player."""
        return (self.row_payoffs.rows, self.row_payoffs.cols)

    @cached_property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free sympy symbols in the payoffs, ordered by name."""
        return free_parameters(self.row_payoffs, self.col_payoffs)

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
            self.row_payoffs.subs(mapping),
            self.col_payoffs.subs(mapping),
            players=self.players,
            strategies=self.strategies,
            name=self.name,
        )

    def index(self, player: int | str, strategy: int | str) -> int:
        """The index of ``strategy`` (a label or an index) of ``player``.

        ``player`` is 0 or 1, ``"row"`` or ``"column"``/``"col"``, or a player's name.
        """
        p = self._player_index(player)
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

    def _player_index(self, player: int | str) -> int:
        if (
            isinstance(player, int | np.integer)
            and not isinstance(player, bool)
            and player in (0, 1)
        ):
            return int(player)
        if isinstance(player, str):
            if player in self.players:
                return self.players.index(player)
            lowered = player.lower()
            if lowered == "row":
                return 0
            if lowered in ("col", "column"):
                return 1
        raise UnknownLabelError(
            f"no player {player!r}; use 0 or 1, 'row' or 'column', or a name: "
            + ", ".join(repr(p) for p in self.players)
        )

    def _profile_indices(self, profile: Sequence[int | str]) -> tuple[int, int]:
        if isinstance(profile, str) or len(profile) != 2:
            raise UnknownLabelError(
                f"a profile is a pair (row strategy, column strategy), e.g. "
                f"{self.strategies[0][0]!r}, {self.strategies[1][0]!r}; got {profile!r}"
            )
        return self.index(0, profile[0]), self.index(1, profile[1])

    def payoff_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The payoff matrices as float arrays (the game must be numeric)."""
        require_numeric(self.parameters, "a numeric payoff array")
        A, B = self._float_arrays
        return A.copy(), B.copy()

    @cached_property
    def _fractions(self) -> tuple[list[list[Any]], list[list[Any]]]:
        # The payoffs as exact Fractions (floats read as the decimals they print
        # as), computed once per immutable game for the exact kernels.
        return _fraction_tables(self.row_payoffs), _fraction_tables(self.col_payoffs)

    @cached_property
    def _float_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        # Computed once per (immutable) game; callers get copies or read-only views.
        A = np.array(self.row_payoffs.tolist(), dtype=float)
        B = np.array(self.col_payoffs.tolist(), dtype=float)
        A.setflags(write=False)
        B.setflags(write=False)
        return A, B

    def _exact_tables(self, task: str) -> tuple[list[list[Any]], list[list[Any]]]:
        require_numeric(self.parameters, task)
        for name, M in (("row", self.row_payoffs), ("column", self.col_payoffs)):
            for (i, j), value in np.ndenumerate(np.array(M.tolist(), dtype=object)):
                if not value.is_Rational:
                    raise ExactArithmeticError(
                        f"exact=True needs rational payoffs, but the {name} payoff at "
                        f"({self.strategies[0][i]!r}, {self.strategies[1][j]!r}) is {value}; "
                        f"write it as sympy.Rational('{_decimal(value)}') or solve with exact=False"
                    )
        return self._fractions

    # ------------------------------------------------------------------ equilibria
    def equilibria(
        self,
        method: str = "vertex_enumeration",
        *,
        exact: bool = False,
        tol: float = DEFAULT_TOL,
    ) -> list[Equilibrium]:
        """Nash equilibria of the game.

        Parameters
        ----------
        method
            ``"vertex_enumeration"`` (default): every extreme equilibrium, found by
            exact vertex enumeration, so degenerate games are handled correctly;
            ``"support_enumeration"`` and ``"lemke_howson"`` (one equilibrium):
            nashpy's algorithms, every answer checked (where nashpy's
            Lemke-Howson fails from every starting label, the first extreme
            equilibrium is returned, with ``method="vertex_enumeration"``);
            ``"pure"``: the pure equilibria only.
        exact
            Return ``sympy.Rational`` probabilities and payoffs. Needs rational
            payoffs; available for ``"vertex_enumeration"`` and ``"pure"``.
        tol
            Tolerance for float comparisons in the numeric methods.

        Returns
        -------
        list of Equilibrium

        Raises
        ------
        FreeParameterError
            If the payoffs still depend on parameters (use :meth:`subs`).
        ExactArithmeticError
            If ``exact=True`` and a payoff is a float.

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
        """
        if method not in METHODS:
            raise InvalidGameError(
                f"unknown method {method!r}; choose one of " + ", ".join(repr(m) for m in METHODS)
            )
        if not (isinstance(tol, float | int) and tol >= 0):
            raise InvalidGameError(f"tol must be a non-negative number, not {tol!r}")
        if exact:
            if method not in ("vertex_enumeration", "pure"):
                raise InvalidGameError(
                    f"exact=True is available for method='vertex_enumeration' (every extreme "
                    f"equilibrium) and method='pure', not {method!r}"
                )
            A, B = self._exact_tables("exact solving")
            if method == "pure":
                return [self._pure_equilibrium(i, j, exact=True) for i, j in _exact_pure(A, B)]
            return [
                self._exact_equilibrium(x, y, method) for x, y in _exact.extreme_equilibria(A, B)
            ]
        require_numeric(self.parameters, "solving")
        A_num, B_num = self._float_arrays
        if method == "pure":
            return [
                self._pure_equilibrium(i, j, exact=False)
                for i, j in _numeric.pure_equilibria(A_num, B_num, tol)
            ]
        if method == "vertex_enumeration":
            pairs = _exact.extreme_equilibria(*self._fractions)
            found = [
                (np.array([float(v) for v in x]), np.array([float(v) for v in y])) for x, y in pairs
            ]
        else:
            found = _numeric.nashpy_equilibria(A_num, B_num, method, tol)
            if method == "lemke_howson" and not found:
                # nashpy's pivoting failed from every starting label (it does on
                # some degenerate games and on every game with a single row or
                # column); every game has an equilibrium, so return the first
                # extreme one, labelled with the method that found it.
                x, y = _exact.extreme_equilibria(*self._fractions)[0]
                method = "vertex_enumeration"
                found = [(np.array([float(v) for v in x]), np.array([float(v) for v in y]))]
        return [self._numeric_equilibrium(x, y, method, tol, A_num, B_num) for x, y in found]

    def _labels_of(self, player: int, probs: Sequence[Any], tol: float = 0.0) -> tuple[str, ...]:
        return tuple(
            label
            for label, p in zip(self.strategies[player], probs, strict=True)
            if (p > tol if isinstance(p, float) else p != 0)
        )

    def _exact_equilibrium(self, x: Sequence[Any], y: Sequence[Any], method: str) -> Equilibrium:
        xs = tuple(sp.Rational(v.numerator, v.denominator) for v in x)
        ys = tuple(sp.Rational(v.numerator, v.denominator) for v in y)
        X, Y = sp.Matrix([xs]), sp.Matrix(ys)
        payoffs = ((X * self.row_payoffs * Y)[0], (X * self.col_payoffs * Y)[0])
        return Equilibrium(
            xs,
            ys,
            payoffs,
            self._labels_of(0, xs),
            self._labels_of(1, ys),
            method,
            players=self.players,
            strategies=self.strategies,
        )

    def _numeric_equilibrium(
        self, x: np.ndarray, y: np.ndarray, method: str, tol: float, A: np.ndarray, B: np.ndarray
    ) -> Equilibrium:
        x = np.where(np.abs(x) <= tol, 0.0, x)
        y = np.where(np.abs(y) <= tol, 0.0, y)
        x.setflags(write=False)
        y.setflags(write=False)
        return Equilibrium(
            x,
            y,
            (float(x @ A @ y), float(x @ B @ y)),
            self._labels_of(0, [float(v) for v in x], tol),
            self._labels_of(1, [float(v) for v in y], tol),
            method,
            players=self.players,
            strategies=self.strategies,
        )

    def _pure_equilibrium(self, i: int, j: int, *, exact: bool) -> Equilibrium:
        m, n = self.shape
        if exact:
            x: Any = tuple(sp.Integer(int(k == i)) for k in range(m))
            y: Any = tuple(sp.Integer(int(k == j)) for k in range(n))
            payoffs: tuple[Any, Any] = (self.row_payoffs[i, j], self.col_payoffs[i, j])
        else:
            x, y = np.zeros(m), np.zeros(n)
            x[i] = y[j] = 1.0
            x.setflags(write=False)
            y.setflags(write=False)
            payoffs = (float(self.row_payoffs[i, j]), float(self.col_payoffs[i, j]))
        return Equilibrium(
            x,
            y,
            payoffs,
            (self.strategies[0][i],),
            (self.strategies[1][j],),
            "pure",
            players=self.players,
            strategies=self.strategies,
        )

    @property
    def is_degenerate(self) -> bool:
        """Whether some mixed strategy with support size k has more than k pure best responses.

        Degenerate games can have equilibria with supports of unequal size and
        continua of equilibria (see :meth:`equilibrium_components`).

        Examples
        --------
        >>> Game([[1, 1], [0, 0]], [[1, 1], [0, 0]]).is_degenerate
        True
        """
        require_numeric(self.parameters, "the degeneracy test")
        return _exact.is_degenerate(*self._fractions)

    def equilibrium_components(self) -> list[EquilibriumComponent]:
        """The maximal Nash subsets ("cliques") of the extreme equilibria, exactly.

        Every equilibrium of the game lies in ``conv(row_vertices) x
        conv(col_vertices)`` of some component (as Gambit's ``enummixed -c``
        reports). A non-degenerate game has one single-point component per
        equilibrium; a degenerate game can have a segment or polytope.
        Float payoffs are read as the decimals they print as.

        Examples
        --------
        >>> g = Game([[1, 1], [0, 0]], [[1, 1], [0, 0]])
        >>> [c.is_continuum for c in g.equilibrium_components()]
        [True]
        """
        require_numeric(self.parameters, "finding equilibrium components")
        rows, cols, pairs = _exact.equilibrium_vertex_pairs(*self._fractions)
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

    # ------------------------------------------------------------------ pure analysis
    def best_response_conditions(
        self, player: int | str, against: int | str | Sequence[Any]
    ) -> dict[str, sp.Basic]:
        """For each strategy of ``player``, the condition that it is a best response.

        Works while parameters are free; with numbers every condition is
        ``True`` or ``False``.

        Parameters
        ----------
        player
            0 or 1, ``"row"``/``"column"``, or a player's name.
        against
            The opponent's strategy: a label, an index or a mixed strategy.

        Examples
        --------
        >>> import sympy as sp
        >>> t = sp.Symbol("t")
        >>> g = Game([[1, 0], [t, 0]], [[0, 0], [0, 0]], strategies=(("a", "b"), ("x", "y")))
        >>> g.best_response_conditions("row", "x")
        {'a': 1 >= t, 'b': t >= 1}
        """
        p = self._player_index(player)
        own = self.row_payoffs if p == 0 else self.col_payoffs.T
        vector = self._mixed_vector(1 - p, against)
        conditions = _pure.best_response_conditions(own, vector)
        return dict(zip(self.strategies[p], conditions, strict=True))

    def best_responses(
        self,
        player: int | str,
        against: int | str | Sequence[Any],
        *,
        tol: float = DEFAULT_TOL,
    ) -> tuple[str, ...]:
        """The labels of ``player``'s best responses to the opponent's strategy ``against``.

        Parameters
        ----------
        player
            0 or 1, ``"row"``/``"column"``, or a player's name.
        against
            The opponent's strategy: a label, an index or a mixed strategy (such
            as the ``.col`` of a numeric :class:`Equilibrium`).
        tol
            Where ``against`` or the payoffs hold floats, every strategy whose
            expected payoff is within ``tol`` of the best counts, so rounding
            (``1.2`` against ``1.2000000000000002``) does not break a tie.
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
        p = self._player_index(player)
        vector = self._mixed_vector(1 - p, against)
        own = self.row_payoffs if p == 0 else self.col_payoffs.T
        if (
            not self.parameters
            and all(v.is_number for v in vector)
            and not all(v.is_Rational for v in [*vector, *own])
        ):
            values = np.array(own.tolist(), dtype=float) @ np.array([float(v) for v in vector])
            best = values.max()
            return tuple(
                s for s, v in zip(self.strategies[p], values, strict=True) if v >= best - tol
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
        arithmetic; Osborne 2004, section 12.2).

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
            for d in _pure.dominances(self.row_payoffs, self.col_payoffs, strict=strict)
        ]
        if not self.parameters:
            skip = {
                (self.players.index(d.player), self.index(d.player, d.dominated)) for d in found
            }
            for p, k, weights in _pure.mixed_dominances(self.row_payoffs, self.col_payoffs, skip):
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
            keep = [list(game.strategies[0]), list(game.strategies[1])]
            for d in removable:
                p = game.players.index(d.player)
                if d.dominated in keep[p] and len(keep[p]) > 1:
                    keep[p].remove(d.dominated)
                    record.append(d)
            game = game.restrict(keep[0], keep[1])

    def restrict(self, rows: Sequence[int | str], cols: Sequence[int | str]) -> Game:
        """The game in which each player may use only the given strategies.

        Examples
        --------
        >>> Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D")).restrict(["D"], ["C", "D"]).shape
        (1, 2)
        """
        ri = [self.index(0, r) for r in rows]
        ci = [self.index(1, c) for c in cols]
        return Game(
            self.row_payoffs.extract(ri, ci),
            self.col_payoffs.extract(ri, ci),
            players=self.players,
            strategies=(
                tuple(self.strategies[0][i] for i in ri),
                tuple(self.strategies[1][j] for j in ci),
            ),
            name=self.name,
        )

    def equilibrium_conditions(self, profile: Sequence[int | str]) -> sp.Basic:
        """The condition on the parameters under which a pure profile is a Nash equilibrium.

        Parameters
        ----------
        profile
            ``(row strategy, column strategy)`` as labels or indices.

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
        i, j = self._profile_indices(profile)
        return _pure.pure_equilibrium_condition(self.row_payoffs, self.col_payoffs, i, j)

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
                f"mixed_equilibrium() is the closed form for 2x2 games; this game is "
                f"{self.shape[0]}x{self.shape[1]}: use equilibria() instead"
            )
        row, col, condition = _mixed.mixed_2x2(self.row_payoffs, self.col_payoffs)
        if condition is sp.false:
            payoffs: tuple[Any, Any] = (sp.nan, sp.nan)
        else:
            X, Y = sp.Matrix([row]), sp.Matrix(col)
            payoffs = (
                sp.factor(sp.simplify((X * self.row_payoffs * Y)[0])),
                sp.factor(sp.simplify((X * self.col_payoffs * Y)[0])),
            )
        return Equilibrium(
            row,
            col,
            payoffs,
            self.strategies[0],
            self.strategies[1],
            "mixed_2x2",
            condition=condition,
            players=self.players,
            strategies=self.strategies,
        )

    # ------------------------------------------------------------------ display / interop
    def to_latex(self) -> str:
        """The bimatrix as a LaTeX ``array`` with player and strategy labels."""
        return display.game_latex(self)

    def _repr_latex_(self) -> str:
        return "$$" + display.game_latex(self) + "$$"

    def _repr_html_(self) -> str:
        return display.game_html(self)

    def __repr__(self) -> str:
        return display.game_repr(self)

    def __str__(self) -> str:
        return display.game_text(self)

    def to_nfg(self) -> str:
        """The game in Gambit's ``.nfg`` payoff-list format."""
        from negotiation.interop.nfg import write_nfg

        return write_nfg(self)

    def to_nashpy(self) -> nashpy.Game:
        """A ``nashpy.Game`` with the same (numeric) payoffs."""
        import nashpy

        A, B = self.payoff_arrays()
        return nashpy.Game(A, B)


def _decimal(value: sp.Expr) -> str:
    return repr(float(value))


def _fraction_tables(M: sp.Matrix) -> list[list[Any]]:
    return [[to_fraction(M[i, j]) for j in range(M.cols)] for i in range(M.rows)]


def _exact_pure(A: list[list[Any]], B: list[list[Any]]) -> list[tuple[int, int]]:
    m, n = len(A), len(A[0])
    col_max = [max(A[i][j] for i in range(m)) for j in range(n)]
    row_max = [max(B[i]) for i in range(m)]
    return [
        (i, j)
        for i in range(m)
        for j in range(n)
        if A[i][j] == col_max[j] and B[i][j] == row_max[i]
    ]


def _check_players(players: Any) -> tuple[str, str]:
    if isinstance(players, str) or not isinstance(players, Sequence) or len(players) != 2:
        raise InvalidGameError(f"players must be two names, e.g. ('US', 'China'); got {players!r}")
    if not all(isinstance(p, str) and p for p in players):
        raise InvalidGameError(f"player names must be non-empty strings; got {players!r}")
    if players[0] == players[1]:
        raise InvalidGameError(f"the two players need different names; both are {players[0]!r}")
    return (players[0], players[1])


def _check_strategies(
    strategies: Any, shape: tuple[int, int], players: tuple[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    m, n = shape
    if strategies is None:
        return (tuple(f"r{i}" for i in range(m)), tuple(f"c{j}" for j in range(n)))
    if isinstance(strategies, str) or not isinstance(strategies, Sequence) or len(strategies) != 2:
        raise InvalidGameError(
            "strategies must be one tuple of labels per player, e.g. "
            f"(('Truce', 'Escalate'), ('Truce', 'Escalate')); got {strategies!r}"
        )
    out = []
    for p, (labels, size) in enumerate(zip(strategies, (m, n), strict=True)):
        if isinstance(labels, str) or not isinstance(labels, Sequence):
            raise InvalidGameError(
                f"{players[p]}'s strategies must be a tuple of labels; got {labels!r}"
            )
        labels = tuple(labels)
        if len(labels) != size:
            what = "rows" if p == 0 else "columns"
            raise InvalidGameError(
                f"{players[p]} has {len(labels)} strategy labels but the payoffs have {size} {what}"
            )
        if not all(isinstance(s, str) and s for s in labels):
            raise InvalidGameError(f"strategy labels must be non-empty strings; got {labels!r}")
        if len(set(labels)) != len(labels):
            dup = sorted({s for s in labels if labels.count(s) > 1})
            raise InvalidGameError(f"{players[p]} has duplicate strategy labels: {', '.join(dup)}")
        out.append(labels)
    return (out[0], out[1])
