"""``workbench.portfolio.load``: the analyst's pandas API, and the notebook that shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from workbench.errors import InputError
from workbench.portfolio import Portfolio, load
from workbench.settings import ROOT

NWPU = "Northwestern Polytechnical University"


@pytest.fixture(scope="module")
def out_dir(local_run: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("portfolio-out")
    local_run.tables.write(out)
    return out


@pytest.fixture(scope="module")
def pf(out_dir: Path) -> Portfolio:
    return load(out_dir)


def test_load_reads_back_every_table(pf: Portfolio, local_run: Any) -> None:
    for name, frame in local_run.tables.frames().items():
        got = getattr(pf, name)
        assert list(got.columns) == list(frame.columns), name
        assert len(got) == len(frame), name


def test_an_organisation_on_two_lists_is_counted_once(pf: Portfolio) -> None:
    # D-005: two people co-authored with NWPU and are currently affiliated with it; NWPU is on
    # METI's list and the US Entity List: 2 people x 2 checks = 4 findings, whatever the rows.
    f = pf.findings
    d005 = f[(f["proposal_id"] == "ASPIRE-2025-D-005") & (f["organisation_name"] == NWPU)]
    assert set(d005["lists"].str.split("; ").sum()) == {
        "METI End User List",
        "US Consolidated Screening List",
    }
    assert len(d005) == 4  # one row per distinct finding, citing both lists
    distinct = pf.distinct_findings()
    mine = distinct[
        (distinct["proposal_id"] == "ASPIRE-2025-D-005") & (distinct["organisation_name"] == NWPU)
    ]
    assert len(mine) == 4
    assert set(mine["subject"]) == set(d005["subject"]) and len(set(mine["subject"])) == 2
    assert all(
        set(lists.split("; ")) == set(d005["lists"].iloc[0].split("; ")) for lists in mine["lists"]
    )
    orgs = pf.per_organisation().set_index("organisation_name")
    # D-005 and its Parquet copy (D-005-PQ) each count 4
    assert orgs.loc[NWPU, "findings"] == 8 and orgs.loc[NWPU, "proposals"] == 2


def test_distinct_counts_agree_across_queries(pf: Portfolio) -> None:
    counts = pf.counts().iloc[0]
    distinct = pf.distinct_findings()
    assert counts["findings"] == len(distinct) <= len(pf.findings)
    assert counts["screened"] + counts["failed"] == counts["proposals"] == len(pf.proposals)
    for query in (pf.per_call, pf.per_field, pf.per_year):
        table = query()
        assert table["findings"].sum() == counts["findings"], query.__name__
        assert table["proposals"].sum() == counts["screened"], query.__name__
        assert table["with_findings"].sum() == counts["with_findings"], query.__name__
    by_field = pf.per_field().set_index("field")
    assert set(by_field.index) == {"quantum", "semiconductors"}
    listed = distinct[distinct["organisation"].notna()]
    assert pf.per_organisation()["findings"].sum() == len(listed)
    years = pf.per_call_year()
    assert years["year"].tolist() == ["2025"] and years["findings"].sum() == counts["findings"]


def test_links_per_year_are_distinct_works(pf: Portfolio) -> None:
    links = pf.links_per_year()
    ev = pf.evidence
    ev = ev[(ev["check"] == "recent_coauthorship") & ev["entry_id"].notna()]
    assert links["links"].sum() <= ev["work_id"].notna().sum()
    assert links["year"].between(2022, 2025).all() and (links["links"] > 0).all()
    assert not links.duplicated(["year", "organisation_name"]).any()


def test_load_names_the_folder_and_each_missing_or_broken_table(
    tmp_path: Path, out_dir: Path
) -> None:
    with pytest.raises(InputError) as err:
        load(tmp_path / "nowhere")
    assert err.value.problems[0].file.endswith("nowhere")
    assert "workbench portfolio screen" in err.value.problems[0].message
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "findings.parquet").write_bytes((out_dir / "findings.parquet").read_bytes())
    with pytest.raises(InputError) as err:
        load(partial)
    files = {Path(p.file).name for p in err.value.problems}
    assert "proposals.parquet" in files and "findings.parquet" not in files
    broken = tmp_path / "broken"
    broken.mkdir()
    for f in out_dir.glob("*.parquet"):
        (broken / f.name).write_bytes(f.read_bytes())
    (broken / "evidence.parquet").write_bytes(b"PAR1 not parquet at all")
    with pytest.raises(InputError) as err:
        load(broken)
    assert "unreadable" in err.value.problems[0].message


@pytest.mark.slow
def test_the_analysis_notebook_runs_on_portfolio_tables(
    out_dir: Path, pf: Portfolio, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ROOT / "notebooks" / "analysis_examples.ipynb"
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")  # committed clean
    monkeypatch.setenv("WORKBENCH_PORTFOLIO_OUT", str(out_dir))
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    first = nb.cells[1].outputs[0]["data"]["text/plain"]
    expected = pf.counts().iloc[0]
    assert f"{expected['findings']}" in first and f"{expected['proposals']}" in first
    figures = [o for o in outputs if "application/vnd.plotly.v1+json" in o.get("data", {})]
    assert len(figures) == 3
