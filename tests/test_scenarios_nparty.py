"""Scenarios with three or more parties: the built-in third-buyer scenario, files, errors, CLI.

The answers for ``rare_earth_third_party`` (the US, China and Japan) are
derived by hand from its valuations. Write E for the US escalating, W for
China withholding the US-bound licences (Target or Squeeze), J for China
withholding Japan's too (Squeeze) and A for Japan aligning. Then

* US:    -tariff_cost_us*E - m*re_loss_us*W + ally_value_us*A + retaliation_us*E*W
* China: -tariff_escalation_cn*E + (lever_cn - re_withhold_cn)*W - re_withhold_jp_cn*J
         - align_cost_cn*A + retaliation_cn*E*W + deter_cn*J*A
* Japan: -spillover_jp*E - re_loss_jp*J - align_cost_jp*A + adjustment_jp*J*A

so each player's gain from deviating is short (see :func:`holds`). At the
defaults the pure equilibria are (Hold, Deliver, Hedge) and (Escalate,
Target, Hedge), and the mixed one has the US escalate with probability
(re_withhold_cn - lever_cn)/retaliation_cn = 1/2 and China target with
probability tariff_cost_us/retaliation_us = 3/4 while Japan hedges.
"""

from __future__ import annotations

import json
from fractions import Fraction
from itertools import product

import numpy as np
import pytest
import sympy as sp

import negotiation as ng
from negotiation.cli import main
from negotiation.scenarios.files import dumps, loads

US = ("Hold", "Escalate")
CHINA = ("Deliver", "Target", "Squeeze")
JAPAN = ("Hedge", "Align")
R = sp.Rational

# the payoffs at the defaults, (US, China, Japan), computed by hand from the formulas above
DEFAULT_PAYOFFS = {
    ("Hold", "Deliver", "Hedge"): (0, 0, 0),
    ("Hold", "Target", "Hedge"): (-4, -1, 0),
    ("Hold", "Squeeze", "Hedge"): (-4, -3, -4),
    ("Escalate", "Deliver", "Hedge"): (-3, -5, -1),
    ("Escalate", "Target", "Hedge"): (-3, -4, -1),
    ("Escalate", "Squeeze", "Hedge"): (-3, -6, -5),
    ("Hold", "Deliver", "Align"): (1, -1, -2),
    ("Hold", "Target", "Align"): (-3, -2, -2),
    ("Hold", "Squeeze", "Align"): (-3, -3, -3),
    ("Escalate", "Deliver", "Align"): (-2, -6, -3),
    ("Escalate", "Target", "Align"): (-2, -5, -3),
    ("Escalate", "Squeeze", "Align"): (-2, -6, -4),
}


@pytest.fixture(scope="module")
def third():
    return ng.load("rare_earth_third_party")


def holds(profile, v):
    """Whether a pure profile is an equilibrium at parameter values ``v`` (hand-derived).

    The US escalates iff retaliation_us*W >= tariff_cost_us; China compares
    Deliver (0), Target (t) and Squeeze (t + s) with t = lever_cn -
    re_withhold_cn + retaliation_cn*E and s = deter_cn*A - re_withhold_jp_cn;
    Japan aligns iff adjustment_jp*J >= align_cost_jp.
    """
    us, china, japan = profile
    E, A = us == "Escalate", japan == "Align"
    W, J = china in ("Target", "Squeeze"), china == "Squeeze"
    gain_us = v["retaliation_us"] * W - v["tariff_cost_us"]
    us_ok = gain_us >= 0 if E else gain_us <= 0
    t = v["lever_cn"] - v["re_withhold_cn"] + v["retaliation_cn"] * E
    s = v["deter_cn"] * (japan == "Align") - v["re_withhold_jp_cn"]
    china_values = {"Deliver": 0, "Target": t, "Squeeze": t + s}
    china_ok = china_values[china] >= max(china_values.values())
    gain_jp = v["adjustment_jp"] * J - v["align_cost_jp"]
    japan_ok = gain_jp >= 0 if A else gain_jp <= 0
    return us_ok and china_ok and japan_ok


# ---------------------------------------------------------------------- the built-in scenario
def test_three_parties_give_a_three_player_game(third):
    game = third.game()
    assert third.players == ("US", "China", "Japan")
    assert game.n_players == 3
    assert game.players == third.players
    assert game.strategies == (US, CHINA, JAPAN)
    assert game.shape == (2, 3, 2)
    assert game.name == third.title
    assert third.status_quo_profile == ("Hold", "Deliver", "Hedge")
    assert third.date.isoformat() == "2025-07-22"


def test_payoffs_at_the_defaults_are_the_hand_computed_table(third):
    game = third.game()
    for profile, want in DEFAULT_PAYOFFS.items():
        index = tuple(game.index(p, s) for p, s in enumerate(profile))
        assert tuple(u[index] for u in game.payoffs) == want, profile
        assert tuple(third.payoff(profile, p).xreplace(third.defaults) for p in range(3)) == want
        assert third.payoff(profile, "Japan").xreplace(third.defaults) == want[2]


def test_symbolic_payoffs_follow_the_valuations(third):
    E, S, A = ("Escalate", "Squeeze", "Align")
    sym = {s.name: s for s in third.parameters}
    assert third.payoff((E, S, A), "US") == (
        -sym["tariff_cost_us"]
        - sym["m"] * sym["re_loss_us"]
        + sym["ally_value_us"]
        + sym["retaliation_us"]
    )
    assert third.payoff((E, S, A), "China") == (
        -sym["tariff_escalation_cn"]
        + sym["lever_cn"]
        - sym["re_withhold_cn"]
        - sym["re_withhold_jp_cn"]
        - sym["align_cost_cn"]
        + sym["retaliation_cn"]
        + sym["deter_cn"]
    )
    assert third.payoff((E, S, A), "Japan") == (
        -sym["spillover_jp"] - sym["re_loss_jp"] - sym["align_cost_jp"] + sym["adjustment_jp"]
    )
    assert third.game(symbolic=True).payoffs[2][1, 2, 1] == third.payoff((E, S, A), 2)
    assert third.outcome((E, S, A)) == {
        "us_tariff": "escalated",
        "magnets_us": "withheld",
        "magnets_japan": "withheld",
        "japan_stance": "align",
    }


def test_pure_equilibria_at_the_defaults(third):
    for exact in (False, True):
        found = third.game().equilibria(method="pure", exact=exact)
        assert [eq.profile for eq in found] == [
            ("Hold", "Deliver", "Hedge"),
            ("Escalate", "Target", "Hedge"),
        ]
        assert [tuple(float(x) for x in eq.payoffs) for eq in found] == [
            (0.0, 0.0, 0.0),
            (-3.0, -4.0, -1.0),
        ]
    # the spiral is worse for all three than the truce: a coordination failure
    assert all(x < 0 for x in DEFAULT_PAYOFFS[("Escalate", "Target", "Hedge")])


def test_equilibrium_conditions_match_the_hand_derivation(third):
    game = third.game(symbolic=True)
    symbols = {s.name: s for s in third.parameters}
    rng = np.random.default_rng(12)
    points = [
        {name: int(x) for name, x in zip(symbols, row, strict=True)}
        for row in rng.integers(0, 5, size=(60, len(symbols)))
    ]
    points.append({s.name: int(v) for s, v in third.defaults.items()})
    for profile in product(US, CHINA, JAPAN):
        condition = game.equilibrium_conditions(profile)
        for point in points:
            value = condition.xreplace({symbols[k]: v for k, v in point.items()})
            assert bool(value) == holds(profile, point), (profile, point)


def test_the_key_conditions_read_as_in_the_description(third):
    game = third.game(symbolic=True)
    s = {p.name: p for p in third.parameters}
    spiral = game.equilibrium_conditions(("Escalate", "Target", "Hedge"))
    assert set(spiral.args) == {
        sp.Ge(s["retaliation_us"], s["tariff_cost_us"]),
        sp.Ge(s["lever_cn"] + s["retaliation_cn"], s["re_withhold_cn"]),
        sp.Ge(s["re_withhold_jp_cn"], 0),
        sp.Ge(s["align_cost_jp"], 0),
    }
    squeeze = game.equilibrium_conditions(("Escalate", "Squeeze", "Align"))
    assert sp.Ge(s["deter_cn"], s["re_withhold_jp_cn"]) in squeeze.args
    assert sp.Ge(s["adjustment_jp"], s["align_cost_jp"]) in squeeze.args
    # Japan never aligns unless China squeezes it
    for china in ("Deliver", "Target"):
        for us in US:
            condition = game.equilibrium_conditions((us, china, "Align"))
            assert condition.xreplace(third.defaults) is sp.false


def test_the_mixed_equilibrium_is_one(third):
    game = third.game()
    us, china, japan = (R(1, 2), R(1, 2)), (R(1, 4), R(3, 4), 0), (1, 0)
    assert set(game.best_responses("US", [china, japan])) == {"Hold", "Escalate"}
    assert set(game.best_responses("China", [us, japan])) == {"Deliver", "Target"}
    assert game.best_responses("Japan", [us, china]) == ("Hedge",)
    # the closed forms at another point: q_T = tariff_cost_us / retaliation_us = 1/2 and
    # p_E = (re_withhold_cn - lever_cn) / retaliation_cn = 1/4
    changed = third.with_defaults(tariff_cost_us=2, retaliation_cn=4).game()
    china = (R(1, 2), R(1, 2), 0)
    us = (R(3, 4), R(1, 4))
    assert set(changed.best_responses("US", [china, japan])) == {"Hold", "Escalate"}
    assert set(changed.best_responses("China", [us, japan])) == {"Deliver", "Target"}


def test_support_enumeration_finds_all_three_equilibria(third):
    pytest.importorskip("negotiation.solvers.support_nplayer")
    found = third.game().equilibria(method="support_enumeration", exact=True)
    assert len(found) == 3
    mixed = [eq for eq in found if not eq.is_pure]
    (eq,) = mixed
    assert eq.strategies == ((R(1, 2), R(1, 2)), (R(1, 4), R(3, 4), 0), (1, 0))
    assert eq.payoffs == (-3, R(-5, 2), R(-1, 2))


def test_summary_repr_and_str(third):
    assert repr(third) == (
        "Scenario('rare_earth_third_party', 'US' vs 'China' vs 'Japan', 2x3x2, 4 issues, "
        "16 parameters)"
    )
    text = third.summary()
    assert str(third) == text
    assert "Parties (row, column, then one table per strategy of Japan): US (United States)" in (
        text
    )
    assert "Status quo profile: (Hold, Deliver, Hedge)" in text
    assert "  Japan plays Hedge\n  US \\ China   Deliver      Target       Squeeze\n" in text
    assert "  Hold         0, 0, 0      -4, -1, 0    -4, -3, -4" in text
    assert "  Japan plays Align" in text
    assert "Japan when magnets_japan = withheld & japan_stance = align: adjustment_jp" in text
    assert not any(line != line.rstrip() for line in text.splitlines())


def test_description_is_self_contained_and_sourced(third):
    text = third.description + " ".join(third.sources)
    for figure in ("69%", "91%", "94%", "58,152 t", "$2.86bn", "15%", "Gholz & Hughes"):
        assert figure in text
    assert "domain brief" not in (third.to_toml() + text).lower()
    for p in third.parameter_info:
        assert p.stylised
        assert p.low is not None
        assert p.high is not None


def test_subs_and_with_defaults_keep_three_players(third):
    fixed = third.subs(deter_cn=3)
    assert "deter_cn" not in [s.name for s in fixed.parameters]
    assert fixed.game().n_players == 3
    assert ("Escalate", "Squeeze", "Align") in [
        eq.profile for eq in fixed.game().equilibria(method="pure")
    ]
    assert third.with_defaults(retaliation_us=2).game().equilibria(method="pure")[0].profile == (
        "Hold",
        "Deliver",
        "Hedge",
    )
    assert len(third.with_defaults(retaliation_us=2).game().equilibria(method="pure")) == 1


def test_diff_names_the_added_party(third):
    d = ng.diff(ng.load("london_framework"), third)
    assert d.parties_added == ("Japan",)
    assert d.parties_removed == ()
    assert "parties added: Japan" in str(d)
    assert set(d.issues_added) == {"magnets_us", "magnets_japan", "japan_stance"}
    assert set(d.issues_removed) == {
        "china_tariff",
        "rare_earths",
        "export_controls",
        "student_visas",
    }
    assert [c.issue for c in d.issues_changed] == ["us_tariff"]  # a level's description
    back = ng.diff(third, ng.load("london_framework"))
    assert back.parties_removed == ("Japan",)
    changed = ng.diff(third, third.with_defaults(deter_cn=3))
    assert changed.parameters_changed == (("deter_cn", "default", 1, 3),)
    assert not ng.diff(third, third)


def test_party_lookup_by_index_and_name(third):
    assert third.party(2).name == "Japan"
    assert third.party("Japan").description.startswith("A third buyer")
    assert third.strategy(2, "Align").moves == {"japan_stance": "align"}
    with pytest.raises(ng.UnknownLabelError, match="the parties are 'US', 'China', 'Japan'"):
        third.party(3)
    assert [str(c) for c in third.concessions("Japan", "Align")] == [
        "Japan: japan_stance hedge -> align"
    ]


# ---------------------------------------------------------------------- files
def _four_parties(**changes):
    spec = dict(
        name="four",
        parties=(
            ng.Party("US", valuations={"tariff": {"high": "gain"}}),
            ng.Party("China", valuations={"tariff": {"high": "-harm"}}),
            ng.Party("Japan", valuations={"tariff": {"high": "-harm/2"}, "stock": {"on": -1}}),
            ng.Party("EU", valuations={"stock": {"on": "1/3"}}),
        ),
        issues=(
            ng.Issue("tariff", ("low", "high"), status_quo="low", controlled_by="US"),
            ng.Issue("stock", ("off", "on"), status_quo="off", controlled_by="Japan"),
        ),
        strategies={
            "US": (ng.Strategy("Keep"), ng.Strategy("Raise", {"tariff": "high"})),
            "China": (ng.Strategy("Wait"),),
            "Japan": (ng.Strategy("Idle"), ng.Strategy("Stock", {"stock": "on"})),
            "EU": (ng.Strategy("Watch"),),
        },
        parameter_info=(ng.Parameter("gain", 1), ng.Parameter("harm", "0.5")),
    )
    spec.update(changes)
    return ng.Scenario(**spec)


def test_four_party_scenario_round_trips_exactly(tmp_path):
    s = _four_parties()
    assert s.game().shape == (2, 1, 2, 1)
    assert s.game().payoffs[2][1, 0, 1, 0] == R(-5, 4)
    assert s.game().payoffs[3][0, 0, 1, 0] == R(1, 3)
    assert s.status_quo_profile == ("Keep", "Wait", "Idle", "Watch")
    back = ng.load(s.save(tmp_path / "four.toml"))
    assert back == s
    assert back.players == ("US", "China", "Japan", "EU")
    assert back.game() == s.game()
    assert back.game(symbolic=True) == s.game(symbolic=True)
    assert back.to_toml() == s.to_toml()
    assert loads(dumps(s)) == s
    assert 'status_quo_profile = ["Keep", "Wait", "Idle", "Watch"]' in s.to_toml()
    assert "Parties (row, column, then one table per profile of the others)" in s.summary()


def test_builtin_three_party_file_round_trips(third, tmp_path):
    back = ng.load(third.save(tmp_path / "third.toml"))
    assert back == third
    assert back.game() == third.game()
    assert [p.name for p in back.parties] == ["US", "China", "Japan"]


def test_a_hand_written_three_party_file():
    text = """
[scenario]
name = "three"
[parameters.c]
default = "1/4"
[issues.duty]
controlled_by = "A"
status_quo = "off"
[issues.duty.levels.off]
[issues.duty.levels.on]
[parties.A.valuations.duty]
off = 0
on = "c"
[parties.A.strategies.Stay]
[parties.A.strategies.Go]
moves = { duty = "on" }
[parties.B.valuations.duty]
off = 0
on = "-c"
[parties.B.strategies.Stay]
[parties.C.valuations.duty]
off = 0
on = "2*c"
[parties.C.strategies.Stay]
"""
    s = loads(text, path="three.toml")
    assert s.players == ("A", "B", "C")
    game = s.game()
    assert game.shape == (2, 1, 1)
    assert [u[1, 0, 0] for u in game.payoffs] == [R(1, 4), R(-1, 4), R(1, 2)]
    assert [eq.profile for eq in game.equilibria(method="pure")] == [("Go", "Stay", "Stay")]


# ---------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"parties": (ng.Party("US"),)}, "a scenario has two or more parties"),
        ({"parties": ()}, "a scenario has two or more parties"),
        (
            {"parties": (ng.Party("US"), ng.Party("China"), ng.Party("US"), ng.Party("EU"))},
            "two parties are both called 'US'",
        ),
        (
            {
                "issues": (
                    ng.Issue("tariff", ("low", "high"), status_quo="low", controlled_by="Korea"),
                    ng.Issue("stock", ("off", "on"), status_quo="off", controlled_by="Japan"),
                )
            },
            "controlled by 'Korea', which is not a party; the parties are 'US', 'China', "
            "'Japan' and 'EU'",
        ),
        (
            {"strategies": {"US": (ng.Strategy("Keep"),), "Korea": (ng.Strategy("Wait"),)}},
            "strategies are given for 'Korea', which is not a party; the parties are 'US', "
            "'China', 'Japan' and 'EU'",
        ),
        (
            {"status_quo_profile": ("Keep", "Wait")},
            "status_quo_profile must be one strategy name per party (US, China, Japan, EU)",
        ),
        (
            {"status_quo_profile": ("Keep", "Wait", "Idle", "Nope")},
            "names 'Nope', which is not a strategy of EU (Watch)",
        ),
        (
            {
                "strategies": {
                    "US": (ng.Strategy("Keep"),),
                    "China": (ng.Strategy("Wait"),),
                    "Japan": (ng.Strategy("Idle"), ng.Strategy("Also")),
                    "EU": (ng.Strategy("Watch"),),
                }
            },
            "Japan has 2 bundles (Idle, Also) leaving every issue at the status quo, so the "
            "status quo profile is not clear; give status_quo_profile = [US, China, Japan, EU]",
        ),
        (
            {
                "strategies": {
                    "US": (ng.Strategy("Keep"),),
                    "China": (ng.Strategy("Wait"),),
                    "Japan": (ng.Strategy("Idle"),),
                    "EU": (ng.Strategy("Watch"), ng.Strategy("Stock", {"stock": "on"})),
                }
            },
            "EU's strategy 'Stock' moves 'stock', but that issue is controlled by Japan",
        ),
    ],
)
def test_nparty_errors_name_the_problem_and_the_fix(changes, fragment):
    with pytest.raises(ng.ScenarioError) as info:
        _four_parties(**changes)
    assert fragment in str(info.value)


def test_profiles_need_one_strategy_per_party(third):
    with pytest.raises(ng.UnknownLabelError, match=r"one strategy per party \(US, China, Japan\)"):
        third.payoff(("Hold", "Deliver"), "US")
    with pytest.raises(ng.UnknownLabelError, match="one strategy per party"):
        third.outcome("Hold")
    with pytest.raises(ng.UnknownLabelError, match="Japan has no strategy 'Wait'"):
        third.outcome(("Hold", "Deliver", "Wait"))
    # two parties keep the two-party wording
    with pytest.raises(ng.UnknownLabelError, match=r"a pair \(row strategy, column strategy\)"):
        ng.load("london_framework").outcome(("L", "D", "X"))


def test_a_file_with_one_party_says_how_many_are_needed():
    text = "[scenario]\nname = 'x'\n[parties.US.strategies.A]\n"
    with pytest.raises(ng.ScenarioFileError, match=r"two or more parties.*this file has 1") as info:
        loads(text, path="one.toml")
    assert info.value.key == "parties"


def test_a_file_status_quo_profile_must_be_a_list():
    text = dumps(ng.load("rare_earth_third_party")).replace(
        'status_quo_profile = ["Hold", "Deliver", "Hedge"]', 'status_quo_profile = "Hold"'
    )
    with pytest.raises(ng.ScenarioFileError, match="one per party in player order"):
        loads(text, path="third.toml")


def test_two_party_methods_and_pictures_name_what_works(third):
    with pytest.raises(ng.InvalidGameError, match="'support_enumeration', 'logit', 'pure'"):
        third.game().equilibria(method="lemke_howson")
    from negotiation.plotting.figures import draw

    with pytest.raises(ng.InvalidGameError, match=r"'regions' is for two-party.*'sweep' or"):
        draw(third, "regions")


# ---------------------------------------------------------------------- command line
def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_show_prints_one_table_per_japanese_strategy(capsys):
    code, out, err = run(capsys, "show", "rare_earth_third_party", "--set", "deter_cn=3")
    assert code == 0
    assert err == ""
    assert "Japan plays Hedge" in out
    assert "Japan plays Align" in out
    assert "deter_cn = 3 stylised units (stylised)" in out
    assert "Set on the command line: deter_cn" in out


def test_cli_solve_pure_lists_equilibria_and_conditions(capsys):
    code, out, err = run(capsys, "solve", "rare_earth_third_party", "--method", "pure")
    assert code == 0
    assert err == ""
    assert "Nash equilibria (pure, floating point):" in out
    assert "#   US         China     Japan   payoffs" in out
    assert "1   Hold       Deliver   Hedge   0, 0, 0" in out
    assert "2   Escalate   Target    Hedge   -3, -4, -1" in out
    assert (
        "(Escalate, Target, Hedge): align_cost_jp >= 0 and re_withhold_jp_cn >= 0 and "
        "retaliation_us >= tariff_cost_us and lever_cn + retaliation_cn >= re_withhold_cn"
    ) in out


def test_cli_solve_json_for_three_parties(capsys):
    code, out, _ = run(
        capsys,
        "solve",
        "rare_earth_third_party",
        "--method",
        "pure",
        "--exact",
        "--json",
        "--set",
        "retaliation_us=3/2",
    )
    assert code == 0
    data = json.loads(out)
    assert data["players"] == ["US", "China", "Japan"]
    assert data["strategies"] == [list(US), list(CHINA), list(JAPAN)]
    assert data["status_quo_profile"] == ["Hold", "Deliver", "Hedge"]
    assert data["parameters"]["retaliation_us"]["value"] == "3/2"
    assert data["payoffs"]["Japan"][1][2][1] == -4.0
    assert data["payoffs"]["US"][1][1][0] == -5.5  # -3 - 4 + 3/2
    (eq,) = data["equilibria"]  # retaliation no longer pays for the spiral
    assert eq["profile"] == ["Hold", "Deliver", "Hedge"]
    assert eq["strategies"][1] == {"Deliver": 1.0, "Target": 0.0, "Squeeze": 0.0}
    assert eq["strategies_exact"][2] == {"Hedge": "1", "Align": "0"}
    assert eq["payoffs"] == [0.0, 0.0, 0.0]
    assert eq["payoffs_exact"] == ["0", "0", "0"]
    assert "re_withhold_cn >= lever_cn" in eq["condition"]
    assert "row" not in eq


def test_cli_solve_default_method_for_three_parties(capsys):
    pytest.importorskip("negotiation.solvers.support_nplayer")
    code, out, _ = run(capsys, "solve", "rare_earth_third_party", "--exact", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "support_enumeration"
    mixed = [eq for eq in data["equilibria"] if not eq["pure"]]
    assert [eq["strategies_exact"][1] for eq in mixed] == [
        {"Deliver": "1/4", "Target": "3/4", "Squeeze": "0"}
    ]


def test_cli_two_player_methods_and_pictures_fail_clearly(capsys, tmp_path):
    code, _, err = run(capsys, "solve", "rare_earth_third_party", "--method", "lemke_howson")
    assert code == 2
    assert "is for two-player games; this game has 3 players: use one of" in err
    code, _, err = run(capsys, "plot", "rare_earth_third_party", "regions", "-o", "x.png")
    assert code == 2
    assert err.startswith("negotiation: error: the picture 'regions' is for two-party scenarios")
    assert "negotiation solve rare_earth_third_party" in err
    assert len(err.strip().splitlines()) == 1


def test_cli_plots_the_sweep_of_a_three_party_scenario(capsys, tmp_path):
    pytest.importorskip("matplotlib")
    target = tmp_path / "sweep.png"
    code, out, _ = run(capsys, "plot", "rare_earth_third_party", "sweep", "-o", str(target))
    assert code == 0
    assert target.stat().st_size > 0
    assert str(target) in out


def test_cli_two_party_solve_is_unchanged(capsys):
    code, out, _ = run(capsys, "solve", "london_framework", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "vertex_enumeration"
    assert set(data["equilibria"][0]) == {"row", "col", "payoffs", "pure", "profile", "condition"}
    assert Fraction(data["payoffs"]["row"][0][0]) == 3
