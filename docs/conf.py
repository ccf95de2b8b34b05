"""Sphinx configuration for the negotiation documentation."""

from importlib.metadata import version as _version

project = "negotiation"
author = "The negotiation developers"
copyright = "2026, The negotiation developers"
release = _version("negotiation")
version = release

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]

# Every code cell in the docs is executed at build time, so the docs cannot
# drift from the code; an error in a cell fails the build.
nb_execution_mode = "cache"
nb_execution_timeout = 120
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "**.ipynb_checkpoints", "jupyter_execute"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_use_rtype = False

intersphinx_mapping = {}
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header"]

html_theme = "furo"
html_title = "negotiation"
html_static_path = ["_static"]


# A literal dollar in the notebooks' Markdown is written $\$$: JupyterLab and Notebook 7
# typeset "\$" as a maths delimiter. MyST reads "\$" as text, so the docs get a plain
# dollar that needs no MathJax. (In the .ipynb JSON each backslash is doubled.)
NOTEBOOK_DOLLAR = (r"$\\$$", r"\\$")


def _text_dollars(app, docname, source):
    if docname.startswith("notebooks/"):
        source[0] = source[0].replace(*NOTEBOOK_DOLLAR)


def setup(app):
    app.connect("source-read", _text_dollars)
