"""The loop both window benchmarks share (weekly_windows.py, daily_windows.py): cut windows of
each series, forecast the periods after each with Quartermaster and with statsforecast's
models on the same values, and average MASE over the windows by set, by window length and
over all of them."""
import argparse, io, subprocess, tempfile
import numpy as np, pandas as pd


def arguments(doc, *folders):
    """--data, --binary and --out, described by the script's docstring, and an optional
    `--NAME FOLDER` for each name in `folders` (data sets kept outside the reference folder)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--out")
    for name in folders:
        parser.add_argument(f"--{name}")
    return parser.parse_args()


def score_windows(series, binary, frequency, lengths, step, h, lag, peers):
    """series: {(set, name): frame with `label` and `value` columns, in time order};
    peers: [(label, factory)]. MASE is scaled by the window's mean absolute lag-`lag` difference."""
    scores = {}
    with tempfile.TemporaryDirectory() as work:
        for (group, name), frame in series.items():
            y, labels = frame.value.to_numpy(float), frame.label.to_numpy()
            for T in lengths:
                for start in range(0, len(y) - T - h + 1, step):
                    train, test = y[start:start + T], y[start + T:start + T + h]
                    scale = np.mean(np.abs(train[lag:] - train[:-lag]))
                    if scale == 0:
                        continue
                    path = f"{work}/window.csv"
                    pd.DataFrame({"series": name, "date": labels[start:start + T], "value": train}).to_csv(path, index=False)
                    run = subprocess.run([binary, "forecast", "--input", path, "--series", "series", "--date", "date", "--value", "value",
                                          "--frequency", frequency, "--horizon", str(h), "--quiet", "--out", "-"],
                                         capture_output=True, text=True, check=True)
                    forecasts = {"Quartermaster (auto)": pd.read_csv(io.StringIO(run.stdout)).forecast.to_numpy()}
                    for label, make in peers:
                        forecasts[label] = make().forecast(y=train, h=h)["mean"]
                    for label, f in forecasts.items():
                        mase = np.mean(np.abs(f - test)) / scale
                        for key in [(group, label), (f"T={T}", label), ("all", label)]:
                            scores.setdefault(key, []).append(mase)
    return scores


def write_table(scores, groups, lengths, peers, title, doc, out):
    """Prints the table of mean MASE and, with `out`, writes it under `title` and the script's
    description (its docstring before `Usage:`)."""
    models = ["Quartermaster (auto)"] + [label for label, _ in peers]
    rows = ["all"] + groups + [f"T={T}" for T in lengths]
    lines = ["| windows | n | " + " | ".join(models) + " |", "|---|---|" + "---|" * len(models)]
    for r in rows:
        n = len(scores[(r, models[0])])
        lines.append(f"| {r} | {n} | " + " | ".join(f"{np.mean(scores[(r, m)]):.3f}" for m in models) + " |")
    text = "\n".join(lines)
    print(text)
    if out:
        with open(out, "w") as f:
            f.write(f"# {title}\n\n" + (doc or "").split("Usage:")[0].strip() + "\n\n" + text + "\n")
