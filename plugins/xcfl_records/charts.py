"""Geometry of a horizontal bar chart, drawn as inline SVG at build time.

The template (components/bar-chart.html) draws what this computes; the same
rows also fill the chart's <table>, so both always show the same numbers.
"""

WIDTH = 440
LABEL_WIDTH = 170  # Chinese labels up to 9 characters at 16px
VALUE_ROOM = 40
ROW = 32
BAR = 22


def bar_chart(rows):
    """rows: [(label, value, url or None)] -> dict for the bar-chart component."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    bars = []
    for index, (label, value, url) in enumerate(rows):
        top = index * ROW + (ROW - BAR) // 2
        length = max(round(room * value / largest), 2 if value else 0)
        bars.append({
            "label": label, "value": value, "url": url,
            "y": top, "text_y": top + BAR // 2 + 5,
            "width": length, "value_x": LABEL_WIDTH + length + 6,
        })
    return {"width": WIDTH, "height": max(len(rows), 1) * ROW, "label_x": LABEL_WIDTH - 8,
            "bar_x": LABEL_WIDTH, "bar_height": BAR, "bars": bars}
