using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;

using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

public sealed record InstallationLink(string Name, string? Address);

/// <summary>A portal in the community's registry, as its public page shows it (without its members).</summary>
public sealed record InstallationAnswer(string Slug, string Name, string? Institution, [property: Description("ISO 3166-1 alpha-2 code.")] string? Country,
    string? Area, string? GbifNode, string? GbifParticipation, IReadOnlyList<string> Languages, string? WebAddress, InstallationStatus Status, int? StartedYear,
    IReadOnlyList<InstallationLink> Modules, IReadOnlyList<InstallationLink> Resources, [property: Description("In Markdown.")] string? Description,
    IReadOnlyDictionary<string, string>? Descriptions, string? Logo, [property: Description("The portal's page.")] string Url) : IChanged
{
    [JsonIgnore] public DateTimeOffset Changed { get; init; }
}

public enum InstallationOrder { Name, Country, Status }

public sealed class InstallationFilters
{
    [Description("Name (the default), Country (then name) or Status (live first, then name).")] [FromQuery(Name = "sort")] public InstallationOrder? Sort { get; set; }
    [Description("Only portals in this country (ISO 3166-1 alpha-2 code).")] [FromQuery(Name = "country")] public string? Country { get; set; }
    [Description("Only portals in this state.")] [FromQuery(Name = "status")] public InstallationStatus? Status { get; set; }
    [Description("Only portals running this module (for example biocache).")] [FromQuery(Name = "module")] public string? Module { get; set; }
    [Description(ApiText.AllDescription)] [FromQuery(Name = "lang")] public string? Lang { get; set; }
}

public static class InstallationsApi
{
    public static void MapInstallationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/installations", ListAsync).WithName("ListInstallations").WithTags("Registry")
            .WithSummary("The registry of portals").WithDescription("Every portal in the community's registry, by name, paged, filtered and sorted.");
        api.MapGet("/installations/{slug}", GetAsync).WithName("GetInstallation").WithTags("Registry")
            .WithSummary("One portal").WithDescription("A portal's record, as nodes embed it in their own sites.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Page<InstallationAnswer>>, ValidationProblem>> ListAsync(
        [AsParameters] InstallationFilters filters, [AsParameters] Paging paging, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (!paging.TryOffset(http.Request, out var offset, out var error)) return ApiProblems.Invalid("cursor", error!);
        var all = (await db.Installations.AsNoTracking().ToListAsync(ct))
            .Where(i => filters.Status is null || i.Status == filters.Status)
            .Where(i => string.IsNullOrEmpty(filters.Country) || string.Equals(i.Country, filters.Country, StringComparison.OrdinalIgnoreCase))
            .Where(i => string.IsNullOrWhiteSpace(filters.Module) || i.Modules.Any(m => m.Name.Equals(filters.Module.Trim(), StringComparison.OrdinalIgnoreCase)))
            .ToList();
        all = (filters.Sort switch
        {
            InstallationOrder.Country => all.OrderBy(i => i.Country ?? "", StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.CurrentCulture),
            InstallationOrder.Status => all.OrderBy(i => i.Status).ThenBy(i => i.Name, StringComparer.CurrentCulture),
            _ => all.OrderBy(i => i.Name, StringComparer.CurrentCulture),
        }).ThenBy(i => i.Slug, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(paging.Of(http.Request, all.Skip(offset).Take(paging.Size).Select(i => Answer(i, http)).ToList(), offset, all.Count));
    }

    private static async Task<Results<Ok<InstallationAnswer>, ProblemHttpResult>> GetAsync(string slug, [Description(ApiText.AllDescription)] string? lang,
        HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var installation = await db.Installations.AsNoTracking().FirstOrDefaultAsync(i => i.Slug == slug, ct);
        return installation is null ? ApiProblems.NotFound(Tr.T("There is no portal at this address.")) : TypedResults.Ok(Answer(installation, http));
    }

    private static InstallationAnswer Answer(Installation i, HttpContext http) => new(i.Slug, i.Name, i.Institution, i.Country, i.Area, i.GbifNode,
        i.GbifParticipation, i.Languages, i.WebAddress, i.Status, i.StartedYear,
        i.Modules.Select(m => new InstallationLink(m.Name, m.Address)).ToList(), i.Resources.Select(r => new InstallationLink(r.Title, r.Address)).ToList(),
        ApiText.In(i.Description), ApiText.All(http, i.Description), i.LogoHash is null ? null : http.Request.AbsoluteUrl($"/community/{i.Slug}/logo"),
        http.Request.AbsoluteUrl($"/community/{i.Slug}"))
    { Changed = i.UpdatedAt };
}
