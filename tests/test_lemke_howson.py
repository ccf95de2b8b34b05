"""Tests of the Lemke-Howson kernel (negotiation.solvers.lemke_howson).

A known path first (von Stengel's dropped-label rule on Battle of the Sexes),
then properties: from every dropped label, on degenerate games too, the path
ends at an equilibrium (the lexicographic ratio test keeps it from cycling);
the compiled kernel and the plain-Python one follow the same path; a path cut
short by the iteration cap fails cleanly and the next label answers.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import negotiation as ng
from negotiation.solvers import lemke_howson as lh
from negotiation.solvers import numeric


def is_equilibrium(A, B, x, y, tol=1e-9):
    return numeric.is_equilibrium(A, B, x, y, tol)


def games(values):
    shapes = st.tuples(st.integers(2, 6), st.integers(2, 6))
    return shapes.flatmap(
        lambda s: st.tuples(
            hnp.arrays(np.float64, s, elements=values), hnp.arrays(np.float64, s, elements=values)
        )
    )


@pytest.fixture
def pure_python(monkeypatch):
    """The kernel's helpers as plain Python (as without numba)."""
    for name in ("_lex_min_ratio", "_pivot"):
        helper = getattr(lh, name)
        monkeypatch.setattr(lh, name, getattr(helper, "py_func", helper))


def test_battle_of_the_sexes_paths():
    A = np.array([[3.0, 0.0], [0.0, 2.0]])
    B = np.array([[2.0, 0.0], [0.0, 3.0]])
    ends = [lh.lemke_howson_path(A, B, label) for label in range(4)]
    pure = [((1.0, 0.0), (1.0, 0.0)), ((0.0, 1.0), (0.0, 1.0))]
    # dropping label 0 or 2 ends at (T, L); label 1 or 3 at (B, R)
    assert [(tuple(x), tuple(y)) for x, y in ends] == [pure[0], pure[1], pure[0], pure[1]]


@settings(max_examples=150, deadline=None)
@given(games(st.sampled_from([0.0, 1.0])))
def test_every_label_ends_at_an_equilibrium_on_degenerate_games(game):
    # payoffs in {0, 1}: ties everywhere, where a path without the lexicographic
    # rule can cycle (nashpy's never returns on some of these)
    A, B = game
    for label in range(sum(A.shape)):
        found = lh.lemke_howson_path(A, B, label, max_iterations=10_000)
        assert found is not None, label
        assert is_equilibrium(A, B, *found), label


@settings(max_examples=60, deadline=None)
@given(games(st.integers(-5, 5).map(float)))
def test_compiled_and_plain_python_follow_the_same_path(game):
    A, B = game
    compiled = [lh.lemke_howson_path(A, B, k) for k in range(sum(A.shape))]
    plain = [lh.lemke_howson_path(A, B, k, compiled=False) for k in range(sum(A.shape))]
    for one, other in zip(compiled, plain, strict=True):
        assert (one is None) == (other is None)
        if one is not None:
            np.testing.assert_allclose(one[0], other[0])
            np.testing.assert_allclose(one[1], other[1])


def test_plain_python_helpers_give_the_same_equilibrium(pure_python):
    rng = np.random.default_rng(7)
    A, B = rng.integers(-9, 10, size=(2, 5, 4)).astype(float)
    x, y = lh.lemke_howson_path(A, B, 0, compiled=False)
    assert is_equilibrium(A, B, x, y)
    assert lh._lex_min_ratio.__module__ == lh.__name__  # really the Python function


@pytest.mark.parametrize("compiled", [True, False])
def test_iteration_cap_fails_the_path_and_the_next_label_answers(compiled):
    rng = np.random.default_rng(3)
    A, B = rng.integers(-9, 10, size=(2, 6, 6)).astype(float)
    assert lh.lemke_howson_path(A, B, 0, max_iterations=1) is None  # needs more pivots
    # the smallest cap under which label 0's path is cut short but a later one ends
    cap, later = next(
        (k, label)
        for k in range(1, 50)
        if lh.lemke_howson_path(A, B, 0, max_iterations=k) is None
        for label in range(1, 12)
        if lh.lemke_howson_path(A, B, label, max_iterations=k) is not None
    )
    assert all(lh.lemke_howson_path(A, B, k, max_iterations=cap) is None for k in range(later))
    x, y, (u, v) = lh.first_equilibrium(A, B, 1e-9, max_iterations=cap, compiled=compiled)
    expected = lh.lemke_howson_path(A, B, later, max_iterations=cap)
    np.testing.assert_allclose(x, expected[0], atol=1e-12)
    np.testing.assert_allclose(y, expected[1], atol=1e-12)
    assert is_equilibrium(A, B, x, y)
    assert (u, v) == pytest.approx((x @ A @ y, x @ B @ y))
    # a cap no path can meet: every label fails, and the answer says so
    assert lh.first_equilibrium(A, B, 1e-9, max_iterations=0, compiled=compiled) is None


@settings(max_examples=60, deadline=None)
@given(games(st.integers(-5, 5).map(float)))
def test_first_equilibrium_is_the_first_label_whose_path_ends_at_an_equilibrium(game):
    A, B = game
    x, y, (u, v) = lh.first_equilibrium(A, B, 1e-9)
    for label in range(sum(A.shape)):
        end = lh.lemke_howson_path(A, B, label)
        if end is not None and is_equilibrium(A, B, *end):
            break
    np.testing.assert_allclose(x, np.where(np.abs(end[0]) <= 1e-9, 0.0, end[0]), atol=1e-12)
    np.testing.assert_allclose(y, np.where(np.abs(end[1]) <= 1e-9, 0.0, end[1]), atol=1e-12)
    assert (u, v) == pytest.approx((x @ A @ y, x @ B @ y), abs=1e-9)
    plain = lh.first_equilibrium(A, B, 1e-9, compiled=False)
    np.testing.assert_allclose(plain[0], x)
    np.testing.assert_allclose(plain[1], y)


def test_the_facade_answers_large_games():
    rng = np.random.default_rng(50)
    A, B = rng.integers(-1000, 1001, size=(2, 50, 50))
    (eq,) = ng.Game(A.tolist(), B.tolist()).equilibria("lemke_howson")
    assert eq.method == "lemke_howson"
    assert is_equilibrium(A.astype(float), B.astype(float), eq.row, eq.col, 1e-6)
