"""Game models: normal form, extensive form (trees) and repeated games."""
