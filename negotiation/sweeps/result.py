"""The result of a sweep: :class:`SweepResult` and the outcome shares it reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product
from statistics import NormalDist
from typing import Any

import numpy as np

from negotiation import display
from negotiation.display.formatting import latex_escape
from negotiation.errors import MissingExtraError, SweepError, UnknownLabelError
from negotiation.games.normal_form import Equilibrium, Game
from negotiation.sweeps.compile import CompiledPayoffs

__all__ = ["OutcomeShares", "SweepResult", "bits", "latex_table", "regime_label"]


def regime_label(pure: Sequence[str], mixed: Sequence[str]) -> str:
    """A readable label for the set of equilibria at a point: its regime.

    The pure equilibria are named, joined by ``" & "``; mixed ones are counted
    (``" + mixed"``, ``" + 2 mixed"``), and named only where there is no pure
    equilibrium to name the regime by.

    Examples
    --------
    >>> regime_label(["(Comply, Comply)"], ["(Comply+Defect, Comply+Defect)"])
    '(Comply, Comply) + mixed'
    >>> regime_label(["(S, E)", "(E, S)"], ["a", "b"]), regime_label([], ["(H+T, H+T)"])
    ('(S, E) & (E, S) + 2 mixed', '(H+T, H+T)')
    >>> regime_label([], [])
    'no equilibrium found'
    """
    if not pure:
        return " & ".join(mixed) if mixed else "no equilibrium found"
    text = " & ".join(pure)
    if len(mixed) == 1:
        text += " + mixed"
    elif mixed:
        text += f" + {len(mixed)} mixed"
    return text


def latex_table(
    header: Sequence[str], rows: Sequence[Sequence[Any]], *, digits: int = 4, caption: str = ""
) -> str:
    """A booktabs ``tabular`` (inside a ``table`` when there is a caption), text escaped.

    Numbers are printed with up to ``digits`` significant digits; integers as
    they are. Needs ``\\usepackage{booktabs}`` in the document.

    Examples
    --------
    >>> print(latex_table(["regime", "share"], [["(A, B) & (B, A)", 0.25]]))
    \\begin{tabular}{lr}
    \\toprule
    regime & share \\\\
    \\midrule
    (A, B) \\& (B, A) & 0.25 \\\\
    \\bottomrule
    \\end{tabular}
    """

    def cell(value: Any) -> str:
        if isinstance(value, bool | np.bool_):
            return "yes" if value else "no"
        if isinstance(value, int | np.integer):
            return f"{int(value):,}".replace(",", "{,}")
        if isinstance(value, float | np.floating):
            return f"{float(value):.{digits}g}"
        return latex_escape(str(value))

    numeric = [
        bool(rows) and all(isinstance(r[k], int | float | np.number) for r in rows)
        for k in range(len(header))
    ]
    spec = "".join("r" if n else "l" for n in numeric)
    lines = [
        f"\\begin{{tabular}}{{{spec}}}",
        "\\toprule",
        " & ".join(latex_escape(h) for h in header) + r" \\",
        "\\midrule",
        *(" & ".join(cell(v) for v in row) + r" \\" for row in rows),
        "\\bottomrule",
        "\\end{tabular}",
    ]
    body = "\n".join(lines)
    if caption:
        body = (
            "\\begin{table}\n\\centering\n"
            + body
            + f"\n\\caption{{{latex_escape(caption)}}}\n\\end{{table}}"
        )
    return body


def bits(mask: int) -> tuple[int, ...]:
    """The strategy indices in a support bit mask, e.g. ``0b101`` -> ``(0, 2)``."""
    return tuple(i for i in range(mask.bit_length()) if mask >> i & 1)


@dataclass(frozen=True, eq=False)
class OutcomeShares:
    """How often each outcome is an equilibrium across a sweep's points.

    A point with several equilibria counts for each, so shares need not sum
    to one.

    Attributes
    ----------
    outcomes
        Outcome labels, pure profiles first (see :attr:`SweepResult.outcomes`).
    counts
        The number of points at which each outcome is an equilibrium.
    n_points
        The number of points swept.
    share
        ``counts / n_points``.
    low, high
        The confidence interval: Wilson's score interval for a Monte Carlo
        sweep (the share is an estimate); for a grid the share is the exact
        fraction of grid points, so ``low == high == share``.
    confidence
        The confidence level of ``low`` and ``high``.
    interval
        ``"wilson"`` or ``"exact"``.
    """

    outcomes: tuple[str, ...]
    counts: np.ndarray
    n_points: int
    share: np.ndarray
    low: np.ndarray
    high: np.ndarray
    confidence: float
    interval: str

    def __len__(self) -> int:
        return len(self.outcomes)

    def __getitem__(self, outcome: str) -> float:
        """The share of one outcome, by label."""
        try:
            return float(self.share[self.outcomes.index(outcome)])
        except ValueError:
            raise UnknownLabelError(
                f"no outcome {outcome!r} in this sweep; the outcomes are: "
                + ", ".join(self.outcomes)
            ) from None

    def as_dict(self) -> dict[str, float]:
        """``{outcome: share}``."""
        return {o: float(s) for o, s in zip(self.outcomes, self.share, strict=True)}

    def to_pandas(self) -> Any:
        """A DataFrame with one row per outcome (needs pandas)."""
        pd = _pandas()
        return pd.DataFrame(
            {
                "outcome": list(self.outcomes),
                "points": self.counts,
                "share": self.share,
                "low": self.low,
                "high": self.high,
            }
        )

    def to_latex(self, *, digits: int = 4, caption: str = "") -> str:
        """The shares as a LaTeX booktabs ``tabular`` (with the interval for Monte Carlo).

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> print(ng.sweep(g, grid={"C": [1.0, 5.0]}).share().to_latex())
        \\begin{tabular}{lrr}
        \\toprule
        outcome & points & share \\\\
        \\midrule
        (S, E) & 1 & 0.5 \\\\
        (E, S) & 1 & 0.5 \\\\
        (E, E) & 1 & 0.5 \\\\
        (S+E, S+E) & 1 & 0.5 \\\\
        \\bottomrule
        \\end{tabular}
        """
        header = ["outcome", "points", "share"]
        wilson = self.interval == "wilson"
        if wilson:
            header += [f"{self.confidence:.0%} low", f"{self.confidence:.0%} high"]
        rows = []
        for k, outcome in enumerate(self.outcomes):
            row: list[Any] = [outcome, int(self.counts[k]), float(self.share[k])]
            if wilson:
                row += [float(self.low[k]), float(self.high[k])]
            rows.append(row)
        return latex_table(header, rows, digits=digits, caption=caption)

    def __str__(self) -> str:
        return display.text(self)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return display.html(self)


def _complete(probs: np.ndarray) -> np.ndarray:
    """Mixed strategies from all but their last probability."""
    return np.concatenate([probs, 1.0 - probs.sum(axis=1, keepdims=True)], axis=1)


def _expected(u: np.ndarray, vectors: Sequence[np.ndarray]) -> float:
    """A player's expected payoff in one game when each player mixes independently."""
    value: Any = u
    for v in vectors:  # contract the first remaining axis: row player first
        value = v @ value if value.ndim <= 2 else np.tensordot(v, value, axes=1)
    return float(value)


def _expected_batch(u: np.ndarray, vectors: Sequence[np.ndarray]) -> np.ndarray:
    """Expected payoffs of one player over a batch: ``u`` is ``(E, n_1, ..., n_N)``."""
    value = u
    for v in vectors:
        value = np.einsum("ek,ek...->e...", v, value)
    return value


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError("this needs pandas: pip install 'negotiation[sweeps]'") from err
    return pd


def _wilson(counts: np.ndarray, n: int, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    """Wilson's score interval for binomial proportions (Wilson 1927)."""
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    p = counts / n
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


@dataclass(frozen=True, eq=False)
class SweepResult:
    """The equilibria of a game at every point of a parameter sweep.

    Built by :func:`negotiation.sweep`. Points are numbered ``0 .. len - 1``
    (for a grid in C order: the first parameter varies slowest). Each point
    has zero or more equilibria; an *outcome* is the supports of an
    equilibrium, one per player, labelled ``"(Truce, Escalate)"`` for a pure
    profile and ``"(Truce+Escalate, Truce+Escalate)"`` for a mixed one (with
    three players e.g. ``"(Hold, Deliver, Hedge)"``).

    Attributes
    ----------
    game
        The symbolic game that was swept.
    kind
        ``"grid"`` or ``"monte_carlo"``.
    parameters
        The names of the swept parameters, in order.
    fixed
        Values of the parameters held fixed (scenario defaults, constants).
    axes
        For a grid, ``{name: values}``; otherwise ``None``.
    samples
        For Monte Carlo, the draws, shape ``(len(parameters), len(self))``.
    seed, distributions
        For Monte Carlo, how the draws were made (repeat with the same seed).
    method, tol
        How the equilibria were found.
    n_equilibria
        ``(N,)`` the number of equilibria at each point.
    degenerate
        ``(N,)`` whether each point is a degenerate game (within ``tol``): a
        tie between best responses, typically on a boundary between regimes.
        Its extreme equilibria are still reported in full.
    outcome_keys
        Each outcome's supports as bit masks, one per player: ``(row mask,
        column mask)`` for two players.
    codes, mixed_row, mixed_col, compiled_payoffs
        The compact storage behind the accessors: each equilibrium's outcome
        (an index into ``outcome_keys``, point by point), the row and column
        player's mixed strategies in the equilibria that are not pure,
        without their last probability (one minus the others; empty for
        three or more players, whose sweeps find pure equilibria), and the
        compiled payoffs, which recompute payoffs on demand rather than
        storing them.
    defaults, units, strategy_titles
        For a scenario, every parameter's default value and unit (by name),
        and ``{party: {strategy: title}}``, so a map can mark the scenario's
        own point, label its axes and explain its strategy labels; empty for
        a Game.
    """

    game: Game
    kind: str
    parameters: tuple[str, ...]
    fixed: dict[str, float]
    axes: dict[str, np.ndarray] | None
    samples: np.ndarray | None
    seed: Any
    distributions: dict[str, tuple[Any, ...]] | None
    method: str
    tol: float
    n_equilibria: np.ndarray
    degenerate: np.ndarray
    outcome_keys: tuple[tuple[int, ...], ...]
    codes: np.ndarray = field(repr=False)
    mixed_row: np.ndarray = field(repr=False)
    mixed_col: np.ndarray = field(repr=False)
    compiled_payoffs: CompiledPayoffs = field(repr=False)
    defaults: dict[str, float] = field(default_factory=dict, repr=False)
    units: dict[str, str] = field(default_factory=dict, repr=False)
    strategy_titles: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ basics
    def __len__(self) -> int:
        return len(self.n_equilibria)

    def __repr__(self) -> str:
        return display.short(self)

    @property
    def shape(self) -> tuple[int, ...] | None:
        """The grid's shape (one length per parameter), or ``None`` for Monte Carlo."""
        if self.axes is None:
            return None
        return tuple(len(a) for a in self.axes.values())

    @property
    def outcomes(self) -> tuple[str, ...]:
        """Labels of the outcomes found anywhere, pure profiles first (row-major)."""
        return tuple(self._label(key) for key in self.outcome_keys)

    def _label(self, key: tuple[int, ...]) -> str:
        parts = (
            "+".join(labels[i] for i in bits(mask))
            for labels, mask in zip(self.game.strategies, key, strict=True)
        )
        return "(" + ", ".join(parts) + ")"

    @property
    def points(self) -> dict[str, np.ndarray]:
        """``{name: values}``: each swept parameter's value at every point."""
        return self._values_at(np.arange(len(self)))

    def _values_at(self, index: np.ndarray) -> dict[str, np.ndarray]:
        if self.axes is not None:
            axes = list(self.axes.values())
            unravelled = np.unravel_index(index, tuple(len(a) for a in axes))
            return {
                name: axis[i]
                for name, axis, i in zip(self.parameters, axes, unravelled, strict=True)
            }
        assert self.samples is not None
        return {name: self.samples[k][index] for k, name in enumerate(self.parameters)}

    def _index(self, i: int) -> int:
        if isinstance(i, bool) or not isinstance(i, int | np.integer):
            raise TypeError(f"a point index must be an integer; got {i!r}")
        if not -len(self) <= i < len(self):
            raise IndexError(f"point {i} is out of range; the sweep has {len(self)} points")
        return int(i) % len(self)

    def point(self, i: int) -> dict[str, float]:
        """Every parameter's value at point ``i`` (swept and fixed), for ``game.subs``.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> t = sp.Symbol("t")
        >>> r = ng.sweep(ng.Game([[t, 0], [0, 1]], [[1, 0], [0, t]]), grid={"t": [1.0, 2.0]})
        >>> r.point(1)
        {'t': 2.0}
        """
        i = self._index(i)
        values = {name: float(v[0]) for name, v in self._values_at(np.array([i])).items()}
        return {**values, **self.fixed}

    # ------------------------------------------------------------------ per-equilibrium data
    def _offsets(self) -> np.ndarray:
        offsets = np.zeros(len(self) + 1, dtype=np.int64)
        np.cumsum(self.n_equilibria, out=offsets[1:])
        return offsets

    def _key_arrays(self) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
        """Each outcome's supports as 0/1 rows (one array per player), and which are mixed."""
        supports = []
        for p, n in enumerate(self.game.shape):
            a = np.zeros((len(self.outcome_keys), n))
            for k, key in enumerate(self.outcome_keys):
                a[k, list(bits(key[p]))] = 1.0
            supports.append(a)
        mixed = np.zeros(len(self.outcome_keys), dtype=bool)
        for a in supports:
            mixed |= a.sum(axis=1) > 1
        return tuple(supports), mixed

    def _strategies(self, start: int, stop: int) -> tuple[np.ndarray, ...]:
        """Each player's strategies in the equilibria ``start .. stop - 1`` (in the flat order)."""
        supports, mixed = self._key_arrays()
        codes = self.codes[start:stop]
        out = [a[codes] for a in supports]
        is_mixed = mixed[codes]
        if is_mixed.any():  # only the first two players' mixtures are stored (two players)
            first = int(np.count_nonzero(mixed[self.codes[:start]]))
            last = first + int(np.count_nonzero(is_mixed))
            # outside the support a probability is exactly zero (the stored form drops the last)
            for p, stored in enumerate((self.mixed_row, self.mixed_col)):
                inside = supports[p][codes[is_mixed]] > 0
                out[p][is_mixed] = _complete(stored[first:last]) * inside
        return tuple(out)

    def _payoff_arrays(self, index: np.ndarray) -> tuple[np.ndarray, ...]:
        """Each player's payoffs at the points ``index``, shape ``(len(index), n_1, ..., n_N)``."""
        values = self._values_at(index)
        out = self.compiled_payoffs([values[name] for name in self.parameters], len(index))
        return tuple(np.moveaxis(u, -1, 0) for u in out)

    def equilibria_at(self, i: int) -> list[Equilibrium]:
        """The equilibria at point ``i``, as :class:`negotiation.Equilibrium` objects.

        They match ``game.subs(result.point(i)).equilibria(method=result.method)``
        up to ``tol`` and order.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> t = sp.Symbol("t")
        >>> r = ng.sweep(ng.Game([[t, 0], [0, 1]], [[1, 0], [0, t]]), grid={"t": [2.0]})
        >>> [eq.row.round(4).tolist() for eq in r.equilibria_at(0)]
        [[1.0, 0.0], [0.0, 1.0], [0.6667, 0.3333]]
        """
        i = self._index(i)
        offsets = self._offsets()
        start, stop = int(offsets[i]), int(offsets[i + 1])
        strategies = self._strategies(start, stop)
        payoffs = [u[0] for u in self._payoff_arrays(np.array([i]))]
        labels = self.game.strategies
        out = []
        for e, code in enumerate(self.codes[start:stop]):
            vectors = tuple(s[e] for s in strategies)
            for v in vectors:
                v.setflags(write=False)
            key = self.outcome_keys[code]
            out.append(
                Equilibrium(
                    vectors,
                    tuple(_expected(u, vectors) for u in payoffs),
                    tuple(
                        tuple(names[k] for k in bits(mask))
                        for names, mask in zip(labels, key, strict=True)
                    ),
                    self.method,
                    players=self.game.players,
                    labels=labels,
                )
            )
        return out

    def outcomes_at(self, i: int) -> tuple[str, ...]:
        """The labels of the outcomes that are equilibria at point ``i`` (see :attr:`outcomes`).

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> ng.sweep(g, grid={"C": [1.0, 5.0]}).outcomes_at(1)
        ('(S, E)', '(E, S)', '(S+E, S+E)')
        """
        i = self._index(i)
        offsets = self._offsets()
        names = self.outcomes
        return tuple(names[c] for c in self.codes[offsets[i] : offsets[i + 1]])

    # ------------------------------------------------------------------ outcomes
    def _outcome_code(self, outcome: Any) -> int | None:
        """The code of an outcome (label, pure profile or supports); None if absent."""
        strategies = self.game.strategies
        n = self.game.n_players
        example = "(" + ", ".join(repr(s[0]) for s in strategies) + ")"
        what = "a pair of labels" if n == 2 else f"one label per player ({n})"
        if isinstance(outcome, str):
            labels = self.outcomes
            if outcome in labels:
                return labels.index(outcome)
            for profile in product(*(range(len(s)) for s in strategies)):
                if self._label(tuple(1 << k for k in profile)) == outcome:
                    return None
            raise UnknownLabelError(
                f"no outcome {outcome!r} in this sweep; the outcomes found are: "
                + ", ".join(labels)
                + f" (or give a profile as {what}, e.g. {example})"
            )
        if not (isinstance(outcome, Sequence) and len(outcome) == n):
            supports = "a pair of supports" if n == 2 else "one support per player"
            raise UnknownLabelError(
                f"an outcome is a label such as {self._label((1,) * n)!r}, a pure profile "
                f"{example} or {supports}; got {outcome!r}"
            )
        masks = []
        for p, part in enumerate(outcome):
            parts = (part,) if isinstance(part, str | int | np.integer) else tuple(part)
            if not parts:
                raise UnknownLabelError("a support needs at least one strategy")
            mask = 0
            for s in parts:
                mask |= 1 << self.game.index(p, s)
            masks.append(mask)
        key = tuple(masks)
        return self.outcome_keys.index(key) if key in self.outcome_keys else None

    def _any_per_point(self, hits: np.ndarray) -> np.ndarray:
        """For each point, whether any of its equilibria is a hit (a segmented any)."""
        counts = self.n_equilibria
        if len(hits) == 0:
            return np.zeros(len(self), dtype=bool)
        offsets = self._offsets()[:-1]
        padded = np.append(hits, False)
        out = np.logical_or.reduceat(padded, np.minimum(offsets, len(hits)))
        return out & (counts > 0)

    def outcome_mask(self, outcome: Any) -> np.ndarray:
        """``(N,)`` bool: where ``outcome`` is an equilibrium.

        Parameters
        ----------
        outcome
            A label from :attr:`outcomes`, a pure profile ``(row_label,
            col_label)`` (one label per player), or supports, one per player,
            such as ``(("a", "b"), ("x", "y"))``.
        """
        code = self._outcome_code(outcome)
        if code is None:
            return np.zeros(len(self), dtype=bool)
        return self._any_per_point(self.codes == code)

    def where(self, outcome: Any) -> dict[str, np.ndarray]:
        """The parameter values of the points where ``outcome`` is an equilibrium.

        Returns
        -------
        dict
            ``{name: values}`` for each swept parameter (arrays of equal length).

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> t = sp.Symbol("t")
        >>> pd = ng.Game([[3, 0], [t, 1]], [[3, t], [0, 1]], strategies=(("C", "D"), ("C", "D")))
        >>> ng.sweep(pd, grid={"t": [2.0, 4.0]}).where(("C", "C"))
        {'t': array([2.])}
        """
        mask = self.outcome_mask(outcome)
        return self._values_at(np.flatnonzero(mask))

    def share(self, confidence: float = 0.95) -> OutcomeShares:
        """The share of points at which each outcome is an equilibrium.

        Parameters
        ----------
        confidence
            The level of the Wilson score interval reported for Monte Carlo
            sweeps (for a grid the share is exact).

        Returns
        -------
        OutcomeShares

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> print(ng.sweep(g, grid={"C": range(0, 11)}).share())
        outcome    points   share
        (S, E)     8        0.7273
        (E, S)     8        0.7273
        (E, E)     4        0.3636
        (S+E, S+E) 7        0.6364
        (11 points)
        """
        if not (isinstance(confidence, float | int) and 0 < confidence < 1):
            raise SweepError(f"confidence must lie strictly between 0 and 1; got {confidence!r}")
        K = len(self.outcome_keys)
        counts = np.bincount(self.codes, minlength=K).astype(np.int64)
        if self.degenerate.any():
            # an outcome can occur twice at a degenerate point; count points, not equilibria
            at_degenerate = np.repeat(self.degenerate, self.n_equilibria)
            points = np.repeat(np.flatnonzero(self.degenerate), self.n_equilibria[self.degenerate])
            codes = self.codes[at_degenerate].astype(np.int64)
            distinct = np.unique(points * K + codes)
            counts -= np.bincount(codes, minlength=K) - np.bincount(distinct % K, minlength=K)
        n = len(self)
        share = counts / n
        if self.kind == "monte_carlo":
            low, high = _wilson(counts, n, float(confidence))
            interval = "wilson"
        else:
            low, high = share.copy(), share.copy()
            interval = "exact"
        return OutcomeShares(
            outcomes=self.outcomes,
            counts=counts,
            n_points=n,
            share=share,
            low=low,
            high=high,
            confidence=float(confidence),
            interval=interval,
        )

    def outcome_sets(self) -> tuple[np.ndarray, tuple[str, ...]]:
        """Which set of outcomes holds at each point, for maps of regimes.

        Returns
        -------
        codes : numpy.ndarray of int, shape ``(N,)``
            An index into ``labels`` for each point.
        labels : tuple of str
            Each distinct set of outcomes, joined by ``" & "`` (``"none"`` for
            a point without equilibria).

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> codes, labels = ng.sweep(g, grid={"C": [1.0, 5.0]}).outcome_sets()
        >>> [labels[c] for c in codes]
        ['(E, E)', '(S, E) & (E, S) & (S+E, S+E)']
        """
        K = len(self.outcome_keys)
        words = max(1, -(-K // 64))
        bits = np.zeros((len(self), words), dtype=np.uint64)
        codes = self.codes.astype(np.int64)
        for w in range(words):
            in_word = (codes // 64) == w
            flags = np.where(in_word, np.uint64(1) << (codes % 64).astype(np.uint64), np.uint64(0))
            if len(flags):
                offsets = np.minimum(self._offsets()[:-1], len(flags))
                padded = np.append(flags, np.uint64(0))
                bits[:, w] = np.bitwise_or.reduceat(padded, offsets) * (self.n_equilibria > 0)
        distinct, inverse = np.unique(bits, axis=0, return_inverse=True)
        names = self.outcomes
        labels = []
        for row in distinct:
            members = [k for k in range(K) if int(row[k // 64]) >> (k % 64) & 1]
            labels.append(" & ".join(names[k] for k in members) or "none")
        return inverse.reshape(-1), tuple(labels)

    def point_regimes(self) -> tuple[np.ndarray, tuple[str, ...]]:
        """The regime at each point: which set of equilibria holds there, as a readable label.

        Like :meth:`outcome_sets`, but labelled for a map or a table with
        :func:`regime_label`: the pure equilibria by name, the mixed ones
        counted (``"(H, S) + mixed"``). Regimes are ordered as the outcomes
        are (pure profiles first).

        Returns
        -------
        codes : numpy.ndarray of int, shape ``(N,)``
            An index into ``labels`` for each point.
        labels : tuple of str
            Each regime's label.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> codes, labels = ng.sweep(g, grid={"C": [1.0, 5.0, 6.0]}).point_regimes()
        >>> labels, codes.tolist()
        (('(E, E)', '(S, E) & (E, S) + mixed'), [0, 1, 1])
        """
        sets, set_labels = self.outcome_sets()
        names = self.outcomes
        pure = [all(m & (m - 1) == 0 for m in key) for key in self.outcome_keys]
        members: list[tuple[int, ...]] = []
        for label in set_labels:
            members.append(
                () if label == "none" else tuple(names.index(x) for x in label.split(" & "))
            )
        labels_of_sets = [
            regime_label([names[k] for k in m if pure[k]], [names[k] for k in m if not pure[k]])
            for m in members
        ]
        # order regimes by their outcomes (pure first), merging sets that read the same
        order = sorted(
            range(len(members)),
            key=lambda i: (
                not any(pure[k] for k in members[i]),
                len(members[i]) == 0,
                sum(pure[k] for k in members[i]),
                members[i],
            ),
        )
        labels: list[str] = []
        remap = np.zeros(len(members), dtype=np.int64)
        for i in order:
            if labels_of_sets[i] not in labels:
                labels.append(labels_of_sets[i])
            remap[i] = labels.index(labels_of_sets[i])
        return remap[sets] if len(sets) else sets.astype(np.int64), tuple(labels)

    def regimes(self) -> Any:
        """Each regime's share of the points and a representative point (a pandas DataFrame).

        Columns: ``regime`` (the label, see :meth:`point_regimes`), ``share``
        (of the points swept), ``points`` (how many), and one column per swept
        parameter holding a representative point of the regime: of its points,
        the one nearest their centre (each parameter scaled to its range), so
        the point lies in the regime even when the region is not convex.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> ng.sweep(g, grid={"C": [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]}).regimes()
                            regime  share  points    C
        0                   (E, E)  0.375       3  1.5
        1  (S, E) & (E, S) + mixed  0.625       5  5.5
        """
        pd = _pandas()
        codes, labels = self.point_regimes()
        counts = np.bincount(codes, minlength=len(labels))
        values = self.points
        scaled = []
        for name in self.parameters:
            v = np.asarray(values[name], dtype=float)
            span = float(v.max() - v.min()) if len(v) else 0.0
            scaled.append((v - v.min()) / span if span > 0 else np.zeros_like(v))
        coords = np.stack(scaled, axis=1) if scaled else np.zeros((len(self), 0))
        representative: dict[str, list[float]] = {name: [] for name in self.parameters}
        for k in range(len(labels)):
            inside = np.flatnonzero(codes == k)
            centre = coords[inside].mean(axis=0)
            best = inside[np.argmin(((coords[inside] - centre) ** 2).sum(axis=1))]
            for name in self.parameters:
                representative[name].append(float(values[name][best]))
        table = {
            "regime": list(labels),
            "share": counts / len(self),
            "points": counts,
            **representative,
        }
        return pd.DataFrame(table)

    def to_xarray(self) -> Any:
        """The grid sweep as an :class:`xarray.Dataset` over the grid's axes (needs xarray).

        One dimension per swept parameter (its coordinate the axis values).
        Variables: ``regime`` (the label at each point), ``n_equilibria``,
        ``degenerate``, and ``equilibrium`` (with an extra ``outcome``
        dimension): whether each outcome is an equilibrium at each point.

        Raises
        ------
        SweepError
            For a Monte Carlo sweep (its points form no grid; use
            :meth:`to_pandas`).
        MissingExtraError
            When xarray is not installed (``pip install xarray``).

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> ds = ng.sweep(g, grid={"C": [1.0, 5.0]}).to_xarray()  # doctest: +SKIP
        >>> ds["regime"].values.tolist()  # doctest: +SKIP
        ['(E, E)', '(S, E) & (E, S) + mixed']
        """
        if self.axes is None:
            raise SweepError(
                "to_xarray() labels a grid sweep by its axes; a Monte Carlo sweep's points form "
                "no grid: use to_pandas() (one row per point and equilibrium) instead"
            )
        try:
            import xarray as xr  # type: ignore[import-not-found]  # optional
        except ImportError as err:
            raise MissingExtraError(
                "to_xarray() needs xarray, which is not installed: pip install xarray"
            ) from err
        shape = self.shape
        assert shape is not None
        dims = list(self.parameters)
        codes, labels = self.point_regimes()
        held = (
            np.stack([self.outcome_mask(o) for o in self.outcomes])
            if self.outcomes
            else (np.zeros((0, len(self)), dtype=bool))
        )
        coords = {name: np.asarray(axis) for name, axis in self.axes.items()}
        return xr.Dataset(
            {
                "regime": (dims, np.array(labels, dtype=object)[codes].reshape(shape)),
                "n_equilibria": (dims, np.asarray(self.n_equilibria).reshape(shape)),
                "degenerate": (dims, np.asarray(self.degenerate).reshape(shape)),
                "equilibrium": (["outcome", *dims], held.reshape((len(self.outcomes), *shape))),
            },
            coords={**coords, "outcome": list(self.outcomes)},
            attrs={
                "game": self.game.name or " vs ".join(self.game.players),
                "method": self.method,
                **{f"fixed_{k}": v for k, v in self.fixed.items()},
            },
        )

    def to_latex(self, *, digits: int = 4, caption: str | None = None) -> str:
        """The regimes table (:meth:`regimes`) as a LaTeX ``tabular`` for a paper.

        Parameters
        ----------
        digits
            Significant digits of the shares and representative values.
        caption
            A caption; by default one naming the game, the points and the
            parameters held fixed is used, and the tabular is put in a
            ``table``. Give ``""`` for the bare tabular.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> C = sp.Symbol("C")
        >>> g = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("S", "E"))
        >>> print(ng.sweep(g, grid={"C": [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]}).to_latex(caption=""))
        \\begin{tabular}{lrrr}
        \\toprule
        regime & share & points & C \\\\
        \\midrule
        (E, E) & 0.375 & 3 & 1.5 \\\\
        (S, E) \\& (E, S) + mixed & 0.625 & 5 & 5.5 \\\\
        \\bottomrule
        \\end{tabular}
        """
        table = self.regimes()
        header = ["regime", "share", "points", *self.parameters]
        rows = [
            [row["regime"], float(row["share"]), int(row["points"])]
            + [float(row[name]) for name in self.parameters]
            for _, row in table.iterrows()
        ]
        if caption is None:
            name = self.game.name or " vs ".join(self.game.players)
            kind = "grid points" if self.kind == "grid" else "Monte Carlo draws"
            caption = (
                f"Equilibrium regimes of {name} over {', '.join(self.parameters)} "
                f"({len(self):,} {kind}); each representative point lies in its regime"
            )
            if self.fixed:
                caption += "; other parameters at their defaults"
        return latex_table(header, rows, digits=digits, caption=caption)

    # ------------------------------------------------------------------ tables
    def _columns(self) -> tuple[str, ...]:
        """The column-name stem of each player: ``row`` and ``col``, or the players' names."""
        if self.game.n_players == 2:
            return ("row", "col")
        taken = {"point", "outcome", "regime", "degenerate", *self.parameters}
        clash = [p for p in self.game.players if p in taken]
        if clash:
            raise SweepError(
                f"player {clash[0]!r} has the name of a column of the table (a parameter or one "
                "of point, outcome, degenerate); rename the player, e.g. with "
                "Game(..., players=...)"
            )
        return self.game.players

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The tidy table as ``{column: array}``, one entry per point and equilibrium.

        Columns: ``point``; each swept parameter; ``outcome``; ``regime``
        (the set of equilibria at the point, see :meth:`point_regimes`, the
        same on every row of a point, so a pivot on the parameters gives the
        map of regimes); ``row`` and
        ``col`` (the support labels, ``"a+b"`` when mixed); ``row[<label>]``
        and ``col[<label>]`` (each strategy's probability); ``row_payoff`` and
        ``col_payoff``; ``degenerate``. With three or more players the
        players' names stand in for ``row`` and ``col``: ``US``,
        ``US[<label>]``, ``US_payoff``, and so on.

        Examples
        --------
        >>> import negotiation as ng
        >>> third = ng.load("rare_earth_third_party")
        >>> table = ng.sweep(third, grid={"lever_cn": [1, 3]}, method="pure").to_arrays()
        >>> table["outcome"].tolist(), table["China_payoff"].tolist()
        (['(Hold, Deliver, Hedge)', '(Escalate, Target, Hedge)', '(Escalate, Target, Hedge)'], [0.0, -4.0, -2.0])
        """
        point = np.repeat(np.arange(len(self)), self.n_equilibria)
        out: dict[str, np.ndarray] = {"point": point}
        out.update(self._values_at(point))
        names = np.array(self.outcomes, dtype=object)
        out["outcome"] = names[self.codes] if len(names) else np.empty(0, dtype=object)
        regime_codes, regime_labels = self.point_regimes()
        out["regime"] = np.array(regime_labels, dtype=object)[regime_codes][point]
        columns = self._columns()
        for p, (stem, labels) in enumerate(zip(columns, self.game.strategies, strict=True)):
            support_names = np.array(
                ["+".join(labels[i] for i in bits(key[p])) for key in self.outcome_keys],
                dtype=object,
            )
            out[stem] = (
                support_names[self.codes] if len(support_names) else np.empty(0, dtype=object)
            )
        strategies = self._strategies(0, len(self.codes))
        for stem, labels, probs in zip(columns, self.game.strategies, strategies, strict=True):
            for k, label in enumerate(labels):
                out[f"{stem}[{label}]"] = probs[:, k]
        payoffs = np.empty((len(point), self.game.n_players))
        step = 1 << 18
        for s in range(0, len(point), step):
            tables = self._payoff_arrays(point[s : s + step])
            vectors = [probs[s : s + step] for probs in strategies]
            for p, u in enumerate(tables):
                payoffs[s : s + step, p] = _expected_batch(u, vectors)
        for p, stem in enumerate(columns):
            out[f"{stem}_payoff"] = payoffs[:, p]
        out["degenerate"] = self.degenerate[point]
        return out

    def to_pandas(self) -> Any:
        """The tidy table as a :class:`pandas.DataFrame` (needs pandas).

        One row per point and equilibrium: see :meth:`to_arrays` for the
        columns; ``outcome``, ``regime``, ``row`` and ``col`` are categorical.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> t = sp.Symbol("t")
        >>> pd_game = ng.Game([[3, 0], [t, 1]], [[3, t], [0, 1]],
        ...                   strategies=(("C", "D"), ("C", "D")))
        >>> df = ng.sweep(pd_game, grid={"t": [2.0, 4.0]}).to_pandas()
        >>> df[["t", "outcome", "row[C]", "row_payoff"]]
             t     outcome  row[C]  row_payoff
        0  2.0      (C, C)     1.0         3.0
        1  2.0      (D, D)     0.0         1.0
        2  2.0  (C+D, C+D)     0.5         1.5
        3  4.0      (D, D)     0.0         1.0
        """
        pd = _pandas()
        data = self.to_arrays()
        data["outcome"] = pd.Categorical(data["outcome"], categories=list(self.outcomes))
        data["regime"] = pd.Categorical(data["regime"], categories=list(self.point_regimes()[1]))
        for column in self._columns():
            data[column] = pd.Categorical(data[column])
        return pd.DataFrame(data)
