"""The built-in October 2025 scenario with private resolve, and [types] tables in scenario files."""

from __future__ import annotations

import random

import pytest
import sympy as sp

import negotiation as ng
from negotiation.games.crisis import CrisisBargaining
from negotiation.scenarios.files import loads
from negotiation.scenarios.private_file import PrivateScenario

R = sp.Rational
PLANS = {
    "Quiet": ("Stay quiet", "*"),
    "Bluff": ("Threaten", "Back down"),
    "Commit": ("Threaten", "Fight"),
}
ANSWERS = {"Keep": "Resist", "Pause": "Concede"}


@pytest.fixture(scope="module")
def october() -> PrivateScenario:
    return ng.load("october_2025")


def test_loads_by_name_as_a_scenario_with_private_resolve(october):
    assert isinstance(october, PrivateScenario)
    assert isinstance(october, ng.Scenario)
    assert "october_2025" in ng.scenarios()
    assert october.date.isoformat() == "2025-10-10"
    assert october.informed == ("US",)
    assert [(t.name, t.probability) for t in october.types] == [
        ("resolved", sp.Symbol("p")),
        ("irresolute", 1 - sp.Symbol("p")),
    ]
    # the figures of the episode, with their sources
    issue = october.issue("us_threat")
    assert [lv.value for lv in issue.levels] == [57, 157, 157]
    assert "0.1%" in october.issue("china_controls").level("keep").label
    assert "Busan" in october.issue("china_controls").level("pause_if_threatened").label


def test_same_game_as_the_crisis_bargaining_model_at_random_points(october):
    # The file's Harsanyi form equals the reduced strategic form of ng.october_2025()'s
    # tree, plan by plan, at random parameter values: two independent constructions.
    rng = random.Random(7)
    harsanyi = october.game(symbolic=True)
    for _ in range(5):
        values = {
            "p": R(rng.randint(1, 9), 10),
            "a": R(rng.randint(0, 8), 2),
            "c": R(rng.randint(1, 8), 2),
            "w": R(rng.randint(0, 4), 2),
            "k": R(rng.randint(3, 12), 2),
        }
        mine = harsanyi.subs({sp.Symbol(n): v for n, v in values.items()})
        crisis = CrisisBargaining(
            prior=values["p"],
            audience_cost=values["a"],
            war_cost=values["c"],
            war_value=values["w"],
            target_war_cost=values["k"],
            players=("US", "China"),
        )
        tree = crisis.tree().to_game(reduced=True)
        for i, plan in enumerate(mine.strategies[0]):
            (resolved, irresolute) = (part.split(" if ")[0] for part in plan.split(", "))
            label = "/".join((*PLANS[resolved], *PLANS[irresolute]))
            for j, answer in enumerate(mine.strategies[1]):
                k = tree.strategies[0].index(label), tree.strategies[1].index(ANSWERS[answer])
                assert mine.row_payoffs[i, j] == tree.row_payoffs[k]
                assert mine.col_payoffs[i, j] == tree.col_payoffs[k]


def test_bayes_nash_equilibria_contain_the_bluffing_equilibrium(october):
    # At the defaults (p = 1/10 < 1/5, a = 1 < c = 3) the sequential model's only PBE is
    # semi-separating: the irresolute US bluffs with probability 4/9, China resists half
    # the time (ng.october_2025()); it is a Bayes-Nash equilibrium of the file's game.
    (pbe,) = ng.october_2025(prior=R(1, 10), audience_cost=1).perfect_bayesian_equilibria()
    assert pbe.sender["irresolute"]["Threaten"] == R(4, 9)
    found = october.bayesian_game().equilibria(exact=True)
    bluffing = [
        eq
        for eq in found
        if eq.strategy("US", "irresolute") == {"Quiet": R(5, 9), "Bluff": R(4, 9), "Commit": 0}
    ]
    assert len(bluffing) == 1
    assert bluffing[0].strategy("China", "any") == {"Keep": R(1, 2), "Pause": R(1, 2)}
    assert bluffing[0].action("US", "resolved") == "Commit"
    assert bluffing[0].interim_payoff("US", "resolved") == R(3, 4)


def test_deterrence_condition_is_fearons(october):
    # Both types threaten and China pauses iff the chance of a fight deters: k*p >= 1.
    game = october.bayesian_game(symbolic=True)
    pooling = [{"resolved": "Commit", "irresolute": "Bluff"}, "Pause"]
    assert game.equilibrium_conditions(pooling) == (sp.Symbol("k") * sp.Symbol("p") >= 1)
    assert october.with_defaults(p=R(3, 10)).bayesian_game().equilibrium_conditions(pooling)
    assert not october.bayesian_game().equilibrium_conditions(pooling)


def test_show_states_the_types_and_the_payoffs_per_type(october):
    text = october.summary()
    assert "US is resolved with probability p = 1/10*" in text
    assert "US is irresolute with probability 1 - p = 9/10*" in text
    assert "Payoffs when US is irresolute" in text
    assert "Commit       -3, -5   1, -1" in text
    assert "Commit       1/2, -5   1, -1" in text


def test_round_trip_subs_and_defaults(october, tmp_path):
    path = october.save(tmp_path / "october.toml")
    back = ng.load(path)
    assert back == october
    assert back.to_toml() == october.to_toml()
    half = october.subs(p=R(1, 2))
    assert isinstance(half, PrivateScenario)
    assert [t.probability for t in half.types] == [R(1, 2), R(1, 2)]
    assert "p" not in [s.name for s in half.parameters]
    assert half.bayesian_game().prior == october.with_defaults(p=R(1, 2)).bayesian_game().prior
    assert october.with_defaults(p=R(3, 10)).types == october.types


# ---------------------------------------------------------------------- bad files
def _broken(october, old: str, new: str) -> str:
    text = october.to_toml()
    assert old in text
    return text.replace(old, new)


def test_prior_that_does_not_sum_to_one_names_the_table_and_line(october):
    text = _broken(october, 'probability = "1 - p"', 'probability = "p"')
    with pytest.raises(ng.ScenarioFileError, match=r"bad.toml:\d+.*types.US.*sums to 2\*p, not 1"):
        loads(text, path="bad.toml")


def test_undeclared_name_in_a_type_term_points_at_the_type(october):
    text = _broken(october, 'value = "-c"', 'value = "-cc"')
    with pytest.raises(ng.ScenarioFileError) as info:
        loads(text, path="bad.toml")
    message = str(info.value)
    assert "types.US.irresolute.interactions[0].value" in message
    assert "cc" in message
    line = int(message.split(":")[1].split(",")[0])
    assert text.splitlines()[line - 1].startswith('value = "-cc"')


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("types.US.", "types.Japan.", "'Japan', which is not a party"),
        ('probability = "p"\n', 'chance = "p"\n', "unknown key 'chance'"),
        ('probability = "p"\n', 'probability = "-p - 1"\n', "negative|sums to"),
    ],
)
def test_other_bad_type_tables(october, old, new, expected):
    with pytest.raises(ng.ScenarioFileError, match=expected):
        loads(_broken(october, old, new), path="bad.toml")


def test_a_single_type_is_refused(october):
    text = october.to_toml()
    cut = text.index("[types.US.irresolute]")
    with pytest.raises(ng.ScenarioFileError, match="one type only"):
        loads(text[:cut], path="bad.toml")
