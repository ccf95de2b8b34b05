"""Backward induction: known answers (trust, ultimatum, entry, chicken), symbolic conditions,
and properties of subgame perfection on random trees."""

from __future__ import annotations

import itertools
import random

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.solvers import backward_induction as bi

h = sp.Symbol("h")


def trust_game(T=None, R=None, hostage=h) -> ng.GameTree:
    """Domain brief M7 with Game B's payoffs: China delivers (D) or slow-walks (S), then the
    US honours (H) or reneges (R). A reneging US loses the hostage ``h`` at licence renewal."""
    T = 4 if T is None else T
    R = 3 if R is None else R
    return ng.GameTree(
        ng.Decision(
            "China",
            {
                "D": ng.Decision(
                    "US", {"H": ng.Terminal((R, 3)), "R": ng.Terminal((T - hostage, -2))}
                ),
                "S": ng.Decision("US", {"H": ng.Terminal((-2, 4)), "R": ng.Terminal((-1, -1))}),
            },
        ),
        players=("US", "China"),
    )


def ultimatum(pie=4) -> ng.GameTree:
    return ng.GameTree(
        ng.Decision(
            "Proposer",
            {
                str(k): ng.Decision(
                    "Responder",
                    {"Accept": ng.Terminal((pie - k, k)), "Reject": ng.Terminal((0, 0))},
                )
                for k in range(pie + 1)
            },
        ),
        players=("Proposer", "Responder"),
    )


# ---------------------------------------------------------------------- known answers
def test_trust_game_without_hostage_china_slow_walks():
    (spe,) = trust_game(hostage=0).subgame_perfect()
    assert spe.path == ("S", "R")
    assert spe.payoffs == (-1, -1)
    assert spe.choices == {(): "S", ("D",): "R", ("S",): "R"}


def test_trust_game_with_hostage_at_least_one_china_delivers():
    for value in (1, 2, sp.Rational(3, 2)):
        paths = [s.path for s in trust_game(hostage=value).subgame_perfect()]
        assert ("D", "H") in paths
    # at h = 1 the US is indifferent after delivery: both SPE are returned
    assert sorted(s.path for s in trust_game(hostage=1).subgame_perfect()) == [
        ("D", "H"),
        ("S", "R"),
    ]
    assert [s.path for s in trust_game(hostage=2).subgame_perfect()] == [("D", "H")]


def test_minimum_credible_hostage_is_t_minus_r():
    T, R = sp.symbols("T_US R_US")
    cond = trust_game(T=T, R=R).spe_conditions(["D", "H"])
    assert cond == sp.Ge(R, T - h)
    # the same set as h >= T_US - R_US, checked at points on both sides and on the boundary
    for t, r, hv in itertools.product((4, 7, 2.5), (3, 1), (0, 1, 3, 6)):
        assert bool(cond.subs({T: t, R: r, h: hv})) == (hv >= t - r)


def test_hostage_threshold_for_game_b_is_one():
    assert trust_game().spe_conditions(["D", "H"]) == sp.Ge(h, 1)
    assert trust_game().spe_conditions(["S"]) == sp.Le(h, 1)
    assert trust_game().spe_conditions(["S", "H"]) is sp.false


def sequential_game_b(hostage=h) -> ng.GameTree:
    """Domain brief section 4, Game B played in sequence: China moves first (D, S, W), the US
    answers (L implements London, H holds countermeasures, E re-escalates). Holding or
    re-escalating after China delivered costs the US the hostage ``h`` at licence renewal."""
    us = {"L": 0, "H": 1, "E": 2}
    cn = {"D": 0, "S": 1, "W": 2}
    A = [[3, -2, -6], [4, -1, -4], [1, -3, -7]]
    B = [[3, 4, 2], [-2, -1, -3], [-6, -4, -7]]

    def leaf(c, u):
        cost = hostage if (c == "D" and u != "L") else 0
        return ng.Terminal((A[us[u]][cn[c]] - cost, B[us[u]][cn[c]]))

    return ng.GameTree(
        ng.Decision("China", {c: ng.Decision("US", {u: leaf(c, u) for u in us}) for c in cn}),
        players=("US", "China"),
    )


def test_sequential_game_b_without_hostage_is_slow_walk_and_hold():
    (spe,) = sequential_game_b(hostage=0).subgame_perfect()
    assert spe.path == ("S", "H")
    assert spe.payoffs == (-1, -1)
    assert spe.profile == ("H/H/H", "S")


def test_sequential_game_b_with_hostage_delivers():
    assert sequential_game_b().spe_conditions(["D", "L"]) == sp.Ge(h, 1)
    for value in (1, 2, 5):
        assert ("D", "L") in [s.path for s in sequential_game_b(hostage=value).subgame_perfect()]
    assert [s.path for s in sequential_game_b(hostage=sp.Rational(1, 2)).subgame_perfect()] == [
        ("S", "H")
    ]


def test_ultimatum_game_has_two_spe_from_the_tie_at_zero():
    spes = ultimatum(pie=4).subgame_perfect()
    assert sorted((s.path, s.payoffs) for s in spes) == [
        (("0", "Accept"), (4, 0)),
        (("1", "Accept"), (3, 1)),
    ]
    for s in spes:
        assert all(s.choices[(str(k),)] == "Accept" for k in range(1, 5))


def test_entry_deterrence_spe_is_accommodation():
    tree = ng.GameTree(
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
    (spe,) = tree.subgame_perfect()
    assert spe.path == ("In", "Accommodate")
    assert spe.method == "backward_induction"
    # the threat to fight is in a Nash equilibrium of the normal form but is not credible
    game = tree.to_game()
    assert game.equilibrium_conditions(("Out", "Fight")) is sp.true
    assert tree.spe_conditions(["Out"]) is sp.false


def chicken_tree(simultaneous: bool, W=2, L=3, C=10) -> ng.GameTree:
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
                    infoset="cn" if simultaneous else None,
                )
                for a in ("Swerve", "Escalate")
            },
        ),
        players=("US", "China"),
    )


def test_sequential_chicken_rewards_the_first_mover():
    (spe,) = chicken_tree(simultaneous=False).subgame_perfect()
    assert spe.path == ("Escalate", "Swerve")
    assert spe.payoffs == (2, -3)


def test_simultaneous_chicken_as_a_tree_gives_the_pure_equilibria():
    spes = chicken_tree(simultaneous=True).subgame_perfect()
    assert sorted(s.path for s in spes) == [("Escalate", "Swerve"), ("Swerve", "Escalate")]
    assert {s.method for s in spes} == {"subgame_decomposition"}
    assert sorted(s.profile for s in spes) == [("Escalate", "Swerve"), ("Swerve", "Escalate")]


def test_symbolic_chicken_condition_for_escalation():
    W, L, C = sp.symbols("W L C", positive=True)
    tree = chicken_tree(simultaneous=False, W=W, L=L, C=C)
    cond = tree.spe_conditions(["Escalate", "Swerve"])
    # China swerves after escalation iff -L >= -C; US escalates iff W >= what it gets after swerving
    assert cond.subs({W: 2, L: 3, C: 10}) is sp.true
    assert cond.subs({W: 2, L: 11, C: 10}) is sp.false


def test_symbolic_simultaneous_chicken_conditions_are_the_nash_conditions():
    W, L, C = sp.symbols("W L C", positive=True)
    tree = chicken_tree(simultaneous=True, W=W, L=L, C=C)
    assert tree.spe_conditions(["Escalate", "Swerve"]) == sp.Ge(C, L)
    assert tree.spe_conditions(["Escalate", "Escalate"]) == sp.Ge(L, C)
    game = tree.to_game()
    for profile in [("Escalate", "Swerve"), ("Swerve", "Swerve"), ("Escalate", "Escalate")]:
        at = {W: 2, L: 3, C: 10}
        assert tree.spe_conditions(list(profile)).subs(at) == game.equilibrium_conditions(
            profile
        ).subs(at)


def test_chance_node_payoffs_and_outcomes():
    p = sp.Symbol("p")
    tree = ng.GameTree(
        ng.Chance({"renewed": (p, trust_game().root), "lapsed": (1 - p, ng.Terminal((0, 0)))}),
        players=("US", "China"),
    )
    (spe,) = tree.subs(p=sp.Rational(1, 4), h=2).subgame_perfect()
    assert spe.path == ()
    assert spe.outcomes == (
        (sp.Rational(1, 4), ("renewed", "D", "H")),
        (sp.Rational(3, 4), ("lapsed",)),
    )
    assert spe.payoffs == (sp.Rational(3, 4), sp.Rational(3, 4))
    assert tree.spe_conditions(["renewed", "D", "H"]) == sp.Ge(h, 1)


def test_move_before_a_lottery_uses_expected_values():
    q = sp.Symbol("q")
    lottery = ng.Chance({"win": (q, ng.Terminal((10, 0))), "lose": (1 - q, ng.Terminal((-10, 0)))})
    tree = ng.GameTree(
        ng.Decision("A", {"gamble": lottery, "safe": ng.Terminal((2, 0))}), players=("A", "B")
    )
    assert tree.spe_conditions(["gamble"]) == sp.Ge(q, sp.Rational(3, 5))
    (spe,) = tree.subs(q=sp.Rational(4, 5)).subgame_perfect()
    assert spe.path == ("gamble",)
    assert spe.payoffs == (6, 0)
    assert spe.outcomes == (
        (sp.Rational(4, 5), ("gamble", "win")),
        (sp.Rational(1, 5), ("gamble", "lose")),
    )


def test_float_payoffs_tie_within_tol():
    tree = ng.GameTree(
        ng.Decision("A", {"x": ng.Terminal((0.1 + 0.2, 0)), "y": ng.Terminal((0.3, 0))}),
        players=("A", "B"),
    )
    assert len(tree.subgame_perfect()) == 2
    assert len(tree.subgame_perfect(tol=0.0)) == 1


def test_symbolic_tree_needs_subs_for_subgame_perfect():
    with pytest.raises(
        ng.FreeParameterError, match=r"depends on h.*tree.subs\(h=...\).*spe_conditions"
    ):
        trust_game().subgame_perfect()


def test_spe_conditions_bad_path():
    with pytest.raises(ng.UnknownLabelError, match="no action 'X'"):
        trust_game().spe_conditions(["D", "X"])
    with pytest.raises(ng.GameTreeError, match="list of labels"):
        trust_game().spe_conditions("D")
    with pytest.raises(ng.GameTreeError, match="tol"):
        trust_game(hostage=1).subgame_perfect(tol=-1)


def test_empty_path_is_always_possible_for_numeric_trees():
    assert trust_game(hostage=0).spe_conditions([]) is sp.true


def test_solver_is_usable_on_bare_nodes():
    root = trust_game(hostage=0).root
    (sol,) = bi.subgame_perfect(root, ("US", "China"))
    assert sol.values == (-1, -1)
    assert bi.play_path(root, sol.choices) == ("S", "R")


def test_imperfect_information_inside_a_larger_tree():
    """A commitment stage (China can post a hostage or not) followed by simultaneous chicken."""
    commit = ng.Decision(
        "China",
        {
            "post": chicken_tree(simultaneous=True, C=10).root,
            "no hostage": ng.Terminal((0, -1)),
        },
    )
    tree = ng.GameTree(commit, players=("US", "China"))
    spes = tree.subgame_perfect()
    # the chicken subgame has two pure equilibria; China posts when the one it expects pays > -1
    by_path = {s.path: s for s in spes}
    assert set(by_path) == {("post", "Swerve", "Escalate"), ("no hostage",)}
    assert by_path[("no hostage",)].choices[("post",)] == "Escalate"


# ---------------------------------------------------------------------- properties
def _random_tree(rng: random.Random, depth: int, players: int, payoff_range: int, max_actions: int):
    def build(d: int, counter: list[int]):
        if d == 0 or rng.random() < 0.25:
            return ng.Terminal(
                tuple(rng.randint(-payoff_range, payoff_range) for _ in range(players))
            )
        n = rng.randint(1, max_actions)
        counter[0] += 1
        return ng.Decision(
            rng.randrange(players), {f"a{k}": build(d - 1, counter) for k in range(n)}
        )

    return ng.GameTree(build(depth, [0]), players=tuple(f"P{k}" for k in range(players)))


def _value(tree: ng.GameTree, choices, history=()):
    node = tree.node(history)
    while isinstance(node, ng.Decision):
        a = choices[history]
        history = (*history, a)
        node = node[a]
    return node.payoffs


def _all_plans(tree: ng.GameTree):
    decisions = [hist for hist, node in tree.nodes() if isinstance(node, ng.Decision)]
    for plan in itertools.product(*(tree.node(hist).actions for hist in decisions)):
        yield dict(zip(decisions, plan, strict=True))


def _is_spe_brute_force(tree: ng.GameTree, choices) -> bool:
    for hist, node in tree.nodes():
        if isinstance(node, ng.Decision):
            i = tree.players.index(node.player)
            here = _value(tree, choices, hist)[i]
            for a in node.actions:
                if _value(tree, {**choices, hist: a}, hist)[i] > here:
                    return False
    return True


tree_seeds = st.tuples(
    st.integers(0, 2**32 - 1), st.integers(1, 3), st.integers(1, 3), st.sampled_from([2, 3, 20])
)


@settings(max_examples=40, deadline=None)
@given(tree_seeds)
def test_spe_payoff_beats_every_single_deviation_at_every_node(params):
    seed, depth, players, payoff_range = params
    tree = _random_tree(random.Random(seed), depth, players, payoff_range, max_actions=3)
    spes = tree.subgame_perfect()
    assert spes, "every finite perfect-information tree has a pure SPE"
    for spe in spes:
        assert spe.payoffs == _value(tree, spe.choices)
        for hist, node in tree.nodes():
            if isinstance(node, ng.Decision):
                i = tree.players.index(node.player)
                here = _value(tree, spe.choices, hist)[i]
                for a in node.actions:
                    assert _value(tree, {**spe.choices, hist: a}, hist)[i] <= here


@settings(max_examples=30, deadline=None)
@given(tree_seeds)
def test_backward_induction_finds_exactly_the_brute_force_spe(params):
    seed, depth, players, payoff_range = params
    tree = _random_tree(random.Random(seed), depth, players, payoff_range, max_actions=2)
    found = [spe.choices for spe in tree.subgame_perfect()]
    expected = [plan for plan in _all_plans(tree) if _is_spe_brute_force(tree, plan)]
    assert len(found) == len({tuple(sorted(c.items())) for c in found})  # no duplicates
    assert sorted(tuple(sorted(c.items())) for c in found) == sorted(
        tuple(sorted(c.items())) for c in expected
    )


@settings(max_examples=40, deadline=None)
@given(tree_seeds)
def test_to_game_contains_every_spe_as_a_nash_equilibrium(params):
    seed, depth, _, payoff_range = params
    tree = _random_tree(random.Random(seed), depth, 2, payoff_range, max_actions=3)
    game = tree.to_game()
    pure = {eq.profile for eq in game.equilibria(method="pure", exact=True)}
    for spe in tree.subgame_perfect():
        assert spe.profile in pure
        assert game.equilibrium_conditions(spe.profile) is sp.true


@settings(max_examples=30, deadline=None)
@given(tree_seeds, st.lists(st.integers(-4, 4), min_size=3, max_size=3))
def test_symbolic_conditions_agree_with_numeric_backward_induction(params, xs):
    seed, depth, players, payoff_range = params
    rng = random.Random(seed)
    tree = _random_tree(rng, depth, players, min(payoff_range, 4), max_actions=2)
    leaves = [hist for hist, node in tree.nodes() if isinstance(node, ng.Terminal)]
    x = sp.Symbol("x")
    target = rng.choice(leaves)
    who = rng.randrange(players)

    def put_x(node, hist=()):
        if isinstance(node, ng.Terminal):
            if hist == target:
                return ng.Terminal(tuple(x if k == who else v for k, v in enumerate(node.payoffs)))
            return node
        return ng.Decision(node.player, {a: put_x(c, (*hist, a)) for a, c in node.moves})

    symbolic = ng.GameTree(put_x(tree.root), players=tree.players)
    for path in leaves:
        cond = symbolic.spe_conditions(path)
        for value in xs:
            numeric_paths = {s.path for s in symbolic.subs(x=value).subgame_perfect()}
            assert bool(cond.subs(x, value)) == (path in numeric_paths)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(2, 3),
    st.integers(2, 3),
    st.lists(st.integers(-3, 3), min_size=18, max_size=18),
)
def test_simultaneous_stage_as_tree_has_the_pure_nash_equilibria_as_spe(m, n, values):
    rows = [f"r{i}" for i in range(m)]
    cols = [f"c{j}" for j in range(n)]
    A = [[values[i * n + j] for j in range(n)] for i in range(m)]
    B = [[values[9 + i * n + j] for j in range(n)] for i in range(m)]
    tree = ng.GameTree(
        ng.Decision(
            "Row",
            {
                r: ng.Decision(
                    "Col",
                    {c: ng.Terminal((A[i][j], B[i][j])) for j, c in enumerate(cols)},
                    infoset="col",
                )
                for i, r in enumerate(rows)
            },
        ),
        players=("Row", "Col"),
    )
    game = ng.Game(A, B, players=("Row", "Col"), strategies=(tuple(rows), tuple(cols)))
    nash = sorted(eq.profile for eq in game.equilibria(method="pure", exact=True))
    spes = tree.subgame_perfect()
    assert sorted(s.path for s in spes if s.is_pure) == nash
    # Without a pure equilibrium the stage is solved in mixed strategies: the extreme
    # equilibria of its normal form.
    mixed = [s for s in spes if not s.is_pure]
    if nash:
        assert mixed == []
    else:
        expected = sorted((tuple(eq.row), tuple(eq.col)) for eq in game.equilibria(exact=True))
        found = sorted(
            (
                tuple(s.behaviour[()][r] for r in rows),
                tuple(s.behaviour[(rows[0],)][c] for c in cols),
            )
            for s in mixed
        )
        assert found == expected
