"""Shared look of every picture: the Okabe–Ito palette and a fresh ``Axes`` when none is given.

matplotlib is imported inside the functions, never at module level, and a new
figure is a :class:`matplotlib.figure.Figure` created directly, so nothing here
touches pyplot or its global state (no current figure, no backend switch).

References
----------
M. Okabe and K. Ito (2008), "Color Universal Design (CUD): how to make figures
and presentations that are friendly to colorblind people", https://jfly.uni-koeln.de/color/.

Examples
--------
>>> from negotiation.plotting.style import new_axes, OKABE_ITO
>>> ax = new_axes(None)
>>> ax.figure.get_size_inches().tolist()
[6.4, 4.8]
>>> OKABE_ITO["blue"]
'#0072B2'
"""

from __future__ import annotations

import functools
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "CYCLE",
    "OKABE_ITO",
    "PLAYER_COLOURS",
    "SEQUENTIAL_CMAP",
    "category_colour",
    "fit_title",
    "new_axes",
    "player_colour",
    "text_colour_on",
    "wrap_title",
]

OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
"""The eight colours of Okabe and Ito's colour-blind-safe palette."""

CYCLE: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["orange"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    OKABE_ITO["black"],
)
"""The order in which categories (outcomes, regions, series) take colours."""

PLAYER_COLOURS: tuple[str, str] = (OKABE_ITO["blue"], OKABE_ITO["vermillion"])
"""The row (first) player is blue, the column (second) player vermillion, in every picture."""

SEQUENTIAL_CMAP = "cividis"
"""A perceptually uniform colour map that reads the same to colour-blind viewers."""

DEFAULT_FIGSIZE = (6.4, 4.8)


def player_colour(index: int) -> str:
    """The colour of player ``index`` (0 or 1).

    Examples
    --------
    >>> player_colour(1)
    '#D55E00'
    """
    return PLAYER_COLOURS[index]


def category_colour(index: int) -> str:
    """The colour of the ``index``-th category, cycling through :data:`CYCLE`.

    Examples
    --------
    >>> category_colour(0) == category_colour(len(CYCLE))
    True
    """
    return CYCLE[index % len(CYCLE)]


def new_axes(ax: Axes | None, figsize: tuple[float, float] = DEFAULT_FIGSIZE) -> Axes:
    """The ``Axes`` to draw on: ``ax`` itself, or one on a new, pyplot-free ``Figure``.

    Parameters
    ----------
    ax
        An existing ``matplotlib.axes.Axes`` or ``None``.
    figsize
        Size in inches of a new figure.

    Raises
    ------
    TypeError
        If ``ax`` is neither ``None`` nor a matplotlib ``Axes``.
    """
    from matplotlib.axes import Axes as _Axes

    if ax is None:
        from matplotlib.figure import Figure

        _show_figures_in_notebooks()
        figure = Figure(figsize=figsize, layout="constrained")
        return figure.add_subplot()
    if not isinstance(ax, _Axes):
        raise TypeError(
            f"ax must be a matplotlib Axes or None, not {type(ax).__name__}; "
            "pass e.g. fig.add_subplot() or leave it out to get a new figure"
        )
    return ax


def text_colour_on(rgba: Any) -> str:
    """Black or white, whichever reads better on a background colour.

    Examples
    --------
    >>> text_colour_on((0.0, 0.0, 0.2, 1.0)), text_colour_on((1.0, 1.0, 0.8, 1.0))
    ('white', 'black')
    """
    r, g, b = (float(c) for c in rgba[:3])
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if luminance > 0.5 else "white"


def wrap_title(title: str, width: int = 60) -> str:
    """``title`` with each line wrapped at ``width`` characters, so long names fit the figure.

    Examples
    --------
    >>> print(wrap_title("London framework: implementing Geneva (9-10 June 2025)", 30))
    London framework: implementing
    Geneva (9-10 June 2025)
    """
    return "\n".join(
        textwrap.fill(line, width) if len(line) > width else line for line in title.split("\n")
    )


#: The average width of a character of the default sans-serif font, in font sizes.
_CHAR_WIDTH = 0.5
#: The smallest font size (points) a long title is shrunk to before it is only wrapped.
_MIN_TITLE_SIZE = 9.0


def fit_title(ax: Axes, title: str, *, max_lines: int = 3) -> str:
    """Set ``title`` on ``ax``, wrapped (and if need be shrunk) to the width of the axes.

    The width available is the axes' width on its figure; lines are wrapped
    at the number of characters that fit at the title's font size. If the
    title would still need more than ``max_lines`` lines, the font is made
    smaller (down to 9 points) so that it fits in fewer.

    Returns
    -------
    str
        The title as set (with its line breaks).

    Examples
    --------
    >>> ax = new_axes(None, figsize=(3.0, 3.0))
    >>> print(fit_title(ax, "London framework: implementing Geneva (9-10 June 2025)"))
    London framework:
    implementing Geneva (9-10
    June 2025)
    """
    from matplotlib import rcParams
    from matplotlib.font_manager import FontProperties

    size = FontProperties(size=rcParams["axes.titlesize"]).get_size_in_points()
    figure = ax.get_figure(root=True)
    inches = figure.get_figwidth() * ax.get_position().width if figure is not None else 5.0

    def wrapped(points: float) -> str:
        width = max(12, int(inches * 72 / (_CHAR_WIDTH * points)))
        return wrap_title(title, width)

    text = wrapped(size)
    while text.count("\n") + 1 > max_lines and size > _MIN_TITLE_SIZE:
        size = max(_MIN_TITLE_SIZE, size - 1)
        text = wrapped(size)
    ax.set_title(text, fontsize=size)
    return text


@functools.cache
def _show_figures_in_notebooks() -> None:
    """Let a notebook cell ending in ``ax.figure`` show the picture, without ``%matplotlib``.

    Figures made here are not pyplot's, so Jupyter's inline backend does not
    know them until ``%matplotlib inline`` runs; registering IPython's own PNG
    printer for ``Figure`` (what that magic does) makes them display at once.
    Outside IPython this does nothing.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is optional
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    from IPython.core.pylabtools import print_figure
    from matplotlib.figure import Figure

    formatter = shell.display_formatter.formatters["image/png"]
    formatter.for_type(Figure, lambda figure: print_figure(figure, "png", bbox_inches="tight"))
