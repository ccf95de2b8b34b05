"""Pictures of continuous games: reaction curves, and a payoff against the player's own strategy.

* :func:`reaction_curves_data` / :func:`plot_reaction_curves`: both players'
  best-response (reaction) curves in the strategy square, where they cross
  (the Nash equilibria), the Stackelberg outcome with each player leading,
  the cooperative outcome and iso-payoff contours of both players;
* :func:`payoff_curve_data` / :func:`plot_payoff_curve`: one player's payoff
  as its own strategy varies, the others' strategies held fixed (at the Nash
  equilibrium by default), with its best response marked.

Both accept a :class:`~negotiation.ContinuousGame` or a model with a
``game()`` method returning one (a :class:`~negotiation.trade.TariffWar`,
whose axes are then labelled in percent).

References
----------
M. J. Osborne (2004), *An Introduction to Game Theory*, section 3.1 (reaction
functions); H. G. Johnson (1953-54), *Review of Economic Studies* 21(2): 142-153
(tariff reaction curves and their iso-welfare contours).

Examples
--------
>>> import sympy as sp
>>> import negotiation as ng
>>> from negotiation.plotting.continuous import reaction_curves_data
>>> q1, q2 = sp.symbols("q1 q2")
>>> d = 12 - q1 - q2
>>> cournot = ng.ContinuousGame([q1 * d, q2 * d], [(q1, 0, 12), (q2, 0, 12)])
>>> data = reaction_curves_data(cournot)
>>> data.nash.tolist(), data.stackelberg["Player 1"].tolist(), round(float(data.cooperative.sum()), 6)
([[4.0, 4.0]], [6.0, 3.0], 6.0)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from negotiation.errors import ContinuousGameError
from negotiation.games.continuous import ContinuousGame
from negotiation.plotting.style import OKABE_ITO, PLAYER_COLOURS, new_axes, wrap_title
from negotiation.solvers import best_response as _br
from negotiation.symbolic import require_numeric

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "PayoffCurveData",
    "ReactionCurvesData",
    "payoff_curve_data",
    "plot_payoff_curve",
    "plot_reaction_curves",
    "reaction_curves_data",
]


@dataclass(frozen=True)
class ReactionCurvesData:
    """What :func:`plot_reaction_curves` draws.

    Attributes
    ----------
    title, players, symbols, percent
        The game's title, players and strategy symbols; whether axes are in percent.
    xs, ys
        The grids of the first and second player's strategy.
    reaction_x
        The first player's best response to each of ``ys``.
    reaction_y
        The second player's best response to each of ``xs``.
    payoffs
        ``(2, len(ys), len(xs))``: each player's payoff on the grid (for contours).
    nash
        ``(k, 2)`` Nash equilibria.
    stackelberg
        ``{leader: (x, y)}`` for each leader.
    cooperative
        The joint-payoff maximiser ``(x, y)`` (``None`` if not asked for).
    """

    title: str
    players: tuple[str, str]
    symbols: tuple[sp.Symbol, sp.Symbol]
    percent: bool
    xs: np.ndarray
    ys: np.ndarray
    reaction_x: np.ndarray
    reaction_y: np.ndarray
    payoffs: np.ndarray
    nash: np.ndarray
    stackelberg: dict[str, np.ndarray]
    cooperative: np.ndarray | None


@dataclass(frozen=True)
class PayoffCurveData:
    """What :func:`plot_payoff_curve` draws.

    Attributes
    ----------
    title, player, index, symbol, percent
        The title, the player and its position, its strategy symbol; whether
        the axis is in percent.
    against
        The others' strategies held fixed, ``{player: value}``.
    xs, payoffs
        The player's strategy grid and its payoff at each point.
    best
        ``(strategy, payoff)`` of the best response.
    """

    title: str
    player: str
    index: int
    symbol: sp.Symbol
    percent: bool
    against: dict[str, float]
    xs: np.ndarray
    payoffs: np.ndarray
    best: tuple[float, float]


def _resolve(model: Any) -> tuple[ContinuousGame, bool]:
    if isinstance(model, ContinuousGame):
        return model, False
    game_method = getattr(model, "game", None)
    if callable(game_method):
        game = game_method()
        if isinstance(game, ContinuousGame):
            return game, True
    raise ContinuousGameError(
        f"this picture draws a negotiation.ContinuousGame (or a model with a game() method "
        f"returning one, such as a TariffWar), not a {type(model).__name__}"
    )


def _range(
    game: ContinuousGame, i: int, anchors: list[float], limits: tuple[float, float] | None = None
) -> tuple[float, float]:
    """The axis range of player ``i``: ``limits``, else its strategy set, else around the anchors."""
    if limits is not None:
        a, b = (float(v) for v in limits)
        if not (math.isfinite(a) and math.isfinite(b) and a < b):
            raise ContinuousGameError(
                f"axis limits must be two finite numbers low < high; got {limits!r}"
            )
        return a, b
    low, high = (sp.sympify(v) for v in game.bounds[i])
    finite = [v for v in anchors if math.isfinite(v)]
    top = max([1.0, *finite])
    a = float(low) if low.is_finite else min([0.0, *finite]) - 1.0
    b = float(high) if high.is_finite else max(2.0 * top, a + 1.0)
    return a, b


def _reaction_rule(
    game: ContinuousGame, cg: _br.CompiledGame, i: int, base: np.ndarray
) -> Callable[[np.ndarray], np.ndarray]:
    """Player ``i``'s best response as a function of the other player's strategy (an array).

    The closed-form best response, compiled once, where it exists and is
    finite; otherwise a bounded numeric maximisation at each value, the
    other strategies at ``base``.
    """
    j = 1 - i
    closed: Callable[..., Any] | None = None
    try:
        closed = sp.lambdify(game.symbols[j], game.best_response(i).expression, "numpy")
    except ContinuousGameError:
        pass

    def rule(others: np.ndarray) -> np.ndarray:
        others = np.asarray(others, dtype=float)
        if closed is not None:
            with np.errstate(all="ignore"):
                values = np.broadcast_to(np.asarray(closed(others), dtype=float), others.shape)
            if np.all(np.isfinite(values)):
                return values.copy()
        out = np.empty_like(others)
        for k, v in enumerate(others):
            s = base.copy()
            s[j] = v
            out[k] = _br.maximise_own(cg, i, s)[0]
        return out

    return rule


def _as_point(value: Any, what: str) -> np.ndarray:
    """A found point ``(x, y)``: an equilibrium or outcome (its ``values()``) or two numbers."""
    values = getattr(value, "values", None)
    raw = values() if callable(values) else value
    try:
        point = np.asarray([float(v) for v in raw], dtype=float)
    except (TypeError, ValueError):
        point = np.array([])
    if point.shape != (2,) or not np.all(np.isfinite(point)):
        raise ContinuousGameError(
            f"{what} must be a point of the game (an equilibrium or outcome it found, or two "
            f"finite numbers (x, y)); got {value!r}"
        )
    return point


def _given_nash(equilibria: Sequence[Any]) -> np.ndarray:
    if isinstance(equilibria, str) or not isinstance(equilibria, Sequence):
        raise ContinuousGameError(
            "equilibria must be a list of the Nash equilibria already found (e.g. "
            f"game.equilibria()) or of (x, y) pairs; got {equilibria!r}"
        )
    points = [_as_point(e, "each of equilibria") for e in equilibria]
    return np.array(points, dtype=float).reshape(-1, 2)


def _leader_outcomes(
    game: ContinuousGame, stackelberg: bool | str | Mapping[str, Any]
) -> dict[str, np.ndarray]:
    """The Stackelberg points solved for (``True``) or given (``{leader: point}``)."""
    if isinstance(stackelberg, Mapping):
        out = {}
        for leader, point in stackelberg.items():
            name = game.players[game.index(leader)]
            out[name] = _as_point(point, f"the Stackelberg outcome with {name} leading")
        return out
    if isinstance(stackelberg, str) or not stackelberg:
        return {}
    return {p: game.stackelberg(p).values() for p in game.players}


def _check_mode(value: Any, what: str) -> None:
    if isinstance(value, str) and value != "grid":
        raise ContinuousGameError(
            f"{what} must be True, False, 'grid' or the points already found; got {value!r}"
        )


def _refine_leader(
    u: Callable[..., Any],
    leader: int,
    grid: np.ndarray,
    reaction: np.ndarray,
    rule: Callable[[np.ndarray], np.ndarray],
) -> np.ndarray:
    """The leader's best point on the follower's reaction curve: the grid's best, refined."""

    def point(v: float) -> tuple[float, float]:
        r = float(rule(np.array([v]))[0])
        return (v, r) if leader == 0 else (r, v)

    with np.errstate(all="ignore"):
        pairs = (grid, reaction) if leader == 0 else (reaction, grid)
        values = np.broadcast_to(np.asarray(u(*pairs), dtype=float), grid.shape)
    x, _ = _br.refine_on_grid(lambda v: u(*point(v)), grid, values, xatol=1e-11, margin=1e-12)
    return np.array(point(x))


def _cut_off(game: ContinuousGame, point: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> bool:
    """Whether a point found on the grid sits on an edge past which its strategy set goes on."""
    for k, grid in enumerate((xs, ys)):
        low, high = (float(sp.sympify(v)) for v in game.bounds[k])
        tol = 1e-9 * max(1.0, float(grid[-1] - grid[0]))
        if point[k] <= grid[0] + tol and low < grid[0] - tol:
            return True
        if point[k] >= grid[-1] - tol and high > grid[-1] + tol:
            return True
    return False


def _better(refined: float, grid: float) -> bool:
    """Whether a refined payoff beats the grid's by more than rounding (else keep the grid point)."""
    return refined > grid + 1e-12 * max(1.0, abs(grid))


def _refine_joint(
    us: Sequence[Callable[..., Any]], xs: np.ndarray, ys: np.ndarray, total: np.ndarray
) -> np.ndarray:
    """The joint payoff's maximiser in the drawn box: the grid's best, refined by L-BFGS-B."""
    from scipy.optimize import minimize

    finite = np.where(np.isfinite(total), total, -np.inf)
    row, col = np.unravel_index(int(np.argmax(finite)), finite.shape)
    start = np.array([xs[col], ys[row]], dtype=float)

    def negative(z: np.ndarray) -> float:
        with np.errstate(all="ignore"):
            value = float(sum(float(u(z[0], z[1])) for u in us))
        return -value if math.isfinite(value) else 1e300

    res = minimize(
        negative,
        start,
        method="L-BFGS-B",
        bounds=[(xs[0], xs[-1]), (ys[0], ys[-1])],
        options={"ftol": 1e-15, "gtol": 1e-10},
    )
    if math.isfinite(res.fun) and _better(-res.fun, float(finite[row, col])):
        return np.asarray(res.x, dtype=float)
    return start


def reaction_curves_data(
    model: Any,
    *,
    num: int = 201,
    stackelberg: bool | str | Mapping[str, Any] = True,
    cooperative: Any = True,
    limits: tuple[tuple[float, float], tuple[float, float]] | None = None,
    equilibria: Sequence[Any] | None = None,
) -> ReactionCurvesData:
    """The numbers :func:`plot_reaction_curves` draws, for a numeric two-player game.

    Parameters
    ----------
    model
        A two-player :class:`~negotiation.ContinuousGame` with numbers only, or
        a model with a ``game()`` method (a ``TariffWar``).
    num
        Grid points per axis.
    stackelberg
        The Stackelberg outcomes (each player leading): ``True`` solves for
        them (:meth:`~negotiation.ContinuousGame.stackelberg`, in closed form
        where there is one); ``"grid"`` reads them off the drawn reaction
        curves (the leader's payoff along the follower's curve, best grid point
        refined by a bounded search, within the drawn ranges: fast, for a
        picture redrawn on every slider move); ``{leader: point}`` gives
        points already found (an outcome or ``(x, y)``); ``False`` draws none.
    cooperative
        The cooperative outcome (the joint payoff's maximiser, equal weights):
        ``True`` solves for it (:meth:`~negotiation.ContinuousGame.cooperative`);
        ``"grid"`` takes the best point of the drawn grid refined by a bounded
        search; an outcome or ``(x, y)`` already found; ``False`` for none.
    limits
        ``((x_low, x_high), (y_low, y_high))``; by default the strategy sets
        (or a range around the equilibria where a set is unbounded).
    equilibria
        The Nash equilibria already found (``game.equilibria()``, or
        ``(x, y)`` pairs), so they are not solved for again; by default
        :meth:`~negotiation.ContinuousGame.equilibria`.

    Raises
    ------
    ContinuousGameError
        For a game that does not have two players, or a given point that is
        not two finite numbers.
    FreeParameterError
        If the payoffs still depend on parameters.

    Examples
    --------
    Points already found are drawn as given, and ``"grid"`` reads the
    Stackelberg and cooperative points off the drawn grid:

    >>> import sympy as sp, negotiation as ng
    >>> q1, q2 = sp.symbols("q1 q2")
    >>> d = 12 - q1 - q2
    >>> cournot = ng.ContinuousGame([q1 * d, q2 * d], [(q1, 0, 12), (q2, 0, 12)])
    >>> data = reaction_curves_data(
    ...     cournot, equilibria=cournot.equilibria(), stackelberg="grid", cooperative="grid"
    ... )
    >>> data.nash.tolist(), data.stackelberg["Player 2"].round(6).tolist()
    ([[4.0, 4.0]], [3.0, 6.0])
    >>> round(float(data.cooperative.sum()), 6)
    6.0
    """
    game, percent = _resolve(model)
    if game.n_players != 2:
        raise ContinuousGameError(
            f"reaction curves are drawn for two players; this game has {game.n_players}"
        )
    require_numeric(game.parameters, "a reaction-curve picture")
    if isinstance(num, bool) or not isinstance(num, int) or num < 3:
        raise ContinuousGameError(f"num must be an integer of at least 3; got {num!r}")
    _check_mode(stackelberg, "stackelberg")
    _check_mode(cooperative, "cooperative")
    cg = game._compiled()
    if equilibria is None:
        nash = np.array([e.values() for e in game.equilibria()], dtype=float).reshape(-1, 2)
    else:
        nash = _given_nash(equilibria)
    leaders = _leader_outcomes(game, stackelberg)
    coop: np.ndarray | None = None
    if isinstance(cooperative, bool | np.bool_):
        coop = game.cooperative().values() if cooperative else None
    elif cooperative is not None and not isinstance(cooperative, str):
        coop = _as_point(cooperative, "cooperative")
    anchors = [*nash.ravel().tolist(), *(v for pt in leaders.values() for v in pt)]
    if coop is not None:
        anchors += coop.tolist()
    x_range = _range(
        game, 0, [v for k, v in enumerate(anchors) if k % 2 == 0], limits[0] if limits else None
    )
    y_range = _range(
        game, 1, [v for k, v in enumerate(anchors) if k % 2 == 1], limits[1] if limits else None
    )
    xs = np.linspace(*x_range, num)
    ys = np.linspace(*y_range, num)
    base = nash[0] if len(nash) else np.array([xs[num // 2], ys[num // 2]])
    X, Y = np.meshgrid(xs, ys)
    functions = [sp.lambdify(game.symbols, u, "numpy") for u in game.payoffs]
    surfaces = []
    for f in functions:
        with np.errstate(all="ignore"):
            surfaces.append(np.broadcast_to(np.asarray(f(X, Y), dtype=float), X.shape))
    rules = (_reaction_rule(game, cg, 0, base), _reaction_rule(game, cg, 1, base))
    reaction_x, reaction_y = rules[0](ys), rules[1](xs)
    if stackelberg == "grid":
        leaders = {
            game.players[0]: _refine_leader(functions[0], 0, xs, reaction_y, rules[1]),
            game.players[1]: _refine_leader(functions[1], 1, ys, reaction_x, rules[0]),
        }
    if cooperative == "grid":
        coop = _refine_joint(functions, xs, ys, surfaces[0] + surfaces[1])
    grid_points = [
        *(leaders.values() if stackelberg == "grid" else ()),
        *([coop] if cooperative == "grid" and coop is not None else []),
    ]
    if any(_cut_off(game, point, xs, ys) for point in grid_points):
        # the drawn box cuts the search short: solve for the points, and draw around them
        return reaction_curves_data(
            model,
            num=num,
            stackelberg=True if stackelberg == "grid" else stackelberg,
            cooperative=True if cooperative == "grid" else cooperative,
            limits=limits,
            equilibria=nash.tolist(),
        )
    return ReactionCurvesData(
        title=game.name or f"{game.players[0]} vs {game.players[1]}",
        players=(game.players[0], game.players[1]),
        symbols=(game.symbols[0], game.symbols[1]),
        percent=percent,
        xs=xs,
        ys=ys,
        reaction_x=reaction_x,
        reaction_y=reaction_y,
        payoffs=np.stack(surfaces),
        nash=nash,
        stackelberg=leaders,
        cooperative=coop,
    )


def _axis_label(player: str, symbol: sp.Symbol, percent: bool) -> str:
    return f"{player}'s tariff" if percent else f"{player}'s strategy {symbol}"


def _percent_axes(ax: Axes, which: str) -> None:
    from matplotlib.ticker import PercentFormatter

    if "x" in which:
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    if "y" in which:
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


def plot_reaction_curves(
    model: Any,
    *,
    ax: Axes | None = None,
    num: int = 201,
    contours: int = 8,
    stackelberg: bool | str | Mapping[str, Any] = True,
    cooperative: Any = True,
    marks: Mapping[str, tuple[float, float]] | None = None,
    limits: tuple[tuple[float, float], tuple[float, float]] | None = None,
    equilibria: Sequence[Any] | None = None,
) -> Axes:
    """Draw both reaction curves, the Nash, Stackelberg and cooperative points and iso-payoff contours.

    Parameters
    ----------
    model
        A numeric two-player continuous game, or a ``TariffWar``.
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.
    num
        Grid points per axis.
    contours
        Iso-payoff contours per player (0 for none), through the levels of
        the payoffs at quantiles of the grid.
    stackelberg, cooperative
        Whether to mark those outcomes, and how to find them: ``True`` solves
        for them, ``"grid"`` reads them off the drawn grid (fast), or give the
        points already found; see :func:`reaction_curves_data`.
    marks
        Extra labelled points ``{label: (x, y)}``, e.g. ``{"April": (1.45, 1.25)}``.
    limits
        The axis ranges, as for :func:`reaction_curves_data`.
    equilibria
        The Nash equilibria already found, drawn without solving again (a
        dashboard that has just solved the game passes them).

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    reaction_curves_data : the numbers drawn.

    Examples
    --------
    >>> import sympy as sp, negotiation as ng
    >>> q1, q2 = sp.symbols("q1 q2")
    >>> d = 12 - q1 - q2
    >>> ax = plot_reaction_curves(ng.ContinuousGame([q1 * d, q2 * d], [(q1, 0, 12), (q2, 0, 12)]))
    >>> ax.get_xlabel()
    "Player 1's strategy q1"
    """
    data = reaction_curves_data(
        model,
        num=num,
        stackelberg=stackelberg,
        cooperative=cooperative,
        limits=limits,
        equilibria=equilibria,
    )
    ax = new_axes(ax, figsize=(6.0, 5.4))
    if contours:
        for p in range(2):
            surface = data.payoffs[p]
            finite = surface[np.isfinite(surface)]
            if finite.size:
                levels = np.unique(np.quantile(finite, np.linspace(0.1, 0.95, contours)))
                if levels.size >= 2:
                    ax.contour(
                        data.xs,
                        data.ys,
                        surface,
                        levels=levels,
                        colors=PLAYER_COLOURS[p],
                        linewidths=0.7,
                        alpha=0.45,
                        linestyles="dotted",
                    )
    ax.plot(
        data.reaction_x,
        data.ys,
        color=PLAYER_COLOURS[0],
        lw=2.5,
        label=f"{data.players[0]}'s reaction curve",
    )
    ax.plot(
        data.xs,
        data.reaction_y,
        color=PLAYER_COLOURS[1],
        lw=2.5,
        ls="--",
        label=f"{data.players[1]}'s reaction curve",
    )
    if len(data.nash):
        ax.scatter(
            data.nash[:, 0],
            data.nash[:, 1],
            s=90,
            zorder=4,
            color=OKABE_ITO["black"],
            label="Nash equilibrium",
        )
    shapes = ("^", "v")
    for k, (leader, point) in enumerate(data.stackelberg.items()):
        ax.scatter(
            [point[0]],
            [point[1]],
            s=80,
            zorder=4,
            marker=shapes[k % 2],
            facecolors="white",
            edgecolors=PLAYER_COLOURS[data.players.index(leader)],
            linewidths=2,
            label=f"Stackelberg ({leader} leads)",
        )
    if data.cooperative is not None:
        ax.scatter(
            [data.cooperative[0]],
            [data.cooperative[1]],
            s=110,
            zorder=4,
            marker="*",
            color=OKABE_ITO["bluish_green"],
            label="cooperative",
        )
    for label, (mx, my) in (marks or {}).items():
        ax.scatter([mx], [my], s=60, zorder=4, marker="D", color=OKABE_ITO["orange"])
        ax.annotate(label, (mx, my), xytext=(6, 6), textcoords="offset points")
    ax.set_xlim(data.xs[0], data.xs[-1])
    ax.set_ylim(data.ys[0], data.ys[-1])
    ax.set_xlabel(_axis_label(data.players[0], data.symbols[0], data.percent))
    ax.set_ylabel(_axis_label(data.players[1], data.symbols[1], data.percent))
    if data.percent:
        _percent_axes(ax, "xy")
    ax.set_title(wrap_title(data.title))
    ax.legend(loc="best", fontsize="small")
    return ax


def payoff_curve_data(
    model: Any,
    player: str | int,
    against: Mapping[Any, Any] | str = "nash",
    *,
    num: int = 401,
    limits: tuple[float, float] | None = None,
) -> PayoffCurveData:
    """The numbers :func:`plot_payoff_curve` draws.

    Parameters
    ----------
    model
        A numeric continuous game, or a ``TariffWar``.
    player
        Whose payoff.
    against
        ``"nash"`` (the others at the first Nash equilibrium) or
        ``{player: strategy}`` for every other player.
    num
        Grid points.
    limits
        The axis range; by default the strategy set.

    Raises
    ------
    ContinuousGameError
        For an unknown ``against``, a missing player, or an unbounded
        strategy set with no equilibrium to centre the axis on.

    Examples
    --------
    >>> import sympy as sp, negotiation as ng
    >>> q1, q2 = sp.symbols("q1 q2")
    >>> d = 12 - q1 - q2
    >>> g = ng.ContinuousGame([q1 * d, q2 * d], [(q1, 0, 12), (q2, 0, 12)])
    >>> payoff_curve_data(g, 0, {"Player 2": 6}).best
    (3.0, 9.0)
    """
    game, percent = _resolve(model)
    require_numeric(game.parameters, "a payoff-curve picture")
    i = game.index(player)
    if isinstance(against, str):
        if against != "nash":
            raise ContinuousGameError(
                f"against must be 'nash' or {{player: strategy}} for the others; got {against!r}"
            )
        eqs = game.equilibria()
        if not eqs:
            raise ContinuousGameError("no Nash equilibrium found; give against={player: strategy}")
        point = eqs[0].values()
    else:
        given = {game.index(k): float(sp.sympify(v)) for k, v in against.items()}
        missing = [game.players[k] for k in range(game.n_players) if k != i and k not in given]
        if missing:
            raise ContinuousGameError(f"against gives no strategy for {', '.join(missing)}")
        point = np.array([given.get(k, 0.0) for k in range(game.n_players)], dtype=float)
    cg = game._compiled()
    best_x, best_u = _br.maximise_own(cg, i, point)
    a, b = _range(game, i, [best_x, float(point[i])], limits)
    xs = np.linspace(a, b, num)
    values = cg.own_curve(i, xs, point)
    others = {game.players[k]: float(point[k]) for k in range(game.n_players) if k != i}
    return PayoffCurveData(
        title=f"{game.players[i]}'s payoff against "
        + ", ".join(f"{p} at {_fmt(v, percent)}" for p, v in others.items()),
        player=game.players[i],
        index=i,
        symbol=game.symbols[i],
        percent=percent,
        against=others,
        xs=xs,
        payoffs=values,
        best=(round(best_x, 12), round(best_u, 12)),
    )


def _fmt(value: float, percent: bool) -> str:
    return f"{100 * value:.0f}%" if percent else f"{value:.4g}"


def plot_payoff_curve(
    model: Any,
    player: str | int,
    against: Mapping[Any, Any] | str = "nash",
    *,
    ax: Axes | None = None,
    num: int = 401,
    marks: Mapping[str, float] | None = None,
    limits: tuple[float, float] | None = None,
) -> Axes:
    """Draw one player's payoff against its own strategy, the others fixed, with its best response.

    Parameters
    ----------
    model, player, against, num, limits
        See :func:`payoff_curve_data`.
    ax
        The matplotlib ``Axes`` to draw on; a new figure is made when ``None``.
    marks
        Extra labelled strategies ``{label: value}``, e.g. ``{"April": 1.45}``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import sympy as sp, negotiation as ng
    >>> q1, q2 = sp.symbols("q1 q2")
    >>> d = 12 - q1 - q2
    >>> g = ng.ContinuousGame([q1 * d, q2 * d], [(q1, 0, 12), (q2, 0, 12)])
    >>> plot_payoff_curve(g, 0).get_ylabel()
    "Player 1's payoff"
    """
    data = payoff_curve_data(model, player, against, num=num, limits=limits)
    ax = new_axes(ax)
    colour = PLAYER_COLOURS[data.index % 2]
    ax.plot(data.xs, data.payoffs, color=colour, lw=2.5, label=f"{data.player}'s payoff")
    bx, bu = data.best
    ax.axvline(bx, color=OKABE_ITO["black"], lw=1, ls="--")
    ax.scatter(
        [bx],
        [bu],
        s=80,
        zorder=4,
        color=OKABE_ITO["black"],
        label=f"best response {_fmt(bx, data.percent)}",
    )
    for label, value in (marks or {}).items():
        y = float(np.interp(value, data.xs, data.payoffs))
        ax.scatter([value], [y], s=60, zorder=4, marker="D", color=OKABE_ITO["orange"])
        ax.annotate(label, (value, y), xytext=(6, 6), textcoords="offset points")
    ax.axhline(0, color=OKABE_ITO["black"], lw=0.6, alpha=0.5)
    ax.set_xlabel(_axis_label(data.player, data.symbol, data.percent))
    ax.set_ylabel(
        f"{data.player}'s welfare (\\$bn a year, vs free trade)"
        if data.percent
        else f"{data.player}'s payoff"
    )
    if data.percent:
        _percent_axes(ax, "x")
    ax.set_title(wrap_title(data.title))
    ax.legend(loc="best", fontsize="small")
    return ax
