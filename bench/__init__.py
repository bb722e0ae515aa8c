"""RightHelp benchmarks: synthetic data generators and timed runs (never run by the test suite)."""
