using System.Net;
using System.Text.RegularExpressions;

namespace Workshops.IntegrationTests.Support;

public static partial class Forms
{
    /// <summary>Loads the page the form is on (for its antiforgery token and cookie), then posts the fields.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null) =>
        client.PostFormAsync(url, (IEnumerable<KeyValuePair<string, string>>)fields, formPage ?? url);

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string formPage)
    {
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", await client.AntiforgeryTokenAsync(formPage)) };
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>Loads the page and reads the antiforgery token its forms carry (the cookie stays with the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string formPage)
    {
        var page = await client.GetAsync(formPage);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {formPage} ({(int)page.StatusCode})");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// <summary>The text of a page's error messages (field messages and the summary), so a test checks what is said, not what was echoed back.</summary>
    public static string Errors(string html) => string.Join("\n", ErrorPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));

    [GeneratedRegex("(?:class=\"field-error[^\"]*\"[^>]*>|class=\"validation-summary-errors[^\"]*\"[^>]*>)(.*?)</(?:span|p|div)>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
