"""What notebook 10 (bluff or resolve?) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_resolve(resolve):
    import sympy as sp

    a = sp.Symbol("a", positive=True)
    assert resolve == (a >= 3)  # hands tied once the audience cost reaches c = 3


def after_equilibria(equilibria):
    import sympy as sp

    p, a = sp.Symbol("p", positive=True), sp.Symbol("a", positive=True)
    assert [eq.kind for eq in equilibria] == ["pooling", "pooling", "semi-separating"]
    tied, credible, bluffing = equilibria
    assert tied.condition == (a >= 3)
    assert credible.condition == sp.And(a < 3, p >= sp.Rational(1, 5))
    assert bluffing.condition == sp.And(a < 3, p < sp.Rational(1, 5))
    for eq in (tied, credible):  # both types threaten and China concedes
        assert eq.sender["resolved"]["Threaten"] == eq.sender["irresolute"]["Threaten"] == 1
        assert eq.response("Threaten") == "Concede"
    # the resolved US threatens; the irresolute US and China both mix
    assert bluffing.sender["resolved"]["Threaten"] == 1
    assert bluffing.sender["irresolute"]["Threaten"].subs(p, sp.Rational(1, 10)) == sp.Rational(
        4, 9
    )
    assert bluffing.receiver["Threaten"]["Resist"].subs(a, 1) == sp.Rational(1, 2)


def after_deter(deter):
    import sympy as sp

    p, a = sp.Symbol("p", positive=True), sp.Symbol("a", positive=True)
    assert deter == sp.Or(a >= 3, p >= sp.Rational(1, 5))


def after_mix(mix):
    import sympy as sp

    p, a = sp.Symbol("p", positive=True), sp.Symbol("a", positive=True)
    assert sp.simplify(mix["bluff"] - 4 * p / (1 - p)) == 0
    assert sp.simplify(mix["resist"] - 1 / (1 + a)) == 0
    assert sp.simplify(mix["deters"] - a / (1 + a)) == 0
    assert sp.simplify(mix["war"] - p / (1 + a)) == 0
    # a higher audience cost: the threat works more often, war is rarer, bluffing unchanged
    assert sp.cancel(sp.diff(mix["deters"], a)).is_positive
    assert sp.cancel(sp.diff(mix["war"], a)).is_negative
    assert sp.diff(mix["bluff"], a) == 0


def after_works(works):
    assert works.min() >= 0
    assert works.max() == 1
    assert (works < 1).any()  # the bluffing region, where China sometimes resists


def after_delay(delay):
    import sympy as sp

    immediate, delayed = delay["immediate"], delay["delayed"]
    assert immediate.kind == "pooling"
    assert immediate.response("Threaten") == "Concede"
    assert delayed.kind == "semi-separating"
    assert delayed.beliefs["Threaten"]["resolved"] == sp.Rational(1, 5)  # up from 1/10
    assert delayed.receiver["Threaten"]["Resist"] == sp.Rational(1, 2)  # half the time


def after_solution_1(exercise_1):
    import sympy as sp

    assert exercise_1 == {
        "bluff": sp.Rational(4, 9),
        "resist": sp.Rational(1, 3),
        "deters": sp.Rational(2, 3),
        "war": sp.Rational(1, 30),
    }


def after_solution_2(exercise_2):
    import sympy as sp

    a = sp.Symbol("a", positive=True)
    assert exercise_2 == (a >= 3, sp.true)


def after_solution_3(exercise_3):
    import sympy as sp

    p, a = sp.Symbol("p", positive=True), sp.Symbol("a", positive=True)
    assert exercise_3 == sp.Or(a >= 2, p >= sp.Rational(1, 4))


def after_solution_4(belief_after_threat, war):
    import sympy as sp

    p, a = sp.Symbol("p", positive=True), sp.Symbol("a", positive=True)
    assert belief_after_threat == sp.Rational(1, 5)  # 1/k, whatever a is
    assert sp.simplify(war - p / (1 + a)) == 0


def after_dashboard(dashboard):
    assert set(dashboard.sliders) == {"p", "a", "c"}
    assert "semi-separating" in dashboard.table.value  # p = 1/10, a = 1 < c = 3: bluffing
    dashboard.sliders["a"].value = 4.0  # past c = 3: hands tied
    assert "deters for sure" in dashboard.table.value
    assert "semi-separating" not in dashboard.table.value
    dashboard.sliders["a"].value = 1.0
    dashboard.sliders["p"].value = 0.3  # past 1/5: credible pooling
    assert "deters for sure" in dashboard.table.value
