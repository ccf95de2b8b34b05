"""Bayesian, signalling and tree results print through the display package like Equilibrium."""

from __future__ import annotations

import pytest
import sympy as sp

import negotiation as ng
from negotiation import display

R = sp.Rational


def beer_quiche() -> ng.SignallingGame:
    def payoff(t, m, a):
        taste = 1 if (m == "beer") == (t == "strong") else 0
        return (
            taste + (0 if a == "duel" else 2),
            ((1 if t == "weak" else -1) if a == "duel" else 0),
        )

    return ng.SignallingGame(
        ("strong", "weak"), (R(9, 10), R(1, 10)), ("beer", "quiche"), ("duel", "not"), payoff
    )


@pytest.fixture
def bluff():
    (eq,) = ng.october_2025(prior=R(1, 10), audience_cost=1).perfect_bayesian_equilibria()
    return eq


def test_pbe_text_short_html_and_latex(bluff):
    assert str(bluff) == display.text(bluff)
    assert str(bluff).splitlines() == [
        "Perfect Bayesian equilibrium (semi-separating)",
        "  US (resolved): Threaten; payoff 3/4",
        "  US (irresolute): 4/9 Threaten, 5/9 Stay quiet; payoff 0",
        "  China after Threaten: 1/2 Concede, 1/2 Resist (belief resolved 1/5, irresolute 4/5)",
        "  China after Stay quiet: Status quo (belief resolved 0, irresolute 1)",
    ]
    assert repr(bluff) == (
        "PerfectBayesianEquilibrium(semi-separating; resolved: Threaten, "
        "irresolute: 4/9 Threaten, 5/9 Stay quiet)"
    )
    html = bluff._repr_html_()
    assert html == display.html(bluff)
    assert "<th>US (irresolute)</th><td>4/9 Threaten, 5/9 Stay quiet; payoff 0</td>" in html
    tex = display.latex(bluff)
    assert r"\sigma_{\text{US (irresolute)}} = \left(\frac{4}{9}\,\text{Threaten}" in tex
    assert r"\rho_{\text{China after Threaten}}" in tex


def test_symbolic_pbe_says_where_it_holds():
    found = ng.games.crisis.CrisisBargaining().perfect_bayesian_equilibria()
    assert str(found[0]).splitlines()[-1] == "  holds where: a >= c"
    assert r"\text{if } a \geq c" in display.latex(found[0])
    assert found.to_pandas()["condition"].tolist()[:2] == ["a >= c", "(a < c) & (k*p >= 1)"]


def test_intuitive_criterion_prints_its_verdict():
    tests = beer_quiche().intuitive_criterion()
    assert str(tests[0]).startswith("survives the intuitive criterion: ")
    assert str(tests[1]).startswith("fails the intuitive criterion: after 'beer' the receiver")
    assert repr(tests[1]) == "IntuitiveCriterion(pooling, survives=False)"


def test_bayes_nash_text_short_html_latex():
    war = ng.games.crisis.war_of_attrition()
    eq = war.equilibria(method="pure", exact=True)[0]
    assert str(eq).splitlines() == [
        "Bayes–Nash equilibrium (pure)",
        "  US (tough): quit at 0; interim payoff 0",
        "  US (soft): quit at 0; interim payoff 0",
        "  China (tough): hold out; interim payoff 4",
        "  China (soft): hold out; interim payoff 4",
    ]
    assert repr(eq) == "BayesNashEquilibrium(pure, method='pure', payoffs=(0, 4))"
    assert "<th>China (soft)</th><td>hold out</td><td>4</td>" in eq._repr_html_()
    assert display.latex(eq).startswith(r"\sigma_{\text{US (tough)}} = \left(1\,\text{quit at 0}")


def test_models_print_through_display():
    war = ng.games.crisis.war_of_attrition()
    assert (
        repr(war)
        == "BayesianGame(players=('US', 'China'), 2 types x 2 types, name='War of attrition')"
    )
    assert str(war).splitlines()[0] == "Bayesian game 'War of attrition'"
    assert war._repr_html_().startswith('<pre class="negotiation">Bayesian game')
    bq = beer_quiche()
    assert repr(bq) == "SignallingGame(types=('strong', 'weak'), messages=('beer', 'quiche'))"
    assert str(bq).splitlines()[1].split() == ["type", "message", "action", "payoffs"]
    assert "<caption>Signalling game (prior: strong 9/10, weak 1/10)</caption>" in bq._repr_html_()
    off = bq.perfect_bayesian_equilibria()[0].off_path["quiche"]
    assert str(off) == "after 'quiche': 'duel' if the belief in 'strong' lies in [0, 1/2]"


def test_tree_results_have_short_and_latex_forms():
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
    (spe,) = tree.subgame_perfect()
    assert repr(spe) == (
        "SubgamePerfect(profile=('Renege/Renege', 'Slow-walk'), payoffs=(-1, -1), "
        "method='backward_induction')"
    )
    assert display.latex(spe) == r"\text{Slow-walk} \to \text{Renege},\quad u = \left(-1, -1\right)"
    found = tree.equilibria()
    assert all(e.method == "strategic form" for e in found)
    assert display.latex(found[0]).endswith(r"u = \left(-1, -1\right)")


def test_scenario_with_types_has_its_own_repr():
    assert repr(ng.load("october_2025")) == (
        "PrivateScenario('october_2025', 'US' vs 'China', 3x2, 2 issues, 5 parameters, "
        "types US: resolved/irresolute)"
    )
