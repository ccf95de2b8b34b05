"""The reaction-curve picture given points already found, and its fast 'grid' points.

The 'grid' Stackelberg and cooperative points are cross-checked against the
game's own solvers (closed form where there is one) and against textbook
answers; the dashboard's redraw is checked to solve each game once.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from plot_helpers import legend_texts, render

import negotiation as ng
from negotiation.errors import ContinuousGameError
from negotiation.plotting import plot_reaction_curves, reaction_curves_data

q1, q2 = sp.symbols("q1 q2")


def cournot(a=12, c1=0, c2=0, high=12):
    """Linear Cournot duopoly, inverse demand a - Q and constant marginal costs."""
    price = a - q1 - q2
    return ng.ContinuousGame([(price - c1) * q1, (price - c2) * q2], [(q1, 0, high), (q2, 0, high)])


def differentiated(b):
    """Differentiated-goods quantity duopoly, p_i = 1 - q_i - b q_j, no costs."""
    return ng.ContinuousGame(
        [q1 * (1 - q1 - b * q2), q2 * (1 - q2 - b * q1)], [(q1, 0, 1), (q2, 0, 1)]
    )


@pytest.fixture
def solver_calls(monkeypatch):
    """Counts of ContinuousGame.equilibria / stackelberg / cooperative calls."""
    calls = {"equilibria": 0, "stackelberg": 0, "cooperative": 0}
    for name in calls:
        original = getattr(ng.ContinuousGame, name)

        def counted(self, *args, _original=original, _name=name, **kwargs):
            calls[_name] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(ng.ContinuousGame, name, counted)
    return calls


def test_given_equilibria_are_drawn_without_solving_again(solver_calls):
    game = cournot()
    found = game.equilibria()
    solver_calls["equilibria"] = 0
    data = reaction_curves_data(game, equilibria=found, stackelberg=False, cooperative=False)
    assert solver_calls == {"equilibria": 0, "stackelberg": 0, "cooperative": 0}
    np.testing.assert_allclose(data.nash, [[4, 4]])
    # plain (x, y) pairs too, and an empty list draws no Nash point
    assert reaction_curves_data(game, equilibria=[(1, 2)]).nash.tolist() == [[1.0, 2.0]]
    assert reaction_curves_data(game, equilibria=[], stackelberg=False).nash.shape == (0, 2)
    # the curves are the same whether or not the points were given
    alone = reaction_curves_data(game)
    np.testing.assert_array_equal(data.reaction_x, alone.reaction_x)
    np.testing.assert_array_equal(data.reaction_y, alone.reaction_y)
    np.testing.assert_array_equal(data.payoffs, alone.payoffs)


def test_given_stackelberg_and_cooperative_points_are_drawn_as_given(solver_calls):
    game = cournot()
    leaders = {p: game.stackelberg(p) for p in game.players}
    solver_calls["stackelberg"] = 0
    data = reaction_curves_data(game, stackelberg=leaders, cooperative=(3, 3), equilibria=[])
    assert solver_calls == {"equilibria": 0, "stackelberg": 0, "cooperative": 0}
    assert data.stackelberg["Player 1"].tolist() == [6.0, 3.0]  # leader (a - c)/2, follower /4
    assert data.cooperative.tolist() == [3.0, 3.0]
    ax = plot_reaction_curves(game, equilibria=[], stackelberg={1: (3, 6)}, cooperative=False)
    render(ax)
    assert legend_texts(ax) == [
        "Player 1's reaction curve",
        "Player 2's reaction curve",
        "Stackelberg (Player 2 leads)",
    ]


@pytest.mark.parametrize(
    ("costs", "leader_first"),
    [((0, 0), (6, 3)), ((3, 0), (3, 4.5)), ((0, 3), (7.5, 0.75))],
)
def test_grid_stackelberg_is_the_textbook_cournot_leader(costs, leader_first):
    # leader q = (a - 2c_L + c_F)/2, follower q = (a - c_F - q_L)/2
    game = cournot(12, *costs)
    data = reaction_curves_data(game, stackelberg="grid", cooperative="grid")
    np.testing.assert_allclose(data.stackelberg["Player 1"], leader_first, atol=1e-6)
    np.testing.assert_allclose(
        data.stackelberg["Player 2"], game.stackelberg(1).values(), atol=1e-6
    )
    # the monopoly output (a - min c)/2 in total (the split is not unique when costs tie)
    assert float(data.cooperative.sum()) == pytest.approx((12 - min(costs)) / 2, abs=1e-6)


def test_grid_points_agree_with_the_closed_forms_of_a_differentiated_duopoly():
    for b in (sp.Rational(1, 2), sp.Rational(9, 10), sp.Rational(-1, 2)):
        game = differentiated(b)
        grid = reaction_curves_data(game, stackelberg="grid", cooperative="grid")
        exact = reaction_curves_data(game)
        for leader in game.players:
            np.testing.assert_allclose(
                grid.stackelberg[leader], exact.stackelberg[leader], atol=1e-6
            )
        np.testing.assert_allclose(grid.cooperative, exact.cooperative, atol=1e-6)
        # joint monopoly: q = 1 / (2 (1 + b)) each (unique when b > -1)
        np.testing.assert_allclose(grid.cooperative, [1 / (2 * (1 + float(b)))] * 2, atol=1e-6)


def test_grid_stackelberg_follows_a_numeric_reaction_curve():
    # the follower's first-order condition x - exp(y) - 3 y**2 = 0 has no closed form
    x, y = sp.symbols("x y")
    game = ng.ContinuousGame(
        [-((x - 1) ** 2) + y, x * y - sp.exp(y) - y**3], [(x, 0, 3), (y, 0, 3)]
    )
    data = reaction_curves_data(game, num=101, stackelberg="grid", cooperative=False)
    leader = data.stackelberg["Player 1"]
    # the follower is on its best response, by its own first-order condition
    assert leader[0] - np.exp(leader[1]) - 3 * leader[1] ** 2 == pytest.approx(0, abs=1e-6)
    # the leader's optimum along the curve x = exp(r) + 3 r**2 (r = the follower's
    # reaction): d/dx [-(x - 1)**2 + r] = -2 (x - 1) + 1 / (exp(r) + 6 r) = 0, solved by hand
    from scipy.optimize import brentq

    r = brentq(lambda r: -2 * (np.exp(r) + 3 * r**2 - 1) + 1 / (np.exp(r) + 6 * r), 0.01, 1)
    expected = [np.exp(r) + 3 * r**2, r]  # (1.2387454, 0.1545288)
    np.testing.assert_allclose(leader, expected, atol=1e-4)
    # the game's own (numeric) solve agrees, and leading beats Nash
    np.testing.assert_allclose(game.stackelberg(0).values(), expected, atol=1e-4)
    u1 = sp.lambdify((x, y), game.payoffs[0])
    assert u1(*leader) > u1(*data.nash[0]) + 1e-3


def test_grid_points_cut_off_by_the_drawn_box_are_solved_for_instead():
    # the follower copies the leader (y = x); Nash (1, 1), and leading pays up to x = 5/2,
    # beyond the default box of an unbounded set (twice the Nash point)
    x, y = sp.symbols("x y")
    game = ng.ContinuousGame(
        [-((x - 1) ** 2) + 3 * y, -((y - x) ** 2)], [(x, 0, sp.oo), (y, 0, sp.oo)]
    )
    grid = reaction_curves_data(game, stackelberg="grid", cooperative=False)
    np.testing.assert_allclose(grid.stackelberg["Player 1"], [2.5, 2.5])
    assert grid.xs[-1] >= 2.5  # drawn around it, as when solved for
    exact = reaction_curves_data(game, cooperative=False)
    np.testing.assert_array_equal(grid.xs, exact.xs)
    # with the box given, the point is still the solved one (drawn outside the box)
    boxed = reaction_curves_data(
        game, stackelberg="grid", cooperative=False, limits=((0, 2), (0, 2))
    )
    np.testing.assert_allclose(boxed.stackelberg["Player 1"], [2.5, 2.5])
    assert boxed.xs[-1] == 2


def test_the_tariff_war_grid_points_are_nash_and_free_trade():
    war = ng.trade.TariffWar()
    game = war.game()
    nash = game.equilibria()
    data = reaction_curves_data(war, equilibria=nash, stackelberg="grid", cooperative="grid")
    # separate markets, flat reaction curves: leading changes nothing
    for point in data.stackelberg.values():
        np.testing.assert_allclose(point, nash[0].values(), atol=1e-6)
    assert data.cooperative.tolist() == [0.0, 0.0]  # free trade maximises joint welfare
    assert data.percent


@pytest.mark.parametrize(
    ("keyword", "value", "message"),
    [
        ("equilibria", "nash", "list of the Nash equilibria already found"),
        ("equilibria", [(1, 2, 3)], "two finite numbers"),
        ("equilibria", [(1, float("nan"))], "two finite numbers"),
        ("stackelberg", "fast", "True, False, 'grid' or the points already found"),
        ("stackelberg", {"Player 1": "here"}, "Stackelberg outcome with Player 1 leading"),
        ("cooperative", (1,), "cooperative must be a point"),
    ],
)
def test_points_that_are_not_points_are_refused_with_the_fix(keyword, value, message):
    with pytest.raises(ContinuousGameError, match=message):
        reaction_curves_data(cournot(), **{keyword: value})


def test_a_stackelberg_leader_must_be_a_player():
    with pytest.raises(ng.NegotiationError, match="Player 3"):
        reaction_curves_data(cournot(), stackelberg={"Player 3": (1, 1)})


def test_a_dashboard_slider_move_solves_the_game_once(solver_calls):
    dash = ng.explore(ng.load("tariff_war_2025"))
    for name in solver_calls:
        solver_calls[name] = 0
    dash.set(epsilon_China=6)
    assert solver_calls == {"equilibria": 1, "stackelberg": 0, "cooperative": 0}
    # the points drawn are the table's Nash point and the (flat-curve) leader outcomes
    offsets = {c.get_label(): c.get_offsets()[0].tolist() for c in dash.axes.collections}
    nash = [float(v) for v in dash.equilibria[0].strategies]
    assert offsets["Nash equilibrium"] == pytest.approx(nash)
    assert offsets["Stackelberg (US leads)"] == pytest.approx(nash, abs=1e-6)
    assert offsets["cooperative"] == [0.0, 0.0]


def test_a_dashboard_that_cannot_solve_says_why_in_the_picture():
    dash = ng.explore(ng.load("tariff_war_2025"))
    dash.set(eta_US=0)
    assert "import-demand elasticity must be positive" in dash.error
    texts = [t.get_text() for t in dash.axes.texts]
    assert any("import-demand elasticity must be positive" in t for t in texts)
    assert not dash.axes.collections  # no stale curves from the previous values
