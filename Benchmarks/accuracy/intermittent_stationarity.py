"""Does the spare parts' level move? Why the history's mean is hard to beat on them.

On each cut of intermittent_automotive.csv that intermittent_cuts.py scores (12, 15 and 18
training months, 6 held out), every series' last third of training is compared with the
rest by Welch's t-test. With no change of level anywhere, 5% of the series would differ at
the 5% level by chance alone. For the series that differ (a level "shown to move"), the
table gives the RMSSE of the training mean, of the last third's mean (the moved level) and
of ours; for the others, the mean's and ours. A last row of each cut scores a pretest
rule: ours where a move is shown, the mean elsewhere, with the paired difference from the
mean and its bootstrap 95% interval.

If the share that differs is near 5% and the moved level forecasts worse than the mean
even where it differs, the set's levels do not move beyond noise: the mean of the whole
history is then the efficient forecast, and no forecast that follows the recent level,
alone or combined, can beat it by more than chance.

Usage: intermittent_stationarity.py --data DATA --binary .build/release/quartermaster
"""
import argparse, math, os, statistics, tempfile, warnings

from scipy import stats

import intermittent_cuts as cuts


def moved(train):
    """Whether the last third's mean differs from the rest's (Welch, 5%)."""
    k = len(train) // 3
    early, late = train[:-k], train[-k:]
    if statistics.pvariance(early) == 0 and statistics.pvariance(late) == 0:
        return statistics.fmean(early) != statistics.fmean(late)
    with warnings.catch_warnings():
        # Nearly equal halves (all 1s and one 2) warn of precision; the p-value is still read.
        warnings.simplefilter("ignore", RuntimeWarning)
        p = stats.ttest_ind(early, late, equal_var=False).pvalue
    return not math.isnan(p) and p < 0.05


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--binary", required=True)
    args = ap.parse_args()
    series = cuts.read(args.data)
    print("| training months | from | series | level shown to move | moved: mean / last third / ours | "
          "not moved: mean / ours | pretest (ours where moved) | pretest - mean, 95% |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as work:
        for train, where in cuts.CUTS:
            path = os.path.join(work, f"cut_{train}_{where}.csv")
            cut = cuts.write_cut(series, train, where, path)
            ours = cuts.ours(args.binary, path, os.path.join(work, f"ours_{train}_{where}.csv"))
            groups = {True: [], False: []}
            pretest, paired = [], []
            for s, (tr, te) in cut.items():
                mean = cuts.rmsse(tr, te, [statistics.fmean(tr)] * cuts.H)
                if mean is None:
                    continue
                k = len(tr) // 3
                last = cuts.rmsse(tr, te, [statistics.fmean(tr[-k:])] * cuts.H)
                own = cuts.rmsse(tr, te, ours[s])
                shown = moved(tr)
                groups[shown].append((mean, last, own))
                rule = own if shown else mean
                pretest.append(rule)
                paired.append(rule - mean)
            low, high = cuts.interval(paired)
            n = len(pretest)
            mv = [statistics.fmean(c) for c in zip(*groups[True])]
            st = [statistics.fmean(c) for c in zip(*groups[False])]
            print(f"| {train} | {where} {train + cuts.H} | {n} | {len(groups[True])} ({len(groups[True]) / n:.1%}) | "
                  f"{mv[0]:.4f} / {mv[1]:.4f} / {mv[2]:.4f} | {st[0]:.4f} / {st[2]:.4f} | {statistics.fmean(pretest):.5f} | "
                  f"{statistics.fmean(paired):+.5f} [{low:+.5f}, {high:+.5f}] |", flush=True)


if __name__ == "__main__":
    main()
