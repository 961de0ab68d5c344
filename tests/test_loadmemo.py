"""`mkdocs serve` reuses what earlier loads made of each unchanged page (loading.loadmemo), and
after every kind of edit an editor makes, its load gives exactly what a fresh load gives: the
same problems (file, line, column, Chinese message), the same notices, the same records."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import TODAY, copy_demo

from wenmingsite.loading.loadmemo import LoadMemo
from wenmingsite.site import Site

PAGE = "docs/activities/2025/2025-01-09-冬季果树修剪培训.md"


def load(root: Path, memo: LoadMemo | None, today: dt.date = TODAY) -> Site:
    site = Site(root, today=today, internal=True, serving=True, memo=memo is not None, load_memo=memo)
    site.load(with_links=True, clean_assets=False)
    return site


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def demo(tmp_path) -> Path:
    return copy_demo(tmp_path)


def same_as_fresh(root: Path, memo: LoadMemo, today: dt.date = TODAY) -> list[str]:
    """The load through the memo against a fresh one; the memo's load's problems as text."""
    kept, fresh = load(root, memo, today), load(root, None, today)
    assert [str(p) for p in kept.problems] == [str(p) for p in fresh.problems]
    assert [str(p) for p in kept.notices] == [str(p) for p in fresh.notices]
    assert kept.content == fresh.content
    assert kept.withheld == fresh.withheld and kept.withheld_pages == fresh.withheld_pages
    # Not vacuous: every page but the edited one came from the memo.
    assert memo.misses <= 1 and memo.hits >= len(fresh.content.pages) - 1, (memo.hits, memo.misses)
    return [str(p) for p in kept.problems]


def test_every_load_of_a_serve_session_equals_a_fresh_load(demo):
    memo = LoadMemo()
    assert load(demo, memo).problems == []  # the first load: nothing to reuse
    assert same_as_fresh(demo, memo) == []

    # A front matter error (a full-width colon), then the fix.
    edit(demo, PAGE, "title: 冬季果树修剪技术培训", "title：冬季果树修剪技术培训")
    found = same_as_fresh(demo, memo)
    assert found and all(p.startswith(PAGE) for p in found), found
    edit(demo, PAGE, "title：冬季果树修剪技术培训", "title: 冬季果树修剪技术培训")
    assert same_as_fresh(demo, memo) == []

    # A field's value that does not convert, then the fix.
    edit(demo, PAGE, "participants: 150", "participants: 一百五十多")
    assert [p for p in same_as_fresh(demo, memo) if p.startswith(f"{PAGE}:")]
    edit(demo, PAGE, "participants: 一百五十多", "participants: 150")
    assert same_as_fresh(demo, memo) == []

    # The page's photo deleted, its text unchanged: the page's reference is a problem now.
    photo = demo / "docs/activities/2025/2025-01-09-冬季果树修剪培训/pruning-1.jpg"
    kept_photo = photo.read_bytes()
    photo.unlink()
    assert any(p.startswith(f"{PAGE}:") and "pruning-1.jpg" in p for p in same_as_fresh(demo, memo))
    photo.write_bytes(kept_photo)
    assert same_as_fresh(demo, memo) == []

    # Renamed (with its photo folder): the same text under another name is another page.
    new = "docs/activities/2025/2025-01-10-冬季果树修剪培训"
    (demo / PAGE).rename(demo / f"{new}.md")
    shutil.move(demo / PAGE.removesuffix(".md"), demo / new)
    same_as_fresh(demo, memo)  # the file name's date differs from the page's: a notice
    (demo / f"{new}.md").rename(demo / PAGE)
    shutil.move(demo / new, demo / PAGE.removesuffix(".md"))
    assert same_as_fresh(demo, memo) == []

    # data/unit.yml: a department pages name is gone; their texts are unchanged.
    edit(demo, "data/unit.yml", "  - 经济作物站\n", "")
    found = same_as_fresh(demo, memo)
    assert any(p.startswith(f"{PAGE}:") and "经济作物站" in p for p in found), found
    edit(demo, "data/unit.yml", "  - 土肥站\n", "  - 土肥站\n  - 经济作物站\n")
    assert same_as_fresh(demo, memo) == []

    # data/categories.yml: a category renamed, then its criteria changed.
    edit(demo, "data/categories.yml", "- name: 业务服务", "- name: 业务指导")
    found = same_as_fresh(demo, memo)
    assert any(p.startswith(f"{PAGE}:") and "业务服务" in p for p in found), found
    edit(demo, "data/categories.yml", "- name: 业务指导", "- name: 业务服务")
    edit(demo, "data/categories.yml", "criteria: [quality-service]", "criteria: [quality-service, ideals]")
    assert same_as_fresh(demo, memo) == []
    edit(demo, "data/criteria.yml", "id: ideals", "id: ideals-2")
    found = same_as_fresh(demo, memo)
    assert any("ideals" in p for p in found), found

    # Another day: the same texts judged against it (an activity still in the future).
    assert any("还没到" in p for p in same_as_fresh(demo, memo, today=dt.date(2025, 1, 1)))


class _Calendar(dt.date):
    """The real day as a serve session spanning midnight sees it (set by the test)."""

    now = dt.date(2026, 12, 6)

    @classmethod
    def today(cls):
        return cls.now


def test_a_session_that_runs_past_midnight_checks_personal_numbers_as_of_the_new_day(demo, monkeypatch):
    """An ID number is only taken for one when its birth date is not in the future, judged by
    the real day. A serve session kept open over midnight judges the texts it checked the day
    before again, as a fresh load does: the number whose birth date is the new day is found."""
    from types import SimpleNamespace

    from wenmingsite.gate import privacy
    from wenmingsite.pages import memo as serve_memo

    monkeypatch.setattr(privacy, "dt", SimpleNamespace(date=_Calendar))
    monkeypatch.setattr(_Calendar, "now", dt.date(2026, 12, 6))
    # as in `mkdocs serve`, where the text scan is also kept in memory (gate.publication)
    monkeypatch.setattr(serve_memo, "_keep", True)
    digits = "110101" + "20261207" + "123"
    number = digits + privacy.ID_CHECK[sum(int(d) * w for d, w in zip(digits, privacy.ID_WEIGHTS, strict=True)) % 11]
    page = demo / PAGE
    page.write_text(page.read_text(encoding="utf-8") + f"\n联系人身份证号 {number}。\n", encoding="utf-8")
    memo = LoadMemo()
    assert not [str(p) for p in load(demo, memo).problems if "身份证" in str(p)]  # born "tomorrow": not one
    monkeypatch.setattr(_Calendar, "now", dt.date(2026, 12, 7))
    found = [str(p) for p in load(demo, memo).problems if "身份证" in str(p)]
    assert found and found == [str(p) for p in load(demo, None).problems if "身份证" in str(p)], found
