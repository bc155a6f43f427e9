using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Privacy;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Privacy;

/// <summary>Consents are recorded with the words and the time, and a person withdraws them on their account.</summary>
public sealed class ConsentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Registering_records_each_consent_with_its_words_and_withdrawing_takes_the_person_off_the_list()
    {
        var workshop = await app.AddWorkshopAsync($"consent-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var (user, browser, id) = await app.AdmitAsync(workshop, setup, "Rosa Quispe", listed: true);

        var consents = await app.WithDb(db => db.Consents.Where(c => c.UserId == user.Id).ToListAsync());
        Assert.Equal([ConsentKind.PrivacyNotice, ConsentKind.ParticipantList], consents.Select(c => c.Kind).Order());
        Assert.All(consents, c => Assert.Equal(id, c.RegistrationId));
        var version = consents.Single(c => c.Kind == ConsentKind.PrivacyNotice).TextVersion;
        var notice = await app.WithDb(db => db.ConsentTexts.SingleAsync(t => t.Version == version));
        Assert.Contains("We keep your data for the workshop only.", notice.Text);

        var page = await browser.GetStringAsync("/account/consents");
        Assert.Contains("On the participant list", page);
        Assert.Contains(workshop.Title.ToString(), page);
        var list = consents.Single(c => c.Kind == ConsentKind.ParticipantList);
        var withdrawn = await browser.PostFormAsync($"/account/consents?handler=Withdraw&id={list.Id}", [], "/account/consents");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.False(await app.WithDb(db => db.Registrations.Where(r => r.Id == id).Select(r => r.ListPublicly).SingleAsync()));
        Assert.NotNull(await app.WithDb(db => db.Consents.Where(c => c.Id == list.Id).Select(c => c.WithdrawnAt).SingleAsync()));
        Assert.Contains("withdrawn on", await browser.GetStringAsync("/account/consents"));
    }

    [Fact]
    public async Task Nobody_withdraws_another_persons_consent_or_the_notice_a_registration_stands_on()
    {
        var workshop = await app.AddWorkshopAsync($"consent-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var (user, _, id) = await app.AdmitAsync(workshop, setup, "Rosa Quispe", listed: true);
        var consents = await app.WithDb(db => db.Consents.Where(c => c.UserId == user.Id).ToListAsync());
        var stranger = await app.BrowserAs(Roles.Member);
        var owner = await app.SignInAsync(user);

        var theirs = await stranger.PostFormAsync($"/account/consents?handler=Withdraw&id={consents.Single(c => c.Kind == ConsentKind.ParticipantList).Id}", [], "/account/consents");
        var notice = await owner.PostFormAsync($"/account/consents?handler=Withdraw&id={consents.Single(c => c.Kind == ConsentKind.PrivacyNotice).Id}", [], "/account/consents");

        Assert.Equal(HttpStatusCode.Conflict, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notice.StatusCode);
        Assert.Contains("cancel the registration instead", await notice.BodyAsync());
        Assert.True(await app.WithDb(db => db.Registrations.Where(r => r.Id == id).Select(r => r.ListPublicly).SingleAsync()));
        Assert.True(await app.WithDb(db => db.Consents.Where(c => c.UserId == user.Id).AllAsync(c => c.WithdrawnAt == null)));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/account/consents")).StatusCode);
    }

    [Fact]
    public async Task A_speaker_who_agreed_to_stay_listed_keeps_their_name_in_past_programmes_after_leaving()
    {
        var e = await app.EverythingAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await e.JaneBrowser.PostFormAsync("/account/consents?handler=StayListed", [], "/account/consents")).StatusCode);

        await e.JaneBrowser.PostFormAsync("/account/delete", new Dictionary<string, string> { ["Password"] = AppFactory.Password, ["Understood"] = "true" }, "/account/delete");

        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Id == e.Jane.Id)));
        var speaker = (await app.WithDb(db => db.AgendaItems.SingleAsync(i => i.Id == e.JaneItem.Id))).Speakers.Single();
        Assert.Equal((e.JaneName, (string?)null), (speaker.Name, speaker.UserId));
        var published = await app.WithDb(db => db.AgendaVersions.Where(v => v.WorkshopId == e.Workshop.Id).Select(v => v.Snapshot).SingleAsync());
        Assert.Contains(e.JaneName, published);
        Assert.DoesNotContain(e.Jane.Id, published);
        // Everything else about her is gone all the same.
        Assert.Equal(Erasure.Label, await app.WithDb(db => db.Registrations.Where(r => r.Id == e.JaneRegistration).Select(r => r.Name).SingleAsync()));
    }
}
