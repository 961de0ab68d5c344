"""`mkdocs serve` rebuilds incrementally, and every rebuild equals a clean build.

The bundled demo is rebuilt the way serve rebuilds it (one process, a fresh configuration
per build) after each of a series of edits an editor makes; after every edit, each output
file must be byte for byte what a clean `mkdocs build` of the same files writes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import HANG_SECONDS, TODAY, copy_demo

SERVE_URL = "http://127.0.0.1:8123/"
# Gzip headers carry the time of writing; the sitemap itself is compared as XML.
VOLATILE = {"sitemap.xml.gz"}


class Rebuilds:
    def __init__(self, root: Path, out: Path, **extra_env: str):
        self.root, self.out, self.count = root, out, 0
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat(), **extra_env}
        out.mkdir(parents=True, exist_ok=True)
        self.log = out / "serve_rebuilds.log"  # a file, not a pipe nobody reads while it builds (it would fill)
        with open(self.log, "wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("serve_rebuilds.py")), str(root), SERVE_URL],
                cwd=root,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
            )

    def build(self) -> tuple[Path, dict]:
        self.count += 1
        dest = self.out / f"serve-{self.count}"
        self.proc.stdin.write(f"build {dest}\n")
        self.proc.stdin.flush()
        # Waits for the build's answer however long it takes; only a hang is cut off (the
        # process is killed, so the read ends and the test fails with its messages).
        watchdog = threading.Timer(HANG_SECONDS, self.proc.kill)
        watchdog.start()
        try:
            line = self.proc.stdout.readline()
        finally:
            watchdog.cancel()
        assert line, (
            f"no answer from serve_rebuilds.py (a hang is killed after {HANG_SECONDS} s):\n"
            + self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
        )
        return dest, json.loads(line)

    def close(self):
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=HANG_SECONDS)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


def clean_build(root: Path, dest: Path, strict: bool = True) -> Path:
    # Serve builds are the editors' preview (gaps shown): compare with a clean build of that view.
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "WENMING_TODAY": TODAY.isoformat(),
        "SITE_URL": SERVE_URL,
    }
    # The same configuration with the plugin's preview setting on, beside it.
    preview = root / "mkdocs-preview.yml"
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    preview.write_text(re.sub(r"(?m)^  - wenming\b.*$", "  - wenming:\n      preview: true", text), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            *(["--strict"] if strict else []),
            "-f",
            str(preview),
            "--site-dir",
            str(dest),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return dest


def assert_same_site(served: Path, clean: Path) -> None:
    served_files = {p.relative_to(served).as_posix() for p in served.rglob("*") if p.is_file()}
    clean_files = {p.relative_to(clean).as_posix() for p in clean.rglob("*") if p.is_file()}
    assert served_files == clean_files, (
        f"only in serve: {sorted(served_files - clean_files)[:10]}; "
        f"only in clean build: {sorted(clean_files - served_files)[:10]}"
    )
    differ = [
        rel
        for rel in sorted(clean_files)
        if rel not in VOLATILE and (served / rel).read_bytes() != (clean / rel).read_bytes()
    ]
    assert not differ, f"{len(differ)} files differ from a clean build, e.g. {differ[:10]}"


def reuse(result: dict) -> tuple[int, int]:
    """(pages regenerated, pages reused) from the hook's log line."""
    for line in result["log"]:
        if m := re.search(r"预览增量重建：(\d+) 页重新生成.*?(\d+) 页未受影响", line):
            return int(m.group(1)), int(m.group(2))
    raise AssertionError(f"no incremental rebuild line in {result['log']}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def rebuilds(tmp_path, demo_root):
    root = copy_demo(tmp_path, cache_from=demo_root)  # photos ready: the rebuilds are what is tested
    for page in (root / "docs/activities").rglob("*.md"):
        if "\ndraft: true\n" in page.read_text(encoding="utf-8"):
            page.unlink()  # drafts are previewed by serve only, by design
    r = Rebuilds(root, tmp_path / "out")
    yield r
    r.close()


def test_every_serve_rebuild_equals_a_clean_build(rebuilds, tmp_path):
    root = rebuilds.root
    step = 0

    def check(strict: bool = True) -> dict:
        nonlocal step
        step += 1
        served, result = rebuilds.build()
        assert_same_site(served, clean_build(root, tmp_path / f"clean-{step}", strict))
        return result

    first = check()
    regenerated, reused = reuse(first)
    assert reused == 0 and regenerated > 40  # nothing to reuse on the first build

    # An editor fixes a title: the page, its neighbours, listings, search and feed change.
    page = root / "docs/activities/2025/2025-01-09-冬季果树修剪培训.md"
    edit(page, "title: 冬季果树修剪技术培训", "title: 冬季果树修剪与清园技术培训")
    regenerated, reused = reuse(check())
    assert 0 < regenerated < reused, (regenerated, reused)

    # Moves it to another year and category.
    edit(page, "date: 2025-01-09", "date: 2024-12-27")
    edit(page, "category: 业务服务", "category: 志愿服务")
    check()

    # Adds an activity that links to another one; saves the same text again (no change).
    (root / "docs/activities/2026/2026-02-10-春耕备耕讲座.md").write_text(
        "---\ntitle: 春耕备耕技术讲座\ndate: 2026-02-10\ncategory: 业务服务\nparticipants: 80\n---\n\n"
        "讲座前情见[冬季培训](../2025/2025-01-09-冬季果树修剪培训.md)。\n",
        encoding="utf-8",
    )
    check()
    _, result = rebuilds.build()
    assert reuse(result)[0] == 0, "an unchanged site must reuse every page"

    # Replaces a document with a new version (the same name, other bytes): copied again.
    documents = sorted((root / "docs/documents").glob("*.pdf"))
    documents[0].write_bytes(documents[1].read_bytes())
    check()

    # Deletes an activity.
    (
        root / "docs/activities/2025/2025-07-29-防暑降温慰问.md"
    ).unlink()  # a page without photos (its photos would be orphans)
    check()

    # Renames a report section: its title is in the navigation of every page.
    edit(
        root / "docs/report/03-宣传氛围.md",
        "title: 三、弘扬核心价值观，营造浓厚宣传氛围",
        "title: 三、弘扬核心价值观，营造良好宣传氛围",
    )
    regenerated, reused = reuse(check())
    assert reused == 0, "a navigation title changes every page"

    # Edits the unit's data.
    edit(root / "data/unit.yml", "name: 青溪市农业技术推广中心", "name: 青溪市农业技术服务中心")
    check()

    # Edits the body of a report section only.
    edit(root / "docs/report/03-宣传氛围.md", "宣传栏、公益广告牌12处", "宣传栏、公益广告牌14处")
    check()

    # Deletes the page the new activity links to: its unchanged text now converts to a
    # broken link, and the preview says so again (a strict build would stop here). Its photos
    # go with it (photos no page lists are refused).
    page.unlink()
    shutil.rmtree(page.with_suffix(""), ignore_errors=True)
    result = check(strict=False)
    assert any("2025-01-09-冬季果树修剪培训.md" in line and "春耕备耕讲座" in line for line in result["log"]), result[
        "log"
    ]


def test_full_rebuild_can_be_forced(tmp_path, demo_root):
    """WENMING_INCREMENTAL=0 (the benchmark's comparison) rebuilds everything every time."""
    r = Rebuilds(copy_demo(tmp_path, cache_from=demo_root), tmp_path / "out", WENMING_INCREMENTAL="0")
    try:
        r.build()
        _, result = r.build()
        assert not any("预览增量重建" in line for line in result["log"]), result["log"]
    finally:
        r.close()


def test_a_rebuild_writes_only_the_pages_that_changed(rebuilds):
    """The preview's folder keeps every page whose bytes are unchanged: it is neither deleted
    nor written again (its time stays), and a deleted page's file goes."""
    first, _ = rebuilds.build()
    page = rebuilds.root / "docs/activities/2025/2025-01-09-冬季果树修剪培训.md"
    edit(page, "title: 冬季果树修剪技术培训", "title: 冬季果树修剪与清园技术培训")
    second, _ = rebuilds.build()
    pages = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.html"))
    changed = [r for r in pages if (first / r).read_bytes() != (second / r).read_bytes()]
    rewritten = [r for r in pages if (first / r).stat().st_mtime_ns != (second / r).stat().st_mtime_ns]
    assert rewritten == changed
    # The rest too: the theme's and the site's assets, icons, documents, JSON and search
    # parts are written only when their bytes changed; what other plugins write themselves
    # at every build (the lightbox's files, the theme's whole search index before it is split,
    # MkDocs' sitemap) is rewritten, and nothing else.
    others = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file() and p.suffix != ".html")
    assert len(others) > 40, others
    differ = [r for r in others if (first / r).read_bytes() != (second / r).read_bytes()]
    written = [r for r in others if (first / r).stat().st_mtime_ns != (second / r).stat().st_mtime_ns]
    by_others = {
        "assets/javascripts/glightbox.min.js",
        "assets/stylesheets/glightbox.min.css",
        "search/search_index.json",
        "sitemap.xml",
        "sitemap.xml.gz",
    }
    assert sorted(set(written) - by_others) == differ, (written, differ)
    assert "search/part-00.json" in differ and "assets/wenming/wenming.css" not in written
    assert "activities/2025/2025-01-09-冬季果树修剪培训/index.html" in changed
    assert 3 <= len(changed) < len(pages) // 4, changed

    (rebuilds.root / "docs/activities/2025/2025-07-29-防暑降温慰问.md").unlink()
    third, _ = rebuilds.build()
    assert (second / "activities/2025/2025-07-29-防暑降温慰问/index.html").is_file()
    assert not (third / "activities/2025/2025-07-29-防暑降温慰问").exists()


def test_serve_rebuilds_of_listings_in_parts_equal_a_clean_build(rebuilds, tmp_path):
    """Listings over the limit are in parts, each rendered again in serve only when something
    it shows changed (its headlines, their cover photos, its neighbours, the filter's
    categories): after each edit every part equals a clean build's."""
    root = rebuilds.root
    edit(root / "mkdocs.yml", "  - wenming ", "  - wenming:\n      listing_limit: 4\n#")
    step = 0

    def check() -> None:
        nonlocal step
        step += 1
        served, _ = rebuilds.build()
        assert_same_site(served, clean_build(root, tmp_path / f"clean-{step}"))
        assert (served / "timeline/2025/01/index.html").is_file(), "the demo's 2025 is not in parts"

    check()
    # A headline's title; then its cover photo (the same name, other pixels).
    page = root / "docs/activities/2025/2025-01-09-冬季果树修剪培训.md"
    edit(page, "title: 冬季果树修剪技术培训", "title: 冬季果树修剪与清园技术培训")
    check()
    cover = root / "docs/activities/2025/2025-01-09-冬季果树修剪培训/pruning-1.jpg"
    cover.write_bytes(next((root / "docs/activities/2025/2025-03-05-学雷锋服务月").glob("*.jpg")).read_bytes())
    check()
    # A criterion renamed in data/criteria.yml: every part's filter offers the new name, no
    # headline or address changes. Then a category added (a new address for its page).
    edit(root / "data/criteria.yml", "name: 文化体育活动", "name: 文化体育和健身活动")
    edit(root / "docs/report/06-文体活动.md", "criteria: [文化体育活动,", "criteria: [文化体育和健身活动,")
    check()
    with open(root / "data/categories.yml", "a", encoding="utf-8") as f:
        f.write("- name: 理论宣讲\n  slug: lectures\n  description: 理论宣讲。\n  criteria: [ideals]\n")
    check()
    # An activity deleted (a page without photos): its month's part and its neighbours change.
    (root / "docs/activities/2025/2025-07-29-防暑降温慰问.md").unlink()
    check()


def test_a_long_serve_session_keeps_what_two_builds_rendered_not_every_build(rebuilds):
    """Rendered blocks and listing parts are kept for the next rebuild by what they show,
    including the site's URL map: a save that adds a page changes every such key. What a
    rebuild no longer asks for is dropped at the one after, so the memory a serve session
    holds stays that of about two builds however many pages an editor adds (it grew by a
    whole site's listings with each added page)."""
    root = rebuilds.root
    edit(root / "mkdocs.yml", "  - wenming ", "  - wenming:\n      listing_limit: 4\n#")  # listings in parts
    _, first = rebuilds.build()
    source = root / "docs/activities/2025/2025-01-09-冬季果树修剪培训.md"
    text = source.read_text(encoding="utf-8")
    sizes = []
    for i in range(4):
        added = source.with_name(f"2025-01-1{i}-新增活动{i}.md")
        added.write_text(text.replace("title: 冬季果树修剪技术培训", f"title: 新增活动{i}"), encoding="utf-8")
        _, result = rebuilds.build()
        sizes.append(result["kept"])
    assert first["kept"] > 0
    assert max(sizes) <= 2.2 * first["kept"], (first["kept"], sizes)


def test_serve_rebuilds_with_new_icons_and_another_plugin_equal_a_clean_build(rebuilds, tmp_path):
    """The icons drawn from the unit's short name are drawn again when it changes (serve keeps
    them otherwise); with a hook besides the plugins this package knows, the unchanged pages
    go through MkDocs' page build again, and every rebuild still equals a clean build."""
    root = rebuilds.root
    favicon = "assets/wenming/icons/favicon-32.png"
    step = 0

    def check() -> tuple[Path, dict]:
        nonlocal step
        step += 1
        served, result = rebuilds.build()
        assert_same_site(served, clean_build(root, tmp_path / f"clean-{step}"))
        return served, result

    first, _ = check()
    edit(root / "data/unit.yml", "short_name: 青溪农技中心", "short_name: 农技中心")
    second, _ = check()
    assert (first / favicon).read_bytes() != (second / favicon).read_bytes()

    # A hook that marks every page and lists the pages it saw: a serve rebuild puts every
    # page through it again, as a clean build does.
    (root / "hooks.py").write_text(
        "import os\n"
        "seen = []\n"
        "def on_pre_build(config):\n    seen.clear()\n"
        "def on_post_page(output, page, config):\n"
        "    seen.append(page.url)\n"
        "    return output.replace('</body>', '<!-- 钩子 --></body>', 1)\n"
        "def on_post_build(config):\n"
        "    with open(os.path.join(config.site_dir, 'pages.txt'), 'w', encoding='utf-8') as f:\n"
        "        f.write('\\n'.join(sorted(seen)))\n",
        encoding="utf-8",
    )
    edit(root / "mkdocs.yml", "plugins:", "hooks:\n  - hooks.py\nplugins:")
    check()
    edit(
        root / "docs/activities/2025/2025-01-09-冬季果树修剪培训.md",
        "title: 冬季果树修剪技术培训",
        "title: 冬季果树修剪与清园技术培训",
    )
    served, result = check()
    regenerated, reused = reuse(result)
    assert 0 < regenerated < reused, (regenerated, reused)
    assert "<!-- 钩子 --></body>" in (served / "timeline/index.html").read_text(encoding="utf-8")
    assert len((served / "pages.txt").read_text(encoding="utf-8").splitlines()) == regenerated + reused
