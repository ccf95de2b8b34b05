"""Strategies for repeated play: small callables, one class each (as Axelrod's are).

Every strategy knows two actions per player: the *target* (cooperative)
action and the *punishment* action. A strategy object is called as
``strategy(history, player, rng)`` and returns its player's action label, the
same protocol as a user's own callable for :func:`~negotiation.simulate`.

References
----------
R. Axelrod (1984), *The Evolution of Cooperation*.
M. A. Nowak and K. Sigmund (1992), "Tit for tat in heterogeneous populations",
*Nature* 355: 250-253.

Examples
--------
>>> tft = TitForTat(player=0, target=("C", "C"), punishment=("D", "D"))
>>> tft((), 0, None), tft((("C", "D"),), 0, None), tft((("D", "C"),), 0, None)
('C', 'D', 'C')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

__all__ = [
    "BY_NAME",
    "AlwaysCooperate",
    "AlwaysDefect",
    "GenerousTitForTat",
    "GrimTrigger",
    "RepeatedStrategy",
    "StickAndCarrot",
    "TitForTat",
]

History = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RepeatedStrategy:
    """The common part: whose strategy it is, and the target and punishment profiles.

    Parameters
    ----------
    player
        0 (row) or 1 (column).
    target
        The cooperative profile, as labels.
    punishment
        The punishment profile, as labels (``None``: punish with the target action).
    """

    name: ClassVar[str] = ""

    player: int
    target: tuple[str, str]
    punishment: tuple[str, str] | None = None

    @property
    def other(self) -> int:
        """The other player (0 or 1)."""
        return 1 - self.player

    @property
    def own_target(self) -> str:
        """This player's target action."""
        return self.target[self.player]

    @property
    def own_punishment(self) -> str:
        """This player's punishment action."""
        return self.punishment[self.player] if self.punishment is not None else self.own_target

    def __call__(self, history: History, player: int, rng: Any) -> str:
        """This player's action after ``history``."""
        raise NotImplementedError


@dataclass(frozen=True)
class AlwaysCooperate(RepeatedStrategy):
    """Play the target action."""

    name: ClassVar[str] = "always_cooperate"

    def __call__(self, history: History, player: int, rng: Any) -> str:
        return self.own_target


@dataclass(frozen=True)
class AlwaysDefect(RepeatedStrategy):
    """Play the punishment action."""

    name: ClassVar[str] = "always_defect"

    def __call__(self, history: History, player: int, rng: Any) -> str:
        return self.own_punishment


@dataclass(frozen=True)
class GrimTrigger(RepeatedStrategy):
    """Play the target until the other player has once played anything else, then punish."""

    name: ClassVar[str] = "grim_trigger"

    def __call__(self, history: History, player: int, rng: Any) -> str:
        other, target = self.other, self.target
        betrayed = any(profile[other] != target[other] for profile in history)
        return self.own_punishment if betrayed else self.own_target


@dataclass(frozen=True)
class TitForTat(RepeatedStrategy):
    """Start with the target; then the target if the other player played it last round."""

    name: ClassVar[str] = "tit_for_tat"

    def __call__(self, history: History, player: int, rng: Any) -> str:
        if not history or history[-1][self.other] == self.target[self.other]:
            return self.own_target
        return self.own_punishment


@dataclass(frozen=True)
class GenerousTitForTat(RepeatedStrategy):
    """Tit-for-tat that forgives a deviation with probability ``generosity`` (Nowak and Sigmund).

    ``rng`` (a :class:`numpy.random.Generator`) draws the forgiveness.
    """

    name: ClassVar[str] = "generous_tit_for_tat"

    generosity: float = 0.1

    def __call__(self, history: History, player: int, rng: Any) -> str:
        if not history or history[-1][self.other] == self.target[self.other]:
            return self.own_target
        return self.own_target if rng.random() < self.generosity else self.own_punishment


@dataclass(frozen=True)
class StickAndCarrot(RepeatedStrategy):
    """Punish for ``periods`` rounds after any deviation, then return to the target.

    A deviation from the punishment itself (by either player) starts it
    again, which is what makes a harsh punishment credible (Abreu 1986):
    see :meth:`negotiation.RepeatedGame.credible_discount`. Both players read
    the same history, so they agree on the phase.

    Examples
    --------
    >>> sc = StickAndCarrot(player=0, target=("L", "D"), punishment=("E", "W"), periods=1)
    >>> sc((("L", "S"),), 0, None), sc((("L", "S"), ("E", "W")), 0, None)
    ('E', 'L')
    >>> sc((("L", "S"), ("E", "D")), 0, None)  # China left the punishment: again
    'E'
    """

    name: ClassVar[str] = "stick_and_carrot"

    periods: int = 1

    def __call__(self, history: History, player: int, rng: Any) -> str:
        punishment = self.punishment if self.punishment is not None else self.target
        left = 0
        for profile in history:
            expected = punishment if left else self.target
            left = self.periods if tuple(profile) != tuple(expected) else max(left - 1, 0)
        return self.own_punishment if left else self.own_target


#: The built-in strategies by name.
BY_NAME: dict[str, type[RepeatedStrategy]] = {
    cls.name: cls
    for cls in (
        AlwaysCooperate,
        AlwaysDefect,
        GenerousTitForTat,
        GrimTrigger,
        StickAndCarrot,
        TitForTat,
    )
}
