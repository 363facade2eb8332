// Helpers for examples.

RuleSet: TypedPeriod(slice, type, start, end)
* {slice}[+].extension[type].valueCodeableConcept = PeriodType#{type}
* {slice}[=].extension[period].valuePeriod.start = "{start}"
* {slice}[=].extension[period].valuePeriod.end = "{end}"

RuleSet: Usd(path, amount)
* {path}.value = {amount}
* {path}.system = "urn:iso:std:iso:4217"
* {path}.code = #USD

RuleSet: Ucum(path, amount, unitCode, unitText)
* {path}.value = {amount}
* {path}.unit = "{unitText}"
* {path}.system = "http://unitsofmeasure.org"
* {path}.code = #{unitCode}
