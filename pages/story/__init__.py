"""Pages of the 'story' section (see pages/__init__.py)."""
