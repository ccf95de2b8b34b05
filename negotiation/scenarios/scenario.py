"""Scenarios: a negotiation as data (parameters, issues, parties, bundles), turning into a game.

A :class:`Scenario` describes a negotiation the way an economist would: the
*issues* on the table (the US tariff on Chinese goods, rare-earth licences,
export controls, student visas), each with named *levels* and a status quo;
the *parties* (two, or more: a third buyer of the same magnets), each valuing
every level of every issue by a sympy expression in named *parameters* (with
a default, unit, description and source); and each party's *strategies*,
bundles of moves away from the status quo on the issues it controls. A move
to a level another party prefers is a concession.

A strategy profile fixes a level for every issue (the status quo where no
bundle moves it); a party's payoff is the sum over issues of its valuation of
the resulting level, plus any *interaction* terms whose conditions hold (e.g.
easing visas costs more at home when the magnets do not arrive).
:meth:`Scenario.game` turns this into a normal-form :class:`~negotiation.Game`
with one player per party, in the order the parties are declared.

Examples
--------
>>> import negotiation as ng
>>> s = ng.Scenario(
...     "toy",
...     parties=(ng.Party("US", valuations={"tariff": {"high": "gain"}}),
...              ng.Party("China", valuations={"tariff": {"high": "-harm"}})),
...     issues=(ng.Issue("tariff", ("low", "high"), status_quo="low", controlled_by="US"),),
...     strategies={"US": (ng.Strategy("Keep"), ng.Strategy("Raise", {"tariff": "high"})),
...                 "China": (ng.Strategy("Wait"),)},
...     parameter_info=(ng.Parameter("gain", 1), ng.Parameter("harm", 2)),
... )
>>> s.parameters["harm"]
Parameter(name='harm', default=2, unit='', description='', source='', stylised=False, low=None, high=None)
>>> list(s.parameters)
[gain, harm]
>>> print(s.game())
toy
US \\ China   Wait
Keep         0, 0
Raise        1, -2
>>> s.game(symbolic=True).row_payoffs
Matrix([
[   0],
[gain]])
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation import display
from negotiation.errors import ScenarioError, UnknownLabelError, UnsafeExpressionError
from negotiation.expressions import canonical, check_name, parse_expression
from negotiation.scenarios.issues import Issue
from negotiation.scenarios.parties import Concession, Party, Strategy
from negotiation.scenarios.values import (
    FrozenMap,
    check_mapping,
    check_ranges,
    check_text,
    exact_number,
    optional_number,
    scenario_error,
)

if TYPE_CHECKING:
    from negotiation.games.normal_form import Game

__all__ = ["Parameter", "ParameterTable", "Scenario"]


@dataclass(frozen=True)
class Parameter:
    """A named number in a scenario's payoffs, with its default, unit and source.

    Parameters
    ----------
    name
        A name usable in expressions (letters, digits, ``_``; not a function name).
    default
        The default value; stored as an exact sympy rational (``0.55`` -> ``11/20``).
    unit, description, source
        One-line texts; ``source`` says where the number comes from (for a
        stylised number, why it was chosen).
    stylised
        Whether the value is an illustrative choice rather than a sourced figure.
    low, high
        An optional range, e.g. for sliders; the default must lie inside it.

    Examples
    --------
    >>> p = Parameter("m", 1, unit="multiplier", low=0, high=4, stylised=True)
    >>> p.symbol, p.default, p.range
    (m, 1, (0, 4))
    """

    name: str
    default: sp.Rational
    unit: str = ""
    description: str = ""
    source: str = ""
    stylised: bool = False
    low: sp.Rational | None = None
    high: sp.Rational | None = None

    def __post_init__(self) -> None:
        try:
            check_name(self.name, "parameter")
        except UnsafeExpressionError as err:
            raise scenario_error(str(err), f"parameters.{self.name}") from None
        key = f"parameters.{self.name}"
        numbers = {}
        for attr, words in (
            ("default", "the default"),
            ("low", "the low end"),
            ("high", "the high end"),
        ):
            try:
                numbers[attr] = optional_number(
                    getattr(self, attr), f"{words} of parameter {self.name!r}"
                )
            except ScenarioError as err:
                raise scenario_error(str(err), f"{key}.{attr}") from None
        for attr in ("unit", "description", "source"):
            try:
                check_text(getattr(self, attr), f"parameter {self.name!r}'s {attr}")
            except ScenarioError as err:
                raise scenario_error(str(err), f"{key}.{attr}") from None
        default, low, high = numbers["default"], numbers["low"], numbers["high"]
        if default is None:
            raise scenario_error(f"parameter {self.name!r} needs a default value", f"{key}.default")
        if not isinstance(self.stylised, bool):
            raise scenario_error(
                f"parameter {self.name!r}: stylised must be true or false", f"{key}.stylised"
            )
        if low is not None and high is not None and low >= high:
            raise scenario_error(f"parameter {self.name!r} has low = {low} >= high = {high}", key)
        if (low is not None and default < low) or (high is not None and default > high):
            raise scenario_error(
                f"parameter {self.name!r} has default {default} outside its range "
                f"[{low if low is not None else '-inf'}, {high if high is not None else 'inf'}]",
                key,
            )
        object.__setattr__(self, "default", default)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    @property
    def symbol(self) -> sp.Symbol:
        """The sympy symbol standing for the parameter."""
        return sp.Symbol(self.name)

    @property
    def range(self) -> tuple[sp.Rational | None, sp.Rational | None]:
        """``(low, high)``; either may be ``None``."""
        return (self.low, self.high)


class ParameterTable(Mapping[sp.Symbol, Parameter]):
    """A scenario's parameters: a read-only mapping to each :class:`Parameter`, ordered by name.

    Look a parameter up by name or by symbol (``table["m"]``,
    ``table[sp.Symbol("m")]``, ``"m" in table``). Iterating gives the
    parameters' symbols, ordered by name, the same keys as
    :attr:`Scenario.defaults` (and as the tuple of symbols this used to be,
    so ``[s.name for s in scenario.parameters]`` keeps working).

    Examples
    --------
    >>> import negotiation as ng
    >>> params = ng.load("london_framework").parameters
    >>> params["m"].range, "m" in params, len(params)
    ((0, 5), True, 15)
    >>> params.names[:3], params.symbols[0]
    (('contained', 'ec_value_cn', 'ec_value_us'), contained)
    """

    __slots__ = ("_by_name",)

    def __init__(self, parameters: Iterable[Parameter] = ()) -> None:
        self._by_name = {p.name: p for p in sorted(parameters, key=lambda p: p.name)}

    @staticmethod
    def _name(key: Any) -> str | None:
        if isinstance(key, sp.Symbol):
            return key.name
        return key if isinstance(key, str) else None

    def __getitem__(self, key: Any) -> Parameter:
        name = self._name(key)
        if name is None or name not in self._by_name:
            raise UnknownLabelError(
                f"no parameter {key!r}; the parameters are " + (", ".join(self._by_name) or "none")
            )
        return self._by_name[name]

    def __contains__(self, key: object) -> bool:
        return self._name(key) in self._by_name

    def __iter__(self) -> Iterator[sp.Symbol]:
        return (p.symbol for p in self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ParameterTable):
            return self._by_name == other._by_name
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(tuple(self._by_name.values()))

    @property
    def names(self) -> tuple[str, ...]:
        """The parameters' names, in order."""
        return tuple(self._by_name)

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        """The parameters' sympy symbols, in order."""
        return tuple(self)

    def __repr__(self) -> str:
        return "ParameterTable(" + ", ".join(self._by_name) + ")"


@dataclass(frozen=True)
class Scenario:
    """A negotiation: parties, issues, parameters and bundles, turning into a game.

    Parameters
    ----------
    name
        A short key (the file name of a built-in scenario), e.g. ``"london_framework"``.
    parties
        Two or more parties, in player order: the first is the row player,
        the second the column player, and each further party adds an axis
        of the game (displayed as one table per strategy).
    issues
        The issues on the table.
    strategies
        ``{party name: (Strategy, ...)}``: each party's bundles, in table order.
    parameter_info
        The declared :class:`Parameter` objects; every name used in a payoff
        expression must be declared here.
    title, description, date
        Human-readable texts and the date of the episode (``datetime.date`` or
        an ISO string).
    payoff_unit
        What the payoff numbers measure (e.g. ``"stylised units"``).
    status_quo_profile
        The profile that leaves every issue at its status quo (the disagreement
        point), one strategy per party. Found automatically when each party has
        exactly one bundle that moves nothing; give it when that is not so.
    sources
        General references for the scenario.

    Raises
    ------
    ScenarioError
        For inconsistent parties, issues, bundles or parameters (the message
        names the part and the fix).
    UnsafeExpressionError
        For a payoff expression outside the restricted grammar or using an
        undeclared name.

    Notes
    -----
    ``scenario.game()`` returns the game at the parameters' *default values*
    (exact numbers); ``scenario.game(symbolic=True)`` keeps them free.
    ``scenario.subs(...)`` substitutes values and removes those parameters, as
    :meth:`negotiation.Game.subs` does; ``scenario.with_defaults(...)`` keeps
    them as parameters and changes their defaults.

    Examples
    --------
    >>> import negotiation as ng
    >>> london = ng.load("london_framework")
    >>> london.players, london.status_quo_profile
    (('US', 'China'), ('H', 'S'))
    >>> [eq.profile for eq in london.game().equilibria(exact=True)]
    [('H', 'S')]

    A third party adds a player:

    >>> third = ng.load("rare_earth_third_party")
    >>> third.players, third.game().shape
    (('US', 'China', 'Japan'), (2, 3, 2))
    >>> [eq.profile for eq in third.game().equilibria(method="pure")]
    [('Hold', 'Deliver', 'Hedge'), ('Escalate', 'Target', 'Hedge')]
    """

    name: str
    parties: tuple[Party, ...]
    issues: tuple[Issue, ...]
    strategies: Mapping[str, Sequence[Strategy]]
    parameter_info: tuple[Parameter, ...] = ()
    title: str = ""
    description: str = ""
    date: _dt.date | None = None
    payoff_unit: str = ""
    status_quo_profile: tuple[str, ...] | None = None
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self._check_texts()
        parties = self._check_parties()
        names = tuple(p.name for p in parties)
        parameters = self._check_parameters()
        issues = self._check_issues(names)
        strategies = self._check_strategies(names, issues)
        symbols = {p.name: p.symbol for p in parameters}
        parties = tuple(self._resolve_party(p, issues, symbols) for p in parties)
        object.__setattr__(self, "parties", parties)
        object.__setattr__(self, "issues", issues)
        object.__setattr__(self, "parameter_info", parameters)
        object.__setattr__(self, "strategies", strategies)
        object.__setattr__(
            self, "status_quo_profile", self._check_status_quo(names, issues, strategies)
        )

    # ------------------------------------------------------------------ validation
    def _check_texts(self) -> None:
        if (
            not isinstance(self.name, str)
            or not self.name
            or not all(c.isalnum() or c in "_-" for c in self.name)
        ):
            raise scenario_error(
                f"a scenario name is letters, digits, '_' or '-' (e.g. 'london_framework'); "
                f"got {self.name!r}",
                "scenario.name",
            )
        for attr in ("title", "description", "payoff_unit"):
            try:
                check_text(getattr(self, attr), f"the scenario's {attr}")
            except ScenarioError as err:
                raise scenario_error(str(err), f"scenario.{attr}") from None
        date = self.date
        if isinstance(date, str):
            try:
                date = _dt.date.fromisoformat(date)
            except ValueError:
                raise scenario_error(
                    f"the scenario's date {self.date!r} is not an ISO date such as 2025-06-10",
                    "scenario.date",
                ) from None
        if isinstance(date, _dt.datetime):
            date = date.date()
        if date is not None and not isinstance(date, _dt.date):
            raise scenario_error(
                f"the scenario's date must be a date, not {date!r}", "scenario.date"
            )
        object.__setattr__(self, "date", date)
        if isinstance(self.sources, str) or not isinstance(self.sources, Iterable):
            raise scenario_error(
                "the scenario's sources must be a list of texts", "scenario.sources"
            )
        sources = tuple(self.sources)
        for s in sources:
            check_text(s, "a scenario source")
        object.__setattr__(self, "sources", sources)

    def _check_parties(self) -> tuple[Party, ...]:
        parties = tuple(self.parties) if isinstance(self.parties, Iterable) else ()
        if len(parties) < 2 or not all(isinstance(p, Party) for p in parties):
            raise scenario_error(
                "a scenario has two or more parties (Party objects), in player order: row, "
                f"column, then any further parties; got {self.parties!r}",
                "parties",
            )
        names = [p.name for p in parties]
        repeated = next((n for n in names if names.count(n) > 1), None)
        if repeated is not None:
            which = "the two parties are" if len(parties) == 2 else "two parties are"
            raise scenario_error(
                f"{which} both called {repeated!r}; give each party its own name", "parties"
            )
        return parties

    def _check_parameters(self) -> tuple[Parameter, ...]:
        if isinstance(self.parameter_info, Parameter) or not isinstance(
            self.parameter_info, Iterable
        ):
            raise scenario_error(
                "parameter_info must be a sequence of Parameter objects", "parameters"
            )
        parameters = tuple(self.parameter_info)
        seen: set[str] = set()
        for p in parameters:
            if not isinstance(p, Parameter):
                raise scenario_error(
                    f"parameter_info must hold Parameter objects, not {p!r}", "parameters"
                )
            if p.name in seen:
                raise scenario_error(
                    f"parameter {p.name!r} is declared twice", f"parameters.{p.name}"
                )
            seen.add(p.name)
        return parameters

    def _check_issues(self, names: tuple[str, ...]) -> tuple[Issue, ...]:
        if isinstance(self.issues, Issue) or not isinstance(self.issues, Iterable):
            raise scenario_error("issues must be a sequence of Issue objects", "issues")
        issues = tuple(self.issues)
        if not issues:
            raise scenario_error("a scenario needs at least one issue", "issues")
        seen: set[str] = set()
        for issue in issues:
            if not isinstance(issue, Issue):
                raise scenario_error(f"issues must be Issue objects, not {issue!r}", "issues")
            if issue.name in seen:
                raise scenario_error(
                    f"issue {issue.name!r} is declared twice", f"issues.{issue.name}"
                )
            seen.add(issue.name)
            if issue.controlled_by not in names:
                raise scenario_error(
                    f"issue {issue.name!r} is controlled by {issue.controlled_by!r}, which is "
                    f"not a party; the parties are {_listing(names)}",
                    f"issues.{issue.name}.controlled_by",
                )
        return issues

    def _check_strategies(self, names: tuple[str, ...], issues: tuple[Issue, ...]) -> FrozenMap:
        given = check_mapping(self.strategies, "strategies")
        unknown = [k for k in given if k not in names]
        if unknown:
            raise scenario_error(
                f"strategies are given for {unknown[0]!r}, which is not a party; the parties "
                f"are {_listing(names)}",
                f"parties.{unknown[0]}.strategies",
            )
        by_issue = {issue.name: issue for issue in issues}
        out = {}
        for party in names:
            key = f"parties.{party}.strategies"
            bundles = given.get(party, ())
            if isinstance(bundles, Strategy) or not isinstance(bundles, Iterable):
                raise scenario_error(
                    f"{party}'s strategies must be a sequence of Strategy objects", key
                )
            bundles = tuple(bundles)
            if not bundles:
                raise scenario_error(f"{party} has no strategies; give at least one bundle", key)
            labels = [b.name for b in bundles if isinstance(b, Strategy)]
            if len(labels) != len(bundles):
                raise scenario_error(f"{party}'s strategies must be Strategy objects", key)
            duplicates = sorted({s for s in labels if labels.count(s) > 1})
            if duplicates:
                raise scenario_error(
                    f"{party} has duplicate strategies: {', '.join(duplicates)}", key
                )
            for bundle in bundles:
                for issue_name, level in bundle.moves.items():
                    where = f"{key}.{bundle.name}.moves.{issue_name}"
                    if issue_name not in by_issue:
                        raise scenario_error(
                            f"{party}'s strategy {bundle.name!r} moves {issue_name!r}, which is "
                            f"not an issue; the issues are {', '.join(by_issue)}",
                            where,
                        )
                    issue = by_issue[issue_name]
                    if issue.controlled_by != party:
                        raise scenario_error(
                            f"{party}'s strategy {bundle.name!r} moves {issue_name!r}, but that "
                            f"issue is controlled by {issue.controlled_by}",
                            where,
                        )
                    if level not in issue.level_names:
                        raise scenario_error(
                            f"{party}'s strategy {bundle.name!r} sets {issue_name!r} to "
                            f"{level!r}, which is not one of its levels "
                            f"({', '.join(issue.level_names)})",
                            where,
                        )
            out[party] = bundles
        return FrozenMap(out)

    def _resolve_party(
        self, party: Party, issues: tuple[Issue, ...], symbols: dict[str, sp.Symbol]
    ) -> Party:
        by_issue = {issue.name: issue for issue in issues}
        valuations = {}
        for issue_name, table in party.valuations.items():
            key = f"parties.{party.name}.valuations.{issue_name}"
            if issue_name not in by_issue:
                raise scenario_error(
                    f"{party.name} values {issue_name!r}, which is not an issue; the issues "
                    f"are {', '.join(by_issue)}",
                    key,
                )
            issue = by_issue[issue_name]
            resolved = {}
            for level, value in table.items():
                if level not in issue.level_names:
                    raise scenario_error(
                        f"{party.name} values level {level!r} of {issue_name!r}, which has "
                        f"only the levels {', '.join(issue.level_names)}",
                        f"{key}.{level}",
                    )
                resolved[level] = self._resolve_value(value, symbols, f"{key}.{level}")
            valuations[issue_name] = resolved
        interactions = []
        for k, item in enumerate(party.interactions):
            key = f"parties.{party.name}.interactions[{k}]"
            for issue_name, level in item.when.items():
                if issue_name not in by_issue:
                    raise scenario_error(
                        f"an interaction of {party.name} refers to {issue_name!r}, which is not "
                        f"an issue; the issues are {', '.join(by_issue)}",
                        f"{key}.when",
                    )
                if level not in by_issue[issue_name].level_names:
                    raise scenario_error(
                        f"an interaction of {party.name} needs {issue_name} = {level!r}, which "
                        f"is not one of its levels ({', '.join(by_issue[issue_name].level_names)})",
                        f"{key}.when",
                    )
            value = self._resolve_value(item.value, symbols, f"{key}.value")
            interactions.append(replace(item, value=value))
        return replace(party, valuations=valuations, interactions=tuple(interactions))

    @staticmethod
    def _resolve_value(value: Any, symbols: dict[str, sp.Symbol], key: str) -> sp.Expr:
        if isinstance(value, str):
            try:
                return parse_expression(value, symbols, what=key)
            except UnsafeExpressionError as err:
                err.key = key  # type: ignore[attr-defined]
                raise
        free = [s for s in value.free_symbols if isinstance(s, sp.Symbol)]
        undeclared = sorted(s.name for s in free if s.name not in symbols)
        if undeclared:
            raise scenario_error(
                f"{key} uses {', '.join(undeclared)}, which is not a declared parameter; "
                f"declared: {', '.join(sorted(symbols)) or 'none'}",
                key,
            )
        # symbols are matched by name, so Symbol("m", positive=True) means parameter m;
        # the expression is stored as a file would give it, so save/load is exact
        renamed = {s: symbols[s.name] for s in free if s != symbols[s.name]}
        try:
            return canonical(value.xreplace(renamed) if renamed else value, symbols)
        except UnsafeExpressionError as err:
            err.key = key  # type: ignore[attr-defined]
            raise

    def _check_status_quo(
        self, names: tuple[str, ...], issues: tuple[Issue, ...], strategies: Mapping[str, Any]
    ) -> tuple[str, ...]:
        status = {issue.name: issue.status_quo for issue in issues}
        if self.status_quo_profile is not None:
            profile = self.status_quo_profile
            if (
                isinstance(profile, str)
                or not isinstance(profile, Sequence)
                or len(profile) != len(names)
            ):
                what = (
                    "a pair of strategy names"
                    if len(names) == 2
                    else f"one strategy name per party ({', '.join(names)})"
                )
                raise scenario_error(
                    f"status_quo_profile must be {what}; got {profile!r}",
                    "scenario.status_quo_profile",
                )
            for party, label in zip(names, profile, strict=True):
                labels = [s.name for s in strategies[party]]
                if label not in labels:
                    raise scenario_error(
                        f"status_quo_profile names {label!r}, which is not a strategy of "
                        f"{party} ({', '.join(labels)})",
                        "scenario.status_quo_profile",
                    )
            return tuple(profile)
        found = []
        for party in names:
            idle = [
                s.name
                for s in strategies[party]
                if all(status[i] == level for i, level in s.moves.items())
            ]
            if len(idle) != 1:
                what = "no bundle" if not idle else f"{len(idle)} bundles ({', '.join(idle)})"
                form = "[row, column]" if len(names) == 2 else "[" + ", ".join(names) + "]"
                raise scenario_error(
                    f"{party} has {what} leaving every issue at the status quo, so the status "
                    f"quo profile is not clear; give status_quo_profile = {form}, one "
                    "strategy per party",
                    "scenario.status_quo_profile",
                )
            found.append(idle[0])
        return tuple(found)

    # ------------------------------------------------------------------ parameters
    @property
    def players(self) -> tuple[str, ...]:
        """The parties' names in player order: row, column, then any further parties."""
        return tuple(p.name for p in self.parties)

    @property
    def parameters(self) -> ParameterTable:
        """The declared parameters: a mapping to each :class:`Parameter`, ordered by name.

        Look one up by name or symbol (``scenario.parameters["m"].high``);
        iterating gives the symbols, ordered by name.
        """
        return ParameterTable(self.parameter_info)

    @property
    def defaults(self) -> dict[sp.Symbol, sp.Rational]:
        """``{symbol: default value}`` (exact numbers), ordered by name."""
        return {p.symbol: p.default for p in self.parameters.values()}

    def parameter(self, name: str | sp.Symbol) -> Parameter:
        """The :class:`Parameter` called ``name`` (a name or a symbol).

        Raises
        ------
        UnknownLabelError
            Listing the declared parameters.
        """
        key = name.name if isinstance(name, sp.Symbol) else name
        for p in self.parameter_info:
            if p.name == key:
                return p
        raise UnknownLabelError(
            f"{self.name} has no parameter {key!r}; its parameters are "
            + (", ".join(s.name for s in self.parameters) or "none")
        )

    def _values(self, values: Mapping[Any, Any] | None, kwargs: Mapping[str, Any]) -> dict:
        merged: dict[Any, Any] = dict(values or {})
        merged.update(kwargs)
        out: dict[str, sp.Rational] = {}
        for key, value in merged.items():
            name = key.name if isinstance(key, sp.Symbol) else key
            self.parameter(name)  # raises UnknownLabelError listing the parameters
            try:
                out[name] = exact_number(value, f"the value of {name}")
            except ScenarioError as err:
                raise ScenarioError(f"{err}; give e.g. {name}=0.5 or {name}='1/3'") from None
        return out

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> Scenario:
        """A new scenario with some parameters replaced by numbers (and no longer declared).

        Accepts ``{symbol: value}``, ``{"name": value}`` and ``name=value``, as
        :meth:`negotiation.Game.subs` does. Values become exact rationals
        (floats are read as the decimal they print as: ``0.3`` is ``3/10``).

        Raises
        ------
        UnknownLabelError
            For a name that is not a parameter (the message lists them).
        ScenarioError
            For a value that is not a number.

        See Also
        --------
        with_defaults : keep the parameters, change their default values.

        Examples
        --------
        >>> import negotiation as ng
        >>> london = ng.load("london_framework")
        >>> "m" in [s.name for s in london.subs(m=2).parameters]
        False
        """
        numbers = self._values(values, kwargs)
        mapping = {sp.Symbol(name): value for name, value in numbers.items()}

        def put(expr: sp.Expr) -> sp.Expr:
            return sp.sympify(expr).xreplace(mapping)

        parties = tuple(
            replace(
                party,
                valuations={
                    issue: {level: put(v) for level, v in table.items()}
                    for issue, table in party.valuations.items()
                },
                interactions=tuple(
                    replace(item, value=put(item.value)) for item in party.interactions
                ),
            )
            for party in self.parties
        )
        return replace(
            self,
            parties=parties,
            parameter_info=tuple(p for p in self.parameter_info if p.name not in numbers),
        )

    def with_defaults(
        self, values: Mapping[Any, Any] | None = None, /, *, strict: bool = False, **kwargs: Any
    ) -> Scenario:
        """A new scenario whose parameters keep their names but get new default values.

        Parameters
        ----------
        values
            ``{name or symbol: value}``; or give the values as keywords.
        strict
            Raise :class:`~negotiation.ParameterRangeError` for a value outside
            a parameter's declared range, instead of warning.
        **kwargs
            ``name=value`` for each parameter to change.

        Warns
        -----
        ParameterRangeWarning
            For a value outside its parameter's declared range, naming the
            range; the range is then widened to take the value.

        Raises
        ------
        UnknownLabelError
            For a name that is not a parameter (the message lists them).
        ScenarioError
            For a value that is not a number.
        ParameterRangeError
            Under ``strict=True``, for a value outside its declared range.

        Examples
        --------
        >>> import negotiation as ng
        >>> london = ng.load("london_framework").with_defaults(m=3)
        >>> london.parameter("m").default, london.game().row_payoffs[0, 2]
        (3, -14)
        >>> ng.load("london_framework").with_defaults(m=20, strict=True)
        Traceback (most recent call last):
        ...
        negotiation.errors.ParameterRangeError: with_defaults gives m = 20, outside the range [0, 5] that london_framework declares for m; give a value from 0 to 5, or widen the range in the scenario (parameters.m.low and .high)
        """
        if not isinstance(strict, bool):
            raise ScenarioError(f"strict must be True or False; got {strict!r}")
        numbers = self._values(values, kwargs)
        check_ranges(self, numbers, strict=strict, source="with_defaults", stacklevel=2)
        info = []
        for p in self.parameter_info:
            if p.name in numbers:
                v = numbers[p.name]
                low = None if p.low is None else min(p.low, v)
                high = None if p.high is None else max(p.high, v)
                p = replace(p, default=v, low=low, high=high)
            info.append(p)
        return replace(self, parameter_info=tuple(info))

    # ------------------------------------------------------------------ outcomes and payoffs
    def issue(self, name: str) -> Issue:
        """The issue called ``name``."""
        for issue in self.issues:
            if issue.name == name:
                return issue
        raise UnknownLabelError(
            f"{self.name} has no issue {name!r}; its issues are "
            + ", ".join(i.name for i in self.issues)
        )

    def party(self, name: str | int) -> Party:
        """The party called ``name``, or at index ``name`` (0 is the row party, 1 the column)."""
        if isinstance(name, int) and not isinstance(name, bool) and 0 <= name < len(self.parties):
            return self.parties[name]
        for party in self.parties:
            if party.name == name:
                return party
        raise UnknownLabelError(
            f"{self.name} has no party {name!r}; the parties are "
            + ", ".join(repr(p) for p in self.players)
        )

    def strategy(self, party: str | int, name: str) -> Strategy:
        """The bundle called ``name`` of ``party``."""
        bundles = self.strategies[self.party(party).name]
        for bundle in bundles:
            if bundle.name == name:
                return bundle
        raise UnknownLabelError(
            f"{self.party(party).name} has no strategy {name!r}; its strategies are "
            + ", ".join(b.name for b in bundles)
        )

    @property
    def status_quo(self) -> FrozenMap:
        """``{issue: status-quo level}``."""
        return FrozenMap({issue.name: issue.status_quo for issue in self.issues})

    def outcome(self, profile: Sequence[str]) -> FrozenMap:
        """The level of every issue when the parties play ``profile``, one strategy per party.

        Examples
        --------
        >>> import negotiation as ng
        >>> ng.load("london_framework").outcome(("L", "D"))["rare_earths"]
        'up_front'
        >>> ng.load("rare_earth_third_party").outcome(("Hold", "Target", "Align"))["magnets_us"]
        'withheld'
        """
        levels = dict(self.status_quo)
        for bundle in self._profile(profile):
            levels.update(bundle.moves)
        return FrozenMap(levels)

    def _profile(self, profile: Sequence[str]) -> tuple[Strategy, ...]:
        n = len(self.parties)
        if isinstance(profile, str) or not isinstance(profile, Sequence) or len(profile) != n:
            what = (
                "a pair (row strategy, column strategy)"
                if n == 2
                else f"one strategy per party ({', '.join(self.players)})"
            )
            raise UnknownLabelError(f"a profile is {what}; got {profile!r}")
        return tuple(self.strategy(k, label) for k, label in enumerate(profile))

    def concessions(self, party: str | int, strategy: str) -> tuple[Concession, ...]:
        """The moves away from the status quo that a bundle makes.

        Examples
        --------
        >>> import negotiation as ng
        >>> [str(c) for c in ng.load("london_framework").concessions("US", "L")]
        ['US: export_controls held -> lifted', 'US: student_visas restricted -> eased']
        """
        owner = self.party(party).name
        bundle = self.strategy(owner, strategy)
        status = self.status_quo
        return tuple(
            Concession(owner, issue, status[issue], level)
            for issue, level in bundle.moves.items()
            if level != status[issue]
        )

    def payoff_terms(self, profile: Sequence[str], party: str | int) -> tuple[tuple[str, Any], ...]:
        """The terms of ``party``'s payoff at ``profile``: one per issue, then interactions.

        Each term is ``(label, expression)``; the payoff is their sum (symbolic).

        Examples
        --------
        >>> import negotiation as ng
        >>> terms = ng.load("london_framework").payoff_terms(("L", "W"), "US")
        >>> terms[2], terms[-1]
        (('rare_earths = withheld', -m*re_loss_us), ('interaction: student_visas = eased & rare_earths = withheld', -visa_politics_us))
        """
        who = self.party(party)
        outcome = self.outcome(profile)
        terms: list[tuple[str, Any]] = [
            (f"{issue.name} = {outcome[issue.name]}", who.value(issue.name, outcome[issue.name]))
            for issue in self.issues
        ]
        for item in who.interactions:
            if item.applies(outcome):
                label = " & ".join(f"{i} = {lv}" for i, lv in item.when.items())
                terms.append((f"interaction: {label}", item.value))
        return tuple(terms)

    def payoff(self, profile: Sequence[str], party: str | int) -> sp.Expr:
        """``party``'s payoff at ``profile`` (one strategy per party), symbolic in the parameters.

        Examples
        --------
        >>> import negotiation as ng
        >>> ng.load("rare_earth_third_party").payoff(("Escalate", "Target", "Hedge"), "China")
        lever_cn - re_withhold_cn + retaliation_cn - tariff_escalation_cn
        """
        return sp.Add(*(value for _, value in self.payoff_terms(profile, party)))

    def game(self, *, symbolic: bool = False) -> Game:
        """The normal-form game: players are the parties, strategy labels the bundles' names.

        One axis per party, in the order the parties are declared; with three or
        more parties :attr:`negotiation.Game.payoffs` holds one N-dimensional
        array per party.

        Parameters
        ----------
        symbolic
            ``False`` (default): payoffs at the parameters' default values, as
            exact numbers. ``True``: payoffs as expressions in the parameters.

        Returns
        -------
        negotiation.Game

        Examples
        --------
        >>> import negotiation as ng
        >>> g = ng.load("tariff_dilemma").game()
        >>> g.row_payoffs.tolist(), g.col_payoffs.tolist()
        ([[0, -40], [10, -30]], [[0, 10], [-90, -70]])
        >>> ng.load("rare_earth_third_party").game().payoffs[2][1, 2, 1]  # Japan's payoff
        -4
        """
        from negotiation.games.normal_form import Game

        labels = tuple(tuple(s.name for s in self.strategies[p]) for p in self.players)
        defaults = None if symbolic else self.defaults
        tables: list[list[Any]] = [[] for _ in self.parties]
        for profile in product(*labels):
            for p, table in enumerate(tables):
                value = self.payoff(profile, p)
                table.append(value if defaults is None else value.xreplace(defaults))
        shape = tuple(len(s) for s in labels)
        return Game(
            *(np.array(t, dtype=object).reshape(shape).tolist() for t in tables),
            players=self.players,
            strategies=labels,
            name=self.title or self.name,
            titles=tuple(
                tuple(s.title or s.name for s in self.strategies[p]) for p in self.players
            ),
        )

    # ------------------------------------------------------------------ files and display
    def save(self, path: str | Path) -> Path:
        """Write the scenario as a TOML file that :func:`negotiation.load` reads back equal.

        The write is atomic (a temporary file in the same folder, then a rename),
        so a failure leaves an existing file as it was. The file is written in
        a standard layout: comments of a file the scenario was read from are
        not kept.

        Raises
        ------
        ScenarioError
            If the scenario cannot be written as a file (a payoff outside the
            file grammar, a number beyond ``10**1000``, a lone surrogate in a text).
        ScenarioFileError
            If the file cannot be written (the message gives the path and reason).
        """
        from negotiation.scenarios.files import save

        return save(self, path)

    def to_toml(self) -> str:
        """The scenario as TOML text (see :func:`negotiation.scenarios.files.dumps`)."""
        from negotiation.scenarios.files import dumps

        return dumps(self)

    def summary(self) -> str:
        """A plain-text description: parties, issues, parameters, bundles and payoff table."""
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)

    def __str__(self) -> str:
        return display.text(self)


def _listing(names: Sequence[str]) -> str:
    """``'US' and 'China'``, or ``'US', 'China' and 'Japan'``."""
    quoted = [repr(n) for n in names]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
