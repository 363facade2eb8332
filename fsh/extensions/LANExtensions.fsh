Extension: LANPercentOfTotal
Id: lan-percent-of-total
Title: "LAN Percent of Total Dollars Paid"
Description: "The dollars of a LAN report group (its measureScore) as a percent, on a 0-100 scale, of the total dollars paid to providers for the line of business (its total spend, the group coded total-paid). Absent on the total-paid group itself and whenever the total is zero (the percent is not computable)."
Context: MeasureReport.group
* value[x] 1..1
* value[x] only Quantity
* valueQuantity.value 1..1
* valueQuantity.system 1..1
* valueQuantity.system = $LANUCUM (exactly)
* valueQuantity.code 1..1
* valueQuantity.code = #% (exactly)
* valueQuantity.unit = "%"

Extension: LANCrossCheck
Id: lan-cross-check
Title: "LAN Cross-Check"
Description: "The HCP-LAN workbook's cross-check (Tab 7) of a LAN APM adoption report: the sum of the dollars of all payment models (the numerators) and whether it equals, exceeds or falls short of the total dollars paid."
Context: MeasureReport
* extension contains
    numeratorSum 1..1 and
    result 1..1
* extension[numeratorSum] ^short = "Sum of the numerators (dollars of the 12 payment models)"
* extension[numeratorSum].value[x] only Quantity
* extension[numeratorSum].valueQuantity.value 1..1
* extension[numeratorSum].valueQuantity.system = $LANCurrency (exactly)
* extension[numeratorSum].valueQuantity.code = #USD (exactly)
* extension[result] ^short = "balanced | numerators-exceed-total | numerators-below-total"
* extension[result].value[x] only CodeableConcept
* extension[result].valueCodeableConcept from LANCrossCheckResultVS (required)

Extension: LANContract
Id: lan-contract
Title: "LAN Shared-Risk Contract"
Description: "The FFS-based shared-risk contract a LAN nominal risk report is about: the payer's identifier or name for it."
Context: MeasureReport
* value[x] 1..1
* value[x] only Identifier
* valueIdentifier.value 1..1

Extension: LANContractTypeExt
Id: lan-contract-type
Title: "LAN Shared-Risk Contract Type"
Description: "Whether an FFS-based shared-risk contract is a total-cost-of-care (benchmark-based) or a percent-of-revenue contract; this sets the net risk the LAN nominal risk threshold requires (3% or 8%)."
Context: MeasureReport
* value[x] 1..1
* value[x] only CodeableConcept
* valueCodeableConcept from LANContractTypeVS (required)

Extension: LANMeetsNominalRisk
Id: lan-meets-nominal-risk
Title: "LAN Meets Nominal Risk Threshold"
Description: "True when the contract meets the LAN nominal risk threshold: risk minimum <= 4%, provider risk share >= 30% and net risk >= 3% (total cost of care) or >= 8% (percent of revenue)."
Context: MeasureReport
* value[x] 1..1
* value[x] only boolean
