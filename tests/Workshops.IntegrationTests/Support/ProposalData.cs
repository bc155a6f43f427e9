using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;

namespace Workshops.IntegrationTests.Support;

/// <summary>Calls and proposals written straight to the database, for tests about what comes after them.</summary>
public static class ProposalData
{
    public const string LateCode = "late-but-welcome";

    public static WorkshopPlanDetails Plan(string city = "Bogotá") => new("Instituto Humboldt", city, "Colombia",
        new DateOnly(2028, 10, 2), new DateOnly(2028, 10, 6), "America/Bogota", WorkshopFormat.Hybrid,
        "Biocache, spatial portal", 45, "Ministry grant applied for.", [new("Developers", 25), new("Managers", 20)]);

    /// <summary>A yearly call; by default it opened a week ago and closes in a month.</summary>
    public static async Task<Call> AddCallAsync(this AppFactory app, bool open = true, ReviewerPool pool = ReviewerPool.AllReviewers, int year = 2028)
    {
        var now = DateTime.UtcNow;
        var opens = open ? now.AddDays(-7) : now.AddDays(-60);
        var closes = open ? now.AddDays(30) : now.AddDays(-1);
        var call = Call.ForWorkshops(
            new CallDetails($"Host the {year} workshop", year, "Tell us **where**.", opens, closes, "UTC", pool, LateCode),
            [new QuestionDetails(null, "How will remote participants join?", true)],
            [new CriterionDetails(null, "Relevance", 3, "Does the programme answer what the nodes asked for?"), new CriterionDetails(null, "Feasibility", 1)],
            DateTimeOffset.UtcNow);
        return await app.WithDb(async db =>
        {
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            return call;
        });
    }

    /// <summary>A proposal written while the call was open (a day after it opened), submitted unless asked otherwise.</summary>
    public static async Task<Proposal> AddProposalAsync(this AppFactory app, Call call, AppUser proposer, bool submit = true, string title = "Bogotá 2028")
    {
        var at = call.OpensAt.AddDays(1);
        var proposal = Proposal.Start(call, proposer.Id, title, "We offer **two** rooms.", at);
        proposal.Edit(call, new ProposalContent(title, "We offer **two** rooms.",
            new Dictionary<Guid, string?> { [call.Questions[0].Id] = "Through the hybrid room." }, Plan()), at);
        var changes = new List<StatusChange>();
        if (submit) changes.Add(proposal.Submit(call, at));
        return await app.WithDb(async db =>
        {
            db.Proposals.Add(proposal);
            db.StatusChanges.AddRange(changes);
            await db.SaveChangesAsync();
            return proposal;
        });
    }

    /// <summary>A workshop's call for sessions taking talks (20 or 30 minutes) and tutorials (90) on both its tracks.</summary>
    public static async Task<Call> AddSessionCallAsync(this AppFactory app, Workshop workshop, bool open = true)
    {
        var now = DateTime.UtcNow;
        var call = Call.ForSessions(workshop,
            new CallDetails($"Sessions for {workshop.Title}", workshop.Year, "Talks and tutorials.", open ? now.AddDays(-7) : now.AddDays(-60),
                open ? now.AddDays(30) : now.AddDays(-1), "UTC", ReviewerPool.AllReviewers, LateCode),
            [], [new CriterionDetails(null, "Relevance", 1)],
            new SessionSetup([new(SessionType.Talk, [20, 30]), new(SessionType.Tutorial, [90])], workshop.Tracks.Select(t => t.Id).ToList()),
            DateTimeOffset.UtcNow);
        return await app.WithDb(async db =>
        {
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            return call;
        });
    }

    /// <summary>A 30-minute talk on the workshop's first track, submitted; co-speakers are listed, not invited.</summary>
    public static async Task<Proposal> AddSessionAsync(this AppFactory app, Call call, AppUser proposer, string title = "Publishing sampling events",
        params CoSpeakerDetails[] coSpeakers)
    {
        var at = call.OpensAt.AddDays(1);
        var proposal = Proposal.Start(call, proposer.Id, title, "With the **IPT**.", at);
        proposal.Edit(call, new ProposalContent(title, "With the **IPT**.", new Dictionary<Guid, string?>(),
            Session: new SessionPlanDetails(SessionType.Talk, call.TrackIds[0], 30, "A projector, please.", coSpeakers)), at);
        var change = proposal.Submit(call, at);
        return await app.WithDb(async db =>
        {
            db.Proposals.Add(proposal);
            db.StatusChanges.Add(change);
            await db.SaveChangesAsync();
            return proposal;
        });
    }

    public static async Task<HttpClient> SignInAsync(this AppFactory app, AppUser user)
    {
        var client = app.Browser();
        var response = await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
