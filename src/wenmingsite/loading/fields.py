"""The activity fields, each declared once with what every output needs.

An :class:`ActivityField` says, for one key of an activity (a page's front matter, a log
entry, a routine): its Chinese name and the Chinese keys editors type for it, its converter
(whose ``values.Invalid`` messages every reader shows), the attribute of ``records.Activity``
that holds it, and how each output treats it:

- ``panel`` — the activity page's info panel (``templates/activity_panel.html`` loops over
  :data:`PANEL`);
- ``copied`` — copied as it is onto the record and into its JSON record (``outputs.api``);
- ``column`` — the ledger: the header ``outputs.export`` writes and the names offices give the
  column, which ``wenming import`` (``commands.ledger``) matches and reads with the converter;
- ``control`` — the browser form ``/editor/`` (``commands.editor`` renders it, and hands
  ``assets/editor.js`` the fields as JSON).

``family`` names the converter's family, for the two readers that cannot call it directly:
the form's script (which mirrors each family) and the ledger's cells (a number, a date or
text). Families: title, text, name, list (names separated by 、), date, count, decimal,
amount; choice (the category), choices (criteria) and flag (a checkbox) have rules of
their own.

The field tables of the loader (:data:`ACTIVITY_PAGE`, :data:`LOG_ENTRY`, :data:`ROUTINE`)
are made from :data:`ACTIVITY_FIELDS` here; ``loading.schema`` gives them under its own
name too.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any

from wenmingsite.loading import schema
from wenmingsite.loading.schema import (
    SENSITIVE_OK,
    Field,
    as_amount,
    as_bool,
    as_date,
    as_festival,
    as_hours,
    as_name,
    as_participants,
    as_raw,
    as_text,
    as_title,
)


@dataclass(frozen=True)
class Panel:
    """How the info panel shows the field: ``show`` is date (the date or range, with the
    weekday), category (a link to its page), criteria (links, a row of their own, after the
    others), text, number (then ``unit``), money, list (joined by 、) or paragraph (below the
    facts). An empty value shows nothing."""

    label: str
    show: str = "text"
    unit: str = ""


@dataclass(frozen=True)
class Column:
    """The field's column on the ledger's year sheets.

    ``header`` is what the export writes (a unit in brackets, 金额（元）); ``names`` what offices
    call the column, most specific first (the best-ranked column wins; the header without its
    unit counts too). ``scaled``: header units that scale the cells, with the suffix a cell
    gets (金额（万元）: "万"). ``signed``: written only by a unit that records sign-offs, after
    the record's own columns."""

    header: str
    width: int
    names: tuple[str, ...] = ()
    scaled: tuple[tuple[str, str], ...] = ()
    signed: bool = False

    @property
    def label(self) -> str:
        """The header without its unit: what messages and ``--map`` call the column."""
        return self.header.split("（")[0]

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.names if self.label in self.names else (*self.names, self.label)


@dataclass(frozen=True)
class Control:
    """The field's control on the browser form: a text box unless ``widget`` says select (the
    category), select_or_text (a select when the unit lists its choices, a text box when it
    lists none: departments), checkboxes (criteria) or checkbox (closes the form). ``choices``
    gives a select's options from the unit's loaded content, so a field whose choices are the
    unit's own data is declared here alone. ``row``: controls that share a row (the row stands
    where its first control would). ``review_hint`` is added to the hint when the unit has
    review on."""

    hint: str = ""
    widget: str = "text"
    placeholder: str = ""
    inputmode: str = ""
    autocomplete: str = "off"
    row: str = ""
    review_hint: str = ""
    # The choices a select offers, from the unit's loaded content: (Content) -> names.
    choices: Any = None


@dataclass(frozen=True)
class ActivityField:
    name: str  # the front-matter key
    label: str  # its Chinese name in messages
    convert: Any = as_text  # schema converter: (value, Field) -> value, raises values.Invalid
    family: str = "text"  # the converter's family (module docstring)
    required: bool = False
    shape: str = "scalar"  # as schema.Field.shape
    keys: tuple[str, ...] = ()  # Chinese keys editors type for it ("did you mean")
    attribute: str = ""  # on records.Activity (dotted for a part: signoff.author); default: name
    copied: bool = False  # onto the record and into the JSON record as it is
    routine: bool = True  # a routine declares it (date and end_date come from its rule)
    panel: Panel | None = None
    column: Column | None = None
    control: Control | None = None

    @property
    def field(self) -> Field:
        return Field(self.name, self.label, self.convert, self.required, self.shape, self.copied)

    def value(self, activity) -> Any:
        """The field's value on a ``records.Activity``."""
        return operator.attrgetter(self.attribute or self.name)(activity)


# --- the declarations, in the order of the form and of written front matter ------------------

_NUMBER_ROW = "numbers"
ACTIVITY_FIELDS: tuple[ActivityField, ...] = (
    ActivityField(
        "title",
        "标题",
        as_title,
        "title",
        required=True,
        keys=("标题", "题目"),
        column=Column(
            "活动名称",
            34,
            (
                "活动名称",
                "活动主题",
                "主题",
                "名称",
                "标题",
                "活动内容",
                "活动标题",
                "活动项目",
                "项目名称",
                "主题活动",
                "活动事项",
            ),
        ),
        control=Control(f"活动名称，{schema.TITLE_LIMIT} 字以内。书名号请用《》。"),
    ),
    ActivityField(
        "date",
        "日期",
        as_date,
        "date",
        required=True,
        keys=("日期", "时间", "开始日期"),
        routine=False,
        panel=Panel("日期", "date"),
        column=Column(
            "日期",
            11,
            (
                "活动日期",
                "日期",
                "活动时间",
                "时间",
                "开展时间",
                "开展日期",
                "举办时间",
                "举办日期",
                "活动开展时间",
                "活动起止时间",
                "起止时间",
                "起止日期",
                "开始时间",
                "开始日期",
                "组织时间",
            ),
        ),
        control=Control("也可以写 2026年3月5日、2026/3/5。", placeholder="例如 2026-03-05", row="dates"),
    ),
    ActivityField(
        "end_date",
        "结束日期",
        as_date,
        "date",
        keys=("结束日期", "截止日期"),
        routine=False,
        column=Column("结束日期", 11, ("结束日期", "截止日期", "结束时间", "截止时间", "完成日期", "完成时间")),
        control=Control("持续多天的活动才填。", row="dates"),
    ),
    ActivityField(
        "category",
        "类别",
        family="choice",
        required=True,
        keys=("类别", "分类", "类型", "栏目"),
        panel=Panel("类别", "category"),
        column=Column("类别", 10, ("活动类别", "类别", "活动类型", "类型", "活动分类", "分类", "活动形式")),
        control=Control(
            "类别来自 data/categories.yml。",
            widget="select",
            row="category",
            choices=lambda content: [c.name for c in content.categories],
        ),
    ),
    ActivityField(
        "criteria",
        "测评项目",
        family="choices",
        shape="scalar_or_list",
        keys=("测评项目", "测评", "指标"),
        panel=Panel("测评项目", "criteria"),
        column=Column(
            "测评项目",
            26,
            ("测评项目", "对应测评项目", "测评体系项目", "测评内容", "对应测评内容", "测评指标", "对应测评指标"),
        ),
        control=Control("这项活动支撑的测评项目，可不选。所选类别自带的项目已自动勾上。", widget="checkboxes"),
    ),
    ActivityField(
        "department",
        "组织部门",
        keys=("部门", "科室"),
        copied=True,
        panel=Panel("组织部门"),
        column=Column(
            "部门",
            12,
            (
                "责任部门",
                "责任科室",
                "组织部门",
                "组织科室",
                "部门",
                "科室",
                "承办部门",
                "承办科室",
                "牵头部门",
                "牵头科室",
                "主办部门",
                "主办科室",
                "责任处室",
                "承办处室",
                "牵头处室",
                "处室",
                "责任单位",
                "承办单位",
                "牵头单位",
                "主办单位",
                "组织单位",
                "所属部门",
                "所在部门",
                "部门名称",
                "科室名称",
                "实施部门",
            ),
        ),
        control=Control(
            widget="select_or_text",
            row="category",
            choices=lambda content: list(content.unit.departments) if content.unit else [],
        ),
    ),
    ActivityField(
        "location",
        "地点",
        keys=("地点", "地址"),
        copied=True,
        panel=Panel("地点"),
        column=Column(
            "地点",
            18,
            (
                "活动地点",
                "地点",
                "活动地址",
                "地址",
                "活动场所",
                "场所",
                "活动场地",
                "场地",
                "举办地点",
                "开展地点",
            ),
        ),
        control=Control(),
    ),
    ActivityField(
        "participants",
        "参与人次",
        as_participants,
        "count",
        keys=("人数", "人次", "参与人数", "参加人数"),
        copied=True,
        panel=Panel("参与", "number", "人次"),
        column=Column(
            "参与人次",
            9,
            (
                "参与人数",
                "参加人数",
                "参与人次",
                "参加人次",
                "人次",
                "人数",
                "参与人员数",
                "参加人员数",
                "参与人数量",
                "参会人数",
                "到会人数",
                "出席人数",
                "参训人数",
            ),
        ),
        control=Control("只写数字，例如 56。", inputmode="numeric", row=_NUMBER_ROW),
    ),
    ActivityField(
        "volunteer_hours",
        "志愿服务时长",
        as_hours,
        "decimal",
        keys=("志愿时长", "服务时长", "时长"),
        copied=True,
        panel=Panel("志愿服务时长", "number", "小时"),
        column=Column(
            "志愿服务时长（小时）",
            11,
            ("志愿服务时长", "服务时长", "时长", "志愿时长", "志愿服务小时数", "服务小时数", "服务时数"),
        ),
        control=Control("小时，最多一位小数；没有就不填。", inputmode="decimal", row=_NUMBER_ROW),
    ),
    ActivityField(
        "amount",
        "金额",
        as_amount,
        "amount",
        keys=("金额", "经费", "捐款", "投入"),
        copied=True,
        panel=Panel("金额", "money"),
        column=Column(
            "金额（元）",
            11,
            (
                "金额",
                "经费",
                "投入",
                "投入经费",
                "投入金额",
                "活动经费",
                "经费投入",
                "投入资金",
                "资金",
                "费用",
                "活动费用",
                "支出",
                "支出金额",
                "经费支出",
                "捐款金额",
                "捐赠金额",
            ),
            scaled=(("万元", "万"), ("万", "万")),
        ),
        control=Control("元，也可以写 3万元；没有就不填。", row=_NUMBER_ROW),
    ),
    ActivityField(
        "summary",
        "摘要",
        keys=("摘要", "简介", "概要"),
        copied=True,
        panel=Panel("摘要", "paragraph"),
        column=Column(
            "摘要",
            50,
            (
                "内容",
                "简介",
                "活动简介",
                "内容简介",
                "摘要",
                "活动内容",
                "活动简况",
                "简况",
                "活动概况",
                "概况",
                "活动情况",
                "开展情况",
                "活动开展情况",
                "主要内容",
                "具体内容",
                "活动摘要",
                "内容摘要",
                "情况简介",
                "工作内容",
                "备注",
            ),
        ),
        control=Control("一两句话，显示在活动信息和列表里。"),
    ),
    ActivityField(
        "draft",
        "草稿",
        as_bool,
        "flag",
        keys=("草稿",),
        control=Control("计划中、还没办的活动，先不在网站上发布", widget="checkbox"),
    ),
    # Sign-off (wenmingsite.loading.signoff checks them against data/unit.yml)
    ActivityField(
        "author",
        "撰稿人",
        as_name,
        "name",
        keys=("撰稿", "撰稿人", "作者", "填报人"),
        attribute="signoff.author",
        column=Column("撰稿人", 9, ("撰稿人", "填报人", "撰稿", "作者"), signed=True),
        control=Control(
            "写这篇材料的人。",
            autocomplete="name",
            review_hint="本单位开启了发布审核：上传后，由审核人审核（wenming approve）才会在网站上发布。",
        ),
    ),
    ActivityField(
        "approved_by",
        "审核人",
        as_name,
        "name",
        keys=("审核", "审核人", "审批人", "签发"),
        attribute="signoff.approved_by",
        column=Column("审核人", 9, ("审核人", "审批人", "签发人"), signed=True),
    ),
    ActivityField(
        "approved_on",
        "审核日期",
        as_date,
        "date",
        keys=("审核日期", "审核时间"),
        attribute="signoff.approved_on",
        column=Column("审核日期", 11, ("审核日期", "审核时间"), signed=True),
    ),
    ActivityField("festival", "节日", as_festival, copied=True),
)

BY_NAME = {f.name: f for f in ACTIVITY_FIELDS}
for _f in ACTIVITY_FIELDS:
    for _key in _f.keys:
        schema.ALIASES.setdefault(_key, _f.name)

# The fields every activity (page, log entry, routine occurrence) carries as they are, in
# the order of its JSON record.
COPIED_FIELDS = tuple(f.name for f in ACTIVITY_FIELDS if f.copied)
# What the info panel shows, in its order: the facts, the wide rows, then the paragraphs.
PANEL = tuple(f for f in ACTIVITY_FIELDS if f.panel and f.panel.show not in ("criteria", "paragraph"))
PANEL += tuple(f for f in ACTIVITY_FIELDS if f.panel and f.panel.show == "criteria")
PANEL += tuple(f for f in ACTIVITY_FIELDS if f.panel and f.panel.show == "paragraph")
# The ledger's field columns in the order of its year sheets: the day first (a ledger is a
# list by date), then the rest as declared; ``wenming import`` matches them in declaration order.
LEDGER = tuple(sorted((f for f in ACTIVITY_FIELDS if f.column), key=lambda f: f.routine))
IMPORTED = tuple(f for f in ACTIVITY_FIELDS if f.column)
# The form's controls: checkboxes close the form.
FORM = tuple(sorted((f for f in ACTIVITY_FIELDS if f.control), key=lambda f: f.family == "flag"))


def column(name: str) -> Column:
    """The ledger column of the field ``name`` (which declares one)."""
    found = BY_NAME[name].column
    if found is None:
        raise KeyError(f"{name} has no ledger column")
    return found


def _table(*parts) -> dict[str, Field]:
    table = dict(parts)
    table[SENSITIVE_OK.name] = SENSITIVE_OK
    return table


_OCCURRENCE = [(f.name, f.field) for f in ACTIVITY_FIELDS if not f.routine]
_COMMON = [(f.name, f.field) for f in ACTIVITY_FIELDS if f.routine]
_PHOTOS = ("photos", Field("photos", "照片", as_raw, shape="list"))

ACTIVITY_PAGE = _table(*_OCCURRENCE, *_COMMON, _PHOTOS, ("description", Field("description", "网页描述", as_text)))
LOG_ENTRY = _table(("id", Field("id", "编号", as_text)), *_OCCURRENCE, *_COMMON, _PHOTOS)
ROUTINE = _table(
    ("id", Field("id", "编号", as_text)),
    *_COMMON,
    ("repeat", Field("repeat", "重复方式", as_text, True)),
    ("weekday", Field("weekday", "星期", as_text, shape="scalar_or_list")),
    ("day", Field("day", "日", schema.as_count)),
    ("week", Field("week", "第几周", as_text)),
    ("month", Field("month", "季度中的第几个月", schema.as_count)),
    ("time", Field("time", "时间", as_text)),
    ("start", Field("start", "开始日期", as_date, True)),
    ("end", Field("end", "结束日期", as_date)),
    ("except", Field("except", "例外日期", as_text, shape="scalar_or_list")),
    ("skip_holidays", Field("skip_holidays", "跳过法定节假日", as_bool)),
)
