"""The dated, sourced timeline: figures as in the domain brief, order, and tabular access."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import negotiation as ng

D = dt.date


@pytest.fixture(scope="module")
def record() -> ng.Timeline:
    return ng.timeline()


def test_timeline_is_frozen_and_shared(record):
    assert ng.timeline() is record
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.title = "x"  # type: ignore[misc]
    assert isinstance(record.tariff_rates, tuple)


def test_headline_tariff_path(record):
    path = {r.date: (r.us_on_china, r.china_on_us) for r in record.tariff_rates}
    assert path[D(2025, 2, 4)] == (10, None)
    assert path[D(2025, 3, 4)] == (20, None)
    assert path[D(2025, 4, 2)] == (54, None)
    # China's 34% (announced 4 Apr for 10 Apr) was raised to 84% before it applied
    assert path[D(2025, 4, 4)] == (54, None)
    assert path[D(2025, 4, 9)] == (104, None)
    assert path[D(2025, 4, 10)] == (145, 84)
    assert path[D(2025, 4, 12)] == (145, 125)
    # China's targeted tariffs of February and March are on listed goods, not all US goods
    assert path[D(2025, 2, 10)] == (10, None)
    assert "farm" in record.rate_on("2025-03-10").event
    assert path[D(2025, 5, 14)] == (30, 10)
    assert path[D(2025, 11, 10)] == (20, 10)
    dates = [r.date for r in record.tariff_rates]
    assert dates == sorted(dates)
    assert max(r.us_on_china for r in record.tariff_rates) == 145
    assert max(r.china_on_us or 0 for r in record.tariff_rates) == 125


def test_london_did_not_change_tariff_rates(record):
    assert record.rate_on("2025-06-11").us_on_china == record.rate_on("2025-05-14").us_on_china
    assert "Section 301" in record.rate_on(D(2025, 6, 30)).event


def test_rate_on_before_the_record_is_refused(record):
    with pytest.raises(ng.UnknownLabelError, match="starts on 2025-02-04"):
        record.rate_on("2025-01-01")


def test_the_55_percent_decomposition(record):
    parts = {c.name: c.rate for c in record.tariff_decomposition}
    assert parts == {"reciprocal": 10, "fentanyl": 20, "section_301": 25}
    assert record.tariff_total == 55
    assert "List 4A" in record.tariff_decomposition[-1].legal_basis


def test_piie_averages_are_flagged_where_uncertain(record):
    averages = {a.date: a for a in record.average_tariffs}
    assert averages[D(2025, 1, 20)].us_on_china == pytest.approx(20.8)
    assert not averages[D(2025, 1, 20)].uncertain
    after_geneva = averages[D(2025, 5, 14)]
    assert (after_geneva.us_on_china, after_geneva.china_on_us) == (
        pytest.approx(51.1),
        pytest.approx(32.6),
    )
    assert after_geneva.uncertain


def test_magnet_exports(record):
    may, june = record.magnet_exports
    assert (may.month, may.total_t, may.to_us_t) == (D(2025, 5, 1), 1238, 46)
    assert (june.month, june.total_t, june.to_us_t) == (D(2025, 6, 1), 3188, 353)
    assert "Adamas" in may.source
    assert "Reuters" in june.source


def test_students_open_doors(record):
    first, second = record.students
    assert (first.academic_year, first.chinese, first.total) == ("2023/24", 277398, 1126690)
    assert (second.academic_year, second.chinese, second.total) == ("2024/25", 265919, 1177766)
    assert second.chinese_change_pct == -4
    assert second.chinese_share == pytest.approx(265919 / 1177766)
    assert "Open Doors" in second.source


def test_events_cover_the_year_with_sources(record):
    titles = {e.date: e.title for e in record.events}
    assert titles[D(2025, 6, 9)] == "London framework"
    assert titles[D(2025, 10, 30)] == "Busan meeting"
    assert any(e.uncertain and "600,000" in e.title for e in record.events)


def test_key_figures(record):
    figures = {f.quantity: f for f in record.figures}
    assert figures["US goods imports from China"].value == pytest.approx(438.9)
    assert figures["REE mine output, China"].value == 270000
    assert figures["Spending by Chinese students in the US"].uncertain


@pytest.mark.parametrize("table", ng.timeline().tables)
def test_every_record_has_a_source_and_rows_are_dicts(record, table):
    rows = record.to_rows(table)
    assert rows
    for row in rows:
        assert row["source"]
        assert set(row) == {f.name for f in dataclasses.fields(type(getattr(record, table)[0]))}


def test_to_rows_default_is_the_tariff_table(record):
    rows = record.to_rows()
    assert rows[0] == {
        "date": D(2025, 2, 4),
        "event": "IEEPA 'fentanyl' tariff on all Chinese goods, first 10%",
        "source": "Washington Examiner timeline; Mondaq 26 Aug 2025",
        "us_on_china": 10,
        "china_on_us": None,
        "note": "",
    }


def test_to_rows_unknown_table(record):
    with pytest.raises(ng.UnknownLabelError, match="its tables are tariff_rates"):
        record.to_rows("tariffs")


def test_record_types_are_exported():
    for name in ("TariffRate", "TariffComponent", "MagnetExports", "StudentCount", "TimelineEvent"):
        assert hasattr(ng, name)
    assert isinstance(ng.timeline().tariff_rates[0], ng.TariffRate)
