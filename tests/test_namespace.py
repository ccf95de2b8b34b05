"""The front door: what ``import negotiation`` puts in the namespace, and what it imports."""

import subprocess
import sys
import textwrap
import types

import pytest

import negotiation as ng


def test_plotting_is_a_lazy_attribute_that_does_not_import_matplotlib_at_import():
    code = textwrap.dedent(
        """
        import sys
        import negotiation as ng
        assert "matplotlib" not in sys.modules, "import negotiation imported matplotlib"
        assert "negotiation.plotting" not in sys.modules, "plotting was imported eagerly"
        assert "plotting" in dir(ng)
        plot_game = ng.plotting.plot_game
        from negotiation.plotting import plot_game as direct
        assert plot_game is direct
        assert "matplotlib" not in sys.modules, "ng.plotting imported matplotlib before drawing"
        ax = plot_game(ng.Game.symmetric([[3, 0], [5, 1]]))
        assert ax.get_title() == "Row vs Column"
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_namespace_holds_only_the_public_api_and_subpackages():
    strays = [
        name
        for name in dir(ng)
        if name not in ng.__all__
        and not isinstance(getattr(ng, name), types.ModuleType)
    ]
    assert strays == []
    assert not hasattr(ng, "version")
    assert not hasattr(ng, "PackageNotFoundError")
    assert isinstance(ng.__version__, str)


def test_every_name_in_all_resolves():
    for name in ng.__all__:
        assert getattr(ng, name) is not None, name


def test_an_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'plotter'"):
        ng.plotter  # noqa: B018
