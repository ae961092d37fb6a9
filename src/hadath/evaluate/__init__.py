"""The gold scorer behind ``hadath eval`` (rules in gold/README.md)."""

from hadath.evaluate.scorer import evaluate

__all__ = ["evaluate"]
