"""The tariff timeline: headline rates from the April 2025 escalation to the Busan truce.

Everything drawn comes from the package's own dated, sourced record,
:func:`negotiation.timeline`: the headline
additional tariffs each side levied (step lines), PIIE's trade-weighted
average US tariff on China (dots; hollow where the brief marks the figure or
its date uncertain), and the dates of the built-in scenarios (vertical lines).

Examples
--------
>>> import numpy as np
>>> from negotiation.plotting import timeline_data
>>> data = timeline_data()
>>> int(np.nanmax(data.us_on_china)), int(np.nanmax(data.china_on_us))
(145, 125)
>>> [label for _, label in data.markers]
['April 2025 escalation', 'Geneva consensus', 'London framework', 'A third buyer', 'Bluff or resolve', 'Brinkmanship to Busan']
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from negotiation.errors import UnknownLabelError
from negotiation.plotting.style import OKABE_ITO, PLAYER_COLOURS, new_axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["TimelineData", "plot_timeline", "timeline_data"]

DEFAULT_START = _dt.date(2025, 4, 1)
END_MARGIN = _dt.timedelta(days=20)


@dataclass(frozen=True)
class TimelineData:
    """What :func:`plot_timeline` draws.

    Attributes
    ----------
    title, xlabel, ylabel
        The figure's title and axis labels.
    start, end
        The dates covered.
    dates
        ``datetime64[D]`` array: the start, then each change of a headline rate
        inside the window, then the end.
    us_on_china, china_on_us
        The headline additional tariff (percent) in force from each date
        (``nan`` where the record gives no figure).
    average_dates, average_us_on_china, average_uncertain
        PIIE average US tariffs on China inside the window, and whether the
        brief marks each uncertain.
    markers
        ``(date, label)`` of each dated built-in scenario inside the window.
    basis
        What the headline rates include (from the record).
    sources
        The source of each rate change drawn.
    """

    title: str
    xlabel: str
    ylabel: str
    start: _dt.date
    end: _dt.date
    dates: np.ndarray
    us_on_china: np.ndarray
    china_on_us: np.ndarray
    average_dates: np.ndarray
    average_us_on_china: np.ndarray
    average_uncertain: np.ndarray
    markers: tuple[tuple[_dt.date, str], ...]
    basis: str
    sources: tuple[str, ...]


def _date(value: Any, what: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise UnknownLabelError(
        f"{what} must be a date such as '2025-04-01' or datetime.date(2025, 4, 1); got {value!r}"
    )


def _value(v: Any) -> float:
    return float("nan") if v is None else float(v)


def _month_year(day: _dt.date) -> str:
    return day.strftime("%B %Y")


def timeline_data(
    *, start: _dt.date | str = DEFAULT_START, end: _dt.date | str | None = None
) -> TimelineData:
    """The numbers :func:`plot_timeline` draws, from :func:`negotiation.timeline`.

    Parameters
    ----------
    start
        The first date shown (default 1 April 2025, just before "Liberation Day").
    end
        The last date shown; by default 20 days after the last recorded rate
        change (the Busan truce taking effect on 10 November 2025).

    Returns
    -------
    TimelineData

    Raises
    ------
    UnknownLabelError
        For a malformed date, an empty window, or a start before the record.

    Examples
    --------
    >>> data = timeline_data(start="2025-05-01", end="2025-07-01")
    >>> data.us_on_china.tolist(), data.china_on_us.tolist()
    ([145.0, 30.0, 30.0, 30.0], [125.0, 10.0, 10.0, 10.0])
    """
    from negotiation.scenarios import load, scenarios
    from negotiation.scenarios.timeline import timeline

    record = timeline()
    first = _date(start, "start")
    last = _date(end, "end") if end is not None else record.tariff_rates[-1].date + END_MARGIN
    if not first < last:
        raise UnknownLabelError(f"the window is empty: start {first} is not before end {last}")
    opening = record.rate_on(first)  # raises for a start before the record
    changes = [r for r in record.tariff_rates if first < r.date <= last]
    rows = [opening, *changes]
    dates = np.array([first, *(r.date for r in changes), last], dtype="datetime64[D]")
    us = np.array([_value(r.us_on_china) for r in rows] + [_value(rows[-1].us_on_china)])
    china = np.array([_value(r.china_on_us) for r in rows] + [_value(rows[-1].china_on_us)])
    averages = [
        a for a in record.average_tariffs if first <= a.date <= last and a.us_on_china is not None
    ]
    markers = []
    for name in scenarios():
        scenario = load(name)
        if scenario.date is not None and first <= scenario.date <= last:
            markers.append((scenario.date, (scenario.title or name).split(":")[0]))
    return TimelineData(
        title=f"Additional 2025 tariffs (headline), {_month_year(first)} to {_month_year(last)}",
        xlabel="date",
        ylabel="additional tariff (%)",
        start=first,
        end=last,
        dates=dates,
        us_on_china=us,
        china_on_us=china,
        average_dates=np.array([a.date for a in averages], dtype="datetime64[D]"),
        average_us_on_china=np.array(
            [np.nan if a.us_on_china is None else float(a.us_on_china) for a in averages]
        ),
        average_uncertain=np.array([a.uncertain for a in averages], dtype=bool),
        markers=tuple(markers),
        basis=record.tariff_basis,
        sources=tuple(r.source for r in changes),
    )


def plot_timeline(
    *,
    start: _dt.date | str = DEFAULT_START,
    end: _dt.date | str | None = None,
    averages: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Draw the headline tariff rates of both sides over 2025, with the scenarios' dates.

    Parameters
    ----------
    start, end
        The window, as for :func:`timeline_data`.
    averages
        Also draw PIIE's average US tariff on China (dots; hollow if uncertain).
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    timeline_data : the numbers drawn.
    negotiation.timeline : the dated record with its sources.

    Examples
    --------
    >>> ax = plot_timeline()
    >>> ax.get_ylabel()
    'additional tariff (%)'
    """
    import matplotlib.dates as mdates

    data = timeline_data(start=start, end=end)
    ax = new_axes(ax, figsize=(8.0, 4.8))
    ax.step(
        data.dates,
        data.us_on_china,
        where="post",
        color=PLAYER_COLOURS[0],
        lw=2.5,
        label="US tariff on Chinese goods (headline)",
    )
    ax.step(
        data.dates,
        data.china_on_us,
        where="post",
        color=PLAYER_COLOURS[1],
        lw=2,
        ls="--",
        label="China's tariff on US goods (headline)",
    )
    if averages and len(data.average_dates):
        for uncertain, face, label in (
            (False, PLAYER_COLOURS[0], "US average tariff on China, all duties (PIIE)"),
            (True, "white", "US average tariff on China, all duties (PIIE; uncertain)"),
        ):
            pick = data.average_uncertain == uncertain
            if pick.any():
                ax.scatter(
                    data.average_dates[pick],
                    data.average_us_on_china[pick],
                    s=45,
                    facecolors=face,
                    edgecolors=PLAYER_COLOURS[0],
                    zorder=4,
                    label=label,
                )
    shown = [data.us_on_china, data.china_on_us]
    if averages and len(data.average_dates):
        shown.append(data.average_us_on_china)
    top = float(np.nanmax(np.concatenate(shown))) * 1.12
    for day, label in data.markers:
        ax.axvline(mdates.date2num(np.datetime64(day)), color=OKABE_ITO["black"], lw=0.8, ls=":")
        ax.text(
            mdates.date2num(np.datetime64(day)),
            top * 0.98,
            " " + label,
            rotation=90,
            va="top",
            ha="right",
            fontsize="small",
        )
    ax.set_ylim(0, top)
    ax.set_xlim(
        mdates.date2num(np.datetime64(data.start)), mdates.date2num(np.datetime64(data.end))
    )
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
    ax.set_title(data.title)
    ax.set_xlabel(data.xlabel)
    ax.set_ylabel(data.ylabel)
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False, fontsize="small"
    )
    return ax
