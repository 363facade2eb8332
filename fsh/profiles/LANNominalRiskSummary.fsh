// LAN Nominal Risk Summary: one line of business's row of the workbook's Tab 10 summary table.
// Generated examples: input/examples (igkit lan examples).
Profile: LANNominalRiskSummary
Parent: MeasureReport
Id: lan-nominal-risk-summary
Title: "LAN Nominal Risk Summary"
Description: """A payer's HCP-LAN nominal risk result for one line of business over 12 months, as the workbook's nominal risk summary reports it: the total spend (all categories), the FFS-based shared-risk (3B) dollars, and those dollars split into contracts that meet and that do not meet the LAN nominal risk threshold, each in USD in `group.measureScore` with its percent of the total spend in the lan-percent-of-total extension. `evaluatedResource` lists the line's LAN Nominal Risk reports (one per contract)."""
* ^status = #active
* ^experimental = false
* obeys vbpr-nrs-1 and vbpr-nrs-2 and vbpr-nrs-3 and vbpr-nrs-4 and vbpr-nrs-5
* extension contains $LANLineOfBusinessExt named lineOfBusiness 1..1 MS
* status = #complete (exactly)
* type = #summary (exactly)
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/lan-nominal-risk-summary" (exactly)
* date 1..1 MS
* reporter MS
* reporter only Reference(Organization)
* period MS
* period.start 1..1 MS
* period.end 1..1 MS
* group 4..4 MS
* group ^short = "Total spend, shared-risk dollars, and those that meet / do not meet the threshold"
* group.extension contains LANPercentOfTotal named percentOfTotal 0..1 MS
* group.code 1..1 MS
* group.code from LANNominalRiskSummaryMetricVS (required)
* group.population 0..0
* group.stratifier 0..0
* group.measureScore 1..1 MS
* group.measureScore only MoneyQuantity
* group.measureScore.value 1..1
* group.measureScore.system 1..1
* group.measureScore.system = $LANCurrency (exactly)
* group.measureScore.code 1..1
* group.measureScore.code = #USD (exactly)
* evaluatedResource MS
* evaluatedResource only Reference(LANNominalRisk)
* evaluatedResource ^short = "The line's LAN Nominal Risk reports, one per FFS-based shared-risk contract"

Invariant: vbpr-nrs-1
Description: "The summary has 4 groups, one for each nominal risk summary metric."
Severity: #error
Expression: "group.count() = 4 and group.all(code.coding.where(system = 'http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-apm-metric').count() = 1) and group.code.coding.where(system = 'http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-apm-metric').code.isDistinct()"

Invariant: vbpr-nrs-2
Description: "Shared-risk dollars that meet plus those that do not meet the threshold equal the FFS-based shared-risk dollars (within half a cent)."
Severity: #error
Expression: "(group.where(code.coding.code contains 'ffs-shared-risk').measureScore.value - group.where(code.coding.code.intersect('nominal-risk-meets-dollars' | 'nominal-risk-not-meets-dollars').exists()).measureScore.value.aggregate($this + $total, 0)).abs() < 0.005"

Invariant: vbpr-nrs-3
Description: "Every group except the total spend carries its percent of the total spend, equal to dollars x 100 / total within 0.005 percentage points; no percent at all when the total spend is zero (not computable)."
Severity: #error
Expression: "(group.where(code.coding.code contains 'total-paid').measureScore.value = 0 implies group.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').empty()) and (group.where(code.coding.code contains 'total-paid').measureScore.value > 0 implies (group.where(code.coding.code contains 'total-paid').extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').empty() and group.where((code.coding.code contains 'total-paid').not()).all(extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').exists() and (extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').value.value - measureScore.value * 100 / %context.group.where(code.coding.code contains 'total-paid').measureScore.value).abs() <= 0.005)))"

Invariant: vbpr-nrs-4
Description: "No dollar amount or percent is negative."
Severity: #error
Expression: "group.measureScore.value.all($this >= 0) and group.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').value.value.all($this >= 0)"

Invariant: vbpr-nrs-5
Description: "The reporting period is 12 months: period.end is the day before period.start + 12 months (dates, YYYY-MM-DD)."
Severity: #error
Expression: "period.start.exists() and period.end.exists() and (period.start + 12 months) - 1 day = period.end"
