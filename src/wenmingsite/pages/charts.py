"""Bar charts as inline SVG, drawn at build time: no script, no CDN, and they print.

Each chart is an image to assistive technology (role="img" with a title and a
description naming every value); pages put a data table beside it. Colours come from
CSS classes, so the theme's palette (and dark mode, and print) apply.
"""

from __future__ import annotations

from html import escape

# Drawn at its own size on wide screens and shrunk to the column on phones: 340 user
# units fit a 360 px phone's text column (about 328 px) at a scale of 0.96, so text of
# FONT units is read at 13 px or more there (the site's floor is 12 px).
WIDTH = 340
FONT = 14


def _fmt(value) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}".rstrip("0").rstrip(".")


def _frame(cid: str, title: str, height: int, description: str, body: list[str]) -> str:
    return (
        f'<svg class="ws-chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-size="{FONT}" role="img" aria-labelledby="{cid}-t {cid}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{cid}-t">{escape(title)}</title><desc id="{cid}-d">{escape(description)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def columns(cid: str, title: str, labels: list[str], values: list[int], unit: str) -> str:
    """Vertical bars, one per label (e.g. the months of a year), value above each bar."""
    top, bottom, side = 22, 26, 2
    height = 200
    plot = height - top - bottom
    n = max(len(values), 1)
    slot = (WIDTH - 2 * side) / n
    peak = max(values + [1])
    body = [f'<line class="ws-chart__axis" x1="{side}" y1="{top + plot}" x2="{WIDTH - side}" y2="{top + plot}"/>']
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = side + i * slot
        h = plot * value / peak
        body.append(
            f'<rect class="ws-chart__bar" x="{x + slot * 0.15:.1f}" y="{top + plot - h:.1f}" '
            f'width="{slot * 0.7:.1f}" height="{h:.1f}"/>'
        )
        body.append(
            f'<text class="ws-chart__value" x="{x + slot / 2:.1f}" y="{top + plot - h - 5:.1f}" '
            f'text-anchor="middle">{_fmt(value)}</text>'
        )
        body.append(
            f'<text class="ws-chart__label" x="{x + slot / 2:.1f}" y="{height - 8}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    description = "；".join(f"{label} {_fmt(v)}{unit}" for label, v in zip(labels, values, strict=True))
    return _frame(cid, title, height, description, body)


def bars(cid: str, title: str, rows: list[tuple[str, int]], unit: str, notes: list[str] | None = None) -> str:
    """Horizontal bars with the label above each bar, so long Chinese names stay legible
    when the chart shrinks to a phone's width. ``notes`` (one per row) are added to the
    description read by assistive technology, e.g. the routine occurrences beside it."""
    row, top = 44, 6
    height = top + row * max(len(rows), 1)
    peak = max([v for _, v in rows] + [1])
    usable = WIDTH - 60
    body = []
    for i, (label, value) in enumerate(rows):
        y = top + i * row
        w = usable * value / peak
        body.append(f'<text class="ws-chart__label" x="0" y="{y + 16}">{escape(label)}</text>')
        body.append(f'<rect class="ws-chart__track" x="0" y="{y + 23}" width="{usable}" height="12" rx="2"/>')
        body.append(f'<rect class="ws-chart__bar" x="0" y="{y + 23}" width="{w:.1f}" height="12" rx="2"/>')
        body.append(f'<text class="ws-chart__value" x="{usable + 8}" y="{y + 34}">{_fmt(value)}</text>')
    notes = notes or [""] * len(rows)
    description = "；".join(f"{label} {_fmt(v)}{unit}{note}" for (label, v), note in zip(rows, notes, strict=True))
    return _frame(cid, title, height, description, body)
