"""A held-out set of activities for benchmarks: written independently of bench/generate.py.

    python bench/heldout.py OUT --activities 1000 [--seed 7]

`bench/generate.py` writes every activity from one template (two paragraphs of 500–800
characters, the same front matter). A build tuned on that set could be fast only on it, so
the build benchmark also measures this one, made by a different generator with its own
vocabulary and structure, as editors actually write:

- front matter in the forms editors use: dates as ``2024-03-05`` or ``2024年3月5日``,
  categories by name or slug, ``criteria`` lists, counts with units (``45人``), hours and
  amounts (``1.5万元``), ``end_date``, ``description``, ``author``; some fields left out;
- pages from a short notice (about 150 characters) to a long report (about 4,000), by a
  log-normal length; headings (``##``/``###``), bulleted and numbered lists, tables,
  block quotes, bold text, admonitions, and links to other activities;
- pictures: a few pages show an inline picture (``![…](…)``, from docs/pictures/), a few list photos in front
  matter (small JPEGs, made from the seed);
- file names as editors write them (date and a Chinese slug), in year folders.

The rest of the unit (data/, report, honours, documents) is the demo's, as with
generate.py, and so is the baseline configuration (``mkdocs-baseline.yml``). Deterministic
for a seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import shutil
from pathlib import Path

import generate as own

REPO = Path(__file__).resolve().parents[1]

UNITS_OF_WORK = ["综合科", "信息中心", "机关第二党支部", "妇委会", "离退休干部科", "青年理论学习小组", "后勤服务中心"]
CATEGORY_FORMS = [
    ("志愿服务", "volunteer"),
    ("学习教育", "study"),
    ("文体活动", "culture-sports"),
    ("宣传教育", "publicity"),
    ("业务服务", "service"),
    ("帮扶共建", "mutual-aid"),
    ("环境建设", "environment"),
    ("制度建设", "mechanism"),
]
CRITERIA = [
    "ideals",
    "core-values",
    "morality",
    "party-building",
    "quality-service",
    "volunteer-service",
    "integrity",
    "civility",
    "family",
    "rule-of-law",
    "culture-sports",
    "environment",
    "mutual-aid",
    "staff-rights",
    "mechanism",
]
SITES = ["东湖社区", "北关街道新时代文明实践站", "红旗小学", "城南客运站", "长乐镇卫生院", "河西菜市场", "图书馆报告厅"]
THEMES = [
    ("食品安全", ["索证索票", "快检设备", "过期食品", "进货台账"]),
    ("交通文明", ["斑马线", "电动车头盔", "礼让行人", "酒驾危害"]),
    ("家风家教", ["家训", "亲子阅读", "孝老爱亲", "邻里互助"]),
    ("网络安全", ["电信诈骗", "个人信息", "钓鱼链接", "密码设置"]),
    ("节约粮食", ["光盘行动", "食堂浪费", "剩菜打包", "粮食来之不易"]),
    ("心理健康", ["情绪调适", "压力疏导", "谈心谈话", "心理热线"]),
    ("无偿献血", ["献血车", "血液库存", "献血证", "体检流程"]),
    ("移风易俗", ["红白理事会", "高价彩礼", "文明祭扫", "婚事新办"]),
    ("诚信经营", ["明码标价", "缺斤短两", "信用承诺", "投诉处理"]),
    ("生态保护", ["河道清洁", "秸秆禁烧", "护林防火", "湿地鸟类"]),
]
OPENERS = [
    "为深入推进{theme}工作，{unit}于{when}在{site}组织开展了专题活动。",
    "{when}，{unit}的同志们来到{site}，围绕{theme}与群众面对面交流。",
    "按照年度创建计划，{unit}牵头举办了以{theme}为主题的活动。",
    "近日，{site}迎来了一批特别的客人——{unit}的{n}名党员干部。",
]
SENTENCES = [
    "工作人员现场演示了{w}的具体做法，并回答了大家关心的问题。",
    "不少居民拿着自家的情况前来咨询，队员们一一作了耐心解释。",
    "活动采取“讲解加互动”的形式，穿插了有奖问答和情景模拟。",
    "{unit}负责同志强调，{theme}不是一阵风，要靠日常的点滴坚持。",
    "围绕{w}，大家结合身边的真实案例谈体会、找差距。",
    "现场共发放折页和海报{k}份，收集意见建议{m}条。",
    "据统计，此前三个月里与{w}有关的投诉下降了近三成。",
    "参加活动的青年干部说，这样接地气的形式比单纯开会更有收获。",
    "下一阶段，{unit}将把{w}纳入常态化监督，每季度回头看一次。",
    "活动还邀请了{site}的志愿者代表分享经验，气氛热烈。",
    "针对群众反映较多的{w}问题，{unit}当场形成了整改清单。",
    "整个活动持续约两个小时，秩序良好，没有发生任何安全问题。",
]
HEADINGS = ["活动背景", "主要做法", "亮点特色", "活动成效", "存在不足", "下一步打算", "群众反馈"]
LIST_ITEMS = [
    "提前制定方案，明确分工",
    "向群众发放{w}宣传材料",
    "设立咨询台解答{theme}相关问题",
    "组织志愿者入户走访",
    "邀请专家开展专题讲解",
    "建立问题台账，限时办结",
    "利用微信群持续跟踪",
    "对照测评体系逐条梳理",
]


def _text(rng: random.Random, ctx: dict, target: int) -> str:
    out = ""
    while len(out) < target:
        out += rng.choice(SENTENCES).format(
            w=rng.choice(ctx["words"]), k=rng.randint(50, 900), m=rng.randint(3, 60), **ctx
        )
    return out


def _bold(rng: random.Random, text: str, ctx: dict) -> str:
    word = rng.choice(ctx["words"])
    return text.replace(word, f"**{word}**", 1) if rng.random() < 0.4 else text


def body(rng: random.Random, ctx: dict, length: int, others: list[str]) -> list[str]:
    """Markdown blocks whose text adds up to about ``length`` characters."""
    blocks = [rng.choice(OPENERS).format(**ctx)]
    used = len(blocks[0])
    headings = rng.sample(HEADINGS, k=min(len(HEADINGS), max(0, length // 700)))
    sections = headings or [None]
    per = max(60, (length - used) // len(sections))
    for h in sections:
        if h is not None:
            blocks.append(f"## {h}")
        left = per
        while left > 0:
            roll = rng.random()
            if roll < 0.55:
                para = _bold(rng, _text(rng, ctx, min(left, rng.randint(80, 320))), ctx)
                blocks.append(para)
                left -= len(para)
            elif roll < 0.7:
                items = rng.sample(LIST_ITEMS, k=rng.randint(3, 6))
                numbered = rng.random() < 0.5
                lines = [
                    (f"{i + 1}. " if numbered else "- ") + t.format(w=rng.choice(ctx["words"]), **ctx)
                    for i, t in enumerate(items)
                ]
                blocks.append("\n".join(lines))
                left -= sum(len(x) for x in lines)
            elif roll < 0.78 and length > 600:
                rows = ["| 项目 | 数量 | 备注 |", "|---|---:|---|"]
                for w in rng.sample(ctx["words"], k=3):
                    rows.append(f"| {w} | {rng.randint(2, 400)} | {rng.choice(['已完成', '持续推进', '下月复查'])} |")
                blocks.append("\n".join(rows))
                left -= 60
            elif roll < 0.84 and length > 400:
                blocks.append(f"### {rng.choice(ctx['words'])}\n\n{_text(rng, ctx, 100)}")
                left -= 110
            elif roll < 0.9:
                quote = _text(rng, ctx, 60)
                blocks.append(f"> {quote}")
                left -= len(quote)
            elif roll < 0.95:
                note = _text(rng, ctx, 70)
                blocks.append(f'!!! note "温馨提示"\n\n    {note}')
                left -= len(note)
            elif others:
                target = rng.choice(others)
                blocks.append(f"相关报道见[此前的活动]({target})。")
                left -= 12
    return blocks


def _date_text(rng: random.Random, day: dt.date) -> str:
    return day.isoformat() if rng.random() < 0.7 else f"{day.year}年{day.month}月{day.day}日"


def _jpeg(path: Path, rng: random.Random) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    im = Image.new("RGB", (480, 360), tuple(rng.randrange(256) for _ in range(3)))
    im.save(path, quality=80)


def activity(rng: random.Random, day: dt.date, i: int, folder: Path, others: list[str], taken: set) -> tuple[Path, str]:
    theme, words = rng.choice(THEMES)
    unit, site = rng.choice(UNITS_OF_WORK), rng.choice(SITES)
    n = rng.randint(5, 400)
    ctx = {"theme": theme, "words": words, "unit": unit, "site": site, "n": n, "when": f"{day.month}月{day.day}日"}
    slug = f"{theme}{rng.choice(['进社区', '宣讲', '志愿行', '主题日', '座谈', '开放日', '实践活动'])}"
    title = rng.choice(
        [f"{unit}开展“{theme}”{slug[len(theme) :]}", f"{theme}：{site}的一次{slug[len(theme) :]}", f"{slug}（{i}）"]
    )
    name, slug_form = rng.choice(CATEGORY_FORMS)
    if (day, title) in taken:  # the loader refuses two activities of one day under one title
        title = f"{title}（{i}）"
    taken.add((day, title))
    fm = ["---", f"title: {title}", f"date: {_date_text(rng, day)}"]
    if rng.random() < 0.1:
        fm.append(f"end_date: {(day + dt.timedelta(days=rng.randint(1, 3))).isoformat()}")
    fm.append(f"category: {name if rng.random() < 0.6 else slug_form}")
    if rng.random() < 0.35:
        fm.append(f"criteria: [{', '.join(rng.sample(CRITERIA, k=rng.randint(1, 3)))}]")
    if rng.random() < 0.9:
        fm.append(f"department: {unit}")
    if rng.random() < 0.8:
        fm.append(f"location: {site}")
    if rng.random() < 0.85:
        fm.append(f"participants: {n}{rng.choice(['', '人', '人次', '名'])}")
    if rng.random() < 0.25:
        fm.append(f"volunteer_hours: {rng.randint(2, 300)}{rng.choice(['', '小时'])}")
    if rng.random() < 0.1:
        fm.append(f"amount: {rng.choice([str(rng.randint(300, 9000)), f'{rng.randint(1, 30) / 10}万元'])}")
    if rng.random() < 0.6:
        fm.append(f"summary: {unit}在{site}开展{theme}活动，{n}人次参加。")
    if rng.random() < 0.2:
        fm.append(f"description: {theme}主题活动图文报道")
    if rng.random() < 0.3:
        fm.append(f"author: {rng.choice(['王丽', '陈晓东', '刘洋', '赵敏'])}")
    stem = f"{day.isoformat()}-{slug}-{i:05d}"
    pictures = []
    if rng.random() < 0.03:  # photos listed in front matter, through the photo pipeline
        fm.append("photos:")
        for j in range(rng.randint(1, 2)):
            rel = f"{stem}/现场{j + 1}.jpg"
            _jpeg(folder / rel, rng)
            fm += [f"  - src: {rel}", f"    caption: {theme}活动现场{j + 1}"]
    if rng.random() < 0.03:  # an inline picture, through the image gate
        _jpeg(folder.parent.parent / "pictures" / f"{stem}.jpg", rng)
        pictures.append(f"![{theme}宣传展板](../../pictures/{stem}.jpg)")
    fm += ["---", ""]
    length = int(min(4000, max(120, math.exp(rng.gauss(6.4, 0.7)))))
    blocks = body(rng, ctx, length, others)
    if pictures:
        blocks.insert(1, pictures[0])
    return folder / f"{stem}.md", "\n".join(fm) + "\n" + "\n\n".join(blocks) + "\n"


def heldout(out: Path, activities: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    own.generate(out, 0)  # the demo unit without its activities, and the baseline config
    unit = out / "data" / "unit.yml"
    text = unit.read_text(encoding="utf-8")
    unit.write_text(
        text.replace("departments:\n", "departments:\n" + "".join(f"  - {u}\n" for u in UNITS_OF_WORK), 1),
        encoding="utf-8",
    )
    start, end = dt.date(2024, 1, 3), dt.date(2026, 11, 18)
    span = (end - start).days
    written: dict[int, list[str]] = {}
    taken: set = set()
    for i in range(activities):
        day = start + dt.timedelta(days=rng.randint(0, span))
        folder = out / "docs" / "activities" / str(day.year)
        others = written.get(day.year, [])[-20:]
        path, text = activity(rng, day, i, folder, others, taken)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.setdefault(day.year, []).append(path.name)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    heldout(args.out, args.activities, args.seed)
    print(f"{args.out}: {args.activities} held-out activity pages")


if __name__ == "__main__":
    main()
