"""Engines move Documents through the pipeline; they know nothing of Arabic."""
