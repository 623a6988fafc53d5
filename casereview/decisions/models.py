"""Rapid reviews, criteria assessment, recommendation, the chair's decision and the national panel's response.

No models yet: the issue that builds this capability adds them."""
