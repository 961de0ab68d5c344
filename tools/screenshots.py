"""Screenshots of the demo as a visitor sees it, for the README.

    python tools/screenshots.py            # writes guide/images/showcase/*.jpg

Builds the demo with `mkdocs build --strict` into a temporary folder, serves it on
127.0.0.1 the way GitHub Pages does, and photographs the home page, the timeline, the
gallery, an album, an activity with its lightbox open and the statistics, on a phone
(390×844) and a desktop (1366×900), with Debian's Chromium through Playwright. The first
screen only: what a visitor sees before scrolling.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser import CHROMIUM, FLAGS, Site  # noqa: E402

OUT = REPO / "guide" / "images" / "showcase"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


def pages(site_dir: Path) -> dict[str, str]:
    """Name -> path of each page photographed; the album and activity are the demo's
    newest album and the activity with the most photos (read from api/photos.json)."""
    import json
    from collections import Counter

    photos = json.loads((site_dir / "api/photos.json").read_text(encoding="utf-8"))["photos"]
    busiest = Counter(p["activity"] for p in photos).most_common(1)[0][0]
    newest_year = max(p["date"][:4] for p in photos)
    return {
        "home": "",
        "timeline": "timeline/",
        "gallery": "gallery/",
        "album": f"gallery/{newest_year}/",
        "activity": f"activities/{busiest}/",
        "stats": "stats/",
        "report": "report/" + min(p.parent.name for p in (site_dir / "report").glob("*/index.html")) + "/",
        "knowledge": "knowledge/",
        "volunteer": "volunteer/",
        "notices": "notices/",
        "people": "people/",
        "festivals": "festivals/",
    }


def main() -> int:
    from PIL import Image
    from playwright.sync_api import sync_playwright

    site_dir = Path(tempfile.mkdtemp(prefix="shots-")) / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    OUT.mkdir(parents=True, exist_ok=True)
    site = Site(site_dir)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for device, viewport in VIEWPORTS.items():
                context = browser.new_context(viewport=viewport, device_scale_factor=1)
                page = context.new_page()
                for name, path in pages(site_dir).items():
                    page.goto(site.url + path)
                    page.wait_for_load_state("networkidle")
                    shots = [(name, None)]
                    if name == "activity":
                        shots.append(("lightbox", ".ws-photo a.glightbox"))
                    if name == "home":  # 长者模式 on; the choice is remembered, so it is turned off after
                        shots.append(("elder", ".ws-elder-toggle"))
                    for shot, click in shots:
                        if click and shot == "lightbox":
                            page.locator(click).first.click()
                            page.locator(".gslide.current img").wait_for(state="visible")
                            page.wait_for_timeout(800)  # the opening animation
                        elif click:
                            page.locator(click).first.click()
                        png = page.screenshot()
                        target = OUT / f"{shot}-{device}.jpg"
                        with Image.open(io.BytesIO(png)) as im:
                            im.convert("RGB").save(target, "JPEG", quality=82, optimize=True, progressive=True)
                        written.append(target)
                        if shot == "elder":
                            page.locator(".ws-elder-toggle").click()
                context.close()
            browser.close()
    finally:
        site.close()
    for target in written:
        print(f"{target.relative_to(REPO)}  {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
