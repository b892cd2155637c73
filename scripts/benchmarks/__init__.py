"""Parts of ``scripts/bench.py``, one module per thing measured."""
