Profile: VbpPerformanceMeasureReport
Parent: MeasureReport
Id: vbp-performance-measurereport
Title: "VBP Performance MeasureReport"
Description: "A payer's summary report to a provider organization on its performance under a value-based contract: one group per metric (cost, payment, utilization or quality-program result) with its value, baseline, target, gap, payment stream and service period, optionally stratified by cohort, region or facility."
* obeys vbp-mr-1 and vbp-mr-2 and vbp-mr-3 and vbp-mr-4 and vbp-mr-5
* extension contains
    $MRCategoryExt named category 1..1 MS and
    LineOfBusinessExt named lineOfBusiness 1..1 MS and
    ApmCategoryExt named apmCategory 0..1 MS and
    ReportKindExt named reportKind 1..1 MS and
    ReportingCadenceExt named reportingCadence 0..1 MS and
    VbpPeriodExt named vbpPeriod 0..* MS and
    PaidThroughDateExt named paidThroughDate 0..1 MS and
    ProviderOrganizationExt named providerOrganization 1..1 MS
* extension[category].valueCodeableConcept = $MRCategory#vbp
* extension[vbpPeriod] ^short = "Contract, reporting, run-out, payment and settlement periods"
* extension[providerOrganization] ^short = "Provider organization the report is about"
* status MS
* type = #summary
* type MS
* measure MS
* measure only Canonical(VbpMeasure)
* measure ^short = "The contract's program (VBP Measure), versioned"
* subject only Reference(Group)
* subject ^short = "Attributed population (optional); the provider organization is in extension[providerOrganization]"
* date 1..1 MS
* reporter 1..1 MS
* reporter only Reference($USCoreOrganization)
* reporter ^short = "Payer organization that produced the report"
* period MS
* period ^short = "Performance (measurement) period the values refer to"
* group 1..* MS
* group obeys vbp-mr-6 and vbp-mr-7 and vbp-mr-8
* group.extension contains
    PaymentStreamExt named paymentStream 0..1 MS and
    MetricBaselineExt named baseline 0..1 MS and
    MetricTargetExt named target 0..1 MS and
    PerformanceGapExt named gap 0..1 MS and
    VbpPeriodExt named vbpPeriod 0..* MS and
    PaidThroughDateExt named paidThroughDate 0..1 MS
* group.extension[vbpPeriod] ^short = "Service or payment period of the value when it differs from the report's"
* group.code 1..1 MS
* group.code from PerformanceMetricVS (extensible)
* group.code ^short = "The metric"
* group.measureScore 1..1 MS
* group.measureScore ^short = "Value of the metric (money as USD Quantity)"
* group.stratifier MS
* group.stratifier.code MS
* group.stratifier.code from StratifierDimensionVS (extensible)
* group.stratifier.code ^short = "Dimension of the breakdown (cohort, region, facility...)"
* group.stratifier.stratum MS
* group.stratifier.stratum.value MS
* group.stratifier.stratum.measureScore MS

Invariant: vbp-mr-1
Description: "Every contract period given lies around the performance period: it starts on or before MeasureReport.period.start and ends on or after MeasureReport.period.end."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/vbp-period').where(extension.where(url = 'type').value.coding.code = 'contract').all(extension.where(url = 'period').value.start <= %resource.period.start and extension.where(url = 'period').value.end >= %resource.period.end)"
Severity: #error

Invariant: vbp-mr-2
Description: "A final report carries a settlement period."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/report-kind').value.coding.where(code = 'final').exists() implies extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/vbp-period').where(extension.where(url = 'type').value.coding.code = 'settlement').exists()"
Severity: #error

Invariant: vbp-mr-3
Description: "Every reporting period lies within the performance period (MeasureReport.period)."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/vbp-period').where(extension.where(url = 'type').value.coding.code = 'reporting').all(extension.where(url = 'period').value.start >= %resource.period.start and extension.where(url = 'period').value.end <= %resource.period.end)"
Severity: #error

Invariant: vbp-mr-4
Description: "A settlement period starts after the performance period has ended."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/vbp-period').where(extension.where(url = 'type').value.coding.code = 'settlement').all(extension.where(url = 'period').value.start > %resource.period.end)"
Severity: #error

Invariant: vbp-mr-5
Description: "A final report is complete (its status is not pending or error)."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/report-kind').value.coding.where(code = 'final').exists() implies status = 'complete'"
Severity: #error

Invariant: vbp-mr-6
Description: "Money metrics are reported in US dollars: the score, baseline, target and gap of a money metric are Quantities with system urn:iso:std:iso:4217 and code USD."
Expression: "code.coding.where(system = 'http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/performance-metric' and (code = 'pmpm-total' or code = 'pmpm-medical' or code = 'pmpm-pharmacy' or code = 'total-cost' or code = 'cost-target-pmpm' or code = 'cost-benchmark' or code = 'ibnr' or code = 'shared-savings-earned' or code = 'shared-loss-owed' or code = 'capitation-paid' or code = 'incentive-payment' or code = 'quality-bonus' or code = 'premium-revenue')).exists() implies (measureScore | extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/metric-baseline').value | extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/metric-target').value | extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/performance-gap').value).all(system = 'urn:iso:std:iso:4217' and code = 'USD')"
Severity: #error

Invariant: vbp-mr-7
Description: "A gap to target is only given together with the target it refers to."
Expression: "extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/performance-gap').exists() implies extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/metric-target').exists()"
Severity: #error

Invariant: vbp-mr-8
Description: "Percentage metrics (medical loss ratio, readmission rate, generic dispensing rate, quality score) use the UCUM unit %."
Expression: "code.coding.where(system = 'http://hl7.org/fhir/us/davinci-vbpr/CodeSystem/performance-metric' and (code = 'medical-loss-ratio' or code = 'readmission-rate' or code = 'generic-dispensing-rate' or code = 'quality-score')).exists() implies (measureScore | extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/metric-baseline').value | extension.where(url = 'http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/metric-target').value).all(system = 'http://unitsofmeasure.org' and code = '%')"
Severity: #error
