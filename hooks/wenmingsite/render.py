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


class Renderer:
    def __init__(self, content: Content):
        self.content = content

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
        )
        return env

    def render(self, name: str, **context) -> str:
        return self.env.get_template(name).render(content=self.content, **context)

    def criteria_names(self, activity: Activity) -> list[str]:
        return [c.name for cid in activity.criteria if (c := self.content.criterion(cid))]

    def activity_panel(self, activity: Activity) -> str:
        return self.render("activity_panel.html", a=activity, criteria=self.criteria_names(activity))

    def home(self, page_url: str, urls: dict[str, str], latest: int = 8) -> str:
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
        items = []
        # Routine occurrences count in the figures but would crowd out everything else.
        one_off = [a for a in published if a.kind != "routine"]
        for a in sorted(one_off, key=lambda a: (a.date, a.id), reverse=True)[:latest]:
            url = urls.get(a.page) if a.page else None
            items.append((a, relative_url(url, page_url) if url is not None else None))
        logo = relative_url(unit.logo, page_url) if unit and unit.logo else None
        return self.render("home.html", unit=unit, figures=figures, latest=items, logo=logo)

    def report_criteria(self, section) -> str:
        names = [c.name for cid in section.criteria if (c := self.content.criterion(cid))]
        return self.render("report_criteria.html", names=names)

    def problems(self, problems) -> str:
        return self.render("problems.html", problems=problems)

    def draft_notice(self) -> str:
        return self.render("draft.html")
