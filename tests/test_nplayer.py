"""The N-player core: games with three or more players, their display, pure analysis and files.

Known answers are derived here by hand; Gambit's pure equilibria of its own
N-player games are read from ``../shared/reference/nplayer/`` when present.
"""

from __future__ import annotations

import json
import pickle
from fractions import Fraction
from itertools import product
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

import negotiation as ng
from negotiation.solvers import METHODS, SOLVERS, methods_for

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "nplayer"


def volunteer(n: int = 3, benefit=2, cost=1) -> ng.Game:
    """Volunteer's dilemma: everyone gets ``benefit`` if someone volunteers, at ``cost`` to them."""

    def payoff(*choices):
        someone = "Volunteer" in choices
        return [benefit * int(someone) - cost * int(c == "Volunteer") for c in choices]

    return ng.Game.from_payoff_function(
        tuple(f"P{k + 1}" for k in range(n)), [("Volunteer", "Wait")] * n, payoff
    )


def test_shape_players_and_payoffs():
    g = volunteer()
    assert g.n_players == 3
    assert g.shape == (2, 2, 2)
    assert g.players == ("P1", "P2", "P3")
    assert g.strategies == (("Volunteer", "Wait"),) * 3
    assert len(g.payoffs) == 3
    assert all(isinstance(u, sp.ImmutableDenseNDimArray) for u in g.payoffs)
    # P2 volunteers alone: P2 gets benefit - cost, the others the benefit
    assert [u[1, 0, 1] for u in g.payoffs] == [2, 1, 2]
    # nobody volunteers: nobody gets anything
    assert [u[1, 1, 1] for u in g.payoffs] == [0, 0, 0]


def test_default_names_for_n_players():
    g = ng.Game(*np.zeros((3, 2, 3, 4)))
    assert g.players == ("Player 1", "Player 2", "Player 3")
    assert g.strategies == (("s0", "s1"), ("s0", "s1", "s2"), ("s0", "s1", "s2", "s3"))
    assert g.shape == (2, 3, 4)


def test_two_player_api_unchanged():
    g = ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    assert g.n_players == 2
    assert g.row_payoffs == sp.Matrix([[3, 0], [5, 1]])
    assert g.payoffs[1][0, 1] == 5
    (eq,) = g.equilibria()
    assert (eq.row.tolist(), eq.col.tolist()) == ([0.0, 1.0], [0.0, 1.0])
    assert eq.strategies[0] is eq.row
    assert eq.row_support == eq.supports[0] == ("r1",)


def test_two_player_names_refuse_other_n():
    g = volunteer()
    with pytest.raises(ng.InvalidGameError, match=r"two-player games; this game has 3 players"):
        _ = g.row_payoffs
    eq = g.equilibria(method="pure")[0]
    with pytest.raises(ng.InvalidGameError, match=r"use \.strategies"):
        _ = eq.row
    for method in ("vertex_enumeration", "lemke_howson"):
        if method == "vertex_enumeration":
            continue  # the default method hands N-player games to support enumeration
        with pytest.raises(
            ng.InvalidGameError,
            match=r"method='lemke_howson' is for two-player games; this game has 3 players: "
            r"use one of 'support_enumeration', 'logit', 'pure'",
        ):
            g.equilibria(method=method)
    with pytest.raises(ng.InvalidGameError, match="equilibrium_components"):
        g.equilibrium_components()


def test_pure_equilibria_of_the_volunteers_dilemma():
    # exactly one volunteer is an equilibrium; nobody or two volunteers are not
    found = [eq.profile for eq in volunteer().equilibria(method="pure", exact=True)]
    assert found == [
        ("Volunteer", "Wait", "Wait"),
        ("Wait", "Volunteer", "Wait"),
        ("Wait", "Wait", "Volunteer"),
    ]
    numeric = [eq.profile for eq in volunteer().equilibria(method="pure")]
    assert numeric == found


def test_every_pure_equilibrium_is_one_and_none_is_missed():
    rng = np.random.default_rng(7)
    for _ in range(30):
        shape = tuple(rng.integers(1, 4, size=3))
        tables = [rng.integers(-3, 4, size=shape) for _ in range(3)]
        g = ng.Game(*tables)
        found = {
            tuple(g.index(p, s) for p, s in enumerate(eq.profile))
            for eq in g.equilibria(method="pure")
        }
        for profile in product(*(range(k) for k in shape)):
            is_eq = all(
                tables[p][profile]
                >= max(tables[p][(*profile[:p], k, *profile[p + 1 :])] for k in range(shape[p]))
                for p in range(3)
            )
            assert (profile in found) == is_eq


def test_equilibrium_conditions_for_three_players():
    b, c = sp.symbols("b c", positive=True)
    g = volunteer(benefit=b, cost=c)
    # one volunteer holds when volunteering beats getting nothing
    assert g.equilibrium_conditions(("Volunteer", "Wait", "Wait")) == (b >= c)
    # nobody volunteering holds when the cost is above the benefit
    assert g.equilibrium_conditions(("Wait", "Wait", "Wait")) == (c >= b)
    assert g.subs(b=2, c=1).equilibrium_conditions(("Wait", "Wait", "Wait")) is sp.false
    with pytest.raises(ng.UnknownLabelError, match=r"one strategy per player \(3\)"):
        g.equilibrium_conditions(("Wait", "Wait"))


def test_best_responses_for_three_players():
    g = volunteer()
    assert g.best_responses("P1", ["Wait", "Wait"]) == ("Volunteer",)
    assert g.best_responses(0, ["Volunteer", "Wait"]) == ("Wait",)
    # against others who each volunteer with probability 1/2, waiting gets 2*(3/4) = 3/2 > 1
    assert g.best_responses(0, [[sp.Rational(1, 2)] * 2] * 2) == ("Wait",)
    with pytest.raises(ng.InvalidGameError, match="give one strategy for each other player"):
        g.best_responses(0, "Wait")


def test_dominance_and_elimination_for_three_players():
    # player 3 has a strictly dominated strategy; after removing it the others have one too
    def payoff(a, b, c):
        return [
            (a == "x") + (c == "keep"),
            (b == "y") * 2,
            3 if c == "keep" else 1,
        ]

    g = ng.Game.from_payoff_function(
        ("US", "Japan", "EU"), [("x", "z"), ("y", "w"), ("keep", "drop")], payoff
    )
    reasons = {d.reason for d in g.dominated_strategies()}
    assert "EU's 'drop' is strictly dominated by 'keep'" in reasons
    assert "US's 'z' is strictly dominated by 'x'" in reasons
    reduced, record = g.eliminate_dominated()
    assert reduced.strategies == (("x",), ("y",), ("keep",))
    assert len(record) == 3


def test_restrict_any_number_of_players():
    g = volunteer().restrict(["Wait"], ["Volunteer", "Wait"], ["Wait"])
    assert g.shape == (1, 2, 1)
    assert [u[0, 0, 0] for u in g.payoffs] == [2, 1, 2]
    with pytest.raises(ng.InvalidGameError, match="one sequence of strategies per player"):
        volunteer().restrict(["Wait"], ["Wait"])


def test_subs_parameters_and_value_semantics():
    b = sp.Symbol("b")
    g = volunteer(benefit=b)
    assert g.parameters == (b,)
    h = g.subs(b=3)
    assert h.parameters == ()
    assert h == volunteer(benefit=3)
    assert hash(h) == hash(volunteer(benefit=3))
    assert pickle.loads(pickle.dumps(h)) == h
    with pytest.raises(
        ng.FreeParameterError, match=r"depend on b; give values with game.subs\(b=...\)"
    ):
        g.equilibria(method="pure")


def test_text_html_latex_one_block_per_third_player_strategy():
    g = volunteer()
    text = str(g)
    assert text.count("P3 plays") == 2
    assert "P1 \\ P2" in text
    assert "1, 2, 2" in text  # P1 volunteers alone: 1 for P1, 2 for the others
    html = g._repr_html_()
    assert html.count("<table") == 2
    assert "P3 plays Wait" in html
    latex = g.to_latex()
    assert latex.count(r"\begin{array}{r|cc}") == 2
    eq = g.equilibria(method="pure", exact=True)[0]
    assert str(eq) == "P1 plays Volunteer; P2 plays Wait; P3 plays Wait; payoffs (1, 2, 2)"
    assert repr(eq).startswith("Equilibrium(strategies=((1, 0), (0, 1), (0, 1))")
    assert r"\sigma_{3}" in eq._repr_latex_()


def test_nfg_round_trip_three_players():
    g = volunteer()
    assert ng.Game.from_nfg(g.to_nfg()) == g


def test_from_payoff_function_bad_input():
    with pytest.raises(ng.InvalidGameError, match=r"returned 2 payoffs .* but there are 3 players"):
        ng.Game.from_payoff_function(("a", "b", "c"), [("x",)] * 3, lambda *p: [1, 2])
    with pytest.raises(ng.InvalidGameError, match=r"failed at the profile \('x', 'x'\)"):
        ng.Game.from_payoff_function(("a", "b"), [("x",)] * 2, lambda *p: 1 / 0)
    with pytest.raises(ng.InvalidGameError, match="no payoff for b"):
        ng.Game.from_payoff_function(("a", "b"), [("x",)] * 2, lambda *p: {"a": 1})
    with pytest.raises(ng.InvalidGameError, match="2 players but 3 strategy lists"):
        ng.Game.from_payoff_function(("a", "b"), [("x",)] * 3, lambda *p: [1, 1])


def test_bad_shapes_and_counts():
    with pytest.raises(ng.InvalidGameError, match="at least two players"):
        ng.Game([[1, 2]])
    with pytest.raises(ng.InvalidGameError, match="different shapes"):
        ng.Game(np.zeros((2, 2, 2)), np.zeros((2, 2, 2)), np.zeros((2, 3, 2)))
    with pytest.raises(ng.InvalidGameError, match="has 2 dimensions but the game has 3 players"):
        ng.Game(np.zeros((2, 2, 2)), np.zeros((2, 2, 2)), np.zeros((2, 2)))
    with pytest.raises(ng.InvalidGameError, match="players must be 3 names"):
        ng.Game(*np.zeros((3, 2, 2, 2)), players=("US", "China"))
    with pytest.raises(ng.InvalidGameError, match="ragged"):
        ng.Game([[[1, 2], [3]]], [[[1, 2], [3, 4]]], [[[1, 2], [3, 4]]])
    with pytest.raises(ng.InvalidGameError, match="repeated: US"):
        ng.Game(*np.zeros((3, 2, 2, 2)), players=("US", "US", "EU"))


def test_solver_table_is_the_one_list():
    assert ng.Game.methods == METHODS == tuple(SOLVERS)
    assert methods_for(3) == ("support_enumeration", "logit", "pure")
    assert set(methods_for(2)) == set(METHODS)
    assert all(SOLVERS[m].accepts(2) for m in METHODS)


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared N-player reference games are absent")
def test_pure_equilibria_agree_with_gambit_enumpure():
    checked = 0
    for path in sorted((REFERENCE / "equilibria").glob("*.json")):
        answer = json.loads(path.read_text())
        game_file = REFERENCE / "games" / path.name
        if "enumpure" not in answer or not game_file.exists():
            continue
        spec = json.loads(game_file.read_text())
        payoffs = [
            np.vectorize(lambda v: sp.Rational(str(v)), otypes=[object])(np.array(u, dtype=object))
            for u in spec["payoffs"]
        ]
        g = ng.Game(*payoffs)
        ours = sorted(
            tuple(tuple(str(x) for x in v) for v in eq.strategies)
            for eq in g.equilibria(method="pure", exact=True)
        )
        theirs = sorted(
            tuple(tuple(str(Fraction(x)) for x in v) for v in profile)
            for profile in answer["enumpure"]["pure_equilibria"]
        )
        assert ours == theirs, path.name
        checked += 1
    assert checked >= 10


def test_support_enumeration_and_logit_through_the_facade():
    g = volunteer()
    exact = g.equilibria(method="support_enumeration", exact=True)
    # the symmetric equilibrium: each waits with probability (c/b)^(1/(n-1)) = 1/sqrt(2)
    symmetric = [eq for eq in exact if len(set(eq.strategies)) == 1 and not eq.is_pure]
    assert len(symmetric) == 1
    assert sp.simplify(symmetric[0].strategies[0][1] - 1 / sp.sqrt(2)) == 0
    assert len(exact) == 7  # 3 pure, 3 with one waiter, 1 symmetric
    numeric = g.equilibria()  # three players: the default hands over to support enumeration
    assert len(numeric) == 7
    assert {eq.method for eq in numeric} == {"support_enumeration"}
    (limit,) = g.equilibria(method="logit")
    assert limit.method == "logit"
    # the logit limit is one of the equilibria support enumeration finds
    assert any(
        all(
            np.allclose(a, b, atol=1e-6)
            for a, b in zip(limit.strategies, eq.strategies, strict=True)
        )
        for eq in numeric
    )


def test_quantal_response_facade_and_bad_input():
    g = volunteer()
    uniform = g.quantal_response(0)
    assert all(np.allclose(v, 0.5) for v in uniform)
    path = g.qre_path(lams=[0.0, 1.0])
    assert path.lambdas.tolist() == [0.0, 1.0]
    with pytest.raises(ng.InvalidGameError, match="lam"):
        g.quantal_response(-1)
    with pytest.raises(ng.InvalidGameError):
        g.fit_qre([[1, 2]])  # one player's counts for a three-player game
    with pytest.raises(ng.InvalidGameError):
        g.fit_qre([[1, -2], [1, 1], [1, 1]])


def test_explore_a_three_player_game():
    pytest.importorskip("ipywidgets")
    b = sp.Symbol("b", positive=True)
    dash = ng.explore(volunteer(benefit=b), plot="auto")
    assert dash.plot == "none"  # the pictures draw bimatrix games
    # nobody volunteers when the benefit is below the cost; someone does when it is above
    low = dash.set(b=0.5).equilibria
    assert [eq.profile for eq in low if eq.is_pure] == [("Wait", "Wait", "Wait")]
    high = dash.set(b=2).equilibria
    assert ("Volunteer", "Wait", "Wait") in [eq.profile for eq in high if eq.is_pure]
    from negotiation.explore import equilibria_table

    table = equilibria_table(dash.game, high)
    assert "P3&#x27;s payoff" in table
