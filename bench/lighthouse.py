"""Lighthouse (mobile) scores of the demo's key pages, written to reports/lighthouse.{md,json}.

    npm ci --prefix tools/lighthouse        # once: Lighthouse 12.2.3, pinned (Node 20)
    python bench/lighthouse.py

Builds the demo, serves it on 127.0.0.1 the way GitHub Pages does (gzip, 10-minute cache
lifetime) and runs Lighthouse against Debian's Chromium. Scores are a record, not a test:
they move with the machine's load. `.ci/run` runs this before the test suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import CHROMIUM, FLAGS, Site  # noqa: E402

PAGES = {
    "首页": "",
    "创建动态": "timeline/",
    "图片展示": "gallery/",
    "数据统计": "stats/",
    "测评对照": "criteria/",
    "活动页面": "activities/2025/2025-10-11-%E7%A7%8B%E6%94%B6%E6%B5%8B%E4%BA%A7/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = REPO / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("没有安装 Lighthouse：请先运行 npm ci --prefix tools/lighthouse", file=sys.stderr)
        return 1
    out = Path(tempfile.mkdtemp(prefix="lh-site-")) / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    site = Site(out)
    reports = REPO / "reports"
    reports.mkdir(exist_ok=True)
    results = {}
    try:
        for name, path in PAGES.items():
            target = Path(tempfile.mkdtemp()) / "lh.json"
            subprocess.run(
                [
                    str(LIGHTHOUSE),
                    site.url + path,
                    "--quiet",
                    f"--chrome-flags={' '.join(FLAGS)}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--output=json",
                    f"--output-path={target}",
                ],
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                check=True,
                capture_output=True,
                timeout=300,
            )
            data = json.loads(target.read_text(encoding="utf-8"))
            audits = data["audits"]
            results[name] = {
                "scores": {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES},
                "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
                "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
                "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
                "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
                "bytes": audits["total-byte-weight"]["numericValue"],
            }
    finally:
        site.close()
    lines = [
        "# Lighthouse 12（移动端模拟）",
        "",
        "| 页面 | 性能 | 无障碍 | 最佳实践 | SEO | FCP | LCP | TBT | CLS | 总字节 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        s = r["scores"]
        lines.append(
            f"| {name} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} | "
            f"{r['fcp_ms']} ms | {r['lcp_ms']} ms | {r['tbt_ms']} ms | {r['cls']} | {r['bytes'] / 1024:.0f} KB |"
        )
    below = [f"{n}·{c} {v}" for n, r in results.items() for c, v in r["scores"].items() if v < 95]
    lines += ["", "全部 ≥ 95。" if not below else "低于 95：" + "，".join(below), ""]
    (reports / "lighthouse.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    (reports / "lighthouse.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
