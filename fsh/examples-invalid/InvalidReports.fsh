// Invalid VBP Performance and Quality MeasureReport instances: one broken rule each.

Instance: invalid-report-contract-outside
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: contract period shorter than the performance period"
Description: "Breaks vbp-mr-1: the contract ends on 2025-06-30 but the performance period runs to 2025-12-31."
Usage: #example
* insert InvalidReportBase
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* insert TypedPeriod(extension[vbpPeriod], contract, 2025-01-01, 2025-06-30)
* insert InvalidReportMemberMonths

Instance: invalid-report-final-without-settlement
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: final report without a settlement period"
Description: "Breaks vbp-mr-2: the report kind is final but no settlement period is given."
Usage: #example
* insert InvalidReportBase
* extension[reportKind].valueCodeableConcept = ReportKind#final
* insert InvalidReportMemberMonths

Instance: invalid-report-reporting-outside
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: reporting period outside the performance period"
Description: "Breaks vbp-mr-3: the reporting period (December 2024) is before the 2025 performance period."
Usage: #example
* insert InvalidReportBase
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* insert TypedPeriod(extension[vbpPeriod], reporting, 2024-12-01, 2024-12-31)
* insert InvalidReportMemberMonths

Instance: invalid-report-settlement-early
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: settlement period before the end of the performance period"
Description: "Breaks vbp-mr-4: settlement starts on 2025-11-01, before the performance period ends."
Usage: #example
* insert InvalidReportBase
* extension[reportKind].valueCodeableConcept = ReportKind#preliminary
* insert TypedPeriod(extension[vbpPeriod], settlement, 2025-11-01, 2026-01-31)
* insert InvalidReportMemberMonths

Instance: invalid-report-final-pending
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: final report still pending"
Description: "Breaks vbp-mr-5: a final report has status pending."
Usage: #example
* insert InvalidReportBase
* status = #pending
* extension[reportKind].valueCodeableConcept = ReportKind#final
* insert TypedPeriod(extension[vbpPeriod], settlement, 2026-04-01, 2026-06-30)
* insert InvalidReportMemberMonths

Instance: invalid-report-money-not-usd
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: money metric not in US dollars"
Description: "Breaks vbp-mr-6: the total cost PMPM is given in euros."
Usage: #example
* insert InvalidReportBase
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* group[+].code = PerformanceMetric#pmpm-total
* group[=].measureScore.value = 498.20
* group[=].measureScore.system = "urn:iso:std:iso:4217"
* group[=].measureScore.code = #EUR

Instance: invalid-report-gap-without-target
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: gap without the target it refers to"
Description: "Breaks vbp-mr-7: a gap to target is given but no target."
Usage: #example
* insert InvalidReportBase
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* group[+].code = PerformanceMetric#pmpm-total
* insert Usd(group[=].measureScore, 498.20)
* insert Usd(group[=].extension[gap].valueQuantity, -13.80)

Instance: invalid-report-percentage-unit
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: percentage metric given as a fraction"
Description: "Breaks vbp-mr-8: the readmission rate is given as the unitless fraction 0.112 instead of 11.2 %."
Usage: #example
* insert InvalidReportBase
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* group[+].code = PerformanceMetric#readmission-rate
* insert Ucum(group[=].measureScore, 0.112, 1, 1)

Instance: invalid-binding-report-kind
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: report kind coded outside its value set"
Description: "Breaks the required binding of the report-kind extension: the code is a reporting cadence."
Usage: #example
* insert InvalidReportBase
* extension[reportKind].valueCodeableConcept = ReportingCadence#monthly
* insert InvalidReportMemberMonths

Instance: invalid-binding-reporting-cadence
InstanceOf: VbpPerformanceMeasureReport
Title: "INVALID: reporting cadence coded outside its value set"
Description: "Breaks the required binding of the reporting-cadence extension: the code is a report kind."
Usage: #example
* insert InvalidReportBase
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* extension[reportingCadence].valueCodeableConcept = ReportKind#interim
* insert InvalidReportMemberMonths

Instance: invalid-quality-gap-without-threshold
InstanceOf: VbpQualityMeasureReport
Title: "INVALID: quality gap without a threshold"
Description: "Breaks vbp-q-1: a gap is given but no threshold."
Usage: #example
* insert InvalidQualityBase
* group[0].extension[gap].valueQuantity.value = -0.0406

Instance: invalid-quality-star-level
InstanceOf: VbpQualityMeasureReport
Title: "INVALID: star level outside 1 to 5"
Description: "Breaks vbp-q-2: a star-level threshold claims to earn 6 stars."
Usage: #example
* insert InvalidQualityBase
* group[0].extension[threshold][+].extension[type].valueCodeableConcept = ThresholdType#star-level
* group[0].extension[threshold][=].extension[value].valueQuantity.value = 0.82
* group[0].extension[threshold][=].extension[starLevel].valuePositiveInt = 6

Instance: invalid-quality-percentile-range
InstanceOf: VbpQualityMeasureReport
Title: "INVALID: HEDIS percentile above 100"
Description: "Breaks vbp-q-3: a HEDIS percentile threshold states the 120th percentile."
Usage: #example
* insert InvalidQualityBase
* group[0].extension[threshold][+].extension[type].valueCodeableConcept = ThresholdType#hedis-percentile
* group[0].extension[threshold][=].extension[value].valueQuantity.value = 0.74
* group[0].extension[threshold][=].extension[percentile].valueDecimal = 120

Instance: invalid-binding-threshold-type
InstanceOf: VbpQualityMeasureReport
Title: "INVALID: threshold type coded outside its value set"
Description: "Breaks the required binding of quality-threshold.type: the code is a period type."
Usage: #example
* insert InvalidQualityBase
* group[0].extension[threshold][+].extension[type].valueCodeableConcept = PeriodType#contract
* group[0].extension[threshold][=].extension[value].valueQuantity.value = 0.74
