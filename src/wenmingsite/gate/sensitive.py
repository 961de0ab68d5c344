"""Sensitive personal information (PIPL 敏感个人信息) written next to a private person's name.

Health, accidents and deaths, hardship lists (低保, 特困…), religion and criminal records are
harmless in policy text ("为低保户送温暖") and in the names of institutions (残疾人联合会,
肿瘤医院), and need a deliberate decision when they describe a named person ("张明同学患白血病");
so do pupils named with their school or class. A line is flagged only when a term and a
person's name sit in one clause, close together, with no verb of the unit's staff acting on
others between them ("李明带队慰问了低保户" names the visitor, not the household).

Names come from jieba's part-of-speech tags (``nr``; jieba is already needed for search)
and from patterns jieba misses: a surname with a form of address (王老师, 张大爷, 小刘).
Public figures (雷锋, 焦裕禄…), anonymised names (张某) and the phrases a unit lists under
``ignore`` in ``data/sensitive.yml`` are not names; ``terms`` there adds the unit's own words.

A hit is an error that stops publication until the text is changed or the material carries
an acknowledgement: ``sensitive_ok: 已征得本人同意`` in a page's front matter, or in the entry
of a data file (an activity record, an honour, a document…) that holds the line. The value
must say on what ground; a bare ``true`` or a negative ("未征得同意") is refused by the schema.

Precision and recall on the labelled sentences of ``tests/data/sensitive_sentences.yml`` are
printed by ``bench/sensitive_quality.py``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wenmingsite.loading import values
from wenmingsite.loading.patterns import lazy
from wenmingsite.loading.problems import Problem
from wenmingsite.pages import memo

FIELD = "sensitive_ok"  # the acknowledgement, in front matter or in a data file's entry
UNIT_FILE = "sensitive.yml"  # data/sensitive.yml: the unit's own terms and exceptions

# category -> (what the message calls it, terms). Longer terms win where two overlap.
CATEGORIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "健康": (
        "健康状况",
        tuple(
            "重病 大病 癌 白血病 淋巴瘤 肿瘤 尿毒症 透析 化疗 放疗 残疾 残障 瘫痪 "
            "偏瘫 截瘫 失明 失聪 聋哑 智障 智力障碍 脑瘫 精神病 精神疾病 精神障碍 "
            "抑郁 焦虑症 自闭症 孤独症 住院 手术 病危 病重 重症 患病 身患 罹患 "
            "患有 确诊 查出 病休 因病 脑溢血 脑出血 脑梗 中风 心脏病 糖尿病 高血压 "
            "艾滋 乙肝 结核 尘肺 绝症 卧床 失能 失智 痴呆".split()
        ),
    ),
    "事故和伤亡": (
        "伤亡情况",
        tuple(
            "车祸 交通事故 事故 受伤 负伤 摔伤 烫伤 烧伤 骨折 工伤 触电 坠落 溺水 "
            "溺亡 身亡 遇难 丧生 去世 逝世 病故 病逝 离世 过世 身故 死亡 自杀 "
            "轻生 遇害 意外 截肢".split()
        ),
    ),
    "困难": (
        "困难身份",
        tuple(
            "低保 特困 困难户 困难家庭 困难职工 家庭困难 生活困难 生活拮据 贫困户 "
            "贫困家庭 建档立卡 五保 孤儿 孤残 留守儿童 单亲 失业 失独 孤寡 帮扶对象 "
            "救助对象".split()
        ),
    ),
    "宗教": (
        "宗教信仰",
        tuple(
            "基督教 基督徒 天主教 伊斯兰教 穆斯林 佛教徒 信佛 信教 信奉 皈依 受洗 "
            "教徒 佛门 吃斋念佛 佛龛 教堂 礼拜".split()
        ),
    ),
    "违法犯罪记录": (
        "违法犯罪记录",
        tuple(
            "刑满释放 服刑 前科 判刑 被判 入狱 出狱 坐牢 社区矫正 吸毒 戒毒 劳改 缓刑 假释 拘留 犯罪 涉毒 在押 坐过牢 服过刑 判过刑".split()
        ),
    ),
}
# "患" and an illness not in the list (患阿尔茨海默病, 患渐冻症).
_ILLNESS = r"患[\u4e00-\u9fff]{1,8}?(?:病|症|癌|瘤)"
UNIT_CATEGORY = "本单位"
UNIT_WHAT = "本单位列出的敏感信息"
MINOR_CATEGORY = "未成年人"
MINOR_WHAT = "未成年人的学校或班级"

# A term inside the name of an institution or of a policy is about no one: 残疾人联合会,
# 肿瘤医院, 低保科, 戒毒所; 低保政策, 癌症早筛, 工伤保险.
_INSTITUTION = lazy(
    r"[\u4e00-\u9fff]{0,3}?(?:医院|联合会|协会|基金会|中心|学校|委员会|处理大队|大队|服务队|"
    r"办公室|工作站|福利院|敬老院)|[科局所站处室院会]"
)
_POLICY = lazy(
    r"[\u4e00-\u9fff]{0,4}?(?:政策|标准|制度|保障金|保险|补助|补贴|救助|工作|知识|宣传|教育|预防|防治|"
    r"筛查|早筛|审核|条例|法规|相关|事务|人员安置|帮教)"
)
_PREVENTION = lazy(r"(?:(?:预防|远离|杜绝|避免|防止)[\u4e00-\u9fff]{0,3}|防|禁|反)$")
# Between a person and a term, these make the person the one who acts on others.
_AGENT = lazy(
    r"慰问|看望|探望|走访|帮扶|资助|救助|关爱|关心|带领|带队|组织|讲解|讲授|讲述|宣讲|介绍|指导|"
    r"听取|了解|调研|陪伴|辅导|联系|协调|对接|结对|捐款|捐赠|捐助|送去|送上|送来|送给|帮助|照顾|提醒|强调|负责|为|给|向|对(?!象)"
)
_CLAUSE = lazy(r"[^。！？；!?;，,\n]+")
_SENTENCE = lazy(r"[^。！？；!?;\n]+")
MAX_GAP = 12  # characters between a name and a term in one clause

# Common surnames (about three hundred) and the compound ones: a jieba "nr" word must start with one.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁"
    "尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时"
    "穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾"
    "隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
COMPOUND_SURNAMES = tuple("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯".split())
_TITLES = (
    "老师傅|老师|师傅|阿姨|大爷|大妈|大娘|大伯|大姐|大哥|大叔|大嫂|奶奶|爷爷|老伯|老汉|老太|婆婆|伯伯|叔叔|"
    "阿婆|同学|同志|医生|书记|主任|校长|局长|科长|站长|女士|先生|小朋友|老[一二三四五六七八九]"
)
_SURNAME_CLASS = "".join(sorted(SURNAMES))
_SURNAME_FLAGS = {"nr", "nrfg", "nrt", "zg", "n", "q", "ng", "a"}
_GIVEN_FLAGS = {"nr", "nrfg", "nrt", "ns", "n", "t", "i", "nz", "a", "ng", "zg", "j"}
_NEVER_GIVEN = {"x", "p", "u", "uj", "ul", "uz", "ud", "ug", "uv", "c", "m", "q", "f", "r", "d", "y", "e", "o"}
_NOT_GIVEN = set("人年元名次家户个位天月日岁斤亩米")
_TITLE_WORD = lazy(rf"(?:{_TITLES})")
_ADDRESSED = lazy(
    rf"(?:{'|'.join(COMPOUND_SURNAMES)}|[{_SURNAME_CLASS}])(?:{_TITLES})|[小老][{_SURNAME_CLASS}](?![某])"
)
# Adults: a name right after one of these is not a pupil's.
_ADULT_BEFORE = lazy(r"(?:老师|教师|校长|班主任|主任|书记|辅导员|家长|局长|园长|院长|医生|民警|法官|律师|队长|站长)$")
_ADULT_TITLE = lazy(
    r"(?:老师|老师傅|师傅|校长|主任|书记|局长|科长|站长|医生|同志|女士|先生|阿姨|大爷|大妈|大娘|大伯|奶奶|爷爷)$"
)
_SCHOOL = re.compile(r"(?:小学|(?<!集)中学(?!习)|一中|二中|三中|四中|五中|幼儿园|学校|附小|附中|职高|中专)")
_NOT_IN_NAME = set("的有自在到向为是和与及给对从于了将把被让由来去")


def _schools(text: str) -> list[tuple[int, int]]:
    """Spans of schools' names, found by their ending and extended left over the name."""
    out = []
    for m in _SCHOOL.finditer(text):
        start = m.start()
        while start > 0 and m.start() - start < 6 and "\u4e00" <= text[start - 1] <= "\u9fff":
            if text[start - 1] in _NOT_IN_NAME:
                break
            start -= 1
        out.append((start, m.end()))
    return out


_CLASS = re.compile(
    r"[一二三四五六七八九1-9]年级(?:[（(]?[一二三四五六七八九十\d]+[）)]?班)?|[初高][一二三](?:[（(]\d+[）)]班)?|"
    r"[一二三四五六七八九十\d]+[（(]\d+[）)]班|[大中小]班"
)
_PUPIL = lazy(r"同学|学生|小朋友|少先队员|学子|小学生|中学生")

# Public figures whose health or death is public history, not personal data.
PUBLIC_FIGURES = frozenset(
    "雷锋 焦裕禄 黄文秀 张桂梅 张海迪 杨善洲 钟南山 袁隆平 史铁生 白求恩 黄继光 邱少云 王继才 孔繁森 谷文昌 "
    "廖俊波 王进喜 张富清 黄大年 南仁东 屠呦呦 钱学森 邓稼先 林俊德 毛泽东 周恩来 邓小平 习近平 鲁迅 张思德 "
    "董存瑞 刘胡兰 江竹筠 江姐 方志敏 李大钊 杨靖宇 赵一曼 孙中山 朱德 刘少奇 吴孟超 樊锦诗 于敏 李兰娟 陈薇 "
    "张定宇 岳飞 文天祥 林则徐 霍金 海伦 保尔 郭明义 时传祥 孟泰 许振超 李素丽 徐虎 包起帆".split()
)


@dataclass(frozen=True)
class Lexicon:
    """Built-in terms plus a unit's own (``data/sensitive.yml``), and phrases never flagged."""

    terms: tuple[tuple[str, str], ...] = ()  # (term, category) added by the unit
    ignore: tuple[str, ...] = ()

    @functools.cached_property
    def pattern(self) -> re.Pattern:
        words = {t: c for c, (_, ts) in CATEGORIES.items() for t in ts}
        words.update(dict(self.terms))
        alternation = "|".join(re.escape(t) for t in sorted(words, key=len, reverse=True))
        return re.compile(f"{alternation}|{_ILLNESS}")

    @functools.cached_property
    def candidate(self) -> re.Pattern:
        """A term, a school or a class: text without any is never segmented."""
        return re.compile(f"{self.pattern.pattern}|{_SCHOOL.pattern}|{_CLASS.pattern}")

    @functools.cached_property
    def categories(self) -> dict[str, str]:
        out = {t: c for c, (_, ts) in CATEGORIES.items() for t in ts}
        out.update(dict(self.terms))
        return out

    def category(self, term: str) -> str:
        return self.categories.get(term, "健康")  # else a match of _ILLNESS

    @functools.cached_property
    def ignored(self) -> re.Pattern | None:
        if not self.ignore:
            return None
        return re.compile("|".join(re.escape(p) for p in sorted(self.ignore, key=len, reverse=True)))


DEFAULT = Lexicon()


@dataclass(frozen=True)
class Hit:
    col: int  # 0-based column in the line
    term: str
    person: str
    category: str

    @property
    def what(self) -> str:
        if self.category == MINOR_CATEGORY:
            return MINOR_WHAT
        if self.category in CATEGORIES:
            return CATEGORIES[self.category][0]
        return UNIT_WHAT


def _tokens(text: str) -> list[tuple[int, str, str]]:
    """(start, word, flag) of jieba's part-of-speech segmentation."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # its "Building prefix dict" lines are not for editors
    out = []
    pos = 0
    for pair in jieba.posseg.cut(text, HMM=True):
        out.append((pos, pair.word, pair.flag))
        pos += len(pair.word)
    return out


def _is_surname_start(word: str) -> bool:
    return word[:2] in COMPOUND_SURNAMES or word[0] in SURNAMES


def persons(text: str) -> list[tuple[int, int]]:
    """Spans of private persons' names in ``text`` (public figures and 张某 left out)."""
    tokens = _tokens(text)
    starts = {start for start, _, _ in tokens}
    spans: list[tuple[int, int]] = []
    for start, word, flag in tokens:
        if not flag.startswith("nr") or not 2 <= len(word) <= 5 or "某" in word:
            continue
        if _is_surname_start(word) or (word[0] in "小老" and len(word) == 2):
            spans.append((start, start + len(word)))
    # jieba often cuts a name whose given name is a word of its own: 刘|桂兰, 马|德福, 蒋|欣怡.
    for (start, word, flag), (_, given, gflag) in zip(tokens, tokens[1:], strict=False):
        if (
            len(word) == 1
            and word in SURNAMES
            and flag in _SURNAME_FLAGS
            and 1 <= len(given) <= 2
            and (gflag in _GIVEN_FLAGS or (flag == "nr" and gflag not in _NEVER_GIVEN))
            and given not in _NOT_GIVEN
            and not _TITLE_WORD.match(given)
        ):
            spans.append((start, start + 1 + len(given)))
    for m in _ADDRESSED.finditer(text):
        if m.start() in starts and "某" not in text[m.end() : m.end() + 1]:
            spans.append(m.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return [(s, e) for s, e in merged if not _public(text[s:e])]


def _public(name: str) -> bool:
    return any(name.startswith(p) for p in PUBLIC_FIGURES)


def _masked(text: str, lexicon: Lexicon) -> str:
    """``text`` with Markdown marks and the unit's exceptions blanked out (same length:
    columns stay right)."""
    text = re.sub(r"[*_`#>|\[\]]", " ", text)
    if lexicon.ignored is not None:
        text = lexicon.ignored.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _terms(clause: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    out = []
    for m in lexicon.pattern.finditer(clause):
        after = clause[m.end() :]
        if _INSTITUTION.match(after) or _POLICY.match(after) or _PREVENTION.search(clause[: m.start()]):
            continue
        start, end, term = m.start(), m.end(), m.group(0)
        if term not in lexicon.categories:  # 患…病: name the listed illness inside, if any
            inner = lexicon.pattern.search(term, 1)
            if inner is not None and inner.group(0) in lexicon.categories:
                start, end, term = start + inner.start(), start + inner.end(), inner.group(0)
        out.append((start, end, term))
    return out


def find(line: str, lexicon: Lexicon = DEFAULT) -> list[Hit]:
    """The sensitive details tied to a private person's name in one line of text."""
    text = _masked(line, lexicon)
    if not lexicon.candidate.search(text):
        return []
    hits: list[Hit] = []
    for sm in _SENTENCE.finditer(text):
        sentence = sm.group(0)
        found = lexicon.pattern.search(sentence)
        minor = _SCHOOL.search(sentence) or _CLASS.search(sentence)
        if not found and not minor:
            continue
        people = persons(sentence)
        if not people:
            continue
        for c0, clause in _clauses(sentence):
            for ts, te, term in _terms(clause, lexicon):
                best = None
                for ps, pe in people:
                    ps, pe = ps - c0, pe - c0
                    if ps < 0 or pe > len(clause):
                        continue
                    if pe <= ts:
                        gap = clause[pe:ts]
                    elif te <= ps:
                        gap = clause[te:ps]
                    else:
                        continue
                    if len(gap) > MAX_GAP or _AGENT.search(gap):
                        continue
                    if best is None or len(gap) < best[0]:
                        best = (len(gap), ps, pe)
                if best is not None:
                    _, ps, pe = best
                    col = sm.start() + c0 + min(ps, ts)
                    hits.append(Hit(col, term, clause[ps:pe], lexicon.category(term)))
        if minor:
            hits += _minors(sentence, sm.start(), people)
    seen: set[tuple[str, str]] = set()
    out = []
    for h in sorted(hits, key=lambda h: h.col):
        if (h.person, h.term) not in seen:
            seen.add((h.person, h.term))
            out.append(h)
    return out


def _clauses(sentence: str) -> Iterable[tuple[int, str]]:
    for m in _CLAUSE.finditer(sentence):
        yield m.start(), m.group(0)


def _minors(sentence: str, offset: int, people: list[tuple[int, int]]) -> list[Hit]:
    """Pupils named with their school or class: a name just after a class (初二（3）班李思琪),
    or marked as a pupil (王小明同学, 学生赵一鸣), in a sentence naming a school or class."""
    classes = [m.span() for m in _CLASS.finditer(sentence)]
    marks = _schools(sentence) + classes
    out = []
    for ps, pe in people:
        name = sentence[ps:pe]
        before = sentence[max(0, ps - 4) : ps]
        if _ADULT_TITLE.search(name) or _ADULT_BEFORE.search(before):
            continue
        after_class = any(0 <= ps - end <= 3 for _, end in classes)
        pupil = _PUPIL.search(sentence[max(0, ps - 4) : pe + 4])
        if not (after_class or pupil):
            continue
        # The school and class as written together before the name (红星小学二年级), else the
        # nearest of them.
        near = sorted((s, e) for s, e in marks if e <= ps and ps - s <= 16)
        if near:
            start, end = near[0][0], max(e for _, e in near)
        else:
            start, end = min(marks, key=lambda m: abs(m[0] - ps))
        out.append(Hit(offset + min(ps, start), sentence[start:end], name, MINOR_CATEGORY))
    return out


# --- files -----------------------------------------------------------------------------------


def message(hits: list[Hit], where: str) -> str:
    """The editor's line for one person's details in one line: what was found, and the two
    ways out. ``where`` says where the acknowledgement goes, or is empty when it cannot go
    anywhere (a part of a data file that is no entry)."""
    details: dict[str, list[str]] = {}
    for hit in hits:
        details.setdefault(hit.what, []).append(f"“{hit.term}”")
    found = "和".join(f"{what}{''.join(terms)}" for what, terms in details.items())
    tail = (
        f"；确已征得同意、经审核可以公开的，在{where}加一行 {FIELD}: 已征得本人同意（写明依据）"
        if where
        else "（这里不能标注确认，只能改写）"
    )
    return (
        f"提示：“{hits[0].person}”旁边写有{found}，这是敏感个人信息，"
        "公开发布须经本人同意（未成年人须经监护人同意）。"
        f"请改写这句话：去掉姓名（如“一名职工”“张某”）或删去这一细节{tail}"
    )


PAGE_WHERE = "本页开头的 front matter 里"
ENTRY_WHERE = "这一条里（与 title 等字段对齐）"


def scan_text(
    rel: str, text: str, lexicon: Lexicon = DEFAULT, data_rel: str | None = None, first_line: int = 1
) -> list[Problem]:
    """Unacknowledged hits in one Markdown page or data file (``data_rel``: its path inside
    data/, for the entries that can carry the acknowledgement), one line per person and line."""
    return list(_scan(rel, text, lexicon, data_rel, first_line)[0])


def _scan(rel: str, text: str, lexicon: Lexicon, data_rel: str | None, first_line: int):
    scan = _scan_text if memo.keeping() else _scan_text.__wrapped__
    return scan(rel, text, lexicon, data_rel, first_line)


def notice(hits: list[Hit], ground: str) -> str:
    """A reviewer's line for an acknowledged hit."""
    found = "、".join(f"“{hit.term}”" for hit in hits)
    return f"已确认公开的敏感个人信息：“{hits[0].person}”旁边写有{found}（{FIELD}: {ground}）。审核时请核对确已征得同意"


@functools.lru_cache(maxsize=50_000)  # `mkdocs serve` rescans only the files that changed
def _scan_text(
    rel: str, text: str, lexicon: Lexicon, data_rel: str | None, first_line: int
) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    """(unacknowledged hits as problems, acknowledged ones as notices)."""
    found = _by_line_and_person(text, lexicon)
    if not found:
        return (), ()
    problems, notices = [], []
    if rel.endswith(".md"):
        ground = _page_acknowledgement(text, rel)
        for (i, _), hits in found.items():
            i += first_line
            if ground is None:
                problems.append(Problem(rel, i, hits[0].col + 1, message(hits, PAGE_WHERE)))
            else:
                notices.append(Problem(rel, i, hits[0].col + 1, notice(hits, ground)))
        return tuple(problems), tuple(notices)
    entries = _entries(text, rel, data_rel or "")
    for (i, _), hits in found.items():
        i += first_line
        entry = next(((s, e, ok) for s, e, ok in entries if s <= i - first_line + 1 <= e), None)
        if entry is None:
            problems.append(Problem(rel, i, hits[0].col + 1, message(hits, "")))
        elif entry[2] is None:
            problems.append(Problem(rel, i, hits[0].col + 1, message(hits, ENTRY_WHERE)))
        else:
            notices.append(Problem(rel, i, hits[0].col + 1, notice(hits, entry[2])))
    return tuple(problems), tuple(notices)


def acknowledgement(value) -> str | None:
    """The acknowledgement's text when it is one (see :func:`as_acknowledgement`)."""
    if not isinstance(value, str):
        return None
    try:
        return as_acknowledgement(value)
    except values.Invalid:
        return None


_NEGATIVE = lazy(r"^(?:未|没有|没|不|尚未|还没|待)")


def as_acknowledgement(text: str, field=None) -> str:
    """The schema's converter: a stated ground, not a bare yes or a negative."""
    value = " ".join(str(text).split())
    try:
        values.parse_bool(value)
    except values.Invalid:
        pass
    else:
        raise values.Invalid(
            f"写的是“{value}”。请写明可以公开的依据，例如 {FIELD}: 已征得本人同意；还没有征得同意时请改写文字，不要写这一行"
        )
    if _NEGATIVE.match(value):
        raise values.Invalid(f"写的是“{value}”：还没有征得同意时，请改写文字（去掉姓名或这一细节），并删去这一行")
    return value


def _page_acknowledgement(text: str, rel: str) -> str | None:
    from wenmingsite.loading import frontmatter

    parts = frontmatter.split(text, rel)
    return acknowledgement(parts.meta.get(FIELD)) if parts.meta is not None else None


# data/ file (inside data/) -> top-level keys whose list items take the acknowledgement; ""
# for a file that is itself a list. The schemas of those items declare the field.
ACK_LISTS: dict[str, tuple[str, ...]] = {
    "activities/*.yml": ("activities", "routines"),
    "honours.yml": ("",),
    "documents.yml": ("",),
    "organization.yml": ("changes",),
    "knowledge.yml": ("sections",),
}


def _entries(text: str, rel: str, data_rel: str) -> list[tuple[int, int, str | None]]:
    """(first line, last line, its acknowledgement or None) of each entry of a data file that can carry
    the acknowledgement (lines 1-based within ``text``)."""
    import fnmatch

    from wenmingsite.loading.yamlstrict import YList, YMap, load_yaml

    keys = next((k for pattern, k in ACK_LISTS.items() if fnmatch.fnmatch(data_rel, pattern)), None)
    if keys is None:
        return []
    value, problems = load_yaml(text, rel)
    if value is None:
        return []
    lists = []
    if "" in keys and isinstance(value, YList):
        lists.append(value)
    if isinstance(value, YMap):
        lists += [value[k] for k in keys if k and isinstance(value.get(k), YList)]
    last_line = text.count("\n") + 1
    out = []
    for items in lists:
        maps = [item for item in items if isinstance(item, YMap)]
        for n, item in enumerate(maps):
            end = maps[n + 1].line - 1 if n + 1 < len(maps) else _end_of(items, text, last_line)
            out.append((item.line, end, acknowledgement(item.get(FIELD))))
    return out


def _end_of(items, text: str, last_line: int) -> int:
    """The last line of a list: the line before the next top-level key (or the file's end)."""
    lines = text.split("\n")
    for i in range(items[-1].line, len(lines)):  # lines[i] is line i + 1
        line = lines[i]
        if line and not line[0].isspace() and not line.startswith(("#", "-")):
            return i
    return last_line


# --- the unit's own terms ------------------------------------------------------------------


def read_unit_lexicon(value, rel: str) -> tuple[Lexicon, list[Problem]]:
    """``data/sensitive.yml``: ``terms`` (the unit's own words, flagged next to a name like the
    built-in ones) and ``ignore`` (phrases holding a term that are about no one: an
    institution, a project, a public figure)."""
    from wenmingsite.loading.yamlstrict import YList, YMap, YStr

    problems: list[Problem] = []
    if value is None:
        return DEFAULT, problems
    if not isinstance(value, YMap):
        line, col = getattr(value, "line", 1), getattr(value, "col", 1)
        return DEFAULT, [
            Problem(
                rel, line, col, "应该写成 terms:（本单位补充的敏感词）和 ignore:（不提示的说法）两个列表。请参照 README"
            )
        ]
    out: dict[str, list[str]] = {"terms": [], "ignore": []}
    for key in value:
        if key not in out:
            hint = {"敏感词": "terms", "词": "terms", "不提示": "ignore", "例外": "ignore"}.get(key.strip())
            tip = f"，是不是想写 {hint}？" if hint else "。可以使用的字段有：terms、ignore"
            problems.append(Problem(rel, key.line, key.col, f"未知字段“{key}”{tip}"))
            continue
        items = value[key]
        if items is None:
            continue
        if not isinstance(items, YList):
            items = [items]
        for item in items:
            if not isinstance(item, YStr) or not item.strip():
                line, col = getattr(item, "line", key.line), getattr(item, "col", key.col)
                problems.append(Problem(rel, line, col, f"{key} 的每一项应是一个词（文字），每行一个，以“- ”开头"))
                continue
            word = item.strip()
            if len(word) > 30 or re.search(r"\s", word):
                problems.append(
                    Problem(
                        rel, item.line, item.col, f"“{word[:30]}”不是一个词（太长或有空格）。请每行写一个词或一个说法"
                    )
                )
                continue
            if key == "terms" and len(word) < 2:
                problems.append(
                    Problem(
                        rel,
                        item.line,
                        item.col,
                        f"敏感词“{word}”只有一个字，会把很多无关的句子标出来。请写成两个字以上的词",
                    )
                )
                continue
            out[key].append(word)
    terms = tuple((t, UNIT_CATEGORY) for t in dict.fromkeys(out["terms"]))
    return Lexicon(terms, tuple(dict.fromkeys(out["ignore"]))), problems


@dataclass(frozen=True)
class DocumentText:
    """What a reader reads in one document under docs/ (``[where, first_line, text]`` rows from
    wenmingsite.gate.doctext), with its acknowledgement: the ``sensitive_ok`` of the entry in
    data/documents.yml that lists it, and where that entry is (None: the file is not listed)."""

    rel: str
    texts: list
    ground: str | None
    entry: str | None


def document_problems(doc: DocumentText, lexicon: Lexicon) -> tuple[list[Problem], list[Problem]]:
    """(unacknowledged hits, acknowledged ones) in one document, one line per person and place."""
    where = (
        f"{doc.entry}列出这个文件的那一条里"
        if doc.entry
        else "data/documents.yml 中为这个文件写一条（file: 它在 docs/ 下的路径），并在那一条里"
    )
    tail = "（PDF 请在原文档中修改后重新导出）" if doc.rel.lower().endswith(".pdf") else ""
    problems: list[Problem] = []
    notices: list[Problem] = []
    for place, first_line, text in doc.texts:
        for (i, _), hits in _by_line_and_person(text, lexicon).items():
            line, col = (first_line + i, hits[0].col + 1) if first_line is not None else (None, None)
            prefix = f"{place}：" if place else ""
            if doc.ground is None:
                problems.append(Problem(doc.rel, line, col, prefix + message(hits, where) + tail))
            else:
                notices.append(Problem(doc.rel, line, col, prefix + notice(hits, doc.ground)))
    return problems, notices


def problems_in(
    texts: dict[str, str],
    lexicon: Lexicon,
    data_rel: str,
    cache_folder: Path | None = None,
    documents: Iterable[DocumentText] = (),
) -> tuple[list[Problem], list[Problem]]:
    """(unacknowledged hits, acknowledged ones) in every text a load read (pages and data
    files), except the unit's term list, and in the ``documents`` under docs/.
    ``cache_folder`` keeps each text's hits between builds: jieba's dictionary (a second or
    two, and memory) is loaded only when a text holding a term is new."""
    global _remembered
    prefix = data_rel.rstrip("/") + "/"
    _remembered = TextCache(cache_folder, lexicon) if cache_folder is not None else None
    problems: list[Problem] = []
    notices: list[Problem] = []
    try:
        for rel, text in texts.items():
            inside = rel[len(prefix) :] if rel.startswith(prefix) else None
            if inside == UNIT_FILE:
                continue
            found, acknowledged = _scan(rel, text, lexicon, inside, 1)
            problems += found
            notices += acknowledged
        for doc in documents:
            found_in, acknowledged_in = document_problems(doc, lexicon)
            problems += found_in
            notices += acknowledged_in
        if _remembered is not None:
            _remembered.save()
    finally:
        _remembered = None
    return problems, notices


# --- the hits of each text, kept between builds -----------------------------------------------

CACHE_DIR = Path(".cache") / "sensitive"
CACHE_LIMIT = 50_000  # lines; a fuller cache starts again (it only saves time)
_remembered: TextCache | None = None


class TextCache:
    """Hits per text (by digest) for one lexicon, in ``folder/<key>.json``; the key covers
    this module's source, jieba's version and the unit's terms. Unchanged files are neither
    searched nor segmented again."""

    def __init__(self, folder: Path, lexicon: Lexicon):
        import importlib.metadata

        try:
            jieba_version = importlib.metadata.version("jieba")
        except importlib.metadata.PackageNotFoundError:
            jieba_version = "?"
        salt = hashlib.sha256(Path(__file__).read_bytes())
        salt.update(json.dumps([jieba_version, lexicon.terms, lexicon.ignore], ensure_ascii=False).encode())
        self.path = folder / f"texts-{salt.hexdigest()[:16]}.json"
        self.entries: dict[str, list] = {}
        self._dirty = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and len(data) <= CACHE_LIMIT:
                self.entries = data
        except (OSError, ValueError):
            pass

    def hits(self, text: str, lexicon: Lexicon) -> list[tuple[int, Hit]]:
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        known = self.entries.get(key)
        if known is not None:
            return [(h[0], Hit(*h[1:])) for h in known]
        found = _hits(text, lexicon)
        self.entries[key] = [[i, h.col, h.term, h.person, h.category] for i, h in found]
        self._dirty = True
        return found

    def save(self) -> None:
        if not self._dirty:
            return
        from wenmingsite.gate import images

        data = json.dumps(self.entries, ensure_ascii=False).encode("utf-8")
        if images.write_cache(self.path, data):  # one that cannot be written only costs time
            for old in self.path.parent.glob("*.json"):  # other versions' and lexicons'
                if old != self.path:
                    old.unlink(missing_ok=True)
        self._dirty = False


def _by_line_and_person(text: str, lexicon: Lexicon) -> dict[tuple[int, str], list[Hit]]:
    """The hits of ``text`` as each message names them: one group per (0-based line, person)."""
    found: dict[tuple[int, str], list[Hit]] = {}
    for i, hit in _remembered_hits(text, lexicon):
        found.setdefault((i, hit.person), []).append(hit)
    return found


def _remembered_hits(text: str, lexicon: Lexicon) -> list[tuple[int, Hit]]:
    if _remembered is not None:
        return _remembered.hits(text, lexicon)
    return _hits(text, lexicon)


def _hits(text: str, lexicon: Lexicon) -> list[tuple[int, Hit]]:
    """(0-based line, hit) in ``text``; a cheap search first, segmentation only for the lines
    holding a term, a school or a class."""
    if not lexicon.candidate.search(text):
        return []
    return [(i, hit) for i, line in enumerate(text.split("\n")) for hit in find(line, lexicon)]
