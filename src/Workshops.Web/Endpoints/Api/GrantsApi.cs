using System.ComponentModel;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Travel;
using Workshops.Web.Features.Organise.Travel;

namespace Workshops.Web.Endpoints.Api;

/// <summary>One cost of one application for travel support, as the finance export gives it.</summary>
public sealed record GrantLine(string Name, string Email, string Institution, [property: Description("ISO 3166-1 alpha-2 code.")] string Country, TravelStatus Status,
    CostKind Cost, [property: Description("The currency the applicant asked in (ISO 4217).")] string Currency, decimal Requested,
    [property: Description("What was asked, in the budget's currency; null without an exchange rate.")] decimal? RequestedInBudget,
    decimal? Awarded, decimal? Approved, DateOnly? PaidOn, string? Reference);

/// <summary>A workshop's travel support: its budget and every cost asked, awarded, approved and paid, in the budget's currency.</summary>
public sealed record GrantsAnswer(string Workshop, [property: Description("ISO 4217.")] string Currency, decimal Budget, decimal Committed,
    [property: Description("Currencies asked in that have no rate: what was asked in them is not converted.")] IReadOnlyList<string> Unconverted,
    IReadOnlyList<GrantLine> Lines);

public static class GrantsApi
{
    public static void MapGrantsApi(this RouteGroupBuilder api) =>
        api.MapGet("/workshops/{slug}/travel", ReadAsync).WithName("GetTravelSupport").WithTags("Travel support")
            .WithSummary("Travel awards").WithDescription("A workshop's travel support for a finance team: the budget, and each cost asked, awarded, approved and paid.")
            .RequireToken(ApiScopes.GrantsRead).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<GrantsAnswer>, ProblemHttpResult>> ReadAsync(string slug, HttpContext http, AppDbContext db, TravelReport report, CancellationToken ct)
    {
        if (await TokenWorkshops.ReachableAsync(http, db, slug, ct) is not { } workshop) return ApiProblems.NotFound(TokenWorkshops.NotReached);
        if (await report.ReadAsync(workshop.Id, ct) is not { } data) return ApiProblems.NotFound(Tr.T("This workshop offers no travel support."));
        var money = data.Fund.Money;
        decimal? Budget(long? minor) => minor is { } m ? Currencies.FromMinor(m, money) : null;
        return TypedResults.Ok(new GrantsAnswer(workshop.Slug, data.Fund.Currency, Currencies.FromMinor(data.Fund.BudgetMinor, money),
            Currencies.FromMinor(data.Fund.CommittedMinor, money), data.Unconverted,
            data.Lines.Select(l => new GrantLine(l.Name, l.Email, l.Institution, l.Country, l.Status, l.Kind, l.Currency,
                Currencies.Find(l.Currency) is { } asked ? Currencies.FromMinor(l.Requested, asked) : l.Requested,
                Budget(l.RequestedInBudget), Budget(l.Awarded), Budget(l.Approved), l.PaidOn, l.Reference)).ToList()));
    }
}
