// Ymarfer's small enhancements on top of htmx. Every page works without this file.
(function () {
  "use strict";
  // Upload progress for large files: fill in the <progress> beside the form.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target;
    var bar = form && form.querySelector ? form.querySelector(".upload-progress") : null;
    if (bar && event.detail && event.detail.lengthComputable) {
      bar.hidden = false;
      bar.value = Math.round((event.detail.loaded * 100) / event.detail.total);
    }
  });
})();

// "Print" buttons: shown only when scripts run, since printing needs them.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
