"""Sweeps on a real Dask cluster give exactly the in-process results.

The default test starts a local cluster with its workers in this process
(``processes=False``, about a second); the chunks still travel through the
scheduler as tasks. The ``slow`` test starts two worker processes, so each
chunk (and the compiled payoffs inside it) is pickled to another interpreter.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import negotiation as ng

distributed = pytest.importorskip("distributed")

W, L, C = sp.symbols("W L C")
t, h = sp.symbols("t h")
CHICKEN = ng.Game.symmetric([[0, -L], [W, -C]], strategies=("Swerve", "Escalate"))
COORDINATION = ng.Game([[t, 0, 0], [0, h, 0], [0, 0, 1]], [[1, 0, 0], [0, h, 0], [0, 0, t]])


def same_result(a, b):
    np.testing.assert_array_equal(a.n_equilibria, b.n_equilibria)
    np.testing.assert_array_equal(a.degenerate, b.degenerate)
    assert a.outcome_keys == b.outcome_keys
    np.testing.assert_array_equal(a.codes, b.codes)
    np.testing.assert_array_equal(a.mixed_row, b.mixed_row)
    np.testing.assert_array_equal(a.mixed_col, b.mixed_col)


def sweeps(executor=None):
    grid = ng.sweep(
        CHICKEN.subs(W=2),
        grid={"L": np.linspace(0, 10, 41), "C": np.linspace(0, 20, 41)},
        executor=executor,
        chunk_size=150,
    )
    monte_carlo = ng.sweep(
        COORDINATION,
        samples=2000,
        seed=11,
        distributions={"t": ("uniform", 0, 2), "h": ("triangular", -1, 1, 2)},
        executor=executor,
        chunk_size=300,
    )
    return grid, monte_carlo


@pytest.fixture(scope="module")
def in_process():
    return sweeps()


def test_dask_cluster_in_this_process_matches(in_process):
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = sweeps(client.get_executor())
    assert in_process[0].degenerate.any()  # the grid crosses the tie C = L
    assert in_process[1].n_equilibria.max() == 7
    for a, b in zip(in_process, on_dask, strict=True):
        same_result(a, b)


@pytest.mark.slow
def test_dask_cluster_with_worker_processes_matches(in_process):
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = sweeps(client.get_executor())
    for a, b in zip(in_process, on_dask, strict=True):
        same_result(a, b)
