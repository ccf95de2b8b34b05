"""Logit quantal response equilibria: the principal branch, its limit, fixed lambdas, the fit.

Known answers are derived by hand (uniform play at lambda = 0, the
prisoner's dilemma's QRE in closed form, matching pennies), properties encode
the theory (every point on the branch is a logit fixed point, the limit is a
Nash equilibrium, the fit recovers the lambda the data were simulated at),
and Gambit's own answers (``pygambit.nash.logit_solve`` and
``pygambit.qre.logit_solve_lambda``) are the reference for N-player games.
"""

from __future__ import annotations

import json
import math
import string
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation.solvers.logit as logit
from negotiation.errors import InvalidGameError, NegotiationError, PathFollowingError
from negotiation.solvers.logit import (
    QREFit,
    QREPath,
    fit_qre,
    logit_limit,
    logit_path,
    quantal_response,
    quantal_responses,
)

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "nplayer"

PD = [np.array([[3.0, 0.0], [5.0, 1.0]]), np.array([[3.0, 5.0], [0.0, 1.0]])]
PENNIES = [np.array([[1.0, -1.0], [-1.0, 1.0]]), np.array([[-1.0, 1.0], [1.0, -1.0]])]


# ----------------------------------------------------------------------------- helpers
def expected_payoffs(payoffs: list[np.ndarray], profile: list[np.ndarray]) -> list[np.ndarray]:
    """Each player's payoff of each strategy against the others (einsum, not the kernel's)."""
    n = len(payoffs)
    letters = string.ascii_lowercase[:n]
    out = []
    for i, a in enumerate(payoffs):
        others = [m for m in range(n) if m != i]
        spec = letters + "," + ",".join(letters[m] for m in others) + "->" + letters[i]
        out.append(np.einsum(spec, a, *(profile[m] for m in others)))
    return out


def logit_residual(payoffs: list[np.ndarray], lam: float, profile: list[np.ndarray]) -> float:
    """``max |p - softmax(lam * u(p))|`` over players and strategies."""
    worst = 0.0
    for p, u in zip(profile, expected_payoffs(payoffs, profile), strict=True):
        z = lam * (u - u.max())
        q = np.exp(z) / np.exp(z).sum()
        worst = max(worst, float(np.abs(p - q).max()))
    return worst


def regret(payoffs: list[np.ndarray], profile: list[np.ndarray]) -> float:
    return max(
        float(u.max() - p @ u)
        for p, u in zip(profile, expected_payoffs(payoffs, profile), strict=True)
    )


def payoff_range(payoffs: list[np.ndarray]) -> float:
    return max(float(a.max()) for a in payoffs) - min(float(a.min()) for a in payoffs)


def random_game(shape: tuple[int, ...], seed: int, low: int = -10) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.integers(low, 11, size=shape).astype(float) for _ in shape]


def turning_game() -> list[np.ndarray]:
    """A 3x3 game whose principal branch bends back: lambda rises to about 4.66,
    falls to about 2.2, then rises for good (found by a seeded search)."""
    rng = np.random.default_rng(186)
    return [rng.integers(-5, 6, size=(3, 3)).astype(float) for _ in range(2)]


def path_residual_ok(payoffs: list[np.ndarray], path: QREPath) -> None:
    scale = payoff_range(payoffs)
    for k in range(len(path)):
        lam = float(path.lambdas[k])
        # the fixed point's condition number grows like lam * range: rounding allows that much
        bound = 1e-8 + 1e-14 * lam * scale
        assert logit_residual(payoffs, lam, list(path.profile(k))) < bound, (k, lam)


# ----------------------------------------------------------------------------- known answers
@pytest.mark.parametrize(
    "shape",
    [(2, 3), (3, 3), (2, 2, 2), (3, 2, 4), (2, 2, 2, 2)],
    ids=lambda s: "x".join(map(str, s)),
)
def test_lambda_zero_is_uniform(shape: tuple[int, ...]) -> None:
    game = random_game(shape, seed=sum(shape))
    for profile in (quantal_response(game, 0.0), logit_path(game, lam_max=1.0).profile(0)):
        for p, n in zip(profile, shape, strict=True):
            np.testing.assert_allclose(p, np.full(n, 1 / n), rtol=0, atol=1e-15)
    assert logit_path(game, lam_max=1.0).lambdas[0] == 0.0


def test_prisoners_dilemma_qre_in_closed_form() -> None:
    # Symmetric: p = P(defect) solves p / (1 - p) = exp(lam * (2 - p)), since
    # u(D) - u(C) = 2(1 - p) + p against an opponent defecting with probability p.
    for lam in (0.3, 1.0, 2.5):
        p_row, p_col = quantal_response(PD, lam)
        p = p_row[1]
        assert p / (1 - p) == pytest.approx(math.exp(lam * (2 - p)), rel=1e-10)
        np.testing.assert_allclose(p_row, p_col, atol=1e-12)


def test_matching_pennies_stays_uniform_and_its_limit_is_the_mixed_equilibrium() -> None:
    for lam in (0.5, 3.0, 50.0):
        for p in quantal_response(PENNIES, lam):
            np.testing.assert_allclose(p, [0.5, 0.5], atol=1e-12)
    limit = logit_limit(PENNIES)
    assert limit.refined
    for p in limit.strategies:
        np.testing.assert_allclose(p, [0.5, 0.5], atol=1e-12)


def test_asymmetric_pennies_limit_is_the_mixed_equilibrium() -> None:
    # Row matches, column mismatches; row's payoff 3 on (0, 0): the column player
    # mixes to make row indifferent, 3 y = 1 - y, so y = 1/4; row mixes x = 1/4 too.
    A = np.array([[3.0, 0.0], [0.0, 1.0]])
    limit = logit_limit([A, -A])
    assert limit.refined
    np.testing.assert_allclose(limit.strategies[0], [0.25, 0.75], atol=1e-12)
    np.testing.assert_allclose(limit.strategies[1], [0.25, 0.75], atol=1e-12)
    # and the branch itself converges there: at lambda = 1e4 it is within 1e-3
    far = quantal_response([A, -A], 1e4)
    np.testing.assert_allclose(far[0], [0.25, 0.75], atol=1e-3)


def test_unique_pure_equilibrium_is_the_limit() -> None:
    limit = logit_limit(PD)
    assert limit.refined
    assert limit.max_regret == 0.0
    assert [p.tolist() for p in limit.strategies] == [[0.0, 1.0], [0.0, 1.0]]


def test_dominance_solvable_three_player_game() -> None:
    # Strategy 1 strictly dominates 0 for every player (a 3-player public-goods
    # dilemma): each gains 1 by playing 1 whatever the others do.
    shape = (2, 2, 2)
    base = np.add.outer(np.add.outer([0.0, 0.0], [0.0, -2.0]), [0.0, -2.0])
    payoffs = []
    for i in range(3):
        own = np.moveaxis(np.broadcast_to(np.array([0.0, 1.0]), shape), -1, i)
        payoffs.append(own + np.moveaxis(base, 0, i))
    limit = logit_limit(payoffs)
    assert limit.refined
    assert [p.tolist() for p in limit.strategies] == [[0.0, 1.0]] * 3
    assert regret(payoffs, list(limit.strategies)) == 0.0


@pytest.mark.parametrize(
    ("shape", "seed"),
    [((3, 3), 1), ((2, 2, 2), 2), ((3, 3, 3), 3), ((2, 2, 2, 2), 4), ((2,) * 5, 5)],
)
def test_limit_is_a_nash_equilibrium(shape: tuple[int, ...], seed: int) -> None:
    game = random_game(shape, seed)
    limit = logit_limit(game)
    profile = list(limit.strategies)
    for p in profile:
        assert p.min() >= 0
        assert p.sum() == pytest.approx(1.0, abs=1e-12)
    assert regret(game, profile) <= 1e-9 * payoff_range(game)
    assert limit.max_regret == pytest.approx(regret(game, profile), abs=1e-12)
    assert limit.refined


def test_regret_falls_to_zero_along_the_branch() -> None:
    game = random_game((3, 3, 3), seed=7)
    path = logit_path(game)
    regrets = [regret(game, list(path.profile(k))) for k in range(len(path))]
    assert regrets[-1] <= 1e-8 * payoff_range(game)  # the default stopping rule
    tail = regrets[len(regrets) // 2 :]
    assert max(tail) < regrets[0]
    # the path's end approaches the refined limit
    limit = logit_limit(game)
    end = path.profile(len(path) - 1)
    assert max(np.abs(a - b).max() for a, b in zip(end, limit.strategies, strict=True)) < 1e-6


# ----------------------------------------------------------------------------- the branch
@pytest.mark.parametrize(
    ("shape", "seed"), [((3, 3), 11), ((2, 2, 2), 12), ((3, 3, 3), 13), ((2, 2, 2, 2), 14)]
)
def test_every_point_on_the_branch_is_a_logit_fixed_point(
    shape: tuple[int, ...], seed: int
) -> None:
    game = random_game(shape, seed)
    path = logit_path(game)
    assert len(path) > 5
    path_residual_ok(game, path)


def test_branch_through_turning_points() -> None:
    game = turning_game()
    path = logit_path(game, lam_max=20.0)
    lambdas = path.lambdas
    assert np.any(np.diff(lambdas) < 0), "the branch should bend back"
    assert lambdas.max() == 20.0
    assert lambdas[-1] == 20.0
    path_residual_ok(game, path)
    # the branch is continuous: consecutive points are close
    steps = [
        max(np.abs(a - b).max() for a, b in zip(path.profile(k), path.profile(k + 1), strict=True))
        for k in range(len(path) - 1)
    ]
    assert max(steps) < 0.5


def test_qre_at_a_lambda_is_the_first_crossing_and_matches_gambit() -> None:
    # pygambit 16.7.0, qre.logit_solve_lambda(Game.from_arrays(*turning_game()), [1.0, 4.0])
    gambit = {
        1.0: [
            [0.0010253742, 0.7407485157, 0.2582261101],
            [0.6469682872, 0.0433174129, 0.3097142999],
        ],
        4.0: [[0.0, 0.3536066309, 0.6463933691], [0.7755622042, 0.0359257954, 0.1885120004]],
    }
    game = turning_game()
    for lam, expected in gambit.items():
        for p, q in zip(quantal_response(game, lam), expected, strict=True):
            np.testing.assert_allclose(p, q, atol=1e-8)
    # lambda = 4 is crossed three times; the answer is the first crossing's QRE
    path = logit_path(game, lam_max=20.0)
    above = path.lambdas >= 4.0
    first = int(np.argmax(above))
    qre = quantal_response(game, 4.0)
    d_first = max(np.abs(a - b).max() for a, b in zip(qre, path.profile(first), strict=True))
    later = [k for k in range(first + 1, len(path) - 1) if above[k] != above[k + 1]]
    assert len(later) >= 2
    for k in later:
        d = max(np.abs(a - b).max() for a, b in zip(qre, path.profile(k), strict=True))
        assert d > 10 * d_first


def test_path_ends_exactly_at_lam_max() -> None:
    path = logit_path(PD, lam_max=2.0)
    assert path.lambdas[-1] == 2.0
    np.testing.assert_allclose(
        path.profile(len(path) - 1)[0], quantal_response(PD, 2.0)[0], atol=1e-12
    )
    assert len(logit_path(PD, lam_max=0.0)) == 1


def test_quantal_responses_one_trace_in_the_order_given() -> None:
    game = random_game((2, 2, 2), seed=21)
    lams = [2.0, 0.5, 0.0, 2.0, 5.0]
    table = quantal_responses(game, lams)
    assert table.lambdas.tolist() == lams
    for k, lam in enumerate(lams):
        for p, q in zip(table.profile(k), quantal_response(game, lam), strict=True):
            np.testing.assert_allclose(p, q, atol=1e-10)


def test_scale_free_lambda_in_the_users_units() -> None:
    # Multiplying payoffs by c and adding d leaves the QRE at lam / c unchanged.
    game = random_game((3, 2, 2), seed=31)
    scaled = [1000.0 * a - 7.0 for a in game]
    for p, q in zip(quantal_response(game, 1.5), quantal_response(scaled, 0.0015), strict=True):
        np.testing.assert_allclose(p, q, atol=1e-10)
    big, small = logit_limit(scaled), logit_limit(game)
    assert 1000.0 * big.lam == pytest.approx(small.lam, rel=1e-9)
    for p, q in zip(big.strategies, small.strategies, strict=True):
        np.testing.assert_allclose(p, q, atol=1e-12)


def test_player_by_player_contraction_agrees_with_the_dense_tensor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    game = random_game((3, 2, 2, 2), seed=41)
    dense = logit_path(game, lam_max=5.0)
    monkeypatch.setattr(logit, "DENSE_ENTRIES", 0)
    assert logit._System(game).dense is None
    looped = logit_path(game, lam_max=5.0)
    assert len(looped) == len(dense)
    for a, b in zip(looped.probabilities, dense.probabilities, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-10)


def test_degenerate_games() -> None:
    # constant payoffs: uniform play for every lambda, and that is an equilibrium
    flat = [np.zeros((2, 3)), np.ones((2, 3))]
    assert [p.tolist() for p in quantal_response(flat, 10.0)] == [[0.5, 0.5], [1 / 3] * 3]
    assert logit_limit(flat).refined
    # a player with one strategy
    single = [np.array([[1.0, 2.0, 0.0]]), np.array([[0.0, 1.0, 2.0]])]
    limit = logit_limit(single)
    assert [p.tolist() for p in limit.strategies] == [[1.0], [0.0, 0.0, 1.0]]
    # duplicated strategies share the probability equally
    A = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    B = np.array([[0.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    limit = logit_limit([A, B])
    np.testing.assert_allclose(limit.strategies[0], [0.25, 0.25, 0.5], atol=1e-10)
    assert regret([A, B], list(limit.strategies)) <= 1e-12


def tied_game(shape: tuple[int, ...], seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.integers(0, 3, size=shape).astype(float) for _ in shape]


@pytest.mark.parametrize(
    "game",
    [
        random_game((3, 3), 27),  # an unused best response in the limit
        random_game((6, 6), 15, low=-3),  # the branch ends in a continuum of equilibria
        tied_game((4, 3, 2), 1051),
        tied_game((8, 8), 1048),
    ],
    ids=["unused-best-response", "continuum", "ties-4x3x2", "ties-8x8"],
)
def test_degenerate_games_are_followed_to_an_equilibrium(game: list[np.ndarray]) -> None:
    # Far along the branch of such games the equations are ill-conditioned in
    # floating point; the branch is still followed until it is an approximate
    # equilibrium, and the limit is refined to an exact one.
    scale = payoff_range(game)
    path = logit_path(game)
    assert regret(game, list(path.profile(len(path) - 1))) <= 1e-6 * scale
    path_residual_ok(game, path)
    limit = logit_limit(game)
    assert limit.refined
    assert regret(game, list(limit.strategies)) <= 1e-9 * scale
    end = path.profile(len(path) - 1)
    assert max(np.abs(a - b).max() for a, b in zip(end, limit.strategies, strict=True)) < 1e-4


@settings(max_examples=20)
@given(
    shape=st.sampled_from([(2, 2), (2, 3), (3, 3), (1, 3), (2, 2, 2), (3, 2, 2)]),
    seed=st.integers(0, 10_000),
    lam=st.floats(0.0, 20.0),
)
def test_property_qre_is_a_fixed_point_and_limit_an_equilibrium(
    shape: tuple[int, ...], seed: int, lam: float
) -> None:
    game = random_game(shape, seed, low=-3)
    qre = list(quantal_response(game, lam))
    assert logit_residual(game, lam, qre) < 1e-9
    limit = logit_limit(game)
    assert regret(game, list(limit.strategies)) <= 1e-8 * max(payoff_range(game), 1.0)


# ----------------------------------------------------------------------------- estimation
@pytest.mark.parametrize(("shape", "seed", "lam"), [((3, 3), 51, 0.8), ((2, 2, 2), 52, 1.5)])
def test_fit_recovers_lambda_from_simulated_counts(
    shape: tuple[int, ...], seed: int, lam: float
) -> None:
    game = random_game(shape, seed)
    truth = quantal_response(game, lam)
    rng = np.random.default_rng(seed)
    counts = [rng.multinomial(200_000, p / p.sum()) for p in truth]
    fit = fit_qre(game, counts)
    assert fit.lam == pytest.approx(lam, rel=0.03)
    for p, q in zip(fit.strategies, truth, strict=True):
        np.testing.assert_allclose(p, q, atol=0.01)
    # the estimate is a local maximum of the likelihood along the branch
    for other in (fit.lam * 0.97, fit.lam * 1.03):
        profile = quantal_response(game, other)
        loglik = sum(float(c @ np.log(p)) for c, p in zip(counts, profile, strict=True))
        assert loglik < fit.log_likelihood


def test_fit_is_exact_for_counts_proportional_to_a_qre() -> None:
    game = random_game((3, 2, 2), seed=61)
    truth = quantal_response(game, 1.25)
    fit = fit_qre(game, [1000.0 * p for p in truth])
    assert fit.lam == pytest.approx(1.25, rel=1e-7)
    expected = sum(float(1000.0 * p @ np.log(p)) for p in truth)
    assert fit.log_likelihood == pytest.approx(expected, rel=1e-10)


def test_fit_when_the_data_are_the_limit() -> None:
    # Everyone defects in every observation: the likelihood rises all along the
    # branch, so the estimate is its end (a large lambda, near the equilibrium).
    fit = fit_qre(PD, [[0, 50], [0, 50]])
    assert fit.lam > 10
    assert fit.strategies[0][1] > 1 - 1e-6


def test_fit_with_lam_max_and_a_silent_player() -> None:
    game = random_game((3, 3), seed=71)
    truth = quantal_response(game, 3.0)
    fit = fit_qre(game, [1000 * truth[0], [0, 0, 0]], lam_max=1.0)
    assert fit.lam <= 1.0 + 1e-12
    capped = fit_qre(game, [1000 * truth[0], [0, 0, 0]])
    assert capped.lam == pytest.approx(3.0, rel=1e-6)


def test_fit_gives_a_table() -> None:
    fit = fit_qre(
        PD, [[20, 80], [30, 70]], players=("US", "China"), labels=(("C", "D"), ("C", "D"))
    )
    assert isinstance(fit, QREFit)
    table = fit.to_pandas()
    assert table.columns.tolist() == ["player", "strategy", "count", "observed", "probability"]
    assert table.player.tolist() == ["US", "US", "China", "China"]
    assert table.observed.tolist() == [0.2, 0.8, 0.3, 0.7]


# ----------------------------------------------------------------------------- results
def test_path_to_pandas_is_tidy() -> None:
    path = logit_path(PD, lam_max=1.0, players=("US", "China"), labels=(("C", "D"), ("C", "D")))
    table = path.to_pandas()
    assert table.columns.tolist() == ["lambda", "player", "strategy", "probability"]
    assert len(table) == 4 * len(path)
    totals = table.groupby(["lambda", "player"]).probability.sum()
    np.testing.assert_allclose(totals.to_numpy(), 1.0, atol=1e-12)
    last = table[table["lambda"] == 1.0].set_index(["player", "strategy"]).probability
    assert last["US", "D"] == pytest.approx(quantal_response(PD, 1.0)[0][1], abs=1e-12)


def test_default_names() -> None:
    three = logit_path(random_game((2, 2, 2), seed=1), lam_max=0.5)
    assert three.players == ("Player 1", "Player 2", "Player 3")
    assert three.labels == (("s0", "s1"),) * 3
    two = logit_path(PD, lam_max=0.5)
    assert two.players == ("Row", "Column")
    assert two.labels == (("r0", "r1"), ("c0", "c1"))


def test_results_are_immutable() -> None:
    path = logit_path(PD, lam_max=1.0)
    with pytest.raises(ValueError, match="read-only"):
        path.lambdas[0] = 3.0
    with pytest.raises(ValueError, match="read-only"):
        path.probabilities[0][0, 0] = 3.0
    with pytest.raises(AttributeError):
        path.lambdas = np.zeros(3)  # type: ignore[misc]
    with pytest.raises(ValueError, match="read-only"):
        logit_limit(PD).strategies[0][0] = 1.0


# ----------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: quantal_response(PD, -1.0), r"lam = -1.0 is not a valid precision.*>= 0"),
        (lambda: quantal_response(PD, float("nan")), "not a valid precision"),
        (lambda: quantal_response(PD, "big"), "must be a number"),  # type: ignore[arg-type]
        (lambda: logit_path(PD, lam_max=-2), "lam_max = -2 is not a valid precision"),
        (lambda: quantal_responses(PD, []), "non-empty sequence"),
        (lambda: quantal_response([PD[0]], 1.0), "at least two"),
        (
            lambda: quantal_response([PD[0], np.ones((2, 3))], 1.0),
            r"player 2's payoffs have shape \(2, 3\)",
        ),
        (lambda: quantal_response([np.ones((2, 2, 2))] * 2, 1.0), "needs 2 axes"),
        (lambda: quantal_response([PD[0], PD[1] * np.nan], 1.0), "NaN or infinite"),
        (lambda: quantal_response([["a", "b"], ["c", "d"]], 1.0), "numeric arrays"),
        (lambda: logit_path(PD, labels=(("a",), ("b", "c"))), "one label per strategy"),
        (lambda: logit_path(PD, players=("solo",)), "one per player"),
        (lambda: logit_path(PD, max_steps=0), "max_steps must be a positive integer"),
        (lambda: logit_path(PD, max_accel=1.0), "max_accel must be a number greater than 1"),
        (lambda: logit_path(PD, first_step=-1), "first_step must be a positive number"),
        (lambda: logit_limit(PD, max_regret=0), "max_regret must be a positive number"),
        (lambda: fit_qre(PD, [[1, 2]]), r"one vector per player \(2 players\), got 1"),
        (
            lambda: fit_qre(PD, [[1, 2], [1, 2, 3]]),
            r"player 2's counts have shape \(3,\).*2 strategies",
        ),
        (lambda: fit_qre(PD, [[1, -2], [1, 2]]), "finite and non-negative"),
        (lambda: fit_qre(PD, [[0, 0], [0, 0]]), "all counts are zero"),
        (lambda: fit_qre(PD, [[1, np.inf], [1, 2]]), "finite and non-negative"),
        (lambda: fit_qre(PD, np.array([[1, 2], [3, 4]])), "one vector per player"),
        (lambda: fit_qre(PD, [[1, "x"], [1, 2]]), "are not numbers"),
    ],
)
def test_bad_input_names_the_problem(call, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidGameError, match=match) as info:
        call()
    assert isinstance(info.value, NegotiationError)
    assert isinstance(info.value, ValueError)


def test_bounded_work() -> None:
    with pytest.raises(PathFollowingError, match=r"more than max_steps=3 steps.*raise max_steps"):
        logit_path(random_game((3, 3, 3), seed=3), max_steps=3)
    with pytest.raises(PathFollowingError, match="max_steps=2"):
        fit_qre(PD, [[1, 2], [3, 4]], max_steps=2)
    assert issubclass(PathFollowingError, RuntimeError)
    too_big = [np.zeros((40,) * 4)] * 4
    with pytest.raises(InvalidGameError, match="too large for the logit path"):
        logit_limit(too_big)
    with pytest.raises(InvalidGameError, match="400 strategies in all"):
        logit_limit([np.zeros((300, 300))] * 2)


def test_readable_summaries() -> None:
    path = logit_path(PD, lam_max=2.0)
    assert (
        repr(path) == f"QREPath({len(path)} points, lambda from 0 to 2, players=('Row', 'Column'))"
    )
    assert str(fit_qre(PD, [[1, 3], [2, 2]])).startswith("logit QRE fit: lambda = ")


# ----------------------------------------------------------------------------- Gambit's answers
def reference_cases() -> list[str]:
    if not (REFERENCE / "equilibria").is_dir():
        return []
    return sorted(p.stem for p in (REFERENCE / "equilibria").glob("*.json"))


def load_reference(name: str) -> tuple[list[np.ndarray], dict]:
    game = json.loads((REFERENCE / "games" / f"{name}.json").read_text())
    answers = json.loads((REFERENCE / "equilibria" / f"{name}.json").read_text())
    return [np.array(p, dtype=float) for p in game["payoffs"]], answers


@pytest.mark.parametrize("name", reference_cases() or ["(none)"])
def test_matches_gambits_logit_answers(name: str) -> None:
    if name == "(none)":
        pytest.skip(f"no N-player reference answers at {REFERENCE}")
    if not (REFERENCE / "games" / f"{name}.json").exists():
        pytest.skip(f"reference answers for {name} but no game file")
    payoffs, answers = load_reference(name)
    if "logit" not in answers:
        pytest.skip(f"{name}: the reference has no logit answers")
    reference = answers["logit"]
    scale = payoff_range(payoffs)
    fixed = [f for f in reference.get("fixed_lambda", []) if f.get("profile") is not None]
    if fixed:
        ours = quantal_responses(payoffs, [f["lambda"] for f in fixed])
        for k, f in enumerate(fixed):
            for p, q in zip(ours.profile(k), f["profile"], strict=True):
                np.testing.assert_allclose(p, q, atol=1e-7, err_msg=f"lambda = {f['lambda']}")
    limit = logit_limit(payoffs)
    profile = list(limit.strategies)
    assert regret(payoffs, profile) <= 1e-9 * scale
    gambit = reference["limit"]
    if gambit.get("ok"):
        for p, q in zip(profile, gambit["profile"], strict=True):
            np.testing.assert_allclose(p, q, atol=1e-5)
    else:
        # Gambit stopped early (e.g. at a bifurcation): ours must be one of the equilibria
        distances = [
            max(np.abs(p - np.array(q)).max() for p, q in zip(profile, eq["profile"], strict=True))
            for eq in answers["equilibria"]
        ]
        assert min(distances) < 1e-6
