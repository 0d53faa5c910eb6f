"""requirements.lock: every package pinned with its hashes, within pyproject's ranges, and the
install the tests run on is the locked one."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

LOCK = (ROOT / "requirements.lock").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def locked() -> dict[str, tuple[str, list[str]]]:
    """Each locked package's version and hashes, by canonical name."""
    entries: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=\S)", LOCK):
        pin = re.match(r"([A-Za-z0-9_.\-]+)==(\S+)", block)
        if pin:
            hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
            entries[canonicalize_name(pin.group(1))] = (pin.group(2), hashes)
    return entries


def direct() -> list[Requirement]:
    project = PYPROJECT["project"]
    extras = [r for group in project["optional-dependencies"].values() for r in group]
    return [Requirement(r) for r in [*project["dependencies"], *extras]]


def test_every_locked_package_is_pinned_with_hashes() -> None:
    entries = locked()
    assert len(entries) > 100, "the lock holds the transitive packages too"
    assert [name for name, (_, hashes) in entries.items() if not hashes] == []


def test_every_direct_dependency_is_locked_within_its_range() -> None:
    entries = locked()
    for requirement in direct():
        name = canonicalize_name(requirement.name)
        assert name in entries, f"{name} is not in requirements.lock: run `make lock`"
        pinned = entries[name][0]
        assert requirement.specifier.contains(pinned, prereleases=True), (
            f"{name}=={pinned} is outside pyproject's {requirement.specifier}"
        )


def test_this_install_is_the_locked_one() -> None:
    differ = []
    for name, (pinned, _) in locked().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            differ.append(f"{name}: not installed")
            continue
        if installed != pinned:
            differ.append(f"{name}: {installed} installed, {pinned} locked")
    assert differ == [], "\n".join(differ)


def test_make_and_ci_install_from_the_lock_into_a_new_venv_with_an_empty_home() -> None:
    assert "--require-hashes --no-deps -r $(LOCK)" in MAKEFILE
    assert re.search(r"^\$\(STAMP\): \$\(LOCK\)", MAKEFILE, re.M)
    assert re.search(r"^lock: ", MAKEFILE, re.M) and "pip-compile" in MAKEFILE
    assert re.search(r"^HOME=\$\(mktemp -d\)$", CI, re.M) and "rm -rf .venv" in CI
    assert CI.rstrip().endswith("make test")
