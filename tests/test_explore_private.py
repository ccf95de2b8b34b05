"""explore() on models with private information: sliders over the prior and the costs."""

from __future__ import annotations

import sys

import pytest
import sympy as sp

import negotiation as ng
from negotiation.games.crisis import CrisisBargaining

R = sp.Rational


def test_october_threat_sliders_over_prior_and_audience_cost():
    dash = ng.explore(ng.october_2025())
    assert dash.private
    assert [(s.name, s.low, s.high) for s in dash.specs] == [("a", 0.0, 6.0), ("p", 0.0, 1.0)]
    assert dash.plot_kinds == ("none",)
    # p = 1/10 < 1/5 and a = 1 < c = 3: the irresolute US bluffs (Fearon's semi-separating
    # equilibrium), and the table says the threat does not deter for sure.
    (eq,) = dash.equilibria
    assert eq.kind == "semi-separating"
    assert eq.sender["irresolute"]["Threaten"] == R(4, 9)
    assert "does not deter for sure" in dash.table.value
    assert "4/9 Threaten, 5/9 Stay quiet" in dash.table.value
    # More resolve deters: every type threatens and China pauses.
    (eq,) = dash.set(p=0.3).equilibria
    assert (eq.kind, eq.message("irresolute"), eq.response("Threaten")) == (
        "pooling",
        "Threaten",
        "Concede",
    )
    assert "Here a threat deters for sure." in dash.table.value
    # A high audience cost ties the irresolute leader's hands: it deters at a low prior too.
    dash.set(p=0.1, a=4)
    assert [e.kind for e in dash.equilibria] == ["pooling"]
    assert dash.game.audience_cost == 4


def test_every_cost_of_a_symbolic_crisis_gets_a_slider():
    dash = ng.explore(CrisisBargaining())
    assert sorted(dash.sliders) == ["a", "c", "k", "p"]
    assert dash.specs[[s.name for s in dash.specs].index("k")].low == 1.0
    assert dash.error is None
    dash.set(k=1)  # the model needs k > 1: the message is shown, not raised
    assert dash.equilibria == []
    assert "target_war_cost is 1" in dash.error


def test_scenario_with_types_shows_bayes_nash_equilibria_by_type():
    dash = ng.explore(ng.load("october_2025"), params=["p", "a"])
    assert list(dash.sliders) == ["a", "p"]
    assert dash.specs[1].issue == "Private information: the prior"
    assert all(isinstance(e, ng.BayesNashEquilibrium) for e in dash.equilibria)
    bluff = [e for e in dash.equilibria if e.strategy("US", "irresolute")["Quiet"] == R(5, 9)]
    assert len(bluff) == 1
    assert "US (irresolute)" in dash.table.value
    dash.set(p=0.3)
    assert not [e for e in dash.equilibria if e.strategy("US", "irresolute")["Quiet"] != 0]


def test_signalling_prior_slider_and_the_beer_quiche_pools():
    p = sp.Symbol("p")

    def payoff(t, m, a):
        taste = 1 if (m == "beer") == (t == "strong") else 0
        return (
            taste + (0 if a == "duel" else 2),
            ((1 if t == "weak" else -1) if a == "duel" else 0),
        )

    game = ng.SignallingGame(
        ("strong", "weak"), (p, 1 - p), ("beer", "quiche"), ("duel", "not"), payoff
    )
    dash = ng.explore(game, values={"p": 0.9})
    assert (dash.specs[0].low, dash.specs[0].high) == (0.0, 1.0)
    assert sorted(e.message("strong") for e in dash.equilibria) == ["beer", "quiche"]
    assert {e.kind for e in dash.equilibria} == {"pooling"}
    dash.set(p=0.3)  # below 1/2 no pure pooling survives: the mixed one remains
    assert all(e.kind != "pooling" or not e.is_pure for e in dash.equilibria)


def test_bayesian_game_prior_slider():
    q = sp.Symbol("q")
    entry = ng.BayesianGame(
        [{"normal": 1}, {"tough": q, "weak": 1 - q}],
        [("In", "Out"), ("Fight", "Accommodate")],
        {
            ("normal", "tough"): ([[-1, 1], [0, 0]], [[1, 0], [2, 2]]),
            ("normal", "weak"): ([[-1, 1], [0, 0]], [[-1, 1], [2, 2]]),
        },
        players=("Entrant", "Incumbent"),
    )
    dash = ng.explore(entry)
    assert dash.values == {"q": 0.5}
    enters = {e.action("Entrant", "normal") for e in dash.equilibria if e.is_pure}
    assert "In" in enters  # q = 1/2: entry is still a best reply
    dash.set(q=0.8)
    assert {e.action("Entrant", "normal") for e in dash.equilibria if e.is_pure} == {"Out"}


def test_private_models_have_no_bimatrix_pictures():
    with pytest.raises(ng.InvalidGameError, match="type by type in the table: use plot='none'"):
        ng.explore(ng.october_2025(), plot="game")


def test_without_ipywidgets_it_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # import ipywidgets now fails
    with pytest.raises(ng.MissingExtraError) as info:
        ng.explore(ng.october_2025())
    assert 'pip install "negotiation[notebooks]"' in str(info.value)
    assert "ipywidgets" in str(info.value)
    with pytest.raises(ImportError):  # it is also an ImportError, for code that catches those
        ng.explore(ng.Game([[sp.Symbol("t"), 0], [0, 1]], [[1, 0], [0, 1]]))


def test_pyproject_notebooks_extra_has_ipywidgets():
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(
        d.startswith("ipywidgets") for d in data["project"]["optional-dependencies"]["notebooks"]
    )
