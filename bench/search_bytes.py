"""What the site search costs visitors and deploys, on a synthetic unit.

    python bench/search_bytes.py [--activities 1000] [--out bench/results/search]

Generates the unit (bench/generate.py), builds it with `mkdocs build --strict`, serves it
on 127.0.0.1 the way GitHub Pages does (gzip) and, in headless Chromium:

- opens an activity page, lets it settle and scrolls: the search's requests (index, parts,
  worker, lunr) on a page load without interaction;
- opens the search box and types a Chinese word that only the index's segmentation makes
  findable, until the expected activity shows: the bytes of that first search.

Bytes are counted from the files each request names, gzip-compressed as the server sends
them (level 6), so the numbers do not depend on the machine's load. "Material as shipped"
is what the theme fetched before (on every page load): its one index file (as it writes
it: ``\\uXXXX`` escapes) plus the same worker and lunr files.

Then one activity's summary and text are edited, the unit is built again into a second
folder, and the deploy's own change detection (``deploy.scan_site``: content hashes) gives
the files and bytes a deploy sends (no gzip), in all, for the search and for the open data
(``api/``) alone.

``--before OLD.json`` (this script's results for an earlier version, run in the same
session: ``PYTHONPATH=<its src> python <its bench/search_bytes.py> --out OLD``) adds a table
comparing the two; the bytes do not depend on the machine, so one run of each is enough.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(HERE))

from browser import CHROMIUM, DESKTOP, FLAGS, Site  # noqa: E402
from generate import generate  # noqa: E402

from wenmingsite.outputs import (
    deploy,  # noqa: E402
    search_index,  # noqa: E402
)

SEARCH = ("search/", "assets/javascripts/workers/", "assets/javascripts/lunr/")
# "防控" stands inside "病虫害绿色防控": lunr matches the starts of words, so only jieba's
# segmentation of the index makes it findable.
QUERY, EXPECTED = "防控", "病虫害绿色防控"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def is_search(rel: str) -> bool:
    return rel.startswith(SEARCH)


def visit(site: Path, page_rel: str) -> dict:
    from playwright.sync_api import sync_playwright

    served = Site(site)
    requested: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            context = browser.new_context(viewport=DESKTOP)
            context.on("request", lambda r: requested.append(r.url))
            page = context.new_page()
            page.goto(served.url + urllib.parse.quote(page_rel))
            page.wait_for_load_state("networkidle")
            page.mouse.wheel(0, 800)
            page.wait_for_timeout(1500)
            at_load = list(requested)
            page.locator("input.md-search__input").click()
            box = page.locator("input.md-search__input")
            box.fill(QUERY)
            box.press("End")
            items = page.locator(".md-search-result__item h1")
            deadline = time.monotonic() + 120
            while not items.count():
                assert time.monotonic() < deadline, "no search results"
                page.wait_for_timeout(100)
            titles = [t.replace("\u200b", "") for t in items.all_inner_texts()]
            page.wait_for_load_state("networkidle")
            after = requested[len(at_load) :]
            browser.close()
    finally:
        served.close()

    def files(urls: list[str]) -> dict[str, int]:
        out = {}
        for url in urls:
            rel = urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
            if is_search(rel) and (site / rel).is_file():
                out[rel] = gz((site / rel).read_bytes())
        return out

    load, first = files(at_load), files(after)
    return {
        "page": page_rel,
        "load_files": load,
        "load_bytes": sum(load.values()),
        "first_search_files": first,
        "first_search_bytes": sum(first.values()),
        "found_expected": any(EXPECTED in t for t in titles),
        "results": len(titles),
    }


def index_sizes(site: Path) -> dict:
    whole = search_index.read(site)
    material = json.dumps(whole, separators=(",", ":")).encode()  # as Material writes it
    ours = [p.read_bytes() for p in sorted((site / "search").glob("*.json"))]
    return {
        "material_bytes": len(material),
        "material_gzip": gz(material),
        "utf8_bytes": sum(map(len, ours)),
        "utf8_gzip": sum(map(gz, ours)),
        "parts": len(ours) - 1,
        "largest_part_bytes": max(map(len, ours)),
        "docs": len(whole["docs"]),
    }


def material_first_search(site: Path, sizes: dict, search_files: dict[str, int]) -> int:
    """What Material as shipped fetched on every page load: its index and the same scripts."""
    scripts = sum(n for rel, n in search_files.items() if not rel.startswith("search/"))
    return sizes["material_gzip"] + scripts


def one_edit(root: Path, work: Path, activities: int) -> dict:
    first = {f.rel: f for f in deploy.scan_site(work / "site1")}
    page = sorted((root / "docs" / "activities").rglob("*.md"))[activities // 2]
    text = page.read_text(encoding="utf-8")
    text = text.replace("summary: ", "summary: （已更新）", 1) + "\n补充：活动照片和签到表已归档。\n"
    page.write_text(text, encoding="utf-8")
    deploy.build_site(root, work / "site2")
    second = {f.rel: f for f in deploy.scan_site(work / "site2")}
    changed = {rel: f.size for rel, f in second.items() if rel not in first or first[rel].sha256 != f.sha256}
    return {
        "edited_page": page.relative_to(root).as_posix(),
        "files": len(changed),
        "bytes": sum(changed.values()),
        "search_bytes": sum(n for rel, n in changed.items() if is_search(rel)),
        "other_bytes": sum(n for rel, n in changed.items() if not is_search(rel)),
        "changed": dict(sorted(changed.items(), key=lambda kv: -kv[1])),
    }


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def edit_shares(e: dict) -> dict[str, int]:
    """A one-activity deploy's bytes by what the files are (also for results of earlier versions)."""
    shares = {"search": 0, "api": 0, "print": 0, "listings": 0, "page": 0}
    for rel, n in e["changed"].items():
        if is_search(rel):
            shares["search"] += n
        elif rel.startswith("api/"):
            shares["api"] += n
        elif rel.startswith("print/"):
            shares["print"] += n
        elif rel == e["edited_page"].replace("docs/", "", 1).removesuffix(".md") + "/index.html":
            shares["page"] += n
        else:
            shares["listings"] += n
    return shares


def compared(r: dict, before: dict) -> list[str]:
    now, old = r["one_edit"], before["one_edit"]
    a, b = edit_shares(old), edit_shares(now)
    rows = [
        (
            "第一次中文搜索下载的字节（gzip）",
            kb(before["visit"]["first_search_bytes"]),
            kb(r["visit"]["first_search_bytes"]),
        ),
        ("搜索索引分片", f"{before['index']['parts']} 个", f"{r['index']['parts']} 个"),
        (
            "改一项活动后发布的字节（不压缩）",
            f"{kb(old['bytes'])}（{old['files']} 个文件）",
            f"{kb(now['bytes'])}（{now['files']} 个文件）",
        ),
        ("其中开放数据 `api/`", kb(a["api"]), kb(b["api"])),
        ("其中搜索索引", kb(a["search"]), kb(b["search"])),
        ("其中打印版 `/print/`", kb(a["print"]), kb(b["print"])),
        ("其中显示摘要的列表页", kb(a["listings"]), kb(b["listings"])),
        ("其中活动页面本身", kb(a["page"]), kb(b["page"])),
    ]
    return [
        f"## 与上一版对比（{r.get('before_label') or '上一版'}，同一次会话中运行本脚本）",
        "",
        "| 指标 | 上一版 | 本版 |",
        "|---|---|---|",
        *(f"| {name} | {x} | {y} |" for name, x, y in rows),
        "",
    ]


def report(r: dict) -> str:
    s, v, e = r["index"], r["visit"], r["one_edit"]
    lines = [
        "# 站内搜索的字节数（bench/search_bytes.py）",
        "",
        f"合成单位 {r['activities']} 项活动（bench/generate.py），`mkdocs build --strict`，Chromium 桌面视口，"
        "按 GitHub Pages 的方式 gzip（级别 6）计字节；字节数由请求的文件算出，不受机器负载影响。"
        f"打开的页面：`{v['page']}`；搜索词“{QUERY}”（只有分词后才能搜到，期望结果“{EXPECTED}”："
        f"{'找到' if v['found_expected'] else '没有找到'}，共 {v['results']} 条）。",
        "",
        "| 指标 | Material 原样 | 本版 | 目标 |",
        "|---|---|---|---|",
        f"| 打开页面、不操作时搜索下载的字节 | {kb(r['material_load_bytes'])} | {kb(v['load_bytes'])} | 0 |",
        f"| 第一次中文搜索下载的字节 | {kb(r['material_load_bytes'])}（已在打开页面时下载）"
        f" | {kb(v['first_search_bytes'])} | ≤ 200 KB |",
        f"| 索引大小（不压缩） | {kb(s['material_bytes'])}（\\uXXXX 转义） | {kb(s['utf8_bytes'])}（UTF-8，"
        f"{s['parts']} 个分片，最大 {kb(s['largest_part_bytes'])}） | |",
        f"| 索引大小（gzip） | {kb(s['material_gzip'])} | {kb(s['utf8_gzip'])} | |",
        f"| 改一项活动后发布的字节（不压缩） | {kb(r['material_edit_bytes'])} | {kb(e['bytes'])}"
        f"（{e['files']} 个文件） | ≤ 1 MB |",
        f"| 其中搜索索引 | {kb(s['material_bytes'])} | {kb(e['search_bytes'])} | |",
        "",
        "第一次搜索下载的文件：" + "，".join(f"`{k}` {kb(n)}" for k, n in v["first_search_files"].items()),
        "",
        "改一项活动后变化的文件：" + "，".join(f"`{k}` {kb(n)}" for k, n in e["changed"].items()),
        "",
        f"发布字节中搜索索引以外的部分（{kb(e['other_bytes'])}）来自上面列出的其他文件，与搜索无关；"
        f"只看搜索，改一项活动重新发送 {kb(e['search_bytes'])}（一个分片），Material 原样为整份索引 "
        f"{kb(s['material_bytes'])}。",
        "",
    ]
    if r.get("before"):
        lines += compared(r, r["before"])
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--out", type=Path, help="write OUT.json and OUT.md")
    parser.add_argument("--before", type=Path, help="results of an earlier version, to compare with")
    parser.add_argument("--before-label", default="", help="what the earlier version is (a commit)")
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    work = Path(tempfile.mkdtemp(prefix="wenming-bench-search-"))
    try:
        root = generate(work / "unit", args.activities)
        deploy.build_site(root, work / "site1")
        site = work / "site1"
        activity = sorted(p for p in site.glob("activities/*/*/index.html"))[args.activities // 3]
        results: dict = {"activities": args.activities, "index": index_sizes(site)}
        results["visit"] = visit(site, activity.parent.relative_to(site).as_posix() + "/")
        results["material_load_bytes"] = material_first_search(
            site, results["index"], results["visit"]["first_search_files"]
        )
        results["one_edit"] = one_edit(root, work, args.activities)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    e = results["one_edit"]
    results["material_edit_bytes"] = e["other_bytes"] + results["index"]["material_bytes"]
    e["shares"] = edit_shares(e)
    if args.before:
        results["before_label"] = args.before_label
        results["before"] = json.loads(args.before.read_text("utf-8"))
    print(json.dumps(results, ensure_ascii=False, indent=1))
    if args.out:
        args.out.with_suffix(".json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
        args.out.with_suffix(".md").write_text(report(results), "utf-8")


if __name__ == "__main__":
    main()
