// Search parameters a provider client needs to find its value-based reports.

RuleSet: VbprSearchParameter(id, code)
* url = "http://hl7.org/fhir/us/davinci-vbpr/SearchParameter/{id}"
* version = "1.0.0-ballot"
* status = #active
* experimental = false
* publisher = "HL7 International / Clinical Quality Information"
* code = #{code}
* xpathUsage = #normal

Instance: measurereport-provider
InstanceOf: SearchParameter
Title: "MeasureReport: provider organization"
Usage: #definition
* insert VbprSearchParameter(measurereport-provider, provider)
* name = "VbprMeasureReportProvider"
* description = "Finds value-based performance and quality reports about a provider organization (the provider-organization extension; FHIR R4 does not allow Organization as MeasureReport.subject)."
* base[+] = #MeasureReport
* type = #reference
* target[+] = #Organization
* expression = "MeasureReport.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/provider-organization').value"

Instance: vbp-line-of-business
InstanceOf: SearchParameter
Title: "Measure and MeasureReport: line of business"
Usage: #definition
* insert VbprSearchParameter(vbp-line-of-business, line-of-business)
* name = "VbprLineOfBusiness"
* description = "Finds value-based contract programs and reports by line of business (commercial, medicare-advantage, medicaid, medicare-ffs)."
* base[+] = #Measure
* base[+] = #MeasureReport
* type = #token
* expression = "Measure.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/line-of-business').value | MeasureReport.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/line-of-business').value"

Instance: vbp-apm-category
InstanceOf: SearchParameter
Title: "Measure and MeasureReport: HCP-LAN APM category"
Usage: #definition
* insert VbprSearchParameter(vbp-apm-category, apm-category)
* name = "VbprApmCategory"
* description = "Finds value-based contract programs and reports by HCP-LAN APM category, subcategory or payment model. Servers SHOULD support the :below modifier so that a search on a category finds its payment models."
* base[+] = #Measure
* base[+] = #MeasureReport
* type = #token
* modifier[+] = #below
* expression = "Measure.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/apm-category').value | MeasureReport.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/apm-category').value"

Instance: vbp-payment-stream
InstanceOf: SearchParameter
Title: "Measure and MeasureReport: payment stream"
Usage: #definition
* insert VbprSearchParameter(vbp-payment-stream, payment-stream)
* name = "VbprPaymentStream"
* description = "Finds contract programs that define a payment stream, and reports with at least one metric that belongs to it."
* base[+] = #Measure
* base[+] = #MeasureReport
* type = #token
* expression = "Measure.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/payment-stream').value | MeasureReport.group.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/payment-stream').value"

Instance: measurereport-report-kind
InstanceOf: SearchParameter
Title: "MeasureReport: report kind"
Usage: #definition
* insert VbprSearchParameter(measurereport-report-kind, report-kind)
* name = "VbprReportKind"
* description = "Finds reports by kind (interim, preliminary, final, reconciliation, restated)."
* base[+] = #MeasureReport
* type = #token
* expression = "MeasureReport.extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/report-kind').value"

Instance: measurereport-metric
InstanceOf: SearchParameter
Title: "MeasureReport: metric"
Usage: #definition
* insert VbprSearchParameter(measurereport-metric, metric)
* name = "VbprMetric"
* description = "Finds reports that carry a given metric (the code of one of their groups)."
* base[+] = #MeasureReport
* type = #token
* expression = "MeasureReport.group.code"
