"""Domain model: partial dates, states, the controlled vocabulary and the case interchange format."""
