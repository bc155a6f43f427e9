using System.Net;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features;

/// <summary>Every form submitted empty answers 4xx, saves nothing, and names every missing field at once.</summary>
public sealed class EmptyFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Each_form_submitted_empty_lists_all_its_problems()
    {
        var workshop = await app.AddWorkshopAsync($"ef-{Guid.NewGuid():N}"[..20]);
        await app.AddRegistrationAsync(workshop);
        var call = await app.AddCallAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var member = await app.BrowserAs(Roles.Member);
        var visitor = app.Browser();

        // Each form and the messages that must all show after one empty submit.
        var forms = new (HttpClient Client, string Url, string? Handler, string[] Expected)[]
        {
            (visitor, "/account/signup", null, ["name", "email address", "password"]),
            (member, $"/workshops/{workshop.Slug}/register", null, ["Give your name", "Give your institution", "Choose your country", "Which modules do you run?", "privacy notice"]),
            (member, $"/calls/{call.Id}/propose", null, ["title"]),
            (member, "/account", "Profile", ["Give your name"]),
            (member, "/account/delete", null, ["Enter your password", "Tick the box"]),
            (visitor, "/account/delete/email", null, ["Enter your email address"]),
            (organiser, "/organise/workshops/new", null, ["title", "address name", "start", "end"]),
            (organiser, "/organise/announcements/new", null, ["subject", "text", "Choose who receives it"]),
        };
        var missing = new List<string>();
        foreach (var (client, url, handler, expected) in forms)
        {
            // As a browser sends it with every field cleared: the fields are there, empty.
            var response = await (await BrowserForm.LoadEmptiedAsync(client, url, handler)).PostAsync(client);
            if ((int)response.StatusCode is < 400 or >= 500) missing.Add($"{url}: answered {(int)response.StatusCode}");
            var errors = WebUtility.HtmlDecode(Forms.Errors(await response.BodyAsync()));
            missing.AddRange(expected.Where(e => !errors.Contains(e, StringComparison.OrdinalIgnoreCase)).Select(e => $"{url}: no “{e}” among: {errors.Replace("\n", " | ")}"));
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
