// Payer performance reports for the three contracts.

RuleSet: CommercialReportHeader
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#commercial
* extension[apmCategory].valueCodeableConcept = $HCPLAN#traditional-shared-savings "Traditional shared savings"
* extension[providerOrganization].valueReference = Reference(riverbend-aco)
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/vbp-measure-commercial-tcoc|2025.1"
* reporter = Reference(evergreen-health-plan)
* period.start = "2025-01-01"
* period.end = "2025-12-31"
* insert TypedPeriod(extension[vbpPeriod], contract, 2025-01-01, 2027-12-31)

Instance: vbp-report-commercial-2025-01
InstanceOf: VbpPerformanceMeasureReport
Title: "Commercial TCOC interim report, January 2025"
Description: "First monthly interim report of the 2025 performance year for Riverbend ACO: January costs against the PMPM target, utilization, and the savings projected if the trend holds. Claims are paid through 28 February, so an IBNR estimate is included."
Usage: #example
* insert CommercialReportHeader
* status = #complete
* date = "2025-03-10"
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* extension[reportingCadence].valueCodeableConcept = ReportingCadence#monthly
* insert TypedPeriod(extension[vbpPeriod], reporting, 2025-01-01, 2025-01-31)
* extension[paidThroughDate].valueDate = "2025-02-28"
* group[+].code = PerformanceMetric#member-months
* insert Ucum(group[=].measureScore, 12480, mo, member months)
* group[+].code = PerformanceMetric#pmpm-total
* insert Usd(group[=].measureScore, 498.20)
* insert Usd(group[=].extension[baseline].valueQuantity, 489.50)
* insert Usd(group[=].extension[target].valueQuantity, 512.00)
* insert Usd(group[=].extension[gap].valueQuantity, -13.80)
* group[+].code = PerformanceMetric#pmpm-medical
* insert Usd(group[=].measureScore, 402.10)
* group[+].code = PerformanceMetric#pmpm-pharmacy
* insert Usd(group[=].measureScore, 96.10)
* group[+].code = PerformanceMetric#ibnr
* insert Usd(group[=].measureScore, 610000)
* group[+].code = PerformanceMetric#shared-savings-earned
* group[=].extension[paymentStream].valueCodeableConcept = PaymentStream#shared-savings
* insert Usd(group[=].measureScore, 86112)
* group[+].code = PerformanceMetric#inpatient-admits-per-1000
* insert Ucum(group[=].measureScore, 52.4, /10*3/a, per 1000 members per year)
* group[+].code = PerformanceMetric#ed-visits-per-1000
* insert Ucum(group[=].measureScore, 168.0, /10*3/a, per 1000 members per year)
* group[+].code = PerformanceMetric#readmission-rate
* insert Ucum(group[=].measureScore, 11.2, %, %)
* insert Ucum(group[=].extension[target].valueQuantity, 10.5, %, %)
* insert Ucum(group[=].extension[gap].valueQuantity, 0.7, %, %)

Instance: vbp-report-commercial-2025-02
InstanceOf: VbpPerformanceMeasureReport
Title: "Commercial TCOC interim report, February 2025"
Description: "Second monthly interim report of the 2025 performance year for Riverbend ACO, covering February; the PMPM has moved closer to target."
Usage: #example
* insert CommercialReportHeader
* status = #complete
* date = "2025-04-09"
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* extension[reportingCadence].valueCodeableConcept = ReportingCadence#monthly
* insert TypedPeriod(extension[vbpPeriod], reporting, 2025-02-01, 2025-02-28)
* extension[paidThroughDate].valueDate = "2025-03-31"
* group[+].code = PerformanceMetric#member-months
* insert Ucum(group[=].measureScore, 12510, mo, member months)
* group[+].code = PerformanceMetric#pmpm-total
* insert Usd(group[=].measureScore, 505.40)
* insert Usd(group[=].extension[baseline].valueQuantity, 489.50)
* insert Usd(group[=].extension[target].valueQuantity, 512.00)
* insert Usd(group[=].extension[gap].valueQuantity, -6.60)
* group[+].code = PerformanceMetric#ibnr
* insert Usd(group[=].measureScore, 655000)
* group[+].code = PerformanceMetric#inpatient-admits-per-1000
* insert Ucum(group[=].measureScore, 55.1, /10*3/a, per 1000 members per year)
* group[+].code = PerformanceMetric#ed-visits-per-1000
* insert Ucum(group[=].measureScore, 171.3, /10*3/a, per 1000 members per year)

Instance: vbp-report-commercial-2025-final
InstanceOf: VbpPerformanceMeasureReport
Title: "Commercial TCOC final settlement report, performance year 2025"
Description: "Final report for the 2025 performance year after a three-month run-out: total cost below target, quality gate met, and the shared savings to be paid in the settlement period. PMPM is also broken down by service region."
Usage: #example
* insert CommercialReportHeader
* status = #complete
* date = "2026-04-15"
* extension[reportKind].valueCodeableConcept = ReportKind#final
* extension[reportingCadence].valueCodeableConcept = ReportingCadence#annual
* insert TypedPeriod(extension[vbpPeriod], reporting, 2025-01-01, 2025-12-31)
* insert TypedPeriod(extension[vbpPeriod], runout, 2026-01-01, 2026-03-31)
* insert TypedPeriod(extension[vbpPeriod], settlement, 2026-04-01, 2026-06-30)
* extension[paidThroughDate].valueDate = "2026-03-31"
* group[+].code = PerformanceMetric#member-months
* insert Ucum(group[=].measureScore, 150240, mo, member months)
* group[+].code = PerformanceMetric#total-cost
* insert TypedPeriod(group[=].extension[vbpPeriod], service, 2025-01-01, 2025-12-31)
* group[=].extension[paidThroughDate].valueDate = "2026-03-31"
* insert Usd(group[=].measureScore, 75683400)
* group[+].code = PerformanceMetric#pmpm-total
* insert Usd(group[=].measureScore, 503.75)
* insert Usd(group[=].extension[baseline].valueQuantity, 489.50)
* insert Usd(group[=].extension[target].valueQuantity, 512.00)
* insert Usd(group[=].extension[gap].valueQuantity, -8.25)
* group[=].stratifier[+].code = StratifierDimension#region "Region"
* group[=].stratifier[=].stratum[+].value.text = "Salem metro"
* insert Usd(group[=].stratifier[=].stratum[=].measureScore, 497.10)
* group[=].stratifier[=].stratum[+].value.text = "Albany and Corvallis"
* insert Usd(group[=].stratifier[=].stratum[=].measureScore, 516.40)
* group[+].code = PerformanceMetric#cost-target-pmpm
* insert Usd(group[=].measureScore, 512.00)
* group[+].code = PerformanceMetric#quality-score
* insert Ucum(group[=].measureScore, 84.5, %, %)
* insert Ucum(group[=].extension[target].valueQuantity, 80, %, %)
* group[+].code = PerformanceMetric#quality-gate-met
* insert Ucum(group[=].measureScore, 1, 1, 1)
* group[+].code = PerformanceMetric#shared-savings-earned
* group[=].extension[paymentStream].valueCodeableConcept = PaymentStream#shared-savings
* insert TypedPeriod(group[=].extension[vbpPeriod], payment, 2026-07-01, 2026-07-31)
* insert Usd(group[=].measureScore, 619740)

Instance: vbp-report-ma-2025-03
InstanceOf: VbpPerformanceMeasureReport
Title: "Medicare Advantage capitation interim report, March 2025"
Description: "Monthly report to Lakeside Primary Care Partners: March capitation paid, premium, medical loss ratio year to date, attributed members and the projected star rating that drives the quality bonus."
Usage: #example
* status = #complete
* date = "2025-04-20"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#medicare-advantage
* extension[apmCategory].valueCodeableConcept = $HCPLAN#premium-based-payments "Full or percent of premium population-based payments"
* extension[providerOrganization].valueReference = Reference(lakeside-primary-care)
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* extension[reportingCadence].valueCodeableConcept = ReportingCadence#monthly
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/vbp-measure-ma-capitation|2025.1"
* reporter = Reference(evergreen-health-plan)
* period.start = "2025-01-01"
* period.end = "2025-12-31"
* insert TypedPeriod(extension[vbpPeriod], contract, 2025-01-01, 2025-12-31)
* insert TypedPeriod(extension[vbpPeriod], reporting, 2025-03-01, 2025-03-31)
* extension[paidThroughDate].valueDate = "2025-04-15"
* group[+].code = PerformanceMetric#attributed-members
* insert Ucum(group[=].measureScore, 1250, 1, members)
* group[+].code = PerformanceMetric#capitation-paid
* group[=].extension[paymentStream].valueCodeableConcept = PaymentStream#capitation
* insert TypedPeriod(group[=].extension[vbpPeriod], payment, 2025-03-01, 2025-03-31)
* insert Usd(group[=].measureScore, 1230000)
* group[+].code = PerformanceMetric#premium-revenue
* insert Usd(group[=].measureScore, 1500000)
* group[+].code = PerformanceMetric#medical-loss-ratio
* insert Ucum(group[=].measureScore, 84.2, %, %)
* insert Ucum(group[=].extension[baseline].valueQuantity, 86.0, %, %)
* group[+].code = PerformanceMetric#star-rating
* insert Ucum(group[=].measureScore, 4.0, 1, stars)
* insert Ucum(group[=].extension[target].valueQuantity, 4.5, 1, stars)
* insert Ucum(group[=].extension[gap].valueQuantity, -0.5, 1, stars)
* group[+].code = PerformanceMetric#quality-bonus
* group[=].extension[paymentStream].valueCodeableConcept = PaymentStream#pay-for-performance
* insert Usd(group[=].measureScore, 0)

Instance: vbp-report-medicaid-2025-q2
InstanceOf: VbpPerformanceMeasureReport
Title: "Medicaid pay-for-performance quarterly report, Q2 2025"
Description: "Quarterly report to Harbor Community Health Center: incentive earned for the second quarter, emergency department use against target and the quality composite."
Usage: #example
* status = #complete
* date = "2025-08-05"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#medicaid
* extension[apmCategory].valueCodeableConcept = $HCPLAN#ffs-pay-for-performance "Fee for service plus pay for performance"
* extension[providerOrganization].valueReference = Reference(harbor-community-health)
* extension[reportKind].valueCodeableConcept = ReportKind#preliminary
* extension[reportingCadence].valueCodeableConcept = ReportingCadence#quarterly
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/vbp-measure-medicaid-p4p|2025.1"
* reporter = Reference(evergreen-health-plan)
* period.start = "2025-01-01"
* period.end = "2025-12-31"
* insert TypedPeriod(extension[vbpPeriod], contract, 2025-01-01, 2025-12-31)
* insert TypedPeriod(extension[vbpPeriod], reporting, 2025-04-01, 2025-06-30)
* extension[paidThroughDate].valueDate = "2025-07-31"
* group[+].code = PerformanceMetric#incentive-payment
* group[=].extension[paymentStream].valueCodeableConcept = PaymentStream#pay-for-performance
* insert Usd(group[=].measureScore, 42500)
* insert Usd(group[=].extension[target].valueQuantity, 50000)
* insert Usd(group[=].extension[gap].valueQuantity, -7500)
* group[+].code = PerformanceMetric#ed-visits-per-1000
* insert Ucum(group[=].measureScore, 612.0, /10*3/a, per 1000 members per year)
* insert Ucum(group[=].extension[target].valueQuantity, 590.0, /10*3/a, per 1000 members per year)
* insert Ucum(group[=].extension[gap].valueQuantity, 22.0, /10*3/a, per 1000 members per year)
* group[+].code = PerformanceMetric#quality-score
* insert Ucum(group[=].measureScore, 71.0, %, %)

Instance: vbp-report-commercial-2025-reconciliation
InstanceOf: VbpPerformanceMeasureReport
Title: "Commercial TCOC reconciliation report, performance year 2025"
Description: "Reconciliation issued after the 2025 settlement: late claims paid through September 2026 raised the PMPM slightly, so the shared savings fall from USD 619,740 to USD 598,706 and the difference is recovered from the next payment."
Usage: #example
* insert CommercialReportHeader
* status = #complete
* date = "2026-10-12"
* extension[reportKind].valueCodeableConcept = ReportKind#reconciliation
* extension[reportingCadence].valueCodeableConcept = ReportingCadence#ad-hoc
* insert TypedPeriod(extension[vbpPeriod], reporting, 2025-01-01, 2025-12-31)
* insert TypedPeriod(extension[vbpPeriod], settlement, 2026-04-01, 2026-06-30)
* extension[paidThroughDate].valueDate = "2026-09-30"
* group[+].code = PerformanceMetric#pmpm-total
* insert Usd(group[=].measureScore, 504.03)
* insert Usd(group[=].extension[target].valueQuantity, 512.00)
* insert Usd(group[=].extension[gap].valueQuantity, -7.97)
* group[+].code = PerformanceMetric#shared-savings-earned
* group[=].extension[paymentStream].valueCodeableConcept = PaymentStream#shared-savings
* insert TypedPeriod(group[=].extension[vbpPeriod], payment, 2026-11-01, 2026-11-30)
* insert Usd(group[=].measureScore, 598706)
