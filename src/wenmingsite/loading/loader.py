"""Load a unit's whole content into typed records, validating it as a whole.

``load()`` never raises for bad content: it returns the records it could build plus
every problem found, so that one build reports everything at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import posixpath
import re
import stat
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from wenmingsite import gate
from wenmingsite.gate import images, privacy, publication, sensitive
from wenmingsite.loading import checkcache, loadmemo, schema, signoff
from wenmingsite.loading.datafiles import DATA_FILES, DataFile
from wenmingsite.loading.problems import Problem, ProblemError, Problems
from wenmingsite.loading.records import (
    Activity,
    Announcement,
    Category,
    Content,
    Criterion,
    Document,
    PageMeta,
    Photo,
    ReportSection,
    Routine,
    Thresholds,
    Unit,
)
from wenmingsite.loading.recurrence import expand, make_rule, parse_repeat, parse_week, parse_weekday
from wenmingsite.loading.textfile import read_text
from wenmingsite.loading.values import Invalid, parse_date
from wenmingsite.loading.yamlstrict import YList, YMap, YStr, load_yaml

ACTIVITIES_DIR = "activities"
REPORT_DIR = "report"
NOTICES_DIR = "notices"
PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif")
RASTER_TYPES = PHOTO_TYPES + (".tif", ".tiff", ".gif", ".bmp")
JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db"}
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


FILE_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})[-_ ]")  # "2026-11-20-迎检工作安排.md"


def _hash6(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


class _Loader:
    """One load of a unit's files, in the order :func:`load` calls its steps (each step may
    read what the earlier ones set, never what a later one does):

    1. ``scan_tree``: list docs/ (sizes, symlinks, the Markdown files) — before any reading.
    2. ``load_unit``, ``load_criteria``, ``load_categories``, ``load_holidays``: data/ files
       that the activities refer to (departments, criterion ids, category names, 调休 days).
    3. ``load_logs`` (data/activities/*.yml: entries and routines, expanded to occurrences
       with the holidays) and ``load_pages`` (docs/**/*.md: activity pages, report sections,
       other pages) — both check references against step 2.
    4. ``load_data_file`` for each declared data file (wenmingsite.loading.datafiles: honours,
       organization, documents, knowledge…), in the order they are declared.
    5. ``check_tree`` (every file of docs/ classified by the publication gate; photos must be
       referenced by step 3) and ``check_publication`` (sizes, names, personal numbers in
       documents).

    Every problem goes to ``self.problems`` (file, line, column, Chinese message); nothing is
    skipped silently. (Two things are called records in this package: the dataclasses of
    wenmingsite.loading.records made here, and the JSON-shaped dicts ``api.records()`` makes of the
    published activities later, one per entry of api/activities.json.)
    """

    def __init__(self, root: Path, docs_dir: Path, data_dir: Path, today: dt.date, site: gate.SiteConfig | None = None):
        self.root = root
        self.notices: list[Problem] = []  # not errors: reported by check and on the preview page
        self.docs_dir = docs_dir
        self.data_dir = data_dir
        self.today = today
        self.has_gps = images.gps_of  # or a PhotoCache's memo of it, see load()
        self.problems = Problems()
        self.docs_rel = self._rel(docs_dir)
        self._listings: dict[str, set[str] | None] = {}
        self._links: dict[str, bool] = {}  # folder -> is a symlink
        self.sizes: dict[str, int] = {}  # docs path -> size of each regular file under docs/
        self.referenced_photos: set[str] = set()
        self.unit: Unit | None = None
        self.criteria: list[Criterion] = []
        self.categories: list[Category] = []
        self.holidays: set[dt.date] = set()
        self.holiday_years: set[int] = set()
        self.documented_files: set[str] = set()
        self.tree_files: list[str] = []
        self.texts: dict[str, str] = {}  # every text file read, by its project-relative path
        self.all_files: list[tuple[str, int]] = []  # (project-relative path, size)
        # The hook passes MkDocs' own configuration; `wenming check` reads mkdocs.yml itself.
        self.site = site if site is not None else gate.read_site_config(root / "mkdocs.yml")
        self.published_files: dict[str, str] = {}  # docs path -> gate class
        self.announcements: list[Announcement] = []  # 通知公告, found by load_pages
        self.checks = checkcache.TextChecks(None)  # or the answers of earlier loads, see load()
        self.memo = loadmemo.LoadMemo()  # or serve's, kept from its earlier loads (see load())

    # --- helpers -----------------------------------------------------------------------

    def _rel(self, path: Path) -> str:
        # abspath, not resolve: a symlink must be named where it is, not where it points.
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def doc_source(self, docs_path: str) -> str:
        return f"{self.docs_rel}/{docs_path}"

    def add(self, path, line, col, message):
        self.problems.add(path, line, col, message)

    def read_yaml(self, name: str, required: bool):
        path = self.data_dir / name
        rel = self._rel(path)
        if path.is_symlink():
            self.add(rel, None, None, "这是一个符号链接（快捷方式），不会被读取。请换成真实文件")
            return None, rel
        if not path.exists():
            if required:
                self.add(rel, None, None, f"缺少数据文件 {name}。请从示例单位复制一份 {rel} 再修改")
            return None, rel
        try:
            text = read_text(path, rel)
        except ProblemError as exc:
            self.problems.extend([exc.problem])
            return None, rel
        self.texts[rel] = text
        value, problems = load_yaml(text, rel)
        self.problems.extend(problems)
        if problems:
            return None, rel
        return value, rel

    def expect_list(self, value, rel: str, what: str) -> list:
        if value is None:
            return []
        if not isinstance(value, YList):
            self.add(
                rel,
                getattr(value, "line", 1),
                getattr(value, "col", 1),
                f"{what}应该是一个列表：每一项以“- ”开头。请参照示例单位的写法",
            )
            return []
        out = []
        for i, item in enumerate(value, 1):
            if isinstance(item, YMap):
                out.append((i, item))
            else:
                self.add(
                    rel,
                    item.line,
                    item.col,
                    f"第 {i} 条{what}应该是“字段: 值”的形式，这里却是{schema.describe_shape(item)}",
                )
        return out

    def listing(self, folder: str) -> set[str] | None:
        if folder not in self._listings:
            try:
                self._listings[folder] = set(os.listdir(folder))
            except OSError:
                self._listings[folder] = None
        return self._listings[folder]

    def find_file(self, docs_path: str) -> str | None:
        """None when ``docs_path`` exists with exactly this case, else the reason (Chinese).
        Folders and files that scan_tree walked are answered from its walk."""
        current = os.path.abspath(self.docs_dir)
        parts = docs_path.split("/")
        for i, part in enumerate(parts):
            names = self.listing(current)
            if names is None:
                return "找不到这个文件夹"
            if part not in names:
                folder = "/".join([self.docs_rel, *parts[:i]]) + "/"
                same = [n for n in names if n.lower() == part.lower()]
                if same:
                    return (
                        f"找不到“{part}”，但有一个大小写不同的“{same[0]}”。网站服务器区分大小写，请把两处写成完全一样"
                    )
                close = difflib.get_close_matches(part, sorted(names), n=1, cutoff=0.6)
                tip = f"，是不是“{close[0]}”？" if close else "。请检查文件名和所在文件夹"
                if i < len(parts) - 1:
                    return f"{folder} 中没有文件夹“{part}”{tip}"
                return f"{folder} 中没有“{part}”{tip}"
            current = os.path.join(current, part)
            if i < len(parts) - 1:
                if current not in self._links:
                    self._links[current] = os.path.islink(current)
                if self._links[current]:
                    return "这是一个符号链接（快捷方式），不会被发布。请换成真实文件"
        if docs_path in self.sizes:  # a regular file, seen by the walk
            return None
        st = os.lstat(current)
        if stat.S_ISLNK(st.st_mode):
            return "这是一个符号链接（快捷方式），不会被发布。请换成真实文件"
        if not stat.S_ISREG(st.st_mode):
            return "这是一个文件夹，不是文件"
        self.sizes[docs_path] = st.st_size
        return None

    def resolve_choice(self, text: str, options: dict[str, str], what: str, where_file: str) -> str:
        """Match ``text`` against names/ids in ``options`` (alias -> canonical)."""
        if text in options:
            return options[text]
        key = text.strip()
        if key in options:
            return options[key]
        close = difflib.get_close_matches(key, list(options), n=1, cutoff=0.6)
        tip = f"是不是“{close[0]}”？" if close else ""
        raise Invalid(f"{what}“{text}”不在 {where_file} 中。{tip}请改成其中已有的一项，或先在 {where_file} 里添加")

    # --- data files --------------------------------------------------------------------

    def load_unit(self):
        value, rel = self.read_yaml("unit.yml", required=True)
        if value is None:
            if rel in self.texts and not self.problems.for_path(rel):  # read, parsed, empty
                self.add(
                    rel,
                    1,
                    1,
                    "单位信息文件是空的（或只有注释），首页会缺少单位介绍。请填写单位全称（name）等字段，"
                    "可参照示例单位的 data/unit.yml",
                )
            return
        if not isinstance(value, YMap):
            self.add(rel, value.line, value.col, "单位信息应该是一行一个“字段: 值”。请参照示例单位的写法")
            return
        f = schema.read_fields(value, schema.UNIT, rel, self.problems)
        if None in (
            f["name"],
            f["short_name"],
            f["kind"],
            f["title_sought"],
            f["term"],
            f["term_start"],
            f["term_end"],
            f["introduction"],
        ):
            return
        if f["term_end"] < f["term_start"]:
            at = value["term_end"]
            self.add(rel, at.line, at.col, "创建周期结束（term_end）早于开始（term_start）。请核对两个日期")
        if f["logo"]:
            self.check_docs_file(f["logo"], value["logo"], rel, "标志（logo）", LOGO_TYPES)
        for key, what, types in (
            ("banner", "首页横幅照片（banner）", PHOTO_TYPES),
            ("wechat_qr", "公众号二维码（wechat_qr）", (".png", ".jpg", ".jpeg", ".webp", ".svg")),
        ):
            if f[key] and not self.check_docs_file(f[key], value[key], rel, what, types):
                f[key] = None
            elif f[key]:
                f[key] = posixpath.normpath(f[key].replace("\\", "/"))
        if f["banner"]:
            self.referenced_photos.add(f["banner"])
        departments = f["departments"] or ()
        if len(set(departments)) != len(departments):
            at = value["departments"]
            self.add(rel, at.line, at.col, "部门（departments）中有重复的名称。请删除重复项")
        links = []
        for i, item in self.expect_list(f["links"], rel, "友情链接（links）") if f["links"] else []:
            what = f"第 {i} 个友情链接"
            link = schema.read_fields(item, schema.LINK, rel, self.problems, what)
            if link["name"] and link["url"]:
                url = link["url"].strip()
                parts = urllib.parse.urlsplit(url)
                if parts.scheme not in ("https", "http") or not parts.hostname or parts.username or parts.password:
                    at = item["url"]
                    self.add(
                        rel,
                        at.line,
                        at.col,
                        f"{what}的网址（url）“{url}”不是网站地址。请写成 https://www.wenming.cn/ 这样以 https:// 开头的完整地址",
                    )
                else:
                    links.append((link["name"], url))
        review, approvers = signoff.check_unit(f, value, rel, self.problems)
        self.unit = Unit(
            name=f["name"],
            short_name=f["short_name"],
            kind=f["kind"],
            title_sought=f["title_sought"],
            term=f["term"],
            term_start=f["term_start"],
            term_end=f["term_end"],
            introduction=f["introduction"],
            headcount=f["headcount"],
            logo=f["logo"],
            address=f["address"],
            phone=f["phone"],
            departments=tuple(departments),
            banner=f["banner"],
            icp=f["icp"],
            police=f["police"],
            wechat=f["wechat"],
            wechat_qr=f["wechat_qr"],
            links=tuple(links),
            review=review,
            approvers=approvers,
        )

    def empty_required(self, value, rel: str, what: str) -> None:
        if value is None and rel in self.texts and not self.problems.for_path(rel):  # read, parsed, empty
            self.add(rel, 1, 1, f"{what}文件是空的（或只有注释），网站无法归类活动。请参照示例单位的 {rel} 填写")

    def load_criteria(self):
        value, rel = self.read_yaml("criteria.yml", required=True)
        self.empty_required(value, rel, "测评项目")
        seen: dict[str, YStr] = {}
        defaults = Thresholds()
        if isinstance(value, YMap):  # {thresholds: ..., items: [...]} or just the list
            f = schema.read_fields(value, schema.CRITERIA_FILE, rel, self.problems)
            if f["thresholds"] is not None:
                defaults = self.thresholds(f["thresholds"], defaults, rel, "默认要求（thresholds）")
            value = f["items"]
        for i, item in self.expect_list(value, rel, "测评项目"):
            f = schema.read_fields(item, schema.CRITERION, rel, self.problems, f"第 {i} 个测评项目")
            own = Thresholds(*(f[k] if f[k] is not None else getattr(defaults, k) for k in schema.THRESHOLDS))
            cid = f["id"]
            if cid is None or f["name"] is None:
                continue
            at = item["id"]
            if not SLUG.match(cid):
                self.add(
                    rel,
                    at.line,
                    at.col,
                    f"测评项目编号“{cid}”只能用小写英文字母、数字和连字符（它会成为网址的一部分），例如 volunteer-service",
                )
                continue
            for key in (cid, f["name"]):
                if key in seen:
                    self.add(
                        rel,
                        item.line,
                        item.col,
                        f"测评项目“{key}”重复（第 {seen[key].line} 行已有）。编号和名称都不能重复",
                    )
            seen.setdefault(cid, at)
            seen.setdefault(f["name"], item["name"])
            self.criteria.append(Criterion(cid, f["name"], f["description"], f["keywords"] or (), own))
        if value is not None and not self.criteria and not self.problems.for_path(rel):
            self.add(rel, None, None, "没有任何测评项目。请至少保留一项")

    def thresholds(self, mapping: YMap, base: Thresholds, rel: str, what: str) -> Thresholds:
        f = schema.read_fields(mapping, schema.THRESHOLDS, rel, self.problems, what)
        return Thresholds(*(f[k] if f[k] is not None else getattr(base, k) for k in schema.THRESHOLDS))

    @property
    def criteria_options(self) -> dict[str, str]:
        opts = {c.id: c.id for c in self.criteria}
        opts.update({c.name: c.id for c in self.criteria})
        return opts

    def resolve_criteria(self, items, raw, rel) -> tuple[str, ...]:
        out = []
        values_at = raw if isinstance(raw, YList) else [raw]
        for text, at in zip(items, [v for v in values_at if v.strip()], strict=False):
            try:
                out.append(self.resolve_choice(text, self.criteria_options, "测评项目", "data/criteria.yml"))
            except Invalid as exc:
                self.add(rel, at.line, at.col, f"测评项目（criteria）：{exc}")
        return tuple(dict.fromkeys(out))

    def load_categories(self):
        value, rel = self.read_yaml("categories.yml", required=True)
        self.empty_required(value, rel, "活动类别")
        seen: set[str] = set()
        for i, item in self.expect_list(value, rel, "活动类别"):
            f = schema.read_fields(item, schema.CATEGORY, rel, self.problems, f"第 {i} 个活动类别")
            if f["name"] is None or f["slug"] is None:
                continue
            if not SLUG.match(f["slug"]) or f["slug"].replace("-", "").isdigit():
                at = item["slug"]
                self.add(
                    rel,
                    at.line,
                    at.col,
                    f"网址名（slug）“{f['slug']}”只能用小写英文字母、数字和连字符，且至少含一个字母（纯数字会和年份冲突），例如 volunteer",
                )
                continue
            dup = [k for k in (f["name"], f["slug"]) if k in seen]
            if dup:
                self.add(rel, item.line, item.col, f"活动类别“{dup[0]}”重复。名称和网址名都不能重复")
                continue
            seen.update((f["name"], f["slug"]))
            crit = self.resolve_criteria(f["criteria"] or (), item.get("criteria"), rel) if f["criteria"] else ()
            self.categories.append(Category(f["name"], f["slug"], f["description"], crit))

    def load_holidays(self):
        """The official calendar from chinese-calendar, overridden by data/holidays.yml.

        An entry is a day off (``kind: 放假``, the default) or a 调休 make-up working day
        (``kind: 调休上班``). A year the package lacks counts as known once the file
        lists a day off in it.
        """
        from wenmingsite.loading.recurrence import official_calendar

        self.calendar = official_calendar()
        kinds = {"放假": "rest", "休息": "rest", "调休上班": "work", "上班": "work"}
        value, rel = self.read_yaml("holidays.yml", required=False)
        for i, item in self.expect_list(value, rel, "节假日"):
            f = schema.read_fields(
                item,
                {
                    "name": schema.Field("name", "名称", schema.as_text, True),
                    "start": schema.Field("start", "开始日期", schema.as_date, True),
                    "end": schema.Field("end", "结束日期", schema.as_date),
                    "kind": schema.Field("kind", "类型", schema.as_text),
                },
                rel,
                self.problems,
                f"第 {i} 个节假日",
            )
            if f["start"] is None:
                continue
            name = f"“{f['name']}”" if f["name"] else ""
            if f["end"] is not None and f["end"] < f["start"]:
                at = item["end"]
                self.add(
                    rel,
                    at.line,
                    at.col,
                    f"第 {i} 个节假日{name}的结束日期（end）“{at.strip()}”早于开始日期（start）"
                    f"“{item['start'].strip()}”。请核对两个日期",
                )
                continue
            kind = kinds.get(f["kind"] or "放假")
            if kind is None:
                at = item["kind"]
                self.add(
                    rel,
                    at.line,
                    at.col,
                    f"第 {i} 个节假日{name}的类型（kind）“{at.strip()}”无法识别。请写 放假（不写即为放假）或 调休上班",
                )
                continue
            end = f["end"] or f["start"]
            day = f["start"]
            while day <= end:
                if kind == "rest":
                    self.calendar.holidays.add(day)
                    self.calendar.workdays.discard(day)
                elif day.weekday() < 5 and day not in self.calendar.holidays:
                    at = item["start"]
                    self.add(
                        rel,
                        at.line,
                        at.col,
                        f"第 {i} 个节假日{name}标为调休上班，但 {day:%Y-%m-%d} 是"
                        f"周{'一二三四五'[day.weekday()]}，本来就是工作日。调休上班日是周六或周日，请核对日期",
                    )
                else:
                    self.calendar.workdays.add(day)
                    self.calendar.holidays.discard(day)
                day += dt.timedelta(days=1)
            if kind == "rest":
                self.calendar.years.add(f["start"].year)
        self.holidays = self.calendar.holidays
        self.holiday_years = self.calendar.years

    # --- activities --------------------------------------------------------------------

    def activity_fields(self, f: dict, item: YMap, rel: str, base_dir: str | None, what: str):
        """Resolve references shared by pages, log entries and routines."""
        category = None
        if f["category"]:
            options = {c.name: c.name for c in self.categories}
            options.update({c.slug: c.name for c in self.categories})
            try:
                category = self.resolve_choice(f["category"], options, "类别", "data/categories.yml")
            except Invalid as exc:
                at = item["category"]
                self.add(rel, at.line, at.col, f"{what}类别（category）：{exc}")
        criteria = self.resolve_criteria(f["criteria"], item.get("criteria"), rel) if f["criteria"] else ()
        if category:
            cat = next(c for c in self.categories if c.name == category)
            criteria = tuple(dict.fromkeys(criteria + cat.criteria))
        if f["department"] and self.unit and self.unit.departments:
            if f["department"] not in self.unit.departments:
                at = item["department"]
                close = difflib.get_close_matches(f["department"], self.unit.departments, n=1, cutoff=0.4)
                tip = f"是不是“{close[0]}”？" if close else ""
                self.add(
                    rel,
                    at.line,
                    at.col,
                    f"{what}组织部门（department）“{f['department']}”不在 data/unit.yml 的 departments 中。"
                    f"{tip}请改成已有的部门名称，或在 departments 中添加",
                )
        photos: tuple[Photo, ...] = ()
        if f.get("photos"):
            photos = self.read_photos(f["photos"], rel, base_dir, what)
        return category, criteria, photos

    def read_photos(self, raw: YList, rel: str, base_dir: str | None, what: str) -> tuple[Photo, ...]:
        out = []
        for i, item in enumerate(raw, 1):
            if isinstance(item, YStr):
                mapping = YMap({YStr("src", item.line, item.col): item})
                mapping.line, mapping.col = item.line, item.col
                item = mapping
            if not isinstance(item, YMap):
                self.add(rel, item.line, item.col, f"{what}第 {i} 张照片应写成 src: 文件名 和 caption: 说明")
                continue
            f = schema.read_fields(item, schema.PHOTO, rel, self.problems, f"{what}第 {i} 张照片")
            if not f["src"]:
                continue
            at = item["src"]
            src = f["src"].replace("\\", "/")
            joined = posixpath.normpath(posixpath.join(base_dir or "", src))
            if src.startswith("/") or re.match(r"^[A-Za-z]:", src) or joined.startswith("../") or joined == "..":
                self.add(
                    rel,
                    at.line,
                    at.col,
                    f"{what}第 {i} 张照片的路径“{src}”跑出了 {self.docs_rel}/ 文件夹。"
                    "照片必须放在 docs/ 里面，路径相对于本文件所在的文件夹",
                )
                continue
            if not joined.lower().endswith(PHOTO_TYPES):
                self.add(
                    rel, at.line, at.col, f"{what}第 {i} 张照片“{src}”不是支持的图片格式。请使用 JPG、PNG、WebP 或 HEIC"
                )
                continue
            reason = self.find_file(joined)
            if reason:
                self.add(rel, at.line, at.col, f"{what}第 {i} 张照片“{src}”：{reason}")
                continue
            if self.sizes[joined] == 0:
                self.add(rel, at.line, at.col, f"{what}第 {i} 张照片“{src}”是空文件（0 字节）。请重新复制这张照片")
                continue
            if not (f["caption"] or f["alt"]):
                self.add(
                    rel,
                    at.line,
                    at.col,
                    f"{what}第 {i} 张照片“{src}”没有说明。请加上 caption: 一句话说明照片内容（视障读者也靠它了解照片）",
                )
                continue
            self.referenced_photos.add(joined)
            out.append(Photo(joined, f["caption"], f["alt"], rel, at.line))
        return tuple(out)

    def check_dates(self, f, item, rel, what, draft):
        if f.get("end_date") and f.get("date") and f["end_date"] < f["date"]:
            at = item["end_date"]
            self.add(rel, at.line, at.col, f"{what}结束日期（end_date）早于开始日期（date）。请核对")
        if f.get("date") and f["date"] > self.today and not draft:
            at = item["date"]
            self.add(
                rel,
                at.line,
                at.col,
                f"{what}日期 {f['date'].isoformat()} 还没到。请核对年份；计划中的活动请加 draft: true，办完后再发布",
            )

    def make_activity(self, f, item, rel, origin, aid, base_dir, what, page=None) -> Activity | None:
        category, criteria, photos = self.activity_fields(f, item, rel, base_dir, what)
        draft = bool(f["draft"])
        self.check_dates(f, item, rel, what, draft)
        signed, pending = signoff.read(f, item, rel, what, self.problems, self.unit, self.today, f["date"], "活动")
        if f["title"] is None or f["date"] is None or category is None:
            return None
        return Activity(
            id=aid,
            origin=origin,
            title=f["title"],
            date=f["date"],
            category=category,
            source=rel,
            line=item.line,
            end_date=f.get("end_date"),
            criteria=criteria,
            photos=photos,
            draft=draft,
            page=page,
            signoff=signed,
            pending=pending,
            **{k: f[k] for k in schema.COPIED_FIELDS},
        )

    def load_logs(self) -> tuple[list[Activity], list[Routine]]:
        folder = self.data_dir / "activities"
        activities: list[Activity] = []
        routines: list[Routine] = []
        if not folder.is_dir():
            return activities, routines
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in (".yml", ".yaml"):
                # Markdown placed here is reported by scan_tree (gate.data_near_miss).
                if not path.name.startswith(".") and not gate.data_near_miss(path.name):
                    self.add(self._rel(path), None, None, "data/activities/ 里只能放 .yml 活动记录文件。请移走这个文件")
                continue
            value, rel = self.read_yaml(f"activities/{path.name}", required=True)
            if value is None:
                continue
            if not isinstance(value, YMap):
                self.add(
                    rel,
                    value.line,
                    value.col,
                    "活动记录文件应包含 activities:（一次性活动）和/或 routines:（例行活动）两个列表",
                )
                continue
            for key in value:
                if key not in ("activities", "routines"):
                    self.add(
                        rel,
                        key.line,
                        key.col,
                        f"未知的顶层字段“{key}”{schema.suggest(key, ('activities', 'routines'))}",
                    )
            for i, item in self.expect_list(value.get("activities"), rel, "活动"):
                what = f"第 {i} 条活动"
                f = schema.read_fields(item, schema.LOG_ENTRY, rel, self.problems, what)
                if f["date"] is None or f["title"] is None:
                    continue
                aid = f["id"] or f"{path.stem}-{f['date']:%Y%m%d}-{_hash6(f['title'])}"
                a = self.make_activity(f, item, rel, "log", aid, None, f"{what}的")
                if a:
                    activities.append(a)
            for i, item in self.expect_list(value.get("routines"), rel, "例行活动"):
                r = self.load_routine(i, item, rel, path.stem)
                if r:
                    routine, occurrences = r
                    routines.append(routine)
                    activities.extend(occurrences)
        return activities, routines

    def load_routine(self, i, item, rel, stem):
        what = f"第 {i} 项例行活动"
        f = schema.read_fields(item, schema.ROUTINE, rel, self.problems, what)
        if f["title"] is None or f["start"] is None or f["repeat"] is None:
            return None
        try:
            repeat = parse_repeat(f["repeat"])
            weekdays = tuple(parse_weekday(w) for w in (f["weekday"] or ()))
            week = parse_week(f["week"]) if f["week"] else None
            rule = make_rule(repeat, weekdays, f["day"], week, f["month"])
        except Invalid as exc:
            at = item["repeat"]
            self.add(rel, at.line, at.col, f"{what}的重复规则：{exc}")
            return None
        end = f["end"] or min(self.today, self.unit.term_end if self.unit else self.today)
        if f["end"] and f["end"] < f["start"]:
            at = item["end"]
            self.add(rel, at.line, at.col, f"{what}的结束日期（end）早于开始日期（start）。请核对")
            return None
        if f["end"] and f["end"] > self.today:
            end = self.today  # occurrences that have not happened yet are not evidence
        from wenmingsite.loading.recurrence import package_years

        skip: set[dt.date] = set()
        if repeat == "weekdays" or f["skip_holidays"]:
            at = item["repeat"] if repeat == "weekdays" else item["skip_holidays"]
            years = package_years()
            need = "按工作日重复" if repeat == "weekdays" else "要求跳过法定节假日"
            missing = self.calendar.missing_years(f["start"], end)
            if [y for y in missing if y < years[0]]:
                self.add(
                    rel,
                    at.line,
                    at.col,
                    f"{what}{need}，但 chinese-calendar（只有 {years[0]}—{years[-1]} 年）和 "
                    f"data/holidays.yml 都没有 {'、'.join(map(str, missing))} 年的放假安排。"
                    "请在 data/holidays.yml 中补上该年的法定节假日和调休上班日（kind: 调休上班）",
                )
                return None
            # A year after the package's last one whose schedule the unit has not written yet:
            # the site keeps publishing (its dates counted as Monday to Friday, said as a
            # notice); from November on, the coming year is announced the same way.
            coming = self.today.year + 1
            planned = f["end"] or (self.unit.term_end if self.unit else self.today)
            if not missing and self.today.month >= 11 and planned.year >= coming and coming not in self.calendar.years:
                self.notices.append(
                    Problem(
                        rel,
                        at.line,
                        at.col,
                        f"{what}{need}，会延续到 {coming} 年，但 {coming} 年的放假安排还没有收录"
                        f"（本工具带的 chinese-calendar 只到 {years[-1]} 年）。国务院办公厅公布后，请在 data/holidays.yml "
                        f"写上 {coming} 年的法定节假日和调休上班日（kind: 调休上班），或升级本工具；"
                        f"没有写的话，{coming} 年的日期暂按周一到周五计算",
                    )
                )
            if missing:
                self.notices.append(
                    Problem(
                        rel,
                        at.line,
                        at.col,
                        f"{what}{need}，但 {'、'.join(map(str, missing))} 年的放假安排还没有收录"
                        f"（本工具带的 chinese-calendar 只到 {years[-1]} 年），这一年的日期暂按周一到周五计算，"
                        "元旦等假日可能被算进去。请在 data/holidays.yml 写上该年的法定节假日和调休上班日"
                        "（kind: 调休上班），或升级本工具",
                    )
                )
            if f["skip_holidays"]:
                skip |= self.calendar.holidays
        base = set(expand(rule, f["start"], end, set(), self.calendar))
        for days, at in self.read_exceptions(item.get("except"), rel, what):
            if not days & base:
                self.add(
                    rel,
                    at.line,
                    at.col,
                    f"{what}的例外日期“{at.strip()}”里没有这项活动的日期（{rule.describe()}），"
                    "去掉它不会改变任何统计。请核对日期",
                )
            skip |= days
        dates = sorted(d for d in base if d not in skip)
        rid = f["id"] or f"{stem}-r{_hash6(f['title'])}"
        occurrences = []
        category, criteria, _ = self.activity_fields(f, item, rel, None, f"{what}的")
        if category is None:
            return None
        draft = bool(f["draft"])
        signed, pending = signoff.read(f, item, rel, f"{what}的", self.problems, self.unit, self.today)
        for day in dates:
            occurrences.append(
                Activity(
                    id=f"{rid}-{day:%Y%m%d}",
                    origin="routine",
                    title=f["title"],
                    date=day,
                    category=category,
                    source=rel,
                    line=item.line,
                    criteria=criteria,
                    draft=draft,
                    routine=rid,
                    time=f["time"],
                    signoff=signed,
                    pending=pending,
                    **{k: f[k] for k in schema.COPIED_FIELDS},
                )
            )
        routine = Routine(
            rid, f["title"], category, repeat, f["start"], f["end"], rel, item.line, rule.describe(), tuple(dates)
        )
        return routine, occurrences

    def read_exceptions(self, raw, rel, what) -> list[tuple[set[dt.date], YStr]]:
        """Each exception as the set of days it names (a range names every day in it)."""
        if raw is None:
            return []
        out = []
        for at in raw if isinstance(raw, YList) else [raw]:
            if not isinstance(at, YStr) or not at.strip():
                continue
            parts = re.split(r"\s*(?:至|到|~|～|—)\s*", at.strip())
            try:
                if len(parts) == 2:
                    first, last = parse_date(parts[0]), parse_date(parts[1])
                    if last < first:
                        raise Invalid(f"“{at}”的结束日期早于开始日期")
                    days = {first + dt.timedelta(days=n) for n in range((last - first).days + 1)}
                else:
                    days = {parse_date(at)}
            except Invalid as exc:
                self.add(rel, at.line, at.col, f"{what}的例外日期（except）：{exc}")
                continue
            out.append((days, at))
        return out

    # --- pages -------------------------------------------------------------------------

    def load_pages(self, md_files: Iterable[str]) -> tuple[dict, list[Activity], list[ReportSection]]:
        pages: dict[str, PageMeta] = {}
        activities: list[Activity] = []
        report: list[ReportSection] = []
        self.excused_photos: set[str] = set()  # see gate.Context.excused
        for docs_path in sorted(md_files):
            rel = self.doc_source(docs_path)
            path = self.docs_dir / docs_path
            name = posixpath.basename(docs_path)
            if docs_path.startswith(f"{ACTIVITIES_DIR}/") and name not in ("index.md", "README.md"):
                role = "activity"
            elif docs_path.startswith(f"{REPORT_DIR}/") and name not in ("index.md", "README.md"):
                role = "report"
            elif docs_path.startswith(f"{NOTICES_DIR}/") and name not in ("index.md", "README.md"):
                role = "notice"
            else:
                role = "page"
            try:
                text = read_text(path, rel)
            except ProblemError as exc:
                self.problems.extend([exc.problem])
                pages[docs_path] = PageMeta(docs_path, {}, "", role, False)
                continue
            self.texts[rel] = text
            if role == "activity":  # photos it names are its own problem, not "unlisted" ones
                self.excused_photos |= _named_photos(text, posixpath.dirname(docs_path))
            parts = self.memo.split(rel, text)
            self.problems.extend(parts.problems)
            if parts.problems:
                if role == "activity":  # its photo folder waits for the page to be readable
                    self.excused_photos.add(posixpath.splitext(docs_path)[0] + "/")
                pages[docs_path] = PageMeta(docs_path, {}, parts.body, role, False, parts.body_line)
                continue
            meta = parts.meta if parts.meta is not None else YMap()
            if parts.meta is None:
                meta.line, meta.col = 1, 1
            self.problems.extend(
                self.checks.problems(
                    "markup",
                    rel,
                    parts.body,
                    (str(parts.body_line), repr(self.site.markdown)),
                    gate.markup_problems,
                    rel,
                    parts.body,
                    parts.body_line,
                    self.site,
                )
            )
            if role == "activity":
                if not parts.has_front_matter:
                    self.add(
                        rel,
                        1,
                        1,
                        "活动页面缺少 front matter。文件开头应是 ---，然后是 title、date、category 等字段，再以 --- 结束",
                    )
                    pages[docs_path] = PageMeta(docs_path, {}, parts.body, role, False, parts.body_line)
                    continue
                f = self.page_fields(meta, "activity", schema.ACTIVITY_PAGE, rel)
                aid = posixpath.splitext(docs_path[len(ACTIVITIES_DIR) + 1 :])[0]
                base = posixpath.dirname(docs_path)
                self.check_file_date(name, f, meta, rel, "活动日期")
                a = self.make_activity(f, meta, rel, "page", aid, base, "", page=docs_path)
                if a:
                    activities.append(a)
                else:
                    self.excused_photos.add(posixpath.splitext(docs_path)[0] + "/")
                clean = {k: v for k, v in f.items() if v is not None}
            elif role == "report":
                f = self.page_fields(meta, "report", schema.REPORT_SECTION, rel)
                self.material_keys(meta, f, rel)
                crit = self.resolve_criteria(f["criteria"], meta.get("criteria"), rel) if f["criteria"] else ()
                signed, pending = signoff.read(f, meta, rel, "", self.problems, self.unit, self.today)
                if f["title"] and f["order"] is not None:
                    report.append(
                        ReportSection(docs_path, f["title"], f["order"], crit, signed, pending, meta.line or 1)
                    )
                clean = {k: v for k, v in f.items() if v is not None}
            elif role == "notice":
                clean = self.load_notice(docs_path, meta, rel)
            else:
                f = self.page_fields(meta, "page", schema.OTHER_PAGE, rel)
                self.material_keys(meta, f, rel)
                clean = {k: v for k, v in f.items() if v is not None}
            pages[docs_path] = PageMeta(docs_path, clean, parts.body, role, True, parts.body_line)
        orders: dict[int, ReportSection] = {}
        for section in sorted(report, key=lambda s: s.page):
            if section.order in orders:
                self.add(
                    self.doc_source(section.page),
                    None,
                    None,
                    f"汇报章节的顺序（order）{section.order} 与 {self.doc_source(orders[section.order].page)} 相同。"
                    "请给每一章不同的序号",
                )
            orders.setdefault(section.order, section)
        return pages, activities, sorted(report, key=lambda s: (s.order, s.page))

    def page_fields(self, meta: YMap, table_name: str, table, rel: str) -> dict:
        """``schema.read_fields`` over a page's front matter, answered by the serve session's
        memo when the page's text is unchanged (``loadmemo``); its problems reported again."""
        found = self.memo.fields(
            rel,
            self.texts[rel],
            table_name,
            lambda problems: schema.read_fields(meta, table, rel, problems),
        )
        self.problems.extend(found.problems)
        return found.values

    def load_notice(self, docs_path: str, meta: YMap, rel: str) -> dict:
        """A 通知公告 page (docs/notices/*.md): its record in ``self.announcements``; returns the
        page meta the theme gets (title, description and Material's keys; an article without
        the side columns)."""
        f = self.page_fields(meta, "notice", schema.NOTICE_PAGE, rel)
        self.material_keys(meta, f, rel)
        if "/" in docs_path[len(NOTICES_DIR) + 1 :]:  # its trimmed address would be a 404
            self.add(
                rel,
                None,
                None,
                f"通知公告请直接放在 {self.docs_rel}/{NOTICES_DIR}/ 里，不要再分子文件夹。"
                f"请把这个文件移到 {self.docs_rel}/{NOTICES_DIR}/ 下，例如 {self.docs_rel}/{NOTICES_DIR}/2026-11-20-迎检工作安排.md",
            )
        self.activity_fields({"category": None, "criteria": None, "department": f["department"]}, meta, rel, None, "")
        ok = f["title"] is not None and f["date"] is not None
        if f["date"] and f["date"] > self.today:
            at = meta["date"]
            self.add(
                rel,
                at.line,
                at.col,
                f"发布日期（date）{f['date'].isoformat()} 还没到。请核对年份；还不能发布的通知请先不要提交",
            )
            ok = False
        if f["date"] and f["expires"] and f["expires"] < f["date"]:
            at = meta["expires"]
            self.add(rel, at.line, at.col, "有效期至（expires）早于发布日期（date）。请核对两个日期")
            ok = False
        self.check_file_date(posixpath.basename(docs_path), f, meta, rel, "发布日期")
        signed, pending = signoff.read(f, meta, rel, "", self.problems, self.unit, self.today, f["date"], "通知")
        if ok:
            self.announcements.append(
                Announcement(
                    docs_path,
                    f["title"],
                    f["date"],
                    rel,
                    f["department"],
                    f["expires"],
                    bool(f["top"]),
                    f["summary"],
                    signed,
                    pending,
                    meta.line or 1,
                )
            )
        own = ("date", "department", "expires", "top", "summary", *schema.SIGNOFF_FIELDS)
        clean = {k: v for k, v in f.items() if v is not None and k not in own}
        clean.setdefault("hide", ["navigation", "toc"])
        return clean

    def check_file_date(self, name: str, f: dict, meta: YMap, rel: str, label: str) -> None:
        """A page named "日期-简称.md" whose name and front matter disagree on the date: often a
        typo, told as a notice (``wenming check``, the preview) since the name also makes the
        page's address. Days of a multi-day activity agree."""
        found = FILE_DATE.match(name)
        if not found or f.get("date") is None or f["date"] > self.today:  # a future date has its own message
            return
        try:
            named = dt.date.fromisoformat(found[1])
        except ValueError:
            return
        start = f["date"]
        if start <= named <= max(start, f.get("end_date") or start):
            return
        at = meta["date"]
        rest = name[len(found[0]) :]
        self.notices.append(  # not a failure: renaming the file would change a published address
            Problem(
                rel,
                at.line,
                at.col,
                f"文件名里的日期 {named.isoformat()} 与{label}（date）{start.isoformat()} 不一致。"
                f"如果是 date 写错了，请改成 {named.isoformat()}；如果日期确实改了，网址仍按文件名，"
                f"可以不改（把文件名改成 {start.isoformat()}-{rest} 会让网址变成新的）",
            )
        )

    def material_keys(self, meta: YMap, fields: dict, rel: str) -> None:
        """Report Material's keys the theme would choke on, and keep them from it."""
        for key, found in gate.material_meta_problems(meta, rel, self.root, self.site).items():
            self.problems.extend(found)
            fields[key] = None

    # --- other data --------------------------------------------------------------------

    def check_docs_file(self, path: str, at: YStr, rel: str, what: str, types) -> bool:
        norm = posixpath.normpath(path.replace("\\", "/"))
        if norm.startswith("../") or path.startswith("/") or norm == "..":
            self.add(
                rel, at.line, at.col, f"{what}的路径“{path}”跑出了 {self.docs_rel}/ 文件夹。文件必须放在 docs/ 里面"
            )
            return False
        if not norm.lower().endswith(types):
            self.add(
                rel,
                at.line,
                at.col,
                f"{what}“{path}”的文件类型不允许发布。可以使用：{'、'.join(t.lstrip('.') for t in types)}",
            )
            return False
        reason = self.find_file(norm)
        if reason:
            self.add(rel, at.line, at.col, f"{what}“{path}”：{reason}（路径相对于 {self.docs_rel}/ 文件夹）")
            return False
        return True

    def load_data_file(self, spec: DataFile):
        """One declared data file (wenmingsite.loading.datafiles): its records, in their order, or for
        a mapping file its one record; absent files give none."""
        value, rel = self.read_yaml(spec.name, required=False)
        if spec.shape == "mapping":
            if value is None:
                return None
            if not isinstance(value, YMap):
                self.add(
                    rel, value.line, value.col, f"{spec.what}应该是“字段: 值”的形式{spec.hint}。请参照示例单位的写法"
                )
                return None
            return spec.build(self, schema.read_fields(value, spec.fields, rel, self.problems), value, rel, spec.what)
        out = []
        for i, item in self.expect_list(value, rel, spec.what):
            what = spec.entry.format(i=i, what=spec.what)
            if spec.about_people:
                f = self.read_public_fields(item, spec.fields, rel, what)
            else:
                f = schema.read_fields(item, spec.fields, rel, self.problems, what)
            if any(f[name] is None for name, field in spec.fields.items() if field.required):
                continue  # reported by read_fields
            if (made := spec.build(self, f, item, rel, what)) is not None:
                out.append(made)
        if spec.newest_first is not None:
            out.sort(key=spec.newest_first, reverse=True)
        return tuple(out)

    # --- topic-site sections: 志愿服务, 文明风采 (通知公告 are pages, see load_pages) ----------

    def read_public_fields(self, item: YMap, fields, rel: str, what: str) -> dict:
        """``schema.read_fields`` for entries about people: a key for a private phone or ID
        number is refused by name (not only as an unknown key) and never read."""
        kept = YMap()
        kept.line, kept.col = item.line, item.col
        for key, value in item.items():
            if key.strip().lower() in schema.PRIVATE_KEYS:
                self.add(rel, key.line, key.col, schema.MSG_PRIVATE_KEY.format(prefix=f"{what}的", key=key))
            else:
                kept[key] = value
        return schema.read_fields(kept, fields, rel, self.problems, what)

    # --- the docs tree -----------------------------------------------------------------

    def scan_tree(self) -> list[str]:
        """Markdown pages under docs/, plus problems with what else lies there. String paths
        and one scandir per folder: a unit with thousands of photos walks this every build."""
        md: list[str] = []
        self.tree_files = []
        root = os.path.abspath(self.root) + os.sep
        for folder in (self.docs_dir, self.data_dir):
            if not folder.is_dir():
                continue
            docs = folder == self.docs_dir
            docs_prefix = len(os.path.abspath(folder)) + 1
            pending = [os.path.abspath(folder)]
            while pending:
                current = pending.pop()
                with os.scandir(current) as scan:
                    entries = list(scan)
                if docs:  # find_file's case-exact lookups use this walk
                    self._listings[current] = {e.name for e in entries}
                for entry in entries:
                    name, full = entry.name, entry.path
                    rel = full[len(root) :].replace(os.sep, "/") if full.startswith(root) else full
                    docs_path = full[docs_prefix:].replace(os.sep, "/")  # used for docs/ only
                    if docs:
                        self._links[full] = entry.is_symlink()
                    if entry.is_symlink():
                        if os.path.isdir(full):
                            self.add(
                                rel,
                                None,
                                None,
                                "这是一个符号链接（快捷方式）指向的文件夹，网站不会发布其中内容。请换成真实文件夹",
                            )
                        else:
                            self.add(rel, None, None, "这是一个符号链接（快捷方式），网站不会发布它。请换成真实文件")
                        continue
                    if entry.is_dir():
                        if not name.startswith("."):
                            pending.append(full)
                        continue
                    size = entry.stat().st_size
                    self.all_files.append((rel, size))
                    if docs:
                        self.sizes[docs_path] = size
                    low = name.lower()
                    if low in JUNK_NAMES or name.startswith(("~$", ".~lock.")) or low.endswith((".tmp", ".bak")):
                        self.add(
                            rel,
                            None,
                            None,
                            "这是系统或 Office 自动生成的临时文件，不应该提交。请删除它（删除不影响任何内容）",
                        )
                        continue
                    if name.startswith("."):
                        continue
                    if docs:  # check_tree classifies them (wenmingsite.gate)
                        self.tree_files.append(docs_path)
                        if name.endswith(gate.PAGE_SUFFIX) and not gate.name_problem(docs_path):
                            md.append(docs_path)
                    else:
                        in_data = full[docs_prefix:].replace(os.sep, "/")
                        if reason := gate.name_problem(in_data) or gate.data_near_miss(in_data):
                            self.add(rel, None, None, reason)
        return sorted(md)

    def check_tree(self):
        """Every file under docs/ through the publication gate; what it lets through is
        recorded in ``self.published_files`` (the hook copies nothing else)."""
        by_lower: dict[str, str] = {}
        ctx = gate.Context(
            photos=self.referenced_photos,
            documents=self.documented_files,
            site=self.site,
            excused=getattr(self, "excused_photos", set()),
        )
        for docs_path in sorted(self.tree_files):
            key = docs_path.lower()
            if key in by_lower:
                self.add(
                    self.doc_source(docs_path),
                    None,
                    None,
                    f"与 {self.doc_source(by_lower[key])} 只有大小写不同。在 Windows 上这两个文件会互相覆盖，"
                    "网址也会冲突。请给其中一个改名",
                )
            by_lower.setdefault(key, docs_path)
            decision = gate.classify(docs_path, ctx)
            if decision.file_class is not None:  # published
                self.published_files[docs_path] = decision.file_class
            elif decision.notice:
                self.notices.append(Problem(self.doc_source(docs_path), None, None, decision.notice))
            elif decision.refusal:
                self.add(self.doc_source(docs_path), None, None, decision.refusal)
            if docs_path.lower().endswith(RASTER_TYPES):
                if problem := publication.gps_problem(
                    self.docs_dir / docs_path, self.doc_source(docs_path), self.has_gps
                ):
                    self.problems.extend([problem])

    def check_publication(self, documents: Iterable[Document] = ()):
        """What must never be published: placeholders, personal numbers (in texts, in
        documents under docs/, in file and folder names), huge files."""
        allowed = publication.allowed_numbers(self.unit.phone if self.unit else None)
        shown = "\n".join(sorted(allowed))
        day = privacy.real_day().isoformat()  # an ID number's birth date is judged against it
        for rel, text in self.texts.items():
            self.problems.extend(
                self.checks.problems("text", rel, text, (shown, day), publication.scan_text, rel, text, allowed)
            )
            self.notices.extend(publication.sample_notices(rel, text))
        for rel, size in self.all_files:
            if problem := publication.size_problem(size, rel):
                self.problems.extend([problem])
        for path, name, folder in publication.named_paths(rel for rel, _ in self.all_files):
            check = "folder name" if folder else "file name"
            self.problems.extend(
                self.checks.problems(
                    check, path, name, (shown, day), publication.name_problem, path, name, folder, allowed
                )
            )
        document_texts: dict[str, list] = {}
        self.problems.extend(
            publication.document_problems(
                self.root, self.docs_dir, self.docs_rel, self.tree_files, allowed, document_texts
            )
        )
        self.check_sensitive(document_texts, documents)

    def check_sensitive(self, document_texts: dict[str, list], documents: Iterable[Document]):
        """Health, hardship, religion… details next to a private person's name, unless the page
        or entry acknowledges them (wenmingsite.gate.sensitive); the unit's own terms in
        data/sensitive.yml. A document under docs/ is acknowledged by its entry in
        data/documents.yml."""
        value, rel = self.read_yaml(sensitive.UNIT_FILE, required=False)
        lexicon, problems = sensitive.read_unit_lexicon(value, rel)
        self.problems.extend(problems)
        if rel in self.texts:  # read just now: its numbers are checked like any data file's
            allowed = publication.allowed_numbers(self.unit.phone if self.unit else None)
            self.problems.extend(publication.scan_text(rel, self.texts[rel], allowed))
        listed = {d.file: d for d in documents if d.file}
        docs = [
            sensitive.DocumentText(
                f"{self.docs_rel}/{path}",
                texts,
                listed[path].sensitive_ok if path in listed else None,
                f"{listed[path].source} 第 {listed[path].line} 行" if path in listed else None,
            )
            for path, texts in sorted(document_texts.items())
        ]
        found, acknowledged = sensitive.problems_in(
            self.texts, lexicon, self._rel(self.data_dir), self.root / sensitive.CACHE_DIR, docs
        )
        self.problems.extend(found)
        self.notices.extend(acknowledged)  # for the reviewer: wenming check, pull-request annotations


def load(
    root: Path,
    docs_dir: Path | None = None,
    data_dir: Path | None = None,
    *,
    today: dt.date | None = None,
    photo_cache=None,
    site: gate.SiteConfig | None = None,
    checks: checkcache.TextChecks | None = None,
    memo: loadmemo.LoadMemo | None = None,
) -> tuple[Content, list[Problem]]:
    """Load and validate everything; return the content and all problems found.

    ``photo_cache`` (an :class:`images.PhotoCache`) spares re-reading unchanged images;
    ``site`` is what the publication gate needs of mkdocs.yml (read from the project's
    mkdocs.yml when not given); ``checks``: the answers of earlier loads' text checks
    (``checkcache``), kept for the next load; ``memo``: what earlier loads of a serve session
    made of each unchanged page file (``loadmemo``), its text checks included."""
    root = Path(os.path.abspath(root))
    loader = _Loader(
        root, Path(docs_dir or root / "docs"), Path(data_dir or root / "data"), today or dt.date.today(), site
    )
    if photo_cache is not None:
        loader.has_gps = photo_cache.has_gps
    if memo is not None:
        loader.memo = memo
        loader.checks = memo.start()
    if checks is not None:
        loader.checks = checks
    md_files = loader.scan_tree()
    loader.load_unit()
    loader.load_criteria()
    loader.load_categories()
    loader.load_holidays()
    log_activities, routines = loader.load_logs()
    pages, page_activities, report = loader.load_pages(md_files)
    data = {spec.into: loader.load_data_file(spec) for spec in DATA_FILES}
    loader.check_tree()
    loader.check_publication(data.get("documents") or ())
    loader.checks.save()
    loader.memo.save()

    activities = sorted(page_activities + log_activities, key=lambda a: (a.date, a.id))
    seen_ids: dict[str, Activity] = {}
    seen_events: dict[tuple, Activity] = {}
    for a in activities:
        if a.id in seen_ids:
            other = seen_ids[a.id]
            loader.add(
                a.source, a.line, None, f"活动编号“{a.id}”与 {other.source}:{other.line} 重复。请给其中一个换一个 id"
            )
        seen_ids.setdefault(a.id, a)
        if a.origin == "routine":
            continue
        key = (a.date, a.title)
        if key in seen_events:
            other = seen_events[key]
            loader.add(
                a.source,
                a.line,
                None,
                f"这条活动与 {other.source}:{other.line} 重复（同一天、同一标题“{a.title}”）。"
                "请删除其中一条；如果确实是两次活动，请在标题中区分",
            )
        seen_events.setdefault(key, a)

    content = Content(
        unit=loader.unit,
        criteria=tuple(loader.criteria),
        categories=tuple(loader.categories),
        activities=tuple(activities),
        routines=tuple(routines),
        report=tuple(report),
        pages=pages,
        announcements=tuple(sorted(loader.announcements, key=lambda n: (n.date, n.page), reverse=True)),
        **data,
        today=loader.today,
        files=loader.published_files,
        notices=tuple(sorted(loader.notices)),
    )
    return content, loader.problems.sorted()


_PHOTO_SRC = re.compile(r"""^[ \t]*(?:-[ \t]*)?src[ \t]*[:：][ \t]*["'“]?([^"'”#\r\n]*?)["'”]?[ \t]*(?:#.*)?$""", re.M)


def _named_photos(text: str, base: str) -> set[str]:
    """Docs paths an activity page names as photo sources, read from its raw text (so that
    they are known even when its front matter cannot be read)."""
    return {
        posixpath.normpath(posixpath.join(base, m.replace("\\", "/"))) for m in _PHOTO_SRC.findall(text) if m.strip()
    }


def url_collisions(
    pairs: Iterable[tuple[str, str]], docs_rel: str = "docs", reserved: dict[str, str] | None = None
) -> list[Problem]:
    """Pages that would be written to the same URL (also when only letter case differs).

    ``pairs`` are (docs-relative source path, output path) of the unit's own files;
    ``reserved`` maps the output paths of generated pages to their virtual source.
    """
    seen: dict[str, str] = {}
    taken = {dest.lower(): dest for dest in (reserved or {})}
    out = []
    for src, dest in sorted(pairs):
        key = dest.lower()
        if key in taken:
            out.append(
                Problem(
                    f"{docs_rel}/{src}",
                    None,
                    None,
                    f"网址 {taken[key]} 由网站自动生成（创建动态、分类、测评项目等页面使用），这个文件会和它冲突。"
                    "请给这个文件改名，或把它移到别的文件夹",
                )
            )
        elif key in seen:
            out.append(
                Problem(
                    f"{docs_rel}/{src}",
                    None,
                    None,
                    f"与 {docs_rel}/{seen[key]} 会生成同一个网址（{dest}），其中一个会被覆盖。请给其中一个改名",
                )
            )
        else:
            seen[key] = src
    return out
