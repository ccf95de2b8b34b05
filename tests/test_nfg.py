"""Gambit's ``.nfg`` format (both variants), round trips, and ``to_nashpy``.

The format: https://gambitproject.readthedocs.io/en/latest/formats.html. The
files of Gambit's own collection are read from ``../shared/reference/gambit_nfg``
when that folder exists, and checked against the JSON games made from them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

import negotiation as ng

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference"
NFG_DIR = REFERENCE / "gambit_nfg"
NFG_FILES = sorted(p.name for p in NFG_DIR.glob("*.nfg")) if NFG_DIR.is_dir() else []
needs_reference = pytest.mark.skipif(
    not NFG_FILES,
    reason=f"Gambit's .nfg files are not at {NFG_DIR} (they live outside the project)",
)

R = sp.Rational

PAYOFF_LIST = """NFG 1 R "Prisoner's dilemma" { "US" "China" } { { "C" "D" } { "C" "D" } }
""
3 3 5 0 0 5 1 1
"""

OUTCOME_LIST = """NFG 1 R "Prisoner's dilemma" { "US" "China" }

{ { "C" "D" }
{ "C" "D" }
}
"a comment"

{
{ "both cooperate" 3, 3 }
{ "US defects" 5, 0 }
{ "China defects" 0, 5 }
{ "" 1, 1 }
}
1 2 3 4
"""


def json_name(nfg_name: str) -> str:
    """``catalog__X.nfg`` -> ``gambit_catalog_X``, ``contrib__X.nfg`` -> ``gambit_contrib_X``."""
    kind, rest = nfg_name.removesuffix(".nfg").split("__", 1)
    return f"gambit_{kind}_{rest}"


def json_payoffs(name: str) -> tuple[sp.Matrix, sp.Matrix]:
    data = json.loads((REFERENCE / "games" / f"{name}.json").read_text())
    if "A_exact" in data:
        return (
            sp.Matrix([[R(v) for v in row] for row in data["A_exact"]]),
            sp.Matrix([[R(v) for v in row] for row in data["B_exact"]]),
        )
    return (
        sp.Matrix([[R(str(v)) for v in row] for row in data["A"]]),
        sp.Matrix([[R(str(v)) for v in row] for row in data["B"]]),
    )


def is_outcome_list(text: str) -> bool:
    """After the header (and an optional comment) an outcome list opens with ``{``."""
    after_players = text.split("}", 1)[1]
    depth, i = 0, 0
    while i < len(after_players):  # skip the strategy block, which may nest braces
        ch = after_players[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                break
        i += 1
    rest = after_players[i + 1 :].lstrip()
    if rest.startswith('"'):
        rest = rest[rest.index('"', 1) + 1 :].lstrip()
    return rest.startswith("{")


# ---------------------------------------------------------------------- the two variants
def test_payoff_list_variant():
    game = ng.Game.from_nfg(PAYOFF_LIST)
    assert game.row_payoffs == sp.Matrix([[3, 0], [5, 1]])
    assert game.col_payoffs == sp.Matrix([[3, 5], [0, 1]])
    assert game.players == ("US", "China")
    assert game.strategies == (("C", "D"), ("C", "D"))
    assert game.name == "Prisoner's dilemma"


def test_outcome_list_variant_gives_the_same_game():
    assert is_outcome_list(OUTCOME_LIST)
    assert not is_outcome_list(PAYOFF_LIST)
    assert ng.Game.from_nfg(OUTCOME_LIST) == ng.Game.from_nfg(PAYOFF_LIST)


def test_outcome_zero_is_the_null_outcome():
    text = 'NFG 1 R "" { "A" "B" } { 2 1 }\n{ { "" 4 -4 } }\n0 1\n'
    game = ng.Game.from_nfg(text)
    assert game.row_payoffs == sp.Matrix([[0], [4]])
    assert game.col_payoffs == sp.Matrix([[0], [-4]])


def test_first_players_strategy_varies_fastest():
    # 2x3: profiles in the order (r0,c0) (r1,c0) (r0,c1) (r1,c1) (r0,c2) (r1,c2)
    text = 'NFG 1 R "" { "A" "B" } { 2 3 }\n1 -1 2 -2 3 -3 4 -4 5 -5 6 -6\n'
    game = ng.Game.from_nfg(text)
    assert game.row_payoffs == sp.Matrix([[1, 3, 5], [2, 4, 6]])
    assert game.col_payoffs == -game.row_payoffs
    assert game.strategies == (("1", "2"), ("1", "2", "3"))


def test_numbers_are_read_exactly():
    text = 'NFG 1 D "" { "A" "B" } { 2 1 }\n3/2 0.25 -1e2 .5\n'
    game = ng.Game.from_nfg(text)
    assert game.row_payoffs == sp.Matrix([[R(3, 2)], [-100]])
    assert game.col_payoffs == sp.Matrix([[R(1, 4)], [R(1, 2)]])
    assert all(v.is_Rational for v in game.row_payoffs)
    assert game.equilibria(exact=True)  # exact solving works on what was read


def test_empty_names_get_defaults():
    game = ng.Game.from_nfg('NFG 1 R "" { "" "" } { 1 1 }\n1 2\n')
    assert game.players == ("Row", "Column")
    assert game.name is None


def test_from_a_path_object_and_a_path_string(tmp_path):
    path = tmp_path / "pd.nfg"
    path.write_text(OUTCOME_LIST, encoding="utf-8")
    expected = ng.Game.from_nfg(PAYOFF_LIST)
    assert ng.Game.from_nfg(path) == expected
    assert ng.Game.from_nfg(str(path)) == expected


def test_a_relative_path_that_starts_with_nfg_is_a_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("NFG_pd.nfg").write_text(PAYOFF_LIST, encoding="utf-8")
    assert ng.Game.from_nfg("NFG_pd.nfg") == ng.Game.from_nfg(PAYOFF_LIST)


# ---------------------------------------------------------------------- writing and round trips
def test_to_nfg_writes_the_payoff_list_variant():
    game = ng.Game.from_nfg(PAYOFF_LIST)
    text = game.to_nfg()
    assert text.startswith(
        'NFG 1 R "Prisoner\'s dilemma" { "US" "China" } { { "C" "D" } { "C" "D" } }'
    )
    assert text.strip().endswith("3 3 5 0 0 5 1 1")
    assert not is_outcome_list(text)


def test_round_trip_keeps_everything():
    game = ng.Game(
        [[R(1, 3), -2, 0], [4, R(7, 2), 1]],
        [[0, 1, R(-5, 6)], [2, 2, 3]],
        players=("United States", "China"),
        strategies=(("Hold", 'Say "no"'), ("Deliver", "Slow-walk", "Withhold")),
        name='A "quoted" title',
    )
    text = game.to_nfg()
    assert "1/3" in text
    assert "-5/6" in text
    back = ng.Game.from_nfg(text)
    assert back == game
    assert back.strategies[0][1] == 'Say "no"'


def test_round_trip_of_float_payoffs_reads_the_decimals_exactly():
    game = ng.Game([[0.1, 2.5]], [[1e-3, -0.75]])
    back = ng.Game.from_nfg(game.to_nfg())
    assert back.row_payoffs == sp.Matrix([[R("0.1"), R("2.5")]])
    assert back.col_payoffs == sp.Matrix([[R("0.001"), R("-0.75")]])
    np.testing.assert_array_equal(back.payoff_arrays()[0], game.payoff_arrays()[0])


def test_round_trip_preserves_equilibria():
    game = ng.Game([[3, 0], [0, 2]], [[2, 0], [0, 3]])
    back = ng.Game.from_nfg(game.to_nfg())
    assert back.equilibria(exact=True) == game.equilibria(exact=True)


# ---------------------------------------------------------------------- nashpy
def test_to_nashpy_has_the_same_payoffs_and_equilibria():
    import nashpy

    game = ng.Game([[3, 0], [0, 2]], [[2, 0], [0, 3]])
    nash = game.to_nashpy()
    assert isinstance(nash, nashpy.Game)
    A, B = nash.payoff_matrices
    np.testing.assert_array_equal(A, [[3, 0], [0, 2]])
    np.testing.assert_array_equal(B, [[2, 0], [0, 3]])
    theirs = sorted((tuple(x.round(9)), tuple(y.round(9))) for x, y in nash.vertex_enumeration())
    ours = sorted((tuple(e.row.round(9)), tuple(e.col.round(9))) for e in game.equilibria())
    assert theirs == ours


def test_to_nashpy_of_a_float_game():
    game = ng.Game([[0.5, 1.25]], [[-0.5, 2]])
    A, B = game.to_nashpy().payoff_matrices
    assert A.dtype == float
    np.testing.assert_array_equal(A, [[0.5, 1.25]])
    np.testing.assert_array_equal(B, [[-0.5, 2.0]])


# ---------------------------------------------------------------------- Gambit's collection
@needs_reference
def test_the_collection_has_both_variants():
    kinds = {is_outcome_list((NFG_DIR / name).read_text()) for name in NFG_FILES}
    assert kinds == {True, False}


@needs_reference
@pytest.mark.parametrize("nfg_name", NFG_FILES)
def test_gambit_file_matches_its_json_game(nfg_name):
    path = NFG_DIR / nfg_name
    game = ng.Game.from_nfg(path)
    A, B = json_payoffs(json_name(nfg_name))
    assert game.row_payoffs == A
    assert game.col_payoffs == B
    assert all(v.is_Rational for v in game.row_payoffs)
    title = re.search(r'^NFG\s+\d+\s+[RD]\s+"((?:[^"\\]|\\.)*)"', path.read_text()).group(1)
    assert game.name == (title or None)


@needs_reference
@pytest.mark.parametrize("nfg_name", NFG_FILES)
def test_gambit_file_round_trips(nfg_name):
    game = ng.Game.from_nfg(NFG_DIR / nfg_name)
    assert ng.Game.from_nfg(game.to_nfg()) == game
