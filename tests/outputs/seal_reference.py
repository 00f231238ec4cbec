"""The seal as it was before `pipeline.outputs.seal`: the whole of `documents` and
`commune_summary` in memory, ranked in Python. Kept as the reference the bounded-memory seal
must equal, value for value (`test_seal.py`)."""

from __future__ import annotations

from collections import Counter, defaultdict

import pyarrow as pa

from pipeline.outputs.summary import FACT_TABLES, FORMAT_RANK, short_province


def _counts(table: pa.Table | Counter | None) -> Counter:
    if isinstance(table, Counter):  # rows per doc_id counted while streaming (pipeline.stream)
        return table
    if table is None or "doc_id" not in table.column_names:
        return Counter()
    return Counter(table.column("doc_id").to_pylist())


def _rank(row: dict, errors: Counter, facts: Counter) -> tuple:
    return (errors[row["doc_id"]], row.get("checks_errors") or 0, -facts[row["doc_id"]],
            FORMAT_RANK.get(row.get("source_format") or "", 9), row["doc_id"])


def best_renditions(summary: pa.Table, errors: pa.Table | None, facts: dict[str, pa.Table]) -> pa.Table:
    """`summary` with one row per `report_key`: the best rendition, with the count and the
    doc_ids of all of them, in the order of first appearance of each report."""
    error_count = _counts(errors)
    fact_count: Counter = Counter()
    for table in facts.values():
        fact_count.update(_counts(table))
    # only the ranking columns become Python objects: a national corpus has 170,000 rows here
    columns = ("doc_id", "report_key", "checks_errors", "source_format")
    rows = zip(*(summary.column(c).to_pylist() if c in summary.column_names else [None] * summary.num_rows
                 for c in columns))
    groups: dict[str, list[dict]] = defaultdict(list)
    for index, values in enumerate(rows):
        row = {**dict(zip(columns, values)), "index": index}
        groups[row["report_key"] or f"doc:{row['doc_id']}"].append(row)
    kept: list[int] = []
    counts: list[int] = []
    ids: list[str] = []
    for members in groups.values():
        ordered = sorted(members, key=lambda r: _rank(r, error_count, fact_count))
        kept.append(ordered[0]["index"])
        counts.append(len(ordered))
        ids.append(",".join(r["doc_id"] for r in ordered))
    out = summary.take(pa.array(kept, pa.int64())).combine_chunks()
    for name, values in (("renditions", pa.array(counts)), ("rendition_doc_ids", pa.array(ids, pa.string()))):
        i = out.column_names.index(name)
        out = out.set_column(i, out.schema.field(i), values.cast(out.schema.field(i).type))
    return out


def fill_province(documents: pa.Table) -> pa.Table:
    """`province` as written, else the official province name without its prefix, so that
    `province` is null only where `province_name` is."""
    if "province" not in documents.column_names:
        return documents
    written = documents.column("province").to_pylist()
    official = documents.column("province_name").to_pylist()
    filled = [w if w else short_province(o) for w, o in zip(written, official)]
    index = documents.column_names.index("province")
    return documents.set_column(index, documents.schema.field(index), pa.array(filled, pa.string()))


def add_report_keys(documents: pa.Table, summary: pa.Table) -> pa.Table:
    """`documents.report_key` from the per-document keys, so fact rows join to their report."""
    if "report_key" not in documents.column_names:
        return documents
    keys = dict(zip(summary.column("doc_id").to_pylist(), summary.column("report_key").to_pylist()))
    index = documents.column_names.index("report_key")
    column = pa.array([keys.get(d) for d in documents.column("doc_id").to_pylist()], pa.string())
    return documents.set_column(index, documents.schema.field(index), column)


def finish(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """The collected tables with renditions tied and one summary row per report."""
    out = dict(tables)
    summary = tables.get("commune_summary")
    if summary is None:
        return out
    if "documents" in tables:
        out["documents"] = add_report_keys(fill_province(tables["documents"]), summary)
    facts = {name: tables[name] for name in FACT_TABLES if name in tables}
    out["commune_summary"] = best_renditions(summary, tables.get("errors"), facts)
    return out
