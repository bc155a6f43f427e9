using Workshops.Core.Privacy;
using Microsoft.AspNetCore.Identity;

namespace Workshops.Core.Domain.Accounts;

public enum SecurityEventKind
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignInRefused,
    SignedOut,
    SignedOutEverywhere,
    TwoFactorEnabled,
    TwoFactorDisabled,
    TwoFactorReset,
    RecoveryCodeUsed,
    RecoveryCodesRenewed,
    PasswordChanged,
    PasswordReset,
    EmailChanged,
    RoleGiven,
    RoleTaken,
    AccountDisabled,
    AccountEnabled,
    PersonalDataExported,
    PersonalDataRequested,
    AccountDeleted,
    AccountDeletionRequested,
    ApiTokenCreated,
    ApiTokenRevoked,
}

/// <summary>
/// What happened to an account, for admins to read: kept as long as the privacy settings say (at first
/// <c>Security:LogRetentionDays</c>) and then deleted by the retention job. The
/// address is kept as typed for failed sign-ins, where there may be no account to point at.
/// </summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public SecurityEventKind Kind { get; set; }
    /// <summary>The account it concerns, when there is one.</summary>
    [PersonalData] public string? UserId { get; set; }
    [PersonalData] public string? Email { get; set; }
    /// <summary>Who did it when it was not the person themself (an admin giving a role).</summary>
    [ActedBy] public string? ActorId { get; set; }
    [PersonalData] public string? IpAddress { get; set; }
    [PersonalData] public string? Detail { get; set; }
}
