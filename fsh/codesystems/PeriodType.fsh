CodeSystem: PeriodType
Id: period-type
Title: "VBP Period Type"
Description: "The roles a time period plays in a value-based contract and in the reports about it. A single report usually carries several of them, and they rarely coincide."
* insert VbprTerminologyMetadata
* #contract "Contract period" "The term during which the value-based agreement is in force."
* #performance "Performance (measurement) period" "The span of care whose cost, utilization and quality the metrics evaluate; usually a contract year."
* #reporting "Reporting period" "The span of time a particular report covers, for example one month or the year to date."
* #service "Service period" "The dates of service of the claims and encounters counted in a value."
* #payment "Payment period" "The span in which the reported payments were made or are due."
* #runout "Run-out (claims paid through) period" "The span after the end of service during which claims for that service are still accepted and paid before the data are frozen."
* #settlement "Settlement (reconciliation) period" "The span in which the payer and provider reconcile the contract year and settle savings, losses or bonuses."
