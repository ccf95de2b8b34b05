"""Simple penal codes: punishments that are themselves self-enforcing (Abreu 1988).

A threat deters only if carrying it out is in the punishers' own interest.
Reverting for ever to a stage Nash equilibrium always is; a harsher profile
that is not a stage equilibrium is credible only as a *stick and carrot*:
play it for a few rounds, then return to the target, and restart it after any
deviation from it. The rounds of punishment hurt everyone (the stick); the
return to the target (the carrot) is what makes the punishers, and the
punished, play along.

A *simple penal code* names, for each player ``i``, the path played after
``i`` deviates: a profile held for ``L`` rounds (or for ever) and then the
target. By the one-shot deviation principle the code is a subgame-perfect
equilibrium exactly when no player gains from one deviation at any round of
any path, the deviation being followed by the deviator's own punishment path.
With average (normalised) payoffs, for player ``k`` with punishment path
``Q_k`` of value ``V_k``:

* on the target: ``R_k >= (1 - delta) T_k + delta V_k``;
* in a punishment phase with ``m`` rounds left, played at ``u`` and with best
  deviation ``D``: ``(1 - delta**m) u_k + delta**m R_k >= (1 - delta) D_k + delta V_k``;
  the left side is monotone in ``m``, so ``m = 1`` and ``m = L`` suffice.

Each condition is a polynomial in ``delta`` with rational coefficients, so the
smallest ``delta*`` with every condition holding on ``[delta*, 1)`` is found
exactly from their real roots. Everything here takes plain rational tables;
:meth:`negotiation.RepeatedGame.credible_discount` is the façade.

References
----------
D. Abreu (1986), "Extremal equilibria of oligopolistic supergames", *JET* 39: 191-225.
D. Abreu (1988), "On the Theory of Infinitely Repeated Games with Discounting",
*Econometrica* 56(2): 383-396.
G. J. Mailath and L. Samuelson (2006), *Repeated Games and Reputations*, section 2.6.

Examples
--------
A prisoner's dilemma: Nash reversion to (D, D) needs ``delta >= 1/2``.

>>> A = [[3, 0], [5, 1]]
>>> B = [[3, 5], [0, 1]]
>>> nash = pure_path(A, B, (1, 1), None)
>>> code_threshold(A, B, (0, 0), (nash, nash))
1/2
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

__all__ = [
    "Path",
    "code_conditions",
    "code_threshold",
    "mixed_path",
    "pure_path",
    "search",
    "upper_run",
    "upper_run_float",
]

#: Coefficients of a polynomial in delta, lowest power first.
Poly = tuple[Fraction, ...]

Table = Sequence[Sequence[Any]]

_DELTA = sp.Symbol("delta")
# Two thresholds closer than this (in floats) are told apart in exact arithmetic.
_CLOSE = 1e-9
# How many near-equal codes are solved exactly before one is chosen.
_EXACT_CHECKS = 20


@dataclass(frozen=True)
class Path:
    """A punishment path: a profile held for ``periods`` rounds (``None``: for ever).

    Attributes
    ----------
    profile
        ``(row, column)`` indices of a pure profile, or ``(x, y)``, the two
        mixed strategies of a stage equilibrium.
    periods
        The rounds of punishment before the return to the target; ``None`` for ever.
    payoffs
        Each player's stage payoff while it is played.
    deviations
        Each player's best payoff from a deviation the other can see (``None``
        when there is none: a single strategy, or a mixture over all of them).
    stage_nash
        Whether the profile is a Nash equilibrium of the stage game.
    """

    profile: tuple[Any, Any]
    periods: int | None
    payoffs: tuple[Fraction, Fraction]
    deviations: tuple[Fraction | None, Fraction | None]
    stage_nash: bool

    @property
    def is_pure(self) -> bool:
        """Whether the profile is pure."""
        return isinstance(self.profile[0], int)


def _fraction(value: Any) -> Fraction:
    if isinstance(value, Fraction | int):
        return Fraction(value)
    return Fraction(int(value.p), int(value.q))  # a sympy Rational


def _u(A: Table, B: Table, k: int, r: int, c: int) -> Fraction:
    return _fraction(A[r][c] if k == 0 else B[r][c])


def pure_path(A: Table, B: Table, profile: tuple[int, int], periods: int | None) -> Path:
    """The path that plays the pure ``profile`` for ``periods`` rounds (``None``: for ever)."""
    r, c = profile
    m, n = len(A), len(A[0])
    payoffs = (_u(A, B, 0, r, c), _u(A, B, 1, r, c))
    d0 = max((_u(A, B, 0, x, c) for x in range(m) if x != r), default=None)
    d1 = max((_u(A, B, 1, r, y) for y in range(n) if y != c), default=None)
    nash = (d0 is None or d0 <= payoffs[0]) and (d1 is None or d1 <= payoffs[1])
    return Path((r, c), periods, payoffs, (d0, d1), nash)


def mixed_path(A: Table, B: Table, x: Sequence[Any], y: Sequence[Any]) -> Path:
    """Reversion for ever to the stage equilibrium ``(x, y)`` (exact probabilities).

    Only a deviation to a strategy outside a player's support can be seen.
    """
    m, n = len(A), len(A[0])
    xs = [_fraction(v) for v in x]
    ys = [_fraction(v) for v in y]
    rows = [sum((_u(A, B, 0, r, c) * ys[c] for c in range(n)), Fraction(0)) for r in range(m)]
    cols = [sum((_u(A, B, 1, r, c) * xs[r] for r in range(m)), Fraction(0)) for c in range(n)]
    payoffs = (
        sum((xs[r] * rows[r] for r in range(m)), Fraction(0)),
        sum((ys[c] * cols[c] for c in range(n)), Fraction(0)),
    )
    d0 = max((rows[r] for r in range(m) if xs[r] == 0), default=None)
    d1 = max((cols[c] for c in range(n) if ys[c] == 0), default=None)
    return Path((tuple(x), tuple(y)), None, payoffs, (d0, d1), True)


# ---------------------------------------------------------------------- polynomials in delta
def _poly(terms: dict[int, Fraction]) -> Poly:
    top = max(terms, default=0)
    return tuple(terms.get(k, Fraction(0)) for k in range(top + 1))


def _sub(a: Poly, b: Poly) -> Poly:
    n = max(len(a), len(b))
    return tuple(
        (a[k] if k < len(a) else Fraction(0)) - (b[k] if k < len(b) else Fraction(0))
        for k in range(n)
    )


def _times_delta(a: Poly) -> Poly:
    return (Fraction(0), *a)


def _value(u: Fraction, R: Fraction, rounds: int | None) -> Poly:
    """Average payoff of ``rounds`` rounds at ``u`` then the target at ``R``: ``u + (R - u) d**L``."""
    if rounds is None:
        return (u,)
    terms = {0: u}
    terms[rounds] = terms.get(rounds, Fraction(0)) + (R - u)
    return _poly(terms)


def _one_minus_delta(c: Fraction) -> Poly:
    return (c, -c)


def target_condition(R: Fraction, T: Fraction | None, own: Path, k: int) -> list[Poly]:
    """``R_k - (1 - delta) T_k - delta V_k >= 0`` (nothing when ``k`` cannot deviate)."""
    if T is None:
        return []
    V = _value(own.payoffs[k], R, own.periods)
    return [_sub(_sub((R,), _one_minus_delta(T)), _times_delta(V))]


def phase_conditions(path: Path, own: Path, k: int, R: Fraction) -> list[Poly]:
    """Player ``k`` plays along in ``path``; a deviation starts ``own``, ``k``'s punishment."""
    D = path.deviations[k]
    if D is None:
        return []
    V = _times_delta(_value(own.payoffs[k], R, own.periods))
    rounds: list[int | None] = [None]
    if path.periods is not None:
        rounds = [1] if path.periods == 1 else [1, path.periods]
    return [_sub(_sub(_value(path.payoffs[k], R, m), _one_minus_delta(D)), V) for m in rounds]


def _eval(p: Poly, x: Fraction) -> Fraction:
    value = Fraction(0)
    for c in reversed(p):
        value = value * x + c
    return value


def _reduce(p: Poly) -> Poly | None:
    """``p`` without trailing zeros and without its factors ``(1 - delta)``; ``None`` if zero."""
    coeffs = list(p)
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    if not coeffs:
        return None
    while len(coeffs) > 1 and sum(coeffs) == 0:  # divisible by (delta - 1)
        quotient = [Fraction(0)] * (len(coeffs) - 1)
        carry = Fraction(0)
        for k in range(len(coeffs) - 1, 0, -1):
            carry += coeffs[k]
            quotient[k - 1] = carry
        coeffs = [-c for c in quotient]  # p = (1 - delta) * q, q = -quotient
    return tuple(coeffs)


def _float_roots(p: Poly) -> list[float]:
    if len(p) < 2:
        return []
    scale = max(abs(float(c)) for c in p)
    roots = np.roots([float(c) / scale for c in reversed(p)])
    return sorted(float(r.real) for r in roots if abs(r.imag) <= 1e-7 and 0.0 < r.real < 1.0)


def _run(polys: list[Poly], roots: list[Any], probe: Any) -> Any:
    bounds = [0, *sorted(roots), 1]
    found = None
    for k in range(len(bounds) - 1, 0, -1):
        point = probe(bounds[k - 1], bounds[k])
        if all(_eval(p, point) >= 0 for p in polys):
            found = bounds[k - 1]
        else:
            break
    return found


def _prepared(conditions: Sequence[Poly]) -> list[Poly] | None:
    polys = []
    for c in conditions:
        p = _reduce(c)
        if p is None:
            continue
        if len(p) == 1:
            if p[0] < 0:
                return None
            continue
        polys.append(p)
    return polys


def upper_run_float(conditions: Sequence[Poly]) -> float | None:
    """:func:`upper_run` with float roots (signs between them are exact): for searching."""
    polys = _prepared(conditions)
    if polys is None:
        return None
    roots = sorted({r for p in polys for r in _float_roots(p)})
    found = _run(polys, roots, lambda lo, hi: Fraction((lo + hi) / 2))
    return None if found is None else float(found)


def upper_run(conditions: Sequence[Poly]) -> sp.Expr | None:
    """The smallest ``delta*`` with every condition ``>= 0`` for all ``delta`` in ``[delta*, 1)``.

    Each condition is a polynomial in ``delta`` (rational coefficients,
    lowest power first), every root found exactly. ``0`` when they hold on
    all of ``(0, 1)``; ``None`` when they fail just below 1.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> upper_run([(F(-1), F(3)), (F(-1, 4), F(1))])
    1/3
    >>> upper_run([(F(0), F(-1))]) is None
    True
    """
    polys = _prepared(conditions)
    if polys is None:
        return None
    roots: dict[sp.Expr, float] = {}
    for p in polys:
        poly = sp.Poly([sp.Rational(c.numerator, c.denominator) for c in reversed(p)], _DELTA)
        for r in poly.real_roots():
            approx = float(sp.N(r, 30))
            if 0.0 < approx < 1.0:
                roots[r] = approx

    def probe(lo: Any, hi: Any) -> Fraction:
        a = Fraction(0) if lo == 0 else Fraction(str(sp.N(lo, 40)))
        b = Fraction(1) if hi == 1 else Fraction(str(sp.N(hi, 40)))
        return (a + b) / 2

    ordered = sorted(roots, key=lambda r: roots[r])
    found = _run(polys, ordered, probe)
    if found is None:
        return None
    return sp.Integer(found) if isinstance(found, int) else found


def code_conditions(
    A: Table, B: Table, target: tuple[int, int], paths: tuple[Path, Path]
) -> list[Poly]:
    """Every one-shot deviation condition of the code (``paths[i]``: after ``i`` deviates)."""
    t = pure_path(A, B, target, None)
    R, T = t.payoffs, t.deviations
    out: list[Poly] = []
    for k in (0, 1):
        out += target_condition(R[k], T[k], paths[k], k)
        for path in dict.fromkeys(paths):
            out += phase_conditions(path, paths[k], k, R[k])
    return out


def code_threshold(
    A: Table, B: Table, target: tuple[int, int], paths: tuple[Path, Path]
) -> sp.Expr | None:
    """The smallest ``delta*`` from which the code is subgame perfect (``None``: never)."""
    return upper_run(code_conditions(A, B, target, paths))


def _preference(paths: tuple[Path, Path]) -> tuple[int, int, int]:
    # among codes with the same threshold: stage equilibria first, then shorter
    # punishments, then one punishment for both deviators
    nash = sum(not p.stage_nash for p in paths)
    length = sum(10**6 if p.periods is None else p.periods for p in paths)
    return (nash, length, int(paths[0] != paths[1]))


def search(
    A: Table, B: Table, target: tuple[int, int], candidates: Sequence[Path]
) -> tuple[sp.Expr, tuple[Path, Path]] | None:
    """The code with the lowest threshold whose paths are drawn from ``candidates``.

    Each deviator's path is chosen separately (Abreu's player-specific
    punishments). Each choice's own conditions bound the threshold from
    below and prune the pairs; the search runs on float roots with exact
    signs between them, and the best codes are then solved exactly.
    """
    t = pure_path(A, B, target, None)
    R, T = t.payoffs, t.deviations
    own: list[list[tuple[float, Path, list[Poly]]]] = [[], []]
    for k in (0, 1):
        for path in candidates:
            conditions = target_condition(R[k], T[k], path, k) + phase_conditions(
                path, path, k, R[k]
            )
            lb = upper_run_float(conditions)
            if lb is not None:
                own[k].append((lb, path, conditions))
    pairs = sorted(((a, b) for a in own[0] for b in own[1]), key=lambda ab: max(ab[0][0], ab[1][0]))
    scored: list[tuple[float, tuple[Path, Path], list[Poly]]] = []
    best = float("inf")
    for (lb0, p0, c0), (lb1, p1, c1) in pairs:
        if max(lb0, lb1) > best + _CLOSE:
            break
        conditions = c0 + c1 + phase_conditions(p1, p0, 0, R[0]) + phase_conditions(p0, p1, 1, R[1])
        value = upper_run_float(conditions)
        if value is not None:
            scored.append((value, (p0, p1), conditions))
            best = min(best, value)
    scored.sort(key=lambda s: (s[0], _preference(s[1])))
    while scored:
        lowest = scored[0][0]
        group = [s for s in scored if s[0] <= lowest + _CLOSE]
        scored = scored[len(group) :]
        solved: list[tuple[sp.Expr, tuple[Path, Path]]] = []
        for _, paths, conditions in group[:_EXACT_CHECKS]:
            value = upper_run(conditions)
            if value is not None:
                solved.append((value, paths))
                if value == 0:
                    break  # nothing is lower, and this is the preferred of the zeros
        if solved:
            top = min(v for v, _ in solved)  # exact comparison of algebraic numbers
            ties = [paths for v, paths in solved if abs(sp.N(v - top, 50)) < 1e-40]
            return top, min(ties, key=_preference)
    return None
