"""Two-level games (Putnam): win-sets, the ratifiable set and how narrowing one shifts the deal."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng

R = sp.Rational
u1, u2, c, w = sp.symbols("u1 u2 c w")
PIE = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (0, 0), players=("US", "China"))


def test_visa_cost_win_set_closed_form():
    """The US ratifies only deals worth its domestic cost c of easing student visas."""
    game = ng.TwoLevelGame(PIE, (u1 >= c, u2 > 0))
    assert game.parameters == (c,)
    assert game.ratifiable == sp.And(u1 >= c, u2 > 0)
    assert game.ratifiable_interval() == (sp.Max(0, c), 1)
    x, y = game.nash().utilities
    assert x == sp.Min(1, sp.Max(R(1, 2), c))
    assert sp.simplify(x + y - 1) == 0
    # a narrow win-set is leverage (Schelling): above the Nash split the US gets exactly c
    assert game.subs(c=R(1, 5)).nash().utilities == (R(1, 2), R(1, 2))
    assert game.subs(c=R(7, 10)).nash().utilities == (R(7, 10), R(3, 10))


@settings(max_examples=30, deadline=None)
@given(st.fractions(min_value=0, max_value=R(99, 100), max_denominator=100))
def test_symbolic_win_set_matches_numeric(value):
    value = R(value.numerator, value.denominator)
    game = ng.TwoLevelGame(PIE, (u1 >= c, None))
    symbolic = game.nash().utilities[0].subs(c, value)
    assert symbolic == game.subs(c=value).nash().utilities[0]
    assert game.agreement_possible.subs(c, value) is sp.true


def test_no_agreement_when_win_sets_do_not_intersect():
    game = ng.TwoLevelGame(PIE, (u1 >= R(7, 10), u2 >= R(1, 2)))
    assert game.agreement_possible is sp.false
    with pytest.raises(ng.BargainingError, match="win-sets do not intersect"):
        game.restricted()
    with pytest.raises(ng.BargainingError, match="win-sets do not intersect"):
        game.nash()


def test_shift_moves_the_outcome_towards_the_narrowed_side():
    game = ng.TwoLevelGame(PIE)
    us = game.shift("US", u1 >= R(3, 5))
    assert us.before.utilities == (R(1, 2), R(1, 2))
    assert us.after.utilities == (R(3, 5), R(2, 5))
    assert us.change == (R(1, 10), R(-1, 10))
    china = game.shift("China", u2 >= R(4, 5))
    assert china.change == (R(-3, 10), R(3, 10))
    # narrowing that does not bind moves nothing
    assert game.shift(0, u1 >= R(1, 5)).change == (0, 0)
    assert "US narrows by u1 >= 3/5" in repr(us)
    assert "<table" in us._repr_html_()
    symbolic = game.shift(0, u1 >= w)
    assert symbolic.after.utilities[0] == sp.Min(1, sp.Max(R(1, 2), w))
    with pytest.raises(ng.BargainingError, match="no side 'EU'"):
        game.shift("EU", u1 >= 0)


def test_narrowing_both_until_the_deal_breaks():
    game = ng.TwoLevelGame(PIE).narrow(0, u1 >= R(3, 5)).narrow(1, u2 >= R(2, 5))
    assert game.ratifiable_interval() == (R(3, 5), R(3, 5))
    assert game.nash().utilities == (R(3, 5), R(2, 5))
    with pytest.raises(ng.BargainingError, match="no point of the frontier"):
        game.shift(1, u2 >= R(1, 2))


def test_nonlinear_numeric_win_set():
    game = ng.TwoLevelGame(PIE, (u1**2 >= R(1, 4), None))
    assert game.ratifiable_interval() == (R(1, 2), 1)
    assert game.nash().utilities == (R(1, 2), R(1, 2))
    split = ng.TwoLevelGame(PIE, (sp.Or(u1 <= R(1, 5), u1 >= R(4, 5)), None))
    with pytest.raises(ng.BargainingError, match="not an interval"):
        split.ratifiable_interval()
    with pytest.raises(ng.BargainingError, match="linear in u1 and u2"):
        ng.TwoLevelGame(PIE, (u1**2 >= c, None)).ratifiable_interval()


def test_win_sets_over_packages():
    p = ng.BargainingProblem.from_points(
        {"big": (4, 1), "mid": (2, 2), "small": (1, 4), "none": (0, 0)},
        (0, 0),
        players=("US", "China"),
    )
    game = ng.TwoLevelGame(p, (u1 >= 2, {"mid", "small", "none"}))
    assert game.ratifiable_packages() == ("mid",)
    assert game.ratifies("US", "big") is sp.true
    assert game.ratifies("China", "big") is sp.false
    assert game.restricted().labels == ("mid",)
    assert game.nash().utilities == (2, 2)
    assert game.agreement_possible is sp.true
    narrowed = game.narrow("China", {"small"})
    assert narrowed.win_sets[1] == frozenset({"small"})
    assert narrowed.agreement_possible is sp.false
    with pytest.raises(ng.BargainingError, match="no package is ratifiable by both"):
        narrowed.nash()
    with pytest.raises(ng.BargainingError, match="ratifiable_packages"):
        _ = game.ratifiable
    with pytest.raises(ng.BargainingError, match="frontier problems"):
        game.ratifiable_interval()


def test_win_sets_cut_the_hull_of_lotteries():
    p = ng.BargainingProblem.from_points({"a": (4, 0), "b": (0, 4)}, (0, 0))
    game = ng.TwoLevelGame(p, (u1 >= 3, u2 >= R(1, 2)))
    corners = game.restricted()
    assert set(corners.points) >= {(3, 1), (R(7, 2), R(1, 2))}
    out = game.nash()
    assert out.utilities == (3, 1)
    assert dict(out.package) == {"a": R(3, 4), "b": R(1, 4)}
    # without lotteries only whole packages count, and none clears both win-sets
    q = ng.BargainingProblem.from_points({"a": (4, 0), "b": (0, 4)}, (0, 0), lotteries=False)
    with pytest.raises(ng.BargainingError, match="no package is ratifiable"):
        ng.TwoLevelGame(q, (u1 >= 3, u2 >= R(1, 2))).nash()
    with pytest.raises(ng.BargainingError, match="no package or lottery"):
        ng.TwoLevelGame(p, (u1 >= 3, u2 >= 2)).nash()


def test_symbolic_thresholds_on_packages_need_values():
    p = ng.BargainingProblem.from_points({"a": (3, 1), "b": (1, 3)}, (0, 0))
    game = ng.TwoLevelGame(p, (u1 >= c, None))
    with pytest.raises(ng.FreeParameterError, match="depends on c"):
        game.ratifiable_packages()
    assert game.subs(c=2).ratifiable_packages() == ("a",)
    assert game.subs(c=2).nash().utilities == (2, 2)  # a lottery of a and b clears u1 >= 2


def test_ratifies_points():
    game = ng.TwoLevelGame(PIE, (u1 >= R(1, 3), None))
    assert game.ratifies(0, (R(1, 4), R(3, 4))) is sp.false
    assert game.ratifies(1, (R(1, 4), R(3, 4))) is sp.true


def test_london_framework_ratification():
    load = getattr(ng, "load", None)
    if load is None:
        pytest.skip("negotiation.load is not available yet")
    problem = ng.BargainingProblem.from_scenario(load("london_framework"))
    # a US Congress that needs a gain of at least 4 over the standoff rejects L/D (3, 3)
    game = ng.TwoLevelGame(problem, (u1 >= 3, None))
    assert "L/D" in game.ratifiable_packages()
    assert game.nash().utilities == (3, 3)
    # a US Congress that needs 7/2 rejects L/D; a lottery with H/D (time-phased
    # delivery, say) clears it: the deal moves the US's way along the frontier
    strict = ng.TwoLevelGame(problem, (u1 >= R(7, 2), None))
    out = strict.nash()
    assert out.utilities == (R(7, 2), R(1, 2))
    assert dict(out.package) == {"H/D": R(1, 2), "L/D": R(1, 2)}


def test_bad_win_sets():
    with pytest.raises(ng.BargainingError, match="not a condition"):
        ng.TwoLevelGame(PIE, (u1 + 1, None))
    with pytest.raises(ng.BargainingError, match="set of package labels, but the problem"):
        ng.TwoLevelGame(PIE, ({"a"}, None))
    with pytest.raises(ng.BargainingError, match="one win-set per side"):
        ng.TwoLevelGame(PIE, (None,))
    with pytest.raises(ng.BargainingError, match="must be a sympy condition"):
        ng.TwoLevelGame(PIE, (3, None))
    with pytest.raises(ng.BargainingError, match="needs a BargainingProblem"):
        ng.TwoLevelGame("pie")
    p = ng.BargainingProblem.from_points({"a": (1, 1)}, (0, 0))
    with pytest.raises(ng.BargainingError, match="'zz', which is not a package"):
        ng.TwoLevelGame(p, ({"zz"}, None))


def test_display():
    game = ng.TwoLevelGame(PIE, (u1 >= c, None))
    assert "US: u1 >= c" in repr(game)
    assert "China: anything" in repr(game)
    assert "<table" in game._repr_html_()
    assert game._repr_latex_().startswith("$W_{1} = u_{1} \\geq c")
