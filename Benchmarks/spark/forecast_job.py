#!/usr/bin/env python3
"""Forecast a long usage/series table on Apache Spark by piping partitions through quartermaster.

    spark-submit --files /path/to/quartermaster forecast_job.py \
        --input hdfs:///usage/*.csv --output hdfs:///forecasts \
        --series item --date date --value quantity --frequency month --horizon 12

How it works:

1. Spark reads the long CSV with every column as text (values reach the binary byte for byte),
   keeping only the series, date and value columns.
2. It repartitions by the series key (hash partitioning), so every series lands whole in one
   partition. Forecasts of a series depend only on that series' rows, so any such split gives
   the same forecasts as one plain `quartermaster forecast` over the whole file.
3. Each non-empty partition is written, with its own header line, to the stdin of
   `quartermaster forecast --input - --out - --quiet --threads 1 ...`; its stdout is read back
   (header checked, then skipped). One binary per task on one thread: Spark's task slots are the
   parallelism. A non-zero exit fails the task with the binary's stderr in the message; an
   empty partition never starts the binary.
4. The union is written as CSV (header, RFC 4180 quoting, values exactly as the binary printed
   them) or Parquet (`--format parquet`, forecast and interval columns as doubles).

The binary is shipped to the executors with SparkContext.addFile when --binary names a file on
the driver, or taken from `spark-submit --files` (same base name) or from an archive
(`--archives quartermaster-bundle.tar.gz#qm --binary qm/quartermaster`, see bundle.sh), or used
as installed on the executors' image (`--no-ship`, an absolute path or a name on PATH).
"""
import argparse
import csv
import io
import itertools
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time

# The binary's output columns around the interval pairs (loNN, hiNN for each level).
OUTPUT_LEADING = ["series", "period", "forecast"]
OUTPUT_TRAILING = ["model", "demand_class"]


def parse_args(argv=None):
    ap = argparse.ArgumentParser(
        description="Forecast every series of a long CSV on Spark through the quartermaster binary.")
    ap.add_argument("--input", required=True, help="long CSV file, folder or glob (any Spark-readable path)")
    ap.add_argument("--output", required=True, help="output folder (replaced if it exists)")
    ap.add_argument("--format", choices=["csv", "parquet"], default="csv")
    ap.add_argument("--binary", default="quartermaster",
                    help="quartermaster binary: a file on the driver (shipped with addFile), the base "
                         "name of a file given to spark-submit --files, or a path/name on the executors "
                         "with --no-ship (default: quartermaster)")
    ap.add_argument("--no-ship", action="store_true",
                    help="do not ship the binary; executors run --binary as installed on their image")
    ap.add_argument("--partitions", type=int, default=0,
                    help="partitions (binary runs) to split the series into (default: 4 x default parallelism)")
    ap.add_argument("--master", default=None, help="Spark master when not set by spark-submit, e.g. local[2]")
    ap.add_argument("--app-name", default="quartermaster-forecast")
    ap.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                    help="Spark setting when not launched by spark-submit, e.g. spark.driver.memory=4g")
    ap.add_argument("--quiet", action="store_true", help="no Spark progress bar, only errors in the log")
    # How Spark reads the input.
    ap.add_argument("--delimiter", default=",", help="input field delimiter (default ,)")
    ap.add_argument("--multiline", action="store_true",
                    help="input has quoted fields with line breaks (makes each file one read task)")
    # Passed through to `quartermaster forecast`.
    ap.add_argument("--series", default="item", help="header of the series key column (default: item)")
    ap.add_argument("--date", default="date", help="header of the date or period column (default: date)")
    ap.add_argument("--value", default="quantity", help="header of the value column (default: quantity)")
    ap.add_argument("--frequency", default="month", choices=["day", "week", "month", "quarter", "year"])
    ap.add_argument("--horizon", type=int, required=True)
    ap.add_argument("--season", type=int, default=None)
    ap.add_argument("--models", default=None, help="auto, or a list such as ets,theta,croston")
    ap.add_argument("--levels", default="80,95", help="prediction interval levels in percent (default 80,95)")
    ap.add_argument("--backtest", type=int, default=None)
    ap.add_argument("--date-format", default=None)
    ap.add_argument("--decimal-comma", action="store_true")
    ap.add_argument("--on-error", choices=["fail", "skip"], default=None)
    ap.add_argument("--reject-threshold", default=None,
                    help="largest share of rejected rows in percent, applied per partition")
    a = ap.parse_args(argv)
    if a.horizon < 1:
        ap.error("--horizon must be at least 1")
    if a.partitions < 0:
        ap.error("--partitions must be positive")
    return a


def normalized_levels(text):
    """Levels as the binary prints them in its header: 80, 97.5 (shortest form)."""
    levels = []
    for token in text.split(","):
        token = token.strip()
        if not token:
            continue
        try:
            x = float(token)
        except ValueError:
            raise SystemExit(f"error: --levels: '{token}' is not a number; use e.g. 80,95")
        levels.append(str(int(x)) if x.is_integer() else repr(x))
    return levels


def output_header(levels):
    columns = list(OUTPUT_LEADING)
    for level in levels:
        columns += [f"lo{level}", f"hi{level}"]
    return columns + OUTPUT_TRAILING


def forecast_command(binary, a, levels):
    cmd = [binary, "forecast", "--input", "-", "--out", "-", "--quiet", "--threads", "1",
           "--series", a.series, "--date", a.date, "--value", a.value,
           "--frequency", a.frequency, "--horizon", str(a.horizon),
           "--levels", ",".join(levels), "--delimiter", ","]
    if a.season is not None:
        cmd += ["--season", str(a.season)]
    if a.models:
        cmd += ["--models", a.models]
    if a.backtest is not None:
        cmd += ["--backtest", str(a.backtest)]
    if a.date_format:
        cmd += ["--date-format", a.date_format]
    if a.decimal_comma:
        cmd += ["--decimal-comma"]
    if a.on_error:
        cmd += ["--on-error", a.on_error]
    if a.reject_threshold is not None:
        cmd += ["--reject-threshold", str(a.reject_threshold)]
    return cmd


def resolve_binary(name, shipped):
    """The binary's path on this executor (runs inside Spark tasks)."""
    from pyspark import SparkFiles
    candidates = []
    if shipped:
        base = os.path.basename(name)
        candidates += [SparkFiles.get(base), os.path.join(os.getcwd(), base)]
    if not os.path.isabs(name):  # inside an archive (spark-submit --archives bundle.tar.gz#qm)
        candidates += [os.path.join(os.getcwd(), name), os.path.join(SparkFiles.getRootDirectory(), name)]
    candidates += [name, shutil.which(name) or ""]
    for path in candidates:
        if path and os.path.isfile(path):
            if not os.access(path, os.X_OK):
                # Some cluster managers drop the executable bit of distributed files.
                try:
                    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
                except OSError:
                    copy = os.path.join(tempfile.mkdtemp(prefix="quartermaster-"), os.path.basename(path))
                    shutil.copy(path, copy)
                    os.chmod(copy, 0o755)
                    path = copy
            return path
    raise RuntimeError(f"quartermaster binary '{name}' not found on this executor (looked at "
                       f"{', '.join(c for c in candidates if c)}); ship it with spark-submit --files "
                       f"or --archives, or install it on the executors' image and pass --binary PATH --no-ship")


def binary_env(binary):
    """The environment for the binary: the lib/ folder of a bundle (bundle.sh) comes first."""
    env = dict(os.environ)
    lib = os.path.join(os.path.dirname(os.path.abspath(binary)), "lib")
    if os.path.isfile(os.path.join(lib, "libswiftCore.so")):
        env["LD_LIBRARY_PATH"] = lib + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    return env


def records(stream):
    """CSV records of a text stream as strings, a quoted field's line breaks kept inside."""
    pending = None
    for line in stream:
        line = line.rstrip("\r\n") if line.endswith("\n") else line
        if pending is not None:
            line = pending + "\n" + line
        if line.count('"') % 2:  # inside a quoted field: the record goes on
            pending = line
            continue
        pending = None
        yield line
    if pending is not None:
        yield pending


def make_partition_runner(a, levels, shipped, header, counters):
    """The function run by mapPartitionsWithIndex: CSV lines in, forecast CSV records out."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([a.series, a.date, a.value])
    input_header = buf.getvalue()
    stderr_limit = 64 * 1024

    def run(index, lines):
        lines = iter(lines)
        first = next(lines, None)
        if first is None:  # empty partition: the binary is never started
            counters["empty"].add(1)
            return
        binary = resolve_binary(a.binary, shipped)
        cmd = forecast_command(binary, a, levels)
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=binary_env(binary))
        fed = {"rows": 0, "error": None}
        err_chunks = []

        def feed():
            try:
                with io.TextIOWrapper(proc.stdin, encoding="utf-8", newline="",
                                      write_through=False) as stdin:
                    stdin.write(input_header)
                    n = 0
                    for line in itertools.chain((first,), lines):
                        stdin.write(line)
                        stdin.write("\n")
                        n += 1
                    fed["rows"] = n
            except BrokenPipeError:
                pass  # the binary stopped reading: its exit status and stderr tell why
            except BaseException as e:  # noqa: BLE001 - re-raised in the task thread
                fed["error"] = e
                try:
                    proc.kill()
                except OSError:
                    pass

        def drain():
            size = 0
            for chunk in iter(lambda: proc.stderr.read(8192), b""):
                err_chunks.append(chunk)
                size += len(chunk)
                while size > stderr_limit and len(err_chunks) > 1:
                    size -= len(err_chunks.pop(0))

        feeder = threading.Thread(target=feed, daemon=True)
        drainer = threading.Thread(target=drain, daemon=True)
        feeder.start()
        drainer.start()
        out_rows = 0
        bad = None
        finished = False
        try:
            out = records(io.TextIOWrapper(proc.stdout, encoding="utf-8", newline=""))
            got = next(out, None)
            if got is not None:
                got = next(csv.reader([got]))
                if got != header:
                    bad = f"unexpected header {got}, expected {header}"
            if got is not None and bad is None:
                for record in out:  # header skipped; Spark parses the rest against the schema
                    out_rows += 1
                    yield record
            finished = True
        finally:
            if bad is not None or not finished:
                proc.kill()  # a bad output, or Spark stopped reading (task killed, limit reached)
            code = proc.wait()
            feeder.join()
            drainer.join()
        stderr = b"".join(err_chunks).decode("utf-8", "replace").strip()
        if fed["error"] is not None:
            raise RuntimeError(f"partition {index}: writing rows to quartermaster failed: "
                               f"{fed['error']!r}") from fed["error"]
        if code != 0:
            raise RuntimeError(f"partition {index}: quartermaster exited with status {code} "
                               f"({shlex.join(cmd)}); stderr:\n{stderr}")
        if bad is not None:
            raise RuntimeError(f"partition {index}: {bad}")
        # The binary's summary line on success: pass rejected rows on to the executor's log,
        # since a streamed input has no NAME.rejects.csv beside it.
        for line in stderr.splitlines():
            m = re.search(r"(\d+) rejected", line)
            if m and int(m.group(1)) > 0:
                counters["rejected"].add(int(m.group(1)))
                print(f"forecast_job: partition {index}: {line}", file=sys.stderr)
        counters["rows_in"].add(fed["rows"])
        counters["rows_out"].add(out_rows)
        counters["runs"].add(1)

    return run


# CSV options that keep every value's text as it is (RFC 4180 quoting, no trimming).
CSV_TEXT = {"quote": '"', "escape": '"', "ignoreLeadingWhiteSpace": "false",
            "ignoreTrailingWhiteSpace": "false", "nullValue": "", "emptyValue": ""}


def csv_lines(df, spark, F):
    """The rows of df as CSV lines (RDD of str). The lines are built in the JVM (to_csv) and
    handed to Python as plain UTF-8 strings, as DataFrame.toJSON does; several times faster than
    converting every Row. Falls back to Rows formatted in Python where the JVM is not reachable
    (Spark Connect)."""
    cols = [F.col(f"`{c}`") for c in df.columns]
    try:
        from pyspark.rdd import RDD
        from pyspark.serializers import UTF8Deserializer
        text = df.select(F.to_csv(F.struct(*cols), CSV_TEXT).alias("line"))
        encoder = spark._jvm.org.apache.spark.sql.Encoders.STRING()
        jrdd = getattr(text._jdf, "as")(encoder).toJavaRDD()
        return RDD(jrdd, spark.sparkContext, UTF8Deserializer())
    except Exception:  # noqa: BLE001 - any internal API change: take the portable path
        def to_lines(rows):
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="")
            for row in rows:
                buf.seek(0)
                buf.truncate()
                writer.writerow(["" if v is None else v for v in row])
                yield buf.getvalue()
        return df.rdd.mapPartitions(to_lines)


def main(argv=None):
    a = parse_args(argv)
    levels = normalized_levels(a.levels)
    header = output_header(levels)

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    builder = SparkSession.builder.appName(a.app_name)
    if a.master:
        builder = builder.master(a.master)
        if a.master.startswith("local"):
            # Local workers run the driver's interpreter (a cluster sets spark.pyspark.python).
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for setting in a.conf:
        k, sep, v = setting.partition("=")
        if not sep:
            raise SystemExit(f"error: --conf {setting}: expected KEY=VALUE")
        builder = builder.config(k.strip(), v.strip())
    if a.quiet:
        builder = builder.config("spark.ui.showConsoleProgress", "false")
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    if a.quiet:
        sc.setLogLevel("ERROR")
    started = time.time()

    # Ship the binary unless spark-submit --files already did, or it lives on the image.
    base = os.path.basename(a.binary)
    submitted = ",".join(spark.conf.get(k, "") or "" for k in ("spark.files", "spark.yarn.dist.files"))
    shipped = False
    if not a.no_ship:
        if any(os.path.basename(f.split("#")[0]) == base for f in submitted.split(",") if f):
            shipped = True
        elif os.path.isfile(a.binary):
            sc.addFile(os.path.abspath(a.binary))
            shipped = True

    reader = (spark.read.option("header", True).option("inferSchema", False).options(**CSV_TEXT)
              .option("sep", a.delimiter).option("multiLine", a.multiline).option("mode", "FAILFAST"))
    df = reader.csv(a.input)
    names = [c.lstrip("\ufeff") for c in df.columns]
    df = df.toDF(*names)
    missing = [c for c in (a.series, a.date, a.value) if c not in names]
    if missing:
        spark.stop()
        raise SystemExit(f"error: {a.input}: no column {', '.join(repr(m) for m in missing)} "
                         f"(headers: {', '.join(names)}); set --series/--date/--value")
    key, date, value = (F.col(f"`{c}`") for c in (a.series, a.date, a.value))
    partitions = a.partitions or 4 * sc.defaultParallelism
    # Hash partitioning on the key: each series lands whole in exactly one partition.
    by_series = df.select(key, date, value).repartition(partitions, key)

    counters = {k: sc.accumulator(0) for k in ("rows_in", "rows_out", "runs", "empty", "rejected")}
    run = make_partition_runner(a, levels, shipped, header, counters)
    forecasts = csv_lines(by_series, spark, F).mapPartitionsWithIndex(run)
    # Spark parses the binary's CSV records in the JVM, every column as text.
    schema = StructType([StructField(c, StringType(), True) for c in header])
    out = (spark.read.schema(schema).options(**CSV_TEXT).option("mode", "FAILFAST")
           .option("header", False).csv(forecasts))

    try:
        write(out, a, header, F)
    except Exception as e:  # noqa: BLE001 - Spark wraps the task's error in a Java exception
        text = str(e)
        m = re.search(r"RuntimeError: (.*?)(?:\n\s*at |\n\n|$)", text, re.S)
        spark.stop()
        reason = m.group(1).strip() if m else "\n".join(text.splitlines()[:20])
        raise SystemExit(f"forecast_job: failed: {reason}")

    rejected = counters["rejected"].value
    print(f"forecast_job: {counters['rows_in'].value} rows in"
          f"{f' ({rejected} rejected by quartermaster, see the executor logs)' if rejected else ''}, "
          f"{counters['rows_out'].value} forecast rows out, {partitions} partitions "
          f"({counters['runs'].value} binary runs, {counters['empty'].value} empty), "
          f"{time.time() - started:.1f} s -> {a.output} ({a.format})", file=sys.stderr)
    spark.stop()


def write(out, a, header, F):
    if a.format == "parquet":
        numeric = set(header) - {"series", "period", "model", "demand_class"}
        out = out.select(*[F.col(f"`{c}`").cast("double").alias(c) if c in numeric else F.col(f"`{c}`")
                           for c in header])
        out.write.mode("overwrite").parquet(a.output)
    else:
        out.write.mode("overwrite").option("header", True).options(**CSV_TEXT).csv(a.output)


if __name__ == "__main__":
    main()
