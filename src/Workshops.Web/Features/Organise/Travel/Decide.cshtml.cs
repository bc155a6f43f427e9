using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Text;
using Workshops.Core.Time;
using Workshops.Web.Features.Travel;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>An organiser reads one application with its reviews and stages a decision: an award per cost, the reserve list, or not funded.</summary>
public sealed class DecideModel(AppDbContext db, TravelReviewAccess reviews, TravelDecisionDesk desk, TravelPaymentDesk payments, TravelFiles files,
    StatusHistory history, TimeProvider clock) : PageModel
{
    [BindProperty] public TravelDecision Decision { get; set; }
    /// <summary>The award per cost in the budget's currency, as typed.</summary>
    // Named, so a dictionary absent from the post stays empty instead of reading the form's other fields as its keys.
    [BindProperty(Name = "Award")] public Dictionary<CostKind, string?> Award { get; set; } = [];
    [BindProperty] public long? Version { get; set; }
    /// <summary>After the workshop: the amount approved per cost, as typed; the day each was paid and the transfer's reference.</summary>
    [BindProperty(Name = "Approve")] public Dictionary<CostKind, string?> Approve { get; set; } = [];
    [BindProperty(Name = "Paid")] public Dictionary<CostKind, DateOnly?> Paid { get; set; } = [];
    [BindProperty(Name = "Reference")] public Dictionary<CostKind, string?> Reference { get; set; } = [];
    public IReadOnlyList<TravelReceipt> Receipts { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public Workshop Workshop { get; private set; } = null!;
    public TravelFund Fund { get; private set; } = null!;
    public TravelApplication Application { get; private set; } = null!;
    public Registration Registration { get; private set; } = null!;
    public IReadOnlyList<TravelReviewRow> Reviews { get; private set; } = [];
    public ReviewScore Score { get; private set; } = new(null, null, 0);
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public IReadOnlyList<ScoredCriterion> Criteria => TravelScores.Criteria(Fund);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, applicationId, ct)) return NotFound();
        Decision = Application.Staged;
        Version = Versions.Of(Application.UpdatedAt);
        // A decision staged (or a reserve offer) shows its amounts; otherwise what was asked for, converted, is the starting point.
        Award = Application.Costs.ToDictionary(c => c.Kind, c => (string?)Amounts.Write(
            c.StagedMinor is { } staged ? Currencies.FromMinor(staged, Fund.Money)
            : Fund.ToBudget(c.RequestedMinor, Application.Currency) is { } asked ? Currencies.FromMinor(asked, Fund.Money) : null));
        return Page();
    }

    public async Task<IActionResult> OnGetReceiptAsync(Guid id, Guid applicationId, Guid receiptId, CancellationToken ct) =>
        await LoadAsync(id, applicationId, ct) ? await files.ReceiptAsync(applicationId, receiptId, ct) : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, Guid applicationId, CostKind kind, CancellationToken ct)
    {
        if (!await LoadAsync(id, applicationId, ct)) return NotFound();
        return await DoneAsync(await payments.ApproveAsync(id, applicationId, kind, Approve.GetValueOrDefault(kind), Version, ct),
            Tr.T("“{0}” is approved for {1}.", kind.Label(), Registration.Name), id, applicationId, ct);
    }

    public async Task<IActionResult> OnPostPaidAsync(Guid id, Guid applicationId, CostKind kind, CancellationToken ct)
    {
        if (!await LoadAsync(id, applicationId, ct)) return NotFound();
        return await DoneAsync(await payments.PaidAsync(id, applicationId, kind, Paid.GetValueOrDefault(kind), Reference.GetValueOrDefault(kind), Version, ct),
            Tr.T("“{0}” is marked paid for {1}.", kind.Label(), Registration.Name), id, applicationId, ct);
    }

    private async Task<IActionResult> DoneAsync(EditResult result, string done, Guid id, Guid applicationId, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData[Flash.Key] = done;
            return Redirect($"/organise/workshops/{id}/travel/{applicationId}#payment-heading");
        }
        // Above the page: a cost's small form may not be shown (paying one not yet approved), and a message beside no field is lost.
        result.ShowIn(ModelState, _ => "");
        Response.StatusCode = result.RefusedStatus;
        await LoadAsync(id, applicationId, ct);
        Version = Versions.Of(Application.UpdatedAt);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, applicationId, ct)) return NotFound();
        var result = await desk.StageAsync(id, applicationId, Decision, Award, Version, ct);
        if (result.Succeeded)
        {
            TempData[Flash.Key] = Decision == TravelDecision.None
                ? Tr.T("Nothing is staged for {0} now.", Registration.Name)
                : Tr.T("Staged for {0}: {1}. Nothing happens until you release the decisions.", Registration.Name, Decision.Label());
            return Redirect($"/organise/workshops/{id}/travel");
        }
        result.ShowIn(ModelState, f => result.Stale ? "" : f ?? "");
        Response.StatusCode = result.RefusedStatus;
        if (result.Stale) Version = Versions.Of((await db.TravelApplications.AsNoTracking().FirstAsync(a => a.Id == applicationId, ct)).UpdatedAt);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid workshopId, Guid applicationId, CancellationToken ct)
    {
        var application = await db.TravelApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.WorkshopId == workshopId && a.SubmittedAt != null, ct);
        if (application is null) return false;
        Application = application;
        Workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == workshopId, ct);
        Fund = await db.TravelFunds.AsNoTracking().FirstAsync(f => f.Id == application.FundId, ct);
        Registration = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == application.RegistrationId, ct);
        (Reviews, Score) = await reviews.AllAsync(application, Fund, ct);
        History = await history.ForAsync(nameof(TravelApplication), applicationId, ct);
        Receipts = await db.TravelReceipts.AsNoTracking().Where(r => r.ApplicationId == applicationId).OrderBy(r => r.UploadedAt).ToListAsync(ct);
        Today = DateOnly.FromDateTime(WorkshopTime.ToLocal(clock.GetUtcNow(), Workshop.Zone).DateTime);
        foreach (var c in application.Costs.Where(c => c.AwardedMinor > 0))
        {
            Approve.TryAdd(c.Kind, Amounts.Write(Currencies.FromMinor(c.ApprovedMinor ?? c.AwardedMinor!.Value, Fund.Money)));
            Paid.TryAdd(c.Kind, c.PaidOn ?? Today);
            Reference.TryAdd(c.Kind, c.PaymentReference);
        }
        return true;
    }
}
