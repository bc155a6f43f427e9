using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;
using Workshops.EndToEndTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// The agenda as its organiser builds it and a participant reads it: rooms, an item, dragging it onto the grid,
/// another placed with the keyboard alone, publishing with the speaker told by email, and the public agenda with a
/// starred session.
/// </summary>
public sealed class AgendaWalkTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task Organiser_drags_a_session_onto_the_grid_places_another_by_keyboard_and_publishes_and_a_member_stars_it()
    {
        await site.CreateUserAsync("olga@organisers.example.org", "Olga Organiser", Roles.Organiser);
        await site.CreateUserAsync("sipho@nodes.example.org", "Sipho Ndlovu", Roles.Member);
        var (id, slug) = await AddWorkshopAsync();
        var olga = await site.SignedInAsync("olga@organisers.example.org");

        // Rooms first.
        await olga.OpenWorkshopAsync("Living Atlases Workshop, Cape Town", "Agenda");
        await olga.GetByRole(AriaRole.Link, new() { Name = "Rooms (0)" }).ClickAsync();
        foreach (var (name, places) in new[] { ("Auditorium", "120"), ("Room A", "30") })
        {
            await olga.GetByLabel("Name").FillAsync(name);
            await olga.GetByLabel("Places (optional)").FillAsync(places);
            await olga.GetByRole(AriaRole.Button, new() { Name = "Add the room" }).ClickAsync();
            await Expect(olga.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} is added");
        }
        await olga.AssertNoAxeViolationsAsync();

        // A session with its speaker's account, then onto the grid by dragging.
        await olga.GotoAsync($"/organise/workshops/{id}/agenda/items");
        await olga.GetByLabel("Title").FillAsync("Spatial portal: layers and analysis");
        await olga.GetByLabel("Length in minutes").FillAsync("45");
        await olga.GetByLabel("Speakers").FillAsync("Sipho Ndlovu <sipho@nodes.example.org>");
        await olga.GetByLabel("Description").FillAsync("Adding **layers** to the spatial portal.");
        await olga.AssertNoAxeViolationsAsync();
        await olga.GetByRole(AriaRole.Button, new() { Name = "Add the item" }).ClickAsync();
        await Expect(olga.GetByRole(AriaRole.Status)).ToContainTextAsync("is added to the unscheduled list");

        // The first day's grid starts at 08:00 with 9 pixels per 5 minutes: 10:00 is 24 rows down.
        var column = olga.Locator(".editor-grid").First.Locator(".grid-col").Nth(1);
        // A screen tall enough to show the list and the grid together, as on an organiser's desk.
        await olga.SetViewportSizeAsync(1280, 1400);
        var source = olga.Locator("#unscheduled .slot", new() { HasText = "Spatial portal" });
        await source.HoverAsync();
        await olga.Mouse.DownAsync();
        var box = (await column.BoundingBoxAsync())!;
        await olga.Mouse.MoveAsync(box.X + 30, box.Y + 24 * 9 + 2, new() { Steps = 10 });
        await olga.Mouse.UpAsync();
        var placed = column.Locator(".slot", new() { HasText = "Spatial portal" });
        await Expect(placed).ToContainTextAsync("10:00–10:45");
        await Expect(olga.Locator("#unscheduled-heading")).ToHaveTextAsync("Unscheduled (0)");

        // Its lower edge dragged down three rows of the grid: 15 minutes longer.
        var item = (await placed.BoundingBoxAsync())!;
        var handle = (await placed.Locator(".slot-resize").BoundingBoxAsync())!;
        await olga.Mouse.MoveAsync(handle.X + handle.Width / 2, handle.Y + handle.Height / 2);
        await olga.Mouse.DownAsync();
        await olga.Mouse.MoveAsync(handle.X + handle.Width / 2, item.Y + 12 * 9, new() { Steps = 5 });
        await olga.Mouse.UpAsync();
        await Expect(column.Locator(".slot", new() { HasText = "Spatial portal" })).ToContainTextAsync("10:00–11:00");
        await olga.AssertNoAxeViolationsAsync();

        // A break, placed with the keyboard alone through its form.
        await olga.GotoAsync($"/organise/workshops/{id}/agenda/items?type=Break");
        await olga.GetByLabel("Title").FillAsync("Coffee");
        await olga.GetByLabel("Title").PressAsync("Enter");
        await Expect(olga.GetByRole(AriaRole.Status)).ToContainTextAsync("“Coffee” is added");
        await olga.GetByRole(AriaRole.Link, new() { Name = "Place “Coffee”" }).FocusAsync();
        await olga.Keyboard.PressAsync("Enter");
        await Expect(olga.GetByRole(AriaRole.Heading, new() { Name = "Place “Coffee”" })).ToBeVisibleAsync();
        await olga.GetByLabel("Room").FocusAsync();
        await olga.Keyboard.PressAsync("ArrowUp"); // Auditorium
        await olga.Keyboard.PressAsync("Tab");     // Day: the first one is chosen
        await olga.Keyboard.PressAsync("Tab");
        await olga.Keyboard.TypeAsync("1045");
        await olga.GetByLabel("Length in minutes").FillAsync("15");
        await olga.AssertNoAxeViolationsAsync();
        await olga.GetByLabel("Length in minutes").PressAsync("Enter");
        await Expect(olga.GetByRole(AriaRole.Status)).ToContainTextAsync("“Coffee” is placed");
        await Expect(olga.Locator(".editor-grid").First.Locator(".grid-col").First).ToContainTextAsync("10:45–11:00");

        // Publishing: the warnings and changes are listed first, and the speaker is told.
        await olga.GetByRole(AriaRole.Link, new() { Name = "Publish…" }).ClickAsync();
        await Expect(olga.Locator("main")).ToContainTextAsync("Added: “Spatial portal: layers and analysis”");
        await olga.GetByLabel("A note about this version (optional)").FillAsync("The first agenda.");
        await olga.GetByLabel("The speakers of sessions that are added").CheckAsync();
        await olga.AssertNoAxeViolationsAsync();
        await olga.GetByRole(AriaRole.Button, new() { Name = "Publish v1" }).ClickAsync();
        await Expect(olga.GetByRole(AriaRole.Status)).ToContainTextAsync("Version v1 of the agenda is published. 1 email is on its way.");
        var told = await site.Smtp.Inbox.WaitForAsync("sipho@nodes.example.org", "Your session in the");
        Assert.Contains("Added: “Spatial portal: layers and analysis”", told.TextBody);

        // A member reads the public agenda and stars the session.
        var sipho = await site.SignedInAsync("sipho@nodes.example.org");
        await sipho.GotoAsync($"/workshops/{slug}");
        await sipho.GetByRole(AriaRole.Link, new() { Name = "Agenda", Exact = true }).ClickAsync();
        await Expect(sipho.GetByRole(AriaRole.Heading, new() { Name = "Agenda", Exact = true })).ToBeVisibleAsync();
        await Expect(sipho.Locator("main")).ToContainTextAsync("Africa/Johannesburg time");
        await sipho.AssertNoAxeViolationsAsync();
        await sipho.GetByRole(AriaRole.Button, new() { Name = "Add to my agenda “Spatial portal: layers and analysis”" }).ClickAsync();
        await Expect(sipho.GetByRole(AriaRole.Status)).ToContainTextAsync("is in your agenda");
        await sipho.GetByRole(AriaRole.Link, new() { Name = "My agenda (1)" }).ClickAsync();
        await Expect(sipho.Locator("main")).ToContainTextAsync("Spatial portal: layers and analysis");
        await Expect(sipho.GetByLabel("Your private calendar address")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/agenda/mine/.+\.ics$"));
        await sipho.AssertNoAxeViolationsAsync();

        // A visitor in another time zone sees their own times beside the workshop's.
        var visitor = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "en-GB", TimezoneId = "America/Bogota" });
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/workshops/{slug}/agenda");
        await Expect(page.Locator(".your-time").First).ToContainTextAsync("03:00 your time");
        await page.GetByRole(AriaRole.Link, new() { Name = "Spatial portal: layers and analysis" }).ClickAsync();
        await Expect(page.Locator(".prose strong")).ToHaveTextAsync("layers");
        await page.AssertNoAxeViolationsAsync();
    }

    private async Task<(Guid Id, string Slug)> AddWorkshopAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var starts = DateTime.UtcNow.Date.AddDays(60).AddHours(9);
        var workshop = new AWorkshop
        {
            Title = "Living Atlases Workshop, Cape Town", Slug = "2030-cape-town", Starts = starts, Days = 3, Zone = "Africa/Johannesburg", Venue = "SANBI Kirstenbosch", City = "Cape Town", Country = "South Africa", Description = "Three days of work.",
        }.Build();
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync();
        return (workshop.Id, workshop.Slug);
    }
}
