using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>Before publishing: every warning, the changes the new version will announce, a note, and who to tell. Below, the versions so far.</summary>
public sealed class PublishModel(AgendaDesk desk, AgendaPublishingDesk publishing, AppDbContext db) : PageModel
{
    [BindProperty] public PublishForm Input { get; set; } = new();
    public AgendaDraft Draft { get; private set; } = null!;
    public IReadOnlyList<AgendaChange> Pending { get; private set; } = [];
    public IReadOnlyList<AgendaVersion> Versions { get; private set; } = [];
    public int Participants { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new PublishForm { ExpectedNumber = Draft.Latest?.Number ?? 0, DraftStamp = DraftStamp(Draft), TellSpeakers = Draft.Latest is not null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var result = await publishing.PublishAsync(id, new PublishRequest(Input.Note, Input.TellSpeakers, Input.TellParticipants, Input.ExpectedNumber, Input.DraftStamp),
            User.Id(), ct);
        if (result.Value is not { } published)
        {
            // Shown again as it is now, so the next try is checked against what the organiser then reads.
            if (!await LoadAsync(id, ct)) return NotFound();
            ModelState.AddModelError(result.Field is null ? "" : "Input." + result.Field, result.Error!);
            Input.ExpectedNumber = Draft.Latest?.Number ?? 0;
            Input.DraftStamp = DraftStamp(Draft);
            return Page();
        }
        var told = published.Emails == 0 ? "" : " " + Tr.N(published.Emails, "{0} email is on its way.", "{0} emails are on their way.");
        TempData[Flash.Key] = Tr.T("Version {0} of the agenda is published.", published.Version.Name) + told;
        return Redirect($"/organise/workshops/{id}/agenda/publish#versions");
    }

    public async Task<IActionResult> OnPostAnnotateAsync(Guid id, Guid versionId, [StringLength(AgendaVersion.MaxNote)] string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Versions.All(v => v.Id != versionId)) return NotFound();
        Input = new PublishForm { ExpectedNumber = Draft.Latest?.Number ?? 0, DraftStamp = DraftStamp(Draft) };
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError($"note-{versionId}", Tr.T("The note can be at most {0:N0} characters.", AgendaVersion.MaxNote));
            return Page();
        }
        var result = await publishing.AnnotateAsync(id, versionId, note, ct);
        if (result.Error is not null)
        {
            ModelState.AddModelError($"note-{versionId}", result.Error);
            return Page();
        }
        TempData[Flash.Key] = Tr.T("The note is saved; the public changelog shows it.");
        return Redirect($"/organise/workshops/{id}/agenda/publish#versions");
    }

    public static string DraftStamp(AgendaDraft draft) => draft.Snapshot().Stamp();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var draft = await desk.LoadAsync(id, ct, withPublished: true);
        if (draft is null) return false;
        Draft = draft;
        Pending = draft.PendingChanges();
        Versions = await db.AgendaVersions.AsNoTracking().Where(v => v.WorkshopId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        Participants = await db.Registrations.CountAsync(r => r.WorkshopId == id && (r.Status == RegistrationStatus.Admitted || r.Status == RegistrationStatus.CheckedIn), ct);
        return true;
    }
}

public sealed class PublishForm
{
    [StringLength(AgendaVersion.MaxNote, ErrorMessage = "The note can be at most {1:N0} characters.")]
    public string? Note { get; set; }
    public bool TellSpeakers { get; set; }
    public bool TellParticipants { get; set; }
    /// <summary>The version the organiser read the changes against.</summary>
    public int ExpectedNumber { get; set; }
    /// <summary>The draft as the organiser read it: if someone changed it since, publishing asks them to look again.</summary>
    public string? DraftStamp { get; set; }
}
