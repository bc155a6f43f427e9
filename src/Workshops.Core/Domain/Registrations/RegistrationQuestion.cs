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
    /// <summary>The question in the workshop's languages; written where a string is expected, it is the reader's.</summary>
    public LocalText Text { get; internal set; } = new("");
    public QuestionKind Kind { get; internal set; }
    /// <summary>The choices in the workshop's own language: what answers store, whatever language the person reads.</summary>
    public List<string> Options { get; internal set; } = [];
    /// <summary>The choices in each language, one per line, in the order of <see cref="Options"/>; null without choices.</summary>
    public LocalText? ChoiceTexts { get; internal set; }
    public bool Required { get; internal set; }
    public int Position { get; internal set; }

    private RegistrationQuestion() { }

    internal RegistrationQuestion(RegistrationQuestionDetails d, int position, string language) => Set(d, position, language);

    internal void Set(RegistrationQuestionDetails d, int position, string language)
    {
        (Kind, Options, Required, Position) = (d.Kind, d.CleanOptions(), d.Required, position);
        var others = d.Translations ?? new Dictionary<string, QuestionTranslation>();
        Text = LocalText.Of(language, [new(language, d.Text.Trim()), .. others.Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Text))]);
        ChoiceTexts = Options.Count == 0 ? null : LocalText.Of(language,
            [new(language, string.Join('\n', Options)), .. others.Select(t => new KeyValuePair<string, string?>(t.Key, string.Join('\n', QuestionTranslation.Lines(t.Value.Choices))))]);
    }

    /// <summary>A stored choice as the reader's language says it: the same line of their language's choices.</summary>
    public string Label(string option)
    {
        var index = Options.IndexOf(option);
        if (index < 0 || ChoiceTexts is null) return option;
        var lines = ChoiceTexts.ToString().Split('\n');
        return lines.Length == Options.Count ? lines[index] : option;
    }

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

/// <summary>A question and its choices in one more language than the workshop's own; the choices line up with the original's.</summary>
public sealed record QuestionTranslation(string? Text, string? Choices)
{
    internal static List<string> Lines(string? choices) =>
        (choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>A question as the organiser edits it; a null id adds one. Choices are one per line.</summary>
public sealed record RegistrationQuestionDetails(Guid? Id, string Text, QuestionKind Kind, string? Choices, bool Required,
    IReadOnlyDictionary<string, QuestionTranslation>? Translations = null)
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
        foreach (var (language, t) in Translations ?? new Dictionary<string, QuestionTranslation>())
        {
            if (t.Text?.Trim().Length > MaxText) throw new DomainException(Tr.T("A question can be at most {0} characters.", MaxText), "Questions");
            var lines = QuestionTranslation.Lines(t.Choices);
            // Answers are stored in the workshop's own language: each translated choice stands for the original on its line.
            if (options.Count > 0 && lines.Count > 0 && lines.Count != options.Count)
                throw new DomainException(Tr.T("Give “{0}” in {1} as many choices as in the original, in the same order.", Text.Trim(), LanguageOptions.Name(language)), "Questions");
            if (lines.Any(o => o.Length > MaxChoice))
                throw new DomainException(Tr.T("“{0}” can have at most 30 choices of up to {1} characters.", Text.Trim(), MaxChoice), "Questions");
        }
    }
}
