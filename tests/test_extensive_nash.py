"""Behaviour-strategy Nash equilibria of two-player trees, through the reduced strategic form."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import sympy as sp

import negotiation as ng
from negotiation.games.crisis import CrisisBargaining
from negotiation.interop.efg import parse_efg

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "efg"
FILES = sorted((REFERENCE / "gambit_efg").glob("*.efg")) if REFERENCE.is_dir() else []
IDS = [p.stem.split("__")[-1] for p in FILES]
R = sp.Rational


def answer_of(path: Path) -> dict:
    if not FILES:
        pytest.skip(f"Gambit's .efg collection is not at {REFERENCE}")
    name = path.stem.split("__", 1)[1]
    return json.loads((REFERENCE / "answers" / f"{name}.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------- an independent checker
def value(tree: ng.GameTree, behaviour: dict[str, dict[str, sp.Expr]]) -> tuple:
    """Expected payoffs when each information set plays the given probabilities."""
    sets = {h: s.name for s in tree.information_sets for h in s.histories}

    def walk(node, history):
        if isinstance(node, ng.Terminal):
            return node.payoffs
        if isinstance(node, ng.Chance):
            parts = [tuple(p * v for v in walk(c, (*history, o))) for o, p, c in node.outcomes]
        else:
            dist = behaviour[sets[history]]
            parts = [tuple(dist[a] * v for v in walk(c, (*history, a))) for a, c in node.moves]
        return tuple(sp.Add(*vs) for vs in zip(*parts, strict=True))

    return walk(tree.root, ())


def regrets(tree: ng.GameTree, behaviour: dict[str, dict[str, sp.Expr]]) -> list:
    """Each player's best pure-plan payoff against the others, minus its payoff."""
    base = value(tree, behaviour)
    out = []
    for p, player in enumerate(tree.players):
        own = [s for s in tree.information_sets if s.player == player]
        best = base[p]
        for plan in itertools.product(*(s.actions for s in own)):
            trial = dict(behaviour)
            for s, a in zip(own, plan, strict=True):
                trial[s.name] = {b: sp.Integer(int(a == b)) for b in s.actions}
            best = max(best, value(tree, trial)[p])
        out.append(best - base[p])
    return out


def entry_game() -> ng.GameTree:
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


# ---------------------------------------------------------------------- textbook answers
def test_entry_game_has_the_incredible_threat_and_the_subgame_perfect_equilibrium():
    # Out is a best reply iff the incumbent fights with probability at least 1/2; the
    # extreme points of that segment are Fight = 1 and Fight = 1/2 (Osborne 2004, 5.5).
    found = entry_game().equilibria()
    assert [(e.action_at("Entrant@root"), e.behaviour["Incumbent@In"]["Fight"]) for e in found] == [
        ("Out", 1),
        ("Out", R(1, 2)),
        ("In", 0),
    ]
    assert all(e.method == "strategic form" for e in found)
    assert all(e.solver == "vertex_enumeration" for e in found)
    # The subgame-perfect one is among them, and is the only one that survives it.
    (spe,) = entry_game().subgame_perfect()
    assert spe.path == ("In", "Accommodate")


def test_matching_pennies_as_a_tree_is_solved_in_mixed_behaviour_strategies():
    tree = ng.GameTree(
        ng.Decision(
            "US",
            {
                m: ng.Decision(
                    "China",
                    {a: ng.Terminal((1, -1) if a == m else (-1, 1)) for a in ("H", "T")},
                    infoset="guess",
                )
                for m in ("H", "T")
            },
        ),
        players=("US", "China"),
    )
    (eq,) = tree.equilibria()
    assert eq.behaviour == {
        "US@root": {"H": R(1, 2), "T": R(1, 2)},
        "guess": {"H": R(1, 2), "T": R(1, 2)},
    }
    assert eq.payoffs == (0, 0)
    assert not eq.is_pure
    with pytest.raises(ng.GameTreeError, match="play mixes at 'guess'"):
        eq.action_at("guess")


def test_reduced_form_merges_plans_the_player_rules_out_itself():
    # Player 1 moves, then moves again only after "Go": "Stop" makes the second choice moot.
    tree = ng.GameTree(
        ng.Decision(
            "A",
            {
                "Stop": ng.Terminal((1, 0)),
                "Go": ng.Decision(
                    "B",
                    {
                        "l": ng.Decision("A", {"x": ng.Terminal((2, 1)), "y": ng.Terminal((0, 2))}),
                        "r": ng.Terminal((0, 3)),
                    },
                ),
            },
        ),
        players=("A", "B"),
    )
    assert tree.to_game().shape == (4, 2)
    reduced = tree.to_game(reduced=True)
    assert reduced.strategies[0] == ("Stop/*", "Go/x", "Go/y")
    assert reduced.shape == (3, 2)
    for eq in tree.equilibria():
        assert regrets(tree, dict(eq.behaviour)) == [0, 0]
        # A stops in every equilibrium (B answers Go with r), so A's later set is unreached.
        assert eq.action_at("A@root") == "Stop"
        assert "A@Go/l" in eq.unreached


def test_crisis_tree_equilibria_are_nash_and_contain_the_pbe_behaviour():
    crisis = CrisisBargaining(
        prior=R(1, 5), audience_cost=1, war_cost=2, war_value=1, target_war_cost=2
    )
    tree = crisis.tree()
    found = tree.equilibria()
    assert found
    for eq in found:
        assert regrets(tree, dict(eq.behaviour)) == [0, 0]
        assert value(tree, dict(eq.behaviour)) == eq.payoffs
    # The semi-separating PBE (bluff 1/4, resist 1/2) is a Nash equilibrium of the tree
    # too, by the same checker; a perturbed profile is not (the checker can fail).
    pbe = {
        "Challenger (resolved)": {"Threaten": 1, "Stay quiet": 0},
        "Challenger (resolved) resisted": {"Fight": 1, "Back down": 0},
        "Challenger (irresolute)": {"Threaten": R(1, 4), "Stay quiet": R(3, 4)},
        "Challenger (irresolute) resisted": {"Fight": 0, "Back down": 1},
        "Target after Threaten": {"Concede": R(1, 2), "Resist": R(1, 2)},
    }
    assert regrets(tree, pbe) == [0, 0]
    pbe["Target after Threaten"] = {"Concede": R(1, 3), "Resist": R(2, 3)}
    assert regrets(tree, pbe)[0] > 0


def test_results_print_and_tabulate_like_equilibria():
    found = entry_game().equilibria()
    assert str(found[2]).splitlines() == [
        "Nash equilibrium in behaviour strategies (through the strategic form, "
        "vertex_enumeration); payoffs Entrant 1, Incumbent 1",
        "  Entrant@root: In",
        "  Incumbent@In: Accommodate",
    ]
    assert repr(found[2]) == (
        "BehaviourEquilibrium(pure, payoffs=(1, 1), method='strategic form', "
        "solver='vertex_enumeration')"
    )
    frame = found.to_pandas()
    assert frame["Incumbent@In"].tolist() == ["Fight", "1/2 Fight, 1/2 Accommodate", "Accommodate"]
    assert frame["method"].unique().tolist() == ["strategic form"]
    assert r"\frac{1}{2}" not in found.to_latex()  # behaviour words are text, payoffs numbers
    assert "Incumbent@In" in found[0]._repr_html_()


# ---------------------------------------------------------------------- bad input
def test_three_players_imperfect_recall_and_free_parameters_are_refused():
    three = ng.GameTree(
        ng.Decision(
            "A", {"x": ng.Decision("B", {"y": ng.Decision("C", {"z": ng.Terminal((1, 2, 3))})})}
        ),
        players=("A", "B", "C"),
    )
    with pytest.raises(ng.GameTreeError, match="two-player trees; this one has 3 players"):
        three.equilibria()
    # A forgets its own first move: both nodes of "later" follow different moves of A.
    forgetful = ng.GameTree(
        ng.Decision(
            "A",
            {
                m: ng.Decision(
                    "B",
                    {
                        "b": ng.Decision(
                            "A",
                            {"x": ng.Terminal((1, 0)), "y": ng.Terminal((0, 1))},
                            infoset="later",
                        )
                    },
                )
                for m in ("L", "R")
            },
        ),
        players=("A", "B"),
    )
    with pytest.raises(ng.GameTreeError, match="imperfect recall"):
        forgetful.equilibria()
    h = sp.Symbol("h")
    symbolic = ng.GameTree(
        ng.Decision("A", {"x": ng.Terminal((h, 0)), "y": ng.Terminal((0, 1))}), players=("A", "B")
    )
    with pytest.raises(ng.NegotiationError, match="h"):
        symbolic.equilibria()


# ---------------------------------------------------------------------- Gambit's collection
@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_reduced_strategic_form_has_gambits_shape(path):
    answer = answer_of(path)
    tree = ng.GameTree.from_efg(path)
    assert list(tree.to_game(reduced=True).shape) == answer["summary"]["strategic_form_shape"]


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_behaviour_equilibria_are_nash_and_include_gambits_pure_ones(path):
    answer = answer_of(path)
    if answer["summary"]["n_players"] != 2:
        pytest.skip("behaviour-strategy equilibria are for two-player trees")
    details = parse_efg(path)
    tree = details.tree
    found = tree.equilibria()
    for eq in found:
        assert regrets(tree, dict(eq.behaviour)) == [0, 0]
        assert value(tree, dict(eq.behaviour)) == eq.payoffs
    # Gambit's pure equilibria of the reduced strategic form, in its information-set order;
    # an all-zero row is a set the player's own moves exclude.
    order = [
        sorted(
            (s for s in tree.information_sets if details.infosets[s.name][0] == p),
            key=lambda s: details.infosets[s.name][1],
        )
        for p in range(2)
    ]

    def as_gambit(eq):
        return tuple(
            tuple(
                tuple(0 for _ in s.actions)
                if s.name in eq.unreached
                else tuple(eq.behaviour[s.name][a] for a in s.actions)
                for s in order[p]
            )
            for p in range(2)
        )

    mine = {as_gambit(eq) for eq in found if eq.is_pure}
    for eq in answer["pure_nash_strategic"]["pure_nash"]:
        theirs = tuple(
            tuple(tuple(R(q) for q in probs) for probs in player) for player in eq["behaviour"]
        )
        assert theirs in mine
