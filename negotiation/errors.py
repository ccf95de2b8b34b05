"""The exception hierarchy of :mod:`negotiation`.

Every error a user can cause is a :class:`NegotiationError`, and each subclass
also inherits the matching builtin, so ``except ValueError`` keeps working.

Examples
--------
>>> import negotiation as ng
>>> try:
...     ng.Game([[1, 2]], [[1, 2], [3, 4]])
... except ng.InvalidGameError as err:
...     print(type(err).__mro__[1].__name__)
ValueError
"""

from __future__ import annotations

__all__ = [
    "AppError",
    "BargainingError",
    "ContinuousGameError",
    "ExactArithmeticError",
    "FreeParameterError",
    "GameTreeError",
    "InvalidGameError",
    "MissingExtraError",
    "NegotiationError",
    "ParameterRangeError",
    "ParameterRangeWarning",
    "PathFollowingError",
    "RepeatedGameError",
    "ScenarioError",
    "ScenarioFileError",
    "SweepError",
    "TradeModelError",
    "UnknownLabelError",
    "UnsafeExpressionError",
    "WorkLimitError",
]


class NegotiationError(Exception):
    """Base class of every error raised by :mod:`negotiation`."""


class InvalidGameError(ValueError, NegotiationError):
    """A game's payoffs, players or strategy labels are malformed."""


class UnknownLabelError(KeyError, NegotiationError):
    """A strategy, player, profile or scenario name that does not exist."""

    def __str__(self) -> str:  # KeyError quotes its message; we want it plain.
        return str(self.args[0]) if self.args else ""


class FreeParameterError(ValueError, NegotiationError):
    """A numeric step was asked for while parameters are still free."""


class ExactArithmeticError(TypeError, NegotiationError):
    """Exact (rational) arithmetic was asked for on inexact (float) payoffs."""


class GameTreeError(ValueError, NegotiationError):
    """A game tree is malformed (missing payoffs, bad probabilities, ...)."""


class RepeatedGameError(ValueError, NegotiationError):
    """A repeated game, discount factor or target profile is invalid."""


class BargainingError(ValueError, NegotiationError):
    """A bargaining problem is empty, has no gains from trade, or bad parameters."""


class ScenarioError(ValueError, NegotiationError):
    """A scenario's parties, issues, strategies or parameters are inconsistent."""


class UnsafeExpressionError(ValueError, NegotiationError):
    """An expression string uses something outside the restricted grammar."""


class ScenarioFileError(ValueError, NegotiationError):
    """A scenario file cannot be read; carries the file, line and key.

    Parameters
    ----------
    message
        What is wrong and how to fix it.
    path
        The file, where there is one.
    line
        The line number in the file, where TOML gives one.
    key
        The dotted key in the file, where known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.key = key
        where = []
        if path is not None:
            where.append(str(path) + (f":{line}" if line is not None else ""))
        if key is not None:
            where.append(f"key {key!r}")
        prefix = (", ".join(where) + ": ") if where else ""
        super().__init__(prefix + message)


class SweepError(ValueError, NegotiationError):
    """A parameter sweep's grid, samples or distributions are invalid."""


class ParameterRangeError(ValueError, NegotiationError):
    """A parameter value lies outside the range its scenario declares (under ``strict=True``)."""


class ParameterRangeWarning(UserWarning):
    """A parameter value lies outside the range its scenario declares.

    The value is used as given; ``strict=True`` (``--strict`` on the command
    line) turns the warning into a :class:`ParameterRangeError`.
    """


class PathFollowingError(RuntimeError, NegotiationError):
    """A path-following solver (the logit QRE branch) ran out of steps or stalled."""


class MissingExtraError(ImportError, NegotiationError):
    """An optional dependency is not installed; the message names the extra to install."""


class AppError(RuntimeError, NegotiationError):
    """The classroom web page cannot be served (port in use, server failed to start)."""


class ContinuousGameError(ValueError, NegotiationError):
    """A continuous game's payoffs or strategy sets are malformed, or a maximum does not exist."""


class TradeModelError(ValueError, NegotiationError):
    """A trade model's elasticities, trade flows or tariff rates are invalid."""


class WorkLimitError(InvalidGameError):
    """A solve would exceed its work bound (e.g. ``max_vertices``); refused before any work.

    ``option`` names the bound (``"max_vertices"``, ``"max_supports"``),
    ``bound`` is the estimated work and ``suggested`` a limit that admits it
    (the bound rounded up to two significant figures; ``None`` when no limit
    admits it in reasonable time, only removing the bound does), so a caller
    can offer the fix in its own terms (the command line's ``--max-vertices``).
    """

    def __init__(
        self,
        message: str,
        *,
        option: str = "max_vertices",
        bound: int | None = None,
        suggested: int | None = None,
    ) -> None:
        super().__init__(message)
        self.option = option
        self.bound = bound
        self.suggested = suggested
