// The print button needs JavaScript, so it stays hidden without it; the
// browser's own print command gives the same clean itinerary.
document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
