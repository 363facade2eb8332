"""MeasureReport against its Measure (when the Measure is loaded): groups, populations,
stratifiers, report type and measureScore, as the HL7 validator's measure checks do."""

from __future__ import annotations

from typing import Any

from igkit.validate.context import Loc, Run
from igkit.validate.values import as_list

KNOWN_SCORING = ("proportion", "ratio", "continuous-variable", "cohort")


def _concept_keys(cc: Any) -> set[str]:
    keys: set[str] = set()
    if not isinstance(cc, dict):
        return keys
    for c in as_list(cc.get("coding")):
        if isinstance(c, dict) and isinstance(c.get("code"), str):
            keys.add(f"{c.get('system', '')}|{c['code']}")
    if not keys and isinstance(cc.get("text"), str):
        keys.add("text:" + cc["text"])
    return keys


def _same(a: Any, b: Any) -> bool:
    return bool(_concept_keys(a) & _concept_keys(b))


def _text(run: Run, mid: str, text: str, loc: Loc, severity: str = "error") -> None:
    run.report_text(mid, text, loc=loc, severity=severity, code="business-rule")


def check(run: Run, report: dict, loc: Loc) -> None:
    url = report.get("measure")
    at_measure = loc.key("measure")
    if not isinstance(url, str):
        return
    measure = run.ctx.defs.fetch(url)
    if not isinstance(measure, dict) or measure.get("resourceType") != "Measure":
        run.report("Measure_MR_M_NotFound", url, loc=at_measure)
        return
    scoring_cc = measure.get("scoring")
    scoring = None
    for c in as_list((scoring_cc or {}).get("coding")) if isinstance(scoring_cc, dict) else []:
        if isinstance(c, dict) and c.get("code") in KNOWN_SCORING:
            scoring = c["code"]
    if scoring is None:
        run.report("Measure_MR_GRP_MS_Unknown_Scoring", loc=at_measure)
    rtype = report.get("type")
    mgroups = [g for g in as_list(measure.get("group")) if isinstance(g, dict)]
    for gi, group in enumerate(as_list(report.get("group"))):
        if not isinstance(group, dict):
            continue
        gloc = Loc(loc.path + ("group", gi), f"{loc.expr}.group[{gi}]")
        mgroup = _match_group(run, group, mgroups, gloc)
        if mgroup is None:
            continue
        _populations(run, group, mgroup, gloc, rtype)
        _stratifiers(run, group, mgroup, gloc)
        _score(run, group, scoring, gloc)


def _match_group(run: Run, group: dict, mgroups: list[dict], gloc: Loc) -> dict | None:
    if group.get("code") is None:
        if len(mgroups) == 1:
            return mgroups[0]
        if mgroups:
            run.report("Measure_MR_GRP_NoCode", loc=gloc)
        return None
    for m in mgroups:
        if _same(m.get("code"), group.get("code")):
            return m
    run.report("Measure_MR_GRP_UnknownCode", loc=gloc.key("code"))
    return None


def _populations(run: Run, group: dict, mgroup: dict, gloc: Loc, rtype: Any) -> None:
    mpops = [p for p in as_list(mgroup.get("population")) if isinstance(p, dict)]
    seen: list[dict] = []
    for pi, pop in enumerate(as_list(group.get("population"))):
        if not isinstance(pop, dict):
            continue
        ploc = Loc(gloc.path + ("population", pi), f"{gloc.expr}.population[{pi}]")
        match = next((m for m in mpops if _same(m.get("code"), pop.get("code"))), None)
        if match is None:
            run.report("Measure_MR_GRP_POP_UnknownCode", loc=ploc)
        elif any(m is match for m in seen):
            run.report("Measure_MR_GRP_POP_DupCode", loc=ploc)
        else:
            seen.append(match)
        if rtype != "subject-list":
            if pop.get("subjectResults") is not None:
                _text(
                    run,
                    "Measure_MR_GRP_POP_NoSubjects",
                    "Reports where type is not 'subject-list' don't have subjects listed",
                    ploc,
                )
            if pop.get("count") is None:
                _text(
                    run,
                    "Measure_MR_GRP_POP_NoCount",
                    "Count should be present for reports where type is not 'subject-list'",
                    ploc,
                    "warning",
                )
    for m in mpops:
        if not any(m is s for s in seen):
            codes = ", ".join(sorted(_concept_keys(m.get("code"))))
            _text(
                run,
                "Measure_MR_GRP_POP_Missing_BadCode",
                f"The MeasureReport group does not include a population for the population {codes}",
                gloc,
            )


def _stratifiers(run: Run, group: dict, mgroup: dict, gloc: Loc) -> None:
    mstrats = [s for s in as_list(mgroup.get("stratifier")) if isinstance(s, dict)]
    for si, strat in enumerate(as_list(group.get("stratifier"))):
        if not isinstance(strat, dict):
            continue
        sloc = Loc(gloc.path + ("stratifier", si), f"{gloc.expr}.stratifier[{si}]")
        code = strat.get("code")
        codes = code if isinstance(code, list) else [code]
        if not any(_same(m.get("code"), c) for m in mstrats for c in codes):
            run.report("Measure_MR_GRP_Stratifier_UnknownCode", loc=sloc)


def _score(run: Run, group: dict, scoring: str | None, gloc: Loc) -> None:
    score = group.get("measureScore")
    sloc = gloc.key("measureScore")
    if scoring == "cohort" and score is not None:
        _text(
            run,
            "MEASURE_MR_GRP_MS_NO_COHORT",
            "No measureScore when the scoring of the message is 'cohort'",
            sloc,
        )
    elif scoring == "proportion" and isinstance(score, dict) and score.get("value") is not None:
        from decimal import Decimal

        try:
            value = Decimal(str(score["value"]))
        except ArithmeticError:
            return
        if value < 0 or value > 1:
            _text(
                run,
                "MEASURE_MR_GRP_MS_PROPORTION_RANGE",
                f"The measureScore value {score['value']} for a proportion must be between 0 and 1",
                sloc,
            )
