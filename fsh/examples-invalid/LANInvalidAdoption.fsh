// Deliberately invalid LAN APM Adoption Reports: each breaks one rule of the profile; the issues
// each must raise are in LAN-expected-issues.yaml. Generated numbers are consistent except for the
// one rule each example breaks.
RuleSet: LANInvalidAdoptionHeader(start, end)
* status = #complete
* type = #summary
* measure = "http://hl7.org/fhir/us/davinci-vbpr/Measure/lan-apm-adoption"
* date = "2020-03-31"
* period.start = "{start}"
* period.end = "{end}"

RuleSet: LANInvalidGroup(code, dollars)
* group[+].code = $LANMetric#{code}
* group[=].measureScore.value = {dollars}

Instance: invalid-lan-duplicate-metric
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: a LAN metric appears twice"
Description: "The $0 procedure-based bundles group is coded condition-bundles, so condition-bundles appears twice and procedure-bundles not at all (every sum still holds)."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#balanced
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 350000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35
* group[8].code = $LANMetric#condition-bundles

Instance: invalid-lan-category-total
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: category 3 total differs from its payment models"
Description: "Category 3 total is $1,000 more than the sum of its four payment models (the aggregated metrics follow the wrong total)."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#balanced
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185001000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5001
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500001000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50.0001
* insert LANInvalidGroup(categories-3-4-total, 350001000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35.0001

Instance: invalid-lan-aggregate
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: aggregated Categories 3 and 4 metric is wrong"
Description: "Metric 19 (Categories 3 and 4) is $5,000,000 more than the category 3 and 4 totals."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#balanced
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 355000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35.5

Instance: invalid-lan-numerators-exceed
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Warning: numerators exceed the total dollars paid"
Description: "Legacy payments are $20,000,000 too high, so the numerators exceed the total dollars paid (LAN cross-check warning; the cross-check extension records it)."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1020000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#numerators-exceed-total
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 520000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 52
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 520000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 52
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 350000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35

Instance: invalid-lan-percent
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: a percent of total does not match its dollars"
Description: "FFS-based shared risk is $60,000,000 of $1,000,000,000 but its percent of total says 5% instead of 6%."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#balanced
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 350000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35

Instance: invalid-lan-negative-dollars
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: negative dollars"
Description: "Procedure-based bundles are reported as -$1,000,000 (offset in FFS-based shared risk so every sum still holds)."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#balanced
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 61000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6.1
* insert LANInvalidGroup(procedure-bundles, -1000000)
* group[=].extension[percentOfTotal].valueQuantity.value = -0.1
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 350000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35

Instance: invalid-lan-period
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: reporting period is not 12 months"
Description: "The period covers six months (2019-01-01 to 2019-06-30)."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-06-30)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#balanced
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 350000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35

Instance: invalid-lan-cross-check-result
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: cross-check result contradicts the groups"
Description: "The numerators add up to the total dollars paid, but the cross-check extension says they exceed it."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#numerators-exceed-total
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 350000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35

Instance: invalid-lan-metric-code
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: group code outside the adoption metric value set"
Description: "The $0 procedure-bundles group carries the nominal risk parameter net-risk as its code (in the code system, not in the required value set)."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#balanced
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 350000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35
* group[8].code = $LANMetric#net-risk

Instance: invalid-lan-line-of-business
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: line of business outside its value set"
Description: "The line-of-business extension carries a contract type code."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANContractType#total-cost-of-care
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANCrossCheck#balanced
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 350000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35

Instance: invalid-lan-cross-check-code
InstanceOf: LANAPMAdoptionReport
Usage: #example
Title: "Invalid: cross-check result outside its value set"
Description: "The cross-check result carries a contract type code (so it also fails to match the groups)."
* insert LANInvalidAdoptionHeader(2019-01-01, 2019-12-31)
* extension[lineOfBusiness].valueCodeableConcept = $LANLineOfBusinessCS#commercial
* extension[crossCheck].extension[numeratorSum].valueQuantity.value = 1000000000
* extension[crossCheck].extension[result].valueCodeableConcept = $LANContractType#total-cost-of-care
* insert LANInvalidGroup(total-paid, 1000000000)
* insert LANInvalidGroup(legacy-payments, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(foundational-spending, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(ffs-pay-for-performance, 120000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 12
* insert LANInvalidGroup(category-2-total, 150000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 15
* insert LANInvalidGroup(traditional-shared-savings, 110000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 11
* insert LANInvalidGroup(utilization-shared-savings, 15000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1.5
* insert LANInvalidGroup(ffs-shared-risk, 60000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 6
* insert LANInvalidGroup(procedure-bundles, 0)
* group[=].extension[percentOfTotal].valueQuantity.value = 0
* insert LANInvalidGroup(category-3-total, 185000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 18.5
* insert LANInvalidGroup(condition-population-payments, 10000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 1
* insert LANInvalidGroup(population-payments, 70000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 7
* insert LANInvalidGroup(condition-bundles, 5000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 0.5
* insert LANInvalidGroup(premium-based-payments, 50000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 5
* insert LANInvalidGroup(integrated-finance-delivery, 30000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 3
* insert LANInvalidGroup(category-4-total, 165000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 16.5
* insert LANInvalidGroup(legacy-payments-aggregate, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-2-4-total, 500000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 50
* insert LANInvalidGroup(categories-3-4-total, 350000000)
* group[=].extension[percentOfTotal].valueQuantity.value = 35
