"""A publishing build is a new process with .cache restored: what the load made of each
unchanged page (its front matter with every line and column, its problems; the fields are converted again) and
the answers of the name and text checks come from .cache/load (loading.loadmemo,
loading.checkcache). After every kind of edit, across processes, the load gives exactly
what a load without that folder gives: the same Chinese lines, notices and records; a
damaged or forged file costs time only, and an answer kept for other bytes never hides a
problem."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from conftest import TODAY, copy_demo, run_mkdocs

from wenmingsite.gate import privacy
from wenmingsite.loading import checkcache, loader
from wenmingsite.loading.loadmemo import FILE, LoadMemo

PAGE = "docs/activities/2025/2025-01-09-冬季果树修剪培训.md"
STORE = Path(".cache/load") / FILE


def load_stored(root: Path, today: dt.date = TODAY) -> tuple[list[str], object, LoadMemo]:
    """One build's load, as a new process makes it: the kept parts read from .cache/load."""
    memo = LoadMemo(root / checkcache.FOLDER)
    content, problems = loader.load(
        root, today=today, checks=checkcache.TextChecks(root / checkcache.FOLDER), memo=memo
    )
    return [str(p) for p in problems] + [f"notice {p}" for p in content.notices], content, memo


def load_fresh(root: Path, today: dt.date = TODAY) -> tuple[list[str], object]:
    content, problems = loader.load(root, today=today)  # nothing kept, nothing read
    return [str(p) for p in problems] + [f"notice {p}" for p in content.notices], content


def same_as_fresh(root: Path, today: dt.date = TODAY, reused: bool = True) -> list[str]:
    """Two loads from .cache/load (the second reads what the first kept) against a fresh one;
    returns the problems and notices."""
    fresh, fresh_content = load_fresh(root, today)
    for _ in range(2):
        found, content, memo = load_stored(root, today)
        assert found == fresh
        assert content == fresh_content
    if reused:  # not vacuous: the second load parsed nothing again
        assert memo.misses == 0 and memo.hits == len(fresh_content.pages), (memo.hits, memo.misses)
    return fresh


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def id_number(born: dt.date) -> str:
    """A well-formed (made-up) resident ID number of someone born on ``born``."""
    digits = f"110101{born:%Y%m%d}123"
    total = sum(int(d) * w for d, w in zip(digits, privacy.ID_WEIGHTS, strict=True))
    return digits + privacy.ID_CHECK[total % 11]


@pytest.fixture
def demo(tmp_path) -> Path:
    return copy_demo(tmp_path)


def test_every_load_from_the_kept_parts_equals_a_load_without_them(demo, monkeypatch):
    assert same_as_fresh(demo) == []
    stored = json.loads((demo / STORE).read_text(encoding="utf-8"))
    assert len(stored["pages"]) == len(load_fresh(demo)[1].pages)  # every page kept

    # A front matter error (a full-width colon): its line and column come back from the cache.
    edit(demo, PAGE, "title: 冬季果树修剪技术培训", "title：冬季果树修剪技术培训")
    found = same_as_fresh(demo, reused=False)
    assert found and all(p.startswith(PAGE) for p in found), found
    assert same_as_fresh(demo)[0] == found[0]
    edit(demo, PAGE, "title：冬季果树修剪技术培训", "title: 冬季果树修剪技术培训")
    assert same_as_fresh(demo, reused=False) == []

    # A field's value an editor got wrong: the converter's message, kept with the text.
    edit(demo, PAGE, "participants: 150", "participants: 一百五十")
    found = same_as_fresh(demo, reused=False)
    assert [p for p in found if p.startswith(f"{PAGE}:7:")], found
    assert same_as_fresh(demo) == found
    edit(demo, PAGE, "participants: 一百五十", "participants: 150")

    # A category that data/categories.yml no longer has: resolved again at every load.
    edit(demo, "data/categories.yml", "- name: 业务服务\n  slug: service\n", "- name: 业务工作\n  slug: service\n")
    found = same_as_fresh(demo)
    assert [p for p in found if p.startswith(f"{PAGE}:4:11: ")], found
    edit(demo, "data/categories.yml", "- name: 业务工作\n  slug: service\n", "- name: 业务服务\n  slug: service\n")
    assert same_as_fresh(demo) == []

    # The build's day: a page dated after it is refused, whatever was kept.
    found = same_as_fresh(demo, today=dt.date(2025, 1, 8))
    assert [p for p in found if p.startswith(f"{PAGE}:3:")], found

    # A renamed page: its new name holds a mobile number (kept per path and name).
    old = demo / PAGE
    renamed = old.with_name("2025-01-09-13812348000.md")
    old.rename(renamed)
    found = same_as_fresh(demo)
    rel = renamed.relative_to(demo).as_posix()
    assert f"{rel}: 文件名中有疑似个人手机号 138****8000。" in "\n".join(found), found
    # The same name once data/unit.yml publishes that number as the unit's own: allowed.
    address = "address: 青溪市滨河路 218 号\n"
    edit(demo, "data/unit.yml", address, f"{address}phone: 13812348000\n")
    assert not [p for p in same_as_fresh(demo) if "138****8000" in p]
    edit(demo, "data/unit.yml", f"{address}phone: 13812348000\n", address)
    assert same_as_fresh(demo) == found
    renamed.rename(old)
    assert same_as_fresh(demo) == []

    # The real day: an ID number's birth date tomorrow is no birth date yet; on the next day
    # the kept answer for the same name (and the same text) is not used.
    number = id_number(dt.date(2026, 6, 2))
    (demo / "docs/documents" / f"名单{number}.pdf").write_bytes(
        (demo / "docs/documents").glob("*.pdf").__next__().read_bytes()
    )
    edit(demo, PAGE, "本次培训共150人次参加", f"本次培训共150人次参加（{number}）")
    monkeypatch.setattr(privacy, "real_day", lambda: dt.date(2026, 6, 1))
    before = same_as_fresh(demo)
    monkeypatch.setattr(privacy, "real_day", lambda: dt.date(2026, 6, 2))
    after = same_as_fresh(demo)
    masked = [p for p in after if "疑似居民身份证号" in p and p not in before]
    assert any(p.startswith("docs/documents/名单") for p in masked), after
    assert any(p.startswith(f"{PAGE}:") for p in masked), after


FORGERIES = {
    "not JSON": lambda stored: b'{"salt": "\xff\xfe not json',
    "too deep": lambda stored: b"[" * 200_000 + b"]" * 200_000,
    "another salt": lambda stored: {**stored, "salt": "0" * 32},
    "pages as a list": lambda stored: {**stored, "pages": list(stored["pages"].items())},
    "an entry not a pair": lambda stored: {**stored, "pages": {k: [v[0]] for k, v in stored["pages"].items()}},
    "an unknown tag": lambda stored: swap(stored, '["m",', '["x",'),
    "line 0": lambda stored: swap(stored, '"title",2,1,', '"title",0,1,'),
    "a line as text": lambda stored: swap(stored, '"title",2,1,', '"title","2",1,'),
    "a column as true": lambda stored: swap(stored, '"title",2,1,', '"title",2,true,'),
    "a key twice": lambda stored: swap(stored, '"date",3,1,', '"title",3,1,'),
    "a key without its value": lambda stored: every_split(
        stored, lambda split: [with_items(split[0], ["x", 20, 1]), *split[1:]]
    ),
    "a scalar cut short": lambda stored: every_split(
        stored, lambda split: [with_items(split[0], ["x", 20, 1, "y", 20]), *split[1:]]
    ),
    "a number for a node": lambda stored: every_split(
        stored, lambda split: [with_items(split[0], ["x", 20, 1, 7]), *split[1:]]
    ),
    "no body start": lambda stored: every_split(stored, lambda split: [*split[:1], -1, *split[2:]]),
    "body past the end": lambda stored: every_split(stored, lambda split: [*split[:1], 10**9, *split[2:]]),
    "body on another line": lambda stored: every_split(stored, lambda split: [*split[:2], split[2] + 3, *split[3:]]),
    "a problem without a message": lambda stored: every_split(stored, lambda split: [*split[:4], [[1, 1, ""]]]),
    # Fields are not kept across processes (VERSION 1 kept them): values written where they
    # were are not read, however they look (an amount of 1e999999999 hung VERSION 1's build).
    "fields of a huge amount": lambda stored: every_fields(
        stored, lambda fields: [[["n", "1e999999999"], ["n", "-5"], ["d", "9999-12-31"]], []]
    ),
}


def swap(stored: dict, old: str, new: str) -> bytes:
    data = json.dumps(stored, ensure_ascii=False, separators=(",", ":"))
    assert old in data, old
    return data.replace(old, new).encode("utf-8")


def with_items(meta, more: list):
    """A kept front matter with ``more`` after its items (a page without one: none made)."""
    return meta if meta is None else [*meta[:3], meta[3] + more]


def every_split(stored: dict, change) -> dict:
    return {**stored, "pages": {k: [change(v[0]), v[1]] for k, v in stored["pages"].items()}}


def every_fields(stored: dict, change) -> dict:
    pages = {k: [v[0], {t: change(None) for t in ("activity", "page", "notice")}] for k, v in stored["pages"].items()}
    return {**stored, "pages": pages}


def test_a_damaged_or_forged_store_is_not_used(demo):
    """Each entry is decoded by strict rules; one that breaks any is parsed again, so the
    load is a fresh one's (the problem of the page edited meanwhile too)."""
    same_as_fresh(demo)
    stored = json.loads((demo / STORE).read_text(encoding="utf-8"))
    edit(demo, PAGE, "participants: 150", "participants: 一百五十")
    fresh, fresh_content = load_fresh(demo)
    assert [p for p in fresh if p.startswith(f"{PAGE}:7:")]
    for name, forge in FORGERIES.items():
        forged = forge(stored)
        (demo / STORE).write_bytes(forged if isinstance(forged, bytes) else json.dumps(forged).encode())
        found, content, _ = load_stored(demo)
        assert found == fresh, name
        assert content == fresh_content, name
    # The text checks' file nested too deep to read is no answer either.
    (demo / checkcache.FOLDER / checkcache.FILE).write_bytes(FORGERIES["too deep"](stored))
    found, content, _ = load_stored(demo)
    assert found == fresh and content == fresh_content


def test_an_answer_kept_for_other_bytes_never_hides_a_problem(demo):
    """Every entry replaced by the clean page's own (as if the cache said every text were that
    one): the page edited since is parsed again and its problem is reported."""
    same_as_fresh(demo)
    stored = json.loads((demo / STORE).read_text(encoding="utf-8"))
    texts = json.loads((demo / checkcache.FOLDER / checkcache.FILE).read_text(encoding="utf-8"))
    edit(demo, PAGE, "本次培训共150人次参加", "本次培训共150人次参加，联系人 13812348000")
    edit(demo, PAGE, "title: 冬季果树修剪技术培训", "title: 冬季果树修剪技术培训\ntitle: 重复")
    fresh, _ = load_fresh(demo)
    mine = [p for p in fresh if p.startswith(PAGE)]
    assert any("疑似个人手机号 138****8000" in p for p in mine) and any(p.startswith(f"{PAGE}:3:") for p in mine)
    for entry in stored["pages"].values():
        forged = {**stored, "pages": dict.fromkeys(stored["pages"], entry)}
        (demo / STORE).write_text(json.dumps(forged, ensure_ascii=False), encoding="utf-8")
        clean = {**texts, "texts": dict.fromkeys(texts["texts"], [])}
        (demo / checkcache.FOLDER / checkcache.FILE).write_text(json.dumps(clean), encoding="utf-8")
        found, _, _ = load_stored(demo)
        assert all(p in found for p in mine), entry


def test_a_fresh_build_after_an_edit_with_the_kept_parts_writes_a_clean_builds_site(demo, tmp_path):
    """`mkdocs build` in new processes: the second and third read .cache/load as the first
    and second left it; the site is byte for byte that of a build without .cache, and a
    front matter error fails the build with its Chinese line while its answer is kept."""

    def build(dest: Path) -> None:
        result = run_mkdocs(demo, "build", "--strict", "--site-dir", str(dest))
        assert result.returncode == 0, result.stderr[-3000:]

    build(tmp_path / "first")
    edit(demo, PAGE, "title: 冬季果树修剪技术培训", "title：冬季果树修剪技术培训")
    for attempt in ("second", "third"):
        result = run_mkdocs(demo, "build", "--strict", "--site-dir", str(tmp_path / attempt))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
        assert f"{PAGE}:2:" in result.stderr, result.stderr[-2000:]
    edit(demo, PAGE, "title：冬季果树修剪技术培训", "title: 冬季果树修剪技术培训（修订）")
    build(tmp_path / "kept")
    shutil.rmtree(demo / ".cache")
    build(tmp_path / "clean")
    kept = {p.relative_to(tmp_path / "kept"): p for p in (tmp_path / "kept").rglob("*") if p.is_file()}
    clean = {p.relative_to(tmp_path / "clean"): p for p in (tmp_path / "clean").rglob("*") if p.is_file()}
    assert sorted(kept) == sorted(clean)
    differ = [rel for rel in kept if rel.suffix != ".gz" and kept[rel].read_bytes() != clean[rel].read_bytes()]
    assert not differ, differ[:10]
    assert "冬季果树修剪技术培训（修订）" in (
        tmp_path / "kept/activities/2025/2025-01-09-冬季果树修剪培训/index.html"
    ).read_text(encoding="utf-8")


def test_the_kept_parts_follow_the_whole_packages_code(demo, monkeypatch):
    """Kept parts are salted with the whole package's code, not a list of modules (a converter
    imported from a module the list missed kept giving the old answer after an upgrade): under
    another engine nothing kept is used, and the load is still a fresh one's."""
    same_as_fresh(demo)
    monkeypatch.setattr(checkcache, "package_fingerprint", lambda: "another engine")
    found, content, memo = load_stored(demo)
    assert memo.hits == 0 and memo.misses == len(content.pages)
    assert found == load_fresh(demo)[0]


def test_a_file_name_with_a_line_break_is_one_line_of_the_refusal(demo):
    """A file named with a line break and a control character (as a careless copy can make
    one): the refusal is one line per problem, naming the file with those characters written
    as escapes, so the editor sees which file and what is in its name."""
    name = "docs/activities/2024/会议\x14\n纪要.md"
    (demo / name).write_text(
        "---\ntitle: 会议纪要\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n正文。\n", encoding="utf-8"
    )
    result = run_mkdocs(demo, "build", "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.split("\n") if "会议" in line]
    assert lines and all("docs/activities/2024/会议\\x14\\n纪要.md" in line for line in lines), lines
    assert any("含有不可见的控制字符（U+0014）" in line for line in lines), lines
