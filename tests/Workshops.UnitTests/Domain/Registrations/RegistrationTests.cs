using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.UnitTests.Domain.Registrations;

public sealed class RegistrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly Workshop Madrid = new AWorkshop
    {
        Title = "Workshop 2027, Madrid", Slug = "2027-madrid", Starts = new DateTime(2027, 3, 8, 9, 0, 0), Venue = "Real Jardín Botánico", City = "Madrid",
        Country = "España", Status = WorkshopStatus.Draft, Now = Now.AddDays(-30),
    }.Build();

    private static Guid Developers => Madrid.Tracks[0].Id;
    private static Guid Managers => Madrid.Tracks[1].Id;

    private static RegistrationSetup Setup() => RegistrationSetup.For(Madrid,
        new RegistrationSetupDetails(new DateTime(2026, 11, 1, 9, 0, 0), new DateTime(2027, 2, 1, 23, 59, 0), RegistrationMode.Approval, 40, true,
            new DateOnly(2027, 2, 10), "We keep your data for the workshop only."),
        [
            new RegistrationQuestionDetails(null, "Dietary needs", QuestionKind.ShortText, null, false),
            new RegistrationQuestionDetails(null, "Which modules do you run?", QuestionKind.MultipleChoice, "Biocache\nSpatial portal\nCollectory", true),
            new RegistrationQuestionDetails(null, "Do you need a visa letter?", QuestionKind.YesNo, null, true),
        ],
        Now.AddDays(-30));

    private static RegistrationDetails Ana(Guid? track = null, bool privacy = true) =>
        new("Ana Souza", "ana@example.org", "SiB Colombia", "Colombia", "Developer", track ?? Developers, privacy, true);

    private static Dictionary<Guid, IReadOnlyList<string>> Answers(RegistrationSetup s, params string[] modules) => new()
    {
        [s.Questions[1].Id] = modules,
        [s.Questions[2].Id] = ["no"],
    };

    [Fact]
    public void A_registration_awaits_a_decision_with_its_answers()
    {
        var setup = Setup();
        var registration = Registration.Submit(setup, Madrid, "ana-id", Ana(), Answers(setup, "Collectory", "Biocache"), Now);

        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Equal("ANA@EXAMPLE.ORG", registration.NormalizedEmail);
        Assert.Equal("Biocache\nCollectory", registration.Answers.Single(a => a.QuestionId == setup.Questions[1].Id).Value); // the organiser's order
    }

    [Theory]
    [InlineData("privacy")]
    [InlineData("unknown-choice")]
    [InlineData("missing-required")]
    [InlineData("foreign-track")]
    public void Bad_input_is_refused_naming_the_field(string mistake)
    {
        var setup = Setup();
        var answers = mistake switch
        {
            "unknown-choice" => Answers(setup, "Biocache", "Drupal"),
            "missing-required" => new Dictionary<Guid, IReadOnlyList<string>> { [setup.Questions[2].Id] = ["yes"] },
            _ => Answers(setup, "Biocache"),
        };
        var details = mistake switch
        {
            "privacy" => Ana(privacy: false),
            "foreign-track" => Ana(track: Guid.NewGuid()),
            _ => Ana(),
        };
        var e = Assert.Throws<DomainException>(() => Registration.Submit(setup, Madrid, "ana-id", details, answers, Now));
        var expected = mistake switch
        {
            "privacy" => "AcceptsPrivacy",
            "foreign-track" => "TrackId",
            _ => setup.Questions[1].Id.ToString(),
        };
        Assert.Equal(expected, e.Field);
    }

    [Fact]
    public void Outside_the_window_registering_is_refused_with_the_closing_time_in_the_workshops_zone()
    {
        var setup = Setup();
        var e = Assert.Throws<DomainException>(() => Registration.Submit(setup, Madrid, "ana-id", Ana(), Answers(setup, "Biocache"), setup.ClosesAt));
        Assert.Contains("closed on 1 February 2027, 23:59 (Europe/Madrid time, UTC+01:00)", e.Message);
    }

    [Fact]
    public void An_admitted_participant_keeps_their_track_and_a_cancelled_one_cannot_edit()
    {
        var setup = Setup();
        var registration = Registration.Submit(setup, Madrid, "ana-id", Ana(), Answers(setup, "Biocache"), Now);
        registration.MoveTo(RegistrationStatus.Admitted, "organiser", Now);

        var e = Assert.Throws<DomainException>(() => registration.Edit(setup, Madrid, Ana(track: Managers), Answers(setup, "Biocache"), Now));
        Assert.Equal("TrackId", e.Field);
        registration.Edit(setup, Madrid, Ana() with { Institution = "Instituto Humboldt" }, Answers(setup, "Biocache"), Now);
        Assert.Equal("Instituto Humboldt", registration.Institution);

        registration.MoveTo(RegistrationStatus.Cancelled, "ana-id", Now);
        Assert.Throws<DomainException>(() => registration.Edit(setup, Madrid, Ana(), Answers(setup, "Biocache"), Now));
        Assert.Throws<DomainException>(() => registration.MoveTo(RegistrationStatus.Admitted, "organiser", Now));
    }

    [Fact]
    public void Joining_the_waiting_list_stamps_the_place_in_line_and_only_seat_holders_hold_seats()
    {
        var setup = Setup();
        var registration = Registration.Submit(setup, Madrid, "ana-id", Ana(), Answers(setup, "Biocache"), Now);
        var change = registration.MoveTo(RegistrationStatus.Waitlisted, "organiser", Now.AddHours(1));

        Assert.Equal(Now.AddHours(1), registration.WaitlistedAt);
        Assert.Equal(("Submitted", "Waitlisted", "organiser"), (change.From, change.To, change.ByUserId));
        Assert.False(RegistrationStatuses.HoldsSeat(RegistrationStatus.Waitlisted));
        Assert.True(RegistrationStatuses.HoldsSeat(RegistrationStatus.CheckedIn));
    }

    [Fact]
    public void A_choice_question_needs_two_choices_and_registration_closes_before_the_workshop_ends()
    {
        Assert.Throws<DomainException>(() => RegistrationSetup.For(Madrid,
            new RegistrationSetupDetails(new DateTime(2026, 11, 1), new DateTime(2027, 2, 1), RegistrationMode.FirstCome, null, false, null, null),
            [new RegistrationQuestionDetails(null, "T-shirt size", QuestionKind.SingleChoice, "M", true)], Now));
        var e = Assert.Throws<DomainException>(() => RegistrationSetup.For(Madrid,
            new RegistrationSetupDetails(new DateTime(2026, 11, 1), new DateTime(2027, 4, 1), RegistrationMode.FirstCome, null, false, null, null), [], Now));
        Assert.Equal("ClosesLocal", e.Field);
    }

    [Fact]
    public void A_staged_decision_waits_for_release_and_clears_when_the_status_moves()
    {
        var setup = Setup();
        var registration = Registration.Submit(setup, Madrid, "ana-id", Ana(), Answers(setup, "Biocache"), Now);
        registration.Stage(StagedAdmission.Admit, Now);
        Assert.Equal((RegistrationStatus.Submitted, StagedAdmission.Admit), (registration.Status, registration.Staged));

        registration.MoveTo(RegistrationStatus.Admitted, "organiser", Now);
        Assert.Equal(StagedAdmission.None, registration.Staged);
        var e = Assert.Throws<DomainException>(() => registration.Stage(StagedAdmission.Waitlist, Now));
        Assert.Contains("cannot become waitlisted", e.Message);
    }

    [Fact]
    public void An_approved_letter_needs_approving_again_when_what_it_prints_changes()
    {
        var setup = Setup();
        var r = Registration.Submit(setup, Madrid, "u1", Ana() with { WantsLetter = true, PassportNationality = "Colombian" }, Answers(setup, "Biocache"), Now);
        Assert.Throws<DomainException>(() => r.DecideLetter(true, "organiser", Now)); // no seat yet
        r.MoveTo(RegistrationStatus.Admitted, "organiser", Now);
        r.DecideLetter(true, "organiser", Now);
        Assert.True(r.LetterAvailable);

        // Answers the letter does not print leave the approval alone.
        r.Edit(setup, Madrid, Ana() with { WantsLetter = true, PassportNationality = "Colombian", Role = "Node manager" }, Answers(setup, "Collectory"), Now);
        Assert.True(r.LetterAvailable);

        foreach (var changed in new[]
        {
            Ana() with { WantsLetter = true, PassportNationality = "Colombian", Name = "Someone Else" },
            Ana() with { WantsLetter = true, PassportNationality = "Peruvian" },
            Ana() with { WantsLetter = true, PassportNationality = "Colombian", Institution = "Another institute" },
            Ana() with { WantsLetter = false, PassportNationality = "Colombian" },
        })
        {
            r.Edit(setup, Madrid, Ana() with { WantsLetter = true, PassportNationality = "Colombian" }, Answers(setup, "Biocache"), Now);
            r.DecideLetter(true, "organiser", Now);
            r.Edit(setup, Madrid, changed, Answers(setup, "Biocache"), Now);
            Assert.False(r.LetterAvailable, $"still approved after changing to {changed}");
            Assert.Null(r.LetterApprovedAt);
        }
    }
}
