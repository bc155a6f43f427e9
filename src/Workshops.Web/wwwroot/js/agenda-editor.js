// The agenda editor's mouse and touch path: drag an item onto a room and a time, drag its lower edge to change its
// length. Each drop posts the same fields as the "Place" form (the keyboard path), then shows the page again with
// the warnings recomputed by the server.
(function () {
    "use strict";
    const form = document.getElementById("place-form");
    const message = document.getElementById("editor-message");
    if (!form) return;
    const token = form.querySelector("input[name=__RequestVerificationToken]").value;
    // A refused drop reloads the page (so every item's stamp is fresh) and says why once it is back.
    const said = sessionStorage.getItem("agenda-editor-message");
    if (said) {
        sessionStorage.removeItem("agenda-editor-message");
        message.textContent = said;
        message.hidden = false;
        message.scrollIntoView({ block: "nearest" });
    }
    let dragged = null;
    let grabOffset = 0;

    function slotPixels(col) {
        return parseFloat(getComputedStyle(col.closest(".editor-grid")).getPropertyValue("--slot")) || 7;
    }

    function minutesAt(col, clientY, offset) {
        const grid = col.closest(".editor-grid");
        const first = parseInt(grid.dataset.first, 10);
        const rows = Math.round((clientY - col.getBoundingClientRect().top - offset) / slotPixels(col));
        const rowsInDay = parseInt(getComputedStyle(grid).getPropertyValue("--rows"), 10) || 0;
        return first + Math.max(0, Math.min(rows, rowsInDay - 1)) * 5;
    }

    function clock(minutes) {
        return String(Math.floor(minutes / 60)).padStart(2, "0") + ":" + String(minutes % 60).padStart(2, "0");
    }

    async function place(item, fields) {
        const body = new URLSearchParams(fields);
        body.set("itemId", item.dataset.item);
        body.set("Stamp", item.dataset.stamp);
        body.set("__RequestVerificationToken", token);
        const response = await fetch(form.action, { method: "POST", body: body, headers: { "Accept": "application/json" } });
        if (response.ok) {
            window.location.reload();
            return;
        }
        let text = "That did not work; the page shows the agenda as it is now.";
        try { text = (await response.json()).error || text; } catch (e) { /* not JSON: keep the general message */ }
        sessionStorage.setItem("agenda-editor-message", text);
        window.location.reload();
    }

    document.querySelectorAll(".slot[draggable=true]").forEach(function (item) {
        item.addEventListener("dragstart", function (e) {
            dragged = item;
            grabOffset = item.closest(".grid-col") ? e.clientY - item.getBoundingClientRect().top : 0;
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", item.dataset.item);
            item.classList.add("dragging");
        });
        item.addEventListener("dragend", function () {
            item.classList.remove("dragging");
            document.querySelectorAll(".drop-here").forEach(function (el) { el.classList.remove("drop-here"); });
        });
    });

    document.querySelectorAll(".grid-col").forEach(function (col) {
        col.addEventListener("dragover", function (e) {
            if (!dragged) return;
            e.preventDefault();
            col.classList.add("drop-here");
        });
        col.addEventListener("dragleave", function () { col.classList.remove("drop-here"); });
        col.addEventListener("drop", function (e) {
            e.preventDefault();
            col.classList.remove("drop-here");
            if (!dragged) return;
            const item = dragged;
            dragged = null;
            place(item, {
                RoomId: col.dataset.room,
                Day: col.closest(".editor-grid").dataset.day,
                Start: clock(minutesAt(col, e.clientY, grabOffset)),
                DurationMinutes: item.dataset.duration,
            });
        });
    });

    const shelf = document.querySelector("[data-drop-unschedule]");
    if (shelf) {
        shelf.addEventListener("dragover", function (e) {
            if (!dragged || !dragged.closest(".grid-col")) return;
            e.preventDefault();
            shelf.classList.add("drop-here");
        });
        shelf.addEventListener("dragleave", function () { shelf.classList.remove("drop-here"); });
        shelf.addEventListener("drop", function (e) {
            e.preventDefault();
            shelf.classList.remove("drop-here");
            if (!dragged) return;
            const item = dragged;
            dragged = null;
            place(item, { DurationMinutes: item.dataset.duration });
        });
    }

    // Resizing: the lower edge follows the pointer on the 5-minute grid; letting go saves the new length.
    document.querySelectorAll(".grid-col .slot-resize").forEach(function (handle) {
        handle.addEventListener("pointerdown", function (e) {
            e.preventDefault();
            e.stopPropagation();
            const item = handle.closest(".slot");
            const col = item.closest(".grid-col");
            const step = slotPixels(col);
            const top = item.getBoundingClientRect().top;
            const start = item.style.gridRow.split("/")[0].trim();
            let duration = parseInt(item.dataset.duration, 10);
            item.draggable = false;
            handle.setPointerCapture(e.pointerId);
            function move(ev) {
                duration = Math.max(5, Math.round((ev.clientY - top) / step) * 5);
                item.style.gridRow = start + " / span " + duration / 5;
            }
            function up() {
                handle.removeEventListener("pointermove", move);
                handle.removeEventListener("pointerup", up);
                item.draggable = true;
                if (duration === parseInt(item.dataset.duration, 10)) return;
                const grid = col.closest(".editor-grid");
                const rowStart = parseInt(start, 10) - 1;
                place(item, {
                    RoomId: col.dataset.room,
                    Day: grid.dataset.day,
                    Start: clock(parseInt(grid.dataset.first, 10) + rowStart * 5),
                    DurationMinutes: String(duration),
                });
            }
            handle.addEventListener("pointermove", move);
            handle.addEventListener("pointerup", up);
        });
    });
})();
