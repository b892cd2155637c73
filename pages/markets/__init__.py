"""Pages of the 'markets' section (see pages/__init__.py)."""
