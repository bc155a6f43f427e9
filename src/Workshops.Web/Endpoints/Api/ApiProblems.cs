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

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: Tr.T("Some values are not valid."));
}
