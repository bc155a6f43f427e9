using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Webhooks;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Webhooks;

public sealed record EndpointRow(WebhookEndpoint Endpoint, string Owner, int Delivered, int Waiting, int Failed);

/// <summary>The site's webhook endpoints, with how their deliveries stand, and the form to add one.</summary>
public sealed class IndexModel(AppDbContext db, WebhookDesk desk) : PageModel
{
    [BindProperty(Name = "Input")] public WebhookForm Input { get; set; } = new();

    public IReadOnlyList<EndpointRow> Rows { get; private set; } = [];
    public IReadOnlyList<WorkshopChoice> Workshops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await desk.CreateAsync(User.Id()!, Input.ToDetails(), ct);
        if (!result.Succeeded)
        {
            result.ShowIn(ModelState, f => f is null ? "" : $"Input.{f}");
            Response.StatusCode = result.RefusedStatus;
            await LoadAsync(ct);
            return Page();
        }
        TempData[EndpointModel.SecretItem] = result.Value;
        return RedirectToPage("Endpoint", new { id = result.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(ct);
        var owners = endpoints.Select(e => e.OwnerId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var counts = await db.WebhookDeliveries.AsNoTracking().GroupBy(d => new { d.EndpointId, d.Status })
            .Select(g => new { g.Key.EndpointId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid id, params DeliveryStatus[] statuses) => counts.Where(c => c.EndpointId == id && statuses.Contains(c.Status)).Sum(c => c.Count);
        Rows = endpoints.Select(e => new EndpointRow(e, names.GetValueOrDefault(e.OwnerId, "?"), Count(e.Id, DeliveryStatus.Delivered),
            Count(e.Id, DeliveryStatus.Pending, DeliveryStatus.Sending), Count(e.Id, DeliveryStatus.Failed))).ToList();
        Workshops = await WorkshopsAsync(db, ct);
    }

    public static async Task<IReadOnlyList<WorkshopChoice>> WorkshopsAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Workshops.AsNoTracking().ToListAsync(ct)).OrderByDescending(w => w.StartsAt).Select(w => new WorkshopChoice(w.Id, w.Title)).ToList();
}
