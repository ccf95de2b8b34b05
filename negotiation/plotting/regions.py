"""Equilibrium-region maps: which pure equilibria hold where, over two parameters.

The map is computed from the symbolic conditions, not from solving the game at
every point: :meth:`Game.equilibrium_conditions` gives, for every pure profile,
a conjunction of inequalities in the parameters; these are compiled once with
``sympy.lambdify`` and evaluated on a grid. The boundaries drawn are the zero
sets of the inequalities' two sides' difference, so they are exact lines,
not pixel edges.

Examples
--------
>>> import sympy as sp
>>> import negotiation as ng
>>> from negotiation.plotting import regions_data
>>> T, S = sp.symbols("T S")
>>> stag = ng.Game.symmetric([[3, S], [T, 1]], strategies=("Cooperate", "Defect"))
>>> data = regions_data(stag, x=(T, 0, 5), y=(S, -2, 0.5), resolution=40)
>>> data.labels
('(Defect, Defect)', '(Cooperate, Cooperate) and (Defect, Defect)')
>>> data.labels[data.region[0, 0]], data.labels[data.region[0, -1]]
('(Cooperate, Cooperate) and (Defect, Defect)', '(Defect, Defect)')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation.errors import FreeParameterError, InvalidGameError, UnknownLabelError
from negotiation.games.normal_form import Game
from negotiation.plotting.style import OKABE_ITO, category_colour, new_axes, wrap_title

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "RegionData",
    "default_axes",
    "outcome_label",
    "parameter_range",
    "plot_regions",
    "region_edges",
    "regions_data",
]

DEFAULT_RESOLUTION = 200
MAX_FIXED_IN_TITLE = 3


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
        The grid values along each axis (1-D arrays): the centres of
        ``resolution`` equal cells spanning each range.
    region
        Integer array of shape ``(len(y), len(x))``: at each grid point, the
        index into :attr:`outcomes` of the set of pure equilibria that holds there.
    outcomes
        For each region index, the pure equilibrium profiles that hold there
        (an empty tuple where there is no pure equilibrium).
    labels
        A readable label for each entry of :attr:`outcomes`.
    conditions
        For each pure profile ``(row label, column label)`` that is an
        equilibrium somewhere in the map, its sympy condition.
    boundaries
        The expressions whose zero sets bound the regions (differences of the
        two sides of the inequalities in the conditions), those that separate
        two regions somewhere on the map.
    boundary_values
        Array of shape ``(len(boundaries), len(y), len(x))``: each boundary
        expression evaluated on the grid.
    fixed
        The values given to the other parameters.
    mark
        ``(x, y)`` of a marked parameter point, or ``None``.
    x_range, y_range
        The ``(low, high)`` of each axis.
    """

    title: str
    xlabel: str
    ylabel: str
    x_symbol: sp.Symbol
    y_symbol: sp.Symbol
    x: np.ndarray
    y: np.ndarray
    region: np.ndarray
    outcomes: tuple[tuple[tuple[str, str], ...], ...]
    labels: tuple[str, ...]
    conditions: tuple[tuple[tuple[str, str], sp.Basic], ...]
    boundaries: tuple[sp.Expr, ...]
    boundary_values: np.ndarray
    fixed: Mapping[sp.Symbol, Any]
    mark: tuple[float, float] | None
    x_range: tuple[float, float]
    y_range: tuple[float, float]


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
    m, n = symbolic.shape
    everything = [
        (symbolic.strategies[0][i], symbolic.strategies[1][j]) for i in range(m) for j in range(n)
    ]
    names: list[str] = []
    for profile in [*at_defaults, *everything]:
        condition = symbolic.equilibrium_conditions(profile)
        for symbol in sorted(condition.free_symbols, key=lambda s: s.name):
            if symbol.name not in names:
                names.append(symbol.name)
    names += [p.name for p in symbolic.parameters if p.name not in names]
    return names


def _scenario_map(
    scenario: Any, x: Any, y: Any, fixed: Mapping[Any, Any] | None, mark: Mapping[Any, Any] | None
) -> tuple[Game, Any, Any, dict[Any, Any], Mapping[Any, Any], dict[str, str]]:
    symbolic = scenario.game(symbolic=True)
    info = {p.name: p for p in scenario.parameter_info}
    if x is None or y is None:
        choice = [n for n in default_axes(scenario, symbolic) if n not in (x, y)]
        if len(choice) + (x is not None) + (y is not None) < 2:
            raise InvalidGameError(
                f"{scenario.name} has fewer than two parameters, so there is no map to draw"
            )
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
    on_axes = {
        (spec[0].name if isinstance(spec[0], sp.Symbol) else str(spec[0]))
        for spec in (x, y)
        if isinstance(spec, Sequence) and not isinstance(spec, str) and len(spec) == 3
    }
    given = {(k.name if isinstance(k, sp.Symbol) else str(k)): v for k, v in (fixed or {}).items()}
    values: dict[Any, Any] = {
        s: scenario.defaults[s]
        for s in symbolic.parameters
        if s.name not in on_axes and s.name not in given
    }
    values.update(given)
    marked = mark if mark is not None else {s.name: v for s, v in scenario.defaults.items()}
    units = {name: p.unit for name, p in info.items() if p.unit}
    return symbolic, x, y, values, marked, units


def _profile_label(profile: tuple[str, str]) -> str:
    return f"({profile[0]}, {profile[1]})"


def outcome_label(outcome: Sequence[tuple[str, str]]) -> str:
    """A readable label for a set of pure equilibria.

    Examples
    --------
    >>> outcome_label([("Truce", "Truce")]), outcome_label([])
    ('(Truce, Truce)', 'no pure equilibrium')
    """
    if not outcome:
        return "no pure equilibrium"
    return " and ".join(_profile_label(p) for p in outcome)


def _relational_differences(conditions: Sequence[sp.Basic], axes: set[sp.Symbol]) -> list[sp.Expr]:
    found: list[sp.Expr] = []
    for condition in conditions:
        for rel in sorted(condition.atoms(sp.core.relational.Relational), key=sp.default_sort_key):
            difference = sp.simplify(rel.lhs - rel.rhs)
            if not (difference.free_symbols & axes):
                continue
            if difference.could_extract_minus_sign():
                difference = -difference
            if any(
                sp.simplify(difference - f) == 0 or sp.simplify(difference + f) == 0 for f in found
            ):
                continue
            found.append(difference)
    return found


def _separates(values: np.ndarray, region: np.ndarray) -> bool:
    """Whether the zero set of ``values`` runs between grid neighbours in different regions."""
    sign = np.sign(values)
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
) -> RegionData:
    """The numbers :func:`plot_regions` draws: the set of pure equilibria at each grid point.

    Parameters
    ----------
    game
        A :class:`negotiation.Game` whose payoffs depend on parameters, or a
        scenario (e.g. ``ng.load("london_framework")``): then ``x`` and ``y``
        may be bare parameter names (ranges from the parameters' ``low`` and
        ``high``, else the default plus or minus ``max(|default|, 1)``) or be
        left out (two parameters that decide the default equilibria), the
        other parameters are fixed at their defaults unless given in
        ``fixed``, the defaults are marked, and the axes carry the units.
    x, y
        ``(parameter, low, high)`` for each axis; the parameter as a sympy
        symbol or its name.
    fixed
        Values of every other parameter of the game (by symbol or name).
    mark
        Parameter values to mark on the map (e.g. a scenario's defaults); only
        the values of the ``x`` and ``y`` parameters are used.
    resolution
        Grid cells along each axis; the conditions are evaluated at the cell
        centres (an even number keeps round-number boundaries off the grid).

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
    ('(Truce, Truce) and (Escalate, Escalate)', '(Escalate, Escalate)')
    >>> data.boundaries  # c = 2 lies outside the map
    (e,)
    """
    units: dict[str, str] = {}
    title_note = None
    if _scenario_like(game):
        game, x, y, fixed, mark, units = _scenario_map(game, x, y, fixed, mark)
        title_note = "other parameters at the scenario's values"
    if not isinstance(game, Game):
        raise InvalidGameError(
            f"regions_data maps a negotiation.Game or a scenario, not a {type(game).__name__}; "
            "e.g. regions_data(ng.load('london_framework'), x='m', y='re_loss_us')"
        )
    if x is None or y is None:
        raise InvalidGameError(
            "give both axes as (parameter, low, high), e.g. x=('t', 0, 1), y=('m', 0, 5); "
            "the game's parameters are " + (", ".join(p.name for p in game.parameters) or "none")
        )
    if not isinstance(resolution, int | np.integer) or resolution < 2:
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
    reduced = game.subs(fixed_values) if fixed_values else game

    xv = _cell_centres(x_low, x_high, int(resolution))
    yv = _cell_centres(y_low, y_high, int(resolution))
    X, Y = np.meshgrid(xv, yv)
    m, n = game.shape
    profiles = [(game.strategies[0][i], game.strategies[1][j]) for i in range(m) for j in range(n)]
    conditions = [reduced.equilibrium_conditions((i, j)) for i in range(m) for j in range(n)]
    held = np.stack([_on_grid(c, (xs, ys), X, Y, bool) for c in conditions])

    codes = np.zeros(X.shape, dtype=np.int64)
    for k in range(len(profiles)):
        codes |= held[k].astype(np.int64) << k
    unique = np.unique(codes)
    # order regions by how many equilibria they hold, then by profile order
    order = sorted(
        unique.tolist(), key=lambda c: (bin(c).count("1") != 1 and c != 0, bin(c).count("1"), c)
    )
    region = np.zeros(X.shape, dtype=np.int64)
    for index, code in enumerate(order):
        region[codes == code] = index
    outcomes = tuple(
        tuple(profiles[k] for k in range(len(profiles)) if code >> k & 1) for code in order
    )
    somewhere = [k for k in range(len(profiles)) if held[k].any()]
    candidates = _relational_differences(
        [conditions[k] for k in range(len(profiles)) if not held[k].all() and held[k].any()],
        {xs, ys},
    )
    boundaries, grids = [], []
    for b in candidates:
        grid = _on_grid(b, (xs, ys), X, Y, float)
        if _separates(grid, region):
            boundaries.append(b)
            grids.append(grid)
    values = np.stack(grids) if grids else np.empty((0, *X.shape))

    marked = None
    if mark is not None:
        by_name = {(k.name if isinstance(k, sp.Symbol) else str(k)): v for k, v in mark.items()}
        lookup = {s: by_name[s.name] for s in (xs, ys) if s.name in by_name}
        missing = [s.name for s in (xs, ys) if s not in lookup]
        if missing:
            raise InvalidGameError(
                f"mark has no value for {', '.join(missing)}; give the point to mark as "
                f"mark={{{xs.name!r}: ..., {ys.name!r}: ...}}"
            )
        marked = (float(lookup[xs]), float(lookup[ys]))

    base = game.name or f"{game.players[0]} vs {game.players[1]}"
    title = f"Pure equilibria: {base}"
    if title_note is not None:
        title += f"\n({title_note})"
    elif 0 < len(fixed_values) <= MAX_FIXED_IN_TITLE:
        title += (
            "\n("
            + ", ".join(
                f"{s.name} = {v}"
                for s, v in sorted(fixed_values.items(), key=lambda kv: kv[0].name)
            )
            + ")"
        )
    elif fixed_values:
        title += f"\n({len(fixed_values)} other parameters fixed)"
    return RegionData(
        title=title,
        xlabel=_axis_label(xs.name, units),
        ylabel=_axis_label(ys.name, units),
        x_symbol=xs,
        y_symbol=ys,
        x=xv,
        y=yv,
        region=region,
        outcomes=outcomes,
        labels=tuple(outcome_label(o) for o in outcomes),
        conditions=tuple((profiles[k], conditions[k]) for k in somewhere),
        boundaries=tuple(boundaries),
        boundary_values=values,
        fixed=dict(fixed_values),
        mark=marked,
        x_range=(x_low, x_high),
        y_range=(y_low, y_high),
    )


def plot_regions(
    game: Any,
    x: Any = None,
    y: Any = None,
    *,
    fixed: Mapping[Any, Any] | None = None,
    mark: Mapping[Any, Any] | None = None,
    mark_label: str = "scenario values",
    resolution: int = DEFAULT_RESOLUTION,
    ax: Axes | None = None,
) -> Axes:
    """Draw which set of pure equilibria holds where over two parameters.

    Each region is coloured by the set of pure Nash equilibria holding there;
    black lines are the boundaries given by the symbolic equilibrium
    conditions, and a star marks a chosen parameter point (e.g. a scenario's
    values).

    Parameters
    ----------
    game
        A :class:`negotiation.Game` whose payoffs depend on parameters, or a
        scenario (see :func:`regions_data`).
    x, y
        ``(parameter, low, high)`` for each axis (for a scenario, a name suffices).
    fixed
        Values of every other parameter (for a scenario, the defaults by default).
    mark
        Parameter values to mark (only the ``x`` and ``y`` values are used);
        for a scenario, its defaults unless given.
    mark_label
        The legend text of the mark.
    resolution
        Grid points along each axis.
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    regions_data : the numbers drawn, and the errors raised.

    Examples
    --------
    >>> import sympy as sp
    >>> import negotiation as ng
    >>> e, c = sp.symbols("e c")
    >>> g = ng.Game.symmetric([[0, -c], [e, -2]], strategies=("Truce", "Escalate"))
    >>> ax = plot_regions(g, x=(e, -1, 1), y=(c, 0, 4), mark={"e": 0.5, "c": 1})
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('e', 'c')
    """
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    data = regions_data(game, x, y, fixed=fixed, mark=mark, resolution=resolution)
    ax = new_axes(ax)
    k = len(data.outcomes)
    # "no pure equilibrium" is grey; the other sets take the palette in order
    colours = [category_colour(i) if outcome else "0.85" for i, outcome in enumerate(data.outcomes)]
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
    # each boundary is the exact zero set of its expression, drawn only where it separates
    # two regions (an inequality can bind for one profile without changing the outcome)
    near_edges = region_edges(data.region)
    for values in data.boundary_values:
        shown = np.ma.masked_where(~near_edges, values)
        if shown.count() and shown.min() < 0 < shown.max():
            ax.contour(
                data.x, data.y, shown, levels=[0.0], colors=OKABE_ITO["black"], linewidths=1.2
            )
    handles: list[Any] = [
        Patch(facecolor=colours[i], alpha=0.75, label=label) for i, label in enumerate(data.labels)
    ]
    if data.mark is not None:
        ax.plot(
            *data.mark,
            marker="*",
            markersize=16,
            color=OKABE_ITO["black"],
            markerfacecolor=OKABE_ITO["yellow"],
            linestyle="none",
            zorder=4,
        )
        handles.append(
            Line2D(
                [],
                [],
                marker="*",
                markersize=12,
                color=OKABE_ITO["black"],
                markerfacecolor=OKABE_ITO["yellow"],
                linestyle="none",
                label=mark_label,
            )
        )
    ax.set_xlim(*data.x_range)
    ax.set_ylim(*data.y_range)
    ax.set_xlabel(data.xlabel)
    ax.set_ylabel(data.ylabel)
    ax.set_title(wrap_title(data.title))
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=1 if max(map(len, data.labels)) > 30 else 2,
        frameon=False,
        fontsize="small",
    )
    return ax
