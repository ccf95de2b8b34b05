"""Bargaining pictures: feasible set, frontier and solutions; Rubinstein's shares."""

import itertools

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from plot_helpers import legend_texts, render

import negotiation as ng
from negotiation.bargaining.rubinstein import rubinstein
from negotiation.plotting import bargaining_data, plot_bargaining
from negotiation.plotting.bargaining import BargainingData, RubinsteinData


@pytest.fixture
def geneva_problem():
    """Game B of the domain brief, bargaining from the May standoff (H, S)."""
    game_b = ng.Game(
        [[3, -2, -6], [4, -1, -4], [1, -3, -7]],
        [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
        players=("US", "China"),
        strategies=(("L", "H", "E"), ("D", "S", "W")),
        name="Implementing Geneva",
    )
    return ng.BargainingProblem.from_game(game_b, ("H", "S"))


@pytest.fixture
def curve_problem():
    u = sp.Symbol("u1")
    return ng.BargainingProblem.from_frontier(
        4 - u**2 / 4, u, (0, 4), (0, 1), players=("US", "China"), name="Curved frontier"
    )


def test_problem_data_matches_the_solutions(geneva_problem):
    data = bargaining_data(geneva_problem)
    assert isinstance(data, BargainingData)
    assert data.players == ("US", "China")
    assert data.title == "Implementing Geneva"
    assert data.xlabel == "US's utility"
    assert data.ylabel == "China's utility"
    np.testing.assert_array_equal(data.disagreement, [-1, -1])
    assert data.solutions == {
        "nash": (3.0, 3.0),
        "kalai_smorodinsky": (3.0, 3.0),
        "egalitarian": (3.0, 3.0),
    }
    assert [o.method for o in data.outcomes] == ["nash", "kalai_smorodinsky", "egalitarian"]
    assert data.outcomes[0] == geneva_problem.nash()
    assert data.ideal == pytest.approx((3.8, 3.8))
    np.testing.assert_array_equal(data.frontier, geneva_problem.frontier_points())
    np.testing.assert_array_equal(data.feasible, geneva_problem.feasible_vertices())
    assert len(data.packages) == 9
    assert data.package_labels[0] == "L/D"
    np.testing.assert_array_equal(data.packages[0], [3, 3])
    assert data.gains_from_trade


def test_curve_problem_closed_forms(curve_problem):
    data = bargaining_data(curve_problem)
    # Nash maximises u1 * (3 - u1**2/4): u1 = 2; egalitarian solves u1 = 3 - u1**2/4: u1 = 2
    assert data.solutions["nash"] == pytest.approx((2.0, 3.0))
    assert data.solutions["egalitarian"] == pytest.approx((2.0, 3.0))
    ks = data.solutions["kalai_smorodinsky"]
    # Kalai-Smorodinsky lies on the frontier and on the line from d to the ideal point
    assert ks[1] == pytest.approx(4 - ks[0] ** 2 / 4)
    (d1, d2), (i1, i2) = data.disagreement, data.ideal
    assert (ks[1] - d2) * (i1 - d1) == pytest.approx((ks[0] - d1) * (i2 - d2))
    assert len(data.packages) == 0
    assert data.frontier[0] == pytest.approx([0, 4])


def test_asymmetric_nash(curve_problem):
    data = bargaining_data(curve_problem, beta=sp.Rational(3, 4))
    assert data.outcomes[0] == curve_problem.nash(sp.Rational(3, 4))


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.tuples(st.integers(-5, 5), st.integers(-5, 5)), min_size=2, max_size=6, unique=True)
)
def test_solutions_lie_in_the_feasible_set(points):
    problem = ng.BargainingProblem.from_points(points, (-6, -6))
    data = bargaining_data(problem)
    from matplotlib.path import Path

    hull = Path(data.feasible)
    for x, y in data.solutions.values():
        inside = hull.contains_point((x, y), radius=1e-9) or hull.contains_point(
            (x, y), radius=-1e-9
        )
        on_frontier = any(np.allclose((x, y), p) for p in data.frontier) or _on_polyline(
            (x, y), data.frontier
        )
        assert inside or on_frontier


def _on_polyline(point, line, tol=1e-9):
    p = np.asarray(point)
    for a, b in itertools.pairwise(line):
        ab, ap = b - a, p - a
        t = np.clip(ap @ ab / max(ab @ ab, tol), 0, 1)
        if np.linalg.norm(a + t * ab - p) <= 1e-7:
            return True
    return False


def test_no_gains_from_trade():
    problem = ng.BargainingProblem.from_points([(5, -2), (-2, 4)], (0, 0), lotteries=False)
    data = bargaining_data(problem)
    assert not data.gains_from_trade
    assert data.outcomes == ()
    assert data.ideal is None
    assert "no gains from trade" in data.title
    ax = plot_bargaining(problem)
    render(ax)
    assert "no gains from trade" in ax.get_title()


def test_symbolic_problem_asks_for_values():
    a = sp.Symbol("a")
    problem = ng.BargainingProblem.from_points([(a, 1), (-1, 2)], (0, 0))
    with pytest.raises(ng.FreeParameterError, match="a"):
        bargaining_data(problem)


def test_rubinstein_data():
    data = bargaining_data((0.90, 0.95), players=("US", "China"))
    assert isinstance(data, RubinsteinData)
    # domain brief: with delta_US = 0.90 and delta_CN = 0.95 the US as proposer gets about 0.345
    assert data.share == pytest.approx(0.05 / (1 - 0.9 * 0.95))
    assert round(data.share, 3) == 0.345
    assert data.title == "Rubinstein bargaining: US proposes first"
    assert data.xlabel == "US's discount factor"
    assert 0.95 in data.responder_deltas
    row = data.shares[list(data.responder_deltas).index(0.95)]
    expected = [float(rubinstein(sp.Float(x), sp.Float(0.95))) for x in data.proposer_deltas[1:]]
    np.testing.assert_allclose(row[1:], expected)
    assert row[0] == pytest.approx(0.05)  # a proposer with delta1 = 0 gets only 1 - delta2
    # a more patient proposer gets more
    assert np.all(np.diff(data.shares, axis=1) > 0)


def test_bargaining_errors(geneva_problem):
    with pytest.raises(ng.BargainingError, match="strictly between 0 and 1"):
        bargaining_data((1.2, 0.5))
    with pytest.raises(ng.BargainingError, match="a pair of discount factors"):
        bargaining_data("london_framework")
    with pytest.raises(ng.BargainingError, match="carries its own players"):
        bargaining_data(geneva_problem, players=("A", "B"))
    with pytest.raises(ng.BargainingError, match="must be a number"):
        bargaining_data(("x", 0.5))


def test_plot_problem_renders(geneva_problem):
    ax = plot_bargaining(geneva_problem)
    render(ax)
    assert ax.get_title() == "Implementing Geneva"
    assert ax.get_xlabel() == "US's utility"
    assert ax.get_ylabel() == "China's utility"
    assert legend_texts(ax) == [
        "feasible set",
        "Pareto frontier",
        "packages",
        "disagreement point d = (-1, -1)",
        "d to the ideal point",
        "Nash (3, 3)",
        "Kalai–Smorodinsky (3, 3)",
        "egalitarian (3, 3)",
    ]
    assert "L/D" in {t.get_text() for t in ax.texts}


def test_plot_rubinstein_renders():
    ax = plot_bargaining((0.90, 0.95), players=("US", "China"))
    render(ax)
    assert ax.get_title() == "Rubinstein bargaining: US proposes first"
    assert ax.get_xlabel() == "US's discount factor"
    assert ax.get_ylabel() == "US's share of the gains"
    assert "China's discount factor 0.95" in legend_texts(ax)
    assert legend_texts(ax)[-1] == "(0.9, 0.95): share 0.345"
