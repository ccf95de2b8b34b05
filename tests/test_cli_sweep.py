"""``negotiation sweep``: the table it writes is the Python sweep's, and every bad input is one line.

Sweeps of the Busan chicken game (declared ranges: win [0, 10],
backdown_loss [0, 10], crash [0, 30]).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import negotiation as ng
from negotiation import cli_sweep
from negotiation.cli import EXIT_USAGE, UsageError, main
from negotiation.cli_sweep import grid_spec

PNG = b"\x89PNG\r\n\x1a\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("negotiation: error: ")
    return lines[0]


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Categorical and string columns as plain strings, as a CSV holds them."""
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.CategoricalDtype) or out[column].dtype == object:
            out[column] = out[column].astype(str)
    return out


# ---------------------------------------------------------------------- parsing
def test_grid_specs():
    assert grid_spec("m=50") == ("m", 50)
    assert grid_spec("delta=0.5:0.99:40") == ("delta", (0.5, 0.99, 40))
    assert grid_spec("t = 1/4:3/4:3") == ("t", (0.25, 0.75, 3))
    assert grid_spec("t=1,2,5/2") == ("t", [1.0, 2.0, 2.5])


@pytest.mark.parametrize(
    ("item", "fragment"),
    [
        ("m=0", "0 points; give at least one point"),
        ("m=0.5:0.9:0", "0 points"),
        ("m=0.9:0.5:10", "the low end 0.9 is above the high end 0.5; write m=0.5:0.9:10"),
        ("m=1:1:5", "the range is a single value"),
        ("m=1:2", "a range is LOW:HIGH:N"),
        ("m=1:2:x", "the number of points 'x' is not a whole number"),
        ("m=2.5", "the number of points '2.5' is not a whole number"),
        ("m=a:2:3", "'a' is not a number"),
        ("m=1e-999999999:1:3", "exponents up to 400"),
        ("m", "--grid needs name=value"),
        ("m=", "give N, LOW:HIGH:N or V1,V2,..."),
    ],
)
def test_bad_grid_specs(item, fragment):
    with pytest.raises(UsageError) as caught:
        grid_spec(item)
    assert fragment in str(caught.value)


# ---------------------------------------------------------------------- the table
def test_the_csv_is_the_python_sweeps_table(capsys, tmp_path):
    target = tmp_path / "busan.csv"
    code, out, err = run(
        capsys,
        "sweep", "busan_truce", "--grid", "crash=7", "--grid", "win=0.5:9.5:4",
        "--set", "backdown_loss=5/2", "-o", str(target),
    )  # fmt: skip
    assert code == 0, err
    assert err == ""
    scenario = ng.load("busan_truce").with_defaults({"backdown_loss": "5/2"})
    expected = ng.sweep(scenario, grid={"crash": 7, "win": (0.5, 9.5, 4)}).to_pandas()
    assert "regime" in expected.columns
    written = pd.read_csv(target)
    assert len(written) == len(expected) > 28  # mixed equilibria add rows
    pd.testing.assert_frame_equal(
        comparable(written), comparable(expected), check_dtype=False, check_exact=True
    )
    assert f"Wrote {target} ({len(expected)} rows)" in out
    assert "Swept 28 points of busan_truce: crash (7 points from 0 to 30) x win (4 points" in out
    assert [p.name for p in tmp_path.iterdir()] == ["busan.csv"]  # no temporary left


def test_the_grid_covers_the_declared_range(capsys, tmp_path):
    target = tmp_path / "t.csv"
    assert run(capsys, "sweep", "busan_truce", "--grid", "crash=4", "-o", str(target))[0] == 0
    crash = sorted(pd.read_csv(target)["crash"].unique())
    assert crash == pytest.approx([0, 10, 20, 30])


def test_regimes_are_printed_with_shares(capsys):
    code, out, _ = run(capsys, "sweep", "busan_truce", "--grid", "crash=0:30:31")
    assert code == 0
    assert "Regimes (the set of equilibria at a point):" in out
    assert "%" in out


def test_samples_draw_over_the_declared_ranges(capsys, tmp_path):
    target = tmp_path / "mc.csv"
    code, out, err = run(
        capsys, "sweep", "busan_truce", "--samples", "300", "--seed", "7", "-o", str(target)
    )
    assert code == 0, err
    table = pd.read_csv(target)
    assert table["point"].nunique() == 300
    assert table["crash"].between(0, 30).all()
    assert table["win"].between(0, 10).all()
    assert table["crash"].max() > 20  # spread over the range, not stuck at the default
    assert "(seed 7)" in out
    again = tmp_path / "again.csv"
    run(capsys, "sweep", "busan_truce", "--samples", "300", "--seed", "7", "-o", str(again))
    assert again.read_text() == target.read_text()


@pytest.mark.skipif(
    not any(cli_sweep.find_spec(m) for m in ("pyarrow", "fastparquet")),
    reason="writing parquet needs pyarrow or fastparquet",
)
def test_parquet(capsys, tmp_path):
    target = tmp_path / "t.parquet"
    assert run(capsys, "sweep", "busan_truce", "--grid", "crash=5", "-o", str(target))[0] == 0
    assert len(pd.read_parquet(target)) > 0


def test_parquet_without_an_engine_names_pip_install_pyarrow(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(cli_sweep, "find_spec", lambda name: None)
    code, out, err = run(
        capsys, "sweep", "busan_truce", "--grid", "crash=5", "-o", str(tmp_path / "t.parquet")
    )
    assert code == EXIT_USAGE
    assert "pip install pyarrow" in one_error_line(err)
    assert out == ""
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------------- ranges
@pytest.mark.parametrize(
    ("value", "outside"), [("30", False), ("0", False), ("30.001", True), ("-1/1000", True)]
)
def test_set_warns_exactly_outside_the_range_and_strict_refuses(capsys, tmp_path, value, outside):
    argv = ["sweep", "busan_truce", "--grid", "win=3", "--set", f"crash={value}"]
    code, _, err = run(capsys, *argv)
    assert code == 0
    if outside:
        assert err.startswith("negotiation: warning: --set gives crash = ")
        assert "outside the range [0, 30]" in err
    else:
        assert err == ""
    code, out, err = run(capsys, *argv, "--strict", "-o", str(tmp_path / "t.csv"))
    if outside:
        assert code == EXIT_USAGE
        assert "outside the range [0, 30]" in one_error_line(err)
        assert out == ""
        assert not list(tmp_path.iterdir())
    else:
        assert code == 0
        assert err == ""


@pytest.mark.parametrize(("spec", "outside"), [("0:30:4", False), ("0:31:4", True)])
def test_grid_values_outside_the_range_warn_and_strict_refuses(capsys, spec, outside):
    code, _, err = run(capsys, "sweep", "busan_truce", "--grid", f"crash={spec}")
    assert code == 0
    assert ("[0, 30]" in err) is outside
    code, _, err = run(capsys, "sweep", "busan_truce", "--grid", f"crash={spec}", "--strict")
    assert code == (EXIT_USAGE if outside else 0)
    if outside:
        assert "[0, 30]" in one_error_line(err)


# ---------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--grid", "crsh=5"], "has no parameter 'crsh' (did you mean crash?)"),
        (["--grid", "crash=30:0:5"], "the low end 30 is above the high end 0"),
        (["--grid", "crash=0"], "0 points; give at least one point"),
        (["--grid", "crash=5", "--grid", "crash=6"], "--grid crash is given twice"),
        (["--grid", "crash=5", "--set", "crash=3"], "crash is both swept (--grid) and set"),
        (["--grid", "crash=5", "--set", "win=1", "--set", "win=2"], "--set win is given twice"),
        (["--grid", "crash=5", "--samples", "10"], "not both"),
        (["--samples", "0"], "--samples 0: give a whole number of at least 1"),
        (["--samples", "ten"], "--samples 'ten': give a whole number"),
        (["--grid", "crash=5", "--seed", "1"], "--seed is for --samples"),
        ([], "nothing to sweep"),
        (["--grid", "crash=5", "-o", "{tmp}/t.xlsx"], "use one of the suffixes .csv, .parquet"),
        (["--grid", "crash=5", "-o", "{tmp}/t"], "no suffix"),
        (["--grid", "crash=5", "-o", "{tmp}/missing/t.csv"], "does not exist"),
        (["--grid", "crash=5", "--plot", "{tmp}/map.png"], "this grid has 1 (crash)"),
        (["--samples", "10", "--plot", "{tmp}/map.png"], "cannot draw --samples"),
        (["--grid", "crash=5", "--grid", "win=5", "--plot", "{tmp}/m.gif"], "use one of"),
        (["--grid", "crash=5", "--method", "magic"], "invalid choice: 'magic'"),
        (["--grid", "crash=999999999:999999999999:99999999"], "more than the 10,000,000"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_file(capsys, tmp_path, argv, fragment):
    argv = [a.format(tmp=tmp_path) for a in argv]
    code, out, err = run(capsys, "sweep", "busan_truce", *argv)
    assert code == EXIT_USAGE
    assert fragment in one_error_line(err)
    assert out == ""
    assert not list(tmp_path.iterdir())  # nothing written, no folder created


def test_a_count_for_a_parameter_without_a_declared_range(capsys, tmp_path):
    path = tmp_path / "open.toml"
    text = ng.load("busan_truce").to_toml()
    path.write_text(text.replace("low = 0\nhigh = 30\n", "", 1))
    if "crash" not in text or ng.load(path).parameter("crash").high is not None:
        pytest.skip("the saved file does not lay out the range as expected")
    code, _, err = run(capsys, "sweep", str(path), "--grid", "crash=5")
    assert code == EXIT_USAGE
    assert "declares no range for crash" in one_error_line(err)


# ---------------------------------------------------------------------- the map
def test_plot_draws_the_regime_map(capsys, tmp_path):
    target = tmp_path / "map.png"
    code, out, err = run(
        capsys, "sweep", "busan_truce", "--grid", "crash=12", "--grid", "win=12",
        "--plot", str(target),
    )  # fmt: skip
    assert code == 0, err
    assert target.read_bytes().startswith(PNG)
    assert f"Wrote {target}" in out
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


def test_plot_alone_chooses_the_axes_and_says_why(capsys, tmp_path):
    from negotiation.plotting.regions import choose_axes

    target = tmp_path / "map.png"
    names, reason = choose_axes(ng.load("busan_truce"), k=2)
    code, out, err = run(capsys, "sweep", "busan_truce", "--plot", str(target))
    assert code == 0, err
    assert out.splitlines()[0] == reason
    assert all(name in out.splitlines()[1] for name in names)
    assert target.read_bytes().startswith(PNG)


# ---------------------------------------------------------------------- as a program
def test_as_a_program_bad_input_has_no_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "negotiation", "sweep", "busan_truce", "--grid", "crash=9:1:3",
         "-o", str(tmp_path / "t.csv")],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == EXIT_USAGE
    assert "above the high end" in one_error_line(done.stderr)
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_as_a_program_a_full_disk_is_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "negotiation", "sweep", "busan_truce", "--grid", "crash=5"],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=300,
        )  # fmt: skip
    assert done.returncode == 1
    assert "No space left on device" in one_error_line(done.stderr)


def test_an_unwritable_table_leaves_nothing_behind():
    done = subprocess.run(
        [sys.executable, "-m", "negotiation", "sweep", "busan_truce", "--grid", "crash=5",
         "-o", "/proc/negotiation-sweep.csv"],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 1
    assert "cannot write /proc/negotiation-sweep.csv" in one_error_line(done.stderr)


def test_values_of_the_table_match_the_game_at_a_point(capsys, tmp_path):
    target = tmp_path / "t.csv"
    run(capsys, "sweep", "busan_truce", "--grid", "crash=1,7,20", "-o", str(target))
    table = pd.read_csv(target)
    scenario = ng.load("busan_truce")
    for crash in (1, 7, 20):
        game = scenario.with_defaults(crash=crash).game()
        found = table[np.isclose(table["crash"], crash)]
        assert len(found) == len(game.equilibria())
