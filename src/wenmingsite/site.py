"""One build of a unit's site, without MkDocs: the facade the hook and the command line share.

A :class:`Site` goes through four stages, each a method, always in this order:

1. :meth:`Site.load` reads and validates docs/ and data/ (``wenmingsite.loading.loader``), cleans
   the images and SVG the publication gate lets through (``assets``) and finds, before
   anything is written, the problems MkDocs would find only while writing (``links``).
2. :meth:`Site.publish_photos` makes (or finds in the cache) every photo's variants
   (``gallery``/``images``); :meth:`Site.page_specs` lists the generated pages, kind by
   kind (``pagekinds``).
3. :meth:`Site.bind` takes the URL of every page and computes what the generated pages and
   the JSON show: records (``api``), listings (``timeline``), statistics (``stats``) and
   criteria coverage (``coverage``).
4. :meth:`Site.render` makes a generated page's body, :meth:`Site.decorate` adds the
   blocks of activity, report and home pages around a converted page, and
   :meth:`Site.outputs` gives the JSON and feed files; :meth:`Site.finish` the icons and
   share data; :meth:`Site.link_photos` puts the photo variants into the output folder.

``plugin.py`` translates MkDocs' events into these calls; ``wenming check`` and
``wenming gaps`` call the first stages only.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from wenmingsite import gate
from wenmingsite.gate import clean_assets as assets
from wenmingsite.gate import images, links, publication
from wenmingsite.loading import checkcache, loader, settings, signoff
from wenmingsite.loading.loadmemo import LoadMemo
from wenmingsite.loading.problems import Problem
from wenmingsite.loading.records import Activity, Content
from wenmingsite.outputs import api, feed
from wenmingsite.pages import coverage, pagekinds, share, stats
from wenmingsite.pages.gallery import Gallery, finish_photos, publish_photos
from wenmingsite.pages.pagekinds import PageSpec
from wenmingsite.pages.render import Renderer, rebase_links
from wenmingsite.pages.stats import Stats
from wenmingsite.pages.timeline import LISTING_LIMIT, Archive

FEED = "feed.xml"
PHOTO_DIR = Renderer.PHOTO_DIR
# Where an activity's photo grid goes. The grid is spliced into the finished page (see
# Site.late), so that the search plugin (which leaves it out anyway) and glightbox never
# parse it.
PHOTOS_MARK = "<!--wenming:photos-->"

Progress = Callable[[int, int, float], None]


def problem_order(p: Problem) -> tuple:
    return (p.path, p.line or 0, p.col or 0, p.message)


def plain(value: Any) -> Any:
    """YAML values for Material's own keys: "true"/"false" as booleans, containers as such."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        low = value.strip().lower()
        return {"true": True, "false": False}.get(low, str(value))
    return value


class Finish(NamedTuple):
    context: dict  # config.extra.wenming_site for the theme templates (see share.site_context)
    icons: dict[str, bytes]  # file name under share.ICON_DIR -> PNG
    plain_icon: bool  # no CJK font: the favicon is a plain disc


class Site:
    def __init__(
        self,
        root: Path,
        docs_dir: Path | None = None,
        data_dir: Path | None = None,
        *,
        today: dt.date,
        site_config: gate.SiteConfig | None = None,
        internal: bool = False,
        serving: bool = False,
        photo_cache: images.PhotoCache | None = None,
        memo: bool = False,
        listing_limit: int = LISTING_LIMIT,
        load_memo: LoadMemo | None = None,
    ):
        """``internal``: the editors' view (evidence gaps shown); ``serving``: `mkdocs serve`,
        which goes on despite problems, shows them on the pages and includes drafts;
        ``memo``: keep rendered blocks for the next serve build; ``listing_limit``: the
        headlines a listing shows before it is split into parts (wenmingsite.pages.timeline);
        ``load_memo``: what the earlier loads of a serve session made of each unchanged page
        (wenmingsite.loading.loadmemo)."""
        self.root = Path(os.path.abspath(root))
        self.docs_dir = Path(docs_dir or self.root / "docs")
        self.data_dir = Path(data_dir or self.root / "data")
        self.docs_rel = self.docs_dir.resolve().relative_to(self.root.resolve()).as_posix()
        self.today = today
        self.site_config = site_config
        self.internal = internal
        self.serving = serving
        self.photo_cache = photo_cache
        self.memo = memo
        self.listing_limit = listing_limit
        self.load_memo = load_memo
        # Stage 1
        self.content: Content = None  # type: ignore[assignment]  # set by load()
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.renderer: Renderer = None  # type: ignore[assignment]
        self.clean_assets: dict[str, Path] = {}  # docs path -> cleaned copy of an image or SVG
        self.activity_by_page: dict[str, Activity] = {}
        self.report_by_page: dict = {}
        self.announcement_by_page: dict = {}  # docs path -> records.Announcement
        # Pending material (review on, not approved; wenmingsite.loading.signoff): marked in the
        # preview, left out of every other build; the pages left out with it.
        self.withheld: list[signoff.Withheld] = []
        self.withheld_pages: list[str] = []
        # Stage 2
        self.published: dict[str, images.Published] = {}  # photo docs path -> its variants
        self._gallery: Gallery | None = None
        self.photo_outputs: dict[str, str] = {}  # site path -> image cache file
        self._photos_making: images.PhotoCache | None = None  # variants still being made (publish_photos)
        self.specs: dict[str, PageSpec] = {}  # generated page src -> spec
        # Stage 3
        self.urls: dict[str, str] = {}
        self.records: list[dict] = []
        self._archive: Archive | None = None
        self._stats: Stats | None = None
        self.coverage: list = []
        self.neighbours: dict[str, tuple[Activity | None, Activity | None]] = {}  # page -> (previous, next)
        # Stage 4
        self.site_url: str | None = None
        self.feed: str | None = None  # the feed's path, when the site has an address
        self.late: dict[str, str] = {}  # page -> HTML spliced in at PHOTOS_MARK
        # docs page -> (its converted HTML, its URL); set by the caller that converts pages.
        self.converted: Callable[[str], tuple[str, str] | None] = lambda src: None

    # --- stage 1 ------------------------------------------------------------------------

    def load(self, *, with_links: bool = True, clean_assets: bool = True) -> list[Problem]:
        """Read and validate everything. ``with_links``: report broken internal links too
        (MkDocs makes them errors only with --strict)."""
        content, problems = loader.load(
            self.root,
            self.docs_dir,
            self.data_dir,
            today=self.today,
            photo_cache=self.photo_cache,
            site=self.site_config,
            # Across processes (a fresh build after an edit); serve keeps its answers in memory.
            checks=None if self.memo else checkcache.TextChecks(self.root / checkcache.FOLDER),
            memo=self.load_memo if self.memo else LoadMemo(self.root / checkcache.FOLDER),
        )
        found = list(problems)
        if clean_assets:
            self.clean_assets, asset_problems = assets.publish_all(
                content.files, self.docs_dir, self.docs_rel, assets.AssetCache(self.root / assets.CACHE_DIR)
            )
            found += asset_problems
        content, self.withheld, self.withheld_pages = signoff.withhold(
            content, preview=self.internal or self.serving, docs_rel=self.docs_rel
        )
        found += links.problems(
            content, content.files, self.docs_rel, with_links=with_links, listing_limit=self.listing_limit
        )
        found += signoff.link_problems(content, self.withheld_pages, self.docs_rel) if with_links else []
        if not (self.internal or self.serving):  # pictures only left-out pages show wait with them
            drafts = [a.page for a in content.activities if a.page and a.draft]
            content = signoff.without_left_out_images(content, drafts + self.withheld_pages)
        self.content = content
        self.problems = sorted(set(found), key=problem_order)
        self.notices = sorted([*content.notices, *signoff.notices(self.withheld)], key=problem_order)
        self.renderer = Renderer(content, memo=self.memo, internal=self.internal)
        self.report_by_page = {s.page: s for s in content.report}
        self.activity_by_page = {a.page: a for a in content.activities if a.page}
        self.announcement_by_page = {n.page: n for n in content.announcements}
        return self.problems

    def report(self, problems: list[Problem]) -> list[Problem]:
        """Add problems found by a later stage (or by MkDocs) to the site's list."""
        new = [p for p in problems if p not in self.problems]
        self.problems.extend(new)
        return new

    def published_form(self, docs_path: str) -> Path | bool:
        """How a file of docs/ is published: True as it is, a Path for its cleaned copy,
        False not at all (refused by the gate, a photo whose variants are linked in later,
        or an image that could not be cleaned)."""
        kind = self.content.files.get(docs_path)
        if kind is None or kind == "photo":
            return False
        if kind in ("image", "svg"):
            clean = self.clean_assets.get(docs_path)
            return Path(clean) if clean is not None else False
        return True

    # --- stage 2 ------------------------------------------------------------------------

    def publish_photos(self, progress: Progress | None = None, background: bool = False) -> list[Problem]:
        """Make (or find in the cache) every photo's variants; report the ones that fail.
        ``background``: the variants a photo's header settles are made while the build goes on;
        :meth:`finish_photos` before anything reads them."""
        cache = self.photo_cache or images.PhotoCache(self.root / images.CACHE_DIR)
        self._photos_making = cache if background else None
        self.published, problems = publish_photos(
            self.content, self.docs_dir, cache, include_drafts=self.serving, progress=progress, background=background
        )
        self._gallery = self.renderer.gallery = Gallery(self.content, self.published)
        folder = str(cache.folder)
        self.photo_outputs = {
            f"{PHOTO_DIR}/{o.path}": f"{folder}/{o.path}"
            for result in self.published.values()
            for o in result.outputs.values()
        }
        return self.report(problems)

    def finish_photos(self) -> list[Problem]:
        """Wait for the variants :meth:`publish_photos` left making; report the photos that
        failed after all (nothing when none is being made)."""
        cache, self._photos_making = self._photos_making, None
        if cache is None:
            return []
        # Only a build that fails on any problem asks for the background (the plugin's build): a
        # photo that failed after all stops it before its pages, rendered with it, are published.
        return self.report(finish_photos(self.content, self.docs_dir, cache, include_drafts=self.serving))

    def page_specs(self) -> list[PageSpec]:
        """Every generated page, kind by kind (see wenmingsite.pages.pagekinds)."""
        specs = pagekinds.all_specs(self)
        self.specs = {s.src: s for s in specs}
        return specs

    def drafts(self) -> list[str]:
        """Pages of draft activities (left out of a public build)."""
        return [a.page for a in self.content.activities if a.page and a.draft] + self.withheld_pages

    # --- stage 3 ------------------------------------------------------------------------

    def bind(self, urls: dict[str, str]) -> list[str]:
        """Take every page's URL and compute what the generated pages show. Returns the
        coverage lines for the build log (criteria whose evidence falls short)."""
        content = self.content
        self.urls = self.renderer.urls = urls
        self.records = api.records(content, urls)
        self._archive = Archive(content, self.records)
        with_pages = [a for a in content.published if a.origin == "page"]
        self.neighbours = {}
        for i, a in enumerate(with_pages):
            if a.page:
                self.neighbours[a.page] = (
                    with_pages[i - 1] if i else None,
                    with_pages[i + 1] if i + 1 < len(with_pages) else None,
                )
        start, end = stats.term_window(content, content.today or self.today)
        departments = list(content.unit.departments) if content.unit else []
        self._stats = stats.compute(
            self.records,
            start,
            end,
            [c.name for c in content.categories],
            [c.id for c in content.criteria],
            departments,
        )
        self.coverage = coverage.compute(content, self.records, start, end)
        return coverage.gap_report(self.coverage, end)

    @property
    def gallery(self) -> Gallery:
        if self._gallery is None:
            raise RuntimeError("Site.gallery before Site.publish_photos()")
        return self._gallery

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            raise RuntimeError("Site.archive before Site.bind()")
        return self._archive

    @property
    def stats(self) -> Stats:
        if self._stats is None:
            raise RuntimeError("Site.stats before Site.bind()")
        return self._stats

    # --- stage 4 ------------------------------------------------------------------------

    def outputs(self, site_url: str | None, site_name: str) -> dict[str, str]:
        """The machine-readable files, in the order they are written: activities, statistics,
        photos and (when the site has an address) the RSS feed of activities and notices."""
        out = {
            **api.activities_files(self.records),  # by month, and the index naming the months
            "api/stats.json": api.dumps(self.stats.as_json()),
            "api/photos.json": api.photos_json(self.gallery, self.urls, PHOTO_DIR),
        }
        if site_url:
            out[FEED] = feed.rss(self.content, self.records, site_url, FEED, f"{site_name} · 创建动态", self.urls)
        return out

    def finish(self, site_name: str, site_url: str | None) -> Finish:
        """Icons from the unit's logo, share metadata and footer details (wenmingsite.pages.share)."""
        content, unit = self.content, self.content.unit
        self.site_url, self.feed = site_url, FEED if site_url else None
        clean = self.clean_assets.get(unit.logo) if unit and unit.logo else None
        icons = share.make_icons(content, site_name, Path(clean) if clean else None, self.root / share.ICONS_CACHE_DIR)
        context = share.site_context(
            content,
            icons,
            site_url,
            share.default_image(content, self.gallery, self.published, PHOTO_DIR),
            share.page_images(content, self.gallery, PHOTO_DIR),
            open_data=True,
        )
        return Finish(context, dict(icons.files), icons.how == "plain")

    def page_meta(self, src: str, markdown: str) -> dict | None:
        """The page meta the theme sees: for generated pages their kind's; for activities
        title and description from the record; for other pages their front matter (minus our
        own keys). None: a page this site knows nothing of (left as MkDocs made it)."""
        spec = self.specs.get(src)
        meta = self.content.pages.get(src)
        clean: dict[str, Any] = {}
        if spec:
            clean = pagekinds.kind(spec.kind).page_meta(spec)
        elif meta is None:
            return None
        elif meta.role == "activity":
            activity = self.activity_by_page.get(src)
            if activity:
                clean["title"] = activity.title
                if activity.summary or meta.meta.get("description"):
                    clean["description"] = meta.meta.get("description") or activity.summary
        else:
            for key, value in meta.meta.items():
                if key in ("title", "description"):
                    clean[key] = str(value)
                elif key not in ("order", "criteria"):
                    clean[key] = plain(value)
            if src in self.report_by_page and "hide" not in clean:
                # A chapter is an article: its own contents beside it, not the whole report's.
                clean["hide"] = ["navigation"]
        if "![" not in markdown and "<img" not in markdown.lower():
            # mkdocs-glightbox then skips the page; our own photos carry their lightbox links
            # already, and the hook adds the plugin's scripts where they are needed.
            clean["glightbox"] = False
        # Material prints meta title and description unescaped (header, <title>, <meta>).
        if "title" in clean:
            clean["title"] = html.escape(clean["title"], quote=False)
        if "description" in clean:
            clean["description"] = html.escape(" ".join(clean["description"].split()), quote=True)
        return clean

    def page_html(self, src: str, url: str) -> str:
        """A converted docs page's HTML with its links made relative to ``url``."""
        found = self.converted(src)
        if found is None:
            return ""
        body, page_url = found
        return rebase_links(body or "", page_url, url)

    def render(self, spec: PageSpec, url: str) -> str:
        return pagekinds.kind(spec.kind).render(self, spec, url)

    def decorate(self, src: str, url: str, body: str, *, is_homepage: bool) -> str:
        """A converted page with our blocks around it: its problems (serve), a generated
        page's listing, a report section's criteria, an activity's panel, photos (spliced
        in later at PHOTOS_MARK, see :attr:`late`) and neighbours, the home page's blocks.
        The page's own HTML goes through the publication gate's allowlist (what it removes
        was reported before the build); what is added comes from autoescaping templates."""
        body = gate.sanitise(body)
        r = self.renderer
        before, after = [], []
        page_problems = [p for p in self.problems if p.path.endswith("/" + src)]
        if page_problems:
            before.append(r.problems(page_problems, url))
        if spec := self.specs.get(src):
            before.append(r.with_marks(self.render(spec, url)))
        source = self.content.unit.name if self.content.unit else None
        if section := self.report_by_page.get(src):
            report = "report/index.md" if "report/index.md" in self.specs else None
            before.append(r.breadcrumb([("创建汇报", report), (section.title, None)], url, source))
            if section.pending:
                before.append(
                    r.render("pending.html", url, signoff=section.signoff, path=f"{self.docs_rel}/{section.page}")
                )
            if section.criteria:
                before.append(r.report_criteria(section, url))
            if "<h1" not in body:  # a chapter without its own heading (an imported 前言)
                before.append(r.render("heading.html", url, title=section.title))
        if activity := self.activity_by_page.get(src):
            year = f"timeline/{activity.date.year}/index.md"
            trail = [
                ("创建动态", "timeline/index.md"),
                (f"{activity.date.year}年", year if year in self.specs else None),
            ]
            month = f"timeline/{activity.date.year}/{activity.date.month:02d}/index.md"
            if month in self.specs:  # a year in parts (wenmingsite.pages.timeline.split)
                trail.append((f"{activity.date.month}月", month))
            who = f"{source}{activity.department}" if source and activity.department else source
            heading = None if "<h1" in body else activity.title
            before.append(
                r.breadcrumb([*trail, (activity.title, None)], url, who, activity.date, heading, when_label="活动日期")
            )
            if activity.draft:
                before.append(r.draft_notice(url))
            elif activity.pending:
                before.append(r.render("pending.html", url, signoff=activity.signoff, path=activity.source))
            before.append(r.activity_panel(activity, url))
            if photos := r.photos(activity, url):
                after.append(PHOTOS_MARK)
                self.late[src] = photos
            after.append(r.prev_next(*self.neighbours.get(src, (None, None)), url))
        if notice := self.announcement_by_page.get(src):
            index = "notices/index.md" if "notices/index.md" in self.specs else None
            who = f"{source}{notice.department}" if source and notice.department else source
            heading = None if "<h1" in body else notice.title
            before.append(r.breadcrumb([("通知公告", index), (notice.title, None)], url, who, notice.date, heading))
            if notice.pending:
                before.append(
                    r.render("pending.html", url, signoff=notice.signoff, path=f"{self.docs_rel}/{notice.page}")
                )
            expired = notice.expired(self.content.today or self.today)
            before.append(r.render("notice_status.html", url, n=notice, expired=expired))
        if is_homepage and self.content.unit:
            if self.problems and self.serving:
                before.append(r.problems(self.problems, url))
            if self.notices and (self.serving or self.internal):  # the editors' and reviewers' views
                before.append(r.render("problems.html", url, problems=self.notices, notice=True))
            before.append(r.home(url, self.stats, self.coverage, self.published))
        return "".join(before) + body + "".join(after)

    def body_inputs(self, src: str, url: str) -> list | None:
        """Everything :meth:`decorate` reads for a generated page whose kind declares what its
        body is made of (``PageKind.inputs``; the build cache reuses the page while they stay
        the same), besides the page's own converted Markdown (in the cache's key). None for
        any other page, which is always made. Keep this in step with :meth:`decorate`."""
        spec = self.specs.get(src)
        if spec is None or src == "index.md" or src in self.report_by_page:
            return None
        if src in self.activity_by_page or src in self.announcement_by_page:
            return None
        inputs = pagekinds.kind(spec.kind).inputs
        if inputs is None:
            return None
        return [spec, [p for p in self.problems if p.path.endswith("/" + src)], inputs(self, spec, url)]

    def decorate_inputs(self, src: str, url: str) -> list | None:
        """Everything :meth:`decorate` reads for an activity page besides its body (which
        the build cache keys by the page's Markdown, see wenmingsite.pages.pagecache). None for
        any other page: a listing, a report section or the home page shows what other files
        hold and is always rendered. Keep this in step with :meth:`decorate`."""
        activity = self.activity_by_page.get(src)
        if activity is None or src in self.specs or src in self.report_by_page or src == "index.md":
            return None
        prev, next_ = self.neighbours.get(src, (None, None))
        category = self.content.category(activity.category)
        criteria = self.renderer.criteria_of(activity)
        linked = ["index.md", "timeline/index.md", f"timeline/{activity.date.year}/index.md"]
        linked += [f"timeline/{activity.date.year}/{activity.date.month:02d}/index.md"]
        linked += [f"categories/{category.slug}/index.md"] if category else []
        linked += [f"criteria/{c.id}/index.md" for c in criteria]
        linked += [a.page for a in (prev, next_) if a and a.page]
        unit = self.content.unit
        return [
            url,
            activity,
            category,
            criteria,
            [(a.title, a.page) if a else None for a in (prev, next_)],  # what 上一项/下一项 show
            {p: self.urls.get(p) for p in linked},
            sorted(p for p in linked if p in self.specs),
            unit.name if unit else None,
            [p for p in self.problems if p.path.endswith("/" + src)],
            self.gallery.shots(activity) if self._gallery is not None else None,
            self.internal,
            self.serving,
        ]

    def link_photos(self, site_dir: str) -> None:
        """Put the photo variants into the output folder by hard link from the image cache (a
        copy where links are impossible, e.g. across file systems). A file per variant through
        MkDocs would cost more than the link itself: thousands of photos make tens of
        thousands of variants."""
        made: set[str] = set()
        for dest, source in self.photo_outputs.items():
            target = os.path.join(site_dir, dest)
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            try:
                os.link(source, target)
            except FileExistsError:  # a dirty build or the preview keeps the previous site
                if not os.path.samefile(source, target):
                    os.unlink(target)
                    try:
                        os.link(source, target)
                    except OSError:  # another file system (the preview's folder on a tmpfs /tmp)
                        shutil.copyfile(source, target)
            except OSError:
                shutil.copyfile(source, target)

    # --- for the command line -------------------------------------------------------------

    def check(self, with_images: bool = True) -> tuple[list[Problem], dict]:
        """Everything a build validates, plus broken internal links; nothing is built."""
        mkdocs_yml = self.root / "mkdocs.yml"
        written = settings.read_mkdocs_yml(mkdocs_yml)
        limit = settings.options(written).get("listing_limit")
        if isinstance(limit, int) and limit > 0:  # the parts a build makes, for the URL checks
            self.listing_limit = limit
        self.load(with_links=True, clean_assets=with_images)
        nav = written.get("nav")
        unit = self.content.unit
        self.report(  # mkdocs.yml's values and the theme folder, as a build checks them
            publication.beside_docs(
                self.root,
                self.site_config or gate.read_site_config(mkdocs_yml),
                publication.allowed_numbers(unit.phone if unit else None),
            )
        )
        optional = {s.src for kind in pagekinds.kinds() if kind.needs for s in kind.specs(self)}
        self.report(signoff.nav_note(settings.nav_problems(mkdocs_yml, nav, optional), self.withheld))
        if with_images:
            self.publish_photos()
        photos = {p.src for a in self.content.published for p in a.photos}
        counts = {
            "pages": len(self.content.pages),
            "activities": len(self.content.published),
            "photos": len(photos),
            "withheld": len(self.withheld),  # pending review: not counted above, not published
            "notices": list(self.notices),
        }  # notices never fail a check
        return sorted(set(self.problems), key=problem_order), counts
