using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Web.Features.Shared;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Calls;

public sealed class ProposalsModel(AppDbContext db, ProposalBoard board, DecisionDesk desk, ProposalExport export, ConfirmedSessions confirmed,
    TimeProvider clock) : PageModel
{
    [FromQuery(Name = "status")] public ProposalStatus? Status { get; set; }
    [FromQuery(Name = "decision")] public StagedDecision? Decision { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public Call Call { get; private set; } = null!;
    public IReadOnlyList<BoardRow> Rows { get; private set; } = [];
    public int Drafts { get; private set; }
    public int StagedAccept { get; private set; }
    public int StagedReject { get; private set; }
    public DateTimeOffset Now { get; private set; }
    /// <summary>Calls for sessions: accepted sessions whose speaker has not confirmed, and the ones ready for the agenda.</summary>
    public IReadOnlyList<Proposal> AwaitingConfirmation { get; private set; } = [];
    public IReadOnlyList<ConfirmedSession> Confirmed { get; private set; } = [];
    /// <summary>A workshop's call for sessions sits in that workshop's menu.</summary>
    public WorkshopNav? Nav { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string format, [FromServices] Infrastructure.SecurityLog log, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return NotFound();
        if (format is not ("csv" or "xlsx")) return BadRequest(Tr.T("Export as csv or xlsx."));
        var rows = await board.RankAsync(call, UserId, ct);
        await log.RecordAsync(Core.Domain.Accounts.SecurityEventKind.PersonalDataExported, UserId, null, UserId, $"{rows.Count} proposals of {call.Title} as {format}");
        var name = $"proposals-{call.Year}-{Core.Text.Slugs.From(call.Title)}";
        return format == "csv"
            ? File(export.Csv(call, rows), "text/csv; charset=utf-8", name + ".csv")
            : File(export.Xlsx(call, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    public string UserId => User.Id()!;

    /// <summary>The filters the list was showing, so staging comes back to the same list, at the same row.</summary>
    public Dictionary<string, string> ListRoute => ListFilters.Route(("status", Status?.ToString()), ("decision", Decision?.ToString()), ("q", Q));

    public async Task<IActionResult> OnPostStageAsync(Guid id, Guid proposalId, StagedDecision? decision, CancellationToken ct)
    {
        if (decision is null) return BadRequest(Tr.T("Choose accept, reject or pending."));
        var proposer = await db.Proposals.Where(p => p.Id == proposalId && p.CallId == id).Select(p => p.ProposerId).FirstOrDefaultAsync(ct);
        if (proposer is null) return NotFound();
        if (proposer == UserId) return Forbid(); // nobody decides on their own proposal
        var result = await desk.StageAsync(proposalId, decision.Value, ct);
        if (result.Id is null) return await ConflictAsync(id, result.Error!, ct);
        TempData[Flash.Key] = decision == StagedDecision.Pending ? Tr.T("The proposal is pending again.") : Tr.T("Staged: {0}. Release the decisions when you are ready.", StatusWords.Lower(decision.Value));
        return Redirect($"/organise/calls/{id}{ListFilters.Query(ListRoute)}#proposal-{proposalId}");
    }

    /// <summary>The organiser pressed Release: each staged decision and the email it sends, to confirm before anyone is told.</summary>
    public bool ConfirmingRelease { get; private set; }

    /// <summary>Every staged decision of the call (not only the filtered rows: releasing acts on all of them).</summary>
    public IReadOnlyList<BoardRow> Staged { get; private set; } = [];

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return NotFound();
        if (!confirmed)
        {
            await LoadAsync(id, ct);
            if (Staged.Count == 0) return await ConflictAsync(id, Tr.T("No decisions are staged; nothing was released."), ct);
            ConfirmingRelease = true;
            return Page();
        }
        var released = await desk.ReleaseAsync(call, UserId, ct);
        if (released.Value is not { } result) return await ConflictAsync(id, released.Error!, ct);
        if (result.Accepted + result.Rejected == 0) return await ConflictAsync(id, Tr.T("No decisions are staged; nothing was released."), ct);
        TempData[Flash.Key] = Tr.T("Released: {0} accepted, {1} rejected. Each proposer gets an email.", result.Accepted, result.Rejected)
            + (result.Workshops.Count > 0
                ? " " + Tr.N(result.Workshops.Count, "New draft workshop: {1}.", "New draft workshops: {1}.", string.Join(", ", result.Workshops.Select(w => w.Title)))
                : "");
        return Redirect($"/organise/calls/{id}");
    }

    public async Task<IActionResult> OnPostRemindAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return NotFound();
        if (call.Kind != CallKind.Sessions) return BadRequest(Tr.T("Only speakers of sessions confirm."));
        var reminded = await desk.RemindAsync(call, ct);
        if (reminded == 0) return await ConflictAsync(id, Tr.T("Nobody was reminded: no accepted session is waiting for a speaker we can email, or they were all reminded in the last 10 minutes."), ct);
        TempData[Flash.Key] = Tr.N(reminded, "Reminded {0} speaker by email to confirm.", "Reminded {0} speakers by email to confirm.");
        return Redirect($"/organise/calls/{id}");
    }

    private async Task<IActionResult> ConflictAsync(Guid id, string error, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        ModelState.AddModelError("", error);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return false;
        Call = call;
        Now = clock.GetUtcNow();
        var all = await board.RankAsync(call, UserId, ct);
        Rows = new BoardFilter(Status, Decision, Q).Apply(all);
        Drafts = await board.DraftCountAsync(id, ct);
        // Counted over the whole call, not the filtered rows: releasing acts on every staged decision.
        Staged = all.Where(r => r.Proposal.Status == ProposalStatus.Submitted && r.Proposal.Decision is StagedDecision.Accept or StagedDecision.Reject).ToList();
        StagedAccept = Staged.Count(r => r.Proposal.Decision == StagedDecision.Accept);
        StagedReject = Staged.Count(r => r.Proposal.Decision == StagedDecision.Reject);
        if (call.Kind == CallKind.Sessions && call.WorkshopId is { } workshopId)
        {
            AwaitingConfirmation = all.Where(r => r.Proposal.Status == ProposalStatus.Accepted).Select(r => r.Proposal).ToList();
            Confirmed = await confirmed.ForWorkshopAsync(workshopId, ct);
            var title = await db.Workshops.Where(w => w.Id == workshopId).Select(w => w.Title).FirstOrDefaultAsync(ct);
            if (title is not null) Nav = new WorkshopNav(workshopId, title, WorkshopNav.Call);
        }
        return true;
    }
}
