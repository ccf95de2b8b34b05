"""The notebooks ship with the package and copy out for a class; the package has its licence."""

import tomllib
from pathlib import Path

import pytest

import negotiation as ng
from negotiation import classroom
from negotiation.classroom import notebook_files
from negotiation.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_notebooks_in_course_order():
    files = notebook_files()
    assert [p.name for p in files] == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert len(files) >= 8
    numbers = [int(p.name[:2]) for p in files]
    assert numbers[:8] == list(range(1, 9))
    assert numbers == sorted(set(numbers))


def test_copy_notebooks_copies_them_and_keeps_a_students_edits(tmp_path):
    folder = tmp_path / "class" / "week1"
    copies = ng.copy_notebooks(folder)
    assert [p.parent for p in copies] == [folder] * len(notebook_files())
    for copy, source in zip(copies, notebook_files(), strict=True):
        assert copy.read_bytes() == source.read_bytes()
    copies[0].write_text("a student's work")
    with pytest.raises(
        ng.NegotiationError,
        match=rf"01_timeline_and_numbers.ipynb already exists \(and {len(copies) - 1} more\); .*--force",
    ):
        ng.copy_notebooks(folder)
    assert copies[0].read_text() == "a student's work"
    ng.copy_notebooks(folder, overwrite=True)
    assert copies[0].read_bytes() == notebook_files()[0].read_bytes()
    with pytest.raises(ng.NegotiationError, match="is a file, not a folder"):
        ng.copy_notebooks(copies[0])


def test_the_notebooks_command(capsys, tmp_path):
    assert main(["notebooks", str(tmp_path / "nb")]) == 0
    out = capsys.readouterr().out
    assert out.count(".ipynb") == len(notebook_files())
    assert f"Open them with: jupyter lab {tmp_path / 'nb'}" in out
    assert main(["notebooks", str(tmp_path / "nb")]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["notebooks", str(tmp_path / "nb"), "--force"]) == 0


def test_the_wheel_ships_the_notebooks_and_the_licence():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"] == {
        "notebooks": "negotiation/_notebooks"
    }
    # where the wheel puts them is where notebook_files() looks first
    assert classroom._PLACES[0] == Path(ng.__file__).resolve().parent / "_notebooks"
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text()
    assert licence.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in licence
    assert set(project["project"]["optional-dependencies"]["app"]) >= {
        "voila>=0.5",
        "ipywidgets>=8",
    }
