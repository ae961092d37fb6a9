"""Events: from trigger words and the mentions of earlier stages to ACLED-style records.

The stage :mod:`hadath.stages.events` runs these steps in order:

- :mod:`~hadath.events.lexicon`: the trigger lexicon and the cues, compiled once;
- :mod:`~hadath.events.detect`: candidate events, one per sentence that states one;
- :mod:`~hadath.events.slots`: actors, place and date of each candidate;
- :mod:`~hadath.events.casualties`: fatalities (low/best/high), injured, captured;
- :mod:`~hadath.events.attribution`: claims, cited sources and certainty;
- :mod:`~hadath.events.merge`: later mentions of one event merged into the first,
  and one event per location when a sentence lists several;
- :mod:`~hadath.events.passage`: what the sentences around an event settle (dates
  and places carried over, targets named nearby, claims by the attacker itself).
"""
