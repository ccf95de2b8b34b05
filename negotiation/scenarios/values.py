"""Exact numbers and the checked fields every part of a scenario is built from.

A scenario's figures are exact rationals (:func:`exact_number`: ``0.55`` is
``11/20``); its tables are read-only, hashable mappings (:class:`FrozenMap`);
names and texts are checked once, with a :class:`~negotiation.ScenarioError`
that remembers the scenario-file key it is about. :func:`check_ranges` is the
one check of values against the ranges a scenario declares, shared by
``Scenario.with_defaults``, :func:`negotiation.sweep` and the command line.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from negotiation.errors import (
    ParameterRangeError,
    ParameterRangeWarning,
    ScenarioError,
    UnsafeExpressionError,
)
from negotiation.expressions import decimal_number, parse_expression

__all__ = [
    "FrozenMap",
    "check_label",
    "check_mapping",
    "check_ranges",
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


def _extremes(value: Any) -> tuple[Any, Any, bool]:
    """The smallest and largest of a number or of an array (exact numbers kept exact).

    The third item says whether ``value`` was an array (a sweep's axis).
    """
    if isinstance(value, sp.Basic | int | Fraction) and not isinstance(value, bool):
        return value, value, False
    array = np.asarray(value, dtype=float)
    if array.size == 0:
        return None, None, array.ndim > 0
    return float(array.min()), float(array.max()), array.ndim > 0


def _less(a: Any, b: Any) -> bool:
    """``a < b`` for floats or exact numbers, exactly where both are exact."""
    if isinstance(a, float) or isinstance(b, float):
        return float(a) < float(b)
    return bool(sp.Rational(a) < sp.Rational(b))


def _show(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def range_text(low: Any, high: Any) -> str:
    """A declared range as text, ``[0, 5]``; an open end is ``-inf`` or ``inf``.

    Examples
    --------
    >>> range_text(0, 5), range_text(None, sp.Rational(1, 2))
    ('[0, 5]', '[-inf, 1/2]')
    """
    return f"[{'-inf' if low is None else low}, {'inf' if high is None else high}]"


def check_ranges(
    scenario: Any,
    values: Mapping[Any, Any],
    *,
    strict: bool = False,
    source: str = "--set",
    stacklevel: int = 2,
) -> tuple[str, ...]:
    """Check values against the ranges a scenario declares: a warning outside, or an error.

    A value on the boundary of the range is inside it. Values for names the
    scenario does not declare are left to the caller (no check here).

    Parameters
    ----------
    scenario
        A :class:`~negotiation.Scenario` (anything with ``parameter_info``,
        a sequence of :class:`~negotiation.Parameter`).
    values
        ``{name or symbol: value}``; a value may be a number or an array of
        numbers (a sweep's axis), of which the smallest and largest are checked.
    strict
        Raise :class:`~negotiation.ParameterRangeError` instead of warning.
    source
        Where the values came from, for the message: ``"--set"``,
        ``"with_defaults"``, ``"grid"``, ...
    stacklevel
        Passed to :func:`warnings.warn`, so the warning points at the caller.

    Returns
    -------
    tuple of str
        The names of the parameters whose values lie outside their ranges
        (empty when every value is inside).

    Warns
    -----
    ParameterRangeWarning
        For each value outside its range, naming the range.

    Raises
    ------
    ParameterRangeError
        Under ``strict=True``, for the first value outside its range.

    Examples
    --------
    >>> import warnings, negotiation as ng
    >>> london = ng.load("london_framework")
    >>> check_ranges(london, {"m": 5, "re_loss_us": 0})  # both on the edge of [0, 5], [0, 10]
    ()
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     check_ranges(london, {"m": 20})
    ('m',)
    >>> print(caught[0].message)
    --set gives m = 20, outside the range [0, 5] that london_framework declares for m; the results extrapolate the scenario (pass strict=True, or --strict, to make this an error)
    >>> check_ranges(london, {"m": 20}, strict=True)
    Traceback (most recent call last):
    ...
    negotiation.errors.ParameterRangeError: --set gives m = 20, outside the range [0, 5] that london_framework declares for m; give a value from 0 to 5, or widen the range in the scenario (parameters.m.low and .high)
    """
    declared = {p.name: p for p in getattr(scenario, "parameter_info", ())}
    title = getattr(scenario, "name", None) or "the scenario"
    outside: list[str] = []
    for key, value in values.items():
        name = key.name if isinstance(key, sp.Symbol) else str(key)
        info = declared.get(name)
        if info is None or (info.low is None and info.high is None):
            continue
        smallest, largest, is_array = _extremes(value)
        if smallest is None:
            continue
        if info.low is not None and _less(smallest, info.low):
            offender, direction = smallest, "down"
        elif info.high is not None and _less(info.high, largest):
            offender, direction = largest, "up"
        else:
            continue
        outside.append(name)
        lead = (
            f"{source} takes {name} {direction} to {_show(offender)}"
            if is_array
            else f"{source} gives {name} = {_show(offender)}"
        )
        where = (
            f"{lead}, outside the range {range_text(info.low, info.high)} that {title} "
            f"declares for {name}"
        )
        if strict:
            span = (
                f"from {info.low} to {info.high}"
                if info.low is not None and info.high is not None
                else f"of at least {info.low}"
                if info.low is not None
                else f"of at most {info.high}"
            )
            raise ParameterRangeError(
                f"{where}; give a value {span}, or widen the range in the scenario "
                f"(parameters.{name}.low and .high)"
            )
        warnings.warn(
            f"{where}; the results extrapolate the scenario (pass strict=True, or --strict, "
            "to make this an error)",
            ParameterRangeWarning,
            stacklevel=stacklevel + 1,
        )
    return tuple(outside)
