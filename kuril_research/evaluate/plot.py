"""The figure of the validation report: each headline score with its 95 % bootstrap interval."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

__all__ = ["headline_scores", "plot_scores"]


def headline_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per scored unit with gold items: ``name`` (task · label), ``score`` (F1 or accuracy), interval.

    Per-frame and per-category rows are left out (their ``micro`` rows stay);
    so are rows with no gold item.

    Examples
    --------
    >>> s = pd.DataFrame({"task": ["frames", "frames", "titles"], "label": ["micro", "militarisation", "title"],
    ...                   "kind": ["prf", "prf", "accuracy"], "n_gold": [4, 1, 2], "f1": [0.5, 1.0, None],
    ...                   "accuracy": [None, None, 1.0], "ci_low": [0.3, 1.0, 1.0], "ci_high": [0.6, 1.0, 1.0]})
    >>> headline_scores(s)[["name", "score", "n_gold"]].values.tolist()
    [['frames · micro', 0.5, 4], ['titles · title', 1.0, 2]]
    """
    keep = ~scores["task"].isin(["frames", "trade"]) | (scores["label"] == "micro")
    rows = scores[keep & (scores["n_gold"].fillna(0) > 0)]
    score = rows["f1"].where(rows["kind"] == "prf", rows["accuracy"])
    return pd.DataFrame({"name": (rows["task"].astype(str) + " · " + rows["label"].astype(str)).to_numpy(),
                         "score": pd.to_numeric(score, errors="coerce").astype(float).to_numpy(),
                         "ci_low": rows["ci_low"].astype(float).to_numpy(),
                         "ci_high": rows["ci_high"].astype(float).to_numpy(),
                         "n_gold": rows["n_gold"].astype(int).to_numpy()})


def plot_scores(data: pd.DataFrame) -> Figure:
    """Draw :func:`headline_scores` as points with horizontal interval bars, first row on top.

    A score that is undefined (no prediction at all) is drawn at 0 with a hollow marker.

    Examples
    --------
    >>> d = pd.DataFrame({"name": ["a", "b"], "score": [0.9, float("nan")], "ci_low": [0.8, float("nan")],
    ...                   "ci_high": [1.0, float("nan")], "n_gold": [10, 2]})
    >>> len(plot_scores(d).axes[0].get_yticklabels())
    2
    """
    fig = Figure(figsize=(7.0, max(2.0, 0.3 * len(data) + 1.0)), layout="constrained")
    ax = fig.subplots()
    y = list(range(len(data)))[::-1]
    defined = data["score"].notna().to_numpy()
    score = data["score"].fillna(0.0).to_numpy()
    low = (score - data["ci_low"].fillna(pd.Series(score, index=data.index))).clip(lower=0).to_numpy()
    high = (data["ci_high"].fillna(pd.Series(score, index=data.index)) - score).clip(lower=0).to_numpy()
    bars = ax.errorbar(score, y, xerr=[low, high], fmt="none", ecolor="#7f8c8d", capsize=2, linewidth=1)
    ys = pd.Series(y)
    points = [*ax.plot(score[defined], ys[defined], "o", color="#2c3e50", markersize=4),
              *ax.plot(score[~defined], ys[~defined], "o", markerfacecolor="none", color="#c0392b", markersize=4)]
    for n, artist in enumerate([*bars.lines[2], *points]):  # SVG ids the reports' layout check finds data by
        artist.set_gid(f"kr-data-{n}")
    ax.set_yticks(y, [f"{n} (n={k})" for n, k in zip(data["name"], data["n_gold"])], fontsize="small")
    ax.set_xlim(0, 1.02)
    ax.set_xlabel("F1 or accuracy, with 95% bootstrap interval")
    ax.grid(axis="x", color="#ecf0f1")
    return fig
