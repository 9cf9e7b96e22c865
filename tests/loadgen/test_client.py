"""The load generator's safety guard and its latency figures."""

from __future__ import annotations

import math

import pytest

from loadgen.client import percentile, require_loopback


@pytest.mark.parametrize("url", ["http://127.0.0.1:8090", "http://localhost:5005", "http://[::1]:5005"])
def test_loopback_addresses_are_allowed(url):
    require_loopback(url)


@pytest.mark.parametrize("url", ["http://10.0.0.1:5005", "http://192.168.1.20", "http://8.8.8.8"])
def test_load_never_goes_beyond_this_machine(url):
    with pytest.raises(SystemExit, match="loopback"):
        require_loopback(url)


# Nearest rank: the reported value is always a latency that was measured.
PERCENTILES = [
    ("median of 1..100", list(range(1, 101)), 0.50, 50),
    ("p95 of 1..100", list(range(1, 101)), 0.95, 95),
    ("p99 of 1..100", list(range(1, 101)), 0.99, 99),
    ("p99 of 10 values is the largest", list(range(10)), 0.99, 9),
    ("order of input does not matter", [5, 1, 4, 2, 3], 0.50, 3),
    ("single value", [0.2], 0.95, 0.2),
]


@pytest.mark.parametrize("name, values, fraction, expected", PERCENTILES, ids=[p[0] for p in PERCENTILES])
def test_percentile(name, values, fraction, expected):
    assert percentile(values, fraction) == expected


def test_no_values_gives_no_number():
    assert math.isnan(percentile([], 0.5))
