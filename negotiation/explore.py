"""Live exploration in a notebook: a slider per parameter, the equilibria and a picture.

:func:`explore` turns a symbolic :class:`~negotiation.Game` or a scenario into
an ipywidgets dashboard. Moving a slider substitutes the new value (as an
exact rational, so a classroom sees ``2/9`` rather than ``0.2222``), re-solves
the game and redraws the chosen picture. For a scenario the slider panel reads
like the scenario: each slider carries a short label taken from its
parameter's description (the parameter's name and full description on hover),
its unit, and sits under the party and the issue whose payoffs it sets;
``params=[...]`` shows only some sliders and fixes the others at their defaults. The :class:`Dashboard` keeps its
widgets and state as attributes, so the same object can be driven from code
(and from tests, without a browser): ``dash.set(t=0.5)`` moves a slider and
``dash.equilibria`` holds the new answer.

A game with continuous strategies (a :class:`~negotiation.ContinuousGame`, a
:class:`~negotiation.trade.TariffWar`, or a scenario such as
``ng.load("tariff_war_2025")``) shows its Nash equilibria instead: each
player's strategy (a tariff in percent), each payoff, how the equilibrium was
found (closed form or numeric search), and the reaction curves.

ipywidgets and matplotlib are imported only when a dashboard is made; the
widgets are in the ``notebooks`` extra (``pip install negotiation[notebooks]``).
The dashboard works in JupyterLab and Notebook 7.

Examples
--------
>>> import sympy as sp
>>> import negotiation as ng
>>> t = sp.Symbol("t", positive=True)
>>> g = ng.Game([[0, -40], [10 * t, -30]], [[0, 10], [-90, -70]], players=("US", "China"),
...             strategies=(("Truce", "Escalate"), ("Truce", "Escalate")))
>>> dash = ng.explore(g, plot="game")
>>> sorted(dash.sliders), dash.values
(['t'], {'t': 1.0})
>>> [eq.profile for eq in dash.equilibria]
[('Escalate', 'Escalate')]
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import sympy as sp

from negotiation.display import fmt, html_table
from negotiation.errors import (
    InvalidGameError,
    MissingExtraError,
    NegotiationError,
    UnknownLabelError,
)
from negotiation.games.continuous import ContinuousEquilibrium, ContinuousGame
from negotiation.games.normal_form import Equilibrium, Game
from negotiation.scenarios.continuous_file import AD_VALOREM, ContinuousScenario
from negotiation.trade.tariff_war import TariffWar

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["Dashboard", "SliderSpec", "explore"]

PLOTS = ("game", "best_responses", "regions", "reaction_curves", "none")
PLOT_NAMES = {
    "game": "payoff table",
    "best_responses": "best responses",
    "regions": "where each equilibrium holds",
    "reaction_curves": "reaction curves",
    "none": "no picture",
}
FINITE_PLOTS = ("game", "best_responses", "regions")
#: Strategy units read as rates: the table and the picture show them in percent.
RATE_UNITS = (AD_VALOREM, "rate", "percent", "%")
#: What explore() shows, for the message that refuses anything else.
SUPPORTED = (
    "a negotiation.Game or a scenario (ng.load(...): finite, with continuous strategies such "
    "as 'tariff_war_2025', or with types), a negotiation.ContinuousGame, a "
    "negotiation.trade.TariffWar, or a model with private information (BayesianGame, "
    "SignallingGame, ng.october_2025())"
)
REGION_RESOLUTION = 100
SLIDER_STEPS = 100
LABEL_LENGTH = 56
LABEL_WIDTH = "30em"
BOTH_SIDES = "Both sides"
COMBINED = "When issues combine"
SEVERAL = "Several issues"
PRIOR = "Private information: the prior"
#: Starting values and ranges of a crisis model's symbolic fields: (value, low, high).
CRISIS_SLIDERS = {
    "prior": (0.1, 0.0, 1.0),
    "audience_cost": (1.0, 0.0, 6.0),
    "war_cost": (3.0, 0.0, 6.0),
    "war_value": (1.0, 0.0, 3.0),
    "target_war_cost": (5.0, 1.0, 10.0),
}


@dataclass(frozen=True)
class SliderSpec:
    """The range and starting value of one parameter's slider.

    Attributes
    ----------
    name
        The parameter's name.
    value, low, high, step
        Starting value, range and step.
    description
        A one-line tooltip (the scenario's description and unit, if any).
    label
        The short label shown next to the slider (empty: the name).
    unit
        The parameter's unit, shown after the slider.
    group
        The party whose payoffs the parameter sets, or ``"Both sides"``.
    issue
        The title of the issue it values (``"When issues combine"`` for a
        parameter that only enters when two issues meet).
    """

    name: str
    value: float
    low: float
    high: float
    step: float
    description: str = ""
    label: str = ""
    unit: str = ""
    group: str = ""
    issue: str = ""


def _number(value: Any, what: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError) as err:
        raise InvalidGameError(f"{what} must be a number, not {value!r}") from err
    if number != number or number in (float("inf"), float("-inf")):
        raise InvalidGameError(f"{what} must be a finite number, not {value!r}")
    return number


def _derived_range(value: float, nonnegative: bool) -> tuple[float, float]:
    """A range around ``value``: ``value`` plus or minus ``max(|value|, 1)``, floored at 0."""
    span = max(abs(value), 1.0)
    low, high = value - span, value + span
    if nonnegative and low < 0 <= value:
        low = 0.0
    return low, high


def _spec(
    name: str,
    value: float,
    low: float | None,
    high: float | None,
    nonnegative: bool,
    description: str = "",
) -> SliderSpec:
    """A slider for ``name``: the range is completed around ``value`` where not given."""
    derived_low, derived_high = _derived_range(value, nonnegative)
    if low is None and high is not None:
        derived_low = min(value, high) - max(abs(high - value), 1.0)
    if high is None and low is not None:
        derived_high = max(value, low) + max(abs(value - low), 1.0)
    low = derived_low if low is None else low
    high = derived_high if high is None else high
    low, high = min(low, value), max(high, value)
    if not low < high:
        raise InvalidGameError(
            f"the slider range for {name} is empty ({low}, {high}); give ranges={{{name!r}: "
            "(low, high)}} with low < high"
        )
    return SliderSpec(name, value, low, high, (high - low) / SLIDER_STEPS, description)


def _scenario_like(model: Any) -> bool:
    return hasattr(model, "parameter_info") and callable(getattr(model, "game", None))


def short_label(description: str, parties: Sequence[str] = (), limit: int = LABEL_LENGTH) -> str:
    """A slider label from a parameter's description: short, and without the party's name.

    The party is dropped because the panel groups the sliders by party; the
    explanation after a semicolon, a parenthesis or a long phrase before a
    colon is dropped because the full description is the slider's tooltip.

    Examples
    --------
    >>> short_label("Value to the US of keeping its countermeasures (EDA), net of sales",
    ...             ("US", "China"))
    'Value of keeping its countermeasures'
    >>> short_label("China's temptation: escalate while the US keeps the truce", ("US", "China"))
    'Temptation: escalate while the US keeps the truce'
    >>> short_label("Cost to China of delivering licences up front: part of its lever is spent",
    ...             ("US", "China"))
    'Cost of delivering licences up front'
    """
    text = " ".join(description.split())
    for party in parties:
        name = re.escape(party)
        text = re.sub(rf"\b(?:to|for) (?:the )?{name} of\b", "of", text)
        text = re.sub(rf"^(?:the )?{name}(?:'s)? ", "", text, flags=re.IGNORECASE)
    text = re.split(r"; | \(|, before |, net of ", text)[0]
    head, colon, _ = text.partition(": ")
    if colon and len(head.split()) > 2:
        text = head
    text = text.strip(" ,.;:")
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "\u2026"
    return text[:1].upper() + text[1:]


def _placement(model: Any) -> dict[str, tuple[str, str]]:
    """Each parameter's group (its party, or both sides) and issue, from the valuations."""
    parties = getattr(model, "parties", ())
    issues = {i.name: (i.title or i.name) for i in getattr(model, "issues", ())}
    found: dict[str, tuple[set[str], set[str]]] = {}

    def note(expression: Any, party: str, issue: str) -> None:
        for symbol in getattr(sp.sympify(expression), "free_symbols", ()):
            groups, where = found.setdefault(symbol.name, (set(), set()))
            groups.add(party)
            where.add(issue)

    titles = {p.name: getattr(p, "title", "") or p.name for p in parties}
    terms = [(titles[p.name], p) for p in parties]
    terms += [(titles.get(t.party, t.party), t.terms) for t in getattr(model, "types", ())]
    for title, party in terms:
        for issue, levels in getattr(party, "valuations", {}).items():
            for expression in levels.values():
                note(expression, title, issues.get(issue, issue))
        for interaction in getattr(party, "interactions", ()):
            note(interaction.value, title, COMBINED)
    for t in getattr(model, "types", ()):
        note(t.probability, titles.get(t.party, t.party), PRIOR)
    placement = {}
    for name, (groups, where) in found.items():
        group = next(iter(groups)) if len(groups) == 1 else BOTH_SIDES
        valued = where - {COMBINED}
        issue = (next(iter(valued)) if len(valued) == 1 else SEVERAL) if valued else COMBINED
        placement[name] = (group, issue)
    return placement


def _panel_order(model: Any, specs: Sequence[SliderSpec]) -> list[SliderSpec]:
    """Sliders by party (in the scenario's order), then issue, then as declared."""
    groups = [getattr(p, "title", "") or p.name for p in getattr(model, "parties", ())]
    issues = [(i.title or i.name) for i in getattr(model, "issues", ())]
    if isinstance(model, ContinuousScenario):
        groups = [t or p for p, t in zip(model.players, model.party_titles, strict=False)]
        groups += [p for p in model.players if p not in groups]
        issues = [f"Imports from {_the(g)}" for g in groups]
    groups += [BOTH_SIDES, ""]
    issues += [SEVERAL, COMBINED, PRIOR, ""]
    declared = [p.name for p in getattr(model, "parameter_info", ())]

    def key(s: SliderSpec) -> tuple[int, int, int]:
        return (
            groups.index(s.group) if s.group in groups else len(groups),
            issues.index(s.issue) if s.issue in issues else len(issues),
            declared.index(s.name) if s.name in declared else len(declared),
        )

    return sorted(specs, key=key)


def slider_specs(
    model: Any,
    *,
    values: Mapping[Any, Any] | None = None,
    ranges: Mapping[Any, tuple[Any, Any]] | None = None,
    params: Sequence[Any] | None = None,
) -> tuple[Any, tuple[SliderSpec, ...]]:
    """The symbolic game to explore and a slider specification per free parameter.

    Ranges come, in order of preference, from ``ranges``, from the scenario's
    parameter metadata (``low``/``high``), or are derived around the starting
    value (plus or minus ``max(|value|, 1)``, floored at 0 for a non-negative
    symbol). Starting values come from ``values``, the scenario's defaults, or
    1 for a positive symbol and 0 otherwise (moved to the middle of a given
    range that does not contain it); an explicit value outside its range
    widens the range.

    For a scenario each spec also carries a short label, the unit, and the
    party and issue it belongs to, and the specs come in panel order: by
    party, then by issue.

    Parameters
    ----------
    model
        A :class:`negotiation.Game`, a scenario (anything with
        ``parameter_info`` and ``game(symbolic=True)``), or a model with
        private information: a :class:`negotiation.BayesianGame`, a
        :class:`negotiation.SignallingGame`, a crisis model
        (:func:`negotiation.october_2025`), or a scenario with ``[types]``,
        whose symbolic prior gets a slider over ``[0, 1]``.
    values, ranges
        Starting values and ``(low, high)`` ranges by parameter name or symbol.
    params
        The parameters to make sliders for (names or symbols); the others are
        fixed at their starting values in the returned game. Default: all.

    Returns
    -------
    (model, tuple of SliderSpec)
        The :class:`~negotiation.Game` (or the Bayesian, signalling or crisis
        model) with the parameters left out of ``params`` fixed.

    Raises
    ------
    UnknownLabelError
        If ``values``, ``ranges`` or ``params`` names something that is not a
        parameter, or ``ranges`` one that ``params`` leaves out.

    Examples
    --------
    >>> import sympy as sp
    >>> import negotiation as ng
    >>> d = sp.Symbol("delta", positive=True)
    >>> g = ng.Game([[d, 0], [0, 1]], [[1, 0], [0, d]])
    >>> slider_specs(g, values={"delta": 0.9})[1][0]
    SliderSpec(name='delta', value=0.9, low=0.0, high=1.9, step=0.019, description='', ...)
    """
    game, info = _symbolic_target(model)
    probabilities = _prior_symbols(game)
    starts = _model_starts(model)
    names = [p.name for p in game.parameters]

    def by_name(mapping: Mapping[Any, Any] | None, what: str) -> dict[str, Any]:
        out = {}
        for key, value in (mapping or {}).items():
            name = key.name if isinstance(key, sp.Symbol) else str(key)
            if name not in names:
                raise UnknownLabelError(
                    f"{what} names {name!r}, which is not a free parameter; the parameters are "
                    + (", ".join(names) or "none")
                )
            out[name] = value
        return out

    start = by_name(values, "values")
    bounds = by_name(ranges, "ranges")
    shown = names if params is None else list(by_name(dict.fromkeys(params), "params"))
    if params is not None and not shown:
        raise InvalidGameError("params=[] shows no slider; name at least one parameter")
    for name in bounds:
        if name not in shown:
            raise UnknownLabelError(
                f"ranges names {name!r}, which params leaves out; the sliders are "
                + ", ".join(shown)
            )
    parties = [p.name for p in getattr(model, "parties", ())]
    if isinstance(model, ContinuousScenario):
        parties = [*model.players, *(t for t in model.party_titles if t)]
        placement = _continuous_placement(model)
    else:
        placement = _placement(model) if info else {}
    specs = []
    fixed = {}
    for symbol in game.parameters:
        name = symbol.name
        meta = info.get(name)
        low = high = None
        if name in start:
            value = _number(start[name], f"the value of {name}")
        elif meta is not None:
            value = float(meta.default)
        elif name in starts:
            value, low, high = starts[name]
        elif symbol in probabilities:
            value, low, high = 0.5, 0.0, 1.0
        else:
            value = 1.0 if symbol.is_positive else 0.0
        if meta is not None:
            low = None if meta.low is None else float(meta.low)
            high = None if meta.high is None else float(meta.high)
        elif name not in starts and symbol in probabilities:
            low, high = 0.0, 1.0
        if name in bounds:
            pair = bounds[name]
            if isinstance(pair, str) or len(pair) != 2:
                raise InvalidGameError(f"ranges[{name!r}] must be (low, high); got {pair!r}")
            low = _number(pair[0], f"the low end of {name}'s range")
            high = _number(pair[1], f"the high end of {name}'s range")
            if not low < high:
                raise InvalidGameError(
                    f"ranges[{name!r}] = ({pair[0]}, {pair[1]}) needs low < high"
                )
        description = ""
        if meta is not None:
            description = "; ".join(
                part for part in (meta.description, meta.unit and f"unit: {meta.unit}") if part
            )
        if name not in start:  # a guessed start value moves into a given range
            if low is not None and high is not None and not low <= value <= high:
                value = (low + high) / 2
            elif low is not None and value < low:
                value = low
            elif high is not None and value > high:
                value = high
        if name not in shown:
            fixed[symbol] = _exact(value)
            continue
        nonnegative = bool(symbol.is_nonnegative)
        spec = _spec(name, value, low, high, nonnegative, description)
        if meta is not None:
            group, issue = placement.get(name, ("", ""))
            text = meta.description
            if isinstance(model, ContinuousScenario):  # "..., at the 2024 baseline": the tooltip
                text = re.split(r", at (?:the )?| at the baseline", text)[0]
            spec = replace(
                spec,
                description=f"{name}: {description}" if description else name,
                label=short_label(text, parties) or name,
                unit=meta.unit or "",
                group=group,
                issue=issue,
            )
        specs.append(spec)
    if fixed:
        game = game.subs(fixed)
    if info:
        specs = _panel_order(model, specs)
    return game, tuple(specs)


def _private_like(model: Any) -> bool:
    """A model with private information: Bayes–Nash or perfect Bayesian equilibria."""
    return callable(getattr(model, "perfect_bayesian_equilibria", None)) or (
        callable(getattr(model, "equilibrium_conditions", None))
        and hasattr(model, "types")
        and callable(getattr(model, "to_game", None))
    )


def _continuous_like(model: Any) -> bool:
    """A model with continuous strategies: a ContinuousGame, or a trade model that makes one."""
    return isinstance(model, ContinuousGame | TariffWar)


def _symbolic_target(model: Any) -> tuple[Any, dict[str, Any]]:
    """What the sliders substitute into, and the parameters' metadata by name.

    For a continuous scenario with a trade model that is the trade model itself
    (a :class:`~negotiation.trade.TariffWar`), so that every slider move is
    checked by the model (an elasticity of 0 is refused with its message).
    """
    if isinstance(model, Game) or _continuous_like(model):
        return model, {}
    if isinstance(model, ContinuousScenario):
        info = {p.name: p for p in model.parameter_info}
        if model.trade_model is not None:
            return model.trade_war(symbolic=True), info
        return model.game(symbolic=True), info
    if _scenario_like(model):
        info = {p.name: p for p in model.parameter_info}
        if callable(getattr(model, "bayesian_game", None)):
            return model.bayesian_game(symbolic=True), info
        return model.game(symbolic=True), info
    if _private_like(model):
        return model, {}
    raise InvalidGameError(
        f"explore() takes {SUPPORTED}, not a {type(model).__name__}; "
        "e.g. ng.explore(ng.load('london_framework')) or ng.explore(ng.load('tariff_war_2025'))"
    )


def _the(name: str) -> str:
    """A country's name as it reads after a preposition: "the United States", "China".

    Examples
    --------
    >>> _the("United States"), _the("US"), _the("China")
    ('the United States', 'the US', 'China')
    """
    first = name.split(" ", 1)[0]
    if name in ("US", "USA", "UK", "EU") or first in ("United", "Republic", "Kingdom", "European"):
        return "the " + name
    return name


def _continuous_placement(model: ContinuousScenario) -> dict[str, tuple[str, str]]:
    """Each parameter's group and issue in a continuous scenario.

    With a trade model a parameter sits under the market it describes: the
    importer's title, then ``"Imports from <exporter>"`` (the exporter's
    supply elasticity belongs to the market it supplies). With payoff
    formulas it sits under the party whose payoff (or strategy set) it enters,
    or under both sides.
    """
    given = dict(zip(model.players, model.party_titles, strict=False))
    titles = {p: given.get(p) or p for p in model.players}
    found: dict[str, set[tuple[str, str]]] = {}

    def note(expression: Any, group: str, issue: str) -> None:
        for symbol in getattr(sp.sympify(expression), "free_symbols", ()):
            found.setdefault(symbol.name, set()).add((group, issue))

    if model.trade_model is not None and len(model.players) == 2:
        for key, values in model.trade_model[1]:
            for i, value in enumerate(values):
                market = 1 - i if key == "export_supply_elasticities" else i
                importer, exporter = model.players[market], model.players[1 - market]
                note(value, titles[importer], f"Imports from {_the(titles[exporter])}")
    else:
        for party, payoff in zip(model.players, model.payoffs, strict=False):
            note(payoff, titles[party], "")
        for s in model.strategies:
            note(s.low, titles[s.party], "")
            note(s.high, titles[s.party], "")
    placement = {}
    for name, places in found.items():
        if len(places) == 1:
            placement[name] = next(iter(places))
        elif len({group for group, _ in places}) == 1:
            placement[name] = (next(iter(places))[0], SEVERAL)
        else:
            placement[name] = (BOTH_SIDES, "")
    return placement


def _prior_symbols(model: Any) -> set[sp.Symbol]:
    """The symbols in a model's prior (their sliders run over [0, 1])."""
    prior = getattr(model, "prior", None)
    if prior is None:
        return set()
    values: list[Any] = []
    if isinstance(prior, sp.Basic):
        values = [prior]
    else:
        for item in prior:
            values.append(item[1] if isinstance(item, tuple) else item)
    out: set[sp.Symbol] = set()
    for v in values:
        out |= {s for s in sp.sympify(v).free_symbols if isinstance(s, sp.Symbol)}
    return out


def _model_starts(model: Any) -> dict[str, tuple[float, float, float]]:
    """Starting values and ranges for a crisis model's fields that are bare symbols."""
    out = {}
    for name, start in CRISIS_SLIDERS.items():
        value = getattr(model, name, None) if _private_like(model) else None
        if isinstance(value, sp.Symbol):
            out[value.name] = start
    return out


def _exact(value: float) -> sp.Rational:
    # twelve significant digits drop the float noise of slider steps (0.30000000000000004)
    return sp.Rational(format(value, ".12g"))


def _mix(labels: tuple[str, ...], probabilities: Any, titles: Mapping[str, str]) -> str:
    parts = []
    for label, p in zip(labels, probabilities, strict=True):
        name = f"{label} ({titles[label]})" if titles.get(label, label) != label else label
        if p == 1:
            return name
        if p != 0:
            parts.append(f"{name}: {fmt(p)}")
    return ", ".join(parts)


def equilibria_table(
    game: Game,
    equilibria: list[Equilibrium],
    titles: Sequence[Mapping[str, str]] | None = None,
) -> str:
    """An HTML table of equilibria: each player's (mixed) strategy and the payoffs.

    ``titles`` gives, per player, the full name of each strategy label (a
    scenario's strategy titles); the table then shows ``"L (Implement London)"``.

    Examples
    --------
    >>> import negotiation as ng
    >>> pd = ng.Game.symmetric([[3, 0], [5, 1]], strategies=("C", "D"), players=("US", "China"))
    >>> print(equilibria_table(pd, pd.equilibria(exact=True)))  # doctest: +ELLIPSIS
    <table class="negotiation"><caption>1 equilibrium</caption>...<td>D</td><td>D</td><td>1</td>...
    >>> named = equilibria_table(pd, pd.equilibria(exact=True), ({"D": "Defect"}, {}))
    >>> "<td>D (Defect)</td><td>D</td>" in named
    True
    """
    given = tuple(titles) if titles is not None else ()
    names = given + tuple({} for _ in game.players[len(given) :])
    header = [
        "#",
        *game.players,
        *(f"{player}'s payoff" for player in game.players),
        "kind",
    ]
    rows = [
        [
            str(k + 1),
            *(
                _mix(labels, probs, titles_p)
                for labels, probs, titles_p in zip(
                    game.strategies, eq.strategies, names, strict=True
                )
            ),
            *(fmt(u) for u in eq.payoffs),
            "pure" if eq.is_pure else "mixed",
        ]
        for k, eq in enumerate(equilibria)
    ]
    count = len(equilibria)
    caption = f"{count} equilibri{'um' if count == 1 else 'a'}"
    return html_table(header, rows, caption=caption)


class Dashboard:
    """A live view of a game: sliders, a table of equilibria and a picture.

    Made by :func:`explore`; display it in a notebook (it shows its
    :attr:`widget`) or drive it from code with :meth:`set`.

    Attributes
    ----------
    symbolic_game
        The game with its parameters free (for a trade-model scenario, the
        :class:`~negotiation.trade.TariffWar`, which checks every value).
    specs
        One :class:`SliderSpec` per parameter.
    sliders
        ``{name: ipywidgets.FloatSlider}``, in parameter order.
    plot_selector
        An ``ipywidgets.Dropdown`` choosing the picture (:attr:`plot_kinds`).
    table
        An ``ipywidgets.HTML`` holding the table of equilibria (or an error).
    image
        An ``ipywidgets.Image`` holding the picture as PNG.
    panel
        The slider panel, an ``ipywidgets.VBox``: for a scenario, a heading per
        party and issue and a row per slider (label, slider, unit).
    widget
        The whole dashboard, an ``ipywidgets.VBox``.
    game
        The game at the current slider values (exact numbers); for a
        continuous model a :class:`~negotiation.ContinuousGame`.
    equilibria
        Its equilibria (every extreme equilibrium, exactly); for a model with
        private information, its perfect Bayesian or Bayes–Nash equilibria;
        for a continuous game its Nash equilibria
        (:class:`~negotiation.ContinuousEquilibrium`).
    private
        Whether the model has private information (then the only picture is
        ``"none"`` and the table shows each type's play).
    continuous
        Whether the strategies are continuous (a ``ContinuousGame`` or a trade
        model): the table shows the Nash equilibria and the picture the
        reaction curves.
    rates
        For a continuous game, per player, whether its strategy is a rate
        (shown in percent).
    marks
        Labelled points on the reaction-curve picture (a scenario's rates
        that both sides share a label for, such as the April 2025 peak).
    title
        The heading of the dashboard.
    axes
        The matplotlib ``Axes`` of the latest picture (``None`` for ``"none"``).
    error
        The message of the last failure to solve or draw, or ``None``.
    updates
        How many times the game has been re-solved.
    """

    def __init__(
        self,
        game: Any,
        specs: tuple[SliderSpec, ...],
        *,
        plot: str,
        x: str | None = None,
        y: str | None = None,
        titles: Sequence[Mapping[str, str]] | None = None,
        title: str | None = None,
        rates: Sequence[bool] | None = None,
        marks: Mapping[str, tuple[float, float]] | None = None,
        payoff_unit: str = "",
    ) -> None:
        widgets = _ipywidgets()

        self.symbolic_game = game
        self.continuous = _continuous_like(game)
        self.private = not isinstance(game, Game) and not self.continuous
        self.specs = specs
        self.titles = tuple(titles) if titles is not None else tuple({} for _ in game.players)
        self.rates = (
            tuple(bool(r) for r in rates)
            if rates is not None
            else tuple(isinstance(game, TariffWar) for _ in game.players)
        )
        self.marks = dict(marks or {})
        self.payoff_unit = payoff_unit
        self.plot_kinds = self._available_plots(game)
        if plot == "auto":
            plot = next(
                k
                for k in ("best_responses", "game", "reaction_curves", "none")
                if k in self.plot_kinds
            )
        if plot not in PLOTS:
            raise InvalidGameError(
                f"unknown plot {plot!r}; choose one of " + ", ".join(repr(p) for p in PLOTS)
            )
        if plot not in self.plot_kinds:
            raise InvalidGameError(self._why_not(plot))
        names = [s.name for s in specs]
        if self.continuous and (x is not None or y is not None):
            raise InvalidGameError(
                "x and y choose the axes of the region map, a picture of finite games; a "
                "continuous game draws its reaction curves over the two strategies: drop x and y"
            )
        self.region_axes = None if self.continuous else self._region_axes(names, x, y)

        labelled = any(s.label for s in specs)
        self.sliders: dict[str, Any] = {}
        rows: list[Any] = []
        heading: tuple[str, str] | None = None
        for s in specs:
            slider = widgets.FloatSlider(
                value=s.value,
                min=s.low,
                max=s.high,
                step=s.step,
                description=s.label or s.name,
                description_allow_html=False,
                tooltip=s.description or s.name,
                continuous_update=False,
                readout_format=".4g",
                style={"description_width": LABEL_WIDTH if labelled else "initial"},
                layout=widgets.Layout(width="100%" if labelled else "95%"),
            )
            slider.observe(self._on_change, names="value")
            self.sliders[s.name] = slider
            if not labelled:
                rows.append(slider)
                continue
            if s.group and (s.group, s.issue) != heading:
                if heading is None or s.group != heading[0]:
                    rows.append(widgets.HTML(f"<b>{_escape(s.group)}</b>"))
                if s.issue:  # a formula scenario's parameter has a party but no issue
                    rows.append(
                        widgets.HTML(
                            f'<span style="padding-left:1em;font-style:italic">'
                            f"{_escape(s.issue)}</span>"
                        )
                    )
                heading = (s.group, s.issue)
            unit = widgets.HTML(
                f'<span title="{_escape(s.name)}">{_escape(s.unit)}</span>',
                layout=widgets.Layout(width="9em", flex="0 0 auto"),
            )
            rows.append(widgets.HBox([slider, unit], layout=widgets.Layout(width="95%")))
        self.panel = widgets.VBox(rows)
        self.plot_selector = widgets.Dropdown(
            options=[(PLOT_NAMES.get(k, k), k) for k in self.plot_kinds],
            value=plot,
            description="picture",
        )
        self.plot_selector.observe(self._on_change, names="value")
        self.table = widgets.HTML()
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="640px"))
        self.title = title or _title(game)
        banner = widgets.HTML(f"<b>{_escape(self.title)}</b>")
        controls = widgets.VBox([self.panel, self.plot_selector])
        self.widget = widgets.VBox([banner, controls, self.table, self.image])

        self.game: Any = game
        self.equilibria: list[Any] = []
        self.axes: Axes | None = None
        self.error: str | None = None
        self.updates = 0
        self._holding = False
        self.update()

    # ------------------------------------------------------------------ state
    @property
    def values(self) -> dict[str, float]:
        """The current slider values by parameter name."""
        return {name: float(s.value) for name, s in self.sliders.items()}

    @property
    def plot(self) -> str:
        """The picture shown (one of :attr:`plot_kinds`)."""
        return str(self.plot_selector.value)

    def set(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> Dashboard:
        """Move sliders (widening a range if a value lies outside it), then re-solve once.

        Examples
        --------
        >>> import sympy as sp, negotiation as ng
        >>> t = sp.Symbol("t")
        >>> dash = ng.explore(ng.Game([[t, 0], [0, 1]], [[1, 0], [0, 1]]), plot="none")
        >>> dash.set(t=-2).values
        {'t': -2.0}
        """
        merged = dict(values or {})
        merged.update(kwargs)
        updates: dict[str, float] = {}
        for key, value in merged.items():
            name = key.name if isinstance(key, sp.Symbol) else str(key)
            if name not in self.sliders:
                raise UnknownLabelError(
                    f"no slider {name!r}; the sliders are " + (", ".join(self.sliders) or "none")
                )
            updates[name] = _number(value, f"the value of {name}")
        self._holding = True
        try:
            for name, value in updates.items():
                slider = self.sliders[name]
                if value < slider.min:
                    slider.min = value
                if value > slider.max:
                    slider.max = value
                slider.value = value
        finally:
            self._holding = False
        self.update()
        return self

    def show(self, plot: str) -> Dashboard:
        """Switch the picture (one of :attr:`plot_kinds`) and redraw."""
        if plot not in self.plot_kinds:
            raise InvalidGameError(self._why_not(plot))
        self.plot_selector.value = plot
        return self

    # ------------------------------------------------------------------ work
    def _on_change(self, change: Mapping[str, Any]) -> None:
        if not self._holding:
            self.update()

    def update(self) -> None:
        """Substitute the slider values, re-solve, and redraw the table and the picture."""
        self.updates += 1
        self.error = None
        exact = {sp.Symbol(n): _exact(v) for n, v in self.values.items()}
        mapping = {p: exact[sp.Symbol(p.name)] for p in self.symbolic_game.parameters}
        try:
            self.game = self.symbolic_game.subs(mapping) if mapping else self.symbolic_game
            if isinstance(self.game, TariffWar):
                self.game = self.game.game()
            if self.continuous:
                self.equilibria = self.game.equilibria()
                table = continuous_table(
                    self.game,
                    self.equilibria,
                    rates=self.rates,
                    payoff_unit=self.payoff_unit,
                    payoff_word="welfare"
                    if isinstance(self.symbolic_game, TariffWar)
                    else "payoff",
                )
            elif self.private:
                self.equilibria = private_equilibria(self.game)
                table = private_table(self.game, self.equilibria)
            else:
                self.equilibria = self.game.equilibria(exact=True)
                table = equilibria_table(self.game, self.equilibria, self.titles)
        except NegotiationError as err:
            self.equilibria = []
            self.error = str(err)
            table = f'<p style="color:#D55E00">Could not solve: {_escape(str(err))}</p>'
        values = ", ".join(self._value_text(n.name, v) for n, v in exact.items())
        shown = f'<p style="color:#555;font-size:smaller">{values}</p>'
        self.table.value = (shown if values else "") + table
        self._draw()

    def _value_text(self, name: str, value: sp.Rational) -> str:
        """One slider's value as HTML: its short label, the name on hover, rates in percent."""
        spec = next((s for s in self.specs if s.name == name), None)
        label = (spec.label if spec is not None else "") or name
        number = _percent(value) if spec is not None and is_rate(spec.unit) else fmt(value)
        return f'<span title="{_escape(name)}">{_escape(label)} = {_escape(number)}</span>'

    def _draw(self) -> None:
        kind = self.plot
        if kind == "none":
            self.axes = None
            self.image.value = b""
            return
        from negotiation.plotting import plot_best_responses, plot_game, plot_regions
        from negotiation.plotting.style import new_axes

        ax = new_axes(None)
        try:
            if kind == "game":
                plot_game(self.game, ax=ax)
            elif kind == "best_responses":
                plot_best_responses(self.game, ax=ax)
            elif kind == "reaction_curves":
                self._draw_reaction_curves(ax)
            else:
                assert self.region_axes is not None, "region plots need two parameters"
                (xn, yn) = self.region_axes
                sx, sy = self.sliders[xn], self.sliders[yn]
                fixed = {n: _exact(v) for n, v in self.values.items() if n not in (xn, yn)}
                plot_regions(
                    self.symbolic_game,
                    x=(xn, sx.min, sx.max),
                    y=(yn, sy.min, sy.max),
                    fixed=fixed,
                    mark=self.values,
                    mark_label="current values",
                    resolution=REGION_RESOLUTION,
                    ax=ax,
                )
        except NegotiationError as err:
            self.error = str(err)
            ax.clear()
            ax.set_axis_off()
            ax.text(0.5, 0.5, str(err), ha="center", va="center", wrap=True)
        buffer = io.BytesIO()
        ax.figure.savefig(buffer, format="png", dpi=90)  # type: ignore[union-attr]  # a Figure
        self.axes = ax
        self.image.value = buffer.getvalue()

    def _draw_reaction_curves(self, ax: Axes) -> None:
        from matplotlib.ticker import PercentFormatter

        from negotiation.plotting.continuous import plot_reaction_curves

        if self.error is not None:  # the solve failed: say why rather than draw stale curves
            raise InvalidGameError(self.error)  # shown, not raised
        if not isinstance(self.game, ContinuousGame):
            raise InvalidGameError("no game to draw at these values")  # shown, not raised
        # the equilibria just solved for, and the other points read off the drawn grid:
        # a redraw on a slider move solves nothing symbolically again
        plot_reaction_curves(
            self.game,
            ax=ax,
            marks=self.marks,
            equilibria=self.equilibria,
            stackelberg="grid",
            cooperative="grid",
        )
        axes = (ax.xaxis, ax.yaxis)
        for axis, player, rate in zip(axes, self.game.players, self.rates, strict=True):
            if rate:
                axis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
                axis.set_label_text(f"{player}'s tariff")

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _available_plots(game: Any) -> tuple[str, ...]:
        if _continuous_like(game):
            return ("reaction_curves", "none") if len(game.players) == 2 else ("none",)
        if not isinstance(game, Game):
            return ("none",)  # the table shows each type's play; the pictures are for bimatrices
        if game.n_players != 2:
            return ("none",)  # the pictures draw bimatrix games; the table shows N players
        kinds = ["game"]
        if game.shape == (2, 2):
            kinds.append("best_responses")
        if len(game.parameters) >= 2:
            kinds.append("regions")
        kinds.append("none")
        return tuple(kinds)

    def _why_not(self, plot: str) -> str:
        if self.continuous and plot in FINITE_PLOTS:
            return (
                f"the {PLOT_NAMES[plot]} picture is for finite games; a game with continuous "
                "strategies draws its reaction curves: use plot='reaction_curves'"
                + ("" if "reaction_curves" in self.plot_kinds else " (two players) or 'none'")
            )
        if self.continuous and plot == "reaction_curves":
            return (
                "reaction curves are drawn for two players; this game has "
                f"{len(self.symbolic_game.players)}: use plot='none'"
            )
        if plot == "reaction_curves":
            return (
                "the reaction-curve picture is for games with continuous strategies "
                "(ng.ContinuousGame, or a scenario such as ng.load('tariff_war_2025')); "
                + (
                    "a model with private information shows its equilibria in the table: "
                    "use plot='none'"
                    if self.private
                    else "this game is finite: use plot='game'"
                )
            )
        if self.private and plot in PLOTS:
            return (
                f"the {PLOT_NAMES[plot]} picture is for normal-form games; a model with private "
                "information shows its equilibria type by type in the table: use plot='none'"
            )
        if plot == "best_responses":
            return (
                f"the best-response picture is for 2x2 games; this game is "
                f"{self.symbolic_game.shape[0]}x{self.symbolic_game.shape[1]}: use plot='game'"
            )
        if plot == "regions":
            return (
                "the region map needs two parameters to put on its axes; this game has "
                f"{len(self.symbolic_game.parameters)}: use plot='game'"
            )
        return f"unknown plot {plot!r}; choose one of " + ", ".join(repr(p) for p in PLOTS)

    def _region_axes(
        self, names: list[str], x: str | None, y: str | None
    ) -> tuple[str, str] | None:
        for given in (x, y):
            if given is not None and given not in names:
                raise UnknownLabelError(
                    f"{given!r} is not a parameter; the parameters are "
                    + (", ".join(names) or "none")
                )
        if len(names) < 2:
            return None
        xn = x or next(n for n in names if n != y)
        yn = y or next(n for n in names if n != xn)
        if xn == yn:
            raise InvalidGameError(f"x and y are both {xn!r}; choose two different parameters")
        return (xn, yn)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        values = ", ".join(f"{n}={fmt(v)}" for n, v in self.values.items())
        return (
            f"Dashboard({self.title}; "
            f"{values or 'no parameters'}; {len(self.equilibria)} equilibria; plot={self.plot!r})"
        )


def _level_marks(scenario: ContinuousScenario) -> dict[str, tuple[float, float]]:
    """The points where both players have a level of the same label (e.g. the April peak)."""
    if len(scenario.players) != 2:
        return {}
    first, second = (scenario.levels_of(p) for p in scenario.players)
    out = {}
    for a in first:
        for b in second:
            if a.label and a.label == b.label:
                out[f"{a.label} ({_percent(a.value)}, {_percent(b.value)})"] = (
                    float(a.value),
                    float(b.value),
                )
    return out


def _continuous_view(model: Any, game: Any) -> dict[str, Any]:
    """How a dashboard shows a continuous model: title, rates in percent, marks, payoff unit."""
    if isinstance(model, ContinuousScenario):
        rates = tuple(is_rate(s.unit) for s in model.strategies)
        marks = _level_marks(model) if all(rates) else {}
        return {
            "title": model.title or model.name,
            "rates": rates,
            "marks": marks,
            "payoff_unit": model.payoff_unit,
        }
    if isinstance(game, TariffWar):
        return {
            "title": game.name or "Tariff war (linear import demand and export supply)",
            "rates": (True, True),
            "payoff_unit": "$bn a year relative to free trade",
        }
    return {"title": getattr(game, "name", None)}


def _title(model: Any) -> str:
    name = getattr(model, "name", None)
    if name:
        return str(name)
    if hasattr(model, "perfect_bayesian_equilibria") and not hasattr(model, "messages"):
        return "Crisis bargaining: " + " vs ".join(model.players)
    return " vs ".join(model.players)


def private_equilibria(model: Any) -> list[Any]:
    """The equilibria of a model with private information, type by type.

    Perfect Bayesian equilibria for a signalling or crisis model; Bayes–Nash
    equilibria (exact) for a Bayesian game.
    """
    if callable(getattr(model, "perfect_bayesian_equilibria", None)):
        return list(model.perfect_bayesian_equilibria())
    return list(model.equilibria(exact=True))


def private_table(model: Any, equilibria: Sequence[Any]) -> str:
    """An HTML table of each equilibrium's play by type (one row per equilibrium).

    For a crisis model, a line above says whether a threat deters for sure.

    Examples
    --------
    >>> import sympy as sp, negotiation as ng
    >>> crisis = ng.october_2025(prior=sp.Rational(1, 10), audience_cost=1)
    >>> html = private_table(crisis, crisis.perfect_bayesian_equilibria())
    >>> "semi-separating" in html, "does not deter for sure" in html
    (True, True)
    """
    from negotiation.display import table_html
    from negotiation.display.tables import ResultList

    if not equilibria:
        return "<p>No equilibrium of the kinds listed here at these values.</p>"
    out = ""
    deterrence = getattr(model, "deterrence_condition", None)
    if callable(deterrence):
        holds = deterrence()
        verdict = "deters for sure" if holds is sp.true else "does not deter for sure"
        if holds not in (sp.true, sp.false):
            verdict = f"deters for sure where {holds}"
        out += f"<p>Here a threat {_escape(verdict)}.</p>"
    kind = type(equilibria[0]).__name__
    label = {
        "PerfectBayesianEquilibrium": "perfect Bayesian equilibri",
        "BayesNashEquilibrium": "Bayes–Nash equilibri",
    }.get(kind, "equilibri")
    count = len(equilibria)
    out += f"<p>{count} {label}{'um' if count == 1 else 'a'}:</p>"
    return out + table_html(ResultList(equilibria))


def is_rate(unit: str) -> bool:
    """Whether a strategy's unit is a rate (``"ad valorem"``): shown in percent.

    Examples
    --------
    >>> is_rate("ad valorem"), is_rate("Rate"), is_rate("$bn")
    (True, True, False)
    """
    return unit.strip().lower() in RATE_UNITS


def _percent(value: Any) -> str:
    """A rate in percent, to one decimal place at most: ``0.3107`` is ``"31.1%"``."""
    return f"{100 * float(value):.1f}".rstrip("0").rstrip(".").replace("-0", "0") + "%"


def _short_number(value: Any) -> str:
    """A short exact number (``22/3``) where there is one, else four significant digits."""
    if isinstance(value, sp.Rational) and len(str(value)) <= 9:
        return str(value)
    try:
        return f"{float(value):.4g}"
    except (TypeError, ValueError):
        return fmt(value)


POSITIONS = {"low": "lower bound", "high": "upper bound"}


def continuous_table(
    game: ContinuousGame,
    equilibria: Sequence[ContinuousEquilibrium],
    *,
    rates: Sequence[bool] | None = None,
    payoff_unit: str = "",
    payoff_word: str = "payoff",
) -> str:
    """An HTML table of a continuous game's Nash equilibria: strategies, payoffs, how found.

    ``rates`` says, per player, whether its strategy is a rate (shown in
    percent). A strategy at a bound of its set says so. Under the table: the
    payoffs' unit and how the equilibria were found and checked.

    Examples
    --------
    >>> import negotiation as ng
    >>> war = ng.load("tariff_war_2025").game()
    >>> html = continuous_table(war, war.equilibria(), rates=(True, True))
    >>> "<td>31.1%</td><td>60.3%</td>" in html, "<td>closed form</td>" in html
    (True, True)
    """
    rates = tuple(rates) if rates is not None else tuple(False for _ in game.players)
    header = [
        "#",
        *(
            f"{p}'s tariff" if rate else f"{p} ({s})"
            for p, s, rate in zip(game.players, game.symbols, rates, strict=True)
        ),
        *(f"{p}'s {payoff_word}" for p in game.players),
        "found by",
    ]
    rows = []
    for k, eq in enumerate(equilibria):
        status = eq.status or tuple("interior" for _ in game.players)
        cells = []
        for value, rate, where in zip(eq.strategies, rates, status, strict=True):
            text = _percent(value) if rate else _short_number(value)
            if where in POSITIONS:
                text += f" ({POSITIONS[where]})"
            cells.append(text)
        found = "closed form" if eq.method == "closed_form" else "numeric search"
        rows.append([str(k + 1), *cells, *(_short_number(u) for u in eq.payoffs), found])
    count = len(equilibria)
    caption = f"{count} Nash equilibri{'um' if count == 1 else 'a'}"
    out = (
        html_table(header, rows, caption=caption)
        if equilibria
        else ("<p>No Nash equilibrium found at these values.</p>")
    )
    notes = []
    if payoff_unit:
        word = "Welfare" if payoff_word == "welfare" else payoff_word.capitalize() + "s"
        notes.append(f"{word} in {payoff_unit}.")
    for eq in equilibria:
        note = eq.note[:1].upper() + eq.note[1:] + "." if eq.note else ""
        if note and note not in notes:
            notes.append(note)
    out += "".join(f'<p style="color:#555;font-size:smaller">{_escape(n)}</p>' for n in notes)
    return f'<div class="tex2jax_ignore mathjax_ignore">{out}</div>'


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def _ipywidgets() -> Any:
    try:
        import ipywidgets
    except ModuleNotFoundError as err:
        raise MissingExtraError(
            "the dashboard needs ipywidgets, which is not installed; install the notebooks "
            'extra: pip install "negotiation[notebooks]"'
        ) from err
    return ipywidgets


def explore(
    model: Any,
    *,
    plot: str = "auto",
    values: Mapping[Any, Any] | None = None,
    ranges: Mapping[Any, tuple[Any, Any]] | None = None,
    x: str | None = None,
    y: str | None = None,
    params: Sequence[Any] | None = None,
) -> Dashboard:
    """An interactive dashboard: a slider per parameter, the equilibria, and a picture.

    Parameters
    ----------
    model
        A :class:`negotiation.Game` (usually with free parameters) or a
        scenario such as ``ng.load("london_framework")``, whose parameters'
        defaults and ``low``/``high`` metadata set the sliders; or a model
        with private information (a :class:`negotiation.BayesianGame`, a
        :class:`negotiation.SignallingGame`, ``ng.october_2025()`` or any
        crisis model, a scenario with types such as
        ``ng.load("october_2025")``), whose table then shows the Bayes–Nash
        or perfect Bayesian equilibria type by type; or a game with
        continuous strategies (a :class:`negotiation.ContinuousGame`, a
        :class:`negotiation.trade.TariffWar`, a scenario such as
        ``ng.load("tariff_war_2025")``), whose table shows the Nash
        equilibria (rates in percent, each payoff, closed form or numeric).
    plot
        The picture: ``"game"`` (payoff table), ``"best_responses"`` (2x2
        games), ``"regions"`` (which pure equilibria hold where, over the
        parameters ``x`` and ``y``), ``"reaction_curves"`` (two-player
        continuous games), ``"none"``, or ``"auto"`` (best responses for a 2x2
        game, the reaction curves for a continuous game, else the payoff
        table). A dropdown switches it later.
    values
        Starting values by parameter name or symbol.
    ranges
        ``{name: (low, high)}`` slider ranges, overriding the scenario's.
    x, y
        The parameters on the axes of the region map (default: the first two;
        for a scenario, two that decide its equilibria at the defaults).
    params
        Show sliders for these parameters only (names or symbols), in the
        panel's order; the others stay at their starting values.

    Returns
    -------
    Dashboard
        Displays as the widget in a notebook; its :attr:`~Dashboard.sliders`,
        :attr:`~Dashboard.table`, :attr:`~Dashboard.image` and
        :attr:`~Dashboard.equilibria` are there to be read and driven.

    Raises
    ------
    InvalidGameError
        For a model explore() cannot show (the message lists what it takes),
        an unknown or unavailable picture (a finite picture for a continuous
        game, or the reverse), ``x``/``y`` for a continuous game, or an empty
        range.
    UnknownLabelError
        If ``values``, ``ranges``, ``x`` or ``y`` name an unknown parameter.

    Examples
    --------
    Chicken with a stylised cost ``C`` of mutual escalation (W = 2, L = 3):
    raising ``C`` lowers the probability of escalating.

    >>> import sympy as sp
    >>> import negotiation as ng
    >>> C = sp.Symbol("C", positive=True)
    >>> chicken = ng.Game.symmetric([[0, -3], [2, -C]], strategies=("Swerve", "Escalate"))
    >>> dash = ng.explore(chicken, values={"C": 10}, ranges={"C": (4, 40)})
    >>> dash.plot, [eq.row[1] for eq in dash.equilibria if not eq.is_pure]
    ('best_responses', [2/9])
    >>> [eq.row[1] for eq in dash.set(C=20).equilibria if not eq.is_pure]
    [2/19]

    A model with private information gets sliders over its prior (on
    ``[0, 1]``) and its costs, and its table shows what each type does in
    each equilibrium: here the October 2025 threat, resolve ``p`` against
    the audience cost ``a``.

    >>> dash = ng.explore(ng.october_2025())
    >>> dash.values, [eq.kind for eq in dash.equilibria]
    ({'a': 1.0, 'p': 0.1}, ['semi-separating'])
    >>> [eq.kind for eq in dash.set(p=0.3).equilibria]
    ['pooling']

    A scenario's sliders are labelled, with units, under their party and
    issue; ``params`` keeps only some of them:

    >>> dash = ng.explore(ng.load("busan_truce"), params=["crash"])
    >>> list(dash.sliders), dash.sliders["crash"].description
    (['crash'], 'C: cost of the collision')
    >>> dash.specs[0].group, dash.specs[0].unit
    ('Both sides', 'stylised units')

    The tariff war of 2025 with continuous tariffs: the Nash tariffs, and how a
    more elastic Chinese export supply lowers the US tariff (Johnson's rule).

    >>> war = ng.explore(ng.load("tariff_war_2025"))
    >>> war.plot, [f"{float(t):.1%}" for t in war.equilibria[0].strategies]
    ('reaction_curves', ['31.1%', '60.3%'])
    >>> [f"{float(t):.1%}" for t in war.set(epsilon_China=6).equilibria[0].strategies]
    ['17.3%', '60.3%']
    """
    game, specs = slider_specs(model, values=values, ranges=ranges, params=params)
    if _continuous_like(game):
        return Dashboard(game, specs, plot=plot, x=x, y=y, **_continuous_view(model, game))
    titles = None
    if _scenario_like(model) and isinstance(game, Game):
        by_player = getattr(model, "strategies", {})
        titles = tuple(
            {s.name: s.title for s in by_player.get(player, ()) if getattr(s, "title", "")}
            for player in game.players
        )
        if (x is None or y is None) and len(game.parameters) >= 2:
            from negotiation.plotting.regions import default_axes

            shown = {s.name for s in specs}
            choice = [n for n in default_axes(model, game) if n not in (x, y) and n in shown]
            choice += [s.name for s in specs if s.name not in (x, y, *choice)]
            x = x if x is not None else choice.pop(0)
            y = y if y is not None else choice.pop(0)
    return Dashboard(game, specs, plot=plot, x=x, y=y, titles=titles)
