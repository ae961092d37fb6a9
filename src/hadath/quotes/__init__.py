"""Quotes: attributed statements, direct and reported (see :mod:`hadath.quotes.finder`)."""
