"""Quantities in Arabic news: figures, number words, duals, ranges and hedges."""
