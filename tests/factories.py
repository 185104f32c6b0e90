"""Small valid case data for tests; each test changes what it is about."""

from __future__ import annotations

import copy
from typing import Any

_BASE: dict[str, Any] = {
    "format": "exwatch-case/1",
    "id": "doe-2020",
    "title": "Jane Doe (test case)",
    "subject": {
        "names": [
            {"name": "Jane Doe", "kind": "primary", "script": "Latn", "lang": "en"},
            {
                "name": "Джейн Доу",
                "kind": "transliteration",
                "script": "Cyrl",
                "lang": "ru",
                "sources": [{"source": "judgment", "pinpoint": "§ 1"}],
            },
        ],
        "birth_date": "1970",
        "nationalities": ["TJ"],
        "profiles": ["journalist"],
        "sources": [{"source": "judgment", "pinpoint": "§ 2"}],
    },
    "states": [
        {"state": "TJ", "roles": ["persecuting", "requesting"], "sources": ["judgment"]},
        {"state": "RU", "roles": ["custodial"], "sources": [{"source": "judgment", "pinpoint": "§ 5"}]},
    ],
    "requests": [
        {
            "id": "tj-extradition",
            "kind": "extradition_request",
            "issuer": "TJ",
            "addressed_to": "RU",
            "date": "2020-03",
            "charges": ["calls to extremism"],
            "status": "pending",
            "sources": ["judgment"],
        }
    ],
    "events": [
        {
            "id": "arrest",
            "date": "2020-02-14",
            "jurisdiction": "RU",
            "body": "Police of Moscow",
            "action": "arrest",
            "requests": ["tj-extradition"],
            "sources": ["judgment"],
        },
        {
            "id": "rule39",
            "date": "2020-04",
            "jurisdiction": "ECTHR",
            "body": "European Court of Human Rights",
            "action": "interim_measure",
            "outcome": "Rule 39 indicated",
            "sources": ["judgment"],
        },
    ],
    "facts": [
        {
            "id": "refugee-de",
            "kind": "refugee_status",
            "text": "Recognised as a refugee in Germany.",
            "state": "DE",
            "date": "2018",
            "sources": ["judgment"],
        }
    ],
    "sources": [
        {
            "id": "judgment",
            "title": "Doe v. Russia (test)",
            "kind": "judgment",
            "publisher": "European Court of Human Rights",
            "date": "2020-12-01",
            "url": "https://hudoc.echr.coe.int/eng?i=001-000000",
            "language": "en",
        }
    ],
}


def case_data(**changes: Any) -> dict[str, Any]:
    """A deep copy of the base case with top-level fields replaced."""
    data = copy.deepcopy(_BASE)
    data.update(changes)
    return data
