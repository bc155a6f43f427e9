using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>The funding report: requested, awarded and paid by kind of cost and by country, drawn; the funder's counts; the finance exports.</summary>
public sealed class ReportModel(AppDbContext db, TravelReport report, TravelExport export) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public TravelReportData Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, string format, [FromServices] Infrastructure.SecurityLog log, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (format is not ("csv" or "xlsx")) return BadRequest(Tr.T("Export as csv or xlsx."));
        var name = $"travel-support-{Workshop.Slug}";
        var me = User.Id();
        await log.RecordAsync(Core.Domain.Accounts.SecurityEventKind.PersonalDataExported, me, null, me, $"{Data.Lines.Count} travel support lines of {Workshop.Slug} as {format}");
        return format == "csv"
            ? File(export.Csv(Data), "text/csv; charset=utf-8", name + ".csv")
            : File(export.Xlsx(Data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        var data = workshop is null ? null : await report.ReadAsync(id, ct);
        if (data is null) return false;
        (Workshop, Data) = (workshop!, data);
        return true;
    }
}
