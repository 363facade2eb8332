// LAN APM Adoption Report: a payer's HCP-LAN APM measurement for one line of business and one
// 12-month period (workbook CMS-10620 Tabs 4-7). Generated examples: input/examples (igkit lan examples).
Profile: LANAPMAdoptionReport
Parent: MeasureReport
Id: lan-apm-adoption-report
Title: "LAN APM Adoption Report"
Description: """A payer's HCP-LAN alternative payment model (APM) adoption measurement for one line of business over 12 months: the 19 metrics of the LAN workbook (total dollars paid; dollars per payment model; category totals; aggregated metrics), one group each, with the dollars in `group.measureScore` (USD) and the percent of the total dollars paid in the lan-percent-of-total extension. Category totals and aggregated metrics must equal the sum of their parts (errors). The workbook's cross-check, that the payment models add up to the total dollars paid, is a warning (vbpr-lan-4): the LAN accepts a report whose numerators differ from the total when the payer explains the difference, and the lan-cross-check extension records which way it goes."""
* ^status = #active
* ^experimental = false
* obeys vbpr-lan-1 and vbpr-lan-2 and vbpr-lan-3 and vbpr-lan-4 and vbpr-lan-5 and vbpr-lan-6 and vbpr-lan-7 and vbpr-lan-8
* extension contains
    $LANLineOfBusinessExt named lineOfBusiness 1..1 MS and
    LANCrossCheck named crossCheck 1..1 MS
* extension[lineOfBusiness] ^short = "The line of business measured (commercial, Medicare Advantage, Medicaid)"
* status = #complete (exactly)
* type = #summary (exactly)
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/lan-apm-adoption" (exactly)
* date 1..1 MS
* reporter MS
* reporter only Reference(Organization)
* reporter ^short = "The payer (health plan or state agency) that reports"
* period MS
* period.start 1..1 MS
* period.end 1..1 MS
* period ^short = "The 12-month reporting period (CY or most recent 12 months)"
* group 19..19 MS
* group ^short = "One group per LAN APM adoption metric"
* group.extension contains LANPercentOfTotal named percentOfTotal 0..1 MS
* group.code 1..1 MS
* group.code from LANAPMAdoptionMetricVS (required)
* group.population 0..0
* group.stratifier 0..0
* group.measureScore 1..1 MS
* group.measureScore only MoneyQuantity
* group.measureScore ^short = "Dollars paid (USD)"
* group.measureScore.value 1..1
* group.measureScore.system 1..1
* group.measureScore.system = $LANCurrency (exactly)
* group.measureScore.code 1..1
* group.measureScore.code = #USD (exactly)

Invariant: vbpr-lan-1
Description: "The report has 19 groups, one for each LAN APM adoption metric."
Severity: #error
Expression: "group.count() = 19 and group.all(code.coding.where(system = 'http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-apm-metric').count() = 1) and group.code.coding.where(system = 'http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-apm-metric').code.isDistinct()"

Invariant: vbpr-lan-2
Description: "Each category total (2, 3, 4) equals the sum of the dollars of its payment models (within half a cent)."
Severity: #error
Expression: "(group.where(code.coding.code contains 'category-2-total').measureScore.value - group.where(code.coding.code.intersect('foundational-spending' | 'ffs-pay-for-performance').exists()).measureScore.value.aggregate($this + $total, 0)).abs() < 0.005 and (group.where(code.coding.code contains 'category-3-total').measureScore.value - group.where(code.coding.code.intersect('traditional-shared-savings' | 'utilization-shared-savings' | 'ffs-shared-risk' | 'procedure-bundles').exists()).measureScore.value.aggregate($this + $total, 0)).abs() < 0.005 and (group.where(code.coding.code contains 'category-4-total').measureScore.value - group.where(code.coding.code.intersect('condition-population-payments' | 'population-payments' | 'condition-bundles' | 'premium-based-payments' | 'integrated-finance-delivery').exists()).measureScore.value.aggregate($this + $total, 0)).abs() < 0.005"

Invariant: vbpr-lan-3
Description: "The aggregated metrics equal their parts: legacy aggregate = legacy payments; Categories 2-4 = category 2 + 3 + 4 totals; Categories 3 and 4 = category 3 + 4 totals."
Severity: #error
Expression: "(group.where(code.coding.code contains 'legacy-payments-aggregate').measureScore.value - group.where(code.coding.code.intersect('legacy-payments').exists()).measureScore.value.aggregate($this + $total, 0)).abs() < 0.005 and (group.where(code.coding.code contains 'categories-2-4-total').measureScore.value - group.where(code.coding.code.intersect('category-2-total' | 'category-3-total' | 'category-4-total').exists()).measureScore.value.aggregate($this + $total, 0)).abs() < 0.005 and (group.where(code.coding.code contains 'categories-3-4-total').measureScore.value - group.where(code.coding.code.intersect('category-3-total' | 'category-4-total').exists()).measureScore.value.aggregate($this + $total, 0)).abs() < 0.005"

Invariant: vbpr-lan-4
Description: "LAN cross-check: the dollars of the 12 payment models (the numerators) should add up to the total dollars paid. A difference is allowed but must be explained to the LAN (double counting when the numerators exceed the total, FFS dollars left out when they fall short)."
Severity: #warning
Expression: "(group.where(code.coding.code.intersect('legacy-payments' | 'foundational-spending' | 'ffs-pay-for-performance' | 'traditional-shared-savings' | 'utilization-shared-savings' | 'ffs-shared-risk' | 'procedure-bundles' | 'condition-population-payments' | 'population-payments' | 'condition-bundles' | 'premium-based-payments' | 'integrated-finance-delivery').exists()).measureScore.value.aggregate($this + $total, 0) - group.where(code.coding.code contains 'total-paid').measureScore.value).abs() < 0.005"

Invariant: vbpr-lan-5
Description: "Every metric except the total dollars paid carries its percent of the total dollars paid, equal to dollars x 100 / total within 0.005 percentage points; no percent at all when the total dollars paid is zero (not computable)."
Severity: #error
Expression: "(group.where(code.coding.code contains 'total-paid').measureScore.value = 0 implies group.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').empty()) and (group.where(code.coding.code contains 'total-paid').measureScore.value > 0 implies (group.where(code.coding.code contains 'total-paid').extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').empty() and group.where((code.coding.code contains 'total-paid').not()).all(extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').exists() and (extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').value.value - measureScore.value * 100 / %context.group.where(code.coding.code contains 'total-paid').measureScore.value).abs() <= 0.005)))"

Invariant: vbpr-lan-6
Description: "No dollar amount or percent is negative."
Severity: #error
Expression: "group.measureScore.value.all($this >= 0) and group.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-percent-of-total').value.value.all($this >= 0)"

Invariant: vbpr-lan-7
Description: "The reporting period is 12 months: period.end is the day before period.start + 12 months (dates, YYYY-MM-DD)."
Severity: #error
Expression: "period.start.exists() and period.end.exists() and (period.start + 12 months) - 1 day = period.end"

Invariant: vbpr-lan-8
Description: "The cross-check extension agrees with the groups: its numerator sum is the sum of the 12 payment models and its result says whether that sum equals, exceeds or falls short of the total dollars paid."
Severity: #error
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/lan-cross-check').all((extension.where(url = 'numeratorSum').value.value - %context.group.where(code.coding.code.intersect('legacy-payments' | 'foundational-spending' | 'ffs-pay-for-performance' | 'traditional-shared-savings' | 'utilization-shared-savings' | 'ffs-shared-risk' | 'procedure-bundles' | 'condition-population-payments' | 'population-payments' | 'condition-bundles' | 'premium-based-payments' | 'integrated-finance-delivery').exists()).measureScore.value.aggregate($this + $total, 0)).abs() < 0.005 and (extension.where(url = 'result').value.coding.code contains iif((extension.where(url = 'numeratorSum').value.value - %context.group.where(code.coding.code contains 'total-paid').measureScore.value).abs() < 0.005, 'balanced', iif(extension.where(url = 'numeratorSum').value.value > %context.group.where(code.coding.code contains 'total-paid').measureScore.value, 'numerators-exceed-total', 'numerators-below-total'))))"
