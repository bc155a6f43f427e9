using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Travel;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Travel;

public sealed class TravelSettingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Fields() => new()
    {
        ["Input.Offered"] = "true",
        ["Input.Budget"] = "25000.50",
        ["Input.Currency"] = "EUR",
        ["Input.OpensLocal"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"),
        ["Input.ClosesLocal"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-ddTHH:mm"),
        ["Input.CostKinds"] = "Travel",
        ["Input.Funder"] = "GBIF CESP",
        ["Input.Conditions"] = "Keep your receipts.",
        ["Input.Rates[0].Currency"] = "usd",
        ["Input.Rates[0].Rate"] = "0.92",
        ["Input.Questions[0].Text"] = "What is your role in your node?",
        ["Input.Questions[0].Required"] = "true",
        ["Input.Criteria[0].Name"] = "Benefit to their node",
        ["Input.Criteria[0].Weight"] = "3",
    };

    private static string Url(Guid workshop) => $"/organise/workshops/{workshop}/travel/settings";

    [Fact]
    public async Task An_organiser_offers_travel_support_and_changes_it_keeping_its_questions()
    {
        var workshop = await app.AddWorkshopAsync($"tv-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);
        // Not offered yet: the travel page leads to its settings, which start from the community's usual questions.
        var first = await organiser.GetAsync($"/organise/workshops/{workshop.Id}/travel");
        Assert.Equal(Url(workshop.Id), first.Headers.Location?.ToString());
        Assert.Contains("What will you do with what you learn", WebUtility.HtmlDecode(await (await organiser.GetAsync(Url(workshop.Id))).BodyAsync()));

        var fields = Fields();
        var response = await organiser.PostFormAsync(Url(workshop.Id), fields.Append(new("Input.CostKinds", "Lodging")), Url(workshop.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var fund = await app.WithDb(db => db.TravelFunds.AsNoTracking().SingleAsync(f => f.WorkshopId == workshop.Id));
        Assert.Equal((2_500_050L, "EUR", true), (fund.BudgetMinor, fund.Currency, fund.Offered));
        Assert.Equal([CostKind.Travel, CostKind.Lodging], fund.CostKinds);
        Assert.Equal(("USD", 0.92m), (Assert.Single(fund.Rates).Currency, fund.Rates[0].Rate));
        Assert.Equal("What is your role in your node?", Assert.Single(fund.Questions).Text.Default);
        Assert.Equal(3, Assert.Single(fund.Criteria).Weight);
        var overview = WebUtility.HtmlDecode(await (await organiser.GetAsync($"/organise/workshops/{workshop.Id}/travel")).BodyAsync());
        Assert.Contains("25,000.50\u00A0EUR", overview);
        Assert.Contains("Nobody has submitted an application yet.", overview);

        var form = await BrowserForm.LoadAsync(organiser, Url(workshop.Id));
        form = form.With("Input.Budget", "30000");
        form = form.With("Input.Questions[0].Text", "Your role in your node");
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(organiser)).StatusCode);
        var changed = await app.WithDb(db => db.TravelFunds.AsNoTracking().SingleAsync(f => f.WorkshopId == workshop.Id));
        Assert.Equal(3_000_000L, changed.BudgetMinor);
        // The question keeps its row, so answers given to it stay attached.
        Assert.Equal(fund.Questions[0].Id, Assert.Single(changed.Questions).Id);
        Assert.Equal("Your role in your node", changed.Questions[0].Text.Default);
    }

    [Theory]
    [InlineData("Input.Budget", "-5", "Give a budget of more than zero.")]
    [InlineData("Input.Budget", "lots", "Write the budget as a number")]
    [InlineData("Input.Budget", "900000000", "A budget can be at most")]
    [InlineData("Input.Budget", "10.555", "Amounts in EUR have at most 2 decimals.")]
    [InlineData("Input.Currency", "XYZ", "Choose the budget's currency from the list.")]
    [InlineData("Input.ClosesLocal", "2020-01-01T00:00", "Applications must close after they open.")]
    [InlineData("Input.CostKinds", "", "Choose at least one kind of cost")]
    [InlineData("Input.Rates[0].Currency", "ABC", "Choose each rate's currency from the list.")]
    [InlineData("Input.Rates[0].Rate", "-1", "Give the rate of USD")]
    [InlineData("Input.Criteria[0].Name", "", "Give reviewers at least one criterion to score.")]
    public async Task Bad_settings_are_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var workshop = await app.AddWorkshopAsync($"tb-{Guid.NewGuid():N}"[..20]);
        var fields = Fields();
        fields[field] = value;
        // A browser sends no box at all when none is ticked.
        if (value.Length == 0 && field == "Input.CostKinds") fields.Remove(field);

        var response = await (await app.BrowserAs(Roles.Organiser)).PostFormAsync(Url(workshop.Id), fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, Forms.Errors(await response.BodyAsync()));
        Assert.False(await app.WithDb(db => db.TravelFunds.AnyAsync(f => f.WorkshopId == workshop.Id)));
    }

    [Fact]
    public async Task The_budget_cannot_drop_below_what_awards_hold_and_a_stale_form_is_refused()
    {
        var workshop = await app.AddWorkshopAsync($"th-{Guid.NewGuid():N}"[..20]);
        var fund = await app.AddTravelFundAsync(workshop, budget: 5000m);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<TravelLedger>().TryHoldAsync(fund.Id, 400_000, default));
        var organiser = await app.BrowserAs(Roles.Organiser);

        var form = await BrowserForm.LoadAsync(organiser, Url(workshop.Id));
        form = form.With("Input.Budget", "3000");
        var lowered = await form.PostAsync(organiser);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lowered.StatusCode);
        Assert.Contains("Awards already hold 4,000.00\u00A0EUR: the budget cannot be less.", Forms.Errors(await lowered.BodyAsync()));
        var kept = await app.WithDb(db => db.TravelFunds.AsNoTracking().SingleAsync(f => f.Id == fund.Id));
        Assert.Equal((500_000L, 400_000L), (kept.BudgetMinor, kept.CommittedMinor));
        Assert.Equal(fund.Funder, kept.Funder);

        var first = await BrowserForm.LoadAsync(organiser, Url(workshop.Id));
        var second = await BrowserForm.LoadAsync(organiser, Url(workshop.Id));
        first = first.With("Input.Funder", "First");
        second = second.With("Input.Funder", "Second");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync(organiser)).StatusCode);
        var stale = await second.PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("First", await app.WithDb(db => db.TravelFunds.Where(f => f.Id == fund.Id).Select(f => f.Funder).SingleAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_set_up_travel_support(string? role)
    {
        var workshop = await app.AddWorkshopAsync($"to-{Guid.NewGuid():N}"[..20]);
        await app.AddTravelFundAsync(workshop);
        var client = await app.BrowserAs(role);
        foreach (var url in new[] { Url(workshop.Id), $"/organise/workshops/{workshop.Id}/travel" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
        }
        var post = await client.PostFormAsync(Url(workshop.Id), Fields(), role is null ? "/account/signin" : "/account");
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        Assert.Equal(1_000_000L, await app.WithDb(db => db.TravelFunds.Where(f => f.WorkshopId == workshop.Id).Select(f => f.BudgetMinor).SingleAsync()));
    }
}
