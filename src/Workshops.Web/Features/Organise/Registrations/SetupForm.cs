using System.ComponentModel.DataAnnotations;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Time;

namespace Workshops.Web.Features.Organise.Registrations;

/// <summary>The registration settings of a workshop as posted; the window is wall-clock time in the workshop's zone.</summary>
public sealed class SetupForm
{
    /// <summary>The settings' version when the form was drawn (see Versions); empty before there are any.</summary>
    public long? Version { get; set; }

    [Required(ErrorMessage = "Enter when registration opens.")]
    public DateTime? OpensLocal { get; set; }

    [Required(ErrorMessage = "Enter when registration closes.")]
    public DateTime? ClosesLocal { get; set; }

    public RegistrationMode Mode { get; set; } = RegistrationMode.Approval;

    [Range(1, 100_000, ErrorMessage = "The total is between 1 and 100,000 seats, or left empty.")]
    public int? TotalSeats { get; set; }

    public bool AutoPromote { get; set; } = true;
    public DateOnly? DecisionBy { get; set; }

    [StringLength(RegistrationSetupDetails.MaxPrivacyNotice, ErrorMessage = "The privacy notice can be at most {1:N0} characters.")]
    public string? PrivacyNotice { get; set; }

    [StringLength(RegistrationSetupDetails.MaxController, ErrorMessage = "The controller can be at most {1} characters.")]
    public string? Controller { get; set; }

    public List<SetupQuestionForm> Questions { get; set; } = [];

    /// <summary>The notice and the questions in the site's other languages, by language code; questions by their row.</summary>
    public Dictionary<string, SetupTranslationForm> Translations { get; set; } = [];

    public RegistrationSetupDetails ToDetails() => new(OpensLocal ?? default, ClosesLocal ?? default, Mode, TotalSeats, AutoPromote, DecisionBy, PrivacyNotice,
        Translations.ToDictionary(t => t.Key, t => t.Value.PrivacyNotice), Controller);

    public IEnumerable<RegistrationQuestionDetails> ToQuestions() => Questions
        .Select((q, row) => (q, row))
        .Where(x => !x.q.Remove && !string.IsNullOrWhiteSpace(x.q.Text))
        .Select(x => new RegistrationQuestionDetails(x.q.Id, x.q.Text!, x.q.Kind, x.q.Choices, x.q.Required,
            Translations.ToDictionary(t => t.Key, t => t.Value.Questions.ElementAtOrDefault(x.row) is { } tq ? new QuestionTranslation(tq.Text, tq.Choices) : new QuestionTranslation(null, null))));

    public static SetupForm From(RegistrationSetup s) => new()
    {
        Version = Workshops.Core.Data.Versions.Of(s.UpdatedAt),
        OpensLocal = WorkshopTime.ToLocal(s.OpensAt, WorkshopTime.Zone(s.TimeZoneId)).DateTime,
        ClosesLocal = WorkshopTime.ToLocal(s.ClosesAt, WorkshopTime.Zone(s.TimeZoneId)).DateTime,
        Mode = s.Mode,
        TotalSeats = s.TotalSeats,
        AutoPromote = s.AutoPromote,
        DecisionBy = s.DecisionBy,
        PrivacyNotice = s.PrivacyNotice?.Default,
        Controller = s.Controller,
        Questions = s.Questions.OrderBy(q => q.Position).Select(q => new SetupQuestionForm
        {
            Id = q.Id, Text = q.Text.Default, Kind = q.Kind, Choices = string.Join('\n', q.Options), Required = q.Required,
        }).ToList(),
        Translations = s.Questions.SelectMany(q => q.Text.Languages).Concat(s.PrivacyNotice?.Languages ?? [])
            .Where(l => l != (s.PrivacyNotice?.DefaultLanguage ?? s.Questions.FirstOrDefault()?.Text.DefaultLanguage)).Distinct()
            .ToDictionary(l => l, l => new SetupTranslationForm
            {
                PrivacyNotice = s.PrivacyNotice?.Exactly(l),
                Questions = s.Questions.OrderBy(q => q.Position).Select(q => new SetupQuestionTranslationForm { Text = q.Text.Exactly(l), Choices = q.ChoiceTexts?.Exactly(l) }).ToList(),
            }),
    };

    /// <summary>A first setup: open from today until two weeks before the workshop, in approval mode, with the usual privacy notice.</summary>
    public static SetupForm For(Workshop w, DateTimeOffset now)
    {
        var today = WorkshopTime.ToLocal(now, WorkshopTime.Zone(w.TimeZoneId)).Date;
        var closes = w.StartsLocal.Date.AddDays(-14);
        return new()
        {
            OpensLocal = today.AddHours(9),
            ClosesLocal = (closes > today ? closes : w.StartsLocal.Date).AddHours(23).AddMinutes(59),
            PrivacyNotice = Tr.T("We keep your registration to run the workshop: to admit you, to email you about it and to print your badge. We delete it a year after the workshop. Only the organisers see it."),
            Questions = [new() { Text = Tr.T("Dietary needs"), Kind = QuestionKind.ShortText }],
        };
    }

    public SetupForm WithSpareRows(int spare = 2)
    {
        for (var i = 0; i < spare; i++) Questions.Add(new SetupQuestionForm());
        return this;
    }
}

/// <summary>The privacy notice and the questions in one more language; questions line up with the rows above.</summary>
public sealed class SetupTranslationForm
{
    [StringLength(RegistrationSetupDetails.MaxPrivacyNotice, ErrorMessage = "The privacy notice can be at most {1:N0} characters.")]
    public string? PrivacyNotice { get; set; }

    public List<SetupQuestionTranslationForm> Questions { get; set; } = [];
}

public sealed class SetupQuestionTranslationForm
{
    [StringLength(RegistrationQuestionDetails.MaxText, ErrorMessage = "A question can be at most {1} characters.")]
    public string? Text { get; set; }

    [StringLength(SetupQuestionForm.MaxChoices, ErrorMessage = "The choices can be at most {1:N0} characters.")]
    public string? Choices { get; set; }
}

public sealed class SetupQuestionForm
{
    /// <summary>All the choices as typed, one per line; the question checks each one (see RegistrationQuestionDetails).</summary>
    public const int MaxChoices = 6000;

    public Guid? Id { get; set; }

    [StringLength(RegistrationQuestionDetails.MaxText, ErrorMessage = "A question can be at most {1} characters.")]
    public string? Text { get; set; }

    public QuestionKind Kind { get; set; }

    [StringLength(MaxChoices, ErrorMessage = "The choices can be at most {1:N0} characters.")]
    public string? Choices { get; set; }

    public bool Required { get; set; }
    public bool Remove { get; set; }
}
