using System.Text.RegularExpressions;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community.Pages;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community.Projects;

/// <summary>What an organiser types about a funded project; the title and description in other languages are in <see cref="Translations"/>.</summary>
public sealed partial record ProjectDetails(
    string Title,
    string Slug,
    string? Programme,
    string? Reference,
    string? Funding,
    string? Lead,
    IReadOnlyList<ProjectPartner> Partners,
    int? StartYear,
    int? EndYear,
    ProjectStatus Status,
    IReadOnlyList<Guid> WorkshopIds,
    IReadOnlyList<Guid> EventIds,
    string? Description,
    string Language = "en",
    IReadOnlyDictionary<string, PageTranslation>? Translations = null)
{
    public const int MaxTitle = 300;
    public const int MaxSlug = 80;
    public const int MaxShort = 200;
    public const int MaxDescription = 50_000;
    public const int MaxPartners = 60;

    /// <summary>The other languages it is written in: a title, with or without a description.</summary>
    public IEnumerable<KeyValuePair<string, PageTranslation>> Written => (Translations ?? new Dictionary<string, PageTranslation>())
        .Where(t => t.Key != Language && (!string.IsNullOrWhiteSpace(t.Value.Title) || !string.IsNullOrWhiteSpace(t.Value.Body)));

    /// <summary>Every problem at once, each named by its field.</summary>
    public void Validate() => DomainException.ThrowAll(
        () =>
        {
            if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length < 3) throw new DomainException(Tr.T("Give the project a title."), nameof(Title));
            if (Title.Trim().Length > MaxTitle) throw new DomainException(Tr.T("The title can be at most {0} characters.", MaxTitle), nameof(Title));
        },
        () =>
        {
            if (string.IsNullOrWhiteSpace(Slug) || Slug.Trim().Length > MaxSlug || !SlugPattern().IsMatch(Slug.Trim()))
                throw new DomainException(Tr.T("The address name uses lower-case letters, digits and single dashes, like cesp-2019."), nameof(Slug));
        },
        () => Short(Programme, nameof(Programme)),
        () => Short(Reference, nameof(Reference)),
        () => Short(Funding, nameof(Funding)),
        () => Short(Lead, nameof(Lead)),
        () =>
        {
            if (StartYear is { } s && (s < 1990 || s > 2200)) throw new DomainException(Tr.T("A year is between 1990 and 2200."), nameof(StartYear));
            if (EndYear is { } e && (e < 1990 || e > 2200)) throw new DomainException(Tr.T("A year is between 1990 and 2200."), nameof(EndYear));
            if (StartYear is { } from && EndYear is { } to && to < from)
                throw new DomainException(Tr.T("The project cannot end before it starts."), nameof(EndYear));
        },
        () => { if (!Enum.IsDefined(Status)) throw new DomainException(Tr.T("Choose a status from the list."), nameof(Status)); },
        () =>
        {
            var partners = CleanPartners();
            if (partners.Count > MaxPartners) throw new DomainException(Tr.T("List at most {0} partners.", MaxPartners), nameof(Partners));
            if (partners.Any(p => p.Organisation.Length > MaxShort || p.Role?.Length > MaxShort))
                throw new DomainException(Tr.T("A partner's name and role can be at most {0} characters each.", MaxShort), nameof(Partners));
            if (Partners.Any(p => string.IsNullOrWhiteSpace(p.Organisation) && !string.IsNullOrWhiteSpace(p.Role)))
                throw new DomainException(Tr.T("Name the organisation of each partner with a role."), nameof(Partners));
        },
        () =>
        {
            if (Language is null || !LanguageCode().IsMatch(Language)) throw new DomainException(Tr.T("Choose the language from the list."), nameof(Language));
            if (Description?.Length > MaxDescription) throw new DomainException(Tr.T("The description can be at most {0:N0} characters.", MaxDescription), nameof(Description));
            foreach (var (language, t) in Written)
            {
                if (!LanguageCode().IsMatch(language)) throw new DomainException(Tr.T("Choose the language from the list."), nameof(Language));
                var name = LanguageOptions.Name(language);
                // A description under the title of another language would read as a mistake.
                if (string.IsNullOrWhiteSpace(t.Title))
                    throw new DomainException(Tr.T("Give the title in {0} too, or leave its description empty.", name), $"Translations[{language}].Title");
                if (t.Title.Trim().Length > MaxTitle || t.Body?.Length > MaxDescription)
                    throw new DomainException(Tr.T("In {0}, keep the title under {1} characters and the text under {2:N0}.", name, MaxTitle, MaxDescription), $"Translations[{language}].Body");
            }
        });

    public List<ProjectPartner> CleanPartners() => Partners.Where(p => !string.IsNullOrWhiteSpace(p.Organisation))
        .Select(p => new ProjectPartner(p.Organisation.Trim(), string.IsNullOrWhiteSpace(p.Role) ? null : p.Role.Trim())).ToList();

    public LocalText Titles() => LocalText.Of(Language, [new(Language, Title.Trim()), .. Written.Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Title!.Trim()))]);

    /// <summary>The description in every language given; null when none is.</summary>
    public LocalText? Descriptions()
    {
        var all = LocalText.Of(Language, [new(Language, Description), .. Written.Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Body))]);
        return all.Values.All(v => v.Value.Length == 0) ? null : all;
    }

    /// <summary>A project as it stands, to change a few of its fields and keep the rest.</summary>
    public static ProjectDetails Of(Project p) => new(p.Title.Default, p.Slug, p.Programme, p.Reference, p.Funding, p.Lead, p.Partners, p.StartYear, p.EndYear,
        p.Status, p.WorkshopIds, p.EventIds, p.Description?.Default, p.Title.DefaultLanguage,
        p.Title.Languages.Skip(1).ToDictionary(l => l, l => new PageTranslation(p.Title.Exactly(l), p.Description?.Exactly(l))));

    private static void Short(string? value, string field)
    {
        if (value?.Trim().Length > MaxShort) throw new DomainException(Tr.T("This can be at most {0} characters.", MaxShort), field);
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
