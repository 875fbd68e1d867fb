"""A PDF report: a title, meta lines (who, start and end, date), tables and totals. The lab's reconciliation
report uses it now and the count reports of the supervisor screens can later.

reportlab, not Qt's QPdfWriter: it is pure Python, needs no QGuiApplication (so services and the headless
commands can write PDFs), repeats a table's header row on every page and ships its own TrueType font (Bitstream
Vera), so names with en dashes, umlauts or accents print on any system.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

FONT = "ScanAppVera"
BOLD = "ScanAppVeraBold"


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]]
    empty: str = "None."
    weights: list[float] | None = None
    """Each column's share of the page's width (None: reportlab's own, equal widths)."""


@dataclass(frozen=True)
class Document:
    title: str
    meta: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    totals: list[tuple[str, str]] = field(default_factory=list)


@cache
def _fonts() -> None:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "VeraBd.ttf")))


def render(doc: Document) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as Grid

    _fonts()
    title = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=6)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("body", fontName=FONT, fontSize=8, leading=10)
    head = ParagraphStyle("head", fontName=BOLD, fontSize=8, leading=10)
    out = io.BytesIO()
    page = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=doc.title,
    )

    def cell(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(_escape(text), style)

    story: list[object] = [cell(doc.title, title)]
    if doc.meta:
        meta = Grid([[cell(k, head), cell(v)] for k, v in doc.meta], colWidths=[45 * mm, None], hAlign="LEFT")
        meta.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        story.append(meta)
    for table in doc.tables:
        story.append(cell(table.title, heading))
        if not table.rows:
            story.append(cell(table.empty))
            continue
        grid = LongTable(
            [[cell(h, head) for h in table.headers], *[[cell(str(v)) for v in row] for row in table.rows]],
            repeatRows=1,
            hAlign="LEFT",
            colWidths=_widths(table.weights, page.width),
        )
        grid.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaed")),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#bdc1c6")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(grid)
    if doc.totals:
        story.append(cell("Totals", heading))
        totals = Grid([[cell(k, head), cell(v)] for k, v in doc.totals], colWidths=[60 * mm, None], hAlign="LEFT")
        story.append(totals)
    story.append(Spacer(1, 4 * mm))
    page.build(story)
    return out.getvalue()


def _widths(weights: list[float] | None, width: float) -> list[float] | None:
    if not weights:
        return None
    total = sum(weights)
    return [width * w / total for w in weights]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
