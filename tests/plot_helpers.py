"""Helpers shared by the plotting tests (not a test module)."""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def render(ax) -> bytes:
    """Render the figure holding ``ax`` to PNG bytes with the Agg backend."""
    buffer = io.BytesIO()
    FigureCanvasAgg(ax.figure).print_png(buffer)
    data = buffer.getvalue()
    assert data.startswith(PNG_SIGNATURE)
    return data


def legend_texts(ax) -> list[str]:
    """The texts of the legend of ``ax``."""
    return [t.get_text() for t in ax.get_legend().get_texts()]
