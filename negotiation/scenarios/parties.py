"""Parties: who negotiates, how each values the levels, and the bundles each can offer.

A :class:`Party` values every level of every issue (plus :class:`Interaction`
terms for combinations of levels); a :class:`Strategy` is a bundle of moves
away from the status quo; a :class:`Concession` is one such move.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from negotiation.errors import ScenarioError
from negotiation.scenarios.issues import Issue
from negotiation.scenarios.values import (
    FrozenMap,
    check_label,
    check_mapping,
    check_text,
    exact_number,
    scenario_error,
)

__all__ = [
    "Concession",
    "Interaction",
    "Party",
    "Strategy",
    "check_levels_listed",
    "payoff_value",
]


@dataclass(frozen=True)
class Interaction:
    """A payoff term that applies only when several issues are at given levels.

    Parameters
    ----------
    when
        ``{issue: level}``; the term applies when every issue is at its level.
    value
        The term: a sympy expression, a number, or an expression string
        (parsed against the scenario's parameters).
    description
        Why the term is there.

    Examples
    --------
    >>> Interaction({"student_visas": "eased", "rare_earths": "withheld"}, -1).value
    -1
    """

    when: Mapping[str, str]
    value: Any
    description: str = ""

    def __post_init__(self) -> None:
        when = check_mapping(self.when, "an interaction's 'when'")
        if not when:
            raise ScenarioError(
                "an interaction needs at least one condition in 'when', e.g. "
                "{'rare_earths': 'withheld'}"
            )
        for issue, level in when.items():
            check_label(issue, "an issue in an interaction's 'when'")
            check_label(level, f"the level of {issue!r} in an interaction's 'when'")
        check_text(self.description, "an interaction's description")
        object.__setattr__(self, "when", FrozenMap(when))
        object.__setattr__(self, "value", payoff_value(self.value, "an interaction's value"))

    def applies(self, outcome: Mapping[str, str]) -> bool:
        """Whether every condition holds in ``outcome`` (``{issue: level}``)."""
        return all(outcome.get(issue) == level for issue, level in self.when.items())


def payoff_value(value: Any, what: str) -> Any:
    """Numbers become exact sympy numbers; strings wait to be parsed by the scenario."""
    if isinstance(value, str):
        return value
    if isinstance(value, sp.Basic):
        if not isinstance(value, sp.Expr):
            raise ScenarioError(f"{what} is {value}, which is not an algebraic expression")
        floats = value.atoms(sp.Float)
        return value.xreplace({f: sp.Rational(str(f)) for f in floats}) if floats else value
    return exact_number(value, what)


def check_levels_listed(party: str, issue: Issue, table: Mapping[str, Any], key: str) -> None:
    """Refuse a valuation table from a file that leaves out a level of its issue.

    In a scenario file a party's table for an issue lists every level, the
    status quo included (``level = 0`` for a level worth nothing), so that a
    line deleted by mistake is reported rather than read as 0. A
    :class:`Party` built in Python may leave levels out.

    Raises
    ------
    ScenarioError
        Naming the missing levels and the fix, with ``key`` (the table's dotted
        file key) for the line.

    Examples
    --------
    >>> tariff = Issue("tariff", ("truce", "escalated"), status_quo="truce", controlled_by="US")
    >>> check_levels_listed("US", tariff, {"truce": 0, "escalated": "gain"}, "parties.US")
    >>> check_levels_listed("US", tariff, {"escalated": "gain"}, "parties.US.valuations.tariff")
    Traceback (most recent call last):
    ...
    negotiation.errors.ScenarioError: parties.US.valuations.tariff gives no value for level 'truce' (the status quo) of 'tariff'; list every level, the status quo included, writing e.g. truce = 0 for a level worth nothing to US (leave out the whole table if US values no level of the issue)
    """
    missing = [level for level in issue.level_names if level not in table]
    if not missing:
        return
    named = ", ".join(
        repr(level) + (" (the status quo)" if level == issue.status_quo else "")
        for level in missing
    )
    raise scenario_error(
        f"{key} gives no value for level {named} of {issue.name!r}; list every level, the "
        f"status quo included, writing e.g. {missing[0]} = 0 for a level worth nothing to "
        f"{party} (leave out the whole table if {party} values no level of the issue)",
        key,
    )


@dataclass(frozen=True)
class Party:
    """A negotiating party and how it values each level of each issue.

    Parameters
    ----------
    name
        The party's name; it becomes a player name of the game.
    valuations
        ``{issue: {level: value}}``; a value is a sympy expression, a number or
        an expression string such as ``"-m*re_loss_us"`` (parsed with the
        scenario's parameters by :func:`~negotiation.parse_expression`).
        Levels left out are worth 0 (a scenario file lists them all, see
        :func:`check_levels_listed`).
    interactions
        Extra terms that apply to particular combinations of levels.
    title, description
        Human-readable texts.

    Examples
    --------
    >>> us = Party("US", valuations={"rare_earths": {"withheld": "-m*re_loss_us"}})
    >>> us.valuations["rare_earths"]["withheld"]
    '-m*re_loss_us'
    """

    name: str
    valuations: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    interactions: tuple[Interaction, ...] = ()
    title: str = ""
    description: str = ""

    def __post_init__(self) -> None:
        check_label(self.name, "a party name")
        check_text(self.title, f"party {self.name!r}'s title")
        check_text(self.description, f"party {self.name!r}'s description")
        key = f"parties.{self.name}.valuations"
        valuations = {}
        for issue, levels in check_mapping(self.valuations, f"{self.name}'s valuations").items():
            check_label(issue, f"an issue in {self.name}'s valuations")
            table = {}
            for level, value in check_mapping(
                levels, f"{self.name}'s valuation of {issue}"
            ).items():
                check_label(level, f"a level in {self.name}'s valuation of {issue!r}")
                try:
                    table[level] = payoff_value(value, f"{self.name}'s value of {issue}={level}")
                except ScenarioError as err:
                    raise scenario_error(str(err), f"{key}.{issue}.{level}") from None
            valuations[issue] = FrozenMap(table)
        if isinstance(self.interactions, Interaction) or not isinstance(
            self.interactions, Iterable
        ):
            raise ScenarioError(f"{self.name}'s interactions must be a sequence of Interaction")
        interactions = tuple(self.interactions)
        for item in interactions:
            if not isinstance(item, Interaction):
                raise ScenarioError(
                    f"{self.name}'s interactions must be Interaction objects, not {item!r}"
                )
        object.__setattr__(self, "valuations", FrozenMap(valuations))
        object.__setattr__(self, "interactions", interactions)

    def value(self, issue: str, level: str) -> Any:
        """The party's valuation of ``issue`` at ``level`` (0 where none is given)."""
        return self.valuations.get(issue, {}).get(level, sp.Integer(0))


@dataclass(frozen=True)
class Strategy:
    """A bundle: the levels a party sets on the issues it controls.

    Issues the bundle leaves out stay at their status quo. A bundle that moves
    nothing is the party's status-quo strategy.

    Parameters
    ----------
    name
        The strategy label in the game, e.g. ``"L"``.
    moves
        ``{issue: level}`` for issues the party controls.
    title, description
        Human-readable texts, e.g. ``"Implement London"``.

    Examples
    --------
    >>> Strategy("L", {"export_controls": "lifted"}, title="Implement London").moves
    {'export_controls': 'lifted'}
    """

    name: str
    moves: Mapping[str, str] = field(default_factory=dict)
    title: str = ""
    description: str = ""

    def __post_init__(self) -> None:
        check_label(self.name, "a strategy name")
        moves = check_mapping(self.moves, f"strategy {self.name!r}'s moves")
        for issue, level in moves.items():
            check_label(issue, f"an issue in strategy {self.name!r}'s moves")
            check_label(level, f"the level of {issue!r} in strategy {self.name!r}")
        check_text(self.title, f"strategy {self.name!r}'s title")
        check_text(self.description, f"strategy {self.name!r}'s description")
        object.__setattr__(self, "moves", FrozenMap(moves))


@dataclass(frozen=True)
class Concession:
    """A party's move on one issue from the status-quo level to another level."""

    party: str
    issue: str
    from_level: str
    to_level: str

    def __str__(self) -> str:
        return f"{self.party}: {self.issue} {self.from_level} -> {self.to_level}"
