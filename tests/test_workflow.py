"""The GitHub Actions workflow is valid, runs what the README promises, publishes the site it
tested, and takes nothing from outside that is not pinned: actions by commit, Python packages by
version and hash (requirements.lock)."""

from __future__ import annotations

import re
import subprocess
from importlib import metadata

import yaml
from packaging.markers import default_environment
from packaging.requirements import Requirement

from scripts.dev.scratch import ROOT

WORKFLOW = ROOT / ".github/workflows/site.yml"
LOCK = ROOT / "requirements.lock"
REQUIREMENTS = ROOT / "requirements.txt"
ON_MAIN = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"


def _flow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def _uses(step: dict) -> str:
    return step.get("uses", "").split("@")[0]


def _name(name: str) -> str:
    """A distribution name in its normalised form (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock() -> dict[str, list[tuple[str, list[str]]]]:
    """Each locked name with its entries: (version, hashes); a name may be locked at different
    versions for different Pythons or platforms (entries with environment markers)."""
    text = LOCK.read_text(encoding="utf-8")
    entries: dict[str, list[tuple[str, list[str]]]] = {}
    for entry in re.sub(r"\\\n", " ", text).splitlines():
        entry = entry.split("#", 1)[0].strip()
        if not entry:
            continue
        match = re.fullmatch(
            r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)\s*(?:;(?:(?!--hash).)*)?((?:\s+--hash=\S+)*)", entry
        )
        assert match, f"requirements.lock: not pinned with == and hashes: {entry[:120]}"
        hashes = match.group(3).split()
        assert hashes and all(re.fullmatch(r"--hash=sha256:[0-9a-f]{64}", h) for h in hashes), entry[:120]
        entries.setdefault(_name(match.group(1)), []).append((match.group(2), hashes))
    return entries


def _direct() -> list[Requirement]:
    lines = REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    return [Requirement(line.split("#", 1)[0].strip()) for line in lines if line.split("#", 1)[0].strip()]


def test_workflow_matches_the_github_schema():
    result = subprocess.run(
        [str(ROOT / ".venv/bin/check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_builds_and_deploys_the_tested_site_on_data_changes():
    flow = _flow()
    push, pull = flow[True]["push"], flow[True]["pull_request"]  # YAML 1.1 reads the key `on` as True
    assert push["branches"] == ["main"]
    for paths in (push["paths"], pull["paths"]):
        assert {
            "data/**",
            "docs/**",
            "scripts/**",
            "mkdocs.yml",
            "requirements.txt",
            "requirements.lock",
            "Makefile",
            ".github/workflows/site.yml",
        } <= set(paths)
    test = flow["jobs"]["test"]
    runs = [s["run"] for s in _steps(test) if "run" in s]
    assert runs.index("make validate") < runs.index("make test") < runs.index("make site")
    # the site is built for Pages with the URL that configure-pages reports, and uploaded
    pages = next(s for s in _steps(test) if _uses(s) == "actions/configure-pages")
    # PUBLIC=1: the build refuses a local address (tests/test_publish.py)
    build = next(s for s in _steps(test) if s.get("run") == "make site PUBLIC=1" and "env" in s)
    assert build["env"]["SITE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}/"
    upload = next(s for s in _steps(test) if _uses(s) == "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    # what is uploaded is checked first: every link and anchor of the built site/ resolves
    check = next(s for s in _steps(test) if s.get("run") == "make check-site")
    assert _steps(test).index(build) < _steps(test).index(check) < _steps(test).index(upload)
    assert "if" not in check
    for step in (pages, build, upload):
        assert step["if"] == ON_MAIN
    # pull requests build with the default site URL, and upload nothing
    assert any(
        s.get("run") == "make site"
        and "env" not in s
        and s["if"] == "github.event_name == 'pull_request' || github.ref != 'refs/heads/main'"
        for s in _steps(test)
    )
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and deploy["if"] == ON_MAIN
    assert [_uses(s) for s in _steps(deploy)] == ["actions/deploy-pages"]
    assert not any("run" in s for s in _steps(deploy))


def test_the_site_is_rebuilt_weekly_so_ended_and_overdue_follow_the_calendar():
    assert [s["cron"] for s in _flow()[True]["schedule"]] == ["17 4 * * 1"]


def test_every_action_is_pinned_to_a_commit_with_its_tag_in_a_comment():
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
    parsed = [s["uses"] for job in _flow()["jobs"].values() for s in _steps(job) if "uses" in s]
    assert lines and len(lines) == len(parsed)
    for line in lines:
        assert re.fullmatch(r"\s*(-\s+)?uses: [\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+(\.\d+)*\s*", line), line


def test_checkouts_leave_no_credentials_behind():
    checkouts = [s for job in _flow()["jobs"].values() for s in _steps(job) if _uses(s) == "actions/checkout"]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False


def test_the_test_job_checks_out_the_whole_history_for_the_feed_dates():
    [checkout] = [s for s in _steps(_flow()["jobs"]["test"]) if _uses(s) == "actions/checkout"]
    assert checkout["with"]["fetch-depth"] == 0  # scripts/publish/feeds.py dates each initiative by git log


def test_every_job_has_a_time_limit():
    for name, job in _flow()["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int) and job["timeout-minutes"] > 0, name


def test_one_deployment_at_a_time_and_tests_never_wait_for_one():
    flow = _flow()
    assert "concurrency" not in flow
    assert flow["jobs"]["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert flow["jobs"]["test"]["concurrency"]["group"] != "pages"


def test_jobs_get_the_least_permissions():
    flow = _flow()
    assert flow["permissions"] == {"contents": "read"}
    assert flow["jobs"]["test"]["permissions"] == {"contents": "read", "pages": "read"}
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert (ROOT / ".ci/run").read_text(encoding="utf-8").strip().endswith("make test")


def test_makefile_installs_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^\$\(READY\):(.*)\n((?:\t.*\n)+)", makefile, re.M)
    assert rule and "requirements.lock" in rule.group(1).split()
    installs = [line for line in rule.group(2).splitlines() if " -r " in line]
    assert installs == ["\t$(PY) -m pip install --quiet --require-hashes -r requirements.lock"]
    assert re.search(r"^lock:.*## ", makefile, re.M)


def test_every_locked_package_is_pinned_with_hashes():
    lock = _lock()  # fails on any entry without == or without a sha256 hash
    assert len(lock) >= len(_direct())


def test_every_direct_dependency_is_locked_at_its_pinned_version():
    lock = _lock()
    for req in _direct():
        name = _name(req.name)
        assert name in lock, f"{req.name} from requirements.txt is missing in requirements.lock"
        pins = [s.version for s in req.specifier if s.operator == "=="]
        if pins:
            assert {version for version, _ in lock[name]} == set(pins), req.name


def test_the_lock_holds_every_dependency_installed_here():
    """Walk the requirements of requirements.txt (with their extras, such as pagefind[bin]) through
    the installed packages' metadata: each one is locked at the version installed."""
    lock = _lock()
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(req, frozenset(req.extras)) for req in _direct()]
    while todo:
        req, extras = todo.pop()
        name = _name(req.name)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        assert name in lock, f"{req.name} is needed but missing in requirements.lock"
        installed = metadata.version(req.name)
        assert installed in {version for version, _ in lock[name]}, (req.name, installed)
        for spec in metadata.requires(req.name) or []:
            dep = Requirement(spec)
            wanted = dep.marker is None or any(
                dep.marker.evaluate({**default_environment(), "extra": extra}) for extra in extras or {""}
            )
            if wanted:
                todo.append((dep, frozenset(dep.extras)))
    assert {"pagefind-bin", "pydantic-core", "jsonschema"} <= {name for name, _ in seen}
