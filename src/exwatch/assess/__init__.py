"""The assessment: political-motivation indicators, destination risk, onward-transfer paths, conclusion."""
