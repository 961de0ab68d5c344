"""Photo albums: by year, by category, and one per activity (shown on its page)."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

from wenmingsite.gate.images import PhotoCache, Published
from wenmingsite.loading.problems import Problem
from wenmingsite.loading.records import Activity, Content, Photo


def publish_photos(
    content: Content,
    docs_dir: Path,
    cache: PhotoCache,
    include_drafts: bool = False,
    progress=None,
    background: bool = False,
) -> tuple[dict[str, Published], list[Problem]]:
    """Outputs of every photo the site shows (activities and honour certificates), by docs
    path, and a problem at each place that shows a photo that cannot be published.
    ``background``: see ``PhotoCache.publish``; :func:`finish_photos` then says the rest."""
    refs = _refs(content, include_drafts)
    done, failed = cache.publish([docs_dir / src for src in refs], progress=progress, background=background)
    return {path.relative_to(docs_dir).as_posix(): result for path, result in done.items()}, _problems(
        failed, docs_dir, refs
    )


def finish_photos(content: Content, docs_dir: Path, cache: PhotoCache, include_drafts: bool = False) -> list[Problem]:
    """The problems of the photos :func:`publish_photos` left making in the background."""
    failed = cache.finish()
    return _problems(failed, docs_dir, _refs(content, include_drafts)) if failed else []


def _problems(failed: dict[Path, str], docs_dir: Path, refs: dict[str, list]) -> list[Problem]:
    problems = []
    for path, message in failed.items():
        src = path.relative_to(docs_dir).as_posix()
        problems += [Problem(source, line, None, f"{what}“{src}”：{message}") for source, line, what in refs[src]]
    return problems


def _refs(content: Content, include_drafts: bool) -> dict[str, list]:
    """Each photo -> [(file, line, what)] of everything that shows it."""
    refs: dict[str, list] = {}
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
    for person in content.people:
        if person.photo:
            refs.setdefault(person.photo, []).append((person.source, person.line, "人物照片"))
    return refs


@dataclass(frozen=True)
class Shot:
    """A published photo as pages show it."""

    photo: Photo
    activity: Activity
    published: Published

    @property
    def alt(self) -> str:
        return self.photo.text

    @property
    def ratio(self) -> float:
        """Width over height of the photo as published (upright)."""
        return self.published.width / self.published.height


@dataclass(frozen=True)
class Album:
    key: str  # year ("2025") or category slug
    title: str
    src: str  # docs path of its page
    groups: tuple[tuple[Activity, tuple[Shot, ...]], ...]  # newest activity first
    chosen: Shot | None = None  # its cover on the gallery's front page (see `distinct_covers`)

    @property
    def count(self) -> int:
        return sum(len(shots) for _, shots in self.groups)

    @property
    def shots(self) -> tuple[Shot, ...]:
        return tuple(s for _, shots in self.groups for s in shots)

    @property
    def cover(self) -> Shot | None:
        if self.chosen is not None:
            return self.chosen
        return self.groups[0][1][0] if self.groups else None


def _cover_preference(album: Album) -> list[Shot]:
    """An album's photos in the order it would like them as its cover: landscape photos
    first (cover tiles are landscape), each kind newest activity first."""
    shots = album.shots
    return [s for s in shots if s.ratio >= 1] + [s for s in shots if s.ratio < 1]


def distinct_covers(albums: list[Album]) -> list[Album]:
    """The albums, each with a cover no other album shows, whenever the photos allow it
    (a maximum matching of albums to photos, earlier albums and preferred photos first);
    an album left without a photo of its own shows its favourite one."""
    wants = [_cover_preference(a) for a in albums]
    owner: dict[str, int] = {}  # a picture (its content key: copies are one picture) -> album index

    def place(i: int, seen: set) -> bool:
        for shot in wants[i]:
            key = shot.published.key
            if key in seen:
                continue
            seen.add(key)
            if key not in owner or place(owner[key], seen):
                owner[key] = i
                return True
        return False

    for i in range(len(albums)):
        place(i, set())
    chosen = {i: key for key, i in owner.items()}
    out = []
    for i, album in enumerate(albums):
        cover = next((s for s in wants[i] if s.published.key == chosen.get(i)), None)
        out.append(dataclasses.replace(album, chosen=cover or (wants[i][0] if wants[i] else None)))
    return out


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
        groups = [(a, self.by_activity[a.id]) for a in self.content.published if a.id in self.by_activity and keep(a)]
        groups.sort(key=lambda g: (g[0].date, g[0].id), reverse=True)
        return Album(key, title, src, tuple(groups))

    def years(self) -> list[Album]:
        years = sorted({a.date.year for a in self.content.published if a.id in self.by_activity}, reverse=True)
        return [self._album(str(y), f"{y}年", f"gallery/{y}/index.md", lambda a, y=y: a.date.year == y) for y in years]

    def categories(self) -> list[Album]:
        albums = [
            self._album(c.slug, c.name, f"gallery/{c.slug}/index.md", lambda a, n=c.name: a.category == n)
            for c in self.content.categories
        ]
        return [a for a in albums if a.count]

    @property
    def count(self) -> int:
        return sum(len(s) for s in self.by_activity.values())

    def front_albums(self) -> tuple[list[Album], list[Album]]:
        """The albums by year and by category as the gallery's front page shows them, no two
        with the same cover when there are photos enough."""
        years, categories = self.years(), self.categories()
        albums = distinct_covers(years + categories)
        return albums[: len(years)], albums[len(years) :]

    def album(self, kind: str, key: str) -> Album:
        albums = self.years() if kind == "album-year" else self.categories()
        return next(a for a in albums if a.key == key)
