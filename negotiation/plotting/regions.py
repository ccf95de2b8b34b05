"""Maps of equilibrium regimes: which equilibria hold where, over two parameters.

A map is a two-parameter grid sweep drawn. :func:`regions_data` takes a
:class:`~negotiation.SweepResult` of any grid over two parameters, or a game
or scenario and two axes, which it sweeps with :func:`negotiation.sweep` (the
same batched kernels, so mixed equilibria are included and a 3x3 game on a
200 x 200 grid takes a fraction of a second). Each cell is coloured by its
*regime*, the set of equilibria holding there (see
:meth:`~negotiation.SweepResult.point_regimes`).

The boundaries drawn are exact where they can be: the zero sets of the
differences of the two sides of the inequalities in the pure equilibria's
symbolic conditions (:meth:`~negotiation.Game.equilibrium_conditions`), when
these account for every change of regime on the map. Where they do not (a
regime that differs only in its mixed equilibria), the boundaries are the
edges between the grid's cells.

Examples
--------
>>> import sympy as sp
>>> import negotiation as ng
>>> from negotiation.plotting import regions_data
>>> T, S = sp.symbols("T S")
>>> stag = ng.Game.symmetric([[3, S], [T, 1]], strategies=("Cooperate", "Defect"))
>>> data = regions_data(stag, x=(T, 0, 5), y=(S, -2, 0.5), resolution=40)
>>> data.labels
('(Defect, Defect)', '(Cooperate, Cooperate) & (Defect, Defect) + mixed')
>>> data.labels[data.region[0, 0]], data.labels[data.region[0, -1]]
('(Cooperate, Cooperate) & (Defect, Defect) + mixed', '(Defect, Defect)')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation.display.formatting import key_text, strategy_key
from negotiation.errors import (
    FreeParameterError,
    InvalidGameError,
    SweepError,
    UnknownLabelError,
)
from negotiation.games.normal_form import Game
from negotiation.plotting.style import (
    OKABE_ITO,
    category_colour,
    fit_title,
    new_axes,
    wrap_title,
)
from negotiation.sweeps import SweepResult, sweep
from negotiation.sweeps.result import bits

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "RegionData",
    "choose_axes",
    "default_axes",
    "outcome_label",
    "parameter_range",
    "plot_regions",
    "region_edges",
    "regions_data",
]

DEFAULT_RESOLUTION = 200
MAX_FIXED_IN_TITLE = 3
#: Points along each parameter's range when :func:`choose_axes` ranks the parameters.
CHOICE_POINTS = 41
#: Pure profiles up to which the exact boundaries are computed from the conditions.
MAX_PROFILES_FOR_BOUNDARIES = 64


@dataclass(frozen=True)
class RegionData:
    """What :func:`plot_regions` draws.

    Attributes
    ----------
    title, xlabel, ylabel
        The figure's title and axis labels.
    x_symbol, y_symbol
        The two parameters on the axes.
    x, y
        The grid values along each axis (1-D arrays); for a game or scenario,
        the centres of ``resolution`` equal cells spanning each range.
    region
        Integer array of shape ``(len(y), len(x))``: at each grid point, the
        index of its regime (into :attr:`labels`).
    outcomes
        For each regime, its pure equilibria (one strategy label per player
        each; an empty tuple where there is none).
    labels
        Each regime's readable label, e.g. ``"(Truce, Truce) + mixed"``.
    boundaries
        The expressions whose zero sets bound the regions exactly (differences
        of the two sides of the inequalities in the conditions) and separate
        two regimes somewhere on the map.
    boundary_values
        Array of shape ``(len(boundaries), len(y), len(x))``: each boundary
        expression evaluated on the grid.
    fixed
        The values of the other parameters.
    mark
        ``(x, y)`` of a marked parameter point (a scenario's defaults), or ``None``.
    x_range, y_range
        The ``(low, high)`` of each axis.
    mixed
        For each regime, the labels of its mixed equilibria.
    exact_boundaries
        Whether :attr:`boundaries` account for every change of regime on the
        map; if not, :func:`plot_regions` draws the edges between cells.
    method
        How the equilibria were found (``"vertex_enumeration"`` or ``"pure"``).
    key
        A key to the strategy labels (e.g. ``"US: H = Hold countermeasures"``),
        one line per player, or ``""``.
    profiles
        The pure profiles that are an equilibrium somewhere on the map.
    game
        The game mapped, with every parameter but the two on the axes fixed
        (``None`` when its payoffs depend on others).
    """

    title: str
    xlabel: str
    ylabel: str
    x_symbol: sp.Symbol
    y_symbol: sp.Symbol
    x: np.ndarray
    y: np.ndarray
    region: np.ndarray
    outcomes: tuple[tuple[tuple[str, ...], ...], ...]
    labels: tuple[str, ...]
    boundaries: tuple[sp.Expr, ...]
    boundary_values: np.ndarray
    fixed: Mapping[sp.Symbol, Any]
    mark: tuple[float, float] | None
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    mixed: tuple[tuple[str, ...], ...] = ()
    exact_boundaries: bool = True
    method: str = "vertex_enumeration"
    key: str = ""
    profiles: tuple[tuple[str, ...], ...] = ()
    game: Game | None = field(default=None, repr=False)

    @property
    def conditions(self) -> tuple[tuple[tuple[str, ...], sp.Basic], ...]:
        """For each profile of :attr:`profiles`, its sympy condition of equilibrium.

        Computed when asked for (:meth:`~negotiation.Game.equilibrium_conditions`
        simplifies, which takes longer than drawing the map); empty when the
        payoffs depend on parameters other than the two on the axes.
        """
        if self.game is None:
            return ()
        return tuple((p, self.game.equilibrium_conditions(p)) for p in self.profiles)


def _symbol(game: Game, name: Any, what: str) -> sp.Symbol:
    for p in game.parameters:
        if name == p or name == p.name:
            return p
    known = ", ".join(p.name for p in game.parameters) or "none (the game is numeric)"
    raise UnknownLabelError(
        f"{what} names {name!r}, which is not a parameter of the game; its parameters are {known}"
    )


def _axis(game: Game, spec: Any, what: str) -> tuple[sp.Symbol, float, float]:
    if isinstance(spec, str | sp.Symbol) or not isinstance(spec, Sequence) or len(spec) != 3:
        raise InvalidGameError(
            f"{what} must be (parameter, low, high), e.g. {what}=('t', 0, 1); got {spec!r}"
        )
    symbol = _symbol(game, spec[0], what)
    try:
        low, high = float(spec[1]), float(spec[2])
    except (TypeError, ValueError) as err:
        raise InvalidGameError(
            f"{what}'s range must be two numbers (low, high); got {spec[1]!r}, {spec[2]!r}"
        ) from err
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise InvalidGameError(
            f"{what}'s range for {symbol.name} must have low < high (both finite); "
            f"got ({low}, {high})"
        )
    return symbol, low, high


def _scenario_like(model: Any) -> bool:
    return hasattr(model, "parameter_info") and callable(getattr(model, "game", None))


def parameter_range(info: Any) -> tuple[float, float]:
    """A scenario parameter's ``(low, high)``: its declared range, completed around its default.

    A missing end is the default minus (or plus) ``max(|default|, 1)``.

    Examples
    --------
    >>> from types import SimpleNamespace as P
    >>> parameter_range(P(default=2, low=0, high=None)), parameter_range(P(default=-3, low=None,
    ...                                                                    high=None))
    ((0.0, 4.0), (-6.0, 0.0))
    """
    default = float(info.default)
    span = max(abs(default), 1.0)
    low = default - span if info.low is None else float(info.low)
    high = default + span if info.high is None else float(info.high)
    return low, high


def _axis_label(name: str, units: Mapping[str, str]) -> str:
    unit = units.get(name, "")
    return f"{name} ({unit})" if unit else name


def default_axes(scenario: Any, symbolic: Game) -> list[str]:
    """A scenario's parameters, those that decide its equilibria at the defaults first.

    The names in the conditions of the pure equilibria at the default values
    come first (by name), then those in the other profiles' conditions, then
    the rest; a map over the first two shows where the default answer changes.

    Examples
    --------
    >>> import negotiation as ng
    >>> dilemma = ng.load("tariff_dilemma")
    >>> default_axes(dilemma, dilemma.game(symbolic=True))[:2]
    ['P_cn', 'P_us']
    """
    at_defaults = [eq.profile for eq in scenario.game().equilibria(method="pure", exact=True)]
    everything = list(product(*symbolic.strategies))
    names: list[str] = []
    for profile in [*at_defaults, *everything]:
        condition = symbolic.equilibrium_conditions(profile)
        for symbol in sorted(condition.free_symbols, key=lambda s: s.name):
            if symbol.name not in names:
                names.append(symbol.name)
    names += [p.name for p in symbolic.parameters if p.name not in names]
    return names


def _method_for(game: Game) -> str:
    """Every extreme equilibrium where the batched kernels have it, else the pure ones."""
    from negotiation.solvers.batched import MAX_SIZE

    if game.n_players == 2 and max(game.shape) <= MAX_SIZE:
        return "vertex_enumeration"
    return "pure"


def _declared_axis(scenario: Any, name: str) -> tuple[float, float]:
    return parameter_range(scenario.parameter(name))


def choose_axes(scenario: Any, k: int = 2, *, points: int = CHOICE_POINTS) -> tuple[list[str], str]:
    """The ``k`` parameters that change a scenario's equilibrium most, and why they were chosen.

    Each parameter is swept alone over its declared range (``points``
    points; the others at their defaults) in one batched sweep, and scored by
    the share of its points at which the regime (the set of equilibria,
    mixed included) differs from the regime at the defaults (points where
    payoffs tie, on a boundary, do not count). The ``k``
    highest scores win; ties, and parameters that change nothing, are
    ordered as :func:`default_axes` orders them (those in the conditions of
    the equilibria at the defaults first).

    Parameters
    ----------
    scenario
        A :class:`~negotiation.Scenario` (or anything with ``parameter_info``,
        ``defaults`` and ``game(symbolic=...)``).
    k
        How many parameters to choose.
    points
        Points along each parameter's range.

    Returns
    -------
    names : list of str
        The chosen parameters, the one that changes the equilibrium most first.
    reason : str
        One line saying which were chosen and why, for a command line to print.

    Raises
    ------
    InvalidGameError
        If the scenario has fewer than ``k`` parameters.

    Examples
    --------
    >>> import negotiation as ng
    >>> names, reason = choose_axes(ng.load("tariff_dilemma"))
    >>> names
    ['P_us', 'P_cn']
    >>> print(reason)
    chose P_us and P_cn: they change the equilibrium on 59% / 54% of their declared ranges (the other parameters at their defaults)
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise InvalidGameError(f"k must be a positive whole number of parameters; got {k!r}")
    if isinstance(points, bool) or not isinstance(points, int) or points < 2:
        raise InvalidGameError(f"points must be a whole number of at least 2; got {points!r}")
    symbolic = scenario.game(symbolic=True)
    names = [p.name for p in symbolic.parameters]
    if len(names) < k:
        raise InvalidGameError(
            f"{getattr(scenario, 'name', 'the scenario')} has {len(names)} parameter"
            f"{'' if len(names) == 1 else 's'} ({', '.join(names) or 'none'}), fewer than the "
            f"{k} asked for"
        )
    order = [n for n in default_axes(scenario, symbolic) if n in names]
    defaults = {s.name: float(v) for s, v in scenario.defaults.items()}
    # one sweep: the defaults, then each parameter's range with the others at their defaults
    columns = {n: np.full(1 + points * len(names), defaults[n]) for n in names}
    for b, name in enumerate(names):
        low, high = _declared_axis(scenario, name)
        columns[name][1 + b * points : 1 + (b + 1) * points] = np.linspace(low, high, points)
    result = sweep(
        symbolic,
        samples=len(columns[names[0]]),
        distributions=columns,
        method=_method_for(symbolic),
        seed=0,
        progress=False,
    )
    codes, _ = result.point_regimes()
    tie = np.asarray(result.degenerate)  # a tie marks a boundary, not a regime: not counted
    score = {}
    for b, name in enumerate(names):
        block = slice(1 + b * points, 1 + (b + 1) * points)
        score[name] = float(np.sum((codes[block] != codes[0]) & ~tie[block]) / points)
    chosen = sorted(names, key=lambda n: (-score[n], order.index(n)))[:k]
    listed = " and ".join(chosen) if k <= 2 else ", ".join(chosen[:-1]) + f" and {chosen[-1]}"
    if all(score[n] == 0 for n in chosen):
        reason = (
            f"chose {listed}: no parameter alone changes the equilibrium over its declared "
            "range, and these enter the conditions of the equilibria at the defaults"
        )
    else:
        shares = " / ".join(f"{score[n]:.0%}" for n in chosen)
        they = "it changes" if k == 1 else "they change"
        reason = (
            f"chose {listed}: {they} the equilibrium on {shares} of "
            f"{'its declared range' if k == 1 else 'their declared ranges'} (the other "
            "parameters at their defaults)"
        )
        if any(score[n] == 0 for n in chosen):
            reason += (
                "; no other parameter alone changes it, so the rest enter the conditions of "
                "the equilibria at the defaults"
            )
    return chosen, reason


def _name_of(spec: Any) -> str | None:
    if isinstance(spec, sp.Symbol):
        return spec.name
    if isinstance(spec, str):
        return spec
    if isinstance(spec, Sequence) and len(spec) == 3:
        head = spec[0]
        return head.name if isinstance(head, sp.Symbol) else str(head)
    return None


def _scenario_map(
    scenario: Any, x: Any, y: Any, fixed: Mapping[Any, Any] | None, mark: Mapping[Any, Any] | None
) -> tuple[Game, Any, Any, dict[Any, Any], Mapping[Any, Any], dict[str, str], str]:
    symbolic = scenario.game(symbolic=True)
    info = {p.name: p for p in scenario.parameter_info}
    if x is None or y is None:
        if len(symbolic.parameters) < 2:
            raise InvalidGameError(
                f"{scenario.name} has fewer than two parameters, so there is no map to draw"
            )
        taken = {_name_of(x), _name_of(y)} - {None}
        ranked, _ = choose_axes(scenario, k=len(symbolic.parameters))
        choice = [n for n in ranked if n not in taken]
        x = x if x is not None else choice.pop(0)
        y = y if y is not None else choice.pop(0)

    def axis(spec: Any, what: str) -> Any:
        if isinstance(spec, str | sp.Symbol):
            name = spec.name if isinstance(spec, sp.Symbol) else spec
            if name not in info:
                _symbol(symbolic, name, what)  # raises, listing the parameters
            return (name, *parameter_range(info[name]))
        return spec

    x, y = axis(x, "x"), axis(y, "y")
    on_axes = {_name_of(spec) for spec in (x, y)}
    given = {(k.name if isinstance(k, sp.Symbol) else str(k)): v for k, v in (fixed or {}).items()}
    from negotiation.scenarios.values import check_ranges

    check_ranges(scenario, given, source="fixed", stacklevel=4)
    values: dict[Any, Any] = {
        s: scenario.defaults[s]
        for s in symbolic.parameters
        if s.name not in on_axes and s.name not in given
    }
    values.update(given)
    marked = mark if mark is not None else {s.name: v for s, v in scenario.defaults.items()}
    units = {name: p.unit for name, p in info.items() if p.unit}
    return symbolic, x, y, values, marked, units, strategy_key(scenario)


def _profile_label(profile: Sequence[str]) -> str:
    return "(" + ", ".join(profile) + ")"


def outcome_label(outcome: Sequence[Sequence[str]]) -> str:
    """A readable label for a set of pure equilibria.

    Examples
    --------
    >>> outcome_label([("Truce", "Truce")]), outcome_label([])
    ('(Truce, Truce)', 'no pure equilibrium')
    """
    if not outcome:
        return "no pure equilibrium"
    return " and ".join(_profile_label(p) for p in outcome)


def _sign(values: np.ndarray, tol: float = 1e-9) -> np.ndarray:
    """The sign of each value, zero within ``tol`` (where the sweep's kernels see a tie)."""
    return np.where(np.abs(values) <= tol, 0.0, np.sign(values))


def _separates(values: np.ndarray, region: np.ndarray) -> bool:
    """Whether the zero set of ``values`` runs between grid neighbours in different regions."""
    sign = _sign(values)
    across_x = (sign[:, 1:] != sign[:, :-1]) & (region[:, 1:] != region[:, :-1])
    across_y = (sign[1:, :] != sign[:-1, :]) & (region[1:, :] != region[:-1, :])
    return bool(across_x.any() or across_y.any())


def region_edges(region: np.ndarray) -> np.ndarray:
    """Grid points next to a point of another region (where boundaries are drawn).

    Examples
    --------
    >>> region_edges(np.array([[0, 0, 1, 1]])).astype(int).tolist()
    [[0, 1, 1, 0]]
    """
    edge = np.zeros(region.shape, dtype=bool)
    dx = region[:, 1:] != region[:, :-1]
    dy = region[1:, :] != region[:-1, :]
    edge[:, 1:] |= dx
    edge[:, :-1] |= dx
    edge[1:, :] |= dy
    edge[:-1, :] |= dy
    return edge


def _widen(mask: np.ndarray, cells: int) -> np.ndarray:
    """``mask`` grown by ``cells`` grid cells in every direction (a square dilation)."""
    out = mask.copy()
    for _ in range(cells):
        grown = out.copy()
        grown[1:, :] |= out[:-1, :]
        grown[:-1, :] |= out[1:, :]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        out = grown
    return out


def _cell_centres(low: float, high: float, count: int) -> np.ndarray:
    # Centres of ``count`` equal cells: with an even count a symmetric range never
    # samples its midpoint, so round-number boundaries do not add tie-only regions.
    return low + (np.arange(count) + 0.5) * (high - low) / count


def _on_grid(
    expr: sp.Basic, symbols: tuple[sp.Symbol, sp.Symbol], X: np.ndarray, Y: np.ndarray, dtype: Any
) -> np.ndarray:
    function = sp.lambdify(symbols, expr, modules="numpy")
    with np.errstate(all="ignore"):
        values = np.asarray(function(X, Y))
    return np.broadcast_to(values, X.shape).astype(dtype)


def regions_data(
    game: Any,
    x: Any = None,
    y: Any = None,
    *,
    fixed: Mapping[Any, Any] | None = None,
    mark: Mapping[Any, Any] | None = None,
    resolution: int = DEFAULT_RESOLUTION,
    method: str | None = None,
) -> RegionData:
    """The numbers :func:`plot_regions` draws: the regime (set of equilibria) at each grid point.

    Parameters
    ----------
    game
        A :class:`~negotiation.SweepResult` of a grid over two parameters
        (any other swept parameter held at a single value); or a
        :class:`negotiation.Game` whose payoffs depend on parameters; or a
        scenario (e.g. ``ng.load("london_framework")``): then ``x`` and ``y``
        may be bare parameter names (ranges from the parameters' ``low`` and
        ``high``, else the default plus or minus ``max(|default|, 1)``) or be
        left out (the two that change the equilibrium most, see
        :func:`choose_axes`), the other parameters are fixed at their
        defaults unless given in ``fixed``, the defaults are marked, and the
        axes carry the units.
    x, y
        For a game, ``(parameter, low, high)`` for each axis, the parameter
        as a sympy symbol or its name. For a sweep result, the names of the
        parameters on each axis (default: the grid's first parameter on x).
    fixed
        Values of every other parameter of the game (by symbol or name).
    mark
        Parameter values to mark on the map (e.g. a scenario's defaults); only
        the values of the ``x`` and ``y`` parameters are used. For a sweep
        of a scenario, its defaults unless given.
    resolution
        Grid cells along each axis; the game is solved at the cell centres
        (an even number keeps round-number boundaries off the grid).
    method
        ``"vertex_enumeration"`` (every extreme equilibrium, mixed included;
        the default for two players up to 4x4) or ``"pure"`` (pure
        equilibria only; the default otherwise). Not for a sweep result.

    Returns
    -------
    RegionData

    Raises
    ------
    FreeParameterError
        If the game depends on parameters other than ``x`` and ``y`` that are
        not given in ``fixed``.
    UnknownLabelError
        If ``x``, ``y`` or a key of ``fixed`` is not a parameter of the game.
    InvalidGameError
        For a malformed axis specification or resolution.
    SweepError
        For a sweep result that is not a grid over two parameters.

    Examples
    --------
    A stylised truce game with a gain ``e`` from escalating alone and a loss
    ``c`` from being escalated against: mutual truce is an equilibrium exactly
    where ``e <= 0``, mutual escalation where ``c >= 2``.

    >>> import sympy as sp
    >>> import negotiation as ng
    >>> e, c = sp.symbols("e c")
    >>> g = ng.Game.symmetric([[0, -c], [e, -2]], strategies=("Truce", "Escalate"))
    >>> data = regions_data(g, x=("e", -1, 1), y=("c", 2.5, 4), resolution=4)
    >>> data.labels[data.region[0, 0]], data.labels[data.region[0, -1]]
    ('(Truce, Truce) & (Escalate, Escalate) + mixed', '(Escalate, Escalate)')
    >>> data.boundaries  # c = 2 lies outside the map
    (e,)

    Any two-parameter grid sweep draws the same way:

    >>> result = ng.sweep(g, grid={"e": [-0.5, 0.5], "c": [1.0, 3.0]})
    >>> data = regions_data(result)  # the grid's first parameter on x
    >>> [[data.labels[k] for k in row] for row in data.region]  # doctest: +NORMALIZE_WHITESPACE
    [['(Truce, Truce)', '(Truce, Escalate) & (Escalate, Truce) + mixed'],
     ['(Truce, Truce) & (Escalate, Escalate) + mixed', '(Escalate, Escalate)']]
    """
    if isinstance(game, SweepResult):
        if fixed is not None or method is not None:
            raise SweepError(
                "a sweep result is already solved: fixed= and method= are for a game or "
                "scenario (sweep again with the values you want)"
            )
        return _from_result(game, x, y, mark=mark)
    if method is not None and method not in ("vertex_enumeration", "pure"):
        raise InvalidGameError(
            f"method must be 'vertex_enumeration' or 'pure' for a map; got {method!r}"
        )
    units: dict[str, str] = {}
    key = ""
    title_note = None
    scenario = None
    if _scenario_like(game):
        scenario = game
        game, x, y, fixed, mark, units, key = _scenario_map(game, x, y, fixed, mark)
        title_note = "other parameters at the scenario's values"
    if not isinstance(game, Game):
        raise InvalidGameError(
            f"regions_data maps a negotiation.Game or a scenario, not a {type(game).__name__} "
            "(or a SweepResult of a two-parameter grid); e.g. "
            "regions_data(ng.load('london_framework'), x='m', y='re_loss_us')"
        )
    if x is None or y is None:
        raise InvalidGameError(
            "give both axes as (parameter, low, high), e.g. x=('t', 0, 1), y=('m', 0, 5); "
            "the game's parameters are " + (", ".join(p.name for p in game.parameters) or "none")
        )
    if isinstance(resolution, bool) or not isinstance(resolution, int | np.integer):
        raise InvalidGameError(f"resolution must be an integer of at least 2, not {resolution!r}")
    if resolution < 2:
        raise InvalidGameError(f"resolution must be an integer of at least 2, not {resolution!r}")
    xs, x_low, x_high = _axis(game, x, "x")
    ys, y_low, y_high = _axis(game, y, "y")
    if xs == ys:
        raise InvalidGameError(
            f"x and y are both {xs.name}; choose two different parameters for the map"
        )
    fixed_values = {_symbol(game, k, "fixed"): v for k, v in (fixed or {}).items()}
    for s in (xs, ys):
        if s in fixed_values:
            raise InvalidGameError(
                f"{s.name} is on an axis of the map, so it cannot also be fixed; "
                f"remove it from fixed"
            )
    free = [p for p in game.parameters if p not in fixed_values and p not in (xs, ys)]
    if free:
        names = ", ".join(p.name for p in free)
        example = ", ".join(f"{p.name!r}: ..." for p in free)
        raise FreeParameterError(
            f"the map varies {xs.name} and {ys.name}, but the payoffs also depend on {names}; "
            f"give values with fixed={{{example}}}"
        )
    if int(resolution) ** 2 > 10**8:
        raise InvalidGameError(
            f"resolution {resolution} makes a map of {int(resolution) ** 2:,} points; "
            "give at most 10000 cells along each axis (200 is plenty for a figure)"
        )
    reduced = game.subs(fixed_values) if fixed_values else game
    xv = _cell_centres(x_low, x_high, int(resolution))
    yv = _cell_centres(y_low, y_high, int(resolution))
    if scenario is not None:
        from negotiation.scenarios.values import check_ranges

        check_ranges(scenario, {xs.name: xv, ys.name: yv}, source="the map", stacklevel=3)
    constant = [s.name for s in (xs, ys) if s not in reduced.parameters]
    if constant:
        raise InvalidGameError(
            f"once the other parameters are fixed the payoffs do not depend on "
            f"{' or '.join(constant)}, so the map would not change along that axis; choose "
            "parameters the payoffs depend on (the game's parameters are "
            + ", ".join(p.name for p in game.parameters)
            + ")"
        )
    chosen = method or _method_for(reduced)
    result = sweep(reduced, grid={ys: yv, xs: xv}, method=chosen, progress=False)
    return _from_result(
        result,
        xs.name,
        ys.name,
        mark=mark,
        game=game,
        fixed_values=fixed_values,
        reduced=reduced,
        units=units,
        key=key,
        title_note=title_note,
        ranges=((x_low, x_high), (y_low, y_high)),
    )


def _regime_members(result: SweepResult, codes: np.ndarray, count: int) -> list[list[int]]:
    """For each regime, the outcomes (indices into ``result.outcomes``) at one of its points."""
    index = {label: k for k, label in enumerate(result.outcomes)}
    return [
        sorted({index[o] for o in result.outcomes_at(int(np.flatnonzero(codes == k)[0]))})
        for k in range(count)
    ]


def _from_result(
    result: SweepResult,
    x: Any,
    y: Any,
    *,
    mark: Mapping[Any, Any] | None,
    game: Game | None = None,
    fixed_values: Mapping[sp.Symbol, Any] | None = None,
    reduced: Game | None = None,
    units: Mapping[str, str] | None = None,
    key: str = "",
    title_note: str | None = None,
    ranges: tuple[tuple[float, float], tuple[float, float]] | None = None,
) -> RegionData:
    if result.axes is None:
        raise SweepError(
            "a map of regimes needs a grid sweep over two parameters; this is a Monte Carlo "
            "sweep, whose points form no grid: sweep with grid={'a': 200, 'b': 200} instead"
        )
    axes = result.axes
    varying = [n for n in result.parameters if len(axes[n]) > 1]
    if len(varying) != 2:
        raise SweepError(
            f"a map of regimes needs a grid over exactly two parameters; this sweep varies "
            f"{len(varying)} ({', '.join(varying) or 'none'}): "
            + (
                "hold the others at a single value each"
                if len(varying) > 2
                else "sweep two parameters, e.g. grid={'a': 200, 'b': 200}"
            )
        )
    xn = _name_of(x) if x is not None else None
    yn = _name_of(y) if y is not None else None
    for given, what in ((xn, "x"), (yn, "y")):
        if given is not None and given not in varying:
            raise UnknownLabelError(
                f"{what} names {given!r}, which is not one of the two swept parameters "
                f"({', '.join(varying)})"
            )
    if xn is None:
        xn = varying[0] if yn != varying[0] else varying[1]
    if yn is None:
        yn = next(n for n in varying if n != xn)
    if xn == yn:
        raise InvalidGameError(f"x and y are both {xn}; choose two different parameters")
    codes, labels = result.point_regimes()
    shape = tuple(len(axes[n]) for n in result.parameters)
    grid = codes.reshape(shape)
    order = [result.parameters.index(yn), result.parameters.index(xn)]
    rest = [i for i in range(len(shape)) if i not in order]
    region = np.transpose(grid, [*order, *rest]).reshape(len(axes[yn]), len(axes[xn]))
    # regimes numbered in the order they appear in point_regimes, restricted to this map
    present = sorted(set(np.unique(region).tolist()))
    renumber = np.full(len(labels), -1, dtype=np.int64)
    renumber[present] = np.arange(len(present))
    region = renumber[region]
    members = _regime_members(result, renumber[codes], len(present))
    ties = np.asarray(result.degenerate).reshape(shape)
    ties = np.transpose(ties, [*order, *rest]).reshape(region.shape)
    labels = tuple(
        labels[k] + (" (a tie, on a boundary)" if ties[region == i].all() else "")
        for i, k in enumerate(present)
    )
    names = result.outcomes
    pure = [all(bin(mask).count("1") == 1 for mask in key) for key in result.outcome_keys]
    strategies = result.game.strategies
    outcomes = tuple(
        tuple(
            tuple(
                s[bits(mask)[0]] for s, mask in zip(strategies, result.outcome_keys[c], strict=True)
            )
            for c in m
            if pure[c]
        )
        for m in members
    )
    mixed = tuple(tuple(names[c] for c in m if not pure[c]) for m in members)
    xv = np.asarray(axes[xn], dtype=float)
    yv = np.asarray(axes[yn], dtype=float)
    xs, ys = sp.Symbol(xn), sp.Symbol(yn)
    if game is None:  # from a sweep result: the game at the values held fixed
        game = result.game
        held = {
            **result.fixed,
            **{n: float(axes[n][0]) for n in result.parameters if n not in (xn, yn)},
        }
        fixed_values = {
            sp.Symbol(n): sp.Float(v) for n, v in held.items() if sp.Symbol(n) in game.parameters
        }
        reduced = game.subs(fixed_values) if fixed_values else game
        units = result.units
        key = key or key_text(result.strategy_titles)
        if result.defaults and title_note is None:
            changed = {n: v for n, v in held.items() if v != result.defaults.get(n, v)}
            title_note = (
                "other parameters at the scenario's values"
                if not changed
                else ", ".join(
                    f"{n} = {v:g}" for n, v in sorted(changed.items())[:MAX_FIXED_IN_TITLE]
                )
                + ("; " if len(changed) <= MAX_FIXED_IN_TITLE else ", ...; ")
                + "others at the scenario's values"
            )
    assert reduced is not None
    assert fixed_values is not None
    profiles, boundaries, values, exact = _boundaries(reduced, xs, ys, xv, yv, region, outcomes)
    marked = _mark(mark if mark is not None else (result.defaults or None), xs, ys)
    base = game.name or " vs ".join(game.players)
    kind = "Pure equilibria" if result.method == "pure" else "Equilibria"
    title = f"{kind}: {base}"
    if title_note is not None:
        title += f"\n({title_note})"
    elif 0 < len(fixed_values) <= MAX_FIXED_IN_TITLE:
        title += (
            "\n("
            + ", ".join(
                f"{s.name} = {_short(v)}"
                for s, v in sorted(fixed_values.items(), key=lambda kv: kv[0].name)
            )
            + ")"
        )
    elif fixed_values:
        title += f"\n({len(fixed_values)} other parameters fixed)"
    if ranges is None:
        ranges = ((float(xv.min()), float(xv.max())), (float(yv.min()), float(yv.max())))
    units = units or {}
    return RegionData(
        title=title,
        xlabel=_axis_label(xn, units),
        ylabel=_axis_label(yn, units),
        x_symbol=xs,
        y_symbol=ys,
        x=xv,
        y=yv,
        region=region,
        outcomes=outcomes,
        labels=labels,
        boundaries=boundaries,
        boundary_values=values,
        fixed=dict(fixed_values),
        mark=marked,
        x_range=ranges[0],
        y_range=ranges[1],
        mixed=mixed,
        exact_boundaries=exact,
        method=result.method,
        key=key,
        profiles=profiles,
        game=reduced if set(reduced.parameters) <= {xs, ys} else None,
    )


def _short(value: Any) -> str:
    if isinstance(value, sp.Float | float):
        return f"{float(value):g}"
    return str(value)


def _mark(
    mark: Mapping[Any, Any] | None, xs: sp.Symbol, ys: sp.Symbol
) -> tuple[float, float] | None:
    if mark is None:
        return None
    by_name = {(k.name if isinstance(k, sp.Symbol) else str(k)): v for k, v in mark.items()}
    missing = [s.name for s in (xs, ys) if s.name not in by_name]
    if missing:
        raise InvalidGameError(
            f"mark has no value for {', '.join(missing)}; give the point to mark as "
            f"mark={{{xs.name!r}: ..., {ys.name!r}: ...}}"
        )
    return (float(by_name[xs.name]), float(by_name[ys.name]))


def _boundaries(
    reduced: Game,
    xs: sp.Symbol,
    ys: sp.Symbol,
    xv: np.ndarray,
    yv: np.ndarray,
    region: np.ndarray,
    outcomes: Sequence[Sequence[tuple[str, ...]]],
) -> tuple[tuple[tuple[str, ...], ...], tuple[sp.Expr, ...], np.ndarray, bool]:
    """The pure profiles on the map, the exact boundaries, and whether they explain every change.

    A pure profile that is an equilibrium in some regimes of the map but not
    in all stops being one where a player's gain from some deviation changes
    sign: those gains (differences of payoffs, expanded, each once up to a
    constant factor) are the candidate boundaries, kept where they separate
    two regimes on the grid. No ``simplify`` runs here: the conditions
    themselves (:attr:`RegionData.conditions`) are computed only when asked for.
    """
    X, Y = np.meshgrid(xv, yv)
    empty = np.empty((0, *X.shape))
    if not set(reduced.parameters) <= {xs, ys}:
        return (), (), empty, False
    somewhere = sorted(
        {p for regime in outcomes for p in regime}, key=lambda p: _indices(reduced, p)
    )
    everywhere = set.intersection(*(set(regime) for regime in outcomes)) if outcomes else set()
    axes = {xs, ys}
    found: list[sp.Expr] = []
    seen: set[sp.Expr] = set()
    for profile in somewhere:
        if profile in everywhere:
            continue
        at = _indices(reduced, profile)
        for player, table in enumerate(reduced.payoffs):
            for other in range(reduced.shape[player]):
                if other == at[player]:
                    continue
                deviation = (*at[:player], other, *at[player + 1 :])
                gain = sp.expand(sp.sympify(table[deviation]) - sp.sympify(table[at]))
                if not (gain.free_symbols & axes):
                    continue
                gain = gain.as_content_primitive()[1]
                if gain.could_extract_minus_sign():
                    gain = -gain
                if gain in seen:
                    continue
                seen.add(gain)
                found.append(gain)
    kept, grids = [], []
    for gain in found:
        values = _on_grid(gain, (xs, ys), X, Y, float)
        if _separates(values, region):
            kept.append(gain)
            grids.append(values)
    stacked = np.stack(grids) if grids else empty
    return tuple(somewhere), tuple(kept), stacked, _explained(stacked, region)


def _indices(game: Game, profile: Sequence[str]) -> tuple[int, ...]:
    return tuple(labels.index(s) for labels, s in zip(game.strategies, profile, strict=True))


def _explained(values: np.ndarray, region: np.ndarray) -> bool:
    """Whether every change of regime between grid neighbours crosses some boundary."""
    dx = region[:, 1:] != region[:, :-1]
    dy = region[1:, :] != region[:-1, :]
    if not (dx.any() or dy.any()):
        return True
    if len(values) == 0:
        return False
    sign = _sign(values)
    cross_x = (sign[:, :, 1:] != sign[:, :, :-1]).any(axis=0)
    cross_y = (sign[:, 1:, :] != sign[:, :-1, :]).any(axis=0)
    return bool(not (dx & ~cross_x).any() and not (dy & ~cross_y).any())


def plot_regions(
    game: Any,
    x: Any = None,
    y: Any = None,
    *,
    fixed: Mapping[Any, Any] | None = None,
    mark: Mapping[Any, Any] | None = None,
    mark_label: str = "scenario values",
    resolution: int = DEFAULT_RESOLUTION,
    method: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw the map of regimes, which set of equilibria holds where, over two parameters.

    Each regime (the set of equilibria at a point, mixed included) has its
    own colour; black lines are the boundaries between regimes (exact, from
    the symbolic equilibrium conditions, where these explain every change),
    and a star marks a chosen parameter point (a scenario's own values).

    Parameters
    ----------
    game
        A :class:`~negotiation.SweepResult` of a grid over two parameters,
        a :class:`negotiation.Game` whose payoffs depend on parameters, or a
        scenario (see :func:`regions_data`).
    x, y
        For a game, ``(parameter, low, high)`` for each axis (for a scenario,
        a name suffices); for a sweep result, which parameter goes on each axis.
    fixed
        Values of every other parameter (for a scenario, the defaults by default).
    mark
        Parameter values to mark (only the ``x`` and ``y`` values are used);
        for a scenario, its defaults unless given.
    mark_label
        The legend text of the mark.
    resolution
        Grid points along each axis.
    method
        ``"vertex_enumeration"`` or ``"pure"`` (see :func:`regions_data`).
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    regions_data : the numbers drawn, and the errors raised.
    choose_axes : which two parameters of a scenario to map.

    Examples
    --------
    >>> import sympy as sp
    >>> import negotiation as ng
    >>> e, c = sp.symbols("e c")
    >>> g = ng.Game.symmetric([[0, -c], [e, -2]], strategies=("Truce", "Escalate"))
    >>> ax = plot_regions(g, x=(e, -1, 1), y=(c, 0, 4), mark={"e": 0.5, "c": 1})
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('e', 'c')
    >>> ax = plot_regions(ng.sweep(ng.load("busan_truce"), grid={"crash": 60, "win": 50}))
    >>> ax.get_legend().get_texts()[-1].get_text()
    'scenario values'
    """
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    data = regions_data(game, x, y, fixed=fixed, mark=mark, resolution=resolution, method=method)
    ax = new_axes(ax, figsize=(6.8, 5.6))
    k = len(data.labels)
    # a regime without any equilibrium found is grey; the others take the palette in order
    colours = [
        category_colour(i) if (data.outcomes[i] or data.mixed[i]) else "0.85" for i in range(k)
    ]
    cmap = ListedColormap(colours)
    norm = BoundaryNorm(np.arange(-0.5, k + 0.5), k)
    ax.pcolormesh(
        data.x,
        data.y,
        data.region,
        cmap=cmap,
        norm=norm,
        shading="nearest",
        alpha=0.75,
        rasterized=True,
    )
    black = OKABE_ITO["black"]
    if data.exact_boundaries:
        # each boundary is the exact zero set of its expression, drawn only where it separates
        # two regimes (an inequality can bind for one profile without changing the regime)
        near_edges = _widen(region_edges(data.region), 2)  # a band wide enough to contour
        for values in data.boundary_values:
            shown = np.ma.masked_where(~near_edges, values)
            if shown.count() and shown.min() < 0 < shown.max():
                ax.contour(data.x, data.y, shown, levels=[0.0], colors=black, linewidths=1.2)
    elif len(data.x) > 1 and len(data.y) > 1:
        for i in range(k - 1):  # every boundary touches a regime other than the last
            inside = (data.region == i).astype(float)
            if 0 < inside.sum() < inside.size:
                ax.contour(data.x, data.y, inside, levels=[0.5], colors=black, linewidths=1.0)
    handles: list[Any] = [
        Patch(facecolor=colours[i], alpha=0.75, label=label) for i, label in enumerate(data.labels)
    ]
    if data.mark is not None:
        ax.plot(
            *data.mark,
            marker="*",
            markersize=16,
            color=black,
            markerfacecolor=OKABE_ITO["yellow"],
            linestyle="none",
            zorder=4,
            clip_on=False,
        )
        handles.append(
            Line2D(
                [],
                [],
                marker="*",
                markersize=12,
                color=black,
                markerfacecolor=OKABE_ITO["yellow"],
                linestyle="none",
                label=mark_label,
            )
        )
    ax.set_xlim(*data.x_range)
    ax.set_ylim(*data.y_range)
    ax.set_xlabel(data.xlabel)
    ax.set_ylabel(data.ylabel)
    fit_title(ax, data.title)
    longest = max(map(len, data.labels), default=0)
    legend = ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.13),
        ncol=1 if longest > 30 else 2,
        frameon=False,
        fontsize="small",
        title=wrap_title(data.key, 80) if data.key else None,
        title_fontsize="x-small",
    )
    if data.key:
        legend.get_title().set_multialignment("left")
    return ax
