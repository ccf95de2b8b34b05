"""What differs between two scenarios: issues, levels, parameters, bundles, valuations.

:func:`diff` compares two :class:`~negotiation.Scenario` objects (e.g. the
Geneva consensus and the London framework) and returns a :class:`ScenarioDiff`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from negotiation.errors import ScenarioError
from negotiation.scenarios.issues import Issue
from negotiation.scenarios.scenario import Scenario

__all__ = ["IssueChange", "ScenarioDiff", "diff"]


@dataclass(frozen=True)
class IssueChange:
    """How one issue present in both scenarios differs."""

    issue: str
    changes: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.issue}: " + "; ".join(self.changes)


@dataclass(frozen=True)
class ScenarioDiff:
    """What differs between two scenarios: issues, levels, parameters, bundles, valuations.

    ``bool(d)`` is ``True`` when anything differs; ``str(d)`` lists the differences.
    """

    a: str
    b: str
    parties_added: tuple[str, ...] = ()
    parties_removed: tuple[str, ...] = ()
    issues_added: tuple[str, ...] = ()
    issues_removed: tuple[str, ...] = ()
    issues_changed: tuple[IssueChange, ...] = ()
    issues_unchanged: tuple[str, ...] = ()
    parameters_added: tuple[str, ...] = ()
    parameters_removed: tuple[str, ...] = ()
    parameters_changed: tuple[tuple[str, str, Any, Any], ...] = ()
    strategies_added: tuple[tuple[str, str], ...] = ()
    strategies_removed: tuple[tuple[str, str], ...] = ()
    strategies_changed: tuple[tuple[str, str], ...] = ()
    valuations_changed: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return any(
            getattr(self, f)
            for f in self.__dataclass_fields__
            if f not in ("a", "b", "issues_unchanged")
        )

    @property
    def changed_issues(self) -> tuple[str, ...]:
        """Every issue added, removed or changed, in that order."""
        return self.issues_added + self.issues_removed + tuple(c.issue for c in self.issues_changed)

    def __str__(self) -> str:
        lines = [f"{self.a} -> {self.b}"]

        def add(title: str, items: Iterable[Any]) -> None:
            items = list(items)
            if items:
                lines.append(f"  {title}: " + ", ".join(str(i) for i in items))

        add("parties added", self.parties_added)
        add("parties removed", self.parties_removed)
        add("issues added", self.issues_added)
        add("issues removed", self.issues_removed)
        for change in self.issues_changed:
            lines.append(f"  issue changed: {change}")
        add("issues unchanged", self.issues_unchanged)
        add("parameters added", self.parameters_added)
        add("parameters removed", self.parameters_removed)
        grouped: dict[str, list[str]] = {}
        for name, what, old, new in self.parameters_changed:
            shown = f"{what} {old} -> {new}" if what in ("default", "unit", "low", "high") else what
            grouped.setdefault(name, []).append(shown)
        for name, changes in grouped.items():
            lines.append(f"  parameter {name}: " + ", ".join(changes))
        add("strategies added", (f"{p} {s}" for p, s in self.strategies_added))
        add("strategies removed", (f"{p} {s}" for p, s in self.strategies_removed))
        add("strategies changed", (f"{p} {s}" for p, s in self.strategies_changed))
        add(
            "valuations changed",
            (
                f"{p} {i}" if i == "interactions" else f"{p} on {i}"
                for p, i in self.valuations_changed
            ),
        )
        if not self:
            lines.append("  no differences")
        return "\n".join(lines)


def _issue_changes(old: Issue, new: Issue) -> tuple[str, ...]:
    changes = []
    added = [n for n in new.level_names if n not in old.level_names]
    removed = [n for n in old.level_names if n not in new.level_names]
    if added:
        changes.append("levels added: " + ", ".join(added))
    if removed:
        changes.append("levels removed: " + ", ".join(removed))
    if old.status_quo != new.status_quo:
        changes.append(f"status quo {old.status_quo} -> {new.status_quo}")
    if old.controlled_by != new.controlled_by:
        changes.append(f"controlled by {old.controlled_by} -> {new.controlled_by}")
    for name in new.level_names:
        if name in old.level_names:
            a, b = old.level(name), new.level(name)
            if (a.value, a.unit) != (b.value, b.unit):
                changes.append(f"level {name}: {a.value}{a.unit} -> {b.value}{b.unit}")
            elif a != b:
                changes.append(f"level {name}: label, description or source")
    if not changes and old != new:
        changes.append("title, description or source")
    return tuple(changes)


def diff(a: Scenario, b: Scenario) -> ScenarioDiff:
    """Which parties, issues, levels, parameters, bundles and valuations differ from a to b.

    Parameters
    ----------
    a, b
        Two scenarios, e.g. the Geneva consensus and the London framework.

    Returns
    -------
    ScenarioDiff

    Examples
    --------
    >>> import negotiation as ng
    >>> d = ng.diff(ng.load("geneva_consensus"), ng.load("london_framework"))
    >>> d.issues_added, d.issues_unchanged
    (('export_controls', 'student_visas'), ('us_tariff', 'china_tariff'))
    >>> [c.issue for c in d.issues_changed]
    ['rare_earths']
    """
    if not isinstance(a, Scenario) or not isinstance(b, Scenario):
        raise ScenarioError("diff(a, b) compares two Scenario objects, e.g. from negotiation.load")
    a_issues = {i.name: i for i in a.issues}
    b_issues = {i.name: i for i in b.issues}
    changed, unchanged = [], []
    for name, issue in b_issues.items():
        if name in a_issues:
            what = _issue_changes(a_issues[name], issue)
            if what:
                changed.append(IssueChange(name, what))
            else:
                unchanged.append(name)
    a_params = {p.name: p for p in a.parameter_info}
    b_params = {p.name: p for p in b.parameter_info}
    param_changes = []
    for name, new in b_params.items():
        old = a_params.get(name)
        if old is None:
            continue
        for attr in ("default", "unit", "description", "source", "stylised", "low", "high"):
            if getattr(old, attr) != getattr(new, attr):
                param_changes.append((name, attr, getattr(old, attr), getattr(new, attr)))
    a_strats = {(p, s.name): s for p in a.players for s in a.strategies[p]}
    b_strats = {(p, s.name): s for p in b.players for s in b.strategies[p]}
    valuations = []
    for party in b.parties:
        if party.name not in a.players:
            continue
        other = a.party(party.name)
        for issue_name in b_issues:
            if issue_name in a_issues and dict(other.valuations.get(issue_name, {})) != dict(
                party.valuations.get(issue_name, {})
            ):
                valuations.append((party.name, issue_name))
        if other.interactions != party.interactions:
            valuations.append((party.name, "interactions"))
    return ScenarioDiff(
        a=a.name,
        b=b.name,
        parties_added=tuple(p for p in b.players if p not in a.players),
        parties_removed=tuple(p for p in a.players if p not in b.players),
        issues_added=tuple(n for n in b_issues if n not in a_issues),
        issues_removed=tuple(n for n in a_issues if n not in b_issues),
        issues_changed=tuple(changed),
        issues_unchanged=tuple(unchanged),
        parameters_added=tuple(n for n in b_params if n not in a_params),
        parameters_removed=tuple(n for n in a_params if n not in b_params),
        parameters_changed=tuple(param_changes),
        strategies_added=tuple(k for k in b_strats if k not in a_strats),
        strategies_removed=tuple(k for k in a_strats if k not in b_strats),
        strategies_changed=tuple(
            k for k in b_strats if k in a_strats and a_strats[k] != b_strats[k]
        ),
        valuations_changed=tuple(valuations),
    )
