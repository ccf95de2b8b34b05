"""Bargaining frontiers whose slope is infinite at an end of the interval.

The quarter circle ``sqrt(1 - u**2)``, ``sqrt(1 - u)`` and ``1 - sqrt(u)`` all
fall on ``[0, 1]`` although their slope is infinite (or zero over zero) at an
endpoint; monotonicity is decided on the open interval. Solutions are worked
by hand in the comments.
"""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng

u = sp.Symbol("u")


def problem(frontier: sp.Expr) -> ng.BargainingProblem:
    return ng.BargainingProblem.from_frontier(frontier, u, (0, 1), (0, 0))


def test_the_quarter_circle_is_a_frontier():
    circle = problem(sp.sqrt(1 - u**2))
    # symmetric problem: every symmetric solution is (1/sqrt(2), 1/sqrt(2))
    half = sp.sqrt(2) / 2
    assert circle.nash().utilities == (half, half)
    assert circle.kalai_smorodinsky().utilities == (half, half)


def test_square_root_frontiers_are_frontiers():
    # max u sqrt(1 - u): 1 - u = u/2, u = 2/3, u2 = 1/sqrt(3)
    assert problem(sp.sqrt(1 - u)).nash().utilities == (sp.Rational(2, 3), sp.sqrt(3) / 3)
    # max u (1 - sqrt(u)): 1 = (3/2) sqrt(u), u = 4/9, u2 = 1/3
    assert problem(1 - sp.sqrt(u)).nash().utilities == (sp.Rational(4, 9), sp.Rational(1, 3))
    # Kalai-Smorodinsky on sqrt(1 - u): u = sqrt(1 - u), u**2 + u - 1 = 0
    ks = problem(sp.sqrt(1 - u)).kalai_smorodinsky().utilities[0]
    assert sp.simplify(ks - (sp.sqrt(5) - 1) / 2) == 0


@pytest.mark.parametrize(
    "frontier",
    [
        sp.sqrt(u),
        u**2,
        (u - sp.Rational(1, 2)) ** 2,
        1 - u + sp.sin(20 * u) / 10,
        sp.sqrt(u - u**2),
    ],
)
def test_frontiers_that_rise_somewhere_are_still_refused(frontier):
    with pytest.raises(ng.BargainingError, match="is not decreasing"):
        problem(frontier)


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 5), st.integers(1, 4), st.integers(1, 3))
def test_root_frontiers_with_infinite_slope_at_one_end(p, q, scale):
    # (1 - u**p)**(1/q) falls on (0, 1) with infinite slope at u = 1 when q > 1
    frontier = scale * (1 - u**p) ** sp.Rational(1, q)
    outcome = problem(frontier).nash()
    u1, u2 = (float(v) for v in outcome.utilities)
    assert 0 < u1 < 1
    assert u2 == pytest.approx(float(frontier.subs(u, u1)))
