"""Malformed instances never make the validator fail: every shape problem becomes an issue."""

from __future__ import annotations

import copy
import json
import random

import pytest

from igkit.validate.context import Options
from igkit.validate.engine import Validator

SEEDS = [
    {
        "resourceType": "Patient",
        "id": "p",
        "name": [{"family": "F", "given": ["G"]}],
        "gender": "male",
        "contained": [{"resourceType": "Organization", "id": "o", "name": "O"}],
        "managingOrganization": {"reference": "#o"},
        "extension": [
            {
                "url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
                "valueAddress": {"city": "X"},
            }
        ],
    },
    {
        "resourceType": "Bundle",
        "type": "document",
        "entry": [
            {
                "fullUrl": "urn:uuid:0b3c7e1a-0000-4000-8000-000000000001",
                "resource": {
                    "resourceType": "Composition",
                    "status": "final",
                    "type": {"coding": [{"system": "http://loinc.org", "code": "60591-5"}]},
                    "date": "2020-01-01",
                    "title": "t",
                    "author": [{"reference": "urn:uuid:0b3c7e1a-0000-4000-8000-000000000002"}],
                },
            },
            {
                "fullUrl": "urn:uuid:0b3c7e1a-0000-4000-8000-000000000002",
                "resource": {"resourceType": "Practitioner"},
            },
        ],
    },
    {
        "resourceType": "MeasureReport",
        "status": "complete",
        "type": "summary",
        "measure": "http://x.org/Measure/m",
        "period": {"start": "2020-01-01", "end": "2020-12-31"},
        "group": [
            {
                "population": [
                    {
                        "code": {
                            "coding": [
                                {
                                    "system": "http://terminology.hl7.org/CodeSystem/measure-population",
                                    "code": "numerator",
                                }
                            ]
                        },
                        "count": 1,
                    }
                ],
                "measureScore": {"value": 0.5},
            }
        ],
    },
]
ODD = [None, [], {}, "", 0, 1.5, True, [1], {"a": 1}, [{}], {"extension": []}, {"coding": True}]


def _mutate(node: object, rng: random.Random) -> None:
    if isinstance(node, dict) and node:
        key = rng.choice(sorted(node))
        roll = rng.random()
        if roll < 0.3:
            node[key] = copy.deepcopy(rng.choice(ODD))
        elif roll < 0.4:
            del node[key]
        else:
            _mutate(node[key], rng)
    elif isinstance(node, list) and node:
        _mutate(rng.choice(node), rng)


@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_mutated_resources_give_issues_not_crashes(core_defs, seed, monkeypatch):
    monkeypatch.setenv("IGKIT_DEBUG", "1")  # a validator defect raises instead of becoming an issue
    validator = Validator(core_defs, Options())
    rng = random.Random(seed)
    for _ in range(60):
        data = copy.deepcopy(SEEDS[seed])
        for _ in range(3):
            _mutate(data, rng)
        result = validator.validate_bytes(json.dumps(data).encode(), "fuzz.json")
        assert all(i.message_id != "VALIDATOR_INTERNAL_ERROR" for i in result.issues)
