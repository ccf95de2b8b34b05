"""The compiled 2x2 sweep pass (negotiation.solvers.batched.solve_2x2_coded).

It must give exactly what the numpy closed forms give (the fallback without
numba, and the path of ``batched.equilibria``): the same counts, degenerate
flags, outcomes in the same order and the same mixed probabilities, bit for
bit, on batches full of ties (small integer payoffs) and on random ones; and
a sweep through it must equal the same sweep through the numpy path.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.solvers import batched as K
from negotiation.sweeps import execute

pytestmark = pytest.mark.skipif(not K.solve_2x2_compiled(), reason="numba not installed")


def reference(A, B, tol):
    """The numpy path: closed forms, vertex enumeration at degenerate games, outcome codes."""
    N = A.shape[2]
    solved = K._solve_2x2(A.transpose(2, 0, 1), B.transpose(2, 0, 1), tol)
    keys, codes = execute._encode((solved.row_support, solved.col_support), (2, 2))
    outcomes = [keys[c] for c in codes]
    assert len(solved.counts) == N
    return solved, outcomes


def assert_same(A, B, tol=1e-9):
    solved, outcomes = reference(A, B, tol)
    coded = K.solve_2x2_coded(A, B, tol)
    assert coded.counts.tolist() == solved.counts.tolist()
    assert coded.degenerate.tolist() == solved.degenerate.tolist()
    assert [coded.keys[c] for c in coded.codes] == outcomes
    assert sorted(set(coded.keys)) == sorted(set(outcomes))  # only outcomes that occur
    np.testing.assert_array_equal(coded.mixed_row[:, 0], solved.mixed_row[:, 0])
    np.testing.assert_array_equal(coded.mixed_col[:, 0], solved.mixed_col[:, 0])
    return coded


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 400), st.sampled_from([1, 2, 3, 1000]))
def test_the_compiled_pass_equals_the_numpy_closed_forms(seed, N, spread):
    # spread 1 or 2: payoffs in {-1, 0, 1} or {-2..2}, most games tie somewhere
    rng = np.random.default_rng(seed)
    A = rng.integers(-spread, spread + 1, size=(2, 2, N)).astype(float)
    B = rng.integers(-spread, spread + 1, size=(2, 2, N)).astype(float)
    assert_same(A, B)


def test_continuous_payoffs_and_a_loose_tolerance():
    rng = np.random.default_rng(5)
    A, B = rng.normal(size=(2, 2, 2, 20_000))
    coded = assert_same(A, B)
    assert not coded.degenerate.any()
    assert set(coded.counts.tolist()) == {1, 3}  # nondegenerate 2x2 games
    assert_same(A, B, tol=0.05)  # many near-ties count as ties


def test_a_batch_of_degenerate_games_only():
    # every game ties: the zero game (four pure extreme equilibria) and matching pennies' edge
    A = np.zeros((2, 2, 3))
    B = np.zeros((2, 2, 3))
    A[:, :, 1] = [[1, 0], [1, 0]]
    B[:, :, 2] = [[1, 1], [0, 0]]
    coded = assert_same(A, B)
    assert coded.degenerate.all()
    assert coded.counts.tolist()[0] == 4


def test_a_sweep_through_the_compiled_pass_equals_the_numpy_path(monkeypatch):
    W, L, C = sp.symbols("W L C")
    chicken = ng.Game.symmetric([[0, -L], [W, -C]]).subs(W=2)
    grid = {"L": np.linspace(0, 10, 101), "C": np.linspace(0, 20, 201)}  # ties on C = L
    fast = ng.sweep(chicken, grid=grid, chunk_size=4096)
    monkeypatch.setattr(K, "solve_2x2_coded", lambda A, B, tol: None)
    slow = ng.sweep(chicken, grid=grid, chunk_size=4096)
    assert fast.degenerate.sum() == 101
    assert fast.outcomes == slow.outcomes
    np.testing.assert_array_equal(fast.n_equilibria, slow.n_equilibria)
    np.testing.assert_array_equal(fast.degenerate, slow.degenerate)
    np.testing.assert_array_equal(fast.codes, slow.codes)
    np.testing.assert_array_equal(fast.mixed_row, slow.mixed_row)
    np.testing.assert_array_equal(fast.mixed_col, slow.mixed_col)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(1, 7), min_size=1, max_size=4),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
)
def test_a_chunk_of_a_grid_takes_the_points_in_c_order(shape, a, b):
    # the columns are built by tiling and repeating the axes: the same values as
    # indexing each axis with numpy.unravel_index of the chunk's point numbers
    axes = tuple(np.arange(n) + 10.0 * (j + 1) for j, n in enumerate(shape))
    N = int(np.prod(shape))
    start, stop = sorted((a % N, b % N + 1))
    if start == stop:
        stop = start + 1
    chunk = execute._Chunk(None, "vertex_enumeration", 1e-9, start, stop, axes, None)
    index = np.unravel_index(np.arange(start, stop), tuple(shape))
    for got, axis, i in zip(chunk.columns(), axes, index, strict=True):
        np.testing.assert_array_equal(got, axis[i])
