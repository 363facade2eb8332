ValueSet: LANAPMAdoptionMetricVS
Id: lan-apm-adoption-metric
Title: "LAN APM Adoption Metric"
Description: "The 19 HCP-LAN APM adoption metrics a payer reports per line of business (group codes of the LAN APM Adoption Report)."
* ^status = #active
* ^experimental = false
* $LANMetric#total-paid
* $LANMetric#legacy-payments
* $LANMetric#foundational-spending
* $LANMetric#ffs-pay-for-performance
* $LANMetric#category-2-total
* $LANMetric#traditional-shared-savings
* $LANMetric#utilization-shared-savings
* $LANMetric#ffs-shared-risk
* $LANMetric#procedure-bundles
* $LANMetric#category-3-total
* $LANMetric#condition-population-payments
* $LANMetric#population-payments
* $LANMetric#condition-bundles
* $LANMetric#premium-based-payments
* $LANMetric#integrated-finance-delivery
* $LANMetric#category-4-total
* $LANMetric#legacy-payments-aggregate
* $LANMetric#categories-2-4-total
* $LANMetric#categories-3-4-total

ValueSet: LANNominalRiskParameterVS
Id: lan-nominal-risk-parameter
Title: "LAN Nominal Risk Parameter"
Description: "The numeric parameters of an FFS-based shared-risk contract that decide whether it meets the LAN nominal risk threshold (group codes of the LAN Nominal Risk report)."
* ^status = #active
* ^experimental = false
* $LANMetric#risk-minimum
* $LANMetric#risk-maximum
* $LANMetric#provider-risk-share
* $LANMetric#net-risk
* $LANMetric#contract-total-dollars

ValueSet: LANNominalRiskSummaryMetricVS
Id: lan-nominal-risk-summary-metric
Title: "LAN Nominal Risk Summary Metric"
Description: "The dollars of a line of business's LAN nominal risk summary (group codes of the LAN Nominal Risk Summary): total spend, FFS-based shared-risk dollars, and the shared-risk dollars that meet and that do not meet the LAN nominal risk threshold."
* ^status = #active
* ^experimental = false
* $LANMetric#total-paid
* $LANMetric#ffs-shared-risk
* $LANMetric#nominal-risk-meets-dollars
* $LANMetric#nominal-risk-not-meets-dollars

ValueSet: LANAPMMetricVS
Id: lan-apm-metric
Title: "LAN APM Measurement Metric (all)"
Description: "Every concept of the LAN APM measurement metric code system: adoption metrics and nominal risk parameters."
* ^status = #active
* ^experimental = false
* include codes from system $LANMetric

ValueSet: LANContractTypeVS
Id: contract-type
Title: "LAN Shared-Risk Contract Type"
Description: "Total cost of care (benchmark-based) or percent of revenue."
* ^status = #active
* ^experimental = false
* include codes from system $LANContractType

ValueSet: LANCrossCheckResultVS
Id: lan-cross-check-result
Title: "LAN Cross-Check Result"
Description: "Outcomes of the LAN workbook's cross-check of numerators against the total dollars paid."
* ^status = #active
* ^experimental = false
* include codes from system $LANCrossCheck
