"""Scenario pictures by name: every kind for every built-in scenario, and the demo set."""

import pytest
import sympy as sp

import negotiation as ng
from negotiation.plotting.figures import (
    DEMO_FIGURES,
    KINDS,
    demo_figures,
    draw,
    save_figure,
    sequential_tree,
)


@pytest.fixture(scope="module")
def london():
    return ng.load("london_framework")


def test_sequential_tree_matches_the_game(london):
    game = london.game()
    tree = sequential_tree(game, "China")
    assert tree.players == game.players
    assert tree.root.player == "China"
    assert tree.root.actions == game.strategies[1]
    # the leaf after China plays D and the US plays L pays the (L, D) cell
    leaf = tree.node(("D", "L"))
    assert leaf.payoffs == (game.row_payoffs[0, 0], game.col_payoffs[0, 0])
    # domain brief, Game B: with China moving first and no hostage the SPE outcome is (S, H)
    assert [spe.path for spe in tree.subgame_perfect()] == [("S", "H")]
    assert sequential_tree(game).root.player == "US"


def test_sequential_tree_of_a_symbolic_game():
    h = sp.Symbol("h")
    g = ng.Game([[3, -2], [4 - h, -1]], [[3, 4], [-2, -1]], players=("US", "China"))
    tree = sequential_tree(g, 1)
    assert tree.parameters == (h,)
    assert tree.name == "US vs China: China moves first"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_draws_for_the_busan_truce(kind):
    busan = ng.load("busan_truce")
    ax = draw(busan, kind, samples=500)
    assert ax.get_title()
    assert ax.figure is not None


def test_unknown_kind_lists_the_kinds(london):
    with pytest.raises(ng.UnknownLabelError, match="the pictures are: game, best_responses"):
        draw(london, "heatmap")


def test_best_responses_need_a_2x2_scenario(london):
    with pytest.raises(ng.InvalidGameError, match="2x2"):
        draw(london, "best_responses")


def test_save_figure(tmp_path, london):
    ax = draw(london, "game")
    path = save_figure(ax, tmp_path / "sub" / "game.png")
    assert path.read_bytes().startswith(b"\x89PNG")
    assert save_figure(ax, tmp_path / "game.svg").read_text().lstrip().startswith("<?xml")
    with pytest.raises(ng.InvalidGameError, match=r"use one of the suffixes .*\.png"):
        save_figure(ax, tmp_path / "game.docx")


def test_demo_figures(tmp_path, london):
    written = demo_figures(london, tmp_path)
    assert [p.name for p in written] == [
        "london_framework_game.png",
        "london_framework_regions.png",
        "london_framework_bargaining.png",
        "london_framework_tree.png",
        "london_framework_repeated.png",
        "timeline.png",
    ]
    assert len(written) == len(DEMO_FIGURES)
    for path in written:
        assert path.read_bytes().startswith(b"\x89PNG")


def test_demo_figures_of_a_2x2_scenario_use_best_responses(tmp_path):
    written = demo_figures(ng.load("tariff_dilemma"), tmp_path)
    assert "tariff_dilemma_best_responses.png" in [p.name for p in written]
