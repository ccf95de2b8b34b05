"""The payoff-table and best-response pictures: their numbers against the model, and the figures."""

import subprocess
import sys
import textwrap

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from plot_helpers import legend_texts, render

import negotiation as ng
from negotiation.plotting import best_responses_data, game_data, plot_best_responses, plot_game

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def dilemma():
    """Game A of the domain brief: the tariff prisoner's dilemma ($bn, stylised)."""
    return ng.Game(
        [[0, -40], [10, -30]],
        [[0, 10], [-90, -70]],
        players=("US", "China"),
        strategies=(("Truce", "Escalate"), ("Truce", "Escalate")),
        name="Tariff dilemma",
    )


@pytest.fixture
def geneva():
    """Game B of the domain brief: implementing Geneva (3x3, stylised)."""
    return ng.Game(
        [[3, -2, -6], [4, -1, -4], [1, -3, -7]],
        [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]],
        players=("US", "China"),
        strategies=(("L", "H", "E"), ("D", "S", "W")),
        name="Implementing Geneva",
    )


@pytest.fixture
def chicken():
    """Game C of the domain brief: October chicken with W = 2, L = 3, C = 10."""
    return ng.Game.symmetric(
        [[0, -3], [2, -10]],
        strategies=("Swerve", "Escalate"),
        players=("US", "China"),
        name="October chicken",
    )


# ---------------------------------------------------------------------- game_data
def test_game_data_dilemma(dilemma):
    data = game_data(dilemma)
    assert data.title == "Tariff dilemma"
    assert data.players == ("US", "China")
    np.testing.assert_array_equal(data.row_payoffs, [[0, -40], [10, -30]])
    np.testing.assert_array_equal(data.col_payoffs, [[0, 10], [-90, -70]])
    assert data.equilibria == (("Escalate", "Escalate"),)
    assert data.conditional_equilibria == ()
    assert {(d.player, d.dominated, d.by) for d in data.dominated} == {
        ("US", "Truce", "Escalate"),
        ("China", "Truce", "Escalate"),
    }
    assert data.cell_text[0][1] == ("-40", "10")


def test_game_data_geneva_matches_the_solver(geneva):
    data = game_data(geneva)
    assert data.equilibria == (("H", "S"),)
    pure = [eq.profile for eq in geneva.equilibria(method="pure")]
    assert list(data.equilibria) == pure
    assert {(d.player, d.dominated) for d in data.dominated} == {
        (d.player, d.dominated) for d in geneva.dominated_strategies()
    }


def test_game_data_symbolic_payoffs():
    t = sp.Symbol("t")
    g = ng.Game([[0, -40], [10 * t, -30]], [[0, 10], [-90, -70 * t]], players=("US", "China"))
    data = game_data(g)
    assert np.isnan(data.row_payoffs[1, 0])
    assert data.row_payoffs[1, 1] == -30
    assert data.cell_text[1][0] == ("10*t", "-90")
    conditional = dict(data.conditional_equilibria)
    assert set(conditional) == {("r1", "c0"), ("r1", "c1")}
    assert conditional[("r1", "c0")] == g.equilibrium_conditions(("r1", "c0"))
    assert data.equilibria == ()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(-5, 5), min_size=6, max_size=6),
    st.lists(st.integers(-5, 5), min_size=6, max_size=6),
)
def test_game_data_equilibria_are_the_pure_equilibria(a, b):
    g = ng.Game(np.reshape(a, (2, 3)), np.reshape(b, (2, 3)))
    data = game_data(g)
    assert set(data.equilibria) == {eq.profile for eq in g.equilibria(method="pure")}


def test_plot_game_renders_with_labels(geneva):
    ax = plot_game(geneva)
    render(ax)
    assert ax.get_title() == "Implementing Geneva"
    assert ax.get_xlabel() == "China"
    assert ax.get_ylabel() == "US"
    xticks = [t.get_text() for t in ax.get_xticklabels()]
    yticks = [t.get_text() for t in ax.get_yticklabels()]
    assert xticks == ["D\n(dominated)", "S", "W\n(dominated)"]
    assert yticks == ["L\n(dominated)", "H", "E\n(dominated)"]
    assert legend_texts(ax) == [
        "US's payoff",
        "China's payoff",
        "dominated strategy",
        "pure Nash equilibrium",
    ]
    texts = {t.get_text() for t in ax.texts}
    assert {"3", "-2", "-6", "4", "-1", "-7"} <= texts


def test_plot_game_symbolic_and_given_axes():
    t = sp.Symbol("t")
    g = ng.Game([[0, -40], [10 * t, -30]], [[0, 10], [-90, -70 * t]])
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_game(g, ax=ax) is ax
    render(ax)
    assert ax.get_title() == "Row vs Column"
    assert "equilibrium under conditions" in legend_texts(ax)
    assert "10*t" in {text.get_text() for text in ax.texts}


def test_plot_game_rejects_non_games():
    with pytest.raises(ng.InvalidGameError, match=r"scenario\.game\(\)"):
        game_data([[1, 2], [3, 4]])
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        plot_game(ng.Game([[1]], [[1]]), ax="here")


# ---------------------------------------------------------------------- best responses
def test_best_responses_chicken(chicken):
    data = best_responses_data(chicken)
    # each side escalates with probability W / (W + C - L) = 2/9 (domain brief, Game C)
    assert data.row_threshold == pytest.approx(7 / 9)
    assert data.col_threshold == pytest.approx(7 / 9)
    points = {tuple(np.round(p, 9)) for p in data.equilibria}
    assert points == {(0.0, 1.0), (1.0, 0.0), (round(7 / 9, 9), round(7 / 9, 9))}
    assert data.pure.sum() == 2
    assert data.xlabel == "P(US plays Swerve)"
    assert data.ylabel == "P(China plays Swerve)"
    assert data.title == "Best responses: October chicken"
    # the row player's correspondence: x = 1 below the threshold, x = 0 above, and a horizontal
    # segment at the threshold
    segments = {tuple(map(tuple, np.round(s, 9))) for s in data.row_segments}
    t = round(7 / 9, 9)
    assert segments == {((1.0, 0.0), (1.0, t)), ((0.0, t), (0.0, 1.0)), ((0.0, t), (1.0, t))}
    # the column player's correspondence is its mirror image
    mirrored = {tuple(map(tuple, np.round(s[:, ::-1], 9))) for s in data.col_segments}
    assert mirrored == segments


def test_best_responses_dominant_strategy(dilemma):
    data = best_responses_data(dilemma)
    assert data.row_threshold is None
    assert data.col_threshold is None
    np.testing.assert_array_equal(data.row_segments, [[[0, 0], [0, 1]]])
    np.testing.assert_array_equal(data.col_segments, [[[0, 0], [1, 0]]])
    np.testing.assert_array_equal(data.equilibria, [[0, 0]])
    assert data.pure.tolist() == [True]


def test_best_responses_indifferent_player():
    g = ng.Game([[1, 1], [1, 1]], [[2, 0], [0, 2]])
    data = best_responses_data(g)
    assert data.row_indifferent
    assert not data.col_indifferent
    assert data.col_threshold == pytest.approx(0.5)


def on_segments(point, segments, tol=1e-9):
    x, y = point
    for (x0, y0), (x1, y1) in segments:
        if (
            min(x0, x1) - tol <= x <= max(x0, x1) + tol
            and min(y0, y1) - tol <= y <= max(y0, y1) + tol
        ):
            return True
    return False


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.integers(-6, 6), min_size=4, max_size=4),
    st.lists(st.integers(-6, 6), min_size=4, max_size=4),
)
def test_equilibria_lie_on_both_correspondences(a, b):
    g = ng.Game(np.reshape(a, (2, 2)), np.reshape(b, (2, 2)))
    data = best_responses_data(g)
    assert len(data.equilibria) >= 1
    for point in data.equilibria:
        assert data.row_indifferent or on_segments(point, data.row_segments)
        assert data.col_indifferent or on_segments(point, data.col_segments)


def test_best_responses_errors(geneva):
    with pytest.raises(ng.InvalidGameError, match="2x2 games; this game is 3x3"):
        best_responses_data(geneva)
    t = sp.Symbol("t")
    with pytest.raises(ng.FreeParameterError, match="t"):
        best_responses_data(ng.Game([[t, 0], [0, 1]], [[1, 0], [0, 1]]))


def test_plot_best_responses_renders(chicken):
    ax = plot_best_responses(chicken)
    render(ax)
    assert ax.get_title() == "Best responses: October chicken"
    assert ax.get_xlabel() == "P(US plays Swerve)"
    assert ax.get_ylabel() == "P(China plays Swerve)"
    assert legend_texts(ax) == [
        "US's best response",
        "China's best response",
        "pure equilibrium",
        "mixed equilibrium",
    ]


def test_plotting_does_not_use_pyplot():
    code = textwrap.dedent(
        """
        import sys
        import negotiation as ng
        from negotiation.plotting import plot_best_responses, plot_game
        g = ng.Game.symmetric([[0, -3], [2, -10]])
        plot_game(g); plot_best_responses(g)
        assert "matplotlib.pyplot" not in sys.modules, "pyplot was imported"
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)
