"""Sweep pictures: shares of outcomes checked against the sweep and against solving."""

import numpy as np
import pytest
import sympy as sp
from plot_helpers import render

import negotiation as ng
from negotiation.plotting import plot_sweep, sweep_data

C = sp.Symbol("C")


@pytest.fixture
def chicken():
    """October chicken with a free collision cost C (domain brief, Game C)."""
    return ng.Game.symmetric(
        [[0, -3], [2, -C]],
        strategies=("Swerve", "Escalate"),
        players=("US", "China"),
        name="October chicken",
    )


def test_grid_shares_are_exact(chicken):
    grid = np.arange(0, 11)
    data = sweep_data(ng.sweep(chicken, grid={"C": grid}))
    assert data.kind == "grid"
    assert data.interval == "exact"
    assert data.n_points == 11
    assert data.parameters == ("C",)
    assert data.outcomes == (
        "(Swerve, Escalate)",
        "(Escalate, Swerve)",
        "(Escalate, Escalate)",
        "(Swerve+Escalate, Swerve+Escalate)",
    )
    assert data.pure.tolist() == [True, True, True, False]
    # escalation is an equilibrium exactly where C <= 3 (W = 2, L = 3): 4 of 11 points
    for k, outcome in enumerate(data.outcomes[:3]):
        profile = tuple(outcome.strip("()").split(", "))
        holding = sum(
            profile in {eq.profile for eq in chicken.subs(C=int(c)).equilibria(method="pure")}
            for c in grid
        )
        assert data.counts[k] == holding
    assert data.counts[2] == 4
    np.testing.assert_allclose(data.share, data.counts / 11)
    np.testing.assert_array_equal(data.low, data.share)
    np.testing.assert_array_equal(data.high, data.share)


def test_monte_carlo_intervals(chicken):
    result = ng.sweep(chicken, samples=2000, distributions={"C": ("uniform", 0, 12)}, seed=1)
    data = sweep_data(result, confidence=0.9)
    assert data.kind == "monte_carlo"
    assert data.interval == "wilson"
    assert data.confidence == 0.9
    assert np.all(data.low <= data.share)
    assert np.all(data.share <= data.high)
    # (Escalate, Escalate) holds where C <= 3: a quarter of uniform draws on [0, 12]
    k = data.outcomes.index("(Escalate, Escalate)")
    assert data.low[k] <= 0.25 <= data.high[k]
    shares = result.share(0.9)
    np.testing.assert_array_equal(data.counts, shares.counts)
    np.testing.assert_array_equal(data.share, shares.share)


def test_errors(chicken):
    with pytest.raises(ng.SweepError, match="SweepResult"):
        sweep_data(chicken)
    result = ng.sweep(chicken, grid={"C": [1.0, 5.0]})
    with pytest.raises(ng.SweepError, match="confidence"):
        sweep_data(result, confidence=2)


def test_plot_sweep_renders(chicken):
    result = ng.sweep(chicken, samples=500, distributions={"C": ("uniform", 0, 12)}, seed=2)
    ax = plot_sweep(result)
    render(ax)
    assert ax.get_title() == "October chicken\nequilibria at 500 Monte Carlo draws"
    assert ax.get_xlabel() == "share of points at which the outcome is an equilibrium"
    assert ax.get_ylabel() == "outcome (US, China)"
    assert [t.get_text() for t in ax.get_yticklabels()] == list(result.outcomes)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "pure equilibrium",
        "mixed equilibrium",
        "95% confidence interval (Wilson)",
    ]


def test_plot_grid_sweep_has_no_interval(chicken):
    ax = plot_sweep(ng.sweep(chicken, grid={"C": [1.0, 2.0]}))
    render(ax)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["pure equilibrium"]
    assert ax.get_title() == "October chicken\nequilibria at 2 grid points"
