// Example stand-ins for the component quality measures of the contracts. Real contracts reference the
// published eCQM or HEDIS measure; these local examples let the quality reports be validated end to end.

RuleSet: ComponentQualityMeasure(id, name, title, description)
* url = "http://hl7.org/fhir/us/davinci-vbpr/Measure/{id}"
* version = "2025.1"
* name = "{name}"
* title = "{title}"
* status = #active
* experimental = true
* publisher = "Evergreen Health Plan"
* description = "{description}"
* scoring = $MeasureScoring#proportion "Proportion"
* improvementNotation = $MeasureImprovement#increase "Increased score indicates improvement"
* group[+].population[+].code = $MeasurePopulation#initial-population
* group[=].population[=].criteria.language = #text/cql
* group[=].population[=].criteria.expression = "Initial Population"
* group[=].population[+].code = $MeasurePopulation#denominator
* group[=].population[=].criteria.language = #text/cql
* group[=].population[=].criteria.expression = "Denominator"
* group[=].population[+].code = $MeasurePopulation#numerator
* group[=].population[=].criteria.language = #text/cql
* group[=].population[=].criteria.expression = "Numerator"

Instance: measure-colorectal-cancer-screening
InstanceOf: Measure
Title: "Colorectal cancer screening (example component measure)"
Description: "Example stand-in for a colorectal cancer screening measure used as a component of the example contracts."
Usage: #example
* insert ComponentQualityMeasure(measure-colorectal-cancer-screening, ColorectalCancerScreening, Colorectal Cancer Screening, Share of adults 45 to 75 with an appropriate colorectal cancer screening.)

Instance: measure-controlling-blood-pressure
InstanceOf: Measure
Title: "Controlling high blood pressure (example component measure)"
Description: "Example stand-in for a blood pressure control measure used as a component of the example contracts."
Usage: #example
* insert ComponentQualityMeasure(measure-controlling-blood-pressure, ControllingHighBloodPressure, Controlling High Blood Pressure, Share of adults 18 to 85 with hypertension whose most recent blood pressure was below 140/90 mmHg.)

Instance: measure-diabetes-glycemic-control
InstanceOf: Measure
Title: "Diabetes glycemic status above 9% (example component measure)"
Description: "Example stand-in for a diabetes glycemic control measure used as a component of the example contracts."
Usage: #example
* insert ComponentQualityMeasure(measure-diabetes-glycemic-control, DiabetesGlycemicStatusAbove9, Diabetes Glycemic Status Above 9 Percent, Share of adults 18 to 75 with diabetes whose most recent glycemic status was above 9 percent.)
* improvementNotation = $MeasureImprovement#decrease "Decreased score indicates improvement"
