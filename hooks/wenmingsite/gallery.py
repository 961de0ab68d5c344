"""Photo albums: by year, by category, and one per activity (shown on its page)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .images import PhotoCache, Published
from .problems import Problem
from .records import Activity, Content, Photo
from .timeline import PageSpec


def publish_photos(content: Content, docs_dir: Path, cache: PhotoCache, include_drafts: bool = False,
                   progress=None) -> tuple[dict[str, Published], list[Problem]]:
    """Outputs of every photo the site shows (activities and honour certificates), by docs
    path, and a problem at each place that shows a photo that cannot be published."""
    refs: dict[str, list] = {}  # photo -> [(file, line, what)] of everything that shows it
    for a in content.activities:
        if a.draft and not include_drafts:
            continue
        for i, photo in enumerate(a.photos, 1):
            refs.setdefault(photo.src, []).append((photo.source, photo.line, f"第 {i} 张照片"))
    for h in content.honours:
        if h.photo:
            refs.setdefault(h.photo, []).append((h.source, h.line, "证书照片"))
    if content.unit and content.unit.banner:
        refs.setdefault(content.unit.banner, []).append(("data/unit.yml", None, "首页横幅照片"))
    done, failed = cache.publish([docs_dir / src for src in refs], progress=progress)
    problems = []
    for path, message in failed.items():
        src = path.relative_to(docs_dir).as_posix()
        problems += [Problem(source, line, None, f"{what}“{src}”：{message}") for source, line, what in refs[src]]
    return {path.relative_to(docs_dir).as_posix(): result for path, result in done.items()}, problems


@dataclass(frozen=True)
class Shot:
    """A published photo as pages show it."""

    photo: Photo
    activity: Activity
    published: Published

    @property
    def alt(self) -> str:
        return self.photo.text


@dataclass(frozen=True)
class Album:
    key: str  # year ("2025") or category slug
    title: str
    src: str  # docs path of its page
    groups: tuple[tuple[Activity, tuple[Shot, ...]], ...]  # newest activity first

    @property
    def count(self) -> int:
        return sum(len(shots) for _, shots in self.groups)

    @property
    def cover(self) -> Shot | None:
        return self.groups[0][1][0] if self.groups else None


class Gallery:
    def __init__(self, content: Content, published: dict[str, Published]):
        """``published`` maps a photo's docs path to its outputs (failed photos are absent)."""
        self.content = content
        self.by_activity: dict[str, tuple[Shot, ...]] = {}
        for a in content.published:
            shots = tuple(Shot(p, a, published[p.src]) for p in a.photos if p.src in published)
            if shots:
                self.by_activity[a.id] = shots

    def shots(self, activity: Activity) -> tuple[Shot, ...]:
        return self.by_activity.get(activity.id, ())

    @functools.cached_property
    def covers(self) -> dict:
        """Activity id -> its first photo (the thumbnail listings show)."""
        return {aid: shots[0] for aid, shots in self.by_activity.items()}

    def _album(self, key: str, title: str, src: str, keep) -> Album:
        groups = [(a, self.by_activity[a.id]) for a in self.content.published
                  if a.id in self.by_activity and keep(a)]
        groups.sort(key=lambda g: (g[0].date, g[0].id), reverse=True)
        return Album(key, title, src, tuple(groups))

    def years(self) -> list[Album]:
        years = sorted({a.date.year for a in self.content.published if a.id in self.by_activity}, reverse=True)
        return [self._album(str(y), f"{y}年", f"gallery/{y}/index.md", lambda a, y=y: a.date.year == y)
                for y in years]

    def categories(self) -> list[Album]:
        albums = [self._album(c.slug, c.name, f"gallery/{c.slug}/index.md", lambda a, n=c.name: a.category == n)
                  for c in self.content.categories]
        return [a for a in albums if a.count]

    @property
    def count(self) -> int:
        return sum(len(s) for s in self.by_activity.values())

    def page_specs(self) -> list[PageSpec]:
        specs = [PageSpec("gallery/index.md", "图片展示", "gallery", description="创建活动的照片，按年份和类别分册")]
        specs += [PageSpec(a.src, f"{a.title}照片", "album-year", a.key) for a in self.years()]
        specs += [PageSpec(a.src, f"{a.title}照片", "album-category", a.key) for a in self.categories()]
        return specs

    def album(self, kind: str, key: str) -> Album:
        albums = self.years() if kind == "album-year" else self.categories()
        return next(a for a in albums if a.key == key)
