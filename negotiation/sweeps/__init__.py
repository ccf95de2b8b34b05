"""Parameter sweeps: the equilibria of a game over millions of parameter points.

:func:`sweep` evaluates a game's payoffs on whole arrays of parameter values
(a grid or a Monte Carlo sample) and finds every equilibrium at every point
with the batched numpy kernels of :mod:`negotiation.solvers.batched`, in
chunks, optionally on a process pool or a Dask cluster. It returns a
:class:`SweepResult`.
"""

from negotiation.sweeps.design import DISTRIBUTIONS
from negotiation.sweeps.execute import sweep
from negotiation.sweeps.result import OutcomeShares, SweepResult

__all__ = ["DISTRIBUTIONS", "OutcomeShares", "SweepResult", "sweep"]
