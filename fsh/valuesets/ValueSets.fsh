ValueSet: HcpLanApmFrameworkVS
Id: hcp-lan-apm-framework
Title: "HCP-LAN APM Framework"
Description: "All categories, subcategories and payment models of the HCP-LAN APM framework."
* ^url = "http://hl7.org/fhir/us/davinci-vbpr/ValueSet/hcp-lan-apm-framework"
* insert VbprValueSetMetadata
* include codes from system HcpLanApmFramework

ValueSet: ApmPaymentModelVS
Id: apm-payment-model
Title: "HCP-LAN APM Payment Model"
Description: "The payment models the HCP-LAN APM measurement effort counts dollars under (the leaves of the framework)."
* insert VbprValueSetMetadata
* $HCPLAN#legacy-payments
* $HCPLAN#foundational-spending
* $HCPLAN#ffs-pay-for-performance
* $HCPLAN#traditional-shared-savings
* $HCPLAN#utilization-shared-savings
* $HCPLAN#ffs-shared-risk
* $HCPLAN#procedure-bundles
* $HCPLAN#condition-population-payments
* $HCPLAN#condition-bundles
* $HCPLAN#population-payments
* $HCPLAN#premium-based-payments
* $HCPLAN#integrated-finance-delivery

ValueSet: ApmRiskTypeVS
Id: apm-risk-type
Title: "APM Risk Type"
Description: "All APM risk types."
* insert VbprValueSetMetadata
* include codes from system ApmRiskType

ValueSet: PerformanceMetricVS
Id: performance-metric
Title: "VBP Performance Metric"
Description: "The selectable financial, utilization and quality-program metrics (the grouping concepts are left out)."
* insert VbprValueSetMetadata
* include codes from system PerformanceMetric where concept descendent-of #financial
* include codes from system PerformanceMetric where concept descendent-of #utilization
* include codes from system PerformanceMetric where concept descendent-of #quality-program

ValueSet: MetricValueTypeVS
Id: metric-value-type
Title: "Metric Value Type"
Description: "All metric value types."
* insert VbprValueSetMetadata
* include codes from system MetricValueType

ValueSet: MetricAggregationVS
Id: metric-aggregation
Title: "Metric Aggregation Method"
Description: "All metric aggregation methods."
* insert VbprValueSetMetadata
* include codes from system MetricAggregation

ValueSet: PeriodTypeVS
Id: period-type
Title: "VBP Period Type"
Description: "All period types of a value-based contract."
* insert VbprValueSetMetadata
* include codes from system PeriodType

ValueSet: ReportKindVS
Id: report-kind
Title: "VBP Report Kind"
Description: "All report kinds."
* insert VbprValueSetMetadata
* include codes from system ReportKind

ValueSet: ReportingCadenceVS
Id: reporting-cadence
Title: "VBP Reporting Cadence"
Description: "All reporting cadences."
* insert VbprValueSetMetadata
* include codes from system ReportingCadence

ValueSet: LineOfBusinessVS
Id: line-of-business
Title: "Line of Business"
Description: "All lines of business."
* insert VbprValueSetMetadata
* include codes from system LineOfBusiness

ValueSet: PaymentStreamVS
Id: payment-stream
Title: "VBP Payment Stream"
Description: "The concrete payment streams (the grouping concepts base-payment and incentive are left out)."
* insert VbprValueSetMetadata
* include codes from system PaymentStream where concept descendent-of #base-payment
* include codes from system PaymentStream where concept descendent-of #incentive

ValueSet: ThresholdTypeVS
Id: threshold-type
Title: "VBP Threshold Type"
Description: "All threshold types."
* insert VbprValueSetMetadata
* include codes from system ThresholdType

ValueSet: ContractualStatusVS
Id: contractual-status
Title: "Component Measure Contractual Status"
Description: "All contractual statuses of a component measure."
* insert VbprValueSetMetadata
* include codes from system ContractualStatus

ValueSet: StratifierDimensionVS
Id: stratifier-dimension
Title: "VBP Stratifier Dimension"
Description: "All stratifier dimensions."
* insert VbprValueSetMetadata
* include codes from system StratifierDimension
