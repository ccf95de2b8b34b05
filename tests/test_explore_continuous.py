"""explore() and the app page on games with continuous strategies: the tariff war of 2025.

The Nash tariffs are checked against a derivation from the model's equations
written out here (linear import demand and export supply, as documented in
negotiation.trade.tariff_war), not against the package's own solver.
"""

from __future__ import annotations

import importlib
import importlib.util
import socket

import numpy as np
import pytest
import sympy as sp

import negotiation as ng
from negotiation.cli import main
from negotiation.explore import Dashboard
from negotiation.scenarios.continuous_file import loads

app_module = importlib.import_module("negotiation.app")
R = sp.Rational

#: The 2024 flows ($bn) and the US baseline tariff of the built-in scenario.
US_IMPORTS, CN_IMPORTS, US_BASE = R(4389, 10), R(287, 2), R(26, 125)
DEFAULTS = {
    "eta_US": 2,
    "eta_China": 2,
    "epsilon_US": R(3, 2),
    "epsilon_China": 3,
    "t0_China": R(1, 5),
}


def market_welfare(t, Q, t0, eta, eps):
    """Importer surplus + tariff revenue, and exporter surplus, in one linear import market."""
    pi = (eta + eps) * (1 + t0) / (eps * (1 + t0) + eta * (1 + t))
    M = Q * (1 - eps + eps * pi)
    home = (1 + t0) * M**2 / (2 * Q * eta) + t * pi * M
    away = Q * ((1 - eps) * pi + eps * pi**2 / 2)
    return home, away


def best_tariff(Q, t0, eta, eps, high=2):
    """The tariff that maximises importer surplus + revenue on [0, high] (closed market)."""
    t = sp.Symbol("t", real=True)
    home, _ = market_welfare(t, Q, t0, sp.nsimplify(eta), sp.nsimplify(eps))
    numerator = sp.numer(sp.together(sp.diff(home, t)))
    candidates = [0.0, float(high)]
    candidates += [float(r) for r in sp.Poly(numerator, t).nroots() if abs(sp.im(r)) < 1e-12]
    candidates = [c for c in candidates if 0 <= c <= high]
    return max(candidates, key=lambda c: float(home.subs(t, c)))


def nash_by_hand(values):
    """The Nash tariffs and welfare: each side's tariff only moves its own import market."""
    v = {**DEFAULTS, **values}
    t_us = best_tariff(US_IMPORTS, US_BASE, v["eta_US"], v["epsilon_China"])
    t_cn = best_tariff(CN_IMPORTS, v["t0_China"], v["eta_China"], v["epsilon_US"])
    us = market_welfare(t_us, US_IMPORTS, US_BASE, v["eta_US"], v["epsilon_China"])
    us_free = market_welfare(0, US_IMPORTS, US_BASE, v["eta_US"], v["epsilon_China"])
    cn = market_welfare(t_cn, CN_IMPORTS, v["t0_China"], v["eta_China"], v["epsilon_US"])
    cn_free = market_welfare(0, CN_IMPORTS, v["t0_China"], v["eta_China"], v["epsilon_US"])
    w_us = (us[0] - us_free[0]) + (cn[1] - cn_free[1])
    w_cn = (cn[0] - cn_free[0]) + (us[1] - us_free[1])
    return (t_us, t_cn), (float(w_us), float(w_cn))


@pytest.fixture(scope="module")
def war():
    return ng.explore(ng.load("tariff_war_2025"))


def nash_point(dash):
    """The Nash point drawn on the reaction-curve picture."""
    for collection in dash.axes.collections:
        if collection.get_label() == "Nash equilibrium":
            return collection.get_offsets()[0].tolist()
    raise AssertionError("no Nash point on the picture")


def test_tariff_war_sliders_come_from_the_scenario_file(war):
    assert isinstance(war, Dashboard)
    assert war.continuous
    assert not war.private
    specs = {s.name: s for s in war.specs}
    # the declared ranges and defaults (tariff_war_2025.toml), not derived ones
    assert (specs["eta_US"].low, specs["eta_US"].value, specs["eta_US"].high) == (0.5, 2.0, 6.0)
    assert (specs["epsilon_China"].low, specs["epsilon_China"].high) == (0.5, 10.0)
    assert (specs["t0_China"].low, specs["t0_China"].value, specs["t0_China"].high) == (0, 0.2, 0.5)
    # short labels with units, the full description on hover
    assert specs["epsilon_China"].label == "Elasticity of China's export supply to the US"
    assert specs["eta_US"].label == "Import-demand elasticity for Chinese goods"
    assert specs["t0_China"].unit == "ad valorem"
    assert war.sliders["eta_US"].description == "Import-demand elasticity for Chinese goods"
    assert "at the 2024 baseline" in war.sliders["eta_US"].tooltip
    # grouped by import market: China's export-supply elasticity sets the US market
    assert [(s.group, s.issue, s.name) for s in war.specs] == [
        ("United States", "Imports from China", "eta_US"),
        ("United States", "Imports from China", "epsilon_China"),
        ("China", "Imports from the United States", "eta_China"),
        ("China", "Imports from the United States", "epsilon_US"),
        ("China", "Imports from the United States", "t0_China"),
    ]
    headings = [w.value for w in war.panel.children if hasattr(w, "value")]
    assert headings[:2] == [
        "<b>United States</b>",
        '<span style="padding-left:1em;font-style:italic">Imports from China</span>',
    ]


def test_the_table_shows_the_nash_tariffs_in_percent_and_each_sides_welfare(war):
    war.set(DEFAULTS)
    (eq,) = war.equilibria
    (t_us, t_cn), (w_us, w_cn) = nash_by_hand({})
    assert [float(v) for v in eq.strategies] == pytest.approx([t_us, t_cn], abs=1e-9)
    assert [float(v) for v in eq.payoffs] == pytest.approx([w_us, w_cn], abs=1e-6)
    assert eq.max_gain is not None
    assert eq.max_gain <= 1e-9
    html = war.table.value
    assert f"<td>{100 * t_us:.1f}%</td><td>{100 * t_cn:.1f}%</td>" in html  # 31.1%, 60.3%
    assert "<th>US&#x27;s tariff</th>" in html
    assert "<th>China&#x27;s welfare</th>" in html
    assert f"<td>{w_us:.4g}</td><td>{w_cn:.4g}</td>" in html
    assert "<td>closed form</td>" in html
    assert "Welfare in $bn a year relative to free trade" in html
    assert "every deviation checked globally" in html
    # the values under the sliders' labels (the name on hover); an ad valorem one as a rate
    assert (
        '<span title="t0_China">Average tariff on US goods before the 2025 increases = 20%' in html
    )
    assert '<span title="epsilon_US">Elasticity of US export supply to China = 3/2</span>' in html
    assert html.count("tex2jax_ignore") == 1  # dollar amounts stay text in the browser
    # both sides lose from the tariff war relative to free trade (the prisoner's dilemma)
    assert w_us < 0
    assert w_cn < 0
    assert war.title == ng.load("tariff_war_2025").title


def test_moving_a_slider_changes_the_nash_tariffs_and_redraws_the_curves(war):
    war.set(DEFAULTS)
    before, picture, updates = war.equilibria[0], bytes(war.image.value), war.updates
    assert war.plot == "reaction_curves"
    assert war.plot_kinds == ("reaction_curves", "none")
    assert nash_point(war) == pytest.approx([float(v) for v in before.strategies])
    # more elastic Chinese export supply: less of the US tariff falls on China (Johnson)
    war.set(epsilon_China=6)
    assert war.updates == updates + 1
    (after,) = war.equilibria
    (t_us, t_cn), _ = nash_by_hand({"epsilon_China": 6})
    assert float(after.strategies[0]) == pytest.approx(t_us, abs=1e-9)
    assert float(after.strategies[0]) < float(before.strategies[0])
    assert after.strategies[1] == before.strategies[1]  # separate markets: flat reaction curves
    assert f"<td>{100 * t_us:.1f}%</td>" in war.table.value
    assert nash_point(war) == pytest.approx([t_us, t_cn])
    assert bytes(war.image.value) != picture
    assert war.axes.get_xlabel() == "US's tariff"
    assert war.axes.get_ylabel() == "China's tariff"
    assert war.axes.xaxis.get_major_formatter()(0.5, 0) == "50%"
    # a higher baseline moves China's calibration, and so its tariff
    war.set(epsilon_China=3, t0_China=0.4)
    (t_us, t_cn), _ = nash_by_hand({"t0_China": R(2, 5)})
    assert [float(v) for v in war.equilibria[0].strategies] == pytest.approx([t_us, t_cn])


def test_april_rates_are_marked_against_the_nash_tariffs(war):
    war.set(DEFAULTS)
    assert war.marks == {"April peak (145%, 125%)": (1.45, 1.25)}
    assert "April peak (145%, 125%)" in [t.get_text() for t in war.axes.texts]


def test_an_impossible_value_is_shown_not_raised_and_the_dashboard_recovers(war):
    war.set(eta_US=0)  # below the slider's range: the range widens, the model refuses
    assert war.equilibria == []
    assert "import-demand elasticity must be positive" in war.error
    assert "Could not solve" in war.table.value
    war.set(DEFAULTS)
    assert war.error is None
    assert len(war.equilibria) == 1


def test_params_shows_only_some_sliders_and_fixes_the_others():
    dash = ng.explore(
        ng.load("tariff_war_2025"), params=["epsilon_China"], values={"epsilon_US": 4}
    )
    assert list(dash.sliders) == ["epsilon_China"]
    (t_us, t_cn), _ = nash_by_hand({"epsilon_US": 4})
    assert [float(v) for v in dash.equilibria[0].strategies] == pytest.approx([t_us, t_cn])


def test_a_bare_cournot_game_with_free_parameters():
    q1, q2, a, c = sp.symbols("q1 q2 a c", positive=True)
    price = a - q1 - q2
    cournot = ng.ContinuousGame(
        {"Firm 1": (price - c) * q1, "Firm 2": (price - c) * q2},
        {"Firm 1": (q1, 0, sp.oo), "Firm 2": (q2, 0, sp.oo)},
        name="Cournot duopoly",
    )
    dash = ng.explore(cournot, values={"a": 10, "c": 1}, ranges={"a": (2, 20)})
    assert (dash.sliders["a"].min, dash.sliders["a"].max) == (2, 20)
    # (a - c) / 3 each, profit ((a - c) / 3)**2
    assert dash.equilibria[0].strategies == (3, 3)
    assert "<th>Firm 1 (q1)</th>" in dash.table.value
    assert "<td>3</td><td>3</td><td>9</td><td>9</td><td>closed form</td>" in dash.table.value
    assert dash.axes.get_xlabel() == "Firm 1's strategy q1"
    assert dash.set(a=13).equilibria[0].strategies == (4, 4)
    # costs above the choke price: no firm produces, a corner of the strategy set
    dash.set(a=2, c=3)
    assert dash.equilibria[0].strategies == (0, 0)
    assert "<td>0 (lower bound)</td>" in dash.table.value
    assert repr(dash).startswith("Dashboard(Cournot duopoly; a=2, c=3; 1 equilibria")


def test_a_game_without_closed_form_is_searched_numerically_and_says_so():
    x, y, k = sp.symbols("x y k", positive=True)

    def br(z):
        return 1 / (1 + sp.exp(-k * (z - R(1, 2))))

    game = ng.ContinuousGame([-((x - br(y)) ** 2), -((y - br(x)) ** 2)], [(x, 0, 1), (y, 0, 1)])
    dash = ng.explore(game, values={"k": 12}, ranges={"k": (1, 20)})
    # steep best responses: three equilibria (strategic complements), one in the middle
    assert sorted(round(float(e.strategies[0]), 4) for e in dash.equilibria) == [
        0.0025,
        0.5,
        0.9975,
    ]
    assert all(e.method == "numeric" for e in dash.equilibria)
    assert "numeric search" in dash.table.value
    assert "not exhaustive" in dash.table.value
    # gentle best responses (slope k/4 < 1): the middle one is the only equilibrium
    dash.set(k=2)
    assert [round(float(v), 6) for v in dash.equilibria[0].strategies] == [0.5, 0.5]
    assert len(dash.equilibria) == 1


def test_three_players_show_the_table_and_no_picture():
    x, y, z, a = sp.symbols("x y z a", positive=True)
    d = a - x - y - z
    game = ng.ContinuousGame([x * d, y * d, z * d], [(x, 0, sp.oo), (y, 0, sp.oo), (z, 0, sp.oo)])
    dash = ng.explore(game, values={"a": 8})
    assert dash.plot_kinds == ("none",)
    assert dash.plot == "none"
    assert dash.equilibria[0].strategies == (2, 2, 2)  # a / (n + 1)
    with pytest.raises(
        ng.InvalidGameError, match="drawn for two players; this game has 3: use plot='none'"
    ):
        ng.explore(game, plot="reaction_curves")


def test_a_formula_scenario_groups_each_parameter_under_the_payoff_it_enters():
    text = """
[scenario]
name = "targets"
title = "Tariff targets"
payoff_unit = "utils"

[parameters.k]
default = 1
description = "Weight the US puts on China's tariff"
stylised = true
source = "stylised"

[parameters.m]
default = 0.1
unit = "ad valorem"
description = "China's target tariff"
stylised = true
source = "stylised"
low = 0
high = 1

[parties.US]
strategy = { low = 0, high = 2, unit = "ad valorem" }
payoff = "-(t_US - 0.55)**2 - k*t_China"

[parties.China]
strategy = { low = 0, high = 2, unit = "ad valorem" }
payoff = "-(t_China - m)**2 - t_US"
"""
    dash = ng.explore(loads(text))
    assert [(s.name, s.group, s.issue) for s in dash.specs] == [("k", "US", ""), ("m", "China", "")]
    assert dash.specs[1].label == "Target tariff"
    assert "<td>55%</td><td>10%</td>" in dash.table.value
    dash.set(m=0.3)
    assert dash.equilibria[0].strategies == (R(11, 20), R(3, 10))
    assert "Payoffs in utils." in dash.table.value


def test_a_trade_model_in_code_gets_sliders_over_its_elasticities():
    elasticities = {k: v for k, v in DEFAULTS.items() if k != "t0_China"}
    dash = ng.explore(ng.trade.TariffWar.symbolic(), values=elasticities)
    assert sorted(dash.sliders) == ["epsilon_China", "epsilon_US", "eta_China", "eta_US"]
    assert dash.rates == (True, True)
    # the default TariffWar is the same calibration as the scenario
    (t_us, t_cn), _ = nash_by_hand({})
    assert [float(v) for v in dash.equilibria[0].strategies] == pytest.approx([t_us, t_cn])


def test_what_explore_cannot_show_is_refused_with_what_it_can():
    q, r = sp.symbols("q r")
    game = ng.ContinuousGame([q * (1 - q - r), r * (1 - q - r)], [(q, 0, 1), (r, 0, 1)])
    for plot in ("game", "best_responses", "regions"):
        with pytest.raises(ng.InvalidGameError, match=r"for finite games.*plot='reaction_curves'"):
            ng.explore(game, plot=plot)
    with pytest.raises(ng.InvalidGameError, match=r"axes of the region map.*drop x and y"):
        ng.explore(ng.load("tariff_war_2025"), x="eta_US")
    finite = ng.Game([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(ng.InvalidGameError, match=r"continuous strategies.*use plot='game'"):
        ng.explore(finite, plot="reaction_curves")
    for model in (42, ng.BargainingProblem.from_points([(3, 1), (1, 3)], (0, 0))):
        with pytest.raises(ng.InvalidGameError, match=r"ContinuousGame.*not a") as info:
            ng.explore(model)
        assert "tariff_war_2025" in str(info.value)
    assert issubclass(ng.InvalidGameError, ng.NegotiationError)


# ---------------------------------------------------------------------- the app page
needs_voila = pytest.mark.skipif(
    importlib.util.find_spec("voila") is None,
    reason='needs the app extra: pip install "negotiation[app]"',
)


def test_the_app_page_for_the_tariff_war_runs_in_a_kernel_without_errors():
    import nbclient
    import nbformat

    page = nbformat.from_dict(app_module.page_notebook("tariff_war_2025"))
    nbclient.NotebookClient(page, timeout=300, kernel_name="python3").execute()
    outputs = [out for cell in page.cells for out in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]
    header, dashboard = (cell.outputs[-1].data for cell in page.cells)
    assert "How high would a tariff war go?" in header["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in dashboard  # drawn as a widget
    assert "How high would a tariff war go?" in dashboard["text/plain"]


def test_the_app_header_says_what_the_sliders_move():
    header = app_module.page_header(ng.load("tariff_war_2025")).data
    assert header.startswith('<div class="tex2jax_ignore mathjax_ignore"')
    assert "the Nash tariffs are found again" in header
    assert "with each side's welfare and how the equilibrium was found" in header
    assert "All five parameters are stylised" in header
    # a finite scenario's header is as before
    busan = app_module.page_header(ng.load("busan_truce")).data
    assert "only their ordering carries the lesson" in busan
    assert "Nash tariffs" not in busan


@pytest.fixture
def busy_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        yield sock.getsockname()[1]


@needs_voila
def test_the_app_takes_a_continuous_scenario_and_refuses_a_finite_picture(busy_port, capsys):
    scenario = ng.load("tariff_war_2025").with_defaults(epsilon_China=6)
    # accepted as a scenario: the next check to fail is the busy port, not the type
    with pytest.raises(ng.AppError, match=f"port {busy_port} on 127.0.0.1 is already in use"):
        ng.app(scenario, port=busy_port)
    with pytest.raises(ng.InvalidGameError, match=r"continuous strategies.*reaction_curves"):
        ng.app("tariff_war_2025", plot="game", port=busy_port)
    with pytest.raises(ng.InvalidGameError, match="busan_truce is finite: use --plot game"):
        ng.app("busan_truce", plot="reaction_curves", port=busy_port)
    assert main(["app", "tariff_war_2025", "--plot", "regions"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("negotiation: error: the where each equilibrium holds picture")
    assert "\n" not in err.strip()


def test_slider_values_are_exact_and_the_nash_tariff_is_continuous_in_them(war):
    """Small slider moves give small tariff moves: no jump between closed-form regimes."""
    war.set(DEFAULTS)
    tariffs = []
    for eps in np.linspace(2.5, 3.5, 5):
        war.set(epsilon_China=float(eps))
        tariffs.append(float(war.equilibria[0].strategies[0]))
    steps = np.diff(tariffs)
    assert np.all(steps < 0)
    assert np.max(np.abs(steps)) < 0.05
    assert war.game.parameters == ()
    war.set(DEFAULTS)
