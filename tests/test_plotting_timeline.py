"""The tariff timeline picture, checked against the package's dated record."""

import datetime as dt

import numpy as np
import pytest
from plot_helpers import render

import negotiation as ng
from negotiation.plotting import plot_timeline, timeline_data
from negotiation.scenarios.timeline import timeline


def test_rates_follow_the_record():
    data = timeline_data()
    record = timeline()
    assert data.start == dt.date(2025, 4, 1)
    assert data.end == record.tariff_rates[-1].date + dt.timedelta(days=20)
    assert data.dates[0] == np.datetime64("2025-04-01")
    assert len(data.dates) == len(data.us_on_china) == len(data.china_on_us)
    # every step equals the rate in force on its date
    for day, us, china in zip(data.dates, data.us_on_china, data.china_on_us, strict=True):
        rate = record.rate_on(day.astype(dt.date))
        assert us == rate.us_on_china
        assert np.isnan(china) if rate.china_on_us is None else china == rate.china_on_us
    assert data.basis == record.tariff_basis


def test_known_headline_rates():
    # domain brief: US 145% and China 125% at the April peak; 30% / 10% after Geneva
    data = timeline_data()

    def on(day):
        k = np.searchsorted(data.dates, np.datetime64(day), side="right") - 1
        return data.us_on_china[k], data.china_on_us[k]

    assert np.nanmax(data.us_on_china) == 145
    assert np.nanmax(data.china_on_us) == 125
    assert on("2025-04-20") == (145, 125)
    assert on("2025-06-15") == (30, 10)  # London changed non-tariff measures, not rates


def test_window_and_markers():
    data = timeline_data(start="2025-05-01", end=dt.date(2025, 7, 1))
    assert data.title == "Additional 2025 tariffs (headline), May 2025 to July 2025"
    assert [label for _, label in data.markers] == ["Geneva consensus", "London framework"]
    assert [day for day, _ in data.markers] == [
        ng.load("geneva_consensus").date,
        ng.load("london_framework").date,
    ]
    np.testing.assert_array_equal(data.average_us_on_china, [126.5, 51.1])
    assert data.average_uncertain.tolist() == [True, True]


def test_window_errors():
    with pytest.raises(ng.UnknownLabelError, match="window is empty"):
        timeline_data(start="2025-06-01", end="2025-05-01")
    with pytest.raises(ng.UnknownLabelError, match="must be a date"):
        timeline_data(start="June 2025")
    with pytest.raises(ng.UnknownLabelError, match="earlier"):
        timeline_data(start="2024-01-01")


def test_plot_timeline_renders():
    ax = plot_timeline()
    render(ax)
    assert ax.get_title() == "Additional 2025 tariffs (headline), April 2025 to November 2025"
    assert ax.get_xlabel() == "date"
    assert ax.get_ylabel() == "additional tariff (%)"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:2] == [
        "US tariff on Chinese goods (headline)",
        "China's tariff on US goods (headline)",
    ]
    texts = {t.get_text().strip() for t in ax.texts}
    assert {"London framework", "Geneva consensus", "Brinkmanship to Busan"} <= texts


def test_plot_timeline_without_averages():
    ax = plot_timeline(averages=False)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert not any("PIIE" in text for text in legend)
