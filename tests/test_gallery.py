"""Galleries and photo grids of the demo, the published files themselves, and a build
killed halfway through its photos."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from collections import Counter
from html import unescape

import pytest
import yaml
from conftest import REPO, TODAY, copy_demo, metadata_blocks, run_mkdocs
from PIL import Image

from wenmingsite.outputs.api import read_activities

RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif")
HANG_SECONDS = 600  # waits fail only on a hang, never because the machine is slow


@pytest.fixture(scope="module")
def demo(demo_build):
    return demo_build.site, demo_build.api("photos.json")["photos"]


def front_matter_photos() -> list[tuple[str, str]]:
    """(page, caption) of every photo listed in the demo's published activity pages."""
    out = []
    for md in sorted((REPO / "docs/activities").rglob("*.md")):
        meta = yaml.safe_load(md.read_text(encoding="utf-8").split("---")[1])
        if meta.get("draft"):
            continue
        out += [(md.stem, p["caption"]) for p in meta.get("photos") or []]
    return out


def test_photos_json_lists_every_published_photo(demo):
    site, photos = demo
    expected = front_matter_photos()
    assert len(photos) == len(expected) >= 8
    assert Counter(p["caption"] for p in photos) == Counter(c for _, c in expected)
    for p in photos:
        assert set(p["outputs"]) == {"d1600", "t800", "t800j", "t400"}
        for o in p["outputs"].values():
            with Image.open(site / o["url"]) as im:
                assert im.size == (o["width"], o["height"])


def test_no_published_file_carries_exif_and_no_original_is_published(demo):
    site, _ = demo
    originals = {p.stat().st_size for p in (REPO / "docs").rglob("*") if p.suffix.lower() in RASTER}
    published = [p for p in site.rglob("*") if p.suffix.lower() in RASTER]
    assert len(published) >= 36
    for p in published:
        assert p.stat().st_size not in originals, p
        with Image.open(p) as im:
            assert len(im.getexif()) == 0, p
            assert not {"exif", "xmp", "XML:com.adobe.xmp"} & set(im.info), p
        assert metadata_blocks(p.read_bytes()) == [], p


def test_activity_page_shows_its_photos_in_a_lightbox_grid(demo):
    site, photos = demo
    page_dir = site / "activities/2024/2024-03-05-学雷锋进田间"
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="ws-photo" style="--r: ([\d.]+)">(.*?)</figure>', html, re.S)
    mine = [p for p in photos if p["activity"] == "2024/2024-03-05-学雷锋进田间"]
    assert len(figures) == len(mine) == 2
    for (ratio, fig), photo in zip(figures, mine, strict=True):
        # The grid gives each photo its own shape (width over height, as published).
        assert float(ratio) == pytest.approx(photo["width"] / photo["height"], abs=1e-4)
        # No pixel size for glightbox: it would set it on the opened photo and crop it on a phone.
        link = re.search(
            r'<a class="glightbox" href="([^"]+)" data-type="image" data-gallery="([^"]+)">'
            r'\s*<span class="glightbox-desc" hidden>([^<]+)</span>',
            fig,
        )
        assert link, fig
        assert (page_dir / link.group(1)).resolve() == (site / photo["outputs"]["d1600"]["url"]).resolve()
        assert unescape(link.group(3)) == photo["caption"]
        srcset = re.search(r'<source type="image/webp" srcset="([^"]+) 400w, ([^"]+) 800w" sizes="[^"]+">', fig)
        assert srcset, fig
        assert (page_dir / srcset.group(1)).resolve() == (site / photo["outputs"]["t400"]["url"]).resolve()
        assert (page_dir / srcset.group(2)).resolve() == (site / photo["outputs"]["t800"]["url"]).resolve()
        img = re.search(
            r'<img src="([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]+)" loading="lazy" decoding="async">', fig
        )
        assert img, fig
        assert unescape(img.group(4)) == photo["caption"]  # the caption serves as alt
        assert (int(img.group(2)), int(img.group(3))) == (
            photo["outputs"]["t800j"]["width"],
            photo["outputs"]["t800j"]["height"],
        )
        assert f"<figcaption>{photo['caption']}</figcaption>" in fig
    # The rotated original (EXIF orientation 6) is published upright, landscape.
    assert all(p["width"] == 4000 and p["height"] == 3000 for p in mine)
    assert "glightbox.min.js" in html
    # Pages without pictures do not load the lightbox script.
    assert "glightbox.min.js" not in (site / "criteria/index.html").read_text(encoding="utf-8")


def test_albums_by_year_and_category_agree_with_photos_json(demo):
    site, photos = demo
    records = {r["id"]: r for r in read_activities(site)}
    index = (site / "gallery/index.html").read_text(encoding="utf-8")
    assert f"共 <strong>{len(photos)}</strong> 张照片" in index
    by_year = Counter(p["date"][:4] for p in photos)
    by_category = Counter(records[p["activity"]]["category_slug"] for p in photos)
    for key, count in list(by_year.items()) + list(by_category.items()):
        album = (site / f"gallery/{key}/index.html").read_text(encoding="utf-8")
        assert album.count('<figure class="ws-photo" ') == count, key
        assert f"共 {count} 张照片" in album


def test_album_covers_on_the_gallery_page_are_all_different(demo):
    site, photos = demo
    records = {r["id"]: r for r in read_activities(site)}
    index = (site / "gallery/index.html").read_text(encoding="utf-8")
    albums = re.findall(
        r'<li>\s*<a href="([^"]+)">\s*<picture>\s*<source type="image/webp" srcset="([^" ]+) 400w', index
    )
    keys = {p["date"][:4] for p in photos} | {records[p["activity"]]["category_slug"] for p in photos}
    assert sorted(href.strip("/") for href, _ in albums) == sorted(keys)
    covers = [cover for _, cover in albums]
    assert len(photos) >= len(albums) and len(set(covers)) == len(covers), albums
    for href, cover in albums:  # each cover is a photo of its own album
        album = (site / "gallery" / href / "index.html").read_text(encoding="utf-8")
        assert f'srcset="../{cover} 400w' in album, (href, cover)


def test_distinct_covers_finds_a_cover_for_every_album_where_a_greedy_choice_would_not():
    """Album A has photos x and y, album B only x: B gets x, A takes y. An album whose
    photos are all taken keeps its favourite (a repeat is then unavoidable)."""
    from wenmingsite.gate.images import Published
    from wenmingsite.loading.records import Photo
    from wenmingsite.pages.gallery import Album, Shot, distinct_covers

    def shot(name, w=400, h=300):
        photo = Photo(f"activities/{name}.jpg", name, None, "docs/x.md", 1)
        return Shot(photo, None, Published(name, w, h, {}))

    x, y, tall = shot("x"), shot("y"), shot("tall", 300, 400)
    a = Album("a", "A", "gallery/a/index.md", ((None, (x, tall, y)),))
    b = Album("b", "B", "gallery/b/index.md", ((None, (x,)),))
    c = Album("c", "C", "gallery/c/index.md", ((None, (x,)),))
    assert [al.cover.published.key for al in distinct_covers([a, b])] == ["y", "x"]
    # Landscape photos first (cover tiles are landscape), then the newest.
    assert distinct_covers([a])[0].cover is x
    assert [al.cover.published.key for al in distinct_covers([a, b, c])] == ["y", "x", "x"]


def test_timeline_shows_a_cover_for_activities_with_photos(demo):
    site, photos = demo
    page = (site / "timeline/2024/index.html").read_text(encoding="utf-8")
    item = re.search(
        r'<li class="ws-tl__item[^>]*>(?:(?!</li>).)*学雷锋日“技术进田间”志愿服务.*?</li>', page, re.S
    ).group(0)
    cover = re.search(r'<picture class="ws-news__thumb"><source type="image/webp" srcset="([^"]+)">', item)
    first = next(p for p in photos if p["activity"] == "2024/2024-03-05-学雷锋进田间")
    assert (
        cover
        and (site / "timeline/2024" / cover.group(1)).resolve() == (site / first["outputs"]["t400"]["url"]).resolve()
    )


def test_a_photo_that_cannot_be_read_names_its_entry(site):
    root = site(
        {
            "docs/activities/2024-03-05-plant.md": "---\ntitle: 植树\ndate: 2024-03-05\ncategory: 志愿服务\nphotos:\n"
            "  - src: plant/cut.jpg\n    caption: 现场\n---\n正文\n"
        }
    )
    (root / "docs/activities/plant").mkdir(parents=True)
    (root / "docs/activities/plant/cut.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"docs/activities/2024-03-05-plant.md:6: 第 1 张照片“activities/plant/cut.jpg”：", result.stderr)


def _photo_unit(site, photos: dict[str, bytes]):
    """A unit with one activity showing ``photos`` (name -> file bytes)."""
    listed = "".join(f"  - src: plant/{name}\n    caption: 现场 {i}\n" for i, name in enumerate(photos, 1))
    root = site(
        {
            "docs/activities/2024-03-05-plant.md": "---\ntitle: 植树\ndate: 2024-03-05\ncategory: 志愿服务\n"
            f"photos:\n{listed}---\n正文\n"
        }
    )
    (root / "docs/activities/plant").mkdir(parents=True)
    for name, data in photos.items():
        (root / "docs/activities/plant" / name).write_bytes(data)
    return root


def _jpeg(size: tuple[int, int], colour: tuple[int, int, int], orientation: int = 1) -> bytes:
    import io

    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def test_a_first_builds_photos_are_the_next_builds(site, tmp_path):
    """A first build makes its photos' variants while it renders the pages: its site is the
    one the next build (every variant already made) writes, byte for byte, and every variant
    has the size its page and photos.json give (a phone photo turned upright)."""
    root = _photo_unit(
        site,
        {
            "wide.jpg": _jpeg((2400, 1200), (200, 40, 40)),
            "turned.jpg": _jpeg((900, 600), (40, 200, 40), orientation=6),
            "small.jpg": _jpeg((300, 200), (40, 40, 200)),
        },
    )
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_mkdocs(root, "build", "--strict", "--site-dir", str(first)).returncode == 0
    assert run_mkdocs(root, "build", "--strict", "--site-dir", str(second)).returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    photos = json.loads((first / "api/photos.json").read_text(encoding="utf-8"))["photos"]
    sizes = {p["caption"]: (p["width"], p["height"]) for p in photos}
    assert sizes == {"现场 1": (2400, 1200), "现场 2": (600, 900), "现场 3": (300, 200)}
    page = (first / "activities/2024-03-05-plant/index.html").read_text(encoding="utf-8")
    for p in photos:
        for o in p["outputs"].values():
            with Image.open(first / urllib.parse.unquote(o["url"])) as im:
                assert im.size == (o["width"], o["height"])
        grid = p["outputs"]["t800j"]
        assert f'{grid["url"]}" width="{grid["width"]}" height="{grid["height"]}"' in page


def test_a_photo_damaged_past_its_header_stops_the_build(site, tmp_path):
    """A JPEG cut short after its header reads as a photo of its size until it is decoded:
    the build still fails with the place that shows it, and the last good site stays."""
    good = _jpeg((1600, 1200), (120, 120, 30))
    root = _photo_unit(site, {"good.jpg": good, "cut.jpg": _jpeg((1600, 1200), (30, 120, 120))[:700]})
    (root / "site").mkdir()
    (root / "site/index.html").write_text("上一次的网站", encoding="utf-8")
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(
        r"docs/activities/2024-03-05-plant.md:8: 第 2 张照片“activities/plant/cut.jpg”：照片文件不完整或已损坏，无法读取（",
        result.stderr,
    ), result.stderr[-2000:]
    assert (root / "site/index.html").read_text(encoding="utf-8") == "上一次的网站"


def test_killed_cold_build_then_normal_build_gives_a_correct_site(tmp_path):
    """Killed mid-write, at a known point on any machine: the image workers' test-only pause
    (images._test_pause) stops each worker after two finished outputs, with half of the
    next one written to its temporary file."""
    root = copy_demo(tmp_path)
    marker = tmp_path / "paused"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "WENMING_TODAY": TODAY.isoformat(),
        "WENMING_TEST_PAUSE_AFTER": "2",
        "WENMING_TEST_PAUSE_MARKER": str(marker),
    }
    log = tmp_path / "killed-build.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        # A bound for a hang only: the build reaches its photos whatever the machine's speed.
        deadline = time.monotonic() + HANG_SECONDS
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), (
            f"the build never reached its photo work (exit {proc.poll()}):\n"
            + log.read_text(encoding="utf-8", errors="replace")[-3000:]
        )
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the build and its worker processes, mid-write
        proc.wait()
    cache = root / ".cache/images"
    made = [p for p in cache.glob("*/*") if not p.name.startswith(".")]
    halves = list(cache.glob("*/.*.tmp"))
    total = 4 * len(front_matter_photos())  # four variants per photo
    assert 2 <= len(made) < total, "the kill lands in the middle of the photo work"
    assert halves, "a worker was killed while writing an output"
    assert not (cache / "manifest.json").exists()

    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    photos = json.loads((root / "site/api/photos.json").read_text(encoding="utf-8"))["photos"]
    assert len(photos) == len(front_matter_photos())
    for p in photos:
        for o in p["outputs"].values():
            with Image.open(root / "site" / urllib.parse.unquote(o["url"])) as im:
                im.load()  # a half-written file would fail here
                assert im.size == (o["width"], o["height"])
