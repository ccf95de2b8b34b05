"""Sweeps of games with three or more players: pure equilibria in batch.

The answers are checked three ways: against the hand-derived regimes of the
built-in three-party scenario (Japan as a third buyer of the same magnets),
against a single solve ``game.subs(point).equilibria(method="pure")`` at
random points of random three- and four-player games, and against a
brute-force tie check for the degenerate flag.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import product

import numpy as np
import pytest
import sympy as sp

import negotiation as ng
from negotiation.solvers import DEFAULT_TOL

a, b, c = sp.symbols("a b c")
HOLD_DELIVER = ("Hold", "Deliver", "Hedge")
SPIRAL = ("Escalate", "Target", "Hedge")
SQUEEZE = ("Escalate", "Squeeze", "Align")


@pytest.fixture(scope="module")
def third():
    return ng.load("rare_earth_third_party")


def random_game(rng, shape, symbols=(a, b, c)):
    """A game whose every payoff is an integer combination of the symbols plus a constant."""
    n = len(shape)
    tables = []
    for _ in range(n):
        coef = rng.integers(-3, 4, size=(*shape, len(symbols) + 1))
        entries = [
            sum(int(k) * s for k, s in zip(row[:-1], symbols, strict=True)) + int(row[-1])
            for row in coef.reshape(-1, len(symbols) + 1)
        ]
        tables.append(np.array(entries, dtype=object).reshape(shape).tolist())
    players = tuple(f"P{k}" for k in range(n))
    strategies = tuple(
        tuple(f"{p.lower()}s{i}" for i in range(k)) for p, k in zip(players, shape, strict=True)
    )
    return ng.Game(*tables, players=players, strategies=strategies)


def profiles(equilibria):
    return sorted(eq.profile for eq in equilibria)


def brute_force_tie(game):
    """Whether some player has two pure best responses to some profile of the others."""
    arrays = game.payoff_arrays()
    for p, u in enumerate(arrays):
        moved = np.moveaxis(u, p, -1).reshape(-1, game.shape[p])
        best = moved >= moved.max(axis=1, keepdims=True) - DEFAULT_TOL
        if (best.sum(axis=1) > 1).any():
            return True
    return False


def assert_matches_single_solves(result, indices):
    for i in indices:
        game = result.game.subs(result.point(int(i)))
        want = {eq.profile: eq for eq in game.equilibria(method="pure")}
        got = result.equilibria_at(int(i))
        assert profiles(got) == sorted(want)
        for eq in got:
            ref = want[eq.profile]
            assert eq.payoffs == pytest.approx(ref.payoffs, abs=1e-9)
            assert eq.supports == ref.supports
            assert all(
                np.array_equal(x, y) for x, y in zip(eq.strategies, ref.strategies, strict=True)
            )
            assert eq.method == "pure"
        assert bool(result.degenerate[int(i)]) == brute_force_tie(game)
        assert int(result.n_equilibria[int(i)]) == len(want)


# ---------------------------------------------------------------------- known regimes
def test_spiral_holds_exactly_where_retaliation_covers_the_escalation_cost(third):
    # hand-derived: given (Target, Hedge) the US gains retaliation_us - tariff_cost_us by
    # escalating; China prefers Target to Deliver against an escalation while
    # lever_cn + retaliation_cn = 3 >= re_withhold_cn = 2 (defaults); the truce always holds
    values = np.arange(0, 11, dtype=float)
    result = ng.sweep(
        third, grid={"retaliation_us": values, "tariff_cost_us": values}, method="pure"
    )
    point = result.points
    spiral = result.outcome_mask(SPIRAL)
    np.testing.assert_array_equal(spiral, point["retaliation_us"] >= point["tariff_cost_us"])
    assert result.outcome_mask(HOLD_DELIVER).all()
    # a tie is a degenerate point, and only a tie: the US is indifferent between holding and
    # escalating against a targeted cut when retaliation_us == tariff_cost_us, and against
    # deliveries when escalation costs nothing (tariff_cost_us == 0)
    np.testing.assert_array_equal(
        result.degenerate,
        (point["retaliation_us"] == point["tariff_cost_us"]) | (point["tariff_cost_us"] == 0),
    )
    assert result.outcomes == ("(Hold, Deliver, Hedge)", "(Escalate, Target, Hedge)")
    shares = result.share()
    assert shares["(Escalate, Target, Hedge)"] == pytest.approx(66 / 121)
    assert shares["(Hold, Deliver, Hedge)"] == 1.0


def test_squeeze_needs_deterrence_at_least_the_lost_sales(third):
    # (Escalate, Squeeze, Align): deter_cn >= re_withhold_jp_cn (= 2) and
    # adjustment_jp >= align_cost_jp (= 2), with retaliation_us = 4 >= 3 and
    # deter_cn + lever_cn + retaliation_cn >= re_withhold_cn + re_withhold_jp_cn
    grid = {"deter_cn": np.arange(0, 6, dtype=float), "adjustment_jp": np.arange(0, 6.0)}
    result = ng.sweep(third, grid=grid, method="pure")
    point = result.points
    want = (point["deter_cn"] >= 2) & (point["adjustment_jp"] >= 2) & (point["deter_cn"] + 3 >= 4)
    np.testing.assert_array_equal(result.outcome_mask(SQUEEZE), want)
    np.testing.assert_array_equal(
        result.outcome_mask(("Hold", "Squeeze", "Align")), np.zeros(len(result), dtype=bool)
    )  # the US escalates against a squeeze at the defaults (4 > 3)
    assert result.where(SQUEEZE)["deter_cn"].min() == 2.0


def test_scenario_sweep_fills_in_the_defaults(third):
    result = ng.sweep(third, grid={"m": [1.0, 3.0]}, method="pure")
    assert result.fixed["retaliation_us"] == 4.0
    assert len(result.fixed) == len(third.parameters) - 1
    for i in range(2):
        assert profiles(result.equilibria_at(i)) == sorted([HOLD_DELIVER, SPIRAL])


# ---------------------------------------------------------------------- single solves
@pytest.mark.parametrize(("shape", "seed"), [((2, 2, 2), 1), ((2, 3, 2), 2), ((3, 2, 2, 2), 3)])
def test_grid_sweep_equals_single_solves_at_random_points(shape, seed):
    rng = np.random.default_rng(seed)
    game = random_game(rng, shape)
    grid = {"a": np.arange(-2, 3.0), "b": np.arange(-2, 3.0), "c": [-1.0, 0.0, 1.0]}
    result = ng.sweep(game, grid=grid, method="pure")
    assert len(result) == 75
    # integer grids hit ties: many degenerate points, each still answered in full
    assert result.degenerate.any()
    assert_matches_single_solves(result, rng.choice(len(result), size=20, replace=False))


@pytest.mark.parametrize("seed", [4, 5])
def test_monte_carlo_sweep_equals_single_solves_at_random_points(seed):
    rng = np.random.default_rng(seed)
    game = random_game(rng, (3, 3, 2))
    result = ng.sweep(
        game,
        samples=400,
        distributions={s: ("uniform", -3, 3) for s in (a, b, c)},
        seed=seed,
        method="pure",
    )
    assert not result.degenerate.any()  # continuous draws: ties have probability zero
    assert_matches_single_solves(result, rng.choice(len(result), size=25, replace=False))
    # counting: every point's number of equilibria is the size of its single solve
    assert result.n_equilibria.sum() == len(result.codes)


def test_every_outcome_found_is_a_pure_profile_and_counted_once_per_point():
    game = random_game(np.random.default_rng(6), (2, 2, 2, 2))
    result = ng.sweep(game, grid={"a": np.linspace(-3, 3, 13), "b": 0.5, "c": -0.5}, method="pure")
    assert all(len(key) == 4 for key in result.outcome_keys)
    assert all(bin(mask).count("1") == 1 for key in result.outcome_keys for mask in key)
    shares = result.share()
    for label in result.outcomes:
        assert shares.counts[result.outcomes.index(label)] == result.outcome_mask(label).sum()


def test_chunking_and_threads_do_not_change_results():
    game = random_game(np.random.default_rng(7), (2, 3, 2))
    grid = {"a": np.linspace(-2, 2, 9), "b": np.linspace(-2, 2, 9), "c": 0.25}
    whole = ng.sweep(game, grid=grid, method="pure")
    for kwargs in ({"chunk_size": 7}, {"executor": ThreadPoolExecutor(2), "chunk_size": 10}):
        part = ng.sweep(game, grid=grid, method="pure", **kwargs)
        np.testing.assert_array_equal(part.n_equilibria, whole.n_equilibria)
        np.testing.assert_array_equal(part.degenerate, whole.degenerate)
        assert part.outcome_keys == whole.outcome_keys
        np.testing.assert_array_equal(part.codes, whole.codes)


def test_many_strategies_use_the_general_outcome_encoding():
    # 7 + 6 + 5 strategies do not fit the packed 16-bit code: the other path must agree
    shape = (7, 6, 5)
    tables = [
        np.array(
            [
                a * ((i + 2 * j + 3 * k + p) % 4) - ((i * j + k + p) % 3)
                for i, j, k in product(*(range(n) for n in shape))
            ],
            dtype=object,
        ).reshape(shape)
        for p in range(3)
    ]
    game = ng.Game(*(t.tolist() for t in tables))
    result = ng.sweep(game, grid={"a": np.linspace(-2, 2, 9)}, method="pure")
    assert_matches_single_solves(result, range(len(result)))


# ---------------------------------------------------------------------- the result's accessors
def test_outcome_masks_accept_labels_profiles_and_supports(third):
    result = ng.sweep(third, grid={"retaliation_us": [2.0, 4.0]}, method="pure")
    by_label = result.outcome_mask("(Escalate, Target, Hedge)")
    np.testing.assert_array_equal(by_label, [False, True])
    np.testing.assert_array_equal(result.outcome_mask(SPIRAL), by_label)
    np.testing.assert_array_equal(result.outcome_mask((("Escalate",), "Target", [0])), by_label)
    # a profile that is never an equilibrium: no points, not an error
    assert not result.outcome_mask("(Hold, Squeeze, Hedge)").any()
    with pytest.raises(ng.UnknownLabelError, match="one label per player"):
        result.outcome_mask("(Hold, Deliver)")
    with pytest.raises(ng.UnknownLabelError, match=r"one support per player; got \('Hold', "):
        result.outcome_mask(("Hold", "Deliver"))


def test_outcome_sets_label_each_regime(third):
    result = ng.sweep(third, grid={"retaliation_us": [2.0, 4.0]}, method="pure")
    codes, labels = result.outcome_sets()
    assert [labels[k] for k in codes] == [
        "(Hold, Deliver, Hedge)",
        "(Hold, Deliver, Hedge) & (Escalate, Target, Hedge)",
    ]


def test_to_pandas_has_one_column_group_per_player(third):
    pd = pytest.importorskip("pandas")
    result = ng.sweep(third, grid={"retaliation_us": [4.0]}, method="pure")
    df = result.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [
        "point",
        "retaliation_us",
        "outcome",
        "regime",
        "US",
        "China",
        "Japan",
        "US[Hold]",
        "US[Escalate]",
        "China[Deliver]",
        "China[Target]",
        "China[Squeeze]",
        "Japan[Hedge]",
        "Japan[Align]",
        "US_payoff",
        "China_payoff",
        "Japan_payoff",
        "degenerate",
    ]
    assert df["outcome"].tolist() == ["(Hold, Deliver, Hedge)", "(Escalate, Target, Hedge)"]
    assert df["China"].tolist() == ["Deliver", "Target"]
    # payoffs at the defaults, hand-computed: the truce (0, 0, 0), the spiral (-3, -4, -1)
    assert df[["US_payoff", "China_payoff", "Japan_payoff"]].to_numpy().tolist() == [
        [0.0, 0.0, 0.0],
        [-3.0, -4.0, -1.0],
    ]
    assert df["China[Target]"].tolist() == [0.0, 1.0]


def test_to_arrays_payoffs_match_the_game_at_each_profile():
    game = random_game(np.random.default_rng(8), (2, 2, 3))
    result = ng.sweep(game, grid={"a": [-1.0, 0.5, 2.0], "b": [1.0, -1.0], "c": 0.0}, method="pure")
    table = result.to_arrays()
    for k in range(len(table["point"])):
        point = result.point(int(table["point"][k]))
        numeric = game.subs(point)
        profile = tuple(table[p][k] for p in game.players)
        index = tuple(numeric.index(p, s) for p, s in enumerate(profile))
        for p, player in enumerate(game.players):
            assert table[f"{player}_payoff"][k] == pytest.approx(float(numeric.payoffs[p][index]))
            assert table[f"{player}[{profile[p]}]"][k] == 1.0


def test_a_player_named_like_a_parameter_is_refused_in_tables():
    game = ng.Game(*[[[[a, 0], [0, 1]], [[0, 1], [1, 0]]]] * 3, players=("a", "B", "C"))
    result = ng.sweep(game, grid={"a": [1.0, 2.0]}, method="pure")
    with pytest.raises(ng.SweepError, match="player 'a' has the name of a column"):
        result.to_arrays()


def test_repr_of_an_nplayer_sweep(third):
    result = ng.sweep(third, grid={"retaliation_us": [2.0, 3.0, 4.0]}, method="pure")
    assert repr(result) == (
        "SweepResult(3 grid over retaliation_us: 3 points, 5 equilibria, 2 outcomes, "
        "1 degenerate points)"
    )


# ---------------------------------------------------------------------- errors
@pytest.mark.parametrize("method", ["vertex_enumeration"])
def test_mixed_methods_for_three_players_name_the_pure_method(third, method):
    with pytest.raises(ng.SweepError, match=r"three or more players.*use method='pure'"):
        ng.sweep(third, grid={"m": [1.0]}, method=method)
    with pytest.raises(ng.SweepError, match=r"3 players \(US, China, Japan\)"):
        ng.sweep(third, grid={"m": [1.0]})


def test_too_many_strategies_and_non_finite_payoffs_are_named():
    big = ng.Game(*[np.full((65, 2, 2), a, dtype=object).tolist()] * 3)
    with pytest.raises(
        ng.SweepError, match="at most 64 strategies per player; this game is 65x2x2"
    ):
        ng.sweep(big, grid={"a": [1.0]}, method="pure")
    game = ng.Game(*[[[[1 / a, 0], [0, 1]], [[0, 1], [1, 0]]]] * 3)
    with pytest.raises(ng.SweepError, match="not finite numbers at a=0"):
        ng.sweep(game, grid={"a": [1.0, 0.0]}, method="pure")
