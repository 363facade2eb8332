"""The IG's LAN examples are exactly what `igkit lan examples` makes from input/lan."""

from __future__ import annotations

import shutil

from igkit.lan.examples import OWNED_GLOB, build
from tests.lan.conftest import REPO


def test_examples_in_the_repo_are_byte_identical_to_a_fresh_build():
    built = build(REPO)
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "input" / "examples").glob(OWNED_GLOB)}
    assert sorted(built) == sorted(on_disk)
    for name, text in built.items():
        assert text == on_disk[name], f"input/examples/{name} differs from `igkit lan examples`; run it"


def test_examples_cover_three_lines_and_both_verdicts():
    built = build(REPO)
    adoption = [n for n in built if n.startswith("MeasureReport-lan-apm-adoption-")]
    assert sorted(adoption) == [
        f"MeasureReport-lan-apm-adoption-{lob}-2019-01-01.json"
        for lob in ("commercial", "medicaid", "medicare-advantage")
    ]
    nominal = [
        t
        for n, t in built.items()
        if n.startswith("MeasureReport-lan-nominal-risk-") and "-summary-" not in n
    ]
    assert len(nominal) >= 4
    assert len([n for n in built if "-summary-" in n]) == 3
    assert any('"valueBoolean": true' in t for t in nominal)
    assert any('"valueBoolean": false' in t for t in nominal)


def _copy_project(tmp_path):
    root = tmp_path / "ig"
    (root / "input").mkdir(parents=True)
    shutil.copy(REPO / "sushi-config.yaml", root)
    shutil.copytree(REPO / "input" / "lan", root / "input" / "lan")
    return root


def test_examples_command_writes_checks_and_prunes(tmp_path, igkit):
    root = _copy_project(tmp_path)
    examples = root / "input" / "examples"
    examples.mkdir()
    (examples / "MeasureReport-lan-nominal-risk-stale.json").write_text("{}", encoding="utf-8")
    (examples / "Patient-other.json").write_text("{}", encoding="utf-8")  # not ours: left alone
    check = igkit("lan", "examples", "--project", root, "--check")
    assert check.code == 1 and "would write" in check.out and "would remove" in check.out
    assert not (examples / "MeasureReport-lan-nominal-risk-northside-aco.json").exists()
    result = igkit("lan", "examples", "--project", root)
    assert result.code == 0, result.err
    assert not (examples / "MeasureReport-lan-nominal-risk-stale.json").exists()
    assert (examples / "Patient-other.json").exists()
    for name in (p.name for p in (REPO / "input" / "examples").glob(OWNED_GLOB)):
        assert (examples / name).read_bytes() == (REPO / "input" / "examples" / name).read_bytes()
    again = igkit("lan", "examples", "--project", root, "--check")
    assert again.code == 0 and "up to date" in again.out


def test_examples_follow_the_csv(tmp_path, igkit):
    root = _copy_project(tmp_path)
    contracts = root / "input" / "lan" / "contracts.csv"
    contracts.write_text(
        contracts.read_text(encoding="utf-8").replace(
            "Northside ACO,commercial,TCOC,2%", "Northside ACO,commercial,TCOC,5%"
        ),
        encoding="utf-8",
    )
    assert igkit("lan", "examples", "--project", root).code == 0
    text = (root / "input" / "examples" / "MeasureReport-lan-nominal-risk-northside-aco.json").read_text()
    assert '"valueBoolean": false' in text


def test_examples_bad_manifest(tmp_path, igkit):
    root = _copy_project(tmp_path)
    (root / "input" / "lan" / "examples.yaml").write_text("adoption: metrics.csv\n", encoding="utf-8")
    result = igkit("lan", "examples", "--project", root)
    assert result.code == 2 and "must be lists" in result.err
