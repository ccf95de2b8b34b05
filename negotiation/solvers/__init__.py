"""Solvers: pure-strategy analysis, exact and numeric enumeration, components."""
