"""Scenario files with continuous strategies: a tariff *rate* in an interval, and trade models.

A continuous scenario file has the ``[scenario]`` and ``[parameters.NAME]``
tables of every scenario file (see :mod:`negotiation.scenarios.files`), and
one ``[parties.NAME]`` table per player, in player order, with

* ``strategy = { low = 0, high = 2, unit = "ad valorem" }``: the interval
  the player chooses from (``symbol`` names the strategy in formulas; the
  default is ``t_NAME``);
* ``[parties.NAME.levels.LEVEL]`` tables (``value``, ``label``, ``unit``,
  ``description``, ``source``): named points of the interval, such as the
  rates of 2025. A level's name stands for its value in every formula of the
  file, so a rate is written once (``baseline_tariffs = { US = "us_2024" }``);
  the finite game on the levels is :meth:`ContinuousScenario.finite_game`;
* ``payoff = "expression"``, the player's payoff in the strategy symbols, the
  parameters and the levels, unless the payoffs come from a trade model.

A ``[trade_model]`` table derives the payoffs from a model of trade instead:
``model = "tariff_war"`` is :class:`negotiation.trade.TariffWar` (linear
import demand and export supply), with ``imports``, ``baseline_tariffs``,
``import_demand_elasticities`` and ``export_supply_elasticities`` (and
optionally ``political_weights`` and ``output_ratios``) each a table
``{ PARTY = number or "expression" }``, and ``source``, a text. Expressions
are read by the restricted parser of :mod:`negotiation.expressions`; nothing
in a file is executed. Decimals are read exactly (``0.55`` is ``11/20``).

Errors name the file, the line, the key and the fix.

Examples
--------
>>> import negotiation as ng
>>> war = ng.load("tariff_war_2025")
>>> war.players, war.level("us_london")
(('US', 'China'), 11/20)
>>> [f"{float(t):.1%}" for t in war.game().equilibria()[0].strategies]
['31.1%', '60.3%']
>>> loads(war.to_toml()) == war
True
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sympy as sp

from negotiation.errors import (
    ScenarioError,
    ScenarioFileError,
    UnsafeExpressionError,
)
from negotiation.expressions import check_name, expression_text, parse_expression
from negotiation.scenarios.scenario import Parameter, ParameterTable
from negotiation.scenarios.values import exact_number, scenario_error

if TYPE_CHECKING:
    from negotiation.games.continuous import ContinuousGame
    from negotiation.games.normal_form import Game
    from negotiation.trade import TariffWar

__all__ = [
    "TRADE_MODELS",
    "ContinuousScenario",
    "ContinuousStrategy",
    "RateLevel",
    "dumps",
    "is_continuous",
    "loads",
    "scenario_from_data",
]

TRADE_MODELS = ("tariff_war",)
"""The trade models a ``[trade_model]`` table can name."""

_TOP = {"scenario", "parameters", "parties", "trade_model"}
_SCENARIO_KEYS = {"name", "title", "date", "description", "payoff_unit", "sources"}
_PARAMETER_KEYS = {"default", "unit", "description", "source", "stylised", "low", "high"}
_PARTY_KEYS = {"title", "description", "strategy", "levels", "payoff"}
_STRATEGY_KEYS = {"low", "high", "unit", "symbol"}
_LEVEL_KEYS = {"value", "label", "unit", "description", "source"}
_TARIFF_FIELDS = (
    "imports",
    "baseline_tariffs",
    "import_demand_elasticities",
    "export_supply_elasticities",
    "political_weights",
    "output_ratios",
)
_TRADE_KEYS = {"model", "source", *_TARIFF_FIELDS}
_REQUIRED_FIELDS = _TARIFF_FIELDS[:4]
AD_VALOREM = "ad valorem"


# ---------------------------------------------------------------------- the scenario
@dataclass(frozen=True)
class ContinuousStrategy:
    """A player's interval of strategies, e.g. a tariff rate in ``[0, 2]`` (0% to 200%).

    Attributes
    ----------
    party, symbol
        The player, and the name of its strategy in formulas (``t_US``).
    low, high
        The bounds (exact numbers).
    unit
        ``"ad valorem"`` for a tariff rate (``0.55`` is 55%), or any other unit.
    """

    party: str
    symbol: str
    low: sp.Rational
    high: sp.Rational
    unit: str = ""


@dataclass(frozen=True)
class RateLevel:
    """A named point of a player's strategy set (a rate of 2025), usable in formulas by name."""

    party: str
    name: str
    value: sp.Rational
    label: str = ""
    unit: str = ""
    description: str = ""
    source: str = ""


@dataclass(frozen=True)
class ContinuousScenario:
    """A scenario whose players choose from intervals: payoffs as formulas or from a trade model.

    Read one with :func:`negotiation.load` (e.g. ``ng.load("tariff_war_2025")``).
    :meth:`game` is its :class:`~negotiation.ContinuousGame`, :meth:`finite_game`
    the finite game on its named levels, :meth:`trade_war` its trade model.

    Attributes
    ----------
    name, title, date, description, payoff_unit, sources
        As in every scenario file.
    parameter_info
        The declared parameters (:class:`~negotiation.scenarios.scenario.Parameter`).
    players, party_titles
        The players in order, and their long names.
    strategies
        One :class:`ContinuousStrategy` per player.
    levels
        The named levels (:class:`RateLevel`), in file order.
    payoffs
        Each player's payoff formula, or ``()`` when a trade model gives them.
    trade_model
        ``(model, {field: (value per player)}, source)``, or ``None``.
    """

    name: str
    title: str
    description: str
    payoff_unit: str
    sources: tuple[str, ...]
    parameter_info: tuple[Parameter, ...]
    players: tuple[str, ...]
    party_titles: tuple[str, ...]
    strategies: tuple[ContinuousStrategy, ...]
    levels: tuple[RateLevel, ...]
    payoffs: tuple[sp.Expr, ...] = ()
    trade_model: tuple[str, tuple[tuple[str, tuple[sp.Expr, ...]], ...], str] | None = None
    date: _dt.date | None = None
    issues: tuple[()] = field(default=(), repr=False)  # no discrete issues: for listings

    # ------------------------------------------------------------------ parameters
    @property
    def parameters(self) -> ParameterTable:
        """The declared parameters, ordered by name (look one up by name or symbol)."""
        return ParameterTable(self.parameter_info)

    @property
    def defaults(self) -> dict[sp.Symbol, sp.Rational]:
        """``{symbol: default value}`` (exact numbers), ordered by name."""
        return {p.symbol: p.default for p in self.parameters.values()}

    def with_defaults(
        self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any
    ) -> ContinuousScenario:
        """A new scenario with new default values for some parameters (ranges are checked).

        Examples
        --------
        >>> import negotiation as ng
        >>> ng.load("tariff_war_2025").with_defaults(epsilon_China=6).parameters["epsilon_China"].default
        6
        """
        changes = {getattr(k, "name", k): v for k, v in {**(values or {}), **kwargs}.items()}
        known = {p.name for p in self.parameter_info}
        for name in changes:
            if name not in known:
                raise ScenarioError(
                    f"no parameter {name!r} in scenario {self.name!r}; its parameters are "
                    + ", ".join(sorted(known))
                )
        info = tuple(
            replace(p, default=changes[p.name]) if p.name in changes else p
            for p in self.parameter_info
        )
        out = replace(self, parameter_info=info)
        _check_model(out)
        return out

    # ------------------------------------------------------------------ levels
    def level(self, name: str) -> sp.Rational:
        """The value of the level called ``name`` (``0.55`` for 55% is ``11/20``)."""
        for lv in self.levels:
            if lv.name == name:
                return lv.value
        raise ScenarioError(
            f"no level {name!r} in scenario {self.name!r}; its levels are "
            + ", ".join(lv.name for lv in self.levels)
        )

    def levels_of(self, party: str) -> tuple[RateLevel, ...]:
        """The levels of one player, in file order."""
        if party not in self.players:
            raise ScenarioError(f"no party {party!r}; the parties are {', '.join(self.players)}")
        return tuple(lv for lv in self.levels if lv.party == party)

    # ------------------------------------------------------------------ models
    def _values(self, symbolic: bool) -> dict[sp.Symbol, sp.Expr]:
        out: dict[sp.Symbol, sp.Expr] = {sp.Symbol(lv.name): lv.value for lv in self.levels}
        if not symbolic:
            out.update(self.defaults)
        return out

    def trade_war(self, *, symbolic: bool = False) -> TariffWar:
        """The :class:`~negotiation.trade.TariffWar` of the ``[trade_model]`` table.

        With ``symbolic=True`` the parameters stay symbols (levels are always numbers).

        Raises
        ------
        ScenarioError
            If the scenario has no trade model.
        """
        from negotiation.trade import TariffWar

        if self.trade_model is None:
            raise ScenarioError(
                f"scenario {self.name!r} has no [trade_model]; its payoffs are formulas: "
                "use .game()"
            )
        values = self._values(symbolic)
        fields = {
            key: tuple(sp.sympify(v).xreplace(values) for v in pair)
            for key, pair in self.trade_model[1]
        }
        low, high = self.strategies[0].low, self.strategies[0].high
        return TariffWar(
            **fields,  # type: ignore[arg-type]
            players=self.players,  # type: ignore[arg-type]
            min_tariff=low,
            max_tariff=high,
        )

    def game(self, symbolic: bool = False) -> ContinuousGame:
        """The :class:`~negotiation.ContinuousGame` (at the default values unless ``symbolic``).

        Examples
        --------
        >>> import negotiation as ng
        >>> ng.load("tariff_war_2025").game() == ng.trade.TariffWar(max_tariff=2).game()
        True
        """
        from negotiation.games.continuous import ContinuousGame

        if self.trade_model is not None:
            return self.trade_war(symbolic=symbolic).game()
        values = self._values(symbolic)
        return ContinuousGame(
            {p: u.xreplace(values) for p, u in zip(self.players, self.payoffs, strict=True)},
            {
                s.party: (sp.Symbol(s.symbol), s.low, s.high)
                for s in self.strategies  # in player order
            },
            players=self.players,
            name=self.title or self.name,
        )

    def finite_game(self, symbolic: bool = False, *, labels: Any = "percent") -> Game:
        """The finite game on each player's named levels (payoffs in the scenario's unit).

        Examples
        --------
        >>> import negotiation as ng
        >>> ng.load("tariff_war_2025").finite_game().strategies[0]
        ('20.8%', '30%', '55%', '145%')
        """
        levels = {p: [lv.value for lv in self.levels_of(p)] for p in self.players}
        for p, values in levels.items():
            if not values:
                raise ScenarioError(
                    f"party {p!r} has no levels; add [parties.{p}.levels.NAME] tables with a value"
                )
        if self.trade_model is not None:
            return self.trade_war(symbolic=symbolic).to_game(levels, labels=labels)
        return self.game(symbolic).discretize(levels, labels=labels)

    # ------------------------------------------------------------------ files
    def to_toml(self) -> str:
        """The scenario as TOML text that :func:`negotiation.load` reads back equal."""
        return dumps(self)

    def save(self, path: str | Path) -> Path:
        """Write the scenario as a TOML file; :func:`negotiation.load` reads it back equal."""
        from negotiation.scenarios.files import save

        return save(self, path)  # atomic: a failed write leaves an existing file as it was

    def summary(self) -> str:
        """A plain-text description: players, strategy sets, levels, parameters and sources."""
        lines = [str(self), ""]
        if self.description:
            lines += [self.description.strip(), ""]
        lines.append(f"Payoffs: {self.payoff_unit}" if self.payoff_unit else "Payoffs:")
        lines.append("Levels:")
        for lv in self.levels:
            label = f" ({lv.label})" if lv.label else ""
            lines.append(f"  * {lv.party} {lv.name} = {float(lv.value):.4g}{label}: {lv.source}")
        lines.append("Parameters:")
        for p in self.parameter_info:
            tag = " (stylised)" if p.stylised else ""
            lines.append(f"  {p.name} = {p.default} {p.unit}{tag}: {p.description}")
            if p.source:
                lines.append(f"      source: {p.source}")
        if self.sources:
            lines.append("Sources:")
            lines += [f"  - {s}" for s in self.sources]
        return "\n".join(lines)

    def __str__(self) -> str:
        lines = [f"{self.title or self.name} ({self.name})"]
        for s in self.strategies:
            lines.append(f"  {s.party}: {s.symbol} in [{s.low}, {s.high}] {s.unit}".rstrip())
        if self.trade_model is not None:
            lines.append(f"  payoffs from the trade model {self.trade_model[0]!r}")
        return "\n".join(lines)


# ---------------------------------------------------------------------- reading
def is_continuous(data: Mapping[str, Any]) -> bool:
    """Whether parsed TOML describes a continuous scenario (a trade model, or a party's ``strategy``)."""
    if "trade_model" in data:
        return True
    parties = data.get("parties")
    return isinstance(parties, Mapping) and any(
        isinstance(spec, Mapping) and "strategy" in spec for spec in parties.values()
    )


def loads(text: str, *, path: str | None = None) -> ContinuousScenario:
    """Read a continuous scenario from TOML text (``path`` only names the file in errors)."""
    import tomllib

    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as err:
        raise ScenarioFileError(
            f"not valid TOML: {err}; check quotes, brackets and '=' signs", path=path
        ) from None
    return scenario_from_data(data, text, path=path)


def scenario_from_data(
    data: Mapping[str, Any], text: str = "", *, path: str | None = None
) -> ContinuousScenario:
    """A continuous scenario from parsed TOML (``text`` locates the line of an error)."""
    try:
        return _scenario(data)
    except (ScenarioError, UnsafeExpressionError) as err:
        key = getattr(err, "key", None)
        raise ScenarioFileError(str(err), path=path, line=_line(text, key), key=key) from None


def _table(data: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise scenario_error(f"{key} must be a table ([{key}] or {{...}}), not {data!r}", key)
    return data


def _only(data: Mapping[str, Any], allowed: set[str], key: str) -> None:
    for name in data:
        if name not in allowed:
            raise scenario_error(
                f"unknown key {name!r} in {key}; the keys allowed there are "
                + ", ".join(sorted(allowed)),
                f"{key}.{name}",
            )


def _text(data: Mapping[str, Any], name: str, key: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise scenario_error(f"{key}.{name} must be text in quotes, not {value!r}", f"{key}.{name}")
    return value


def _number(value: Any, key: str, what: str) -> sp.Rational:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise scenario_error(
            f"{what} is {value!r}, which is not a number; write a number such as 0.55 "
            "(55%) or a fraction in quotes such as '1/3'",
            key,
        )
    try:
        return exact_number(value, what)
    except (ScenarioError, ValueError, TypeError):
        raise scenario_error(
            f"{what} is {value!r}, which is not a number; write a number such as 0.55 "
            "(55%) or a fraction in quotes such as '1/3'",
            key,
        ) from None


def _scenario(data: Mapping[str, Any]) -> ContinuousScenario:
    _only(data, _TOP, "the file")
    if "scenario" not in data:
        raise scenario_error(
            "the file has no [scenario] table; start with [scenario] and name = ...", ""
        )
    head = _table(data["scenario"], "scenario")
    _only(head, _SCENARIO_KEYS, "scenario")
    if not isinstance(head.get("name"), str) or not head["name"]:
        raise scenario_error('[scenario] needs a name, e.g. name = "my_scenario"', "scenario.name")
    sources = head.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise scenario_error("scenario.sources must be a list of texts", "scenario.sources")
    date = head.get("date")
    if isinstance(date, str):
        try:
            date = _dt.date.fromisoformat(date)
        except ValueError:
            date = None
    if date is not None and not isinstance(date, _dt.date):
        raise scenario_error("scenario.date must be a date such as 2025-06-10", "scenario.date")
    parameters = _parameters(data.get("parameters", {}))
    players, titles, strategies, levels, formulas = _parties(data.get("parties", {}))
    names = {p.name for p in parameters}
    for lv in levels:
        if lv.name in names:
            raise scenario_error(
                f"the level {lv.name!r} of {lv.party} has the name of a parameter; rename one "
                "(a level's name stands for its value in formulas)",
                f"parties.{lv.party}.levels.{lv.name}",
            )
    symbols = {s.symbol for s in strategies}
    for s in strategies:
        if s.symbol in names or s.symbol in {lv.name for lv in levels}:
            raise scenario_error(
                f"{s.party}'s strategy symbol {s.symbol!r} is also the name of a parameter or "
                'a level; give the strategy another symbol (strategy = { symbol = "..." })',
                f"parties.{s.party}.strategy.symbol",
            )
    allowed = {*names, *(lv.name for lv in levels)}
    trade = None
    payoffs: tuple[sp.Expr, ...] = ()
    if "trade_model" in data:
        trade = _trade_model(data["trade_model"], players, allowed, strategies)
        for p, formula in zip(players, formulas, strict=True):
            if formula is not None:
                raise scenario_error(
                    f"{p}'s payoff comes from [trade_model]; remove parties.{p}.payoff (or "
                    "remove [trade_model] and give every party a payoff formula)",
                    f"parties.{p}.payoff",
                )
    else:
        out = []
        for p, formula in zip(players, formulas, strict=True):
            key = f"parties.{p}.payoff"
            if formula is None:
                raise scenario_error(
                    f'party {p!r} needs payoff = "..." (a formula in '
                    + ", ".join(sorted(symbols))
                    + ", the parameters and the levels), or the file a [trade_model]",
                    key,
                )
            out.append(_parse(formula, {*allowed, *symbols}, key))
        payoffs = tuple(out)
    scenario = ContinuousScenario(
        name=head["name"],
        title=_text(head, "title", "scenario"),
        description=_text(head, "description", "scenario"),
        payoff_unit=_text(head, "payoff_unit", "scenario"),
        sources=tuple(sources),
        parameter_info=parameters,
        players=players,
        party_titles=titles,
        strategies=strategies,
        levels=levels,
        payoffs=payoffs,
        trade_model=trade,
        date=date,
    )
    _check_model(scenario)
    return scenario


def _parameters(data: Any) -> tuple[Parameter, ...]:
    out = []
    for name, spec in _table(data, "parameters").items():
        key = f"parameters.{name}"
        spec = _table(spec, key)
        _only(spec, _PARAMETER_KEYS, key)
        if "default" not in spec:
            raise scenario_error(f"parameter {name!r} needs a default value, e.g. default = 1", key)
        stylised = spec.get("stylised", False)
        if not isinstance(stylised, bool):
            raise scenario_error(f"{key}.stylised must be true or false", f"{key}.stylised")
        numbers = {
            k: None
            if k not in spec
            else _number(spec[k], f"{key}.{k}", f"{k} of parameter {name!r}")
            for k in ("default", "low", "high")
        }
        out.append(
            Parameter(
                name,
                numbers["default"],  # type: ignore[arg-type]
                unit=_text(spec, "unit", key),
                description=_text(spec, "description", key),
                source=_text(spec, "source", key),
                stylised=stylised,
                low=numbers["low"],
                high=numbers["high"],
            )
        )
    return tuple(out)


def _parties(
    data: Any,
) -> tuple[
    tuple[str, ...],
    tuple[str, ...],
    tuple[ContinuousStrategy, ...],
    tuple[RateLevel, ...],
    tuple[str | None, ...],
]:
    players, titles, strategies, levels, formulas = [], [], [], [], []
    seen: dict[str, str] = {}
    for name, spec in _table(data, "parties").items():
        key = f"parties.{name}"
        spec = _table(spec, key)
        _only(spec, _PARTY_KEYS, key)
        if "strategy" not in spec:
            raise scenario_error(
                f'party {name!r} needs strategy = {{ low = 0, high = 2, unit = "ad valorem" }}',
                f"{key}.strategy",
            )
        strategy = _strategy(name, _table(spec["strategy"], f"{key}.strategy"), f"{key}.strategy")
        for level_name, level in _table(spec.get("levels", {}), f"{key}.levels").items():
            level_key = f"{key}.levels.{level_name}"
            level = _table(level, level_key)
            _only(level, _LEVEL_KEYS, level_key)
            try:
                check_name(level_name, "level")
            except UnsafeExpressionError as err:
                raise scenario_error(
                    f"{err} (a level's name is used in formulas)", level_key
                ) from None
            if level_name in seen:
                raise scenario_error(
                    f"the level name {level_name!r} is used by {seen[level_name]} and {name}; "
                    "level names stand for values in formulas, so make them unique "
                    "(e.g. us_london, cn_london)",
                    level_key,
                )
            seen[level_name] = name
            if "value" not in level:
                raise scenario_error(
                    f"level {level_name!r} of {name} needs value = ... (e.g. value = 0.55 for 55%)",
                    level_key,
                )
            value = _number(
                level["value"], f"{level_key}.value", f"the value of level {level_name!r} of {name}"
            )
            unit = _text(level, "unit", level_key) or strategy.unit
            _check_rate(value, unit, f"level {level_name!r} of {name}", f"{level_key}.value")
            if not (strategy.low <= value <= strategy.high):
                raise scenario_error(
                    f"level {level_name!r} of {name} is {value}, outside its strategy set "
                    f"[{strategy.low}, {strategy.high}]; widen the strategy (low, high) or change "
                    "the level",
                    f"{level_key}.value",
                )
            levels.append(
                RateLevel(
                    name,
                    level_name,
                    value,
                    label=_text(level, "label", level_key),
                    unit=_text(level, "unit", level_key),
                    description=_text(level, "description", level_key),
                    source=_text(level, "source", level_key),
                )
            )
        payoff = spec.get("payoff")
        if payoff is not None and not isinstance(payoff, str | int | Decimal):
            raise scenario_error(
                f"{key}.payoff must be a formula in quotes, not {payoff!r}", f"{key}.payoff"
            )
        players.append(name)
        titles.append(_text(spec, "title", key))
        strategies.append(strategy)
        formulas.append(None if payoff is None else str(payoff))
    if len(players) < 2:
        raise scenario_error(
            "a continuous scenario needs two or more parties, one [parties.NAME] table each "
            f"in player order, each with a strategy = {{ low = ..., high = ... }}; this file has "
            f"{len(players)}",
            "parties",
        )
    symbols = [s.symbol for s in strategies]
    if len(set(symbols)) != len(symbols):
        raise scenario_error(
            "two parties have the same strategy symbol; give each its own "
            '(strategy = { symbol = "..." })',
            "parties",
        )
    return tuple(players), tuple(titles), tuple(strategies), tuple(levels), tuple(formulas)


def _check_rate(value: sp.Rational, unit: str, what: str, key: str) -> None:
    if unit == AD_VALOREM and value <= -1:
        raise scenario_error(
            f"{what} is {value}, a tariff at or below -100%, where the domestic price would not "
            "be positive; ad valorem rates are fractions above -1 (0.55 is 55%, -0.1 a 10% "
            "subsidy)",
            key,
        )


def _strategy(party: str, spec: Mapping[str, Any], key: str) -> ContinuousStrategy:
    _only(spec, _STRATEGY_KEYS, key)
    for needed in ("low", "high"):
        if needed not in spec:
            raise scenario_error(
                f"{party}'s strategy needs {needed} = ... (its interval, e.g. low = 0, high = 2 "
                "for tariffs from 0% to 200%)",
                f"{key}.{needed}",
            )
    low = _number(spec["low"], f"{key}.low", f"the low end of {party}'s strategy")
    high = _number(spec["high"], f"{key}.high", f"the high end of {party}'s strategy")
    unit = _text(spec, "unit", key)
    _check_rate(low, unit, f"the low end of {party}'s strategy", f"{key}.low")
    if not high > low:
        raise scenario_error(
            f"{party}'s strategy set is empty: high ({high}) must exceed low ({low})", f"{key}.high"
        )
    symbol = spec.get("symbol", f"t_{party}")
    if not isinstance(symbol, str):
        raise scenario_error(f'{key}.symbol must be a name in quotes, e.g. "t_{party}"', key)
    try:
        check_name(symbol, "strategy symbol")
    except UnsafeExpressionError as err:
        raise scenario_error(str(err), f"{key}.symbol") from None
    return ContinuousStrategy(party, symbol, low, high, unit)


def _parse(value: Any, names: set[str], key: str) -> sp.Expr:
    if isinstance(value, bool):
        raise scenario_error(f"{key} must be a number or a formula in quotes, not {value!r}", key)
    if isinstance(value, int | Decimal):
        return exact_number(value, key)
    if not isinstance(value, str):
        raise scenario_error(f"{key} must be a number or a formula in quotes, not {value!r}", key)
    try:
        return parse_expression(value, sorted(names), what=key)
    except UnsafeExpressionError as err:
        raise scenario_error(str(err), key) from None


def _trade_model(
    data: Any,
    players: tuple[str, ...],
    names: set[str],
    strategies: tuple[ContinuousStrategy, ...],
) -> tuple[str, tuple[tuple[str, tuple[sp.Expr, ...]], ...], str]:
    spec = _table(data, "trade_model")
    _only(spec, _TRADE_KEYS, "trade_model")
    model = spec.get("model")
    if model not in TRADE_MODELS:
        raise scenario_error(
            f"trade_model.model is {model!r}; the trade models are "
            + ", ".join(repr(m) for m in TRADE_MODELS)
            + ' (model = "tariff_war": linear import demand and export supply)',
            "trade_model.model",
        )
    if len(players) != 2:
        raise scenario_error(
            f"the tariff war has two countries; this file has {len(players)} parties", "parties"
        )
    a, b = strategies
    if (a.low, a.high) != (b.low, b.high):
        raise scenario_error(
            "the tariff war takes one range of tariffs for both countries; give both parties "
            f"the same strategy low and high (now [{a.low}, {a.high}] and [{b.low}, {b.high}])",
            f"parties.{b.party}.strategy",
        )
    for s in strategies:
        if s.symbol != f"t_{s.party}":
            raise scenario_error(
                f"with a trade model {s.party}'s tariff is t_{s.party}; remove the strategy's "
                "symbol",
                f"parties.{s.party}.strategy.symbol",
            )
    fields = []
    for field_name in _TARIFF_FIELDS:
        key = f"trade_model.{field_name}"
        if field_name not in spec:
            if field_name in _REQUIRED_FIELDS:
                raise scenario_error(
                    f"the tariff war needs {field_name} = {{ {players[0]} = ..., "
                    f"{players[1]} = ... }} (numbers, or formulas in the parameters and levels)",
                    key,
                )
            continue
        table = _table(spec[field_name], key)
        missing = [p for p in players if p not in table]
        extra = [k for k in table if k not in players]
        if missing or extra:
            raise scenario_error(
                f"{key} needs one value per party ({', '.join(players)}); "
                + (f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(extra)}"),
                key,
            )
        fields.append((field_name, tuple(_parse(table[p], names, f"{key}.{p}") for p in players)))
    return (str(model), tuple(fields), _text(spec, "source", "trade_model"))


def _check_model(scenario: ContinuousScenario) -> None:
    """Build the trade model at the defaults and at the ends of each declared range."""
    if scenario.trade_model is None:
        return
    from negotiation.errors import TradeModelError

    keys = dict(scenario.trade_model[1])
    used = {
        s.name: field_name
        for field_name, pair in keys.items()
        for v in pair
        for s in v.free_symbols
    }
    for p in scenario.parameter_info:
        for end, value in (("low", p.low), ("high", p.high)):
            if value is None or p.name not in used:
                continue
            if (
                used[p.name] in ("import_demand_elasticities", "export_supply_elasticities")
                and value <= 0
            ):
                raise scenario_error(
                    f"parameter {p.name!r} is an elasticity, so its range must stay above 0; "
                    f"its {end} end is {value}: give {end} > 0 (e.g. 0.5)",
                    f"parameters.{p.name}.{end}",
                )
    try:
        scenario.trade_war()
    except TradeModelError as err:
        culprit = _culprit(scenario, keys)
        raise scenario_error(f"{err} (check {culprit})", culprit) from None


def _culprit(scenario: ContinuousScenario, keys: Mapping[str, tuple[sp.Expr, ...]]) -> str:
    """The file key behind a trade-model error: the parameter (or value) that is out of range."""
    values = scenario._values(symbolic=False)
    for field_name, pair in keys.items():
        for k, v in enumerate(pair):
            x = v.xreplace(values)
            if not x.is_number:
                continue
            bad = ((field_name.endswith("elasticities") or field_name == "imports") and x <= 0) or (
                field_name == "baseline_tariffs" and x <= -1
            )
            if bad:  # a parameter's default when the value is just that parameter
                if isinstance(v, sp.Symbol) and v.name in scenario.parameters:
                    return f"parameters.{v.name}.default"
                return f"trade_model.{field_name}.{scenario.players[k]}"
    return "trade_model"


def _line(text: str, key: str | None) -> int | None:
    """The line of a dotted key in TOML text (the scenario files' line finder)."""
    from negotiation.scenarios.files import find_line

    if not key or not text:
        return None
    return find_line(text, key.removeprefix("the file."))


# ---------------------------------------------------------------------- writing
def _string(text: str) -> str:
    """A TOML basic string, every control character escaped (the writer of scenario files)."""
    from negotiation.scenarios.files import toml_string

    return toml_string(text)


def _number_text(value: sp.Rational) -> str:
    value = sp.Rational(value)
    if value.is_Integer:
        return str(int(value))
    q, twos, fives = int(value.q), 0, 0
    while q % 2 == 0:
        q, twos = q // 2, twos + 1
    while q % 5 == 0:
        q, fives = q // 5, fives + 1
    if q != 1:
        return _string(str(value))
    digits = max(twos, fives)
    scaled = int(value.p) * 10**digits // int(value.q)
    sign = "-" if scaled < 0 else ""
    body = str(abs(scaled)).rjust(digits + 1, "0")
    return f"{sign}{body[:-digits]}.{body[-digits:]}"


def _value_text(value: sp.Expr) -> str:
    if value.is_Rational:
        return _number_text(value)  # type: ignore[arg-type]
    return _string(expression_text(value))


def _items(items: Sequence[tuple[str, str | None]]) -> list[str]:
    return [f"{k} = {v}" for k, v in items if v is not None]


def _opt(text: str) -> str | None:
    return _string(text) if text else None


def dumps(scenario: ContinuousScenario) -> str:
    """The continuous scenario as TOML text that :func:`loads` reads back equal."""
    s = scenario
    blocks = [
        [
            "# Scenario file for the `negotiation` package (continuous strategies); see "
            "negotiation.scenarios.continuous_file.",
            "[scenario]",
            *_items(
                [
                    ("name", _string(s.name)),
                    ("title", _opt(s.title)),
                    ("date", s.date.isoformat() if s.date else None),
                    ("payoff_unit", _opt(s.payoff_unit)),
                    ("description", _opt(s.description)),
                    (
                        "sources",
                        "[\n" + "".join(f"  {_string(x)},\n" for x in s.sources) + "]"
                        if s.sources
                        else None,
                    ),
                ]
            ),
        ]
    ]
    for p in s.parameter_info:
        blocks.append(
            [
                f"[parameters.{p.name}]",
                *_items(
                    [
                        ("default", _number_text(p.default)),
                        ("unit", _opt(p.unit)),
                        ("description", _opt(p.description)),
                        ("source", _opt(p.source)),
                        ("stylised", "true" if p.stylised else None),
                        ("low", None if p.low is None else _number_text(p.low)),
                        ("high", None if p.high is None else _number_text(p.high)),
                    ]
                ),
            ]
        )
    if s.trade_model is not None:
        model, fields, source = s.trade_model
        lines = ["[trade_model]", f"model = {_string(model)}"]
        for field_name, pair in fields:
            inner = ", ".join(
                f"{p} = {_value_text(v)}" for p, v in zip(s.players, pair, strict=True)
            )
            lines.append(f"{field_name} = {{ {inner} }}")
        if source:
            lines.append(f"source = {_string(source)}")
        blocks.append(lines)
    for k, party in enumerate(s.players):
        st = s.strategies[k]
        strategy = [f"low = {_number_text(st.low)}", f"high = {_number_text(st.high)}"]
        if st.unit:
            strategy.append(f"unit = {_string(st.unit)}")
        if st.symbol != f"t_{party}":
            strategy.append(f"symbol = {_string(st.symbol)}")
        blocks.append(
            [
                f"[parties.{party}]",
                *_items(
                    [
                        ("title", _opt(s.party_titles[k])),
                        ("strategy", "{ " + ", ".join(strategy) + " }"),
                        ("payoff", _string(expression_text(s.payoffs[k])) if s.payoffs else None),
                    ]
                ),
            ]
        )
        for lv in s.levels_of(party):
            blocks.append(
                [
                    f"[parties.{party}.levels.{lv.name}]",
                    *_items(
                        [
                            ("value", _number_text(lv.value)),
                            ("label", _opt(lv.label)),
                            ("unit", _opt(lv.unit)),
                            ("description", _opt(lv.description)),
                            ("source", _opt(lv.source)),
                        ]
                    ),
                ]
            )
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
