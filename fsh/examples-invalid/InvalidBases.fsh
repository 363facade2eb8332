// Minimal valid content shared by the deliberately invalid examples; each invalid instance then breaks exactly one rule.

RuleSet: InvalidMeasureBase(id)
* url = "http://hl7.org/fhir/us/davinci-vbpr/Measure/{id}"
* version = "2025.1"
* name = "InvalidExample"
* title = "Deliberately invalid VBP Measure"
* status = #draft
* experimental = true
* publisher = "Evergreen Health Plan"
* description = "Deliberately invalid example; see expected-issues.yaml."

RuleSet: InvalidMeasureHeader
* effectivePeriod.start = "2025-01-01"
* effectivePeriod.end = "2025-12-31"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#commercial
* extension[apmCategory].valueCodeableConcept = $HCPLAN#traditional-shared-savings

RuleSet: InvalidReportBase
* status = #complete
* date = "2025-03-10"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#commercial
* extension[providerOrganization].valueReference = Reference(riverbend-aco)
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/vbp-measure-commercial-tcoc|2025.1"
* reporter = Reference(evergreen-health-plan)
* period.start = "2025-01-01"
* period.end = "2025-12-31"

RuleSet: InvalidReportMemberMonths
* group[+].code = PerformanceMetric#member-months
* insert Ucum(group[=].measureScore, 12480, mo, member months)

RuleSet: InvalidQualityBase
* status = #complete
* date = "2025-10-02"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#medicare-advantage
* extension[providerOrganization].valueReference = Reference(lakeside-primary-care)
* extension[scoring].valueCodeableConcept = $MeasureScoring#proportion
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-colorectal-cancer-screening|2025.1"
* reporter = Reference(evergreen-health-plan)
* period.start = "2025-01-01"
* period.end = "2025-12-31"
* improvementNotation = $MeasureImprovement#increase
* group[+].population[+].code = $MeasurePopulation#initial-population
* group[=].population[=].count = 640
* group[=].population[+].code = $MeasurePopulation#denominator
* group[=].population[=].count = 612
* group[=].population[+].code = $MeasurePopulation#numerator
* group[=].population[=].count = 477
* group[=].measureScore.value = 0.7794
