"""The ``negotiation`` command, through ``negotiation.cli.main`` and once as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import negotiation as ng
from negotiation.cli import COMMANDS, build_parser, main

EXECUTABLE = Path(sys.executable).parent / "negotiation"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_scenarios_lists_every_builtin(capsys):
    code, out, err = run(capsys, "scenarios")
    assert code == 0
    assert err == ""
    for name in ng.scenarios():
        assert name in out
    assert "2025-06-10   London framework: implementing Geneva" in out


def test_show_describes_parties_issues_parameters_and_payoffs(capsys):
    code, out, _ = run(capsys, "show", "london_framework")
    assert code == 0
    assert "Parties (row, column): US (United States), China" in out
    assert "* truce = 30%: Geneva truce: 10% reciprocal + 20% fentanyl" in out
    assert "m = 1 multiplier (stylised)" in out
    assert "source: China's magnet exports 58,152 t, $2.86bn in 2024 (Adamas)" in out
    assert "H            4, -2   -1, -1   -4, -3" in out


def test_show_with_set_marks_the_change(capsys):
    code, out, _ = run(capsys, "show", "london_framework", "--set", "m=2")
    assert code == 0
    assert "m = 2 multiplier" in out
    assert "Set on the command line: m" in out


def test_solve_prints_equilibria_and_conditions(capsys):
    code, out, err = run(capsys, "solve", "london_framework")
    assert code == 0
    assert err == ""
    assert "Nash equilibria (vertex_enumeration, floating point):" in out
    assert "1   H    S       -1, -1" in out
    assert (
        "(H, S): re_lever_cn >= 0 and re_withhold_cn >= 0 and tariff_cost_us >= contained "
        "and ec_value_us + visa_politics_us >= students_us"
    ) in out


def test_solve_json_schema(capsys):
    code, out, _ = run(capsys, "solve", "london_framework", "--json", "--exact")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "scenario",
        "title",
        "players",
        "strategies",
        "status_quo_profile",
        "method",
        "exact",
        "payoffs",
        "equilibria",
        "parameters",
    }
    assert data["players"] == ["US", "China"]
    assert data["strategies"] == [["L", "H", "E"], ["D", "S", "W"]]
    assert data["status_quo_profile"] == ["H", "S"]
    assert data["payoffs"]["row"][0] == [3.0, -2.0, -6.0]
    assert data["payoffs"]["col"][2] == [-6.0, -4.0, -7.0]
    assert data["parameters"]["m"] == {
        "value": "1",
        "set": False,
        "unit": "multiplier",
        "source": ng.load("london_framework").parameter("m").source,
        "stylised": True,
    }
    (eq,) = data["equilibria"]
    assert eq["pure"] is True
    assert eq["profile"] == ["H", "S"]
    assert eq["row"] == {"L": 0.0, "H": 1.0, "E": 0.0}
    assert eq["payoffs"] == [-1.0, -1.0]
    assert eq["row_exact"] == {"L": "0", "H": "1", "E": "0"}
    assert eq["payoffs_exact"] == ["-1", "-1"]
    assert "tariff_cost_us >= contained" in eq["condition"]


def test_solve_mixed_equilibria_exact(capsys):
    code, out, _ = run(capsys, "solve", "busan_truce", "--exact", "--json")
    assert code == 0
    mixed = [eq for eq in json.loads(out)["equilibria"] if not eq["pure"]]
    assert len(mixed) == 1
    assert mixed[0]["row_exact"] == {"Swerve": "7/9", "Escalate": "2/9"}
    assert mixed[0]["profile"] is None
    assert mixed[0]["condition"] is None
    assert mixed[0]["row"]["Escalate"] == pytest.approx(2 / 9)


@pytest.mark.parametrize("bound", ["8", "1_000", "none"])
def test_solve_max_vertices_within_the_bound_gives_every_equilibrium(capsys, bound):
    code, out, _ = run(capsys, "solve", "busan_truce", "--exact", "--json")
    code_bounded, out_bounded, _ = run(
        capsys, "solve", "busan_truce", "--exact", "--json", "--max-vertices", bound
    )
    assert code == code_bounded == 0
    assert json.loads(out_bounded)["equilibria"] == json.loads(out)["equilibria"]
    assert len(json.loads(out)["equilibria"]) == 3


def test_solve_text_shows_mixed_probabilities(capsys):
    code, out, _ = run(capsys, "solve", "busan_truce", "--exact")
    assert code == 0
    assert "Swerve: 7/9, Escalate: 2/9" in out


@pytest.mark.parametrize("method", ["support_enumeration", "lemke_howson", "pure"])
def test_solve_methods(capsys, method):
    code, out, _ = run(capsys, "solve", "tariff_dilemma", "--method", method, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["method"] == method
    assert [eq["profile"] for eq in data["equilibria"]] == [["Escalate", "Escalate"]]


def test_set_changes_values_exactly(capsys):
    code, out, _ = run(
        capsys,
        "solve",
        "london_framework",
        "--set",
        "m=0.55",
        "--set",
        "re_supply_us = 1/3",
        "--json",
        "--exact",
    )
    assert code == 0
    data = json.loads(out)
    assert data["parameters"]["m"]["value"] == "11/20"
    assert data["parameters"]["m"]["set"] is True
    assert data["parameters"]["re_supply_us"]["value"] == "1/3"
    assert data["payoffs"]["row"][1] == [pytest.approx(1 / 3), -1.0, pytest.approx(-2.2)]


def test_set_can_change_the_equilibrium(capsys):
    # students worth more than the controls and their politics: the US prefers L to H
    code, out, _ = run(capsys, "solve", "london_framework", "--set", "students_us=5", "--json")
    assert code == 0
    assert [eq["profile"] for eq in json.loads(out)["equilibria"]] == [["L", "S"]]


def test_solve_a_file(capsys, tmp_path):
    path = ng.load("busan_truce").save(tmp_path / "busan.toml")
    code, out, _ = run(capsys, "solve", str(path), "--json")
    assert code == 0
    assert json.loads(out)["scenario"] == "busan_truce"


def test_demo_prints_the_london_analysis_and_makes_the_figures_folder(capsys, tmp_path):
    folder = tmp_path / "figures"
    code, out, _ = run(capsys, "demo", "--figures", str(folder))
    assert code == 0
    assert folder.is_dir()
    assert "London framework: implementing Geneva (9-10 June 2025)" in out
    assert "source: Calibration handle: how hard withheld licences hit US output" in out
    assert "L            3, 3    -2, 4    -6, 2" in out
    assert "US's 'L' is strictly dominated by 'H'" in out
    assert "1   H    S       -1, -1" in out
    assert "The status quo (H, S) pays (-1, -1); the London deal (L, D) pays (3, 3)" in out
    assert "re_lever_cn <= 0" in out
    assert "issues unchanged: us_tariff, china_tariff" in out


def _one_error_line(code: int, out: str, err: str) -> str:
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("negotiation: error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["solve", "london_framwork"], "did you mean london_framework?"),
        (["show", "busan"], "no built-in scenario 'busan'"),
        (
            ["solve", "london_framework", "--set", "q=1"],
            "--set q: london_framework has no parameter 'q'; its parameters are: contained, "
            "ec_value_cn",
        ),
        (["solve", "london_framework", "--set", "m=lots"], "'lots' is not a number"),
        (["solve", "london_framework", "--set", "m"], "--set needs name=value"),
        (["solve", "london_framework", "--method", "magic"], "invalid choice: 'magic'"),
        (["solve", "london_framework", "--method", "lemke_howson", "--exact"], "exact=True"),
        (["solve"], "the following arguments are required: NAME_OR_FILE"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
        (["solve", "missing/file.toml"], "missing/file.toml: no such file"),
        (
            ["solve", "london_framework", "--max-vertices", "5"],
            "this 3 x 3 game may visit up to 8 vertices, beyond its work bound",
        ),
        (["solve", "london_framework", "--max-vertices", "5"], "--max-vertices 8 (or"),
        (["solve", "london_framework", "--max-vertices", "-3"], "not a positive whole number"),
        (["solve", "london_framework", "--max-vertices", "lots"], "--max-vertices none"),
        (
            ["solve", "london_framework", "--max-vertices", "9", "--method", "pure"],
            "which --method pure on this 2-party game does not use",
        ),
        (["solve", "tariff_war_2025", "--max-vertices", "9"], "drop --method, --exact and"),
        (
            ["solve", "london_framework", "--method", "support_enumeration", "--max-supports", "3"],
            "would examine 19 support profiles, beyond its work bound; every extreme "
            "equilibrium comes faster from --method vertex_enumeration",
        ),
        (
            ["solve", "rare_earth_third_party", "--max-supports", "5"],
            "--method logit, or raise the bound if you can wait: --max-supports 63",
        ),
        (
            ["solve", "rare_earth_third_party", "--max-vertices", "9"],
            "which --method support_enumeration on this 3-party game does not use: drop it",
        ),
        (["solve", "london_framework", "--max-supports", "9"], "use --method support_enumeration"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(capsys, argv, fragment):
    line = _one_error_line(*run(capsys, *argv))
    assert fragment in line


def test_malformed_file_exits_2_with_its_line(capsys, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[scenario]\nname = "x"\ntitle = "unterminated\n')
    line = _one_error_line(*run(capsys, "solve", str(path)))
    assert f"{path}:3: not valid TOML" in line


def test_hostile_file_exits_2_and_runs_nothing(capsys, tmp_path):
    sentinel = tmp_path / "pwned"
    text = (
        ng.load("london_framework")
        .to_toml()
        .replace('"-m*re_loss_us"', f"\"__import__('os').system('touch {sentinel}')\"")
    )
    path = tmp_path / "evil.toml"
    path.write_text(text)
    line = _one_error_line(*run(capsys, "show", str(path)))
    assert "attribute access ('.system') is not allowed" in line
    assert not sentinel.exists()


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "scenarios" in capsys.readouterr().out


def test_commands_are_pluggable():
    parser = build_parser()
    names = [add.__name__.removeprefix("_add_") for add in COMMANDS]
    assert names[:4] == ["scenarios", "show", "solve", "demo"]
    assert parser.parse_args(["demo"]).command == "demo"
    assert parser.parse_args(["scenarios"]).handler.__name__ == "_run_scenarios"


def test_console_script_runs_as_a_subprocess(tmp_path):
    assert EXECUTABLE.exists()
    done = subprocess.run(
        [str(EXECUTABLE), "solve", "london_framework", "--json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["equilibria"][0]["profile"] == ["H", "S"]
    bad = subprocess.run(
        [str(EXECUTABLE), "solve", "nope"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1
    assert "no built-in scenario 'nope'" in bad.stderr


def test_solve_a_continuous_scenario_gives_the_nash_tariffs(capsys):
    game = ng.load("tariff_war_2025").game()
    (expected,) = game.equilibria()
    code, out, err = run(capsys, "solve", "tariff_war_2025", "--json")
    assert code == 0, err
    (found,) = json.loads(out)["equilibria"]
    for player, value in zip(game.players, expected.strategies, strict=True):
        assert found["strategies"][player] == pytest.approx(float(value))
    # a more elastic Chinese export supply lowers the US Nash tariff
    code, out, err = run(capsys, "solve", "tariff_war_2025", "--set", "epsilon_China=5", "--json")
    assert code == 0, err
    lower = json.loads(out)["equilibria"][0]["strategies"]["US"]
    assert lower < found["strategies"]["US"]
    code, out, err = run(capsys, "solve", "tariff_war_2025", "--exact")
    assert code == 2
    assert "continuous strategies" in err
    assert "Traceback" not in err
