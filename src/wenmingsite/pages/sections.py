"""The sections real 文明创建 topic sites carry besides the showcase: 志愿服务 (/volunteer/),
通知公告 (/notices/ and a block on the home page) and 文明风采 (/people/).

Each is a page kind that exists only when the unit has its data (``needs``): a unit without
data/volunteers.yml, docs/notices/ or data/people.yml gets no page, and a nav entry naming
the page is its Chinese problem (wenmingsite.loading.settings.nav_problems). The data is read and
checked by the loader (``load_volunteers``, ``load_notice``, ``load_people``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from wenmingsite.loading.records import Activity, Announcement, Content
from wenmingsite.pages.pagekinds import PageSpec, page_kind

if TYPE_CHECKING:
    from wenmingsite.site import Site

HOME_NOTICES = 3
LATEST_VOLUNTEERING = 6


@dataclass(frozen=True)
class VolunteerFigures:
    """The term's volunteer service, summed from the activities of its categories (the same
    tallies as /stats/ by category)."""

    one_off: int = 0
    routine_occurrences: int = 0
    participants: int = 0
    volunteer_hours: Decimal = Decimal(0)
    members: int = 0  # team members, from data/volunteers.yml

    def __bool__(self) -> bool:
        return bool(self.one_off or self.routine_occurrences or self.participants or self.volunteer_hours)


def volunteer_figures(site: Site) -> VolunteerFigures:
    v = site.content.volunteering
    if v is None:
        return VolunteerFigures()
    tallies = [site.stats.categories[c] for c in v.categories if c in site.stats.categories]
    return VolunteerFigures(
        sum(t.one_off for t in tallies),
        sum(t.routine_occurrences for t in tallies),
        sum(t.participants for t in tallies),
        sum((t.volunteer_hours for t in tallies), Decimal(0)),
        sum(t.members or 0 for t in v.teams),
    )


def latest_volunteering(site: Site, limit: int = LATEST_VOLUNTEERING) -> list[Activity]:
    """The newest volunteer activities that have a page of their own, within the term."""
    v = site.content.volunteering
    if v is None:
        return []
    start, end = site.stats.start, site.stats.end
    found = [
        a
        for a in site.content.published
        if a.category in v.categories and a.page and a.page in site.urls and start <= a.date <= end
    ]
    return sorted(found, key=lambda a: (a.date, a.id), reverse=True)[:limit]


def notice_order(content: Content) -> list[Announcement]:
    """Pinned notices still in force first, then every other newest first (expired ones stay,
    marked; an expired pinned notice loses its pin)."""
    today = content.today or dt.date.today()
    notices = content.announcements  # newest first
    pinned = [n for n in notices if n.top and not n.expired(today)]
    return pinned + [n for n in notices if n not in pinned]


def home_notices(content: Content, limit: int = HOME_NOTICES) -> list[Announcement]:
    """The home page's 通知公告: notices still in force, pinned first; none once expired."""
    today = content.today or dt.date.today()
    return [n for n in notice_order(content) if not n.expired(today)][:limit]


@page_kind("volunteer", needs=("volunteer/index.md", "data/volunteers.yml"))
class VolunteerPage:
    """志愿服务: the unit's teams and projects, and the term's service from its activities."""

    @staticmethod
    def specs(site):
        if not site.content.volunteering:
            return []
        return [PageSpec("volunteer/index.md", "志愿服务", "volunteer", description="志愿服务队伍、服务项目和服务时长")]

    @staticmethod
    def render(site, spec, url):
        v = site.content.volunteering
        latest = latest_volunteering(site)
        covers = site.gallery.covers
        return site.renderer.render(
            "volunteer.html",
            url,
            v=v,
            figures=volunteer_figures(site),
            s_start=site.stats.start,
            latest=[(a, covers.get(a.id)) for a in latest],
            category_pages=[
                (c.name, f"categories/{c.slug}/index.md")
                for name in v.categories
                if (c := site.content.category(name)) and f"categories/{c.slug}/index.md" in site.urls
            ],
        )


@page_kind("notices", search=False, needs=("notices/index.md", "docs/notices/"))
class NoticesPage:
    """通知公告: the notices newest first, pinned ones on top, expired ones marked."""

    @staticmethod
    def specs(site):
        if not site.content.announcements:
            return []
        return [PageSpec("notices/index.md", "通知公告", "notices", description="本单位文明创建工作的通知和公告")]

    @staticmethod
    def render(site, spec, url):
        today = site.content.today or site.today
        return site.renderer.render("notices.html", url, notices=notice_order(site.content), today=today)


@page_kind("people", needs=("people/index.md", "data/people.yml"))
class PeoplePage:
    """文明风采: staff honoured as 身边好人, 道德模范 and the like, with their deeds."""

    @staticmethod
    def specs(site):
        if not site.content.people:
            return []
        return [PageSpec("people/index.md", "文明风采", "people", description="身边好人、道德模范和先进人物的事迹")]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.render("people.html", url, people=site.content.people, shots=site.published)
