using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Proposals;

/// <summary>
/// A proposal to a call: the parts every proposal shares (title, text, answers, status, decision). What a workshop
/// or a session proposal adds beyond these is kept beside it.
/// </summary>
public sealed class Proposal
{
    public const int MaxTitle = 200;
    public const int MaxText = 20_000;
    public const int MaxAnswer = 5000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CallId { get; private set; }
    [PersonalData] public string ProposerId { get; private set; } = "";
    public string Title { get; private set; } = "";
    [PersonalData] public string? Text { get; private set; }
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
    /// <summary>Session proposals only: kind, track, length and notes for organisers.</summary>
    public SessionPlan? Session { get; private set; }
    /// <summary>Session proposals only: the people presenting with the proposer.</summary>
    public List<CoSpeaker> CoSpeakers { get; private set; } = [];

    private Proposal() { }

    public static Proposal Start(Call call, string proposerId, string title, string? text, DateTimeOffset now, string? accessCode = null)
    {
        call.EnsureAcceptsChanges(now, accessCode);
        var proposal = new Proposal { CallId = call.Id, ProposerId = proposerId, Status = ProposalStatus.Draft, CreatedAt = now };
        if (call.Kind == CallKind.Workshops)
            proposal.Workshop = WorkshopPlan.From(new WorkshopPlanDetails(null, null, null, null, null, call.TimeZoneId, default, null, null, null, []));
        else
            proposal.Session = SessionPlan.Empty();
        proposal.SetText(title, text, now);
        return proposal;
    }

    /// <summary>The history's first entry: created as a draft, by its author.</summary>
    public StatusChange Created() => StatusChange.Record(nameof(Proposal), Id, "", nameof(ProposalStatus.Draft), ProposerId, CreatedAt);

    /// <summary>The proposer changes what they wrote: a draft or a submitted proposal, while the call takes changes.</summary>
    public void Edit(Call call, ProposalContent content, DateTimeOffset now, string? accessCode = null)
    {
        if (call.Id != CallId) throw new ArgumentException("That is another call.", nameof(call));
        if (!ProposalStatuses.IsEditable(Status)) throw new DomainException(Tr.T("A {0} proposal can no longer be changed.", Label(Status)));
        call.EnsureAcceptsChanges(now, accessCode);
        // Everything is checked before anything changes, so a refused edit leaves the proposal as it was.
        var plan = call.Kind == CallKind.Workshops && content.Workshop is { } details ? WorkshopPlan.From(details) : null;
        var session = call.Kind == CallKind.Sessions && content.Session is { } sessionDetails ? SessionPlan.From(sessionDetails, call, Session?.RemindedAt) : null;
        foreach (var question in call.Questions)
            if (content.Answers.GetValueOrDefault(question.Id)?.Trim().Length > MaxAnswer)
                throw new DomainException(Tr.T("An answer can be at most {0:N0} characters.", MaxAnswer), question.Id.ToString());
        if (Status == ProposalStatus.Submitted)
        {
            // Reviewers are reading it: a submitted proposal stays complete.
            var emptied = call.Questions.FirstOrDefault(q => q.Required && string.IsNullOrWhiteSpace(content.Answers.GetValueOrDefault(q.Id)));
            if (emptied is not null) throw new DomainException(Tr.T("“{0}” needs an answer in a submitted proposal.", emptied.Text), emptied.Id.ToString());
            if (call.Kind == CallKind.Workshops) (plan ?? Workshop)?.EnsureComplete(submitted: true);
            if (call.Kind == CallKind.Sessions) (session ?? Session)?.EnsureComplete(call, submitted: true);
        }
        SetText(content.Title, content.Text, now);
        if (plan is not null) Workshop = plan;
        if (session is not null)
        {
            Session = session;
            SyncCoSpeakers(content.Session!.CoSpeakers);
        }
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
            throw new DomainException(Tr.T("A {0} proposal cannot become {1}.", Label(Status), Label(next)));
        if (next == ProposalStatus.Submitted)
            EnsureSubmittable(call ?? throw new ArgumentNullException(nameof(call), "Submitting is checked against the call."), at, accessCode);
        if (next == ProposalStatus.Confirmed && Session is null)
            throw new DomainException(Tr.T("Only a session is confirmed by its speaker; a workshop proposal stays accepted."));
        if ((next, Decision) is (ProposalStatus.Accepted, not StagedDecision.Accept) or (ProposalStatus.Rejected, not StagedDecision.Reject))
            throw new DomainException(Tr.T("Stage the decision first; it takes effect when decisions are released."));
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
        // Every gap at once: each missing answer, and each missing part of the workshop or session.
        var problems = call.Questions.Where(q => q.Required && Answers.All(a => a.QuestionId != q.Id))
            .Select(q => new Problem(q.Id.ToString(), Tr.T("Answer “{0}” before submitting.", q.Text))).ToList();
        if (call.Kind == CallKind.Workshops)
        {
            if (Workshop is null) problems.Add(new(null, Tr.T("Describe the workshop you offer to host before submitting.")));
            else problems.AddRange(Workshop.Gaps());
        }
        if (call.Kind == CallKind.Sessions)
        {
            if (Session is null) problems.Add(new(null, Tr.T("Describe the session before submitting.")));
            else problems.AddRange(Session.Gaps(call));
        }
        if (problems.Count > 0) throw new DomainException(problems);
    }

    /// <summary>
    /// Kept by email, so an invitation already answered stays answered when the proposer edits the list. Someone
    /// already invited and taken off is kept as removed, so taking them off and on again sends no second email.
    /// </summary>
    private void SyncCoSpeakers(IReadOnlyList<CoSpeakerDetails> wanted)
    {
        var listed = wanted.Where(c => !string.IsNullOrWhiteSpace(c.Email)).Select((c, i) => (Name: c.Name!.Trim(), Email: c.Email!.Trim(), Position: i)).ToList();
        foreach (var gone in CoSpeakers.Where(c => listed.All(l => !string.Equals(l.Email, c.Email, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            if (gone.Status == CoSpeakerStatus.NotInvited) CoSpeakers.Remove(gone);
            else gone.Remove();
        }
        foreach (var (name, email, position) in listed)
        {
            var existing = CoSpeakers.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                CoSpeakers.Add(new CoSpeaker(Id, name, email, position));
                continue;
            }
            (existing.Name, existing.Position) = (name, position);
            if (existing.Status == CoSpeakerStatus.Removed) existing.Restore();
        }
    }

    /// <summary>The co-speakers on the list now, in the proposer's order.</summary>
    public IEnumerable<CoSpeaker> ListedCoSpeakers() => CoSpeakers.Where(c => c.Status != CoSpeakerStatus.Removed).OrderBy(c => c.Position);

    /// <summary>
    /// Invites the co-speakers not invited yet. Drafts stay private, so co-speakers hear of a proposal only once it is
    /// submitted; ones added afterwards are invited when the change is saved.
    /// </summary>
    public IReadOnlyList<CoSpeakerInvitation> InviteCoSpeakers(DateTimeOffset now)
    {
        if (Status is not (ProposalStatus.Submitted or ProposalStatus.Accepted or ProposalStatus.Confirmed)) return [];
        return CoSpeakers.Where(c => c.Status == CoSpeakerStatus.NotInvited).Select(c => new CoSpeakerInvitation(c, c.Invite(now))).ToList();
    }

    /// <summary>A co-speaker answers their invitation, found by the token of their private link.</summary>
    public CoSpeaker RespondAsCoSpeaker(string token, bool confirm, string? userId, DateTimeOffset now)
    {
        var hash = CoSpeaker.Hash(token);
        var speaker = CoSpeakers.FirstOrDefault(c => c.TokenHash == hash && c.Status != CoSpeakerStatus.Removed)
            ?? throw new DomainException(Tr.T("This invitation is no longer valid; the proposer may have removed you."));
        if (Status is ProposalStatus.Withdrawn or ProposalStatus.Rejected)
            throw new DomainException(Tr.T("This session is {0}; there is nothing left to confirm.", Label(Status)));
        speaker.Respond(confirm, userId, now);
        return speaker;
    }

    /// <summary>Notes that the speaker of an accepted session was reminded to confirm it.</summary>
    /// <summary>
    /// The proposer's account is deleted: the proposal stays with its call and its reviews (a session may be in the
    /// programme), without pointing at them, and with their name and address taken out of what it says.
    /// </summary>
    public void EraseProposer(Func<string?, string?> scrub)
    {
        ProposerId = "";
        Text = scrub(Text);
        foreach (var answer in Answers) answer.Text = scrub(answer.Text) ?? "";
    }

    /// <summary>A co-speaker's account is deleted, or their address is: the place on the list stays, without them.</summary>
    public void EraseCoSpeaker(string? userId, IReadOnlyCollection<string> normalizedEmails)
    {
        foreach (var speaker in CoSpeakers.Where(c => c.UserId is not null && c.UserId == userId || normalizedEmails.Contains(c.Email.ToUpperInvariant())))
            speaker.Erase();
    }

    public void Reminded(DateTimeOffset now)
    {
        if (Status != ProposalStatus.Accepted || Session is null) throw new DomainException(Tr.T("Only an accepted session waits for its speaker to confirm."));
        Session.RemindedAt = now;
    }

    /// <summary>Remembers the draft workshop an accepted workshop proposal became, so the proposer can be led to it.</summary>
    public void BecameWorkshop(Guid workshopId, DateTimeOffset now)
    {
        if (Status != ProposalStatus.Accepted || Workshop is null) throw new DomainException(Tr.T("Only an accepted workshop proposal becomes a workshop."));
        WorkshopId = workshopId;
        UpdatedAt = now;
    }

    /// <summary>An organiser stages a decision; nobody is told until decisions are released.</summary>
    public void Stage(StagedDecision decision, DateTimeOffset now)
    {
        if (Status != ProposalStatus.Submitted) throw new DomainException(Tr.T("Only a submitted proposal can be decided; this one is {0}.", Label(Status)));
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
            throw new DomainException(Tr.T("Give the proposal a title of at least 3 characters."), nameof(Title));
        if (title.Length > MaxTitle) throw new DomainException(Tr.T("The title can be at most {0} characters.", MaxTitle), nameof(Title));
        if (text?.Length > MaxText) throw new DomainException(Tr.T("The text can be at most {0:N0} characters.", MaxText), nameof(Text));
        Title = title.Trim();
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        UpdatedAt = now;
    }

    // The status as the sentences above say it ("a draft proposal", "this session is withdrawn").
    private static string Label(ProposalStatus status) => status.Word();
}

/// <summary>Everything the proposer writes in one save; the workshop part for the yearly call, the session part for a call for sessions.</summary>
public sealed record ProposalContent(string Title, string? Text, IReadOnlyDictionary<Guid, string?> Answers, WorkshopPlanDetails? Workshop = null,
    SessionPlanDetails? Session = null);

/// <summary>The proposer's answer to one of the call's own questions.</summary>
public sealed class ProposalAnswer
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProposalId { get; private set; }
    public Guid QuestionId { get; private set; }
    [PersonalData] public string Text { get; internal set; } = "";

    private ProposalAnswer() { }

    // Its own id, made here, is what tells EF that an answer added to a stored proposal is new rather than changed.
    internal ProposalAnswer(Guid proposalId, Guid questionId, string text) => (ProposalId, QuestionId, Text) = (proposalId, questionId, text);
}
