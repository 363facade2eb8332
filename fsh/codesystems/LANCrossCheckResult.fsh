CodeSystem: LANCrossCheckResult
Id: lan-cross-check-result
Title: "LAN Cross-Check Result"
Description: "Outcome of the HCP-LAN workbook's cross-check (Tab 7): do the dollars of the payment models (the numerators) add up to exactly the total dollars paid (the denominator)? When they do not, the workbook names the usual cause for each direction."
* ^url = "http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-cross-check-result"
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #balanced "Numerators equal the total dollars paid" "The numerators account for exactly 100% of the total dollars paid."
* #numerators-exceed-total "Numerators exceed the total dollars paid" "Usual cause: double counting. When an arrangement combines several payment methods, all of its dollars belong to the most advanced (dominant) APM only."
* #numerators-below-total "Numerators fall short of the total dollars paid" "Usual cause: the underlying fee-for-service payments were left out. Category 2 and 3 APMs are built on fee for service, so their dollars include the FFS payments as well as any incentives, bonuses or shared savings."
