"""The renderers sit below the web layer: nothing in service/render imports service.api."""

from __future__ import annotations

import ast

from tests.conftest import ROOT


def _imports(path: str) -> set[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_renderer_imports_the_web_layer() -> None:
    modules = sorted((ROOT / "service" / "render").glob("*.py"))
    assert len(modules) >= 6
    for module in modules:
        imported = _imports(str(module.relative_to(ROOT)))
        assert not {name for name in imported if name.startswith("service.api")}, module.name


def test_the_templates_and_styles_ship_with_the_renderer() -> None:
    render = ROOT / "service" / "render"
    assert (render / "templates" / "report.html").is_file()
    assert (render / "static" / "style.css").is_file()
    assert not (ROOT / "service" / "api" / "templates").exists()
    assert "render/templates/*.html" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
