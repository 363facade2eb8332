CodeSystem: StratifierDimension
Id: stratifier-dimension
Title: "VBP Stratifier Dimension"
Description: "The dimensions by which a payer breaks a metric down in a value-based performance report (MeasureReport.group.stratifier.code)."
* insert VbprTerminologyMetadata
* #cohort "Cohort" "A sub-population of the contract, for example a product, a benefit plan or a risk tier."
* #region "Region" "A geographic service area of the provider organization."
* #facility "Facility" "A hospital, clinic or practice site of the provider organization."
* #practitioner-group "Practitioner group" "A practice, tax identification number or panel within the provider organization."
* #product "Product" "An insurance product within the line of business, for example HMO or PPO."
