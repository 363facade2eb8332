Profile: VbpQualityMeasureReport
Parent: $DEQMSummary
Id: vbp-quality-measurereport
Title: "VBP Quality MeasureReport"
Description: "A payer's summary result of one component quality measure for a provider organization under a value-based contract, built on the DEQM summary MeasureReport: the score, the thresholds it is compared with (star cut points, HEDIS percentiles, targets) and the gap to the threshold that matters."
* extension[category] 1..1 MS
* extension[category].valueCodeableConcept = $MRCategory#vbp
* extension contains
    LineOfBusinessExt named lineOfBusiness 1..1 MS and
    ReportKindExt named reportKind 0..1 MS and
    ProviderOrganizationExt named providerOrganization 1..1 MS and
    VbpPeriodExt named vbpPeriod 0..* MS
* extension[providerOrganization] ^short = "Provider organization the result is about"
* reporter ^short = "Payer organization that produced the report"
* group.extension contains
    QualityThresholdExt named threshold 0..* MS and
    PerformanceGapExt named gap 0..1 MS
* group obeys vbp-q-1 and vbp-q-2 and vbp-q-3
* group.measureScore 1..1 MS

Invariant: vbp-q-1
Description: "A gap is only given together with at least one threshold it refers to."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/performance-gap').exists() implies extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/quality-threshold').exists()"
Severity: #error

Invariant: vbp-q-2
Description: "A star-level threshold states the star level (1 to 5) its cut point earns."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/quality-threshold').where(extension.where(url = 'type').value.coding.code = 'star-level').all(extension.where(url = 'starLevel').value >= 1 and extension.where(url = 'starLevel').value <= 5)"
Severity: #error

Invariant: vbp-q-3
Description: "A HEDIS percentile threshold states its percentile, between 0 and 100."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/quality-threshold').where(extension.where(url = 'type').value.coding.code = 'hedis-percentile').all(extension.where(url = 'percentile').value >= 0 and extension.where(url = 'percentile').value <= 100)"
Severity: #error
