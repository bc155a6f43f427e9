using System.IO.Compression;
using Microsoft.Playwright;
using Workshops.Core.Domain.Accounts;
using Workshops.EndToEndTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// An admin imports the community's current website as a ZIP and follows its progress; an organiser changes an
/// installation's status and sees the map change; a visitor opens the home page, the map, an installation, a project
/// and an old address of the previous site.
/// </summary>
public sealed class CommunityWalkTests(Site site) : IClassFixture<Site>
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Workshops.IntegrationTests", "Fixtures", "la-website-subset");

    private static byte[] Zip()
    {
        var stream = new MemoryStream();
        ZipFile.CreateFromDirectory(Fixture, stream, CompressionLevel.Fastest, includeBaseDirectory: true);
        return stream.ToArray();
    }

    [Fact]
    public async Task The_current_website_comes_in_the_map_follows_the_registry_and_old_addresses_lead_home()
    {
        await site.CreateUserAsync("admin@nodes.example.org", "Amaia Etxeberria", Roles.Admin);
        var admin = await site.SignedInAsync("admin@nodes.example.org");
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Import an archive" }).First.ClickAsync();
        await admin.GetByLabel("ZIP of the site's folder").SetInputFilesAsync(new FilePayload { Name = "la-website.zip", MimeType = "application/zip", Buffer = Zip() });
        await admin.AssertNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        // The page follows the import by itself until it is done.
        await Expect(admin.Locator("#import-status")).ToContainTextAsync("Done.", new() { Timeout = 60_000 });
        await Expect(admin.Locator(".import-report")).ToContainTextAsync("at /archive/workshop-2019");
        await Expect(admin.Locator(".import-report")).ToContainTextAsync("file missing");
        await admin.AssertNoAxeViolationsAsync();

        // Barbados came in offline; an organiser sets it live and the map colours it so.
        await admin.GotoAsync("/community");
        var barbados = admin.Locator("a[aria-label^='Barbados:']");
        await Expect(barbados).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("offline"));
        await admin.GotoAsync("/organise/installations");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Living Atlas of Barbados" }).ClickAsync();
        await admin.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Live" });
        await admin.AssertNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Your changes are saved.");

        var visitor = await site.NewVisitorAsync();
        await visitor.GotoAsync("/");
        await Expect(visitor.Locator("#home-map")).ToBeVisibleAsync();
        await Expect(visitor.Locator("#home-map a[aria-label^='Barbados:']")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("live"));
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Community", Exact = true }).ClickAsync();
        await Expect(visitor.Locator("#community-map a[aria-label^='Barbados:'] path").First).ToHaveAttributeAsync("fill", "#2f6f4e");
        await Expect(visitor.GetByRole(AriaRole.Table, new() { Name = "Installations by country" })).ToContainTextAsync("Barbados");
        await visitor.AssertNoAxeViolationsAsync();

        // Keyboard: the country is a link that leads to its installations.
        await visitor.Locator("#community-map a[aria-label^='Portugal:']").FocusAsync();
        await visitor.Keyboard.PressAsync("Enter");
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/community\\?country=PT"));
        await visitor.GetByRole(AriaRole.Link, new() { Name = "GBIF Portugal" }).Last.ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "GBIF Portugal" })).ToBeVisibleAsync();
        await visitor.AssertNoAxeViolationsAsync();

        await visitor.GotoAsync("/projects");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "International Living Atlases workshop - how to improve data use with Atlas of Living Australia modules" }).ClickAsync();
        await Expect(visitor.GetByText("CESP2018-004")).ToBeVisibleAsync();
        await visitor.AssertNoAxeViolationsAsync();

        // An address of the previous site leads to the event's page here, which names the project that funded it.
        await visitor.GotoAsync("/events/workshop-2019/");
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/archive/workshop-2019$"));
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Funded by" })).ToBeVisibleAsync();
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GotoAsync("/events/no-longer-here/");
        await Expect(visitor.GetByLabel("Words to find in the workshops, events and their materials")).ToHaveValueAsync("no longer here");
        await visitor.AssertNoAxeViolationsAsync();
    }
}
