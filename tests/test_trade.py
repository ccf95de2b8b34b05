"""Trade models: Johnson's optimal tariff, the calibrated US-China tariff war, Grossman-Helpman.

The linear model's closed forms are re-derived here from its equations with
plain sympy, independently of :mod:`negotiation.trade.tariff_war`.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import negotiation as ng
from negotiation.errors import TradeModelError
from negotiation.trade import (
    TARIFF_RATES_2025,
    US_CHINA_2024,
    TariffWar,
    optimal_tariff,
    political_economy,
    political_weight,
)

t, t0, eta, eps, Q = sp.symbols("t t0 eta epsilon Q", positive=True)


def independent_market(tariff, Q, t0, eta, eps):
    """World price, imports, importer surplus + revenue, exporter surplus (written afresh)."""
    # clearing: Q(1 + eta - eta (1+t) pi / (1+t0)) = Q(1 - eps + eps pi)
    pi_ = sp.Symbol("pi_")
    world = sp.solve(
        sp.Eq(Q * (1 + eta - eta * (1 + tariff) * pi_ / (1 + t0)), Q * (1 - eps + eps * pi_)), pi_
    )[0]
    imports = Q * (1 - eps + eps * world)
    # area under the linear import demand above the domestic price: M**2 / (2 |slope|)
    home = imports**2 / (2 * Q * eta / (1 + t0)) + tariff * world * imports
    away = sp.integrate(Q * (1 - eps + eps * pi_), (pi_, 0, world))
    return world, imports, home, away


# ------------------------------------------------------------------------ Johnson
def test_optimal_tariff_is_one_over_the_export_supply_elasticity():
    assert optimal_tariff(2) == sp.Rational(1, 2)
    assert optimal_tariff(eps) == 1 / eps
    assert optimal_tariff(float("inf")) == 0
    with pytest.raises(TradeModelError, match="must be positive; got 0"):
        optimal_tariff(0)
    with pytest.raises(TradeModelError, match="is the string"):
        optimal_tariff("elastic")


def test_linear_tariff_war_nash_tariff_matches_the_hand_derived_formula():
    _, _, home, _ = independent_market(t, Q, t0, eta, eps)
    hand = sp.solve(sp.diff(home, t), t)
    assert len(hand) == 1
    formula = (eps * (1 + t0) + eta * (1 + eps * t0)) / (
        eps**2 * (1 + t0) + eps * eta * (2 + t0) - eta
    )
    assert sp.simplify(hand[0] - formula) == 0
    # the package's closed form, symbolic in the elasticities (free-trade baseline)
    war = TariffWar.symbolic(baseline_tariffs=(0, 0))
    nash = war.nash()
    assert nash.method == "closed_form"
    eta_us, eps_cn = sp.symbols("eta_US epsilon_China", positive=True)
    assert sp.simplify(nash.strategies[0] - formula.subs({t0: 0, eta: eta_us, eps: eps_cn})) == 0
    # and the calibrated numbers, exactly
    default = TariffWar()
    exact = default.nash().strategies
    e_us, e_cn = (sp.Rational(str(v)) for v in default.import_demand_elasticities)
    x_us, x_cn = (sp.Rational(str(v)) for v in default.export_supply_elasticities)
    assert exact[0] == formula.subs({t0: sp.Rational("0.208"), eta: e_us, eps: x_cn})
    assert exact[1] == formula.subs({t0: sp.Rational("0.2"), eta: e_cn, eps: x_us})


def test_nash_tariffs_satisfy_johnson_at_the_local_elasticity():
    war = TariffWar()
    nash = war.nash().strategies
    for i, (Qi, t0i, ei, xi) in enumerate(
        zip(
            war.imports,
            war.baseline_tariffs,
            war.import_demand_elasticities,
            war.export_supply_elasticities[::-1],
            strict=True,
        )
    ):
        world, imports, _, _ = independent_market(nash[i], Qi, t0i, ei, xi)
        local = xi * world * Qi / imports  # elasticity of X = Q(1 - eps + eps pi) at pi
        assert float(nash[i]) == pytest.approx(float(optimal_tariff(local)), rel=1e-12)


# ------------------------------------------------------------------------ calibration
def test_calibration_reproduces_the_2024_flows_at_the_baseline_tariffs():
    war = TariffWar()
    flows = war.imports_at(*war.baseline_tariffs)
    assert flows == (sp.Rational("438.9"), sp.Rational("143.5"))
    assert US_CHINA_2024["us_imports_from_china"].value == 438.9
    assert not US_CHINA_2024["us_imports_from_china"].stylised
    assert US_CHINA_2024["us_export_supply_elasticity"].stylised
    assert "Fajgelbaum" in US_CHINA_2024["china_export_supply_elasticity"].source


def test_welfare_at_the_2025_rates():
    war = TariffWar()
    table = war.welfare_table()
    assert table.labels == (
        "free trade",
        "2024 baseline",
        "Nash",
        "Geneva (14 May)",
        "London (11 June)",
        "April peak",
    )
    assert table["free trade"] == (0.0, 0.0)
    us_nash, cn_nash = table["Nash"]
    # the calibrated war is a prisoner's dilemma: both lose against free trade ...
    assert us_nash < 0
    assert cn_nash < 0
    # ... and April's rates, far above the Nash tariffs, are worse for both than the Nash war
    us_apr, cn_apr = table["April peak"]
    assert us_apr < us_nash
    assert cn_apr < cn_nash
    assert TARIFF_RATES_2025["April peak"] == (1.45, 1.25)
    # independent evaluation of the US at Geneva
    m1 = independent_market(sp.Rational("0.3"), sp.Rational("438.9"), sp.Rational("0.208"), 2, 3)
    m1_free = independent_market(0, sp.Rational("438.9"), sp.Rational("0.208"), 2, 3)
    m2 = independent_market(
        sp.Rational("0.1"), sp.Rational("143.5"), sp.Rational("0.2"), 2, sp.Rational("1.5")
    )
    m2_free = independent_market(0, sp.Rational("143.5"), sp.Rational("0.2"), 2, sp.Rational("1.5"))
    us_geneva = (m1[2] - m1_free[2]) + (m2[3] - m2_free[3])
    assert table["Geneva (14 May)"][0] == pytest.approx(float(us_geneva), rel=1e-12)
    assert "April peak" in str(table)
    assert "<table>" in table._repr_html_()


def test_prohibitive_tariffs_stop_trade():
    war = TariffWar()
    pro = war.prohibitive_tariffs()
    flows = war.imports_at(*pro)
    assert flows[0] == 0
    assert flows[1] == 0
    assert war.welfare(10, 0) == war.welfare(pro[0], 0)  # above prohibitive: no more change


def test_cooperative_is_free_trade_and_stackelberg_equals_nash():
    war = TariffWar()
    assert war.cooperative().strategies == (0, 0)
    nash = war.nash().values()
    for leader in ("US", "China"):
        np.testing.assert_allclose(war.stackelberg(leader).values(), nash, atol=1e-9)
    # a government weighing the other's welfare half as much still sets positive tariffs
    assert all(v > 0 for v in war.cooperative({"US": 1, "China": 0.5}).values()[:1])


def test_reaction_curves_are_flat_because_the_markets_are_separate():
    br = TariffWar().game().best_response("US")
    t_cn = sp.Symbol("t_China")
    assert not br.expression.has(t_cn)


# ------------------------------------------------------------------------ the finite game and the truce
def test_to_game_gives_a_prisoners_dilemma_and_the_truce_discount_factor():
    war = TariffWar()
    nash = war.nash().strategies
    pd = war.to_game({"US": [0, nash[0]], "China": [0, nash[1]]})
    labels = pd.strategies
    assert [e.profile for e in pd.equilibria()] == [(labels[0][1], labels[1][1])]
    # both prefer free trade to the war
    A, B = pd.payoff_arrays()
    assert A[0, 0] > A[1, 1]
    assert B[0, 0] > B[1, 1]
    # critical discount factor (T - R)/(T - P), each from the welfare function directly
    w = war.welfare
    T_us, R_us, P_us = (float(w(nash[0], 0)[0]), float(w(0, 0)[0]), float(w(*nash)[0]))
    T_cn, R_cn, P_cn = (float(w(0, nash[1])[1]), float(w(0, 0)[1]), float(w(*nash)[1]))
    rg = ng.RepeatedGame(pd)
    deltas = rg.critical_discounts((labels[0][0], labels[1][0]))
    assert float(deltas[0]) == pytest.approx((T_us - R_us) / (T_us - P_us), rel=1e-9)
    assert float(deltas[1]) == pytest.approx((T_cn - R_cn) / (T_cn - P_cn), rel=1e-9)


def test_april_rates_are_not_best_responses():
    war = TariffWar()
    game = war.to_game({"US": [0.30, 1.45], "China": [0.10, 1.25]})
    A, B = game.payoff_arrays()
    assert game.strategies == (("30%", "145%"), ("10%", "125%"))
    assert (A[0] > A[1]).all()  # for the US, 145% is dominated by 30%
    assert (B[:, 1] > B[:, 0]).all()  # for China, 125% beats 10% ...
    nash_cn = war.nash().strategies[1]
    for t_us in (0.30, 1.45):  # ... but both lose to its best response, about 60%
        best = float(war.welfare(t_us, nash_cn)[1])
        assert best > float(war.welfare(t_us, 1.25)[1]) > float(war.welfare(t_us, 0.10)[1])


def test_sweep_over_two_elasticities_uses_the_compiled_closed_form():
    war = TariffWar.symbolic(baseline_tariffs=(0, 0)).subs(eta_US=2, eta_China=2)
    grid = {"epsilon_China": np.linspace(1.5, 4, 6), "epsilon_US": np.linspace(1.5, 4, 5)}
    result = war.game().sweep(grid=grid)
    assert result.method == "closed_form"
    assert result.found.all()
    e = np.linspace(1.5, 4, 6)
    np.testing.assert_allclose(result.strategy("US")[:, 0], (e + 2) / (e**2 + 4 * e - 2))


# ------------------------------------------------------------------------ Grossman-Helpman
def test_political_economy_formula_and_weight():
    a, alpha, z, e = sp.symbols("a alpha_L z e", positive=True)
    assert political_weight(a, alpha) == (1 - alpha) / (a + alpha)
    assert political_weight(a, alpha, organised=False) == -alpha / (a + alpha)
    assert political_economy(a, alpha, z, e, eps) == (1 - alpha) / (a + alpha) * z / e + 1 / eps
    assert political_economy(a, alpha, z, e) == (1 - alpha) / (a + alpha) * z / e  # small country
    with pytest.raises(TradeModelError, match="in \\[0, 1\\]"):
        political_weight(10, 1.5)
    with pytest.raises(TradeModelError, match="must be positive"):
        political_weight(0, 0.1)


def test_grossman_helpman_tariff_is_the_first_order_condition_of_the_political_objective():
    lam, X0 = sp.symbols("lambda X_0", positive=True)
    world, imports, home, _ = independent_market(t, Q, t0, eta, eps)
    price = (1 + t) * world
    foc = sp.diff(home + lam * X0 * price, t)  # (a + alpha_L) W + (I - alpha_L) Pi, divided
    # local quantities at an arbitrary tariff: z = X0/M, e at world prices, eps* local
    slope = Q * eta / (1 + t0)
    e_world = world * slope / imports
    eps_local = eps * world * Q / imports
    gh = lam * (X0 / imports) / e_world + 1 / eps_local
    # at the root of the first-order condition, t equals the Grossman-Helpman expression:
    # equivalently, the FOC is proportional to (gh - t)
    ratio = sp.simplify(foc / (gh - t))
    assert not ratio.has(lam)
    assert not ratio.has(X0)
    # the "protection for sale" form with the elasticity at the domestic price
    e_domestic = price * slope / imports
    pfs = t / (1 + t) - (lam * (X0 / imports) / e_domestic + 1 / ((1 + t) * eps_local))
    assert sp.simplify(pfs - (t - gh) / (1 + t)) == 0


def test_political_weights_raise_the_war_and_keep_the_truce_above_zero():
    lam = political_weight(20, sp.Rational(1, 10))
    war = TariffWar(political_weights=(lam, lam))
    nash = war.nash().values()
    assert (nash > TariffWar().nash().values()).all()
    # Grossman-Helpman at the equilibrium's local values
    for i in range(2):
        Qi, t0i = war.imports[i], war.baseline_tariffs[i]
        ei, xi = war.import_demand_elasticities[i], war.export_supply_elasticities[1 - i]
        world, imports, _, _ = independent_market(sp.Float(nash[i]), Qi, t0i, ei, xi)
        e_world = world * Qi * ei / ((1 + t0i) * imports)
        eps_local = xi * world * Qi / imports
        z = war.output_ratios[i] * Qi / imports
        expected = political_economy(20, sp.Rational(1, 10), z, e_world, eps_local)
        assert nash[i] == pytest.approx(float(expected), rel=1e-8)
    truce = war.cooperative().values()
    assert (truce > 0.01).all()


# ------------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"import_demand_elasticities": (-2, 2)}, "must be positive"),
        ({"export_supply_elasticities": (1.5, 0)}, "must be positive"),
        ({"imports": (0, 143.5)}, "imports must be positive"),
        ({"baseline_tariffs": (-1.5, 0.2)}, "below -100%"),
        ({"import_demand_elasticities": ("high", 2)}, "holds the string 'high'"),
        ({"imports": 438.9}, "must be a pair"),
    ],
)
def test_bad_calibrations_name_the_fix(kwargs, message):
    with pytest.raises(TradeModelError, match=message):
        TariffWar(**kwargs)


def test_bad_rates_and_levels():
    war = TariffWar()
    with pytest.raises(TradeModelError, match="at or below -100%"):
        war.welfare(-1.2, 0)
    with pytest.raises(TradeModelError, match="is the string 'lots'"):
        war.welfare("lots", 0)
    with pytest.raises(TradeModelError, match="is the string 'high'"):
        war.to_game({"US": ["high"], "China": [0.1]})
    with pytest.raises(TradeModelError, match="exceeds"):
        war.to_game({"US": [3.0], "China": [0.1]})


def test_parameters_and_subs():
    war = TariffWar.symbolic()
    assert [p.name for p in war.parameters] == [
        "epsilon_China",
        "epsilon_US",
        "eta_China",
        "eta_US",
    ]
    numeric = war.subs(eta_US=2, eta_China=2, epsilon_US=1.5, epsilon_China=3)
    assert numeric.parameters == ()
    assert numeric.nash().strategies == TariffWar().nash().strategies
