"""`baocao bench`: one end-to-end run over a corpus, measured from the inside.

It prints, from one run: documents/s and pages/s (per format and overall), the peak RSS of the
whole process tree (this process and its workers, sampled with psutil), the time of every stage
(read per backend, normalise, segment, each extractor, conversion to Arrow, write) and the
*floor ratio*: the end-to-end time divided by the time to merely read the same files' text with
pypdfium2 and python-docx, measured in the same run. The corpus is `pipeline.bench_corpus`
(N varied reports, built once under `--corpus`, by default `build/bench` of the current folder:
nothing is written outside it and the run's own temporary output) unless files are named. Numbers are for comparing changes on one
machine in one run; nothing is enforced and no test times anything."""

from __future__ import annotations

import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.options import Options

CORPUS = Path("build") / "bench"
"""Where generated corpora are built and reused (git-ignored in the repository)."""

NLP_COMPONENTS = ("entity_rules", "entities", "findings")
"""Entities and findings: issue 11 bounds what they add to the rest of the run (at most 20 %)."""
NLP_STAGES = tuple(f"extract:{name}" for name in NLP_COMPONENTS)


def added_share(secs: dict[str, float], cpu: float, names: tuple[str, ...] = NLP_STAGES) -> float:
    """What the stages `names` add, in per cent, to the CPU time of the run without them."""
    part = sum(secs.get(n, 0.0) for n in names)
    return 100 * part / (cpu - part) if cpu > part else float("inf")


def ab_share(cpu_with: float, cpu_without: float) -> float:
    """What entities and findings add, in per cent, measured as the issue means it: two runs of the
    same corpus, with and without the components (their stages, the model load, the conversion and
    write of their rows, everything the stage times leave out)."""
    return 100 * (cpu_with - cpu_without) / cpu_without


@dataclass(frozen=True)
class WithoutNlp(Options):
    """The options of a run with entities and findings switched off in the component loop
    (`registry.run_components(skip=...)`): the B side of the A/B figure."""

    def skipped_components(self) -> tuple[str, ...]:
        return (*super().skipped_components(), *NLP_COMPONENTS)


class Stages:
    """CPU seconds of this process spent in each named stage (`time.process_time`: on a shared
    machine the wall clock counts other people's work too)."""

    def __init__(self) -> None:
        self.secs: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def timed(self, name: str | Callable[..., str], fn: Callable) -> Callable:
        """`fn` wrapped so that its time is added to the stage `name` (or `name(*args)`)."""

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                key = name(*args) if callable(name) else name
                self.secs[key] += time.process_time() - start
                self.calls[key] += 1

        return wrapper


class _TimedBackend:
    def __init__(self, backend: Any, stages: Stages) -> None:
        self._backend, self.name = backend, backend.name
        self.read = stages.timed(f"read:{backend.name}", backend.read)


@contextmanager
def instrumented(stages: Stages) -> Iterator[None]:
    """Wrap the pipeline's stage functions (in this process only: use with one job)."""
    import extractors.registry as registry
    import pipeline.build as build
    import pipeline.executors as executors
    import pipeline.ingest.registry as ingest
    import pipeline.run as run
    import pipeline.stream as stream
    import pipeline.writer as writer

    saved = {(ingest, "choose_backend"): ingest.choose_backend, (build, "normalize"): build.normalize,
             (build, "segment"): build.segment, (registry, "components"): registry.components,
             (run, "_to_arrow"): run._to_arrow, (executors, "write_part"): executors.write_part, (stream, "_seal"): stream._seal,
             (writer, "arrow_tables"): writer.arrow_tables}
    choose = ingest.choose_backend
    components = registry.components

    def choose_backend(*args: Any, **kwargs: Any) -> Any:
        backend, note = choose(*args, **kwargs)
        return _TimedBackend(backend, stages), note

    def timed_components() -> list:
        from dataclasses import replace

        return [replace(c, fn=stages.timed(f"extract:{c.name}", c.fn)) for c in components()]

    ingest.choose_backend = choose_backend
    build.normalize = stages.timed("normalize", build.normalize)
    build.segment = stages.timed("segment", build.segment)
    registry.components = timed_components
    run._to_arrow = stages.timed("to_arrow: validate", run._to_arrow)
    writer.arrow_tables = stages.timed("to_arrow: batch conversion", writer.arrow_tables)
    executors.write_part = stages.timed("write (Parquet parts)", executors.write_part)
    stream._seal = stages.timed("seal (commune_summary, counts)", stream._seal)
    try:
        yield
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)


class PeakRss:
    """The peak of the summed RSS of this process and all its children (but the process `beside`
    and its own children: the B side of an A/B run), and of this process alone, sampled every 50 ms.
    The list of processes is walked again only every second: walking `/proc` for it took ~1.5 ms,
    about 3 % of a core at 20 samples a second, on the clock of the run it measures (the longer run
    of an A/B paid more). `cpu` is the sampler's own CPU time, which `measured_run` leaves out."""

    REFRESH = 20
    """Samples between two walks of the process list."""

    def __init__(self, beside: int | None = None) -> None:
        import psutil

        self._me = psutil.Process()
        self._beside = beside
        self.peak = self.main_peak = 0
        self.cpu = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        import psutil

        procs: list[Any] = []
        samples = 0
        while not self._stop.wait(0.05):
            if samples % self.REFRESH == 0:
                procs = [self._me, *_children(self._me, self._beside)]
            samples += 1
            total = 0
            for proc in procs:
                try:
                    rss = proc.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                if proc is self._me:
                    self.main_peak = max(self.main_peak, rss)
            self.peak = max(self.peak, total)
        self.cpu = time.thread_time()

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _children(me: Any, beside: int | None) -> list[Any]:
    """The processes under `me`, without the tree of the process `beside`."""
    import psutil

    left_out = set()
    if beside is not None:
        try:
            left_out = {beside, *(p.pid for p in psutil.Process(beside).children(recursive=True))}
        except psutil.Error:
            left_out = {beside}
    return [p for p in me.children(recursive=True) if p.pid not in left_out]


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children: on a shared machine
    the wall clock counts other people's work too, CPU time does not."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def floor_seconds(files: list[Path]) -> tuple[float, float, int]:
    """Time to merely read the files' text (pypdfium2 for PDF, python-docx for DOCX, a
    decode for TXT), and the PDF pages read."""
    import docx
    import pypdfium2 as pdfium

    pages = 0
    start, cpu = time.perf_counter(), cpu_seconds()
    for f in files:
        data = f.read_bytes()
        if f.suffix == ".pdf":
            pdf = pdfium.PdfDocument(data)
            for page in pdf:
                page.get_textpage().get_text_range()
                pages += 1
            pdf.close()
        elif f.suffix == ".docx":
            import io

            document = docx.Document(io.BytesIO(data))
            "\n".join(p.text for p in document.paragraphs)
            for table in document.tables:
                [c.text for row in table.rows for c in row.cells]
        else:
            data.decode("utf-8", "replace")
    return time.perf_counter() - start, cpu_seconds() - cpu, pages


def scale(n: int, jobs: int, corpus: Path = CORPUS) -> str:
    """One run over `n` tiny TXT reports: documents/s and the peak RSS of the main process and of
    the whole process tree, to show that memory does not grow with the corpus."""
    from pipeline.bench_corpus import build_tiny_corpus
    from pipeline.options import Options
    from pipeline.run import run

    folder = corpus / f"tiny{n}"
    build_tiny_corpus(folder, n)
    with tempfile.TemporaryDirectory(prefix="baocao-scale-") as out, PeakRss() as rss:
        summary = run([folder], Path(out) / "out", Options(jobs=jobs, no_cache=True), progress=False)
    return (f"N={n} jobs={jobs}: {summary.documents} documents in {summary.elapsed:.0f} s, "
            f"{summary.documents / summary.elapsed:.1f} docs/s; peak RSS main process {rss.main_peak / 2**20:.0f} MiB, "
            f"process tree {rss.peak / 2**20:.0f} MiB")


class Measured:
    """One measured run: its summary, CPU seconds, peak RSS and (with one job) the stage and
    per-format CPU times."""

    def __init__(self) -> None:
        self.stages = Stages()
        self.per_format: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)
        self.cpu = 0.0
        self.summary: Any = None
        self.peak_rss = 0


def measured_run(paths: list[Path], jobs: int, nlp: bool = True, beside: int | None = None) -> Measured:
    """Run the pipeline once over `paths` (entities and findings switched off unless `nlp`);
    `beside` is a process running at the same time whose memory is not this run's."""
    import pipeline.executors as run_module
    from pipeline.run import run

    done = Measured()
    options = (Options if nlp else WithoutNlp)(jobs=jobs, no_cache=True)
    process_bytes = run_module.process_bytes

    def timed_file(data: bytes, *args: Any) -> Any:
        start = time.process_time()
        result = process_bytes(data, *args)
        fmt = result.source_format or "failed"
        done.per_format[fmt] += time.process_time() - start
        done.count[fmt] += 1
        return result

    cpu = cpu_seconds()
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as out, PeakRss(beside) as rss:
        if jobs == 1:
            run_module.process_bytes = timed_file  # type: ignore[assignment]
            try:
                with instrumented(done.stages):
                    done.summary = run(paths, Path(out) / "out", options, progress=False)
            finally:
                run_module.process_bytes = process_bytes
        else:
            done.summary = run(paths, Path(out) / "out", options, progress=False)
    done.cpu, done.peak_rss = cpu_seconds() - cpu - rss.cpu, rss.peak
    return done


def _run_without_nlp(paths: list[Path], jobs: int, answer: Any) -> None:
    """The B side, in a fresh process as the A side was (imports and start-up counted alike): its
    CPU seconds and stage times, sent on `answer`. The A side had read every file for the floor
    first; the readers it imported then are imported here too."""
    import docx  # noqa: F401
    import pypdfium2  # noqa: F401

    done = measured_run(paths, jobs, nlp=False)
    answer.send((done.cpu, dict(done.stages.secs)))
    answer.close()


class WithoutNlpRun:
    """The B side, started in a spawned process (a fork would inherit this run's imports and model)
    so that it runs at the same time as the A side: on a shared machine both then see the same
    load, where one run after the other saw loads that moved the figure by ten points."""

    def __init__(self, paths: list[Path], jobs: int) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._answer, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run_without_nlp, args=(paths, jobs, send))
        self._process.start()
        send.close()
        self.pid = self._process.pid

    def result(self) -> tuple[float, dict[str, float]]:
        """Its CPU seconds and stage times, once it has ended."""
        answer = self._answer.recv()
        self._process.join()
        return answer


def ab_lines(with_nlp: Measured, cpu_off: float, secs_off: dict[str, float]) -> list[str]:
    """The A/B figure, and the stages whose time moved between the two runs by 0.5 s or more."""
    lines = [f"A/B: the same corpus with entity_rules, entities and findings switched off (a fresh process, run at the "
             f"same time): {cpu_off:.1f} CPU-s against {with_nlp.cpu:.1f}; entities + findings add "
             f"{ab_share(with_nlp.cpu, cpu_off):.1f}% to the run without them (wall figures above shared the machine with it)"]
    moved = [(name, with_nlp.stages.secs.get(name, 0.0), secs_off.get(name, 0.0))
             for name in sorted(set(with_nlp.stages.secs) | set(secs_off))]
    lines += [f"  {name:32} {on:8.2f} {off:8.2f} (with, without)" for name, on, off in moved
              if name not in NLP_STAGES and abs(on - off) >= 0.5]
    return lines


def bench(paths: list[Path], n: int = 2000, jobs: int = 1, corpus: Path = CORPUS, nlp_ab: bool = False) -> str:
    """Run the pipeline once over the corpus (or `paths`) and report (see the module doc); with
    `nlp_ab`, run it at the same time without entities and findings, for the A/B figure."""
    from pipeline.bench_corpus import build_corpus
    from pipeline.run import discover

    if paths:
        files = discover(paths)
        if not files:
            return "no inputs"
        where = ", ".join(map(str, paths))
    else:
        started = time.perf_counter()
        files = build_corpus(corpus / f"n{n}", n)
        paths, where = [corpus / f"n{n}"], f"{corpus / f'n{n}'} (built or reused in {time.perf_counter() - started:.0f} s)"
    floor, floor_cpu, floor_pages = floor_seconds(files)
    side_b = WithoutNlpRun(paths, jobs) if nlp_ab else None
    done = measured_run(paths, jobs, beside=side_b.pid if side_b else None)
    summary, cpu, per_format, count, stages = done.summary, done.cpu, done.per_format, done.count, done.stages
    total = summary.elapsed
    lines = [f"corpus: {len(files)} files in {where}",
             f"jobs: {jobs}; end to end {total:.1f} s; floor (text only, pypdfium2 + python-docx) {floor:.1f} s; "
             f"floor ratio {total / floor:.2f} (wall), {cpu / floor_cpu:.2f} (CPU: {cpu:.1f} s / {floor_cpu:.1f} s)",
             f"documents/s {summary.documents / total:.1f}; PDF pages/s (end to end, all PDF pages / run time) "
             f"{floor_pages / total:.1f}; peak RSS of the process tree {done.peak_rss / 2**20:.0f} MiB"]
    if per_format:
        pdf_secs = per_format.get("pdf", 0.0)
        pages = f"{floor_pages / pdf_secs:.1f}" if pdf_secs and floor_pages else "-"
        lines.append(f"{'format':8} {'docs':>6} {'docs/CPU-s':>10} {'CPU ms/doc':>10}")
        for fmt in sorted(per_format):
            t = per_format[fmt]
            lines.append(f"{fmt:8} {count[fmt]:6d} {count[fmt] / t:10.1f} {1000 * t / count[fmt]:10.1f}")
        lines.append(f"PDF pages/CPU-s within PDF documents: {pages}")
    if stages.secs:
        lines.append(f"{'stage':34} {'CPU s':>8} {'share':>6}")
        for name, secs in sorted(stages.secs.items(), key=lambda kv: -kv[1]):
            lines.append(f"{name:34} {secs:8.2f} {100 * secs / cpu:5.1f}%")
        lines.append(f"entities + findings add {added_share(stages.secs, cpu):.1f}% to the CPU time of the rest of the run "
                     f"(their stage times only{'' if nlp_ab else '; --nlp-ab for the A/B figure'})")
    if side_b is not None:
        lines += ab_lines(done, *side_b.result())
    return "\n".join(lines)
