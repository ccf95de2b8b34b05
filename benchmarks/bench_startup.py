"""Start-up time: ``import negotiation`` and ``negotiation --help`` against ``import sympy``.

Each command runs in a fresh interpreter (this one's executable and
environment, so ``PYTHONPATH`` chooses the checkout), ``RUNS`` times, the
commands taking turns so that a burst of load on the machine falls on all of
them alike. The table gives the median and the fastest run of each, the
median as a multiple of ``import sympy``'s, and which heavy libraries the
command leaves imported.

* ``python -c pass``: the interpreter alone.
* ``import sympy``: the floor for a symbolic package (sympy also loads
  python-flint, its ground types, when installed).
* ``import sympy, numpy``: what a game needs before it can be solved.
* ``import negotiation``: the front door; names are imported on first use.
* ``from negotiation import Game``: the front door and the game model.
* ``negotiation --help``: the command line's entry point
  (``negotiation.cli:main``), as the installed script runs it.

Run: ``python benchmarks/bench_startup.py`` (or ``make bench``); about half a
minute. To time an older checkout, put it first on ``PYTHONPATH``.
"""

from __future__ import annotations

import importlib.util
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 15
HEAVY = ("sympy", "flint", "numpy", "scipy", "numba", "pandas", "matplotlib")

COMMANDS = {
    "python -c pass": "pass",
    "import sympy": "import sympy",
    "import sympy, numpy": "import sympy, numpy",
    "import negotiation": "import negotiation",
    "from negotiation import Game": "from negotiation import Game",
    "negotiation --help": (
        "import sys, os\n"
        "from negotiation.cli import main\n"
        "sys.stdout = open(os.devnull, 'w')\n"
        "sys.exit(main(['--help']))"
    ),
}


#: The checkout under test: the one this interpreter imports (``PYTHONPATH`` first). The
#: commands run in it, since ``python -c`` puts the working directory first on the path.
CHECKOUT = str(Path(importlib.util.find_spec("negotiation").origin).parent.parent)


def seconds(code: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL, cwd=CHECKOUT
    )
    return time.perf_counter() - start


def heavy_modules(code: str) -> str:
    """The heavy top-level packages left in ``sys.modules`` after ``code``."""
    probe = (
        "import atexit, sys\n"
        f"atexit.register(lambda: print(' '.join(m for m in {HEAVY!r} if m in sys.modules),"
        " file=sys.stderr))\n" + code
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=CHECKOUT,
    )
    return result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "none"


def main() -> int:
    print(f"Python {platform.python_version()}, negotiation from {CHECKOUT}, {RUNS} runs each\n")
    times: dict[str, list[float]] = {label: [] for label in COMMANDS}
    for code in COMMANDS.values():  # warm the file cache and the bytecode caches
        seconds(code)
    for _ in range(RUNS):
        for label, code in COMMANDS.items():
            times[label].append(seconds(code))
    sympy_median = statistics.median(times["import sympy"])
    print("| command | median (s) | fastest (s) | median / import sympy | heavy libraries loaded |")
    print("|---|---:|---:|---:|---|")
    for label, code in COMMANDS.items():
        median = statistics.median(times[label])
        print(
            f"| `{label}` | {median:.3f} | {min(times[label]):.3f} | "
            f"{median / sympy_median:.2f}x | {heavy_modules(code)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
