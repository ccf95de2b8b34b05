"""Scenario files: exact save/load round trips, loading by name or path, and file errors."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.scenarios.files import dumps, load_file, loads

LONDON_FILE = Path(ng.__file__).parent / "scenarios" / "data" / "london_framework.toml"


@pytest.mark.parametrize("name", ng.scenarios())
def test_builtin_scenarios_round_trip_exactly(tmp_path, name):
    scenario = ng.load(name)
    path = scenario.save(tmp_path / f"{name}.toml")
    back = ng.load(path)
    assert back == scenario
    assert ng.load(str(path)) == scenario
    assert back.to_toml() == scenario.to_toml()
    assert back.game() == scenario.game()
    assert back.game(symbolic=True) == scenario.game(symbolic=True)
    for a, b in zip(back.parameter_info, scenario.parameter_info, strict=True):
        assert (a.default, a.unit, a.source, a.description) == (
            b.default,
            b.unit,
            b.source,
            b.description,
        )


def test_saved_file_is_plain_toml_with_expression_strings():
    data = tomllib.loads(dumps(ng.load("london_framework")))
    assert data["scenario"]["name"] == "london_framework"
    assert data["scenario"]["date"] == dt.date(2025, 6, 10)
    assert data["parameters"]["m"]["default"] == 1
    assert data["parties"]["US"]["valuations"]["rare_earths"]["withheld"] == "-m*re_loss_us"
    assert data["parties"]["US"]["strategies"]["L"]["moves"] == {
        "export_controls": "lifted",
        "student_visas": "eased",
    }
    assert list(data["parties"]) == ["US", "China"]


def test_builtin_name_and_file_path_give_the_same_scenario():
    assert load_file(LONDON_FILE) == ng.load("london_framework")


def _scenario(description="", default: object = 1, value: object = "gain", title="t"):
    return ng.Scenario(
        "roundtrip",
        parties=(
            ng.Party("US", valuations={"tariff": {"high": value}}, title=title),
            ng.Party(
                "China",
                valuations={"tariff": {"high": "-harm"}},
                interactions=(ng.Interaction({"tariff": "high"}, "where(harm > 1, 1, 0)"),),
            ),
        ),
        issues=(
            ng.Issue(
                "tariff",
                (ng.Level("low", value="0.55", unit="%"), ng.Level("high", value="1/3")),
                status_quo="low",
                controlled_by="US",
                description=description,
            ),
        ),
        strategies={
            "US": (ng.Strategy("Keep"), ng.Strategy("Raise it", {"tariff": "high"})),
            "China": (ng.Strategy("Wait"),),
        },
        parameter_info=(
            ng.Parameter("gain", default, low=-10, high=10, source=description),
            ng.Parameter("harm", "2/3"),
        ),
        description=description,
        date="2025-06-10",
    )


@pytest.mark.parametrize(
    "value",
    [
        "gain",
        "max(gain, 1/3) - 0.1",
        "where(gain > 1 and harm <= 2, sqrt(gain), exp(-harm))",
        "abs(gain - harm)**3 / 7",
        "log(harm, 2)",
        sp.Rational(1, 3),
        -7,
    ],
)
def test_python_built_scenarios_round_trip_exactly(tmp_path, value):
    scenario = _scenario(value=value)
    back = ng.load(scenario.save(tmp_path / "s.toml"))
    assert back == scenario
    assert back.issue("tariff").level("low").value == sp.Rational(11, 20)
    assert back.parameter("harm").default == sp.Rational(2, 3)


_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _text,
    st.fractions(min_value=-10, max_value=10, max_denominator=1000),
    st.sampled_from(["title", "US"]),
)
def test_property_any_text_and_rational_survive_the_round_trip(description, default, title):
    scenario = _scenario(description=description, default=default, title=title)
    assert loads(dumps(scenario)) == scenario


@pytest.mark.parametrize(
    ("text", "default"),
    [("0.55", sp.Rational(11, 20)), ("1e-3", sp.Rational(1, 1000)), ('"1/3"', sp.Rational(1, 3))],
)
def test_decimals_in_files_are_exact(text, default):
    source = LONDON_FILE.read_text().replace(
        "[parameters.m]\ndefault = 1\n", f"[parameters.m]\ndefault = {text}\n"
    )
    scenario = loads(source)
    assert scenario.parameter("m").default == default
    assert scenario.game().row_payoffs[1, 2] == -4 * default


def _break(old: str, new: str) -> str:
    text = LONDON_FILE.read_text()
    assert old in text
    return text.replace(old, new, 1)


def _line_of(text: str, fragment: str) -> int:
    return next(k for k, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_hostile_expression_in_a_file_is_refused_and_nothing_runs(tmp_path):
    sentinel = tmp_path / "pwned"
    hostile = f"__import__('os').system('touch {sentinel}')"
    text = _break('withheld = "-m*re_loss_us"', f'withheld = "{hostile}"')
    path = tmp_path / "evil.toml"
    path.write_text(text)
    with pytest.raises(ng.ScenarioFileError) as info:
        ng.load(str(path))
    err = info.value
    assert err.path == str(path)
    assert err.key == "parties.US.valuations.rare_earths.withheld"
    assert err.line == _line_of(text, "__import__")
    assert "attribute access ('.system') is not allowed" in str(err)
    assert "the declared names (contained, ec_value_cn" in str(err)
    assert isinstance(err.__cause__, ng.UnsafeExpressionError)
    assert not sentinel.exists()


@pytest.mark.parametrize(
    ("old", "new", "key", "fragment"),
    [
        (
            'withheld = "-m*re_loss_us"',
            'withheld = "-mm*re_loss_us"',
            "parties.US.valuations.rare_earths.withheld",
            "unknown name 'mm'; declare it as a parameter first. Allowed: numbers, the declared "
            "names (contained, ec_value_cn, ec_value_us, m,",
        ),
        (
            "[parameters.m]\ndefault = 1\n",
            '[parameters.m]\ndefault = "lots"\n',
            "parameters.m.default",
            "the default of parameter 'm' is 'lots', which is not a number",
        ),
        (
            '[parties.US.strategies.L]\ntitle = "Implement London"',
            '[parties.US.strategies.L]\ncolour = "red"\ntitle = "Implement London"',
            "parties.US.strategies.L.colour",
            "unknown key 'colour' in parties.US.strategies.L; the keys allowed there are "
            "description, moves, title",
        ),
        (
            'moves = { rare_earths = "up_front" }',
            'moves = { rare_earths = "upfront" }',
            "parties.China.strategies.D.moves.rare_earths",
            "sets 'rare_earths' to 'upfront', which is not one of its levels "
            "(up_front, slow_walk, withheld)",
        ),
        (
            'controlled_by = "China"\nstatus_quo = "slow_walk"',
            'controlled_by = "Beijing"\nstatus_quo = "slow_walk"',
            "issues.rare_earths.controlled_by",
            "controlled by 'Beijing', which is not a party",
        ),
        (
            'status_quo_profile = ["H", "S"]',
            'status_quo_profile = ["H", "X"]',
            "scenario.status_quo_profile",
            "names 'X', which is not a strategy of China",
        ),
        (
            "[parameters.m]\ndefault = 1\n",
            "[parameters.m]\ndefault = 9\n",
            "parameters.m",
            "default 9 outside its range [0, 5]",
        ),
    ],
)
def test_file_errors_name_the_file_line_key_and_fix(tmp_path, old, new, key, fragment):
    text = _break(old, new)
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ng.ScenarioFileError) as info:
        load_file(path)
    err = info.value
    assert err.key == key
    assert fragment in str(err)
    assert str(err).startswith(f"{path}:{err.line}, key '{key}': ")
    assert err.line is not None


def test_malformed_toml_gives_the_line(tmp_path):
    text = _break('title = "Implement London"', 'title = "Implement London')
    path = tmp_path / "broken.toml"
    path.write_text(text)
    with pytest.raises(ng.ScenarioFileError, match="not valid TOML") as info:
        ng.load(path)
    assert info.value.line == _line_of(text, 'title = "Implement London')
    assert str(info.value).startswith(f"{path}:{info.value.line}: ")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "the file has no [scenario] table"),
        ("[scenario]\ntitle = 'x'\n", "[scenario] needs a name"),
        ("[scenario]\nname = 'x'\n[extra]\n", "unknown key 'extra' in the file"),
        ("[scenario]\nname = 'x'\n", "exactly two parties"),
        ("[scenario]\nname = 'x'\n[parameters.m]\nunit = 'x'\n", "needs a default value"),
        ("[scenario]\nname = 'x'\n[parameters.m]\ndefault = true\n", "must be a number"),
        ("[scenario]\nname = 'x'\n[parameters.max]\ndefault = 1\n", "is a function name"),
        ("[scenario]\nname = 'x'\ndate = 5\n", "must be a date"),
        ("[scenario]\nname = 'x'\n[issues.t]\ntitle = 'x'\n", "issue 't' needs controlled_by"),
    ],
)
def test_structural_errors(text, fragment):
    with pytest.raises(ng.ScenarioFileError) as info:
        loads(text, path="mine.toml")
    assert fragment in str(info.value)
    assert str(info.value).startswith("mine.toml")


def test_missing_file():
    with pytest.raises(ng.ScenarioFileError, match=r"nowhere\.toml: no such file"):
        ng.load("nowhere.toml")


def test_unknown_builtin_suggests_close_names():
    with pytest.raises(ng.UnknownLabelError, match="did you mean london_framework") as info:
        ng.load("londn_framework")
    assert isinstance(info.value, KeyError)
    with pytest.raises(ng.UnknownLabelError, match="The built-in scenarios are: april_2025"):
        ng.load("zzz")


def test_dumps_refuses_what_a_file_cannot_hold():
    with pytest.raises(ng.ScenarioError, match="dumps needs a Scenario"):
        dumps(ng.load("london_framework").game())
