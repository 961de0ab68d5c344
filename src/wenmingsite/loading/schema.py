"""Field schemas: which keys each kind of entry takes, and how each value is converted.

Keys are the canonical English names (MkDocs and Material already use ``title``,
``date``, ``description``, ``draft``); editors who type a Chinese key get a
"did you mean" pointing to the English one.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from wenmingsite.loading import values
from wenmingsite.loading.problems import Problems
from wenmingsite.loading.yamlstrict import YList, YMap, YStr


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # Chinese name used in messages
    convert: Callable[[Any, Field], Any]  # gets a YStr, or by shape a YList / YMap / any value
    required: bool = False
    shape: str = "scalar"  # scalar | list | scalar_or_list | mapping | any
    # Copied as it is onto the activity (records.Activity, an attribute of the same name) and
    # into its JSON record (api.activity_record): for such a field this declaration and the
    # attribute are the whole of it.
    copied: bool = False


class Skip(Exception):
    """The value was reported already; the field is treated as absent."""


MARKUP = re.compile(r"[<>]")
TITLE_LIMIT = 80
# Addresses a browser runs as a script. A text field that starts with one (also written with
# character references or spaces inside the scheme) reaches the open-data JSON and the feed,
# whose readers may well turn it into a link: it is refused, as no real text starts so.
SCRIPT_SCHEMES = (
    "javascript:",
    "vbscript:",
    "livescript:",
    "data:text/html",
    "data:application/xhtml",
    "data:text/xml",
    "data:application/xml",
    "data:image/svg+xml",
    "data:text/javascript",
)
_ADDRESS_JUNK = re.compile(r"[\x00-\x20\x7f]+")

# The messages, as str.format templates (the browser form, wenmingsite.commands.editor, shows the same).
MSG_TITLE_MARKUP = "“{text}”中含有“<”或“>”。标题里不能写网页代码；如需书名号请用中文“《》”"
MSG_SCRIPT_ADDRESS = (
    "“{text}”以“{scheme}”开头：浏览器会把这样的网址当作脚本运行，文字里不能这样写。请删去“{scheme}”或改写这段文字"
)
MSG_TITLE_LONG = "太长了（{n} 个字）。标题请控制在 80 个字以内，详细内容写在正文或 summary 里"
NAME_LIMIT = 20  # a person's name, or two or three of them (撰稿人, 审核人)
MSG_NAME_MARKUP = "“{text}”中含有“<”或“>”。这里只写姓名，不能有网页代码"
MSG_NAME_LONG = "太长了（{n} 个字）。这里只写姓名（{limit} 个字以内）"
MSG_REQUIRED = "{where}缺少必填字段 {name}（{label}）。请补上，例如 {name}: …"
MSG_INVISIBLE = "{prefix}{label}（{name}）{invisible}{required}"
MSG_INVISIBLE_REQUIRED = "（这是必填字段）"
MSG_INVALID = "{prefix}{label}（{name}）：{reason}"


def script_scheme(text: str) -> str | None:
    """The script scheme ``text`` starts with as a browser reads it, if any."""
    if ":" not in text and "&" not in text:
        # Every scheme has a colon; without "&" nothing unescapes to one, and lowercasing
        # makes none (the common value: a fifth of a page's conversion saved).
        return None
    compact = _ADDRESS_JUNK.sub("", html.unescape(text)).lower()
    return next((scheme for scheme in SCRIPT_SCHEMES if compact.startswith(scheme)), None)


def _refuse_script_address(text: str) -> None:
    if (scheme := script_scheme(text)) is not None:
        raise values.Invalid(MSG_SCRIPT_ADDRESS.format(text=text[:40], scheme=scheme))


def as_text(value: YStr, field: Field) -> str:
    text = str(value).strip()
    _refuse_script_address(text)
    return text


def as_url(value: YStr, field: Field) -> str:
    """A web address: its loader checks the scheme and says what an address must look like."""
    return str(value).strip()


def as_title(value: YStr, field: Field) -> str:
    text = " ".join(str(value).split())
    if MARKUP.search(text):
        raise values.Invalid(MSG_TITLE_MARKUP.format(text=text))
    _refuse_script_address(text)
    if len(text) > TITLE_LIMIT:
        raise values.Invalid(MSG_TITLE_LONG.format(n=len(text)))
    return text


def as_name(value: YStr, field: Field) -> str:
    """A person's name (撰稿人, 审核人): one line, no markup, short."""
    text = " ".join(str(value).split())
    if MARKUP.search(text):
        raise values.Invalid(MSG_NAME_MARKUP.format(text=text))
    _refuse_script_address(text)
    if len(text) > NAME_LIMIT:
        raise values.Invalid(MSG_NAME_LONG.format(n=len(text), limit=NAME_LIMIT))
    return text


MSG_FESTIVAL = "“{text}”不是本站认得的节日。请写其中之一：{names}；不算节日活动的写“无”"


def as_festival(value: YStr, field: Field) -> str:
    from wenmingsite.pages import festivals

    text = as_text(value, field)
    name = festivals.canonical(text)
    if name is None:
        raise values.Invalid(MSG_FESTIVAL.format(text=text, names=festivals.names()))
    return name


def as_date(value: YStr, field: Field):
    return values.parse_date(value)


def as_bool(value: YStr, field: Field) -> bool:
    return values.parse_bool(value)


# How participants and hours are named in messages, the units they may carry, their places.
PARTICIPANTS = ("人次", ("人次", "人", "名"))
HOURS = ("时长", ("小时", "h", "H"), 1)


def as_participants(value: YStr, field: Field) -> int:
    what, units = PARTICIPANTS
    return values.parse_count(value, what, units=units)


def as_count(value: YStr, field: Field) -> int:
    return values.parse_count(value, field.label)


def as_hours(value: YStr, field: Field):
    what, units, places = HOURS
    return values.parse_decimal(value, what, units=units, places=places)


def as_amount(value: YStr, field: Field):
    return values.parse_amount(value)


def as_raw(value, field: Field):
    return value


# Chinese keys editors are likely to type, and the canonical key to suggest.
ALIASES = {
    "标题": "title",
    "题目": "title",
    "名称": "name",
    "日期": "date",
    "时间": "date",
    "开始日期": "date",
    "结束日期": "end_date",
    "截止日期": "end_date",
    "类别": "category",
    "分类": "category",
    "类型": "category",
    "栏目": "category",
    "测评项目": "criteria",
    "测评": "criteria",
    "指标": "criteria",
    "部门": "department",
    "科室": "department",
    "地点": "location",
    "地址": "location",
    "人数": "participants",
    "人次": "participants",
    "参与人数": "participants",
    "参加人数": "participants",
    "志愿时长": "volunteer_hours",
    "服务时长": "volunteer_hours",
    "时长": "volunteer_hours",
    "金额": "amount",
    "经费": "amount",
    "捐款": "amount",
    "投入": "amount",
    "摘要": "summary",
    "简介": "summary",
    "概要": "summary",
    "照片": "photos",
    "图片": "photos",
    "草稿": "draft",
    "描述": "description",
    "说明": "caption",
    "图片说明": "caption",
    "文件": "src",
    "路径": "src",
    "顺序": "order",
    "排序": "order",
    # Sign-off (wenmingsite.loading.signoff)
    "撰稿": "author",
    "撰稿人": "author",
    "作者": "author",
    "填报人": "author",
    "审核": "approved_by",
    "审核人": "approved_by",
    "审批人": "approved_by",
    "签发": "approved_by",
    "审核日期": "approved_on",
    "审核时间": "approved_on",
    "发布审核": "review",
    "审核人名单": "approvers",
}


def suggest(key: str, allowed) -> str:
    alias = ALIASES.get(key.strip())
    if alias and alias in allowed:
        return f"，是不是想写 {alias}？"
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    if close:
        return f"，是不是想写 {close[0]}？"
    return f"。可以使用的字段有：{'、'.join(allowed)}"


def describe_shape(value) -> str:
    if isinstance(value, YList):
        return "列表"
    if isinstance(value, YMap):
        return "映射（多个“字段: 值”）"
    return "文字"


def read_fields(
    mapping: YMap,
    fields: Mapping[str, Field],
    rel: str,
    problems: Problems,
    where: str = "",
) -> dict[str, Any]:
    """Convert ``mapping`` by ``fields``; report unknown, missing and invalid values.

    ``where`` prefixes messages (e.g. "第 3 条活动") for entries in data files.
    Absent and empty values come back as None.
    """
    prefix = f"{where}的" if where else ""
    out: dict[str, Any] = {}
    for key in mapping:
        if key not in fields:
            problems.add(
                rel,
                key.line,
                key.col,
                f"{prefix}未知字段“{key}”{suggest(key, fields)}",
            )
    for name, field in fields.items():
        raw = mapping.get(name)
        if type(raw) is YStr and field.shape == "scalar" and values.has_text(raw):
            # The common value, a scalar with text, as the branches below take it without
            # their tests (a fresh process converts every page's fields): a value with a
            # character that shows is not blank, as no whitespace character shows.
            try:
                out[name] = field.convert(raw, field)
            except values.Invalid as exc:
                line, col = getattr(exc, "at", (raw.line, raw.col))
                problems.add(
                    rel, line, col, MSG_INVALID.format(prefix=prefix, label=field.label, name=name, reason=exc)
                )
                out[name] = None
            continue
        if raw is None or (isinstance(raw, YStr) and not raw.strip()) or raw == [] or raw == {}:
            if field.required:
                problems.add(
                    rel, mapping.line, mapping.col, MSG_REQUIRED.format(where=where, name=name, label=field.label)
                )
            out[name] = None
            continue
        if isinstance(raw, YStr) and not values.has_text(raw):
            problems.add(
                rel,
                raw.line,
                raw.col,
                MSG_INVISIBLE.format(
                    prefix=prefix,
                    label=field.label,
                    name=name,
                    invisible=values.invisible_only(raw),
                    required=MSG_INVISIBLE_REQUIRED if field.required else "",
                ),
            )
            out[name] = None
            continue
        try:
            out[name] = _convert(raw, field)
        except values.Invalid as exc:
            line, col = getattr(exc, "at", (raw.line, raw.col))
            problems.add(rel, line, col, MSG_INVALID.format(prefix=prefix, label=field.label, name=name, reason=exc))
            out[name] = None
    return out


def _convert(raw, field: Field):
    if field.shape == "any":
        return field.convert(raw, field)
    if field.shape == "scalar_or_list":
        items = raw if isinstance(raw, YList) else [raw]
        for item in items:
            if not isinstance(item, YStr):
                exc = values.Invalid(f"列表里的每一项应是文字，这里却是{describe_shape(item)}")
                exc.at = (item.line, item.col)
                raise exc
            if item.strip() and not values.has_text(item):
                exc = values.Invalid(f"这一项{values.invisible_only(item)}")
                exc.at = (item.line, item.col)
                raise exc
        return tuple(field.convert(item, field) for item in items if item.strip())
    if field.shape == "list":
        if not isinstance(raw, YList):
            raise values.Invalid(f"应该是一个列表（每项一行，以“- ”开头），这里却是{describe_shape(raw)}")
        return field.convert(raw, field)
    if field.shape == "mapping":
        if not isinstance(raw, YMap):
            raise values.Invalid(f"应该是“字段: 值”的映射，这里却是{describe_shape(raw)}")
        return field.convert(raw, field)
    if not isinstance(raw, YStr):
        hint = ""
        if isinstance(raw, YList):
            hint = "。如果值以“[”开头（例如“[通知]”），请用英文双引号把整个值括起来"
        elif isinstance(raw, YMap):
            hint = "。如果值里有“: ”（冒号加空格），请用英文双引号把整个值括起来"
        raise values.Invalid(f"应该是一段文字，这里却是{describe_shape(raw)}{hint}")
    return field.convert(raw, field)


def _f(name, label, convert=as_text, required=False, shape="scalar", copied=False) -> tuple[str, Field]:
    return name, Field(name, label, convert, required, shape, copied)


# --- sign-off ------------------------------------------------------------------------

# Who wrote and who approved a piece of material (activities, report chapters, honours; a
# notice kind adds SIGNOFF too). Checked against data/unit.yml by wenmingsite.loading.signoff.
SIGNOFF = [
    _f("author", "撰稿人", as_name),
    _f("approved_by", "审核人", as_name),
    _f("approved_on", "审核日期", as_date),
]
SIGNOFF_FIELDS = tuple(name for name, _ in SIGNOFF)

# --- activities ----------------------------------------------------------------------

# The activity fields are declared in wenmingsite.loading.fields, each with what every output
# needs; their tables are also found here under their old names (module __getattr__ below, as
# fields imports this module).
_FROM_FIELDS = ("ACTIVITY_PAGE", "LOG_ENTRY", "ROUTINE", "COPIED_FIELDS")


def __getattr__(name: str):
    if name in _FROM_FIELDS:
        from wenmingsite.loading import fields

        value = globals()[name] = getattr(fields, name)  # found here next time, not through this hook
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


PHOTO = dict(
    [
        _f("src", "文件", required=True),
        _f("caption", "说明"),
        _f("alt", "替代文字"),
    ]
)

# --- pages ---------------------------------------------------------------------------

# Material's own front matter keys, allowed on any page that is not an activity.
_MATERIAL_KEYS = [
    _f("description", "网页描述"),
    _f("template", "模板"),
    _f("hide", "隐藏", as_raw, shape="any"),
    _f("icon", "图标"),
    _f("status", "状态"),
    _f("search", "搜索设置", as_raw, shape="any"),
    _f("tags", "标签", as_raw, shape="any"),
]

REPORT_SECTION = dict(
    [
        _f("title", "标题", as_title, required=True),
        _f("order", "顺序", as_count, required=True),
        _f("criteria", "测评项目", shape="scalar_or_list"),
        *_MATERIAL_KEYS,
        *SIGNOFF,
    ]
)

OTHER_PAGE = dict([_f("title", "标题", as_title), *_MATERIAL_KEYS])

# --- data files ----------------------------------------------------------------------

UNIT = dict(
    [
        _f("name", "单位全称", as_title, required=True),
        _f("short_name", "单位简称", as_title, required=True),
        _f("kind", "单位类型", required=True),
        _f("title_sought", "创建目标", as_title, required=True),
        _f("term", "届次", required=True),
        _f("term_start", "创建周期开始", as_date, required=True),
        _f("term_end", "创建周期结束", as_date, required=True),
        _f("headcount", "职工人数", as_count),
        _f("introduction", "单位简介", required=True),
        _f("logo", "标志"),
        _f("address", "地址"),
        _f("phone", "办公电话"),
        _f("departments", "部门", shape="scalar_or_list"),
        _f("banner", "首页横幅照片"),
        _f("icp", "ICP 备案号"),
        _f("police", "公安备案号"),
        _f("wechat", "微信公众号"),
        _f("wechat_qr", "公众号二维码"),
        _f("links", "友情链接", as_raw, shape="list"),
        _f("review", "发布审核", as_bool),
        _f("approvers", "审核人名单", as_name, shape="scalar_or_list"),
    ]
)

LINK = dict(
    [
        _f("name", "名称", as_title, required=True),
        _f("url", "网址", as_url, required=True),
    ]
)

THRESHOLDS = dict(
    [
        _f("min_activities", "最少活动数", as_count),
        _f("min_photos", "最少照片数", as_count),
        _f("recent_months", "最近几个月内须有活动", as_count),
    ]
)

CRITERION = dict(
    [
        _f("id", "编号", required=True),
        _f("name", "名称", as_title, required=True),
        _f("description", "说明"),
        _f("keywords", "关键词", shape="scalar_or_list"),
        *THRESHOLDS.items(),
    ]
)

CRITERIA_FILE = dict(
    [
        _f("thresholds", "默认要求", as_raw, shape="mapping"),
        _f("items", "测评项目", as_raw, required=True, shape="list"),
    ]
)

CATEGORY = dict(
    [
        _f("name", "名称", as_title, required=True),
        _f("slug", "网址名", required=True),
        _f("description", "说明"),
        _f("criteria", "测评项目", shape="scalar_or_list"),
    ]
)

HONOUR = dict(
    [
        _f("year", "年份", as_count, required=True),
        _f("month", "月份", as_count),
        _f("title", "荣誉名称", as_title, required=True),
        _f("level", "级别", required=True),
        _f("awarded_by", "授予单位", required=True),
        _f("photo", "证书照片"),
        _f("note", "备注"),
        *SIGNOFF,
    ]
)

HONOUR_LEVELS = ("国家级", "省级", "市级", "县区级", "系统内")

DOCUMENT = dict(
    [
        _f("title", "文件名称", as_title, required=True),
        _f("number", "文号"),
        _f("issued", "印发日期", as_date, required=True),
        _f("kind", "文件类别"),
        _f("file", "文件路径"),
        _f("summary", "内容简介"),
        _f("criteria", "测评项目", shape="scalar_or_list"),
    ]
)

DOCUMENT_TYPES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".ofd", ".jpg", ".png")

MEMBER = dict(
    [
        _f("role", "职务（组内）", required=True),
        _f("name", "姓名", as_title, required=True),
        _f("position", "本职职务"),
    ]
)

GROUP = dict(
    [
        _f("name", "名称", as_title, required=True),
        _f("established", "成立日期", as_date),
        _f("document", "成立文件"),
        _f("members", "成员", as_raw, shape="list"),
        _f("duties", "职责", shape="scalar_or_list"),
    ]
)

OFFICE = dict(
    [
        _f("name", "名称", as_title, required=True),
        _f("location", "设在"),
        _f("director", "办公室主任"),
        _f("members", "成员", as_raw, shape="list"),
        _f("duties", "职责", shape="scalar_or_list"),
    ]
)

CHANGE = dict(
    [
        _f("date", "日期", as_date, required=True),
        _f("description", "变动情况", required=True),
        _f("document", "文件"),
    ]
)

KNOWLEDGE = dict(
    [
        _f("sections", "内容", as_raw, required=True, shape="list"),
        _f("quiz", "自测题", as_raw, shape="list"),
    ]
)

KNOWLEDGE_SECTION = dict(
    [
        _f("title", "标题", as_title, required=True),
        _f("text", "正文", required=True),
    ]
)

QUIZ_QUESTION = dict(
    [
        _f("question", "题目", required=True),
        _f("options", "选项", as_raw, required=True, shape="list"),
        _f("answer", "答案", required=True),
        _f("explain", "解析"),
    ]
)

ORGANIZATION = dict(
    [
        _f("leading_group", "领导小组", as_raw, required=True, shape="mapping"),
        _f("office", "领导小组办公室", as_raw, shape="mapping"),
        _f("changes", "调整记录", as_raw, shape="list"),
    ]
)

# --- topic-site sections: 志愿服务, 通知公告, 文明风采 -----------------------------------

VOLUNTEERS = dict(
    [
        _f("teams", "志愿服务队", as_raw, required=True, shape="list"),
        _f("projects", "服务项目", as_raw, shape="list"),
        _f("categories", "计入志愿服务的活动类别", shape="scalar_or_list"),
    ]
)

VOLUNTEER_TEAM = dict(
    [
        _f("name", "队伍名称", as_title, required=True),
        _f("founded", "成立日期", as_date),
        _f("members", "队员人数", as_count),
        _f("leader", "负责人", as_title),
        _f("description", "简介"),
    ]
)

VOLUNTEER_PROJECT = dict(
    [
        _f("name", "项目名称", as_title, required=True),
        _f("description", "项目简介", required=True),
        _f("schedule", "服务时间"),
        _f("place", "服务地点"),
        _f("partner", "合作单位"),
    ]
)

NOTICE_PAGE = dict(
    [
        _f("title", "标题", as_title, required=True),
        _f("date", "发布日期", as_date, required=True),
        _f("department", "发布部门"),
        _f("expires", "有效期至", as_date),
        _f("top", "置顶", as_bool),
        _f("summary", "摘要"),
        *SIGNOFF,
        *_MATERIAL_KEYS,
    ]
)

PERSON = dict(
    [
        _f("name", "姓名", as_title, required=True),
        _f("role", "身份", as_title, required=True),
        _f("year", "年份", as_count, required=True),
        _f("honour", "称号", as_title, required=True),
        _f("deed", "事迹", required=True),
        _f("photo", "照片"),
        _f("caption", "照片说明"),
    ]
)

ALIASES.update(
    {
        "来源": "department",
        "发布部门": "department",
        "发布日期": "date",
        "有效期": "expires",
        "有效期至": "expires",
        "过期日期": "expires",
        "置顶": "top",
        "姓名": "name",
        "身份": "role",
        "职务": "role",
        "年份": "year",
        "称号": "honour",
        "荣誉": "honour",
        "事迹": "deed",
        "队伍": "teams",
        "服务队": "teams",
        "项目": "projects",
        "服务项目": "projects",
        "成立日期": "founded",
        "成立时间": "founded",
        "队员人数": "members",
        "负责人": "leader",
        "队长": "leader",
        "服务时间": "schedule",
        "服务地点": "place",
        "合作单位": "partner",
        "共建单位": "partner",
    }
)

# Keys that would publish a private person's contact or identity: refused with their own
# message (the unit's office phone belongs in data/unit.yml).
PRIVATE_KEYS = (
    "phone",
    "mobile",
    "tel",
    "telephone",
    "id_card",
    "idcard",
    "电话",
    "手机",
    "手机号",
    "联系电话",
    "身份证",
    "身份证号",
)
MSG_PRIVATE_KEY = (
    "{prefix}字段“{key}”会公开个人的联系方式或身份信息，网站不收这样的字段。请删去这一行"
    "（单位的办公电话写在 data/unit.yml 的 phone 里）"
)
# --- the acknowledgement of sensitive personal information (wenmingsite.gate.sensitive) ---------
# A page or an entry that names a person together with health, hardship, religion… details
# carries `sensitive_ok: 已征得本人同意`; without it the build stops at each such line.


def _as_acknowledgement(value: YStr, field: Field) -> str:
    from wenmingsite.gate.sensitive import as_acknowledgement

    return as_acknowledgement(value)


SENSITIVE_OK = Field("sensitive_ok", "敏感信息确认", _as_acknowledgement)
for _table in (  # the activity tables add it in wenmingsite.loading.fields
    REPORT_SECTION,
    OTHER_PAGE,
    HONOUR,
    DOCUMENT,
    CHANGE,
    KNOWLEDGE_SECTION,
    NOTICE_PAGE,
    PERSON,
):
    _table[SENSITIVE_OK.name] = SENSITIVE_OK
ALIASES.update({"敏感信息确认": "sensitive_ok", "敏感信息": "sensitive_ok", "同意公开": "sensitive_ok"})
