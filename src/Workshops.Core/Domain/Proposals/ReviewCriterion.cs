using Workshops.Core.Privacy;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;
namespace Workshops.Core.Domain.Proposals;

/// <summary>Something reviewers score from 1 to 5, counted with its weight in the ranking.</summary>
public sealed class ReviewCriterion
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CallId { get; private set; }
    [NotPersonal("a review criterion's name")] public string Name { get; internal set; } = "";
    /// <summary>What reviewers look for under this criterion, shown beside its scores.</summary>
    public string? Description { get; internal set; }
    public int Weight { get; internal set; }
    public int Position { get; internal set; }

    private ReviewCriterion() { }

    internal ReviewCriterion(string name, string? description, int weight, int position) =>
        (Name, Description, Weight, Position) = (name, description, weight, position);
}

/// <summary>A question of the call that proposers answer beyond the fixed fields.</summary>
public sealed class CallQuestion
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CallId { get; private set; }
    /// <summary>The question in the call's languages; written where a string is expected, it is the reader's.</summary>
    public LocalText Text { get; internal set; } = new("");
    public bool Required { get; internal set; }
    public int Position { get; internal set; }

    private CallQuestion() { }

    internal CallQuestion(LocalText text, bool required, int position) => (Text, Required, Position) = (text, required, position);
}

/// <summary>A criterion as the organiser edits it; a null id adds one.</summary>
public sealed record CriterionDetails(Guid? Id, string Name, int Weight, string? Description = null)
{
    public const int MaxName = 100;
    public const int MaxDescription = 500;

    /// <summary>Throws unless the criteria (blank rows already left out) can be scored: one at least, weights 1 to 10, names unique.</summary>
    public static void Validate(IReadOnlyList<CriterionDetails> criterionList)
    {
        if (criterionList.Count == 0) throw new DomainException(Tr.T("Give reviewers at least one criterion to score."), "Criteria");
        if (criterionList.Any(c => c.Weight is < 1 or > 10)) throw new DomainException(Tr.T("Each criterion weighs from 1 to 10."), "Criteria");
        if (criterionList.Any(c => c.Name.Length > CriterionDetails.MaxName))
            throw new DomainException(Tr.T("A criterion name can be at most {0} characters.", CriterionDetails.MaxName), "Criteria");
        if (criterionList.Any(c => c.Description?.Trim().Length > CriterionDetails.MaxDescription))
            throw new DomainException(Tr.T("A criterion's description can be at most {0} characters.", CriterionDetails.MaxDescription), "Criteria");
        if (criterionList.Select(c => c.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != criterionList.Count)
            throw new DomainException(Tr.T("Two criteria have the same name."), "Criteria");
    }
}

/// <summary>A question as the organiser edits it; a null id adds one.</summary>
public sealed record QuestionDetails(Guid? Id, string Text, bool Required, IReadOnlyDictionary<string, string?>? Translations = null)
{
    public const int MaxText = 1000;

    /// <summary>The question in every language given, <paramref name="language"/> first.</summary>
    public LocalText Texts(string language) => LocalText.Of(language,
        [new(language, Text.Trim()), .. (Translations ?? new Dictionary<string, string?>()).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value))]);
}
