"""HTML fragments the hooks inject, rendered from autoescaping Jinja templates."""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup, escape

from wenmingsite.loading import fields, recurrence
from wenmingsite.loading.records import Activity, Content
from wenmingsite.pages import precompiled
from wenmingsite.pages.timeline import LISTING_LIMIT, Listing, anchor

if TYPE_CHECKING:
    from wenmingsite.pages.gallery import Gallery
from wenmingsite.loading.values import format_date_cn

TEMPLATES = Path(__file__).parent.parent / "templates"
WEEKDAY_NAMES = "一二三四五六日"


@functools.lru_cache(maxsize=1 << 16)  # a few pages' URLs, asked for every row and link they show
def relative_url(to: str, start: str) -> str:
    """A link from the page at site URL ``start`` to site URL ``to`` (both root-relative)."""
    start_dir = start if start.endswith("/") or not start else posixpath.dirname(start) + "/"
    rel = posixpath.relpath("/" + to, "/" + start_dir)
    if to.endswith("/") or not to:
        rel = rel.rstrip("/") + "/"
    return rel


_LINK_ATTR = re.compile(r'(\s(?:src|href))="(?![a-z]+:|#|/)([^"]*)"')


def rebase_links(html: str, from_url: str, to_url: str) -> str:
    """Relative links of HTML rendered for the page at ``from_url``, for the page at ``to_url``."""

    def fix(m: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(from_url, m.group(2)))
        if m.group(2).endswith("/"):
            target += "/"
        return f'{m.group(1)}="{relative_url(target if target != "." else "", to_url)}"'

    return _LINK_ATTR.sub(fix, html)


def cn_date(value: dt.date) -> str:
    return format_date_cn(value)


# The weekday never splits across lines ("（周 / 四）"); the date may break before it.
_WEEKDAY_MARKS = tuple(Markup('<span class="ws-nowrap">（周{}）</span>').format(name) for name in WEEKDAY_NAMES)


def cn_date_range(a: Activity) -> Markup:
    text = escape(cn_date(a.date)) + _WEEKDAY_MARKS[a.date.weekday()]
    if a.end_date and a.end_date != a.date:
        end = a.end_date
        if end.year != a.date.year:
            text += escape(f"至{cn_date(end)}")
        elif end.month != a.date.month:
            text += escape(f"至{end.month}月{end.day}日")
        else:
            text += escape(f"至{end.day}日")
    return text


def number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = value.normalize()
        if value == value.to_integral_value():
            return f"{int(value):,}"
        return f"{value:,f}"
    return f"{value:,}"


def present(parts, sep: str = " · ") -> str:
    """``[(count, "项主题活动"), …]`` as "3 项主题活动 · 12 张照片" without the parts that
    are zero: a public page never prints "0 张", which an inspector reads as a gap."""
    return sep.join(f"{number(n)} {unit}" if unit[:1] not in "（(" else f"{number(n)}{unit}" for n, unit in parts if n)


def money(value) -> str:
    """Amounts the Chinese way: 万元 from ten thousand up, 元 with separators below."""
    value = Decimal(str(value))
    if value >= 10000:
        wan = (value / 10000).quantize(Decimal("0.01")).normalize()
        return f"{number(wan)} 万元"
    return f"{number(value)} 元"


def _amount_parts(value) -> tuple[str, str]:
    """An amount as (number, unit), so that the homepage can keep them on one line."""
    number_text, _, unit = money(value).partition(" ")
    return number_text, unit


def _level_classes() -> dict[str, str]:
    from wenmingsite.loading.schema import HONOUR_LEVELS

    return dict(zip(HONOUR_LEVELS, ("national", "province", "city", "county", "system"), strict=True))


def _home_notices(content: Content) -> list:
    from wenmingsite.pages.sections import home_notices

    return home_notices(content)


def filesize(size: int | None) -> str:
    if size is None:
        return ""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def entry_date(e) -> str:
    text = cn_date(e.date)
    if e.end_date and e.end_date != e.date:
        end = e.end_date
        text += f"至{end.month}月{end.day}日" if end.year == e.date.year else f"至{cn_date(end)}"
    return text


# The mark a headline without a photo shows (templates/mark.html), by what the category's name
# says: a unit names its own categories, so the words decide, in this order ("宣传教育" is
# publicity before "教育" makes it study); anything else gets the flag.
_LOOKS = (
    ("volunteer", ("志愿", "雷锋", "献血", "公益")),
    ("publicity", ("宣传", "普法", "风尚", "礼仪")),
    ("study", ("学习", "教育", "党", "讲堂", "读书", "培训")),
    ("culture", ("文体", "文化", "体育", "运动", "歌", "节日")),
    ("aid", ("帮扶", "共建", "慰问", "结对", "敬老")),
    ("environment", ("环境", "卫生", "绿化", "安全", "生态")),
    ("mechanism", ("制度", "机制", "会议", "台账", "组织")),
    ("service", ("业务", "服务", "技术", "窗口")),
)


_SHARED_MARK = re.compile(r'<use href="#ws-mark-([a-z]+)"/>')


def category_look(name: str) -> str:
    return next((look for look, words in _LOOKS if any(w in name for w in words)), "flag")


@functools.cache
def environment() -> jinja2.Environment:
    """One environment per process: templates compile once, not on every serve rebuild."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        cn_date=cn_date,
        cn_date_range=cn_date_range,
        number=number,
        money=money,
        entry_date=entry_date,
        filesize=filesize,
        money_or_dash=lambda v: money(v) if v else "—",
        number_or_dash=lambda v: number(v) if v else "—",  # table cells: a dash, not a bare 0
        present=present,
        category_look=category_look,
        rule_pieces=recurrence.rule_pieces,  # a routine's schedule, held together on paper
    )
    return precompiled.install(env)  # compiled ahead of time where that is exactly the same code


# Stands for the way up from a page to the site root in HTML shared by many pages.
ROOT = "\x00root\x00"
GROUP = "\x00group\x00"  # stands for the lightbox group of a photo grid
MEMO_LIMIT = 200_000


class _Kept:
    """Rendered HTML by everything it shows, kept across `mkdocs serve` rebuilds (within one
    `mkdocs build` only, cleared at its start). Each build is a generation: what it asks for
    is taken over from the previous one, the rest is dropped at the next build's start, so a
    long serve session holds at most two builds' worth (a save that adds or renames a page
    changes every key made with the URL map: the old entries are not kept for ever)."""

    def __init__(self) -> None:
        self.now: dict = {}
        self.before: dict = {}

    def start(self) -> None:
        self.before, self.now = self.now, {}

    def clear(self) -> None:
        self.now, self.before = {}, {}

    def __len__(self) -> int:
        return len(self.now) + len(self.before)

    def get(self, key, make):
        found = self.now.get(key)
        if found is None:
            found = self.before.pop(key, None)
            if found is None:
                if len(self.now) > MEMO_LIMIT:
                    self.now.clear()
                found = make()
            self.now[key] = found
        return found


_ROWS = _Kept()  # listing rows by everything they show
_FIGURES = _Kept()  # photos of grids, idem
_FRAGMENTS = _Kept()  # activity page blocks and listing parts, idem (`mkdocs serve` only)


def _remember(table: _Kept, key, make):
    return table.get(key, make)


class Renderer:
    """Renders the HTML the hooks inject. ``urls`` maps docs paths to site URLs; links
    are made relative to the page being rendered, so the site works under any base path."""

    PHOTO_DIR = "assets/photos"

    def __init__(
        self, content: Content, urls: dict[str, str] | None = None, memo: bool = False, internal: bool = False
    ):
        """``memo``: keep the blocks of activity pages for the next build (`mkdocs serve`).
        ``internal``: the editors' preview, which also shows what the public site leaves out
        (evidence gaps, thresholds); templates see it as ``internal``."""
        self.content = content
        self.internal = internal
        self.urls = urls or {}
        self.gallery: Gallery | None = None  # set once photos are published
        self.memo = memo
        # (the URL map, its hash); self.urls is always a dict, so the first call computes it
        self._urls_key: tuple[dict[str, str] | None, int] = (None, 0)
        self._departments_of: tuple[object, list[str]] = (None, [])  # (archive, its departments)
        self._years_of: tuple[object, list[tuple[int, int]]] = (None, [])  # (archive, its years' counts)
        for table in (_ROWS, _FIGURES, _FRAGMENTS):
            # serve: a new generation (what this build does not use again is dropped at the
            # next); a build: rows and figures are shared within this build only
            if memo:
                table.start()
            else:
                table.clear()

    def urls_key(self) -> int:
        """Changes whenever the URL map does (files added, removed or renamed)."""
        if self._urls_key[0] is not self.urls:
            self._urls_key = (self.urls, hash(tuple(self.urls.items())))
        return self._urls_key[1]

    def _fragment(self, name: str, page_url: str, inputs: tuple, **context) -> str:
        if not self.memo:
            return self.render(name, page_url, **context)
        key = (name, page_url, self.urls_key(), inputs)
        return _remember(_FRAGMENTS, key, lambda: self.render(name, page_url, **context))

    def row_inputs(self, e) -> tuple:
        """What an entry's row shows besides the entry: its cover photo and its category's URL."""
        cover = self.gallery.covers.get(e.ids[0]) if self.gallery and e.ids else None
        return cover, self.urls.get(f"categories/{e.category_slug}/index.md", "")

    def row(self, e, page_url: str) -> Markup:
        """An entry's row in a listing: rendered once, then shared by every page listing it."""
        cover, category = self.row_inputs(e)
        key = (e, category, (cover.photo, cover.published.key) if cover else None)
        html = _remember(
            _ROWS,
            key,
            lambda: self.env.get_template("row.html").render(
                e=e,
                cover=cover,
                root=ROOT,
                photo_dir=self.PHOTO_DIR,
                category_url=category,
                look=category_look(e.category),
            ),
        )
        return Markup(html.replace(ROOT, relative_url("", page_url)))

    def evidence_group(self, g, page_url: str) -> Markup:
        """One criterion's section of /evidence/ (evidence_group.html, an evidence.EvidenceGroup).
        In serve it is rendered again only when something it shows changed: an edit to one
        activity changes the sections of its criteria, not the other groups' hundreds of rows.
        Keep ``inputs`` in step with the template."""
        inputs = (
            g.number,
            g.anchor,
            g.title,
            g.criterion is not None,
            g.themed,
            g.routines,
            g.occurrences,
            g.photos,
            g.last,
            g.url,
            g.sections,
            tuple((i.number, i.url, i.title, i.label, i.note, i.when, i.department, i.figures) for i in g.items),
        )
        return Markup(self._fragment("evidence_group.html", page_url, inputs, g=g))

    def print_row(self, a, shot, page_url: str, caller) -> str:
        """An activity's line in the print page's appendix (``caller()``, print.html): in serve
        kept by what it shows, so that an edit draws one line of a thousand again."""
        if not self.memo:
            return caller()
        photo = None
        if shot:
            t = shot.published.output("t800j")
            photo = (shot.alt, t.path, t.width, t.height)
        shown = (a.title, a.date, a.end_date, a.category, a.department, type(a.participants), a.participants, a.summary)
        key = ("print.html appendix", page_url, shown, photo)
        return _remember(_FRAGMENTS, key, caller)

    def with_marks(self, html: str) -> str:
        """A generated page with the category icons its headlines use (mark.html, ``shared``)
        drawn once at its start."""
        looks = sorted(set(_SHARED_MARK.findall(html)))
        if not looks:
            return html
        return str(self.env.get_template("mark.html").module.symbols(looks)) + html  # type: ignore[attr-defined]

    @property
    def env(self) -> jinja2.Environment:
        return environment()

    def render(self, name: str, page_url: str, **context) -> str:
        def rel(url: str) -> str:
            return relative_url(url, page_url)

        def page(src: str) -> str:
            return relative_url(self.urls[src], page_url)

        up = relative_url("", page_url)

        def photo_url(output) -> str:  # photos never share a folder with a page
            return f"{up}{self.PHOTO_DIR}/{output.path}"

        covers = context.pop("covers", None)
        if covers is None and self.gallery is not None:
            covers = self.gallery.covers
        return self.env.get_template(name).render(
            content=self.content,
            rel=rel,
            page=page,
            photo_url=photo_url,
            urls=self.urls,
            covers=covers or {},
            row=lambda e: self.row(e, page_url),
            internal=self.internal,
            grid=lambda shots, group: self.grid(shots, group, page_url),
            evidence_group=lambda g: self.evidence_group(g, page_url),
            print_row=lambda a, shot, caller: self.print_row(a, shot, page_url, caller),
            **context,
        )

    def criteria_of(self, activity: Activity):
        return [c for cid in activity.criteria if (c := self.content.criterion(cid))]

    def activity_panel(self, activity: Activity, page_url: str) -> str:
        category, criteria = self.content.category(activity.category), self.criteria_of(activity)
        return self._fragment(
            "activity_panel.html",
            page_url,
            (activity, category, tuple(criteria)),
            a=activity,
            category=category,
            criteria=criteria,
            panel=fields.PANEL,
        )

    def photos(self, activity: Activity, page_url: str) -> str:
        shots = self.gallery.shots(activity) if self.gallery else ()
        return self.grid(shots, activity.id, page_url) if shots else ""

    def grid(self, shots, group: str, page_url: str) -> Markup:
        """Photos opening in the lightbox, as one group. Each photo's markup is made once and
        shared by its activity page and its albums. Left out of the search index: captions
        would only repeat the activity's own text."""
        template = self.env.get_template("figure.html")
        figures = "".join(
            _remember(
                _FIGURES,
                (s.photo, s.published.key),
                lambda s=s: template.render(s=s, group=GROUP, root=ROOT, photo_dir=self.PHOTO_DIR),
            )
            for s in shots
        )
        figures = figures.replace(ROOT, relative_url("", page_url)).replace(GROUP, str(escape(group)))
        return Markup(f'<div class="ws-photos" data-search-exclude>\n{figures}</div>\n')

    def gallery_index(self, page_url: str) -> str:
        g = self.gallery
        if g is None:
            raise RuntimeError("Renderer.gallery_index before Renderer.gallery is set")
        years, categories = g.front_albums()
        return self.render("gallery.html", page_url, years=years, categories=categories, count=g.count)

    def album(self, album, page_url: str) -> str:
        return self.render("album.html", page_url, album=album)

    def prev_next(self, prev: Activity | None, next_: Activity | None, page_url: str) -> str:
        if not (prev or next_):
            return ""
        return self._fragment(
            "prevnext.html",
            page_url,
            (prev, next_),
            prev=prev,
            next=next_,
            prev_url=self.urls.get(prev.page) if prev and prev.page is not None else None,
            next_url=self.urls.get(next_.page) if next_ and next_.page is not None else None,
        )

    def home(self, page_url: str, stats=None, coverage=(), published=None, latest: int = 6) -> str:
        """The homepage: a banner photo with the unit's name, the key figures of the term,
        entries into the main sections, the latest activities with their thumbnails, the
        newest honours and the assessment items at a glance (gap labels only in the editors'
        preview)."""
        published = published or {}
        unit = self.content.unit
        # Routine occurrences count in the figures but would crowd out everything else.
        one_off = sorted(
            (a for a in self.content.published if a.origin != "routine"), key=lambda a: (a.date, a.id), reverse=True
        )
        covers = self.gallery.covers if self.gallery else {}
        items = [(a, self.activity_url(a), covers.get(a.id)) for a in one_off[:latest]]
        figures = stats.term if stats else None
        return self.render(
            "home.html",
            page_url,
            unit=unit,
            figures=figures,
            amount=_amount_parts(figures.amount) if figures else None,
            banner=self._banner(published, one_off),
            entries=self._entries(stats, coverage),
            latest=items,
            coverage=coverage,
            thin=[c for c in coverage if c.thin],
            honours=self.content.honours[:3],
            level_class=_level_classes(),
            notices=_home_notices(self.content),
        )

    def activity_url(self, a: Activity) -> str | None:
        """Where a headline of ``a`` leads: its page, or (a log entry has none) its row on its
        year's listing, which shows all there is of it."""
        if a.page:
            return self.urls.get(a.page)
        month = self.urls.get(f"timeline/{a.date.year}/{a.date.month:02d}/index.md")  # a year in parts
        year = month or self.urls.get(f"timeline/{a.date.year}/index.md")
        return f"{year}#{anchor(a.id)}" if year is not None else None

    def _banner(self, published: dict, newest_first: list) -> tuple | None:
        """The homepage banner: (Published, alt text, activity or None). The unit's own
        banner photo when it has one, else the newest landscape activity photo (a portrait
        photo would lose most of itself to the banner's wide crop), else the newest photo."""
        unit = self.content.unit
        if unit and unit.banner and unit.banner in published:
            return published[unit.banner], "", None
        shots = [s for a in newest_first for s in (self.gallery.shots(a) if self.gallery else ())]
        shot = next((s for s in shots if s.published.width >= s.published.height), shots[0] if shots else None)
        return (shot.published, shot.alt, shot.activity) if shot else None

    def _entries(self, stats, coverage) -> list[tuple[str, str, str]]:
        """(title, docs path, what it holds) of the main sections that exist in this site."""
        c = self.content
        found = []
        if c.report:
            found.append(("创建汇报", c.report[0].page, f"{len(c.report)} 个章节"))
        found.append(("创建动态", "timeline/index.md", f"{stats.term.one_off:,} 项活动" if stats else "按时间排列"))
        found.append(
            (
                "图片展示",
                "gallery/index.md",
                f"{self.gallery.count:,} 张照片" if self.gallery and self.gallery.count else "活动照片",
            )
        )
        found.append(("数据统计", "stats/index.md", "图表和明细"))
        found.append(("测评对照", "criteria/index.md", f"{len(coverage)} 个项目" if coverage else "逐项对照"))
        found.append(("荣誉", "honours/index.md", f"{len(c.honours)} 项荣誉" if c.honours else "荣誉墙"))
        return [e for e in found if e[1] in self.urls]

    def timeline(self, archive, year: int | None, page_url: str, parts=(), limit: int = LISTING_LIMIT) -> str:
        return self.render("timeline.html", page_url, **self.timeline_context(archive, year, parts, limit))

    def timeline_context(self, archive, year: int | None, parts=(), limit: int = LISTING_LIMIT) -> dict:
        """What timeline.html shows: a year of the timeline, or (``year`` None) its first page,
        the latest 12 months. A year in ``parts`` (its months, timeline.split) lists its months
        instead of headlines; a first page over ``limit`` headlines shows its newest months
        whole up to the limit and links the others."""
        years = self._year_counts(archive)
        listing = whole = archive.recent() if year is None else archive.by_year(year)
        earlier = []
        if year is None and listing.themed > limit:
            kept, shown = [], 0
            for m in listing.months:  # whole months, newest first, at least one with headlines
                if m.entries and shown and shown + m.themed > limit:
                    break
                kept.append(m)
                shown += m.themed
            earlier = [m for m in listing.themed_months if m not in kept]
            listing = Listing(tuple(kept))
        return dict(
            year=year,
            years=years,
            listing=listing,
            whole=whole,
            # The first page's headlines are the latest year's; its routines are named with
            # all their occurrences (a year page: that year's).
            routines=archive.routine_summaries() if year is None else listing.routine_summaries,
            span=f"{year}年" if year is not None else "",
            recent=archive.recent_span() if year is None else None,
            departments=self._departments(archive),
            parts=[(p, archive.part(p)) for p in parts],
            earlier=[(m, self._month_link(m.year, m.month)) for m in earlier],
        )

    def _year_counts(self, archive) -> list[tuple[int, int]]:
        """The timeline's years and what each holds (on the timeline and every year page), made
        once per archive."""
        if self._years_of[0] is not archive:
            counts = [(y, archive.count_where(lambda e, y=y: e.date.year == y)) for y in archive.years()]
            self._years_of = (archive, counts)
        return list(self._years_of[1])

    def _departments(self, archive) -> list[str]:
        """The departments of the filter (every listing has it): the unit's own order first,
        made once per archive."""
        if self._departments_of[0] is not archive:
            known = list(self.content.unit.departments) if self.content.unit else []
            used = {e.department for e in archive.entries if e.department}
            self._departments_of = (archive, [d for d in known if d in used] + sorted(used - set(known)))
        return list(self._departments_of[1])

    def _month_link(self, year: int, month: int) -> str:
        """The docs path (and anchor) of a month of the timeline: its part, or its section
        on the year's page."""
        part = f"timeline/{year}/{month:02d}/index.md"
        return part if part in self.urls else f"timeline/{year}/index.md#m{year}-{month:02d}"

    def group(self, listing, description: str | None, page_url: str, parts=(), archive=None) -> str:
        """A category's or criterion's listing; over the limit, the index of its ``parts``."""
        return self.render("group.html", page_url, **self.group_context(listing, description, parts, archive))

    def group_context(self, listing, description: str | None, parts=(), archive=None) -> dict:
        """What group.html shows (see :meth:`group`)."""
        tallies = [(p, archive.part(p)) for p in parts]
        return dict(listing=listing, description=description, span="", parts=tallies)

    def listing_part(self, archive, part, parts, title: str, page_url: str) -> str:
        """One part of a split listing (a year or a month), with the way to its neighbours:
        the page above, the parts beside it, the previous and next one. In serve, rendered
        again only when something it shows changed (``_fragment``; saving one activity
        changes the few parts that list it)."""
        context = self.listing_part_context(archive, part, parts, title)
        if not self.memo:
            return self.render("listing_part.html", page_url, **context)
        # Everything listing_part.html and its includes read besides the URL map (in every
        # fragment's key): the context, the filter's categories and criteria, each row's
        # cover photo.
        listing = context["listing"]
        inputs = (
            part,
            title,
            listing,
            tuple(context["siblings"]),
            tuple(parts),
            tuple(context["parts"]),
            tuple(context["years"]),
            tuple(context["departments"]),
            self.content.categories,
            self.content.criteria,
            tuple(self._cover_key(e) for m in listing.months for e in m.entries),
        )
        return self._fragment("listing_part.html", page_url, inputs, **context)

    def listing_part_context(self, archive, part, parts, title: str) -> dict:
        """What listing_part.html shows (see :meth:`listing_part`)."""
        listing = archive.part(part)
        siblings = [p for p in parts if p.parent == part.parent]  # its listing's years, or its year's months
        at = siblings.index(part)
        older = siblings[at + 1] if at + 1 < len(siblings) else None
        newer = siblings[at - 1] if at > 0 else None
        # a year still over the limit lists its months, as the listing lists its years
        tallies = [(p, archive.part(p)) for p in parts if p.parent == part.folder] if part.split else []
        years = [(y, None) for y in archive.years()] if part.scope == "year" else []
        departments = self._departments(archive)
        listing_src = f"{'/'.join(part.folder.split('/')[:2])}/index.md"
        context = dict(
            part=part,
            title=title,
            listing=listing,
            siblings=siblings,
            all_parts=parts,
            parts=tallies,
            listing_src=listing_src,
            older=older,
            newer=newer,
            span=part.period,
            years=years,
            departments=departments,
        )
        return context

    def _cover_key(self, e) -> tuple | None:
        """What of an entry's cover photo its row shows (see :meth:`row`)."""
        cover = self.gallery.covers.get(e.ids[0]) if self.gallery and e.ids else None
        return (cover.photo, cover.published.key) if cover else None

    def index_list(self, groups, page_url: str) -> str:
        return self.render("index_list.html", page_url, groups=groups)

    def stats_page(self, stats, page_url: str, fold: bool = True) -> str:
        """Figures of the term. Charts show 主题活动 (one-off work) only: routine
        occurrences outnumber them tenfold and would flatten every bar; the tables folded
        under each chart (``fold``; unfolded for paper) give both."""
        from wenmingsite.pages import charts

        month_charts: dict[int, tuple[str | None, list]] = {}
        for year in stats.years:
            keys = [k for k in stats.months if k.startswith(f"{year}-")]
            rows = [(f"{int(k[5:])}月", stats.months_themed.get(k, 0), stats.months_routine.get(k, 0)) for k in keys]
            if not any(themed or routine for _, themed, routine in rows):
                continue  # a year with nothing: no all-zero chart, no table of dashes
            if not any(themed for _, themed, _ in rows):
                month_charts[year] = (None, rows)  # routines only: their table, no chart of zeros
            else:
                svg = charts.columns(
                    f"ws-m{year}",
                    f"{year}年各月主题活动",
                    [label[:-1] for label, _, _ in rows],
                    [v for _, v, _ in rows],
                    " 项",
                )
                month_charts[year] = (svg, rows)
        breakdowns = []
        for key, heading, table in stats.breakdowns({c.id: c.name for c in self.content.criteria}):
            tallies = list(table.items())
            notes = [
                f"（另有例行活动 {number(t.routine_occurrences)} 次）" if t.routine_occurrences else ""
                for _, t in tallies
            ]
            svg = charts.bars(f"ws-{key}", f"{heading}的主题活动", [(k, t.one_off) for k, t in tallies], " 项", notes)
            breakdowns.append((key, heading, tallies, svg))
        return self.render(
            "stats.html",
            page_url,
            s=stats,
            month_charts=month_charts,
            breakdowns=breakdowns,
            unit=self.content.unit,
            fold=fold,
        )

    def coverage_page(self, items, reference, page_url: str) -> str:
        return self.render(
            "coverage.html", page_url, items=items, reference=reference, thin=sum(1 for c in items if c.thin)
        )

    def honours_page(self, shots, page_url: str) -> str:
        from itertools import groupby

        from wenmingsite.loading.schema import HONOUR_LEVELS

        honours = self.content.honours  # newest first
        years = [(y, list(g)) for y, g in groupby(honours, key=lambda h: h.year)]
        levels = [(lv, sum(1 for h in honours if h.level == lv)) for lv in HONOUR_LEVELS]
        level_class = dict(zip(HONOUR_LEVELS, ("national", "province", "city", "county", "system"), strict=True))
        return self.render(
            "honours.html",
            page_url,
            years=years,
            levels=levels,
            total=len(honours),
            shots=shots,
            level_class=level_class,
        )

    def organization_page(self, page_url: str) -> str:
        return self.render("organization.html", page_url, org=self.content.organization)

    def documents_page(self, page_url: str) -> str:
        return self.render(
            "documents.html",
            page_url,
            documents=self.content.documents,
            names={c.id: c.name for c in self.content.criteria},
        )

    def print_page(self, sections, stats, coverage, published, today, page_url: str, more=()) -> str:
        """Everything on one page for paper: cover, contents, report, figures, coverage,
        honours, organisation and an appendix of activities with one photo each."""
        one_off = [a for a in self.content.published if a.origin != "routine"]
        appendix = []
        for a in one_off:
            shots = self.gallery.shots(a) if self.gallery else ()
            appendix.append((a, shots[0] if shots else None))
        return self.render(
            "print.html",
            page_url,
            unit=self.content.unit,
            sections=sections,
            today=today,
            appendix=appendix,
            stats_html=self.stats_page(stats, page_url, fold=False),
            coverage_html=self.coverage_page(coverage, stats.end, page_url),
            honours_html=self.honours_page(published, page_url) if self.content.honours else "",
            organization_html=self.organization_page(page_url) if self.content.organization else "",
            more=more,
        )

    def breadcrumb(
        self,
        trail,
        page_url: str,
        source: str | None,
        when=None,
        heading: str | None = None,
        when_label: str = "发布时间",
    ) -> str:
        return self.render(
            "breadcrumb.html", page_url, trail=trail, source=source, when=when, heading=heading, when_label=when_label
        )

    def report_criteria(self, section, page_url: str) -> str:
        names = [c.name for cid in section.criteria if (c := self.content.criterion(cid))]
        return self.render("report_criteria.html", page_url, names=names)

    def problems(self, problems, page_url: str) -> str:
        return self.render("problems.html", page_url, problems=problems)

    def draft_notice(self, page_url: str) -> str:
        return self.render("draft.html", page_url)
