// LAN Nominal Risk: one FFS-based shared-risk (3B) contract tested against the LAN nominal risk
// threshold (workbook CMS-10620 Tabs 8-10, Definitions). Generated examples: input/examples.
Profile: LANNominalRisk
Parent: MeasureReport
Id: lan-nominal-risk
Title: "LAN Nominal Risk"
Description: """One FFS-based shared-risk (APM subcategory 3B) contract of a payer and whether it meets the HCP-LAN nominal risk threshold: a report per contract, with its line of business, contract type (total cost of care or percent of revenue) and contract identifier as extensions, one group per parameter (risk minimum, risk maximum, provider risk share, net risk as UCUM % on a 0-100 scale; contract total dollars in USD) and the verdict in the lan-meets-nominal-risk extension. A contract meets the threshold when its risk minimum is at most 4%, its provider risk share at least 30% and its net risk (risk maximum x provider share) at least 3% (total cost of care) or 8% (percent of revenue). Dollars in procedure-based bundles (3B) and in Category 4 meet the threshold by definition and need no such report."""
* ^status = #active
* ^experimental = false
* obeys vbpr-nr-1 and vbpr-nr-2 and vbpr-nr-3 and vbpr-nr-4 and vbpr-nr-5
* extension contains
    $LANLineOfBusinessExt named lineOfBusiness 1..1 MS and
    LANContract named contract 1..1 MS and
    LANContractTypeExt named contractType 1..1 MS and
    LANMeetsNominalRisk named meetsNominalRisk 1..1 MS
* status = #complete (exactly)
* type = #summary (exactly)
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/lan-nominal-risk" (exactly)
* date 1..1 MS
* reporter MS
* reporter only Reference(Organization)
* period MS
* period.start 1..1 MS
* period.end 1..1 MS
* group 5..5 MS
* group ^short = "One group per nominal risk parameter"
* group.code 1..1 MS
* group.code from LANNominalRiskParameterVS (required)
* group.population 0..0
* group.stratifier 0..0
* group.measureScore 1..1 MS
* group.measureScore ^short = "Percent (UCUM %, 0-100) or dollars (USD, contract total dollars)"
* group.measureScore.value 1..1
* group.measureScore.system 1..1
* group.measureScore.code 1..1

Invariant: vbpr-nr-1
Description: "The report has 5 groups, one for each nominal risk parameter."
Severity: #error
Expression: "group.count() = 5 and group.all(code.coding.where(system = 'http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-apm-metric').count() = 1) and group.code.coding.where(system = 'http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-apm-metric').code.isDistinct()"

Invariant: vbpr-nr-2
Description: "Net risk = risk maximum x provider risk share / 100 (percentages on a 0-100 scale, within 0.005)."
Severity: #error
Expression: "(group.where(code.coding.code contains 'net-risk').measureScore.value - group.where(code.coding.code contains 'risk-maximum').measureScore.value * group.where(code.coding.code contains 'provider-risk-share').measureScore.value / 100).abs() < 0.005"

Invariant: vbpr-nr-3
Description: "The meets-nominal-risk flag is true exactly when risk minimum <= 4%, provider risk share >= 30% and net risk >= 3% (total cost of care) or >= 8% (percent of revenue)."
Severity: #error
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-meets-nominal-risk').value = (group.where(code.coding.code contains 'risk-minimum').measureScore.value <= 4 and group.where(code.coding.code contains 'provider-risk-share').measureScore.value >= 30 and group.where(code.coding.code contains 'net-risk').measureScore.value >= iif(extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-contract-type').value.coding.code contains 'percent-of-revenue', 8, 3))"

Invariant: vbpr-nr-4
Description: "Risk minimum, risk maximum, provider risk share and net risk are UCUM % between 0 and 100; contract total dollars are non-negative USD."
Severity: #error
Expression: "group.where(code.coding.code.intersect('risk-minimum' | 'risk-maximum' | 'provider-risk-share' | 'net-risk').exists()).measureScore.all(code = '%' and system = 'http://unitsofmeasure.org' and value >= 0 and value <= 100) and group.where(code.coding.code contains 'contract-total-dollars').measureScore.all(code = 'USD' and system = 'urn:iso:std:iso:4217' and value >= 0)"

Invariant: vbpr-nr-5
Description: "The reporting period is 12 months: period.end is the day before period.start + 12 months (dates, YYYY-MM-DD)."
Severity: #error
Expression: "period.start.exists() and period.end.exists() and (period.start + 12 months) - 1 day = period.end"
