"""Themes, search and similar reviews across the partnership's learning.

No models yet: the issue that builds this capability adds them."""
