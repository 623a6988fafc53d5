"""Charts for reports and the dashboard, drawn with matplotlib's Agg backend (no display, safe in a web
worker). Every chart carries the table it was drawn from and a sentence of alt text, so a reader who
cannot see it, and a screen reader, get the same facts."""

import base64
import io
from collections import OrderedDict
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402  (the backend is chosen first)

# GOV.UK colours: blue, red, orange, green, dark grey, light grey.
COLOURS = ["#1d70b8", "#d4351c", "#f47738", "#00703c", "#505a5f", "#b1b4b6"]
STACK_COLOURS = ["#d4351c", "#f47738", "#00703c", "#1d70b8", "#505a5f"]


@dataclass
class Chart:
    title: str
    columns: list
    rows: list
    alt: str
    png: bytes = field(default=b"", repr=False)

    @property
    def display_rows(self):
        from .document import display

        return [[display(v) for v in row] for row in self.rows]

    @property
    def data_uri(self):
        return "data:image/png;base64," + base64.b64encode(self.png).decode()


def _png(figure):
    buffer = io.BytesIO()
    figure.set_layout_engine("tight")
    figure.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


# The same chart is drawn for the preview, the DOCX and the PDF of one report: keep the last few images,
# keyed by everything that decides them, so a preview followed by two downloads draws each chart once.
_DRAWN = OrderedDict()


def _remembered(key, draw):
    if key in _DRAWN:
        _DRAWN.move_to_end(key)
        return _DRAWN[key]
    png = draw()
    _DRAWN[key] = png
    while len(_DRAWN) > 64:
        _DRAWN.popitem(last=False)
    return png


def _short(label, width=38):
    label = str(label)
    return label if len(label) <= width else label[: width - 1] + "…"


def bar(title, columns, rows, *, alt, horizontal=False, money=False, render=True):
    chart = Chart(title, columns, [list(r) for r in rows], alt)
    if render:
        chart.png = _remembered(
            ("bar", title, repr(chart.rows), horizontal, money), lambda: _bar(chart, horizontal, money)
        )
    return chart


def _bar(chart, horizontal, money):
    columns, rows = chart.columns, chart.rows
    labels = [_short(r[0]) for r in rows]
    values = [float(r[1]) for r in rows]
    figure = Figure(figsize=(7, max(2.5, 0.38 * len(rows) + 1) if horizontal else 3.2))
    axes = figure.subplots()
    positions = list(range(len(labels)))
    if horizontal:
        axes.barh(positions, values[::-1], color=COLOURS[0])
        axes.set_yticks(positions, labels[::-1])
        axes.set_xlabel(columns[1])
    else:
        axes.bar(positions, values, color=COLOURS[0])
        axes.set_xticks(positions, labels)
        axes.set_ylabel(columns[1])
        if len(labels) > 6 or max((len(x) for x in labels), default=0) > 8:
            axes.tick_params(axis="x", labelrotation=35)
            for tick in axes.get_xticklabels():
                tick.set_horizontalalignment("right")
    if not money:
        axes.yaxis.get_major_locator().set_params(integer=True) if not horizontal else None
        axes.xaxis.get_major_locator().set_params(integer=True) if horizontal else None
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def stacked_bar(title, columns, rows, *, alt, colours=None, render=True):
    """rows: [label, count for columns[1], count for columns[2], ...], drawn as horizontal stacks."""
    chart = Chart(title, columns, [list(r) for r in rows], alt)
    if render:
        key = ("stacked", title, repr(columns), repr(chart.rows), repr(colours))
        chart.png = _remembered(key, lambda: _stacked(chart, colours))
    return chart


def _stacked(chart, colours):
    columns, rows = chart.columns, chart.rows
    labels = [_short(r[0]) for r in rows][::-1]
    figure = Figure(figsize=(7, max(2.5, 0.38 * len(rows) + 1.2)))
    axes = figure.subplots()
    left = [0] * len(rows)
    positions = list(range(len(rows)))
    axes.set_yticks(positions, labels)
    for index, name in enumerate(columns[1:]):
        values = [r[index + 1] for r in rows][::-1]
        axes.barh(positions, values, left=left, color=(colours or STACK_COLOURS)[index % 5], label=name)
        left = [a + b for a, b in zip(left, values)]
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(columns) - 1, frameon=False, fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def grouped_bar(title, columns, rows, *, alt, render=True):
    """rows: [label, value of columns[1], value of columns[2]], bars side by side (this year beside last)."""
    chart = Chart(title, columns, [list(r) for r in rows], alt)
    if render:
        chart.png = _remembered(("grouped", title, repr(columns), repr(chart.rows)), lambda: _grouped(chart))
    return chart


def _grouped(chart):
    columns, rows = chart.columns, chart.rows
    labels = [_short(r[0], 28) for r in rows][::-1]
    figure = Figure(figsize=(7, max(2.5, 0.5 * len(rows) + 1.2)))
    axes = figure.subplots()
    height = 0.8 / (len(columns) - 1)
    for index, name in enumerate(columns[1:]):
        positions = [y + index * height for y in range(len(rows))]
        values = [r[index + 1] for r in rows][::-1]
        axes.barh(positions, values, height=height, color=COLOURS[index % len(COLOURS)], label=name)
    axes.set_yticks([y + height / 2 for y in range(len(rows))], labels)
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(columns) - 1, frameon=False, fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)
