"""What notebook 7 (ratification at home) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_remark(remark):
    assert remark.uncertain


def after_per_year(latest):
    assert latest.academic_year == "2024/25"
    assert latest.chinese == 265_919
    assert 2.2 < 600_000 / latest.chinese < 2.3
    assert 1.1 < 300_000 / latest.chinese < 1.2
    assert round(600_000 / latest.chinese, 2) == 2.26
    assert round(300_000 / latest.chinese, 2) == 1.13


def after_nash_us(nash_us, c, us_only):
    import sympy as sp

    assert nash_us == sp.Min(1, sp.Max(sp.Rational(1, 2), c))
    assert nash_us.subs(c, sp.Rational(2, 5)) == sp.Rational(1, 2)
    assert nash_us.subs(c, sp.Rational(3, 5)) == sp.Rational(3, 5)
    assert us_only.subs(c=sp.Rational(6, 5)).agreement_possible == sp.false


def after_both(both, c, k):
    import sympy as sp

    assert both.ratifiable_interval() == (c, 1 - k)
    assert both.subs(c=sp.Rational(3, 5), k=sp.Rational(2, 5)).agreement_possible == sp.true
    assert both.subs(c=sp.Rational(3, 5), k=sp.Rational(1, 2)).agreement_possible == sp.false


def after_approval(approval):
    import sympy as sp

    assert approval.ratifiable_packages() == ("L/D", "H/S")
    assert approval.agreement_possible == sp.true
    assert approval.nash().utilities == (3, 3)


def after_narrowing(shift, approval, u1):
    import sympy as sp

    assert shift.after.utilities == (sp.Rational(16, 5), 2)
    assert shift.change == (sp.Rational(1, 5), -1)
    assert set(dict(shift.after.package)) == {"L/D", "H/D"}
    assert approval.narrow("US", u1 >= sp.Rational(19, 5)).agreement_possible == sp.false


def after_visa_cost(deal_value, info):
    assert deal_value.coeff(info.symbol) == -1


def after_costs(costly):
    import sympy as sp

    assert costly.utilities == (sp.Rational(6, 5), sp.Rational(8, 3))


def after_reconcile(reconciled):
    import sympy as sp

    one, two, three, four = reconciled.values()
    assert one.utilities == three.utilities == (1, 3)
    assert one.package == "rare_earths=up_front & export_controls=lifted & student_visas=eased"
    assert three.package == "L/D"
    assert two.utilities == (sp.Rational(4, 3), sp.Rational(5, 2))
    assert dict(two.package)[
        "rare_earths=up_front & export_controls=held & student_visas=eased"
    ] == sp.Rational(1, 6)
    assert four.utilities == (sp.Rational(6, 5), sp.Rational(8, 3))
    assert dict(four.package) == {"L/D": sp.Rational(14, 15), "H/D": sp.Rational(1, 15)}


def after_expected(expected_us):
    import sympy as sp

    assert expected_us(sp.Rational(7, 10)) == (sp.Rational(21, 100), sp.Rational(3, 10))
    assert expected_us(0)[0] == sp.Rational(3, 8)


def after_solution_1(china_shift, approval, u2):
    import sympy as sp

    assert china_shift.after.utilities == (sp.Rational(1, 2), sp.Rational(7, 2))
    assert set(dict(china_shift.after.package)) == {"L/D", "L/S"}
    assert approval.narrow("China", u2 >= sp.Rational(19, 5)).agreement_possible == sp.false
    assert approval.narrow("China", u2 >= sp.Rational(37, 10)).agreement_possible == sp.true


def after_solution_2(first, both):
    import sympy as sp

    assert first.nash().utilities == (sp.Rational(3, 5), sp.Rational(2, 5))
    assert both.subs(c=sp.Rational(3, 5), k=sp.Rational(1, 2)).agreement_possible == sp.false


def after_solution_3(values):
    import sympy as sp

    assert max(values, key=values.get) == sp.Rational(4, 5)
    assert values[sp.Rational(4, 5)] == sp.Rational(4, 5)
