using Workshops.Core.Domain.Common;
namespace Workshops.Core.Domain.Archive;

/// <summary>A member institution of the community, as the public directory lists it.</summary>
public sealed class CommunityMember
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string? Institution { get; private set; }
    public string? Country { get; private set; }
    public string? Portal { get; private set; }
    public string? GbifPage { get; private set; }
    /// <summary>As written: "English - French".</summary>
    public string? Languages { get; private set; }
    /// <summary>In production, In progress, In discussion.</summary>
    public string? Status { get; private set; }
    public string SourceKey { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    private CommunityMember() { }

    public static CommunityMember Create(string sourceKey) => new() { SourceKey = sourceKey };

    /// <summary>True when anything changed.</summary>
    public bool Update(string? institution, string? country, string? portal, string? gbifPage, string? languages, string? status, DateTimeOffset now)
    {
        // The old site wrote countries in several languages ("ESPAÑA", "Brasil"): kept as codes when they name one.
        var next = (Blank(institution), Countries.Find(country) ?? Blank(country), Blank(portal), Blank(gbifPage), Blank(languages), Blank(status));
        if (next == (Institution, Country, Portal, GbifPage, Languages, Status)) return false;
        (Institution, Country, Portal, GbifPage, Languages, Status) = next;
        UpdatedAt = now;
        return true;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
