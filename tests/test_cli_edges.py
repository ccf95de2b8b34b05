"""The command line at its edges: closed pipes, full disks, Ctrl-C, bad paths, repeated --set.

Whatever goes wrong, the command prints one line on stderr (never a
traceback), exits non-zero, leaves no half-written file and creates no
folder it was not asked for.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from negotiation import cli
from negotiation.cli import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE, main

PYTHON = [sys.executable, "-m", "negotiation"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def command(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*PYTHON, *argv], capture_output=True, text=True, check=False, timeout=300, **kwargs
    )


def one_clean_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    assert "Exception ignored" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("negotiation: error: ")
    return lines[0]


# ---------------------------------------------------------------------- environment
def test_python_dash_m_runs_the_command():
    done = command("solve", "tariff_dilemma", "--json")
    assert done.returncode == 0, done.stderr
    assert '"Escalate"' in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "london_framework"),
        ("solve", "london_framework", "--json"),
        ("scenarios",),
        ("--help",),
    ],
)
def test_a_closed_pipe_is_one_line_and_exit_1(argv):
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first byte, as with `| head -0`
    try:
        done = subprocess.run(
            [*PYTHON, *argv], stdout=write, stderr=subprocess.PIPE, text=True, timeout=300
        )
    finally:
        os.close(write)
    assert done.returncode == EXIT_FAILURE
    assert "broken pipe" in one_clean_line(done.stderr)


def test_head_dash_1_through_a_shell_never_shows_a_traceback():
    shell = (
        f"{sys.executable} -m negotiation show london_framework | head -1; "
        'exit "${PIPESTATUS[0]}"'
    )
    done = subprocess.run(
        ["bash", "-c", shell], capture_output=True, text=True, check=False, timeout=300
    )
    assert done.stdout == "London framework: implementing Geneva (9-10 June 2025)\n"
    assert "Traceback" not in done.stderr
    # either all of it fitted into the pipe before head left (0), or it reports the pipe (1)
    assert done.returncode in (0, EXIT_FAILURE)
    assert done.returncode == 0 or "broken pipe" in one_clean_line(done.stderr)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "argv", [("show", "london_framework"), ("solve", "busan_truce", "--json"), ("--help",)]
)
def test_a_full_disk_is_one_line_and_exit_1(argv):
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*PYTHON, *argv], stdout=full, stderr=subprocess.PIPE, text=True, timeout=300
        )
    assert done.returncode == EXIT_FAILURE
    assert "No space left on device" in one_clean_line(done.stderr)


def test_ctrl_c_is_one_line_and_exit_130(capsys, monkeypatch):
    def interrupted(args, out):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run_show", interrupted)
    code, _, err = run(capsys, "show", "london_framework")
    assert code == EXIT_INTERRUPTED == 130
    assert one_clean_line(err) == "negotiation: error: interrupted"


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "table.csv"
    target.write_text("old\n")

    def write(temporary: Path) -> None:
        temporary.write_text("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        cli.write_atomically(target, write)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_an_atomic_write_keeps_the_mode_a_normal_write_would_give(tmp_path):
    target = tmp_path / "new.csv"
    cli.write_atomically(target, lambda temporary: temporary.write_text("a,b\n") and None)
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert target.read_text() == "a,b\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.csv"]


def test_an_unwritable_place_is_one_line_and_exit_1(tmp_path):
    # /proc refuses new files even to root, for whom permission bits mean nothing
    done = command("plot", "tariff_dilemma", "game", "-o", "/proc/negotiation-test.png")
    assert done.returncode == EXIT_FAILURE
    line = one_clean_line(done.stderr)
    assert "cannot write /proc/negotiation-test.png" in line
    assert done.stdout == ""


# ---------------------------------------------------------------------- no folders created
@pytest.mark.parametrize(
    ("argv", "created"),
    [
        (["plot", "tariff_dilemma", "game", "-o", "{tmp}/a/b/x.png"], "a"),
        (["notebooks", "{tmp}/a/b"], "a"),
        (["demo", "--figures", "{tmp}/a/b"], "a"),
    ],
)
def test_no_folder_is_created_that_was_not_named(capsys, tmp_path, argv, created):
    argv = [a.format(tmp=tmp_path) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert "does not exist" in one_clean_line(err)
    assert out == ""
    assert not (tmp_path / created).exists()


def test_a_file_in_place_of_the_folder_is_refused(capsys, tmp_path):
    (tmp_path / "a").write_text("not a folder")
    code, _, err = run(capsys, "plot", "tariff_dilemma", "game", "-o", str(tmp_path / "a/x.png"))
    assert code == EXIT_USAGE
    assert "is not a folder" in one_clean_line(err)


def test_the_named_folder_itself_is_created(capsys, tmp_path):
    assert run(capsys, "notebooks", str(tmp_path / "nb"))[0] == 0
    assert (tmp_path / "nb").is_dir()


# ---------------------------------------------------------------------- --set
@pytest.mark.parametrize("command_", ["show", "solve"])
def test_a_repeated_set_is_an_error(capsys, command_):
    code, out, err = run(capsys, command_, "london_framework", "--set", "m=2", "--set", "m = 3")
    assert code == EXIT_USAGE
    assert out == ""
    line = one_clean_line(err)
    assert "--set m is given twice (m=2, then m=3); give each parameter once" in line


def test_a_repeated_set_with_the_same_value_is_an_error_too(capsys):
    code, _, err = run(capsys, "solve", "london_framework", "--set", "m=2", "--set", "m=2")
    assert code == EXIT_USAGE
    assert "given twice" in one_clean_line(err)


def test_different_parameters_may_each_be_set_once(capsys):
    code, out, _ = run(capsys, "show", "london_framework", "--set", "m=2", "--set", "re_loss_us=3")
    assert code == 0
    assert "Set on the command line: m, re_loss_us" in out


def test_a_misspelt_parameter_suggests_the_closest(capsys):
    code, _, err = run(capsys, "solve", "busan_truce", "--set", "crsh=4")
    assert code == EXIT_USAGE
    assert "(did you mean crash?)" in one_clean_line(err)


# ---------------------------------------------------------------------- fractions
def test_solve_prints_fractions_when_the_payoffs_are_rational(capsys):
    code, out, _ = run(capsys, "solve", "busan_truce")
    assert code == 0
    assert "Swerve: 7/9, Escalate: 2/9" in out
    assert "-2/3, -2/3" in out
    assert "0.7778" not in out
    assert "0.6667" not in out


def test_solve_prints_fractions_for_three_parties(capsys):
    code, out, _ = run(capsys, "solve", "rare_earth_third_party")
    assert code == 0
    assert "Hold: 1/2, Escalate: 1/2   Deliver: 1/4, Target: 3/4" in out
    assert "-3, -5/2, -1/2" in out


def test_set_fractions_reach_the_equilibrium_text(capsys):
    # C = 31/3: the mixed equilibrium escalates with probability W/(W + C - L) = 6/28 = 3/14
    code, out, _ = run(capsys, "solve", "busan_truce", "--set", "crash=31/3")
    assert code == 0
    assert "Swerve: 11/14, Escalate: 3/14" in out


def test_json_keeps_floats_and_no_display_keys(capsys):
    import json

    code, out, _ = run(capsys, "solve", "busan_truce", "--json")
    assert code == 0
    mixed = [eq for eq in json.loads(out)["equilibria"] if not eq["pure"]]
    assert mixed[0]["row"]["Escalate"] == pytest.approx(2 / 9)
    assert "shown" not in mixed[0]


def test_a_profile_that_is_not_exactly_an_equilibrium_is_not_shown_as_fractions():
    import dataclasses

    import numpy as np

    import negotiation as ng

    game = ng.load("busan_truce").game()
    tables = cli._rational_tables(game)
    (mixed,) = [eq for eq in game.equilibria() if not eq.is_pure]
    assert cli._as_fractions(mixed, tables) == (["7/9", "2/9"], ["7/9", "2/9"], ["-2/3", "-2/3"])
    # nudge one probability: 0.78 is 39/50, and 39/50 against 7/9 is no equilibrium
    nudged = dataclasses.replace(mixed, strategies=(mixed.strategies[0], np.array([0.78, 0.22])))
    assert cli._as_fractions(nudged, tables) is None


def test_irrational_payoffs_are_not_forced_into_fractions():
    import sympy as sp

    import negotiation as ng

    game = ng.Game([[sp.sqrt(2), 0], [0, 1]], [[1, 0], [0, sp.sqrt(2)]])
    assert cli._rational_tables(game) is None


# ---------------------------------------------------------------------- a fast --help
def test_the_parser_and_its_help_import_nothing_heavy():
    code = (
        "import sys, negotiation\n"
        "before = set(sys.modules)\n"
        "from negotiation.cli import build_parser\n"
        "parser = build_parser()\n"
        "parser.format_help()\n"
        "new = sorted(set(sys.modules) - before)\n"
        "heavy = [m for m in new if m.split('.')[0] in ('sympy', 'numpy', 'pandas', "
        "'matplotlib', 'scipy') or m.startswith(('negotiation.games', 'negotiation.plotting', "
        "'negotiation.sweeps', 'negotiation.solvers', 'negotiation.scenarios'))]\n"
        "print(heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert done.stdout.strip() == "[]"


def test_help_of_a_subcommand_still_lists_its_choices(capsys):
    code, out, _ = run(capsys, "solve", "--help")
    assert code == 0
    assert "vertex_enumeration" in out
    assert "lemke_howson" in out


@pytest.mark.parametrize("value", ["1e-999999999", "1E+100000", "1" * 200])
def test_a_number_with_a_huge_exponent_is_refused_at_once(capsys, value):
    code, _, err = run(capsys, "solve", "busan_truce", "--set", f"crash={value}")
    assert code == EXIT_USAGE
    assert "--set crash=" in one_clean_line(err)
