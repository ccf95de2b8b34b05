"""The live dashboard, driven headless: set sliders, check the table, the answer and the picture."""

import subprocess
import sys
import textwrap

import pytest
import sympy as sp

import negotiation as ng
from negotiation.explore import Dashboard, SliderSpec, equilibria_table, slider_specs

C, t, m = sp.Symbol("C", positive=True), sp.Symbol("t"), sp.Symbol("m")


@pytest.fixture
def chicken():
    """October chicken with a free cost C of mutual escalation (domain brief, Game C)."""
    return ng.Game.symmetric(
        [[0, -3], [2, -C]],
        strategies=("Swerve", "Escalate"),
        players=("US", "China"),
        name="October chicken",
    )


@pytest.fixture
def geneva():
    """Game B with a rare-earth disruption multiplier m and a tariff gain t (stylised)."""
    return ng.Game(
        [[3, -2, -6 * m], [4, -1, -4 * m], [1 + t, -3, -7 * m]],
        [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
        players=("US", "China"),
        strategies=(("L", "H", "E"), ("D", "S", "W")),
        name="Implementing Geneva",
    )


def mixed_escalation(dash):
    return [eq.row[1] for eq in dash.equilibria if not eq.is_pure]


def test_sliders_and_first_solve(chicken):
    dash = ng.explore(chicken, values={"C": 10}, ranges={C: (4, 40)})
    assert isinstance(dash, Dashboard)
    assert list(dash.sliders) == ["C"]
    slider = dash.sliders["C"]
    assert (slider.min, slider.max, slider.value) == (4, 40, 10)
    assert slider.description == "C"
    assert dash.plot == "best_responses"
    assert dash.plot_kinds == ("game", "best_responses", "none")
    # q = W / (W + C - L) = 2 / 9 at C = 10
    assert mixed_escalation(dash) == [sp.Rational(2, 9)]
    assert len(dash.equilibria) == 3
    assert "3 equilibria" in dash.table.value
    assert "Escalate: 2/9" in dash.table.value
    assert "C = 10" in dash.table.value
    assert dash.axes.get_title() == "Best responses: October chicken"
    assert bytes(dash.image.value).startswith(b"\x89PNG")
    assert dash.error is None


def test_moving_a_slider_resolves_and_redraws(chicken):
    dash = ng.explore(chicken, values={"C": 10}, ranges={"C": (4, 40)})
    before_table, before_image, updates = dash.table.value, bytes(dash.image.value), dash.updates
    dash.sliders["C"].value = 20  # as a user dragging the slider
    assert dash.updates == updates + 1
    assert mixed_escalation(dash) == [sp.Rational(2, 19)]
    assert dash.game == chicken.subs(C=20)
    assert dash.table.value != before_table
    assert "Escalate: 2/19" in dash.table.value
    assert bytes(dash.image.value) != before_image
    assert bytes(dash.image.value).startswith(b"\x89PNG")


def test_set_moves_several_sliders_with_one_solve(geneva):
    dash = ng.explore(geneva, plot="game")
    assert dash.values == {"m": 0.0, "t": 0.0}
    updates = dash.updates
    dash.set(m=1, t=0.5)
    assert dash.updates == updates + 1
    assert dash.values == {"m": 1.0, "t": 0.5}
    assert [eq.profile for eq in dash.equilibria] == [("H", "S")]
    assert dash.axes.get_title() == "Implementing Geneva"
    # a value outside the range widens it
    dash.set({m: 12})
    assert dash.sliders["m"].max == 12
    assert dash.values["m"] == 12.0
    with pytest.raises(ng.UnknownLabelError, match="no slider 'k'; the sliders are m, t"):
        dash.set(k=1)


def test_slider_values_become_exact_rationals(geneva):
    dash = ng.explore(geneva, plot="none")
    dash.sliders["t"].value = 0.1 + 0.2  # 0.30000000000000004
    assert dash.game.row_payoffs[2, 0] == sp.Rational(13, 10)
    assert dash.axes is None


def test_switching_pictures(geneva):
    dash = ng.explore(geneva, plot="game", x="t", y="m")
    assert dash.plot_kinds == ("game", "regions", "none")
    dash.show("regions")
    assert dash.axes.get_xlabel() == "t"
    assert dash.axes.get_ylabel() == "m"
    assert dash.axes.get_title().startswith("Equilibria: Implementing Geneva")
    legend = [text.get_text() for text in dash.axes.get_legend().get_texts()]
    assert legend[-1] == "current values"
    dash.plot_selector.value = "game"
    assert dash.axes.get_title() == "Implementing Geneva"
    with pytest.raises(ng.InvalidGameError, match="best-response picture is for 2x2 games"):
        dash.show("best_responses")


def test_numeric_game_has_no_sliders():
    pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
    dash = ng.explore(pd)
    assert dash.sliders == {}
    assert [eq.profile for eq in dash.equilibria] == [("D", "D")]
    assert "1 equilibrium" in dash.table.value
    assert dash.widget.children[0].value == "<b>Row vs Column</b>"
    assert "Dashboard(Row vs Column; no parameters; 1 equilibria" in repr(dash)
    bundle = dash._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_default_ranges():
    d, x = sp.Symbol("delta", positive=True), sp.Symbol("x")
    g = ng.Game([[d, x], [0, 1]], [[1, 0], [0, d]])
    _, specs = slider_specs(g)
    by_name = {s.name: s for s in specs}
    assert by_name["delta"] == SliderSpec("delta", 1.0, 0.0, 2.0, 0.02)
    assert by_name["x"] == SliderSpec("x", 0.0, -1.0, 1.0, 0.02)
    _, specs = slider_specs(g, values={"x": -5}, ranges={"delta": (0.5, 0.99)})
    by_name = {s.name: s for s in specs}
    assert (by_name["x"].low, by_name["x"].high) == (-10.0, 0.0)
    assert (by_name["delta"].low, by_name["delta"].high) == (0.5, 0.99)
    assert by_name["delta"].value == pytest.approx(0.745)


def test_scenario_metadata_sets_the_sliders():
    london = pytest.importorskip("negotiation.scenarios").load("london_framework")
    dash = ng.explore(london, plot="game")
    assert set(dash.sliders) == {p.name for p in london.parameters}
    for info in london.parameter_info:
        slider = dash.sliders[info.name]
        assert slider.value == float(info.default)
        if info.low is not None:
            assert slider.min == float(info.low)
        if info.high is not None:
            assert slider.max == float(info.high)
    assert dash.game == london.game()
    assert dash.equilibria == london.game().equilibria(exact=True)
    multiplier = dash.sliders["m"]
    dash.set(m=float(multiplier.max))
    assert dash.game == london.subs(m=multiplier.max).game()
    # the region map's axes are two parameters that decide the default equilibria
    profile = london.game().equilibria(method="pure", exact=True)[0].profile
    deciding = {
        s.name for s in london.game(symbolic=True).equilibrium_conditions(profile).free_symbols
    }
    assert set(dash.region_axes) <= deciding


def test_errors(chicken):
    with pytest.raises(ng.InvalidGameError, match=r"takes a negotiation\.Game or a scenario"):
        ng.explore([[1, 2], [3, 4]])
    with pytest.raises(ng.InvalidGameError, match="unknown plot 'heatmap'"):
        ng.explore(chicken, plot="heatmap")
    with pytest.raises(ng.InvalidGameError, match="needs two parameters"):
        ng.explore(chicken, plot="regions")
    with pytest.raises(ng.UnknownLabelError, match=r"values names 'W'.*parameters are C"):
        ng.explore(chicken, values={"W": 2})
    with pytest.raises(ng.InvalidGameError, match="needs low < high"):
        ng.explore(chicken, ranges={"C": (5, 1)})
    with pytest.raises(ng.InvalidGameError, match="must be a number"):
        ng.explore(chicken, values={"C": "ten"})


def test_solver_errors_are_shown_not_raised():
    a = sp.Symbol("a")
    g = ng.Game([[a, 1], [0, 1]], [[1, 0], [0, 1]])
    dash = ng.explore(g, plot="none")
    assert dash.error is None
    # a float payoff that is not exact cannot reach the exact solver: show the error instead
    dash.symbolic_game = ng.Game([[a, sp.pi], [0, 1]], [[1, 0], [0, 1]])
    dash.update()
    assert dash.error is not None
    assert "Could not solve" in dash.table.value
    assert dash.equilibria == []


def test_import_negotiation_stays_light():
    code = textwrap.dedent(
        """
        import sys
        import negotiation
        heavy = [m for m in ("matplotlib", "ipywidgets", "pandas", "tqdm", "dask")
                 if m in sys.modules]
        assert not heavy, heavy
        assert callable(negotiation.explore)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_equilibria_table_labels():
    pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"), players=("US", "China"))
    html = equilibria_table(pd, pd.equilibria(exact=True))
    assert "<th>US&#x27;s payoff</th>" in html
    assert "<td>D</td><td>D</td><td>1</td><td>1</td><td>pure</td>" in html


def test_scenario_sliders_read_like_the_scenario():
    london = ng.load("london_framework")
    dash = ng.explore(london, plot="none")
    specs = {s.name: s for s in dash.specs}
    # short labels from the descriptions, without the party the group already names
    assert dash.sliders["re_withhold_cn"].description == "Cost of withholding licences"
    assert dash.sliders["re_supply_us"].description == (
        "Value of rare earths and magnets delivered up front"
    )
    assert all(s.label != s.name and len(s.label) <= 56 for s in dash.specs)
    # the name and the full description on hover
    info = london.parameter("re_withhold_cn")
    assert (
        dash.sliders["re_withhold_cn"].tooltip
        == f"re_withhold_cn: {info.description}; unit: {info.unit}"
    )
    # grouped by party (in the scenario's order), then by issue; units after each slider
    groups = [s.group for s in dash.specs]
    assert groups == sorted(
        groups, key=["United States", "People's Republic of China", "Both sides"].index
    )
    assert specs["re_withhold_cn"].issue == "Rare-earth and magnet export licences"
    assert specs["contained"].group == "Both sides"
    assert specs["contained"].issue == "When issues combine"
    headings = [w.value for w in dash.panel.children if not hasattr(w, "children")]
    assert headings[:2] == [
        "<b>United States</b>",
        '<span style="padding-left:1em;font-style:italic">US additional tariff on Chinese goods</span>',
    ]
    rows = [w for w in dash.panel.children if hasattr(w, "children")]
    assert len(rows) == len(dash.sliders)
    assert [r.children[0] for r in rows] == list(dash.sliders.values())
    assert "stylised units" in rows[0].children[1].value
    # every slider shares one label width, so the sliders line up
    assert {s.style.description_width for s in dash.sliders.values()} == {"30em"}


def test_params_shows_some_sliders_and_fixes_the_others():
    london = ng.load("london_framework")
    dash = ng.explore(london, plot="regions", params=["m", "re_supply_us"])
    assert set(dash.sliders) == {"m", "re_supply_us"}
    assert set(dash.region_axes) == {"m", "re_supply_us"}
    assert dash.game == london.game()
    dash.set(m=5, re_supply_us=0)
    assert dash.game == london.subs(m=5, re_supply_us=0).game()
    # a value for a hidden parameter fixes it there
    fixed = ng.explore(london, plot="none", params=["m"], values={"students_us": 9})
    assert fixed.game == london.subs(students_us=9).game()
    with pytest.raises(ng.UnknownLabelError, match=r"params names 'mm'"):
        ng.explore(london, params=["mm"])
    with pytest.raises(ng.UnknownLabelError, match=r"ranges names 'm', which params leaves out"):
        ng.explore(london, params=["re_supply_us"], ranges={"m": (0, 9)})
    with pytest.raises(ng.InvalidGameError, match=r"params=\[\] shows no slider"):
        ng.explore(london, params=[])


def test_table_shows_full_strategy_names():
    dash = ng.explore(ng.load("london_framework"), plot="none")
    assert "<td>H (Hold countermeasures)</td><td>S (Slow-walk licences)</td>" in dash.table.value
    dash.set(students_us=10, ec_value_cn=10)  # implementing London now pays the US
    assert [eq.profile for eq in dash.equilibria] == [("L", "S")]
    assert "<td>L (Implement London)</td><td>S (Slow-walk licences)</td>" in dash.table.value


def test_plain_game_sliders_keep_their_names(chicken):
    dash = ng.explore(chicken, values={"C": 10})
    assert dash.specs[0].label == ""
    assert dash.sliders["C"].description == "C"
    assert list(dash.panel.children) == [dash.sliders["C"]]
