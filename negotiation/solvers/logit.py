"""Logit quantal response equilibrium (QRE): the principal branch, its limit, estimation.

In a logit QRE every player plays each strategy with probability proportional
to ``exp(lam * payoff)``, the payoff being the strategy's expected payoff
against the others' mixtures. At ``lam = 0`` play is uniform; as ``lam`` grows
the branch of QREs that starts there (the *principal branch*) converges to a
Nash equilibrium (McKelvey and Palfrey 1995). This module traces that branch
for any number of players by predictor-corrector path following in
log-probability coordinates, as Turocy (2005) and Gambit's ``logit_solve`` do:

* the unknowns are ``(log p, lam)``; the equations are, for each player, that
  the probabilities sum to one and that each log-probability ratio equals
  ``lam`` times the payoff difference;
* the path is parametrised by arc length, so turning points (where ``lam``
  falls back for a while) are followed like any other bend; steps grow while
  the corrector converges quickly and shrink when it does not
  (Allgower and Georg 1990, chapter 6);
* payoffs are rescaled internally by their range, so the tracing does not
  depend on the payoffs' units; every ``lam`` reported is in the user's units.

Every point returned satisfies the fixed-point equations to about ``1e-12``
(the corrector is polished with Newton's method on each step). The kernels
take plain float arrays: a sequence of ``N`` arrays of shape
``(n_1, ..., n_N)``, entry ``[s_1, ..., s_N]`` of array ``i`` being player
``i``'s payoff.

References
----------
R. D. McKelvey and T. R. Palfrey (1995), "Quantal response equilibria for
normal form games", *Games and Economic Behavior* 10, 6-38.

T. L. Turocy (2005), "A dynamic homotopy interpretation of the logistic quantal
response equilibrium correspondence", *Games and Economic Behavior* 51, 243-263.

E. L. Allgower and K. Georg (1990), *Numerical Continuation Methods*, Springer.

J. R. Bland and T. L. Turocy (2023), "Quantal response equilibrium as a
structural model for estimation: the missing manual", SSRN 4425515.

Examples
--------
Matching pennies: play stays uniform for every ``lam``, and the limit is the
mixed equilibrium.

>>> import numpy as np
>>> A = np.array([[1.0, -1.0], [-1.0, 1.0]])
>>> limit = logit_limit([A, -A])
>>> [np.round(p, 6).tolist() for p in limit.strategies], limit.refined
([[0.5, 0.5], [0.5, 0.5]], True)

The prisoner's dilemma: defection becomes more likely as ``lam`` grows.

>>> pd = [np.array([[3.0, 0.0], [5.0, 1.0]]), np.array([[3.0, 5.0], [0.0, 1.0]])]
>>> [round(float(p[1]), 4) for p in quantal_response(pd, 1.0)]
[0.7732, 0.7732]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from negotiation.display.tables import Tabular
from negotiation.errors import InvalidGameError, PathFollowingError
from negotiation.solvers import Solved
from negotiation.solvers.tables import PayoffTables

__all__ = [
    "QREFit",
    "QRELimit",
    "QREPath",
    "fit_qre",
    "logit_limit",
    "logit_path",
    "quantal_response",
    "quantal_responses",
]

# Defaults, in the internal units (payoffs rescaled to a range of 1).
FIRST_STEP = 0.5
MAX_ACCEL = 4.0
MAX_STEPS = 20_000
MAX_REGRET = 1e-8
MAX_ENTRIES = 2_000_000  # payoff entries times ordered player pairs: bounds memory and time
MAX_STRATEGIES = 400  # strategies of all players together: each step inverts a matrix this size
DENSE_ENTRIES = 250_000  # largest all-strategies payoff tensor (else contract player by player)

# Step control (Allgower and Georg 1990, section 6.1, as Gambit's path tracer).
_CHORD_TOL = 1e-4  # the chord corrector's convergence test
_MAX_DIST = 0.4  # largest first corrector step accepted
_MAX_CONTRACTION = 0.6  # largest contraction rate of the corrector accepted
_ETA = 0.1  # guards the contraction rate against cancellation
_MAX_CHORD = 30
_MAX_ANGLE = math.pi / 4  # largest turn of the tangent between two points accepted
_MIN_STEP = 1e-12
_POLISH_ITERATIONS = 8
_NEWTON_TOL = 1e-12  # relative size of a negligible Newton step, entry by entry
_NOISE = 1e-13  # residual (relative to the point's size) accepted once Newton's method stagnates
_ABSOLUTE = 100.0  # coordinates larger than this are measured relative to their size
_REFINE_REGRET = 1e-4  # refine towards an equilibrium once the regret is below this
_STALL_REGRET = 1e-6  # a branch that cannot be followed further ends here if this close

Arrays = Sequence[Any]
Profile = tuple[np.ndarray, ...]


# ---------------------------------------------------------------------------- results


def _readonly(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=float)
    a.setflags(write=False)
    return a


@dataclass(frozen=True, eq=False)
class QREPath:
    """Points on the principal branch of the logit QRE correspondence.

    Attributes
    ----------
    lambdas
        The precision ``lam`` at each point, shape ``(m,)``, in the payoffs' units
        (not necessarily increasing: the branch can bend back).
    probabilities
        One array per player, shape ``(m, n_i)``: row ``k`` is the player's
        mixed strategy at point ``k``.
    players
        The players' names.
    labels
        Each player's strategy labels.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1.0, -1.0], [-1.0, 1.0]])
    >>> path = logit_path([A, -A], lam_max=2.0)
    >>> float(path.lambdas[0]), float(path.lambdas[-1]), len(path) > 2
    (0.0, 2.0, True)
    >>> path.to_pandas().columns.tolist()
    ['lambda', 'player', 'strategy', 'probability']
    """

    lambdas: np.ndarray
    probabilities: tuple[np.ndarray, ...]
    players: tuple[str, ...]
    labels: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        lambdas = _readonly(self.lambdas)
        probabilities = tuple(_readonly(p) for p in self.probabilities)
        if lambdas.ndim != 1 or any(
            p.ndim != 2 or p.shape[0] != lambdas.size for p in probabilities
        ):
            raise InvalidGameError(
                "a QREPath needs lambdas of shape (m,) and one (m, n_i) array per player"
            )
        players, labels = _check_names(
            self.players, self.labels, [p.shape[1] for p in probabilities]
        )
        object.__setattr__(self, "lambdas", lambdas)
        object.__setattr__(self, "probabilities", probabilities)
        object.__setattr__(self, "players", players)
        object.__setattr__(self, "labels", labels)

    def __len__(self) -> int:
        return int(self.lambdas.size)

    def __repr__(self) -> str:
        return (
            f"QREPath({len(self)} points, lambda from {self.lambdas.min():.4g} to "
            f"{self.lambdas.max():.4g}, players={self.players})"
        )

    def profile(self, k: int) -> Profile:
        """The mixed-strategy profile at point ``k`` (one vector per player).

        Examples
        --------
        >>> import numpy as np
        >>> path = logit_path([np.eye(2), np.eye(2)], lam_max=1.0)
        >>> [p.tolist() for p in path.profile(0)]
        [[0.5, 0.5], [0.5, 0.5]]
        """
        return tuple(p[k] for p in self.probabilities)

    def to_records(self) -> list[dict[str, Any]]:
        """One dictionary per (point, player, strategy): the tidy table as plain data.

        Examples
        --------
        >>> import numpy as np
        >>> logit_path([np.eye(2), np.eye(2)], lam_max=1.0).to_records()[0]
        {'lambda': 0.0, 'player': 'Row', 'strategy': 'r0', 'probability': 0.5}
        """
        records = []
        for k, lam in enumerate(self.lambdas.tolist()):
            for player, names, probs in zip(
                self.players, self.labels, self.probabilities, strict=True
            ):
                for name, prob in zip(names, probs[k].tolist(), strict=True):
                    records.append(
                        {"lambda": lam, "player": player, "strategy": name, "probability": prob}
                    )
        return records

    def to_pandas(self) -> Any:
        """The tidy (long) table: columns ``lambda``, ``player``, ``strategy``, ``probability``.

        Needs pandas (``pip install pandas``).
        """
        pd = _pandas()
        return pd.DataFrame.from_records(
            self.to_records(), columns=["lambda", "player", "strategy", "probability"]
        )

    def to_latex(self) -> str:
        """The same table as :meth:`to_pandas`, as a booktabs LaTeX ``tabular``."""
        from negotiation.display.tables import latex_table

        return latex_table(self)


@dataclass(frozen=True, eq=False)
class QRELimit(Tabular):
    """The end of the principal branch: a Nash equilibrium approximated by logit QREs.

    Attributes
    ----------
    strategies
        One probability vector per player.
    lam
        The precision at the last point traced, in the payoffs' units.
    max_regret
        The largest gain any player could make by deviating from ``strategies``,
        in the payoffs' units.
    refined
        Whether ``strategies`` was refined on the support the branch converges to
        (solving the indifference equations there) and checked to be a best
        response for every player within the tolerance; otherwise it is the last
        point of the branch, an approximate equilibrium.
    steps
        The number of accepted path-following steps.
    """

    strategies: Profile
    lam: float
    max_regret: float
    refined: bool
    steps: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "strategies", tuple(_readonly(p) for p in self.strategies))


@dataclass(frozen=True, eq=False)
class QREFit:
    """The logit QRE on the principal branch that best fits observed play.

    Attributes
    ----------
    lam
        The maximum-likelihood precision, in the payoffs' units.
    strategies
        The QRE at ``lam``: one probability vector per player.
    log_likelihood
        ``sum(counts * log(probabilities))`` at the estimate.
    counts
        The observed counts, one vector per player.
    players, labels
        The players' names and strategy labels.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3.0, 0.0], [5.0, 1.0]])
    >>> print(fit_qre([A, A.T], [[20, 80], [20, 80]], labels=(("C", "D"), ("C", "D"))))
    logit QRE fit: lambda = 1.15525, log-likelihood = -100.08
      Row: C 0.2000 (observed 0.2000), D 0.8000 (observed 0.8000)
      Column: C 0.2000 (observed 0.2000), D 0.8000 (observed 0.8000)
    """

    lam: float
    strategies: Profile
    log_likelihood: float
    counts: tuple[np.ndarray, ...]
    players: tuple[str, ...] = field(default=())
    labels: tuple[tuple[str, ...], ...] = field(default=())

    def __post_init__(self) -> None:
        strategies = tuple(_readonly(p) for p in self.strategies)
        players, labels = _check_names(
            self.players or None, self.labels or None, [p.size for p in strategies]
        )
        object.__setattr__(self, "strategies", strategies)
        object.__setattr__(self, "counts", tuple(_readonly(c) for c in self.counts))
        object.__setattr__(self, "players", players)
        object.__setattr__(self, "labels", labels)

    def __str__(self) -> str:
        lines = [
            f"logit QRE fit: lambda = {self.lam:.6g}, log-likelihood = {self.log_likelihood:.6g}"
        ]
        for player, names, probs, counts in zip(
            self.players, self.labels, self.strategies, self.counts, strict=True
        ):
            total = float(counts.sum())
            cells = [
                f"{name} {prob:.4f}" + (f" (observed {count / total:.4f})" if total > 0 else "")
                for name, prob, count in zip(names, probs.tolist(), counts.tolist(), strict=True)
            ]
            lines.append(f"  {player}: " + ", ".join(cells))
        return "\n".join(lines)

    def to_pandas(self) -> Any:
        """A table with one row per (player, strategy): observed counts and fitted probabilities.

        Needs pandas (``pip install pandas``).
        """
        pd = _pandas()
        rows = []
        for player, names, probs, counts in zip(
            self.players, self.labels, self.strategies, self.counts, strict=True
        ):
            total = float(counts.sum())
            for name, prob, count in zip(names, probs.tolist(), counts.tolist(), strict=True):
                rows.append(
                    {
                        "player": player,
                        "strategy": name,
                        "count": count,
                        "observed": count / total if total > 0 else float("nan"),
                        "probability": prob,
                    }
                )
        return pd.DataFrame.from_records(rows)

    def to_latex(self) -> str:
        """The same table as :meth:`to_pandas`, as a booktabs LaTeX ``tabular``."""
        from negotiation.display.tables import latex_table

        return latex_table(self)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "this table needs pandas: pip install pandas (or pip install 'negotiation[sweeps]')"
        ) from err
    return pd


def _check_names(
    players: Sequence[str] | None, labels: Sequence[Sequence[str]] | None, sizes: Sequence[int]
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    n = len(sizes)
    if players is None:
        players = ("Row", "Column") if n == 2 else tuple(f"Player {i + 1}" for i in range(n))
    players = tuple(str(p) for p in players)
    if len(players) != n:
        raise InvalidGameError(
            f"got {len(players)} player names for {n} players; give one per player"
        )
    if labels is None:
        if n == 2:
            labels = (
                tuple(f"r{j}" for j in range(sizes[0])),
                tuple(f"c{j}" for j in range(sizes[1])),
            )
        else:
            labels = tuple(tuple(f"s{j}" for j in range(size)) for size in sizes)
    labels = tuple(tuple(str(s) for s in names) for names in labels)
    if len(labels) != n or any(
        len(names) != size for names, size in zip(labels, sizes, strict=True)
    ):
        raise InvalidGameError(
            f"strategy labels have sizes {[len(names) for names in labels]} but the game has "
            f"{list(sizes)} strategies per player; give one label per strategy"
        )
    return players, labels


# ---------------------------------------------------------------------------- the system


class _System:
    """The logit QRE equations of one game, payoffs rescaled to a range of 1.

    A point is ``x = (v, lam)``: ``v`` the log-probabilities of all players'
    strategies, one block per player, and ``lam`` the internal precision
    (``lam`` in the user's units times the payoff range). Each player ``i``
    has a reference strategy ``b`` (the most likely one, for accuracy at large
    ``lam``); the equation in the row of ``b`` is ``sum(exp(v_i)) - 1 = 0`` and
    the one in the row of every other strategy ``j`` is
    ``v_ij - v_ib - lam (u_ij - u_ib) = 0``, ``u`` being expected payoffs.

    Payoffs are held as one tensor over the strategies of all players (``n``
    strategies in all, ``N`` axes): entry ``[j, l, r...]`` is the payoff of the
    owner of ``j`` when ``j``, ``l``, ``r``... are played by distinct players in
    a fixed order, zero otherwise. Contracting its last ``N - 2`` axes with the
    probabilities gives every pair payoff (the Jacobian's blocks) in ``N - 2``
    matrix products whatever the number of players; games too large for it
    contract player by player.
    """

    def __init__(self, arrays: list[np.ndarray]) -> None:
        n_players = len(arrays)
        self.n_players = n_players
        self.sizes = arrays[0].shape
        lo = min(float(a.min()) for a in arrays)
        hi = max(float(a.max()) for a in arrays)
        self.scale = hi - lo if hi > lo else 1.0
        scaled = [(a - lo) / self.scale for a in arrays]
        self.starts = np.cumsum([0, *self.sizes])[:-1]
        self.total = n = int(sum(self.sizes))
        self.blocks = [
            slice(int(s), int(s) + size) for s, size in zip(self.starts, self.sizes, strict=True)
        ]
        self.owner = np.repeat(np.arange(n_players), self.sizes)
        self.same = self.owner[:, None] == self.owner[None, :]
        self.diagonal = np.arange(n) * (n + 2)  # flat indices of (j, j) in an (n+1, n+1) array
        self.row_starts = np.arange(n) * (n + 1)
        players = range(n_players)
        ranges = [np.arange(b.start, b.stop) for b in self.blocks]
        self.pairs: list[tuple[slice, slice, np.ndarray, list[int]]] = []
        self.dense: np.ndarray | None = None
        if n**n_players <= DENSE_ENTRIES:
            self.dense = np.zeros((n,) * n_players)
        for i in players:
            for k in players:
                if i == k:
                    continue
                rest = [m for m in players if m not in (i, k)]
                table = np.ascontiguousarray(np.moveaxis(scaled[i], [i, k, *rest], players))
                if self.dense is not None:
                    self.dense[np.ix_(*(ranges[m] for m in (i, k, *rest)))] = table
                else:
                    self.pairs.append((self.blocks[i], self.blocks[k], table, rest[::-1]))

    # -- points
    def start(self) -> np.ndarray:
        x = np.zeros(self.total + 1)
        for block, n in zip(self.blocks, self.sizes, strict=True):
            x[block] = -math.log(n)
        return x

    def split(self, flat: np.ndarray) -> list[np.ndarray]:
        return [flat[block] for block in self.blocks]

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """The mixed strategies at ``x``, one flat vector, each block normalised."""
        v = x[: self.total]
        p = np.exp(v - np.maximum.reduceat(v, self.starts)[self.owner])
        return p / np.add.reduceat(p, self.starts)[self.owner]

    def refs(self, x: np.ndarray) -> np.ndarray:
        """The index of each player's most likely strategy."""
        return np.array([int(np.argmax(x[block])) + block.start for block in self.blocks])

    # -- payoffs
    def pair_matrix(self, p: np.ndarray) -> np.ndarray:
        """``M[j, l]`` for strategies ``j``, ``l`` of distinct players: the payoff of
        ``j``'s owner from ``j`` against ``l``, the others mixing as in ``p``; zero for
        strategies of one player. ``M @ p / (N - 1)`` is every strategy's expected payoff.
        """
        if self.dense is not None:
            a = self.dense
            for _ in range(self.n_players - 2):
                a = a @ p
            return a
        out = np.zeros((self.total, self.total))
        for rows, cols, a, rest in self.pairs:
            for m in rest:
                a = a @ p[self.blocks[m]]
            out[rows, cols] = a
        return out

    def payoffs(self, p: np.ndarray) -> np.ndarray:
        """Every strategy's expected payoff against the others' mixtures ``p``."""
        return (self.pair_matrix(p) @ p) / (self.n_players - 1)

    def regret(self, p: np.ndarray) -> float:
        """The largest gain from a deviation at ``p`` (internal units)."""
        u = self.payoffs(p)
        gains = np.maximum.reduceat(u, self.starts) - np.add.reduceat(p * u, self.starts)
        return float(gains.max())

    # -- equations
    def residual(self, x: np.ndarray, refs: np.ndarray) -> np.ndarray:
        v, lam = x[:-1], x[-1]
        p = np.exp(v)
        u = self.payoffs(p)
        ref = refs[self.owner]
        out = (v - v[ref]) - lam * (u - u[ref])
        out[refs] = np.add.reduceat(p, self.starts) - 1.0
        return out

    def augmented(self, x: np.ndarray, refs: np.ndarray, row: np.ndarray) -> np.ndarray:
        """The Jacobian of the equations at ``x`` with ``row`` appended (a square matrix)."""
        n = self.total
        v, lam = x[:-1], x[-1]
        p = np.exp(v)
        pairs = self.pair_matrix(p)
        u = (pairs @ p) / (self.n_players - 1)
        ref = refs[self.owner]
        out = np.empty((n + 1, n + 1))
        np.multiply(pairs[ref] - pairs, lam * p, out=out[:n, :n])
        flat = out.reshape(-1)
        flat[self.diagonal] += 1.0
        flat[self.row_starts + ref] -= 1.0
        out[refs, :n] = self.same[refs] * p
        out[:n, n] = u[ref] - u
        out[n] = row
        return out


# ---------------------------------------------------------------------------- tracing


@dataclass
class _Point:
    """An accepted point on the branch and the unit tangent there."""

    x: np.ndarray
    t: np.ndarray
    step: float  # the arc length of the step that reached this point (0 at the start)


def _solve(inverse: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    return inverse @ rhs


def _factor(a: np.ndarray) -> np.ndarray | None:
    """The inverse of a (small, square) augmented Jacobian, or ``None`` if it is singular.

    The matrices are small (one row per strategy), so an explicit inverse is
    cheaper than repeated triangular solves and as accurate here.
    """
    if not np.isfinite(a).all():
        return None
    try:
        inverse = np.linalg.inv(a)
    except np.linalg.LinAlgError:
        return None
    if not np.isfinite(inverse).all():
        return None
    return inverse


def _small(delta: np.ndarray, x: np.ndarray, tol: float = 0.0) -> bool:
    """Whether a Newton step ``delta`` at ``x`` is negligible, entry by entry."""
    return bool((np.abs(delta) <= (tol or _NEWTON_TOL) * (1.0 + np.abs(x))).all())


def _size(delta: np.ndarray, x: np.ndarray) -> float:
    """The Euclidean length of a step ``delta`` at ``x``, entries above ``_ABSOLUTE`` in
    size measured relative to them: far along the branch the log-probabilities of
    unused strategies and lambda are huge, and only their relative accuracy matters."""
    return math.sqrt(float(((delta / np.maximum(1.0, np.abs(x) / _ABSOLUTE)) ** 2).sum()))


def _settled(delta: np.ndarray, x: np.ndarray, previous: float, residual: np.ndarray) -> bool:
    """Whether Newton's method has converged at ``x``: its step is negligible, or it
    has stopped shrinking while the equations hold to rounding error (far along the
    branch of a degenerate game the equations are ill-conditioned, and the step
    cannot shrink further; the residual, about ``lam`` times machine precision
    there, is what floating point allows)."""
    if _small(delta, x):
        return True
    noise = _NOISE * (1.0 + float(np.abs(x).max()))
    return _size(delta, x) > 0.5 * previous and float(np.abs(residual).max()) <= noise


def _polish(
    system: _System,
    u: np.ndarray,
    row: np.ndarray,
    rhs_last: Callable[[np.ndarray], float],
    exact_tangent: bool = False,
) -> tuple[np.ndarray, np.ndarray] | None:
    """Newton's method on the equations plus ``row . u = const`` from a point near the branch.

    Returns the polished point and the unit tangent there (oriented along
    ``row``), or ``None`` if Newton's method does not converge. The tangent
    comes from the last Jacobian factorised, close to the point; with
    ``exact_tangent`` the Jacobian is factorised again at the point itself.
    """
    for _ in range(3):
        refs = system.refs(u)
        inverse = _factor(system.augmented(u, refs, row))
        if inverse is None:
            return None
        previous = math.inf
        for _ in range(_POLISH_ITERATIONS):
            rhs = np.append(system.residual(u, refs), rhs_last(u))
            delta = _solve(inverse, rhs)
            if not np.isfinite(delta).all():
                return None
            u = u - delta
            dist = _size(delta, u)
            if _settled(delta, u, previous, rhs[:-1]):
                e = np.zeros(u.size)
                e[-1] = 1.0
                if exact_tangent:
                    inverse = _factor(system.augmented(u, system.refs(u), row))
                    if inverse is None:
                        return None
                t = _solve(inverse, e)
                return u, t / np.linalg.norm(t)
            if dist > 1e-3:
                break  # too far from the branch for a fixed Jacobian: refactor
            previous = dist
    return None


def _exact_tangent(system: _System, point: _Point) -> _Point:
    """``point`` with the tangent recomputed from the Jacobian at the point itself.

    The tangents of accepted points come from the Jacobian at the predicted
    point, accurate enough to predict the next step but not to sign a
    derivative along the branch.
    """
    inverse = _factor(system.augmented(point.x, system.refs(point.x), point.t))
    if inverse is None:
        return point
    t = inverse[:, -1]
    return _Point(point.x, t / np.linalg.norm(t), point.step)


def _step(system: _System, point: _Point, h: float, accel: float) -> tuple[_Point | None, float]:
    """One predictor-corrector step of arc length ``h``: the new point (or ``None``) and next ``h``.

    The corrector is the chord method with the Jacobian at the predicted point
    (Allgower and Georg 1990, section 6.1): its first step and its contraction
    rate decide whether the step is accepted and how long the next one is.
    Once accepted it runs on to full precision, and the tangent there is the
    null vector of that Jacobian; if the chord method converges too slowly for
    that, the point is polished with a fresh Jacobian.
    """
    x, t = point.x, point.t
    n = system.total
    u = x + h * t
    refs = system.refs(u)
    inverse = _factor(system.augmented(u, refs, t))
    if inverse is None:
        return None, h / 2
    decel = 0.0
    previous = 0.0
    rhs = np.zeros(n + 1)
    for iteration in range(1, _MAX_CHORD + 1):
        rhs[:n] = system.residual(u, refs)
        delta = inverse @ rhs
        dist = _size(delta, u)
        if not math.isfinite(dist) or dist >= _MAX_DIST:
            return None, h / 2
        u = u - delta
        decel = max(decel, math.sqrt(dist / _MAX_DIST))
        if iteration >= 2:
            contraction = dist / (previous + _CHORD_TOL * _ETA)
            if contraction > _MAX_CONTRACTION:
                return None, h / 2
            decel = max(decel, math.sqrt(contraction / _MAX_CONTRACTION))
        if dist <= _CHORD_TOL:
            break
        previous = dist
    else:
        return None, h / 2
    converged = False
    for _ in range(_POLISH_ITERATIONS):
        rhs[:n] = system.residual(u, refs)
        delta = inverse @ rhs
        u = u - delta
        step = _size(delta, u)
        if _settled(delta, u, dist, rhs[:n]):
            converged = True
            break
        if step > 0.3 * dist:
            break  # the chord method is too slow here: polish with a fresh Jacobian
        dist = step
    if converged:
        t_new = inverse[:, n] / np.linalg.norm(inverse[:, n])
    else:
        anchor = float(t @ u)
        polished = _polish(system, u, t, lambda y: float(t @ y) - anchor)
        if polished is None:
            return None, h / 2
        u, t_new = polished
    angle = math.acos(min(1.0, float(t @ t_new)))
    if angle > _MAX_ANGLE:
        return None, h / 2
    decel = min(max(decel, angle / _MAX_ANGLE, 1.0 / accel), accel)
    return _Point(u, t_new, h), h / decel


def _trace(
    system: _System, first_step: float, accel: float, max_steps: int, goal: str
) -> Iterator[_Point]:
    """The principal branch from ``lam = 0``, one accepted point at a time.

    Endless, unless floating point cannot follow the branch further at a point
    that is already an approximate equilibrium (regret below ``_STALL_REGRET``,
    far along the branch of a degenerate game, where the equations are
    ill-conditioned): then it ends there. A stall anywhere else is an error.
    """
    x = system.start()
    e = np.zeros(x.size)
    e[-1] = 1.0
    inverse = _factor(system.augmented(x, system.refs(x), e))
    if inverse is None:  # pragma: no cover - the start is always regular
        raise PathFollowingError("the logit system is singular at lambda = 0")
    t = _solve(inverse, e)
    point = _Point(x, t / np.linalg.norm(t), 0.0)
    yield point
    h = first_step
    attempts = 0
    while True:
        attempts += 1
        if attempts > max_steps:
            raise PathFollowingError(
                f"the logit path took more than max_steps={max_steps} steps (it reached "
                f"lambda = {point.x[-1] / system.scale:.6g}) before {goal}; raise max_steps, "
                "or ask for less (a smaller lam_max, a larger max_regret)"
            )
        new, h = _step(system, point, h, accel)
        if new is None:
            if h < _MIN_STEP * (1.0 + float(np.abs(point.x).max())):
                if system.regret(system.probabilities(point.x)) <= _STALL_REGRET:
                    return
                raise _stalled(system, point)
            continue
        point = new
        yield point


def _stalled(system: _System, point: _Point) -> PathFollowingError:
    return PathFollowingError(
        f"the logit path stalled at lambda = {point.x[-1] / system.scale:.6g}: the step size "
        "fell below its minimum (the branch is singular there, as at a bifurcation of a "
        "degenerate game, or too ill-conditioned to follow in floating point); perturb the "
        "payoffs slightly, or stop before that lambda with lam_max"
    )


def _locate(
    system: _System,
    a: _Point,
    b: _Point,
    g: Callable[[_Point], float],
    *,
    xtol: float = 1e-12,
    max_iterations: int = 60,
) -> _Point:
    """A point between accepted points ``a`` and ``b`` where ``g`` changes sign.

    Regula falsi (Illinois variant) on the arc length ``s`` along ``a``'s
    tangent; each trial point is corrected back onto the branch within the
    hyperplane ``t_a . (x - x_a) = s``.
    """
    span = float(a.t @ (b.x - a.x))
    ga, gb = g(a), g(b)
    lo, hi = 0.0, span
    best = a if abs(ga) <= abs(gb) else b
    side = 0
    for _ in range(max_iterations):
        if gb == ga:
            break
        s = hi - gb * (hi - lo) / (gb - ga)
        s = min(max(s, min(lo, hi)), max(lo, hi))
        guess = a.x + (s / span) * (b.x - a.x) if span != 0 else a.x.copy()
        polished = _polish(system, guess, a.t, _arc_constraint(a, s), exact_tangent=True)
        if polished is None:
            break
        x, t = polished
        if t @ a.t < 0:  # pragma: no cover - keeps the orientation along the branch
            t = -t
        trial = _Point(x, t, abs(s))
        gs = g(trial)
        if abs(gs) < abs(g(best)):
            best = trial
        if gs == 0 or abs(hi - lo) <= xtol * (1.0 + abs(span)):
            break
        if (gs > 0) == (gb > 0):
            hi, gb = s, gs
            if side == 1:
                ga /= 2
            side = 1
        else:
            lo, ga = s, gs
            if side == -1:
                gb /= 2
            side = -1
    return best


def _arc_constraint(a: _Point, s: float) -> Callable[[np.ndarray], float]:
    """The hyperplane ``t_a . (x - x_a) = s`` as an equation ``f(x) = 0``."""
    return lambda y: float(a.t @ (y - a.x)) - s


def _lambda_gap(lam: float) -> Callable[[_Point], float]:
    """How far a point's (internal) precision is above ``lam``."""
    return lambda q: float(q.x[-1]) - lam


def _fixed_lambda(system: _System, x: np.ndarray, lam: float) -> np.ndarray | None:
    """Newton's method for the QRE at exactly ``lam`` (internal units) from ``x``."""
    e = np.zeros(x.size)
    e[-1] = 1.0
    start = x.copy()
    start[-1] = lam
    polished = _polish(system, start, e, lambda y: float(y[-1]) - lam)
    if polished is None:
        return None
    y, _ = polished
    y[-1] = lam
    return y


def _at_lambda(system: _System, point: _Point, lam: float) -> _Point:
    """Polish ``point`` (close to the branch) onto ``lam`` exactly (internal units)."""
    x = _fixed_lambda(system, point.x, lam)
    if x is None:  # pragma: no cover - the crossing is located to about 1e-12
        raise PathFollowingError(
            f"could not solve for the QRE at exactly lambda = {lam / system.scale:.6g} near "
            "the branch (the branch is singular there); try a slightly different lambda"
        )
    return _Point(x, point.t, point.step)


def _crossing(system: _System, a: _Point, b: _Point, lam: float) -> _Point:
    """The QRE at ``lam`` between accepted points ``a`` (below) and ``b`` (at or above).

    Where ``lam`` rises steadily over the step, Newton's method at fixed
    ``lam`` from the interpolated point finds it at once; near a turning point
    the crossing is located along the arc first.
    """
    if min(a.t[-1], b.t[-1]) > 0.1 * max(abs(a.t[-1]), abs(b.t[-1]), 1e-300):
        share = (lam - a.x[-1]) / (b.x[-1] - a.x[-1])
        guess = a.x + share * (b.x - a.x)
        x = _fixed_lambda(system, guess, lam)
        if x is not None and _size(x - guess, guess) <= _size(b.x - a.x, a.x):
            return _Point(x, a.t + share * (b.t - a.t), b.step)
    return _at_lambda(system, _locate(system, a, b, _lambda_gap(lam)), lam)


def _trace_to(
    system: _System, targets: Sequence[float], first_step: float, accel: float, max_steps: int
) -> tuple[list[_Point], list[_Point]]:
    """Points from 0 up to the first crossing of the largest target, and the QRE at each target.

    ``targets`` are internal precisions in increasing order; the QRE at each
    is the branch's first point there (the branch is continuous, so it
    crosses the smaller targets first).
    """
    points: list[_Point] = []
    found: list[_Point] = []
    pending = list(targets)
    goal = f"reaching lambda = {pending[-1] / system.scale:.6g}"
    for point in _trace(system, first_step, accel, max_steps, goal):
        while pending and pending[0] <= point.x[-1]:
            lam = pending.pop(0)
            if lam <= 0.0 or not points:
                found.append(point)
                continue
            found.append(_crossing(system, points[-1], point, lam))
        if not pending:
            return points, found
        points.append(point)
    raise _stalled(system, points[-1])


# ---------------------------------------------------------------------------- refinement


def _refine(system: _System, p: np.ndarray, tol: float, gap: float = 10.0) -> np.ndarray | None:
    """The equilibrium on the support ``p`` is concentrated on, if Newton's method finds one.

    The support of each player is the strategies whose probability is within a
    factor ``exp(gap)`` of the most likely one; on it the indifference
    equations are solved from ``p`` and the solution is kept only if it is a
    probability vector and every player's strategy is a best response within
    ``tol`` (in internal units). Profiles are flat vectors, one block per player.
    """
    keep = p >= np.maximum.reduceat(p, system.starts)[system.owner] * math.exp(-gap)
    q = np.where(keep, p, 0.0)
    q /= np.add.reduceat(q, system.starts)[system.owner]
    support = np.flatnonzero(keep)
    if support.size > system.n_players:
        refs = np.array([block.start + int(np.argmax(keep[block])) for block in system.blocks])
        ref = refs[system.owner][support]
        is_ref = support == ref
        converged = False
        for _ in range(30):
            pairs = system.pair_matrix(q)
            u = (pairs @ q) / (system.n_players - 1)
            f = u[support] - u[ref]
            f[is_ref] = np.add.reduceat(q, system.starts) - 1.0
            jac = (pairs[support] - pairs[ref])[:, support]
            jac[is_ref] = system.same[refs][:, support]
            delta = np.linalg.lstsq(jac, f, rcond=None)[0]
            if not np.isfinite(delta).all():
                return None
            q[support] -= delta
            if float(np.abs(delta).max()) <= 1e-13:
                converged = float(np.abs(f).max()) <= 1e-9
                break
        if not converged or float(q.min()) < -1e-12:
            return None
        q = np.clip(q, 0.0, None)
        q /= np.add.reduceat(q, system.starts)[system.owner]
    if system.regret(q) > tol:
        return None
    return q


def _limit(
    system: _System,
    max_regret: float,
    tol: float,
    first_step: float,
    accel: float,
    max_steps: int,
) -> tuple[np.ndarray, float, bool, int]:
    """The end of the branch: (flat profile, internal lam, refined?, steps)."""
    previous: tuple[np.ndarray, float, float] | None = None  # refined, distance, change
    next_check = 0.0
    steps = -1
    p = system.probabilities(system.start())
    lam = 0.0
    goal = f"its regret fell below max_regret={max_regret:g}"
    for point in _trace(system, first_step, accel, max_steps, goal):
        steps += 1
        p = system.probabilities(point.x)
        regret = system.regret(p)
        lam = float(point.x[-1])
        if regret <= max_regret:
            break
        if regret > _REFINE_REGRET or lam < next_check:
            continue
        next_check = 2.0 * lam
        refined = _refine(system, p, tol)
        if refined is None:
            previous = None
            continue
        d = float(np.abs(refined - p).max())
        change = math.inf if previous is None else float(np.abs(refined - previous[0]).max())
        # The same equilibrium twice (an isolated one), or refinements converging
        # (the branch ends in a continuum of equilibria and the refined point drifts
        # along it like 1 / lam): either way the branch has arrived.
        if previous is not None and d <= previous[1]:
            if change <= 1e-9 or (change <= 1e-6 and change <= 0.75 * previous[2]):
                return refined, lam, True, steps
        previous = (refined, d, change)
    # the regret is below max_regret, or the branch cannot be followed further
    refined = _refine(system, p, tol)
    if refined is not None and float(np.abs(refined - p).max()) <= 1e-3:
        return refined, lam, True, steps
    return p, lam, False, steps


# ---------------------------------------------------------------------------- input


def _check_payoffs(payoffs: Arrays) -> list[np.ndarray]:
    try:
        arrays = [np.asarray(a, dtype=float) for a in payoffs]
    except (TypeError, ValueError) as err:
        raise InvalidGameError(
            f"payoffs must be a sequence of numeric arrays, one per player ({err}); give float "
            "arrays of shape (n_1, ..., n_N)"
        ) from None
    n = len(arrays)
    if n < 2:
        raise InvalidGameError(f"got payoffs for {n} player(s); a game needs at least two")
    shape = arrays[0].shape
    for i, a in enumerate(arrays):
        if a.shape != shape or a.ndim != n:
            raise InvalidGameError(
                f"player {i + 1}'s payoffs have shape {a.shape}; with {n} players every payoff "
                f"array needs {n} axes and the same shape (got {shape} for player 1)"
            )
        if not np.isfinite(a).all():
            raise InvalidGameError(
                f"player {i + 1}'s payoffs contain NaN or infinite entries; give finite numbers"
            )
    if 0 in shape:
        raise InvalidGameError(
            f"the payoff arrays have shape {shape}: every player needs a strategy"
        )
    if arrays[0].size * n * n > MAX_ENTRIES or sum(shape) > MAX_STRATEGIES:
        raise InvalidGameError(
            f"a game of shape {shape} is too large for the logit path (it allows "
            f"{MAX_STRATEGIES} strategies in all and {MAX_ENTRIES:,} payoff entries times "
            "players squared); remove dominated strategies first"
        )
    return arrays


def _check_lambda(lam: float, name: str = "lam") -> float:
    try:
        value = float(lam)
    except (TypeError, ValueError):
        raise InvalidGameError(f"{name} must be a number, not {lam!r}") from None
    if not math.isfinite(value) or value < 0:
        raise InvalidGameError(
            f"{name} = {lam!r} is not a valid precision; give a finite lambda >= 0 "
            "(0 is uniform play, larger values are closer to best responses)"
        )
    return value


def _check_options(first_step: float, max_accel: float, max_steps: int) -> None:
    if not (isinstance(first_step, int | float) and math.isfinite(first_step) and first_step > 0):
        raise InvalidGameError(f"first_step must be a positive number, not {first_step!r}")
    if not (isinstance(max_accel, int | float) and math.isfinite(max_accel) and max_accel > 1):
        raise InvalidGameError(f"max_accel must be a number greater than 1, not {max_accel!r}")
    if isinstance(max_steps, bool) or not isinstance(max_steps, int) or max_steps < 1:
        raise InvalidGameError(f"max_steps must be a positive integer, not {max_steps!r}")


def _check_regret(max_regret: float) -> None:
    if not (isinstance(max_regret, int | float) and math.isfinite(max_regret) and max_regret > 0):
        raise InvalidGameError(
            f"max_regret must be a positive number (relative to the payoff range), not "
            f"{max_regret!r}; the default is {MAX_REGRET:g}"
        )


def _check_counts(counts: Sequence[Any], sizes: tuple[int, ...]) -> list[np.ndarray]:
    if isinstance(counts, np.ndarray | str) or len(counts) != len(sizes):
        got = len(counts) if not isinstance(counts, str) else "a string"
        raise InvalidGameError(
            f"counts must be one vector per player ({len(sizes)} players), got {got}; "
            "give e.g. [[12, 30], [25, 17]] for two players with two strategies"
        )
    out = []
    for i, (c, n) in enumerate(zip(counts, sizes, strict=True)):
        try:
            vec = np.asarray(c, dtype=float)
        except (TypeError, ValueError):
            raise InvalidGameError(f"player {i + 1}'s counts {c!r} are not numbers") from None
        if vec.shape != (n,):
            raise InvalidGameError(
                f"player {i + 1}'s counts have shape {vec.shape} but the player has {n} "
                f"strategies; give one count per strategy"
            )
        if not np.all(np.isfinite(vec)) or np.any(vec < 0):
            raise InvalidGameError(
                f"player {i + 1}'s counts {vec.tolist()} must be finite and non-negative "
                "(how often each strategy was observed)"
            )
        out.append(vec)
    if sum(float(c.sum()) for c in out) <= 0:
        raise InvalidGameError("all counts are zero; give how often each strategy was observed")
    return out


# ---------------------------------------------------------------------------- public kernels


def logit_path(
    payoffs: Arrays,
    *,
    lam_max: float | None = None,
    max_regret: float = MAX_REGRET,
    first_step: float = FIRST_STEP,
    max_accel: float = MAX_ACCEL,
    max_steps: int = MAX_STEPS,
    players: Sequence[str] | None = None,
    labels: Sequence[Sequence[str]] | None = None,
) -> QREPath:
    """Trace the principal branch of the logit QRE correspondence from ``lam = 0``.

    Parameters
    ----------
    payoffs
        One float array per player, each of shape ``(n_1, ..., n_N)``, ``N >= 2``.
    lam_max
        Stop at the first point where the branch reaches this precision (in the
        payoffs' units); the last point is the QRE at exactly ``lam_max``.
        By default the branch is traced until it is an approximate Nash
        equilibrium (see ``max_regret``).
    max_regret
        Without ``lam_max``: stop once no player can gain more than
        ``max_regret`` times the payoff range by deviating (Gambit's criterion).
        In degenerate games the equations can become too ill-conditioned to
        follow in floating point before that (at ``lam`` of order ``1e5`` times
        the payoff range and beyond); the path then ends there, provided its
        regret is below ``1e-6`` times the payoff range.
    first_step
        The arc length of the first step (internal units: payoffs rescaled to a
        range of 1).
    max_accel
        The largest factor by which one step may be longer than the previous one.
    max_steps
        The most predictor-corrector steps to try (accepted or not).
    players, labels
        Names of the players and of their strategies, for tables.

    Returns
    -------
    QREPath
        The points traced, starting with uniform play at ``lam = 0``.

    Raises
    ------
    InvalidGameError
        For malformed payoffs, a negative ``lam_max`` or bad options.
    PathFollowingError
        If the branch needs more than ``max_steps`` steps or cannot be followed
        (a singular point of a degenerate game).

    See Also
    --------
    quantal_response : the QRE at one precision.
    logit_limit : the Nash equilibrium the branch converges to.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3.0, 0.0], [5.0, 1.0]])
    >>> path = logit_path([A, A.T])
    >>> round(float(path.probabilities[0][-1][1]), 6)  # defect, in the limit
    1.0
    """
    arrays = _check_payoffs(payoffs)
    _check_options(first_step, max_accel, max_steps)
    system = _System(arrays)
    _check_names(players, labels, system.sizes)
    if lam_max is not None:
        target = _check_lambda(lam_max, "lam_max") * system.scale
        points, (last,) = _trace_to(system, [target], first_step, max_accel, max_steps)
        points.append(last)
    else:
        _check_regret(max_regret)
        points = []
        goal = f"its regret fell below max_regret={max_regret:g}"
        for point in _trace(system, first_step, max_accel, max_steps, goal):
            points.append(point)
            if system.regret(system.probabilities(point.x)) <= max_regret:
                break
    xs = np.array([point.x for point in points])
    probabilities = [system.split(system.probabilities(x)) for x in xs]
    return QREPath(
        lambdas=xs[:, -1] / system.scale,
        probabilities=tuple(
            np.array([p[i] for p in probabilities]) for i in range(system.n_players)
        ),
        players=tuple(players) if players is not None else None,  # type: ignore[arg-type]
        labels=tuple(tuple(s) for s in labels) if labels is not None else None,  # type: ignore[arg-type]
    )


def quantal_response(
    payoffs: Arrays,
    lam: float,
    *,
    first_step: float = FIRST_STEP,
    max_accel: float = MAX_ACCEL,
    max_steps: int = MAX_STEPS,
) -> Profile:
    """The logit QRE on the principal branch at precision ``lam``.

    The branch is followed from ``lam = 0`` to its first point at ``lam``
    (where the branch bends back, other QREs with the same ``lam`` lie further
    along it; this is the one continuously connected to uniform play).

    Parameters
    ----------
    payoffs
        One float array per player, each of shape ``(n_1, ..., n_N)``.
    lam
        The precision, ``>= 0``, in the payoffs' units.
    first_step, max_accel, max_steps
        Path-following options, as in :func:`logit_path`.

    Returns
    -------
    tuple of numpy.ndarray
        One probability vector per player.

    Raises
    ------
    InvalidGameError
        For malformed payoffs or a negative ``lam``.
    PathFollowingError
        If the branch cannot be followed to ``lam`` within ``max_steps``.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[2.0, 0.0], [0.0, 1.0]])  # coordination
    >>> [np.round(p, 4).tolist() for p in quantal_response([A, A], 0.0)]
    [[0.5, 0.5], [0.5, 0.5]]
    >>> [round(float(p[0]), 4) for p in quantal_response([A, A], 1.0)]
    [0.8042, 0.8042]
    """
    arrays = _check_payoffs(payoffs)
    _check_options(first_step, max_accel, max_steps)
    system = _System(arrays)
    target = _check_lambda(lam) * system.scale
    _, (last,) = _trace_to(system, [target], first_step, max_accel, max_steps)
    return tuple(system.split(system.probabilities(last.x)))


def quantal_responses(
    payoffs: Arrays,
    lams: Sequence[float],
    *,
    first_step: float = FIRST_STEP,
    max_accel: float = MAX_ACCEL,
    max_steps: int = MAX_STEPS,
    players: Sequence[str] | None = None,
    labels: Sequence[Sequence[str]] | None = None,
) -> QREPath:
    """The logit QREs on the principal branch at several precisions, in one trace.

    Parameters
    ----------
    payoffs
        One float array per player, each of shape ``(n_1, ..., n_N)``.
    lams
        The precisions, each ``>= 0``, in the payoffs' units (any order; repeats allowed).
    first_step, max_accel, max_steps
        Path-following options, as in :func:`logit_path`.
    players, labels
        Names of the players and of their strategies, for tables.

    Returns
    -------
    QREPath
        One point per entry of ``lams``, in the order given.

    Raises
    ------
    InvalidGameError
        For malformed payoffs, a negative precision or an empty ``lams``.
    PathFollowingError
        If the branch cannot be followed to the largest precision within ``max_steps``.

    See Also
    --------
    quantal_response : one precision.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[2.0, 0.0], [0.0, 1.0]])
    >>> table = quantal_responses([A, A], [1.0, 0.0]).to_pandas()
    >>> table[table.strategy == "r0"].round(4).values.tolist()
    [[1.0, 'Row', 'r0', 0.8042], [0.0, 'Row', 'r0', 0.5]]
    """
    arrays = _check_payoffs(payoffs)
    _check_options(first_step, max_accel, max_steps)
    system = _System(arrays)
    if isinstance(lams, str) or not isinstance(lams, Sequence | np.ndarray) or len(lams) == 0:
        raise InvalidGameError(
            f"lams must be a non-empty sequence of precisions, not {lams!r}; give e.g. [0.5, 1, 2]"
        )
    wanted = [_check_lambda(lam) for lam in lams]
    targets = sorted(set(wanted))
    _, found = _trace_to(
        system, [lam * system.scale for lam in targets], first_step, max_accel, max_steps
    )
    at = dict(zip(targets, found, strict=True))
    probabilities = [system.split(system.probabilities(at[lam].x)) for lam in wanted]
    return QREPath(
        lambdas=np.array(wanted),
        probabilities=tuple(
            np.array([p[i] for p in probabilities]) for i in range(system.n_players)
        ),
        players=tuple(players) if players is not None else None,  # type: ignore[arg-type]
        labels=tuple(tuple(s) for s in labels) if labels is not None else None,  # type: ignore[arg-type]
    )


def logit_limit(
    payoffs: Arrays,
    *,
    max_regret: float = MAX_REGRET,
    tol: float = 1e-9,
    first_step: float = FIRST_STEP,
    max_accel: float = MAX_ACCEL,
    max_steps: int = MAX_STEPS,
) -> QRELimit:
    """The Nash equilibrium at the end of the principal branch of logit QREs.

    The branch is traced as :func:`logit_path` does. Once its regret is small,
    the support it concentrates on is read off, the indifference equations on
    that support are solved by Newton's method from the current point, and the
    solution is checked to be an equilibrium (every player's strategy a best
    response within ``tol``); when the same equilibrium comes out at two
    precisions a factor 2 apart, it is returned (``refined=True``). Otherwise
    tracing continues until the regret is below ``max_regret``, as Gambit's
    ``logit_solve`` does, and that point is returned (``refined=False`` when
    it cannot be refined there either). Where the branch ends in a continuum
    of equilibria, the refined point drifts along it as ``lam`` grows; it is
    returned once successive refinements agree to about ``1e-6``.

    Parameters
    ----------
    payoffs
        One float array per player, each of shape ``(n_1, ..., n_N)``.
    max_regret
        The regret (relative to the payoff range) at which tracing stops.
    tol
        The regret (relative to the payoff range) a refined equilibrium may have.
    first_step, max_accel, max_steps
        Path-following options, as in :func:`logit_path`.

    Returns
    -------
    QRELimit

    Raises
    ------
    InvalidGameError
        For malformed payoffs or bad options.
    PathFollowingError
        If the branch cannot be followed within ``max_steps``.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[2.0, 0.0], [0.0, 1.0]])  # coordination: the branch picks (0, 0)
    >>> limit = logit_limit([A, A])
    >>> [p.tolist() for p in limit.strategies], limit.refined, limit.max_regret
    ([[1.0, 0.0], [1.0, 0.0]], True, 0.0)
    """
    arrays = _check_payoffs(payoffs)
    _check_options(first_step, max_accel, max_steps)
    _check_regret(max_regret)
    _check_regret(tol)
    system = _System(arrays)
    profile, lam, refined, steps = _limit(system, max_regret, tol, first_step, max_accel, max_steps)
    return QRELimit(
        strategies=tuple(system.split(profile)),
        lam=lam / system.scale,
        max_regret=system.regret(profile) * system.scale,
        refined=refined,
        steps=steps,
    )


def fit_qre(
    payoffs: Arrays,
    counts: Sequence[Any],
    *,
    lam_max: float | None = None,
    max_regret: float = MAX_REGRET,
    first_step: float = FIRST_STEP,
    max_accel: float = MAX_ACCEL,
    max_steps: int = MAX_STEPS,
    players: Sequence[str] | None = None,
    labels: Sequence[Sequence[str]] | None = None,
) -> QREFit:
    """The maximum-likelihood logit QRE on the principal branch for observed play.

    The log-likelihood of the counts, ``sum(counts * log p)``, is followed
    along the branch; every local maximum (a zero of its derivative along the
    branch) is located precisely, and the best of them (or of the end points)
    is returned, as Gambit's ``logit_estimate`` does.

    Parameters
    ----------
    payoffs
        One float array per player, each of shape ``(n_1, ..., n_N)``.
    counts
        One vector per player: how often each of its strategies was observed
        (non-negative, not all zero; a player never observed may have zeros).
    lam_max
        The largest precision searched (payoffs' units); by default the branch
        is searched until it is an approximate equilibrium (``max_regret``).
    max_regret, first_step, max_accel, max_steps
        Path-following options, as in :func:`logit_path`.
    players, labels
        Names of the players and of their strategies, for tables.

    Returns
    -------
    QREFit

    Raises
    ------
    InvalidGameError
        For malformed payoffs, counts of the wrong shape, negative or all-zero counts.
    PathFollowingError
        If the branch cannot be followed within ``max_steps``.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3.0, 0.0], [5.0, 1.0]])
    >>> fit = fit_qre([A, A.T], [[20, 80], [20, 80]])
    >>> round(fit.lam, 4), [np.round(p, 4).tolist() for p in fit.strategies]
    (1.1552, [[0.2, 0.8], [0.2, 0.8]])
    """
    arrays = _check_payoffs(payoffs)
    _check_options(first_step, max_accel, max_steps)
    system = _System(arrays)
    observed = _check_counts(counts, system.sizes)
    names = _check_names(players, labels, system.sizes)
    limit = None if lam_max is None else _check_lambda(lam_max, "lam_max") * system.scale
    _check_regret(max_regret)
    weights = np.concatenate(observed)

    def loglik(point: _Point) -> float:
        return float(weights @ point.x[:-1])

    def slope(point: _Point) -> float:
        return float(weights @ point.t[:-1])

    goal = (
        f"reaching lam_max = {lam_max}"
        if lam_max is not None
        else f"its regret fell below max_regret={max_regret:g}"
    )
    best: _Point | None = None
    previous: _Point | None = None
    for point in _trace(system, first_step, max_accel, max_steps, goal):
        point = _exact_tangent(system, point)
        last = False
        if limit is not None and point.x[-1] >= limit:
            if previous is not None:
                point = _exact_tangent(system, _crossing(system, previous, point, limit))
            last = True
        elif limit is None and system.regret(system.probabilities(point.x)) <= max_regret:
            last = True
        if previous is not None and slope(previous) > 0 >= slope(point):
            candidate = _locate(system, previous, point, slope)
            if best is None or loglik(candidate) > loglik(best):
                best = candidate
        if best is None or loglik(point) > loglik(best):
            best = point
        if last:
            break
        previous = point
    assert best is not None
    return QREFit(
        lam=float(best.x[-1]) / system.scale,
        strategies=tuple(system.split(system.probabilities(best.x))),
        log_likelihood=loglik(best),
        counts=tuple(observed),
        players=names[0],
        labels=names[1],
    )


def solve(tables: PayoffTables, *, exact: bool, tol: float) -> Solved:
    """The solver-table entry ``"logit"``: the Nash equilibrium the principal branch tends to."""
    limit = logit_limit(tables.floats, tol=max(tol, 1e-9))
    notes = (
        ()
        if limit.refined
        else (
            f"approximate equilibrium (largest regret {limit.max_regret:.2g}) at lambda "
            f"{limit.lam:.4g}: the branch could not be refined to an exact support",
        )
    )
    return Solved([tuple(np.array(v) for v in limit.strategies)], "logit", False, notes)
