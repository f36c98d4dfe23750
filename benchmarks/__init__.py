"""Benchmarks: scripts that measure, run by hand (not tests)."""
