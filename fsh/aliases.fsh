// Aliases used by the VBPR IG content (the LAN helper keeps its own $LAN* aliases in LAN-aliases.fsh).
Alias: $NPI = http://hl7.org/fhir/sid/us-npi
Alias: $NAIC = urn:oid:2.16.840.1.113883.6.300
Alias: $HCPLAN = http://terminology.hl7.org/CodeSystem/hcp-lan-apm-framework
Alias: $MRCategory = http://hl7.org/fhir/CodeSystem/measurereport-category
Alias: $MeasurePopulation = http://terminology.hl7.org/CodeSystem/measure-population
Alias: $MeasureScoring = http://terminology.hl7.org/CodeSystem/measure-scoring
Alias: $MeasureImprovement = http://terminology.hl7.org/CodeSystem/measure-improvement-notation
Alias: $OrgType = http://terminology.hl7.org/CodeSystem/organization-type
Alias: $USCoreOrganization = http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization
Alias: $QICoreOrganization = http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-organization
Alias: $DEQMSummary = http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/summary-measurereport-deqm
Alias: $MRCategoryExt = http://hl7.org/fhir/StructureDefinition/measurereport-category
Alias: $Expectation = http://hl7.org/fhir/StructureDefinition/capabilitystatement-expectation
