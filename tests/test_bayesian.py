"""Bayesian games: textbook answers derived here, the Harsanyi round trip, bad input."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.games.bayesian import check_prior

HALF = sp.Rational(1, 2)


# ---------------------------------------------------------------------- an independent checker
def interim_regrets(game_payoff, types, priors, actions, behaviour):
    """Each type's best interim payoff minus what its mixture earns, computed from scratch.

    ``priors`` is a dict type profile -> probability; ``game_payoff(types, actions)``
    returns every player's payoff; ``behaviour[i][t]`` a dict action -> probability.
    """
    n = len(types)
    regrets = []
    for i in range(n):
        for t in types[i]:
            mass = sum(p for prof, p in priors.items() if prof[i] == t)
            if mass == 0:
                continue

            def value(a_i, i=i, t=t, mass=mass):
                total = 0
                for prof, p in priors.items():
                    if prof[i] != t or p == 0:
                        continue
                    choices = [
                        [(a_i, 1)] if j == i else list(behaviour[j][prof[j]].items())
                        for j in range(n)
                    ]
                    for combo in itertools.product(*choices):
                        q = 1
                        for _, x in combo:
                            q *= x
                        total += p * q * game_payoff(prof, tuple(a for a, _ in combo))[i]
                return total / mass

            best = max(value(a) for a in actions[i])
            mine = sum(q * value(a) for a, q in behaviour[i][t].items())
            regrets.append(best - mine)
    return regrets


def behaviour_dicts(eq):
    return [{t: eq.strategy(p, t) for t in eq.types[p]} for p in range(len(eq.players))]


# ---------------------------------------------------------------------- textbook games
def test_battle_of_the_sexes_with_an_uncertain_partner():
    # Osborne (2004), section 9.2: player 2 wants to meet (prob 1/2) or avoid player 1.
    # Derived by hand: player 1 plays B; the "meet" type B, the "avoid" type S; payoffs
    # player 1: 1/2*2 + 1/2*0 = 1, meet type 1, avoid type 2. It is the only pure one.
    game = ng.BayesianGame(
        [{"-": 1}, {"meet": HALF, "avoid": HALF}],
        [("B", "S"), ("B", "S")],
        {
            ("-", "meet"): ([[2, 0], [0, 1]], [[1, 0], [0, 2]]),
            ("-", "avoid"): ([[2, 0], [0, 1]], [[0, 2], [1, 0]]),
        },
    )
    pure = game.equilibria(method="pure", exact=True)
    assert [eq.play for eq in pure] == [({"-": "B"}, {"meet": "B", "avoid": "S"})]
    (eq,) = pure
    assert eq.interim_payoff(0, "-") == 1
    assert eq.interim_payoff(1, "meet") == 1
    assert eq.interim_payoff(1, "avoid") == 2
    assert eq.payoffs == (1, sp.Rational(3, 2))
    assert game.equilibrium_conditions(["B", {"meet": "B", "avoid": "S"}]) is sp.true
    assert game.equilibrium_conditions(["S", {"meet": "S", "avoid": "B"}]) is sp.false


def cournot_answer(alpha, c1, c_low, c_high, theta):
    """Bayesian Cournot (Osborne 2004, exercise 9.8 style), derived from the first-order conditions.

    Firm 1 (cost c1) does not know firm 2's cost: c_low with probability theta.
    Best replies: q1 = (alpha - c1 - E[q2]) / 2 and q2_t = (alpha - c_t - q1) / 2, so
    q1 = (alpha - 2 c1 + E[c2]) / 3.
    """
    mean_c2 = theta * c_low + (1 - theta) * c_high
    q1 = (alpha - 2 * c1 + mean_c2) / 3
    return q1, (alpha - c_low - q1) / 2, (alpha - c_high - q1) / 2


def test_bayesian_cournot_with_two_cost_types():
    alpha, c1, c_low, c_high, theta = 12, 3, 1, 5, Fraction(1, 2)
    q1, q_low, q_high = cournot_answer(alpha, c1, c_low, c_high, theta)
    assert (q1, q_low, q_high) == (3, 4, 2)
    # Three quantities around the answer: on this grid every discrete best reply is unique
    # (wider integer grids add ties at half-integer optima, hence extra equilibria).
    grid = ("2", "3", "4")

    def payoff(types, quantities):
        a, b = (int(q) for q in quantities)
        price = alpha - a - b
        cost2 = c_low if types[1] == "low" else c_high
        return (a * (price - c1), b * (price - cost2))

    game = ng.BayesianGame(
        [{"firm 1": 1}, {"low": sp.Rational(1, 2), "high": sp.Rational(1, 2)}],
        [grid, grid],
        payoff,
        players=("Firm 1", "Firm 2"),
    )
    pure = game.equilibria(method="pure", exact=True)
    assert [eq.play for eq in pure] == [({"firm 1": "3"}, {"low": "4", "high": "2"})]
    # Every equilibrium (mixed ones included) is the same, since the profits are concave.
    everything = game.equilibria(exact=True)
    assert len(everything) == 1
    assert everything[0].play == pure[0].play
    # Firm 1's interim profit: 3 * (12 - 3 - 3 - E[q2]) = 3 * 3 = 9.
    assert pure[0].interim_payoff("Firm 1", "firm 1") == 9


def test_bayesian_cournot_condition_in_the_prior():
    # With a free prior theta, the grid point (3; 4, 2) stays an equilibrium exactly where
    # firm 1's best reply to E[q2] = 2 + 2 theta is 3: 3(4 - 2t) >= 2(5 - 2t) and
    # 3(4 - 2t) >= 4(3 - 2t), i.e. 0 <= theta <= 1, always; but with q = 1 allowed too,
    # 3(4 - 2t) >= 1(6 - 2t) holds iff theta <= 3/2, so again always.
    theta = sp.Symbol("theta")
    grid = ("2", "3", "4")

    def payoff(types, quantities):
        a, b = (int(q) for q in quantities)
        cost2 = 1 if types[1] == "low" else 5
        return (a * (12 - a - b - 3), b * (12 - a - b - cost2))

    game = ng.BayesianGame([{"-": 1}, {"low": theta, "high": 1 - theta}], [grid, grid], payoff)
    cond = game.equilibrium_conditions(["3", {"low": "4", "high": "2"}])
    for value in (0, sp.Rational(1, 3), 1):
        assert cond.subs(theta, value) is sp.true
    # Firm 2 playing 3 when its cost is low is never a best reply to q1 = 3.
    assert game.equilibrium_conditions(["3", {"low": "3", "high": "2"}]) is sp.false


def entry_game(p):
    # The entrant does not know whether the incumbent is tough (fighting pays: 1 > 0)
    # or weak (fighting costs: -1 < 1). Entrant: In against Fight -1, against Accommodate 1,
    # Out 0. Incumbent: 2 if the entrant stays out.
    return ng.BayesianGame(
        [{"entrant": 1}, {"tough": p, "weak": 1 - p}],
        [("In", "Out"), ("Fight", "Accommodate")],
        {
            ("entrant", "tough"): ([[-1, 1], [0, 0]], [[1, 0], [2, 2]]),
            ("entrant", "weak"): ([[-1, 1], [0, 0]], [[-1, 1], [2, 2]]),
        },
        players=("Entrant", "Incumbent"),
    )


def test_entry_deterrence_with_a_tough_incumbent():
    # Entry pays iff -p + (1 - p) >= 0, i.e. p <= 1/2 (the tough type fights, the weak
    # type accommodates); above 1/2 the entrant stays out.
    p = sp.Symbol("p")
    game = entry_game(p)
    honest = ["In", {"tough": "Fight", "weak": "Accommodate"}]
    assert game.equilibrium_conditions(honest) == (p <= HALF)
    deterred = ["Out", {"tough": "Fight", "weak": "Accommodate"}]
    assert game.equilibrium_conditions(deterred) == (p >= HALF)
    for value, expected in ((sp.Rational(1, 4), "In"), (sp.Rational(3, 4), "Out")):
        eqs = game.subs(p=value).equilibria(method="pure", exact=True)
        sincere = [eq for eq in eqs if eq.play[1] == {"tough": "Fight", "weak": "Accommodate"}]
        assert [eq.action("Entrant", "entrant") for eq in sincere] == [expected]
    assert game.parameters == (p,)


# ---------------------------------------------------------------------- the Harsanyi round trip
def random_bayesian_game(rng, n_types=(1, 2), n_actions=(2, 2), correlated=False):
    types = [tuple(f"t{k}" for k in range(m)) for m in n_types]
    actions = [tuple(f"a{k}" for k in range(m)) for m in n_actions]
    table = {
        (prof, acts): tuple(int(v) for v in rng.integers(-4, 5, size=len(n_types)))
        for prof in itertools.product(*types)
        for acts in itertools.product(*actions)
    }

    def payoff(prof, acts):
        return table[(prof, acts)]

    if correlated:
        weights = rng.integers(1, 5, size=int(np.prod(n_types)))
        total = int(weights.sum())
        joint = {
            prof: sp.Rational(int(w), total)
            for prof, w in zip(itertools.product(*types), weights, strict=True)
        }
        spec = joint
        priors = dict(joint)
    else:
        marginals = []
        for ts in types:
            w = rng.integers(1, 4, size=len(ts))
            marginals.append(
                {t: sp.Rational(int(x), int(w.sum())) for t, x in zip(ts, w, strict=True)}
            )
        spec = marginals
        priors = {
            prof: sp.Mul(*(marginals[j][t] for j, t in enumerate(prof)))
            for prof in itertools.product(*types)
        }
    return ng.BayesianGame(spec, actions, payoff), payoff, types, priors, actions


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    shape=st.sampled_from([((1, 2), (2, 2)), ((2, 2), (2, 2)), ((2, 1), (3, 2)), ((2, 2), (2, 3))]),
    correlated=st.booleans(),
)
def test_bayes_nash_equilibria_are_the_harsanyi_equilibria_mapped_back(seed, shape, correlated):
    rng = np.random.default_rng(seed)
    game, payoff, types, priors, actions = random_bayesian_game(rng, *shape, correlated=correlated)
    harsanyi = game.to_game().equilibria(exact=True)
    bne = game.equilibria(exact=True)
    assert len(bne) == len(harsanyi) >= 1
    for eq, ne in zip(bne, harsanyi, strict=True):
        assert eq.equilibrium == ne
        regrets = interim_regrets(payoff, types, priors, actions, behaviour_dicts(eq))
        assert all(r == 0 for r in regrets), regrets
        # Ex-ante payoff = prior-weighted interim payoffs.
        for i in range(len(types)):
            marginal = {t: sum(p for prof, p in priors.items() if prof[i] == t) for t in types[i]}
            ex_ante = sum(
                marginal[t] * eq.interim_payoff(i, t) for t in types[i] if marginal[t] != 0
            )
            assert sp.simplify(ex_ante - eq.payoffs[i]) == 0
    # Pure plan profiles: the interim conditions agree with the strategic form's pure equilibria.
    pure = {eq.profile for eq in game.to_game().equilibria(method="pure", exact=True)}
    labels = [game.plan_labels(i) for i in range(2)]
    for profile in itertools.product(*labels):
        assert (game.equilibrium_conditions(list(profile)) is sp.true) == (profile in pure)


def test_numeric_and_exact_solutions_agree():
    rng = np.random.default_rng(7)
    game = random_bayesian_game(rng, (2, 2), (2, 2))[0]
    exact = game.equilibria(exact=True)
    floats = game.equilibria()
    assert len(exact) == len(floats)
    for a, b in zip(exact, floats, strict=True):
        for pa, pb in zip(a.behaviour, b.behaviour, strict=True):
            assert np.allclose(np.array(pa, dtype=float), np.array(pb, dtype=float))
        assert np.allclose(
            np.array(a.interim_payoffs, dtype=float), np.array(b.interim_payoffs, dtype=float)
        )


def test_symbolic_prior_conditions_agree_with_numeric_games():
    p = sp.Symbol("p")
    rng = np.random.default_rng(3)
    table = {
        (t, acts): tuple(int(v) for v in rng.integers(-3, 4, size=2))
        for t in ("x", "y")
        for acts in itertools.product(("U", "D"), ("L", "R"))
    }
    game = ng.BayesianGame(
        [{"x": p, "y": 1 - p}, {"-": 1}],
        [("U", "D"), ("L", "R")],
        lambda t, a: table[(t[0], a)],
    )
    for plan in itertools.product(game.plan_labels(0), game.plan_labels(1)):
        cond = game.equilibrium_conditions(list(plan))
        # Symbolic conditions treat every type as possible, so compare inside (0, 1).
        for value in (sp.Rational(1, 5), HALF, sp.Rational(4, 5)):
            numeric = game.subs(p=value).equilibrium_conditions(list(plan))
            assert bool(cond.subs(p, value)) == bool(numeric)


def test_correlated_prior_harsanyi_payoffs_by_hand():
    # Types perfectly correlated: both "hi" with 1/3, both "lo" with 2/3.
    joint = {("hi", "hi"): sp.Rational(1, 3), ("lo", "lo"): sp.Rational(2, 3)}

    def payoff(t, a):
        bonus = 3 if t[0] == "hi" else 0
        return (bonus * (a[0] == "A"), int(a[1] == "B"))

    game = ng.BayesianGame(joint, [("A", "Z"), ("B", "C")], payoff)
    assert not game.is_independent
    assert game.probability(("hi", "lo")) == 0
    g = game.to_game()
    # Row plan "A if hi, Z if lo" earns 1/3 * 3 = 1; "A if hi, A if lo" also 1.
    assert g.row_payoffs[g.index(0, "A if hi, Z if lo"), 0] == 1
    assert g.row_payoffs[g.index(0, "Z if hi, Z if lo"), 0] == 0


def test_three_players_build_the_n_player_harsanyi_form():
    if not hasattr(ng.Game, "n_players"):
        pytest.skip("needs the N-player negotiation.Game")
    game = ng.BayesianGame(
        [{"a": HALF, "b": HALF}, {"-": 1}, {"-": 1}],
        [("x", "y"), ("x", "y"), ("x", "y")],
        lambda t, a: tuple(int(len(set(a)) == 1) for _ in range(3)),
    )
    g = game.to_game()
    assert g.shape == (4, 2, 2)
    assert g.players == ("Player 1", "Player 2", "Player 3")


def test_three_players_without_the_n_player_core_say_so():
    if hasattr(ng.Game, "n_players"):
        pytest.skip("the N-player Game is installed")
    game = ng.BayesianGame(
        [{"-": 1}, {"-": 1}, {"-": 1}], [("x",), ("x",), ("x",)], lambda t, a: (0, 0, 0)
    )
    with pytest.raises(ng.InvalidGameError, match="two-player only"):
        game.to_game()
    assert game.equilibrium_conditions(["x", "x", "x"]) is sp.true


# ---------------------------------------------------------------------- display and values
def test_subs_returns_a_bayesian_game_and_reports_parameters():
    p, v = sp.symbols("p v")
    game = ng.BayesianGame(
        [{"x": p, "y": 1 - p}, {"-": 1}],
        [("U", "D"), ("L",)],
        lambda t, a: (v * int(a[0] == "U"), 0),
    )
    assert game.parameters == (p, v)
    numeric = game.subs(p=HALF, v=2)
    assert isinstance(numeric, ng.BayesianGame)
    assert numeric.parameters == ()
    assert numeric.probability(("x", "-")) == HALF
    with pytest.raises(ng.FreeParameterError, match="p, v"):
        game.equilibria()
    assert "Bayesian game" in str(game)
    assert "parameters=(p, v)" in repr(game)
    eq = numeric.equilibria(exact=True)[0]
    assert "interim payoff" in str(eq)
    assert "<table" in eq._repr_html_()


def test_mixed_equilibrium_reports_type_mixtures():
    # Matching pennies where player 2's type does not matter: each type mixes 1/2-1/2.
    pennies = ([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    game = ng.BayesianGame(
        [{"-": 1}, {"a": HALF, "b": HALF}],
        [("H", "T"), ("H", "T")],
        {("-", "a"): pennies, ("-", "b"): pennies},
    )
    eqs = game.equilibria(exact=True)
    assert eqs
    assert not any(eq.is_pure for eq in eqs)
    for eq in eqs:
        assert eq.strategy(0, "-") == {"H": HALF, "T": HALF}
        with pytest.raises(ng.InvalidGameError, match="mixes"):
            eq.action(0, "-")
        with pytest.raises(ng.InvalidGameError, match="mixed"):
            _ = eq.play


# ---------------------------------------------------------------------- bad input
def test_prior_must_sum_to_one():
    with pytest.raises(ng.InvalidGameError, match=r"sums to 0\.9, not 1"):
        ng.BayesianGame([{"a": 0.5, "b": 0.4}, {"-": 1}], [("x",), ("y",)], lambda t, a: (0, 0))
    p = sp.Symbol("p")
    with pytest.raises(ng.InvalidGameError, match="sums to 2\\*p, not 1"):
        ng.BayesianGame([{"a": p, "b": p}, {"-": 1}], [("x",), ("y",)], lambda t, a: (0, 0))


def test_prior_must_not_be_negative():
    with pytest.raises(ng.InvalidGameError, match="negative probability -1/2"):
        check_prior([sp.Rational(-1, 2), sp.Rational(3, 2)], "the prior")
    with pytest.raises(ng.InvalidGameError, match="negative probability"):
        ng.BayesianGame({("a", "b"): -0.5, ("b", "b"): 1.5}, [("x",), ("y",)], lambda t, a: (0, 0))


def test_a_type_profile_without_payoffs_is_named():
    with pytest.raises(
        ng.InvalidGameError, match=r"\('-', 'weak'\) has prior probability 1/2 but no payoffs"
    ):
        ng.BayesianGame(
            [{"-": 1}, {"tough": HALF, "weak": HALF}],
            [("In", "Out"), ("Fight", "Accommodate")],
            {("-", "tough"): ([[0, 0], [0, 0]], [[0, 0], [0, 0]])},
        )


def test_zero_probability_profiles_need_no_payoffs():
    game = ng.BayesianGame(
        {("a", "a"): HALF, ("b", "b"): HALF},
        [("x",), ("y",)],
        {("a", "a"): ([[1]], [[1]]), ("b", "b"): ([[2]], [[2]])},
    )
    assert game.types == (("a", "b"), ("a", "b"))
    with pytest.raises(ng.UnknownLabelError, match="prior probability 0"):
        game.payoffs(("a", "b"))


def test_wrong_shapes_and_labels():
    with pytest.raises(ng.InvalidGameError, match=r"shape \(1, 2\).*\(2, 2\)"):
        ng.BayesianGame(
            [{"-": 1}, {"-": 1}], [("U", "D"), ("L", "R")], {("-", "-"): ([[1, 2]], [[1, 2]])}
        )
    with pytest.raises(ng.InvalidGameError, match="not a type profile"):
        ng.BayesianGame([{"-": 1}, {"-": 1}], [("U",), ("L",)], {("-", "x"): ([[1]], [[1]])})
    with pytest.raises(ng.InvalidGameError, match="one tuple of action labels per player"):
        ng.BayesianGame([{"-": 1}, {"-": 1}], [("U",)], lambda t, a: (0, 0))
    with pytest.raises(ng.InvalidGameError, match="must return 2 payoffs"):
        ng.BayesianGame([{"-": 1}, {"-": 1}], [("U",), ("L",)], lambda t, a: (0,))
    with pytest.raises(ng.InvalidGameError, match="mapping"):
        ng.BayesianGame([["a", "b"], {"-": 1}], [("U",), ("L",)], lambda t, a: (0, 0))


def test_bad_profiles_name_the_fix():
    game = entry_game(sp.Rational(1, 3))
    with pytest.raises(ng.UnknownLabelError, match="no action 'Stay'"):
        game.equilibrium_conditions(["Stay", "Fight"])
    with pytest.raises(ng.UnknownLabelError, match="missing weak"):
        game.equilibrium_conditions(["In", {"tough": "Fight"}])
    with pytest.raises(ng.UnknownLabelError, match="one plan per player"):
        game.equilibrium_conditions(["In"])
    eq = game.equilibria(method="pure", exact=True)[0]
    with pytest.raises(ng.UnknownLabelError, match="no type 'normal'"):
        eq.action("Incumbent", "normal")
    with pytest.raises(ng.UnknownLabelError, match="no player"):
        eq.action("Nobody", "tough")
