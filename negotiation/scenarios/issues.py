"""Issues: the negotiable dimensions of a scenario and their named levels.

An :class:`Issue` (the US tariff, rare-earth licences, student visas) has
:class:`Level` objects, a status quo and the party that sets it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sympy as sp

from negotiation.errors import ScenarioError, UnknownLabelError
from negotiation.scenarios.values import check_label, check_text, optional_number, scenario_error

__all__ = ["Issue", "Level"]


@dataclass(frozen=True)
class Level:
    """One position on an issue, e.g. the 30% US tariff of the Geneva truce.

    Parameters
    ----------
    name
        A short key, e.g. ``"truce"``.
    label
        A human-readable name, e.g. ``"30% (10% reciprocal + 20% fentanyl)"``.
    value, unit
        The level's figure where it has one (a tariff rate), exact.
    description, source
        What the level means and where its figure comes from.

    Examples
    --------
    >>> Level("truce", "Geneva truce", value=30, unit="%").value
    30
    """

    name: str
    label: str = ""
    value: sp.Rational | None = None
    unit: str = ""
    description: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        check_label(self.name, "a level name")
        for attr in ("label", "unit", "description", "source"):
            check_text(getattr(self, attr), f"level {self.name!r}'s {attr}")
        object.__setattr__(
            self, "value", optional_number(self.value, f"the value of level {self.name!r}")
        )


@dataclass(frozen=True)
class Issue:
    """A negotiable dimension with named levels, controlled by one party.

    Parameters
    ----------
    name
        A short key, e.g. ``"rare_earths"``.
    levels
        The levels, as :class:`Level` objects or plain names.
    status_quo
        The name of the level in force when nobody moves (the disagreement point).
    controlled_by
        The party whose strategies set this issue.
    title, description, source
        Human-readable texts.

    Examples
    --------
    >>> issue = Issue("student_visas", ("restricted", "eased"), status_quo="restricted",
    ...               controlled_by="US")
    >>> issue.level_names, issue.level("eased").name
    (('restricted', 'eased'), 'eased')
    """

    name: str
    levels: tuple[Level, ...]
    status_quo: str
    controlled_by: str
    title: str = ""
    description: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        key = f"issues.{self.name}"
        try:
            check_label(self.name, "an issue name")
            for attr in ("title", "description", "source"):
                check_text(getattr(self, attr), f"issue {self.name!r}'s {attr}")
            check_label(self.controlled_by, f"issue {self.name!r}'s controlled_by")
        except ScenarioError as err:
            raise scenario_error(str(err), key) from None
        if isinstance(self.levels, str | Mapping) or not isinstance(self.levels, Iterable):
            raise scenario_error(
                f"issue {self.name!r}: levels must be a sequence of Level objects or names",
                key,
            )
        try:
            levels = tuple(
                level if isinstance(level, Level) else Level(level) for level in self.levels
            )
        except ScenarioError as err:
            raise scenario_error(f"issue {self.name!r}: {err}", f"{key}.levels") from None
        names = [level.name for level in levels]
        if len(levels) < 2:
            raise scenario_error(
                f"issue {self.name!r} has {len(levels)} level(s); an issue needs at least two",
                f"{key}.levels",
            )
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise scenario_error(
                f"issue {self.name!r} has duplicate levels: {', '.join(duplicates)}",
                f"{key}.levels",
            )
        if self.status_quo not in names:
            raise scenario_error(
                f"issue {self.name!r}: the status quo {self.status_quo!r} is not one of its "
                f"levels ({', '.join(names)})",
                f"{key}.status_quo",
            )
        object.__setattr__(self, "levels", levels)

    @property
    def level_names(self) -> tuple[str, ...]:
        """The names of the levels, in order."""
        return tuple(level.name for level in self.levels)

    def level(self, name: str) -> Level:
        """The level called ``name``.

        Raises
        ------
        UnknownLabelError
            Listing the issue's levels.
        """
        for level in self.levels:
            if level.name == name:
                return level
        raise UnknownLabelError(
            f"issue {self.name!r} has no level {name!r}; its levels are "
            + ", ".join(self.level_names)
        )
