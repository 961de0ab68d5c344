"""Generate the demo unit's certificate photos and downloadable documents.

Certificates are JPEG "photos" of fictional honour certificates (for the honours wall);
documents are short image-based PDFs of fictional rules (for the documents page). The
text is rendered with Noto CJK (Debian: fonts-noto-cjk), needed only to run this script;
the committed outputs were made once:

    python tools/make_demo_documents.py
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DOCS = Path(__file__).resolve().parents[1] / "docs"
FONTS = Path("/usr/share/fonts/opentype/noto")
RED = (178, 24, 30)

CERTIFICATES = [
    (
        "honours/2024-青年文明号.jpg",
        "荣誉证书",
        ["青溪市农业技术推广中心", "农技服务青年突击队："],
        "被评为2024年度市级青年文明号。特发此证，以资鼓励。",
        "共青团青溪市委员会",
        "二〇二四年五月",
    ),
    (
        "honours/2025-模范职工之家.jpg",
        "荣誉证书",
        ["青溪市农业技术推广中心工会："],
        "被命名为青溪市模范职工之家。特发此证。",
        "青溪市总工会",
        "二〇二五年三月",
    ),
]

DOCUMENTS = [
    (
        "documents/创建工作实施方案.pdf",
        "青农技〔2024〕4号",
        "青溪市农业技术推广中心\n第八届市级文明单位创建工作实施方案",
        [
            "一、指导思想",
            "以文明单位创建为抓手，把创建工作与农技推广业务同部署、同推进、同考核，建设群众满意的服务窗口。",
            "二、创建目标",
            "到 2026 年底，测评体系 15 个项目全部达到市级文明单位标准，群众满意率保持在 95% 以上。",
            "三、组织领导",
            "成立创建工作领导小组，中心主任任组长，领导小组办公室设在中心办公室，负责日常工作。",
            "四、任务分工",
            "按测评项目逐项明确牵头领导、责任科室和完成时限，详见责任分解表。",
            "五、工作要求",
            "各科室每季度报送创建工作进展，办公室按测评项目建立台账，创建工作纳入科室年度考核。",
        ],
    ),
    (
        "documents/志愿服务队管理办法.pdf",
        "青农技〔2024〕9号",
        "青溪市农业技术推广中心\n志愿服务队管理办法",
        [
            "第一条",
            "为规范“农技先锋”志愿服务队的组织和管理，制定本办法。",
            "第二条",
            "中心在职职工自愿报名，经团支部登记后成为志愿者，并在志愿服务信息系统注册。",
            "第三条",
            "志愿服务以技术下乡、敬老助残、环境保护、文明宣传为主要内容。",
            "第四条",
            "每次活动结束后三个工作日内，由组织科室录入服务时长并上传照片。",
            "第五条",
            "每年评选优秀志愿者，评选结果作为年度考核的参考。",
        ],
    ),
]


def font(size: int, serif: bool = False, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = f"Noto{'Serif' if serif else 'Sans'}CJK-{'Bold' if bold else 'Regular'}.ttc"
    return ImageFont.truetype(str(FONTS / name), size)


def certificate(rel, heading, to, body, issuer, date) -> None:
    w, h = 1800, 1270
    im = Image.new("RGB", (w, h), (252, 246, 230))
    d = ImageDraw.Draw(im)
    for inset, width in ((30, 14), (62, 4)):
        d.rectangle([inset, inset, w - inset, h - inset], outline=RED, width=width)
    d.text((w / 2, 220), heading, font=font(120, serif=True, bold=True), fill=RED, anchor="mm")
    y = 420
    for line in to:
        d.text((220, y), line, font=font(54, serif=True), fill=(40, 30, 30))
        y += 90
    for line in textwrap.wrap(body, 24):
        d.text((320, y), line, font=font(54, serif=True), fill=(40, 30, 30))
        y += 90
    d.text((w - 260, h - 300), issuer, font=font(48, serif=True), fill=(40, 30, 30), anchor="rm")
    d.text((w - 320, h - 200), date, font=font(44, serif=True), fill=(40, 30, 30), anchor="rm")
    cx, cy = w - 480, h - 260
    d.ellipse([cx - 150, cy - 150, cx + 150, cy + 150], outline=RED, width=10)
    d.regular_polygon((cx, cy, 40), 5, rotation=90, fill=RED)
    out = DOCS / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    im.save(out, "JPEG", quality=82)


def document(rel, number, title, paragraphs) -> None:
    w, h = 1240, 1754  # A4 at 150 dpi
    page = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(page)
    d.text((w / 2, 160), "青溪市农业技术推广中心文件", font=font(64, serif=True, bold=True), fill=0, anchor="mm")
    d.line([(120, 250), (w - 120, 250)], fill=0, width=5)
    d.text((w / 2, 300), number, font=font(32), fill=0, anchor="mm")
    y = 400
    for line in title.split("\n"):
        d.text((w / 2, y), line, font=font(46, serif=True, bold=True), fill=0, anchor="mm")
        y += 70
    y += 40
    for i, text in enumerate(paragraphs):
        heading = i % 2 == 0
        for line in textwrap.wrap(text, 26 if heading else 30):
            d.text((150 if heading else 190, y), line, font=font(36, bold=heading), fill=0)
            y += 58
        y += 10 if heading else 24
    out = DOCS / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    page.save(out, "PDF", resolution=150, title=title.replace("\n", ""), author="", producer="", creator="")


def main() -> int:
    if not FONTS.is_dir():
        print("需要 Noto CJK 字体：apt-get install fonts-noto-cjk", file=sys.stderr)
        return 1
    for spec in CERTIFICATES:
        certificate(*spec)
    for spec in DOCUMENTS:
        document(*spec)
    for rel in [c[0] for c in CERTIFICATES] + [d[0] for d in DOCUMENTS]:
        print(rel, (DOCS / rel).stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
