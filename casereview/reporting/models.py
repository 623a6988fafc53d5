"""Annual reports, committee papers, charts and exports (reads other apps through their selectors).

No models yet: the issue that builds this capability adds them."""
