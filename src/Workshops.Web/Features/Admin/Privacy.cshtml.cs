using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Privacy;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Admin;

/// <summary>The controller named in privacy notices, how long each kind of personal data is kept, and every erasure done.</summary>
public sealed class PrivacyModel(AppDbContext db, PrivacySettingsStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Controller { get; set; }
    [BindProperty] public int NationalityDays { get; set; }
    [BindProperty] public int AnswersDays { get; set; }
    [BindProperty] public int EmailBodyDays { get; set; }
    [BindProperty] public int SecurityLogDays { get; set; }
    /// <summary>The settings' version when the form was drawn (see Versions).</summary>
    [BindProperty] public long? Version { get; set; }

    public IReadOnlyList<(ErasureRecord Record, string? Workshop)> Erasures { get; private set; } = [];
    public Organise.Data.ErasedBy By { get; private set; } = new(new Dictionary<string, string>());
    /// <summary>Items erased in the last year, by kind, for the chart.</summary>
    public IReadOnlyDictionary<PersonalDataKind, int> LastYear { get; private set; } = new Dictionary<PersonalDataKind, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await store.GetAsync(ct);
        (Controller, NationalityDays, AnswersDays, EmailBodyDays, SecurityLogDays) =
            (settings.Controller, settings.NationalityDays, settings.AnswersDays, settings.EmailBodyDays, settings.SecurityLogDays);
        Version = settings.UpdatedAt == default ? null : Versions.Of(settings.UpdatedAt);
        await LoadErasuresAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A number that did not parse is said in words, like any other refusal.
        foreach (var field in new[] { nameof(NationalityDays), nameof(AnswersDays), nameof(EmailBodyDays), nameof(SecurityLogDays) })
            if (ModelState.TryGetValue(field, out var state) && state.Errors.Count > 0)
            {
                state.Errors.Clear();
                ModelState.AddModelError(field, Tr.T("Keep it from {0} to {1:N0} days.", PrivacySettings.MinDays, PrivacySettings.MaxDays));
            }
        if (ModelState.ErrorCount == 0)
        {
            var settings = await store.ForChangeAsync(ct);
            try
            {
                var first = db.Entry(settings).State == EntityState.Added;
                // A form drawn before anyone saved carries no version: if someone saved since, theirs is not overwritten.
                var stale = !first && Version is null;
                if (!first) db.Expect(settings, Version);
                settings.Change(new PrivacySettingsDetails(Controller, NationalityDays, AnswersDays, EmailBodyDays, SecurityLogDays), clock.GetUtcNow());
                if (!stale && await SaveAsync(ct))
                {
                    store.Forget();
                    TempData[Flash.Key] = Tr.T("The privacy settings are saved.");
                    return RedirectToPage();
                }
                ModelState.AddModelError("", Versions.Conflict(Tr.T("the privacy settings")));
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            catch (DomainException e)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(e.Field ?? "", e.Message);
            }
        }
        if (Response.StatusCode == StatusCodes.Status200OK) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadErasuresAsync(ct);
        return Page();
    }

    /// <summary>Saves, or answers false when another admin saved first (the first save of all included).</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try { return await db.TrySaveAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task LoadErasuresAsync(CancellationToken ct)
    {
        var records = await db.ErasureRecords.AsNoTracking().OrderByDescending(e => e.At).Take(100).ToListAsync(ct);
        var ids = records.Where(r => r.WorkshopId is not null).Select(r => r.WorkshopId!.Value).Distinct().ToList();
        var titles = (await db.Workshops.AsNoTracking().Where(w => ids.Contains(w.Id)).Select(w => new { w.Id, w.Title }).ToListAsync(ct))
            .ToDictionary(w => w.Id, w => w.Title.ToString());
        Erasures = records.Select(r => (r, r.WorkshopId is { } w ? titles.GetValueOrDefault(w) : null)).ToList();
        By = await Organise.Data.ErasedBy.OfAsync(db, records, ct);
        var since = clock.GetUtcNow().AddYears(-1);
        LastYear = (await db.ErasureRecords.AsNoTracking().Where(e => e.At > since).Select(e => new { e.Kind, e.Count }).ToListAsync(ct))
            .GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Sum(e => e.Count));
    }
}
