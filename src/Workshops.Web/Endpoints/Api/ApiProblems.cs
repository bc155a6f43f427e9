namespace Workshops.Web.Endpoints.Api;

/// <summary>RFC 9457 problem documents, worded in the reader's language.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: Tr.T("Not found"));

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: Tr.T("Some values are not valid."));
}
