#!/usr/bin/env python3
"""Reference values for kbt's sweep statistics, computed straight from the published formulas.

Writes reference.json: a deterministic (set x day) P&L matrix in micro-dollars and, for it, each set's
annualised Sharpe and Sortino ratios, the deflated Sharpe ratio of the best set (Bailey and Lopez de Prado,
"The Deflated Sharpe Ratio", 2014, eq. for SR0 and DSR), the probability of backtest overfitting by CSCV
(Bailey, Borwein, Lopez de Prado and Zhu, "The Probability of Backtest Overfitting", 2014) and walk-forward
selections. Pure Python (statistics.NormalDist, itertools.combinations); written independently of the Java code.
Run: python3 reference.py > reference.json
"""
import itertools
import json
import math
from statistics import NormalDist

SETS, DAYS = 7, 40
N01 = NormalDist()


def matrix():
    state = 20141  # a small linear congruential generator, so the matrix is fixed and portable
    rows = []
    for s in range(SETS):
        row = []
        for d in range(DAYS):
            state = (state * 1103515245 + 12345) % 2**31
            noise = (state % 2_000_001) - 1_000_000           # +-$1 of noise
            drift = (s - 3) * 40_000                          # sets differ in edge
            regime = 150_000 if (d // 10) % 2 == s % 2 else -150_000  # and in which regime they suit
            if s == 6:
                noise = noise * 3                             # one fat, noisy set
            row.append(noise + drift + regime)
        rows.append(row)
    return rows


def mean(x):
    return sum(x) / len(x)


def sd(x):
    m = mean(x)
    return math.sqrt(sum((v - m) ** 2 for v in x) / (len(x) - 1))


def sharpe(x):
    s = sd(x) if len(x) > 1 else 0.0
    return mean(x) / s if s > 0 else 0.0


def sortino(x):
    down = math.sqrt(sum(min(v, 0) ** 2 for v in x) / len(x))
    return mean(x) / down * math.sqrt(252)


def skew_kurt(x):
    m = mean(x)
    m2 = sum((v - m) ** 2 for v in x) / len(x)
    m3 = sum((v - m) ** 3 for v in x) / len(x)
    m4 = sum((v - m) ** 4 for v in x) / len(x)
    return m3 / m2 ** 1.5, m4 / m2 ** 2


def deflated_sharpe(rows):
    srs = [sharpe(r) for r in rows]
    best = max(range(len(rows)), key=lambda i: (srs[i], -i))
    n = len(rows)
    v = sd(srs) ** 2
    g = 0.5772156649015329
    sr0 = math.sqrt(v) * ((1 - g) * N01.inv_cdf(1 - 1 / n) + g * N01.inv_cdf(1 - 1 / (n * math.e)))
    sr = srs[best]
    g3, g4 = skew_kurt(rows[best])
    t = len(rows[best])
    z = (sr - sr0) * math.sqrt(t - 1) / math.sqrt(1 - g3 * sr + (g4 - 1) / 4 * sr ** 2)
    return {"best_set": best, "sharpe": sr, "expected_max_sharpe": sr0, "skewness": g3, "kurtosis": g4,
            "probability": N01.cdf(z)}


def blocks(days, s):
    """numpy.array_split: the first days % s blocks are one day longer."""
    base, extra = divmod(days, s)
    out, start = [], 0
    for b in range(s):
        size = base + (1 if b < extra else 0)
        out.append(list(range(start, start + size)))
        start += size
    return out


def pbo(rows, s):
    parts = blocks(len(rows[0]), s)
    logits = []
    for train in itertools.combinations(range(s), s // 2):
        test = [b for b in range(s) if b not in train]
        tr_days = [d for b in train for d in parts[b]]
        te_days = [d for b in test for d in parts[b]]
        tr = [sharpe([r[d] for d in tr_days]) for r in rows]
        te = [sharpe([r[d] for d in te_days]) for r in rows]
        best = max(range(len(rows)), key=lambda i: (tr[i], -i))
        lower = sum(1 for v in te if v < te[best])
        equal = sum(1 for v in te if v == te[best])
        rank = lower + (equal + 1) / 2
        w = rank / (len(rows) + 1)
        logits.append(math.log(w / (1 - w)))
    return {"splits": s, "combinations": len(logits), "probability": sum(1 for l in logits if l <= 0) / len(logits),
            "logits_sum": sum(logits)}


def walk_forward(rows, train, test, criterion):
    days = len(rows[0])
    chosen, oos = [], []
    start = 0
    while start + train < days:
        window = range(start, start + train)
        if criterion == "pnl":
            score = [sum(r[d] for d in window) for r in rows]
        else:
            score = [sharpe([r[d] for d in window]) for r in rows]
        best = max(range(len(rows)), key=lambda i: (score[i], -i))
        chosen.append(best)
        oos.extend(rows[best][d] for d in range(start + train, min(days, start + train + test)))
        start += test
    return {"train": train, "test": test, "criterion": criterion, "sets": chosen, "total": sum(oos)}


rows = matrix()
print(json.dumps({
    "pnl_micros": rows,
    "sharpe_annual": [sharpe(r) * math.sqrt(252) for r in rows],
    "sortino_annual": [sortino(r) for r in rows],
    "deflated_sharpe": deflated_sharpe(rows),
    "pbo": [pbo(rows, 4), pbo(rows, 8)],
    "walk_forward": [walk_forward(rows, 10, 5, "pnl"), walk_forward(rows, 10, 5, "sharpe"),
                     walk_forward(rows, 7, 6, "pnl")],
}, indent=1))
