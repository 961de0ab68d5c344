"""Typed, frozen records of a unit's content, as loaded and validated."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Unit:
    name: str
    short_name: str
    kind: str
    title_sought: str
    term: str
    term_start: dt.date
    term_end: dt.date
    introduction: str
    headcount: int | None = None
    logo: str | None = None
    address: str | None = None
    phone: str | None = None
    departments: tuple[str, ...] = ()
    banner: str | None = None  # docs path of the homepage banner photo (default: the latest photo)
    icp: str | None = None  # ICP 备案号, shown in the footer
    police: str | None = None  # 公安机关互联网站安全备案号
    wechat: str | None = None  # 微信公众号 name
    wechat_qr: str | None = None  # docs path of the 公众号 QR image
    links: tuple[tuple[str, str], ...] = ()  # 友情链接 (name, https URL), shown in the footer
    review: bool = False  # 发布审核: only approved material is published (wenmingsite.loading.signoff)
    approvers: tuple[str, ...] = ()  # who may approve (审核人)


@dataclass(frozen=True)
class Thresholds:
    """How much evidence an assessment item needs before the coverage view is satisfied."""

    min_activities: int = 3  # distinct activities in the term (a routine counts once)
    min_photos: int = 0
    recent_months: int = 6  # flag an item with nothing in this many months


@dataclass(frozen=True)
class Signoff:
    """Who wrote a piece of material and who approved it, when (撰稿、审核)."""

    author: str | None = None
    approved_by: str | None = None
    approved_on: dt.date | None = None


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    description: str | None = None
    keywords: tuple[str, ...] = ()
    thresholds: Thresholds = Thresholds()


@dataclass(frozen=True)
class Category:
    name: str
    slug: str
    description: str | None = None
    criteria: tuple[str, ...] = ()  # criterion ids


@dataclass(frozen=True)
class Photo:
    src: str  # path relative to docs/, POSIX form
    caption: str | None
    alt: str | None
    source: str  # the file that lists the photo, relative to the project root
    line: int

    @property
    def text(self) -> str:
        """What a screen reader hears: the alt text, else the caption."""
        return self.alt or self.caption or ""


@dataclass(frozen=True)
class Activity:
    """One activity as a visitor and the statistics see it.

    ``origin`` is ``page`` (a Markdown page of its own), ``log`` (an entry of a YAML log)
    or ``routine`` (one real occurrence of a recurring routine).
    """

    id: str
    origin: str
    title: str
    date: dt.date
    category: str  # category name
    source: str  # file relative to the project root
    line: int
    end_date: dt.date | None = None
    criteria: tuple[str, ...] = ()  # criterion ids: the entry's own plus its category's
    department: str | None = None
    location: str | None = None
    participants: int | None = None
    volunteer_hours: Decimal | None = None
    amount: Decimal | None = None
    summary: str | None = None
    photos: tuple[Photo, ...] = ()
    draft: bool = False
    page: str | None = None  # docs-relative path of the Markdown page
    routine: str | None = None  # id of the routine an occurrence belongs to
    time: str | None = None
    signoff: Signoff = Signoff()
    pending: bool = False  # review is on and nobody approved it (待审核): preview only
    festival: str | None = None  # 我们的节日: a festival's name, or "无" (wenmingsite.pages.festivals)


@dataclass(frozen=True)
class Routine:
    id: str
    title: str
    category: str
    repeat: str
    start: dt.date
    end: dt.date | None
    source: str
    line: int
    description: str  # e.g. "每周一", for compact listings
    dates: tuple[dt.date, ...] = ()  # every real occurrence after exceptions


@dataclass(frozen=True)
class Honour:
    year: int
    title: str
    level: str
    awarded_by: str
    source: str
    line: int
    month: int | None = None
    photo: str | None = None
    note: str | None = None
    signoff: Signoff = Signoff()
    pending: bool = False


@dataclass(frozen=True)
class Member:
    role: str
    name: str
    position: str | None = None


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[Member, ...] = ()
    duties: tuple[str, ...] = ()
    established: dt.date | None = None
    document: str | None = None
    location: str | None = None
    director: str | None = None


@dataclass(frozen=True)
class OrganizationChange:
    date: dt.date
    description: str
    document: str | None = None


@dataclass(frozen=True)
class Organization:
    leading_group: Group
    office: Group | None = None
    changes: tuple[OrganizationChange, ...] = ()


@dataclass(frozen=True)
class Document:
    title: str
    issued: dt.date
    source: str
    line: int
    number: str | None = None
    kind: str | None = None
    file: str | None = None  # docs-relative path of the downloadable file
    size: int | None = None  # bytes
    summary: str | None = None
    criteria: tuple[str, ...] = ()
    sensitive_ok: str | None = None  # 敏感信息确认 for the file's own text (gate.sensitive)


@dataclass(frozen=True)
class PageMeta:
    """Front matter of one Markdown page, parsed once per build by our strict reader."""

    path: str  # docs-relative
    meta: dict
    body: str
    role: str  # activity | report | notice | page
    ok: bool  # False when the front matter could not be read
    body_line: int = 1  # line of the file where the body starts


@dataclass(frozen=True)
class ReportSection:
    page: str  # docs-relative
    title: str
    order: int
    criteria: tuple[str, ...] = ()
    signoff: Signoff = Signoff()
    pending: bool = False
    line: int = 1


@dataclass(frozen=True)
class KnowledgeSection:
    """One part of 应知应会 (data/knowledge.yml): a heading and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class QuizQuestion:
    """A self-test question: the options in order, the right one by its index."""

    question: str
    options: tuple[str, ...]
    answer: int  # 0-based index into options
    explain: str | None = None


@dataclass(frozen=True)
class Knowledge:
    sections: tuple[KnowledgeSection, ...]
    quiz: tuple[QuizQuestion, ...] = ()


@dataclass(frozen=True)
class VolunteerTeam:
    """A volunteer team of the unit (data/volunteers.yml). No private person's number: the
    leader is named by role."""

    name: str
    founded: dt.date | None = None
    members: int | None = None
    leader: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class VolunteerProject:
    """A standing service project: what, when, where, with whom."""

    name: str
    description: str
    schedule: str | None = None
    place: str | None = None
    partner: str | None = None


@dataclass(frozen=True)
class Volunteering:
    """志愿服务 (data/volunteers.yml): teams, projects, and the activity categories whose
    activities count as volunteer service (their figures come from the activities)."""

    teams: tuple[VolunteerTeam, ...]
    projects: tuple[VolunteerProject, ...] = ()
    categories: tuple[str, ...] = ()  # category names


@dataclass(frozen=True)
class Announcement:
    """A 通知公告 page (docs/notices/*.md). Named so beside Content.notices, which are the
    build's own notes to editors."""

    page: str  # docs path
    title: str
    date: dt.date
    source: str  # file, for messages
    department: str | None = None
    expires: dt.date | None = None
    top: bool = False
    summary: str | None = None
    signoff: Signoff = Signoff()
    pending: bool = False  # review is on and nobody approved it (待审核): preview only
    line: int = 1  # of the front matter, for messages and wenming approve

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today


@dataclass(frozen=True)
class Person:
    """One of 文明风采/身边好人 (data/people.yml): a publicly honoured member of staff."""

    name: str
    role: str
    year: int
    honour: str
    deed: tuple[str, ...]  # paragraphs
    source: str
    line: int
    photo: str | None = None  # docs path, published through the photo pipeline
    caption: str | None = None


@dataclass(frozen=True)
class Content:
    """Everything one build knows about the unit."""

    unit: Unit | None
    criteria: tuple[Criterion, ...]
    categories: tuple[Category, ...]
    activities: tuple[Activity, ...]  # published and draft, sorted by (date, id)
    routines: tuple[Routine, ...]
    honours: tuple[Honour, ...]
    organization: Organization | None
    documents: tuple[Document, ...]
    report: tuple[ReportSection, ...]
    pages: dict = field(default_factory=dict)  # docs-relative path -> PageMeta
    knowledge: Knowledge | None = None  # 应知应会 (data/knowledge.yml)
    volunteering: Volunteering | None = None  # 志愿服务 (data/volunteers.yml)
    announcements: tuple[Announcement, ...] = ()  # 通知公告 (docs/notices/), newest first
    people: tuple[Person, ...] = ()  # 文明风采 (data/people.yml), newest first
    today: dt.date | None = None  # the day the content was loaded as of
    # docs-relative path -> publication class (wenmingsite.gate), for every file under docs/
    # that the gate lets through; a file not in here is never copied to site/.
    files: dict = field(default_factory=dict)
    # Not errors (never fail a build): e.g. photos in an activity folder that no photos lists.
    notices: tuple = ()

    @functools.cached_property  # read-only content: computed once, not per listing
    def published(self) -> tuple[Activity, ...]:
        return tuple(a for a in self.activities if not a.draft)

    @property
    def photo_paths(self) -> set[str]:
        """Docs-relative paths of every original photo the content refers to."""
        paths = {p.src for a in self.activities for p in a.photos}
        paths.update(h.photo for h in self.honours if h.photo)
        if self.unit and self.unit.banner:
            paths.add(self.unit.banner)
        paths.update(p.photo for p in self.people if p.photo)
        return paths

    @functools.cached_property
    def _criterion_by_id(self) -> dict[str, Criterion]:
        found: dict[str, Criterion] = {}
        for c in self.criteria:
            found.setdefault(c.id, c)  # the first of a repeated id, as a search in order finds it
        return found

    @functools.cached_property
    def _category_by_name(self) -> dict[str, Category]:
        found: dict[str, Category] = {}
        for c in self.categories:
            found.setdefault(c.name, c)
        return found

    def criterion(self, cid: str) -> Criterion | None:
        return self._criterion_by_id.get(cid)

    def category(self, name: str) -> Category | None:
        return self._category_by_name.get(name)
