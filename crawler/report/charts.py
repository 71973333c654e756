"""Geometry of the inline SVG charts; reports/charts.html.j2 draws it (autoescaped).

Fills are paired with hatch patterns so the bars stay distinguishable on a black-and-white printer.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from crawler.models import Status
from crawler.report.analysis import BriefView
from crawler.report.model import pct, period_ru
from crawler.report.wording import clip_words

LABEL_W = 300.0
BAR_W = 400.0
ROW_H = 20.0
TOP = 28.0


class Segment(BaseModel):
    x: float
    width: float
    css: str  # class with fill and pattern
    title: str


class BarRow(BaseModel):
    y: float
    label: str
    segments: list[Segment]
    value_text: str
    href: str | None = None


class Tick(BaseModel):
    x: float
    label: str
    dashed: bool = False


class BarChart(BaseModel):
    width: float
    height: float
    label_w: float = LABEL_W
    bar_w: float = BAR_W
    row_h: float = ROW_H
    top: float = TOP
    rows: list[BarRow]
    ticks: list[Tick]
    legend: list[tuple[str, str]] = Field(default_factory=list)  # (css, label)
    caption: str


class LinePoint(BaseModel):
    x: float
    y: float
    label: str
    value_text: str


class LineChart(BaseModel):
    width: float
    height: float
    left: float
    top: float
    plot_w: float
    plot_h: float
    points: list[LinePoint]
    path: str
    grid: list[tuple[float, str]]  # (y, label)
    caption: str


class Charts(BaseModel):
    shares: BarChart
    scores: BarChart | None
    trend: LineChart | None


def _short(text: str, limit: int = 42) -> str:
    return clip_words(text, limit)


def _axis_ticks(extra: list[tuple[float, str]] | None = None) -> list[Tick]:
    ticks = [Tick(x=LABEL_W + BAR_W * v / 100, label=f"{v} %") for v in (0, 25, 50, 75, 100)]
    for value, name in extra or []:
        ticks.append(Tick(x=LABEL_W + BAR_W * value / 100, label=name, dashed=True))
    return ticks


def shares_chart(view: BriefView) -> BarChart:
    rows: list[BarRow] = []
    for i, st in enumerate(view.stats):
        y = TOP + i * ROW_H
        segments: list[Segment] = []
        x = LABEL_W
        if st.checked:
            for status in (Status.met, Status.partial, Status.not_met):
                share = st.counts[status] / st.checked
                if share <= 0:
                    continue
                width = BAR_W * share
                segments.append(
                    Segment(
                        x=x,
                        width=width,
                        css=f"bar-{status.value.replace('_', '-')}",
                        title=f"{st.counts[status]} из {st.checked}",
                    )
                )
                x += width
        rows.append(
            BarRow(
                y=y,
                label=_short(st.criterion.title),
                segments=segments,
                value_text=pct(st.share) if st.checked else "н/д",
            )
        )
    height = TOP + len(rows) * ROW_H + 34
    return BarChart(
        width=LABEL_W + BAR_W + 60,
        height=height,
        rows=rows,
        ticks=_axis_ticks(),
        legend=[
            ("bar-met", "выполнено"),
            ("bar-partial", "частично"),
            ("bar-not-met", "не выполнено"),
        ],
        caption="Доля проверенных организаций, выполняющих критерий (справа — % «выполнено»)",
    )


def scores_chart(view: BriefView) -> BarChart | None:
    scored = [o for o in view.orgs if o.score is not None]
    if not scored:
        return None
    scored.sort(key=lambda o: (-(o.score or 0), o.org.name))
    rows = []
    for i, o in enumerate(scored):
        width = BAR_W * (o.score or 0) / 100
        css = f"bar-zone-{o.zone_index}" if o.zone_index is not None else "bar-zone-x"
        rows.append(
            BarRow(
                y=TOP + i * ROW_H,
                label=_short(o.org.name),
                segments=[Segment(x=LABEL_W, width=max(width, 0.5), css=css, title=o.zone or "")],
                value_text=o.score_text,
                href="#" + o.anchor,
            )
        )
    zones = [(minimum, name) for name, minimum in view.data.zones if 0 < minimum < 100]
    legend = [(f"bar-zone-{i}", name) for i, (name, _) in enumerate(view.data.zones)]
    return BarChart(
        width=LABEL_W + BAR_W + 60,
        height=TOP + len(rows) * ROW_H + 34,
        rows=rows,
        ticks=_axis_ticks(zones),
        legend=legend,
        caption="Уровень выполнения критериев по организациям, % (пунктир — границы зон)",
    )


def trend_chart(view: BriefView) -> LineChart | None:
    series = [s for s in view.trend if s.mean_score is not None]
    if len(series) < 2:
        return None
    left, top, plot_w, plot_h = 50.0, 20.0, 520.0, 110.0
    pad = 30.0  # keep the first and last labels off the axis labels
    step = (plot_w - 2 * pad) / (len(series) - 1)
    points = [
        LinePoint(
            x=left + pad + i * step,
            y=top + plot_h * (1 - (s.mean_score or 0) / 100),
            label=period_ru(s.period),
            value_text=pct(s.mean_score, 1),
        )
        for i, s in enumerate(series)
    ]
    path = " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(points))
    grid = [(top + plot_h * (1 - v / 100), f"{v} %") for v in (0, 25, 50, 75, 100)]
    return LineChart(
        width=left + plot_w + 60,
        height=top + plot_h + 40,
        left=left,
        top=top,
        plot_w=plot_w,
        plot_h=plot_h,
        points=points,
        path=path,
        grid=grid,
        caption="Средний уровень выполнения критериев по округу в динамике, %",
    )


def build_charts(view: BriefView) -> Charts:
    return Charts(shares=shares_chart(view), scores=scores_chart(view), trend=trend_chart(view))
