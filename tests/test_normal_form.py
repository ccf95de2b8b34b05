"""The ``Game`` model: construction, labels, parameters, substitution and display."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

import negotiation as ng

PD_LABELS = (("Cooperate", "Defect"), ("Cooperate", "Defect"))


@pytest.fixture
def pd() -> ng.Game:
    return ng.Game(
        [[3, 0], [5, 1]],
        [[3, 5], [0, 1]],
        players=("US", "China"),
        strategies=PD_LABELS,
        name="Prisoner's dilemma",
    )


# ---------------------------------------------------------------------- construction
@pytest.mark.parametrize(
    ("rows", "cols"),
    [
        ([[3, 0], [5, 1]], [[3, 5], [0, 1]]),
        (np.array([[3, 0], [5, 1]]), np.array([[3, 5], [0, 1]])),
        (sp.Matrix([[3, 0], [5, 1]]), sp.ImmutableMatrix([[3, 5], [0, 1]])),
        (((3, 0), (5, 1)), ((3, 5), (0, 1))),
        ([[np.int64(3), np.int32(0)], [5, 1]], [[3, 5], [0, 1]]),
        ([[Fraction(3), 0], [sp.Integer(5), 1]], [[3, 5], [0, 1]]),
    ],
    ids=["lists", "numpy", "sympy", "tuples", "numpy-scalars", "fractions"],
)
def test_every_input_form_gives_the_same_exact_game(rows, cols):
    game = ng.Game(rows, cols)
    assert isinstance(game.row_payoffs, sp.ImmutableMatrix)
    assert isinstance(game.col_payoffs, sp.ImmutableMatrix)
    assert game.row_payoffs == sp.Matrix([[3, 0], [5, 1]])
    assert game.col_payoffs == sp.Matrix([[3, 5], [0, 1]])
    assert all(v.is_Integer for v in game.row_payoffs)
    assert game.shape == (2, 2)


def test_fractions_and_rationals_stay_exact():
    game = ng.Game([[Fraction(1, 3), sp.Rational(2, 7)]], [[0, 1]])
    assert game.row_payoffs[0, 0] == sp.Rational(1, 3)
    assert game.row_payoffs[0, 1] == sp.Rational(2, 7)
    assert all(v.is_Rational for v in game.row_payoffs)


def test_floats_stay_sympy_floats():
    game = ng.Game([[0.25, 1]], [[0, 0.5]])
    assert isinstance(game.row_payoffs[0, 0], sp.Float)
    assert float(game.row_payoffs[0, 0]) == 0.25
    assert game.row_payoffs[0, 1].is_Integer
    assert isinstance(game.col_payoffs[0, 1], sp.Float)


def test_rectangular_game_shape_and_default_labels():
    game = ng.Game([[1, 2, 3], [4, 5, 6]], [[6, 5, 4], [3, 2, 1]])
    assert game.shape == (2, 3)
    assert game.players == ("Row", "Column")
    assert game.strategies == (("r0", "r1"), ("c0", "c1", "c2"))
    assert game.name is None
    assert game.parameters == ()


def test_players_strategies_and_name(pd):
    assert pd.players == ("US", "China")
    assert pd.strategies == PD_LABELS
    assert pd.name == "Prisoner's dilemma"


def test_labels_given_as_lists_are_stored_as_tuples():
    game = ng.Game([[1, 2]], [[2, 1]], players=["A", "B"], strategies=[["up"], ["left", "right"]])
    assert game.players == ("A", "B")
    assert game.strategies == (("up",), ("left", "right"))
    assert isinstance(game.strategies[1], tuple)


def test_index_by_label_index_and_player_name(pd):
    assert pd.index("US", "Defect") == 1
    assert pd.index("row", "Cooperate") == 0
    assert pd.index("column", 1) == 1
    assert pd.index("col", "Defect") == 1
    assert pd.index(1, "Cooperate") == 0
    assert pd.index("China", np.int64(0)) == 0


def test_restrict_keeps_labels_and_payoffs(pd):
    sub = pd.restrict(["Defect"], ["Cooperate", "Defect"])
    assert sub.shape == (1, 2)
    assert sub.strategies == (("Defect",), PD_LABELS[1])
    assert sub.row_payoffs == sp.Matrix([[5, 1]])
    assert sub.col_payoffs == sp.Matrix([[0, 1]])
    assert sub.players == pd.players


# ---------------------------------------------------------------------- zero_sum / symmetric
def test_zero_sum_negates():
    game = ng.Game.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], players=("A", "B"))
    assert game.col_payoffs == -game.row_payoffs
    assert game.players == ("A", "B")
    assert game.shape == (3, 3)


def test_zero_sum_with_a_parameter():
    v = sp.Symbol("v")
    game = ng.Game.zero_sum([[v, 0], [0, 1]])
    assert game.col_payoffs[0, 0] == -v
    assert game.parameters == (v,)


def test_symmetric_transposes_and_shares_labels():
    game = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
    assert game.col_payoffs == sp.Matrix([[3, 5], [0, 1]])
    assert game.strategies == (("C", "D"), ("C", "D"))


def test_symmetric_accepts_one_tuple_per_player():
    game = ng.Game.symmetric([[3, 0], [5, 1]], strategies=(("C", "D"), ("c", "d")))
    assert game.strategies == (("C", "D"), ("c", "d"))


def test_symmetric_needs_a_square_table():
    with pytest.raises(ng.InvalidGameError, match="needs a square payoff table; this one is 1x2"):
        ng.Game.symmetric([[1, 2]])


# ---------------------------------------------------------------------- parameters and subs
def test_parameters_are_ordered_by_name_not_by_appearance():
    z, a, m = sp.symbols("z a m")
    game = ng.Game([[z, a]], [[m, 1]])
    assert game.parameters == (a, m, z)
    assert [p.name for p in game.parameters] == ["a", "m", "z"]


def test_parameters_ignore_numeric_symbols_like_pi():
    t = sp.Symbol("t")
    game = ng.Game([[sp.pi * t, 1]], [[0, sp.E]])
    assert game.parameters == (t,)


@pytest.mark.parametrize("form", ["dict-symbol", "dict-name", "keywords"])
def test_subs_forms_agree(form):
    t, m = sp.symbols("t m")
    game = ng.Game([[t, m], [0, 1]], [[1, 0], [m * t, 2]])
    if form == "dict-symbol":
        new = game.subs({t: sp.Rational(3, 10), m: 2})
    elif form == "dict-name":
        new = game.subs({"t": sp.Rational(3, 10), "m": 2})
    else:
        new = game.subs(t=sp.Rational(3, 10), m=2)
    assert new.parameters == ()
    assert new.row_payoffs == sp.Matrix([[sp.Rational(3, 10), 2], [0, 1]])
    assert new.col_payoffs[1, 0] == sp.Rational(3, 5)


def test_subs_mixing_a_mapping_and_keywords():
    t, m = sp.symbols("t m")
    game = ng.Game([[t, m]], [[0, 0]])
    assert game.subs({t: 1}, m=2).row_payoffs == sp.Matrix([[1, 2]])


def test_partial_subs_keeps_the_other_parameters_and_everything_else():
    t, m = sp.symbols("t m")
    game = ng.Game(
        [[t, m]], [[0, 0]], players=("US", "China"), strategies=(("x",), ("a", "b")), name="g"
    )
    new = game.subs(t=1)
    assert new.parameters == (m,)
    assert new.row_payoffs == sp.Matrix([[1, m]])
    assert (new.players, new.strategies, new.name) == (game.players, game.strategies, "g")
    assert game.parameters == (m, t)  # the original is untouched


def test_subs_with_a_float_gives_a_float_payoff():
    t = sp.Symbol("t")
    new = ng.Game([[t, 0]], [[0, 0]]).subs(t=0.3)
    assert isinstance(new.row_payoffs[0, 0], sp.Float)
    assert float(new.row_payoffs[0, 0]) == pytest.approx(0.3)


def test_subs_unknown_parameter_is_named():
    t = sp.Symbol("t")
    with pytest.raises(ng.UnknownLabelError, match="no parameter named 's'; the parameters are: t"):
        ng.Game([[t, 0]], [[0, 0]]).subs(s=1)


def test_subs_on_a_numeric_game_says_there_are_none(pd):
    with pytest.raises(ng.UnknownLabelError, match="none \\(the model is already numeric\\)"):
        pd.subs(t=1)


def test_subs_that_makes_a_payoff_infinite_is_refused():
    t = sp.Symbol("t")
    with pytest.raises(ng.InvalidGameError, match="payoffs must be finite numbers"):
        ng.Game([[1 / t, 0]], [[0, 0]]).subs(t=0)


# ---------------------------------------------------------------------- immutability
def test_game_is_frozen(pd):
    with pytest.raises(dataclasses.FrozenInstanceError):
        pd.name = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        pd.row_payoffs = sp.Matrix([[0]])  # type: ignore[misc]


def test_payoff_matrices_cannot_be_changed_in_place(pd):
    with pytest.raises(TypeError):
        pd.row_payoffs[0, 0] = 100


def test_mutating_the_input_does_not_change_the_game():
    rows = [[3, 0], [5, 1]]
    array = np.array([[3, 5], [0, 1]])
    game = ng.Game(rows, array)
    rows[0][0] = 100
    array[0, 0] = 100
    assert game.row_payoffs[0, 0] == 3
    assert game.col_payoffs[0, 0] == 3


def test_games_are_values(pd):
    same = ng.Game(
        [[3, 0], [5, 1]],
        [[3, 5], [0, 1]],
        players=("US", "China"),
        strategies=PD_LABELS,
        name="Prisoner's dilemma",
    )
    assert same == pd
    assert hash(same) == hash(pd)
    assert pd != dataclasses.replace(pd, name="other")


def test_numeric_equilibrium_arrays_are_read_only(pd):
    for method in ng.Game.methods:
        for eq in pd.equilibria(method):
            with pytest.raises(ValueError, match="read-only"):
                eq.row[0] = 0.5


def test_equilibrium_is_frozen(pd):
    eq = pd.equilibria(exact=True)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        eq.method = "other"  # type: ignore[misc]


# ---------------------------------------------------------------------- numeric views
def test_payoff_arrays_and_to_nashpy(pd):
    A, B = pd.payoff_arrays()
    assert A.dtype == float
    np.testing.assert_array_equal(A, [[3, 0], [5, 1]])
    np.testing.assert_array_equal(B, [[3, 5], [0, 1]])
    nash = pd.to_nashpy()
    np.testing.assert_array_equal(nash.payoff_matrices[0], A)
    np.testing.assert_array_equal(nash.payoff_matrices[1], B)


# ---------------------------------------------------------------------- display
def test_repr_is_short_and_constructor_like(pd):
    assert repr(pd) == (
        "Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=('US', 'China'), "
        "strategies=(('Cooperate', 'Defect'), ('Cooperate', 'Defect')), "
        'name="Prisoner\'s dilemma")'
    )


def test_repr_of_a_symbolic_game():
    t = sp.Symbol("t")
    game = ng.Game([[t, 0]], [[0, sp.Rational(1, 3)]])
    assert repr(game) == (
        "Game([[t, 0]], [[0, 1/3]], players=('Row', 'Column'), strategies=(('r0',), ('c0', 'c1')))"
    )


def test_str_is_a_labelled_bimatrix(pd):
    assert str(pd) == (
        "Prisoner's dilemma\n"
        "US \\ China   Cooperate   Defect\n"
        "Cooperate    3, 3        0, 5\n"
        "Defect       5, 0        1, 1"
    )


def test_str_of_a_symbolic_game_shows_expressions():
    W, L, C = sp.symbols("W L C")
    chicken = ng.Game.symmetric([[0, -L], [W, -C]], strategies=("Swerve", "Escalate"))
    text = str(chicken)
    assert text == (
        "Row \\ Column   Swerve   Escalate\n"
        "Swerve         0, 0     -L, W\n"
        "Escalate       W, -L    -C, -C"
    )


def test_to_latex_has_labels_and_typeset_entries():
    t = sp.Symbol("t_us")
    game = ng.Game(
        [[sp.Rational(1, 3), 10 * t]],
        [[0, -1]],
        players=("US", "China"),
        strategies=(("Hold_out",), ("Truce", "Escalate")),
    )
    latex = game.to_latex()
    assert latex.startswith(r"\begin{array}{r|cc}")
    assert latex.endswith(r"\end{array}")
    assert r"\text{US} \backslash \text{China}" in latex
    assert r"\text{Truce} & \text{Escalate}" in latex
    assert r"\text{Hold\_out}" in latex  # underscores escaped in labels
    assert r"\frac{1}{3},\ 0" in latex
    assert r"10 t_{us},\ -1" in latex  # symbols typeset by sympy


def test_repr_latex_wraps_to_latex_in_display_math(pd):
    assert pd._repr_latex_() == "$$" + pd.to_latex() + "$$"


def test_repr_html_is_a_labelled_escaped_table():
    game = ng.Game(
        [[1, 2]], [[3, 4]], players=("US <exec>", "China"), strategies=(("a&b",), ("x", "y"))
    )
    html = game._repr_html_()
    assert html.startswith('<table class="negotiation">')
    assert "<th>US &lt;exec&gt; \\ China</th><th>x</th><th>y</th>" in html
    assert "<th>a&amp;b</th><td>1, 3</td><td>2, 4</td>" in html
    assert "Parameters" not in html


def test_repr_html_lists_parameters_and_caption():
    t, m = sp.symbols("t m")
    html = ng.Game([[t, m]], [[0, 0]], name="Tariffs")._repr_html_()
    assert "<caption>Tariffs</caption>" in html
    assert html.endswith("<p>Parameters: m, t</p>")


def test_equilibrium_display(pd):
    eq = pd.equilibria(exact=True)[0]
    assert (
        repr(eq)
        == "Equilibrium(row=(0, 1), col=(0, 1), payoffs=(1, 1), method='vertex_enumeration')"
    )
    assert str(eq) == "US plays Defect; China plays Defect; payoffs (1, 1)"
    html = eq._repr_html_()
    assert "<caption>Nash equilibrium (pure; vertex_enumeration)</caption>" in html
    assert "<td>Cooperate: 0, Defect: 1</td>" in html
    assert eq._repr_latex_() == (
        r"$x = \left(0, 1\right),\ y = \left(0, 1\right),\ u = \left(1, 1\right)$"
    )


def test_mixed_equilibrium_display_names_probabilities():
    pennies = ng.Game.zero_sum(
        [[1, -1], [-1, 1]], players=("Even", "Odd"), strategies=(("H", "T"), ("H", "T"))
    )
    eq = pennies.equilibria(exact=True)[0]
    assert str(eq) == (
        "Even plays H with probability 1/2, T with probability 1/2; "
        "Odd plays H with probability 1/2, T with probability 1/2; payoffs (0, 0)"
    )
    assert r"\frac{1}{2}" in eq._repr_latex_()
    numeric = pennies.equilibria()[0]
    assert "H with probability 0.5" in str(numeric)


def test_symbolic_equilibrium_display_says_where_it_is_valid():
    W, L, C = sp.symbols("W L C", positive=True)
    chicken = ng.Game.symmetric([[0, -L], [W, -C]], strategies=("Swerve", "Escalate"))
    eq = chicken.mixed_equilibrium()
    assert "valid when" in str(eq)
    assert "Valid when" in eq._repr_html_()
    assert r"\frac{W}{C - L + W}" in eq._repr_latex_()


def test_domination_reads_as_a_sentence(pd):
    first = pd.dominated_strategies()[0]
    assert str(first) == "US's 'Cooperate' is strictly dominated by 'Defect'"
    assert first.reason == str(first)
