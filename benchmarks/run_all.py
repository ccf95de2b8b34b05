"""Run every ``benchmarks/bench_*.py`` script in turn (``make bench``).

Each script runs in its own interpreter (the one running this file), so one
benchmark's memory and imports do not affect the next. Exits non-zero if any
script fails, after running all of them.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    scripts = sorted(here.glob("bench_*.py"))
    if not scripts:
        print(f"no bench_*.py scripts in {here}")
        return 1
    failed = []
    for script in scripts:
        print(f"## {script.stem}\n", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)], cwd=here.parent)
        print(f"\n({script.name}: {time.perf_counter() - start:.0f} s, exit code {code})\n")
        if code != 0:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
