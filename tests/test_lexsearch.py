"""Tests of the lexicographic vertex search (negotiation.solvers.lexsearch) and its two kernels.

Known answers first, then the compiled multi-modular kernel against the
plain-Python Bareiss search (the fallback without numba), then the exact
equilibrium solver through the fallback against the compiled path, and the
paths that fall back: too many labels for the kernel's masks, and a prime that
divides a pivot.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation.solvers import exact, lexsearch, lexsearch_numba

needs_numba = pytest.mark.skipif(not lexsearch_numba.available(), reason="numba not installed")


def brute_force_vertices(C: list[list[int]]) -> dict[int, tuple[Fraction, ...]]:
    """Every vertex of {z >= 0 : C z <= 1} by solving each choice of d tight constraints."""
    k, d = len(C), len(C[0])
    rows = [[Fraction(int(i == j)) for j in range(d)] + [Fraction(0)] for i in range(d)]
    rows += [[Fraction(v) for v in row] + [Fraction(1)] for row in C]
    found: dict[int, tuple[Fraction, ...]] = {}
    for chosen in itertools.combinations(range(d + k), d):
        M = [list(rows[i]) for i in chosen]
        for col in range(d):  # Gauss-Jordan in exact arithmetic
            pivot = next((r for r in range(col, d) if M[r][col] != 0), None)
            if pivot is None:
                break
            M[col], M[pivot] = M[pivot], M[col]
            M[col] = [v / M[col][col] for v in M[col]]
            for r in range(d):
                if r != col and M[r][col] != 0:
                    M[r] = [a - M[r][col] * b for a, b in zip(M[r], M[col], strict=True)]
        else:
            z = tuple(M[r][d] for r in range(d))
            slack = [1 - sum(c * v for c, v in zip(row, z, strict=True)) for row in C]
            if min(z) < 0 or min(slack) < 0:
                continue
            mask = sum(1 << v for v in range(d) if z[v] == 0)
            mask |= sum(1 << (d + r) for r in range(k) if slack[r] == 0)
            found[mask] = z
    return found


def as_points(found: lexsearch.PolytopeVertices, C: list[list[int]]) -> dict[int, tuple]:
    """Mask -> exact point, the numerators scaled so that a tight constraint is 1."""
    d = len(C[0])
    out = {}
    for i, mask in enumerate(found.masks):
        u = found.numerators(i)
        tight = mask >> d
        if tight == 0:
            out[mask] = tuple(Fraction(0) for _ in u)
            continue
        r = (tight & -tight).bit_length() - 1
        scale = sum(c * v for c, v in zip(C[r], u, strict=True))
        out[mask] = tuple(Fraction(v, scale) for v in u)
    return out


positive_matrices = st.integers(1, 4).flatmap(
    lambda k: st.integers(1, 4).flatmap(
        lambda d: st.lists(
            st.lists(st.integers(1, 4), min_size=d, max_size=d), min_size=k, max_size=k
        )
    )
)


def test_known_vertices_of_a_square():
    found = lexsearch.vertices_python([[2, 1], [1, 2]])
    assert as_points(found, [[2, 1], [1, 2]]) == {
        0b0011: (0, 0),
        0b0110: (Fraction(1, 2), 0),
        0b1001: (0, Fraction(1, 2)),
        0b1100: (Fraction(1, 3), Fraction(1, 3)),
    }


@settings(max_examples=150, deadline=None)
@given(positive_matrices)
def test_python_search_finds_every_vertex_with_its_labels(C):
    # small entries make many ties: degenerate vertices with several bases
    assert as_points(lexsearch.vertices_python(C), C) == brute_force_vertices(C)


@needs_numba
@settings(max_examples=150, deadline=None)
@given(positive_matrices)
def test_compiled_search_equals_brute_force(C):
    found = lexsearch_numba.vertices_compiled(C)
    assert found is not None
    assert as_points(found, C) == brute_force_vertices(C)


@needs_numba
@pytest.mark.parametrize(("size", "high"), [(6, 3), (8, 3), (7, 2001), (9, 2001)])
def test_compiled_search_equals_python_search_on_larger_polytopes(size, high):
    # entries up to 2001 need several primes (the minors run to ~100 bits)
    rng = np.random.default_rng(size * high)
    C = rng.integers(1, high + 1, size=(size, size)).tolist()
    compiled = lexsearch_numba.vertices_compiled(C)
    assert compiled is not None
    assert (lexsearch_numba._primes_needed(C) > 1) == (high > 3)
    assert as_points(compiled, C) == as_points(lexsearch.vertices_python(C), C)


@needs_numba
def test_a_prime_that_divides_a_pivot_is_replaced():
    q = lexsearch_numba._primes()[0]  # the first pivot is C[0][0] itself: q divides it
    C = [[q, 3], [5, q + 2]]
    found = lexsearch_numba.vertices_compiled(C)
    assert found is not None
    assert as_points(found, C) == brute_force_vertices(C)


def test_too_many_labels_fall_back_to_python():
    C = [[1 + (i + j) % 3 for j in range(40)] for i in range(30)]  # 70 variables and slacks
    assert lexsearch_numba.vertices_compiled(C) is None
    C_small = [[1, 2, 3] * 21]  # 63 columns and 1 row: 64 labels
    found = lexsearch.vertices(C_small)
    assert len(found.masks) == 64  # the origin and one vertex per axis


def test_signs_of_small_and_large_values_are_exact():
    if not lexsearch_numba.available():
        pytest.skip("numba not installed")
    primes = np.array(lexsearch_numba._primes()[:3], dtype=np.int64)
    inverses, half = lexsearch_numba._mixed_radix_tables(primes.tolist())
    M, _ = lexsearch_numba._crt_coefficients(primes.tolist())
    weights0 = [pow(M // q, -1, q) for q in primes.tolist()]
    q_inverses = 1.0 / primes.astype(float)
    for X in [1, -1, 7, -7, 2**40 + 3, -(2**40) - 3, M // 4 - 1, -(M // 4) + 1]:
        for D in [1, 3, 2**31 + 11]:
            x = np.array([X * pow(D, -1, q) % q for q in primes.tolist()], dtype=np.int64)
            Dr = np.array([D % q for q in primes.tolist()], dtype=np.int64)
            w = np.array([D * w % q for w, q in zip(weights0, primes.tolist(), strict=True)])
            sign = lexsearch_numba._sign(
                x, Dr, w, primes, q_inverses, inverses, half, np.empty(6, dtype=np.int64)
            )
            assert sign == (1 if X > 0 else -1), (X, D)


integer_games = st.integers(1, 4).flatmap(
    lambda m: st.integers(1, 4).flatmap(
        lambda n: st.tuples(
            st.lists(st.lists(st.integers(-2, 2), min_size=n, max_size=n), min_size=m, max_size=m),
            st.lists(st.lists(st.integers(-2, 2), min_size=n, max_size=n), min_size=m, max_size=m),
        )
    )
)


@settings(max_examples=100, deadline=None)
@given(integer_games)
def test_exact_solver_gives_the_same_answer_without_numba(game):
    A, B = game
    compiled = (exact.equilibrium_vertex_pairs(A, B), exact.is_degenerate(A, B))
    saved = lexsearch_numba.numba
    lexsearch_numba.numba = None  # as if numba were not installed
    try:
        assert lexsearch_numba.vertices_compiled([[1]]) is None
        fallback = (exact.equilibrium_vertex_pairs(A, B), exact.is_degenerate(A, B))
    finally:
        lexsearch_numba.numba = saved
    assert fallback == compiled
