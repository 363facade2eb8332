// Deliberately invalid LAN Nominal Risk reports: each breaks one rule of the profile; the issues
// each must raise are in LAN-expected-issues.yaml.
RuleSet: LANInvalidNominalHeader(contract, end)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[contract].valueIdentifier.value = "{contract}"
* status = #complete
* type = #summary
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/lan-nominal-risk"
* date = "2020-03-31"
* period.start = "2019-01-01"
* period.end = "{end}"

RuleSet: LANInvalidPercent(code, value)
* group[+].code = $LANMetric#{code}
* group[=].measureScore = {value} '%' "%"

RuleSet: LANInvalidDollars(code, value)
* group[+].code = $LANMetric#{code}
* group[=].measureScore.value = {value}
* group[=].measureScore.system = "urn:iso:std:iso:4217"
* group[=].measureScore.code = #USD
* group[=].measureScore.unit = "USD"

Instance: invalid-nr-two-codes
InstanceOf: LANNominalRisk
Usage: #example
Title: "Invalid: a parameter group carries two metric codes"
Description: "The contract total dollars group repeats its lan-apm-metric coding: each group must carry exactly one."
* insert LANInvalidNominalHeader(invalid-nr-two-codes, 2019-12-31)
* extension[contractType].valueCodeableConcept = $LANContractType#total-cost-of-care
* extension[meetsNominalRisk].valueBoolean = true
* insert LANInvalidPercent(risk-minimum, 2)
* insert LANInvalidPercent(risk-maximum, 10)
* insert LANInvalidPercent(provider-risk-share, 50)
* insert LANInvalidPercent(net-risk, 5)
* insert LANInvalidDollars(contract-total-dollars, 25000000)
* group[4].code.coding[1] = $LANMetric#contract-total-dollars

Instance: invalid-nr-net-risk
InstanceOf: LANNominalRisk
Usage: #example
Title: "Invalid: net risk is not risk maximum x provider share"
Description: "Risk maximum 10% x provider share 50% is 5%, but net risk says 6%."
* insert LANInvalidNominalHeader(invalid-nr-net-risk, 2019-12-31)
* extension[contractType].valueCodeableConcept = $LANContractType#total-cost-of-care
* extension[meetsNominalRisk].valueBoolean = true
* insert LANInvalidPercent(risk-minimum, 2)
* insert LANInvalidPercent(risk-maximum, 10)
* insert LANInvalidPercent(provider-risk-share, 50)
* insert LANInvalidPercent(net-risk, 6)
* insert LANInvalidDollars(contract-total-dollars, 25000000)

Instance: invalid-nr-meets-flag
InstanceOf: LANNominalRisk
Usage: #example
Title: "Invalid: meets flag set although net risk is below 3%"
Description: "A TCOC contract with risk maximum 8% and provider share 35% has net risk 2.8% (< 3%) but is flagged as meeting the threshold."
* insert LANInvalidNominalHeader(invalid-nr-meets-flag, 2019-12-31)
* extension[contractType].valueCodeableConcept = $LANContractType#total-cost-of-care
* extension[meetsNominalRisk].valueBoolean = true
* insert LANInvalidPercent(risk-minimum, 1.5)
* insert LANInvalidPercent(risk-maximum, 8)
* insert LANInvalidPercent(provider-risk-share, 35)
* insert LANInvalidPercent(net-risk, 2.8)
* insert LANInvalidDollars(contract-total-dollars, 22400000)

Instance: invalid-nr-percent-range
InstanceOf: LANNominalRisk
Usage: #example
Title: "Invalid: risk maximum above 100%"
Description: "Risk maximum is 120%."
* insert LANInvalidNominalHeader(invalid-nr-percent-range, 2019-12-31)
* extension[contractType].valueCodeableConcept = $LANContractType#total-cost-of-care
* extension[meetsNominalRisk].valueBoolean = true
* insert LANInvalidPercent(risk-minimum, 2)
* insert LANInvalidPercent(risk-maximum, 120)
* insert LANInvalidPercent(provider-risk-share, 30)
* insert LANInvalidPercent(net-risk, 36)
* insert LANInvalidDollars(contract-total-dollars, 25000000)

Instance: invalid-nr-period
InstanceOf: LANNominalRisk
Usage: #example
Title: "Invalid: reporting period is not 12 months"
Description: "The period ends on 2019-09-30 (nine months)."
* insert LANInvalidNominalHeader(invalid-nr-period, 2019-09-30)
* extension[contractType].valueCodeableConcept = $LANContractType#total-cost-of-care
* extension[meetsNominalRisk].valueBoolean = true
* insert LANInvalidPercent(risk-minimum, 2)
* insert LANInvalidPercent(risk-maximum, 10)
* insert LANInvalidPercent(provider-risk-share, 50)
* insert LANInvalidPercent(net-risk, 5)
* insert LANInvalidDollars(contract-total-dollars, 25000000)

Instance: invalid-nr-contract-type
InstanceOf: LANNominalRisk
Usage: #example
Title: "Invalid: contract type outside its value set"
Description: "The contract type extension carries a LAN metric code."
* insert LANInvalidNominalHeader(invalid-nr-contract-type, 2019-12-31)
* extension[contractType].valueCodeableConcept = $LANMetric#net-risk
* extension[meetsNominalRisk].valueBoolean = true
* insert LANInvalidPercent(risk-minimum, 2)
* insert LANInvalidPercent(risk-maximum, 10)
* insert LANInvalidPercent(provider-risk-share, 50)
* insert LANInvalidPercent(net-risk, 5)
* insert LANInvalidDollars(contract-total-dollars, 25000000)

Instance: invalid-nr-parameter-code
InstanceOf: LANNominalRisk
Usage: #example
Title: "Invalid: group code outside the nominal risk parameter value set"
Description: "The contract total dollars group is coded as the adoption metric total-paid."
* insert LANInvalidNominalHeader(invalid-nr-parameter-code, 2019-12-31)
* extension[contractType].valueCodeableConcept = $LANContractType#total-cost-of-care
* extension[meetsNominalRisk].valueBoolean = true
* insert LANInvalidPercent(risk-minimum, 2)
* insert LANInvalidPercent(risk-maximum, 10)
* insert LANInvalidPercent(provider-risk-share, 50)
* insert LANInvalidPercent(net-risk, 5)
* insert LANInvalidDollars(contract-total-dollars, 25000000)
* group[4].code = $LANMetric#total-paid
