using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Workshops.IntegrationTests.Support;

/// <summary>A form as a browser would submit it untouched: its fields with the values the page gave them.</summary>
public sealed class BrowserForm(string action, List<KeyValuePair<string, string>> fields)
{
    public string Action { get; } = action;
    public List<KeyValuePair<string, string>> Fields { get; } = fields;

    /// <summary>The first POST form on the page whose action contains <paramref name="handler"/> (or any, when null).</summary>
    public static async Task<BrowserForm> LoadAsync(HttpClient client, string page, string? handler = null) =>
        FromHtml(await client.GetStringAsync(page), page, handler);

    /// <summary>The same, from a page already in hand (a form the site gave back with its messages).</summary>
    public static BrowserForm FromHtml(string html, string page, string? handler = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        // The page's own form: one that posts back to the page (the header's sign-out form posts elsewhere).
        var path = page.Split('?')[0];
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .First(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)
                && (f.GetAttribute("action") is not { Length: > 0 } action || action.Split('?')[0] == path)
                && (handler is null ? !(f.GetAttribute("action") ?? "").Contains("handler=") : (f.GetAttribute("action") ?? "").Contains("handler=" + handler)));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "file" or "button":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (chosen is not null) fields.Add(new(name, chosen.Value));
                    break;
            }
        }
        var action = form.GetAttribute("action");
        return new BrowserForm(string.IsNullOrEmpty(action) ? page : System.Net.WebUtility.HtmlDecode(action), fields);
    }

    /// <summary>The form as someone would send it having cleared every field: only its hidden fields keep their values.</summary>
    public static async Task<BrowserForm> LoadEmptiedAsync(HttpClient client, string page, string? handler = null)
    {
        var html = await client.GetStringAsync(page);
        var form = FromHtml(html, page, handler);
        var hidden = new HtmlParser().ParseDocument(html).QuerySelectorAll("input[type=hidden]").Select(e => e.GetAttribute("name")).ToHashSet();
        var checkable = new HtmlParser().ParseDocument(html).QuerySelectorAll("input[type=checkbox], input[type=radio]").Select(e => e.GetAttribute("name")).ToHashSet();
        return new BrowserForm(form.Action, form.Fields.Where(f => !checkable.Contains(f.Key) || hidden.Contains(f.Key))
            .Select(f => hidden.Contains(f.Key) ? f : new KeyValuePair<string, string>(f.Key, "")).ToList());
    }

    public BrowserForm With(string name, string value)
    {
        var copy = Fields.Where(f => f.Key != name).Append(new(name, value)).ToList();
        return new BrowserForm(Action, copy);
    }

    /// <summary>One more value for a field that takes several (a ticked checkbox among others).</summary>
    public BrowserForm With(string name, string value, bool add) =>
        add ? new BrowserForm(Action, Fields.Append(new(name, value)).ToList()) : With(name, value);

    public Task<HttpResponseMessage> PostAsync(HttpClient client) => client.PostAsync(Action, new FormUrlEncodedContent(Fields));
}
