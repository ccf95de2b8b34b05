"""The compiled kernels behind the speed work, against the exact reference solvers.

* the float lexicographic search of the numeric default finds the same
  extreme equilibria as the exact enumeration, on degenerate and
  nondegenerate games, and declines (hands over to the exact solver) instead
  of guessing;
* the exact kernel's float filter changes no answer: it equals the
  plain-Python Bareiss search, also where the floats lose every digit (huge
  entries) and must be recomputed from the residues;
* the compiled equilibrium check of Lemke-Howson agrees with numpy's.
"""

from __future__ import annotations

import random
from fractions import Fraction

import numpy as np
import pytest

import negotiation as ng
from negotiation.solvers import exact, lemke_howson, lexsearch, lexsearch_numba, numeric

needs_numba = pytest.mark.skipif(not lexsearch_numba.available(), reason="numba not installed")


def exact_as_floats(A: np.ndarray, B: np.ndarray) -> list[tuple[list[float], list[float]]]:
    return [
        ([float(v) for v in x], [float(v) for v in y])
        for x, y in exact.extreme_equilibria(A.tolist(), B.tolist())
    ]


@needs_numba
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("payoffs", [(0, 1), (0, 2), (-1000, 1000)])
def test_float_search_finds_the_exact_extreme_equilibria(seed, payoffs):
    rng = np.random.default_rng(seed)
    for _ in range(15):
        m, n = rng.integers(2, 8, size=2)
        A = rng.integers(payoffs[0], payoffs[1] + 1, size=(m, n))
        B = rng.integers(payoffs[0], payoffs[1] + 1, size=(m, n))
        found = numeric.float_extreme_equilibria(A.astype(float), B.astype(float), 1e-9)
        assert found is not None
        want = exact_as_floats(A, B)
        assert len(found) == len(want)
        for (x, y), (u, v) in zip(found, want, strict=True):
            assert x.tolist() == pytest.approx(u, abs=1e-12)
            assert y.tolist() == pytest.approx(v, abs=1e-12)


@needs_numba
def test_default_solve_of_a_degenerate_game_is_complete_and_snapped():
    # every row pays 1 against column 0: a continuum, with extreme equilibria of unequal supports
    game = ng.Game([[1, 0, 2], [1, 2, 0], [1, 1, 1]], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    numeric_eqs = game.equilibria()
    exact_eqs = game.equilibria(exact=True)
    assert [eq.row.tolist() for eq in numeric_eqs] == [
        [float(v) for v in eq.row] for eq in exact_eqs
    ]
    assert [eq.col.tolist() for eq in numeric_eqs] == [
        [float(v) for v in eq.col] for eq in exact_eqs
    ]


@needs_numba
def test_float_search_declines_a_decision_too_close_to_call():
    eps = 1e-11  # a payoff difference between FLOAT_ZERO and FLOAT_GRAY of the scale
    A = np.array([[1.0, 0.0], [1.0 + eps, 0.0]])
    assert numeric.float_extreme_equilibria(A, A.T.copy(), 1e-9) is None
    # and the default solve still answers, exactly, then as floats
    decimal = [[Fraction(repr(v)) for v in row] for row in A.tolist()]
    transposed = [list(col) for col in zip(*decimal, strict=True)]
    want = [
        ([float(v) for v in x], [float(v) for v in y])
        for x, y in exact.extreme_equilibria(decimal, transposed)
    ]
    game = ng.Game(A.tolist(), A.T.tolist())
    assert [(e.row.tolist(), e.col.tolist()) for e in game.equilibria()] == want


@needs_numba
@pytest.mark.parametrize("high", [3, 2001, 10**15, 10**30])
def test_filtered_exact_kernel_equals_the_python_search(high):
    rng = random.Random(high)
    for _ in range(25):
        k, d = rng.randint(1, 6), rng.randint(1, 6)
        C = [[rng.randint(1, high) for _ in range(d)] for _ in range(k)]
        compiled = lexsearch_numba.vertices_compiled(C)
        python = lexsearch.vertices_python(C)
        assert compiled is not None
        assert sorted(compiled.masks) == sorted(python.masks)
        for i, mask in enumerate(compiled.masks):
            u = compiled.numerators(i)
            w = python.numerators(python.masks.index(mask))
            # the same point: proportional numerators
            assert all(
                Fraction(a) * sum(w) == Fraction(b) * sum(u) for a, b in zip(u, w, strict=True)
            )


@needs_numba
def test_compiled_equilibrium_check_agrees_with_numpy():
    rng = np.random.default_rng(1)
    for _ in range(200):
        A, B = rng.integers(-3, 4, size=(2, 3, 4)).astype(float)
        x = rng.dirichlet(np.ones(3)) if rng.random() < 0.5 else np.eye(3)[rng.integers(3)]
        y = rng.dirichlet(np.ones(4)) if rng.random() < 0.5 else np.eye(4)[rng.integers(4)]
        assert lemke_howson.is_equilibrium(A, B, x, y, 1e-9) == numeric.is_equilibrium(
            A, B, x, y, 1e-9
        )
