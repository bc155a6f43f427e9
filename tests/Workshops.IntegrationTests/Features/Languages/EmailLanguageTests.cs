using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Localization;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>Each email is written in its recipient's language, whoever's action sends it and whatever language they read.</summary>
public sealed class EmailLanguageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string In(string language, string english, params object[] args)
    {
        using var scope = Tr.Use(language);
        return args.Length == 0 ? Tr.T(english) : Tr.T(english, args);
    }

    [Fact]
    public async Task A_registration_s_emails_are_in_the_language_it_was_made_in_even_when_an_English_organiser_decides()
    {
        var workshop = await app.AddWorkshopAsync($"l-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX");
        var registered = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, user));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var registration = await app.WithDb(db => db.Registrations.AsNoTracking().SingleAsync(r => r.UserId == user.Id));
        Assert.Equal("es", registration.Language);

        var receiptSubject = In("es", "Your registration for {workshop_title}").Replace("{workshop_title}", workshop.Title);
        Assert.NotEqual($"Your registration for {workshop.Title}", receiptSubject);
        var receipt = await app.Mail.WaitForAsync(user.Email!, receiptSubject);
        Assert.Contains(In("es", "Hello {0},", user.DisplayName).TrimEnd(','), receipt.TextBody);

        var organiser = await app.BrowserAs(Roles.Organiser);
        organiser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var list = $"/organise/workshops/{workshop.Id}/registrations";
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"{list}?handler=Stage",
            [new("selected", registration.Id.ToString()), new("decision", "Admit")], list)).StatusCode);
        var released = await organiser.PostFormAsync($"{list}?handler=Release", new() { ["confirmed"] = "true" }, list);
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        var admitted = await app.Mail.WaitForAsync(user.Email!, In("es", "You have a seat at {workshop_title}").Replace("{workshop_title}", workshop.Title));
        Assert.Contains("lang=\"es\"", admitted.HtmlBody);
        Assert.Equal(RegistrationStatus.Admitted, await app.WithDb(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_account_s_emails_are_in_its_language_whichever_browser_asks()
    {
        var user = await app.CreateUserAsync();
        await app.WithDb(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.Language = "pt";
            return await db.SaveChangesAsync();
        });
        var browser = app.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var asked = await browser.PostFormAsync("/account/forgot-password", new() { ["Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var subject = In("pt", "Reset your password");
        Assert.NotEqual("Reset your password", subject);
        var email = await app.Mail.WaitForAsync(user.Email!, subject);
        Assert.Contains(In("pt", "Hello {0},", user.DisplayName), email.TextBody);
        Assert.Contains("lang=\"pt\"", email.HtmlBody);
    }

    [Fact]
    public async Task An_organiser_writes_the_Spanish_wording_beside_the_English_one_and_resets_it_alone()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        const string page = "/organise/emails/registration-checked-in"; // no other test here sends it
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(page, new() { ["Subject"] = "Seat for {name}", ["Body"] = "Welcome, {name}." })).StatusCode);
        organiser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(page, new() { ["Subject"] = "Plaza para {name}", ["Body"] = "Bienvenida, {name}." })).StatusCode);

        var rows = await app.WithDb(db => db.EmailTemplates.AsNoTracking().Where(t => t.Key == "registration-checked-in").ToListAsync());
        Assert.Equal(("Seat for {name}", "Plaza para {name}"), (rows.Single(t => t.Language == "en").Subject, rows.Single(t => t.Language == "es").Subject));

        // Reset in Spanish takes the Spanish wording away and leaves the English one.
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"{page}?handler=Reset", [])).StatusCode);
        rows = await app.WithDb(db => db.EmailTemplates.AsNoTracking().Where(t => t.Key == "registration-checked-in").ToListAsync());
        Assert.Equal(["en"], rows.Select(t => t.Language));
    }
}
