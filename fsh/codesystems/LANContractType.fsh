CodeSystem: LANContractType
Id: contract-type
Title: "LAN Shared-Risk Contract Type"
Description: "How an FFS-based shared-risk (3B) contract measures the provider's risk, as the HCP-LAN nominal risk worksheet distinguishes it. The type sets the net risk the contract needs for the LAN nominal risk threshold: 3% for total cost of care, 8% for percent of revenue."
* ^url = "http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/contract-type"
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #total-cost-of-care "Total cost of care (benchmark-based)" "The provider is accountable for all costs of its attributed population (professional, pharmacy, hospital, ancillary and administrative), whoever furnished the care, measured against a benchmark. Workbook label: TCOC."
* #percent-of-revenue "Percent of revenue" "The provider is accountable only for the professional and facility costs furnished by the accountable provider organization; its risk is capped as a percent of its revenue. Workbook label: % Revenue."
