CodeSystem: PaymentStream
Id: payment-stream
Title: "VBP Payment Stream"
Description: "The flows of money between payer and provider under a value-based contract: base payments and the incentives (rewards and penalties) layered on them."
* insert VbprTerminologyMetadata
* ^hierarchyMeaning = #is-a
* ^property[+].code = #flows-to-payer
* ^property[=].type = #boolean
* ^property[=].description = "True when the stream moves money from the provider back to the payer (a recoupment); false when the payer pays the provider."
* #base-payment "Base payment" "Payments for services or members that are made regardless of performance."
  * #fee-for-service "Fee for service" "Claims payments per unit of service."
  * #capitation "Capitation" "Prospective per member per month payments."
  * #bundled-payment "Bundled payment" "A single payment for an episode or procedure."
* #incentive "Incentive" "Payments or recoupments that depend on performance."
  * #shared-savings "Shared savings" "The provider's share of savings against a cost target."
  * #shared-loss "Shared loss" "The provider's share of spending above a cost target, recovered by the payer."
  * #pay-for-performance "Pay for performance" "Bonus paid for meeting quality or utilization targets."
  * #pay-for-reporting "Pay for reporting" "Payment for reporting quality data, regardless of results."
  * #quality-withhold "Quality withhold" "Part of the base payment held back and returned according to quality results."
  * #care-management-fee "Care management fee" "Per member payment that funds care coordination and other foundational capabilities."
* #base-payment #fee-for-service ^property[+].code = #flows-to-payer
* #base-payment #fee-for-service ^property[=].valueBoolean = false
* #base-payment #capitation ^property[+].code = #flows-to-payer
* #base-payment #capitation ^property[=].valueBoolean = false
* #base-payment #bundled-payment ^property[+].code = #flows-to-payer
* #base-payment #bundled-payment ^property[=].valueBoolean = false
* #incentive #shared-savings ^property[+].code = #flows-to-payer
* #incentive #shared-savings ^property[=].valueBoolean = false
* #incentive #shared-loss ^property[+].code = #flows-to-payer
* #incentive #shared-loss ^property[=].valueBoolean = true
* #incentive #pay-for-performance ^property[+].code = #flows-to-payer
* #incentive #pay-for-performance ^property[=].valueBoolean = false
* #incentive #pay-for-reporting ^property[+].code = #flows-to-payer
* #incentive #pay-for-reporting ^property[=].valueBoolean = false
* #incentive #quality-withhold ^property[+].code = #flows-to-payer
* #incentive #quality-withhold ^property[=].valueBoolean = true
* #incentive #care-management-fee ^property[+].code = #flows-to-payer
* #incentive #care-management-fee ^property[=].valueBoolean = false
