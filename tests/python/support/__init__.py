"""What the tests share that is not a test: helpers, the made-up seed rows, the refusal registry and the figures
the sources print (expected.py). pytest collects nothing here (no test_*.py)."""
