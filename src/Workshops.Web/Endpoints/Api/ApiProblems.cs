using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Workshops.Web.Endpoints.Api;

/// <summary>RFC 9457 problem documents, worded in the reader's language.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: Tr.T("Not found"));

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: Tr.T("Changed meanwhile"));

    /// <summary>A write service's refusal, with the field it names and the status the page would answer with.</summary>
    public static ProblemHttpResult Refused(EditResult result)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = result.RefusedStatus,
            Title = result.Stale ? Tr.T("Changed meanwhile") : Tr.T("Refused"),
            Detail = result.Error,
        };
        var errors = (result.Problems.Count > 0 ? result.Problems : [new(result.Field, result.Error!)])
            .GroupBy(p => p.Field ?? "").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }

    /// <summary>A form's own rules (its data annotations), checked as a page checks them before its desk sees the form; null when it passes.</summary>
    public static ValidationProblem? Check(object form)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        foreach (var property in form.GetType().GetProperties())
        {
            var value = property.GetValue(form);
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
                if (rule.GetValidationResult(value, new ValidationContext(form) { MemberName = property.Name, DisplayName = property.Name }) is not null)
                    Add(Camel(property.Name), Message(rule, property.Name));
        }
        if (form is IValidatableObject whole)
            foreach (var result in whole.Validate(new ValidationContext(form)))
                foreach (var member in result.MemberNames.DefaultIfEmpty("")) Add(Camel(member), result.ErrorMessage ?? "");
        return errors.Count == 0 ? null
            : TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: Tr.T("Some values are not valid."));
    }

    /// <summary>
    /// The rule's message in the reader's language: the English template is the translation's key, filled with the
    /// rule's own values as DataAnnotations fills them ({1} is a length's maximum, a range's minimum), so a limit
    /// reads "at most 200 characters" in every language, not in English only.
    /// </summary>
    private static string Message(ValidationAttribute rule, string name) => string.IsNullOrEmpty(rule.ErrorMessage)
        ? rule.FormatErrorMessage(name)
        : Tr.T(rule.ErrorMessage, rule switch
        {
            StringLengthAttribute length => [name, length.MaximumLength, length.MinimumLength],
            RangeAttribute range => [name, range.Minimum, range.Maximum],
            MaxLengthAttribute max => [name, max.Length],
            MinLengthAttribute min => [name, min.Length],
            _ => [name],
        });

    /// <summary>A form's field as the API's JSON names it ("DurationMinutes" is "durationMinutes").</summary>
    public static string Camel(string? field) => string.IsNullOrEmpty(field) ? "" : char.ToLowerInvariant(field[0]) + field[1..];

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: Tr.T("Some values are not valid."));
}
