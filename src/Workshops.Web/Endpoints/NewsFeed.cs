using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Web.Features.News;

namespace Workshops.Web.Endpoints;

/// <summary>/news.atom: the latest news for feed readers, each entry with its full text as HTML.</summary>
public static class NewsFeed
{
    public const int Entries = 20;

    public static void MapNewsFeed(this WebApplication app)
    {
        app.MapGet("/news.atom", async (HttpContext http, NewsItems news, IOptions<SiteOptions> site, SiteAddress address, CancellationToken ct) =>
        {
            var origin = address.Origin;
            var (items, _) = await news.PageAsync(1, Entries, origin, ct);
            var feed = new SyndicationFeed(Tr.T("{0}: news", site.Value.Name), Tr.T("Announcements from {0}", site.Value.Name), new Uri(origin + "/news"), origin + "/news",
                items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.PublishedAt))
            {
                Items = items.Select(i => Entry(i, origin)).ToList(),
            };
            feed.Links.Add(new SyndicationLink(new Uri(origin + "/news.atom"), "self", null, "application/atom+xml", 0));
            var buffer = new MemoryStream();
            await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
                new Atom10FeedFormatter(feed).WriteTo(writer);
            return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
        });
    }

    private static SyndicationItem Entry(NewsItem item, string origin)
    {
        var entry = new SyndicationItem(item.Title, SyndicationContent.CreateHtmlContent(item.Html), new Uri(origin + item.Path), $"{origin}{item.Path}", item.PublishedAt)
        {
            PublishDate = item.PublishedAt,
            Summary = new TextSyndicationContent(item.Summary),
        };
        return entry;
    }
}
