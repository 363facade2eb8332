CodeSystem: MetricValueType
Id: metric-value-type
Title: "Metric Value Type"
Description: "The kind of value a performance metric carries; it tells a receiver how to read MeasureReport.group.measureScore."
* insert VbprTerminologyMetadata
* #money "Money" "An amount of money, sent as a Quantity with system urn:iso:std:iso:4217 and a currency code (USD in this guide)."
* #decimal "Decimal" "A dimensionless or unit-bearing decimal number that is not money, a percentage or a count."
* #integer "Integer" "A whole number that is not a count of people or events (for example a star level)."
* #percentage "Percentage" "A ratio expressed on a 0-100 scale with UCUM unit %."
* #count "Count" "A number of people, events or member months, expressed as a whole-number Quantity."

CodeSystem: MetricAggregation
Id: metric-aggregation
Title: "Metric Aggregation Method"
Description: "How the values of a metric for several strata, periods or provider organizations combine into one value."
* insert VbprTerminologyMetadata
* #sum "Sum" "Values add up (for example dollars paid or member months)."
* #average "Average" "The combined value is the plain mean of the parts."
* #weighted-average "Weighted average" "The combined value is the mean of the parts weighted by their exposure, usually member months."
* #rate "Rate" "The combined value is recomputed from the summed numerators and denominators; the parts' rates must not be added or averaged."
* #none "Not aggregable" "Values cannot be combined (for example a contract target or a star rating)."
