"""Procedure models: for each jurisdiction (or forum), the stages of an extradition, who decides at each,
the remedies and their time limits. From a case's events they give where the case stands and by when."""
