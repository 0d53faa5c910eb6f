"""How well readout-diff does on the fixture pairs: scoring, the grid search, baselines, iSTS (not installed)."""
