"""Signalling games: textbook answers derived here, an independent PBE checker, bad input."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng

HALF = sp.Rational(1, 2)


# ---------------------------------------------------------------------- an independent checker
def check_pbe(game: ng.SignallingGame, eq: ng.PerfectBayesianEquilibrium) -> None:
    """Sequential rationality and Bayes consistency, computed from the game's payoffs alone."""
    types, messages = game.sender_types, game.messages
    prior = dict(zip(types, game.prior, strict=True))
    sigma, rho = eq.sender, eq.receiver
    for t in types:
        assert sum(sigma[t].values()) == 1
        value = {m: sum(q * game.payoff(t, m, a)[0] for a, q in rho[m].items()) for m in messages}
        best = max(value.values())
        for m, q in sigma[t].items():
            if q != 0:
                assert value[m] == best, (t, m, value)
        assert eq.sender_payoffs[t] == sum(q * value[m] for m, q in sigma[t].items())
    for m in messages:
        actions = list(rho[m])
        assert sum(rho[m].values()) == 1
        mass = sum(prior[t] * sigma[t][m] for t in types)
        if mass != 0:
            assert m in eq.beliefs
            assert m not in eq.off_path
            belief = {t: prior[t] * sigma[t][m] / mass for t in types}
            assert all(sp.simplify(eq.beliefs[m][t] - belief[t]) == 0 for t in types)
            check_best_reply(game, m, belief, rho[m])
        else:
            assert m in eq.off_path
            assert m not in eq.beliefs
            region = eq.off_path[m]
            (answer,) = [a for a in actions if rho[m][a] != 0]
            assert region.action == answer
            if len(types) == 2:
                lo, hi = region.interval
                assert 0 <= lo <= hi <= 1
                for mu in {lo, hi, (lo + hi) / 2}:
                    check_best_reply(game, m, {types[0]: mu, types[1]: 1 - mu}, {answer: 1})
                eps = sp.Rational(1, 1000)
                for mu in ([lo - eps] if lo > 0 else []) + ([hi + eps] if hi < 1 else []):
                    assert not is_best_reply(game, m, {types[0]: mu, types[1]: 1 - mu}, answer)
            else:
                rng = np.random.default_rng(0)
                hits = 0
                for _ in range(200):
                    w = rng.dirichlet(np.ones(len(types)))
                    belief = {
                        t: sp.Rational(round(x * 1000), 1000) for t, x in zip(types, w, strict=True)
                    }
                    belief[types[-1]] = 1 - sum(belief[t] for t in types[:-1])
                    inside = bool(
                        region.condition.subs({region.symbols[t]: belief[t] for t in types})
                    )
                    hits += inside
                    if inside:
                        assert is_best_reply(game, m, belief, answer)


def receiver_values(game, m, belief):
    actions = game.actions[game.messages.index(m)]
    return {a: sum(belief[t] * game.payoff(t, m, a)[1] for t in game.sender_types) for a in actions}


def is_best_reply(game, m, belief, action):
    values = receiver_values(game, m, belief)
    return values[action] >= max(values.values())


def check_best_reply(game, m, belief, mixture):
    values = receiver_values(game, m, belief)
    best = max(values.values())
    for a, q in mixture.items():
        if q != 0:
            assert values[a] == best, (m, belief, values)


def brute_force_pure_pbe(game: ng.SignallingGame) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Pure PBE of a two-type game by checking every profile; off-path beliefs on a fine grid
    plus every indifference point (the best-reply set is an interval)."""
    types, messages = game.sender_types, game.messages
    prior = dict(zip(types, game.prior, strict=True))
    found = set()
    for plan in itertools.product(messages, repeat=len(types)):
        for answers in itertools.product(*(game.actions[j] for j in range(len(messages)))):
            reply = dict(zip(messages, answers, strict=True))
            ok = all(
                game.payoff(t, plan[i], reply[plan[i]])[0] >= game.payoff(t, m, reply[m])[0]
                for i, t in enumerate(types)
                for m in messages
            )
            for m in messages:
                senders = [t for i, t in enumerate(types) if plan[i] == m]
                if senders:
                    mass = sum(prior[t] for t in senders)
                    belief = {t: (prior[t] / mass if t in senders else 0) for t in types}
                    ok = ok and is_best_reply(game, m, belief, reply[m])
                else:
                    points = {sp.Rational(k, 200) for k in range(201)}
                    actions = game.actions[messages.index(m)]
                    for a, b in itertools.combinations(actions, 2):
                        d0 = game.payoff(types[0], m, a)[1] - game.payoff(types[0], m, b)[1]
                        d1 = game.payoff(types[1], m, a)[1] - game.payoff(types[1], m, b)[1]
                        if d0 != d1:
                            x = -d1 / (d0 - d1)
                            if 0 <= x <= 1:
                                points.add(x)
                    ok = ok and any(
                        is_best_reply(game, m, {types[0]: x, types[1]: 1 - x}, reply[m])
                        for x in points
                    )
            if ok:
                found.add((plan, answers))
    return found


def pure_key(game, eq):
    return (
        tuple(eq.message(t) for t in game.sender_types),
        tuple(eq.response(m) for m in game.messages),
    )


# ---------------------------------------------------------------------- beer and quiche
def beer_quiche(p_strong):
    def payoff(t, m, a):
        taste = 1 if (m == "beer") == (t == "strong") else 0
        duel = a == "duel"
        return (taste + (0 if duel else 2), (1 if t == "weak" else -1) if duel else 0)

    return ng.SignallingGame(
        ("strong", "weak"),
        (p_strong, 1 - p_strong),
        ("beer", "quiche"),
        ("duel", "not"),
        payoff,
        players=("Sender", "Bully"),
    )


def test_beer_quiche_two_pooling_equilibria_and_the_intuitive_criterion():
    # Cho and Kreps (1987). With P(strong) = 9/10 a pooled sender is not challenged
    # (-9/10 + 1/10 < 0). Pooling on beer needs a duel after quiche, which a belief
    # P(strong | quiche) <= 1/2 supports; likewise for quiche. No separating equilibrium:
    # the receiver would duel the weak type's message, which the weak type then avoids.
    game = beer_quiche(sp.Rational(9, 10))
    eqs = game.perfect_bayesian_equilibria()
    assert [(e.kind, e.message("strong"), e.message("weak")) for e in eqs] == [
        ("pooling", "beer", "beer"),
        ("pooling", "quiche", "quiche"),
    ]
    beer, quiche = eqs
    assert beer.response("beer") == "not"
    assert beer.response("quiche") == "duel"
    assert beer.beliefs["beer"] == {"strong": sp.Rational(9, 10), "weak": sp.Rational(1, 10)}
    assert beer.off_path["quiche"].interval == (0, HALF)
    assert quiche.off_path["beer"].interval == (0, HALF)
    assert beer.sender_payoffs == {"strong": 3, "weak": 2}
    assert quiche.sender_payoffs == {"strong": 2, "weak": 3}
    for eq in eqs:
        check_pbe(game, eq)
    tests = game.intuitive_criterion()
    assert [t.survives for t in tests] == [sp.true, sp.false]
    # Quiche pooling fails: beer is equilibrium-dominated for the weak type (3 > 2 at best),
    # so the receiver should believe a beer drinker is strong; then the strong type gains.
    assert tests[1].eliminated == {"beer": ("weak",)}
    assert tests[1].deviators == {"beer": ("strong",)}
    assert "strong" in tests[1].reason
    assert tests[0].eliminated == {"quiche": ("strong",)}
    assert tests[0].deviators == {"quiche": ()}


def test_beer_quiche_with_a_free_prior():
    # By hand: pooling on either breakfast needs P(strong) >= 1/2 (no duel at the prior).
    # Below 1/2 the weak type drinks beer with probability sigma = p / (1 - p), which
    # makes the bully indifferent after beer (posterior 1/2), and the bully duels a beer
    # drinker with probability 1/2, which makes the weak type indifferent (2(1 - r) = 1).
    p = sp.Symbol("p", positive=True)
    game = beer_quiche(p)
    eqs = game.perfect_bayesian_equilibria()
    kinds = {}
    for eq in eqs:
        kinds.setdefault(eq.kind, []).append(eq)
    pools = [e for e in kinds["pooling"] if e.message("strong") == "beer"]
    for value in (sp.Rational(1, 10), sp.Rational(3, 10), sp.Rational(6, 10), sp.Rational(9, 10)):
        holds = [bool(e.condition.subs(p, value)) for e in pools]
        assert any(holds) == (value >= HALF)
    (semi,) = [e for e in kinds["semi-separating"] if e.sender["strong"]["beer"] == 1]
    assert sp.simplify(semi.sender["weak"]["beer"] - p / (1 - p)) == 0
    assert semi.receiver["beer"]["duel"] == HALF
    assert semi.receiver["quiche"]["duel"] == 1
    for value, expected in ((sp.Rational(1, 4), True), (sp.Rational(3, 4), False)):
        assert bool(semi.condition.subs(p, value)) is expected
    # The intuitive criterion does not depend on the prior here.
    verdicts = {
        e.message("strong"): t.survives
        for e, t in zip(kinds["pooling"], game.intuitive_criterion(kinds["pooling"]), strict=True)
    }
    assert verdicts == {"beer": sp.true, "quiche": sp.false}


def test_beer_quiche_semi_separating_at_a_low_prior():
    game = beer_quiche(sp.Rational(1, 4))
    (eq,) = game.perfect_bayesian_equilibria()
    assert eq.kind == "semi-separating"
    assert not eq.is_pure
    assert eq.sender["weak"] == {"beer": sp.Rational(1, 3), "quiche": sp.Rational(2, 3)}
    assert eq.beliefs["beer"] == {"strong": HALF, "weak": HALF}
    assert eq.beliefs["quiche"] == {"strong": 0, "weak": 1}
    check_pbe(game, eq)
    assert game.intuitive_criterion()[0].survives is sp.true
    with pytest.raises(ng.InvalidGameError, match="mixes"):
        eq.message("weak")


# ---------------------------------------------------------------------- Spence
def test_spence_separating_region_in_closed_form():
    # Spence (1973): wages equal expected productivity; education level e costs c_H e to
    # the able type and c_L e > c_H e to the other. Separation (able educates, other not)
    # needs theta_H - c_H e >= theta_L (the able type gains) and theta_L >= theta_H - c_L e
    # (the other does not mimic): (theta_H - theta_L) / c_L <= e <= (theta_H - theta_L) / c_H.
    e, cH, cL, tH, tL, q = sp.symbols("e c_H c_L theta_H theta_L q", positive=True)

    def payoff(t, m, a):
        wage = tH if a == "high wage" else tL
        cost = (cH if t == "able" else cL) * e if m == "educate" else 0
        return (wage - cost, 0 if (a == "high wage") == (t == "able") else -1)

    game = ng.SignallingGame(
        ("able", "other"),
        (q, 1 - q),
        ("educate", "none"),
        ("high wage", "low wage"),
        payoff,
        players=("Worker", "Employer"),
    )
    (sep,) = [
        x
        for x in game.perfect_bayesian_equilibria(mixed=False)
        if x.kind == "separating" and x.message("able") == "educate"
    ]
    assert sep.response("educate") == "high wage"
    assert sep.response("none") == "low wage"
    closed = sp.And((tH - tL) / cL <= e, e <= (tH - tL) / cH)
    rng = np.random.default_rng(1973)
    agree = 0
    for _ in range(120):
        low, gap = (sp.Rational(int(x), 4) for x in rng.integers(1, 20, size=2))
        c_able, extra = (sp.Rational(int(x), 4) for x in rng.integers(1, 12, size=2))
        point = {
            tL: low,
            tH: low + gap,
            cH: c_able,
            cL: c_able + extra,
            e: sp.Rational(int(rng.integers(1, 40)), 4),
            q: sp.Rational(int(rng.integers(1, 10)), 10),
        }
        mine = sep.condition.subs(point)
        assert mine in (sp.true, sp.false)
        assert bool(mine) == bool(closed.subs(point))
        agree += bool(mine)
    assert 0 < agree < 120  # both sides of the region were sampled


def test_spence_numeric_equilibria_pass_the_checker():
    def payoff(t, m, a):
        wage = 3 if a == "high wage" else 1
        cost = (1 if t == "able" else 3) if m == "educate" else 0
        return (wage - cost, 0 if (a == "high wage") == (t == "able") else -1)

    game = ng.SignallingGame(
        ("able", "other"),
        (sp.Rational(1, 3), sp.Rational(2, 3)),
        ("educate", "none"),
        ("high wage", "low wage"),
        payoff,
    )
    eqs = game.perfect_bayesian_equilibria()
    kinds = sorted(e.kind for e in eqs)
    # Separating (able: 3 - 1 >= 1; other: 1 >= 3 - 3) and pooling on "none" with a low
    # wage (posterior 1/3 able) and a low wage after education (belief in able <= 1/2).
    assert kinds == ["pooling", "separating"]
    for eq in eqs:
        check_pbe(game, eq)
    ic = {e.kind: t.survives for e, t in zip(eqs, game.intuitive_criterion(eqs), strict=True)}
    # The pooling equilibrium fails: education is equilibrium-dominated for the other
    # type (1 > 3 - 3) and the able type gains from it (3 - 1 > 1).
    assert ic == {"separating": sp.true, "pooling": sp.false}


# ---------------------------------------------------------------------- entry deterrence
def limit_pricing(p, k):
    # Milgrom and Roberts (1982) in two types: a tough incumbent prices low anyway; a weak
    # one earns 3 at its monopoly (high) price and 3 - k if it prices low to look tough.
    # Entry then gives the incumbent 1, staying out 4. The entrant earns -1 against a tough
    # incumbent, +1 against a weak one, and 0 out.
    def payoff(t, m, a):
        first = {("tough", "Low"): 3, ("tough", "High"): 2, ("weak", "High"): 3}.get((t, m), 3 - k)
        second = 1 if a == "Enter" else 4
        entrant = (-1 if t == "tough" else 1) if a == "Enter" else 0
        return (first + second, entrant)

    return ng.SignallingGame(
        ("tough", "weak"),
        (p, 1 - p),
        ("Low", "High"),
        ("Enter", "Stay out"),
        payoff,
        players=("Incumbent", "Entrant"),
    )


def test_entry_deterrence_with_a_tough_incumbent():
    # By hand: separation (tough Low, weak High; entry after High only) needs the weak type
    # not to mimic: 3 + 1 >= 3 - k + 4, i.e. k >= 3. Pooling on Low deters entry where
    # p >= 1/2, and the weak type keeps pooling iff 3 - k + 4 >= 3 + 1 (entry after High), k <= 3.
    p = sp.Symbol("p", positive=True)
    k = sp.Symbol("k", positive=True)
    game = limit_pricing(p, k)
    eqs = game.perfect_bayesian_equilibria(mixed=False)
    (sep,) = [e for e in eqs if e.kind == "separating" and e.message("tough") == "Low"]
    assert sep.response("High") == "Enter"
    assert sep.response("Low") == "Stay out"
    assert sp.simplify(sep.condition) == (k >= 3)
    pool = [
        e
        for e in eqs
        if e.kind == "pooling" and e.message("tough") == "Low" and e.response("Low") == "Stay out"
    ]
    for pv, kv in itertools.product((sp.Rational(1, 4), sp.Rational(3, 4)), (1, 3, 5)):
        holds = any(bool(e.condition.subs({p: pv, k: kv})) for e in pool)
        assert holds == (pv >= HALF and kv <= 3)
    for pv, kv in ((sp.Rational(3, 4), 2), (sp.Rational(1, 4), 4)):
        numeric = limit_pricing(pv, kv)
        for eq in numeric.perfect_bayesian_equilibria():
            check_pbe(numeric, eq)


# ---------------------------------------------------------------------- properties
def random_signalling_game(seed, n_types, n_messages, n_actions):
    rng = np.random.default_rng(seed)
    types = tuple(f"t{i}" for i in range(n_types))
    messages = tuple(f"m{j}" for j in range(n_messages))
    actions = tuple(f"a{k}" for k in range(n_actions))
    weights = rng.integers(1, 5, size=n_types)
    prior = tuple(sp.Rational(int(w), int(weights.sum())) for w in weights)
    table = {
        (t, m, a): tuple(int(v) for v in rng.integers(-3, 4, size=2))
        for t in types
        for m in messages
        for a in actions
    }
    return ng.SignallingGame(types, prior, messages, actions, table)


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    shape=st.sampled_from([(2, 2, 2), (2, 3, 2), (2, 2, 3), (3, 2, 2)]),
)
def test_every_returned_pbe_passes_the_independent_checker(seed, shape):
    game = random_signalling_game(seed, *shape)
    eqs = game.perfect_bayesian_equilibria()
    for eq in eqs:
        assert eq.condition is sp.true
        check_pbe(game, eq)
    if shape[0] == 2:
        # Every pure PBE is found: compare with a brute-force search.
        mine = {pure_key(game, e) for e in eqs if e.is_pure}
        assert mine == brute_force_pure_pbe(game)
    # A PBE is a Nash equilibrium of the strategic form: no player gains by a pure deviation.
    normal = game.to_game()
    A, B = (np.array(M.tolist(), dtype=object) for M in (normal.row_payoffs, normal.col_payoffs))
    for eq in eqs:
        if not eq.is_pure:
            continue
        row = normal.index(0, "/".join(eq.message(t) for t in game.sender_types))
        col = normal.index(1, "/".join(eq.response(m) for m in game.messages))
        assert A[row, col] == max(A[:, col])
        assert B[row, col] == max(B[row, :])


def test_float_payoffs_tie_within_tol():
    def payoff(t, m, a):
        return (0.1 + 0.2 if a == "L" else 0.3, 1.0 if (a == "L") == (t == "a") else 0.0)

    game = ng.SignallingGame(("a", "b"), (0.5, 0.5), ("x",), ("L", "R"), payoff)
    # Sender indifferent (0.1 + 0.2 == 0.3 up to rounding), receiver indifferent at 1/2.
    assert len(game.perfect_bayesian_equilibria()) == 2


def test_three_types_report_belief_regions():
    game = ng.SignallingGame(
        ("a", "b", "c"),
        (sp.Rational(1, 3),) * 3,
        ("x", "y"),
        ("L", "M", "R"),
        lambda t, m, a: (
            (2 if a == "L" else 0) - (2 if m == "y" else 0),
            {
                "a": {"L": 1, "M": 0, "R": 0},
                "b": {"L": 0, "M": 1, "R": 0},
                "c": {"L": 0, "M": 0, "R": 1},
            }[t][a],
        ),
    )
    eqs = game.perfect_bayesian_equilibria()
    assert {e.kind for e in eqs} == {"pooling", "partially pooling"}
    for eq in eqs:
        check_pbe(game, eq)
    pooled = [e for e in eqs if "y" in e.off_path]
    assert pooled
    for eq in pooled:
        assert eq.off_path["y"].interval is None
        assert eq.off_path["y"].about is None


# ---------------------------------------------------------------------- the tree
def test_to_tree_has_one_receiver_information_set_per_message():
    game = beer_quiche(sp.Rational(9, 10))
    tree = game.to_tree()
    names = {s.name: len(s.histories) for s in tree.information_sets}
    assert names["Bully after beer"] == 2
    assert names["Bully after quiche"] == 2
    assert names["Sender (strong)"] == 1
    assert tree.players == ("Sender", "Bully")
    assert game.to_game().shape == (4, 4)


# ---------------------------------------------------------------------- values and display
def test_subs_parameters_and_display():
    p, c = sp.symbols("p c", positive=True)
    game = ng.SignallingGame(
        ("a", "b"),
        (p, 1 - p),
        ("x", "y"),
        ("L", "R"),
        lambda t, m, a: (int(a == "L") - c * int(m == "y"), int(t == "a")),
        name="toy",
    )
    assert game.parameters == (c, p)
    numeric = game.subs(p=HALF, c=1)
    assert isinstance(numeric, ng.SignallingGame)
    assert numeric.parameters == ()
    assert numeric.payoff("a", "y", "L") == (0, 1)
    assert "toy" in repr(game)
    assert "type" in str(game)
    eq = numeric.perfect_bayesian_equilibria()[0]
    assert "Perfect Bayesian equilibrium" in str(eq)
    assert "<table" in eq._repr_html_()


# ---------------------------------------------------------------------- bad input
def test_message_space_must_not_differ_between_types():
    with pytest.raises(ng.InvalidGameError, match="message space differs between types"):
        ng.SignallingGame(
            ("strong", "weak"),
            (HALF, HALF),
            {"strong": ("beer", "quiche"), "weak": ("quiche",)},
            ("duel", "not"),
            lambda t, m, a: (0, 0),
        )
    same = ng.SignallingGame(
        ("strong", "weak"),
        (HALF, HALF),
        {"strong": ("beer", "quiche"), "weak": ("quiche", "beer")},
        ("duel", "not"),
        lambda t, m, a: (0, 0),
    )
    assert same.messages == ("beer", "quiche")


def test_prior_errors():
    with pytest.raises(ng.InvalidGameError, match="sums to"):
        beer_quiche(sp.Rational(9, 10)).__class__(
            ("a", "b"), (0.3, 0.3), ("x",), ("L",), lambda t, m, a: (0, 0)
        )
    with pytest.raises(ng.InvalidGameError, match="negative probability"):
        ng.SignallingGame(("a", "b"), (-1, 2), ("x",), ("L",), lambda t, m, a: (0, 0))
    with pytest.raises(ng.InvalidGameError, match="probability 0; drop it"):
        ng.SignallingGame(("a", "b"), (0, 1), ("x",), ("L",), lambda t, m, a: (0, 0))
    with pytest.raises(ng.InvalidGameError, match="one per type"):
        ng.SignallingGame(("a", "b"), (1,), ("x",), ("L",), lambda t, m, a: (0, 0))


def test_payoff_errors():
    with pytest.raises(
        ng.InvalidGameError, match="no payoffs for type 'b', message 'x', action 'L'"
    ):
        ng.SignallingGame(("a", "b"), (HALF, HALF), ("x",), ("L",), {("a", "x", "L"): (0, 0)})
    with pytest.raises(ng.InvalidGameError, match="must be a pair"):
        ng.SignallingGame(("a",), (1,), ("x",), ("L",), lambda t, m, a: (0,))
    with pytest.raises(ng.InvalidGameError, match="not a \\(type, message, action\\)"):
        ng.SignallingGame(
            ("a",), (1,), ("x",), ("L",), {("a", "x", "L"): (0, 0), ("z", "x", "L"): (1, 1)}
        )


def test_message_dependent_actions():
    game = ng.SignallingGame(
        ("a", "b"),
        (HALF, HALF),
        ("threat", "quiet"),
        {"threat": ("Concede", "Resist"), "quiet": ("Status quo",)},
        lambda t, m, a: ({"Concede": 1, "Resist": -1, "Status quo": 0}[a], int(a != "Resist")),
    )
    assert game.actions == (("Concede", "Resist"), ("Status quo",))
    for eq in game.perfect_bayesian_equilibria():
        check_pbe(game, eq)
    with pytest.raises(ng.UnknownLabelError, match="no action after 'quiet'"):
        game.payoff("a", "quiet", "Concede")


def test_fraction_inputs_are_exact():
    game = ng.SignallingGame(
        ("a", "b"),
        (Fraction(1, 3), Fraction(2, 3)),
        ("x",),
        ("L", "R"),
        lambda t, m, a: (0, int((a == "L") == (t == "a"))),
    )
    (eq,) = game.perfect_bayesian_equilibria()
    assert eq.beliefs["x"] == {"a": sp.Rational(1, 3), "b": sp.Rational(2, 3)}
    assert eq.response("x") == "R"
