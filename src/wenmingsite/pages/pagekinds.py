"""The registry of generated page kinds: which pages the site makes beyond docs/, and how.

A kind is one class with two static methods, declared with :func:`page_kind`::

    @page_kind("honours", search=True)
    class Honours:
        @staticmethod
        def specs(site) -> list[PageSpec]:        # the pages of this kind this site has
            ...
        @staticmethod
        def render(site, spec, url) -> str:       # the page body's HTML at ``url``
            ...

``site`` is a :class:`wenmingsite.site.Site`. ``specs`` is called before URLs exist (only
``site.content`` and ``site.gallery`` are there); ``render`` after the site is bound
(records, archive, statistics, coverage). Kinds are listed in registration order, which is
the order their pages are added to the site (and so to the sitemap and search index).

A kind declared in a module of its own is found by adding the module's name to
:data:`KIND_MODULES`. Everything about a kind lives in its declaration: a kind that is
unknown, declared twice, or lacks a method is an error at registration, not a crash in the
middle of a build.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from wenmingsite.pages.timeline import LISTING_LIMIT, Entry, Listing, Month, Part, RoutineSummary, plan

if TYPE_CHECKING:
    from wenmingsite.loading.records import Content
    from wenmingsite.pages.gallery import Gallery
    from wenmingsite.site import Site


@dataclass(frozen=True)
class PageSpec:
    """A generated page: where it lives and what it lists."""

    src: str  # docs-relative path of the virtual Markdown file
    title: str
    kind: str  # timeline | year | categories | category | criteria | criterion
    key: str | None = None
    description: str | None = None


class SpecSource(Protocol):
    """What a kind's ``specs`` may read: a Site, or (for the checks made before photos are
    published, wenmingsite.gate.links) just the content and its albums."""

    @property
    def content(self) -> Content: ...

    @property
    def gallery(self) -> Gallery: ...


# Modules (in this package) that declare further kinds, imported once by :func:`kinds`.
KIND_MODULES: list[str] = [
    "wenmingsite.pages.evidence",
    "wenmingsite.commands.editor",
    "wenmingsite.pages.sections",
    "wenmingsite.pages.festivals",
]

HIDE_SIDEBARS = ("navigation", "toc", "footer")


class PageKindError(Exception):
    """A page kind declared or used wrongly (a programming error, reported in English)."""


@dataclass(frozen=True)
class PageKind:
    name: str
    specs: Callable[[SpecSource], list[PageSpec]]
    render: Callable[[Site, PageSpec, str], str]
    # In the search index? Listings that only repeat what activity pages say are not: they
    # would match every query (and make the index a third larger).
    search: bool = True
    # Material's sidebars to hide: generated pages are photo walls, listings and figures, so
    # the full width is theirs (the tabs above still lead everywhere); and the previous/next
    # footer, a manual's chrome that leads nowhere a visitor of a showcase page wants to go.
    hide: tuple[str, ...] = HIDE_SIDEBARS
    # Further page meta for the theme (e.g. {"robots": "noindex"}; see theme/main.html).
    meta: dict[str, Any] = field(default_factory=dict)
    # (page, data file) of a kind that has its one page only when the unit has that data: a
    # nav entry naming the page without the data is the unit's problem, named in Chinese.
    needs: tuple[str, str] | None = None
    # What the page's body is made of, as plain data (``inputs(site, spec, url)``): the build
    # cache (wenmingsite.pages.pagecache) reuses the body and page of an earlier build whose
    # inputs were the same, without making the body. None (the default): made in every build.
    # Everything ``render`` reads must be in it; a kind that cannot say so declares nothing.
    inputs: Callable[[Site, PageSpec, str], Any] | None = None

    def page_meta(self, spec: PageSpec) -> dict[str, Any]:
        meta: dict[str, Any] = {"title": spec.title}
        if not self.search:
            meta["search"] = {"exclude": True}
        meta["hide"] = list(self.hide)
        if spec.description:
            meta["description"] = spec.description
        meta.update(self.meta)
        return meta


_REGISTRY: dict[str, PageKind] = {}
_loaded = False


def page_kind(
    name: str,
    *,
    search: bool = True,
    hide: tuple[str, ...] = HIDE_SIDEBARS,
    meta: dict[str, Any] | None = None,
    needs: tuple[str, str] | None = None,
):
    """Class decorator: register the class's ``specs`` and ``render`` as kind ``name``."""

    def register_class(cls):
        missing = [m for m in ("specs", "render") if not callable(getattr(cls, m, None))]
        if missing:
            raise PageKindError(f"page kind {name!r} ({cls.__qualname__}) lacks {', '.join(missing)}()")
        inputs = getattr(cls, "inputs", None)
        register(PageKind(name, cls.specs, cls.render, search, tuple(hide), dict(meta or {}), needs, inputs))
        return cls

    return register_class


def register(kind: PageKind) -> PageKind:
    if not kind.name or not kind.name.replace("-", "").isalnum():
        raise PageKindError(f"page kind name {kind.name!r}: use letters, digits and hyphens")
    if kind.name in _REGISTRY:
        raise PageKindError(f"page kind {kind.name!r} is declared twice")
    _REGISTRY[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Remove a kind (tests that declare one of their own)."""
    _REGISTRY.pop(name, None)


def kinds() -> list[PageKind]:
    global _loaded
    if not _loaded:
        _loaded = True
        for module in KIND_MODULES:
            importlib.import_module(module)
    return list(_REGISTRY.values())


def kind(name: str) -> PageKind:
    kinds()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise PageKindError(
            f"unknown page kind {name!r}; known: {', '.join(_REGISTRY)}. "
            "Declare it with wenmingsite.pages.pagekinds.page_kind"
        ) from None


def all_specs(site: SpecSource) -> list[PageSpec]:
    """Every generated page of the site, kind by kind; a spec of another kind than the one
    that made it is an error."""
    out: list[PageSpec] = []
    for k in kinds():
        for spec in k.specs(site):
            if spec.kind != k.name:
                raise PageKindError(f"page kind {k.name!r} made a page of kind {spec.kind!r} ({spec.src})")
            out.append(spec)
    return out


# --- the built-in kinds --------------------------------------------------------------------
# Listings of the activities (wenmingsite.pages.timeline), in the order the site shows them.


@page_kind("timeline", search=False)
class TimelinePage:
    @staticmethod
    def specs(site):
        return [
            PageSpec(
                "timeline/index.md", "创建动态", "timeline", description="本届创建周期内的全部创建活动，按时间排列"
            )
        ]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.timeline(site.archive, None, url, limit=getattr(site, "listing_limit", LISTING_LIMIT))

    @staticmethod
    def inputs(site, spec, url):
        limit = getattr(site, "listing_limit", LISTING_LIMIT)
        context = site.renderer.timeline_context(site.archive, None, limit=limit)
        return listing_inputs(site, "timeline", shown_figures(context, "whole"))


@page_kind("year", search=False)
class YearPage:
    @staticmethod
    def specs(site):
        # Years from the content, not the records: specs are needed before URLs exist.
        return [
            PageSpec(
                f"timeline/{year}/index.md",
                f"{year}年创建动态",
                "year",
                str(year),
                description=f"{year}年的全部创建活动",
            )
            for year in sorted({a.date.year for a in site.content.published}, reverse=True)
        ]

    @staticmethod
    def render(site, spec, url):
        parts = listing_parts(site).get(f"timeline/{spec.key}", [])
        return site.renderer.timeline(site.archive, int(spec.key), url, parts=parts)

    @staticmethod
    def inputs(site, spec, url):
        parts = listing_parts(site).get(f"timeline/{spec.key}", [])
        context = site.renderer.timeline_context(site.archive, int(spec.key), parts)
        return listing_inputs(site, "timeline", shown_figures(context, "whole", *(("listing",) if parts else ())))


@page_kind("categories")
class CategoriesPage:
    @staticmethod
    def specs(site):
        return [PageSpec("categories/index.md", "活动分类", "categories", description="按类别浏览创建活动")]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.index_list(CategoriesPage.groups(site), url)

    @staticmethod
    def inputs(site, spec, url):
        return listing_inputs(site, "index_list", {"groups": CategoriesPage.groups(site)})

    @staticmethod
    def groups(site) -> list[tuple]:
        archive = site.archive
        return [
            (
                c.name,
                c.description,
                f"categories/{c.slug}/index.md",
                archive.count_where(lambda e, s=c.slug: e.category_slug == s and not e.is_routine),
                archive.count_where(lambda e, s=c.slug: e.category_slug == s and e.is_routine),
                archive.by_category(c.slug).pages,
            )
            for c in site.content.categories
        ]


@page_kind("category", search=False)
class CategoryPage:
    @staticmethod
    def specs(site):
        return [
            PageSpec(f"categories/{c.slug}/index.md", c.name, "category", c.slug, description=c.description)
            for c in site.content.categories
        ]

    @staticmethod
    def render(site, spec, url):
        parts = listing_parts(site).get(f"categories/{spec.key}", [])
        return site.renderer.group(site.archive.by_category(spec.key), spec.description, url, parts, site.archive)

    @staticmethod
    def inputs(site, spec, url):
        return _group_inputs(site, spec, "categories", site.archive.by_category(spec.key))


def _group_inputs(site, spec, folder: str, listing):
    """What a category's or criterion's page body is made of (group.html's context)."""
    parts = listing_parts(site).get(f"{folder}/{spec.key}", [])
    context = site.renderer.group_context(listing, spec.description, parts, site.archive)
    return listing_inputs(site, "group", shown_figures(context, *(("listing",) if parts else ())))


@page_kind("criteria")
class CriteriaPage:
    @staticmethod
    def specs(site):
        return [
            PageSpec(
                "criteria/index.md",
                "测评体系对照",
                "criteria",
                description="每个测评项目的活动、汇报章节、制度文件和照片",
            )
        ]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.coverage_page(site.coverage, site.stats.end, url)


@page_kind("criterion", search=False)
class CriterionPage:
    @staticmethod
    def specs(site):
        return [
            PageSpec(f"criteria/{c.id}/index.md", c.name, "criterion", c.id, description=c.description)
            for c in site.content.criteria
        ]

    @staticmethod
    def render(site, spec, url):
        parts = listing_parts(site).get(f"criteria/{spec.key}", [])
        return site.renderer.group(site.archive.by_criterion(spec.key), spec.description, url, parts, site.archive)

    @staticmethod
    def inputs(site, spec, url):
        return _group_inputs(site, spec, "criteria", site.archive.by_criterion(spec.key))


# A listing over the limit in parts (wenmingsite.pages.timeline.split): a year by month, a
# category or criterion by year (and a year still over the limit by month).
_PLAN: tuple[Any, int, dict[str, list[Part]]] | None = None


def listing_parts(site: SpecSource) -> dict[str, list[Part]]:
    """The site's split listings (docs folder -> parts), planned once per content and limit."""
    global _PLAN
    limit = getattr(site, "listing_limit", LISTING_LIMIT)
    if _PLAN is None or _PLAN[0] is not site.content or _PLAN[1] != limit:
        _PLAN = (site.content, limit, plan(site.content, limit))
    return _PLAN[2]


# What the listings read besides their template context, made plain once per build: the digest
# of each entry's row and the JSON of every other frozen record they show (id of the record ->
# (record, its digest or JSON): the record is held, so its id is not reused while it is here),
# and what every listing shows.
_ROWS: tuple[Any, dict[int, tuple[Any, str]], list] | None = None


def figures(listing: Listing) -> list:
    """What a listing shows where it is only counted (a listing in parts, each part on its
    index: parts.html, routines.html): its figures and its routines, not its rows."""
    return [
        "figures",
        listing.count,
        listing.themed,
        listing.routine_occurrences,
        listing.pages,
        listing.routine_summaries,
    ]


def shown_figures(context: dict, *names: str) -> dict:
    """A listing's template context with the listings it only counts as their figures: those
    named, and each part's on the index of a listing in parts (``parts``: [(Part, Listing)]).
    Keep in step with the templates (timeline.html, group.html, listing_part.html, parts.html):
    a listing whose rows a template shows must stay whole."""
    shown = dict(context)
    for name in names:
        shown[name] = figures(context[name])
    shown["parts"] = [(p, figures(listing)) for p, listing in context.get("parts", ())]
    return shown


def listing_inputs(site: Site, template: str, context: dict) -> list:
    """What a listing's body is made of (a listing kind's ``inputs``): its template's context
    (wenmingsite.pages.render's ``*_context``), each entry as the digest of what its row shows
    (the entry, its cover photo, its category's URL: Renderer.row_inputs; made once per build,
    though an entry is on its month, year, category and criteria pages), and what every
    listing's templates read besides: the unit's categories and criteria (the filter), the
    URL of every generated page (links), the editors' view or not. The templates' own source is in the
    build cache's shared state (this package's files)."""
    from wenmingsite.pages.pagecache import canonical, digest

    global _ROWS
    archive, renderer = site.archive, site.renderer
    if _ROWS is None or _ROWS[0] is not archive:
        common = [
            canonical(site.content.categories),
            canonical(site.content.criteria),
            # The listings link to generated pages only (an activity's page by the entry's
            # URL, its category's by the row's): a new activity leaves the links as they were.
            digest(*(f"{k}\0{v}" for k, v in sorted(renderer.urls.items()) if k in site.specs)),
            renderer.internal,
        ]
        _ROWS = (archive, {}, common)
    rows = _ROWS[1]

    def row(e: Entry) -> str:
        found = rows.get(id(e))
        if found is None or found[0] is not e:
            cover, category = renderer.row_inputs(e)
            found = rows[id(e)] = (e, digest(canonical([e, category, cover])))
        return found[1]

    def record(value) -> str:
        found = rows.get(id(value))
        if found is None or found[0] is not value:
            found = rows[id(value)] = (value, canonical(value))
        return found[1]

    def data(value):
        if type(value) in _LEAVES:
            return value
        if isinstance(value, Entry):
            return row(value)
        if isinstance(value, (Part, RoutineSummary)):  # a listing's parts are on each of its parts
            return record(value)
        if isinstance(value, Month):
            return ["month", value.year, value.month, [row(e) for e in value.entries], [row(e) for e in value.routines]]
        if isinstance(value, Listing):
            return ["listing", [data(m) for m in value.months]]
        if isinstance(value, dict):
            return {k: data(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [data(v) for v in value]
        return value

    return [template, data(context), _ROWS[2]]


_LEAVES = frozenset({str, int, float, bool, type(None)})  # what listing_inputs' data() keeps as it is


def _listing_title(site: SpecSource, part: Part) -> str:
    if part.scope == "year":
        return "创建动态"
    if part.scope == "category":
        return next(c.name for c in site.content.categories if c.slug == part.key)
    return next(c.name for c in site.content.criteria if c.id == part.key)


@page_kind("listing-part", search=False)
class ListingPartPage:
    @staticmethod
    def specs(site):
        return [
            PageSpec(
                p.src,
                f"{p.period}创建动态" if p.scope == "year" else f"{_listing_title(site, p)} · {p.period}",
                "listing-part",
                p.folder,
                description=f"{p.period}的创建活动"
                if p.scope == "year"
                else f"{_listing_title(site, p)}：{p.period}的创建活动",
            )
            for parts in listing_parts(site).values()
            for p in parts
        ]

    @staticmethod
    def render(site, spec, url):
        folder = spec.key.split("/", 2)
        parts = listing_parts(site)["/".join(folder[:2])]
        part = next(p for p in parts if p.folder == spec.key)
        return site.renderer.listing_part(site.archive, part, parts, _listing_title(site, part), url)

    @staticmethod
    def inputs(site, spec, url):
        folder = spec.key.split("/", 2)
        parts = listing_parts(site)["/".join(folder[:2])]
        part = next(p for p in parts if p.folder == spec.key)
        context = site.renderer.listing_part_context(site.archive, part, parts, _listing_title(site, part))
        context = shown_figures(context, *(("listing",) if context["parts"] else ()))
        # The parts beside it are links (their folder, year and month), not their counts: a
        # date moved from one month to another leaves the other months' pages as they were.
        for name in ("siblings", "all_parts"):
            context[name] = [_link(p) for p in context[name]]
        for name in ("older", "newer"):
            context[name] = _link(context[name]) if context[name] else None
        context["part"] = [context["part"], part.folder]  # itself whole
        return listing_inputs(site, "listing-part", context)


def _link(part: Part) -> list:
    """What a link to a part shows (its address and period: listing_part.html's navigation)."""
    return ["link", part.folder, part.year, part.month]


# Photos (wenmingsite.pages.gallery).


@page_kind("gallery", search=False)
class GalleryPage:
    @staticmethod
    def specs(site):
        return [PageSpec("gallery/index.md", "图片展示", "gallery", description="创建活动的照片，按年份和类别分册")]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.gallery_index(url)


@page_kind("album-year", search=False)
class AlbumYearPage:
    @staticmethod
    def specs(site):
        return [PageSpec(a.src, f"{a.title}照片", "album-year", a.key) for a in site.gallery.years()]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.album(site.gallery.album(spec.kind, spec.key), url)


@page_kind("album-category", search=False)
class AlbumCategoryPage:
    @staticmethod
    def specs(site):
        return [PageSpec(a.src, f"{a.title}照片", "album-category", a.key) for a in site.gallery.categories()]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.album(site.gallery.album(spec.kind, spec.key), url)


# The fixed pages: statistics, honours, organisation, the printable report, documents.


@page_kind("stats")
class StatsPage:
    @staticmethod
    def specs(site):
        return [PageSpec("stats/index.md", "数据统计", "stats", description="本届创建工作的主要数据和分类统计")]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.stats_page(site.stats, url)


@page_kind("honours", needs=("honours/index.md", "data/honours.yml"))
class HonoursPage:
    @staticmethod
    def specs(site):
        if not site.content.honours:
            return []
        return [PageSpec("honours/index.md", "荣誉墙", "honours", description="单位获得的各级荣誉")]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.honours_page(site.published, url)


@page_kind("knowledge", needs=("knowledge/index.md", "data/knowledge.yml"))
class KnowledgePage:
    """应知应会: what every staff member should know, with a self-test that works offline."""

    @staticmethod
    def specs(site):
        if not site.content.knowledge:
            return []
        return [PageSpec("knowledge/index.md", "应知应会", "knowledge", description="文明创建应知应会知识和自测")]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.render("knowledge.html", url, knowledge=site.content.knowledge)


@page_kind("organization", needs=("organization/index.md", "data/organization.yml"))
class OrganizationPage:
    @staticmethod
    def specs(site):
        if not site.content.organization:
            return []
        return [PageSpec("organization/index.md", "组织领导", "organization", description="创建工作领导小组及其办公室")]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.organization_page(url)


@page_kind("print", search=False, hide=("navigation", "toc", "footer"))
class PrintPage:
    @staticmethod
    def specs(site):
        if not site.content.unit:
            return []
        return [
            PageSpec(
                "print/index.md",
                "汇报材料（打印版）",
                "print",
                description="供检查组阅读的完整汇报材料，可直接打印或另存为 PDF",
            )
        ]

    @staticmethod
    def render(site, spec, url):
        # Report pages are converted before this one (generated files come last); their
        # links are made relative to the print page.
        sections = [(s, site.page_html(s.page, url)) for s in site.content.report]
        more = []
        for name in PRINTED_SECTIONS:  # as their own pages show them, when the unit has one
            for section in kind(name).specs(site):
                more.append((name, section.title, kind(name).render(site, section, url)))
        return site.renderer.print_page(sections, site.stats, site.coverage, site.published, site.today, url, more=more)


PRINTED_SECTIONS = ("volunteer", "people")  # 志愿服务 and 文明风采 (wenmingsite.pages.sections)


@page_kind("documents", needs=("documents/index.md", "data/documents.yml"))
class DocumentsPage:
    @staticmethod
    def specs(site):
        if not site.content.documents:
            return []
        return [PageSpec("documents/index.md", "制度文件", "documents", description="创建工作的制度、方案和文件")]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.documents_page(url)


# Pages at the URLs a visitor gets by trimming an address (/activities/2025/ of an activity's
# /activities/2025/2025-03-05-植树/): never a 404, but a link to the listing at /timeline/, so
# that the same listing is not published twice (each edit would re-send both). Out of search
# engines and the sitemap.


def _listing_of(spec: PageSpec) -> str:
    return f"timeline/{spec.key}/index.md" if spec.key else "timeline/index.md"


@page_kind("activities-index", search=False, meta={"robots": "noindex"})
class ActivitiesIndexPage:
    @staticmethod
    def specs(site):
        folders = {"/".join(a.page.split("/")[:2]) for a in site.content.published if a.page and a.page.count("/") >= 2}
        specs = [PageSpec("activities/index.md", "创建动态", "activities-index", description="本届全部创建活动")]
        specs += [
            PageSpec(f"{f}/index.md", f"{f[-4:]}年创建动态", "activities-index", f[-4:], f"{f[-4:]}年的全部创建活动")
            for f in sorted(folders)
            if f[-4:].isdigit() and len(f) == len("activities/2025")
        ]
        return [s for s in specs if s.src not in site.content.pages]

    @staticmethod
    def render(site, spec, url):
        published = site.content.published
        themed = [a for a in published if a.origin != "routine" and (not spec.key or str(a.date.year) == spec.key)]
        years = sorted({a.date.year for a in published}, reverse=True)
        return site.renderer.render(
            "moved.html",
            url,
            title=spec.title,
            target=_listing_of(spec),
            count=len(themed),
            years=[(y, f"timeline/{y}/index.md") for y in years if f"timeline/{y}/index.md" in site.urls],
        )


@page_kind("report-index")
class ReportIndexPage:
    @staticmethod
    def specs(site):
        if not site.content.report or "report/index.md" in site.content.pages:
            return []
        return [PageSpec("report/index.md", "创建汇报", "report-index", description="创建工作汇报，按章节阅读")]

    @staticmethod
    def render(site, spec, url):
        sections = [(s.title, s.page) for s in site.content.report]
        return site.renderer.render("report_index.html", url, sections=sections)


@page_kind("api-index", search=False, meta={"robots": "noindex"})
class ApiIndexPage:
    """/api/ (the folder of the data files) explains them, as 开放数据 does."""

    @staticmethod
    def specs(site):
        return [PageSpec("api/index.md", "开放数据", "api-index", description="本站公开数据文件的说明")]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.render("open_data.html", url, feed=site.feed)


@page_kind("open-data")
class OpenDataPage:
    """The machine-readable files explained for the public (linked from the footer)."""

    @staticmethod
    def specs(site):
        return [
            PageSpec(
                "open-data/index.md",
                "开放数据",
                "open-data",
                description="本站活动、照片和统计数据的公开数据文件及其说明",
            )
        ]

    @staticmethod
    def render(site, spec, url):
        return site.renderer.render("open_data.html", url, feed=site.feed)
