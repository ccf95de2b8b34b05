"""Issue linkage: zones of agreement, logrolling gains, scenarios and pooled enforcement."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.bargaining import solutions as sol

R = sp.Rational
SETTINGS = settings(max_examples=40, deadline=None)


def _problem(points, d=(0, 0), lotteries=False):
    return ng.BargainingProblem.from_points(points, d, lotteries=lotteries)


@pytest.fixture
def london_issues():
    """Rare earths (China concedes) against export controls (the US concedes), Game B values."""
    return {
        "rare_earths": _problem({"up_front": (4, -1), "slow_walk": (-1, 0)}, (-1, 0)),
        "export_controls": _problem({"lifted": (-2, 3), "held": (0, 0)}),
    }


# ---------------------------------------------------------------------- exchange
def test_linkage_creates_agreement(london_issues):
    link = ng.link_issues(london_issues)
    assert [z.name for z in link.issues] == ["rare_earths", "export_controls"]
    assert [z.nonempty for z in link.issues] == [False, False]
    assert link.bundle.nonempty
    assert link.bundle.packages == ("up_front & lifted",)
    assert link.creates_agreement is sp.true
    assert link.joint_gain == 5
    assert link.problem.disagreement == (-1, 0)
    out = link.problem.nash()
    assert out.utilities == (2, 2)
    assert out.package == "up_front & lifted"
    assert link.zopa("bundle") is link.bundle
    with pytest.raises(ng.BargainingError, match="no issue 'x'"):
        link.zopa("x")


def test_linkage_display(london_issues):
    link = ng.link_issues(london_issues)
    assert "Zopa('rare_earths': empty, surplus 0)" in repr(link)
    assert "Joint gain from logrolling: 5" in link._repr_html_()


def test_issues_that_agree_alone_gain_nothing_from_linkage():
    a = _problem({"deal": (1, 1), "none": (0, 0)})
    b = _problem({"deal": (2, 1), "none": (0, 0)})
    link = ng.link_issues([a, b])
    assert [z.name for z in link.issues] == ["issue 1", "issue 2"]
    assert link.creates_agreement is sp.false
    assert link.joint_gain == 0
    assert link.bundle.surplus == 5


def test_lotteries_can_open_a_single_issue_zone():
    pts = {"give": (5, -2), "take": (-2, 4)}
    assert not ng.link_issues({"x": _problem(pts)}).issues[0].nonempty
    with_lotteries = ng.link_issues({"x": _problem(pts, lotteries=True)}).issues[0]
    assert with_lotteries.nonempty
    assert with_lotteries.packages == ()
    assert with_lotteries.surplus == R(8, 3)


def test_symbolic_linkage_condition():
    v, c = sp.symbols("v c", positive=True)
    trade = _problem({"deal": (v, -1), "none": (0, 0)})
    visas = _problem({"eased": (-c, 2), "none": (0, 0)})
    link = ng.link_issues({"trade": trade, "visas": visas})
    assert link.issues[0].condition is sp.false
    assert link.bundle.condition == (c < v)
    assert link.creates_agreement == (c < v)
    with pytest.raises(ng.FreeParameterError, match="depends on c, v"):
        _ = link.bundle.nonempty
    for values in ({v: 3, c: 1}, {v: 1, c: 3}):
        numeric = ng.link_issues(
            {"trade": trade.subs(v=values[v]), "visas": visas.subs(c=values[c])}
        )
        assert link.bundle.condition.subs(values) == numeric.bundle.condition
        assert link.joint_gain.subs(values) == numeric.joint_gain


def test_link_issues_subset_and_errors(london_issues):
    link = ng.link_issues(london_issues, issues=["export_controls"])
    assert [z.name for z in link.issues] == ["export_controls"]
    with pytest.raises(ng.BargainingError, match="no issue 'tariffs'"):
        ng.link_issues(london_issues, issues=["tariffs"])
    u = sp.Symbol("u1")
    curve = ng.BargainingProblem.from_frontier(1 - u, u, (0, 1), (0, 0))
    with pytest.raises(ng.BargainingError, match="frontier curve"):
        ng.link_issues({"pie": curve})
    with pytest.raises(ng.BargainingError, match="not a BargainingProblem"):
        ng.link_issues({"x": (1, 2)})
    with pytest.raises(ng.BargainingError, match="one BargainingProblem per issue"):
        ng.link_issues(42)
    with pytest.raises(ng.BargainingError, match="no issues"):
        ng.link_issues({})


# ---------------------------------------------------------------------- scenarios
def _toy_scenario():
    return ng.Scenario(
        "toy",
        parties=(
            ng.Party("US", valuations={"magnets": {"up_front": 4}, "controls": {"lifted": -2}}),
            ng.Party("China", valuations={"magnets": {"up_front": -1}, "controls": {"lifted": 3}}),
        ),
        issues=(
            ng.Issue("magnets", ("slow", "up_front"), status_quo="slow", controlled_by="China"),
            ng.Issue("controls", ("held", "lifted"), status_quo="held", controlled_by="US"),
        ),
        strategies={"US": (ng.Strategy("Keep"),), "China": (ng.Strategy("Wait"),)},
    )


def test_issue_problems_from_a_scenario():
    if not hasattr(ng, "Scenario"):
        pytest.skip("negotiation.Scenario is not available yet")
    problems = ng.issue_problems(_toy_scenario())
    assert list(problems) == ["magnets", "controls"]
    assert problems["magnets"].labels == ("magnets=slow", "magnets=up_front")
    assert problems["magnets"].points == ((0, 0), (4, -1))
    link = ng.link_issues(_toy_scenario())
    assert link.creates_agreement is sp.true
    assert link.bundle.packages == ("magnets=up_front & controls=lifted",)
    with pytest.raises(ng.BargainingError, match="no issue 'visas'"):
        ng.issue_problems(_toy_scenario(), issues=["visas"])


def test_london_framework_linkage():
    load = getattr(ng, "load", None)
    if load is None:
        pytest.skip("negotiation.load is not available yet")
    london = load("london_framework")
    link = ng.link_issues(london, issues=["rare_earths", "export_controls"])
    assert [z.nonempty for z in link.issues] == [False, False]
    assert link.bundle.nonempty
    assert link.joint_gain == 5
    whole = ng.link_issues(london)
    assert whole.zopa("student_visas").nonempty  # visas alone already pay for both
    assert whole.problem.disagreement == (-1, -1)  # the status quo, interactions included
    symbolic = ng.link_issues(london, issues=["rare_earths", "export_controls"], symbolic=True)
    assert symbolic.bundle.condition.subs(london.defaults) is sp.true


# ---------------------------------------------------------------------- the geometry, checked
coords = st.integers(-6, 8)
points = st.lists(st.tuples(coords, coords), min_size=1, max_size=5)


@SETTINGS
@given(points, st.tuples(st.integers(-4, 2), st.integers(-4, 2)), st.booleans())
def test_gains_condition_matches_geometry(pts, d, lotteries):
    P = [(sp.Integer(x), sp.Integer(y)) for x, y in pts]
    D = (sp.Integer(d[0]), sp.Integer(d[1]))
    cond = sol.gains_condition_points(P, D, lotteries=lotteries)
    assert (cond is sp.true) == (sol.status_points(P, D, lotteries=lotteries) == "gains")


@SETTINGS
@given(points, st.tuples(st.integers(-4, 2), st.integers(-4, 2)), st.booleans())
def test_symbolic_zone_and_surplus_equal_numeric(pts, d, lotteries):
    """Make one utility a symbol, solve symbolically, substitute: the numeric answer."""
    a = sp.Symbol("a")
    x0, y0 = pts[0]
    P = [(a, sp.Integer(y0))] + [(sp.Integer(x), sp.Integer(y)) for x, y in pts[1:]]
    N = [(sp.Integer(x), sp.Integer(y)) for x, y in pts]
    D = (sp.Integer(d[0]), sp.Integer(d[1]))
    cond = sol.gains_condition_points(P, D, lotteries=lotteries).subs(a, x0)
    assert cond == sol.gains_condition_points(N, D, lotteries=lotteries)
    surplus = sol.joint_surplus_points(P, D, lotteries=lotteries).subs(a, x0)
    assert surplus == sol.joint_surplus_points(N, D, lotteries=lotteries)


@SETTINGS
@given(points, points)
def test_bundle_surplus_at_least_sum_of_issues(a, b):
    link = ng.link_issues({"a": _problem(a, lotteries=True), "b": _problem(b, lotteries=True)})
    assert link.joint_gain >= 0
    assume(link.bundle.nonempty)
    assert sum(link.problem.utilitarian().utilities) == link.bundle.surplus


# ---------------------------------------------------------------------- pooled enforcement
def test_pooled_enforcement_slack_covers_shortfall():
    pe = ng.pooled_enforcement({"tariffs": (10, 0, -30), "licences": (4, 0, -1)}, delta=R(1, 2))
    assert pe.thresholds == (R(1, 4), R(4, 5))
    assert pe.pooled_threshold == R(14, 45)
    assert pe.separate == (sp.true, sp.false)
    assert pe.pooled is sp.true
    assert pe.covers is sp.true
    assert pe.slack == (20, -3)
    assert "pooled delta* = 14/45" in repr(pe)
    assert "<table" in pe._repr_html_()


def test_pooled_enforcement_symbolic():
    T1, T2 = sp.symbols("T1 T2", positive=True)
    delta = sp.Symbol("delta", positive=True)
    pe = ng.pooled_enforcement({"a": (T1, 0, -1), "b": (T2, 0, -1)})
    # grim trigger: R/(1-d) >= T + d*P/(1-d) solved for d gives (T - R)/(T - P)
    d = sp.Symbol("d")
    crit = sp.solve(sp.Eq(0 / (1 - d), T1 + d * (-1) / (1 - d)), d)[0]
    assert sp.simplify(pe.thresholds[0] - crit) == 0
    assert sp.simplify(pe.pooled_threshold - (T1 + T2) / (T1 + T2 + 2)) == 0
    assert pe.pooled == sp.Ge(delta, pe.pooled_threshold)
    values = {T1: 1, T2: 5, delta: R(3, 5)}
    numeric = ng.pooled_enforcement({"a": (1, 0, -1), "b": (5, 0, -1)}, delta=R(3, 5))
    assert pe.pooled.subs(values) == numeric.pooled
    assert tuple(c.subs(values) for c in pe.separate) == numeric.separate


def test_pooled_enforcement_bad_input():
    with pytest.raises(ng.BargainingError, match="has T < R"):
        ng.pooled_enforcement({"a": (1, 2, 0)})
    with pytest.raises(ng.BargainingError, match="breaks R > P"):
        ng.pooled_enforcement({"a": (3, 0, 0)})
    with pytest.raises(ng.BargainingError, match=r"delta = 1 is outside \(0, 1\)"):
        ng.pooled_enforcement({"a": (3, 2, 0)}, delta=1)
    with pytest.raises(ng.BargainingError, match="non-empty mapping"):
        ng.pooled_enforcement({})
    with pytest.raises(ng.BargainingError, match=r"give \(T, R, P\)"):
        ng.pooled_enforcement({"a": (3, 2)})
