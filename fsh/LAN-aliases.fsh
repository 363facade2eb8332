// Aliases of the LAN (HCP-LAN APM measurement) part of the IG. SUSHI aliases are global: the
// LAN files use only these `$LAN...` names.
Alias: $LANMetric = http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-apm-metric
Alias: $LANContractType = http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/contract-type
Alias: $LANCrossCheck = http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/lan-cross-check-result
Alias: $LANFramework = http://terminology.hl7.org/CodeSystem/hcp-lan-apm-framework
Alias: $LANLineOfBusinessCS = http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/line-of-business
Alias: $LANLineOfBusinessExt = http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/line-of-business
Alias: $LANUCUM = http://unitsofmeasure.org
Alias: $LANCurrency = urn:iso:std:iso:4217
