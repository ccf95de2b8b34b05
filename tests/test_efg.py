"""Gambit's .efg format: reading, writing, errors with line and column, Gambit's own collection."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import sympy as sp

import negotiation as ng
from negotiation.interop.efg import parse_efg

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "efg"
FILES = sorted((REFERENCE / "gambit_efg").glob("*.efg")) if REFERENCE.is_dir() else []


def reference_files():
    if not FILES:
        pytest.skip(f"Gambit's .efg collection is not at {REFERENCE}")
    return FILES


def answer_of(path: Path) -> dict:
    name = path.stem.split("__", 1)[1]
    return json.loads((REFERENCE / "answers" / f"{name}.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------- helpers (independent of the solver)
def structure(tree: ng.GameTree) -> list:
    out = []
    for history, node in tree.nodes():
        if isinstance(node, ng.Terminal):
            out.append((history, "t", node.payoffs))
        elif isinstance(node, ng.Chance):
            out.append((history, "c", node.probabilities))
        else:
            out.append((history, "p", node.player, node.infoset, node.actions))
    return out


def gambit_order(details, player):
    """The player's information sets in Gambit's numbering."""
    sets = [s for s in details.tree.information_sets if details.infosets[s.name][0] == player]
    return sorted(sets, key=lambda s: details.infosets[s.name][1])


def own_reach(tree: ng.GameTree, infoset) -> dict[str, str]:
    """The player's own actions on the path to (the first node of) an information set."""
    history = infoset.histories[0]
    sets = {h: s for s in tree.information_sets for h in s.histories}
    needed = {}
    for cut in range(len(history)):
        s = sets.get(history[:cut])
        if s is not None and s.player == infoset.player:
            needed[s.name] = history[cut]
    return needed


def reduced_behaviour(details, plan: dict[str, str], player: int) -> tuple:
    """A pure plan as Gambit's reduced-form behaviour: zeros where the player's own moves
    exclude the information set."""
    tree = details.tree
    out = []
    for s in gambit_order(details, player):
        reach = all(plan[name] == a for name, a in own_reach(tree, s).items())
        out.append(tuple(int(reach and a == plan[s.name]) for a in s.actions))
    return tuple(out)


def expected(tree: ng.GameTree, behaviour: dict[str, dict[str, sp.Expr]]) -> tuple:
    """Expected payoffs when every information set plays the given action probabilities."""
    sets = {h: s.name for s in tree.information_sets for h in s.histories}

    def value(node, history):
        if isinstance(node, ng.Terminal):
            return node.payoffs
        if isinstance(node, ng.Chance):
            parts = [tuple(p * v for v in value(c, (*history, o))) for o, p, c in node.outcomes]
        else:
            dist = behaviour[sets[history]]
            parts = [
                tuple(dist[a] * v for v in value(c, (*history, a)))
                for a, c in node.moves
                if dist[a] != 0
            ]
        return tuple(sp.Add(*vs) for vs in zip(*parts, strict=True))

    return value(tree.root, ())


def regrets(tree: ng.GameTree, behaviour: dict[str, dict[str, sp.Expr]]) -> list:
    """For each player: best pure-plan payoff against the others minus the behaviour's payoff."""
    base = expected(tree, behaviour)
    out = []
    for p, player in enumerate(tree.players):
        own = [s for s in tree.information_sets if s.player == player]
        best = base[p]
        for plan in itertools.product(*(s.actions for s in own)):
            trial = dict(behaviour)
            for s, a in zip(own, plan, strict=True):
                trial[s.name] = {b: sp.Integer(int(a == b)) for b in s.actions}
            best = max(best, expected(tree, trial)[p])
        out.append(best - base[p])
    return out


def gambit_behaviour(details, answer_behaviour) -> dict[str, dict[str, sp.Expr]]:
    out = {}
    for p in range(len(details.tree.players)):
        for s, probs in zip(gambit_order(details, p), answer_behaviour[p], strict=True):
            dist = {a: sp.Rational(q) for a, q in zip(s.actions, probs, strict=True)}
            if sum(dist.values()) == 0:  # an unreached set of a reduced strategy
                dist = {a: sp.Integer(int(k == 0)) for k, a in enumerate(s.actions)}
            out[s.name] = dist
    return out


def spe_or_error(tree):
    try:
        return tree.subgame_perfect(), None
    except ng.GameTreeError as err:
        return None, str(err)


# ---------------------------------------------------------------------- the collection
@pytest.mark.parametrize("path", FILES, ids=[p.stem.split("__")[-1] for p in FILES])
def test_structure_agrees_with_gambit(path):
    reference_files()
    summary = answer_of(path)["summary"]
    details = parse_efg(path)
    tree = details.tree
    nodes = list(tree.nodes())
    assert len(tree.players) == summary["n_players"]
    assert len(nodes) == summary["n_nodes"]
    assert sum(isinstance(n, ng.Terminal) for _, n in nodes) == summary["n_terminal_nodes"]
    assert sum(isinstance(n, ng.Chance) for _, n in nodes) == summary["n_chance_nodes"]
    assert details.chance_infosets == summary["n_chance_infosets"]
    assert len(tree.information_sets) == summary["n_infosets"]
    assert tree.is_perfect_information == summary["perfect_information"]
    assert details.title == summary["title"]
    for p in range(len(tree.players)):
        sets = gambit_order(details, p)
        assert len(sets) == summary["infosets_per_player"][p]
        assert [list(s.actions) for s in sets] == summary["actions"][p]
        plans = {
            reduced_behaviour(details, dict(zip([s.name for s in sets], plan, strict=True)), p)
            for plan in itertools.product(*(s.actions for s in sets))
        }
        assert len(plans) == summary["strategic_form_shape"][p]


@pytest.mark.parametrize("path", FILES, ids=[p.stem.split("__")[-1] for p in FILES])
def test_round_trip_keeps_the_tree(path):
    reference_files()
    tree = ng.GameTree.from_efg(path)
    again = ng.GameTree.from_efg(tree.to_efg())
    assert structure(again) == structure(tree)
    assert again.players == tree.players
    assert again.name == tree.name
    assert again.to_efg() == tree.to_efg()


@pytest.mark.parametrize("path", FILES, ids=[p.stem.split("__")[-1] for p in FILES])
def test_pure_equilibria_agree_with_gambit(path):
    reference_files()
    answer = answer_of(path)
    details = parse_efg(path)
    tree = details.tree
    n = len(tree.players)
    order = [gambit_order(details, p) for p in range(n)]
    # Pure subgame-perfect equilibria, as actions at Gambit's information sets.
    expected_spe = sorted(
        tuple(tuple(choice) for choice in spe["choices"])
        for spe in answer["pure_subgame_perfect"]["pure_spe"]
    )
    spes, error = spe_or_error(tree)
    if error is not None:
        # Three or more players in a subgame whose mixed equilibria are beyond the N-player
        # support enumeration: it says so, and Gambit finds no pure one either.
        assert n > 2
        assert "could not be computed" in error
        assert expected_spe == []
        return
    mine = []
    for spe in spes:
        if not spe.is_pure:
            continue
        mine.append(tuple(tuple(spe.choices[s.histories[0]] for s in order[p]) for p in range(n)))
    assert sorted(set(mine)) == expected_spe
    # Pure Nash equilibria of the (reduced) strategic form, two players.
    if n != 2:
        return
    expected_nash = sorted(
        tuple(
            tuple(tuple(int(sp.Rational(q)) for q in probs) for probs in player)
            for player in eq["behaviour"]
        )
        for eq in answer["pure_nash_strategic"]["pure_nash"]
    )
    game = tree.to_game()
    names = [
        [s.name for s in tree.information_sets if s.player == tree.players[p]] for p in range(2)
    ]
    found = set()
    for eq in game.equilibria(method="pure", exact=True):
        profile = []
        for p in range(2):
            plan_label = eq.profile[p]
            plan_index = game.strategies[p].index(plan_label)
            plan = list(
                itertools.product(
                    *(s.actions for s in tree.information_sets if s.player == tree.players[p])
                )
            )[plan_index]
            profile.append(reduced_behaviour(details, dict(zip(names[p], plan, strict=True)), p))
        found.add(tuple(profile))
    assert sorted(found) == expected_nash


@pytest.mark.parametrize("path", FILES, ids=[p.stem.split("__")[-1] for p in FILES])
def test_gambit_behaviour_equilibrium_is_one_here(path):
    reference_files()
    answer = answer_of(path)
    lcp = answer.get("lcp_behaviour") or {}
    if lcp.get("status") != "ok":
        pytest.skip("Gambit's lcp_solve answer is for two-player trees")
    details = parse_efg(path)
    for eq in lcp["equilibria"]:
        behaviour = gambit_behaviour(details, eq["behaviour"])
        assert expected(details.tree, behaviour) == tuple(sp.Rational(v) for v in eq["payoffs"])
        assert all(r == 0 for r in regrets(details.tree, behaviour))


@pytest.mark.parametrize("path", FILES, ids=[p.stem.split("__")[-1] for p in FILES])
def test_mixed_subgame_perfect_equilibria_are_nash(path):
    reference_files()
    tree = ng.GameTree.from_efg(path)
    spes, error = spe_or_error(tree)
    if error is not None:
        assert "could not be computed" in error
        return
    names = {h: s.name for s in tree.information_sets for h in s.histories}
    for spe in spes:
        behaviour = {names[h]: dist for h, dist in spe.behaviour.items()}
        assert expected(tree, behaviour) == tuple(spe.payoffs)
        assert all(r == 0 for r in regrets(tree, behaviour))


def test_three_player_subgame_with_only_mixed_equilibria_is_solved():
    # g1 (van der Laan et al.): three players, one information set each, no pure equilibrium;
    # the only subgame is the whole game, so its subgame-perfect equilibria are the Nash
    # equilibria of its strategic form, found by the N-player support enumeration.
    path = REFERENCE / "gambit_efg" / "contrib__g1.efg"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    tree = ng.GameTree.from_efg(path)
    spes = tree.subgame_perfect()
    nash = tree.to_game().equilibria(exact=True)
    assert len(spes) == len(nash) >= 1
    names = {h: s.name for s in tree.information_sets for h in s.histories}
    for spe, eq in zip(spes, nash, strict=True):
        behaviour = {names[h]: dist for h, dist in spe.behaviour.items()}
        assert all(r == 0 for r in regrets(tree, behaviour))
        assert tuple(spe.payoffs) == tuple(eq.payoffs)
        played = sorted(tuple(dist.values()) for dist in behaviour.values())
        assert played == sorted(tuple(v) for v in eq.strategies)


def test_kohlberg_mertens_needs_a_mixed_subgame():
    # km6: Gambit finds no pure subgame-perfect equilibrium; the subgame after (I, B) is
    # matching pennies (4, -4 / -4, 4), whose value 0 makes player 1 prefer M, then T or I.
    path = REFERENCE / "gambit_efg" / "contrib__km6.efg"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    tree = ng.GameTree.from_efg(path)
    spes = tree.subgame_perfect()
    assert spes
    assert not any(s.is_pure for s in spes)
    for spe in spes:
        mixes = [dist for dist in spe.behaviour.values() if sum(q != 0 for q in dist.values()) > 1]
        assert {"1": sp.Rational(1, 2), "2": sp.Rational(1, 2)} in mixes


# ---------------------------------------------------------------------- our own trees
def signalling_tree() -> ng.GameTree:
    def payoff(t, m, a):
        taste = 1 if (m == "beer") == (t == "strong") else 0
        return (
            taste + (0 if a == "duel" else 2),
            ((1 if t == "weak" else -1) if a == "duel" else 0),
        )

    game = ng.SignallingGame(
        ("strong", "weak"),
        (sp.Rational(9, 10), sp.Rational(1, 10)),
        ("beer", "quiche"),
        ("duel", "not"),
        payoff,
        players=("Sender", "Receiver"),
    )
    return game.to_tree()


def test_round_trip_of_a_tree_with_chance_and_information_sets():
    tree = signalling_tree()
    text = tree.to_efg()
    assert text.startswith('EFG 2 R "" { "Sender" "Receiver" }')
    assert 'c "" 1 "" { "strong" 9/10 "weak" 1/10 } 0' in text
    again = ng.GameTree.from_efg(text)
    assert structure(again) == structure(tree)
    assert again.to_game().row_payoffs == tree.to_game().row_payoffs


def test_three_players_and_outcomes_on_inner_nodes():
    text = """EFG 2 R "three" { "A" "B" "C" }
"a comment"

p "" 1 1 "first" { "l" "r" } 1 "entry fee" { -1, 0, 0 }
p "" 2 1 "" { "x" "y" } 0
t "" 2 "" { 3 2 1 }
t "" 0
p "" 3 1 "" { "u" "d" } 0
t "" 3 "" { 1/2, 0.25, -2 }
t "" 2
"""
    details = parse_efg(text)
    tree = details.tree
    assert tree.players == ("A", "B", "C")
    assert details.comment == "a comment"
    assert tree.node(["l", "x"]).payoffs == (2, 2, 1)
    assert tree.node(["l", "y"]).payoffs == (-1, 0, 0)
    assert tree.node(["r", "u"]).payoffs == (sp.Rational(-1, 2), sp.Rational(1, 4), -2)
    assert tree.node(["r", "d"]).payoffs == (2, 2, 1)
    assert {s.name for s in tree.information_sets} == {"first", "B:1", "C:1"}
    assert structure(ng.GameTree.from_efg(tree.to_efg())) == structure(tree)


def test_labels_that_do_not_fit_are_renamed_and_noted():
    text = """EFG 2 R "" { "" "" }
p "" 1 1 "" { "" "" } 0
c "" 1 "" { "same" 1/2 "same" 1/2 } 0
t "" 1 "" { 1, 1 }
t "" 2 "" { 0, 0 }
p "" 2 1 "" { "a" } 0
t "" 3 "" { 2, 2 }
"""
    details = parse_efg(text)
    assert details.tree.players == ("Player 1", "Player 2")
    assert details.tree.root.actions == ("1", "2")
    assert details.tree.node(["1"]).labels == ("same", "same (2)")
    assert any("repeated label" in n for n in details.notes)


def test_a_shared_chance_information_set_is_copied():
    text = """EFG 2 R "" { "A" }
p "" 1 1 "" { "l" "r" } 0
c "" 1 "nature" { "H" 1/3 "T" 2/3 } 0
t "" 1 "" { 1 }
t "" 2 "" { 0 }
c "" 1 0
t "" 1
t "" 2
"""
    tree = ng.GameTree.from_efg(text)
    assert tree.node(["r"]).probabilities == (sp.Rational(1, 3), sp.Rational(2, 3))
    assert tree.node(["r", "T"]).payoffs == (0,)


def test_reading_from_a_path(tmp_path):
    target = tmp_path / "game.efg"
    target.write_text(signalling_tree().to_efg(), encoding="utf-8")
    assert structure(ng.GameTree.from_efg(target)) == structure(signalling_tree())
    assert structure(ng.GameTree.from_efg(str(target))) == structure(signalling_tree())


def test_writing_needs_numbers():
    h = sp.Symbol("h")
    tree = ng.GameTree(ng.Decision("A", {"x": ng.Terminal((h,)), "y": ng.Terminal((0,))}))
    with pytest.raises(ng.FreeParameterError, match="h"):
        tree.to_efg()
    assert 't "" 1 "" { 1 }' in tree.subs(h=1).to_efg()


# ---------------------------------------------------------------------- bad input
HEAD = 'EFG 2 R "bad" { "A" "B" }\n'


@pytest.mark.parametrize(
    ("body", "line", "column", "message"),
    [
        ('q "" 1 1 "" { "x" } 0\n', 2, 1, "expected a node type 'p'"),
        ('p "" 3 1 "" { "x" } 0\nt "" 1 "" { 1, 1 }\n', 2, 6, "player 3 does not exist"),
        (
            'p "" 1 1 "" { "x" } 0\nt "" 1 "" { 1 }\n',
            3,
            15,
            "has 1 payoffs but the game has 2 players",
        ),
        ('p "" 1 1 "" { "x" } 0\nt "" 1 "" { 1, one }\n', 3, 16, "expected a payoff"),
        ('p "" 1 1 "" { "x" } 0\nt "" 7\n', 3, 6, "outcome 7 is used before its payoffs"),
        ('p "" 1 1 "" { "x" } 0\nt "" 1 "" { 1, 1 }\nt "" 1\n', 4, 1, "the file goes on"),
        ('p "" 1 1 "" { "x" } 0\n', 3, 1, "the file ends where a node"),
        ('p "" 1 1 "unclosed { "x" } 0\n', 2, 24, "a string is not closed"),
        (
            'c "" 1 "" { "H" 1/2 "T" 1/3 } 0\nt "" 1 "" { 0, 0 }\nt "" 2 "" { 0, 0 }\n',
            2,
            29,
            "sum to 1",
        ),
    ],
)
def test_syntax_errors_name_line_and_column(body, line, column, message):
    with pytest.raises(ng.EfgSyntaxError, match=message) as info:
        ng.GameTree.from_efg(HEAD + body)
    assert (info.value.line, info.value.column) == (line, column)
    assert f"line {line}, column {column}" in str(info.value)
    assert isinstance(info.value, ng.GameTreeError)


def test_an_information_set_whose_nodes_have_different_actions():
    body = (
        'p "" 1 1 "" { "l" "r" } 0\n'
        'p "" 2 1 "s" { "a" "b" } 0\nt "" 1 "" { 0, 0 }\nt "" 1\n'
        'p "" 2 1 "s" { "a" "c" } 0\nt "" 1\nt "" 1\n'
    )
    with pytest.raises(ng.EfgSyntaxError, match="same actions") as info:
        ng.GameTree.from_efg(HEAD + body)
    assert info.value.line == 6


def test_header_and_missing_files():
    with pytest.raises(ng.EfgSyntaxError, match="only version 2"):
        ng.GameTree.from_efg('EFG 1 R "" { "A" }\nt "" 0\n')
    with pytest.raises(ng.GameTreeError, match=r"neither \.efg text"):
        ng.GameTree.from_efg("no/such/file.efg")
    with pytest.raises(ng.EfgSyntaxError, match="no players"):
        ng.GameTree.from_efg('EFG 2 R "" { }\nt "" 0\n')
