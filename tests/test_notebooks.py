"""CI executes both notebooks on the seeds with papermill (as JupyterLab users and `briefing build` would)."""
from __future__ import annotations

from pathlib import Path

import papermill as pm
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _outputs(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            parts.append(str(data.get("text/html", "")) + str(data.get("text/plain", "")) + str(out.get("text", "")))
    return "\n".join(parts)


def test_notebooks_are_committed_without_outputs():
    import nbformat

    for name in ("briefing.ipynb", "explore.ipynb"):
        nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        assert all(not c.get("outputs") and c.get("execution_count") is None
                   for c in nb.cells if c.cell_type == "code"), name


def test_briefing_notebook_runs_on_the_seeds(tmp_path):
    nb = pm.execute_notebook(str(ROOT / "notebooks" / "briefing.ipynb"), str(tmp_path / "out.ipynb"),
                             parameters={"corpus": str(ROOT / "seeds"), "out_dir": str(tmp_path),
                                         "since": "2024-10-01", "title": "CI briefing"},
                             progress_bar=False, cwd=str(ROOT))
    text = _outputs(nb)
    assert "CI briefing" in text and "Latest figure per claimant" in text
    assert (tmp_path / "escalation.svg").exists() and (tmp_path / "escalation.csv").exists()


def test_briefing_notebook_refuses_an_unknown_parameter(tmp_path):
    with pytest.raises(pm.PapermillExecutionError, match="unknown parameter sinse"):
        pm.execute_notebook(str(ROOT / "notebooks" / "briefing.ipynb"), str(tmp_path / "out.ipynb"),
                            parameters={"corpus": str(ROOT / "seeds"), "out_dir": str(tmp_path), "sinse": "2024"},
                            progress_bar=False, cwd=str(ROOT))


def test_explore_notebook_runs_on_the_seeds(tmp_path):
    nb = pm.execute_notebook(str(ROOT / "notebooks" / "explore.ipynb"), str(tmp_path / "out.ipynb"),
                             parameters={"corpus": str(ROOT / "seeds"), "out_dir": str(tmp_path / "data")},
                             progress_bar=False, cwd=str(ROOT / "notebooks"))
    text = _outputs(nb)
    assert "<mark" in text  # the highlighted article
    assert (tmp_path / "data" / "figures.csv").exists()
