"""`wenming upgrade`: a unit made by an older `wenming init` brought up to the installed tool.

The fixture `tests/data/unit-0.1.0/` is what `wenming init` of version 0.1.0 wrote (a one-line
hook, copies of the theme templates, a placeholder tool address), its 1,588-line lock cut.
"""

from __future__ import annotations

import shutil

import yaml
from click.testing import CliRunner
from conftest import REPO, build

from wenmingsite.commands.cli import main

OLD_UNIT = REPO / "tests" / "data" / "unit-0.1.0"


def wenming(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="wenming")


def old_unit(tmp_path):
    root = tmp_path / "unit"
    shutil.copytree(OLD_UNIT, root)
    return root


def nav_paths(root) -> list[str]:
    def walk(items):
        for item in items:
            for value in item.values():
                yield from walk(value) if isinstance(value, list) else [value]

    data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return list(walk(data["nav"]))


def test_upgrade_restores_tool_pages_and_keeps_the_units_own(tmp_path):
    root = old_unit(tmp_path)
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    # The unit lost the evidence page from its nav, deleted the sitemap template and added a page.
    yml = yml.replace("      - 佐证材料目录: evidence/index.md\n", "")
    yml = yml.replace("  - 数据统计: stats/index.md\n", "  - 数据统计: stats/index.md\n  - 志愿者风采: volunteers.md\n")
    (root / "mkdocs.yml").write_text(yml, encoding="utf-8")
    (root / "overrides" / "sitemap.xml").unlink()
    (root / "docs" / "volunteers.md").write_text("---\ntitle: 志愿者风采\n---\n\n志愿服务队。\n", encoding="utf-8")
    before = {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}

    dry = wenming("upgrade", "--root", root, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == yml  # nothing written
    assert "（试运行）删除 hooks/showcase.py：改由 mkdocs.yml 中的 wenming 插件调用工具" in dry.output
    assert "共 13 处修改；去掉 --dry-run 执行。" in dry.output

    result = wenming("upgrade", "--root", root)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "更新 mkdocs.yml：改用 wenming 插件；使用工具自带的页面模板；导航加上“佐证材料目录”" in lines
    # The pack, an interrupted build's folder, and exports and sources at the top of the folder.
    assert "更新 .gitignore：不提交 dist/、.site.*/、/*.xlsx、/*.xls、/*.csv、/*.docx、/*.doc、/*.pdf" in lines
    assert "删除 overrides/main.html：工具自带的页面模板的旧副本（现在由 wenming 插件提供最新的）" in lines
    assert not (root / "hooks").exists() and not (root / "overrides").exists()
    paths = nav_paths(root)
    assert "evidence/index.md" in paths and "volunteers.md" in paths
    assert paths.index("criteria/index.md") + 1 == paths.index("evidence/index.md")  # back in its section
    new_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in new_yml and "hooks:" not in new_yml and "\n  - wenming " in new_yml
    assert "#  - 组织与荣誉:" in new_yml  # the unit's comments stay
    assert "更新 requirements/lock-pack.txt：生成迎检材料包（wenming pack、print）要装的包和哈希" in lines
    for name in ("lock-build.txt", "lock-pack.txt", "lock-deploy.txt", "lock-import.txt"):
        assert (root / "requirements" / name).read_bytes() == (REPO / "requirements" / name).read_bytes()
    assert {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()} == before

    built = build(root)
    assert built.returncode == 0, built.stderr
    assert (root / "site" / "evidence" / "index.html").is_file()
    assert "/editor/" not in (root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "志愿者风采" in (root / "site" / "index.html").read_text(encoding="utf-8")

    again = wenming("upgrade", "--root", root)
    assert again.exit_code == 0 and "已经是最新" in again.output, again.output


def test_a_template_the_unit_changed_is_kept(tmp_path):
    root = old_unit(tmp_path)
    footer = root / "overrides" / "partials" / "footer.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "<!-- 本单位改过 -->\n", encoding="utf-8")
    result = wenming("upgrade", "--root", root)
    assert result.exit_code == 0, result.output
    assert footer.is_file() and not (root / "overrides" / "main.html").exists()
    assert "custom_dir: overrides" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert (
        "提示：overrides/partials/footer.html 是本单位改过或新加的模板，保留，并继续优先于工具自带的模板"
        "（工具的新模板可能需要你把改动重新合并进去）"
    ) in result.output
    built = build(root)
    assert built.returncode == 0, built.stderr
    assert "<!-- 本单位改过 -->" in (root / "site" / "index.html").read_text(encoding="utf-8")


def test_an_old_unit_still_builds_before_its_upgrade(tmp_path):
    """Its one-line hook calls the installed tool's plugin: a new version never breaks it."""
    root = old_unit(tmp_path)
    built = build(root)
    assert built.returncode == 0, built.stderr
    assert (root / "site" / "evidence" / "index.html").is_file()


def test_outside_a_unit_is_refused(tmp_path):
    result = wenming("upgrade", "--root", tmp_path)
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"错误：{tmp_path} 中没有 mkdocs.yml，不是 wenming init 生成的网站文件夹。请在网站文件夹中运行\n"
    )
