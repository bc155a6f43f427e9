using Workshops.Web.Features.WorkshopPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints;

public static class FactSheetEndpoint
{
    public static void MapFactSheet(this WebApplication app) =>
        app.MapGet("/workshops/{slug}/factsheet.pdf", async (string slug, HttpContext http, WorkshopQueries queries, FactSheet sheet, CancellationToken ct) =>
        {
            var workshop = await queries.FindPublicAsync(slug, ct);
            if (workshop is null) return Results.NotFound();
            var url = http.Request.AbsoluteUrl($"/workshops/{workshop.Slug}");
            return Results.File(sheet.Build(workshop, url), "application/pdf", $"{workshop.Slug}-factsheet.pdf");
        });
}
