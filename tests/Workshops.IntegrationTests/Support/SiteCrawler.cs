using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Workshops.IntegrationTests.Support;

/// <summary>A form as a page shows it: where it posts, how, and its named fields with their kinds and values.</summary>
public sealed record CrawledForm(string Page, string Action, bool Multipart, IReadOnlyList<CrawledField> Fields);

public sealed record CrawledField(string Name, string Kind, string Value, IReadOnlyList<string> Options);

/// <summary>
/// Walks a site through a test client as a person would click: every same-site link from the pages it starts at,
/// breadth first, up to a bound, skipping downloads. Keeps each page's HTML and its forms.
/// </summary>
public sealed class SiteCrawler(HttpClient client)
{
    private static readonly string[] Downloads = [".pdf", ".zip", ".ics", ".json", ".csv", ".xlsx", ".atom", ".png", ".svg", ".css", ".js"];
    private static readonly HtmlParser Parser = new();

    public Dictionary<string, string> Pages { get; } = [];
    public Dictionary<string, int> Statuses { get; } = [];
    public List<CrawledForm> Forms { get; } = [];

    public async Task CrawlAsync(IEnumerable<string> start, int maxPages = 400, Func<string, bool>? skip = null)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(queue);
        while (queue.Count > 0 && Pages.Count < maxPages)
        {
            var path = queue.Dequeue();
            using var response = await client.GetAsync(path);
            Statuses[path] = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            var body = await response.Content.ReadAsStringAsync();
            Pages[path] = body;
            if (type != "text/html") continue;
            var document = await Parser.ParseDocumentAsync(body);
            foreach (var a in document.QuerySelectorAll("a[href]"))
            {
                var href = Local(a.GetAttribute("href")!);
                if (href is null || skip?.Invoke(href) == true || Downloads.Any(d => href.Split('?')[0].EndsWith(d, StringComparison.OrdinalIgnoreCase))) continue;
                if (href.Contains("/file") || href.Contains("/download")) continue;
                if (seen.Add(href)) queue.Enqueue(href);
            }
            foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)) continue;
                var action = Local(form.GetAttribute("action") ?? path) ?? path;
                if (string.IsNullOrEmpty(form.GetAttribute("action"))) action = path;
                var fields = form.Elements.OfType<AngleSharp.Dom.IElement>()
                    .Where(e => e.HasAttribute("name"))
                    .Select(e => new CrawledField(e.GetAttribute("name")!,
                        e.LocalName == "input" ? (e.GetAttribute("type") ?? "text").ToLowerInvariant() : e.LocalName,
                        e is IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? "",
                        e.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? o.TextContent).ToList()))
                    .ToList();
                // Buttons that name a handler post to it.
                foreach (var handler in form.QuerySelectorAll("button[formaction]").Select(b => Local(b.GetAttribute("formaction")!)).OfType<string>())
                    Forms.Add(new CrawledForm(path, handler, form.Enctype == "multipart/form-data", fields));
                Forms.Add(new CrawledForm(path, action, form.Enctype == "multipart/form-data", fields));
            }
        }
    }

    /// <summary>The path of a link to this site, or null for one elsewhere.</summary>
    private static string? Local(string href)
    {
        href = System.Net.WebUtility.HtmlDecode(href).Split('#')[0];
        if (href.StartsWith("http://localhost/", StringComparison.Ordinal)) href = href["http://localhost".Length..];
        return href.StartsWith('/') && !href.StartsWith("//") ? href : null;
    }
}
