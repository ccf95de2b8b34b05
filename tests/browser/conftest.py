"""The browser suite: a real headless Chromium against JupyterLab, the app page and the docs.

Everything runs on 127.0.0.1 and the browser is refused every other address, so
the suite needs no network. It drives the system's Chromium (Debian's
``chromium``; ``NEGOTIATION_CHROMIUM`` may name another) through Playwright
and never downloads a browser; without one it skips, saying how to install it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
INSTALL_HINT = (
    "no Chromium found for the browser suite: install one with `apt-get install -y chromium` "
    "(Debian, Ubuntu) or point NEGOTIATION_CHROMIUM at a Chrome/Chromium executable; the "
    'suite never downloads a browser. It also needs pip install "negotiation[browser]".'
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def chromium_executable() -> str | None:
    """The Chromium to drive: NEGOTIATION_CHROMIUM, Debian's, or one on the PATH."""
    named = os.environ.get("NEGOTIATION_CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    for candidate in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def served_app(scenario: str) -> Iterator[Any]:
    """``negotiation app SCENARIO`` on a free port, for one test module; skips without Voilà."""
    import negotiation as ng

    if importlib.util.find_spec("voila") is None:
        pytest.skip('the app page needs Voilà: pip install "negotiation[app]"')
    with ng.app(scenario, port=free_port()) as served:
        yield served


def wait_for(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} did not start:\n{log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)


def no_browser() -> None:
    """Skip, saying how to install a browser; fail instead where CI requires the suite."""
    if os.environ.get("NEGOTIATION_REQUIRE_BROWSER"):
        pytest.fail(INSTALL_HINT + " (NEGOTIATION_REQUIRE_BROWSER is set)")
    pytest.skip(INSTALL_HINT)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if importlib.util.find_spec("playwright") is None:
        no_browser()
    executable = chromium_executable()
    if executable is None:
        no_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page (own profile) that may reach 127.0.0.1 only."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else route.abort()
        ),
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab (which also serves Notebook 7) on a copy of the notebooks."""

    url: str
    token: str
    root: Path

    def address(self, path: str) -> str:
        return f"{self.url}{path}?token={self.token}&reset"

    def shut_down_kernels(self) -> None:
        headers = {"Authorization": f"token {self.token}"}
        request = urllib.request.Request(f"{self.url}api/sessions", headers=headers)
        with urllib.request.urlopen(request, timeout=10) as response:
            sessions = json.load(response)
        for session in sessions:
            delete = urllib.request.Request(
                f"{self.url}api/sessions/{session['id']}", headers=headers, method="DELETE"
            )
            with contextlib.suppress(OSError):
                urllib.request.urlopen(delete, timeout=10).close()


@pytest.fixture(scope="session")
def lab(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    if importlib.util.find_spec("jupyterlab") is None:
        pytest.skip('JupyterLab is not installed: pip install "negotiation[notebooks]"')
    base = tmp_path_factory.mktemp("lab")
    root, settings = base / "notebooks", base / "settings"
    root.mkdir()
    for notebook in NOTEBOOKS:
        shutil.copy(notebook, root)
    # every cell in the page (no windowing), and no news or update pop-ups
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))
    news = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
        "JUPYTER_CONFIG_DIR": str(base / "config"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=None",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = base / "jupyterlab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(f"{url}api/status?token={token}", process, log)
        yield Lab(url, token, root)
    finally:
        stop(process)


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built documentation (``make docs``), served on 127.0.0.1."""
    import functools
    import http.server
    import threading

    built = ROOT / "docs" / "_build" / "html"
    if not (built / "index.html").exists():
        pytest.skip(f"the docs are not built: run `make docs` first ({built} has no index.html)")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(built))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
