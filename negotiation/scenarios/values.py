"""Exact numbers and the checked fields every part of a scenario is built from.

A scenario's figures are exact rationals (:func:`exact_number`: ``0.55`` is
``11/20``); its tables are read-only, hashable mappings (:class:`FrozenMap`);
names and texts are checked once, with a :class:`~negotiation.ScenarioError`
that remembers the scenario-file key it is about.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import sympy as sp

from negotiation.errors import ScenarioError, UnsafeExpressionError
from negotiation.expressions import decimal_number, parse_expression

__all__ = [
    "FrozenMap",
    "check_label",
    "check_mapping",
    "check_text",
    "exact_number",
    "optional_number",
    "scenario_error",
]


def scenario_error(message: str, key: str | None = None) -> ScenarioError:
    """A ScenarioError that remembers the dotted file key it is about (for file errors)."""
    err = ScenarioError(message)
    err.key = key  # type: ignore[attr-defined]
    return err


def exact_number(value: Any, what: str = "value") -> sp.Rational:
    """Convert a number to an exact sympy rational.

    Integers, fractions, decimals and sympy rationals convert exactly; a float is
    read as the decimal it prints as (``0.55`` becomes ``11/20``); a string may
    be a decimal or a fraction (``"0.55"``, ``"1/3"``).

    Raises
    ------
    ScenarioError
        For anything that is not a finite number.

    Examples
    --------
    >>> exact_number(0.55), exact_number("1/3"), exact_number(2)
    (11/20, 1/3, 2)
    """
    if isinstance(value, bool):
        raise ScenarioError(f"{what} is the boolean {value!r}; give a number")
    if isinstance(value, sp.Basic):
        if value.is_Rational:
            return value
        if value.is_Float:
            return _decimal(str(value), what)
        raise ScenarioError(f"{what} is {value}, which is not a number")
    if isinstance(value, int):
        return sp.Integer(value)
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ScenarioError(f"{what} is {value}; give a finite number")
        return _decimal(str(value), what)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ScenarioError(f"{what} is {value}; give a finite number")
        return sp.Rational(repr(value))
    if isinstance(value, str):
        try:
            parsed = parse_expression(value, (), what=what)
        except UnsafeExpressionError as err:
            raise ScenarioError(
                f"{what} is {value!r}, which is not a number (write e.g. 0.55 or 1/3)"
            ) from err
        if parsed.is_Rational:
            return parsed
        raise ScenarioError(f"{what} is {value!r}, which is not a rational number")
    if hasattr(value, "__index__"):
        return sp.Integer(int(value))
    if hasattr(value, "__float__"):  # numpy floats
        return exact_number(float(value), what)
    raise ScenarioError(f"{what} is a {type(value).__name__} ({value!r}); give a number")


def _decimal(text: str, what: str) -> sp.Rational:
    """A decimal's exact value, refusing huge digits or exponents before computing anything."""
    try:
        return decimal_number(text, what)
    except UnsafeExpressionError as err:
        raise ScenarioError(str(err)) from None


def optional_number(value: Any, what: str) -> sp.Rational | None:
    """:func:`exact_number`, or ``None`` for ``None`` (an optional figure left out)."""
    return None if value is None else exact_number(value, what)


def check_text(value: Any, what: str) -> str:
    """``value`` if it is text; otherwise a ScenarioError naming ``what``."""
    if not isinstance(value, str):
        raise ScenarioError(f"{what} must be text, not {type(value).__name__} ({value!r})")
    return value


def check_label(value: Any, what: str) -> str:
    """``value`` if it is a non-empty name without surrounding spaces; otherwise a ScenarioError."""
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise ScenarioError(
            f"{what} must be a non-empty name without surrounding spaces; got {value!r}"
        )
    return value


class FrozenMap(Mapping[Any, Any]):
    """A read-only, hashable dictionary (equal to a ``dict`` with the same items).

    Examples
    --------
    >>> m = FrozenMap({"a": 1})
    >>> m == {"a": 1}, m["a"], hash(m) == hash(FrozenMap({"a": 1}))
    (True, 1, True)
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[Any, Any] | Iterable[tuple[Any, Any]] = ()) -> None:
        self._data = dict(data)

    def __getitem__(self, key: Any) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self._data)


def check_mapping(value: Any, what: str) -> Mapping[Any, Any]:
    """``value`` if it is a mapping (``{}`` for ``None``); otherwise a ScenarioError."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ScenarioError(f"{what} must be a mapping (a table), not {type(value).__name__}")
    return value
