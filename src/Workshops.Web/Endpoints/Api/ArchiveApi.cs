using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Security;
using Workshops.Web.Features.Archive;

using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

/// <summary>A past workshop run here, or an event of earlier years kept in the archive.</summary>
public sealed record ArchiveAnswer(string Title, ArchivedEventType Type, int? Year, DateOnly? StartsOn, DateOnly? EndsOn,
    [property: Description("The date as written, when no date could be read from it.")] string? DateText, string? Place,
    [property: Description("ISO 3166-1 alpha-2 code.")] string? Country, [property: Description("How many public materials it has.")] int Materials, string Url);

/// <summary>A public material: slides, a paper, a recording, a link.</summary>
public sealed record MaterialAnswer(Guid Id, string Title, MaterialType Type, string? Speakers, [property: Description("The workshop's slug, for a workshop's material.")] string? Workshop,
    [property: Description("The archived event's slug, for an earlier event's material.")] string? Event, string? Link, string? FileName, string? ContentType, long? FileLength,
    [property: Description("Where to download the file, when it has one.")] string? Download, string Url) : IChanged
{
    [JsonIgnore] public DateTimeOffset Changed { get; init; }
}

/// <summary>One search result; the marked parts are between [[ and ]].</summary>
public sealed record SearchAnswer(SearchKind Kind, string Title, string? Speakers, string? Snippet, [property: Description("The workshop or event it belongs to.")] string? Context,
    int? Year, string? Country, MaterialType? MaterialType, Guid? Material, string Url);

public enum ArchiveOrder { Newest, Oldest, Title }

public sealed class ArchiveFiltersQuery
{
    [Description("Newest (the default), Oldest or Title.")] [FromQuery(Name = "sort")] public ArchiveOrder? Sort { get; set; }
    [Description("Only this year.")] [FromQuery(Name = "year")] public int? Year { get; set; }
    [Description("Only this kind of event.")] [FromQuery(Name = "type")] public ArchivedEventType? Type { get; set; }
    [Description("Only this country (ISO 3166-1 alpha-2 code).")] [FromQuery(Name = "country")] public string? Country { get; set; }
}

public sealed class MaterialFilters
{
    [Description("Newest (the default: the newest event's first, in their order there), Oldest or Title.")] [FromQuery(Name = "sort")] public ArchiveOrder? Sort { get; set; }
    [Description("Only the materials of this workshop (its slug) or archived event (its slug).")] [FromQuery(Name = "workshop")] public string? Workshop { get; set; }
    [Description("Only materials of workshops and events held in this year.")] [FromQuery(Name = "year")] public int? Year { get; set; }
    [Description("Only this kind of material.")] [FromQuery(Name = "type")] public MaterialType? Type { get; set; }
}

public sealed class SearchFilters
{
    [Description("The words to find, in titles, speakers and the text of files.")] [FromQuery(Name = "q")] public string? Q { get; set; }
    [Description("Only this year.")] [FromQuery(Name = "year")] public int? Year { get; set; }
    [Description("Only this kind of event.")] [FromQuery(Name = "type")] public ArchivedEventType? Type { get; set; }
    [Description("Only this country (ISO 3166-1 alpha-2 code).")] [FromQuery(Name = "country")] public string? Country { get; set; }
}

public static class ArchiveApi
{
    public static void MapArchiveApi(this RouteGroupBuilder api)
    {
        api.MapGet("/archive", ListAsync).WithName("ListArchive").WithTags("Archive")
            .WithSummary("The archive").WithDescription("Every past workshop and archived event, newest first.");
        api.MapGet("/materials", MaterialsAsync).WithName("ListMaterials").WithTags("Archive")
            .WithSummary("Public materials").WithDescription("Public materials of every workshop and archived event, newest event first.");
        api.MapGet("/search", SearchAsync).WithName("SearchArchive").WithTags("Archive")
            .WithSummary("Search the archive").WithDescription("Full-text search through events, sessions and the public materials' files, best first, 20 to a page.")
            .RequireRateLimiting(RateLimitOptions.Search);
    }

    private static async Task<Results<Ok<Page<ArchiveAnswer>>, ValidationProblem>> ListAsync(
        [AsParameters] ArchiveFiltersQuery filters, [AsParameters] Paging paging, HttpContext http, ArchiveListing listing, CancellationToken ct)
    {
        if (!paging.TryOffset(http.Request, out var offset, out var error)) return ApiProblems.Invalid("cursor", error!);
        var all = ArchiveListing.Filter(await listing.AllAsync(ct), new ArchiveFilters(filters.Year, filters.Type, filters.Country)).ToList();
        // The listing comes newest first; the other orders keep that order among equals.
        all = filters.Sort switch
        {
            ArchiveOrder.Oldest => all.OrderBy(e => e.StartsOn ?? (e.Year is { } year ? new DateOnly(year, 1, 1) : DateOnly.MaxValue)).ToList(),
            ArchiveOrder.Title => all.OrderBy(e => e.Title, StringComparer.CurrentCulture).ToList(),
            _ => all,
        };
        var page = all.Skip(offset).Take(paging.Size).Select(e => new ArchiveAnswer(e.Title, e.Type, e.Year, e.StartsOn, e.EndsOn, e.DateText, e.Place, e.Country,
            e.Materials, http.Request.AbsoluteUrl(e.Url))).ToList();
        return TypedResults.Ok(paging.Of(http.Request, page, offset, all.Count));
    }

    private static async Task<Results<Ok<Page<MaterialAnswer>>, ValidationProblem>> MaterialsAsync(
        [AsParameters] MaterialFilters filters, [AsParameters] Paging paging, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (!paging.TryOffset(http.Request, out var offset, out var error)) return ApiProblems.Invalid("cursor", error!);
        // Workshops and events are few: they are read whole, and materials joined to them here.
        var workshops = await db.Workshops.AsNoTracking().Where(w => WorkshopStatuses.Public.Contains(w.Status))
            .Select(w => new { w.Id, w.Slug, w.Year }).ToDictionaryAsync(w => w.Id, ct);
        var events = await db.ArchivedEvents.AsNoTracking().Select(e => new { e.Id, e.Slug, e.StartsOn }).ToDictionaryAsync(e => e.Id, ct);
        var materials = db.Materials.AsNoTracking().Where(m => m.Visibility == MaterialVisibility.Public);
        if (filters.Type is { } type) materials = materials.Where(m => m.Type == type);
        var rows = (await materials.ToListAsync(ct))
            .Select(m => (Material: m, Workshop: m.WorkshopId is { } w && workshops.TryGetValue(w, out var ws) ? ws : null,
                Event: m.ArchivedEventId is { } e && events.TryGetValue(e, out var ev) ? ev : null))
            .Where(r => r.Workshop is not null || r.Event is not null)
            .Select(r => (r.Material, Slug: r.Workshop?.Slug ?? r.Event!.Slug, WorkshopSlug: r.Workshop?.Slug, EventSlug: r.Event?.Slug,
                Year: r.Workshop?.Year ?? r.Event?.StartsOn?.Year))
            .Where(r => string.IsNullOrWhiteSpace(filters.Workshop) || r.Slug == filters.Workshop)
            .Where(r => filters.Year is null || r.Year == filters.Year)
            .ToList();
        rows = (filters.Sort switch
        {
            ArchiveOrder.Oldest => rows.OrderBy(r => r.Year ?? int.MaxValue),
            ArchiveOrder.Title => rows.OrderBy(r => r.Material.Title, StringComparer.CurrentCulture),
            _ => rows.OrderByDescending(r => r.Year),
        }).ThenBy(r => r.Slug, StringComparer.Ordinal).ThenBy(r => r.Material.Position).ThenBy(r => r.Material.Id).ToList();
        var page = rows.Skip(offset).Take(paging.Size).Select(r => new MaterialAnswer(r.Material.Id, r.Material.Title, r.Material.Type, r.Material.Speakers,
            r.WorkshopSlug, r.EventSlug, r.Material.Link, r.Material.FileName, r.Material.ContentType, r.Material.FileLength,
            r.Material.FileHash is null ? null : http.Request.AbsoluteUrl($"/materials/{r.Material.Id}/file"), http.Request.AbsoluteUrl($"/materials/{r.Material.Id}"))
        { Changed = r.Material.UpdatedAt }).ToList();
        return TypedResults.Ok(paging.Of(http.Request, page, offset, rows.Count));
    }

    private static async Task<Results<Ok<Page<SearchAnswer>>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchFilters filters, [AsParameters] Paging paging, HttpContext http, ArchiveSearch search, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(filters.Q)) return ApiProblems.Invalid("q", Tr.T("Give the words to search for."));
        // The search engine pages by twenty; the cursor stands for a position on those pages.
        paging.Limit ??= SearchQuery.PageSize;
        if (paging.Limit != SearchQuery.PageSize) return ApiProblems.Invalid("limit", Tr.T("Search gives {0} results to a page.", SearchQuery.PageSize));
        if (!paging.TryOffset(http.Request, out var offset, out var error) || offset % SearchQuery.PageSize != 0) return ApiProblems.Invalid("cursor", error ?? Tr.T("This cursor does not belong to this list: ask for the first page again."));
        var results = await search.FindAsync(new SearchQuery(filters.Q, filters.Year, filters.Type, filters.Country, offset / SearchQuery.PageSize + 1), SearchAccess.Public, ct);
        return TypedResults.Ok(paging.Of(http.Request, results.Hits.Select(h => new SearchAnswer(h.Kind, Marked(h.Title)!, Marked(h.Speakers), Marked(h.Snippet), h.Context,
            h.Year, h.Country, h.MaterialType, h.MaterialId, http.Request.AbsoluteUrl(h.Url))).ToList(), offset, results.Total));
    }

    private static string? Marked(string? text) => text?.Replace(Highlight.Open.ToString(), "[[").Replace(Highlight.Close.ToString(), "]]");
}
