using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Webhooks;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Webhooks;

/// <summary>One endpoint: its settings, its secret once after it is made or renewed, and its deliveries with Resend.</summary>
public sealed class EndpointModel(AppDbContext db, WebhookDesk desk) : PageModel
{
    public const string SecretItem = "workshops.webhook-secret";
    public const int Shown = 50;

    [BindProperty(Name = "Input")] public WebhookForm Input { get; set; } = new();

    public WebhookEndpoint Endpoint { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];
    public IReadOnlyDictionary<DeliveryStatus, int> Counts { get; private set; } = new Dictionary<DeliveryStatus, int>();
    public IReadOnlyList<WorkshopChoice> Workshops { get; private set; } = [];
    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        NewSecret = TempData[SecretItem] as string;
        if (NewSecret is not null) Response.Headers.CacheControl = "no-store";
        Input = WebhookForm.From(Endpoint);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await desk.UpdateAsync(id, Input.ToDetails(), Input.Version, ct);
        return await AfterAsync(id, result, Tr.T("The endpoint is saved."), ct);
    }

    public async Task<IActionResult> OnPostPauseAsync(Guid id, bool pause, CancellationToken ct) =>
        await AfterAsync(id, await desk.PauseAsync(id, pause, ct), pause ? Tr.T("The endpoint is paused: its events wait.") : Tr.T("The endpoint is active again: what waited is being sent."), ct);

    public async Task<IActionResult> OnPostResendAsync(Guid id, Guid delivery, CancellationToken ct) =>
        await AfterAsync(id, await desk.ResendAsync(id, delivery, ct), Tr.T("The delivery is being sent again."), ct);

    public async Task<IActionResult> OnPostRotateAsync(Guid id, CancellationToken ct)
    {
        var result = await desk.RotateAsync(id, ct);
        if (!result.Succeeded) return NotFound();
        TempData[SecretItem] = result.Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        // Its deliveries go with it: asked once more, as the page's other one-way actions ask.
        if (!confirmed) return await AfterAsync(id, EditResult.Fail(null, Tr.T("Tick the box to confirm: the endpoint and its deliveries are deleted for good.")), "", ct);
        if (!await desk.DeleteAsync(id, ct)) return NotFound();
        TempData[Flash.Key] = Tr.T("The endpoint is deleted, with its deliveries.");
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> AfterAsync(Guid id, EditResult result, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (result.Succeeded)
        {
            TempData[Flash.Key] = done;
            return RedirectToPage(new { id });
        }
        result.ShowIn(ModelState, f => f is null ? "" : $"Input.{f}");
        Response.StatusCode = result.RefusedStatus;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return false;
        Endpoint = endpoint;
        Owner = await db.Users.Where(u => u.Id == endpoint.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "?";
        Deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id).OrderByDescending(d => d.CreatedAt).Take(Shown).ToListAsync(ct);
        Counts = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id).GroupBy(d => d.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Workshops = await IndexModel.WorkshopsAsync(db, ct);
        return true;
    }

    public static string Label(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Pending => Tr.T("delivery|waiting"),
        DeliveryStatus.Sending => Tr.T("delivery|sending"),
        DeliveryStatus.Delivered => Tr.T("delivery|delivered"),
        _ => Tr.T("delivery|failed"),
    };
}
