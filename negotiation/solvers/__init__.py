"""The solvers, and the one table that says which solves what.

:data:`SOLVERS` maps each method name of :meth:`negotiation.Game.equilibria`
to a :class:`Solver`: the function that runs it and what it supports (how
many players, exact arithmetic, degenerate games). :meth:`Game.equilibria`
checks a request against this table and delegates; the error messages, the
command line and the docs read their lists of methods from it. Solver
functions take a :class:`~negotiation.solvers.tables.PayoffTables` and return
:class:`Solved`: probability vectors, one per player, for each equilibrium.
A solver's further keywords (its work bound, ``max_vertices``) are listed in
its entry's ``options``, so ``Game.equilibria`` passes them to the methods
that take them and refuses them for the others.
They are imported on first use, so ``import negotiation`` stays fast.

Examples
--------
>>> from negotiation.solvers import SOLVERS, methods_for
>>> SOLVERS["lemke_howson"].players
2
>>> methods_for(3)
('support_enumeration', 'logit', 'pure')
>>> methods_taking("max_vertices")
('vertex_enumeration', 'lemke_howson')
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from negotiation.solvers.tables import PayoffTables

__all__ = [
    "DEFAULT_TOL",
    "MAX_VERTICES",
    "METHODS",
    "SOLVERS",
    "PayoffTables",
    "Solved",
    "Solver",
    "methods_for",
    "methods_taking",
    "solver_for",
    "suggested_limit",
]

#: The one default tolerance for float comparisons in every numeric solver.
DEFAULT_TOL = 1e-9

#: The default work bound of vertex enumeration: the most polytope vertices it
#: may visit (:func:`negotiation.solvers.exact.vertex_bound`), about a minute on
#: one core and memory well under a gigabyte. ``Game.equilibria(max_vertices=...)``
#: raises it, or removes it with ``None``.
MAX_VERTICES = 1_000_000

#: The default work bounds of support enumeration, in support profiles: for
#: two players on floats (nashpy's equal-size support pairs, one small linear
#: solve each; an 8 x 8 game has 12,869, a few seconds), and for the polynomial
#: systems of three or more players or of ``exact=True`` (3x3x3: 343,
#: 2x2x2x2: 81, each a Groebner basis). ``Game.equilibria(max_supports=...)``
#: raises them, or removes them with ``None``.
MAX_SUPPORTS_TWO = 20_000
MAX_SUPPORTS = 1_000


def suggested_limit(bound: int) -> int:
    """A work limit that admits ``bound``: rounded up to two significant figures.

    Examples
    --------
    >>> suggested_limit(2_163_150), suggested_limit(8), suggested_limit(3375)
    (2200000, 8, 3400)
    """
    step = 10 ** max(len(str(bound)) - 2, 0)
    return -(-bound // step) * step


@dataclass(frozen=True)
class Solved:
    """What a solver found: one tuple of probability vectors per equilibrium.

    ``method`` names the method that produced them (a solver may hand over to
    another, e.g. Lemke-Howson to vertex enumeration when every path fails).
    ``exact`` says whether the vectors hold sympy numbers (else float arrays).
    ``payoffs``, when a solver has them at hand (float solvers only), gives
    each profile's expected payoffs, one per player, so they are not
    computed again. ``clean`` says that the float vectors are the solver's
    own arrays with every entry within ``tol`` of 0 already set to 0, so
    they are kept as they are rather than cleaned into copies.
    """

    profiles: list[tuple[Any, ...]]
    method: str
    exact: bool
    notes: tuple[str, ...] = ()
    payoffs: tuple[tuple[float, ...], ...] | None = None
    clean: bool = False


@dataclass(frozen=True)
class Solver:
    """One entry of the solver table.

    Attributes
    ----------
    name
        The method name, as passed to ``Game.equilibria(method=...)``.
    target
        ``"module:function"``: the solver, imported on first use; it is called
        as ``function(tables, exact=..., tol=..., **options)`` and returns
        :class:`Solved`.
    players
        The number of players it accepts: ``2``, or ``None`` for any number.
    exact
        Whether it can return exact (rational or algebraic) probabilities.
    degenerate
        Whether it finds every extreme equilibrium of degenerate games.
    finds
        ``"all"`` (every extreme or isolated equilibrium), ``"one"`` or ``"pure"``.
    summary
        One line for the docs, the errors and the command line.
    options
        The further keywords the function takes, e.g. ``("max_vertices",)``
        for a method that bounds its work by the vertices it may visit.
    """

    name: str
    target: str
    players: int | None
    exact: bool
    degenerate: bool
    finds: str
    summary: str
    options: tuple[str, ...] = ()
    _function: list[Callable[..., Solved]] = field(default_factory=list, repr=False, compare=False)

    def accepts(self, n_players: int) -> bool:
        """Whether the solver works for games with ``n_players`` players."""
        return self.players is None or self.players == n_players

    def __call__(self, tables: PayoffTables, *, exact: bool, tol: float, **options: Any) -> Solved:
        for option in options:
            if option not in self.options:
                raise TypeError(f"method {self.name!r} takes no option {option!r}")
        if not self._function:
            module, name = self.target.split(":")
            self._function.append(getattr(importlib.import_module(module), name))
        return self._function[0](tables, exact=exact, tol=tol, **options)


_TABLE: Sequence[Solver] = (
    Solver(
        "vertex_enumeration",
        "negotiation.solvers.numeric:solve_vertex_enumeration",
        players=2,
        exact=True,
        degenerate=True,
        finds="all",
        summary="every extreme equilibrium of a two-player game, by lexicographic vertex "
        "enumeration (compiled floats, exact arithmetic where floats cannot decide or with "
        "exact=True)",
        options=("max_vertices",),
    ),
    Solver(
        "support_enumeration",
        "negotiation.solvers.support:solve",
        players=None,
        exact=True,
        degenerate=False,
        finds="all",
        summary="every equilibrium with equal-size supports (two players), or of a game with "
        "finitely many equilibria (three or more players, by polynomial systems)",
        options=("max_supports",),
    ),
    Solver(
        "lemke_howson",
        "negotiation.solvers.numeric:solve_lemke_howson",
        players=2,
        exact=False,
        degenerate=False,
        finds="one",
        summary="one equilibrium of a two-player game, by Lemke-Howson pivoting",
        options=("max_vertices",),  # for its fallback to vertex enumeration
    ),
    Solver(
        "logit",
        "negotiation.solvers.logit:solve",
        players=None,
        exact=False,
        degenerate=True,
        finds="one",
        summary="the limit of the logit quantal response equilibria (Turocy's path following)",
    ),
    Solver(
        "pure",
        "negotiation.solvers.pure:solve",
        players=None,
        exact=True,
        degenerate=True,
        finds="pure",
        summary="every pure-strategy equilibrium, for any number of players",
    ),
)

#: The table: method name -> :class:`Solver`.
SOLVERS: dict[str, Solver] = {s.name: s for s in _TABLE}

#: Every method name, in the table's order.
METHODS: tuple[str, ...] = tuple(SOLVERS)


def methods_for(n_players: int, *, exact: bool = False) -> tuple[str, ...]:
    """The methods that solve games with ``n_players`` players (and exactly, if asked).

    Examples
    --------
    >>> methods_for(2, exact=True)
    ('vertex_enumeration', 'support_enumeration', 'pure')
    """
    return tuple(s.name for s in _TABLE if s.accepts(n_players) and (s.exact or not exact))


def solver_for(method: str, n_players: int) -> Solver | None:
    """The solver that runs ``method`` on a game of ``n_players``, or ``None`` if none does.

    The default method, ``"vertex_enumeration"``, is for two players; a game
    with three or more is solved by ``"support_enumeration"`` instead.

    Examples
    --------
    >>> solver_for("vertex_enumeration", 3).name, solver_for("lemke_howson", 3)
    ('support_enumeration', None)
    """
    solver = SOLVERS[method]
    if solver.accepts(n_players):
        return solver
    if method == "vertex_enumeration" and n_players > 2:
        return SOLVERS["support_enumeration"]
    return None


def methods_taking(option: str) -> tuple[str, ...]:
    """The methods whose solver takes the keyword ``option`` (e.g. ``"max_vertices"``)."""
    return tuple(s.name for s in _TABLE if option in s.options)
