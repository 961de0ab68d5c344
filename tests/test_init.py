"""`wenming init`: a new unit's repository that builds at once and carries no demo content."""

from __future__ import annotations

import re

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, TODAY, build

from wenmingsite.commands.cli import main

ANSWERS = [
    "--name",
    "江北区图书馆",
    "--short-name",
    "江北馆",
    "--title-sought",
    "区级文明单位",
    "--term-start",
    "2025年1月1日",
    "--term-end",
    "2027-12-31",
]


def wenming(*args, input=None):
    # As of the suite's fixed day, like the builds (the sample's approval is dated then at the latest).
    runner = CliRunner(env={"WENMING_TODAY": TODAY.isoformat()})
    return runner.invoke(main, [str(a) for a in args], input=input, prog_name="wenming")


def demo_words() -> list[str]:
    """The demo unit's own names: unit, departments, people, places (not the shared national files)."""
    unit = yaml.safe_load((REPO / "data" / "unit.yml").read_text(encoding="utf-8"))
    shared = "".join(
        (REPO / rel).read_text(encoding="utf-8")
        for rel in ("data/criteria.yml", "data/categories.yml", "data/holidays.yml")
    )
    words = ["青溪", unit["name"], unit["short_name"], unit["address"], unit["wechat"], *unit["departments"]]
    org = yaml.safe_load((REPO / "data" / "organization.yml").read_text(encoding="utf-8"))
    words += [m["name"] for m in org["leading_group"]["members"]]
    words += ["白沙乡", "青石村", "滨河"]
    return [w for w in words if w not in shared]


@pytest.fixture(scope="module")
def unit(tmp_path_factory):
    root = tmp_path_factory.mktemp("init") / "江北馆网站"
    result = wenming("init", root, *ANSWERS)
    assert result.exit_code == 0, result.output
    built = build(root)
    assert built.returncode == 0, built.stderr
    return root, result.output


def test_new_unit_builds_strict_with_its_own_name(unit):
    root, output = unit
    assert "已在" in output and "生成 17 个文件" in output
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "江北区图书馆 · 文明单位创建" in home
    # No term given: the texts init writes once name none, rather than a generic 本届 that
    # would stay after the unit sets its term; the banner reads data/unit.yml, which asks for it.
    assert "江北区图书馆区级文明单位创建工作" in home and "本届区级" not in home.split("ws-banner")[0]
    assert '<meta name="description" content="江北区图书馆区级文明单位创建工作展示">' in home
    assert (root / "site" / "report" / "01-组织领导" / "index.html").is_file()
    assert "创建工作动员会" in (root / "site" / "timeline" / "index.html").read_text(encoding="utf-8")


def test_unit_holds_no_engine_code(unit):
    """The plugin, templates and theme stay in the installed tool: a new version upgrades the unit."""
    root, _ = unit
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    files = [f for f in files if not f.startswith(("site/", ".cache/"))]
    assert not [f for f in files if f.endswith((".py", ".html", ".xml", ".js", ".css", ".tmpl"))]
    assert not (root / "hooks").exists() and not (root / "overrides").exists()
    mkdocs_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - wenming " in mkdocs_yml
    assert not re.search(r"(?m)^hooks:|^\s+custom_dir:", mkdocs_yml)
    # The theme's sitemap comes from the tool: the editor page is not listed.
    assert "/editor/" not in (root / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_sample_text_is_not_published_as_instructions(unit):
    """Init's instructions are YAML comments (never published), named by check as notices."""
    root, _ = unit
    for path in (root / "site").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "请在这里写" not in text and "wenming init" not in text, path
    result = wenming("check", "--root", root, "--no-images")
    assert result.exit_code == 0, result.output
    notices = [line for line in result.output.splitlines() if "wenming init 写的示例内容" in line]
    assert sorted(line.split(":")[0].removeprefix("提示 ") for line in notices) == [
        "data/unit.yml",  # the term (none given: 本届 until the unit writes its own)
        "data/unit.yml",  # the introduction
        "data/unit.yml",  # the approvers of 发布审核 (review is on for a new unit)
        "docs/activities/2025/2025-01-01-创建工作动员会.md",
        "docs/report/01-组织领导.md",
    ], result.output
    assert all(
        line.endswith("这里还是 wenming init 写的示例内容，请改写成本单位的实际情况，改好后删掉这一行注释")
        for line in notices
    )


def test_built_site_has_no_word_of_the_demo_unit(unit):
    root, _ = unit
    words = demo_words()
    assert "农技推广科" in words and "周立民" in words  # the list really is the demo's
    found = {}
    for path in (root / "site").rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".txt", ".md"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for w in words:
                if w in text:
                    found.setdefault(w, path.relative_to(root).as_posix())
    assert found == {}
    for path in root.rglob("*"):  # the sources as well
        if path.is_file() and "site" not in path.relative_to(root).parts[:1] and ".cache" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not [w for w in words if w in text], path


def test_unit_yml_answers_and_shared_files_copied(unit):
    root, _ = unit
    data = yaml.safe_load((root / "data" / "unit.yml").read_text(encoding="utf-8"))
    assert (data["name"], data["short_name"], data["title_sought"]) == ("江北区图书馆", "江北馆", "区级文明单位")
    assert (str(data["term_start"]), str(data["term_end"])) == ("2025-01-01", "2027-12-31")
    for rel in ("data/criteria.yml", "data/categories.yml", "data/holidays.yml"):
        assert (root / rel).read_bytes() == (REPO / rel).read_bytes()
    workflow = (root / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "pytest" not in workflow and "tests:" not in workflow and "needs: build\n" in workflow
    assert "pip install --no-deps --require-hashes -r requirements/lock-build.txt\n" in workflow
    assert "pip install --no-deps --no-build-isolation -r requirements.txt\n" in workflow
    assert "mkdocs build --strict" in workflow
    # The same lock as the tool's own build, and the tool itself by this version.
    # The same locks as the tool's own: the build set, and the build set plus each extra.
    for name in ("lock-build.txt", "lock-pack.txt", "lock-deploy.txt", "lock-import.txt"):
        assert (root / "requirements" / name).read_bytes() == (REPO / "requirements" / name).read_bytes()
    (tool,) = [
        line
        for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    # This checkout is installed editable (not portable): the version, and init says so.
    assert re.fullmatch(r"wenming-site==\d+\.\d+\.\d+", tool)
    assert {"dist/", ".site.*/"} <= set((root / ".gitignore").read_text(encoding="utf-8").splitlines())
    assert "package-ecosystem: github-actions" in (root / ".github" / "dependabot.yml").read_text(encoding="utf-8")
    assert "site/" in (root / ".gitignore").read_text(encoding="utf-8")
    assert (root / "README.md").read_text(encoding="utf-8").startswith("# 江北区图书馆 · 文明单位创建展示站")


def test_check_passes_in_new_unit(unit):
    root, _ = unit
    result = wenming("check", "--root", root, "--no-images")
    assert result.exit_code == 0, result.output
    assert "没有发现问题" in result.output


def test_prompts_in_chinese_and_reasks_bad_date(tmp_path):
    result = wenming("init", tmp_path / "u", input="某某中心\n\n\n第九届\n2025-13-01\n2025-01-01\n2027-12-31\n")
    assert result.exit_code == 0, result.output
    assert "单位全称：" in result.output and "单位简称 [某某中心]：" in result.output
    assert "创建目标 [市级文明单位]：" in result.output
    assert "创建届次（例如 第九届，不清楚可直接回车）：" in result.output
    assert "日期“2025-13-01”不存在（2025年13月没有1日）" in result.output
    data = yaml.safe_load((tmp_path / "u" / "data" / "unit.yml").read_text(encoding="utf-8"))
    assert (data["short_name"], data["title_sought"], data["term"], str(data["term_start"])) == (
        "某某中心",
        "市级文明单位",
        "第九届",
        "2025-01-01",
    )
    config = (tmp_path / "u" / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_description: "某某中心第九届市级文明单位创建工作展示"' in config


def test_refuses_non_empty_dir_unless_force(tmp_path):
    (tmp_path / "note.txt").write_text("x", encoding="utf-8")
    result = wenming("init", tmp_path, *ANSWERS)
    assert result.exit_code == 1
    assert result.stderr == (
        f"错误：文件夹 {tmp_path} 不是空的。请换一个新文件夹；确实要在这里生成（同名文件会被覆盖）时加 --force\n"
    )
    assert not (tmp_path / "mkdocs.yml").exists()
    result = wenming("init", tmp_path, *ANSWERS, "--force")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mkdocs.yml").is_file() and (tmp_path / "note.txt").is_file()


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "错误：请写出新网站的文件夹，例如 wenming init 某某单位网站\n"),
        (["DIR", "--name", "a<b"], "错误：--name：单位全称“a<b”里不能有这些符号：<。请去掉后重试\n"),
        (
            ["DIR", *ANSWERS[:-2], "--term-end", "2024-12-31"],
            "错误：创建周期结束（2024-12-31）早于开始（2025-01-01）。请核对两个日期\n",
        ),
        (
            ["DIR", "--name", "某某中心"],
            "错误：已取消（或没有读到回答），没有生成任何文件。在脚本中运行时，请用 --name、"
            "--title-sought、--term-start、--term-end 写出全部回答\n",
        ),
    ],
)
def test_errors_are_chinese_and_write_nothing(tmp_path, args, message):
    args = [tmp_path / "u" if a == "DIR" else a for a in args]
    result = wenming("init", *args)
    assert result.exit_code == 1
    assert result.stderr == message
    assert not (tmp_path / "u").exists()


def test_name_with_yaml_characters_stays_text(tmp_path):
    root = tmp_path / "u"
    result = wenming(
        "init",
        root,
        "--name",
        "某某: 中心",
        "--title-sought",
        "市级文明单位",
        "--term-start",
        "2025-01-01",
        "--term-end",
        "2027-12-31",
    )
    assert result.exit_code == 0, result.output
    result = wenming("check", "--root", root, "--no-images")
    assert result.exit_code == 0, result.output


def test_term_not_yet_started_gives_a_draft_example(tmp_path):
    root = tmp_path / "u"
    result = wenming(
        "init",
        root,
        "--name",
        "某某中心",
        "--title-sought",
        "市级文明单位",
        "--term-start",
        "2030-01-01",
        "--term-end",
        "2032-12-31",
    )
    assert result.exit_code == 0, result.output
    text = (root / "docs" / "activities" / "2030" / "2030-01-01-创建工作动员会.md").read_text(encoding="utf-8")
    assert "\ndraft: true\n---\n" in text
    built = build(root)
    assert built.returncode == 0, built.stderr


def test_package_copies_match_the_repository():
    """A unit is made from the installed package alone; its copies of repository files
    must be the files themselves."""
    from wenmingsite import scaffold

    stale = [
        rel
        for rel, name in {**scaffold.SHARED, ".github/workflows/pages.yml": "pages.yml"}.items()
        if (scaffold.SHARED_DIR / name).read_bytes() != (REPO / rel).read_bytes()
    ]
    assert stale == [], f"{stale} 与包中的副本不一致：请运行 python tools/sync_scaffold.py 后一起提交"


def test_tool_url_is_written_and_checked(tmp_path):
    url = "https://github.com/example/wenming-site/releases/download/v0.2.0/wenming_site-0.2.0-py3-none-any.whl"
    result = wenming("init", tmp_path / "u", *ANSWERS, "--tool-url", url)
    assert result.exit_code == 0, result.output
    assert "提示：本机的工具是从本地文件安装的" not in result.output
    assert f"wenming-site @ {url}\n" in (tmp_path / "u" / "requirements.txt").read_text(encoding="utf-8")
    result = wenming("init", tmp_path / "v", *ANSWERS, "--tool-url", "ftp://x/y.whl")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "错误：--tool-url“ftp://x/y.whl”不是 https:// 开头的下载地址。请写工具发布页上的 .whl 文件地址\n"
    )


def test_exports_and_prints_in_the_unit_folder_are_not_committed(tmp_path, monkeypatch):
    """`wenming export 台账.xlsx` (or .csv), `wenming print -o 汇报.pdf` and the pack's dist/, run
    in the unit's folder, write files `git add -A` must not pick up: a ledger holds what the
    site does not publish. The unit's own content still is."""
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "unit"
    assert wenming("init", root, *ANSWERS).exit_code == 0
    monkeypatch.chdir(root)
    for name in ("台账.xlsx", "台账.csv"):
        result = wenming("export", name)
        assert result.exit_code == 0, result.output
    (root / "dist").mkdir()
    (root / "dist" / "汇报材料.pdf").write_bytes(b"%PDF-1.7\n")
    (root / "汇报.pdf").write_bytes(b"%PDF-1.7\n")
    written = {"台账.xlsx", "台账.csv", "台账-例行活动.csv", "dist/汇报材料.pdf", "汇报.pdf"}
    assert all((root / name).is_file() for name in written)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    listed = subprocess.run(
        ["git", "-c", "core.quotepath=off", "ls-files", "-z"], cwd=root, capture_output=True, check=True
    ).stdout
    staged = set(listed.decode("utf-8").split("\0"))
    assert not written & staged
    assert {"data/unit.yml", "mkdocs.yml", ".gitignore"} <= staged
