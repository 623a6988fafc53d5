"""Actions, progress, evidence, escalation, dissemination and the risk register.

No models yet: the issue that builds this capability adds them."""
