"""Scenario files: TOML that an economist can read and edit without Python.

A file has a ``[scenario]`` table (name, title, date, description,
payoff_unit, sources, optionally status_quo_profile), one
``[parameters.NAME]`` table per parameter (default, unit, description, source,
stylised, low, high), one ``[issues.NAME]`` table per issue (title,
controlled_by, status_quo, description, source) with a
``[issues.NAME.levels.LEVEL]`` table per level (label, value, unit,
description, source), and one ``[parties.NAME]`` table per party, two or
more, in player order: the row party first, then the column party, then any
further parties (title, description), with ``[parties.NAME.valuations.ISSUE]``
(``level = "expression"``), ``[[parties.NAME.interactions]]`` (when, value,
description) and ``[parties.NAME.strategies.LABEL]`` (title, description,
moves). Payoff expressions are strings read by the restricted parser of
:mod:`negotiation.expressions`; nothing in a file is executed. Decimal numbers
are read exactly (``0.55`` is ``11/20``).

Errors name the file, the line where one can be found, the key and the fix.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.scenarios.files import dumps, loads
>>> london = ng.load("london_framework")
>>> loads(dumps(london)) == london
True
>>> loads('[scenario]\\nname = "x"\\n[parameters.m]\\ndefault = "oops"\\n', path="bad.toml")
Traceback (most recent call last):
...
negotiation.errors.ScenarioFileError: bad.toml:4, key 'parameters.m.default': the default of parameter 'm' is 'oops', which is not a number (write e.g. 0.55 or 1/3)
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import sympy as sp

from negotiation.errors import ScenarioError, ScenarioFileError, UnsafeExpressionError
from negotiation.expressions import expression_text
from negotiation.scenarios.issues import Issue, Level
from negotiation.scenarios.parties import Interaction, Party, Strategy
from negotiation.scenarios.scenario import Parameter, Scenario

__all__ = ["dumps", "load_file", "loads", "save"]

_TOP = {"scenario", "parameters", "issues", "parties"}
_SCENARIO_KEYS = {
    "name",
    "title",
    "date",
    "description",
    "payoff_unit",
    "sources",
    "status_quo_profile",
}
_PARAMETER_KEYS = {"default", "unit", "description", "source", "stylised", "low", "high"}
_ISSUE_KEYS = {"title", "controlled_by", "status_quo", "description", "source", "levels"}
_LEVEL_KEYS = {"label", "value", "unit", "description", "source"}
_PARTY_KEYS = {"title", "description", "valuations", "interactions", "strategies"}
_INTERACTION_KEYS = {"when", "value", "description"}
_STRATEGY_KEYS = {"title", "description", "moves"}


# ---------------------------------------------------------------------- reading
def load_file(path: str | Path) -> Scenario:
    """Read a scenario file.

    Raises
    ------
    ScenarioFileError
        If the file is missing, is not valid TOML, or describes an invalid
        scenario (the message gives the file, line, key and fix).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioFileError(
            "no such file; give the path of a .toml scenario file or a built-in name "
            "(see negotiation.scenarios())",
            path=str(path),
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise ScenarioFileError(f"cannot read the file ({err})", path=str(path)) from None
    return loads(text, path=str(path))


def loads(text: str, *, path: str | None = None) -> Scenario:
    """Read a scenario from TOML text; ``path`` is only used in error messages."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise ScenarioFileError(
            f"not valid TOML: {message}; check quotes, brackets and '=' signs",
            path=path,
            line=line,
        ) from None
    try:
        if "types" in data:  # private information (negotiation.scenarios.private_file)
            from negotiation.scenarios.private_file import private_scenario

            return private_scenario(data, _scenario)
        return _scenario(data)
    except (ScenarioError, UnsafeExpressionError) as err:
        key = getattr(err, "key", None)
        raise ScenarioFileError(str(err), path=path, line=_find_line(text, key), key=key) from err


def _fail(message: str, key: str) -> ScenarioError:
    err = ScenarioError(message)
    err.key = key  # type: ignore[attr-defined]
    return err


def _table(data: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise _fail(f"{key} must be a table ([{key}] or {{...}}), not {data!r}", key)
    return data


def _only(data: Mapping[str, Any], allowed: set[str], key: str) -> None:
    for name in data:
        if name not in allowed:
            raise _fail(
                f"unknown key {name!r} in {key}; the keys allowed there are "
                + ", ".join(sorted(allowed)),
                f"{key}.{name}",
            )


def _get_text(data: Mapping[str, Any], name: str, key: str, default: str = "") -> str:
    value = data.get(name, default)
    if not isinstance(value, str):
        raise _fail(f"{key}.{name} must be text in quotes, not {value!r}", f"{key}.{name}")
    return value


def _number(value: Any, key: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise _fail(f"{key} must be a number (e.g. 0.55) or a fraction in quotes ('1/3')", key)
    return value


def _scenario(data: Mapping[str, Any]) -> Scenario:
    _only(data, _TOP, "the file")
    if "scenario" not in data:
        raise _fail("the file has no [scenario] table; start with [scenario] and name = ...", "")
    head = _table(data["scenario"], "scenario")
    _only(head, _SCENARIO_KEYS, "scenario")
    if "name" not in head:
        raise _fail('[scenario] needs a name, e.g. name = "my_scenario"', "scenario.name")
    sources = head.get("sources", [])
    if not isinstance(sources, list):
        raise _fail("scenario.sources must be a list of texts", "scenario.sources")
    date = head.get("date")
    if date is not None and not isinstance(date, _dt.date | str):
        raise _fail("scenario.date must be a date such as 2025-06-10", "scenario.date")
    profile = head.get("status_quo_profile")
    if profile is not None and not isinstance(profile, list):
        raise _fail(
            "scenario.status_quo_profile must be a list of strategy names, one per party in "
            'player order, e.g. ["row strategy", "column strategy"]',
            "scenario.status_quo_profile",
        )
    parameters = _parameters(data.get("parameters", {}))
    issues = _issues(data.get("issues", {}))
    parties, strategies = _parties(data.get("parties", {}))
    return Scenario(
        name=head["name"],
        parties=parties,  # type: ignore[arg-type]
        issues=issues,
        strategies=strategies,
        parameter_info=parameters,
        title=_get_text(head, "title", "scenario"),
        description=_get_text(head, "description", "scenario"),
        date=date,  # type: ignore[arg-type]  # Scenario parses an ISO date text
        payoff_unit=_get_text(head, "payoff_unit", "scenario"),
        status_quo_profile=tuple(profile) if profile is not None else None,  # type: ignore[arg-type]
        sources=tuple(sources),
    )


def _parameters(data: Any) -> tuple[Parameter, ...]:
    out = []
    for name, spec in _table(data, "parameters").items():
        key = f"parameters.{name}"
        spec = _table(spec, key)
        _only(spec, _PARAMETER_KEYS, key)
        if "default" not in spec:
            raise _fail(f"parameter {name!r} needs a default value, e.g. default = 1", key)
        stylised = spec.get("stylised", False)
        if not isinstance(stylised, bool):
            raise _fail(f"{key}.stylised must be true or false", f"{key}.stylised")
        out.append(
            Parameter(
                name,
                _number(spec["default"], f"{key}.default"),
                unit=_get_text(spec, "unit", key),
                description=_get_text(spec, "description", key),
                source=_get_text(spec, "source", key),
                stylised=stylised,
                low=None if "low" not in spec else _number(spec["low"], f"{key}.low"),
                high=None if "high" not in spec else _number(spec["high"], f"{key}.high"),
            )
        )
    return tuple(out)


def _issues(data: Any) -> tuple[Issue, ...]:
    out = []
    for name, spec in _table(data, "issues").items():
        key = f"issues.{name}"
        spec = _table(spec, key)
        _only(spec, _ISSUE_KEYS, key)
        for needed in ("controlled_by", "status_quo", "levels"):
            if needed not in spec:
                raise _fail(f"issue {name!r} needs {needed} = ...", f"{key}.{needed}")
        levels = []
        for level_name, level in _table(spec["levels"], f"{key}.levels").items():
            level_key = f"{key}.levels.{level_name}"
            level = _table(level, level_key)
            _only(level, _LEVEL_KEYS, level_key)
            levels.append(
                Level(
                    level_name,
                    label=_get_text(level, "label", level_key),
                    value=None
                    if "value" not in level
                    else _number(level["value"], f"{level_key}.value"),
                    unit=_get_text(level, "unit", level_key),
                    description=_get_text(level, "description", level_key),
                    source=_get_text(level, "source", level_key),
                )
            )
        out.append(
            Issue(
                name,
                tuple(levels),
                status_quo=_get_text(spec, "status_quo", key),
                controlled_by=_get_text(spec, "controlled_by", key),
                title=_get_text(spec, "title", key),
                description=_get_text(spec, "description", key),
                source=_get_text(spec, "source", key),
            )
        )
    return tuple(out)


def _parties(data: Any) -> tuple[tuple[Party, ...], dict[str, tuple[Strategy, ...]]]:
    parties, strategies = [], {}
    for name, spec in _table(data, "parties").items():
        key = f"parties.{name}"
        spec = _table(spec, key)
        _only(spec, _PARTY_KEYS, key)
        valuations = {}
        for issue, table in _table(spec.get("valuations", {}), f"{key}.valuations").items():
            table = _table(table, f"{key}.valuations.{issue}")
            valuations[issue] = {
                level: _expression(value, f"{key}.valuations.{issue}.{level}")
                for level, value in table.items()
            }
        interactions = []
        items = spec.get("interactions", [])
        if not isinstance(items, list):
            raise _fail(
                f"{key}.interactions must be an array of tables ([[{key}.interactions]])",
                f"{key}.interactions",
            )
        for k, item in enumerate(items):
            item_key = f"{key}.interactions[{k}]"
            item = _table(item, item_key)
            _only(item, _INTERACTION_KEYS, item_key)
            if "when" not in item or "value" not in item:
                raise _fail(
                    'an interaction needs when = {issue = "level"} and value = "..."', item_key
                )
            interactions.append(
                Interaction(
                    dict(_table(item["when"], f"{item_key}.when")),
                    _expression(item["value"], f"{item_key}.value"),
                    description=_get_text(item, "description", item_key),
                )
            )
        bundles = []
        for label, bundle in _table(spec.get("strategies", {}), f"{key}.strategies").items():
            bundle_key = f"{key}.strategies.{label}"
            bundle = _table(bundle, bundle_key)
            _only(bundle, _STRATEGY_KEYS, bundle_key)
            bundles.append(
                Strategy(
                    label,
                    dict(_table(bundle.get("moves", {}), f"{bundle_key}.moves")),
                    title=_get_text(bundle, "title", bundle_key),
                    description=_get_text(bundle, "description", bundle_key),
                )
            )
        parties.append(
            Party(
                name,
                valuations=valuations,
                interactions=tuple(interactions),
                title=_get_text(spec, "title", key),
                description=_get_text(spec, "description", key),
            )
        )
        strategies[name] = tuple(bundles)
    if len(parties) < 2:
        raise _fail(
            "a scenario needs two or more parties, one [parties.NAME] table each in player "
            "order: exactly two parties ([parties.US] and [parties.China], row party first) "
            "make a bimatrix game, and each further party (e.g. [parties.Japan]) adds a "
            f"player; this file has {len(parties)}",
            "parties",
        )
    return tuple(parties), strategies


def _expression(value: Any, key: str) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise _fail(f"{key} must be a number or an expression in quotes, not {value!r}", key)
    return value


def _find_line(text: str, key: str | None) -> int | None:
    """The line of a dotted key in TOML text, found by its table header and key name."""
    if not key:
        return None
    parts = key.split(".")
    lines = text.splitlines()
    headers: dict[str, int] = {}
    arrays: dict[str, int] = {}
    current = ""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        match = re.match(r"^(\[\[?)\s*([^\]]+?)\s*\]\]?", stripped)
        if match:
            current = ".".join(p.strip().strip('"') for p in match.group(2).split("."))
            if match.group(1) == "[[":
                arrays[current] = arrays.get(current, -1) + 1
                current = f"{current}[{arrays[current]}]"
            headers.setdefault(current, number)
            continue
        kv = re.match(r'^("?)([^"=\s]+)\1\s*=', stripped)
        if kv:
            headers.setdefault(f"{current}.{kv.group(2)}" if current else kv.group(2), number)
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in headers:
            return headers[candidate]
    return None


# ---------------------------------------------------------------------- writing
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else _string(name)


def _string(text: str, *, multiline: bool = False) -> str:
    """A TOML basic string (or a multi-line basic string keeping line breaks)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\n" if multiline else "\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    if multiline:
        return '"""\n' + "".join(out) + '"""'
    return '"' + "".join(out) + '"'


def _long_string(text: str) -> str:
    """A multi-line basic string when ``text`` has line breaks, else a basic string."""
    return _string(text, multiline="\n" in text)


def _decimal_text(value: sp.Rational) -> str | None:
    """The exact decimal of a rational whose denominator is 2^a 5^b, else None."""
    q = int(value.q)
    twos = fives = 0
    while q % 2 == 0:
        q //= 2
        twos += 1
    while q % 5 == 0:
        q //= 5
        fives += 1
    if q != 1:
        return None
    digits = max(twos, fives)
    scaled = int(value.p) * 10**digits // int(value.q)
    sign = "-" if scaled < 0 else ""
    text = str(abs(scaled)).rjust(digits + 1, "0")
    return f"{sign}{text[:-digits]}.{text[-digits:]}"


def _number_text(value: sp.Rational) -> str:
    if value.is_Integer:
        return str(int(value))
    decimal = _decimal_text(value)
    return decimal if decimal is not None else _string(str(value))


def _value_text(value: sp.Expr, key: str) -> str:
    if value.is_Rational:
        return _number_text(value)
    try:
        return _string(expression_text(value))
    except UnsafeExpressionError as err:
        raise ScenarioError(f"cannot save {key}: {err}") from None


def _lines(table: str, items: list[tuple[str, str | None]]) -> list[str]:
    out = [f"[{table}]"]
    out += [f"{_key(k)} = {v}" for k, v in items if v is not None]
    return out


def _text_item(name: str, value: str, long: bool = False) -> tuple[str, str | None]:
    if not value:
        return (name, None)
    return (name, _long_string(value) if long else _string(value))


def dumps(scenario: Scenario) -> str:
    """The scenario as TOML text that :func:`loads` reads back equal.

    Raises
    ------
    ScenarioError
        If a payoff expression uses something the file grammar cannot write
        (e.g. ``sympy.sin``).
    """
    if not isinstance(scenario, Scenario):
        raise ScenarioError(f"dumps needs a Scenario, not {type(scenario).__name__}")
    s = scenario
    blocks: list[list[str]] = []
    head: list[tuple[str, str | None]] = [
        ("name", _string(s.name)),
        _text_item("title", s.title),
        ("date", s.date.isoformat() if s.date else None),
        _text_item("payoff_unit", s.payoff_unit),
        _text_item("description", s.description, long=True),
        (
            "status_quo_profile",
            "[" + ", ".join(_string(x) for x in s.status_quo_profile or ()) + "]",
        ),
    ]
    if s.sources:
        head.append(("sources", "[\n" + "".join(f"  {_string(x)},\n" for x in s.sources) + "]"))
    blocks.append(
        [
            "# Scenario file for the `negotiation` package; see negotiation.scenarios.files.",
            *_lines("scenario", head),
        ]
    )
    for p in s.parameter_info:
        blocks.append(
            _lines(
                f"parameters.{_key(p.name)}",
                [
                    ("default", _number_text(p.default)),
                    _text_item("unit", p.unit),
                    _text_item("description", p.description),
                    _text_item("source", p.source),
                    ("stylised", "true" if p.stylised else None),
                    ("low", None if p.low is None else _number_text(p.low)),
                    ("high", None if p.high is None else _number_text(p.high)),
                ],
            )
        )
    for issue in s.issues:
        ikey = f"issues.{_key(issue.name)}"
        blocks.append(
            _lines(
                ikey,
                [
                    _text_item("title", issue.title),
                    ("controlled_by", _string(issue.controlled_by)),
                    ("status_quo", _string(issue.status_quo)),
                    _text_item("description", issue.description, long=True),
                    _text_item("source", issue.source),
                ],
            )
        )
        for level in issue.levels:
            blocks.append(
                _lines(
                    f"{ikey}.levels.{_key(level.name)}",
                    [
                        _text_item("label", level.label),
                        ("value", None if level.value is None else _number_text(level.value)),
                        _text_item("unit", level.unit),
                        _text_item("description", level.description),
                        _text_item("source", level.source),
                    ],
                )
            )
    for party in s.parties:
        pkey = f"parties.{_key(party.name)}"
        blocks.append(
            _lines(
                pkey,
                [_text_item("title", party.title), _text_item("description", party.description)],
            )
        )
        for issue_name, table in party.valuations.items():
            vkey = f"{pkey}.valuations.{_key(issue_name)}"
            blocks.append(
                _lines(
                    vkey,
                    [(level, _value_text(v, f"{vkey}.{level}")) for level, v in table.items()],
                )
            )
        for k, item in enumerate(party.interactions):
            when = "{ " + ", ".join(f"{_key(i)} = {_string(lv)}" for i, lv in item.when.items())
            lines = [
                f"[[{pkey}.interactions]]",
                f"when = {when} }}",
                f"value = {_value_text(item.value, f'{pkey}.interactions[{k}].value')}",
            ]
            if item.description:
                lines.append(f"description = {_string(item.description)}")
            blocks.append(lines)
        for bundle in s.strategies[party.name]:
            moves = ", ".join(f"{_key(i)} = {_string(lv)}" for i, lv in bundle.moves.items())
            blocks.append(
                _lines(
                    f"{pkey}.strategies.{_key(bundle.name)}",
                    [
                        _text_item("title", bundle.title),
                        _text_item("description", bundle.description),
                        ("moves", "{ " + moves + " }" if moves else "{}"),
                    ],
                )
            )
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def save(scenario: Scenario, path: str | Path) -> Path:
    """Write ``scenario`` to ``path`` as TOML; :func:`negotiation.load` reads it back equal.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    text = dumps(scenario)
    path.write_text(text, encoding="utf-8")
    return path
