"""The compiled twin of :func:`negotiation.solvers.lexsearch.vertices_python` (numba).

The same lexicographic breadth-first search over the bases of
``{z >= 0 : C z <= 1}``, with each tableau entry kept as residues modulo ``K``
primes just below ``2**31`` (multi-modular arithmetic) instead of as a Python
integer. Every number the search looks at (a tableau entry of the Bareiss
dictionary, or the cross difference of two rows that a ratio test compares)
is, up to the positive factor ``D``, a ``k x k`` minor of ``[C | I | 1]``, so
Hadamard's inequality bounds it by ``H``; with the primes' product ``M > 2H``
the residues determine the number, and its sign is read exactly from its
mixed-radix digits. Nothing is rounded: the kernel returns the same vertices
as the plain-Python search, only faster. A float copy of the dictionary with
a running error bound per entry stands in front of the residues: a sign that
the floats settle beyond their bound is not computed from the residues, which
decide only ties, exact zeros and values lost in rounding.

The same module holds the float search behind the numeric default
(:func:`vertices_float`: the same lexicographic search on floats, ties within
``FLOAT_ZERO`` of a row's scale, giving up on decisions too close to call),
the compiled pairing of vertices by their label masks (:func:`label_pairs`)
and :func:`snap`, which rounds a float answer to a nearby small fraction.

numba is imported when this module is, so :mod:`negotiation.solvers.lexsearch`
imports it on first use only; :func:`vertices_compiled` returns ``None`` when
numba is missing or the polytope is too large for the kernel's 64-bit masks.

Examples
--------
>>> found = vertices_compiled([[2, 1], [1, 2]])
>>> found is None or sorted(found.masks) == [3, 6, 9, 12]
True
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from negotiation.solvers.lexsearch import PolytopeVertices

try:
    import numba
except ImportError:  # pragma: no cover - depends on the installation
    numba = None  # type: ignore[assignment]

__all__ = [
    "assemble",
    "available",
    "complete_pairs",
    "first_of_close",
    "label_pairs",
    "polytope_vertices",
    "snap",
    "vertex_equilibria",
    "vertices_compiled",
    "vertices_float",
]

# A prime sits above 2**30 and below 2**31, so a product of two residues fits an int64.
_PRIME_BITS = 30
_MAX_PRIMES = 64
_MAX_LABELS = 62  # basis keys and vertex masks are int64 bit sets


_last_bases = [0]


def available() -> bool:
    """Whether numba is installed, so the compiled kernel runs."""
    return numba is not None


def vertices_compiled(
    C: Sequence[Sequence[int]], *, prime_offset: int = 0
) -> PolytopeVertices | None:
    """The vertices of ``{z >= 0 : C z <= 1}`` by the compiled kernel, or ``None``.

    ``None`` when numba is not installed, when the polytope has more than 62
    variables and constraints together, or when its entries are so large that
    more than 64 primes would be needed. ``prime_offset`` skips that many
    primes (the search retries with fresh primes in the rare case that one
    divides a pivot).
    """
    if numba is None:
        return None
    k, d = len(C), len(C[0])
    if d + k > _MAX_LABELS:
        return None
    count = _primes_needed(C)
    for attempt in range(4):
        first = prime_offset + attempt * count
        if first + count > len(_primes()):
            return None
        primes = np.array(_primes()[first : first + count], dtype=np.int64)
        residues = np.array(
            [[[int(v) % q for v in row] for row in C] for q in primes.tolist()], dtype=np.int64
        )
        inverses, half = _mixed_radix_tables(primes.tolist())
        M, _ = _crt_coefficients(primes.tolist())
        weights = np.array([pow(M // q, -1, q) for q in primes.tolist()], dtype=np.int64)
        try:
            floats = np.array([[float(v) for v in row] for row in C], dtype=np.float64)
        except OverflowError:  # entries beyond floats: the plain-Python search
            return None
        status, masks, numerators, bases = _search_filtered(
            residues, floats, primes, weights, inverses, half
        )
        _last_bases[0] = bases
        if status == 0:
            crt = _crt_coefficients(primes.tolist())
            return PolytopeVertices(
                masks.tolist(), functools.partial(_reconstruct, numerators, crt)
            )
    return None  # pragma: no cover - four prime sets each dividing a pivot


def _primes_needed(C: Sequence[Sequence[int]]) -> int:
    """How many primes make their product exceed twice Hadamard's bound on the minors."""
    k = len(C)
    # Rows of [C | I | 1] have squared norms |C_i|^2 + 2; a k x k minor is at most the
    # product of the row norms, and also at most the product of the k largest column norms.
    row_product = 1
    for row in C:
        row_product *= sum(int(v) * int(v) for v in row) + 2
    columns = sorted(
        [sum(int(row[j]) ** 2 for row in C) for j in range(len(C[0]))] + [1] * k + [k],
        reverse=True,
    )
    col_product = 1
    for norm2 in columns[:k]:
        col_product *= norm2
    bound_bits = (min(row_product, col_product).bit_length() + 1) // 2 + 2
    return max(1, -(-bound_bits // _PRIME_BITS))


@functools.cache
def _primes() -> tuple[int, ...]:
    """Primes just below ``2**31``, descending (Miller-Rabin, exact below 3.2e9)."""
    found: list[int] = []
    candidate = (1 << 31) - 1
    while len(found) < _MAX_PRIMES * 2:
        if _is_prime(candidate):
            found.append(candidate)
        candidate -= 2
    return tuple(found)


def _is_prime(n: int) -> bool:
    if n % 2 == 0:
        return n == 2
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


@functools.cache
def _mixed_radix_cache(primes: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    K = len(primes)
    inverses = np.zeros((K, K), dtype=np.int64)
    for j in range(K):
        for i in range(j + 1, K):
            inverses[j, i] = pow(primes[j], -1, primes[i])
    # mixed-radix digits of (M - 1) // 2: a value is negative when its digits exceed these
    rest = (_product(primes) - 1) // 2
    half = np.zeros(K, dtype=np.int64)
    for i, q in enumerate(primes):
        half[i] = rest % q
        rest //= q
    return inverses, half


def _mixed_radix_tables(primes: list[int]) -> tuple[np.ndarray, np.ndarray]:
    return _mixed_radix_cache(tuple(primes))


def _product(values: Sequence[int]) -> int:
    out = 1
    for v in values:
        out *= v
    return out


@functools.cache
def _crt_cache(primes: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
    M = _product(primes)
    return M, tuple((M // q) * pow(M // q, -1, q) for q in primes)


def _crt_coefficients(primes: list[int]) -> tuple[int, tuple[int, ...]]:
    return _crt_cache(tuple(primes))


def _reconstruct(
    numerators: np.ndarray, crt: tuple[int, tuple[int, ...]], index: int
) -> tuple[int, ...]:
    """Vertex ``index``'s integer numerators from their residues (Chinese remainders)."""
    M, coefficients = crt
    half = M // 2
    out = []
    for column in numerators[index].T.tolist():
        value = sum(r * c for r, c in zip(column, coefficients, strict=True)) % M
        out.append(value - M if value > half else value)
    return tuple(out)


if numba is not None:
    _jit = numba.njit(cache=True, nogil=True)

    @_jit
    def _mulmod(a, b, q, q_inverse):  # type: ignore[no-untyped-def]  # pragma: no cover
        """``a * b mod q`` for residues below ``q < 2**31``, with a float quotient estimate."""
        product = a * b
        r = product - np.int64(float(a) * float(b) * q_inverse) * q
        while r < 0:
            r += q
        while r >= q:
            r -= q
        return r

    @_jit
    def _inverse_mod(a: int, q: int) -> int:  # pragma: no cover - compiled
        """The inverse of ``a`` modulo the prime ``q``, or 0 when ``q`` divides ``a``."""
        t, new_t, r, new_r = 0, 1, q, a
        while new_r != 0:
            quotient = r // new_r
            t, new_t = new_t, t - quotient * new_t
            r, new_r = new_r, r - quotient * new_r
        if r != 1:
            return 0
        return t + q if t < 0 else t

    @_jit
    def _exact_sign(x, primes, q_inverses, inverses, half, digits):  # type: ignore[no-untyped-def]  # pragma: no cover
        """The sign of the non-zero integer with residues ``x``, by mixed-radix conversion."""
        K = x.shape[0]
        for i in range(K):
            q = primes[i]
            t = x[i]
            for j in range(i):
                t -= digits[j] % q
                if t < 0:
                    t += q
                t = _mulmod(t, inverses[j, i], q, q_inverses[i])
            digits[i] = t
        for i in range(K - 1, -1, -1):
            if digits[i] > half[i]:
                return -1
            if digits[i] < half[i]:
                return 1
        return 1

    @_jit
    def _sign(x, D, weights, primes, q_inverses, inverses, half, scratch):  # type: ignore[no-untyped-def]  # pragma: no cover
        """The sign of the integer ``X = N D`` in ``[-H, H]``, where ``x`` holds ``N mod q_p``.

        With ``weights[p] = D w_p mod q_p`` and ``w_p`` the inverse of ``M / q_p``,
        ``X / M = sum(x_p weights_p / q_p) mod 1`` (the Chinese remainder theorem):
        in ``[0, 1/4]`` for ``X >= 0`` and in ``[3/4, 1)`` for ``X < 0``, since
        ``M >= 4H``. The float sum is off by far less than ``2**-40``; only a
        fraction that close to 0 or 1 (a value tiny beside ``M``) is settled by
        mixed-radix conversion.
        """
        K = x.shape[0]
        nonzero = False
        for p in range(K):
            if x[p] != 0:
                nonzero = True
                break
        if not nonzero:
            return 0
        if K > 1:
            total = 0.0
            for p in range(K):
                total += float(_mulmod(x[p], weights[p], primes[p], q_inverses[p])) * q_inverses[p]
            fraction = total - np.floor(total)
            if 2.0**-40 < fraction < 0.5:
                return 1
            if 0.5 < fraction < 1.0 - 2.0**-40:
                return -1
        for p in range(K):
            scratch[p] = _mulmod(x[p], D[p], primes[p], q_inverses[p])
        return _exact_sign(scratch[:K], primes, q_inverses, inverses, half, scratch[K:])

    @_jit
    def _mix(key: int) -> int:  # pragma: no cover - compiled
        key ^= key >> 29
        key *= 0x3F4A7C15B9E3779
        key ^= key >> 32
        return key

    @_jit
    def _insert(table, key):  # type: ignore[no-untyped-def]  # pragma: no cover
        """Insert ``key`` (> 0) into an open-addressing set; False when already there."""
        size = table.shape[0]
        h = _mix(key) & (size - 1)
        while True:
            held = table[h]
            if held == 0:
                table[h] = key
                return True
            if held == key:
                return False
            h = (h + 1) & (size - 1)

    @_jit
    def _grow_set(table):  # type: ignore[no-untyped-def]  # pragma: no cover
        bigger = np.zeros(table.shape[0] * 2, dtype=np.int64)
        for key in table:
            if key != 0:
                _insert(bigger, key)
        return bigger


# ---------------------------------------------------------------------- floats
#: A float decision this close to zero (relative to its scale) is a tie or a zero.
FLOAT_ZERO = 1e-13
#: Between FLOAT_ZERO and this, a decision is too close to call in floats: the
#: float search gives up (status 3) and the caller solves exactly.
FLOAT_GRAY = 1e-10


def vertices_float(C: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The vertices of ``{z >= 0 : C z <= 1}`` for a positive float matrix, by the same search.

    The lexicographic search of :func:`vertices_compiled` on a float
    dictionary: a value within ``FLOAT_ZERO`` of zero (relative to its row's
    scale) is a zero, and a ratio-test difference as small a tie, broken by
    the lexicographic rule as in exact arithmetic. Returns ``(masks, points)``
    (label masks and the vertices' coordinates, one row each), or ``None``
    when numba is missing, the polytope has more than 62 variables and
    constraints, or some decision fell between ``FLOAT_ZERO`` and
    ``FLOAT_GRAY`` (too close to call in floats: solve exactly instead).
    """
    if numba is None:
        return None
    C = np.ascontiguousarray(C, dtype=np.float64)
    k, d = C.shape
    if d + k > _MAX_LABELS:
        return None
    status, masks, points = _search_float(C, FLOAT_ZERO, FLOAT_GRAY)
    if status != 0:
        return None
    return masks, points


def label_pairs(row_masks: np.ndarray, col_masks: np.ndarray, m: int, n: int) -> np.ndarray | None:
    """Index pairs (vertex of P, vertex of Q), both non-zero, whose labels cover all ``m + n``.

    ``row_masks`` and ``col_masks`` are over the game's labels (row strategies
    ``0..m-1``, columns ``m..m+n-1``). Returns an ``(E, 2)`` int64 array, or
    ``None`` without numba.
    """
    if numba is None or m + n > _MAX_LABELS:
        return None
    return _pairs(
        np.ascontiguousarray(row_masks, dtype=np.int64),
        np.ascontiguousarray(col_masks, dtype=np.int64),
        m,
        n,
    )


if numba is not None:

    @_jit
    def _popcount(v: int) -> int:  # pragma: no cover - compiled
        count = 0
        while v:
            v &= v - 1
            count += 1
        return count

    @_jit
    def _search_float(C, zero, gray):  # type: ignore[no-untyped-def]  # pragma: no cover
        """Breadth-first lexicographic search on a float dictionary; (status, masks, points).

        Status 0: done; 2: an unbounded direction (impossible for a positive
        ``C``); 3: a decision too close to call.
        """
        k, d = C.shape
        W = d + 1
        rhs = d
        n_vars = d + k
        all_bits = (1 << n_vars) - 1

        cap = 64
        pool_T = np.empty((cap, k, W), dtype=np.float64)
        pool_basis = np.empty((cap, k), dtype=np.int64)
        pool_cob = np.empty((cap, d), dtype=np.int64)
        pool_T[0, :, :d] = C
        pool_T[0, :, d] = 1.0
        for i in range(k):
            pool_basis[0, i] = d + i
        for j in range(d):
            pool_cob[0, j] = j
        head, tail = 0, 1

        seen = np.zeros(1024, dtype=np.int64)
        n_seen = 1
        _insert(seen, all_bits ^ ((1 << d) - 1))
        vertex_set = np.zeros(1024, dtype=np.int64)
        n_vertices = 0
        out_cap = 256
        masks = np.empty(out_cap, dtype=np.int64)
        points = np.zeros((out_cap, d), dtype=np.float64)

        T = np.empty((k, W), dtype=np.float64)
        basis = np.empty(k, dtype=np.int64)
        cob = np.empty(d, dtype=np.int64)
        position = np.empty(n_vars, dtype=np.int64)
        scale = np.empty(k, dtype=np.float64)
        positive = np.empty((k, d), dtype=np.bool_)
        row = np.empty(W, dtype=np.float64)

        while head < tail:
            T[:] = pool_T[head]
            basis[:] = pool_basis[head]
            cob[:] = pool_cob[head]
            head += 1
            key = 0
            for i in range(k):
                key |= 1 << basis[i]
                position[basis[i]] = i
            for j in range(d):
                position[cob[j]] = -1 - j
            for i in range(k):
                s = 1.0
                for j in range(W):
                    a = abs(T[i, j])
                    if a > s:
                        s = a
                scale[i] = s
                for j in range(W):  # a zero is a zero: clean it, or give up if unclear
                    a = abs(T[i, j])
                    if a <= zero * s:
                        T[i, j] = 0.0
                    elif a <= gray * s:
                        return 3, masks[:0], points[:0]

            nonzero = 0
            for i in range(k):
                if T[i, rhs] != 0.0:
                    nonzero |= 1 << basis[i]
            mask = all_bits & ~nonzero
            if 2 * (n_vertices + 1) > vertex_set.shape[0]:
                vertex_set = _grow_set(vertex_set)
            if _insert(vertex_set, mask + 1):
                if n_vertices == out_cap:
                    out_cap *= 2
                    bigger_masks = np.empty(out_cap, dtype=np.int64)
                    bigger_masks[:n_vertices] = masks[:n_vertices]
                    masks = bigger_masks
                    bigger_points = np.zeros((out_cap, d), dtype=np.float64)
                    bigger_points[:n_vertices] = points[:n_vertices]
                    points = bigger_points
                masks[n_vertices] = mask
                for i in range(k):
                    v = basis[i]
                    if v < d and (nonzero >> v) & 1:
                        points[n_vertices, v] = T[i, rhs]
                n_vertices += 1

            for i in range(k):
                for c in range(d):
                    positive[i, c] = T[i, c] > 0.0

            for c in range(d):
                best = -1
                for i in range(k):
                    if not positive[i, c]:
                        continue
                    if best < 0:
                        best = i
                        continue
                    u = T[i, rhs] * T[best, c]
                    w = T[best, rhs] * T[i, c]
                    diff = u - w
                    size = scale[i] * scale[best]
                    sgn = 0
                    if abs(diff) > zero * size:
                        if abs(diff) <= gray * size:
                            return 3, masks[:0], points[:0]
                        sgn = 1 if diff > 0 else -1
                    slack = d
                    while sgn == 0 and slack < n_vars:
                        where = position[slack]
                        if where >= 0:
                            if where == i:
                                sgn = 1
                            elif where == best:
                                sgn = -1
                        else:
                            col = -1 - where
                            u = T[i, col] * T[best, c]
                            w = T[best, col] * T[i, c]
                            diff = u - w
                            size = scale[i] * scale[best]
                            if abs(diff) > zero * size:
                                if abs(diff) <= gray * size:
                                    return 3, masks[:0], points[:0]
                                sgn = 1 if diff > 0 else -1
                        slack += 1
                    if sgn < 0:
                        best = i
                if best < 0:
                    return 2, masks[:0], points[:0]
                r = best
                new_key = (key ^ (1 << basis[r])) | (1 << cob[c])
                if 2 * (n_seen + 1) > seen.shape[0]:
                    seen = _grow_set(seen)
                if not _insert(seen, new_key):
                    continue
                n_seen += 1

                if tail == cap:
                    live = tail - head
                    if head >= cap // 2:
                        pool_T[:live] = pool_T[head:tail]
                        pool_basis[:live] = pool_basis[head:tail]
                        pool_cob[:live] = pool_cob[head:tail]
                    else:
                        cap *= 2
                        new_T = np.empty((cap, k, W), dtype=np.float64)
                        new_T[:live] = pool_T[head:tail]
                        pool_T = new_T
                        new_basis = np.empty((cap, k), dtype=np.int64)
                        new_basis[:live] = pool_basis[head:tail]
                        pool_basis = new_basis
                        new_cob = np.empty((cap, d), dtype=np.int64)
                        new_cob[:live] = pool_cob[head:tail]
                        pool_cob = new_cob
                    head, tail = 0, live

                slot = tail
                tail += 1
                pool_basis[slot] = basis
                pool_basis[slot, r] = cob[c]
                pool_cob[slot] = cob
                pool_cob[slot, c] = basis[r]
                inv = 1.0 / T[r, c]
                out = pool_T[slot]
                for j in range(W):
                    row[j] = T[r, j] * inv
                row[c] = inv
                for i in range(k):
                    if i == r:
                        for j in range(W):
                            out[i, j] = row[j]
                        continue
                    f = T[i, c]
                    if f == 0.0:
                        for j in range(W):
                            out[i, j] = T[i, j]
                    else:
                        for j in range(W):
                            out[i, j] = T[i, j] - f * row[j]
                        out[i, c] = -f * inv
        return 0, masks[:n_vertices].copy(), points[:n_vertices].copy()

    @_jit
    def _pairs(pm, qm, m, n):  # type: ignore[no-untyped-def]  # pragma: no cover
        """Complementary vertex pairs by mask.

        A vertex of P with exactly ``m`` labels pairs with the vertex of Q
        whose labels are the other ``n`` (a hash look-up) and with vertices
        of Q that have extra labels; a vertex of P with extra labels with
        every vertex of Q that has its missing labels. Both searches AND
        one bit set of Q's vertices per missing label.
        """
        full = (1 << (m + n)) - 1
        rows_zero = (1 << m) - 1
        cols_zero = full ^ rows_zero
        L = m + n
        nq = qm.shape[0]
        words = (nq + 63) // 64
        has = np.zeros((L, words), dtype=np.int64)  # bit j of has[l]: Q vertex j has label l
        live = np.zeros(words, dtype=np.int64)  # non-zero vertices of Q
        extra = np.zeros(words, dtype=np.int64)  # ... with more than n labels
        size = 1024
        while size < 4 * nq:
            size *= 2
        keys = np.zeros(size, dtype=np.int64)
        values = np.empty(size, dtype=np.int64)
        for j in range(nq):
            q = qm[j]
            if q & cols_zero == cols_zero:
                continue
            w, bit = j >> 6, np.int64(1) << np.int64(j & 63)
            live[w] |= bit
            if _popcount(q) > n:
                extra[w] |= bit
            for label in range(L):
                if (q >> label) & 1:
                    has[label, w] |= bit
            h = _mix(q + 1) & (size - 1)
            while keys[h] != 0 and keys[h] != q + 1:
                h = (h + 1) & (size - 1)
            keys[h] = q + 1
            values[h] = j
        acc = np.empty(words, dtype=np.int64)
        out_cap = 64
        out = np.empty((out_cap, 2), dtype=np.int64)
        count = 0
        for i in range(pm.shape[0]):
            p = pm[i]
            if p & rows_zero == rows_zero:
                continue
            need = full & ~p
            if _popcount(p) == m:
                h = _mix(need + 1) & (size - 1)
                while keys[h] != 0:
                    if keys[h] == need + 1:
                        if count == out_cap:
                            out_cap *= 2
                            bigger = np.empty((out_cap, 2), dtype=np.int64)
                            bigger[:count] = out[:count]
                            out = bigger
                        out[count, 0] = i
                        out[count, 1] = values[h]
                        count += 1
                        break
                    h = (h + 1) & (size - 1)
                acc[:] = extra
            else:
                acc[:] = live
            for label in range(L):
                if (need >> label) & 1:
                    for w in range(words):
                        acc[w] &= has[label, w]
            for w in range(words):
                bits = acc[w]
                if bits == 0:
                    continue
                for b in range(64):
                    if (bits >> b) & 1:
                        if count == out_cap:
                            out_cap *= 2
                            bigger = np.empty((out_cap, 2), dtype=np.int64)
                            bigger[:count] = out[:count]
                            out = bigger
                        out[count, 0] = i
                        out[count, 1] = w * 64 + b
                        count += 1
        return out[:count].copy()


def snap(values: np.ndarray, max_denominator: int = 10**6, tol: float = 1e-13) -> np.ndarray:
    """Each value replaced by the nearest fraction ``p / q`` (``q <= max_denominator``) within ``tol``.

    A float search computes ``1/3`` as ``0.33333333333333337`` or so; snapped,
    it is the float nearest ``1/3``, as an exact solver's answer read as a
    float would be. Fractions with denominators up to ``max_denominator`` are
    at least ``1 / max_denominator**2`` apart, so with ``tol`` below half that
    the match is unambiguous; a value with no such fraction is left as it is.
    Without numba the values are returned unchanged.
    """
    if numba is None:
        return values
    flat = np.ascontiguousarray(values, dtype=np.float64).reshape(-1)
    return _snap(flat, float(max_denominator), tol).reshape(np.shape(values))


if numba is not None:

    @_jit
    def _snap(values, max_den, tol):  # type: ignore[no-untyped-def]  # pragma: no cover
        out = values.copy()
        for idx in range(values.shape[0]):
            x = values[idx]
            if not np.isfinite(x):
                continue
            h0, h1 = 0.0, 1.0
            k0, k1 = 1.0, 0.0
            y = x
            for _ in range(64):
                a = np.floor(y)
                h2 = a * h1 + h0
                k2 = a * k1 + k0
                if k2 > max_den:
                    break
                if abs(x - h2 / k2) <= tol:
                    out[idx] = h2 / k2
                    break
                rest = y - a
                if rest <= 0.0:
                    break
                y = 1.0 / rest
                h0, h1 = h1, h2
                k0, k1 = k1, k2
        return out


if numba is not None:
    # Twice the unit roundoff: every bound below charges at least this per operation.
    _U = 2.3e-16

    @_jit
    def _signed_float(x, D, primes, q_inverses, inverses, half, scratch):  # type: ignore[no-untyped-def]  # pragma: no cover
        """The integer ``X = N D`` (``x`` holds ``N mod q_p``) as a float, relative error below ``2 K u``."""
        K = x.shape[0]
        negative = False
        for p in range(K):
            scratch[p] = _mulmod(x[p], D[p], primes[p], q_inverses[p])
        digits = scratch[K:]
        if _exact_sign(scratch[:K], primes, q_inverses, inverses, half, digits) < 0:
            negative = True
            for p in range(K):
                scratch[p] = (primes[p] - scratch[p]) % primes[p]
            _exact_sign(scratch[:K], primes, q_inverses, inverses, half, digits)
        value = 0.0
        for i in range(K - 1, -1, -1):
            value = value * float(primes[i]) + float(digits[i])
        return -value if negative else value

    @_jit
    def _refresh(T, D, F, E, primes, q_inverses, inverses, half, scratch):  # type: ignore[no-untyped-def]  # pragma: no cover
        """The float shadow ``F`` (with bounds ``E``) recomputed from the exact residues ``T``."""
        K, k, W = T.shape
        one = np.ones(K, dtype=np.int64)
        d_value = _signed_float(D, one, primes, q_inverses, inverses, half, scratch)
        x = np.empty(K, dtype=np.int64)
        rel = (4 * K + 8) * _U
        for i in range(k):
            for j in range(W):
                zero = True
                for p in range(K):
                    x[p] = T[p, i, j]
                    if x[p] != 0:
                        zero = False
                if zero:
                    F[i, j] = 0.0
                    E[i, j] = 0.0
                    continue
                v = _signed_float(x, D, primes, q_inverses, inverses, half, scratch) / d_value
                F[i, j] = v
                E[i, j] = abs(v) * rel

    @_jit
    def _search_filtered(Cres, Cf, primes, crt_weights, inverses, half):  # type: ignore[no-untyped-def]  # pragma: no cover
        """Breadth-first lexicographic search; returns (status, masks, numerator residues, bases).

        The tableau holds ``N = T / D`` modulo each prime (the normalised
        dictionary), so a pivot costs one modular product per entry; an
        integer entry ``T = N D`` is needed only for its sign.

        Beside the residues of the normalised dictionary ``N`` it carries a
        float copy ``F`` and a running bound ``E`` with ``|F - N| <= E`` entry
        by entry (each pivot adds the propagated bounds and the rounding of
        every operation, generously). A sign or a ratio-test difference is
        read from the floats when they are further from zero than their
        bound; only the others (ties, exact zeros, values lost in rounding)
        are decided from the residues: zero when every residue is, else by
        :func:`_sign`. Where a bound grows too loose (a pivot close to its
        bound, or entries whose bounds pass 1e-9 of their row), the floats
        are recomputed from the residues. Every decision is exact: the
        floats only spare the residues' sign computations.
        """
        K, k, d = Cres.shape
        W = d + 1
        rhs = d
        n_vars = d + k
        all_bits = (1 << n_vars) - 1
        q_inverses = np.empty(K, dtype=np.float64)
        for p in range(K):
            q_inverses[p] = 1.0 / primes[p]

        cap = 64
        pool_T = np.empty((cap, K, k, W), dtype=np.int64)
        pool_F = np.empty((cap, k, W), dtype=np.float64)
        pool_E = np.empty((cap, k, W), dtype=np.float64)
        pool_basis = np.empty((cap, k), dtype=np.int64)
        pool_cob = np.empty((cap, d), dtype=np.int64)
        pool_D = np.empty((cap, K), dtype=np.int64)
        pool_T[0, :, :, :d] = Cres
        pool_T[0, :, :, d] = 1
        pool_F[0, :, :d] = Cf
        pool_F[0, :, d] = 1.0
        for i in range(k):
            for j in range(d):
                pool_E[0, i, j] = abs(Cf[i, j]) * _U
            pool_E[0, i, d] = 0.0
        for i in range(k):
            pool_basis[0, i] = d + i
        for j in range(d):
            pool_cob[0, j] = j
        pool_D[0, :] = 1
        head, tail = 0, 1

        seen = np.zeros(1024, dtype=np.int64)
        n_seen = 1
        _insert(seen, all_bits ^ ((1 << d) - 1))
        vertex_set = np.zeros(1024, dtype=np.int64)
        n_vertices = 0
        out_cap = 256
        masks = np.empty(out_cap, dtype=np.int64)
        numerators = np.zeros((out_cap, K, d), dtype=np.int64)

        T = np.empty((K, k, W), dtype=np.int64)
        F = np.empty((k, W), dtype=np.float64)
        E = np.empty((k, W), dtype=np.float64)
        basis = np.empty(k, dtype=np.int64)
        cob = np.empty(d, dtype=np.int64)
        D = np.empty(K, dtype=np.int64)
        weights = np.empty(K, dtype=np.int64)
        position = np.empty(n_vars, dtype=np.int64)
        x = np.empty(K, dtype=np.int64)
        scratch = np.empty(2 * K, dtype=np.int64)
        pivot_row = np.empty(W, dtype=np.int64)
        sign = np.empty((k, W), dtype=np.int64)

        while head < tail:
            T[:] = pool_T[head]
            F[:] = pool_F[head]
            E[:] = pool_E[head]
            basis[:] = pool_basis[head]
            cob[:] = pool_cob[head]
            D[:] = pool_D[head]
            head += 1
            for p in range(K):
                weights[p] = _mulmod(D[p], crt_weights[p], primes[p], q_inverses[p])
            key = 0
            for i in range(k):
                key |= 1 << basis[i]
                position[basis[i]] = i
            for j in range(d):
                position[cob[j]] = -1 - j

            # every entry's sign: from the floats where they are clear, else exactly
            for i in range(k):
                for j in range(W):
                    f = F[i, j]
                    if f > E[i, j]:
                        sign[i, j] = 1
                    elif -f > E[i, j]:
                        sign[i, j] = -1
                    else:
                        for p in range(K):
                            x[p] = T[p, i, j]
                        s = _sign(x, D, weights, primes, q_inverses, inverses, half, scratch)
                        sign[i, j] = s
                        if s == 0:  # an exact zero: the floats learn it too
                            F[i, j] = 0.0
                            E[i, j] = 0.0

            nonzero = 0
            for i in range(k):
                if sign[i, rhs] != 0:
                    nonzero |= 1 << basis[i]
            mask = all_bits & ~nonzero
            if 2 * (n_vertices + 1) > vertex_set.shape[0]:
                vertex_set = _grow_set(vertex_set)
            if _insert(vertex_set, mask + 1):
                if n_vertices == out_cap:
                    out_cap *= 2
                    bigger_masks = np.empty(out_cap, dtype=np.int64)
                    bigger_masks[:n_vertices] = masks[:n_vertices]
                    masks = bigger_masks
                    bigger_num = np.zeros((out_cap, K, d), dtype=np.int64)
                    bigger_num[:n_vertices] = numerators[:n_vertices]
                    numerators = bigger_num
                masks[n_vertices] = mask
                for i in range(k):
                    v = basis[i]
                    if v < d:
                        for p in range(K):
                            numerators[n_vertices, p, v] = _mulmod(
                                T[p, i, rhs], D[p], primes[p], q_inverses[p]
                            )
                n_vertices += 1

            for c in range(d):
                best = -1
                for i in range(k):
                    if sign[i, c] <= 0:
                        continue
                    if best < 0:
                        best = i
                        continue
                    # sign of N[i, rhs] N[best, c] - N[best, rhs] N[i, c], then the slack columns
                    s = 0
                    col = rhs
                    slack = d - 1
                    while True:
                        if col >= 0:
                            a1, e1 = F[i, col], E[i, col]
                            b1, f1 = F[best, c], E[best, c]
                            a2, e2 = F[best, col], E[best, col]
                            b2, f2 = F[i, c], E[i, c]
                            u = a1 * b1
                            w = a2 * b2
                            diff = u - w
                            bound = (
                                abs(a1) * f1
                                + e1 * abs(b1)
                                + e1 * f1
                                + abs(a2) * f2
                                + e2 * abs(b2)
                                + e2 * f2
                            ) * (1.0 + 4 * _U) + 2 * _U * (abs(u) + abs(w))
                            if diff > bound:
                                s = 1
                            elif -diff > bound:
                                s = -1
                            elif sign[i, col] == 0 and sign[best, col] == 0:
                                s = 0
                            else:
                                for p in range(K):
                                    q = primes[p]
                                    v = _mulmod(T[p, i, col], T[p, best, c], q, q_inverses[p])
                                    v -= _mulmod(T[p, best, col], T[p, i, c], q, q_inverses[p])
                                    x[p] = v + q if v < 0 else v
                                s = _sign(
                                    x, D, weights, primes, q_inverses, inverses, half, scratch
                                )
                        if s != 0:
                            break
                        slack += 1
                        if slack >= n_vars:
                            break
                        where = position[slack]
                        if where >= 0:  # basic slack: a unit vector
                            if where == i:
                                s = 1
                                break
                            if where == best:
                                s = -1
                                break
                            col = -1
                        else:
                            col = -1 - where
                    if s < 0:
                        best = i
                if best < 0:
                    return 2, masks[:0], numerators[:0], n_seen
                r = best
                new_key = (key ^ (1 << basis[r])) | (1 << cob[c])
                if 2 * (n_seen + 1) > seen.shape[0]:
                    seen = _grow_set(seen)
                if not _insert(seen, new_key):
                    continue
                n_seen += 1

                if tail == cap:
                    live = tail - head
                    if head >= cap // 2:
                        pool_T[:live] = pool_T[head:tail]
                        pool_F[:live] = pool_F[head:tail]
                        pool_E[:live] = pool_E[head:tail]
                        pool_basis[:live] = pool_basis[head:tail]
                        pool_cob[:live] = pool_cob[head:tail]
                        pool_D[:live] = pool_D[head:tail]
                    else:
                        cap *= 2
                        new_T = np.empty((cap, K, k, W), dtype=np.int64)
                        new_T[:live] = pool_T[head:tail]
                        pool_T = new_T
                        new_F = np.empty((cap, k, W), dtype=np.float64)
                        new_F[:live] = pool_F[head:tail]
                        pool_F = new_F
                        new_E = np.empty((cap, k, W), dtype=np.float64)
                        new_E[:live] = pool_E[head:tail]
                        pool_E = new_E
                        new_basis = np.empty((cap, k), dtype=np.int64)
                        new_basis[:live] = pool_basis[head:tail]
                        pool_basis = new_basis
                        new_cob = np.empty((cap, d), dtype=np.int64)
                        new_cob[:live] = pool_cob[head:tail]
                        pool_cob = new_cob
                        new_D = np.empty((cap, K), dtype=np.int64)
                        new_D[:live] = pool_D[head:tail]
                        pool_D = new_D
                    head, tail = 0, live

                slot = tail
                tail += 1
                pool_basis[slot] = basis
                pool_basis[slot, r] = cob[c]
                pool_cob[slot] = cob
                pool_cob[slot, c] = basis[r]
                for p in range(K):
                    q = primes[p]
                    qi = q_inverses[p]
                    pivot = T[p, r, c]
                    pivot_inverse = _inverse_mod(pivot, q)
                    if pivot_inverse == 0:
                        return 1, masks[:0], numerators[:0], n_seen
                    pool_D[slot, p] = _mulmod(pivot, D[p], q, qi)
                    for j in range(W):
                        pivot_row[j] = _mulmod(T[p, r, j], pivot_inverse, q, qi)
                    for i in range(k):
                        if i == r:
                            for j in range(W):
                                pool_T[slot, p, i, j] = pivot_row[j]
                            pool_T[slot, p, i, c] = pivot_inverse
                            continue
                        f = T[p, i, c]
                        if f == 0:
                            for j in range(W):
                                pool_T[slot, p, i, j] = T[p, i, j]
                        else:
                            for j in range(W):
                                v = T[p, i, j] - _mulmod(f, pivot_row[j], q, qi)
                                pool_T[slot, p, i, j] = v + q if v < 0 else v
                            v = _mulmod(f, pivot_inverse, q, qi)
                            pool_T[slot, p, i, c] = q - v if v else 0

                # the float copy and its bounds
                NF = pool_F[slot]
                NE = pool_E[slot]
                pf = F[r, c]
                pe = E[r, c]
                loose = not (pf > 2.0 * pe)
                if not loose:
                    inv = 1.0 / pf
                    e_inv = pe / (pf * (pf - pe)) + _U * inv
                    for j in range(W):
                        g = F[r, j] * inv
                        NF[r, j] = g
                        NE[r, j] = (E[r, j] * inv + abs(F[r, j]) * e_inv + E[r, j] * e_inv) * (
                            1.0 + 4 * _U
                        ) + _U * abs(g)
                    NF[r, c] = inv
                    NE[r, c] = e_inv
                    for i in range(k):
                        if i == r:
                            continue
                        fc = F[i, c]
                        ec = E[i, c]
                        if fc == 0.0 and ec == 0.0:
                            for j in range(W):
                                NF[i, j] = F[i, j]
                                NE[i, j] = E[i, j]
                            continue
                        worst = 0.0
                        scale = 0.0
                        for j in range(W):
                            g = NF[r, j]
                            h = NE[r, j]
                            t = fc * g
                            v = F[i, j] - t
                            NF[i, j] = v
                            bound = (E[i, j] + abs(fc) * h + ec * abs(g) + ec * h) * (
                                1.0 + 4 * _U
                            ) + 2 * _U * (abs(F[i, j]) + abs(t))
                            NE[i, j] = bound
                            if bound > worst:
                                worst = bound
                            if abs(v) > scale:
                                scale = abs(v)
                        t = fc * inv
                        NF[i, c] = -t
                        NE[i, c] = (ec * inv + abs(fc) * e_inv + ec * e_inv) * (
                            1.0 + 4 * _U
                        ) + _U * abs(t)
                        if worst > 1e-9 * scale:
                            loose = True
                if loose:
                    _refresh(
                        pool_T[slot],
                        pool_D[slot],
                        NF,
                        NE,
                        primes,
                        q_inverses,
                        inverses,
                        half,
                        scratch,
                    )
        return 0, masks[:n_vertices].copy(), numerators[:n_vertices].copy(), n_seen


def assemble(
    row_points: np.ndarray,
    col_points: np.ndarray,
    pairs: np.ndarray,
    A: np.ndarray,
    B: np.ndarray,
    slack: float,
) -> tuple[np.ndarray, np.ndarray] | None:
    """Equilibria ``(X, Y)`` (one per row) from paired vertices, as the exact solver orders them.

    Each paired vertex is normalised to a mixed strategy and snapped
    (:func:`snap`); the distinct strategies of each player are sorted in
    descending lexicographic order and the pairs by (row strategy, column
    strategy). ``None`` when some pair is not an equilibrium within
    ``slack`` (the float search went wrong: solve exactly instead).
    """
    ok, X, Y = _assemble(
        np.ascontiguousarray(row_points),
        np.ascontiguousarray(col_points),
        np.ascontiguousarray(pairs),
        np.ascontiguousarray(A, dtype=np.float64),
        np.ascontiguousarray(B, dtype=np.float64),
        slack,
    )
    return (X, Y) if ok else None


def first_of_close(v: np.ndarray, ok: np.ndarray, radius: float) -> np.ndarray | None:
    """For a batch of candidate points, which valid ones have no valid earlier one within ``radius``.

    ``v`` is ``(N, V, d)``, ``ok`` ``(N, V)``; two candidates are the same point
    when every coordinate differs by at most ``radius``. Returns the ``(N, V)``
    mask of the first candidate of each point, or ``None`` without numba (the
    caller then compares with numpy). What the batched vertex enumeration uses
    to drop the repeats of a degenerate vertex.
    """
    if numba is None:
        return None
    return _first_of_close(
        np.ascontiguousarray(v, dtype=np.float64), np.ascontiguousarray(ok), float(radius)
    )


def polytope_vertices(
    M: np.ndarray, sup: np.ndarray, tight: np.ndarray, sizes: np.ndarray, tol: float, eps: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """The candidate vertices of one player's best-response polytope, for a batch (compiled).

    The compiled twin of the numpy loop in
    :func:`negotiation.solvers.batched._polytope_vertices`, with the same
    arithmetic (Cramer's rule for ``k <= 2``, Gaussian elimination with partial
    pivoting above) and the same outputs. ``M`` is ``(a, b, D)`` (batch last);
    candidate ``c`` has support ``sup[c, :sizes[c]]`` and tight set
    ``tight[c, :sizes[c]]``. Returns ``None`` without numba.
    """
    if numba is None:
        return None
    sigma, ok, zeros, best = _polytope_vertices(
        np.ascontiguousarray(M.transpose(2, 0, 1), dtype=np.float64),
        np.ascontiguousarray(sup, dtype=np.int64),
        np.ascontiguousarray(tight, dtype=np.int64),
        np.ascontiguousarray(sizes, dtype=np.int64),
        float(tol),
        float(eps),
    )
    return sigma.transpose(1, 2, 0), ok.T, zeros.T, best.T


if numba is not None:
    # every division is guarded (a singular system or a zero total is caught before its
    # result is used), so numpy's error model drops numba's per-division checks: 2x faster
    @numba.njit(cache=True, nogil=True, error_model="numpy")
    def _polytope_vertices(M, sup, tight, sizes, tol, eps):  # type: ignore[no-untyped-def]  # pragma: no cover
        D, a, b = M.shape
        C = sup.shape[0]
        K = sup.shape[1]
        sigma_out = np.zeros((D, C, a))  # batch first while filling; transposed on return
        ok_out = np.zeros((D, C), dtype=np.bool_)
        zero_out = np.zeros((D, C), dtype=np.uint8)
        best_out = np.zeros((D, C), dtype=np.uint8)
        S = np.empty((K, K))
        z = np.empty(K)
        u = np.empty(b)
        for d in range(D):
            low = M[d, 0, 0]
            high = abs(M[d, 0, 0])
            for i in range(a):
                for j in range(b):
                    low = min(low, M[d, i, j])
                    high = max(high, abs(M[d, i, j]))
            shift = 1.0 - low
            threshold = eps * (max(1.0, high) + shift)
            for c in range(C):
                k = sizes[c]
                for s_ in range(k):
                    for r in range(k):
                        S[s_, r] = M[d, sup[c, r], tight[c, s_]] + shift
                good = True
                if k == 1:
                    if abs(S[0, 0]) > threshold:
                        z[0] = 1.0 / S[0, 0]
                    else:
                        good = False
                elif k == 2:
                    det = S[0, 0] * S[1, 1] - S[0, 1] * S[1, 0]
                    if abs(det) > threshold * threshold:
                        z[0] = (S[1, 1] - S[0, 1]) / det
                        z[1] = (S[0, 0] - S[1, 0]) / det
                    else:
                        good = False
                else:
                    for r in range(k):
                        z[r] = 1.0
                    for col in range(k):
                        best = abs(S[col, col])
                        for r in range(col + 1, k):
                            if abs(S[r, col]) > best:
                                best = abs(S[r, col])
                                for q in range(k):
                                    tmp = S[col, q]
                                    S[col, q] = S[r, q]
                                    S[r, q] = tmp
                                tmp = z[col]
                                z[col] = z[r]
                                z[r] = tmp
                        pivot = S[col, col]
                        if not abs(pivot) > threshold:
                            good = False
                            pivot = 1.0
                            S[col, col] = 1.0
                        for r in range(col + 1, k):
                            f = S[r, col] / pivot
                            for q in range(col, k):
                                S[r, q] -= f * S[col, q]
                            z[r] -= f * z[col]
                    for col in range(k - 1, -1, -1):
                        rest = 0.0
                        for q in range(col + 1, k):
                            rest += S[col, q] * z[q]
                        z[col] = (z[col] - rest) / S[col, col]
                total = 0.0
                for r in range(k):
                    total += z[r]
                ok = good and total > 0
                value = 1.0 / total - shift if total != 0 else 0.0
                if ok:
                    for r in range(k):
                        if z[r] / total < -tol:
                            ok = False
                best_bits = 0
                if ok:
                    for j in range(b):
                        acc = 0.0
                        for r in range(k):
                            acc += (z[r] / total) * M[d, sup[c, r], j]
                        u[j] = acc
                        if acc > value + tol:
                            ok = False
                            break
                        if acc >= value - tol:
                            best_bits |= 1 << j
                zero_bits = (1 << a) - 1
                if ok:
                    norm = 0.0
                    for r in range(k):
                        p = z[r] / total
                        if p > tol:
                            norm += p
                            zero_bits &= ~(1 << sup[c, r])
                    for r in range(k):
                        p = z[r] / total
                        if p > tol:
                            sigma_out[d, c, sup[c, r]] = p / norm
                ok_out[d, c] = ok
                zero_out[d, c] = zero_bits
                best_out[d, c] = best_bits
        return sigma_out, ok_out, zero_out, best_out


def vertex_equilibria(
    A: np.ndarray,
    B: np.ndarray,
    sup: np.ndarray,
    tight: np.ndarray,
    sizes: np.ndarray,
    tol: float,
    eps: float,
) -> tuple[np.ndarray, ...] | None:
    """Every extreme equilibrium of a batch of small games in one compiled pass over the games.

    The fused form of what the batched vertex enumeration does in stages
    (:func:`polytope_vertices` for both players, the degeneracy test on the
    label counts, :func:`first_of_close` and :func:`complete_pairs` at
    degenerate games), one game at a time with buffers the size of one game:
    the same arithmetic, the same equilibria in the same order. ``A`` and
    ``B`` are ``(m, n, D)`` (batch last); candidate ``c`` has support
    ``sup[c, :sizes[c]]`` and tight set ``tight[c, :sizes[c]]``.

    Returns ``(counts, degenerate, point, row, col, row_support, col_support)``
    (one entry of the last five per equilibrium, by game), or ``None`` without
    numba.

    Examples
    --------
    Chicken (two pure equilibria and a mixed one), with the five candidates of
    a 2x2 game: four pure profiles, then both strategies of each player.

    >>> A = np.array([[0.0, -3.0], [2.0, -10.0]])[..., None]
    >>> sup = np.array([[0, 0], [0, 0], [1, 0], [1, 0], [0, 1]])
    >>> tight = np.array([[0, 0], [1, 0], [0, 0], [1, 0], [0, 1]])
    >>> found = vertex_equilibria(A, A.transpose(1, 0, 2), sup, tight, [1, 1, 1, 1, 2], 1e-9, 1e-12)
    >>> found is None or (found[0].tolist(), found[3].round(3).tolist())
    ([3], [[1.0, 0.0], [0.0, 1.0], [0.778, 0.222]])
    """
    if numba is None:
        return None
    return _vertex_equilibria(  # type: ignore[no-any-return]
        np.ascontiguousarray(A, dtype=np.float64),
        np.ascontiguousarray(B, dtype=np.float64),
        np.ascontiguousarray(sup, dtype=np.int64),
        np.ascontiguousarray(tight, dtype=np.int64),
        np.ascontiguousarray(sizes, dtype=np.int64),
        float(tol),
        float(eps),
    )


if numba is not None:

    @numba.njit(cache=True, nogil=True)
    def _any(flags, L):  # type: ignore[no-untyped-def]  # pragma: no cover
        found = False
        for d in range(L):
            found |= flags[d]
        return found

    @numba.njit(cache=True, nogil=True, error_model="numpy")
    def _block_pass(
        M,
        L,
        sup,
        tight,
        sizes,
        tol,
        shift,
        thr,
        P,
        val,
        okv,
        acc,
        norm,
        bits,
        zb,
        sig,
        S,
        z,
        ok_out,
        zero_out,
        best_out,
    ):  # type: ignore[no-untyped-def]  # pragma: no cover
        """The candidate vertices of one polytope at a block of ``L`` games (batch last).

        :func:`_polytope_vertices` with the loops turned inside out: for each
        candidate, one loop over the block's games per step, without branches
        on the data, so the compiler computes several games at once (SIMD). The
        same operations in the same order, so the same bits. The tests on a
        candidate that fails at one game are not cut short (which changes
        nothing it reports); a candidate that fails at every game of the block
        (common along a grid, where neighbouring games are alike) is dropped
        after the first test that shows it.
        """
        a, b, _ = M.shape
        C = sup.shape[0]
        full = (1 << a) - 1
        for c in range(C):
            k = sizes[c]
            if k == 1:
                i0, j0 = sup[c, 0], tight[c, 0]
                for d in range(L):
                    s00 = M[i0, j0, d] + shift[d]
                    z0 = 1.0 / s00
                    total = 0.0 + z0
                    val[d] = 1.0 / total - shift[d]
                    P[0, d] = z0 / total
                    okv[d] = (abs(s00) > thr[d]) & (total > 0)
            elif k == 2:
                i0, i1, j0, j1 = sup[c, 0], sup[c, 1], tight[c, 0], tight[c, 1]
                for d in range(L):
                    s00 = M[i0, j0, d] + shift[d]
                    s01 = M[i1, j0, d] + shift[d]
                    s10 = M[i0, j1, d] + shift[d]
                    s11 = M[i1, j1, d] + shift[d]
                    det = s00 * s11 - s01 * s10
                    z0 = (s11 - s01) / det
                    z1 = (s00 - s10) / det
                    total = (0.0 + z0) + z1
                    val[d] = 1.0 / total - shift[d]
                    P[0, d] = z0 / total
                    P[1, d] = z1 / total
                    okv[d] = (abs(det) > thr[d] * thr[d]) & (total > 0)
            elif k == 3:
                # Gaussian elimination with partial pivoting, written out; a row swap is a select
                i0, i1, i2 = sup[c, 0], sup[c, 1], sup[c, 2]
                j0, j1, j2 = tight[c, 0], tight[c, 1], tight[c, 2]
                for d in range(L):
                    sh = shift[d]
                    a00 = M[i0, j0, d] + sh
                    a01 = M[i1, j0, d] + sh
                    a02 = M[i2, j0, d] + sh
                    a10 = M[i0, j1, d] + sh
                    a11 = M[i1, j1, d] + sh
                    a12 = M[i2, j1, d] + sh
                    a20 = M[i0, j2, d] + sh
                    a21 = M[i1, j2, d] + sh
                    a22 = M[i2, j2, d] + sh
                    z0 = 1.0
                    z1 = 1.0
                    z2 = 1.0
                    best = abs(a00)
                    sw = abs(a10) > best
                    best = abs(a10) if sw else best
                    t0, t1, t2, tz = a00, a01, a02, z0
                    a00 = a10 if sw else a00
                    a01 = a11 if sw else a01
                    a02 = a12 if sw else a02
                    z0 = z1 if sw else z0
                    a10 = t0 if sw else a10
                    a11 = t1 if sw else a11
                    a12 = t2 if sw else a12
                    z1 = tz if sw else z1
                    sw = abs(a20) > best
                    t0, t1, t2, tz = a00, a01, a02, z0
                    a00 = a20 if sw else a00
                    a01 = a21 if sw else a01
                    a02 = a22 if sw else a02
                    z0 = z2 if sw else z0
                    a20 = t0 if sw else a20
                    a21 = t1 if sw else a21
                    a22 = t2 if sw else a22
                    z2 = tz if sw else z2
                    good = abs(a00) > thr[d]
                    a00 = a00 if good else 1.0
                    f = a10 / a00
                    a11 -= f * a01
                    a12 -= f * a02
                    z1 -= f * z0
                    f = a20 / a00
                    a21 -= f * a01
                    a22 -= f * a02
                    z2 -= f * z0
                    sw = abs(a21) > abs(a11)
                    t1, t2, tz = a11, a12, z1
                    a11 = a21 if sw else a11
                    a12 = a22 if sw else a12
                    z1 = z2 if sw else z1
                    a21 = t1 if sw else a21
                    a22 = t2 if sw else a22
                    z2 = tz if sw else z2
                    g1 = abs(a11) > thr[d]
                    a11 = a11 if g1 else 1.0
                    f = a21 / a11
                    a22 -= f * a12
                    z2 -= f * z1
                    g2 = abs(a22) > thr[d]
                    a22 = a22 if g2 else 1.0
                    z2 = (z2 - 0.0) / a22
                    z1 = (z1 - (0.0 + a12 * z2)) / a11
                    z0 = (z0 - ((0.0 + a01 * z1) + a02 * z2)) / a00
                    total = ((0.0 + z0) + z1) + z2
                    val[d] = 1.0 / total - sh
                    P[0, d] = z0 / total
                    P[1, d] = z1 / total
                    P[2, d] = z2 / total
                    okv[d] = good & g1 & g2 & (total > 0)
            else:  # one game at a time
                for d in range(L):
                    for s_ in range(k):
                        for r in range(k):
                            S[s_, r] = M[sup[c, r], tight[c, s_], d] + shift[d]
                    for r in range(k):
                        z[r] = 1.0
                    good = True
                    for col in range(k):
                        best = abs(S[col, col])
                        for r in range(col + 1, k):
                            if abs(S[r, col]) > best:
                                best = abs(S[r, col])
                                for q in range(k):
                                    tmp = S[col, q]
                                    S[col, q] = S[r, q]
                                    S[r, q] = tmp
                                tmp = z[col]
                                z[col] = z[r]
                                z[r] = tmp
                        pivot = S[col, col]
                        if not abs(pivot) > thr[d]:
                            good = False
                            pivot = 1.0
                            S[col, col] = 1.0
                        for r in range(col + 1, k):
                            f = S[r, col] / pivot
                            for q in range(col, k):
                                S[r, q] -= f * S[col, q]
                            z[r] -= f * z[col]
                    for col in range(k - 1, -1, -1):
                        rest = 0.0
                        for q in range(col + 1, k):
                            rest += S[col, q] * z[q]
                        z[col] = (z[col] - rest) / S[col, col]
                    total = 0.0
                    for r in range(k):
                        total += z[r]
                    val[d] = 1.0 / total - shift[d]
                    for r in range(k):
                        P[r, d] = z[r] / total
                    okv[d] = good and total > 0
            # the tests: a feasible point (no probability below -tol), no payoff above the value
            for r in range(k):
                for d in range(L):
                    okv[d] &= P[r, d] >= -tol
            if not _any(okv, L):  # infeasible at every game of the block (common along a grid)
                for d in range(L):
                    ok_out[c, d] = False
                continue
            for j in range(b):
                for d in range(L):
                    acc[d] = 0.0
                for r in range(k):
                    i = sup[c, r]
                    for d in range(L):
                        acc[d] += P[r, d] * M[i, j, d]
                for d in range(L):
                    okv[d] &= acc[d] <= val[d] + tol
                    bits[d] = (bits[d] if j else 0) | (np.int64(acc[d] >= val[d] - tol) << j)
            if not _any(okv, L):
                for d in range(L):
                    ok_out[c, d] = False
                continue
            for d in range(L):
                norm[d] = 0.0
                zb[d] = full
            for r in range(k):
                for d in range(L):
                    p = P[r, d]
                    norm[d] += p if p > tol else 0.0
                    zb[d] &= ~(1 << sup[c, r]) if p > tol else full
            for r in range(k):
                i = sup[c, r]
                for d in range(L):
                    p = P[r, d]
                    sig[c, i, d] = p / norm[d] if p > tol else 0.0
            for d in range(L):
                ok_out[c, d] = okv[d]
                zero_out[c, d] = zb[d]
                best_out[c, d] = bits[d]

    @numba.njit(cache=True, nogil=True)
    def _bits(v):  # type: ignore[no-untyped-def]  # pragma: no cover
        mask = 0
        for i in range(v.shape[0]):
            if v[i] > 0:
                mask |= 1 << i
        return mask

    @numba.njit(cache=True, nogil=True)
    def _first_distinct(v, e, valid, V, radius, X, h, first):  # type: ignore[no-untyped-def]  # pragma: no cover
        """:func:`_first_of_close` for game ``e`` of a block, over the candidates ``valid[:V]``.

        Writes the positions (in ``valid``) of the first candidate of each point
        to ``first`` and returns how many there are; ``X`` and ``h`` are scratch.
        Two candidates are compared coordinate by coordinate only when a weighted
        sum of their coordinates is close: points within ``radius`` have sums
        within ``radius`` times the weights' total (plus rounding), so the
        shortcut changes no answer.
        """
        d = v.shape[1]
        W = 0.0
        for k in range(d):
            W += 1.0 + k * k
        bound = radius * W * (1.0 + 1e-9) + 1e-12 * W
        for b in range(V):
            s = 0.0
            for k in range(d):
                X[b, k] = v[valid[b], k, e]
                s += (1.0 + k * k) * X[b, k]
            h[b] = s
        U = 0
        for b in range(V):
            new = True
            for a in range(b):
                if abs(h[a] - h[b]) > bound:
                    continue
                same = True
                for k in range(d):
                    same &= not abs(X[a, k] - X[b, k]) > radius
                if same:
                    new = False
                    break
            if new:
                first[U] = b
                U += 1
        return U

    @numba.njit(cache=True, nogil=True, error_model="numpy")
    def _vertex_equilibria(A, B, sup, tight, sizes, tol, eps):  # type: ignore[no-untyped-def]  # pragma: no cover
        m, n, D = A.shape
        C, K = sup.shape
        L = 64  # games per block
        MP = np.empty((m, n, L))  # the column player's payoffs: P's constraints
        MQ = np.empty((n, m, L))  # the row player's, transposed: Q's
        shift_p = np.empty(L)
        thr_p = np.empty(L)
        shift_q = np.empty(L)
        thr_q = np.empty(L)
        S = np.empty((K, K))
        z = np.empty(K)
        P = np.zeros((K, L))
        val = np.zeros(L)
        okv = np.zeros(L, dtype=np.bool_)
        acc = np.zeros(L)
        norm = np.zeros(L)
        bits = np.zeros(L, dtype=np.int64)
        zb = np.zeros(L, dtype=np.int64)
        xs = np.zeros((C, m, L))
        ys = np.zeros((C, n, L))
        okx = np.zeros((C, L), dtype=np.bool_)
        oky = np.zeros((C, L), dtype=np.bool_)
        zx = np.zeros((C, L), dtype=np.int64)
        bx = np.zeros((C, L), dtype=np.int64)
        zy = np.zeros((C, L), dtype=np.int64)
        by = np.zeros((C, L), dtype=np.int64)
        vx = np.zeros(C, dtype=np.int64)  # a game's valid candidates of P, in order
        vy = np.zeros(C, dtype=np.int64)
        lx = np.zeros(C, dtype=np.int64)  # their labels
        ly = np.zeros(C, dtype=np.int64)
        fx = np.zeros(C, dtype=np.int64)  # the first valid candidate of each vertex
        fy = np.zeros(C, dtype=np.int64)
        X = np.zeros((C, m))
        Y = np.zeros((C, n))
        hx = np.zeros(C)
        ones = np.zeros(1 << (m + n), dtype=np.int64)  # popcount table
        for v in range(1, 1 << (m + n)):
            ones[v] = ones[v >> 1] + (v & 1)
        counts = np.zeros(D, dtype=np.int64)
        degenerate = np.zeros(D, dtype=np.bool_)
        cap = max(16, 4 * D)
        point = np.empty(cap, dtype=np.int64)
        rows = np.empty((cap, m))
        cols = np.empty((cap, n))
        full = (1 << (m + n)) - 1
        radius = 1e3 * tol
        E = 0
        for d0 in range(0, D, L):
            Lb = min(L, D - d0)
            for i in range(m):
                for j in range(n):
                    for e in range(Lb):
                        MP[i, j, e] = B[i, j, d0 + e]
                        MQ[j, i, e] = A[i, j, d0 + e]
            for e in range(Lb):
                low_p = MP[0, 0, e]
                high_p = abs(MP[0, 0, e])
                low_q = MQ[0, 0, e]
                high_q = abs(MQ[0, 0, e])
                for i in range(m):
                    for j in range(n):
                        low_p = min(low_p, MP[i, j, e])
                        high_p = max(high_p, abs(MP[i, j, e]))
                        low_q = min(low_q, MQ[j, i, e])
                        high_q = max(high_q, abs(MQ[j, i, e]))
                shift_p[e] = 1.0 - low_p
                thr_p[e] = eps * (max(1.0, high_p) + shift_p[e])
                shift_q[e] = 1.0 - low_q
                thr_q[e] = eps * (max(1.0, high_q) + shift_q[e])
            _block_pass(
                MP,
                Lb,
                sup,
                tight,
                sizes,
                tol,
                shift_p,
                thr_p,
                P,
                val,
                okv,
                acc,
                norm,
                bits,
                zb,
                xs,
                S,
                z,
                okx,
                zx,
                bx,
            )
            _block_pass(
                MQ,
                Lb,
                tight,
                sup,
                sizes,
                tol,
                shift_q,
                thr_q,
                P,
                val,
                okv,
                acc,
                norm,
                bits,
                zb,
                ys,
                S,
                z,
                oky,
                zy,
                by,
            )
            for e in range(Lb):
                deg = False
                V = 0
                W = 0
                for c in range(C):
                    if okx[c, e]:
                        vx[V] = c
                        lx[V] = zx[c, e] | (bx[c, e] << m)
                        deg |= ones[lx[V]] > m
                        V += 1
                    if oky[c, e]:
                        vy[W] = c
                        ly[W] = by[c, e] | (zy[c, e] << m)
                        deg |= ones[ly[W]] > n
                        W += 1
                degenerate[d0 + e] = deg
                start = E
                if deg:  # every completely labelled pair of distinct vertices
                    Ux = _first_distinct(xs, e, vx, V, radius, X, hx, fx)
                    Uy = _first_distinct(ys, e, vy, W, radius, Y, hx, fy)
                else:  # the matching candidates (c, c): support enumeration
                    Ux = 0
                    for a in range(V):
                        if oky[vx[a], e]:
                            fx[Ux] = a
                            Ux += 1
                    Uy = 1
                for a_ in range(Ux):
                    a = fx[a_]
                    i = vx[a]
                    for b_ in range(Uy):
                        if deg:
                            b = fy[b_]
                            if (lx[a] | ly[b]) != full:
                                continue
                            j = vy[b]
                        else:
                            j = i
                        if E == cap:
                            cap *= 2
                            grown = np.empty(cap, dtype=np.int64)
                            grown[:E] = point[:E]
                            point = grown
                            grown_rows = np.empty((cap, m))
                            grown_rows[:E] = rows[:E]
                            rows = grown_rows
                            grown_cols = np.empty((cap, n))
                            grown_cols[:E] = cols[:E]
                            cols = grown_cols
                        point[E] = d0 + e
                        for q in range(m):
                            rows[E, q] = xs[i, q, e]
                        for q in range(n):
                            cols[E, q] = ys[j, q, e]
                        E += 1
                counts[d0 + e] = E - start
        row_support = np.empty(E, dtype=np.uint8)
        col_support = np.empty(E, dtype=np.uint8)
        for e in range(E):
            row_support[e] = _bits(rows[e])
            col_support[e] = _bits(cols[e])
        return (
            counts,
            degenerate,
            point[:E].copy(),
            rows[:E].copy(),
            cols[:E].copy(),
            row_support,
            col_support,
        )


def complete_pairs(
    labels_x: np.ndarray, ok_x: np.ndarray, labels_y: np.ndarray, ok_y: np.ndarray, full: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """For a batch, the valid pairs ``(i, j)`` whose label masks together cover ``full``.

    ``labels_x``, ``ok_x`` are ``(N, V)`` and ``labels_y``, ``ok_y`` ``(N, W)``.
    Returns the arrays ``(point, i, j)``, ordered by point, then ``i``, then
    ``j`` (as :func:`numpy.nonzero` orders them), or ``None`` without numba.
    """
    if numba is None:
        return None
    return _complete_pairs(
        np.ascontiguousarray(labels_x, dtype=np.int64),
        np.ascontiguousarray(ok_x),
        np.ascontiguousarray(labels_y, dtype=np.int64),
        np.ascontiguousarray(ok_y),
        np.int64(full),
    )


if numba is not None:

    @_jit
    def _complete_pairs(lx, okx, ly, oky, full):  # type: ignore[no-untyped-def]  # pragma: no cover
        N, V = lx.shape
        W = ly.shape[1]
        count = 0
        for p in range(N):
            for i in range(V):
                if okx[p, i]:
                    for j in range(W):
                        if oky[p, j] and (lx[p, i] | ly[p, j]) == full:
                            count += 1
        point = np.empty(count, dtype=np.int64)
        first = np.empty(count, dtype=np.int64)
        second = np.empty(count, dtype=np.int64)
        k = 0
        for p in range(N):
            for i in range(V):
                if okx[p, i]:
                    for j in range(W):
                        if oky[p, j] and (lx[p, i] | ly[p, j]) == full:
                            point[k] = p
                            first[k] = i
                            second[k] = j
                            k += 1
        return point, first, second

    @_jit
    def _first_of_close(v, ok, radius):  # type: ignore[no-untyped-def]  # pragma: no cover
        N, V, d = v.shape
        out = ok.copy()
        for p in range(N):
            for j in range(V):
                if not ok[p, j]:
                    continue
                for i in range(j):
                    if not ok[p, i]:
                        continue
                    same = True
                    for k in range(d):
                        if abs(v[p, i, k] - v[p, j, k]) > radius:
                            same = False
                            break
                    if same:
                        out[p, j] = False
                        break
        return out

    @_jit
    def _distinct(points, used):  # type: ignore[no-untyped-def]  # pragma: no cover
        """Distinct normalised, snapped points among ``points[used]``, sorted descending; each one's rank."""
        ids = np.unique(used)
        d = points.shape[1]
        z = np.empty((ids.shape[0], d), dtype=np.float64)
        for a in range(ids.shape[0]):
            total = 0.0
            for j in range(d):
                total += points[ids[a], j]
            for j in range(d):
                z[a, j] = points[ids[a], j] / total
        z = _snap(z.ravel(), 1e6, 1e-13).reshape(z.shape)
        order = np.arange(ids.shape[0])
        for j in range(d - 1, -1, -1):  # lexsort: the first column decides last
            keys = np.empty(order.shape[0], dtype=np.float64)
            for a in range(order.shape[0]):
                keys[a] = -z[order[a], j]
            order = order[np.argsort(keys, kind="mergesort")]
        rank_of_sorted = np.empty(order.shape[0], dtype=np.int64)
        group = -1
        for a in range(order.shape[0]):
            new = a == 0
            if not new:
                for j in range(d):
                    if abs(z[order[a], j] - z[order[a - 1], j]) > 1e-12:
                        new = True
                        break
            if new:
                group += 1
            rank_of_sorted[a] = group
        distinct = np.empty((group + 1, d), dtype=np.float64)
        rank_by_id = np.empty(ids.shape[0], dtype=np.int64)
        for a in range(order.shape[0]):
            distinct[rank_of_sorted[a]] = z[order[a]]
            rank_by_id[order[a]] = rank_of_sorted[a]
        ranks = np.empty(used.shape[0], dtype=np.int64)
        for e in range(used.shape[0]):
            ranks[e] = rank_by_id[np.searchsorted(ids, used[e])]
        return distinct, ranks

    @_jit
    def _assemble(row_points, col_points, pairs, A, B, slack):  # type: ignore[no-untyped-def]  # pragma: no cover
        m, n = A.shape
        rows, row_of = _distinct(row_points, pairs[:, 0].copy())
        cols, col_of = _distinct(col_points, pairs[:, 1].copy())
        width = cols.shape[0]
        keys = np.unique(row_of * width + col_of)
        E = keys.shape[0]
        X = np.empty((E, m), dtype=np.float64)
        Y = np.empty((E, n), dtype=np.float64)
        for e in range(E):
            X[e] = rows[keys[e] // width]
            Y[e] = cols[keys[e] % width]
            # mutual best responses within slack
            best = -np.inf
            value = 0.0
            for i in range(m):
                r = 0.0
                for j in range(n):
                    r += A[i, j] * Y[e, j]
                value += X[e, i] * r
                best = max(best, r)
            if value < best - slack:
                return False, X, Y
            best = -np.inf
            value = 0.0
            for j in range(n):
                c = 0.0
                for i in range(m):
                    c += X[e, i] * B[i, j]
                value += c * Y[e, j]
                best = max(best, c)
            if value < best - slack:
                return False, X, Y
        return True, X, Y
