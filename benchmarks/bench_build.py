"""Speed of `briefing build` on the seeds against the bare toolchain floor.

floor = a fresh process running papermill on a one-cell notebook, nbconvert's
stock HTML exporter on the result, and the same WeasyPrint PDF step: the cost
no briefing can avoid (kernel start, nbformat/nbconvert imports, PDF layout).
build = a fresh process running `briefing build --force` (extraction, chart,
all tables, HTML and PDF). Each is timed as the best of N runs. Target: ratio <= 1.5.
Prints the figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = r'''
import sys, nbformat, papermill as pm
from nbconvert import HTMLExporter
from weasyprint import HTML
tmp = sys.argv[1]
nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
nb.cells = [nbformat.v4.new_code_cell("print('hello')")]
nbformat.write(nb, tmp + "/one.ipynb")
out = pm.execute_notebook(tmp + "/one.ipynb", tmp + "/one.out.ipynb", progress_bar=False)
body, _ = HTMLExporter().from_notebook_node(out)
open(tmp + "/one.html", "w").write(body)
HTML(string=body).write_pdf(tmp + "/one.pdf")
'''


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--corpus", default=str(ROOT / "seeds"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        floor = min(timed([sys.executable, "-c", FLOOR, tmp]) for _ in range(args.repeat))
        build = min(timed([sys.executable, "-m", "briefing", "build", "--corpus", args.corpus, "--out",
                           f"{tmp}/reports", "--force"]) for _ in range(args.repeat))
    print(f"toolchain floor (papermill 1 cell + nbconvert HTML + WeasyPrint PDF): {floor:6.2f} s")
    print(f"briefing build on {Path(args.corpus).name} (html,pdf):                  {build:6.2f} s")
    print(f"ratio: {build / floor:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
