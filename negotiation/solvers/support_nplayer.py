"""Every Nash equilibrium of an N-player normal-form game, by support enumeration.

For each *support profile* ``S = (S_1, ..., S_N)`` (one non-empty set of pure
strategies per player, smallest first) an equilibrium with exactly that support
solves the *indifference system*: every strategy in ``S_i`` earns player ``i``
the same expected payoff against the others' mixtures. With ``x_i(s0) = 1 -
sum(y_i)`` the unknowns are the remaining probabilities ``y``; the equations are
multilinear polynomials with rational coefficients. A solution is an
equilibrium when its probabilities are positive and no strategy outside ``S_i``
earns more. This is the method of Gambit's ``enumpoly`` (McKelvey and McLennan
1996, section 6), done here in exact arithmetic:

1. support profiles with a strategy that another strategy weakly dominates
   against every profile of the others' supports (strictly somewhere) are
   skipped: the others mix over all of it, so that strategy cannot be a best
   response; pure profiles are checked directly;
2. the remaining support profiles with three or more mixing players are
   subdivided: over a product of sub-simplices of the players' strategy
   simplices each expected payoff lies between its values at the vertex
   products (it is linear in each player's mixture), so a region where some
   strategy beats a strategy of the support at every vertex product holds no
   equilibrium; a profile all of whose regions are so discarded (within a budget
   of regions) is skipped. Floats with a proven error margin; a profile that is
   not discarded is solved exactly, so nothing is lost. The subdivision runs in a
   compiled kernel (:mod:`negotiation.solvers.subdivision_numba`) when numba is
   installed, in numpy otherwise;
3. a regular linear system (at most two players mix) is solved directly;
   otherwise a Groebner basis (FLINT, through ``python-flint``) decides whether the
   system is inconsistent, has finitely many solutions (zero-dimensional) or a
   positive-dimensional solution set;
4. zero-dimensional systems are solved through a rational univariate
   representation (Rouillier 1999): every solution is ``y_k = h_k(a)`` for a
   root ``a`` of an irreducible polynomial, computed from multiplication
   matrices; the equilibrium conditions (equalities and signs) are then decided
   exactly in the number field, with isolating intervals for the real roots;
5. positive-dimensional systems are searched for a continuum of equilibria
   (sampled slices through the solution set, at the parameter values where a
   probability vanishes or an unused strategy becomes tied and between them),
   and for isolated equilibria at which unused strategies are tied (the same
   system with those ties added, recursively).

Irrational equilibria come back as radicals (``sqrt``) when the coordinate's
minimal polynomial is quadratic and as :class:`sympy.CRootOf` expressions for
higher degrees; float games are solved on the decimals their payoffs print as
and then checked against the float payoffs.

References
----------
R. D. McKelvey and A. McLennan (1996), "Computation of equilibria in finite
games", *Handbook of Computational Economics* 1: 87-142, section 6.
F. Rouillier (1999), "Solving zero-dimensional systems through the rational
univariate representation", *AAECC* 9: 433-461.
R. S. Datta (2003), "Using computer algebra to find Nash equilibria", *ISSAC*.

Examples
--------
Three players each choose a side; a player earns 1 when alone on a side (the
minority game). Besides the symmetric mixed equilibrium, every profile in which
two players pick opposite sides leaves the third indifferent: a continuum.

>>> import numpy as np
>>> import sympy as sp
>>> def minority(i):
...     return np.array([[[sp.Integer(int(sum(s) == 1 and s[i] == 1 or sum(s) == 2 and s[i] == 0))
...                        for s in [(a, b, c) for c in (0, 1)]] for b in (0, 1)] for a in (0, 1)],
...                     dtype=object)
>>> result = support_enumeration_nplayer([minority(i) for i in range(3)], exact=True)
>>> result.profiles[-1]
((1/2, 1/2), (1/2, 1/2), (1/2, 1/2))
>>> result.has_continuum, len(result.continuum_supports)
(True, 6)
"""

from __future__ import annotations

import functools
import itertools
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational
from types import ModuleType
from typing import Any

import flint
import numpy as np
import sympy as sp

from negotiation.errors import ExactArithmeticError, InvalidGameError, WorkLimitError
from negotiation.solvers import MAX_SUPPORTS, Solved, suggested_limit
from negotiation.solvers.tables import PayoffTables

__all__ = [
    "DEFAULT_MAX_SUPPORTS",
    "MAX_BEZOUT",
    "SupportEnumerationResult",
    "bezout_bound",
    "check_supports",
    "count_support_profiles",
    "regret",
    "support_enumeration_nplayer",
]

DEFAULT_MAX_SUPPORTS = MAX_SUPPORTS
MAX_BEZOUT = 750
"""The largest Bezout bound of the full-support system solved by default.

Measured on random integer games: 2x2x3x3 (bound 729) takes about a second,
2x2x2x2x2 (1,024, equations of degree 4) and 2x3x3x3 (2,187) over a minute,
inside one Groebner basis computation that cannot be interrupted.
"""
"""The default cap on support profiles: 3x3x3 (343), 2x2x2x2 (81), 2^5 (243) fit."""

Support = tuple[tuple[int, ...], ...]
"""One tuple of strategy indices per player."""

_FIELD_TRIES = 4  # linear forms tried for a rational univariate representation
_VALUE_DIGITS = 20  # solve_points approximates each coordinate within 10**-_VALUE_DIGITS
_EXCLUSION_BUDGET = (0, 16, 32, 64, 256, 1000, 2000, 4000)
"""Regions :meth:`_Solver.excluded` may examine, by the number of unknowns (about the
cost of solving that support's system exactly, at some 40 microseconds a region in numpy;
the compiled kernel takes a few microseconds a region, and cuts the same regions)."""
_SAMPLE_GRID = (
    Fraction(3, 29),
    Fraction(11, 37),
    Fraction(19, 41),
    Fraction(29, 43),
    Fraction(37, 41),
)


@dataclass(frozen=True)
class SupportEnumerationResult:
    """What :func:`support_enumeration_nplayer` found.

    Attributes
    ----------
    profiles
        The equilibria at isolated solutions of their support's indifference
        system (or of that system with the ties of some unused strategies
        added). When the game has finitely many equilibria this is all of them.
        Each profile is a tuple of one probability vector per player: tuples of
        sympy numbers (exact) or numpy float arrays.
    continuum_supports
        Support profiles on which a continuum of equilibria was found; empty
        when none was. A game listed here has infinitely many equilibria, and
        ``profiles`` may then include endpoints of these continua.
    continuum_witnesses
        One equilibrium inside each continuum, in the order of
        ``continuum_supports``.
    unresolved_supports
        Support profiles whose indifference system has a solution set of
        dimension two or more on which sampling found no equilibrium; the search
        there is not exhaustive. Empty for every game with finitely many
        equilibria and for every continuum of dimension one.
    """

    profiles: tuple[tuple[Any, ...], ...]
    continuum_supports: tuple[Support, ...] = ()
    continuum_witnesses: tuple[tuple[Any, ...], ...] = ()
    unresolved_supports: tuple[Support, ...] = ()

    @property
    def has_continuum(self) -> bool:
        """Whether a continuum of equilibria was found."""
        return bool(self.continuum_supports)


def count_support_profiles(shape: Sequence[int]) -> int:
    """The number of support profiles of a game of this shape, ``prod(2**n_i - 1)``.

    Examples
    --------
    >>> count_support_profiles((3, 3, 3)), count_support_profiles((2, 2, 2, 2))
    (343, 81)
    """
    return math.prod(2**n - 1 for n in shape)


# ----------------------------------------------------------------------------------------
# Input checks and conversion
# ----------------------------------------------------------------------------------------


def _as_fraction(value: Any, exact: bool) -> Fraction:
    if exact:
        if isinstance(value, sp.Basic):
            if value.is_Rational:
                return Fraction(int(value.p), int(value.q))
        elif isinstance(value, Rational) and not isinstance(value, bool):
            return Fraction(value)
        raise ExactArithmeticError(
            f"exact support enumeration needs rational payoffs, not {value!r}; "
            "give integers or fractions (sympy.Rational), or use exact=False"
        )
    x = float(value)
    if not math.isfinite(x):
        raise InvalidGameError(f"payoffs must be finite numbers, not {value!r}")
    return Fraction(repr(x))  # the decimal the float prints as


def _integer_tables(payoffs: Sequence[Any], exact: bool) -> list[np.ndarray]:
    """Check the payoff arrays; return them as integer object arrays (scaled per player)."""
    if len(payoffs) < 2:
        raise InvalidGameError(
            f"support enumeration needs payoffs for at least two players, got {len(payoffs)}"
        )
    arrays = [np.asarray(p, dtype=object) for p in payoffs]
    shape = arrays[0].shape
    n = len(arrays)
    if len(shape) != n or any(a.shape != shape for a in arrays) or min(shape, default=0) < 1:
        raise InvalidGameError(
            f"{n} players need {n} payoff arrays of one shape (n_1, ..., n_{n}) with every "
            f"n_i >= 1; got shapes {[a.shape for a in arrays]}"
        )
    tables = []
    for a in arrays:
        fr = [_as_fraction(v, exact) for v in a.flat]
        denom = math.lcm(*(f.denominator for f in fr))
        ints = np.empty(len(fr), dtype=object)
        ints[:] = [int(f * denom) for f in fr]
        tables.append(ints.reshape(shape))
    return tables


# ----------------------------------------------------------------------------------------
# Exact real algebraic numbers: a root of an irreducible polynomial with an interval
# ----------------------------------------------------------------------------------------


class _Field:
    """``Q(a)`` for one real root ``a`` of an irreducible ``p``; elements are polys mod ``p``."""

    def __init__(self, p: flint.fmpq_poly, lo: flint.fmpq, hi: flint.fmpq, index: int = 0) -> None:
        self.p = p
        self.index = index  # among the real roots of p, ascending (CRootOf's numbering)
        self._old: tuple[_Field, flint.fmpq_poly] | None = None  # set by rebased()
        self._rewritten: list[tuple[flint.fmpq_poly, flint.fmpq_poly]] = []  # set by rebased()
        self._alpha: sp.CRootOf | None = None  # the root as sympy, set by to_sympy()
        self._powers: list[sp.Expr] = []  # its powers below the degree, set with it
        self.count: int | None = None  # the number of real roots of p, when known
        self.degree = p.degree()
        if self.degree == 1:
            c0, c1 = p.coeffs()
            root = -c0 / c1
            lo = hi = root
        self.lo, self.hi = lo, hi
        self._sign_lo = _fsign(p(lo)) if self.degree > 1 else 0

    @property
    def rational_root(self) -> flint.fmpq:
        return self.lo

    def reduce(self, h: flint.fmpq_poly) -> flint.fmpq_poly:
        return h % self.p if h.degree() >= self.degree else h

    def refine(self, width: flint.fmpq) -> None:
        """Bisect the isolating interval until it is at most ``width`` wide.

        Many halvings (a narrow width for coefficients of hundreds of digits) are
        taken at once: the interval after ``k`` halvings is the ``j``-th of ``2**k``
        equal parts, the one holding the root, read off a root ball from Arb at
        enough precision (the same interval as step-by-step bisection).
        """
        if self.hi - self.lo > width and self.degree > 1:
            self._jump(width)
        while self.hi - self.lo > width:
            mid = (self.lo + self.hi) / 2
            s = _fsign(self.p(mid))
            if s == self._sign_lo:
                self.lo = mid
            else:
                self.hi = mid

    def _jump(self, width: flint.fmpq) -> None:
        length = self.hi - self.lo
        ratio = length / width
        steps = (-(-int(ratio.p) // int(ratio.q)) - 1).bit_length()  # least k, 2**k >= ratio
        if steps < 16:
            return
        reach = max(abs(self.lo), abs(self.hi), flint.fmpq(1)) / length
        prec = steps + (int(reach.p) // int(reach.q)).bit_length() + 32
        num = flint.fmpz_poly([int(c) for c in (self.p * self.p.denom()).coeffs()])
        saved = flint.ctx.prec
        flint.ctx.prec = prec
        try:
            found: list[Any] = list(num.complex_roots())  # (root, multiplicity) pairs
        finally:
            flint.ctx.prec = saved
        roots = [root for root, _ in found]
        step = length / 2**steps
        for root in roots:
            if root.imag != 0:
                break
            mid = _arf_to_fmpq(root.real.mid())
            rad = _arf_to_fmpq(root.real.rad().mid()) * 2
            if not self.lo < mid < self.hi:
                continue
            offset = (mid - self.lo) / step
            j = int(offset.p) // int(offset.q)
            lo = self.lo + step * j
            hi = lo + step
            if lo < mid - rad and mid + rad < hi:  # the ball, holding a root, lies inside
                self.lo, self.hi = lo, hi
            return

    def sign(self, h: flint.fmpq_poly) -> int:
        """The sign of ``h(a)``, exactly."""
        h = self.reduce(h)
        if h.is_zero():
            return 0
        if self.degree == 1 or h.degree() <= 0:
            return _fsign(h(self.lo))
        while True:  # h(a) != 0 since p is irreducible; shrink until the sign is clear
            low, high = _interval_horner(h, self.lo, self.hi)
            if low > 0:
                return 1
            if high < 0:
                return -1
            self.refine((self.hi - self.lo) / 4)

    def value(self, h: flint.fmpq_poly, digits: int = 20) -> flint.fmpq:
        """A rational within ``10**-digits`` (relative to the bound on ``h'``) of ``h(a)``."""
        h = self.reduce(h)
        if self.degree == 1 or h.degree() <= 0:
            return h(self.lo)
        # the bound sum(|h'_k|) + 1 on the integer numerator (no rational sums)
        slope = h.derivative()
        den = slope.denom()
        total = sum((abs(c) for c in slope.numer().coeffs()), flint.fmpz(0))
        reach = max(abs(self.lo), abs(self.hi), flint.fmpq(1)) ** max(h.degree(), 1)
        self.refine(flint.fmpq(den * reach.q, 10**digits * (total + den) * reach.p))
        return h((self.lo + self.hi) / 2)

    def to_float(self, h: flint.fmpq_poly) -> float:
        v = self.value(h)
        return int(v.p) / int(v.q)

    def rebased(
        self, values: list[flint.fmpq_poly], targets: list[flint.fmpq_poly] | None = None
    ) -> _Field:
        """The same number field generated by the first of ``values`` of full degree.

        Its minimal polynomial usually has far smaller coefficients than the
        univariate representation's; :meth:`rewrite` then expresses elements in
        the new generator (``targets``, by default ``values``, from the same
        linear solve). Returns ``self`` when no value generates the field.
        """
        d = self.degree
        reduced = [self.reduce(v) for v in (values if targets is None else targets)]
        for h in values:
            h = self.reduce(h)
            if h.degree() <= 0:
                continue
            if h.degree() == 1 and self.count is not None:
                return self._affine(h, reduced)
            # the powers 1, h, ..., h^(d-1) as columns: invertible exactly when h generates
            # the field; then h^d in them gives h's minimal polynomial, and the old
            # generator in them its expression in the new one (one solve for both)
            cols = []
            power = flint.fmpq_poly([1])
            for _ in range(d):
                c = power.coeffs()
                cols.append([c[i] if i < len(c) else flint.fmpq(0) for i in range(d)])
                power = (power * h) % self.p
            basis = flint.fmpq_mat(d, d, [cols[j][i] for i in range(d) for j in range(d)])
            top = power.coeffs()
            # right-hand sides: the old generator, h^d, then every value (its new coordinates)
            columns = [[flint.fmpq(int(i == 1)) for i in range(d)], _padded(top, d)]
            columns += [_padded(v.coeffs(), d) for v in reduced]
            rhs = flint.fmpq_mat(d, len(columns), [c[i] for i in range(d) for c in columns])
            try:
                # Dixon's p-adic lifting: 4x the default here (the stub lacks algorithm=)
                sol = basis.solve(rhs, algorithm="dixon")  # type: ignore[call-arg]
            except ZeroDivisionError:  # singular: h lies in a proper subfield
                continue
            q = flint.fmpq_poly([-sol[i, 1] for i in range(d)] + [1])
            value = self.value(h, 30)
            roots = _real_roots(q)
            best = min(roots, key=lambda r: abs(r.value(flint.fmpq_poly([0, 1]), 30) - value))
            # the old generator in the new one, then every element by composition
            best._old = (self, flint.fmpq_poly([sol[i, 0] for i in range(d)]))
            best._rewritten = [
                (v, flint.fmpq_poly([sol[i, k + 2] for i in range(d)]))
                for k, v in enumerate(reduced)
            ]
            return best
        return self

    def _affine(self, h: flint.fmpq_poly, reduced: list[flint.fmpq_poly]) -> _Field:
        """:meth:`rebased` for a generator ``b = c0 + c1 a``: substitution, no solve.

        The minimal polynomial of ``b`` is ``p((x - c0) / c1)`` made monic, each
        element's expression in ``b`` its composition with ``(x - c0) / c1`` (of
        the same degree, so reduced), and the map, monotone, carries the
        isolating interval and reverses the order of the real roots when ``c1 < 0``.
        """
        c0, c1 = h.coeffs()
        back = flint.fmpq_poly([-c0 / c1, 1 / c1])  # a in terms of b
        q = self.p(back)
        q = q / q.leading_coefficient()
        ends = sorted((c0 + c1 * self.lo, c0 + c1 * self.hi))
        assert self.count is not None
        index = self.index if c1 > 0 else self.count - 1 - self.index
        best = _Field(q, ends[0], ends[1], index)
        best.count = self.count
        best._old = (self, back)
        best._rewritten = [(v, v(back)) for v in reduced]
        return best

    def rewrite(self, h: flint.fmpq_poly) -> flint.fmpq_poly:
        """An element of the field this one was rebased from, in this field's generator."""
        old = self._old
        if old is None:
            return h
        field, generator = old
        h = field.reduce(h)
        for source, image in self._rewritten:  # solved for by rebased()
            if source == h:
                return image
        out = flint.fmpq_poly([])
        for c in reversed(field.reduce(h).coeffs()):  # Horner's rule modulo p
            out = (out * generator + c) % self.p
        return out

    def _quadratic(self, h: flint.fmpq_poly) -> tuple[flint.fmpq, flint.fmpq] | None:
        """``(b, c)`` when ``h(a)`` (irrational) is a root of ``x^2 + b x + c``, else None.

        ``h(a)^2 = alpha h(a) + beta`` exactly when the reduced square is ``alpha h + beta``
        (the reduced form is unique), so no minimal polynomial of degree ``d`` is needed.
        """
        square = (h * h) % self.p
        if square.degree() <= 0:
            return flint.fmpq(0), -square(flint.fmpq(0))
        if square.degree() != h.degree():
            return None
        alpha = square.leading_coefficient() / h.leading_coefficient()
        rest = square - h * alpha
        if rest.degree() > 0:
            return None
        return -alpha, -rest(flint.fmpq(0))

    def to_sympy(self, h: flint.fmpq_poly) -> sp.Expr:
        """``h(a)`` as a sympy number: Rational, quadratic radical or CRootOf."""
        h = self.reduce(h)
        if self.degree == 1 or h.degree() <= 0:
            v = h(self.lo)
            return sp.Rational(int(v.p), int(v.q))
        # h(a) irrational of degree two only when 2 divides [Q(a) : Q], the degree of p
        quadratic = self._quadratic(h) if self.degree % 2 == 0 else None
        if quadratic is not None:  # h(a) = (-b +- sqrt(b^2 - 4c)) / 2, the sign that of 2h(a) + b
            b, c = (sp.Rational(int(v.p), int(v.q)) for v in quadratic)
            disc = b * b - 4 * c
            if self.sign(2 * h + quadratic[0]) > 0:
                return sp.expand((-b + sp.sqrt(disc)) / 2)
            return sp.expand((-b - sp.sqrt(disc)) / 2)
        # a polynomial in one CRootOf shared by the whole profile, so sums reduce exactly
        if self._alpha is None:  # built once per field (isolating a root costs milliseconds)
            x = sp.Dummy("x")
            coeffs = [sp.Rational(int(c.p), int(c.q)) for c in reversed(self.p.coeffs())]
            alpha = sp.CRootOf(sp.Poly(coeffs, x), self.index)
            self._alpha = alpha
            self._powers = [alpha**k for k in range(self.degree)]
        powers = self._powers
        return sp.Add(
            *(sp.Rational(int(c.p), int(c.q)) * powers[k] for k, c in enumerate(h.coeffs()))
        )


def _rewritten(
    field: _Field, vec: tuple[flint.fmpq_poly, ...], own: tuple[int, ...]
) -> tuple[flint.fmpq_poly, ...]:
    """A probability vector in ``field``'s generator (:meth:`_Field.rewrite`).

    The first probability of the support is one minus the others (rewriting is
    a ring isomorphism onto reduced forms), so only the others are rewritten.
    """
    if field._old is None:
        return tuple(field.rewrite(v) for v in vec)
    out = list(vec)  # zeros off the support stay zeros
    rest = [field.rewrite(vec[s]) for s in own[1:]]
    out[own[0]] = flint.fmpq_poly([1]) - sum(rest, flint.fmpq_poly([]))
    for s, v in zip(own[1:], rest, strict=True):
        out[s] = v
    return tuple(out)


def _padded(coeffs: list[flint.fmpq], d: int) -> list[flint.fmpq]:
    """The first ``d`` coefficients, zeros past the end."""
    return [coeffs[i] if i < len(coeffs) else flint.fmpq(0) for i in range(d)]


def _fsign(v: flint.fmpq) -> int:
    return (v > 0) - (v < 0)


def _ball_sign(ball: Any) -> int | None:
    """The sign of every number in an Arb ball, or None when the ball holds zero."""
    if ball > 0:
        return 1
    if ball < 0:
        return -1
    return None


def _interval_horner(
    h: flint.fmpq_poly, lo: flint.fmpq, hi: flint.fmpq
) -> tuple[flint.fmpq, flint.fmpq]:
    """Bounds on ``h`` over ``[lo, hi]``: the value at the midpoint plus a Lipschitz bound."""
    mid = (lo + hi) / 2
    rad = (hi - lo) / 2
    centre = h(mid)
    dh = h.derivative()
    reach = max(abs(lo), abs(hi))
    slope = sum((abs(c) * reach**k for k, c in enumerate(dh.coeffs())), flint.fmpq(0))
    return centre - slope * rad, centre + slope * rad


def _minimal_polynomial(h: flint.fmpq_poly, p: flint.fmpq_poly) -> flint.fmpq_poly:
    """The minimal polynomial of ``h(a)`` over Q, for ``a`` a root of irreducible ``p``."""
    d = p.degree()
    cols = []
    power = flint.fmpq_poly([1])
    for _ in range(d):
        v = (h * power) % p
        c = v.coeffs()
        cols.append([c[i] if i < len(c) else flint.fmpq(0) for i in range(d)])
        power = (power * flint.fmpq_poly([0, 1])) % p
    m = flint.fmpq_mat(d, d, [cols[j][i] for i in range(d) for j in range(d)])
    chi = m.charpoly()
    q = chi / chi.gcd(chi.derivative()) if chi.degree() > 1 else chi
    return q / q.leading_coefficient()


def _real_roots(p: flint.fmpq_poly) -> list[_Field]:
    """The real roots of irreducible ``p``, ascending, as fields with isolating intervals.

    FLINT's complex root isolation (Arb) returns the real roots first, with an
    exactly zero imaginary part; each ball is turned into a rational interval
    and checked for a sign change. Should a check fail, sympy isolates instead.
    """
    if p.degree() == 1:
        return [_Field(p, flint.fmpq(0), flint.fmpq(0))]
    num = flint.fmpz_poly([int(c) for c in (p * p.denom()).coeffs()])
    out: list[_Field] = []
    root: Any
    for root, _ in num.complex_roots():  # type: ignore[misc]  # the stub lacks the pair type
        if root.imag != 0:
            break
        mid = _arf_to_fmpq(root.real.mid())
        rad = _arf_to_fmpq(root.real.rad().mid()) * 2 + flint.fmpq(1, 2**200)
        lo, hi = mid - rad, mid + rad
        s_lo, s_hi = _fsign(p(lo)), _fsign(p(hi))
        if s_lo * s_hi != -1 or (out and lo <= out[-1].hi):
            return _real_roots_sympy(p)
        out.append(_Field(p, lo, hi, len(out)))
    for field in out:
        field.count = len(out)
    return out


def _arf_to_fmpq(value: Any) -> flint.fmpq:
    man, exp = value.man_exp()
    exp = int(exp)
    return flint.fmpq(int(man) * 2**exp) if exp >= 0 else flint.fmpq(int(man), 2**-exp)


def _real_roots_sympy(p: flint.fmpq_poly) -> list[_Field]:
    x = sp.Dummy("x")
    poly = sp.Poly([sp.Rational(int(c.p), int(c.q)) for c in reversed(p.coeffs())], x)
    out = []
    for index, ((a, b), _) in enumerate(poly.intervals()):
        fa = flint.fmpq(int(a.p), int(a.q))
        fb = flint.fmpq(int(b.p), int(b.q))
        out.append(_Field(p, fa, fb, index))
    for field in out:
        field.count = len(out)
    return out


# ----------------------------------------------------------------------------------------
# Polynomial systems
# ----------------------------------------------------------------------------------------


def _grevlex_key(m: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
    return sum(m), tuple(-e for e in reversed(m))


def _terms(p: Any) -> dict[tuple[int, ...], int]:
    """A FLINT polynomial as ``{exponents: integer coefficient}`` with plain ints."""
    return dict(zip([tuple(map(int, m)) for m in p.monoms()], map(int, p.coeffs()), strict=True))


def _divides(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(x <= y for x, y in zip(a, b, strict=True))


class _Basis:
    """A reduced Groebner basis (degrevlex) and what follows from its leading monomials.

    ``order`` (None: the system's own) lists the system's unknowns in the order
    of the basis's variables, in the basis's own ring ``ctx``: the basis's
    variable ``k`` is the unknown ``order[k]``.
    """

    def __init__(
        self,
        polys: list[flint.fmpz_mpoly],
        nvars: int,
        ctx: Any = None,
        order: tuple[int, ...] | None = None,
    ) -> None:
        self.nvars = nvars
        self.polys = polys
        self.ctx = ctx
        self.order = order
        self.leading = [tuple(int(e) for e in p.monoms()[0]) for p in polys]
        self.inconsistent = any(p.is_constant() and not p.is_zero() for p in polys)

    @property
    def zero_dimensional(self) -> bool:
        if self.inconsistent:
            return False
        for k in range(self.nvars):
            if not any(m[k] > 0 and sum(m) == m[k] for m in self.leading):
                return False
        return True

    def independent_set(self) -> tuple[int, ...]:
        """A largest set of variables no leading monomial lies in (the dimension)."""
        for size in range(self.nvars, 0, -1):
            for subset in itertools.combinations(range(self.nvars), size):
                inside = set(subset)
                if not any(all(k in inside for k, e in enumerate(m) if e) for m in self.leading):
                    return subset
        return ()

    def standard_monomials(self) -> list[tuple[int, ...]]:
        zero = (0,) * self.nvars
        seen = {zero}
        queue = [zero]
        while queue:
            m = queue.pop()
            for k in range(self.nvars):
                nxt = tuple(e + (i == k) for i, e in enumerate(m))
                if nxt not in seen and not any(_divides(lm, nxt) for lm in self.leading):
                    seen.add(nxt)
                    queue.append(nxt)
        return sorted(seen, key=_grevlex_key)

    def normal_forms(
        self, ctx: Any, monos: list[tuple[int, ...]], targets: list[tuple[int, ...]]
    ) -> dict[tuple[int, ...], dict[tuple[int, ...], flint.fmpq]]:
        """The normal form of each target monomial, as coordinates on the standard monomials.

        A leading monomial's is the rest of its basis element over minus the
        leading coefficient (the basis is reduced: the rest is standard). Others
        are reduced: FLINT reduces only up to a scalar (the primitive part);
        reducing ``t`` and ``t + b0`` (``b0`` standard, so its own normal form)
        pins the scalar down.
        """
        vec = flint.fmpz_mpoly_vec(self.polys, ctx)
        out: dict[tuple[int, ...], dict[tuple[int, ...], flint.fmpq]] = {}
        if len(monos) == 1:  # a single simple point: evaluate there
            point = [flint.fmpq(0)] * self.nvars
            for g in self.polys:
                d = _terms(g)
                (lm,) = [m for m in d if sum(m) == 1]
                k = lm.index(1)
                point[k] = -flint.fmpq(int(d.get(monos[0], 0))) / int(d[lm])
            for t in targets:
                v = flint.fmpq(1)
                for k, e in enumerate(t):
                    v *= point[k] ** e
                out[t] = {monos[0]: v} if v else {}
            return out
        standard = set(monos)
        leads = dict(zip(self.leading, self.polys, strict=True))
        for t in targets:
            lead = leads.get(t)
            if lead is not None:  # a leading monomial: the rest of its (reduced) basis element
                terms = _terms(lead)
                lc = flint.fmpq(terms.pop(t))
                if all(m in standard for m in terms):
                    out[t] = {m: -c / lc for m, c in terms.items()}
                    continue
            f = ctx.from_dict({t: 1})
            p1 = _terms(f.reduction_primitive_part(vec))
            if not p1:
                out[t] = {}
                continue
            b0 = next(b for b in monos if any(m != b for m in p1))
            m = next(m for m in p1 if m != b0)
            p2 = _terms((f + ctx.from_dict({b0: 1})).reduction_primitive_part(vec))
            a1m, a1b = flint.fmpq(int(p1[m])), flint.fmpq(int(p1.get(b0, 0)))
            a2m, a2b = flint.fmpq(int(p2[m])), flint.fmpq(int(p2.get(b0, 0)))
            c1 = 1 / (a1m * a2b / a2m - a1b)
            out[t] = {mono: c1 * int(c) for mono, c in p1.items()}
        return out


def _reduced_basis(eqs: list[flint.fmpz_mpoly], ctx: Any) -> list[flint.fmpz_mpoly]:
    basis = flint.fmpz_mpoly_vec(eqs, ctx).buchberger_naive().autoreduction()
    polys = [basis[i] for i in range(len(basis))]  # type: ignore[arg-type]  # stub lacks __len__
    return [p for p in polys if not p.is_zero()]


def _groebner(
    eqs: list[flint.fmpz_mpoly], ctx: Any, nvars: int, order: tuple[int, ...] | None = None
) -> _Basis:
    """The reduced basis of the system, first in the variable ``order`` when given.

    A basis in another variable order serves only when the system is
    inconsistent or zero-dimensional: the univariate representation is read
    off traces of multiplication maps on the quotient algebra, which do not
    depend on the basis. A positive-dimensional system (whose independent set
    depends on the order) is computed again in its own order.
    """
    eqs = [e for e in eqs if not e.is_zero()]
    if any(e.is_constant() for e in eqs):
        return _Basis([ctx.constant(1)], nvars, ctx)
    if not eqs:
        return _Basis([], nvars, ctx)
    if order is not None:
        octx = flint.fmpz_mpoly_ctx.get([f"z{k}" for k in range(nvars)], "degrevlex")
        moved = [
            octx.from_dict({tuple(m[k] for k in order): c for m, c in e.to_dict().items()})
            for e in eqs
        ]
        basis = _Basis(_reduced_basis(moved, octx), nvars, octx, order)
        if basis.inconsistent or basis.zero_dimensional:
            return basis
    return _Basis(_reduced_basis(eqs, ctx), nvars, ctx)


def _univariate_representation(
    basis: _Basis, ctx: Any, weights: Sequence[int], certain_only: bool = False
) -> tuple[flint.fmpq_poly, list[flint.fmpq_poly], flint.fmpq_poly, bool] | None:
    """Rouillier's RUR for the linear form ``sum(weights * y)``.

    Returns ``f`` (square-free), ``g_k``, ``g_1`` and whether the representation
    is certainly exact: the solutions are ``y_k = g_k(a) / g_1(a)`` over the
    roots ``a`` of ``f``, when the form separates them. It certainly does when
    the characteristic polynomial of the form's multiplication matrix is
    square-free: its ``dim`` distinct roots are the form's values at the
    solutions counted with multiplicity, so there are ``dim`` simple solutions,
    all separated. The matrix powers are taken in integers (scaled by a
    common denominator) so FLINT multiplies without rational reductions.
    With ``certain_only``, returns None (before the traces) when the
    representation is not certainly exact. ``weights`` and the ``g_k`` are
    in the system's order of unknowns whatever the basis's
    (:attr:`_Basis.order`); the result does not depend on the basis.
    """
    order = basis.order
    if basis.ctx is not None:
        ctx = basis.ctx
    if order is not None:
        weights = [weights[k] for k in order]
    monos = basis.standard_monomials()
    index = {m: i for i, m in enumerate(monos)}
    dim = len(monos)
    n = basis.nvars
    border = sorted(
        {tuple(e + (i == k) for i, e in enumerate(m)) for m in monos for k in range(n)} - set(monos)
    )
    forms = basis.normal_forms(ctx, monos, border)
    mats = []
    for k in range(n):
        entries = [[flint.fmpq(0)] * dim for _ in range(dim)]
        for j, m in enumerate(monos):
            shifted = tuple(e + (i == k) for i, e in enumerate(m))
            if shifted in index:
                entries[index[shifted]][j] = flint.fmpq(1)
            else:
                for mono, c in forms[shifted].items():
                    entries[index[mono]][j] = c
        mats.append(flint.fmpq_mat(dim, dim, [v for row in entries for v in row]))
    mz = flint.fmpq_mat(dim, dim)
    for w, mk in zip(weights, mats, strict=True):
        mz = mz + mk * w
    az, delta = mz.numer_denom()  # mz = az / delta with az an integer matrix
    chi = mz.charpoly()
    f = chi / chi.gcd(chi.derivative()) if chi.degree() > 1 else chi
    f = f / f.leading_coefficient()
    d = f.degree()
    if certain_only and d != dim:
        return None
    # trace(N P) = sum N[i, j] P[j, i]: every trace at once as one integer product of
    # the rows N^T (flattened; the identity first) with the columns P = az**i (flattened)
    size = dim * dim
    rows: list[list[int | flint.fmpz]] = [[int(i % (dim + 1) == 0) for i in range(size)]]
    dens = [flint.fmpz(1)]
    for mk in mats:
        num, den = mk.numer_denom()
        flat = num.entries()
        rows.append([flat[(i % dim) * dim + i // dim] for i in range(size)])
        dens.append(den)
    powers = []
    power = flint.fmpz_mat(dim, dim, [int(i == j) for i in range(dim) for j in range(dim)])
    for step in range(d):  # power = az**i = delta**i * mz**i
        powers.append(power.entries())
        if step + 1 < d:  # the next power (none after the last trace)
            power = power * az
    left = flint.fmpz_mat(n + 1, size, [v for row in rows for v in row])
    right = flint.fmpz_mat(size, d, [powers[step][e] for e in range(size) for step in range(d)])
    product = left * right  # product[k, i] = dens[k] * delta**i * trace(N_k mz**i)
    # g = sum_i trace_i * sum_j a[i + j + 1] x^j, summed over the integers: with
    # f = F / lcd and trace_i = product[k, i] / (dens[k] * delta**i), scaled by
    # lcd * dens[k] * delta**(d - 1) and divided once at the end
    lcd = f.denom()
    big = f.numer().coeffs()
    tails = [flint.fmpz_poly(big[i + 1 : d + 1]) for i in range(d)]
    lifts = [delta ** (d - 1 - i) for i in range(d)]
    polys = []
    for k in range(n + 1):
        total = flint.fmpz_poly([])
        for i in range(d):
            total += tails[i] * (product[k, i] * lifts[i])
        polys.append(flint.fmpq_poly(total) / (lcd * dens[k] * delta ** (d - 1)))
    gs = polys[1:]
    if order is not None:  # the basis's variable k is the unknown order[k]
        gs = [gs[order.index(k)] for k in range(n)]
    return f, gs, polys[0], f.degree() == dim


# ----------------------------------------------------------------------------------------
# The enumeration
# ----------------------------------------------------------------------------------------


# a real solution: its field, coordinates, rationals near them, whether certainly a solution
_Point = tuple[_Field, list[flint.fmpq_poly], list[flint.fmpq], bool]


@dataclass(frozen=True)
class _Found:
    support: Support
    field: _Field
    probs: tuple[tuple[flint.fmpq_poly, ...], ...]


class _Solver:
    def __init__(self, tables: list[np.ndarray]) -> None:
        self.tables = tables
        self.n = len(tables)
        self.shape = tables[0].shape
        self.floats = [t.astype(float) for t in tables]
        # float error in a vertex value is below 1e-12 of the largest payoff (see excluded)
        self.margins = [1e-9 * max(1.0, float(np.abs(f).max(initial=0.0))) for f in self.floats]
        self._dominated: dict[tuple[int, Support], frozenset[int]] = {}
        self._stacked: np.ndarray | None = None  # the float tables for the compiled kernel
        self._rows: dict[tuple[int, Support], list[list[tuple[int, int]]]] = {}
        self._payoff_rows: dict[tuple[int, Support], list[list[int]]] = {}
        self._masks: list[tuple[list[list[int]], list[tuple[int, int, int, int]]]] | None = None
        # each player's payoffs by own strategy, then the others' profile flattened (C order)
        self._flat = [
            [[int(v) for v in row] for row in np.moveaxis(t, i, 0).reshape(self.shape[i], -1)]
            for i, t in enumerate(tables)
        ]

    # --- supports ---------------------------------------------------------------------

    def supports(self) -> list[Support]:
        per_player = [
            [c for k in range(1, m + 1) for c in itertools.combinations(range(m), k)]
            for m in self.shape
        ]
        profiles = list(itertools.product(*per_player))
        profiles.sort(key=lambda s: (sum(len(x) for x in s), s))
        return profiles

    def payoff_rows(self, i: int, support: Support) -> list[list[int]]:
        """Player ``i``'s payoffs, one row per own strategy, over the others' support profiles.

        The profiles in C order (the first other player's strategy slowest), as
        ``np.ix_`` on the table would give them; Python ints, cached per ``S_-i``.
        """
        others = tuple(() if j == i else support[j] for j in range(self.n))
        rows = self._payoff_rows.get((i, others))
        if rows is None:
            strides = []
            stride = 1
            for j in reversed(range(self.n)):
                if j != i:
                    strides.append((j, stride))
                    stride *= self.shape[j]
            strides.reverse()
            flat = [0]
            for j, st in strides:
                flat = [k + st * s for k in flat for s in support[j]]
            rows = [[full[k] for k in flat] for full in self._flat[i]]
            self._payoff_rows[(i, others)] = rows
        return rows

    def dominated(self, support: Support) -> bool:
        """Whether some ``s`` in ``S_i`` is weakly beaten (strictly somewhere) on ``S_-i``.

        On bit masks over the others' profiles (flattened as in :meth:`payoff_rows`):
        ``t`` beats ``s`` on ``S_-i`` when none of its profiles is one where ``t``
        does worse than ``s`` and some is one where it does better.
        """
        if self._masks is None:
            self._masks = [self._dominance_masks(i) for i in range(self.n)]
        for i in range(self.n):
            others = tuple(() if j == i else support[j] for j in range(self.n))
            beaten = self._dominated.get((i, others))
            if beaten is None:
                select, pairs = self._masks[i]
                inside = -1  # every profile
                for j, own in enumerate(others):
                    if j != i:
                        inside &= sum(select[j][t] for t in own)
                beaten = frozenset(
                    s for s, t, worse, better in pairs if not worse & inside and better & inside
                )
                self._dominated[(i, others)] = beaten
            if any(s in beaten for s in support[i]):
                return True
        return False

    def _dominance_masks(self, i: int) -> tuple[list[list[int]], list[tuple[int, int, int, int]]]:
        """Player ``i``'s masks: the others' profiles by each strategy of each other player,
        and for each ordered pair ``(s, t)`` where ``t`` does worse and where better."""
        strides = {}
        stride = 1
        for j in reversed(range(self.n)):
            if j != i:
                strides[j] = stride
                stride *= self.shape[j]
        select = [
            [
                sum(1 << k for k in range(stride) if (k // strides[j]) % self.shape[j] == t)
                for t in range(self.shape[j])
            ]
            if j != i
            else []
            for j in range(self.n)
        ]
        rows = self._flat[i]
        pairs = []
        for s in range(self.shape[i]):
            for t in range(self.shape[i]):
                if t != s:
                    gaps = [a - b for a, b in zip(rows[t], rows[s], strict=True)]
                    worse = sum(1 << k for k, g in enumerate(gaps) if g < 0)
                    better = sum(1 << k for k, g in enumerate(gaps) if g > 0)
                    pairs.append((s, t, worse, better))
        return select, pairs

    def excluded(self, support: Support, budget: int) -> bool:
        """Whether no equilibrium has this support, shown by subdividing the strategy simplices.

        Each player's expected payoffs are linear in every other player's
        mixture, so over a product of simplices (one per player, inside that
        player's support) they range between their values at the products of
        vertices. A region holds no equilibrium when, for some player, some
        strategy earns strictly more than a strategy of the support at every
        vertex product (the support's strategies must earn equal, best payoffs).
        Regions not excluded are halved along their longest edge, a level at a
        time, up to ``budget`` regions in all; False means "not shown", never
        "has an equilibrium".

        The vertices are dyadic (at most 40 halvings per player), so they are
        exact floats and a vertex value is a convex combination of payoffs with
        rounding error far below 1e-12 of the largest payoff; a strategy counts
        as strictly better only by more than ``self.margins`` (1e-9 of it).
        The compiled kernel does the same halving; without numba,
        :meth:`excluded_numpy` does.
        """
        compiled = _compiled_excluded()
        if compiled is not None:
            if self._stacked is None:
                self._stacked = compiled.prepare(self.floats)
            decided = compiled.excluded(self._stacked, support, self.margins, budget)
            if decided is not None:
                return decided
        return self.excluded_numpy(support, budget)

    def excluded_numpy(self, support: Support, budget: int) -> bool:
        """:meth:`excluded` in numpy calls (used when numba is not installed)."""
        n = self.n
        movable = [j for j in range(n) if len(support[j]) > 1]
        if not movable:
            return False
        # each player's payoffs on the support, own strategies first
        subs = [
            np.moveaxis(
                self.floats[i][
                    np.ix_(*[range(self.shape[j]) if j == i else support[j] for j in range(n)])
                ],
                i,
                0,
            )
            for i in range(n)
        ]
        pairs = [np.array(list(itertools.combinations(range(len(support[j])), 2))) for j in movable]
        owner = np.concatenate([np.full(len(p), j) for j, p in zip(movable, pairs, strict=True)])
        ends = np.concatenate(pairs)  # (edges, 2): the two vertices of each edge
        regions = [np.eye(len(support[j]))[None] for j in range(n)]  # (R, vertices, strategies)
        depth = np.zeros((1, n), dtype=int)
        seen = 0
        while True:
            count = len(regions[0])
            seen += count
            if seen > budget:
                return False
            keep = ~self._regions_excluded(support, subs, regions)
            if not keep.any():
                return True
            regions = [v[keep] for v in regions]
            depth = depth[keep]
            count = len(regions[0])
            lengths = np.concatenate(
                [
                    np.abs(regions[j][:, p[:, 0]] - regions[j][:, p[:, 1]]).sum(axis=2)
                    for j, p in zip(movable, pairs, strict=True)
                ],
                axis=1,
            )
            choice = lengths.argmax(axis=1)  # the first longest edge
            player = owner[choice]
            rows = np.arange(count)
            if (depth[rows, player] >= 40).any():
                return False
            depth[rows, player] += 1
            depth = np.concatenate([depth, depth])
            first, second = ends[choice, 0], ends[choice, 1]
            children = []
            for j in range(n):
                mine = np.flatnonzero(player == j)
                low, high = regions[j].copy(), regions[j].copy()
                if len(mine):
                    mid = (regions[j][mine, first[mine]] + regions[j][mine, second[mine]]) / 2
                    low[mine, first[mine]] = mid
                    high[mine, second[mine]] = mid
                children.append(np.concatenate([low, high]))
            regions = children

    def _regions_excluded(
        self, support: Support, subs: list[np.ndarray], regions: list[np.ndarray]
    ) -> np.ndarray:
        """For each region of the batch, whether it is shown to hold no equilibrium."""
        count = len(regions[0])
        out = np.zeros(count, dtype=bool)
        for i in range(self.n):
            # contract the others' strategy axes from the last: values has the axes (region,
            # own strategy and the strategies not yet contracted, next strategy, vertices so
            # far); batched matrix products, the vertex order being immaterial (a minimum)
            others = [j for j in range(self.n) if j != i]
            partial = subs[i].reshape(1, -1, subs[i].shape[-1], 1)
            for k in range(len(others) - 1, -1, -1):
                partial = regions[others[k]][:, None] @ partial
                if k:
                    size = len(support[others[k - 1]])
                    partial = partial.reshape(count, -1, size, partial.shape[2] * partial.shape[3])
            values = partial.reshape(count, self.shape[i], -1)
            used = list(support[i])
            # gaps[r, a, k]: the least excess of strategy a over the k-th used strategy
            gaps = (values[:, :, None, :] - values[:, None, used, :]).min(axis=3)
            gaps[:, used, range(len(used))] = -np.inf
            out |= (gaps > self.margins[i]).any(axis=(1, 2))
        return out

    # --- systems ----------------------------------------------------------------------

    def system(
        self, support: Support, ties: Support
    ) -> tuple[Any, list[flint.fmpz_mpoly], list[list[Any]]]:
        names = [f"y{i}_{k}" for i in range(self.n) for k in range(1, len(support[i]))]
        ctx = flint.fmpz_mpoly_ctx.get(names or ["_"], "degrevlex")
        gens = list(ctx.gens()) if names else []
        one = ctx.constant(1)
        it = iter(gens)
        probs = []
        for i in range(self.n):
            ys = [next(it) for _ in range(1, len(support[i]))]
            probs.append([one - sum(ys, ctx.constant(0)), *ys])
        eqs: list[flint.fmpz_mpoly] = []
        for i in range(self.n):
            values = self.values(i, support, probs, lambda v: ctx.constant(int(v)))
            base = values[support[i][0]]
            eqs.extend(values[s] - base for s in support[i][1:])
            eqs.extend(values[t] - base for t in ties[i])
        return ctx, eqs, probs

    def values(
        self,
        i: int,
        support: Support,
        probs: list[list[Any]],
        lift: Any,
        reduce: Callable[[Any], Any] | None = None,
    ) -> list[Any]:
        """Player ``i``'s expected payoff of each pure strategy against ``probs`` on ``support``.

        ``probs[j]`` holds player ``j``'s probabilities of the strategies in
        ``support[j]`` (polynomials); ``lift(0)`` is the zero of their ring.
        ``reduce``, when given, is applied to every partial product (elements of
        a number field stay of low degree, and small).
        """
        others = [j for j in range(self.n) if j != i]
        key = (i, tuple(() if j == i else support[j] for j in range(self.n)))
        rows = self._rows.get(key)
        if rows is None:  # the nonzero payoffs of each own strategy, by the others' profile
            flat = self.payoff_rows(i, support)
            rows = [[(k, c) for k, c in enumerate(row) if c] for row in flat]
            self._rows[key] = rows
        # the products over the others' profiles (the first player's strategy slowest),
        # sharing the partial products
        products = list(probs[others[0]])
        for j in others[1:]:
            if reduce is None:
                products = [m * f for m in products for f in probs[j]]
            else:
                products = [reduce(m * f) for m in products for f in probs[j]]
        zero = lift(0)
        return [sum((products[k] * c for k, c in row), zero) for row in rows]

    # --- zero-dimensional solving -----------------------------------------------------

    def solve_points(
        self, support: Support, basis: _Basis, ctx: Any, eqs: list[Any]
    ) -> list[_Point] | None:
        """Real solutions near the probability box; None when no RUR could be verified.

        Every real solution is checked numerically against the equations (a
        linear form that does not separate the solutions gives points that are
        not solutions, and then another form is tried); the points returned are
        those whose ``y`` lie in ``[0, 1]`` up to rounding, to be checked exactly.
        Each comes with rationals within ``10**-_VALUE_DIGITS`` of its ``y`` and
        whether it certainly solves the equations (a certainly exact RUR).
        """
        n = basis.nvars
        if n == 0:
            return [(_Field(flint.fmpq_poly([0, 1]), flint.fmpq(0), flint.fmpq(0)), [], [], False)]
        terms = [[(float(c), m) for m, c in _terms(e).items()] for e in eqs]
        for attempt in range(-1, _FIELD_TRIES):
            if attempt < 0:  # the sum of the first mixing player's own unknowns, if exact
                weights = self.first_form(support, n)
                if weights is None:
                    continue
                rur = _univariate_representation(basis, ctx, weights, certain_only=True)
                if rur is None:
                    continue
            else:
                weights = [1 + ((attempt + 1) * (k + 1) * 7 + k * k) % 23 for k in range(n)]
                rur = _univariate_representation(basis, ctx, weights)
            assert rur is not None
            f, gs, g1, certain = rur
            out: list[_Point] = []
            ok = True
            _, factors = f.factor()
            for p, _mult in factors:
                inv = _inverse_mod(g1, p)
                hs = [(g * inv) % p for g in gs]
                for field in _real_roots(p):
                    approx = [field.value(h, _VALUE_DIGITS) for h in hs]
                    y = [int(v.p) / int(v.q) for v in approx]  # as to_float
                    if not _solves(terms, y):
                        ok = False
                        break
                    if all(-1e-9 <= v <= 1 + 1e-9 for v in y):
                        out.append((field, hs, approx, certain))
                if not ok:
                    break
            if ok:
                return out
        return None

    def first_form(self, support: Support, n: int) -> list[int] | None:
        """Weights of the form ``y_1 + ... + y_m``: the first mixing player's own unknowns.

        When this form separates the solutions, a field it generates has as
        generator one minus the first nonzero probability of a profile, so
        :meth:`_Field.rebased` needs no linear solve. None for one unknown in all
        (the default form is then the same unknown).
        """
        if n < 2:
            return None
        for own in support:
            if len(own) > 1:
                m = len(own) - 1
                return [1] * m + [0] * (n - m)
        return None

    def check(
        self,
        support: Support,
        field: _Field,
        hs: list[flint.fmpq_poly],
        strict: Support | None,
        approx: list[flint.fmpq] | None = None,
        solved: bool = False,
    ) -> tuple[tuple[flint.fmpq_poly, ...], ...] | None:
        """The full probability vectors if the point is an equilibrium with this support.

        With ``strict`` (the unused strategies that must do strictly worse) the
        point must also be interior to its piece of the equilibrium set.
        ``solved``: the point certainly solves the support's indifference system,
        so only the signs of the probabilities and of the unused strategies'
        payoff gaps are left. With ``approx`` (rationals within
        ``10**-_VALUE_DIGITS`` of the ``y``) those signs are first read off Arb
        balls; only a ball that holds zero is decided exactly in the field.
        """
        balls: list[Any] | None = None
        if approx is not None and field.degree > 1:
            radius = flint.fmpq(1, 10**_VALUE_DIGITS)
            balls = [flint.arb(v, radius) for v in approx]
        it = iter(hs)
        probs: list[list[flint.fmpq_poly]] = []
        prob_balls: list[list[Any]] = []
        k = 0
        for i in range(self.n):
            ys = [next(it) for _ in range(1, len(support[i]))]
            first = field.reduce(flint.fmpq_poly([1]) - sum(ys, flint.fmpq_poly([])))
            vec = [flint.fmpq_poly([]) for _ in range(self.shape[i])]
            row: list[Any] = []
            if balls is not None:
                own = balls[k : k + len(ys)]
                k += len(ys)
                row = [1 - sum(own, flint.arb(0)), *own]
            for j, (s, v) in enumerate(zip(support[i], [first, *ys], strict=True)):
                sign = _ball_sign(row[j]) if balls is not None else None
                if sign is None:
                    sign = field.sign(v)
                if sign <= 0:
                    return None
                vec[s] = v
            probs.append(vec)
            prob_balls.append(row)
        used = [[vec[s] for s in support[j]] for j, vec in enumerate(probs)]
        for i in range(self.n):
            values: list[flint.fmpq_poly] | None = None  # in the field, when needed
            if not solved:
                values = self.field_values(i, support, used, field)
                base = values[support[i][0]]
                for s in support[i][1:]:
                    if field.sign(values[s] - base) != 0:
                        return None
            unused = [t for t in range(self.shape[i]) if t not in support[i]]
            if not unused:
                continue
            approx_values = None
            if balls is not None:
                approx_values = self.values(i, support, prob_balls, lambda v: flint.arb(int(v)))
            for t in unused:
                sign = None
                if approx_values is not None:
                    sign = _ball_sign(approx_values[t] - approx_values[support[i][0]])
                if sign is None:
                    if values is None:
                        values = self.field_values(i, support, used, field)
                    sign = field.sign(values[t] - values[support[i][0]])
                if sign > 0 or (strict is not None and t in strict[i] and sign == 0):
                    return None
        return tuple(tuple(v) for v in probs)

    def field_values(
        self, i: int, support: Support, used: list[list[flint.fmpq_poly]], field: _Field
    ) -> list[flint.fmpq_poly]:
        """Player ``i``'s expected payoffs (:meth:`values`) as elements of ``field``."""
        lift = lambda v: flint.fmpq_poly([int(v)])  # noqa: E731
        return [field.reduce(v) for v in self.values(i, support, used, lift, field.reduce)]

    # --- one support ------------------------------------------------------------------

    def pure(self, support: Support, out: _Collector) -> None:
        """A pure profile: an equilibrium when no player gains by a switch."""
        profile = tuple(s[0] for s in support)
        for i in range(self.n):
            index: list[int | slice] = list(profile)
            index[i] = slice(None)
            if self.tables[i][tuple(index)].max() > self.tables[i][profile]:
                return
        field = _Field(flint.fmpq_poly([0, 1]), flint.fmpq(0), flint.fmpq(0))
        probs = tuple(
            tuple(flint.fmpq_poly([int(t == s[0])]) for t in range(m))
            for s, m in zip(support, self.shape, strict=True)
        )
        out.add(support, field, probs)

    def explore(self, support: Support, out: _Collector) -> None:
        empty: Support = tuple(() for _ in range(self.n))
        self.explore_ties(support, empty, out, start=0)

    def unused(self, support: Support) -> list[tuple[int, int]]:
        return [(i, t) for i in range(self.n) for t in range(self.shape[i]) if t not in support[i]]

    def explore_ties(self, support: Support, ties: Support, out: _Collector, start: int) -> None:
        ctx, eqs, _ = self.system(support, ties)
        nvars = sum(len(s) - 1 for s in support)
        point = _linear_point(eqs, nvars)
        if point is not None:  # a regular linear system: its one solution, no Groebner basis
            if all(0 <= v <= 1 for v in point):
                field = _Field(flint.fmpq_poly([0, 1]), flint.fmpq(0), flint.fmpq(0))
                hs = [flint.fmpq_poly([v]) for v in point]
                probs = self.check(support, field, hs, None, solved=True)
                if probs is not None:
                    out.add(support, field, probs)
            return
        basis = _groebner(eqs, ctx, nvars, self.variable_order(support))
        if basis.inconsistent:
            return
        if basis.zero_dimensional or nvars == 0:
            points = self.solve_points(support, basis, ctx, eqs)
            if points is None:
                out.unresolved.append(support)
                return
            for field, hs, approx, certain in points:
                probs = self.check(support, field, hs, None, approx, certain)
                if probs is not None:
                    out.add(support, field, probs)
            return
        # positive-dimensional: look for a continuum, then for tied isolated points
        if support not in out.continua:
            self.sample_continuum(support, ties, basis, ctx, eqs, out)
        unused = self.unused(support)
        for k in range(start, len(unused)):
            i, t = unused[k]
            more = tuple(tuple(sorted((*ties[j], t))) if j == i else ties[j] for j in range(self.n))
            self.explore_ties(support, more, out, k + 1)

    def variable_order(self, support: Support) -> tuple[int, ...] | None:
        """A faster variable order for the support's Groebner basis, or None (the own order).

        Chosen by timing FLINT's Buchberger on every order (four unknowns) or
        on 48 orders and more (six) of the full supports of the reference and
        random games; the answers do not depend on it (:func:`_groebner`).
        Four players each mixing two strategies (one unknown each, player
        ``i``'s equation multilinear in the others'): ``y_0, y_2, y_1, y_3``,
        about a quarter of the own order's time on random 2x2x2x2 games (the
        worst orders take ten times it). Three players each mixing three
        strategies (unknowns ``y_{i,1}, y_{i,2}`` of player ``i`` numbered
        ``2i, 2i + 1``): ``0, 2, 3, 4, 1, 5``, about half the time on random
        3x3x3 games (the worst orders take forty times it).
        """
        if self.n == 4 and all(len(s) == 2 for s in support):
            return (0, 2, 1, 3)
        if self.n == 3 and all(len(s) == 3 for s in support):
            return (0, 2, 3, 4, 1, 5)
        return None

    def sample_continuum(
        self,
        support: Support,
        ties: Support,
        basis: _Basis,
        ctx: Any,
        eqs: list[Any],
        out: _Collector,
    ) -> None:
        free = basis.independent_set()
        gens = list(ctx.gens())
        strict = tuple(
            tuple(t for t in range(self.shape[i]) if t not in support[i] and t not in ties[i])
            for i in range(self.n)
        )
        values: list[tuple[Fraction, ...]]
        if len(free) == 1:
            values = [(v,) for v in self.critical_samples(support, ties, basis, ctx, eqs, free[0])]
        else:
            values_1d = list(_SAMPLE_GRID)
            grid = list(itertools.product(values_1d, repeat=len(free)))
            values = grid[:: max(1, len(grid) // 40)]
        for vals in values:
            extra = [gens[k] * v.denominator - v.numerator for k, v in zip(free, vals, strict=True)]
            sliced = _groebner(eqs + extra, ctx, basis.nvars)
            if sliced.inconsistent or not sliced.zero_dimensional:
                continue
            points = self.solve_points(support, sliced, ctx, eqs + extra)
            for field, hs, approx, certain in points or []:
                probs = self.check(support, field, hs, strict, approx, certain)
                if probs is not None:
                    out.continuum(support, field, probs)
                    return
        if len(free) > 1:
            out.maybe_unresolved.append(support)

    def critical_samples(
        self, support: Support, ties: Support, basis: _Basis, ctx: Any, eqs: list[Any], var: int
    ) -> list[Fraction]:
        """Values of ``y[var]`` between those where a constraint becomes tight (plus a grid)."""
        _, _, probs = self.system(support, ties)
        constraints: list[Any] = []
        for i in range(self.n):
            constraints.extend(probs[i])
            if any(t not in support[i] and t not in ties[i] for t in range(self.shape[i])):
                values = self.values(
                    i,
                    tuple(
                        tuple(range(m)) if j == i else support[j] for j, m in enumerate(self.shape)
                    ),
                    probs,
                    lambda v: ctx.constant(int(v)),
                )
                base = values[support[i][0]]
                constraints.extend(
                    values[t] - base
                    for t in range(self.shape[i])
                    if t not in support[i] and t not in ties[i]
                )
        crit = {Fraction(0), Fraction(1)}
        for g in constraints:
            tight = _groebner([*eqs, g], ctx, basis.nvars)
            if tight.inconsistent or not tight.zero_dimensional:
                continue
            points = self.solve_points(support, tight, ctx, [*eqs, g])
            for field, hs, _, _ in points or []:
                v = field.value(hs[var], 12)
                crit.add(Fraction(int(v.p), int(v.q)))
        cuts = sorted(c for c in crit if 0 <= c <= 1)
        samples = [
            _simple_between(lo, hi) for lo, hi in itertools.pairwise(cuts) if hi - lo > 1e-12
        ]
        return samples + [g for g in _SAMPLE_GRID if g not in samples]


@functools.cache
def _compiled_excluded() -> ModuleType | None:
    """The compiled subdivision, imported on first use (numba loads slowly); None without it."""
    try:
        from negotiation.solvers import subdivision_numba
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    return subdivision_numba if subdivision_numba.available() else None


def _linear_point(eqs: list[flint.fmpz_mpoly], nvars: int) -> list[flint.fmpq] | None:
    """The solution of ``nvars`` linear equations in ``nvars`` unknowns, when it is unique.

    None when an equation is not linear, the count differs or the matrix is singular
    (then the system may be inconsistent or have a line of solutions).
    """
    if nvars == 0 or len(eqs) != nvars or any(e.total_degree() > 1 for e in eqs):
        return None
    unit = [tuple(int(k == j) for k in range(nvars)) for j in range(nvars)]
    zero = (0,) * nvars
    rows: list[int] = []
    rhs: list[int] = []
    for e in eqs:
        terms = _terms(e)
        rows.extend(terms.get(m, 0) for m in unit)
        rhs.append(-terms.get(zero, 0))
    matrix = flint.fmpq_mat(nvars, nvars, rows)
    if matrix.det() == 0:
        return None
    solution = matrix.solve(flint.fmpq_mat(nvars, 1, rhs))
    return [solution[k, 0] for k in range(nvars)]


def _simple_between(lo: Fraction, hi: Fraction) -> Fraction:
    """A rational with a small denominator strictly between ``lo`` and ``hi``."""
    mid = (lo + hi) / 2
    for bound in (7, 31, 97, 1009, 10007, 100003):
        c = mid.limit_denominator(bound)
        if lo < c < hi and c not in (Fraction(1, 2), Fraction(1, 3), Fraction(2, 3)):
            return c
    return mid


def _inverse_mod(g: flint.fmpq_poly, p: flint.fmpq_poly) -> flint.fmpq_poly:
    if p.degree() == 1:
        c0, c1 = p.coeffs()
        v = g(-c0 / c1)
        return flint.fmpq_poly([1 / v])
    d, s, _ = g.xgcd(p)  # s * g + t * p = d (a constant, p being irreducible)
    return (s / d.coeffs()[0]) % p


def _solves(terms: list[list[tuple[float, tuple[int, ...]]]], y: list[float]) -> bool:
    """Whether ``y`` solves the equations up to rounding (relative to their coefficients)."""
    for eq in terms:
        total = 0.0
        size = 0.0
        for c, mono in eq:
            v = c
            for k, e in enumerate(mono):
                if e:
                    v *= y[k] ** e
            total += v
            size += abs(v) + abs(c)
        if abs(total) > 1e-7 * size:
            return False
    return True


class _Collector:
    def __init__(self) -> None:
        self.found: list[_Found] = []
        self.continua: dict[Support, _Found] = {}
        self.unresolved: list[Support] = []
        self.maybe_unresolved: list[Support] = []

    def add(self, support: Support, field: _Field, probs: tuple[tuple[Any, ...], ...]) -> None:
        self.found.append(_Found(support, field, probs))

    def continuum(
        self, support: Support, field: _Field, probs: tuple[tuple[Any, ...], ...]
    ) -> None:
        self.continua.setdefault(support, _Found(support, field, probs))


# ----------------------------------------------------------------------------------------
# Public entry points
# ----------------------------------------------------------------------------------------


def support_enumeration_nplayer(
    payoffs: Sequence[Any],
    *,
    exact: bool,
    tol: float = 1e-9,
    max_supports: int | None = None,
) -> SupportEnumerationResult:
    """Every Nash equilibrium of an N-player game (finitely many), by support enumeration.

    Parameters
    ----------
    payoffs
        One array per player, each of shape ``(n_1, ..., n_N)``: sympy Rationals
        or integers when ``exact``, floats otherwise.
    exact
        Return sympy numbers (Rationals, radicals, CRootOf) rather than floats.
    tol
        Float results are checked to be equilibria within ``tol`` times the range
        of the payoffs (the regret of each player).
    max_supports
        Refuse games with more support profiles than this
        (default :data:`DEFAULT_MAX_SUPPORTS`, 1000).

    Returns
    -------
    SupportEnumerationResult
        ``profiles``: the equilibria, each a tuple of one probability vector per
        player (tuples of sympy numbers, or float arrays), ordered by support
        size, then support, then probabilities (descending); and the supports of
        any continua found (``continuum_supports``, with a witness each).

    Raises
    ------
    InvalidGameError
        Malformed payoffs, or more support profiles than ``max_supports``.
    ExactArithmeticError
        ``exact=True`` with payoffs that are not rational.

    Notes
    -----
    The work grows with the number of support profiles, ``prod(2**n_i - 1)``,
    and with the largest indifference system, ``sum(n_i - 1)`` unknowns: a
    3x3x3 game (343 supports, 6 unknowns) or a 2x2x2x2 game (81 supports,
    4 unknowns) takes some tens of milliseconds. For larger games use the
    logit path (``method="logit"``), which follows one equilibrium.

    Examples
    --------
    The three-player volunteer's dilemma (benefit 2 when anyone volunteers,
    cost 1): in the symmetric equilibrium each player ignores with probability
    ``(c / b) ** (1 / (n - 1)) = 1/sqrt(2)``.

    >>> import numpy as np
    >>> import sympy as sp
    >>> def u(i):
    ...     return np.array([[[sp.Integer(2 * (1 - (a and b and c)) - (1 - (a, b, c)[i]))
    ...                        for c in (0, 1)] for b in (0, 1)] for a in (0, 1)], dtype=object)
    >>> res = support_enumeration_nplayer([u(0), u(1), u(2)], exact=True)
    >>> len(res.profiles), res.has_continuum
    (7, False)
    >>> res.profiles[-1][0]
    (1 - sqrt(2)/2, sqrt(2)/2)
    """
    tables = _integer_tables(payoffs, exact)
    shape = tables[0].shape
    check_supports(shape, DEFAULT_MAX_SUPPORTS if max_supports is None else max_supports)
    solver = _Solver(tables)
    out = _Collector()
    for support in solver.supports():
        if solver.dominated(support):
            continue
        nvars = sum(len(s) - 1 for s in support)
        if nvars == 0:
            solver.pure(support, out)
            continue
        linear = sum(len(s) > 1 for s in support) <= 2  # then solved at once in explore
        budget = _EXCLUSION_BUDGET[min(nvars, len(_EXCLUSION_BUDGET) - 1)]
        if not linear and budget and solver.excluded(support, budget):
            continue
        solver.explore(support, out)
    return _result(solver, out, payoffs, exact, tol)


def _result(
    solver: _Solver, out: _Collector, payoffs: Sequence[Any], exact: bool, tol: float
) -> SupportEnumerationResult:
    def convert(found: _Found) -> tuple[Any, ...]:
        if exact:
            field = found.field
            if field.degree > 2:  # a simpler generator: the first coordinate of full degree
                ys = [
                    vec[s]
                    for vec, own in zip(found.probs, found.support, strict=True)
                    for s in own[1:]
                ]
                field = field.rebased([v for vec in found.probs for v in vec], ys)
                probs = tuple(
                    _rewritten(field, vec, own)
                    for vec, own in zip(found.probs, found.support, strict=True)
                )
                return tuple(tuple(field.to_sympy(v) for v in vec) for vec in probs)
            return tuple(tuple(field.to_sympy(v) for v in vec) for vec in found.probs)
        return tuple(np.array([found.field.to_float(v) for v in vec]) for vec in found.probs)

    def floats(found: _Found) -> tuple[float, ...]:
        return tuple(found.field.to_float(v) for vec in found.probs for v in vec)

    seen = set()
    unique = []
    for f in out.found:
        key = (f.support, tuple(round(v, 10) for v in floats(f)))
        if key not in seen:
            seen.add(key)
            unique.append(f)
    unique.sort(
        key=lambda f: (sum(len(s) for s in f.support), f.support, tuple(-v for v in floats(f)))
    )
    profiles = [convert(f) for f in unique]
    if not exact:
        arrays = [np.asarray(p, dtype=float) for p in payoffs]
        scale = max(float(max(a.max() for a in arrays) - min(a.min() for a in arrays)), 1.0)
        profiles = [p for p in profiles if max(regret(arrays, p)) <= tol * scale]
    continua = sorted(out.continua)
    unresolved = sorted(
        set(out.unresolved) | {s for s in out.maybe_unresolved if s not in out.continua}
    )
    return SupportEnumerationResult(
        profiles=tuple(profiles),
        continuum_supports=tuple(continua),
        continuum_witnesses=tuple(convert(out.continua[s]) for s in continua),
        unresolved_supports=tuple(unresolved),
    )


def regret(payoffs: Sequence[Any], profile: Sequence[Sequence[Any]]) -> tuple[Any, ...]:
    """Each player's largest gain from a unilateral switch to a pure strategy.

    Exact (sympy) when the payoffs and the profile are exact: radicals are
    expanded and ``CRootOf`` sums decided through their minimal polynomial, so
    an equilibrium gives exact zeros. Floats otherwise.

    Parameters
    ----------
    payoffs
        One array per player, each of shape ``(n_1, ..., n_N)``.
    profile
        One probability vector per player.

    Returns
    -------
    tuple
        ``max_t u_i(t, x_-i) - u_i(x)`` for each player ``i`` (never negative).

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1, -1], [-1, 1]])
    >>> regret([A, -A], [(0.5, 0.5), (0.5, 0.5)])
    (0.0, 0.0)
    >>> regret([A, -A], [(1, 0), (1, 0)])
    (0, 2)
    """
    arrays = [np.asarray(p, dtype=object) for p in payoffs]
    n = len(arrays)
    vecs = []
    for v in profile:
        vec = np.empty(len(v), dtype=object)
        vec[:] = list(v)
        vecs.append(vec)
    symbolic = any(isinstance(x, sp.Basic) for vec in vecs for x in vec) or any(
        isinstance(x, sp.Basic) for a in arrays for x in a.flat
    )
    floating = any(isinstance(x, float | np.floating) for vec in vecs for x in vec) or any(
        isinstance(x, float | np.floating) for a in arrays for x in a.flat
    )
    gains: list[Any] = []
    for i in range(n):
        arr = arrays[i]
        for j in reversed(range(n)):
            if j != i:
                arr = np.tensordot(arr, vecs[j], axes=([j], [0]))
        values = list(arr)
        current = sum((x * v for x, v in zip(vecs[i], values, strict=True)), 0)
        if floating and not symbolic:
            gains.append(max(0.0, float(max(float(v) for v in values) - float(current))))
            continue
        diffs = [_exact_number(sp.sympify(v - current)) for v in values]
        best = max(diffs, key=lambda d: float(sp.N(d, 30)))
        gains.append(best if _exact_number(best) != 0 or not symbolic else sp.Integer(0))
    return tuple(gains)


def _exact_number(e: sp.Expr) -> sp.Expr:
    """``e`` expanded; zero exactly when it is a polynomial in one CRootOf that vanishes."""
    e = sp.expand(e)
    if e.is_Rational or not e.has(sp.CRootOf):
        return e
    roots = e.atoms(sp.CRootOf)
    if len(roots) == 1:
        (root,) = roots
        t = sp.Dummy("t")
        as_poly = sp.Poly(e.subs(root, t), t)
        minimal = sp.Poly(root.poly.as_expr(), *root.poly.gens).as_expr().subs(root.poly.gens[0], t)
        if as_poly.rem(sp.Poly(minimal, t)).is_zero:
            return sp.Integer(0)
        return e
    x = sp.Dummy("x")
    return sp.Integer(0) if sp.minimal_polynomial(e, x) == x else e


def bezout_bound(shape: Sequence[int]) -> int:
    """Bezout's bound on the solutions of the largest indifference system (every strategy played).

    Player ``i`` contributes ``n_i - 1`` equations, each of degree the number
    of other players with two or more strategies (its expected payoffs are
    multilinear in their mixtures).

    Examples
    --------
    >>> bezout_bound((3, 3, 3)), bezout_bound((2, 2, 2, 2)), bezout_bound((2,) * 5)
    (64, 81, 1024)
    """
    mixing = sum(1 for n in shape if n >= 2)
    return math.prod(max(mixing - 1, 1) ** (n - 1) for n in shape if n >= 2)


def check_supports(shape: Sequence[int], max_supports: int) -> None:
    """Refuse, before any work, a game beyond the work bounds of support enumeration.

    More support profiles than ``max_supports``, or a largest indifference
    system beyond :data:`MAX_BEZOUT` solutions (:func:`bezout_bound`), unless
    ``max_supports`` is ``sys.maxsize`` (no bound).

    Raises
    ------
    WorkLimitError
        Naming the method that finds one equilibrium fast and the limit that
        would admit the game.

    Examples
    --------
    >>> check_supports((3, 3, 3), 1000)
    >>> check_supports((4, 4, 4), 1000)
    Traceback (most recent call last):
    ...
    negotiation.errors.WorkLimitError: support enumeration of a 4x4x4 game would examine 3,375 support profiles (each a system of polynomial equations), more than max_supports=1,000; for one equilibrium use method='logit' (fast), or raise the limit if you can wait: game.equilibria(max_supports=3_400), or max_supports=None for no limit
    """
    shape = tuple(int(n) for n in shape)
    count = count_support_profiles(shape)
    size = "x".join(map(str, shape))
    bezout = bezout_bound(shape)
    if bezout > MAX_BEZOUT and max_supports < sys.maxsize:
        unknowns = sum(n - 1 for n in shape)
        raise WorkLimitError(
            f"support enumeration of a {size} game needs, where every strategy is played, a "
            f"system of {unknowns} polynomial equations in {unknowns} unknowns with up to "
            f"{bezout:,} solutions (Bezout's bound), beyond what exact solving does in "
            f"reasonable time (the limit is {MAX_BEZOUT:,}); for one equilibrium use "
            "method='logit' (fast), or give max_supports=None to try anyway (it may run for "
            "hours)",
            option="max_supports",
            bound=bezout,
            suggested=None,
        )
    if count > max_supports:
        suggested = suggested_limit(count)
        raise WorkLimitError(
            f"support enumeration of a {size} game would examine {count:,} support profiles "
            f"(each a system of polynomial equations), more than max_supports={max_supports:,}; "
            "for one equilibrium use method='logit' (fast), or raise the limit if you can "
            f"wait: game.equilibria(max_supports={suggested:_}), or max_supports=None for no "
            "limit",
            option="max_supports",
            bound=count,
            suggested=suggested,
        )


def solve(
    tables: PayoffTables, *, exact: bool, tol: float, max_supports: int = DEFAULT_MAX_SUPPORTS
) -> Solved:
    """The solver-table entry for support enumeration in exact arithmetic or with N >= 3 players.

    A continuum of equilibria is reported in the notes (the isolated
    equilibria and endpoints found are still returned). A game with more
    support profiles than ``max_supports`` is refused before any work.
    """
    check_supports(tables.shape, max_supports)
    arrays = tables.fractions if exact else tables.floats
    if exact:
        arrays = tuple(_as_rationals(a) for a in arrays)
    result = support_enumeration_nplayer(arrays, exact=exact, tol=tol, max_supports=max_supports)
    notes: list[str] = []
    if result.continuum_supports:
        notes.append(
            f"the game has a continuum of equilibria (on {len(result.continuum_supports)} "
            "support profile(s)); the equilibria listed include its endpoints"
        )
    if result.unresolved_supports:
        notes.append(
            f"{len(result.unresolved_supports)} support profile(s) have a solution set of "
            "dimension two or more; the search there is not exhaustive"
        )
    return Solved(list(result.profiles), "support_enumeration", exact, tuple(notes))


def _as_rationals(a: np.ndarray) -> np.ndarray:
    out = np.empty(a.shape, dtype=object)
    out.reshape(-1)[:] = [sp.Rational(f.numerator, f.denominator) for f in a.reshape(-1)]
    return out
