"""Credible punishments in repeated games: Nash threats against subgame-perfect ones.

Known answers are derived by hand in the comments; the property test checks
every returned code with an independent automaton: the strategies are
states, their values solve the Bellman equations, and no player may gain
from one deviation in any state (the one-shot deviation principle).
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.games.repeated import CredibleDiscount
from negotiation.games.strategies import StickAndCarrot


def game_b() -> ng.Game:
    """The stylised "Implementing Geneva" game: US rows L, H, E; China columns D, S, W."""
    return ng.Game(
        [[3, -2, -6], [4, -1, -4], [1, -3, -7]],
        [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
        players=("US", "China"),
        strategies=(("L", "H", "E"), ("D", "S", "W")),
    )


def war_pd() -> ng.Game:
    """A prisoner's dilemma with a mutually ruinous 'war' action W (stylised)."""
    return ng.Game.symmetric([[3, 0, -3], [4, 1, -3], [-3, -3, -4]], strategies=("C", "D", "W"))


# ---------------------------------------------------------------------- Game B, by hand
def test_nash_reversion_gives_one_fifth():
    # (H, S) is the stage equilibrium, (-1, -1); each player's best deviation from
    # (L, D) gives 4 against 3: (4 - 3) / (4 - (-1)) = 1/5.
    rg = ng.RepeatedGame(game_b())
    assert game_b().equilibria(method="pure", exact=True)[0].profile == ("H", "S")
    assert rg.critical_discount(("L", "D")) == sp.Rational(1, 5)
    result = rg.credible_discount(("L", "D"), punishment=("H", "S"))
    assert (result.delta, result.kind, result.threat) == (
        sp.Rational(1, 5),
        "stage_nash",
        sp.Rational(1, 5),
    )
    assert [p.periods for p in result.punishments] == [None, None]


def test_the_harsh_threat_is_not_credible_and_its_stick_needs_three_tenths():
    g = game_b()
    rg = ng.RepeatedGame(g)
    # As a bare threat: the deviator best-responds to W (US: H, -4) or to E (China: S,
    # -4), so (4 - 3) / (4 + 4) = 1/8.
    assert rg.critical_discount(("L", "D"), punishment=("E", "W")) == sp.Rational(1, 8)
    # China would not carry it out: once the US answers W with H, China gets -3 at
    # (H, W) against -1 from S, and even at (E, W) itself it gets -7 against -4 from S.
    _, B = g.payoff_arrays()
    assert (B[1, 2], B[1, 1], B[2, 2], B[2, 1]) == (-3, -1, -7, -4)
    assert not g.equilibrium_conditions(("E", "W"))
    result = rg.credible_discount(("L", "D"), punishment=("E", "W"))
    assert result.threat == sp.Rational(1, 8)
    assert not result.punishments[0].stage_nash
    # As a one-round stick: the punishment phase is worth V = (1 - d)(-7) + 3d to each,
    # and leaving it gives (1 - d)(-4) + d V, so V >= -4, d >= 3/10; the target then
    # needs 10 d**2 - 11 d + 1 <= 0, d >= 1/10. Longer sticks need more (d**2 >= 3/10).
    assert result.kind == "stick_and_carrot"
    assert result.delta == sp.Rational(3, 10)
    assert [p.periods for p in result.punishments] == [1, 1]
    two = rg.credible_discount(("L", "D"), punishment=("E", "W"), periods=2)
    assert sp.simplify(two.delta - sp.sqrt(sp.Rational(3, 10))) == 0


def test_the_lowest_credible_threshold_of_game_b_is_nash_reversion():
    rg = ng.RepeatedGame(game_b())
    best = rg.credible_discount(("L", "D"), max_periods=4)
    assert (best.delta, best.kind, best.credible) == (sp.Rational(1, 5), "stage_nash", True)
    assert [(p.deviator, p.profile, p.periods) for p in best.punishments] == [
        ("US", ("H", "S"), None),
        ("China", ("H", "S"), None),
    ]
    assert rg.critical_discount(("L", "D"), credible=True) == sp.Rational(1, 5)
    assert rg.critical_discount(("L", "D"), punishment=("E", "W"), credible=True) == sp.Rational(
        3, 10
    )
    assert "Nash reversion" in best.reason
    assert float(best) == 0.2


def test_a_stick_and_carrot_beats_nash_reversion():
    # Nash reversion to (D, D): (4 - 3)/(4 - 1) = 1/3. One round of (W, W): V = -4 + 7d
    # >= -3 (the best reply to W) needs d >= 1/7, and the target 7d**2 - 8d + 1 <= 0.
    rg = ng.RepeatedGame(war_pd())
    assert rg.critical_discount(("C", "C")) == sp.Rational(1, 3)
    best = rg.credible_discount(("C", "C"))
    assert (best.delta, best.kind) == (sp.Rational(1, 7), "stick_and_carrot")
    assert [(p.profile, p.periods) for p in best.punishments] == [(("W", "W"), 1)] * 2


def test_no_credible_punishment_is_reported_not_raised():
    pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
    rg = ng.RepeatedGame(pd)
    # (C, D) gives Row 0, below the 1 it can always secure: nothing sustains it
    result = rg.credible_discount(("C", "D"))
    assert (result.delta, result.kind, result.credible) == (sp.oo, "not_credible", False)
    named = rg.credible_discount(("C", "D"), punishment=("C", "C"))
    assert (named.kind, named.threat) == ("not_credible", sp.oo)
    assert "not credible" in named.reason


def test_credible_needs_numbers_and_a_sensible_request():
    T, R, P, S = sp.symbols("T R P S")
    pd = ng.Game.symmetric([[R, S], [T, P]], strategies=("C", "D"))
    with pytest.raises(ng.FreeParameterError, match=r"credible discount.*stage_game\.subs"):
        ng.RepeatedGame(pd).credible_discount(("C", "C"))
    rg = ng.RepeatedGame(game_b())
    with pytest.raises(ng.RepeatedGameError, match="tit-for-tat is not a subgame-perfect"):
        rg.critical_discount(("L", "D"), "tit_for_tat", credible=True)
    with pytest.raises(ng.RepeatedGameError, match="max_periods must be a whole number"):
        rg.credible_discount(("L", "D"), max_periods=0)
    with pytest.raises(ng.RepeatedGameError, match="periods must be a whole number"):
        rg.credible_discount(("L", "D"), periods=100)
    big = ng.Game(np.zeros((30, 30)), np.zeros((30, 30)))
    with pytest.raises(ng.RepeatedGameError, match="smaller max_periods or name one punishment"):
        ng.RepeatedGame(big).credible_discount((0, 0))


def test_punish_strategy_with_credible_fixes_the_length():
    rg = ng.RepeatedGame(game_b())
    # one round of the stage equilibrium: 4 - 3 <= (3 + 1) d, d >= 1/4, as "punish" says
    assert rg.critical_discount(("L", "D"), "punish", periods=1) == sp.Rational(1, 4)
    assert rg.critical_discount(
        ("L", "D"), "punish", periods=1, punishment=("H", "S"), credible=True
    ) == sp.Rational(1, 4)


def test_stick_and_carrot_in_simulation_returns_to_the_target():
    rg = ng.RepeatedGame(game_b(), 0.5)
    sim = rg.simulate(
        ("stick_and_carrot", "stick_and_carrot"),
        rounds=6,
        target=("L", "D"),
        punishment=("E", "W"),
    )
    assert set(sim.actions) == {("L", "D")}
    china_tempted = StickAndCarrot(1, ("L", "D"), ("E", "W"))
    assert china_tempted((("L", "S"),), 1, None) == "W"
    assert china_tempted((("L", "S"), ("E", "W")), 1, None) == "D"


# ---------------------------------------------------------------------- independent check
def _automaton_holds(game: ng.Game, result: CredibleDiscount, delta: float) -> bool:
    """Whether the code in ``result`` is subgame perfect at ``delta``, by its automaton."""
    A, B = (np.array(a, dtype=float) for a in game.payoff_arrays())

    def mix(k, profile):
        if isinstance(profile[k], str):
            v = np.zeros(game.shape[k])
            v[game.index(k, profile[k])] = 1.0
            return v
        return np.array([float(x) for x in profile[k]])

    states = [("target", None)]
    plays = {("target", None): (mix(0, result.target), mix(1, result.target))}
    for i, p in enumerate(result.punishments):
        rounds = [None] if p.periods is None else list(range(p.periods, 0, -1))
        for r in rounds:
            states.append((i, r))
            plays[(i, r)] = (mix(0, p.profile), mix(1, p.profile))
    start = {i: (i, p.periods) for i, p in enumerate(result.punishments)}

    def following(s):
        if s[0] == "target" or s[1] is None:
            return s
        return (s[0], s[1] - 1) if s[1] > 1 else ("target", None)

    index = {s: k for k, s in enumerate(states)}
    values = []
    for U in (A, B):
        M = np.eye(len(states))
        b = np.zeros(len(states))
        for s in states:
            x, y = plays[s]
            M[index[s], index[following(s)]] -= delta
            b[index[s]] = (1 - delta) * (x @ U @ y)
        values.append(np.linalg.solve(M, b))
    scale = 1e-9 * (1 + np.abs(A).max() + np.abs(B).max())
    for s in states:
        x, y = plays[s]
        for k, U in ((0, A), (1, B)):
            own, other = (x, y) if k == 0 else (y, x)
            stage = U @ other if k == 0 else other @ U
            for a in range(game.shape[k]):
                if own[a] > 0:
                    continue  # within the support: not a deviation the other can see
                deviation = (1 - delta) * stage[a] + delta * values[k][index[start[k]]]
                if deviation > values[k][index[s]] + scale:
                    return False
    return True


payoff = st.integers(-6, 6)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 3), st.integers(2, 3), st.data())
def test_every_credible_code_is_subgame_perfect_and_no_lower_delta_works(m, n, data):
    A = data.draw(st.lists(st.lists(payoff, min_size=n, max_size=n), min_size=m, max_size=m))
    B = data.draw(st.lists(st.lists(payoff, min_size=n, max_size=n), min_size=m, max_size=m))
    game = ng.Game(A, B)
    target = (data.draw(st.integers(0, m - 1)), data.draw(st.integers(0, n - 1)))
    result = ng.RepeatedGame(game).credible_discount(target, max_periods=2)
    if not result.credible:
        assert result.delta == sp.oo
        return
    d = float(result.delta)
    assert 0 <= d < 1
    for delta in (d + (1 - d) * f for f in (1e-6, 0.3, 0.7, 0.99)):
        assert _automaton_holds(game, result, delta), (A, B, target, result, delta)
    if d > 1e-3:
        assert not _automaton_holds(game, result, d - 1e-4)
    assert result.kind == (
        "stage_nash" if all(p.stage_nash for p in result.punishments) else "stick_and_carrot"
    )
