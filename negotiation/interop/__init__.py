"""Reading and writing other tools' formats (Gambit .nfg)."""
