using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;

using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Support;

/// <summary>
/// Every page of the demo site in one language, for a stranger, a member and someone with every role, and every form
/// those pages show posted empty (so its messages show too).
/// </summary>
public static class DemoWalk
{
    /// <summary>Forms a walk does not post: leaving or locking oneself out would end it; the language switcher has no antiforgery token (LanguageTests posts it).</summary>
    public static readonly string[] NotPosted = ["/account/signout", "/account/sessions", "/account/two-factor/disable", "/language"];
    private static readonly string[] Start = ["/", "/account", "/organise", "/admin", "/review", "/account/proposals", "/account/registrations", "/calls",
        "/account/signup", "/account/signin", "/account/forgot-password", "/account/resend-confirmation", "/news", "/archive", "/no-such-page"];

    /// <summary>Seeds the demo and makes the member and the person with every role, once per site.</summary>
    public static async Task<(AppUser Member, AppUser Everything)> PrepareAsync(AppFactory app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
        var everything = await app.CreateUserAsync(Roles.Admin);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.AddToRolesAsync(await users.FindByIdAsync(everything.Id) ?? throw new InvalidOperationException(), [Roles.Organiser, Roles.Reviewer]);
        }
        return (await app.CreateUserAsync(), everything);
    }

    /// <summary>The HTML of every page and every form's answer, in <paramref name="language"/>, with where it came from.</summary>
    public static async Task<List<(string Where, int Status, string Html)>> ReadAsync(AppFactory app, string language, AppUser member, AppUser everything)
    {
        var read = new List<(string, int, string)>();
        foreach (var client in new[] { app.Browser(), await app.SignInAsync(member), await app.SignInAsync(everything) })
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var crawler = new SiteCrawler(client);
            await crawler.CrawlAsync(Start, skip: href => href.StartsWith("/admin/jobs", StringComparison.Ordinal));
            read.AddRange(crawler.Pages.Where(p => p.Value.Contains("<html", StringComparison.Ordinal)).Select(p => ("GET " + p.Key, crawler.Statuses[p.Key], p.Value)));
            foreach (var form in crawler.Forms.DistinctBy(f => f.Action))
            {
                if (NotPosted.Any(p => form.Action.StartsWith(p, StringComparison.Ordinal))) continue;
                var fields = form.Fields.Where(f => f.Name != "__RequestVerificationToken" && f.Kind is not ("submit" or "button" or "file"))
                    .Select(f => new KeyValuePair<string, string>(f.Name, f.Kind == "hidden" ? f.Value : "")).ToList();
                fields.Add(new("__RequestVerificationToken", await client.AntiforgeryTokenAsync(form.Page)));
                HttpContent body = form.Multipart ? Multipart(fields) : new FormUrlEncodedContent(fields);
                using var response = await client.PostAsync(form.Action, body);
                var html = await response.Content.ReadAsStringAsync();
                if (html.Contains("<html", StringComparison.Ordinal)) read.Add(("POST " + form.Action, (int)response.StatusCode, html));
            }
        }
        return read;
    }

    public static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        return content;
    }
}
