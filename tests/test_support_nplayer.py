"""N-player support enumeration: textbook games, properties, and Gambit's answers.

Known answers are derived here by hand (the derivations are in the comments)
or by sympy solving the indifference equations written out independently;
every returned profile must pass the exact regret check; for two players the
result must match the exact vertex enumeration; and on the shared N-player
reference set it must match Gambit's ``enumpoly_solve`` (plus the equilibria
the reference's independent enumeration found that Gambit missed).
"""

from __future__ import annotations

import itertools
import json
import math
from fractions import Fraction
from pathlib import Path

import flint
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation.solvers.support_nplayer as sn
from negotiation.errors import ExactArithmeticError, InvalidGameError
from negotiation.solvers.exact import extreme_equilibria, is_degenerate
from negotiation.solvers.support_nplayer import (
    SupportEnumerationResult,
    count_support_profiles,
    regret,
    support_enumeration_nplayer,
)

NPLAYER = Path(__file__).resolve().parents[2] / "shared" / "reference" / "nplayer"


def table(shape: tuple[int, ...], payoff) -> list[np.ndarray]:
    """Payoff arrays from ``payoff(profile) -> tuple of N numbers`` (sympy Integers)."""
    n = len(shape)
    arrays = [np.empty(shape, dtype=object) for _ in range(n)]
    for profile in itertools.product(*(range(k) for k in shape)):
        for i, value in enumerate(payoff(profile)):
            arrays[i][profile] = sp.nsimplify(value)
    return arrays


def same(a, b) -> bool:
    """Exact equality of two sympy numbers (radicals expanded)."""
    return sp.expand(sp.sympify(a) - sp.sympify(b)) == 0


def has_square_root(value) -> bool:
    return any(a.exp == sp.Rational(1, 2) for a in sp.sympify(value).atoms(sp.Pow))


def as_floats(profile) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(float(sp.N(v, 30)) for v in vec) for vec in profile)


def assert_all_equilibria(payoffs, result: SupportEnumerationResult) -> None:
    for profile in (*result.profiles, *result.continuum_witnesses):
        assert all(sum(vec) == 1 or same(sum(vec), 1) for vec in profile)
        assert regret(payoffs, profile) == (0,) * len(payoffs), profile


# --- textbook games ---------------------------------------------------------------------


def volunteers(n: int, benefit: int, cost: int) -> list[np.ndarray]:
    # strategy 0 = volunteer, 1 = ignore; everyone gets the benefit if anyone volunteers
    def payoff(profile):
        anyone = any(s == 0 for s in profile)
        return tuple(benefit * anyone - cost * (s == 0) for s in profile)

    return table((2,) * n, payoff)


@pytest.mark.parametrize(("benefit", "cost"), [(2, 1), (4, 1), (3, 2)])
def test_volunteers_dilemma_three_players(benefit: int, cost: int) -> None:
    # Symmetric mixed: volunteering earns b - c for sure; ignoring earns b unless
    # both others ignore: b * (1 - q**2). Indifference gives q**2 = c / b, so
    # P(ignore) = (c/b)**(1/(n-1)). One ignores for sure and the other two mix:
    # each is indifferent when b - c = b * p (p = P(other volunteers)), so
    # p = 1 - c/b; the ignorer gets b * (1 - (c/b)**2) >= b - c. And the three
    # pure profiles with exactly one volunteer. Seven in all.
    payoffs = volunteers(3, benefit, cost)
    result = support_enumeration_nplayer(payoffs, exact=True)
    assert not result.has_continuum
    q = sp.sqrt(sp.Rational(cost, benefit))
    p = 1 - sp.Rational(cost, benefit)
    expected = [((1 - q, q),) * 3]
    for ignorer in range(3):
        expected.append(tuple((0, 1) if i == ignorer else (p, 1 - p) for i in range(3)))
        expected.append(tuple((1, 0) if i == ignorer else (0, 1) for i in range(3)))
    assert len(result.profiles) == len(expected) == 7
    for profile in expected:
        assert any(
            all(
                same(a, b)
                for va, vb in zip(profile, got, strict=True)
                for a, b in zip(va, vb, strict=True)
            )
            for got in result.profiles
        ), profile
    assert_all_equilibria(payoffs, result)


def test_volunteers_dilemma_irrational_probability_is_a_radical() -> None:
    result = support_enumeration_nplayer(volunteers(3, 2, 1), exact=True)
    symmetric = [
        p
        for p in result.profiles
        if all(len(set(v)) == 2 and 0 not in v for v in p) and p[0] == p[1] == p[2]
    ]
    assert symmetric == [((1 - sp.sqrt(2) / 2, sp.sqrt(2) / 2),) * 3]


IRRATIONAL = [  # player i's payoff at [s1][s2][s3]
    [[[9, 1], [1, 4]], [[2, 5], [3, 3]]],
    [[[2, 8], [9, 5]], [[4, 6], [6, 2]]],
    [[[9, 6], [1, 5]], [[5, 9], [4, 2]]],
]


def test_two_by_two_by_two_with_irrational_equilibria() -> None:
    payoffs = [np.array(p, dtype=object) for p in IRRATIONAL]
    payoffs = [np.vectorize(sp.Integer, otypes=[object])(p) for p in payoffs]
    # Totally mixed: P(first strategy) = p, q, r; each player indifferent.
    p, q, r = sp.symbols("p q r")
    mix = [(p, 1 - p), (q, 1 - q), (r, 1 - r)]

    def gain(i):  # u_i(first) - u_i(second) against the others' mixtures
        others = [j for j in range(3) if j != i]
        total = 0
        for a, b in itertools.product(range(2), repeat=2):
            first, second = [0] * 3, [0] * 3
            first[others[0]] = second[others[0]] = a
            first[others[1]] = second[others[1]] = b
            first[i], second[i] = 0, 1
            weight = mix[others[0]][a] * mix[others[1]][b]
            total += weight * (
                IRRATIONAL[i][first[0]][first[1]][first[2]]
                - IRRATIONAL[i][second[0]][second[1]][second[2]]
            )
        return sp.expand(total)

    solutions = sp.solve([gain(0), gain(1), gain(2)], [p, q, r], dict=True)
    interior = [s for s in solutions if all(s[v].is_real and 0 < s[v] < 1 for v in (p, q, r))]
    assert len(interior) == 2
    assert all(has_square_root(s[p]) for s in interior)
    result = support_enumeration_nplayer(payoffs, exact=True)
    mixed = [prof for prof in result.profiles if all(0 not in vec for vec in prof)]
    assert len(mixed) == 2
    for s in interior:
        assert any(all(same(prof[i][0], s[v]) for i, v in enumerate((p, q, r))) for prof in mixed)
    assert all(has_square_root(prof[0][0]) for prof in mixed)  # radicals, not floats
    assert not result.has_continuum
    assert_all_equilibria(payoffs, result)


def selten_horse() -> list[np.ndarray]:
    # Player 1: A (0) or D (1); player 2: a (0) or d (1); player 3: L (0) or R (1).
    # A,a -> (1,1,1); D,L -> (3,3,2); D,R -> (0,0,0); A,d,L -> (4,4,0); A,d,R -> (0,0,1)
    def payoff(s):
        if s[0] == 0 and s[1] == 0:
            return (1, 1, 1)
        if s[0] == 1:
            return (3, 3, 2) if s[2] == 0 else (0, 0, 0)
        return (4, 4, 0) if s[2] == 0 else (0, 0, 1)

    return table((2, 2, 2), payoff)


def test_selten_horse_has_two_continua() -> None:
    # (A, a, L with probability l): player 1 gets 1 from A and 3 l from D; player 2
    # gets 1 from a and 4 l from d: an equilibrium for every l in [0, 1/4].
    # (D, a with probability m, L): player 3 gets 2 from L; R only matters after
    # A, d: 1 - m from R. Player 1 gets 3 from D, m + 4 (1 - m) from A: need
    # 4 - 3 m <= 3, m >= 1/3. Player 2 is never reached: indifferent.
    payoffs = selten_horse()
    result = support_enumeration_nplayer(payoffs, exact=True)
    assert result.has_continuum
    assert set(result.continuum_supports) == {((0,), (0,), (0, 1)), ((1,), (0, 1), (0,))}
    for support, witness in zip(result.continuum_supports, result.continuum_witnesses, strict=True):
        if support == ((0,), (0,), (0, 1)):
            assert 0 < witness[2][0] < sp.Rational(1, 4)
        else:
            assert sp.Rational(1, 3) < witness[1][0] < 1
    found = {tuple(tuple(v) for v in p) for p in result.profiles}
    assert ((1, 0), (1, 0), (0, 1)) in found  # (A, a, R): the perfect one
    assert ((0, 1), (1, 0), (1, 0)) in found  # (D, a, L)
    # the endpoints, where the unused strategy becomes tied
    assert ((1, 0), (1, 0), (sp.Rational(1, 4), sp.Rational(3, 4))) in found
    assert ((0, 1), (sp.Rational(1, 3), sp.Rational(2, 3)), (1, 0)) in found
    assert_all_equilibria(payoffs, result)


def test_minority_game_three_players() -> None:
    # Payoff 1 to a player alone on a side. Pure equilibria: the six 2-1 splits
    # (the lone player gets 1, a majority player who switches only moves the
    # majority). Symmetric mixed: a player alone earns 1 when both others are on
    # the other side, so P(first side) = 1/2 by symmetry and indifference
    # (1 - p)**2 = p**2. Whenever two players take opposite sides the third is
    # indifferent and the others do not gain: six segments of equilibria.
    def payoff(s):
        ones = sum(s)
        return tuple(int((ones == 1 and x == 1) or (ones == 2 and x == 0)) for x in s)

    payoffs = table((2, 2, 2), payoff)
    result = support_enumeration_nplayer(payoffs, exact=True)
    half = sp.Rational(1, 2)
    assert ((half, half),) * 3 in result.profiles
    pure = [p for p in result.profiles if all(1 in vec for vec in p)]
    expected_pure = {
        tuple((1, 0) if x == 0 else (0, 1) for x in s)
        for s in itertools.product(range(2), repeat=3)
        if sum(s) in (1, 2)
    }
    assert {tuple(tuple(v) for v in p) for p in pure} == expected_pure
    assert result.has_continuum
    assert len(result.continuum_supports) == 6
    for support in result.continuum_supports:
        sizes = sorted(len(s) for s in support)
        assert sizes == [1, 1, 2]
        fixed = [s[0] for s in support if len(s) == 1]
        assert fixed[0] != fixed[1]  # the two fixed players on opposite sides
    assert_all_equilibria(payoffs, result)


def test_four_players_two_strategies_exactly() -> None:
    # Four-player matching-pennies chain: player i wants to match player i+1
    # (player 4 wants to mismatch player 1). No pure equilibrium; the unique
    # equilibrium mixes 1/2 everywhere (each player indifferent iff the next
    # mixes 1/2).
    def payoff(s):
        out = [1 if s[i] == s[i + 1] else -1 for i in range(3)]
        out.append(1 if s[3] != s[0] else -1)
        return tuple(out)

    payoffs = table((2, 2, 2, 2), payoff)
    result = support_enumeration_nplayer(payoffs, exact=True)
    half = sp.Rational(1, 2)
    assert result.profiles == (((half, half),) * 4,)
    assert not result.has_continuum
    assert not result.unresolved_supports


# --- float path -------------------------------------------------------------------------


def test_float_path_matches_exact() -> None:
    exact = support_enumeration_nplayer(volunteers(3, 2, 1), exact=True)
    floats = support_enumeration_nplayer(
        [np.asarray(p, dtype=float) for p in volunteers(3, 2, 1)], exact=False
    )
    assert len(floats.profiles) == len(exact.profiles)
    for a, b in zip(floats.profiles, exact.profiles, strict=True):
        assert all(isinstance(v, np.ndarray) and v.dtype == float for v in a)
        np.testing.assert_allclose(np.concatenate(a), np.concatenate(as_floats(b)), atol=1e-12)
        assert max(regret([np.asarray(p, dtype=float) for p in volunteers(3, 2, 1)], a)) < 1e-12


def test_float_payoffs_with_decimals() -> None:
    # payoffs 0.1 apart: solved on the decimals they print as
    payoffs = [np.asarray(p, dtype=float) / 10 for p in volunteers(3, 2, 1)]
    result = support_enumeration_nplayer(payoffs, exact=False)
    assert len(result.profiles) == 7
    sym = [
        p for p in result.profiles if np.all(np.concatenate(p) > 0.01) and np.allclose(p[0], p[1])
    ]
    np.testing.assert_allclose(sym[0][0], [1 - 2**-0.5, 2**-0.5], atol=1e-12)


# --- properties -------------------------------------------------------------------------

small_ints = st.integers(min_value=-4, max_value=4)


@settings(max_examples=15)
@given(st.lists(small_ints, min_size=24, max_size=24))
def test_every_profile_is_an_equilibrium_2x2x2(values: list[int]) -> None:
    payoffs = [
        np.vectorize(sp.Integer, otypes=[object])(
            np.array(values[8 * i : 8 * i + 8], dtype=object).reshape(2, 2, 2)
        )
        for i in range(3)
    ]
    result = support_enumeration_nplayer(payoffs, exact=True)
    assert result.profiles or result.has_continuum  # Nash: an equilibrium exists
    assert_all_equilibria(payoffs, result)


@settings(max_examples=20)
@given(st.integers(2, 4), st.integers(2, 4), st.data())
def test_two_players_agree_with_vertex_enumeration(m: int, n: int, data) -> None:
    A = data.draw(
        st.lists(st.lists(st.integers(-9, 9), min_size=n, max_size=n), min_size=m, max_size=m)
    )
    B = data.draw(
        st.lists(st.lists(st.integers(-9, 9), min_size=n, max_size=n), min_size=m, max_size=m)
    )
    payoffs = [np.vectorize(sp.Integer, otypes=[object])(np.array(M, dtype=object)) for M in (A, B)]
    result = support_enumeration_nplayer(payoffs, exact=True)
    assert_all_equilibria(payoffs, result)
    if is_degenerate(A, B):
        return  # extreme equilibria are then only some of the equilibria
    ours = {
        tuple(tuple(Fraction(int(v.p), int(v.q)) for v in vec) for vec in p)
        for p in result.profiles
    }
    theirs = {(tuple(x), tuple(y)) for x, y in extreme_equilibria(A, B)}
    assert ours == theirs
    assert not result.has_continuum


def integer_game(shape: tuple[int, ...], values: list[int]) -> list[np.ndarray]:
    size = int(np.prod(shape))
    return [
        np.vectorize(sp.Integer, otypes=[object])(
            np.array(values[size * i : size * (i + 1)], dtype=object).reshape(shape)
        )
        for i in range(len(shape))
    ]


game_shapes = st.sampled_from([(2, 2, 2), (3, 2, 2), (2, 3, 2), (2, 2, 2, 2)])


@settings(max_examples=25, deadline=None)
@given(game_shapes, st.integers(-3, 3), st.data())
def test_excluded_supports_hold_no_equilibrium(shape, offset: int, data) -> None:
    # The cheap rules (exclusion by subdividing the simplices, pure profiles checked
    # directly) against the full exact exploration of the same support, on small
    # integer payoffs (many ties: degenerate games, continua, payoffs exactly equal
    # at region vertices, where a wrong margin would wrongly exclude).
    values = data.draw(
        st.lists(
            st.integers(-3, 3),
            min_size=len(shape) * int(np.prod(shape)),
            max_size=len(shape) * int(np.prod(shape)),
        )
    )
    payoffs = integer_game(shape, [v + offset * (k % 2) for k, v in enumerate(values)])
    solver = sn._Solver(sn._integer_tables(payoffs, True))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sn, "_linear_point", lambda eqs, nvars: None)  # the general path only
        for support in solver.supports():
            if solver.dominated(support):
                continue
            full = sn._Collector()
            solver.explore(support, full)
            if sum(len(s) - 1 for s in support) == 0:
                quick = sn._Collector()
                solver.pure(support, quick)
                assert [f.probs for f in quick.found] == [f.probs for f in full.found]
            elif solver.excluded(support, 4000):
                assert not full.found, support
                assert not full.continua, support


def test_exclusion_discards_supports_of_a_generic_game_soundly() -> None:
    # A seeded 3x3x3 game with payoffs on a 0.001 grid (generic): of the support
    # profiles that survive dominance, subdivision discards most, the full support
    # (six unknowns, the costliest system) among them, and none it discards holds
    # an equilibrium.
    rng = np.random.default_rng(7)
    payoffs = [
        np.vectorize(lambda v: sp.Rational(int(v), 1000), otypes=[object])(
            rng.integers(0, 10000, size=(3, 3, 3))
        )
        for _ in range(3)
    ]
    solver = sn._Solver(sn._integer_tables(payoffs, True))
    mixed = [s for s in solver.supports() if not solver.dominated(s) and any(len(x) > 1 for x in s)]
    excluded = [s for s in mixed if solver.excluded(s, 4000)]
    assert len(excluded) > len(mixed) // 2
    assert ((0, 1, 2), (0, 1, 2), (0, 1, 2)) in excluded
    for support in excluded:
        out = sn._Collector()
        solver.explore(support, out)
        assert not out.found, support
    assert not solver.excluded(((0,), (0,), (0,)), 4000)  # nothing to subdivide: not shown


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from([(2, 2, 2), (3, 2, 2), (2, 3, 3), (3, 3, 3), (2, 2, 2, 2)]),
    st.sampled_from([3, 9999]),
    st.sampled_from([16, 256, 4000]),
    st.data(),
)
def test_compiled_subdivision_decides_as_the_numpy_one(
    shape, spread: int, budget: int, data
) -> None:
    # The numba kernel against the numpy subdivision on every support profile with a
    # mixing player: small integer payoffs (ties, payoffs exactly equal at region
    # vertices, where the margin decides) and generic ones, every budget level.
    pytest.importorskip("numba")
    size = len(shape) * int(np.prod(shape))
    values = data.draw(st.lists(st.integers(-spread, spread), min_size=size, max_size=size))
    solver = sn._Solver(sn._integer_tables(integer_game(shape, values), True))
    decided = []
    for support in solver.supports():
        if any(len(s) > 1 for s in support):
            compiled = solver.excluded(support, budget)
            assert compiled == solver.excluded_numpy(support, budget), support
            decided.append(compiled)
    if spread == 9999 and budget == 4000 and shape == (3, 3, 3):
        assert any(decided)  # generic games: most supports are discarded


@settings(max_examples=15, deadline=None)
@given(game_shapes, st.data())
def test_pruned_enumeration_equals_the_unpruned_one(shape, data) -> None:
    # Exact equality of the answers with and without the cheap rules (exclusion,
    # linear systems solved directly, pure profiles checked directly).
    size = len(shape) * int(np.prod(shape))
    values = data.draw(st.lists(st.integers(-9, 9), min_size=size, max_size=size))
    payoffs = integer_game(shape, values)
    fast = support_enumeration_nplayer(payoffs, exact=True)
    solver = sn._Solver(sn._integer_tables(payoffs, True))
    out = sn._Collector()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sn, "_linear_point", lambda eqs, nvars: None)
        for support in solver.supports():
            if not solver.dominated(support):
                solver.explore(support, out)
    slow = sn._result(solver, out, payoffs, True, 1e-9)
    assert len(fast.profiles) == len(slow.profiles)
    for a, b in zip(fast.profiles, slow.profiles, strict=True):
        assert all(
            same(x, y) for va, vb in zip(a, b, strict=True) for x, y in zip(va, vb, strict=True)
        )
    assert fast.continuum_supports == slow.continuum_supports
    assert set(fast.unresolved_supports) <= set(slow.unresolved_supports)


def _check_both_ways(payoffs: list[np.ndarray]) -> tuple[int, int]:
    """Run the enumeration, deciding every candidate point both ways; (points, certain ones)."""
    seen = [0, 0]
    original = sn._Solver.check

    def both(self, support, field, hs, strict, approx=None, solved=False):
        fast = original(self, support, field, hs, strict, approx, solved)
        slow = original(self, support, field, hs, strict)  # every sign exactly in the field
        assert fast == slow, support
        seen[0] += 1
        seen[1] += bool(solved and approx is not None and field.degree > 1)
        return fast

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sn._Solver, "check", both)
        support_enumeration_nplayer(payoffs, exact=True)
    return seen[0], seen[1]


@settings(max_examples=15, deadline=None)
@given(game_shapes, st.data())
def test_ball_check_decides_as_the_exact_check_with_ties(shape, data) -> None:
    # Small integer payoffs: ties, continua and payoff gaps of exactly zero, where a ball
    # holds zero and the exact sign must decide.
    size = len(shape) * int(np.prod(shape))
    values = data.draw(st.lists(st.integers(-3, 3), min_size=size, max_size=size))
    _check_both_ways(integer_game(shape, values))


def test_ball_check_decides_as_the_exact_check_on_generic_games() -> None:
    # Irrational equilibria of degree up to 9: the certified shortcut is taken, and agrees.
    rng = np.random.default_rng(11)
    total = certain = 0
    for shape in [(2, 2, 2, 2), (2, 2, 2, 2), (3, 3, 2)]:
        values = [int(v) for v in rng.integers(0, 1000, size=len(shape) * int(np.prod(shape)))]
        points, sure = _check_both_ways(integer_game(shape, values))
        total, certain = total + points, certain + sure
    assert certain > 0
    assert total > certain


def test_rur_is_certain_only_for_a_square_free_characteristic_polynomial() -> None:
    # y^2 - 2 = 0: two simple solutions, certainly separated; y^2 = 0: a double root, where
    # the square-free part of the characteristic polynomial has lower degree
    ctx = flint.fmpz_mpoly_ctx.get(["y"], "degrevlex")
    (y,) = ctx.gens()
    for eq, certain in ((y * y - 2, True), (y * y, False)):
        basis = sn._groebner([eq], ctx, 1)
        f, _, _, sure = sn._univariate_representation(basis, ctx, [1])
        assert sure is certain
        assert f.degree() == (2 if certain else 1)


# --- limits and errors ------------------------------------------------------------------


def test_too_many_supports_is_refused_with_advice() -> None:
    payoffs = [np.zeros((4, 4, 4)) for _ in range(3)]
    assert count_support_profiles((4, 4, 4)) == 3375
    with pytest.raises(InvalidGameError, match=r"4x4x4 game .* 3,375 support profiles.*logit"):
        support_enumeration_nplayer(payoffs, exact=False)
    with pytest.raises(InvalidGameError, match="max_supports=20"):
        support_enumeration_nplayer(volunteers(3, 2, 1), exact=True, max_supports=20)


def test_bad_input_is_refused() -> None:
    with pytest.raises(ExactArithmeticError, match="rational payoffs"):
        support_enumeration_nplayer([np.full((2, 2), 0.5)] * 2, exact=True)
    with pytest.raises(InvalidGameError, match="shape"):
        support_enumeration_nplayer([np.zeros((2, 2)), np.zeros((2, 3))], exact=False)
    with pytest.raises(InvalidGameError, match="at least two players"):
        support_enumeration_nplayer([np.zeros(2)], exact=False)
    with pytest.raises(InvalidGameError, match="finite"):
        support_enumeration_nplayer([np.array([[np.nan, 0.0]])] * 2, exact=False)


def test_quadratic_elements_of_a_quartic_field_come_back_as_radicals() -> None:
    # a = +-sqrt(2) +- sqrt(3) are the roots of x^4 - 10x^2 + 1; a^2 - 5 = 2 s2 s3 sqrt(6) and
    # (a^3 - 9a) / 2 = s2 sqrt(2) (a^3 = 11 s2 sqrt(2) + 9 s3 sqrt(3)); a itself has degree 4
    p = flint.fmpq_poly([1, 0, -10, 0, 1])
    fields = sn._real_roots(p)
    signs = [(-1, -1), (1, -1), (-1, 1), (1, 1)]  # ascending: -s2-s3, s2-s3, -s2+s3, s2+s3
    assert len(fields) == 4
    for field, (s2, s3) in zip(fields, signs, strict=True):
        root = s2 * sp.sqrt(2) + s3 * sp.sqrt(3)
        assert abs(float(root) - field.to_float(flint.fmpq_poly([0, 1]))) < 1e-12
        assert field.to_sympy(flint.fmpq_poly([-5, 0, 1])) == 2 * s2 * s3 * sp.sqrt(6)
        assert field.to_sympy(flint.fmpq_poly([0, -9, 0, 1]) / 2) == s2 * sp.sqrt(2)
        generator = field.to_sympy(flint.fmpq_poly([0, 1]))
        assert generator.has(sp.CRootOf)
        assert abs(sp.N(generator - root, 30)) < 1e-25


def test_no_element_of_an_odd_degree_field_is_quadratic() -> None:
    # to_sympy skips the quadratic test when the field's degree is odd: an element of degree
    # two would need 2 to divide the degree. Checked on random elements of random irreducible
    # quintics and cubics (the test itself must then find no quadratic)
    rng = np.random.default_rng(8)
    tried = 0
    for degree in (3, 5, 3, 5):
        p = flint.fmpq_poly([int(v) for v in rng.integers(-9, 10, size=degree)] + [1])
        if len(p.factor()[1]) != 1 or p.factor()[1][0][1] != 1:
            continue
        for field in sn._real_roots(p):
            for _ in range(5):
                h = flint.fmpq_poly([int(v) for v in rng.integers(-5, 6, size=degree)])
                if h.degree() > 0:
                    tried += 1
                    assert field._quadratic(h) is None
                    assert field.to_sympy(h).has(sp.CRootOf)
    assert tried >= 10
    # and in an even-degree field it finds one: (a^2 - 5) of x^4 - 10x^2 + 1
    quartic = sn._real_roots(flint.fmpq_poly([1, 0, -10, 0, 1]))[0]
    assert quartic._quadratic(flint.fmpq_poly([-5, 0, 1])) is not None


def test_rebased_field_rewrites_elements_exactly() -> None:
    # Q(a), a = sqrt(2) + sqrt(3), is also generated by b = a^3 / 2 - a; every element keeps its
    # value and its minimal polynomial when written in b
    p = flint.fmpq_poly([1, 0, -10, 0, 1])
    field = sn._real_roots(p)[3]
    b = flint.fmpq_poly([0, -1, 0, 1]) / 2
    rebased = field.rebased([flint.fmpq_poly([3]), b])
    assert rebased is not field
    assert rebased.degree == 4
    assert rebased.rewrite(b) == flint.fmpq_poly([0, 1])  # b is the new generator
    for h in (flint.fmpq_poly([0, 1]), flint.fmpq_poly([-5, 0, 1]), flint.fmpq_poly([7, 3, 0, 2])):
        new = rebased.rewrite(h)
        assert sn._minimal_polynomial(new, rebased.p) == sn._minimal_polynomial(h, field.p)
        assert abs(rebased.to_float(new) - field.to_float(h)) < 1e-12


@pytest.mark.parametrize(
    "coeffs",
    [
        [1, 0, -10, 0, 1],  # sqrt(2) + sqrt(3) and its conjugates
        [3 * 10**40 + 7, -(10**41), 0, 5, 0, 0, 0, 0, 0, 2 * 10**30 + 1],  # degree 9, big
    ],
)
@pytest.mark.parametrize(
    ("c0", "c1"),
    [(Fraction(1), Fraction(-1)), (Fraction(2, 3), Fraction(5, 7)), (Fraction(0), Fraction(-3))],
)
def test_rebasing_on_an_affine_generator_equals_the_linear_solve(coeffs, c0, c1) -> None:
    # b = c0 + c1 a generates Q(a): substituting a = (b - c0) / c1 must give the very field
    # the linear solve on the powers of b gives (minimal polynomial, root index, interval
    # holding the root) and the same expression of every element in b
    p = flint.fmpq_poly(coeffs)
    b = flint.fmpq_poly(
        [flint.fmpq(c0.numerator, c0.denominator), flint.fmpq(c1.numerator, c1.denominator)]
    )
    elements = [b, flint.fmpq_poly([0, 1]), flint.fmpq_poly([7, 3, 0, 2]), flint.fmpq_poly([1])]
    for field in sn._real_roots(p):
        fast = field.rebased([flint.fmpq_poly([0]), b], elements)
        assert field.count is not None  # so the substitution was taken
        field.count = None  # the general path: a linear solve on the powers of b
        slow = field.rebased([flint.fmpq_poly([0]), b], elements)
        assert (fast.p, fast.index) == (slow.p, slow.index)
        assert fast.lo < fast.hi
        assert slow.lo < slow.hi
        assert max(fast.lo, slow.lo) <= min(fast.hi, slow.hi)  # the same root
        assert fast.to_float(flint.fmpq_poly([0, 1])) == slow.to_float(flint.fmpq_poly([0, 1]))
        for h in elements:
            assert fast.rewrite(h) == slow.rewrite(h)
        assert fast.rewrite(b) == flint.fmpq_poly([0, 1])
        assert fast.to_sympy(fast.rewrite(elements[2])) == slow.to_sympy(slow.rewrite(elements[2]))


def test_normal_forms_read_off_the_basis_lie_in_the_ideal() -> None:
    # t - NF(t) must reduce to zero modulo the basis and NF(t) be standard, for every border
    # monomial, both those read off the basis (leading monomials) and those reduced
    rng = np.random.default_rng(5)
    payoffs = integer_game((3, 3, 3), [int(v) for v in rng.integers(0, 1000, size=81)])
    solver = sn._Solver(sn._integer_tables(payoffs, True))
    full = ((0, 1, 2),) * 3
    ctx, eqs, _ = solver.system(full, ((), (), ()))
    basis = sn._groebner(eqs, ctx, 6)
    monos = basis.standard_monomials()
    border = sorted(
        {tuple(e + (i == k) for i, e in enumerate(m)) for m in monos for k in range(6)} - set(monos)
    )
    forms = basis.normal_forms(ctx, monos, border)
    vec = flint.fmpz_mpoly_vec(basis.polys, ctx)
    read = sum(t in basis.leading for t in border)
    assert 0 < read < len(border)
    for t in border:
        assert set(forms[t]) <= set(monos)
        den = math.lcm(1, *(int(c.q) for c in forms[t].values()))
        rest = {m: int(c * den) for m, c in forms[t].items()}
        diff = ctx.from_dict({t: den}) - ctx.from_dict(rest) if rest else ctx.from_dict({t: den})
        assert diff.reduction_primitive_part(vec).is_zero()


def test_first_player_form_gives_the_default_forms_answers() -> None:
    # The RUR is first tried on the first mixing player's own unknowns (kept when certainly
    # exact): the same equilibria, sympy expressions and floats as the default forms alone
    rng = np.random.default_rng(3)
    taken = 0
    original = sn._Solver.first_form

    def counted(self, support, n):
        nonlocal taken
        weights = original(self, support, n)
        taken += weights is not None
        return weights

    for shape in [(2, 2, 2, 2), (3, 3, 2), (2, 2, 2)]:
        payoffs = integer_game(
            shape, [int(v) for v in rng.integers(0, 1000, size=len(shape) * int(np.prod(shape)))]
        )
        floats = [np.array(p, dtype=float) for p in payoffs]
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(sn._Solver, "first_form", counted)
            fast = support_enumeration_nplayer(payoffs, exact=True)
            fast_floats = support_enumeration_nplayer(floats, exact=False)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(sn._Solver, "first_form", lambda self, support, n: None)
            slow = support_enumeration_nplayer(payoffs, exact=True)
            slow_floats = support_enumeration_nplayer(floats, exact=False)
        assert fast.profiles == slow.profiles
        assert len(fast_floats.profiles) == len(slow_floats.profiles)
        for a, b in zip(fast_floats.profiles, slow_floats.profiles, strict=True):
            for u, v in zip(a, b, strict=True):
                assert np.array_equal(u, v)
    assert taken > 0


@settings(max_examples=20, deadline=None)
@given(game_shapes, st.data())
def test_dominance_masks_decide_as_the_definition(shape, data) -> None:
    # s is beaten on S_-i when some t does at least as well on every profile of S_-i and
    # better on one: the bit masks against the payoffs compared one by one (ties included)
    size = len(shape) * int(np.prod(shape))
    values = data.draw(st.lists(st.integers(-2, 2), min_size=size, max_size=size))
    payoffs = integer_game(shape, values)
    solver = sn._Solver(sn._integer_tables(payoffs, True))
    for support in solver.supports():
        expected = False
        for i in range(len(shape)):
            sub = solver.tables[i][
                np.ix_(*[range(shape[j]) if j == i else support[j] for j in range(len(shape))])
            ]
            rows = np.moveaxis(sub, i, 0).reshape(shape[i], -1)
            for s in support[i]:
                for t in range(shape[i]):
                    if t != s and all(rows[t] >= rows[s]) and any(rows[t] > rows[s]):
                        expected = True
        assert solver.dominated(support) is expected, support


@pytest.mark.parametrize(
    "coeffs",
    [
        [-2, 0, 1],  # sqrt(2)
        [1, 0, -10, 0, 1],  # sqrt(2) + sqrt(3) and its conjugates
        [3 * 10**40 + 7, -(10**41), 0, 5, 0, 0, 0, 0, 0, 2 * 10**30 + 1],  # degree 9, big
    ],
)
@pytest.mark.parametrize("digits", [3, 40, 700])
def test_refining_a_root_interval_equals_step_by_step_bisection(coeffs, digits: int) -> None:
    # Many halvings are taken at once from an Arb root ball: the interval must be the
    # very one bisection reaches (later values and floats depend on it), and hold the root.
    p = flint.fmpq_poly(coeffs)
    width = flint.fmpq(1, 10**digits)
    for field in sn._real_roots(p):
        fast = sn._Field(p, field.lo, field.hi, field.index)
        fast.refine(width)
        lo, hi = field.lo, field.hi
        while hi - lo > width:
            mid = (lo + hi) / 2
            if sn._fsign(p(mid)) == sn._fsign(p(field.lo)):
                lo = mid
            else:
                hi = mid
        assert (fast.lo, fast.hi) == (lo, hi)
        assert sn._fsign(p(lo)) * sn._fsign(p(hi)) == -1


def test_regret_is_exact_and_positive_off_equilibrium() -> None:
    payoffs = volunteers(3, 2, 1)
    everyone_volunteers = ((1, 0), (1, 0), (1, 0))
    assert regret(payoffs, everyone_volunteers) == (1, 1, 1)  # ignoring saves the cost
    q = sp.sqrt(2) / 2
    assert regret(payoffs, ((1 - q, q),) * 3) == (0, 0, 0)


# --- Gambit's enumpoly on the shared reference set ---------------------------------------


def reference_games() -> list[str]:
    if not (NPLAYER / "games").is_dir():
        return []
    return sorted(p.stem for p in (NPLAYER / "games").glob("*.json"))


def reference_profiles(answers: dict) -> list[list[list[float]]]:
    listed = [e["profile"] for e in answers["equilibria"]]
    return listed + [e["profile"] for e in answers.get("missed_by_gambit", [])]


def close(a, b, tol: float = 1e-6) -> bool:
    return all(
        abs(x - y) <= tol for va, vb in zip(a, b, strict=True) for x, y in zip(va, vb, strict=True)
    )


SLOW = {"gambit_2x2x2x2x2": "five players: 243 supports with quartic systems, over a minute"}


@pytest.mark.skipif(not reference_games(), reason=f"no N-player reference set at {NPLAYER}")
@pytest.mark.parametrize("name", reference_games() or ["none"])
def test_matches_gambit_enumpoly(name: str) -> None:
    answers_file = NPLAYER / "equilibria" / f"{name}.json"
    if not answers_file.exists():
        pytest.skip(f"{name}: the reference has no enumpoly answers for it yet")
    game = json.loads((NPLAYER / "games" / f"{name}.json").read_text())
    answers = json.loads(answers_file.read_text())
    shape = tuple(game["shape"])
    if count_support_profiles(shape) > 1000:
        pytest.skip(f"{name}: {count_support_profiles(shape)} support profiles, over the cap")
    if name in SLOW:
        pytest.skip(f"{name}: {SLOW[name]}")
    payoffs = [
        np.vectorize(lambda v: sp.Rational(str(v)), otypes=[object])(np.array(p, dtype=object))
        for p in game["payoffs"]
    ]
    result = support_enumeration_nplayer(payoffs, exact=True)
    ours = [as_floats(p) for p in result.profiles]
    theirs = reference_profiles(answers)
    finite = answers["equilibrium_set"].get("finite")
    for profile in theirs:  # every equilibrium Gambit (or the check) found, we find
        assert any(close(profile, o) for o in ours), profile
    if finite:
        assert not result.has_continuum
        assert not result.unresolved_supports
        for profile in ours:  # and nothing else
            assert any(close(profile, t) for t in theirs), profile
    elif answers["equilibrium_set"].get("has_continuum"):
        assert result.has_continuum
        witness = answers["equilibrium_set"]["witness"]["support"]
        assert tuple(tuple(s) for s in witness) in result.continuum_supports
    else:
        pytest.skip(f"{name}: the reference did not settle whether the set is finite")
    for profile in result.profiles:
        assert regret(payoffs, profile) == (0,) * len(payoffs)


def test_variable_order_of_the_basis_gives_the_same_representation() -> None:
    # The full supports' bases are computed in another variable order: the univariate
    # representation (traces on the quotient algebra) must equal the own order's exactly,
    # for the first player's form and a default form; a positive-dimensional system
    # (a continuum) keeps its own order, whose independent set the sampling uses
    rng = np.random.default_rng(11)
    moved = 0
    for shape in [(2, 2, 2, 2), (3, 3, 3), (2, 2, 2, 2)]:
        payoffs = integer_game(
            shape, [int(v) for v in rng.integers(0, 1000, size=len(shape) * int(np.prod(shape)))]
        )
        solver = sn._Solver(sn._integer_tables(payoffs, True))
        full = tuple(tuple(range(m)) for m in shape)
        ctx, eqs, _ = solver.system(full, tuple(() for _ in shape))
        nvars = len(ctx.gens())
        order = solver.variable_order(full)
        assert order is not None
        assert sorted(order) == list(range(nvars))
        fast = sn._groebner(eqs, ctx, nvars, order)
        slow = sn._groebner(eqs, ctx, nvars)
        assert fast.zero_dimensional
        assert slow.zero_dimensional
        moved += fast.order == order and fast.polys != slow.polys
        assert len(fast.standard_monomials()) == len(slow.standard_monomials())
        first = solver.first_form(full, nvars)
        assert first is not None
        for weights in (first, [1 + (3 * k + 1) % 7 for k in range(nvars)]):
            assert sn._univariate_representation(
                fast, ctx, weights
            ) == sn._univariate_representation(slow, ctx, weights)
    assert moved == 3
    # a positive-dimensional system (a curve) in four unknowns of a 2x2x2x2 full support
    ctx = flint.fmpz_mpoly_ctx.get(["a", "b", "c", "d"], "degrevlex")
    x = list(ctx.gens())
    eqs = [x[0] * x[1] - x[2], x[3] - 1]
    basis = sn._groebner(eqs, ctx, 4, solver.variable_order(((0, 1),) * 4))
    assert not basis.zero_dimensional
    assert basis.order is None
    assert basis.independent_set() == sn._groebner(eqs, ctx, 4).independent_set()
