// Payer server and provider client capabilities. Both use the same search parameters.

RuleSet: Expect(path, level)
* {path}.extension[+].url = $Expectation
* {path}.extension[=].valueCode = #{level}

RuleSet: SearchParam(res, name, definition, type, level)
* rest[0].resource[{res}].searchParam[+].name = "{name}"
* rest[0].resource[{res}].searchParam[=].definition = "{definition}"
* rest[0].resource[{res}].searchParam[=].type = #{type}
* insert Expect(rest[0].resource[{res}].searchParam[=], {level})

RuleSet: VbprCapabilityBody(level)
* status = #active
* experimental = false
* date = "2026-01-15"
* publisher = "HL7 International / Clinical Quality Information"
* kind = #requirements
* fhirVersion = #4.0.1
* format[+] = #json
* insert Expect(format[=], SHALL)
* format[+] = #xml
* insert Expect(format[=], MAY)
* implementationGuide = "http://hl7.org/fhir/us/davinci-vbpr/ImplementationGuide/hl7.fhir.us.davinci-vbpr"
* rest[0].resource[0].type = #MeasureReport
* rest[0].resource[0].supportedProfile[+] = Canonical(VbpPerformanceMeasureReport)
* rest[0].resource[0].supportedProfile[+] = Canonical(VbpQualityMeasureReport)
* rest[0].resource[0].interaction[+].code = #read
* insert Expect(rest[0].resource[0].interaction[=], SHALL)
* rest[0].resource[0].interaction[+].code = #search-type
* insert Expect(rest[0].resource[0].interaction[=], SHALL)
* insert SearchParam(0, category, http://hl7.org/fhir/us/davinci-deqm/SearchParameter/measurereport-category, token, {level})
* insert SearchParam(0, provider, http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/measurereport-provider, reference, {level})
* insert SearchParam(0, line-of-business, http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/vbp-line-of-business, token, {level})
* insert SearchParam(0, payment-stream, http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/vbp-payment-stream, token, {level})
* insert SearchParam(0, report-kind, http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/measurereport-report-kind, token, {level})
* insert SearchParam(0, apm-category, http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/vbp-apm-category, token, SHOULD)
* insert SearchParam(0, metric, http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/measurereport-metric, token, SHOULD)
* insert SearchParam(0, measure, http://hl7.org/fhir/SearchParameter/MeasureReport-measure, reference, {level})
* insert SearchParam(0, period, http://hl7.org/fhir/SearchParameter/MeasureReport-period, date, {level})
* insert SearchParam(0, status, http://hl7.org/fhir/SearchParameter/MeasureReport-status, token, SHOULD)
* rest[0].resource[1].type = #Measure
* rest[0].resource[1].supportedProfile[+] = Canonical(VbpMeasure)
* rest[0].resource[1].interaction[+].code = #read
* insert Expect(rest[0].resource[1].interaction[=], SHALL)
* rest[0].resource[1].interaction[+].code = #search-type
* insert Expect(rest[0].resource[1].interaction[=], SHALL)
* insert SearchParam(1, url, http://hl7.org/fhir/SearchParameter/Measure-url, uri, {level})
* insert SearchParam(1, line-of-business, http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/vbp-line-of-business, token, {level})
* insert SearchParam(1, payment-stream, http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/vbp-payment-stream, token, SHOULD)
* insert SearchParam(1, apm-category, http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/vbp-apm-category, token, SHOULD)
* rest[0].resource[2].type = #Organization
* rest[0].resource[2].supportedProfile[+] = $USCoreOrganization
* rest[0].resource[2].interaction[+].code = #read
* insert Expect(rest[0].resource[2].interaction[=], SHALL)

Instance: vbpr-payer-server
InstanceOf: CapabilityStatement
Title: "VBPR Payer Server"
Usage: #definition
* url = "http://hl7.org/fhir/us/davinci-vbpr/CapabilityStatement/vbpr-payer-server"
* version = "1.0.0-ballot"
* name = "VbprPayerServer"
* title = "VBPR Payer Server"
* description = "What a payer's FHIR server SHALL (or SHOULD) support so that provider organizations can retrieve the value-based contract programs and the performance and quality reports about them. Every search parameter listed SHALL be supported with the expectation shown."
* insert VbprCapabilityBody(SHALL)
* rest[0].mode = #server
* rest[0].documentation = "The payer server answers read and search requests from authorized provider clients. It returns only the reports about provider organizations the client is authorized for."
* rest[0].security.cors = true
* rest[0].security.description = "Access requires OAuth 2.0 authorization (for example SMART Backend Services); the server limits results to the provider organizations the client is contracted for."

Instance: vbpr-provider-client
InstanceOf: CapabilityStatement
Title: "VBPR Provider Client"
Usage: #definition
* url = "http://hl7.org/fhir/us/davinci-vbpr/CapabilityStatement/vbpr-provider-client"
* version = "1.0.0-ballot"
* name = "VbprProviderClient"
* title = "VBPR Provider Client"
* description = "What a provider organization's client SHOULD use when retrieving value-based programs and reports from a payer server conforming to the VBPR Payer Server capability statement. It uses the same search parameters."
* insert VbprCapabilityBody(SHOULD)
* rest[0].mode = #client
* rest[0].documentation = "The provider client searches for its reports by provider organization, report kind, line of business, payment stream and period, and reads the contract program each report references."
