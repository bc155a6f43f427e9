using Workshops.Core.Privacy;
using Microsoft.AspNetCore.Identity;
using Workshops.Core.Time;
using System.Net.Mail;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Registrations;

/// <summary>
/// One person's registration for a workshop, in one track. Registering is not being admitted: the status says where
/// it stands, and only <see cref="MoveTo"/> changes it. Seats are counted apart (see the seat ledger), in the same
/// transaction as the move.
/// </summary>
public sealed class Registration
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid WorkshopId { get; private set; }
    public Guid? TrackId { get; private set; }
    /// <summary>The account that registered.</summary>
    [PersonalData] public string UserId { get; private set; } = "";
    [PersonalData] public string Name { get; private set; } = "";
    [PersonalData] public string Email { get; private set; } = "";
    /// <summary>Upper-case email, unique per workshop: one registration per person.</summary>
    [PersonalData] public string NormalizedEmail { get; private set; } = "";

    /// <summary>How an email address is compared: one person, one live registration per workshop.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();
    [PersonalData] public string Institution { get; private set; } = "";
    [PersonalData] public string Country { get; private set; } = "";
    [PersonalData] public string? Role { get; private set; }
    [PersonalData] public bool ListPublicly { get; private set; }
    /// <summary>Agreed that photos of them taken at the workshop may be published; organisers see it at check-in.</summary>
    [PersonalData] public bool PhotosAllowed { get; private set; }
    /// <summary>Asked for an invitation letter, for a visa; an organiser approves each one before it can be downloaded.</summary>
    [PersonalData] public bool WantsLetter { get; private set; }
    /// <summary>Nationality as in the passport, printed in the letter when given.</summary>
    [PersonalData] public string? PassportNationality { get; private set; }
    public DateTimeOffset? LetterApprovedAt { get; private set; }
    [ActedBy] public string? LetterApprovedById { get; private set; }
    public DateTimeOffset PrivacyAcceptedAt { get; private set; }
    /// <summary>The language the person registered in ("es"): the registration's emails, pack and badge are written in it.</summary>
    public string Language { get; private set; } = "en";
    public RegistrationStatus Status { get; private set; }
    /// <summary>Where the participant stands on the waiting list: the time they joined it.</summary>
    public DateTimeOffset? WaitlistedAt { get; private set; }
    [PersonalData] public DateTimeOffset? CheckedInAt { get; private set; }
    /// <summary>What an organiser has staged; nothing changes, and nobody is told, until decisions are released.</summary>
    public StagedAdmission Staged { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<RegistrationAnswer> Answers { get; private set; } = [];
    /// <summary>When the person's account was deleted and this registration kept without them, for the counts.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    private static string ErasedRefusal => Tr.T("This participant deleted their account; the registration stays only for the counts.");

    /// <summary>The person withdraws a consent given on the form: off the participant list, or no photos.</summary>
    public void Withdraw(Privacy.ConsentKind kind, DateTimeOffset now)
    {
        if (kind == Privacy.ConsentKind.ParticipantList) ListPublicly = false;
        else if (kind == Privacy.ConsentKind.Photos) PhotosAllowed = false;
        else return;
        UpdatedAt = now;
    }

    /// <summary>Organisers, or the retention job, erase the answers; the questions and the registration stay.</summary>
    public int ForgetAnswers(DateTimeOffset now)
    {
        var count = Answers.Count;
        Answers.Clear();
        if (count > 0) UpdatedAt = now;
        return count;
    }

    /// <summary>The nationality and the letter request go: a letter can no longer be printed from this registration.</summary>
    public bool ForgetNationality(DateTimeOffset now)
    {
        if (PassportNationality is null && !WantsLetter) return false;
        (PassportNationality, WantsLetter, LetterApprovedAt, LetterApprovedById, UpdatedAt) = (null, false, null, null, now);
        return true;
    }

    /// <summary>When they came goes; that they came stays (the status), so attendance counts stay true.</summary>
    public bool ForgetCheckInTime(DateTimeOffset now)
    {
        if (CheckedInAt is null) return false;
        (CheckedInAt, UpdatedAt) = (null, now);
        return true;
    }

    /// <summary>
    /// The person is removed and the registration stays for the workshop's statistics: its status, track, country,
    /// language and check-in say nothing about who it was.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        UserId = "";
        Name = Erasure.Label;
        Email = Erasure.Address(Id);
        NormalizedEmail = NormalizeEmail(Email);
        Institution = "";
        Role = null;
        PassportNationality = null;
        WantsLetter = false;
        ListPublicly = false;
        PhotosAllowed = false;
        LetterApprovedAt = null;
        LetterApprovedById = null;
        Answers.Clear();
        ErasedAt = now;
        UpdatedAt = now;
    }

    private Registration() { }

    /// <summary>A new registration, awaiting a decision.</summary>
    public static Registration Submit(RegistrationSetup setup, Workshop workshop, string userId,
        RegistrationDetails details, IReadOnlyDictionary<Guid, IReadOnlyList<string>> answers, DateTimeOffset now, string language = "en")
    {
        if (setup.WorkshopId != workshop.Id) throw new ArgumentException("That is another workshop's registration.", nameof(setup));
        setup.EnsureOpen(now);
        var registration = new Registration
        {
            WorkshopId = workshop.Id,
            UserId = userId,
            Status = RegistrationStatus.Submitted,
            PrivacyAcceptedAt = now,
            CreatedAt = now,
            Language = language,
        };
        // The privacy notice with every other problem of the form, all shown at once.
        DomainException.ThrowAll(
            () => { if (!details.AcceptsPrivacy) throw new DomainException(Tr.T("Accept the privacy notice to register."), nameof(details.AcceptsPrivacy)); },
            () => registration.Set(setup, workshop, details, answers, now, trackMayChange: true));
        return registration;
    }

    /// <summary>The history's first entry: registered, by the participant.</summary>
    public StatusChange Created() => StatusChange.Record(nameof(Registration), Id, "", nameof(RegistrationStatus.Submitted), UserId, CreatedAt);

    /// <summary>The participant changes their answers while registration is open.</summary>
    public void Edit(RegistrationSetup setup, Workshop workshop, RegistrationDetails details, IReadOnlyDictionary<Guid, IReadOnlyList<string>> answers,
        DateTimeOffset now)
    {
        if (!RegistrationStatuses.IsEditable(Status)) throw new DomainException(Tr.T("A {0} registration can no longer be changed.", Status.Label()));
        if (IsErased) throw new DomainException(ErasedRefusal);
        setup.EnsureOpen(now);
        // An admitted participant holds a seat in their track; moving it is the organisers' call.
        Set(setup, workshop, details, answers, now, trackMayChange: !RegistrationStatuses.HoldsSeat(Status));
    }

    /// <summary>
    /// The one way a registration changes status. The caller takes or gives back the seat in the same transaction
    /// (see <see cref="RegistrationStatuses.HoldsSeat"/>), stores the returned entry and queues the email.
    /// </summary>
    public StatusChange MoveTo(RegistrationStatus next, string? byUserId, DateTimeOffset at)
    {
        // Kept for the counts only: nobody is there to admit, and a seat would go to no one. Letting go of a seat or a
        // place on the waiting list is still allowed, so an erased registration never holds one for good.
        if (IsErased && next is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined))
            throw new DomainException(ErasedRefusal);
        if (!RegistrationStatuses.CanMove(Status, next))
            throw new DomainException(Tr.T("A registration {0} cannot become {1}.", Status.Label(), next.Label()));
        var change = StatusChange.Record(nameof(Registration), Id, Status.ToString(), next.ToString(), byUserId, at);
        if (next == RegistrationStatus.Waitlisted) WaitlistedAt = at;
        if (next == RegistrationStatus.CheckedIn) CheckedInAt = at;
        Staged = StagedAdmission.None;
        Status = next;
        UpdatedAt = at;
        return change;
    }

    /// <summary>An organiser approves (or withdraws approval of) the invitation letter this participant asked for.</summary>
    public void DecideLetter(bool approve, string byUserId, DateTimeOffset now)
    {
        if (approve && !WantsLetter) throw new DomainException(Tr.T("{0} did not ask for an invitation letter.", Name));
        if (approve && !RegistrationStatuses.HoldsSeat(Status)) throw new DomainException(Tr.T("{0} has no seat, so no letter can invite them.", Name));
        LetterApprovedAt = approve ? now : null;
        LetterApprovedById = approve ? byUserId : null;
        UpdatedAt = now;
    }

    public bool LetterAvailable => WantsLetter && LetterApprovedAt is not null && RegistrationStatuses.HoldsSeat(Status);

    /// <summary>An organiser stages a decision to release later with others; refused when it could not be carried out.</summary>
    public void Stage(StagedAdmission decision, DateTimeOffset now)
    {
        if (IsErased && decision is not (StagedAdmission.None or StagedAdmission.Decline))
            throw new DomainException(ErasedRefusal);
        if (decision != StagedAdmission.None && !RegistrationStatuses.CanMove(Status, decision.Target()))
            throw new DomainException(Tr.T("A registration {0} cannot become {1}.", Status.Label(), decision.Target().Label()));
        Staged = decision;
        UpdatedAt = now;
    }

    private void Set(RegistrationSetup setup, Workshop workshop, RegistrationDetails details, IReadOnlyDictionary<Guid, IReadOnlyList<string>> answers,
        DateTimeOffset now, bool trackMayChange)
    {
        Guid? track = null;
        // Every field and every answer is checked before anything changes, so a refused edit leaves the registration
        // as it was, and every problem is reported at once.
        var checkedAnswers = new List<(Guid Id, string? Value)>();
        DomainException.ThrowAll(setup.Questions.OrderBy(q => q.Position)
            .Select(q => (Action)(() => checkedAnswers.Add((q.Id, q.Check(answers.GetValueOrDefault(q.Id) ?? [])))))
            .Prepend(() =>
            {
                if (workshop.Tracks.Count == 0) return;
                track = details.TrackId is { } id && workshop.Tracks.Any(t => t.Id == id)
                    ? id
                    : throw new DomainException(Tr.T("Choose one of the workshop's tracks."), nameof(details.TrackId));
                if (!trackMayChange && track != TrackId)
                    throw new DomainException(Tr.T("You hold a seat in your track; write to the organisers to move to another."), nameof(details.TrackId));
            })
            .Prepend(details.Validate));

        var nationality = string.IsNullOrWhiteSpace(details.PassportNationality) ? null : details.PassportNationality.Trim();
        // An approved letter prints what the organiser approved: a change to what it says needs approving again.
        var country = Countries.Find(details.Country)!;
        var letterChanges = Name != details.Name.Trim() || Institution != details.Institution.Trim() || Country != country
            || PassportNationality != nationality || !details.WantsLetter;
        TrackId = track;
        Name = details.Name.Trim();
        Email = details.Email.Trim();
        NormalizedEmail = NormalizeEmail(Email);
        Institution = details.Institution.Trim();
        Country = country;
        Role = string.IsNullOrWhiteSpace(details.Role) ? null : details.Role.Trim();
        ListPublicly = details.ListPublicly;
        PhotosAllowed = details.PhotosAllowed;
        PassportNationality = nationality;
        if (letterChanges)
        {
            LetterApprovedAt = null;
            LetterApprovedById = null;
        }
        WantsLetter = details.WantsLetter;
        foreach (var (questionId, value) in checkedAnswers)
        {
            var answer = Answers.FirstOrDefault(a => a.QuestionId == questionId);
            if (value is null) Answers.RemoveAll(a => a.QuestionId == questionId);
            else if (answer is null) Answers.Add(new RegistrationAnswer(Id, questionId, value));
            else answer.Value = value;
        }
        UpdatedAt = now;
    }
}

/// <summary>The fixed fields of the registration form as the participant typed them.</summary>
public sealed record RegistrationDetails(string Name, string Email, string Institution, string Country, string? Role, Guid? TrackId,
    bool AcceptsPrivacy, bool ListPublicly, bool WantsLetter = false, string? PassportNationality = null, bool PhotosAllowed = false)
{
    // Each limit once: the form's validation, the columns and the messages read them from here.
    public const int MaxName = 200;
    public const int MaxEmail = 254;
    public const int MaxInstitution = 200;
    public const int MaxCountry = 100;
    public const int MaxRole = 100;
    public const int MaxNationality = 100;

    internal void Validate() => DomainException.ThrowAll(
        () => { if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxName) throw new DomainException(Tr.T("Give your name (at most {0} characters).", MaxName), nameof(Name)); },
        () =>
        {
            var email = Email?.Trim() ?? "";
            if (email.Length is 0 or > MaxEmail || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
                throw new DomainException(Tr.T("Give a valid email address; your confirmation goes there."), nameof(Email));
        },
        () =>
        {
            if (string.IsNullOrWhiteSpace(Institution) || Institution.Trim().Length > MaxInstitution)
                throw new DomainException(Tr.T("Give your institution (at most {0} characters).", MaxInstitution), nameof(Institution));
        },
        () => { if (Countries.Find(Country) is null) throw new DomainException(Tr.T("Choose your country from the list."), nameof(Country)); },
        () => { if (Role?.Trim().Length > MaxRole) throw new DomainException(Tr.T("Your role can be at most {0} characters.", MaxRole), nameof(Role)); },
        () =>
        {
            if (WantsLetter && string.IsNullOrWhiteSpace(PassportNationality))
                throw new DomainException(Tr.T("Give the nationality on your passport: the invitation letter names it."), nameof(PassportNationality));
            if (PassportNationality?.Trim().Length > MaxNationality)
                throw new DomainException(Tr.T("Your nationality can be at most {0} characters.", MaxNationality), nameof(PassportNationality));
        });

    /// <summary>What approval mode means for a registrant, said the same on the form and in the receipt.</summary>
    public static string ApprovalNotice(DateOnly? decisionBy) => decisionBy is { } by
        ? Tr.T("Registering is not yet a seat: the organisers admit participants up to each track's seats and will tell you by {0}.", Formats.Date(by))
        : Tr.T("Registering is not yet a seat: the organisers admit participants up to each track's seats and will tell you by email.");
}

/// <summary>The participant's answer to one of the organiser's questions; several choices are one per line.</summary>
public sealed class RegistrationAnswer
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid RegistrationId { get; private set; }
    public Guid QuestionId { get; private set; }
    [PersonalData] public string Value { get; internal set; } = "";

    private RegistrationAnswer() { }

    internal RegistrationAnswer(Guid registrationId, Guid questionId, string value) => (RegistrationId, QuestionId, Value) = (registrationId, questionId, value);
}
