"""Signalling games at the edges: a symbolic prior over three types, and large payoffs.

Each case here gave a wrong condition or ran for minutes before these checks.
"""

from __future__ import annotations

import sympy as sp
from conftest import within

import negotiation as ng

p, q = sp.symbols("p q", positive=True)
x, y = sp.symbols("x y", positive=True)


def _three_types(prior):
    """Types a and b send x, c sends y. After x the receiver's L pays 1; R pays 2 against a
    and 0 against b, so R is the best reply iff 2 P(a | x) >= 1, i.e. p >= q."""

    def payoff(t, m, a):
        if m == "x":
            receiver = 1 if a == "L" else (2 if t == "a" else 0)
        else:
            receiver = 0
        sender = {"x": {"a": 1, "b": 1, "c": 0}, "y": {"a": 0, "b": 0, "c": 1}}[m][t]
        return (sender, receiver)

    return ng.SignallingGame(("a", "b", "c"), prior, ("x", "y"), ("L", "R"), payoff)


def test_a_symbolic_prior_over_three_types_compares_posteriors_not_mixed_quantities():
    found = _three_types((p, q, 1 - p - q)).perfect_bayesian_equilibria()
    after_x = {e.receiver["x"]["R"]: e.condition for e in found}
    # L after x needs P(a | x) = p/(p + q) <= 1/2, i.e. q >= p (not p <= 1/2)
    assert set(after_x) == {0, 1}
    assert after_x[0] == sp.Ge(q, p)
    assert after_x[1] == sp.Ge(p, q)
    # the numeric game agrees at points on either side, including p < 1/2 < 2 p / (p + q)
    for pv, qv in [
        (sp.Rational(3, 10), sp.Rational(1, 10)),
        (sp.Rational(1, 10), sp.Rational(3, 10)),
    ]:
        numeric = _three_types((pv, qv, 1 - pv - qv)).perfect_bayesian_equilibria()
        replies = {e.receiver["x"]["R"] for e in numeric}
        expected = {r for r, cond in after_x.items() if cond.subs({p: pv, q: qv})}
        assert replies == expected


def _polynomial_receiver(power: int) -> ng.SignallingGame:
    big, other = (x + y + 1) ** power, (x + y + 2) ** power

    def payoff(t, m, a):
        sender = {"x": {"a": 2, "b": 1}, "y": {"a": 0, "b": 1}}[m][t] + (1 if a == "L" else 0)
        receiver = (big if t == "a" else other) if a == "L" else other - big / 2
        return (sender, receiver)

    return ng.SignallingGame(
        ("a", "b"), (sp.Rational(1, 3), sp.Rational(2, 3)), ("x", "y"), ("L", "R"), payoff
    )


def test_speed_pbe_with_degree_25_polynomial_payoffs_finishes_in_bounded_time():
    """Before the bounds: 270 s (every coefficient multiplied out into 351 terms, and
    sympy's matrix solve simplifying each product); now about 3 s."""
    game = _polynomial_receiver(25)
    with within(30):
        found = game.perfect_bayesian_equilibria()
    small = _polynomial_receiver(2).perfect_bayesian_equilibria()
    assert sorted(e.kind for e in found) == sorted(e.kind for e in small)
    # each symbolic condition holds at x = y = 1 exactly when the numeric game has that PBE
    at = {x: sp.Integer(1), y: sp.Integer(1)}
    held = sorted((e.kind, str(e.receiver)) for e in found if sp.sympify(e.condition).subs(at))
    numeric = game.subs(at).perfect_bayesian_equilibria()
    assert held == sorted((e.kind, str(e.receiver)) for e in numeric)
    assert held  # the point is not one where nothing holds
