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

A party's valuation table for an issue lists every level of that issue, the
status quo included; write ``level = 0`` for a level worth nothing, so that a
line deleted by mistake is reported rather than read as 0. An issue a party
does not value at all is left out. For the same
reason a strategy with a title or description gives ``moves`` (``moves = {}``
for the status quo); an empty strategy table is the status-quo bundle. Comments in a file are not kept by :func:`save`, which writes the
scenario in a standard layout.

Errors name the file, the line, the key and the fix. Reading takes bounded
time and memory on any input: numbers are bounded as in
:mod:`negotiation.expressions`, and every payoff is checked at the
parameters' default values (finite, real, within the bounds).

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
import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sympy as sp

from negotiation.errors import ScenarioError, ScenarioFileError, UnsafeExpressionError
from negotiation.expressions import (
    MAX_DIGITS,
    check_expression_size,
    decimal_number,
    expression_text,
    substitute,
)
from negotiation.scenarios.issues import Issue, Level
from negotiation.scenarios.parties import Interaction, Party, Strategy, check_levels_listed
from negotiation.scenarios.scenario import Parameter, Scenario

if TYPE_CHECKING:
    from negotiation.scenarios.continuous_file import ContinuousScenario

__all__ = ["dumps", "find_line", "load_file", "loads", "save", "toml_string"]

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
        text = path.read_text(encoding="utf-8-sig")
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
    """Read a scenario from TOML text; ``path`` is only used in error messages.

    A leading UTF-8 byte-order mark is ignored.
    """
    if not isinstance(text, str):
        raise ScenarioFileError(
            f"loads needs the file's text (str), not {type(text).__name__}", path=path
        )
    text = text.removeprefix("\ufeff")
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except RecursionError:
        raise ScenarioFileError(
            "not valid here: arrays or tables are nested too deeply; a scenario file needs "
            "at most a few levels",
            path=path,
            line=_deep_line(text),
        ) from None
    except (ValueError, MemoryError) as err:
        if isinstance(err, tomllib.TOMLDecodeError):
            raise _toml_error(err, path, text) from None
        raise ScenarioFileError(
            f"a number is too long to read ({str(err).split(';')[0]}); numbers in a file have "
            f"at most {MAX_DIGITS} digits",
            path=path,
            line=_long_number_line(text),
        ) from None
    from negotiation.scenarios import continuous_file  # continuous strategies, trade models

    if continuous_file.is_continuous(data):
        return continuous_file.scenario_from_data(data, text, path=path)  # type: ignore[return-value]
    try:
        if "types" in data:  # private information (negotiation.scenarios.private_file)
            from negotiation.scenarios.private_file import private_scenario

            scenario: Scenario = private_scenario(data, _scenario)
        else:
            scenario = _scenario(data)
        _check_at_defaults(scenario)
        return scenario
    except (ScenarioError, UnsafeExpressionError) as err:
        key = getattr(err, "key", None)
        raise ScenarioFileError(str(err), path=path, line=find_line(text, key), key=key) from err


def _toml_error(err: tomllib.TOMLDecodeError, path: str | None, text: str) -> ScenarioFileError:
    message = str(err)
    match = re.search(r"\(at line (\d+), column \d+\)", message)
    line = int(match.group(1)) if match else None
    if "(at end of document)" in message:
        line = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
    message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
    return ScenarioFileError(
        f"not valid TOML: {message}; check quotes, brackets and '=' signs",
        path=path,
        line=line,
    )


def _short(value: sp.Rational) -> str:
    """A number for a message: as written when short, else rounded (``1.000e+100``)."""
    text = str(value)
    if len(text) <= 24:
        return text
    return str(sp.Float(value, 4))


def _long_number_line(text: str) -> int | None:
    """The first line with a run of more than MAX_DIGITS digits (for the error)."""
    for number, line in enumerate(text.splitlines(), start=1):
        run = 0
        for ch in line:
            run = run + 1 if ch.isdigit() else 0
            if run > MAX_DIGITS:
                return number
    return None


def _deep_line(text: str) -> int | None:
    """The first line where brackets or braces nest more than 50 deep (for the error)."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        for ch in line:
            depth += 1 if ch in "[{" else -1 if ch in "]}" else 0
            if depth > 50:
                return number
    return None


def _check_at_defaults(scenario: Scenario) -> None:
    """Every payoff at the parameters' defaults: finite, real and within the bounds."""
    defaults = scenario.defaults
    for party in scenario.parties:
        items: list[tuple[str, sp.Expr]] = [
            (f"parties.{party.name}.valuations.{issue}.{level}", value)
            for issue, table in party.valuations.items()
            for level, value in table.items()
        ]
        items += [
            (f"parties.{party.name}.interactions[{k}].value", item.value)
            for k, item in enumerate(party.interactions)
        ]
        for key, value in items:
            used = sorted(s.name for s in value.free_symbols if isinstance(s, sp.Symbol))
            if not used:
                continue
            at = ", ".join(f"{n} = {_short(defaults[sp.Symbol(n)])}" for n in used)
            where = f"{key} = {value} at the default {at}"
            try:
                number = substitute(value, defaults, where)
            except UnsafeExpressionError as err:
                raise _fail(f"{err}; change the default or the formula", key) from None
            except (ValueError, TypeError) as err:  # e.g. min(I, 1): "not comparable"
                raise _fail(
                    f"{where} cannot be evaluated ({err}); it is not a real number there; "
                    "change the default or the formula",
                    key,
                ) from None
            if number.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
                raise _fail(
                    f"{where} is infinite or undefined (it divides by zero); change the default "
                    "or the formula",
                    key,
                )
            if number.has(sp.I) or number.is_real is False:
                raise _fail(
                    f"{where} is {number}, which is not a real number; change the default or "
                    "the formula",
                    key,
                )


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
    if isinstance(value, Decimal):
        return _decimal(value, key)
    return value


def _decimal(value: Decimal, key: str) -> sp.Rational:
    """A decimal read exactly, refusing huge digits or exponents before computing anything."""
    if not value.is_finite():
        raise _fail(f"{key} is {value}; give a finite number", key)
    try:
        return decimal_number(str(value), key)
    except UnsafeExpressionError as err:
        raise _fail(str(err), key) from None


def _keyed(key: str, build: Any, *args: Any, **kwargs: Any) -> Any:
    """``build(*args, **kwargs)``, with ``key`` attached to a ScenarioError that has none."""
    try:
        return build(*args, **kwargs)
    except (ScenarioError, UnsafeExpressionError) as err:
        if getattr(err, "key", None) is None:
            err.key = key  # type: ignore[union-attr]
        raise


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
    parties, strategies = _parties(data.get("parties", {}), issues)
    return _keyed(
        "scenario",
        Scenario,
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
            _keyed(
                key,
                Parameter,
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
                _keyed(
                    level_key,
                    Level,
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
            _keyed(
                key,
                Issue,
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


def _parties(
    data: Any, issues: tuple[Issue, ...]
) -> tuple[tuple[Party, ...], dict[str, tuple[Strategy, ...]]]:
    parties, strategies = [], {}
    issue_of = {issue.name: issue for issue in issues}
    for name, spec in _table(data, "parties").items():
        key = f"parties.{name}"
        spec = _table(spec, key)
        _only(spec, _PARTY_KEYS, key)
        valuations = {}
        for issue, table in _table(spec.get("valuations", {}), f"{key}.valuations").items():
            table = _table(table, f"{key}.valuations.{issue}")
            if issue in issue_of:  # an unknown issue is reported by Scenario
                check_levels_listed(name, issue_of[issue], table, f"{key}.valuations.{issue}")
            # a level worth 0 is stored as no entry, as a Party built in Python has it
            valuations[issue] = {
                level: _expression(value, f"{key}.valuations.{issue}.{level}")
                for level, value in table.items()
                if not _is_zero(value)
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
                _keyed(
                    item_key,
                    Interaction,
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
            if bundle and "moves" not in bundle:  # a deleted line, not "no moves"
                raise _fail(
                    f'strategy {label!r} of {name} needs moves = {{ issue = "level" }}; '
                    "write moves = {} for the bundle that moves nothing (or leave its table "
                    "empty)",
                    bundle_key,
                )
            bundles.append(
                _keyed(
                    bundle_key,
                    Strategy,
                    label,
                    dict(_table(bundle.get("moves", {}), f"{bundle_key}.moves")),
                    title=_get_text(bundle, "title", bundle_key),
                    description=_get_text(bundle, "description", bundle_key),
                )
            )
        parties.append(
            _keyed(
                key,
                Party,
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
    if isinstance(value, Decimal):
        return _decimal(value, key)
    return sp.Integer(value)


def _is_zero(value: Any) -> bool:
    """Whether a valuation is the literal 0 (``0``, ``0.0``, ``"0"``): the same as no entry."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | Decimal):
        return value == 0
    return isinstance(value, str) and value.strip() in ("0", "0.0", "-0")


def find_line(text: str, key: str | None) -> int | None:
    """The line of a dotted key in TOML text, found by its table header and key name.

    One pass over the lines, each read with plain string operations (no
    backtracking), skipping the inside of multi-line strings. A key that is
    not written in the file (e.g. a whole table left out) gives the line of
    the nearest enclosing table, else the first table under it, else line 1.
    """
    if key is None:
        return None
    parts = key.split(".") if key else []
    found: dict[str, int] = {}
    arrays: dict[str, int] = {}
    current = ""
    quote = ""  # the delimiter of the multi-line string being skipped
    for number, line in enumerate(text.splitlines(), start=1):
        if quote:
            if quote in line:
                quote = ""
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            array = stripped.startswith("[[")
            inner = stripped[2:] if array else stripped[1:]
            close = inner.find("]")
            if close > 0:
                current = _dotted(inner[:close])
                if array:
                    arrays[current] = arrays.get(current, -1) + 1
                    current = f"{current}[{arrays[current]}]"
                found.setdefault(current, number)
            continue
        equals = stripped.find("=")
        if equals > 0 and not stripped.startswith("#"):
            name = _dotted(stripped[:equals])
            if name:
                found.setdefault(f"{current}.{name}" if current else name, number)
            rest = stripped[equals + 1 :].strip()
            for delimiter in ('"""', "'''"):
                if rest.startswith(delimiter) and rest.count(delimiter) == 1:
                    quote = delimiter
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in found:
            return found[candidate]
        below = [line for name, line in found.items() if name.startswith(candidate + ".")]
        if below:
            return min(below)
    return 1


def _dotted(text: str) -> str:
    """A TOML key as dotted text: ``parties . "US" . title`` -> ``parties.US.title``."""
    return ".".join(p.strip().strip('"').strip("'") for p in text.split("."))


# ---------------------------------------------------------------------- writing
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else toml_string(name)


def toml_string(text: str, *, multiline: bool = False) -> str:
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
    return toml_string(text, multiline="\n" in text)


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


def _number_text(value: sp.Rational, key: str = "a number") -> str:
    p, q = abs(int(value.p)), int(value.q)
    if max(p.bit_length(), q.bit_length()) > 3321 and max(p, q) > 10**MAX_DIGITS:
        raise ScenarioError(
            f"cannot save {key}: the number has about {int(max(p, q).bit_length() * 0.30103)} "
            f"digits, and a file holds numbers up to 10**{MAX_DIGITS}; write it in other units"
        )
    if value.is_Integer:
        return str(int(value))
    decimal = _decimal_text(value)
    return decimal if decimal is not None else toml_string(str(value))


def _value_text(value: sp.Expr, key: str) -> str:
    if value.is_Rational:
        return _number_text(value, key)
    try:
        check_expression_size(value, key)
        return toml_string(expression_text(value))
    except (UnsafeExpressionError, ValueError) as err:
        raise ScenarioError(f"cannot save {key}: {err}") from None


def _lines(table: str, items: list[tuple[str, str | None]]) -> list[str]:
    out = [f"[{table}]"]
    out += [f"{_key(k)} = {v}" for k, v in items if v is not None]
    return out


def _text_item(name: str, value: str, long: bool = False) -> tuple[str, str | None]:
    if not value:
        return (name, None)
    return (name, _long_string(value) if long else toml_string(value))


def dumps(scenario: Scenario | ContinuousScenario) -> str:
    """The scenario as TOML text that :func:`loads` reads back equal.

    Raises
    ------
    ScenarioError
        If a payoff expression uses something the file grammar cannot write
        (e.g. ``sympy.sin``).
    """
    from negotiation.scenarios import continuous_file

    if isinstance(scenario, continuous_file.ContinuousScenario):  # strategy intervals
        return continuous_file.dumps(scenario)
    if not isinstance(scenario, Scenario):
        raise ScenarioError(f"dumps needs a Scenario, not {type(scenario).__name__}")
    from negotiation.scenarios.private_file import PrivateScenario, types_toml

    if isinstance(scenario, PrivateScenario):  # the ordinary tables, then [types]
        return dumps(scenario.plain()).rstrip("\n") + "\n\n" + types_toml(scenario)
    s = scenario
    blocks: list[list[str]] = []
    head: list[tuple[str, str | None]] = [
        ("name", toml_string(s.name)),
        _text_item("title", s.title),
        ("date", s.date.isoformat() if s.date else None),
        _text_item("payoff_unit", s.payoff_unit),
        _text_item("description", s.description, long=True),
        (
            "status_quo_profile",
            "[" + ", ".join(toml_string(x) for x in s.status_quo_profile or ()) + "]",
        ),
    ]
    if s.sources:
        head.append(("sources", "[\n" + "".join(f"  {toml_string(x)},\n" for x in s.sources) + "]"))
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
                    ("default", _number_text(p.default, f"parameters.{p.name}.default")),
                    _text_item("unit", p.unit),
                    _text_item("description", p.description),
                    _text_item("source", p.source),
                    ("stylised", "true" if p.stylised else None),
                    (
                        "low",
                        None if p.low is None else _number_text(p.low, f"parameters.{p.name}.low"),
                    ),
                    (
                        "high",
                        None
                        if p.high is None
                        else _number_text(p.high, f"parameters.{p.name}.high"),
                    ),
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
                    ("controlled_by", toml_string(issue.controlled_by)),
                    ("status_quo", toml_string(issue.status_quo)),
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
                        (
                            "value",
                            None
                            if level.value is None
                            else _number_text(level.value, f"{ikey}.levels.{level.name}.value"),
                        ),
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
            issue = s.issue(issue_name)
            # every level is written, the status quo included, 0 where none is given
            full = {level: table.get(level, sp.Integer(0)) for level in issue.level_names}
            blocks.append(
                _lines(
                    vkey,
                    [(level, _value_text(v, f"{vkey}.{level}")) for level, v in full.items()],
                )
            )
        for k, item in enumerate(party.interactions):
            when = "{ " + ", ".join(f"{_key(i)} = {toml_string(lv)}" for i, lv in item.when.items())
            lines = [
                f"[[{pkey}.interactions]]",
                f"when = {when} }}",
                f"value = {_value_text(item.value, f'{pkey}.interactions[{k}].value')}",
            ]
            if item.description:
                lines.append(f"description = {toml_string(item.description)}")
            blocks.append(lines)
        for bundle in s.strategies[party.name]:
            moves = ", ".join(f"{_key(i)} = {toml_string(lv)}" for i, lv in bundle.moves.items())
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


def save(scenario: Scenario | ContinuousScenario, path: str | Path) -> Path:
    """Write ``scenario`` to ``path`` as TOML; :func:`negotiation.load` reads it back equal.

    The write is atomic: the text is written to a temporary file in the same
    folder, which then replaces ``path`` in one step, so a failure (a text
    that cannot be encoded, a full disk) leaves an existing file as it was.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ScenarioError
        If the scenario cannot be written as a file (e.g. a text with a lone
        surrogate character, or a payoff outside the file grammar).
    ScenarioFileError
        If the file cannot be written (the message gives the path and reason).
    """
    path = Path(path)
    data = _encoded(dumps(scenario))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else None
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except (OSError, ValueError) as err:
        raise ScenarioFileError(
            f"cannot write the file ({getattr(err, 'strerror', None) or err})", path=str(path)
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as err:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise ScenarioFileError(
            f"cannot write the file ({err.strerror or err}); an existing file is unchanged",
            path=str(path),
        ) from None
    return path


def _encoded(text: str) -> bytes:
    """The text as UTF-8, or a ScenarioError naming the line with a character UTF-8 cannot hold."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as err:
        line = text.count("\n", 0, err.start) + 1
        char = text[err.start]
        raise ScenarioError(
            f"cannot save: line {line} of the text holds the character {char!r}, a lone "
            "surrogate that no file can hold; remove it from the scenario's texts"
        ) from None
