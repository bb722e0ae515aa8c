// Leave this site: replace this page in history so Back does not return here.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-quick-exit]");
  if (!link) return;
  event.preventDefault();
  window.open("about:blank", "_self");
  window.location.replace(link.href);
});
