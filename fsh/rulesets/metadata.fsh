// Shared metadata for terminology resources authored in this guide.
RuleSet: VbprTerminologyMetadata
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete

RuleSet: VbprValueSetMetadata
* ^status = #active
* ^experimental = false

// Properties of one HCP-LAN APM framework concept.
RuleSet: ApmProperties(code, linked, assumed, tested)
* {code} ^property[+].code = #linked-to-quality
* {code} ^property[=].valueBoolean = {linked}
* {code} ^property[+].code = #assumed-nominal-risk
* {code} ^property[=].valueBoolean = {assumed}
* {code} ^property[+].code = #nominal-risk-test-required
* {code} ^property[=].valueBoolean = {tested}

RuleSet: ApmRiskType(code, risk)
* {code} ^property[+].code = #risk-type
* {code} ^property[=].valueCoding = http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/apm-risk-type#{risk}

// Properties of one performance metric concept: value type, unit (code and system) and aggregation.
RuleSet: MetricProperties(code, valueType, unit, unitSystem, aggregation)
* {code} ^property[+].code = #value-type
* {code} ^property[=].valueCoding = http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/metric-value-type#{valueType}
* {code} ^property[+].code = #unit
* {code} ^property[=].valueString = "{unit}"
* {code} ^property[+].code = #unit-system
* {code} ^property[=].valueString = "{unitSystem}"
* {code} ^property[+].code = #aggregation
* {code} ^property[=].valueCoding = http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/metric-aggregation#{aggregation}

RuleSet: AbstractConcept(code)
* {code} ^property[+].code = #notSelectable
* {code} ^property[=].valueBoolean = true
