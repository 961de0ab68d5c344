"""The build cache (.cache/pages) lives across processes: a fresh `mkdocs build` after an
edit reuses the pages the edit does not touch, and its site is byte for byte a clean build's.

The bundled demo is built, edited the ways editors and maintainers change a unit, and built
again in a new process with its .cache as the last build left it (as the publishing workflow
restores it); after every edit each file of that site must equal the file a build without
the cache writes from the same files.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY, copy_demo, run_mkdocs

REUSED = re.compile(
    r"构建缓存：(\d+) 个活动页面沿用上次构建的结果，(\d+) 个重新生成；其他页面 (\d+) 个沿用、(\d+) 个重新生成"
)
OTHERS: list[tuple[int, int]] = []  # (reused, rendered) of the other pages, build by build


def build(root: Path, dest: Path, cache: bool = True) -> tuple[int, int]:
    """A strict build into ``dest``: (pages taken from the cache, pages rendered into it)."""
    args = ["build", "--strict", "--site-dir", str(dest)]
    if not cache:
        # The same build with the cache switched off: every page converted and rendered.
        root.joinpath("mkdocs-nocache.yml").write_text(
            re.sub(
                r"(?m)^  - wenming\b.*$",
                "  - wenming:\n      build_cache: false",
                (root / "mkdocs.yml").read_text(encoding="utf-8"),
            ),
            encoding="utf-8",
        )
        args += ["-f", "mkdocs-nocache.yml"]
    result = run_mkdocs(root, *args)
    assert result.returncode == 0, result.stderr[-3000:]
    if m := REUSED.search(result.stderr):
        OTHERS.append((int(m.group(3)), int(m.group(4))))
        return int(m.group(1)), int(m.group(2))
    return 0, 0


def assert_same_site(cached: Path, clean: Path) -> None:
    files = {p.relative_to(cached).as_posix() for p in cached.rglob("*") if p.is_file()}
    clean_files = {p.relative_to(clean).as_posix() for p in clean.rglob("*") if p.is_file()}
    assert files == clean_files, (sorted(files - clean_files)[:10], sorted(clean_files - files)[:10])

    def data(path: Path) -> bytes:
        # The gzip header holds the time of writing; the sitemap inside must be the same.
        return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()

    differ = [rel for rel in sorted(files) if data(cached / rel) != data(clean / rel)]
    assert not differ, f"{len(differ)} files differ from a build without the cache, e.g. {differ[:10]}"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def demo(tmp_path, demo_root):
    root = copy_demo(tmp_path, cache_from=demo_root)
    shutil.rmtree(root / ".cache" / "pages", ignore_errors=True)  # this test's own builds fill it
    # A theme override on every page (Material includes partials/comments.html in each).
    (root / "overrides" / "partials").mkdir(parents=True)
    (root / "overrides" / "partials" / "comments.html").write_text("<!-- 留言 -->\n", encoding="utf-8")
    edit(root / "mkdocs.yml", "  language: zh\n", "  language: zh\n  custom_dir: overrides\n")
    return root


def test_a_fresh_build_after_each_edit_equals_a_clean_build(demo, tmp_path):
    root, step = demo, 0

    def check() -> tuple[int, int]:
        nonlocal step
        step += 1
        counts = build(root, tmp_path / f"cached-{step}")
        build(root, tmp_path / f"clean-{step}", cache=False)
        assert_same_site(tmp_path / f"cached-{step}", tmp_path / f"clean-{step}")
        return counts

    reused, rendered = check()
    assert reused == 0 and rendered > 20  # an empty cache: every activity page rendered, then kept
    activities = reused + rendered

    assert check() == (activities, 0), "nothing changed: every activity page comes from the cache"
    others = OTHERS[-1][0]
    assert OTHERS[-1] == (others, 0) and others > 20, "and every other page's template output"

    # A new title: the page, its neighbours' 上一项/下一项 links (and the listings) change.
    page = root / "docs/activities/2024/2024-07-10-高温送清凉.md"
    edit(page, "title: 高温“送清凉”慰问户外劳动者", "title: 高温“送清凉”慰问一线户外劳动者")
    reused, rendered = check()
    assert rendered == 3 and reused == activities - 3, (reused, rendered)
    # Its year, its category, the timeline… are made again; the other years and categories not.
    assert 3 <= OTHERS[-1][1] < others // 2 and sum(OTHERS[-1]) == others, OTHERS[-1]

    # A date that moves it to another year: its breadcrumb, and two pairs of neighbours.
    edit(page, "date: 2024-07-10", "date: 2025-01-03")
    reused, rendered = check()
    assert 3 <= rendered <= 5 and reused == activities - rendered, (reused, rendered)

    # A photo added to it (the photo grid of its page; the gallery).
    shutil.copy(
        root / "docs/activities/2024/2024-01-19-新春送春联进村/couplets-1.jpg",
        root / "docs/activities/2024/qingliang.jpg",
    )
    edit(page, "summary:", "photos:\n  - src: qingliang.jpg\n    caption: 志愿者送上绿豆汤\nsummary:")
    reused, rendered = check()
    assert rendered == 1, (reused, rendered)

    # A deleted activity: its neighbours now point past it.
    (root / "docs/activities/2024/2024-11-06-服务满意度回访.md").unlink()
    activities -= 1
    reused, rendered = check()
    assert rendered == 2 and reused == activities - 2, (reused, rendered)

    # A new activity (a file committed in docs/): its page, and its neighbours' links.
    (root / "docs/activities/2024/2024-12-20-冬季送温暖.md").write_text(
        "---\ntitle: 冬季送温暖走访困难职工\ndate: 2024-12-20\ncategory: 志愿服务\ndepartment: 工会\n"
        "summary: 工会走访慰问困难职工。\n---\n\n12月20日，中心工会走访慰问困难职工家庭，送去米面油和慰问金。\n",
        encoding="utf-8",
    )
    activities += 1
    reused, rendered = check()
    assert 1 <= rendered <= 3 and reused == activities - rendered, (reused, rendered)

    # The unit's template override: on every page.
    (root / "overrides/partials/comments.html").write_text("<!-- 欢迎留言 -->\n", encoding="utf-8")
    assert check() == (0, activities)

    # mkdocs.yml's navigation: in every page's sidebar.
    edit(root / "mkdocs.yml", "  - 应知应会: knowledge/index.md", "  - 应知应会问答: knowledge/index.md")
    assert check() == (0, activities)

    # A setting of mkdocs.yml (the copyright line is in every page's footer).
    edit(root / "mkdocs.yml", "copyright: 青溪市农业技术推广中心", "copyright: © 青溪市农业技术推广中心")
    assert check() == (0, activities)

    # The unit's data (its name is in every page's header and byline).
    edit(root / "data/unit.yml", "name: 青溪市农业技术推广中心", "name: 青溪市农业技术服务中心")
    assert check() == (0, activities)


def test_jieba_keeps_its_dictionary_in_the_cache(tmp_path, demo_root):
    """A fresh runner with .cache restored does not make jieba's dictionary again."""
    root = copy_demo(tmp_path, cache_from=demo_root)
    shutil.rmtree(root / ".cache", ignore_errors=True)  # nothing segmented yet: jieba starts
    build(root, tmp_path / "site")
    assert [p.name for p in (root / ".cache/jieba").iterdir()] == [
        f"jieba-{__import__('importlib.metadata').metadata.version('jieba')}.cache"
    ]


def test_a_restored_cache_lets_no_personal_number_through(demo, tmp_path):
    """A build with .cache as the last good build left it (its pages, the outputs found
    clean, the segmentation) refuses a newly committed page with a mobile number as a clean
    build does: the number written out, and one split over two lines that only the scan of
    the written site sees."""
    build(demo, tmp_path / "first")
    page = demo / "docs/activities/2024/2024-12-20-走访.md"
    head = "---\ntitle: 走访困难职工\ndate: 2024-12-20\ncategory: 志愿服务\n---\n\n"
    page.write_text(head + "联系人手机 13812348000，欢迎来电。\n", encoding="utf-8")
    result = run_mkdocs(demo, "build", "--strict", "--site-dir", str(tmp_path / "second"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "docs/activities/2024/2024-12-20-走访.md:7:7: 疑似个人手机号 138****8000。"
        "公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话"
    ) in result.stderr
    assert not (tmp_path / "second").exists()

    page.write_text(head + "联系人电话 138\n0013 8000。\n", encoding="utf-8")
    result = run_mkdocs(demo, "build", "--strict", "--site-dir", str(tmp_path / "third"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    third = tmp_path / "third"
    assert (
        f"docs/activities/2024/2024-12-20-走访.md:7: 生成的网站上（{third}/activities/2024/2024-12-20-走访/index.html"
        f" 的网页文字、{third}/search/part-00.json 的数据）会显示疑似个人手机号 138****8000。"
        "公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话。"
    ) in result.stderr, result.stderr[-2000:]
    assert not (tmp_path / "third").exists()


def test_a_later_build_leaves_an_earlier_site_as_it_was(demo, tmp_path):
    """Reused pages are linked from the cache into the new folder, not written: a later build
    that renders such a page again changes the site it makes, never one made before (a site
    being deployed, or the last good one)."""
    build(demo, tmp_path / "first")
    assert build(demo, tmp_path / "second")[1] == 0  # every activity page from the cache
    page = demo / "docs/activities/2024/2024-07-10-高温送清凉.md"
    out = "activities/2024/2024-07-10-高温送清凉/index.html"
    before = (tmp_path / "second" / out).read_bytes()
    assert before == (tmp_path / "first" / out).read_bytes()
    edit(page, "title: 高温“送清凉”慰问户外劳动者", "title: 高温“送清凉”慰问一线户外劳动者")
    build(demo, tmp_path / "third")
    assert "慰问一线户外劳动者" in (tmp_path / "third" / out).read_text(encoding="utf-8")
    assert (tmp_path / "second" / out).read_bytes() == before
    build(demo, tmp_path / "clean", cache=False)
    assert_same_site(tmp_path / "third", tmp_path / "clean")


# `mkdocs build --strict --site-dir DEST` in a process where no file can be hard-linked or
# copied off the main thread: the worker thread (sitefolder.Worker) can place no reused page.
WORKER_CANNOT_PLACE = """
import errno, os, shutil, sys, threading
def refused(real):
    def call(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(*args, **kwargs)
    return call
os.link, shutil.copyfile = refused(os.link), refused(shutil.copyfile)
from mkdocs.__main__ import cli
sys.exit(cli(["build", "--strict", "--site-dir", sys.argv[1]]))
"""


def test_reused_pages_are_linked_into_place_or_else_written_and_the_site_is_the_same(demo, tmp_path):
    """Reused pages are put in place by the build's worker thread as hard links to the cache
    (no bytes written); where it cannot link nor copy them, the build writes them itself and
    the site is still byte for byte a clean build's."""
    build(demo, tmp_path / "first")
    edit(demo / PAGE, "title: 高温“送清凉”慰问户外劳动者", "title: 高温“送清凉”慰问一线户外劳动者")
    reused, rendered = build(demo, tmp_path / "linked")
    assert reused > 20 and rendered == 3
    out = "activities/2024/2024-01-19-新春送春联进村/index.html"  # not next to the edited page
    assert (tmp_path / "linked" / out).stat().st_nlink > 1  # the cache's file, linked

    edit(demo / PAGE, "慰问一线户外劳动者", "慰问户外一线劳动者")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()}
    dest = tmp_path / "written"
    result = subprocess.run(
        [sys.executable, "-c", WORKER_CANNOT_PLACE, str(dest)], cwd=demo, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    m = REUSED.search(result.stderr)
    assert m and int(m.group(1)) == reused and int(m.group(2)) == 3, result.stderr[-2000:]
    assert (dest / out).stat().st_nlink == 1  # written by the build, not linked
    build(demo, tmp_path / "clean", cache=False)
    assert_same_site(dest, tmp_path / "clean")


PAGE = "docs/activities/2024/2024-07-10-高温送清凉.md"


def failing_build(root: Path, dest: Path) -> str:
    result = run_mkdocs(root, "build", "--strict", "--site-dir", str(dest))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert not dest.exists()
    return result.stderr


def test_a_text_check_kept_in_the_cache_keeps_its_problem(demo, tmp_path):
    """The load's checks of each text are kept across builds with the problems they found
    (.cache/load/texts.json): a fresh build fails with the same Chinese line; an answer of
    another shape, or a file that is not JSON, is ignored and the text checked again."""
    build(demo, tmp_path / "first")
    page = demo / PAGE
    text = page.read_text(encoding="utf-8") + "\n联系人：[姓名]\n"
    page.write_text(text, encoding="utf-8")
    line = text.count("\n")
    message = "这里还是模板占位符“[姓名]”。请换成实际内容后再发布"
    expected = f"{PAGE}:{line}:5: {message}"
    assert expected in failing_build(demo, tmp_path / "second")  # checked, and the answer kept
    store = demo / ".cache/load/texts.json"
    stored = json.loads(store.read_text(encoding="utf-8"))
    assert [line, 5, message] in [row for rows in stored["texts"].values() for row in rows]
    assert expected in failing_build(demo, tmp_path / "third")  # the kept answer: the same problem

    forgeries = [
        {**stored, "texts": {k: [[line, 5, 42]] for k in stored["texts"]}},  # a message that is not text
        {**stored, "texts": {k: [[0, 5, message]] for k in stored["texts"]}},  # no line 0
        {**stored, "texts": {k: [[str(line), "5", message]] for k in stored["texts"]}},
        {**stored, "texts": {k: {"line": line} for k in stored["texts"]}},
        {**stored, "texts": [[k, []] for k in stored["texts"]]},
    ]
    for forged in forgeries:
        store.write_text(json.dumps(forged, ensure_ascii=False), encoding="utf-8")
        assert expected in failing_build(demo, tmp_path / "forged")
    store.write_bytes(b'{"salt": "\xff\xfe not json')
    assert expected in failing_build(demo, tmp_path / "broken")

    page.write_text(text.replace("[姓名]", "王明"), encoding="utf-8")  # fixed: a new text, a new answer
    build(demo, tmp_path / "fixed")
    build(demo, tmp_path / "clean", cache=False)
    assert_same_site(tmp_path / "fixed", tmp_path / "clean")


def test_a_forged_clean_answer_lets_no_personal_number_through(demo, tmp_path):
    """A text check answer that says a page holding a mobile number is clean (a forged
    .cache/load) does not put the number on the site: the written site is read back whatever
    the cache says, and the build fails before the new folder replaces site/."""
    build(demo, tmp_path / "first")
    page = demo / "docs/activities/2024/2024-12-20-走访.md"
    page.write_text(
        "---\ntitle: 走访困难职工\ndate: 2024-12-20\ncategory: 志愿服务\n---\n\n联系人手机 13812348000，欢迎来电。\n",
        encoding="utf-8",
    )
    assert "docs/activities/2024/2024-12-20-走访.md:7:7: 疑似个人手机号 138****8000。" in failing_build(
        demo, tmp_path / "second"
    )
    store = demo / ".cache/load/texts.json"
    stored = json.loads(store.read_text(encoding="utf-8"))
    store.write_text(json.dumps({**stored, "texts": {k: [] for k in stored["texts"]}}), encoding="utf-8")
    log = failing_build(demo, tmp_path / "third")
    assert "docs/activities/2024/2024-12-20-走访.md:7:7: 疑似个人手机号" not in log  # the forged answer was used
    third = tmp_path / "third"
    assert (
        f"docs/activities/2024/2024-12-20-走访.md:7: 生成的网站上（{third}/activities/2024/2024-12-20-走访/index.html"
    ) in log
    assert "会显示疑似个人手机号 138****8000。" in log


def test_a_forged_page_of_the_build_cache_is_read_by_the_output_scan(demo, tmp_path):
    """A finished page in .cache/pages changed after the build that stored it (a restored
    .cache is untrusted), its size kept so that the cache takes it: the next build links it
    into place unread, and the output scan, which skips only files whose exact bytes are known
    clean, reads it and finds the mobile number; the build fails, naming the page, and the
    last site stays."""
    build(demo, tmp_path / "first")
    reused, _ = build(demo, tmp_path / "second")
    assert reused > 0
    index = json.loads((demo / ".cache/pages/index.json").read_text(encoding="utf-8"))
    src = "activities/2024/2024-07-10-高温送清凉.md"
    page = demo / ".cache/pages/html" / f"{index['pages'][src]['key']}.html"
    data = page.read_bytes()
    title = data.index(b"<title>") + len(b"<title>")
    assert data[title : title + 12].decode("utf-8") == "高温“送"  # twelve bytes of whole characters
    page.write_bytes(data[:title] + b" 13812348000" + data[title + 12 :])
    log = failing_build(demo, tmp_path / "third")
    assert (
        f"{tmp_path / 'third'}/activities/2024/2024-07-10-高温送清凉/index.html: 生成的网站上（"
        f"{tmp_path / 'third'}/activities/2024/2024-07-10-高温送清凉/index.html 的网页文字）会显示疑似个人手机号 138****8000。"
        "公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话。"
        "没有找到写入它的源文件，请在页面、data 文件和 mkdocs.yml 中查找这个号码"
    ) in log, log[-2000:]


def test_a_page_of_the_build_cache_that_is_a_symbolic_link_is_not_used(demo, tmp_path):
    """A finished page in .cache/pages replaced by a symbolic link (a forged .cache) to a file
    of the same size elsewhere is no cache entry: the page is rendered, and the site holds no
    link (the workflow's upload follows links: it would publish whatever the link names)."""
    build(demo, tmp_path / "first")
    index = json.loads((demo / ".cache/pages/index.json").read_text(encoding="utf-8"))
    src = "activities/2024/2024-07-10-高温送清凉.md"
    page = demo / ".cache/pages/html" / f"{index['pages'][src]['key']}.html"
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_bytes(page.read_bytes())
    page.unlink()
    os.symlink(elsewhere, page)
    reused, _ = build(demo, tmp_path / "second")
    second = tmp_path / "second"
    assert reused > 0
    assert not [p for p in second.rglob("*") if p.is_symlink()]
    built = second / "activities/2024/2024-07-10-高温送清凉/index.html"
    assert not os.path.samefile(built, elsewhere)
    assert built.read_bytes() == (tmp_path / "first/activities/2024/2024-07-10-高温送清凉/index.html").read_bytes()


def test_a_dirty_build_changes_neither_the_cache_nor_another_site(demo, tmp_path):
    """`mkdocs build --dirty` writes into the files already in its folder; pages a build
    linked from .cache/pages (and static files from .cache/static) are shared with the cache
    and other site folders. The dirty build makes each such file its own first: an edit it
    writes reaches neither the earlier site nor the cache, and a later build after the edit
    is undone is a clean build's site."""
    rel = "activities/2024/2024-07-10-高温送清凉/index.html"
    build(demo, tmp_path / "first")
    build(demo, tmp_path / "a")
    build(demo, tmp_path / "b")
    a_page, b_page = tmp_path / "a" / rel, tmp_path / "b" / rel
    assert os.path.samefile(a_page, b_page)  # both linked from the cache
    before = a_page.read_bytes()
    page = demo / "docs/activities/2024/2024-07-10-高温送清凉.md"
    original = page.read_text(encoding="utf-8")
    assert "中心" in original
    page.write_text(original.replace("中心", "本站"), encoding="utf-8")  # same length
    result = run_mkdocs(demo, "build", "--dirty", "--site-dir", str(tmp_path / "b"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "本站".encode() in b_page.read_bytes()
    assert a_page.read_bytes() == before  # the earlier site as it was
    page.write_text(original, encoding="utf-8")
    build(demo, tmp_path / "c")
    assert (tmp_path / "c" / rel).read_bytes() == before  # not the dirty build's text from the cache


def test_a_kept_text_check_follows_the_units_own_numbers(demo, tmp_path):
    """A page may show the unit's own phone (data/unit.yml's phone). The answer kept for the
    page's text depends on that file too: once the unit's phone is another number, the same
    unchanged page fails with the personal-number line, as a build without the cache does."""
    edit(demo / "data/unit.yml", "address: 青溪市滨河路 218 号\n", "address: 青溪市滨河路 218 号\nphone: 13812348000\n")
    page = demo / PAGE
    text = page.read_text(encoding="utf-8") + "\n咨询电话 13812348000。\n"
    page.write_text(text, encoding="utf-8")
    build(demo, tmp_path / "first")
    build(demo, tmp_path / "second")  # the page's answer from the cache: still allowed
    edit(demo / "data/unit.yml", "phone: 13812348000\n", "phone: 0571-86012345\n")
    log = failing_build(demo, tmp_path / "third")
    assert (
        f"{PAGE}:{text.count(chr(10))}:6: 疑似个人手机号 138****8000。"
        "公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话"
    ) in log, log[-1500:]


def test_forged_entries_of_the_build_cache_are_ignored(demo, tmp_path):
    """An index entry under the right key whose fields have another shape (a restored .cache
    is untrusted) is not used, an activity's page, a listing's or any other: the page is
    rendered again, and the site equals a clean build.
    Before, a forged table of contents stopped the build with a Python error."""
    build(demo, tmp_path / "first")
    index = demo / ".cache/pages/index.json"
    stored = json.loads(index.read_text(encoding="utf-8"))
    forgeries = [
        {"toc": "目录"},
        {"toc": [["标题", "id", "二", []]]},
        {"anchors": [1, 2]},
        {"search": {"location": "x"}},
        {"search": ["x"]},
        {"segments": [None]},
        {"title": ["标题"]},
        {"size": "12"},
    ]
    for step, forged in enumerate(forgeries):
        pages = {src: {**entry, **forged} for src, entry in stored["pages"].items()}
        index.write_text(json.dumps({**stored, "pages": pages}, ensure_ascii=False), encoding="utf-8")
        reused, _ = build(demo, tmp_path / f"forged-{step}")
        assert reused == 0 and OTHERS[-1][0] == 0, (forged, reused, OTHERS[-1])
        index.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    build(demo, tmp_path / "clean", cache=False)
    assert_same_site(tmp_path / f"forged-{len(forgeries) - 1}", tmp_path / "clean")


def test_new_words_segmented_with_the_word_table_build_the_clean_site(demo, tmp_path, monkeypatch):
    """The publishing case: a restored .cache (with the word table an earlier build wrote) and
    a title with words the site never had. The fresh build segments them with the table
    (wenmingsite.pages.wordtable) and reuses the untouched pages; its site equals, file for
    file, a build without the build cache whose jieba loads its whole dictionary."""
    page = demo / "docs/activities/2024/2024-07-10-高温送清凉.md"
    build(demo, tmp_path / "first")
    edit(page, "title: 高温“送清凉”慰问户外劳动者", "title: 高温“送清凉”慰问户外劳动者（补记）")
    build(demo, tmp_path / "second")  # new text: jieba's dictionary, and the table written
    assert (demo / ".cache/search/words-v1.sqlite").is_file()
    edit(page, "（补记）", "（环卫工人桂花巷补记）")
    result = run_mkdocs(demo, "build", "--strict", "-v", "--site-dir", str(tmp_path / "cached"))
    assert result.returncode == 0, result.stderr[-3000:]
    made = re.search(r"(\d+) cut by jieba \((\d+) with the word table\)", result.stderr)
    assert made and int(made.group(1)) > 0 and made.group(2) == made.group(1), result.stderr[-1500:]
    assert int(REUSED.search(result.stderr).group(1)) > 20  # the untouched activity pages reused
    monkeypatch.setenv("WENMING_SEGMENT_CACHE", "0")
    build(demo, tmp_path / "clean", cache=False)
    assert_same_site(tmp_path / "cached", tmp_path / "clean")


BODIES = re.compile(r"其中列表等生成页面 (\d+) 个连同内容沿用、(\d+) 个重新生成")


def listing_pages(site: Path) -> dict[str, bytes]:
    """The pages of the kinds that declare what their bodies are made of (the timeline, its
    years, the categories (their index and listings), the criteria's listings and every part of a
    split listing)."""
    found = {}
    for top in ("timeline", "categories", "criteria"):
        for path in (site / top).rglob("index.html"):
            rel = path.relative_to(site).as_posix()
            if rel != "criteria/index.html":  # the coverage page, made in every build
                found[rel] = path.read_bytes()
    return found


def test_a_fresh_build_after_each_listing_edit_equals_a_clean_build(demo, tmp_path):
    """Listings in parts (a low listing_limit splits the demo's years into months and its
    categories and criteria into years) are taken whole from the cache while what their bodies
    are made of is unchanged, and made again after every edit that changes one: each build's
    site equals a build without the cache, and only the listings whose page changed are made."""
    edit(demo / "mkdocs.yml", "  - wenming ", "  - wenming:\n      listing_limit: 4\n  # wenming ")
    root, step, before = demo, 0, {}

    def check(everything: bool = False) -> tuple[int, int, int]:
        """(listings kept, made, whose page changed since the last build). When the listings
        are the same pages as before, exactly those whose page changed are made; when a listing
        splits or is whole again, the links of every listing change and all of them are made; so
        are they after an edit to what every page is made with (``everything``)."""
        nonlocal step, before
        step += 1
        cached = tmp_path / f"cached-{step}"
        args = ["build", "--strict", "--site-dir", str(cached)]
        result = run_mkdocs(root, *args)
        assert result.returncode == 0, result.stderr[-3000:]
        m = BODIES.search(result.stderr)
        assert m, result.stderr[-2000:]
        build(root, tmp_path / f"clean-{step}", cache=False)
        assert_same_site(cached, tmp_path / f"clean-{step}")
        shutil.rmtree(tmp_path / f"clean-{step}")
        now = listing_pages(cached)
        changed = sum(1 for rel, data in now.items() if before.get(rel) != data)
        kept, made = int(m.group(1)), int(m.group(2))
        if before and set(now) == set(before) and not everything:
            assert made == changed, (kept, made, changed)
        else:
            assert kept == 0 and made == len(now), (kept, made, changed)
        before = now
        print(f"step {step}: {kept} kept, {made} made, {changed} changed")
        return kept, made, changed

    kept, made, changed = check()
    assert kept == 0 and made == changed > 60, (kept, made, changed)
    assert (tmp_path / "cached-1/timeline/2024/07/index.html").is_file(), "the demo's years are in parts"
    listings = made
    assert check() == (listings, 0, 0), "nothing changed: every listing comes from the cache"

    page = root / "docs/activities/2024/2024-07-10-高温送清凉.md"
    # A title: the listings that show it (its month, year, category, the first page…), not the others.
    edit(page, "title: 高温“送清凉”慰问户外劳动者", "title: 高温“送清凉”慰问一线户外劳动者")
    kept, made, changed = check()
    assert 0 < made < listings // 4 and kept == listings - made, (kept, made, changed)
    # A date in another month of the year: two month parts, the year's counts.
    edit(page, "date: 2024-07-10", "date: 2024-09-03")
    kept, made, changed = check()
    assert 0 < made < listings // 4, (kept, made, changed)
    # A category that moves it from one category's parts to another's (here one category falls
    # under the limit: its parts are gone, so the links of every listing change).
    edit(page, "category: 志愿服务", "category: 学习教育")
    assert check()[2] > 0
    # Criteria: it joins a criterion's listing (which goes over the limit: parts of its own).
    edit(page, "category: 学习教育\n", "category: 学习教育\ncriteria: [文明风尚行动]\n")
    assert check()[2] > 0
    # A photo's caption: the cover photo's text on the rows that show it.
    edit(
        root / "docs/activities/2024/2024-01-19-新春送春联进村.md",
        "caption: 书法爱好者在村文化广场现场书写春联",
        "caption: 职工书法爱好者在村文化广场现场书写春联",
    )
    kept, made, changed = check()
    assert 0 < made < listings // 4, (kept, made, changed)
    # A new activity in a part (a page of its own), and a deleted one.
    (root / "docs/activities/2024/2024-09-20-秋季运动会.md").write_text(
        "---\ntitle: 职工秋季趣味运动会\ndate: 2024-09-20\ncategory: 文体活动\ndepartment: 工会\n"
        "summary: 工会组织趣味运动会。\n---\n\n9月20日，中心工会组织职工趣味运动会。\n",
        encoding="utf-8",
    )
    assert check()[2] > 0
    (root / "docs/activities/2024/2024-11-06-服务满意度回访.md").unlink()
    assert check()[2] > 0
    # A data file that changes the counts: a log entry (no page) in a month's part.
    edit(
        root / "data/activities/2024.yml",
        "activities:\n",
        "activities:\n  - title: 职工读书分享会\n    date: 2024-09-12\n    category: 学习教育\n"
        "    department: 工会\n    participants: 30\n    summary: 职工分享读书心得。\n\n",
    )
    assert check()[2] > 0
    # A routine: its title, named once on every listing that shows its occurrences.
    edit(root / "data/activities/2025.yml", "  - title: 升国旗仪式\n", "  - title: 升国旗和国旗下讲话\n")
    assert check()[2] > 0
    # What is on every page: the theme override, the navigation, the site's name, the limit
    # that splits the listings.
    (root / "overrides/partials/comments.html").write_text("<!-- 欢迎留言 -->\n", encoding="utf-8")
    check(everything=True)
    edit(root / "mkdocs.yml", "  - 应知应会: knowledge/index.md", "  - 应知应会问答: knowledge/index.md")
    check(everything=True)
    edit(root / "mkdocs.yml", "site_name: 青溪市农业技术推广中心", "site_name: 青溪市农技推广中心")
    check(everything=True)
    edit(root / "mkdocs.yml", "listing_limit: 4", "listing_limit: 6")
    check(everything=True)


def test_text_with_any_form_of_link_is_keyed_by_the_file_list():
    """The substring test before the pattern (memo.linkish) misses no form of link: a page
    whose text has one is keyed by the file list (a moved file changes where it points)."""
    from wenmingsite.pages import memo

    texts = ["见[通知](notice.md)。", "[通知] [1]", "[1]: notice.md", "<a HREF = 'x'>", '<img Src="a.jpg">']
    texts += ['<img srcset="a.jpg 2x">', "无链接的正文，全角［通知］（notice.md）", "a = b", "]"]
    for text in texts:
        assert memo.linkish(text) == bool(memo.LINKISH.search(text)), text
    assert [memo.linkish(t) for t in texts] == [True] * 6 + [False] * 3


def test_keys_of_records_tell_their_fields_and_types_apart():
    """A record (a frozen dataclass) in a page's inputs is written as its type's name and its
    field values: another value of any field, or another type with the same values, is
    another key; a set's order is not."""
    import dataclasses
    import datetime as dt

    from wenmingsite.pages.pagecache import Unsure, canonical

    @dataclasses.dataclass(frozen=True)
    class Row:
        title: str
        day: dt.date
        tags: frozenset = frozenset()

    @dataclasses.dataclass(frozen=True)
    class Other:
        title: str
        day: dt.date
        tags: frozenset = frozenset()

    row = Row("植树", dt.date(2024, 3, 5), frozenset({"b", "a"}))
    same = canonical([row, {"x": row}])
    assert canonical([Row("植树", dt.date(2024, 3, 5), frozenset({"a", "b"})), {"x": row}]) == same
    others = [
        Row("植树节", dt.date(2024, 3, 5), frozenset({"a", "b"})),
        Row("植树", dt.date(2024, 3, 6), frozenset({"a", "b"})),
        Row("植树", dt.date(2024, 3, 5), frozenset({"a"})),
        Other("植树", dt.date(2024, 3, 5), frozenset({"a", "b"})),
    ]
    keys = {canonical([o, {"x": row}]) for o in others}
    assert len(keys) == 4 and same not in keys
    # A dictionary whose keys JSON cannot sort goes the slower way, to the same forms.
    assert canonical({1: row, "a": 1}) == '{"1":' + canonical(row) + ',"a":1}'
    with pytest.raises(Unsure):
        canonical([row, object()])


def test_an_edit_is_kept_in_the_index_log_and_odd_log_lines_are_passed_over(demo, tmp_path):
    """A build after an edit appends the entries it changed to .cache/pages/index.jsonl (the
    whole index is not written again); the next build reuses every page from the index and its
    log. A restored log is untrusted: a line cut short, a line of another version and a line
    of entries of another shape are passed over, and the site is still a clean build's."""
    build(demo, tmp_path / "first")
    index = demo / ".cache/pages/index.json"
    log = demo / ".cache/pages/index.jsonl"
    before = index.read_bytes()
    page = demo / "docs/activities/2024/2024-07-10-高温送清凉.md"
    edit(page, "title: 高温“送清凉”慰问户外劳动者", "title: 高温“送清凉”慰问一线户外劳动者")
    reused, rendered = build(demo, tmp_path / "second")
    assert rendered == 3 and index.read_bytes() == before and log.is_file()
    activities = reused + rendered
    assert build(demo, tmp_path / "third") == (activities, 0)

    line = json.loads(log.read_text(encoding="utf-8").splitlines()[0])
    odd = {"version": line["version"], "pages": dict.fromkeys(line["pages"], {"key": 1, "size": "x"})}
    other = {**line, "version": -1}
    log.write_text(f"{json.dumps(odd)}\n{json.dumps(other)}\n{json.dumps(line)[:-7]}", encoding="utf-8")
    build(demo, tmp_path / "fourth")
    build(demo, tmp_path / "clean", cache=False)
    assert_same_site(tmp_path / "fourth", tmp_path / "clean")


def test_cache_files_nested_too_deep_are_a_miss_not_a_traceback(demo, tmp_path):
    """A restored .cache is untrusted: a file or a log line of JSON nested deeper than Python's
    reader goes (a RecursionError, not a ValueError) is passed over like any other forgery,
    and the site is still a clean build's."""
    build(demo, tmp_path / "first")
    edit(
        demo / "docs/activities/2024/2024-07-10-高温送清凉.md",
        "title: 高温“送清凉”慰问户外劳动者",
        "title: 高温“送清凉”慰问一线户外劳动者",
    )
    build(demo, tmp_path / "second")  # the logs exist now
    deep = "[" * 100_000 + "\n"
    for name in ("pages/index.jsonl", "search/segments.jsonl", "outputs/clean.json"):
        path = demo / ".cache" / name
        assert path.is_file(), name
        path.write_text(path.read_text(encoding="utf-8") + deep, encoding="utf-8")
    build(demo, tmp_path / "third")
    for name in ("pages/index.json", "search/segments.json", "search/entries.json"):
        path = demo / ".cache" / name
        if path.is_file():
            path.write_text(deep, encoding="utf-8")
    build(demo, tmp_path / "fourth")
    build(demo, tmp_path / "clean", cache=False)
    assert_same_site(tmp_path / "third", tmp_path / "clean")
    assert_same_site(tmp_path / "fourth", tmp_path / "clean")
