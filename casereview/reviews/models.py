"""Case reviews: terms of reference, panel, agency contributions, chronologies, learning and recommendations.

No models yet: the issue that builds this capability adds them."""
