// Upload with a progress bar. Without JavaScript the form posts normally; with it, the same POST is sent by
// XMLHttpRequest so that the bytes sent can be shown, then the browser follows to the review queue.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.upload").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var bar = document.getElementById(form.dataset.progress);
      var status = document.getElementById("upload-status");
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          bar.hidden = false;
          bar.value = Math.round((e.loaded / e.total) * 100);
          status.textContent = bar.value + "%";
        }
      });
      request.upload.addEventListener("load", function () { status.textContent = "…"; });
      request.addEventListener("load", function () {
        if (request.status >= 200 && request.status < 400) {
          window.location.assign(request.responseURL || form.action.replace(/documents$/, "review"));
        } else {
          document.open(); document.write(request.responseText); document.close();
        }
      });
      request.addEventListener("error", function () { status.textContent = "upload failed"; });
      request.send(new FormData(form));
    });
  });
});
