"""What notebook 3 (why truces hold) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_derivation(critical, T, R, P):
    import sympy as sp

    assert sp.simplify(critical - (T - R) / (T - P)) == 0


def after_repeated_symbolic(threshold, critical):
    import sympy as sp

    assert sp.simplify(threshold - critical) == 0


def after_game_a(tariff_truce):
    import sympy as sp

    assert tariff_truce.critical_discounts(("Truce", "Truce")) == (
        sp.Rational(1, 4),
        sp.Rational(1, 8),
    )


def after_thresholds_symbolic(thresholds, dilemma):
    import sympy as sp

    assert tuple(t.subs(dilemma.defaults) for t in thresholds) == (
        sp.Rational(1, 4),
        sp.Rational(1, 8),
    )


def after_london_game(london_game):
    import numpy as np

    assert [eq.profile for eq in london_game.equilibria(exact=True)] == [("H", "S")]
    # the table in the markdown above
    rows = [
        [(3, 3), (-2, 4), (-6, 2)],
        [(4, -2), (-1, -1), (-4, -3)],
        [(1, -6), (-3, -4), (-7, -7)],
    ]
    assert np.array_equal(london_game.row_payoffs, [[u for u, _ in r] for r in rows])
    assert np.array_equal(london_game.col_payoffs, [[v for _, v in r] for r in rows])


def after_credible(credible, repeated_london, london_game):
    import sympy as sp

    assert london_game.equilibrium_conditions(("H", "S")) is sp.true
    assert credible == (sp.Rational(1, 5), sp.Rational(1, 5))
    # the default punishment of grim trigger is this stage equilibrium
    assert repeated_london.critical_discounts(("L", "D")) == credible
    assert [i.loss for i in repeated_london.incentives(("L", "D"), punishment=("H", "S"))] == [4, 4]


def after_noncredible(harsher, repeated_london, payoff, london_game):
    import sympy as sp

    assert harsher == (sp.Rational(1, 8), sp.Rational(1, 8))
    incentives = repeated_london.incentives(("L", "D"), punishment=("E", "W"))
    assert [i.loss for i in incentives] == [7, 7]
    assert [(i.deviation, i.punish) for i in incentives] == [("H", -4), ("S", -4)]
    # each punisher would rather stop: -3 by punishing against -1 by the standoff move
    assert (payoff("H", "W", "China"), payoff("H", "S", "China")) == (-3, -1)
    assert (payoff("E", "S", "US"), payoff("H", "S", "US")) == (-3, -1)
    assert london_game.equilibrium_conditions(("E", "W")) is sp.false


def after_stick_and_carrot(keeps_deal, carries_out):
    import sympy as sp

    assert keeps_deal == sp.Interval.Ropen(sp.Rational(1, 10), 1)
    assert carries_out == sp.Interval.Ropen(sp.Rational(3, 10), 1)
    assert carries_out.inf > sp.Rational(1, 5)


def after_geneva_m(us_m, cn_m, m, game_m):
    import sympy as sp

    assert sp.simplify(us_m - 1 / (m + 3)) == 0
    assert cn_m == sp.Rational(1, 8)
    assert us_m.subs(m, 1) == sp.Rational(1, 4)
    # mutual escalation is a stage equilibrium for every m in the slider range: credible
    for value in (0, 1, 5):
        assert game_m.subs({m: value}).equilibrium_conditions(("Escalate", "Escalate")) is sp.true


def after_clock(need, quarterly):
    import sympy as sp

    assert need == sp.Interval(sp.Rational(1, 4) / quarterly, 1)  # p >= 5/19
    assert need.inf == sp.Rational(5, 19)


def after_lives(lives, expected):
    import statistics

    assert round(expected, 9) == 15
    assert abs(statistics.mean(lives) - expected) < 1.5


def after_trembles(results):
    assert results["grim_trigger"] < results["tit_for_tat"] < results["generous_tit_for_tat"] < 3


def after_solution_1(t_half, check):
    import sympy as sp

    assert t_half == 30
    assert check.critical_discounts(("Truce", "Truce"))[0] == sp.Rational(1, 2)


def after_solution_2(one, two, grim):
    import sympy as sp

    assert one == sp.Rational(1, 4)
    assert sp.simplify(two - (sp.sqrt(2) - 1) / 2) == 0
    assert one > two > grim == sp.Rational(1, 5)


def after_solution_3(credible_p, believed_p):
    import sympy as sp

    assert credible_p.inf == sp.Rational(2, 9)
    assert believed_p.inf == sp.Rational(5, 36)


def after_solution_4(m_equal):
    assert m_equal == 5
