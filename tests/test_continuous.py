"""Continuous games: best responses, closed-form and numeric equilibria, Stackelberg, cooperative,
comparative statics, discretisation, bargaining, compiled sweeps and bad input.

Known answers are derived independently in each test with plain sympy (solving
the first-order conditions by hand), never by calling the code under test.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.errors import ContinuousGameError, FreeParameterError, SweepError

a, b, c, c1, c2 = sp.symbols("a b c c1 c2", positive=True)
q1, q2, p1, p2, x, y = sp.symbols("q1 q2 p1 p2 x y")


def cournot(n=2, costs=None, demand=(a, b)):
    """n-firm Cournot with inverse demand A - B * total and constant marginal costs."""
    A, B = demand
    qs = sp.symbols(f"q1:{n + 1}")
    costs = costs or [c] * n
    total = sum(qs)
    payoffs = [(A - B * total - ci) * qi for qi, ci in zip(qs, costs, strict=True)]
    return ng.ContinuousGame(payoffs, [(qi, 0, sp.oo) for qi in qs]), qs


def interior(eqs):
    return [e for e in eqs if all(s == "interior" for s in e.status)]


def brute_force_gain(game, eq, points=2001):
    """The largest gain from a deviation on a fine grid of each player's own strategy (independent)."""
    values = [float(v) for v in eq.strategies]
    gains = []
    for i, (u, _s) in enumerate(zip(game.payoffs, game.symbols, strict=True)):
        low, high = (float(v) for v in game.bounds[i])
        f = sp.lambdify(game.symbols, u, "numpy")
        grid = np.linspace(low, high, points)
        args = [np.full_like(grid, v) for v in values]
        args[i] = grid
        curve = np.broadcast_to(f(*args), grid.shape)
        gains.append(float(np.max(curve) - float(f(*values))))
    return max(gains)


# ------------------------------------------------------------------------ Cournot
def test_cournot_duopoly_matches_the_hand_derived_closed_form():
    game, (s1, s2) = cournot(2, [c1, c2])
    u1, u2 = game.payoffs
    hand = sp.solve([sp.diff(u1, s1), sp.diff(u2, s2)], [s1, s2], dict=True)[0]
    (eq,) = interior(game.equilibria())
    assert sp.simplify(eq.strategies[0] - hand[s1]) == 0
    assert sp.simplify(eq.strategies[1] - hand[s2]) == 0
    # the textbook answer (a - 2 c1 + c2) / (3 b)
    assert sp.simplify(eq.strategies[0] - (a - 2 * c1 + c2) / (3 * b)) == 0
    # the condition is that both quantities are non-negative
    assert eq.condition.subs({a: 10, b: 1, c1: 1, c2: 1}) is sp.true
    assert eq.condition.subs({a: 10, b: 1, c1: 1, c2: 8}) is sp.false


@pytest.mark.parametrize("n", [3, 4])
def test_n_firm_cournot_gives_a_minus_c_over_n_plus_one_b(n):
    game, _qs = cournot(n)
    # independent derivation: by symmetry q solves a - b (n + 1) q - c = 0
    q = sp.Symbol("q")
    symmetric = sp.solve(
        sp.diff((a - b * (sp.Symbol("r") + q) - c) * q, q).subs(sp.Symbol("r"), (n - 1) * q), q
    )[0]
    (eq,) = interior(game.equilibria())
    for v in eq.strategies:
        assert sp.simplify(v - symmetric) == 0
        assert sp.simplify(v - (a - c) / ((n + 1) * b)) == 0


def test_corner_equilibrium_when_one_firm_is_too_costly():
    game, _ = cournot(2, [1, 20], demand=(10, 1))
    (eq,) = game.equilibria()
    assert eq.strategies == (sp.Rational(9, 2), 0)
    assert eq.status == ("interior", "low")
    assert eq.verified


def test_best_response_is_a_piecewise_with_the_corner():
    game, (s1, s2) = cournot(2, [c, c])
    br = game.best_response(0)
    assert isinstance(br.expression, sp.Piecewise)
    assert br.kind == "interior"
    assert br.condition is sp.true  # strictly concave: d2u/dq2 = -2b
    assert br.at({s2: 0, a: 10, b: 1, c: 2}) == 4
    assert br.at({s2: 20, a: 10, b: 1, c: 2}) == 0  # the corner
    assert br.first_order_condition == sp.Eq(sp.diff(game.payoffs[0], s1), 0)
    assert len(game.best_responses()) == 2


# ------------------------------------------------------------------------ Bertrand and Stackelberg
def test_bertrand_with_differentiated_products():
    d = sp.Symbol("d", positive=True)
    u1 = (p1 - c) * (a - p1 + d * p2)
    u2 = (p2 - c) * (a - p2 + d * p1)
    game = ng.ContinuousGame([u1, u2], [(p1, 0, sp.oo), (p2, 0, sp.oo)])
    hand = sp.solve([sp.diff(u1, p1), sp.diff(u2, p2)], [p1, p2], dict=True)[0]
    (eq,) = interior(game.equilibria())
    assert sp.simplify(eq.strategies[0] - hand[p1]) == 0
    assert sp.simplify(eq.strategies[0] - (a + c) / (2 - d)) == 0
    numeric = game.subs(a=10, c=1, d=sp.Rational(1, 2))
    assert numeric.equilibria()[0].strategies == (sp.Rational(22, 3), sp.Rational(22, 3))


def test_stackelberg_quantities():
    game, (s1, _s2) = cournot(2, [c, c])
    outcome = game.stackelberg(0)
    # independent: follower r(q1) = (a - c - b q1) / (2b); leader maximises q1 (a - c - b(q1 + r)) ...
    r = (a - c - b * s1) / (2 * b)
    leader = sp.solve(sp.diff((a - b * (s1 + r) - c) * s1, s1), s1)[0]
    assert sp.simplify(outcome.strategies[0] - leader) == 0
    assert sp.simplify(outcome.strategies[0] - (a - c) / (2 * b)) == 0
    assert sp.simplify(outcome.strategies[1] - (a - c) / (4 * b)) == 0
    assert outcome.leader == "Player 1"
    numeric = game.subs(a=10, b=1, c=1)
    closed = numeric.stackelberg("Player 1")
    approx = numeric.stackelberg("Player 1", numeric=True)
    assert closed.method == "closed_form"
    assert approx.method == "numeric"
    np.testing.assert_allclose(closed.values(), approx.values(), atol=1e-6)


# ------------------------------------------------------------------------ numeric search
def test_numeric_and_closed_form_agree_on_cournot():
    game, _ = cournot(2, [1, 2], demand=(12, 1))
    closed = game.equilibria()
    numeric = game.equilibria(numeric=True)
    assert len(closed) == len(numeric) == 1
    np.testing.assert_allclose(closed[0].values(), numeric[0].values(), atol=1e-7)
    assert numeric[0].method == "numeric"
    assert "not exhaustive" in numeric[0].note


def test_strategic_complements_have_three_equilibria_found_numerically():
    steep = lambda z: 1 / (1 + sp.exp(-12 * (z - sp.Rational(1, 2))))  # noqa: E731
    game = ng.ContinuousGame(
        [-((x - steep(y)) ** 2), -((y - steep(x)) ** 2)], [(x, 0, 1), (y, 0, 1)]
    )
    eqs = game.equilibria(starts=16)
    assert len(eqs) == 3
    assert all(e.method == "numeric" for e in eqs)
    for e in eqs:  # each is a fixed point of the (independent) best responses
        assert abs(float(steep(e.strategies[1])) - e.strategies[0]) < 1e-7
        assert brute_force_gain(game, e) < 1e-6


def test_non_concave_payoff_stationary_point_that_is_a_minimum_is_rejected():
    # u1 = (x - y)**2 is convex in x: the first-order condition x = y is a minimum
    game = ng.ContinuousGame(
        [(x - y) ** 2, -((y - sp.Rational(1, 2)) ** 2)], [(x, 0, 1), (y, 0, 1)]
    )
    br = game.best_response(0)
    assert br.kind == "corner"
    assert "minimum" in br.note
    eqs = game.equilibria()
    # by hand: y = 1/2 is dominant; then x = 0 and x = 1 both give (x - 1/2)**2 = 1/4
    assert sorted((float(e.strategies[0]), float(e.strategies[1])) for e in eqs) == [
        (0.0, 0.5),
        (1.0, 0.5),
    ]
    for e in eqs:
        assert brute_force_gain(game, e) < 1e-9


def test_local_maximum_that_is_not_global_is_not_returned():
    # a double-hump payoff: x = 0.2 is a local max, x = 0.9 the global one (y irrelevant)
    u1 = -((x - 0.2) ** 2) * ((x - 0.9) ** 2) + 0.05 * x + 0 * y
    game = ng.ContinuousGame([u1 + 0 * y, -((y - x) ** 2)], [(x, 0, 1), (y, 0, 1)])
    eqs = game.equilibria(numeric=True, starts=12)
    assert eqs
    for e in eqs:
        assert e.strategies[0] > 0.8
        assert brute_force_gain(game, e) < 1e-6


@settings(max_examples=25)
@given(
    st.integers(8, 40),
    st.integers(1, 6),
    st.integers(1, 6),
    st.fractions(min_value=0, max_value="9/10", max_denominator=10),
)
def test_every_equilibrium_passes_an_independent_deviation_check(A, k1, k2, d):
    u1 = (p1 - k1) * (A - p1 + d * p2)
    u2 = (p2 - k2) * (A - p2 + d * p1)
    game = ng.ContinuousGame([u1, u2], [(p1, 0, 4 * A), (p2, 0, 4 * A)])
    closed = game.equilibria()
    numeric = game.equilibria(numeric=True)
    assert closed
    assert numeric
    for eq in closed + numeric:
        assert eq.max_gain is not None
        assert eq.max_gain <= 1e-7
        assert brute_force_gain(game, eq) <= 1e-6 * max(1.0, abs(float(eq.payoffs[0])))
    np.testing.assert_allclose(closed[0].values(), numeric[0].values(), rtol=1e-7, atol=1e-7)


# ------------------------------------------------------------------------ beyond Nash
def test_cooperative_outcome_is_the_joint_maximum():
    u1 = q1 * (1 - q1 - q2) - q1**2 / 2
    u2 = q2 * (1 - q1 - q2) - q2**2 / 2
    game = ng.ContinuousGame([u1, u2], [(q1, 0, 1), (q2, 0, 1)])
    total = u1 + u2
    hand = sp.solve([sp.diff(total, q1), sp.diff(total, q2)], [q1, q2], dict=True)[0]
    coop = game.cooperative()
    assert coop.strategies == (hand[q1], hand[q2])
    nash = game.equilibria()[0]
    assert sum(coop.payoffs) > sum(nash.payoffs)
    numeric = game.cooperative(numeric=True)
    np.testing.assert_allclose(numeric.values(), [0.2, 0.2], atol=1e-6)
    weighted = game.cooperative({"Player 1": 3, "Player 2": 1})
    assert weighted.strategies[0] > weighted.strategies[1]


def test_a_profile_outside_the_strategy_sets_is_refused():
    game = ng.ContinuousGame([q1 * (1 - q1 - q2), q2 * (1 - q1 - q2)], [(q1, 0, 1), (q2, 0, 1)])
    assert game.payoffs_at((0, 1)) == (0, 0)  # the bounds themselves are in the set
    with pytest.raises(
        ContinuousGameError, match=r"Player 1's strategy -1.5 is outside .*\[0, 1\]"
    ):
        game.payoffs_at((-1.5, 0.5))
    with pytest.raises(ContinuousGameError, match=r"Player 2's strategy 3/2 is outside"):
        game.payoffs_at({"Player 1": 0, "Player 2": sp.Rational(3, 2)})


def test_cooperative_cournot_says_its_maximisers_form_a_continuum():
    # joint profit depends on total output only: every split of the monopoly output maximises it
    game = ng.ContinuousGame(
        [q1 * (10 - q1 - q2) - q1, q2 * (10 - q1 - q2) - q2], [(q1, 0, 10), (q2, 0, 10)]
    )
    coop = game.cooperative()
    assert sum(coop.values()) == pytest.approx(4.5, abs=1e-6)  # the monopoly output (10 - 1) / 2
    assert sum(coop.payoffs) == pytest.approx(4.5**2, abs=1e-6)
    assert "the maximisers form a continuum" in coop.note
    assert coop.method == "numeric"


def test_comparative_statics_by_the_implicit_function_theorem():
    game, _ = cournot(2, [c1, c2])
    cs = game.comparative_statics("c1")
    (eq,) = interior(game.equilibria())
    assert cs.at_equilibrium
    assert sp.simplify(cs["Player 1"] - sp.diff(eq.strategies[0], c1)) == 0
    assert sp.simplify(cs[1] - sp.diff(eq.strategies[1], c1)) == 0
    assert cs.derivatives == (-2 / (3 * b), 1 / (3 * b))
    with pytest.raises(ng.UnknownLabelError, match="the parameters are: a, b, c1, c2"):
        game.comparative_statics("delta")


def test_bargaining_problem_on_the_payoff_frontier():
    u1 = q1 * (1 - q1 - q2) - q1**2 / 2
    u2 = q2 * (1 - q1 - q2) - q2**2 / 2
    game = ng.ContinuousGame([u1, u2], [(q1, 0, 1), (q2, 0, 1)])
    problem = game.bargaining_problem()
    nash_eq = game.equilibria()[0]
    assert problem.disagreement == tuple(nash_eq.payoffs) or np.allclose(
        [float(v) for v in problem.disagreement], [float(v) for v in nash_eq.payoffs]
    )
    solution = problem.nash()
    u = [float(v) for v in solution.utilities]
    # symmetric game, symmetric disagreement: the Nash solution is the symmetric joint optimum
    assert u[0] == pytest.approx(u[1], abs=1e-9)
    assert u[0] == pytest.approx(0.1, abs=1e-4)
    ks = problem.kalai_smorodinsky()
    assert float(ks.utilities[0]) == pytest.approx(0.1, abs=1e-3)
    with pytest.raises(ContinuousGameError, match="disagreement"):
        game.bargaining_problem(disagreement="war")


# ------------------------------------------------------------------------ discretisation
def test_discretize_on_a_fine_grid_approaches_the_continuous_equilibrium():
    game, _ = cournot(2, [1, 1], demand=(10, 1))
    continuous = game.equilibria()[0].values()  # (3, 3)
    for step in (0.5, 0.25, 0.1):
        grid = [round(k * step, 10) for k in range(int(6 / step) + 1)]
        finite = game.discretize({0: grid, 1: grid})
        pure = finite.equilibria(method="pure")
        assert pure
        for e in pure:
            values = np.array([float(s) for s in e.profile])
            assert np.max(np.abs(values - continuous)) <= step + 1e-9


def test_discretize_labels_and_exact_payoffs():
    game, _ = cournot(2, [1, 1], demand=(10, 1))
    finite = game.discretize({"Player 1": [0, 3], "Player 2": [0, 3]}, labels="percent")
    assert finite.strategies == (("0%", "300%"), ("0%", "300%"))
    assert finite.row_payoffs[1, 1] == 9
    custom = game.discretize({0: [1, 2], 1: [1]}, labels=lambda v: f"q={v}")
    assert custom.strategies == (("q=1", "q=2"), ("q=1",))


def test_discretize_three_players_builds_an_n_player_game():
    if not hasattr(ng.Game, "n_players"):
        pytest.skip("needs the N-player Game core (Game(*payoffs, ...))")
    game, _ = cournot(3, [1, 1, 1], demand=(10, 1))
    finite = game.discretize({k: [0, 2, sp.Rational(9, 4)] for k in range(3)})
    assert finite.n_players == 3
    assert finite.shape == (3, 3, 3)


# ------------------------------------------------------------------------ compiled closed form
def test_compiled_equilibrium_agrees_with_the_symbolic_one_at_random_points():
    game, _ = cournot(2, [c1, c2])
    f = game.compiled_equilibrium()
    assert f.parameters == (a, b, c1, c2)
    rng = np.random.default_rng(1)
    pts = rng.uniform([5, 0.5, 0, 0], [20, 2, 8, 8], size=(50, 4))
    out = f(*pts.T)
    for k in range(0, 50, 7):
        eqs = game.subs(dict(zip(("a", "b", "c1", "c2"), pts[k], strict=True))).equilibria()
        np.testing.assert_allclose(out.strategies[k], eqs[0].values(), rtol=1e-9, atol=1e-9)
    named = f(a=pts[:, 0], b=pts[:, 1], c1=pts[:, 2], c2=pts[:, 3])
    np.testing.assert_array_equal(named.strategies, out.strategies)
    assert out.found.all()


def test_sweep_uses_the_closed_form_and_falls_back_to_numeric():
    game, _ = cournot(2, [c, c], demand=(a, 1))
    result = game.sweep(grid={"a": np.linspace(1, 10, 10), "c": [0, 1]})
    assert result.method == "closed_form"
    assert result.shape == (10, 2)
    np.testing.assert_allclose(result.strategy(0)[:, 1], (np.linspace(1, 10, 10) - 1) / 3)
    numeric = game.sweep(grid={"a": [4.0, 7.0], "c": [1.0]}, numeric=True)
    assert numeric.method == "numeric"
    np.testing.assert_allclose(numeric.strategy("Player 2").ravel(), [1.0, 2.0], atol=1e-7)
    with pytest.raises(SweepError, match="does not give c"):
        game.sweep(grid={"a": [1, 2]})
    with pytest.raises(SweepError, match="no parameter named 'z'"):
        game.sweep(grid={"a": [1], "c": [1], "z": [1]})


# ------------------------------------------------------------------------ model protocol and display
def test_parameters_subs_and_display():
    game, _ = cournot(2, [c1, c2])
    assert game.parameters == (a, b, c1, c2)
    assert game.subs(a=10).parameters == (b, c1, c2)
    assert game.n_players == 2
    text = str(game)
    assert "Player 1 chooses q1 in [0, oo]" in text
    latex = game._repr_latex_()
    assert latex.startswith("$\\begin{aligned}")
    assert "q_{1}" in latex
    assert "<table>" in game._repr_html_()
    eq = game.subs(a=10, b=1, c1=1, c2=1).equilibria()[0]
    assert "Nash equilibrium (closed form)" in str(eq)
    assert eq["Player 1"] == 3
    assert eq.profile == {"Player 1": 3, "Player 2": 3}


def test_symbolic_game_without_closed_form_asks_for_numbers():
    k = sp.Symbol("k", positive=True)
    game = ng.ContinuousGame([-sp.exp(k * x) + x * y, -((y - x) ** 2)], [(x, 0, 1), (y, 0, 1)])
    with pytest.raises(FreeParameterError, match="no closed form"):
        game.equilibria()
    eqs = game.subs(k=1).equilibria()
    assert eqs
    assert all(e.method == "numeric" for e in eqs)


# ------------------------------------------------------------------------ bad input
def test_unbounded_payoff_is_reported_with_the_fix():
    game = ng.ContinuousGame([x * (1 + y), -((y - 1) ** 2)], [(x, 0, sp.oo), (y, 0, 1)])
    with pytest.raises(ContinuousGameError, match=r"grows without bound.*finite upper bound"):
        game.best_response(0)
    with pytest.raises(ContinuousGameError, match="grows without bound"):
        game.equilibria()
    convex = ng.ContinuousGame([x**2, -((y - 1) ** 2)], [(x, 0, sp.oo), (y, 0, 1)])
    with pytest.raises(ContinuousGameError, match="grows without bound"):
        convex.best_response(0)


def test_payoff_not_in_the_declared_symbols():
    z = sp.Symbol("z")
    with pytest.raises(ContinuousGameError, match="does not depend on Player 1's strategy x"):
        ng.ContinuousGame([z * (1 - z - y), y * (1 - x - y)], [(x, 0, 1), (y, 0, 1)])


@pytest.mark.parametrize(
    ("payoffs", "strategies", "message"),
    [
        (["x", -(y**2)], [(x, 0, 1), (y, 0, 1)], "is the string 'x'"),
        ([x, -(y**2)], [(x, 1, 0), (y, 0, 1)], "is empty"),
        ([x, -(y**2)], [x, (y, 0, 1)], "needs bounds"),
        ([x, -(y**2)], [("x", 0, 1), (y, 0, 1)], "give a sympy Symbol"),
        ([x], [(x, 0, 1), (y, 0, 1)], "1 payoffs for 2 players"),
        ([x, -(x**2)], [(x, 0, 1), (x, 0, 1)], "its own strategy symbol"),
    ],
)
def test_malformed_games_name_the_problem(payoffs, strategies, message):
    with pytest.raises(ContinuousGameError, match=message):
        ng.ContinuousGame(payoffs, strategies)


def test_level_values_must_be_numbers_in_the_set():
    game, _ = cournot(2, [1, 1], demand=(10, 1))
    with pytest.raises(ContinuousGameError, match="is the string 'high'"):
        game.discretize({0: ["high"], 1: [1]})
    with pytest.raises(ContinuousGameError, match="outside its strategy set"):
        game.discretize({0: [-1], 1: [1]})
    with pytest.raises(ContinuousGameError, match="for Player 2 too"):
        game.discretize({0: [1]})


# ------------------------------------------------------------------------ pictures
def test_reaction_curves_data_and_picture():
    from plot_helpers import legend_texts, render

    from negotiation.plotting import plot_reaction_curves, reaction_curves_data

    d = 12 - q1 - q2
    game = ng.ContinuousGame([q1 * d, q2 * d], [(q1, 0, 12), (q2, 0, 12)])
    data = reaction_curves_data(game, num=61)
    # the reaction curves are (12 - q_other)/2, clamped at 0
    np.testing.assert_allclose(data.reaction_x, np.clip((12 - data.ys) / 2, 0, None), atol=1e-12)
    np.testing.assert_allclose(data.reaction_y, np.clip((12 - data.xs) / 2, 0, None), atol=1e-12)
    np.testing.assert_allclose(data.nash, [[4, 4]])
    np.testing.assert_allclose(data.stackelberg["Player 2"], [3, 6])
    assert data.payoffs.shape == (2, 61, 61)
    ax = plot_reaction_curves(game, num=61, marks={"here": (1, 1)})
    render(ax)
    assert "Nash equilibrium" in legend_texts(ax)
    assert "Stackelberg (Player 1 leads)" in legend_texts(ax)


def test_payoff_curve_of_the_tariff_war():
    from plot_helpers import render

    from negotiation.plotting import payoff_curve_data, plot_payoff_curve

    war = ng.trade.TariffWar()
    data = payoff_curve_data(war, "China", limits=(0, 1.6))
    nash = war.nash().values()
    assert data.best[0] == pytest.approx(nash[1], abs=1e-6)
    assert data.against == {"US": pytest.approx(nash[0])}
    assert data.percent
    k = int(np.argmax(data.payoffs))
    assert abs(data.xs[k] - nash[1]) <= data.xs[1] - data.xs[0]
    ax = plot_payoff_curve(war, "China", marks={"April": 1.25}, limits=(0, 1.6))
    render(ax)
    assert "welfare" in ax.get_ylabel()
    with pytest.raises(ContinuousGameError, match="not a str"):
        payoff_curve_data("war", 0)
