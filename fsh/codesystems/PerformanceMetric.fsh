CodeSystem: PerformanceMetric
Id: performance-metric
Title: "VBP Performance Metric"
Description: "Financial, utilization and quality-program metrics that a payer reports to a provider organization under a value-based contract. Each metric states its value type, its unit (UCUM, or ISO 4217 for money) and how it aggregates. The grouping concepts financial, utilization and quality-program are not selectable."
* insert VbprTerminologyMetadata
* ^hierarchyMeaning = #grouped-by
* ^property[+].code = #value-type
* ^property[=].type = #Coding
* ^property[=].description = "Kind of value (code from the metric value type code system)."
* ^property[+].code = #unit
* ^property[=].type = #string
* ^property[=].description = "Unit code the value is expressed in: a UCUM code, or the ISO 4217 currency code USD for money."
* ^property[+].code = #unit-system
* ^property[=].type = #string
* ^property[=].description = "System of the unit code: http://unitsofmeasure.org or urn:iso:std:iso:4217."
* ^property[+].code = #aggregation
* ^property[=].type = #Coding
* ^property[=].description = "How values combine across strata, periods or organizations (code from the metric aggregation code system)."
* ^property[+].code = #notSelectable
* ^property[=].uri = "http://hl7.org/fhir/concept-properties#notSelectable"
* ^property[=].type = #boolean
* ^property[=].description = "True for grouping concepts that carry no value themselves."
* #financial "Financial metrics" "Cost, payment and reconciliation amounts of a value-based contract."
  * #pmpm-total "Total cost PMPM" "Total allowed medical and pharmacy cost of the attributed population divided by member months."
  * #pmpm-medical "Medical cost PMPM" "Allowed medical (professional, facility and ancillary) cost divided by member months."
  * #pmpm-pharmacy "Pharmacy cost PMPM" "Allowed pharmacy cost divided by member months."
  * #total-cost "Total cost of care" "Total allowed cost of the attributed population over the period."
  * #cost-target-pmpm "Cost target PMPM" "The per member per month spending target (benchmark) the contract sets for the period."
  * #cost-benchmark "Cost benchmark" "The total spending benchmark for the period against which savings or losses are computed."
  * #medical-loss-ratio "Medical loss ratio" "Medical and pharmacy cost as a percentage of premium revenue for the attributed population."
  * #ibnr "Incurred but not reported" "Estimated cost of services already rendered but not yet paid as of the paid-through date."
  * #shared-savings-earned "Shared savings earned" "The provider's share of savings against the benchmark, earned or projected for the period."
  * #shared-loss-owed "Shared loss owed" "The provider's share of spending above the benchmark that it owes the payer for the period."
  * #capitation-paid "Capitation paid" "Prospective per member payments made to the provider for the period."
  * #incentive-payment "Incentive payment" "Pay-for-performance or other incentive amount paid or earned for the period."
  * #quality-bonus "Quality bonus" "Bonus amount earned because quality thresholds were met."
  * #premium-revenue "Premium revenue" "Premium (or premium share) attributable to the provider's attributed members."
* #utilization "Utilization metrics" "Use of services by the attributed population."
  * #member-months "Member months" "Sum over attributed members of the months each was attributed during the period."
  * #attributed-members "Attributed members" "Number of members attributed to the provider organization at the end of the period."
  * #inpatient-admits-per-1000 "Inpatient admissions per 1000" "Acute inpatient admissions per 1000 members per year."
  * #ed-visits-per-1000 "Emergency department visits per 1000" "Emergency department visits not resulting in admission, per 1000 members per year."
  * #readmission-rate "All-cause 30-day readmission rate" "Percentage of acute inpatient discharges followed by an unplanned readmission within 30 days."
  * #inpatient-days-per-1000 "Inpatient days per 1000" "Acute inpatient days per 1000 members per year."
  * #generic-dispensing-rate "Generic dispensing rate" "Percentage of prescriptions dispensed as generics."
* #quality-program "Quality program metrics" "Summary results of the contract's quality program."
  * #star-rating "Star rating" "Overall or measure-level star rating on the 1 to 5 scale used by Medicare Advantage."
  * #quality-score "Quality score" "Weighted composite of the contract's component quality measures."
  * #quality-gate-met "Quality gate met" "1 when the quality gate that conditions shared savings is met, 0 when it is not."
* insert AbstractConcept(#financial)
* insert AbstractConcept(#utilization)
* insert AbstractConcept(#quality-program)
* insert MetricProperties(#financial #pmpm-total, money, USD, urn:iso:std:iso:4217, weighted-average)
* insert MetricProperties(#financial #pmpm-medical, money, USD, urn:iso:std:iso:4217, weighted-average)
* insert MetricProperties(#financial #pmpm-pharmacy, money, USD, urn:iso:std:iso:4217, weighted-average)
* insert MetricProperties(#financial #total-cost, money, USD, urn:iso:std:iso:4217, sum)
* insert MetricProperties(#financial #cost-target-pmpm, money, USD, urn:iso:std:iso:4217, none)
* insert MetricProperties(#financial #cost-benchmark, money, USD, urn:iso:std:iso:4217, sum)
* insert MetricProperties(#financial #medical-loss-ratio, percentage, %, http://unitsofmeasure.org, rate)
* insert MetricProperties(#financial #ibnr, money, USD, urn:iso:std:iso:4217, sum)
* insert MetricProperties(#financial #shared-savings-earned, money, USD, urn:iso:std:iso:4217, sum)
* insert MetricProperties(#financial #shared-loss-owed, money, USD, urn:iso:std:iso:4217, sum)
* insert MetricProperties(#financial #capitation-paid, money, USD, urn:iso:std:iso:4217, sum)
* insert MetricProperties(#financial #incentive-payment, money, USD, urn:iso:std:iso:4217, sum)
* insert MetricProperties(#financial #quality-bonus, money, USD, urn:iso:std:iso:4217, sum)
* insert MetricProperties(#financial #premium-revenue, money, USD, urn:iso:std:iso:4217, sum)
* insert MetricProperties(#utilization #member-months, count, mo, http://unitsofmeasure.org, sum)
* insert MetricProperties(#utilization #attributed-members, count, 1, http://unitsofmeasure.org, sum)
* insert MetricProperties(#utilization #inpatient-admits-per-1000, decimal, /10*3/a, http://unitsofmeasure.org, rate)
* insert MetricProperties(#utilization #ed-visits-per-1000, decimal, /10*3/a, http://unitsofmeasure.org, rate)
* insert MetricProperties(#utilization #readmission-rate, percentage, %, http://unitsofmeasure.org, rate)
* insert MetricProperties(#utilization #inpatient-days-per-1000, decimal, /10*3/a, http://unitsofmeasure.org, rate)
* insert MetricProperties(#utilization #generic-dispensing-rate, percentage, %, http://unitsofmeasure.org, rate)
* insert MetricProperties(#quality-program #star-rating, decimal, 1, http://unitsofmeasure.org, none)
* insert MetricProperties(#quality-program #quality-score, percentage, %, http://unitsofmeasure.org, weighted-average)
* insert MetricProperties(#quality-program #quality-gate-met, integer, 1, http://unitsofmeasure.org, none)
