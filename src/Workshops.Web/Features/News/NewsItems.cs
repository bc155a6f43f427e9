using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.News;

/// <summary>One announcement as the public reads it: the wording rendered for nobody in particular, with its workshop if any.</summary>
/// <param name="Language">The language it reads in: the reader's when it is written in it, else the one it was written in.</param>
public sealed record NewsItem(Guid Id, string Title, string Html, string Text, DateTimeOffset PublishedAt, Workshop? Workshop, string Language)
{
    /// <summary>Whether the reader gets another language than theirs, so the page says so and marks it.</summary>
    public bool FallsBack => Language != Core.Localization.Tr.Language && !Core.Localization.Tr.IsPseudo(System.Globalization.CultureInfo.CurrentUICulture);

    public string Path => $"/news/{Id}";

    /// <summary>The first paragraph as plain text (no Markdown marks), for a listing and the feed.</summary>
    public string Summary
    {
        get
        {
            var first = Core.Text.MarkdownText.ToParagraphs(Text).FirstOrDefault() ?? "";
            return first.Length <= 300 ? first : first[..300].TrimEnd() + "…";
        }
    }
}

/// <summary>Announcements published as news, newest first: what /news, /news/{id} and /news.atom show.</summary>
public sealed class NewsItems(AppDbContext db, AnnouncementMail mail, IOptions<SiteOptions> site)
{
    // An announcement about a workshop the public cannot see stays off the public page: its placeholders would tell of it.
    private IQueryable<Announcement> Published => db.Announcements.AsNoTracking().Where(a => a.PublishAsNews && a.PublishedAt != null
        && (a.WorkshopId == null || db.Workshops.Any(w => w.Id == a.WorkshopId && WorkshopStatuses.Public.Contains(w.Status))));

    public async Task<(IReadOnlyList<NewsItem> Items, bool More)> PageAsync(int page, int size, string origin, CancellationToken ct)
    {
        var rows = await Published.OrderByDescending(a => a.PublishedAt).Skip((page - 1) * size).Take(size + 1).ToListAsync(ct);
        return (await RenderAsync(rows.Take(size).ToList(), origin, ct), rows.Count > size);
    }

    /// <summary>Items from a position on, with how many there are in all (the API's pages).</summary>
    public async Task<(IReadOnlyList<NewsItem> Items, int Total)> SliceAsync(int offset, int size, string origin, CancellationToken ct)
    {
        var rows = await Published.OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Id).Skip(offset).Take(size).ToListAsync(ct);
        return (await RenderAsync(rows, origin, ct), await Published.CountAsync(ct));
    }

    public async Task<NewsItem?> FindAsync(Guid id, string origin, CancellationToken ct)
    {
        var row = await Published.FirstOrDefaultAsync(a => a.Id == id, ct);
        return row is null ? null : (await RenderAsync([row], origin, ct))[0];
    }

    private async Task<IReadOnlyList<NewsItem>> RenderAsync(List<Announcement> rows, string origin, CancellationToken ct)
    {
        var ids = rows.Where(a => a.WorkshopId != null).Select(a => a.WorkshopId!.Value).Distinct().ToList();
        var workshops = await db.Workshops.AsNoTracking().Include(w => w.Tracks).Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        return rows.Select(a =>
        {
            var workshop = a.WorkshopId is { } w && workshops.TryGetValue(w, out var found) ? found : null;
            var rendered = mail.News(a, workshop, origin, site.Value.Name);
            return new NewsItem(a.Id, rendered.Subject, rendered.Html, rendered.Text, a.PublishedAt!.Value, workshop, a.LanguageFor(Core.Localization.Tr.Language));
        }).ToList();
    }
}
