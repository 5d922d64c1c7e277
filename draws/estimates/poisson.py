"""Exact (Garwood) confidence limits for a Poisson mean, in pure Python (no scipy).

For a count ``k``, the upper limit is the mean under which seeing ``k`` or fewer has
probability ``tail``; the lower limit the mean under which seeing ``k`` or more has it (0 for
k = 0). These are the chi-square limits χ²(tail; 2k)/2 and χ²(1 - tail; 2k + 2)/2, found here
by bisection on the Poisson distribution itself.
"""

from __future__ import annotations

import math

_STEPS = 200  # bisection halvings: far below a float's precision at these sizes


def at_most(k: int, mean: float) -> float:
    """P(X ≤ k) for X ~ Poisson(mean), summed in log space so large means do not underflow."""
    if mean <= 0:
        return 1.0
    log_mean = math.log(mean)
    return min(1.0, sum(math.exp(i * log_mean - mean - math.lgamma(i + 1)) for i in range(k + 1)))


def _solve(k: int, target: float) -> float:
    """The mean at which P(X ≤ k) = target (it falls as the mean grows)."""
    low, high = 0.0, k + 10 * math.sqrt(k + 1) + 10
    for _ in range(_STEPS):
        middle = (low + high) / 2
        if at_most(k, middle) > target:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def limits(k: int, confidence: float) -> tuple[float, float]:
    """The two-sided ``confidence`` interval (e.g. 0.8) for the mean of a Poisson count ``k``."""
    if k < 0 or not 0 < confidence < 1:
        raise ValueError("A count is 0 or more and a confidence between 0 and 1.")
    tail = (1 - confidence) / 2
    lower = 0.0 if k == 0 else _solve(k - 1, 1 - tail)
    return lower, _solve(k, tail)
