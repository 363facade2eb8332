// Summary quality results of component measures, with thresholds and gaps.

Instance: vbp-quality-ma-colorectal-2025
InstanceOf: VbpQualityMeasureReport
Title: "Medicare Advantage colorectal cancer screening result with star cut points, 2025"
Description: "Lakeside Primary Care Partners' colorectal cancer screening rate for Medicare Advantage members, compared with the 4-star and 5-star cut points; the gap is measured to the 5-star cut point."
Usage: #example
* status = #complete
* date = "2025-10-02"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#medicare-advantage
* extension[reportKind].valueCodeableConcept = ReportKind#interim
* extension[providerOrganization].valueReference = Reference(lakeside-primary-care)
* insert TypedPeriod(extension[vbpPeriod], reporting, 2025-01-01, 2025-09-30)
* extension[scoring].valueCodeableConcept = $MeasureScoring#proportion "Proportion"
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-colorectal-cancer-screening|2025.1"
* reporter = Reference(evergreen-health-plan)
* period.start = "2025-01-01"
* period.end = "2025-12-31"
* improvementNotation = $MeasureImprovement#increase "Increased score indicates improvement"
* group[+].population[+].code = $MeasurePopulation#initial-population
* group[=].population[=].count = 640
* group[=].population[+].code = $MeasurePopulation#denominator
* group[=].population[=].count = 612
* group[=].population[+].code = $MeasurePopulation#numerator
* group[=].population[=].count = 477
* group[=].measureScore.value = 0.7794
* group[=].extension[threshold][+].extension[type].valueCodeableConcept = ThresholdType#star-level
* group[=].extension[threshold][=].extension[value].valueQuantity.value = 0.73
* group[=].extension[threshold][=].extension[starLevel].valuePositiveInt = 4
* group[=].extension[threshold][+].extension[type].valueCodeableConcept = ThresholdType#star-level
* group[=].extension[threshold][=].extension[value].valueQuantity.value = 0.82
* group[=].extension[threshold][=].extension[starLevel].valuePositiveInt = 5
* group[=].extension[gap].valueQuantity.value = -0.0406

Instance: vbp-quality-commercial-cbp-2025
InstanceOf: VbpQualityMeasureReport
Title: "Commercial blood pressure control result against the HEDIS 90th percentile, 2025"
Description: "Riverbend ACO's controlling high blood pressure rate for commercial members in the final 2025 settlement, compared with the HEDIS national 90th percentile and with the contract target."
Usage: #example
* status = #complete
* date = "2026-04-15"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#commercial
* extension[reportKind].valueCodeableConcept = ReportKind#final
* extension[providerOrganization].valueReference = Reference(riverbend-aco)
* insert TypedPeriod(extension[vbpPeriod], settlement, 2026-04-01, 2026-06-30)
* extension[scoring].valueCodeableConcept = $MeasureScoring#proportion "Proportion"
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-controlling-blood-pressure|2025.1"
* reporter = Reference(evergreen-health-plan)
* period.start = "2025-01-01"
* period.end = "2025-12-31"
* improvementNotation = $MeasureImprovement#increase "Increased score indicates improvement"
* group[+].population[+].code = $MeasurePopulation#initial-population
* group[=].population[=].count = 2210
* group[=].population[+].code = $MeasurePopulation#denominator
* group[=].population[=].count = 2105
* group[=].population[+].code = $MeasurePopulation#numerator
* group[=].population[=].count = 1482
* group[=].measureScore.value = 0.704
* group[=].extension[threshold][+].extension[type].valueCodeableConcept = ThresholdType#hedis-percentile
* group[=].extension[threshold][=].extension[value].valueQuantity.value = 0.74
* group[=].extension[threshold][=].extension[percentile].valueDecimal = 90
* group[=].extension[threshold][+].extension[type].valueCodeableConcept = ThresholdType#target
* group[=].extension[threshold][=].extension[value].valueQuantity.value = 0.68
* group[=].extension[gap].valueQuantity.value = -0.036
