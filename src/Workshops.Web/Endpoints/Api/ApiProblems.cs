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
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (System.ComponentModel.DataAnnotations.Validator.TryValidateObject(form, new(form), problems, validateAllProperties: true)) return null;
        return TypedResults.ValidationProblem(problems.SelectMany(p => p.MemberNames.DefaultIfEmpty("").Select(m => (Field: Camel(m), Message: Tr.T(p.ErrorMessage ?? ""))))
            .GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()), title: Tr.T("Some values are not valid."));
    }

    /// <summary>A form's field as the API's JSON names it ("DurationMinutes" is "durationMinutes").</summary>
    public static string Camel(string? field) => string.IsNullOrEmpty(field) ? "" : char.ToLowerInvariant(field[0]) + field[1..];

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: Tr.T("Some values are not valid."));
}
