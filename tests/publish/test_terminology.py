from igkit.publish.terminology import Expander, TerminologySource, concept_rows

from .helpers import load, resolver, write_project

CS_URL = "http://example.org/fhir/unit/CodeSystem/tier"
CS = {
    "resourceType": "CodeSystem", "id": "tier", "url": CS_URL, "content": "complete",
    "concept": [
        {"code": "1", "display": "One"},
        {"code": "2", "display": "Two", "concept": [
            {"code": "2A", "display": "Two A", "property": [{"code": "weight", "valueInteger": 5}]},
            {"code": "2B", "display": "Two B", "concept": [{"code": "2B1", "display": "Two B one"}]}]},
        {"code": "3", "display": "Three", "property": [{"code": "inactive", "valueBoolean": True}]},
    ],
}  # fmt: skip


def _vs(vid, compose):
    return {
        "resourceType": "ValueSet",
        "id": vid,
        "url": f"http://example.org/fhir/unit/ValueSet/{vid}",
        "compose": compose,
    }


VALUE_SETS = {
    "all": _vs("all", {"include": [{"system": CS_URL}]}),
    "two": _vs("two", {"include": [{"system": CS_URL, "filter": [{"property": "concept", "op": "is-a", "value": "2"}]}],
                       "exclude": [{"system": CS_URL, "concept": [{"code": "2B"}]}]}),
    "below": _vs("below", {"include": [{"system": CS_URL, "filter": [
        {"property": "concept", "op": "descendent-of", "value": "2"}]}]}),
    "listed": _vs("listed", {"include": [{"system": "http://loinc.org", "concept": [{"code": "1-8", "display": "A"}]},
                                         {"system": CS_URL, "concept": [{"code": "3"}]}]}),
    "import": _vs("import", {"include": [{"valueSet": ["http://example.org/fhir/unit/ValueSet/two"]}]}),
    "snomed": _vs("snomed", {"include": [{"system": "http://snomed.info/sct"}]}),
    "regex": _vs("regex", {"include": [{"system": CS_URL, "filter": [{"property": "code", "op": "regex", "value": "2.*"}]}]}),
}  # fmt: skip


def _expander(tmp_path):
    files = {"cs.json": CS, **{f"vs-{k}.json": v for k, v in VALUE_SETS.items()}}
    return Expander(TerminologySource(resolver(load(write_project(tmp_path, files)))))


def test_concept_rows_keep_the_hierarchy_and_properties():
    rows = concept_rows(CS)
    assert [(r.code, r.depth) for r in rows] == [
        ("1", 0),
        ("2", 0),
        ("2A", 1),
        ("2B", 1),
        ("2B1", 2),
        ("3", 0),
    ]
    assert rows[2].properties == (("weight", "5"),)
    assert rows[5].properties == (("inactive", "true"),)


def test_expansions(tmp_path):
    exp = _expander(tmp_path)

    def codes(name):
        result = exp.expand(VALUE_SETS[name])
        assert not result.problem, result.problem
        return [c for _, c, _ in result.contains]

    assert codes("all") == ["1", "2", "2A", "2B", "2B1", "3"]
    assert sorted(codes("two")) == ["2", "2A", "2B1"]
    assert sorted(codes("below")) == ["2A", "2B", "2B1"]
    listed = exp.expand(VALUE_SETS["listed"]).contains
    assert ("http://loinc.org", "1-8", "A") in listed and (CS_URL, "3", "Three") in listed
    assert sorted(codes("import")) == ["2", "2A", "2B1"]


def test_not_expandable_offline_says_why(tmp_path):
    exp = _expander(tmp_path)
    assert "not available offline" in exp.expand(VALUE_SETS["snomed"]).problem
    assert "regex" in exp.expand_locally(VALUE_SETS["regex"]).problem
    assert exp.expand({"resourceType": "ValueSet", "url": "http://x/none"}).problem
