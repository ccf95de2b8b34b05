"""Symbolic answers of two-level games say where they hold."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng

u1, u2, c, k = sp.symbols("u1 u2 c k")


def visas() -> ng.TwoLevelGame:
    pie = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (0, 0), players=("US", "China"))
    return ng.TwoLevelGame(pie, (u1 >= c, u2 > 0))


def test_the_nash_point_states_that_no_deal_exists_from_c_equal_one():
    out = visas().nash()
    assert out.utilities[0] == sp.Min(1, sp.Max(sp.Rational(1, 2), c))
    # for c >= 1 the US needs the whole pie and China ratifies only u2 > 0: no deal
    assert out.condition == (c < 1)
    assert "valid when c < 1" in str(out)
    with pytest.raises(ng.BargainingError, match="no gains from trade"):
        visas().subs(c=1).nash()


@settings(max_examples=40, deadline=None)
@given(st.fractions(min_value=-2, max_value=3, max_denominator=20))
def test_the_condition_holds_exactly_where_the_numeric_game_has_a_deal(value):
    game = visas()
    symbolic = game.nash()
    holds = symbolic.condition.subs(c, value)
    try:
        numeric = game.subs(c=sp.Rational(value)).nash()
    except ng.BargainingError:
        assert holds is sp.false
        return
    assert holds is sp.true
    assert symbolic.utilities[0].subs(c, value) == numeric.utilities[0]


def test_two_parameters_keep_the_full_condition():
    pie = ng.BargainingProblem.from_frontier(1 - u1, u1, (0, 1), (0, 0))
    game = ng.TwoLevelGame(pie, (u1 >= c, u2 >= k))
    out = game.nash()
    at = {c: sp.Rational(3, 5), k: sp.Rational(1, 2)}  # 3/5 + 1/2 > 1: win-sets miss
    assert out.condition.subs(at) is sp.false
    assert out.condition.subs({c: sp.Rational(3, 5), k: sp.Rational(2, 5)}) is sp.true
