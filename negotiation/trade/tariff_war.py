"""A two-country tariff war with linear import demand and export supply, calibrated to 2024 trade.

Each country imports one good from the other (the US imports from China in
market 1, China imports from the US in market 2) and sets an ad valorem
tariff on it. In a market with importer ``i``, baseline imports ``Q`` (in $bn
at world prices), baseline tariff ``t0``, import-demand elasticity ``eta`` and
export-supply elasticity ``epsilon`` (both at the baseline), quantities are
measured so that the baseline world price is 1 and

* import demand ``M(p) = Q (1 + eta - eta p / (1 + t0))`` at the domestic price ``p``;
* export supply ``X(pi) = Q (1 - epsilon + epsilon pi)`` at the world price ``pi``;
* with the tariff ``t``, ``p = (1 + t) pi`` and ``M = X`` give
  ``pi(t) = (eta + epsilon)(1 + t0) / (epsilon (1 + t0) + eta (1 + t))``.

At ``t = t0`` the market clears at ``pi = 1`` with imports ``Q``: the model
reproduces the 2024 flows at the baseline tariffs. The importer's surplus
(consumers' plus import-competing producers', the area under import demand)
is ``S = (1 + t0) M**2 / (2 Q eta)``, its tariff revenue ``R = t pi M``, and
the exporter's surplus ``P = Q ((1 - epsilon) pi + epsilon pi**2 / 2)``.
A country's welfare, in $bn a year **relative to free trade**, is its
importer surplus and revenue in the market it taxes plus its exporter surplus
in the other, each minus its free-trade value.

The world price falls with the importer's tariff, so part of the tariff is
paid by foreign exporters (the terms-of-trade motive): each government's best
tariff satisfies Johnson's ``t = 1/epsilon*`` at the local export-supply
elasticity. Because the two markets are separate, a country's best tariff
does not depend on the other's (flat reaction curves): the Nash tariffs are
each side's optimal tariff, and the Stackelberg tariffs equal them. Optional
political weights add Grossman and Helpman's motive: the government also
values the import-competing industry's income, ``lambda z Q (p - p_free)``.

A tariff at or above the prohibitive level (where export supply reaches zero,
``1 + t = (1 + t0) epsilon (1 + eta) / (eta (epsilon - 1))`` when
``epsilon > 1``) stops the trade; :meth:`TariffWar.welfare` reads higher
tariffs as prohibitive, and the strategy sets of :meth:`TariffWar.game` end there.

References
----------
H. G. Johnson (1953-54), *Review of Economic Studies* 21(2): 142-153;
K. Bagwell and R. W. Staiger (2002), *The Economics of the World Trading
System*, chapter 2 (partial-equilibrium tariff wars); G. M. Grossman and
E. Helpman (1995), *Journal of Political Economy* 103(4): 675-708;
P. D. Fajgelbaum, P. K. Goldberg, P. J. Kennedy and A. K. Khandelwal (2020),
"The return to protectionism", *Quarterly Journal of Economics* 135(1): 1-55;
R. Ossa (2014), "Trade wars and trade talks with data", *American Economic
Review* 104(12): 4104-4146.

Examples
--------
>>> from negotiation.trade import TariffWar
>>> war = TariffWar()
>>> [round(float(t), 3) for t in war.nash().strategies]
[0.311, 0.603]
>>> [round(float(v), 1) for v in war.imports_at(0.208, 0.20)]   # the 2024 flows, $bn
[438.9, 143.5]
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import sympy as sp

from negotiation.errors import InvalidGameError, TradeModelError
from negotiation.games.continuous import ContinuousEquilibrium, ContinuousGame, ContinuousOutcome
from negotiation.symbolic import as_number, free_parameters, normalise_substitution, to_fraction
from negotiation.trade.calibration import TARIFF_RATES_2025, US_CHINA_2024
from negotiation.trade.optimal import as_elasticity

if TYPE_CHECKING:
    from negotiation.games.normal_form import Game

__all__ = ["Market", "TariffWar", "WelfareTable", "market"]

_C = US_CHINA_2024


@dataclass(frozen=True)
class Market:
    """One import market's closed forms as functions of the importer's tariff ``t``.

    Attributes
    ----------
    world_price, domestic_price, imports
        ``pi(t)``, ``p(t) = (1 + t) pi(t)`` and the quantity ``M(t)``.
    importer_surplus, revenue, exporter_surplus
        ``S``, ``R`` and ``P`` (see the module docstring), in $bn.
    prohibitive
        The tariff that stops the trade (``oo`` when ``epsilon <= 1``).
    """

    t: sp.Symbol
    world_price: sp.Expr
    domestic_price: sp.Expr
    imports: sp.Expr
    importer_surplus: sp.Expr
    revenue: sp.Expr
    exporter_surplus: sp.Expr
    prohibitive: sp.Expr


def market(t: sp.Symbol, Q: Any, t0: Any, eta: Any, epsilon: Any) -> Market:
    """The closed forms of a linear import market calibrated to ``Q`` imports at tariff ``t0``.

    Examples
    --------
    >>> t = sp.Symbol("t")
    >>> m = market(t, 100, 0, 2, 1)
    >>> m.world_price.subs(t, 0), m.imports.subs(t, 0), m.prohibitive
    (1, 100, oo)
    """
    pi = (eta + epsilon) * (1 + t0) / (epsilon * (1 + t0) + eta * (1 + t))
    M = Q * (1 - epsilon + epsilon * pi)
    if sp.sympify(epsilon).is_number:
        pro = (
            (1 + t0) * epsilon * (1 + eta) / (eta * (epsilon - 1)) - 1
            if sp.sympify(epsilon) > 1
            else sp.oo
        )
    else:
        pro = sp.Piecewise(
            ((1 + t0) * epsilon * (1 + eta) / (eta * (epsilon - 1)) - 1, sp.Gt(epsilon, 1)),
            (sp.oo, True),
        )
    return Market(
        t=t,
        world_price=pi,
        domestic_price=(1 + t) * pi,
        imports=M,
        importer_surplus=(1 + t0) * M**2 / (2 * Q * eta),
        revenue=t * pi * M,
        exporter_surplus=Q * ((1 - epsilon) * pi + epsilon * pi**2 / 2),
        prohibitive=pro,
    )


def _exact(value: sp.Expr) -> sp.Expr:
    """Floats read as the decimals they print as (0.208 -> 26/125), so closed forms stay exact."""
    floats = value.atoms(sp.Float)
    if not floats:
        return value
    return value.xreplace({f: sp.Rational(to_fraction(f)) for f in floats})


def _pair(value: Any, what: str, example: str) -> tuple[sp.Expr, sp.Expr]:
    if isinstance(value, str) or not isinstance(value, Sequence) or len(value) != 2:
        raise TradeModelError(f"{what} must be a pair (US, China), e.g. {example}; got {value!r}")
    out = []
    for v in value:
        if isinstance(v, str):
            raise TradeModelError(f"{what} holds the string {v!r}; give numbers, e.g. {example}")
        try:
            out.append(_exact(as_number(v, what)))
        except InvalidGameError as err:
            raise TradeModelError(f"{err}; give numbers, e.g. {example}") from None
    return (out[0], out[1])


def _tariff(value: Any, what: str) -> sp.Expr:
    if isinstance(value, str):
        raise TradeModelError(
            f"{what} is the string {value!r}; give the rate as a number, e.g. 0.55 for 55%"
        )
    try:
        t = _exact(as_number(value, what))
    except InvalidGameError as err:
        raise TradeModelError(f"{err}; give the rate as a number, e.g. 0.55 for 55%") from None
    if t.is_number and t <= -1:
        raise TradeModelError(
            f"{what} is {t}, at or below -100%, where the domestic price would not be positive; "
            "give a rate above -1 (0.55 is 55%)"
        )
    return t


@dataclass(frozen=True)
class WelfareTable:
    """Each country's welfare (in $bn a year, relative to free trade) at named tariff pairs.

    Attributes
    ----------
    players
        The two countries.
    rows
        ``(label, t_1, t_2, W_1, W_2)`` per tariff pair, the tariffs as fractions.
    """

    players: tuple[str, str]
    rows: tuple[tuple[str, float, float, float, float], ...]

    def __getitem__(self, label: str) -> tuple[float, float]:
        for row in self.rows:
            if row[0] == label:
                return (row[3], row[4])
        raise KeyError(f"no row {label!r}; the rows are " + ", ".join(r[0] for r in self.rows))

    @property
    def labels(self) -> tuple[str, ...]:
        """The row labels."""
        return tuple(r[0] for r in self.rows)

    def _cells(self) -> tuple[list[str], list[list[str]]]:
        a, b = self.players
        header = ["tariffs", f"t {a}", f"t {b}", f"W {a} ($bn)", f"W {b} ($bn)"]
        body = [
            [label, f"{100 * t1:.1f}%", f"{100 * t2:.1f}%", f"{w1:+.1f}", f"{w2:+.1f}"]
            for label, t1, t2, w1, w2 in self.rows
        ]
        return header, body

    def __str__(self) -> str:
        header, body = self._cells()
        widths = [max(len(r[k]) for r in [header, *body]) for k in range(len(header))]
        lines = [
            "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
            for r in [header, *body]
        ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        header, body = self._cells()
        head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in body
        )
        return f"<table><tr>{head}</tr>{rows}</table>"

    def to_pandas(self) -> Any:
        """The table as a ``pandas.DataFrame`` indexed by label (needs pandas)."""
        import pandas as pd

        a, b = self.players
        return pd.DataFrame(
            [r[1:] for r in self.rows],
            index=pd.Index(self.labels, name="tariffs"),
            columns=[f"t_{a}", f"t_{b}", f"W_{a}", f"W_{b}"],
        )

    def to_latex(self) -> str:
        """The table as a booktabs LaTeX ``tabular`` (tariffs as fractions, welfare in $bn)."""
        from negotiation.display.tables import latex_table

        return latex_table(self)


@dataclass(frozen=True)
class TariffWar:
    """Two governments choosing ad valorem tariffs to maximise national welfare.

    Every pair is ``(US, China)`` (or ``players``). The defaults are the 2024
    calibration in :data:`~negotiation.trade.US_CHINA_2024`: sourced trade
    flows and US baseline tariff, stylised elasticities and Chinese baseline
    tariff. Any value may be a sympy symbol, for closed forms in it.

    Parameters
    ----------
    imports
        Each country's baseline imports from the other, $bn at world prices.
    baseline_tariffs
        The tariffs at which those flows were observed.
    import_demand_elasticities
        Each country's import-demand elasticity at the baseline (> 0).
    export_supply_elasticities
        Each country's export-supply elasticity at the baseline (> 0): the
        US value governs China's optimal tariff and vice versa.
    political_weights
        Grossman and Helpman's ``(I - alpha_L)/(a + alpha_L)`` for each
        country's import-competing industry (0: a welfare-maximising government).
    output_ratios
        That industry's output over imports at the baseline (stylised).
    players
        The two countries' names.
    max_tariff
        The highest tariff considered when trade never stops (default 5: 500%).
    min_tariff
        The lowest (default 0: no import subsidies; above -1).

    Raises
    ------
    TradeModelError
        For elasticities or flows at or below zero, tariffs at or below
        -100%, and values that are not numbers.

    Examples
    --------
    >>> war = TariffWar()
    >>> table = war.welfare_table()
    >>> [round(w, 1) for w in table["April peak"]]
    [-191.3, -95.2]
    """

    imports: tuple[Any, Any] = (
        _C["us_imports_from_china"].value,
        _C["us_exports_to_china"].value,
    )
    baseline_tariffs: tuple[Any, Any] = (
        _C["us_baseline_tariff"].value,
        _C["china_baseline_tariff"].value,
    )
    import_demand_elasticities: tuple[Any, Any] = (
        _C["us_import_demand_elasticity"].value,
        _C["china_import_demand_elasticity"].value,
    )
    export_supply_elasticities: tuple[Any, Any] = (
        _C["us_export_supply_elasticity"].value,
        _C["china_export_supply_elasticity"].value,
    )
    political_weights: tuple[Any, Any] = (0, 0)
    output_ratios: tuple[Any, Any] = (1, 1)
    players: tuple[str, str] = ("US", "China")
    max_tariff: Any = 5
    min_tariff: Any = 0
    name: str | None = field(default=None)

    def __post_init__(self) -> None:
        imports = _pair(self.imports, "imports", "(438.9, 143.5)")
        for v, p in zip(imports, self.players, strict=True):
            if v.is_number and not v.is_positive:
                raise TradeModelError(f"{p}'s imports must be positive ($bn); got {v}")
        base = tuple(
            _tariff(v, "a baseline tariff")
            for v in _pair(self.baseline_tariffs, "baseline_tariffs", "(0.208, 0.20)")
        )
        eta = tuple(
            as_elasticity(v, f"{p}'s import-demand elasticity")
            for v, p in zip(
                _pair(self.import_demand_elasticities, "import_demand_elasticities", "(2.0, 2.0)"),
                self.players,
                strict=True,
            )
        )
        eps = tuple(
            as_elasticity(v, f"{p}'s export-supply elasticity")
            for v, p in zip(
                _pair(self.export_supply_elasticities, "export_supply_elasticities", "(1.5, 3.0)"),
                self.players,
                strict=True,
            )
        )
        weights = _pair(self.political_weights, "political_weights", "(0.02, 0.02)")
        ratios = _pair(self.output_ratios, "output_ratios", "(1, 1)")
        for v in ratios:
            if v.is_number and v.is_negative:
                raise TradeModelError(
                    f"output ratios (output over imports) cannot be negative; got {v}"
                )
        if isinstance(self.players, str) or len(self.players) != 2 or len(set(self.players)) != 2:
            raise TradeModelError(f"players must be two distinct names; got {self.players!r}")
        low = _tariff(self.min_tariff, "min_tariff")
        high = _tariff(self.max_tariff, "max_tariff")
        if (high - low).is_number and not (high - low).is_positive:
            raise TradeModelError(f"max_tariff ({high}) must exceed min_tariff ({low})")
        for b in base:
            if b.is_number and low.is_number and high.is_number and not (low <= b <= high):
                raise TradeModelError(
                    f"the baseline tariff {b} lies outside [min_tariff, max_tariff] = [{low}, {high}]"
                )
        object.__setattr__(self, "imports", imports)
        object.__setattr__(self, "baseline_tariffs", base)
        object.__setattr__(self, "import_demand_elasticities", eta)
        object.__setattr__(self, "export_supply_elasticities", eps)
        object.__setattr__(self, "political_weights", weights)
        object.__setattr__(self, "output_ratios", ratios)
        object.__setattr__(self, "players", tuple(self.players))
        object.__setattr__(self, "min_tariff", low)
        object.__setattr__(self, "max_tariff", high)

    # ------------------------------------------------------------------ construction
    @classmethod
    def symbolic(cls, **kwargs: Any) -> TariffWar:
        """The model with the four elasticities as positive symbols (``eta_US``, ``epsilon_China``, ...).

        Examples
        --------
        >>> TariffWar.symbolic().parameters
        (epsilon_China, epsilon_US, eta_China, eta_US)
        """
        players = kwargs.get("players", ("US", "China"))
        kwargs.setdefault(
            "import_demand_elasticities",
            tuple(sp.Symbol(f"eta_{p}", positive=True) for p in players),
        )
        kwargs.setdefault(
            "export_supply_elasticities",
            tuple(sp.Symbol(f"epsilon_{p}", positive=True) for p in players),
        )
        return cls(**kwargs)

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """The free symbols of the model, ordered by name."""
        return free_parameters(
            *self.imports,
            *self.baseline_tariffs,
            *self.import_demand_elasticities,
            *self.export_supply_elasticities,
            *self.political_weights,
            *self.output_ratios,
            self.max_tariff,
            self.min_tariff,
        )

    def subs(self, values: Mapping[Any, Any] | None = None, /, **kwargs: Any) -> TariffWar:
        """A new model with some or all parameters replaced by values.

        Examples
        --------
        >>> war = TariffWar.symbolic().subs(eta_US=2, eta_China=2, epsilon_US=1.5, epsilon_China=3)
        >>> war.parameters
        ()
        """
        mapping = normalise_substitution(self.parameters, values, kwargs)

        def sub(pair: tuple[sp.Expr, sp.Expr]) -> tuple[sp.Expr, sp.Expr]:
            return (sp.sympify(pair[0]).xreplace(mapping), sp.sympify(pair[1]).xreplace(mapping))

        return replace(
            self,
            imports=sub(self.imports),
            baseline_tariffs=sub(self.baseline_tariffs),
            import_demand_elasticities=sub(self.import_demand_elasticities),
            export_supply_elasticities=sub(self.export_supply_elasticities),
            political_weights=sub(self.political_weights),
            output_ratios=sub(self.output_ratios),
            max_tariff=sp.sympify(self.max_tariff).xreplace(mapping),
            min_tariff=sp.sympify(self.min_tariff).xreplace(mapping),
        )

    # ------------------------------------------------------------------ the model
    @property
    def tariff_symbols(self) -> tuple[sp.Symbol, sp.Symbol]:
        """The strategy symbols ``t_US``, ``t_China``."""
        return (sp.Symbol(f"t_{self.players[0]}"), sp.Symbol(f"t_{self.players[1]}"))

    def markets(self) -> tuple[Market, Market]:
        """The two import markets: the first country's imports, then the second's."""
        t = self.tariff_symbols
        return tuple(  # type: ignore[return-value]
            market(
                t[i],
                self.imports[i],
                self.baseline_tariffs[i],
                self.import_demand_elasticities[i],
                self.export_supply_elasticities[1 - i],
            )
            for i in range(2)
        )

    def prohibitive_tariffs(self) -> tuple[sp.Expr, sp.Expr]:
        """The tariff at which each country's imports stop (``oo`` if they never do).

        Examples
        --------
        >>> [round(float(t), 3) for t in TariffWar().prohibitive_tariffs()]
        [1.718, 4.4]
        """
        return tuple(m.prohibitive for m in self.markets())  # type: ignore[return-value]

    def objectives(self) -> tuple[sp.Expr, sp.Expr]:
        """Each government's objective in both tariffs: welfare relative to free trade (+ lobby term)."""
        markets = self.markets()
        t = self.tariff_symbols
        out = []
        for i in range(2):
            own, other = markets[i], markets[1 - i]
            home = own.importer_surplus + own.revenue
            away = other.exporter_surplus
            w = (home - home.subs(t[i], 0)) + (away - away.subs(t[1 - i], 0))
            lam, z = self.political_weights[i], self.output_ratios[i]
            if lam != 0:
                p = own.domestic_price
                w += lam * z * self.imports[i] * (p - p.subs(t[i], 0))
            out.append(w)
        return (out[0], out[1])

    def _upper(self, i: int) -> sp.Expr:
        return sp.Min(self.prohibitive_tariffs()[i], self.max_tariff)

    def game(self) -> ContinuousGame:
        """The tariff war as a :class:`~negotiation.ContinuousGame` (tariffs up to the prohibitive level).

        Examples
        --------
        >>> g = TariffWar().game()
        >>> g.players, g.symbols
        (('US', 'China'), (t_US, t_China))
        """
        t = self.tariff_symbols
        objectives = self.objectives()
        return ContinuousGame(
            {p: objectives[i] for i, p in enumerate(self.players)},
            {p: (t[i], self.min_tariff, self._upper(i)) for i, p in enumerate(self.players)},
            players=self.players,
            name=self.name or "Tariff war (linear import demand and export supply)",
        )

    # ------------------------------------------------------------------ numbers
    def _rates(self, t_1: Any, t_2: Any) -> dict[sp.Symbol, sp.Expr]:
        t = self.tariff_symbols
        rates = (
            _tariff(t_1, f"{self.players[0]}'s tariff"),
            _tariff(t_2, f"{self.players[1]}'s tariff"),
        )
        out = {}
        for i in range(2):
            pro = self.prohibitive_tariffs()[i]
            r = rates[i]
            if r.is_number and sp.sympify(pro).is_number and pro != sp.oo and r > pro:
                r = pro
            out[t[i]] = r
        return out

    def welfare(self, t_1: Any, t_2: Any) -> tuple[sp.Expr, sp.Expr]:
        """Each country's welfare (objective), $bn a year relative to free trade, at tariffs ``t_1, t_2``.

        A tariff above the prohibitive level is read as prohibitive (no trade).

        Raises
        ------
        TradeModelError
            For a tariff at or below -100% or one that is not a number.

        Examples
        --------
        >>> [round(float(w), 1) for w in TariffWar().welfare(0.30, 0.10)]   # Geneva
        [19.8, -40.2]
        """
        values = self._rates(t_1, t_2)
        return tuple(w.xreplace(values) for w in self.objectives())  # type: ignore[return-value]

    def imports_at(self, t_1: Any, t_2: Any) -> tuple[sp.Expr, sp.Expr]:
        """Each country's imports, $bn at world prices, at tariffs ``t_1, t_2``.

        Examples
        --------
        >>> [round(float(v), 1) for v in TariffWar().imports_at(1.45, 1.25)]
        [39.1, 47.8]
        """
        values = self._rates(t_1, t_2)
        return tuple(  # type: ignore[return-value]
            (m.world_price * m.imports).xreplace(values) for m in self.markets()
        )

    def welfare_table(self, rates: Mapping[str, tuple[Any, Any]] | None = None) -> WelfareTable:
        """Welfare at named tariff pairs: by default free trade, 2024, Nash, Geneva, London and April.

        Examples
        --------
        >>> print(TariffWar().welfare_table())  # doctest: +NORMALIZE_WHITESPACE
        tariffs           t US    t China  W US ($bn)  W China ($bn)
        free trade        0.0%    0.0%     +0.0        +0.0
        2024 baseline     20.8%   20.0%    +9.6        -22.0
        Nash              31.1%   60.3%    -8.0        -27.7
        Geneva (14 May)   30.0%   10.0%    +19.8       -40.2
        London (11 June)  55.0%   10.0%    +7.9        -65.7
        April peak        145.0%  125.0%   -191.3      -95.2
        """
        if rates is None:
            nash = self.nash()
            pairs: dict[str, tuple[Any, Any]] = {}
            for label, pair in TARIFF_RATES_2025.items():
                pairs[label] = pair
                if label == "2024 baseline":
                    pairs["Nash"] = (nash.strategies[0], nash.strategies[1])
        else:
            pairs = dict(rates)
        rows = []
        for label, (a, b) in pairs.items():
            w = self.welfare(a, b)
            rows.append((str(label), float(a), float(b), float(w[0]), float(w[1])))
        return WelfareTable(self.players, tuple(rows))  # type: ignore[arg-type]

    # ------------------------------------------------------------------ solutions
    def nash(self) -> ContinuousEquilibrium:
        """The Nash tariffs (closed form): each side's optimal tariff.

        Examples
        --------
        >>> war = TariffWar.symbolic(baseline_tariffs=(0, 0))
        >>> war.nash().strategies[0]
        (epsilon_China + eta_US)/(epsilon_China**2 + 2*epsilon_China*eta_US - eta_US)
        """
        equilibria = self.game().equilibria()
        if not equilibria:
            raise TradeModelError("no Nash equilibrium was found; check the elasticities")
        return equilibria[0]

    def cooperative(self, weights: Any = None) -> ContinuousOutcome:
        """The tariffs that maximise the (weighted) sum of the two objectives.

        Examples
        --------
        >>> TariffWar().cooperative().strategies
        (0, 0)
        """
        return self.game().cooperative(weights)

    def stackelberg(self, leader: str | int) -> ContinuousOutcome:
        """The leader-follower tariffs (equal to the Nash tariffs here: the reaction curves are flat)."""
        return self.game().stackelberg(leader)

    def to_game(
        self, levels: Mapping[str, Sequence[Any]] | Sequence[Any], *, labels: Any = "percent"
    ) -> Game:
        """The finite game on chosen tariff levels, payoffs in $bn (labels such as ``"10%"``).

        Parameters
        ----------
        levels
            ``{player: [rates]}``, or one list of rates used by both.
        labels
            ``"percent"`` (default), ``"value"`` or a function of the rate.

        Examples
        --------
        >>> war = TariffWar()
        >>> nash = war.nash().strategies
        >>> pd = war.to_game({"US": [0, nash[0]], "China": [0, nash[1]]})
        >>> pd.strategies
        (('0%', '31.07%'), ('0%', '60.27%'))
        >>> [e.profile for e in pd.equilibria()]
        [('31.07%', '60.27%')]
        """
        if not isinstance(levels, Mapping):
            if isinstance(levels, str) or not isinstance(levels, Sequence):
                raise TradeModelError(
                    "levels must be {player: [rates]} or one list of rates, e.g. [0.1, 0.55, 1.45]"
                )
            levels = {p: list(levels) for p in self.players}
        game = self.game()
        checked: dict[Any, list[sp.Expr]] = {}
        for key, seq in levels.items():
            i = game.index(key)
            if isinstance(seq, str) or not isinstance(seq, Sequence):
                raise TradeModelError(
                    f"{self.players[i]}'s levels must be a list of rates, e.g. [0.1, 0.55]; got {seq!r}"
                )
            values = [_tariff(v, f"a tariff level of {self.players[i]}") for v in seq]
            high = sp.sympify(game.bounds[i][1])
            for v in values:
                if v.is_number and high.is_number and v > high:
                    raise TradeModelError(
                        f"the tariff level {v} of {self.players[i]} exceeds {float(high):.4g}, "
                        "the highest rate in its strategy set (the prohibitive tariff, above "
                        "which trade stops and payoffs no longer change, or max_tariff); use "
                        "levels up to it"
                    )
            checked[key] = values
        return game.discretize(checked, labels=labels)
