using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests.Support;

/// <summary>How an organiser reaches a workshop's pages: its card on the list, its overview, then the workshop's own menu.</summary>
public static class Organising
{
    public static async Task OpenWorkshopAsync(this IPage page, string workshop, string section = "Overview")
    {
        await page.GotoAsync("/organise/workshops");
        await page.GetByRole(AriaRole.Link, new() { Name = workshop, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(workshop);
        if (section != "Overview")
            await page.GetByRole(AriaRole.Navigation, new() { Name = $"Organise {workshop}" }).GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
    }
}
