"""The lightbox and the photo grids as a visitor meets them on a phone and on a desktop:
the whole photo with its caption on one screen, Chinese button names, focus back where the
visitor was, thumbnails big enough to recognise and no page wider than a narrow phone."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from browser import Site, Visit, browser, served_demo  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
SCREENS = {"phone": PHONE, "desktop": DESKTOP}

# Where the opened photo and its caption are, in viewport pixels, and what covers the caption.
GEOMETRY = """() => {
  const slide = document.querySelector('.gslide.current');
  const img = slide.querySelector('.gslide-image img');
  const desc = slide.querySelector('.gslide-desc');
  const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height});
  const d = desc.getBoundingClientRect();
  const hit = document.elementFromPoint(d.left + d.width / 2, d.top + d.height / 2);
  return {img: box(img.getBoundingClientRect()), natural: [img.naturalWidth, img.naturalHeight],
          fit: getComputedStyle(img).objectFit, desc: box(d), text: desc.innerText.trim(),
          descOnTop: !!hit && desc.contains(hit), vw: innerWidth, vh: innerHeight};
}"""


@pytest.fixture(scope="module")
def served(served_demo, demo_build):
    served_demo.photos = demo_build.api("photos.json")["photos"]
    return served_demo


def activity_with_most_photos(photos) -> tuple[str, list[dict]]:
    counts = Counter(p["activity_url"] for p in photos)
    url = max(counts, key=lambda u: (counts[u], u))
    return url, [p for p in photos if p["activity_url"] == url]


def open_photo(page, index: int):
    link = page.locator(".ws-photo a.glightbox").nth(index)
    link.click()
    page.locator(".gslide.current .gslide-image img").wait_for(state="visible")
    settle(page)
    return link


def settle(page):
    """Wait until the photo has arrived, the lightbox's effects are over and the photo and
    its caption have stayed where they are for three frames and 100 ms (on a loaded machine
    frames come later, so this waits longer; it never gives up early)."""
    page.evaluate("() => { window.__wsSettle = null; }")
    page.wait_for_function(
        """() => {
        const i = document.querySelector('.gslide.current .gslide-image img');
        const d = document.querySelector('.gslide.current .gslide-desc');
        if (!(i && i.complete && i.naturalWidth > 0)
            || document.getAnimations().some(a => a.playState === 'running')) {
            window.__wsSettle = null;
            return false;
        }
        const r = i.getBoundingClientRect(), q = d ? d.getBoundingClientRect() : {};
        const key = [r.left, r.top, r.width, r.height, q.left, q.top, q.width, q.height].join();
        const s = window.__wsSettle;
        if (!s || s.key !== key) {
            window.__wsSettle = {key, frames: 0, since: performance.now()};
            return false;
        }
        s.frames += 1;
        return s.frames >= 3 && performance.now() - s.since >= 100;
    }""",
        polling="raf",
    )


def assert_whole_photo_and_caption_on_screen(geo: dict, caption: str):
    img, desc, (nw, nh) = geo["img"], geo["desc"], geo["natural"]
    vw, vh = geo["vw"], geo["vh"]
    where = f"照片 {img}，说明 {desc}，屏幕 {vw}×{vh}"
    assert nw > 0 and nh > 0
    # Entirely inside the viewport ...
    assert img["left"] >= -0.5 and img["top"] >= -0.5 and img["right"] <= vw + 0.5 and img["bottom"] <= vh + 0.5, where
    # ... at its own shape (the box is the photo: neither stretched nor cropped by object-fit) ...
    assert img["width"] / img["height"] == pytest.approx(nw / nh, rel=0.01), where
    assert geo["fit"] in ("contain", "fill", "scale-down"), geo["fit"]
    # ... and big: it fills the screen's width or its height (less the caption and close button).
    assert img["width"] >= 0.9 * vw or img["height"] >= 0.5 * vh, where
    # The caption is on the same screen, not under the photo, and nothing covers it.
    assert geo["text"] == caption
    assert desc["height"] > 0 and desc["top"] >= 0 and desc["bottom"] <= vh + 0.5, where
    assert desc["top"] >= img["bottom"] - 0.5 or desc["bottom"] <= img["top"] + 0.5, where
    assert geo["descOnTop"], where


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_the_whole_photo_and_its_caption_are_on_one_screen(browser, served, screen):
    url, photos = activity_with_most_photos(served.photos)
    visit = Visit(browser, screen)
    page = visit.open(served.url + url)
    open_photo(page, 0)
    for i, photo in enumerate(photos):
        if i:
            page.keyboard.press("ArrowRight")
            page.wait_for_function(
                "c => document.querySelector('.gslide.current .gslide-desc')?.innerText.trim() === c",
                arg=photo["caption"],
            )
            settle(page)
        geo = page.evaluate(GEOMETRY)
        assert geo["natural"] == [photo["outputs"]["d1600"]["width"], photo["outputs"]["d1600"]["height"]]
        assert_whole_photo_and_caption_on_screen(geo, photo["caption"])
    assert visit.errors == []
    visit.close()


def _jpeg(size: tuple[int, int], colour) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


LONG_CAPTION = (
    "全体志愿者在村文化广场集中，分成三组分别前往示范田、果园和农家书屋，"
    "为村民讲解春耕备耕、果树修剪和安全用药知识，并发放技术资料两百余份"
)


@pytest.fixture(scope="module")
def shapes_site(tmp_path_factory):
    """A unit whose photos are portrait, a wide panorama and landscape, one with a long caption."""
    from conftest import BASE_FILES, build, write

    root = tmp_path_factory.mktemp("shapes") / "unit"
    for rel, text in BASE_FILES.items():
        write(root, rel, text)
    yml = root / "mkdocs.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace("  - search\n", "  - search\n  - glightbox\n"), encoding="utf-8"
    )
    write(
        root,
        "docs/activities/2024-03-05-plant.md",
        "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\nphotos:\n"
        "  - src: plant/tall.jpg\n    caption: 竖拍的合影\n"
        "  - src: plant/wide.jpg\n    caption: 全景\n"
        f"  - src: plant/land.jpg\n    caption: {LONG_CAPTION}\n---\n\n正文。\n",
    )
    for name, size, colour in (
        ("tall", (900, 1600), (200, 60, 40)),
        ("wide", (2400, 600), (40, 120, 200)),
        ("land", (1600, 1200), (60, 160, 80)),
    ):
        (root / f"docs/activities/plant/{name}.jpg").parent.mkdir(parents=True, exist_ok=True)
        (root / f"docs/activities/plant/{name}.jpg").write_bytes(_jpeg(size, colour))
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = Site(root / "site")
    yield site
    site.close()


@pytest.mark.parametrize("screen", [PHONE, NARROW, DESKTOP], ids=["phone", "narrow", "desktop"])
def test_portrait_panorama_and_a_long_caption_fit_too(browser, shapes_site, screen):
    visit = Visit(browser, screen)
    page = visit.open(shapes_site.url + "activities/2024-03-05-plant/")
    for i, caption in enumerate(("竖拍的合影", "全景", LONG_CAPTION)):
        open_photo(page, i)
        assert_whole_photo_and_caption_on_screen(page.evaluate(GEOMETRY), caption)
        page.keyboard.press("Escape")
        page.wait_for_selector(".glightbox-container", state="detached")
    assert visit.errors == []
    visit.close()


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_buttons_have_chinese_names(browser, served, screen):
    url, photos = activity_with_most_photos(served.photos)
    assert len(photos) >= 2, "需要一项至少有两张照片的活动"
    visit = Visit(browser, screen)
    page = visit.open(served.url + url)
    open_photo(page, 0)
    dialog = page.get_by_role("dialog", name="照片浏览")
    assert dialog.count() == 1
    for name in ("关闭", "上一张", "下一张"):
        assert page.get_by_role("button", name=name, exact=True).count() == 1, name
    for english in ("Close", "Previous", "Next"):
        assert page.get_by_role("button", name=english).count() == 0, english
    page.get_by_role("button", name="关闭", exact=True).click()
    page.wait_for_selector(".glightbox-container", state="detached")
    visit.close()


@pytest.mark.parametrize("how", ["Escape", "close-button"])
def test_focus_returns_to_the_thumbnail_that_opened_the_photo(browser, served, how):
    url, photos = activity_with_most_photos(served.photos)
    visit = Visit(browser, PHONE)
    page = visit.open(served.url + url)
    index = len(photos) - 1  # not the first: the browser must not simply land on the first link
    link = open_photo(page, index)
    expected = link.get_attribute("href")
    if how == "Escape":
        page.keyboard.press("Escape")
    else:
        page.get_by_role("button", name="关闭", exact=True).click()
    page.wait_for_selector(".glightbox-container", state="detached")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('a.glightbox')")
    active = page.evaluate(
        "() => [document.activeElement.getAttribute('href'), [...document.querySelectorAll('.ws-photo a.glightbox')].indexOf(document.activeElement)]"
    )
    assert active == [expected, index]
    visit.close()


def test_keyboard_user_opens_closes_and_continues_from_the_same_photo(browser, served):
    url, photos = activity_with_most_photos(served.photos)
    visit = Visit(browser, DESKTOP)
    page = visit.open(served.url + url)
    page.locator(".ws-photo a.glightbox").first.focus()
    page.keyboard.press("Enter")
    page.locator(".gslide.current .gslide-image img").wait_for(state="visible")
    page.keyboard.press("Escape")
    page.wait_for_selector(".glightbox-container", state="detached")
    page.wait_for_function("() => document.activeElement.matches('a.glightbox')")
    page.keyboard.press("Enter")  # the same photo opens again from where focus came back
    page.wait_for_function(
        "c => document.querySelector('.gslide.current .gslide-desc')?.innerText.trim() === c", arg=photos[0]["caption"]
    )
    visit.close()


def gallery_pages(served) -> list[str]:
    years = sorted({p["date"][:4] for p in served.photos})
    return ["gallery/", *(f"gallery/{y}/" for y in years), activity_with_most_photos(served.photos)[0]]


def test_no_horizontal_overflow_on_a_narrow_phone(browser, served):
    visit = Visit(browser, NARROW)
    for path in gallery_pages(served):
        page = visit.open(served.url + path)
        page.wait_for_load_state("networkidle")
        widths = page.evaluate("""() => ({doc: document.documentElement.scrollWidth, vw: innerWidth,
            right: Math.max(0, ...[...document.querySelectorAll('.ws-photos, .ws-albums, .ws-photo, .ws-albums li')]
                                     .map(e => e.getBoundingClientRect().right))})""")
        assert widths["doc"] <= widths["vw"] and widths["right"] <= widths["vw"], (path, widths)
    visit.close()


@pytest.mark.parametrize("screen", [PHONE, NARROW], ids=["phone", "narrow"])
def test_thumbnails_on_a_phone_are_big_enough_to_recognise(browser, served, screen):
    visit = Visit(browser, screen)
    for path in gallery_pages(served):
        page = visit.open(served.url + path)
        thumbs = page.evaluate("""() => [...document.querySelectorAll('.ws-photo img, .ws-albums img')].map(
            i => { i.loading = 'eager'; return [i.getBoundingClientRect().width, i.getBoundingClientRect().height]; })""")
        assert thumbs, path
        assert all(w >= 150 and h >= 100 for w, h in thumbs), (path, thumbs)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.ws-photo img, .ws-albums img')].every(i => i.complete && i.currentSrc)"
        )
        sources = page.evaluate(
            "() => [...document.querySelectorAll('.ws-photo img, .ws-albums img')].map(i => i.currentSrc)"
        )
        assert all(s.endswith(("-t400.webp", "-t800.webp")) for s in sources), (path, sources)
    visit.close()


def test_grid_keeps_each_photo_shape_and_rows_use_the_desktop_width(browser, shapes_site):
    visit = Visit(browser, DESKTOP)
    page = visit.open(shapes_site.url + "activities/2024-03-05-plant/")
    page.wait_for_load_state("networkidle")
    shapes = page.evaluate("""() => [...document.querySelectorAll('.ws-photo img')].map(i => {
        const r = i.getBoundingClientRect(); return [r.width / r.height, i.naturalWidth / i.naturalHeight, r.top]; })""")
    assert [round(s[1], 2) for s in shapes] == [0.56, 4.0, 1.33]
    for shown, natural, _ in shapes:
        assert shown == pytest.approx(natural, rel=0.02)  # not cropped to one shape
    visit.close()


def test_gallery_uses_the_desktop_width(browser, served):
    visit = Visit(browser, DESKTOP)
    page = visit.open(served.url + "gallery/")
    width = page.evaluate("() => document.querySelector('.ws-albums').getBoundingClientRect().width")
    assert width >= 0.9 * DESKTOP["width"], width
    page = visit.open(served.url + gallery_pages(served)[1])
    width = page.evaluate("() => document.querySelector('.ws-album-groups').getBoundingClientRect().width")
    assert width >= 0.9 * DESKTOP["width"], width
    visit.close()


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_axe_finds_no_serious_problem_with_the_lightbox_open(browser, served, screen):
    from axe_playwright_python.sync_playwright import Axe

    url, _ = activity_with_most_photos(served.photos)
    visit = Visit(browser, screen)
    page = visit.open(served.url + url)
    open_photo(page, 0)
    violations = Axe().run(page).response["violations"]
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    visit.close()
