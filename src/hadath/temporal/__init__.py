"""Time expressions in Arabic news: finding them and resolving them to dates.

- :mod:`hadath.temporal.lexicon` compiles ``data/dates.yaml`` into patterns over the
  normalised view;
- :mod:`hadath.temporal.finder` finds candidate expressions (an ordered cascade);
- :mod:`hadath.temporal.calendar` does the date arithmetic (weekdays, months, Hijri);
- :mod:`hadath.temporal.resolve` turns candidates into values with a precision,
  against the publication date and the previous date of the passage.
"""
