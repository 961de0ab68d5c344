"""Generate a synthetic unit in the project's own format, for benchmarks and scale tests.

    python bench/generate.py OUT --activities 2000

OUT gets mkdocs.yml (using the installed wenming plugin), data/ (the demo unit's profile,
criteria, categories, holidays and routines) and N activity pages with 500–800 characters
of realistic Chinese text and complete front matter, spread over the demo's term.
Output is deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CATEGORIES = ["志愿服务", "学习教育", "文体活动", "宣传教育", "业务服务", "帮扶共建", "环境建设", "制度建设"]
DEPARTMENTS = ["办公室", "农技推广科", "植保站", "土肥站", "经济作物站", "培训科", "机关党支部", "工会", "团支部"]
PLACES = [
    "中心三楼会议室",
    "青溪市石门镇桃源村",
    "白沙乡青石村",
    "滨河区农贸市场",
    "中心职工之家",
    "试验基地",
    "石门镇敬老院",
    "滨河绿道",
    "白沙乡农民文化礼堂",
]
TOPICS = [
    "春耕技术",
    "病虫害绿色防控",
    "测土配方施肥",
    "果树修剪",
    "文明礼仪",
    "垃圾分类",
    "普法宣传",
    "廉政教育",
    "志愿服务",
    "读书分享",
    "健康讲座",
    "消防安全",
    "结对帮扶",
    "农产品质量安全",
]
ACTS = ["培训", "宣传", "志愿服务", "座谈会", "现场指导", "主题活动", "专题学习", "检查", "慰问", "交流会"]
SENTENCES = [
    "活动由{dept}牵头组织，{n}名干部职工参加。",
    "{dept}提前一周制定了活动方案，明确了分工和安全要求。",
    "技术人员结合{topic}的实际问题，采用现场讲解和示范操作相结合的方式开展工作。",
    "大家围绕{topic}进行了深入交流，现场解答群众提出的问题十余个。",
    "活动中发放宣传资料和技术明白纸，受到群众的普遍欢迎。",
    "通过这次活动，干部职工进一步增强了服务意识，提高了业务能力。",
    "活动结束后，{dept}对群众反映的问题逐一登记，并在一周内跟踪回访。",
    "中心把这项工作纳入创建台账，作为{topic}方面的常态化工作长期坚持。",
    "参加活动的同志纷纷表示，要把学到的知识运用到日常工作中，以实际行动践行文明创建要求。",
    "当天天气晴好，现场秩序井然，各项环节衔接紧凑，达到了预期效果。",
    "为确保活动实效，工作人员事先走访了部分农户，了解他们在{topic}方面的具体需求。",
    "下一步，中心将继续围绕{topic}开展系列活动，推动创建工作走深走实。",
]


def paragraph(rng: random.Random, dept: str, topic: str, n: int, target: int) -> str:
    text = ""
    while len(text) < target:
        text += rng.choice(SENTENCES).format(dept=dept, topic=topic, n=n)
    return text


def activity(rng: random.Random, day: dt.date, i: int) -> tuple[str, str]:
    dept, topic, act = rng.choice(DEPARTMENTS), rng.choice(TOPICS), rng.choice(ACTS)
    n = rng.randint(8, 300)
    title = f"{topic}{act}（第{i}期）"
    lines = [
        "---",
        f"title: {title}",
        f"date: {day.isoformat()}",
        f"category: {rng.choice(CATEGORIES)}",
        f"department: {dept}",
        f"location: {rng.choice(PLACES)}",
        f"participants: {n}",
    ]
    if rng.random() < 0.3:
        lines.append(f"volunteer_hours: {rng.randint(4, 200)}")
    if rng.random() < 0.2:
        lines.append(f"amount: {rng.randint(200, 50000)}")
    lines += [f"summary: {dept}组织开展{topic}{act}，{n}人次参加。", "---", ""]
    total = rng.randint(500, 800)
    first = rng.randint(total // 3, total // 2)
    body = [paragraph(rng, dept, topic, n, first), paragraph(rng, dept, topic, n, total - first)]
    return f"{day.isoformat()}-{i:05d}", "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def baseline_config(yml: str) -> str:
    """The same site for plain MkDocs + Material: same theme, plugins and search settings,
    our plugin removed, report sections listed in the nav by hand, activities out of the nav."""
    plugin = re.compile(r"(?m)^  - wenming\b.*\n")
    assert plugin.search(yml), "mkdocs.yml names no wenming plugin"
    yml = plugin.sub("", yml)
    head = yml[: yml.index("theme:")]
    theme = yml[yml.index("theme:") :]
    nav_at = theme.index("nav:")
    sections = sorted(p.name for p in (REPO / "docs" / "report").glob("*.md"))
    nav = "nav:\n  - 首页: index.md\n  - 创建汇报:\n" + "".join(f"      - report/{n}\n" for n in sections)
    return head + theme[:nav_at] + "not_in_nav: |\n  /activities/\n" + nav


def generate(out: Path, activities: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    yml = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (out / "mkdocs.yml").write_text(yml, encoding="utf-8")
    (out / "mkdocs-baseline.yml").write_text(baseline_config(yml), encoding="utf-8")
    shutil.copytree(REPO / "data", out / "data")
    # The demo's banner is one of its activity photos, which the synthetic unit does not have.
    unit = out / "data" / "unit.yml"
    unit.write_text(re.sub(r"(?m)^banner:.*\n", "", unit.read_text(encoding="utf-8")), encoding="utf-8")
    # Everything of the demo but its activities: report, honours, documents, assets.
    shutil.copytree(
        REPO / "docs", out / "docs", ignore=lambda d, names: ["activities"] if d == str(REPO / "docs") else []
    )
    start, end = dt.date(2024, 1, 2), dt.date(2026, 11, 20)
    span = (end - start).days
    for i in range(activities):
        day = start + dt.timedelta(days=rng.randint(0, span))
        name, text = activity(rng, day, i)
        path = out / "docs" / "activities" / str(day.year) / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--activities", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.activities, args.seed)
    print(f"{args.out}: {args.activities} activity pages")


if __name__ == "__main__":
    main()
