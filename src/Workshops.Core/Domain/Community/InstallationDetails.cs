using System.Text.RegularExpressions;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community;

/// <summary>What an organiser types about an installation. It is in a country, or covers an area that is not one (a region, the world), or both.</summary>
public sealed partial record InstallationDetails(
    string Name,
    string Slug,
    string? Institution,
    string? Country,
    string? Area,
    string? GbifNode,
    string? GbifParticipation,
    string? Languages,
    string? WebAddress,
    InstallationStatus Status,
    int? StartedYear,
    IReadOnlyList<InstallationModule> Modules,
    IReadOnlyList<InstallationResource> Resources,
    string? Description,
    string Language = "en",
    IReadOnlyDictionary<string, string?>? Translations = null)
{
    public const int MaxName = 200;
    public const int MaxSlug = 80;
    public const int MaxShort = 200;
    public const int MaxDescription = 20_000;
    public const int MaxModules = 60;
    public const int MaxResources = 30;

    /// <summary>Every problem at once, each named by its field.</summary>
    public void Validate() => DomainException.ThrowAll(
        () =>
        {
            if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length < 2) throw new DomainException(Tr.T("Give the installation a name."), nameof(Name));
            if (Name.Trim().Length > MaxName) throw new DomainException(Tr.T("The name can be at most {0} characters.", MaxName), nameof(Name));
        },
        () =>
        {
            if (string.IsNullOrWhiteSpace(Slug) || Slug.Trim().Length > MaxSlug || !SlugPattern().IsMatch(Slug.Trim()))
                throw new DomainException(Tr.T("The address name uses lower-case letters, digits and single dashes, like gbif-portugal."), nameof(Slug));
        },
        () =>
        {
            if (string.IsNullOrWhiteSpace(Country) && string.IsNullOrWhiteSpace(Area))
                throw new DomainException(Tr.T("Give the country, or the area it covers."), nameof(Country));
            if (!string.IsNullOrWhiteSpace(Country) && Countries.Find(Country) is null)
                throw new DomainException(Tr.T("Choose the country from the list."), nameof(Country));
        },
        () => Short(Area, nameof(Area)),
        () => Short(Institution, nameof(Institution)),
        () => Short(GbifNode, nameof(GbifNode)),
        () => Short(GbifParticipation, nameof(GbifParticipation)),
        () => Short(Languages, nameof(Languages)),
        () =>
        {
            if (!string.IsNullOrWhiteSpace(WebAddress) && !MaterialDetails.IsWebAddress(WebAddress.Trim()))
                throw new DomainException(Tr.T("The web address must be a full address starting with https:// or http://."), nameof(WebAddress));
        },
        () => { if (!Enum.IsDefined(Status)) throw new DomainException(Tr.T("Choose a status from the list."), nameof(Status)); },
        () =>
        {
            if (StartedYear is { } y && (y < 1990 || y > DateTime.UtcNow.Year + 1))
                throw new DomainException(Tr.T("The year it started is between 1990 and next year."), nameof(StartedYear));
        },
        () =>
        {
            var modules = CleanModules();
            if (modules.Count > MaxModules) throw new DomainException(Tr.T("List at most {0} modules.", MaxModules), nameof(Modules));
            foreach (var m in modules)
            {
                if (m.Name.Length > 100) throw new DomainException(Tr.T("A module's name can be at most {0} characters.", 100), nameof(Modules));
                if (m.Address is not null && !MaterialDetails.IsWebAddress(m.Address))
                    throw new DomainException(Tr.T("The address of “{0}” must be a full web address starting with https:// or http://.", m.Name), nameof(Modules));
            }
            if (modules.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new DomainException(Tr.T("“{0}” is listed twice among the modules.", twice.Key), nameof(Modules));
        },
        () =>
        {
            var resources = CleanResources();
            if (resources.Count > MaxResources) throw new DomainException(Tr.T("List at most {0} resources.", MaxResources), nameof(Resources));
            foreach (var r in resources)
            {
                if (r.Title.Length > MaxShort) throw new DomainException(Tr.T("A resource's title can be at most {0} characters.", MaxShort), nameof(Resources));
                if (!MaterialDetails.IsWebAddress(r.Address))
                    throw new DomainException(Tr.T("The address of “{0}” must be a full web address starting with https:// or http://.", r.Title), nameof(Resources));
            }
        },
        () =>
        {
            if (Language is null || !LanguageCode().IsMatch(Language)) throw new DomainException(Tr.T("Choose the language from the list."), nameof(Language));
            if (Description?.Length > MaxDescription || Translations?.Values.Any(d => d?.Length > MaxDescription) == true)
                throw new DomainException(Tr.T("The description can be at most {0:N0} characters.", MaxDescription), nameof(Description));
        });

    /// <summary>An entry as it stands, to change a few of its fields and keep the rest.</summary>
    public static InstallationDetails Of(Installation i) => new(i.Name, i.Slug, i.Institution, i.Country, i.Area, i.GbifNode, i.GbifParticipation,
        string.Join(", ", i.Languages), i.WebAddress, i.Status, i.StartedYear, i.Modules, i.Resources, i.Description?.Default, i.Description?.DefaultLanguage ?? "en",
        i.Description?.Values.Skip(1).ToDictionary(v => v.Key, v => (string?)v.Value));

    /// <summary>"Spanish, English", "Estonian &amp; English" or "English - French" as a list.</summary>
    public List<string> LanguageList() => LanguageSeparator().Split(Languages ?? "")
        .Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Rows with a name, trimmed; a blank address is none.</summary>
    public List<InstallationModule> CleanModules() => Modules.Where(m => !string.IsNullOrWhiteSpace(m.Name))
        .Select(m => new InstallationModule(m.Name.Trim(), string.IsNullOrWhiteSpace(m.Address) ? null : m.Address.Trim())).ToList();

    public List<InstallationResource> CleanResources() => Resources.Where(r => !string.IsNullOrWhiteSpace(r.Title) || !string.IsNullOrWhiteSpace(r.Address))
        .Select(r => new InstallationResource((r.Title ?? "").Trim() is { Length: > 0 } t ? t : (r.Address ?? "").Trim(), (r.Address ?? "").Trim())).ToList();

    /// <summary>The description in every language given (<see cref="Translations"/> holds the others by code); null when none is.</summary>
    public LocalText? Descriptions()
    {
        var all = LocalText.Of(Language, [new(Language, Description), .. (Translations ?? new Dictionary<string, string?>()).Where(d => d.Key != Language)]);
        return all.Values.All(v => v.Value.Length == 0) ? null : all;
    }

    private static void Short(string? value, string field)
    {
        if (value?.Trim().Length > MaxShort) throw new DomainException(Tr.T("This can be at most {0} characters.", MaxShort), field);
    }

    [GeneratedRegex(@"\s*(?:[,;&/]|\s-\s|\band\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageSeparator();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
