"""Textbook games with known equilibria, by every method, exact and numeric.

Answers from Osborne (2004), *An Introduction to Game Theory*, chapters 2-4
(prisoner's dilemma, stag hunt, chicken / hawk-dove, battle of the sexes,
matching pennies, rock-paper-scissors), worked by hand below each game.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import negotiation as ng

R = sp.Rational
NUMERIC_METHODS = ("vertex_enumeration", "support_enumeration")


def exact_set(game: ng.Game) -> set[tuple[tuple, tuple]]:
    return {(eq.row, eq.col) for eq in game.equilibria(exact=True)}


def assert_numeric_matches(found: list[ng.Equilibrium], expected: set, tol: float = 1e-9) -> None:
    """``found`` is exactly ``expected`` (exact tuples), within ``tol``, each once."""
    assert len(found) == len(expected)
    for x, y in expected:
        matches = [
            eq
            for eq in found
            if np.allclose(eq.row, [float(v) for v in x], atol=tol)
            and np.allclose(eq.col, [float(v) for v in y], atol=tol)
        ]
        assert len(matches) == 1, f"{(x, y)} found {len(matches)} times in {found}"


def check_every_method(game: ng.Game, expected: set, *, degenerate: bool = False) -> None:
    """Exact and numeric vertex enumeration, support enumeration, Lemke-Howson and pure."""
    assert exact_set(game) == expected
    assert_numeric_matches(game.equilibria(), expected)
    if not degenerate:  # nashpy's support enumeration is only complete on these
        assert_numeric_matches(game.equilibria("support_enumeration"), expected)
    (one,) = game.equilibria("lemke_howson")
    assert any(
        np.allclose(one.row, [float(v) for v in x]) and np.allclose(one.col, [float(v) for v in y])
        for x, y in expected
    )
    pure = {(x, y) for x, y in expected if all(v in (0, 1) for v in x + y)}
    assert {(eq.row, eq.col) for eq in game.equilibria("pure", exact=True)} == pure
    assert_numeric_matches(game.equilibria("pure"), pure)


def test_prisoners_dilemma():
    # Defect strictly dominates Cooperate for both: (D, D) is the unique equilibrium.
    pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("Cooperate", "Defect"))
    check_every_method(pd, {((0, 1), (0, 1))})
    (eq,) = pd.equilibria(exact=True)
    assert eq.profile == ("Defect", "Defect")
    assert eq.payoffs == (1, 1)
    assert eq.is_pure
    assert not pd.is_degenerate
    assert pd.mixed_equilibrium().condition is sp.false


def test_stag_hunt():
    # Two pure equilibria; in the mixed one each hunts stag with q: 4q = 3, q = 3/4.
    stag = ng.Game.symmetric([[4, 0], [3, 3]], strategies=("Stag", "Hare"))
    mixed = ((R(3, 4), R(1, 4)), (R(3, 4), R(1, 4)))
    check_every_method(stag, {((1, 0), (1, 0)), ((0, 1), (0, 1)), mixed})
    by_support = {eq.row_support + eq.col_support: eq for eq in stag.equilibria(exact=True)}
    assert by_support[("Stag", "Stag")].payoffs == (4, 4)
    assert by_support[("Hare", "Hare")].payoffs == (3, 3)
    assert by_support[("Stag", "Hare", "Stag", "Hare")].payoffs == (3, 3)
    assert not stag.is_degenerate


@pytest.mark.parametrize(
    ("W", "L", "C", "q"),
    [(1, 1, 10, R(1, 10)), (2, 3, 10, R(2, 9))],
    ids=["reference-chicken", "domain-brief-game-C"],
)
def test_chicken_two_pure_and_the_mixed_one(W, L, C, q):
    # Escalate with probability q = W / (W + C - L) makes the other indifferent.
    chicken = ng.Game.symmetric([[0, -L], [W, -C]], strategies=("Swerve", "Escalate"))
    mixed = ((1 - q, q), (1 - q, q))
    check_every_method(chicken, {((1, 0), (0, 1)), ((0, 1), (1, 0)), mixed})
    pure_profiles = {eq.profile for eq in chicken.equilibria("pure")}
    assert pure_profiles == {("Swerve", "Escalate"), ("Escalate", "Swerve")}
    mixed_eq = [eq for eq in chicken.equilibria(exact=True) if not eq.is_pure]
    assert mixed_eq[0].row == (1 - q, q)
    assert mixed_eq[0].payoffs == (-L * q, -L * q)
    closed = chicken.mixed_equilibrium()
    assert closed.row == (1 - q, q)
    assert closed.condition is sp.true


def test_battle_of_the_sexes():
    # Row mixes to make Column indifferent: 2p = 3(1 - p), p = 3/5; Column: 3q = 2(1 - q), q = 2/5.
    bos = ng.Game(
        [[3, 0], [0, 2]],
        [[2, 0], [0, 3]],
        players=("Ann", "Bob"),
        strategies=(("Opera", "Football"), ("Opera", "Football")),
    )
    mixed = ((R(3, 5), R(2, 5)), (R(2, 5), R(3, 5)))
    check_every_method(bos, {((1, 0), (1, 0)), ((0, 1), (0, 1)), mixed})
    (eq,) = [e for e in bos.equilibria(exact=True) if not e.is_pure]
    assert eq.payoffs == (R(6, 5), R(6, 5))
    assert eq.row_support == ("Opera", "Football")


def test_matching_pennies_exactly_one_half():
    pennies = ng.Game.zero_sum([[1, -1], [-1, 1]], strategies=(("H", "T"), ("H", "T")))
    (eq,) = pennies.equilibria(exact=True)
    assert eq.row == (R(1, 2), R(1, 2))
    assert eq.col == (R(1, 2), R(1, 2))
    assert all(isinstance(v, sp.Rational) for v in eq.row + eq.col)
    assert eq.payoffs == (0, 0)
    assert not eq.is_pure
    check_every_method(pennies, {((R(1, 2), R(1, 2)), (R(1, 2), R(1, 2)))})
    (numeric,) = pennies.equilibria()
    assert isinstance(numeric.row, np.ndarray)
    np.testing.assert_allclose(numeric.row, [0.5, 0.5])
    assert pennies.equilibria("pure") == []


def test_rock_paper_scissors_exactly_one_third():
    rps = ng.Game.zero_sum(
        [[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
        strategies=(("Rock", "Paper", "Scissors"),) * 2,
    )
    (eq,) = rps.equilibria(exact=True)
    third = (R(1, 3),) * 3
    assert eq.row == third
    assert eq.col == third
    assert eq.payoffs == (0, 0)
    assert eq.row_support == ("Rock", "Paper", "Scissors")
    check_every_method(rps, {(third, third)})
    assert not rps.is_degenerate
    (component,) = rps.equilibrium_components()
    assert not component.is_continuum


def test_degenerate_2x2_with_a_segment_of_equilibria():
    # Row's first strategy is dominant and leaves Column indifferent: (r0, y) for every y.
    game = ng.Game([[1, 1], [0, 0]], [[1, 1], [0, 0]])
    assert game.is_degenerate
    assert exact_set(game) == {((1, 0), (1, 0)), ((1, 0), (0, 1))}
    assert_numeric_matches(game.equilibria(), exact_set(game))
    (component,) = game.equilibrium_components()
    assert component.is_continuum
    assert component.dimension == 1
    assert component.row_vertices == ((1, 0),)
    assert set(component.col_vertices) == {(1, 0), (0, 1)}
    assert len(component.equilibria) == 2


OUTSIDE_OPTION_A = [[2, 2, 2], [3, 0, 1], [0, 3, 1]]
OUTSIDE_OPTION_B = [[1, 1, 1], [2, 0, 1], [0, 2, 1]]
# Column's mixes y that keep row 0 a best response: 3y0 + y2 <= 2 and 3y1 + y2 <= 2,
# a pentagon with these vertices; plus two pure equilibria.
PENTAGON = {
    (R(2, 3), R(1, 3), 0),
    (R(1, 2), 0, R(1, 2)),
    (R(1, 3), R(2, 3), 0),
    (0, R(1, 2), R(1, 2)),
    (0, 0, 1),
}


def test_degenerate_3x3_with_a_polygon_of_equilibria():
    game = ng.Game(OUTSIDE_OPTION_A, OUTSIDE_OPTION_B)
    assert game.is_degenerate
    expected = {((1, 0, 0), y) for y in PENTAGON} | {((0, 1, 0), (1, 0, 0)), ((0, 0, 1), (0, 1, 0))}
    assert exact_set(game) == expected
    assert_numeric_matches(game.equilibria(), expected)
    # supports of unequal size: row plays one strategy, column mixes two
    assert any(len(eq.row_support) != len(eq.col_support) for eq in game.equilibria(exact=True))
    components = game.equilibrium_components()
    assert len(components) == 3
    (polygon,) = [c for c in components if c.is_continuum]
    assert polygon.row_vertices == ((1, 0, 0),)
    assert set(polygon.col_vertices) == PENTAGON
    assert polygon.dimension == 2
    isolated = {(c.row_vertices, c.col_vertices) for c in components if not c.is_continuum}
    assert isolated == {(((0, 1, 0),), ((1, 0, 0),)), (((0, 0, 1),), ((0, 1, 0),))}


def test_nashpy_support_enumeration_misses_part_of_the_continuum_but_ours_does_not():
    game = ng.Game(OUTSIDE_OPTION_A, OUTSIDE_OPTION_B)
    found = game.equilibria("support_enumeration")
    assert len(found) < len(game.equilibria())  # nashpy needs equal support sizes
    everything = exact_set(game)
    for eq in found:  # but what it does return is checked, so correct
        assert any(np.allclose(eq.row, [float(v) for v in x]) for x, _ in everything)


def test_components_of_non_degenerate_games_are_points():
    bos = ng.Game([[3, 0], [0, 2]], [[2, 0], [0, 3]])
    components = bos.equilibrium_components()
    assert len(components) == 3
    assert not any(c.is_continuum for c in components)
    assert all(c.dimension == 0 for c in components)
    assert {(c.row_vertices[0], c.col_vertices[0]) for c in components} == exact_set(bos)
    assert {c.equilibria[0] for c in components} == set(bos.equilibria(exact=True))


def test_component_equilibria_pair_every_row_vertex_with_every_column_vertex():
    # Two identical rows and two identical columns: every profile is an equilibrium.
    game = ng.Game([[1, 1], [1, 1]], [[2, 2], [2, 2]])
    (component,) = game.equilibrium_components()
    assert len(component.row_vertices) == 2
    assert len(component.col_vertices) == 2
    assert component.dimension == 2
    assert {(e.row, e.col) for e in component.equilibria} == exact_set(game)
    assert len(component.equilibria) == 4


def test_float_payoffs_are_solved_exactly_as_the_decimals_they_print_as():
    # 0.1 + 0.2 is not 0.3 in binary; read as decimals, the mixed equilibrium is exact.
    game = ng.Game([[0.3, 0], [0, 0.1]], [[0.1, 0], [0, 0.3]])
    mixed = [eq for eq in game.equilibria() if not eq.is_pure]
    assert len(game.equilibria()) == 3
    np.testing.assert_allclose(mixed[0].row, [0.75, 0.25], atol=1e-15)
    np.testing.assert_allclose(mixed[0].col, [0.25, 0.75], atol=1e-15)


# ---------------------------------------------------------------------- regressions
def run_with_deadline(call, seconds: float = 20.0):
    """Run ``call`` in a daemon thread; fail (rather than hang the suite) if it does not return."""
    import threading

    box: dict[str, object] = {}
    thread = threading.Thread(target=lambda: box.setdefault("result", call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"did not return within {seconds} s"
    return box["result"]


@pytest.mark.parametrize(
    ("rows", "cols", "expected"),
    [
        ([[5]], [[5]], ((1,), (1,))),
        ([[5], [3]], [[5], [1]], ((1, 0), (1,))),
        ([[1, 2, 3]], [[3, 1, 3]], ((1,), (1, 0, 0))),
        ([[0], [0]], [[-3], [3]], ((1, 0), (1,))),
    ],
    ids=["1x1", "2x1", "1x3-tie", "2x1-tie"],
)
def test_lemke_howson_returns_one_equilibrium_where_nashpy_loops_or_crashes(rows, cols, expected):
    # nashpy 0.0.43's lemke_howson never returns on these games (n x 1) or raises
    # KeyError from inside (1 x n); the facade must answer with a correct equilibrium.
    game = ng.Game(rows, cols)
    (eq,) = run_with_deadline(lambda: game.equilibria("lemke_howson"))
    assert (tuple(eq.row), tuple(eq.col)) == expected
    assert eq.method == "vertex_enumeration"  # says how it was found


def test_lemke_howson_answer_on_a_non_degenerate_game_is_nashpys():
    bos = ng.Game([[3, 0], [0, 2]], [[2, 0], [0, 3]])
    (eq,) = bos.equilibria("lemke_howson")
    assert eq.method == "lemke_howson"
    assert (tuple(eq.row), tuple(eq.col)) == ((1.0, 0.0), (1.0, 0.0))


def test_support_enumeration_survives_float_rounding_in_a_non_degenerate_game():
    # nashpy's own support enumeration finds nothing here: its indifference solution
    # has -5.6e-17 off the support, and its best-response test compares floats with ==.
    game = ng.Game([[0, 0, 0, -1], [1, -1, -2, 2]], [[0, 0, 0, 1], [0, 0, 1, 0]])
    assert not game.is_degenerate
    expected = {((R(1, 2), R(1, 2)), (0, 0, R(3, 5), R(2, 5)))}
    assert exact_set(game) == expected
    assert_numeric_matches(game.equilibria("support_enumeration"), expected)
