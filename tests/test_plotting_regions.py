"""Equilibrium-region maps: regions from the symbolic conditions, checked against solving."""

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from plot_helpers import render

import negotiation as ng
from negotiation.plotting import plot_regions, regions_data

e, c, m = sp.symbols("e c m")


# A stylised truce game: gain ``e`` from escalating alone, loss ``c`` when escalated on.
TRUCE = ng.Game.symmetric(
    [[0, -c], [e, -2]],
    strategies=("Truce", "Escalate"),
    players=("US", "China"),
    name="Truce game",
)
TRUCE_MAP = regions_data(TRUCE, x=(e, -1, 1), y=(c, 0, 4), resolution=20)


@pytest.fixture
def truce():
    return TRUCE


@pytest.fixture
def disruption():
    """Game B with a rare-earth disruption multiplier ``m`` on the US's W column (stylised)."""
    return ng.Game(
        [[3, -2, -6 * m], [4, -1, -4 * m], [1, -3, -7 * m]],
        [[3, 4, 2], [-2, -1, -3], [-6, -4, -7 + e]],
        players=("US", "China"),
        strategies=(("L", "H", "E"), ("D", "S", "W")),
    )


def test_regions_quadrants(truce):
    data = regions_data(truce, x=("e", -1, 1), y=("c", 0, 4), resolution=20)
    assert data.xlabel == "e"
    assert data.ylabel == "c"
    assert data.x_symbol == e
    assert data.y_symbol == c
    assert data.region.shape == (20, 20)
    assert data.x[0] == pytest.approx(-0.95)
    assert data.x[-1] == pytest.approx(0.95)

    def outcome(xv, yv):
        i = int(np.argmin(abs(data.y - yv)))
        j = int(np.argmin(abs(data.x - xv)))
        return data.outcomes[data.region[i, j]]

    assert outcome(-0.5, 3) == (("Truce", "Truce"), ("Escalate", "Escalate"))
    assert outcome(0.5, 3) == (("Escalate", "Escalate"),)
    assert outcome(-0.5, 1) == (("Truce", "Truce"),)
    assert outcome(0.5, 1) == (("Truce", "Escalate"), ("Escalate", "Truce"))
    assert set(data.boundaries) == {e, c - 2}
    assert data.boundary_values.shape == (2, 20, 20)
    assert len(data.labels) == len(data.outcomes) == 4
    assert dict(data.conditions)[("Truce", "Truce")] == truce.equilibrium_conditions((0, 0))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 19), st.integers(0, 19))
def test_region_agrees_with_solving_at_the_point(i, j):
    data = TRUCE_MAP
    point = TRUCE.subs({e: sp.Rational(str(data.x[j])), c: sp.Rational(str(data.y[i]))})
    solved = {eq.profile for eq in point.equilibria(method="pure", exact=True)}
    assert set(data.outcomes[data.region[i, j]]) == solved


def test_regions_with_fixed_parameter_and_mark(truce):
    k = sp.Symbol("k")
    g = ng.Game.symmetric([[0, -c], [e, -k]], strategies=("Truce", "Escalate"))
    fixed = regions_data(
        g, x=(e, -1, 1), y=(c, 0, 4), fixed={k: 2}, mark={"e": 0.25, c: 1}, resolution=16
    )
    plain = regions_data(truce, x=(e, -1, 1), y=(c, 0, 4), resolution=16)
    assert fixed.outcomes == plain.outcomes
    np.testing.assert_array_equal(fixed.region, plain.region)
    assert fixed.fixed == {k: 2}
    assert fixed.mark == (0.25, 1.0)
    assert fixed.title == "Equilibria: Row vs Column\n(k = 2)"
    pure = regions_data(g, x=(e, -1, 1), y=(c, 0, 4), fixed={k: 2}, resolution=16, method="pure")
    assert pure.title == "Pure equilibria: Row vs Column\n(k = 2)"
    assert pure.outcomes == plain.outcomes
    assert all(not m for m in pure.mixed)


def test_regions_need_every_other_parameter_fixed():
    k, h = sp.symbols("k h")
    g = ng.Game.symmetric([[0, -c], [e, -k - h]])
    with pytest.raises(
        ng.FreeParameterError,
        match=r"varies e and c, but the payoffs also depend on h, k; "
        r"give values with fixed=\{'h': ..., 'k': ...\}",
    ):
        regions_data(g, x=(e, -1, 1), y=(c, 0, 4))
    with pytest.raises(ng.FreeParameterError, match="also depend on h;"):
        regions_data(g, x=(e, -1, 1), y=(c, 0, 4), fixed={"k": 1})


def test_regions_three_by_three(disruption):
    data = regions_data(disruption, x=(m, 0, 2), y=(e, -1, 3), resolution=8)
    for i, yv in enumerate(data.y):
        for j, xv in enumerate(data.x):
            point = disruption.subs({m: sp.Rational(str(xv)), e: sp.Rational(str(yv))})
            solved = {eq.profile for eq in point.equilibria(method="pure", exact=True)}
            assert set(data.outcomes[data.region[i, j]]) == solved


def test_regions_errors(truce):
    with pytest.raises(ng.UnknownLabelError, match="parameters are c, e"):
        regions_data(truce, x=("tariff", 0, 1), y=("c", 0, 1))
    with pytest.raises(ng.InvalidGameError, match=r"x must be \(parameter, low, high\)"):
        regions_data(truce, x="e", y=("c", 0, 1))
    with pytest.raises(ng.InvalidGameError, match="low < high"):
        regions_data(truce, x=("e", 1, 0), y=("c", 0, 1))
    with pytest.raises(ng.InvalidGameError, match="both e"):
        regions_data(truce, x=("e", 0, 1), y=("e", 0, 1))
    with pytest.raises(ng.InvalidGameError, match="cannot also be fixed"):
        regions_data(truce, x=("e", 0, 1), y=("c", 0, 1), fixed={"e": 1})
    with pytest.raises(ng.InvalidGameError, match="mark has no value for c"):
        regions_data(truce, x=("e", 0, 1), y=("c", 0, 1), mark={"e": 1})
    with pytest.raises(ng.InvalidGameError, match=r"a negotiation\.Game or a scenario, not a str"):
        regions_data("london_framework", x=("e", 0, 1), y=("c", 0, 1))
    with pytest.raises(ng.InvalidGameError, match=r"give both axes as \(parameter, low, high\)"):
        regions_data(truce, x=("e", 0, 1))
    with pytest.raises(ng.InvalidGameError, match="resolution"):
        regions_data(truce, x=("e", 0, 1), y=("c", 0, 1), resolution=1)


def test_plot_regions_renders(truce):
    ax = plot_regions(
        truce,
        x=(e, -1, 1),
        y=(c, 0, 4),
        mark={"e": 0.5, "c": 1.0, "other": 3},
        mark_label="London framework",
        resolution=40,
    )
    render(ax)
    assert ax.get_title() == "Equilibria: Truce game"
    assert ax.get_xlabel() == "e"
    assert ax.get_ylabel() == "c"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "(Truce, Truce)",
        "(Escalate, Escalate)",
        "(Truce, Truce) & (Escalate, Escalate) + mixed",
        "(Truce, Escalate) & (Escalate, Truce) + mixed",
        "London framework",
    ]
    assert ax.get_xlim() == (-1.0, 1.0)


def test_boundaries_only_where_regions_change():
    k = sp.Symbol("k")
    # (Truce, Truce) needs e <= 0; the column player's k <= 5 never binds on this map
    g = ng.Game([[0, -c], [e, -2]], [[0, k - 5], [-c, -2]], strategies=(("T", "E"), ("T", "E")))
    data = regions_data(g, x=(e, -1, 1), y=(c, 0, 4), fixed={k: 0}, resolution=20)
    assert e in data.boundaries
    assert all(not b.has(k) for b in data.boundaries)


def test_scenario_map_uses_its_metadata():
    london = ng.load("london_framework")
    data = regions_data(london, x="m", y="re_loss_us", resolution=24)
    m_info, loss_info = london.parameter("m"), london.parameter("re_loss_us")
    assert data.x_range == (float(m_info.low), float(m_info.high))
    assert data.y_range == (float(loss_info.low), float(loss_info.high))
    assert data.xlabel == f"m ({m_info.unit})"
    assert data.mark == (float(m_info.default), float(loss_info.default))
    assert set(data.fixed) == {s for s in london.parameters if s.name not in ("m", "re_loss_us")}
    # the region holding the scenario's own values has the equilibria of london.game()
    i = int(np.argmin(abs(data.y - data.mark[1])))
    j = int(np.argmin(abs(data.x - data.mark[0])))
    at_point = london.with_defaults(
        m=sp.Rational(str(data.x[j])), re_loss_us=sp.Rational(str(data.y[i]))
    ).game()
    solved = {eq.profile for eq in at_point.equilibria(method="pure", exact=True)}
    assert set(data.outcomes[data.region[i, j]]) == solved
    assert "other parameters at the scenario's values" in data.title


def test_scenario_default_axes_decide_the_equilibria():
    london = ng.load("london_framework")
    data = regions_data(london, resolution=10)
    profile = london.game().equilibria(method="pure", exact=True)[0].profile
    condition = london.game(symbolic=True).equilibrium_conditions(profile)
    assert {data.x_symbol, data.y_symbol} <= condition.free_symbols
    ax = plot_regions(london, resolution=10)
    render(ax)
    assert [t.get_text() for t in ax.get_legend().get_texts()][-1] == "scenario values"
