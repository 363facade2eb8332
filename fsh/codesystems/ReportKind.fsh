CodeSystem: ReportKind
Id: report-kind
Title: "VBP Report Kind"
Description: "Where a performance report stands in the life of a contract year: whether its numbers can still change and whether money is settled on them."
* insert VbprTerminologyMetadata
* #interim "Interim" "Produced during the performance period to monitor progress; values are incomplete and will change."
* #preliminary "Preliminary" "Produced after the performance period but before the run-out ends; values are close to final but not settled."
* #final "Final" "The settlement report for the period; its values are the basis of payment and require a settlement period."
* #reconciliation "Reconciliation" "Produced after a final report to true up payments, for example after late claims or risk score updates."
* #restated "Restated" "Replaces an earlier report whose values were wrong; the earlier report should be marked as replaced."
