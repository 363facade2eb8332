// Deliberately invalid LAN Nominal Risk Summaries: each breaks one rule of the profile; the issues
// each must raise are in LAN-expected-issues.yaml.
RuleSet: LANInvalidSummaryHeader(end)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* status = #complete
* type = #summary
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/lan-nominal-risk-summary"
* date = "2020-03-31"
* period.start = "2019-01-01"
* period.end = "{end}"

Instance: invalid-nrs-two-codes
InstanceOf: LANNominalRiskSummary
Usage: #example
Title: "Invalid: a summary group carries two metric codes"
Description: "The shared-risk dollars group repeats its lan-apm-metric coding: each group must carry exactly one."
* insert LANInvalidSummaryHeader(2019-12-31)
* insert LANInvalidGroup(total-paid, 200000000)
* insert LANInvalidGroup(ffs-shared-risk, 20000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 10
* insert LANInvalidGroup(nominal-risk-meets-dollars, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7.5
* insert LANInvalidGroup(nominal-risk-not-meets-dollars, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 2.5
* group[1].code.coding[1] = $LANMetric#ffs-shared-risk

Instance: invalid-nrs-split
InstanceOf: LANNominalRiskSummary
Usage: #example
Title: "Invalid: meeting and non-meeting dollars do not add up"
Description: "The shared-risk dollars are $20,000,000 but the dollars that meet ($15,000,000) and do not meet ($4,000,000) the threshold add up to $19,000,000."
* insert LANInvalidSummaryHeader(2019-12-31)
* insert LANInvalidGroup(total-paid, 200000000)
* insert LANInvalidGroup(ffs-shared-risk, 20000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 10
* insert LANInvalidGroup(nominal-risk-meets-dollars, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7.5
* insert LANInvalidGroup(nominal-risk-not-meets-dollars, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 2.5
* group[3].measureScore.value = 4000000
* group[3].extension[percentOfTotal].valueQuantity.value = 2

Instance: invalid-nrs-percent
InstanceOf: LANNominalRiskSummary
Usage: #example
Title: "Invalid: a percent of total spend does not match its dollars"
Description: "$15,000,000 of a $200,000,000 total spend is 7.5%, but the percent says 75%."
* insert LANInvalidSummaryHeader(2019-12-31)
* insert LANInvalidGroup(total-paid, 200000000)
* insert LANInvalidGroup(ffs-shared-risk, 20000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 10
* insert LANInvalidGroup(nominal-risk-meets-dollars, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 75
* insert LANInvalidGroup(nominal-risk-not-meets-dollars, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 2.5

Instance: invalid-nrs-negative
InstanceOf: LANNominalRiskSummary
Usage: #example
Title: "Invalid: negative dollars"
Description: "The dollars that do not meet the threshold are reported as -$5,000,000."
* insert LANInvalidSummaryHeader(2019-12-31)
* insert LANInvalidGroup(total-paid, 200000000)
* insert LANInvalidGroup(ffs-shared-risk, 20000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 10
* insert LANInvalidGroup(nominal-risk-meets-dollars, 25000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12.5
* insert LANInvalidGroup(nominal-risk-not-meets-dollars, -5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = -2.5

Instance: invalid-nrs-period
InstanceOf: LANNominalRiskSummary
Usage: #example
Title: "Invalid: reporting period is not 12 months"
Description: "The period ends on 2020-12-31 (two years)."
* insert LANInvalidSummaryHeader(2020-12-31)
* insert LANInvalidGroup(total-paid, 200000000)
* insert LANInvalidGroup(ffs-shared-risk, 20000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 10
* insert LANInvalidGroup(nominal-risk-meets-dollars, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7.5
* insert LANInvalidGroup(nominal-risk-not-meets-dollars, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 2.5

Instance: invalid-nrs-metric-code
InstanceOf: LANNominalRiskSummary
Usage: #example
Title: "Invalid: group code outside the summary value set"
Description: "The dollars that do not meet the threshold are coded as the adoption metric category-3-total, so the split can no longer be checked either."
* insert LANInvalidSummaryHeader(2019-12-31)
* insert LANInvalidGroup(total-paid, 200000000)
* insert LANInvalidGroup(ffs-shared-risk, 20000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 10
* insert LANInvalidGroup(nominal-risk-meets-dollars, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7.5
* insert LANInvalidGroup(nominal-risk-not-meets-dollars, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 2.5
* group[3].code = $LANMetric#category-3-total
