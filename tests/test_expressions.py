"""The restricted expression parser: what it builds, what it refuses, and that nothing runs."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.expressions import (
    FUNCTIONS,
    MAX_EXPONENT,
    canonical,
    check_name,
    expression_text,
    parse_expression,
)

a, b, m, x = sp.symbols("a b m x")
NAMES = ["a", "b", "m", "x"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-m*a", -m * a),
        ("a + 2*b - 3", a + 2 * b - 3),
        ("(a + b)/3", (a + b) / 3),
        ("0.55", sp.Rational(11, 20)),
        ("0.1 + 0.2", sp.Rational(3, 10)),
        ("1e-3*a", a / 1000),
        ("1_000", sp.Integer(1000)),
        ("x**2 - x**-1", x**2 - 1 / x),
        ("2**10", sp.Integer(1024)),
        ("+a", a),
        ("--a", a),
        ("max(a, b, 1)", sp.Max(a, b, 1)),
        ("min(a, 0)", sp.Min(a, 0)),
        ("abs(a - b)", sp.Abs(a - b)),
        ("exp(-x)", sp.exp(-x)),
        ("log(x)", sp.log(x)),
        ("log(x, 2)", sp.log(x) / sp.log(2)),
        ("sqrt(x)", sp.sqrt(x)),
        ("x**0.5", sp.sqrt(x)),
        ("where(x > 0, x, 0)", sp.Piecewise((x, x > 0), (0, True))),
        ("where(x >= 1 and a < 2, 1, 2)", sp.Piecewise((1, (x >= 1) & (a < 2)), (2, True))),
        ("where(x < 0 or x > 1, 1, 0)", sp.Piecewise((1, (x < 0) | (x > 1)), (0, True))),
        ("where(not x > 1, a, b)", sp.Piecewise((a, x <= 1), (b, True))),
        ("where(0 < x <= 1, a, b)", sp.Piecewise((a, (x > 0) & (x <= 1)), (b, True))),
        ("where(x == 1, a, b)", sp.Piecewise((a, sp.Eq(x, 1)), (b, True))),
        ("where(x != 1, a, b)", sp.Piecewise((a, sp.Ne(x, 1)), (b, True))),
        ("where(2 > 1, a, b)", a),
        ("  a  ", a),
        (3, sp.Integer(3)),
    ],
)
def test_parses_the_grammar_into_exact_sympy(text, expected):
    result = parse_expression(text, NAMES)
    assert result == expected
    assert not result.atoms(sp.Float)


def test_symbols_are_plain_and_can_be_supplied():
    assert parse_expression("m", ["m"]) == sp.Symbol("m")
    k = sp.Symbol("k", positive=True)
    assert parse_expression("k + 1", {"k": k}) == k + 1


def test_exported_at_top_level():
    assert ng.parse_expression is parse_expression


HOSTILE = [
    ("__import__('os').system('touch {sentinel}')", "attribute access ('.system')"),
    ("__import__('os')", "calling '__import__' is not allowed"),
    ("open('{sentinel}', 'w')", "calling 'open' is not allowed"),
    ("eval('1')", "calling 'eval' is not allowed"),
    ("exec('x = 1')", "calling 'exec' is not allowed"),
    ("a.__class__.__bases__", "attribute access ('.__bases__')"),
    ("(1).real", "attribute access ('.real')"),
    ("a[0]", "subscripts"),
    ("lambda: 1", "lambda functions are not allowed"),
    ("[c for c in ()]", "comprehensions are not allowed"),
    ("(c for c in ())", "generator expressions are not allowed"),
    ("{'k': 1}", "dictionaries are not allowed"),
    ("[1, 2]", "lists are not allowed"),
    ("(a, b)", "tuples are not allowed"),
    ("'text'", "the str constant 'text' is not allowed"),
    ("b'bytes'", "the bytes constant"),
    ("f'{a}'", "strings are not allowed"),
    ("1j", "the complex constant 1j"),
    ("True", "the bool constant True"),
    ("None", "the NoneType constant"),
    ("a if b else 1", "write where(c, a, b)"),
    ("(y := 1)", "assignment expressions"),
    ("max(*[a])", "starred arguments"),
    ("exp(x=1)", "keyword arguments in exp(...)"),
    ("q + 1", "unknown name 'q'; declare it as a parameter first"),
    ("_hidden", "names cannot start with '_'"),
    ("__builtins__", "names cannot start with '_'"),
    ("sin(x)", "calling 'sin' is not allowed"),
    ("exp", "'exp' is a function; call it"),
    ("2**10**10", f"is too large (at most {MAX_EXPONENT} in absolute value)"),
    ("9**9**9**9", "is too large"),
    ("(10**100)**100", "is beyond 10**1000"),
    ("a**b", "must be a number"),
    ("a // 2", "floor division"),
    ("a % 2", "the remainder operator"),
    ("a ^ 2", "write '**' for powers"),
    ("a & b", "the bitwise operator '&'"),
    ("a @ b", "matrix multiplication"),
    ("~a", "the operator '~'"),
    ("1/0", "divides by zero"),
    ("0**-1", "divides by zero"),
    ("log(0)", "log(0) is minus infinity"),
    ("sqrt(-1)", "not a real number"),
    ("(-8)**0.5", "not a real number"),
    ("a > 1", "can only appear as the first argument of where"),
    ("a > 1 and b", "can only appear as the first argument of where"),
    ("not a", "is a condition, not a number"),
    ("where(a, 1, 2)", "must be a comparison"),
    ("where(a > 1, 1)", "where(...) takes 3 arguments, not 2"),
    ("max()", "max(...) takes 1 to 20 arguments, not 0"),
    ("a +", "it is not a valid formula"),
    ("import os", "it is not a valid formula"),
    ("a; b", "it is not a valid formula"),
    ("1and a", "invalid decimal literal"),
    ('"\\d"', "invalid escape sequence"),
    ("", "it is empty"),
    ("   ", "it is empty"),
    ("a" + "+a" * 400, "parts (at most"),
    ("1" * 5000, "characters long"),
]


@pytest.mark.parametrize(("text", "fragment"), HOSTILE)
def test_refuses_hostile_and_malformed_input_without_running_it(tmp_path, text, fragment):
    sentinel = tmp_path / "pwned"
    text = text.replace("{sentinel}", str(sentinel))
    with pytest.raises(ng.UnsafeExpressionError) as info:
        parse_expression(text, NAMES)
    message = str(info.value)
    assert fragment in message
    assert "Allowed: numbers, the declared names (a, b, m, x)" in message
    assert not sentinel.exists()


def test_unknown_name_lists_the_declared_names():
    with pytest.raises(ng.UnsafeExpressionError, match=r"unknown name 'mm'.*\(a, b, m, x\)"):
        parse_expression("2*mm", NAMES)
    with pytest.raises(ng.UnsafeExpressionError, match="none are declared"):
        parse_expression("t", ())


def test_error_is_a_value_error_and_names_the_context():
    with pytest.raises(ValueError, match=r"parties\.US\.valuations\.x 'bad': unknown") as info:
        parse_expression("bad", ["a"], what="parties.US.valuations.x")
    assert isinstance(info.value, ng.NegotiationError)


@pytest.mark.parametrize("value", [None, [1], {"a": 1}, True, b"a"])
def test_non_text_input_is_refused(value):
    with pytest.raises(ng.UnsafeExpressionError, match="must be a string"):
        parse_expression(value, NAMES)


@pytest.mark.parametrize("name", ["re_loss_us", "m", "T_cn", "x2"])
def test_check_name_accepts_identifiers(name):
    assert check_name(name) == name


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("max", "is a function name"),
        ("where", "is a function name"),
        ("lambda", "is a Python keyword"),
        ("match", "is a Python keyword"),
        ("_x", "starts with a letter"),
        ("2x", "starts with a letter"),
        ("a-b", "starts with a letter"),
        ("", "starts with a letter"),
        (None, "starts with a letter"),
    ],
)
def test_check_name_refuses_bad_names(name, fragment):
    with pytest.raises(ng.UnsafeExpressionError, match=fragment):
        check_name(name)


@pytest.mark.parametrize(
    "text",
    [
        "-m*a",
        "a - b/3",
        "where(x > 1, x, -x/3)",
        "where(x > 1 and a <= 2, 1, where(x == 0, 2, 3))",
        "max(a, 2*b) - min(a, 0)",
        "abs(a)/3 + exp(-x)/sqrt(x)",
        "log(x)/log(2)",
        "x**(-2) + 11/20",
        "where(not x > 1, a, b)",
    ],
)
def test_expression_text_round_trips(text):
    expr = parse_expression(text, NAMES)
    assert parse_expression(expression_text(expr), NAMES) == expr


def test_expression_text_refuses_what_the_grammar_cannot_write():
    with pytest.raises(ng.UnsafeExpressionError, match="cannot be written"):
        expression_text(sp.sin(x))
    with pytest.raises(ng.UnsafeExpressionError, match="otherwise"):
        expression_text(sp.Piecewise((x, x > 0)))
    with pytest.raises(ng.UnsafeExpressionError, match="Rational"):
        expression_text(sp.Float(0.5) * x)


# ---------------------------------------------------------------------- properties
_symbols = st.sampled_from([a, b, m, x])
_numbers = st.fractions(min_value=-50, max_value=50, max_denominator=12).map(
    lambda f: sp.Rational(f.numerator, f.denominator)
)


def _extend(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(
        st.tuples(children, children).map(lambda t: t[0] + t[1]),
        st.tuples(children, children).map(lambda t: t[0] - t[1]),
        st.tuples(children, children).map(lambda t: t[0] * t[1]),
        st.tuples(children, st.integers(-3, 3)).map(lambda t: t[0] ** t[1] if t[1] else t[0]),
        st.tuples(children, children).map(lambda t: sp.Max(t[0], t[1])),
        st.tuples(children, children).map(lambda t: sp.Min(t[0], t[1])),
        children.map(sp.Abs),
        _symbols.map(sp.exp),  # exp of a symbol only: towers of exp make sympy crawl
        _symbols.map(sp.sqrt),
        st.tuples(_symbols, _numbers, children, children).map(
            lambda t: sp.Piecewise((t[2], t[0] > t[1]), (t[3], True))
        ),
    )


_expressions = st.recursive(st.one_of(_symbols, _numbers), _extend, max_leaves=8)


@settings(max_examples=60, deadline=None)
@given(_expressions, st.fractions(min_value=-3, max_value=3, max_denominator=7))
def test_property_canonical_form_prints_and_parses_back_exactly(expr, point):
    try:
        form = canonical(expr, NAMES)
    except ng.UnsafeExpressionError:
        # only expressions sympy made non-real or undefined may be refused
        assert expr.has(sp.zoo, sp.nan, sp.I) or expr.is_real is False or expr.has(sp.re)
        return
    assert parse_expression(expression_text(form), NAMES) == form
    shift = sp.Rational(point.numerator, point.denominator)
    values = {s: shift + k for k, s in enumerate((a, b, m, x))}
    difference = sp.N((expr - form).xreplace(values), 30)
    size = sp.N(expr.xreplace(values), 30)
    assert sp.Abs(difference) <= sp.Float("1e-9") * (1 + sp.Abs(size))


_ALPHABET = "abmxq0123456789+-*/()., <>=_'\"[]:;!%^&|~@{}\\\n" + "".join(FUNCTIONS)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_property_any_text_gives_an_expression_or_a_clean_refusal(text):
    try:
        result = parse_expression(text, NAMES)
    except ng.UnsafeExpressionError:
        return
    assert isinstance(result, sp.Expr)
    assert result.free_symbols <= {a, b, m, x}
