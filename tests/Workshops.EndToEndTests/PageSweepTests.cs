using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.EndToEndTests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.EndToEndTests;

/// <summary>
/// Every key page of the demo site, as a visitor, a member, an organiser and an admin, at a phone's 390 px and a
/// laptop's 1366 px: nothing may be wider than the screen, and a screenshot of each is kept for people to look at.
/// </summary>
public sealed class PageSweepTests(Site site) : IClassFixture<Site>
{
    private static readonly int[] Widths = [390, 1366];

    [Fact]
    public async Task No_page_is_wider_than_a_phone_and_each_is_kept_as_a_screenshot()
    {
        await SeedDemoAsync();
        await site.CreateUserAsync("sweep-admin@example.org", "Maria da Conceição Albuquerque de Oliveira Sweep", Roles.Admin);
        await site.CreateUserAsync("sweep-organiser@example.org", "Olivia Organiser", Roles.Organiser);
        await site.CreateUserAsync("sweep-member@example.org", "Mei Member", Roles.Member);
        var (upcoming, past, callId, upcomingCall, announcement) = await DemoIdsAsync();

        string[] visitor =
        [
            "/", $"/workshops/{upcoming.Slug}", $"/workshops/{upcoming.Slug}/agenda", $"/workshops/{past.Slug}/materials", "/archive", "/archive?q=biocache",
            "/calls", $"/calls/{callId}", "/news", "/community", "/account/signin", "/account/signup", "/api/docs",
        ];
        string[] member = ["/account", "/account/registrations", "/account/proposals", $"/workshops/{upcoming.Slug}/register", $"/calls/{callId}/propose"];
        string[] organiser =
        [
            "/organise/workshops", $"/organise/workshops/{upcoming.Id}", $"/organise/workshops/{upcoming.Id}/edit", $"/organise/workshops/{upcoming.Id}/registration",
            $"/organise/workshops/{upcoming.Id}/registrations", $"/organise/workshops/{upcoming.Id}/checkin", $"/organise/workshops/{upcoming.Id}/agenda",
            $"/organise/workshops/{upcoming.Id}/rooms", $"/organise/workshops/{upcoming.Id}/reminders", $"/organise/workshops/{upcoming.Id}/packs",
            "/organise/calls", $"/organise/calls/{upcomingCall}", "/organise/announcements", "/organise/announcements/new", $"/organise/announcements/{announcement}",
            "/organise/emails", "/organise/workshops/new", "/organise/countries",
        ];
        string[] admin = ["/admin", "/admin/users", "/admin/users?q=conceicao", "/admin/security-log"];

        var problems = new List<string>();
        problems.AddRange(await SweepAsync(await site.NewVisitorAsync(), "visitor", visitor));
        problems.AddRange(await SweepAsync(await site.SignedInAsync("sweep-member@example.org"), "member", member));
        problems.AddRange(await SweepAsync(await site.SignedInAsync("sweep-organiser@example.org"), "organiser", organiser));
        problems.AddRange(await SweepAsync(await site.SignedInAsync("sweep-admin@example.org"), "admin", admin));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_text_field_on_the_main_forms_has_one_height_and_a_touch_sized_target()
    {
        await SeedDemoAsync();
        await site.CreateUserAsync("heights-member@example.org", "Hana Member", Roles.Member);
        await site.CreateUserAsync("heights-organiser@example.org", "Omar Organiser", Roles.Organiser);
        var (upcoming, _, callId, _, _) = await DemoIdsAsync();
        var member = await site.SignedInAsync("heights-member@example.org");
        var organiser = await site.SignedInAsync("heights-organiser@example.org");
        const string Heights = """
            () => [...document.querySelectorAll('main input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=submit]), main select')]
                .filter(e => e.offsetParent !== null)
                .map(e => `${e.name || e.id}=${Math.round(e.getBoundingClientRect().height)}`)
            """;
        foreach (var (page, url) in new[] { (member, $"/workshops/{upcoming.Slug}/register"), (member, $"/calls/{callId}/propose"), (organiser, "/organise/workshops/new") })
        {
            await page.GotoAsync(url);
            var fields = await page.EvaluateAsync<string[]>(Heights);
            Assert.True(fields.Length > 3, $"{url} shows {fields.Length} fields");
            var heights = fields.Select(f => int.Parse(f[(f.LastIndexOf('=') + 1)..])).Distinct().ToList();
            Assert.True(heights.Count == 1 && heights[0] >= 44, $"{url}: {string.Join(", ", fields)}");
        }
    }

    [Fact]
    public async Task On_a_phone_the_header_folds_into_a_menu_that_opens_without_javascript()
    {
        var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var signIn = page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });
        await Assertions.Expect(signIn).ToBeHiddenAsync();
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 100, $"The folded header is {header.Height} px tall.");
        await page.Locator(".site-menu > summary.menu-button").ClickAsync();
        await Assertions.Expect(signIn).ToBeVisibleAsync();

        // axe needs scripts: the open menu is checked in a browser that runs them.
        var withScripts = await site.NewVisitorAsync();
        await withScripts.SetViewportSizeAsync(390, 844);
        await withScripts.GotoAsync("/");
        await withScripts.Locator(".site-menu > summary.menu-button").ClickAsync();
        await Assertions.Expect(withScripts.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await withScripts.AssertNoAxeViolationsAsync();

        // On a laptop the links stand in a row and there is no button to press.
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".site-menu > summary.menu-button")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_language_switcher_works_without_javascript_and_by_keyboard()
    {
        // Without scripts, on a phone: the button opens the list, a language brings the same page back in it.
        var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/archive");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GetByText("Language: English").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/archive$"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(page.Locator(".skip-link")).ToHaveTextAsync("Ir al contenido");

        // By keyboard, with scripts: Tab to the button, open it, Tab to a language, Enter.
        var visitor = await site.NewVisitorAsync();
        await visitor.GotoAsync("/news");
        var summary = visitor.Locator(".language-menu > summary");
        await summary.FocusAsync();
        await visitor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "Français" })).ToBeVisibleAsync();
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.Keyboard.PressAsync("Tab"); // English
        await visitor.Keyboard.PressAsync("Tab"); // Español
        await visitor.Keyboard.PressAsync("Tab"); // Français
        await visitor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(visitor.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/news$"));
        await visitor.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_key_pages_pass_axe_in_every_language()
    {
        await SeedDemoAsync();
        await site.CreateUserAsync("languages-organiser@example.org", "Lía Organiser", Roles.Organiser);
        var (upcoming, _, callId, _, announcement) = await DemoIdsAsync();
        string[] visitor = ["/", $"/workshops/{upcoming.Slug}", $"/workshops/{upcoming.Slug}/agenda", "/archive?q=biocache", $"/calls/{callId}", "/news", "/account/signup"];
        string[] organiser =
        [
            $"/organise/workshops/{upcoming.Id}", $"/organise/workshops/{upcoming.Id}/edit", $"/organise/workshops/{upcoming.Id}/registration",
            $"/organise/workshops/{upcoming.Id}/reminders", $"/organise/workshops/{upcoming.Id}/packs", $"/organise/announcements/{announcement}",
        ];
        var problems = new List<string>();
        var signedIn = await site.SignedInAsync("languages-organiser@example.org");
        await signedIn.SetViewportSizeAsync(1366, 900);
        foreach (var (language, name) in new[] { ("es", "Español"), ("fr", "Français"), ("pt", "Português") })
        {
            // A browser set to the language for visitors; an organiser who chose it with the switcher.
            var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, Locale = language, ViewportSize = new() { Width = 1366, Height = 900 } });
            problems.AddRange(await AxeAsync(await context.NewPageAsync(), $"visitor ({language})", language, visitor));
            await signedIn.Locator(".language-menu > summary").ClickAsync();
            await signedIn.GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
            problems.AddRange(await AxeAsync(signedIn, $"organiser ({language})", language, organiser));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<List<string>> AxeAsync(IPage page, string who, string language, IEnumerable<string> urls)
    {
        var problems = new List<string>();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            if (response is null || response.Status >= 400)
            {
                problems.Add($"{who} {url}: answered {response?.Status}");
                continue;
            }
            if (await page.Locator("html").GetAttributeAsync("lang") != language) problems.Add($"{who} {url}: not in {language}");
            try
            {
                await page.AssertNoAxeViolationsAsync();
            }
            catch (Xunit.Sdk.XunitException e)
            {
                problems.Add($"{who} {url}: {e.Message}");
            }
        }
        return problems;
    }

    /// <summary>The demo's workshops, people and agenda; visitors' cached pages from an earlier test are dropped, as any save would.</summary>
    private async Task SeedDemoAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
        await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictAsync(default);
    }

    private async Task<List<string>> SweepAsync(IPage page, string who, IEnumerable<string> urls)
    {
        var problems = new List<string>();
        foreach (var url in urls)
        {
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
                var response = await page.GotoAsync(url);
                if (response is null || response.Status >= 400)
                {
                    problems.Add($"{who} {url}: answered {response?.Status}");
                    break;
                }
                // Named by page, not by id, so each run's screenshots line up with the last one's.
                var path = System.Text.RegularExpressions.Regex.Replace(url, "[0-9a-f]{8}-[0-9a-f-]{27}", "id");
                var name = $"{who}{path.Replace('/', '_').Replace('?', '_').Replace('=', '-')}-{width}.png";
                Artefacts.Save(Path.Combine("screens", name), await page.ScreenshotAsync(new() { FullPage = true }));
                if (width < 600)
                {
                    var wide = await page.EvaluateAsync<string[]>(WiderThanTheScreen);
                    if (wide.Length > 0) problems.Add($"{who} {url} at {width} px: {string.Join("; ", wide)}");
                }
                else
                {
                    // Every page of the sweep passes axe too, as each one changed in this round.
                    try
                    {
                        await page.AssertNoAxeViolationsAsync();
                    }
                    catch (Xunit.Sdk.XunitException e)
                    {
                        problems.Add($"{who} {url}: {e.Message}");
                    }
                }
            }
        }
        return problems;
    }

    /// <summary>The page's own width, and the outermost elements that reach past the screen's right edge (inside a scrolling box is fine).</summary>
    private const string WiderThanTheScreen = """
        () => {
            const limit = document.documentElement.clientWidth;
            const found = [];
            if (document.documentElement.scrollWidth > limit) found.push(`page is ${document.documentElement.scrollWidth} px`);
            const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
            for (const el of document.querySelectorAll('body *')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.right <= limit + 1 || scrolls(el)) continue;
                if (el.parentElement && el.parentElement.getBoundingClientRect().right > limit + 1 && !scrolls(el.parentElement)) continue;
                const id = el.id ? `#${el.id}` : el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
                found.push(`${el.tagName.toLowerCase()}${id} reaches ${Math.round(r.right)} px`);
                if (found.length > 5) break;
            }
            return found;
        }
        """;

    private async Task<(Core.Domain.Workshops.Workshop Upcoming, Core.Domain.Workshops.Workshop Past, Guid Call, Guid UpcomingCall, Guid Announcement)> DemoIdsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var workshops = await db.Workshops.AsNoTracking().OrderBy(w => w.StartsAt).ToListAsync();
        var upcoming = workshops.First(w => w.StartsAt > now);
        var past = workshops.Last(w => w.EndsAt < now);
        var call = await db.Calls.Where(c => c.WorkshopId == null).Select(c => c.Id).FirstAsync();
        var upcomingCall = await db.Calls.Where(c => c.WorkshopId == upcoming.Id).Select(c => c.Id).FirstAsync();
        var announcement = await db.Announcements.Select(a => a.Id).FirstAsync();
        return (upcoming, past, call, upcomingCall, announcement);
    }
}
