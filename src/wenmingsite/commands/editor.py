"""The browser form for a new activity (``/editor/``, 新增活动).

Office staff without Python or a terminal fill in the form, choose photos from the phone and
download one zip that they upload on GitHub's web page. The form's controls are those the
activity fields declare (:data:`wenmingsite.loading.fields.FORM`; the template renders each as
its ``Control`` says). The page checks what the build checks, with the build's own messages:
this module hands it the fields (name, label, required, converter family), the converters'
patterns, limits and message templates (``values.MSG_*``, ``schema.MSG_*``) and the unit's
categories, criteria and departments, as one JSON object the template embeds.
``assets/editor.js`` reads and writes the fields that JSON lists, mirroring each family's
converter; ``tests/test_browser_editor.py`` feeds both the same values and compares the
messages.
"""

from __future__ import annotations

import functools
import json
import re
import sys

from wenmingsite.gate import publication
from wenmingsite.loading import fields, schema, values
from wenmingsite.loading.records import Content
from wenmingsite.pages.pagekinds import PageSpec, page_kind

SRC = "editor/index.md"
SCRIPT = "assets/wenming/editor.js"
STYLE = "assets/wenming/editor.css"

# What the photos become in the browser before anyone uploads them.
MAX_SIDE = 2560
JPEG_QUALITY = 0.88
PHOTO_NAME = "{nn}.jpg"  # two digits; inside the activity's folder: no phone file names, no Windows trap
# cli.UNSAFE (what `wenming new` replaces in a title to make its file name) for JavaScript,
# with Python's Unicode \w spelt out: letters, numbers and "_" (tests/test_editor.py).
UNSAFE_NAME = r"[^\p{L}\p{N}_\u4e00-\u9fff-]+"
NAME_LIMIT = 20  # cli.safe_name's default

# Cross-checks of the loader the form makes too. The loader writes them inline; the texts
# here are compared with what the loader reports in tests/test_editor.py.
MSG_PHOTO_NO_CAPTION = (
    "{what}第 {i} 张照片“{src}”没有说明。请加上 caption: 一句话说明照片内容（视障读者也靠它了解照片）"
)
MSG_DATE_FUTURE = "{what}日期 {iso} 还没到。请核对年份；计划中的活动请加 draft: true，办完后再发布"
MSG_END_BEFORE_START = "{what}结束日期（end_date）早于开始日期（date）。请核对"
MSG_PHOTO_WHERE = "{what}第 {i} 张照片"

# The form's fields, in the order of the form and of the written front matter, with the
# converter family each one mirrors (wenmingsite.loading.fields declares both).
FORM_FIELDS = tuple((f.name, f.family) for f in fields.FORM)


def layout() -> tuple[list[list[fields.ActivityField]], list[fields.ActivityField]]:
    """The form's controls: groups in order (a row of controls, or one), and the checkboxes
    that close the form after the text and photos."""
    groups: list[list[fields.ActivityField]] = []
    rows: dict[str, list[fields.ActivityField]] = {}
    closing = []
    for f in fields.FORM:
        control = f.control
        assert control is not None
        if control.widget == "checkbox":
            closing.append(f)
        elif control.row in rows:
            rows[control.row].append(f)
        else:
            groups.append([f])
            if control.row:
                rows[control.row] = groups[-1]
    return groups, closing


def js_pattern(regex: re.Pattern, mode: str) -> dict:
    """A Python pattern for JavaScript's RegExp (flag "u"), anchored as ``mode`` (match,
    fullmatch or search) anchors it in Python. ``\\s`` becomes the exact class Python
    means by it (ASCII under re.ASCII, else every str.isspace character)."""
    source = regex.pattern
    ascii_only = bool(regex.flags & re.ASCII)
    if not ascii_only and re.search(r"\\[dwbDWB]", source):
        raise ValueError(f"{source!r}: Unicode \\d, \\w, \\b differ between Python and JavaScript")
    space = r"[ \t\n\r\f\v]" if ascii_only else "[" + "".join(_escape(c) for c in python_whitespace()) + "]"
    source = re.sub(r"\\s", lambda m: space, source)
    if mode == "match":
        source = f"^(?:{source})"
    elif mode == "fullmatch":
        source = f"^(?:{source})$"
    elif mode != "search":
        raise ValueError(mode)
    return {"source": source}


def _escape(ch: str) -> str:
    return f"\\u{{{ord(ch):x}}}"


@functools.cache
def python_whitespace() -> str:
    """The characters str.strip() and str.split() remove (JavaScript's trim() differs). All of
    them lie in the Basic Multilingual Plane (none of Unicode's White_Space is astral); looking
    only there costs every build 0.02 s instead of 0.3 s."""
    return "".join(c for c in map(chr, range(0x10000)) if c.isspace())


def _messages(module) -> dict[str, str]:
    return {name: value for name, value in vars(module).items() if name.startswith("MSG_")}


def rules(content: Content) -> dict:
    """Everything the form needs to check an activity as the build does, and the unit's
    choices. Plain JSON: strings, numbers, lists and objects."""
    unit = content.unit
    form = []
    for f in fields.FORM:
        form.append({"name": f.name, "label": f.label, "required": f.required, "family": f.family})
    photo = schema.PHOTO
    participants_what, participants_units = schema.PARTICIPANTS
    hours_what, hours_units, hours_places = schema.HOURS
    return {
        "fields": form,
        "photo": {
            "caption": {"name": "caption", "label": photo["caption"].label},
            "alt": {"name": "alt", "label": photo["alt"].label},
        },
        "categories": [{"name": c.name, "slug": c.slug, "criteria": list(c.criteria)} for c in content.categories],
        "criteria": [{"id": c.id, "name": c.name} for c in content.criteria],
        "departments": list(unit.departments) if unit else [],
        "messages": {**_messages(values), **_messages(schema), **_messages(sys.modules[__name__])},
        "text": {
            "whitespace": python_whitespace(),
            "invisible_categories": sorted(values._INVISIBLE_CATEGORIES),
            "invisible_fillers": "".join(sorted(values._INVISIBLE_FILLERS)),
            "number_categories": sorted(values._NUMBER_CATEGORIES),
            "plain_digits": "".join(sorted(values._PLAIN_DIGITS)),
            "cn_zero": "〇",
            "script_schemes": list(schema.SCRIPT_SCHEMES),
        },
        "patterns": {
            "date_forms": [js_pattern(p, "match") for p in values._DATE_FORMS],
            "range_hint": js_pattern(values._RANGE_HINT, "search"),
            "cn_date_digits": js_pattern(values._CN_DATE_DIGITS, "search"),
            "month_only": js_pattern(values._MONTH_ONLY, "match"),
            "day_first": js_pattern(values._DAY_FIRST, "match"),
            "short_year": js_pattern(values._SHORT_YEAR, "match"),
            "approx": js_pattern(values._APPROX, "search"),
            "thousands": js_pattern(values._THOUSANDS, "match"),
            "decimal": js_pattern(values._DECIMAL, "fullmatch"),
            "markup": js_pattern(schema.MARKUP, "search"),
        },
        "limits": {
            "earliest_year": values.EARLIEST_YEAR,
            "latest_year": values.LATEST_YEAR,
            "count_digits": values.COUNT_DIGITS,
            "decimal_digits": values.DECIMAL_DIGITS,
            "amount_digits": values.AMOUNT_DIGITS,
            "amount_wan_digits": values.AMOUNT_WAN_DIGITS,
            "title": schema.TITLE_LIMIT,
            "name": schema.NAME_LIMIT,
        },
        "numbers": {
            "participants": {"what": participants_what, "units": list(participants_units)},
            "volunteer_hours": {"what": hours_what, "units": list(hours_units), "places": hours_places},
            "amount": {
                "what": values.AMOUNT_WHAT,
                "units": list(values.AMOUNT_UNITS),
                "wan": list(values.AMOUNT_WAN),
                "places": 2,
            },
            "examples": dict(values.DIGIT_EXAMPLES),
        },
        "files": {
            "activities": "docs/activities",
            "unsafe": {"source": UNSAFE_NAME},
            "name_limit": NAME_LIMIT,
            "name_default": "活动",
            "photo_name": PHOTO_NAME,
            "max_side": MAX_SIDE,
            "jpeg_quality": JPEG_QUALITY,
            "placeholder_body": publication.NEW_BODY,
        },
    }


def rules_json(content: Content) -> str:
    """:func:`rules` for a ``<script type="application/json">`` element: ``<``, ``>`` and
    ``&`` escaped, so that no text of the unit's data can close the element."""
    text = json.dumps(rules(content), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@page_kind("editor", search=False, meta={"robots": "noindex"})
class EditorPage:
    """新增活动: not in the navigation, not in search, not for search engines."""

    @staticmethod
    def specs(site) -> list[PageSpec]:
        if not site.content.categories:
            return []
        return [
            PageSpec(
                SRC,
                "新增活动",
                "editor",
                description="在浏览器里填写一项新活动、处理照片，生成可以上传到 GitHub 的文件",
            )
        ]

    @staticmethod
    def render(site, spec: PageSpec, url: str) -> str:
        content = site.content
        groups, closing = layout()
        return site.renderer.render(
            "editor.html",
            url,
            rules_json=rules_json(content),
            layout=groups,
            closing=closing,
            choices={f.name: f.control.choices(content) for f in fields.FORM if f.control and f.control.choices},
            labels={name: field.label for name, field in schema.ACTIVITY_PAGE.items()},
            criteria=content.criteria,
            review=bool(content.unit and content.unit.review),
            script=SCRIPT,
            style=STYLE,
            max_side=MAX_SIDE,
        )
