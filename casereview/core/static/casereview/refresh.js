// Reloads a progress page while its job runs; the page also offers a "Refresh now" link without JavaScript.
(function () {
  var marker = document.querySelector("[data-refresh-every]");
  if (!marker) return;
  var seconds = parseInt(marker.getAttribute("data-refresh-every"), 10) || 2;
  setTimeout(function () { window.location.reload(); }, seconds * 1000);
})();
