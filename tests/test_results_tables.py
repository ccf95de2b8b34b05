"""Results in the form users cite: tables for pandas and LaTeX, full names, money as $550bn."""

from __future__ import annotations

import sys

import pytest
import sympy as sp

import negotiation as ng
from negotiation import display
from negotiation.display.formatting import quantity
from negotiation.display.tables import ResultList

R = sp.Rational


@pytest.fixture
def chicken():
    # Game C of October 2025 (stylised W = 2, L = 3, C = 10): escalate with q = 2/9.
    return ng.Game.symmetric(
        [[0, -3], [2, -10]], strategies=("Swerve", "Escalate"), players=("US", "China")
    )


# ---------------------------------------------------------------------- Nash equilibria
def test_equilibrium_list_to_pandas_has_full_names_and_the_exact_numbers(chicken):
    found = chicken.equilibria(exact=True)
    assert isinstance(found, ResultList)
    assert isinstance(found, list)
    frame = found.to_pandas()
    assert list(frame.columns) == [
        "equilibrium",
        "US",
        "China",
        "US payoff",
        "China payoff",
        "kind",
        "method",
    ]
    assert frame["equilibrium"].tolist() == [1, 2, 3]
    for k, eq in enumerate(found):
        assert frame.loc[k, "US payoff"] == pytest.approx(float(eq.payoffs[0]))
        assert frame.loc[k, "kind"] == ("pure" if eq.is_pure else "mixed")
        if eq.is_pure:
            assert (frame.loc[k, "US"], frame.loc[k, "China"]) == eq.profile
    mixed = frame[frame["kind"] == "mixed"].iloc[0]
    assert mixed["US"] == "7/9 Swerve, 2/9 Escalate"
    # a single equilibrium is a one-row table
    assert len(found[0].to_pandas()) == 1


def test_equilibrium_list_to_latex_is_a_booktabs_tabular_with_exact_fractions(chicken):
    tex = chicken.equilibria(exact=True).to_latex()
    lines = tex.splitlines()
    assert lines[0] == r"\begin{tabular}{rllrrll}"
    assert lines[1:4] == [
        r"\toprule",
        r"equilibrium & US & China & US payoff & China payoff & kind & method \\",
        r"\midrule",
    ]
    assert r"$- \frac{2}{3}$" in tex  # the mixed equilibrium's payoff, exact
    assert "vertex\\_enumeration" in tex
    assert lines[-2:] == [r"\bottomrule", r"\end{tabular}"]


def test_symbolic_results_keep_their_expressions():
    t = sp.Symbol("t", positive=True)
    game = ng.Game([[t, 0], [0, 1]], [[1, 0], [0, 1]], strategies=(("A", "B"), ("a", "b")))
    eq = game.mixed_equilibrium()
    row = eq.to_pandas().iloc[0]
    assert row["Column"] == "1/(t + 1) a, t/(t + 1) b"
    assert row["Row payoff"] == t / (t + 1)  # an expression stays a sympy object
    assert row["Column payoff"] == 0.5
    assert r"$\frac{t}{t + 1}$" in eq.to_latex()


def test_latex_escapes_text_cells():
    game = ng.Game(
        [[1, 0], [0, 1]],
        [[1, 0], [0, 1]],
        strategies=(("R&D_100%", "Other"), ("$1bn", "#2")),
        players=("US", "China"),
    )
    tex = game.equilibria(method="pure").to_latex()
    assert r"R\&D\_100\%" in tex
    assert r"\$1bn" in tex
    assert r"\#2" in tex


# ---------------------------------------------------------------------- other results
def test_bargaining_outcome_and_critical_discount_factor_tables():
    out = ng.BargainingProblem.from_points({"a": (4, 0), "b": (0, 2)}, (0, 0)).nash()
    frame = out.to_pandas()
    assert frame.iloc[0].tolist() == ["Nash bargaining solution", 2, 1, "a (1/2), b (1/2)", "nash"]
    pd_game = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("Truce", "Escalate"))
    result = ng.RepeatedGame(pd_game).credible_discount(("Truce", "Truce"))
    tex = result.to_latex()
    assert r"$\frac{1}{2}$" in tex  # delta* = (T - R)/(T - P) = 1/2
    assert result.to_pandas()["critical discount factor"].tolist() == [0.5]


def test_bayes_nash_and_pbe_tables_have_one_row_per_equilibrium():
    crisis = ng.october_2025(prior=R(1, 10), audience_cost=1)
    pbes = crisis.perfect_bayesian_equilibria()
    frame = pbes.to_pandas()
    assert len(frame) == len(pbes) == 1
    row = frame.iloc[0]
    assert row["kind"] == "semi-separating"
    assert row["US (irresolute)"] == "4/9 Threaten, 5/9 Stay quiet"
    assert row["China after Threaten"] == "1/2 Concede, 1/2 Resist"
    assert row["belief after Threaten"] == "resolved 1/5, irresolute 4/5"
    assert row["US (resolved) payoff"] == pytest.approx(0.75)
    war = ng.games.crisis.war_of_attrition()
    found = war.equilibria(method="pure", exact=True)
    table = found.to_pandas()
    assert len(table) == len(found)
    for k, eq in enumerate(found):
        assert table.loc[k, "US (tough)"] == eq.action("US", "tough")
        assert table.loc[k, "China (soft) payoff"] == pytest.approx(
            float(eq.interim_payoff("China", "soft"))
        )
    assert "US (tough) payoff" in found.to_latex()


def test_intuitive_criterion_and_subgame_perfect_tables():
    def payoff(t, m, a):
        taste = 1 if (m == "beer") == (t == "strong") else 0
        return (
            taste + (0 if a == "duel" else 2),
            ((1 if t == "weak" else -1) if a == "duel" else 0),
        )

    bq = ng.SignallingGame(
        ("strong", "weak"), (R(9, 10), R(1, 10)), ("beer", "quiche"), ("duel", "not"), payoff
    )
    frame = bq.intuitive_criterion().to_pandas()
    assert frame["intuitive criterion"].tolist() == [True, False]
    assert frame["US (strong)" if "US (strong)" in frame else "Sender (strong)"].tolist() == [
        "beer",
        "quiche",
    ]
    tree = ng.GameTree(
        ng.Decision(
            "China",
            {
                "Deliver": ng.Decision(
                    "US", {"Honour": ng.Terminal((3, 3)), "Renege": ng.Terminal((4, -2))}
                ),
                "Slow-walk": ng.Decision(
                    "US", {"Honour": ng.Terminal((-2, 4)), "Renege": ng.Terminal((-1, -1))}
                ),
            },
        ),
        players=("US", "China"),
    )
    spe = tree.subgame_perfect()
    assert spe.to_pandas().iloc[0]["path"] == "Slow-walk -> Renege"


def test_a_mixed_list_takes_the_union_of_columns_and_non_results_are_refused(chicken):
    out = ng.BargainingProblem.from_points({"a": (4, 0), "b": (0, 2)}, (0, 0)).nash()
    table = display.records([chicken.equilibria(exact=True)[0], out])
    assert table.columns[0] == "equilibrium"
    assert "solution" in table.columns
    assert "US payoff" in table.columns
    with pytest.raises(TypeError, match="no table for dict"):
        display.to_pandas({"a": 1})


def test_to_pandas_without_pandas_names_the_extra(monkeypatch, chicken):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ng.MissingExtraError, match=r'pip install "negotiation\[notebooks\]"'):
        chicken.equilibria(exact=True).to_pandas()
    assert chicken.equilibria(exact=True).to_latex().startswith(r"\begin{tabular}")  # no pandas


def test_result_lists_still_behave_as_lists(chicken):
    found = chicken.equilibria(exact=True)
    assert found == list(found)
    assert repr(found) == repr(list(found))
    assert found[1:] == list(found)[1:]
    assert "<table" in found._repr_html_()
    assert ResultList()._repr_html_() is None


# ---------------------------------------------------------------------- money and units
@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (550, "$bn", "$550bn"),
        (R(286, 100), "$bn", "$2.86bn"),
        (-40, "$bn/yr", "-$40bn/yr"),
        (170, "$m", "$170m"),
        (R(292, 10), "$tn", "$29.2tn"),
        (R(75, 2), "%", "37.5%"),
        (1, "multiplier", "1 multiplier"),
        (R(1, 3), "", "1/3"),
        (R(1, 3), "$bn", "$1/3bn"),
    ],
)
def test_quantities_print_as_people_write_them(value, unit, expected):
    assert quantity(value, unit) == expected


def test_show_prints_money_parameters_as_dollars():
    text = ng.load("geneva_consensus").summary()
    assert "  gain_us = $10bn/yr (stylised)" in text
    assert "$bn/yr" not in text.split("Parameters:")[1].split("\n")[1]
    assert "* truce = 30%" in ng.load("london_framework").summary()


# ---------------------------------------------------------------- full strategy names
def test_scenario_tables_and_text_use_full_strategy_names() -> None:
    game = ng.load("london_framework").game()
    eq = game.equilibria()[0]
    assert eq.profile == ("H", "S")  # labels: what indexing uses
    assert eq.named_profile == ("Hold countermeasures", "Slow-walk licences")
    frame = game.equilibria().to_pandas()
    assert frame.loc[0, "US"] == "Hold countermeasures"
    assert frame.loc[0, "China"] == "Slow-walk licences"
    assert "Hold countermeasures" in game.equilibria().to_latex()
    assert str(eq).startswith("US plays Hold countermeasures; China plays Slow-walk licences")


def test_titles_survive_subs_and_restrict_and_name_mixed_strategies() -> None:
    g = ng.Game(
        [[0, -1], [1, -10]],
        [[0, 1], [-1, -10]],
        players=("US", "China"),
        strategies=(("S", "E"), ("S", "E")),
        titles=(("Swerve", "Escalate"), ("Swerve", "Escalate")),
    )
    assert g.subs({}).titles == g.titles
    assert g.restrict(["E"], ["S", "E"]).titles == (("Escalate",), ("Swerve", "Escalate"))
    mixed = next(e for e in g.equilibria() if not e.is_pure)
    cell = mixed.to_pandas().loc[0, "US"]
    assert "Swerve" in cell
    assert "Escalate" in cell
    pure = next(e for e in g.equilibria() if e.is_pure)
    assert set(pure.named_profile) == {"Swerve", "Escalate"}


def test_titles_of_the_wrong_shape_are_refused_with_the_order_to_use() -> None:
    with pytest.raises(ng.InvalidGameError, match=r"2 strategies, so titles needs 2 names"):
        ng.Game([[1, 2]], [[2, 1]], strategies=(("T",), ("L", "R")), titles=(("Top",), ("Left",)))
    with pytest.raises(ng.InvalidGameError, match="one tuple of full strategy names per player"):
        ng.Game([[1, 2]], [[2, 1]], titles="Top")


# ---------------------------------------------------------------- every result has a table
def test_continuous_results_have_pandas_and_latex_tables() -> None:
    x, y, a = sp.symbols("x y a")
    g = ng.ContinuousGame([a * x - x**2 - x * y, a * y - y**2 - x * y], [(x, 0, 1), (y, 0, 1)])
    found = g.subs(a=1).equilibria()
    frame = found.to_pandas()
    assert list(frame["Player 1 (x)"]) == [pytest.approx(1 / 3)]
    assert r"\frac{1}{3}" in found.to_latex()
    statics = g.comparative_statics(a)
    assert statics.to_pandas()["d strategy / d a"].tolist() == [pytest.approx(1 / 3)] * 2
    outcome = g.subs(a=1).cooperative()
    assert outcome.to_pandas().loc[0, "outcome"] == "cooperative"
    assert outcome.to_latex().startswith(r"\begin{tabular}")


def test_tariff_war_welfare_table_exports_to_latex() -> None:
    table = ng.trade.TariffWar().welfare_table()
    latex = table.to_latex()
    assert r"W US (\$bn)" in latex
    assert latex.count(r"\\") == len(table.rows) + 1  # header and one line per row


def test_quantal_response_results_export_to_latex() -> None:
    pd_game = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
    path = pd_game.qre_path(lam_max=1.0)
    assert path.to_latex().count(r"\\") == len(path.to_pandas()) + 1
    fit = pd_game.fit_qre([[20, 80], [20, 80]])
    assert "observed" in fit.to_latex()
    assert fit.to_pandas()["count"].tolist() == [20, 80, 20, 80]
