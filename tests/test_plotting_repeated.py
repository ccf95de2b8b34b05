"""Repeated-game pictures: payoff sets and thresholds against the model, simulation streams."""

import numpy as np
import pytest
import sympy as sp
from plot_helpers import legend_texts, render

import negotiation as ng
from negotiation.plotting import plot_repeated, repeated_data
from negotiation.plotting.repeated import RepeatedData, SimulationData


@pytest.fixture
def game_a():
    """Game A of the domain brief: the tariff prisoner's dilemma ($bn, stylised)."""
    return ng.Game(
        [[0, -40], [10, -30]],
        [[0, 10], [-90, -70]],
        players=("US", "China"),
        strategies=(("Truce", "Escalate"), ("Truce", "Escalate")),
        name="Tariff dilemma",
    )


@pytest.fixture
def game_b():
    """Game B of the domain brief: implementing Geneva (stylised)."""
    return ng.Game(
        [[3, -2, -6], [4, -1, -4], [1, -3, -7]],
        [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
        players=("US", "China"),
        strategies=(("L", "H", "E"), ("D", "S", "W")),
        name="Implementing Geneva",
    )


def test_thresholds_of_the_tariff_dilemma(game_a):
    data = repeated_data(ng.RepeatedGame(game_a))
    assert isinstance(data, RepeatedData)
    # domain brief: delta*_US = 0.25 and delta*_CN = 0.125
    assert data.profile == ("Truce", "Truce")
    assert data.critical_discounts == (0.25, 0.125)
    assert data.threshold == 0.25
    assert data.gains == (10.0, 10.0)
    assert data.losses == (30.0, 70.0)
    assert data.discount is None
    assert data.sustainable is None
    # the discounted loss delta/(1 - delta) (R - P) overtakes the gain exactly at delta*
    for k in (0, 1):
        crossing = np.interp(data.gains[k], data.future_losses[k], data.deltas)
        assert crossing == pytest.approx(data.critical_discounts[k], abs=1e-3)


def test_game_b_sets_and_harsher_punishment(game_b):
    rg = ng.RepeatedGame(game_b, 0.9)
    data = repeated_data(rg)
    assert data.profile == ("L", "D")
    assert data.threshold == pytest.approx(0.2)
    assert data.sustainable is True
    assert data.discount == pytest.approx(0.9)
    assert data.target == (3.0, 3.0)
    np.testing.assert_array_equal(data.feasible, np.array(rg.feasible_set(), dtype=float))
    np.testing.assert_array_equal(
        data.individually_rational, np.array(rg.individually_rational_set(), dtype=float)
    )
    assert data.minmax == tuple(float(v) for v in rg.minmax_values())
    assert len(data.stage_labels) == 9
    assert data.stage_labels[0] == "L/D"
    harsh = repeated_data(rg, punishment=("E", "W"))
    assert harsh.threshold == pytest.approx(0.125)
    assert harsh.punishment == ("E", "W")


def test_k_period_punishment(game_b):
    rg = ng.RepeatedGame(game_b)
    data = repeated_data(rg, strategy="punish", periods=2)
    expected = [float(v) for v in rg.critical_discounts(("L", "D"), "punish", periods=2)]
    assert list(data.critical_discounts) == pytest.approx(expected)
    assert data.strategy_text == "2-round punishment"
    weight = data.deltas + data.deltas**2
    np.testing.assert_allclose(data.future_losses[0], weight * data.losses[0])


def test_chosen_profile_by_index(game_b):
    data = repeated_data(ng.RepeatedGame(game_b, 0.5), profile=(0, 0))
    assert data.profile == ("L", "D")


def test_simulation_data(game_b):
    rg = ng.RepeatedGame(game_b, 0.9)
    sim = ng.simulate(
        rg,
        ("tit_for_tat", "grim_trigger"),
        rounds=60,
        noise=0.05,
        deadline=20,
        renewal=1.0,
        seed=3,
    )
    data = repeated_data(sim)
    assert isinstance(data, SimulationData)
    np.testing.assert_array_equal(data.payoffs, sim.payoffs)
    np.testing.assert_array_equal(data.rounds, np.arange(1, sim.rounds + 1))
    np.testing.assert_array_equal(data.trembles, sim.trembles)
    assert data.renewals == sim.renewals
    assert data.average == sim.average_payoffs
    assert data.discounted == sim.discounted_payoffs
    assert data.title == "US (tit for tat) vs China (grim trigger)"
    ax = plot_repeated(sim)
    render(ax)
    assert ax.get_xlabel() == "round"
    assert ax.get_ylabel() == "payoff per round"
    assert legend_texts(ax)[0].startswith("US (tit for tat): average ")
    if sim.renewals:
        assert "deadline renewed" in legend_texts(ax)


def test_errors(game_a, game_b):
    t = sp.Symbol("t")
    symbolic = ng.Game([[t, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(ng.FreeParameterError, match="t"):
        repeated_data(ng.RepeatedGame(symbolic, 0.9))
    with pytest.raises(ng.RepeatedGameError, match="not 'tit_for_tat'"):
        repeated_data(ng.RepeatedGame(game_a), strategy="tit_for_tat")
    with pytest.raises(ng.RepeatedGameError, match="RepeatedGame or a Simulation"):
        repeated_data(game_a)
    sim = ng.simulate(ng.RepeatedGame(game_b, 0.9), rounds=5, seed=0)
    with pytest.raises(ng.RepeatedGameError, match="already fixes its strategies"):
        repeated_data(sim, profile=("L", "D"))
    with pytest.raises(ng.RepeatedGameError, match="unknown view 'folk'"):
        plot_repeated(ng.RepeatedGame(game_a), view="folk")


def test_plot_set_renders(game_b):
    ax = plot_repeated(ng.RepeatedGame(game_b, 0.9))
    render(ax)
    assert ax.get_title() == "Implementing Geneva\nfeasible and individually rational payoffs"
    assert ax.get_xlabel() == "US's average payoff"
    assert ax.get_ylabel() == "China's average payoff"
    assert legend_texts(ax) == [
        "feasible payoffs",
        "feasible and individually rational",
        "stage-game outcomes",
        "US's minmax value -4",
        "China's minmax value -4",
        "target (L, D): sustained for δ ≥ 0.2",
    ]


def test_plot_threshold_renders(game_a):
    ax = plot_repeated(ng.RepeatedGame(game_a, 0.2), view="threshold")
    render(ax)
    assert ax.get_title() == "Tariff dilemma\nsustaining (Truce, Truce) by grim trigger"
    assert ax.get_xlabel() == "discount factor δ"
    assert ax.get_ylabel() == "payoff"
    texts = legend_texts(ax)
    assert "US: one-shot gain from deviating (10)" in texts
    assert "sustainable: δ ≥ 0.25" in texts
    assert "this game's δ = 0.2 (not sustained)" in texts


def test_threshold_of_a_one_shot_equilibrium_says_so():
    deal = ng.Game.symmetric(
        [[3, 0], [0, 1]], strategies=("Deal", "NoDeal"), players=("US", "China"), name="Deal"
    )
    rg = ng.RepeatedGame(deal, 0.5)
    data = repeated_data(rg)
    assert data.one_shot_equilibrium
    assert data.gains == (0.0, 0.0)
    ax = plot_repeated(rg, view="threshold")
    render(ax)
    assert ax.get_ylim() == (0.0, 1.0)  # not an axis scaled to 1e-9
    assert ax.get_title() == "Deal\n(Deal, Deal) needs no enforcement"
    shown = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
    assert "already an equilibrium of the one-shot game" in shown
    assert "this game's δ = 0.5 (sustained)" in legend_texts(ax)


def test_a_target_with_a_gain_is_not_a_one_shot_equilibrium(game_a):
    assert not repeated_data(ng.RepeatedGame(game_a, 0.5)).one_shot_equilibrium
