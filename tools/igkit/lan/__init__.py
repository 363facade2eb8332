"""HCP-LAN APM measurement: adoption metrics (workbook tabs 4-7) and nominal risk (tabs 8-10).

`igkit lan report` turns a payer's dollars per payment model into the 19 LAN APM adoption
metrics with the workbook's cross-check; `igkit lan nominal-risk` applies the LAN nominal risk
threshold to FFS-based shared-risk (3B) contracts; both can emit the IG's FHIR resources.
"""
