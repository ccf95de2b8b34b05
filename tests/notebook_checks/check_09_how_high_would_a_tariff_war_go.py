"""What notebook 9 (how high would a tariff war go?) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_closed_form(closed_form):
    import sympy as sp

    # derived here from the model's equations, independently of the package
    t, Q = sp.symbols("t Q", positive=True)
    eta, eps = sp.Symbol("eta_US", positive=True), sp.Symbol("epsilon_China", positive=True)
    pi = (eta + eps) / (eps + eta * (1 + t))  # world price, baseline tariff 0
    M = Q * (1 - eps + eps * pi)
    home = M**2 / (2 * Q * eta) + t * pi * M  # surplus + revenue (the export side is fixed)
    expected = (eps + eta) / (eps**2 + 2 * eps * eta - eta)
    assert sp.simplify(closed_form[0] - expected) == 0
    assert sp.simplify(sp.diff(home, t).subs(t, expected)) == 0  # first-order condition
    values = {eta: 2, eps: 3, Q: 100}
    assert sp.diff(home, t, 2).subs(t, expected).subs(values) < 0  # a maximum
    # the US's tariff does not involve China's tariff or China's elasticities
    assert closed_form[0].free_symbols == {eta, eps}
    assert closed_form[1].free_symbols == {
        sp.Symbol("eta_China", positive=True),
        sp.Symbol("epsilon_US", positive=True),
    }


def after_calibration(US_CHINA_2024, flows):
    assert [round(v, 1) for v in flows] == [438.9, 143.5]  # the 2024 flows at the baseline
    sourced = {k for k, v in US_CHINA_2024.items() if not v.stylised}
    assert sourced == {"us_imports_from_china", "us_exports_to_china", "us_baseline_tariff"}
    assert all(
        "elasticity" in k or k == "china_baseline_tariff"
        for k, v in US_CHINA_2024.items()
        if v.stylised
    )
    assert US_CHINA_2024["us_export_supply_elasticity"].value == 1.5
    assert US_CHINA_2024["china_export_supply_elasticity"].value == 3.0


def after_outcomes(nash, nash_tariffs, cooperative, leaders):
    assert [round(t, 3) for t in nash_tariffs] == [0.311, 0.603]
    assert nash.verified is not False
    assert [round(float(w), 1) for w in nash.payoffs] == [-8.0, -27.7]
    assert [float(t) for t in cooperative.strategies] == [0.0, 0.0]  # free trade
    for outcome in leaders.values():  # flat reaction curves: no first-mover advantage
        assert [round(float(t), 6) for t in outcome.strategies] == [
            round(t, 6) for t in nash_tariffs
        ]
    assert nash_tariffs[1] > nash_tariffs[0]  # China taxes the less elastic US supply


def after_johnson(local, nash_tariffs):
    assert round(local["US"], 3) == 3.219
    assert round(local["China"], 3) == 1.659
    for player, rate in zip(("US", "China"), nash_tariffs, strict=True):
        assert abs(1 / local[player] - rate) < 1e-9  # Johnson's t* = 1/epsilon*, locally


def after_curves(ax):
    labels = {text.get_text() for text in ax.texts}
    assert {"Geneva", "London", "April"} <= labels
    assert ax.get_xlim() == (0.0, 1.6)


def after_april(war, april, nash_tariffs, prohibitive, april_imports, flows, escalation):
    import numpy as np
    import sympy as sp

    assert [round(a / n, 1) for a, n in zip(april, nash_tariffs, strict=True)] == [4.7, 2.1]
    assert [round(t, 3) for t in prohibitive] == [1.718, 4.4]
    assert [round(v, 1) for v in april_imports] == [39.1, 47.8]
    assert [round(1 - v / f, 2) for v, f in zip(april_imports, flows, strict=True)] == [0.91, 0.67]
    assert sorted(str(d) for d in escalation.dominated_strategies()) == [
        "China's '125%' is strictly dominated by '60.27%'",
        "US's '145%' is strictly dominated by '31.07%'",
    ]
    # any tariff above the Nash tariff costs its setter, whatever the other side's tariff
    t_us, t_cn = war.tariff_symbols
    w_us, w_cn = (sp.lambdify((t_us, t_cn), w, "numpy") for w in war.objectives())
    other = np.linspace(0, 1.6, 17)
    for above in np.linspace(nash_tariffs[0] + 0.05, min(1.6, prohibitive[0]), 12):
        assert (w_us(above, other) < w_us(nash_tariffs[0], other)).all()
    for above in np.linspace(nash_tariffs[1] + 0.05, 1.6, 12):
        assert (w_cn(other, above) < w_cn(other, nash_tariffs[1])).all()


def after_table(table):
    rounded = {label: [round(w, 1) for w in table[label]] for label in table.labels}
    assert rounded == {
        "free trade": [0.0, 0.0],
        "2024 baseline": [9.6, -22.0],
        "Nash": [-8.0, -27.7],
        "Geneva (14 May)": [19.8, -40.2],
        "London (11 June)": [7.9, -65.7],
        "April peak": [-191.3, -95.2],
    }
    for label in table.labels:  # free trade maximises the sum
        assert sum(table[label]) <= 1e-9
    april = table["April peak"]
    assert april[0] < april[1]  # the US loses more than China in April


def after_dilemma(dilemma, us, china):
    assert dilemma.strategies == (("0%", "31.07%"), ("0%", "60.27%"))
    assert [eq.profile for eq in dilemma.equilibria()] == [("31.07%", "60.27%")]
    # T > R > P > S for each player, with the numbers the prose gives
    T, R, P, S = us[1, 0], us[0, 0], us[1, 1], us[0, 1]
    assert T > R > P > S
    assert [round(float(v), 1) for v in (T, R, P, S)] == [28.7, 0.0, -8.0, -36.6]
    T, R, P, S = china[0, 1], china[0, 0], china[1, 1], china[1, 0]
    assert T > R > P > S
    assert [round(float(v), 1) for v in (T, R, P, S)] == [22.1, 0.0, -27.7, -49.8]
    assert len(dilemma.dominated_strategies()) == 2  # both tariffs dominant


def after_truce(thresholds, us, china):
    assert [round(d, 3) for d in thresholds] == [0.783, 0.444]
    # the textbook threshold (T - R) / (T - P) from the calibrated payoffs
    us_star = (us[1, 0] - us[0, 0]) / (us[1, 0] - us[1, 1])
    cn_star = (china[0, 1] - china[0, 0]) / (china[0, 1] - china[1, 1])
    assert abs(thresholds[0] - us_star) < 1e-9
    assert abs(thresholds[1] - cn_star) < 1e-9
    # above notebook 3's stylised thresholds, 0.25 and 0.125
    assert thresholds[0] > 0.25
    assert thresholds[1] > 0.125


def after_solution_1(exercise_1):
    assert [round(t, 3) for t in exercise_1] == [0.604, 0.603]


def after_solution_2(exercise_2):
    import sympy as sp

    assert exercise_2 == sp.Rational(5, 19)
    # the elasticity of X = Q (3 pi - 2) at the Nash world price 19/21 is 19/5
    pi = sp.Rational(5) / (5 + 2 * exercise_2)
    assert pi == sp.Rational(19, 21)
    assert 3 * pi / (3 * pi - 2) == sp.Rational(19, 5) == 1 / exercise_2


def after_solution_3(exercise_3, war, nash):
    import pytest

    import negotiation as ng

    (us_geneva, us_nash), (cn_geneva, cn_nash) = exercise_3["US"], exercise_3["China"]
    assert us_geneva > us_nash
    assert cn_geneva < cn_nash  # China prefers the war to Geneva's rates
    assert [round(v, 1) for v in (us_geneva, us_nash, cn_geneva, cn_nash)] == [
        19.8,
        -8.0,
        -40.2,
        -27.7,
    ]
    # the grim trigger cannot hold China at Geneva: RepeatedGame refuses the target
    geneva = war.to_game({"US": [0.30, nash.strategies[0]], "China": [0.10, nash.strategies[1]]})
    with pytest.raises(ng.NegotiationError, match="gives China"):
        ng.RepeatedGame(geneva).critical_discounts(("30%", "10%"))


def after_solution_4(exercise_4):
    nash, cooperative = exercise_4
    assert [round(t, 3) for t in nash] == [0.363, 0.666]
    assert [round(t, 3) for t in cooperative] == [0.057, 0.056]
    assert min(cooperative) > 0


def after_dashboard(dashboard):
    import sympy as sp

    from negotiation.trade import TariffWar

    def tariffs():
        return [float(t) for t in dashboard.equilibria[0].strategies]

    def shown(us, china):  # the table's row of Nash tariffs, in percent
        return f"<td>{us}</td><td>{china}</td>" in dashboard.table.value

    # the five stylised numbers, grouped by import market as the prose says
    assert [(s.issue, s.name) for s in dashboard.specs] == [
        ("Imports from China", "eta_US"),
        ("Imports from China", "epsilon_China"),
        ("Imports from the United States", "eta_China"),
        ("Imports from the United States", "epsilon_US"),
        ("Imports from the United States", "t0_China"),
    ]
    assert dashboard.plot == "reaction_curves"
    assert shown("31.1%", "60.3%")  # the starting state: section 3's Nash tariffs
    assert "Welfare in $bn a year relative to free trade" in dashboard.table.value
    assert any(t.get_text().startswith("April peak") for t in dashboard.axes.texts)
    start, picture = tariffs(), bytes(dashboard.image.value)

    # a more elastic Chinese export supply: a lower US Nash tariff, China's unchanged
    falling = []
    for value, us in ((5.0, "20.1%"), (10.0, "11.2%")):
        dashboard.sliders["epsilon_China"].value = value  # as a student drags the slider
        assert shown(us, "60.3%")
        assert f"{tariffs()[0]:.1%}" == us
        falling.append(tariffs())
    assert start[0] > falling[0][0] > falling[1][0]
    assert start[1] == falling[0][1] == falling[1][1]
    assert bytes(dashboard.image.value) != picture  # the picture redraws
    # Johnson's t* = 1/epsilon*, with the elasticity at the new Nash point
    market = TariffWar(export_supply_elasticities=(1.5, 10.0)).markets()[0]
    slope = sp.diff(market.imports, market.t) / sp.diff(market.world_price, market.t)
    local = (slope * market.world_price / market.imports).subs(market.t, falling[1][0])
    assert abs(1 / float(local) - falling[1][0]) < 1e-9

    dashboard.sliders["epsilon_China"].value = 1.5  # Exercise 1
    assert shown("60.4%", "60.3%")
    dashboard.sliders["epsilon_China"].value = 3.0

    # the US import-demand elasticity hardly moves the US tariff but moves welfare
    welfare = []
    for value, us, table in ((0.5, 0.324, "32.4%"), (6.0, 0.300, "30%")):
        dashboard.sliders["eta_US"].value = value
        assert [round(t, 3) for t in tariffs()] == [us, 0.603]
        assert shown(table, "60.3%")
        welfare.append(float(dashboard.equilibria[0].payoffs[0]))
    assert welfare[1] - welfare[0] > 40  # -27.5 to +17.6 ($bn a year)
    dashboard.sliders["eta_US"].value = 2.0
    assert tariffs() == start
