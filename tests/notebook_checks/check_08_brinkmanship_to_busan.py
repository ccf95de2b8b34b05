"""What notebook 8 (brinkmanship to Busan) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_record(before, after):
    assert before.us_on_china - after.us_on_china == 57 - 47 == 10


def after_october(pure):
    assert pure == [("Escalate", "Swerve"), ("Swerve", "Escalate")]


def after_mixed(q_package, q, mixed, W, L, C):
    import sympy as sp

    assert sp.simplify(q_package - W / (W + C - L)) == 0
    assert sp.simplify(q_package - q) == 0
    assert sp.simplify(mixed.col[1] - q_package) == 0  # symmetric: China mixes the same way


def after_q_default(q_default, mixed, busan, q, C):
    import sympy as sp

    assert q_default == sp.Rational(2, 9)
    assert round(float(q_default), 2) == 0.22
    assert round(float(q_default**2), 2) == 0.05
    assert mixed.payoffs[0].subs(busan.defaults) == sp.Rational(-2, 3)
    assert sp.diff(q, C).subs(busan.defaults) < 0  # a costlier collision lowers q


def after_best_responses(october, q_default):
    from negotiation.plotting import best_responses_data

    # the axes show the probability of *swerving*: the mixed equilibrium sits at 1 - q = 7/9
    assert [float(1 - q_default)] * 2 in best_responses_data(october).equilibria.tolist()


def after_collision(collision_condition, L, C):
    assert collision_condition == (L >= C)


def after_brink(minimum_risk, p):
    import sympy as sp

    assert minimum_risk.canonical == (p >= sp.Rational(5, 12))


def after_chokepoints(share):
    assert round(share, 2) == 0.69


def after_collision_share(shares, where, collision, k):
    assert (where["crash"] <= where["backdown_loss"]).all()
    assert 0.003 < shares[collision] < 0.01
    assert shares.low[k] < shares[collision] < shares.high[k]
    assert shares["(Swerve, Escalate)"] == shares["(Escalate, Swerve)"] > 0.97


def after_q_draws(q_draws, q_default):
    assert 0.1 < q_draws.median() < float(q_default)  # below the default 2/9
    assert round(q_draws.median(), 2) == 0.16
    assert q_draws.quantile(0.05) < 0.1
    assert q_draws.quantile(0.95) > 0.4
    assert q_draws.max() > 0.9


def after_truce(busan, outcome, pure):
    assert busan.status_quo_profile == ("Escalate", "Escalate")
    assert outcome.package == "Swerve/Swerve"
    assert outcome.utilities == (0, 0)
    assert ("Swerve", "Swerve") not in pure


def after_dashboard(dashboard):
    import sympy as sp

    assert [eq.row[1] for eq in dashboard.equilibria if not eq.is_pure] == [sp.Rational(2, 9)]
    assert set(dashboard.sliders) == {"win", "backdown_loss", "crash"}


def after_solution_1(needed_C):
    assert needed_C == [21]


def after_solution_2(risk, us_expected, p):
    import sympy as sp

    assert risk.canonical == (p >= sp.Rational(5, 22))
    assert us_expected == sp.Rational(-151, 22)


def after_solution_3(narrow, narrow_q, q_draws):
    assert "(Escalate, Escalate)" not in narrow.outcomes
    assert narrow_q.quantile(0.95) - narrow_q.quantile(0.05) < 0.6 * (
        q_draws.quantile(0.95) - q_draws.quantile(0.05)
    )
