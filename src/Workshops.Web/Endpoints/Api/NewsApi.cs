using System.ComponentModel;
using System.Text.Json.Serialization;
using Workshops.Web.Features.News;

using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

/// <summary>An announcement published as news, in the reader's language when it is written in it.</summary>
public sealed record NewsAnswer(Guid Id, string Title, [property: Description("The language it is given in.")] string Language,
    [property: Description("Plain text.")] string Text, [property: Description("Sanitized HTML, as the news page shows it.")] string Html,
    string Summary, DateTimeOffset PublishedAt, [property: Description("The workshop it is about, if any.")] string? Workshop, string Url) : IChanged
{
    [JsonIgnore] public DateTimeOffset Changed => PublishedAt;
}

public static class NewsApi
{
    public static void MapNewsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/news", ListAsync).WithName("ListNews").WithTags("News")
            .WithSummary("News").WithDescription("Announcements published as news, newest first.");
        api.MapGet("/news/{id:guid}", GetAsync).WithName("GetNews").WithTags("News")
            .WithSummary("One news item").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Page<NewsAnswer>>, ValidationProblem>> ListAsync([AsParameters] Paging paging, HttpContext http, NewsItems news, CancellationToken ct)
    {
        if (!paging.TryOffset(http.Request, out var offset, out var error)) return ApiProblems.Invalid("cursor", error!);
        var origin = http.Request.AbsoluteUrl("").TrimEnd('/');
        var (items, total) = await news.SliceAsync(offset, paging.Size, origin, ct);
        return TypedResults.Ok(paging.Of(http.Request, items.Select(i => Answer(i, http)).ToList(), offset, total));
    }

    private static async Task<Results<Ok<NewsAnswer>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, NewsItems news, CancellationToken ct)
    {
        var item = await news.FindAsync(id, http.Request.AbsoluteUrl("").TrimEnd('/'), ct);
        return item is null ? ApiProblems.NotFound(Tr.T("There is no news item at this address.")) : TypedResults.Ok(Answer(item, http));
    }

    private static NewsAnswer Answer(NewsItem i, HttpContext http) =>
        new(i.Id, i.Title, i.Language, i.Text, i.Html, i.Summary, i.PublishedAt, i.Workshop?.Slug, http.Request.AbsoluteUrl(i.Path));
}
