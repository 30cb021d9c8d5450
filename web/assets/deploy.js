"use strict";
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("pre.command").forEach(function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(pre.textContent).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 2000);
      });
    });
    pre.parentNode.insertBefore(button, pre);
  });
})();
