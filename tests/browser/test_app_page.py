"""The no-code page of ``negotiation app``, in a browser: sliders, no code, live equilibria."""

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
def busan_page():
    with served_app("busan_truce") as served:
        yield served


def test_the_app_page_shows_sliders_not_code_and_moves(busan_page, page):
    page.goto(busan_page.url)
    page.wait_for_selector(".widget-slider", timeout=120_000)
    settle(page, ".widget-slider")
    assert page.locator(".widget-slider").count() == 3
    assert page.title() == busan_page.scenario.title
    assert "Brinkmanship to Busan" in page.locator("h1").first.inner_text()
    text = page.locator("body").inner_text()
    for code in ("import negotiation", "ng.explore(", "page_header("):
        assert code not in text  # no code on the page
    assert page.locator(".jp-InputArea:visible, .jp-Cell-inputWrapper:visible").count() == 0
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert problems(page, WIDGETS_AS_TEXT) == []
    settle(page)
    assert problems(page, MATH_AS_TEXT) == []
    assert tables_with(page, ": 2/9") == 1  # the mixed equilibrium, q = 2/9
    move_slider(page, "C: cost of the collision", "20")
    page.wait_for_function(
        "() => [...document.querySelectorAll('table.negotiation')]"
        ".some(t => t.innerText.includes(': 2/19'))",
        timeout=60_000,
    )
    assert tables_with(page, ": 2/9") == 0  # q = 2/19 now
