"""What notebook 9 (how high would a tariff war go?) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads. Where the prose states a number, the
check derives it a second way (by hand, with sympy) where it can.
"""


def after_market(m, t, Q, t0, eta, eps):
    import sympy as sp

    # calibrated: at the baseline tariff the world price is 1 and imports are Q
    assert sp.simplify(m.world_price.subs(t, t0) - 1) == 0
    assert sp.simplify(m.imports.subs(t, t0) - Q) == 0
    # and the world price falls as the importer's tariff rises (terms of trade)
    assert sp.simplify(sp.diff(m.world_price, t)).is_negative


def after_calibration(calibration):
    values = dict(zip(calibration["input"], calibration["value"], strict=True))
    assert values["us_imports_from_china"] == 438.9
    assert values["us_exports_to_china"] == 143.5
    stylised = set(calibration.loc[calibration["stylised"], "input"])
    assert {k for k in values if "elasticity" in k} <= stylised
    assert "us_imports_from_china" not in stylised


def after_flows(flows):
    assert abs(float(flows[0]) - 438.9) < 1e-9
    assert abs(float(flows[1]) - 143.5) < 1e-9


def after_best_response(best, war, t_us, t_cn):
    import sympy as sp

    # prohibitive rates quoted in the prose: 172% and 440%
    pro = [float(x) for x in war.prohibitive_tariffs()]
    assert round(pro[0], 2) == 1.72
    assert round(pro[1], 2) == 4.4
    # the first-order condition solved by hand (sympy), independent of the package's solver
    w_us = war.objectives()[0]
    (root,) = [r for r in sp.solve(sp.diff(w_us, t_us), t_us) if r.is_real and 0 < r < 1]
    assert sp.simplify(sp.diff(w_us, t_us, 2).subs(t_us, root)) < 0
    for against in (0, sp.Rational(1, 10), sp.Rational(5, 4)):  # flat: the same reply
        assert sp.nsimplify(best["US"].at({t_cn: against})) == sp.nsimplify(root)
    # the hand formula (eps(1+t0) + eta(1+eps t0)) / (eps^2(1+t0) + eps eta(2+t0) - eta)
    eps_, eta_, b = 3, 2, sp.Rational(26, 125)
    hand = (eps_ * (1 + b) + eta_ * (1 + eps_ * b)) / (
        eps_**2 * (1 + b) + eps_ * eta_ * (2 + b) - eta_
    )
    assert best["US"].at({t_cn: 0}) == hand


def after_reaction(curves):
    import numpy as np

    # flat reaction curves, crossing at the Nash tariffs
    assert np.ptp(curves.reaction_x) < 1e-6
    assert np.ptp(curves.reaction_y) < 1e-6
    np.testing.assert_allclose(curves.nash, [[0.310669, 0.602740]], atol=1e-6)
    np.testing.assert_allclose(curves.cooperative, [0, 0], atol=1e-6)


def after_johnson(johnson):
    import sympy as sp

    us_rule, _, us_nash = johnson["US"]
    assert us_rule == sp.Rational(1, 3)  # "the rule evaluated there says 33%"
    assert round(float(us_nash), 3) == 0.311
    for rule, local, nash in johnson.values():
        assert abs(float(local - nash)) < 1e-12  # Johnson's rule holds exactly at the optimum
        assert float(nash) < float(rule)  # the tariff lowers the world price, raising 1/e


def after_nash(nash):
    assert nash.method == "closed_form"
    assert nash.verified
    assert [round(float(t), 3) for t in nash.strategies] == [0.311, 0.603]
    assert [round(float(w), 1) for w in nash.payoffs] == [-8.0, -27.7]


def after_welfare(table, april):
    assert table.labels == (
        "free trade",
        "2024 baseline",
        "Nash",
        "Geneva (14 May)",
        "London (11 June)",
        "April peak",
    )
    rounded = {label: [round(w, 1) for w in table[label]] for label in table.labels}
    assert rounded["Nash"] == [-8.0, -27.7]
    assert rounded["April peak"] == [-191.3, -95.2]
    assert rounded["Geneva (14 May)"] == [19.8, -40.2]
    # both lose more at April than in the Nash war, and both lose in the war
    assert all(a < n < 0 for a, n in zip(table["April peak"], table["Nash"], strict=True))
    # Geneva: better than free trade for the US, worse than the Nash war for China
    assert table["Geneva (14 May)"][0] > 0 > table["Nash"][1] > table["Geneva (14 May)"][1]
    assert round(float(april[0])) == 39


def after_outcomes(war, nash):
    for leader in war.players:
        s = war.stackelberg(leader).strategies
        assert all(abs(float(a - b)) < 1e-9 for a, b in zip(s, nash.strategies, strict=True))
    assert tuple(war.cooperative().strategies) == (0, 0)


def after_pd(pd_game, rounded):
    assert pd_game.strategies == (("0%", "31.07%"), ("0%", "60.27%"))
    assert [eq.profile for eq in pd_game.equilibria()] == [("31.07%", "60.27%")]
    assert rounded.payoffs[0][1][0] == 28.7  # the US temptation quoted in the prose


def after_pd_order(letters):
    for player, v in letters.items():
        assert v["T"] > v["R"] > v["P"] > v["S"], player
    assert round(letters["US"]["T"], 1) == 28.7
    assert round(letters["US"]["P"], 1) == -8.0
    assert round(letters["China"]["P"], 1) == -27.7
    assert letters["US"]["T"] > letters["China"]["T"]


def after_patience(deltas, letters):
    # (T - R)/(T - P), from the payoffs by hand
    for d, v in zip(deltas, letters.values(), strict=True):
        hand = (v["T"] - v["R"]) / (v["T"] - v["P"])
        assert abs(float(d) - hand) < 1e-9
    assert [round(float(d), 2) for d in deltas] == [0.78, 0.44]


def after_politics(weight, lobbied_nash, lobbied_talks, nash):
    assert abs(float(weight) - 0.9 / 50.1) < 1e-12  # (I - alpha_L)/(a + alpha_L)
    talks = [float(x) for x in lobbied_talks.strategies]
    assert all(0.03 < x < 0.05 for x in talks)  # above zero: about 4%
    # lobbying raises the war tariffs too
    assert all(
        float(a) > float(b) for a, b in zip(lobbied_nash.strategies, nash.strategies, strict=True)
    )


def after_solution_1(elastic_nash, nash):
    s = [float(x) for x in elastic_nash.strategies]
    assert round(s[0], 2) == 0.17
    assert abs(s[1] - float(nash.strategies[1])) < 1e-12  # China's tariff unchanged
    w = [round(float(x)) for x in elastic_nash.payoffs]
    assert w == [-26, 3]


def after_solution_2(gain_us, gain_cn, best_cn, nash):
    assert 0 < gain_us < 0.05
    assert round(gain_cn, 1) == 13.9
    assert best_cn == nash.strategies[1]


def after_solution_3(harsh, april_is_equilibrium, deltas):
    assert [round(float(d), 2) for d in harsh] == [0.55, 0.2]
    assert all(float(h) < float(d) for h, d in zip(harsh, deltas, strict=True))
    assert not april_is_equilibrium


def after_solution_4(talks_20):
    assert [round(float(x), 2) for x in talks_20.strategies] == [0.10, 0.10]
