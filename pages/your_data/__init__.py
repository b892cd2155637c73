"""Pages of the 'your_data' section (see pages/__init__.py)."""
