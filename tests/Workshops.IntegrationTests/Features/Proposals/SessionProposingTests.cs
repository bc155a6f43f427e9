using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.IntegrationTests.Support;
using Workshops.Tests.Shared;
using Workshops.Web.Features.Organise.Calls;

namespace Workshops.IntegrationTests.Features.Proposals;

public sealed class SessionProposingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Fields(Call call, string title, string coSpeakerEmail = "diego.cospeaker@example.org") => new()
    {
        ["Input.Title"] = title,
        ["Input.Type"] = "Talk",
        ["Input.DurationMinutes"] = "30",
        ["Input.TrackId"] = call.TrackIds[0].ToString(),
        ["Input.Text"] = "Publishing **sampling-event** data with the IPT.",
        ["Input.OrganiserNotes"] = "A projector, please.",
        ["Input.CoSpeakers[0].Name"] = "Diego Ramírez",
        ["Input.CoSpeakers[0].Email"] = coSpeakerEmail,
    };

    private async Task<Call> CallAsync() => await app.AddSessionCallAsync(await app.AddWorkshopAsync($"w-{Guid.NewGuid():N}"[..20]));

    [Fact]
    public async Task A_member_proposes_a_session_and_the_co_speaker_confirms_through_the_link_in_their_email()
    {
        var call = await CallAsync();
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var coSpeaker = $"diego.{Guid.NewGuid():N}@example.org";

        var draft = await client.PostFormAsync($"/calls/{call.Id}/propose", new(Fields(call, "Sampling events", coSpeaker)) { ["submit"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var proposal = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.ProposerId == member.Id));
        Assert.Equal((SessionType.Talk, 30, call.TrackIds[0]), (proposal.Session!.Type, proposal.Session.DurationMinutes, proposal.Session.TrackId));
        Assert.Equal(CoSpeakerStatus.NotInvited, Assert.Single(proposal.CoSpeakers).Status);
        Assert.Equal(0, app.Mail.CountTo(coSpeaker)); // a draft is private, even from its co-speakers

        var submit = await client.PostFormAsync($"/proposals/{proposal.Id}?handler=Submit", []);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var invitation = await app.Mail.WaitForAsync(coSpeaker, "names you as co-speaker");
        var link = Mailbox.LinkTo(invitation, "/speakers/invitation/");

        var visitor = app.Browser(); // no account needed
        var page = WebUtility.HtmlDecode(await (await visitor.GetAsync(link)).BodyAsync());
        Assert.Contains("Will you present “Sampling events”?", page);
        Assert.Contains("30 minutes", page);
        var confirm = await visitor.PostFormAsync(link, new() { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        var speaker = await app.WithDb(db => db.Proposals.AsNoTracking().Where(p => p.Id == proposal.Id).SelectMany(p => p.CoSpeakers).SingleAsync());
        Assert.Equal(CoSpeakerStatus.Confirmed, speaker.Status);
        var details = WebUtility.HtmlDecode(await (await client.GetAsync($"/proposals/{proposal.Id}")).BodyAsync());
        Assert.Contains("Diego Ramírez", details);
        Assert.Contains("confirmed", details);
        Assert.Contains("A projector, please.", details);
        Assert.DoesNotContain("A projector, please.", await (await (await app.BrowserAs(Roles.Reviewer)).GetAsync($"/proposals/{proposal.Id}")).BodyAsync());
    }

    [Theory]
    [InlineData("Input.DurationMinutes", "20", "A tutorial lasts 90 minutes.")]
    [InlineData("Input.Type", "Panel", "This call does not take a panel.")]
    [InlineData("Input.CoSpeakers[0].Email", "not an email", "Give a valid email address for co-speaker Diego Ramírez")]
    [InlineData("Input.TrackId", "00000000-0000-0000-0000-000000000001", "Choose one of the call's tracks.")]
    public async Task Bad_session_input_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var call = await CallAsync();
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var fields = new Dictionary<string, string>(Fields(call, "Sampling events")) { [field] = value, ["submit"] = "false" };
        if (field == "Input.DurationMinutes") fields["Input.Type"] = "Tutorial";

        var response = await client.PostFormAsync($"/calls/{call.Id}/propose", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.False(await app.WithDb(db => db.Proposals.AnyAsync(p => p.ProposerId == member.Id)));
    }

    [Fact]
    public async Task The_proposer_cannot_be_their_own_co_speaker()
    {
        var call = await CallAsync();
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);

        var response = await client.PostFormAsync($"/calls/{call.Id}/propose", new(Fields(call, "Sampling events", member.Email!.ToUpperInvariant())) { ["submit"] = "true" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("You are the speaker already", await response.BodyAsync());
        Assert.False(await app.WithDb(db => db.Proposals.AnyAsync(p => p.ProposerId == member.Id)));
    }

    [Fact]
    public async Task An_accepted_speaker_confirms_from_the_decision_email_and_the_session_is_ready_for_the_agenda()
    {
        var call = await CallAsync();
        var speaker = await app.CreateUserAsync();
        var proposal = await app.AddSessionAsync(call, speaker, "Docker in an afternoon", new CoSpeakerDetails("Mei Tanaka", "mei.agenda@example.org"));
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/organise/calls/{call.Id}?handler=Stage",
            new() { ["proposalId"] = proposal.Id.ToString(), ["decision"] = "Accept" }, $"/organise/calls/{call.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/organise/calls/{call.Id}?handler=Release", new() { ["confirmed"] = "true" }, $"/organise/calls/{call.Id}")).StatusCode);

        var decision = await app.Mail.WaitForAsync(speaker.Email!, "is accepted");
        Assert.Contains("Please confirm that you will present it", decision.TextBody);
        var board = WebUtility.HtmlDecode(await (await organiser.GetAsync($"/organise/calls/{call.Id}")).BodyAsync());
        Assert.Contains("1 accepted session waits", board);
        Assert.Contains("Talk · 30 minutes · Developers", board);

        // Someone else cannot confirm it for them.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAs(Roles.Member)).PostFormAsync($"/proposals/{proposal.Id}?handler=Confirm", [], $"/calls/{call.Id}")).StatusCode);
        var client = await app.SignInAsync(speaker);
        Assert.Contains("I will present it", await (await client.GetAsync($"/proposals/{proposal.Id}")).BodyAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/proposals/{proposal.Id}?handler=Confirm", [])).StatusCode);

        var sessions = await app.WithDb(db => new ConfirmedSessions(db).ForWorkshopAsync(call.WorkshopId!.Value, default));
        var session = Assert.Single(sessions);
        Assert.Equal(("Docker in an afternoon", SessionType.Talk, 30, "Developers"), (session.Title, session.Type, session.DurationMinutes, session.TrackName));
        Assert.Equal(speaker.Email, Assert.Single(session.Speakers).Email); // Mei was never invited here, so she does not count yet
        Assert.Contains("Ready for the agenda", await (await organiser.GetAsync($"/organise/calls/{call.Id}")).BodyAsync());
        var history = WebUtility.HtmlDecode(await (await client.GetAsync($"/proposals/{proposal.Id}")).BodyAsync());
        Assert.Contains("accepted → confirmed", history);
    }

    [Fact]
    public async Task Organisers_remind_accepted_speakers_who_have_not_confirmed_and_nobody_else_can()
    {
        var call = await CallAsync();
        var speaker = await app.CreateUserAsync();
        var proposal = await app.AddSessionAsync(call, speaker, "Funding a node");
        await app.WithDb(async db =>
        {
            var p = await db.Proposals.SingleAsync(x => x.Id == proposal.Id);
            p.Stage(StagedDecision.Accept, DateTimeOffset.UtcNow);
            db.StatusChanges.Add(p.Release("seed", DateTimeOffset.UtcNow)!);
            return await db.SaveChangesAsync();
        });

        foreach (var role in new[] { Roles.Member, Roles.Reviewer })
        {
            var refused = await (await app.BrowserAs(role)).PostFormAsync($"/organise/calls/{call.Id}?handler=Remind", [], "/calls");
            Assert.True((int)refused.StatusCode is >= 300 and < 500);
        }
        Assert.Equal(0, app.Mail.CountTo(speaker.Email!));

        var organiser = await app.BrowserAs(Roles.Organiser);
        var remind = await organiser.PostFormAsync($"/organise/calls/{call.Id}?handler=Remind", [], $"/organise/calls/{call.Id}");
        Assert.Equal(HttpStatusCode.Redirect, remind.StatusCode);
        var reminder = await app.Mail.WaitForAsync(speaker.Email!, "Please confirm your session");
        Assert.Contains($"/proposals/{proposal.Id}", reminder.TextBody);
        Assert.NotNull(await app.WithDb(db => db.Proposals.AsNoTracking().Where(p => p.Id == proposal.Id).Select(p => p.Session!.RemindedAt).SingleAsync()));

        var client = await app.SignInAsync(speaker);
        await client.PostFormAsync($"/proposals/{proposal.Id}?handler=Confirm", []);
        var nobody = await organiser.PostFormAsync($"/organise/calls/{call.Id}?handler=Remind", [], $"/organise/calls/{call.Id}");
        Assert.Equal(HttpStatusCode.Conflict, nobody.StatusCode);
        Assert.Contains("Nobody was reminded", await nobody.BodyAsync());
    }

    [Fact]
    public async Task A_withdrawn_session_takes_no_answer_from_its_co_speaker_and_an_unknown_link_is_404()
    {
        var call = await CallAsync();
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var coSpeaker = $"kofi.{Guid.NewGuid():N}@example.org";
        await client.PostFormAsync($"/calls/{call.Id}/propose", new(Fields(call, "Withdrawn soon", coSpeaker)) { ["submit"] = "true" });
        var link = Mailbox.LinkTo(await app.Mail.WaitForAsync(coSpeaker, "names you as co-speaker"), "/speakers/invitation/");
        var proposal = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.ProposerId == member.Id));
        await client.PostFormAsync($"/proposals/{proposal.Id}?handler=Withdraw", []);

        var visitor = app.Browser();
        Assert.DoesNotContain("I will present it", await (await visitor.GetAsync(link)).BodyAsync());
        // The page has no form any more; any page's antiforgery token will do for the attempt.
        var late = await visitor.PostFormAsync(link, new() { ["confirm"] = "true" }, "/account/signin");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("This session is withdrawn", WebUtility.HtmlDecode(await late.BodyAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/speakers/invitation/not-a-real-token")).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_invitation_answered_from_another_account_does_not_make_that_account_the_speaker()
    {
        var call = await CallAsync();
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var invited = await app.CreateUserAsync();
        await client.PostFormAsync($"/calls/{call.Id}/propose", new(Fields(call, "Forwarded", invited.Email!)) { ["submit"] = "true" });
        var link = Mailbox.LinkTo(await app.Mail.WaitForAsync(invited.Email!, "names you as co-speaker"), "/speakers/invitation/");

        var someoneElse = await app.SignInAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await someoneElse.PostFormAsync(link, new() { ["confirm"] = "true" })).StatusCode);
        Assert.Null(await SpeakerAccountAsync(member));

        var themselves = await app.SignInAsync(invited);
        Assert.Equal(HttpStatusCode.Redirect, (await themselves.PostFormAsync(link, new() { ["confirm"] = "true" })).StatusCode);
        Assert.Equal(invited.Id, await SpeakerAccountAsync(member));
    }

    private Task<string?> SpeakerAccountAsync(AppUser proposer) => app.WithDb(db => db.Proposals.AsNoTracking()
        .Where(p => p.ProposerId == proposer.Id).SelectMany(p => p.CoSpeakers).Select(c => c.UserId).SingleAsync());

    [Fact]
    public async Task The_export_of_a_call_for_sessions_has_kind_length_track_and_co_speakers()
    {
        var call = await CallAsync();
        await app.AddSessionAsync(call, await app.CreateUserAsync(), "Exported talk", new CoSpeakerDetails("Lars Nilsson", "lars@example.org"));

        var csv = await (await (await app.BrowserAs(Roles.Organiser)).GetAsync($"/organise/calls/{call.Id}?handler=Export&format=csv")).BodyAsync();

        Assert.Contains("Kind,Minutes,Track,Co-speakers", csv);
        Assert.Contains("Talk,30,Developers,Lars Nilsson <lars@example.org> (NotInvited)", csv);
    }
}
