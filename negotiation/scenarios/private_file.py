"""Scenarios with private information: a party whose payoffs depend on a type only it knows.

A scenario file may add a ``[types.PARTY.TYPE]`` table for each type of an
informed party: its ``probability`` (a number or an expression in the
scenario's parameters, e.g. ``"p"`` and ``"1 - p"``), a ``title`` and
``description``, and the payoff terms that belong to that type, written as
under ``[parties.PARTY]``: ``[types.PARTY.TYPE.valuations.ISSUE]`` tables
(which replace the party's own table for that issue) and
``[[types.PARTY.TYPE.interactions]]`` (added to the party's own). The
probabilities of a party's types must sum to one; several informed parties
have independent types. Everything else in the file is an ordinary scenario.

The result is a :class:`PrivateScenario`: a :class:`~negotiation.Scenario`
whose :meth:`~PrivateScenario.bayesian_game` is the
:class:`~negotiation.BayesianGame` of the negotiation, and whose ``game()`` is
that game's Harsanyi (ex-ante) strategic form, so ``negotiation show`` and
``negotiation solve`` work on it as on any scenario. The built-in
``october_2025`` is one.

Examples
--------
>>> import negotiation as ng
>>> october = ng.load("october_2025")
>>> [(t.party, t.name, t.probability) for t in october.types]
[('US', 'resolved', p), ('US', 'irresolute', 1 - p)]
>>> october.bayesian_game().types
(('resolved', 'irresolute'), ('any',))
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sympy as sp

from negotiation import display
from negotiation.errors import InvalidGameError, ScenarioError, UnsafeExpressionError
from negotiation.expressions import canonical, expression_text, parse_expression
from negotiation.scenarios.issues import Issue
from negotiation.scenarios.parties import Interaction, Party, check_levels_listed
from negotiation.scenarios.scenario import Scenario
from negotiation.scenarios.values import check_text, exact_number, scenario_error

if TYPE_CHECKING:
    from negotiation.games.bayesian import BayesianGame
    from negotiation.games.normal_form import Game

__all__ = ["PrivateScenario", "PrivateType", "private_scenario", "types_toml"]

#: The type label of a party without private information in :meth:`PrivateScenario.bayesian_game`.
ONE_TYPE = "any"
_TYPE_KEYS = {"probability", "title", "description", "valuations", "interactions"}


@dataclass(frozen=True)
class PrivateType:
    """One type of an informed party: its probability and the payoff terms that are its own.

    Attributes
    ----------
    party
        The informed party's name.
    name
        The type's label, e.g. ``"resolved"``.
    probability
        Its prior probability: a number or an expression in the parameters.
    terms
        A :class:`~negotiation.scenarios.parties.Party` (named like the
        informed party) holding this type's valuations, which replace the
        party's own table for the same issue, and interactions, which are
        added to the party's own.
    title, description
        Texts for display.
    """

    party: str
    name: str
    probability: Any
    terms: Party = field(default_factory=lambda: Party("_"))
    title: str = ""
    description: str = ""

    def __post_init__(self) -> None:
        check_text(self.title, f"type {self.name!r}'s title")
        check_text(self.description, f"type {self.name!r}'s description")
        if self.terms.name == "_":
            object.__setattr__(self, "terms", Party(self.party))


@dataclass(frozen=True, repr=False)
class PrivateScenario(Scenario):
    """A scenario in which some parties have private types (see the module docstring).

    Parameters
    ----------
    types
        The :class:`PrivateType` objects of every informed party, grouped by
        party in player order; every other parameter is as for
        :class:`~negotiation.Scenario`. The parties' own valuations and
        interactions are what all their types share.

    Raises
    ------
    ScenarioError
        For a type of a party that does not exist, a party with a single type,
        probabilities that are negative or do not sum to one, and the errors of
        a scenario in a type's payoff terms (the key names the type).

    Notes
    -----
    :meth:`game` is the Harsanyi strategic form (a strategy is a plan: one
    bundle per type); :meth:`payoff` and :meth:`outcome` are those of the
    shared terms. :meth:`type_scenario` is the complete-information scenario
    of one type profile.
    """

    types: tuple[PrivateType, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        types = tuple(self.types)
        if not types or not all(isinstance(t, PrivateType) for t in types):
            raise scenario_error(
                "a scenario with private information needs at least one PrivateType per "
                "informed party; use negotiation.Scenario when nobody has private information",
                "types",
            )
        symbols = {p.name: p.symbol for p in self.parameter_info}
        resolved = []
        for t in types:
            if t.party not in self.players:
                raise scenario_error(
                    f"types are given for {t.party!r}, which is not a party; the parties are "
                    + ", ".join(self.players),
                    f"types.{t.party}",
                )
            probability = _resolve(t.probability, symbols, f"types.{t.party}.{t.name}.probability")
            terms = self._resolve_terms(t)
            resolved.append(replace(t, probability=probability, terms=terms))
        by_party: dict[str, list[PrivateType]] = {}
        for t in resolved:
            by_party.setdefault(t.party, []).append(t)
        ordered = []
        for party in self.players:
            group = by_party.get(party, [])
            if not group:
                continue
            names = [t.name for t in group]
            repeated = sorted({n for n in names if names.count(n) > 1})
            if repeated:
                raise scenario_error(
                    f"{party} has the type {repeated[0]!r} twice", f"types.{party}.{repeated[0]}"
                )
            if len(group) < 2:
                raise scenario_error(
                    f"{party} has one type only ({names[0]!r}); give it two or more types, "
                    "or put its payoffs under [parties] and drop the [types] table",
                    f"types.{party}.{names[0]}",
                )
            from negotiation.games.bayesian import check_prior

            try:
                check_prior([t.probability for t in group], f"the prior of {party}'s types")
            except InvalidGameError as err:
                raise scenario_error(str(err), f"types.{party}.{names[-1]}.probability") from None
            ordered.extend(group)
        object.__setattr__(self, "types", tuple(ordered))

    def _resolve_terms(self, t: PrivateType) -> Party:
        """The type's terms with expressions parsed, checked as the party's own would be."""
        base = self.party(t.party)
        merged = self._merged(base, t.terms)
        try:
            plain = Scenario(**{**self._fields(), "parties": self._swap(merged)})
        except (ScenarioError, UnsafeExpressionError) as err:
            raise _retarget(err, t, len(base.interactions)) from None
        full = plain.party(t.party)
        return Party(
            t.party,
            valuations={issue: full.valuations[issue] for issue in t.terms.valuations},
            interactions=full.interactions[len(base.interactions) :],
        )

    @staticmethod
    def _merged(base: Party, terms: Party) -> Party:
        return replace(
            base,
            valuations={**base.valuations, **terms.valuations},
            interactions=(*base.interactions, *terms.interactions),
        )

    def _swap(self, party: Party) -> tuple[Party, ...]:
        return tuple(party if p.name == party.name else p for p in self.parties)

    def _fields(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(Scenario)}

    # ------------------------------------------------------------------ the types
    @property
    def informed(self) -> tuple[str, ...]:
        """The parties with private types, in player order."""
        return tuple(dict.fromkeys(t.party for t in self.types))

    def types_of(self, party: str) -> tuple[PrivateType, ...]:
        """The types of ``party`` (empty for a party without private information)."""
        return tuple(t for t in self.types if t.party == party)

    def plain(self) -> Scenario:
        """The scenario without its types: only the payoff terms every type shares."""
        return Scenario(**self._fields())

    def type_scenario(self, profile: Mapping[str, str]) -> Scenario:
        """The complete-information scenario when each informed party has the given type.

        Examples
        --------
        >>> import negotiation as ng
        >>> october = ng.load("october_2025")
        >>> october.type_scenario({"US": "irresolute"}).game().row_payoffs[2, 0]
        -3
        """
        parties = list(self.parties)
        for party in self.informed:
            if party not in profile:
                raise scenario_error(
                    f"give {party}'s type, one of "
                    + ", ".join(t.name for t in self.types_of(party)),
                    f"types.{party}",
                )
            chosen = [t for t in self.types_of(party) if t.name == profile[party]]
            if not chosen:
                raise scenario_error(
                    f"{party} has no type {profile[party]!r}; its types are "
                    + ", ".join(t.name for t in self.types_of(party)),
                    f"types.{party}",
                )
            k = self.players.index(party)
            parties[k] = self._merged(parties[k], chosen[0].terms)
        return Scenario(**{**self._fields(), "parties": tuple(parties)})

    def bayesian_game(self, *, symbolic: bool = False) -> BayesianGame:
        """The negotiation as a Bayesian game: each informed party's types, the prior, the payoffs.

        Strategies are the parties' bundles (by name); a party without
        private information has one type, ``"any"``. ``symbolic=True`` keeps
        the parameters free (priors and payoffs as expressions).

        Examples
        --------
        >>> import negotiation as ng
        >>> g = ng.load("october_2025").bayesian_game()
        >>> g.strategies
        (('Quiet', 'Bluff', 'Commit'), ('Keep', 'Pause'))
        """
        import itertools

        from negotiation.games.bayesian import BayesianGame

        defaults = None if symbolic else self.defaults

        def put(expr: Any) -> Any:
            return expr if defaults is None else sp.sympify(expr).xreplace(defaults)

        types = [
            {t.name: put(t.probability) for t in self.types_of(p)} or {ONE_TYPE: 1}
            for p in self.players
        ]
        payoffs: dict[Sequence[str], Sequence[Any]] = {}
        for profile in itertools.product(*(tuple(t) for t in types)):
            given = {p: k for p, k in zip(self.players, profile, strict=True) if k != ONE_TYPE}
            game = self.type_scenario(given).game(symbolic=symbolic)
            payoffs[profile] = tuple(u.tolist() for u in game.payoffs)
        strategies = [tuple(s.name for s in self.strategies[p]) for p in self.players]
        return BayesianGame(
            types, strategies, payoffs, players=self.players, name=self.title or self.name
        )

    def game(self, *, symbolic: bool = False) -> Game:
        """The Harsanyi strategic form of :meth:`bayesian_game` (a strategy is a plan per type)."""
        return self.bayesian_game(symbolic=symbolic).to_game()

    # ------------------------------------------------------------------ changes
    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> PrivateScenario:
        """A new scenario with some parameters replaced by numbers, in the types too."""
        numbers = self._values(values, kwargs)  # exact numbers; unknown names listed
        plain = self.plain().subs(numbers)
        mapping = {sp.Symbol(n): v for n, v in numbers.items()}

        def put(expr: Any) -> Any:
            return sp.sympify(expr).xreplace(mapping)

        types = tuple(
            replace(
                t,
                probability=put(t.probability),
                terms=Party(
                    t.party,
                    valuations={
                        i: {lv: put(v) for lv, v in table.items()}
                        for i, table in t.terms.valuations.items()
                    },
                    interactions=tuple(
                        replace(x, value=put(x.value)) for x in t.terms.interactions
                    ),
                ),
            )
            for t in self.types
        )
        return PrivateScenario(
            **{f.name: getattr(plain, f.name) for f in fields(Scenario)}, types=types
        )

    # ------------------------------------------------------------------ files and display
    def to_toml(self) -> str:
        """The scenario as TOML: the ordinary tables, then the ``[types]`` tables."""
        from negotiation.scenarios.files import dumps

        return dumps(self)

    def save(self, path: str | Path) -> Path:
        """Write the scenario (types included) as a TOML file that ``ng.load`` reads back equal.

        The write is atomic, as for any scenario (:func:`negotiation.scenarios.files.save`).
        """
        from negotiation.scenarios.files import save

        return save(self, path)

    def summary(self) -> str:
        """Parties, issues, parameters, the types and their prior, and the payoffs per type."""
        return display.text(self)


# ---------------------------------------------------------------------- helpers
def _resolve(value: Any, symbols: dict[str, sp.Symbol], key: str) -> sp.Expr:
    """A number or an expression string in the declared parameters, as an exact expression."""
    if isinstance(value, str):
        try:
            return parse_expression(value, symbols, what=key)
        except UnsafeExpressionError as err:
            err.key = key  # type: ignore[attr-defined]
            raise
    if isinstance(value, sp.Basic) and value.free_symbols:
        undeclared = sorted(s.name for s in value.free_symbols if s.name not in symbols)  # type: ignore[attr-defined]
        if undeclared:
            raise scenario_error(
                f"{key} uses {', '.join(undeclared)}, which is not a declared parameter; "
                f"declared: {', '.join(sorted(symbols)) or 'none'}",
                key,
            )
        renamed = {s: symbols[s.name] for s in value.free_symbols}  # type: ignore[attr-defined]
        return canonical(value.xreplace(renamed), symbols)
    try:
        return exact_number(value, key)
    except ScenarioError:
        raise scenario_error(
            f"{key} must be a probability: a number such as 0.25 or an expression in quotes "
            f"such as '1 - p', not {value!r}",
            key,
        ) from None


def _retarget(err: Exception, t: PrivateType, shared: int) -> Exception:
    """An error in a type's merged terms, keyed to the type's own table in the file."""
    key = getattr(err, "key", None) or ""
    head = f"parties.{t.party}."
    where = f"types.{t.party}.{t.name}"
    if key.startswith(head + "interactions["):
        index, _, rest = key[len(head + "interactions[") :].partition("]")
        if index.isdigit() and int(index) >= shared:
            key = f"{where}.interactions[{int(index) - shared}]{rest}"
    elif key.startswith(head + "valuations."):
        issue = key[len(head + "valuations.") :].split(".")[0]
        if issue in t.terms.valuations:
            key = where + "." + key[len(head) :]
    new = type(err)(f"type {t.name!r} of {t.party}: {err}")
    new.key = key or where  # type: ignore[attr-defined]
    return new


def private_scenario(
    data: Mapping[str, Any], read: Callable[[Mapping[str, Any]], Scenario]
) -> PrivateScenario:
    """A :class:`PrivateScenario` from parsed TOML: ``read`` reads the ordinary part.

    ``read`` is the reader of :mod:`negotiation.scenarios.files` (passed in, so
    this module uses no private name of that one); errors carry the dotted key
    of the table at fault, which the file reader turns into a line number.
    """
    base = read({k: v for k, v in data.items() if k != "types"})
    table = data["types"]
    if not isinstance(table, Mapping):
        raise scenario_error("types must be a table: [types.PARTY.TYPE] per type", "types")
    types = []
    for party, spec in table.items():
        key = f"types.{party}"
        if not isinstance(spec, Mapping):
            raise scenario_error(f"{key} must be a table with one [{key}.TYPE] per type", key)
        for name, info in spec.items():
            tkey = f"{key}.{name}"
            if not isinstance(info, Mapping):
                raise scenario_error(f"{tkey} must be a table (probability, title, ...)", tkey)
            unknown = [k for k in info if k not in _TYPE_KEYS]
            if unknown:
                raise scenario_error(
                    f"unknown key {unknown[0]!r} in {tkey}; the keys allowed there are "
                    + ", ".join(sorted(_TYPE_KEYS)),
                    f"{tkey}.{unknown[0]}",
                )
            if "probability" not in info:
                raise scenario_error(
                    f'type {name!r} of {party} needs a probability, e.g. probability = "p"',
                    tkey,
                )
            probability = info["probability"]
            if isinstance(probability, Decimal):
                probability = str(probability)
            terms = _terms(party, info, tkey, {issue.name: issue for issue in base.issues})
            texts = {}
            for text_key in ("title", "description"):
                value = info.get(text_key, "")
                if not isinstance(value, str):
                    raise scenario_error(
                        f"{tkey}.{text_key} must be text in quotes", f"{tkey}.{text_key}"
                    )
                texts[text_key] = value
            types.append(PrivateType(party, name, probability, terms, **texts))
    return PrivateScenario(
        **{f.name: getattr(base, f.name) for f in fields(Scenario)}, types=tuple(types)
    )


def _terms(party: str, info: Mapping[str, Any], key: str, issues: Mapping[str, Issue]) -> Party:
    valuations = {}
    for issue, levels in (info.get("valuations") or {}).items():
        if not isinstance(levels, Mapping):
            raise scenario_error(
                f"{key}.valuations.{issue} must be a table of levels", f"{key}.valuations.{issue}"
            )
        if issue in issues:  # an unknown issue is reported when the terms are resolved
            check_levels_listed(party, issues[issue], levels, f"{key}.valuations.{issue}")
        valuations[issue] = {
            level: (str(v) if isinstance(v, Decimal) else v) for level, v in levels.items()
        }
    items = info.get("interactions", [])
    if not isinstance(items, list):
        raise scenario_error(
            f"{key}.interactions must be an array of tables ([[{key}.interactions]])",
            f"{key}.interactions",
        )
    interactions = []
    for k, item in enumerate(items):
        ikey = f"{key}.interactions[{k}]"
        if not isinstance(item, Mapping) or "when" not in item or "value" not in item:
            raise scenario_error(
                'an interaction needs when = {issue = "level"} and value = "..."', ikey
            )
        if not isinstance(item["when"], Mapping):
            raise scenario_error(
                f'{ikey}.when must be a table of issue levels, e.g. when = {{issue = "level"}}; '
                f"got {item['when']!r}",
                f"{ikey}.when",
            )
        value = item["value"]
        interactions.append(
            Interaction(
                dict(item["when"]),
                str(value) if isinstance(value, Decimal) else value,
                description=str(item.get("description", "")),
            )
        )
    try:
        return Party(party, valuations=valuations, interactions=tuple(interactions))
    except ScenarioError as err:
        raise scenario_error(str(err), key) from None


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def types_toml(scenario: PrivateScenario) -> str:
    """The ``[types.PARTY.TYPE]`` tables of a scenario, as TOML text.

    Examples
    --------
    >>> import negotiation as ng
    >>> print(types_toml(ng.load("october_2025")).splitlines()[0])
    [types.US.resolved]
    """
    lines: list[str] = []
    for t in scenario.types:
        lines.append(f"[types.{t.party}.{t.name}]")
        lines.append(f"probability = {_toml_string(expression_text(t.probability))}")
        if t.title:
            lines.append(f"title = {_toml_string(t.title)}")
        if t.description:
            lines.append(f"description = {_toml_string(t.description)}")
        lines.append("")
        for issue, table in t.terms.valuations.items():
            lines.append(f"[types.{t.party}.{t.name}.valuations.{issue}]")
            # every level, the status quo included, as the reader requires
            levels = next((i.level_names for i in scenario.issues if i.name == issue), ())
            full = {**{level: sp.Integer(0) for level in levels}, **table}
            for level, value in full.items():
                lines.append(f"{level} = {_toml_string(expression_text(value))}")
            lines.append("")
        for item in t.terms.interactions:
            lines.append(f"[[types.{t.party}.{t.name}.interactions]]")
            when = ", ".join(f"{i} = {_toml_string(lv)}" for i, lv in item.when.items())
            lines.append(f"when = {{ {when} }}")
            lines.append(f"value = {_toml_string(expression_text(item.value))}")
            if item.description:
                lines.append(f"description = {_toml_string(item.description)}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
