using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Registrations;

public enum QuestionKind
{
    ShortText,
    LongText,
    SingleChoice,
    MultipleChoice,
    YesNo,
}

/// <summary>One of the organiser's own questions on the registration form, in their order.</summary>
public sealed class RegistrationQuestion
{
    public const int MaxShortAnswer = 200;
    public const int MaxLongAnswer = 5000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid WorkshopId { get; private set; }
    public string Text { get; internal set; } = "";
    public QuestionKind Kind { get; internal set; }
    public List<string> Options { get; internal set; } = [];
    public bool Required { get; internal set; }
    public int Position { get; internal set; }

    private RegistrationQuestion() { }

    internal RegistrationQuestion(RegistrationQuestionDetails d, int position) => Set(d, position);

    internal void Set(RegistrationQuestionDetails d, int position) =>
        (Text, Kind, Options, Required, Position) = (d.Text.Trim(), d.Kind, d.CleanOptions(), d.Required, position);

    /// <summary>The answer as stored (choices one per line), or throws naming this question.</summary>
    public string? Check(IReadOnlyList<string> given)
    {
        var values = given.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            if (Required) throw new DomainException(Tr.T("Answer “{0}”.", Text), Id.ToString());
            return null;
        }
        switch (Kind)
        {
            case QuestionKind.ShortText when values[0].Length > MaxShortAnswer:
                throw new DomainException(Tr.T("The answer to “{0}” can be at most {1} characters.", Text, MaxShortAnswer), Id.ToString());
            case QuestionKind.LongText when values[0].Length > MaxLongAnswer:
                throw new DomainException(Tr.T("The answer to “{0}” can be at most {1:N0} characters.", Text, MaxLongAnswer), Id.ToString());
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice when values.Any(v => !Options.Contains(v)):
                throw new DomainException(Tr.T("Choose from the answers offered to “{0}”.", Text), Id.ToString());
            case QuestionKind.SingleChoice when values.Count > 1:
                throw new DomainException(Tr.T("Choose one answer to “{0}”.", Text), Id.ToString());
            case QuestionKind.YesNo when values is not ["yes"] and not ["no"]:
                throw new DomainException(Tr.T("Answer “{0}” with yes or no.", Text), Id.ToString());
        }
        return Kind == QuestionKind.MultipleChoice ? string.Join('\n', Options.Where(values.Contains)) : values[0];
    }
}

/// <summary>A question as the organiser edits it; a null id adds one. Choices are one per line.</summary>
public sealed record RegistrationQuestionDetails(Guid? Id, string Text, QuestionKind Kind, string? Choices, bool Required)
{
    public const int MaxText = 500;
    /// <summary>The length of one choice.</summary>
    public const int MaxChoice = 200;

    internal List<string> CleanOptions() => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice
        ? (Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList()
        : [];

    internal void Validate()
    {
        if (Text.Trim().Length > MaxText) throw new DomainException(Tr.T("A question can be at most {0} characters.", MaxText), "Questions");
        var options = CleanOptions();
        if (Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && options.Count < 2)
            throw new DomainException(Tr.T("Give “{0}” at least two choices, one per line.", Text.Trim()), "Questions");
        if (options.Count > 30 || options.Any(o => o.Length > MaxChoice))
            throw new DomainException(Tr.T("“{0}” can have at most 30 choices of up to {1} characters.", Text.Trim(), MaxChoice), "Questions");
    }
}
