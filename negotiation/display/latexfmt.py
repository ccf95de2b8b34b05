r"""LaTeX formatters: what a notebook typesets and ``to_latex()`` returns.

Examples
--------
>>> import negotiation as ng
>>> print(ng.Game([[1, 0]], [[0, 1]], players=("US", "China")).to_latex())
\begin{array}{r|cc}
\text{US} \backslash \text{China} & \text{c0} & \text{c1} \\ \hline
\text{r0} & 1,\ 0 & 0,\ 1 \\
\end{array}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp

from negotiation.bargaining.feasible import BargainingProblem
from negotiation.bargaining.outcome import BargainingOutcome, Lottery
from negotiation.bargaining.ratification import TwoLevelGame
from negotiation.bargaining.rubinstein import RubinsteinConvergence
from negotiation.display import latex
from negotiation.display.formatting import fmt_latex, latex_text
from negotiation.display.textfmt import game_blocks, win_set_text
from negotiation.games.bayesian import BayesNashEquilibrium
from negotiation.games.continuous import (
    BestResponse,
    ComparativeStatics,
    ContinuousEquilibrium,
    ContinuousGame,
    ContinuousOutcome,
)
from negotiation.games.extensive import BehaviourEquilibrium, SubgamePerfect
from negotiation.games.normal_form import Equilibrium, Game
from negotiation.games.signalling import PerfectBayesianEquilibrium

__all__: list[str] = []


@latex.register
def _game_latex(game: Game) -> str:
    n = game.shape[1]
    head = latex_text(game.players[0]) + r" \backslash " + latex_text(game.players[1])
    arrays = []
    for others, cells in game_blocks(game, fmt_latex):
        lines = [r"\begin{array}{r|" + "c" * n + "}"]
        lines.append(
            head + " & " + " & ".join(latex_text(s) for s in game.strategies[1]) + r" \\ \hline"
        )
        for label, row in zip(game.strategies[0], cells, strict=True):
            lines.append(
                latex_text(label)
                + " & "
                + " & ".join(c.replace(", ", r",\ ") for c in row)
                + r" \\"
            )
        lines.append(r"\end{array}")
        block = "\n".join(lines)
        if others:
            title = latex_text(", ".join(f"{p} plays {s}" for p, s in others))
            block = r"\begin{array}{c}" + title + r" \\" + "\n" + block + "\n" + r"\end{array}"
        arrays.append(block)
    return r"\quad".join(arrays) if len(arrays) > 1 else arrays[0]


@latex.register
def _equilibrium_latex(eq: Equilibrium) -> str:
    def vec(v: Any) -> str:
        return r"\left(" + ", ".join(fmt_latex(x) for x in v) + r"\right)"

    payoffs = r"u = \left(" + ", ".join(fmt_latex(u) for u in eq.payoffs) + r"\right)"
    if len(eq.strategies) == 2:
        return f"x = {vec(eq.strategies[0])},\\ y = {vec(eq.strategies[1])},\\ {payoffs}"
    mixes = ",\\ ".join(f"\\sigma_{{{k + 1}}} = {vec(s)}" for k, s in enumerate(eq.strategies))
    return f"{mixes},\\ {payoffs}"


# ---------------------------------------------------------------------- bargaining
@latex.register
def _problem_latex(p: BargainingProblem) -> str:
    d = (
        r"d = \left("
        + fmt_latex(p.disagreement[0])
        + ", "
        + fmt_latex(p.disagreement[1])
        + r"\right)"
    )
    if p.frontier is not None:
        assert p.domain is not None
        return (
            "u_2 = "
            + sp.latex(p.frontier)
            + r",\ "
            + sp.latex(p.variable)
            + r" \in \left["
            + sp.latex(p.domain[0])
            + ", "
            + sp.latex(p.domain[1])
            + r"\right],\ "
            + d
        )
    pts = r",\ ".join(
        r"\left(" + fmt_latex(x) + ", " + fmt_latex(y) + r"\right)" for x, y in p.points
    )
    hull = r"\operatorname{conv}" if p.lotteries else ""
    return "S = " + hull + r"\left\{" + pts + r"\right\},\ " + d


@latex.register
def _lottery_latex(lottery: Lottery) -> str:
    return " + ".join(fmt_latex(p) + r"\cdot" + latex_text(name) for name, p in lottery.weights)


@latex.register
def _outcome_latex(o: BargainingOutcome) -> str:
    u = ", ".join(fmt_latex(x) for x in o.utilities)
    out = r"u = \left(" + u + r"\right)"
    if o.condition is not sp.true:
        out += r"\quad \text{if } " + sp.latex(o.condition)
    return out


@latex.register
def _two_level_latex(g: TwoLevelGame) -> str:
    parts = [
        f"W_{{{k + 1}}} = " + (sp.latex(w) if isinstance(w, sp.Basic) else win_set_text(w))
        for k, w in enumerate(g.win_sets)
    ]
    return r",\quad ".join(parts)


@latex.register
def _convergence_latex(c: RubinsteinConvergence) -> str:
    return r"\lim_{\Delta \to 0} " + sp.latex(c.expression) + " = " + sp.latex(c.limit)


# ---------------------------------------------------------------------- continuous games
@latex.register
def _best_response_latex(br: BestResponse) -> str:
    return f"{sp.latex(br.symbol)} = {sp.latex(br.expression)}"


@latex.register(ContinuousEquilibrium)
@latex.register(ContinuousOutcome)
def _continuous_result_latex(result: ContinuousEquilibrium | ContinuousOutcome) -> str:
    parts = [
        f"{sp.latex(s)}^* = {sp.latex(sp.sympify(v)) if not isinstance(v, float) else f'{v:.6g}'}"
        for s, v in zip(result.symbols, result.strategies, strict=True)
    ]
    return r",\quad ".join(parts)


@latex.register
def _statics_latex(cs: ComparativeStatics) -> str:
    rows = r" \\ ".join(
        rf"\frac{{\partial {sp.latex(s)}^*}}{{\partial {sp.latex(cs.parameter)}}} &= {sp.latex(d)}"
        for s, d in zip(cs.symbols, cs.derivatives, strict=True)
    )
    return rf"\begin{{aligned}} {rows} \end{{aligned}}"


@latex.register
def _continuous_game_latex(game: ContinuousGame) -> str:
    args = ", ".join(sp.latex(s) for s in game.symbols)
    rows = []
    for p, s, u in zip(game.players, game.strategies, game.payoffs, strict=True):
        name = p.replace("_", r"\_")
        rows.append(
            rf"u_{{\text{{{name}}}}}({args}) &= {sp.latex(u)}, \quad {sp.latex(s.symbol)} \in "
            rf"[{sp.latex(s.low)}, {sp.latex(s.high)}]"
        )
    return r"\begin{aligned} " + r" \\ ".join(rows) + r" \end{aligned}"


# ---------------------------------------------------------------------- private information
def _dist_latex(labels: Sequence[str], probs: Sequence[Any]) -> str:
    return (
        r"\left("
        + ",\\ ".join(
            f"{fmt_latex(q)}\\,{latex_text(a)}" for a, q in zip(labels, probs, strict=True)
        )
        + r"\right)"
    )


@latex.register
def _bayes_nash_latex(eq: BayesNashEquilibrium) -> str:
    parts = []
    for p, name in enumerate(eq.players):
        for t, type_ in enumerate(eq.types[p]):
            who = latex_text(name if len(eq.types[p]) == 1 else f"{name} ({type_})")
            parts.append(f"\\sigma_{{{who}}} = {_dist_latex(eq.actions[p], eq.behaviour[p][t])}")
    return r",\quad ".join(parts)


@latex.register
def _pbe_latex(eq: PerfectBayesianEquilibrium) -> str:
    sender, receiver = eq.players
    parts = [
        f"\\sigma_{{{latex_text(f'{sender} ({t})')}}} = {_dist_latex(tuple(d), tuple(d.values()))}"
        for t, d in eq.sender.items()
    ]
    parts += [
        f"\\rho_{{{latex_text(f'{receiver} after {m}')}}} = "
        f"{_dist_latex(tuple(d), tuple(d.values()))}"
        for m, d in eq.receiver.items()
    ]
    out = r",\quad ".join(parts)
    if eq.condition is not sp.true:
        out += r"\quad \text{if } " + sp.latex(eq.condition)
    return out


@latex.register
def _spe_latex(spe: SubgamePerfect) -> str:
    path = r" \to ".join(latex_text(a) for a in spe.path) if spe.path else latex_text("chance")
    payoffs = ", ".join(fmt_latex(v) for v in spe.payoffs)
    return path + r",\quad u = \left(" + payoffs + r"\right)"


@latex.register
def _behaviour_latex(eq: BehaviourEquilibrium) -> str:
    parts = [
        f"b_{{{latex_text(name)}}} = {_dist_latex(tuple(d), tuple(d.values()))}"
        for name, d in eq.behaviour.items()
    ]
    payoffs = r"u = \left(" + ", ".join(fmt_latex(v) for v in eq.payoffs) + r"\right)"
    return r",\quad ".join([*parts, payoffs])
