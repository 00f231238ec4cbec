"""The run's inputs and per-input records live on disk, not in the main process's lists."""

import os
from pathlib import Path

import pyarrow.parquet as pq

from pipeline import cache
from pipeline.executors import BatchSummary, DocInfo, plan_batches
from pipeline.inputs import Input, shown_name
from pipeline.run_records import InputSpool, RunRecords


def test_the_spool_gives_back_the_batches_of_plan_batches(tmp_path):
    odd = Path(os.fsdecode(b"/data/b\xe1o c\xe1o.txt"))  # a name that is not UTF-8
    inputs = [Input(Path("/data/a.docx"), "/data/a.docx"), Input(odd, shown_name(odd)),
              Input(Path("/data/fifo"), "/data/fifo", ("not_a_regular_file", "a FIFO (named pipe); it is not opened")),
              Input(Path("s3://bucket/r.pdf"), "s3://bucket/r.pdf", url="s3://bucket/r.pdf"),
              *(Input(Path(f"/data/r{k}.txt"), f"/data/r{k}.txt") for k in range(36))]
    spool = InputSpool(tmp_path / "inputs.jsonl", iter(inputs))
    planned = plan_batches(inputs)
    assert len(planned) == 14 and len(planned[0]) == 3  # 40 inputs: batches of 3
    assert spool.inputs == 40 and len(spool) == 14
    assert [spool[i] for i in range(14)] == planned and spool[-1] == planned[-1] and list(spool) == planned
    assert spool[0][2].refused == ("not_a_regular_file", "a FIFO (named pipe); it is not opened")
    assert spool[0][1].path == odd and spool[0][1].name_note is not None
    assert list(spool.shown())[:4] == ["/data/a.docx", "/data/b\\xe1o c\\xe1o.txt", "/data/fifo", "s3://bucket/r.pdf"]
    assert len(InputSpool(tmp_path / "none.jsonl", [])) == 0


def test_a_national_run_writes_about_a_thousand_batches_not_thousands():
    assert [len(plan_batches(list(range(n)))) for n in (2_000, 20_000, 32_768)] == [63, 625, 1024]
    for n in (32_769, 100_000, 170_000):
        assert 900 < len(plan_batches(list(range(n)))) <= 1024
    assert len(plan_batches(list(range(300_000)))[0]) == 256


def _summary(index: int, *docs: tuple, extracted: int = 0, signature: str | None = None) -> BatchSummary:
    return BatchSummary(index, [DocInfo(*d) for d in docs], extracted=extracted, signature=signature)


def test_records_find_copies_across_batches_and_count_what_was_kept(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.run_records.FLUSH", 2)  # several row groups
    folder = tmp_path / "records"
    folder.mkdir()
    with RunRecords(folder) as records:
        # batches arrive out of order, as from a pool
        records.add(_summary(2, ("c.pdf", "pdf", "d2", False, 4, "e3"), ("d.txt", "txt", "d1", False, 7, "e1"),
                             signature="s2"))
        records.add(_summary(0, ("a.txt", "txt", "d1", False, 7, "e1"), ("bad.pdf", None, None, True, 0, None),
                             ("a2.txt", "txt", "d1", True, 0, "e1"), extracted=3, signature="s0"))
        records.add(_summary(1, ("b.docx", "docx", "d3", False, 9, "e2"), ("e.txt", "txt", "d2", False, 4, "e3"),
                             extracted=1))
        assert (records.extracted, records.inputs) == (4, 7)
        assert [(i, [(c["source_path"], c["doc_id"], c["first"]) for c in copies])
                for i, copies in records.duplicates()] == [(2, [("c.pdf", "d2", "e.txt"), ("d.txt", "d1", "a.txt")])]
        facts = pq.read_table(records.write_facts(folder / "facts.parquet")).to_pylist()
        assert facts == [{"doc_id": "d1", "n": 7}, {"doc_id": "d3", "n": 9}, {"doc_id": "d2", "n": 4}]
        assert records.by_format() == {"txt": 2, "docx": 1}
        assert records.failed() == ["bad.pdf", "a2.txt", "c.pdf", "d.txt"]
        assert list(records.used("entry")) == ["e1", "e2", "e3"]
        assert list(records.used("signature")) == ["s0", "s2"]
    assert not folder.exists()


def test_prune_walks_the_cache_with_the_used_keys_sorted(tmp_path):
    keys = sorted(f"{k:02x}" + "0" * 62 for k in (0x0a, 0xb0, 0xba, 0xbb)) + ["ba" + "1" * 62]
    keys.sort()
    for key in [*keys, "ba" + "2" * 62, "c0" + "0" * 62]:
        (tmp_path / key[:2]).mkdir(exist_ok=True)
        (tmp_path / key[:2] / f"{key}{cache.SUFFIX}").write_bytes(b"")
    (tmp_path / "batches").mkdir()  # sorts between "ba" and "bb": its files are not entries
    (tmp_path / "batches" / "keep.json").write_bytes(b"")
    (tmp_path / "ba" / "old.pickle").write_bytes(b"")
    cache.prune(tmp_path, iter(keys))
    left = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert left == sorted(["keep.json", *(f"{k}{cache.SUFFIX}" for k in keys)])
