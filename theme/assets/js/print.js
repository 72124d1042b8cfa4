/* 打印本页: a button in the article's header that opens the browser's print
   dialog (50-print.css gives the page its printed form). The script adds it, so
   without JavaScript there is no button that would do nothing; its words come
   from strings.yaml through the slot's data-label. */
(function () {
  "use strict";
  var slot = document.querySelector("[data-xc-print]");
  if (!slot || typeof window.print !== "function") return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "xc-print";
  button.textContent = slot.getAttribute("data-label");
  button.addEventListener("click", function () { window.print(); });
  slot.appendChild(button);
})();
