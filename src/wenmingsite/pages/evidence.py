"""The evidence index (佐证材料目录): for each assessment item, in the order of
data/criteria.yml, the documents, activities, routines and honours that support it, each
with its date, department, figures and the address of its page on the site.

An inspection group opens the unit's evidence boxes criterion by criterion; every item here
gets the number its box carries ("6-3": the third piece of evidence of the sixth item).
Like the coverage view (wenmingsite.pages.coverage) it is computed from the api records alone, over
the term window; nothing is dropped: what supports no criterion is listed in a last group,
and what falls outside the term is counted there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wenmingsite.loading.records import Content, Criterion
from wenmingsite.loading.values import format_date_cn
from wenmingsite.pages.pagekinds import PageSpec, page_kind
from wenmingsite.pages.render import money, number

WEEKDAY_NAMES = "一二三四五六日"


@dataclass(frozen=True)
class Item:
    """One piece of evidence."""

    number: str  # "6-3"
    material: str  # document | activity | routine | honour
    label: str  # 制度文件 / 活动纪实 / 活动记录 / 例行活动 / 荣誉
    title: str
    day: dt.date | None  # for ordering
    when: str  # the date(s) in Chinese
    department: str | None
    figures: tuple[str, ...]  # "56 人次", "12 小时", "3,000 元", "4 张照片", "37 次"
    url: str  # root-relative site URL of its online page (may carry a #fragment)
    note: str | None = None  # category, 文号, 授予单位, rule…
    photos: tuple = ()  # gallery Shots (for the printed index)
    ids: tuple[str, ...] = ()  # activity ids behind it
    key: str = ""  # what it is, across documents: document:<n>, activity:<id>, routine:<id>, honour:<n>
    forms: tuple[str, ...] = ()  # 材料形式: 纸质, 电子文件（PDF）, 网页, 照片, 台账记录, 证书
    standard: str | None = None  # its criterion's 测评内容和标准 (data/criteria.yml description)


@dataclass(frozen=True)
class EvidenceGroup:
    """The evidence of one criterion (``criterion`` None: supports no criterion)."""

    number: int
    criterion: Criterion | None
    url: str | None  # the criterion's page
    items: tuple[Item, ...]
    sections: tuple[tuple[str, str], ...] = ()  # report chapters: (title, url)
    themed: int = 0
    routines: int = 0
    occurrences: int = 0
    photos: int = 0
    last: dt.date | None = None

    @property
    def title(self) -> str:
        return self.criterion.name if self.criterion else "未对应测评项目的材料"

    @property
    def anchor(self) -> str:
        return f"c-{self.criterion.id}" if self.criterion else "c-other"


@dataclass(frozen=True)
class Index:
    groups: tuple[EvidenceGroup, ...]
    start: dt.date
    end: dt.date
    outside: int = 0  # published records outside the term window (not evidence of this term)

    @property
    def items(self) -> int:
        return sum(len(g.items) for g in self.groups)

    def urls(self) -> list[str]:
        """Every address the index points to (criterion pages and items), in order."""
        out = []
        for g in self.groups:
            if g.url:
                out.append(g.url)
            out += [i.url for i in g.items]
        return out


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _when(r: dict) -> str:
    day = _day(r["date"])
    text = f"{format_date_cn(day)}（周{WEEKDAY_NAMES[day.weekday()]}）"
    if r["end_date"] and r["end_date"] != r["date"]:
        end = _day(r["end_date"])
        text += f"至{end.month}月{end.day}日" if end.year == day.year else f"至{format_date_cn(end)}"
    return text


def _figures(participants, hours, amount, photos: int) -> tuple[str, ...]:
    out = []
    if participants:
        out.append(f"{number(participants)} 人次")
    if hours:
        out.append(f"{number(hours)} 小时")
    if amount:
        out.append(money(amount))
    if photos:
        out.append(f"{photos} 张照片")
    return tuple(out)


FILE_KINDS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".wps": "WPS",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".et": "WPS",
    ".ppt": "PPT",
    ".pptx": "PPT",
    ".ofd": "OFD",
}


def forms(material: str, *, file: str | None = None, page: bool = False, photos: int = 0) -> tuple[str, ...]:
    """材料形式: what the evidence exists as, from what the item is. A 制度文件 is an issued
    document, so paper; with a published file also electronic (its format from the name). An
    activity with a page is a web page (活动纪实), one without a 台账记录 line, like a routine; a
    honour is its certificate. Photos are said when there are any."""
    out: list[str] = []
    if material == "document":
        out.append("纸质")
        if file:
            ext = "." + file.rsplit(".", 1)[-1].lower() if "." in file else ""
            out.append(f"电子文件（{FILE_KINDS[ext]}）" if ext in FILE_KINDS else "电子文件")
    elif material == "honour":
        out.append("证书")
    else:
        out.append("网页" if page else "台账记录")
    if photos:
        out.append("照片")
    return tuple(out)


def _timeline_url(day: dt.date, urls: dict[str, str]) -> str:
    """The month on the year's timeline page (log entries and routines have no page), or its
    own page when the year is in parts."""
    month = urls.get(f"timeline/{day.year}/{day.month:02d}/index.md")
    base = month or urls.get(f"timeline/{day.year}/index.md", f"timeline/{day.year}/")
    return f"{base}#m{day.year}-{day.month:02d}"


def honour_criteria(content: Content) -> dict[int, tuple[str, ...]]:
    """Honours (by position) -> criterion ids whose keywords their title or note names.
    Honours carry no criteria of their own; the rest go to the last group."""
    out = {}
    for i, h in enumerate(content.honours):
        text = f"{h.title}{h.note or ''}{h.awarded_by}"
        out[i] = tuple(c.id for c in content.criteria if any(k and k in text for k in c.keywords))
    return out


def compute(
    content: Content, records: list[dict], start: dt.date, end: dt.date, urls: dict[str, str], gallery=None
) -> Index:
    """The evidence index of the records dated ``start``..``end`` (the term window)."""
    inside = [r for r in records if start <= _day(r["date"]) <= end]
    outside = len(records) - len(inside)
    shots = {}
    if gallery is not None:
        shots = {a.id: gallery.shots(a) for a in content.published}
    routines = {r.id: r for r in content.routines}
    by_honour = honour_criteria(content)
    documents_url = urls.get("documents/index.md", "documents/")
    honours_url = urls.get("honours/index.md", "honours/")
    groups = []
    known = {c.id for c in content.criteria}
    targets: list[Criterion | None] = [*content.criteria, None]
    for n, c in enumerate(targets, 1):

        def supports(ids, c=c) -> bool:
            return c.id in ids if c else not (set(ids) & known)

        items: list[tuple] = []  # (material order, day, title, Item without number)
        for di, d in enumerate(content.documents):
            if not supports(d.criteria):
                continue
            note = "；".join(x for x in (d.number, d.kind) if x) or None
            url = urls.get(d.file, d.file) if d.file else documents_url
            items.append(
                (
                    0,
                    d.issued,
                    d.title,
                    dict(
                        material="document",
                        label="制度文件",
                        title=f"《{d.title}》",
                        day=d.issued,
                        when=f"印发日期 {format_date_cn(d.issued)}",
                        department=None,
                        figures=() if d.file else ("纸质件存档备查",),  # said as what exists, not as a gap
                        url=url,
                        note=note,
                        key=f"document:{di}",
                        forms=forms("document", file=d.file),
                    ),
                )
            )
        mine = [r for r in inside if supports(r["criteria"])]
        for r in mine:
            if r["kind"] == "routine":
                continue
            day = _day(r["date"])
            items.append(
                (
                    1,
                    day,
                    r["title"],
                    dict(
                        material="activity",
                        label="活动纪实" if r["url"] else "活动记录",
                        title=r["title"],
                        day=day,
                        when=_when(r),
                        department=r["department"],
                        figures=_figures(r["participants"], r["volunteer_hours"], r["amount"], r["photos"]),
                        url=r["url"] or _timeline_url(day, urls),
                        note=r["category"],
                        photos=tuple(shots.get(r["id"], ())),
                        ids=(r["id"],),
                        key=f"activity:{r['id']}",
                        forms=forms("activity", page=bool(r["url"]), photos=r["photos"]),
                    ),
                )
            )
        by_routine: dict[str, list[dict]] = {}
        for r in mine:
            if r["kind"] == "routine":
                by_routine.setdefault(r["routine"], []).append(r)
        for rid, occ in by_routine.items():
            routine = routines.get(rid)
            first, last = _day(occ[0]["date"]), _day(occ[-1]["date"])
            participants = sum(r["participants"] or 0 for r in occ)
            hours = sum((r["volunteer_hours"] or 0) for r in occ)
            amount = sum((r["amount"] or 0) for r in occ)
            pictures = sum(r["photos"] for r in occ)
            figures = (f"{len(occ)} 次",) + _figures(participants, hours, amount, pictures)
            items.append(
                (
                    2,
                    first,
                    occ[0]["title"],
                    dict(
                        material="routine",
                        label="例行活动",
                        title=occ[0]["title"],
                        day=first,
                        when=f"{format_date_cn(first)}至{format_date_cn(last)}",
                        department=occ[0]["department"],
                        figures=figures,
                        url=_timeline_url(last, urls),
                        note="；".join(x for x in (routine.description if routine else None, occ[0]["category"]) if x),
                        ids=tuple(r["id"] for r in occ),
                        key=f"routine:{rid}",
                        forms=forms("routine", photos=pictures),
                    ),
                )
            )
        for i, h in enumerate(content.honours):
            if not supports(by_honour[i]):
                continue
            day = dt.date(h.year, h.month or 1, 1)
            items.append(
                (
                    3,
                    day,
                    h.title,
                    dict(
                        material="honour",
                        label="荣誉",
                        title=h.title,
                        day=day,
                        when=f"{h.year}年{h.month}月" if h.month else f"{h.year}年",
                        department=None,
                        figures=(h.level,),
                        url=f"{honours_url}#y{h.year}",
                        note="；".join(x for x in (h.awarded_by, h.note) if x),
                        key=f"honour:{i}",
                        forms=forms("honour", photos=1 if h.photo else 0),
                    ),
                )
            )
        items.sort(key=lambda t: (t[0], t[1], t[2]))
        standard = c.description if c else None
        numbered = tuple(
            Item(number=f"{n}-{k}", standard=standard, **fields) for k, (_, _, _, fields) in enumerate(items, 1)
        )
        if c is None and not numbered:
            continue
        sections = tuple(
            (s.title, urls.get(s.page, s.page)) for s in content.report if (c.id in s.criteria if c else False)
        )
        themed = [r for r in mine if r["kind"] != "routine"]
        groups.append(
            EvidenceGroup(
                number=n,
                criterion=c,
                url=urls.get(f"criteria/{c.id}/index.md", f"criteria/{c.id}/") if c else None,
                items=numbered,
                sections=sections,
                themed=len(themed),
                routines=len(by_routine),
                occurrences=sum(len(v) for v in by_routine.values()),
                photos=sum(r["photos"] for r in mine),
                last=max((_day(r["date"]) for r in mine), default=None),
            )
        )
    return Index(tuple(groups), start, end, outside)


# --- the site page /evidence/ (a page kind, see wenmingsite.pages.pagekinds) ----------------------


@page_kind("evidence", search=False)
class EvidencePage:
    @staticmethod
    def specs(site) -> list[PageSpec]:
        if not site.content.criteria:
            return []
        return [
            PageSpec(
                "evidence/index.md",
                "佐证材料目录",
                "evidence",
                description="按测评项目逐项列出支撑材料：制度文件、活动、例行活动和荣誉，供检查组核对",
            )
        ]

    @staticmethod
    def render(site, spec, url: str) -> str:
        index = compute(site.content, site.records, site.stats.start, site.stats.end, site.urls, site.gallery)
        return site.renderer.render("evidence.html", url, index=index)
