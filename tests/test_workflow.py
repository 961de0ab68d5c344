"""The publishing workflow is as trustworthy as the site (issue 19).

zizmor audits it (and the workflow `wenming init` gives a new unit) with no medium or high
finding; every action is pinned by commit hash; only the deploy job may write to Pages; and
the step that decides whether the engine's tests run is run here on real git histories.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import HANG_SECONDS, REPO

from wenmingsite.scaffold import UnitAnswers, unit_workflow, write_unit

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
ZIZMOR = shutil.which("zizmor") or str(Path(sys.executable).with_name("zizmor"))
PIN = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def zizmor_findings(github_dir: Path, persona: str = "regular") -> list[str]:
    """Medium and high findings of ``zizmor --offline`` as text lines."""
    run = subprocess.run(
        [ZIZMOR, "--offline", "--persona", persona, "--format", "json", "--no-progress", str(github_dir)],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert run.stdout.strip().startswith("["), run.stderr
    return [
        f"{f['determinations']['severity']} {f['ident']}: {f['desc']} "
        f"({f['locations'][0]['symbolic']['key']['Local']['verbatim_path']}:"
        f"{f['locations'][0]['concrete']['location']['start_point']['row'] + 1})"
        for f in json.loads(run.stdout)
        if f["determinations"]["severity"] in ("Medium", "High")
    ]


def jobs(text: str) -> dict:
    return yaml.safe_load(text)["jobs"]


@pytest.fixture(scope="module")
def unit_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("unit")
    write_unit(root, UnitAnswers("江北区图书馆", "江北馆", "区级文明单位", dt.date(2025, 1, 1), dt.date(2027, 12, 31)))
    return root


@pytest.mark.parametrize("persona", ["regular", "auditor"])
def test_zizmor_has_no_medium_or_high_finding(persona):
    # "auditor" adds the checks with false positives, e.g. secrets used outside an environment.
    assert zizmor_findings(REPO / ".github", persona) == []


def test_zizmor_reports_what_the_old_workflow_had(tmp_path):
    """The audit really looks: the old workflow's kinds of finding are found in a small copy."""
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "pages.yml").write_text(
        "on: push\npermissions:\n  contents: read\n  pages: write\n  id-token: write\n"
        "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
        "      - uses: actions/upload-pages-artifact@v3\n        with:\n          path: .\n"
        "  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/deploy-pages@v4\n",
        encoding="utf-8",
    )
    found = sorted(f.split(":")[0] for f in zizmor_findings(tmp_path / ".github"))
    assert found == ["High excessive-permissions"] * 2 + ["High unpinned-uses"] * 3 + ["Medium artipacked"]


def test_new_unit_workflow_passes_zizmor_and_has_no_engine_tests(unit_root):
    assert zizmor_findings(unit_root / ".github", "auditor") == []
    text = (unit_root / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert set(jobs(text)) == {"build", "preview", "deploy", "deploy-cn"}
    assert jobs(text)["deploy"]["needs"] == jobs(text)["deploy-cn"]["needs"] == "build"
    # Apart from the engine tests and the install of the tool, it is the tool's own workflow.
    assert text == unit_workflow(WORKFLOW.read_text(encoding="utf-8"))
    assert {line.strip(" -") for line in text.splitlines() if "uses:" in line} == {
        line.strip(" -") for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line
    }


@pytest.mark.parametrize("path", [WORKFLOW, "unit"])
def test_every_action_is_pinned_by_commit_with_its_version(path, unit_root):
    path = unit_root / ".github" / "workflows" / "pages.yml" if path == "unit" else path
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.search(r"\buses:", line)]
    assert lines and [line for line in lines if not PIN.match(line)] == []
    # One version per action across the file (Dependabot bumps them together).
    versions: dict[str, set[str]] = {}
    for line in lines:
        versions.setdefault(PIN.match(line)[1], set()).add(line.split("@", 1)[1])
    assert {name: v for name, v in versions.items() if len(v) > 1} == {}


def test_least_privilege_per_job_and_pull_requests_never_deploy():
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert data["permissions"] == {}
    perms = {name: job.get("permissions") for name, job in data["jobs"].items()}
    assert perms == {
        "build": {"contents": "read", "pages": "read"},
        "preview": {"contents": "read"},
        "tests": {"contents": "read"},
        "deploy-cn": {"contents": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }
    for name in ("deploy", "deploy-cn"):
        deploy = data["jobs"][name]
        assert "github.event_name != 'pull_request'" in deploy["if"] and "refs/heads/main" in deploy["if"]
        assert deploy["needs"] == ["build", "tests"]  # tests that fail (or run) hold the deploy back
    assert [
        s for s in data["jobs"]["deploy"]["steps"] if "run" in s
    ] == []  # the job that can write runs none of our code
    # Secrets only in the env: of the steps that use them, in a job with its own environment.
    text = WORKFLOW.read_text(encoding="utf-8")
    secret_lines = [line.strip() for line in text.splitlines() if "secrets." in line]
    assert secret_lines and all(
        re.fullmatch(r"[A-Z0-9_]+: \$\{\{ secrets\.[A-Z0-9_]+ \}\}", line) for line in secret_lines
    )
    assert data["jobs"]["deploy-cn"]["environment"] == {"name": "cn-storage"}
    assert "env" not in data["jobs"]["deploy-cn"] or "secrets." not in str(data["jobs"]["deploy-cn"]["env"])


def test_no_persisted_credentials_and_no_expression_in_run():
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [s for job in data["jobs"].values() for s in job["steps"]]
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 4 and all(s["with"]["persist-credentials"] is False for s in checkouts)
    assert [s["run"] for s in steps if "run" in s and "${{" in s["run"]] == []


def test_installs_are_locked_with_hashes():
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    installs = {
        name: next(s["run"] for s in job["steps"] if "pip install" in s.get("run", ""))
        for name, job in data["jobs"].items()
        if name != "deploy"
    }
    assert installs == {
        "build": "pip install --no-deps --require-hashes -r requirements/lock-build.txt\n"
        "pip install --no-deps --no-build-isolation -e .\npip check\n",
        "preview": "pip install --no-deps --require-hashes -r requirements/lock-build.txt\n"
        "pip install --no-deps --no-build-isolation -e .\npip check\n",
        # Publishing installs only what building needs; the cloud deploy adds boto3 (its extra).
        "deploy-cn": "pip install --no-deps --require-hashes -r requirements/lock-deploy.txt\n"
        "pip install --no-deps --no-build-isolation -e .\npip check\n",
        "tests": "pip install --no-deps --require-hashes -r requirements/lock.txt\n"
        "pip install --no-deps --no-build-isolation -e .\npip check\n",
    }


# --- which commits run the engine's tests -------------------------------------------------


def changes_script() -> str:
    (step,) = [s for s in jobs(WORKFLOW.read_text(encoding="utf-8"))["tests"]["steps"] if s.get("id") == "changes"]
    assert step["env"] == {
        "EVENT": "${{ github.event_name }}",
        "BEFORE": "${{ github.event.before }}",
        "PR_BASE": "${{ github.event.pull_request.base.sha }}",
    }
    return step["run"]


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


def commit(repo: Path, files: dict[str, str]) -> str:
    for rel, text in files.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "x")
    return git(repo, "rev-parse", "HEAD")


def decide(repo: Path, event: str, before: str = "", pr_base: str = "") -> tuple[str, str]:
    out = repo.parent / "github_output"
    out.write_text("", encoding="utf-8")
    run = subprocess.run(
        ["bash", "-e", "-c", changes_script()],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "EVENT": event, "BEFORE": before, "PR_BASE": pr_base, "GITHUB_OUTPUT": str(out)},
        check=True,
    )
    return out.read_text(encoding="utf-8"), run.stdout


@pytest.fixture
def history(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    first = commit(repo, {"docs/index.md": "a", "src/wenmingsite/site.py": "a", "data/unit.yml": "a"})
    return repo, first


def test_content_only_push_skips_engine_tests(history):
    repo, first = history
    commit(repo, {"docs/activities/2026/2026-03-01-植树.md": "新活动"})
    commit(repo, {"data/unit.yml": "b"})  # a push of two commits, both content
    output, said = decide(repo, "push", before=first)
    assert output == "engine=false\n"
    assert said == "只改了 docs/ 和 data/：内容已由“检查并构建”检查，不运行引擎测试\n"


@pytest.mark.parametrize(
    "files",
    [
        {"src/wenmingsite/site.py": "b"},
        {"docs/index.md": "b", "mkdocs.yml": "x"},
        {"requirements/lock.txt": "x"},
        {".github/workflows/pages.yml": "x"},
        {"src/wenmingsite/theme/main.html": "x"},
        {"docsy/x.md": "x"},  # only docs/ itself is content
    ],
)
def test_engine_change_runs_tests(history, files):
    repo, first = history
    commit(repo, files)
    output, said = decide(repo, "push", before=first)
    assert output == "engine=true\n"
    assert said.startswith("引擎文件有改动，运行全部测试：")


@pytest.mark.parametrize(
    "event, before",
    [
        ("push", "0" * 40),  # a new branch
        ("push", "1234567890abcdef1234567890abcdef12345678"),  # a force push: the old tip is gone
        ("workflow_dispatch", ""),
    ],
)
def test_nothing_to_compare_runs_tests(history, event, before):
    repo, _ = history
    output, said = decide(repo, event, before=before)
    assert output == "engine=true\n"
    assert said == f"没有可比较的上一版本（{event}），运行全部测试\n"


def test_pull_request_compares_with_its_base(history):
    repo, first = history
    commit(repo, {"docs/index.md": "b"})
    assert decide(repo, "pull_request", before="", pr_base=first)[0] == "engine=false\n"
    commit(repo, {"tests/test_x.py": "b"})
    assert decide(repo, "pull_request", pr_base=first)[0] == "engine=true\n"


# --- pull requests: a read-only preview, never a deployment (issue 28) ---------------------


def runs_on_pull_request(job: dict) -> bool:
    """Whether a job runs for a pull_request event, from its ``if:`` (the only conditions
    this workflow puts on jobs compare github.event_name with 'pull_request')."""
    condition = job.get("if", "")
    return "github.event_name != 'pull_request'" not in condition


def workflow_data(which: str, unit_root: Path) -> dict:
    path = unit_root / ".github" / "workflows" / "pages.yml" if which == "unit" else WORKFLOW
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # "on" stays "on"


@pytest.mark.parametrize("which", ["tool", "unit"])
def test_pull_requests_build_a_preview_artifact_with_read_only_rights_and_deploy_nothing(which, unit_root):
    data = workflow_data(which, unit_root)
    assert "pull_request" in data["on"] and "pull_request_target" not in data["on"]
    assert data["permissions"] == {}
    on_pr = {name: job for name, job in data["jobs"].items() if runs_on_pull_request(job)}
    assert set(on_pr) == ({"preview", "tests"} if which == "tool" else {"preview"})
    for name, job in on_pr.items():
        assert set(job["permissions"].values()) == {"read"}, name
        assert "environment" not in job and "secrets." not in yaml.safe_dump(job, allow_unicode=True), name
        for step in job["steps"]:
            uses = step.get("uses", "")
            assert not uses.startswith(
                ("actions/deploy-pages", "actions/upload-pages-artifact", "actions/configure-pages")
            )
            assert not uses.startswith("actions/cache@"), "a pull request only restores the cache"
            assert not re.search(r"git push|wenming deploy|gh-deploy|ghp-import", step.get("run", "")), step
    steps = on_pr["preview"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert runs[0].startswith("pip install --no-deps --require-hashes -r requirements/lock-build.txt\n")
    # The reviewer's view: pending material shown and marked (wenming build --preview).
    assert runs[1:] == ["wenming check --format github", "wenming build --preview"]
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload == steps[-1] and upload["with"]["name"] == "site-preview" and upload["with"]["path"] == "site"
    # Everything that publishes is held to pushes to main.
    for name in ("deploy", "deploy-cn", "build"):
        assert "github.event_name != 'pull_request'" in data["jobs"][name]["if"]


@pytest.mark.parametrize("which", ["tool", "unit"])
def test_publishing_workflow_documents_a_required_reviewer(which, unit_root):
    path = unit_root / ".github" / "workflows" / "pages.yml" if which == "unit" else WORKFLOW
    text = path.read_text(encoding="utf-8")
    for step in ("Require a pull request before merging", "Required approvals", "Require status checks to pass"):
        assert step in text
    assert (
        "“预览（拉取请求）”" in text
        and workflow_data(which, unit_root)["jobs"]["preview"]["name"] == "预览（拉取请求）"
    )


def test_new_unit_readme_explains_review_step_by_step(unit_root):
    readme = (unit_root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 发布前审核（合并请求）", 1)[1].split("\n## ", 1)[0]
    assert "Required approvals 选 1" in section and "site-preview" in section and "Review changes → Approve" in section


def test_check_annotates_a_bad_unit_for_github(unit_root, tmp_path):
    """The preview job's `wenming check --format github`, run for real on a unit with a bad
    date and a sick pupil named with her school: one ::error per problem, at its line."""
    root = tmp_path / "unit"
    shutil.copytree(unit_root, root)
    page = root / "docs" / "activities" / "2025" / "2025-03-01-捐款.md"
    page.write_text(
        "---\ntitle: 爱心捐款\ndate: 2025-02-30\ncategory: 学习教育\n---\n\n"
        "红星小学二年级的郑可馨同学患白血病，全馆职工为她捐款。\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [
            str(Path(sys.executable).with_name("wenming")),
            "check",
            "--format",
            "github",
            "--no-images",
            "--date",
            "2026-01-05",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert run.returncode == 1
    errors = [line for line in run.stdout.splitlines() if line.startswith("::error ")]
    rel = "docs/activities/2025/2025-03-01-捐款.md"
    assert errors == [
        f"::error file={rel},line=3,col=7::日期（date）：日期“2025-02-30”不存在（2025年2月没有30日）。请核对后写成 2025-02-DD 的形式",
        f"::error file={rel},line=7,col=1::提示：“郑可馨”旁边写有未成年人的学校或班级“红星小学二年级”和健康状况“白血病”，"
        "这是敏感个人信息，公开发布须经本人同意（未成年人须经监护人同意）。请改写这句话：去掉姓名（如“一名职工”“张某”）或删去这一细节；"
        "确已征得同意、经审核可以公开的，在本页开头的 front matter 里加一行 sensitive_ok: 已征得本人同意（写明依据）",
    ]
    *annotations, summary = run.stdout.splitlines()
    assert all(line.startswith("::notice ") for line in annotations if not line.startswith("::error "))
    assert summary.startswith("发现 2 处问题")  # in the log, after the annotations


@pytest.mark.parametrize("path", [WORKFLOW, "unit"])
def test_publishing_restores_its_own_cache_keyed_by_the_locks(path, unit_root):
    """Publishing after one edit reuses the last build's .cache (photo outputs, segmentation,
    jieba's dictionary, finished pages): restored before the build, saved after it under a
    new key each run; never one committed to the repository."""
    path = unit_root / ".github" / "workflows" / "pages.yml" if path == "unit" else path
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    key = "site-cache-${{ runner.os }}-${{ hashFiles('requirements/*.txt', 'requirements.txt') }}-"
    restore_keys = f"{key}\nsite-cache-${{{{ runner.os }}}}-\n"
    for job, action in (("build", "actions/cache@"), ("deploy-cn", "actions/cache/restore@")):
        steps = data["jobs"][job]["steps"]
        (at,) = [i for i, s in enumerate(steps) if s.get("uses", "").startswith(action)]
        assert steps[at]["with"] == {
            "path": ".cache",
            "key": key + "${{ github.run_id }}",
            "restore-keys": restore_keys,
        }
        assert steps[at - 1]["run"] == "rm -rf .cache"  # what the checkout brought is not used
        assert steps[at - 1].get("if") == steps[at].get("if")
    build_steps = [s.get("run", s.get("uses", "")) for s in data["jobs"]["build"]["steps"]]
    cache_at = next(i for i, s in enumerate(build_steps) if s.startswith("actions/cache@"))
    assert cache_at < build_steps.index("mkdocs build --strict")
