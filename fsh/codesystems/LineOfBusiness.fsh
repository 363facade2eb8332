CodeSystem: LineOfBusiness
Id: line-of-business
Title: "Line of Business"
Description: "The market segment of the members a value-based contract covers, following the segments the HCP-LAN APM measurement effort uses."
* insert VbprTerminologyMetadata
* #commercial "Commercial" "Individual, small group, large group, fully insured, self-funded and exchange business, including Federal Employee Health Benefit and state employee programs."
* #medicare-advantage "Medicare Advantage" "Medicare health plans offered by private companies under contract with Medicare to cover all Part A and Part B benefits (HMO, PPO, private fee-for-service and special needs plans), with Part D where the plan provides it."
* #medicaid "Medicaid" "Health benefits for Medicaid-eligible people provided by health plans under contract with a state or by state-run programs."
* #medicare-ffs "Medicare fee for service" "Original Medicare, paid directly by the Centers for Medicare & Medicaid Services, including its alternative payment model programs."
