using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Archive;
using Workshops.Web.Features.Materials;

namespace Workshops.Web.Features.Archive;

/// <summary>The archive: every past workshop and event by year, and search through all of it.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Workshops.Core.Security.RateLimitOptions.Search)]
public sealed class IndexModel(ArchiveListing listing, ArchiveSearch search, MaterialViewers viewers) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public ArchivedEventType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ArchiveEntry> All { get; private set; } = [];
    public IReadOnlyList<ArchiveEntry> Shown { get; private set; } = [];
    public SearchResults? Results { get; private set; }
    /// <summary>When nothing matched: the query spelled as the archive's own words are ("biocahce" → "biocache").</summary>
    public string? Suggestion { get; private set; }
    public bool Searching => !string.IsNullOrWhiteSpace(Query);

    public ArchiveChoices Choices { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Type is { } t && !Enum.IsDefined(t)) Type = null;
        PageNumber = Math.Clamp(PageNumber, 1, 500);
        if (!Searching)
        {
            All = await listing.AllAsync(ct);
            Shown = ArchiveListing.Filter(All, new ArchiveFilters(Year, Type, Country)).ToList();
            Choices = ArchiveListing.ChoicesOf(All);
        }
        else
        {
            Choices = await listing.ChoicesAsync(ct);
            var viewer = await viewers.ForAsync(User, ct);
            Results = await search.FindAsync(new SearchQuery(Query, Year, Type, Country, PageNumber), new SearchAccess(viewer.IsOrganiser, viewer.ParticipantOf.ToList()), ct);
            if (Results.Total == 0) Suggestion = await search.SuggestAsync(new SearchQuery(Query), ct);
        }
        return Page();
    }

    public string SuggestionUrl(string suggestion) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = suggestion, ["year"] = Year?.ToString(), ["type"] = Type?.ToString(), ["country"] = Country,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Query, ["year"] = Year?.ToString(), ["type"] = Type?.ToString(), ["country"] = Country, ["page"] = page.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
