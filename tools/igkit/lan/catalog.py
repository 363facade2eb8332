"""The fixed vocabulary of the LAN workbook and its FHIR codes.

One table, `ADOPTION_METRICS`, describes the 19 metrics of the workbook's Tabs 4-6 in the order
of the Commercial tab (the MA and Medicaid tabs swap rows 12 and 13; the codes do not depend on
row numbers). The FHIR CodeSystem `lan-apm-metric` (fsh/codesystems/LANMetrics.fsh) carries the
same facts as concept properties; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

CANONICAL = "http://hl7.org/fhir/us/davinci-vbpr"
METRIC_SYSTEM = f"{CANONICAL}/CodeSystem/lan-apm-metric"
CONTRACT_TYPE_SYSTEM = f"{CANONICAL}/CodeSystem/contract-type"
CROSS_CHECK_SYSTEM = f"{CANONICAL}/CodeSystem/lan-cross-check-result"
LOB_SYSTEM = f"{CANONICAL}/CodeSystem/line-of-business"
FRAMEWORK_SYSTEM = "http://terminology.hl7.org/CodeSystem/hcp-lan-apm-framework"
ADOPTION_PROFILE = f"{CANONICAL}/StructureDefinition/lan-apm-adoption-report"
NOMINAL_RISK_PROFILE = f"{CANONICAL}/StructureDefinition/lan-nominal-risk"
ADOPTION_MEASURE = f"{CANONICAL}/Measure/lan-apm-adoption"
NOMINAL_RISK_MEASURE = f"{CANONICAL}/Measure/lan-nominal-risk"
NOMINAL_RISK_SUMMARY_PROFILE = f"{CANONICAL}/StructureDefinition/lan-nominal-risk-summary"
NOMINAL_RISK_SUMMARY_MEASURE = f"{CANONICAL}/Measure/lan-nominal-risk-summary"
EXT_LINE_OF_BUSINESS = f"{CANONICAL}/StructureDefinition/line-of-business"
EXT_PERCENT_OF_TOTAL = f"{CANONICAL}/StructureDefinition/lan-percent-of-total"
EXT_CROSS_CHECK = f"{CANONICAL}/StructureDefinition/lan-cross-check"
EXT_CONTRACT = f"{CANONICAL}/StructureDefinition/lan-contract"
EXT_CONTRACT_TYPE = f"{CANONICAL}/StructureDefinition/lan-contract-type"
EXT_MEETS_NOMINAL_RISK = f"{CANONICAL}/StructureDefinition/lan-meets-nominal-risk"
UCUM = "http://unitsofmeasure.org"
ISO4217 = "urn:iso:std:iso:4217"


class Role(str, Enum):
    DENOMINATOR = "denominator"  # total dollars paid (row 1)
    NUMERATOR = "numerator"  # dollars of one payment model (the cross-check adds these up)
    DERIVED = "derived"  # a category total or an aggregated metric: a sum of other metrics


@dataclass(frozen=True)
class Metric:
    code: str
    row: int  # row number on the workbook's Commercial tab
    display: str
    role: Role
    framework: tuple[str, ...] = ()  # HCP-LAN APM framework concept(s) the dollars belong to
    summands: tuple[str, ...] = ()  # for derived metrics: the metrics whose sum this is


ADOPTION_METRICS: tuple[Metric, ...] = (
    Metric("total-paid", 1, "Total dollars paid", Role.DENOMINATOR),
    Metric("legacy-payments", 2, "Legacy payments (Category 1)", Role.NUMERATOR, ("legacy-payments",)),
    Metric(
        "foundational-spending",
        3,
        "Foundational spending to improve care (2A)",
        Role.NUMERATOR,
        ("foundational-spending",),
    ),
    Metric(
        "ffs-pay-for-performance",
        4,
        "FFS plus pay-for-performance (2C)",
        Role.NUMERATOR,
        ("ffs-pay-for-performance",),
    ),
    Metric(
        "category-2-total",
        5,
        "Category 2 total",
        Role.DERIVED,
        ("2",),
        ("foundational-spending", "ffs-pay-for-performance"),
    ),
    Metric(
        "traditional-shared-savings",
        6,
        "Traditional shared savings (3A)",
        Role.NUMERATOR,
        ("traditional-shared-savings",),
    ),
    Metric(
        "utilization-shared-savings",
        7,
        "Utilization-based shared savings (3A)",
        Role.NUMERATOR,
        ("utilization-shared-savings",),
    ),
    Metric("ffs-shared-risk", 8, "FFS-based shared risk (3B)", Role.NUMERATOR, ("ffs-shared-risk",)),
    Metric(
        "procedure-bundles",
        9,
        "Procedure-based bundled/episode payments (3B)",
        Role.NUMERATOR,
        ("procedure-bundles",),
    ),
    Metric(
        "category-3-total",
        10,
        "Category 3 total",
        Role.DERIVED,
        ("3",),
        ("traditional-shared-savings", "utilization-shared-savings", "ffs-shared-risk", "procedure-bundles"),
    ),
    Metric(
        "condition-population-payments",
        11,
        "Condition-specific population-based payments (4A)",
        Role.NUMERATOR,
        ("condition-population-payments",),
    ),
    Metric(
        "population-payments",
        12,
        "Population-based payments not condition-specific (4B)",
        Role.NUMERATOR,
        ("population-payments",),
    ),
    Metric(
        "condition-bundles",
        13,
        "Condition-specific bundled/episode payments (4A)",
        Role.NUMERATOR,
        ("condition-bundles",),
    ),
    Metric(
        "premium-based-payments",
        14,
        "Full or percent of premium population-based payments (4B)",
        Role.NUMERATOR,
        ("premium-based-payments",),
    ),
    Metric(
        "integrated-finance-delivery",
        15,
        "Integrated finance and delivery system programs (4C)",
        Role.NUMERATOR,
        ("integrated-finance-delivery",),
    ),
    Metric(
        "category-4-total",
        16,
        "Category 4 total",
        Role.DERIVED,
        ("4",),
        (
            "condition-population-payments",
            "population-payments",
            "condition-bundles",
            "premium-based-payments",
            "integrated-finance-delivery",
        ),
    ),
    Metric(
        "legacy-payments-aggregate",
        17,
        "Aggregated: legacy payments (Category 1)",
        Role.DERIVED,
        ("1",),
        ("legacy-payments",),
    ),
    Metric(
        "categories-2-4-total",
        18,
        "Aggregated: payment reform in Categories 2-4",
        Role.DERIVED,
        ("2", "3", "4"),
        ("category-2-total", "category-3-total", "category-4-total"),
    ),
    Metric(
        "categories-3-4-total",
        19,
        "Aggregated: payment reform in Categories 3 and 4",
        Role.DERIVED,
        ("3", "4"),
        ("category-3-total", "category-4-total"),
    ),
)

METRICS_BY_CODE: dict[str, Metric] = {m.code: m for m in ADOPTION_METRICS}
NUMERATORS: tuple[str, ...] = tuple(m.code for m in ADOPTION_METRICS if m.role is Role.NUMERATOR)
DENOMINATOR = "total-paid"


@dataclass(frozen=True)
class Parameter:
    """A nominal risk parameter of one contract (workbook Tab 10 columns)."""

    code: str
    display: str
    unit: str  # "%" (0-100 scale) or "USD"


NOMINAL_RISK_PARAMETERS: tuple[Parameter, ...] = (
    Parameter("risk-minimum", "Risk minimum", "%"),
    Parameter("risk-maximum", "Risk maximum", "%"),
    Parameter("provider-risk-share", "Provider risk share", "%"),
    Parameter("net-risk", "Net risk", "%"),
    Parameter("contract-total-dollars", "Contract total dollars", "USD"),
)

# Groups of a LAN Nominal Risk Summary: one line of business's row of the Tab 10 summary table.
NOMINAL_RISK_SUMMARY_GROUPS: tuple[Parameter, ...] = (
    Parameter("total-paid", "Total dollars paid", "USD"),  # the line's total spend, all categories
    Parameter("ffs-shared-risk", "FFS-based shared risk (3B)", "USD"),
    Parameter(
        "nominal-risk-meets-dollars", "Shared-risk dollars that meet the LAN nominal risk threshold", "USD"
    ),
    Parameter(
        "nominal-risk-not-meets-dollars",
        "Shared-risk dollars that do not meet the LAN nominal risk threshold",
        "USD",
    ),
)


class LineOfBusiness(str, Enum):
    """The workbook's three lines of business; `fhir_code` is the IG's line-of-business code."""

    COMMERCIAL = "commercial"
    MEDICARE = "medicare"
    MEDICAID = "medicaid"

    @property
    def fhir_code(self) -> str:
        return "medicare-advantage" if self is LineOfBusiness.MEDICARE else self.value

    @property
    def label(self) -> str:
        return {"commercial": "Commercial", "medicare": "Medicare Advantage", "medicaid": "Medicaid"}[
            self.value
        ]


LOB_NAMES: dict[str, LineOfBusiness] = {
    "commercial": LineOfBusiness.COMMERCIAL,
    "comm": LineOfBusiness.COMMERCIAL,
    "medicare": LineOfBusiness.MEDICARE,
    "medicare-advantage": LineOfBusiness.MEDICARE,
    "medicare advantage": LineOfBusiness.MEDICARE,
    "ma": LineOfBusiness.MEDICARE,
    "medicaid": LineOfBusiness.MEDICAID,
}


class ContractType(str, Enum):
    TCOC = "total-cost-of-care"
    PERCENT_REVENUE = "percent-of-revenue"

    @property
    def label(self) -> str:
        """The workbook's label (Tab 10, column 'Contract Type')."""
        return "TCOC" if self is ContractType.TCOC else "% Revenue"

    @property
    def display(self) -> str:
        return "Total cost of care (benchmark-based)" if self is ContractType.TCOC else "Percent of revenue"

    @property
    def net_risk_threshold(self) -> Decimal:
        """Minimum net risk, in percent, for the LAN nominal risk threshold."""
        return Decimal(3) if self is ContractType.TCOC else Decimal(8)


CONTRACT_TYPE_NAMES: dict[str, ContractType] = {
    "tcoc": ContractType.TCOC,
    "total-cost-of-care": ContractType.TCOC,
    "benchmark": ContractType.TCOC,
    "% revenue": ContractType.PERCENT_REVENUE,
    "%revenue": ContractType.PERCENT_REVENUE,
    "percent-revenue": ContractType.PERCENT_REVENUE,
    "percent-of-revenue": ContractType.PERCENT_REVENUE,
}

# The LAN nominal risk threshold (workbook Tab 8 and the Definitions tab), in percent.
RISK_MINIMUM_MAX = Decimal(4)  # risk minimum <= 4% of the total cost of care target
PROVIDER_SHARE_MIN = Decimal(30)  # provider risk share >= 30% of incurred losses


class CrossCheck(str, Enum):
    """Outcome of the workbook's Tab 7 review: do the numerators add up to the denominator?"""

    BALANCED = "balanced"
    EXCEEDS = "numerators-exceed-total"
    SHORT = "numerators-below-total"

    @property
    def display(self) -> str:
        return {
            "balanced": "Numerators equal the total dollars paid",
            "numerators-exceed-total": "Numerators exceed the total dollars paid",
            "numerators-below-total": "Numerators fall short of the total dollars paid",
        }[self.value]

    @property
    def explanation(self) -> str:
        """The workbook's common cause for the difference."""
        if self is CrossCheck.EXCEEDS:
            return (
                "double counting of APM dollars: when an arrangement combines payment methods, all of "
                "its dollars belong to the most advanced (dominant) APM only"
            )
        if self is CrossCheck.SHORT:
            return (
                "fee-for-service dollars left out: Category 2 and 3 APMs are built on FFS, so their "
                "dollars include the underlying FFS payments as well as incentives, bonuses or savings"
            )
        return "the numerators account for exactly 100% of the total dollars paid"
