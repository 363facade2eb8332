"""fhirpath: invariants with fhirpathpy plus the functions and variables R4 validation needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from igkit.validate.fhirpath import ELE_1, EXT_1, InvariantEngine
from igkit.validate.terminology import Terminology
from igkit.validate.values import PRIMITIVES
from tests.validate import _vb_defs as _vb

SAMPLES = Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance/r4-examples-sample")
NS = 'xmlns="http://www.w3.org/1999/xhtml"'


@pytest.fixture(scope="module")
def defs():
    if not _vb.R4_CORE.exists():
        pytest.skip("hl7.fhir.r4.core#4.0.1 is not installed")
    return _vb.PackageDefs()


@pytest.fixture(scope="module")
def engine(defs):
    return InvariantEngine(defs, Terminology(defs), conforms_to=lambda item, url: url.endswith("/good"))


def core_constraints(defs, type_name: str, path: str | None = None) -> dict[str, str]:
    sd = defs.structure_for_type(type_name)
    path = path or type_name
    element = next(e for e in sd["snapshot"]["element"] if e["path"] == path)
    return {c["key"]: c["expression"] for c in element.get("constraint", []) if "expression" in c}


def test_domain_resource_invariants(defs, engine):
    inv = core_constraints(defs, "MeasureReport")
    good = {
        "resourceType": "MeasureReport",
        "status": "complete",
        "type": "summary",
        "measure": "http://m",
        "text": {"status": "generated", "div": f"<div {NS}>x</div>"},
        "contained": [{"resourceType": "Organization", "id": "org"}],
        "reporter": {"reference": "#org"},
        "period": {"start": "2022-01-01", "end": "2022-12-31"},
    }

    def run(key, res):
        return engine.check(inv[key], res, resource=res, key=key)

    for key in ("dom-2", "dom-3", "dom-4", "dom-5", "dom-6", "mrp-1", "mrp-2"):
        assert run(key, good).passed, key
    unreferenced = {**good, "reporter": {"display": "x"}}
    assert not run("dom-3", unreferenced).passed
    nested = {
        **good,
        "contained": [
            {
                "resourceType": "Organization",
                "id": "org",
                "contained": [{"resourceType": "Patient", "id": "p"}],
            }
        ],
    }
    assert not run("dom-2", nested).passed
    versioned = {
        **good,
        "contained": [{"resourceType": "Organization", "id": "org", "meta": {"versionId": "1"}}],
    }
    assert not run("dom-4", versioned).passed
    secured = {
        **good,
        "contained": [{"resourceType": "Organization", "id": "org", "meta": {"security": [{"code": "R"}]}}],
    }
    assert not run("dom-5", secured).passed
    assert not run("dom-6", {k: v for k, v in good.items() if k != "text"}).passed
    collecting = {**good, "type": "data-collection", "group": [{"measureScore": {"value": 1}}]}
    assert not run("mrp-1", collecting).passed
    strata = {**good, "group": [{"stratifier": [{"stratum": [{"value": {"text": "a"}}, {}]}]}]}
    assert not run("mrp-2", strata).passed


def test_datatype_invariants_on_sub_nodes(defs, engine):
    res = {"resourceType": "Basic"}
    qty3 = core_constraints(defs, "Quantity")["qty-3"]
    assert engine.check(
        qty3,
        {"value": 1, "code": "mg", "system": "http://unitsofmeasure.org"},
        resource=res,
        type_name="Quantity",
    ).passed
    assert not engine.check(qty3, {"value": 1, "code": "mg"}, resource=res, type_name="Quantity").passed
    per1 = core_constraints(defs, "Period")["per-1"]
    assert engine.check(
        per1,
        {"start": "2022-05-01T10:00:00+02:00", "end": "2022-05-01T09:30:00Z"},
        resource=res,
        type_name="Period",
    ).passed  # compared as moments, not as text
    assert not engine.check(
        per1, {"start": "2022-01-02", "end": "2022-01-01"}, resource=res, type_name="Period"
    ).passed
    assert engine.check(per1, {"start": "2022-01-01"}, resource=res, type_name="Period").passed
    ref1 = core_constraints(defs, "Reference")["ref-1"]
    container = {"resourceType": "Patient", "contained": [{"resourceType": "Organization", "id": "o"}]}
    assert engine.check(
        ref1, {"reference": "#o"}, resource=container, type_name="Reference", key="ref-1"
    ).passed
    assert not engine.check(
        ref1, {"reference": "#x"}, resource=container, type_name="Reference", key="ref-1"
    ).passed
    assert engine.check(
        ref1, {"identifier": {"value": "1"}}, resource=container, type_name="Reference", key="ref-1"
    ).passed
    rng2 = core_constraints(defs, "Range")["rng-2"]
    assert engine.check(
        rng2,
        {"low": {"value": 1, "code": "mg"}, "high": {"value": 5, "code": "mg"}},
        resource=res,
        type_name="Range",
        key="rng-2",
    ).passed
    assert not engine.check(
        rng2,
        {"low": {"value": 9, "code": "mg"}, "high": {"value": 5, "code": "mg"}},
        resource=res,
        type_name="Range",
        key="rng-2",
    ).passed


def test_backbone_node_with_path_type(engine):
    group = {"population": [{"count": 2}, {"count": 3}], "measureScore": {"value": 0.5}}
    res = {"resourceType": "MeasureReport", "group": [group]}
    assert engine.evaluate(
        "population.where(count > 2).count", group, resource=res, type_name="MeasureReport.group"
    ) == [3]
    assert engine.check(
        "measureScore is Quantity", group, resource=res, type_name="MeasureReport.group"
    ).passed
    assert engine.check(
        "%resource.group.first().population.count() = 2", group, resource=res, type_name="MeasureReport.group"
    ).passed


def test_choice_types(engine):
    obs = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"text": "x"},
        "valueQuantity": {"value": 3, "unit": "mg"},
        "component": [
            {"code": {"text": "a"}, "valueString": "s"},
            {"code": {"text": "b"}, "valueBoolean": True},
        ],
    }
    assert engine.evaluate("value.ofType(Quantity).unit", obs, resource=obs) == ["mg"]
    assert engine.check("value is Quantity", obs, resource=obs).passed
    assert engine.evaluate("value.as(Quantity).value", obs, resource=obs) == [3]
    assert engine.evaluate("component.value.ofType(string)", obs, resource=obs) == ["s"]
    assert engine.check("component.value.as(boolean).exists()", obs, resource=obs).passed
    comp = obs["component"][1]
    assert engine.check(
        "value.exists() and (value is boolean)", comp, resource=obs, type_name="Observation.component"
    ).passed


def test_primitives_with_extensions(engine):
    pat = {
        "resourceType": "Patient",
        "birthDate": "2000-01-01",
        "_birthDate": {"extension": [{"url": "http://x/t", "valueTime": "10:00:00"}]},
        "name": [
            {"given": ["A", None], "_given": [None, {"extension": [{"url": "http://x/e", "valueCode": "c"}]}]}
        ],
    }
    assert engine.evaluate("birthDate.count()", pat, resource=pat) == [1]
    assert engine.evaluate("name.given.count()", pat, resource=pat) == [2]
    assert engine.evaluate("birthDate.extension('http://x/t').value", pat, resource=pat) == ["10:00:00"]
    assert engine.evaluate("name.given.extension.url", pat, resource=pat) == ["http://x/e"]
    assert engine.evaluate("birthDate.hasValue()", pat, resource=pat) == [True]
    assert engine.evaluate("name.given[1].hasValue()", pat, resource=pat) == [False]
    # evaluated on the primitive node itself
    assert engine.check(
        ELE_1, None, resource=pat, type_name="string", primitive_extension=pat["name"][0]["_given"][1]
    ).passed
    assert engine.check(
        "extension.exists()",
        "2000-01-01",
        resource=pat,
        type_name="date",
        primitive_extension=pat["_birthDate"],
    ).passed


@pytest.mark.parametrize(
    "node",
    [
        {"value": 1},
        {"id": "a"},
        {},
        {"extension": [{"url": "u", "valueString": "v"}]},
        {"id": "a", "coding": []},
        "text",
        True,
    ],
)
def test_native_ele_1_matches_fhirpathpy(engine, node):
    res = {"resourceType": "Basic"}
    native = engine.check(ELE_1, node, resource=res, type_name="Element").passed
    generic = engine.evaluate(ELE_1, node, resource=res, type_name="Element")
    assert native == (generic == [True])


@pytest.mark.parametrize(
    "node, ok",
    [
        ({"url": "u", "valueString": "v"}, True),
        ({"url": "u", "extension": [{"url": "a", "valueCode": "c"}]}, True),
        ({"url": "u"}, False),
        ({"url": "u", "valueString": "v", "extension": [{"url": "a", "valueCode": "c"}]}, False),
    ],
)
def test_native_ext_1_matches_fhirpathpy(engine, node, ok):
    res = {"resourceType": "Basic"}
    assert engine.check(EXT_1, node, resource=res, type_name="Extension").passed is ok
    assert (engine.evaluate(EXT_1, node, resource=res, type_name="Extension") == [True]) is ok


def test_resolve_in_bundle_and_contained(engine):
    org = {"resourceType": "Organization", "id": "o1", "name": "Org"}
    mr = {
        "resourceType": "MeasureReport",
        "id": "m",
        "reporter": {"reference": "Organization/o1"},
        "subject": {"reference": "urn:uuid:abc"},
        "evaluatedResource": [{"reference": "#c"}],
        "contained": [{"resourceType": "Patient", "id": "c"}],
    }
    pat = {"resourceType": "Patient", "id": "p"}
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": "http://ex.org/fhir/MeasureReport/m", "resource": mr},
            {"fullUrl": "http://ex.org/fhir/Organization/o1", "resource": org},
            {"fullUrl": "urn:uuid:abc", "resource": pat},
        ],
    }
    kw = {"resource": mr, "bundle": bundle}
    assert engine.evaluate("reporter.resolve().name", mr, **kw) == ["Org"]
    assert engine.check("reporter.resolve() is Organization", mr, **kw).passed
    assert engine.evaluate("subject.resolve().id", mr, **kw) == ["p"]
    assert engine.evaluate("evaluatedResource.resolve().id", mr, **kw) == ["c"]
    assert engine.evaluate("reporter.resolve()", mr, resource=mr) == []


def test_member_of_conforms_to_and_variables(engine):
    pat = {
        "resourceType": "Patient",
        "gender": "female",
        "maritalStatus": {
            "coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "M"}]
        },
    }
    assert engine.check(
        "gender.memberOf('http://hl7.org/fhir/ValueSet/administrative-gender')", pat, resource=pat
    ).passed
    assert engine.check("maritalStatus.memberOf(%vs-marital-status)", pat, resource=pat).passed
    assert engine.check("maritalStatus.memberOf(%`vs-marital-status`)", pat, resource=pat).passed
    assert not engine.check(
        "gender.memberOf('http://hl7.org/fhir/ValueSet/marital-status')", pat, resource=pat
    ).passed
    assert engine.check("conformsTo('http://x/good')", pat, resource=pat).passed
    assert not engine.check("conformsTo('http://x/bad')", pat, resource=pat).passed
    assert engine.evaluate("%ucum", pat, resource=pat) == ["http://unitsofmeasure.org"]
    assert engine.evaluate("%sct & '|' & %loinc", pat, resource=pat) == [
        "http://snomed.info/sct|http://loinc.org"
    ]
    assert engine.evaluate("%ext-patient-birthPlace", pat, resource=pat) == [
        "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"
    ]
    inner = {"resourceType": "Organization", "id": "o"}
    outer = {"resourceType": "Patient", "id": "p", "contained": [inner]}
    assert engine.evaluate(
        "%rootResource.id & %resource.id & %context.id", inner, resource=inner, root_resource=outer
    ) == ["poo"]


def test_narrative_checks_by_key(defs, engine):
    inv = core_constraints(defs, "Narrative", "Narrative.div")
    res = {"resourceType": "Basic"}
    script = f"<div {NS}>x<script>alert(1)</script></div>"
    empty = f"<div {NS}><p/></div>"
    assert not engine.check(inv["txt-1"], script, resource=res, type_name="xhtml", key="txt-1").passed
    assert engine.check(inv["txt-2"], script, resource=res, type_name="xhtml", key="txt-2").passed
    assert engine.check(inv["txt-1"], empty, resource=res, type_name="xhtml", key="txt-1").passed
    assert not engine.check(inv["txt-2"], empty, resource=res, type_name="xhtml", key="txt-2").passed


def test_evaluation_errors_are_reported_not_raised(engine):
    res = {"resourceType": "Basic"}
    bad = engine.check("name.where(", res, resource=res)
    assert bad.passed is False and bad.error
    assert engine.check("name.where(x = )", res, resource=res).error
    unknown = engine.check("name.noSuchFunction()", res, resource=res)
    assert unknown.passed is False and unknown.error
    assert engine.check("trace('x').exists()", res, resource=res).passed  # trace is silent


# -- experiment subset: every core invariant over official examples --------------------------

PRIMS = PRIMITIVES  # the validator's one table of primitive types


class _Walker:
    """Evaluates the base definitions' invariants on every element of an instance."""

    def __init__(self, defs, engine):
        self.defs, self.engine, self.cache, self.failures = defs, engine, {}, []

    def elements(self, type_name):
        if type_name not in self.cache:
            sd = self.defs.structure_for_type(type_name)
            self.cache[type_name] = {e["path"]: e for e in sd["snapshot"]["element"]} if sd else None
        return self.cache[type_name]

    def resource(self, res, root=None, bundle=None):
        el = self.elements(res["resourceType"])
        if el is None:
            return
        rt = res["resourceType"]
        self.constraints(el[rt], res, res, root or res, bundle, None, None)
        self.children(res, el, rt, res, root or res, bundle if res.get("resourceType") != "Bundle" else res)

    def constraints(self, ed, node, res, root, bundle, type_name, ext):
        for c in ed.get("constraint", []):
            if "expression" in c:
                r = self.engine.check(
                    c["expression"],
                    node,
                    resource=res,
                    root_resource=root,
                    bundle=bundle,
                    type_name=type_name,
                    key=c["key"],
                    primitive_extension=ext,
                )
                if r.error or (not r.passed and c.get("severity") == "error"):
                    self.failures.append((c["key"], r.error))

    def children(self, node, el, path, res, root, bundle):
        for k, v in node.items():
            if k == "resourceType" or k.startswith("_"):
                continue
            ed, code = el.get(f"{path}.{k}"), None
            if ed is None:
                for p, e in el.items():
                    base = p[len(path) + 1 : -3]
                    if (
                        p.startswith(path + ".")
                        and p.endswith("[x]")
                        and "." not in base
                        and k.startswith(base)
                    ):
                        for t in e.get("type", []):
                            if t["code"][:1].upper() + t["code"][1:] == k[len(base) :]:
                                ed, code = e, t["code"]
            if ed is None:
                continue
            if code is None:
                types = ed.get("type") or []
                code = types[0]["code"] if types else None
                if code and code.startswith("http://hl7.org/fhirpath/System."):
                    code = "string"
            items = v if isinstance(v, list) else [v]
            exts = node.get("_" + k)
            exts = exts if isinstance(exts, list) else [exts] * len(items)
            for i, item in enumerate(items):
                if "contentReference" in ed:
                    target = ed["contentReference"][1:]
                    self.constraints(ed, item, res, root, bundle, target, None)
                    self.children(item, el, target, res, root, bundle)
                elif code == "Resource":
                    self.resource(item, root=res if k == "contained" else None, bundle=bundle)
                elif code in ("BackboneElement", "Element") and any(
                    p.startswith(ed["path"] + ".") for p in el
                ):
                    self.constraints(ed, item, res, root, bundle, ed["path"], None)
                    self.children(item, el, ed["path"], res, root, bundle)
                elif code in PRIMS or code is None:
                    self.constraints(ed, item, res, root, bundle, code, exts[i] if i < len(exts) else None)
                else:
                    self.constraints(ed, item, res, root, bundle, code, None)
                    tel = self.elements(code)
                    if tel and isinstance(item, dict):
                        self.constraints(tel[code], item, res, root, bundle, code, None)
                        self.children(item, tel, code, res, root, bundle)


@pytest.mark.skipif(not SAMPLES.exists(), reason="r4 examples not available")
def test_core_invariants_hold_on_official_examples(defs, engine):
    walker = _Walker(defs, engine)
    files = sorted(SAMPLES.glob("*.json"))[::8]  # a spread-out subset; the full run is an experiment
    for path in files:
        walker.resource(json.loads(path.read_text(encoding="utf-8")))
    assert len(files) > 50
    assert walker.failures == []


# -- memoised sub-expressions (fhirpath_memo) ---------------------------------------------------

_LAN_LIKE = {
    "resourceType": "MeasureReport",
    "status": "complete",
    "extension": [
        {"url": "http://example.org/check", "extension": [{"url": "sum", "valueDecimal": 30}]},
    ],
    "group": [
        {"code": {"coding": [{"code": "total"}]}, "measureScore": {"value": 40}},
        {
            "code": {"coding": [{"code": "a"}]},
            "measureScore": {"value": 10},
            "extension": [{"url": "pct", "valueDecimal": 25}],
        },
        {
            "code": {"coding": [{"code": "b"}]},
            "measureScore": {"value": 20},
            "extension": [{"url": "pct", "valueDecimal": 50}],
        },
        {
            "code": {"coding": [{"code": "c"}]},
            "measureScore": {"value": 10},
            "extension": [{"url": "pct", "valueDecimal": 20}],
        },
    ],
}

MEMO_EXPRESSIONS = [
    # %context chains inside all()/where() (evaluated once), repeated focus chains, closed unions
    (
        "group.where((code.coding.code contains 'total').not()).all(extension.where(url = 'pct').value"
        " = measureScore.value * 100 / %context.group.where(code.coding.code contains 'total').measureScore.value)"
    ),
    (
        "group.where(code.coding.code contains 'total').measureScore.value = 40 and "
        "group.where(code.coding.code contains 'total').measureScore.value > 0"
    ),
    "group.where(code.coding.code.intersect('a' | 'b').exists()).measureScore.value.aggregate($this + $total, 0)",
    (
        "group.where(code.coding.code.intersect('a' | 'b').exists()).count() = 2 and "
        "group.where(code.coding.code.intersect('a' | 'c').exists()).count() = 2"
    ),
    (
        "extension.where(url = 'http://example.org/check').all(extension.where(url = 'sum').value = "
        "%context.group.where(code.coding.code.intersect('a' | 'b').exists()).measureScore.value.aggregate($this + $total, 0))"
    ),
    # $this, $index and the focus inside the bodies must not be memoised across items
    "group.select(measureScore.value + %context.group.count())",
    "group.where($this.measureScore.value > 10).code.coding.code",
    "group.select(code.coding.code.intersect('a' | 'b' | %resource.group.code.coding.code))",
    "group.measureScore.value.where($this = %context.group.measureScore.value.first())",
    "(group.code.coding.code | %context.group.code.coding.code).count()",
    "group.all(measureScore.value <= %context.group.measureScore.value.aggregate(iif($this > $total, $this, $total), 0))",
]


@pytest.mark.parametrize("expression", MEMO_EXPRESSIONS)
def test_memoised_evaluation_equals_plain_evaluation(defs, expression):
    def run(memoise: bool) -> list:
        engine = InvariantEngine(defs)
        engine.memoise = memoise
        result = engine.evaluate(expression, _LAN_LIKE, resource=_LAN_LIKE)
        return [getattr(item, "data", item) for item in result]

    assert run(True) == run(False)


def test_memoised_results_are_the_expected_ones(defs):
    engine = InvariantEngine(defs)
    r = _LAN_LIKE
    assert engine.evaluate(MEMO_EXPRESSIONS[0], r, resource=r) == [False]  # c: 20 is not 10 * 100 / 40
    assert engine.evaluate(MEMO_EXPRESSIONS[1], r, resource=r) == [True]
    assert engine.evaluate(MEMO_EXPRESSIONS[3], r, resource=r) == [True]
    assert engine.evaluate(MEMO_EXPRESSIONS[4], r, resource=r) == [True]
    found = engine.evaluate(MEMO_EXPRESSIONS[6], r, resource=r)
    assert [getattr(n, "data", n) for n in found] == ["total", "b"]
    changed = json.loads(json.dumps(r))
    changed["group"][3]["extension"][0]["valueDecimal"] = 25
    assert engine.evaluate(MEMO_EXPRESSIONS[0], changed, resource=changed) == [True]  # no stale memo
