"""The stylesheet names the Korean faces by the family names fontconfig reports."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from service.render.html import STATIC


def _installed_families() -> set[str]:
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig is not installed")
    listed = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, text=True, check=True, timeout=30
    ).stdout
    return {name.strip() for line in listed.splitlines() for name in line.split(",")}


def test_a_css_nanum_family_is_an_installed_one() -> None:
    installed = {f for f in _installed_families() if "nanum" in f.lower()}
    if not installed:
        pytest.skip("fonts-nanum is not installed (.ci/run installs it)")
    css = (STATIC / "style.css").read_text(encoding="utf-8")
    named = {m.strip().strip('"') for m in re.findall(r'"?(Nanum[^,;"]*)"?', css)}
    assert {"NanumGothic", "NanumMyeongjo"} <= named & installed


def test_textareas_use_the_interface_font() -> None:
    css = (STATIC / "style.css").read_text(encoding="utf-8")
    rule = re.search(r"^textarea \{[^}]*\}", css, re.MULTILINE)
    assert rule is not None and "var(--sans)" in rule.group(0)
