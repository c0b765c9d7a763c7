"""The exporters: HTML without code or prompts, PDF with page numbers, untrusted text kept as text."""
from __future__ import annotations

import io

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from briefing import report
from briefing.render import BriefingHTMLExporter, BriefingPDFExporter, render

EVIL = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


def _notebook(n_rows: int = 3):
    quotes = pd.DataFrame({"speaker": ["Envoy <b>Y</b>"] * n_rows, "quote": [f"{EVIL} #{i}" for i in range(n_rows)],
                           "ref": [1] * n_rows, "article": ["evil.txt"] * n_rows})
    title = report.title_block(f"Title {EVIL}", {"since": "", "until": ""}, 1, 10, "now")
    nb = new_notebook()
    nb.cells = [
        new_code_cell("display(HTML(title))", outputs=[new_output("display_data", data={"text/html": title})]),
        new_markdown_cell("## Quotes"),
        new_code_cell("SECRET_CODE = 1", execution_count=3,
                      outputs=[new_output("display_data", data={"text/html": report.html_table(quotes, caption="Q")})]),
    ]
    return nb


@pytest.fixture(scope="module")
def html_text():
    body, _ = BriefingHTMLExporter().from_notebook_node(_notebook())
    return body


def test_html_has_no_code_prompts_or_scripts(html_text):
    assert "SECRET_CODE" not in html_text and "display(HTML" not in html_text
    assert "In&nbsp;[" not in html_text and "In [" not in html_text
    assert "<script" not in html_text.lower()
    assert "require.js" not in html_text and "mathjax" not in html_text.lower()


def test_html_escapes_injected_markup(html_text):
    assert "<img src=x" not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html_text


def test_html_has_print_css(html_text):
    assert "@page" in html_text and "counter(pages)" in html_text and "size: A4" in html_text


def test_pdf_has_page_x_of_y_and_markup_as_text():
    from pypdf import PdfReader

    pdf, resources = BriefingPDFExporter().from_notebook_node(_notebook(n_rows=60))
    assert resources["output_extension"] == ".pdf" and pdf[:5] == b"%PDF-"
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    texts = [" ".join(p.extract_text().split()) for p in pages]
    for i, t in enumerate(texts, 1):
        assert f"page {i} of {len(pages)}" in t
    assert "Title <script>alert(1)</script>" in texts[1]  # running header on later pages
    assert "<img src=x onerror=alert(1)>" in texts[0]


def test_render_writes_requested_formats_only(tmp_path):
    written = render(_notebook(), ["html"], tmp_path)
    assert set(written) == {"html"} and (tmp_path / "briefing.html").exists()
    assert not (tmp_path / "briefing.pdf").exists()


def test_exporters_are_registered_for_jupyterlab():
    from nbconvert.exporters import get_export_names, get_exporter

    names = get_export_names()
    assert "briefing_pdf" in names and "briefing_html" in names
    assert get_exporter("briefing_pdf") is BriefingPDFExporter
