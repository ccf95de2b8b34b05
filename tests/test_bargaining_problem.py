"""BargainingProblem: construction, bad input, Pareto checks, scenarios, accessors and display."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import negotiation as ng
from negotiation.bargaining.outcome import Lottery

GAME_B = ng.Game(
    [[3, -2, -6], [4, -1, -4], [1, -3, -7]],
    [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
    players=("US", "China"),
    strategies=(("L", "H", "E"), ("D", "S", "W")),
    name="Game B",
)
u1 = sp.Symbol("u1")


@pytest.fixture
def game_b() -> ng.BargainingProblem:
    return ng.BargainingProblem.from_game(GAME_B, ("H", "S"))


# ---------------------------------------------------------------------- construction
def test_from_points_labels_and_defaults():
    p = ng.BargainingProblem.from_points([(3, 1), (1, 3)], (0, 0))
    assert p.labels == ("p0", "p1")
    assert p.points == ((3, 1), (1, 3))
    assert p.kind == "points"
    assert p.lotteries is True
    assert p.players == ("Player 1", "Player 2")
    q = ng.BargainingProblem.from_points({"a": (3, 1)}, (0, 0), lotteries=False)
    assert q.labels == ("a",)
    assert q.lotteries is False


def test_from_game_packages_and_status_quo(game_b):
    assert game_b.labels[0] == "L/D"
    assert game_b.utilities_of("H/S") == (-1, -1)
    assert game_b.disagreement == (-1, -1)
    assert game_b.players == ("US", "China")
    assert game_b.name == "Game B"
    by_index = ng.BargainingProblem.from_game(GAME_B, (1, 1))
    assert by_index.disagreement == (-1, -1)


def test_from_game_unknown_status_quo():
    with pytest.raises(ng.UnknownLabelError, match="no strategy 'X'"):
        ng.BargainingProblem.from_game(GAME_B, ("X", "S"))
    with pytest.raises(ng.BargainingError, match="profile"):
        ng.BargainingProblem.from_game(GAME_B, "H")


class _TinyScenario:
    """A stand-in with the two things from_scenario needs."""

    name = "tiny"
    status_quo_profile = ("H", "S")

    def game(self) -> ng.Game:
        return GAME_B


def test_from_scenario_stand_in():
    p = ng.BargainingProblem.from_scenario(_TinyScenario())
    assert p.disagreement == (-1, -1)
    assert p.name == "tiny"
    assert p.nash().package == "L/D"


def test_from_scenario_rejects_non_scenarios():
    with pytest.raises(ng.BargainingError, match=r"needs \.game\(\) and \.status_quo_profile"):
        ng.BargainingProblem.from_scenario(object())


def test_from_scenario_london_framework():
    load = getattr(ng, "load", None)
    if load is None:
        pytest.skip("negotiation.load is not available yet")
    p = ng.BargainingProblem.from_scenario(load("london_framework"))
    assert p.disagreement == (-1, -1)
    assert p.nash().utilities == (3, 3)
    assert p.nash().package == "L/D"
    assert p.kalai_smorodinsky().utilities == (3, 3)


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ([], "feasible set is empty"),
        ([(1, 2, 3)], "pair of utilities"),
        ([("a", 1)], "string"),
        ([(float("nan"), 1)], "finite"),
        ("oops", "list of"),
    ],
)
def test_bad_points(points, message):
    with pytest.raises(ng.BargainingError, match=message):
        ng.BargainingProblem.from_points(points, (0, 0))


def test_bad_disagreement_and_players():
    with pytest.raises(ng.BargainingError, match="disagreement must be a pair"):
        ng.BargainingProblem.from_points([(1, 1)], 0)
    with pytest.raises(ng.BargainingError, match="two non-empty names"):
        ng.BargainingProblem.from_points([(1, 1)], (0, 0), players=("US",))


def test_duplicate_labels_rejected():
    with pytest.raises(ng.BargainingError, match="duplicate package labels"):
        ng.BargainingProblem(points=((1, 1), (2, 2)), labels=("a", "a"), disagreement=(0, 0))


@pytest.mark.parametrize(
    ("expr", "interval", "message"),
    [
        (u1, (0, 1), "not decreasing"),
        (1 + 0 * u1, (0, 1), "does not depend"),
        ((u1 - 1) ** 2 - u1, (0, 3), "not decreasing"),
        (1 - u1, (1, 0), "is empty"),
        ("1 - u1", (0, 1), "string"),
    ],
)
def test_bad_frontier(expr, interval, message):
    with pytest.raises(ng.BargainingError, match=message):
        ng.BargainingProblem.from_frontier(expr, u1, interval, (0, 0))


def test_frontier_needs_a_symbol():
    with pytest.raises(ng.BargainingError, match="sympy Symbol"):
        ng.BargainingProblem.from_frontier(1 - u1, "u1", (0, 1), (0, 0))


def test_symbolic_frontier_that_rises_is_rejected():
    a = sp.Symbol("a", positive=True)
    with pytest.raises(ng.BargainingError, match="not decreasing"):
        ng.BargainingProblem.from_frontier(a * u1, u1, (0, 1), (0, 0))


# ---------------------------------------------------------------------- gains from trade
def test_no_gains_from_trade_messages():
    p = ng.BargainingProblem.from_points([(2, 0), (0, 2)], (1, 1))
    assert not p.has_gains_from_trade
    with pytest.raises(ng.BargainingError, match=r"no gains from trade.*lower the disagreement"):
        p.nash()
    outside = p.with_disagreement((3, 3))
    with pytest.raises(ng.BargainingError, match="lies outside the feasible set"):
        outside.kalai_smorodinsky()
    curve = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (1, 1))
    with pytest.raises(ng.BargainingError, match="outside the feasible set"):
        curve.egalitarian()


def test_gains_condition_symbolic_and_numeric():
    a = sp.Symbol("a")
    p = ng.BargainingProblem.from_points([(a, -1), (-1, 2)], (0, 0))
    cond = p.gains_condition
    assert cond.subs(a, 1) is sp.true  # the lottery (1, -1)/(-1, 2) crosses the quadrant
    assert cond.subs(a, sp.Rational(1, 3)) is sp.false
    with pytest.raises(ng.FreeParameterError, match=r"problem\.subs\(a=\.\.\.\)"):
        _ = p.has_gains_from_trade
    assert p.subs(a=1).has_gains_from_trade


def test_symbolic_points_need_values():
    t = sp.Symbol("t")
    p = ng.BargainingProblem.from_points([(t, 1), (1, t)], (0, 0))
    assert p.parameters == (t,)
    with pytest.raises(ng.FreeParameterError, match="depends on t"):
        p.nash()
    assert p.subs({"t": 3}).nash().utilities == (2, 2)
    with pytest.raises(ng.UnknownLabelError, match="no parameter named 'x'"):
        p.subs(x=1)


# ---------------------------------------------------------------------- Pareto
def test_pareto_frontier_game_b(game_b):
    pf = game_b.pareto_frontier()
    assert pf.labels == ("L/S", "L/D", "H/D")
    assert pf.points == ((-2, 4), (3, 3), (4, -2))
    u, v = pf.arrays()
    assert u.tolist() == [-2.0, 3.0, 4.0]
    assert v.tolist() == [4.0, 3.0, -2.0]
    assert "L/D (3, 3)" in repr(pf)


def test_pareto_check_names_dominating_packages(game_b):
    check = game_b.pareto_check("H/S")
    assert not check.efficient
    assert check.dominated_by == ("L/D",)
    assert check.improvement == (3, 3)
    assert game_b.is_pareto_efficient("L/D")
    assert game_b.is_pareto_efficient("L/S")
    assert not game_b.is_pareto_efficient("E/W")
    assert not game_b.is_pareto_efficient("L/W")  # dominated by L/S


def test_pareto_check_lottery_only():
    p = ng.BargainingProblem.from_points(
        {"a": (0, 2), "b": (2, 0), "c": (sp.Rational(9, 10),) * 2}, (0, 0)
    )
    check = p.pareto_check("c")
    assert not check.efficient
    assert check.dominated_by == ()
    assert check.improvement == (1, 1)
    assert isinstance(check.improvement_package, Lottery)
    assert dict(check.improvement_package) == {"a": sp.Rational(1, 2), "b": sp.Rational(1, 2)}
    # without lotteries nothing dominates it
    assert ng.BargainingProblem.from_points(
        dict(zip("abc", p.points, strict=True)), (0, 0), lotteries=False
    ).is_pareto_efficient("c")


def test_pareto_check_points_and_curves():
    p = ng.BargainingProblem.from_points([(0, 2), (2, 0)], (0, 0))
    assert p.is_pareto_efficient((1, 1))
    assert not p.is_pareto_efficient((sp.Rational(1, 2), sp.Rational(1, 2)))
    with pytest.raises(ng.BargainingError, match="no package 'zzz'"):
        p.pareto_check("zzz")
    with pytest.raises(ng.BargainingError, match=r"\(2, 2\) is not feasible"):
        p.pareto_check((2, 2))
    curve = ng.BargainingProblem.from_frontier(1 - u1**2, u1, (0, 1), (0, 0))
    assert curve.is_pareto_efficient((sp.Rational(1, 2), sp.Rational(3, 4)))
    check = curve.pareto_check((sp.Rational(1, 2), sp.Rational(1, 2)))
    assert not check.efficient
    assert check.improvement == (sp.Rational(1, 2), sp.Rational(3, 4))
    with pytest.raises(ng.BargainingError, match="above the frontier"):
        curve.pareto_check((sp.Rational(1, 2), 1))
    with pytest.raises(ng.BargainingError, match="no package labels"):
        curve.pareto_check("a")


# ---------------------------------------------------------------------- accessors
def test_plot_accessors(game_b):
    hull = game_b.feasible_vertices()
    assert hull.shape[1] == 2
    assert {tuple(r) for r in hull.tolist()} == {
        (-7.0, -7.0),
        (1.0, -6.0),
        (4.0, -2.0),
        (3.0, 3.0),
        (-2.0, 4.0),
        (-6.0, 2.0),
    }
    np.testing.assert_array_equal(game_b.frontier_points(), [[-2, 4], [3, 3], [4, -2]])
    np.testing.assert_array_equal(game_b.disagreement_point(), [-1.0, -1.0])
    no_lot = ng.BargainingProblem.from_points([(1, 1), (0, 0)], (0, 0), lotteries=False)
    assert no_lot.feasible_vertices().shape == (2, 2)


def test_plot_accessors_curve():
    curve = ng.BargainingProblem.from_frontier(1 - u1**2, u1, (0, 1), (0, 0))
    pts = curve.frontier_points(11)
    assert pts.shape == (11, 2)
    np.testing.assert_allclose(pts[:, 1], 1 - pts[:, 0] ** 2)
    outline = curve.feasible_vertices(11)
    assert outline[-1].tolist() == [0.0, 0.0]
    s = sp.Symbol("s", positive=True)
    with pytest.raises(ng.FreeParameterError, match="depends on s"):
        ng.BargainingProblem.from_frontier(s - u1, u1, (0, s), (0, 0)).frontier_points()


# ---------------------------------------------------------------------- values and display
def test_subs_frontier_and_parameters():
    s, d = sp.symbols("s d")
    p = ng.BargainingProblem.from_frontier(s - u1, u1, (0, s), (d, 0))
    assert p.parameters == (d, s)
    q = p.subs(s=4, d=1)
    assert q.parameters == ()
    assert q.nash().utilities == (sp.Rational(5, 2), sp.Rational(3, 2))


def test_float_input_gives_float_output():
    p = ng.BargainingProblem.from_points([(4.0, 0), (0, 2)], (0, 0))
    assert not p.is_exact
    out = p.nash()
    assert isinstance(out.utilities[0], sp.Float)
    assert float(out.utilities[0]) == pytest.approx(2.0)


def test_problem_display(game_b):
    assert repr(game_b) == "BargainingProblem('Game B', 9 packages, disagreement=(-1, -1))"
    text = str(game_b)
    assert "L/D" in text
    assert "disagreement point (-1, -1)" in text
    assert "<table" in game_b._repr_html_()
    assert game_b._repr_latex_().startswith(r"$S = \operatorname{conv}")
    curve = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (0, 0))
    assert "u_2 = 1 - u_{1}" in curve._repr_latex_()
    assert "frontier u2 = 1 - u1" in repr(curve)


def test_outcome_display(game_b):
    out = game_b.nash()
    assert repr(out) == "BargainingOutcome(method='nash', utilities=(3, 3), package='L/D')"
    assert str(out) == "Nash bargaining solution: US gets 3, China gets 3 (package L/D)"
    assert "<table" in out._repr_html_()
    assert out._repr_latex_() == r"$u = \left(3, 3\right)$"
    assert out.gains == (4, 4)
    assert out.lottery == Lottery((("L/D", sp.Integer(1)),))
    mixed = game_b.nash(sp.Rational(1, 10))
    assert isinstance(mixed.package, Lottery)
    assert "beta=1/10" in repr(mixed)
    assert "(beta = 1/10)" in str(mixed)


def test_lottery_mapping():
    lot = Lottery((("a", sp.Rational(1, 3)), ("b", sp.Rational(2, 3))))
    assert list(lot) == ["a", "b"]
    assert len(lot) == 2
    assert lot["b"] == sp.Rational(2, 3)
    assert str(lot) == "a (1/3), b (2/3)"
    assert repr(lot) == "Lottery(a (1/3), b (2/3))"
    assert "cdot" in lot._repr_latex_()
    with pytest.raises(KeyError):
        lot["c"]


def test_restrict_and_with_disagreement(game_b):
    small = game_b.restrict(["L/D", "H/S", "H/D"])
    assert small.labels == ("L/D", "H/D", "H/S")
    assert small.nash().utilities == (3, 3)
    with pytest.raises(ng.BargainingError, match="no package 'Q'"):
        game_b.restrict(["Q"])
    moved = game_b.with_disagreement((2, -3))
    assert moved.nash().utilities == (sp.Rational(31, 10), sp.Rational(5, 2))  # the US gains
