using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Infrastructure;
using Xunit.Abstractions;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// Every form the site shows, found by walking it on the demo data as a person with every role and as a stranger,
/// posted with values no browser would send: none may answer 5xx.
/// </summary>
public sealed class MalformedFormTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task No_form_answers_5xx_to_malformed_values()
    {
        var (_, user) = await DemoWalk.PrepareAsync(app);

        var failures = new List<string>();
        var posted = 0;
        foreach (var client in new[] { app.Browser(), await app.SignInAsync(user) })
        {
            var crawler = new SiteCrawler(client);
            await crawler.CrawlAsync(["/", "/account", "/organise", "/admin", "/reviewing", "/account/proposals", "/account/registrations", "/calls",
                "/account/signup", "/account/forgot-password", "/account/resend-confirmation", "/account/reset-password?userId=x&code=eA"]);
            failures.AddRange(crawler.Statuses.Where(s => s.Value >= 500).Select(s => $"GET {s.Key}: {s.Value}"));
            foreach (var form in crawler.Forms.DistinctBy(f => (f.Action, string.Join(",", f.Fields.Select(x => x.Name)))))
            {
                if (DemoWalk.NotPosted.Any(p => form.Action.StartsWith(p))) continue;
                foreach (var values in Variants(form))
                {
                    var token = await client.AntiforgeryTokenAsync(form.Page);
                    var fields = values.Append(new("__RequestVerificationToken", token)).ToList();
                    HttpContent content = form.Multipart ? DemoWalk.Multipart(fields) : new FormUrlEncodedContent(fields);
                    using var response = await client.PostAsync(form.Action, content);
                    posted++;
                    if ((int)response.StatusCode >= 500) failures.Add($"POST {form.Action} (from {form.Page}): {(int)response.StatusCode} with {string.Join("&", values.Select(v => v.Key + "=" + Short(v.Value)))}");
                }
            }
            output.WriteLine($"{crawler.Pages.Count} pages, {crawler.Forms.Count} forms");
        }
        output.WriteLine($"{posted} posts");
        Assert.True(posted > 100, $"only {posted} forms were posted: the walk found too little");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Each field with a value of the wrong kind; then every field empty; then the form's own values with one wrong kind at a time is too many requests, so the first two must do.</summary>
    private static IEnumerable<List<KeyValuePair<string, string>>> Variants(CrawledForm form)
    {
        var fields = form.Fields.Where(f => f.Name != "__RequestVerificationToken" && f.Kind is not ("submit" or "button" or "file")).ToList();
        yield return fields.Select(f => new KeyValuePair<string, string>(f.Name, Wrong(f))).ToList();
        yield return fields.Select(f => new KeyValuePair<string, string>(f.Name, "")).ToList();
        yield return fields.Select(f => new KeyValuePair<string, string>(f.Name, Extreme(f))).ToList();
    }

    private static string Wrong(CrawledField f) => f.Kind switch
    {
        "checkbox" or "radio" => "maybe",
        "number" or "range" => "twelve",
        "date" or "datetime-local" or "time" => "2026-02-30T25:61",
        "email" => "not an address",
        "select" => "no-such-option",
        _ => "not-a-" + f.Name + "-%",
    };

    private static string Extreme(CrawledField f) => f.Kind switch
    {
        "number" or "range" => "-99999999999999999999999",
        "date" or "datetime-local" => "0001-01-01T00:00",
        "hidden" => Guid.Empty.ToString(),
        _ => new string('x', 70_000),
    };

    private static string Short(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
