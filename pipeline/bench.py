"""`baocao bench`: throughput and peak memory of the per-document work, for comparing
changes in one run on a noisy machine (ratios, not absolute numbers; nothing is enforced)."""

from __future__ import annotations

import resource
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

from pipeline.run import discover, process_file


def _pages(result) -> int:
    """Pages of a paged document (PDF); 0 for formats without pages."""
    docs = result.tables.get("documents")
    count = docs.column("page_count")[0].as_py() if docs is not None and docs.num_rows else None
    return count or 0


def bench(paths: list[Path], repeat: int = 3) -> str:
    """Process every input `repeat` times; report documents/s and pages/s per format, the
    Python heap's peak (tracemalloc, one pass) and the process's peak RSS."""
    files = discover(paths)
    if not files:
        return "no inputs"
    secs: dict[str, float] = defaultdict(float)
    docs: dict[str, int] = defaultdict(int)
    pages: dict[str, int] = defaultdict(int)
    for _ in range(repeat):
        for f in files:
            start = time.perf_counter()
            res = process_file(f)
            fmt = res.source_format or "failed"
            secs[fmt] += time.perf_counter() - start
            docs[fmt] += 1
            pages[fmt] += _pages(res)
    tracemalloc.start()
    for f in files:
        process_file(f)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [f"{len(files)} inputs x {repeat} passes", f"{'format':8} {'docs':>6} {'docs/s':>8} {'pages/s':>8} {'ms/doc':>8}"]
    secs["all"], docs["all"] = sum(secs.values()), sum(docs.values())
    for fmt in sorted(secs, key=lambda f: (f == "all", f)):
        t = secs[fmt]
        per_page = f"{pages[fmt] / t:8.1f}" if pages.get(fmt) else f"{'-':>8}"
        lines.append(f"{fmt:8} {docs[fmt]:6d} {docs[fmt] / t:8.1f} {per_page} {1000 * t / docs[fmt]:8.1f}")
    lines.append(f"peak Python heap (one pass): {heap_peak / 2**20:.1f} MiB; peak RSS: {rss_mb:.0f} MiB")
    return "\n".join(lines)
