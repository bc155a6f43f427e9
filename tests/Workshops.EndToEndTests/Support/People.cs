using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Core.Domain.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests.Support;

/// <summary>The people of a walk: accounts made straight in the database, then signed in through the real form.</summary>
public static class People
{
    public const string Password = "a long walk through the botanical garden";

    public static async Task CreateUserAsync(this Site site, string email, string name, string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Member);
        if (role != Roles.Member) await users.AddToRoleAsync(user, role);
    }

    public static async Task<IPage> SignedInAsync(this Site site, string email)
    {
        var page = await site.NewVisitorAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }
}
