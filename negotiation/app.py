"""A web page for students who do not write code: a scenario's dashboard, served by Voilà.

``ng.app("london_framework")`` (or ``negotiation app london_framework``) writes a
two-cell notebook — a header with the scenario's title and description, and
``ng.explore(scenario)`` — and serves it with `Voilà <https://voila.readthedocs.io>`_
on ``127.0.0.1``. Voilà runs the notebook in a live kernel for each visitor and
shows only its outputs: the sliders, the table of equilibria and the picture,
with no code on the page.

Why Voilà: it is the Jupyter project's own tool for turning a notebook into a
standalone page, it renders ipywidgets with the same renderers as JupyterLab 4
(so the dashboard a class sees in a notebook and on the page is one and the
same), and it is kept in step with JupyterLab and ipywidgets releases. Panel or
Streamlit would each need the dashboard rewritten in their own widgets.

Voilà and ipywidgets come with the ``app`` extra (``pip install
"negotiation[app]"``); without them :func:`app` raises
:class:`~negotiation.errors.MissingExtraError` naming the extra. A port already
in use raises :class:`~negotiation.errors.AppError` with a free one to try.

Examples
--------
>>> import negotiation as ng
>>> page = page_notebook("busan_truce", params=["crash"])
>>> [cell["cell_type"] for cell in page["cells"]]
['code', 'code']
>>> print(page["cells"][1]["source"])
ng.explore(scenario, plot='auto', params=['crash'])
"""

from __future__ import annotations

import contextlib
import html
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import webbrowser
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from negotiation.errors import AppError, InvalidGameError, MissingExtraError, UnknownLabelError
from negotiation.scenarios import Scenario, load, scenarios
from negotiation.scenarios.continuous_file import AD_VALOREM, ContinuousScenario

#: What a page shows: a scenario with finite strategies (or types), or with strategy intervals.
AnyScenario = Scenario | ContinuousScenario

__all__ = ["App", "app", "page_header", "page_notebook", "serve"]

HOST = "127.0.0.1"
DEFAULT_PORT = 8866
START_TIMEOUT = 60.0
#: What the page needs, and the extra that installs it.
REQUIRED = {"voila": "Voilà", "ipywidgets": "ipywidgets", "ipykernel": "ipykernel"}


def require_extras(what: str = "negotiation app") -> None:
    """Raise :class:`MissingExtraError`, naming the ``app`` extra, if Voilà or the widgets are missing.

    Examples
    --------
    >>> require_extras()  # all installed here: nothing happens
    """
    missing = [
        label for module, label in REQUIRED.items() if importlib.util.find_spec(module) is None
    ]
    if missing:
        raise MissingExtraError(
            f"{what} needs {' and '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
            'not installed; install the app extra: pip install "negotiation[app]"'
        )


def _reference(scenario: Any, folder: Path) -> tuple[AnyScenario, str]:
    """The scenario and how the page's kernel loads it: a built-in name or a file's path."""
    if isinstance(scenario, Scenario | ContinuousScenario):
        path = folder / f"{scenario.name}.toml"
        scenario.save(path)
        return scenario, str(path)
    if not isinstance(scenario, str | os.PathLike):
        raise UnknownLabelError(
            f"ng.app() takes a scenario, a built-in scenario's name or a .toml file, not a "
            f"{type(scenario).__name__}; the built-in scenarios are: {', '.join(scenarios())}"
        )
    text = os.fspath(scenario)
    loaded = load(text)  # UnknownLabelError / ScenarioFileError with the fix
    return loaded, text if text in scenarios() else str(Path(text).resolve())


def page_header(scenario: AnyScenario) -> Any:
    """The top of the page: title, date, description and how to use the sliders.

    An ``IPython.display.HTML`` object; its text is escaped and marked so that
    MathJax leaves dollar amounts alone. For a scenario with continuous
    strategies (tariff rates) it says that the Nash tariffs and the reaction
    curves follow the sliders.

    Examples
    --------
    >>> import negotiation as ng
    >>> "Nash tariffs" in page_header(ng.load("tariff_war_2025")).data
    True
    """
    from IPython.display import HTML

    paragraphs = [p for p in scenario.description.split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in paragraphs)
    date = f" &middot; {scenario.date:%d %B %Y}" if scenario.date else ""
    unit = html.escape(scenario.payoff_unit or "")
    if isinstance(scenario, ContinuousScenario):
        rates = all(s.unit == AD_VALOREM for s in scenario.strategies)
        answer = "Nash tariffs" if rates else "Nash equilibrium"
        choice = "a tariff rate" if rates else "a number from an interval"
        payoff = "welfare" if scenario.trade_model is not None else "payoff"
        stylised = [p for p in scenario.parameter_info if p.stylised]
        how = (
            f"<p><b>How to use this page.</b> Each side chooses {choice}, not a row of a "
            "table. Move a slider (or type a value next to it): the "
            f"{answer} {'are' if rates else 'is'} found again, and the table (with each "
            f"side's {payoff} and how the "
            "equilibrium was found) and the reaction curves change; the equilibrium is where "
            "the two reaction curves cross. Hover over a slider's label for the parameter's "
            f"name and full description. Payoffs are in {unit}."
            + (
                f" {_stylised(len(stylised), len(scenario.parameter_info))} stylised (not "
                "estimates): read the direction in which the answer moves more than its exact "
                "value."
                if stylised
                else ""
            )
            + "</p>"
        )
    else:
        how = (
            "<p><b>How to use this page.</b> Move a slider (or type a value next to it): the "
            "game is solved again and the table of equilibria and the picture change. Hover "
            "over a slider's label for the parameter's name and full description. "
            f"Payoffs are in {unit}; stylised numbers are illustrative, and only their ordering "
            "carries the lesson.</p>"
        )
    return HTML(
        '<div class="tex2jax_ignore mathjax_ignore" style="max-width:60em">'
        f"<h1>{html.escape(scenario.title)}</h1>"
        f'<p style="color:#555">Scenario <code>{html.escape(scenario.name)}</code>{date}</p>'
        f"{body}{how}</div>"
    )


def _stylised(count: int, total: int) -> str:
    """``"All five parameters are"``, ``"Two of the five parameters are"``, ``"One ... is"``."""
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

    def word(n: int) -> str:
        return words[n] if n < len(words) else str(n)

    if count == total:
        return f"{'The' if total == 1 else 'All ' + word(total)} parameter{'s' * (total != 1)} " + (
            "is" if total == 1 else "are"
        )
    verb = "is" if count == 1 else "are"
    return f"{word(count).capitalize()} of the {word(total)} parameters {verb}"


def page_notebook(
    reference: str, *, plot: str = "auto", params: Sequence[str] | None = None
) -> dict[str, Any]:
    """The notebook the page runs (as nbformat 4 JSON): the header, then the dashboard."""
    explore_args = f"plot={plot!r}" + ("" if params is None else f", params={list(params)!r}")
    cells = [
        "import negotiation as ng\n"
        "from negotiation.app import page_header\n\n"
        f"scenario = ng.load({reference!r})\n"
        "page_header(scenario)",
        f"ng.explore(scenario, {explore_args})",
    ]
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "cells": [
            {
                "cell_type": "code",
                "id": f"cell-{k}",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": source,
            }
            for k, source in enumerate(cells)
        ],
    }


def _check_plot(scenario: AnyScenario, plot: str) -> None:
    """Refuse, before serving, a picture the scenario's dashboard cannot draw.

    Examples
    --------
    >>> import negotiation as ng
    >>> _check_plot(ng.load("tariff_war_2025"), "game")
    Traceback (most recent call last):
    ...
    negotiation.errors.InvalidGameError: the payoff table picture is for finite games; ...
    """
    from negotiation.explore import FINITE_PLOTS, PLOT_NAMES, PLOTS

    if plot != "auto" and plot not in PLOTS:
        raise InvalidGameError(
            f"unknown plot {plot!r}; choose one of 'auto', " + ", ".join(map(repr, PLOTS))
        )
    continuous = isinstance(scenario, ContinuousScenario)
    if continuous and plot in FINITE_PLOTS:
        raise InvalidGameError(
            f"the {PLOT_NAMES[plot]} picture is for finite games; {scenario.name} has "
            "continuous strategies (rates): use --plot reaction_curves (plot='reaction_curves') "
            "or auto"
        )
    if not continuous and plot == "reaction_curves":
        raise InvalidGameError(
            f"the reaction-curve picture is for scenarios with continuous strategies such as "
            f"tariff_war_2025; {scenario.name} is finite: use --plot game (plot='game') or auto"
        )


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return True
    return False


def _free_port_after(port: int) -> int:
    for candidate in range(port + 1, min(port + 200, 65536)):
        if not _port_in_use(candidate):
            return candidate
    return 0


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((HOST, port)) == 0


class App:
    """A running page: its :attr:`url`, and :meth:`stop` to shut it down.

    Made by :func:`app`. Use it as a context manager to stop the server at the
    end of a block. Attributes: ``url``, ``port``, ``scenario`` (the
    :class:`~negotiation.Scenario` shown), ``folder`` (where the page's
    notebook and the server log live) and ``process`` (the Voilà server).
    """

    def __init__(
        self, scenario: AnyScenario, port: int, folder: Path, process: subprocess.Popen[bytes]
    ) -> None:
        self.scenario = scenario
        self.port = port
        self.folder = folder
        self.process = process
        self.url = f"http://{HOST}:{port}/"

    @property
    def running(self) -> bool:
        """Whether the server is still running."""
        return self.process.poll() is None

    def log(self) -> str:
        """The server's output so far."""
        path = self.folder / "voila.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        """Stop the server and the kernels it started (idempotent)."""
        if self.running:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def wait(self) -> int:
        """Block until the server stops (Ctrl-C stops it); returns its exit status."""
        try:
            return self.process.wait()
        except KeyboardInterrupt:
            self.stop()
            return 0

    def __enter__(self) -> App:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"App({self.scenario.name!r} at {self.url}, {state})"


def app(
    scenario: Any,
    *,
    port: int = DEFAULT_PORT,
    plot: str = "auto",
    params: Sequence[str] | None = None,
    open_browser: bool = False,
    timeout: float = START_TIMEOUT,
) -> App:
    """Serve a scenario's dashboard as a web page on ``http://127.0.0.1:PORT/``, without code.

    Parameters
    ----------
    scenario
        A built-in scenario's name (``"london_framework"``), the path of a
        ``.toml`` scenario file, or a :class:`~negotiation.Scenario`.
    port
        The local port (default 8866).
    plot, params
        Passed to :func:`negotiation.explore`: the starting picture and the
        parameters that get a slider (default: all).
    open_browser
        Open the page in the default web browser once it is up.
    timeout
        Seconds to wait for the server to start.

    Returns
    -------
    App
        The running page; ``app.url`` is its address, ``app.stop()`` ends it.

    Raises
    ------
    MissingExtraError
        If Voilà, ipywidgets or ipykernel is not installed (install the
        ``app`` extra).
    UnknownLabelError, ScenarioFileError
        For an unknown scenario name or an unreadable file.
    AppError
        If the port is in use or not a port, or the server does not start.

    Examples
    --------
    >>> import negotiation as ng
    >>> with ng.app("busan_truce", port=8877) as page:  # doctest: +SKIP
    ...     print(page.url)
    http://127.0.0.1:8877/
    """
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise AppError(f"port must be a whole number from 1 to 65535, not {port!r}")
    require_extras("ng.app()")
    folder = Path(tempfile.mkdtemp(prefix="negotiation-app-"))
    shown, reference = _reference(scenario, folder)
    if params is not None:  # check the names here, not in the page's kernel
        known = {p.name for p in shown.parameters}
        unknown = [p for p in params if p not in known]
        if unknown:
            raise UnknownLabelError(
                f"params names {', '.join(map(repr, unknown))}, which {shown.name} does not "
                f"have; its parameters are: {', '.join(sorted(known))}"
            )
    _check_plot(shown, plot)
    if _port_in_use(port):
        free = _free_port_after(port)
        hint = (
            f"; port {free} is free: use --port {free} (ng.app(..., port={free}))" if free else ""
        )
        raise AppError(
            f"port {port} on {HOST} is already in use (another page or a Jupyter server?){hint}"
        )
    import nbformat

    notebook = folder / f"{shown.name}.ipynb"
    page = nbformat.from_dict(page_notebook(reference, plot=plot, params=params))
    page.metadata["title"] = shown.title
    nbformat.write(page, notebook)
    command = [
        sys.executable,
        "-m",
        "voila",
        notebook.name,
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={HOST}",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        "--theme=light",
    ]
    log = (folder / "voila.log").open("wb")
    process = subprocess.Popen(
        command, cwd=folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    log.close()
    served = App(shown, port, folder, process)
    deadline = time.monotonic() + timeout
    while not _listening(port):
        if not served.running or time.monotonic() > deadline:
            served.stop()
            tail = "\n".join(served.log().strip().splitlines()[-5:])
            raise AppError(
                f"the page server (Voilà) did not start on port {port} within {timeout:g} s"
                + (f"; its last words:\n{tail}" if tail else "")
            )
        time.sleep(0.2)
    if open_browser:
        webbrowser.open(served.url)
    return served


def serve(
    scenario: str,
    *,
    port: int = DEFAULT_PORT,
    plot: str = "auto",
    params: Sequence[str] | None = None,
    open_browser: bool = False,
    out: TextIO | None = None,
) -> int:
    """Serve the page until Ctrl-C (the ``negotiation app`` command); returns the exit status."""
    out = out or sys.stdout
    served = app(scenario, port=port, plot=plot, params=params, open_browser=open_browser)
    print(f"Serving {served.scenario.title} at {served.url}", file=out)
    print("Open that address in a web browser; press Ctrl-C to stop.", file=out, flush=True)
    status = served.wait()
    served.stop()
    return 0 if status in (0, -signal.SIGTERM) else 2
