using Workshops.Core.Privacy;
using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community;

public enum MembershipStatus { Requested, Approved, Declined }

/// <summary>
/// A member's link to the installation they work on: asked for by the member, approved or declined by an organiser.
/// Approved members are the installation's contacts; their name, role and email show on its page only when they agreed.
/// </summary>
public sealed class InstallationMember
{
    public const int MaxRole = 120;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid InstallationId { get; private set; }
    [PersonalData] public string UserId { get; private set; } = "";
    /// <summary>What they do there, in their words: "Technical lead", "Data manager".</summary>
    [PersonalData] public string? Role { get; private set; }
    /// <summary>The member's own consent to show their name, role and email on the installation's page.</summary>
    [PersonalData] public bool ShowPublicly { get; private set; }
    public MembershipStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    [ActedBy] public string? DecidedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private InstallationMember() { }

    public static InstallationMember Request(Guid installationId, string userId, string? role, bool showPublicly, DateTimeOffset now)
    {
        var member = new InstallationMember { InstallationId = installationId, UserId = userId, Status = MembershipStatus.Requested, RequestedAt = now };
        member.Describe(role, showPublicly, now);
        return member;
    }

    /// <summary>The member's own words and consent; the one thing they change themselves.</summary>
    public void Describe(string? role, bool showPublicly, DateTimeOffset now)
    {
        var trimmed = string.IsNullOrWhiteSpace(role) ? null : role.Trim();
        if (trimmed?.Length > MaxRole) throw new DomainException(Tr.T("Keep your role under {0} characters.", MaxRole), nameof(Role));
        (Role, ShowPublicly, UpdatedAt) = (trimmed, showPublicly, now);
    }

    /// <summary>A declined member may ask again; the request goes back to the organisers.</summary>
    public void AskAgain(string? role, bool showPublicly, DateTimeOffset now)
    {
        if (Status != MembershipStatus.Declined) throw new DomainException(Tr.T("Your request is already with the organisers."));
        Describe(role, showPublicly, now);
        (Status, RequestedAt, DecidedAt, DecidedById) = (MembershipStatus.Requested, now, null, null);
    }

    public void Decide(bool approve, string byUserId, DateTimeOffset now)
    {
        var next = approve ? MembershipStatus.Approved : MembershipStatus.Declined;
        if (Status == next) return;
        (Status, DecidedAt, DecidedById, UpdatedAt) = (next, now, byUserId, now);
    }

    public bool IsPublicContact => Status == MembershipStatus.Approved && ShowPublicly;
}
