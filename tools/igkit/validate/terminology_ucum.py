"""A syntactic UCUM check (the grammar of "The Unified Code for Units of Measure", case-sensitive form).

    ucum_problem(code: str) -> str | None     # why `code` is not a valid UCUM expression, or None

Terms are built from components joined by "." and "/", with an optional leading "/"; a
component is an annotation ({...}), a factor (digits), a parenthesised term, or a (prefixed)
unit atom with an optional signed integer exponent. Atoms come from the UCUM table of base and
derived units that clinical data uses; a term whose atoms are all known and whose grammar holds
is accepted. Unit conversion is out of scope.
"""

from __future__ import annotations

import re

PREFIXES = (
    "da",
    "Y",
    "Z",
    "E",
    "P",
    "T",
    "G",
    "M",
    "k",
    "h",
    "d",
    "c",
    "m",
    "u",
    "n",
    "p",
    "f",
    "a",
    "z",
    "y",
    "Ki",
    "Mi",
    "Gi",
    "Ti",
)

# atoms that take metric prefixes
METRIC = set(
    "m s g rad K C cd mol sr Hz N Pa J W A V F Ohm S Wb Cel T H lm lx Bq Gy Sv l L ar t bar u eV pc "  # noqa: SIM905 - word lists read better as text
    "[c] [h] [k] [eps_0] [mu_0] [e] [m_e] [m_p] [G] [g] [ly] gf Ky Gal dyn erg P St Mx G Oe Gb sb Lmb "
    "ph Ci R RAD REM cal [iU] [IU] osm eq U kat B Np bit By Bd mho st AU [mi_i] g% [ft_i] mo_s".split()
)
NON_METRIC = set(
    "10* 10^ [pi] % [ppth] [ppm] [ppb] [pptr] gon deg ' '' mo_j mo_g a_t a_j a_g wk d h min a mo "  # noqa: SIM905 - word lists read better as text
    "[in_i] [ft_i] [yd_i] [mi_i] [fth_i] [nmi_i] [kn_i] [sin_i] [sft_i] [syd_i] [cin_i] [cft_i] "
    "[cyd_i] [bf_i] [cr_i] [mil_i] [cml_i] [hd_i] [gal_us] [bbl_us] [qt_us] [pt_us] [gil_us] [foz_us] "
    "[fdr_us] [min_us] [crd_us] [bu_us] [gal_wi] [pk_us] [dqt_us] [dpt_us] [tbs_us] [tsp_us] [cup_us] "
    "[foz_m] [cup_m] [tsp_m] [tbs_m] [gal_br] [pk_br] [bu_br] [qt_br] [pt_br] [gil_br] [foz_br] "
    "[fdr_br] [min_br] [gr] [lb_av] [oz_av] [dr_av] [scwt_av] [lcwt_av] [ston_av] [lton_av] "
    "[stone_av] [pwt_tr] [oz_tr] [lb_tr] [sc_ap] [dr_ap] [oz_ap] [lb_ap] [oz_m] [lne] [pnt] [pca] "
    "[pnt_pr] [pca_pr] [pied] [pouce] [ligne] [didot] [cicero] [degF] [degR] [degRe] cal_[15] "
    "cal_[20] cal_m cal_IT cal_th [Cal] [Btu_39] [Btu_59] [Btu_60] [Btu_m] [Btu_IT] [Btu_th] [Btu] "
    "[HP] tex [den] m[H2O] m[Hg] [in_i'H2O] [in_i'Hg] [PRU] [wood'U] [diop] [p'diop] %[slope] "
    "[mesh_i] [Ch] [drp] [hnsf'U] [MET] [hp'_X] [hp'_C] [hp'_M] [hp'_Q] [hp_X] [hp_C] [hp_M] [hp_Q] "
    "[kp_X] [kp_C] [kp_M] [kp_Q] [pH] [S] [HPF] [LPF] [arb'U] [USP'U] [GPL'U] [MPL'U] [APL'U] "
    "[beth'U] [anti'Xa'U] [todd'U] [dye'U] [smgy'U] [bdsk'U] [ka'U] [knk'U] [mclg'U] [tb'U] [CCID_50] "
    "[TCID_50] [EID_50] [PFU] [FFU] [CFU] [IR] [BAU] [AU] [Amb'a'1'U] [PNU] [Lf] [D'ag'U] [FEU] [ELU] "
    "[EU] Np B[SPL] B[V] B[mV] B[uV] B[10.nV] B[W] B[kW] [m/s2/Hz^(1/2)] [car_m] [car_Au] [smoot] "
    "[psi] [lbf_av] [mu] [iU] [IU] mm[Hg] {tot} circ sph".split()
)
ATOMS = METRIC | NON_METRIC

_TOKEN = re.compile(r"\{[^{}]*\}|\(|\)|\.|/|[^./(){}]+(?:\{[^{}]*\})?")
_EXP = re.compile(r"^(.*?)([+-]?\d+)$")


def _atom_ok(text: str) -> bool:
    if text in ATOMS:
        return True
    for p in PREFIXES:
        if text.startswith(p) and text[len(p) :] in METRIC:
            return True
    return False


def _component_problem(text: str) -> str | None:
    if text.isdigit():
        return None
    body = text
    if "{" in body:  # trailing annotation on a unit, e.g. mg{creat}
        body = body[: body.index("{")]
    if _atom_ok(body):
        return None
    m = _EXP.match(body)
    if m and m.group(1) and _atom_ok(m.group(1)):
        return None
    if (body.startswith(("10*", "10^"))) and body[3:].lstrip("+-").isdigit():
        return None
    return f"unknown unit '{body}'"


def ucum_problem(code: str) -> str | None:
    """Why `code` is not a valid UCUM (case-sensitive) expression, or None when it is."""
    if not code:
        return "the unit is empty"
    if any(ch.isspace() for ch in code):
        return "UCUM units cannot contain whitespace"
    if any(ord(ch) > 126 for ch in code):
        return "UCUM units are ASCII only"
    tokens = _TOKEN.findall(code)
    if "".join(tokens) != code:
        return "unbalanced braces"
    depth = 0
    expect_operand = True
    for i, tok in enumerate(tokens):
        if tok in (".", "/"):
            if expect_operand and not (tok == "/" and i == 0) and not (tok == "/" and tokens[i - 1] == "("):
                return f"misplaced operator '{tok}'"
            expect_operand = True
        elif tok == "(":
            if not expect_operand:
                return "missing operator before '('"
            depth += 1
        elif tok == ")":
            depth -= 1
            if depth < 0 or expect_operand:
                return "unbalanced parentheses"
            expect_operand = False
        else:
            if not expect_operand:
                return f"missing operator before '{tok}'"
            if not tok.startswith("{"):
                problem = _component_problem(tok)
                if problem:
                    return problem
            expect_operand = False
    if depth:
        return "unbalanced parentheses"
    if expect_operand:
        return "the expression ends with an operator"
    return None
