// Beside each time in the workshop's zone, the visitor's own clock time, when their browser's zone is another one.
(function () {
    "use strict";
    const marker = document.querySelector("[data-workshop-zone]");
    if (!marker || !window.Intl) return;
    const workshopZone = marker.dataset.workshopZone;
    const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!ownZone || ownZone === workshopZone) return;
    const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hour12: false });
    const day = new Intl.DateTimeFormat(undefined, { weekday: "short" });
    const dayThere = new Intl.DateTimeFormat("en", { weekday: "short", timeZone: workshopZone });
    document.querySelectorAll("time[data-local-time]").forEach(function (el) {
        const at = new Date(el.getAttribute("datetime"));
        if (isNaN(at)) return;
        const otherDay = day.format(at) !== dayThere.format(at) ? " " + day.format(at) : "";
        const span = document.createElement("span");
        span.className = "your-time";
        span.textContent = " (" + time.format(at) + otherDay + " your time)";
        el.after(span);
    });
    marker.append(" Your own times, for " + ownZone.replace(/_/g, " ") + ", are in brackets.");
})();
