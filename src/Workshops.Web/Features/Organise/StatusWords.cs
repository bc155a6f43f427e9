using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise;

/// <summary>
/// The words the organisers' pages show for statuses and staged decisions, in the reader's language. The domain
/// names these in code only; the CSS classes and form values keep the code names.
/// </summary>
public static class StatusWords
{
    /// <summary>"Draft", "Published", "Cancelled".</summary>
    public static string Of(WorkshopStatus status) => status switch
    {
        WorkshopStatus.Draft => Tr.T("Draft"),
        WorkshopStatus.Published => Tr.T("Published"),
        WorkshopStatus.Cancelled => Tr.T("Cancelled"),
        _ => status.ToString(),
    };

    /// <summary>"Submitted", "Accepted" and so on, as the organisers' board and filters show them.</summary>
    public static string Of(ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => Tr.T("Draft"),
        ProposalStatus.Submitted => Tr.T("Submitted"),
        ProposalStatus.Withdrawn => Tr.T("Withdrawn"),
        ProposalStatus.Accepted => Tr.T("Accepted"),
        ProposalStatus.Rejected => Tr.T("Rejected"),
        ProposalStatus.Confirmed => Tr.T("Confirmed"),
        _ => status.ToString(),
    };

    /// <summary>"submitted", "accepted" and so on, inside a sentence or a chart's description.</summary>
    public static string Lower(ProposalStatus status) => status.Word();

    /// <summary>"Pending", "Accept", "Reject", as the decision filter lists them.</summary>
    public static string Of(StagedDecision decision) => decision switch
    {
        StagedDecision.Pending => Tr.T("Pending"),
        StagedDecision.Accept => Tr.T("Accept"),
        StagedDecision.Reject => Tr.T("Reject"),
        _ => decision.ToString(),
    };

    /// <summary>"pending", "accept", "reject", inside a sentence.</summary>
    public static string Lower(StagedDecision decision) => decision switch
    {
        StagedDecision.Pending => Tr.T("status|pending"),
        StagedDecision.Accept => Tr.T("decision|accept"),
        StagedDecision.Reject => Tr.T("decision|reject"),
        _ => decision.ToString().ToLowerInvariant(),
    };

    /// <summary>"admit", "waitlist", "decline" (and "none"), inside a sentence or a table cell.</summary>
    public static string Lower(StagedAdmission decision) => decision switch
    {
        StagedAdmission.None => Tr.T("none"),
        StagedAdmission.Admit => Tr.T("admit"),
        StagedAdmission.Waitlist => Tr.T("waitlist"),
        StagedAdmission.Decline => Tr.T("decline"),
        _ => decision.ToString().ToLowerInvariant(),
    };

    /// <summary>"Queued", "Running", "Done", "Failed".</summary>
    public static string Of(PackRunStatus status) => status switch
    {
        PackRunStatus.Queued => Tr.T("Queued"),
        PackRunStatus.Running => Tr.T("Running"),
        PackRunStatus.Done => Tr.T("Done"),
        PackRunStatus.Failed => Tr.T("Failed"),
        _ => status.ToString(),
    };
}
