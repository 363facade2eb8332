"""`igkit test`: the IG's examples and compiled artifacts as a regression suite.

A run (`igkit.regress.runner.run`) compiles the FSH (injectable: `RunContext.compiler`),
validates every example with `igkit validate` (and the HL7 validator when
IGKIT_VALIDATOR_JAR is set; injectable: `RunContext.engines`), then checks:

* valid examples: no errors; each warning/information matches an entry of the reviewed
  allow-list input/warnings-allowlist.yaml (format in `igkit.regress.declarations`);
* invalid examples (ids `invalid-*`): exactly the issues declared in
  fsh/examples-invalid/*expected-issues.yaml (severity, invariant key or message id,
  location prefix) - a missing expected issue or an extra error fails;
* recorded outcomes tests/outcomes/<ResourceType>-<id>.json (igkit engine) and artifact
  summaries tests/artifacts/<ResourceType>-<id>.json: any difference fails with a readable
  diff unless `--update` re-records;
* coverage of each profile by the examples (`igkit.regress.coverage`).

Results are cached in .igkit/regress-cache.json (`igkit.regress.cache`).

JSON report (output/qa/test-report.json and .igkit/test-report.json; same input ->
byte-identical report)::

    {
      "examples": [{
          "file": "fsh-generated/resources/MeasureReport-x.json",  # relative to the project
          "source": "fsh/examples/X.fsh:12",      # FSH origin when known, else ""
          "resourceType": "MeasureReport", "id": "x",
          "profile": "<first meta.profile or ''>", "profiles": [...],
          "valid_expected": true,                  # false for invalid-* examples
          "status": "pass" | "fail",              # fail: problems, or an outcome diff
          "issues": [{"severity", "code", "location", "text", "message_id"?, "invariant"?,
                      "line"?, "col"?, "engine"?}],   # "engine" absent = igkit
          "problems": ["why it fails", ...],       # empty when it passes
          "outcome_diff": ["- old issue", "+ new issue"],  # vs tests/outcomes/<record>
          "record": "MeasureReport-x.json"}],
      "coverage": {<profile or extension url>: {
          "type": "MeasureReport", "examples": ["MeasureReport/x"],
          "must_support": {<element id>: {"valid": [keys], "invalid": [keys],
                                          "inherited": bool}},  # flag set by another IG's profile
          "extensions": {<extension slice id>: {"valid", "invalid", "inherited"}},
          "slices": {<slice id>: {"valid", "invalid", "inherited"}},
          "invariants": {<key>: {"element": <id>, "valid", "invalid"}},
          "gaps": [{"kind": "profile|must-support|extension|slice|invariant", "item",
                    "missing": "valid|invalid", "fails": bool}]}},
      "artifacts": {"StructureDefinition/x": {"file", "record", "status": "unchanged|changed|removed",
                    "diff": ["MeasureReport.group.measureScore: min 0 -> 1", ...]}},
      "stale_outcomes": {<record file>: [lines]},   # recorded outcomes without an example
      "stale_allowlist": ["allow-list entries that matched nothing"],
      "summary": {"result": "pass|fail", "engines", "examples", "valid_examples",
                  "invalid_examples", "examples_passed", "examples_failed" (with problems),
                  "outcomes_changed" (examples whose outcome differs from the record),
                  "artifacts", "artifacts_changed", "profiles", "gaps_failing", "gaps_listed"}
    }
"""
