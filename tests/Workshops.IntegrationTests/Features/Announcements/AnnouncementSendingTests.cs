using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Email;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Announcements;

public sealed class AnnouncementSendingTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    [Fact]
    public async Task Each_address_gets_one_email_with_its_placeholders_filled_and_an_unsubscribe_header()
    {
        var workshop = await app.AddWorkshopAsync("announce-" + Guid.NewGuid().ToString("N")[..6]);
        var setup = await app.AddRegistrationAsync(workshop);
        var ana = await app.SubscriberAsync(name: "Test Subscriber");
        await app.RegistrantAsync(workshop, setup, ana, "Ána Souza", "Managers");
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        var stranger = $"someone-{Guid.NewGuid():N}@example.net";
        var gone = $"gone-{Guid.NewGuid():N}@example.net";
        await app.WithDb(async db =>
        {
            db.EmailSuppressions.Add(EmailSuppression.Of(gone, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        // Ana is a subscriber, a registrant and pasted in capitals: one email.
        var a = await app.AnnouncementAsync("Agenda for {first_name}",
            "Hello {first_name}, news of [{workshop_title}]({workshop_url}).",
            workshop.Id, AnnouncementData.To(subscribers: true, statuses: [RegistrationStatus.Submitted], reviewers: true,
                pasted: $"{ana.Email!.ToUpperInvariant()}\nPat <{stranger}>; {gone}"), organiser.Id);

        var queued = await app.SendNowAsync(a.Id);

        var rows = await app.WithDb(db => db.OutboxMessages.Where(m => m.CampaignId == a.Id).ToListAsync());
        Assert.Equal(queued, rows.Count);
        Assert.Contains(rows, r => r.To == ana.Email);
        Assert.Contains(rows, r => r.To == reviewer.Email);
        Assert.Contains(rows, r => r.To == stranger);
        Assert.DoesNotContain(rows, r => r.To == gone);
        Assert.Single(rows, r => string.Equals(r.To, ana.Email, StringComparison.OrdinalIgnoreCase));
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));

        var mail = await app.Mail.WaitForAsync(ana.Email!, "Agenda for Ána");
        Assert.Equal(1, app.Mail.CountTo(ana.Email!));
        Assert.Contains("Hello Ána, news of", mail.TextBody);
        Assert.Contains($"href=\"{AnnouncementData.Origin}/workshops/{workshop.Slug}\"", mail.HtmlBody);
        var unsubscribe = mail.Headers["List-Unsubscribe"]!;
        Assert.StartsWith($"<{AnnouncementData.Origin}/unsubscribe/", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe.Trim('<', '>'), mail.HtmlBody);
        Assert.True(mail.Date > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.EndsWith("@localhost.localdomain", mail.MessageId);
        var toStranger = await app.Mail.WaitForAsync(stranger, "Agenda for Pat");
        Assert.Contains("Hello Pat, news of", toStranger.TextBody);

        var sent = await app.WithDb(db => db.Announcements.SingleAsync(x => x.Id == a.Id));
        Assert.Equal((AnnouncementStatus.Sent, queued), (sent.Status, sent.Recipients));
    }

    [Fact]
    public async Task A_registrant_reads_their_own_status_and_track()
    {
        var workshop = await app.AddWorkshopAsync("status-" + Guid.NewGuid().ToString("N")[..6]);
        var setup = await app.AddRegistrationAsync(workshop);
        var ana = await app.SubscriberAsync(name: "Test Subscriber");
        await app.RegistrantAsync(workshop, setup, ana, "Ána Souza", "Managers");
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var a = await app.AnnouncementAsync("Your place, {first_name}", "You are {registration_status} in the {track} track.", workshop.Id,
            AnnouncementData.To(statuses: [RegistrationStatus.Submitted]), organiser.Id);

        await app.SendNowAsync(a.Id);

        var mail = await app.Mail.WaitForAsync(ana.Email!, "Your place, Ána");
        Assert.Contains("You are awaiting a decision in the Managers track.", mail.TextBody);
    }

    [Fact]
    public async Task A_placeholder_the_announcement_cannot_fill_is_an_error_before_anything_is_queued()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var mail = scope.ServiceProvider.GetRequiredService<AnnouncementMail>();
        var to = new Recipient("ana@example.org", "Ana", null, null);

        var typo = Assert.Throws<DomainException>(() => mail.Preview("News", "Hello {frist_name}", null, AnnouncementData.Origin, to, "Workshops"));
        Assert.Contains("{frist_name}", typo.Message);
        Assert.Contains("{first_name}", typo.Message);
        // Without a workshop there is no workshop to name.
        var noWorkshop = Assert.Throws<DomainException>(() => mail.Preview("News", "See {workshop_url}", null, AnnouncementData.Origin, to, "Workshops"));
        Assert.Contains("{workshop_url}", noWorkshop.Message);
    }

    [Fact]
    public async Task Values_people_typed_are_text_in_the_email_never_markup()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var address = $"x-{Guid.NewGuid():N}@example.net";
        var a = await app.AnnouncementAsync("Hi", "Dear {full_name},", null,
            AnnouncementData.To(pasted: $"\"<script>alert(1)</script> [x](javascript:alert(1))\" <{address}>"), organiser.Id);

        await app.SendNowAsync(a.Id);

        var mail = await app.Mail.WaitForAsync(address, "Hi");
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.DoesNotContain("href=\"javascript", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
    }

    [Fact]
    public async Task Starting_twice_queues_each_email_once()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var a = await app.AnnouncementAsync("Twice", "Hello", null, AnnouncementData.To(pasted: $"a-{Guid.NewGuid():N}@example.net, b-{Guid.NewGuid():N}@example.net"), organiser.Id);

        var first = await app.SendNowAsync(a.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var second = await scope.ServiceProvider.GetRequiredService<AnnouncementStarter>().StartAsync(a.Id, default);

        Assert.Equal((2, 0), (first, second));
        Assert.Equal(2, await app.WithDb(db => db.OutboxMessages.CountAsync(m => m.CampaignId == a.Id)));
    }

    [Fact]
    public async Task The_unsubscribe_link_survives_whatever_the_body_leaves_open()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var address = $"fence-{Guid.NewGuid():N}@example.net";
        var a = await app.AnnouncementAsync("Fence", "Run this:\n\n```\ndotnet run", null, AnnouncementData.To(pasted: address), organiser.Id);

        await app.SendNowAsync(a.Id);

        var mail = await app.Mail.WaitForAsync(address, "Fence");
        Assert.Matches("<a href=\"https://workshops.example.org/unsubscribe/[^\"]+\">Unsubscribe</a>", mail.HtmlBody);
    }

    [Fact]
    public async Task A_cancel_racing_a_start_fails_instead_of_both_winning()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var a = await app.AnnouncementAsync("Race", "Hello", null, AnnouncementData.To(pasted: $"race-{Guid.NewGuid():N}@example.net"), organiser.Id);
        await app.WithDb(async db =>
        {
            (await db.Announcements.FindAsync(a.Id))!.Schedule(DateTimeOffset.UtcNow.AddDays(1), AnnouncementData.Origin, a.CreatedById, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var starting = await first.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>().Announcements.FindAsync(a.Id);
        var cancelling = await second.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>().Announcements.FindAsync(a.Id);

        starting!.SendNow(AnnouncementData.Origin, starting.CreatedById, DateTimeOffset.UtcNow.AddSeconds(1));
        await first.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>().SaveChangesAsync();
        cancelling!.Cancel(cancelling.CreatedById, DateTimeOffset.UtcNow.AddSeconds(2));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>().SaveChangesAsync());
    }

    [Fact]
    public void A_quoted_name_may_hold_a_comma_and_separators_still_split_a_line()
    {
        var parsed = PastedAddresses.Parse("\"Souza, Ana\" <ana@example.org>, pat@example.net; Lee <lee@example.com>\nbad, kim@example.org");
        Assert.Equal(["ana@example.org", "pat@example.net", "lee@example.com"], parsed.Valid.Select(v => v.Address));
        Assert.Equal("Souza, Ana", parsed.Valid[0].Name);
        Assert.Equal(["bad"], parsed.Invalid);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("root")]
    [InlineData("ana@")]
    public void Pasted_lines_that_are_not_addresses_are_refused_by_name(string line)
    {
        var e = Assert.Throws<DomainException>(() => AnnouncementData.To(pasted: "ok@example.org\n" + line).Validate(null));
        Assert.Contains(line, e.Message);
    }

    [Fact]
    public void Registrants_need_a_workshop_and_an_audience_needs_someone()
    {
        Assert.Contains("workshop", Assert.Throws<DomainException>(() => AnnouncementData.To(statuses: [RegistrationStatus.Admitted]).Validate(null)).Message);
        Assert.Contains("Choose who", Assert.Throws<DomainException>(() => AnnouncementData.To().Validate(Guid.NewGuid())).Message);
    }
}
