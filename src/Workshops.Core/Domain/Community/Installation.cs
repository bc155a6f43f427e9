using Workshops.Core.Privacy;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community;

/// <summary>
/// One portal of the community's registry: who runs it, where, with which modules, and how far along it is.
/// Its page is at /community/{slug}; the slug stays when the name changes, so links keep working.
/// </summary>
public sealed class Installation
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Slug { get; private set; } = "";
    [NotPersonal("a portal's name")] public string Name { get; private set; } = "";
    [NotPersonal("the institution that runs a portal")] public string? Institution { get; private set; }
    /// <summary>An ISO 3166 code; null for a portal that covers an area rather than a country (see <see cref="Area"/>).</summary>
    public string? Country { get; private set; }
    /// <summary>The area it covers when that is not a whole country: "Andalusia", "Global", "Amazonia".</summary>
    public string? Area { get; private set; }
    public string? GbifNode { get; private set; }
    /// <summary>The node's participation in GBIF as GBIF words it: "Voting participant", "Associate participant".</summary>
    public string? GbifParticipation { get; private set; }
    /// <summary>The languages the portal speaks, as people name them ("Spanish", "Estonian").</summary>
    public List<string> Languages { get; private set; } = [];
    [NotPersonal("a portal's web address")] public string? WebAddress { get; private set; }
    public InstallationStatus Status { get; private set; }
    public int? StartedYear { get; private set; }
    public List<InstallationModule> Modules { get; private set; } = [];
    public List<InstallationResource> Resources { get; private set; } = [];
    /// <summary>Markdown, in the languages the organisers wrote it in.</summary>
    public LocalText? Description { get; private set; }
    /// <summary>The stored logo (PNG or JPEG), by its content's hash; null when it has none.</summary>
    public string? LogoHash { get; private set; }
    public string? LogoContentType { get; private set; }
    /// <summary>Where it came from, for an import run again: "la-site:gbif-portugal"; null when made here.</summary>
    public string? SourceKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Installation() { }

    public static Installation Create(InstallationDetails details, DateTimeOffset now, string? sourceKey = null)
    {
        var installation = new Installation { CreatedAt = now, SourceKey = sourceKey };
        installation.Update(details, now);
        return installation;
    }

    /// <summary>The one way an entry changes; every rule is checked first, so a refused change leaves it as it was. True when anything changed.</summary>
    public bool Update(InstallationDetails d, DateTimeOffset now)
    {
        d.Validate();
        var next = new Installation
        {
            Slug = d.Slug.Trim(), Name = d.Name.Trim(), Institution = Blank(d.Institution), Country = Countries.Find(d.Country), Area = Blank(d.Area), GbifNode = Blank(d.GbifNode),
            GbifParticipation = Blank(d.GbifParticipation), Languages = d.LanguageList(), WebAddress = Blank(d.WebAddress), Status = d.Status,
            StartedYear = d.StartedYear, Modules = d.CleanModules(), Resources = d.CleanResources(), Description = d.Descriptions(),
        };
        if (Same(next)) return false;
        (Slug, Name, Institution, Country, Area, GbifNode, GbifParticipation, Languages, WebAddress, Status, StartedYear, Modules, Resources, Description) =
            (next.Slug, next.Name, next.Institution, next.Country, next.Area, next.GbifNode, next.GbifParticipation, next.Languages, next.WebAddress, next.Status,
                next.StartedYear, next.Modules, next.Resources, next.Description);
        UpdatedAt = now;
        return true;
    }

    /// <summary>A new logo, or none (null). Only images the site checked (PNG, JPEG) are given here.</summary>
    public void SetLogo(string? hash, string? contentType, DateTimeOffset now)
    {
        if ((LogoHash, LogoContentType) == (hash, contentType)) return;
        (LogoHash, LogoContentType, UpdatedAt) = (hash, hash is null ? null : contentType, now);
    }

    /// <summary>Where it is, in the reader's language: "Andalusia, Spain", "Spain" or "Global".</summary>
    public string Place => string.Join(", ", new[] { Area, Country is null ? null : Countries.Name(Country) }.Where(p => p is not null));

    private bool Same(Installation o) =>
        (Slug, Name, Institution, Country, Area, GbifNode, GbifParticipation, WebAddress, Status, StartedYear) ==
        (o.Slug, o.Name, o.Institution, o.Country, o.Area, o.GbifNode, o.GbifParticipation, o.WebAddress, o.Status, o.StartedYear)
        && Languages.SequenceEqual(o.Languages) && Modules.SequenceEqual(o.Modules) && Resources.SequenceEqual(o.Resources)
        && Equals(Description, o.Description);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A module the portal runs ("Biocache", "Spatial portal"), with its address when it has its own.</summary>
public sealed record InstallationModule(string Name, string? Address);

/// <summary>A link about the portal: its code, documentation, a paper.</summary>
public sealed record InstallationResource(string Title, string Address);
