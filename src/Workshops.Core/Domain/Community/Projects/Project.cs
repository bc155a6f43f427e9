using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community.Projects;

public enum ProjectStatus { Planned, Active, Closed }

/// <summary>An organisation taking part in a project, and its role there ("Leader", "Co-coordinator & co-funder").</summary>
public sealed record ProjectPartner(string Organisation, string? Role);

/// <summary>
/// A funded project, such as a GBIF CESP grant that pays for a workshop: who leads it, with whom, when, and which
/// workshops and past events it funded. Its page is at /projects/{slug}; each event it funded links back to it.
/// </summary>
public sealed class Project
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Slug { get; private set; } = "";
    public LocalText Title { get; private set; } = new("");
    /// <summary>Markdown, in the languages the organisers wrote it in.</summary>
    public LocalText? Description { get; private set; }
    /// <summary>The funding programme: "GBIF Capacity Enhancement Support Programme (CESP)".</summary>
    public string? Programme { get; private set; }
    /// <summary>The funder's reference for the grant: "CESP2018-004".</summary>
    [Privacy.NotPersonal("a grant's reference number")] public string? Reference { get; private set; }
    /// <summary>Who pays, as the funder words it: "GBIF &amp; co-funders".</summary>
    public string? Funding { get; private set; }
    /// <summary>The organisation that leads it.</summary>
    public string? Lead { get; private set; }
    public List<ProjectPartner> Partners { get; private set; } = [];
    public int? StartYear { get; private set; }
    public int? EndYear { get; private set; }
    public ProjectStatus Status { get; private set; }
    /// <summary>The workshops run here that it funded.</summary>
    public List<Guid> WorkshopIds { get; private set; } = [];
    /// <summary>The past events of the archive that it funded.</summary>
    public List<Guid> EventIds { get; private set; } = [];
    /// <summary>Where it came from, for an import run again: "la-site:project:1-cesp-2019"; null when made here.</summary>
    public string? SourceKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Project() { }

    public static Project Create(ProjectDetails details, DateTimeOffset now, string? sourceKey = null)
    {
        var project = new Project { CreatedAt = now, SourceKey = sourceKey };
        project.Update(details, now);
        return project;
    }

    /// <summary>The one way a project changes; every rule is checked first, so a refused change leaves it as it was. True when anything changed.</summary>
    public bool Update(ProjectDetails d, DateTimeOffset now)
    {
        d.Validate();
        var (title, description, partners) = (d.Titles(), d.Descriptions(), d.CleanPartners());
        var (workshops, events) = (d.WorkshopIds.Distinct().ToList(), d.EventIds.Distinct().ToList());
        var facts = (d.Slug.Trim(), Blank(d.Programme), Blank(d.Reference), Blank(d.Funding), Blank(d.Lead), d.StartYear, d.EndYear, d.Status);
        if (facts == (Slug, Programme, Reference, Funding, Lead, StartYear, EndYear, Status) && title.Equals(Title) && Equals(description, Description)
            && partners.SequenceEqual(Partners) && workshops.SequenceEqual(WorkshopIds) && events.SequenceEqual(EventIds)) return false;
        (Slug, Programme, Reference, Funding, Lead, StartYear, EndYear, Status) = facts;
        (Title, Description, Partners, WorkshopIds, EventIds, UpdatedAt) = (title, description, partners, workshops, events, now);
        return true;
    }

    /// <summary>"2018–2019", "2021" or "", as the list and the page show its years.</summary>
    public string Years => (StartYear, EndYear) switch
    {
        ({ } s, { } e) when s != e => $"{s}–{e}",
        ({ } s, _) => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
        (null, { } e) => e.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
