// Beside each time in the workshop's zone, the visitor's own clock time, when their browser's zone is another one.
(function () {
    "use strict";
    const marker = document.querySelector("[data-workshop-zone]");
    if (!marker || !window.Intl) return;
    const workshopZone = marker.dataset.workshopZone;
    const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!ownZone || ownZone === workshopZone) return;
    const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false });
    const timeThere = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: workshopZone });
    // Both weekdays in one language, so only a real change of day is shown.
    const day = new Intl.DateTimeFormat("en-GB", { weekday: "short" });
    const dayThere = new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: workshopZone });
    let shown = 0;
    document.querySelectorAll("time[data-local-time]").forEach(function (el) {
        const at = new Date(el.getAttribute("datetime"));
        if (isNaN(at)) return;
        // Another zone name with the same clock (Paris and Madrid): nothing to add.
        if (time.format(at) === timeThere.format(at) && day.format(at) === dayThere.format(at)) return;
        const otherDay = day.format(at) !== dayThere.format(at) ? " " + day.format(at) : "";
        shown++;
        const span = document.createElement("span");
        span.className = "your-time";
        span.textContent = " (" + time.format(at) + otherDay + " your time)";
        el.after(span);
    });
    if (shown > 0) marker.append(" Your own times, for " + ownZone.replace(/_/g, " ") + ", are in brackets.");
})();
