"""What notebook 4 (linkage) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_london_game(london_game, london):
    assert [eq.profile for eq in london_game.equilibria(exact=True)] == [("H", "S")]
    assert (
        london.payoff(("L", "D"), "US").subs(london.defaults),
        london.payoff(("L", "D"), "China").subs(london.defaults),
    ) == (3, 3)


def after_problems(problems):
    points = {name: dict(zip(p.labels, p.points, strict=True)) for name, p in problems.items()}
    assert problems["rare_earths"].disagreement == (-1, 0)
    assert points["rare_earths"]["rare_earths=up_front"] == (4, -1)
    assert problems["export_controls"].disagreement == (0, 0)
    assert points["export_controls"]["export_controls=lifted"] == (-2, 3)
    assert points["student_visas"]["student_visas=eased"] == (1, 2)


def after_zones(zones):
    assert zones == {"rare_earths": False, "export_controls": False, "student_visas": True}


def after_exchange(core, defaults, exchange, costly_lever, prized_controls):
    import sympy as sp

    assert [z.condition.subs(defaults) for z in core.issues] == [sp.false, sp.false]
    assert core.bundle.condition.subs(defaults) is sp.true
    assert exchange.subs(defaults) is sp.true
    assert costly_lever is sp.false
    assert prized_controls is sp.false


def after_bundle(link, nash, ks, london_package):
    import sympy as sp

    assert len(link.problem.labels) == 12
    assert link.bundle.nonempty
    assert link.creates_agreement is sp.true
    assert link.problem.disagreement == (-1, -1)
    assert nash.package == ks.package == london_package
    assert (nash.utilities, ks.utilities) == ((3, 3), (3, 3))
    assert link.zopa("student_visas").surplus == 3
    assert link.bundle.surplus == 8
    assert link.joint_gain == 5


def after_readable(readable, nash):
    assert readable.nash().utilities == nash.utilities
    assert "up/lifted/eased" in readable.labels


def after_china_pooled(china, china_k):
    import sympy as sp

    assert china.thresholds == (sp.Rational(1, 8), sp.Rational(1, 5))
    assert china.separate == (sp.true, sp.false)
    assert china_k == sp.Interval.Lopen(0, 8)


def after_us_pooled(us, us_k):
    import sympy as sp

    assert us.thresholds == (sp.Rational(1, 4), sp.Rational(1, 5))
    assert us.separate == (sp.false, sp.true)
    assert us_k == sp.Interval(12, sp.oo)


def after_dashboard(dashboard):
    assert [eq.profile for eq in dashboard.equilibria] == [("H", "S")]
    assert len(dashboard.sliders) == 7


def after_solution_1(politics, london_package, with_lotteries, game_outcomes):
    import sympy as sp

    assert not politics.zopa("student_visas").nonempty
    assert politics.bundle.nonempty
    assert politics.problem.nash().package == london_package
    assert politics.problem.nash().utilities == (1, 3)
    assert politics.joint_gain == 6
    # the reconciliation with notebook 7, as the solution states it
    assert with_lotteries.utilities == (sp.Rational(4, 3), sp.Rational(5, 2))
    assert dict(with_lotteries.package) == {
        "rare_earths=up_front & export_controls=held & student_visas=eased": sp.Rational(1, 6),
        london_package: sp.Rational(5, 6),
    }
    assert game_outcomes.utilities == (sp.Rational(6, 5), sp.Rational(8, 3))
    assert dict(game_outcomes.package) == {"L/D": sp.Rational(14, 15), "H/D": sp.Rational(1, 15)}


def after_solution_2(limit, just_below, at_limit):
    import sympy as sp

    assert limit == sp.Interval.open(-sp.oo, 3)
    assert just_below.bundle.nonempty
    assert not at_limit.bundle.nonempty


def after_solution_3(us_18, holds_for, gap_low, gap_high):
    import sympy as sp

    assert us_18.separate == (sp.false, sp.false)
    assert holds_for == sp.EmptySet
    assert gap_low.is_positive
    assert gap_high.is_positive
