using Workshops.Core.Domain.Common;

namespace Workshops.Core.Domain.Proposals;

/// <summary>
/// A proposal to a call: the parts every proposal shares (title, text, answers, status, decision). What a workshop
/// or a session proposal adds beyond these is kept beside it.
/// </summary>
public sealed class Proposal
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CallId { get; private set; }
    public string ProposerId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Text { get; private set; }
    public ProposalStatus Status { get; private set; }
    public StagedDecision Decision { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public List<ProposalAnswer> Answers { get; private set; } = [];
    /// <summary>Workshop proposals only: host, place, dates, tracks and the rest.</summary>
    public WorkshopPlan? Workshop { get; private set; }
    /// <summary>The draft workshop an accepted workshop proposal became.</summary>
    public Guid? WorkshopId { get; private set; }

    private Proposal() { }

    public static Proposal Start(Call call, string proposerId, string title, string? text, DateTimeOffset now, string? accessCode = null)
    {
        call.EnsureAcceptsChanges(now, accessCode);
        var proposal = new Proposal { CallId = call.Id, ProposerId = proposerId, Status = ProposalStatus.Draft, CreatedAt = now };
        if (call.Kind == CallKind.Workshops)
            proposal.Workshop = WorkshopPlan.From(new WorkshopPlanDetails(null, null, null, null, null, call.TimeZoneId, default, null, null, null, []));
        proposal.SetText(title, text, now);
        return proposal;
    }

    /// <summary>The history's first entry: created as a draft, by its author.</summary>
    public StatusChange Created() => StatusChange.Record(nameof(Proposal), Id, "", nameof(ProposalStatus.Draft), ProposerId, CreatedAt);

    /// <summary>The proposer changes what they wrote: a draft or a submitted proposal, while the call takes changes.</summary>
    public void Edit(Call call, ProposalContent content, DateTimeOffset now, string? accessCode = null)
    {
        if (call.Id != CallId) throw new ArgumentException("That is another call.", nameof(call));
        if (!ProposalStatuses.IsEditable(Status)) throw new DomainException($"A {Label(Status)} proposal can no longer be changed.");
        call.EnsureAcceptsChanges(now, accessCode);
        // Everything is checked before anything changes, so a refused edit leaves the proposal as it was.
        var plan = call.Kind == CallKind.Workshops && content.Workshop is { } details ? WorkshopPlan.From(details) : null;
        foreach (var question in call.Questions)
            if (content.Answers.GetValueOrDefault(question.Id)?.Trim().Length > 5000)
                throw new DomainException("An answer can be at most 5,000 characters.", question.Id.ToString());
        if (Status == ProposalStatus.Submitted)
        {
            // Reviewers are reading it: a submitted proposal stays complete.
            var emptied = call.Questions.FirstOrDefault(q => q.Required && string.IsNullOrWhiteSpace(content.Answers.GetValueOrDefault(q.Id)));
            if (emptied is not null) throw new DomainException($"“{emptied.Text}” needs an answer in a submitted proposal.", emptied.Id.ToString());
            if (call.Kind == CallKind.Workshops) (plan ?? Workshop)?.EnsureComplete(submitted: true);
        }
        SetText(content.Title, content.Text, now);
        if (plan is not null) Workshop = plan;
        foreach (var question in call.Questions)
        {
            var value = content.Answers.GetValueOrDefault(question.Id)?.Trim();
            var answer = Answers.FirstOrDefault(a => a.QuestionId == question.Id);
            if (string.IsNullOrEmpty(value)) Answers.RemoveAll(a => a.QuestionId == question.Id);
            else if (answer is null) Answers.Add(new ProposalAnswer(Id, question.Id, value));
            else answer.Text = value;
        }
    }

    /// <summary>
    /// The one way a proposal changes status. It checks what the move needs, so no caller can skip it: submitting needs
    /// the call (its window, or a late code, and every required answer); accepting or rejecting needs that decision
    /// staged. Returns the audit entry to store.
    /// </summary>
    public StatusChange MoveTo(ProposalStatus next, string? byUserId, DateTimeOffset at, Call? call = null, string? accessCode = null)
    {
        if (!ProposalStatuses.CanMove(Status, next))
            throw new DomainException($"A {Label(Status)} proposal cannot become {Label(next)}.");
        if (next == ProposalStatus.Submitted)
            EnsureSubmittable(call ?? throw new ArgumentNullException(nameof(call), "Submitting is checked against the call."), at, accessCode);
        if ((next, Decision) is (ProposalStatus.Accepted, not StagedDecision.Accept) or (ProposalStatus.Rejected, not StagedDecision.Reject))
            throw new DomainException("Stage the decision first; it takes effect when decisions are released.");
        var change = StatusChange.Record(nameof(Proposal), Id, Status.ToString(), next.ToString(), byUserId, at);
        if (next == ProposalStatus.Submitted) SubmittedAt = at;
        if (next is ProposalStatus.Accepted or ProposalStatus.Rejected) Decision = StagedDecision.Pending;
        Status = next;
        UpdatedAt = at;
        return change;
    }

    public StatusChange Submit(Call call, DateTimeOffset now, string? accessCode = null) =>
        MoveTo(ProposalStatus.Submitted, ProposerId, now, call, accessCode);

    private void EnsureSubmittable(Call call, DateTimeOffset now, string? accessCode)
    {
        call.EnsureAcceptsChanges(now, accessCode);
        var missing = call.Questions.FirstOrDefault(q => q.Required && Answers.All(a => a.QuestionId != q.Id));
        if (missing is not null) throw new DomainException($"Answer “{missing.Text}” before submitting.", missing.Id.ToString());
        if (call.Kind == CallKind.Workshops)
            (Workshop ?? throw new DomainException("Describe the workshop you offer to host before submitting.")).EnsureComplete();
    }

    /// <summary>Remembers the draft workshop an accepted workshop proposal became, so the proposer can be led to it.</summary>
    public void BecameWorkshop(Guid workshopId, DateTimeOffset now)
    {
        if (Status != ProposalStatus.Accepted || Workshop is null) throw new DomainException("Only an accepted workshop proposal becomes a workshop.");
        WorkshopId = workshopId;
        UpdatedAt = now;
    }

    /// <summary>An organiser stages a decision; nobody is told until decisions are released.</summary>
    public void Stage(StagedDecision decision, DateTimeOffset now)
    {
        if (Status != ProposalStatus.Submitted) throw new DomainException($"Only a submitted proposal can be decided; this one is {Label(Status)}.");
        Decision = decision;
        UpdatedAt = now;
    }

    /// <summary>Turns the staged decision into the status; null when it was kept pending.</summary>
    public StatusChange? Release(string byUserId, DateTimeOffset now) => Decision switch
    {
        StagedDecision.Accept => MoveTo(ProposalStatus.Accepted, byUserId, now),
        StagedDecision.Reject => MoveTo(ProposalStatus.Rejected, byUserId, now),
        _ => null,
    };

    private void SetText(string title, string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length < 3)
            throw new DomainException("Give the proposal a title of at least 3 characters.", nameof(Title));
        if (title.Length > 200) throw new DomainException("The title can be at most 200 characters.", nameof(Title));
        if (text?.Length > 20_000) throw new DomainException("The text can be at most 20,000 characters.", nameof(Text));
        Title = title.Trim();
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        UpdatedAt = now;
    }

    private static string Label(ProposalStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>Everything the proposer writes in one save; the workshop part only for the yearly call.</summary>
public sealed record ProposalContent(string Title, string? Text, IReadOnlyDictionary<Guid, string?> Answers, WorkshopPlanDetails? Workshop = null);

/// <summary>The proposer's answer to one of the call's own questions.</summary>
public sealed class ProposalAnswer
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProposalId { get; private set; }
    public Guid QuestionId { get; private set; }
    public string Text { get; internal set; } = "";

    private ProposalAnswer() { }

    // Its own id, made here, is what tells EF that an answer added to a stored proposal is new rather than changed.
    internal ProposalAnswer(Guid proposalId, Guid questionId, string text) => (ProposalId, QuestionId, Text) = (proposalId, questionId, text);
}
