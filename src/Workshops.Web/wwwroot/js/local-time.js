// Beside each time in a workshop's zone, the visitor's own clock time, when their browser's zone is another one.
// A time takes the zone of the nearest [data-workshop-zone] around it, else the page's first one (the agenda's note);
// a marker with data-zone-note also says, once, whose times the brackets hold.
(function () {
    "use strict";
    if (!window.Intl) return;
    const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const pageMarker = document.querySelector("[data-workshop-zone]");
    if (!ownZone || !pageMarker) return;
    const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false });
    // Both weekdays in one language, so only a real change of day is shown.
    const day = new Intl.DateTimeFormat("en-GB", { weekday: "short" });
    const there = new Map();
    const formatsFor = zone => {
        if (!there.has(zone)) {
            there.set(zone, {
                time: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: zone }),
                day: new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: zone }),
            });
        }
        return there.get(zone);
    };
    const used = new Set();
    document.querySelectorAll("time[data-local-time]").forEach(function (el) {
        const marker = el.closest("[data-workshop-zone]") || pageMarker;
        const zone = marker.dataset.workshopZone;
        if (zone === ownZone) return;
        const at = new Date(el.getAttribute("datetime"));
        if (isNaN(at)) return;
        const f = formatsFor(zone);
        // Another zone name with the same clock (Paris and Madrid): nothing to add.
        if (time.format(at) === f.time.format(at) && day.format(at) === f.day.format(at)) return;
        const otherDay = day.format(at) !== f.day.format(at) ? " " + day.format(at) : "";
        used.add(marker);
        const span = document.createElement("span");
        span.className = "your-time";
        span.textContent = " (" + time.format(at) + otherDay + " your time)";
        el.after(span);
    });
    used.forEach(marker => {
        if (marker.hasAttribute("data-zone-note")) marker.append(" Your own times, for " + ownZone.replace(/_/g, " ") + ", are in brackets.");
    });
})();
