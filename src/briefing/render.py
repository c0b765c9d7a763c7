"""nbconvert exporters for the briefing: HTML without code, and PDF from that HTML via WeasyPrint.

Registered as nbconvert entry points (`briefing_html`, `briefing_pdf`, see
pyproject.toml), so JupyterLab's "Save and Export Notebook As" offers them and
`jupyter nbconvert --to briefing_pdf` works. WeasyPrint rather than LaTeX or a
headless browser: it is a pip dependency with no system TeX or Chromium, and it
honours CSS paged media (`@page`, running headers, "page X of Y").
"""
from __future__ import annotations

import sys
from pathlib import Path

from nbconvert.exporters import Exporter, HTMLExporter
from traitlets import Bool, Unicode, default

TEMPLATES = Path(__file__).with_name("templates")


class NotExecuted(ValueError):
    """The notebook has code cells but none has run: its briefing would be a title and no content."""


def check_executed(nb, name: str = "the notebook") -> None:
    """Refuse a notebook whose code cells have never run (as committed, without outputs): exported
    as it is, it gives a near-empty one-page briefing that looks like a real one."""
    code = [c for c in nb.cells if c.get("cell_type") == "code"]
    if code and not any(c.get("outputs") or c.get("execution_count") is not None for c in code):
        raise NotExecuted(
            f"{name} has not been run (none of its code cells has output), so its briefing would be empty. "
            f"Run it first: `briefing build` renders the briefing (reports/latest/briefing.pdf), or run all "
            f"cells in JupyterLab and export again, or export an executed notebook, e.g. "
            f"`jupyter nbconvert --to briefing_pdf reports/latest/briefing.ipynb`")


class BriefingHTMLExporter(HTMLExporter):
    """The `lab` HTML with our template: no code, no prompts, print CSS for A4."""

    export_from_notebook = "Briefing HTML"

    def _preprocess(self, nb, resources):
        # After the preprocessors, so `jupyter nbconvert --execute` runs the notebook before the check.
        nb, resources = super()._preprocess(nb, resources)
        meta = (resources or {}).get("metadata", {})
        name = meta.get("name")
        try:
            check_executed(nb, f"{name}.ipynb" if name else "the notebook")
        except NotExecuted as exc:
            _refuse(exc)
        return nb, resources

    @default("template_name")
    def _template_name_default(self):
        return "briefing"

    @default("exclude_input")
    def _exclude_input_default(self):
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self):
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self):
        return True

    @default("anchor_link_text")
    def _anchor_link_text_default(self):
        return ""  # no pilcrows after headings in a printed briefing

    @default("embed_images")
    def _embed_images_default(self):
        return True

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self):
        # Our template folder first, so `template_name = "briefing"` resolves to the packaged one.
        return [str(TEMPLATES)]


class BriefingPDFExporter(Exporter):
    """The briefing HTML printed to PDF by WeasyPrint (A4, running title, page X of Y)."""

    export_from_notebook = "Briefing PDF"
    output_mimetype = "application/pdf"
    html_exporter_class = BriefingHTMLExporter
    base_url = Unicode("", help="where relative links/images in the HTML resolve").tag(config=True)
    optimize_images = Bool(False).tag(config=True)

    @default("file_extension")
    def _file_extension_default(self):
        return ".pdf"

    def from_notebook_node(self, nb, resources=None, **kw):
        html_exporter = BriefingHTMLExporter(config=self.config, parent=self)
        body, resources = html_exporter.from_notebook_node(nb, resources=resources, **kw)
        resources = dict(resources or {})
        resources["output_extension"] = ".pdf"
        return html_to_pdf(body, base_url=self.base_url or resources.get("metadata", {}).get("path") or "."), resources


def _refuse(exc: NotExecuted) -> None:
    """On the `jupyter nbconvert` command line: the message and exit status 2, not a traceback. Elsewhere
    (JupyterLab's export menu, a script) the exception itself, which JupyterLab shows as the error."""
    from nbconvert.nbconvertapp import NbConvertApp

    if NbConvertApp.initialized():
        print(f"briefing export: error: {exc}", file=sys.stderr)
        NbConvertApp.instance().exit(2)
    raise exc


def html_to_pdf(html_text: str, base_url: str = ".") -> bytes:
    """PDF bytes for the briefing HTML. Scripts are never run: WeasyPrint has no JavaScript."""
    from weasyprint import HTML
    return HTML(string=html_text, base_url=str(base_url)).write_pdf()


def render(nb, formats: list[str], out_dir: Path, stem: str = "briefing") -> dict[str, Path]:
    """Write `stem`.html and/or `stem`.pdf for an executed notebook node into `out_dir`.

    The HTML is produced once and reused for the PDF.
    """
    out_dir = Path(out_dir)
    written = {}
    body, _ = BriefingHTMLExporter().from_notebook_node(nb, resources={"metadata": {"path": str(out_dir)}})
    if "html" in formats:
        written["html"] = out_dir / f"{stem}.html"
        written["html"].write_text(body, encoding="utf-8")
    if "pdf" in formats:
        written["pdf"] = out_dir / f"{stem}.pdf"
        written["pdf"].write_bytes(html_to_pdf(body, base_url=str(out_dir)))
    return written
