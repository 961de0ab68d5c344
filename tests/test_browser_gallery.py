"""Photos as a visitor meets them: the lightbox with keyboard, and the gallery's first screen."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE, Visit, browser, record_wire_sizes, served_demo  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(served_demo):
    return served_demo


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_lightbox_opens_and_moves_with_the_keyboard(browser, served, viewport):
    visit = Visit(browser, viewport)
    page = visit.open(served.url + "activities/2025/2025-10-11-秋收测产/")
    page.locator(".ws-photo a.glightbox").first.click()
    slide = page.locator(".gslide.current img")
    slide.wait_for(state="visible")
    assert page.locator(".gslide.current .gslide-desc").inner_text().strip() == "技术员和村民在示范田里收割测产"
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "document.querySelector('.gslide.current .gslide-desc')?.innerText.includes('秋季桃园管理现场')"
    )
    natural = slide.evaluate("img => [img.naturalWidth, img.naturalHeight]") if slide.count() else None
    current = page.locator(".gslide.current img").evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert current == [1200, 1600] or current == [1600, 1200], natural  # the display copy, upright
    page.keyboard.press("Escape")
    page.wait_for_selector(".glightbox-container", state="detached")
    assert visit.errors == []
    visit.close()


def test_keyboard_alone_reaches_and_opens_a_photo(browser, served):
    visit = Visit(browser, DESKTOP)
    page = visit.open(served.url + "activities/2024/2024-04-18-春播技术培训/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('glightbox')"):
            break
    else:
        pytest.fail("Tab 键无法到达照片链接")
    page.keyboard.press("Enter")
    page.locator(".gslide.current img").wait_for(state="visible")
    visit.close()


def test_gallery_first_screen_is_light(browser, served):
    visit = Visit(browser, PHONE)
    sizes = record_wire_sizes(visit.page)
    page = visit.open(served.url + "gallery/")
    page.wait_for_load_state("networkidle")
    total = sum(sizes.values())
    images = {u: n for u, n in sizes.items() if u.endswith((".webp", ".jpg"))}
    print(
        f"gallery first screen: {total} bytes in {len(sizes)} requests, images {sum(images.values())} bytes in {len(images)}"
    )
    assert all(u.endswith(".webp") for u in images)  # WebP where the browser takes it
    # One small cover per album at most (Chromium fetches lazy images well ahead of the
    # screen, so a short index loads all its covers), never a display copy.
    albums = page.locator(".ws-albums li").count()
    assert len(images) <= albums and not any("-d1600" in u for u in images)
    assert total < 300_000
    assert visit.errors == []
    visit.close()


def test_a_caption_with_markup_is_shown_as_text_in_the_lightbox(browser, site):
    """A caption is text wherever it goes: glightbox inserts descriptions as HTML, so the
    caption must reach it already escaped (and a leading "." must not act as a selector)."""
    import io

    from browser import Site
    from conftest import build
    from PIL import Image

    caption = '<img src=x onerror="window.hacked=1">合影 & <b>粗体</b>'
    photo = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 120, 200)).save(photo, "JPEG")
    root = site(
        {
            "docs/activities/2024-03-05-plant.md": (
                "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\nphotos:\n"
                f"  - src: plant/a.jpg\n    caption: '{caption}'\n"
                "  - src: plant/b.jpg\n    caption: .md-header\n---\n\n正文。\n"
            ),
            "docs/activities/plant/a.jpg": photo.getvalue(),
            "docs/activities/plant/b.jpg": photo.getvalue()[:-2] + b"\xff\xd9",
        }
    )
    yml = root / "mkdocs.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace("  - search\n", "  - search\n  - glightbox\n"), encoding="utf-8"
    )
    result = build(root)
    assert result.returncode == 0, result.stderr
    served = Site(root / "site")
    try:
        visit = Visit(browser, PHONE)
        page = visit.open(served.url + "activities/2024-03-05-plant/")
        page.locator(".ws-photo a.glightbox").first.click()
        desc = page.locator(".gslide.current .gslide-desc")
        desc.wait_for(state="visible")
        assert desc.inner_text().strip() == caption
        assert page.locator(".gslide.current .gslide-desc img, .gslide.current .gslide-desc b").count() == 0
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "document.querySelector('.gslide.current .gslide-desc')?.innerText.trim() === '.md-header'"
        )
        assert page.evaluate("window.hacked") is None
        visit.close()
    finally:
        served.close()
