"""Scenario files with continuous strategies and a trade-model block (tariff_war_2025)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sympy as sp

import negotiation as ng
from negotiation.scenarios.continuous_file import ContinuousScenario, dumps, loads
from negotiation.scenarios.files import loads as file_loads

GENERIC = """
[scenario]
name = "targets"
title = "Tariff targets"
payoff_unit = "utils"

[parameters.k]
default = 1
stylised = true
source = "stylised"

[parties.US]
strategy = { low = 0, high = 2, unit = "ad valorem" }
payoff = "-(t_US - us_target)**2 - k*t_China"

[parties.US.levels.us_target]
value = 0.55

[parties.China]
strategy = { low = 0, high = 2, unit = "ad valorem" }
payoff = "-(t_China - cn_target)**2 - k*t_US"

[parties.China.levels.cn_target]
value = 0.10
"""


@pytest.fixture(scope="module")
def war() -> ContinuousScenario:
    return ng.load("tariff_war_2025")


def test_builtin_tariff_war_is_the_calibrated_trade_model(war):
    assert isinstance(war, ContinuousScenario)
    assert war.players == ("US", "China")
    assert war.game() == ng.trade.TariffWar(max_tariff=2).game()
    model = war.trade_war()
    # the level us_2024 (0.208) is written once and used by name as the US baseline
    assert war.level("us_2024") == sp.Rational(26, 125)
    assert model.baseline_tariffs == (sp.Rational(26, 125), sp.Rational(1, 5))
    # at the baseline tariffs the model reproduces the 2024 flows (Census), in $bn
    flows = model.imports_at(*model.baseline_tariffs)
    assert [float(v) for v in flows] == pytest.approx([438.9, 143.5], abs=1e-9)


def test_nash_tariffs_match_the_hand_derived_closed_form(war):
    # linear demand M = Q(1 + eta - eta p/(1 + t0)), supply X = Q(1 - eps + eps pi): the
    # importer's optimal tariff, derived by hand, is
    # (eps(1 + t0) + eta(1 + eps t0)) / (eps^2 (1 + t0) + eps eta (2 + t0) - eta)
    def hand(eps, eta, t0):
        return (eps * (1 + t0) + eta * (1 + eps * t0)) / (
            eps**2 * (1 + t0) + eps * eta * (2 + t0) - eta
        )

    (eq,) = war.game().equilibria()
    assert float(eq.strategies[0]) == pytest.approx(hand(3, 2, 0.208), rel=1e-12)
    assert float(eq.strategies[1]) == pytest.approx(hand(1.5, 2, 0.20), rel=1e-12)
    # the parameters stay parameters: a more elastic Chinese supply lowers the US tariff
    elastic = war.with_defaults(epsilon_China=6).game().equilibria()[0]
    assert float(elastic.strategies[0]) == pytest.approx(hand(6, 2, 0.208), rel=1e-12)
    assert war.game(symbolic=True).parameters == tuple(
        sp.Symbol(n) for n in ("epsilon_China", "epsilon_US", "eta_China", "eta_US", "t0_China")
    )


def test_finite_game_on_the_levels_has_the_models_payoffs(war):
    game = war.finite_game()
    assert game.strategies == (("20.8%", "30%", "55%", "145%"), ("10%", "125%"))
    model = war.trade_war()
    us = [war.level(n) for n in ("us_2024", "us_geneva", "us_london", "us_april")]
    cn = [war.level(n) for n in ("cn_geneva", "cn_april")]
    for i, a in enumerate(us):
        for j, b in enumerate(cn):
            w = model.welfare(a, b)
            assert float(game.payoffs[0][i][j]) == pytest.approx(float(w[0]), rel=1e-12)
            assert float(game.payoffs[1][i][j]) == pytest.approx(float(w[1]), rel=1e-12)
    # against China's April 125%, the April 145% is the worst US reply of the four
    column = [float(game.payoffs[0][i][1]) for i in range(4)]
    assert column.index(min(column)) == 3


def test_a_levels_value_is_usable_in_payoff_formulas_by_name():
    s = loads(GENERIC, path="targets.toml")
    assert s.payoffs[0] == -((sp.Symbol("t_US") - sp.Symbol("us_target")) ** 2) - sp.Symbol(
        "k"
    ) * sp.Symbol("t_China")
    (eq,) = s.game().equilibria()
    # each side's best tariff is its target whatever the other does: 55% and 10%
    assert eq.strategies == (sp.Rational(11, 20), sp.Rational(1, 10))
    assert s.finite_game().strategies == (("55%",), ("10%",))


@pytest.mark.parametrize("text", [GENERIC, None])
def test_continuous_scenarios_round_trip_exactly(tmp_path, war, text):
    s = war if text is None else loads(text)
    back = ng.load(s.save(tmp_path / "s.toml"))
    assert back == s
    assert dumps(back) == dumps(s)
    assert back.game() == s.game()


BUILTIN = (Path(ng.__file__).parent / "scenarios" / "data" / "tariff_war_2025.toml").read_text(
    encoding="utf-8"
)


def _line_of(text: str, needle: str) -> int:
    return next(k for k, line in enumerate(text.splitlines(), start=1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "match", "needle"),
    [
        ("value = 0.55", 'value = "high"', r"not a number; write a number such as 0\.55", '"high"'),
        ("value = 1.45", "value = -1.2", r"at or below -100%.*0\.55 is 55%", "-1.2"),
        ("value = 1.45", "value = 2.5", r"outside its strategy set \[0, 2\]; widen", "2.5"),
        (
            'source = "Stylised: a moderately elastic import demand"\nstylised = true\n'
            "low = 0.5\nhigh = 6\n",
            'source = "Stylised: a moderately elastic import demand"\nstylised = true\n',
            None,
            None,
        ),
        (
            'import_demand_elasticities = { US = "eta_US"',
            'import_demand_elasticities = { US = "-eta_US"',
            r"must be positive.*Elasticities are written as positive numbers",
            "-eta_US",
        ),
        ("low = 0.5\nhigh = 6", "low = 0\nhigh = 6", r"elasticity.*give low > 0", "low = 0"),
        (
            'strategy = { low = 0, high = 2, unit = "ad valorem" }',
            'strategy = { low = -1.5, high = 2, unit = "ad valorem" }',
            r"-100%",
            "low = -1.5",
        ),
        (
            'model = "tariff_war"',
            'model = "gravity"',
            r"the trade models are 'tariff_war'",
            "gravity",
        ),
        ("us_april]", "cn_april]", r"used by US and China.*unique", None),
    ],
)
def test_bad_input_names_the_key_the_line_and_the_fix(old, new, match, needle):
    assert old in BUILTIN
    text = BUILTIN.replace(old, new, 1)
    if match is None:  # an elasticity at 0 with no declared range: the model refuses it
        text = text.replace("[parameters.eta_US]\ndefault = 2", "[parameters.eta_US]\ndefault = 0")
        match, needle = r"must be positive.*\(check parameters\.eta_US\.default\)", "default = 0"
    with pytest.raises(ng.ScenarioFileError, match=match) as info:
        file_loads(text, path="mine.toml")
    assert isinstance(info.value, ng.NegotiationError)
    assert str(info.value).startswith("mine.toml:")
    if needle is not None:
        assert info.value.line == _line_of(text, needle), str(info.value)


def test_missing_payoff_and_payoff_with_a_trade_model_are_refused():
    no_payoff = re.sub(r'payoff = "-\(t_China.*\n', "", GENERIC)
    with pytest.raises(ng.ScenarioFileError, match=r"party 'China' needs payoff"):
        file_loads(no_payoff)
    both = BUILTIN.replace('title = "China"\n', 'title = "China"\npayoff = "t_China"\n')
    with pytest.raises(ng.ScenarioFileError, match=r"comes from \[trade_model\]; remove"):
        file_loads(both)
    undeclared = GENERIC.replace("- k*t_China", "- m*t_China")
    with pytest.raises(ng.ScenarioFileError, match=r"m"):
        file_loads(undeclared)


def test_the_discrete_files_are_untouched():
    london = ng.load("london_framework")
    assert type(london).__name__ == "Scenario"
