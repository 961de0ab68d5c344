"""HTML fragments the hooks inject, rendered from autoescaping Jinja templates."""

from __future__ import annotations

import datetime as dt
import posixpath
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import jinja2

from .records import Activity, Content
from .values import format_date_cn

TEMPLATES = Path(__file__).parent / "templates"
WEEKDAY_NAMES = "一二三四五六日"


def relative_url(to: str, start: str) -> str:
    """A link from the page at site URL ``start`` to site URL ``to`` (both root-relative)."""
    start_dir = start if start.endswith("/") or not start else posixpath.dirname(start) + "/"
    rel = posixpath.relpath("/" + to, "/" + start_dir)
    if to.endswith("/") or not to:
        rel = rel.rstrip("/") + "/"
    return rel


def cn_date(value: dt.date) -> str:
    return format_date_cn(value)


def cn_date_range(a: Activity) -> str:
    text = f"{cn_date(a.date)}（周{WEEKDAY_NAMES[a.date.weekday()]}）"
    if a.end_date and a.end_date != a.date:
        end = a.end_date
        if end.year != a.date.year:
            text += f"至{cn_date(end)}"
        elif end.month != a.date.month:
            text += f"至{end.month}月{end.day}日"
        else:
            text += f"至{end.day}日"
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


def money(value: Decimal) -> str:
    if value >= 10000:
        wan = (value / 10000).quantize(Decimal("0.01")).normalize()
        return f"{number(value)} 元（{number(wan)} 万元）"
    return f"{number(value)} 元"


def entry_date(e) -> str:
    text = cn_date(e.date)
    if e.end_date and e.end_date != e.date:
        end = e.end_date
        text += f"至{end.month}月{end.day}日" if end.year == e.date.year else f"至{cn_date(end)}"
    return text


class Renderer:
    """Renders the HTML the hooks inject. ``urls`` maps docs paths to site URLs; links
    are made relative to the page being rendered, so the site works under any base path."""

    PHOTO_DIR = "assets/photos"

    def __init__(self, content: Content, urls: dict[str, str] | None = None):
        self.content = content
        self.urls = urls or {}
        self.gallery = None  # set once photos are published

    @cached_property
    def env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        env.filters.update(
            cn_date=cn_date, cn_date_range=cn_date_range, number=number, money=money,
            entry_date=entry_date,
        )
        return env

    def render(self, name: str, page_url: str, **context) -> str:
        def rel(url: str) -> str:
            return relative_url(url, page_url)

        def page(src: str) -> str:
            return relative_url(self.urls[src], page_url)

        def photo_url(output) -> str:
            return relative_url(f"{self.PHOTO_DIR}/{output.path}", page_url)

        covers = context.pop("covers", None)
        if covers is None and self.gallery is not None:
            covers = {aid: shots[0] for aid, shots in self.gallery.by_activity.items()}
        return self.env.get_template(name).render(
            content=self.content, rel=rel, page=page, photo_url=photo_url, urls=self.urls,
            covers=covers or {}, **context)

    def criteria_of(self, activity: Activity):
        return [c for cid in activity.criteria if (c := self.content.criterion(cid))]

    def activity_panel(self, activity: Activity, page_url: str) -> str:
        return self.render("activity_panel.html", page_url, a=activity,
                           category=self.content.category(activity.category),
                           criteria=self.criteria_of(activity))

    def photos(self, activity: Activity, page_url: str) -> str:
        shots = self.gallery.shots(activity) if self.gallery else ()
        if not shots:
            return ""
        return self.render("photos.html", page_url, shots=shots, group=activity.id)

    def gallery_index(self, page_url: str) -> str:
        g = self.gallery
        return self.render("gallery.html", page_url, years=g.years(), categories=g.categories(), count=g.count)

    def album(self, album, page_url: str) -> str:
        return self.render("album.html", page_url, album=album)

    def prev_next(self, prev: Activity | None, next_: Activity | None, page_url: str) -> str:
        if not (prev or next_):
            return ""
        return self.render("prevnext.html", page_url, prev=prev, next=next_,
                           prev_url=self.urls.get(prev.page) if prev else None,
                           next_url=self.urls.get(next_.page) if next_ else None)

    def home(self, page_url: str, latest: int = 8) -> str:
        """The unit's introduction, key figures and latest activities, for the homepage."""
        published = self.content.published
        unit = self.content.unit
        in_term = [a for a in published if unit and unit.term_start <= a.date <= unit.term_end]
        figures = {
            "activities": len(in_term),
            "participants": sum(a.participants or 0 for a in in_term),
            "hours": sum((a.volunteer_hours or Decimal(0) for a in in_term), Decimal(0)),
            "pages": sum(1 for a in in_term if a.kind == "page"),
        }
        # Routine occurrences count in the figures but would crowd out everything else.
        one_off = [a for a in published if a.kind != "routine"]
        items = []
        for a in sorted(one_off, key=lambda a: (a.date, a.id), reverse=True)[:latest]:
            items.append((a, self.urls.get(a.page) if a.page else None))
        return self.render("home.html", page_url, unit=unit, figures=figures, latest=items,
                           has_timeline="timeline/index.md" in self.urls)

    def timeline(self, archive, year: int | None, page_url: str) -> str:
        """A year of the timeline, or (``year`` None) its first page: the latest 12 months."""
        years = [(y, archive.count_where(lambda e, y=y: e.date.year == y)) for y in archive.years()]
        known = list(self.content.unit.departments) if self.content.unit else []
        used = {e.department for e in archive.entries if e.department}
        departments = [d for d in known if d in used] + sorted(used - set(known))
        listing = archive.recent() if year is None else archive.by_year(year)
        return self.render("timeline.html", page_url, year=year, years=years,
                           listing=listing, departments=departments)

    def group(self, listing, description: str | None, page_url: str) -> str:
        return self.render("group.html", page_url, listing=listing, description=description)

    def index_list(self, groups, page_url: str) -> str:
        return self.render("index_list.html", page_url, groups=groups)

    def report_criteria(self, section, page_url: str) -> str:
        names = [c.name for cid in section.criteria if (c := self.content.criterion(cid))]
        return self.render("report_criteria.html", page_url, names=names)

    def problems(self, problems, page_url: str) -> str:
        return self.render("problems.html", page_url, problems=problems)

    def draft_notice(self, page_url: str) -> str:
        return self.render("draft.html", page_url)
