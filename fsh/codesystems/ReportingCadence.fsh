CodeSystem: ReportingCadence
Id: reporting-cadence
Title: "VBP Reporting Cadence"
Description: "How often, and over what span, a payer produces performance reports for a contract."
* insert VbprTerminologyMetadata
* #monthly "Monthly" "One report per calendar month, covering that month."
* #quarterly "Quarterly" "One report per calendar quarter, covering that quarter."
* #year-to-date "Year to date" "Reports produced periodically, each covering the performance period from its start up to the report date."
* #annual "Annual" "One report per performance year."
* #ad-hoc "Ad hoc" "Reports produced on request or after an unscheduled event."
