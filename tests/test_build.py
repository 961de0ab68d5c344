"""End-to-end: real `mkdocs build --strict` runs of fixture sites, asserting on what a
visitor or an editor sees — the built HTML, api/activities.json and the log."""

from __future__ import annotations

import json
import re

from conftest import HANG_SECONDS, build, search_text, write

from wenmingsite.outputs import search_index
from wenmingsite.outputs.api import read_activities

A = "docs/activities/2024-03-05-plant.md"


def api(root) -> dict:
    return {"activities": read_activities(root / "site")}


def html(root, path: str) -> str:
    return (root / "site" / path).read_text(encoding="utf-8")


def test_fixture_site_builds_strict(site):
    root = site()
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = html(root, "activities/2024-03-05-plant/index.html")
    assert (
        '<dt>日期</dt><dd><time datetime="2024-03-05">2024年3月5日<span class="ws-nowrap">（周二）</span></time></dd>'
        in page
    )
    assert "<dt>参与</dt><dd>20 人次</dd>" in page
    # Inherited from the category, and linked to its listing.
    assert '<dt>测评项目</dt><dd><a href="../../criteria/volunteer-service/">学雷锋志愿服务</a></dd>' in page
    # Report sections are listed in the nav by their order; activities never are.
    home = html(root, "index.html")
    assert "一、组织领导" in home
    assert "植树节义务植树" not in re.search(
        r'<nav class="md-nav md-nav--primary.*?<div class="md-content"', home, re.S
    ).group(0)
    # Readable anchors for Chinese headings, not _1, _2.
    assert 'id="一组织领导"' in html(root, "report/01-first/index.html")


def test_new_activity_file_appears_with_normalised_values(site):
    root = site(
        {
            "docs/activities/2025/2025-06-01-集市.md": """\
        ---
        title: 端午“科技赶集”志愿服务
        date: 2025年6月1日
        category: volunteer
        criteria: 文化体育活动
        department: 工会
        participants: 1,200人次
        volunteer_hours: 36.5
        amount: 3万元
        summary: 在镇集市设摊，解答农户问题。
        ---

        当天上午，志愿者在集市入口设立咨询台。
        """
        }
    )
    result = build(root)
    assert result.returncode == 0, result.stderr
    records = {r["id"]: r for r in api(root)["activities"]}
    assert records["2025/2025-06-01-集市"] == {
        "id": "2025/2025-06-01-集市",
        "kind": "page",
        "title": "端午“科技赶集”志愿服务",
        "date": "2025-06-01",
        "end_date": None,
        "category": "志愿服务",
        "category_slug": "volunteer",
        "criteria": ["culture-sports", "volunteer-service"],
        "department": "工会",
        "location": None,
        "participants": 1200,
        "volunteer_hours": 36.5,
        "amount": 30000,
        "summary": "在镇集市设摊，解答农户问题。",
        "festival": None,  # 端午 is 2025-05-31: the 我们的节日 page decides by date and words, not the JSON
        "photos": 0,
        "routine": None,
        "time": None,
        "url": "activities/2025/2025-06-01-%E9%9B%86%E5%B8%82/",
        "source": "docs/activities/2025/2025-06-01-集市.md",
        "line": 2,
    }
    page = html(root, "activities/2025/2025-06-01-集市/index.html")
    assert "<dt>金额</dt><dd>3 万元</dd>" in page
    assert "当天上午，志愿者在集市入口设立咨询台。" in page
    assert [r["date"] for r in api(root)["activities"]] == sorted(r["date"] for r in api(root)["activities"])


def test_content_errors_fail_the_build_without_traceback_and_keep_the_old_site(site):
    root = site()
    assert build(root).returncode == 0
    write(root, A, "---\ntitle：植树\ndate: 2024-02-30\ncategory: 志愿服务\n---\n正文\n")
    write(root, "docs/activities/2024-04-01-b.md", "---\ntitle: 另一项\ndate: 2024-04-01\ncategory: 志原服务\n---\n")
    result = build(root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  wenming: docs/activities/2024-03-05-plant.md:2:6: “title”后面是全角冒号“：”。字段名后面要用半角冒号加一个空格，例如 title: 值",
        "ERROR   -  wenming: docs/activities/2024-04-01-b.md:4:11: 类别（category）：类别“志原服务”不在 data/categories.yml 中。"
        "是不是“志愿服务”？请改成其中已有的一项，或先在 data/categories.yml 里添加",
        "ERROR   -  内容共有 2 处问题，网站没有生成。请按上面每一行的提示修改对应文件后重新构建。",
    ]
    # The last good build is still there to serve.
    assert (root / "site/activities/2024-03-05-plant/index.html").exists()


def test_non_utf8_file_fails_cleanly(site):
    root = site({A: "---\ntitle: 植树\ndate: 2024-03-05\ncategory: 志愿服务\n---\n正文\n".encode("gb18030")})
    result = build(root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "docs/activities/2024-03-05-plant.md:2: 文件不是 UTF-8 编码（看起来是 GBK/GB18030（旧版 Windows 软件常用））"
        in result.stderr
    )


def test_duplicate_urls_fail_the_build(site):
    root = site({"docs/about.md": "# 关于\n", "docs/about/index.md": "# 关于我们\n"})
    result = build(root)
    assert result.returncode == 1
    assert (
        "docs/about/index.md: 与 docs/about.md 会生成同一个网址（about/index.html），其中一个会被覆盖。请给其中一个改名"
        in result.stderr
    )


def test_markup_in_titles_never_reaches_the_page(site):
    root = site({A: "---\ntitle: <img src=x onerror=alert(1)>\ndate: 2024-03-05\ncategory: 志愿服务\n---\n正文\n"})
    result = build(root)
    assert result.returncode == 1
    assert "标题（title）：“<img src=x onerror=alert(1)>”中含有“<”或“>”" in result.stderr


def test_ampersand_and_quotes_are_escaped_where_material_prints_raw(site):
    root = site(
        {
            A: "---\ntitle: 党建&业务“双融合”\ndate: 2024-03-05\ncategory: 志愿服务\n"
            'summary: 他说"好" & <b>不是标签</b>\n---\n正文\n'
        }
    )
    assert build(root).returncode == 0
    page = html(root, "activities/2024-03-05-plant/index.html")
    assert "<title>党建&amp;业务“双融合” - 测试单位</title>" in page
    assert '<meta name="description" content="他说&quot;好&quot; &amp; &lt;b&gt;不是标签&lt;/b&gt;">' in page
    assert '<p class="ws-summary">他说&#34;好&#34; &amp; &lt;b&gt;不是标签&lt;/b&gt;</p>' in page
    assert "<b>不是标签</b>" not in page


def test_draft_is_kept_out_of_site_search_and_api(site):
    root = site(
        {
            "docs/activities/2024-05-01-draft.md": "---\ntitle: 尚未发布的草稿活动\ndate: 2024-05-01\ncategory: 文体活动\ndraft: true\n---\n草稿正文独有词语\n"
        }
    )
    assert build(root).returncode == 0
    assert not (root / "site/activities/2024-05-01-draft").exists()
    assert "尚未发布的草稿活动" not in search_text(root / "site")
    assert "尚未发布" not in json.dumps(api(root), ensure_ascii=False)
    assert "尚未发布" not in html(root, "index.html")


def test_chinese_search_index_is_segmented(site):
    root = site()
    assert build(root).returncode == 0
    index = search_index.read(root / "site")
    assert "\\u200b" in index["config"]["separator"]
    titles = [d["title"] for d in index["docs"]]
    assert any("\u200b" in t for t in titles), titles  # jieba cut the words apart


def test_missing_jieba_fails_the_build_instead_of_degrading_search(site, tmp_path):
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'jieba':\n"
        "            raise ImportError('blocked for the test')\n"
        "sys.meta_path.insert(0, Block())\n",
        encoding="utf-8",
    )
    import os
    import subprocess
    import sys

    root = site()
    env = {**os.environ, "PYTHONPATH": str(blocker), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "没有安装中文分词库 jieba，站内搜索将几乎搜不到中文内容。请按 requirements/lock-build.txt 安装全部依赖后重试"
        in result.stderr
    )


def test_report_section_lists_its_criteria(site):
    root = site(
        {"docs/report/01-first.md": "---\ntitle: 一、组织领导\norder: 1\ncriteria: [volunteer-service]\n---\n\n正文\n"}
    )
    assert build(root).returncode == 0
    assert (
        '<p class="ws-report-criteria"><span>对应测评项目</span> <span class="ws-tag">学雷锋志愿服务</span></p>'
        in html(root, "report/01-first/index.html")
    )


def test_nav_entry_for_a_page_without_its_data_is_a_chinese_problem(site):
    """荣誉墙 in the nav without data/honours.yml: MkDocs would abort in English."""
    from click.testing import CliRunner
    from conftest import MKDOCS_YML

    from wenmingsite.commands.cli import main

    yml = MKDOCS_YML + "  - 荣誉墙: honours/index.md\n"
    root = site({"mkdocs.yml": yml})
    line = yml.splitlines().index("  - 荣誉墙: honours/index.md") + 1
    expected = (
        f"mkdocs.yml:{line}: 导航（nav）中的“honours/index.md”这一页要由 data/honours.yml 生成，但现在没有这个文件"
        "或其中没有内容。请先写好 data/honours.yml，或者删掉这一行导航（也可以在行首加 # 暂时不显示）"
    )
    built = build(root)
    assert built.returncode == 1
    assert expected in built.stderr
    assert "is included in the 'nav' configuration" not in built.stderr + built.stdout
    checked = CliRunner().invoke(main, ["check", "--root", str(root), "--no-images"])
    assert checked.exit_code == 1 and expected in checked.output, checked.output
