// One payer and three provider organizations, used by every valid example.

Instance: evergreen-health-plan
InstanceOf: $QICoreOrganization
Title: "Evergreen Health Plan (payer)"
Description: "Regional health plan offering commercial, Medicare Advantage and Medicaid managed care products; the reporter of every example report. It claims the QI-Core Organization profile (derived from US Core Organization), which DEQM requires of the reporter of a summary MeasureReport."
Usage: #example
* identifier[NAIC].system = $NAIC
* identifier[NAIC].value = "48213"
* active = true
* type = $OrgType#pay "Payer"
* name = "Evergreen Health Plan"
* telecom[0].system = #phone
* telecom[0].value = "+1-503-555-0100"
* address[0].line[0] = "1200 Cascade Avenue"
* address[0].city = "Portland"
* address[0].state = "OR"
* address[0].postalCode = "97204"
* address[0].country = "US"

Instance: riverbend-aco
InstanceOf: $USCoreOrganization
Title: "Riverbend Accountable Care Organization"
Description: "Physician-led accountable care organization in a commercial total-cost-of-care shared-savings contract."
Usage: #example
* identifier[NPI].system = $NPI
* identifier[NPI].value = "1447654322"
* active = true
* type = $OrgType#prov "Healthcare Provider"
* name = "Riverbend Accountable Care Organization"
* telecom[0].system = #phone
* telecom[0].value = "+1-503-555-0142"
* address[0].line[0] = "88 Riverbend Parkway"
* address[0].city = "Salem"
* address[0].state = "OR"
* address[0].postalCode = "97301"
* address[0].country = "US"

Instance: lakeside-primary-care
InstanceOf: $USCoreOrganization
Title: "Lakeside Primary Care Partners"
Description: "Primary care group paid a percent-of-premium capitation for Medicare Advantage members."
Usage: #example
* identifier[NPI].system = $NPI
* identifier[NPI].value = "1548765431"
* active = true
* type = $OrgType#prov "Healthcare Provider"
* name = "Lakeside Primary Care Partners"
* telecom[0].system = #phone
* telecom[0].value = "+1-541-555-0177"
* address[0].line[0] = "410 Lakeshore Drive"
* address[0].city = "Eugene"
* address[0].state = "OR"
* address[0].postalCode = "97401"
* address[0].country = "US"

Instance: harbor-community-health
InstanceOf: $USCoreOrganization
Title: "Harbor Community Health Center"
Description: "Federally qualified health center in a Medicaid pay-for-performance program."
Usage: #example
* identifier[NPI].system = $NPI
* identifier[NPI].value = "1678901236"
* active = true
* type = $OrgType#prov "Healthcare Provider"
* name = "Harbor Community Health Center"
* telecom[0].system = #phone
* telecom[0].value = "+1-541-555-0119"
* address[0].line[0] = "5 Harbor Street"
* address[0].city = "Coos Bay"
* address[0].state = "OR"
* address[0].postalCode = "97420"
* address[0].country = "US"
