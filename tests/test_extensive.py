"""Game trees: construction, checks, parameters, walking, the normal form and display."""

from __future__ import annotations

import pytest
import sympy as sp

import negotiation as ng
from negotiation.games.extensive import InformationSet

h, p = sp.symbols("h p")


def sequential_game_b(hostage=h) -> ng.GameTree:
    """Game B (domain brief section 4) played sequentially, China first, US payoff first."""
    return ng.GameTree(
        ng.Decision(
            "China",
            {
                "D": ng.Decision(
                    "US", {"L": ng.Terminal((3, 3)), "H": ng.Terminal((4 - hostage, -2))}
                ),
                "S": ng.Decision("US", {"L": ng.Terminal((-2, 4)), "H": ng.Terminal((-1, -1))}),
            },
        ),
        players=("US", "China"),
        name="Sequential Game B",
    )


def entry_deterrence() -> ng.GameTree:
    return ng.GameTree(
        ng.Decision(
            "Entrant",
            {
                "Out": ng.Terminal((0, 2)),
                "In": ng.Decision(
                    "Incumbent",
                    {"Fight": ng.Terminal((-1, -1)), "Accommodate": ng.Terminal((1, 1))},
                ),
            },
        ),
        players=("Entrant", "Incumbent"),
    )


# ---------------------------------------------------------------------- construction
def test_nodes_hold_exact_sympy_values_and_labels():
    t = ng.Terminal((3, sp.Rational(1, 2)))
    assert t.payoffs == (3, sp.Rational(1, 2))
    assert all(isinstance(v, sp.Expr) for v in t.payoffs)
    d = ng.Decision("US", {"Honour": t, "Renege": ng.Terminal((4, -2))})
    assert d.actions == ("Honour", "Renege")
    assert d["Renege"] == ng.Terminal((4, -2))
    c = ng.Chance({"renewed": (p, t), "lapsed": (1 - p, t)})
    assert c.labels == ("renewed", "lapsed")
    assert c.probabilities == (p, 1 - p)


def test_nodes_are_immutable_values():
    t = ng.Terminal((1, 2))
    with pytest.raises(AttributeError):
        t.payoffs = (3, 4)  # type: ignore[misc]
    assert ng.Terminal((1, 2)) == t
    assert hash(ng.Decision("A", {"x": t})) == hash(ng.Decision("A", {"x": ng.Terminal((1, 2))}))


def test_decision_accepts_a_list_of_pairs():
    d = ng.Decision("A", [("x", ng.Terminal((1,))), ("y", ng.Terminal((2,)))])
    assert d.actions == ("x", "y")


def test_players_default_to_the_movers_in_order_of_appearance():
    tree = ng.GameTree(ng.Decision("China", {"D": ng.Decision("US", {"H": ng.Terminal((1, 2))})}))
    assert tree.players == ("China", "US")


def test_player_indices_are_resolved_to_names():
    tree = ng.GameTree(
        ng.Decision(1, {"D": ng.Decision(0, {"H": ng.Terminal((1, 2))})}), players=("US", "China")
    )
    assert tree.root.player == "China"
    assert tree.root["D"].player == "US"


# ---------------------------------------------------------------------- bad input
def test_terminal_without_payoffs_is_an_error_naming_the_fix():
    with pytest.raises(ng.GameTreeError, match=r"needs its payoffs.*Terminal\(\(3, 3\)\)"):
        ng.Terminal()
    with pytest.raises(ng.GameTreeError, match="has no payoffs"):
        ng.Terminal(())


def test_a_leaf_that_is_not_a_terminal_is_an_error():
    with pytest.raises(ng.GameTreeError, match=r"'Honour'.*leads to None.*Terminal"):
        ng.Decision("US", {"Honour": None})
    with pytest.raises(ng.GameTreeError, match=r"wrap payoffs in Terminal\(\(3, 3\)\)"):
        ng.Decision("US", {"Honour": (3, 3)})


def test_wrong_number_of_payoffs_is_an_error():
    with pytest.raises(ng.GameTreeError, match=r"'D/H' has 3 payoffs but the tree has 2 players"):
        ng.GameTree(
            ng.Decision("China", {"D": ng.Decision("US", {"H": ng.Terminal((1, 2, 3))})}),
            players=("US", "China"),
        )


def test_payoffs_must_be_numbers():
    with pytest.raises(ng.GameTreeError, match="string 'h'"):
        ng.Terminal(("h", 1))


def test_probabilities_must_sum_to_one():
    with pytest.raises(ng.GameTreeError, match=r"sum to 9/10, not 1"):
        ng.Chance(
            {
                "a": (sp.Rational(1, 2), ng.Terminal((0,))),
                "b": (sp.Rational(2, 5), ng.Terminal((1,))),
            }
        )
    q = sp.Symbol("q")
    with pytest.raises(ng.GameTreeError, match=r"sum to p \+ q.*1 minus the others"):
        ng.Chance({"a": (p, ng.Terminal((0,))), "b": (q, ng.Terminal((1,)))})
    with pytest.raises(ng.GameTreeError, match=r"probability of 'a' is -1/2"):
        ng.Chance(
            {
                "a": (sp.Rational(-1, 2), ng.Terminal((0,))),
                "b": (sp.Rational(3, 2), ng.Terminal((1,))),
            }
        )


def test_float_probabilities_summing_to_one_within_rounding_are_accepted():
    c = ng.Chance(
        {
            "a": (0.1, ng.Terminal((0,))),
            "b": (0.2, ng.Terminal((0,))),
            "c": (0.7, ng.Terminal((1,))),
        }
    )
    assert len(c.outcomes) == 3


def test_duplicate_action_labels_are_an_error():
    with pytest.raises(ng.GameTreeError, match="duplicate action label 'Honour'"):
        ng.Decision("US", [("Honour", ng.Terminal((1,))), ("Honour", ng.Terminal((2,)))])
    with pytest.raises(ng.GameTreeError, match="duplicate chance outcome label 'a'"):
        ng.Chance([("a", (0.5, ng.Terminal((1,)))), ("a", (0.5, ng.Terminal((2,))))])


def test_bad_labels_players_and_empty_nodes():
    with pytest.raises(ng.GameTreeError, match="non-empty string"):
        ng.Decision("US", {"": ng.Terminal((1,))})
    with pytest.raises(ng.GameTreeError, match="has no actions"):
        ng.Decision("US", {})
    with pytest.raises(ng.GameTreeError, match="player's name or index"):
        ng.Decision(None, {"x": ng.Terminal((1,))})  # type: ignore[arg-type]
    with pytest.raises(ng.GameTreeError, match=r"'Japan', who is not among the players"):
        ng.GameTree(ng.Decision("Japan", {"x": ng.Terminal((1, 2))}), players=("US", "China"))
    with pytest.raises(ng.GameTreeError, match="index 2 but there are only 2 players"):
        ng.GameTree(ng.Decision(2, {"x": ng.Terminal((1, 2))}), players=("US", "China"))
    with pytest.raises(ng.GameTreeError, match="must differ"):
        ng.GameTree(ng.Terminal((1, 2)), players=("US", "US"))
    with pytest.raises(ng.GameTreeError, match="give the players' names"):
        ng.GameTree(ng.Terminal((1, 2)))
    with pytest.raises(ng.GameTreeError, match="root must be"):
        ng.GameTree((1, 2), players=("A", "B"))  # type: ignore[arg-type]


def test_information_sets_must_be_consistent():
    with pytest.raises(ng.GameTreeError, match="mixes players"):
        ng.GameTree(
            ng.Decision(
                "A",
                {
                    "x": ng.Decision("B", {"l": ng.Terminal((0, 0))}, infoset="s"),
                    "y": ng.Decision("A", {"l": ng.Terminal((0, 0))}, infoset="s"),
                },
            )
        )
    with pytest.raises(ng.GameTreeError, match="give them the same actions"):
        ng.GameTree(
            ng.Decision(
                "A",
                {
                    "x": ng.Decision("B", {"l": ng.Terminal((0, 0))}, infoset="s"),
                    "y": ng.Decision("B", {"r": ng.Terminal((0, 0))}, infoset="s"),
                },
            )
        )
    with pytest.raises(ng.GameTreeError, match="twice on one path"):
        ng.GameTree(
            ng.Decision(
                "A", {"x": ng.Decision("A", {"x": ng.Terminal((0,))}, infoset="s")}, infoset="s"
            )
        )


# ---------------------------------------------------------------------- parameters
def test_parameters_come_from_payoffs_and_probabilities():
    tree = ng.GameTree(
        ng.Chance(
            {"renewed": (p, sequential_game_b().root), "lapsed": (1 - p, ng.Terminal((0, 0)))}
        ),
        players=("US", "China"),
    )
    assert tree.parameters == (h, p)
    numeric = tree.subs({"h": 1}, p=sp.Rational(1, 3))
    assert numeric.parameters == ()
    assert numeric.root.probabilities == (sp.Rational(1, 3), sp.Rational(2, 3))
    assert numeric.node(["renewed", "D", "H"]).payoffs == (3, -2)
    # subs returns a new tree and leaves the old one alone
    assert tree.parameters == (h, p)


def test_subs_rejects_unknown_parameters():
    with pytest.raises(ng.UnknownLabelError, match="no parameter named 'x'"):
        sequential_game_b().subs(x=1)


def test_subs_can_break_probabilities():
    tree = ng.GameTree(
        ng.Chance({"a": (p, ng.Terminal((1,))), "b": (1 - p, ng.Terminal((0,)))}), players=("A",)
    )
    with pytest.raises(ng.GameTreeError, match="probabilities lie in"):
        tree.subs(p=2)


# ---------------------------------------------------------------------- walking
def test_nodes_walks_depth_first_with_histories():
    tree = sequential_game_b()
    histories = [hist for hist, _ in tree.nodes()]
    assert histories == [(), ("D",), ("D", "L"), ("D", "H"), ("S",), ("S", "L"), ("S", "H")]
    assert tree.node(("S", "H")).payoffs == (-1, -1)
    with pytest.raises(ng.UnknownLabelError, match="no action 'X'"):
        tree.node(["S", "X"])
    with pytest.raises(ng.UnknownLabelError, match="continues past the terminal"):
        tree.node(["S", "H", "L"])


def test_information_sets_are_listed_with_their_nodes():
    chicken = simultaneous_chicken()
    sets = chicken.information_sets
    assert sets == (
        InformationSet("US@root", "US", ("Swerve", "Escalate"), ((),)),
        InformationSet("cn", "China", ("Swerve", "Escalate"), (("Swerve",), ("Escalate",))),
    )
    assert not chicken.is_perfect_information
    assert sequential_game_b().is_perfect_information


# ---------------------------------------------------------------------- normal form
def simultaneous_chicken(W=2, L=3, C=10) -> ng.GameTree:
    """Game C (domain brief section 4) as a tree: China cannot see the US move."""
    payoffs = {
        ("Swerve", "Swerve"): (0, 0),
        ("Swerve", "Escalate"): (-L, W),
        ("Escalate", "Swerve"): (W, -L),
        ("Escalate", "Escalate"): (-C, -C),
    }
    return ng.GameTree(
        ng.Decision(
            "US",
            {
                a: ng.Decision(
                    "China",
                    {b: ng.Terminal(payoffs[a, b]) for b in ("Swerve", "Escalate")},
                    infoset="cn",
                )
                for a in ("Swerve", "Escalate")
            },
        ),
        players=("US", "China"),
    )


def test_strategy_labels_are_plans_at_every_information_set():
    assert sequential_game_b().strategies == (
        ("L/L", "L/H", "H/L", "H/H"),
        ("D", "S"),
    )
    assert simultaneous_chicken().strategies == (("Swerve", "Escalate"), ("Swerve", "Escalate"))


def test_to_game_of_sequential_game_b_has_the_plan_payoffs():
    game = sequential_game_b().to_game()
    assert game.players == ("US", "China")
    assert game.strategies == (("L/L", "L/H", "H/L", "H/H"), ("D", "S"))
    assert game.row_payoffs == sp.Matrix([[3, -2], [3, -1], [4 - h, -2], [4 - h, -1]])
    assert game.col_payoffs == sp.Matrix([[3, 4], [3, -1], [-2, 4], [-2, -1]])
    assert game.name == "Sequential Game B"


def test_to_game_of_simultaneous_chicken_is_chicken():
    game = simultaneous_chicken().to_game()
    expected = ng.Game.symmetric([[0, -3], [2, -10]], strategies=("Swerve", "Escalate"))
    assert game.row_payoffs == expected.row_payoffs
    assert game.col_payoffs == expected.col_payoffs
    assert len(game.equilibria(exact=True)) == 3


def test_entry_deterrence_normal_form_has_a_non_credible_threat():
    tree = entry_deterrence()
    nash = {eq.profile for eq in tree.to_game().equilibria(method="pure")}
    spe = {s.profile for s in tree.subgame_perfect()}
    assert nash == {("In", "Accommodate"), ("Out", "Fight")}
    assert spe == {("In", "Accommodate")}


def test_to_game_averages_chance_moves():
    tree = ng.GameTree(
        ng.Chance(
            {
                "renewed": (
                    p,
                    ng.Decision("US", {"Keep": ng.Terminal((2, 2)), "Drop": ng.Terminal((3, 0))}),
                ),
                "lapsed": (1 - p, ng.Terminal((0, 0))),
            }
        ),
        players=("US", "China"),
    )
    game = tree.to_game()
    assert game.strategies == (("Keep", "Drop"), ("(no move)",))
    assert sp.simplify(game.row_payoffs[1, 0] - 3 * p) == 0


def test_to_game_of_a_three_player_tree():
    # US moves, then China, then the EU moves without seeing China's choice
    tree = ng.GameTree(
        ng.Decision(
            "US",
            {
                "Deal": ng.Decision(
                    "China",
                    {"Yes": ng.Terminal((2, 2, 1)), "No": ng.Terminal((0, 1, 0))},
                ),
                "Tariff": ng.Decision(
                    "EU",
                    {"Join": ng.Terminal((1, -1, -1)), "Stay out": ng.Terminal((-1, 0, 2))},
                ),
            },
        ),
        players=("US", "China", "EU"),
    )
    game = tree.to_game()
    assert game.n_players == 3
    assert game.shape == (2, 2, 2)
    assert game.strategies == (("Deal", "Tariff"), ("Yes", "No"), ("Join", "Stay out"))
    # (Deal, Yes, anything): the EU never moves, so its plan does not matter
    for k in range(2):
        assert [u[game.index(0, "Deal"), game.index(1, "Yes"), k] for u in game.payoffs] == [
            2,
            2,
            1,
        ]
    # (Tariff, anything, Stay out)
    for k in range(2):
        assert [u[game.index(0, "Tariff"), k, game.index(2, "Stay out")] for u in game.payoffs] == [
            -1,
            0,
            2,
        ]
    # subgame perfection picks Deal/Yes; every SPE outcome is a Nash equilibrium of the normal form
    pure = {eq.profile for eq in game.equilibria(method="pure")}
    assert ("Deal", "Yes", "Stay out") in pure
    assert ("Tariff", "Yes", "Join") not in pure


# ---------------------------------------------------------------------- display
def test_text_form_draws_the_tree():
    text = str(sequential_game_b())
    assert text.splitlines() == [
        "GameTree 'Sequential Game B' (players: US, China)",
        "China",
        "├─ D: US",
        "│  ├─ L: (3, 3)",
        "│  └─ H: (4 - h, -2)",
        "└─ S: US",
        "   ├─ L: (-2, 4)",
        "   └─ H: (-1, -1)",
    ]
    assert "[infoset cn]" in str(simultaneous_chicken())
    chance = ng.GameTree(
        ng.Chance({"a": (p, ng.Terminal((1,))), "b": (1 - p, ng.Terminal((0,)))}), players=("A",)
    )
    assert "a [p = p]: (1)" in str(chance)


def test_repr_and_html():
    tree = sequential_game_b()
    assert repr(tree) == (
        "GameTree(players=('US', 'China'), nodes=7, parameters=(h), name='Sequential Game B')"
    )
    html = tree._repr_html_()
    assert html.startswith('<div class="negotiation-tree">')
    assert "Sequential Game B" in html
    assert "4 - h" in html
    assert repr(ng.Terminal((1, 2))) == "Terminal((1, 2))"
    assert (
        repr(ng.Decision("A", {"x": ng.Terminal((1,))})) == "Decision('A', {'x': Terminal((1,))})"
    )


def test_subgame_perfect_result_display():
    spe = sequential_game_b(hostage=2).subgame_perfect()[0]
    text = str(spe)
    assert text.splitlines()[0] == (
        "Subgame-perfect equilibrium: path D -> L; payoffs US 3, China 3"
    )
    assert "at S: H" in text
    assert "<table" in spe._repr_html_()
    assert spe.action_at(["S"]) == "H"
    with pytest.raises(ng.UnknownLabelError, match="no decision node"):
        spe.action_at(["D", "L"])
