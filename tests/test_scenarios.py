"""Scenarios: the built-in games, the model's rules, subs and defaults, and diff."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng

GAME_B_US = [[3, -2, -6], [4, -1, -4], [1, -3, -7]]
GAME_B_CN = [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]]
GAME_A_US = [[0, -40], [10, -30]]
GAME_A_CN = [[0, 10], [-90, -70]]


@pytest.fixture(scope="module")
def london() -> ng.Scenario:
    return ng.load("london_framework")


# ---------------------------------------------------------------------- the London framework
def test_london_is_game_b_of_the_domain_brief(london):
    game = london.game()
    assert game.players == ("US", "China")
    assert game.strategies == (("L", "H", "E"), ("D", "S", "W"))
    assert game.row_payoffs == sp.Matrix(GAME_B_US)
    assert game.col_payoffs == sp.Matrix(GAME_B_CN)
    assert all(v.is_Integer for v in [*game.row_payoffs, *game.col_payoffs])


def test_london_documented_equilibrium_is_the_unique_pure_ne_h_s(london):
    game = london.game()
    for method in ("vertex_enumeration", "pure"):
        equilibria = game.equilibria(method, exact=True)
        assert [eq.profile for eq in equilibria] == [("H", "S")]
        assert equilibria[0].payoffs == (-1, -1)
    assert [eq.profile for eq in game.equilibria("support_enumeration")] == [("H", "S")]
    assert "unique pure Nash equilibrium is (H, S)" in " ".join(london.description.split())


def test_london_h_and_s_are_strictly_dominant(london):
    game = london.game()
    for player, best, others in ((0, "H", ("L", "E")), (1, "S", ("D", "W"))):
        for other in others:
            i, j = game.index(player, best), game.index(player, other)
            M = game.row_payoffs if player == 0 else game.col_payoffs.T
            assert all(M[i, k] > M[j, k] for k in range(3))


def test_london_equilibrium_is_pareto_dominated_by_the_deal(london):
    game = london.game()
    h, s = game.index(0, "H"), game.index(1, "S")
    deal = game.index(0, "L"), game.index(1, "D")
    assert game.row_payoffs[deal] > game.row_payoffs[h, s]
    assert game.col_payoffs[deal] > game.col_payoffs[h, s]
    assert (game.row_payoffs[deal], game.col_payoffs[deal]) == (3, 3)


def test_london_status_quo_is_h_s_and_leaves_every_issue_unmoved(london):
    assert london.status_quo_profile == ("H", "S")
    assert london.outcome(("H", "S")) == london.status_quo
    assert london.status_quo["rare_earths"] == "slow_walk"
    assert london.status_quo["us_tariff"] == "truce"


def test_london_metadata(london):
    assert london.name == "london_framework"
    assert london.date == dt.date(2025, 6, 10)
    assert "London" in london.title
    assert london.payoff_unit.startswith("stylised")
    for p in london.parameter_info:
        assert p.stylised
        assert p.source
        assert p.description
        assert p.unit
        assert p.low is not None
        assert p.high is not None
        assert p.low <= p.default <= p.high
    assert london.parameter("m").default == 1
    tariff = london.issue("us_tariff")
    assert (tariff.level("truce").value, tariff.level("escalated").value) == (30, 145)
    assert "Section 301" in tariff.level("truce").description


def test_london_parameters_are_sorted_symbols_and_all_used(london):
    names = [s.name for s in london.parameters]
    assert names == sorted(names)
    assert "m" in names
    assert london.game(symbolic=True).parameters == london.parameters.symbols
    assert london.game().parameters == ()


def test_parameters_map_names_and_symbols_to_the_declared_parameter(london):
    table = london.parameters
    assert table["m"] is table[sp.Symbol("m")]
    assert (table["m"].low, table["m"].high) == (0, 5)
    assert "m" in table
    assert sp.Symbol("m") in table
    assert "nope" not in table
    assert table.names == tuple(sorted(p.name for p in london.parameter_info))
    assert dict(table.items()) == {p.symbol: p for p in london.parameter_info}
    with pytest.raises(ng.UnknownLabelError, match="no parameter 'mm'; the parameters are"):
        table["mm"]


def test_defaults_are_exact_numbers(london):
    defaults = london.defaults
    assert list(defaults) == list(london.parameters)
    assert all(isinstance(v, sp.Rational) for v in defaults.values())


def test_symbolic_game_substituted_with_defaults_is_the_default_game(london):
    assert london.game(symbolic=True).subs(london.defaults) == london.game()


def test_disruption_multiplier_scales_the_us_w_column(london):
    m, loss = sp.symbols("m re_loss_us")
    game = london.game(symbolic=True)
    assert game.row_payoffs.diff(m) == sp.Matrix([[0, 0, -loss]] * 3)
    assert game.col_payoffs.diff(m) == sp.zeros(3, 3)


def test_concessions_are_moves_from_the_status_quo(london):
    (first, second) = london.concessions("US", "L")
    assert (first.issue, first.from_level, first.to_level) == ("export_controls", "held", "lifted")
    assert str(second) == "US: student_visas restricted -> eased"
    assert london.concessions("US", "H") == ()
    assert [str(c) for c in london.concessions(1, "D")] == [
        "China: rare_earths slow_walk -> up_front"
    ]


def test_payoff_terms_sum_to_the_payoff(london):
    terms = london.payoff_terms(("L", "W"), "US")
    assert (
        "interaction: student_visas = eased & rare_earths = withheld",
        -sp.Symbol("visa_politics_us"),
    ) in terms
    assert sp.Add(*(v for _, v in terms)) == london.payoff(("L", "W"), "US")
    assert london.payoff(("L", "W"), "US").xreplace(london.defaults) == -6


# ---------------------------------------------------------------------- the other scenarios
def test_builtin_scenarios_are_listed_in_date_order():
    names = ng.scenarios()
    assert names == (
        "april_2025_escalation",
        "geneva_consensus",
        "london_framework",
        "rare_earth_third_party",
        "october_2025",
        "busan_truce",
        "tariff_dilemma",
        "tariff_war_2025",
    )
    dates = [ng.load(n).date for n in names[:-2]]  # the last two are undated
    assert dates == sorted(dates)
    assert ng.load("tariff_dilemma").date is None


@pytest.mark.parametrize("name", ["tariff_dilemma", "geneva_consensus"])
def test_tariff_dilemma_and_geneva_are_game_a(name):
    game = ng.load(name).game()
    assert game.row_payoffs == sp.Matrix(GAME_A_US)
    assert game.col_payoffs == sp.Matrix(GAME_A_CN)
    assert [eq.profile for eq in game.equilibria(exact=True)] == [("Escalate", "Escalate")]
    assert ng.load(name).status_quo_profile == ("Truce", "Truce")


def test_tariff_dilemma_grim_trigger_thresholds():
    game = ng.load("tariff_dilemma").game()
    for player, expected in ((0, sp.Rational(1, 4)), (1, sp.Rational(1, 8))):
        M = game.row_payoffs if player == 0 else game.col_payoffs.T
        R, T, P = M[0, 0], M[1, 0], M[1, 1]
        assert (T - R) / (T - P) == expected


def test_tariff_dilemma_is_written_with_pd_letters():
    s = ng.load("tariff_dilemma")
    R, T, S, P = sp.symbols("R_us T_us S_us P_us")
    assert s.game(symbolic=True).row_payoffs == sp.Matrix([[R, S], [T, P]])


def test_april_escalation_is_a_best_response_spiral():
    s = ng.load("april_2025_escalation")
    game = s.game()
    assert [eq.profile for eq in game.equilibria(exact=True)] == [("Escalate", "Escalate")]
    assert s.status_quo_profile == ("Hold", "Hold")
    assert s.issue("us_tariff").level("escalated").value == 145
    assert s.issue("china_tariff").level("escalated").value == 125


def test_busan_is_chicken_with_q_two_ninths():
    s = ng.load("busan_truce")
    game = s.game()
    equilibria = game.equilibria(exact=True)
    assert sorted(eq.profile for eq in equilibria if eq.is_pure) == [
        ("Escalate", "Swerve"),
        ("Swerve", "Escalate"),
    ]
    (mixed,) = [eq for eq in equilibria if not eq.is_pure]
    assert mixed.row == (sp.Rational(7, 9), sp.Rational(2, 9))
    assert s.status_quo_profile == ("Escalate", "Escalate")
    symbolic = s.game(symbolic=True).mixed_equilibrium()
    W, L, C = sp.symbols("win backdown_loss crash")
    assert sp.simplify(symbolic.row[1] - W / (W + C - L)) == 0


@pytest.mark.parametrize("name", ng.scenarios())
def test_every_builtin_scenario_is_sourced_and_stylised_numbers_are_labelled(name):
    s = ng.load(name)
    assert s.title
    assert s.description
    assert s.sources
    assert s.payoff_unit
    for p in s.parameter_info:
        assert p.source
        assert p.description
        assert p.stylised, f"{name}: every payoff number is stylised ({p.name})"
    for issue in s.issues:
        assert issue.source, f"{name}: issue {issue.name} has no source"
        for level in issue.levels:
            if level.value is not None:
                assert level.source
                assert level.unit == "%"


# ---------------------------------------------------------------------- subs and defaults
@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.subs({sp.Symbol("m"): 2}),
        lambda s: s.subs({"m": 2}),
        lambda s: s.subs(m=2),
        lambda s: s.subs(m="2"),
        lambda s: s.subs(m=2.0),
    ],
)
def test_subs_accepts_symbol_name_and_keyword_forms(london, call):
    result = call(london)
    assert isinstance(result, ng.Scenario)
    assert "m" not in [p.name for p in result.parameters]
    assert result.game().row_payoffs[:, 2] == sp.Matrix([-10, -8, -11])
    assert result.game(symbolic=True).parameters == tuple(
        p for p in london.parameters if p.name != "m"
    )


def test_subs_is_exact_and_leaves_the_original_alone(london):
    result = london.subs(m=0.55)
    assert result.game().row_payoffs[1, 2] == -sp.Rational(11, 5)
    assert london.parameter("m").default == 1
    assert london.game().row_payoffs == sp.Matrix(GAME_B_US)


def test_subs_unknown_parameter_lists_the_parameters(london):
    with pytest.raises(
        ng.UnknownLabelError, match="no parameter 'q'; its parameters are contained"
    ):
        london.subs(q=1)


def test_subs_non_number_is_refused(london):
    with pytest.raises(ng.ScenarioError, match="not a number"):
        london.subs(m="lots")


def test_with_defaults_keeps_the_parameter(london):
    changed = london.with_defaults(m=3)
    assert list(changed.parameters) == list(london.parameters)
    assert changed.parameters != london.parameters  # m's default differs
    assert changed.parameter("m").default == 3
    assert changed.game().row_payoffs[1, 2] == -12
    with pytest.warns(ng.ParameterRangeWarning, match=r"m = 9, outside the range \[0, 5\]"):
        wide = london.with_defaults(m=9)
    assert wide.parameter("m").high == 9


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_property_subs_with_defaults_and_symbolic_agree(data):
    london = ng.load("london_framework")
    point = {}
    for p in london.parameter_info:
        value = data.draw(st.fractions(min_value=p.low, max_value=p.high, max_denominator=8))
        point[p.name] = sp.Rational(value.numerator, value.denominator)
    by_subs = london.subs(point).game()
    by_defaults = london.with_defaults(point).game()
    by_symbolic = london.game(symbolic=True).subs(point)
    assert by_subs.row_payoffs == by_defaults.row_payoffs == by_symbolic.row_payoffs
    assert by_subs.col_payoffs == by_defaults.col_payoffs == by_symbolic.col_payoffs


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_property_pure_equilibria_match_their_symbolic_conditions(data):
    london = ng.load("london_framework")
    point = {}
    for p in london.parameter_info:
        value = data.draw(st.fractions(min_value=p.low, max_value=p.high, max_denominator=4))
        point[p.symbol] = sp.Rational(value.numerator, value.denominator)
    game = london.with_defaults({s.name: v for s, v in point.items()}).game()
    symbolic = london.game(symbolic=True)
    pure = {eq.profile for eq in game.equilibria("pure", exact=True)}
    for r in game.strategies[0]:
        for c in game.strategies[1]:
            holds = bool(symbolic.equilibrium_conditions((r, c)).xreplace(point))
            assert holds == ((r, c) in pure)


# ---------------------------------------------------------------------- building scenarios in Python
def _toy(**changes):
    spec = dict(
        name="toy",
        parties=(
            ng.Party("US", valuations={"tariff": {"high": "gain"}}),
            ng.Party("China", valuations={"tariff": {"high": "-harm"}}),
        ),
        issues=(ng.Issue("tariff", ("low", "high"), status_quo="low", controlled_by="US"),),
        strategies={
            "US": (ng.Strategy("Keep"), ng.Strategy("Raise", {"tariff": "high"})),
            "China": (ng.Strategy("Wait"),),
        },
        parameter_info=(ng.Parameter("gain", 1), ng.Parameter("harm", "1/3")),
    )
    spec.update(changes)
    return ng.Scenario(**spec)


def test_python_scenario_builds_a_game():
    s = _toy()
    assert s.game().col_payoffs == sp.Matrix([[0], [-sp.Rational(1, 3)]])
    assert s.status_quo_profile == ("Keep", "Wait")
    assert hash(s) == hash(_toy())
    assert s == _toy()
    assert "Scenario('toy', 'US' vs 'China', 2x1" in repr(s)


def test_sympy_valuations_are_matched_by_name_and_stored_canonically():
    gain = sp.Symbol("gain", positive=True)
    s = _toy(
        parties=(
            ng.Party("US", valuations={"tariff": {"high": 0.5 * gain}}),
            ng.Party("China", valuations={"tariff": {"high": sp.Abs(sp.exp(sp.Symbol("harm")))}}),
        )
    )
    assert s.party("US").value("tariff", "high") == sp.Symbol("gain") / 2
    assert s.party("China").value("tariff", "high") == sp.exp(sp.Symbol("harm"))


@pytest.mark.parametrize(
    ("changes", "error", "fragment"),
    [
        (
            {
                "issues": (
                    ng.Issue("tariff", ("low", "high"), status_quo="low", controlled_by="EU"),
                )
            },
            ng.ScenarioError,
            "controlled by 'EU', which is not a party",
        ),
        (
            {
                "strategies": {
                    "US": (ng.Strategy("Keep"),),
                    "China": (ng.Strategy("Raise", {"tariff": "high"}),),
                }
            },
            ng.ScenarioError,
            "but that issue is controlled by US",
        ),
        (
            {
                "strategies": {
                    "US": (ng.Strategy("Keep"), ng.Strategy("Up", {"tariff": "max"})),
                    "China": (ng.Strategy("W"),),
                }
            },
            ng.ScenarioError,
            "which is not one of its levels (low, high)",
        ),
        (
            {
                "strategies": {
                    "US": (ng.Strategy("Keep"), ng.Strategy("Up", {"quota": "on"})),
                    "China": (ng.Strategy("W"),),
                }
            },
            ng.ScenarioError,
            "moves 'quota', which is not an issue",
        ),
        (
            {
                "strategies": {
                    "US": (ng.Strategy("Keep"), ng.Strategy("Keep")),
                    "China": (ng.Strategy("W"),),
                }
            },
            ng.ScenarioError,
            "duplicate strategies: Keep",
        ),
        (
            {"strategies": {"US": (ng.Strategy("Keep"),), "China": ()}},
            ng.ScenarioError,
            "China has no strategies",
        ),
        (
            {
                "strategies": {
                    "US": (ng.Strategy("A"), ng.Strategy("B")),
                    "China": (ng.Strategy("W"),),
                }
            },
            ng.ScenarioError,
            "2 bundles (A, B) leaving every issue at the status quo",
        ),
        (
            {
                "parties": (
                    ng.Party("US", valuations={"tariff": {"high": "gain + q"}}),
                    ng.Party("China"),
                )
            },
            ng.UnsafeExpressionError,
            "unknown name 'q'; declare it as a parameter first. Allowed: numbers, the declared names (gain, harm)",
        ),
        (
            {
                "parties": (
                    ng.Party("US", valuations={"tariff": {"high": sp.Symbol("zeta")}}),
                    ng.Party("China"),
                )
            },
            ng.ScenarioError,
            "uses zeta, which is not a declared parameter; declared: gain, harm",
        ),
        (
            {"parties": (ng.Party("US", valuations={"tariff": {"top": 1}}), ng.Party("China"))},
            ng.ScenarioError,
            "values level 'top' of 'tariff', which has only the levels low, high",
        ),
        (
            {"parties": (ng.Party("US"), ng.Party("US"))},
            ng.ScenarioError,
            "both called 'US'",
        ),
        (
            {"parameter_info": (ng.Parameter("gain", 1), ng.Parameter("gain", 2))},
            ng.ScenarioError,
            "declared twice",
        ),
        ({"name": "my scenario"}, ng.ScenarioError, "a scenario name is letters"),
        ({"date": "June 2025"}, ng.ScenarioError, "not an ISO date"),
        (
            {"status_quo_profile": ("Keep", "Nope")},
            ng.ScenarioError,
            "names 'Nope', which is not a strategy of China",
        ),
    ],
)
def test_inconsistent_scenarios_are_refused_with_a_clear_message(changes, error, fragment):
    with pytest.raises(error) as info:
        _toy(**changes)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda: ng.Parameter("max", 1), "is a function name"),
        (lambda: ng.Parameter("m", 7, low=0, high=5), "default 7 outside its range [0, 5]"),
        (lambda: ng.Parameter("m", 1, low=2, high=1), "low = 2 >= high = 1"),
        (lambda: ng.Parameter("m", "abc"), "not a number"),
        (lambda: ng.Parameter("m", float("nan")), "finite"),
        (lambda: ng.Issue("t", ("a",), status_quo="a", controlled_by="US"), "at least two"),
        (lambda: ng.Issue("t", ("a", "a"), status_quo="a", controlled_by="US"), "duplicate"),
        (lambda: ng.Issue("t", ("a", "b"), status_quo="c", controlled_by="US"), "not one of"),
        (lambda: ng.Interaction({}, 1), "at least one condition"),
        (lambda: ng.Level("x", value="lots"), "not a number"),
    ],
)
def test_bad_parts_are_refused(make, fragment):
    with pytest.raises(ng.NegotiationError, match=fragment.replace("[", r"\[").replace("(", r"\(")):
        make()


def test_parameter_converts_to_exact_numbers():
    p = ng.Parameter("m", 0.55, low="1/3", high=2)
    assert (p.default, p.low, p.high) == (sp.Rational(11, 20), sp.Rational(1, 3), 2)
    assert p.symbol == sp.Symbol("m")


def test_scenario_is_frozen(london):
    with pytest.raises(dataclasses.FrozenInstanceError):
        london.name = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        london.strategies["US"] = ()  # type: ignore[index]


def test_lookup_errors_list_what_exists(london):
    with pytest.raises(ng.UnknownLabelError, match="its issues are us_tariff, china_tariff"):
        london.issue("visas")
    with pytest.raises(ng.UnknownLabelError, match="its strategies are L, H, E"):
        london.strategy("US", "X")
    with pytest.raises(ng.UnknownLabelError, match="the parties are 'US', 'China'"):
        london.party("EU")


# ---------------------------------------------------------------------- diff
def test_diff_geneva_to_london():
    d = ng.diff(ng.load("geneva_consensus"), ng.load("london_framework"))
    assert d
    assert d.issues_added == ("export_controls", "student_visas")
    assert d.issues_removed == ()
    assert [c.issue for c in d.issues_changed] == ["rare_earths"]
    (rare,) = d.issues_changed
    assert "levels added: up_front, slow_walk" in rare.changes
    assert "status quo licensed -> slow_walk" in rare.changes
    assert d.issues_unchanged == ("us_tariff", "china_tariff")
    assert set(d.changed_issues) == {"export_controls", "student_visas", "rare_earths"}
    assert ("US", "L") in d.strategies_added
    assert ("re_loss_us", "default", 10, 4) in d.parameters_changed
    text = str(d)
    assert "issues unchanged: us_tariff, china_tariff" in text
    assert "parameter re_loss_us: default 10 -> 4" in text


def test_diff_of_a_scenario_with_itself_is_empty(london):
    d = ng.diff(london, london)
    assert not d
    assert "no differences" in str(d)


def test_diff_after_changing_a_default(london):
    d = ng.diff(london, london.with_defaults(m=2))
    assert d.parameters_changed == (("m", "default", 1, 2),)
    assert not d.issues_changed


def test_diff_needs_scenarios(london):
    with pytest.raises(ng.ScenarioError, match="compares two Scenario objects"):
        ng.diff(london, london.game())


def test_summary_lists_parties_issues_parameters_and_payoffs(london):
    text = london.summary()
    assert "Parties (row, column): US (United States), China" in text
    assert "* slow_walk: Licences slow-walked" in text
    assert "m = 1 multiplier (stylised)" in text
    assert "source: Calibration handle: how hard withheld licences hit US output" in text
    assert "US when student_visas = eased & rare_earths = withheld: -visa_politics_us" in text
    assert "Status quo profile: (H, S)" in text
    assert "H            4, -2   -1, -1   -4, -3" in text
    assert str(london) == text
