"""Game-tree pictures: layout, the highlighted subgame-perfect play, and the figure."""

import numpy as np
import pytest
import sympy as sp
from plot_helpers import legend_texts, render

import negotiation as ng
from negotiation.plotting import plot_tree, tree_data

h = sp.Symbol("h")


@pytest.fixture
def trust():
    """The "up front" trust game with hostage h (domain brief, Game B, stylised)."""
    return ng.GameTree(
        ng.Decision(
            "China",
            {
                "Deliver": ng.Decision(
                    "US", {"Honour": ng.Terminal((3, 3)), "Renege": ng.Terminal((4 - h, -2))}
                ),
                "Slow-walk": ng.Decision(
                    "US", {"Honour": ng.Terminal((-2, 4)), "Renege": ng.Terminal((-1, -1))}
                ),
            },
        ),
        players=("US", "China"),
        name="Up front",
    )


def edge_labels(data, mask):
    return [data.edges[k][2] for k in range(len(data.edges)) if mask[k]]


def test_tree_layout(trust):
    data = tree_data(trust.subs(h=2))
    assert data.histories[0] == ()
    assert data.kinds == (
        "decision", "decision", "terminal", "terminal", "decision", "terminal", "terminal",
    )  # fmt: skip
    assert data.labels[0] == "China"
    assert data.labels[1] == "US"
    assert data.labels[2] == "(3, 3)"
    assert data.labels[3] == "(2, -2)"
    # leaves evenly spaced, parents centred over their children, depth downwards
    leaves = data.positions[[2, 3, 5, 6]]
    np.testing.assert_array_equal(leaves, [[0, -2], [1, -2], [2, -2], [3, -2]])
    np.testing.assert_array_equal(data.positions[[0, 1, 4]], [[1.5, 0], [0.5, -1], [2.5, -1]])
    assert len(data.edges) == 6
    assert data.infosets == ()


def test_tree_highlights_the_spe(trust):
    with_hostage = tree_data(trust.subs(h=2))
    assert with_hostage.path == ("Deliver", "Honour")
    assert with_hostage.spe == trust.subs(h=2).subgame_perfect()[0]
    assert with_hostage.spe_count == 1
    assert edge_labels(with_hostage, with_hostage.on_path) == ["Deliver", "Honour"]
    assert edge_labels(with_hostage, with_hostage.chosen) == ["Deliver", "Honour", "Renege"]
    without = tree_data(trust.subs(h=0))
    assert without.path == ("Slow-walk", "Renege")
    assert edge_labels(without, without.on_path) == ["Slow-walk", "Renege"]


def test_symbolic_tree_has_no_highlight(trust):
    data = tree_data(trust)
    assert data.spe is None
    assert data.spe_count == 0
    assert not data.on_path.any()
    assert data.labels[3] == "(4 - h, -2)"


def test_ties_choose_the_equilibrium():
    tie = ng.GameTree(
        ng.Decision("A", {"x": ng.Terminal((1, 0)), "y": ng.Terminal((1, 1))}),
        players=("A", "B"),
    )
    assert tree_data(tie, spe=0).path == ("x",)
    assert tree_data(tie, spe=1).path == ("y",)
    with pytest.raises(ng.GameTreeError, match="spe=2 but the tree has 2 subgame-perfect"):
        tree_data(tie, spe=2)
    with pytest.raises(ng.InvalidGameError, match="GameTree"):
        tree_data(ng.Game([[1]], [[1]]))


def test_information_sets_and_chance():
    p = sp.Rational(3, 4)
    renewal = ng.Chance(
        {"renewed": (p, ng.Terminal((1, 2))), "lapsed": (1 - p, ng.Terminal((0, 0)))}
    )
    tree = ng.GameTree(
        ng.Decision(
            "US",
            {
                a: ng.Decision(
                    "China",
                    {b: renewal if (a, b) == ("T", "T") else ng.Terminal((-1, 1)) for b in "TE"},
                    infoset="china",
                )
                for a in "TE"
            },
        ),
        players=("US", "China"),
    )
    data = tree_data(tree)
    assert data.infosets == ((data.histories.index(("T",)), data.histories.index(("E",))),)
    assert "renewed (3/4)" in [label for _, _, label in data.edges]
    assert data.kinds[data.histories.index(("T", "T"))] == "chance"
    ax = plot_tree(tree)
    render(ax)
    assert "information set" in legend_texts(ax)
    assert "chance" in legend_texts(ax)


def test_plot_tree_renders(trust):
    ax = plot_tree(trust.subs(h=2))
    render(ax)
    assert ax.get_title() == "Up front\nsubgame-perfect path: Deliver → Honour"
    assert ax.get_xlabel() == "payoffs: (US, China)"
    assert legend_texts(ax) == [
        "US",
        "China",
        "subgame-perfect path",
        "subgame-perfect choice off the path",
    ]
    texts = {t.get_text() for t in ax.texts}
    assert {"Deliver", "Slow-walk", "Honour", "Renege", "(3, 3)", "(-1, -1)"} <= texts


def test_plot_symbolic_tree_renders(trust):
    ax = plot_tree(trust)
    render(ax)
    assert ax.get_title() == (
        "Up front\n(symbolic: give values with tree.subs(...) to see the SPE)"
    )
