"""Shared test settings and helpers.

Hypothesis runs derandomised by default, so a CI run is reproducible; set
``HYPOTHESIS_PROFILE=explore`` to search with fresh random examples.
:func:`within` bounds the time of a block (``from conftest import within``),
for the tests where a hang is the failure.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("explore", deadline=None, max_examples=200)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class Hang(Exception):
    """The code under test ran past its time bound."""


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail (raise :class:`Hang`) if the block runs longer than ``seconds``.

    Uses ``SIGALRM``, so it stops Python code, not a long call inside a C
    extension that does not return to the interpreter (run such a case in a
    subprocess with a timeout instead).
    """

    def stop(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
