import pytest

from igkit.errors import IgkitError
from igkit.publish.config import read_config

from .helpers import CONFIG


def test_menu_nested_and_pages():
    cfg = read_config({
        **CONFIG,
        "pages": {"index.md": {"title": "Home"}, "guidance.md": {"title": "Guidance", "sub.md": {"title": "Sub"}},
                  "no-title.md": None},
        "menu": {"Home": "index.html", "Spec": {"Artifacts": "artifacts.html", "More": {"QA": "qa.html"}}},
    })  # fmt: skip
    assert [p.source for p in cfg.pages] == ["index.md", "guidance.md", "no-title.md"]
    assert cfg.pages[1].children[0].title == "Sub"
    assert cfg.pages[2].title == "No title"
    assert cfg.pages[1].html_name == "guidance.html"
    spec = cfg.menu[1]
    assert spec.label == "Spec" and spec.href == ""
    assert spec.children[1].children[0].href == "qa.html"
    assert cfg.publisher_name == "Unit Publisher"
    assert cfg.all_dependencies == {"hl7.fhir.r4.core": "4.0.1", "hl7.fhir.us.core": "6.1.0"}


def test_dependency_objects_and_fhir_version_list():
    cfg = read_config(
        {**CONFIG, "fhirVersion": ["4.0.1"], "dependencies": {"x.y": {"id": "x", "version": "2.0"}}}
    )
    assert cfg.fhir_version == "4.0.1"
    assert cfg.dependencies == {"x.y": "2.0"}


def test_missing_keys_are_a_clear_error():
    with pytest.raises(IgkitError, match="canonical, version"):
        read_config({"id": "a", "fhirVersion": "4.0.1"})


def test_menu_must_be_a_mapping():
    with pytest.raises(IgkitError, match="menu"):
        read_config({**CONFIG, "menu": ["index.html"]})
