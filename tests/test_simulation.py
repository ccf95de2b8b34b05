"""Simulated repeated play: strategies, trembles, seeds, the renewable deadline, payoffs."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.games.simulation import BUILTIN_STRATEGIES


def pd() -> ng.Game:
    return ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))


def game_b() -> ng.Game:
    """Domain brief section 4, Game B (stylised)."""
    return ng.Game(
        [[3, -2, -6], [4, -1, -4], [1, -3, -7]],
        [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
        players=("US", "China"),
        strategies=(("L", "H", "E"), ("D", "S", "W")),
    )


def deviate_once(at: int, label: str, otherwise: str):
    def strategy(history, player, rng):
        return label if len(history) == at else otherwise

    strategy.__name__ = f"deviate_at_{at}"
    return strategy


# ---------------------------------------------------------------------- strategies
def test_tit_for_tat_pair_cooperates_forever_without_noise():
    sim = ng.simulate(ng.RepeatedGame(pd(), 0.9), ("tit_for_tat", "tit_for_tat"), rounds=20)
    assert sim.actions == (("C", "C"),) * 20
    assert sim.ended_by == "rounds"
    assert not sim.trembles.any()
    assert sim.cooperation.all()


def test_tit_for_tat_against_always_defect():
    sim = ng.simulate(ng.RepeatedGame(pd(), 0.9), ("tit_for_tat", "always_defect"), rounds=4)
    assert sim.actions == (("C", "D"), ("D", "D"), ("D", "D"), ("D", "D"))
    np.testing.assert_array_equal(sim.payoffs, [[0, 5], [1, 1], [1, 1], [1, 1]])


def test_grim_trigger_punishes_forever_tit_for_tat_forgives():
    rg = ng.RepeatedGame(game_b(), 0.9)
    once = deviate_once(3, "S", "D")
    grim = rg.simulate(("grim_trigger", once), rounds=8)
    tft = rg.simulate(("tit_for_tat", once), rounds=8)
    assert [a for a, _ in grim.actions] == ["L"] * 4 + ["H"] * 4
    assert [a for a, _ in tft.actions] == ["L"] * 4 + ["H"] + ["L"] * 3
    assert grim.strategies == ("grim_trigger", "deviate_at_3")
    assert grim.target == ("L", "D")
    assert grim.punishment == ("H", "S")


def test_generous_tit_for_tat_extremes():
    rg = ng.RepeatedGame(pd(), 0.9)
    once = deviate_once(0, "D", "C")
    forgiving = rg.simulate(("generous_tit_for_tat", once), rounds=5, generosity=1.0, seed=0)
    strict = rg.simulate(("generous_tit_for_tat", once), rounds=5, generosity=0.0, seed=0)
    assert [a for a, _ in forgiving.actions] == ["C"] * 5
    assert [a for a, _ in strict.actions] == ["C", "D", "C", "C", "C"]


def test_always_cooperate_needs_no_punishment():
    pennies = ng.Game.zero_sum([[1, -1], [-1, 1]], strategies=(("H", "T"), ("H", "T")))
    sim = ng.simulate(
        ng.RepeatedGame(pennies, 0.9), ("always_cooperate", "always_cooperate"), rounds=3
    )
    assert sim.actions == (("H", "H"),) * 3
    assert sim.punishment is None
    with pytest.raises(ng.RepeatedGameError, match="no pure Nash equilibrium"):
        ng.simulate(ng.RepeatedGame(pennies, 0.9), ("grim_trigger", "always_cooperate"), rounds=3)
    named = ng.simulate(
        ng.RepeatedGame(pennies, 0.9),
        ("always_defect", "always_cooperate"),
        rounds=2,
        punishment=("T", "T"),
    )
    assert named.actions == (("T", "H"), ("T", "H"))


def test_custom_strategies_receive_the_history_and_may_return_indices():
    seen = []

    def recorder(history, player, rng):
        seen.append((history, player))
        return 1

    sim = ng.simulate(ng.RepeatedGame(pd(), 0.9), (recorder, "always_cooperate"), rounds=3)
    assert sim.actions == (("D", "C"),) * 3
    assert seen[2] == ((("D", "C"), ("D", "C")), 0)
    assert sim.strategies == ("recorder", "always_cooperate")


def test_target_can_be_chosen():
    sim = ng.simulate(
        ng.RepeatedGame(game_b(), 0.9),
        ("always_cooperate", "always_cooperate"),
        rounds=2,
        target=("E", "W"),
    )
    assert sim.actions == (("E", "W"), ("E", "W"))


# ---------------------------------------------------------------------- payoffs
def test_discounted_payoffs_are_the_weighted_sums():
    delta = 0.8
    sim = ng.simulate(ng.RepeatedGame(pd(), delta), ("tit_for_tat", "always_defect"), rounds=6)
    stream = [(0, 5)] + [(1, 1)] * 5
    expected = [sum(delta**t * u[k] for t, u in enumerate(stream)) for k in (0, 1)]
    assert sim.discounted_payoffs == pytest.approx(expected)
    assert sim.normalised_payoffs == pytest.approx([(1 - delta) * e for e in expected])
    assert sim.average_payoffs == pytest.approx([5 / 6, 10 / 6])
    np.testing.assert_allclose(sim.cumulative_payoffs[-1], [5, 10])
    np.testing.assert_allclose(sim.weights, delta ** np.arange(6))


def test_long_cooperation_approaches_the_stage_payoff():
    sim = ng.simulate(ng.RepeatedGame(pd(), 0.9), ("grim_trigger", "grim_trigger"), rounds=400)
    assert sim.normalised_payoffs == pytest.approx((3.0, 3.0))


def test_result_arrays_are_read_only():
    sim = ng.simulate(ng.RepeatedGame(pd(), 0.9), ("tit_for_tat", "tit_for_tat"), rounds=3)
    with pytest.raises(ValueError, match="read-only"):
        sim.payoffs[0, 0] = 9
    with pytest.raises(ValueError, match="read-only"):
        sim.trembles[0, 0] = True


# ---------------------------------------------------------------------- noise and seeds
def test_same_seed_same_history():
    rg = ng.RepeatedGame(game_b(), 0.95)
    runs = [
        rg.simulate(("generous_tit_for_tat", "grim_trigger"), rounds=200, noise=0.1, seed=42)
        for _ in range(2)
    ]
    assert runs[0].actions == runs[1].actions
    np.testing.assert_array_equal(runs[0].payoffs, runs[1].payoffs)
    np.testing.assert_array_equal(runs[0].trembles, runs[1].trembles)
    other = rg.simulate(("generous_tit_for_tat", "grim_trigger"), rounds=200, noise=0.1, seed=43)
    assert other.actions != runs[0].actions


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.0, 0.5))
def test_trembles_are_exactly_where_play_leaves_the_intended_action(seed, noise):
    sim = ng.simulate(
        ng.RepeatedGame(game_b(), 0.9),
        ("always_cooperate", "always_cooperate"),
        rounds=60,
        noise=noise,
        seed=seed,
    )
    np.testing.assert_array_equal(sim.trembles, ~sim.cooperation)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(BUILTIN_STRATEGIES),
    st.sampled_from(BUILTIN_STRATEGIES),
    st.integers(0, 10_000),
    st.floats(0.0, 0.3),
)
def test_any_pair_of_builtins_is_reproducible(a, b, seed, noise):
    rg = ng.RepeatedGame(game_b(), 0.9)
    first = rg.simulate((a, b), rounds=40, noise=noise, seed=seed)
    second = rg.simulate((a, b), rounds=40, noise=noise, seed=seed)
    assert first.actions == second.actions
    assert first.payoffs.shape == (40, 2)
    assert first.discounted_payoffs == second.discounted_payoffs


def test_a_generator_can_be_passed_as_seed():
    rg = ng.RepeatedGame(pd(), 0.9)
    a = rg.simulate(
        ("tit_for_tat", "tit_for_tat"), rounds=50, noise=0.2, seed=np.random.default_rng(5)
    )
    b = rg.simulate(
        ("tit_for_tat", "tit_for_tat"), rounds=50, noise=0.2, seed=np.random.default_rng(5)
    )
    assert a.actions == b.actions
    assert a.seed is None


# ---------------------------------------------------------------------- deadline
def test_deadline_never_renewed_stops_at_the_first_clock():
    sim = ng.simulate(
        ng.RepeatedGame(pd(), 0.99),
        ("tit_for_tat", "tit_for_tat"),
        rounds=365,
        deadline=90,
        renewal=0.0,
        seed=1,
    )
    assert sim.rounds == 90
    assert sim.ended_by == "deadline"
    assert sim.renewals == ()


def test_deadline_always_renewed_runs_to_the_horizon():
    sim = ng.simulate(
        ng.RepeatedGame(pd(), 0.99),
        ("tit_for_tat", "tit_for_tat"),
        rounds=365,
        deadline=90,
        renewal=1.0,
        seed=1,
    )
    assert sim.rounds == 365
    assert sim.ended_by == "rounds"
    assert sim.renewals == (90, 180, 270, 360)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.0, 1.0))
def test_renewal_clock_structure(seed, renewal):
    sim = ng.simulate(
        ng.RepeatedGame(pd(), 0.9),
        ("tit_for_tat", "tit_for_tat"),
        rounds=500,
        deadline=90,
        renewal=renewal,
        seed=seed,
    )
    if sim.ended_by == "deadline":
        assert sim.rounds % 90 == 0
        assert sim.renewals == tuple(range(90, sim.rounds, 90))
    else:
        assert sim.rounds == 500


# ---------------------------------------------------------------------- bad input
def test_bad_settings_name_the_fix():
    rg = ng.RepeatedGame(pd(), 0.9)
    with pytest.raises(ng.RepeatedGameError, match=r"unknown strategy 'tft'.*tit_for_tat"):
        rg.simulate(("tft", "tit_for_tat"))
    with pytest.raises(ng.RepeatedGameError, match="two strategies"):
        rg.simulate("tit_for_tat")
    with pytest.raises(ng.RepeatedGameError, match=r"noise must be a probability in \[0, 1\)"):
        rg.simulate(noise=1.0)
    with pytest.raises(ng.RepeatedGameError, match="renewal must be a probability"):
        rg.simulate(renewal=1.5)
    with pytest.raises(ng.RepeatedGameError, match="rounds must be a whole number >= 1"):
        rg.simulate(rounds=0)
    with pytest.raises(ng.RepeatedGameError, match="deadline must be a whole number"):
        rg.simulate(deadline=0)
    with pytest.raises(ng.RepeatedGameError, match="generosity"):
        rg.simulate(generosity=-0.1)
    with pytest.raises(ng.RepeatedGameError, match="returned 'X'"):
        rg.simulate((lambda h, p, rng: "X", "tit_for_tat"), rounds=1)
    with pytest.raises(ng.RepeatedGameError, match="strictly between 0 and 1"):
        rg.simulate(discount=1.0)


def test_symbolic_games_need_numbers():
    t = sp.Symbol("t")
    symbolic = ng.Game.symmetric([[3, 0], [t, 1]], strategies=("C", "D"))
    with pytest.raises(ng.FreeParameterError, match=r"depend on t.*subs\(t=...\)"):
        ng.simulate(ng.RepeatedGame(symbolic, 0.9))
    with pytest.raises(ng.FreeParameterError, match=r"pass discount=0\.9"):
        ng.simulate(ng.RepeatedGame(pd()))
    sim = ng.simulate(ng.RepeatedGame(pd()), rounds=2, discount=0.5)
    assert sim.discount == 0.5


def test_a_stage_game_needs_a_discount():
    with pytest.raises(ng.RepeatedGameError, match="needs a discount factor"):
        ng.simulate(pd())
    assert ng.simulate(pd(), rounds=2, discount=0.9).rounds == 2
    with pytest.raises(ng.RepeatedGameError, match="takes a RepeatedGame or a Game"):
        ng.simulate([[1]])  # type: ignore[arg-type]


# ---------------------------------------------------------------------- display
def test_text_and_html():
    sim = ng.simulate(
        ng.RepeatedGame(game_b(), 0.9), ("grim_trigger", "tit_for_tat"), rounds=12, seed=3
    )
    text = str(sim)
    assert text.splitlines()[0] == (
        "Simulation: US (grim_trigger) vs China (tit_for_tat), 12 rounds (ended by rounds), "
        "discount 0.9"
    )
    assert "(L,D) (L,D)" in text
    assert text.rstrip().endswith("...")
    assert repr(sim) == (
        "Simulation(strategies=('grim_trigger', 'tit_for_tat'), rounds=12, ended_by='rounds', seed=3)"
    )
    assert "<table" in sim._repr_html_()
