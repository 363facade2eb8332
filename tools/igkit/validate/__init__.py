"""igkit's offline FHIR R4 validator.

Parts: `model` (shared data shapes), `jsonparse`/`xmlparse` (input with line/column),
`primitives`, `definitions` (loading and indexing conformance resources), `snapshot`
(snapshot generation), the element walker and its checkers (structure, cardinality, types,
fixed/pattern, slicing, extensions, references, bundles, measure), `terminology`
(value set expansion and code checks), `fhirpath` (invariants), `xhtml` (narrative),
`issues`/`messages` (the issue model and message catalogue) and `output`.
"""
