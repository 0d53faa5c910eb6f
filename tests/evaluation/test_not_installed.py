"""Evaluation and bench code stay out of the installed package, and the service never needs them."""

from __future__ import annotations

import ast
import tomllib

from setuptools import find_packages

from tests.conftest import ROOT


def test_the_wheel_holds_the_service_packages_only() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    shipped = find_packages(where=str(ROOT), include=include)
    assert "service" in shipped and "service.pipeline" in shipped
    assert all(name == "service" or name.startswith("service.") for name in shipped), shipped
    assert (ROOT / "evaluation" / "scoring.py").exists(), "the evaluation code is still in the repo"


def test_no_service_module_imports_evaluation_bench_or_tests() -> None:
    offenders = []
    for path in sorted((ROOT / "service").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.split(".")[0] in ("evaluation", "bench", "tests")
            ]
    assert offenders == []
