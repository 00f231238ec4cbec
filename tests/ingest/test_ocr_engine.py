"""The OCR engine: the page cache gives the reading Tesseract gave (and is keyed by everything
that decides it), and the slots never let more Tesseract processes run than there are cores."""

from __future__ import annotations

import json
import threading
import time

import pytest
from PIL import Image, ImageDraw

import pipeline.ingest.pdf.ocr_engine as engine

NO_TESSERACT = pytest.mark.skipif(not engine.available(),
                                  reason="Tesseract with Vietnamese data (tesseract-ocr, tesseract-ocr-vie) is not installed")


def _image(text: str) -> Image.Image:
    image = Image.new("L", (900, 120), 255)
    ImageDraw.Draw(image).text((20, 30), text, fill=0, font_size=48)
    return image


@NO_TESSERACT
def test_a_cached_reading_is_the_reading_and_tesseract_is_not_run_again(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "_cache_folder", tmp_path)
    image = _image("Report 2024 done")
    first = engine.read(image, "--psm 7")
    assert "2024" in first["text"]
    assert len(list(tmp_path.rglob("*.json"))) == 1
    import pytesseract

    def no_tesseract(*_args, **_kwargs):
        raise AssertionError("Tesseract ran although the reading is cached")

    monkeypatch.setattr(pytesseract, "image_to_data", no_tesseract)
    assert engine.read(image, "--psm 7") == first
    with pytest.raises(AssertionError):  # another setting is another key
        engine.read(image, "--psm 6")
    with pytest.raises(AssertionError):  # another image too
        engine.read(_image("Report 2025 done"), "--psm 7")


def test_the_key_changes_with_pixels_settings_and_version(monkeypatch):
    monkeypatch.setattr(engine, "version", lambda: "5.3.0")
    image = _image("abc")
    keys = {engine.cache_key(image, "--psm 7"), engine.cache_key(image, "--psm 6"), engine.cache_key(_image("abd"), "--psm 7")}
    monkeypatch.setattr(engine, "version", lambda: "5.4.1")
    keys.add(engine.cache_key(image, "--psm 7"))
    assert len(keys) == 4


def test_the_cache_folder_is_the_one_the_options_name_and_none_by_default(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "_cache_folder", None)
    engine.use_cache(str(tmp_path))
    assert engine.cache_dir() == tmp_path
    engine.use_cache("")
    assert engine.cache_dir() is None


def test_no_more_readers_hold_a_slot_than_there_are_cores(monkeypatch, tmp_path):
    monkeypatch.setattr(engine, "slots", lambda: 2)
    monkeypatch.setattr(engine.tempfile, "gettempdir", lambda: str(tmp_path))
    holding, most, lock = [0], [0], threading.Lock()

    def reader():
        with engine.slot():
            with lock:
                holding[0] += 1
                most[0] = max(most[0], holding[0])
            time.sleep(0.05)
            with lock:
                holding[0] -= 1

    threads = [threading.Thread(target=reader) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 2 and holding[0] == 0


@NO_TESSERACT
def test_a_doubtful_number_is_read_again_alone(tmp_path, monkeypatch):
    from pipeline.ingest.pdf.ocr_reread import reread_numbers

    monkeypatch.setattr(engine, "_cache_folder", tmp_path)
    image = _image("den 14/12/2025")
    page = engine.read(image, "--psm 7")
    k = page["text"].index(next(t for t in page["text"] if "2025" in t))
    box = {key: page[key][k] for key in ("left", "top", "width", "height")}
    word = {"text": "14/12/2028", "conf": 50.0, "x0": box["left"], "x1": box["left"] + box["width"],
            "top": box["top"], "bottom": box["top"] + box["height"]}
    sure = {**word, "text": "14/12/2028", "conf": 95.0}
    reread_numbers(image, [word, sure], 1.0)
    assert word["text"] == "14/12/2025" and word["conf"] > 50
    assert sure["text"] == "14/12/2028"  # a confident reading is not read again


def test_a_second_reading_of_a_number_must_keep_its_shape():
    from pipeline.ingest.pdf.ocr_reread import _same_shape

    assert _same_shape("14/12/2025):", "14/12/2028):")
    assert _same_shape("15/BC", "l5/BC")  # a letter may become a digit
    assert not _same_shape("S12", "512")  # a digit never becomes a letter
    assert not _same_shape("14/12/2025", "14/12/20255") and not _same_shape("14.12.2025", "14/12/2025")


def test_the_cache_is_pruned_to_its_limit_keeping_the_entries_used_last(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr(engine, "_cache_folder", tmp_path)
    monkeypatch.setattr(engine, "version", lambda: "5.3.0")
    paths = []
    for k in range(5):  # five readings of 1,000 bytes, written an hour apart
        key = engine.cache_key(_image(f"page {k}"), "--psm 3")
        path = tmp_path / key[:2] / f"{key}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps({column: ["x" * 100] for column in engine.KEPT})[:1000].ljust(1000))
        os.utime(path, (1_000_000 + 3600 * k, 1_000_000 + 3600 * k))
        paths.append(path)
    paths[0].write_text(json.dumps({column: [] for column in engine.KEPT}).ljust(1000))
    os.utime(paths[0], (900_000, 900_000))
    assert engine.read(_image("page 0"), "--psm 3") == {column: [] for column in engine.KEPT}  # a hit: used now
    leftover = tmp_path / paths[1].parent.name / ".dead-writer.tmp"
    leftover.write_text("partial")
    os.utime(leftover, (1_000_000, 1_000_000))
    assert engine.prune(tmp_path, limit=2500) == 4  # three entries and the dead writer's file
    assert [p.exists() for p in paths] == [True, False, False, False, True]
    assert not leftover.exists()
    assert engine.prune(tmp_path, limit=2500) == 0
