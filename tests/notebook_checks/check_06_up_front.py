"""What notebook 6 ("up front") says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_minimum_sanction(us_condition, minimum, h, R_US, T_US):
    assert us_condition == (R_US >= T_US - h)
    assert minimum == (h >= T_US - R_US)


def after_temptation(temptation, london, london_payoffs, T_US, R_US):
    import sympy as sp

    assert temptation == sp.sympify("ec_value_us - students_us + visa_politics_us")
    assert temptation.subs(london.defaults) == london_payoffs[T_US] - london_payoffs[R_US] == 1


def after_three_levers(plays):
    assert plays[0] == [("Slow-walk", "Renege")]
    assert plays[2] == [("Deliver", "Honour")]
    assert len(plays[1]) == 2  # at h = 1 the US is indifferent


def after_sequential_spe(condition, h, spe0, spe2):
    assert condition == (h >= 1)
    assert spe0.path == ("S", "H")
    assert spe0.payoffs == (-1, -1)
    assert spe2.path == ("D", "L")
    assert spe2.payoffs == (3, 3)


def after_normal_form(normal_form, nash_profiles, spe_profiles):
    assert normal_form.shape == (27, 3)
    assert spe_profiles == [("H/H/H", "S")]
    assert ("H/E/H", "D") in nash_profiles
    assert ("H/E/H", "D") not in spe_profiles


def after_after_slow_walk(hold, escalate, no_lever):
    import sympy as sp

    assert (hold, escalate) == (-1, -3)
    assert no_lever.spe_conditions(["S", "E"]) == sp.false


def after_rolling(swing, K_value):
    import sympy as sp

    assert swing == sp.sympify("re_supply_us + m*re_loss_us")
    assert K_value == 8


def after_needed(needed, K, K_value, tau):
    import sympy as sp

    assert needed.subs({K: K_value, tau: 6}) == 1 / sp.sqrt(2)
    assert round(float(needed.subs({K: K_value, tau: 60})), 2) == 0.97
    assert sp.limit(needed.subs(K, K_value), tau, sp.oo) == 1


def after_credible_lever(cell, credible_swing, K_credible, needed, K, tau):
    import sympy as sp

    assert cell("H", "W")[1] == -3
    assert cell("H", "S")[1] == -1
    assert cell("H", "W")[1] < cell("H", "D")[1]
    assert credible_swing == sp.sympify("re_supply_us + re_slow_us")
    assert K_credible == 5
    six_months = needed.subs({K: K_credible, tau: 6})
    assert sp.simplify(six_months - 5 ** sp.Rational(-1, 6)) == 0
    assert round(float(six_months), 2) == 0.76


def after_dashboard(dashboard):
    pure = [eq.profile for eq in dashboard.equilibria if eq.is_pure]
    assert pure == [("Renege/Renege", "Slow-walk")]
    dashboard.set(h=2)
    pure = [eq.profile for eq in dashboard.equilibria if eq.is_pure]
    assert ("Honour/Renege", "Deliver") in pure
    assert ("Renege/Renege", "Slow-walk") in pure
    dashboard.set(h=0)


def after_solution_1(clock_condition, g):
    import sympy as sp

    assert sp.solve(clock_condition, g).canonical == (g >= 1)


def after_solution_2(profiles, perfect, delivered):
    assert profiles == [("Honour/Renege", "Deliver"), ("Renege/Renege", "Slow-walk")]
    assert perfect == [("Honour/Renege", "Deliver")]
    assert delivered["Renege"].payoffs[0] < delivered["Honour"].payoffs[0]


def after_solution_3(longest, rolling_condition, K, K_value, delta, tau):
    import sympy as sp

    assert len(longest) == 1
    assert 9 < float(longest[0]) < 10
    at = {K: K_value, delta: sp.Rational(4, 5)}
    assert rolling_condition.subs({**at, tau: 6}) == sp.true
    assert rolling_condition.subs({**at, tau: 12}) == sp.false


def after_solution_4(bond_condition, b):
    import sympy as sp

    assert sp.solve(bond_condition, b).canonical == (b >= 1)
