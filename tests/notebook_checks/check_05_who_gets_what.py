"""What notebook 5 (who gets what) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_london_game(game):
    assert [eq.profile for eq in game.equilibria(exact=True)] == [("H", "S")]


def after_problem(problem):
    assert problem.disagreement == (-1, -1)
    assert len(problem.labels) == 9


def after_solutions_all(problem, nash, ks):
    import sympy as sp

    assert nash.utilities == (3, 3)
    assert nash.package == "L/D"
    assert ks.utilities == (3, 3)
    assert ks.package == "L/D"
    assert problem.ideal_point() == (sp.Rational(19, 5), sp.Rational(19, 5))
    assert {o.utilities for o in problem.solutions()} == {(3, 3)}


def after_pie(nash_pie, S, d_us, d_cn):
    import sympy as sp

    assert sp.simplify(nash_pie.utilities[0] - (S + d_us - d_cn) / 2) == 0


def after_asymmetric(asym, pie, nash_pie, S, d_us, d_cn, beta):
    import sympy as sp

    assert sp.diff(nash_pie.utilities[0], d_us) == sp.Rational(1, 2)
    assert sp.diff(nash_pie.utilities[0], d_cn) == -sp.Rational(1, 2)
    assert sp.simplify(asym - (d_us + beta * (S - d_us - d_cn))) == 0
    # on a straight frontier Kalai-Smorodinsky agrees with Nash (as the text says)
    ks = pie.kalai_smorodinsky().utilities
    assert all(sp.simplify(a - b) == 0 for a, b in zip(ks, nash_pie.utilities, strict=True))


def after_moving_d(problem):
    import sympy as sp

    for x in [-1, 0, 1, 2, sp.Rational(11, 5)]:
        assert problem.with_disagreement((x, -1)).nash().utilities == (3, 3)
    assert problem.with_disagreement((sp.Rational(12, 5), -1)).nash().utilities == (
        sp.Rational(31, 10),
        sp.Rational(5, 2),
    )
    assert problem.with_disagreement((0, -1)).kalai_smorodinsky().utilities != (3, 3)


def after_edge(threshold):
    import sympy as sp

    assert threshold == [sp.Rational(11, 5)]


def after_breakdowns(withhold, escalate):
    import sympy as sp

    assert withhold.disagreement[0] == -4
    assert withhold.nash().utilities == (3, 3)
    assert withhold.kalai_smorodinsky().utilities == (sp.Rational(124, 43), sp.Rational(130, 43))
    assert escalate.kalai_smorodinsky().utilities == (sp.Rational(130, 43), sp.Rational(124, 43))


def after_rubinstein(derived, share, x):
    import sympy as sp

    assert sp.simplify(derived[x] - share) == 0


def after_shares(us_first, china_first):
    import sympy as sp

    assert us_first == sp.Rational(10, 29)
    assert round(float(us_first), 3) == 0.345
    assert china_first == sp.Rational(20, 29)
    assert 1 - china_first == sp.Rational(9, 29)


def after_convergence(conv):
    assert abs(float(conv.shares[0]) - 10 / 29) < 1e-12  # one round apart: Rubinstein's 0.345
    # the limit is the asymmetric Nash point with beta = r_CN/(r_US + r_CN)
    assert abs(float(conv.nash.utilities[0]) - float(conv.limit)) < 1e-12
    assert round(float(conv.limit), 2) == 0.33


def after_deadlines():
    import sympy as sp

    import negotiation as ng

    assert ng.rubinstein_finite(sp.Rational(9, 10), sp.Rational(19, 20), 1) == 1
    assert abs(float(ng.rubinstein_finite(0.9, 0.95, 200)) - 10 / 29) < 1e-6


def after_solution_1(problem, conv):
    import sympy as sp

    assert problem.nash(beta=sp.Rational(1, 6)).utilities == (3, 3)
    assert problem.nash(beta=sp.Rational(5, 6)).utilities == (3, 3)
    assert problem.nash(beta=sp.Rational(1, 7)).utilities != (3, 3)
    assert problem.nash(beta=sp.Rational(6, 7)).utilities != (3, 3)
    assert sp.Rational(1, 6) < conv.limit < sp.Rational(5, 6)
    assert problem.nash(beta=conv.limit).utilities == (3, 3)


def after_solution_2(needed):
    import sympy as sp

    assert needed == [sp.Rational(18, 19)]


def after_solution_3(n, k, costly):
    import sympy as sp

    assert n.utilities == (2, 3)
    assert n.package == "L/D"
    assert costly.ideal_point() == (sp.Rational(18, 5), sp.Rational(18, 5))
    assert k.utilities == (sp.Rational(16, 7), sp.Rational(16, 7))
    assert dict(k.package) == {"L/D": sp.Rational(6, 7), "H/D": sp.Rational(1, 7)}
