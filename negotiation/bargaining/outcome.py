"""What a bargaining solution returns: the utilities, the package or lottery, the method.

:class:`BargainingOutcome` is the result of every solution concept of a
:class:`~negotiation.BargainingProblem`; a :class:`Lottery` is a mix of
packages; a :class:`ParetoCheck` says whether a package is efficient and what
improves on it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import sympy as sp

from negotiation import display
from negotiation.display.tables import Tabular
from negotiation.symbolic import bounded_simplify, free_parameters, normalise_substitution

__all__ = ["HALF", "METHOD_TITLES", "PLAYERS", "BargainingOutcome", "Lottery", "ParetoCheck"]

HALF = sp.Rational(1, 2)
PLAYERS = ("Player 1", "Player 2")
METHOD_TITLES = {
    "nash": "Nash bargaining solution",
    "kalai_smorodinsky": "Kalai-Smorodinsky solution",
    "egalitarian": "egalitarian solution",
    "utilitarian": "utilitarian solution",
}


@dataclass(frozen=True)
class Lottery(Mapping):
    """A lottery over packages: each label with its probability.

    Behaves as a read-only mapping ``label -> probability``.

    Examples
    --------
    >>> lot = Lottery((("L/D", sp.Rational(3, 4)), ("H/D", sp.Rational(1, 4))))
    >>> lot["L/D"], str(lot)
    (3/4, 'L/D (3/4), H/D (1/4)')
    """

    weights: tuple[tuple[str, sp.Expr], ...]

    def __getitem__(self, label: str) -> sp.Expr:
        for name, p in self.weights:
            if name == label:
                return p
        raise KeyError(label)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.weights)

    def __len__(self) -> int:
        return len(self.weights)

    def __str__(self) -> str:
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"


@dataclass(frozen=True)
class BargainingOutcome(Tabular):
    """A solution of a bargaining problem.

    Attributes
    ----------
    utilities
        The two players' utilities (sympy numbers; expressions on a symbolic
        problem; floats when the input had floats).
    method
        ``"nash"``, ``"kalai_smorodinsky"``, ``"egalitarian"`` or ``"utilitarian"``.
    package
        The package label achieving it, a :class:`Lottery` over labels when it
        takes a mix, or ``None`` (a frontier curve, or a symbolic answer).
    disagreement
        The disagreement point it was computed from.
    beta
        The first player's bargaining power (Nash only; ``None`` otherwise).
    condition
        Where a symbolic answer is valid (``sympy.true`` when unconditional).
    players
        The players' names, for display.

    Examples
    --------
    >>> import negotiation as ng
    >>> out = ng.BargainingProblem.from_points({"a": (4, 0), "b": (0, 2)}, (0, 0)).nash()
    >>> out.utilities, out.package
    ((2, 1), Lottery(a (1/2), b (1/2)))
    >>> out.gains
    (2, 1)
    """

    utilities: tuple[sp.Expr, sp.Expr]
    method: str
    package: str | Lottery | None = None
    disagreement: tuple[sp.Expr, sp.Expr] = (sp.Integer(0), sp.Integer(0))
    beta: sp.Expr | None = None
    condition: sp.Basic = sp.true
    players: tuple[str, str] = PLAYERS

    @property
    def lottery(self) -> Lottery | None:
        """The package as a :class:`Lottery` (probability 1 for a single package), or ``None``."""
        if isinstance(self.package, str):
            return Lottery(((self.package, sp.Integer(1)),))
        return self.package

    @property
    def gains(self) -> tuple[sp.Expr, sp.Expr]:
        """Each player's gain over the disagreement point."""
        return (
            bounded_simplify(self.utilities[0] - self.disagreement[0]),
            bounded_simplify(self.utilities[1] - self.disagreement[1]),
        )

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free symbols of the utilities and condition, ordered by name."""
        return free_parameters(*self.utilities, self.condition)

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> BargainingOutcome:
        """The outcome with parameters replaced by values (the package is kept).

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> u, s = sp.symbols("u1 s", positive=True)
        >>> out = ng.BargainingProblem.from_frontier(s - u, u, (0, s), (0, 0)).nash()
        >>> out.subs(s=4).utilities
        (2, 2)
        """
        mapping = normalise_substitution(self.parameters, values, kwargs)
        return replace(
            self,
            utilities=(
                bounded_simplify(self.utilities[0].subs(mapping)),
                bounded_simplify(self.utilities[1].subs(mapping)),
            ),
            disagreement=(self.disagreement[0].subs(mapping), self.disagreement[1].subs(mapping)),
            beta=None if self.beta is None else self.beta.subs(mapping),
            condition=self.condition.subs(mapping),
        )

    def __repr__(self) -> str:
        return display.short(self)

    def __str__(self) -> str:
        return display.text(self)

    def _repr_html_(self) -> str:
        return display.html(self)

    def _repr_latex_(self) -> str:
        return "$" + display.latex(self) + "$"


@dataclass(frozen=True)
class ParetoCheck:
    """Whether a package is Pareto-efficient and, if not, what dominates it.

    Attributes
    ----------
    package
        The label checked (``None`` when a utility pair was given).
    utilities
        Its utilities.
    efficient
        ``True`` when nothing feasible gives one player more and the other no less.
    dominated_by
        The labels of the packages that dominate it.
    improvement
        A point on the Pareto frontier that dominates it (``None`` when efficient).
    improvement_package
        The package or :class:`Lottery` achieving ``improvement``, where there is one.

    Examples
    --------
    >>> import negotiation as ng
    >>> p = ng.BargainingProblem.from_points({"a": (3, 3), "b": (1, 1), "c": (2, 0)}, (0, 0))
    >>> check = p.pareto_check("b")
    >>> check.efficient, check.dominated_by
    (False, ('a',))
    """

    package: str | None
    utilities: tuple[sp.Expr, sp.Expr]
    efficient: bool
    dominated_by: tuple[str, ...] = ()
    improvement: tuple[sp.Expr, sp.Expr] | None = None
    improvement_package: str | Lottery | None = None

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)
