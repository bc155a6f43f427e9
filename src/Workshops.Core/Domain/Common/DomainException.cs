namespace Workshops.Core.Domain.Common;

/// <summary>One broken rule: the field it belongs beside (null for the form as a whole) and what to tell the person.</summary>
public sealed record Problem(string? Field, string Message);

/// <summary>
/// A rule of the domain was broken; handlers turn it into a message for the user. A rule that checks a whole form
/// reports every problem at once (<see cref="Problems"/>), so people fix them in one go rather than one per submit.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, string? field = null) : base(message) => (Field, Problems) = (field, [new Problem(field, message)]);

    public DomainException(IReadOnlyList<Problem> problems) : base(problems[0].Message) => (Field, Problems) = (problems[0].Field, problems);

    /// <summary>The first problem's field.</summary>
    public string? Field { get; }

    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>Runs each check, keeping every refusal, and throws them together if there were any.</summary>
    public static void ThrowAll(params Action[] checks) => ThrowAll((IEnumerable<Action>)checks);

    public static void ThrowAll(IEnumerable<Action> checks)
    {
        var problems = new List<Problem>();
        foreach (var check in checks)
        {
            try
            {
                check();
            }
            catch (DomainException e)
            {
                problems.AddRange(e.Problems);
            }
        }
        if (problems.Count > 0) throw new DomainException(problems);
    }
}
