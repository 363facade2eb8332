Extension: LineOfBusinessExt
Id: line-of-business
Title: "Line of Business"
Description: "The market segment (commercial, Medicare Advantage, Medicaid, Medicare fee for service) of the members a contract, or a report about it, covers."
Context: Measure, MeasureReport
* value[x] only CodeableConcept
* valueCodeableConcept from LineOfBusinessVS (required)

Extension: ApmCategoryExt
Id: apm-category
Title: "HCP-LAN APM Category"
Description: "Where the contract's payment model sits in the HCP-LAN APM framework; use the most specific code known (a payment model rather than a subcategory)."
Context: Measure, MeasureReport
* value[x] only CodeableConcept
* valueCodeableConcept from HcpLanApmFrameworkVS (required)

Extension: CohortExt
Id: cohort
Title: "Contract Cohort"
Description: "The population the contract is accountable for, for example the members attributed to one accountable care organization or a product within a line of business."
Context: Measure
* value[x] only CodeableConcept

Extension: PaymentStreamExt
Id: payment-stream
Title: "Payment Stream"
Description: "A flow of money the contract defines (on Measure), or the flow a reported amount belongs to (on a MeasureReport group)."
Context: Measure, MeasureReport.group
* value[x] only CodeableConcept
* valueCodeableConcept from PaymentStreamVS (required)

Extension: ReportKindExt
Id: report-kind
Title: "Report Kind"
Description: "Whether the report is interim, preliminary, final, a reconciliation or a restatement."
Context: MeasureReport
* value[x] only CodeableConcept
* valueCodeableConcept from ReportKindVS (required)

Extension: ReportingCadenceExt
Id: reporting-cadence
Title: "Reporting Cadence"
Description: "How often reports are produced for the contract (on Measure) or which schedule produced this report (on MeasureReport)."
Context: Measure, MeasureReport
* value[x] only CodeableConcept
* valueCodeableConcept from ReportingCadenceVS (required)

Extension: VbpPeriodExt
Id: vbp-period
Title: "Typed Period"
Description: "A period with its role in the contract (contract, performance, reporting, service, payment, run-out or settlement). Base FHIR has one period per resource; value-based reports need several, each with an explicit role."
Context: Measure, MeasureReport, MeasureReport.group
* obeys vbp-per-1
* extension contains
    type 1..1 MS and
    period 1..1 MS
* extension[type].value[x] only CodeableConcept
* extension[type].valueCodeableConcept from PeriodTypeVS (required)
* extension[type] ^short = "Role of the period"
* extension[period].value[x] only Period
* extension[period] ^short = "The period, with both start and end"

Invariant: vbp-per-1
Description: "A typed period has both a start and an end, and the end is not before the start."
Expression: "extension.where(url = 'period').value.all(start.exists() and end.exists() and end >= start)"
Severity: #error

Extension: PaidThroughDateExt
Id: paid-through-date
Title: "Paid Through Date"
Description: "The last claim payment date included in the reported values; claims paid after it are not reflected (see the run-out period and IBNR)."
Context: MeasureReport, MeasureReport.group
* value[x] only date

Extension: MetricBaselineExt
Id: metric-baseline
Title: "Metric Baseline"
Description: "The value of the metric in the baseline the contract compares against (for example the prior-year PMPM). Same unit as measureScore."
Context: MeasureReport.group, MeasureReport.group.stratifier.stratum
* value[x] only Quantity

Extension: MetricTargetExt
Id: metric-target
Title: "Metric Target"
Description: "The value the contract sets as target for the metric in this period. Same unit as measureScore."
Context: MeasureReport.group, MeasureReport.group.stratifier.stratum
* value[x] only Quantity

Extension: PerformanceGapExt
Id: performance-gap
Title: "Performance Gap"
Description: "The signed difference between the reported value and its target (performance reports) or threshold (quality reports): value minus target. Meaningless without the target or threshold it refers to."
Context: MeasureReport.group, MeasureReport.group.stratifier.stratum
* value[x] only Quantity

Extension: QualityThresholdExt
Id: quality-threshold
Title: "Quality Threshold"
Description: "A threshold a quality result is compared with: its type (star level, HEDIS percentile, target...), the cut point in the units of the score, and, depending on the type, the star level the cut point earns or the percentile it represents."
Context: MeasureReport.group
* extension contains
    type 1..1 MS and
    value 1..1 MS and
    starLevel 0..1 MS and
    percentile 0..1 MS
* extension[type].value[x] only CodeableConcept
* extension[type].valueCodeableConcept from ThresholdTypeVS (required)
* extension[type] ^short = "Kind of threshold"
* extension[value].value[x] only Quantity
* extension[value] ^short = "Cut point, in the units of the measure score"
* extension[starLevel].value[x] only positiveInt
* extension[starLevel] ^short = "Star level (1-5) this cut point earns, for star-level thresholds"
* extension[percentile].value[x] only decimal
* extension[percentile] ^short = "Percentile (0-100) the cut point represents, for HEDIS percentile thresholds"

Extension: ComponentMeasureExt
Id: component-measure
Title: "Component Measure"
Description: "A quality measure that is part of the contract's quality program, with its weight in the composite score and its contractual status."
Context: Measure
* extension contains
    measure 1..1 MS and
    weight 0..1 MS and
    contractualStatus 1..1 MS
* extension[measure].value[x] only canonical
* extension[measure] ^short = "Canonical URL of the component measure"
* extension[weight].value[x] only decimal
* extension[weight] ^short = "Weight in the composite (all weights of a contract sum to 100, or to 1)"
* extension[contractualStatus].value[x] only CodeableConcept
* extension[contractualStatus].valueCodeableConcept from ContractualStatusVS (required)
* extension[contractualStatus] ^short = "Contractual, pay for reporting, informational or gate"

Extension: ProviderOrganizationExt
Id: provider-organization
Title: "Provider Organization"
Description: "The provider organization a value-based performance or quality report is about. FHIR R4 does not allow an Organization as MeasureReport.subject (and DEQM summary reports prohibit subject altogether), so the provider organization is carried here."
Context: MeasureReport
* value[x] only Reference($USCoreOrganization)
