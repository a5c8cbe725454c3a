"""`make bench`: our ingest flow, the pure functions, raw bulk indexing and the naive peer, side by side.

    python -m bench.run [--docs 1000 10000 100000] [--seed 7] [--pure-max 20000] [--naive-docs 10000]

For each N (default 1k, 10k, 100k, or the BENCH_DOCS env, e.g. BENCH_DOCS=1000,10000):
  (b) pure   articles.process_path in one tight loop on one core (no Prefect, no OpenSearch), over at most
             --pure-max documents; its records are kept on disk for (c)
  (c) bulk   to_document + opensearch-py helpers.streaming_bulk and parallel_bulk of those pre-cleaned records
             into a fresh index (repeated with suffixed ids when the pure pass covered fewer than N)
  (a) ingest flows.ingest.ingest(source=corpus, alias=fresh alias), end to end, in Prefect's local mode
  (d) naive  a Prefect flow with one task per article (bench/naive.py), on the --naive-docs corpus only
Every stage runs in its own process; peak RSS is sampled over that process and all its children, CPU comes
from the children's rusage. All bench indices are deleted afterwards. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psutil

from bench.corpus import DEFAULT_SEED, OUT, ensure_corpus

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = (1_000, 10_000, 100_000)
# Issue 14's targets on this 2-core box, at the largest N of the run.
TARGET_DOCS_PER_S = 350
TARGET_FLOOR_SHARE = 0.9
TARGET_PURE_CPU_MS = 2.5
TARGET_JVM_MS = 2.5


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        return os.cpu_count() or 1


def machine() -> dict:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": cores(), "cpu": model, "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform()}


def opensearch_pids(urls: list[str]) -> list[int]:
    """The OpenSearch JVMs listening on the URLs' ports (every node of a local cluster), to account for their CPU
    during each stage."""
    ports = set()
    for url in urls:
        tail = url.rsplit(":", 1)[-1].split("/")[0]
        ports.add(int(tail) if tail.isdigit() else 9200)
    try:
        return sorted({c.pid for c in psutil.net_connections(kind="tcp")
                       if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port in ports and c.pid})
    except (psutil.AccessDenied, PermissionError):
        return []


def _cpu_s(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            t = psutil.Process(pid).cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


class Sampler(threading.Thread):
    """Peak RSS of a process and all its descendants, sampled every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.peak_procs = 0
        self._stop_evt = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop_evt.is_set():
            total, procs = 0, 0
            try:
                family = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for p in family:
                try:
                    total += p.memory_info().rss
                    procs += 1
                except psutil.Error:
                    pass
            if total > self.peak:
                self.peak, self.peak_procs = total, procs
            self._stop_evt.wait(self.interval)

    def stop(self) -> None:
        self._stop_evt.set()
        self.join(timeout=5)


def _busy_s() -> float:
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def run_child(args: list[str], env: dict, os_pid: list[int], timeout: float = 7200) -> dict:
    """Run `python -m bench.<args>`; return its JSON plus wall time, tree CPU, OpenSearch CPU and peak RSS.

    `foreign_cpu_s` is the CPU that neither the stage nor OpenSearch used during the stage: other work on a
    shared machine, which slows every number down.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    os_before = _cpu_s(os_pid)
    busy_before = _busy_s()
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    sampler.stop()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed ({proc.returncode}):\n{err[-4000:]}")
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    result = json.loads(lines[-1])
    result["process_wall_s"] = wall
    result["tree_cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["opensearch_cpu_s"] = _cpu_s(os_pid) - os_before if os_pid else None
    result["foreign_cpu_s"] = round(_busy_s() - busy_before - result["tree_cpu_s"]
                                    - (result["opensearch_cpu_s"] or 0.0), 1)
    result["loadavg_1m"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    result["peak_rss_mb"] = round(sampler.peak / 2**20, 1)
    result["peak_procs"] = sampler.peak_procs
    return result


def drop_alias(alias: str) -> None:
    """Delete the bench alias's indices (versions and state), by exact names."""
    from common.settings import Settings
    from indexing.client import make_client

    client = make_client(Settings.from_env())
    names = list(client.indices.get(index=f"{alias}*", ignore_unavailable=True, allow_no_indices=True).keys())
    for name in names:
        if name == alias or name.startswith(f"{alias}-"):
            client.indices.delete(index=name, ignore_unavailable=True)


def _rate(n: float, s: float) -> float:
    return round(n / s, 1) if s else 0.0


def bench_n(n: int, args: argparse.Namespace, env: dict, os_pid: list[int], run_id: str, work: Path) -> dict:
    corpus, manifest = ensure_corpus(n, args.seed)
    mb = manifest["bytes"] / 2**20
    res: dict = {"docs": n, "files": manifest["files"], "corpus_mb": round(mb, 1)}
    log(f"N={n}: corpus {corpus} ({manifest['files']} files, {mb:.1f} MB)")

    # (b) pure
    if "pure" in args.stages or "bulk" in args.stages:
        records = work / f"records-{n}.jsonl"
        limit = min(n, args.pure_max)
        log(f"N={n}: (b) pure clean+enrich on one core over {limit} documents ...")
        p = run_child(["bench.stages", "pure", str(corpus), str(records), "--limit", str(limit)], env, os_pid)
        p["docs_per_s"] = _rate(p["docs"], p["wall_s"])
        p["mb_per_s"] = round(p["bytes"] / 2**20 / p["wall_s"], 2) if p["wall_s"] else 0.0
        res["pure"] = p
        log(f"N={n}: (b) pure {p['docs_per_s']} docs/s ({p['docs_per_cpu_s']} per CPU s), median "
            f"{p['cpu_ms_median']:.2f} CPU ms/doc, foreign CPU {p['foreign_cpu_s']} s")

    # (c) bulk
    if "bulk" in args.stages:
        res["bulk"] = {}
        # Above 10k only the last mode (parallel by default) runs, to keep `make bench` within its time budget.
        modes = args.bulk_modes if n <= 10_000 or len(args.bulk_modes) == 1 else args.bulk_modes[-1:]
        for mode in modes:
            alias = f"bench-{run_id}-bulk-{mode[0]}-{n}"
            log(f"N={n}: (c) {mode} bulk of {n} pre-cleaned records ...")
            try:
                b = run_child(["bench.stages", "bulk", str(records), "--docs", str(n), "--alias", alias,
                               "--mode", mode], env, os_pid)
            finally:
                drop_alias(alias)
            b["docs_per_s"] = _rate(b["docs"], b["wall_s"])
            b["mb_per_s"] = round(mb * b["docs"] / n / b["wall_s"], 2) if b["wall_s"] else 0.0
            res["bulk"][mode] = b
            log(f"N={n}: (c) {mode} {b['docs_per_s']} docs/s")
        best = max(res["bulk"].values(), key=lambda b: b["docs_per_s"])
        res["bulk_best"] = {"mode": best["mode"], "docs_per_s": best["docs_per_s"]}

    # (a) ingest
    if "ingest" in args.stages:
        alias = f"bench-{run_id}-ingest-{n}"
        log(f"N={n}: (a) ingest flow end to end ...")
        try:
            a = run_child(["bench.stages", "ingest", str(corpus), "--alias", alias], env, os_pid)
        finally:
            drop_alias(alias)
        a["docs_per_s"] = _rate(a["docs"] or n, a["wall_s"])
        a["mb_per_s"] = round(mb / a["wall_s"], 2) if a["wall_s"] else 0.0
        a["cpu_ms_per_doc_mean"] = round(a["tree_cpu_s"] * 1000 / max(1, a["docs"] or n), 2)
        res["ingest"] = a
        log(f"N={n}: (a) ingest {a['docs_per_s']} docs/s, peak RSS {a['peak_rss_mb']} MB "
            f"({a['summary'].get('indexed')} indexed, {a['summary'].get('quarantined')} quarantined); CPU s: flow "
            f"process {a.get('flow_process_cpu_s')}, workers {a.get('workers_cpu_s')}, Prefect server "
            f"{a.get('prefect_server_cpu_s')}, OpenSearch {a['opensearch_cpu_s']:.1f}")

    # (d) naive
    if "naive" in args.stages and n == args.naive_docs:
        alias = f"bench-{run_id}-naive-{n}"
        log(f"N={n}: (d) naive flow, one Prefect task per article ...")
        try:
            d = run_child(["bench.stages", "naive", str(corpus), "--alias", alias], env, os_pid)
        finally:
            drop_alias(alias)
        d["docs_per_s"] = _rate(d["docs"], d["wall_s"])
        d["mb_per_s"] = round(mb / d["wall_s"], 2) if d["wall_s"] else 0.0
        d["cpu_ms_per_doc_mean"] = round(d["tree_cpu_s"] * 1000 / max(1, d["docs"]), 2)
        res["naive"] = d
        log(f"N={n}: (d) naive {d['docs_per_s']} docs/s")
    return res


def stage_times(res: dict, split: dict | None) -> dict:
    """Per-stage seconds for N: read/clean/enrich from the pure pass (split by the profile), index from bulk."""
    out: dict = {}
    p = res.get("pure")
    if p and split:
        shares = split.get("stages", {})
        scale = res["docs"] / max(1, p["docs"])  # extrapolate a capped pure pass to N
        for stage in ("read", "clean", "enrich", "other"):
            out[stage] = round(p["wall_s"] * scale * shares.get(stage, 0.0), 2)
    bulk = res.get("bulk") or {}
    b = bulk.get("streaming") or next(iter(bulk.values()), None)
    if b:
        out["index"] = round(b["wall_s"], 2)
        out["index_to_document"] = round(b["to_document_s"], 2)
    return out


def combined_floor(pure_docs_per_s: float, cores_n: int, bulk_docs_per_s: float) -> float:
    """The honest ceiling when cleaning and the OpenSearch JVM share the same cores: each article costs
    1/(pure x cores) of the box to clean plus 1/bulk to index."""
    return 1 / (1 / (pure_docs_per_s * cores_n) + 1 / bulk_docs_per_s)


def targets(results: list[dict], cores_n: int) -> dict:
    big = max(results, key=lambda r: r["docs"])
    ing = big.get("ingest", {}).get("docs_per_s")
    pure = big.get("pure", {}).get("docs_per_s")
    bulk = (big.get("bulk_best") or {}).get("docs_per_s")
    naive = next((r["naive"]["docs_per_s"] for r in results if "naive" in r), None)
    t: dict = {"at_docs": big["docs"]}
    if ing is not None:
        t[f"ingest_ge_{TARGET_DOCS_PER_S}"] = {"value": ing, "target": TARGET_DOCS_PER_S,
                                               "met": ing >= TARGET_DOCS_PER_S}
    if ing is not None and pure and bulk:
        floor = combined_floor(pure, cores_n, bulk)
        t[f"ingest_ge_{TARGET_FLOOR_SHARE}_combined_floor"] = {
            "value": ing, "floor": round(floor, 1), "share": round(ing / floor, 3),
            "target": round(TARGET_FLOOR_SHARE * floor, 1), "met": ing >= TARGET_FLOOR_SHARE * floor}
    p = big.get("pure")
    if p and p.get("docs"):
        mean = p["cpu_s"] * 1000 / p["docs"]
        t["clean_enrich_cpu_ms_mean"] = {"value": round(mean, 2), "target": TARGET_PURE_CPU_MS,
                                         "met": mean <= TARGET_PURE_CPU_MS}
    a = big.get("ingest")
    if a and a.get("opensearch_cpu_s") is not None and a.get("docs"):
        jvm = a["opensearch_cpu_s"] * 1000 / a["docs"]
        t["jvm_ms_per_doc"] = {"value": round(jvm, 2), "target": TARGET_JVM_MS, "met": jvm <= TARGET_JVM_MS}
    if ing is not None and naive:
        t["ingest_ge_10x_naive"] = {"value": ing, "target": round(10 * naive, 1), "met": ing >= 10 * naive}
    rss = {r["docs"]: r["ingest"]["peak_rss_mb"] for r in results if "ingest" in r}
    if 10_000 in rss and 100_000 in rss:
        ratio = rss[100_000] / rss[10_000]
        t["rss_10k_vs_100k_within_20pct"] = {"rss_10k_mb": rss[10_000], "rss_100k_mb": rss[100_000],
                                             "ratio": round(ratio, 3), "met": abs(ratio - 1) <= 0.2}
    return t


def cpu_per_doc(res: dict, split: dict | None) -> dict[str, float]:
    """CPU ms per article by stage: clean/enrich/other from the pure pass (split by the profile), to_document from
    the bulk pass, and the ingest flow's processes (flow, workers, Prefect server, OpenSearch JVM)."""
    out: dict[str, float] = {}
    p = res.get("pure")
    if p and p.get("docs"):
        mean = p["cpu_s"] * 1000 / p["docs"]
        shares = (split or {}).get("stages") or {}
        for stage in ("read", "clean", "enrich", "other"):
            if stage in shares:
                out[stage] = round(mean * shares[stage], 2)
        if not shares:
            out["clean+enrich"] = round(mean, 2)
    b = (res.get("bulk") or {}).get("streaming")
    if b and b.get("docs") and b.get("to_document_s") is not None:
        out["to_document (wall)"] = round(b["to_document_s"] * 1000 / b["docs"], 2)
    a = res.get("ingest")
    if a and a.get("docs"):
        for key, label in (("flow_process_cpu_s", "flow"), ("workers_cpu_s", "workers"),
                           ("prefect_server_cpu_s", "Prefect"), ("opensearch_cpu_s", "JVM")):
            if a.get(key) is not None:
                out[label] = round(a[key] * 1000 / a["docs"], 2)
    return out


def print_table(results: list[dict], stages: dict[int, dict], split: dict | None = None) -> None:
    w = sys.stdout.write
    w("\nThroughput (docs = articles; MB = corpus bytes on disk)\n")
    hdr = f"{'N':>7} {'run':<18} {'docs':>7} {'wall s':>8} {'docs/s':>8} {'MB/s':>6} {'CPU ms/doc':>11} " \
          f"{'OS CPU s':>8} {'other CPU s':>11} {'peak RSS MB':>11}\n"
    w(hdr)
    w("-" * (len(hdr) - 1) + "\n")
    for r in results:
        rows = []
        if "ingest" in r:
            a = r["ingest"]
            rows.append(("(a) ingest flow", a, f"{a['cpu_ms_per_doc_mean']:.2f} avg"))
        if "pure" in r:
            p = r["pure"]
            rows.append(("(b) pure, 1 core", p, f"{p['cpu_ms_median']:.2f} med"))
        for mode, b in (r.get("bulk") or {}).items():
            rows.append((f"(c) {mode}_bulk", b, f"{b['tree_cpu_s'] * 1000 / max(1, b['docs']):.2f} avg"))
        if "naive" in r:
            d = r["naive"]
            rows.append(("(d) naive flow", d, f"{d['cpu_ms_per_doc_mean']:.2f} avg"))
        for name, x, cpu in rows:
            osc = x.get("opensearch_cpu_s")
            w(f"{r['docs']:>7} {name:<18} {x['docs']:>7} {x['wall_s']:>8.1f} {x['docs_per_s']:>8.1f} "
              f"{x.get('mb_per_s', 0):>6.2f} {cpu:>11} {(f'{osc:.1f}' if osc is not None else '-'):>8} "
              f"{x.get('foreign_cpu_s', 0):>11.1f} {x['peak_rss_mb']:>11.1f}\n")
    w("CPU ms/doc: pure = median per-document thread CPU; others = CPU of the stage's whole process tree / docs.\n"
      "OS CPU s: the OpenSearch JVM's CPU during the stage. other CPU s: CPU used by anything else on the box "
      "(a shared machine slows every stage).\n")
    w("\nPer-stage time, seconds for all N documents (read/clean/enrich: pure pass on one core, split by the "
      "profile; index: streaming_bulk incl. to_document)\n")
    w(f"{'N':>7} {'read':>8} {'clean':>8} {'enrich':>8} {'other':>8} {'index':>8} {'(to_doc)':>9}  slowest\n")
    for r in results:
        s = stages.get(r["docs"], {})
        core = {k: s[k] for k in ("read", "clean", "enrich", "index") if k in s}
        slowest = max(core, key=core.get) if core else "-"
        w(f"{r['docs']:>7} " + " ".join(f"{s.get(k, float('nan')):>8.1f}" for k in ("read", "clean", "enrich",
                                                                                       "other", "index"))
          + f" {s.get('index_to_document', float('nan')):>9.1f}  {slowest}\n")
    w("\nCPU ms per article by stage (pure pass split by the profile; the ingest flow's processes)\n")
    for r in results:
        per = cpu_per_doc(r, split)
        if per:
            w(f"{r['docs']:>7} " + ", ".join(f"{k} {v:.2f}" for k, v in per.items()) + "\n")


def print_targets(t: dict) -> None:
    w = sys.stdout.write
    w(f"\nTargets at N={t.get('at_docs')}\n")
    for k, v in t.items():
        if k == "at_docs":
            continue
        mark = "MET " if v.get("met") else "MISS"
        detail = ", ".join(f"{a}={b}" for a, b in v.items() if a != "met")
        w(f"  [{mark}] {k}: {detail}\n")


def parse_docs(values: list[int] | None) -> list[int]:
    if values:
        return values
    env = os.environ.get("BENCH_DOCS", "").replace(" ", "")
    if env:
        return [int(float(x)) for x in env.split(",") if x]
    return list(DEFAULT_DOCS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", help="corpus sizes (default: BENCH_DOCS or 1000 10000 100000)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--pure-max", type=int, default=int(os.environ.get("BENCH_PURE_MAX", 20_000)),
                    help="cap the one-core pure pass (docs/s is a rate; the cap keeps `make bench` under ~25 min)")
    ap.add_argument("--naive-docs", type=int, default=10_000)
    ap.add_argument("--stages", nargs="+", default=["pure", "bulk", "ingest", "naive"],
                    choices=["pure", "bulk", "ingest", "naive"])
    ap.add_argument("--bulk-modes", nargs="+", default=["streaming", "parallel"], choices=["streaming", "parallel"])
    ap.add_argument("--profile-docs", type=int, default=1000, help="documents profiled for the stage split (0: off)")
    ap.add_argument("--save", type=Path, help="write the full results JSON here (default bench/out/results-*.json)")
    args = ap.parse_args(argv)
    docs = sorted(set(parse_docs(args.docs)))

    from common.settings import Settings
    from indexing.client import check_reachable, make_client

    settings = Settings.from_env()
    check_reachable(make_client(settings), settings)
    os_pid = opensearch_pids(settings.urls)
    run_id = uuid.uuid4().hex[:6]
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"run-{run_id}-", dir=OUT))
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_LOGGING_LEVEL": os.environ.get("PREFECT_LOGGING_LEVEL", "WARNING"),
           "PYTHONPATH": os.pathsep.join(p for p in (os.environ.get("PYTHONPATH"), str(ROOT)) if p)}
    env.pop("PREFECT_API_URL", None)
    info = machine()
    log(f"run {run_id}: N={docs} on {info['cores']} cores ({info['cpu']}, {info['ram_gb']} GB); "
        f"OpenSearch {settings.safe_url} pids {os_pid}")
    started = time.perf_counter()
    results: list[dict] = []
    split = None
    try:
        # Create the throwaway Prefect database once (migrations), as a user's machine already has it.
        subprocess.run([sys.executable, "-c", "from prefect import flow\nflow(name='bench-warmup')(lambda: 1)()"],
                       env=env, cwd=ROOT, capture_output=True, timeout=300)
        if args.profile_docs and "pure" in args.stages:
            corpus, _ = ensure_corpus(max(args.profile_docs, min(docs)), args.seed)
            log(f"profiling clean+enrich on {args.profile_docs} documents (pyinstrument -> bench/profile.txt) ...")
            split = run_child(["bench.profile", "--corpus", str(corpus), "--docs", str(args.profile_docs)], env,
                              os_pid)
            log(f"stage split: {split['stages']}")
        for n in docs:
            results.append(bench_n(n, args, env, os_pid, run_id, work))
        if "naive" in args.stages and args.naive_docs not in docs:
            extra = argparse.Namespace(**{**vars(args), "stages": ["naive"]})
            naive_only = bench_n(args.naive_docs, extra, env, os_pid, run_id, work)
            min(results, key=lambda r: r["docs"])["naive"] = naive_only["naive"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stages = {r["docs"]: stage_times(r, split) for r in results}
    t = targets(results, info["cores"])
    print_table(results, stages, split)
    print_targets(t)
    big = max(results, key=lambda r: r["docs"])
    naive = next((r["naive"]["docs_per_s"] for r in results if "naive" in r), None)
    line = {
        "docs": big["docs"], "cores": info["cores"],
        "ingest_docs_per_s": big.get("ingest", {}).get("docs_per_s"),
        "pure_docs_per_s": big.get("pure", {}).get("docs_per_s"),
        "bulk_docs_per_s": (big.get("bulk_best") or {}).get("docs_per_s"),
        "naive_docs_per_s": naive,
        "peak_rss_mb": big.get("ingest", {}).get("peak_rss_mb"),
        "wall_s": round(time.perf_counter() - started, 1),
        "per_n": {str(r["docs"]): {
            "ingest_docs_per_s": r.get("ingest", {}).get("docs_per_s"),
            "ingest_mb_per_s": r.get("ingest", {}).get("mb_per_s"),
            "pure_docs_per_s": r.get("pure", {}).get("docs_per_s"),
            "pure_cpu_ms_median": r.get("pure", {}).get("cpu_ms_median"),
            "bulk_docs_per_s": (r.get("bulk_best") or {}).get("docs_per_s"),
            "streaming_bulk_docs_per_s": (r.get("bulk") or {}).get("streaming", {}).get("docs_per_s"),
            "parallel_bulk_docs_per_s": (r.get("bulk") or {}).get("parallel", {}).get("docs_per_s"),
            "naive_docs_per_s": r.get("naive", {}).get("docs_per_s"),
            "peak_rss_mb": r.get("ingest", {}).get("peak_rss_mb"),
            "stage_s": stages.get(r["docs"]),
        } for r in results},
        "targets": {k: v.get("met") for k, v in t.items() if isinstance(v, dict)},
    }
    save = args.save or OUT / f"results-{time.strftime('%Y%m%d-%H%M%S')}-{run_id}.json"
    save.write_text(json.dumps({"machine": info, "date": time.strftime("%Y-%m-%d %H:%M:%S %z"), "split": split,
                                "results": results, "stages": stages, "targets": t, "summary": line}, indent=1,
                               default=str))
    log(f"full results: {save}")
    sys.stdout.write(json.dumps(line, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
