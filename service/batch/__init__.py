"""Batch comparison of many meetings and the trends of what each side stresses over time."""
