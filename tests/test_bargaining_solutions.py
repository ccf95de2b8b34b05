"""Bargaining solutions: known answers, closed forms and the axioms as Hypothesis properties."""

from __future__ import annotations

import functools
import itertools

import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.bargaining import solutions as sol

R = sp.Rational
u1 = sp.Symbol("u1")
SETTINGS = settings(max_examples=40, deadline=None)

GAME_B = ng.Game(
    [[3, -2, -6], [4, -1, -4], [1, -3, -7]],
    [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
    players=("US", "China"),
    strategies=(("L", "H", "E"), ("D", "S", "W")),
)


# ---------------------------------------------------------------------- known answers
@pytest.mark.parametrize("lotteries", [True, False])
def test_game_b_nash_and_ks_give_london_deal(lotteries):
    """Domain brief, Game B: Nash and Kalai-Smorodinsky from d = (-1, -1) both give (3, 3)."""
    p = ng.BargainingProblem.from_game(GAME_B, ("H", "S"), lotteries=lotteries)
    for out in (p.nash(), p.kalai_smorodinsky()):
        assert out.utilities == (3, 3)
        assert out.package == "L/D"
        assert all(isinstance(x, sp.Rational) for x in out.utilities)
    assert p.nash().method == "nash"
    assert p.kalai_smorodinsky().method == "kalai_smorodinsky"


def test_pie_nash_closed_form():
    """Nash on u1 + u2 = S: u1 = (S + d1 - d2)/2; asymmetric: d1 + beta*(S - d1 - d2)."""
    S, d1, d2, b = sp.symbols("S d1 d2 beta")
    pie = ng.BargainingProblem.from_frontier(S - u1, u1, (d1, S - d2), (d1, d2))
    out = pie.nash()
    assert sp.simplify(out.utilities[0] - (S + d1 - d2) / 2) == 0
    assert sp.simplify(out.utilities[1] - (S - d1 + d2) / 2) == 0
    assert out.condition == (S > d1 + d2)
    asym = pie.nash(b).utilities[0]
    assert sp.simplify(asym - (d1 + b * (S - d1 - d2))) == 0
    for method in ("kalai_smorodinsky", "egalitarian", "utilitarian"):
        got = getattr(pie, method)().utilities[0]
        assert sp.simplify(got - (S + d1 - d2) / 2) == 0


def test_sympy_first_order_condition_agrees():
    """The brief's recipe: sp.solve(sp.diff((u1-d1)*(S-u1-d2), u1), u1)."""
    S, d1, d2 = sp.symbols("S d1 d2")
    expected = sp.solve(sp.diff((u1 - d1) * (S - u1 - d2), u1), u1)[0]
    pie = ng.BargainingProblem.from_frontier(S - u1, u1, (d1, S - d2), (d1, d2))
    assert sp.simplify(pie.nash().utilities[0] - expected) == 0


def test_concave_frontier_closed_forms():
    p = ng.BargainingProblem.from_frontier(1 - u1**2, u1, (0, 1), (0, 0))
    assert p.nash().utilities == (sp.sqrt(3) / 3, R(2, 3))
    ks = p.kalai_smorodinsky().utilities
    assert ks == ((sp.sqrt(5) - 1) / 2, (sp.sqrt(5) - 1) / 2)
    assert p.egalitarian().utilities == ks  # ideal point (1, 1): KS is egalitarian here
    assert p.utilitarian().utilities == (R(1, 2), R(3, 4))
    b = sp.Symbol("beta")
    asym = p.nash(b).utilities[0]
    assert sp.simplify(asym**2 - b / (2 - b)) == 0


def test_kalai_smorodinsky_differs_from_nash():
    """An asymmetric frontier: Nash and KS disagree, as the textbook example shows."""
    p = ng.BargainingProblem.from_points({"a": (0, 4), "b": (2, 3), "c": (4, 0)}, (0, 0))
    assert p.nash().utilities == (2, 3)
    assert p.nash().package == "b"
    assert p.kalai_smorodinsky().utilities == (R(12, 5), R(12, 5))
    assert p.ideal_point() == (4, 4)
    lot = p.kalai_smorodinsky().package
    assert dict(lot) == {"b": R(4, 5), "c": R(1, 5)}


def test_nash_with_symbolic_beta_is_piecewise():
    p = ng.BargainingProblem.from_game(GAME_B, ("H", "S"))
    b = sp.Symbol("beta")
    x, y = p.nash(b).utilities
    assert isinstance(x, sp.Piecewise)
    for value in (R(1, 20), R(1, 6), R(1, 2), R(5, 6), R(19, 20)):
        assert x.subs(b, value) == p.nash(value).utilities[0]
        assert y.subs(b, value) == p.nash(value).utilities[1]


def test_nash_finite_set_symbolic_beta_envelope():
    p = ng.BargainingProblem.from_points(
        {"a": (1, 6), "b": (3, 3), "c": (6, 1)}, (0, 0), lotteries=False
    )
    b = sp.Symbol("beta")
    x = p.nash(b).utilities[0]
    for value in (R(1, 10), R(1, 3), R(1, 2), R(2, 3), R(9, 10)):
        assert x.subs(b, value) == p.nash(value).utilities[0]
    assert p.nash().package == "b"


def test_beta_validation():
    p = ng.BargainingProblem.from_points([(1, 0), (0, 1)], (0, 0))
    for bad in (0, 1, -0.5, 1.5, R(3, 2)):
        with pytest.raises(ng.BargainingError, match=r"beta = .* is outside \(0, 1\)"):
            p.nash(bad)
    assert p.nash(R(1, 4)).utilities == (R(1, 4), R(3, 4))
    assert float(p.nash(0.25).utilities[0]) == pytest.approx(0.25)


def test_utilitarian_tie_broken_by_nash_and_rationality():
    p = ng.BargainingProblem.from_points([(0, 4), (1, 3), (3, 1), (4, 0)], (0, 0))
    assert p.utilitarian().utilities == (2, 2)
    q = ng.BargainingProblem.from_points(
        {"a": (5, 0), "b": (2, 2), "c": (9, -1)}, (0, 0), lotteries=False
    )
    assert q.utilitarian().package == "a"  # c has the larger sum but China rejects it


def test_egalitarian_on_flat_ends_is_leximin():
    # the 45-degree ray from d misses the strong frontier: leximin picks its end
    p = ng.BargainingProblem.from_points({"a": (5, 1), "b": (6, 0)}, (0, 0))
    assert p.egalitarian().package == "a"


def test_free_functions_directly():
    pts = [(sp.Integer(x), sp.Integer(y)) for x, y in [(4, 0), (0, 2)]]
    d = (sp.Integer(0), sp.Integer(0))
    out = sol.nash_points(pts, d, R(1, 2), lotteries=True)
    assert (out.u1, out.u2) == (2, 1)
    assert out.weights == ((1, R(1, 2)), (0, R(1, 2)))
    assert sol.status_points(pts, (sp.Integer(5), sp.Integer(0)), lotteries=True) == "outside"
    assert sol.convex_hull(pts) == [1, 0]


def test_numeric_fallback_on_transcendental_frontier():
    p = ng.BargainingProblem.from_frontier(sp.exp(-u1) - sp.Rational(1, 10), u1, (0, 2), (0, 0))
    x = float(p.nash().utilities[0])
    # first-order condition of log(x) + log(e^-x - 1/10)
    assert 1 / x == pytest.approx(sp.exp(-x) / (sp.exp(-x) - 0.1), rel=1e-6)


# ---------------------------------------------------------------------- strategies
coords = st.integers(-6, 10)
point_sets = st.lists(st.tuples(coords, coords), min_size=1, max_size=7)
disagreements = st.tuples(st.integers(-8, 2), st.integers(-8, 2))


def _problem(points, d, lotteries=True):
    p = ng.BargainingProblem.from_points(points, d, lotteries=lotteries)
    assume(p.has_gains_from_trade)
    return p


def _nash_product(x, y, d):
    return (x - d[0]) * (y - d[1])


# ---------------------------------------------------------------------- axioms
@SETTINGS
@given(point_sets, disagreements, st.booleans())
def test_nash_is_pareto_optimal(points, d, lotteries):
    p = _problem(points, d, lotteries)
    out = p.nash()
    assert all(isinstance(x, sp.Rational) for x in out.utilities)
    assert p.pareto_check(out.utilities).efficient
    if not lotteries:
        assert out.package in p.labels


@SETTINGS
@given(point_sets, disagreements)
def test_nash_maximises_the_product(points, d):
    """Cross-check: no package and no 50/50 lottery of two packages beats the solution."""
    p = _problem(points, d)
    x, y = p.nash().utilities
    best = _nash_product(x, y, d)
    for (a, b), (c, e) in itertools.combinations_with_replacement(points, 2):
        mx, my = R(a + c, 2), R(b + e, 2)
        if mx >= d[0] and my >= d[1]:
            assert _nash_product(mx, my, d) <= best


@SETTINGS
@given(point_sets, st.integers(-8, 2))
def test_nash_symmetric_on_symmetric_problems(points, a):
    sym = points + [(y, x) for x, y in points]
    p = _problem(sym, (a, a))
    for out in (p.nash(), p.kalai_smorodinsky(), p.egalitarian()):
        assert out.utilities[0] == out.utilities[1]


@SETTINGS
@given(
    point_sets,
    disagreements,
    st.fractions(min_value=R(1, 5), max_value=5),
    st.fractions(min_value=R(1, 5), max_value=5),
    st.integers(-5, 5),
    st.integers(-5, 5),
    st.booleans(),
)
def test_nash_invariant_to_affine_rescaling(points, d, a1, a2, b1, b2, lotteries):
    p = _problem(points, d, lotteries)
    a1, a2 = R(a1.numerator, a1.denominator), R(a2.numerator, a2.denominator)

    def tr(pt):
        return (a1 * pt[0] + b1, a2 * pt[1] + b2)

    q = ng.BargainingProblem.from_points([tr(pt) for pt in points], tr(d), lotteries=lotteries)
    x, y = p.nash().utilities
    assert q.nash().utilities == tr((x, y))
    ks = p.kalai_smorodinsky().utilities
    assert q.kalai_smorodinsky().utilities == tr(ks)


@SETTINGS
@given(point_sets, disagreements, st.lists(st.booleans(), min_size=7, max_size=7))
def test_nash_independent_of_irrelevant_alternatives(points, d, keep):
    p = _problem(points, d)
    x, y = p.nash().utilities
    subset = [pt for pt, k in zip(points, keep, strict=False) if k] + [(x, y)]
    q = ng.BargainingProblem.from_points(subset, d)
    assert q.nash().utilities == (x, y)


@SETTINGS
@given(
    st.integers(1, 10),
    st.lists(st.tuples(st.integers(-6, 10), st.integers(-6, 10)), min_size=1, max_size=5),
    st.lists(st.tuples(st.integers(-6, 10), st.integers(-6, 10)), min_size=1, max_size=4),
)
def test_kalai_smorodinsky_individual_monotonicity(a, base, extra):
    """If T contains S and player 1's ideal is unchanged, player 2 is no worse off in T."""
    d = (0, 0)
    S = [(a, 0)] + [(min(x, a), y) for x, y in base]
    T = S + [(min(x, a), y) for x, y in extra]
    p, q = _problem(S, d), _problem(T, d)
    assert p.ideal_point()[0] == q.ideal_point()[0] == a
    assert q.kalai_smorodinsky().utilities[1] >= p.kalai_smorodinsky().utilities[1]


@SETTINGS
@given(point_sets, disagreements)
def test_solutions_are_individually_rational(points, d):
    p = _problem(points, d)
    for out in p.solutions():
        assert out.utilities[0] >= d[0]
        assert out.utilities[1] >= d[1]
        lot = out.lottery
        assert sum(lot.values()) == 1
        ex = sum(lot[s] * p.utilities_of(s)[0] for s in lot)
        assert ex == out.utilities[0]


@SETTINGS
@given(
    point_sets,
    disagreements,
    st.fractions(min_value=R(1, 20), max_value=R(19, 20), max_denominator=40),
)
def test_symbolic_beta_matches_numeric(points, d, beta):
    p = _problem(points, d)
    beta = R(beta.numerator, beta.denominator)
    b = sp.Symbol("beta")
    x, y = p.nash(b).utilities
    assert (x.subs(b, beta), y.subs(b, beta)) == p.nash(beta).utilities


# ---------------------------------------------------------------------- symbolic vs numeric
S_, D1, D2, BETA = sp.symbols("S d1 d2 beta")
A = sp.Symbol("a", positive=True)


@functools.cache
def _symbolic_pie(method: str) -> tuple[sp.Expr, sp.Expr]:
    """Solve the symbolic pie once; the properties substitute numbers into it."""
    pie = ng.BargainingProblem.from_frontier(S_ - u1, u1, (D1, S_ - D2), (D1, D2))
    out = pie.nash(BETA) if method == "nash" else getattr(pie, method)()
    return out.utilities


@functools.cache
def _symbolic_concave_nash() -> sp.Expr:
    p = ng.BargainingProblem.from_frontier(A - u1**2, u1, (0, sp.sqrt(A)), (0, 0))
    return p.nash(BETA).utilities[0]


@SETTINGS
@given(
    st.integers(1, 20),
    st.integers(-5, 3),
    st.integers(-5, 3),
    st.fractions(min_value=R(1, 10), max_value=R(9, 10), max_denominator=20),
)
def test_symbolic_frontier_equals_numeric_points(S, d1, d2, beta):
    """The pie as a symbolic curve, a numeric curve and a segment between two packages."""
    assume(S > d1 + d2)
    beta = R(beta.numerator, beta.denominator)
    values = {S_: S, D1: d1, D2: d2, BETA: beta}
    curve = ng.BargainingProblem.from_frontier(S - u1, u1, (d1, S - d2), (d1, d2))
    seg = ng.BargainingProblem.from_points([(S - d2, d2), (d1, S - d1)], (d1, d2))
    for method in ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian"):
        if method == "nash":
            want, num = seg.nash(beta).utilities, curve.nash(beta).utilities
        else:
            want, num = getattr(seg, method)().utilities, getattr(curve, method)().utilities
        assert num == want
        got = tuple(sp.simplify(g.subs(values)) for g in _symbolic_pie(method))
        assert got == want


@SETTINGS
@given(st.integers(1, 9), st.fractions(min_value=R(1, 10), max_value=R(9, 10), max_denominator=20))
def test_symbolic_concave_frontier_matches_numeric(k, beta):
    beta = R(beta.numerator, beta.denominator)
    numeric = ng.BargainingProblem.from_frontier(k - u1**2, u1, (0, sp.sqrt(k)), (0, 0))
    got = _symbolic_concave_nash().subs({A: k, BETA: beta})
    assert sp.N(got - numeric.nash(beta).utilities[0], 30) == pytest.approx(0, abs=1e-25)
