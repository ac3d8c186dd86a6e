#!/usr/bin/env python3
"""Summarise the /usr/bin/time -v logs of run.sh into a Markdown table.

Prints the report and writes it to --md (overwritten each run). Wall time is
the median over the repeats (robust to one disturbed run); peak RSS is the
maximum over the repeats (the figure that decides whether a job fits). All
sizes are in decimal MB (10^6 bytes), the file size as well as the RSS.
"""

import argparse
import datetime
import os
import platform
import statistics
import subprocess
from importlib import metadata


def parse_time_log(path):
    """Wall seconds, CPU seconds (user+sys) and peak RSS bytes from time -v."""
    fields = {}
    with open(path) as f:
        for line in f:
            key, sep, value = line.strip().rpartition(": ")
            if sep:
                fields[key] = value
    # "h:mm:ss" or "m:ss.cc"
    wall = 0.0
    for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    rss = int(fields["Maximum resident set size (kbytes)"]) * 1024
    return wall, cpu, rss


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total_gb():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) * 1024 / 1e9:.1f} GB"
    except OSError:
        pass
    return "unknown"


def git_revision():
    def git(*args):
        return subprocess.run(
            ["git", *args], capture_output=True, text=True, check=False
        ).stdout.strip()

    rev = git("rev-parse", "--short", "HEAD") or "no commit"
    if git("status", "--porcelain", "--untracked-files=no", "--", "Sources", "Package.swift"):
        rev += " (Sources modified)"
    return rev


def version(pkg):
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "not installed"


def fmt_ratio(x):
    return f"{x:.2f}x"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", required=True)
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--items", default="n/a")
    ap.add_argument("--repeat", type=int, required=True)
    ap.add_argument("--tools", required=True)
    ap.add_argument("--outdir", required=True)
    ap.add_argument("--idle", default="n/a", help="CPU idle %% just before the run")
    ap.add_argument("--command", default="")
    ap.add_argument("--bin", default="n/a")
    ap.add_argument("--md", required=True)
    args = ap.parse_args()

    size = os.path.getsize(args.file)
    stats = {}
    for tool in args.tools.split(","):
        runs = [
            parse_time_log(os.path.join(args.outdir, f"{tool}.run{r}.time"))
            for r in range(1, args.repeat + 1)
        ]
        walls = [w for w, _, _ in runs]
        stats[tool] = {
            "walls": walls,
            "wall": statistics.median(walls),
            "cpu": statistics.median(c for _, c, _ in runs),
            "rss": max(m for _, _, m in runs),
        }

    # DuckDB's query time measured inside its process (peers.py prints it): the harder
    # comparison, since ours is timed as a whole process, start-up included.
    if "duckdb" in stats:
        inner = []
        for r in range(1, args.repeat + 1):
            with open(os.path.join(args.outdir, f"duckdb.run{r}.log")) as f:
                found = [l for l in f if l.startswith("in-process seconds:")]
            if found:
                inner.append(float(found[-1].split(":")[1]))
        if len(inner) == args.repeat:
            stats["duckdb query (in-process)"] = {"walls": inner, "wall": statistics.median(inner), "cpu": None, "rss": None}

    base = stats.get("duckdb")
    header = ("tool", "median s", "runs s", "CPU s", "MB/s",
              "time / DuckDB", "throughput / DuckDB", "peak RSS MB")
    rows = []
    for tool, s in stats.items():
        # Guard against a 0.00 s reading from time's 10 ms resolution on tiny inputs.
        wall = max(s["wall"], 0.01)
        time_ratio = tput_ratio = "n/a"
        if base:
            time_ratio = fmt_ratio(wall / max(base["wall"], 0.01))
            tput_ratio = fmt_ratio(max(base["wall"], 0.01) / wall)
        rows.append((
            tool,
            f"{s['wall']:.2f}",
            " ".join(f"{w:.2f}" for w in s["walls"]),
            "n/a" if s["cpu"] is None else f"{s['cpu']:.2f}",
            f"{size / 1e6 / wall:.1f}",
            time_ratio,
            tput_ratio,
            "n/a" if s["rss"] is None else f"{s['rss'] / 1e6:.0f}",
        ))

    check_path = os.path.join(args.outdir, "check.txt")
    if os.path.exists(check_path):
        with open(check_path) as f:
            lines = [line.rstrip() for line in f if line.strip()]
        verdict = next((l for l in reversed(lines) if l.startswith(("PASS", "FAIL"))), "no verdict")
        detail = lines[0] if lines else ""
        correctness = f"**{verdict}** ({detail})" if detail and detail != verdict else f"**{verdict}**"
    else:
        correctness = "not checked (needs both ours and duckdb in --tools)"

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    lines = [
        "# Ingest benchmark results",
        "",
        f"- date: {now}",
        f"- machine: nproc {nproc}, {cpu_model()}, {mem_total_gb()} RAM; "
        f"CPU idle just before the run: {args.idle}%",
        f"- input: `{args.file}`, {size / 1e6:.1f} MB ({size} bytes), "
        f"{args.rows:,} rows, "
        f"{f'{int(args.items):,}' if args.items.isdigit() else args.items} items",
        f"- repeats: {args.repeat} per tool, interleaved; wall time is the median, "
        "peak RSS the maximum",
        f"- versions: quartermaster `{args.bin}` at {git_revision()}, duckdb {version('duckdb')}, "
        f"pandas {version('pandas')}, Python {platform.python_version()}",
        f"- correctness of ours vs DuckDB: {correctness}",
        f"- command: `{args.command}`",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    lines += [
        "",
        "time / DuckDB below 1 (throughput / DuckDB above 1) means faster than "
        "DuckDB. CPU s above median s means the tool used more than one core.",
    ]
    inner = stats.get("duckdb query (in-process)")
    if inner and "ours" in stats:
        lines += [
            "",
            f"Ours as a whole process against DuckDB's query timed inside its process: "
            f"{max(stats['ours']['wall'], 0.01):.2f} s vs {inner['wall']:.2f} s, throughput ratio "
            f"{fmt_ratio(max(inner['wall'], 0.01) / max(stats['ours']['wall'], 0.01))}.",
        ]
    text = "\n".join(lines) + "\n"
    print()
    print(text, end="")
    with open(args.md, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
