using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Security;

namespace Workshops.Web.Features.Admin;

public sealed record SecurityLogRow(DateTimeOffset At, SecurityEventKind Kind, string? Email, string? Person, string? Actor, string? Address, string? Detail);

/// <summary>The security log: sign-ins, lockouts, two-factor and password changes, roles, disabled accounts and data exports.</summary>
public sealed class SecurityLogModel(AppDbContext db, TimeProvider clock, IOptions<SecurityOptions> options) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public SecurityEventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<SecurityLogRow> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public int RetentionDays => options.Value.LogRetentionDays;
    /// <summary>Refused sign-ins (wrong passwords and codes, lockouts, disabled accounts) per day over the last 30 days, oldest first.</summary>
    public IReadOnlyList<(DateOnly Day, int Count)> RefusedPerDay { get; private set; } = [];

    private static readonly SecurityEventKind[] Refusals = [SecurityEventKind.SignInFailed, SecurityEventKind.LockedOut, SecurityEventKind.SignInRefused];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // "page" is also Razor Pages' own route value, so only the filters' own state says whether they were understood.
        var understood = new[] { nameof(Kind), nameof(From), nameof(To) }
            .All(k => ModelState.GetFieldValidationState(k) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid);
        if (!understood) Response.StatusCode = StatusCodes.Status400BadRequest;
        if (!int.TryParse(Request.Query["page"], out var page)) page = 1;
        PageNumber = Math.Clamp(page, 1, 10_000);
        var query = db.SecurityEvents.AsNoTracking();
        if (understood)
        {
            if (Kind is { } kind) query = query.Where(e => e.Kind == kind);
            if (!string.IsNullOrWhiteSpace(Who))
            {
                var who = Who.Trim().ToUpperInvariant();
                var ids = db.Users.Where(u => u.NormalizedEmail!.Contains(who) || u.DisplayName.ToUpper().Contains(who)).Select(u => u.Id);
                query = query.Where(e => (e.Email != null && e.Email.ToUpper().Contains(who)) || ids.Contains(e.UserId!));
            }
            if (From is { } from) query = query.Where(e => e.At >= new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            if (To is { } to && to < DateOnly.MaxValue) query = query.Where(e => e.At < new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }
        var events = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = events.Count > PageSize;
        var shown = events.Take(PageSize).ToList();
        var people = shown.SelectMany(e => new[] { e.UserId, e.ActorId }).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        Rows = shown.Select(e => new SecurityLogRow(e.At, e.Kind, e.Email ?? (e.UserId is { } id && names.TryGetValue(id, out var p) ? p.Email : null),
            e.UserId is { } uid && names.TryGetValue(uid, out var person) ? person.DisplayName : null,
            e.ActorId is { } aid && names.TryGetValue(aid, out var actor) ? actor.DisplayName : null, e.IpAddress, e.Detail)).ToList();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(-29).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var refused = await db.SecurityEvents.AsNoTracking().Where(e => e.At >= since && Refusals.Contains(e.Kind)).Select(e => e.At).ToListAsync(ct);
        var byDay = refused.GroupBy(at => DateOnly.FromDateTime(at.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        RefusedPerDay = Enumerable.Range(0, 30).Select(i => today.AddDays(i - 29)).Select(d => (d, byDay.GetValueOrDefault(d))).ToList();
    }

    public static string Describe(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.SignedIn => Tr.T("Signed in"),
        SecurityEventKind.SignInFailed => Tr.T("Sign-in failed"),
        SecurityEventKind.LockedOut => Tr.T("Locked out after wrong passwords"),
        SecurityEventKind.SignInRefused => Tr.T("Sign-in refused: account disabled"),
        SecurityEventKind.SignedOut => Tr.T("Signed out"),
        SecurityEventKind.SignedOutEverywhere => Tr.T("Signed out everywhere"),
        SecurityEventKind.TwoFactorEnabled => Tr.T("Two-factor sign-in turned on"),
        SecurityEventKind.TwoFactorDisabled => Tr.T("Two-factor sign-in turned off"),
        SecurityEventKind.TwoFactorReset => Tr.T("Two-factor sign-in reset by an admin"),
        SecurityEventKind.RecoveryCodeUsed => Tr.T("Signed in with a recovery code"),
        SecurityEventKind.RecoveryCodesRenewed => Tr.T("New recovery codes made"),
        SecurityEventKind.PasswordChanged => Tr.T("Password changed"),
        SecurityEventKind.PasswordReset => Tr.T("Password reset by email"),
        SecurityEventKind.EmailChanged => Tr.T("Email address changed"),
        SecurityEventKind.RoleGiven => Tr.T("Role given"),
        SecurityEventKind.RoleTaken => Tr.T("Role taken away"),
        SecurityEventKind.AccountDisabled => Tr.T("Account disabled"),
        SecurityEventKind.AccountEnabled => Tr.T("Account enabled"),
        SecurityEventKind.PersonalDataExported => Tr.T("Personal data exported"),
        SecurityEventKind.PersonalDataRequested => Tr.T("Copy of personal data asked for"),
        SecurityEventKind.AccountDeleted => Tr.T("Account deleted"),
        SecurityEventKind.AccountDeletionRequested => Tr.T("Account deletion asked for by email"),
        SecurityEventKind.ApiTokenCreated => Tr.T("API token made"),
        SecurityEventKind.ApiTokenRevoked => Tr.T("API token revoked"),
        _ => kind.ToString(),
    };
}
