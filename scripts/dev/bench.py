"""Benchmark the build and the search at 1×, 10×, 50× (and 100×) the real data.

    python -m scripts bench [--scales 1 10 50 100] [--builds 3] [--out bench/results.md]

For each scale, synthetic data (scripts.dev.synthetic) is built into scratch folders by real
`mkdocs build`s (the median of --builds is reported), timed: validation, data → Markdown
generation, the search index (the time the build spends on it; Pagefind takes each page while
MkDocs renders the next), and the MkDocs render (the rest of the build); peak memory and output
size. The search is measured in Debian's Chromium: bytes downloaded before the first result
(raw and gzip), time from page load to search ready, and query latency. At 1× and 10× it also
measures how long an edit to one YAML file takes to show up under `make serve`, and scores one page
of each kind with Lighthouse (mobile, served with gzip as GitHub Pages serves it). Prints a table
and writes it to --out.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from scripts.dev.browser import CHROMIUM, FLAGS, PAGE_KINDS
from scripts.dev.scratch import ROOT, build_site, serve_command
from scripts.search import relevance

QUERIES = [
    "fødevarer",
    "vindmølle",
    "SMV",
    "foedevarer",
    "kystturisme",
    "627,1 mio",
    "klynge",
    "iværksættere",
    "Sonderborg",
    "datacentre",
]


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def build_figures(scale: int, work: Path, builds: int) -> dict:
    """Real `mkdocs build`s of synthetic data, each from scratch; the figures of the median build
    by total time (timings on a shared machine vary from build to build)."""
    from scripts.dev.synthetic import make

    data = work / "data-src"
    counts = make(scale, data)
    runs = sorted((one_build(data, work / f"build-{n}") for n in range(builds)), key=lambda r: r["total_s"])
    median = runs[len(runs) // 2]
    for r in runs:
        if r is not median:
            shutil.rmtree(r["site"].parent)
    return median | dict(scale=scale, initiatives=counts["initiatives"], peak_mb=max(r["peak_mb"] for r in runs))


def one_build(data: Path, project: Path) -> dict:
    """One build; our own steps time themselves inside it (scripts/publish/mkdocs_glue.py), the MkDocs
    render is the rest of the build's time."""
    timings_file = project.parent / f"{project.name}-timings.json"
    os.environ["VAEKSTAFTALER_TIMINGS"] = str(timings_file)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    try:
        build_site(project, data).check_returncode()
    finally:
        del os.environ["VAEKSTAFTALER_TIMINGS"]
    total_s = time.perf_counter() - start
    peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    own = json.loads(timings_file.read_text(encoding="utf-8"))
    site = project / "site"
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    html_bytes = sum(p.stat().st_size for p in pages)
    own_s = own["validate_s"] + own["generate_s"] + own["index_s"]
    return dict(
        pages=len(pages),
        validate_s=own["validate_s"],
        generate_s=own["generate_s"],
        index_s=own["index_s"],
        render_s=max(total_s - own_s, 0),
        total_s=total_s,
        own_share=own_s / total_s,
        peak_mb=peak_mb,
        site_mb=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20,
        avg_page_kb=html_bytes / len(pages) / 1024,
        site=site,
    )


def search_figures(site: Path, loads: int = 3) -> dict:
    """Search in Chromium on freshly loaded pages (new context, empty cache): the median of
    `loads` page loads for the first query, and the median over all later queries."""
    from scripts.dev.browser import chromium, serve

    firsts, readies, later, downloads = [], [], [], []
    with serve(site) as base, chromium() as browser:
        for _ in range(loads):
            context = browser.new_context()
            page = context.new_page()
            sizes: list[tuple[int, int]] = []

            def measure(request, sizes=sizes):
                sizes.append(_sizes(request))

            page.on("requestfinished", measure)
            page.goto(base + "soeg/")
            page.wait_for_function("() => performance.getEntriesByName('search-ready').length > 0")
            # from the start of the page load (navigation) to the index being ready to answer
            readies.append(page.evaluate("performance.getEntriesByName('search-ready')[0].startTime"))
            for n, query in enumerate(QUERIES):
                page.fill("#vs-q", "")
                page.type("#vs-q", query)
                typed = page.evaluate("performance.now()")
                page.wait_for_function(
                    "q => document.querySelector('.vs-search-status').textContent.includes('»' + q + '«')", arg=query
                )
                done = page.evaluate("performance.getEntriesByName('search-results').slice(-1)[0].startTime")
                if n == 0:
                    firsts.append(done - typed)
                    downloads.append(list(sizes))
                else:
                    later.append(done - typed)
            page.remove_listener("requestfinished", measure)  # requests still finishing as it closes
            context.close()
    first_bytes = downloads[0]
    return dict(
        first_raw_kb=sum(r for r, _ in first_bytes) / 1024,
        first_gzip_kb=sum(g for _, g in first_bytes) / 1024,
        ready_ms=statistics.median(readies),
        first_ms=statistics.median(firsts),
        median_ms=statistics.median(later),
    )


def _sizes(request) -> tuple[int, int]:
    response = request.response()
    body = response.body() if response else b""
    return len(body), len(gzip.compress(body))


# Installed by the Makefile from scripts/dev/lighthouse/package-lock.json (lighthouse 12.2.3: newer
# versions need Node 22).
LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE", ROOT / ".venv/lighthouse/node_modules/.bin/lighthouse"))
# Targets for every page kind on a phone (Lighthouse's mobile profile: a mid-range phone on a slow
# 4G network, simulated).
MIN_PERFORMANCE = 90
MAX_LAYOUT_SHIFT = 0.1


def lighthouse_figures(site: Path, pages: dict[str, str] = PAGE_KINDS, runs: int = 3) -> list[dict]:
    """Lighthouse's mobile performance score and its metrics for one page of each kind, served
    as GitHub Pages serves it (gzip): of `runs` runs per page, the one with the median score
    (Lighthouse scales the time the processor takes, so a busy machine lowers single scores)."""
    from scripts.dev.browser import serve

    rows = []
    with serve(site, like_pages=True) as base, tempfile.TemporaryDirectory() as tmp:
        for kind, path in pages.items():
            scores = sorted(
                (_lighthouse(base + path, Path(tmp) / "report.json") for _ in range(runs)),
                key=lambda r: r["performance"],
            )
            rows.append(dict(kind=kind, path=path) | scores[len(scores) // 2])
            print(f"Lighthouse {kind}: {[r['performance'] for r in scores]}, CLS {rows[-1]['cls']:.3f}", flush=True)
    return rows


def _lighthouse(url: str, report: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=" + " ".join(FLAGS),
            "--quiet",
        ],
        env=dict(os.environ, CHROME_PATH=CHROMIUM),
        check=True,
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    value = lambda audit: result["audits"][audit]["numericValue"]  # noqa: E731
    return dict(
        performance=round(100 * result["categories"]["performance"]["score"]),
        fcp_ms=value("first-contentful-paint"),
        lcp_ms=value("largest-contentful-paint"),
        tbt_ms=value("total-blocking-time"),
        cls=value("cumulative-layout-shift"),
        si_ms=value("speed-index"),
        benchmark=result["environment"]["benchmarkIndex"],
    )


def lighthouse_table(rows: list[dict]) -> str:
    worst = min(r["performance"] for r in rows)
    shift = max(r["cls"] for r in rows)
    verdict = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    lines = [
        "Lighthouse 12.2.3, mobile (simulated slow 4G and a 4× slower processor), one page of each kind "
        "at 1×, served with gzip as GitHub Pages serves it; the run with the median score of three. "
        f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
        f"(Lighthouse's benchmark index of this machine: {statistics.median(r['benchmark'] for r in rows):.0f}).",
        "",
        "| page | performance | first contentful paint s | largest contentful paint s | total blocking time ms "
        "| cumulative layout shift | speed index s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['kind']} (`/{r['path']}`) | {r['performance']} | {r['fcp_ms'] / 1000:.1f} | "
            f"{r['lcp_ms'] / 1000:.1f} | {r['tbt_ms']:.0f} | {r['cls']:.3f} | {r['si_ms'] / 1000:.1f} |"
        )
    lines += [
        "",
        f"Targets on every page kind: performance at least {MIN_PERFORMANCE} — "
        f"{verdict(worst >= MIN_PERFORMANCE)} (lowest {worst}); cumulative layout shift under "
        f"{MAX_LAYOUT_SHIFT} — {verdict(shift < MAX_LAYOUT_SHIFT)} (highest {shift:.3f}).",
    ]
    return "\n".join(lines) + "\n"


def serve_edit_seconds(work: Path, scale: int = 1) -> float:
    """Seconds from saving a YAML file to the served page showing the change, under `make serve`
    with synthetic data at `scale` (the server's log goes to work/serve.log)."""
    from scripts.dev.synthetic import make

    work.mkdir(parents=True, exist_ok=True)
    data = work / "data"
    make(scale, data)
    port = 8000 + os.getpid() % 1000
    command, env = serve_command(work / "serve", data, port)
    with (work / "serve.log").open("w") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/initiativer/eventpuljen-2016/"
    try:
        _wait_for(url, "Eventpuljen", 600)
        time.sleep(1)  # the server's first look at the files it watches
        path = data / "initiatives/eventpuljen-2016.yml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("title: Eventpuljen", "title: Eventpuljen MÅLT"), encoding="utf-8"
        )
        start = time.perf_counter()
        _wait_for(url, "Eventpuljen MÅLT", 120)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(10)


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{text!r} did not appear at {url}")


def table(builds: int, rows: list[dict], edit_s: dict[int, float]) -> str:
    lines = [
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}",
        "",
        "| scale | initiatives | pages | validate s | generate s | search index s | MkDocs render s | total s "
        "| our share | peak MB | site MB | avg page KB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['scale']}× | {r['initiatives']} | {r['pages']} | {r['validate_s']:.2f} | "
            f"{r['generate_s']:.2f} | {r['index_s']:.2f} | {r['render_s']:.1f} | {r['total_s']:.1f} | "
            f"{100 * r['own_share']:.0f} % | {r['peak_mb']:.0f} | {r['site_mb']:.1f} | {r['avg_page_kb']:.1f} |"
        )
    lines += [
        "",
        f"Each row is the median of {builds} builds from scratch (by total time). Our steps time "
        "themselves inside the build: validation and page generation (on every core) run before MkDocs; "
        "the downloads (part of generation) and the search indexer work beside the render, so their "
        "columns hold only the time the build spends on them (handing over pages, waiting at the end). "
        "The MkDocs render is the rest.",
    ]
    fifty = next((r for r in rows if r["scale"] == 50), None)
    if fifty:
        verdict = lambda ok: "met" if ok else "NOT met"  # noqa: E731
        lines += [
            "",
            f"Targets at 50×: full build under 60 s — {verdict(fifty['total_s'] < 60)} "
            f"({fifty['total_s']:.1f} s); our steps under 20 % of it — {verdict(fifty['own_share'] < 0.2)} "
            f"({100 * fifty['own_share']:.0f} %); average page under 60 KB — "
            f"{verdict(fifty['avg_page_kb'] < 60)} ({fifty['avg_page_kb']:.1f} KB).",
        ]
    lines += [
        "",
        "Search in Chromium (first query on a freshly loaded search page, median of three fresh loads; "
        "latency from the last keystroke to rendered results, including the 60 ms typing pause):",
        "",
        "| scale | downloaded before first result (raw KB) | (gzip KB) | page load → search ready ms "
        "| first query ms | median query ms |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if "first_ms" in r:
            lines.append(
                f"| {r['scale']}× | {r['first_raw_kb']:.0f} | {r['first_gzip_kb']:.0f} | {r['ready_ms']:.0f} "
                f"| {r['first_ms']:.0f} | {r['median_ms']:.0f} |"
            )
    if edit_s:
        seconds = ", ".join(f"{scale}×: {s:.1f} s" for scale, s in edit_s.items())
        lines += ["", f"Edit one YAML file → change visible under `make serve` — {seconds}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50, 100])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument(
        "--no-browser", action="store_true", help="skip the measurements in the browser (search, Lighthouse)"
    )
    parser.add_argument("--builds", type=int, default=3, help="builds per scale; the median is reported")
    parser.add_argument("--pages", nargs="+", metavar="KIND", help="with --lighthouse: only these page kinds")
    parser.add_argument(
        "--lighthouse",
        type=Path,
        metavar="SITE",
        help="only score the pages of this built site (such as site/) with Lighthouse and print the table",
    )
    args = parser.parse_args(argv)
    if args.lighthouse:
        pages = {kind: PAGE_KINDS[kind] for kind in args.pages} if args.pages else PAGE_KINDS
        print(lighthouse_table(lighthouse_figures(args.lighthouse, pages)))
        return 0
    rows = []
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            work = Path(tmp) / f"x{scale}"
            work.mkdir()
            row = build_figures(scale, work, args.builds)
            if not args.no_browser:
                row |= search_figures(row["site"])
                if scale == 1:
                    scores = lighthouse_figures(row["site"])
            rows.append(row)
            print(table(args.builds, rows, {}).splitlines()[3 + len(rows)], flush=True)  # the new build row
        edit_s = {
            scale: serve_edit_seconds(Path(tmp) / f"edit{scale}", scale) for scale in (1, 10) if scale in args.scales
        }
        relevance_text = ""  # how well the search finds, on the real data (1×), beside stock Material
        if 1 in args.scales and not args.no_browser:
            site = next(r["site"] for r in rows if r["scale"] == 1)
            relevance_text = relevance.report(site, Path(tmp) / "x1" / "data-src", Path(tmp) / "stock")
        from scripts.ingest import timing  # ingest of each real source, and its drafts under make serve

        ingest_text = "\n".join(timing.table(timing.ingest_figures(Path(tmp) / "ingest"))) + "\n"
    text = "# Benchmark results\n\nMade by `make bench` (`python -m scripts bench`).\n\n" + table(
        args.builds, rows, edit_s
    )
    if scores:
        text += "\n" + lighthouse_table(scores)
    if relevance_text:
        text += "\n" + relevance_text
    text += "\n" + ingest_text
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0
