"""The data files a unit may add, each declared once.

A declaration names the file under ``data/``, its shape (a list of entries or one mapping), the
fields of an entry (a table of :class:`schema.Field`), the function that checks one entry
against the rest of the content and builds its record by field name, and the attribute of
:class:`records.Content` its records land in. The loader reads every declared file the same
way (:meth:`loader._Loader.load_data_file`): strict YAML, unknown and missing fields, values
converted by the field table, a Chinese ``file:line:col`` line for each problem, and an entry
with a problem left out of the records, never silently (its problem fails the build).

The files the activities refer to (``unit.yml``, ``criteria.yml``, ``categories.yml``,
``holidays.yml``) are steps of the loader itself, read before any activity; the activity logs
(``data/activities/*.yml``) are read with the activity pages. Everything else is here, in the
order it is read.

A new data-backed page is a declaration here, a record (``records.py``, with its ``Content``
attribute), a page kind and a template (ARCHITECTURE.md, "A new data file").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wenmingsite.gate import PHOTO_TYPES
from wenmingsite.loading import schema, signoff
from wenmingsite.loading.records import (
    Document,
    Group,
    Honour,
    Knowledge,
    KnowledgeSection,
    Member,
    Organization,
    OrganizationChange,
    Person,
    QuizQuestion,
    Volunteering,
    VolunteerProject,
    VolunteerTeam,
)
from wenmingsite.loading.values import Invalid
from wenmingsite.loading.yamlstrict import YList, YMap, YStr

if TYPE_CHECKING:
    from wenmingsite.loading.loader import _Loader

# (the loader, the entry's converted fields, the entry as read, file, how messages name it)
Builder = Callable[["_Loader", dict[str, Any], YMap, str, str], Any]


@dataclass(frozen=True)
class DataFile:
    name: str  # the file under data/
    what: str  # how messages name the file's content ("荣誉", "制度文件")
    into: str  # the attribute of records.Content the records land in
    fields: Mapping[str, schema.Field]  # an entry's fields (a list file), or the file's (a mapping file)
    build: Builder  # checks one entry across files and makes its record; None leaves it out (reported)
    shape: str = "list"  # "list": entries, each "- 字段: 值"; "mapping": the file is one entry
    entry: str = "第 {i} 项{what}"  # how messages name one entry of a list file
    hint: str = ""  # for a mapping file that is not one: after "应该是“字段: 值”的形式"
    newest_first: Callable[[Any], Any] | None = None  # the records' order, by this key descending
    # Entries about people: a key for a private phone or ID number is refused by name, not read.
    about_people: bool = False


def record(cls: type, fields: dict[str, Any], **given: Any) -> Any:
    """``cls`` built by field name: every converted field the record has, and ``given``."""
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in fields.items() if k in names and k not in given}, **given)


# --- 荣誉 (data/honours.yml) ---------------------------------------------------------------


def honour(ld: _Loader, f: dict[str, Any], item: YMap, rel: str, what: str) -> Honour | None:
    ok = True
    if f["level"] not in schema.HONOUR_LEVELS:
        at = item["level"]
        ld.add(
            rel,
            at.line,
            at.col,
            f"{what}的级别（level）“{f['level']}”无法识别。请写：{'、'.join(schema.HONOUR_LEVELS)}",
        )
        ok = False
    if f["month"] is not None and not 1 <= f["month"] <= 12:
        at = item["month"]
        ld.add(rel, at.line, at.col, f"{what}的月份（month）只能是 1 到 12，这里是 {f['month']}")
        ok = False
    day = None  # the day an approval may not precede: the honour's month, or its year
    if 1949 <= f["year"] <= ld.today.year:
        day = dt.date(f["year"], f["month"] if f["month"] and 1 <= f["month"] <= 12 else 1, 1)
    signed, pending = signoff.read(f, item, rel, f"{what}的", ld.problems, ld.unit, ld.today, day, "荣誉")
    if not 1949 <= f["year"] <= ld.today.year:
        at = item["year"]
        ld.add(rel, at.line, at.col, f"{what}的年份（year）{f['year']} 不合理。请写四位年份，例如 2024")
        ok = False
    photo = None
    if f["photo"]:
        ok = ld.check_docs_file(f["photo"], item["photo"], rel, f"{what}的证书照片（photo）", PHOTO_TYPES) and ok
        if ok:
            photo = posixpath.normpath(f["photo"])
            ld.referenced_photos.add(photo)
    if not ok:
        return None
    return record(Honour, f, photo=photo, signoff=signed, pending=pending, source=rel, line=item.line)


# --- 制度文件 (data/documents.yml) ------------------------------------------------------------


def document(ld: _Loader, f: dict[str, Any], item: YMap, rel: str, what: str) -> Document | None:
    size = file = None
    if f["file"]:
        if not ld.check_docs_file(f["file"], item["file"], rel, f"{what}（file）", schema.DOCUMENT_TYPES):
            return None
        file = posixpath.normpath(f["file"])
        ld.documented_files.add(file)
        size = (ld.docs_dir / file).stat().st_size
    criteria = ld.resolve_criteria(f["criteria"], item.get("criteria"), rel) if f["criteria"] else ()
    return record(Document, f, file=file, size=size, criteria=criteria, source=rel, line=item.line)


# --- 组织机构 (data/organization.yml) ---------------------------------------------------------


def organization(ld: _Loader, f: dict[str, Any], item: YMap, rel: str, what: str) -> Organization | None:
    group = _group(ld, f["leading_group"], schema.GROUP, rel, "领导小组") if f["leading_group"] else None
    office = _group(ld, f["office"], schema.OFFICE, rel, "领导小组办公室") if f["office"] else None
    changes = []
    for i, entry in ld.expect_list(f["changes"], rel, "调整记录") if f["changes"] else []:
        c = schema.read_fields(entry, schema.CHANGE, rel, ld.problems, f"第 {i} 条调整记录")
        if c["date"] and c["description"]:
            changes.append(record(OrganizationChange, c))
    if group is None:
        return None
    return Organization(group, office, tuple(sorted(changes, key=lambda c: c.date)))


def _group(ld: _Loader, mapping: YMap, fields, rel: str, what: str) -> Group | None:
    f = schema.read_fields(mapping, fields, rel, ld.problems, what)
    members = []
    for i, item in ld.expect_list(f["members"], rel, f"{what}成员") if f["members"] else []:
        m = schema.read_fields(item, schema.MEMBER, rel, ld.problems, f"{what}第 {i} 位成员")
        if m["role"] and m["name"]:
            members.append(record(Member, m))
    if f["name"] is None:
        return None
    return record(Group, f, members=tuple(members), duties=tuple(f["duties"] or ()))


# --- 应知应会 (data/knowledge.yml) ------------------------------------------------------------


def knowledge(ld: _Loader, f: dict[str, Any], item: YMap, rel: str, what: str) -> Knowledge | None:
    """Sections of text and an optional self-test."""
    sections = []
    for i, entry in ld.expect_list(f["sections"], rel, "内容（sections）") if f["sections"] else []:
        s = schema.read_fields(entry, schema.KNOWLEDGE_SECTION, rel, ld.problems, f"第 {i} 部分内容")
        if s["title"] and s["text"]:
            paragraphs = tuple(p.strip() for p in s["text"].split("\n") if p.strip())
            sections.append(KnowledgeSection(s["title"], paragraphs))
    quiz = []
    for i, entry in ld.expect_list(f["quiz"], rel, "自测题（quiz）") if f["quiz"] else []:
        where = f"第 {i} 道自测题"
        q = schema.read_fields(entry, schema.QUIZ_QUESTION, rel, ld.problems, where)
        if not (q["question"] and q["options"] and q["answer"]):
            continue
        options = []
        for option in q["options"]:
            if not isinstance(option, YStr) or not option.strip():
                at = option if hasattr(option, "line") else entry
                ld.add(rel, at.line, at.col, f"{where}的选项（options）每一项应是一段文字。请写成“- 选项内容”")
                break
            options.append(str(option).strip())
        else:
            answer = _quiz_answer(ld, q["answer"], options, entry["answer"], rel, where)
            if answer is not None:
                quiz.append(record(QuizQuestion, q, options=tuple(options), answer=answer))
    if not sections:
        return None
    return Knowledge(tuple(sections), tuple(quiz))


def _quiz_answer(ld: _Loader, raw: str, options: list[str], at, rel: str, what: str) -> int | None:
    """The right option, written as its number (1, 2, …), its letter (A, B, …) or its text."""
    text = raw.strip()
    letters = "ABCDEFGH"
    if text.isdigit() and 1 <= int(text) <= len(options):
        return int(text) - 1
    if len(text) == 1 and text.upper() in letters[: len(options)]:
        return letters.index(text.upper())
    if text in options:
        return options.index(text)
    ld.add(
        rel,
        at.line,
        at.col,
        f"{what}的答案（answer）“{text}”不是它的选项之一。请写选项的序号（1 到 {len(options)}）、"
        f"字母（A 到 {letters[len(options) - 1]}）或选项原文",
    )
    return None


# --- 志愿服务 (data/volunteers.yml) ------------------------------------------------------------


def volunteering(ld: _Loader, f: dict[str, Any], item: YMap, rel: str, what: str) -> Volunteering | None:
    """Teams, standing projects, and which activity categories count as volunteer service
    (default: 志愿服务, when the unit has it)."""
    teams = []
    for i, entry in ld.expect_list(f["teams"], rel, "志愿服务队（teams）") if f["teams"] else []:
        where = f"第 {i} 支志愿服务队"
        t = ld.read_public_fields(entry, schema.VOLUNTEER_TEAM, rel, where)
        if t["founded"] and t["founded"] > ld.today:
            at = entry["founded"]
            ld.add(rel, at.line, at.col, f"{where}的成立日期（founded）{t['founded'].isoformat()} 还没到。请核对年份")
        elif t["name"]:
            teams.append(record(VolunteerTeam, t, members=t["members"] or None))
    projects = []
    for i, entry in ld.expect_list(f["projects"], rel, "服务项目（projects）") if f["projects"] else []:
        p = ld.read_public_fields(entry, schema.VOLUNTEER_PROJECT, rel, f"第 {i} 个服务项目")
        if p["name"] and p["description"]:
            projects.append(record(VolunteerProject, p))
    names = {c.name: c.name for c in ld.categories}
    names.update({c.slug: c.name for c in ld.categories})
    categories: list[str] = []
    if f["categories"]:
        raw = item["categories"]
        given = [v for v in (raw if isinstance(raw, YList) else [raw]) if v.strip()]
        for text, at in zip(f["categories"], given, strict=False):
            try:
                categories.append(ld.resolve_choice(text, names, "活动类别", "data/categories.yml"))
            except Invalid as exc:
                ld.add(rel, at.line, at.col, f"计入志愿服务的活动类别（categories）：{exc}")
    elif "志愿服务" in names:
        categories.append("志愿服务")
    if not teams:
        return None
    return Volunteering(tuple(teams), tuple(projects), tuple(dict.fromkeys(categories)))


# --- 文明风采/身边好人 (data/people.yml) ----------------------------------------------------------


def person(ld: _Loader, f: dict[str, Any], item: YMap, rel: str, what: str) -> Person | None:
    """Names are published on purpose; the deed text goes through the same personal-number
    check as every text (the loader's check_publication)."""
    ok = True
    if not 1949 <= f["year"] <= ld.today.year:
        at = item["year"]
        ld.add(rel, at.line, at.col, f"{what}的年份（year）{f['year']} 不合理。请写四位年份，例如 2025")
        ok = False
    photo = None
    if f["photo"]:
        if ld.check_docs_file(f["photo"], item["photo"], rel, f"{what}的照片（photo）", PHOTO_TYPES):
            photo = posixpath.normpath(f["photo"].replace("\\", "/"))
            ld.referenced_photos.add(photo)
        else:
            ok = False
    if photo and not f["caption"]:
        at = item["photo"]
        ld.add(
            rel,
            at.line,
            at.col,
            f"{what}的照片“{f['photo']}”没有说明。请加上 caption: 一句话说明照片内容（视障读者也靠它了解照片）",
        )
        ok = False
    if not ok:
        return None
    deed = tuple(p.strip() for p in f["deed"].split("\n") if p.strip())
    return record(Person, f, deed=deed, photo=photo, source=rel, line=item.line)


# --- the declarations, in the order they are read ----------------------------------------------

DATA_FILES: tuple[DataFile, ...] = (
    DataFile(
        "honours.yml",
        "荣誉",
        "honours",
        schema.HONOUR,
        honour,
        newest_first=lambda h: (h.year, h.month or 0),
    ),
    DataFile("organization.yml", "组织机构", "organization", schema.ORGANIZATION, organization, shape="mapping"),
    DataFile(
        "documents.yml",
        "制度文件",
        "documents",
        schema.DOCUMENT,
        document,
        entry="第 {i} 份文件",
        newest_first=lambda d: d.issued,
    ),
    DataFile(
        "knowledge.yml",
        "应知应会",
        "knowledge",
        schema.KNOWLEDGE,
        knowledge,
        shape="mapping",
        hint="（sections、quiz）",
    ),
    DataFile(
        "volunteers.yml",
        "志愿服务",
        "volunteering",
        schema.VOLUNTEERS,
        volunteering,
        shape="mapping",
        hint="（teams、projects、categories）",
    ),
    DataFile(
        "people.yml",
        "人物（文明风采）",
        "people",
        schema.PERSON,
        person,
        entry="第 {i} 位人物",
        newest_first=lambda p: p.year,
        about_people=True,
    ),
)
