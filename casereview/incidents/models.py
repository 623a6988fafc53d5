"""Serious incidents, the restricted identity record and statutory notification duties.

No models yet: the issue that builds this capability adds them."""
