// The HCP-LAN APM measurement metrics (workbook CMS-10620, Tabs 4-6 and 10). Kept in step with
// tools/igkit/lan/catalog.py (tests/lan checks that both list the same codes and sums).
RuleSet: LANMetricProperties(code, valueType, unit, unitSystem, aggregation, role)
* {code} ^property[+].code = #value-type
* {code} ^property[=].valueCoding = http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/metric-value-type#{valueType}
* {code} ^property[+].code = #unit
* {code} ^property[=].valueString = "{unit}"
* {code} ^property[+].code = #unit-system
* {code} ^property[=].valueString = "{unitSystem}"
* {code} ^property[+].code = #aggregation
* {code} ^property[=].valueCoding = http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/metric-aggregation#{aggregation}
* {code} ^property[+].code = #role
* {code} ^property[=].valueCode = #{role}

RuleSet: LANMetricRow(code, row)
* {code} ^property[+].code = #workbook-row
* {code} ^property[=].valueInteger = {row}

RuleSet: LANMetricFramework(code, framework)
* {code} ^property[+].code = #apm-framework
* {code} ^property[=].valueCoding = $LANFramework#{framework}

RuleSet: LANMetricSummand(code, summand)
* {code} ^property[+].code = #summand
* {code} ^property[=].valueCode = #{summand}

CodeSystem: LANAPMMetric
Id: lan-apm-metric
Title: "LAN APM Measurement Metric"
Description: """The metrics of the HCP-LAN national APM data collection workbook (CMS-10620): the 19 APM adoption metrics a payer reports per line of business (total dollars paid; dollars per payment model; category totals; aggregated metrics) and the nominal risk parameters of an FFS-based shared-risk (3B) contract. Each concept states its value type, unit, aggregation and role: `denominator` (total dollars paid), `numerator` (dollars of one payment model; the numerators of a line of business must add up to its denominator), `derived` (a category total or aggregated metric, the sum of its `summand` concepts) or `parameter` (a contract's nominal risk parameter). Rows are numbered as on the workbook's Commercial tab; the Medicare Advantage and Medicaid tabs swap rows 12 and 13."""
* ^url = "http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-apm-metric"
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* ^property[+].code = #value-type
* ^property[=].type = #Coding
* ^property[=].description = "Kind of value (code from the metric value type code system)."
* ^property[+].code = #unit
* ^property[=].type = #string
* ^property[=].description = "Unit code of the value: USD (ISO 4217) for dollars, % (UCUM, 0-100 scale) for percentages."
* ^property[+].code = #unit-system
* ^property[=].type = #string
* ^property[=].description = "System of the unit code."
* ^property[+].code = #aggregation
* ^property[=].type = #Coding
* ^property[=].description = "How values combine across contracts, providers or payers (code from the metric aggregation code system)."
* ^property[+].code = #role
* ^property[=].type = #code
* ^property[=].description = "denominator, numerator, derived (sum of its summands), parameter (nominal risk parameter of a contract) or summary (dollars of a line of business's nominal risk summary)."
* ^property[+].code = #summand
* ^property[=].type = #code
* ^property[=].description = "For a derived metric: a metric of this code system whose dollars add up to this one (repeats)."
* ^property[+].code = #apm-framework
* ^property[=].type = #Coding
* ^property[=].description = "The HCP-LAN APM framework category, subcategory or payment model whose dollars the metric counts (repeats for aggregated metrics)."
* ^property[+].code = #workbook-row
* ^property[=].type = #integer
* ^property[=].description = "The metric's row number on the workbook's Commercial tab (Tab 4)."
* #total-paid "Total dollars paid" "Total dollars paid to providers, in and out of network, for the line of business in the 12-month reporting period (workbook metric 1, the denominator of every other metric)."
* #legacy-payments "Legacy payments (Category 1)" "Dollars paid through legacy payments (fee for service, diagnosis-related groups or capitation without a quality component), Category 1 (metric 2)."
* #foundational-spending "Foundational spending to improve care (2A)" "Dollars paid for foundational spending to improve care, linked to quality, subcategory 2A (metric 3)."
* #ffs-pay-for-performance "FFS plus pay-for-performance (2C)" "Dollars paid through fee for service plus pay-for-performance, linked to quality, subcategory 2C (metric 4)."
* #category-2-total "Category 2 total" "Dollars paid in Category 2: foundational spending plus FFS with pay for performance (metric 5)."
* #traditional-shared-savings "Traditional shared savings (3A)" "Dollars paid through traditional shared savings, linked to quality, subcategory 3A (metric 6)."
* #utilization-shared-savings "Utilization-based shared savings (3A)" "Dollars paid through utilization-based shared savings, linked to quality, subcategory 3A (metric 7)."
* #ffs-shared-risk "FFS-based shared risk (3B)" "Dollars paid through fee-for-service based shared risk, linked to quality, subcategory 3B (metric 8); the dollars to which the LAN nominal risk test applies."
* #procedure-bundles "Procedure-based bundled/episode payments (3B)" "Dollars paid through procedure-based bundled or episode payments, linked to quality, subcategory 3B (metric 9)."
* #category-3-total "Category 3 total" "Dollars paid in Category 3: the two shared-savings and the two shared-risk payment models (metric 10)."
* #condition-population-payments "Condition-specific population-based payments (4A)" "Dollars paid through condition-specific population-based payments, linked to quality, subcategory 4A (metric 11)."
* #population-payments "Population-based payments not condition-specific (4B)" "Dollars paid through population-based payments that are not condition-specific, linked to quality, subcategory 4B (metric 12 on the Commercial tab, 13 on the Medicare Advantage and Medicaid tabs)."
* #condition-bundles "Condition-specific bundled/episode payments (4A)" "Dollars paid through condition-specific bundled or episode payments, linked to quality, subcategory 4A (metric 13 on the Commercial tab, 12 on the Medicare Advantage and Medicaid tabs)."
* #premium-based-payments "Full or percent of premium population-based payments (4B)" "Dollars paid through full or percent of premium population-based payments, linked to quality, subcategory 4B (metric 14)."
* #integrated-finance-delivery "Integrated finance and delivery system programs (4C)" "Dollars paid through integrated finance and delivery system programs, linked to quality, subcategory 4C (metric 15)."
* #category-4-total "Category 4 total" "Dollars paid in Category 4: the five population-based payment models (metric 16)."
* #legacy-payments-aggregate "Aggregated: legacy payments (Category 1)" "Aggregated metric: dollars paid through legacy payments not linked to quality, compared with Categories 2-4 (metric 17; equals metric 2)."
* #categories-2-4-total "Aggregated: payment reform in Categories 2-4" "Aggregated metric, payment reform penetration: dollars paid in Categories 2, 3 and 4 (metric 18)."
* #categories-3-4-total "Aggregated: payment reform in Categories 3 and 4" "Aggregated metric, payment reform penetration: dollars paid in Categories 3 and 4 (metric 19)."
* #risk-minimum "Risk minimum" "Risk minimum (minimum loss rate, risk corridor) of an FFS-based shared-risk contract: the loss, as a percent of the cost target, that must be exceeded before risk sharing applies. The LAN nominal risk threshold requires at most 4%."
* #risk-maximum "Risk maximum" "Risk maximum (risk cap) of an FFS-based shared-risk contract, as a percent of the cost target (TCOC) or of provider revenue (percent of revenue)."
* #provider-risk-share "Provider risk share" "Provider risk share (marginal risk): the percent of incurred losses the provider is liable for. The LAN nominal risk threshold requires at least 30%."
* #net-risk "Net risk" "Net risk (total risk): risk maximum multiplied by provider risk share, in percent (a 10% cap with a 60% share is 6%). The LAN nominal risk threshold requires at least 3% for a total-cost-of-care contract and at least 8% for a percent-of-revenue contract."
* #contract-total-dollars "Contract total dollars" "Total dollars flowing through the contract in the reporting period: total cost of the attributed members (TCOC) or total provider revenue (percent of revenue)."
* #nominal-risk-meets-dollars "Shared-risk dollars that meet the LAN nominal risk threshold" "The FFS-based shared-risk (3B) dollars of a line of business that flow through contracts meeting the LAN nominal risk threshold (the sum of their contract total dollars; workbook Tab 10 summary)."
* #nominal-risk-not-meets-dollars "Shared-risk dollars that do not meet the LAN nominal risk threshold" "The FFS-based shared-risk (3B) dollars of a line of business that flow through contracts not meeting the LAN nominal risk threshold (workbook Tab 10 summary)."
* #meets-nominal-risk "Meets LAN nominal risk threshold" "Whether an FFS-based shared-risk contract meets the LAN nominal risk threshold: risk minimum <= 4%, provider risk share >= 30%, and net risk >= 3% (total cost of care) or >= 8% (percent of revenue). A boolean, carried by the lan-meets-nominal-risk extension."
* #meets-nominal-risk ^property[+].code = #role
* #meets-nominal-risk ^property[=].valueCode = #parameter
* insert LANMetricProperties(#total-paid, money, USD, urn:iso:std:iso:4217, sum, denominator)
* insert LANMetricRow(#total-paid, 1)
* insert LANMetricProperties(#legacy-payments, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#legacy-payments, 2)
* insert LANMetricFramework(#legacy-payments, legacy-payments)
* insert LANMetricProperties(#foundational-spending, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#foundational-spending, 3)
* insert LANMetricFramework(#foundational-spending, foundational-spending)
* insert LANMetricProperties(#ffs-pay-for-performance, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#ffs-pay-for-performance, 4)
* insert LANMetricFramework(#ffs-pay-for-performance, ffs-pay-for-performance)
* insert LANMetricProperties(#category-2-total, money, USD, urn:iso:std:iso:4217, sum, derived)
* insert LANMetricRow(#category-2-total, 5)
* insert LANMetricFramework(#category-2-total, 2)
* insert LANMetricSummand(#category-2-total, foundational-spending)
* insert LANMetricSummand(#category-2-total, ffs-pay-for-performance)
* insert LANMetricProperties(#traditional-shared-savings, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#traditional-shared-savings, 6)
* insert LANMetricFramework(#traditional-shared-savings, traditional-shared-savings)
* insert LANMetricProperties(#utilization-shared-savings, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#utilization-shared-savings, 7)
* insert LANMetricFramework(#utilization-shared-savings, utilization-shared-savings)
* insert LANMetricProperties(#ffs-shared-risk, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#ffs-shared-risk, 8)
* insert LANMetricFramework(#ffs-shared-risk, ffs-shared-risk)
* insert LANMetricProperties(#procedure-bundles, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#procedure-bundles, 9)
* insert LANMetricFramework(#procedure-bundles, procedure-bundles)
* insert LANMetricProperties(#category-3-total, money, USD, urn:iso:std:iso:4217, sum, derived)
* insert LANMetricRow(#category-3-total, 10)
* insert LANMetricFramework(#category-3-total, 3)
* insert LANMetricSummand(#category-3-total, traditional-shared-savings)
* insert LANMetricSummand(#category-3-total, utilization-shared-savings)
* insert LANMetricSummand(#category-3-total, ffs-shared-risk)
* insert LANMetricSummand(#category-3-total, procedure-bundles)
* insert LANMetricProperties(#condition-population-payments, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#condition-population-payments, 11)
* insert LANMetricFramework(#condition-population-payments, condition-population-payments)
* insert LANMetricProperties(#population-payments, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#population-payments, 12)
* insert LANMetricFramework(#population-payments, population-payments)
* insert LANMetricProperties(#condition-bundles, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#condition-bundles, 13)
* insert LANMetricFramework(#condition-bundles, condition-bundles)
* insert LANMetricProperties(#premium-based-payments, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#premium-based-payments, 14)
* insert LANMetricFramework(#premium-based-payments, premium-based-payments)
* insert LANMetricProperties(#integrated-finance-delivery, money, USD, urn:iso:std:iso:4217, sum, numerator)
* insert LANMetricRow(#integrated-finance-delivery, 15)
* insert LANMetricFramework(#integrated-finance-delivery, integrated-finance-delivery)
* insert LANMetricProperties(#category-4-total, money, USD, urn:iso:std:iso:4217, sum, derived)
* insert LANMetricRow(#category-4-total, 16)
* insert LANMetricFramework(#category-4-total, 4)
* insert LANMetricSummand(#category-4-total, condition-population-payments)
* insert LANMetricSummand(#category-4-total, population-payments)
* insert LANMetricSummand(#category-4-total, condition-bundles)
* insert LANMetricSummand(#category-4-total, premium-based-payments)
* insert LANMetricSummand(#category-4-total, integrated-finance-delivery)
* insert LANMetricProperties(#legacy-payments-aggregate, money, USD, urn:iso:std:iso:4217, sum, derived)
* insert LANMetricRow(#legacy-payments-aggregate, 17)
* insert LANMetricFramework(#legacy-payments-aggregate, 1)
* insert LANMetricSummand(#legacy-payments-aggregate, legacy-payments)
* insert LANMetricProperties(#categories-2-4-total, money, USD, urn:iso:std:iso:4217, sum, derived)
* insert LANMetricRow(#categories-2-4-total, 18)
* insert LANMetricFramework(#categories-2-4-total, 2)
* insert LANMetricFramework(#categories-2-4-total, 3)
* insert LANMetricFramework(#categories-2-4-total, 4)
* insert LANMetricSummand(#categories-2-4-total, category-2-total)
* insert LANMetricSummand(#categories-2-4-total, category-3-total)
* insert LANMetricSummand(#categories-2-4-total, category-4-total)
* insert LANMetricProperties(#categories-3-4-total, money, USD, urn:iso:std:iso:4217, sum, derived)
* insert LANMetricRow(#categories-3-4-total, 19)
* insert LANMetricFramework(#categories-3-4-total, 3)
* insert LANMetricFramework(#categories-3-4-total, 4)
* insert LANMetricSummand(#categories-3-4-total, category-3-total)
* insert LANMetricSummand(#categories-3-4-total, category-4-total)
* insert LANMetricProperties(#risk-minimum, percentage, %, http://unitsofmeasure.org, none, parameter)
* insert LANMetricProperties(#risk-maximum, percentage, %, http://unitsofmeasure.org, none, parameter)
* insert LANMetricProperties(#provider-risk-share, percentage, %, http://unitsofmeasure.org, none, parameter)
* insert LANMetricProperties(#net-risk, percentage, %, http://unitsofmeasure.org, none, parameter)
* insert LANMetricProperties(#contract-total-dollars, money, USD, urn:iso:std:iso:4217, sum, parameter)
* insert LANMetricFramework(#risk-minimum, ffs-shared-risk)
* insert LANMetricFramework(#risk-maximum, ffs-shared-risk)
* insert LANMetricFramework(#provider-risk-share, ffs-shared-risk)
* insert LANMetricFramework(#net-risk, ffs-shared-risk)
* insert LANMetricFramework(#contract-total-dollars, ffs-shared-risk)
* insert LANMetricFramework(#meets-nominal-risk, ffs-shared-risk)
* insert LANMetricProperties(#nominal-risk-meets-dollars, money, USD, urn:iso:std:iso:4217, sum, summary)
* insert LANMetricFramework(#nominal-risk-meets-dollars, ffs-shared-risk)
* insert LANMetricProperties(#nominal-risk-not-meets-dollars, money, USD, urn:iso:std:iso:4217, sum, summary)
* insert LANMetricFramework(#nominal-risk-not-meets-dollars, ffs-shared-risk)
