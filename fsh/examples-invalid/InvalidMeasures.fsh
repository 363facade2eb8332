// Invalid VBP Measure instances: one broken rule each.

Instance: invalid-measure-weights
InstanceOf: VbpMeasure
Title: "INVALID: component weights sum to 80"
Description: "Breaks vbp-m-1: the weights of the component measures add up to 80, neither 100 nor 1."
Usage: #example
* insert InvalidMeasureBase(invalid-measure-weights)
* insert InvalidMeasureHeader
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-colorectal-cancer-screening"
* extension[componentMeasure][=].extension[weight].valueDecimal = 40
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-controlling-blood-pressure"
* extension[componentMeasure][=].extension[weight].valueDecimal = 40
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual

Instance: invalid-measure-performance-outside-contract
InstanceOf: VbpMeasure
Title: "INVALID: performance period outside the contract period"
Description: "Breaks vbp-m-2: the 2026 performance year lies outside a contract that ends on 2025-12-31."
Usage: #example
* insert InvalidMeasureBase(invalid-measure-performance-outside-contract)
* insert InvalidMeasureHeader
* insert TypedPeriod(extension[vbpPeriod], performance, 2026-01-01, 2026-12-31)

Instance: invalid-measure-open-contract
InstanceOf: VbpMeasure
Title: "INVALID: contract period without an end"
Description: "Breaks vbp-m-3: the contract period (effectivePeriod) has a start but no end."
Usage: #example
* insert InvalidMeasureBase(invalid-measure-open-contract)
* effectivePeriod.start = "2025-01-01"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#commercial
* extension[apmCategory].valueCodeableConcept = $HCPLAN#traditional-shared-savings

Instance: invalid-measure-contractual-without-weight
InstanceOf: VbpMeasure
Title: "INVALID: contractual component measure without a weight"
Description: "Breaks vbp-m-4: a component measure marked contractual carries no weight."
Usage: #example
* insert InvalidMeasureBase(invalid-measure-contractual-without-weight)
* insert InvalidMeasureHeader
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-colorectal-cancer-screening"
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = ContractualStatus#contractual

Instance: invalid-measure-period-reversed
InstanceOf: VbpMeasure
Title: "INVALID: typed period ending before it starts"
Description: "Breaks vbp-per-1 (and the base Period rule per-1): the performance period ends before it starts."
Usage: #example
* insert InvalidMeasureBase(invalid-measure-period-reversed)
* insert InvalidMeasureHeader
* insert TypedPeriod(extension[vbpPeriod], performance, 2025-12-31, 2025-01-01)

Instance: invalid-binding-line-of-business
InstanceOf: VbpMeasure
Title: "INVALID: line of business coded outside its value set"
Description: "Breaks the required binding of the line-of-business extension: the code is a report kind, not a line of business."
Usage: #example
* insert InvalidMeasureBase(invalid-binding-line-of-business)
* effectivePeriod.start = "2025-01-01"
* effectivePeriod.end = "2025-12-31"
* extension[lineOfBusiness].valueCodeableConcept = ReportKind#final
* extension[apmCategory].valueCodeableConcept = $HCPLAN#traditional-shared-savings

Instance: invalid-binding-apm-category
InstanceOf: VbpMeasure
Title: "INVALID: APM category coded outside the HCP-LAN framework"
Description: "Breaks the required binding of the apm-category extension: the code is a line of business, not an HCP-LAN APM concept."
Usage: #example
* insert InvalidMeasureBase(invalid-binding-apm-category)
* effectivePeriod.start = "2025-01-01"
* effectivePeriod.end = "2025-12-31"
* extension[lineOfBusiness].valueCodeableConcept = LineOfBusiness#commercial
* extension[apmCategory].valueCodeableConcept = LineOfBusiness#medicaid

Instance: invalid-binding-payment-stream
InstanceOf: VbpMeasure
Title: "INVALID: payment stream uses a grouping concept"
Description: "Breaks the required binding of the payment-stream extension: 'incentive' is a grouping concept that the payment stream value set leaves out."
Usage: #example
* insert InvalidMeasureBase(invalid-binding-payment-stream)
* insert InvalidMeasureHeader
* extension[paymentStream][+].valueCodeableConcept = PaymentStream#incentive

Instance: invalid-binding-contractual-status
InstanceOf: VbpMeasure
Title: "INVALID: contractual status coded outside its value set"
Description: "Breaks the required binding of component-measure.contractualStatus: the code is a payment stream."
Usage: #example
* insert InvalidMeasureBase(invalid-binding-contractual-status)
* insert InvalidMeasureHeader
* extension[componentMeasure][+].extension[measure].valueCanonical = "http://hl7.org/fhir/us/davinci-vbpr/Measure/measure-colorectal-cancer-screening"
* extension[componentMeasure][=].extension[weight].valueDecimal = 100
* extension[componentMeasure][=].extension[contractualStatus].valueCodeableConcept = PaymentStream#shared-savings

Instance: invalid-binding-period-type
InstanceOf: VbpMeasure
Title: "INVALID: period type coded outside its value set"
Description: "Breaks the required binding of vbp-period.type: the code is a report kind, not a period type."
Usage: #example
* insert InvalidMeasureBase(invalid-binding-period-type)
* insert InvalidMeasureHeader
* extension[vbpPeriod][+].extension[type].valueCodeableConcept = ReportKind#final
* extension[vbpPeriod][=].extension[period].valuePeriod.start = "2025-01-01"
* extension[vbpPeriod][=].extension[period].valuePeriod.end = "2025-12-31"
