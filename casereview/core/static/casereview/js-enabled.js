// Runs before the page renders so GOV.UK components can style themselves for JavaScript (no inline
// script: the Content Security Policy forbids it).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
