"""The economist's workflow: a scenario's declared ranges as the design, regimes, maps, exports.

Checked against solving single points: the regime a map shows at a point is
the set of equilibria ``game.subs(point).equilibria()`` finds there; the
declared ranges are the default design; values outside a declared range warn
(or raise under ``strict``) exactly outside it, never on its boundary.
"""

import math
import sys
import warnings

import numpy as np
import pytest
import sympy as sp
from plot_helpers import legend_texts, render

import negotiation as ng
from negotiation.plotting import plot_regions, regions_data
from negotiation.plotting.regions import choose_axes
from negotiation.scenarios.values import check_ranges
from negotiation.sweeps.result import regime_label

C = sp.Symbol("C")
CHICKEN = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("Swerve", "Escalate"))


@pytest.fixture(scope="module")
def london():
    return ng.load("london_framework")


def declared(scenario, name):
    p = scenario.parameter(name)
    return float(p.low), float(p.high)


def regime_of(equilibria):
    """The regime label of a list of Equilibrium objects, computed independently of sweeps."""
    pure, mixed = [], []
    for eq in equilibria:
        supports = [eq.supports[p] for p in range(len(eq.supports))]
        label = "(" + ", ".join("+".join(s) for s in supports) + ")"
        (pure if all(len(s) == 1 for s in supports) else mixed).append(label)
    return regime_label(pure, mixed)


# ---------------------------------------------------------------------- declared ranges
def test_a_count_means_that_many_points_over_the_declared_range(london):
    result = ng.sweep(london, grid={"m": 11, sp.Symbol("re_loss_us"): 5})
    np.testing.assert_allclose(result.axes["m"], np.linspace(*declared(london, "m"), 11))
    np.testing.assert_allclose(
        result.axes["re_loss_us"], np.linspace(*declared(london, "re_loss_us"), 5)
    )
    assert result.shape == (11, 5)


def test_a_triple_is_a_linspace_and_arrays_still_work(london):
    result = ng.sweep(london, grid={"m": (1, 3, 5), "re_loss_us": [2.0, 4.5]})
    assert result.axes["m"].tolist() == [1.0, 1.5, 2.0, 2.5, 3.0]
    assert result.axes["re_loss_us"].tolist() == [2.0, 4.5]


def test_samples_alone_draw_each_parameter_uniformly_over_its_range(london):
    result = ng.sweep(london, samples=4000, seed=3)
    assert set(result.parameters) == {s.name for s in london.game(symbolic=True).parameters}
    for k, name in enumerate(result.parameters):
        low, high = declared(london, name)
        draws = result.samples[k]
        assert draws.min() >= low
        assert draws.max() <= high
        # uniform: the mean is the midpoint, within five standard errors
        sd = (high - low) / math.sqrt(12)
        assert abs(draws.mean() - (low + high) / 2) < 5 * sd / math.sqrt(len(draws))
        assert result.distributions[name] == ("uniform", low, high)


def test_samples_of_a_bare_game_still_need_distributions():
    with pytest.raises(ng.SweepError, match="samples= needs distributions= here"):
        ng.sweep(CHICKEN, samples=10)


# ---------------------------------------------------------------------- range checks
def test_boundary_values_are_inside_and_do_not_warn(london):
    low, high = declared(london, "m")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ng.sweep(london, grid={"m": [low, high], "re_loss_us": 2.0})
        london.with_defaults(m=high)
        london.with_defaults(m=low)
        assert check_ranges(london, {"m": sp.Integer(5), "re_loss_us": 0.0}, strict=True) == ()


@pytest.mark.parametrize("side", ["low", "high"])
def test_values_just_outside_warn_and_strict_raises(london, side):
    low, high = declared(london, "m")
    outside = np.nextafter(low, -np.inf) if side == "low" else np.nextafter(high, np.inf)
    with pytest.warns(ng.ParameterRangeWarning, match=r"m .*outside the range \[0, 5\]"):
        result = ng.sweep(london, grid={"m": [outside, 1.0], "re_loss_us": 2.0})
    assert len(result) == 2  # the value is used as given
    with pytest.raises(ng.ParameterRangeError, match=r"give a value from 0 to 5"):
        ng.sweep(london, grid={"m": [outside, 1.0], "re_loss_us": 2.0}, strict=True)


def test_exact_values_are_compared_exactly(london):
    with pytest.warns(
        ng.ParameterRangeWarning, match="with_defaults gives m = 5000000001/1000000000"
    ):
        london.with_defaults(m=sp.Rational(5_000_000_001, 10**9))
    with pytest.raises(ng.ParameterRangeError, match="with_defaults gives m = 20"):
        london.with_defaults(m=20, strict=True)
    with pytest.raises(ng.ParameterRangeError, match="--set gives m = -1"):
        check_ranges(london, {"m": -1}, strict=True)


def test_distributions_outside_the_range_warn(london):
    with pytest.warns(ng.ParameterRangeWarning, match="distributions takes m up to 9"):
        ng.sweep(london, samples=50, distributions={"m": ("uniform", 0, 9)}, seed=1)
    with pytest.raises(ng.ParameterRangeError):
        ng.sweep(london, samples=50, distributions={"m": ("uniform", 0, 9)}, seed=1, strict=True)


# ---------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("grid", "message"),
    [
        ({"mm": 5}, r"'mm', which is not a parameter .*did you mean 'm'\?"),
        ({"students": 5}, r"did you mean 'students_us' or 'students_cn'\?"),
        ({"m": (4, 1, 5)}, r"runs from 4 down to 1; give the low end first, e\.g\. \(1, 4, 5\)"),
        ({"m": 0}, r"grid\['m'\] asks for 0 points"),
        ({"m": (0, 1, 0)}, r"asks for 0 points"),
        ({"m": (2, 2, 3)}, "low = high = 2"),
        ({"m": []}, "is empty"),
    ],
)
def test_bad_grids_name_the_fix(london, grid, message):
    with pytest.raises(ng.SweepError, match=message):
        ng.sweep(london, grid=grid)


def test_a_billion_point_sweep_is_refused_before_allocating(london):
    with pytest.raises(ng.SweepError, match=r"1,000,000,000 points.*at most about .* points"):
        ng.sweep(london, grid={"m": 10**5, "re_loss_us": 10**4})
    with pytest.raises(ng.SweepError, match=r"samples=\d+.*several smaller samples"):
        ng.sweep(london, samples=10**9)


# ---------------------------------------------------------------------- regimes
def test_regime_maps_agree_with_solving_at_random_points(london):
    x, y = "students_us", "ec_value_us"
    result = ng.sweep(london, grid={x: np.linspace(0.1, 9.9, 40), y: np.linspace(0.2, 9.8, 30)})
    data = regions_data(result)
    assert (data.x_symbol.name, data.y_symbol.name) == (x, y)
    rng = np.random.default_rng(2024)
    checked = 0
    for _ in range(25):
        i, j = int(rng.integers(len(data.y))), int(rng.integers(len(data.x)))
        point = {x: float(data.x[j]), y: float(data.y[i])}
        game = london.game(symbolic=True).subs(
            {
                **{s: v for s, v in london.defaults.items()},
                **{sp.Symbol(k): v for k, v in point.items()},
            }
        )
        label = data.labels[data.region[i, j]].removesuffix(" (a tie, on a boundary)")
        assert label == regime_of(game.equilibria()), point
        checked += 1
    assert checked == 25


def test_mixed_regimes_are_mapped_too():
    e, c = sp.symbols("e c")
    truce = ng.Game.symmetric([[0, -c], [e, -2]], strategies=("Truce", "Escalate"))
    data = regions_data(truce, x=(e, -1, 1), y=(c, 0, 4), resolution=20)
    rng = np.random.default_rng(7)
    for _ in range(20):
        i, j = int(rng.integers(20)), int(rng.integers(20))
        game = truce.subs({e: float(data.x[j]), c: float(data.y[i])})
        assert data.labels[data.region[i, j]] == regime_of(game.equilibria())
    assert any(data.mixed)


def test_the_regime_column_pivots_into_the_map():
    result = ng.sweep(CHICKEN, grid={"C": [1.0, 2.0, 5.0, 8.0]})
    df = result.to_pandas()
    by_point = df.groupby("point", observed=True)["regime"].nunique()
    assert (by_point == 1).all()  # one regime per point, on every row of it
    codes, labels = result.point_regimes()
    first = df.drop_duplicates("point").set_index("point")["regime"].astype(str)
    assert first.tolist() == [labels[k] for k in codes]
    assert first.tolist() == [
        "(Escalate, Escalate)",
        "(Escalate, Escalate)",
        "(Swerve, Escalate) & (Escalate, Swerve) + mixed",
        "(Swerve, Escalate) & (Escalate, Swerve) + mixed",
    ]


def test_regimes_table_shares_and_representative_points(london):
    result = ng.sweep(london, grid={"students_us": 41, "ec_value_us": 31})
    table = result.regimes()
    assert list(table.columns) == ["regime", "share", "points", "students_us", "ec_value_us"]
    assert table["points"].sum() == len(result)
    assert table["share"].sum() == pytest.approx(1.0)
    assert table["regime"].tolist() == list(result.point_regimes()[1])
    for _, row in table.iterrows():
        game = london.game(symbolic=True).subs(
            {
                **london.defaults,
                sp.Symbol("students_us"): row["students_us"],
                sp.Symbol("ec_value_us"): row["ec_value_us"],
            }
        )
        assert row["regime"] == regime_of(game.equilibria())


def test_to_latex_is_a_booktabs_table_of_the_regimes(london):
    result = ng.sweep(london, grid={"students_us": 21, "ec_value_us": 21})
    tex = result.to_latex()
    assert tex.startswith("\\begin{table}")
    assert "\\toprule" in tex
    assert "\\bottomrule" in tex
    assert "students\\_us & ec\\_value\\_us \\\\" in tex
    body = tex.split("\\midrule\n")[1].split("\n\\bottomrule")[0].splitlines()
    assert len(body) == len(result.regimes())
    assert "(L, S) \\& (H, S)" in tex  # the tie regime, with & escaped
    assert "\\caption{Equilibrium regimes of London framework" in tex


def test_to_xarray_or_a_clear_message(monkeypatch):
    result = ng.sweep(CHICKEN, grid={"C": [1.0, 5.0]})
    monkeypatch.setitem(sys.modules, "xarray", None)  # as if not installed
    with pytest.raises(ng.MissingExtraError, match="pip install xarray"):
        result.to_xarray()
    with pytest.raises(ng.SweepError, match="Monte Carlo"):
        ng.sweep(CHICKEN, samples=10, distributions={"C": ("uniform", 0, 1)}, seed=0).to_xarray()


def test_to_xarray_labels_the_grid():
    xr = pytest.importorskip("xarray")
    result = ng.sweep(CHICKEN, grid={"C": [1.0, 5.0]})
    ds = result.to_xarray()
    assert isinstance(ds, xr.Dataset)
    assert ds["regime"].sel(C=5.0).item() == "(Swerve, Escalate) & (Escalate, Swerve) + mixed"
    assert bool(ds["equilibrium"].sel(outcome="(Escalate, Escalate)", C=1.0))


# ---------------------------------------------------------------------- maps and axes
def test_plot_regions_of_a_sweep_result_marks_the_defaults(london):
    result = ng.sweep(london, grid={"students_us": 60, "ec_value_us": 50})
    data = regions_data(result)
    assert data.mark == (2.0, 2.0)  # the scenario's defaults
    assert data.xlabel == "students_us (stylised units)"
    ax = plot_regions(result)
    render(ax)
    assert legend_texts(ax) == [*data.labels, "scenario values"]
    assert "other parameters at the scenario's values" in ax.get_title()


def test_a_map_needs_a_two_parameter_grid(london):
    with pytest.raises(ng.SweepError, match="varies 3"):
        regions_data(ng.sweep(london, grid={"m": 3, "students_us": 3, "ec_value_us": 3}))
    with pytest.raises(ng.SweepError, match="Monte Carlo"):
        regions_data(ng.sweep(london, samples=20, seed=0))
    # a third parameter held at one value is fine
    data = regions_data(ng.sweep(london, grid={"m": [2.0], "students_us": 4, "ec_value_us": 3}))
    assert "m = 2" in data.title


def test_choose_axes_picks_parameters_that_change_the_equilibrium(london):
    names, reason = choose_axes(london)
    assert len(names) == 2
    assert reason.startswith(f"chose {names[0]} and {names[1]}: they change the equilibrium on")
    base = regime_of(london.game().equilibria())
    for name in names:
        low, high = declared(london, name)
        changed = 0
        for v in np.linspace(low, high, 21):
            game = london.game(symbolic=True).subs({**london.defaults, sp.Symbol(name): v})
            changed += regime_of(game.equilibria()) != base
        assert changed > 0, name
    with pytest.raises(ng.InvalidGameError, match="fewer than the 99 asked for"):
        choose_axes(london, k=99)


def test_sweep_hands_a_continuous_game_to_its_closed_form():
    # Cournot duopoly with demand a - q1 - q2: each firm produces a/3.
    q1, q2, a = sp.symbols("q1 q2 a")
    d = a - q1 - q2
    game = ng.ContinuousGame([q1 * d, q2 * d], [(q1, 0, sp.oo), (q2, 0, sp.oo)])
    result = ng.sweep(game, grid={"a": np.linspace(0, 9, 4)})
    assert result.method == "closed_form"
    np.testing.assert_allclose(result.strategy(0), [0.0, 1.0, 2.0, 3.0])
    with pytest.raises(ng.SweepError, match="grid"):
        ng.sweep(game, samples=10)
