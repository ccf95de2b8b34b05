"""Two-player bargaining problems and their solutions.

A :class:`BargainingProblem` is a feasible set of utility pairs and a
disagreement point ``d`` (what each side gets if talks fail). It comes from a
finite set of packages (:meth:`BargainingProblem.from_points`, where lotteries
over packages make the feasible set their convex hull), from a frontier curve
``u2 = f(u1)`` (:meth:`BargainingProblem.from_frontier`, numeric or symbolic),
or from a game or scenario whose strategy profiles are the packages and whose
status quo is ``d`` (:meth:`BargainingProblem.from_game`,
:meth:`BargainingProblem.from_scenario`).

Its methods check their input and delegate to the free functions in
:mod:`negotiation.bargaining.solutions`; each returns a
:class:`BargainingOutcome`: the utilities, the package or lottery that achieves
them, and the method.

References
----------
J. F. Nash (1950), "The bargaining problem", *Econometrica* 18(2): 155-162.
E. Kalai and M. Smorodinsky (1975), *Econometrica* 43(3): 513-518.
M. J. Osborne and A. Rubinstein (1994), *A Course in Game Theory*, chapter 15.

Examples
--------
The stylised "Implementing Geneva" game (US: implement London, hold countermeasures or
re-escalate; China: deliver, slow-walk or withhold): from the May standoff
``d = (-1, -1)`` both Nash and Kalai-Smorodinsky pick the London deal (3, 3).

>>> import negotiation as ng
>>> game_b = ng.Game([[3, -2, -6], [4, -1, -4], [1, -3, -7]],
...                  [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
...                  players=("US", "China"),
...                  strategies=(("L", "H", "E"), ("D", "S", "W")))
>>> problem = ng.BargainingProblem.from_game(game_b, ("H", "S"))
>>> problem.nash()
BargainingOutcome(method='nash', utilities=(3, 3), package='L/D')
>>> problem.kalai_smorodinsky().utilities
(3, 3)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import sympy as sp

from negotiation import display
from negotiation.bargaining import geometry
from negotiation.bargaining import solutions as _sol
from negotiation.bargaining.outcome import (
    HALF,
    PLAYERS,
    BargainingOutcome,
    Lottery,
    ParetoCheck,
)
from negotiation.errors import BargainingError, FreeParameterError, InvalidGameError
from negotiation.symbolic import as_number, free_parameters, normalise_substitution, to_fraction

__all__ = [
    "BargainingProblem",
    "ParetoFrontier",
    "as_utility",
    "check_unit_interval",
    "exact",
    "exact_points",
    "require_points",
]


def as_utility(value: Any, what: str) -> sp.Expr:
    """One utility (number, fraction or sympy expression) as a sympy expression.

    Raises
    ------
    BargainingError
        For strings, NaN, infinities and non-numbers.

    Examples
    --------
    >>> as_utility(3, "u1"), as_utility(0.5, "u1")
    (3, 0.500000000000000)
    """
    try:
        return as_number(value, what)
    except InvalidGameError as err:
        raise BargainingError(str(err).replace("payoffs", "utilities")) from None


def exact(expr: sp.Expr) -> sp.Expr:
    """Replace the floats in ``expr`` by the decimals they print as (``0.1`` -> ``1/10``).

    Examples
    --------
    >>> exact(sp.Float(0.1) * sp.Symbol("x"))
    x/10
    """
    floats = expr.atoms(sp.Float)
    if not floats:
        return expr
    return expr.xreplace({f: sp.Rational(to_fraction(f)) for f in floats})


def _finish(expr: sp.Expr, inexact: bool) -> sp.Expr:
    return sp.sympify(expr).evalf() if inexact else sp.sympify(expr)


def check_unit_interval(
    value: Any, name: str, example: str, *, closed_right: bool = False
) -> sp.Expr:
    """``value`` as a sympy expression, checked to lie in (0, 1) when it is a number.

    Raises
    ------
    BargainingError
        For a number outside (0, 1) (or (0, 1] with ``closed_right``).

    Examples
    --------
    >>> check_unit_interval(0.9, "delta1", "delta1=0.9")
    0.900000000000000
    >>> check_unit_interval(1, "beta", "beta=1/3")
    Traceback (most recent call last):
    ...
    negotiation.errors.BargainingError: beta = 1 is outside (0, 1); give a value strictly between 0 and 1, e.g. beta=1/3
    """
    expr = as_utility(value, name)
    if expr.is_number:
        if expr.is_real is False:
            raise BargainingError(f"{name} = {value} is not a real number; e.g. {example}")
        top_ok = expr <= 1 if closed_right else expr < 1
        if not (expr > 0 and top_ok):
            where = "in (0, 1]" if closed_right else "strictly between 0 and 1"
            raise BargainingError(
                f"{name} = {value} is outside {'(0, 1]' if closed_right else '(0, 1)'}; "
                f"give a value {where}, e.g. {example}"
            )
    return expr


def _check_players(players: Any) -> tuple[str, str]:
    if (
        isinstance(players, str)
        or not isinstance(players, Sequence)
        or len(players) != 2
        or not all(isinstance(p, str) and p for p in players)
    ):
        raise BargainingError(
            f"players must be two non-empty names, e.g. ('US', 'China'); got {players!r}"
        )
    return (players[0], players[1])


def _pair(value: Any, what: str) -> tuple[sp.Expr, sp.Expr]:
    if isinstance(value, str) or not isinstance(value, Sequence | np.ndarray) or len(value) != 2:
        raise BargainingError(
            f"{what} must be a pair of utilities (u1, u2), e.g. (0, 0); got {value!r}"
        )
    return as_utility(value[0], f"{what}[0]"), as_utility(value[1], f"{what}[1]")


def require_points(problem: BargainingProblem, task: str) -> None:
    """Raise a BargainingError naming ``task`` unless ``problem`` is built from packages."""
    if problem.frontier is not None:
        raise BargainingError(
            f"cannot {task} on a frontier curve; this needs a problem built from packages "
            "(BargainingProblem.from_points, from_game or from_scenario)"
        )


def exact_points(
    problem: BargainingProblem,
) -> tuple[list[tuple[sp.Expr, sp.Expr]], tuple[sp.Expr, sp.Expr]]:
    """The packages' utility pairs and the disagreement point, floats made exact."""
    pts = [(exact(x), exact(y)) for x, y in problem.points]
    d = (exact(problem.disagreement[0]), exact(problem.disagreement[1]))
    return pts, d


# The largest numerator or denominator degree of a slope whose sign is found exactly,
# and the size of an algebraic slope handed to sympy's interval solver.
_MAX_SLOPE_DEGREE = 40
_MAX_SLOPE_OPS = 40


def _falls_inside(f: sp.Expr, u: sp.Symbol, low: sp.Expr, high: sp.Expr) -> bool | None:
    """Whether ``f`` is non-increasing on the *open* interval ``(low, high)``, with bounded work.

    The endpoints are left out: a frontier such as ``sqrt(1 - u**2)`` falls
    everywhere on ``[0, 1]`` although its slope is infinite at 1. A rational
    slope is decided exactly from the real roots of its numerator and
    denominator; a small algebraic one by sympy's interval solver; anything
    else returns ``None`` (the caller samples).
    """
    slope = sp.diff(f, u)
    if slope.is_rational_function(u):
        num, den = sp.fraction(sp.cancel(sp.together(slope)))
        try:
            polys = [sp.Poly(num, u), sp.Poly(den, u)]
        except sp.PolynomialError:  # pragma: no cover - is_rational_function said otherwise
            return None
        if max(p.degree() for p in polys) > _MAX_SLOPE_DEGREE or not all(
            c.is_Rational for p in polys for c in p.coeffs()
        ):
            return None
        roots = sorted(
            {r for p in polys if p.degree() > 0 for r in p.real_roots() if low < r < high},
            key=lambda r: sp.N(r, 30),
        )
        cuts = [low, *roots, high]
        for a, b in itertools.pairwise(cuts):
            probe = (sp.Rational(sp.N(a, 30)) + sp.Rational(sp.N(b, 30))) / 2
            value = polys[0].eval(probe) / polys[1].eval(probe)
            if value > 0:
                return False
        return True
    algebraic = all(
        isinstance(node, sp.Symbol | sp.Number | sp.Add | sp.Mul)
        or (isinstance(node, sp.Pow) and node.exp.is_Rational)
        for node in sp.preorder_traversal(slope)
    )
    if algebraic and sp.count_ops(slope) <= _MAX_SLOPE_OPS:
        try:
            verdict = sp.is_decreasing(f, sp.Interval.open(low, high), u)
        except (NotImplementedError, TypeError, ValueError):  # pragma: no cover - sympy limits
            return None
        return None if verdict is None else bool(verdict)
    return None


@dataclass(frozen=True)
class ParetoFrontier:
    """The Pareto frontier of a bargaining problem.

    Attributes
    ----------
    points
        For a finite problem, the efficient packages' utilities by increasing
        ``u1`` (with lotteries, the corners of a polygonal frontier; the
        segments between consecutive corners are efficient too).
    labels
        Their package labels.
    lotteries
        Whether the segments between the points are part of the frontier.
    curve, variable, domain
        For a frontier curve: ``u2 = curve`` for ``variable`` in ``domain``.

    Examples
    --------
    >>> import negotiation as ng
    >>> pf = ng.BargainingProblem.from_points({"a": (3, 1), "b": (1, 3), "c": (1, 1)},
    ...                                       (0, 0)).pareto_frontier()
    >>> pf.labels, pf.points
    (('b', 'a'), ((1, 3), (3, 1)))
    """

    points: tuple[tuple[sp.Expr, sp.Expr], ...] = ()
    labels: tuple[str, ...] = ()
    lotteries: bool = True
    curve: sp.Expr | None = None
    variable: sp.Symbol | None = None
    domain: tuple[sp.Expr, sp.Expr] | None = None

    def arrays(self, num: int = 101) -> tuple[np.ndarray, np.ndarray]:
        """The frontier as float arrays ``(u1, u2)`` (``num`` samples along a curve).

        Examples
        --------
        >>> import negotiation as ng
        >>> u = sp.Symbol("u1")
        >>> u1, u2 = ng.BargainingProblem.from_frontier(1 - u, u, (0, 1), (0, 0)
        ...                                              ).pareto_frontier().arrays(3)
        >>> u1.tolist(), u2.tolist()
        ([0.0, 0.5, 1.0], [1.0, 0.5, 0.0])
        """
        if self.curve is None:
            pts = np.array([[float(x), float(y)] for x, y in self.points], dtype=float)
            return pts[:, 0], pts[:, 1]
        assert self.variable is not None
        assert self.domain is not None
        names = free_parameters(self.curve, *self.domain)
        free = [s for s in names if s != self.variable]
        if free:
            raise FreeParameterError(
                "sampling the frontier needs numbers but it still depends on "
                + ", ".join(s.name for s in free)
                + "; give values with problem.subs(...)"
            )
        xs = np.linspace(float(self.domain[0]), float(self.domain[1]), num)
        fn = sp.lambdify(self.variable, self.curve, "numpy")
        ys = np.broadcast_to(np.asarray(fn(xs), dtype=float), xs.shape).copy()
        return xs, ys

    def __len__(self) -> int:
        return len(self.points)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


@dataclass(frozen=True, kw_only=True)
class BargainingProblem:
    """A two-player bargaining problem: a feasible set of utility pairs and a disagreement point.

    Build one with :meth:`from_points`, :meth:`from_frontier`,
    :meth:`from_game` or :meth:`from_scenario`. The feasible set is
    *comprehensive*: utility can always be thrown away, so ``d`` need only be
    weakly below some feasible outcome.

    Attributes
    ----------
    disagreement
        ``(d1, d2)``: what each player gets if bargaining fails.
    points, labels
        For a finite problem: the packages' utility pairs and their labels.
    lotteries
        Whether lotteries over packages are feasible (the convex hull).
    frontier, variable, domain
        For a frontier problem: ``u2 = frontier`` for ``variable`` in ``domain``.
    players
        The two players' names.
    name
        An optional title.

    Raises
    ------
    BargainingError
        For an empty set of packages, mismatched labels, an empty interval or a
        frontier that is not decreasing.
    """

    disagreement: tuple[sp.Expr, sp.Expr]
    points: tuple[tuple[sp.Expr, sp.Expr], ...] = ()
    labels: tuple[str, ...] = ()
    lotteries: bool = True
    frontier: sp.Expr | None = None
    variable: sp.Symbol | None = None
    domain: tuple[sp.Expr, sp.Expr] | None = None
    players: tuple[str, str] = PLAYERS
    name: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "disagreement", _pair(self.disagreement, "disagreement"))
        object.__setattr__(self, "players", _check_players(self.players))
        if self.name is not None and not isinstance(self.name, str):
            raise BargainingError(f"name must be a string or None, not {self.name!r}")
        if self.frontier is None:
            self._check_points()
        else:
            self._check_frontier()

    def _check_points(self) -> None:
        if not self.points:
            raise BargainingError(
                "the feasible set is empty; give at least one package, e.g. "
                "BargainingProblem.from_points([(3, 1), (1, 3)], (0, 0))"
            )
        points = tuple(_pair(p, f"package {k}") for k, p in enumerate(self.points))
        labels = tuple(self.labels) if self.labels else tuple(f"p{k}" for k in range(len(points)))
        if len(labels) != len(points):
            raise BargainingError(
                f"{len(labels)} labels for {len(points)} packages; give one label per package"
            )
        if not all(isinstance(s, str) and s for s in labels):
            raise BargainingError(f"package labels must be non-empty strings; got {labels!r}")
        if len(set(labels)) != len(labels):
            dup = sorted({s for s in labels if labels.count(s) > 1})
            raise BargainingError(f"duplicate package labels {dup}; every package needs its own")
        object.__setattr__(self, "points", points)
        object.__setattr__(self, "labels", labels)
        object.__setattr__(self, "lotteries", bool(self.lotteries))

    def _check_frontier(self) -> None:
        f = self.frontier
        u = self.variable
        if not isinstance(u, sp.Symbol):
            raise BargainingError(
                f"the frontier variable must be a sympy Symbol (the first player's utility), "
                f"e.g. sympy.Symbol('u1'); got {u!r}"
            )
        if isinstance(f, str):
            raise BargainingError(
                f"the frontier is the string {f!r}; give a sympy expression, e.g. 1 - u1**2"
            )
        f = sp.sympify(f)
        if not isinstance(f, sp.Expr):
            raise BargainingError(f"the frontier {f!r} is not an algebraic expression")
        if self.domain is None:
            raise BargainingError("a frontier needs an interval (low, high) for u1")
        low, high = _pair(self.domain, "the frontier interval")
        object.__setattr__(self, "frontier", f)
        object.__setattr__(self, "domain", (low, high))
        if (high - low).is_negative:
            raise BargainingError(
                f"the interval ({low}, {high}) for {u} is empty; give (low, high) with low < high"
            )
        if not f.has(u):
            raise BargainingError(
                f"the frontier u2 = {f} does not depend on {u}, so it is not decreasing; a "
                f"Pareto frontier must fall as {u} rises: check the expression or the variable"
            )
        self._check_decreasing(f, u, low, high)

    @staticmethod
    def _check_decreasing(f: sp.Expr, u: sp.Symbol, low: sp.Expr, high: sp.Expr) -> None:
        slope = sp.diff(f, u)
        message = (
            f"the frontier u2 = {f} is not decreasing on [{low}, {high}]; a Pareto frontier must "
            f"fall as {u} rises: check the sign of the expression or narrow the interval"
        )
        if (f.free_symbols - {u}) or low.free_symbols or high.free_symbols:
            if slope.is_nonnegative:
                raise BargainingError(message)
            return
        if low == high:
            return
        verdict = _falls_inside(f, u, low, high)
        if verdict is None:
            xs = np.linspace(float(low), float(high), 201)
            with np.errstate(all="ignore"):
                ys = np.asarray(sp.lambdify(u, f, "numpy")(xs), dtype=float)
            verdict = bool(np.all(np.diff(np.broadcast_to(ys, xs.shape)) <= 1e-12))
        if not verdict or not f.subs(u, high) < f.subs(u, low):
            raise BargainingError(message)

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_points(
        cls,
        points: Mapping[str, Sequence[Any]] | Sequence[Sequence[Any]],
        disagreement: Sequence[Any],
        *,
        lotteries: bool = True,
        players: Sequence[str] = PLAYERS,
        name: str | None = None,
    ) -> BargainingProblem:
        """A problem on a finite set of packages (and, with ``lotteries``, their convex hull).

        Parameters
        ----------
        points
            Utility pairs ``(u1, u2)``, or a mapping ``label -> (u1, u2)``.
            Unlabelled packages are called ``"p0"``, ``"p1"``, ...
        disagreement
            ``(d1, d2)``.
        lotteries
            Whether lotteries over packages are feasible (default ``True``).
        players, name
            For display.

        Raises
        ------
        BargainingError
            For an empty set or malformed pairs.

        Examples
        --------
        >>> p = BargainingProblem.from_points({"deal": (2, 2), "war": (-1, -1)}, (0, 0))
        >>> p.nash().package
        'deal'
        """
        if isinstance(points, Mapping):
            labels: tuple[str, ...] = tuple(points)
            pairs = tuple(points.values())
        else:
            if isinstance(points, str) or not isinstance(points, Sequence | np.ndarray):
                raise BargainingError(
                    f"points must be a list of (u1, u2) pairs or a mapping label -> (u1, u2); "
                    f"got {points!r}"
                )
            pairs = tuple(points)
            labels = ()
        return cls(
            points=pairs,  # type: ignore[arg-type]  # __post_init__ checks and normalises
            labels=labels,
            disagreement=disagreement,  # type: ignore[arg-type]  # __post_init__ checks and normalises
            lotteries=lotteries,
            players=tuple(players),  # type: ignore[arg-type]  # __post_init__ checks and normalises
            name=name,
        )

    @classmethod
    def from_frontier(
        cls,
        expr: Any,
        u1: sp.Symbol,
        interval: Sequence[Any],
        disagreement: Sequence[Any],
        *,
        players: Sequence[str] = PLAYERS,
        name: str | None = None,
    ) -> BargainingProblem:
        """A problem whose Pareto frontier is ``u2 = expr(u1)`` for ``u1`` in ``interval``.

        The frontier may depend on parameters (sympy symbols); the solutions
        are then closed forms in them.

        Raises
        ------
        BargainingError
            For an empty interval or a frontier that is not decreasing.

        Examples
        --------
        >>> u1, S, d1, d2 = sp.symbols("u1 S d1 d2")
        >>> pie = BargainingProblem.from_frontier(S - u1, u1, (d1, S - d2), (d1, d2))
        >>> pie.nash().utilities[0]
        S/2 + d1/2 - d2/2
        """
        return cls(
            frontier=expr,
            variable=u1,
            domain=tuple(interval),
            disagreement=disagreement,  # type: ignore[arg-type]  # __post_init__ checks and normalises
            players=tuple(players),  # type: ignore[arg-type]  # __post_init__ checks and normalises
            name=name,
        )

    @classmethod
    def from_game(
        cls,
        game: Any,
        status_quo: Sequence[Any],
        *,
        lotteries: bool = True,
        name: str | None = None,
    ) -> BargainingProblem:
        """The packages of a two-player game: every strategy profile, labelled ``"row/col"``.

        Parameters
        ----------
        game
            A :class:`negotiation.Game`.
        status_quo
            The profile ``(row_label, col_label)`` (or indices) played without
            agreement; its payoffs are the disagreement point.

        Examples
        --------
        >>> import negotiation as ng
        >>> pd = ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...              strategies=(("C", "D"), ("C", "D")))
        >>> BargainingProblem.from_game(pd, ("D", "D")).nash().package
        'C/C'
        """
        if isinstance(status_quo, str) or len(status_quo) != 2:
            raise BargainingError(
                f"the status quo must be a profile (row strategy, column strategy); "
                f"got {status_quo!r}"
            )
        i, j = game.index(0, status_quo[0]), game.index(1, status_quo[1])
        A, B = game.row_payoffs, game.col_payoffs
        rows, cols = game.strategies
        points = {
            f"{r}/{c}": (A[a, b], B[a, b]) for a, r in enumerate(rows) for b, c in enumerate(cols)
        }
        return cls.from_points(
            points,
            (A[i, j], B[i, j]),
            lotteries=lotteries,
            players=game.players,
            name=name if name is not None else game.name,
        )

    @classmethod
    def from_scenario(cls, scenario: Any, *, lotteries: bool = True) -> BargainingProblem:
        """The packages of a scenario's game, with its status quo as the disagreement point.

        ``scenario`` needs ``scenario.game()`` (a :class:`negotiation.Game`) and
        ``scenario.status_quo_profile`` (a ``(row_label, col_label)`` pair).

        Examples
        --------
        >>> import negotiation as ng
        >>> class Tiny:
        ...     status_quo_profile = ("D", "D")
        ...     def game(self):
        ...         return ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> BargainingProblem.from_scenario(Tiny()).disagreement
        (1, 1)
        """
        if not callable(getattr(scenario, "game", None)) or not hasattr(
            scenario, "status_quo_profile"
        ):
            raise BargainingError(
                f"{type(scenario).__name__} is not a scenario: from_scenario needs .game() and "
                ".status_quo_profile, e.g. negotiation.load('london_framework')"
            )
        game = scenario.game()
        title = getattr(scenario, "title", None) or getattr(scenario, "name", None)
        return cls.from_game(
            game,
            scenario.status_quo_profile,
            lotteries=lotteries,
            name=title if isinstance(title, str) else None,
        )

    # ------------------------------------------------------------------ basics
    @property
    def kind(self) -> str:
        """``"points"`` for a finite set of packages, ``"frontier"`` for a curve."""
        return "points" if self.frontier is None else "frontier"

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free sympy symbols of the problem, ordered by name."""
        objs: list[sp.Basic] = [*self.disagreement]
        objs += [v for p in self.points for v in p]
        if self.frontier is not None:
            assert self.domain is not None
            objs += [self.frontier, *self.domain]
        return tuple(s for s in free_parameters(*objs) if s != self.variable)

    @property
    def is_exact(self) -> bool:
        """Whether the problem is free of floats (its solutions are then exact)."""
        objs: list[sp.Basic] = [*self.disagreement, *(v for p in self.points for v in p)]
        if self.frontier is not None:
            assert self.domain is not None
            objs += [self.frontier, *self.domain]
        return not any(o.has(sp.Float) for o in objs)

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> BargainingProblem:
        """A new problem with some or all parameters replaced by values.

        Examples
        --------
        >>> t = sp.Symbol("t")
        >>> BargainingProblem.from_points([(t, 1), (1, t)], (0, 0)).subs(t=3).points
        ((3, 1), (1, 3))
        """
        m = normalise_substitution(self.parameters, values, kwargs)
        changes: dict[str, Any] = {
            "disagreement": tuple(v.subs(m) for v in self.disagreement),
            "points": tuple(tuple(v.subs(m) for v in p) for p in self.points),
        }
        if self.frontier is not None:
            assert self.domain is not None
            changes["frontier"] = self.frontier.subs(m)
            changes["domain"] = tuple(v.subs(m) for v in self.domain)
        return replace(self, **changes)

    def with_disagreement(self, disagreement: Sequence[Any]) -> BargainingProblem:
        """The same feasible set with another disagreement point.

        Examples
        --------
        >>> p = BargainingProblem.from_points([(4, 0), (0, 4)], (0, 0))
        >>> p.with_disagreement((2, 0)).nash().utilities
        (3, 1)
        """
        return replace(self, disagreement=tuple(disagreement))

    def restrict(self, labels: Sequence[str]) -> BargainingProblem:
        """The problem on a subset of its packages (same disagreement point).

        Raises
        ------
        BargainingError
            For a frontier problem, an unknown label or an empty subset.
        """
        require_points(self, "restrict")
        unknown = [s for s in labels if s not in self.labels]
        if unknown:
            raise BargainingError(
                f"no package {unknown[0]!r}; the packages are " + ", ".join(self.labels)
            )
        keep = [k for k, s in enumerate(self.labels) if s in set(labels)]
        return replace(
            self,
            points=tuple(self.points[k] for k in keep),
            labels=tuple(self.labels[k] for k in keep),
        )

    def utilities_of(self, package: str) -> tuple[sp.Expr, sp.Expr]:
        """The utilities of the package called ``package``.

        Raises
        ------
        BargainingError
            For an unknown label (the message lists the packages).
        """
        require_points(self, "look up a package")
        if package not in self.labels:
            raise BargainingError(
                f"no package {package!r}; the packages are " + ", ".join(self.labels)
            )
        return self.points[self.labels.index(package)]

    # ------------------------------------------------------------------ checks
    def _require_numeric(self, task: str) -> None:
        if self.parameters:
            names = ", ".join(p.name for p in self.parameters)
            hint = ", ".join(f"{p.name}=..." for p in self.parameters)
            raise FreeParameterError(
                f"{task} needs numbers but the problem still depends on {names}; "
                f"give values with problem.subs({hint})"
            )

    def _exact_curve(self) -> tuple[sp.Expr, sp.Symbol, sp.Expr, sp.Expr, tuple]:
        assert self.frontier is not None
        assert self.domain is not None
        assert self.variable is not None
        return (
            exact(self.frontier),
            self.variable,
            exact(self.domain[0]),
            exact(self.domain[1]),
            (exact(self.disagreement[0]), exact(self.disagreement[1])),
        )

    @property
    def gains_condition(self) -> sp.Basic:
        """The sympy condition that some feasible outcome beats ``d`` strictly for both players.

        ``sympy.true`` or ``sympy.false`` for a numeric problem.

        Examples
        --------
        >>> a = sp.Symbol("a")
        >>> BargainingProblem.from_points([(a, 1), (-1, 2)], (0, 0), lotteries=False
        ...                               ).gains_condition
        a > 0
        """
        if self.frontier is None:
            pts, d = exact_points(self)
            return _sol.gains_condition_points(pts, d, lotteries=self.lotteries)
        f, u, low, high, d = self._exact_curve()
        return _sol.gains_condition_curve(f, u, low, high, d)

    @property
    def has_gains_from_trade(self) -> bool:
        """Whether some feasible outcome beats the disagreement point for both players.

        Raises
        ------
        FreeParameterError
            When the answer depends on parameters still free.

        Examples
        --------
        >>> BargainingProblem.from_points([(5, -2), (-2, 4)], (0, 0)).has_gains_from_trade
        True
        >>> BargainingProblem.from_points([(5, -2), (-2, 4)], (0, 0), lotteries=False
        ...                               ).has_gains_from_trade
        False
        """
        cond = self.gains_condition
        if cond in (sp.true, sp.false):
            return bool(cond)
        self._require_numeric("deciding whether there are gains from trade")
        return bool(cond)  # pragma: no cover - a numeric condition always evaluates

    def _status(self) -> str:
        if self.frontier is None:
            pts, d = exact_points(self)
            return _sol.status_points(pts, d, lotteries=self.lotteries)
        f, u, low, high, d = self._exact_curve()
        return _sol.status_curve(f, u, low, high, d)

    def _prepare(self, task: str) -> None:
        """Check once before solving: numbers where needed, and gains from trade."""
        if self.frontier is None:
            self._require_numeric(task)
            _sol.require_gains(self._status(), self.disagreement)
            return
        f, u, low, high, d = self._exact_curve()
        if not self.parameters:
            _sol.require_gains(self._status(), self.disagreement)
        elif _sol.gains_condition_curve(f, u, low, high, d) is sp.false:
            raise BargainingError(
                f"no gains from trade: no point of the frontier gives both players more than "
                f"d = ({self.disagreement[0]}, {self.disagreement[1]}) for any parameter values"
            )

    # ------------------------------------------------------------------ solutions
    def _outcome(
        self, sol: _sol.Solution, method: str, beta: sp.Expr | None = None
    ) -> BargainingOutcome:
        inexact = not self.is_exact or (beta is not None and beta.has(sp.Float))
        package: str | Lottery | None = None
        if sol.weights:
            weights = [
                (self.labels[i], _finish(p, inexact)) for i, p in sorted(sol.weights) if p != 0
            ]
            package = weights[0][0] if len(weights) == 1 else Lottery(tuple(weights))
        return BargainingOutcome(
            utilities=(_finish(sol.u1, inexact), _finish(sol.u2, inexact)),
            method=method,
            package=package,
            disagreement=self.disagreement,
            beta=beta,
            condition=sol.condition,
            players=self.players,
        )

    def nash(self, beta: Any = HALF) -> BargainingOutcome:
        """The Nash bargaining solution, asymmetric when ``beta != 1/2``.

        Maximises ``(u1 - d1)**beta * (u2 - d2)**(1 - beta)`` over the feasible
        outcomes. Exact for rational utilities; a closed form on a symbolic
        frontier; a ``Piecewise`` in ``beta`` when ``beta`` is a symbol.

        Parameters
        ----------
        beta
            The first player's bargaining power, in (0, 1): a number, a sympy
            ``Rational`` or a symbol.

        Raises
        ------
        BargainingError
            When ``beta`` is outside (0, 1), or there are no gains from trade.
        FreeParameterError
            For a finite problem whose utilities still contain symbols.

        References
        ----------
        Nash (1950); Osborne and Rubinstein (1994), section 15.3.

        Examples
        --------
        >>> p = BargainingProblem.from_points({"a": (4, 0), "b": (0, 4)}, (0, 0))
        >>> p.nash(beta=sp.Rational(3, 4)).utilities
        (3, 1)
        >>> b = sp.Symbol("beta")
        >>> p.nash(beta=b).utilities[0]
        4*beta
        """
        b = check_unit_interval(beta, "beta", "beta=1/3")
        self._prepare("the Nash solution")
        b_exact = exact(b)
        if self.frontier is None:
            pts, d = exact_points(self)
            sol = _sol.nash_points(pts, d, b_exact, lotteries=self.lotteries)
        else:
            f, u, low, high, d = self._exact_curve()
            sol = _sol.nash_curve(f, u, low, high, d, b_exact)
        return self._outcome(sol, "nash", beta=b)

    def kalai_smorodinsky(self) -> BargainingOutcome:
        """The Kalai-Smorodinsky solution: gains in proportion to each player's ideal gain.

        References
        ----------
        Kalai and Smorodinsky (1975).

        Examples
        --------
        >>> p = BargainingProblem.from_points([(0, 4), (2, 3), (4, 0)], (0, 0))
        >>> p.kalai_smorodinsky().utilities
        (12/5, 12/5)
        """
        self._prepare("the Kalai-Smorodinsky solution")
        if self.frontier is None:
            pts, d = exact_points(self)
            sol = _sol.kalai_smorodinsky_points(pts, d, lotteries=self.lotteries)
        else:
            sol = _sol.kalai_smorodinsky_curve(*self._exact_curve())
        return self._outcome(sol, "kalai_smorodinsky")

    def egalitarian(self) -> BargainingOutcome:
        """The egalitarian solution: equal gains over ``d``, as large as possible.

        Examples
        --------
        >>> BargainingProblem.from_points([(0, 4), (6, 0)], (0, 0)).egalitarian().utilities
        (12/5, 12/5)
        """
        self._prepare("the egalitarian solution")
        if self.frontier is None:
            pts, d = exact_points(self)
            sol = _sol.egalitarian_points(pts, d, lotteries=self.lotteries)
        else:
            sol = _sol.egalitarian_curve(*self._exact_curve())
        return self._outcome(sol, "egalitarian")

    def utilitarian(self) -> BargainingOutcome:
        """The utilitarian solution: the largest joint utility among outcomes both accept.

        Ties are broken by the symmetric Nash product.

        Examples
        --------
        >>> BargainingProblem.from_points({"a": (5, 0), "b": (2, 2)}, (0, 0)).utilitarian()
        BargainingOutcome(method='utilitarian', utilities=(5, 0), package='a')
        """
        self._prepare("the utilitarian solution")
        if self.frontier is None:
            pts, d = exact_points(self)
            sol = _sol.utilitarian_points(pts, d, lotteries=self.lotteries)
        else:
            sol = _sol.utilitarian_curve(*self._exact_curve())
        return self._outcome(sol, "utilitarian")

    def solutions(self, beta: Any = HALF) -> tuple[BargainingOutcome, ...]:
        """Nash (with ``beta``), Kalai-Smorodinsky, egalitarian and utilitarian, in that order.

        Examples
        --------
        >>> p = BargainingProblem.from_points([(0, 4), (6, 0)], (0, 0))
        >>> [o.method for o in p.solutions()]
        ['nash', 'kalai_smorodinsky', 'egalitarian', 'utilitarian']
        """
        return (self.nash(beta), self.kalai_smorodinsky(), self.egalitarian(), self.utilitarian())

    def ideal_point(self) -> tuple[sp.Expr, sp.Expr]:
        """Each player's best utility among the outcomes both weakly prefer to ``d``.

        Examples
        --------
        >>> BargainingProblem.from_points([(0, 4), (2, 3), (4, 0)], (0, 0)).ideal_point()
        (4, 4)
        """
        self._prepare("the ideal point")
        inexact = not self.is_exact
        if self.frontier is None:
            pts, d = exact_points(self)
            x, y = _sol.ideal_point_points(pts, d, lotteries=self.lotteries)
        else:
            x, y = _sol.ideal_point_curve(*self._exact_curve())
        return _finish(x, inexact), _finish(y, inexact)

    # ------------------------------------------------------------------ Pareto
    def pareto_frontier(self) -> ParetoFrontier:
        """The Pareto frontier: efficient packages (and lotteries) or the frontier curve.

        Examples
        --------
        >>> p = BargainingProblem.from_points({"a": (3, 3), "b": (-2, 4), "c": (1, 1)}, (0, 0))
        >>> p.pareto_frontier()
        ParetoFrontier(b (-2, 4) -- a (3, 3))
        """
        if self.frontier is not None:
            return ParetoFrontier(
                curve=self.frontier, variable=self.variable, domain=self.domain, lotteries=True
            )
        self._require_numeric("the Pareto frontier")
        pts, _ = exact_points(self)
        idx = _sol.pareto_indices(pts, lotteries=self.lotteries)
        return ParetoFrontier(
            points=tuple(self.points[i] for i in idx),
            labels=tuple(self.labels[i] for i in idx),
            lotteries=self.lotteries,
        )

    def pareto_check(self, package: str | Sequence[Any]) -> ParetoCheck:
        """Whether a package (a label or a utility pair) is Pareto-efficient, and what dominates it.

        With lotteries a package can be dominated by a mix of others only; the
        check then names that lottery in ``improvement_package``.

        Examples
        --------
        >>> p = BargainingProblem.from_points({"a": (0, 2), "b": (2, 0), "c": (0.9, 0.9)}, (0, 0))
        >>> p.pareto_check("c")
        ParetoCheck('c' (0.9, 0.9) is dominated by the lottery a (0.5), b (0.5) giving (1, 1))
        """
        label = package if isinstance(package, str) else None
        if self.frontier is not None:
            if label is not None:
                raise BargainingError(
                    "a frontier problem has no package labels; give a utility pair (u1, u2)"
                )
            return self._pareto_check_curve(_pair(package, "package"))
        self._require_numeric("a Pareto check")
        u = self.utilities_of(label) if label is not None else _pair(package, "package")
        pts, _ = exact_points(self)
        x, y = exact(u[0]), exact(u[1])
        if label is None and _sol.status_points(pts, (x, y), lotteries=self.lotteries) == "outside":
            raise BargainingError(
                f"the point ({u[0]}, {u[1]}) is not feasible: no package"
                + (" or lottery" if self.lotteries else "")
                + " gives both players that much"
            )
        dominated_by = tuple(
            lab
            for lab, (a, b) in zip(self.labels, pts, strict=True)
            if a >= x and b >= y and (a > x or b > y)
        )
        if dominated_by:
            best = max(
                dominated_by,
                key=lambda s: pts[self.labels.index(s)][0] + pts[self.labels.index(s)][1],
            )
            return ParetoCheck(label, u, False, dominated_by, self.utilities_of(best), best)
        if not self.lotteries:
            return ParetoCheck(label, u, True)
        if _sol.status_points(pts, (x, y), lotteries=True) != "gains":
            return ParetoCheck(label, u, True)
        # dominated by a lottery only: the egalitarian improvement on it
        better = self._outcome(_sol.egalitarian_points(pts, (x, y), lotteries=True), "egalitarian")
        return ParetoCheck(label, u, False, (), better.utilities, better.package)

    def _pareto_check_curve(self, u: tuple[sp.Expr, sp.Expr]) -> ParetoCheck:
        self._require_numeric("a Pareto check")
        f, v, low, high, _ = self._exact_curve()
        x, y = exact(u[0]), exact(u[1])
        if x < low:
            top = (low, f.subs(v, low))
            return ParetoCheck(None, u, not (top[1] >= y), (), top if top[1] >= y else None)
        if x > high:
            raise BargainingError(
                f"the point ({u[0]}, {u[1]}) is not feasible: u1 exceeds the frontier's interval "
                f"[{low}, {high}]"
            )
        top_y = f.subs(v, x)
        if top_y < y:
            raise BargainingError(
                f"the point ({u[0]}, {u[1]}) is not feasible: it lies above the frontier "
                f"(u2 = {top_y} at u1 = {u[0]})"
            )
        if top_y > y:
            return ParetoCheck(None, u, False, (), (u[0], top_y))
        return ParetoCheck(None, u, True)

    def is_pareto_efficient(self, package: str | Sequence[Any]) -> bool:
        """Whether a package (label or utility pair) is Pareto-efficient.

        Examples
        --------
        >>> p = BargainingProblem.from_points({"a": (3, 3), "b": (1, 1)}, (0, 0))
        >>> p.is_pareto_efficient("a"), p.is_pareto_efficient("b")
        (True, False)
        """
        return self.pareto_check(package).efficient

    # ------------------------------------------------------------------ data for plots
    def feasible_vertices(self, num: int = 101) -> np.ndarray:
        """The feasible set's outline as a float array of shape ``(k, 2)``.

        For packages with lotteries, the convex hull's vertices counter-clockwise;
        without lotteries, the packages themselves; for a frontier curve, ``num``
        points along it followed by the two lower corners
        ``(high, m)`` and ``(low, m)`` with ``m = min(d2, f(high))``.

        Examples
        --------
        >>> BargainingProblem.from_points([(0, 0), (2, 0), (0, 2), (1, 1)], (0, 0)
        ...                               ).feasible_vertices().tolist()
        [[0.0, 0.0], [2.0, 0.0], [0.0, 2.0]]
        """
        self._require_numeric("the feasible set's vertices")
        if self.frontier is None:
            pts, _ = exact_points(self)
            idx = geometry.convex_hull_indices(pts) if self.lotteries else list(range(len(pts)))
            return np.array([[float(pts[i][0]), float(pts[i][1])] for i in idx], dtype=float)
        xs, ys = self.pareto_frontier().arrays(num)
        bottom = min(float(self.disagreement[1]), float(ys[-1]))
        outline = np.vstack([np.column_stack([xs, ys]), [[xs[-1], bottom], [xs[0], bottom]]])
        keep = np.r_[True, np.any(np.abs(np.diff(outline, axis=0)) > 0, axis=1)]
        return outline[keep]

    def frontier_points(self, num: int = 101) -> np.ndarray:
        """The Pareto frontier as a float array of shape ``(k, 2)``, by increasing ``u1``.

        Examples
        --------
        >>> BargainingProblem.from_points([(3, 1), (1, 3), (1, 1)], (0, 0)).frontier_points()
        array([[1., 3.],
               [3., 1.]])
        """
        self._require_numeric("the frontier's points")
        xs, ys = self.pareto_frontier().arrays(num)
        return np.column_stack([xs, ys])

    def disagreement_point(self) -> np.ndarray:
        """The disagreement point as a float array of shape ``(2,)``.

        Examples
        --------
        >>> BargainingProblem.from_points([(3, 1)], (-1, 0.5)).disagreement_point()
        array([-1. ,  0.5])
        """
        self._require_numeric("the disagreement point as numbers")
        return np.array([float(v) for v in self.disagreement], dtype=float)

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        return display.short(self)

    def __str__(self) -> str:
        return display.text(self)

    def _repr_html_(self) -> str:
        return display.html(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"
