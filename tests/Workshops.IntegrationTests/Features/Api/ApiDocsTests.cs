using System.Net;
using System.Text.RegularExpressions;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>The reference pages at /api/docs, written from the published description.</summary>
public sealed class ApiDocsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_reference_shows_every_operation_and_schema_of_the_description_with_working_links_in_the_readers_language()
    {
        var visitor = app.Browser();
        var contract = await ApiCalls.ContractAsync(visitor);
        var response = await visitor.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>API reference</h1>", html);
        Assert.Contains("href=\"/openapi/v1.json\"", html);
        Assert.DoesNotContain("<script>", html); // the site's own script files only, as on every page

        foreach (var (path, item) in contract.Document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.Contains($"id=\"op-{operation!["operationId"]}\"", html);
                Assert.Contains($"<code>{method.ToUpperInvariant()} {path}</code>", html);
            }
        foreach (var name in contract.Document["components"]!["schemas"]!.AsObject().Select(s => s.Key))
            Assert.Contains($"id=\"schema-{name}\"", html);
        var targets = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var broken = Regex.Matches(html, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).Where(t => !targets.Contains(t)).Distinct().ToList();
        Assert.True(broken.Count == 0, "Links to nothing: " + string.Join(", ", broken));
        Assert.Contains("Fields of WorkshopDetail", html);
        Assert.Contains("<code>Upcoming</code>", html);
        // The description's examples, beside the parameters and under each write.
        Assert.Contains("<code>2027-sao-paulo</code>", html);
        var proposal = html[html.IndexOf("id=\"op-CreateProposal\"", StringComparison.Ordinal)..];
        Assert.Matches(new Regex("Example request</figcaption>\\s*<pre tabindex=\"0\"><code>\\{(&#xA;)?\\s*&quot;title&quot;: &quot;Publishing sampling events"), proposal);

        var spanish = new HttpRequestMessage(HttpMethod.Get, "/api/docs");
        spanish.Headers.AcceptLanguage.ParseAdd("es");
        var es = await (await app.Browser().SendAsync(spanish)).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Referencia de la API</h1>", es);
        Assert.Contains("Campos de WorkshopDetail", es);

        // Every page links to it, for the developers who look for it.
        Assert.Contains("href=\"/api/docs\"", await visitor.GetStringAsync("/"));
    }
}
