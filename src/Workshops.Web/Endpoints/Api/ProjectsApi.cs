using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Web.Features.Projects;

using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

public sealed record ProjectPartnerInfo(string Organisation, string? Role);

public sealed record FundedEventInfo(string Title, int? Year, string Url);

/// <summary>A funded project and what it paid for.</summary>
public sealed record ProjectAnswer(string Slug, string Title, IReadOnlyDictionary<string, string>? Titles, [property: Description("In Markdown.")] string? Description,
    IReadOnlyDictionary<string, string>? Descriptions, string? Programme, string? Reference, string? Funding, string? Lead, IReadOnlyList<ProjectPartnerInfo> Partners,
    int? StartYear, int? EndYear, ProjectStatus Status, [property: Description("Workshops and events it funded, newest first.")] IReadOnlyList<FundedEventInfo> Funded,
    string Url) : IChanged
{
    [JsonIgnore] public DateTimeOffset Changed { get; init; }
}

public enum ProjectOrder { StartsDescending, Starts, Title }

public sealed class ProjectFilters
{
    [Description("StartsDescending (the default: newest first), Starts or Title.")] [FromQuery(Name = "sort")] public ProjectOrder? Sort { get; set; }
    [Description("Only projects in this state.")] [FromQuery(Name = "status")] public ProjectStatus? Status { get; set; }
    [Description("Only projects running in this year.")] [FromQuery(Name = "year")] public int? Year { get; set; }
    [Description(ApiText.AllDescription)] [FromQuery(Name = "lang")] public string? Lang { get; set; }
}

public static class ProjectsApi
{
    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/projects", ListAsync).WithName("ListProjects").WithTags("Projects")
            .WithSummary("Funded projects").WithDescription("The community's funded projects, newest first unless sorted otherwise, with what each funded.");
        api.MapGet("/projects/{slug}", GetAsync).WithName("GetProject").WithTags("Projects")
            .WithSummary("One project").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Page<ProjectAnswer>>, ValidationProblem>> ListAsync(
        [AsParameters] ProjectFilters filters, [AsParameters] Paging paging, HttpContext http, AppDbContext db, ProjectQueries queries, CancellationToken ct)
    {
        if (!paging.TryOffset(http.Request, out var offset, out var error)) return ApiProblems.Invalid("cursor", error!);
        var all = (await db.Projects.AsNoTracking().ToListAsync(ct))
            .Where(p => filters.Status is null || p.Status == filters.Status)
            .Where(p => filters.Year is null || (p.StartYear ?? int.MinValue) <= filters.Year && filters.Year <= (p.EndYear ?? p.StartYear ?? int.MaxValue))
            .ToList();
        all = (filters.Sort switch
        {
            ProjectOrder.Starts => all.OrderBy(p => p.StartYear ?? int.MaxValue),
            ProjectOrder.Title => all.OrderBy(p => (string)p.Title, StringComparer.CurrentCulture),
            _ => all.OrderByDescending(p => p.StartYear),
        }).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList();
        var page = new List<ProjectAnswer>();
        foreach (var p in all.Skip(offset).Take(paging.Size)) page.Add(Answer(p, await queries.FundedByAsync(p, ct), http));
        return TypedResults.Ok(paging.Of(http.Request, page, offset, all.Count));
    }

    private static async Task<Results<Ok<ProjectAnswer>, ProblemHttpResult>> GetAsync(string slug, [Description(ApiText.AllDescription)] string? lang,
        HttpContext http, AppDbContext db, ProjectQueries queries, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (project is null) return ApiProblems.NotFound(Tr.T("There is no project at this address."));
        return TypedResults.Ok(Answer(project, await queries.FundedByAsync(project, ct), http));
    }

    private static ProjectAnswer Answer(Project p, IReadOnlyList<FundedEvent> funded, HttpContext http) => new(p.Slug, p.Title, ApiText.All(http, p.Title),
        ApiText.In(p.Description), ApiText.All(http, p.Description), p.Programme, p.Reference, p.Funding, p.Lead,
        p.Partners.Select(x => new ProjectPartnerInfo(x.Organisation, x.Role)).ToList(), p.StartYear, p.EndYear, p.Status,
        funded.Select(f => new FundedEventInfo(f.Title, f.Year, http.Request.AbsoluteUrl(f.Path))).ToList(), http.Request.AbsoluteUrl($"/projects/{p.Slug}"))
    { Changed = p.UpdatedAt };
}
