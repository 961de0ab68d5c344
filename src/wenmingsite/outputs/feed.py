"""RSS 2.0 feed of the activities that have a page of their own and of the notices (通知公告)."""

from __future__ import annotations

import datetime as dt
import html
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from wenmingsite.loading.records import Content

CHINA = dt.timezone(dt.timedelta(hours=8), "CST")
FEED_ITEMS = 30


def _when(day: dt.date) -> str:
    # Activities have a day, not a time: publish them at local noon so that no reader's
    # time zone moves them to another date.
    return format_datetime(dt.datetime.combine(day, dt.time(12), CHINA))


def rss(
    content: Content, records: list[dict], site_url: str, feed_path: str, title: str, urls: dict[str, str] | None = None
) -> str:
    """The newest activity pages and notices as an RSS 2.0 document (UTF-8, Chinese text as
    is). ``urls``: every page's URL (a notice's comes from it)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    items = [r for r in records if r["url"]]
    for n in content.announcements:  # published ones only: pending notices left the content
        if url := (urls or {}).get(n.page):
            items.append(
                {"title": n.title, "url": url, "date": n.date.isoformat(), "id": n.page, "category": "通知公告"}
                | {"summary": n.summary}
            )
    items = sorted(items, key=lambda r: (r["date"], r["id"]), reverse=True)[:FEED_ITEMS]
    unit = content.unit
    what = "创建活动和通知公告" if content.announcements else "创建活动"
    description = f"{unit.name}{unit.term}{unit.title_sought}{what}" if unit else title
    last = _when(dt.date.fromisoformat(items[0]["date"])) if items else None
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{escape(title)}</title>",
        f"<link>{escape(base)}</link>",
        f"<description>{escape(description)}</description>",
        "<language>zh-CN</language>",
        f'<atom:link href={quoteattr(base + feed_path)} rel="self" type="application/rss+xml"/>',
    ]
    if last:
        out.append(f"<lastBuildDate>{last}</lastBuildDate>")
    for r in items:
        link = base + r["url"]
        out += [
            "<item>",
            f"<title>{escape(r['title'])}</title>",
            f"<link>{escape(link)}</link>",
            f'<guid isPermaLink="true">{escape(link)}</guid>',
            f"<pubDate>{_when(dt.date.fromisoformat(r['date']))}</pubDate>",
            f"<category>{escape(r['category'])}</category>",
        ]
        if r["summary"]:
            # RSS readers render <description> as HTML: a summary is text, so it is escaped
            # as HTML first, then for XML.
            out.append(f"<description>{escape(html.escape(r['summary'], quote=False))}</description>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)
