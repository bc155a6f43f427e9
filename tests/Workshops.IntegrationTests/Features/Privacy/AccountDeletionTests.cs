using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Email;
using Workshops.Core.Privacy;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Privacy;

public sealed class AccountDeletionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Confirmed(string password = AppFactory.Password) => new() { ["Password"] = password, ["Understood"] = "true" };

    /// <summary>What the workshop's statistics and other people see: it must read the same before and after.</summary>
    private Task<string> WorkshopSummaryAsync(Everything e) => app.WithDb(async db =>
    {
        var registrations = await db.Registrations.Where(r => r.WorkshopId == e.Workshop.Id).OrderBy(r => r.CreatedAt)
            .Select(r => $"{r.TrackId}|{r.Country}").ToListAsync();
        var items = await db.AgendaItems.Where(i => i.WorkshopId == e.Workshop.Id).OrderBy(i => i.Title).Select(i => i.Title + "@" + i.StartsAt).ToListAsync();
        var versions = await db.AgendaVersions.CountAsync(v => v.WorkshopId == e.Workshop.Id);
        var otto = await db.Registrations.Where(r => r.Id == e.OttoRegistration).Select(r => $"{r.Name}|{r.Email}|{r.Institution}|{r.Status}|{r.PassportNationality}").SingleAsync();
        var ottoProposal = await db.Proposals.Where(p => p.Id == e.OttoProposal.Id).Select(p => $"{p.Title}|{p.ProposerId}|{p.Status}").SingleAsync();
        var reviews = await db.Reviews.CountAsync(r => r.ProposalId == e.OttoProposal.Id);
        var ottoSpeaker = (await db.AgendaItems.SingleAsync(i => i.Id == e.OttoItem.Id)).Speakers.Single().Name;
        return string.Join("\n", registrations.Concat(items).Append($"{versions} versions").Append(otto).Append(ottoProposal).Append($"{reviews} reviews").Append(ottoSpeaker));
    });

    [Fact]
    public async Task Deleting_an_account_leaves_nothing_of_the_person_in_any_table_and_changes_nothing_else()
    {
        var e = await app.EverythingAsync();
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        await app.DownloadDataAsync(e.JaneBrowser, e.Jane);
        await app.DrainOutboxAsync();
        var (namesake, pasted) = await TrapsAsync(e);
        var before = await WorkshopSummaryAsync(e);
        var everywhere = await app.EveryTextAsync();
        Assert.Contains(everywhere, t => t.Value.Contains(e.JaneName, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(everywhere, t => t.Table.Contains("SearchDocuments") && t.Value.Contains(e.JaneName, StringComparison.OrdinalIgnoreCase));

        var response = await e.JaneBrowser.PostFormAsync("/account/delete", Confirmed(), "/account/delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/deleted", response.Headers.Location!.ToString());
        // Whole words and whole addresses: a namesake "…son" and an address that merely ends in hers are someone else.
        var her = new Regex($@"(?<![\w.+-])({Regex.Escape(e.JaneName.Split(' ')[1])}|{Regex.Escape(e.Jane.Email!)}|{Regex.Escape(e.Jane.Id)})(?![\w-])", RegexOptions.IgnoreCase);
        var left = (await app.EveryTextAsync()).Where(t => her.IsMatch(t.Value)).ToList();
        Assert.True(left.Count == 0, "Still there:\n" + string.Join("\n", left.Select(l => $"{l.Table}: {l.Value[..Math.Min(200, l.Value.Length)]}")));
        Assert.Equal(before, await WorkshopSummaryAsync(e));

        var registration = await app.WithDb(db => db.Registrations.SingleAsync(r => r.Id == e.JaneRegistration));
        Assert.Equal(Erasure.Label, registration.Name);
        Assert.True(registration.IsErased);
        Assert.Equal(RegistrationStatus.Cancelled, registration.Status);
        Assert.Empty(registration.Answers);
        Assert.Equal("Confirmed|", ProposalStatusOf(await app.WithDb(db => db.Proposals.SingleAsync(p => p.Id == e.JaneSession.Id))));
        Assert.Equal(Erasure.Label, (await app.WithDb(db => db.AgendaItems.SingleAsync(i => i.Id == e.JaneItem.Id))).Speakers.Single().Name);
        Assert.True(await app.WithDb(db => db.EmailSuppressions.AnyAsync(s => s.AddressKey == EmailSuppression.Hash(e.Jane.Email!))));
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => (m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Held) && m.To.Contains("erased-"))));
        var logged = await app.WithDb(db => db.SecurityEvents.Where(s => s.Kind == SecurityEventKind.AccountDeleted && s.At >= started).ToListAsync());
        Assert.Contains(logged, s => s.UserId == null && s.Email == null && s.IpAddress == null);
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.To == "old-" + e.Jane.Email)), "The email to the address she had before stays.");
        Assert.True(await app.WithDb(db => db.SecurityEvents.AnyAsync(s => s.Email == "stranger-" + e.Otto.Email)), "A stranger's log went with her account.");
        // A namesake's text elsewhere and an address that merely contains hers are as before.
        Assert.Equal("Jane Quillfeather's pen pal " + e.JaneName + "son", await app.WithDb(db => db.AgendaItems.Where(i => i.Id == namesake).Select(i => i.Chair).SingleAsync()));
        Assert.Contains("x" + e.Jane.Email, await app.WithDb(db => db.Announcements.Where(a => a.Id == pasted).Select(a => a.PastedAddresses).SingleAsync()));
        var list = await app.WithDb(db => db.Announcements.Where(a => a.Id == pasted).Select(a => a.PastedAddresses).SingleAsync());
        Assert.DoesNotContain(e.Jane.Email!, list!.Replace("x" + e.Jane.Email, ""));
        // Signed out: the browser is a stranger again.
        Assert.Equal(HttpStatusCode.Redirect, (await e.JaneBrowser.GetAsync("/account")).StatusCode);
    }

    /// <summary>
    /// What an erasure must find although nothing names her account (an email sent to the address she had before, a
    /// published version of another workshop's programme) and what it must leave although it looks like her (a
    /// namesake's chair, an address that contains hers).
    /// </summary>
    private async Task<(Guid Namesake, Guid Pasted)> TrapsAsync(Everything e)
    {
        var other = await app.AddWorkshopAsync("traps-" + Guid.NewGuid().ToString("N")[..8]);
        var room = await app.AddRoomAsync(other, "Aula");
        var item = await app.AddItemAsync(other, "Pens", room, speakers: new Core.Domain.Agenda.AgendaSpeakerDetails(e.JaneName, e.Jane.Id));
        var namesake = await app.AddItemAsync(other, "Inks", room, at: "11:00");
        return await app.WithDb(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var stored = await db.AgendaItems.SingleAsync(i => i.Id == namesake.Id);
            db.Entry(stored).Property(i => i.Chair).CurrentValue = "Jane Quillfeather's pen pal " + e.JaneName + "son";
            var workshop = await db.Workshops.Include(w => w.Tracks).SingleAsync(w => w.Id == other.Id);
            var rooms = await db.Rooms.Where(r => r.WorkshopId == other.Id).ToListAsync();
            var items = await db.AgendaItems.Where(i => i.WorkshopId == other.Id).ToListAsync();
            db.AgendaVersions.Add(Core.Domain.Agenda.AgendaVersion.Publish(workshop, null, Core.Domain.Agenda.AgendaSnapshot.Of(rooms, workshop.Tracks, items), null, null, now));
            // Then she is taken off that session: only the published version still names her.
            db.AgendaItems.Remove(await db.AgendaItems.SingleAsync(i => i.Id == item.Id));
            var announcement = Announcement.Create(new AnnouncementDetails("Hello", "Body", null,
                new Audience(false, [], [], false, false, $"{e.Jane.Email}\nx{e.Jane.Email}"), false), "organiser", now);
            db.Announcements.Add(announcement);
            db.OutboxMessages.Add(OutboxMessage.For("account.email-changed", $"{e.Jane.Id}:1", "old-" + e.Jane.Email, e.JaneName,
                new RenderedEmail("Your address changed", $"<p>Hello {e.JaneName}</p>", $"Hello {e.JaneName}"), now));
            // She once asked to move to an address that is someone else's, and never confirmed it: it is not hers.
            db.OutboxMessages.Add(OutboxMessage.For("account.change-email", $"{e.Jane.Id}:2", "stranger-" + e.Otto.Email, e.JaneName,
                new RenderedEmail("Confirm your new address", "<p>Confirm</p>", "Confirm"), now));
            db.SecurityEvents.Add(new SecurityEvent { At = now, Kind = SecurityEventKind.SignInFailed, Email = "stranger-" + e.Otto.Email });
            await db.SaveChangesAsync();
            return (namesake.Id, announcement.Id);
        });
    }

    private static string ProposalStatusOf(Core.Domain.Proposals.Proposal p) => $"{p.Status}|{p.ProposerId}";

    [Theory]
    [InlineData("wrong password", "true", "Your password is wrong.")]
    [InlineData(AppFactory.Password, "false", "Tick the box")]
    [InlineData("", "true", "Enter your password.")]
    public async Task A_wrong_password_or_no_tick_is_refused_and_nothing_is_deleted(string password, string understood, string message)
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignInAsync(user);

        var response = await browser.PostFormAsync("/account/delete", new Dictionary<string, string> { ["Password"] = password, ["Understood"] = understood }, "/account/delete");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync());
        Assert.True(await app.WithDb(db => db.Users.AnyAsync(u => u.Id == user.Id)));
    }

    [Fact]
    public async Task The_only_admin_cannot_leave_the_site_without_one()
    {
        var admins = await app.WithDb(db => db.UserRoles.Where(r => db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Admin)).Select(r => r.UserId).ToListAsync());
        // Alone in a site of their own would be cleaner; here every other admin is disabled for the test's length.
        var admin = await app.CreateUserAsync(Roles.Admin);
        await app.WithDb(db => db.Users.Where(u => admins.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTimeOffset.UtcNow)));
        try
        {
            var browser = await app.SignInAsync(admin);
            Assert.Contains("only admin", await browser.GetStringAsync("/account/delete"));
            var response = await browser.PostFormAsync("/account/delete", Confirmed(), "/account/delete");
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.True(await app.WithDb(db => db.Users.AnyAsync(u => u.Id == admin.Id)));
        }
        finally
        {
            await app.WithDb(db => db.Users.Where(u => admins.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, (DateTimeOffset?)null)));
        }
    }

    [Fact]
    public async Task Someone_who_cannot_sign_in_deletes_their_account_through_the_emailed_link()
    {
        var e = await app.EverythingAsync();
        var stranger = app.Browser();

        var asked = await stranger.PostFormAsync("/account/delete/email", new Dictionary<string, string> { ["Email"] = e.Jane.Email!.ToUpperInvariant() }, "/account/delete/email");
        var unknown = await stranger.PostFormAsync("/account/delete/email", new Dictionary<string, string> { ["Email"] = $"nobody-{Guid.NewGuid():N}@example.org" }, "/account/delete/email");

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Contains("purpose=delete", asked.Headers.Location!.ToString());
        var mail = await app.WithDb(db => db.OutboxMessages.SingleAsync(m => m.Kind == "account.delete" && m.To == e.Jane.Email));
        var link = new Uri(Regex.Match(mail.TextBody, @"http://localhost/account/delete/confirm\S+").Value).PathAndQuery;
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.GetAsync(link.Replace("code=", "code=x"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.GetAsync("/account/delete/confirm")).StatusCode);

        var form = await BrowserForm.LoadAsync(stranger, link);
        Assert.True(await app.WithDb(db => db.Users.AnyAsync(u => u.Id == e.Jane.Id)), "Opening the link deletes nothing.");
        var done = await form.PostAsync(stranger);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/account/deleted", done.Headers.Location!.ToString());
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Id == e.Jane.Id)));
        Assert.Equal(Erasure.Label, await app.WithDb(db => db.Registrations.Where(r => r.Id == e.JaneRegistration).Select(r => r.Name).SingleAsync()));
        // The link has done its work: the account it names is gone.
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_bad_address_is_refused_with_a_message()
    {
        var response = await app.Browser().PostFormAsync("/account/delete/email", new Dictionary<string, string> { ["Email"] = "not an address" }, "/account/delete/email");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter an email address like name@example.org.", await response.BodyAsync());
    }

    [Fact]
    public async Task The_organisers_list_says_Deleted_participant()
    {
        var e = await app.EverythingAsync();
        await e.JaneBrowser.PostFormAsync("/account/delete", Confirmed(), "/account/delete");

        var organiser = await app.BrowserAs(Roles.Organiser);
        var list = await organiser.GetStringAsync($"/organise/workshops/{e.Workshop.Id}/registrations");

        Assert.Contains("Deleted participant", list);
        Assert.Contains(e.OttoName, list);
        Assert.DoesNotContain(e.JaneName, list);
    }
}
