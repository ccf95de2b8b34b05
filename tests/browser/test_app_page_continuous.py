"""The no-code page on a scenario with continuous strategies (tariff_war_2025), in a browser."""

from __future__ import annotations

import pytest

from browser.browser_helpers import (
    MATH_AS_TEXT,
    WIDGETS_AS_TEXT,
    move_slider,
    problems,
    settle,
    tables_with,
)
from browser.conftest import served_app


@pytest.fixture(scope="module")
def tariff_page():
    with served_app("tariff_war_2025") as served:
        yield served


def test_the_tariff_war_page_shows_the_nash_tariffs_and_moves_them(tariff_page, page):
    page.goto(tariff_page.url)
    page.wait_for_selector(".widget-slider", timeout=120_000)
    settle(page, ".widget-slider")
    assert page.locator(".widget-slider").count() == 5
    assert page.title() == tariff_page.scenario.title
    text = page.locator("body").inner_text()
    for code in ("import negotiation", "ng.explore(", "page_header("):
        assert code not in text  # no code on the page
    assert "United States" in text
    assert "Imports from China" in text
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert problems(page, WIDGETS_AS_TEXT) == []
    settle(page)
    assert problems(page, MATH_AS_TEXT) == []  # "$bn ... $438.9bn" stays text
    # the Nash tariffs at the defaults (31.1% and 60.3%) and the reaction-curve picture
    assert tables_with(page, "31.1%") == 1
    assert tables_with(page, "60.3%") == 1
    assert page.locator(".widget-image").count() == 1
    before = page.locator(".widget-image").first.get_attribute("src")
    move_slider(page, "Elasticity of China's export supply to the US", "6")
    page.wait_for_function(
        "() => [...document.querySelectorAll('table.negotiation')]"
        ".some(t => t.innerText.includes('17.3%'))",
        timeout=60_000,
    )
    assert tables_with(page, "31.1%") == 0
    assert tables_with(page, "60.3%") == 1  # China's tariff sits in the other market
    page.wait_for_function(
        "(old) => document.querySelector('.widget-image').getAttribute('src') !== old",
        arg=before,
        timeout=60_000,
    )
