"""What notebook 1 (the timeline and the numbers) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_rates_on(rates_on, record):
    assert rates_on("2025-02-10") == (10, None)  # China's February tariffs: listed goods only
    assert rates_on("2025-04-02") == (54, None)
    assert rates_on("2025-04-04") == (54, None)  # China's 34% is announced, not in force
    assert rates_on("2025-04-09") == (104, None)
    assert rates_on("2025-04-10") == (145, 84)  # China's tariff starts at 84%
    assert rates_on("2025-04-12") == (145, 125)  # the peak of the spiral
    assert rates_on("2025-05-14") == (30, 10)  # Geneva in force
    assert rates_on("2025-06-11") == rates_on("2025-05-14")  # London: no tariff change
    assert rates_on("2025-11-10") == (20, 10)  # Busan in force
    assert "farm" in record.rate_on("2025-03-10").event
    assert "farm tariffs" in record.rate_on("2025-11-10").note
    assert max(r.us_on_china for r in record.tariff_rates) == 145


def after_decomposition(rate, record, reciprocal_on_2_april):
    assert record.tariff_total == 55
    assert rate == {"reciprocal": 10, "fentanyl": 20, "section_301": 25}
    assert rate["reciprocal"] + rate["fentanyl"] == record.rate_on("2025-05-14").us_on_china == 30
    assert reciprocal_on_2_april == 34
    assert reciprocal_on_2_april - 24 == rate["reciprocal"]


def after_london_truce(truce):
    assert truce.value == 30


def after_all_in_headline(all_in_headline, record):
    assert all_in_headline("2025-06-11") == record.tariff_total == 55


def after_averages(record, all_in_headline):
    import datetime as dt

    after_geneva = next(a for a in record.average_tariffs if a.date == dt.date(2025, 5, 14))
    early_may = next(a for a in record.average_tariffs if a.date == dt.date(2025, 5, 1))
    assert after_geneva.us_on_china == 51.1 < all_in_headline(after_geneva.date) == 55
    assert early_may.us_on_china == 126.5 < all_in_headline(early_may.date) == 170


def after_busan_cut(busan_cut):
    assert busan_cut == 57 - 47 == 10


def after_mining_share(china, world):
    assert round(100 * china / world) == 69


def after_magnet_months(may, june, monthly_2024):
    assert may.total_t < monthly_2024
    assert june.total_t > may.total_t
    assert (may.to_us_t, june.to_us_t) == (46, 353)


def after_spending(latest):
    assert latest.chinese == 265_919
    assert round(100 * latest.chinese_share, 1) == 22.6


def after_six_hundred(six_hundred):
    assert six_hundred.uncertain


def after_exposure(china_exposure, us_exposure, imports, exports, figure):
    assert round(china_exposure, 3) == 0.023
    assert round(us_exposure, 3) == 0.005
    assert round(imports - exports, 1) == figure["US goods deficit with China"].value


def after_solution_1(answers, all_in_headline):
    assert answers == {"2025-04-12": 152.5, "2025-06-01": 37.5, "2025-11-15": 27.5}
    assert all_in_headline("2025-06-10", "List 4A") == all_in_headline("2025-06-12", "List 4A")


def after_solution_2(monthly_2024, shortfall, share_may, share_june):
    assert round(monthly_2024) == 4846
    assert round(100 * shortfall) == 74
    assert share_may < 0.04
    assert 0.10 < share_june < 0.12


def after_solution_3(share, scaled, per_year, latest):
    assert round(100 * share, 1) == 24.6
    assert round(scaled, 1) == 10.8
    assert round(100 * (per_year / latest.chinese - 1)) == 13
