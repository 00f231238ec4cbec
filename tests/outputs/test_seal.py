"""The bounded-memory seal writes what the whole-table seal wrote, on a run of many batches."""

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import pipeline.stream
import schemas
from pipeline.options import Options
from pipeline.outputs.summary import FACT_TABLES
from pipeline.run import run
from tests.outputs.seal_reference import finish

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
REPORT = ("ỦY BAN NHÂN DÂN\nXÃ {commune}\nSố: {n}/BC-UBND\n\nBÁO CÁO\nKết quả chuyển đổi số năm 2025 của xã {commune}\n"
          "Trong kỳ, xã tiếp nhận {n} hồ sơ, trong đó trực tuyến 20 hồ sơ.\nXã có 4 máy tính để bàn.\n")


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for f in sorted(RAW.iterdir()):  # three reports, each as DOCX, PDF and TXT
        shutil.copy(f, folder / f.name)
    for k, commune in enumerate(["Tân Lập", "Hòa Bình", "Yên Thế", "Tân Lập", "Đông Sơn", "Hòa Bình"]):
        (folder / f"r{k}.txt").write_text(REPORT.format(commune=commune, n=40 + k), "utf-8")
    shutil.copy(folder / "r1.txt", folder / "z-copy.txt")  # the same content in a later batch
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not a pdf")  # an errors row
    return folder


def _whole(folder: Path, name: str, columns: list[str] | None = None) -> pa.Table:
    """A table's parts read whole, as the seal before `pipeline.outputs.seal` read them."""
    schema = schemas.all_tables()[name].arrow_schema()
    if columns is not None:
        schema = pa.schema([schema.field(c) for c in columns], metadata=schema.metadata)
    parts = sorted((folder / name).glob("*.parquet"))
    return pa.concat_tables([pq.read_table(p, schema=schema, columns=columns) for p in parts]).combine_chunks()


def test_the_sealed_tables_equal_the_whole_table_seal(tmp_path, monkeypatch):
    seal = pipeline.stream._seal

    def keeping_the_parts(partial, records):
        shutil.copytree(partial, tmp_path / "before", ignore=shutil.ignore_patterns(".*"))
        return seal(partial, records)

    monkeypatch.setattr(pipeline.stream, "_seal", keeping_the_parts)
    out = tmp_path / "out"
    run([_inputs(tmp_path / "in")], out, Options(no_cache=True, jobs=1), progress=False)
    parts = tmp_path / "before"
    assert len(list((parts / "documents").glob("*.parquet"))) >= 8  # many batches
    tables = {name: _whole(parts, name) for name in ("documents", "commune_summary")}
    facts = {name: _whole(parts, name, ["doc_id"]) for name in FACT_TABLES}  # the fact rows the parts hold
    expected = finish({**tables, "errors": _whole(parts, "errors", ["doc_id"]), **facts})

    summary = pq.read_table(out / "commune_summary")
    assert summary.num_rows < tables["commune_summary"].num_rows  # renditions were tied across batches
    assert max(summary.column("renditions").to_pylist()) == 3
    for name in ("documents", "commune_summary"):
        (part,) = (out / name).glob("*.parquet")
        assert pq.read_table(part).equals(expected[name], check_metadata=True), name
        written = tmp_path / f"{name}.parquet"
        pq.write_table(expected[name], written)
        assert part.read_bytes() == written.read_bytes(), name
