"""What notebook 2 (a trade war as a prisoner's dilemma) says, checked after the cell that says it.

Each ``after_<cell id>`` runs in the notebook's kernel right after that cell; its
parameters are the notebook variables it reads.
"""


def after_dilemma(dilemma):
    assert "domain brief" not in dilemma.description.lower()
    assert "pass-through" in dilemma.description  # T is not a terms-of-trade gain


def after_magnitudes(dilemma, v, trade_ratio):
    assert all(p.stylised for p in dilemma.parameter_info)
    assert 2 <= v["S_cn"] / v["S_us"] <= 3
    assert 2 <= v["P_cn"] / v["P_us"] <= 3
    assert trade_ratio > 3
    for side in ("us", "cn"):  # the prisoner's-dilemma ordering, for each side
        assert v[f"T_{side}"] > v[f"R_{side}"] > v[f"P_{side}"] > v[f"S_{side}"]
    # the table in the markdown above shows these values
    assert (v["T_us"], v["R_us"], v["P_us"], v["S_us"]) == (10, 0, -30, -40)
    assert (v["T_cn"], v["R_cn"], v["P_cn"], v["S_cn"]) == (10, 0, -70, -90)


def after_dominance(game, reduced):
    assert {(d.player, d.dominated, d.by, d.strict) for d in game.dominated_strategies()} == {
        ("US", "Truce", "Escalate", True),
        ("China", "Truce", "Escalate", True),
    }
    assert reduced.strategies == (("Escalate",), ("Escalate",))


def after_equilibria(equilibria, check, game):
    assert len(equilibria) == 1
    assert equilibria[0].profile == ("Escalate", "Escalate")
    assert equilibria[0].payoffs == (-30, -70)
    assert [e.profile for e in check] == [("Escalate", "Escalate")]
    # Pareto-dominated: both sides prefer the truce
    i, j = game.index("US", "Truce"), game.index("China", "Truce")
    assert game.row_payoffs[i, j] > -30
    assert game.col_payoffs[i, j] > -70


def after_spiral(path, spiral_game):
    assert path[0] == ("Hold", "Hold")
    assert path[-1] == ("Escalate", "Escalate")
    assert [e.profile for e in spiral_game.equilibria(exact=True)] == [("Escalate", "Escalate")]


def after_conditions(escalation_dominant_us, conditions, sym, dilemma):
    import sympy as sp

    assert escalation_dominant_us == sp.And(sym["T_us"] >= sym["R_us"], sym["P_us"] >= sym["S_us"])
    assert conditions[("Escalate", "Escalate")] == sp.And(
        sym["P_us"] >= sym["S_us"], sym["P_cn"] >= sym["S_cn"]
    )
    assert conditions[("Truce", "Truce")] == sp.And(
        sym["R_us"] >= sym["T_us"], sym["R_cn"] >= sym["T_cn"]
    )
    defaults = dilemma.defaults
    assert escalation_dominant_us.subs(defaults) is sp.true
    assert conditions[("Escalate", "Escalate")].subs(defaults) is sp.true
    assert conditions[("Truce", "Truce")].subs(defaults) is sp.false


def after_stag_hunt(pure, one_sided):
    assert pure == {("Truce", "Truce"), ("Escalate", "Escalate")}
    assert [eq.profile for eq in one_sided.equilibria(exact=True)] == [("Escalate", "Escalate")]


def after_chicken(pure, v):
    assert pure == {("Truce", "Escalate"), ("Escalate", "Truce")}
    assert (v["P_us"] - v["S_us"], v["P_cn"] - v["S_cn"]) == (10, 20)


def after_dashboard(dashboard):
    assert [eq.profile for eq in dashboard.equilibria] == [("Escalate", "Escalate")]


def after_solution_1(g1, eqs):
    assert g1.best_responses("US", "Truce") == ("Truce",)
    assert [eq.profile for eq in g1.equilibria(exact=True)] == [("Escalate", "Escalate")]
    assert sum(eq.is_pure for eq in eqs) == 2
    assert len(eqs) == 3


def after_solution_2(rescaled, game):
    assert [eq.profile for eq in rescaled.equilibria(exact=True)] == [("Escalate", "Escalate")]
    assert {d.reason for d in rescaled.dominated_strategies()} == {
        d.reason for d in game.dominated_strategies()
    }


def after_solution_3(region):
    import sympy as sp

    assert region == sp.Interval(-40, sp.oo)
