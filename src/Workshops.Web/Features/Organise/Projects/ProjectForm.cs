using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Pages;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Web.Features.Organise.SitePages;

namespace Workshops.Web.Features.Organise.Projects;

/// <summary>What the project form posts; partners are rows (a blank row is none), and the events it funded are ticked.</summary>
public sealed class ProjectForm
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Programme { get; set; }
    public string? Reference { get; set; }
    public string? Funding { get; set; }
    public string? Lead { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Active;
    public string? Description { get; set; }
    public string? Language { get; set; } = "en";
    public Dictionary<string, PageTranslationForm> Translations { get; set; } = [];
    public List<PartnerRow> Partners { get; set; } = [];
    public List<Guid> WorkshopIds { get; set; } = [];
    public List<Guid> EventIds { get; set; } = [];
    /// <summary>The project's version when the form was drawn (see Versions); none for a new one.</summary>
    public long? Version { get; set; }

    public ProjectDetails ToDetails() => new(Title ?? "", Slug ?? "", Programme, Reference, Funding, Lead,
        Partners.Select(p => new ProjectPartner(p.Organisation ?? "", p.Role)).ToList(), StartYear, EndYear, Status, WorkshopIds, EventIds,
        Description, Language ?? "", Translations.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => new PageTranslation(t.Value.Title, t.Value.Body)));

    public static ProjectForm From(Project p)
    {
        var d = ProjectDetails.Of(p);
        return new ProjectForm
        {
            Title = d.Title, Slug = d.Slug, Programme = d.Programme, Reference = d.Reference, Funding = d.Funding, Lead = d.Lead,
            StartYear = d.StartYear, EndYear = d.EndYear, Status = d.Status, Description = d.Description, Language = d.Language,
            Translations = d.Translations!.ToDictionary(t => t.Key, t => new PageTranslationForm { Title = t.Value.Title, Body = t.Value.Body }),
            Partners = d.Partners.Select(x => new PartnerRow { Organisation = x.Organisation, Role = x.Role }).ToList(),
            WorkshopIds = [.. d.WorkshopIds], EventIds = [.. d.EventIds], Version = Versions.Of(p.UpdatedAt),
        };
    }

    /// <summary>Spare empty rows, so partners can be added without script.</summary>
    public ProjectForm WithSpareRows(int partners = 3)
    {
        for (var n = 0; n < partners; n++) Partners.Add(new PartnerRow());
        return this;
    }
}

public sealed class PartnerRow
{
    public string? Organisation { get; set; }
    public string? Role { get; set; }
}
