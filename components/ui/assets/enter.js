// Enter in a date field applies the typed date. Streamlit's date input takes a typed date only
// when the field loses focus; Enter (and Tab, which moves between the day, month and year) did
// nothing. On Enter inside a date input this moves the focus away, so the value is applied at once.
function onKey(ev) {
  if (ev.key !== "Enter") return;
  const path = ev.composedPath ? ev.composedPath() : [ev.target];
  const inDate = path.some((node) => node && node.dataset && node.dataset.testid === "stDateInput");
  if (!inDate) return;
  ev.preventDefault();
  const active = document.activeElement;
  if (active && typeof active.blur === "function") active.blur();
}

export default function () {
  document.removeEventListener("keydown", onKey, true);
  document.addEventListener("keydown", onKey, true);
}
