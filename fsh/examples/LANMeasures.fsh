// The two measures the LAN profiles report against (MeasureReport.measure is fixed to them).
RuleSet: LANMeasureGroup(code, description)
* group[+].code = $LANMetric#{code}
* group[=].description = "{description}"

Instance: lan-apm-adoption
InstanceOf: Measure
Usage: #definition
Title: "HCP-LAN APM Adoption"
* url = "http://hl7.org/fhir/us/davinci-vbpr/Measure/lan-apm-adoption"
* name = "LANAPMAdoption"
* title = "HCP-LAN APM Adoption"
* status = #active
* experimental = false
* description = "Dollars a payer paid to providers in one line of business over 12 months, per HCP-LAN APM framework payment model, category and aggregate, each as a percent of the total dollars paid (HCP-LAN national APM data collection, CMS-10620 Tabs 4-6)."
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Organization
* insert LANMeasureGroup(total-paid, Total dollars paid to providers in and out of network [metric 1; denominator])
* insert LANMeasureGroup(legacy-payments, Legacy payments [metric 2])
* insert LANMeasureGroup(foundational-spending, Foundational spending to improve care [metric 3])
* insert LANMeasureGroup(ffs-pay-for-performance, FFS plus pay for performance [metric 4])
* insert LANMeasureGroup(category-2-total, Category 2 total [metric 5])
* insert LANMeasureGroup(traditional-shared-savings, Traditional shared savings [metric 6])
* insert LANMeasureGroup(utilization-shared-savings, Utilization-based shared savings [metric 7])
* insert LANMeasureGroup(ffs-shared-risk, FFS-based shared risk [metric 8])
* insert LANMeasureGroup(procedure-bundles, Procedure-based bundled or episode payments [metric 9])
* insert LANMeasureGroup(category-3-total, Category 3 total [metric 10])
* insert LANMeasureGroup(condition-population-payments, Condition-specific population-based payments [metric 11])
* insert LANMeasureGroup(population-payments, Population-based payments not condition-specific [metric 12])
* insert LANMeasureGroup(condition-bundles, Condition-specific bundled or episode payments [metric 13])
* insert LANMeasureGroup(premium-based-payments, Full or percent of premium population-based payments [metric 14])
* insert LANMeasureGroup(integrated-finance-delivery, Integrated finance and delivery system programs [metric 15])
* insert LANMeasureGroup(category-4-total, Category 4 total [metric 16])
* insert LANMeasureGroup(legacy-payments-aggregate, Aggregated legacy payments [metric 17])
* insert LANMeasureGroup(categories-2-4-total, Aggregated payment reform in Categories 2-4 [metric 18])
* insert LANMeasureGroup(categories-3-4-total, Aggregated payment reform in Categories 3 and 4 [metric 19])

Instance: lan-nominal-risk
InstanceOf: Measure
Usage: #definition
Title: "HCP-LAN Nominal Risk"
* url = "http://hl7.org/fhir/us/davinci-vbpr/Measure/lan-nominal-risk"
* name = "LANNominalRisk"
* title = "HCP-LAN Nominal Risk"
* status = #active
* experimental = false
* description = "The parameters of one FFS-based shared-risk (3B) contract that decide whether it meets the HCP-LAN nominal risk threshold: risk minimum <= 4%, provider risk share >= 30%, net risk >= 3% (total cost of care) or >= 8% (percent of revenue) (CMS-10620 Tabs 8-10)."
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Organization
* insert LANMeasureGroup(risk-minimum, Risk minimum in percent)
* insert LANMeasureGroup(risk-maximum, Risk maximum in percent)
* insert LANMeasureGroup(provider-risk-share, Provider risk share in percent)
* insert LANMeasureGroup(net-risk, Net risk in percent [risk maximum x provider risk share])
* insert LANMeasureGroup(contract-total-dollars, Total dollars flowing through the contract)

Instance: lan-nominal-risk-summary
InstanceOf: Measure
Usage: #definition
Title: "HCP-LAN Nominal Risk Summary"
* url = "http://hl7.org/fhir/us/davinci-vbpr/Measure/lan-nominal-risk-summary"
* name = "LANNominalRiskSummary"
* title = "HCP-LAN Nominal Risk Summary"
* status = #active
* experimental = false
* description = "For one line of business over 12 months: the total spend, the FFS-based shared-risk (3B) dollars, and those dollars split into contracts that meet and that do not meet the HCP-LAN nominal risk threshold, each as a percent of the total spend (CMS-10620 Tab 10 summary)."
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Organization
* insert LANMeasureGroup(total-paid, Total spend of the line of business in all categories)
* insert LANMeasureGroup(ffs-shared-risk, FFS-based shared-risk dollars [all contracts])
* insert LANMeasureGroup(nominal-risk-meets-dollars, Shared-risk dollars in contracts that meet the threshold)
* insert LANMeasureGroup(nominal-risk-not-meets-dollars, Shared-risk dollars in contracts that do not meet the threshold)
