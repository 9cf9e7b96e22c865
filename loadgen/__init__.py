"""Bounded load generation against the REST channel on loopback (benchmarks and topology tests)."""
