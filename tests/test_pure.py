"""Pure-strategy analysis that works while parameters are free, and the 2x2 closed form.

Best responses, dominance, iterated elimination and the conditions under which
a pure profile is an equilibrium (Osborne 2004, sections 2.6-2.9 and 12.2), on
textbook games and on the stylised games A and B of the domain brief, section 4.
"""

from __future__ import annotations

import itertools

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.solvers import pure as pure_solver

# Game A of the domain brief: tariff prisoner's dilemma (stylised, $bn).
GAME_A_ROWS = [[0, -40], [10, -30]]
GAME_A_COLS = [[0, 10], [-90, -70]]
TRUCE_ESCALATE = (("Truce", "Escalate"), ("Truce", "Escalate"))

# Game B: "Implementing Geneva" (stylised), US rows L/H/E, China columns D/S/W.
GAME_B_ROWS = [[3, -2, -6], [4, -1, -4], [1, -3, -7]]
GAME_B_COLS = [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]]
GAME_B_LABELS = (("L", "H", "E"), ("D", "S", "W"))


@pytest.fixture
def game_a() -> ng.Game:
    return ng.Game(GAME_A_ROWS, GAME_A_COLS, players=("US", "China"), strategies=TRUCE_ESCALATE)


@pytest.fixture
def game_b() -> ng.Game:
    return ng.Game(GAME_B_ROWS, GAME_B_COLS, players=("US", "China"), strategies=GAME_B_LABELS)


def profiles(game: ng.Game):
    return itertools.product(*game.strategies)


# ---------------------------------------------------------------------- best responses
def test_best_responses_to_pure_strategies(game_a):
    assert game_a.best_responses("US", "Truce") == ("Escalate",)
    assert game_a.best_responses("China", "Escalate") == ("Escalate",)
    assert game_a.best_responses(0, 1) == ("Escalate",)
    assert game_a.best_responses("col", 0) == ("Escalate",)


def test_best_responses_to_mixed_strategies_keep_ties():
    rps = ng.Game.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], strategies=(("R", "P", "S"),) * 2)
    assert rps.best_responses("row", "R") == ("P",)
    assert rps.best_responses("column", "P") == ("S",)
    third = [sp.Rational(1, 3)] * 3
    assert rps.best_responses("row", third) == ("R", "P", "S")
    assert rps.best_responses("row", [sp.Rational(1, 2), sp.Rational(1, 2), 0]) == ("P",)


def test_best_responses_to_a_returned_numeric_equilibrium():
    rps = ng.Game.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    (eq,) = rps.equilibria()
    assert rps.best_responses(0, eq.col) == ("r0", "r1", "r2")
    assert rps.best_responses(1, eq.row) == ("c0", "c1", "c2")


def test_best_responses_to_a_float_mixed_strategy_keep_ties_within_tol():
    bos = ng.Game([[3, 0], [0, 2]], [[2, 0], [0, 3]])
    mixed = next(eq for eq in bos.equilibria() if not eq.is_pure)
    # 2 * 0.6 = 1.2 but 3 * 0.4 = 1.2000000000000002 in floats
    assert bos.best_responses("column", mixed.row) == ("c0", "c1")
    assert bos.best_responses("row", mixed.col) == ("r0", "r1")
    assert bos.best_responses("column", [0.6, 0.4], tol=0) == ("c1",)
    assert bos.best_responses("column", [sp.Rational(3, 5), sp.Rational(2, 5)]) == ("c0", "c1")
    assert bos.best_responses("column", [0.61, 0.39]) == ("c0",)


def test_best_response_conditions_with_free_parameters():
    T, R, P, S = sp.symbols("T R P S")
    pd = ng.Game.symmetric([[R, S], [T, P]], strategies=("C", "D"))
    assert pd.best_response_conditions("row", "C") == {"C": R >= T, "D": T >= R}
    assert pd.best_response_conditions("row", "D") == {"C": S >= P, "D": P >= S}
    half = [sp.Rational(1, 2)] * 2
    conditions = pd.best_response_conditions("column", half)
    point = {T: 5, R: 3, P: 1, S: 0}
    assert conditions["C"].subs(point) is sp.false
    assert conditions["D"].subs(point) is sp.true


def test_best_response_conditions_use_symbol_assumptions():
    W, L, C = sp.symbols("W L C", positive=True)
    chicken = ng.Game.symmetric([[0, -L], [W, -C]], strategies=("Swerve", "Escalate"))
    # against Swerve, Escalate (W > 0) beats Swerve (0): decided from the assumptions
    assert chicken.best_response_conditions("row", "Swerve") == {
        "Swerve": sp.false,
        "Escalate": sp.true,
    }
    assert chicken.best_responses("row", "Swerve") == ("Escalate",)
    against_escalate = chicken.best_response_conditions("row", "Escalate")
    assert against_escalate["Swerve"] == sp.Ge(C, L)


def test_best_responses_refuse_an_undecided_answer():
    t = sp.Symbol("t")
    game = ng.Game([[1, 0], [t, 0]], [[0, 0], [0, 0]])
    with pytest.raises(
        ng.FreeParameterError, match=r"use best_response_conditions.*game\.subs\(t=\.\.\.\)"
    ):
        game.best_responses("row", "c0")
    assert game.subs(t=2).best_responses("row", "c0") == ("r1",)


def test_best_responses_bad_input(game_a):
    with pytest.raises(ng.UnknownLabelError, match="no player 'EU'"):
        game_a.best_responses("EU", "Truce")
    with pytest.raises(ng.UnknownLabelError, match="China has no strategy 'Retreat'"):
        game_a.best_responses("US", "Retreat")
    with pytest.raises(
        ng.InvalidGameError, match="China has 2 strategies but the mixed strategy has 3"
    ):
        game_a.best_responses("US", [0.5, 0.25, 0.25])


# ---------------------------------------------------------------------- dominance
def test_dominated_strategies_of_game_a(game_a):
    found = game_a.dominated_strategies()
    assert [(d.player, d.dominated, d.by, d.strict) for d in found] == [
        ("US", "Truce", "Escalate", True),
        ("China", "Truce", "Escalate", True),
    ]


def test_game_b_h_and_s_are_dominant(game_b):
    found = {(d.player, d.dominated) for d in game_b.dominated_strategies()}
    assert found == {("US", "L"), ("US", "E"), ("China", "D"), ("China", "W")}
    assert game_b.best_responses("US", "D") == ("H",)
    assert all(game_b.best_responses("US", c) == ("H",) for c in "DSW")
    assert all(game_b.best_responses("China", r) == ("S",) for r in "LHE")


def test_eliminate_dominated_game_b(game_b):
    reduced, record = game_b.eliminate_dominated()
    assert reduced.strategies == (("H",), ("S",))
    assert reduced.row_payoffs == sp.Matrix([[-1]])
    assert reduced.col_payoffs == sp.Matrix([[-1]])
    assert {d.dominated for d in record} == {"L", "E", "D", "W"}
    assert all(d.strict for d in record)
    assert game_b.shape == (3, 3)  # the original is unchanged


def test_iterated_elimination_takes_rounds_in_order():
    # Gibbons (1992), section 1.1.B: R is dominated by C; then D by U; then L by C.
    game = ng.Game(
        [[1, 1, 0], [0, 0, 2]],
        [[0, 2, 1], [3, 1, 0]],
        strategies=(("U", "D"), ("L", "C", "R")),
    )
    assert [d.dominated for d in game.dominated_strategies()] == ["R"]
    reduced, record = game.eliminate_dominated()
    assert [(d.player, d.dominated, d.by) for d in record] == [
        ("Column", "R", "C"),
        ("Row", "D", "U"),
        ("Column", "L", "C"),
    ]
    assert [d.reason for d in record][1] == "Row's 'D' is strictly dominated by 'U'"
    assert reduced.strategies == (("U",), ("C",))


def test_weak_dominance_is_reported_only_when_asked():
    game = ng.Game([[1, 0], [1, 1]], [[1, 1], [1, 1]], strategies=(("a", "b"), ("x", "y")))
    assert game.dominated_strategies() == ()
    (weak,) = game.dominated_strategies(strict=False)
    assert (weak.player, weak.dominated, weak.by, weak.strict) == ("Row", "a", "b", False)
    assert weak.reason == "Row's 'a' is weakly dominated by 'b'"
    reduced, record = game.eliminate_dominated(strict=False)
    assert reduced.strategies == (("b",), ("x", "y"))
    assert record == (weak,)


def test_dominance_with_parameters_is_reported_only_where_sympy_can_decide():
    x = sp.Symbol("x")
    undecided = ng.Game([[x, 0], [1, 1]], [[1, 0], [0, 1]])
    assert undecided.dominated_strategies() == ()
    assert undecided.eliminate_dominated()[1] == ()
    x_big = sp.Symbol("x", positive=True)
    decided = ng.Game([[x_big + 1, 1], [0, 0]], [[1, 0], [0, 1]])
    (d,) = decided.dominated_strategies()
    assert (d.dominated, d.by) == ("r1", "r0")


def test_game_b_with_a_disruption_multiplier_keeps_h_dominant():
    m = sp.Symbol("m", positive=True)
    rows = [[3, -2, -6 * m], [4, -1, -4 * m], [1, -3, -7 * m]]
    game = ng.Game(rows, GAME_B_COLS, strategies=GAME_B_LABELS)
    assert game.parameters == (m,)
    assert {d.dominated for d in game.dominated_strategies()} == {"L", "E", "D", "W"}
    assert game.equilibrium_conditions(("H", "S")) is sp.true


# ---------------------------------------------------------------------- equilibrium conditions
def test_game_a_numeric_conditions_are_true_or_false(game_a):
    conditions = {p: game_a.equilibrium_conditions(p) for p in profiles(game_a)}
    assert conditions == {
        ("Truce", "Truce"): sp.false,
        ("Truce", "Escalate"): sp.false,
        ("Escalate", "Truce"): sp.false,
        ("Escalate", "Escalate"): sp.true,
    }
    assert game_a.equilibrium_conditions((1, 1)) is sp.true


def test_game_a_with_symbolic_temptations():
    t_us, t_cn = sp.symbols("t_us t_cn")
    game = ng.Game(
        [[0, -40], [t_us, -30]],
        [[0, t_cn], [-90, -70]],
        players=("US", "China"),
        strategies=TRUCE_ESCALATE,
    )
    truce = game.equilibrium_conditions(("Truce", "Truce"))
    assert truce == sp.And(sp.Le(t_us, 0), sp.Le(t_cn, 0))
    assert game.equilibrium_conditions(("Escalate", "Escalate")) is sp.true
    us_escalates = game.equilibrium_conditions(("Escalate", "Truce"))
    assert us_escalates is sp.false  # China's -90 < -70 whatever the temptations
    assert truce.subs({t_us: 10, t_cn: 10}) is sp.false  # the brief's figures
    assert truce.subs({t_us: -1, t_cn: 0}) is sp.true


def test_game_a_with_positive_temptation_decides_from_assumptions():
    t = sp.Symbol("t", positive=True)
    game = ng.Game([[0, -40], [10 * t, -30]], GAME_A_COLS, strategies=TRUCE_ESCALATE)
    assert game.equilibrium_conditions(("Truce", "Truce")) is sp.false
    assert game.equilibrium_conditions(("Escalate", "Escalate")) is sp.true


def test_generic_prisoners_dilemma_conditions():
    T, R, P, S = sp.symbols("T R P S")
    pd = ng.Game.symmetric([[R, S], [T, P]], strategies=("C", "D"))
    assert pd.equilibrium_conditions(("C", "C")) == (R >= T)
    assert pd.equilibrium_conditions(("D", "D")) == (P >= S)
    assert pd.equilibrium_conditions(("C", "D")) == sp.And(S >= P, T >= R)
    assert pd.equilibrium_conditions((0, 1)) == pd.equilibrium_conditions(("C", "D"))
    # with T > R > P > S only (D, D) survives
    point = {T: 5, R: 3, P: 1, S: 0}
    survivors = [p for p in profiles(pd) if pd.equilibrium_conditions(p).subs(point)]
    assert survivors == [("D", "D")]


def test_game_b_unique_pure_equilibrium_is_h_s(game_b):
    conditions = {p: game_b.equilibrium_conditions(p) for p in profiles(game_b)}
    assert [p for p, c in conditions.items() if c is sp.true] == [("H", "S")]
    assert all(c is sp.false for p, c in conditions.items() if p != ("H", "S"))
    (eq,) = game_b.equilibria(exact=True)
    assert eq.profile == ("H", "S")
    assert eq.payoffs == (-1, -1)
    assert [e.profile for e in game_b.equilibria("pure")] == [("H", "S")]


def test_game_b_with_a_political_cost_on_implementing():
    # a domestic political cost c >= 0 on every L-row payoff (stylised): (H, S) stays the
    # only pure equilibrium, decided from the assumption alone
    c = sp.Symbol("c", nonnegative=True)
    rows = [[3 - c, -2 - c, -6 - c], [4, -1, -4], [1, -3, -7]]
    game = ng.Game(rows, GAME_B_COLS, strategies=GAME_B_LABELS)
    conditions = {p: game.equilibrium_conditions(p) for p in profiles(game)}
    assert [p for p, cond in conditions.items() if cond is sp.true] == [("H", "S")]
    assert all(cond is sp.false for p, cond in conditions.items() if p != ("H", "S"))


def test_game_b_with_a_subsidy_on_implementing():
    # without the sign assumption, (L, S) is an equilibrium exactly when c <= -1
    c = sp.Symbol("c")
    rows = [[3 - c, -2 - c, -6 - c], [4, -1, -4], [1, -3, -7]]
    game = ng.Game(rows, GAME_B_COLS, strategies=GAME_B_LABELS)
    assert game.equilibrium_conditions(("L", "D")) is sp.false
    l_s = game.equilibrium_conditions(("L", "S"))
    assert l_s == sp.And(sp.Ge(1, c), sp.Le(c + 1, 0))  # L beats H and E against S
    assert [l_s.subs(c, v) for v in (-3, -1, sp.Rational(-1, 2), 0)] == [True, True, False, False]
    assert game.equilibrium_conditions(("H", "S")) == sp.Ge(c + 1, 0)
    assert game.equilibrium_conditions(("L", "S")).subs(c, -2) is sp.true
    assert [e.profile for e in game.subs(c=-2).equilibria("pure")] == [("L", "S")]
    assert [e.profile for e in game.subs(c=-1).equilibria("pure")] == [("L", "S"), ("H", "S")]


def test_equilibrium_conditions_bad_profiles(game_b):
    with pytest.raises(
        ng.UnknownLabelError, match="US has no strategy 'X'; the strategies are 'L', 'H', 'E'"
    ):
        game_b.equilibrium_conditions(("X", "S"))
    with pytest.raises(
        ng.UnknownLabelError, match="China has 3 strategies; index 3 is out of range"
    ):
        game_b.equilibrium_conditions((0, 3))
    with pytest.raises(
        ng.UnknownLabelError, match=r"a profile is a pair \(row strategy, column strategy\)"
    ):
        game_b.equilibrium_conditions(("H", "S", "W"))
    with pytest.raises(ng.UnknownLabelError, match="a profile is a pair"):
        game_b.equilibrium_conditions("HS")


def test_pure_solver_functions_alone():
    A = sp.Matrix([[3, 0], [5, 1]])
    assert pure_solver.best_response_conditions(A, [1, 0]) == [sp.false, sp.true]
    assert pure_solver.pure_equilibrium_condition(A, A.T, 1, 1) is sp.true
    assert pure_solver.at_least(sp.Integer(2), sp.Integer(2)) is sp.true
    x = sp.Symbol("x")
    assert pure_solver.at_least(x, 1) == (x >= 1)


# ---------------------------------------------------------------------- deciding comparisons
def test_at_least_decides_what_expansion_and_cancellation_decide():
    x, y = sp.symbols("x y")
    assert pure_solver.at_least((x + y) ** 2, x**2 + 2 * x * y + y**2) is sp.true
    assert pure_solver.at_least(x * (y + 1), x * y + x + 1) is sp.false
    assert pure_solver.at_least(x / (x + y) + y / (x + y), 1) is sp.true  # over one denominator
    r = sp.Symbol("r", real=True)
    assert pure_solver.at_least((r - 1) ** 2, 0) is sp.true  # the form as written decides
    p, q = sp.symbols("p q", positive=True)
    assert pure_solver.at_least(p * q + p, p * q) is sp.true
    assert pure_solver.at_least(p, q) == (p >= q)  # terms of both signs: undecided
    assert pure_solver._strictly_greater(p + q, q) is sp.true
    assert pure_solver._strictly_greater(q, p + q) is sp.false


def test_conditions_on_huge_powers_are_stated_without_multiplying_them_out():
    x, y = sp.symbols("x y")
    big = (x + y + 1) ** 60  # 1,891 terms if expanded
    game = ng.Game([[big, 0], [big + 1, x]], [[big, big - y], [1, (x + y + 1) ** 59]])
    assert game.equilibrium_conditions((0, 0)) is sp.false  # big + 1 beats big
    assert game.equilibrium_conditions((0, 1)) == sp.And(x <= 0, y <= 0)
    assert game.equilibrium_conditions((1, 0)) == sp.Ge(1, (x + y + 1) ** 59)
    # symbolic and numeric agree at a point
    at = {x: sp.Rational(-1, 2), y: sp.Rational(-1, 3)}
    numeric = game.subs({"x": at[x], "y": at[y]})
    for profile in [(0, 1), (1, 0), (1, 1)]:
        assert bool(game.equilibrium_conditions(profile).subs(at)) == bool(
            numeric.equilibrium_conditions(profile)
        )


# ---------------------------------------------------------------------- the 2x2 closed form
def test_chicken_closed_form_mixed_equilibrium():
    W, L, C = sp.symbols("W L C", positive=True)
    chicken = ng.Game.symmetric([[0, -L], [W, -C]], strategies=("Swerve", "Escalate"))
    eq = chicken.mixed_equilibrium()
    q = W / (W + C - L)
    assert sp.simplify(eq.row[1] - q) == 0
    assert sp.simplify(eq.col[1] - q) == 0
    assert sp.simplify(eq.row[0] + eq.row[1] - 1) == 0
    assert eq.method == "mixed_2x2"
    assert eq.row_support == ("Swerve", "Escalate")
    assert sp.simplify(eq.payoffs[0] + L * q) == 0  # Swerve's payoff: -L q
    # the domain brief's values: q = 2/9, about 0.22
    values = {W: 2, L: 3, C: 10}
    assert eq.row[1].subs(values) == sp.Rational(2, 9)
    assert eq.condition.subs(values) is sp.true


@pytest.mark.parametrize(
    ("W", "L", "C", "valid"),
    [(2, 3, 10, True), (1, 1, 10, True), (2, 3, 3.5, True), (2, 3, 2, False), (5, 4, 1, False)],
)
def test_chicken_condition_is_c_greater_than_l(W, L, C, valid):
    Ws, Ls, Cs = sp.symbols("W L C", positive=True)
    chicken = ng.Game.symmetric([[0, -Ls], [Ws, -Cs]])
    condition = chicken.mixed_equilibrium().condition
    assert bool(condition.subs({Ws: W, Ls: L, Cs: C})) is valid
    assert valid == (C > L)


def test_mixed_equilibrium_agrees_with_exact_solver_at_a_point():
    W, L, C = sp.symbols("W L C", positive=True)
    chicken = ng.Game.symmetric([[0, -L], [W, -C]])
    values = {"W": 2, "L": 3, "C": 10}
    closed = chicken.mixed_equilibrium()
    solved = [e for e in chicken.subs(values).equilibria(exact=True) if not e.is_pure]
    point = {W: 2, L: 3, C: 10}
    assert tuple(v.subs(point) for v in closed.row) == solved[0].row
    assert tuple(v.subs(point) for v in closed.col) == solved[0].col
    assert tuple(v.subs(point) for v in closed.payoffs) == solved[0].payoffs


def test_mixed_equilibrium_of_a_numeric_game():
    pennies = ng.Game.zero_sum([[1, -1], [-1, 1]])
    eq = pennies.mixed_equilibrium()
    assert eq.row == (sp.Rational(1, 2), sp.Rational(1, 2))
    assert eq.condition is sp.true
    assert eq.payoffs == (0, 0)


def test_mixed_equilibrium_absent_when_a_strategy_dominates(game_a):
    eq = game_a.mixed_equilibrium()
    assert eq.condition is sp.false


def test_mixed_equilibrium_general_coordination_game():
    a, b = sp.symbols("a b", positive=True)
    game = ng.Game([[a, 0], [0, b]], [[1, 0], [0, 1]])
    eq = game.mixed_equilibrium()
    assert eq.row == (sp.Rational(1, 2), sp.Rational(1, 2))
    assert sp.simplify(eq.col[0] - b / (a + b)) == 0
    assert eq.condition is sp.true  # a, b > 0 decide it


def test_mixed_equilibrium_is_only_for_2x2(game_b):
    with pytest.raises(ng.InvalidGameError, match="closed form for 2x2 games; this game is 3x3"):
        game_b.mixed_equilibrium()


# --- domination by mixed strategies ----------------------------------------------------


def test_a_strategy_dominated_only_by_a_mixture_is_reported_with_it():
    # Osborne (2004), section 12.2: M is worse than the 50-50 mix of T and B whatever the
    # column player does, although neither T nor B alone beats it.
    game = ng.Game(
        [[3, 0], [0, 3], [1, 1]],
        [[1, 0], [0, 1], [2, 2]],
        strategies=(("T", "B", "M"), ("L", "R")),
    )
    (domination,) = [d for d in game.dominated_strategies() if d.player == "Row"]
    assert domination.dominated == "M"
    assert dict(domination.mixture) == {"T": sp.Rational(1, 2), "B": sp.Rational(1, 2)}
    assert domination.reason == "Row's 'M' is strictly dominated by the mixture 1/2 T + 1/2 B"
    reduced, record = game.eliminate_dominated()
    assert [d.dominated for d in record] == ["M"]
    assert reduced.strategies == (("T", "B"), ("L", "R"))


def test_no_mixture_dominance_when_the_strategy_is_a_best_response_somewhere():
    game = ng.Game([[3, 0], [0, 3], [2, 2]], [[0, 0]] * 3)  # (1/2, 1/2) only ties 1.5 < 2
    assert game.dominated_strategies() == ()


def test_symbolic_games_report_pure_dominance_only():
    c = sp.Symbol("c", positive=True)
    game = ng.Game([[3, 0], [0, 3], [1 - c, 1 - c]], [[0, 0]] * 3)
    assert game.dominated_strategies() == ()


@settings(max_examples=40, deadline=None)
@given(
    st.integers(3, 4).flatmap(
        lambda m: st.tuples(
            st.lists(st.lists(st.integers(-5, 5), min_size=3, max_size=3), min_size=m, max_size=m),
            st.lists(st.lists(st.integers(-5, 5), min_size=3, max_size=3), min_size=m, max_size=m),
        )
    )
)
def test_mixture_dominated_strategies_are_never_played_in_equilibrium(tables):
    A, B = tables
    game = ng.Game(A, B)
    dominated = {(d.player, d.dominated) for d in game.dominated_strategies() if d.mixture}
    for d in game.dominated_strategies():
        if d.mixture:  # the certificate holds exactly against every column
            p = game.players.index(d.player)
            own = game.row_payoffs if p == 0 else game.col_payoffs.T
            k = game.index(p, d.dominated)
            for j in range(own.cols):
                mixed = sum(w * own[game.index(p, label), j] for label, w in d.mixture)
                assert mixed > own[k, j]
    for eq in game.equilibria(exact=True):
        for label in eq.row_support:
            assert (game.players[0], label) not in dominated
        for label in eq.col_support:
            assert (game.players[1], label) not in dominated
