"""Rubinstein alternating offers: closed form, finite horizon, outside options, breakdown, limit."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng

R = sp.Rational
d1, d2 = sp.symbols("delta1 delta2")
SETTINGS = settings(max_examples=40, deadline=None)
unit = st.fractions(min_value=R(1, 50), max_value=R(49, 50), max_denominator=50).map(
    lambda f: R(f.numerator, f.denominator)
)


# ---------------------------------------------------------------------- closed form
def test_domain_brief_us_share():
    """delta_US = 0.90, delta_CN = 0.95, the US proposing: about 0.345."""
    share = ng.rubinstein(0.90, 0.95)
    assert float(share) == pytest.approx(0.345, abs=5e-4)
    assert ng.rubinstein(R(9, 10), R(19, 20)) == R(10, 29)


def test_closed_form_symbolic():
    share = ng.rubinstein(d1, d2)
    assert sp.simplify(share - (1 - d2) / (1 - d1 * d2)) == 0
    assert share.subs({d1: R(1, 2), d2: R(1, 2)}) == R(2, 3)
    # equal patience: the first mover's advantage vanishes as delta -> 1
    delta = sp.Symbol("delta", positive=True)
    assert sp.limit(ng.rubinstein(delta, delta), delta, 1, "-") == R(1, 2)


@pytest.mark.parametrize("bad", [0, 1, -0.1, 1.5, R(3, 2)])
def test_discount_factor_outside_unit_interval(bad):
    with pytest.raises(ng.BargainingError, match=r"delta1 = .* is outside \(0, 1\)"):
        ng.rubinstein(bad, 0.5)
    with pytest.raises(ng.BargainingError, match=r"delta2 = .* is outside \(0, 1\)"):
        ng.rubinstein(0.5, bad)


def test_non_numbers_rejected():
    with pytest.raises(ng.BargainingError, match="string"):
        ng.rubinstein("0.9", 0.5)


# ---------------------------------------------------------------------- finite horizon
def test_finite_horizon_small_cases():
    assert ng.rubinstein_finite(d1, d2, 1) == 1
    assert ng.rubinstein_finite(d1, d2, 2) == 1 - d2
    assert ng.rubinstein_finite(d1, d2, 3) == sp.expand(1 - d2 * (1 - d1))


def test_finite_horizon_converges():
    closed = ng.rubinstein(R(9, 10), R(19, 20))
    gaps = [abs(ng.rubinstein_finite(R(9, 10), R(19, 20), T) - closed) for T in (5, 25, 125)]
    assert gaps[0] > gaps[1] > gaps[2]
    assert gaps[2] < R(1, 10**4)


@SETTINGS
@given(unit, unit, st.integers(1, 30))
def test_finite_horizon_brackets_the_closed_form(a, b, n):
    """Odd horizons favour player 1 (the last offer is hers), even ones player 2."""
    closed = ng.rubinstein(a, b)
    assert ng.rubinstein_finite(a, b, 2 * n - 1) >= closed >= ng.rubinstein_finite(a, b, 2 * n)
    # and the symbolic backward induction agrees with the numeric one
    sym = ng.rubinstein_finite(d1, d2, 2 * n - 1 if n < 6 else 11)
    assert sym.subs({d1: a, d2: b}) == ng.rubinstein_finite(a, b, 2 * n - 1 if n < 6 else 11)


def test_finite_horizon_bad_rounds():
    for bad in (0, -3, 2.5, True):
        with pytest.raises(ng.BargainingError, match="whole number of offers"):
            ng.rubinstein_finite(0.5, 0.5, bad)


# ---------------------------------------------------------------------- outside options
@SETTINGS
@given(unit, unit, st.integers(0, 9), st.integers(0, 9))
def test_outside_options_match_the_equilibrium_equations(a, b, n1, n2):
    w1, w2 = R(n1, 10), R(n2, 10)
    if w1 + w2 >= 1:
        with pytest.raises(ng.BargainingError, match="no gains from trade"):
            ng.rubinstein_outside_options(a, b, w1, w2)
        return
    x = ng.rubinstein_outside_options(a, b, w1, w2)
    # the proposer offers the responder max(outside option, discounted continuation);
    # these equations have one solution (a contraction), so checking them identifies it
    y = 1 - max(w1, a * x)
    assert x == 1 - max(w2, b * y)


def test_outside_options_principle():
    half = R(1, 2)
    # options that do not beat the continuation change nothing
    assert ng.rubinstein_outside_options(half, half, R(1, 10), R(1, 10)) == R(2, 3)
    # a binding option for the responder: she gets exactly it
    assert ng.rubinstein_outside_options(half, half, 0, R(2, 5)) == R(3, 5)


def test_outside_options_symbolic_equals_numeric():
    w = sp.Symbol("w")
    share = ng.rubinstein_outside_options(R(1, 2), R(1, 2), 0, w)
    for value in (0, R(1, 10), R(1, 6), R(1, 5), R(2, 5), R(3, 5)):
        assert share.subs(w, value) == ng.rubinstein_outside_options(R(1, 2), R(1, 2), 0, value)


# ---------------------------------------------------------------------- breakdown risk
def test_breakdown_closed_form_and_nash_limit():
    p = sp.Symbol("p", positive=True)
    b1, b2 = sp.symbols("b1 b2")
    assert sp.simplify(ng.rubinstein_breakdown(p) - 1 / (2 - p)) == 0
    share = ng.rubinstein_breakdown(p, disagreement=(b1, b2))
    assert sp.simplify(sp.limit(share, p, 0) - (1 + b1 - b2) / 2) == 0
    # the limit is the Nash solution of the pie with disagreement (b1, b2)
    u = sp.Symbol("u1")
    pie = ng.BargainingProblem.from_frontier(1 - u, u, (b1, 1 - b2), (b1, b2))
    assert sp.simplify(pie.nash().utilities[0] - (1 + b1 - b2) / 2) == 0


@SETTINGS
@given(unit, unit, unit, st.integers(-3, 3), st.integers(-3, 3))
def test_breakdown_satisfies_indifference(p, a, b, n1, n2):
    b1, b2 = R(n1, 10), R(n2, 10)
    x = ng.rubinstein_breakdown(p, delta1=a, delta2=b, disagreement=(b1, b2))
    y = 1 - ((1 - p) * a * x + p * b1)  # player 2's share when she proposes
    assert x == 1 - ((1 - p) * b * y + p * b2)


def test_breakdown_bad_input():
    with pytest.raises(ng.BargainingError, match=r"p = 0 is outside \(0, 1\)"):
        ng.rubinstein_breakdown(0)
    with pytest.raises(ng.BargainingError, match=r"outside \(0, 1\]"):
        ng.rubinstein_breakdown(0.1, delta1=1.2)
    with pytest.raises(ng.BargainingError, match="no gains from trade"):
        ng.rubinstein_breakdown(0.1, disagreement=(0.6, 0.5))
    with pytest.raises(ng.BargainingError, match="pair"):
        ng.rubinstein_breakdown(0.1, disagreement=0)


# ---------------------------------------------------------------------- Nash limit
def test_convergence_to_asymmetric_nash():
    conv = ng.rubinstein_convergence(1, 3, intervals=(1, 0.1, 0.01, 0.001))
    assert conv.limit == R(3, 4)
    assert conv.nash.utilities == (R(3, 4), R(1, 4))
    assert conv.nash.beta == R(3, 4)
    gaps = [abs(float(s) - 0.75) for s in conv.shares]
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[-1] < 1e-3
    dt, shares = conv.arrays()
    np.testing.assert_allclose(dt, [1, 0.1, 0.01, 0.001])
    assert shares.shape == (4,)
    assert "limit=3/4" in repr(conv)
    assert "<table" in conv._repr_html_()
    assert conv._repr_latex_().startswith(r"$\lim")


def test_convergence_symbolic_limit():
    r1, r2 = sp.symbols("r1 r2", positive=True)
    conv = ng.rubinstein_convergence(r1, r2, intervals=(sp.Rational(1, 2),))
    assert sp.simplify(sp.limit(conv.expression, conv.interval_symbol, 0) - r2 / (r1 + r2)) == 0
    assert conv.limit == r2 / (r1 + r2)
    with pytest.raises(ng.FreeParameterError, match="depend on r1, r2"):
        conv.arrays()
    # each share equals the closed form with delta_i = exp(-r_i * interval)
    dt = sp.Rational(1, 2)
    want = ng.rubinstein(sp.exp(-r1 * dt), sp.exp(-r2 * dt))
    assert sp.simplify(conv.shares[0] - want) == 0


def test_convergence_bad_rates():
    with pytest.raises(ng.BargainingError, match="r1 = 0 must be positive"):
        ng.rubinstein_convergence(0, 1)
    with pytest.raises(ng.BargainingError, match="must be positive"):
        ng.rubinstein_convergence(1, 1, intervals=(-1,))
