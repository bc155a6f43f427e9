using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;

namespace Workshops.UnitTests.Domain.Proposals;

public sealed class CallTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    internal static Call OpenCall(string? code = "late-but-welcome", bool requiredQuestion = true) => Call.ForWorkshops(
        new CallDetails("Host the 2028 workshop", 2028, "Tell us where.", new DateTime(2026, 11, 1, 9, 0, 0), new DateTime(2027, 1, 31, 23, 59, 0),
            "Europe/Madrid", ReviewerPool.AllReviewers, code),
        [new QuestionDetails(null, "How will remote participants join?", requiredQuestion), new QuestionDetails(null, "Anything else?", false)],
        [new CriterionDetails(null, "Relevance", 3), new CriterionDetails(null, "Feasibility", 1)],
        Now.AddDays(-30));

    internal static WorkshopPlanDetails Plan(string city = "Bogotá") => new("Instituto Humboldt", city, "Colombia",
        new DateOnly(2028, 10, 2), new DateOnly(2028, 10, 6), "America/Bogota", global::Workshops.Core.Domain.Workshops.WorkshopFormat.Hybrid,
        "Biocache, spatial portal", 45, "Ministry grant applied for.", [new("Developers", 25), new("Managers", 20)]);

    /// <summary>A draft with its workshop part filled in, ready to submit once required questions are answered.</summary>
    internal static Proposal Started(Call call, string proposer, string title, string? text = null)
    {
        var proposal = Proposal.Start(call, proposer, title, text, Now);
        proposal.Edit(call, new ProposalContent(title, text, new Dictionary<Guid, string?>(), Plan()), Now);
        return proposal;
    }

    [Fact]
    public void The_window_is_in_the_calls_time_zone()
    {
        var call = OpenCall();
        // 23:59 on 31 January in Madrid (winter, UTC+1) is 22:59 UTC.
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 22, 59, 0, TimeSpan.Zero), call.ClosesAt);
        Assert.True(call.IsOpen(Now));
        Assert.False(call.IsOpen(call.ClosesAt));
    }

    [Fact]
    public void After_the_deadline_only_the_late_code_lets_changes_in_and_the_message_says_when_it_closed()
    {
        var call = OpenCall();
        var late = call.ClosesAt.AddMinutes(1);

        var e = Assert.Throws<DomainException>(() => call.EnsureAcceptsChanges(late, null));
        Assert.Contains("closed on 31 January 2027, 23:59 (Europe/Madrid time, UTC+01:00)", e.Message);
        Assert.Throws<DomainException>(() => call.EnsureAcceptsChanges(late, "a wrong code"));
        call.EnsureAcceptsChanges(late, " late-but-welcome ");
    }

    [Fact]
    public void Before_opening_nothing_is_accepted_even_with_the_code()
    {
        var call = OpenCall();
        var e = Assert.Throws<DomainException>(() => call.EnsureAcceptsChanges(call.OpensAt.AddSeconds(-1), "late-but-welcome"));
        Assert.Contains("opens on 1 November 2026, 09:00", e.Message);
    }

    [Theory]
    [InlineData("2027-01-31T23:59", "2026-11-01T09:00", null, "ClosesLocal")]
    [InlineData("2026-11-01T09:00", "2027-01-31T23:59", "short", "LateAccessCode")]
    public void Bad_windows_and_guessable_codes_are_refused_naming_the_field(string opens, string closes, string? code, string field)
    {
        var e = Assert.Throws<DomainException>(() => Call.ForWorkshops(
            new CallDetails("Host 2028", 2028, null, DateTime.Parse(opens), DateTime.Parse(closes), "Europe/Madrid", ReviewerPool.AllReviewers, code),
            [], [new CriterionDetails(null, "Relevance", 1)], Now));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_call_needs_criteria_with_weights_from_1_to_10()
    {
        CallDetails details = new("Host 2028", 2028, null, new DateTime(2026, 11, 1), new DateTime(2027, 1, 31), "UTC", ReviewerPool.Assigned, null);
        Assert.Equal("Criteria", Assert.Throws<DomainException>(() => Call.ForWorkshops(details, [], [], Now)).Field);
        Assert.Equal("Criteria", Assert.Throws<DomainException>(() => Call.ForWorkshops(details, [], [new CriterionDetails(null, "Fit", 11)], Now)).Field);
        Assert.Equal("Criteria", Assert.Throws<DomainException>(() =>
            Call.ForWorkshops(details, [], [new CriterionDetails(null, "Fit", 1), new CriterionDetails(null, "fit ", 2)], Now)).Field);
    }

    [Fact]
    public void Editing_keeps_the_ids_of_kept_questions_and_criteria()
    {
        var call = OpenCall();
        var relevance = call.Criteria.Single(c => c.Name == "Relevance");
        var question = call.Questions[0];

        call.Update(new CallDetails("Host the 2028 workshop", 2028, null, new DateTime(2026, 11, 1, 9, 0, 0), new DateTime(2027, 2, 28, 23, 59, 0),
                "Europe/Madrid", ReviewerPool.AllReviewers, null),
            [new QuestionDetails(question.Id, "How will people join online?", true)],
            [new CriterionDetails(null, "Budget", 2), new CriterionDetails(relevance.Id, "Relevance to the nodes", 4)], Now);

        Assert.Same(question, Assert.Single(call.Questions));
        Assert.Equal("How will people join online?", question.Text);
        Assert.Equal(["Budget", "Relevance to the nodes"], call.Criteria.Select(c => c.Name));
        Assert.Equal(relevance.Id, call.Criteria[1].Id);
        Assert.Equal(4, call.Criteria[1].Weight);
    }
}
