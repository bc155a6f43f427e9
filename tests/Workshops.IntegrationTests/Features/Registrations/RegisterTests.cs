using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;
using Workshops.Tests.Shared;

namespace Workshops.IntegrationTests.Features.Registrations;

public sealed class RegisterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Workshop> WorkshopAsync() => app.AddWorkshopAsync($"r-{Guid.NewGuid():N}"[..20]);

    [Fact]
    public async Task A_member_registers_gets_a_receipt_with_a_private_link_and_sees_the_status()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var form = WebUtility.HtmlDecode(await (await client.GetAsync($"/workshops/{workshop.Slug}/register")).BodyAsync());
        Assert.Contains("Which modules do you run? (required)", form);
        Assert.Contains("will tell you by 31 January", form);

        var fields = new Dictionary<string, string>(RegistrationData.RegistrationFields(setup, workshop, member));
        var post = await client.PostFormAsync($"/workshops/{workshop.Slug}/register",
            fields.Append(new($"Input.Answers[{setup.Questions[0].Id}]", "Collectory")).ToList(), $"/workshops/{workshop.Slug}/register");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var registration = await app.WithDb(db => db.Registrations.AsNoTracking().SingleAsync(r => r.UserId == member.Id));
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Equal("Biocache\nCollectory", registration.Answers.Single().Value);
        var receipt = await app.Mail.WaitForAsync(member.Email!, "Your registration for");
        Assert.Contains("will tell you by 31 January", receipt.TextBody);

        var viaLink = app.Browser(); // no sign-in: the link is the key
        var page = WebUtility.HtmlDecode(await (await viaLink.GetAsync(Mailbox.LinkTo(receipt, "/registrations/link/"))).BodyAsync());
        Assert.Contains("awaiting a decision", page);
        Assert.Contains("Biocache, Collectory", page);
        Assert.Equal(HttpStatusCode.NotFound, (await viaLink.GetAsync("/registrations/link/not-a-signed-token")).StatusCode);
        // Registering again leads to the registration there is.
        Assert.Equal($"/registrations/{registration.Id}", (await client.GetAsync($"/workshops/{workshop.Slug}/register")).Headers.Location!.ToString());
        Assert.Contains("awaiting a decision", await (await client.GetAsync("/account/registrations")).BodyAsync());
    }

    [Fact]
    public async Task After_cancelling_a_participant_can_register_again()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var register = $"/workshops/{workshop.Slug}/register";
        await client.PostFormAsync(register, RegistrationData.RegistrationFields(setup, workshop, member), register);
        var first = await app.WithDb(db => db.Registrations.Where(r => r.UserId == member.Id).Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/registrations/{first}?handler=Cancel", new() { ["confirmed"] = "true" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(register)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(register, RegistrationData.RegistrationFields(setup, workshop, member), register)).StatusCode);

        var both = await app.WithDb(db => db.Registrations.Where(r => r.UserId == member.Id).OrderBy(r => r.CreatedAt).Select(r => new { r.Id, r.Status }).ToListAsync());
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Submitted], both.Select(r => r.Status));
        // From now on the form leads to the live registration again: one live registration per person.
        Assert.Equal($"/registrations/{both[1].Id}", (await client.GetAsync(register)).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Only_the_participant_and_organisers_read_a_registration()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        await client.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, member), $"/workshops/{workshop.Slug}/register");
        var id = await app.WithDb(db => db.Registrations.Where(r => r.UserId == member.Id).Select(r => r.Id).SingleAsync());

        foreach (var role in new[] { Roles.Member, Roles.Reviewer })
        {
            var other = await app.BrowserAs(role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/registrations/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/registrations/{id}/edit")).StatusCode);
        }
        Assert.Contains("/account/signin", (await app.Browser().GetAsync($"/registrations/{id}")).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAs(Roles.Organiser)).GetAsync($"/registrations/{id}")).StatusCode);
        Assert.Contains("/account/signin", (await app.Browser().GetAsync($"/workshops/{workshop.Slug}/register")).Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("Input.AcceptsPrivacy", "false", "Accept the privacy notice to register.")]
    [InlineData("Input.Institution", "", "Give your institution.")]
    [InlineData("Input.TrackId", "00000000-0000-0000-0000-000000000001", "Choose one of the workshop's tracks.")]
    [InlineData("answer", "Drupal", "Choose from the answers offered to “Which modules do you run?”.")]
    [InlineData("answer", "", "Answer “Which modules do you run?”.")]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var fields = RegistrationData.RegistrationFields(setup, workshop, member);
        fields[field == "answer" ? $"Input.Answers[{setup.Questions[0].Id}]" : field] = value;

        var response = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.False(await app.WithDb(db => db.Registrations.AnyAsync(r => r.WorkshopId == workshop.Id)));
    }

    [Fact]
    public async Task A_member_cannot_register_someone_elses_address()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var member = await app.CreateUserAsync();
        var victim = $"victim-{Guid.NewGuid():N}@example.org";
        var client = await app.SignInAsync(member);
        var fields = RegistrationData.RegistrationFields(setup, workshop, member);
        fields["Input.Email"] = victim;

        var response = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDb(db => db.Registrations.SingleAsync(r => r.WorkshopId == workshop.Id));
        Assert.Equal(member.Email, saved.Email);
        await app.Mail.WaitForAsync(member.Email!, "");
        Assert.Equal(0, app.Mail.CountTo(victim));
    }

    [Fact]
    public async Task An_unconfirmed_account_cannot_register()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        await app.WithDb(async db =>
        {
            await db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false));
            return 0;
        });

        var response = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, member));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.WithDb(db => db.Registrations.AnyAsync(r => r.WorkshopId == workshop.Id)));
    }

    [Fact]
    public async Task A_closed_window_refuses_registering_with_the_closing_time()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop, open: false);
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);

        var page = await (await client.GetAsync($"/workshops/{workshop.Slug}/register")).BodyAsync();
        Assert.Contains("Registration closed on", page);
        Assert.DoesNotContain("Input.Name", page);
        var response = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, member), "/account/signin");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Registration closed on", await response.BodyAsync());
        Assert.False(await app.WithDb(db => db.Registrations.AnyAsync(r => r.WorkshopId == workshop.Id)));
    }

    [Fact]
    public async Task First_come_admits_at_once_and_cancelling_gives_the_seat_back()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome, totalSeats: 40);
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);

        await client.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, member), $"/workshops/{workshop.Slug}/register");
        var registration = await app.WithDb(db => db.Registrations.AsNoTracking().SingleAsync(r => r.UserId == member.Id));
        Assert.Equal(RegistrationStatus.Admitted, registration.Status);
        Assert.Contains("You have a seat", (await app.Mail.WaitForAsync(member.Email!, "Your registration for")).TextBody);
        var developers = SeatCounter.ForTrack(workshop.Tracks.Single(t => t.Name == "Developers").Id);
        Assert.Equal((1, 1), (await app.SeatsTakenAsync(workshop, developers), await app.SeatsTakenAsync(workshop, SeatCounter.Total)));

        var cancel = await client.PostFormAsync($"/registrations/{registration.Id}?handler=Cancel", new() { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal((0, 0), (await app.SeatsTakenAsync(workshop, developers), await app.SeatsTakenAsync(workshop, SeatCounter.Total)));
        await app.Mail.WaitForAsync(member.Email!, "is cancelled");
        Assert.Contains("admitted → cancelled", WebUtility.HtmlDecode(await (await client.GetAsync($"/registrations/{registration.Id}")).BodyAsync()));
    }

    [Fact]
    public async Task An_admitted_participant_changes_answers_but_not_their_track()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        await client.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, member), $"/workshops/{workshop.Slug}/register");
        var id = await app.WithDb(db => db.Registrations.Where(r => r.UserId == member.Id).Select(r => r.Id).SingleAsync());

        var fields = RegistrationData.RegistrationFields(setup, workshop, member);
        fields["Input.Institution"] = "Instituto Humboldt";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/registrations/{id}/edit", fields)).StatusCode);
        var moved = RegistrationData.RegistrationFields(setup, workshop, member, track: "Managers");
        var refused = await client.PostFormAsync($"/registrations/{id}/edit", moved);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("You hold a seat in your track", await refused.BodyAsync());
        var saved = await app.WithDb(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(("Instituto Humboldt", workshop.Tracks.Single(t => t.Name == "Developers").Id), (saved.Institution, saved.TrackId));
    }
}
