"""Cross-check against Gambit on every game of the shared reference set.

``../shared/reference/`` (from the project's root) holds two-player games and
every extreme equilibrium and maximal Nash subset ("clique") computed by
``pygambit.nash.enummixed_solve(rational=True)``; see its README. The files
are other projects' data, so they are read where they are, never copied here;
without the folder these tests are skipped.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

import negotiation as ng

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference"
NAMES = sorted(p.stem for p in (REFERENCE / "games").glob("*.json")) if REFERENCE.is_dir() else []

pytestmark = pytest.mark.skipif(
    not NAMES,
    reason=f"the Gambit reference set is not at {REFERENCE} (it lives outside the project)",
)

Exact = tuple[sp.Rational, ...]


@cache
def game_data(name: str) -> dict:
    return json.loads((REFERENCE / "games" / f"{name}.json").read_text())


@cache
def reference(name: str) -> dict:
    return json.loads((REFERENCE / "equilibria" / f"{name}.json").read_text())


@cache
def exact_game(name: str) -> ng.Game:
    """Exact payoffs: the ``p/q`` strings where given, else the decimals the numbers print as."""
    data = game_data(name)
    if "A_exact" in data:
        A = [[sp.Rational(v) for v in row] for row in data["A_exact"]]
        B = [[sp.Rational(v) for v in row] for row in data["B_exact"]]
    else:
        A = [[sp.Rational(str(v)) for v in row] for row in data["A"]]
        B = [[sp.Rational(str(v)) for v in row] for row in data["B"]]
    return ng.Game(A, B, name=name)


def numeric_game(name: str) -> ng.Game:
    """What a user with floats would build (exact fractions where the file gives them)."""
    data = game_data(name)
    if "A_exact" in data:
        return exact_game(name)
    return ng.Game(np.array(data["A"], dtype=float), np.array(data["B"], dtype=float))


def vector(strings: list[str]) -> Exact:
    return tuple(sp.Rational(s) for s in strings)


def gambit_extreme(name: str) -> set[tuple[Exact, Exact]]:
    # Gambit can list an equilibrium more than once (once per basis); compare as sets.
    return {(vector(e["row"]), vector(e["col"])) for e in reference(name)["extreme_equilibria"]}


@cache
def our_exact(name: str) -> tuple[ng.Equilibrium, ...]:
    return tuple(exact_game(name).equilibria(exact=True))


@pytest.mark.parametrize("name", NAMES)
def test_exact_vertex_enumeration_finds_exactly_gambits_extreme_equilibria(name):
    ours = our_exact(name)
    assert {(eq.row, eq.col) for eq in ours} == gambit_extreme(name)
    assert len({(eq.row, eq.col) for eq in ours}) == len(ours)  # each once
    for eq in ours:
        assert all(isinstance(v, sp.Rational) for v in eq.row + eq.col)


@pytest.mark.parametrize("name", NAMES)
def test_exact_payoffs_match_gambit(name):
    want = {
        (vector(e["row"]), vector(e["col"])): (
            sp.Rational(e["payoff_row"]),
            sp.Rational(e["payoff_col"]),
        )
        for e in reference(name)["extreme_equilibria"]
    }
    for eq in our_exact(name):
        assert eq.payoffs == want[(eq.row, eq.col)]


@pytest.mark.parametrize("name", NAMES)
def test_default_numeric_equilibria_match_gambits_floats(name):
    want = {
        (tuple(e["row_float"]), tuple(e["col_float"]))
        for e in reference(name)["extreme_equilibria"]
    }
    want_unique: list[tuple[tuple, tuple]] = []
    for x, y in want:
        if not any(
            np.allclose(x, u, atol=1e-9) and np.allclose(y, v, atol=1e-9) for u, v in want_unique
        ):
            want_unique.append((x, y))
    ours = numeric_game(name).equilibria()
    assert len(ours) == len(want_unique)
    for x, y in want_unique:
        hits = [
            eq
            for eq in ours
            if np.allclose(eq.row, x, atol=1e-6) and np.allclose(eq.col, y, atol=1e-6)
        ]
        assert len(hits) == 1, f"Gambit's {x}, {y} matched {len(hits)} of ours"
    for eq in ours:
        assert isinstance(eq.row, np.ndarray)
        assert eq.method == "vertex_enumeration"


@pytest.mark.parametrize("name", NAMES)
def test_components_match_gambits_cliques(name):
    ref = reference(name)
    rows = [vector(v) for v in ref["row_vertices"]]
    cols = [vector(v) for v in ref["col_vertices"]]
    want = {
        (
            frozenset(rows[i] for i in c["row_vertices"]),
            frozenset(cols[j] for j in c["col_vertices"]),
        )
        for c in ref["cliques"]
    }
    ours = exact_game(name).equilibrium_components()
    got = {(frozenset(c.row_vertices), frozenset(c.col_vertices)) for c in ours}
    assert got == want
    assert len(ours) == len(got)
    assert any(c.is_continuum for c in ours) == ref["has_continuum"]


@pytest.mark.parametrize("name", NAMES)
def test_degeneracy_is_consistent_with_what_gambit_found(name):
    ref = reference(name)
    game = exact_game(name)
    if ref["has_continuum"] or ref["unequal_support_equilibrium"]:
        assert game.is_degenerate
    if not game.is_degenerate:
        assert all(len(eq.row_support) == len(eq.col_support) for eq in our_exact(name))
