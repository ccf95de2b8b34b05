"""Crisis bargaining with audience costs, the war of attrition, screening, October 2025."""

from __future__ import annotations

import itertools

import pytest
import sympy as sp

import negotiation as ng
from negotiation.games.crisis import (
    CrisisBargaining,
    october_2025,
    up_front_screening,
    war_of_attrition,
)

p, a, c, k, q = sp.symbols("p a c k q", positive=True)
GRID = [sp.Rational(n, 10) for n in range(1, 10)]


# ---------------------------------------------------------------------- Fearon's condition
def test_fearons_audience_cost_condition():
    # Once the threat is public, the irresolute leader compares fighting (-c) with backing
    # down (-a): it fights iff a >= c. In the tree, that is its choice after resistance.
    crisis = CrisisBargaining()
    assert crisis.resolve_condition() == (a >= c)
    for audience, war in ((1, 2), (3, 2), (2, 2)):
        tree = crisis.subs(p=sp.Rational(1, 2), a=audience, c=war, k=2).tree()
        last = tree.node(["irresolute", "Threaten", "Resist"])
        fights = last["Fight"].payoffs[0] >= last["Back down"].payoffs[0]
        assert fights == (audience >= war)
        choices = {
            spe.choices[("irresolute", "Threaten", "Resist")] for spe in tree.subgame_perfect()
        }
        if audience != war:
            assert choices == {"Fight" if audience > war else "Back down"}
        else:  # indifferent: both are subgame perfect
            assert choices == {"Fight", "Back down"}


def test_deterrence_needs_tied_hands_or_a_high_prior():
    # By hand: if a >= c both types fight after resistance, so a target (k > 1) concedes
    # to any threat, and both types threaten. If a < c the irresolute type backs down; a
    # pooled threat is conceded iff the target's expected war cost p*k is at least the
    # stake 1, i.e. p >= 1/k. Otherwise no pure equilibrium deters.
    crisis = CrisisBargaining()
    deter = crisis.deterrence_condition()
    assert sp.simplify(deter.subs({a: 3, c: 2})) is sp.true
    for pv, av, cv, kv in itertools.product(GRID[::2], (1, 2, 3), (2,), (2, 4)):
        expected = av >= cv or pv * kv >= 1
        assert bool(deter.subs({p: pv, a: av, c: cv, k: kv})) == expected
        numeric = crisis.subs(p=pv, a=av, c=cv, k=kv).perfect_bayesian_equilibria()
        deterring = [
            e
            for e in numeric
            if e.is_pure
            and e.message("irresolute") == "Threaten"
            and e.response("Threaten") == "Concede"
        ]
        assert bool(deterring) == expected


def test_bluffing_when_the_prior_is_low():
    # By hand (a < c, p < 1/k): the resolved type threatens; the irresolute type bluffs with
    # probability s, making the target indifferent: posterior p / (p + (1 - p) s) = 1/k, so
    # s = p (k - 1) / (1 - p). The target resists with probability r, making the bluffer
    # indifferent: (1 - r) * 1 + r * (-a) = 0, so r = 1 / (1 + a).
    crisis = CrisisBargaining()
    mix = crisis.bluffing()
    assert sp.simplify(mix["bluff"] - p * (k - 1) / (1 - p)) == 0
    assert sp.simplify(mix["resist"] - 1 / (1 + a)) == 0
    assert sp.simplify(mix["deters"] - a / (1 + a)) == 0
    # Higher audience costs make a threat more likely to work.
    assert sp.diff(mix["deters"], a).subs(a, 1) > 0
    numeric = CrisisBargaining(
        prior=sp.Rational(1, 5), audience_cost=1, war_cost=2, war_value=1, target_war_cost=2
    )
    (eq,) = numeric.perfect_bayesian_equilibria()
    assert eq.kind == "semi-separating"
    assert eq.sender["irresolute"]["Threaten"] == sp.Rational(1, 4)
    assert eq.receiver["Threaten"] == {"Concede": sp.Rational(1, 2), "Resist": sp.Rational(1, 2)}
    assert eq.beliefs["Threaten"]["resolved"] == sp.Rational(1, 2)


def test_the_tree_agrees_with_the_signalling_game():
    # The subgame-perfect equilibria of the full tree (which solves the root stage in mixed
    # strategies) give the same bluffing and resistance probabilities.
    numeric = CrisisBargaining(
        prior=sp.Rational(1, 5), audience_cost=1, war_cost=2, war_value=1, target_war_cost=2
    )
    (spe,) = numeric.tree().subgame_perfect()
    assert not spe.is_pure
    assert spe.behaviour[("irresolute",)]["Threaten"] == sp.Rational(1, 4)
    assert spe.behaviour[("resolved", "Threaten")]["Resist"] == sp.Rational(1, 2)
    (pbe,) = numeric.perfect_bayesian_equilibria()
    assert spe.payoffs[1] == pbe.receiver_payoff


def test_crisis_inputs_are_checked():
    with pytest.raises(ng.InvalidGameError, match="strictly between 0 and 1"):
        CrisisBargaining(prior=1)
    with pytest.raises(ng.InvalidGameError, match="above 1"):
        CrisisBargaining(target_war_cost=1)
    with pytest.raises(ng.InvalidGameError, match="must not be negative"):
        CrisisBargaining(audience_cost=-1)
    assert CrisisBargaining().parameters == (a, c, k, p)
    assert CrisisBargaining().subs(a=2).audience_cost == 2


# ---------------------------------------------------------------------- October 2025
def test_october_2025():
    model = october_2025()
    assert model.players == ("US", "China")
    # Stylised: war cost 3, China's cost 5 (so a pooled threat works from p = 1/5).
    assert model.deterrence_condition() == sp.Or(a >= 3, p >= sp.Rational(1, 5))
    mix = model.bluffing()
    assert sp.simplify(mix["bluff"] - 4 * p / (1 - p)) == 0
    low, high = (model.subs(p=sp.Rational(1, 10), a=x) for x in (sp.Rational(1, 2), 2))
    assert low.bluffing()["deters"] == sp.Rational(1, 3)
    assert high.bluffing()["deters"] == sp.Rational(2, 3)
    assert model.subs(a=4).deterrence_condition() is sp.true


# ---------------------------------------------------------------------- war of attrition
def test_war_of_attrition_tough_types_hold_out():
    # By hand, prize 4, two rounds, costs 1 (tough) and 3 (soft), each side tough with
    # probability q. If tough types hold out and soft ones quit at once: a tough side gets
    # 4(1 - q) holding out, 4 - 5q quitting after one round, 2(1 - q) quitting at once
    # (always worse); a soft side gets 2(1 - q) quitting at once, 4 - 7q after one round,
    # 4 - 8q holding out. So the profile is an equilibrium iff q >= 2/5.
    game = war_of_attrition(priors=[q, q])
    profile = [{"tough": "hold out", "soft": "quit at 0"}] * 2
    cond = game.equilibrium_conditions(profile)
    for value in GRID:
        assert bool(cond.subs(q, value)) == (value >= sp.Rational(2, 5))
    numeric = war_of_attrition()
    plays = [eq.play for eq in numeric.equilibria(method="pure", exact=True)]
    assert tuple(profile) in plays
    (eq,) = [e for e in numeric.equilibria(exact=True) if e.play == tuple(profile)]
    assert eq.interim_payoff("US", "tough") == 2  # 4 (1 - 1/2)
    assert eq.interim_payoff("China", "soft") == 1  # 2 (1 - 1/2)


def test_war_of_attrition_labels_and_errors():
    game = war_of_attrition(rounds=3)
    assert game.strategies[0] == ("quit at 0", "quit at 1", "quit at 2", "hold out")
    assert game.players == ("US", "China")
    with pytest.raises(ng.InvalidGameError, match="rounds must be"):
        war_of_attrition(rounds=0)
    with pytest.raises(ng.InvalidGameError, match="'tough' and 'soft'"):
        war_of_attrition(costs={"low": 1})


# ---------------------------------------------------------------------- screening
def test_up_front_screening():
    # By hand: under full relief the committed type renews (3 > 0) and the opportunist
    # lets the licences lapse (4 > 3); under staged relief both renew (2 > 0). The US
    # grants full relief iff 3q - 2(1 - q) >= 2, i.e. q >= 4/5.
    tree = up_front_screening()
    assert tree.spe_conditions(["committed", "Full relief"]) == (q >= sp.Rational(4, 5))
    for value, terms in ((sp.Rational(9, 10), "Full relief"), (sp.Rational(1, 2), "Staged relief")):
        (spe,) = up_front_screening(value).subgame_perfect()
        assert spe.choices[("committed",)] == terms
        assert spe.choices[("opportunist", "Full relief")] == "Lapse"
        assert spe.choices[("opportunist", "Staged relief")] == "Renew"
    cheaper = up_front_screening(staging_cost=sp.Rational(1, 2))
    assert cheaper.spe_conditions(["committed", "Full relief"]) == (q >= sp.Rational(9, 10))
