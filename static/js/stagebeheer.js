// Small progressive enhancements; every page works without JavaScript.
// Delegated, so buttons swapped in by htmx ask for confirmation too.
document.addEventListener("click", (event) => {
  const element = event.target.closest("[data-confirm]");
  if (element && !window.confirm(element.dataset.confirm)) {
    event.preventDefault();
  }
});
