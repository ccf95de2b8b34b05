"""Tests of parameter sweeps (negotiation.sweeps).

Known regimes first (the October game of chicken, the tariff dilemma, the
London framework scenario), then the property that a sweep's equilibria at any
point equal a single solve of the game at that point, then chunking,
executors, Monte Carlo, the result's accessors and every input error.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import ClassVar

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.sweeps import OutcomeShares

W, L, C = sp.symbols("W L C")
t, h, m = sp.symbols("t h m")

# Game C, October chicken (domain brief; stylised): W = 2, L = 3, collision cost C
CHICKEN = ng.Game.symmetric(
    [[0, -L], [W, -C]], strategies=("Swerve", "Escalate"), players=("US", "China")
)
# Game B, "Implementing Geneva" (stylised), with a hostage h the US loses by
# holding back and a rare-earth disruption multiplier m on the W column
GAME_B = ng.Game(
    [[3, -2, -6 * m], [4 - h, -1, -4 * m], [1, -3, -7 * m]],
    [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
    strategies=(("L", "H", "E"), ("D", "S", "W")),
)
# a 3x3 coordination game: up to seven equilibria, three of them mixed
COORDINATION = ng.Game(
    [[t, 0, 0], [0, h, 0], [0, 0, 1]],
    [[1, 0, 0], [0, h, 0], [0, 0, t]],
)


def key(eq, decimals=7):
    return (
        tuple(np.round(np.asarray(eq.row, float), decimals)),
        tuple(np.round(np.asarray(eq.col, float), decimals)),
    )


def assert_matches_single_solve(result, i):
    """The sweep's equilibria at point i equal the core's at that point."""
    game = result.game.subs(result.point(i))
    want = sorted(key(e) for e in game.equilibria())
    got = result.equilibria_at(i)
    assert sorted(key(e) for e in got) == want
    assert bool(result.degenerate[i]) == game.is_degenerate
    single = {key(e): e for e in game.equilibria()}
    for eq in got:
        ref = single[key(eq)]
        assert eq.payoffs == pytest.approx(ref.payoffs, abs=1e-9)
        assert eq.row_support == ref.row_support
        assert eq.col_support == ref.col_support


def same_result(a, b):
    np.testing.assert_array_equal(a.n_equilibria, b.n_equilibria)
    np.testing.assert_array_equal(a.degenerate, b.degenerate)
    assert a.outcome_keys == b.outcome_keys
    np.testing.assert_array_equal(a.codes, b.codes)
    np.testing.assert_array_equal(a.mixed_row, b.mixed_row)
    np.testing.assert_array_equal(a.mixed_col, b.mixed_col)


# ---------------------------------------------------------------------- known regimes
def test_chicken_regimes_over_the_collision_cost():
    result = ng.sweep(CHICKEN.subs(W=2, L=3), grid={"C": np.linspace(0, 20, 201)})
    assert len(result) == 201
    assert result.kind == "grid"
    assert result.shape == (201,)
    assert result.outcomes == (
        "(Swerve, Escalate)",
        "(Escalate, Swerve)",
        "(Escalate, Escalate)",
        "(Swerve+Escalate, Swerve+Escalate)",
    )
    # escalation is dominant while the collision costs less than the loss from swerving
    escalate = result.where(("Escalate", "Escalate"))["C"]
    np.testing.assert_allclose(escalate, np.linspace(0, 3, 31))
    # the tie at C = 3 is flagged; above it chicken has two pure and one mixed equilibrium
    assert result.points["C"][result.degenerate].tolist() == [3.0]
    above = result.points["C"] > 3
    assert (result.n_equilibria[above] == 3).all()
    assert (result.n_equilibria[result.points["C"] < 3] == 1).all()
    # the mixed equilibrium: each swerves with probability (C - 3) / (C - 1)
    i = 100  # C = 10
    eqs = result.equilibria_at(i)
    mixed = [e for e in eqs if not e.is_pure]
    assert len(mixed) == 1
    np.testing.assert_allclose(mixed[0].row, [7 / 9, 2 / 9])
    assert mixed[0].players == ("US", "China")
    assert mixed[0].method == "vertex_enumeration"


def test_degenerate_point_lists_every_extreme_equilibrium():
    result = ng.sweep(CHICKEN.subs(W=2, L=3), grid={"C": [3.0]})
    assert result.degenerate.tolist() == [True]
    assert_matches_single_solve(result, 0)


def test_two_dimensional_grid_order_and_shape():
    result = ng.sweep(CHICKEN.subs(W=2), grid={"L": [1.0, 2.0, 5.0], "C": [0.0, 4.0]})
    assert result.shape == (3, 2)
    assert result.parameters == ("L", "C")
    # C order: the first parameter varies slowest
    assert result.points["L"].tolist() == [1, 1, 2, 2, 5, 5]
    assert result.points["C"].tolist() == [0, 4, 0, 4, 0, 4]
    assert result.point(3) == {"L": 2.0, "C": 4.0}
    for i in range(len(result)):
        assert_matches_single_solve(result, i)


def test_symbols_and_names_are_both_accepted_as_keys():
    by_name = ng.sweep(CHICKEN, grid={"W": [2.0], "L": [3.0], "C": [1.0, 10.0]})
    by_symbol = ng.sweep(CHICKEN, grid={W: [2.0], L: [3.0], C: [1.0, 10.0]})
    same_result(by_name, by_symbol)


def test_scalar_grid_value_holds_a_parameter_fixed():
    result = ng.sweep(CHICKEN, grid={"W": 2, "L": 3, "C": [10.0]})
    assert result.shape == (1, 1, 1)
    assert result.n_equilibria.tolist() == [3]


def test_scenario_defaults_fill_in_parameters_not_swept():
    london = ng.load("london_framework")
    result = ng.sweep(london, grid={"m": np.linspace(0, 4, 9), "students_us": [0.0, 2.0, 6.0]})
    assert result.parameters == ("m", "students_us")
    defaults = {s.name: float(v) for s, v in london.defaults.items()}
    assert result.fixed == {k: v for k, v in defaults.items() if k not in ("m", "students_us")}
    assert set(result.point(0)) == set(defaults)
    for i in range(len(result)):
        assert_matches_single_solve(result, i)


class DuckScenario:
    """Anything with .game(symbolic=True) and .defaults is swept like a scenario."""

    defaults: ClassVar[dict] = {W: 2, L: sp.Rational(3)}

    def game(self, *, symbolic=False):
        return CHICKEN if symbolic else CHICKEN.subs(self.defaults)


def test_duck_typed_scenario():
    result = ng.sweep(DuckScenario(), grid={"C": [1.0, 10.0]})
    assert result.fixed == {"W": 2.0, "L": 3.0}
    assert result.n_equilibria.tolist() == [1, 3]


def test_a_default_can_itself_be_swept():
    result = ng.sweep(DuckScenario(), grid={"L": [0.5], "C": [1.0]})
    assert result.fixed == {"W": 2.0}
    assert result.n_equilibria.tolist() == [3]  # C > L: chicken again


def test_constant_payoff_entries_broadcast():
    # most entries are numbers; only one depends on the parameter
    result = ng.sweep(ng.Game([[t, 0], [0, 1]], [[1, 0], [0, 1]]), grid={"t": [-1.0, 2.0]})
    assert result.n_equilibria.tolist() == [1, 3]


# ---------------------------------------------------------------------- the property
quarters = st.integers(-40, 40).map(lambda k: k / 4)  # exact ties happen, near-ties do not


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(quarters, quarters, quarters), min_size=1, max_size=6))
def test_property_sweep_equals_single_solves_2x2(points):
    values = np.array(points).T
    result = ng.sweep(
        CHICKEN,
        samples=len(points),
        distributions={"W": values[0], "L": values[1], "C": values[2]},
    )
    for i in range(len(result)):
        assert_matches_single_solve(result, i)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(quarters, quarters), min_size=1, max_size=4))
def test_property_sweep_equals_single_solves_3x3(points):
    values = np.array(points).T
    for game, names in ((GAME_B, ("h", "m")), (COORDINATION, ("h", "t"))):
        result = ng.sweep(
            game,
            samples=len(points),
            distributions=dict(zip(names, values, strict=True)),
        )
        for i in range(len(result)):
            assert_matches_single_solve(result, i)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.tuples(*[st.floats(-5, 5).map(lambda v: round(v, 3))] * 2), min_size=1, max_size=4)
)
def test_property_sweep_equals_single_solves_at_decimal_points(points):
    values = np.array(points).T
    result = ng.sweep(
        COORDINATION, samples=len(points), distributions={"t": values[0], "h": values[1]}
    )
    for i in range(len(result)):
        assert_matches_single_solve(result, i)


# ---------------------------------------------------------------------- chunks and executors
def chicken_grid(**kwargs):
    return ng.sweep(
        CHICKEN.subs(W=2),
        grid={"L": np.linspace(0, 10, 41), "C": np.linspace(0, 20, 41)},
        **kwargs,
    )


def test_chunking_does_not_change_results():
    whole = chicken_grid()
    assert whole.degenerate.any()  # the grid crosses the tie C = L
    for size in (1, 7, 100, 1000):
        same_result(whole, chicken_grid(chunk_size=size))


def test_chunking_does_not_change_results_3x3_monte_carlo():
    kwargs = dict(samples=3000, distributions={"t": ("uniform", 0, 2), "h": ("normal", 1, 1)})
    whole = ng.sweep(COORDINATION, seed=4, **kwargs)
    assert whole.n_equilibria.max() == 7
    same_result(whole, ng.sweep(COORDINATION, seed=4, chunk_size=333, **kwargs))


def test_thread_pool_gives_the_in_process_result():
    with ThreadPoolExecutor(max_workers=2) as pool:
        same_result(chicken_grid(), chicken_grid(executor=pool, chunk_size=100))


def test_process_pool_gives_the_in_process_result():
    kwargs = dict(
        samples=1000, seed=5, distributions={"t": ("uniform", 0, 2), "h": ("normal", 1, 1)}
    )
    with ProcessPoolExecutor(max_workers=2) as pool:
        same_result(chicken_grid(), chicken_grid(executor=pool, chunk_size=400))
        same_result(
            ng.sweep(COORDINATION, **kwargs),
            ng.sweep(COORDINATION, executor=pool, chunk_size=300, **kwargs),
        )


def test_an_error_in_a_worker_reaches_the_caller():
    game = ng.Game([[1 / t, 0], [0, 1]], [[1, 0], [0, 1]])
    with ThreadPoolExecutor(max_workers=2) as pool, pytest.raises(ng.SweepError, match="t=0"):
        ng.sweep(game, grid={"t": np.linspace(-1, 1, 21)}, executor=pool, chunk_size=2)


def test_progress_bar_can_be_forced_and_is_off_by_default(capsys):
    chicken_grid(chunk_size=200, progress=True)
    assert "pt" in capsys.readouterr().err
    chicken_grid(chunk_size=200)  # not interactive under pytest: no bar
    assert capsys.readouterr().err == ""


# ---------------------------------------------------------------------- Monte Carlo
def test_monte_carlo_is_seeded_and_reproducible():
    kwargs = dict(samples=500, distributions={"C": ("uniform", 0, 10), "L": 3, "W": 2})
    a = ng.sweep(CHICKEN, seed=7, **kwargs)
    b = ng.sweep(CHICKEN, seed=7, **kwargs)
    np.testing.assert_array_equal(a.samples, b.samples)
    same_result(a, b)
    assert a.kind == "monte_carlo"
    assert a.seed == 7
    assert a.parameters == ("C",)
    assert a.fixed == {"L": 3.0, "W": 2.0}
    assert a.distributions["C"] == ("uniform", 0.0, 10.0)
    c = ng.sweep(CHICKEN, **kwargs)  # a fresh seed, recorded
    assert isinstance(c.seed, int)
    np.testing.assert_array_equal(ng.sweep(CHICKEN, seed=c.seed, **kwargs).samples, c.samples)


def test_monte_carlo_distributions_have_the_right_ranges():
    rng_values = np.array([1.0, 2.0, 4.0])
    result = ng.sweep(
        CHICKEN,
        samples=4000,
        seed=1,
        distributions={
            "W": ("triangular", 1, 2, 4),
            "L": ("normal", 3, 0.5),
            "C": ("empirical", rng_values),
        },
    )
    points = result.points
    assert points["W"].min() >= 1
    assert points["W"].max() <= 4
    assert abs(points["L"].mean() - 3) < 0.05
    assert set(np.unique(points["C"])) == set(rng_values)


def test_monte_carlo_share_has_a_wilson_interval():
    result = ng.sweep(
        CHICKEN.subs(W=2, L=3), samples=20_000, seed=3, distributions={"C": ("uniform", 0, 10)}
    )
    shares = result.share()
    assert isinstance(shares, OutcomeShares)
    assert shares.interval == "wilson"
    k = shares.outcomes.index("(Escalate, Escalate)")
    assert shares.low[k] < 0.3 < shares.high[k]  # the true share is P(C < 3) = 0.3
    assert shares.low[k] < shares.share[k] < shares.high[k]
    assert shares["(Escalate, Escalate)"] == pytest.approx(0.3, abs=0.02)
    wider = result.share(confidence=0.99)
    assert wider.high[k] - wider.low[k] > shares.high[k] - shares.low[k]
    assert "95% interval" in str(shares)


def test_given_arrays_are_used_in_order():
    values = np.array([1.0, 10.0, 2.0])
    result = ng.sweep(CHICKEN.subs(W=2, L=3), distributions={"C": values})
    assert len(result) == 3
    np.testing.assert_array_equal(result.points["C"], values)
    assert result.n_equilibria.tolist() == [1, 3, 1]
    as_list = ng.sweep(CHICKEN.subs(W=2, L=3), distributions={"C": [1.0, 10.0, 2.0]})
    same_result(result, as_list)


# ---------------------------------------------------------------------- the result
def test_grid_share_is_exact_and_counts_points_not_equilibria():
    result = ng.sweep(CHICKEN.subs(W=2, L=3), grid={"C": np.arange(0, 11)})
    shares = result.share()
    assert shares.interval == "exact"
    assert shares.as_dict() == pytest.approx(
        {
            "(Swerve, Escalate)": 8 / 11,
            "(Escalate, Swerve)": 8 / 11,
            "(Escalate, Escalate)": 4 / 11,
            "(Swerve+Escalate, Swerve+Escalate)": 7 / 11,
        }
    )
    np.testing.assert_array_equal(shares.low, shares.share)
    assert shares.n_points == 11
    assert len(shares) == 4
    with pytest.raises(ng.UnknownLabelError, match="no outcome"):
        shares["(Truce, Truce)"]


def test_share_counts_each_point_once_at_degenerate_points():
    # a degenerate 3x4 game with two extreme equilibria on the same supports
    # ({r0, r1, r2}, {c3}): the row player mixes (1/3, 1/3, 1/3) or (1/6, 1/3, 1/2)
    game = ng.Game(
        [[t, 2, 0, 1], [2, 0, 1, 1], [2, 1, 0, 1]],
        [[2, 2, 0, 1], [0, 2, 1, 2], [2, 0, 2, 1]],
    )
    result = ng.sweep(game, grid={"t": [1.0, 1.0]})
    assert result.degenerate.tolist() == [True, True]
    assert_matches_single_solve(result, 0)
    label = "(r0+r1+r2, c3)"
    assert result.to_pandas()["outcome"].tolist().count(label) == 4  # 2 per point
    shares = result.share()
    assert shares.counts[shares.outcomes.index(label)] == 2  # but 2 points, not 4
    assert shares[label] == 1.0
    assert (shares.counts <= len(result)).all()


def test_outcome_masks_accept_labels_profiles_and_supports():
    result = ng.sweep(CHICKEN.subs(W=2, L=3), grid={"C": [1.0, 10.0]})
    assert result.outcome_mask("(Escalate, Escalate)").tolist() == [True, False]
    assert result.outcome_mask(("Swerve", "Escalate")).tolist() == [False, True]
    mixed = (("Swerve", "Escalate"), ("Escalate", "Swerve"))  # supports, in any order
    assert result.outcome_mask(mixed).tolist() == [False, True]
    assert result.outcome_mask((0, 1)).tolist() == [False, True]  # indices work too
    # a valid profile that is never an equilibrium
    assert result.outcome_mask(("Swerve", "Swerve")).tolist() == [False, False]
    assert result.outcome_mask("(Swerve, Swerve)").tolist() == [False, False]
    assert result.where(("Swerve", "Swerve")) == {"C": pytest.approx(np.array([]))}
    with pytest.raises(ng.UnknownLabelError, match="no outcome 'peace'"):
        result.outcome_mask("peace")
    with pytest.raises(ng.UnknownLabelError):
        result.outcome_mask(("Swerve", "Dance"))


def test_outcome_sets_label_each_regime():
    result = ng.sweep(CHICKEN.subs(W=2, L=3), grid={"C": [1.0, 3.0, 10.0]})
    codes, labels = result.outcome_sets()
    assert [labels[c] for c in codes] == [
        "(Escalate, Escalate)",
        "(Swerve, Escalate) & (Escalate, Swerve) & (Escalate, Escalate)",
        "(Swerve, Escalate) & (Escalate, Swerve) & (Swerve+Escalate, Swerve+Escalate)",
    ]


def test_to_pandas_is_tidy():
    pd = pytest.importorskip("pandas")
    result = ng.sweep(CHICKEN.subs(W=2), grid={"L": [3.0], "C": [1.0, 10.0]})
    df = result.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [
        "point",
        "L",
        "C",
        "outcome",
        "regime",
        "row",
        "col",
        "row[Swerve]",
        "row[Escalate]",
        "col[Swerve]",
        "col[Escalate]",
        "row_payoff",
        "col_payoff",
        "degenerate",
    ]
    assert len(df) == int(result.n_equilibria.sum()) == 4
    assert df["point"].tolist() == [0, 1, 1, 1]
    assert df["outcome"].tolist()[0] == "(Escalate, Escalate)"
    assert (
        df["regime"].tolist()
        == ["(Escalate, Escalate)"] + ["(Swerve, Escalate) & (Escalate, Swerve) + mixed"] * 3
    )
    assert df["row"].tolist() == ["Escalate", "Swerve", "Escalate", "Swerve+Escalate"]
    mixed = df.iloc[3]
    assert mixed["row[Swerve]"] == pytest.approx(7 / 9)
    assert mixed["row_payoff"] == pytest.approx(-2 / 3)
    assert df.iloc[0]["row_payoff"] == -1.0  # (Escalate, Escalate) at C = 1
    assert not df["degenerate"].any()


def test_to_arrays_needs_no_pandas():
    result = ng.sweep(CHICKEN.subs(W=2, L=3), grid={"C": [1.0, 10.0]})
    table = result.to_arrays()
    assert table["point"].tolist() == [0, 1, 1, 1]
    np.testing.assert_allclose(table["col_payoff"], [-1.0, 2.0, -3.0, -2 / 3])


def test_repr_and_points():
    result = ng.sweep(CHICKEN.subs(W=2), grid={"L": [3.0], "C": [1.0, 10.0]})
    assert repr(result) == (
        "SweepResult(1 x 2 grid over L, C: 2 points, 4 equilibria, 4 outcomes, 0 degenerate points)"
    )
    assert result.point(-1) == {"L": 3.0, "C": 10.0}
    with pytest.raises(IndexError, match="out of range"):
        result.point(2)
    with pytest.raises(IndexError):
        result.equilibria_at(5)


def test_pure_method_sweeps_larger_games():
    A = [[t if i == j else i - j for j in range(6)] for i in range(5)]
    B = [[1 if i == j else 0 for j in range(6)] for i in range(5)]
    game = ng.Game(A, B)
    result = ng.sweep(game, grid={"t": [-10.0, 10.0]}, method="pure")
    assert result.method == "pure"
    for i in range(2):
        want = sorted(key(e) for e in game.subs(result.point(i)).equilibria(method="pure"))
        assert sorted(key(e) for e in result.equilibria_at(i)) == want


def test_importing_negotiation_stays_light():
    code = (
        "import sys, negotiation; "
        "print(sorted(m for m in ('pandas', 'tqdm', 'dask', 'distributed') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"grid": {"x": [1.0]}}, "grid gives 'x', which is not a parameter.*C, L, W"),
        ({"grid": {"C": [1.0]}}, "depend on L, W, which grid= does not give"),
        ({"grid": {}}, "the grid is empty"),
        ({"grid": {"C": [], "L": 1, "W": 1}}, r"grid\['C'\] is empty"),
        ({"grid": {"C": [[1.0]], "L": 1, "W": 1}}, "one-dimensional"),
        ({"grid": {"C": [np.nan], "L": 1, "W": 1}}, "nan or infinite"),
        ({"grid": {"C": "high", "L": 1, "W": 1}}, "is the string 'high'"),
        ({"grid": [1, 2]}, "grid must be a mapping"),
        ({"grid": {"C": [1.0], C: [2.0], "L": 1, "W": 1}}, "gives 'C' twice"),
        ({"grid": {3: [1.0]}}, "keys must be parameter names"),
        ({}, "give grid="),
        ({"samples": 10}, "samples= needs distributions="),
        ({"grid": {"C": [1.0]}, "samples": 10}, "not both"),
        ({"samples": 10, "distributions": {}}, "distributions is empty"),
        ({"samples": 10, "distributions": {"C": ("uniform", 5, 1)}}, "low < high"),
        ({"samples": 10, "distributions": {"C": ("uniform", 1, 1)}}, "low < high"),
        ({"samples": 10, "distributions": {"C": ("normal", 0, -1)}}, "positive standard deviation"),
        ({"samples": 10, "distributions": {"C": ("normal", 0, 0)}}, "positive standard deviation"),
        ({"samples": 10, "distributions": {"C": ("triangular", 0, 5, 1)}}, "low <= mode <= high"),
        ({"samples": 10, "distributions": {"C": ("uniform", 0)}}, r"takes 2 arguments \(low"),
        ({"samples": 10, "distributions": {"C": ("uniform", 0, "a")}}, "must be a number"),
        ({"samples": 10, "distributions": {"C": ("uniform", 0, np.inf)}}, "must be finite"),
        ({"samples": 10, "distributions": {"C": ("poisson", 3)}}, "unknown distribution 'poisson'"),
        ({"samples": 10, "distributions": {"C": [1.0, 2.0]}}, "2 values but samples=10"),
        ({"samples": 10, "distributions": {"C": ("empirical", [])}}, "is empty"),
        ({"samples": 10, "distributions": {"C": {"low": 1}}}, r"must be \('uniform'"),
        ({"samples": 10, "distributions": {"y": ("uniform", 0, 1)}}, "gives 'y', which is not"),
        ({"samples": 10, "distributions": {"C": ("uniform", 0, 1)}}, "depend on L, W"),
        ({"samples": 0, "distributions": {"C": ("uniform", 0, 1)}}, "positive whole number"),
        ({"samples": 2.5, "distributions": {"C": ("uniform", 0, 1)}}, "positive whole number"),
        ({"distributions": {"C": ("uniform", 0, 1)}}, "give the number of Monte Carlo draws"),
        (
            {"samples": 10, "distributions": {"C": ("uniform", 0, 1), "L": 1, "W": 1}, "seed": -1},
            "seed must be",
        ),
        ({"samples": 10, "distributions": {"C": 1.0, "L": 1, "W": 1}}, "every parameter"),
        ({"grid": {"C": [1.0], "L": 1, "W": 1}, "method": "lemke"}, "unknown method 'lemke'"),
        ({"grid": {"C": [1.0], "L": 1, "W": 1}, "tol": -1.0}, "tol must be"),
        ({"grid": {"C": [1.0], "L": 1, "W": 1}, "chunk_size": 0}, "chunk_size must be"),
        ({"grid": {"C": [1.0], "L": 1, "W": 1}, "executor": "pool"}, "executor must be"),
        ({"grid": {"C": [1.0], "L": 1, "W": 1}, "progress": "yes"}, "progress must be"),
    ],
)
def test_bad_input_gives_a_clear_error(kwargs, message):
    with pytest.raises(ng.SweepError, match=message):
        ng.sweep(CHICKEN, **kwargs)


def test_sweep_errors_are_value_errors():
    with pytest.raises(ValueError, match="the grid is empty"):
        ng.sweep(CHICKEN, grid={})


def test_a_game_without_parameters_has_nothing_to_sweep():
    with pytest.raises(ng.SweepError, match="no free parameters"):
        ng.sweep(ng.Game([[1, 0], [0, 1]], [[1, 0], [0, 1]]), grid={"t": [1.0]})


def test_not_a_game():
    with pytest.raises(ng.SweepError, match=r"needs a negotiation\.Game or a scenario"):
        ng.sweep(42, grid={"t": [1.0]})


def test_large_games_need_the_pure_method():
    game = ng.Game([[t] * 17] * 17, [[1] * 17] * 17)
    with pytest.raises(ng.SweepError, match=r"up to 16x16.*method='pure'"):
        ng.sweep(game, grid={"t": [1.0]})


def test_sweeps_of_5x5_to_8x8_games_find_every_equilibrium_at_every_point():
    rng = np.random.default_rng(5)
    for size in (5, 6, 8):
        A = rng.integers(-4, 5, (size, size)).tolist()
        B = rng.integers(-4, 5, (size, size)).tolist()
        A[0][0], B[1][1] = t, -t  # degenerate at integer t, with ties
        game = ng.Game(A, B)
        values = [-3.0, -0.5, 0.0, 1.0, 2.5]
        result = ng.sweep(game, grid={"t": values})
        for i, v in enumerate(values):
            exact = game.subs({t: sp.Rational(str(v))}).equilibria(exact=True)
            expected = sorted(
                (tuple(float(p) for p in eq.row), tuple(float(p) for p in eq.col)) for eq in exact
            )
            found = sorted(
                (tuple(np.round(eq.row, 9)), tuple(np.round(eq.col, 9)))
                for eq in result.equilibria_at(i)
            )
            assert np.allclose(found, expected), (size, v)


def test_payoffs_that_are_not_finite_name_the_point():
    game = ng.Game([[1 / t, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(ng.SweepError, match="not finite numbers at t=0"):
        ng.sweep(game, grid={"t": [-1.0, 0.0, 1.0]})
    with pytest.raises(ng.SweepError, match="complex"):
        ng.sweep(ng.Game([[sp.sqrt(t) * sp.I, 0], [0, 1]], [[1, 0], [0, 1]]), grid={"t": [1.0]})


def test_bad_confidence_level():
    result = ng.sweep(CHICKEN.subs(W=2, L=3), grid={"C": [1.0]})
    with pytest.raises(ng.SweepError, match="confidence"):
        result.share(confidence=95)
