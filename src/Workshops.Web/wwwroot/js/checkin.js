// Scanning at the door, where the browser can read QR codes itself (BarcodeDetector); typing the code always works.
(function () {
  const button = document.getElementById("scan");
  const video = document.getElementById("camera");
  const input = document.getElementById("Code");
  if (!button || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  button.hidden = false;
  button.addEventListener("click", async function () {
    const detector = new BarcodeDetector({ formats: ["qr_code"] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const look = async function () {
      const found = await detector.detect(video);
      if (found.length > 0) {
        stream.getTracks().forEach(function (t) { t.stop(); });
        input.value = found[0].rawValue;
        input.form.submit();
        return;
      }
      requestAnimationFrame(look);
    };
    look();
  });
})();
