"""Named-entity tagging: a CRF trained on ANERcorp (features, model loading, decoding)."""
