using System.ComponentModel.DataAnnotations;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;

namespace Workshops.Web.Features.Organise.Installations;

/// <summary>What the installation form posts; modules and resources are rows, a blank row is none.</summary>
public sealed class InstallationForm
{
    [StringLength(InstallationDetails.MaxName, ErrorMessage = "The name can be at most {1} characters.")]
    public string? Name { get; set; }

    [StringLength(InstallationDetails.MaxSlug, ErrorMessage = "The address name can be at most {1} characters.")]
    public string? Slug { get; set; }

    public string? Institution { get; set; }
    public string? Country { get; set; }
    public string? Area { get; set; }
    public string? GbifNode { get; set; }
    public string? GbifParticipation { get; set; }
    public string? Languages { get; set; }
    public string? WebAddress { get; set; }
    public InstallationStatus Status { get; set; } = InstallationStatus.InDiscussion;
    public int? StartedYear { get; set; }
    public string? Description { get; set; }
    public string? Language { get; set; } = "en";
    /// <summary>The description in the site's other languages, by language code.</summary>
    public Dictionary<string, string?> Translations { get; set; } = [];
    public List<ModuleRow> Modules { get; set; } = [];
    public List<ResourceRow> Resources { get; set; } = [];
    /// <summary>The entry's version when the form was drawn (see Versions); none for a new one.</summary>
    public long? Version { get; set; }

    public InstallationDetails ToDetails() => new(Name ?? "", Slug ?? "", Institution, Country, Area, GbifNode, GbifParticipation, Languages, WebAddress, Status,
        StartedYear, Modules.Select(m => new InstallationModule(m.Name ?? "", m.Address)).ToList(),
        Resources.Select(r => new InstallationResource(r.Title ?? "", r.Address ?? "")).ToList(), Description, Language ?? "",
        Translations.Where(t => t.Key != Language).ToDictionary(t => t.Key, t => t.Value));

    public static InstallationForm From(Installation i)
    {
        var d = InstallationDetails.Of(i);
        return new InstallationForm
        {
            Name = d.Name, Slug = d.Slug, Institution = d.Institution, Country = d.Country, Area = d.Area, GbifNode = d.GbifNode,
            GbifParticipation = d.GbifParticipation, Languages = d.Languages, WebAddress = d.WebAddress, Status = d.Status, StartedYear = d.StartedYear,
            Description = d.Description, Language = d.Language, Translations = d.Translations?.ToDictionary() ?? [],
            Modules = d.Modules.Select(m => new ModuleRow { Name = m.Name, Address = m.Address }).ToList(),
            Resources = d.Resources.Select(r => new ResourceRow { Title = r.Title, Address = r.Address }).ToList(),
            Version = Versions.Of(i.UpdatedAt),
        };
    }

    /// <summary>Spare empty rows, so modules and links can be added without script.</summary>
    public InstallationForm WithSpareRows(int modules = 3, int resources = 2)
    {
        for (var n = 0; n < modules; n++) Modules.Add(new ModuleRow());
        for (var n = 0; n < resources; n++) Resources.Add(new ResourceRow());
        return this;
    }
}

public sealed class ModuleRow
{
    public string? Name { get; set; }
    public string? Address { get; set; }
}

public sealed class ResourceRow
{
    public string? Title { get; set; }
    public string? Address { get; set; }
}
