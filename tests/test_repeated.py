"""Repeated games: critical discount factors (grim trigger, tit-for-tat, k-period punishment),
sustainability, minmax values and the feasible / individually rational sets."""

from __future__ import annotations

import functools

import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.games.repeated import (
    convex_hull,
    grim_trigger_threshold,
    punishment_threshold,
    tit_for_tat_threshold,
)

T, R, P, S = sp.symbols("T R P S")
delta = sp.Symbol("delta")
PD_ORDER = [T > R, R > P, P > S]


def game_a() -> ng.Game:
    """Domain brief section 4, Game A: the tariff prisoner's dilemma (stylised, $bn)."""
    return ng.Game(
        [[0, -40], [10, -30]],
        [[0, 10], [-90, -70]],
        players=("US", "China"),
        strategies=(("Truce", "Escalate"), ("Truce", "Escalate")),
    )


def game_b(r=3) -> ng.Game:
    """Domain brief section 4, Game B: implementing Geneva (stylised)."""
    return ng.Game(
        [[r, -2, -6], [4, -1, -4], [1, -3, -7]],
        [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
        players=("US", "China"),
        strategies=(("L", "H", "E"), ("D", "S", "W")),
    )


def symbolic_pd() -> ng.Game:
    return ng.Game.symmetric([[R, S], [T, P]], strategies=("C", "D"))


# ---------------------------------------------------------------------- known answers
def test_game_a_critical_discounts():
    rg = ng.RepeatedGame(game_a(), 0.5)
    assert rg.critical_discounts(("Truce", "Truce")) == (sp.Rational(1, 4), sp.Rational(1, 8))
    us, china = rg.critical_discounts((0, 0))
    assert (float(us), float(china)) == (0.25, 0.125)
    assert rg.critical_discount(("Truce", "Truce")) == sp.Rational(1, 4)


def test_game_b_grim_trigger_and_harsher_punishment():
    rg = ng.RepeatedGame(game_b(), 0.9)
    assert rg.critical_discount(("L", "D")) == sp.Rational(1, 5)
    assert rg.critical_discount(("L", "D"), punishment=("E", "W")) == sp.Rational(1, 8)
    us, china = rg.incentives(("L", "D"), punishment=("E", "W"))
    # the deviator best-responds to the threat: the US plays H against W (-4, not -7)
    assert (us.cooperate, us.deviate, us.deviation, us.punish, us.punisher) == (3, 4, "H", -4, "W")
    assert (china.punish, china.punisher) == (-4, "E")
    assert (us.gain, us.loss) == (1, 7)


def test_default_punishment_is_the_stage_equilibrium():
    us, china = ng.RepeatedGame(game_b(), 0.9).incentives(("L", "D"))
    assert (us.punish, us.punisher, china.punish, china.punisher) == (-1, "S", -1, "H")


def test_prisoners_dilemma_grim_trigger_in_closed_form():
    rg = ng.RepeatedGame(symbolic_pd())
    threshold = rg.critical_discount(("C", "C"), assuming=PD_ORDER)
    assert sp.simplify(threshold - (T - R) / (T - P)) == 0
    # the domain brief's derivation: R/(1-d) = T + d P/(1-d)
    d = sp.Symbol("d")
    (solved,) = sp.solve(sp.Eq(R / (1 - d), T + d * P / (1 - d)), d)
    assert sp.simplify(threshold - solved) == 0


def test_named_punishment_without_ordering_keeps_the_deviators_best_response():
    threshold = ng.RepeatedGame(symbolic_pd()).critical_discount(("C", "C"), punishment=("D", "D"))
    assert threshold.has(sp.Max)
    at = {T: 5, R: 3, P: 1, S: 0}
    assert threshold.subs(at) == sp.Rational(1, 2)


def test_symbolic_pd_needs_an_ordering_or_a_punishment():
    with pytest.raises(
        ng.RepeatedGameError, match=r"depends on P, R, S, T.*punishment=.*assuming="
    ):
        ng.RepeatedGame(symbolic_pd()).critical_discount(("C", "C"))


def test_3x3_stage_game_with_symbolic_payoff_and_harsher_punishment():
    r = sp.Symbol("r")
    rg = ng.RepeatedGame(game_b(r=r))
    grim = rg.critical_discounts(("L", "D"), assuming=[r < 4, r > -1])
    harsh = rg.critical_discounts(("L", "D"), punishment=("E", "W"), assuming=[r < 4])
    assert sp.simplify(grim[0] - (4 - r) / 5) == 0
    assert grim[1] == sp.Rational(1, 5)
    assert sp.simplify(harsh[0] - (4 - r) / 8) == 0
    assert harsh[1] == sp.Rational(1, 8)
    assert grim[0].subs(r, 3) == sp.Rational(1, 5)
    # a harsher punishment lowers the threshold wherever cooperation pays
    for value in (-sp.Rational(1, 2), 0, 2, sp.Rational(7, 2)):
        assert harsh[0].subs(r, value) < grim[0].subs(r, value)


def test_no_gain_from_deviating_means_threshold_zero():
    r = sp.Symbol("r")
    rg = ng.RepeatedGame(game_b(r=r))
    assert rg.critical_discounts(("L", "D"), assuming=[r >= 4])[0] == 0


def test_tit_for_tat_thresholds():
    pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
    assert ng.RepeatedGame(pd).critical_discount(("C", "C"), "tit_for_tat") == sp.Rational(2, 3)
    assert ng.RepeatedGame(pd).critical_discount(("C", "C")) == sp.Rational(1, 2)
    assert ng.RepeatedGame(game_b()).critical_discount(("L", "D"), "tit_for_tat") == sp.Rational(
        1, 5
    )
    assert tit_for_tat_threshold(5, 3, 1, 0) == sp.Rational(2, 3)
    symbolic = ng.RepeatedGame(symbolic_pd()).critical_discount(
        ("C", "C"), "tit_for_tat", assuming=PD_ORDER
    )
    assert symbolic.subs({T: 5, R: 3, P: 1, S: 0}) == sp.Rational(2, 3)
    assert symbolic.subs({T: 5, R: 4, P: 2, S: 0}) == sp.Rational(1, 3)


def test_tit_for_tat_needs_at_least_the_grim_trigger_discount():
    for values in ([[3, 0], [5, 1]], [[4, 0], [5, 2]], [[2, -1], [3, 0]]):
        rg = ng.RepeatedGame(ng.Game.symmetric(values, strategies=("C", "D")))
        assert rg.critical_discount(("C", "C"), "tit_for_tat") >= rg.critical_discount(("C", "C"))


def test_k_period_punishment():
    rg = ng.RepeatedGame(game_b())
    one = rg.critical_discount(("L", "D"), "punish", periods=1)
    two = rg.critical_discount(("L", "D"), "punish", periods=2)
    three = rg.critical_discount(("L", "D"), "punish", periods=3)
    grim = rg.critical_discount(("L", "D"))
    assert one == sp.Rational(1, 4)
    assert sp.simplify(two - (sp.sqrt(2) - 1) / 2) == 0
    x = sp.Symbol("x")
    assert sp.simplify((4 * (x + x**2 + x**3) - 1).subs(x, three)) == 0
    assert one > two > three > grim
    pd_one = ng.RepeatedGame(symbolic_pd()).critical_discount(
        ("C", "C"), "punish", periods=1, assuming=PD_ORDER
    )
    assert sp.simplify(pd_one - (T - R) / (R - P)) == 0
    assert punishment_threshold(4, 3, -1, 1) == sp.Rational(1, 4)
    with pytest.raises(ng.FreeParameterError, match="degree-3 polynomial"):
        ng.RepeatedGame(symbolic_pd()).critical_discount(
            ("C", "C"), "punish", periods=3, assuming=PD_ORDER
        )


def test_is_sustainable_numeric_and_symbolic():
    rg = ng.RepeatedGame(game_b(), sp.Rational(1, 6))
    assert rg.is_sustainable(("L", "D")) is sp.false
    assert rg.is_sustainable(("L", "D"), punishment=("E", "W")) is sp.true
    assert rg.is_sustainable(("L", "D"), discount=sp.Rational(1, 5)) is sp.true
    assert ng.RepeatedGame(game_b()).is_sustainable(("L", "D")) == sp.Ge(delta, sp.Rational(1, 5))
    assert ng.RepeatedGame(game_a()).is_sustainable(("Truce", "Truce")) == sp.Ge(
        delta, sp.Rational(1, 4)
    )
    three = ng.RepeatedGame(game_b()).is_sustainable(("L", "D"), "punish", periods=3)
    assert three == sp.Ge(4 * delta**3 + 4 * delta**2 + 4 * delta, 1)
    cond = ng.RepeatedGame(symbolic_pd()).is_sustainable(("C", "C"), assuming=PD_ORDER)
    at = {T: 5, R: 3, P: 1, S: 0}
    assert cond.subs({**at, delta: sp.Rational(1, 2)}) is sp.true
    assert cond.subs({**at, delta: sp.Rational(49, 100)}) is sp.false


def test_float_discount_at_the_threshold_counts_within_tol():
    rg = ng.RepeatedGame(game_a(), 0.25)
    assert bool(rg.is_sustainable(("Truce", "Truce")))


# ---------------------------------------------------------------------- folk theorem
def test_minmax_values():
    assert ng.RepeatedGame(game_b(), 0.9).minmax_values() == (-4, -4)
    pennies = ng.Game.zero_sum([[1, -1], [-1, 1]])
    assert ng.RepeatedGame(pennies, 0.9).minmax_values() == (0, 0)
    assert ng.RepeatedGame(pennies, 0.9).minmax_values(mixed=False) == (1, 1)
    symbolic = ng.RepeatedGame(symbolic_pd())
    assert symbolic.minmax_values(mixed=False)[0].subs({T: 5, R: 3, P: 1, S: 0}) == 1
    with pytest.raises(ng.FreeParameterError, match="mixed=False"):
        symbolic.minmax_values()


def test_feasible_and_individually_rational_sets():
    pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
    rg = ng.RepeatedGame(pd, 0.9)
    assert rg.feasible_set() == ((5, 0), (3, 3), (0, 5), (1, 1))
    third = sp.Rational(13, 3)
    assert rg.individually_rational_set() == ((1, 1), (third, 1), (3, 3), (1, third))
    ir = ng.RepeatedGame(game_b(), 0.9).individually_rational_set()
    assert ir == ((-4, -4), (sp.Rational(5, 2), -4), (4, -2), (3, 3), (-2, 4), (-4, 3))
    with pytest.raises(ng.FreeParameterError, match="feasible set needs numbers"):
        ng.RepeatedGame(symbolic_pd()).feasible_set()


def test_convex_hull_edge_cases():
    assert convex_hull([(1, 1)]) == ((1, 1),)
    assert convex_hull([(0, 0), (1, 1), (2, 2)]) == ((0, 0), (2, 2))
    assert convex_hull([(0, 0), (2, 0), (1, 1), (2, 2), (0, 2), (1, 0)]) == (
        (0, 0),
        (2, 0),
        (2, 2),
        (0, 2),
    )


# ---------------------------------------------------------------------- bad input
@pytest.mark.parametrize("value", [0, 1, 1.2, -0.1])
def test_discount_outside_unit_interval(value):
    with pytest.raises(ng.RepeatedGameError, match=r"strictly between 0 and 1"):
        ng.RepeatedGame(game_a(), value)


def test_discount_checks_symbols_and_overrides():
    with pytest.raises(ng.RepeatedGameError, match="cannot lie strictly between 0 and 1"):
        ng.RepeatedGame(game_a(), -sp.Symbol("d", positive=True))
    with pytest.raises(ng.RepeatedGameError, match="strictly between 0 and 1"):
        ng.RepeatedGame(game_a()).is_sustainable(("Truce", "Truce"), discount=2)
    with pytest.raises(ng.RepeatedGameError, match="string"):
        ng.RepeatedGame(game_a(), "0.9")


def test_target_not_better_than_punishment_is_an_error():
    rg = ng.RepeatedGame(game_b(), 0.9)
    with pytest.raises(
        ng.RepeatedGameError, match=r"gives US -1, not more than the -1 .*harsher punishment"
    ):
        rg.critical_discount(("H", "S"))
    with pytest.raises(ng.RepeatedGameError, match="not more than"):
        rg.is_sustainable(("E", "W"), punishment=("H", "S"))


def test_bad_strategy_periods_profile_and_stage():
    rg = ng.RepeatedGame(game_b(), 0.9)
    with pytest.raises(ng.RepeatedGameError, match="unknown strategy 'forgiving'"):
        rg.critical_discount(("L", "D"), "forgiving")
    with pytest.raises(ng.RepeatedGameError, match="needs periods=k"):
        rg.critical_discount(("L", "D"), "punish")
    with pytest.raises(ng.RepeatedGameError, match="needs periods=k"):
        rg.critical_discount(("L", "D"), "punish", periods=0)
    with pytest.raises(ng.RepeatedGameError, match="only applies to strategy='punish'"):
        rg.critical_discount(("L", "D"), periods=2)
    with pytest.raises(ng.UnknownLabelError, match="no strategy 'X'"):
        rg.critical_discount(("L", "X"))
    with pytest.raises(ng.UnknownLabelError, match="a profile is a pair"):
        rg.critical_discount("L")
    with pytest.raises(ng.RepeatedGameError, match=r"must be a negotiation\.Game"):
        ng.RepeatedGame([[1, 2]], 0.9)  # type: ignore[arg-type]
    with pytest.raises(ng.RepeatedGameError, match="inequalities"):
        ng.RepeatedGame(symbolic_pd()).critical_discount(("C", "C"), assuming=[T + R])


def test_no_pure_equilibrium_to_punish_with_tit_for_tat():
    pennies = ng.Game.zero_sum([[1, -1], [-1, 1]], strategies=(("H", "T"), ("H", "T")))
    rg = ng.RepeatedGame(pennies, 0.9)
    with pytest.raises(ng.RepeatedGameError, match="no pure Nash equilibrium"):
        rg.critical_discount(("H", "H"), "tit_for_tat")


# ---------------------------------------------------------------------- model basics
def test_parameters_subs_and_display():
    rg = ng.RepeatedGame(symbolic_pd())
    assert rg.parameters == (P, R, S, T, delta)
    numeric = rg.subs({T: 5, R: 3, P: 1, S: 0}, delta=sp.Rational(9, 10))
    assert numeric.parameters == ()
    assert numeric.discount == sp.Rational(9, 10)
    assert numeric.critical_discount(("C", "C")) == sp.Rational(1, 2)
    assert rg.parameters == (P, R, S, T, delta)
    text = str(numeric)
    assert text.startswith(
        "RepeatedGame: the stage game below, repeated forever with discount factor 9/10"
    )
    assert "<table" in numeric._repr_html_()
    assert repr(numeric).startswith("RepeatedGame(")
    assert numeric.players == ("Row", "Column")


# ---------------------------------------------------------------------- properties
pd_payoffs = st.lists(st.integers(-20, 20), min_size=4, max_size=4, unique=True).map(
    lambda xs: sorted(xs, reverse=True)
)


@settings(max_examples=50, deadline=None)
@given(pd_payoffs, st.fractions(min_value=0, max_value=1))
def test_grim_trigger_condition_matches_the_discounted_sums(tps, d):
    t, r, p, s = tps
    assume(0 < d < 1)
    dd = sp.Rational(d.numerator, d.denominator)
    pd = ng.Game.symmetric([[r, s], [t, p]], strategies=("C", "D"))
    rg = ng.RepeatedGame(pd, dd)
    cooperate = r / (1 - dd)
    deviate = t + dd * p / (1 - dd)
    assert bool(rg.is_sustainable(("C", "C"))) == (cooperate >= deviate)
    assert bool(rg.is_sustainable(("C", "C"))) == (dd >= rg.critical_discount(("C", "C")))


STRATEGY_CASES = (("grim_trigger", None), ("tit_for_tat", None), ("punish", 1), ("punish", 2))


@functools.cache
def symbolic_thresholds() -> tuple[sp.Expr, ...]:
    rg = ng.RepeatedGame(symbolic_pd())
    return tuple(
        rg.critical_discount(("C", "C"), strategy, periods=periods, assuming=PD_ORDER)
        for strategy, periods in STRATEGY_CASES
    )


@settings(max_examples=30, deadline=None)
@given(pd_payoffs)
def test_symbolic_threshold_agrees_with_numeric(tps):
    t, r, p, s = tps
    at = {T: t, R: r, P: p, S: s}
    rg = ng.RepeatedGame(ng.Game.symmetric([[r, s], [t, p]], strategies=("C", "D")))
    for symbolic, (strategy, periods) in zip(symbolic_thresholds(), STRATEGY_CASES, strict=True):
        numeric = rg.critical_discount(("C", "C"), strategy, periods=periods)
        assert abs(float(symbolic.subs(at)) - float(numeric)) < 1e-12
        if periods != 2:
            assert symbolic.subs(at) == numeric


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-6, 6), min_size=18, max_size=18), st.integers(0, 2), st.integers(0, 2))
def test_threshold_separates_sustainable_from_not(values, a, b):
    A = [values[0:3], values[3:6], values[6:9]]
    B = [values[9:12], values[12:15], values[15:18]]
    game = ng.Game(A, B)
    rg = ng.RepeatedGame(game)
    try:
        threshold = rg.critical_discount((a, b), punishment=None)
    except ng.RepeatedGameError:
        return  # the target is not better than the punishment for someone
    assert threshold >= 0
    for eps in (sp.Rational(1, 1000), sp.Rational(1, 10)):
        above, below = threshold + eps, threshold - eps
        if 0 < above < 1:
            assert rg.is_sustainable((a, b), discount=above) is sp.true
        if 0 < below < 1:
            assert rg.is_sustainable((a, b), discount=below) is sp.false


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(-6, 6), min_size=8, max_size=8))
def test_individually_rational_vertices_are_feasible_and_rational(values):
    game = ng.Game([values[0:2], values[2:4]], [values[4:6], values[6:8]])
    rg = ng.RepeatedGame(game, 0.9)
    m0, m1 = rg.minmax_values()
    hull = rg.feasible_set()
    for u0, u1 in rg.individually_rational_set():
        assert u0 >= m0
        assert u1 >= m1
        assert _inside(hull, (u0, u1))
    # the stage equilibria are individually rational
    for eq in game.equilibria(exact=True):
        assert eq.payoffs[0] >= m0
        assert eq.payoffs[1] >= m1


def _inside(hull, point) -> bool:
    if len(hull) == 1:
        return tuple(hull[0]) == tuple(point)
    if len(hull) == 2:
        (ax, ay), (bx, by) = hull
        cross = (bx - ax) * (point[1] - ay) - (by - ay) * (point[0] - ax)
        return (
            cross == 0
            and min(ax, bx) <= point[0] <= max(ax, bx)
            and min(ay, by) <= point[1] <= max(ay, by)
        )
    n = len(hull)
    for k in range(n):
        (ax, ay), (bx, by) = hull[k], hull[(k + 1) % n]
        if (bx - ax) * (point[1] - ay) - (by - ay) * (point[0] - ax) < 0:
            return False
    return True


def test_kernels():
    assert grim_trigger_threshold(10, 0, -30) == sp.Rational(1, 4)
    assert sp.simplify(grim_trigger_threshold(T, R, P) - (T - R) / (T - P)) == 0
