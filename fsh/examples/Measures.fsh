// The three contracts' programs.

Instance: vbp-measure-commercial-tcoc
InstanceOf: VbpMeasure
Title: "Commercial total-cost-of-care shared savings program 2025-2027"
Description: "Evergreen Health Plan and Riverbend ACO: upside-only shared savings against a PMPM cost target for commercial PPO members, with a quality composite of three weighted measures and one informational measure."
Usage: #example
* url = "http://hl7.org/fhir/us/davinci-vbpr/Measure/vbp-measure-commercial-tcoc"
* version = "2025.1"
* name = "EvergreenRiverbendCommercialTcoc"
* title = "Evergreen / Riverbend Commercial Total Cost of Care Shared Savings"
* status = #active
* experimental = true
* publisher = "Evergreen Health Plan"
* description = "Three-year commercial total-cost-of-care contract. Riverbend ACO keeps 50% of savings below the PMPM cost target when its quality score reaches the gate. Reports are produced monthly."
* effectivePeriod.start = "2025-01-01"
* effectivePeriod.end = "2027-12-31"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#commercial
* extension[apmCategory].valueCodeableConcept = $HCPLAN#traditional-shared-savings "Traditional shared savings"
* extension[cohort].valueCodeableConcept.text = "Commercial PPO members attributed to Riverbend ACO primary care physicians"
* extension[paymentStream][+].valueCodeableConcept = PaymentStream#fee-for-service
* extension[paymentStream][+].valueCodeableConcept = PaymentStream#shared-savings
* extension[reportingCadence].valueCodeableConcept = ReportingCadence#monthly
* insert TypedPeriod(extension[vbpPeriod], performance, 2025-01-01, 2025-12-31)
* insert TypedPeriod(extension[vbpPeriod], performance, 2026-01-01, 2026-12-31)
* insert TypedPeriod(extension[vbpPeriod], performance, 2027-01-01, 2027-12-31)
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-colorectal-cancer-screening"
* extension[componentMeasure][=].extension[weight].valueDecimal = 40
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-controlling-blood-pressure"
* extension[componentMeasure][=].extension[weight].valueDecimal = 30
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-diabetes-glycemic-control"
* extension[componentMeasure][=].extension[weight].valueDecimal = 30
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://ecqi.healthit.gov/ecqms/Measure/BreastCancerScreeningFHIR"
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#informational
* group[+].code = PerformanceMetric#pmpm-total
* group[=].description = "Allowed medical and pharmacy cost per member per month, compared with the cost target."
* group[=].stratifier[+].code = StratifierDimension#region "Region"
* group[=].stratifier[=].description = "Service region of the attributed member's primary care physician."
* group[+].code = PerformanceMetric#pmpm-medical
* group[+].code = PerformanceMetric#pmpm-pharmacy
* group[+].code = PerformanceMetric#total-cost
* group[+].code = PerformanceMetric#ibnr
* group[+].code = PerformanceMetric#cost-target-pmpm
* group[=].description = "Trended and risk-adjusted PMPM cost target for the performance year."
* group[+].code = PerformanceMetric#shared-savings-earned
* group[=].description = "Half of the savings below target, payable once the quality gate is met."
* group[+].code = PerformanceMetric#member-months
* group[+].code = PerformanceMetric#inpatient-admits-per-1000
* group[+].code = PerformanceMetric#ed-visits-per-1000
* group[+].code = PerformanceMetric#readmission-rate
* group[+].code = PerformanceMetric#quality-score
* group[+].code = PerformanceMetric#quality-gate-met

Instance: vbp-measure-ma-capitation
InstanceOf: VbpMeasure
Title: "Medicare Advantage percent-of-premium capitation 2025"
Description: "Evergreen Health Plan and Lakeside Primary Care Partners: monthly capitation at a share of Medicare Advantage premium, with a quality bonus driven by star measures weighted as fractions."
Usage: #example
* url = "http://hl7.org/fhir/us/davinci-vbpr/Measure/vbp-measure-ma-capitation"
* version = "2025.1"
* name = "EvergreenLakesideMaCapitation"
* title = "Evergreen / Lakeside Medicare Advantage Capitation"
* status = #active
* experimental = true
* publisher = "Evergreen Health Plan"
* description = "One-year Medicare Advantage contract. Lakeside receives 82% of premium as monthly capitation and bears the full cost of care; a quality bonus pool is shared according to star measure results, provided the medication adherence gate is met."
* effectivePeriod.start = "2025-01-01"
* effectivePeriod.end = "2025-12-31"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#medicare-advantage
* extension[apmCategory].valueCodeableConcept = $HCPLAN#premium-based-payments "Full or percent of premium population-based payments"
* extension[cohort].valueCodeableConcept.text = "Medicare Advantage HMO members assigned to Lakeside primary care physicians"
* extension[paymentStream][+].valueCodeableConcept = PaymentStream#capitation
* extension[paymentStream][+].valueCodeableConcept = PaymentStream#pay-for-performance
* extension[reportingCadence].valueCodeableConcept = ReportingCadence#monthly
* insert TypedPeriod(extension[vbpPeriod], performance, 2025-01-01, 2025-12-31)
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-colorectal-cancer-screening"
* extension[componentMeasure][=].extension[weight].valueDecimal = 0.5
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-controlling-blood-pressure"
* extension[componentMeasure][=].extension[weight].valueDecimal = 0.3
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-diabetes-glycemic-control"
* extension[componentMeasure][=].extension[weight].valueDecimal = 0.2
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://example.org/fhir/Measure/StatinAdherence"
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#gate
* group[+].code = PerformanceMetric#capitation-paid
* group[+].code = PerformanceMetric#premium-revenue
* group[+].code = PerformanceMetric#medical-loss-ratio
* group[+].code = PerformanceMetric#quality-bonus
* group[+].code = PerformanceMetric#star-rating
* group[+].code = PerformanceMetric#attributed-members

Instance: vbp-measure-medicaid-p4p
InstanceOf: VbpMeasure
Title: "Medicaid pay-for-performance program 2025"
Description: "Evergreen Health Plan's Medicaid managed care pay-for-performance program for community health centers, reported quarterly."
Usage: #example
* url = "http://hl7.org/fhir/us/davinci-vbpr/Measure/vbp-measure-medicaid-p4p"
* version = "2025.1"
* name = "EvergreenMedicaidP4P"
* title = "Evergreen Medicaid Pay for Performance"
* status = #active
* experimental = true
* publisher = "Evergreen Health Plan"
* description = "Fee for service plus quarterly incentive payments for community health centers: two weighted quality measures and one pay-for-reporting measure."
* effectivePeriod.start = "2025-01-01"
* effectivePeriod.end = "2025-12-31"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#medicaid
* extension[apmCategory].valueCodeableConcept = $HCPLAN#ffs-pay-for-performance "Fee for service plus pay for performance"
* extension[cohort].valueCodeableConcept.text = "Medicaid managed care members assigned to participating community health centers"
* extension[paymentStream][+].valueCodeableConcept = PaymentStream#fee-for-service
* extension[paymentStream][+].valueCodeableConcept = PaymentStream#pay-for-performance
* extension[paymentStream][+].valueCodeableConcept = PaymentStream#pay-for-reporting
* extension[reportingCadence].valueCodeableConcept = ReportingCadence#quarterly
* insert TypedPeriod(extension[vbpPeriod], performance, 2025-01-01, 2025-12-31)
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-controlling-blood-pressure"
* extension[componentMeasure][=].extension[weight].valueDecimal = 50
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-diabetes-glycemic-control"
* extension[componentMeasure][=].extension[weight].valueDecimal = 50
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://example.org/fhir/Measure/DepressionScreeningReported"
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#pay-for-reporting
* group[+].code = PerformanceMetric#incentive-payment
* group[+].code = PerformanceMetric#ed-visits-per-1000
* group[+].code = PerformanceMetric#quality-score
