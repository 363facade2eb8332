Profile: VbpMeasure
Parent: Measure
Id: vbp-measure
Title: "VBP Measure"
Description: "The program of a value-based contract between a payer and a provider organization: line of business, HCP-LAN APM category, cohort, payment streams, contract and performance periods, reporting cadence, the metrics reported and the component quality measures with their weights and contractual status."
* obeys vbp-m-1 and vbp-m-2 and vbp-m-3 and vbp-m-4
* extension contains
    LineOfBusinessExt named lineOfBusiness 1..1 MS and
    ApmCategoryExt named apmCategory 1..1 MS and
    CohortExt named cohort 0..* MS and
    PaymentStreamExt named paymentStream 0..* MS and
    ReportingCadenceExt named reportingCadence 0..1 MS and
    VbpPeriodExt named vbpPeriod 0..* MS and
    ComponentMeasureExt named componentMeasure 0..* MS
* extension[vbpPeriod] ^short = "Performance periods (contract years) of the contract"
* url 1..1 MS
* version 1..1 MS
* name 1..1 MS
* title 1..1 MS
* status MS
* experimental 1..1 MS
* publisher 1..1 MS
* description 1..1 MS
* effectivePeriod 1..1 MS
* effectivePeriod ^short = "Contract period: when the agreement is in force"
* group MS
* group.code 1..1 MS
* group.code from PerformanceMetricVS (extensible)
* group.code ^short = "Metric reported under the contract"
* group.description MS
* group.stratifier.code from StratifierDimensionVS (extensible)

Invariant: vbp-m-1
Description: "When component measures carry weights, the weights sum to 100 (percent) or to 1 (fraction)."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/component-measure').extension.where(url = 'weight').exists() implies (extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/component-measure').extension.where(url = 'weight').value.aggregate($this + $total, 0) = 100 or extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/component-measure').extension.where(url = 'weight').value.aggregate($this + $total, 0) = 1)"
Severity: #error

Invariant: vbp-m-2
Description: "Every performance period of the contract lies within the contract period (effectivePeriod)."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/vbp-period').where(extension.where(url = 'type').value.coding.code = 'performance').all(extension.where(url = 'period').value.start >= %resource.effectivePeriod.start and extension.where(url = 'period').value.end <= %resource.effectivePeriod.end)"
Severity: #error

Invariant: vbp-m-3
Description: "The contract period has both a start and an end."
Expression: "effectivePeriod.start.exists() and effectivePeriod.end.exists()"
Severity: #error

Invariant: vbp-m-4
Description: "Contractual component measures carry a weight; informational and gate measures carry none."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/component-measure').where(extension.where(url = 'contractualStatus').value.coding.code = 'contractual').all(extension.where(url = 'weight').exists()) and extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/component-measure').where(extension.where(url = 'contractualStatus').value.coding.code = 'informational' or extension.where(url = 'contractualStatus').value.coding.code = 'gate').all(extension.where(url = 'weight').empty())"
Severity: #error
