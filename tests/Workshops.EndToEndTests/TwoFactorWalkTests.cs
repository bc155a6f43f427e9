using Microsoft.Playwright;
using Workshops.Core.Domain.Accounts;
using Workshops.EndToEndTests.Support;
using Workshops.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// An organiser turns on two-factor sign-in by scanning the page's QR code as her phone would (the test decodes it
/// and computes the code), then signs in with a code and later with a recovery code; the account pages pass axe.
/// </summary>
public sealed class TwoFactorWalkTests(Site site) : IClassFixture<Site>
{
    private const string Email = "lucia@sib.example.org";

    private static async Task PasswordAsync(IPage page)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(People.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_organiser_sets_up_an_authenticator_by_its_QR_code_and_signs_in_with_a_code_then_a_recovery_code()
    {
        await site.CreateUserAsync(Email, "Lucía Organiser", Roles.Organiser);
        var page = await site.SignedInAsync(Email);

        await page.GotoAsync("/account");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor sign-in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        // The phone's camera: a picture of the QR code, read back to the address an app would store.
        var picture = await page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" }).ScreenshotAsync();
        Artefacts.Save("two-factor-qr.png", picture);
        var address = Assert.Single(PdfImages.ReadQrCodes(picture));
        Assert.StartsWith("otpauth://totp/", address);
        Assert.Contains("issuer=GBIF%20Nodes%20Workshops", address);
        var key = Totp.KeyOf(address);
        // The key shown for typing is the same one.
        Assert.Equal(key.ToLowerInvariant(), (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", ""));

        await page.GetByLabel("Enter the six-digit code the app shows").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        var codes = await page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem).AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        await page.GetByRole(AriaRole.Link, new() { Name = "I have kept them" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Two-factor sign-in: on");
        await SignOutAsync(page);

        // The next sign-in asks for the code after the password.
        await PasswordAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await SignOutAsync(page);

        // With the phone lost: a recovery code, once.
        await PasswordAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with a recovery code" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Recovery code").FillAsync(codes[0].Trim().ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        // Her account pages: where she is signed in, password and address.
        foreach (var path in new[] { "/account/sessions", "/account/password", "/account/email", "/account/two-factor" })
        {
            await page.GotoAsync(path);
            await page.AssertNoAxeViolationsAsync();
        }
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("9 of 10 recovery codes left");
    }

    [Fact]
    public async Task An_admin_reads_the_security_log()
    {
        await site.CreateUserAsync("root@sib.example.org", "Root", Roles.Admin);
        var admin = await site.SignedInAsync("root@sib.example.org");
        await admin.GotoAsync("/admin/security-log");
        await Expect(admin.GetByRole(AriaRole.Table)).ToContainTextAsync("Signed in");
        await admin.GetByLabel("What happened").SelectOptionAsync(new SelectOptionValue { Label = "Signed in" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Table)).ToContainTextAsync("root@sib.example.org");
        await admin.AssertNoAxeViolationsAsync();
    }
}
