"""The fully mixed equilibrium of a 2x2 game in closed form.

Each player mixes so as to make the *other* player indifferent (Osborne 2004,
section 4.3). With symbolic payoffs the probabilities are sympy expressions and
the equilibrium is valid where they lie strictly between 0 and 1.

Examples
--------
>>> import sympy as sp
>>> W, L, C = sp.symbols("W L C", positive=True)
>>> A = sp.Matrix([[0, -L], [W, -C]])   # chicken: swerve / escalate
>>> p, q, condition = mixed_2x2(A, A.T)
>>> sp.simplify(1 - p[0])
W/(C - L + W)
"""

from __future__ import annotations

import sympy as sp

from negotiation.symbolic import EXPANSION_LIMIT, expansion_size

__all__ = ["mixed_2x2"]


def mixed_2x2(
    A: sp.Matrix, B: sp.Matrix
) -> tuple[tuple[sp.Expr, sp.Expr], tuple[sp.Expr, sp.Expr], sp.Boolean]:
    """Row and column mixtures of the fully mixed equilibrium, and where it is valid.

    Returns
    -------
    row, col, condition
        ``row = (p, 1 - p)`` makes the column player indifferent, ``col = (q, 1 - q)``
        the row player; ``condition`` says ``0 < p < 1`` and ``0 < q < 1``
        (which also rules out a zero denominator).
    """
    den_q = A[0, 0] - A[0, 1] - A[1, 0] + A[1, 1]
    den_p = B[0, 0] - B[0, 1] - B[1, 0] + B[1, 1]
    if den_q == 0 or den_p == 0:
        return (sp.nan, sp.nan), (sp.nan, sp.nan), sp.false
    q = _tidy((A[1, 1] - A[0, 1]) / den_q)
    p = _tidy((B[1, 1] - B[1, 0]) / den_p)
    one_minus_p = _tidy(1 - p)
    one_minus_q = _tidy(1 - q)
    condition = sp.And(sp.Gt(p, 0), sp.Gt(one_minus_p, 0), sp.Gt(q, 0), sp.Gt(one_minus_q, 0))
    return (p, one_minus_p), (q, one_minus_q), condition


def _tidy(expr: sp.Expr) -> sp.Expr:
    """A ratio written with as few minus signs as possible: ``W/(C - L + W)``, not ``-W/(L - C - W)``.

    An expression too large to multiply out quickly is left as it is.
    """
    if expansion_size(expr) > EXPANSION_LIMIT:
        return expr
    numerator, denominator = sp.fraction(sp.cancel(sp.together(expr)))
    numerator, denominator = sp.expand(numerator), sp.expand(denominator)

    def minus_signs(e: sp.Expr) -> int:
        return sum(1 for term in sp.Add.make_args(e) if term.could_extract_minus_sign())

    flipped = minus_signs(-numerator) + minus_signs(-denominator)
    if flipped < minus_signs(numerator) + minus_signs(denominator):
        numerator, denominator = -numerator, -denominator
    return sp.factor(numerator) / sp.factor(denominator)
