"""Maximal Nash subsets ("cliques") of a bimatrix game's extreme equilibria.

Extreme equilibria are pairs of a row vertex and a column vertex. Two
equilibria can be mixed (every convex combination of their row parts with every
convex combination of their column parts is an equilibrium) exactly when all
their row and column vertices pair up. A maximal set of such vertices is a
maximal complete bipartite subgraph of the graph of equilibrium pairs; the
equilibria are the union over these cliques of conv(rows) x conv(cols)
(Avis, Rosenberg, Savani and von Stengel 2010, section 5; Gambit's
``enummixed -c``).

Examples
--------
>>> maximal_cliques({(0, 0), (0, 1), (1, 1)})
[((0,), (0, 1)), ((0, 1), (1,))]
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["maximal_cliques"]


def maximal_cliques(
    pairs: Iterable[tuple[int, int]],
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Maximal complete bipartite subgraphs of a bipartite graph given by its edges.

    Uses the closure of the Galois connection: column sets that are
    intersections of row neighbourhoods are exactly the closed sets, and each
    closed set with its common rows is one maximal clique.
    """
    edges = set(pairs)
    rows = sorted({i for i, _ in edges})
    cols = sorted({j for _, j in edges})
    neighbours = {i: frozenset(j for (r, j) in edges if r == i) for i in rows}
    closed: set[frozenset[int]] = set()
    for i in rows:
        new = {neighbours[i]} | {c & neighbours[i] for c in closed}
        closed |= {c for c in new if c}
    cliques = []
    for col_set in closed:
        row_set = frozenset(i for i in rows if col_set <= neighbours[i])
        common = frozenset(cols)
        for i in row_set:
            common &= neighbours[i]
        if common == col_set:
            cliques.append((tuple(sorted(row_set)), tuple(sorted(col_set))))
    return sorted(cliques)
