"""The built-in scenarios shipped with the package, and loading by name or path.

Examples
--------
>>> import negotiation as ng
>>> ng.scenarios()
('april_2025_escalation', 'geneva_consensus', 'london_framework', 'rare_earth_third_party', 'october_2025', 'busan_truce', 'tariff_dilemma', 'tariff_war_2025')
>>> ng.load("london_framework").date
datetime.date(2025, 6, 10)
>>> ng.load("london_framwork")
Traceback (most recent call last):
...
negotiation.errors.UnknownLabelError: no built-in scenario 'london_framwork'; did you mean london_framework? The built-in scenarios are: april_2025_escalation, geneva_consensus, london_framework, rare_earth_third_party, october_2025, busan_truce, tariff_dilemma, tariff_war_2025; or give the path of a .toml file
"""

from __future__ import annotations

import datetime as _dt
import difflib
from functools import cache
from importlib import resources
from pathlib import Path

from negotiation.errors import UnknownLabelError
from negotiation.scenarios.files import load_file, loads
from negotiation.scenarios.scenario import Scenario

__all__ = ["load", "scenarios"]

_DATA = "data"
_NOT_SCENARIOS = {"timeline"}


def _data_files() -> dict[str, str]:
    folder = resources.files("negotiation.scenarios").joinpath(_DATA)
    return {
        entry.name.removesuffix(".toml"): entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".toml") and entry.name.removesuffix(".toml") not in _NOT_SCENARIOS
    }


@cache
def _builtin() -> dict[str, Scenario]:
    loaded = {
        name: loads(text, path=f"<built-in {name}.toml>") for name, text in _data_files().items()
    }
    order = sorted(loaded, key=lambda n: (loaded[n].date or _dt.date.max, n))
    return {name: loaded[name] for name in order}


def scenarios() -> tuple[str, ...]:
    """The names of the built-in scenarios, in date order (undated ones last).

    See Also
    --------
    load : read one of them, or a scenario file.
    """
    return tuple(_builtin())


def load(name_or_path: str | Path) -> Scenario:
    """A built-in scenario by name, or a scenario read from a ``.toml`` file.

    Parameters
    ----------
    name_or_path
        A built-in name (see :func:`scenarios`) or the path of a scenario
        file. A ``Path``, or a string containing a path separator or ending
        in ``.toml``, is read as a file; any other string is a built-in name
        first and an existing file second.

    Returns
    -------
    Scenario

    Raises
    ------
    UnknownLabelError
        For an unknown built-in name; the message suggests the closest names.
    ScenarioFileError
        For a missing or malformed file (with the file, line, key and fix).
    """
    if isinstance(name_or_path, Path):
        return load_file(name_or_path)
    if not isinstance(name_or_path, str):
        raise UnknownLabelError(
            f"load() takes a scenario name or a file path, not {type(name_or_path).__name__}"
        )
    text = name_or_path
    if text.endswith(".toml") or "/" in text or "\\" in text:
        return load_file(text)
    builtin = _builtin()
    if text in builtin:
        return builtin[text]
    if Path(text).is_file():
        return load_file(text)
    close = difflib.get_close_matches(text, list(builtin), n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise UnknownLabelError(
        f"no built-in scenario {text!r}; {hint}The built-in scenarios are: "
        + ", ".join(builtin)
        + "; or give the path of a .toml file"
    )
