"""The fixed generated pages beyond the listings: statistics, honours, organisation,
documents. (The coverage view lives at /criteria/, planned with the listings.)"""

from __future__ import annotations

from .records import Content
from .timeline import PageSpec


def page_specs(content: Content) -> list[PageSpec]:
    specs = [PageSpec("stats/index.md", "数据统计", "stats", description="本届创建工作的主要数据和分类统计")]
    if content.honours:
        specs.append(PageSpec("honours/index.md", "荣誉墙", "honours", description="单位获得的各级荣誉"))
    if content.organization:
        specs.append(PageSpec("organization/index.md", "组织领导", "organization",
                              description="创建工作领导小组及其办公室"))
    if content.unit:
        specs.append(PageSpec("print/index.md", "汇报材料（打印版）", "print",
                              description="供检查组阅读的完整汇报材料，可直接打印或另存为 PDF"))
    if content.documents:
        specs.append(PageSpec("documents/index.md", "制度文件", "documents", description="创建工作的制度、方案和文件"))
    # Machine-readable files explained for the public (linked from the footer, not in the nav).
    specs.append(PageSpec("open-data/index.md", "开放数据", "open-data",
                          description="本站活动、照片和统计数据的公开数据文件及其说明"))
    return specs
