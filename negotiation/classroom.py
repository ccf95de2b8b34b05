"""The classroom notebooks that ship with the package, and copying them out for a class.

``pip install negotiation`` brings the classroom notebooks of the course on the 2025
US–China negotiations; ``negotiation notebooks DIR`` (or
:func:`copy_notebooks`) copies them into ``DIR`` for a class to open with
``jupyter lab DIR``. In a wheel they live in ``negotiation/_notebooks``; in a
source checkout, in the repository's ``notebooks/`` folder.

Examples
--------
>>> [p.name for p in notebook_files()][:2]
['01_timeline_and_numbers.ipynb', '02_trade_war_prisoners_dilemma.ipynb']
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from negotiation.errors import NegotiationError

__all__ = ["copy_notebooks", "notebook_files"]

_PACKAGE = Path(__file__).resolve().parent
_PLACES = (_PACKAGE / "_notebooks", _PACKAGE.parent / "notebooks")


def notebook_files() -> tuple[Path, ...]:
    """The shipped notebooks, in course order.

    Raises
    ------
    NegotiationError
        If the installation has no notebooks (a broken install: reinstall).
    """
    for place in _PLACES:
        found = sorted(place.glob("[0-9][0-9]_*.ipynb"))
        if found:
            return tuple(found)
    raise NegotiationError(
        "this installation of negotiation has no classroom notebooks (looked in "
        + " and ".join(str(p) for p in _PLACES)
        + '); reinstall it: pip install --force-reinstall "negotiation[notebooks]"'
    )


def copy_notebooks(destination: Any, *, overwrite: bool = False) -> list[Path]:
    """Copy the classroom notebooks into ``destination`` (created if needed).

    Parameters
    ----------
    destination
        A folder.
    overwrite
        Replace notebooks already there (a student's edits would be lost, so
        the default is to refuse).

    Returns
    -------
    list of Path
        The copies, in course order.

    Raises
    ------
    NegotiationError
        If ``destination`` is a file, or holds a notebook of the same name and
        ``overwrite`` is false.

    Examples
    --------
    >>> import tempfile
    >>> copies = copy_notebooks(Path(tempfile.mkdtemp()) / "class")
    >>> len(copies) == len(notebook_files()), copies[0].name
    (True, '01_timeline_and_numbers.ipynb')
    """
    folder = Path(destination)
    if folder.exists() and not folder.is_dir():
        raise NegotiationError(f"{folder} is a file, not a folder; give a folder to copy into")
    sources = notebook_files()
    clashes = [folder / s.name for s in sources if (folder / s.name).exists()]
    if clashes and not overwrite:
        raise NegotiationError(
            f"{clashes[0]} already exists"
            + (f" (and {len(clashes) - 1} more)" if len(clashes) > 1 else "")
            + "; copy into an empty folder, or overwrite with --force (overwrite=True)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copyfile(source, folder / source.name)) for source in sources]
