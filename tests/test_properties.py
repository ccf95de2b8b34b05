"""Properties that encode the theory, on random small integer games (Hypothesis).

Every returned profile is a mutual best response (checked in exact
arithmetic); exact and numeric solvers agree; nashpy's support enumeration
agrees with vertex enumeration where the theory says it must (non-degenerate
games); and the symbolic pure-equilibrium conditions agree with the numeric
pure equilibria of the substituted game at random parameter points.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng

SETTINGS = settings(max_examples=40, deadline=None)
PAYOFF = st.integers(min_value=-5, max_value=5)


@st.composite
def integer_games(draw, max_size: int = 4, min_size: int = 1) -> ng.Game:
    m = draw(st.integers(min_size, max_size))
    n = draw(st.integers(min_size, max_size))
    table = st.lists(st.lists(PAYOFF, min_size=n, max_size=n), min_size=m, max_size=m)
    return ng.Game(draw(table), draw(table))


def as_fractions(vector) -> list[Fraction]:
    """Exact probabilities: sympy Rationals as they are, floats as the nearest small fraction."""
    out = []
    for v in vector:
        if isinstance(v, sp.Rational):
            out.append(Fraction(int(v.p), int(v.q)))
        else:
            out.append(Fraction(float(v)).limit_denominator(10**7))
    return out


def is_exact_equilibrium(game: ng.Game, row, col) -> bool:
    """Probability vectors and mutual best responses, in exact arithmetic."""
    A = [[Fraction(int(v)) for v in game.row_payoffs.row(i)] for i in range(game.shape[0])]
    B = [[Fraction(int(v)) for v in game.col_payoffs.row(i)] for i in range(game.shape[0])]
    x, y = as_fractions(row), as_fractions(col)
    if sum(x) != 1 or sum(y) != 1 or min(x) < 0 or min(y) < 0:
        return False
    m, n = game.shape
    row_values = [sum(A[i][j] * y[j] for j in range(n)) for i in range(m)]
    col_values = [sum(x[i] * B[i][j] for i in range(m)) for j in range(n)]
    row_value = sum(x[i] * row_values[i] for i in range(m))
    col_value = sum(y[j] * col_values[j] for j in range(n))
    return row_value == max(row_values) and col_value == max(col_values)


def exact_set(game: ng.Game) -> set[tuple[tuple, tuple]]:
    return {(eq.row, eq.col) for eq in game.equilibria(exact=True)}


def rounded(eqs: list[ng.Equilibrium], digits: int = 7) -> set[tuple[tuple, tuple]]:
    return {
        (
            tuple(round(float(v), digits) for v in eq.row),
            tuple(round(float(v), digits) for v in eq.col),
        )
        for eq in eqs
    }


@SETTINGS
@given(integer_games())
def test_every_equilibrium_of_every_method_is_an_exact_best_response(game):
    results = {
        "exact": game.equilibria(exact=True),
        "exact pure": game.equilibria("pure", exact=True),
        "vertex_enumeration": game.equilibria(),
        "support_enumeration": game.equilibria("support_enumeration"),
        "lemke_howson": game.equilibria("lemke_howson"),
        "pure": game.equilibria("pure"),
    }
    assert results["exact"], "every finite game has an equilibrium"
    assert len(results["lemke_howson"]) == 1
    for method, eqs in results.items():
        for eq in eqs:
            assert is_exact_equilibrium(game, eq.row, eq.col), (method, eq)
            # the reported payoffs and supports belong to the profile
            x, y = as_fractions(eq.row), as_fractions(eq.col)
            A = np.array(game.row_payoffs.tolist(), dtype=float)
            assert np.isclose(
                float(eq.payoffs[0]), float(np.array(x, float) @ A @ np.array(y, float))
            )
            assert eq.row_support == tuple(
                s for s, p in zip(game.strategies[0], x, strict=True) if p != 0
            )
            assert eq.is_pure == (len(eq.row_support) == len(eq.col_support) == 1)


@SETTINGS
@given(integer_games())
def test_exact_and_numeric_vertex_enumeration_agree(game):
    exact = game.equilibria(exact=True)
    numeric = game.equilibria()
    assert len(exact) == len(numeric)
    for e, f in zip(exact, numeric, strict=True):  # same order, too
        np.testing.assert_allclose(f.row, [float(v) for v in e.row], atol=1e-12)
        np.testing.assert_allclose(f.col, [float(v) for v in e.col], atol=1e-12)
        assert (e.row_support, e.col_support) == (f.row_support, f.col_support)
        assert np.isclose(float(e.payoffs[0]), f.payoffs[0])
        assert np.isclose(float(e.payoffs[1]), f.payoffs[1])
    assert len(rounded(numeric)) == len(numeric)  # no duplicates


@SETTINGS
@given(integer_games())
def test_pure_equilibria_are_the_pure_extreme_equilibria(game):
    pure = {(eq.row, eq.col) for eq in game.equilibria("pure", exact=True)}
    assert pure == {(x, y) for x, y in exact_set(game) if set(x + y) <= {0, 1}}
    assert rounded(game.equilibria("pure")) == rounded(game.equilibria("pure", exact=True))


@SETTINGS
@given(integer_games(min_size=2))
def test_support_enumeration_agrees_with_vertex_enumeration_on_non_degenerate_games(game):
    if game.is_degenerate:
        # nashpy may miss equilibria here; what it returns is still correct
        assert rounded(game.equilibria("support_enumeration")) <= rounded(game.equilibria())
        return
    assert rounded(game.equilibria("support_enumeration")) == rounded(game.equilibria())
    for eq in game.equilibria(exact=True):  # non-degenerate: supports of equal size
        assert len(eq.row_support) == len(eq.col_support)
    assert all(not c.is_continuum for c in game.equilibrium_components())


@SETTINGS
@given(integer_games())
def test_components_cover_the_extreme_equilibria_and_are_complete(game):
    components = game.equilibrium_components()
    covered = {(eq.row, eq.col) for c in components for eq in c.equilibria}
    assert covered == exact_set(game)
    for c in components:
        assert {(e.row, e.col) for e in c.equilibria} == {
            (x, y) for x in c.row_vertices for y in c.col_vertices
        }
        # any convex combination inside a component is an equilibrium too
        x = [sum(v[k] for v in c.row_vertices) / len(c.row_vertices) for k in range(game.shape[0])]
        y = [sum(v[k] for v in c.col_vertices) / len(c.col_vertices) for k in range(game.shape[1])]
        assert is_exact_equilibrium(game, x, y)
    if not game.is_degenerate:
        assert len(components) == len(covered)


# ---------------------------------------------------------------------- symbolic vs numeric
P, Q = sp.symbols("p q")
SMALL_RATIONAL = st.builds(sp.Rational, st.integers(-6, 6), st.sampled_from([1, 2, 3]))


@st.composite
def symbolic_games(draw) -> ng.Game:
    """Games whose payoffs are integers or affine expressions a*p + b*q + c."""
    m = draw(st.integers(1, 3))
    n = draw(st.integers(1, 3))

    def entry():
        if draw(st.booleans()):
            return sp.Integer(draw(PAYOFF))
        a, b, c = draw(st.integers(-2, 2)), draw(st.integers(-2, 2)), draw(PAYOFF)
        return a * P + b * Q + c

    A = [[entry() for _ in range(n)] for _ in range(m)]
    B = [[entry() for _ in range(n)] for _ in range(m)]
    return ng.Game(A, B)


@SETTINGS
@given(symbolic_games(), SMALL_RATIONAL, SMALL_RATIONAL)
def test_equilibrium_conditions_agree_with_numeric_pure_equilibria(game, p, q):
    point = {P: p, Q: q}
    numeric_game = game.subs({s: point[s] for s in game.parameters})
    numeric = {eq.profile for eq in numeric_game.equilibria("pure")}
    exact = {eq.profile for eq in numeric_game.equilibria("pure", exact=True)}
    by_conditions = set()
    for i, r in enumerate(game.strategies[0]):
        for j, c in enumerate(game.strategies[1]):
            condition = game.equilibrium_conditions((i, j)).subs(point)
            assert condition in (sp.true, sp.false)
            if condition:
                by_conditions.add((r, c))
            # the same condition from labels, and from the substituted game
            assert numeric_game.equilibrium_conditions((r, c)) == condition
    assert by_conditions == numeric == exact


@SETTINGS
@given(symbolic_games(), SMALL_RATIONAL, SMALL_RATIONAL)
def test_best_response_conditions_agree_with_numeric_best_responses(game, p, q):
    point = {P: p, Q: q}
    numeric_game = game.subs({s: point[s] for s in game.parameters})
    for player in (0, 1):
        for against in game.strategies[1 - player]:
            conditions = game.best_response_conditions(player, against)
            chosen = tuple(s for s, c in conditions.items() if c.subs(point))
            assert chosen == numeric_game.best_responses(player, against)


@SETTINGS
@given(
    st.tuples(*[st.integers(-5, 5)] * 8).filter(
        lambda v: (v[0] - v[1] - v[2] + v[3]) != 0 and (v[4] - v[5] - v[6] + v[7]) != 0
    )
)
def test_closed_form_2x2_matches_the_exact_solver(values):
    a = values[:4]
    b = values[4:]
    game = ng.Game([[a[0], a[1]], [a[2], a[3]]], [[b[0], b[1]], [b[2], b[3]]])
    closed = game.mixed_equilibrium()
    interior = [
        eq for eq in game.equilibria(exact=True) if len(eq.row_support) == 2 == len(eq.col_support)
    ]
    if closed.condition is sp.true:
        assert (closed.row, closed.col) in {(eq.row, eq.col) for eq in interior}
    else:
        assert closed.condition is sp.false
        assert interior == []


@SETTINGS
@given(integer_games())
def test_supports_are_best_responses_by_best_responses(game):
    # numeric equilibria carry float noise (1.2 against 1.2000000000000002): best_responses
    # compares them within tol, exact ones exactly
    for eq in game.equilibria() + game.equilibria(exact=True):
        assert set(eq.row_support) <= set(game.best_responses(0, eq.col))
        assert set(eq.col_support) <= set(game.best_responses(1, eq.row))
