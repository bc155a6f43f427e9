// The smallest ASP.NET Core app: what Kestrel alone costs on this machine, so the site's figures can be
// read as ratios that do not depend on how fast the machine is.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/", () => Results.Text("<!DOCTYPE html><title>ok</title><p>ok</p>", "text/html"));
app.MapGet("/healthz", () => Results.Json(new { status = "Healthy" }));
// A page's bytes, read once: what sending a page of that size costs with nothing built, for pages too big to compare with "ok".
var body = Environment.GetEnvironmentVariable("BARE_BODY_FILE") is { Length: > 0 } file ? File.ReadAllBytes(file) : [];
app.MapGet("/body", () => Results.Bytes(body, "text/html; charset=utf-8"));
app.Run();
