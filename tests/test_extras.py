"""Install extras (issue 29): publishing installs only what `mkdocs build` needs.

The pack, cloud deploys and imports need libraries the build does not (pyproject.toml's
extras, each with its lock). Here those libraries are hidden from a real `wenming` process
(``sys.modules[name] = None``, as if not installed): the site still checks and builds the same
bytes, and each command that needs one says, in Chinese and before doing any work, which
command installs it. tests/test_wheel.py runs the same in a venv holding only the build lock.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import HANG_SECONDS, TODAY, build

from wenmingsite.commands.cli import main

# Every module an extra brings (and what they pull in): none of them may be needed to build.
EXTRA_MODULES = ("weasyprint", "segno", "docx", "boto3", "botocore", "s3transfer", "playwright")

HIDING = """\
import sys
for name in sys.argv[1].split(","):
    sys.modules[name] = None  # `import name` now fails as if it were not installed
tool, *args = sys.argv[2:]
if tool == "mkdocs":
    from mkdocs.__main__ import cli
    cli(args, prog_name="mkdocs")
elif tool == "python":
    exec(args[0])
else:
    from wenmingsite.commands.cli import main
    main(args, prog_name="wenming")
"""


def hidden(modules: tuple[str, ...], tool: str, *args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", HIDING, ",".join(modules), tool, *map(str, args)],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()},
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )


@pytest.fixture(scope="module")
def unit(tmp_path_factory):
    root = tmp_path_factory.mktemp("extras") / "unit"
    answers = ["--name", "江北区档案馆", "--short-name", "江北档案馆", "--title-sought", "区级文明单位"]
    answers += ["--term-start", "2025-01-01", "--term-end", "2027-12-31"]
    result = CliRunner().invoke(main, ["init", str(root), *answers], prog_name="wenming")
    assert result.exit_code == 0, result.output
    return root


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_site_checks_and_builds_the_same_bytes_without_any_extra(unit, tmp_path):
    checked = hidden(EXTRA_MODULES, "wenming", "check", cwd=unit)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = hidden(EXTRA_MODULES, "mkdocs", "build", "--strict", "-d", tmp_path / "without", cwd=unit)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    full = build(unit, "-d", str(tmp_path / "with"))
    assert full.returncode == 0, full.stderr
    without = files(tmp_path / "without")
    assert "index.html" in without and "evidence/index.html" in without
    assert without == files(tmp_path / "with")


PACK = "pip install --no-deps --require-hashes -r requirements/lock-pack.txt"
IMPORT = "pip install --no-deps --require-hashes -r requirements/lock-import.txt"
DEPLOY = "pip install --no-deps --require-hashes -r requirements/lock-deploy.txt"


@pytest.mark.parametrize(
    ("missing", "args", "message"),
    [
        (("weasyprint",), ["pack"], f"生成迎检材料包需要安装 pack 组件：{PACK}"),
        (("segno",), ["print"], f"生成汇报材料需要安装 pack 组件：{PACK}"),
        (("docx",), ["import", "汇报.docx"], f"导入 Word 汇报需要安装 import 组件：{IMPORT}"),
        (
            ("boto3",),
            ["deploy", "s3://wenming-site", "--site-dir", "site"],
            f"发布到云存储需要安装 deploy 组件：{DEPLOY}",
        ),
    ],
    ids=["pack", "print", "import-docx", "deploy-s3"],
)
def test_a_command_without_its_extra_names_the_lock_that_installs_it(unit, missing, args, message):
    (unit / "汇报.docx").write_bytes(b"")  # the command stops before reading it
    (unit / "site").mkdir(exist_ok=True)
    result = hidden(missing, "wenming", *args, cwd=unit)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"错误：{message}\n")
    assert not (unit / "dist").exists()
    assert (unit / message.rsplit(" -r ", 1)[1]).is_file()  # the unit has the lock it names


def test_what_needs_no_extra_still_works_without_them(unit):
    """Excel ledgers (openpyxl is a dependency: the gate reads .xlsx documents) and CSV."""
    for target in ("dist/台账.xlsx", "dist/台账.csv"):
        result = hidden(EXTRA_MODULES, "wenming", "export", target, cwd=unit)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"已导出 {target}")


GATE = """\
import json, sys
from pathlib import Path
from wenmingsite.gate import publication
root = Path.cwd()
paths = sorted(p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*") if p.is_file())
print(json.dumps([str(p) for p in publication.document_problems(root, root / "docs", "docs", paths, set())]))
"""


def test_the_publication_gate_reads_every_document_kind_without_any_extra(tmp_path):
    """.docx (lxml), .xlsx (openpyxl), .pdf (pypdf): the same findings as with everything installed."""
    import json

    from test_privacy_documents import check, make_docx, make_pdf, make_xlsx

    files = {"documents/名单.docx": make_docx(), "documents/台账.xlsx": make_xlsx()}
    files["documents/x.pdf"] = make_pdf(["Page one", "ID 110105198001011238 end"])
    expected = check(tmp_path, files)
    assert len(expected) == 9 and not [p for p in expected if "缺少" in p]
    result = hidden(EXTRA_MODULES, "python", GATE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(json.loads(result.stdout)) == sorted(expected)


def test_a_unit_from_before_the_extras_is_told_to_upgrade_first(unit, tmp_path):
    old = tmp_path / "old"
    (old / "requirements").mkdir(parents=True)
    (old / "mkdocs.yml").write_text((unit / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    result = hidden(("weasyprint",), "wenming", "pack", cwd=old)
    assert result.stderr == (
        f"错误：生成迎检材料包需要安装 pack 组件：{PACK}"
        "（requirements/lock-pack.txt 还不存在：先运行 wenming upgrade 取得它）\n"
    )


def test_upgrade_brings_a_unit_from_before_the_split_its_locks(unit, tmp_path):
    """A unit made before the extras has the old all-in-one build lock and no tool locks."""
    import shutil

    from conftest import REPO

    old = tmp_path / "old-unit"
    shutil.copytree(unit, old, ignore=shutil.ignore_patterns("site", "dist", ".cache"))
    old_lock = REPO / "tests" / "data" / "unit-0.1.0" / "requirements" / "lock-build.txt"
    shutil.copyfile(old_lock, old / "requirements" / "lock-build.txt")
    for extra in ("pack", "deploy", "import"):
        (old / "requirements" / f"lock-{extra}.txt").unlink()
    runner = CliRunner()
    result = runner.invoke(main, ["upgrade", "--root", str(old)], prog_name="wenming")
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if "requirements/lock" in line] == [
        "更新 requirements/lock-build.txt：工具依赖的包和哈希",
        "更新 requirements/lock-pack.txt：生成迎检材料包（wenming pack、print）要装的包和哈希",
        "更新 requirements/lock-deploy.txt：发布到云存储（wenming deploy）要装的包和哈希",
        "更新 requirements/lock-import.txt：导入 Word 汇报（wenming import 汇报.docx）要装的包和哈希",
    ]
    for name in ("lock-build.txt", "lock-pack.txt", "lock-deploy.txt", "lock-import.txt"):
        assert (old / "requirements" / name).read_bytes() == (REPO / "requirements" / name).read_bytes()
    again = runner.invoke(main, ["upgrade", "--root", str(old)], prog_name="wenming")
    assert "已经是最新" in again.output
    told = hidden(("boto3",), "wenming", "deploy", "s3://wenming-site", "--site-dir", "site", cwd=old)
    assert told.stderr == f"错误：发布到云存储需要安装 deploy 组件：{DEPLOY}\n"  # no more “先运行 wenming upgrade”
