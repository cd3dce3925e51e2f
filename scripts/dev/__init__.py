"""Tools for developing the site: synthetic data, benchmarks, scratch builds, the test browser."""
