"""Documents and their versions; extraction and anonymisation pipelines.

No models yet: the issue that builds this capability adds them."""
