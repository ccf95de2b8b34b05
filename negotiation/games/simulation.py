"""Simulating repeated play: trigger strategies, trembles and a renewable deadline.

:func:`simulate` plays a :class:`~negotiation.RepeatedGame` round by round
with two strategies and returns a :class:`Simulation`: the history of play,
the per-round payoffs (arrays, for plotting) and the discounted payoffs.

Strategies are names or callables; the names stand for the classes of
:mod:`negotiation.games.strategies`. Every built-in strategy knows two
actions per player: the *target* (cooperative) action and the *punishment*
action.

``"always_cooperate"``
    Play the target action.
``"always_defect"``
    Play the punishment action.
``"grim_trigger"``
    Play the target until the other player has once played anything else,
    then punish forever.
``"tit_for_tat"``
    Start with the target; then play the target if the other player did
    last round, and punish otherwise.
``"generous_tit_for_tat"``
    Tit-for-tat that forgives a deviation with probability ``generosity``
    (Nowak and Sigmund 1992), so one tremble need not start an endless feud.

A callable strategy is called as ``strategy(history, player, rng)``, where
``history`` is the tuple of ``(row action, column action)`` labels played so
far, ``player`` is 0 (row) or 1 (column), and ``rng`` is the simulation's
``numpy.random.Generator`` (use it for any randomness, so seeds reproduce).
It returns a strategy label or index.

With ``noise`` each intended action is replaced, with that probability, by
another action drawn at random (a tremble: a licence lost in the queue, a
measure taken by another agency). With ``deadline`` the agreement runs on a
clock of that many rounds (a 90-day truce); when it runs out it is renewed
with probability ``renewal``, and play stops otherwise.

References
----------
R. Axelrod (1984), *The Evolution of Cooperation*.
M. A. Nowak and K. Sigmund (1992), "Tit for tat in heterogeneous populations",
*Nature* 355: 250-253.

Examples
--------
>>> import negotiation as ng
>>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
>>> sim = ng.simulate(ng.RepeatedGame(pd, 0.9), ("grim_trigger", "tit_for_tat"),
...                   rounds=50, noise=0.05, seed=1)
>>> sim.rounds, sim.payoffs.shape
(50, (50, 2))
>>> sim.actions == ng.simulate(ng.RepeatedGame(pd, 0.9), ("grim_trigger", "tit_for_tat"),
...                            rounds=50, noise=0.05, seed=1).actions
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

from negotiation import display
from negotiation.errors import FreeParameterError, RepeatedGameError
from negotiation.games.normal_form import Game
from negotiation.games.repeated import (
    DELTA,
    RepeatedGame,
    check_discount,
    default_punishment,
    profile_indices,
)
from negotiation.games.strategies import BY_NAME, GenerousTitForTat

__all__ = ["BUILTIN_STRATEGIES", "Simulation", "simulate"]

#: The names :func:`simulate` understands.
BUILTIN_STRATEGIES = tuple(sorted(BY_NAME))

History = tuple[tuple[str, str], ...]


@dataclass(frozen=True, eq=False)
class Simulation:
    """The record of one simulated repeated game.

    Attributes
    ----------
    players
        The two players' names.
    strategies
        The strategies' names (a callable's ``__name__``).
    actions
        The profile played in each round, as label pairs (after trembles).
    payoffs
        Per-round stage payoffs, a read-only float array of shape ``(rounds, 2)``.
    trembles
        Where a tremble replaced the intended action, a read-only bool array
        of shape ``(rounds, 2)``.
    discount
        The discount factor used for :attr:`discounted_payoffs`.
    target, punishment
        The target and punishment profiles the built-in strategies used
        (``None`` when no strategy needed a punishment).
    renewals
        The rounds after which the deadline clock was renewed.
    ended_by
        ``"rounds"`` (the horizon was reached) or ``"deadline"`` (the clock ran
        out and was not renewed).
    seed
        The seed given to :func:`simulate`.
    """

    players: tuple[str, ...]
    strategies: tuple[str, str]
    actions: History
    payoffs: np.ndarray
    trembles: np.ndarray
    discount: float
    target: tuple[str, str]
    punishment: tuple[str, str] | None
    renewals: tuple[int, ...]
    ended_by: str
    seed: Any = None

    @property
    def rounds(self) -> int:
        """How many rounds were played."""
        return len(self.actions)

    @property
    def weights(self) -> np.ndarray:
        """The discount weights ``delta**t`` of rounds ``t = 0, 1, ...``."""
        return self.discount ** np.arange(self.rounds)

    @property
    def discounted_payoffs(self) -> tuple[float, float]:
        """Each player's sum of ``delta**t`` times the round-``t`` payoff."""
        total = self.weights @ self.payoffs
        return float(total[0]), float(total[1])

    @property
    def normalised_payoffs(self) -> tuple[float, float]:
        """The discounted payoffs times ``1 - delta``, on the scale of one round's payoff."""
        a, b = self.discounted_payoffs
        return (1 - self.discount) * a, (1 - self.discount) * b

    @property
    def average_payoffs(self) -> tuple[float, float]:
        """Each player's mean payoff per round."""
        mean = self.payoffs.mean(axis=0)
        return float(mean[0]), float(mean[1])

    @property
    def cumulative_payoffs(self) -> np.ndarray:
        """Running totals of the per-round payoffs, shape ``(rounds, 2)``."""
        return np.cumsum(self.payoffs, axis=0)

    @property
    def cooperation(self) -> np.ndarray:
        """Whether each player played its target action, a bool array ``(rounds, 2)``."""
        return np.array(
            [[a == self.target[0], b == self.target[1]] for a, b in self.actions], dtype=bool
        ).reshape(self.rounds, 2)

    def __str__(self) -> str:
        return display.text(self)

    def __repr__(self) -> str:
        return display.short(self)

    def _repr_html_(self) -> str:
        return display.html(self)


def simulate(
    game: RepeatedGame | Game,
    strategies: Sequence[str | Callable[..., Any]] = ("tit_for_tat", "tit_for_tat"),
    rounds: int = 100,
    *,
    target: Sequence[int | str] | None = None,
    punishment: Sequence[int | str] | None = None,
    noise: float = 0.0,
    generosity: float = 0.1,
    deadline: int | None = None,
    renewal: float = 1.0,
    discount: Any = None,
    seed: int | np.random.Generator | None = None,
) -> Simulation:
    """Play a repeated game round by round with two strategies.

    Parameters
    ----------
    game
        A :class:`~negotiation.RepeatedGame` (or a stage :class:`~negotiation.Game`
        with ``discount=``); payoffs must be numeric.
    strategies
        One per player: a name from ``BUILTIN_STRATEGIES`` or a callable
        ``strategy(history, player, rng) -> label``.
    rounds
        The horizon: at most this many rounds are played.
    target
        The cooperative profile; defaults to each player's first strategy.
    punishment
        The punishment profile; by default each player punishes with its
        action in the pure stage equilibrium worst for the other.
    noise
        The probability in [0, 1) that an intended action trembles into another.
    generosity
        The probability in [0, 1] that generous tit-for-tat forgives.
    deadline
        The length of the agreement's clock in rounds (e.g. 90 days), or ``None``.
    renewal
        The probability in [0, 1] that the clock is renewed when it runs out.
    discount
        Overrides the game's discount factor (needed when it is symbolic).
    seed
        An integer (or a ``numpy.random.Generator``) for reproducible runs.

    Returns
    -------
    Simulation

    Raises
    ------
    RepeatedGameError
        For unknown strategies or out-of-range settings.
    FreeParameterError
        If payoffs or the discount factor are still symbolic.

    Examples
    --------
    A 90-day truce that is renewed with probability 0.5 each time:

    >>> import negotiation as ng
    >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
    >>> sim = ng.simulate(ng.RepeatedGame(pd, 0.99), ("tit_for_tat", "tit_for_tat"),
    ...                   rounds=1000, deadline=90, renewal=0.5, seed=7)
    >>> sim.rounds % 90, sim.ended_by, len(sim.renewals) == sim.rounds // 90 - 1
    (0, 'deadline', True)
    """
    repeated = _as_repeated(game, discount)
    stage = repeated.stage_game
    if stage.parameters:
        names = ", ".join(p.name for p in stage.parameters)
        raise FreeParameterError(
            f"simulate() needs numeric payoffs but they depend on {names}; give values with "
            f"game.subs({', '.join(p.name + '=...' for p in stage.parameters)})"
        )
    delta = repeated.discount if discount is None else check_discount(discount)
    if delta.free_symbols:
        raise FreeParameterError(
            f"simulate() needs a numeric discount factor but it is {delta}; pass discount=0.9 "
            "or use game.subs(...)"
        )
    if (
        isinstance(strategies, str | bytes)
        or not isinstance(strategies, Sequence)
        or len(strategies) != 2
    ):
        raise RepeatedGameError(
            f"strategies must be two strategies, one per player, e.g. ('tit_for_tat', "
            f"'grim_trigger'); got {strategies!r}"
        )
    for s in strategies:
        if not callable(s) and s not in BUILTIN_STRATEGIES:
            raise RepeatedGameError(
                f"unknown strategy {s!r}; use a callable or one of "
                + ", ".join(repr(b) for b in BUILTIN_STRATEGIES)
            )
    _check_int(rounds, "rounds", 1)
    _check_probability(noise, "noise", upper_open=True)
    _check_probability(generosity, "generosity")
    _check_probability(renewal, "renewal")
    if deadline is not None:
        _check_int(deadline, "deadline", 1)

    labels = stage.strategies
    tgt = profile_indices(repeated, target, "target") if target is not None else (0, 0)
    needs_punishment = any(s in BUILTIN_STRATEGIES and s != "always_cooperate" for s in strategies)
    pun: tuple[int, int] | None = None
    if punishment is not None:
        pun = profile_indices(repeated, punishment, "punishment")
    elif needs_punishment:
        pun = default_punishment(repeated)
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    target_labels = (labels[0][tgt[0]], labels[1][tgt[1]])
    punish_labels = (labels[0][pun[0]], labels[1][pun[1]]) if pun is not None else None
    players = [
        _strategy(s, k, target_labels, punish_labels, generosity) for k, s in enumerate(strategies)
    ]
    A, B = stage.payoff_arrays()
    history: list[tuple[str, str]] = []
    trembles: list[tuple[bool, bool]] = []
    renewals: list[int] = []
    ended_by = "rounds"
    for t in range(rounds):
        frozen = tuple(history)
        chosen = []
        shook = []
        for k in (0, 1):
            action = players[k](frozen, k, rng)
            index = _resolve(stage, k, action, strategies[k])
            trembled = False
            n = stage.shape[k]
            if noise > 0 and n > 1 and rng.random() < noise:
                other = int(rng.integers(n - 1))
                index = other if other < index else other + 1
                trembled = True
            chosen.append(index)
            shook.append(trembled)
        history.append((labels[0][chosen[0]], labels[1][chosen[1]]))
        trembles.append((shook[0], shook[1]))
        if deadline is not None and (t + 1) % deadline == 0 and t + 1 < rounds:
            if rng.random() < renewal:
                renewals.append(t + 1)
            else:
                ended_by = "deadline"
                break
    idx = [(labels[0].index(a), labels[1].index(b)) for a, b in history]
    payoffs = np.array([[A[i, j], B[i, j]] for i, j in idx], dtype=float).reshape(len(idx), 2)
    shaken = np.array(trembles, dtype=bool).reshape(len(idx), 2)
    payoffs.setflags(write=False)
    shaken.setflags(write=False)
    return Simulation(
        players=stage.players,
        strategies=(_name(strategies[0]), _name(strategies[1])),
        actions=tuple(history),
        payoffs=payoffs,
        trembles=shaken,
        discount=float(delta),
        target=target_labels,
        punishment=punish_labels,
        renewals=tuple(renewals),
        ended_by=ended_by,
        seed=seed if not isinstance(seed, np.random.Generator) else None,
    )


# ---------------------------------------------------------------------- helpers
def _as_repeated(game: Any, discount: Any) -> RepeatedGame:
    if isinstance(game, RepeatedGame):
        return game
    if isinstance(game, Game):
        if discount is None:
            raise RepeatedGameError(
                "simulating a stage Game needs a discount factor: pass discount=0.9, or give a "
                "RepeatedGame(game, 0.9)"
            )
        return RepeatedGame(game, DELTA)
    raise RepeatedGameError(f"simulate() takes a RepeatedGame or a Game; got {type(game).__name__}")


def _check_int(value: Any, name: str, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise RepeatedGameError(f"{name} must be a whole number >= {low}; got {value!r}")


def _check_probability(value: Any, name: str, *, upper_open: bool = False) -> None:
    ok = isinstance(value, int | float | np.floating | sp.Number) and not isinstance(value, bool)
    if ok:
        v = float(value)
        ok = 0 <= v < 1 if upper_open else 0 <= v <= 1
    if not ok:
        interval = "[0, 1)" if upper_open else "[0, 1]"
        raise RepeatedGameError(f"{name} must be a probability in {interval}; got {value!r}")


def _name(strategy: Any) -> str:
    if isinstance(strategy, str):
        return strategy
    return getattr(strategy, "__name__", type(strategy).__name__)


def _resolve(stage: Game, player: int, action: Any, strategy: Any) -> int:
    try:
        return stage.index(player, action)
    except KeyError as err:
        raise RepeatedGameError(
            f"strategy {_name(strategy)!r} of {stage.players[player]} returned {action!r}: {err}"
        ) from None


def _strategy(
    spec: Any,
    player: int,
    target: tuple[str, str],
    punish: tuple[str, str] | None,
    generosity: float,
) -> Callable[[History, int, np.random.Generator], Any]:
    if callable(spec):
        return spec
    if spec == GenerousTitForTat.name:
        return GenerousTitForTat(player, target, punish, generosity=generosity)
    return BY_NAME[spec](player, target, punish)
