"""The no-code page: what it runs, and a clear message for every way it can fail to start.

The page itself is driven in a real browser by ``tests/browser/test_app_page.py``.
"""

import importlib
import importlib.util
import socket
import sys

import pytest

import negotiation as ng
from negotiation.cli import main

# ng.app is the function; the module is reached through the import system
app_module = importlib.import_module("negotiation.app")


needs_voila = pytest.mark.skipif(
    importlib.util.find_spec("voila") is None,
    reason='needs the app extra: pip install "negotiation[app]"',
)


@pytest.fixture
def busy_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        yield sock.getsockname()[1]


def test_the_page_runs_a_header_and_the_dashboard_and_nothing_else():
    page = app_module.page_notebook("london_framework", plot="game", params=["m"])
    sources = [cell["source"] for cell in page["cells"]]
    assert sources == [
        "import negotiation as ng\nfrom negotiation.app import page_header\n\n"
        "scenario = ng.load('london_framework')\npage_header(scenario)",
        "ng.explore(scenario, plot='game', params=['m'])",
    ]
    assert page["metadata"]["kernelspec"]["name"] == "python3"


def test_the_header_escapes_text_and_keeps_dollars_out_of_mathjax():
    header = app_module.page_header(ng.load("tariff_dilemma")).data
    assert header.startswith('<div class="tex2jax_ignore mathjax_ignore"')
    assert "<h1>The tariff dilemma (textbook prisoner&#x27;s dilemma)</h1>" in header
    assert "$bn per year relative to the Geneva truce" in header
    assert "T &lt; R" in header  # text, not markup


def test_missing_voila_names_the_extra(monkeypatch):
    real = app_module.importlib.util.find_spec
    monkeypatch.setattr(
        app_module.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "voila" else real(name, *a),
    )
    with pytest.raises(
        ng.MissingExtraError, match=r'needs Voilà.*pip install "negotiation\[app\]"'
    ):
        ng.app("busan_truce")
    assert issubclass(ng.MissingExtraError, ImportError)


def test_missing_ipywidgets_names_the_extra_for_the_dashboard(monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    with pytest.raises(ng.MissingExtraError, match=r'pip install "negotiation\[notebooks\]"'):
        ng.explore(ng.load("busan_truce"))


@needs_voila
def test_unknown_scenario_bad_port_and_unknown_params_are_refused_before_serving(busy_port):
    with pytest.raises(
        ng.UnknownLabelError, match=r"no built-in scenario 'londn'.*london_framework"
    ):
        ng.app("londn")
    with pytest.raises(ng.AppError, match="port must be a whole number from 1 to 65535, not 0"):
        ng.app("busan_truce", port=0)
    with pytest.raises(ng.UnknownLabelError, match=r"params names 'C'.*backdown_loss, crash, win"):
        ng.app("busan_truce", params=["C"])
    with pytest.raises(
        ng.AppError, match=rf"port {busy_port} on 127.0.0.1 is already in use.*free"
    ):
        ng.app("busan_truce", port=busy_port)


@needs_voila
def test_the_command_line_says_what_went_wrong_in_one_line(capsys, busy_port):
    assert main(["app", "londn"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("negotiation: error: no built-in scenario 'londn'")
    assert main(["app", "busan_truce", "--port", str(busy_port)]) == 2
    err = capsys.readouterr().err
    assert f"port {busy_port} on 127.0.0.1 is already in use" in err
    assert "use --port" in err
