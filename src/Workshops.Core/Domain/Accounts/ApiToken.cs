using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Accounts;

/// <summary>
/// A personal API token. The secret is shown once, when it is made, and only its SHA-256 hash is kept: the secret
/// is 32 random bytes, so a plain hash is as strong as a slow one would be, and it lets each request be checked with
/// one indexed lookup. The first characters stay readable so a person can tell their tokens apart.
/// </summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "wks_";
    public const int MaxName = 100;
    public const int MaxDays = 366;
    /// <summary>How often the last use is written: at most once a minute per token, not on every request.</summary>
    public static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(1);

    public Guid Id { get; private set; } = Guid.NewGuid();
    [PersonalData] public string UserId { get; private set; } = "";
    [PersonalData] public string Name { get; private set; } = "";
    /// <summary>The secret's first characters ("wks_AbC1"), to recognise it.</summary>
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public List<string> Scopes { get; private set; } = [];
    /// <summary>The workshops its organising scopes are limited to; empty for every workshop.</summary>
    public List<Guid> WorkshopIds { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    [PersonalData] public string? LastUsedAddress { get; private set; }

    private ApiToken() { }

    /// <summary>A new token and its secret, which nobody can read again once this returns.</summary>
    public static (ApiToken Token, string Secret) Create(string userId, string? name, IReadOnlyCollection<string> scopes, IReadOnlyCollection<string> roles,
        IReadOnlyCollection<Guid> workshopIds, DateOnly? expiresOn, DateTimeOffset now)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) throw new DomainException(Tr.T("Give the token a name, such as the program that will use it."), "Name");
        if (name.Length > MaxName) throw new DomainException(Tr.T("A name has at most {0} characters.", MaxName), "Name");
        if (scopes.Count == 0) throw new DomainException(Tr.T("Choose at least one thing the token may do."), "Scopes");
        if (scopes.FirstOrDefault(s => !ApiScopes.IsKnown(s)) is { } unknown) throw new DomainException(Tr.T("There is no scope called {0}.", unknown), "Scopes");
        if (scopes.FirstOrDefault(s => !ApiScopes.Allowed(s, roles)) is { } refused) throw new DomainException(Tr.T("Your account may not give a token the scope {0}.", refused), "Scopes");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (expiresOn is not { } expires) throw new DomainException(Tr.T("Choose when the token stops working."), "ExpiresOn");
        if (expires <= today) throw new DomainException(Tr.T("The expiry must be a day after today."), "ExpiresOn");
        if (expires > today.AddDays(MaxDays)) throw new DomainException(Tr.T("A token works for at most a year: choose an expiry before {0}.", today.AddDays(MaxDays + 1).ToString("yyyy-MM-dd")), "ExpiresOn");
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Prefix = secret[..8],
            Hash = HashOf(secret),
            Scopes = ApiScopes.All.Where(scopes.Contains).ToList(),
            WorkshopIds = workshopIds.Distinct().ToList(),
            CreatedAt = now,
            ExpiresAt = new DateTimeOffset(expires.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
        return (token, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether a string is shaped like a secret at all, so anything else is refused before the database is asked.</summary>
    public static bool LooksLikeSecret(string? value) => value is { Length: 47 } && value.StartsWith(SecretPrefix, StringComparison.Ordinal);

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public bool Allows(string scope) => Scopes.Contains(scope);

    /// <summary>Whether its organising scopes reach this workshop.</summary>
    public bool Reaches(Guid workshopId) => WorkshopIds.Count == 0 || WorkshopIds.Contains(workshopId);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Whether a use now is worth writing down (see <see cref="UseRecordedEvery"/>).</summary>
    public bool UseIsNews(DateTimeOffset now, string? address) => LastUsedAt is not { } last || now - last >= UseRecordedEvery || address != LastUsedAddress;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
