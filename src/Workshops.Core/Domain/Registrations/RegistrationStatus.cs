using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Registrations;

public enum RegistrationStatus
{
    /// <summary>Awaiting the organisers' decision.</summary>
    Submitted,
    Admitted,
    Waitlisted,
    Declined,
    Cancelled,
    CheckedIn,
}

/// <summary>How a workshop admits: organisers decide, or seats go in order of arrival.</summary>
public enum RegistrationMode
{
    Approval,
    FirstCome,
}

/// <summary>A decision an organiser has staged for a registration, released later together with others.</summary>
public enum StagedAdmission
{
    None,
    Admit,
    Waitlist,
    Decline,
}

public static class RegistrationStatuses
{
    private static readonly Dictionary<RegistrationStatus, RegistrationStatus[]> Allowed = new()
    {
        [RegistrationStatus.Submitted] = [RegistrationStatus.Admitted, RegistrationStatus.Waitlisted, RegistrationStatus.Declined, RegistrationStatus.Cancelled],
        [RegistrationStatus.Waitlisted] = [RegistrationStatus.Admitted, RegistrationStatus.Declined, RegistrationStatus.Cancelled],
        [RegistrationStatus.Admitted] = [RegistrationStatus.CheckedIn, RegistrationStatus.Declined, RegistrationStatus.Cancelled],
        // Organisers change their minds: a declined participant can still be waitlisted or admitted.
        [RegistrationStatus.Declined] = [RegistrationStatus.Admitted, RegistrationStatus.Waitlisted],
        [RegistrationStatus.Cancelled] = [],
        [RegistrationStatus.CheckedIn] = [],
    };

    public static bool CanMove(RegistrationStatus from, RegistrationStatus to) => Allowed[from].Contains(to);

    /// <summary>The statuses that hold a seat; moving into or out of them takes or gives back one.</summary>
    public static bool HoldsSeat(RegistrationStatus status) => status is RegistrationStatus.Admitted or RegistrationStatus.CheckedIn;

    /// <summary>The participant may still change their answers (while registration is open).</summary>
    public static bool IsEditable(RegistrationStatus status) => status is RegistrationStatus.Submitted or RegistrationStatus.Waitlisted or RegistrationStatus.Admitted;

    public static RegistrationStatus Target(this StagedAdmission decision) => decision switch
    {
        StagedAdmission.Admit => RegistrationStatus.Admitted,
        StagedAdmission.Waitlist => RegistrationStatus.Waitlisted,
        StagedAdmission.Decline => RegistrationStatus.Declined,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), "Nothing is staged."),
    };

    public static string Label(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Submitted => Tr.T("awaiting a decision"),
        RegistrationStatus.Admitted => Tr.T("registration|admitted"),
        RegistrationStatus.Waitlisted => Tr.T("waitlisted"),
        RegistrationStatus.Declined => Tr.T("declined"),
        RegistrationStatus.Cancelled => Tr.T("registration|cancelled"),
        RegistrationStatus.CheckedIn => Tr.T("checked in"),
        _ => status.ToString().ToLowerInvariant(),
    };
}
