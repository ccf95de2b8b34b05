"""`negotiation plot` and `negotiation demo --figures`: figures written, errors as exit status 2."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from negotiation.cli import main
from negotiation.plotting.figures import KINDS

PNG = b"\x89PNG\r\n\x1a\n"


def run(argv, capsys):
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_plot_writes_a_png(tmp_path, capsys):
    target = tmp_path / "london_game.png"
    status, out, err = run(["plot", "london_framework", "game", "-o", str(target)], capsys)
    assert status == 0, err
    assert target.read_bytes().startswith(PNG)
    assert str(target) in out
    assert err == ""


def test_plot_options_reach_the_picture(tmp_path, capsys):
    default = tmp_path / "default.png"
    changed = tmp_path / "changed.png"
    assert run(["plot", "london_framework", "game", "-o", str(default)], capsys)[0] == 0
    status, _, err = run(
        ["plot", "london_framework", "game", "--set", "m=3", "-o", str(changed)], capsys
    )
    assert status == 0, err
    assert default.read_bytes() != changed.read_bytes()  # the W column's payoffs moved
    tree = tmp_path / "tree.svg"
    status, _, err = run(
        ["plot", "london_framework", "tree", "--first", "China", "-o", str(tree)], capsys
    )
    assert status == 0, err
    assert "China moves first" in tree.read_text()
    regions = tmp_path / "regions.png"
    status, _, err = run(
        ["plot", "london_framework", "regions", "--x", "m", "--y", "re_loss_us", "-o",
         str(regions)],
        capsys,
    )  # fmt: skip
    assert status == 0, err
    assert regions.read_bytes().startswith(PNG)


@pytest.mark.parametrize("kind", ["best_responses", "bargaining", "rubinstein", "timeline"])
def test_plot_kinds_for_a_2x2_scenario(tmp_path, capsys, kind):
    target = tmp_path / f"{kind}.png"
    status, _, err = run(["plot", "tariff_dilemma", kind, "-o", str(target)], capsys)
    assert status == 0, err
    assert target.read_bytes().startswith(PNG)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["plot", "london_framework", "heatmap", "-o", "x.png"], "invalid choice: 'heatmap'"),
        (["plot", "london_framwork", "game", "-o", "x.png"], "did you mean london_framework"),
        (["plot", "london_framework", "best_responses", "-o", "x.png"], "2x2"),
        (["plot", "london_framework", "game", "-o", "x.docx"], "use one of the suffixes"),
        (["plot", "london_framework", "game", "--set", "k=1", "-o", "x.png"], "no parameter 'k'"),
        (["plot", "london_framework", "tree", "--first", "EU", "-o", "x.png"], "no player 'EU'"),
        (["plot", "london_framework", "game"], "-o/--output"),
    ],
)
def test_plot_bad_input_exits_2(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    status, out, err = run(argv, capsys)
    assert status == 2
    assert out == ""
    assert message in err
    assert err.startswith("negotiation: error: ")
    assert len(err.strip().splitlines()) == 1
    assert not list(Path(tmp_path).iterdir())  # nothing written


def test_every_kind_is_offered(capsys):
    status, out, _ = run(["plot", "--help"], capsys)
    assert status == 0
    for kind in KINDS:
        assert kind in out


def test_demo_writes_the_london_figures(tmp_path):
    """Through the installed console script, as `make demo` runs it."""
    script = shutil.which("negotiation", path=str(Path(sys.executable).parent))
    assert script is not None
    folder = tmp_path / "figures"
    done = subprocess.run(
        [script, "demo", "--figures", str(folder)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        [
            "london_framework_game.png",
            "london_framework_regions.png",
            "london_framework_bargaining.png",
            "london_framework_tree.png",
            "london_framework_repeated.png",
            "timeline.png",
        ]
    )
    for name in names:
        assert (folder / name).read_bytes().startswith(PNG)
    assert f"Figures written to {folder.resolve()}" in done.stdout
    assert "london_framework_tree.png" in done.stdout
