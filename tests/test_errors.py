"""The exception hierarchy, and a clear message for every kind of bad input to a Game."""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp

import negotiation as ng
from negotiation import errors

BUILTIN_OF = {
    "InvalidGameError": ValueError,
    "UnknownLabelError": KeyError,
    "FreeParameterError": ValueError,
    "ExactArithmeticError": TypeError,
    "GameTreeError": ValueError,
    "RepeatedGameError": ValueError,
    "BargainingError": ValueError,
    "ScenarioError": ValueError,
    "ScenarioFileError": ValueError,
    "UnsafeExpressionError": ValueError,
    "SweepError": ValueError,
    "MissingExtraError": ImportError,
    "AppError": RuntimeError,
    "PathFollowingError": RuntimeError,
    "ContinuousGameError": ValueError,
    "TradeModelError": ValueError,
    "ParameterRangeError": ValueError,
    "WorkLimitError": ValueError,
}


# ---------------------------------------------------------------------- hierarchy
def test_every_error_is_exported_and_listed():
    # ParameterRangeWarning is a warning (UserWarning), not an error.
    assert set(errors.__all__) == {"NegotiationError", "ParameterRangeWarning", *BUILTIN_OF}
    assert issubclass(ng.ParameterRangeWarning, UserWarning)
    assert not issubclass(ng.ParameterRangeWarning, ng.NegotiationError)
    for name in errors.__all__:
        assert getattr(ng, name) is getattr(errors, name)
        assert name in ng.__all__


@pytest.mark.parametrize(("name", "builtin"), sorted(BUILTIN_OF.items()))
def test_each_error_is_a_negotiation_error_and_its_builtin(name, builtin):
    cls = getattr(ng, name)
    assert issubclass(cls, ng.NegotiationError)
    assert issubclass(cls, builtin)
    args = ("boom",)
    with pytest.raises(builtin):
        raise cls(*args)
    with pytest.raises(ng.NegotiationError):
        raise cls(*args)


def test_negotiation_error_is_an_exception_only():
    assert ng.NegotiationError.__mro__[1] is Exception


def test_unknown_label_error_message_is_not_quoted():
    err = ng.UnknownLabelError("no strategy 'X'")
    assert str(err) == "no strategy 'X'"  # a plain KeyError would add quotes
    assert str(ng.UnknownLabelError()) == ""


def test_scenario_file_error_carries_where():
    err = ng.ScenarioFileError("bad value", path="s.toml", line=3, key="parties.us")
    assert str(err) == "s.toml:3, key 'parties.us': bad value"
    assert (err.path, err.line, err.key) == ("s.toml", 3, "parties.us")
    assert str(ng.ScenarioFileError("bad")) == "bad"
    assert str(ng.ScenarioFileError("bad", key="k")) == "key 'k': bad"


# ---------------------------------------------------------------------- the bad inputs
def test_mismatched_shapes():
    with pytest.raises(
        ng.InvalidGameError,
        match=re.escape(
            "row payoffs are 2x3 but column payoffs are 3x2; both must have shape (rows, columns)"
        ),
    ):
        ng.Game([[1, 2, 3], [4, 5, 6]], [[1, 2], [3, 4], [5, 6]])


@pytest.mark.parametrize("empty", [[], [[]], np.zeros((0, 2)), sp.Matrix(0, 0, [])])
def test_empty_payoffs(empty):
    with pytest.raises(
        ng.InvalidGameError,
        match=re.escape("row payoffs is empty; each player needs at least one strategy"),
    ):
        ng.Game(empty, [[1]])


def test_empty_column_payoffs_are_named():
    with pytest.raises(ng.InvalidGameError, match="column payoffs is empty"):
        ng.Game([[1]], [])


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (float("nan"), "nan"),
        (np.nan, "nan"),
        (float("inf"), "inf"),
        (-np.inf, "-inf"),
        (sp.oo, "oo"),
        (sp.nan, "nan"),
        (sp.zoo, "zoo"),
    ],
)
def test_nan_and_infinite_payoffs(value, shown):
    with pytest.raises(
        ng.InvalidGameError,
        match=re.escape(f"row payoffs[0, 1] is {shown}; payoffs must be finite numbers"),
    ):
        ng.Game([[1, value]], [[1, 1]])


def test_nan_in_a_numpy_array():
    A = np.array([[1.0, 2.0], [np.nan, 0.0]])
    with pytest.raises(ng.InvalidGameError, match=re.escape("column payoffs[1, 0] is nan")):
        ng.Game(np.ones((2, 2)), A)


def test_string_payoffs_suggest_a_symbol():
    with pytest.raises(
        ng.InvalidGameError,
        match=re.escape(
            "row payoffs[1, 1] is the string 't'; payoffs must be numbers or sympy "
            "expressions (for a parameter write sympy.Symbol('t'))"
        ),
    ):
        ng.Game([[1, 2], [3, "t"]], [[1, 2], [3, 4]])


def test_a_string_instead_of_a_table():
    with pytest.raises(
        ng.InvalidGameError,
        match=re.escape("row payoffs must be a table of payoffs such as [[3, 0], [5, 1]], not str"),
    ):
        ng.Game("[[1, 2]]", [[1, 2]])


@pytest.mark.parametrize(
    ("value", "pattern"),
    [
        (
            None,
            "row payoffs[0, 0] (None, of type NoneType) is not a number; give a number or a sympy expression",
        ),
        (True, "row payoffs[0, 0] is a boolean (True); give a number instead"),
        (np.True_, "row payoffs[0, 0] is a boolean"),
        (sp.I, "row payoffs[0, 0] is I, which is not a real number"),
        (1 + 2j, "row payoffs[0, 0] is (1+2j), which is not a real number"),
        (
            [1],
            "row payoffs[0, 0] ([1], of type list) is not a number; give a number or a sympy expression",
        ),
    ],
)
def test_entries_that_are_not_real_numbers(value, pattern):
    with pytest.raises(ng.InvalidGameError, match=re.escape(pattern)):
        ng.Game([[value, 0]], [[0, 0]])


def test_ragged_and_wrongly_shaped_tables():
    with pytest.raises(
        ng.InvalidGameError, match="row payoffs is ragged: row 0 has 2 entries but row 1 has 1"
    ):
        ng.Game([[1, 2], [3]], [[1, 2], [3, 4]])
    with pytest.raises(ng.InvalidGameError, match="row payoffs has 3 dimensions"):
        ng.Game(np.zeros((2, 2, 2)), np.zeros((2, 2)))
    with pytest.raises(ng.InvalidGameError, match=r"one-dimensional .*e\.g\. \[\[1, 2\]\]"):
        ng.Game(np.array([1, 2]), np.array([[1, 2]]))
    with pytest.raises(ng.InvalidGameError, match=re.escape("must be a table (a list of rows)")):
        ng.Game([1, 2], [[1, 2]])


def test_bad_players_and_labels():
    with pytest.raises(ng.InvalidGameError, match="players must be two names"):
        ng.Game([[1]], [[1]], players=("US",))
    with pytest.raises(ng.InvalidGameError, match="players must be two names"):
        ng.Game([[1]], [[1]], players="US")
    with pytest.raises(
        ng.InvalidGameError, match="the two players need different names; both are 'US'"
    ):
        ng.Game([[1]], [[1]], players=("US", "US"))
    with pytest.raises(ng.InvalidGameError, match="player names must be non-empty strings"):
        ng.Game([[1]], [[1]], players=("US", ""))
    with pytest.raises(
        ng.InvalidGameError, match="Column has 1 strategy labels but the payoffs have 2 columns"
    ):
        ng.Game([[1, 2]], [[1, 2]], strategies=(("a",), ("x",)))
    with pytest.raises(ng.InvalidGameError, match="Row has duplicate strategy labels: a"):
        ng.Game([[1], [2]], [[1], [2]], strategies=(("a", "a"), ("x",)))
    with pytest.raises(ng.InvalidGameError, match="strategy labels must be non-empty strings"):
        ng.Game([[1, 2]], [[1, 2]], strategies=(("a",), ("x", 2)))
    with pytest.raises(
        ng.InvalidGameError, match="Row's strategies must be a tuple of labels; got 'a'"
    ):
        ng.Game([[1, 2]], [[1, 2]], strategies=("a", "x"))
    with pytest.raises(
        ng.InvalidGameError, match="strategies must be one tuple of labels per player"
    ):
        ng.Game([[1, 2]], [[1, 2]], strategies="ax")
    with pytest.raises(ng.InvalidGameError, match="name must be a string or None"):
        ng.Game([[1]], [[1]], name=3)


@pytest.fixture
def labelled() -> ng.Game:
    return ng.Game(
        [[0, -40], [10, -30]],
        [[0, 10], [-90, -70]],
        players=("US", "China"),
        strategies=(("Truce", "Escalate"), ("Truce", "Escalate")),
    )


def test_unknown_labels_list_the_known_ones(labelled):
    with pytest.raises(
        ng.UnknownLabelError,
        match=re.escape("US has no strategy 'Retaliate'; the strategies are 'Truce', 'Escalate'"),
    ):
        labelled.equilibrium_conditions(("Retaliate", "Truce"))
    with pytest.raises(
        ng.UnknownLabelError, match="China has 2 strategies; index 5 is out of range"
    ):
        labelled.index("China", 5)
    with pytest.raises(
        ng.UnknownLabelError,
        match=re.escape("no player 'EU'; use 0 or 1, 'row' or 'column', or a name: 'US', 'China'"),
    ):
        labelled.best_responses("EU", "Truce")
    with pytest.raises(KeyError):  # also a KeyError
        labelled.restrict(["Truce"], ["Retreat"])


def test_free_parameters_at_a_numeric_solve_are_named_with_the_fix():
    t, m = sp.symbols("t m")
    game = ng.Game([[t, 0], [0, m]], [[1, 0], [0, 1]])
    message = (
        "solving needs numbers but the payoffs still depend on m, t; "
        "give values with game.subs(m=..., t=...)"
    )
    for method in ng.Game.methods:
        with pytest.raises(ng.FreeParameterError, match=re.escape(message)):
            game.equilibria(method)
    with pytest.raises(ng.FreeParameterError, match=re.escape("game.subs(m=..., t=...)")):
        game.equilibria(exact=True)
    with pytest.raises(ng.FreeParameterError, match=re.escape("still depend on m, t")):
        game.payoff_arrays()
    with pytest.raises(ng.FreeParameterError, match=re.escape("the degeneracy test needs numbers")):
        _ = game.is_degenerate
    with pytest.raises(ng.FreeParameterError, match="finding equilibrium components needs numbers"):
        game.equilibrium_components()
    with pytest.raises(ng.FreeParameterError, match="still depend on m, t"):
        game.to_nashpy()
    with pytest.raises(
        ValueError, match=re.escape("still depend on m; give values with game.subs(m=...)")
    ):
        game.subs(t=1).equilibria()


def test_float_payoffs_with_exact_true_suggest_rational_or_exact_false():
    game = ng.Game([[0.55, 0], [0, 1]], [[1, 0], [0, 1]], strategies=(("a", "b"), ("x", "y")))
    message = (
        "exact=True needs rational payoffs, but the row payoff at ('a', 'x') is "
        "0.550000000000000; write it as sympy.Rational('0.55') or solve with exact=False"
    )
    with pytest.raises(ng.ExactArithmeticError, match=re.escape(message)):
        game.equilibria(exact=True)
    with pytest.raises(TypeError, match=re.escape("sympy.Rational('0.55')")):
        game.equilibria("pure", exact=True)
    # the suggestion works
    fixed = ng.Game([[sp.Rational("0.55"), 0], [0, 1]], [[1, 0], [0, 1]])
    assert len(fixed.equilibria(exact=True)) == 3
    assert len(game.equilibria(exact=False)) == 3


def test_float_column_payoff_with_exact_true_is_located():
    game = ng.Game([[1, 0], [0, 1]], [[1, 0], [0.25, 1]])
    with pytest.raises(
        ng.ExactArithmeticError,
        match=re.escape(
            "the column payoff at ('r1', 'c0') is 0.250000000000000; write it as "
            "sympy.Rational('0.25')"
        ),
    ):
        game.equilibria(exact=True)


def test_unknown_method_and_bad_options():
    game = ng.Game([[1]], [[1]])
    with pytest.raises(
        ng.InvalidGameError,
        match=re.escape(
            "unknown method 'simplex'; choose one of 'vertex_enumeration', "
            "'support_enumeration', 'lemke_howson', 'logit', 'pure'"
        ),
    ):
        game.equilibria("simplex")
    with pytest.raises(ng.InvalidGameError, match="tol must be a non-negative number, not -1"):
        game.equilibria(tol=-1)
    with pytest.raises(ng.InvalidGameError, match="tol must be a non-negative number, not 'small'"):
        game.equilibria(tol="small")
    with pytest.raises(
        ng.InvalidGameError, match="exact=True is available for method='vertex_enumeration'"
    ):
        game.equilibria("lemke_howson", exact=True)


def test_profile_of_a_mixed_equilibrium():
    (eq,) = ng.Game.zero_sum([[1, -1], [-1, 1]]).equilibria(exact=True)
    with pytest.raises(ng.InvalidGameError, match=r"this equilibrium is mixed.*use \.row_support"):
        _ = eq.profile


def test_nfg_errors_name_the_problem(tmp_path):
    with pytest.raises(ng.InvalidGameError, match=r"neither \.nfg text .* nor an existing file"):
        ng.Game.from_nfg(str(tmp_path / "missing.nfg"))
    with pytest.raises(ng.InvalidGameError, match=re.escape("the .nfg text ends too early")):
        ng.Game.from_nfg('NFG 1 R "x" { "A" "B" } { 2 2 }\n1 1 2 2')
    with pytest.raises(ng.InvalidGameError, match=re.escape("this .nfg game has 1 player(s)")):
        ng.Game.from_nfg('NFG 1 R "x" { "A" } { 1 }\n1')
    with pytest.raises(ng.InvalidGameError, match=re.escape("each outcome needs 3 payoffs")):
        ng.Game.from_nfg('NFG 1 R "x" { "A" "B" "C" } { 1 1 1 }\n{ { "" 1 1 } }\n1')
    with pytest.raises(ng.InvalidGameError, match=r"profiles .*up to 1,000,000"):
        ng.Game.from_nfg('NFG 1 R "x" { "A" "B" } { 100000 100000 }\n')
    with pytest.raises(ng.InvalidGameError, match=re.escape("malformed .nfg: 'x' is not a number")):
        ng.Game.from_nfg('NFG 1 R "x" { "A" "B" } { 1 1 }\nx 1')
    with pytest.raises(
        ng.InvalidGameError, match=re.escape("malformed .nfg: outcome 3 is not defined")
    ):
        ng.Game.from_nfg('NFG 1 R "x" { "A" "B" } { 1 1 }\n{ { "" 1 2 } { "" 3 4 } }\n3')
    t = sp.Symbol("t")
    with pytest.raises(
        ng.InvalidGameError,
        match=re.escape("the .nfg format needs numbers but the payoffs depend on t"),
    ):
        ng.Game([[t]], [[1]]).to_nfg()


BAD_INPUTS = [
    lambda: ng.Game([[1, 2]], [[1], [2]]),
    lambda: ng.Game([], []),
    lambda: ng.Game([[float("nan")]], [[1]]),
    lambda: ng.Game([["a"]], [[1]]),
    lambda: ng.Game([[object()]], [[1]]),
    lambda: ng.Game([[1]], [[1]]).equilibria("magic"),
    lambda: ng.Game([[1]], [[1]]).best_responses(2, 0),
    lambda: ng.Game([[1]], [[1]]).index(0, "nope"),
    lambda: ng.Game([[1]], [[1]]).subs(x=1),
    lambda: ng.Game([[sp.Symbol("x")]], [[1]]).subs(x="1"),
    lambda: ng.Game([[sp.Symbol("x")]], [[1]]).subs(x=float("inf")),
    lambda: ng.Game([[sp.Symbol("x")]], [[1]]).equilibria(),
    lambda: ng.Game([[0.5]], [[1]]).equilibria(exact=True),
    lambda: ng.Game([[1, 2, 3]], [[1, 2, 3]]).mixed_equilibrium(),
    lambda: ng.Game.from_nfg("NFG"),
]


@pytest.mark.parametrize("call", BAD_INPUTS, ids=range(len(BAD_INPUTS)))
def test_bad_input_never_escapes_as_a_foreign_error(call):
    with pytest.raises(ng.NegotiationError) as info:
        call()
    assert str(info.value)  # every message says something
