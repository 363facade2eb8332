CodeSystem: ThresholdType
Id: threshold-type
Title: "VBP Threshold Type"
Description: "The kinds of threshold a quality or cost result is compared with in a value-based contract."
* insert VbprTerminologyMetadata
* #star-level "Star level" "A Medicare Advantage style star cut point on the 1 to 5 scale."
* #hedis-percentile "HEDIS percentile" "A national or regional percentile (0 to 100) of HEDIS results."
* #target "Target" "A contract-specific value the provider has to reach."
* #benchmark "Benchmark" "A reference value from peers, history or the market."
* #minimum "Minimum (gate)" "The least acceptable value; below it no incentive is paid."
* #improvement "Improvement" "A required improvement over the provider's own baseline."
