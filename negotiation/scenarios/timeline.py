"""The dated, sourced record of the 2025 US-China trade negotiations.

:func:`timeline` reads ``data/timeline.toml`` (every figure with its source) into a frozen :class:`Timeline` of
typed records: headline tariff rates, PIIE average tariffs, the decomposition
of the "55%", monthly magnet exports, Chinese students in the US, dated events
and key figures. ``uncertain`` marks figures the brief flags as resting on a
single report, a definition or an uncertain date.

Examples
--------
>>> import negotiation as ng
>>> t = ng.timeline()
>>> [(r.date.isoformat(), r.us_on_china, r.china_on_us) for r in t.tariff_rates][-3:]
[('2025-05-14', 30, 10), ('2025-06-11', 30, 10), ('2025-11-10', 20, 10)]
>>> [c.rate for c in t.tariff_decomposition], t.tariff_total
([10, 20, 25], 55)
>>> t.to_rows("magnet_exports")[0]["to_us_t"]
46
"""

from __future__ import annotations

import datetime as _dt
import tomllib
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from negotiation.errors import ScenarioFileError, UnknownLabelError

__all__ = [
    "AverageTariff",
    "KeyFigure",
    "MagnetExports",
    "StudentCount",
    "TariffComponent",
    "TariffRate",
    "Timeline",
    "TimelineEvent",
    "timeline",
]

Number = int | float


@dataclass(frozen=True)
class TariffRate:
    """Headline additional tariffs in force after a dated event (percentage points).

    ``us_on_china`` is the 2025 IEEPA layer (fentanyl + reciprocal) on top of
    Section 301 and MFN duties; ``china_on_us`` is China's retaliatory tariff.
    ``None`` where the brief gives no figure.
    """

    date: _dt.date
    event: str
    source: str
    us_on_china: Number | None = None
    china_on_us: Number | None = None
    note: str = ""


@dataclass(frozen=True)
class AverageTariff:
    """A trade-weighted average tariff (PIIE), lower than the headline rate."""

    date: _dt.date
    source: str
    us_on_china: Number | None = None
    china_on_us: Number | None = None
    uncertain: bool = False
    note: str = ""


@dataclass(frozen=True)
class TariffComponent:
    """One layer of the "55%" of the London framework."""

    name: str
    rate: Number
    legal_basis: str
    source: str


@dataclass(frozen=True)
class MagnetExports:
    """China's rare-earth magnet exports in one month (tonnes)."""

    month: _dt.date
    total_t: Number
    to_us_t: Number
    change: str
    source: str


@dataclass(frozen=True)
class StudentCount:
    """Chinese and all international students in the US in one academic year."""

    academic_year: str
    chinese: int
    total: int
    chinese_change_pct: Number
    source: str

    @property
    def chinese_share(self) -> float:
        """Chinese students as a fraction of all international students."""
        return self.chinese / self.total


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event; ``when`` keeps the source's wording of the date (e.g. "May 10-12")."""

    date: _dt.date
    when: str
    title: str
    description: str
    source: str
    uncertain: bool = False


@dataclass(frozen=True)
class KeyFigure:
    """A key figure with its unit, period and source."""

    quantity: str
    value: Number
    unit: str
    period: str
    source: str
    uncertain: bool = False


_TABLES: dict[str, type] = {
    "tariff_rates": TariffRate,
    "average_tariffs": AverageTariff,
    "tariff_decomposition": TariffComponent,
    "magnet_exports": MagnetExports,
    "students": StudentCount,
    "events": TimelineEvent,
    "figures": KeyFigure,
}


@dataclass(frozen=True)
class Timeline:
    """The dated records, one tuple per table; see :func:`timeline`.

    Attributes
    ----------
    tariff_rates, average_tariffs, tariff_decomposition, magnet_exports, students, events, figures
        Tuples of records, in date order where dated.
    title, tariff_basis
        What the record covers and what the headline tariff rates include.
    """

    tariff_rates: tuple[TariffRate, ...]
    average_tariffs: tuple[AverageTariff, ...]
    tariff_decomposition: tuple[TariffComponent, ...]
    magnet_exports: tuple[MagnetExports, ...]
    students: tuple[StudentCount, ...]
    events: tuple[TimelineEvent, ...]
    figures: tuple[KeyFigure, ...]
    title: str = ""
    tariff_basis: str = ""

    @property
    def tables(self) -> tuple[str, ...]:
        """The names of the record tables, for :meth:`to_rows`."""
        return tuple(_TABLES)

    @property
    def tariff_total(self) -> Number:
        """The sum of the "55%" decomposition (10 + 20 + 25)."""
        return sum(c.rate for c in self.tariff_decomposition)

    def to_rows(self, table: str = "tariff_rates") -> list[dict[str, Any]]:
        """One dictionary per record of ``table`` (ready for ``pandas.DataFrame``).

        Raises
        ------
        UnknownLabelError
            For an unknown table name (the message lists them).

        Examples
        --------
        >>> import negotiation as ng
        >>> sorted(ng.timeline().to_rows()[0])
        ['china_on_us', 'date', 'event', 'note', 'source', 'us_on_china']
        """
        if table not in _TABLES:
            raise UnknownLabelError(
                f"the timeline has no table {table!r}; its tables are " + ", ".join(_TABLES)
            )
        return [asdict(record) for record in getattr(self, table)]

    def rate_on(self, date: _dt.date | str) -> TariffRate:
        """The headline tariff rates in force on ``date`` (the latest record not after it).

        Examples
        --------
        >>> import negotiation as ng
        >>> r = ng.timeline().rate_on("2025-06-01")
        >>> r.us_on_china, r.china_on_us
        (30, 10)
        """
        day = _dt.date.fromisoformat(date) if isinstance(date, str) else date
        earlier = [r for r in self.tariff_rates if r.date <= day]
        if not earlier:
            first = self.tariff_rates[0].date.isoformat()
            raise UnknownLabelError(f"the tariff record starts on {first}; {day} is earlier")
        return earlier[-1]


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _records(data: dict[str, Any], table: str, path: str) -> tuple[Any, ...]:
    cls = _TABLES[table]
    names = {f.name for f in fields(cls)}
    out = []
    for k, row in enumerate(data.get(table, [])):
        unknown = set(row) - names
        if unknown:
            raise ScenarioFileError(
                f"unknown field(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(names))}",
                path=path,
                key=f"{table}[{k}]",
            )
        values = {name: _plain(row.get(name)) for name in names if name in row}
        try:
            out.append(cls(**values))
        except TypeError as err:
            raise ScenarioFileError(str(err), path=path, key=f"{table}[{k}]") from None
    key = next((f.name for f in fields(cls) if f.name in ("date", "month")), None)
    if key is not None:
        out.sort(key=lambda r: getattr(r, key))
    return tuple(out)


@cache
def timeline() -> Timeline:
    """The dated, sourced record of 2025: tariffs, magnet exports, students, events.

    Returns
    -------
    Timeline
        A frozen object; the same one on every call.

    Examples
    --------
    >>> import negotiation as ng
    >>> ng.timeline().students[-1].chinese
    265919
    """
    path = "negotiation/scenarios/data/timeline.toml"
    text = (
        resources.files("negotiation.scenarios")
        .joinpath("data", "timeline.toml")
        .read_text(encoding="utf-8")
    )
    data = tomllib.loads(text, parse_float=Decimal)
    about = data.get("about", {})
    tables = {table: _records(data, table, path) for table in _TABLES}
    return Timeline(
        **tables,
        title=about.get("title", ""),
        tariff_basis=about.get("tariff_basis", ""),
    )
