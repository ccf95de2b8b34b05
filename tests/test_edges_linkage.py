"""Linkage when one issue has no temptation (T = R): Bernheim and Whinston's slack."""

from __future__ import annotations

import pytest
import sympy as sp

import negotiation as ng


def test_an_issue_without_temptation_lends_all_its_slack():
    # licences alone: (5 - 1)/(5 - 0) = 4/5. Rare earths have T = R = 2 > P = 0: nothing
    # to enforce there, and the pooled bundle needs (4 + 0)/(4 + 0 + 1 + 2) = 4/7.
    pe = ng.pooled_enforcement({"rare_earths": (2, 2, 0), "licences": (5, 1, 0)})
    assert pe.thresholds == (0, sp.Rational(4, 5))
    assert pe.pooled_threshold == sp.Rational(4, 7)
    assert pe.separate[0] is sp.true
    at = ng.pooled_enforcement(
        {"rare_earths": (2, 2, 0), "licences": (5, 1, 0)}, delta=sp.Rational(3, 5)
    )
    assert (at.separate, at.pooled, at.covers) == ((sp.true, sp.false), sp.true, sp.true)
    # the slack on rare earths is d/(1 - d) (R - P) = (3/2)(2) = 3, the shortfall 4 - 3/2
    assert at.slack == (3, sp.Rational(-5, 2))


def test_no_temptation_anywhere_needs_no_patience():
    pe = ng.pooled_enforcement({"a": (1, 1, 0), "b": (3, 3, -1)})
    assert pe.pooled_threshold == 0
    assert pe.thresholds == (0, 0)


def test_symbolic_temptation_may_equal_the_reward():
    T = sp.Symbol("T")
    pe = ng.pooled_enforcement({"a": (T, 1, 0), "b": (3, 1, 0)})
    # (0 + 2)/((0 + 2) + (1 + 1)) = 1/2 at T = 1
    assert pe.pooled_threshold.subs(T, 1) == sp.Rational(1, 2)


def test_a_temptation_below_the_reward_or_no_punishment_is_refused():
    with pytest.raises(ng.BargainingError, match=r"has T < R.*give T = R"):
        ng.pooled_enforcement({"a": (1, 2, 0)})
    with pytest.raises(ng.BargainingError, match="breaks R > P"):
        ng.pooled_enforcement({"a": (2, 2, 2)})
