"""igkit's offline FHIR R4 validator (`igkit validate`).

Parts:

- input: `model` (shared data shapes), `reader` (picks the parser), `jsonparse` / `xmlparse`
  (FHIR JSON/XML with line and column);
- definitions: `definitions` (package index, --load targets, lookup by canonical URL),
  `snapshot` (snapshot generation), `structure` (a snapshot as a tree of element nodes);
- the walk: `engine` (files -> issues), `context` (run context, locations), `resources`
  (a resource against its base definition and profiles), `walker` (elements, cardinality,
  choice types), `datatypes` and `primitives` (value checks; their messages in
  `primitives_messages`), `durations`;
- checkers: `fixed` (fixed[x]/pattern[x]), `bindings` + `terminology` (value sets in
  `terminology_valueset`, code systems in `terminology_codesystem`, UCUM in `terminology_ucum`), `slicing`,
  `extensions`, `references`, `bundles`, `measure`, `invariants` + `fhirpath`,
  `narrative` + `xhtml`;
- output: `issues` (the Issue model), `messages` (the message catalogue), `output`
  (OperationOutcome / Bundle / text), `cli` (the command), `java` (the HL7 validator engine).
"""
