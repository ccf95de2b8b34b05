"""Game-theoretic models of international negotiations, symbolic and numeric.

The public API is re-exported here; nothing else is public.

Examples
--------
>>> import negotiation as ng
>>> pd = ng.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...              strategies=(("Cooperate", "Defect"), ("Cooperate", "Defect")))
>>> [eq.row_support + eq.col_support for eq in pd.equilibria(exact=True)]
[('Defect', 'Defect')]
"""

from importlib.metadata import PackageNotFoundError, version

# --- errors -------------------------------------------------------------
from negotiation.errors import (
    BargainingError,
    ExactArithmeticError,
    FreeParameterError,
    GameTreeError,
    InvalidGameError,
    NegotiationError,
    RepeatedGameError,
    ScenarioError,
    ScenarioFileError,
    SweepError,
    UnknownLabelError,
    UnsafeExpressionError,
)

# --- core game model (issue 2) ------------------------------------------
from negotiation.games.normal_form import (
    Domination,
    Equilibrium,
    EquilibriumComponent,
    Game,
)

# --- sequential and repeated games (issue 5) ----------------------------
# --- scenarios, expressions, timeline, command line (issue 3) -----------
# --- bargaining (issue 4) -----------------------------------------------
# --- sweeps (issue 7) ---------------------------------------------------
# --- live exploration (issue 6) -----------------------------------------

try:
    __version__ = version("negotiation")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "BargainingError",
    "Domination",
    "Equilibrium",
    "EquilibriumComponent",
    "ExactArithmeticError",
    "FreeParameterError",
    "Game",
    "GameTreeError",
    "InvalidGameError",
    "NegotiationError",
    "RepeatedGameError",
    "ScenarioError",
    "ScenarioFileError",
    "SweepError",
    "UnknownLabelError",
    "UnsafeExpressionError",
    "__version__",
]
