"""Tests of the batched equilibrium kernels (negotiation.solvers.batched).

Known answers first (textbook games, then Gambit's reference equilibria), then
cross-checks: the 2x2 closed forms against batched vertex enumeration, and
both against the core's exact single-game solver, degenerate games included.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import negotiation as ng
from negotiation.solvers import batched as K

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"


def as_set(row, col, decimals=7):
    return sorted(
        (
            tuple(np.round(np.asarray(r, float), decimals)),
            tuple(np.round(np.asarray(c, float), decimals)),
        )
        for r, c in zip(row, col, strict=True)
    )


def batch_set(found, k):
    sel = found.point == k
    return as_set(found.row[sel], found.col[sel])


def core_set(A, B):
    """The core's answer: exact vertex enumeration of one game."""
    game = ng.Game(np.asarray(A).tolist(), np.asarray(B).tolist())
    eqs = game.equilibria()
    return as_set([e.row for e in eqs], [e.col for e in eqs]), game.is_degenerate


def is_equilibrium(A, B, x, y, tol=1e-7):
    return (x @ A @ y >= (A @ y).max() - tol) and (x @ B @ y >= (x @ B).max() - tol)


# ---------------------------------------------------------------------- known answers
PD = np.array([[3.0, 0.0], [5.0, 1.0]])
CHICKEN = np.array([[0.0, -3.0], [2.0, -10.0]])  # Game C, stylised: W = 2, L = 3, C = 10
MP = np.array([[1.0, -1.0], [-1.0, 1.0]])
RPS = np.array([[0.0, -1.0, 1.0], [1.0, 0.0, -1.0], [-1.0, 1.0, 0.0]])
# Game B, "Implementing Geneva" (domain brief, stylised): (H, S) is the unique equilibrium
GAME_B_US = np.array([[3.0, -2.0, -6.0], [4.0, -1.0, -4.0], [1.0, -3.0, -7.0]])
GAME_B_CN = np.array([[3.0, 4.0, 2.0], [-2.0, -1.0, -3.0], [-6.0, -4.0, -7.0]])


def test_prisoners_dilemma_has_one_pure_equilibrium():
    found = K.equilibria(PD, PD.T)
    assert found.counts.tolist() == [1]
    assert found.row.tolist() == [[0.0, 1.0]]
    assert found.payoffs.tolist() == [[1.0, 1.0]]
    assert not found.degenerate[0]


def test_chicken_has_two_pure_and_one_mixed_equilibrium():
    found = K.equilibria(CHICKEN, CHICKEN.T)
    assert found.counts.tolist() == [3]
    assert found.row[:2].tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert found.col[:2].tolist() == [[0.0, 1.0], [1.0, 0.0]]
    # each swerves with probability q = 7/9 (the opponent's indifference)
    np.testing.assert_allclose(found.row[2], [7 / 9, 2 / 9])
    np.testing.assert_allclose(found.col[2], [7 / 9, 2 / 9])
    np.testing.assert_allclose(found.payoffs[2], [-2 / 3, -2 / 3])
    assert found.row_support.tolist() == [1, 2, 3]
    assert found.col_support.tolist() == [2, 1, 3]


def test_matching_pennies_and_rock_paper_scissors_mix_uniformly():
    mp = K.equilibria(MP, -MP)
    np.testing.assert_allclose(mp.row, [[0.5, 0.5]])
    rps = K.equilibria(RPS, -RPS)
    assert rps.counts.tolist() == [1]
    np.testing.assert_allclose(rps.row, [[1 / 3] * 3])
    np.testing.assert_allclose(rps.col, [[1 / 3] * 3])
    np.testing.assert_allclose(rps.payoffs, [[0.0, 0.0]], atol=1e-12)


def test_game_b_has_unique_equilibrium_hold_slow_walk():
    found = K.equilibria(GAME_B_US, GAME_B_CN)
    assert found.counts.tolist() == [1]
    assert found.row.tolist() == [[0.0, 1.0, 0.0]]
    assert found.col.tolist() == [[0.0, 1.0, 0.0]]
    assert found.payoffs.tolist() == [[-1.0, -1.0]]


def test_a_batch_mixes_games_and_keeps_them_apart():
    A = np.stack([PD, CHICKEN, MP])
    B = np.stack([PD.T, CHICKEN.T, -MP])
    found = K.equilibria(A, B)
    assert found.counts.tolist() == [1, 3, 1]
    assert found.point.tolist() == [0, 1, 1, 1, 2]
    assert len(found) == 3


def test_degenerate_game_is_flagged_and_solved_in_full():
    # both players indifferent in one row: a continuum of equilibria
    A = np.array([[1.0, 1.0], [0.0, 0.0]])
    found = K.equilibria(A, A)
    assert found.degenerate.tolist() == [True]
    want, _ = core_set(A.astype(int), A.astype(int))
    assert batch_set(found, 0) == want


def test_outside_option_game_unequal_supports():
    # a degenerate 3x3 whose equilibria have supports of unequal size
    path = REFERENCE / "games" / "classic_degenerate_3x3_outside_option.json"
    if not path.exists():
        pytest.skip("the shared reference games are not available")
    game = json.loads(path.read_text())
    A, B = np.array(game["A"], float), np.array(game["B"], float)
    found = K.equilibria(A, B)
    assert found.degenerate.tolist() == [True]
    assert any(
        bin(int(r)).count("1") != bin(int(c)).count("1")
        for r, c in zip(found.row_support, found.col_support, strict=True)
    )


def reference_games():
    if not (REFERENCE / "games").exists():
        return []
    out = []
    for path in sorted((REFERENCE / "games").glob("*.json")):
        game = json.loads(path.read_text())
        if max(game["shape"]) <= K.MAX_SIZE:
            out.append(path.stem)
    return out


@pytest.mark.parametrize("name", reference_games() or ["missing"])
def test_every_extreme_equilibrium_of_the_reference_games(name):
    """Gambit's exact enumeration (enummixed, rational) of every reference game up to 4x4."""
    if name == "missing":
        pytest.skip("the shared reference games are not available")
    game = json.loads((REFERENCE / "games" / f"{name}.json").read_text())
    expected = json.loads((REFERENCE / "equilibria" / f"{name}.json").read_text())
    found = K.equilibria(np.array(game["A"], float), np.array(game["B"], float))
    want = sorted(
        set(
            as_set(
                [e["row_float"] for e in expected["extreme_equilibria"]],
                [e["col_float"] for e in expected["extreme_equilibria"]],
            )
        )
    )
    assert batch_set(found, 0) == want  # Gambit lists some degenerate equilibria twice


# ---------------------------------------------------------------------- pure and 2x2 kernels
def test_pure_equilibria_mask():
    mask = K.pure_equilibria(np.stack([PD, CHICKEN]), np.stack([PD.T, CHICKEN.T]))
    assert mask.astype(int).tolist() == [[[0, 0], [0, 1]], [[0, 1], [1, 0]]]


def test_mixed_2x2_closed_form_and_its_absence():
    row, col, exists = K.mixed_equilibria_2x2(np.stack([CHICKEN, PD]), np.stack([CHICKEN.T, PD.T]))
    assert exists.tolist() == [True, False]
    np.testing.assert_allclose(row[0], [7 / 9, 2 / 9])
    assert np.isnan(row[1]).all()
    assert np.isnan(col[1]).all()


def test_mixed_2x2_matches_core_closed_form():
    import sympy as sp

    W, L, C = sp.symbols("W L C", positive=True)
    game = ng.Game.symmetric([[0, -L], [W, -C]])
    symbolic = game.mixed_equilibrium().row
    values = {W: 2, L: 3, C: 10}
    row, _, _ = K.mixed_equilibria_2x2(CHICKEN, CHICKEN.T)
    np.testing.assert_allclose(row[0], [float(p.subs(values)) for p in symbolic])


def test_is_degenerate_known_answers():
    # the third game: the row player is indifferent against the first column
    tie = np.array([[1.0, 0.0], [1.0, 2.0]])
    A = np.stack([np.array([[1.0, 1.0], [0.0, 0.0]]), PD, tie])
    B = np.stack([np.array([[1.0, 1.0], [0.0, 0.0]]), PD.T, np.eye(2)])
    assert K.is_degenerate(A, B).tolist() == [True, False, True]
    assert ng.Game(tie.tolist(), np.eye(2).tolist()).is_degenerate


def test_support_dtype():
    assert K.support_dtype(8) is np.uint8
    assert K.support_dtype(9) is np.uint16
    assert K.support_dtype(64) is np.uint64
    with pytest.raises(ng.InvalidGameError, match="at most 64 strategies"):
        K.support_dtype(65)


def test_pure_method_handles_large_games():
    rng = np.random.default_rng(3)
    A = rng.integers(-3, 4, size=(20, 7, 6)).astype(float)
    B = rng.integers(-3, 4, size=(20, 7, 6)).astype(float)
    found = K.equilibria(A, B, method="pure")
    for k in range(20):
        want = ng.Game(A[k].astype(int).tolist(), B[k].astype(int).tolist()).equilibria(
            method="pure"
        )
        assert batch_set(found, k) == as_set([e.row for e in want], [e.col for e in want])


# ---------------------------------------------------------------------- cross-checks
def random_batch(rng, shape, N, integer):
    if integer:
        return (
            rng.integers(-2, 3, size=(N, *shape)).astype(float),
            rng.integers(-2, 3, size=(N, *shape)).astype(float),
        )
    return rng.normal(size=(N, *shape)), rng.normal(size=(N, *shape))


@pytest.mark.parametrize("integer", [False, True], ids=["generic", "degenerate-prone"])
def test_2x2_closed_forms_agree_with_vertex_enumeration(integer):
    rng = np.random.default_rng(11)
    A, B = random_batch(rng, (2, 2), 3000, integer)
    fast = K._expand(K._solve_2x2(A, B, 1e-9), A, B)
    slow = K._expand(K._solve_vertex(A, B, 1e-9), A, B)
    assert fast.counts.tolist() == slow.counts.tolist()
    assert fast.degenerate.tolist() == slow.degenerate.tolist()
    for k in range(len(A)):
        assert batch_set(fast, k) == batch_set(slow, k)


@pytest.mark.parametrize("shape", [(2, 2), (2, 3), (3, 3), (3, 4), (4, 4), (1, 3)])
@pytest.mark.parametrize("integer", [False, True], ids=["generic", "degenerate-prone"])
def test_batch_agrees_with_core_exact_solver(shape, integer):
    rng = np.random.default_rng(hash((shape, integer)) % 2**32)
    A, B = random_batch(rng, shape, 40, integer)
    found = K.equilibria(A, B)
    for k in range(len(A)):
        a, b = (A[k].astype(int), B[k].astype(int)) if integer else (A[k], B[k])
        want, degenerate = core_set(a, b)
        assert batch_set(found, k) == want
        assert bool(found.degenerate[k]) == degenerate


def test_batch_answer_does_not_depend_on_the_other_games():
    rng = np.random.default_rng(5)
    A, B = random_batch(rng, (3, 3), 200, integer=True)
    whole = K.equilibria(A, B)
    for k in (0, 17, 199):
        alone = K.equilibria(A[k : k + 1], B[k : k + 1])
        sel = whole.point == k
        np.testing.assert_array_equal(alone.row, whole.row[sel])
        np.testing.assert_array_equal(alone.col, whole.col[sel])
        assert alone.degenerate[0] == whole.degenerate[k]


small_games = st.tuples(st.integers(1, 4), st.integers(1, 4)).flatmap(
    lambda s: st.tuples(
        hnp.arrays(np.int64, s, elements=st.integers(-3, 3)),
        hnp.arrays(np.int64, s, elements=st.integers(-3, 3)),
    )
)


@settings(max_examples=60, deadline=None)
@given(small_games)
def test_property_kernel_equals_core_on_small_integer_games(game):
    """Small integer payoffs: many ties, so many degenerate games; the answer is still exact."""
    A, B = game
    found = K.equilibria(A.astype(float), B.astype(float))
    want, degenerate = core_set(A, B)
    assert batch_set(found, 0) == want
    assert bool(found.degenerate[0]) == degenerate
    for x, y in zip(found.row, found.col, strict=True):
        assert is_equilibrium(A, B, x, y)
        assert abs(x.sum() - 1) < 1e-12
        assert abs(y.sum() - 1) < 1e-12


@settings(max_examples=40, deadline=None)
@given(
    st.tuples(st.integers(2, 4), st.integers(2, 4)).flatmap(
        lambda s: st.tuples(
            hnp.arrays(float, s, elements=st.floats(-10, 10).map(lambda v: round(v, 2))),
            hnp.arrays(float, s, elements=st.floats(-10, 10).map(lambda v: round(v, 2))),
        )
    )
)
def test_property_payoffs_are_expected_payoffs(game):
    A, B = game
    found = K.equilibria(A, B)
    for x, y, (u, v) in zip(found.row, found.col, found.payoffs, strict=True):
        assert u == pytest.approx(x @ A @ y, abs=1e-9)
        assert v == pytest.approx(x @ B @ y, abs=1e-9)


# ---------------------------------------------------------------------- errors
def test_errors_name_the_problem():
    with pytest.raises(ng.InvalidGameError, match="same shape"):
        K.equilibria(np.zeros((2, 2)), np.zeros((2, 3)))
    with pytest.raises(ng.InvalidGameError, match="finite"):
        K.equilibria(np.array([[np.nan, 0.0], [0.0, 0.0]]), np.zeros((2, 2)))
    with pytest.raises(ng.InvalidGameError, match=r"up to 4x4.*method='pure'"):
        K.equilibria(np.zeros((5, 5)), np.zeros((5, 5)))
    with pytest.raises(ng.InvalidGameError, match="unknown method 'lemke'"):
        K.equilibria(PD, PD.T, method="lemke")
    with pytest.raises(ng.InvalidGameError, match="tol must be a non-negative"):
        K.equilibria(PD, PD.T, tol=-1)
    with pytest.raises(ng.InvalidGameError, match=r"shape \(N, m, n\)"):
        K.equilibria(np.zeros(4), np.zeros(4))
    with pytest.raises(ng.InvalidGameError, match="needs 2x2 games"):
        K.mixed_equilibria_2x2(RPS, -RPS)


@pytest.mark.parametrize("shape", [(3, 3), (3, 4), (4, 4)])
def test_compiled_and_numpy_vertex_search_agree_on_degenerate_batches(shape, monkeypatch):
    # payoffs in {0, 1, 2}: almost every game is degenerate, so each takes the pairing path;
    # the numpy twins of the three compiled loops must give the same equilibria
    rng = np.random.default_rng(sum(shape))
    A = rng.integers(0, 3, size=(300, *shape)).astype(float)
    B = rng.integers(0, 3, size=(300, *shape)).astype(float)
    compiled = K.equilibria(A, B)
    assert compiled.degenerate.mean() > 0.5
    from negotiation.solvers import lexsearch_numba

    monkeypatch.setattr(lexsearch_numba, "first_of_close", lambda *args: None)
    monkeypatch.setattr(lexsearch_numba, "complete_pairs", lambda *args: None)
    monkeypatch.setattr(lexsearch_numba, "polytope_vertices", lambda *args: None)
    monkeypatch.setattr(lexsearch_numba, "vertex_equilibria", lambda *args: None)
    plain = K.equilibria(A, B)
    assert compiled.counts.tolist() == plain.counts.tolist()
    for k in range(0, len(A), 7):
        assert batch_set(compiled, k) == batch_set(plain, k)


@pytest.mark.parametrize("shape", [(2, 2), (2, 3), (3, 3), (4, 3), (4, 4), (1, 4)])
@pytest.mark.parametrize("integer", [False, True], ids=["generic", "degenerate-prone"])
def test_fused_pass_equals_the_staged_kernels_bit_for_bit(shape, integer, monkeypatch):
    # the one compiled pass over the games (vertex_equilibria) against the staged kernels
    # (polytope_vertices, first_of_close, complete_pairs): the same arithmetic, so the
    # same equilibria in the same order, the same flags and the same bits
    from negotiation.solvers import lexsearch_numba

    if not lexsearch_numba.available():
        pytest.skip("numba not installed")
    rng = np.random.default_rng(sum(shape) + integer)
    A, B = random_batch(rng, shape, 2000, integer)
    # and a grid: one game with a payoff of each player moving, so neighbouring games are
    # alike and whole blocks of games share their infeasible candidates
    A0, B0 = random_batch(rng, shape, 1, integer)
    t = np.linspace(-3, 3, 2000)
    if integer:
        t = np.round(t)
    grid_A, grid_B = np.repeat(A0, len(t), axis=0), np.repeat(B0, len(t), axis=0)
    grid_A[:, 0, 0] = t
    grid_B[:, -1, -1] = -t
    A, B = np.concatenate([A, grid_A]), np.concatenate([B, grid_B])
    fused = K._solve_vertex(A, B, 1e-9)
    monkeypatch.setattr(lexsearch_numba, "vertex_equilibria", lambda *args: None)
    staged = K._solve_vertex(A, B, 1e-9)
    if integer:
        assert 0.2 < fused.degenerate.mean() < 1
    for name in ("counts", "degenerate", "point", "row_support", "col_support", "is_mixed"):
        np.testing.assert_array_equal(getattr(fused, name), getattr(staged, name), err_msg=name)
    np.testing.assert_array_equal(fused.mixed_row, staged.mixed_row)
    np.testing.assert_array_equal(fused.mixed_col, staged.mixed_col)
    assert fused.row_support.dtype == staged.row_support.dtype
