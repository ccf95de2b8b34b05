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
        if name not in ng.__all__ and not isinstance(getattr(ng, name), types.ModuleType)
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


def test_import_negotiation_imports_neither_sympy_nor_numpy_until_a_name_is_used():
    code = textwrap.dedent(
        """
        import sys
        import negotiation as ng
        heavy = {"sympy", "numpy", "scipy", "numba", "flint", "pandas", "matplotlib"}
        assert not heavy & set(sys.modules), sorted(heavy & set(sys.modules))
        from negotiation import Game
        assert "sympy" in sys.modules and Game is ng.Game
        assert Game.__module__ == "negotiation.games.normal_form"
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_submodule_imported_first_does_not_hide_the_function_of_its_name():
    code = textwrap.dedent(
        """
        import sys
        import negotiation.app, negotiation.explore, negotiation.scenarios
        import negotiation as ng
        for name in ("app", "explore", "scenarios"):
            module = sys.modules[f"negotiation.{name}"]
            assert getattr(ng, name) is getattr(module, name), name
            assert callable(getattr(ng, name)), name
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_lazy_table_the_type_checking_imports_and_all_agree():
    import ast
    import importlib
    from pathlib import Path

    tree = ast.parse(Path(ng.__file__).read_text())
    (block,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    ]
    imported = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert set(imported) == set(ng._SOURCES) == set(ng.__all__) - {"__version__"}
    for name, module in imported.items():
        assert getattr(importlib.import_module(module), name) is getattr(ng, name), name
