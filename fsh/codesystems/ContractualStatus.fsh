CodeSystem: ContractualStatus
Id: contractual-status
Title: "Component Measure Contractual Status"
Description: "What role a component measure plays in the payment terms of a value-based contract."
* insert VbprTerminologyMetadata
* #contractual "Contractual" "The measure's result affects payment; it carries a weight."
* #pay-for-reporting "Pay for reporting" "Payment depends on the measure being reported, not on its result."
* #informational "Informational" "Reported for information only; the result does not affect payment."
* #gate "Quality gate" "The measure must reach its threshold before any savings are shared; it carries no weight."
