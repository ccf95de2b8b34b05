"""A restricted parser for the payoff expressions written in scenario files.

A scenario file is data, not a program. Its payoff expressions are parsed with
:mod:`ast` and the tree is walked against an allow-list: numbers, declared
parameter names, ``+ - * / **`` (numeric exponents only), unary minus,
parentheses, and calls to a few functions: ``abs``, ``exp``, ``log``, ``max``,
``min``, ``sqrt`` and ``where(condition, a, b)`` (a two-branch ``Piecewise``).
Comparisons (``< <= > >= == !=``), ``and``, ``or`` and ``not`` may appear only
in the condition of ``where``. The sympy object is built node by node; the
string is never passed to :func:`eval` or :func:`sympy.sympify`, so nothing in a
file can run code. Anything else raises :class:`~negotiation.errors.UnsafeExpressionError`
naming the problem and the declared names.

Decimal numbers are exact: ``0.55`` is ``11/20``.

Work is bounded on any input: the text's length and number of parts, every
number (at most :data:`MAX_DIGITS` digits and an exponent of at most
``MAX_DIGITS`` in a decimal such as ``1e-5``; no number beyond
``10**MAX_DIGITS`` in numerator or denominator, however it is computed), every
exponent (:data:`MAX_EXPONENT`), the size the expression would have when
multiplied out (:data:`MAX_DEGREE`, :data:`MAX_TERMS`, so ``((x+1)**100)**100``
is refused at once) and the argument of ``exp`` of a number
(:data:`MAX_EXP_ARGUMENT`, the largest whose value is a float).

Examples
--------
>>> from negotiation.expressions import parse_expression, expression_text
>>> e = parse_expression("-m*re_loss_us + 0.5", ["m", "re_loss_us"])
>>> e
-m*re_loss_us + 1/2
>>> parse_expression("where(t > 1/2, t, 0)", ["t"])
Piecewise((t, t > 1/2), (0, True))
>>> expression_text(parse_expression("max(a, 2*b)", ["a", "b"]))
'max(a, 2*b)'
>>> parse_expression("__import__('os').system('echo hi')", ["m"])
Traceback (most recent call last):
...
negotiation.errors.UnsafeExpressionError: expression "__import__('os').system('echo hi')": attribute access ('.system') is not allowed. Allowed: numbers, the declared names (m), + - * / **, parentheses and calls to abs, exp, log, max, min, sqrt, where(condition, a, b)
"""

from __future__ import annotations

import ast
import keyword
import math
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import sympy as sp
from sympy.printing.str import StrPrinter

from negotiation.errors import UnsafeExpressionError

__all__ = [
    "FUNCTIONS",
    "MAX_DEGREE",
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "MAX_EXP_ARGUMENT",
    "MAX_LENGTH",
    "MAX_NODES",
    "MAX_TERMS",
    "canonical",
    "check_expression_size",
    "check_name",
    "decimal_number",
    "expanded_size",
    "expression_text",
    "parse_expression",
    "substitute",
]

#: Longest expression accepted, in characters.
MAX_LENGTH = 2000
#: Most syntax-tree nodes accepted in one expression.
MAX_NODES = 300
#: Largest absolute value of an exponent (``x**y`` needs a numeric ``y``).
MAX_EXPONENT = 100
#: Most digits of a number: a decimal's digits and exponent are at most this, and no
#: number (however it is computed) has a numerator or denominator beyond ``10**MAX_DIGITS``.
MAX_DIGITS = 1000
_MAX_DIGITS = MAX_DIGITS
_LIMIT = 10**MAX_DIGITS
#: Highest total degree of an expression multiplied out (``(x+y+1)**60`` has degree 60).
MAX_DEGREE = 200
#: Most terms of an expression multiplied out (``(x+y+1)**60`` has 1,891).
MAX_TERMS = 10_000
#: Largest ``|a|`` in ``exp(a)`` of a number: ``exp(709)`` is about the largest float.
MAX_EXP_ARGUMENT = 709
_DECIMAL = re.compile(r"^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$")
_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _where(condition: sp.Basic, if_true: sp.Expr, if_false: sp.Expr) -> sp.Expr:
    return sp.Piecewise((if_true, condition), (if_false, True))


def _log(*args: sp.Expr) -> sp.Expr:
    return sp.log(*args)


#: The callable functions: name -> (sympy builder, smallest and largest argument count).
FUNCTIONS: Mapping[str, tuple[Callable[..., sp.Expr], int, int]] = {
    "abs": (sp.Abs, 1, 1),
    "exp": (sp.exp, 1, 1),
    "log": (_log, 1, 2),
    "max": (sp.Max, 1, 20),
    "min": (sp.Min, 1, 20),
    "sqrt": (sp.sqrt, 1, 1),
    "where": (_where, 3, 3),
}

_BINARY: dict[type, Callable[[sp.Expr, sp.Expr], sp.Expr]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}
_COMPARE: dict[type, Callable[[sp.Expr, sp.Expr], sp.Basic]] = {
    ast.Lt: sp.Lt,
    ast.LtE: sp.Le,
    ast.Gt: sp.Gt,
    ast.GtE: sp.Ge,
    ast.Eq: sp.Eq,
    ast.NotEq: sp.Ne,
}
_OPERATOR_WORDS = {
    ast.FloorDiv: "floor division '//'",
    ast.Mod: "the remainder operator '%'",
    ast.MatMult: "matrix multiplication '@'",
    ast.BitAnd: "the bitwise operator '&' (write 'and' inside where(...))",
    ast.BitOr: "the bitwise operator '|' (write 'or' inside where(...))",
    ast.BitXor: "the operator '^' (write '**' for powers)",
    ast.LShift: "the shift operator '<<'",
    ast.RShift: "the shift operator '>>'",
    ast.Invert: "the operator '~'",
}
_NODE_WORDS = {
    ast.Attribute: "attribute access is not allowed",
    ast.Subscript: "subscripts ('x[...]') are not allowed",
    ast.Lambda: "lambda functions are not allowed",
    ast.IfExp: "'a if c else b' is not allowed; write where(c, a, b)",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "generator expressions are not allowed",
    ast.List: "lists are not allowed",
    ast.Tuple: "tuples are not allowed",
    ast.Set: "sets are not allowed",
    ast.Dict: "dictionaries are not allowed",
    ast.Starred: "starred arguments are not allowed",
    ast.NamedExpr: "assignment expressions (':=') are not allowed",
    ast.JoinedStr: "strings are not allowed",
    ast.FormattedValue: "strings are not allowed",
    ast.Await: "'await' is not allowed",
    ast.Yield: "'yield' is not allowed",
    ast.YieldFrom: "'yield' is not allowed",
    ast.Slice: "slices are not allowed",
}


def check_name(name: str, what: str = "parameter") -> str:
    """Check that ``name`` can be declared as a parameter and used in expressions.

    A name starts with a letter, continues with letters, digits or ``_``, and is
    neither a Python keyword nor one of the function names in :data:`FUNCTIONS`.

    Raises
    ------
    UnsafeExpressionError
        Naming the bad name and the rule.

    Examples
    --------
    >>> check_name("re_loss_us")
    're_loss_us'
    >>> check_name("max")
    Traceback (most recent call last):
    ...
    negotiation.errors.UnsafeExpressionError: parameter name 'max' is a function name (abs, exp, log, max, min, sqrt, where); choose another name
    """
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise UnsafeExpressionError(
            f"{what} name {name!r} is not allowed; a name starts with a letter and continues "
            "with letters, digits or '_' (e.g. 're_loss_us')"
        )
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        raise UnsafeExpressionError(
            f"{what} name {name!r} is a Python keyword; choose another name"
        )
    if name in FUNCTIONS:
        raise UnsafeExpressionError(
            f"{what} name {name!r} is a function name ({', '.join(FUNCTIONS)}); choose another name"
        )
    return name


def decimal_number(text: str, what: str = "number") -> sp.Rational:
    """The exact rational of a decimal such as ``"0.55"`` or ``"1.5e-3"``, with bounded work.

    A decimal with more than :data:`MAX_DIGITS` digits, or an exponent beyond
    ``±MAX_DIGITS``, is refused before anything is computed (``1e-999999999``
    would otherwise build a number with a billion digits).

    Raises
    ------
    UnsafeExpressionError
        For text that is not a decimal, or one beyond the bounds.

    Examples
    --------
    >>> decimal_number("0.55"), decimal_number("-1.5e-3"), decimal_number("2E3")
    (11/20, -3/2000, 2000)
    >>> decimal_number("1e-999999999")
    Traceback (most recent call last):
    ...
    negotiation.errors.UnsafeExpressionError: number '1e-999999999': its exponent -999999999 is beyond ±1000; write it in other units (e.g. millions)
    """
    shown = text if len(text) <= 40 else text[:37] + "..."
    match = _DECIMAL.match(text.strip().replace("_", ""))
    if not match or not (match.group(2) or match.group(3)):
        raise UnsafeExpressionError(f"{what} {shown!r} is not a decimal number such as 0.55")
    sign, whole, fraction, exponent = match.groups()
    fraction = fraction or ""
    digits = (whole + fraction).lstrip("0")
    if len(digits) > MAX_DIGITS:
        raise UnsafeExpressionError(
            f"{what} {shown!r}: it has {len(digits)} digits (at most {MAX_DIGITS})"
        )
    power = 0
    if exponent is not None:
        if len(exponent.lstrip("+-").lstrip("0")) > 6 or abs(int(exponent)) > MAX_DIGITS:
            raise UnsafeExpressionError(
                f"{what} {shown!r}: its exponent {exponent.lstrip('+')} is beyond ±{MAX_DIGITS}; "
                "write it in other units (e.g. millions)"
            )
        power = int(exponent)
    power -= len(fraction)
    numerator = int(whole + fraction or "0") * (-1 if sign == "-" else 1)
    if power >= 0:
        value = sp.Integer(numerator * 10**power)
    else:
        value = sp.Rational(numerator, 10**-power)
    if not _bounded(value):
        raise UnsafeExpressionError(
            f"{what} {shown!r} is beyond 10**{MAX_DIGITS}; write it in other units"
        )
    return value


def _bounded(value: sp.Rational) -> bool:
    """Whether a rational's numerator and denominator are at most ``10**MAX_DIGITS``."""
    p, q = abs(int(value.p)), int(value.q)
    if max(p.bit_length(), q.bit_length()) <= 3321:  # 2**3321 < 10**1000
        return True
    return p <= _LIMIT and q <= _LIMIT


def _log10_terms(n: int, k: int) -> float:
    """log10 of the number of monomials of ``(t_1 + ... + t_k)**n``: C(n + k - 1, k - 1)."""
    if k <= 1 or n == 0:
        return 0.0
    return (math.lgamma(n + k) - math.lgamma(n + 1) - math.lgamma(k)) / math.log(10)


def expanded_size(expr: sp.Basic) -> tuple[int, float]:
    """An upper estimate of ``(degree, terms)`` of ``expr`` multiplied out, without expanding.

    The degree is the total degree in the free symbols (a function of them
    counts as degree 1); the terms are counted as if no two ever cancelled.
    The work is proportional to the size of the unexpanded expression.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> expanded_size((x + y + 1) ** 60)
    (60, 1891.0)
    >>> expanded_size(((x + 1) ** 100) ** 100)[0]
    10000
    """
    memo: dict[sp.Basic, tuple[int, float]] = {}
    log_degree, log_terms = _size(expr, memo)
    return log_degree, round(10**log_terms, 6) if log_terms < 300 else math.inf


def _size(expr: sp.Basic, memo: dict[sp.Basic, tuple[int, float]]) -> tuple[int, float]:
    """``(degree, log10 of terms)`` of ``expr`` multiplied out (see :func:`expanded_size`)."""
    if expr in memo:
        return memo[expr]
    if expr.is_Number or not expr.free_symbols:
        out = (0, 0.0)
    elif expr.is_Symbol:
        out = (1, 0.0)
    elif expr.is_Add:
        parts = [_size(a, memo) for a in expr.args]
        total = sum(10 ** min(t, 300) for _, t in parts)
        out = (max(d for d, _ in parts), math.log10(total))
    elif expr.is_Mul:
        parts = [_size(a, memo) for a in expr.args]
        out = (sum(d for d, _ in parts), sum(t for _, t in parts))
    elif expr.is_Pow and expr.exp.is_Rational:
        degree, terms = _size(expr.base, memo)
        n = abs(expr.exp)
        if n.is_Integer:
            count = 10 ** min(terms, 300)
            k = int(count) if count < 1e6 else 10**6
            out = (int(n) * degree, _log10_terms(int(n), k))
        else:
            out = (math.ceil(n * degree), terms)
    else:  # functions, exp(x)**y, conditions: each argument on its own, the node one term
        parts = [_size(a, memo) for a in expr.args]
        degree = max((d for d, _ in parts), default=0)
        out = (max(degree, 1), max((t for _, t in parts), default=0.0))
    memo[expr] = out
    return out


def check_expression_size(expr: sp.Basic, what: str = "expression") -> None:
    """Refuse an expression whose work would be unbounded: too large when multiplied out,
    ``exp`` of a number beyond ``±MAX_EXP_ARGUMENT``, or a number beyond ``10**MAX_DIGITS``.

    Used on every parsed expression and on payoffs evaluated at their parameters'
    values (where ``exp(x)`` with ``x = 10**100`` becomes ``exp(10**100)``).

    Raises
    ------
    UnsafeExpressionError
        Naming the bound and the fix.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> check_expression_size((x + 1) ** 60)
    >>> check_expression_size(sp.exp(sp.Integer(10) ** 100), "payoff")
    Traceback (most recent call last):
    ...
    negotiation.errors.UnsafeExpressionError: payoff: exp(10000000000...) has an argument beyond ±709, so its value is beyond any float; write the payoff in other units (e.g. log scale)
    """
    degree, terms = expanded_size(expr)
    if degree > MAX_DEGREE or terms > MAX_TERMS:
        raise UnsafeExpressionError(
            f"{what}: multiplied out it would have degree {degree} and about "
            f"{_count_text(terms)} terms (at most degree {MAX_DEGREE} and {MAX_TERMS:,} terms); "
            "write a smaller formula"
        )
    for node in sp.preorder_traversal(expr):
        if node.is_Rational and not _bounded(node):
            raise UnsafeExpressionError(
                f"{what}: a number in it is beyond 10**{MAX_DIGITS}; write it in other units"
            )
    _check_exponentials(expr, what, set())


def substitute(
    expr: sp.Basic, values: Mapping[sp.Symbol, sp.Expr], what: str = "expression"
) -> sp.Basic:
    """``expr.xreplace(values)`` built from the leaves up, refusing a number beyond the bounds
    before anything is built on it (so ``sqrt`` never meets a 15,000-digit rational).

    Raises
    ------
    UnsafeExpressionError
        For a number beyond ``10**MAX_DIGITS``, ``exp`` of a number beyond
        ``±MAX_EXP_ARGUMENT``, or a value sympy cannot form (``min(I, 1)``).

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> substitute(sp.sqrt(x) + 1, {x: 4})
    3
    """
    memo: dict[sp.Basic, sp.Basic] = {}

    def build(node: sp.Basic) -> sp.Basic:
        if node in memo:
            return memo[node]
        if node in values:
            out = sp.sympify(values[node])
        elif not node.args or not node.free_symbols:
            out = node
        else:
            args = [build(a) for a in node.args]
            for a in args:
                if a.is_Rational and not _bounded(a):
                    raise UnsafeExpressionError(
                        f"{what}: a number in it is beyond 10**{MAX_DIGITS}; write it in "
                        "other units"
                    )
                if isinstance(a, sp.exp):
                    _check_exponentials(a, what, set())
            try:
                out = node.func(*args)
            except UnsafeExpressionError:
                raise
            except (ValueError, TypeError, ZeroDivisionError) as err:
                raise UnsafeExpressionError(
                    f"{what}: it cannot be evaluated there ({err})"
                ) from None
        memo[node] = out
        return out

    result = build(expr)
    check_expression_size(result, what)
    return result


def _count_text(terms: float) -> str:
    if terms == math.inf or terms > 1e15:
        return "more than 10**15"
    return f"{int(terms):,}"


def _check_exponentials(expr: sp.Basic, what: str, seen: set[sp.Basic]) -> None:
    """Check ``exp`` of numbers innermost first, so no tower is ever evaluated."""
    if expr in seen or not expr.args:
        return
    seen.add(expr)
    for arg in expr.args:
        _check_exponentials(arg, what, seen)
    if isinstance(expr, sp.exp) and not expr.args[0].free_symbols:
        argument = expr.args[0]
        try:
            value = float(sp.re(argument.evalf(15)))
        except (TypeError, ValueError, OverflowError):
            value = math.inf
        if not abs(value) <= MAX_EXP_ARGUMENT:
            text = str(argument) if argument.is_Rational and abs(argument.p) < 10**12 else None
            shown = f"exp({text})" if text else f"exp({str(argument)[:11]}...)"
            raise UnsafeExpressionError(
                f"{what}: {shown} has an argument beyond ±{MAX_EXP_ARGUMENT}, so its value is "
                "beyond any float; write the payoff in other units (e.g. log scale)"
            )


def _allowed_text(names: Iterable[str]) -> str:
    listed = ", ".join(sorted(names))
    declared = f"the declared names ({listed})" if listed else "no names (none are declared)"
    return f"Allowed: numbers, {declared}, + - * / **, parentheses and calls to " + ", ".join(
        n if n != "where" else "where(condition, a, b)" for n in FUNCTIONS
    )


def parse_expression(
    text: str,
    names: Iterable[str] | Mapping[str, sp.Symbol] = (),
    *,
    what: str = "expression",
) -> sp.Expr:
    """Parse a payoff expression into a sympy expression, allowing only a small grammar.

    Parameters
    ----------
    text
        The expression, e.g. ``"-m*re_loss_us"`` or ``"where(x > 0, x, 0)"``.
    names
        The declared parameter names (each becomes ``sympy.Symbol(name)``), or
        a mapping from name to the symbol to use.
    what
        How to refer to the expression in error messages (e.g. a file key).

    Returns
    -------
    sympy.Expr
        Built directly from the syntax tree; decimals become exact rationals.

    Raises
    ------
    UnsafeExpressionError
        For syntax errors, names that were not declared, calls outside the
        allow-list, attribute access, subscripts, lambdas, strings, huge
        exponents, division by zero, or a comparison outside ``where``. The
        message names the problem and lists the declared names. Nothing in
        ``text`` is ever executed.

    See Also
    --------
    expression_text : the inverse, used when saving scenario files.

    Examples
    --------
    >>> parse_expression("2**-1 * sqrt(x) + min(x, 1/3)", ["x"])
    sqrt(x)/2 + Min(1/3, x)
    >>> parse_expression("q + 1", ["p"])
    Traceback (most recent call last):
    ...
    negotiation.errors.UnsafeExpressionError: expression 'q + 1': unknown name 'q'; declare it as a parameter first. Allowed: numbers, the declared names (p), + - * / **, parentheses and calls to abs, exp, log, max, min, sqrt, where(condition, a, b)
    """
    if isinstance(names, Mapping):
        symbols = dict(names)
    else:
        symbols = {name: sp.Symbol(name) for name in names}
    return _Parser(text, symbols, what).parse()


class _Parser:
    """Walks one expression's syntax tree; every method returns a sympy object."""

    def __init__(self, text: Any, symbols: dict[str, sp.Symbol], what: str) -> None:
        self.text = text
        # Build with real symbols (parameters are real numbers, so sympy simplifies
        # abs(exp(a)) to exp(a), not exp(re(a))), then hand back the caller's symbols.
        self.symbols = {name: sp.Symbol(name, real=True) for name in symbols}
        self.targets = {self.symbols[name]: symbol for name, symbol in symbols.items()}
        self.what = what

    def fail(self, problem: str) -> UnsafeExpressionError:
        shown = self.text if len(str(self.text)) <= 80 else str(self.text)[:77] + "..."
        quoted = repr(shown) if "'" not in str(shown) else '"' + str(shown) + '"'
        return UnsafeExpressionError(
            f"{self.what} {quoted}: {problem}. {_allowed_text(self.symbols)}"
        )

    def parse(self) -> sp.Expr:
        if isinstance(self.text, bool) or not isinstance(self.text, str | int | float):
            raise UnsafeExpressionError(
                f'{self.what} must be a string such as "-m*re_loss_us" or a number, '
                f"not {type(self.text).__name__} ({self.text!r})"
            )
        if not isinstance(self.text, str):
            self.text = repr(self.text)
        if not self.text.strip():
            raise self.fail("it is empty; write a number or a formula")
        if len(self.text) > MAX_LENGTH:
            raise self.fail(f"it is {len(self.text)} characters long (at most {MAX_LENGTH})")
        try:
            with warnings.catch_warnings():
                # "1and x" parses with a SyntaxWarning; refuse it like a syntax error
                warnings.simplefilter("error")
                tree = ast.parse(self.text.strip(), mode="eval")
        except SyntaxError as err:
            column = f" at column {err.offset}" if err.offset else ""
            raise self.fail(f"it is not a valid formula ({err.msg}{column})") from None
        except (ValueError, RecursionError, MemoryError) as err:
            raise self.fail(f"it cannot be read ({err})") from None
        nodes = list(ast.walk(tree))
        if len(nodes) > MAX_NODES:
            raise self.fail(f"it has {len(nodes)} parts (at most {MAX_NODES})")
        for node in nodes:  # refuse anything outside the grammar before building anything
            self._screen(node)
        self.source = self.text.strip()
        result = self.expr(tree.body)
        try:
            check_expression_size(result)
        except UnsafeExpressionError as err:
            raise self.fail(str(err).removeprefix("expression: ")) from None
        if result.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            raise self.fail("it divides by zero or is infinite")
        if result.is_real is False or result.has(sp.I):
            raise self.fail(f"it is {result}, which is not a real number")
        return result.xreplace(self.targets)

    # ------------------------------------------------------------------ screening
    def _screen(self, node: ast.AST) -> None:
        for kind, words in _NODE_WORDS.items():
            if isinstance(node, kind):
                if isinstance(node, ast.Attribute):
                    raise self.fail(f"attribute access ('.{node.attr}') is not allowed")
                raise self.fail(words)
        if isinstance(node, ast.Constant) and (
            isinstance(node.value, bool) or not isinstance(node.value, int | float)
        ):
            const_kind = type(node.value).__name__
            raise self.fail(f"the {const_kind} constant {node.value!r} is not allowed; use numbers")
        if isinstance(node, ast.BinOp | ast.UnaryOp) and type(node.op) in _OPERATOR_WORDS:
            raise self.fail(f"{_OPERATOR_WORDS[type(node.op)]} is not allowed")
        if isinstance(node, ast.Name) and node.id.startswith("_"):
            raise self.fail(f"the name {node.id!r} is not allowed (names cannot start with '_')")
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name):
                if isinstance(node.func, ast.Attribute):
                    raise self.fail(f"attribute access ('.{node.func.attr}') is not allowed")
                raise self.fail("only calls to the allowed functions by name are allowed")
            if node.func.id not in FUNCTIONS:
                raise self.fail(f"calling {node.func.id!r} is not allowed")
            if node.keywords:
                raise self.fail(f"keyword arguments in {node.func.id}(...) are not allowed")

    # ------------------------------------------------------------------ arithmetic
    def expr(self, node: ast.AST) -> sp.Expr:
        if isinstance(node, ast.Constant):
            return self.number(node)
        if isinstance(node, ast.Name):
            if node.id in self.symbols:
                return self.symbols[node.id]
            if node.id in FUNCTIONS:
                raise self.fail(f"{node.id!r} is a function; call it, e.g. {node.id}(...)")
            raise self.fail(f"unknown name {node.id!r}; declare it as a parameter first")
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                return -self.expr(node.operand)
            if isinstance(node.op, ast.UAdd):
                return self.expr(node.operand)
            raise self.fail(f"'{self.segment(node)}' is a condition, not a number")
        if isinstance(node, ast.BinOp):
            left, right = self.expr(node.left), self.expr(node.right)
            if isinstance(node.op, ast.Pow):
                return self.bounded(self.power(left, right, node), node)
            return self.bounded(_BINARY[type(node.op)](left, right), node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Compare | ast.BoolOp):
            raise self.fail(
                f"the condition '{self.segment(node)}' can only appear as the first "
                "argument of where(condition, a, b)"
            )
        raise self.fail(f"'{self.segment(node)}' is not allowed")  # pragma: no cover

    def bounded(self, value: sp.Expr, node: ast.AST) -> sp.Expr:
        if value.is_Rational and not _bounded(value):
            raise self.fail(
                f"'{self.segment(node)[:60]}' is beyond 10**{MAX_DIGITS}; write it in other units"
            )
        if isinstance(value, sp.exp):
            try:
                _check_exponentials(value, "", set())
            except UnsafeExpressionError as err:
                raise self.fail(str(err).removeprefix(": ")) from None
        return value

    def number(self, node: ast.Constant) -> sp.Expr:
        value = node.value
        if isinstance(value, int):
            if abs(value) > _LIMIT:
                raise self.fail(f"a number is beyond 10**{MAX_DIGITS}; write it in other units")
            return sp.Integer(value)
        assert isinstance(value, float)  # _screen lets only int and float constants through
        literal = self.segment(node) or repr(value)
        try:
            return decimal_number(literal)
        except UnsafeExpressionError as err:
            raise self.fail(str(err)) from None

    def power(self, base: sp.Expr, exponent: sp.Expr, node: ast.BinOp) -> sp.Expr:
        if not exponent.is_Rational:
            raise self.fail(
                f"the exponent in '{self.segment(node)}' must be a number; "
                "for growth in a parameter use exp(...)"
            )
        if abs(exponent) > MAX_EXPONENT:
            raise self.fail(
                f"the exponent {exponent} in '{self.segment(node)}' is too large "
                f"(at most {MAX_EXPONENT} in absolute value)"
            )
        if base.is_Rational or base.is_Mul or base.is_Pow:
            # sympy raises a product's numbers to the power at once ((c*x)**n is c**n * x**n):
            # bound their digits before it does, or 1e100-digit numbers take minutes
            numbers = [base] if base.is_Rational else base.atoms(sp.Rational)
            size = max((max(abs(int(r.p)), abs(int(r.q))) for r in numbers if r != 0), default=1)
            if size > 1 and math.log10(size) * abs(exponent) > _MAX_DIGITS:
                raise self.fail(
                    f"'{self.segment(node)}' is beyond 10**{MAX_DIGITS}; write it in other units"
                )
        if base == 0 and exponent < 0:
            raise self.fail(f"'{self.segment(node)}' divides by zero")
        return base**exponent

    def call(self, node: ast.Call) -> sp.Expr:
        name = node.func.id  # type: ignore[attr-defined]  # checked in _screen
        builder, low, high = FUNCTIONS[name]
        count = len(node.args)
        if not low <= count <= high:
            expected = str(low) if low == high else f"{low} to {high}"
            raise self.fail(f"{name}(...) takes {expected} arguments, not {count}")
        if name == "where":
            condition = self.condition(node.args[0])
            return builder(condition, self.expr(node.args[1]), self.expr(node.args[2]))
        args = [self.expr(arg) for arg in node.args]
        if name in ("log", "sqrt") and args[0].is_number and args[0].is_negative:
            raise self.fail(f"{name} of the negative number {args[0]} is not a real number")
        if name == "log" and args[0] == 0:
            raise self.fail("log(0) is minus infinity")
        try:
            built = builder(*args)
        except UnsafeExpressionError:
            raise
        except (ValueError, TypeError) as err:  # e.g. min(zoo, 1): "not comparable"
            raise self.fail(
                f"{name}(...) cannot be formed ({err}); it divides by zero or is not real"
            ) from None
        return self.bounded(built, node)

    # ------------------------------------------------------------------ conditions
    def condition(self, node: ast.AST) -> sp.Basic:
        if isinstance(node, ast.Compare):
            parts = []
            left = self.expr(node.left)
            for op, comparator in zip(node.ops, node.comparators, strict=True):
                right = self.expr(comparator)
                if type(op) not in _COMPARE:
                    raise self.fail(f"the comparison '{self.segment(node)}' is not allowed")
                parts.append(_COMPARE[type(op)](left, right))
                left = right
            return sp.And(*parts)
        if isinstance(node, ast.BoolOp):
            combine = sp.And if isinstance(node.op, ast.And) else sp.Or
            return combine(*(self.condition(v) for v in node.values))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return sp.Not(self.condition(node.operand))
        raise self.fail(
            f"the first argument of where(...) must be a comparison such as 'x > 0', "
            f"not '{self.segment(node)}'"
        )

    def segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.source, node) or ast.unparse(node)


# ---------------------------------------------------------------------- printing
class _ExpressionPrinter(StrPrinter):
    """sympy's ``str`` printer, speaking the scenario-file grammar."""

    def _print_Max(self, expr: sp.Max) -> str:
        return "max(" + ", ".join(self._print(a) for a in expr.args) + ")"

    def _print_Min(self, expr: sp.Min) -> str:
        return "min(" + ", ".join(self._print(a) for a in expr.args) + ")"

    def _print_Abs(self, expr: sp.Abs) -> str:
        return "abs(" + self._print(expr.args[0]) + ")"

    def _print_Piecewise(self, expr: sp.Piecewise) -> str:
        *pieces, (last_value, last_condition) = expr.args
        if last_condition is not sp.true:
            raise UnsafeExpressionError(
                f"{expr} has no 'otherwise' branch, so it cannot be written as where(c, a, b); "
                "add a final (value, True) piece"
            )
        text = self._print(last_value)
        for value, condition in reversed(pieces):
            text = f"where({self._print(condition)}, {self._print(value)}, {text})"
        return text

    def _relation(self, expr: sp.Basic, op: str) -> str:
        return f"{self._print(expr.lhs)} {op} {self._print(expr.rhs)}"

    def _print_Equality(self, expr: sp.Eq) -> str:
        return self._relation(expr, "==")

    def _print_Unequality(self, expr: sp.Ne) -> str:
        return self._relation(expr, "!=")

    def _print_And(self, expr: sp.And) -> str:
        return " and ".join(f"({self._print(a)})" for a in expr.args)

    def _print_Or(self, expr: sp.Or) -> str:
        return " or ".join(f"({self._print(a)})" for a in expr.args)

    def _print_Not(self, expr: sp.Not) -> str:
        return f"not ({self._print(expr.args[0])})"

    def _print_Exp1(self, expr: sp.Basic) -> str:
        return "exp(1)"

    def _print_Float(self, expr: sp.Float) -> str:
        raise UnsafeExpressionError(
            f"the float {expr} cannot be written exactly; use sympy.Rational('{expr}') instead"
        )


def _print(expr: sp.Basic) -> str:
    """The expression in the file grammar; a number too long to print is refused."""
    try:
        return _ExpressionPrinter().doprint(expr)
    except UnsafeExpressionError:
        raise
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise UnsafeExpressionError(
            f"a number in it is beyond 10**{MAX_DIGITS}; write it in other units"
        ) from None


def _shown(expr: sp.Basic) -> str:
    """A short text of an expression for a message (never fails on huge integers)."""
    try:
        text = str(expr)
    except ValueError:
        return "an expression with a number beyond 10**1000"
    return text if len(text) <= 80 else text[:77] + "..."


def canonical(expr: sp.Basic, names: Iterable[str] | Mapping[str, sp.Symbol] = ()) -> sp.Expr:
    """The expression as the parser would build it from its printed text.

    Scenarios store every payoff in this form, so that saving and loading a
    scenario gives back exactly equal expressions.

    Raises
    ------
    UnsafeExpressionError
        If the expression uses something the grammar cannot write (e.g. ``sin``)
        or a name not in ``names``.

    Examples
    --------
    >>> import sympy as sp
    >>> a = sp.Symbol("a")
    >>> canonical(sp.Abs(sp.exp(a)), ["a"]), canonical(sp.Float(0.5) * a, ["a"])
    (exp(a), a/2)
    """
    if isinstance(expr, sp.Basic) and expr.atoms(sp.Float):
        expr = expr.xreplace({f: sp.Rational(str(f)) for f in expr.atoms(sp.Float)})
    if isinstance(expr, int) and not isinstance(expr, bool):
        expr = sp.Integer(expr)
    if not isinstance(expr, sp.Expr):
        raise UnsafeExpressionError(f"{expr!r} is not an algebraic expression")
    # parameters are real: re(a) becomes a, abs(exp(a)) becomes exp(a)
    real = {s: sp.Symbol(s.name, real=True) for s in expr.free_symbols if isinstance(s, sp.Symbol)}
    expr = expr.xreplace(real)
    try:
        text = _print(expr)
    except UnsafeExpressionError as err:
        raise UnsafeExpressionError(
            f"{_shown(expr)} cannot be written in the scenario-file grammar ({err})"
        ) from None
    try:
        return parse_expression(text, names)
    except UnsafeExpressionError as err:
        raise UnsafeExpressionError(
            f"{_shown(expr)} cannot be written in the scenario-file grammar ({err})"
        ) from None


def expression_text(expr: sp.Basic) -> str:
    """Write a sympy expression in the scenario-file grammar, so that it parses back equal.

    Parameters
    ----------
    expr
        An expression built from numbers, symbols, ``+ - * / **``, ``Abs``,
        ``exp``, ``log``, ``Max``, ``Min``, ``sqrt`` and ``Piecewise`` with a
        final ``True`` branch.

    Returns
    -------
    str
        Text that :func:`parse_expression` turns back into an equal expression.

    Raises
    ------
    UnsafeExpressionError
        If the expression uses something the grammar cannot write (e.g. ``sin``).

    Examples
    --------
    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> expression_text(sp.Piecewise((x, x > 1), (-x / 3, True)))
    'where(x > 1, x, -x/3)'
    """
    if isinstance(expr, int) and not isinstance(expr, bool):
        expr = sp.Integer(expr)
    if not isinstance(expr, sp.Basic):
        raise UnsafeExpressionError(
            f"expression_text needs a sympy expression or an integer, not {expr!r}"
        )
    text = _print(expr)
    names = {s.name: s for s in expr.free_symbols if isinstance(s, sp.Symbol)}
    try:
        back = parse_expression(text, names)
    except UnsafeExpressionError as err:
        raise UnsafeExpressionError(
            f"{_shown(expr)} cannot be written in the scenario-file grammar ({err})"
        ) from None
    if back != expr:
        raise UnsafeExpressionError(
            f"{expr} cannot be written in the scenario-file grammar: it prints as {text!r}, "
            f"which reads back as {back}; store canonical(expr) instead"
        )
    return text
