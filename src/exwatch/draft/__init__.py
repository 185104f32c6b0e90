"""Outputs advocates send: letters to the next decision-maker, INTERPOL CCF requests, ECtHR Rule 39
requests and case briefs, drafted from the reviewed case, its assessment and its sources."""
